"""Removes personal data from text before it is stored or leaves the process.

People write numbers in many ways: with any script's digits (Arabic-Indic, Persian, fullwidth),
with spaces, dashes of every kind, dots or slashes between the groups, with invisible
characters in between, glued to a word ("tel0701234567", "personnummer-811218-9876"). So the
text is first seen through a normalized view (every digit an ASCII digit, every dash "-", every
space " ", invisible characters and marks dropped) that remembers where each character came
from; the patterns are matched on the view and the matching spans are replaced in the original.

- Swedish personal identity numbers and coordination numbers (day + 60): 10 or 12 digits,
  with "-", "+" (people over 100) or any separator, recognised by a valid date and their Luhn
  check digit, so an order number or a date is left alone.
- Phone numbers: national ("0" first), international ("+" or "00" first, any country), the
  Nordic country codes written without "+" (46, 47, 45, 358, 354, 298, 299), and any number
  of 6–12 digits right after a word that says "phone" in one of the bot's languages.
- E-mail addresses, also written "(at)", "[at]", "(snabel-a)", "＠", with "(dot)" or "(punkt)".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PNR_TOKEN = "[personnummer]"
EMAIL_TOKEN = "[e-post]"
PHONE_TOKEN = "[telefon]"

# Characters that are never seen in the view: fillers that render as nothing, and the Arabic tatweel.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800\u0640")
_DASHES = frozenset("\u2212\u2043\ufe63\uff0d\u02d7\u2010\u2011")
# Arabic decimal and thousands separators, the Arabic full stop
_PUNCT = {"\u066b": ".", "\u066c": ",", "\u06d4": "."}

_LOCAL = r"[\w.!#$%&'*+/=?^`{|}~-]"
_AT = r"(?:\s?@\s?|\s?[(\[{<]\s?(?:at|snabel-?a|ät)\s?[)\]}>]\s?)"
_DOT = r"(?:\.|\s?[(\[{<]\s?(?:dot|punkt|piste)\s?[)\]}>]\s?)"
_EMAIL = re.compile(rf"(?<!{_LOCAL}){_LOCAL}+{_AT}[\w-]+(?:{_DOT}[\w-]+)+", re.IGNORECASE)

_GROUP = re.compile(r"\d+")
MAX_DIGITS = 17  # "00" + the longest international number
_GAP = re.compile(r"[ \-./()+]{1,3}")  # what may stand between the digit groups of one number
# Words that say "phone" (sv en fi no/da de pl uk ar fa so ti), right before a number
_PHONE_WORD = re.compile(
    r"(?<!\w)(?:tel|tfn|tlf|telefon\w*|mobil\w*|ring|ringa|ringer|phone|call|cell|puh\w*|soita|handy|anruf\w*|"
    r"zadzwo\w*|тел\w*|зателефонуй\w*|هاتف\w*|جوال\w*|موبايل\w*|اتصل\w*|تلفن\w*|موبایل\w*|تماس\w*|telefoon\w*|"
    r"ስልኪ\w*)\W{0,3}$",
    re.IGNORECASE,
)
# Nordic country codes and how many digits follow them (the trunk "0" may be written too)
_NORDIC = {"46": (7, 9), "47": (8, 8), "45": (8, 8), "358": (6, 10), "354": (7, 7), "298": (6, 6), "299": (6, 6)}


@dataclass(frozen=True)
class _View:
    """The normalized text; `origin[i]` is the index in the source of `text[i]`."""

    text: str
    origin: list[int]
    dropped: list[bool]  # per source character: left out of the view


def _map_char(ch: str) -> str:  # noqa: PLR0911 - one return per kind of character
    """One character as the view sees it (maybe none, maybe several)."""
    category = unicodedata.category(ch)
    if category in ("Cf", "Mn", "Me") or ch in _INVISIBLE:
        return ""
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)
    if category == "Pd" or ch in _DASHES:
        return "-"
    if category == "Zs" or ch == "\t":
        return " "
    if ch in _PUNCT:
        return _PUNCT[ch]
    folded = unicodedata.normalize("NFKC", ch)
    if folded == ch:
        return ch
    return "".join(_map_char(c) if c != ch else c for c in folded)


def _view(source: str) -> _View:
    out: list[str] = []
    origin: list[int] = []
    dropped: list[bool] = []
    for i, ch in enumerate(source):
        mapped = _map_char(ch) if not ch.isascii() or ch == "\t" else ch
        dropped.append(not mapped)
        out.append(mapped)
        origin.extend([i] * len(mapped))
    return _View("".join(out), origin, dropped)


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


def _is_pnr_digits(digits: str) -> bool:
    if len(digits) == 12 and digits[:2] in ("18", "19", "20"):
        digits = digits[2:]
    return len(digits) == 10 and _valid_date(digits[:6]) and luhn_ok(digits)


def is_personnummer(candidate: str) -> bool:
    """Whether the whole text is one personnummer or samordningsnummer, however it is written."""
    view = _view(unicodedata.normalize("NFC", candidate)).text.strip()
    if not re.fullmatch(r"\d+(?:[ \-+./]{1,3}\d+)*", view):
        return False
    return _is_pnr_digits(re.sub(r"\D", "", view))


def _nordic(digits: str) -> bool:
    for code, (low, high) in _NORDIC.items():
        if digits.startswith(code):
            rest = digits[len(code) :]
            rest = rest[1:] if rest.startswith("0") else rest
            if low <= len(rest) <= high:
                return True
    return False


def _classify(digits: str, plus: bool, after_phone_word: bool) -> str | None:
    """The token for a number written with these digits, or None when it is not personal data."""
    if _is_pnr_digits(digits):
        return PNR_TOKEN
    if plus:
        return PHONE_TOKEN if 8 <= len(digits) <= 15 else None
    if digits.startswith("00"):
        return PHONE_TOKEN if 10 <= len(digits) <= 17 and digits[2] != "0" else None
    if digits.startswith("0"):
        return PHONE_TOKEN if 7 <= len(digits) <= 12 else None
    if _nordic(digits) or (after_phone_word and 6 <= len(digits) <= 12):
        return PHONE_TOKEN
    return None


def _number_spans(view: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Spans of the view holding an identity or phone number, with their token."""
    groups = [m for m in _GROUP.finditer(view) if not any(a <= m.start() < b for a, b in taken)]
    runs: list[list[re.Match[str]]] = []
    for m in groups:
        if runs and _GAP.fullmatch(view[runs[-1][-1].end() : m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    spans: list[tuple[int, int, str]] = []
    for run in runs:
        i = 0
        while i < len(run):
            start = run[i].start()
            lead = view[max(0, start - 3) : start]
            plus = lead.rstrip(" (").endswith("+")
            word = bool(_PHONE_WORD.search(view[max(0, start - 40) : start]))
            last, length = i - 1, 0  # a number has at most 17 digits: longer windows are never tried
            while last + 1 < len(run) and length + len(run[last + 1].group()) <= MAX_DIGITS:
                last += 1
                length += len(run[last].group())
            for j in range(last, i - 1, -1):
                token = _classify("".join(m.group() for m in run[i : j + 1]), plus, word)
                if token:
                    begin = start - (len(lead) - lead.rindex("+")) if plus else start
                    while begin > 0 and view[begin - 1] == "(":  # "(0980) 70000"
                        begin -= 1
                    spans.append((begin, run[j].end(), token))
                    i = j + 1
                    break
            else:
                i += 1
    return spans


def redact(text: str) -> str:
    """The text with identity numbers, e-mail addresses and phone numbers replaced by tokens."""
    source = unicodedata.normalize("NFC", text)
    view = _view(source)
    spans = [(m.start(), m.end(), EMAIL_TOKEN) for m in _EMAIL.finditer(view.text)]
    spans += _number_spans(view.text, [(a, b) for a, b, _ in spans])
    if not spans:
        return source
    out: list[str] = []
    pos = 0
    for a, b, token in sorted(spans):
        start, end = view.origin[a], view.origin[b - 1] + 1
        while end < len(source) and view.dropped[end]:  # an invisible character or mark right after
            end += 1
        if start < pos:  # overlaps the previous span: already replaced
            continue
        out.append(source[pos:start])
        out.append(token)
        pos = end
    out.append(source[pos:])
    return "".join(out)
