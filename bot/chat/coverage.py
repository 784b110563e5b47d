"""How much of a question the corpus speaks about: the share of its content words the index knows.

A question about the vision's goals uses words the page (or its translations and thesaurus)
uses; "what's the weather tomorrow" mostly does not. Function words of every supported
language are left out (stopwords-iso), so "what is the" does not count either way.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import stopwordsiso

from bot.chat.cues import SUFFIXED_ANDS, WHAT_ABOUT_SUFFIXES, is_ethiopic, prefix_key
from bot.language.supported import SOURCE_LANGUAGE
from corpus.model import Corpus
from index.analysis import fold, stems, words
from index.entries import KEYWORDS, Entry
from index.loans import swedish_readings

# A word is known in another form when all but its last INFLECTION letters, at least MIN_STEM of them,
# begin a word the index has.
INFLECTION = 3
MIN_STEM = 6
# Tigrinya joins short words to the next or the last: "ን" (for) and "ብ" (by) before, "ን" (and), "ውን" (also),
# "ኸ"/"ከ" (what about) and "ዶ" (a question) after: "ንባህሊኸ?" is "and for culture?".
TIGRINYA_BEFORE = ("ን", "ብ")
TIGRINYA_AFTER = (*SUFFIXED_ANDS, *WHAT_ABOUT_SUFFIXES, "ዶ")
# Somali possessive endings after the article's consonant (k, t, d, g, h): "-kooda" their, "-kiisa" his,
# "-keeda" her, "-kayaga"/"-keena" our, "-kaaga" your, "-kayga" my, "-kiina" your (plural).
SOMALI_POSSESSIVE = tuple(
    f"{c}{owner}" for c in "ktdgh" for owner in ("ooda", "iisa", "eeda", "ayaga", "eena", "aaga", "ayga", "iina")
)
MIN_SOMALI_STEM = 4
# Arabic "and" joined to a word with its article ("والثقافة", and culture), as folded
ARABIC_AND_THE = "وال"
# Ethiopic letters a bare Tigrinya word needs at least (a letter is a syllable).
MIN_SYLLABLES = 3
# Shorter words of the page stay function words when a list says so (Polish "na", on; "nå", reach).
MIN_PAGE_WORD = 3
# A thesaurus word for the page's words this long, in at most this many passages, names something.
MIN_NAMING_WORD = 5
NAMING_SPREAD = 2
STOPWORD_LANGUAGES = ("sv", "en", "fi", "ar", "so", "fa", "uk", "pl", "de", "no", "da")


# Our own lists where stopwords-iso has none or a short one (see the folder's README).
FUNCTION_WORDS_DIR = Path(__file__).with_name("function_words")


def function_words(path: Path) -> set[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {fold(line) for line in lines if line}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    out: set[str] = set()
    for lang in STOPWORD_LANGUAGES:
        if stopwordsiso.has_lang(lang):
            out |= {fold(w) for w in stopwordsiso.stopwords(lang)}
    return frozenset(out | own_function_words())


@lru_cache(maxsize=1)
def own_function_words() -> frozenset[str]:
    return frozenset(w for path in sorted(FUNCTION_WORDS_DIR.glob("*.txt")) for w in function_words(path))


def item_headings(corpus: Corpus, names: Mapping[str, Mapping[str, str]]) -> dict[str, list[str]]:
    """Per item of a list (a passage with a label, by its id), its heading in Swedish and in each translation
    (`names`: language -> Swedish text -> its translation)."""
    headings: dict[str, list[str]] = {}
    for chunk in corpus.chunks():
        if chunk.kind == "labelled" and chunk.heading_path:
            heading = chunk.heading_path[-1]
            headings[chunk.id] = [heading, *(table[heading] for table in names.values() if heading in table)]
    return headings


def item_names(corpus: Corpus, names: Mapping[str, Mapping[str, str]]) -> frozenset[str]:
    """The longer words that stand in one list item's heading alone, in Swedish or a translation: "research" of
    "Education and research" names that item, though stopwords-iso's English list has it ("what is the goal for
    research?" named nothing, and got all six)."""
    items: dict[str, set[str]] = defaultdict(set)
    for chunk_id, texts in item_headings(corpus, names).items():
        for w in (w for text in texts for w in words(text)):
            items[w].add(chunk_id)
    return frozenset(w for w, ids in items.items() if len(ids) == 1 and len(w) >= MIN_NAMING_WORD)


