"""What goes into the indexes: every chunk and sentence, in Swedish and in each curated translation,
plus lexical-only keyword entries from the corpus thesaurus.

A translated entry points to the Swedish chunk and sentence it translates, so a question
in Finnish finds the Finnish wording but the answer still quotes the Swedish original.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from corpus.curated_translations import CuratedTranslation
from corpus.model import Chunk, Corpus
from corpus.thesaurus_tables import Thesaurus

# Entry kinds. Dense (embedded) kinds come first in the entry list, so FAISS row i is entry i.
SENTENCE = "sentence"
CHUNK = "chunk"
KEYWORDS = "keywords"  # lexical only: never embedded
DENSE_KINDS = frozenset({SENTENCE, CHUNK})


@dataclass(frozen=True)
class Entry:
    row: int
    chunk_id: str
    sentence_id: str | None
    lang: str
    kind: str
    text: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _context(chunk: Chunk, title: str, table: dict[str, str] | None) -> str:
    """The chunk's section headings (translated where possible), without the chunk's own label.

    The label already stands in the text ("Inriktning: …", a lead line); repeating it would
    weigh one line twice. A line about the whole page ("Publicerad av: …") stands under the
    page's title.
    """
    section = chunk.heading_path[:-1] if chunk.kind in ("labelled", "lead") else chunk.heading_path
    if not chunk.heading_path and chunk.kind == "meta":
        section = (title,)
    return " › ".join(table.get(h, h) if table else h for h in section)


def build_entries(
    corpus: Corpus,
    translations: dict[str, list[CuratedTranslation]] | None = None,
    thesaurus: Thesaurus | None = None,
) -> list[Entry]:
    """Dense entries (Swedish and each translation) first, then lexical-only keyword entries.

    A translated chunk entry is built from its translated sentences; a sentence with no
    translation in a language is left out of that language rather than mixed in Swedish.
    """
    tables: dict[str, dict[str, str] | None] = {"sv": None}
    for lang, items in sorted((translations or {}).items()):
        if lang != "sv":
            tables[lang] = {t.source: t.text for t in items}
    dense: list[tuple[str, str | None, str, str, str]] = []
    titles = {d.meta.id: d.meta.title for d in corpus.documents}
    for chunk in corpus.chunks():
        for lang, table in tables.items():
            context = _context(chunk, titles[chunk.doc_id], table)
            texts: list[str] = []
            for s in chunk.sentences:
                text = s.text if table is None else table.get(s.text)
                if text is None:
                    continue
                texts.append(text)
                dense.append((chunk.id, s.id, lang, SENTENCE, text))
            if texts:
                body = " ".join(texts)
                dense.append((chunk.id, None, lang, CHUNK, f"{context}: {body}" if context else body))
    lexical: list[tuple[str, str | None, str, str, str]] = []
    if thesaurus is not None:
        for chunk in corpus.chunks():
            for lang, words in thesaurus.expand(chunk.text, chunk.heading_path).items():
                if words:
                    lexical.append((chunk.id, None, lang, KEYWORDS, " ".join(words)))
    return [Entry(i, *fields) for i, fields in enumerate(dense + lexical)]
