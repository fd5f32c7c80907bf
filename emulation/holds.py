"""What holds a nomination back: an open inspection finding, a discipline or a complaint against its person or
unit (Luật TĐKT 2022: no commendation while one pends). The apps that know them register a source here
(inspections: findings and disciplines; citizens, when present: complaints), so emulation imports none of them.

A source is `source(exemplar) -> list[str]`: the reasons, in Vietnamese, that hold it now (none: not held).
"""

from __future__ import annotations

from core.registry import Registry

hold_sources = Registry("nomination holds")


def holds_of(exemplar) -> list[str]:
    return [reason for source in hold_sources for reason in source(exemplar)]
