"""A trained model stored as one JSON file: the dataclass's fields, written and read back as they are.

The scope, list and pointer models are small dataclasses trained (or calibrated) by a CLI command
and shipped in `bot/models/`; this is the one way they reach the disk and come back.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, ClassVar, Self


class JsonModel:
    """Mixin for a dataclass model; `INDENT` lets a file meant to be read by people stay readable."""

    INDENT: ClassVar[int | None] = None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fields: dict[str, Any] = asdict(self)  # type: ignore[call-overload]  # subclasses are dataclasses
        path.write_text(
            json.dumps(fields, indent=self.INDENT, ensure_ascii=self.INDENT is None) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, path: Path) -> Self:
        return cls(**json.loads(path.read_text(encoding="utf-8")))
