#!/usr/bin/env python
"""Django's command-line utility for Touchstone."""

import os
import sys
from pathlib import Path

# `site/` holds the site-wide project. Its packages (config, home, search) are imported from
# there because `site` itself is a standard-library module and cannot be a package name.
BASE_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BASE_DIR / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
