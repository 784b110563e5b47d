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
