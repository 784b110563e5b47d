"""Personal data is recognised exactly: valid identity numbers, e-mails and phone numbers go; the rest stays."""

from __future__ import annotations

import pytest

from bot.redaction import EMAIL_TOKEN, PHONE_TOKEN, PNR_TOKEN, is_personnummer, luhn_ok, redact


def _with_check_digit(nine: str) -> str:
    return next(nine + str(d) for d in range(10) if luhn_ok(nine + str(d)))


VALID_PNR = _with_check_digit("811228987")  # 8112289874
VALID_SAMORDNING = _with_check_digit("811288987")  # day 28 + 60


@pytest.mark.parametrize(
    "text",
    [
        f"{VALID_PNR[:6]}-{VALID_PNR[6:]}",
        f"{VALID_PNR[:6]}+{VALID_PNR[6:]}",
        VALID_PNR,
        f"19{VALID_PNR[:6]}-{VALID_PNR[6:]}",
        f"19{VALID_PNR}",
        f"{VALID_SAMORDNING[:6]}-{VALID_SAMORDNING[6:]}",
        f"19{VALID_SAMORDNING}",
    ],
)
def test_valid_identity_numbers_are_redacted(text: str) -> None:
    assert is_personnummer(text)
    assert redact(f"mitt nummer är {text}, tack") == f"mitt nummer är {PNR_TOKEN}, tack"


@pytest.mark.parametrize(
    "text",
    [
        f"{VALID_PNR[:6]}-{VALID_PNR[6:9]}{(int(VALID_PNR[9]) + 1) % 10}",  # wrong check digit
        "811328-9874",  # month 13
        "2013-05-27",  # a date
        "2020-02-21",
        "123456",
        "ärende 12345678",
    ],
)
def test_non_identity_numbers_stay(text: str) -> None:
    assert not is_personnummer(text)
    assert redact(text) == text


@pytest.mark.parametrize("email", ["anna@kiruna.se", "anna.andersson+fragor@example.co.uk", "x_y-z@sub.domain.org"])
def test_emails_are_redacted(email: str) -> None:
    assert redact(f"skriv till {email} nu") == f"skriv till {EMAIL_TOKEN} nu"


@pytest.mark.parametrize(
    "phone", ["070-123 45 67", "0701234567", "+46 70 123 45 67", "0046 70 123 45 67", "0980-701 00", "(0980) 70000"]
)
def test_phone_numbers_are_redacted(phone: str) -> None:
    assert redact(f"ring {phone} idag") == f"ring {PHONE_TOKEN} idag"


@pytest.mark.parametrize(
    "text",
    [
        "Antagen av kommunfullmäktige 2013-05-27, § 68",
        "Visionsprojektet Kiruna 2.0 startade i februari 2012",
        "näringslivsstrategi 2016-2018",
        "Senast ändrad: 2020-02-21",
    ],
)
def test_corpus_text_is_untouched(text: str) -> None:
    assert redact(text) == text


# -- round two: the written forms people use (issue 13, item 1) ----------------------------------

SEEN_IN_CLEAR = [
    "811218 9876",
    "19811218 9876",
    "19811218–9876",
    "personnummer-811218-9876",
    "tel0701234567",
    "ring070-1234567",
    "070.123.45.67",
    "070/123 45 67",
    "46701234567",
    "٠٧٠١٢٣٤٥٦٧",
    "۰۷۰۱۲۳۴۵۶۷",
]


@pytest.mark.parametrize("value", SEEN_IN_CLEAR)
def test_the_forms_that_got_past_redaction_do_not_any_more(value: str) -> None:
    for sentence in (f"mitt nummer {value} tack", f"رقمي {value} شكرا", f"شماره من {value} است"):
        out = redact(sentence)
        assert not any(ch.isdigit() for ch in out), out
        assert any(token in out for token in (PNR_TOKEN, PHONE_TOKEN)), out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("born 811218+9876, over 100", f"born {PNR_TOKEN}, over 100"),
        ("1981-12-18-9876", PNR_TOKEN),
        ("+46 (0)70-123 45 67", PHONE_TOKEN),
        ("0046 70 123 45 67", PHONE_TOKEN),
        ("+358 40 123 4567", PHONE_TOKEN),
        ("tlf 91 23 45 67", f"tlf {PHONE_TOKEN}"),
        ("+47 912 34 567", PHONE_TOKEN),
        ("4591234567", PHONE_TOKEN),
        ("anna (at) example (dot) se", EMAIL_TOKEN),
        ("anna[at]kiruna.se", EMAIL_TOKEN),
        ("anna＠kiruna．se", EMAIL_TOKEN),
        ("skriv till anna@kiruna.se. Tack", f"skriv till {EMAIL_TOKEN}. Tack"),
        ("8112\u200b1898\u200d76", PNR_TOKEN),  # zero-width characters in between
        ("\u2066811218-9876\u2069", f"\u2066{PNR_TOKEN}"),  # direction isolates around it
    ],
)
def test_more_written_forms(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_ordinary_numbers_and_the_whole_corpus_stay() -> None:
    from bot.language.messages import load_catalogs
    from corpus import load_corpus
    from corpus.curated_translations import load_translations

    corpus = load_corpus()
    texts = [d.text for d in corpus.documents] + [s.text for s in corpus.sentences()]
    texts += [t.text for items in load_translations().values() for t in items]
    texts += [m for messages in load_catalogs().by_lang.values() for m in messages.values()]
    changed = [t for t in texts if redact(t) != t]
    assert len(texts) > 500
    assert changed == []


def test_long_runs_of_digits_are_redacted_in_linear_time() -> None:
    import time

    started = time.perf_counter()
    for text in ("1 " * 500, "1-" * 500, "٠ " * 500, "+1 " * 333, "a@" * 500):
        redact(text)
    assert time.perf_counter() - started < 2.0  # cubic was 1.3 s for one of them
