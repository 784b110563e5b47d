"""Keys the bot needs that must not live in the database: from settings, or a 0600 file in the data dir.

Several workers on one host share the file; several hosts need the key in their settings (an
environment variable from the deployment's secret store), or each host signs its own tokens.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from bot.config import Settings

log = logging.getLogger(__name__)
KEY_BYTES = 32


def key_file(path: Path) -> bytes:
    """The key in `path`, created (0600, exclusively) with random bytes when there is none yet."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        data = path.read_bytes()
        if len(data) < 16:
            raise ValueError(f"{path} holds no usable key; delete it to have a new one made") from None
        return data
    key = secrets.token_bytes(KEY_BYTES)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key


def conversation_key(settings: Settings) -> bytes:
    if settings.conversation_key is not None:
        return settings.conversation_key.get_secret_value().encode("utf-8")
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return key_file(settings.data_dir / "conversation.key")
    except OSError as exc:
        # a read-only data dir: conversations still work, within this process only
        log.warning("cannot keep a conversation key in %s (%s); using one for this process", settings.data_dir, exc)
        return secrets.token_bytes(KEY_BYTES)
