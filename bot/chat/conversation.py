"""The conversation token: what the next turn needs, carried by the client, signed by the bot.

API workers keep no conversation state: each answer hands the client a small token with what a
follow-up needs (the last answered question, the passages it quoted, the list it gave, the
conversation's language), and the next request sends it back. Any worker or host with the same
key can continue the conversation; nothing about the resident is stored for it.

Format: `v1.<payload>.<mac>`; the payload is zlib-compressed JSON in URL-safe base64, the MAC an
HMAC-SHA256 over version and payload, truncated to 128 bits. A token that is malformed, tampered
with, signed with another key or past its expiry is ignored: the message then stands alone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import time
import zlib
from dataclasses import dataclass, field

log = logging.getLogger(__name__)
VERSION = "v1"
MAC_BYTES = 16
MAX_QUESTION = 1000
MAX_RAW = 16_384  # bytes of JSON a token may inflate to


@dataclass(frozen=True)
class Context:
    """What the previous turns leave for the next one."""

    lang: str  # the conversation's language: the last answer's
    question: str = ""  # the last question that was answered from the page ("" after small talk only)
    chunks: tuple[str, ...] = ()  # the passages that answer quoted, best first
    items: tuple[str, ...] = ()  # the list the answer gave, in order (for "the fourth one")
    asks: tuple[str, ...] = ()  # what that question asked for (time, count, …)
    expires: float = field(default=0.0, compare=False)

    def key(self) -> tuple[object, ...]:
        """What an answer depends on (not when the token expires)."""
        return (self.lang, self.question, self.chunks, self.items, self.asks)

    def to_json(self) -> dict[str, object]:
        return {
            "l": self.lang,
            "q": self.question[:MAX_QUESTION],
            "c": list(self.chunks),
            "i": list(self.items),
            "a": list(self.asks),
            "e": round(self.expires),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Context:
        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{key} is not a list of strings")
            return tuple(value)

        lang, question, expires = data.get("l"), data.get("q", ""), data.get("e")
        if not isinstance(lang, str) or not isinstance(question, str) or not isinstance(expires, int | float):
            raise ValueError("missing or mistyped fields")
        return cls(lang, question, strings("c"), strings("i"), strings("a"), float(expires))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class ConversationTokens:
    """Signs and verifies conversation tokens with one key; `ttl` seconds of validity."""

    def __init__(self, key: bytes, ttl: float) -> None:
        if len(key) < 16:
            raise ValueError("the conversation key must have at least 16 bytes")
        self._key = key
        self._ttl = ttl

    def _mac(self, payload: str) -> str:
        digest = hmac.new(self._key, f"{VERSION}.{payload}".encode("ascii"), hashlib.sha256).digest()
        return _b64(digest[:MAC_BYTES])

    def issue(self, context: Context, now: float | None = None) -> str:
        stamped = Context(
            context.lang,
            context.question,
            context.chunks,
            context.items,
            context.asks,
            (now if now is not None else time.time()) + self._ttl,
        )
        raw = json.dumps(stamped.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        payload = _b64(zlib.compress(raw, 9))
        return f"{VERSION}.{payload}.{self._mac(payload)}"

    def read(self, token: str | None, now: float | None = None) -> Context | None:
        """The context a token carries, or None when there is none or it cannot be trusted."""
        if not token:
            return None
        try:
            version, payload, mac = token.split(".")
            if version != VERSION or not hmac.compare_digest(mac, self._mac(payload)):
                raise ValueError("bad signature")
            inflate = zlib.decompressobj()
            raw = inflate.decompress(_unb64(payload), MAX_RAW)
            if inflate.unconsumed_tail:
                raise ValueError("payload too large")
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            context = Context.from_json(data)
        except (ValueError, zlib.error, binascii.Error, UnicodeDecodeError) as exc:
            log.info("conversation token ignored: %s", exc)
            return None
        if context.expires < (now if now is not None else time.time()):
            log.info("conversation token ignored: expired")
            return None
        return context
