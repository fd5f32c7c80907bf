"""Seed plans as .txt, .docx and .pdf (the .docx exported by LibreOffice), generated once per test
session. Without LibreOffice the tests that need them fail: `make test` installs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.tests.documents import FIXTURES, LAYOUTS, make_documents

GOLD = FIXTURES / "gold"
SEED_STEMS = sorted(p.stem for p in GOLD.glob("*.json"))


@pytest.fixture(scope="session")
def seed_documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    directory = tmp_path_factory.mktemp("seeds")
    try:
        return make_documents(SEED_STEMS, directory)
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {stem: json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8")) for stem in SEED_STEMS}


@pytest.fixture
def immediate_tasks(settings):
    """Run background tasks inside the request, as a worker would right after."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


LAYOUT_GOLD = LAYOUTS / "gold"
LAYOUT_STEMS = sorted(p.stem for p in LAYOUTS.glob("*.txt"))


@pytest.fixture(scope="session")
def layout_documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The plans of other layouts (ingest/tests/fixtures/layouts) as .txt, .docx and .pdf."""
    directory = tmp_path_factory.mktemp("layouts")
    try:
        return make_documents(LAYOUT_STEMS, directory, LAYOUTS)
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="session")
def layout_gold() -> dict[str, dict]:
    return {stem: json.loads((LAYOUT_GOLD / f"{stem}.json").read_text(encoding="utf-8")) for stem in LAYOUT_STEMS}
