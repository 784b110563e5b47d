"""The one error for a file the bot reads at start that is missing or malformed."""

from __future__ import annotations

from pathlib import Path


class CorpusError(ValueError):
    """A file (document, metadata, translation, thesaurus, cue table, profile) the bot cannot read as
    it expects; the message names the file and says what is wrong, for a one-line startup error."""


def read_text(path: Path) -> str:
    """A UTF-8 text file's content; a file that is not UTF-8 or cannot be read is a CorpusError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
