"""Languages typed in Latin letters without their own script: which one, and when the words do not settle it."""

from __future__ import annotations

import pytest

from bot.language.romanized import continues_romanized, in_own_script, romanized_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("salam, khubi? mitunam ye soal beporsam?", "fa"),
        ("marhaba, shu btaaref 3an el baladiye?", "ar"),
        ("pryvit! dyakuyu za vidpovid", "uk"),
        ("selam, kemey aleka?", "ti"),
        ("salam, chno hiya la vision dyal kommun?", "ar"),  # Maghrebi Arabic
        ("keyfak, ya3ni shu hiye el ro2ya?", "ar"),  # "ya3ni" and "ro2ya": one a chat word, one Arabizi
        ("yani chi, manzoor chie?", "fa"),
        ("koly bulo ukhvalyly tse bachennia?", "uk"),
    ],
)
def test_a_romanized_language_is_read_by_its_chat_words(text: str, lang: str) -> None:
    assert romanized_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "salam",  # one word: several languages' greeting
        "när antogs visionen 2013?",
        "what is Kiruna 2.0 about?",
        "mikä on kulttuurin tavoite?",
        "hadafka degmada waa maxay?",  # Somali's own "hadaf" (goal) is no Arabic in Latin letters
        "jaki jest cel dla kultury?",
    ],
)
def test_languages_written_in_latin_letters_are_not_romanized_ones(text: str) -> None:
    assert romanized_language(text) is None


def test_one_word_of_its_list_goes_on_in_a_conversation_typed_in_it() -> None:
    # "w chkoun li nchr had lpage?" (and who published this page?) has one word of the Arabic list: alone it
    # settles nothing, after an Arabic conversation typed in Latin letters it goes on in it
    assert romanized_language("w chkoun li nchr had lpage?") is None
    assert continues_romanized("w chkoun li nchr had lpage?", "ar")
    assert not continues_romanized("w chkoun li nchr had lpage?", "fa")
    assert not continues_romanized("and who published the page?", "ar")
    assert not continues_romanized("chkoun? merci", "ar")  # a word of the Persian list too: not settled


@pytest.mark.parametrize(
    ("typed", "lang", "read"),
    [
        ("emta akher marra t3adlat el saf7a?", "ar", "متى آخر مرة تعديل el الصفحة?"),
        ("Kiruna 2.0 key shoro shod?", "fa", "Kiruna 2.0 کی شروع شد?"),
        ("KOLY ukhvalyly viziiu?", "uk", "коли ухвалили візія?"),
        ("hej, när antogs visionen?", "sv", "hej, när antogs visionen?"),  # no lexicon: as typed
    ],
)
def test_typed_words_are_read_in_the_languages_own_script(typed: str, lang: str, read: str) -> None:
    # names, numbers and words the lexicon lacks stay as typed; case does not matter
    assert in_own_script(typed, lang) == read
