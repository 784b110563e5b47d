"""Reads a message in its conversation and decides what the answer will be made of: a `Plan`.

The CPU part of answering. It never writes a word; the answerer quotes what the plan points at.

1. Small talk ("hej", "tack!", "are you a bot?") is answered as such, in the language it is
   written in, without retrieval.
2. A request for the last answer in another language re-reads the last question.
3. "The fourth one" after a list picks that item of the list.
4. Otherwise the message is retrieved: alone, and when it follows up or refers back, together
   with the last question; a message joining two or three questions is split into its parts.
5. A question asking for a list or a count of the items under a heading gets them all, in page
   order; a question asking for a time, a person, a count or a place gets the line that states it.
6. A word or two that matches several topics equally gets a clarifying question.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence, Set
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from bot.chat.conversation import Context
from bot.chat.counted import CountedThings
from bot.chat.coverage import Coverage, function_words, item_headings
from bot.chat.cues import CLITIC_AND, SUFFIXED_AND, is_ethiopic, split_clitics, written_words
from bot.chat.dialogue import (
    LAUGHTER,
    NEXT,
    SMALLTALK,
    DialogueCues,
    Reading,
    SmallTalk,
    question_after_small_talk,
    without_laughter,
)
from bot.chat.follow_on import follow_on
from bot.chat.lexical_query import owner_words, people_words, quantity_words
from bot.chat.list_intent import ListModel
from bot.chat.page_counts import counts_stated
from bot.chat.page_preference import prefer_document
from bot.chat.phrasebank import Nearest, PhraseBank
from bot.chat.question_types import (
    ACHIEVED,
    APPRAISAL,
    AUDIENCE,
    COMMITTEE,
    COMPARISON,
    CONTACT,
    CONTENTS,
    COST,
    CURRENT,
    DOCUMENT,
    ENDED,
    FACILITY,
    HOURS,
    HOW_I,
    LOGO,
    LOOKS,
    MINUTES,
    NAMING,
    OBTAIN,
    OFFICE,
    OPINION,
    PASTIME,
    PROJECTS,
    QUALIFIERS,
    RANKED,
    RIGHTS,
    TAKE_PART,
    TO_COME,
    VENUE,
    VERSION_NUMBER,
    QuestionCues,
)
from bot.chat.quoting import quote_span
from bot.chat.retrieval import Retrieval, Retriever, ScoredChunk, sentence_asks
from bot.chat.scope import ScopeDecision, ScopeGate
from bot.chat.section_names import SectionNames
from bot.chat.self_telling import (
    asks_in_words,
    now_knows,
    praises,
    praises_the_bot,
    states_a_need,
    tells_of_family,
    tells_of_oneself,
    tells_the_weather,
)
from bot.chat.word_kin import KIN_START, kin
from bot.chat.word_tables import (
    ALL_WORDS_FILE,
    APPOSITION_WORDS_FILE,
    CARDINAL_WORDS_FILE,
    EXISTENTIAL_WORDS_FILE,
    LANGUAGE_WORDS_FILE,
    MENTION_WORDS_FILE,
    NOT_NAMED_FILE,
    PAGE_WORDS_FILE,
    WHICH_WORDS_FILE,
    WRITING_WORDS_FILE,
    restates,
    says,
)
from bot.language.detection import RELATIVES, Detection, LanguageDetector
from bot.language.romanized import continues_romanized, in_own_script
from bot.language.supported import ENGLISH, SOURCE_LANGUAGE
from corpus.chunking import LINE_KINDS
from corpus.model import Chunk, Corpus, Sentence
from index.analysis import VERSION_PATTERN, stems, words

Kind = Literal["answer", "out_of_scope", "smalltalk", "clarification"]
# How far below the scope model's line (log-odds) a piece of a message in scope may stand and still be
# answered, when its passage clearly states the fact it asks ("vad kostar bussen?" stands 10 below).
PIECE_NEAR_SCOPE = 1.0
# How far below that line a short piece may stand alone and still be read in the frame of the piece
# before it (Tigrinya "… ናይ ትምህርትከ?", and for education?, stands 4.4 below; "… vad kostar bussen?" 10).
PIECE_FAR_OUT = 6.0
# What a question may ask for that one line or sentence states.
FACT_TYPES = frozenset({"time", "person", "count", "place", "updated", "decision", "published", "outcome", COST})
# What a question is about rather than what it asks for: a follow-up asking for another fact keeps it.
TALKED_ABOUT = frozenset({"decision", "published", "updated"})
# What the page's lines say of the page itself.
ABOUT_THE_PAGE = frozenset({"published", "updated"})
# What more than one kind of line states: a person (who adopted, who published), besides what any passage may.
STATED_BY_ANY_LINE = frozenset({"person", "time", "count"})
# What any passage may state, besides the page's lines.
STATED_ANYWHERE = frozenset({"time", "count"})
# What a section's heading can ask that the whole section answers.
SECTION_TYPES = frozenset({"manner", "origin", "reach", "meaning", "reason"})
# The section types only one section of the page answers: how the vision came about, how it is reached.
DISTINCT_SECTIONS = frozenset({"origin", "reach"})
# How far below the best passage one answering the asked section type may rank and still answer.
SECTION_MARGIN = 2.0
# What the page states of the seminar it says was held: when, why (its aim), how, for whom, how many, what came of it
OF_WHAT_WAS_HELD = frozenset({"time", "reason", "goal", "manner", "count", AUDIENCE, "outcome"})
# How a goal came about: told once for them all, under "Hur gjorde vi?"
ORIGIN_OF_GOALS = frozenset({"origin", "goal"})
# A "read more" question names one link's topic when that link matches it lexically this many times
# better than the next; below, "where can I read more?" asks for all of them.
LINK_NAMED = 1.25
# How many passages beyond one per part the whole message may rank above a part's own passage.
NEAR_EXTRA = 2
# Passages looked at for the sentence that states what was asked.
FACT_CANDIDATES = 3
# A line under the best passage's heading ("Antagen av …" under "Vår vision") counts as matching the
# question this much better (the line's match is a sum of standardized evidence, see `Retrieval.lines`).
ATTACHED = 2.0
# A line that states as much of what was asked as the best passage wins from this match up.
LINE_OVER_PASSAGE = 9.0
# A "read more" line whose words match a question this many times better than any top passage's is the one
# place the page speaks of its topic ("anything about parking?": "… trafikplan, parkeringsprogram mm").
LINE_ALONE = 2.5
# a follow-up the page's words cover less than this, and out of scope alone, is a new question
FOLLOW_ON_COVERAGE = 0.5
# a follow-up naming an item in a fact's frame is about it when it ranks among this many passages ("och för
# kultur?" after "när antogs visionen?" ranks the vision first, culture second; "وما علاقته بالعلامة التجارية؟",
# and its relation to the brand?, names commercial service by its "commercial", fourth)
NAMED_AMONG = 2
# words either side of a "new" or "next" within which it is said of what it stands beside ("en ny vision")
NEXT_TO = 2
# a one-word follow-up names a new topic when its best passage leads the next by this much
TOPIC_MARGIN = 3.0
# ... and by which a question's first passage leads the second when it names a topic of the page at all (the housing
# goal leads by 1.2 to 2.8 for questions of housing; "ኣብ ኪሩና ስራሕ ኣሎ ድዩ?", is there work in Kiruna?, by 0.3 at most)
NAMED_PASSAGE_MARGIN = 1.0
# Small talk words must make up this much of a message that has other words too.
SMALLTALK_SHARE = 1 / 3
# ... or, among more words, as many small-talk words as content words and more than this many.
IN_PASSING = 1
# A sentence of this many words or more, beside small talk and ending in a question mark, asks a question.
MIN_QUESTION_WORDS = 3
# Words of a list's heading a question must name to ask for the list.
LIST_HEADING_WORDS = 2
# Content words up to which a message is a short one ("bostäder?", "kultur och idrott").
SHORT_WORDS = 2
# a clause telling of the resident, then the clause that asks ("jag bor i Kiruna, vad säger visionen?")
TOLD_AND_ASKED = 2
# the kinds of passage that are a list's item, each with its goal
ITEM_KINDS = frozenset({"labelled"})
# letters a word needs to be read as the head of a heading's compound (`_a_compounds_head`)
COMPOUND_HEAD = 6
# a time and a place asked together ("when and where?") are two facts, never one line's twice over
WHEN_AND_WHERE = frozenset({"time", "place"})
# What a correction says was meant ("I meant housing", "chodziło mi o edukację i badania") is asked as the last
# question was when it is as short as a follow-up naming a topic; longer, it is a question of its own.
CORRECTED_WORDS = 3
# A word or two whose best topics lie this close together is unclear.
CLARIFY_MARGIN = 0.35
# Cosine similarity to a small-talk example from which an out-of-scope message is small talk. Measured on
# the dev sets' out-of-scope questions and unlisted small talk (praise, complaints) that the model refuses:
# 0.90 takes four complaints and no question that 0.91 left; below it, questions crowd in (13 at 0.89–0.90).
SMALLTALK_SIMILARITY = 0.90
# … and from which one the scope model nearly answers is (within UNSURE_SCOPE of its line).
SMALLTALK_SIMILARITY_UNSURE = 0.93
# ... and a sentence among others, without a word of the small-talk tables (a closer neighbour than any
# question of the page's or the world's: "wann wird der Müll abgeholt?" lies at 0.87 to 0.91)
SMALLTALK_SIMILARITY_WORDLESS = 0.915
# Small-talk words that more tables than this use alike ("ok") belong to no language in particular.
WORLD_WORD_TABLES = 3
# What the page does tell a resident asking "how can I …": where to read more, what the vision means, how it
# is reached, how it came about, its goals, and the facts of its lines.
TOLD_TO_RESIDENTS = frozenset(
    {"place", "meaning", "reach", "origin", "goal", "published", "updated", "decision", DOCUMENT}
)
# How or where a resident gets something: with a word for renting, applying or buying, a service asked for.
WHERE_OR_HOW = frozenset({"place", "manner", HOW_I})
# question types no small talk asks ("who are you?" asks a person; nobody greets with a date)
NEVER_SMALLTALK = frozenset({"time", "count", "place", "updated", "published", "decision", COST, PASTIME})
# what no small talk in words no table lists asks: how things stand now or will be ("joko se uusi sentrumi oon
# valmis", is the new centre ready yet?), however near its meaning lies to a thanks in a language the model knows
# little
HOW_THINGS_STAND = frozenset({CURRENT, TO_COME})
# What a piece asking a fact keeps of its own qualifiers: "… and who is the mayor?" asks a person of an office,
# "… och vem vann Melodifestivalen?" who won, a pastime; "När avslutades projektet och …" when something ended,
# "Що написано в транспортній стратегії? і …" what a document says; each asks what no page states.
KEPT_BESIDE_A_FACT = frozenset(
    {DOCUMENT, OFFICE, ACHIEVED, CONTACT, PASTIME, RIGHTS, ENDED, TO_COME, VENUE, CONTENTS, CURRENT}
)
# How far below its line the scope model may put a greeting's other words for them to ask of the topic they
# name: it reads little of a word or two ("bostäderna" stands 1.9 below it, the name "Aino" 4.6).
TOPIC_BESIDE_A_GREETING = 3.0
# How many words an acknowledgement after an answer may take ("ok siisti", "okej, toppen då").
ACKNOWLEDGING_WORDS = 3
# What a piece of a message cut at its commas may keep at its edges: spaces and the commas of the scripts residents
# write (Latin, Arabic, Ethiopic) and the ideographic one
PIECE_EDGES = " ,،፣、"
# Somali's relative clause "oo … ah" ("qof oo deegaanka ah", a person who is local): its end, at most this many
# words after "oo"
SOMALI_RELATIVE_END = "ah"
SOMALI_RELATIVE_WORDS = 3
# ... or closed by the focus marker after the noun phrase it ends ("qof oo deggan ayaa …", people who live here …)
SOMALI_FOCUS = "ayaa"
# Words beside Swedish small talk that may say the writer's own language ("гарного дня! hej då")
BESIDE_SWEDISH_WORDS = 2
# Small talk that says what the resident thinks of the bot (praise is thanked, a complaint gets help): said
# among words no cue lists, it is still no question to refuse.
ABOUT_THE_BOT = frozenset({"thanks", "help"})
# What a cue reads as asked in words that judge, and ask nothing: "what I think of it", "how good it is".
JUDGING = frozenset({OPINION, APPRAISAL})
# ... and in words that praise what they name: "the housing goal", "the programme", "how you explained it", "the
# explanation of how the vision should be read helped".
NAMED_IN_PRAISE = frozenset({"goal", "meaning", "place", "manner", "reach", "origin", DOCUMENT}) | JUDGING
# Small talk asking what the bot can do: its words name no topic of the page.
ASKING_THE_BOT = ("capabilities", "help")
# ... and what it is: a sentence asking only these asks nothing of the page, whatever the resident tells beside it
BOT_ASKED = frozenset({*ASKING_THE_BOT, "identity"})
# The small talk a remark on the last answer is when it points at it: praise ("that's interesting", a thanks) or a
# complaint ("that was long", answered with what the bot can answer)
REMARKING = frozenset({"thanks", "help"})
# The small talk of the bot's languages (no cue table's: a request or a complaint naming a language shows it)
LANGUAGES_TALK = "languages"
# what a resident may say they did not mean, beside an apology
MEANT = frozenset({"reason", "meaning"})
# The small talk of a resident liking what the page says, thanking for nothing (no cue table's either)
PRAISE_TALK = "praise"
# Question types asking how or why of something: a heading word in them does not ask for its items.
HOW_OR_WHY = frozenset({"manner", "reach", "origin", "reason", "meaning"})
# what a part asks after one asking whether something was reached, of that same thing: its results, where to read them
RESULTS_OF_REACHING = frozenset({"outcome", "place", DOCUMENT, CONTENTS, CURRENT, ACHIEVED})
# How far below its line a scope score may stand for a request for the page's list to be answered
# ("čájet buot ulbmiliid" stands 0.4 below, "list the goals of the ice hockey team" 2.8).
UNSURE_SCOPE = 1.5
# How far from its line a scope score is the line itself: one question's embedding differs by about this much
# between machines (their CPUs' instruction sets), and its score with it.
AT_THE_LINE = 0.1
# Words whose named items and headings are remembered (a few hundred kB).
WORD_CACHE = 8192
# Split points at most: a message with more is answered whole.
MAX_SPLITS = 4
CONTRAST_WORDS_FILE = Path(__file__).with_name("contrast_words.txt")


@lru_cache(maxsize=1)
def contrast_words() -> frozenset[str]:
    """ "But" in residents' languages (`contrast_words.txt`)."""
    return frozenset(function_words(CONTRAST_WORDS_FILE))


# The small talk that closes a conversation; and what a sentence asks of the page, not of the bot.
CLOSING_TALK = frozenset({"thanks", "goodbye"})
# How far above its line the scope model may put a sentence telling of the resident after a greeting or a
# thanks ("Nu kan jag äntligen bli klar med min uppgift i samhällskunskap" stands 3.3 above it, "Ich möchte
# mehr über die Gemeinde erfahren" 3.9); "Jag vill veta mer om visionen" (9.3) asks of the page.
REMARK_MARGIN = 5.0
# The small talk that may open a message telling of the resident ("Hej, jag heter Annika och bor på Lombolo. …").
OPENING_TALK = CLOSING_TALK | {"greeting"}
ASKED_OF_THE_PAGE = FACT_TYPES | {"goal"}
# What a sentence among those that tell asks when it says it, mark or no mark: a fact, how, why
ASKING_IN_TELLING = FACT_TYPES | {"manner", HOW_I, "reason"}
# What a question asks of a logo the page does not show: a fact of it, its meaning, how it was made or how to get it
OF_THE_LOGO = FACT_TYPES | {"meaning", "manner", HOW_I, LOOKS}
# A sentence of fewer words than this, without its question mark, may still ask ("och kultur", "also housing").
# (Tigrinya says a whole remark in three: "ወረቐት ጥራይ ከይከውን", may it not be paper only.)
MIN_TOLD_WORDS = 3
# A message of more sentences is read whole: what it asks among what it tells is no longer clear.
MAX_SENTENCES = 6
# Cased letters a message needs to read as typed in capitals ("VISION DATE"), not as an acronym ("EU?").
SHOUTED_LETTERS = 6
_COMMA = re.compile("[,،፣፡、]")  # commas of Latin, Arabic, Ethiopic (and its wordspace, written as one) and CJK
QUESTION_MARKS = "?؟፧"  # Latin, Arabic, Ethiopic
SENTENCE_MARKS = "?!.;؟።፧"
# Sentences a message has when one of them can be read apart from the rest (a story beside a question, a question
# before one pointing back, small talk cutting the first).
MIN_SENTENCES = 2
# the end of a sentence with more text after it: "Vad är målet? Finns det en plan?" (Latin, Arabic, Ethiopic)
MIN_REMARK_WORDS = 3  # "I moved here last month", "Meän poika alottaa koulun syksylä"
_CLAUSE_MARK = re.compile(r"[,،፣]")
# a number from two to twelve in digits ("the 9 areas"), not a year, a date or "Kiruna 2.0"
_DIGITS = re.compile(r"(?<![\d.])(?:[2-9]|1[0-2])(?![\d.])")
# pictographs: in chat an emoji between words closes a sentence as a full stop does ("… eikä mithään löyvy 😩 mitä
# kommuuni oon luvannu …", nothing to be found 😩 what has the municipality promised …)
EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d"
_SENTENCE_END = re.compile(rf"(?<=\w)(?:[{SENTENCE_MARKS}]+|\s*[{SENTENCE_MARKS}]*\s*[{EMOJI}]+)(?=\s+\w)")
# "z.b.", "t.ex.", "e.g.", "esim.": the period of an abbreviation ends no sentence ("Welche Rechte haben die
# Minderheitensprachen, z.b. Samisch?" asks one question, not "Samisch?")
_ABBREVIATED = re.compile(
    r"(?:^|[\s(])(?:(?:[^\W\d]{1,2}\.)+[^\W\d]{1,2}|esim|jne|ym|ns|usw|bzw|ca|np|tzn|itd|itp|ggf|evtl|inkl|etc|vs|dvs|osv)$",
    re.IGNORECASE,
)


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """Where the sentences of a text end: its sentence marks before a next word, but an abbreviation's period."""
    return [m for m in _SENTENCE_END.finditer(text) if m.group() != "." or not _ABBREVIATED.search(text[: m.start()])]


# a year written in digits of any script, alone (not part of a longer number)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20|۱[۸۹]|۲۰|١[٨٩]|٢٠)\d\d(?!\d)")
# the words that open a clause, where a question word asks ("men vad är …", but what is …)
OPENING_WORDS = 2
# ... and so many words of a piece of a message, where a word that asks or requests says the piece asks ("I want to
# know …", "chciałbym wiedzieć …")
TELLING_OPENING = 4
# a word as written, with its combining marks (harakat in "اعتُمدت"), aligned with the folded words
_WORD = re.compile(rf"{VERSION_PATTERN}|(?:\w|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670])+")


def _after_an_answer(context: Context | None) -> bool:
    return context is not None and bool(context.question)


def _after_an_answer_unasked(message: str, reading: Reading, context: Context | None) -> bool:
    """After an answer, a message with no question mark that neither follows it up ("och kultur") nor picks an item
    of it ("den fjärde"): an acknowledgement or a remark may be one; a question is not."""
    return _after_an_answer(context) and not _has_mark(message) and not reading.followup and reading.ordinal is None


@dataclass(frozen=True)
class Part:
    """One question of a message and the passage that answers it."""

    question: str
    retrieval: Retrieval
    decision: ScopeDecision
    chunk: Chunk | None  # the passage to quote (None: out of scope)
    typed: frozenset[str] = frozenset()  # the sentences of `chunk` that state what was asked
    not_stated: bool = False  # asked for a fact the page does not state near this passage
    whole: bool = False  # the passage's heading asks the question ("Hur når vi visionen?"): quote it all
    asks: frozenset[str] = frozenset()  # what the question asked for

    def span(self) -> tuple[int, int]:
        """Where the quote of this part starts and ends in its document (whole sentences)."""
        assert self.chunk is not None
        if self.whole:
            return self.chunk.start, self.chunk.end
        scored = next((r for r in self.retrieval.ranked if r.chunk.id == self.chunk.id), None)
        return quote_span(self.chunk, scored.sentence_scores if scored else {}, self.typed)


@dataclass(frozen=True)
class Plan:
    kind: Kind
    message: str
    lang: str
    detection: Detection
    parts: tuple[Part, ...] = ()
    items: tuple[Chunk, ...] = ()  # a list answer: the items in page order
    with_goals: bool = False  # a list of directions with their goals
    heading: str = ""  # the heading the listed items stand under
    smalltalk: str = ""  # the small talk category
    candidates: tuple[Chunk, ...] = ()  # a clarifying question: the topics it could be about
    context: Context | None = None  # what the next turn needs
    reading: str = "standalone"  # how the message was read (for staff): standalone, followup, …
    retrievals: tuple[Retrieval, ...] = field(default=(), compare=False)
    # quoted after a list, each under its own lead: where the page states another count of the items, and
    # the message's other parts ("… and who published the page?")
    also: tuple[Sentence, ...] = ()
    # the language the message may as well be written in, offered beside the answer: Finnish without
    # Meänkieli's marks is Meänkieli's too, and nothing but the resident can settle it
    may_be: str = ""
    # the parts of a message in several parts that no page answers, as the resident wrote them: said, not dropped
    unanswered: tuple[str, ...] = ()
    # refused for asking, of what the page speaks of, what no page states ("who sat in the working groups?")
    stated_nowhere: bool = False

    @property
    def retrieval(self) -> Retrieval | None:
        """The main retrieval (for sources and staff evidence)."""
        if self.parts:
            return self.parts[0].retrieval
        return self.retrievals[0] if self.retrievals else None


Memo = dict[str, tuple[Retrieval, ScopeDecision, "npt.NDArray[np.float32]"]]


