# Touchstone: `make run` serves the demo site, `make test` runs every test. Both set up what they need.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
NGINX ?= /usr/sbin/nginx
PYTEST_ARGS ?=

.PHONY: run test install install-test browser nginx prod-smoke migrate demo lint format check-deploy bench clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Touchstone needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamps make the install steps re-run only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(PY)
	$(PIP) install --quiet -r requirements-test.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# Browser tests drive Debian's Chromium. Install it when it is missing (as root, or through sudo).
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "Installing Chromium for the browser tests (Debian packages chromium, chromium-driver)..."; \
		if [ "$$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else \
			echo "Chromium is missing and this account cannot install packages: install chromium and chromium-driver, or set CHROMIUM=/path/to/chrome." >&2; exit 1; fi; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

# The production smoke run uses Debian's nginx. Install it when it is missing (as root, or through sudo);
# the package's own service is left alone: the smoke starts its own nginx with its own configuration.
nginx:
	@if [ ! -x "$(NGINX)" ]; then \
		echo "Installing nginx for the production smoke run (Debian package nginx)..."; \
		if [ "$$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else \
			echo "nginx is missing and this account cannot install packages: install nginx, or set NGINX=/path/to/nginx." >&2; exit 1; fi; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	fi

# Two gunicorn nodes behind nginx on a fresh PostgreSQL database; one is killed mid-quiz (docs/operations.md).
prod-smoke: install nginx
	PROD_SMOKE_NGINX=$(NGINX) $(PY) deploy/smoke/prod_smoke.py

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo "Serving Touchstone at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/). Stop with Ctrl+C."
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-test browser
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)

# import-linter finds the site-wide packages (config, home, search, accounts, teams) through site/.
lint: install-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m djlint --lint .
	PYTHONPATH=site $(VENV)/bin/lint-imports

format: install-test
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# The site benchmark drives gunicorn with Debian's wrk: installed when missing (as root, or through sudo).
# BENCH_ARGS passes options on, e.g. make bench BENCH_ARGS="--duration 5 --workers 3" (docs/performance.md).
BENCH_ARGS ?=
bench: install
	@if ! command -v wrk >/dev/null; then \
		echo "Installing wrk for the benchmark (Debian package wrk)..."; \
		if [ "$$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else \
			echo "wrk is missing and this account cannot install packages: install wrk (apt-get install wrk)." >&2; exit 1; fi; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	fi
	$(PY) manage.py bench_site $(BENCH_ARGS)

check-deploy: install
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=touchstone.example.org DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache staticfiles .page-cache .session-cache
