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
    kinds = [(c.kind, c.heading_path[-1] if c.heading_path else c.text) for c in chunks]
    assert kinds == [
        ("decision", "Vår vision"),
        ("adopted", "Vår vision"),
        ("lead", "Vi vill att visionen ska tolkas så här"),
        ("labelled", "Näringslivsutveckling och arbetsmarknad"),
        ("link", "Näringslivsutveckling och arbetsmarknad"),
        ("labelled", "Offentlig och kommersiell service"),
        ("labelled", "Boende, bebyggelse och livsmiljö"),
        ("link", "Boende, bebyggelse och livsmiljö"),
        ("labelled", "Kommunikationer"),
        ("link", "Kommunikationer"),
        ("labelled", "Kultur, fritid och idrott i hela kommunen"),
        ("labelled", "Utbildning och forskning"),
        ("prose", "Hur gjorde vi?"),
        ("prose", "Hur når vi visionen?"),
        ("meta", "Publicerad av: Ulrika Hannu"),
        ("meta", "Senast ändrad: 2020-02-21"),
    ]
    directions = [c for c in chunks if c.kind == "labelled"]
    assert all(c.heading_path[0] == "Strategiska inriktningar och övergripande mål" for c in directions)
    assert all(c.text.split("\n")[1].startswith("Mål: ") for c in directions)
    decision, vision, interpretation = chunks[:3]
    assert interpretation.text.startswith("Vi vill att visionen ska tolkas så här:\nI Kiruna är människor viktiga.")
    assert interpretation.sentences[0].is_lead
    assert vision.companions == (interpretation.id,)
    assert decision.companions == (vision.id,)  # "when was it adopted?" quotes the line with the vision


def test_provenance_follows_the_page(corpus: Corpus) -> None:
    """The decision line stands under "Vår vision": no other section claims the council's decision."""
    chunks = corpus.document(DOC_ID).chunks
    decided = {c.heading_path for c in chunks if c.decision is not None}
    assert decided == {("Vår vision",)}


def test_boilerplate_is_not_answerable(corpus: Corpus) -> None:
    doc = corpus.document(DOC_ID)
    answerable = "\n".join(c.text for c in doc.chunks)
    for chrome in ("kakor", "cookies", "Google Translate", "välja vilket språk"):
        assert chrome not in answerable
        assert chrome not in doc.text


def test_page_details_are_quotable_lines(corpus: Corpus) -> None:
    doc = corpus.document(DOC_ID)
    lines = {c.text: c.kind for c in doc.chunks if c.kind in ("decision", "meta")}
    assert lines == {
        "Antagen av kommunfullmäktige 2013-05-27, § 68": "decision",
        "Publicerad av: Ulrika Hannu": "meta",
        "Senast ändrad: 2020-02-21": "meta",
    }


def test_read_more_lines_are_links_of_their_direction(corpus: Corpus) -> None:
    doc = corpus.document(DOC_ID)
    links = {c.heading_path[-1]: [r.title for r in c.related_links] for c in doc.chunks if c.kind == "labelled"}
    assert links["Näringslivsutveckling och arbetsmarknad"] == ["näringslivsstrategi 2016-2018"]
    assert links["Boende, bebyggelse och livsmiljö"] == ["vårt bostadsförsörjningsprogram (webbsida)"]
    assert links["Kommunikationer"] == ["arbetet med trafikstrategi, trafikplan, parkeringsprogram mm (webbsida)"]
    link_lines = [c for c in doc.chunks if c.kind == "link"]
    assert [c.text for c in link_lines] == [
        "Läs mer om näringslivsstrategi 2016-2018",
        "Läs mer om vårt bostadsförsörjningsprogram (webbsida)",
        "Läs om arbetet med trafikstrategi, trafikplan, parkeringsprogram mm (webbsida)",
    ]
    for chunk in doc.chunks:
        if chunk.kind != "link":
            assert not any(s.text.startswith(("Läs mer om", "Läs om")) for s in chunk.sentences)


def _page_sentences() -> list[str]:
    """Every sentence of the page's content, split independently of the chunker."""
    blocks = split_blocks(clean_text(SEED.read_text(encoding="utf-8")))
    start = blocks.index(["Vision, mål och varumärke"]) + 1
    out: list[str] = []
    for block in blocks[start:]:
        if len(block) == 1 and not block[0].endswith((".", ":")) and not block[0].startswith(LINES):
            continue  # headings
        for line in block:
            if line.startswith(LINES):
                out.append(line)  # one line, one sentence: the decision, the page details, "Läs mer"
                continue
            out.extend(line[a:b] for a, b in split_sentences(line))
    return out


LINES = ("Antagen av", "Publicerad av", "Senast ändrad", "Läs mer om", "Läs om")


def test_every_sentence_lands_in_exactly_one_chunk(corpus: Corpus) -> None:
    expected = _page_sentences()
    assert len(expected) == 39
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
