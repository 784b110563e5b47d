"""What a message does in a conversation, read from the conversation cues (`dialogue_cues/`).

A message may be small talk (a greeting, thanks, "what can you answer?"), ask to hear the last
answer in another language ("in English please"), point at an item of the last list ("the fourth
one"), follow up elliptically ("and for culture?"), refer back ("when was it decided?"), ask for
a list, or join two questions ("… and …"). These are types of message, not topics, and the cue
tables list how people write them in each supported language (written from general knowledge of
the languages, without any question set: see `dialogue_cues/README.md`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bot.chat.cues import (
    CLITIC_AND,
    MIN_SUFFIXED,
    WHAT_ABOUT_SUFFIXES,
    CueTable,
    Match,
    is_ethiopic,
    read_cue_dir,
    split_clitics,
    without_suffixed_ands,
    word_marks,
    written_words,
)
from bot.chat.question_types import REGARDING, VERSION_NUMBER
from bot.chat.word_tables import discourse_words
from bot.language.supported import LANGUAGES
from index.analysis import words

DEFAULT_DIALOGUE_CUES_DIR = Path(__file__).with_name("dialogue_cues")
# Small talk categories, the first that matches names the reply ("hi, are you a bot?" is identity).
SMALLTALK = ("identity", "capabilities", "help", "thanks", "goodbye", "greeting")
# small talk asking of the bot, read with a word typed inside its cues too ("puhunko nyt ihmisen vai koneen kanssa?");
# a greeting's words with another between them may say something else ("ma ka fiican tahay …", is it better than …)
GAPPED_TALK = ("identity", "capabilities", "help")
# how many times more another language's tables may use a word typed inside a cue ("nyt": Meänkieli 16, Finnish 14;
# "sie": Meänkieli 182, Finnish 1)
GAP_AT_HOME = 4
# "the next one" points at the item after the one just answered (`NEXT`)
NEXT = 0
ORDINALS = {f"ordinal_{n}": n for n in range(1, 10)} | {"ordinal_last": -1, "ordinal_next": NEXT}
LANGUAGE_CUES = {f"lang_{code}": code for code in LANGUAGES}
CATEGORIES = (
    *SMALLTALK,
    "filler",
    "followup",
    "reference",
    "repeat",
    *ORDINALS,
    *LANGUAGE_CUES,
    "list",
    "conjunction",
    "where_said",
    "correction",
    "negation",
)
# A request to hear the last answer in another language is short ("kan du ta det på svenska?").
MAX_REQUEST_WORDS = 8
# ... and, in a sentence beside others, says little but the request's words ("Voitko vastata englanniksi?")
OWN_WORDS_OF_A_REQUEST = 2
# where a clause ends: a comma, Arabic's "،", Ethiopic's "፣" and its word-space "፡", which residents type as a comma
# ("ብትግርኛ ግለጸለይ በጃኻ፡ እንግሊዝኛ ኣይክእልን እየ", in Tigrinya please, I can't English)
_CLAUSE_BREAK = re.compile(r"[,،፣፡]")
# where one sentence ends and the next begins ("… suomagillii? Mu áhkku …"), and the marks that ask
_SENTENCE_BREAK = re.compile(r"(?<=[.?!؟።])\s+")
# Laughter as typed, however long ("hahhaa", "ahahah", "hihi", "хахаха", "ههههه", "خخخخ", "ሃሃሃ", "xD", "lool"): one
# word of the world, read as the tables' "haha", which many of them list and which settles no language
_LAUGHTER = re.compile(r"a?(?:h+(?:a+|e+|i+)){2,}h*|а?(?:х+(?:а+|е+|и+)){2,}х*|ه{3,}|خ{3,}|[ሃሓሀሂ]{3,}|l+o+l+|x+d+")
_ARABIC_LAUGHTER = re.compile(r"ه+|خ+")
LAUGHTER = "haha"
# Persian asks "and X?" as "X چی؟" / "X چطور؟": a topic and the word after it, nothing more
_WHAT_ABOUT_WORDS = frozenset({"چی", "چطور"})
WHAT_ABOUT_AFTER = 2


def without_laughter(text: str) -> str:
    """The words of a text as written, less its laughter in Latin or Cyrillic letters: what the detector may read
    of the language ("haha" alone reads Somali). Laughter in Arabic letters ("هههه", "خخخ") keeps its script's word."""
    return " ".join(w for w in text.split() if not all(_laughs_in_a_script_of_many(t) for t in words(w)))


