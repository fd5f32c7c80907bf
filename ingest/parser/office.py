"""Legacy Word .doc and OpenDocument .odt, converted to .docx by LibreOffice headless.

The conversion runs in a temporary directory with its own LibreOffice profile (so that two imports
never share a lock), under a time limit after which the whole process group is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ErrorCode, ExtractionError

CONVERT_TIMEOUT_S = 60


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@contextmanager
def converted_to_docx(path: Path, kind: str, timeout: float | None = None) -> Iterator[Path]:
    """The .docx LibreOffice makes of `path`; removed when the block ends."""
    program = soffice()
    if program is None:
        raise ExtractionError(ErrorCode.CONVERTER_UNAVAILABLE, kind=kind)
    limit = CONVERT_TIMEOUT_S if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="danvan-convert-") as tmp:
        directory = Path(tmp)
        source = directory / f"input{path.suffix.lower() or '.doc'}"
        shutil.copyfile(path, source)
        command = [
            program,
            f"-env:UserInstallation=file://{directory / 'profile'}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(directory / "out"),
            str(source),
        ]
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, cwd=directory
        )
        try:
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise ExtractionError(ErrorCode.CONVERSION_TIMEOUT, kind=kind, seconds=int(limit)) from None
        result = directory / "out" / f"{source.stem}.docx"
        if process.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise ExtractionError(ErrorCode.CORRUPT, kind=kind)
        yield result
