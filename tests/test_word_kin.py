"""When two words are one word, inflected: shared first letters, and Sami's bent nouns of action."""

from __future__ import annotations

from bot.chat.word_kin import kin


def test_words_sharing_their_first_letters_are_kin() -> None:
    assert kin("стратегічних", "стратегічні")
    assert kin("jiho", "jihooyinka")
    assert not kin("kultur", "kommun")


def test_a_sami_noun_of_action_is_kin_to_its_bent_forms() -> None:
    # "ássan" (housing): "ássama", "ássamii"; "ovdánahttin" (development): "ovdánahttima"
    assert kin("assan", "assama")
    assert kin("assamii", "assan")
    assert kin("ovdanahttin", "ovdanahttima")
    assert not kin("assan", "assamiidda")  # too long an ending to be a bent form
    assert not kin("san", "sama")  # too short a stem


def test_two_words_joined_to_one_first_element_are_not_kin() -> None:
    # "Arbeitsgruppen" (working groups) and "Arbeitsmarkt" (labour market) share "arbeits", then each goes on
    assert not kin("arbeitsgruppen", "arbeitsmarkt")
    assert not kin("verkehrsstrategie", "verkehrsplan")
    # a word and its longer form are kin however long the ending: one of them stops where they part
    assert kin("bostader", "bostadsforsorjningsprogram")
    assert kin("kulttuuri", "kulttuurin")


def test_kin_words_begin_alike() -> None:
    """`KIN_START` is what the question reading compares before asking `kin`: no kin pair may differ there."""
    from bot.chat.word_kin import KIN_START

    pairs = [("assan", "assama"), ("стратегічних", "стратегічні"), ("ስትራተጂካዊ", "ስትራተጂያዊ"), ("jiho", "jihooyinka")]
    for a, b in pairs:
        assert kin(a, b)
        assert a[:KIN_START] == b[:KIN_START]
    assert not kin("ስትራ", "ስትሬ")