class Understander:
    def __init__(
        self,
        corpus: Corpus,
        retriever: Retriever,
        gate: ScopeGate,
        detector: LanguageDetector,
        dialogue: DialogueCues,
        coverage: Coverage,
        phrases: PhraseBank,
        lists: ListModel | None = None,
        names: dict[str, dict[str, str]] | None = None,
        counted: CountedThings | None = None,
    ) -> None:
        self._names = names
        self._counted = counted
        self._phrases = phrases
        self._lists = lists
        self._corpus = corpus
        self._retriever = retriever
        self._gate = gate
        self._detector = detector
        self._dialogue = dialogue
        self._coverage = coverage
        self._chunks = {c.id: c for c in corpus.chunks()}
        self._list_headings = self._heading_words(corpus, names or {})
        self._item_heading_words = self._items_heading_words(corpus, names or {})
        self._item_words = self._items_own_words(self._item_heading_words)
        self._sections = SectionNames.of(corpus, names or {}, self._item_naming, retriever.cues)
        # the sections the page states a decision for ("Vår vision", adopted by the council)
        self._adopted = frozenset(c.id for c in corpus.chunks() if c.kind == "adopted")
        self._versioned = _versioned_names(corpus)
        # which items and headings a word names: words recur across messages, and matching stems is not cheap
        self._items_named_by = lru_cache(maxsize=WORD_CACHE)(self._items_named_by_word)
        self._headings_named_by = lru_cache(maxsize=WORD_CACHE)(self._headings_named_by_word)
        self._counts_stated = counts_stated(corpus)
        # the words small talk asks the bot what it can do with ("hjälpa" of "vad kan du hjälpa till med"), which
        # name no topic of the page beside it ("vad kan du hjälpa till me", its "med" mistyped)
        table = dialogue.table
        self._asking_the_bot = frozenset(
            w for lang in table.by_lang for cat in ASKING_THE_BOT for c in table.in_language(lang, cat) for w in c.words
        )
        language = {d.meta.id: d.meta.language for d in corpus.documents}
        # what each passage or line states (a time, a person …), whatever a question asks
        self._offers = offers = {c.id: retriever.cues.chunk_offers(c, language[c.doc_id]) for c in corpus.chunks()}
        self._types_stated = frozenset(t for types in offers.values() for t in types)
        # the years the page states a decision in ("Antagen av kommunfullmäktige 2013-05-27, § 68")
        self._decided_in = frozenset(y for c in corpus.chunks() if "decision" in offers[c.id] for y in _years(c.text))
        # the years the page's passages and links speak of; its last change ("Senast ändrad: 2020-02-21") is none
        self._years_spoken = frozenset(
            y for c in corpus.chunks() if not offers[c.id] & ABOUT_THE_PAGE for y in _years(c.text)
        )
        # the years of the documents the page links to ("Läs mer om näringslivsstrategi 2016-2018")
        self._dated_links = [years for c in corpus.chunks() if c.kind == "link" and (years := _years(c.text))]
        # what each line of the page says of the page itself: who published it, when it last changed
        self._about_the_page = {c.id: offers[c.id] & ABOUT_THE_PAGE for c in corpus.chunks() if c.kind in LINE_KINDS}
        # retrievals made while reading one message (several threads read messages at once)
        self._memo: ContextVar[Memo | None] = ContextVar("memo", default=None)
        # the document of the page the widget sits on: its passages win near ties (bot.chat.page_preference)
        self._page: ContextVar[str | None] = ContextVar("page", default=None)
        # the message being read, whole: a part of it may speak of what another part names ("the page")
        self._message: ContextVar[str] = ContextVar("message", default="")

    def _heading_words(self, corpus: Corpus, names: dict[str, dict[str, str]]) -> list[set[str]]:
        """The stemmed content words of every heading with several directions under it, in Swedish
        and in each translation (`names`: language -> Swedish text -> its translation)."""
        parents = {c.heading_path[-2] for c in corpus.chunks() if c.kind == "labelled" and len(c.heading_path) > 1}
        out = []
        for heading in sorted(parents):
            for text in [heading, *(table[heading] for table in names.values() if heading in table)]:
                out.append(set(stems(self._named_words(text), None)))
        return out

    def _items_heading_words(self, corpus: Corpus, names: dict[str, dict[str, str]]) -> dict[str, set[str]]:
        """Per item of a list (a passage with a label, by its id), the stemmed words of its heading, in
        Swedish and each translation, less those naming the owner."""
        return {
            chunk_id: {s for text in texts for s in stems(self._item_naming(text), None)}
            for chunk_id, texts in item_headings(corpus, names).items()
        }

    @staticmethod
    def _items_own_words(heading_words: dict[str, set[str]]) -> dict[str, set[str]]:
        """Per item, its heading's words less those another item's heading has too ("environment",
        "municipality"): the words that name this item and no other."""
        shared = Counter(s for words_ in heading_words.values() for s in words_)
        return {cid: {s for s in words_ if shared[s] == 1} for cid, words_ in heading_words.items()}

    def _item_naming(self, text: str) -> list[str]:
        """The words of a text that may name an item: not the owner ("kommunen", "Gemeinde" of "in der
        ganzen Gemeinde"), whose every passage is, nor a word half the passages use."""
        owner = owner_words()
        return [w for w in self._named_words(text) if w not in owner and not self._coverage.everywhere(w)]

    def _named_item(self, question: str) -> str | None:
        """ "what's the goal for housing?": the one item of a list the question names, and no other."""
        named = self._named_items(question)
        return named[0] if len(named) == 1 else None

    def _goals_of_nothing(self, question: str, asks: frozenset[str], retrieval: Retrieval) -> bool:
        """ "Mii leat ulbmilat?", "Waa maxay hadafyada?", "what are Kiruna's goals?": a goal asked of nothing
        but the municipality, which a goal passage answers best, is each of its goals, whatever word the
        question uses for them ("Waa maxay himilada Kiruna?", its aspiration, is the vision's)."""
        ranked = retrieval.ranked
        if asks != {"goal"} or not ranked or self._named_items(question):
            return False
        own = self._words_of_its_own(question)
        if not own:  # "mål", "Waa maxay hadafyada?": nothing but the words asking for goals
            return any(r.chunk.kind == "labelled" for r in ranked[:3])
        return ranked[0].chunk.kind == "labelled" and own.isdisjoint(self._item_naming(question))

    def _goal_of_the_item_given(self, message: str, asks: frozenset[str], context: Context | None) -> Chunk | None:
        """ "and the goal?", "no, I meant the goal" after one direction was given: a goal asked of nothing is that
        direction's, not each of the page's goals."""
        own = self.cues.question_intents(message)
        if asks - {"meaning"} != {"goal"} or "goal" not in own or context is None or context.items:
            return None  # "ja johtolat?" (and traffic?) after the housing goal asks the goal of its own topic
        if len(context.chunks) != 1:
            return None
        given = self._chunks.get(context.chunks[0])
        if given is None or given.kind != "labelled" or self._named_items(message):
            return None
        # "and the goal for traffic?" names another item in words of its own; "no, I meant the goal, not the
        # direction" names only the list's heading, which ranks no item clearly first
        naming = [w for w in self._words_of_its_own(message) if not any(self._headings_named_by(w))]
        if not naming:
            return given
        items = [r for r in self._retrieve(" ".join(naming)).ranked if r.chunk.kind == "labelled"][:2]
        return None if items and items[0].chunk.id != given.id and _leads(items, TOPIC_MARGIN) else given

    def _goals_of_the_municipality(self, question: str, asks: frozenset[str], retrieval: Retrieval) -> bool:
        """Goals asked of nothing but the municipality ("Makkár mihttomearit gielddas leat?"): the page's goals, in
        whatever word for them the scope model reads little of."""
        named = self._words_of_its_own(question) - owner_words()
        return not named and self._goals_of_nothing(question, asks, retrieval)

    def _some_items(self, question: str, asks: frozenset[str], langs: Sequence[str]) -> set[str]:
        """The items a list question names when it names several but not all, and asks neither how many
        nor for all of them."""
        named = set(self._named_items(question))
        if "count" in asks or says(question, ALL_WORDS_FILE, langs) or not 1 < len(named) < len(self._item_words):
            return set()
        return named

    def _named_items(self, question: str) -> list[str]:
        """The items of a list the question names by their headings' own words."""
        named = {cid for word in dict.fromkeys(self._item_naming(question)) for cid in self._items_named_by(word)}
        return [cid for cid in self._item_words if cid in named]

    def _items_named_by_word(self, word: str) -> frozenset[str]:
        forms = stems([word], None)
        return frozenset(cid for cid, item in self._item_words.items() if _kin_to_any(forms, item))

    def _headings_named_by_word(self, word: str) -> tuple[bool, ...]:
        """Per list heading, whether the word names one of its words."""
        forms = stems([word], None)
        # a short word names a heading's word when it is that word as written ("mål", too short to be kin by its
        # first letters; not "målet", whose stem "mål" every goal question has)
        # ... and a compound's head names it: Sami "suorggit" (fields) is the "vuoruhansuorggit" (priority fields)
        # of the heading's translation; German "Richtungen" (stemmed) the "Ausrichtungen" of its heading
        return tuple(
            word in words or _kin_to_any(forms, words) or any(_a_compounds_head(f, words) for f in {word, *forms})
            for words in self._list_headings
        )

    def _named_item_first(
        self, question: str, retrieval: Retrieval, asks: frozenset[str], alone: bool = True
    ) -> Retrieval:
        """The item a question names by its heading first, when it asks for the item's goal and no fact, how
        or why of it: "was ist das ziel von kiruna beim thema wohnen?" ranked how the vision was made first
        (its "Themen"), and the housing goal below the top three. "What does the vision say about
        cultures?" names the culture item too, and asks what the interpretation says."""
        # ... and a bare topic alone ("kultur?"), which the interpretation, speaking of culture too, may outrank
        # (after "what does the vision say about people?", "and about cultures?" asks the vision's words)
        bare = alone and not asks and len(self._coverage.content_words(question)) == 1
        wanted = bare or ("goal" in asks and not asks & (FACT_TYPES | HOW_OR_WHY))
        named = self._named_item(question) if wanted else None
        # "Vad står det i visionen?": the section under "Vår vision"; "date of the vision?" asks the date of
        # that section, which its decision line states (not when the vision project began)
        if named is None and alone and asks <= {"time"}:
            named = self._section_asked_of(question)
        return retrieval if named is None else _with_first(retrieval, named)

    def _joins_one_thing(self, phrase: Sequence[str]) -> bool:
        """An "and" between words of one thing: a phrase the page says ("kultur och idrott"), or two words naming
        one item, the same ("ealáhusaid ja bargomárkana", Näringslivsutveckling och arbetsmarknad, in Sami)."""
        if self._coverage.says(phrase):
            return True
        left, right = self._items_named_by(phrase[0]), self._items_named_by(phrase[-1])
        if len(left) == 1 and left == right:
            return True
        # one word names the item, the other is its heading's too, though another heading shares it: Somali
        # "shaqada iyo ganacsiga" (work and business) is "Horumarinta ganacsiga iyo suuqa shaqada", whose
        # "ganacsiga" the commercial service's heading has too
        return any(
            len(named) == 1 and not other_named and self._in_heading(other, next(iter(named)))
            for named, other, other_named in ((left, phrase[-1], right), (right, phrase[0], left))
        )

    def _in_heading(self, word: str, item: str) -> bool:
        return _kin_to_any(stems([word], None), self._item_heading_words.get(item, set()))

    def _named_section(self, text: str, but: Set[str] = frozenset()) -> str | None:
        """The section a text names by its whole heading and nothing besides (`SectionNames`), the words `but`
        aside."""
        return self._sections.named(w for w in self._item_naming(text) if w not in but)

    def _section_asked_of(self, question: str) -> str | None:
        """The section a question names, besides the words asking what of it ("date of the vision?") and the
        words naming nothing ("Hur gammal är kommunens vision egentligen?")."""
        own = self._words_of_its_own(question)
        return self._named_section(question, but={w for w in words(question) if w not in own})

    def _the_pages_opening(
        self, question: str, retrieval: Retrieval, decision: ScopeDecision, asks: frozenset[str], alone: bool
    ) -> tuple[Retrieval, ScopeDecision]:
        """A question read alone asking what the page says: in scope, with what the page opens with first."""
        if not alone or not retrieval.ranked or not self._asks_what_the_page_says(question, asks):
            return retrieval, decision
        return _opening_first(retrieval), replace(
            decision, in_scope=True, reason=f"asks what the page says; {decision.reason}"
        )

    def _versioned_name_first(self, question: str, retrieval: Retrieval) -> Retrieval:
        """ "Tell me about Kiruna 2.0": the passage that names the project, which the page names once, first;
        its "Kiruna" alone matched "Vi är Kiruna." best."""
        named = {self._versioned[w] for w in words(question) if w in self._versioned}
        return _with_first(retrieval, named.pop()) if len(named) == 1 else retrieval

    def _detection_in(self, message: str, context: Context | None) -> Detection:
        """A message's language, read in the conversation it goes on."""
        detection = self._detector.detect(message)
        if context is None or context.lang in detection.plausible:
            return detection
        if not {context.lang, detection.lang} <= RELATIVES and self._dialogue.opens_in(message, context.lang):
            # "entäs kommunikasjuunit?" after a Meänkieli question: its opening says the language, not its loanword;
            # between Finnish and Meänkieli, Meänkieli's marks have settled it
            return Detection(context.lang, detection.confidence, (context.lang, *detection.plausible))
        if (
            not detection.romanized
            and self._detector.script_language(message) is None
            and continues_romanized(message, context.lang)
        ):
            # "w chkoun li nchr had lpage?" after "salam, chno hiya la vision dyal kommun?": Arabic in Latin letters
            return Detection(context.lang, 1.0, (context.lang,), romanized=True)
        return detection

    def _speaks_of_a_language(self, message: str, detection: Detection) -> bool:
        """A language named as what is asked about, not as the one to answer in: "Welche Rechte haben die
        Minderheitensprachen, z.b. Samisch?" asks of rights; "mainitaanko visiossa saamen kieli?" (is the Sami
        language mentioned in the vision?) whether the page names it, a question of the page's in Finnish."""
        return RIGHTS in self.cues.question_intents(message, detection.plausible) or says(
            message, MENTION_WORDS_FILE, detection.plausible
        )

    def _asks_what_the_page_says(self, question: str, asks: frozenset[str]) -> bool:
        """ "Vad handlar sidan om?", "what is this page about?", "Man birra dát siidu lea?": the page named,
        and nothing in it."""
        own = self._words_of_its_own(question)
        # English lists "page" among its stopwords: the page is named when a word of the page's list is there
        named = says(question, PAGE_WORDS_FILE)
        return named and asks <= {"meaning"} and all(says(w, PAGE_WORDS_FILE) for w in own)

    def _named_words(self, text: str) -> list[str]:
        """Content words with Arabic-script "و" (and) apart: "والأهداف" names "الأهداف"; a borrowed word
        with the Swedish word it reads as ("inriktninkiä" names "inriktning")."""
        named: list[str] = []
        for word in split_clitics(self._coverage.content_words(text)):
            if word != CLITIC_AND:
                reading = self._coverage.loan_reading(word)
                named += [word] if reading is None else [word, reading]
        return named

    @property
    def cues(self) -> QuestionCues:
        return self._retriever.cues

    def with_parts(self, retriever: Retriever, gate: ScopeGate) -> Understander:
        """The same reading with another retriever or scope gate (eval ablations)."""
        return Understander(
            self._corpus,
            retriever,
            gate,
            self._detector,
            self._dialogue,
            self._coverage,
            self._phrases,
            self._lists,
            self._names,
            self._counted,
        )

    # -- the entry point ---------------------------------------------------------------------

    def understand(
        self,
        message: str,
        lang: str | None = None,
        ui_lang: str | None = None,
        context: Context | None = None,
        page: str | None = None,
    ) -> Plan:
        written = message
        message = _unshouted(message)
        token = self._memo.set({})
        page_token = self._page.set(page)
        detection = self._detection_in(message, context)
        if detection.romanized:
            # "emta akher marra t3adlat el saf7a?": read in the language's own letters, as every table knows it
            message = in_own_script(message, detection.lang)
        message_token = self._message.set(message)
        try:
            plan = self._understand(message, detection, lang, ui_lang, context)
            if lang is None and _unsettled_finnic(plan, ui_lang, context):
                plan = replace(plan, may_be="fit")
            # read in lower case or in its own script, kept as written (the question log, staff's view)
            return plan if message == written else replace(plan, message=written)
        finally:
            self._memo.reset(token)
            self._page.reset(page_token)
            self._message.reset(message_token)

    def _understand_anew(self, message: str, lang: str | None, ui_lang: str | None, context: Context | None) -> Plan:
        """A message read again from its language on: the question beside a request, the last question asked
        again (already in the language's own script, when typed without it)."""
        return self._understand(message, self._detection_in(message, context), lang, ui_lang, context)

    def _understand(
        self, message: str, detection: Detection, lang: str | None, ui_lang: str | None, context: Context | None
    ) -> Plan:
        reading = self._dialogue.read(message, detection.plausible)
        # "Miksi sie vastaat ruottiksi?? Mie kirjotin meänkielelä!" (why do you answer in Swedish? I wrote in
        # Meänkieli!) complains of a language; it asks for none, and is answered in its own
        complains = reading.language_named is not None and (
            self._asks_why_of_a_language(message, detection) or _at_a_loss_in_swedish(reading, detection)
        )
        if reading.language_named is not None and self._speaks_of_a_language(message, detection):
            reading = replace(reading, language_request=None, request_apart=None, language_named=None)
        if complains:
            reading = replace(reading, language_request=None, request_apart=None)
            if self._names_nothing_of_the_page(message):
                # of the bot's words only, whatever the scope model makes of it; in the language written, not one a
                # cue word shares ("på" is Polish "pa", bye)
                talk_lang = lang or self.choose_language(detection, context, ui_lang)
                return self._smalltalk(message, talk_lang, detection, LANGUAGES_TALK, context)
        request = reading.language_request
        if (
            request is None
            and not complains
            and reading.language_named is not None
            and context is not None
            and context.question
            and (
                (
                    not self._look(message)[1].in_scope
                    # "Saisinko sen kokouksen pöytäkirjan jostain suomeksi?" (could I get that meeting's minutes in
                    # Finnish somewhere?) asks a thing of its own, in a language
                    and not self.cues.question_intents(message, detection.plausible)
                )
                or self._names_only_what_was_answered(message, detection, context)
            )
        ):
            # "could you write that in Swedish so I can show my neighbour?": a language named in a message
            # that is no question of the page's asks for the last answer again, however many words it takes
            request = reading.language_named
        # "where does it say that?": the last answer again, whose lead names the section it stands in
        # ... and "say it again", "is that all?": the last answer again, in the language now spoken
        where = (reading.where_said or reading.again) and context is not None and bool(context.question)
        # "Vad är visionen? Svara på engelska.": the question beside the request, in the language asked
        apart = reading.request_apart if request is None and lang is None else None
        if request is not None or where or apart is not None:
            asked_for = "language" if request is not None else "where" if reading.where_said else "again"
            return self._in_the_language_asked(message, lang, request, apart, detection, context, ui_lang, asked_for)
        message, reading = self._what_was_meant(message, reading, detection, context)
        talk = self._talk(message, reading, detection, lang, ui_lang, context)
        if talk is not None:
            return talk
        question = question_after_small_talk(message, reading) or self._question_after_an_acknowledgement(message)
        question = self._past_a_cut_telling(message, question) if question is not None else None
        if question is not None and (
            self.cues.question_intents(question) == self.cues.question_intents(message)
            # "ሰላም ከመይ ኣለኻ! ኪሩና ኣየኖት …?" (hello, how are you! which … does Kiruna have?): a greeting of its
            # own sentence asks nothing of the question, though its "how" is a question word
            or _a_sentence_before(message, question)
        ):
            # "dzięki! kiedy się zaczął?" (thanks! when did it start?) asks "when did it start?" of the
            # conversation: the thanks is no word of the question's own, nor its topic. A greeting that
            # is a question word too stays (Persian "چطوری", how are you / how).
            message, reading = question, self._dialogue.read(question, detection.plausible)
        answer_lang = lang or self.choose_language(detection, context, ui_lang)
        if reading.ordinal is not None and self._ordinal_asked(message, detection):
            listed = self._list_pointed_in(message, reading, context, answer_lang)
            picked = self._ordinal(message, reading, detection, answer_lang, listed) if listed else None
            if picked is not None:
                return picked
        if context is not None and context.items and self._counts_the_list(message, detection):
            counted = self._count_of_list(message, detection, answer_lang, context)
            if counted is not None:
                return counted
        return self._retrieve_and_plan(message, reading, detection, answer_lang, context)

    def _what_was_meant(
        self, message: str, reading: Reading, detection: Detection, context: Context | None
    ) -> tuple[str, Reading]:
        """ "sorry no, I meant housing, not business": what was meant, asked as the last question was; "no, I meant
        the goal, not the direction", the goal of what the last answer gave. Any other message as it is."""
        if reading.correction is None or context is None or not context.question:
            return message, reading
        meant = reading.correction
        named = any(self._coverage.knows(w) for w in self._coverage.content_words(meant))
        if not named and not self.cues.question_intents(meant, detection.plausible):
            # "that's not really what I meant but whatever", "متوجه منظورم نشدی" (you didn't get what I meant): a
            # complaint, naming nothing the page knows
            return message, reading
        read = self._dialogue.read(meant, detection.plausible)
        if len(self._coverage.content_words(meant)) <= CORRECTED_WORDS:
            read = replace(read, followup=True)
        return meant, read

    def _question_after_an_acknowledgement(self, message: str) -> str | None:
        """ "haha ok. mii lea mihttomearri dutkamii?": the question after "haha ok.", marked as one; "interesting. I was
        on the council back then, remember that seminar 😄" asks nothing after it, and is a remark as a whole."""
        rest = self._dialogue.after_an_acknowledgement(message)
        if rest is None or not _has_mark(rest):
            return None
        return rest

    def _ordinal_asked(self, message: str, detection: Detection) -> bool:
        """An ordinal in what a message asks, not in what it tells beside: "jag är ny … innan första mötet. Kan du
        räkna upp alla strategiska inriktningar?" asks the list, not its first item."""
        if "updated" in self.cues.question_intents(message, detection.plausible):
            # "wann wurde die seite das letzte mal geändert?" (when was the page changed the last time?): that "last"
            # is the change's, no item's
            return False
        sentences = _sentences(message)
        marked = [text for text, asked in sentences if asked]
        if len(sentences) == 1 or not marked:
            return True
        return any(self._dialogue.read(text, detection.plausible).ordinal is not None for text in marked)

    def _asks_beside_the_list(self, question: str, asks: frozenset[str]) -> bool:
        """A fact asked beside a list: not its count, nor the place a document's name asks where no word asks where
        ("… die Strategie von Kiruna vorstellen. Kannst du mir alle strategischen Ausrichtungen auflisten?")."""
        named_only = DOCUMENT in asks and "place" not in self.cues.table.categories(question)
        return bool(asks & FACT_TYPES - {"count"} - ({"place"} if named_only else set()))

    def _counted_apart(
        self, message: str, question: str, reading: Reading, detection: Detection, lang: str, how: str
    ) -> Plan | None:
        """Each piece asking how many ("how many working groups were there and how many directions are there?"):
        the list for the piece that asks one, and the sentence stating the other count. Split as usual, both pieces
        would quote the one sentence that counts the working groups and the directions alike."""
        if how != "standalone":
            return None
        pieces = [
            p.strip(PIECE_EDGES) for p in _pieces(question, reading, detection.plausible, self._joins_one_thing) or []
        ]
        asked = [self.cues.question_intents(p, detection.plausible) for p in pieces]
        if len(pieces) < 2 or not all("count" in a for a in asked):
            return None
        parts = tuple(self._part(p, *self._look(p), a) for p, a in zip(pieces, asked, strict=True))
        listed = self._list_among(parts, message, lang, detection, how)
        if listed is None or len(listed.parts) < 2:
            return None
        return listed if all(self._counts_beside_the_list(p) for p in listed.parts[1:]) else None

    def _counts_beside_the_list(self, part: Part) -> bool:
        """A count beside a list that names a thing of its own and quotes a sentence stating a count: "how many goals?"
        beside the directions names the list's own heading, "… how many?" nothing."""
        named = bool(self._coverage.content_words(part.question)) and not self._list_heading_words(part.question)
        return named and any("count" in self._retriever.states(s) for s in part.typed)

    def _names_nothing_of_the_page(self, message: str) -> bool:
        """No item or section named, and no sentence well inside what the page answers ("Mitä siinä visionissa
        oikein sanothaan?", what does the vision say?, stands 10.5 above the scope model's line)."""
        return (
            not self._named_items(message)
            and self._named_section(message) is None
            and not any(self._asks_the_page_in_telling(sentence) for sentence, _ in _sentences(message))
        )

    def _asks_why_of_a_language(self, message: str, detection: Detection) -> bool:
        """Whether a sentence naming a language asks why: of the bot's words, never a request for them."""
        return any(
            self._dialogue.read(sentence, detection.plausible).language_named is not None
            and "reason" in self.cues.question_intents(sentence, detection.plausible)
            for sentence, _ in _sentences(message)
        )

    def _talk(
        self,
        message: str,
        reading: Reading,
        detection: Detection,
        lang: str | None,
        ui_lang: str | None,
        context: Context | None,
    ) -> Plan | None:
        """The small-talk reply, when the message is small talk: an acknowledgement after an answer, small talk by
        its cues and its sentences, or a remark on the answer."""
        acknowledged = reading.smalltalk is None and self._acknowledges(message, reading, context, detection)
        category = "thanks" if acknowledged else self._smalltalk_by_sentence(message, reading, detection, context)
        if (
            category is None
            and reading.smalltalk is not None
            and reading.smalltalk.category in ASKING_THE_BOT
            and reading.language_named is not None
            and self._names_nothing_of_the_page(message)
            and not self.cues.question_intents(message, detection.plausible)
        ):
            # "Sáhtángo čállit davvisámegillii dása, vai fertengo čállit ruoŧagillii?" (may I write in Sami here, or
            # must I write in Swedish?) asks what the bot can do in a language, whatever the scope model reads;
            # "Mitä siinä visionissa oikein sanothaan? Mie en ymmärä ruottia niin hyvin." asks the page
            category = reading.smalltalk.category
        if (
            category is None
            and reading.smalltalk is not None
            and (
                self._only_smalltalk(message, reading, context, detection)
                or self._about_the_bot(message, reading, detection)
            )
        ):
            category = reading.smalltalk.category
        if category is None and (
            self._remarks_on_the_answer(message, reading, context, detection)
            or self._remarks_on_the_bot(message, reading, context, detection)
        ):
            category = self._remark_category(message, reading, detection)
        if category is None and (
            self._introduces_oneself(message, reading, context, detection)
            or self._remarks_on_the_weather(message, detection)
        ):
            category = "greeting"
        if category is None and self._thanks_for_what_it_learned(message, reading, detection):
            category = "thanks"
        if category is None and self._praises_what_it_names(message, reading, detection):
            # "tack för infon om bostadsmålet" thanks; "gillar verkligen målet om kultur" likes what it read
            thanked = reading.smalltalk is not None and reading.smalltalk.category == "thanks"
            category = "thanks" if thanked else PRAISE_TALK
        if category is None and self._praises_the_bot(message, reading, detection):
            category = PRAISE_TALK
        if category is None:
            return None
        if category in ASKING_THE_BOT and _asks_of_languages(message, reading, detection):
            category = LANGUAGES_TALK
        talk_lang = lang or self._smalltalk_language(message, reading, detection, context, ui_lang)
        return self._smalltalk(message, talk_lang, detection, category, context)

    def _past_a_cut_telling(self, message: str, question: str) -> str:
        """ "Hi! I moved here from Leeds and work at the hospital. When did Kiruna 2.0 start?": small talk's words ("I
        moved here") cut the first sentence; the sentence tells of the resident and asks nothing, and the question is
        the sentences after it. "Jag fattar inte riktigt visionen … hur ska man tolka den?" names what it asks of."""
        opening = message[: len(message) - len(question)] if message.endswith(question) else ""
        if not opening or opening.rstrip()[-1:] in SENTENCE_MARKS or not opening[-1:].isspace():
            return question  # the small talk ended its own sentence: "Hej! Vad är visionen?"
        sentences = _sentences(question)
        first, asked = sentences[0]
        if len(sentences) < MIN_SENTENCES or asked or asks_in_words(first):
            return question
        told = _sentences(message[: len(opening) + len(first)])[-1][0]
        if not self._tells_only_of_oneself(told):
            return question
        rest = question[len(first) :].lstrip(SENTENCE_MARKS + " \t\n")
        return rest or question

    def _names_only_what_was_answered(self, message: str, detection: Detection, context: Context) -> bool:
        """ "can you write the goal in Arabic for my dad?", "can you tell me the research part in Polish?" after an
        answer: a language named beside words naming what was just answered (its goal, its item) and no fact of their
        own, which ask for that answer in the language, not the page's list of goals."""
        asked = self.cues.question_intents(message, detection.plausible)
        if asked - frozenset(context.asks) - {"goal"} or not context.chunks:
            return False
        named = set(self._named_items(message))
        return named <= set(context.chunks) and self._named_section(message) in (None, *context.chunks)

    def _in_the_language_asked(
        self,
        message: str,
        lang: str | None,
        request: str | None,
        apart: tuple[str, str] | None,
        detection: Detection,
        context: Context | None,
        ui_lang: str | None,
        asked_for: str = "language",
    ) -> Plan:
        """The last answer again, in the language asked or where it stands; or the question a request stands
        beside, answered in the language it asks for."""
        if request is None and apart is not None:
            asked_in, rest = apart
            return replace(self._understand_anew(rest, asked_in, ui_lang, context), message=message)
        target = lang or request or self.choose_language(detection, context, ui_lang)
        if context is not None and context.question:
            again = self._the_last_answer(self._understand_anew(context.question, target, ui_lang, None), context)
            return _replace_reading(again, message, asked_for, detection)
        # nothing said yet to say again: "kan jag skriva på engelska?" asks which languages the bot speaks
        return self._smalltalk(message, target, detection, LANGUAGES_TALK, context)

    def _the_last_answer(self, again: Plan, context: Context) -> Plan:
        """The last question asked again keeps the passages its answer quoted.

        After "what is the goal for housing?" and "and for education?", the question kept is the two
        read together; asked again alone it leads with housing, while "in Swedish, please" asks for
        the education goal just given.
        """
        if again.kind != "answer" or not again.parts or context.items or not context.chunks:
            return again  # a list is listed again whole
        quoted = [p for p in again.parts if p.chunk is not None and p.chunk.id in context.chunks]
        if not again.items and {p.chunk.id for p in quoted if p.chunk is not None} == set(context.chunks):
            parts = tuple(quoted)
        else:
            first = again.parts[0]
            asks = frozenset(context.asks)
            parts = tuple(
                Part(context.question, first.retrieval, first.decision, self._chunks[cid], asks=asks)
                for cid in context.chunks
                if cid in self._chunks
            )
        if not parts:
            return again
        kept = replace(again.context, chunks=context.chunks, items=()) if again.context is not None else None
        return replace(again, parts=parts, items=(), with_goals=False, heading="", context=kept)

    # -- language ----------------------------------------------------------------------------

    @staticmethod
    def choose_language(detection: Detection, context: Context | None, ui_lang: str | None) -> str:
        """The detected language when the text settles it; else the conversation's, the widget's, Swedish.

        Among readings the detector finds about as likely (Finnish or Meänkieli for "kulttuuri"), the
        conversation's or the widget's language wins; a language the detector barely prefers never does.
        """
        if len(detection.plausible) == 1 or detection.settled:
            return detection.lang
        for preferred in (context.lang if context else None, ui_lang):
            if preferred is not None and preferred in detection.plausible:
                return preferred
        if frozenset(detection.plausible) == RELATIVES:
            return detection.lang  # Finnish or Meänkieli: the detector read Meänkieli's marks
        if detection.confidence >= 0.5 and len(detection.plausible) <= 2:
            return detection.lang
        return (context.lang if context else None) or ui_lang or SOURCE_LANGUAGE

    def _only_smalltalk(self, message: str, reading: Reading, context: Context | None, detection: Detection) -> bool:
        """Small talk, unless the words beside it ask about something the page speaks of.

        "Hej! Vad är visionen?" is a question after a greeting; "är du en riktig människa?" and
        "thanks, that helped!" are small talk with words the cue tables do not list.
        """
        talk = reading.smalltalk
        assert talk is not None
        if not talk.rest:
            # "mål" (goal) folds to German "mal", a filler: small talk in a language the message is not in
            # is no small talk when the page answers the message
            # ("shukran", thanks in Arabic letters the detector does not read, is no word of the page's)
            foreign = not _in_any(talk.langs, detection.plausible)
            page_word = any(self._coverage.knows(w) for w in self._coverage.content_words(message))
            return not (foreign and page_word and self._look(message)[1].in_scope)
        rest = " ".join(talk.rest)
        content = self._coverage.content_words(rest)
        # a greeting opens a message: "cimilada berri sidee tahay" (how is the weather tomorrow?) asks of the
        # weather in the words of "how are you?", after it
        greets_last = talk.category == "greeting" and reading.tokens[: len(talk.rest)] == talk.rest
        # "hej, ville bara säga tack för hjälpen …, ha en fin kväll och hejdå!": many words, few of them naming
        # anything; a small-talk word in passing ("på" is Polish for "bye") is another message's
        in_passing = talk.share < SMALLTALK_SHARE and talk.covered < max(len(content), IN_PASSING + 1)
        # "asc, cimiladu sidee tahay maanta?" (hi, how is the weather today?) greets, then asks a pastime
        pastime = PASTIME in self.cues.question_intents(message, detection.plausible)
        # "Hi, my name is Arjun, I just moved to Kiruna from Pune to work at LKAB.": few of its words greet, the
        # rest tells of the resident
        tells = self._opens_and_tells(message, reading, talk, rest)
        marked = _has_mark(message)
        # "leago dát AI vai čohkkágo muhtun olmmoš gielddas ja vástida?" (is this AI, or does someone of the
        # municipality sit and answer?): few of its words are the table's, and the whole means what they say
        # "kiitos. mitä visio sanoo kulttuureista?" (thanks. what does the vision say of culture?) asks beside it
        meant = in_passing and self._means_its_cue(message, talk) and not self._asks_a_question_of_its_own(message)
        # "Jag jobbar på LKAB, vad är målet för näringslivet?": who they are, then a question of the page, or of what
        # no page states ("ሰላም! ኣነ ሓድሽ እየ። ስራሕ ከመይ ጌረ ክረክብ እኽእል?", hello! I'm new. how can I find work?)
        asked = self.cues.question_intents(rest) if talk.category == "greeting" and marked else frozenset()
        asks_after_greeting = bool(asked & ASKED_OF_THE_PAGE) or self._never_stated(asked) is not None
        # "Päivää! [a story]. Mitäs sie osaat vastata?": however many words the story takes, it asks only the bot
        tells = tells or self._asks_only_of_the_bot(message, context, detection)
        if (
            (in_passing and not tells and not meant)
            or pastime
            or (greets_last and self.cues.question_intents(message))
            or asks_after_greeting
            or self._asks_what_the_answer_means(message, context, detection)
        ):
            return False
        if not content or tells:
            return True
        # "vad vet du om bostäder?", "co wiesz o celach?": asks of the topic it names; so does "hur är läget med
        # bostäderna?" (how are things with housing?) in a greeting's words, when they ask what the page may answer
        # ("med bostäderna" does, for all the scope model reads little of two words; "mun nimi on Aino", my name is
        # Aino, names a resident). A thanks naming one thanks for the answer about it, and "apua, en ymmärrä miten
        # tätä palvelua käytetään" (help, I don't get how to use this service) asks help of the bot.
        topic = " ".join(w for w in words(rest) if w not in self._asking_the_bot)
        # ... but "ببخشید من تازه اومدم کیرونا، دقیقا در مورد چه چیزایی میتونی کمکم کنی؟" (sorry, I just came to
        # Kiruna, what exactly can you help me with?) names nothing but in a clause telling of the resident
        if topic:
            told = {w for clause in _clauses(message) if tells_of_oneself(clause) for w in words(clause)}
            topic = "" if all(w in told for w in words(topic)) else topic
        # "thx. culture?", "Giitu. Kultuvra?" (thanks. culture?): a topic asked with its mark beside a thanks or a
        # goodbye ("Puhunko mie oikean ihmisen kans vai masiinin?" asks the bot what it is, in words of its own)
        asks_of_its_topic = (
            talk.category == "capabilities"
            or (talk.category == "greeting" and bool(topic) and self._look(topic)[1].margin > -TOPIC_BESIDE_A_GREETING)
            or (marked and talk.category in CLOSING_TALK)
        )
        names_its_topic = asks_of_its_topic and bool(topic) and self._names_a_topic(topic, self._retrieve(topic))
        if not self._coverage(rest) or not self._look(rest)[1].in_scope:
            # beside it, no word the page has ("precis", "kväll"), or words it does not answer
            asking = (
                # beside a greeting, only the words beside it ask: "ሰላም! ኣነ ዳዊት እየ፣ ከመይ ኣለኻ?" (hello! I'm Dawit, how
                # are you?) asks no way of anything in its "ከመይ" (how), the greeting's; "bygglov för altan, hur gör
                # jag" asks how in words of help, and is read whole
                self._asks_beside_smalltalk(message, rest, context, talk.category == "greeting")
                or self._asks_a_question_of_its_own(message)
                or self._asks_of_something_else(message, content, rest if talk.category == "greeting" else None)
            )
            return not (names_its_topic or asking)
        # "thanks, that helped!": the rest reads as in scope alone, the whole is close to small talk; "tack så
        # mycket! när antogs visionen?" is as close, and asks when; "kiitos! entäs kommunikasuunit?" (thanks! and
        # communications?) opens a follow-up of the page's words
        if names_its_topic or self._intents_beside_talk(rest, message) or self._dialogue.read(rest).followup:
            return False
        near = self._nearest_talk(message)  # its retrieval's embedding
        return near is not None and near.similarity >= SMALLTALK_SIMILARITY

    def _asks_only_of_the_bot(self, message: str, context: Context | None, detection: Detection) -> bool:
        """ "Päivää päivää! Mie en ole ennen tämmösen koneen kans puhunu, tyttären tyttö laitto tämän minule. Mitäs
        sie osaat vastata?": the resident's story, told without asking, and every sentence that asks (its question
        mark says which) asks the bot what it can answer or what it is. The story's many words make it no question
        of the page."""
        sentences = _sentences(message)
        asked = [sentence for sentence, marked in sentences if marked]
        told = [sentence for sentence, marked in sentences if not marked]
        if len(sentences) < MIN_SENTENCES or not asked or any(self.cues.question_intents(s) for s in told):
            return False
        for sentence in asked:
            reading = self._dialogue.read(sentence, detection.plausible)
            talk = reading.smalltalk
            if talk is None or talk.category not in BOT_ASKED:
                return False
            # "Czy możesz mi je wymienić?" (can you list them for me?), "ممكن تكتبها بالعربي؟" (can you write it in
            # Arabic?) ask of what the story named, or for an answer in a language
            if reading.reference or reading.wants_list or reading.language_named is not None:
                return False
            if not self._only_smalltalk(sentence, reading, context, detection):
                return False
        return True

    def _asks_what_the_answer_means(self, message: str, context: Context | None, detection: Detection) -> bool:
        """ "خب یعنی چی؟ من که چیزی نفهمیدم" (so what does it mean? I didn't understand a thing) after an answer: a
        sentence of its own, marked as a question and no small talk itself, asks what the answer means, whatever
        the words of not understanding beside it say; "من که چیزی نفهمیدم" alone asks help."""
        if not _after_an_answer(context):
            return False
        return any(
            asked
            and "meaning" in self.cues.question_intents(sentence, detection.plausible)
            and self._dialogue.read(sentence, detection.plausible).smalltalk is None
            for sentence, asked in _sentences(message)
        )

    def _nearest_talk(self, text: str) -> Nearest | None:
        """The small-talk example nearest a text, by the embedding its retrieval made (memoised per message)."""
        return self._phrases.nearest(self._looked(text)[2])

    def _nearest_talk_in(self, text: str, plausible: tuple[str, ...]) -> Nearest | None:
        """The small-talk example nearest a text among those in a language it may be written in (`_reads_as`)."""
        return self._phrases.nearest(self._looked(text)[2], _may_be_in(plausible))

    def _means_its_cue(self, message: str, talk: SmallTalk) -> bool:
        """Whether a message reads, by its meaning, as the small talk its cue names: nearest an example of the
        same category, and as near as small talk in words of its own must be."""
        near = self._nearest_talk(message)
        return near is not None and near.category == talk.category and near.similarity >= SMALLTALK_SIMILARITY

    def _opens_and_tells(self, message: str, reading: Reading, talk: SmallTalk, rest: str) -> bool:
        """A greeting, thanks or goodbye that opens a message whose other words tell and ask nothing: no question
        mark, no word that asks, nothing the page answers near its line ("Mu namma lea Niillas ja mun orun
        Čohkkiras guovllus …"); "hej jag heter Lisa och vill veta mer om visionen" asks of the page (8.4 above)."""
        return (
            talk.category in OPENING_TALK
            and reading.tokens[:1] != talk.rest[:1]
            # a sentence of a longer message comes without its mark: "Hallo, kann ich … noch mitmachen? Ich wohne …"
            and not _has_mark(self._message.get() or message)
            # no answer type asked: "tack så mycket, nu kan jag bli klar med min läxa" says "klar" (done), a
            # qualifier; "… وأود أن أعرف كيف تحقق البلدية رؤيتها" (I'd like to know how it reaches it) asks how
            and not self.cues.question_intents(message) - frozenset(QUALIFIERS)
            # "Hyvää iltaa, olen eläkeläinen ja haluaisin tietää onko kirjasto auki" (… I'd like to know if the
            # library is open) wishes to know what no page states: a question without its mark ("ferten dal vuolgit
            # bohccuid geahččat", I must go and see to the reindeer, says a must and asks nothing)
            and not self._wants_what_no_page_states(rest, message)
            and not self._asks_the_page_in_telling(rest)
            and not self._asks_in_a_clause_of_its_own(message)
        )

    def _asks_in_a_clause_of_its_own(self, message: str) -> bool:
        """ "hi, my teacher at sfi asked us to find out about kirunas vision. what does it actually say": a clause
        after the first opens with a word that asks ("was" of "I was …" opens none), without its mark, is no small
        talk itself ("hur mår du?"), and the whole lies inside what the page answers: it asks of what the story
        named."""
        return (
            any(
                _opens_with_an_asking_word(clause) and self._dialogue.read(clause).smalltalk is None
                for clause in _clauses(message)[1:]
            )
            and self._look(message)[1].in_scope
        )

    def _asks_the_page_in_telling(self, text: str) -> bool:
        """Whether words that ask nothing in form still ask of the page: they lie well inside what it answers
        ("Jag vill veta mer om visionen", 9.3 above the scope model's line) or name a topic of it ("Berätta om
        visionen"). What a resident tells of themself lies lower ("Nu kan jag bli klar med min uppgift", 3.3)."""
        return self._look(text)[1].margin > REMARK_MARGIN or self._names_a_topic(text, self._retrieve(text))

    def _smalltalk_by_sentence(
        self, message: str, whole: Reading, detection: Detection, context: Context | None
    ) -> str | None:
        """A long message that greets or thanks among sentences telling of the resident, and asks only the bot:
        "Hi, I just found this chat. I moved here last month and my Swedish is basic. What can you help me
        with?", "Thanks for the help yesterday! My essay is done. Have a nice weekend." Its words are many,
        and few are small talk's, yet each sentence is small talk or tells of the resident. The category is
        the first question's, or, asking nothing, the first sentence's."""
        sentences = _sentences(message)
        if not 1 < len(sentences) <= MAX_SENTENCES:
            return None
        readings = [self._dialogue.read(text, detection.plausible) for text, _ in sentences]
        talks = [r.smalltalk for r in readings]
        if not any(talks):
            return self._talk_without_cues(message, sentences, readings, whole, detection, context)
        marked = [(text, r) for (text, asked), r in zip(sentences, readings, strict=True) if asked]
        if not marked:
            return self._talk_that_tells(sentences, talks)
        categories = [self._talk_asked(text, reading, detection) for text, reading in marked]
        if categories[0] is not None and all(
            c is not None or self._asks_alongside(text, r, detection)
            for c, (text, r) in zip(categories[1:], marked[1:], strict=True)
        ):
            return categories[0]
        return None

    def _talk_without_cues(
        self,
        message: str,
        sentences: list[tuple[str, bool]],
        readings: list[Reading],
        whole: Reading,
        detection: Detection,
        context: Context | None,
    ) -> str | None:
        """ "Ooksie siinä? halloo?" (are you there? hello?), "Mot dus manná odne? Leatgo donge váiban?" (how are you
        today? are you tired too?): no word a table lists, asking nothing of the page or of the last answer
        ("آخریش چی بود؟ دقیق تر بگو", what was the last one? say it more precisely), and each sentence reads as
        small talk. With no answer before it, "dat vastadus ii lean mihkkege avkin" (that answer was no use)
        points at none: a complaint of the bot's."""
        pointing = _after_an_answer(context)
        if (pointing and (whole.ordinal is not None or whole.reference)) or whole.followup or whole.wants_list:
            return None
        if self.cues.question_intents(message, detection.plausible):
            return None
        categories = [
            self._talk_asked(text, r, detection, pointing) for (text, _), r in zip(sentences, readings, strict=True)
        ]
        return None if None in categories else categories[0]

    def _asks_alongside(self, text: str, reading: Reading, detection: Detection) -> bool:
        """A question after small talk's that asks nothing in words of its own: "Kuka sinut oon tehny? Kommuuniko
        itte vai joku firma Tukholmasta?" (who made you? the municipality itself or some company from Stockholm?)
        offers the first one's answers. "Hej! Och kultur?" follows an answer up, "Who are you? The vision?" names
        the page, "Gii don leat? Goas visuvdna dohkkehuvvui?" asks when."""
        return (
            reading.smalltalk is None
            and not reading.followup
            and not reading.reference
            and reading.ordinal is None
            and not reading.wants_list
            and not self.cues.question_intents(text, detection.plausible)
            and not self._look(text)[1].in_scope
            and not self._names_a_topic(text, self._retrieve(text))
        )

    def _talk_that_tells(self, sentences: list[tuple[str, bool]], talks: list[SmallTalk | None]) -> str | None:
        """Small talk, then what the resident tells, asking nothing: "Thanks for the help yesterday! My essay is
        done. Have a nice weekend.", "Tack så jättemycket!! Nu kan jag äntligen bli klar med min uppgift 🙏", "Hej,
        jag heter Annika och bor på Lombolo. Flyttade hem till Kiruna i höstas." A greeting, thanks or goodbye
        opens it; no sentence after it asks a fact or a goal the page answers (a question without its mark).
        Ended by a thanks or a goodbye, the sentences between are the resident's story; else each sentence that
        is no small talk must lie outside what the page answers ("Hej. Jag vill veta mer om visionen." asks)."""
        first, last = talks[0], talks[-1]
        if first is None or first.category not in OPENING_TALK:
            return None
        whole = " ".join(text for text, _ in sentences)
        # a sentence mostly of words of its own tells or asks ("Mat leat dat strategalaš inriktningat (…)? Giitu
        # ovddalgihtii.", which are the directions? thanks in advance: its mark not followed by a space)
        closed = last is not None and last.category in CLOSING_TALK and last.share >= SMALLTALK_SHARE
        # "Good afternoon, I'd be grateful if you could explain how the goals are put into practice. Thank you in
        # advance.": the opening sentence is mostly a request of its own, and is read as the others are
        start = 0 if first.share < SMALLTALK_SHARE else 1
        end = len(sentences) - 1 if closed else len(sentences)
        for (text, _), talk in zip(sentences[start:end], talks[start:end], strict=True):
            decision = self._look(text)[1]
            if decision.in_scope and self.cues.question_intents(text) & ASKED_OF_THE_PAGE:
                return None
            own_words = talk is None or talk.share < SMALLTALK_SHARE
            if own_words and self._asks_the_page_in_telling(text):
                return None  # "Hej. Berätta om visionen.", "Вітаю! Перелічіть напрями. Дякую" ask, without a mark
            # "Hallå! Jag är pensionär och undrar hur man söker färdtjänst": beside its small talk ("jag är
            # pensionär"), words that ask how, without a mark ("Háliidivččen jearrat muhtin áššiid …", I'd like to
            # ask some things …, announces questions and asks none)
            beside = text if talk is None else " ".join(talk.rest)
            if self.cues.question_intents(beside) & ASKING_IN_TELLING:
                return None
            # "hi, my teacher at sfi asked us to find out about kirunas vision. what does it actually say": a sentence
            # opening with a word that asks, without its mark, asks of what the story named
            if own_words and _opens_with_an_asking_word(text) and self._look(whole)[1].in_scope:
                return None
        return first.category

    def _talk_asked(self, text: str, reading: Reading, detection: Detection, pointing: bool = True) -> str | None:
        """The small talk a sentence with a question mark is ("what can you help me with?", "who am I talking
        to?"), read as a message of its own is; None when it asks the page ("What is the vision?") or
        anything else ("Vilka dagar töms soptunnorna?"), or of what it points back at."""
        talk = reading.smalltalk
        # "ok. mii lea mihttomearri dutkamii?" (ok. what is the goal for research?) names a goal of the page, however
        # near "mii don leat?" (what are you?) it reads, and the scope model, unsure of "dutkamii"
        names = bool(self._named_items(text)) or self._named_section(text) is not None
        asks = self.cues.question_intents(text, detection.plausible)
        # ... and "Buorre beaivi! … Makkár mihttomearit gielddas leat?" asks the page's goals
        if (
            self._look(text)[1].in_scope
            or reading.followup
            or names
            or self._goals_of_the_municipality(text, asks, self._retrieve(text))
        ):
            return None
        if self._never_stated(asks):
            # "ስራሕ ከመይ ጌረ ክረክብ እኽእል?" (how can I find work?) after "hello, I am new here" asks what no page
            # states, however close it reads to "how do I use this?"
            return None
        whole_cue = talk is not None and not talk.rest  # "mikä tämä oon?" (what is this?): its "this" is the cue's
        if reading.reference and not whole_cue and pointing:
            # "ok, what does this text mean exactly? I didn't get it" asks of the last answer; "... my teacher
            # asked us about the vision. Could you tell me what it says?" of what the message named
            return None
        if talk is not None and self._only_smalltalk(text, reading, None, detection):
            return talk.category
        # by its meaning: small talk's words among words of its own, or none of its words ("kann ich dir auf
        # Deutsch schreiben, und wobei kannst du mir helfen?"), which must read closer still
        near = self._nearest_talk(text)
        needed = SMALLTALK_SIMILARITY if talk is not None else SMALLTALK_SIMILARITY_WORDLESS
        if near is None or near.similarity < needed:
            return None
        return talk.category if talk is not None else near.category

    def _acknowledges(self, message: str, reading: Reading, context: Context | None, detection: Detection) -> bool:
        """ "ok siisti", "ok fiican", "okej, toppen" after an answer: an acknowledgement in a word no table lists.
        A few words opening with a filler ("ok"), asking nothing and naming nothing of the page; "ok, och kultur?"
        and "ok kultur" follow the answer up."""
        if not _after_an_answer_unasked(message, reading, context) or reading.reference:
            return False
        if not 1 < len(reading.tokens) <= ACKNOWLEDGING_WORDS:
            return False
        opens = self._dialogue.table.matches(list(reading.tokens[:1]), ["filler"])
        return (
            bool(opens)
            and not self.cues.question_intents(message, detection.plausible)
            and not any(self._coverage.knows(w) for w in reading.tokens[1:])
        )

    def _remarks_on_the_answer(
        self, message: str, reading: Reading, context: Context | None, detection: Detection
    ) -> bool:
        """ "nice, my kids play hockey so good to hear 👍", "kul, mina barn spelar fotboll" after the culture goal:
        a remark on what was said. It asks nothing (no mark, no word that asks, no "and for
        culture", no item pointed at), names no topic of the page, and the page does not answer it read alone:
        small talk to return, not a question to refuse, nor the last answer to give again."""
        if not _after_an_answer_unasked(message, reading, context) or reading.wants_list or reading.language_named:
            return False
        if self._judges_the_answer(message, reading, detection):
            return True
        # "that's not really an answer, …" has the help cue "not an answer" with a word inside it: a remark still
        if reading.reference and (reading.smalltalk is None or reading.smalltalk.category in REMARKING):
            if self._points_only_at_the_answer(message, detection):
                return True
            if not self._remarks_by_meaning(message):
                # "säg mer om det" (say more about it) asks of the answer; "okej, det visste jag inte" remarks, and
                # so do "that was long 😅" and "Mie en sitä kysyny" (I didn't ask that), read as a complaint's words
                return False
        return (
            not self._asked_of_the_answer(message, detection)
            and not self._look(message)[1].in_scope
            and not self._asks_the_page_in_telling(message)
        )

    def _remarks_on_the_bot(
        self, message: str, reading: Reading, context: Context | None, detection: Detection
    ) -> bool:
        """ "your answers are way too long and i cant understand half of them", "Jawaabahaagu aad bay u dheer yihiin"
        (your answers are far too long), before any answer of this conversation (a new tab, a reloaded page): what the
        resident thinks of the bot, in its own languages as near a complaint or praise as small talk must lie. No mark,
        nothing asked but a word of not understanding, nothing of the page named: the scope model, trained on
        questions, reads "understand" and "answer" as the page's (3.7 above its line for "Jag förstår inte riktigt
        vad du menar..."), and would quote the vision's meaning."""
        if _after_an_answer(context) or _asks_by_its_form(message, reading) or reading.ordinal is not None:
            return False
        # the meaning's nearest example is read from the message's own embedding; naming the page may look at
        # each sentence's
        return (
            not self._asked_of_the_answer(message, detection) - JUDGING
            and not self._opens_a_question(message, detection)
            and (
                self._remarks_by_meaning(message, detection.plausible)
                or self._remarks_clause_by_clause(message, detection.plausible)
            )
            and self._names_nothing_of_the_page(message)
        )

    def _introduces_oneself(
        self, message: str, reading: Reading, context: Context | None, detection: Detection
    ) -> bool:
        """ "Olen Pekka, asun keskustassa ja olen sairaanhoitaja." (I'm Pekka, I live in the centre and I'm a nurse),
        "Wir sind aus Dresden hergezogen": a resident telling who they are, before any answer, with no greeting
        word. Nothing asked (no mark, no word that asks but a qualifier such as a facility they work at), no need stated
        ("Ich suche eine Wohnung" asks for a flat), nothing the page answers near its line: a greeting to return."""
        if _after_an_answer(context) or _has_mark(message) or reading.followup or reading.wants_list:
            return False
        asked = self.cues.question_intents(message, detection.plausible)
        # "… muutin tänne Oulusta pari vuotta sitten" (I moved here from Oulu a couple of years ago) tells a time in
        # words that ask one only beside a word that asks ("kuinka monta vuotta sitten")
        worded = asks_in_words(message, detection.plausible)
        if (worded and asked - frozenset(QUALIFIERS)) or PASTIME in asked:  # "Kerro minule joku vitsi, mie olen …"
            return False
        return tells_of_oneself(message) and not self._asks_the_page_in_telling(message)

    def _remarks_on_the_weather(self, message: str, detection: Detection) -> bool:
        """ "Täälä Pajalassa on nyt kolmekymmentä asthetta pakkasta. Onkos teilä kans kylmä?" (here in Pajala it is
        thirty below; are you cold too?), "Aurinko paistaa ja lumi sullaa": a resident greeting with the weather. A
        sentence tells it (no mark, no word that asks); what else the message asks, it asks of the bot, by nothing
        the cues read ("onkos sulla kylmä?"), and nothing of the page is named. A question about the weather ("how
        is the weather in Kiruna today? so cold 🥶", "what's the weather tomorrow?") asks it: the cues read the
        weather or a manner asked, and it is refused as the page's matter it is not."""
        langs = detection.plausible
        if not tells_the_weather(message, langs) or states_a_need(message):
            return False
        sentences = [(sentence, marked) for sentence, marked in _sentences(message) if words(sentence)]
        asking = [s for s, marked in sentences if marked or asks_in_words(s, langs)]
        telling = [s for s, _ in sentences if s not in asking]
        if not any(tells_the_weather(s, langs) for s in telling):
            return False
        if any(self.cues.question_intents(s, langs) for s in asking):
            return False
        if self.cues.question_intents(message, langs) - {PASTIME, CURRENT}:
            return False  # the weather of "now" and "today" is told, not asked
        return self._names_nothing_of_the_page(message)

    def _thanks_for_what_it_learned(self, message: str, reading: Reading, detection: Detection) -> bool:
        """ "Stort tack för att du tog dig tid, nu förstår jag äntligen hur visionen kom till" (thanks for taking the
        time, now I finally understand how the vision came about), "Ollu giitu vástádusa ovddas, dál áddejin buorebut
        maid visuvdna mearkkaša": a thanks opening a message that says what the answer taught its writer. Its "how"
        and "what" ask nothing: they follow a verb of knowing, and no clause opens with a word that asks ("tack! vad
        betyder visionen", "Tack. Nu vet jag. Men vad är …" do); no mark, no need stated ("tack, nu vill jag
        veta …")."""
        if _asks_by_its_form(message, reading):
            return False
        langs = detection.plausible
        if not now_knows(message, langs) or states_a_need(message) or self._opens_a_question(message, detection):
            return False
        clauses = _clauses(message)
        opening = self._dialogue.read(clauses[0], langs).smalltalk if clauses else None
        if opening is not None and opening.category in REMARKING:
            return True
        # "jo jo, áddejin dal" (yes yes, I understood now), "aha, nu fattar jag": a few words saying so, naming
        # nothing of the page, acknowledge what was said
        few = len(reading.tokens) - (reading.smalltalk.covered if reading.smalltalk else 0) <= ACKNOWLEDGING_WORDS
        return few and self._names_nothing_of_the_page(message)

    @staticmethod
    def _opens_a_question(message: str, detection: Detection) -> bool:
        """Whether a clause of a message opens with a word that asks or requests ("vad …", "men vad …", "Čále
        munnje …", write to me …); one inside a clause follows a verb of knowing or feeling ("du förstår inte vad jag
        menar", you don't understand what I mean) and asks nothing."""
        langs = detection.plausible
        return any(asks_in_words(" ".join(words(clause)[:OPENING_WORDS]), langs) for clause in _clauses(message))

    def _praises_what_it_names(self, message: str, reading: Reading, detection: Detection) -> bool:
        """ "gillar verkligen målet om kultur och idrott", "cheers for the info about the housing goal", "الرؤية حلوة
        كتير" (the vision is very nice): liking, approval or a thanks, naming what of the page it is for. No mark, no
        word that asks ("tack för svaret, vad är målet för kultur" asks), no need stated, no follow-up's opening,
        and nothing the cues read as asked but the goal or the opinion it names: small talk to return ("glad to hear
        it", or "you're welcome" to a thanks), though the scope model, trained on questions, reads the page's words
        in it as a question."""
        if _asks_by_its_form(message, reading):
            return False
        langs = detection.plausible
        # a word that asks inside a clause asks nothing: "toi selitys siitä miten visio pitäis tulkita auttoi" (the
        # explanation of how the vision should be read helped), "se linkki oli just se mitä mie tarvitsin"
        if not praises(message, langs) or self._opens_a_question(message, detection) or states_a_need(message):
            return False
        every_sentence = all(
            praises(sentence, langs) or self._dialogue.read(sentence, langs).smalltalk is not None
            for sentence, _ in _sentences(message)
            if words(sentence)
        )
        return every_sentence and not self.cues.question_intents(message, langs) - NAMED_IN_PRAISE

    def _praises_the_bot(self, message: str, reading: Reading, detection: Detection) -> bool:
        """ "Naprawdę fajny ten czat, szybko i konkretnie 👍" (a really nice chat, quick and to the point), "No sie
        olet kyllä fiksu 😮" (well you are clever): praise of the bot in words no cue lists, a word of praise beside
        a word for the bot or "you". No mark, no word that asks, no need stated, nothing of the page named: "bra
        chatt, men vad är målet för kultur" asks."""
        if _asks_by_its_form(message, reading):
            return False
        langs = detection.plausible
        if not praises_the_bot(message, langs) or asks_in_words(message, langs) or states_a_need(message):
            return False
        return self._names_nothing_of_the_page(message)

    def _judges_the_answer(self, message: str, reading: Reading, detection: Detection) -> bool:
        """ "ta odpowiedź w ogóle mi nie pomogła" (that answer didn't help me at all): pointing at the answer, asking
        nothing, and in its own language as near a complaint or praise as an unsure refusal must lie. A remark,
        though the scope model, trained on questions, reads its "answer" and "help" as the page's (3.2 above its
        line); "what does that mean?" asks, and "säg mer om det" (say more about it) reads near no remark."""
        if not reading.reference or self._asked_of_the_answer(message, detection):
            return False
        return self._remarks_by_meaning(message, detection.plausible, SMALLTALK_SIMILARITY_UNSURE)

    def _remarks_by_meaning(
        self, message: str, plausible: tuple[str, ...] | None = None, needed: float = SMALLTALK_SIMILARITY
    ) -> bool:
        """Whether words pointing at the answer, in no cue's words, read as praise or a complaint of it (by the
        nearest example in the message's languages, given `plausible`)."""
        near = self._nearest_talk(message) if plausible is None else self._nearest_talk_in(message, plausible)
        return near is not None and near.category in REMARKING and near.similarity >= needed

    def _remarks_clause_by_clause(self, message: str, plausible: tuple[str, ...]) -> bool:
        """Whether a remark of several clauses ("ta strona jest beznadziejna, nic nie moge znalezc", this page is
        hopeless, I can't find anything) is small talk clause by clause, one of them a complaint or praise: each
        clause lies near small talk, while the whole, meaning two things, lies near no one example."""
        clauses = [c for c in _clauses(message) if words(c)]
        if len(clauses) < 2:
            return False
        nearest = [self._nearest_talk_in(c, plausible) for c in clauses]
        return all(n is not None and n.similarity >= SMALLTALK_SIMILARITY for n in nearest) and any(
            n is not None and n.category in REMARKING for n in nearest
        )

    def _points_only_at_the_answer(self, message: str, detection: Detection) -> bool:
        """ "that's not really an answer, you just pasted some text from a page", "det där var ju bara massa fina ord":
        words pointing at the answer, naming nothing of the page, asking nothing by a word ("mer om det", "what
        does that mean") or a cue ("give me her e-mail" asks a contact): what the resident thinks of the answer, in
        words no example lies near."""
        asked = self._asked_of_the_answer(message, detection) - JUDGING
        langs = detection.plausible
        return not asked and self._names_nothing_of_the_page(message) and not asks_in_words(message, langs)

    def _asked_of_the_answer(self, message: str, detection: Detection) -> frozenset[str]:
        """What a message after an answer asks, by the cues; without a question mark, a word of not
        understanding asks nothing: "لم أفهم شيئاً" (I understood nothing) says what the answer did, "what does
        that mean?" asks it."""
        asked = self.cues.question_intents(message, detection.plausible)
        return asked if _has_mark(message) else asked - {"meaning"}

    def _remark_category(self, message: str, reading: Reading, detection: Detection) -> str:
        """The small talk a remark is nearest: its cue's ("nice" thanks), or by its meaning ("the answer was far
        too long" asks help); else the nearer of praise and complaint in its own languages ("you just pasted some
        text from a page" lies nearest help), a thanks to return when neither is."""
        if reading.smalltalk is not None:
            return reading.smalltalk.category
        near = self._nearest_talk(message)
        if near is not None and near.similarity >= SMALLTALK_SIMILARITY:
            return near.category
        own = self._nearest_talk_in(message, detection.plausible)
        return own.category if own is not None and own.category in REMARKING else "thanks"

    def _about_the_bot(self, message: str, reading: Reading, detection: Detection) -> bool:
        """Praise or a complaint among words of its own ("du fattar ju ingenting, det här är helt värdelöst"):
        a message asking nothing, that the page does not answer alone, says what the resident thinks of
        the bot. After an answer its "det här" points at nothing to answer again."""
        talk = reading.smalltalk
        if talk is None or talk.category not in ABOUT_THE_BOT or not _in_any(talk.langs, detection.plausible):
            return False
        rest = " ".join(talk.rest)
        return (
            not self.cues.question_intents(message)
            and not self._look(message)[1].in_scope
            and not self._asks_a_question_of_its_own(message)  # "Danke! Nutzt die Seite Cookies?"
            # "የቐንየለይ። ህዝባዊ ኣገልግሎትከ?" (thanks. and public service?) names a topic of the page beside it
            and not self._names_a_topic(rest, self._retrieve(rest))
        )

    def _asks_a_question_of_its_own(self, message: str) -> bool:
        """ "Danke! Nutzt die Seite Cookies?": after the thanks, a sentence that asks, with its question mark,
        and reads as no small talk, by its words or its meaning ("Kuinkas sie jaksat?", how are you doing?). It
        is a question, to answer or to refuse, not a thanks to return."""
        for sentence, asked in _sentences(message)[1:]:
            if not asked or len(words(sentence)) < MIN_QUESTION_WORDS or self._dialogue.read(sentence).smalltalk:
                continue
            near = self._nearest_talk(sentence)
            if near is None or near.similarity < SMALLTALK_SIMILARITY:
                return True
        return False

    def _asks_of_something_else(self, message: str, content: Sequence[str], greeted: str | None = None) -> bool:
        """ "bygglov för altan, hur gör jag" (building permit for the porch, how do I?), "how do I get a school
        place for my kid, we just moved here": small talk's words ("how do I", "we just moved here") beside words
        of a thing they ask how to get or do, in a message that asks how (or a fact), and reads as no small talk by
        its meaning. A question of something the page does not answer, to refuse. Beside a greeting (`greeted`: the
        words beside it), only those words ask."""
        asked = self._intents_beside_talk(message) if greeted is None else self._intents_beside_talk(greeted, message)
        asks = asked & ASKING_IN_TELLING
        if not content or not (asks or self._wants_what_no_page_states(message, message)):
            return False
        near = self._nearest_talk(message)
        return near is None or near.similarity < SMALLTALK_SIMILARITY

    def _wants_what_no_page_states(self, words_: str, message: str) -> bool:
        """Words that wish or need ("haluaisin tietää", I'd like to know; "ክፈልጥ እደሊ", I want to know) in a message
        asking what no page states (when the library is open, bus hours): a question without its mark. A must
        or a want of nothing no page states ("in mun háliidan dan rahpat", I don't want to open it) asks none."""
        return states_a_need(words_) and self._never_stated(self.cues.question_intents(message)) is not None

    def _intents_beside_talk(self, text: str, message: str | None = None) -> frozenset[str]:
        """What the cues read as asked in a text beside small talk (of `message`, the text itself unless given). A
        word of writing, in a message asking by no word and no mark, is the resident's own ("förlåt, skrev fel",
        sorry, wrote it wrong; "si khaldan ayaan u qoray"), not the page's by-line: "tack, vem skrev sidan" asks it,
        and so do "hej, publicerad av" and "kiitos, julkaisija?". So is a purpose or a meaning denied: "anteeksi … ei
        ollut tarkoitus loukata" (sorry, it was not meant to offend) is no question of the seminar's purpose."""
        whole = text if message is None else message
        intents = self.cues.question_intents(text)
        if _has_mark(whole) or asks_in_words(whole):
            return intents
        if "published" in intents and says(text, WRITING_WORDS_FILE):
            return intents - {"published"}
        if intents & MEANT and self._dialogue.table.matches(list(words(whole)), ["negation"]):
            return intents - MEANT
        return intents

    def _asks_beside_smalltalk(self, message: str, rest: str, context: Context | None, greets: bool = False) -> bool:
        """Whether small talk with words the page does not answer alone asks a question all the same.

        "چطوری درستش کردن؟" (how did they make it?) after the vision: "چطوری" (how are you) greets only
        when the message asks nothing of what is being talked about. With nothing talked about, "tack för
        svaret, men när antogs den?" asks a fact the page states (not "where", which asks the bot too:
        "missä voit auttaa?", where can you help?). After a question, "kiitos! entäs kommunikasuunit?" (thanks!
        and communications?) follows it up.
        """
        intents = self._intents_beside_talk(message)
        if context is None or not context.question:
            asked = self._intents_beside_talk(rest, message) if greets else intents
            return bool(asked & (NEVER_SMALLTALK - {"place"}) & self._types_stated)
        follows = self._dialogue.read(rest).followup
        return (bool(intents) or follows) and self._look(f"{context.question} {rest}")[1].in_scope

    def _smalltalk_language(
        self, message: str, reading: Reading, detection: Detection, context: Context | None, ui_lang: str | None
    ) -> str:
        """The language whose small-talk words the message uses. Where several tables list the words
        ("hej", "hallo"), the words beside them read surely in one language win, then the conversation's
        language, then the widget's, then the one the detector reads among them; without such words ("ok
        siisti"), as for a question."""
        langs = reading.smalltalk.langs if reading.smalltalk is not None else ()
        if not langs or detection.romanized:
            # "salam, to adami ya robot?": its romanized words settle the language, whichever tables list "salam"
            return Understander.choose_language(detection, context, ui_lang)
        relatives = set(langs) <= RELATIVES  # a Finnish word is Meänkieli's too, and the other way round
        # Meänkieli's marks settle it, as they do a question, even in a conversation held in Finnish
        # ("kiitos, hei sitte!" after "Montako työryhmää oli?")
        marked: tuple[str, ...] = ("fit",) if relatives and detection.plausible == ("fit",) else ()
        # "гарного дня! hej då": Swedish small talk beside a language's own words is Kiruna's loan; "du svarar ju
        # bara med copy paste från hemsidan": a loan among many words the detector reads surely. Words the message
        # reads surely in say its language before the conversation's or the widget's does: those two only settle
        # what the message leaves open ("Hallo? Ootko sie vielä siinä?" in a Swedish widget is Finnic)
        beside = self._beside_swedish_talk(reading) if detection.plausible != (SOURCE_LANGUAGE,) else None
        surely = (
            beside
            or _beside_a_loan(reading, detection, langs)
            or self._beside_anothers_talk(reading, detection, langs)
            or self._beside_english_talk(reading)
        )
        # ... but between Finnish and Meänkieli, words read surely settle nothing the conversation has not; marks do
        outweighs = surely is not None and not (relatives and surely in RELATIVES)
        fallbacks: tuple[str | None, ...] = () if outweighs else (context.lang if context else None, ui_lang)
        for preferred in (*marked, *fallbacks):
            if preferred is not None and (preferred in langs or (relatives and preferred in RELATIVES)):
                return preferred
        if langs == ("fi",):
            # words only the Finnish table lists: Meänkieli's marks still make the message Meänkieli
            # ("moi moi, nähhään"), as they do a question
            return self._detector.best_of(message, sorted(RELATIVES))
        # the tables fold "ي"/"ی" and "ك"/"ک" alike ("سلام عليكم", "سلام علیکم"): the letters as typed say which
        # keyboard wrote them
        typed = _arabic_or_persian_letters(message) if {"ar", "fa"} <= set(langs) else None
        if surely is not None or len(langs) == 1 or typed is not None:
            return surely or typed or langs[0]
        at_home = self._dialogue.most_at_home(reading.tokens, langs)
        if at_home == ("fi",) and set(langs) >= RELATIVES:
            # the longer Finnish table builds more cues on words both languages say ("kiitos"): Meänkieli's
            # marks still make "kiitos mahottomasti" Meänkieli
            at_home = (self._detector.best_of(message, sorted(RELATIVES)),)
        if len(at_home) > WORLD_WORD_TABLES:
            # "ok", "thx": words of the world, no table's more than another's; they settle no language, the
            # fallbacks do. Laughter says nothing to the detector either ("haha" alone reads Somali): the
            # message's other words do ("هههههه تمام", ha ha, fine), else the fallbacks
            if LAUGHTER in reading.tokens:
                said = without_laughter(message)
                detection = self._detector.detect(said) if words(said) else self._laughters_script(message)
            return Understander.choose_language(detection, context, ui_lang)
        return at_home[0] if len(at_home) == 1 else self._detector.best_of(message, at_home)

    def _laughters_script(self, message: str) -> Detection:
        """Laughter alone says a language only by a script one language writes ("хаха" is Ukrainian's here); "haha" and
        "ههههه" (Arabic or Persian) leave it to the fallbacks."""
        scripted = self._detector.script_language(message)
        return Detection(scripted, 1.0, (scripted,)) if scripted else Detection(SOURCE_LANGUAGE, 0.0, ())

    def _beside_anothers_talk(self, reading: Reading, detection: Detection, langs: Sequence[str]) -> str | None:
        """The language of the words beside small talk no table of theirs lists ("Hallo? Ooks sie vielä siinä?",
        hello? are you still there?, in Meänkieli with a greeting German, English and Swedish share), when the
        detector reads those words surely in one language, or in Finnish or Meänkieli, and in none of the
        tables' languages."""
        if set(detection.plausible) & set(langs):
            return None  # the message may be in a language whose table lists its small talk
        _, rest = self._words_beside_talk(reading)
        if len(rest) < BESIDE_SWEDISH_WORDS:
            return None
        read = self._detector.detect(" ".join(rest))
        sure = read.plausible == (read.lang,) or set(read.plausible) <= RELATIVES
        # a few words read apart may read otherwise than the whole ("انا اسمي احمد …" reads Persian in part)
        return read.lang if sure and read.lang in detection.plausible else None

    def _beside_english_talk(self, reading: Reading) -> str | None:
        """The other language, when small talk has English words and words of one other language's tables that
        English's do not list ("Waad mahadsantahay, thanks a lot"): English is the world's loan in it. A word both list
        ("hey") settles nothing; Swedish beside English is Kiruna's loan, weighed apart."""
        spans: dict[tuple[int, int], set[str]] = {}
        for m in self._dialogue.table.matches(list(reading.tokens)):
            if m.category in SMALLTALK:
                spans.setdefault((m.start, m.end), set()).add(m.lang)
        english = [langs for langs in spans.values() if ENGLISH in langs]
        others = [langs for langs in spans.values() if ENGLISH not in langs]
        if not english or not others:
            return None
        shared = set.intersection(*others)
        return shared.pop() if len(shared) == 1 and SOURCE_LANGUAGE not in shared else None

    def _beside_swedish_talk(self, reading: Reading) -> str | None:
        """The language of the words beside Swedish small talk, when the detector reads them surely in one other
        ("haha super, du bist echt hilfreich, tack så mycket!"): residents of Kiruna say "tack" and "hej då" in
        whatever language they write. One word beside them ("okej, kumam. tack!") settles nothing, nor do words
        beside them in a message read surely Swedish ("Jag heter Maja och bor på Lombolo.")."""
        swedish, rest = self._words_beside_talk(reading, SOURCE_LANGUAGE)
        if not swedish or len(rest) < BESIDE_SWEDISH_WORDS:
            return None
        read = self._detector.detect(" ".join(rest))
        return read.lang if read.plausible == (read.lang,) and read.lang != SOURCE_LANGUAGE else None

    def _words_beside_talk(self, reading: Reading, of: str | None = None) -> tuple[bool, list[str]]:
        """Whether small talk of a table (`of`'s, or any) stands in a message, and the words beside it. Laughter is
        neither: no Swedish word, for all the Swedish table lists "haha" ("ههههه تمام شكراً", ha ha, fine, thanks)."""
        tokens = list(reading.tokens)
        talk = {
            i
            for m in self._dialogue.table.matches(tokens)
            if of is None or m.lang == of
            for i in range(m.start, m.end)
            if tokens[i] != LAUGHTER
        }
        return bool(talk), [t for i, t in enumerate(tokens) if i not in talk and t != LAUGHTER]

    # -- plans -------------------------------------------------------------------------------

    def _smalltalk(self, message: str, lang: str, detection: Detection, category: str, context: Context | None) -> Plan:
        # small talk keeps what the conversation was about, in the language now spoken
        kept = _with_lang(context, lang) if context else Context(lang)
        return Plan("smalltalk", message, lang, detection, smalltalk=category, context=kept, reading="smalltalk")

    def _ordinal(
        self, message: str, reading: Reading, detection: Detection, lang: str, context: Context
    ) -> Plan | None:
        assert reading.ordinal is not None
        n = reading.ordinal
        if n == NEXT:
            n = self._next_item(message, context)
        if n > len(context.items):
            # "the seventh one?" of six, "and the next one?" after the last: no passage to guess, the list to
            # choose from
            items = tuple(c for c in (self._chunks.get(i) for i in context.items) if c is not None)
            return Plan(
                "clarification",
                message,
                lang,
                detection,
                candidates=items,
                context=_with_lang(context, lang),
                reading="ordinal",
            )
        if not (n == -1 or 1 <= n <= len(context.items)):
            return None
        chunk = self._chunks.get(context.items[n - 1 if n > 0 else -1])
        if chunk is None:
            return None
        retrieval = self._retrieve(f"{context.question} {message}")
        part = Part(message, retrieval, ScopeDecision(True, f"item {n} of the last list"), chunk)
        # what the conversation is about now is the item, in the page's words for it: "where can I read
        # more about it?" asks of the item, not of the list
        named = chunk.heading_path[-1] if chunk.heading_path else context.question
        next_context = Context(lang, named, (chunk.id,), context.items, context.asks)
        return Plan("answer", message, lang, detection, (part,), context=next_context, reading="ordinal")

    def _list_pointed_in(self, message: str, reading: Reading, context: Context | None, lang: str) -> Context | None:
        """The list an ordinal counts in: the last answer's; after one item answered alone, for "and the next
        one?", the list that item stands in on the page; else the page's list the message names."""
        if context is not None and context.items:
            return context
        one = self._chunks.get(context.chunks[0]) if context is not None and len(context.chunks) == 1 else None
        if reading.ordinal == NEXT and context is not None and one is not None and one.kind == "labelled":
            ids = tuple(c.id for c in self._siblings(one))
            return replace(context, items=ids)
        return self._page_list(message, lang)

    def _next_item(self, message: str, context: Context) -> int:
        """ "and the next one?" after one item of a list: the item after it (1-based; 0 for none). A message
        naming something of its own asks of that ("när är nästa möte?", when is the next meeting?)."""
        own = self._words_of_its_own(message) - self._dialogue.table.cue_words(message)
        if own or len(context.chunks) != 1 or context.chunks[0] not in context.items:
            return 0
        return context.items.index(context.chunks[0]) + 2

    def _counts_the_list(self, message: str, detection: Detection) -> bool:
        """ "how many are they?" after a list: a count asked with no topic of its own ("how many working
        groups were there?" names one; "كم عددها؟" only words asking how many)."""
        asks = self.cues.question_intents(message, detection.plausible)
        # "اینا چقدر هزینه داشته؟" (how much did they cost?) asks no count of the list
        return (
            "count" in asks
            and COST not in asks
            and not any(self._coverage.knows(w) for w in self._words_of_its_own(message))
        )

    def _count_of_list(self, message: str, detection: Detection, lang: str, context: Context) -> Plan | None:
        """The last list again, with its count in the bot's words: the page's structure answers it."""
        items = tuple(c for c in (self._chunks.get(i) for i in context.items) if c is not None)
        if not items:
            return None
        retrieval = self._retrieve(context.question or message)
        decision = ScopeDecision(True, "the count of the last list")
        part = Part(context.question or message, retrieval, decision, items[0])
        heading = items[0].heading_path[-2] if len(items[0].heading_path) >= 2 else ""
        asks = frozenset({"count", *context.asks})
        return self._listing(message, lang, detection, part, items, heading, asks, "reference")

    def _page_list(self, message: str, lang: str) -> Context | None:
        """The page's list a message names with an ordinal and no list before it: "what is the fourth
        goal?" asks for the fourth of the page's goals, in page order."""
        if not (self._list_heading_words(message) or "goal" in self.cues.question_intents(message)):
            return None
        ranked = self._retrieve(message).ranked
        if ranked and ranked[0].chunk.kind == "labelled" and _leads(ranked, TOPIC_MARGIN):
            # an item named by its topic: "toinen kysymys: mitä työpaikkojen tavoite sanoo?" (another question)
            return None
        item = next((r.chunk for r in ranked if r.chunk.kind == "labelled"), None)
        if item is None:
            return None
        ids = tuple(c.id for c in self._siblings(item))
        return Context(lang, message, ids, ids)

    def _retrieve(self, question: str) -> Retrieval:
        return self._look(question)[0]

    def _decide(self, retrieval: Retrieval) -> ScopeDecision:
        return self._look(retrieval.question)[1]

    def _look(self, question: str) -> tuple[Retrieval, ScopeDecision]:
        """Retrieval and scope decision for a text, once per text within one message."""
        retrieval, decision, _ = self._looked(question)
        return retrieval, decision

    def _looked(self, question: str) -> tuple[Retrieval, ScopeDecision, npt.NDArray[np.float32]]:
        memo = self._memo.get()
        if memo is None:
            memo = {}
            self._memo.set(memo)
        found = memo.get(question)
        if found is None:
            vector = self._retriever.embed(question)
            retrieval = self._retriever.retrieve(question, vector)
            decision = self._gate.decide(retrieval, vector)  # whether the page answers: before any preference
            found = memo[question] = (prefer_document(retrieval, self._page.get()), decision, vector)
        return found

    def _asked_in_turn(
        self, message: str, question: str, how: str, context: Context | None, langs: Sequence[str]
    ) -> tuple[frozenset[str], bool]:
        """What a message asks, read with the last question when it follows one up, and whether it follows up
        asking only a fact of what was talked about (`_asks_only_a_fact`)."""
        asks = self.cues.question_intents(question, langs)
        if how not in ("followup", "reference") or context is None:
            return asks, False
        own = self.cues.question_intents(message, langs)
        last = self.cues.question_intents(context.question, langs) | frozenset(context.asks)
        only_a_fact = self._asks_only_a_fact(message, own)
        if how == "followup":
            # "and for culture?" asks what the last question did; "och målet för boende?" asks its own, and
            # "and when?" after "who adopted the vision?" asks when of what was talked about (the decision)
            return (_fact_of(own, last) if only_a_fact else own) or last - {"count"}, only_a_fact
        if own & TALKED_ABOUT or only_a_fact:
            # "and when was it last changed?" after "who published the page?" asks when, not who again
            return _fact_of(own, last), only_a_fact
        if self._asks_a_section(own):
            # "برگردیم سر چشم‌انداز، کمون چطوری می‌خواد بهش برسه؟" (back to the vision, how will the municipality reach
            # it?) after when the page changed asks how, not when; "how did the vote go?" asks what no page states
            return own, only_a_fact
        if own == {"goal"} and not self._words_of_its_own(message) and self._gave_no_item(context):
            # "Яка була його мета?" (what was its goal?) after the 2012 seminar: the goal of a passage no direction's
            # is its purpose, not the directions' goals
            return frozenset({"reason"}), only_a_fact
        return asks, only_a_fact

    def _asks_a_section(self, own: frozenset[str]) -> bool:
        """Whether a follow-up asks in its own words how the vision was made or is reached, and nothing no page states
        ("how did the vote go?" asks how in the words of a vote)."""
        return bool(own & DISTINCT_SECTIONS) and self._never_stated(own) is None

    def _the_line_stating(self, retrieval: Retrieval, asks: frozenset[str]) -> ScoredChunk | None:
        """The one line of the page itself stating all of a fact asked after an answer that did not state it: "and
        by whom?" after when the page last changed asks its by-line, however near its words lie to the decision's."""
        wanted = asks & FACT_TYPES & ABOUT_THE_PAGE
        stating = [r for r in retrieval.lines if wanted and wanted <= self._about_the_page.get(r.chunk.id, frozenset())]
        return stating[0] if len(stating) == 1 else None

    def _points_at_the_item_given(self, message: str, context: Context) -> bool:
        """Whether a reference points at the one item of a list the last answer gave, naming only the list's word
        for it ("direction"): no list asked for in words ("list them all"), no count, no item of its own, and no
        "there are" whose subject its pointing word is ("vilka inriktningar finns det?", which directions are
        there?)."""
        items = [c for c in self._given(context) if c.kind in ITEM_KINDS]
        if len(items) != 1 or context.items:
            return False
        reading = self._dialogue.read(message)
        if reading.wants_list or reading.ordinal is not None:
            return False
        if says(message, ALL_WORDS_FILE) or says(message, EXISTENTIAL_WORDS_FILE):
            return False
        asks = self.cues.question_intents(message)
        return "count" not in asks and set(self._named_items(message)) <= {items[0].id}

    def _given(self, context: Context) -> list[Chunk]:
        """The passages and lines the last answer quoted."""
        return [self._chunks[cid] for cid in context.chunks if cid in self._chunks]

    def _gave_no_item(self, context: Context) -> bool:
        """Whether the last answer quoted passages and none of them a list's item (a direction with its goal)."""
        given = self._given(context)
        passages = [c for c in given if c.kind not in LINE_KINDS]
        return bool(passages) and not context.items and all(c.kind not in ITEM_KINDS for c in passages)

    def _looked_in_turn(
        self,
        message: str,
        question: str,
        how: str,
        asks: frozenset[str],
        context: Context | None,
        only_a_fact: bool,
    ) -> tuple[tuple[Retrieval, ScopeDecision, npt.NDArray[np.float32]], bool]:
        """The retrieval for a turn, and whether its answer is focused on the best passage and its lines."""
        looked = self._looked(question)
        if context is None or how not in ("followup", "reference"):
            return looked, False
        own = self.cues.question_intents(message)
        if how == "reference" and self._asks_a_section(own):
            # "how will it be reached?" after the vision: the section telling how, however far the last question's
            # words rank the vision's interpretation above it
            section = next((r for r in looked[0].ranked if own & DISTINCT_SECTIONS & r.answer_types), None)
            if section is not None:
                return (_with_first(looked[0], section.chunk.id), *looked[1:]), False
        focused = False
        if how == "followup" and question != message:
            looked, focused = self._followed(message, asks, looked, context)
        if only_a_fact:
            # "när?" after "vad är Kirunas vision?" asks when of the passage just given, stated by it or a line under
            # its heading, not of the best match of both read together: "Kirunas vision" lies nearest
            # "Visionsprojektet Kiruna 2.0", which dates the project's start, not the vision's adoption
            given = _given_stating(looked[0], context, asks & FACT_TYPES)
            if given is not None:
                return (_with_first(looked[0], given), *looked[1:]), True
            line = self._the_line_stating(looked[0], asks)
            if line is not None:
                ranked = [line, *(r for r in looked[0].ranked if r is not line)]
                return (replace(looked[0], ranked=ranked), *looked[1:]), True
        return looked, focused

    def _retrieve_and_plan(
        self, message: str, reading: Reading, detection: Detection, lang: str, context: Context | None
    ) -> Plan:
        reading = self._with_glued_ands(reading, detection)
        question, how = self._resolve(message, reading, context)
        if how == "standalone":
            question = self._without_restatement(question, detection)
        reading = self._reading_of(question, message, how, reading, detection)
        langs = detection.plausible
        asks, only_a_fact = self._asked_in_turn(message, question, how, context, langs)
        looked, focused = self._looked_in_turn(message, question, how, asks, context, only_a_fact)
        retrieval, decision, _ = looked
        given = self._goal_of_the_item_given(message, asks, context) if how in ("followup", "reference") else None
        if given is not None and context is not None:
            part = Part(message, retrieval, ScopeDecision(True, "the goal of the item just given"), given)
            return Plan("answer", message, lang, detection, (part,), context=_with_lang(context, lang), reading=how)
        if how in ("standalone", "followup"):
            # a follow-up names its item in its own words ("und bei kultur?"), the last question named another
            alone = how == "standalone"
            retrieval = self._named_item_first(question if alone else message, retrieval, asks, alone)
            retrieval, decision = self._the_pages_opening(question, retrieval, decision, asks, alone)
            retrieval = self._versioned_name_first(question if alone else message, retrieval)
        decision = self._small_talk_after_all(
            question,
            how,
            self._the_pages_after_all(decision, message, question, how, reading, retrieval, asks),
            asks,
            detection,
        )
        own_words = question if how == "standalone" else message
        unstated, refused = self._unstated_whole(message, question, own_words, how, reading, asks, retrieval, langs)
        # "Kan jag vara med i en arbetsgrupp nu?": refused by the scope model too, it still asks what the page
        # does not state, and its refusal says so first
        if refused and decision.in_scope:
            decision = replace(decision, in_scope=False, reason=f"asks {unstated}, which no page states")
        # a joke or the weather is no question of the page's it leaves unsaid: only what the bot answers is said
        stated_nowhere = refused and PASTIME not in asks
        if not decision.in_scope:
            return self._refused(
                message, question, how, reading, detection, lang, context, retrieval, decision, asks, stated_nowhere
            )

        # a follow-up naming one new topic ("and the goal for housing?", "entä kulttuurin tavoite?") is not the
        # last question's list again, nor is a reference asking for a document ("finns det nån strategi för
        # det?" after the business goal): whether it asks for a list is read from the message alone
        read_alone = how in ("followup", "reference")
        alone_retrieval, _, alone_vector = self._looked(message) if read_alone else looked
        # a message asking what no page states, in parts, is judged part by part, lists among them ("Ma la
        # qiimeeyay in yoolalka la gaaray iyo in kale?", were the goals judged reached or not?, is no list)
        # "what is that direction called?", "which direction is that under?" after one item: that item, not the list
        of_the_item = how == "reference" and context is not None and self._points_at_the_item_given(message, context)
        if (
            not unstated
            and not of_the_item
            and self._wants_list(
                reading, asks, alone_retrieval, message if read_alone else question, alone_vector, detection.plausible
            )
        ):
            listed = self._list(message, lang, detection, retrieval, decision, asks, question, how)
            if listed is not None:
                # "what are the goals for jobs, housing and culture?": those three, each its own part, when the
                # message's parts find them all
                some = self._some_items(message if read_alone else question, asks, detection.plausible)
                # "what are the strategic directions and who published the page?": the list, then the other part
                more = self._asks_beside_the_list(question, asks) and _may_split(question, reading, how)
                # "how many working groups were there and how many directions?": the list, and the other count's
                # sentence
                apart = not (some or more)
                looked_at = (retrieval, decision)
                parts = (
                    self._counted_apart(message, question, reading, detection, lang, how)
                    if apart
                    else self._answer(message, reading, detection, lang, context, question, how, looked_at, asks)
                )
                if parts is not None and some and some <= {p.chunk.id for p in parts.parts if p.chunk}:
                    return parts
                return parts if parts is not None and (apart or (more and parts.items)) else listed
        # a follow-up's word is judged by what it names alone: "and about housing?" after the vision's word on
        # culture names housing, however close the two read together rank the vision and culture
        unclear_in = retrieval if how != "followup" else self._looked(message)[0]
        if not asks and self._unclear(question if how == "standalone" else message, unclear_in):
            candidates = self._candidates(retrieval)
            return Plan(
                "clarification",
                message,
                lang,
                detection,
                candidates=candidates,
                context=_with_lang(context, lang) if context else Context(lang),
                reading=how,
                retrievals=(retrieval,),
            )
        looked_at = (retrieval, decision)
        # a message in parts is judged whole by what it asks, not by words a remark beside the question adds
        whole = self._never_stated(asks) or self._next_of_the_decided(own_words, asks)
        return self._answer(message, reading, detection, lang, context, question, how, looked_at, asks, focused, whole)

    def _refused(
        self,
        message: str,
        question: str,
        how: str,
        reading: Reading,
        detection: Detection,
        lang: str,
        context: Context | None,
        retrieval: Retrieval,
        decision: ScopeDecision,
        asks: frozenset[str],
        stated_nowhere: bool,
    ) -> Plan:
        """A question the page does not answer: small talk in words the tables do not list, or out of scope."""
        # small talk never asks when, how many or where: such a question is out of scope, however
        # close its vector lies to a greeting (Somali and Tigrinya vectors crowd together)
        # and one the scope model is unsure of ("Mii lei visuvdnaprošeavtta namma?", the project's name,
        # stands 0.3 below its line) must lie closer to small talk than one far out ("what is your name?")
        # and a question a rule refuses whole, or asking what no passage can give in a part ("ኣብ ኪሩና ስራሕ
        # ብኸመይ ክረክብ እኽእል?", how can I find work in Kiruna?), however close it reads to "how do I use this?";
        # a thanks telling that "the teacher was satisfied" is no one's view the page lacks, and small talk
        resembles = (
            how == "standalone"
            and not asks & NEVER_SMALLTALK
            # "Hyvää joulua ja onnellista uutta vuotta!" wishes a new year in a greeting's words
            and not (asks & HOW_THINGS_STAND and reading.smalltalk is None)
            and not stated_nowhere
            and self._never_stated(asks) is None
        )
        # standalone: the question's own lookup; small talk in its own language
        near = self._nearest_talk_in(question, detection.plausible) if resembles else None
        unsure = decision.margin > -UNSURE_SCOPE
        needed = SMALLTALK_SIMILARITY_UNSURE if unsure else SMALLTALK_SIMILARITY
        if near is not None and self._reads_as_talk(question, near, needed):
            # small talk in words the cue tables do not list ("är du en riktig människa?"); what the bot can do,
            # asked with a language named ("kan du finska eller ska jag skriva på svenska?"), asks of its languages
            named = near.category in ASKING_THE_BOT and _asks_of_languages(message, reading, detection)
            return self._smalltalk(message, lang, detection, LANGUAGES_TALK if named else near.category, context)
        return self._out_of_scope(message, lang, detection, retrieval, decision, context, how, stated_nowhere)

    def _answer(
        self,
        message: str,
        reading: Reading,
        detection: Detection,
        lang: str,
        context: Context | None,
        question: str,
        how: str,
        looked: tuple[Retrieval, ScopeDecision],
        asks: frozenset[str],
        focused: bool = False,
        unstated: str | None = None,
    ) -> Plan:
        """Each part of the message with its passage, or every "Läs mer" line for "where can I read more?".
        `unstated`: what the whole asks that no page states, judged when no part stands on its own."""
        retrieval, decision = looked
        # "where can I read more?" in one question or two ("which documents, where can I read more?"); a
        # second question of another kind is a part of its own ("the goal for traffic? and where can I read …")
        # "which strategy is being made with the vision?" asks what a passage names, not where to read
        named_by_a_passage = bool(retrieval.ranked) and self._a_document_it_names(question, asks, retrieval.ranked[0])
        only_where = asks - {DOCUMENT} == {"place"} and not named_by_a_passage
        if only_where and (links := self._read_more(message, lang, detection, retrieval, decision, how)):
            return links
        parts = None
        unanswered: tuple[str, ...] = ()
        if _may_split(question, reading, how):
            parts, unanswered = self._split(question, reading, asks, detection)
            listed = self._list_among(parts, message, lang, detection, how) if parts else None
            if listed is not None:
                return replace(listed, unanswered=unanswered)
            if not parts and (unstated or unanswered):
                # no part the page answers on its own; the whole asks what no page states, or every part does
                reason = f"asks {unstated}, which no page states" if unstated else "each part asks what no page states"
                refused = replace(decision, in_scope=False, reason=reason)
                return self._out_of_scope(
                    message, lang, detection, retrieval, refused, context, how, stated_nowhere=True
                )
        read_more = (
            not parts and not only_where and not named_by_a_passage and "place" in asks and not asks & DISTINCT_SECTIONS
        )
        if read_more and (links := self._read_more(message, lang, detection, retrieval, decision, how)):
            return links
        if not parts:
            parts = (self._part(question, retrieval, decision, asks, focused),)
            if how != "standalone" and parts[0].not_stated and self._names_what_the_page_lacks(message):
                # "und wann hat das Schwimmbad am Wochenende offen?" after the culture goal: a fact of something the
                # page does not know, not the goal again under "the page does not say that"
                refused = replace(decision, in_scope=False, reason="a follow-up asks a fact of what the page lacks")
                return self._out_of_scope(
                    message, lang, detection, retrieval, refused, context, how, stated_nowhere=True
                )
        chunks = tuple(p.chunk.id for p in parts if p.chunk is not None)
        # an answer about one item of the last list keeps that list: "and the fourth one?" still counts in it
        kept = context.items if context is not None and chunks and set(chunks) <= set(context.items) else ()
        # after several parts, "and for education?" follows the first: the question the message led with
        asked, led = (parts[0].question, parts[0].asks) if len(parts) > 1 else (question, asks)
        next_context = Context(lang, asked, chunks, kept, tuple(sorted(led)))
        return Plan("answer", message, lang, detection, parts, context=next_context, reading=how, unanswered=unanswered)

    def _list_among(
        self, parts: tuple[Part, ...], message: str, lang: str, detection: Detection, how: str
    ) -> Plan | None:
        """ "Mitä tavoitteita on ja kuka sivun julkaisi?": a part asking for a list gets the list, and the
        message's other parts follow it, each set apart under its own lead."""
        for i, part in enumerate(parts):
            piece = self._dialogue.read(part.question, detection.plausible)
            vector = self._looked(part.question)[2]
            if not self._wants_list(piece, part.asks, part.retrieval, part.question, vector, detection.plausible):
                continue
            listed = self._list(message, lang, detection, part.retrieval, part.decision, part.asks, part.question, how)
            others = [p for j, p in enumerate(parts) if j != i and p.chunk is not None and not p.not_stated]
            if listed is None or len(others) != len(parts) - 1:
                return None
            if any(p.chunk in listed.items and self._named_items(p.question) for p in others):
                return None  # "the goals for jobs, housing and culture?" asks for items of the list, each a part
            # a part that found an item without naming it ("na czym gmina się skupia", what it focuses on) is
            # answered by the list itself
            others = [p for p in others if p.chunk not in listed.items]
            doc = self._corpus.document
            asides = tuple(
                Sentence(f"{p.chunk.id}@{a}", p.chunk.id, doc(p.chunk.doc_id).text[a:b], a, b)
                for p in others
                if p.chunk is not None
                for a, b in [p.span()]
            )
            # a sentence the list sets beside it that a part quotes anyway is quoted once, in that part
            also = tuple(s for s in listed.also if not any(_within(s, a) for a in asides))
            return replace(listed, parts=(listed.parts[0], *others), also=(*also, *asides))
        return None

    @staticmethod
    def _reads_as_talk(question: str, near: Nearest, needed: float) -> bool:
        """Whether a refused question lies near enough small talk (the nearest in its own language) to be it. "Ich
        suche eine Wohnung" (I'm looking for a flat) reads as near a resident telling where they live, and asks for
        a flat: a need stated is no greeting. Nor is a question, with its mark, a thanks or a goodbye ("mo ohcan
        mánáidgárdesaji?", how do I apply for a daycare place?, lies 0.90 from a Sami goodbye)."""
        if near.similarity < needed:
            return False
        if near.category in CLOSING_TALK and _has_mark(question):
            return False
        return not (near.category == "greeting" and states_a_need(question))

    def _small_talk_after_all(
        self,
        question: str,
        how: str,
        decision: ScopeDecision,
        asks: frozenset[str],
        detection: Detection,
    ) -> ScopeDecision:
        """Why a message the scope model admits only just is not the page's: read alone, it asks nothing, names no
        word the page or its thesaurus has, and lies as near small talk in its own language as one the model
        nearly refuses must ("What sort of things do you know about?", 0.07 above the line); the refusal's
        branch then reads it as the small talk it is near."""
        if how != "standalone" or not decision.in_scope or decision.margin >= UNSURE_SCOPE:
            return decision
        if asks or self._coverage(question) > 0:
            return decision
        near = self._nearest_talk_in(question, detection.plausible)
        if near is None or near.similarity < SMALLTALK_SIMILARITY_UNSURE:
            return decision
        return replace(decision, in_scope=False, reason="barely in scope, no word of the page's, near small talk")

    def _the_pages_after_all(
        self,
        decision: ScopeDecision,
        message: str,
        question: str,
        how: str,
        reading: Reading,
        retrieval: Retrieval,
        asks: frozenset[str],
    ) -> ScopeDecision:
        """Why a question the scope model refuses is the page's after all, if it is: the model is trained
        on whole questions and reads little of short ones, references and lists in few words."""
        if decision.in_scope:
            return decision
        unsure = decision.margin > -UNSURE_SCOPE
        # tried in order, each only when those before it fail
        reasons: tuple[tuple[Callable[[], bool], str], ...] = (
            # "gos gávnnan eanet dieđuid?" (where do I find more?), "när beslutades det?": a word of its own
            # names nothing, so the last answered question's topic is asked about, and that is the page's
            (lambda: how == "reference" and not self._words_of_its_own(message), "asks of the last answer's topic"),
            (lambda: self._names_a_topic(question, retrieval), "a word or two the page speaks of"),
            (lambda: self._line_answers(retrieval, asks), "a line states what was asked"),
            (
                lambda: self._asks_the_page_of_itself(question, asks, retrieval),
                "asks only what the page says of itself",
            ),
            (
                lambda: unsure and self._asks_for_the_items(reading, asks, retrieval, question),
                "asks for the list the page has",
            ),
            (lambda: self._lists_in_the_pages_words(reading, question, asks), "asks for a list in its heading's words"),
            # "Makkár mihttomearit gielddas leat?" (what goals does the municipality have?): goals of nothing but the
            # municipality, in a word for them the model reads little of, are the page's
            (
                lambda: self._goals_of_the_municipality(question, asks, retrieval),
                "asks for the goals of the municipality",
            ),
            # "Var hittar jag bostadsprogrammet?": where to read of what one "Läs mer" line alone names, asked by
            # words for where (a document named alone adds the place of its link: "how many flats does the
            # housing programme plan?" asks no place)
            (
                lambda: (
                    "place" in asks
                    and DOCUMENT not in asks
                    and self._coverage(question) == 1
                    and _link_named(retrieval)
                ),
                "asks where to read of what a link of the page names",
            ),
            # "Finns det nåt bostadsprogram i kommunen?": a document named, and nothing asked of it beside whether
            # there is one, which the page's link to it answers
            (
                lambda: asks == {"place", DOCUMENT} and self._coverage(question) == 1 and _link_named(retrieval),
                "asks whether there is a document a link of the page names",
            ),
            (
                lambda: how == "standalone" and self._asked_after_a_remark(question),
                "the clause that asks, after a remark of the resident's own, is the page's",
            ),
            (
                lambda: self._whom_the_passage_names(question, asks, retrieval),
                "asks who took part, and the passage its words match best names the body",
            ),
            # "ile grup roboczych?" (how many working groups?): every word the page's, one passage clearly
            # first, and it states what is asked; the model reads little of a few words
            (
                lambda: unsure and self._coverage(question) == 1 and _states_what_is_asked(retrieval, asks),
                "the passage clearly first states what every word asks",
            ),
            # "man galle bargojoavkku ledje?" (how many working groups were there?): how many of what a sentence
            # counts, every word the page's, and the passage first states it; far below its line or not
            (
                lambda: self._counts_the_counted(question, asks, retrieval),
                "asks how many of what a sentence counts",
            ),
            # "ነዚ ራእይ ብኸመይ እዮም ክበጽሕዎ?" (how will they reach the vision?): what one section of the page
            # tells, and that section ranks first
            (
                lambda: (
                    unsure
                    and bool(retrieval.ranked)
                    and bool(asks & DISTINCT_SECTIONS & retrieval.ranked[0].answer_types)
                ),
                "asks what a section of the page tells",
            ),
            # "Pracuje gmina nad nowym logo?" (is the municipality working on a new logo?): the logo asked of, and
            # nothing of it (no date, meaning, maker or where to get it), which the brand platform under way
            # answers; the model puts it on its line (0.03 below on one machine's embeddings, above on another's),
            # while "mistä voin ladata kunnan logon" (where can I download the logo?) stands 1.3 below
            (
                lambda: decision.margin > -AT_THE_LINE and LOGO in asks and asks <= {LOGO, CURRENT},
                "asks whether a logo is under way",
            ),
        )
        why = next((why for holds, why in reasons if holds()), None)
        if why is None:
            return decision
        return ScopeDecision(True, f"{why}; {decision.reason}", decision.score)

    def _of_the_page(self, line: Chunk, wanted: frozenset[str], question: str) -> bool:
        """Whether a question may be answered with a line about the page itself ("Publicerad av: Ulrika
        Hannu"): it asks the line's own fact (who published), or it names the page ("who made this
        page?"). "Who is the mayor?" asks for a person, and the line names one; she is not the mayor."""
        own = self._about_the_page.get(line.id, frozenset())
        if not own or wanted & own:
            return True
        # "kuka julkasi sivun ja koska se oon viimeks ändrattu?": the page named in the message's other part
        return any(says(text, PAGE_WORDS_FILE) for text in (question, self._message.get()))

    def _unstated(
        self,
        question: str,
        asks: frozenset[str],
        retrieval: Retrieval,
        own_asks: frozenset[str] | None = None,
        pointed: str | None = None,
    ) -> str | None:
        """What a question, or a part of one, asks that no page states, however close its words lie to a
        passage. `own_asks`: what a follow-up asks in its own words, when `asks` is read with the last question;
        `pointed`: a reference read with the last question, whose words name what it points at."""
        return (
            self._never_stated(asks, own_asks)
            or self._counts_another(question, asks, retrieval)
            or self._count_of_the_uncounted(question, asks if own_asks is None else own_asks)
            # "a kto był w tych grupach roboczych?" (and who was in those working groups?) names them itself
            or self._members_of_the_counted(question, asks)
            or (pointed is not None and self._members_of_the_counted(pointed, asks))
            # "وما هي المجالات التسعة؟" (and which are the nine areas?) after "when was it adopted?" asks no time
            or self._items_of_the_unlisted(question, asks if own_asks is None else own_asks)
            or self._view_of_another(question, asks)
            or self._compared_with_another(question, asks)
            or self._next_of_the_decided(question, asks)
            or self._reason_for_the_decided(question, asks)
            or self._later_than_the_dated(question, asks)
            or self._of_a_year_unspoken(question, asks if own_asks is None else own_asks)
            or self._contents_of_a_document(question, asks)
            # "Ok. Gos lea dalle valáštallanhálla?" (so where is the sports hall?) after the goal for sport asks where
            or self._a_facility(question, asks if own_asks is None else own_asks)
        )

    def _time_of_the_unnamed(self, question: str, asks: frozenset[str]) -> str | None:
        """ "koska aurathaan meän tie?" (when will our road be ploughed?), "wann wird der Müll abgeholt?": a time
        asked of something no word of the page names. The page dates its decision, its project and its last
        change; a question naming none of its words asks the date of something else, however near its vector
        lies to the decision line. Read whole: a part's "In what month" names nothing, its message does."""
        if "time" not in asks or asks & TALKED_ABOUT:
            return None
        named = self._coverage.content_words(question)
        return "the time of something the page does not name" if named and self._coverage(question) == 0 else None

    def _unstated_whole(
        self,
        message: str,
        question: str,
        own_words: str,
        how: str,
        reading: Reading,
        asks: frozenset[str],
        retrieval: Retrieval,
        langs: Sequence[str],
    ) -> tuple[str | None, bool]:
        """What a message asks that no page states, and whether that refuses it whole. A message in parts is
        judged part by part ("when was the vision adopted and what does the bus cost?"), but "why was it adopted
        only in 2013, when the project started in 2012?" asks one why, wherever it is cut."""
        # a follow-up counts what it names itself: "and how many apartments?" after the housing goal
        own_asks = None if how == "standalone" else self.cues.question_intents(message, langs)
        # "Wer hat die geleitet?" (who led them?) after the working groups: its "die" points at what was counted;
        # "and who were their members?", "ومن كان أعضاؤها؟" asks only who, of what the last question named
        asks_who = how == "followup" and own_asks == frozenset({"person"})
        pointed = question if how == "reference" or asks_who else None
        unstated = self._unstated(own_words, asks, retrieval, own_asks, pointed)
        # a follow-up's time ("ja minä päivänä?", "Wann hat das angefangen?") is of what was talked about
        alone = how == "standalone" and not reading.reference
        if unstated is None and alone and (unnamed := self._time_of_the_unnamed(question, asks)):
            return unnamed, True
        # "Astaanta Kiruna iyo midabadeeda waa maxay?" (what are Kiruna's logo and its colours?) asks of one logo,
        # wherever its "and" cuts it
        of_one_logo = {LOGO, LOOKS} <= asks
        # ... and one with no conjunction, comma or sentence end to cut it at is one question, refused whole
        in_parts = (
            _may_split(question, reading, how)
            and not self._reason_for_the_decided(own_words, asks)
            and not of_one_logo
            and _pieces(question, reading, langs, self._joins_one_thing) is not None
        )
        if unstated is None and (elsewhere := _of_one_not_named(own_words, asks, self._asked_after_telling)):
            # read whole, where the question marks say which sentence asks: cut in parts, "what does Gällivare's
            # vision say? want to compare" loses its mark, and "jag har flyttat hit från Luleå" is a remark; but a
            # clause of it that asks of the page besides ("why must the centre move, and what is the goal for
            # housing?") is a part of its own, the other said unanswered
            return elsewhere, not (in_parts and self._asks_of_the_page_besides(own_words))
        return unstated, unstated is not None and not in_parts

    def _asked_after_telling(self, clause: str) -> str:
        """What a clause asks after an "and" joining it to the resident's word of themselves or their family ("my
        daughter studies in Luleå and asked which fields …"): that town is where they live, not what they ask of.
        A clause opening with a yes-no question ("does Kiruna work with LKAB and …") tells nothing, and stays whole."""
        tokens = list(words(clause))
        # the "and" nearest the question: Polish "i" (and) is Swedish "i" (in), "pluggar i Luleå och undrar …"
        for at in sorted({m.start for m in self._dialogue.table.matches(tokens, ["conjunction"])}, reverse=True):
            before, after = " ".join(tokens[:at]), " ".join(tokens[at + 1 :])
            if at and not asks_in_words(before) and asks_in_words(after):
                return after if self._tells_only_of_oneself(before) else clause
        return clause

    def _asks_of_the_page_besides(self, text: str) -> bool:
        """A clause a word asks in, naming nothing the page does not name, beside one that does; "… and who decided
        that?" asks of what the other names. Where question marks say which sentences ask, only those: "Zastanawiamy
        się, gdzie lepiej zamieszkać." (we wonder where it is better to live) tells why the resident asks."""
        sentences = _sentences(text)
        asking = [sentence for sentence, asked in sentences if asked] or [sentence for sentence, _ in sentences]
        return any(
            asks_in_words(clause) and not says(clause, NOT_NAMED_FILE) and not self._dialogue.read(clause).reference
            for clause in _clauses_of(asking)
        )

    def _never_stated(self, asks: frozenset[str], own_asks: frozenset[str] | None = None) -> str | None:
        """What a question asks that no passage can give, however close its words lie to one: a cost
        where no page names a sum ("what did the vision cost?" is not answered by "the nine directions"),
        a time still to come ("when will the next vision be adopted?" is not the 2013 decision), whether
        something was reached ("has Kiruna reached these goals?" is not how they are broken down), a party
        or office-holder where no page names one ("which parties voted for it?" is not the council's decision),
        how to reach someone where no page gives an address or number ("what is her phone number?" after "who
        published the page?" is not the by-line again), how to take part now ("can I still join a working
        group?" is not how the groups worked in 2012), when something ended ("when did the project end?" is
        not when it started), where something took place ("where was the seminar held?"), which of the items
        matters most (the page ranks none), how a resident does something ("how do I apply for a flat?"), or
        the minutes of a meeting (the page cites the decision's paragraph, and links no minutes): asked with the
        decision in the question's own words ("in which paragraph of the minutes was it adopted?"), not in the
        last question's ("where are the minutes of that meeting?" after "when was it adopted?"), or when
        something is open (no page gives opening hours), or what the logo is, means, or who made it (the page
        shows none; "is the municipality working on a new logo?" is answered by the brand platform under way), or
        why something has its name (the page names the project, and says nothing of why), the concrete projects
        or measures for a topic (the page states goals, and names none), or when or by whom a document it names was
        adopted (its decision line is the vision's)."""
        own = asks if own_asks is None else own_asks
        decided = "decision" in own
        never = (
            (COST in asks and COST not in self._types_stated, "a cost"),
            (TO_COME in asks and "time" in asks, "a time to come"),
            (ACHIEVED in asks, "whether something was reached or judged"),
            # "who is responsible for this page?" asks its by-line, and so does "and who is responsible for it?" after
            # "who published the page?"; "and who is the mayor now?" asks today's office-holder, in words of its own
            (
                OFFICE in asks
                and OFFICE not in self._types_stated
                and ("published" not in asks or {OFFICE, CURRENT} <= own),
                "a party or an office-holder",
            ),
            # "who leads the vision work now?": the page names who decided in 2013 and who published it, nobody
            # holding a role today; "who published the page now?" still asks its by-line
            (
                {"person", CURRENT} <= own and not own & {"published", "decision"},
                "who holds a role now",
            ),
            (CONTACT in asks and CONTACT not in self._types_stated, "how to reach someone"),
            (TAKE_PART in asks, "how to take part now"),
            (ENDED in asks and "time" in asks, "when something ended"),
            # not "when did it take place?", nor "why was it held?", "who was it held for?"
            (VENUE in asks and not asks & OF_WHAT_WAS_HELD, "where something took place"),
            (RANKED in asks, "which of them matters most"),
            # "how can I read more about housing?", "how can I understand the vision?" ask what the page tells
            (HOW_I in asks and not asks & TOLD_TO_RESIDENTS, "how a resident does something"),
            (MINUTES in asks and not decided, "the minutes of a meeting"),
            (HOURS in asks, "when something is open"),
            (LOGO in asks and bool(asks & OF_THE_LOGO), "the logo or its design"),
            (NAMING in asks, "why something has its name"),
            # "Var hittar jag en lägenhet att hyra?" is no "where can I read more about housing?"
            (
                OBTAIN in asks
                and bool(asks & WHERE_OR_HOW)
                and not asks & TOLD_TO_RESIDENTS - WHERE_OR_HOW - {DOCUMENT},
                "where or how a resident gets a service",
            ),
            # "what are the school board's goals?"; "how are the goals broken down to the committees?" asks how
            (COMMITTEE in asks and "goal" in asks and not asks & HOW_OR_WHY, "the goals of a committee"),
            (APPRAISAL in asks and not asks & HOW_OR_WHY, "a judgement of the town"),
            # "where is the swimming hall?"; whether there is one is `_a_facility`'s
            (
                FACILITY in asks and "place" in asks and not asks & TOLD_TO_RESIDENTS - {"place"},
                "where a facility of the town is",
            ),
            (RIGHTS in asks, "a resident's rights or the minority languages' areas"),
            (PASTIME in asks, "a pastime or the day's news"),
            # "what concrete steps are taken to reach the vision?" asks how it is reached, "what does the vision mean in
            # practice?" its interpretation
            (PROJECTS in asks and not asks & {"reach", "meaning"}, "concrete projects or measures"),
            # "when was the traffic strategy adopted?": the page names the document, and states the decision of the
            # vision only; the decision line under "Vår vision" is no other document's
            (DOCUMENT in asks and "decision" in asks, "when or by whom a document the page names was adopted"),
        )
        return next((what for asked, what in never if asked), None)

    def _next_of_the_decided(self, question: str, asks: frozenset[str]) -> str | None:
        """A new or next one of what the page states as decided ("Kommer det en ny vision snart?", "Tuleeko
        uusi visio?", "في رؤية جديدة؟", "Will the vision be updated after the move?"): the page states the one
        adopted, nothing of another. Only a question asking nothing else, with the word for "new" next to the
        decided section's name: "the new centre" and "the new brand" name nothing decided, and "nowe myślenie"
        (new thinking) in the vision is asked what it means."""
        if TO_COME not in asks or asks - {TO_COME, DOCUMENT, "updated", CURRENT}:
            return None  # "Will the vision be updated?" asks a revision to come, not the page's last change
        tokens = words(question)
        for cue in self.cues.table.matches(tokens, [TO_COME]):
            near = tokens[max(0, cue.start - NEXT_TO) : cue.end + NEXT_TO]
            if any(self._named_section(w) in self._adopted for w in near):
                return "another of what the page states as decided"
        return None

    def _reason_for_the_decided(self, question: str, asks: frozenset[str]) -> str | None:
        """ "Why was the vision adopted in 2013 and not earlier?": why a decision was taken when the page says it
        was. The page states the decision, and no reason for it. A question naming another year ("why was it
        only adopted in 2016?") is answered with the decision line, which tells the year it was."""
        if not {"reason", "decision"} <= asks or not _years(question) & self._decided_in:
            return None
        return "why a decision was taken when it was"

    def _later_than_the_dated(self, question: str, asks: frozenset[str]) -> str | None:
        """ "Gibt es eine neuere Näringslivsstrategie als die von 2016-2018?", "is there a new one after the
        2016-2018 strategy?": a later one of a document the page links by its years. The page links the one it
        names, and knows of no other; "what years does the business strategy cover?" names no year, and
        "Mistä löydän elinkeinostrategian 2018–2020?" (where do I find the 2018–2020 strategy?) asks no newer one:
        both get its link."""
        if TO_COME not in asks or asks - {TO_COME, DOCUMENT, CURRENT, "place"}:
            return None
        named = _years(question)
        if any(named & span for span in self._dated_links):
            return "a later one of a document the page links"
        return None

    def _of_a_year_unspoken(self, question: str, asks: frozenset[str]) -> str | None:
        """ "what plans do they have after 2020?", "ድሕሪ 2020 እንታይ መደብ ኣለዎም?": what is planned or done in a year no
        passage speaks of. The vision quoted would read as the plan for it; the page's last change in 2020 is no
        plan. A time asked ("was it adopted in 2012?") is answered with the date the page states, a goal ("the goal
        for housing in 2030?") with the goal, which names no year, and the page's own lines ("was the page changed
        in 2020?") by them."""
        if asks & ({"time"} | TALKED_ABOUT) or not _years(question) - self._years_spoken:
            return None
        # "Mistä löydän elinkeinostrategian 2018–2020?" asks where to read, "Kiruna 2.0 started in 2010, right?"
        # checks a date the page states: neither asks what is planned
        if not asks & {TO_COME, "goal"} or ("place" in asks and TO_COME not in asks):
            return None
        if "goal" in asks and self._named_item(question) is not None:
            return None
        return "what is planned or done in a year the page does not speak of"

    def _contents_of_a_document(self, question: str, asks: frozenset[str]) -> str | None:
        """ "Vad står det i näringslivsstrategin?", "Co strategia ruchu mówi o parkingach?": what a document says or
        decides. The page links its documents and quotes none; their "Läs mer" line answers where to read them,
        not what they say. ("Vad säger sidan om näringslivsstrategin?" asks no `contents`: see `question_intents`.)"""
        # its own words ask it: "oonko siittä joku strategia mistä lukea?" (is there a strategy to read about it?)
        # after "mitä sanothaan elinkeinoelämästä?" (what is said of business?) asks where to read
        # after where to read the strategy, "vad står det i den?" (what does it say?) points at it with "den"
        if DOCUMENT not in asks or CONTENTS not in self.cues.table.categories(question):
            return None
        # "And what does it say about tourism, specifically?" after "Is there a business strategy for the
        # municipality?": read with the last question, its municipality names a page word, but its own words ask
        # what the document says
        if CONTENTS not in asks and says(question, PAGE_WORDS_FILE):
            return None
        return "what a document says, which the page names and does not quote"

    def _a_facility(self, question: str, asks: frozenset[str]) -> str | None:
        """ "Finns det en moské i Kiruna?", "Gibt es ein Hallenbad?": whether the town has a facility. The page
        names none. "What is the goal for sports halls?" asks a goal, and "Czy gmina chce, żeby usługi
        publiczne, np. przychodnia, były blisko ludzi?" (does the municipality want public services, a clinic
        say, near people?) names an item of the page in the message, whatever piece the clinic stands in.
        (Where a facility is, `_never_stated` refuses.)"""
        if FACILITY not in asks or asks & TOLD_TO_RESIDENTS:
            return None
        sentences = _sentences(question)
        asking = [text for text, marked in sentences if marked]
        if len(sentences) > 1 and asking and not any(FACILITY in self.cues.question_intents(s) for s in asking):
            # "… در بیمارستان اینجا کار کردم. … اسم آن پروژه چه بود؟" (I worked at the hospital here. What was the
            # project's name?): the facility is in the resident's story; the sentence its question mark ends asks
            return None
        if any(self._named_items(text) for text in (question, self._message.get())):
            return None
        return "whether the town has a facility"

    def _a_document_it_names(self, question: str, asks: frozenset[str], best: ScoredChunk) -> bool:
        """ "Which strategy is the municipality preparing with the vision?": a document asked of, by no name
        of a topic a "Läs mer" line stands under, is what the best passage names ("Vi arbetar också fram en
        lokal tillväxtsstrategi …"); "is there a strategy for business?" is the business strategy's link."""
        return (
            DOCUMENT in asks
            and not asks & FACT_TYPES - {"place"}  # "which years is the business strategy for?" asks its link's years
            and bool(best.typed_sentences)
            # "Vilken strategi arbetar kommunen fram nu?": one under way now is what the passage says is being
            # drawn up, though "arbetar" is kin to the business item's "arbetsmarknad"
            and (CURRENT in asks or not self._named_items(question))
        )

    def _counts_another(self, question: str, asks: frozenset[str], retrieval: Retrieval) -> str | None:
        """ "How many residents took part?": the best passage's sentence stating a count ("Nio arbetsgrupper
        arbetade med att samla in kommuninvånarnas åsikter …") names the residents, and counts working groups.
        A question naming a list's heading asks the list's count ("how many goals?")."""
        if asks & FACT_TYPES != {"count"} or not retrieval.ranked or self._counted is None:
            return None  # "what number was the decision's paragraph?" asks of the decision line
        if self._list_heading_words(question):
            return None
        named = self._counted_of(question)
        if self._counted.counts_another(retrieval.ranked[0].typed_sentences, named):
            return "a count of what the page names but does not count"
        return None

    def _counted_of(self, question: str) -> list[str]:
        """The words a count question names what it counts by: not its cues, its quantity words ("monta"), nor
        the municipality ("how many goals does the municipality have?"), which is everywhere on its page."""
        cues = self.cues.table.cue_words(question)
        return [w for w in words(question) if w not in cues and w not in quantity_words() and w not in owner_words()]

    def _count_of_the_uncounted(self, question: str, asks: frozenset[str]) -> str | None:
        """ "ok so how many new apartments is the municipality building this year?" after the housing goal: a
        count of something the page speaks of but counts nowhere. No list's heading is named, no word of what a
        sentence counts, and what the question names is found in a passage stating no number (the housing goal):
        the page's list of directions is no count of apartments, however close the housing item ranks. "كم
        مجموعة عمل؟" (how many working groups?) names, in words the thesaurus lacks, the passage that counts."""
        # a document named asks the place of its link too ("how many flats will the housing programme build?")
        asked = asks & FACT_TYPES - ({"place"} if DOCUMENT in asks else frozenset())
        # "how many flats have been built since the vision was adopted?" counts flats, whatever decision it dates by;
        # the number of the decision's paragraph ("qodobkiisu waa immisa (§)?") is the decision line's
        dated = asked - {"decision"} == {"count"} and not _names_the_paragraph(question)
        if (asked != {"count"} and not dated) or "goal" in asks or self._counted is None:
            return None
        named = self._counted_of(question)
        # "how many residents took part?": people, where the page counts groups, areas and directions ("how many
        # groups went round asking what people thought?" counts groups); "kuinka monta ihmistä osallistui niihin
        # työryhmiin?" (how many people took part in those working groups?) counts the people it names first,
        # whatever word for "in all" ("загалом", kin to the heading's "övergripande") it says beside them
        people = set(named) & people_words()
        heading = bool(self._list_heading_words(question))
        counts_people = self._counted_first(question, named) in people
        if people and (counts_people or (not heading and not self._counted.names_the_counted(named))):
            return "a count of people, which no sentence counts"
        if heading or not self._counted.counts_none_of(named, self._coverage.knows):
            return None
        found = self._retrieve(" ".join(named)).ranked
        if found and self._counted.states_a_count(s.id for s in found[0].chunk.sentences):
            return None
        return "a count of what the page does not count"

    def _counted_first(self, question: str, named: list[str]) -> str | None:
        """The first word a count question names after its count cue: what it counts ("montako ihmistä …",
        "how many people …"), whatever it names after."""
        tokens = words(question)
        after = min((m.end for m in self.cues.table.matches(tokens, ["count"])), default=0)
        return next((w for w in tokens[after:] if w in named), None)

    def _members_of_the_counted(self, question: str, asks: frozenset[str]) -> str | None:
        """ "Who was actually in the nine working groups?", "Wer genau saß in den neun Arbeitsgruppen?": who is
        in what a sentence of the page counts. It counts the groups and names none of their members; "who
        gathered the residents' views?" names what the groups did, and is answered by them."""
        if not asks & {"person", AUDIENCE} or asks & TALKED_ABOUT or self._counted is None:
            return None
        # "yaa ahaa dadka kooxahaas ku jiray?" (who were the people in those groups?): its people are the members
        named = [w for w in self._words_not_asking(question) if w not in people_words()]
        # "vilka var med i arbetsgrupperna?" asks who took part in the words of who a seminar was for: when it names
        # the groups alone, in a form of their own ("Dla kogo było seminarium na początku projektu?" names no
        # "projektgrupper"), and not how many took part ("Montako työryhmää osallistui?")
        if AUDIENCE in asks and ("count" in asks or not self._counted.names_only_the_counted(named)):
            return None
        if self._counted.names_the_counted(named) and not self._counted.names_what_else_it_says(named):
            return "who is in what the page counts"
        return None

    def _counts_the_counted(self, question: str, asks: frozenset[str], retrieval: Retrieval) -> bool:
        """How many of what a sentence counts, in words all the page's, its passage first stating the count."""
        return (
            asks & FACT_TYPES == {"count"}
            and self._coverage(question) == 1
            and self._names_the_counted(question)
            and _states_what_is_asked(retrieval, asks)
        )

    def _names_the_counted(self, question: str) -> bool:
        """Whether a question names what a sentence of the page counts ("working groups", "areas": English lists
        the latter among its stopwords)."""
        return self._counted is not None and self._counted.names_the_counted(self._counted_of(question))

    def _items_of_the_unlisted(self, question: str, asks: frozenset[str]) -> str | None:
        """ "Vilka var de nio områdena?", "what were the nine areas the working groups covered?": which are the
        things a sentence counts ("inom nio olika områden (se under relaterat innehåll till höger)") and the page
        does not list. Asked with their number and a word for "which"; "which are the nine strategic directions?"
        names a list's heading and gets its six items, and "what did the nine working groups do?" asks no which."""
        if asks or self._counted is None or self._list_heading_words(question):
            return None
        if not (says(question, WHICH_WORDS_FILE) and (_DIGITS.search(question) or says(question, CARDINAL_WORDS_FILE))):
            return None
        if self._names_the_counted(question):
            return "which are the things the page counts and does not list"
        return None

    def _compared_with_another(self, question: str, asks: frozenset[str]) -> str | None:
        """ "Is Kiruna's vision better than Luleå's?", "Czy Gällivare ma podobną wizję jak Kiruna?": a comparison
        with something the page does not speak of. Quoting Kiruna's vision answers half of it, and reads as if
        the page had compared; "what is higher than our mountains?" compares in the page's own words."""
        if COMPARISON in asks and self._names_what_the_page_lacks(question):
            return "a comparison with what the page does not speak of"
        return None

    def _view_of_another(self, question: str, asks: frozenset[str]) -> str | None:
        """ "What does LKAB think of the vision?", "Do people in Kiruna actually agree with this vision?": the
        view of someone the page does not name, or of residents at large. The page is the municipality's own
        words; quoting the vision would read as LKAB's view, or as the residents'. "What does the municipality
        think about housing?" names only what the page speaks of, and is answered; so is "how did they gather
        people's opinions?", which asks how."""
        if OPINION not in asks:
            return None
        named = self._words_not_asking(question)
        if any(not self._coverage.knows(w) for w in named):
            return "the view of someone the page does not name"
        # "Maid visuvdna oaivvilda?" (Sami: what does the vision mean?; "oaivvilda" is "think" too) asks a meaning,
        # and "how did they gather people's views?" a manner; "Vad tycker du om visionen?" asks the bot's, in a
        # pronoun no content word holds
        if not asks & HOW_OR_WHY - {"origin"} and "count" not in asks and _with_pairs(words(question)) & people_words():
            return "the view of residents, or the bot's, which the page does not state"
        return None

    def _names_what_the_page_lacks(self, text: str) -> bool:
        """Whether a message names something in a word the page does not know (its asking words aside)."""
        return any(not self._coverage.knows(w) for w in self._words_not_asking(text))

    def _words_of_its_own(self, text: str) -> set[str]:
        """Content words that are not question cues, nor the words opening a follow-up: what a text names ("and
        when exactly?" names nothing, nor does "entä kuka sen päätti?", and who decided it?)."""
        tokens = words(text)
        opening = {tokens[i] for m in self._dialogue.table.matches(tokens, ["followup"]) for i in range(m.start, m.end)}
        return set(self._coverage.content_words(text)) - self.cues.table.cue_words(text) - opening

    def _asks_only_a_fact(self, message: str, own: frozenset[str]) -> bool:
        """ "and when exactly?", "and who was there?": a fact asked, or whom it was for, and no word of its own
        naming what of (not "och målet för boende?")."""
        return bool(own) and own <= FACT_TYPES | {AUDIENCE} and not self._words_of_its_own(message)

    def _followed(
        self,
        message: str,
        asks: frozenset[str],
        together: tuple[Retrieval, ScopeDecision, npt.NDArray[np.float32]],
        context: Context,
    ) -> tuple[tuple[Retrieval, ScopeDecision, npt.NDArray[np.float32]], bool]:
        """A follow-up's reading (`_follow`), and whether it names a new item in the last question's fact frame,
        which then comes first: "och för kultur?" after "när antogs visionen?" is the culture item, though the
        vision, whose interpretation speaks of "många kulturer", ranks above it."""
        retrieval, decision, vector = self._follow(message, together, context)
        item = self._item_in_a_fact_frame(message, asks, retrieval, context)
        return ((retrieval if item is None else _with_first(retrieval, item)), decision, vector), item is not None

    def _item_in_a_fact_frame(
        self, message: str, asks: frozenset[str], followed: Retrieval, context: Context
    ) -> str | None:
        """ "and culture?" after "when was the vision adopted?": the item the message names, when it asks the
        last question's fact of it and ranks among the best two; its answer is that item's passage, not a date
        another section states."""
        named = self._named_item(message)
        if (
            asks & FACT_TYPES
            and not self.cues.question_intents(message) & FACT_TYPES
            and named is not None
            and named not in context.chunks
            and any(r.chunk.id == named for r in followed.ranked[:NAMED_AMONG])
        ):
            return named
        return None

    def _follow(
        self,
        message: str,
        together: tuple[Retrieval, ScopeDecision, npt.NDArray[np.float32]],
        context: Context,
    ) -> tuple[Retrieval, ScopeDecision, npt.NDArray[np.float32]]:
        """A follow-up read with the last question, unless it is a new question of its own; judged by what it asks
        beside what it tells ("entäs kommunikaatiot? mie pruukaan ajaa paljon Jällivaaraan", and transport? I often
        drive to Gällivare, is "and transport?" after the housing goal)."""
        message = self._beside_remarks(message)
        alone = self._looked(message)
        only_a_fact = self._asks_only_a_fact(message, self.cues.question_intents(message))
        if (
            not alone[1].in_scope
            # "and when exactly?", "under which paragraph?" have no words of their own to be about
            and not only_a_fact
            # "وماذا تعني؟" (and what does it mean?) names nothing to be a new question of
            and self._words_of_its_own(message)
            and self._coverage(message) < FOLLOW_ON_COVERAGE
            and not self._new_topic(message, alone[0], context)
        ):
            return alone  # a new question the page does not speak of ("und wann kommt die Müllabfuhr?")
        decision = together[1]
        if not decision.in_scope and not self.cues.question_intents(message):
            # the last question was answered, and this one only names what the page speaks of ("ja
            # johtalussii?" after the culture goal): the two read together are the page's, however the model
            # scores them. One asking its own ("och vad kostar bussen?") is left to the model.
            reason = f"a follow-up of words the page knows; {decision.reason}"
            decision = replace(decision, in_scope=True, reason=reason)
        if alone[0].ranked and alone[0].ranked[0].chunk.id not in context.chunks and not only_a_fact:
            # a new topic in the last question's frame: not the passage just given again ("and when?" names
            # none: it asks of what was talked about)
            # after every "Läs mer" line listed, "ja johtolaga birra?" (and about traffic?) picks one of them
            named = bool(self._words_of_its_own(message)) and not context.items
            return (follow_on(alone[0], together[0], context.chunks, named), decision, together[2])
        return (together[0], decision, together[2])

    @staticmethod
    def _line_answers(retrieval: Retrieval, asks: frozenset[str]) -> bool:
        """A line of the page states what the question asks, twice over: "who published the page?"
        asks for a person and a publisher ("Publicerad av: …"). One asked type alone ("who is the
        mayor?") is not enough, nor are a when and a where ("коли переносять місто і куди?", when is the town moved
        and where to?): a link's years ("Läs mer om näringslivsstrategi 2016-2018") date its document, and state
        no place and time of anything else."""
        wanted = asks & FACT_TYPES
        return any(len(matched := wanted & r.answer_types) >= 2 and matched != WHEN_AND_WHERE for r in retrieval.lines)

    def _beside_remarks(self, question: str) -> str:
        """What a message asks, when its other sentences only tell: a resident's own situation ("Ich möchte ein
        Café aufmachen. Ist Kiruna ein guter Ort für Unternehmer?") or a remark ("How will they reach it? I hope
        it is not just paper.") pulls the whole out of scope; the page's own words said back before asking a
        fact it does not state ("The vision speaks of a good living environment. When will our block be torn
        down?") pull it in; and told beside a question the page answers, it is no part to answer of its own
        ("Hej! Jag flyttade hit i somras. När antogs visionen?"). The whole stays the question when what is
        asked names nothing of its own ("I read about Kiruna 2.0. When did it start?")."""
        asking = self._the_asking_text(question)
        if asking is None:
            return question
        retrieval, decision = self._look(asking)
        reading = self._dialogue.read(asking)
        asks = self.cues.question_intents(asking)
        alone = self._the_pages_after_all(decision, asking, asking, "standalone", reading, retrieval, asks).in_scope
        whole = self._look(question)[1].in_scope
        own = bool(self._words_of_its_own(asking) - owner_words())
        if alone:
            # the page answers what is asked; the telling is no part of it, unless the question names nothing
            return asking if own or not whole else question
        # ... nor does a need of the resident's own told beside it ("ኣብ ኪሩና ክፉት ስራሕ ኣሎ ድዩ? ኣብ ማዕድን ክሰርሕ እደሊ እየ",
        # are there open jobs in Kiruna? I want to work in the mine): the mine is the resident's wish, not the page's
        # ... unless what is asked names a passage of its own, clearly first ("Oon yksinhuoltaja ja etsin isompaa
        # asuntoa. Mitä kunta on luvannut asumisesta?": the housing goal, which the need speaks of too)
        told = question.replace(asking, " ") if asking in question else ""
        pulled_in = states_a_need(told) and not _leads(retrieval.ranked, NAMED_PASSAGE_MARGIN)
        return asking if whole and own and (asks & FACT_TYPES or pulled_in) else question

    def _reading_of(self, question: str, message: str, how: str, reading: Reading, detection: Detection) -> Reading:
        """The cues of what a message asks beside what it tells, read where its words stand (a conjunction's
        place, a list asked for), not the whole message's."""
        if how != "standalone" or question == message:
            return reading
        return self._with_glued_ands(self._dialogue.read(question, detection.plausible), detection)

    def _the_asking_text(self, question: str) -> str | None:
        """What a message asks beside what it tells: its sentences that do not only tell; in those, or in a
        message of one sentence, the words after a "but" that turns from telling to asking."""
        sentences = _sentences(question)
        sentences = self._told_then_asked(sentences) or sentences
        if len(sentences) > MAX_SENTENCES:
            return None
        asking = question if len(sentences) == 1 else self._asking_sentences(sentences)
        if asking is None:
            return None
        turned = self._after_a_turn(asking)
        if turned is not None:
            return turned
        return asking if len(sentences) > 1 else None

    def _told_then_asked(self, sentences: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
        """ "jag bor i Kiruna, vad kan du berätta om kultur?": one marked sentence whose first clause tells of the
        resident and asks nothing, as two sentences: the telling one and the one that asks."""
        if len(sentences) != 1 or not sentences[0][1]:
            return None
        clauses = _CLAUSE_MARK.split(sentences[0][0])
        if len(clauses) != TOLD_AND_ASKED or not self._tells_only_of_oneself(clauses[0]):
            return None
        if self.cues.question_intents(clauses[0]):
            return None
        return [(clauses[0], False), (clauses[1], True)]

    def _asking_sentences(self, sentences: list[tuple[str, bool]]) -> str | None:
        """The sentences that ask, each keeping its question mark (the model reads "Vad hette de?" as asked, not
        told), when others only tell."""
        marked = [text for text, asked in sentences if asked]
        # one question the page answers, among sentences without a mark that ask it nothing: "Good morning. I moved
        # here last year from Glasgow and work at the hospital. Could you tell me which strategic directions the
        # municipality has? Thanks in advance" (the hospital is where the resident works, no facility asked of)
        # "I am a student and I have a research project about Kiruna. What is the vision?": the writer's own life,
        # whatever of the page its words name ("research"), beside a question of what the page may state; beside
        # "how can I get a school place for my son?" it is what makes the question the resident's own
        plain = all(self._may_be_stated(text) for text, asked in sentences if asked)
        told = [
            not asked and (self._only_tells(text) or (plain and self._tells_only_of_oneself(text)))
            for text, asked in sentences
        ]
        if (
            len(marked) == 1
            and not all(asked or t for (_, asked), t in zip(sentences, told, strict=True))
            and all(
                asked or t or self._tells_beside_a_question(text)
                for (text, asked), t in zip(sentences, told, strict=True)
            )
            # read as it is then asked, with its mark: the question alone is looked up once
            and self._asks_the_page_in_telling(f"{marked[0].strip()}?")
        ):
            told = [not asked for _, asked in sentences]  # that question alone
        # "شنیده‌ام که پروژه چشم‌انداز یک اسم خاص داشته است. اسم آن پروژه چه بود؟" (I heard the vision project had a
        # special name. What was that project called?): a question pointing back asks of the sentence just before it,
        # unless that one tells of the resident
        for i in range(1, len(sentences)):
            text, asked = sentences[i]
            before = sentences[i - 1][0]
            if asked and told[i - 1] and self._asks_of_the_sentence_before(text, before):
                talk = self._dialogue.read(before).smalltalk
                told[i - 1] = talk is not None and not talk.rest
        if not any(told) or all(told):
            return None
        kept = (
            f"{text.strip()}?" if asked else text.strip()
            for (text, asked), t in zip(sentences, told, strict=True)
            if not t
        )
        return " ".join(kept)

    def _asks_of_the_sentence_before(self, question: str, before: str) -> bool:
        """A question pointing back whose every word of its own the sentence before has ("… پروژه … یک اسم خاص داشته
        است. اسم آن پروژه چه بود؟", the project had a special name. What was that project's name?); "… Чи є курси
        шведської і скільки вони коштують?" names its own courses, whatever the sentence before said of the page."""
        if not self._dialogue.read(question).reference or self._tells_only_of_oneself(before):
            return False
        said = set(words(before))
        return all(w in said for w in self._words_of_its_own(question))

    def _tells_beside_a_question(self, sentence: str) -> bool:
        """A sentence asking the page nothing: no fact or goal of what it answers ("Tell me the housing goal." asks
        one without a mark), nothing well inside it, no topic named."""
        decision = self._look(sentence)[1]
        if decision.in_scope and self.cues.question_intents(sentence) & ASKED_OF_THE_PAGE:
            return False
        # read in its own languages: "a jaki dla kultury" (and which for culture) follows the question up, "I moved
        # here" opens with no Polish "i" (and)
        reading = self._dialogue.read(sentence, self._detector.detect(sentence).plausible)
        return not (reading.followup or reading.wants_list or self._asks_the_page_in_telling(sentence))

    def _may_be_stated(self, question: str) -> bool:
        """A question of what a page may state: not how the resident does something, nor what no page states."""
        asks = self.cues.question_intents(question)
        return HOW_I not in asks and self._never_stated(asks) is None

    @staticmethod
    def _tells_only_of_oneself(sentence: str) -> bool:
        return (tells_of_oneself(sentence) or tells_of_family(sentence)) and not asks_in_words(sentence)

    def _only_tells(self, sentence: str) -> bool:
        """A sentence without its question mark that asks nothing: no question words, no "and for culture", no
        "list the goals", and words enough to tell something ("ja mitä skoulusta" asks, its mark left out); or a
        thanks, greeting or goodbye of a word or two and nothing else ("ብዙሕ የቐንየለይ።", thanks a lot)."""
        reading = self._dialogue.read(sentence)
        talk = reading.smalltalk
        if talk is not None and not talk.rest and talk.category in OPENING_TALK:
            return True
        return (
            len(words(sentence)) >= MIN_TOLD_WORDS
            and not self.cues.question_intents(sentence)
            and not reading.followup
            and not reading.wants_list
        )

    def _after_a_turn(self, text: str) -> str | None:
        """ "Visiossa puhutaan hyvästä elinympäristöstä, mutta milloin meidän kortteli puretaan?": the words after
        the "but", when those before it ask nothing and those after it ask something."""
        turns = [i for i, word in enumerate(words(text)) if i and word in contrast_words()]
        written = written_words(text) if turns else None  # most messages have no "but": no second reading
        if written is None:
            return None
        normal = unicodedata.normalize("NFKC", text)
        for i in turns:
            before, after = normal[: written[i].start()], normal[written[i].end() :].strip(" ,")
            if not self.cues.question_intents(before) and self.cues.question_intents(after):
                return after
        return None

    def _asks_the_page_of_itself(self, question: str, asks: frozenset[str], retrieval: Retrieval) -> bool:
        """ "julkasija?" (publisher?), "senast ändrad?": only the words asking when the page was changed, who
        published it or who decided, which a line of the page states; the scope model reads a word or two
        as far out."""
        wanted = asks & TALKED_ABOUT
        # "ሓታሚ ገጽ?" (the page's publisher?): the page named is what is asked of
        naming = {w for w in self._words_of_its_own(question) if not says(w, PAGE_WORDS_FILE)}
        return bool(wanted) and not naming and any(wanted & r.answer_types for r in retrieval.lines)

    def _asked_after_a_remark(self, question: str) -> bool:
        """ "Meän poika alottaa koulun syksylä, mitä tässä sanothaan koulutuksesta?" (our son starts school in the
        autumn, what does this say of education?): the resident's own situation, then the question. The model,
        trained on questions alone, reads the situation's words as a topic the page lacks; the clause that
        asks, read alone, names only what the page speaks of, and is the page's."""
        asked = [text for text, marked in _sentences(question) if marked]
        if len(asked) != 1:
            return False
        clause = _CLAUSE_MARK.split(asked[0])[-1]
        if len(words(clause)) + MIN_REMARK_WORDS > len(words(question)):
            return False
        if self._dialogue.read(clause).reference:
            return False  # "Min gata plogas aldrig, vad gör kommunen åt det?": its "det" is the remark's
        named = self._words_not_asking(clause)
        # ... and names a topic ("Bussen är alltid sen, vad gör kommunen?" names only the municipality)
        return (
            bool(set(named) - owner_words())
            and all(self._coverage.knows(w) for w in named)
            and self._look(clause)[1].in_scope
        )

    def _names_a_topic(self, question: str, retrieval: Retrieval) -> bool:
        """ "jobben?", "skoulu", "آموزش؟": a word or two, each a word of the page, its translations or
        its thesaurus, matching a passage lexically. The scope model, trained on whole questions,
        reads so little as out of scope."""
        content = self._coverage.content_words(question)
        return (
            0 < len(content) <= SHORT_WORDS
            and len(words(question)) <= SHORT_WORDS + 1  # "vilken tid går bussen till centrum?" is a question
            and not self.cues.question_intents(question) & FACT_TYPES
            and self._coverage(question) == 1.0
            and bool(retrieval.ranked)
            and retrieval.ranked[0].lexical > 0
        )

    def _whom_the_passage_names(self, question: str, asks: frozenset[str], retrieval: Retrieval) -> bool:
        """ "ኣብቲ ሰሚናር እንመን ተሳቲፎም?" (who took part in the seminar?): whom something was for, every other word
        the page's, and the passage those words match best names a body in a sentence ("… ett seminarium för
        ledamöterna i kommunfullmäktige"). The scope model reads few words of such a question; "who took part
        in the marathon?" names what the page lacks."""
        if AUDIENCE not in asks or not retrieval.ranked:
            return False
        named = self._words_not_asking(question)
        if not named or not all(self._coverage.knows(w) for w in named):
            return False
        # the passage the question's words name best, among the first few
        named_best = max(retrieval.ranked[:FACT_CANDIDATES], key=lambda r: r.lexical)
        return any(AUDIENCE in self._retriever.states(s.id) for s in named_best.chunk.sentences)

    def _lists_in_the_pages_words(self, reading: Reading, question: str, asks: frozenset[str]) -> bool:
        """ "ኣንፈታት ዘርዝረልና" (list the directions for us), "ክንደይ mål ኣለዉ?" (how many goals are there?): a list
        cue or a count and a list heading's words, and no other word the page lacks; the scope model, trained
        on whole questions, reads so little as far out."""
        # ... or the goals, each item's ("mat leat buot ulbmilat", what are all the goals)
        # ... or which of a heading's items there are ("welche Ausrichtungen gibt es?", a "which" and the heading's
        # word apart from "gibt es")
        heading_words = self._list_heading_words(question)
        listed = reading.wants_list or "count" in asks or (heading_words > 0 and says(question, WHICH_WORDS_FILE))
        if not listed or not (heading_words or "goal" in asks):
            return False
        return all(self._coverage.knows(w) for w in self._words_not_asking(question))

    def _words_not_asking(self, question: str) -> list[str]:
        """The content words that neither ask (question cues) nor steer the dialogue: what a question names."""
        asking = self.cues.table.cue_words(question) | self._dialogue.table.cue_words(question)
        return [w for w in self._coverage.content_words(question) if w not in asking]

    def _asks_for_the_items(self, reading: Reading, asks: frozenset[str], retrieval: Retrieval, question: str) -> bool:
        """ "show all the goals" in words the scope model reads little of ("čájet buot ulbmiliid"): a list
        cue or a count ("kunka monta inriktninkiä …?"), the goals or a word of a list's heading named, and the
        page's items among the best ranked; a list of what a heading names, or how many goals there are,
        asks for them wherever they rank
        ("Montako tavoitetta kunnala oon?" ranks how the vision was made, with its nine groups, first)."""
        if not (reading.wants_list or "count" in asks):
            return False
        heading_words = self._list_heading_words(question)
        return (
            ("goal" in asks or heading_words > 0)
            and (
                {"count", "goal"} <= asks
                # "ዝርዝር ኣንፈታት ሃበኒ" (give me the list of directions): a list asked for by its heading's name
                or (reading.wants_list and heading_words > 0)
                or any(r.chunk.kind == "labelled" for r in retrieval.ranked[:3])
            )
        )

    def _resolve(self, message: str, reading: Reading, context: Context | None) -> tuple[str, str]:
        """The question to retrieve: the message alone (what it asks beside what it tells), or read together with
        the last question."""
        intents = self.cues.question_intents(message)
        # "(and) who published the page and when was it last changed?": parts of its own, each answered, its "it" the
        # page it names; "och när blir de nya lägenheterna i centrum klara?": a fact asked of what it names itself, no
        # frame of the last
        of_its_own = self._several_of_its_own(message, reading, intents) or (
            reading.followup and bool(intents & FACT_TYPES) and len(self._words_of_its_own(message)) > SHORT_WORDS
        )
        if context is None or not context.question or of_its_own:
            return self._beside_remarks(message), "standalone"
        # "Man birra dát siidu lea?" (what is this page about?): its "this" is the page
        page_alone = self._asks_what_the_page_says(message, intents)
        # the words pointing back are no topic: spoken Finnish "toi" (that) is no stopword, "se" is
        pointing = self._dialogue.table.cue_words(message) if reading.reference else frozenset()
        content = [w for w in self._coverage.content_words(message) if w not in pointing]
        if intents - {DOCUMENT} and intents - {DOCUMENT} <= {"place", "time", "person", "count", "meaning"}:
            # "gos gávnnan eanet dieđuid?" (where do I find more information?), "کی؟ چه تاریخی" (when? what date?):
            # the words that ask where or when name no topic; the last answer's is meant; nor do the words asking
            # what it means ("поясніть простіше, що це означає", explain more simply what that means)
            asking = self.cues.table.cue_words(message)
            content = [w for w in content if w not in asking]
        # "a co to znaczy?" (and what does that mean?): "a" opens it, "to" points back, and it names nothing
        pointing_back = reading.reference and not self._words_of_its_own(message) - pointing
        if reading.followup and not pointing_back and not page_alone:
            # "och för kultur?": its own topic if it names one the page knows, with the last question's frame
            # read with the last question; a new topic it names is ranked by both (`follow_on`)
            return f"{context.question} {message}", "followup"
        if (reading.reference or len(content) <= 1) and not page_alone:
            # "när beslutades det?", "what does that mean?": the last question's topic, this question's ask
            alone = self._retrieve(message)
            # a whole question of its own ("när startade visionsarbetet och hur många fanns det?") stands alone,
            # and so does one naming a list of the page ("vilka strategiska inriktningar finns det?")
            own = (
                not reading.reference
                or len(content) > SHORT_WORDS
                or self._list_heading_words(message) >= LIST_HEADING_WORDS
                # "hur många arbetsgrupper fanns det?": a fact asked of a word of its own; its "det" points nowhere
                or bool(intents & FACT_TYPES and self._words_of_its_own(message))
                # "Welches Ziel gibt es für Kultur?": a goal asked of an item the message names itself
                or ("goal" in intents and self._named_item(message) is not None)
                # "Vad står det i visionen?": a section named by its whole heading; its "det" points nowhere
                or self._named_section(message) is not None
                # "mikä on visio? ja miten se saavutetaan?": a question of its own first, whose topic its "se" points at
                or self._asks_first_of_its_own(message)
            )
            if own and self._decide(alone).in_scope and content:
                return self._beside_remarks(message), "standalone"
            if not reading.reference and content and self._new_topic(message, alone, context):
                # "gaadiidka?", "ንትምህርቲኸ?" after a goal: another topic, asked as the last question asked
                return f"{context.question} {message}", "followup"
            return f"{context.question} {message}", "reference"
        return self._beside_remarks(message), "standalone"

    def _asks_first_of_its_own(self, message: str) -> bool:
        """A message whose first sentence, marked as a question, asks the page of a thing it names itself."""
        sentences = _sentences(message)
        if len(sentences) < MIN_SENTENCES or not sentences[0][1]:
            return False
        first = sentences[0][0]
        reading = self._dialogue.read(first)
        if reading.reference or reading.followup:
            return False  # "und was steht da konkret drin? welche Maßnahmen?" points back from its first sentence on
        return bool(self._words_of_its_own(first)) and self._look(first)[1].in_scope

    def _several_of_its_own(self, message: str, reading: Reading, intents: frozenset[str]) -> bool:
        """A follow-up opening with "and" that joins two facts asked of what it names itself or of the page, which
        the page answers: a question of several parts, not the last one's frame asked again."""
        joined = any(start > 0 for start, _, _ in reading.conjunctions)
        own = self._words_of_its_own(message)
        return (
            joined
            and len(intents & FACT_TYPES) >= 2
            # what it names, or facts of the page itself (who published it, when it changed)
            and bool(own or intents & TALKED_ABOUT)
            # "а коли переносять місто і куди саме?" (and when is the town moved, and where to?) names a thing of its
            # own in words enough, which the last question's frame would wrongly put inside the page
            and (len(own) >= SHORT_WORDS or self._look(message)[1].in_scope)
        )

    def _new_topic(self, message: str, alone: Retrieval, context: Context) -> bool:
        """A word that names a passage the last answer did not give, clearly above any other."""
        top = [r for r in alone.ranked if r.chunk.kind not in LINE_KINDS][:2]
        if not top or top[0].chunk.id in context.chunks:
            return False
        clear = _leads(top, TOPIC_MARGIN)
        return clear or self._names_a_topic(message, alone)

    def _out_of_scope(
        self,
        message: str,
        lang: str,
        detection: Detection,
        retrieval: Retrieval,
        decision: ScopeDecision,
        context: Context | None,
        how: str,
        stated_nowhere: bool = False,
    ) -> Plan:
        # an out-of-scope turn does not become what the next one follows up on
        kept = _with_lang(context, lang) if context else Context(lang)
        part = Part(message, retrieval, decision, None)
        return Plan(
            "out_of_scope", message, lang, detection, (part,), context=kept, reading=how, stated_nowhere=stated_nowhere
        )

    # -- facts -------------------------------------------------------------------------------

    def _part(
        self, question: str, retrieval: Retrieval, decision: ScopeDecision, asks: frozenset[str], focused: bool = False
    ) -> Part:
        """The passage that answers; when a fact is asked for, the line or sentence that states it.

        The page's one-line facts (a decision, who published it, when it changed, where to read
        more) answer only a question for that fact: "housing?" gets the housing goal, "where can
        I read more about housing?" the "Läs mer" line. Between the best passage and the lines,
        the one that states most of what was asked wins; then the one that matches the question
        best (a line under the best passage's heading counts as matching it a little better).
        A `focused` question (a follow-up naming its topic) is answered by the best passage and the
        lines under its heading alone, or said not to be stated.
        """
        ranked = retrieval.ranked[:1] if focused else retrieval.ranked
        best = ranked[0]
        # "how was the vision drawn up?" is what "Hur gjorde vi?" answers, even when "Hur når vi visionen?",
        # which names the vision in its heading, ranks a little above it
        section_asked = asks & DISTINCT_SECTIONS
        if section_asked and not section_asked & best.answer_types:
            # "who wrote the goal for culture?", "how was the housing goal made?": the page tells how all its
            # goals came about once ("Detta arbete resulterade i … med tillhörande mål"), however far the goal
            # named outranks it
            of_goals = asks >= ORIGIN_OF_GOALS
            margin, candidates = (float("inf"), len(ranked)) if of_goals else (SECTION_MARGIN, FACT_CANDIDATES)
            best = next(
                (r for r in ranked[1:candidates] if section_asked & r.answer_types and best.fused - r.fused <= margin),
                best,
            )
        # a "read more" line is about one topic: it answers "where?" only when it matches the question
        # at least as well as the best passage ("in which plans was the vision work used?" is no link)
        # and where the vision work has been used is what "Hur når vi visionen?" states, not a link
        answers_section = bool(section_asked & best.answer_types)
        links = (
            []
            if answers_section or self._a_document_it_names(question, asks, best)
            else [
                r
                for r in retrieval.lines
                if r.chunk.kind == "link" and (r.fused >= best.fused or _its_link(r, best.chunk.heading_path))
            ]
        )
        wanted = asks & FACT_TYPES - (frozenset() if links else {"place"})
        # ... not of a question naming the page, whose word for it matches the lines' "(webbsida)"
        asks_a_line = not (wanted or answers_section or says(question, PAGE_WORDS_FILE))
        alone = _said_only_by_a_line(retrieval) if asks_a_line else None
        if alone is not None:
            return Part(question, retrieval, decision, alone.chunk, self._typed(alone, asks, retrieval), asks=asks)
        if not wanted:
            # "how is the vision reached?" is what the section "Hur når vi visionen?" answers, all of it
            whole = bool(asks & best.answer_types & SECTION_TYPES)
            typed = self._typed(best, asks, retrieval)
            return Part(question, retrieval, decision, best.chunk, typed, whole=whole, asks=asks)
        section = best.chunk.heading_path

        def coverage(types: frozenset[str]) -> tuple[int, int]:
            # what only a page line states (who published, when changed, what was decided) counts first;
            # any passage can state a time or a number
            return len(wanted & types - STATED_ANYWHERE), len(wanted & types)

        options = [
            (coverage(r.answer_types), r.fused + (ATTACHED if r.chunk.heading_path == section else 0.0), r)
            for r in retrieval.lines
            if wanted & r.answer_types
            and (r.chunk.kind != "link" or r in links)
            and (not focused or r.chunk.heading_path == section)
            and self._of_the_page(r.chunk, wanted, question)
        ]
        # where to read more about the best passage's topic is its own link, however well another matches the
        # words of a conversation ("var kan jag läsa om trafik?", "och om boende?", "och näringsliv?")
        line = max(options, key=lambda o: (o[0], _its_link(o[2], section), o[1])) if options else None
        # the best of the top passages that states most of what was asked (the best passage on a tie)
        passages = [(coverage(r.answer_types), -i, r) for i, r in enumerate(ranked[:FACT_CANDIDATES])]
        covered, _, passage = max(passages, key=lambda o: (o[0], o[1]))
        # a tie goes to the line only if it stands under the passage's own heading and matches far better:
        # "when did the vision work begin?" is not answered by when the page was last changed
        if line is not None and _about_another_section(line[2], ranked, wanted):
            line = None  # "who led the Kiruna 2.0 project?" is no question of who adopted the vision
        # "date of the vision?" names the section "Vår vision" and asks a fact its own line states: that line,
        # though another passage states a date too (when the vision project began), and ranks first
        named_here = False
        if line is not None and line[0] == covered:  # only then does the section named matter
            named = self._section_asked_of(question)
            path = line[2].chunk.heading_path
            named_here = named is not None and any(r.chunk.id == named and r.chunk.heading_path == path for r in ranked)
        if line is not None and (
            line[0] > covered
            or named_here
            or (
                line[0] == covered
                and (not any(covered) or (line[2].chunk.heading_path == section and line[1] >= LINE_OVER_PASSAGE))
            )
        ):
            return Part(question, retrieval, decision, line[2].chunk, self._typed(line[2], asks, retrieval), asks=asks)
        if any(covered):
            # "how was the vision made, and how many working groups were there?": the section it asks for,
            # all of it, states the number too
            whole = passage is best and answers_section
            typed = self._typed(passage, asks, retrieval)
            return Part(question, retrieval, decision, passage.chunk, typed, whole=whole, asks=asks)
        return Part(question, retrieval, decision, best.chunk, frozenset(), not_stated=True, asks=asks)

    def _typed(self, scored: ScoredChunk, asks: frozenset[str], retrieval: Retrieval) -> frozenset[str]:
        """The sentences of a passage that state what this part asks, when the retrieval was made for more:
        a follow-up read with the last question ("متى بدأ مشروع الرؤية" → "وكم مجموعة عمل شاركت", when did
        the project start? → and how many working groups took part?) asks only the count."""
        dropped = (retrieval.asks - asks) & FACT_TYPES  # a fact the last question asked, not this one
        if not asks or not dropped:
            return scored.typed_sentences
        wanted = sentence_asks(retrieval.asks - dropped)
        return frozenset(s for s in scored.typed_sentences if wanted & self._retriever.states(s))

    # -- lists -------------------------------------------------------------------------------

    def _wants_list(
        self,
        reading: Reading,
        asks: frozenset[str],
        retrieval: Retrieval,
        question: str,
        vector: npt.NDArray[np.float32],
        langs: Sequence[str],
    ) -> bool:
        if "count" in asks and not self._count_asked_of_a_list(question, reading, langs):
            asks = asks - {"count"}  # "what is the housing goal and how many working groups were there?"
        shaped = self._lists is not None and self._lists.asks_for_list(vector)
        heading_words = self._list_heading_words(question)
        # a word of a list's heading is a list question when it asks for no fact ("vilka inriktningar finns?",
        # not "where can I read about the business strategy?")
        named_only = heading_words > 0 and not asks & FACT_TYPES
        # "همه هدف‌ها" (all the goals), "buot ulbmiliid": all of what a list's heading names
        # ... and "daj wszystkie linki" (give all the links): all of the places to read more
        every = (heading_words > 0 or "goal" in asks or asks - {DOCUMENT} == {"place"}) and says(
            question, ALL_WORDS_FILE, langs
        )
        # "welche richtungen gibt es?": which of a heading's items there are, the "which" apart from "gibt es", naming
        # nothing but the heading (not "welche Ausrichtung betrifft das Wohnen?", "welche Strategie wird erarbeitet?")
        which = heading_words > 0 and says(question, WHICH_WORDS_FILE, langs) and self._names_only_a_heading(question)
        explicit = (
            reading.wants_list or "count" in asks or every or which or self._goals_of_nothing(question, asks, retrieval)
        )
        if not (explicit or shaped or heading_words >= LIST_HEADING_WORDS or named_only):
            return False
        ranked = retrieval.ranked
        # "how are the overall goals broken down?" asks of a passage, not for the items; "what are the overall goals
        # broken down into?" asks the same, in a list's words ("what are the goals and how are they reached?" asks
        # the list, and how)
        if (not explicit and asks & HOW_OR_WHY) or ("reach" in asks and not asks & {"count", "manner"} and not every):
            return False
        only_named = not (shaped or heading_words >= LIST_HEADING_WORDS)
        one_named = _leads(ranked, TOPIC_MARGIN) and (ranked[0].chunk.kind == "labelled" or only_named)
        if heading_words >= LIST_HEADING_WORDS and not self._named_items(question):
            # "Welche strategischen Ausrichtungen gibt es, und welche Ziele haben sie?" names the list and no
            # item of it, whichever item its words happen to rank first
            one_named = False
        # "all the goals", however far a story before it ("przygotowuję prezentację o Kirunie …", I'm preparing a
        # presentation about Kiruna) ranks the vision ahead: the vision states no goal of them; but a passage that
        # does state what is asked ("what were all the seminar's aims?") is quoted, and "does the vision mention
        # space at all?" asks whether it says a word
        all_goals = (
            every
            and "goal" in asks
            and bool(ranked)
            and ranked[0].chunk.kind == "adopted"
            and not says(question, MENTION_WORDS_FILE, langs)
        )
        if (not explicit and (one_named or self._named_item(question) is not None)) or (
            not all_goals and _stated_apart_from_lists(ranked, heading_words, asks)
        ):
            # one item, clearly named: "what is the strategic direction for housing?", "what's the goal for
            # housing in kiruna?" (however close the other items rank); or one word of a heading said of one
            # passage: Tigrinya "ዕላማ" (aim, goal) of the seminar; or a passage of no list states what is asked
            # ("what were all the seminar's purposes?": "Syftet med seminariet var …")
            return False
        top = [r.chunk for r in ranked[:3]]
        named = heading_words >= LIST_HEADING_WORDS or (heading_words > 0 and explicit)
        if named or {"count", "goal"} <= asks or all_goals:
            # "how many overall goals are there?": the heading's items (each labelled "Mål:"), wherever they rank
            return any(r.chunk.kind == "labelled" for r in retrieval.ranked)
        if "count" in asks and not heading_words:
            return top[0].kind == "labelled"  # "how many working groups?" counts what the best passage says
        return any(c.kind == "labelled" for c in top)

    def _count_asked_of_a_list(self, question: str, reading: Reading, langs: Sequence[str]) -> bool:
        """Whether "how many" may ask for a list: in a message of one part, or in the part that asks it, of the
        goals, of a list's heading, or of nothing named ("what is the housing goal and how many working groups
        were there?" counts the groups, not the goals)."""
        pieces = _pieces(question, reading, langs, self._joins_one_thing) if reading.conjunctions else None
        if not pieces or len(pieces) < 2:
            return True
        for piece in pieces:
            intents = self.cues.question_intents(piece, langs)
            if "count" in intents and (
                "goal" in intents or self._list_heading_words(piece) or not self._words_of_its_own(piece)
            ):
                return True
        return False

    def _listing(
        self,
        message: str,
        lang: str,
        detection: Detection,
        part: Part,
        items: tuple[Chunk, ...],
        heading: str,
        asks: frozenset[str],
        how: str,
    ) -> Plan:
        """A list answer: the items in page order, and a conversation in which "the second one" is an
        item; a count quotes too where the page states another count of them."""
        ids = tuple(c.id for c in items)
        context = Context(lang, part.question, ids, ids, tuple(sorted(asks)))
        return Plan(
            "answer",
            message,
            lang,
            detection,
            (part,),
            items=items,
            with_goals="goal" in asks,
            heading=heading,
            context=context,
            reading=how,
            also=self._counts_stated.get(heading, ()) if "count" in asks else (),
        )

    def _names_only_a_heading(self, question: str) -> bool:
        """Whether every word a question names, beside its owner's, is a word of a list's heading."""
        owner = owner_words()
        named = [w for w in self._words_not_asking(question) if w not in owner]
        return bool(named) and all(any(self._headings_named_by(w)) for w in named)

    def _list_heading_words(self, question: str) -> int:
        """How many words of a list's heading the question names ("Vilka är de strategiska
        inriktningarna?", "which strategic directions are there?": two), in any language."""
        named = [self._headings_named_by(word) for word in dict.fromkeys(self._named_words(question))]
        return max((sum(by_word[i] for by_word in named) for i in range(len(self._list_headings))), default=0)

    def _siblings(self, chunk: Chunk) -> list[Chunk]:
        parent = chunk.heading_path[:-1]
        return [
            c
            for c in self._corpus.document(chunk.doc_id).chunks
            if c.kind == "labelled" and c.heading_path[:-1] == parent
        ]

    def _list(
        self,
        message: str,
        lang: str,
        detection: Detection,
        retrieval: Retrieval,
        decision: ScopeDecision,
        asks: frozenset[str],
        question: str,
        how: str,
    ) -> Plan | None:
        if asks == {"place"} and not self._list_heading_words(question):
            # "please list all the links on the page": the list of "Läs mer" lines, not of what they stand under
            # (a document named alone, Arabic "الاستراتيجية" of "the strategic directions", asks no place;
            # "where do I find all the goals?" names the list it wants)
            # "list the links about housing" names one: that link, answered as a question, not the directions
            return self._read_more(message, lang, detection, retrieval, decision, how, listed=True)
        first = next(r.chunk for r in retrieval.ranked if r.chunk.kind == "labelled")
        items = tuple(self._siblings(first))
        if len(items) < 2:
            return None
        heading = first.heading_path[-2] if len(first.heading_path) >= 2 else ""
        part = Part(question, retrieval, decision, first)
        return self._listing(message, lang, detection, part, items, heading, asks, how)

    def _read_more(
        self,
        message: str,
        lang: str,
        detection: Detection,
        retrieval: Retrieval,
        decision: ScopeDecision,
        how: str,
        listed: bool = False,
    ) -> Plan | None:
        """ "where can I read more?", "which documents are linked?": every "Läs mer" line of the page, in
        page order, when the question names none of their topics ("… about housing?" gets its own). `listed`:
        the question asks for all of them ("daj wszystkie linki"), however a passage matches its other words."""
        links = _links(retrieval)
        if not retrieval.ranked or len(links) < 2 or (links[0].fused < retrieval.ranked[0].fused and not listed):
            return None  # a passage answers better, or there is no list
        if how == "followup" and self._words_of_its_own(message):
            return None  # "… och om boende? och näringsliv?": the one topic the follow-up names, not every link
        if _one_link_named(links) and self._names_a_link(message):
            return None
        first = links[0].chunk
        items = tuple(sorted((r.chunk for r in links if r.chunk.doc_id == first.doc_id), key=lambda c: c.start))
        heading = first.heading_path[0] if first.heading_path else ""
        part = Part(retrieval.question, retrieval, decision, first, asks=retrieval.asks)
        return self._listing(message, lang, detection, part, items, heading, retrieval.asks, how)

    def _names_a_link(self, message: str) -> bool:
        """Whether a "Läs mer" line is named by the message's own words, not by its word for the page: "شو هي روابط
        اقرأ المزيد بالصفحة" (which read-more links are on the page?) matches the "(webbsida)" of two lines."""
        kept = [w for w in words(message) if not says(w, PAGE_WORDS_FILE)]
        if len(kept) == len(words(message)):
            return True
        links = _links(self._retrieve(" ".join(kept)))
        return len(links) < 2 or _one_link_named(links)

    # -- clarification ------------------------------------------------------------------------

    def _unclear(self, message: str, retrieval: Retrieval) -> bool:
        """A word or two whose best passages, in different sections, score about the same, and that name no
        section by its heading ("wizja?" names "Vår vision"), nor the page alone."""
        if len(self._coverage.content_words(message)) > 2 or len(retrieval.ranked) < 3:
            return False
        if self._named_section(message) is not None or self._asks_what_the_page_says(message, frozenset()):
            return False  # "what is this page about?" names the page, which opens with its vision
        top = [r for r in retrieval.ranked if r.chunk.kind not in LINE_KINDS][:3]
        sections = {r.chunk.heading_path[:1] for r in top}
        return len(sections) > 1 and top[0].fused - top[2].fused < CLARIFY_MARGIN

    @staticmethod
    def _candidates(retrieval: Retrieval) -> tuple[Chunk, ...]:
        out: list[Chunk] = []
        for r in retrieval.ranked:
            if r.chunk.kind not in LINE_KINDS and r.chunk.heading_path not in [c.heading_path for c in out]:
                out.append(r.chunk)
            if len(out) == 3:
                break
        return tuple(out)

    # -- several questions in one message -----------------------------------------------------

    def _without_restatement(self, question: str, detection: Detection) -> str:
        """The question less a piece restating the one before it ("Mikä on kunnan visio, eli mitä kunta oikein
        tavoittelee?", what is the vision, that is, what does the municipality aim for?), when that one names what is
        asked: the restatement's other words ("aim for") would find other passages (the goals) than the question's."""
        plausible = detection.plausible
        if not says(question, APPOSITION_WORDS_FILE, plausible):
            return question  # most questions: no piece can open with one, and no reading to take
        pieces = _pieces(question, self._dialogue.read(question, plausible), plausible, self._joins_one_thing)
        at, ends = 0, list[int]()
        for piece in pieces or []:
            start = question.find(piece, at)
            at = start + len(piece)
            if (
                ends
                and restates(piece.strip(PIECE_EDGES), plausible)
                and self._coverage.content_words(question[: ends[-1]])
            ):
                return f"{question[: ends[-1]]}{question[at:]}"
            ends.append(at)
        return question

    def _pieces_that_ask(self, question: str, reading: Reading, detection: Detection) -> list[str] | None:
        """The pieces of a message, less those telling only of the writer ("mie olen vanha äijä Vittangista …", I'm
        an old man from Vittangi): no part to answer."""
        pieces = _pieces(question, reading, detection.plausible, self._joins_one_thing)
        if pieces is None:
            return None
        # a piece restating the one before ("Mikä on kunnan visio, eli mitä kunta tavoittelee?", what is the vision,
        # that is, what does the municipality aim for?) asks it again in other words: no part of its own. The piece
        # before names what is asked; one naming nothing ("vad handlar det om, alltså …") is read with it.
        kept: list[str] = []
        for piece in pieces:
            if not (kept and restates(piece.strip(PIECE_EDGES), detection.plausible)):
                kept.append(piece)
            elif not self._coverage.content_words(kept[-1]):
                kept[-1] = f"{kept[-1]} {piece.strip()}"
        pieces = kept
        return [
            p
            for p in pieces
            if self.cues.question_intents(p, detection.plausible) or not self._tells_only_of_oneself(p)
        ]

    def _split(
        self, question: str, reading: Reading, asks: frozenset[str], detection: Detection
    ) -> tuple[tuple[Part, ...] | None, tuple[str, ...]]:
        """The parts of a message joining two or three questions, each with its own quote.

        The message is cut at its conjunctions, commas and sentence ends; consecutive pieces the
        answer would quote the same words for, or with no content word of their own ("… and by
        whom?"), stay together. It is split only when at least two pieces get, in scope, quotes of
        different passages or of different places in one passage. Beside the parts: the pieces no page
        answers ("… and what does the bus cost?"), as written, when the rest is answered.
        """
        pieces = self._pieces_that_ask(question, reading, detection)
        if pieces is None:
            return None, ()
        parts: list[Part] = []
        # `unanswered_at`: the piece last said unanswered (empty pieces, a conjunction's, aside)
        unstated, ruled, reached, unanswered_at = False, False, False, -1
        pieces = [piece for piece in (p.strip(PIECE_EDGES) for p in pieces) if piece]
        unanswered: list[str] = []
        whole, whole_decision = self._look(question)
        # the last piece that asked something itself: "vad är målet för service, boende och kultur?" reads
        # "kultur" in the frame of the goal for service, not of "boende"
        frame = ""
        for i, piece in enumerate(pieces):
            intents = self.cues.question_intents(piece, detection.plausible)
            own = intents & FACT_TYPES
            if not self._coverage.content_words(piece) and not own and (not parts or intents <= parts[-1].asks):
                if parts:  # "… and why?": asks more of the same passage
                    parts[-1] = self._part(
                        f"{parts[-1].question} {piece}", parts[-1].retrieval, parts[-1].decision, asks
                    )
                continue
            line = parts[-1].chunk if parts and parts[-1].chunk and parts[-1].chunk.kind in LINE_KINDS else None
            if line is not None and own and not self._coverage.content_words(piece) and own <= self._offers[line.id]:
                continue  # "vem beslutade om visionen och när?": the decision line, quoted whole, states when too
            retrieval, decision = self._piece_look(
                piece, parts[-1] if parts else None, "" if intents else frame, unanswered[-1] if unanswered else ""
            )
            if not retrieval.ranked:
                continue
            # "… and culture?": asks what the piece before asked (a first piece, what the message asks
            # besides the facts other pieces ask for); "… och vad hette projektet?" asks its own question in
            # a word the page does not use, no count of the project
            topic = all(self._coverage.knows(w) for w in self._coverage.content_words(piece))
            # ... and a piece naming a document keeps saying so: "Jakaś strategia wzrostu?" (any growth strategy?)
            # asks for the strategy the best passage names, not for where to read about another; one asking a
            # person of an office ("… and who is the mayor?") asks what no page states
            piece_asks = (own | intents & KEPT_BESIDE_A_FACT if own else intents) or (
                parts[-1].asks if parts and topic else asks - FACT_TYPES
            )
            decision = self._piece_decision(piece, retrieval, decision, whole_decision, piece_asks)
            by_rule = self._piece_unstated(
                piece,
                piece_asks,
                retrieval,
                unanswered[-1] if unanswered and unanswered_at == i - 1 else None,
                detection,
            ) or (self._unlinked(piece, parts[-1], retrieval) if parts else None)
            # "Wurde das Ziel erreicht? Gibt es Ergebnisse?": results, a follow-up to read, asked after whether it was
            # reached, are that question's, not "Detta arbete resulterade i …"; a "Läs mer" line named is its own part.
            # So are results asked, naming nothing else, before it: "نتیجه‌ش چی شده؟ نمره‌ها بهتر شده؟" (what came of it?
            # have the grades improved?)
            results = self._asks_results(piece, intents, retrieval) and (
                reached or self._reached_after(pieces[i + 1 :], piece, detection.plausible)
            )
            reached = bool(by_rule) and ACHIEVED in piece_asks
            refused = intents and self._refused_outright(piece, decision)
            # "vad kostade visionen, alltså hela Kiruna 2.0?": a piece asking nothing of its own says more of the part
            # just before it, when no page answers that one ("…, mitä kunta haluaa asumisesta ja mitä se sanoo
            # koulutuksesta?" says more of housing, answered)
            says_more = unstated and not intents and unanswered_at == i - 1
            if by_rule or results or says_more or refused:
                # "… and what does the bus cost?": a part no page answers
                unanswered = _with_piece(unanswered, piece, joined=says_more)
                unstated, unanswered_at = True, i
                ruled = ruled or bool(by_rule)
                continue
            part = self._part(piece, retrieval, decision, piece_asks)
            if parts and _same_quote(parts[-1], part):
                if part.decision.in_scope and not parts[-1].decision.in_scope:
                    parts[-1] = part  # "what does the council want with jobs and business": in scope together
                continue  # two pieces, one quote: "kultur och idrott"
            parts.append(part)
            # a bare topic of the page ("boende") keeps the frame; a question of its own ("wie hieß es") is one
            frame = frame if frame and topic and not intents else piece
        parts = self._asked_beside(parts, ruled, question, unanswered, detection.plausible)
        # "… ja mii lea kultuvrra mihttu?" (and the goal for culture?) asks for the goal of the item it names
        by_name = {p.question for p in parts if p.chunk and self._named_item(p.question) == p.chunk.id}
        named = {p.question for p in parts if "goal" in p.asks and p.question in by_name}
        # in a message asking for no fact, a piece naming an item by its heading, or whose passage, clearly
        # first, states the goal it asks ("Mii lea ássama ulbmil ja …"), is sure of it; "where can I read
        # about the plan for traffic and parking?" is one question, whatever goal its pieces find alone
        leading = {p.question for p in parts if _states_what_is_asked(p.retrieval, p.asks)}
        sure = set() if asks & FACT_TYPES else by_name | leading
        answered = _settled([p for p in parts if p.decision.in_scope and p.chunk is not None], whole.ranked[0], named)
        # two quotes at least: of two passages, or of two places in one ("when did it start, and why?"); or
        # the one part the page answers beside a part no page does
        if len({(p.chunk.id, p.span()) for p in answered if p.chunk is not None}) < 2:
            return _beside_the_unanswered(answered, unanswered, unstated, ruled)
        # each passage is one the whole message ranks near the top: "resor och förbindelser med resten av
        # världen" is one topic, whatever its pieces alone land on, unless the piece is sure of its own
        near = {r.chunk.id for r in whole.ranked[: len(answered) + NEAR_EXTRA]}
        if any(
            p.chunk is not None and p.chunk.kind not in LINE_KINDS and p.chunk.id not in near and p.question not in sure
            for p in answered
        ):
            return None, ()
        return tuple(answered), tuple(unanswered)

    def _with_the_unanswered(self, piece: str, unanswered: str | None) -> str | None:
        """ "Was steht in der lokalen Wachstumsstrategie drin und wann wurde sie beschlossen?": a piece naming nothing
        but what it asks is read with the unanswered piece just before it, which named what it asks of."""
        if unanswered is None or self._words_of_its_own(piece):
            return None
        return f"{unanswered} {piece}"

    def _piece_unstated(
        self,
        piece: str,
        asks: frozenset[str],
        retrieval: Retrieval,
        just_before: str | None,
        detection: Detection,
    ) -> str | None:
        """What a piece asks no page states. "… och vem vann Melodifestivalen?": a question of its own the scope model
        refuses outright. `just_before`: the unanswered piece just before it, which may name what a piece naming
        nothing itself asks of: a document ("die lokale Wachstumsstrategie … wann wurde sie beschlossen?"), not what
        that piece asked ("what did the vision cost and when was it adopted?" asks no cost of the decision)."""
        if unstated := self._unstated(piece, asks, retrieval):
            return unstated
        if asks_in_words(piece) and (elsewhere := _of_one_not_named(piece, asks, self._asked_after_telling)):
            return elsewhere
        read_with = self._with_the_unanswered(piece, just_before)
        if read_with is None:
            return None
        named = self.cues.question_intents(read_with, detection.plausible) & {DOCUMENT}
        return self._unstated(read_with, asks | named, retrieval)

    def _reached_after(self, later: Sequence[str], piece: str, plausible: tuple[str, ...]) -> bool:
        """A piece naming nothing of the page but results ("what came of it?") before one asking whether something
        was reached; "what did the working groups result in?" the page answers whatever is asked after it."""
        if ACHIEVED not in self.cues.question_intents(" ".join(later), plausible):
            return False
        return not any(
            self._coverage.knows(w) and "outcome" not in self.cues.question_intents(w, plausible)
            for w in self._coverage.content_words(piece)
        )

    def _asks_results(self, piece: str, intents: frozenset[str], retrieval: Retrieval) -> bool:
        """A piece asking only for results or where to read them, naming no item and no "Läs mer" line: after whether
        something was reached, of that same thing."""
        return intents <= RESULTS_OF_REACHING and not self._named_items(piece) and not _link_named(retrieval)

    def _asked_beside(
        self, parts: list[Part], ruled: bool, question: str, unanswered: list[str], langs: Sequence[str]
    ) -> list[Part]:
        """ "Mun lapset pelaa jääkiekkoa … tavoitteessa sanotaan että …, mitä konkreettisia hankkeita kunnalla on?":
        what a resident tells beside a question no page answers (`ruled`) is no part of its own, where the message
        marks its questions or asks the unanswered in words ("Kerro mitä konkreettisia hankkeita …"); "ስትራተጂ ትራፊክን
        … ኣበይ ክረኽቦ እኽእል" marks none, and asks in each piece."""
        asked = _has_mark(question) or any(
            asks_in_words(" ".join(words(piece)[:OPENING_WORDS]), langs) for piece in unanswered
        )
        return [p for p in parts if not (ruled and asked and self._tells(p.question, langs))]

    def _tells(self, piece: str, langs: Sequence[str]) -> bool:
        """A piece that asks nothing: no question mark, and no word that asks a fact or requests among its first
        words ("tavoitteessa sanotaan että …", the goal says that …; "Mun ledjen okta dain geat čálle …", I was one of
        those who wrote …; not "I want to know the housing goal", nor "när antogs den")."""
        opening = " ".join(words(piece)[:TELLING_OPENING])
        asked = self.cues.question_intents(opening, langs)
        facts = asked & FACT_TYPES - ({"place"} if DOCUMENT in asked else frozenset())
        return not _has_mark(piece) and not facts and not asks_in_words(opening, langs)

    def _with_glued_ands(self, reading: Reading, detection: Detection) -> Reading:
        """The reading with one more conjunction for each Arabic-script "و" (and) glued to a question word:
        "… ومين نشر الصفحة؟" (… and who published the page?) opens a part, with the colloquial question
        words the conjunction cues do not list too; and after each but the last of Tigrinya's words
        joined by "-ን … -ን" ("መንበሪ ገዛን … ባህልን", housing and culture)."""
        glued = {
            (i, i + 1, detection.lang)
            for i, token in enumerate(reading.tokens)
            if i > 0
            and len(token) > 2
            and token[0] == CLITIC_AND
            and (
                self.cues.question_intents(token[1:], detection.plausible)
                # "ماذا تقول البلدية عن التعليم وعن سوق العمل؟" (… about education and about the labour market?): the
                # little word before the first topic, said again with "و" before the second
                or (token[1:] in reading.tokens[:i] and not self._coverage.content_words(token[1:]))
            )
        }
        if "ti" in detection.plausible:
            joined = [i for i, token in enumerate(reading.tokens) if self._joined_by_and(token)]
            glued |= {(i, i + 1, "ti") for i in joined[:-1]} if len(joined) > 1 else set()
        return replace(reading, conjunctions=tuple(sorted({*reading.conjunctions, *glued}))) if glued else reading

    def _joined_by_and(self, token: str) -> bool:
        """A Tigrinya word with the "-ን" of "A-ን B-ን" (A and B): a word of the page's without it ("ኮሙን",
        municipality, ends so itself)."""
        return (
            len(token) >= MIN_JOINED
            and token[-1] == SUFFIXED_AND
            and is_ethiopic(token)
            and self._coverage.knows_stem(token[:-1])
        )

    def _refused_outright(self, piece: str, decision: ScopeDecision) -> bool:
        """A piece the scope model refuses with room to spare, naming at least two things (beside words that
        ask or greet), one of them a word the page lacks: it is said unanswered, not dropped. A rephrased
        question of the page's own ("… och vad hette projektet?") sits nearer the line; a cue and one word
        the thesaurus misses (Somali "Imisa kooxood", how many groups) may be the page's still."""
        named = self._words_not_asking(piece)
        return (
            not decision.in_scope
            and decision.margin < -PIECE_NEAR_SCOPE
            and len(named) >= SHORT_WORDS
            and not all(self._coverage.knows(w) for w in named)
        )

    def _piece_decision(
        self, piece: str, retrieval: Retrieval, decision: ScopeDecision, whole: ScopeDecision, asks: frozenset[str]
    ) -> ScopeDecision:
        """A piece the scope model refuses is the page's when a line states what it asks, or when the
        whole message is in scope and the piece asks only what the page says of itself, or its passage, clearly
        first, states the fact or goal asked, or the count of what a sentence counts."""
        if decision.in_scope:
            return decision
        if self._line_answers(retrieval, asks):
            return ScopeDecision(True, f"a line states what was asked; {decision.reason}", decision.score)
        if whole.in_scope and self._asks_the_page_of_itself(piece, asks, retrieval):
            # "ناشر صفحه کیه و …" (the page's publisher, and …): only the words asking who published it
            return ScopeDecision(True, f"asks only what the page says of itself; {decision.reason}", decision.score)
        if whole.in_scope and decision.margin >= -PIECE_NEAR_SCOPE and _states_what_is_asked(retrieval, asks):
            # "wann fing das projekt an, …": the scope model, reading the piece alone, sits at its line
            return ScopeDecision(True, f"its passage states the fact asked; {decision.reason}", decision.score)
        if whole.in_scope and self._counts_the_counted(piece, asks, retrieval):
            # "… ja man galle bargojoavkku ledje?" (and how many working groups were there?)
            return ScopeDecision(True, f"asks how many of what a sentence counts; {decision.reason}", decision.score)
        return decision

    def _piece_look(
        self, piece: str, before: Part | None, frame: str = "", unanswered: str = ""
    ) -> tuple[Retrieval, ScopeDecision]:
        """A piece's retrieval; a short one read with the piece before it, in the frame that piece was read in."""
        retrieval, decision = self._look(piece)
        if before is None and unanswered and self._where_it_is(piece):
            # "when was the business strategy adopted, and where can I read it?": the piece before is no part the page
            # answers, yet "it" is its subject (the words it names, a document's among them)
            subject = self._coverage.content_words(unanswered)
            return self._look(f"{piece} {' '.join(subject)}") if subject else (retrieval, decision)
        if before is None or len(self._coverage.content_words(piece)) > SHORT_WORDS:
            return retrieval, decision
        # "Was ist das Ziel für Verkehr, wo kann ich mehr dazu lesen": the link under the section the piece before was
        # answered from, not the link its few words lie nearest
        item = self._read_more_of(piece, before)
        if item is not None and _links_under(retrieval, item):
            # in scope as the two pieces read together are: "جایی هست که بیشتر دربارش بخونم؟" alone names nothing
            joint = decision if decision.in_scope else self._look(f"{before.question} {piece}")[1]
            return _with_first(retrieval, item.id), joint
        own = self._words_of_its_own(piece)
        if any(self._coverage.knows(w) for w in own) and self.cues.question_intents(piece) & FACT_TYPES:
            # "… and how many working groups were there?" asks its own of what it names; "… و کجا میتونم بیشتر
            # دربارش بخونم" (and where can I read more about it?) names nothing the page has
            return retrieval, decision
        # the topic of the piece before, not what it asked ("purpose" would make the piece ask why)
        asked = self.cues.table.cue_words(before.question)
        subject = [w for w in self._coverage.content_words(before.question) if w not in asked]
        repeats = (
            bool(retrieval.ranked) and before.chunk is not None and retrieval.ranked[0].chunk.id == before.chunk.id
        )
        if subject and not own and repeats:
            # "… och hur ska ni nå den?": a question of its own about the piece before's subject, which
            # alone would only find the passage just quoted
            return self._look(f"{piece} {' '.join(subject)}")
        # "… boende och kultur?": "kultur" in the frame of the piece before it
        return self._in_frame(piece, before, retrieval, decision, frame)

    def _unlinked(self, piece: str, before: Part, retrieval: Retrieval) -> str | None:
        """ "What is the goal for culture, and where can I read more about it?": the page links to more only under
        some directions; of one it does not, where to read more is a part the page leaves unanswered, not another
        direction's link."""
        item = self._read_more_of(piece, before)
        if item is None or item.kind not in ITEM_KINDS or _links_under(retrieval, item):
            return None
        return "where to read more of a direction the page links nothing under"

    def _read_more_of(self, piece: str, before: Part) -> Chunk | None:
        """The passage the piece before was answered from, when this piece asks only where to read more of it, naming
        nothing of its own."""
        item = before.chunk
        if item is None or not self._where_it_is(piece) or self._names_its_own(piece):
            return None
        return item

    def _names_its_own(self, piece: str) -> bool:
        """Whether a piece names an item, or the topic of a link, of its own ("… وأين أقرأ عن استراتيجية المرور؟", and
        where do I read about the traffic strategy?, names the strategy's link clearly first), not only the words of
        reading more ("wo kann ich mehr dazu lesen" finds every link alike)."""
        links = [r for r in self._look(piece)[0].lines if r.chunk.kind == "link"]
        return bool(self._named_items(piece)) or _leads(links, TOPIC_MARGIN)

    def _where_it_is(self, piece: str) -> bool:
        """Asks where to find what it points at ("… and where can I read it?"), and nothing else."""
        return self._dialogue.read(piece).reference and self.cues.question_intents(piece) == {"place"}

    def _in_frame(
        self,
        piece: str,
        before: Part,
        alone: Retrieval,
        decision: ScopeDecision,
        frame: str = "",
    ) -> tuple[Retrieval, ScopeDecision]:
        """A short piece after another, read as a follow-up of it: a new topic in its frame."""
        if before.chunk is None or not alone.ranked or alone.ranked[0].chunk.id == before.chunk.id:
            return alone, decision
        if decision.margin < -PIECE_FAR_OUT:
            return alone, decision  # "när antogs visionen och vad kostar bussen?": no frame makes it the page's
        together, joint = self._look(f"{frame or before.question} {piece}")
        named = bool(self._words_of_its_own(piece))
        return follow_on(alone, together, (before.chunk.id,), named), decision if decision.in_scope else joint


def _somali_relative(tokens: Sequence[str], i: int, j: int, lang: str) -> bool:
    """Somali "oo" whose clause ends in "ah" within a few words is no "and" but a relative clause: "immisa qof oo
    deegaanka ah …" (how many people who are local …) asks one question. So is one the focus marker "ayaa" closes,
    no question word between ("immisa qof oo deggan ayaa ka qayb qaatay?", how many residents took part?): the
    words before "ayaa" are one noun phrase; "… oo goorma ayaa la ansixiyay?" (and when was it adopted?) asks anew."""
    if lang != "so" or tokens[i] != "oo":
        return False
    clause = tokens[j : j + SOMALI_RELATIVE_WORDS + 1]
    if SOMALI_RELATIVE_END in clause:
        return True
    if SOMALI_FOCUS not in clause:
        return False
    return not asks_in_words(" ".join(clause[: clause.index(SOMALI_FOCUS)]), ("so",))


def _within(inner: Sentence, outer: Sentence) -> bool:
    return inner.chunk_id == outer.chunk_id and outer.start <= inner.start and inner.end <= outer.end


def _pieces(
    question: str, reading: Reading, plausible: Sequence[str], said: Callable[[Sequence[str]], bool]
) -> list[str] | None:
    """The message cut at its conjunctions, commas and sentence ends (None: nowhere to cut safely).

    A conjunction between two words of one thing ("kultur och idrott", which the page says; Persian
    "کسب و کار", business) is no cut point (`said`)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(question)]
    tokens = reading.tokens
    if len(spans) != len(tokens):
        return None  # folding changed the words: no safe way to map cut points back
    # a conjunction of a language the message could be in ("i" is "and" in Polish, not in English)
    cuts = [
        _cut(question, spans, i, j)
        for i, j, lang in reading.conjunctions
        if lang in plausible
        and not (i > 0 and j < len(tokens) and said(tokens[i - 1 : j + 1]))
        and not _somali_relative(tokens, i, j, lang)
    ]
    cuts += [(m.start(), m.end()) for m in _COMMA.finditer(question)]
    cuts += [(m.start(), m.end()) for m in _sentence_ends(question)]
    # one cut point once, however many languages' conjunctions find it ("ja" is Finnish and Meänkieli "and")
    cuts = sorted({c for c in cuts if c[0] > 0})
    if not cuts or len(cuts) > MAX_SPLITS:
        return None
    pieces, at = [], 0
    for start, end in cuts:
        if start >= at:
            pieces.append(question[at:start])
            at = end
    pieces.append(question[at:])
    return pieces


# Tigrinya's "and" follows the first word of the clause it joins.
POSTPOSITIVE_AND = frozenset({"ድማ", "ከኣ"})
# ... or ends each of the words it joins ("ትምህርትን መጓዓዝያን", education and transport: `SUFFIXED_AND`), each
# at least this many letters long.
MIN_JOINED = 3


def _beside_the_unanswered(
    answered: list[Part], unanswered: list[str], unstated: bool, ruled: bool
) -> tuple[tuple[Part, ...] | None, tuple[str, ...]]:
    """Fewer than two quotes: the one part the page answers beside the pieces no page does; or none, when a
    piece asks what no page states (`ruled`: a cost, a count, a view …) and every other piece is unanswered
    with it. Pieces only the scope model refuses ("من تازه به کیرونا اومدم", I just came to Kiruna) leave the
    whole message to be judged whole."""
    if not unstated or (not ruled and not answered):
        return None, ()
    return tuple(answered[:1]) or None, tuple(unanswered)


def _stated_apart_from_lists(ranked: list[ScoredChunk], heading_words: int, asks: frozenset[str]) -> bool:
    """ "What were all the purposes of the seminar?": a passage of no list, far ahead, states it in a sentence.
    Not "how many strategic directions are there?", which the page's "de nio …" does not answer, nor a
    question naming a list by its heading."""
    return (
        heading_words < LIST_HEADING_WORDS
        and "count" not in asks
        and bool(ranked)
        and ranked[0].chunk.kind != "labelled"
        and bool(ranked[0].typed_sentences)
        and _leads(ranked, TOPIC_MARGIN)
    )


def _of_one_not_named(question: str, asks: frozenset[str], asked_of: Callable[[str], str]) -> str | None:
    """ "What does Gällivare's vision say?", "Tekeekö Kiiruna yhteistyötä Pajalan kommuunin kans?" (does Kiruna
    work with Pajala?), "Did LKAB fund the vision?": the page is Kiruna kommun's and names no other town and
    no company or agency, nor the town's move and the demolitions it brings ("millon se kaupungin siirto on
    valmis", when is the town's move done?), which residents ask of most and the vision never mentions;
    quoting the vision would answer of them as if the page spoke of them. A name in a remark beside the question
    is the resident's ("I study in Umeå. When did Kiruna 2.0 start?", "jag jobbar på LKAB, vad är målet för
    näringslivet?"): only the clauses that ask are read, the last and any a word asks in ("why does the town
    have to move, and who decided that?"); of a clause joined to the resident's word of themselves, what it asks
    (`asked_of`: "Meän tyttö opiskelee Luulajassa ja hän kysyi mihin aloihin tutkimuksen pittää keskittyä?", our
    daughter studies in Luleå and asked which fields research should focus on)."""
    sentences = _sentences(question)
    # a word or two asks of what it names ("mine relocation", "LKAB"), with no word that asks
    short = len(words(question)) <= SHORT_WORDS
    asking = [text for text, asked in sentences if asked] or ([sentences[-1][0]] if asks or short else [])
    clauses = [asked_of(c) for text in asking for c in _asking_clauses(text)]
    if any(says(clause, NOT_NAMED_FILE) for clause in clauses):
        return "of a town, a body, an event or a queue the page does not name"
    return None


def _asking_clauses(text: str) -> list[str]:
    """A sentence's last clause, and those before it a word asks in."""
    *before, last = _CLAUSE_MARK.split(text)
    return [*(c for c in before if asks_in_words(c)), last]


def _sentences(text: str) -> list[tuple[str, bool]]:
    """The sentences of a text, each with whether a question mark ends it."""
    out, at = [], 0
    for end in _sentence_ends(text):
        out.append((text[at : end.start()], any(m in end.group() for m in QUESTION_MARKS)))
        at = end.end()
    last = text[at:].rstrip()
    body = last.rstrip(SENTENCE_MARKS)
    out.append((body, any(m in last[len(body) :] for m in QUESTION_MARKS)))
    return out


def _clauses(text: str) -> list[str]:
    """A message cut into its sentences (`_sentences`) and those at their commas (`_CLAUSE_MARK`): where a question
    word would open a question."""
    return _clauses_of(sentence for sentence, _ in _sentences(text))


def _clauses_of(sentences: Iterable[str]) -> list[str]:
    """Sentences cut at their commas."""
    return [c for sentence in sentences for c in _CLAUSE_MARK.split(sentence) if c.strip()]


def _asks_by_its_form(message: str, reading: Reading) -> bool:
    """A question mark, a follow-up's opening, a list asked for or a language named: a message no remark, thanks
    or praise is, whatever its words."""
    return _has_mark(message) or reading.followup or reading.wants_list or reading.language_named is not None


def _cut(question: str, spans: list[tuple[int, int]], i: int, j: int) -> tuple[int, int]:
    """Where a conjunction cue cuts: its words, or only the "و" of one glued to the question word
    it opens ("وما هو …", "ومتى …": the question word stays with its part)."""
    start, end = spans[i][0], spans[j - 1][1]
    if j - i == 1 and i > 0 and question[start:end] in POSTPOSITIVE_AND:
        before = spans[i - 1][0]  # "መን ድማ ኣሕቲምዎ" ("and who published it"): the part opens a word earlier
        return before, before
    if j - i == 1 and end - start > 1 and question[start] == CLITIC_AND:
        return start, start + 1
    if j - i == 1 and end - start > 2 and question[end - 1] == SUFFIXED_AND and is_ethiopic(question[start:end]):
        return end, end  # "መንበሪ ገዛን ብዛዕባ ባህልን": the "-ን" stays on its word, the next part opens after it
    return start, end


def _settled(parts: list[Part], top: ScoredChunk, named: set[str]) -> list[Part]:
    """Parts unsure between their own best passage and the whole message's best take the latter:
    in "anything on culture and sport?", "culture" alone is nearly the interpretation's "many cultures".
    A part asking for the goal of the item it names (its question in `named`) is sure."""
    out: list[Part] = []
    for p in parts:
        ranked = p.retrieval.ranked
        own_best = p.chunk is not None and len(ranked) > 1 and p.chunk.id == ranked[0].chunk.id != top.chunk.id
        part = p
        if (
            own_best
            and p.question not in named
            and not p.asks & FACT_TYPES
            and ranked[1].chunk.id == top.chunk.id
            and not _leads(ranked, TOPIC_MARGIN)
            # "how was the vision drawn up, and how is it reached?": its section answers the first part
            and not (p.asks & DISTINCT_SECTIONS & ranked[0].answer_types) - ranked[1].answer_types
        ):
            second = ranked[1]
            part = Part(p.question, p.retrieval, p.decision, second.chunk, second.typed_sentences, asks=p.asks)
        if not any(_same_quote(o, part) for o in out):
            out.append(part)
    return out


def _may_split(question: str, reading: Reading, how: str) -> bool:
    """A new question with a comma, a second sentence or a conjunction may be several parts."""
    cut = _COMMA.search(question) or _sentence_ends(question) or reading.conjunctions
    return how == "standalone" and bool(cut)


def _unsettled_finnic(plan: Plan, ui_lang: str | None, context: Context | None) -> bool:
    """Finnish by default only: the text has neither language's marks, and neither the widget's language nor
    the conversation's is Finnish or Meänkieli. A request for a language settles it ("suomeksi")."""
    return (
        plan.lang == "fi"
        and "fit" in plan.detection.plausible
        and plan.reading != "language"
        and ui_lang not in RELATIVES
        and (context is None or context.lang not in RELATIVES)
    )


def _beside_a_loan(reading: Reading, detection: Detection, langs: tuple[str, ...]) -> str | None:
    """The one language the detector reads a message in, where the small-talk words of another are few among its
    words: a loan ("copy paste") sets no language. English small talk is the world's loan, however many of the
    message's words it takes ("Mahadsanid walaal, thank you so much")."""
    talk = reading.smalltalk
    few = talk is not None and (talk.share < SMALLTALK_SHARE or langs == (ENGLISH,))
    return detection.lang if few and detection.lang not in langs and detection.plausible == (detection.lang,) else None


def _reads_as(lang: str, plausible: tuple[str, ...]) -> bool:
    """Whether text the detector reads as `plausible` may be in `lang`: a Finnish example ("oletko ihminen
    vai robotti") stands for Meänkieli too, whose tables list fewer of the words both languages say."""
    return lang in _may_be_in(plausible)


def _has_mark(text: str) -> bool:
    """Whether a text carries a question mark of any script ("?", "؟", "፧")."""
    return not set(QUESTION_MARKS).isdisjoint(text)


def _may_be_in(plausible: tuple[str, ...]) -> frozenset[str]:
    """The languages text the detector reads as `plausible` may be in: Finnish and Meänkieli stand for each other."""
    return frozenset(plausible) | (RELATIVES if not RELATIVES.isdisjoint(plausible) else frozenset())


def _in_any(langs: Sequence[str], plausible: tuple[str, ...]) -> bool:
    """Whether text the detector reads as `plausible` may be in one of `langs` (`_reads_as`)."""
    return any(_reads_as(lang, plausible) for lang in langs)


def _links_under(retrieval: Retrieval, item: Chunk) -> bool:
    """Whether the page has a "Läs mer" line under a passage's heading, among a retrieval's lines."""
    return any(_its_link(r, item.heading_path) for r in retrieval.lines)


def _its_link(line: ScoredChunk, section: tuple[str, ...]) -> bool:
    return line.chunk.kind == "link" and line.chunk.heading_path[: len(section)] == section


def _about_another_section(line: ScoredChunk, ranked: list[ScoredChunk], wanted: frozenset[str]) -> bool:
    """A question asking only who (or when) is clearly about another section than the one a line stands under.

    The decision line stands under "Vår vision": it says who adopted the vision, not who led the
    project "Hur gjorde vi?" tells of. A question asking for a decision asks for that line wherever
    its words lead ("when did the council adopt the vision?" shares "kommunfullmäktige" with the
    project's seminar). Lines about the page itself stand under no section.
    """
    own = line.chunk.heading_path[:1]
    if (
        wanted & line.answer_types - STATED_BY_ANY_LINE
        or not own
        or not ranked
        or ranked[0].chunk.heading_path[:1] == own
    ):
        return False
    nearest = max((r.fused for r in ranked if r.chunk.heading_path[:1] == own), default=float("-inf"))
    return ranked[0].fused - nearest >= TOPIC_MARGIN


def _states_what_is_asked(retrieval: Retrieval, asks: frozenset[str]) -> bool:
    """The best passage, clearly ahead, offers a fact or the goal the question asks for ("hadafka guryaha
    iyo …", the goal for housing and …)."""
    ranked = retrieval.ranked
    wanted = asks & (FACT_TYPES | {"goal"})
    return bool(ranked) and bool(wanted & ranked[0].answer_types) and _leads(ranked, TOPIC_MARGIN)


def _said_only_by_a_line(retrieval: Retrieval) -> ScoredChunk | None:
    """The "read more" line that alone speaks of what a question names, when no passage does."""
    links = _links(retrieval)
    if not links or not retrieval.ranked:
        return None
    line = max(links, key=lambda r: r.lexical)
    passages = max(r.lexical for r in retrieval.ranked[:FACT_CANDIDATES])
    leads = line.fused - retrieval.ranked[0].fused >= TOPIC_MARGIN
    return line if leads and line.lexical >= LINE_ALONE * passages else None


def _link_named(retrieval: Retrieval) -> bool:
    """One "Läs mer" line, clearly ahead of every passage and of the other links, is what a question names
    ("bostadsprogrammet" of "Läs mer om vårt bostadsförsörjningsprogram")."""
    links = _links(retrieval)
    if not links or not retrieval.ranked or links[0].fused - retrieval.ranked[0].fused < TOPIC_MARGIN:
        return False
    return _one_link_named(links)


def _links(retrieval: Retrieval) -> list[ScoredChunk]:
    """The "Läs mer" lines among a retrieval's lines, best match first."""
    return [r for r in retrieval.lines if r.chunk.kind == "link"]


def _one_link_named(links: list[ScoredChunk]) -> bool:
    """The best link's topic is what the question names: it matches the question's words clearly better than
    the next link does ("… om boende?" names the housing programme's line, "where can I read more?" none)."""
    return len(links) == 1 or links[0].lexical >= LINK_NAMED * links[1].lexical


def _years(text: str) -> frozenset[int]:
    """The years a text writes in digits of any script ("2013", "۲۰۱۳")."""
    return frozenset(int(y) for y in _YEAR.findall(text))


def _leads(ranked: list[ScoredChunk], margin: float) -> bool:
    return len(ranked) < 2 or ranked[0].fused - ranked[1].fused >= margin


def _same_quote(a: Part, b: Part) -> bool:
    """Two parts the answer would quote the same words for."""
    if a.chunk is None or b.chunk is None:
        return a.chunk is b.chunk
    return a.chunk.id == b.chunk.id and a.not_stated == b.not_stated and a.span() == b.span()


def _a_compounds_head(word: str, heading_words: Collection[str]) -> bool:
    """Whether a word, long enough to be one of its own, ends a longer word of a heading ("suorggit" of
    "vuoruhansuorggit"): the head of a compound names what the compound does."""
    return len(word) >= COMPOUND_HEAD and any(len(w) > len(word) and w.endswith(word) for w in heading_words)


def _fact_of(own: frozenset[str], last: frozenset[str]) -> frozenset[str]:
    """What a fact asked after an answer is about: "and when?" after "who adopted the vision?" asks when
    of the decision; "and when was it changed?" after "who published the page?" names its own line. "And by
    whom?" after when the page last changed asks a person the page names only in its by-line: it says who
    published the page, not who changed it; and "and when?" after who published it asks the one date it gives of
    itself, its last change."""
    if own & TALKED_ABOUT:
        return own
    about = last & TALKED_ABOUT
    if "person" in own and about == {"updated"}:
        about = frozenset({"published"})
    elif "time" in own and about == {"published"}:
        about = frozenset({"updated"})
    return own | about


def _kin_to_any(forms: Collection[str], words: Collection[str]) -> bool:
    """Whether a word's stemmed forms are kin to any of the stemmed words (an item's or a heading's).
    Kin words begin alike (`KIN_START` letters at least): comparing those first spares most calls."""
    return any(w[:KIN_START] == a[:KIN_START] and kin(a, w) for a in forms for w in words)


# Letters of one of the two in Arabic script: Persian's "ی", "ک", "پ", "چ", "ژ", "گ"; Arabic's "ي", "ك", "ة", "ى".
_PERSIAN_LETTERS = frozenset("\u06cc\u06a9\u067e\u0686\u0698\u06af")
_ARABIC_LETTERS = frozenset("\u064a\u0643\u0629\u0649")


def _arabic_or_persian_letters(text: str) -> str | None:
    """ "ar" or "fa" when a text has letters of only one of them; None when it has none, or both."""
    persian = any(ch in _PERSIAN_LETTERS for ch in text)
    arabic = any(ch in _ARABIC_LETTERS for ch in text)
    if persian == arabic:
        return None
    return "fa" if persian else "ar"


def _with_piece(pieces: list[str], piece: str, joined: bool) -> list[str]:
    """The pieces no page answers, with this one; one saying more of the last ("…, alltså hela Kiruna 2.0")
    joins it."""
    if joined and pieces:
        return [*pieces[:-1], f"{pieces[-1]}, {piece}"]
    return [*pieces, piece]


def _with_lang(context: Context | None, lang: str) -> Context:
    if context is None:
        return Context(lang)
    return Context(lang, context.question, context.chunks, context.items, context.asks)


def _replace_reading(plan: Plan, message: str, reading: str, detection: Detection) -> Plan:
    """The last question's plan, answered again for this message: its words, how it was read, and the detector's
    reading of it ("can you say that in english please?" is English, whatever the last question's language)."""
    return replace(plan, message=message, reading=reading, detection=detection)


def _given_stating(retrieval: Retrieval, context: Context, wanted: frozenset[str]) -> str | None:
    """The passage just given that states as much of a fact asked as any passage or line does, itself or in a
    line under its heading: "och när beslutades det?" after how the vision was made asks the decision's date,
    which only the vision's line states, and "who published it?" after the vision asks the page's by-line."""
    lines = retrieval.lines

    def stated(types: frozenset[str]) -> int:
        return len(wanted & types)

    most = max((stated(r.answer_types) for r in [*retrieval.ranked, *lines]), default=0)
    if not most:
        return None
    for r in retrieval.ranked:
        if r.chunk.id in context.chunks and (
            stated(r.answer_types) == most
            or any(
                stated(line.answer_types) == most and line.chunk.heading_path == r.chunk.heading_path for line in lines
            )
        ):
            return r.chunk.id
    return None


def _asks_of_languages(message: str, reading: Reading, detection: Detection) -> bool:
    """What the bot can do, asked with a language named ("kan du finska eller ska jag skriva på svenska?") or the word
    for language ("بأي لغات تستطيع أن تجيب؟", in which languages can you answer?), asks of the bot's languages."""
    return reading.language_named is not None or says(message, LANGUAGE_WORDS_FILE, detection.plausible)


def _opens_with_an_asking_word(text: str) -> bool:
    """Whether a text's first word asks ("what does it actually say"); its first two may only tell ("I was …")."""
    return asks_in_words(" ".join(words(text)[:1]))


def _a_sentence_before(message: str, question: str) -> bool:
    """Whether what stands before a question ending the message is a sentence of its own."""
    opening = message[: len(message) - len(question)].rstrip() if message.endswith(question) else ""
    return bool(opening) and opening[-1] in SENTENCE_MARKS


def _with_first(retrieval: Retrieval, chunk_id: str) -> Retrieval:
    """The retrieval with that passage first (as it was, when the passage is first already or not there)."""
    ranked = retrieval.ranked
    first = next((r for r in ranked if r.chunk.id == chunk_id), None)
    if first is None or first is ranked[0]:
        return retrieval
    return replace(retrieval, ranked=[first, *(r for r in ranked if r is not first)])


def _opening_first(retrieval: Retrieval) -> Retrieval:
    """What the best passage's page opens with (its vision), first: not whichever passage a question's few
    words about the page lie nearest."""
    doc = retrieval.ranked[0].chunk.doc_id
    return _with_first(
        retrieval, min((r.chunk for r in retrieval.ranked if r.chunk.doc_id == doc), key=lambda c: c.start).id
    )


def _versioned_names(corpus: Corpus) -> dict[str, str]:
    """A version number the page writes in one passage only ("2.0" of "Kiruna 2.0") -> that passage."""
    seen: dict[str, set[str]] = {}
    for chunk in corpus.chunks():
        if chunk.kind not in LINE_KINDS:
            for number in VERSION_NUMBER.findall(chunk.text):
                seen.setdefault(number, set()).add(chunk.id)
    return {number: next(iter(ids)) for number, ids in seen.items() if len(ids) == 1}


# The decision line's "§ 68" is its paragraph: "§", or a word for paragraph, in a question asks that number
PARAGRAPH_WORDS = ("paragraf", "paragraph", "pykal", "qodob", "بند", "ماده", "параграф", "пункт", "paragrahv")


def _names_the_paragraph(question: str) -> bool:
    return "§" in question or any(w.startswith(PARAGRAPH_WORDS) for w in words(question))


def _with_pairs(tokens: list[str]) -> set[str]:
    """A text's words, and each two in a row ("نظر تو", your view): the word lists' entries of two words."""
    return set(tokens) | {f"{a} {b}" for a, b in pairwise(tokens)}


def _at_a_loss_in_swedish(reading: Reading, detection: Detection) -> bool:
    """ "en ymmärrä ruotsia, liian vaikee", "ما فهمت شي، انا ما بعرف سويدي" (I don't understand Swedish): a call for
    help naming the page's language, written in another, complains of the quotes' Swedish; it asks for no Swedish."""
    helpless = reading.smalltalk is not None and reading.smalltalk.category == "help"
    # "Vastaa ruotsiksi, en ymmärrä hyvin" (answer in Swedish, I don't understand well) asks for it in a request's
    # own words, in a clause of its own
    asked = reading.request_apart is not None
    return helpless and not asked and reading.language_named == SOURCE_LANGUAGE and detection.lang != SOURCE_LANGUAGE


def _unshouted(message: str) -> str:
    """ "IMMISA KOOX SHAQO AYAA JIRAY" read as typed in lower case: the embedding model is cased, and reads
    a word in capitals as another word (that message was refused; in lower case it is answered)."""
    cased = [c for c in message if c.lower() != c.upper()]
    return message.lower() if len(cased) >= SHOUTED_LETTERS and all(c.isupper() for c in cased) else message


__all__ = ["FACT_TYPES", "Part", "Plan", "ScoredChunk", "Understander"]