def _laughs_in_a_script_of_many(token: str) -> bool:
    return bool(_LAUGHTER.fullmatch(token)) and not _ARABIC_LAUGHTER.fullmatch(token)


_QUESTION_MARKS = frozenset("?؟")
# What may stand beside a language name in a request to hear the last answer again.
_REQUEST_WORDS = frozenset({"repeat", "filler", "reference", "followup", "thanks", "greeting"})


@dataclass(frozen=True)
class SmallTalk:
    category: str  # one of SMALLTALK
    langs: tuple[str, ...]  # the languages whose cues cover most of it (several when they tie)
    rest: tuple[str, ...] = ()  # the words no small-talk cue covers ("riktig" in "är du en riktig människa")
    share: float = 1.0  # the share of the message's words that small-talk cues cover
    covered: int = 0  # how many of its words they cover


@dataclass(frozen=True)
class Reading:
    """What the conversation cues say about one message."""

    tokens: tuple[str, ...]
    smalltalk: SmallTalk | None = None  # the whole message is small talk
    language_request: str | None = None  # the message asks for the last answer in this language
    request_apart: tuple[str, str] | None = None  # a request in a sentence of its own, and the other sentences
    language_named: str | None = None  # a language the message names, request or not ("… in Swedish so I can …")
    ordinal: int | None = None  # points at an item of the last list (1-based; -1 for the last, 0 the next)
    followup: bool = False  # opens with a follow-up marker ("och för …", "entä …", "what about …")
    reference: bool = False  # refers back to the last answer ("det", "that", "se")
    wants_list: bool = False
    # token ranges that may join two questions, with the language whose cue it is ("i" is Polish "and")
    conjunctions: tuple[tuple[int, int, str], ...] = ()
    where_said: bool = False  # asks only where the last answer stands on the page ("where does it say that?")
    again: bool = False  # asks only for the last answer again ("say it again", "is that all?"), in no language named
    # what a correction says was meant, as written: "housing" of "sorry no, I meant housing, not business"
    correction: str | None = None