@lru_cache(maxsize=1)
def swedish_stopwords() -> frozenset[str]:
    return frozenset(fold(w) for w in stopwordsiso.stopwords(SOURCE_LANGUAGE))


class Coverage:
    def __init__(self, entries: list[Entry], asking: Iterable[str] = (), naming: Iterable[str] = ()) -> None:
        """`asking`: the words of the question cues ("when", "kiedy", "varför"; a prefix ends in `*`), which
        stay function words here however the thesaurus uses them; `naming`: words that name one passage
        (`item_names`), which are content words whatever a general list has."""
        vocab: set[str] = set()
        # in which passages' entries (any language) each word stands
        spread: dict[str, set[str]] = {}
        said: list[str] = []
        for e in entries:
            tokens = words(e.text)
            vocab.update(tokens)
            vocab.update(stems(tokens, e.lang))
            for w in tokens:
                spread.setdefault(w, set()).add(e.chunk_id)
            said.append(f" {' '.join(tokens)} \n")
        self._vocab = frozenset(vocab)
        self._spread = {w: len(chunks) for w, chunks in spread.items()}
        self._passages = len({e.chunk_id for e in entries})
        self._sorted = sorted(vocab)
        # a word of the page's own Swedish text is no function word for another language's list ("mål",
        # goal, folds to German "mal"), unless Swedish says it is
        page = {w for e in entries if e.lang == SOURCE_LANGUAGE for w in words(e.text) if len(w) >= MIN_PAGE_WORD}
        # ... and a longer word the thesaurus gives for the page's words in one or two passages names what they
        # say, whatever a general list has: stopwords-iso's English has "groups", "areas", "working"
        named = {
            w
            for e in entries
            if e.kind == KEYWORDS
            for w in words(e.text)
            if len(w) >= MIN_NAMING_WORD and self._spread[w] <= NAMING_SPREAD
        }
        named |= set(naming)
        exact = {w for w in asking if not w.endswith("*")}
        prefixes = tuple(w[:-1] for w in asking if w.endswith("*"))
        named = {w for w in named if w not in exact and not w.startswith(prefixes)}
        self._stop = stopwords() - (page - swedish_stopwords()) - (named - own_function_words())
        # every entry's folded words, one entry per line: a phrase is looked up within one entry
        self._said = "".join(said)

    def everywhere(self, word: str) -> bool:
        """Whether half the page's passages or more use a (folded) word, in some language: it names no
        one of them ("kommunen", Persian "کمون", Tigrinya "ኮሙን")."""
        return 2 * self._spread.get(word, 0) >= self._passages

    def says(self, phrase: Sequence[str]) -> bool:
        """Whether the page (or a translation or thesaurus entry) has these folded words in a row:
        "kultur och idrott", "کسب و کار" (business) are one thing to it, "boende och kultur" two."""
        return f" {' '.join(phrase)} " in self._said

    def knows(self, word: str) -> bool:
        """Whether the index has this (folded) word, one of its stems, or the word with another ending."""
        return (
            word in self._vocab
            or any(s in self._vocab for s in stems([word], None))
            or self._inflected(word)
            or any(self._syllables_known(bare) for bare in _tigrinya_bare(word))
            or any(form in self._vocab for form in _somali_definite(word))
            # Arabic joins "و" (and) to the article's word: "والندوة" (and the seminar) is "الندوة"
            or (word.startswith(ARABIC_AND_THE) and len(word) > len(ARABIC_AND_THE) + 1 and self.knows(word[1:]))
        )

    def knows_stem(self, word: str) -> bool:
        """Whether a word is one the index has, or a bare Tigrinya word it has with another last vowel
        ("ባህል" of "ባህልን", culture and)."""
        return self.knows(word) or (is_ethiopic(word) and len(word) >= MIN_SYLLABLES and self._syllables_known(word))

    def _syllables_known(self, bare: str) -> bool:
        """A bare Tigrinya word the index has, its last letter in any vowel ("ትምህርት" of "ንትምህርትን" is
        "ትምህርቲ", education): an ending changes the vowel of a stem's last letter."""
        if bare in self._vocab:
            return True
        key = prefix_key(bare)
        i = bisect.bisect_left(self._sorted, bare[:-1])
        for known in self._sorted[i:]:
            if not known.startswith(bare[:-1]):
                return False
            if len(known) <= len(bare) + 1 and prefix_key(known[: len(bare)]) == key:
                return True
        return False

    def _inflected(self, word: str) -> bool:
        """A form the stemmers miss: all but its last letters begin a word the index has ("koulutuksele",
        Meänkieli's allative, beside "koulutuksen"; Sami "johtalussii" beside "johtalus")."""
        n = len(word) - INFLECTION
        if n < MIN_STEM:
            return False
        stem = word[:n]
        i = bisect.bisect_left(self._sorted, stem)
        return i < len(self._sorted) and self._sorted[i].startswith(stem)

    def loan_reading(self, word: str) -> str | None:
        """The page's Swedish word behind a borrowed one the index does not know ("inriktninkiä":
        "inriktning"); None for a word the index knows or one that borrows nothing it knows."""
        return None if self.knows(word) else self._reading(word)

    def joined_forms(self, word: str) -> list[str]:
        """The index's words a word stands for with a short word joined to it, when the index has no word as
        written: a Tigrinya word without its "and what about" ("ባህሊኸ?", and culture?: "ባህሊ"), a Somali noun
        with the article for its possessive ("hadafkooda", their goal: "hadafka")."""
        if word in self._vocab:
            return []
        forms = sorted(_tigrinya_bare(word)) + _somali_definite(word)
        return [f for f in dict.fromkeys(forms) if f in self._vocab]

    def _reading(self, word: str) -> str | None:
        return next((r for r in swedish_readings(word) if self.knows(r)), None)

    def content_words(self, question: str) -> list[str]:
        return [w for w in words(question) if not self._function_word(w) and not w.isdigit()]

    def _function_word(self, word: str) -> bool:
        # Arabic joins "و" (and) to the next word: "وتحت" is "and under"
        return word in self._stop or (len(word) > 2 and word[0] == "و" and word[1:] in self._stop)

    def __call__(self, question: str) -> float:
        """Share of the question's content words found in the index (0 when it has none)."""
        content = self.content_words(question)
        if not content:
            return 0.0
        known = sum(1 for w in content if self.knows(w) or self._reading(w) is not None)
        return known / len(content)


def _somali_definite(word: str) -> list[str]:
    """A Somali noun with a possessive ending ("hadafkooda", their goal) as the page's translation writes it,
    with the definite article instead ("hadafka", the goal): the article's consonant stays, the owner goes."""
    for ending in SOMALI_POSSESSIVE:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_SOMALI_STEM:
            consonant = ending[0]
            return [f"{stem}{consonant}a", f"{stem}{consonant}ii", stem]
    return []


def _tigrinya_bare(word: str) -> set[str]:
    """An Ethiopic word without the short words Tigrinya joins to it, each way it may be read."""
    if not is_ethiopic(word):
        return set()
    heads = {word} | {word[len(p) :] for p in TIGRINYA_BEFORE if word.startswith(p)}
    bare = heads | {h[: -len(a)] for h in heads for a in TIGRINYA_AFTER if h.endswith(a)}
    return {b for b in bare if len(b) >= MIN_SYLLABLES and b != word}
