"""Legacy Word .doc and OpenDocument .odt are read through LibreOffice headless, under a time limit;
a file it cannot read or a conversion that hangs gives a Vietnamese error."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from ingest.parser import ErrorCode, ExtractionError, extract_plan, office
from ingest.parser.scoring import groups_of, score
from ingest.tests.conftest import SEED_STEMS
from ingest.tests.documents import SOFFICE_TIMEOUT_S


@pytest.fixture(scope="module")
def office_documents(seed_documents, tmp_path_factory):
    """Each seed's .docx saved by LibreOffice as .doc (Word 97–2003) and as .odt."""
    directory = tmp_path_factory.mktemp("office")
    sources = [str(seed_documents[stem]["docx"]) for stem in SEED_STEMS]
    profile = f"-env:UserInstallation=file://{directory / 'profile'}"
    for target in ("doc:MS Word 97", "odt"):
        subprocess.run(
            [office.soffice(), profile, "--headless", "--convert-to", target, "--outdir", str(directory), *sources],
            check=True,
            capture_output=True,
            timeout=SOFFICE_TIMEOUT_S,
        )
    return {stem: {ext: directory / f"{stem}.{ext}" for ext in ("doc", "odt")} for stem in SEED_STEMS}


@pytest.mark.parametrize("fmt", ["doc", "odt"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_doc_and_odt_reach_the_same_bar_as_docx(office_documents, gold, stem, fmt):
    path = office_documents[stem][fmt]
    assert path.read_bytes()[:4] == (b"\xd0\xcf\x11\xe0" if fmt == "doc" else b"PK\x03\x04")
    scores = score(extract_plan(path), gold[stem])
    below = {g: round(scores[g].f1, 3) for g in groups_of(scores) if scores[g].f1 < 0.95}
    assert not below, f"{stem}.{fmt}: {below}"


def _refused(path) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        extract_plan(path)
    return caught.value


def test_a_conversion_that_hangs_is_stopped_at_the_time_limit(tmp_path, monkeypatch, office_documents):
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(office, "CONVERT_TIMEOUT_S", 1)
    started = time.monotonic()
    error = _refused(office_documents[SEED_STEMS[0]]["doc"])
    assert time.monotonic() - started < 10
    assert error.code == ErrorCode.CONVERSION_TIMEOUT
    assert "quá 1 giây" in error.message_vi


def test_without_libreoffice_a_doc_gives_a_message_to_save_it_as_docx(tmp_path, monkeypatch, office_documents):
    monkeypatch.setattr(office, "soffice", lambda: None)
    error = _refused(office_documents[SEED_STEMS[0]]["doc"])
    assert error.code == ErrorCode.CONVERTER_UNAVAILABLE
    assert "LibreOffice" in error.message_vi


def test_a_doc_libreoffice_cannot_read_is_refused_as_corrupt(tmp_path):
    path = tmp_path / "hong.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    error = _refused(path)
    assert error.code == ErrorCode.CORRUPT
    assert "không đọc được" in error.message_vi


def test_a_file_named_doc_that_is_no_word_file_is_refused(tmp_path):
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(b"not a document at all")
    assert _refused(path).code == ErrorCode.CORRUPT
