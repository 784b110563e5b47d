"""Answer-type matching: cue files, question typing and what each passage of the page offers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.chat.cues import (
    WRITTEN_WITHOUT_MARKS,
    Match,
    make_cue,
    read_cue_file,
    split_clitics,
    unnested,
    without_suffixed_ands,
    word_marks,
)
from bot.chat.pipeline import Pipeline
from bot.chat.question_types import (
    ACHIEVED,
    COMPARISON,
    CONTACT,
    COST,
    CURRENT,
    DEFAULT_CUES_DIR,
    ENDED,
    HOW_I,
    INTENTS,
    OFFICE,
    OPINION,
    PROJECTS,
    QUALIFIERS,
    RANKED,
    TAKE_PART,
    TO_COME,
    VENUE,
    QuestionCues,
    load_question_cues,
    stated_types,
)
from bot.chat.ranking import FEATURES, LinearRanker
from bot.service import ChatService
from corpus import Corpus
from corpus.chunking import LINE_KINDS
from corpus.model import Chunk
from tests.fakes import ask

DOC_ID = "vision-mal-och-varumarke"


def _write(directory: Path, lang: str, rows: dict[str, str]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{intent}\t{cues}\n" for intent, cues in rows.items())
    (directory / f"{lang}.tsv").write_text("intent\tcues\n" + body, encoding="utf-8")


@pytest.fixture
def cues(tmp_path: Path) -> QuestionCues:
    _write(tmp_path, "sv", {"time": "när, vilket år", "meaning": "tolk*, betyd*", "manner": "hur", "goal": "mål*"})
    _write(tmp_path, "fi", {"time": "milloin, koska", "meaning": "tarkoit*", "count": "kuinka monta"})
    return load_question_cues(tmp_path)


def test_question_is_typed_in_any_language(cues: QuestionCues) -> None:
    assert cues.question_intents("När började visionsarbetet?") == {"time"}
    assert cues.question_intents("milloin visiotyö alkoi") == {"time"}
    assert cues.question_intents("Vilket år antogs visionen?") == {"time"}  # a phrase, word by word
    assert cues.question_intents("mitä visio tarkoittaa") == {"meaning"}  # prefix cue
    assert cues.question_intents("vad BETYDER visionen") == {"meaning"}  # folded
    assert cues.question_intents("kuinka monta ryhmää") == {"count"}
    assert cues.question_intents("kuinka paljon") == frozenset()  # half a phrase is no match
    assert cues.question_intents("år") == frozenset()


def test_cues_match_whole_words_unless_starred(cues: QuestionCues) -> None:
    assert cues.question_intents("hurra") == frozenset()  # "hur" is a whole-word cue
    assert cues.question_intents("hur") == {"manner"}


def _chunk(corpus: Corpus, heading: str) -> Chunk:
    return next(c for c in corpus.document(DOC_ID).chunks if c.kind not in LINE_KINDS and c.heading_path[-1] == heading)


def test_a_compound_ending_in_a_document_word_names_a_document() -> None:
    # as "traffic strategy" does in two words: where to read of it
    cues = load_question_cues()
    for question in ("trafikstrategi", "liikennestrategia", "Verkehrsstrategie?", "bostadsförsörjningsprogram"):
        assert cues.question_intents(question) == {"document", "place"}, question
    assert cues.question_intents("strategiska inriktningar") == frozenset()  # begins with it: no compound
    assert cues.question_intents("kultur") == frozenset()


def test_when_in_a_phrase_for_regarding_asks_no_time() -> None:
    cues = load_question_cues()
    assert "time" not in cues.question_intents("vilket mål har ni när det gäller bostäder?")
    assert "time" not in cues.question_intents("what is the goal when it comes to housing?")
    # a time asked besides still is one
    assert "time" in cues.question_intents("när det gäller visionen, när antogs den?")


def test_what_a_thing_was_for_asks_why() -> None:
    cues = load_question_cues()
    assert "reason" in cues.question_intents("what was the seminar in 2012 for?")
    assert "reason" not in cues.question_intents("what is the goal for culture?")


def test_a_word_of_writing_inside_what_is_written_asks_the_contents() -> None:
    cues = load_question_cues()
    asked = cues.question_intents("що конкретно написано в тому плані?")
    assert {"contents", "document"} <= asked
    assert "published" not in asked
    assert "published" in cues.question_intents("хто написав цю сторінку?")


def test_lines_offer_the_fact_they_state(corpus: Corpus) -> None:
    shipped = load_question_cues()
    offers = {c.text: shipped.chunk_offers(c, "sv") for c in corpus.document(DOC_ID).chunks if c.kind in LINE_KINDS}
    assert offers["Antagen av kommunfullmäktige 2013-05-27, § 68"] == {"decision", "person", "time"}
    assert offers["Publicerad av: Ulrika Hannu"] == {"person", "published"}
    assert offers["Senast ändrad: 2020-02-21"] == {"time", "updated"}
    assert "place" in offers["Läs mer om vårt bostadsförsörjningsprogram (webbsida)"]
    assert "goal" not in offers["Läs mer om vårt bostadsförsörjningsprogram (webbsida)"]  # not its section's label


def test_passages_offer_answer_types(corpus: Corpus, cues: QuestionCues) -> None:
    passages = [c for c in corpus.document(DOC_ID).chunks if c.kind not in LINE_KINDS]
    offers = {c.heading_path[-1]: cues.chunk_offers(c, "sv") for c in passages}
    assert "time" in offers["Hur gjorde vi?"]  # "startade i februari 2012"
    assert "count" in offers["Hur gjorde vi?"]  # "Nio arbetsgrupper"
    assert "manner" in offers["Hur gjorde vi?"]  # its heading asks "Hur …?"
    # how the vision came about, not how it is reached
    shipped = load_question_cues()
    made = {c.heading_path[-1]: shipped.chunk_offers(c, "sv") for c in passages}
    assert "origin" in made["Hur gjorde vi?"]
    assert "origin" not in made["Hur når vi visionen?"]
    assert "origin" in shipped.question_intents("Hur togs visionen fram?")
    assert "origin" not in shipped.question_intents("Hur når vi visionen?")
    # and how it is reached: the way forward
    assert "reach" in made["Hur når vi visionen?"]
    assert "reach" not in made["Hur gjorde vi?"]
    assert "reach" in shipped.question_intents("Jak gmina chce osiągnąć wizję?")  # a prefix cue with its marks
    assert "reach" in shipped.question_intents("Movt gielda áigu joksat višuvnna?")  # Sami "joksat", to reach
    assert "reach" in shipped.question_intents("Sidee bay kommunku u doonayaan inay aragtidan gaaraan?")  # Somali
    # Arabic "الاستراتيجية" after a noun is "strategic", the page's directions, no strategy document
    assert "document" not in shipped.question_intents("ما هي التوجهات الاستراتيجية؟")
    assert "document" in shipped.question_intents("هل هناك استراتيجية للنمو؟")
    assert "reach" not in shipped.question_intents("Na czym gmina się skupia?")  # Polish "na" is no Swedish "nå"
    assert "time" not in offers["Vår vision"]  # its decision date stands on its own line
    assert "meaning" in offers["Vi vill att visionen ska tolkas så här"]  # "tolkas"
    assert "meaning" not in offers["Vår vision"]
    assert "goal" in offers["Boende, bebyggelse och livsmiljö"]  # its label "Mål:"
    assert "time" not in offers["Boende, bebyggelse och livsmiljö"]
    # A document language without cues offers only what its text states.
    assert cues.chunk_offers(_chunk(corpus, "Hur gjorde vi?"), "xx") <= {"time", "count"}


def test_bad_cue_files_fail_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "sv.tsv").write_text("intent\tcues\ntime\tnär\nwhen\tnär\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"sv.tsv:3"):
        read_cue_file(tmp_path / "sv.tsv", "intent", INTENTS)
    (tmp_path / "sv.tsv").write_text("word\tsynonyms\n", encoding="utf-8")
    with pytest.raises(ValueError, match="first line"):
        read_cue_file(tmp_path / "sv.tsv", "intent", INTENTS)


def test_shipped_cue_files_cover_every_intent_in_every_language() -> None:
    shipped = load_question_cues()
    assert len(shipped.by_lang) >= 12
    for lang, table in shipped.by_lang.items():
        assert set(table) == {*INTENTS, *QUALIFIERS}, lang
        assert all(table[i] for i in (*INTENTS, *QUALIFIERS)), lang


def test_answer_type_features_move_the_ranking() -> None:
    """The trained ranker gives weight to answer types, and the `types` ablation removes exactly that."""
    ranker = LinearRanker.load(Path("bot/models/ranker.json"))
    weights = dict(zip(FEATURES, ranker.weights, strict=True))
    assert any(abs(weights[f"offers={i}"]) > 0.05 for i in INTENTS)
    off = ranker.without("types")
    assert all(w == 0.0 for f, w in zip(off.features, off.weights, strict=True) if f.startswith("offers="))
    kept = [w for f, w in zip(off.features, off.weights, strict=True) if not f.startswith("offers=")]
    assert np.allclose(kept, [weights[f] for f in FEATURES if not f.startswith("offers=")])


def test_retrieval_reports_what_matched(pipeline: Pipeline) -> None:
    """A "when" question in Finnish: the passage that states a time is marked, the others not."""
    retrieval = pipeline.retriever.retrieve("milloin visiotyö alkoi?")
    assert "time" in retrieval.asks
    marked = {r.chunk.heading_path[-1] for r in retrieval.ranked if "time" in r.answer_types}
    assert marked == {"Hur gjorde vi?"}
    assert retrieval.ranked[0].chunk.heading_path[-1] == "Hur gjorde vi?"


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("milloin visiotyö alkoi?", "startade i februari 2012"),  # a time
        ("how many groups collected the residents' views?", "Nio arbetsgrupper"),  # a count
    ],
)
def test_the_quote_is_the_sentence_that_states_what_was_asked(service: ChatService, question: str, stated: str) -> None:
    answer = ask(service, question, "sv", log=False)
    assert answer.answered
    assert stated in answer.quotes[0].text
    # Verbatim still: the quote is a slice of the page between sentence boundaries.
    assert answer.quotes[0].text in service.corpus.document(DOC_ID).text


def test_stated_types_of_a_text() -> None:
    assert stated_types("Projektet startade i februari 2012.", "sv") == {"time"}
    assert stated_types("Nio arbetsgrupper arbetade.", "sv") == {"count"}
    assert stated_types("Antagen 2013-05-27 av fullmäktige.", "sv") == {"time"}
    assert stated_types("I Kiruna är människor viktiga.", "sv") == frozenset()
    assert stated_types("Nio arbetsgrupper.", "xx") == frozenset()  # no number words for that language
    assert stated_types("Visionsprojektet Kiruna 2.0 var ett projekt.", "sv") == frozenset()  # a version counts nothing
    assert stated_types("Projektet kostade 350 000 kr.", "sv") == {COST, "count"}
    assert COST in stated_types("En budget på 2 miljoner kronor.", "sv")
    assert COST not in stated_types("Nio arbetsgrupper arbetade 2012.", "sv")


def test_the_page_states_no_cost_and_cost_questions_are_typed() -> None:
    shipped = load_question_cues()
    assert COST in shipped.question_intents("Vad kostade visionsarbetet?")
    assert COST in shipped.question_intents("How much did the project cost?")
    assert COST not in shipped.question_intents("How many working groups were there?")
    assert "to_come" in shipped.question_intents("När antas nästa vision?")
    assert "to_come" not in shipped.question_intents("När antogs visionen?")


def test_a_party_or_office_is_typed_and_stated_only_by_a_text_naming_one() -> None:
    shipped = load_question_cues()
    assert OFFICE in shipped.question_intents("Vilka partier röstade för visionen?")
    assert OFFICE in shipped.question_intents("Who is the mayor of Kiruna?")
    assert OFFICE in shipped.question_intents("شهردار کیرونا کیه؟")  # Persian: who is Kiruna's mayor?
    assert OFFICE not in shipped.question_intents("شهرداری کیرونا چه هدفی دارد؟")  # … the municipality's goal
    assert OFFICE not in shipped.question_intents("Vem antog visionen?")
    assert OFFICE in stated_types("Socialdemokraterna och Centerpartiet röstade för.", "sv")
    assert OFFICE not in stated_types("Antagen av kommunfullmäktige 2013-05-27, § 68", "sv")


def test_a_view_asked_of_someone_is_typed_and_what_the_vision_says_is_not() -> None:
    shipped = load_question_cues()
    assert OPINION in shipped.question_intents("What does LKAB think of the vision?")
    assert OPINION in shipped.question_intents("Was hält die Bergbaufirma LKAB von der Vision?")
    assert OPINION not in shipped.question_intents("What does the vision say about culture?")
    assert OPINION not in shipped.question_intents("Vad står det i visionen om kultur?")


def test_indexed_typing_equals_trying_every_cue() -> None:
    """The per-request lookup by first word finds exactly what trying every cue would."""
    from bot.evaluation.scope_training import training_cases
    from index.analysis import words

    shipped = load_question_cues()

    def every_cue(question: str) -> frozenset[str]:
        out: set[str] = set()
        # as written (with its diacritics), with Arabic-script "و" (and) apart, and without a suffixed "and"
        # (Tigrinya "መዓስን")
        marks = word_marks(question)
        variants = (
            (words(question), marks),
            (split_clitics(words(question)), None),
            (without_suffixed_ands(words(question)), None),
        )
        for k, (tokens, marked) in enumerate(variants):
            if k and tokens == variants[0][0]:
                continue  # nothing apart: the words as written, read once
            found = [
                Match(intent, lang, i, i + len(c.words))
                for lang, table in shipped.by_lang.items()
                for intent, cues in table.items()
                for c in cues
                for i in range(len(tokens))
                if c.matches_at(tokens, i, marked)
                and not (lang in WRITTEN_WITHOUT_MARKS and marked and any(marked[i : i + len(c.words)]))
            ]
            out |= {m.category for m in unnested(found)}
        return frozenset(out)

    questions = [c.question for c in training_cases()][::8]  # a sample keeps this in the fast tier
    assert len(questions) > 140
    assert all(shipped.table.categories(q) == every_cue(q) for q in questions)
    assert sum(bool(shipped.table.categories(q)) for q in questions) > len(questions) / 3


def test_other_diacritics_make_another_word(cues: QuestionCues) -> None:
    """Residents drop diacritics ("nar" is "när"), but "når" (reaches) is not "när" (when)."""
    assert "time" in cues.question_intents("nar antogs visionen")
    assert "time" in cues.question_intents("När antogs visionen")
    assert "time" not in cues.question_intents("Hur når vi visionen?")
    # a prefix cue's marks begin the word's: "mål*" (å) meets "målsättningarna" (å, then ä)
    assert "goal" in cues.question_intents("vilka är målsättningarna")


def test_only_the_languages_a_message_may_be_in_count(tmp_path: Path) -> None:
    # Arabic "أين" (where) folds to the same letters as Persian "این" (this)
    _write(tmp_path, "ar", {"place": "أين"})
    _write(tmp_path, "fa", {"published": "منتشر*"})
    cues = load_question_cues(tmp_path)
    question = "این صفحه را چه کسی منتشر کرده است؟"
    assert cues.question_intents(question) == {"place", "published"}
    assert cues.question_intents(question, ["fa"]) == {"published"}
    assert cues.question_intents("أين أقرأ المزيد؟", ["ar", "fa"]) == {"place"}


def test_a_sentence_stating_a_purpose_answers_why(tmp_path: Path) -> None:
    _write(tmp_path, "sv", {"reason": "varför, syfte*"})
    cues = load_question_cues(tmp_path)
    assert "reason" in cues.sentence_states("Syftet med seminariet var att skapa kontakter.", "sv")
    assert "reason" not in cues.sentence_states("Nio arbetsgrupper arbetade med att samla in åsikter.", "sv")
    assert cues.sentence_states("Visionsprojektet startade i februari 2012.", "sv") == {"time"}


def test_a_sentence_stating_an_outcome_answers_what_it_led_to(tmp_path: Path) -> None:
    _write(tmp_path, "sv", {"outcome": "resulter*, ledde till"})
    cues = load_question_cues(tmp_path)
    assert "outcome" in cues.sentence_states("Detta arbete resulterade i nio inriktningar.", "sv")
    assert "outcome" not in cues.sentence_states("Nio arbetsgrupper arbetade med att samla in åsikter.", "sv")


def test_a_document_named_asks_where_to_read_unless_its_meaning_is_asked() -> None:
    shipped = load_question_cues()
    # the name alone asks the place: the qualifier stays, so "which strategy is being made?" can be told apart
    assert shipped.question_intents("finns det någon strategi för det?") == {"place", "document"}
    assert shipped.question_intents("var kan jag läsa om strategin?") == {"place"}
    assert "place" not in shipped.question_intents("what does the local growth strategy mean?")
    assert "document" not in shipped.question_intents("what does the local growth strategy mean?")
    assert "place" not in shipped.question_intents(
        "vilka strategiska inriktningar finns?"
    )  # "strategic" is no document
    assert shipped.question_intents("which documents are linked on the page?") == {"place"}


def test_an_ethiopic_prefix_matches_its_last_letter_in_any_vowel(tmp_path: Path) -> None:
    # "ክበጽሕ*" (reach) in "ክበጽሖ" (reach it): the suffix changes the vowel of the stem's last letter
    _write(tmp_path, "ti", {"reach": "ክበጽሕ*", "time": "መዓስ"})
    cues = load_question_cues(tmp_path)
    assert cues.question_intents("ብኸመይ ክበጽሖ?") == {"reach"}
    assert cues.question_intents("ብኸመይ ክበጽሕዎ?") == {"reach"}
    assert cues.question_intents("ብኸመይ ክበጽዎ?") == frozenset()  # another consonant where the stem's last is
    assert cues.question_intents("መዓሱ") == frozenset()  # a whole-word cue stays whole


def test_tigrinyas_suffixed_and_does_not_hide_a_cue(tmp_path: Path) -> None:
    # "ዕላማን" is "and the goal", "ዕላማውን" "the goal too": the cue "ዕላማ" (goal) under the suffix
    _write(tmp_path, "ti", {"goal": "ዕላማ", "time": "መዓስ"})
    cues = load_question_cues(tmp_path)
    assert cues.question_intents("ናይ ትምህርቲ ዕላማን") == {"goal"}
    assert cues.question_intents("ዕላማውን") == {"goal"}
    assert cues.question_intents("ዕላን") == frozenset()  # too short to carry a suffix: a word of its own


def test_a_sentence_naming_a_document_states_one_and_compounds_count() -> None:
    shipped = load_question_cues()
    said = "Vi arbetar också fram en lokal tillväxtsstrategi med stöd i visionen."
    assert "document" in shipped.sentence_states(said, "sv")
    assert "document" in shipped.sentence_states("… i det pågående arbetet med ny översiktsplan.", "sv")
    # "strategiska" names no document
    assert "document" not in shipped.sentence_states("Detta resulterade i de strategiska inriktningarna.", "sv")


def test_work_under_way_is_what_a_sentence_in_its_present_states() -> None:
    shipped = load_question_cues()
    assert "current" in shipped.question_intents("What is being drawn up right now?")
    assert "current" in shipped.question_intents("Mitä kunta tekee tällä hetkellä?")
    assert "current" in shipped.sentence_states("Vi arbetar också fram en lokal tillväxtsstrategi.", "sv")
    assert "current" in shipped.sentence_states("… i det pågående arbetet med ny översiktsplan.", "sv")
    assert "current" not in shipped.sentence_states("Nio arbetsgrupper arbetade med att samla in åsikter.", "sv")
    # work under way is no type of passage: no ranker feature, no heading says it
    assert "current" not in shipped.question_intents("Hur når vi visionen?")


def test_whom_it_was_for_is_the_body_a_sentence_names_and_not_who_did_it() -> None:
    shipped = load_question_cues()
    said = "Kiruna 2.0 startade i februari 2012 i samband med ett seminarium för ledamöterna i kommunfullmäktige."
    assert "audience" in shipped.sentence_states(said, "sv")
    assert "person" not in stated_types(said, "sv")  # no by-line: it does not say who led the project
    assert "audience" not in shipped.sentence_states("Vi vill att medborgare ska ha ett gott och tryggt liv.", "sv")
    for question in ("Who was the seminar for?", "Vem var seminariet för?", "Kenelle seminaari oli tarkoitettu?"):
        assert shipped.question_intents(question) & {"audience", "person"} == {"audience"}, question
    assert "person" in shipped.question_intents("Who led the project?")


@pytest.mark.parametrize(
    "question",
    ["How many years ago was the vision adopted?", "Скільки років баченню?", "Ile lat ma wizja?", "چند سالشه؟"],
)
def test_how_many_years_asks_a_time_not_a_count(question: str) -> None:
    intents = load_question_cues().question_intents(question)
    assert "time" in intents
    assert "count" not in intents
    assert "count" in load_question_cues().question_intents("How many working groups were there?")


def test_taking_part_asks_how_it_came_about_not_a_decision() -> None:
    # Somali "qaateen" (they adopted) stands inside "ka qayb qaateen" (they took part)
    intents = load_question_cues().question_intents("Dadka degmada ma ka qayb qaateen samaynta aragtida?")
    assert "origin" in intents
    assert "decision" not in intents


def test_a_word_with_diacritics_is_no_english_or_somali_cue() -> None:
    # Meänkieli "meän" (our) folds to English "mean": written with its "ä", it is no English word
    shipped = load_question_cues()
    assert "meaning" not in shipped.question_intents("Meän kläpit käyvät koulua")
    assert "meaning" in shipped.question_intents("what does it mean?")
    assert "meaning" in shipped.question_intents("Mitä tämä meinaa?")


def test_contact_details_are_stated_by_an_address_or_a_number() -> None:
    assert CONTACT in stated_types("Kontakt: ulrika.hannu@kiruna.se", "sv")
    assert CONTACT in stated_types("Ring 0980-700 00 eller +46 980 70 000", "sv")
    # a date, a paragraph and a strategy's years are no phone number
    assert CONTACT not in stated_types("Antagen av kommunfullmäktige 2013-05-27, § 68", "sv")
    assert CONTACT not in stated_types("Läs mer om näringslivsstrategi 2016-2018", "sv")


def test_a_comparison_and_a_way_to_reach_someone_are_typed() -> None:
    shipped = load_question_cues()
    assert COMPARISON in shipped.question_intents("Is our vision better than the one in Umeå?")
    assert COMPARISON in shipped.question_intents("Onko visio parempi kuin Luulajan?")
    assert CONTACT in shipped.question_intents("what is her email address?")
    assert CONTACT in shipped.question_intents("Har hon något telefonnummer?")
    assert CONTACT in shipped.question_intents("ما هو رقم هاتفها؟")  # Arabic: what is her phone number?


def test_a_future_auxiliary_asks_what_is_to_come() -> None:
    shipped = load_question_cues()
    assert TO_COME in shipped.question_intents("When will the vision be reached?")
    assert TO_COME in shipped.question_intents("Kiedy będzie nowa strategia?")
    assert TO_COME not in shipped.question_intents("When was the vision adopted?")


def test_taking_part_an_end_a_venue_and_a_ranking_are_typed() -> None:
    shipped = load_question_cues()
    assert TAKE_PART in shipped.question_intents("Can I still join a working group?")
    assert TAKE_PART in shipped.question_intents("Voinko osallistua visiotyöhön?")
    # how residents took part then is how the vision was made, not how to take part now
    assert TAKE_PART not in shipped.question_intents("How did residents take part in the vision work?")
    assert ENDED in shipped.question_intents("När slutade projektet?")
    assert VENUE in shipped.question_intents("Where was the seminar held?")
    assert VENUE in shipped.question_intents("Missä seminaari pidettiin?")
    assert RANKED in shipped.question_intents("Which direction is the most important?")
    assert RANKED not in shipped.question_intents("Why is culture important?")
    assert HOW_I in shipped.question_intents("How do I apply for an apartment?")
    assert HOW_I in shipped.question_intents("Sideen shaqo ku heli karaa?")
    # the main ones, plural, are the list the page has
    assert RANKED not in shipped.question_intents("Mitkä ovat kunnan tärkeimmät tavoitteet?")


def test_no_cue_is_listed_twice_in_a_row() -> None:
    # a second copy matches nothing the first does not: it only hides which phrasings a row really has
    for path in sorted(DEFAULT_CUES_DIR.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            intent, cues = line.split("\t", 1)
            listed = [c.strip() for c in cues.split(",")]
            assert len(listed) == len(set(listed)), (path.name, intent)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("När är marknaden i år?", "sv"),
        ("Wann ist der Markt dieses Jahr?", "de"),
        ("Koska oon markkinat tänä vuona?", "fit"),
        ("Goas lea márkan dán jagi?", "se"),
        ("متى السوق هذا العام؟", "ar"),
    ],
)
def test_a_time_this_year_or_after_is_a_time_to_come(question: str, lang: str) -> None:
    # the page dates only what is past (2012, 2013, 2020): "this year", "tomorrow" ask a time it cannot give
    intents = load_question_cues().question_intents(question, (lang,))
    assert {"time", "to_come"} <= intents


def test_good_morning_is_no_time_to_come() -> None:
    # German "morgen" (tomorrow) opens "Guten Morgen": only "heute abend", "nächste Woche" … are listed
    assert "to_come" not in load_question_cues().question_intents("Guten Morgen, wann wurde die Vision angenommen?")


def test_a_spread_cue_finds_its_second_part_a_few_words_on(tmp_path: Path) -> None:
    # "wurde das Ziel für Bildung erreicht?": the auxiliary and the participle stand apart, whatever the subject
    _write(tmp_path, "de", {"achieved": "wurde ... erreicht", "time": "wann"})
    cues = load_question_cues(tmp_path)
    assert cues.question_intents("Wurde das Ziel für Bildung und Forschung erreicht?") == {"achieved"}
    assert cues.question_intents("wurde erreicht") == {"achieved"}  # no word between is a gap of none
    assert cues.question_intents("erreicht wurde das Ziel") == frozenset()  # its parts in its order only
    far = "wurde in der Gemeinde von den Menschen hier im hohen Norden erreicht"  # further than SPREAD_GAP words
    assert cues.question_intents(far) == frozenset()
    spread = make_cue("wurde ... erreicht")
    assert spread is not None
    assert spread.words == ("wurde",)
    assert spread.all_words == ("wurde", "erreicht")


def test_shipped_cues_type_concrete_projects_and_todays_office_holder() -> None:
    shipped = load_question_cues()
    assert PROJECTS in shipped.question_intents("Welche konkreten Projekte gibt es für die Kultur?")
    assert PROJECTS in shipped.question_intents("vilka konkreta åtgärder har kommunen för boendet?")
    assert PROJECTS not in shipped.question_intents("Welche Projekte?")  # a project named is no concrete one asked
    assert {OFFICE, CURRENT} <= shipped.question_intents("Wer ist heute für die Vision zuständig?")
    assert ACHIEVED in shipped.question_intents("Har kommunen nått några av sina mål?")


def test_a_document_named_in_the_pages_swedish_is_named_in_any_language() -> None:
    # residents copy a document's name from the page into a question of their own language
    shipped = load_question_cues()
    assert "document" in shipped.question_intents("was steht im bostadsförsörjningsprogram?", ["de"])
    assert "document" in shipped.question_intents("що написано в trafikstrategi?", ["uk"])
    assert "document" not in shipped.question_intents("was ist das Ziel für Wohnen?", ["de"])
