"""The production settings plus the bench's bare view (bench/wsgi.py serves it without middleware)."""

from pathlib import Path

from danvan.settings import *  # noqa: F403
from danvan.settings import TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parent / "templates"]
