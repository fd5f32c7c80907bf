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
    # The session already loaded the core demo once (conftest); `load_demo` adds the registers' demo data
    # (and their accounts, such as `handler`) once, and loading everything again adds nothing.
    assert _counts()["users"] == 8
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    before = _counts()
    assert before["organizations"] > 40 and before["staff"] > 500 and before["users"] == 9
    demo.load()
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == before
    assert "focal" in out.getvalue() and "danvan-demo" in out.getvalue()
    # The periodic reports, their steps and the agencies' numbers in the register: loaded once only.
    from progress.reporting_models import Report, ReportStep
    from registry.models import RegisteredDocument

    reports = (Report.objects.count(), ReportStep.objects.count(), RegisteredDocument.objects.count())
    assert reports[0] > 0
    call_command("load_demo", stdout=io.StringIO())
    assert (Report.objects.count(), ReportStep.objects.count(), RegisteredDocument.objects.count()) == reports


# Django's deploy check wants 50 characters and more than 5 distinct ones.
PRODUCTION_CHECKS = {**PRODUCTION, "SECRET_KEY": "Xq7-" + "abcdefghij" * 5, "ALLOWED_HOSTS": "danvan.example.gov.vn"}
RAISE_ON_LOGIN_PAGE = """
import django; django.setup()
from django.conf import settings
# Production serves collectstatic's hashed files; this checkout has not collected them.
settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
from django.contrib.auth import views
from django.test import Client
def broken(self, request, *args, **kwargs):
    raise RuntimeError("boom")
views.LoginView.get = broken
response = Client(raise_request_exception=False, HTTP_HOST="danvan.example.gov.vn",
                  HTTP_X_FORWARDED_PROTO="https").get("/accounts/login/")
print(response.status_code)
print(response.content.decode())
"""


def _run(code: list[str], environ: dict, tmp_path) -> subprocess.CompletedProcess:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is no deployment's: leave it out.
    inherited = {key: value for key, value in os.environ.items()
                 if key not in {"DEBUG", "SECRET_KEY", "DANVAN_ENV", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    return subprocess.run(
        [sys.executable, *code], cwd=PROJECT, text=True, capture_output=True, timeout=60,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "danvan.settings",
             "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", **environ},
    )


def test_deploy_checks_pass_in_production_but_for_what_the_proxy_does(tmp_path):
    outcome = _run(["danvan/manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_CHECKS, tmp_path)
    assert outcome.returncode == 0, outcome.stderr
    assert "System check identified no issues" in outcome.stdout


def test_a_server_error_in_production_answers_the_vietnamese_500_page(tmp_path):
    outcome = _run(["-c", RAISE_ON_LOGIN_PAGE], PRODUCTION_CHECKS, tmp_path)
    assert outcome.returncode == 0, outcome.stderr
    status, page = outcome.stdout.split("\n", 1)
    assert status == "500"
    assert "<title>Lỗi máy chủ · DanVan</title>" in page
    assert "Hệ thống đang gặp sự cố." in page
    assert "Traceback" not in page and "RuntimeError" not in page
