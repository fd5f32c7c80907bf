"""Every string a user can read has a Vietnamese translation in danvan/locale/vi."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[2]
CATALOG = REPO / "danvan" / "locale" / "vi" / "LC_MESSAGES" / "django.po"
# What `makemessages` skips (README, "Translations"): installed code, collected files, the
# plain-Python plan parser (no gettext) and test documents.
IGNORE = [".venv", "node_modules", "staticfiles", "ingest/parser", "*/tests/fixtures"]
SOURCE_SUFFIXES = {".py", ".html", ".txt"}


def describe(entry):
    return f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid


def test_catalog_has_no_untranslated_or_fuzzy_entry():
    catalog = polib.pofile(str(CATALOG))
    missing = [describe(entry) for entry in catalog.untranslated_entries()]
    fuzzy = [describe(entry) for entry in catalog.fuzzy_entries()]
    assert not missing, "Untranslated in django.po:\n" + "\n".join(missing)
    assert not fuzzy, "Fuzzy in django.po:\n" + "\n".join(fuzzy)


@pytest.fixture
def gettext_tools():
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext not found: `make setup` installs Debian's gettext.")


def copy_sources(target: Path) -> None:
    """The project's apps, source files only: makemessages then writes nothing in the repo."""

    def skip(directory, names):
        here = Path(directory)
        return [
            name
            for name in names
            if name in {"locale", "__pycache__"}
            or ((here / name).is_file() and Path(name).suffix not in SOURCE_SUFFIXES)
        ]

    for app in REPO.iterdir():
        if (app / "__init__.py").is_file() and app.name not in IGNORE:
            shutil.copytree(app, target / app.name, ignore=skip)


def test_makemessages_finds_no_string_missing_from_the_catalog(gettext_tools, tmp_path, monkeypatch, settings):
    sources, locale = tmp_path / "src", tmp_path / "locale"
    copy_sources(sources)
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(sources)
    ignore = [arg for pattern in IGNORE for arg in ("--ignore", pattern)]
    call_command("makemessages", "--locale", "vi", "--domain", "django", "--verbosity", "0", *ignore)

    committed = polib.pofile(str(CATALOG))
    extracted = polib.pofile(str(locale / "vi" / "LC_MESSAGES" / "django.po"))
    assert len(extracted) > 100, "makemessages found almost nothing: is gettext installed?"
    missing = []
    for entry in extracted:
        known = committed.find(entry.msgid, msgctxt=entry.msgctxt)
        if known is None or not known.translated():
            missing.append(f"{describe(entry)}  ({', '.join(f for f, _ in entry.occurrences[:2])})")
    assert not missing, (
        f"{len(missing)} strings have no Vietnamese translation; add them at the end of "
        f"{CATALOG.relative_to(REPO)}:\n" + "\n".join(missing)
    )


def test_the_catalog_compiles_with_every_format_string_matching(gettext_tools, tmp_path):
    """`make` compiles the catalog; a translation whose placeholders differ from its msgid breaks it."""
    result = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(CATALOG)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
