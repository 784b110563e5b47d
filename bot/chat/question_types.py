"""What kind of answer a question asks for, and which passages offer that kind of answer.

Classic answer-type matching, learned rather than hand-weighted: "when did the work start?"
wants a passage that states a time, "what does the vision mean?" one the page presents as an
interpretation, "how are the goals reached?" one under a "Hur …?" heading, and "how was the vision
made?" the one that tells how it came about ("Hur gjorde vi?"), "how will it be reached?" the one
that tells the way there ("Hur når vi visionen?"). Questions are typed
from cue words in every supported language (`bot/chat/question_cues/<lang>.tsv`, matched
language-blind); passages from their headings and labels (with the cues of the document's
language) and, for times and counts, from what their text states. The ranker gets one feature
per type that is 1 when the question asks for it and the passage offers it, and learns from the
training questions how much each is worth.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.chat.cues import Cue, CueTable, read_cue_dir
from bot.chat.word_tables import PAGE_WORDS_FILE, WRITING_WORDS_FILE, says
from bot.language.supported import SOURCE_LANGUAGE
from corpus.chunking import LINE_KINDS
from corpus.model import Chunk
from index.analysis import VERSION_PATTERN, words

# "när det gäller jobb" (as for jobs), "when it comes to housing": a word for "when" in a phrase for "regarding",
# which asks no time
REGARDING = re.compile(r"\b(?:när|nar) det (?:gäller|galler|kommer till)\b|\bwhen it comes to\b", re.IGNORECASE)
# "Muutettiin just Kiirunaan kahden lapsen kanssa" (we just moved to Kiruna with two children): spoken Finnish's
# "we moved" is the passive of "muuttaa", which also means "change"; a place moved to after it says which
MOVED_TO = re.compile(
    r"\bmuutett?h?iin\s+(?:\w+\s+)?(?:tänne|täne|tähän|kiirunaan|kiirunhaan|\w+(?:aan|ään|hin|seen|siin))\b",
    re.IGNORECASE,
)
# A question this short asking how the vision was made or is reached, and to explain, asks one thing; a longer one may
# ask what it means besides ("what does the vision mean for us who live here, and how will you reach it?")
MAX_EXPLAINED_HOW_WORDS = 16
# "I read about Kiruna 2.0. When did it start?": what the resident has read, which asks no place to read it; English
# "read" is past and present alike, and only the subject before it tells
HAVE_READ = re.compile(r"\b(?:i|we)(?: have| ve|'ve| had| just| already)* read about\b", re.IGNORECASE)

INTENTS = (
    "time",
    "count",
    "manner",
    "origin",
    "reach",
    "meaning",
    "goal",
    "reason",
    "person",
    "place",
    "updated",
    "decision",
    "published",
    "outcome",
)
# A document named ("is there a strategy for it?", "finns det något program?") asks where to read about
# it, unless the question asks what it says: "what does the local growth strategy mean?" asks a meaning.
# Not an intent of its own: no passage offers it, the "Läs mer" lines offer `place`. It stays among a
# question's intents when only the document's name asks for the place (not "where can I read …?").
DOCUMENT = "document"
ABOUT_A_DOCUMENT = frozenset({"meaning", "reason", "manner"})
# What a question asks that is no type of passage either: a sum of money ("what did the vision cost?"),
# stated by a text that names an amount in a currency; and something still to come ("when will the next
# vision be adopted?"), which asks for a time no page stating what was decided and done can give.
COST = "cost"
TO_COME = "to_come"
# What is under way now ("what is the municipality working on now?"): no passage is titled by it, but a
# sentence in the present of the work ("Vi arbetar också fram …", "det pågående arbetet") states it.
CURRENT = "current"
# Whom something was for, or who took part ("who was the seminar for?"): a body a sentence names.
AUDIENCE = "audience"
# "Who was it for?": a question ending in this preposition after "who" asks whom something was for.
STRANDED_FOR = ("for", "för")
# What someone thinks of something ("what does LKAB think of the vision?"): the page gives the municipality's
# own words, and no one else's view.
OPINION = "opinion"
# Whether something was done, reached or judged ("has Kiruna reached these goals?", "was the vision
# evaluated?"): the page tells how the goals are to be reached, not whether they were.
ACHIEVED = "achieved"
# A party or an office-holder ("which parties voted for the vision?", "who is the mayor?"): stated by a text
# naming one, as "350 000 kr" states a cost; the page names bodies ("kommunfullmäktige"), none of them.
OFFICE = "office"
# How to reach someone ("har du hennes mejladress?", "what is her phone number?"): stated by a text with an
# e-mail address or a phone number in it; the page's by-line names its publisher, not how to reach her.
CONTACT = "contact"
# A comparison ("is Kiruna's vision better than Luleå's?", "czy Gällivare ma podobną wizję?"): with something the
# page does not speak of, it asks what the page cannot say; "högre än våra fjäll" compares in the page's words.
COMPARISON = "comparison"
# How a resident can take part now ("Can I still join a working group?", "ሕጂ ክሳተፍ እኽእል ዶ?"): the page tells
# how residents took part in 2012, and nothing of how to now.
TAKE_PART = "take_part"
# That something ended ("when did the project end?"): with `time`, a date the page does not give; it states
# when the project started and when the vision was adopted, and no end of anything.
ENDED = "ended"
# Where something took place ("where was the seminar held?"): no page names a venue; the seminar's sentence
# tells when and for whom, and a "where" of it is no "Läs mer" line either.
VENUE = "venue"
# Which of several is the most important ("which of the directions matters most to the municipality?"): the
# page lists its directions side by side and ranks none of them.
RANKED = "ranked"
# How a resident does something ("how do I apply for an apartment?", "sideen shaqo ku heli karaa?"): the page
# states the municipality's vision and goals, and tells no one how to apply, pay, register or find work.
HOW_I = "how_i"
# The minutes of a meeting ("where can I find the minutes of that council meeting?"): the page cites the
# decision's paragraph ("§ 68") and links no minutes; with the decision asked ("in which paragraph of the
# minutes was it adopted?"), the decision line answers.
MINUTES = "minutes"
# When something is open ("när har simhallen öppet?", "vuodjanhálla rahpanáiggit?"): no page gives opening
# hours; the goal for culture and sport says it is to be accessible, not when.
HOURS = "hours"
# The logo, its colours or fonts ("who designed the logo?", "where can I download it?"): the page names a new
# brand platform being drawn up, and shows no logo; that the municipality is working on it is stated.
LOGO = "logo"
# How something looks: its colours, "what does it look like?" Asked of the logo or the brand, the page shows
# neither; asked of the vision ("hur ser visionen ut?") it asks what the vision says, and is no qualifier of note.
LOOKS = "looks"
# Why something has its name ("why is it called Kiruna 2.0?"): the page names the project and gives no reason
# for its name; "what was the project called?" asks the name, which it states.
NAMING = "naming"
# Getting a service: renting, applying, buying, booking, registering ("where can I rent a flat?", "gos sáhtán
# ohcat barggu?"): asked where or how, it wants the service, which the page does not offer; the goal for
# housing states what the municipality aims for, not where a flat is to be had.
OBTAIN = "obtain"
# What a document says or decides ("vad står det i näringslivsstrategin?", "what does the traffic strategy say
# about parking?"): the page links the documents it names and quotes none of them. Kept only beside a
# document named: "vad säger visionen?" asks what the page itself says.
CONTENTS = "contents"
# A committee or a board ("what are the social services committee's goals?"): the page says its overall goals
# are broken down into committee and operational goals ("nämnds- och verksamhetsmål"), and lists none of them.
COMMITTEE = "committee"
# A judgement of the town ("is Kiruna a good place to live?", "kannattaako muuttaa?"): the page states what the
# municipality wants Kiruna to be, and judges nothing; quoting the vision would read as the bot's verdict.
APPRAISAL = "appraisal"
# A facility of the town (the swimming hall, the library, a health centre, a mosque): the page names none, and
# the goal for culture and sport says it is to be accessible, not where anything is.
FACILITY = "facility"
# A resident's rights, or the areas where the minority languages have their rights ("do I have the right to
# service in Finnish?", "vad betyder det att Kiruna är förvaltningsområde för samiska?"): the page names no
# right and no administrative area; its "alla är lika mycket värda" is the vision's, not a right.
RIGHTS = "rights"
# A pastime or the day's news (a joke, the weather, the time, a match, the bot's favourite food): chatty, and no
# small talk a reply of the bot's own answers, nor anything the page tells.
PASTIME = "pastime"
# Concrete projects or measures for a topic ("welche konkreten Maßnahmen plant die Gemeinde für den Tourismus?"):
# the page states goals and how they are broken down, and names no project or measure; "what concrete steps are
# taken to reach the vision?" asks how it is reached, which "Hur når vi visionen?" tells.
PROJECTS = "projects"
QUALIFIERS = (
    DOCUMENT,
    PROJECTS,
    COST,
    TO_COME,
    CURRENT,
    AUDIENCE,
    OPINION,
    ACHIEVED,
    OFFICE,
    CONTACT,
    COMPARISON,
    TAKE_PART,
    ENDED,
    VENUE,
    RANKED,
    HOW_I,
    MINUTES,
    HOURS,
    LOGO,
    LOOKS,
    NAMING,
    OBTAIN,
    CONTENTS,
    COMMITTEE,
    APPRAISAL,
    FACILITY,
    RIGHTS,
    PASTIME,
)
DEFAULT_CUES_DIR = Path(__file__).with_name("question_cues")

# What a passage's own text can state, per document language: times (years, dates, month
# names) and counts (numerals, number words). A document in another language needs its entry.
_YEAR_OR_DATE = re.compile(r"\b(?:1[89]|20)\d\d(?:-\d\d-\d\d)?\b")
_NUMERAL = re.compile(r"\b\d+\b")
# an amount of money: "350 000 kr", "2 miljoner kronor", "12 Mkr", "€40"
_MONEY = re.compile(
    r"\d[\d\s.,]*\s?(?:(?:miljon(?:er)?|miljard(?:er)?|tusen)\s)?(?:kr|kronor|sek|mkr|msek|tkr|euro|eur)\b|[€$£]\s?\d",
    re.IGNORECASE,
)
# an e-mail address or a phone number ("ulrika.hannu@kiruna.se", "0980-700 00", "+46 980 70 000")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+\d{2}[\s-]?|\b0)\d{1,3}[\s-]?\d{2,3}(?:[\s-]?\d{2,3}){1,2}\b")
_PARAGRAPH = re.compile(r"§\s*\d+")  # "§ 68" numbers a paragraph, it counts nothing
# "Kiruna 2.0" names a project's version: it counts nothing, and its "2" is no ordinal
VERSION_NUMBER = re.compile(rf"\b{VERSION_PATTERN}\b")
# A line that names who did something: "Antagen av kommunfullmäktige …", "Publicerad av: …".
BYLINE = {"sv": re.compile(r"^\w+ av\b", re.IGNORECASE | re.MULTILINE)}
# Letters a compound in a question needs before a document word to name one ("trafik" of "trafikstrategi").
MIN_COMPOUND_HEAD = 4
# The ends of the words that name a document, compounds too ("tillväxtsstrategi", "översiktsplan").
DOCUMENT_ENDINGS = {
    "sv": ("strategi", "strategin", "program", "programmet", "plan", "planen", "dokument", "dokumentet")
}
# The bodies and office-holders a sentence names as whom something was for or who took part: "ett
# seminarium för ledamöterna i kommunfullmäktige" answers "who was the seminar for?", and not "who led
# the project?" (no by-line). Residents ("kommuninvånarna", "medborgare") are whom every passage speaks
# of, and name no one.
BODIES = {
    "sv": frozenset(
        words(
            "kommunfullmäktige fullmäktige kommunstyrelsen kommunstyrelse ledamöterna ledamöter ledamot "
            "nämnden nämnderna politikerna politiker förvaltningen"
        )
    ),
}
# The parties and offices a text names, per document language (`OFFICE`).
OFFICES = {
    "sv": frozenset(
        words(
            "parti partier partiet partierna kommunalråd kommunalrådet borgmästare borgmästaren oppositionen "
            "oppositionsråd socialdemokraterna moderaterna centerpartiet vänsterpartiet sverigedemokraterna "
            "liberalerna kristdemokraterna miljöpartiet"
        )
    ),
}
MONTHS = {
    "sv": frozenset(words("januari februari mars april maj juni juli augusti september oktober november december")),
}
NUMBER_WORDS = {
    "sv": frozenset(
        words(
            "två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton tjugo trettio "
            "hundra tusen miljon miljoner"
        )
    ),
}


@dataclass
class QuestionCues:
    """Cue words per language and intent (a `CueTable` over `question_cues/`)."""

    table: CueTable = field(default_factory=CueTable)
    # per set of languages asked about, a word ending in one of their one-word document cues (`_compounds`)
    _documents: dict[tuple[str, ...], re.Pattern[str] | None] = field(default_factory=dict, init=False, repr=False)

    @property
    def by_lang(self) -> dict[str, dict[str, list[Cue]]]:
        return self.table.by_lang

    def question_intents(self, question: str, languages: Iterable[str] | None = None) -> frozenset[str]:
        """The answer types a question asks for, in whatever language it is written (or, given the
        languages it may be in, in those)."""
        found = self._without_misreadings(question, self.table.categories(question, languages), languages)
        if CURRENT in found:  # "is anything being developed right now?" asks of no past process
            found -= {"origin"}
        tokens = words(question)
        if tokens[:1] == ["what"] and tokens[-1:] == ["for"]:
            found |= {"reason"}  # "what was the 2012 seminar for?" asks its purpose, its "what … for" apart
        if "person" in found and tokens[-1:] in ([w] for w in STRANDED_FOR):
            found |= {AUDIENCE}  # "who was the seminar for?", "vem var seminariet för?"
        if AUDIENCE in found:  # whom it was for, not who did it
            found -= {"person"}
        if "goal" in found and self._asks_who_wrote_it(question, languages):
            # "who wrote the goal for culture?" asks how the goals came about (the working groups' work resulted in
            # them), not who published the page
            found = found - {"published", "person"} | {"origin"}
        if DOCUMENT not in found and self._names_a_document(question, languages):
            found |= {DOCUMENT}
        if DOCUMENT not in found:
            return found - {CONTENTS}
        if CONTENTS in found and not says(question, PAGE_WORDS_FILE):
            # what it says, not where it is: the place stays only where a cue asks it; "vad säger sidan om
            # näringslivsstrategin?" asks what the page says of it, which its "Läs mer" line is
            return found
        asked = found - {DOCUMENT, CONTENTS}
        if asked & ABOUT_A_DOCUMENT:
            return asked
        # the place a document names is asked only by its name: the qualifier stays, to tell the two apart
        return asked | {"place"} if "place" in asked else asked | {"place", DOCUMENT}

    def _without_misreadings(
        self, question: str, found: frozenset[str], languages: Iterable[str] | None
    ) -> frozenset[str]:
        """The intents less those a cue word gives only by sharing its words with a phrase that asks no such thing:
        a word for "when" in "when it comes to", "read about" in "I read about", "muutettiin" (changed) in
        "muutettiin Kiirunaan" (we moved to Kiruna); each stays where the rest of the question asks it."""
        for intent, phrase in (("time", REGARDING), ("updated", MOVED_TO), ("place", HAVE_READ)):
            if intent in found and phrase.search(question):
                found = found - {intent} | self.table.categories(phrase.sub(" ", question), languages) & {intent}
        if "meaning" in found and found & {"reach", "origin"} and len(words(question)) <= MAX_EXPLAINED_HOW_WORDS:
            # "nie rozumiem, jak gmina zamierza ją zrealizować, czy mogliby Państwo to wyjaśnić?" (I don't understand
            # how the municipality means to realise it, could you explain?): an explanation of how, not of what it means
            found -= {"meaning"}
        return found

    @staticmethod
    def _asks_who_wrote_it(question: str, languages: Iterable[str] | None) -> bool:
        """A word of writing ("skrev", "kirjoitti", "formuliert") in a question naming no page."""
        langs = tuple(languages) if languages is not None else None
        return says(question, WRITING_WORDS_FILE, langs) and not says(question, PAGE_WORDS_FILE, langs)

    def _names_a_document(self, question: str, languages: Iterable[str] | None) -> bool:
        """A document named in a compound, or in the page's own Swedish in a question of another language ("шо
        конкретно написано в trafikstrategi?", "تو lokal tillväxtsstrategi چه نوشته شده؟"): residents copy its name."""
        if self._names_a_document_in_a_compound(question, languages):
            return True
        if languages is None:
            return False
        page = (SOURCE_LANGUAGE,)
        return DOCUMENT in self.table.categories(question, page) or self._names_a_document_in_a_compound(question, page)

    def _names_a_document_in_a_compound(self, question: str, languages: Iterable[str] | None) -> bool:
        """ "trafikstrategi", "liikennestrategia", "Verkehrsstrategie": a compound ending in a one-word document
        cue ("strategi") names a document, as "traffic strategy" does in two words."""
        compound = self._compounds(tuple(languages) if languages is not None else tuple(self.table.by_lang))
        return compound is not None and compound.search(" ".join(words(question))) is not None

    def _compounds(self, languages: tuple[str, ...]) -> re.Pattern[str] | None:
        """A word ending in a one-word document cue of these languages, after a head of its own."""
        if languages not in self._documents:
            cues = (c for lang in languages for c in self.table.in_language(lang, DOCUMENT))
            one_word = sorted({c.words[0] for c in cues if len(c.words) == 1 and not c.words[0].endswith("*")})
            endings = "|".join(re.escape(w) for w in sorted(one_word, key=len, reverse=True))
            head = rf"\w{{{MIN_COMPOUND_HEAD},}}"
            self._documents[languages] = re.compile(rf"\b{head}(?:{endings})\b") if endings else None
        return self._documents[languages]

    def chunk_offers(self, chunk: Chunk, language: str) -> frozenset[str]:
        """The answer types a passage offers: its signposts typed by its language's cues, and
        the times and counts its text states."""
        # a line stating a fact is signposted by its own words ("Antagen av …", "Publicerad av: …"),
        # not by the section it stands in
        if chunk.kind in LINE_KINDS:
            signposts = words(chunk.text)
        else:
            signposts = words(" ".join((*chunk.heading_path, *_labels(chunk))))
        table = self.by_lang.get(language, {})
        # Times and counts are what a text states, not what it is titled.
        offers = {
            i
            for i, cues in table.items()
            if i not in STATED and i not in QUALIFIERS and any(c.found_in(signposts) for c in cues)
        }
        if chunk.kind == "link":  # a "Läs mer om …" line says where to read more
            offers.add("place")
        # an outcome is what a sentence says, wherever it stands ("Detta arbete resulterade i …")
        if any("outcome" in self.sentence_states(s.text, language) for s in chunk.sentences):
            offers.add("outcome")
        return frozenset(offers) | stated_types(chunk.text, language)

    def sentence_states(self, text: str, language: str) -> frozenset[str]:
        """What one sentence states: times, counts and by-lines, and a purpose, an outcome or work under
        way in the page's own words for it ("Syftet med seminariet var …" answers "what was the seminar
        for?", "Detta arbete resulterade i …" "what did the work lead to?", "Vi arbetar också fram …"
        "what is being drawn up now?"), and a body it names ("who was the seminar for?")."""
        said = words(text)
        table = self.by_lang.get(language, {})
        own = {i for i in SAID_IN_OWN_WORDS if any(c.found_in(said) for c in table.get(i, ()))}
        # "Vi arbetar också fram en lokal tillväxtsstrategi …" names a document: "which strategy is being made?"
        if any(w.endswith(DOCUMENT_ENDINGS.get(language, ())) for w in said):
            own.add(DOCUMENT)
        if set(said) & BODIES.get(language, frozenset()):
            own.add(AUDIENCE)
        return stated_types(text, language) | own


