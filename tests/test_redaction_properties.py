"""Property tests: personal data generated in the written forms people use, in several scripts.

Each generated value is embedded in a sentence without digits of its own; after redaction no
digit of it may remain (the tokens have none) and a token must stand in its place.
"""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.redaction import EMAIL_TOKEN, PHONE_TOKEN, PNR_TOKEN, luhn_ok, redact

# ASCII, Arabic-Indic, Persian (extended Arabic-Indic), fullwidth, Devanagari
DIGIT_ZEROS = ["0", "\u0660", "\u06f0", "\uff10", "\u0966"]
DASHES = ["-", "\u2013", "\u2014", "\u2011", "\u2212", "\u2010"]
SPACES = [" ", "\u00a0", "\u202f", "\u2009"]
INVISIBLE = ["", "", "", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u061c", "\ufeff"]
SENTENCES = [
    "Mitt personnummer är {} och jag undrar om visionen",
    "my number is {} what is the vision",
    "numeroni on {} mikä on visio",
    "رقمي هو {} ما هي الرؤية",
    "شماره من {} است چشم انداز چیست",
    "мій номер {} яке бачення",
    "moja informacja {} jaka jest wizja",
    "lambarkaygu waa {} waa maxay",
    "ቁጽሪ {} እዩ",
    "meine Angabe {} was ist die Vision",
    "{}",
]


def _script(text: str, zero: str) -> str:
    return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in text)


@st.composite
def interleaved(draw: st.DrawFn, text: str) -> str:
    """Invisible characters between some characters: they must not split a number from redaction."""
    return "".join(ch + draw(st.sampled_from(INVISIBLE)) for ch in text)


@st.composite
def personnummer(draw: st.DrawFn) -> str:
    year = draw(st.integers(1900, 2025))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28)) + (60 if draw(st.booleans()) else 0)  # samordningsnummer: + 60
    serial = draw(st.integers(0, 999))
    nine = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    ten = next(nine + str(d) for d in range(10) if luhn_ok(nine + str(d)))
    date, tail = ten[:6], ten[6:]
    if draw(st.booleans()):
        date = f"{year // 100}{date}"
    if draw(st.booleans()):  # the date's own parts apart: 1981-12-18
        sep = draw(st.sampled_from(["-", " ", "."]))
        date = sep.join([date[:-4], date[-4:-2], date[-2:]])
    sep = draw(st.sampled_from(["", "-", "+", " ", " - ", *DASHES, *SPACES]))
    written = _script(date + sep + tail, draw(st.sampled_from(DIGIT_ZEROS)))
    prefix = draw(st.sampled_from(["", "personnummer-", "pnr:", "pnr", "nr.", "samordningsnummer "]))
    return prefix + draw(interleaved(written))


def _digits(first: str, rest: int) -> st.SearchStrategy[str]:
    return st.builds(
        lambda a, b: a + b, st.text(first, min_size=1, max_size=1), st.text(string.digits, min_size=rest, max_size=rest)
    )


def _grouped(digits: str, seps: list[str], cuts: list[int]) -> str:
    out, last = [], 0
    for cut, sep in zip(sorted(set(cuts)), seps, strict=False):
        out.append(digits[last:cut] + sep)
        last = cut
    return "".join(out) + digits[last:]


