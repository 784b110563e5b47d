"""The page becomes the right chunks, and nothing of it is lost, duplicated or invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Corpus, load_corpus
from corpus.cleaning import clean_text, split_blocks
from corpus.errors import CorpusError
from corpus.sentences import split_sentences
from tests.conftest import SEED

DOC_ID = "vision-mal-och-varumarke"


def test_metadata(corpus: Corpus) -> None:
    meta = corpus.document(DOC_ID).meta
    assert meta.title == "Vision, mål och varumärke"
    assert meta.publisher == "Kiruna kommun"
    assert meta.adopted is not None
    assert meta.adopted.reference() == "Antagen av kommunfullmäktige 2013-05-27, § 68"
    assert meta.published_by == "Ulrika Hannu"
    assert meta.last_modified == "2020-02-21"
    assert meta.source_url == "https://kiruna.se/Kommun/Kommun-politik/Vision-mal-och-varumarke/"


def test_source_url_comes_from_settings() -> None:
    corpus = load_corpus(source_urls={DOC_ID: "https://example.org/vision"})
    assert corpus.document(DOC_ID).meta.source_url == "https://example.org/vision"
    assert corpus.content_hash != load_corpus().content_hash


def test_chunks_follow_the_page_structure(corpus: Corpus) -> None:
    chunks = corpus.document(DOC_ID).chunks
    kinds = [(c.kind, c.heading_path[-1]) for c in chunks]
    assert kinds == [
        ("adopted", "Vår vision"),
        ("lead", "Vi vill att visionen ska tolkas så här"),
        ("labelled", "Näringslivsutveckling och arbetsmarknad"),
        ("labelled", "Offentlig och kommersiell service"),
        ("labelled", "Boende, bebyggelse och livsmiljö"),
        ("labelled", "Kommunikationer"),
        ("labelled", "Kultur, fritid och idrott i hela kommunen"),
        ("labelled", "Utbildning och forskning"),
        ("prose", "Hur gjorde vi?"),
        ("prose", "Hur når vi visionen?"),
    ]
    directions = [c for c in chunks if c.kind == "labelled"]
    assert all(c.heading_path[0] == "Strategiska inriktningar och övergripande mål" for c in directions)
    assert all(c.text.split("\n")[1].startswith("Mål: ") for c in directions)
    interpretation = chunks[1]
    assert interpretation.text.startswith("Vi vill att visionen ska tolkas så här:\nI Kiruna är människor viktiga.")
    assert interpretation.sentences[0].is_lead
    assert chunks[0].companions == (interpretation.id,)


def test_boilerplate_is_not_answerable(corpus: Corpus) -> None:
    doc = corpus.document(DOC_ID)
    answerable = "\n".join(c.text for c in doc.chunks)
    for chrome in ("kakor", "cookies", "Google Translate", "välja vilket språk", "Publicerad av", "Senast ändrad"):
        assert chrome not in answerable
        assert chrome not in doc.text


def test_read_more_lines_are_related_links_not_answers(corpus: Corpus) -> None:
    doc = corpus.document(DOC_ID)
    links = {c.heading_path[-1]: [r.title for r in c.related_links] for c in doc.chunks}
    assert links["Näringslivsutveckling och arbetsmarknad"] == ["näringslivsstrategi 2016-2018"]
    assert links["Boende, bebyggelse och livsmiljö"] == ["vårt bostadsförsörjningsprogram (webbsida)"]
    assert links["Kommunikationer"] == ["arbetet med trafikstrategi, trafikplan, parkeringsprogram mm (webbsida)"]
    for s in corpus.sentences():
        assert not s.text.startswith(("Läs mer om", "Läs om"))


def _page_sentences() -> list[str]:
    """Every sentence of the page's content, split independently of the chunker."""
    blocks = split_blocks(clean_text(SEED.read_text(encoding="utf-8")))
    start = blocks.index(["Vision, mål och varumärke"]) + 1
    out: list[str] = []
    for block in blocks[start:]:
        if len(block) == 1 and (
            not block[0].endswith((".", ":")) or block[0].startswith(("Publicerad av", "Senast ändrad"))
        ):
            continue  # headings, the decision line and the footer
        for line in block:
            if line.startswith(("Läs mer om", "Läs om")):
                continue
            out.extend(line[a:b] for a, b in split_sentences(line))
    return out


def test_every_sentence_lands_in_exactly_one_chunk(corpus: Corpus) -> None:
    expected = _page_sentences()
    assert len(expected) == 33
    chunks = corpus.document(DOC_ID).chunks
    for sentence in expected:
        holders = [c.id for c in chunks if any(s.text == sentence for s in c.sentences)]
        assert len(holders) == 1, (sentence, holders)
    assert sorted(s.text for s in corpus.sentences()) == sorted(expected)


def test_offsets_round_trip(corpus: Corpus) -> None:
    for doc in corpus.documents:
        for chunk in doc.chunks:
            assert doc.text[chunk.start : chunk.end] == chunk.text
            for s in chunk.sentences:
                assert doc.text[s.start : s.end] == s.text
                assert chunk.start <= s.start < s.end <= chunk.end


def test_nbsp_in_heading_is_normalized(corpus: Corpus) -> None:
    doc = corpus.document(DOC_ID)
    assert "\u00a0" not in doc.text
    assert ("Hur når vi visionen?",) in [c.heading_path for c in doc.chunks]


def test_a_dropped_in_markdown_document_is_loaded(tmp_path: Path) -> None:
    (tmp_path / "vision.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "vision.toml").write_text('id = "v"\ntitle = "Vision, mål och varumärke"\n', encoding="utf-8")
    (tmp_path / "budget.md").write_text(
        "# Budget 2027\n\n## Inriktning\n\nKommunen satsar på skolan. Det gäller bl.a. förskolan.\n\n"
        "Läs mer om budgeten\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert [d.meta.id for d in corpus.documents] == ["budget", "v"]
    budget = corpus.document("budget")
    assert budget.meta.title == "Budget 2027"
    assert [s.text for s in budget.chunks[0].sentences] == ["Kommunen satsar på skolan.", "Det gäller bl.a. förskolan."]
    assert budget.chunks[0].heading_path == ("Inriktning",)
    assert [r.title for r in budget.chunks[0].related_links] == ["budgeten"]


def test_editing_a_document_changes_the_corpus_hash(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Sida\n\nRubrik\n\nEn mening.\n", encoding="utf-8")
    before = load_corpus(tmp_path).content_hash
    page.write_text("Sida\n\nRubrik\n\nEn annan mening.\n", encoding="utf-8")
    assert load_corpus(tmp_path).content_hash != before


def test_bad_corpus_folders_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no documents"):
        load_corpus(tmp_path)
    (tmp_path / "x.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CorpusError, match="not UTF-8"):
        load_corpus(tmp_path)
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "missing")
