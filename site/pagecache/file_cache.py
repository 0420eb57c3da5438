"""Django's file-based cache, its folder counted now and then instead of on every write.

The page cache and the sessions use files when there is no Redis (settings `CACHES`): every gunicorn
worker on the server reads the same folder. Django's `FileBasedCache` lists that whole folder on every
`set()` to see whether it holds more than MAX_ENTRIES. Near the page cache's 5,000 entries a write took
8 ms on the benchmark's machine, 5 of them listing the folder, and the sessions' folder may hold 50,000.
The page cache writes often: a kept page, and a learner's token each time something of theirs changes
(a quiz start and submit, a module finished).

Here a process lists the folder on its first write and then on one write in CULL_EVERY (an OPTIONS key,
100 by default). MAX_ENTRIES becomes a soft limit: between two counts each worker may add up to
CULL_EVERY entries more before the cull (Django's own, a third of the files by default) brings the folder
back under it. Reads and the files themselves are Django's, unchanged.
"""

from __future__ import annotations

from django.core.cache.backends.filebased import FileBasedCache

DEFAULT_CULL_EVERY = 100


class FileCache(FileBasedCache):
    def __init__(self, dir, params):
        options = dict(params.get("OPTIONS", {}))
        self.cull_every = max(1, int(options.pop("CULL_EVERY", DEFAULT_CULL_EVERY)))
        super().__init__(dir, {**params, "OPTIONS": options})
        self._writes_until_count = 0  # the first write counts the folder

    def _cull(self):
        if self._writes_until_count > 0:
            self._writes_until_count -= 1
            return
        self._writes_until_count = self.cull_every - 1
        super()._cull()
