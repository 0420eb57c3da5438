"""The site benchmark (`manage.py bench_site`, `make bench`): the real stack under a real load generator.

stack.py     a fresh PostgreSQL database and gunicorn with production settings (reusable by other checks)
prepare.py   runs inside that stack: finds the pages to measure and signs the learners in
load.py      wrk for the pages, a small threaded client for quiz autosave and submit
report.py    the table: requests per second, p50, p99, the ratio to a bare Django view and the targets
run.py       one run start to finish, in the order the table shows
urls.py      the site's URLs plus the bare view, used only while the benchmark runs
"""
