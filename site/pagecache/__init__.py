"""Whole public pages kept for visitors without a session, and thrown away when what they show changes.

A visitor with no session cookie sees exactly what every other such visitor sees, so the page the first
one was sent can be sent to the next from Django's cache (the `pages` alias: a folder of files on one
server, Redis when REDIS_URL is set). `middleware` decides what may be kept and serves it; `generation`
holds the one token every key includes, and `invalidation` replaces it whenever a page is published,
unpublished, moved or deleted, or a snippet, setting or other record that pages show is saved. The
operations guide ("Page cache") explains the choice.
"""