@st.composite
def phone(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["mobile", "landline", "stockholm", "nordic"]))
    if kind == "mobile":
        national = "07" + draw(st.sampled_from("02369")) + draw(st.text("0123456789", min_size=7, max_size=7))
    elif kind == "landline":
        national = "0980" + draw(st.text("0123456789", min_size=5, max_size=6))
    elif kind == "stockholm":
        national = "08" + draw(_digits("123456789", 6))
    else:
        code, rest = draw(st.sampled_from([("+47", 8), ("+45", 8), ("+358", 9), ("+354", 7)]))
        number = draw(_digits("123456789", rest - 1))
        cuts = draw(st.lists(st.integers(1, len(number) - 1), max_size=3))
        seps = draw(st.lists(st.sampled_from([" ", "-", ".", "", "\u00a0"]), min_size=3, max_size=3))
        written = draw(st.sampled_from([code + " ", code, "00" + code[1:] + " "])) + _grouped(number, seps, cuts)
        prefix = draw(st.sampled_from(["", "tel", "tlf ", "puh. "]))
        return prefix + _script(written, draw(st.sampled_from(DIGIT_ZEROS)))
    cuts = draw(st.lists(st.integers(1, len(national) - 1), max_size=4))
    seps = draw(st.lists(st.sampled_from([" ", "-", ".", "/", "", "\u2013", "\u00a0"]), min_size=4, max_size=4))
    country = draw(st.sampled_from(["", "", "+46 ", "+46", "0046 ", "46", "+46 (0)", "+46(0)"]))
    if country and "(0)" not in country:
        national = national[1:]  # the trunk 0 goes with a country code
        cuts = [c - 1 for c in cuts if c > 1]
    written = country + _grouped(national, seps, cuts)
    written = _script(written, draw(st.sampled_from(DIGIT_ZEROS)))
    prefix = draw(st.sampled_from(["", "tel", "tel:", "ring", "mobil ", "telefon: ", "هاتف ", "تلفن "]))
    return prefix + draw(interleaved(written))


LOCAL = st.text(string.ascii_lowercase + "åäöéüš", min_size=2, max_size=10)


@st.composite
def email(draw: st.DrawFn) -> tuple[str, list[str]]:
    local = draw(LOCAL) + draw(st.sampled_from(["", ".", "_", "+"])) + draw(LOCAL)
    domain = [draw(LOCAL) for _ in range(draw(st.integers(1, 2)))] + [draw(st.sampled_from(["se", "com", "fi", "nu"]))]
    at = draw(st.sampled_from(["@", "＠", " @ ", " (at) ", "[at]", " [snabel-a] "]))
    dot = draw(st.sampled_from([".", ".", " (dot) ", "[punkt]"]))
    return local + at + dot.join(domain), [local, *domain[:-1]]


@settings(max_examples=400, deadline=None)
@given(value=personnummer(), sentence=st.sampled_from(SENTENCES))
def test_identity_numbers_in_any_written_form_are_redacted(value: str, sentence: str) -> None:
    out = redact(sentence.format(value))
    assert PNR_TOKEN in out, (value, out)
    assert not any(ch.isdigit() for ch in out), (value, out)


@settings(max_examples=400, deadline=None)
@given(value=phone(), sentence=st.sampled_from(SENTENCES))
def test_phone_numbers_in_any_written_form_are_redacted(value: str, sentence: str) -> None:
    out = redact(sentence.format(value))
    assert PHONE_TOKEN in out or PNR_TOKEN in out, (value, out)  # a phone number may also pass as a pnr
    assert not any(ch.isdigit() for ch in out), (value, out)


@settings(max_examples=300, deadline=None)
@given(value=email(), sentence=st.sampled_from(SENTENCES))
def test_email_addresses_in_any_written_form_are_redacted(value: tuple[str, list[str]], sentence: str) -> None:
    written, parts = value
    out = redact(sentence.format(written))
    assert EMAIL_TOKEN in out, (written, out)
    for part in parts:
        if part not in sentence:  # a short part may be a word of the sentence itself
            assert part not in out.replace(EMAIL_TOKEN, ""), (written, out)


@settings(max_examples=300, deadline=None)
@given(
    year=st.integers(1900, 2099),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    amount=st.integers(1, 999_999),
    sentence=st.sampled_from(SENTENCES),
)
def test_dates_years_and_amounts_stay(year: int, month: int, day: int, amount: int, sentence: str) -> None:
    for text in (f"{year}-{month:02d}-{day:02d}", f"{year}", f"{year}-{year + 2}", f"{amount} kr", f"§ {amount % 200}"):
        assert redact(sentence.format(text)) == sentence.format(text)