def _cover(tokens: tuple[str, ...], matches: list[Match]) -> tuple[list[Match], int]:
    """The matches that together cover the most tokens without overlapping (the fewest spans among equals),
    and how many they cover: "great, thanks a lot" is "great" and "thanks a lot", though "great thanks" is a
    cue too and starts first. Every match of a chosen span is returned (a word may be in several tables)."""
    by_start: dict[int, set[int]] = {}
    for m in matches:
        by_start.setdefault(m.start, set()).add(m.end)
    n = len(tokens)
    # best[i]: (tokens covered, minus spans used) from token i on, and the span chosen there (None: skip i)
    best: list[tuple[tuple[int, int], int | None]] = [((0, 0), None)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options: list[tuple[tuple[int, int], int | None]] = [(best[i + 1][0], None)]
        for end in by_start.get(i, ()):
            (covered, spans), _ = best[end]
            options.append(((covered + end - i, spans - 1), end))
        best[i] = max(options, key=lambda o: (o[0], o[1] or 0))
    chosen: list[Match] = []
    at = 0
    while at < n:
        chosen_end = best[at][1]
        if chosen_end is None:
            at += 1
            continue
        chosen.extend(m for m in matches if m.start == at and m.end == chosen_end)
        at = chosen_end
    return chosen, best[0][0][0]


# Tigrinya's "and what about …?" is joined to the end of the last word (`WHAT_ABOUT_SUFFIXES`); the cue
# tables match whole words, so it is read here.


def _without_what_about(token: str) -> str:
    """A Tigrinya word without its "what about" suffix ("ሳልሳይከ", and the third?)."""
    cut = is_ethiopic(token) and len(token) >= MIN_SUFFIXED + 1 and token.endswith(WHAT_ABOUT_SUFFIXES)
    return token[:-1] if cut else token


def _asks_what_about(tokens: tuple[str, ...]) -> bool:
    """Tigrinya's "ናይ ትምህርቲኸ?" (and for education?) on its last word; Persian's "ترافیک چی؟" (and traffic?) in a
    word after the one it asks of."""
    if len(tokens) == WHAT_ABOUT_AFTER and tokens[-1] in _WHAT_ABOUT_WORDS:
        return True
    return bool(tokens) and len(tokens[-1]) > 1 and tokens[-1].endswith(WHAT_ABOUT_SUFFIXES)


def _asks_only_where_said(tokens: tuple[str, ...], own: list[Match]) -> bool:
    """ "ok, where exactly does it say that?": asking where the last answer stands, and nothing else."""
    if not any(m.category == "where_said" for m in own) or len(tokens) > MAX_REQUEST_WORDS:
        return False
    allowed = [m for m in own if m.category == "where_said" or m.category in _REQUEST_WORDS]
    return _cover(tokens, allowed)[1] == len(tokens)


def _asks_only_again(tokens: tuple[str, ...], own: list[Match]) -> bool:
    """ "say it again", "leago dat buot?" (is that all?): the last answer asked for again, and nothing else; a
    word a filler's or small talk's too ("please", "kiitos") asks for nothing again."""
    # ... nor does a thanks: Finnish "kiitos" is a request's "please" too ("englanniksi kiitos")
    others = [m for m in own if m.category == "filler" or m.category in SMALLTALK]
    repeats = [m for m in own if m.category == "repeat"]
    if len(tokens) > MAX_REQUEST_WORDS or not any(
        any(not any(f.start <= i < f.end for f in others) for i in range(m.start, m.end)) for m in repeats
    ):
        return False
    return _cover(tokens, [m for m in own if m.category in _REQUEST_WORDS])[1] == len(tokens)


def _langs_by_votes(matches: list[Match]) -> tuple[str, ...]:
    """The languages whose cues cover the most tokens (several when they tie). Each span counts once per
    language: two cues of one table that read alike once folded (Persian lists "سلام علیکم" and "سلام عليكم")
    are one vote, not two."""
    votes: Counter[str] = Counter()
    for lang, start, end, gap in {(m.lang, m.start, m.end, m.gap) for m in matches}:
        votes[lang] += end - start - (gap is not None)
    most = max(votes.values(), default=0)
    return tuple(sorted(lang for lang, n in votes.items() if n == most))


@dataclass
class DialogueCues:
    table: CueTable = field(default_factory=CueTable)

    @cached_property
    def _uses(self) -> dict[str, Counter[str]]:
        """Per language, in how many of its cues each word appears: how much a word is its own."""
        out: dict[str, Counter[str]] = {}
        for lang, categories in self.table.by_lang.items():
            counts: Counter[str] = Counter()
            for cues in categories.values():
                for cue in cues:
                    counts.update(set(cue.words))
            out[lang] = counts
        return out

    @cached_property
    def _whole(self) -> frozenset[str]:
        """Small-talk words that begin with Arabic-script "و" as a letter of their own, not as "and":
        Persian "وقت" (time) of "وقت بخیر" (good day), Arabic "وداعا" (goodbye)."""
        return frozenset(
            w
            for table in self.table.by_lang.values()
            for category in SMALLTALK
            for cue in table.get(category, ())
            for w in cue.words
            if w.startswith(CLITIC_AND)
        )

    def _fits(self, match: Match, tokens: tuple[str, ...]) -> bool:
        """Whether the word typed inside a cue may be of the cue's language, whose tables use it about as much as
        any other's (one `GAP_AT_HOME`th at least), or none does: "nyt" (now) inside a Finnish cue is Finnish too,
        while Meänkieli "sie" (you) in "Ootko sie robotti vai ihminen?" says the message is not."""
        if match.gap is None:
            return True
        word = tokens[match.gap]
        elsewhere = max((counts[word] for lang, counts in self._uses.items() if lang != match.lang), default=0)
        return self._uses.get(match.lang, Counter())[word] * GAP_AT_HOME >= elsewhere

    def most_at_home(self, tokens: tuple[str, ...], among: tuple[str, ...]) -> tuple[str, ...]:
        """Of languages that all list a message's words, those whose tables use them most.

        "hej" is in several tables (borrowed greetings), but the Swedish one builds a dozen cues on it.
        """
        scores = {lang: sum(self._uses.get(lang, Counter())[t] for t in tokens) for lang in among}
        best = max(scores.values(), default=0)
        return tuple(lang for lang in among if scores[lang] == best)

    def opens_in(self, text: str, lang: str) -> bool:
        """Whether a message opens with a follow-up cue of this language ("entäs …" in Meänkieli)."""
        split = list(split_clitics(list(words(text)), self._whole))
        return any(m.start == 0 and m.lang == lang for m in self.table.matches(split, ["followup"]))

    def read(self, text: str, languages: Collection[str] | None = None) -> Reading:
        """What a message does besides asking. With `languages` (the detector's plausible ones), a
        reference, follow-up, ordinal or list cue counts only in those: Somali "kan" (this) is not
        Swedish "kan" (can), and so does a filler. Small talk and language requests count in any
        language: a greeting is too short for the detector to settle."""
        tokens = tuple(LAUGHTER if _LAUGHTER.fullmatch(t) else t for t in words(text))
        if not tokens:
            return Reading(tokens)
        # cut points for several questions are found on the words as written; the rest reads
        # "و" (and) apart from the word it is joined to
        marks = word_marks(text)
        conjunctions = self.table.matches(list(tokens), ["conjunction"], marks)
        split = tuple(split_clitics(list(tokens), self._whole))
        aligned = marks if len(split) == len(tokens) else None
        matches = self.table.matches(list(split), marks=aligned) + self._prefixed_language_names(split)
        matches += [m for m in self.table.gapped_matches(list(split), GAPPED_TALK, aligned) if self._fits(m, split)]
        bare = [_without_what_about(t) for t in without_suffixed_ands(list(split))]
        if bare != list(split):  # Tigrinya "እቲ ሳልሳይከ?" (and the third?): the cue is "ሳልሳይ"
            matches += self.table.matches(bare)
        own = [m for m in matches if languages is None or m.lang in languages]
        categories = {m.category for m in own}
        named = _language_named(matches)
        apart = self._request_apart(text)
        return Reading(
            tokens=tokens,
            smalltalk=self._smalltalk(split, matches, own),
            # a request beside remarks that ask nothing is one too; beside a question, it says how to answer that
            language_request=self._language_request(split, matches, named)
            or (apart[0] if apart is not None and not _QUESTION_MARKS & set(apart[1]) else None),
            request_apart=apart,
            language_named=named,
            ordinal=self._ordinal(text, own, languages),
            followup=any(m.category == "followup" and m.start in (0, self._opening_fillers(split, own)) for m in own)
            or _asks_what_about(tokens),
            reference="reference" in categories and self._refers(text, languages),
            wants_list="list" in categories,
            # English "I" is no Polish "i" (and): a conjunction counts in the message's languages too
            conjunctions=tuple(
                sorted({(m.start, m.end, m.lang) for m in conjunctions if languages is None or m.lang in languages})
            ),
            where_said=_asks_only_where_said(split, own),
            # the clause-by-clause and word-by-word readings only where a cue says there is one to find
            again=named is None
            and "repeat" in categories
            and (_asks_only_again(split, own) or self._again_opening(text, languages)),
            correction=self._meant(text, tokens, languages) if "correction" in categories else None,
        )

    def _meant(self, text: str, tokens: tuple[str, ...], languages: Collection[str] | None) -> str | None:
        """The words after "I meant" up to a "not" that denies what the last answer was about: "sorry no i meant
        housing not business" means "housing", "لا لا قصدي السكن مش الخدمات" (no no, I meant housing, not services)
        "السكن"."""
        found = [
            m
            for m in self.table.matches(list(tokens), ["correction", "negation"])
            if languages is None or m.lang in languages
        ]
        said = [m for m in found if m.category == "correction"]
        if not said:
            return None
        first = min(m.start for m in said)
        start = max(m.end for m in said if m.start == first)
        end = min((m.start for m in found if m.category == "negation" and m.start >= start), default=len(tokens))
        if end <= start:
            return None
        written = written_words(text)
        if written is None:
            return " ".join(tokens[start:end])
        normal = unicodedata.normalize("NFKC", text)
        return normal[written[start].start() : written[end - 1].end()]

    @staticmethod
    def _opening_fillers(tokens: tuple[str, ...], own: list[Match]) -> int:
        """How many words of fillers open a message: "ok und für kultur?" follows the answer up after them."""
        fillers = [m for m in own if m.category == "filler"]
        start = 0
        while any(m.start == start for m in fillers) and start < len(tokens):
            start = max(m.end for m in fillers if m.start == start)
        return start

    def _refers(self, text: str, languages: Collection[str] | None) -> bool:
        """Whether a reference cue points back outside a phrase for "regarding": the "det" of "när det gäller jobb"
        (as for jobs) points at nothing."""
        if not REGARDING.search(text):
            return True
        rest = split_clitics(list(words(REGARDING.sub(" ", text))), self._whole)
        return any(languages is None or m.lang in languages for m in self.table.matches(rest, ["reference"]))

    def _ordinal(self, text: str, own: list[Match], languages: Collection[str] | None) -> int | None:
        """The item an ordinal cue points at; "Kiruna 2.0" names a version, and its "2" (the cue "2.")
        points at nothing."""
        if VERSION_NUMBER.search(text):
            unversioned = split_clitics(list(words(VERSION_NUMBER.sub(" ", text))), self._whole)
            own = [m for m in self.table.matches(unversioned, ORDINALS) if languages is None or m.lang in languages]
        # "toinen asia: mihin …" (another thing: what …), "second question", "سؤال تاني": an ordinal counting the
        # resident's own questions or matters points at no item of the list
        counted = {i for m in discourse_words(words(text), languages) for i in (m.start - 1, m.end)}
        pointing = (m for m in own if m.category in ORDINALS and not {m.start, m.end - 1} & counted)
        return next((ORDINALS[m.category] for m in pointing), None)

    @cached_property
    def _language_names(self) -> dict[str, list[tuple[str, str]]]:
        """Single-word language names (of four letters or more) -> (category, table language)."""
        out: dict[str, list[tuple[str, str]]] = {}
        for lang, categories in self.table.by_lang.items():
            for category in LANGUAGE_CUES:
                for cue in categories.get(category, ()):
                    name = cue.words[0]
                    if len(cue.words) == 1 and not name.endswith("*") and len(name) >= 4:
                        out.setdefault(name, []).append((category, lang))
        return out

    def _prefixed_language_names(self, tokens: tuple[str, ...]) -> list[Match]:
        """Language names with a preposition joined in front ("በትግርኛ", "بالعربية"): as one word."""
        out = []
        for i, token in enumerate(tokens):
            for cut in (1, 2):
                for category, lang in self._language_names.get(token[cut:], ()) if len(token) > cut + 3 else ():
                    out.append(Match(category, lang, i, i + 1))
        return out

    @staticmethod
    def _smalltalk(tokens: tuple[str, ...], matches: list[Match], own: list[Match]) -> SmallTalk | None:
        """Small talk words in the message, and what else it says (the caller judges the rest).

        Beside other words, a filler counts in the message's own languages (`own`): German "mal" is
        Swedish "mål" folded. Alone, fillers are an acknowledgement in whichever language lists them.
        """
        fillers = [m for m in matches if m.category == "filler"]
        if fillers and _cover(tokens, fillers)[1] == len(tokens):
            # only "ok", "yes", "please": an acknowledgement, answered like thanks
            return SmallTalk("thanks", _langs_by_votes(_cover(tokens, fillers)[0]))
        talk = [m for m in matches if m.category in SMALLTALK] + [m for m in own if m.category == "filler"]
        chosen, _ = _cover(tokens, talk)
        rest = tuple(t for i, t in enumerate(tokens) if not any(m.start <= i < m.end for m in chosen))
        spoken = [m for m in chosen if m.category != "filler"]
        if not spoken:
            return None
        # the message's own languages name it when they speak: "Hej, jag heter Annika och bor på Lombolo" greets,
        # whatever Polish "pa" (bye) its "på" folds to
        at_home = [m for m in spoken if m in own]
        category = min((m.category for m in at_home or spoken), key=SMALLTALK.index)
        covered = _cover(tokens, spoken)[1]  # words, not matches: "tack" is in three tables
        return SmallTalk(category, _langs_by_votes(spoken), rest, covered / len(tokens), covered)

    def after_an_acknowledgement(self, text: str) -> str | None:
        """The question after an opening sentence of fillers and laughter alone ("haha ok. mii lea mihttomearri
        dutkamii?", haha ok. what is the goal for research?), in the resident's own characters; None when no
        such sentence opens the message. The acknowledgement is no word of the question, nor its topic."""
        starts = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(text))]
        worded = [a for a, b in zip(starts, [*starts[1:], len(text)], strict=True) if words(text[a:b])]
        if len(worded) < 2:
            return None
        opening = tuple(words(without_laughter(text[worded[0] : worded[1]])))
        if opening and _cover(opening, self.table.matches(list(opening), ["filler"]))[1] != len(opening):
            return None
        return text[worded[1] :]

    def _request_apart(self, text: str) -> tuple[str, str] | None:
        """A request for a language in a sentence of its own, and the message's other sentences: "Sáhtátgo čállit
        dan suomagillii? Mu áhkku ii hálddaš sámegiela nu bures" (can you write it in Finnish? my grandmother
        reads little Sami), "Vad är visionen? Svara på engelska." (what is the vision? answer in English)."""
        sentences = [s for s in _SENTENCE_BREAK.split(text) if words(s)]
        if len(sentences) < 2:
            return self._request_opening(text)
        for sentence in sentences:
            tokens, matches, request = self._request_in(sentence)
            # beside other sentences, a request is in a request's words ("Svara på engelska.", "In Swedish
            # please."); a language named among others is told of: "ሽወደንኛ ኣይክእልን እየ" (I can't Swedish), "Mu
            # ruoŧagiella ii leat nu buorre" (my Swedish isn't good)
            if request is not None and self._asks_for_a_language(sentence, tokens, matches):
                return request, " ".join(s for s in sentences if s is not sentence)
        return None

    def _request_in(self, part: str) -> tuple[tuple[str, ...], list[Match], str | None]:
        """A sentence's or clause's words, their cues, and the language it asks for when it is only a request."""
        tokens = tuple(split_clitics(list(words(part)), self._whole))
        matches = self.table.matches(list(tokens)) + self._prefixed_language_names(tokens)
        return tokens, matches, self._language_request(tokens, matches, _language_named(matches))

    def _request_opening(self, text: str) -> tuple[str, str] | None:
        """A request for a language in the clause opening a sentence, and its other clauses: "sáhtátgo dadjat dan
        suomagillii, mu áhkku ii máhte sámegiela" (can you say it in Finnish, my grandma knows no Sami). Only a
        request in a request's own words ("say it", "can you write"), not a language named alone: "på engelska,
        vad är visionen" is a question to answer in English, read by the sentence it is."""
        opening = self._opening_clause(text)
        if opening is None:
            return None
        clause, rest = opening
        tokens, matches, request = self._request_in(clause)
        worded = any(m.category in _REQUEST_WORDS - {"filler", "reference"} for m in matches)
        if request is None or not worded or not self._asks_for_a_language(clause, tokens, matches):
            return None
        return request, rest.strip()

    def _again_opening(self, text: str, languages: Collection[str] | None) -> bool:
        """The last answer asked for again in a clause of its own, and a reason beside it that asks nothing: "ma ku
        celin kartaa mar kale, si fiican uma akhrin" (can you repeat it, I didn't read it well)."""
        opening = self._opening_clause(text)
        if opening is None or _QUESTION_MARKS & set(opening[1]):
            return False
        tokens = tuple(split_clitics(list(words(opening[0])), self._whole))
        own = [m for m in self.table.matches(list(tokens)) if languages is None or m.lang in languages]
        return _language_named(own) is None and _asks_only_again(tokens, own)

    def _opening_clause(self, text: str) -> tuple[str, str] | None:
        """A message's first clause after those of small talk alone, and the clauses after it; None when no clause
        follows it. "anteeksi, voitko sanoa sen suomeksi, en puhu ruotsia" (sorry, can you say it in Finnish, I speak
        no Swedish): an apology or a greeting may open before a request."""
        clauses = [c for c in _CLAUSE_BREAK.split(text) if words(c)]
        first = next((i for i, c in enumerate(clauses) if not self._only_talk(c)), len(clauses))
        if len(clauses) - first < 2:
            return None
        return clauses[first], ",".join(clauses[first + 1 :])

    def _only_talk(self, clause: str) -> bool:
        """Whether every word of a clause is small talk's or a filler's ("anteeksi", "hej", "ok")."""
        tokens = list(words(clause))
        talk = [m for m in self.table.matches(tokens) if m.category in SMALLTALK or m.category == "filler"]
        return _cover(tuple(tokens), talk)[1] == len(tokens)

    @staticmethod
    def _asks_for_a_language(sentence: str, tokens: tuple[str, ...], matches: list[Match]) -> bool:
        """Whether a sentence beside others asks for the language it names: asking ("Voitko vastata englanniksi?"),
        or in a request's words ("Svara på engelska.", "In Swedish please."), and few words of its own ("ok" and
        "good" are none of a request's: "Mu ruoŧagiella ii leat nu buorre", my Swedish isn't that good)."""
        requesting = [m for m in matches if m.category in LANGUAGE_CUES or m.category in _REQUEST_WORDS - {"filler"}]
        own = len(tokens) - _cover(tokens, requesting)[1]
        asked = bool(_QUESTION_MARKS & set(sentence)) or any(m.category in _REQUEST_WORDS for m in matches)
        return own <= OWN_WORDS_OF_A_REQUEST and (asked or own == 0)

    @staticmethod
    def _language_request(tokens: tuple[str, ...], matches: list[Match], named: str | None) -> str | None:
        """The language named, when the message is only a request to hear the last answer in it."""
        if named is None:
            return None
        allowed = [m for m in matches if m.category in LANGUAGE_CUES or m.category in _REQUEST_WORDS]
        _, covered = _cover(tokens, allowed)
        if len(tokens) > MAX_REQUEST_WORDS or len(tokens) - covered > max(2, len(tokens) // 3):
            return None  # a question of its own that happens to name a language
        return named


def _language_named(matches: list[Match]) -> str | None:
    """The language the longest language cue names ("på svenska" over "svenska")."""
    named = [m for m in matches if m.category in LANGUAGE_CUES]
    if not named:
        return None
    longest = max(named, key=lambda m: m.end - m.start)
    return LANGUAGE_CUES[longest.category]


def load_dialogue_cues(directory: Path = DEFAULT_DIALOGUE_CUES_DIR) -> DialogueCues:
    return DialogueCues(read_cue_dir(directory, "category", CATEGORIES))


def question_after_small_talk(text: str, reading: Reading) -> str | None:
    """The question after a greeting or a thanks that opens a message ("Tack! Och när beslutades det?"
    -> "Och när beslutades det?"), in the resident's own characters; None when small talk does not
    open it, or the words do not line up."""
    talk = reading.smalltalk
    if talk is None or not talk.rest:
        return None
    opening = len(reading.tokens) - len(talk.rest)
    if opening <= 0 or reading.tokens[opening:] != talk.rest:
        return None
    written = written_words(text)
    if written is None or len(written) != len(reading.tokens):
        return None
    last = written[opening - 1]
    question = last.string[last.end() :].lstrip(" \t\n!.,;:-–—¡¿")
    return question or None
