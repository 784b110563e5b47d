"""Meänkieli or Finnish, by the marks of Meänkieli's own grammar (bot/language/meankieli.py)."""

from __future__ import annotations

import pytest

from bot.language.meankieli import finnish_marks, is_meankieli, meankieli_evidence


@pytest.mark.parametrize(
    "text",
    [
        "koska se visjuuni päätethiin?",  # the h of the passive; a Swedish loan as "-sjuuni"
        "mitä meän kunta tekkee nuoritten hyväksi",  # "meän", plural genitive "-itten"
        "kunka monta työryhmää oli",  # "kunka"
        "mistä sen löyän",  # lost d
        "mikä oon kulttuurin tavote",  # "oon" after a question word
        "mitä kommuuni lupaa lapsile",  # allative with one l
        "kukka julkasi tämän sivun?",  # "kukka" (kuka)
        "missä oon forskninki",  # Swedish "-ning" as "-ninki"
        "entäs trafiikki?",  # Swedish "trafik" borrowed whole
        "mikä se kultuurin tavote oli",  # Swedish "kultur", one t
        "Milloin sivu oon viimeks päivitetty ja kuka sen oon julkaissu?",  # "oon" twice outweighs "milloin"
        "vastaako tämä masiini mithään",  # Swedish "maskin" borrowed as "masiini"
        "mitä se parkeerinkiplaani sisältää",  # Swedish "plan" as "plaani"
        "ketä varten se tilaisuus pietiin",  # the passive of "pitää" without its d
        "lähtekö joku bussi huomena aamula",  # one n, one l
        "kuka pani tämän sivun nettiin ja koska sitä oon viimeksi muutettu",  # "nettiin" is an illative, no passive
        "tieätkö mitä se tarkottaa",  # "tieätkö" (tiedätkö)
        "onko ollu kiirettä tänäpänä?",  # "tänäpänä" (tänään)
    ],
)
def test_meankielis_marks_make_it_meankieli(text: str) -> None:
    assert is_meankieli(text)


@pytest.mark.parametrize(
    "text",
    [
        "Milloin visio hyväksyttiin?",  # standard Finnish
        "mikä on kulttuurin tavote",  # spoken Finnish says "tavote" too
        "mä oon vähän hukassa, mikä on asumisen tavote",  # "mä oon": spoken Finnish, I am
        "miksi ette vastaa kysymykseen",  # "ette" before its verb: Finnish's "you don't"
        "koska se alko",  # spoken Finnish "alko"
        "no kuule, mitä kunta tekee",  # "kuule" is no allative
        "mikä on perheen asema visiossa",  # "perheen": the Finnish h after r
        "mitkä on kunnan tavotteet, luettele ne kaikki",
        "mikä on liikenteen suunnitelma huomenna aamulla",  # Finnish "suunnitelma", double n and l
        "Moi! Asun Kiirunassa mutta oon alunperin Oulusta",  # "mutta oon": spoken Finnish drops "I"
        "Opiskelen Tukholmassa ja oon kotoisin Kiirunasta",  # "Tukholma" is Finnish's Stockholm, no "kh" of Meänkieli
    ],
)
def test_finnish_with_no_mark_of_meankielis_own_stays_finnish(text: str) -> None:
    assert not is_meankieli(text)


def test_a_lone_strong_mark_beside_finnishs_own_is_not_enough() -> None:
    # "sie" is eastern and northern Finnish too; "että" no Meänkieli writer writes
    assert meankieli_evidence("mitä sie tiedät siitä että visio muuttui") == 1
    assert finnish_marks("mitä sie tiedät siitä että visio muuttui")
    assert not is_meankieli("mitä sie tiedät siitä että visio muuttui")
    # a decisive mark holds against it
    assert is_meankieli("mitä sie tiät siitä että visjuuni muutethiin")


@pytest.mark.parametrize("text", ["mikä on tavoite asumisele?", "entäs koulutuksele"])
def test_the_allative_of_a_noun_with_one_l_is_meankieli(text: str) -> None:
    assert is_meankieli(text)


@pytest.mark.parametrize(
    "text", ["kysele vähän lisää", "keskustele siitä kunnan kanssa", "mikä on tavoite asumiselle?"]
)
def test_finnish_verbs_and_the_allative_with_two_ls_stay_finnish(text: str) -> None:
    assert not is_meankieli(text)
