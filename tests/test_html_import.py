"""A saved page of the municipality's site: only its content is kept, exactly as the seed page text."""

from __future__ import annotations

import pytest

from corpus import Corpus
from corpus.html_import import extract_page, source_from_html
from corpus.site_profile import load_site_profile
from corpus.sources import CorpusError, document_from_source
from tests.content_pages import PAGE_URL, seed_html

DOC_ID = "vision-mal-och-varumarke"
PROFILE = load_site_profile()


def test_the_page_reads_as_the_seed_page_text(corpus: Corpus) -> None:
    seed = corpus.document(DOC_ID)
    source = source_from_html(seed_html(), PROFILE, base_url=PAGE_URL)
    doc = document_from_source(source, PROFILE)
    assert source.doc_id == DOC_ID
    assert doc.text == seed.text
    assert [(c.id, c.kind, c.heading_path) for c in doc.chunks] == [(c.id, c.kind, c.heading_path) for c in seed.chunks]
    assert [s.text for s in doc.chunks[0].sentences] == [s.text for s in seed.chunks[0].sentences]
    assert [s.text for c in doc.chunks for s in c.sentences] == [s.text for c in seed.chunks for s in c.sentences]


def test_site_chrome_is_left_out() -> None:
    text = extract_page(seed_html(), PROFILE).text
    for chrome in (
        "kakor",  # cookie notice
        "Google Translate",  # language chooser
        "Hoppa till innehållet",
        "Barn och utbildning",  # main menu
        "Du är här",
        "Övergripande målsättning år 2020",  # side menu
        "Relaterat innehåll",
        "Arbetsgruppernas områden",
        "Skriv ut",
        "Dela sidan",
        "Kontakta oss",
        "0980-700 00",
        "Tillgänglighetsredogörelse",
        "site.js",
    ):
        assert chrome not in text, chrome
    assert text.startswith("Vision, mål och varumärke\n\nVår vision\n\nAntagen av kommunfullmäktige 2013-05-27, § 68")


def test_footer_lines_links_and_decisions_become_metadata() -> None:
    source = source_from_html(seed_html(), PROFILE, base_url=PAGE_URL)
    assert source.published_by == "Ulrika Hannu"
    assert source.last_modified == "2020-02-21"
    assert source.source_url == PAGE_URL
    assert source.decisions == ("Antagen av kommunfullmäktige 2013-05-27, § 68",)
    links = {link.text: link.url for link in source.links}
    assert links == {
        "Läs mer om näringslivsstrategi 2016-2018": "https://kiruna.se/Naringsliv-och-arbete/Naringslivsstrategi/",
        "Läs mer om vårt bostadsförsörjningsprogram (webbsida)": (
            "https://kiruna.se/Bygga-bo-och-miljo/Bostader/Bostadsforsorjningsprogram/"
        ),
        "Läs om arbetet med trafikstrategi, trafikplan, parkeringsprogram mm (webbsida)": (
            "https://kiruna.se/Trafik-och-gator/Trafikstrategi/"
        ),
    }
    doc = document_from_source(source, PROFILE)
    related = {r.title: r.url for c in doc.chunks for r in c.related_links}
    assert related["näringslivsstrategi 2016-2018"] == "https://kiruna.se/Naringsliv-och-arbete/Naringslivsstrategi/"


def test_a_lead_in_its_own_paragraph_stays_with_what_it_introduces() -> None:
    page = (
        "<html><body><main><h1>Sida</h1><h2>Tolkning</h2>"
        "<p><strong>Vi vill att visionen ska tolkas så här:</strong></p>"
        "<p>I Kiruna är människor viktiga. Alla är lika mycket värda.</p>"
        "<ul><li>Första punkten.</li><li>Andra punkten.</li></ul></main></body></html>"
    )
    text = extract_page(page, PROFILE).text
    assert text == (
        "Sida\n\nTolkning\n\nVi vill att visionen ska tolkas så här:\n"
        "I Kiruna är människor viktiga. Alla är lika mycket värda.\n\nFörsta punkten.\nAndra punkten."
    )
    doc = document_from_source(source_from_html(page, PROFILE), PROFILE)
    assert doc.chunks[0].kind == "lead"


def test_the_title_comes_from_the_head_when_the_content_has_no_heading() -> None:
    page = "<html><head><title>Bussar</title></head><body><div role='main'><p>Bussen går.</p></div></body></html>"
    assert extract_page(page, PROFILE).text == "Bussar\n\nBussen går."


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html><body><nav><p>Meny</p></nav></body></html>",
        "<html><body><main><h1>Bara en rubrik</h1></main></body></html>",
    ],
)
def test_a_page_without_content_is_refused(page: str) -> None:
    with pytest.raises(CorpusError, match="no page content"):
        extract_page(page, PROFILE)
