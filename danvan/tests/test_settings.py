"""Production refuses unsafe settings; demo data loads once and never in production."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from orgs import demo
from orgs.models import Membership, Organization, OrganizationChange, StaffMember

PROJECT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "k" * 20 + "-production-secret-0123456789"
START = "import django; django.setup(); from django.conf import settings; print('DEBUG', settings.DEBUG)"
LOAD_DEMO = "import sys; from danvan.manage import main; sys.argv = ['danvan', 'load_demo']; main()"
PRODUCTION = {"DANVAN_ENV": "production"}
UNSAFE_KEY = "Set a SECRET_KEY of at least 32 characters when DANVAN_ENV=production."

# name -> (environment, code run in a fresh interpreter)
CONFIGURATIONS = {
    "debug-on": ({**PRODUCTION, "DEBUG": "1", "SECRET_KEY": GOOD_SECRET}, START),
    "no-secret-key": (PRODUCTION, START),
    "default-secret-key": ({**PRODUCTION, "SECRET_KEY": "danvan-development-key-not-for-production"}, START),
    "short-secret-key": ({**PRODUCTION, "SECRET_KEY": "short-secret"}, START),
    "safe-production": ({**PRODUCTION, "SECRET_KEY": GOOD_SECRET}, START),
    "unknown-environment": ({"DANVAN_ENV": "prod", "SECRET_KEY": GOOD_SECRET}, START),
    "load-demo-in-production": ({**PRODUCTION, "SECRET_KEY": GOOD_SECRET}, LOAD_DEMO),
}


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> dict[str, Outcome]:
    """Each configuration started in its own interpreter, all at once (each takes about a second)."""
    database = tmp_path_factory.mktemp("settings") / "db.sqlite3"
    inherited = {key: value for key, value in os.environ.items()
                 if key not in {"DEBUG", "SECRET_KEY", "DANVAN_ENV", "DATABASE_URL"}}
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-c", code], cwd=PROJECT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**inherited, "DJANGO_SETTINGS_MODULE": "danvan.settings",
                 "DATABASE_URL": f"sqlite:///{database}", **environ},
        )
        for name, (environ, code) in CONFIGURATIONS.items()
    }
    outcomes = {}
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=60)
        outcomes[name] = Outcome(process.returncode, stdout, stderr)
    return outcomes


REFUSALS = {
    "debug-on": "DEBUG must be off when DANVAN_ENV=production.",
    "no-secret-key": UNSAFE_KEY,
    "default-secret-key": UNSAFE_KEY,
    "short-secret-key": UNSAFE_KEY,
    "unknown-environment": "DANVAN_ENV must be 'development' or 'production'.",
}


@pytest.mark.parametrize("name", REFUSALS)
def test_production_refuses_to_start_with_unsafe_settings(started, name):
    outcome = started[name]
    assert outcome.returncode != 0
    assert "ImproperlyConfigured" in outcome.stderr
    assert REFUSALS[name] in outcome.stderr


def test_a_safe_production_configuration_starts_with_debug_off(started):
    outcome = started["safe-production"]
    assert outcome.returncode == 0, outcome.stderr
    assert outcome.stdout.strip() == "DEBUG False"


def test_load_demo_refuses_in_production(started):
    outcome = started["load-demo-in-production"]
    assert outcome.returncode != 0
    assert "refusing in production" in outcome.stderr


def _counts():
    return {
        "organizations": Organization.objects.count(),
        "changes": OrganizationChange.objects.count(),
        "staff": StaffMember.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
    }


def test_loading_the_demo_again_duplicates_nothing(db):
    # The session already loaded the demo once (conftest); load it twice more.
    before = _counts()
    assert before["organizations"] > 40 and before["staff"] > 500 and before["users"] == 8
    demo.load()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _counts() == before
    assert "focal" in out.getvalue() and "danvan-demo" in out.getvalue()
