"""The content hash that ties a built index to the exact files it was built from."""

from __future__ import annotations

import hashlib
from pathlib import Path


def content_hash(paths: list[Path]) -> str:
    """A hash of every byte (and name) of the given files: any edit changes it."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()
