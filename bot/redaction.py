"""Removes personal data from text before it is stored or leaves the process.

Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer),
10 or 12 digits with "-", "+" or nothing before the last four, are recognised by their Luhn
check digit, so an order number or a date is left alone. E-mail addresses and phone numbers
are recognised by their shape.
"""

from __future__ import annotations

import re

PNR_TOKEN = "[personnummer]"
EMAIL_TOKEN = "[e-post]"
PHONE_TOKEN = "[telefon]"

_PNR = re.compile(r"(?<![\d+\-])(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+]?)(?P<tail>\d{4})(?![\d])")
_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# +46 70 123 45 67, 0046-70-1234567, 070-123 45 67, 0980-123 45, (0980) 70000
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?0?\d{1,4}\)?(?:[ \-]?\d){5,12}(?!\w)")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _valid_date(date: str) -> bool:
    month, day = int(date[2:4]), int(date[4:6])
    if day > 60:  # samordningsnummer: day + 60
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def is_personnummer(candidate: str) -> bool:
    m = _PNR.fullmatch(candidate)
    return bool(m and _valid_date(m["date"]) and luhn_ok(m["date"] + m["tail"]))


def _redact_pnr(match: re.Match[str]) -> str:
    if _valid_date(match["date"]) and luhn_ok(match["date"] + match["tail"]):
        return PNR_TOKEN
    return match.group(0)


def _redact_phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    starts_like_phone = text.lstrip("(").startswith(("+", "0"))
    return PHONE_TOKEN if starts_like_phone and 7 <= len(digits) <= 15 else text


def redact(text: str) -> str:
    """The text with identity numbers, e-mail addresses and phone numbers replaced by tokens."""
    text = _EMAIL.sub(EMAIL_TOKEN, text)
    text = _PNR.sub(_redact_pnr, text)
    return _PHONE.sub(_redact_phone, text)
