"""`python -m ingest.parser FILE`: print the plan's JSON; on bad input, a Vietnamese message on
stderr and exit status 1."""

from __future__ import annotations

import argparse
import json
import sys

from .errors import ExtractionError
from .extract import extract_plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="extract_plan", description="Trích xuất kế hoạch từ tệp .docx, .doc, .odt, .pdf, .txt"
    )
    parser.add_argument("file", help="tệp kế hoạch cần trích xuất")
    args = parser.parse_args(argv)
    try:
        plan = extract_plan(args.file)
    except ExtractionError as e:
        print(f"Lỗi: {e.message_vi}", file=sys.stderr)
        return 1
    print(json.dumps(plan, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