# The answer types a text states rather than is titled with.
STATED = ("time", "count")
# The answer types a sentence states when it uses its language's own cue words for them.
SAID_IN_OWN_WORDS = ("reason", "outcome", CURRENT)


def stated_types(text: str, language: str) -> frozenset[str]:
    """Whether a text states a time (a year, a date, a month), a count (a numeral, a number word), a
    person or body (a by-line), a cost (an amount of money) or a party or office."""
    text_words = set(words(text))
    out = set()
    if _MONEY.search(text):
        out.add(COST)
    if text_words & OFFICES.get(language, frozenset()):
        out.add(OFFICE)
    if _CONTACT.search(text):
        out.add(CONTACT)
    byline = BYLINE.get(language)
    if byline is not None and byline.search(text):
        out.add("person")
    if _YEAR_OR_DATE.search(text) or text_words & MONTHS.get(language, frozenset()):
        out.add("time")
    numbers = without_dates(text)
    if _NUMERAL.search(numbers) or text_words & NUMBER_WORDS.get(language, frozenset()):
        out.add("count")
    return frozenset(out)


def without_dates(text: str) -> str:
    """A text with its years, dates, paragraph numbers and version numbers blanked: the numbers left count."""
    return VERSION_NUMBER.sub(" ", _PARAGRAPH.sub(" ", _YEAR_OR_DATE.sub(" ", text)))


def _labels(chunk: Chunk) -> list[str]:
    """The labels a passage's lines start with ("Mål: …" -> "Mål")."""
    return [line.split(":", 1)[0] for line in chunk.text.splitlines() if ":" in line[:40]]


def load_question_cues(directory: Path = DEFAULT_CUES_DIR) -> QuestionCues:
    return QuestionCues(read_cue_dir(directory, "intent", (*INTENTS, *QUALIFIERS)))
