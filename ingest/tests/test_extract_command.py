"""`danvan extract_plan FILE` prints the plan's JSON; an unreadable file exits non-zero in Vietnamese."""

import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from ingest.tests.documents import SEEDS


def test_extract_plan_prints_the_schema_json(capsys):
    call_command("extract_plan", str(SEEDS / "svhttdl-tayninh-2025.txt"))
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["symbol"] == "KH-SVHTTDL" and data["basis"] == ["696/KH-UBND"]


def test_an_unreadable_file_is_an_error_in_vietnamese(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(CommandError, match="bị hỏng"):
        call_command("extract_plan", str(bad))
    result = subprocess.run(
        [sys.executable, "-m", "danvan.manage", "extract_plan", str(bad)], capture_output=True, text=True
    )
    assert result.returncode != 0 and "bị hỏng" in result.stderr and result.stdout == ""


def test_extract_plan_prints_the_version_2_body(capsys):
    call_command("extract_plan", str(SEEDS / "sxd-tayninh-2024.txt"))
    data = json.loads(capsys.readouterr().out)
    assert len(data["purposes"]) == 3
    area = data["content_areas"][0]
    assert area["label"] == "1" and len(area["activities"]) == 3
    assert set(area) >= {"title", "lead", "support", "timing", "due_date", "recurrence"}
