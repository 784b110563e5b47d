"""What residents read, with the real model: facts, lists, several parts, follow-ups, clarifications.

Each answer's quotes are checked against the page as published, not only against their offsets.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from bot.chat.answer import Answer, ChatRequest
from bot.language.detection import RELATIVES
from bot.language.messages import M, load_catalogs
from bot.service import ChatService
from tests.conftest import SEED
from tests.fakes import run_async

PUBLISHED = re.sub(r"[^\S\n]+", " ", unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8")))
DIRECTIONS = [
    "Inriktning: Näringslivsutveckling och arbetsmarknad",
    "Inriktning: Offentlig och kommersiell service",
    "Inriktning: Boende, bebyggelse och livsmiljö",
    "Inriktning: Kommunikationer",
    "Inriktning: Kultur, fritid och idrott i hela kommunen",
    "Inriktning: Utbildning och forskning",
]


def _turns(chat: ChatService, *messages: str, **extra: object) -> Answer:
    """Send messages one after the other, as the widget does; the last answer."""

    async def run() -> Answer:
        conversation = None
        answer = None
        for message in messages:
            request = ChatRequest.model_validate({"message": message, "conversation": conversation, **extra})
            answer = await chat.answer(request, log=False)
            conversation = answer.conversation
        assert answer is not None
        return answer

    return run_async(run)


def _assert_small_talk(answer: Answer, lang: str) -> None:
    """Small talk, answered in the language it was written in (or asked for)."""
    assert (answer.kind, answer.lang) == ("smalltalk", lang)


def _verbatim(answer: Answer) -> str:
    for quote in answer.quotes:
        assert quote.text in PUBLISHED
    return "\n".join(q.text for q in answer.quotes)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("När antogs visionen?", "Antagen av kommunfullmäktige 2013-05-27, § 68"),
        ("When was the vision adopted and by whom?", "Antagen av kommunfullmäktige 2013-05-27, § 68"),
        ("Milloin visio hyväksyttiin?", "2013-05-27"),
        ("Vem har publicerat sidan?", "Publicerad av: Ulrika Hannu"),
        ("When was the page last updated?", "Senast ändrad: 2020-02-21"),
        ("Wann wurde die Seite zuletzt geändert?", "Senast ändrad: 2020-02-21"),
        ("Var kan jag läsa mer om bostadsförsörjningen?", "Läs mer om vårt bostadsförsörjningsprogram (webbsida)"),
        ("How many working groups collected residents' views?", "Nio arbetsgrupper"),
    ],
)
def test_a_question_for_a_fact_quotes_the_line_that_states_it(service: ChatService, question: str, fact: str) -> None:
    answer = _turns(service, question)
    assert answer.kind == "answer", question
    assert fact in _verbatim(answer), question


@pytest.mark.parametrize("message", ["julkasija", "kukka julkasi?", "sidans utgivare?", "ሓታሚ ናይ ገጽ?"])
def test_only_the_words_asking_who_published_the_page_ask_the_page(service: ChatService, message: str) -> None:
    # Meänkieli and spoken Finnish "publisher", "who published?": a word or two the scope model reads as far out;
    # the page named beside the word for its publisher is what is asked of, not a topic of its own
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert _verbatim(answer) == "Publicerad av: Ulrika Hannu"


def test_the_adoption_date_is_quoted_with_the_vision_it_adopted(service: ChatService) -> None:
    answer = _turns(service, "När antogs visionen?")
    texts = [q.text for q in answer.quotes]
    assert texts[0] == "Antagen av kommunfullmäktige 2013-05-27, § 68"
    assert texts[1].startswith("Vår övertygelse om människors lika värde")
    assert "februari 2012" not in answer.answer  # never the start of the project as the adoption date


def test_the_strategic_directions_are_listed_in_page_order(service: ChatService) -> None:
    for question, lang in (("Vilka är de strategiska inriktningarna?", "sv"), ("List the strategic directions", "en")):
        answer = _turns(service, question)
        assert answer.lang == lang
        assert [q.text for q in answer.quotes] == DIRECTIONS, question
        _verbatim(answer)
        assert "6" in answer.lead  # the count is the bot's, computed from the page's structure


def test_asking_for_the_goals_lists_each_direction_with_its_goal(service: ChatService) -> None:
    answer = _turns(service, "Vilka mål har kommunen för de olika områdena? Lista alla mål.")
    assert [q.text.split("\n")[0] for q in answer.quotes] == DIRECTIONS
    assert all("\nMål: " in q.text for q in answer.quotes)
    _verbatim(answer)


def test_a_list_request_in_words_the_scope_model_reads_little_of_is_answered(service: ChatService) -> None:
    # Northern Sami "show all the goals"; Levantine Arabic "what are all the overall goals"
    for question, lang in (("čájet buot ulbmiliid", "se"), ("شو هي الاهداف الشاملة كلها", "ar")):
        answer = _turns(service, question)
        assert answer.kind == "answer", question
        assert answer.lang == lang
        assert [q.text.split("\n")[0] for q in answer.quotes] == DIRECTIONS, question
        _verbatim(answer)
    # a list request the scope model clearly reads as about something else stays refused
    assert _turns(service, "list the goals of the ice hockey team").kind == "out_of_scope"


def test_tigrinya_names_the_list_in_its_own_spelling(service: ChatService) -> None:
    # "ስትራተጂካዊ" (strategic) is spelled "ስትራተጂያዊ" in the translated heading: Ge'ez letters are syllables
    answer = _turns(service, "ስትራተጂካዊ ኣንፈታት ኮሙን እንታይ እዮም?")
    assert [q.text.split("\n")[0] for q in answer.quotes] == DIRECTIONS
    _verbatim(answer)


@pytest.mark.parametrize(
    "question", ["Hur togs visionen fram?", "Mo višuvdna ráhkaduvvui?", "How was the vision developed?"]
)
def test_how_the_vision_was_made_is_not_how_it_is_reached(service: ChatService, question: str) -> None:
    quoted = _verbatim(_turns(service, question))
    assert "Visionsprojektet Kiruna 2.0 startade" in quoted
    assert "bryts ned till nämnds- och verksamhetsmål" not in quoted


def test_a_question_in_two_parts_gets_both_parts_in_order(service: ChatService) -> None:
    answer = _turns(service, "Vad är målet för kommunikationer och vad är målet för utbildningen?")
    quoted = _verbatim(answer)
    assert "Kiruna ska ha goda kommunikationer" in quoted
    assert "Kiruna har god kvalitet i utbildningen" in quoted
    assert quoted.index("goda kommunikationer") < quoted.index("kvalitet i utbildningen")


def test_a_question_in_three_parts(service: ChatService) -> None:
    answer = _turns(service, "När antogs visionen, vem publicerade sidan och när ändrades den senast?")
    quoted = _verbatim(answer)
    for fact in ("2013-05-27", "Ulrika Hannu", "2020-02-21"):
        assert fact in quoted


def test_a_somali_who_with_its_joined_and_asks_for_the_person(service: ChatService) -> None:
    # "yaase" is "yaa" (who) with "-se" (and) joined: the second part asks who published the page
    answer = _turns(service, "Goorma ayaa aragtida la ansixiyay, yaase daabacay boggan?")
    quoted = _verbatim(answer)
    assert "2013-05-27" in quoted
    assert "Ulrika Hannu" in quoted


def test_a_tigrinya_follow_up_with_its_joined_what_about(service: ChatService) -> None:
    answer = _turns(service, "ዕላማ መንበሪ ገዛ እንታይ እዩ?", "ናይ ትምህርቲኸ?")  # "and for education?"
    assert answer.kind == "answer"
    assert "Kiruna har god kvalitet i utbildningen" in _verbatim(answer)


def test_the_years_a_linked_strategy_covers_quote_its_line(service: ChatService) -> None:
    # "کسب و کار" (business) is one thing on the page: its "و" (and) cuts nothing
    for question in (
        "Which years is the business strategy for?",
        "صفحه کی تغییر کرد و استراتژی کسب و کار برای چه سالهایی است؟",
    ):
        assert "näringslivsstrategi 2016-2018" in _verbatim(_turns(service, question)), question


def test_arabic_parts_joined_by_a_glued_and_with_harakat(service: ChatService) -> None:
    # "ومتى" is "و" (and) glued to "متى" (when); "اعتُمدت" carries a damma the folded words drop
    answer = _turns(service, "متى اعتُمدت الرؤية ومتى تم تعديل الصفحة آخر مرة؟")
    assert answer.lang == "ar"
    quoted = _verbatim(answer)
    assert "2013-05-27" in quoted
    assert "2020-02-21" in quoted


@pytest.mark.parametrize(
    ("message", "first", "second"),
    [
        (
            "Vad är målet för boendet? Finns det något att läsa om bostäderna?",
            "En god och trygg livsmiljö",
            "Läs mer om vårt bostadsförsörjningsprogram (webbsida)",
        ),
        # Finnish "ja" is Meänkieli's "and" too: one cut point each, not two, and no part dropped
        (
            "Milloin visio hyväksyttiin ja kuka sen hyväksyi? Ja kuka julkaisi sivun?",
            "Antagen av kommunfullmäktige 2013-05-27",
            "Publicerad av: Ulrika Hannu",
        ),
    ],
)
def test_each_sentence_is_a_part_of_its_own(service: ChatService, message: str, first: str, second: str) -> None:
    quoted = _verbatim(_turns(service, message))
    assert first in quoted
    assert second in quoted


def test_two_topics_under_one_question_word(service: ChatService) -> None:
    # "kultur" alone is also the interpretation's "många kulturer": read in the frame of the part before it
    answer = _turns(service, "Vilka mål har ni för bostäder och kultur?")
    quoted = _verbatim(answer)
    assert quoted.index("En god och trygg livsmiljö") < quoted.index("Kultur och idrott ska vara lättillgängligt")
    assert "många kulturer" not in quoted


def test_two_parts_in_one_passage_get_one_quote_covering_both(service: ChatService) -> None:
    answer = _turns(service, "When did the vision work start, and how many working groups were there?")
    quoted = [q.text for q in answer.quotes]
    both = [q for q in quoted if "februari 2012" in q and "Nio arbetsgrupper" in q]
    assert len(both) == 1, quoted
    _verbatim(answer)


def test_a_purpose_is_answered_with_the_sentence_stating_it(service: ChatService) -> None:
    answer = _turns(service, "Warum gab es 2012 ein Seminar?")
    assert "Syftet med seminariet" in _verbatim(answer)


def test_a_where_question_that_no_link_answers_quotes_the_passage(service: ChatService) -> None:
    answer = _turns(service, "In which plans has the vision work been used?")
    quoted = _verbatim(answer)
    assert "utvecklingsplanen för nytt centrum" in quoted
    assert "Läs " not in quoted


def _items(answer: Answer) -> list[str]:
    """A list answer's items: its quotes less any set apart with a lead of their own."""
    return [q.text.split("\n")[0] for q in answer.quotes if not q.lead]


@pytest.mark.parametrize(
    "question", ["How many strategic directions are there?", "hur många strategiska inriktningar finns det?"]
)
def test_a_count_quotes_the_other_count_the_page_states_under_its_section(service: ChatService, question: str) -> None:
    # six listed, "de nio strategiska inriktningarna" said of the work that made them: both, each labelled
    answer = _turns(service, question)
    assert _items(answer) == DIRECTIONS
    assert "6" in answer.lead
    aside = [q for q in answer.quotes if q.lead]
    assert len(aside) == 1
    assert "de nio strategiska inriktningarna" in aside[0].text
    assert aside[0].section.endswith("Hur gjorde vi?")
    assert ("Hur gjorde vi?" if answer.lang == "sv" else "How did we do it?") in aside[0].lead
    assert aside[0].lead in answer.answer
    assert f"• {aside[0].translation.text if aside[0].translation else aside[0].text}" not in answer.answer


def test_a_list_asked_without_a_count_quotes_no_other_count(service: ChatService) -> None:
    answer = _turns(service, "Vilka är de strategiska inriktningarna?")
    assert _items(answer) == DIRECTIONS
    assert not any(q.lead for q in answer.quotes)


def test_counting_goals_lists_them_and_counting_groups_quotes_the_count(service: ChatService) -> None:
    goals = _turns(service, "How many goals does the municipality have?")
    assert _items(goals) == DIRECTIONS
    groups = _turns(service, "Hur många arbetsgrupper deltog?")
    assert "Nio arbetsgrupper" in _verbatim(groups)
    assert not any(q.text in DIRECTIONS for q in groups.quotes)


@pytest.mark.parametrize(
    "question",
    [
        "How many working groups were there and how many strategic directions are there?",
        "Ile jest kierunków i ile było grup roboczych?",
    ],
)
def test_two_counts_get_the_list_and_the_sentence_stating_the_other(service: ChatService, question: str) -> None:
    answer = _turns(service, question)
    assert _items(answer) == DIRECTIONS
    quoted = _verbatim(answer)
    assert "Nio arbetsgrupper" in quoted
    assert quoted.count("Detta arbete resulterade") == 1  # beside the list and in the count's sentence: once


def test_counting_the_lists_own_goals_beside_it_keeps_the_goals_in_the_list(service: ChatService) -> None:
    answer = _turns(service, "How many directions and how many goals are there?")
    assert _items(answer) == DIRECTIONS
    assert any(q.text.startswith(DIRECTIONS[0]) and "\nMål:" in q.text for q in answer.quotes)
    assert "Syftet med seminariet" not in _verbatim(answer)


def test_who_took_part_in_the_groups_is_refused_and_who_the_seminar_was_for_answered(service: ChatService) -> None:
    # "vilka var med" asks who took part, in the words of who a seminar was for: the page names no group's members
    assert _turns(service, "Vilka var med i arbetsgrupperna?").kind == "out_of_scope"
    seminar = _turns(service, "Vem var seminariet för?")
    assert "för ledamöterna i kommunfullmäktige" in _verbatim(seminar)


def test_a_somali_relative_clause_is_one_question_counting_people(service: ChatService) -> None:
    # "qof oo deegaanka ah" (people who are local): "oo … ah" is no "and"; the page counts groups, not people
    answer = _turns(service, "Immisa qof oo deegaanka ah ayaa ka qayb qaatay kooxaha shaqada?")
    assert (answer.kind, answer.lang) == ("out_of_scope", "so")


def test_a_part_naming_nothing_asks_of_the_unanswered_part_before_it(service: ChatService) -> None:
    # "… and when was it adopted?" of the growth strategy, which the page names and dates nowhere
    strategy = _turns(service, "What does the growth strategy say and when was it adopted?")
    assert strategy.kind == "out_of_scope"
    assert "2013-05-27" not in _verbatim(strategy)
    # ... and of the vision, whose cost the page does not state and whose adoption it does
    vision = _turns(service, "What did the vision cost and when was it adopted?")
    assert vision.kind == "answer"
    assert "Antagen av kommunfullmäktige 2013-05-27, § 68" in _verbatim(vision)


def test_more_information_about_it_after_a_goal_is_its_read_more_line(service: ChatService) -> None:
    answer = _turns(service, "هدف کمون برای کسب‌وکار و بازار کار چیه؟", "اطلاعات بیشتری در این مورد هست؟")
    assert answer.lang == "fa"
    assert "Läs mer om näringslivsstrategi 2016-2018" in _verbatim(answer)


def test_the_sentence_about_ore_after_the_vision_is_the_vision(service: ChatService) -> None:
    # "речення" (sentence) points at the page's own words: it names no topic the page lacks
    answer = _turns(service, "Яке бачення має комуна Кіруна?", "а що там за речення про руду?")
    assert (answer.kind, answer.lang) == ("answer", "uk")
    assert "värdefull som vår malm" in _verbatim(answer)


def test_a_persian_question_about_the_page_is_not_read_as_arabic_where(service: ChatService) -> None:
    # Arabic "أين" (where) folds to Persian "این" (this): only the message's own languages' cues count
    answer = _turns(service, "این صفحه را چه کسی منتشر کرده است؟")
    assert answer.lang == "fa"
    assert "Publicerad av: Ulrika Hannu" in _verbatim(answer)


def test_an_elliptical_follow_up_keeps_the_question(service: ChatService) -> None:
    answer = _turns(service, "Vad är målet för bostäder?", "och för kultur?")
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(answer)
    answer = _turns(service, "Mikä on asumisen tavoite?", "entä kulttuurin?")
    assert answer.lang == "fi"
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(answer)


def test_a_follow_up_naming_one_goal_is_not_the_list(service: ChatService) -> None:
    # "tavoite" (goal) is a word of the list's heading, but the follow-up names one item
    answer = _turns(service, "Milloin visio hyväksyttiin?", "entä kulttuurin tavoite?")
    assert answer.lang == "fi"
    assert [q.text.split("\n")[0] for q in answer.quotes] == ["Inriktning: Kultur, fritid och idrott i hela kommunen"]
    _verbatim(answer)


def test_a_reference_to_the_last_answer(service: ChatService) -> None:
    answer = _turns(service, "Vad är Kirunas vision?", "när beslutades det?")
    assert "2013-05-27" in _verbatim(answer)


def test_a_spoken_pointing_word_is_no_topic_of_its_own(service: ChatService) -> None:
    # spoken Finnish "toi" (that) is no stopword: "what does that mean in practice?" asks of the education goal
    answer = _turns(service, "Mikä on koulutuksen tavoite?", "mitä toi tarkottaa käytännössä?")
    assert _verbatim(answer).startswith(DIRECTIONS[5])


def test_a_question_of_the_world_keeps_its_language(service: ChatService) -> None:
    answer = _turns(service, "how do i pay my property tax")  # "my" is no Polish word of the cue tables ("7my")
    assert answer.kind == "out_of_scope"
    assert answer.lang == "en"


def test_an_ordinal_picks_from_the_last_list(service: ChatService) -> None:
    answer = _turns(service, "Vilka är de strategiska inriktningarna?", "och den fjärde?")
    assert _verbatim(answer).startswith("Inriktning: Kommunikationer")
    answer = _turns(service, "Which strategic directions are there?", "the first one")
    assert _verbatim(answer).startswith("Inriktning: Näringslivsutveckling och arbetsmarknad")


@pytest.mark.parametrize(
    ("listing", "past"),
    [
        ("What are the strategic directions?", "the seventh one?"),
        ("Vilka är de strategiska inriktningarna?", "och det nionde?"),  # the page speaks of "de nio"
        ("Vilka är de strategiska inriktningarna?", "den sjätte || och nästa?"),
    ],
)
def test_an_ordinal_past_the_list_offers_the_list_to_choose_from(service: ChatService, listing: str, past: str) -> None:
    answer = _turns(service, listing, *past.split(" || "))
    assert answer.kind == "clarification"
    assert not answer.quotes
    assert "6" in answer.lead
    assert len(answer.suggestions) == len(DIRECTIONS)
    # the list stays the conversation's: the third one is still the third direction
    third = _turns(service, listing, *past.split(" || "), "the third one" if answer.lang == "en" else "den tredje")
    assert _verbatim(third).startswith(DIRECTIONS[2])


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("متى تم اعتماد الرؤية؟", "وماذا عن الثقافة؟"),  # when was the vision adopted? and what about culture?
        ("When was the vision adopted?", "and what about culture?"),
        # the interpretation, speaking of "många kulturer", ranks above the culture goal here
        ("Milloin visio hyväksyttiin?", "entä kulttuurin?"),
        ("När antogs visionen?", "och för kultur?"),
    ],
)
def test_a_fact_asked_of_another_item_is_not_a_date_of_another_section(
    service: ChatService, first: str, follow_up: str
) -> None:
    answer = _turns(service, first, follow_up)
    quoted = _verbatim(answer)
    assert quoted.startswith(DIRECTIONS[4])
    assert "2012" not in quoted
    assert "2013" not in quoted


@pytest.mark.parametrize(
    ("message", "quoted", "part"),
    [
        ("När antogs visionen och vad kostar bussen?", "2013-05-27", "vad kostar bussen?"),
        ("Vilka är målen och har de uppnåtts?", DIRECTIONS[3], "har de uppnåtts?"),
        # a part the scope model refuses, in words the page lacks, is said too
        ("När antogs visionen och vem vann Melodifestivalen?", "2013-05-27", "vem vann Melodifestivalen?"),
        ("Vad är målet för boende och vilka partier styr?", "Boende, bebyggelse och livsmiljö", "vilka partier styr?"),
        ("What is the housing goal and who is the mayor of Kiruna?", "Boende", "who is the mayor of Kiruna?"),
    ],
)
def test_a_part_no_page_answers_is_said_not_dropped(service: ChatService, message: str, quoted: str, part: str) -> None:
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert quoted in _verbatim(answer)
    assert len(answer.not_answered) == 1
    assert f"{part}”" in answer.not_answered[0]
    assert answer.not_answered[0] in answer.answer


@pytest.mark.parametrize(
    "message",
    [
        "Has Kiruna already reached these goals?",
        "Oonko ne tavotteet jo saavutettu?",  # Meänkieli: have the goals been reached already?
        "Ma la qiimeeyay in yoolalka la gaaray iyo in kale?",  # Somali: was it judged whether the goals were reached?
        "هل حققت البلدية الأهداف؟",  # Arabic: did the municipality achieve the goals?
        "Wurden die übergeordneten Ziele eigentlich erreicht?",
    ],
)
def test_whether_the_goals_were_reached_is_not_on_the_page(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


@pytest.mark.parametrize(
    "turns",
    [
        ("Vilka partier röstade för visionen i kommunfullmäktige?",),
        ("which parties voted for the vision?",),
        ("Milloin visio hyväksyttiin?", "Kuka oli silloin kunnanjohtaja?"),  # … who was the municipal manager then?
        ("ما هي الأحزاب التي صوتت لصالح الرؤية؟",),  # Arabic: which parties voted for the vision?
    ],
)
def test_a_party_or_office_holder_the_page_does_not_name_is_refused(
    service: ChatService, turns: tuple[str, ...]
) -> None:
    assert _turns(service, *turns).kind == "out_of_scope"


@pytest.mark.parametrize(
    "message",
    [
        "vem är ansvarig för inriktningen boende och bebyggelse",
        "who is responsible for the communications goal, is there a named person?",
        "kuka johtaa koulutuksen ja tutkimuksen suuntaa?",  # Finnish: who leads the education direction?
        "من المسؤول عن التعليم في البلدية؟",  # Arabic: who is responsible for education in the municipality?
        "Wurde das Ziel für Wohnen inzwischen erreicht?",
        "czy cel dla kultury został już osiągnięty?",  # Polish: has the goal for culture been reached yet?
    ],
)
def test_who_leads_a_direction_or_whether_its_goal_was_reached_is_refused(service: ChatService, message: str) -> None:
    # the direction's passage names no one in charge and no result
    assert _turns(service, message).kind == "out_of_scope"


@pytest.mark.parametrize("message", ["Kto odpowiada za tę stronę?", "Хто відповідає за цю сторінку?"])
def test_who_is_responsible_for_the_page_is_its_by_line(service: ChatService, message: str) -> None:
    assert "Ulrika Hannu" in _verbatim(_turns(service, message))


def test_a_time_asked_of_nothing_the_page_names_is_refused(service: ChatService) -> None:
    # Meänkieli: when will our yard road be ploughed? (the future said in the present); "konsa päätethiin?"
    # (when was it decided?) names the decision
    assert _turns(service, "koska aurathaan meän pihatie??").kind == "out_of_scope"
    assert "2013-05-27" in _verbatim(_turns(service, "konsa päätethiin?"))


def test_small_talk_in_few_of_its_tables_words_is_small_talk_when_it_means_them(service: ChatService) -> None:
    # Northern Sami: is this AI, or does some person sit there and answer? Few of its words are the identity
    # table's, and it reads nearest "are you a bot?"; "kiitos. mitä visio sanoo kulttuurista?" asks beside a thanks
    assert _turns(service, "leago dát AI vai čohkká go muhtun olmmoš doppe ja vástida?").kind == "smalltalk"
    assert _turns(service, "kiitos. mitä visio sanoo kulttuurista?").kind == "answer"


def test_sentences_each_reading_as_small_talk_are_small_talk(service: ChatService) -> None:
    # Northern Sami: how's it going? are you tired? No word of it is a table's; each sentence reads as a greeting.
    # "the last one? tell me more" points at the last list, however near its sentences read to small talk
    assert _turns(service, "Mot manná? Leat go váiban?").kind == "smalltalk"
    assert _turns(service, "Are you still there? Hello??").kind == "smalltalk"
    assert _turns(service, "List the strategic directions", "the last one? tell me more").kind == "answer"


def test_a_remark_on_the_answer_is_small_talk_and_asking_more_is_not(service: ChatService) -> None:
    assert _turns(service, "Vad är målet för kultur?", "kul, mina barn spelar fotboll 👍").kind == "smalltalk"
    assert _turns(service, "när antogs visionen?", "säg mer om det").kind == "answer"


def test_a_greeting_and_a_count_in_words_the_page_lacks_are_no_unanswered_part(service: ChatService) -> None:
    # Somali: hi! I'm doing a school project. How many working groups took part in making the vision, and when
    # was the page last changed? ("oo" cuts "kooxood oo shaqo", work groups, in two)
    message = (
        "Haye! Waxaan sameynayaa mashruuc dugsiga ah. Imisa kooxood oo shaqo ayaa ka qaybqaatay samaynta "
        "aragtida, goormase ayaa boggan la beddelay markii ugu dambaysay?"
    )
    answer = _turns(service, message)
    assert "Nio arbetsgrupper" in _verbatim(answer)
    assert answer.not_answered == []


@pytest.mark.parametrize(
    "message",
    ["Kommer det en ny vision snart?", "Tuleeko uusi visio?", "في رؤية جديدة؟", "Is a new vision coming?"],
)
def test_a_new_one_of_the_adopted_vision_is_not_on_the_page(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_new_words_beside_no_decided_section_are_still_answered(service: ChatService) -> None:
    # "new thinking" is the vision's own word; the brand platform is new, and no section decided
    assert "nytänkande" in _verbatim(_turns(service, "co oznacza w wizji to nowe myślenie?"))
    assert "varumärkesplattform" in _verbatim(_turns(service, "Vad säger sidan om den nya varumärkesplattformen?"))


def test_who_adopted_the_vision_is_still_the_council(service: ChatService) -> None:
    assert "Antagen av kommunfullmäktige" in _verbatim(_turns(service, "Vem röstade igenom visionen?"))


def test_how_the_goals_are_to_be_reached_is(service: ChatService) -> None:
    for message in ("How will the goals be reached?", "Wie sollen die Ziele erreicht werden?"):
        assert _verbatim(_turns(service, message)).startswith("De övergripande målen bryts ned")


def test_a_part_asking_its_own_question_is_no_count_of_it(service: ChatService) -> None:
    quoted = _verbatim(_turns(service, "Hur många arbetsgrupper var det och vad hette projektet?"))
    assert "Nio arbetsgrupper" in quoted
    assert "Visionsprojektet Kiruna 2.0" in quoted


def test_two_words_of_one_item_joined_by_and_are_one_part(service: ChatService) -> None:
    # Somali: what is the goal for work and business? and what is said of housing?
    quoted = _verbatim(_turns(service, "Maxay tahay hadafka shaqada iyo ganacsiga? guryahana maxaa laga yiri?"))
    assert quoted.startswith(DIRECTIONS[0])
    assert DIRECTIONS[2] in quoted
    assert DIRECTIONS[1] not in quoted


def test_strategic_in_arabic_names_no_document(service: ChatService) -> None:
    # what are Kiruna's strategic directions? list them all please
    answer = _turns(service, "ما هي التوجهات الاستراتيجية في كيرونا؟ اذكرها كلها من فضلك")
    assert [q.text for q in answer.quotes] == DIRECTIONS


@pytest.mark.parametrize(("request_text", "lang"), [("på engelska, tack", "en"), ("in Persian please", "fa")])
def test_a_language_request_repeats_the_last_answer_in_that_language(
    service: ChatService, request_text: str, lang: str
) -> None:
    first = _turns(service, "Vad är målet för kultur och idrott?")
    again = _turns(service, "Vad är målet för kultur och idrott?", request_text)
    assert again.lang == lang
    assert [q.text for q in again.quotes] == [q.text for q in first.quotes]


def test_a_new_question_after_a_follow_up_starts_fresh(service: ChatService) -> None:
    answer = _turns(service, "Vad är målet för bostäder?", "och för kultur?", "Hur gjorde ni när visionen togs fram?")
    assert "Visionsprojektet Kiruna 2.0" in _verbatim(answer) or "Nio arbetsgrupper" in _verbatim(answer)


def test_an_out_of_scope_turn_does_not_poison_the_next(service: ChatService) -> None:
    refused = _turns(service, "Vad är målet för bostäder?", "När går bussen till Abisko?")
    assert refused.kind == "out_of_scope"
    answer = _turns(service, "Vad är målet för bostäder?", "När går bussen till Abisko?", "och för kultur?")
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(answer)


def test_a_follow_up_with_its_own_ask_does_not_take_the_last_one(service: ChatService) -> None:
    # "when" was the last question's ask; "the goal for housing" is this one's
    answer = _turns(service, "När antogs visionen?", "och målet för boende?")
    assert _verbatim(answer).startswith("Inriktning: Boende, bebyggelse och livsmiljö")
    assert "inte på sidan" not in answer.answer


def test_a_follow_up_to_a_list_names_one_item_and_keeps_the_list(service: ChatService) -> None:
    turns = ("What are the strategic directions?", "and the goal for housing?")
    answer = _turns(service, *turns)
    assert len(answer.quotes) == 1, "one item, not the whole list again"
    assert _verbatim(answer).startswith("Inriktning: Boende, bebyggelse och livsmiljö")
    fourth = _turns(service, *turns, "and the fourth one?")
    assert _verbatim(fourth).startswith("Inriktning: Kommunikationer")


def test_a_word_of_another_language_does_not_make_a_new_question_a_follow_up(service: ChatService) -> None:
    # Somali "kan" (this) is a reference cue; Swedish "kan" (can) is not
    answer = _turns(service, "Vad är målet för kultur?", "Var kan jag hyra skidor i Kiruna?")
    assert answer.kind == "out_of_scope"


def test_a_one_word_follow_up_in_a_language_with_few_cues(service: ChatService) -> None:
    answer = _turns(service, "Waa maxay yoolka waxbarashada?", "gaadiidka hadana?")
    assert answer.lang == "so"
    assert _verbatim(answer).startswith("Inriktning: Kommunikationer")


@pytest.mark.parametrize(("message", "lang"), [("Thanks, that helped!", "en"), ("Tack, det hjälpte!", "sv")])
def test_thanks_with_words_beside_it_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    answer = _turns(service, "What is the goal for housing?", message)
    assert answer.kind == "smalltalk"
    assert answer.lang == lang
    assert answer.quotes == []


def test_a_whole_question_with_two_page_words_is_not_a_short_topic(service: ChatService) -> None:
    # "bussen" and "centrum" are words of the page's thesaurus; the question is about bus times
    answer = _turns(service, "vilken tid går bussen till centrum imorgon?")
    assert answer.kind == "out_of_scope"


def test_short_real_questions_are_answered_not_sent_back(service: ChatService) -> None:
    for message, fact in (("bostäder?", "En god och trygg livsmiljö"), ("kommunikationer", "goda kommunikationer")):
        answer = _turns(service, message)
        assert answer.kind == "answer", message
        assert fact in _verbatim(answer)


def test_out_of_scope_is_refused_with_suggestions(service: ChatService) -> None:
    answer = _turns(service, "Hur söker jag bygglov för ett garage?")
    assert answer.kind == "out_of_scope"
    assert not answer.answered
    assert answer.suggestions


def test_sami_housing_question_is_answered(service: ChatService) -> None:
    answer = _turns(service, "Makkár ulbmil lea ássamii?")
    assert answer.kind == "answer"
    assert answer.lang == "se"
    assert "En god och trygg livsmiljö" in _verbatim(answer)


def test_a_second_part_asking_of_the_first_ones_subject_is_answered(service: ChatService) -> None:
    # "den" has no content word of its own: it asks of "visionen", and is not dropped
    quoted = _verbatim(_turns(service, "Hur togs visionen fram och hur ska ni nå den?"))
    assert "Visionsprojektet Kiruna 2.0 startade" in quoted
    assert "bryts ned till nämnds- och verksamhetsmål" in quoted
    assert quoted.index("Visionsprojektet") < quoted.index("bryts ned")


@pytest.mark.parametrize(
    "question",
    [
        "how are the overall goals broken down?",
        "wie werden die übergeordneten ziele umgesetzt?",
        "hur bryts de övergripande målen ned?",
    ],
)
def test_how_the_goals_are_broken_down_is_not_the_list_of_goals(service: ChatService, question: str) -> None:
    answer = _turns(service, question)
    assert _verbatim(answer).startswith("De övergripande målen bryts ned till nämnds- och verksamhetsmål")
    assert not any(q.text.startswith("Inriktning:") for q in answer.quotes)


@pytest.mark.parametrize(
    ("first", "follow_up", "lang"),
    [("Vem antog visionen?", "under vilken paragraf?", "sv"), ("kiedy przyjęto wizję", "pod jakim paragrafem?", "pl")],
)
def test_which_paragraph_quotes_the_decision_line(service: ChatService, first: str, follow_up: str, lang: str) -> None:
    answer = _turns(service, first, follow_up)
    assert answer.lang == lang
    assert "§ 68" in _verbatim(answer)


@pytest.mark.parametrize("message", ["goorma ayaa qashinka la qaadaa", "ግብሪ ኣብ ኪሩና ክንደይ እዩ"])
def test_a_question_for_a_time_or_count_is_never_small_talk(service: ChatService, message: str) -> None:
    # Somali and Tigrinya vectors lie close to the greetings; asking when or how many is no greeting
    assert _turns(service, message).kind == "out_of_scope"


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [("who approved the vision?", "and when exactly?"), ("хто затвердив бачення", "а коли саме?")],
)
def test_when_after_who_adopted_asks_when_of_the_decision(service: ChatService, first: str, follow_up: str) -> None:
    # a follow-up with no word of its own is no new question; it asks when of what was talked about
    answer = _turns(service, first, follow_up)
    assert answer.kind == "answer"
    assert "Antagen av kommunfullmäktige 2013-05-27" in _verbatim(answer)


def test_an_arabic_paragraph_follow_up_with_its_joined_and(service: ChatService) -> None:
    answer = _turns(service, "مين وافق على الرؤية", "وتحت أي فقرة؟")
    assert answer.lang == "ar"
    assert "§ 68" in _verbatim(answer)


@pytest.mark.parametrize(
    ("messages", "link"),
    [
        (
            ("vilka strategiska inriktningar finns det", "vad är målet för den tredje", "var kan jag läsa mer om det?"),
            "Läs mer om vårt bostadsförsörjningsprogram (webbsida)",
        ),
        (
            ("list the strategic directions", "tell me more about the first one", "where can i read more about that"),
            "Läs mer om näringslivsstrategi 2016-2018",
        ),
    ],
)
def test_after_an_item_picked_from_a_list_it_is_what_is_talked_about(
    service: ChatService, messages: tuple[str, ...], link: str
) -> None:
    assert _verbatim(_turns(service, *messages)) == link


def test_a_somali_question_in_two_clauses_joined_by_oo(service: ChatService) -> None:
    quoted = _verbatim(_turns(service, "mashruuca aragtida goorma ayuu bilaabmay oo immisa koox shaqo ayaa jiray"))
    assert "februari 2012" in quoted
    assert "Nio arbetsgrupper" in quoted


def test_a_question_the_scope_model_nearly_answers_is_not_small_talk(service: ChatService) -> None:
    # "what was the vision project's name?" lies near "what is your name?"; it names the page's project
    answer = _turns(service, "Mii lei visuvdnaprošeavtta namma?")
    assert answer.kind != "smalltalk"


def test_a_tigrinya_part_opens_a_word_before_its_postpositive_and(service: ChatService) -> None:
    # "መን ድማ ኣሕቲምዎ": "and who published it", with "ድማ" (and) after the question word
    quoted = _verbatim(_turns(service, "እዚ ገጽ ንመወዳእታ ግዜ መዓስ ተቐይሩ፣ መን ድማ ኣሕቲምዎ"))
    assert "Senast ändrad: 2020-02-21" in quoted
    assert "Ulrika Hannu" in quoted


def test_tigrinya_words_joined_by_a_suffixed_and_are_parts_of_their_own(service: ChatService) -> None:
    # "ስራሕን ባህልን": "work and culture", each word with the "-ን" that joins them
    quoted = _verbatim(_turns(service, "ዕላማ ስራሕን ባህልን እንታይ እዩ?"))
    assert quoted.startswith("Inriktning: Näringslivsutveckling och arbetsmarknad")
    assert "Inriktning: Kultur, fritid och idrott i hela kommunen" in quoted


def test_a_list_asked_for_in_its_headings_words_alone_is_listed(service: ChatService) -> None:
    # "list the directions for us, please": too few words for the scope model, all of them the page's
    answer = _turns(service, "ኣንፈታት ዘርዝረልና በጃኻ")
    assert (answer.kind, answer.lang) == ("answer", "ti")
    assert [q.text for q in answer.quotes] == DIRECTIONS
    # "... and their goals": the goals under a possessive and the suffixed "and"
    with_goals = _turns(service, "ኣንፈታትን ዕላማታቶምን ዘርዝረለይ")
    assert len(with_goals.quotes) == len(DIRECTIONS)
    assert all("\nMål: " in q.text for q in with_goals.quotes)


def test_how_the_municipality_brings_the_vision_about_is_how_it_is_reached(service: ChatService) -> None:
    # "ከብጽሖ", the causative of "ክበጽሕ" (reach): how it is reached, not how it was made
    quoted = _verbatim(_turns(service, "ኮሙን ነቲ ራኢ ከመይ ጌሩ ከብጽሖ እዩ?"))
    assert quoted.startswith("De övergripande målen bryts ned")


def test_where_to_read_more_as_a_second_part_asks_of_the_first_parts_topic(service: ChatService) -> None:
    answer = _turns(service, "Mii lea johtolaga ulbmil ja gos sáhtán lohkat eambbo?")
    quoted = _verbatim(answer)
    assert quoted.startswith("Inriktning: Kommunikationer")
    assert "Läs om arbetet med trafikstrategi" in quoted


def test_a_follow_up_opening_in_the_conversations_language_keeps_it(service: ChatService) -> None:
    # "kommunikasjuunit" reads as Swedish to the detector; "entäs" (and what about) is Meänkieli
    answer = _turns(service, "mikä oon tavote asumiselle?", "entäs kommunikasjuunit?")
    assert answer.lang == "fit"
    assert _verbatim(answer).startswith("Inriktning: Kommunikationer")


def test_meankielis_marks_in_a_follow_up_outweigh_a_finnish_conversation(service: ChatService) -> None:
    # "muutethiin" (muutettiin) is Meänkieli: the resident writes it, whatever the first question was
    answer = _turns(service, "kuka julkaisi tämän sivun", "ja koska sitä muutethiin viimeks")
    assert answer.lang == "fit"
    assert "Senast ändrad: 2020-02-21" in _verbatim(answer)


@pytest.mark.parametrize(
    ("first", "follow_up", "line", "not_quoted"),
    [
        ("who published the page?", "and when was it last changed?", "Senast ändrad: 2020-02-21", "Ulrika Hannu"),
        ("ما هي رؤية بلدية كيرونا؟", "ومتى تم اعتمادها؟", "Antagen av kommunfullmäktige 2013-05-27", "februari 2012"),
        ("gii almmuhii dán siiddu?", "giitu! goas dat rievdaduvvui maŋimuš háve?", "Senast ändrad", "Ulrika Hannu"),
    ],
)
def test_a_fact_asked_after_an_answer_names_its_own_line(
    service: ChatService, first: str, follow_up: str, line: str, not_quoted: str
) -> None:
    # "when was it changed?" after "who published?" asks for the change date, not the publisher again;
    # "and when was it adopted?" (اعتمادها, with its joined "it") after the vision asks for the decision
    # line, not when the work on it started
    quoted = _verbatim(_turns(service, first, follow_up))
    assert line in quoted
    assert not_quoted not in quoted


@pytest.mark.parametrize(
    ("first", "count"),
    [
        ("vilka är inriktningarna?", "hur många är de?"),
        ("list the goals", "how many?"),
        ("ما هي الأهداف؟", "كم عددها؟"),  # "عددها" (their number) asks how many, and names nothing
        ("Waa maxay hadafyada?", "Immisa ayay yihiin?"),  # "yihiin" (are) is the copula
    ],
)
def test_how_many_after_a_list_counts_that_list(service: ChatService, first: str, count: str) -> None:
    # the page's structure answers it: the count in the bot's words, the items quoted again
    answer = _turns(service, first, count)
    assert answer.kind == "answer"
    assert "6" in (answer.lead or "")
    assert _items(answer) == DIRECTIONS


@pytest.mark.parametrize(
    ("first", "follow_up", "line"),
    [
        ("vad är målet för näringslivet?", "finns det någon strategi för det?", "Läs mer om näringslivsstrategi"),
        (
            "what is the goal for housing?",
            "is there a programme for that?",
            "Läs mer om vårt bostadsförsörjningsprogram",
        ),
    ],
)
def test_a_document_asked_after_a_goal_quotes_that_goals_read_more_line(
    service: ChatService, first: str, follow_up: str, line: str
) -> None:
    # "strategi" is a word of the list's heading too: the follow-up is no list of the directions
    answer = _turns(service, first, follow_up)
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith(line)


def test_what_a_named_strategy_means_quotes_the_passage_not_a_link(service: ChatService) -> None:
    quoted = _verbatim(_turns(service, "what does the local growth strategy mean?"))
    assert "lokal tillväxtsstrategi" in quoted
    assert "Läs mer" not in quoted


def test_a_fact_asked_of_a_word_of_its_own_after_a_list_is_a_new_question(service: ChatService) -> None:
    # the "det" of "fanns det" (there were) points at nothing: the list is not asked again
    answer = _turns(service, "vilka är inriktningarna?", "hur många arbetsgrupper fanns det?")
    assert answer.kind == "answer"
    assert "Nio arbetsgrupper" in _verbatim(answer)
    assert not answer.quotes[0].text.startswith("Inriktning:")


def test_how_the_vision_was_drawn_up_in_german_quotes_how_it_was_made(service: ChatService) -> None:
    # "Hur når vi visionen?" names the vision in its heading and ranks close; "Hur gjorde vi?" answers
    answer = _turns(service, "Wie wurde die Vision erarbeitet und wie soll sie erreicht werden?")
    quoted = _verbatim(answer)
    assert quoted.index("Visionsprojektet Kiruna 2.0 startade") < quoted.index(
        "bryts ned till nämnds- och verksamhetsmål"
    )


def test_how_it_was_made_and_a_count_in_it_quote_the_whole_section(service: ChatService) -> None:
    quoted = _verbatim(_turns(service, "Mo višuvdna ráhkaduvvui ja galle bargojoavkku ledje?"))
    assert quoted.startswith("Visionsprojektet Kiruna 2.0 startade i februari 2012")
    assert "Nio arbetsgrupper" in quoted


def test_what_the_vision_says_and_a_line_are_both_answered(service: ChatService) -> None:
    quoted = _verbatim(_turns(service, "Was sagt die Vision aus, und wann wurde die Seite zuletzt geändert?"))
    assert "Vår övertygelse om människors lika värde" in quoted
    assert "Senast ändrad: 2020-02-21" in quoted


def test_a_question_naming_a_list_of_the_page_stands_alone_after_another_answer(service: ChatService) -> None:
    # "finns det" (are there): "det" is no reference to the answer before
    answer = _turns(service, "Hur togs visionen fram?", "vilka strategiska inriktningar finns det")
    assert [q.text.split("\n")[0] for q in answer.quotes] == DIRECTIONS


def test_an_arabic_when_changed_with_its_pronoun_suffix(service: ChatService) -> None:
    # "تعديلها" (its change) carries the page's pronoun: "when was it last changed?" is the line
    quoted = _verbatim(_turns(service, "من نشر الصفحة ومتى تم تعديلها آخر مرة؟"))
    assert "Publicerad av: Ulrika Hannu" in quoted
    assert "Senast ändrad: 2020-02-21" in quoted


@pytest.mark.parametrize(
    "question",
    ["Vad är kommunens vision?", "What is the vision of the municipality?", "Was ist die Vision der Gemeinde?"],
)
def test_the_municipalitys_vision_is_the_vision_not_how_it_is_reached(service: ChatService, question: str) -> None:
    # "kommunens" names the page's owner: no evidence for "Hur når vi visionen?", which says "i kommunen"
    quoted = _verbatim(_turns(service, question))
    assert quoted.startswith("Vår övertygelse om människors lika värde")
    assert "bryts ned till nämnds- och verksamhetsmål" not in quoted


def test_a_finnish_list_request_with_its_infinitive(service: ChatService) -> None:
    # "voitko luetella" (can you list): the infinitive of "luettele"
    answer = _turns(service, "voitko luetella kaikki kunnan tavoitteet?")
    assert [q.text.split("\n")[0] for q in answer.quotes] == DIRECTIONS


def test_a_tigrinya_who_adopted_it_with_its_object_suffix(service: ChatService) -> None:
    # "ኣጽዲቑዎ" (has approved it): the decision, not who published the page
    quoted = _verbatim(_turns(service, "ራእይ መን ኣጽዲቑዎ"))
    assert "Antagen av kommunfullmäktige 2013-05-27, § 68" in quoted
    assert "Publicerad av" not in quoted
    # ... while a first sentence pointing back ("da") asks of what the conversation named
    assert (
        _turns(
            service, "wo finde ich was zur Wirtschaftsstrategie", "und was steht da konkret drin? welche Maßnahmen?"
        ).kind
        == "out_of_scope"
    )


def test_how_it_was_made_keeps_its_section_beside_how_it_is_reached(service: ChatService) -> None:
    # the whole message ranks "Hur når vi visionen?" first; the first part asks how the vision came about
    quoted = _verbatim(_turns(service, "hur tog ni fram visionen och hur ska ni nå den?"))
    assert quoted.index("Visionsprojektet Kiruna 2.0 startade") < quoted.index("bryts ned till nämnds- och")


@pytest.mark.parametrize(("message", "lang"), [("kiitos paljon", "fi"), ("kiitos mahottomasti", "fit")])
def test_thanks_both_finnish_tables_list_come_back_in_the_language_written(
    service: ChatService, message: str, lang: str
) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    "question",
    ["Where has the vision work been used?", "де використали роботу над баченням?", "Var har visionen använts?"],
)
def test_where_the_vision_work_was_used_is_its_section_not_a_link(service: ChatService, question: str) -> None:
    # "where" with "used": what "Hur når vi visionen?" states, not a "Läs om …" line sharing the word "work"
    quoted = _verbatim(_turns(service, question))
    assert "har även nyttjats i utvecklingsplanen för nytt centrum" in quoted
    assert not quoted.startswith("Läs")


def test_where_to_read_about_a_strategy_is_still_its_link(service: ChatService) -> None:
    quoted = _verbatim(_turns(service, "Where can I read about the business strategy?"))
    assert quoted.startswith("Läs mer om näringslivsstrategi 2016-2018")


@pytest.mark.parametrize(
    ("message", "lang"),
    [("är du en riktig människa eller en robot?", "sv"), ("bist du ein echter Mensch oder ein Roboter?", "de")],
)
def test_are_you_a_real_person_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


def test_a_persian_how_that_also_greets_asks_of_what_is_talked_about(service: ChatService) -> None:
    # "چطوری" is "how are you?" alone, "how" before "درستش کردن" (did they make it)
    answer = _turns(service, "چشم‌انداز کیرونا چیه؟", "چطوری درستش کردن؟")
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith("Visionsprojektet Kiruna 2.0 startade")
    assert _turns(service, "چشم‌انداز کیرونا چیه؟", "چطوری؟").kind == "smalltalk"


LINKS = [
    "Läs mer om näringslivsstrategi 2016-2018",
    "Läs mer om vårt bostadsförsörjningsprogram (webbsida)",
    "Läs om arbetet med trafikstrategi, trafikplan, parkeringsprogram mm (webbsida)",
]


@pytest.mark.parametrize("question", ["Var kan jag läsa mer?", "Which documents can I read more in?"])
def test_where_to_read_more_without_a_topic_lists_every_link_in_page_order(service: ChatService, question: str) -> None:
    answer = _turns(service, question)
    assert [q.text for q in answer.quotes] == LINKS
    second = "den andra" if question.startswith("Var") else "the second one"
    assert _turns(service, question, second).quotes[0].text == LINKS[1]


def test_where_to_read_about_one_topic_is_its_own_link(service: ChatService) -> None:
    quoted = _verbatim(_turns(service, "Var kan jag läsa mer om trafikstrategin?"))
    assert quoted == LINKS[2]


def test_a_somali_what_does_the_vision_say_is_answered(service: ChatService) -> None:
    # "dhahdaa" (says) is no word of the question's own, as "say" is none in English
    answer = _turns(service, "aragtidu maxay dhahdaa?")
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith("Vår övertygelse om människors lika värde")


@pytest.mark.parametrize(
    "question", ["Vad ledde visionsarbetet till?", "What was the outcome of the working groups?", "Mihin työ johti?"]
)
def test_what_the_work_resulted_in_is_the_sentence_that_says_it(service: ChatService, question: str) -> None:
    # "resulted / led to" asks for an outcome: "Detta arbete resulterade i …", not the groups' sentence beside it
    quoted = _verbatim(_turns(service, question))
    assert "Detta arbete resulterade i de nio strategiska inriktningarna" in quoted


def test_three_parts_the_last_of_them_a_count_each_get_their_quote(service: ChatService) -> None:
    # the last piece, read with the topic of the one before, still asks for a number, not a purpose
    quoted = _verbatim(
        _turns(service, "when was the seminar held, why was it held, and how many working groups were there?")
    )
    for fact in ("februari 2012", "skapa kontakter", "Nio arbetsgrupper"):
        assert fact in quoted


@pytest.mark.parametrize(
    ("message", "lang"), [("who made you?", "en"), ("wer hat dich gebaut?", "de"), ("gii du ráhkadii?", "se")]
)
def test_who_made_you_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize("question", ["who made the vision?", "Vem gjorde visionen?", "wer hat die Vision gemacht?"])
def test_who_made_the_vision_is_still_a_question_about_the_page(service: ChatService, question: str) -> None:
    # "who made you?" is small talk and an example of what the page does not answer; who made the vision is
    assert _turns(service, question).kind == "answer"


@pytest.mark.parametrize(
    "question",
    ["хто опублікував цю сторінку і коли її востаннє оновили?", "ገጽ መን ሓቲምዎ፣ መዓስ ተቐይሩ?"],
)
def test_who_published_and_when_last_changed_each_get_their_line(service: ChatService, question: str) -> None:
    # Ukrainian "востаннє … оновили" (last … updated) apart; Tigrinya "ሓቲምዎ" (published it)
    answer = _turns(service, question)
    assert [q.text for q in answer.quotes] == ["Publicerad av: Ulrika Hannu", "Senast ändrad: 2020-02-21"]


@pytest.mark.parametrize("question", ["maid dadjá ulbmil gulahallama birra?", "Яка мета щодо комунікацій?"])
def test_communications_named_as_a_loan_or_calque_is_the_communications_goal(
    service: ChatService, question: str
) -> None:
    assert _verbatim(_turns(service, question)).startswith("Inriktning: Kommunikationer")


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("vad är det fjärde målet?", "Inriktning: Kommunikationer"),
        ("what is the first goal?", "Inriktning: Näringslivsutveckling och arbetsmarknad"),
        ("ናይ ራብዓይ ዕላማ እንታይ እዩ?", "Inriktning: Kommunikationer"),
    ],
)
def test_an_ordinal_goal_with_no_list_before_is_that_item_of_the_pages_list(
    service: ChatService, question: str, heading: str
) -> None:
    answer = _turns(service, question)
    assert [q.text.split("\n")[0] for q in answer.quotes] == [heading]
    # the page's list is the conversation's now: "and the fifth?" is its fifth item
    fifth = _turns(service, question, "and the fifth?" if question.startswith("what") else "och det femte?")
    assert fifth.quotes[0].text.startswith("Inriktning: Kultur, fritid och idrott")


def test_another_question_is_no_second_item(service: ChatService) -> None:
    # Finnish "toinen" is "second" and "other": "toinen kysymys" (another question) names its own topic
    answer = _turns(service, "okei toinen kysymys: mitä työpaikkojen tavoite sanoo?")
    assert answer.quotes[0].text.startswith("Inriktning: Näringslivsutveckling och arbetsmarknad")


def test_the_aim_of_the_seminar_is_its_passage_not_the_list_of_goals(service: ChatService) -> None:
    # Tigrinya "ዕላማ" is aim and goal; said of the seminar it names no list
    answer = _turns(service, "ዕላማ እቲ ሴሚናር እንታይ ነይሩ?")
    assert len(answer.quotes) == 1
    assert "Syftet med seminariet var att skapa kontakter" in _verbatim(answer)


def test_a_meankieli_ordinal_in_its_own_form_after_a_list(service: ChatService) -> None:
    answer = _turns(service, "luettele kaikki tavotteet", "mikä oon kuuennen tavote?")
    assert answer.quotes[0].text.startswith("Inriktning: Utbildning och forskning")


def test_a_tigrinya_can_you_tell_me_in_tigrinya_repeats_the_answer(service: ChatService) -> None:
    answer = _turns(service, "what is the vision?", "ብትግርኛ ክትነግረኒ ትኽእል ዶ?")
    assert (answer.kind, answer.lang) == ("answer", "ti")
    assert _verbatim(answer).startswith("Vår övertygelse om människors lika värde")


def test_a_sami_list_then_say_the_sixth_again(service: ChatService) -> None:
    # "listte" (list!) and "dadjal" (say!): imperatives of listtet and dadjat
    assert len(_turns(service, "listte buot ulbmiliid").quotes) == 6
    answer = _turns(service, "listte buot ulbmiliid", "dadjal guđát")
    assert answer.quotes[0].text.startswith("Inriktning: Utbildning och forskning")


def test_a_part_far_outside_the_page_is_not_read_in_the_frame_of_the_part_before(service: ChatService) -> None:
    # "what does the bus cost?" read with "when was the vision adopted?" was in scope, and quoted the seminar
    quoted = _verbatim(_turns(service, "när antogs visionen och vad kostar bussen?"))
    assert "2013-05-27" in quoted
    assert "seminarium" not in quoted
    assert "arbetsgrupper" not in quoted


def test_each_part_asking_a_fact_its_passage_states_is_answered(service: ChatService) -> None:
    # the first piece alone stands just below the scope model's line
    answer = _turns(
        service, "wann fing das projekt an, wie viele arbeitsgruppen gab es und was war der zweck des seminars"
    )
    quoted = _verbatim(answer)
    assert answer.lang == "de"
    for fact in ("februari 2012", "Nio arbetsgrupper", "Syftet med seminariet"):
        assert fact in quoted


@pytest.mark.parametrize(
    ("first", "where", "link"),
    [
        ("Mii lea ulbmil ássama várás?", "gos gávnnan eanet dieđuid?", LINKS[1]),
        ("هدف کیرونا برای کسب و کار چیه؟", "کجا میتونم بیشتر بخونم؟", LINKS[0]),
        ("what is the goal for housing?", "where can I read more?", LINKS[1]),
    ],
)
def test_where_to_read_more_after_an_answer_is_that_answers_link(
    service: ChatService, first: str, where: str, link: str
) -> None:
    # the words that ask where to read ("find more information") name no topic: the last answer's is meant
    answer = _turns(service, first, where)
    assert answer.kind == "answer"
    assert _verbatim(answer).split("\n")[0] == link


@pytest.mark.parametrize(
    ("first", "asked", "lang"),
    [
        ("Welches Ziel gibt es für Kultur und Sport?", "kannst du mir das original auf schwedisch zeigen?", "sv"),
        ("هدف حمل و نقل کیرونا چیه؟", "انگلیسیش؟", "en"),
        # long, but naming a language in a message the page cannot answer
        ("What's the goal for public services?", "could you write that in Swedish so I can show my neighbour?", "sv"),
        ("Mikä on Kiirunan visio?", "Voitko kertoa saman englanniksi?", "en"),
        # a request in a sentence of its own beside a remark that asks nothing ("my colleague reads no Swedish")
        ("När antogs visionen?", "Kan du säga det på engelska? Min kollega läser inte svenska.", "en"),
    ],
)
def test_asking_for_the_original_or_another_language_repeats_the_answer(
    service: ChatService, first: str, asked: str, lang: str
) -> None:
    before = _turns(service, first)
    again = _turns(service, first, asked)
    assert again.kind == "answer"
    assert again.lang == lang
    assert _verbatim(again) == _verbatim(before)


def test_a_question_beside_a_request_for_a_language_is_answered_in_it(service: ChatService) -> None:
    answer = _turns(service, "När antogs visionen? Svara gärna på arabiska.")  # … please answer in Arabic
    assert (answer.kind, answer.lang) == ("answer", "ar")
    assert "2013-05-27" in _verbatim(answer)


def test_a_question_of_the_pages_naming_a_language_is_answered_as_asked(service: ChatService) -> None:
    answer = _turns(service, "What's the goal for public services?", "what is the goal for culture in Swedish?")
    assert _verbatim(answer).startswith("Inriktning: Kultur, fritid och idrott")


@pytest.mark.parametrize(
    ("first", "follow_up", "goal"),
    [
        ("Mikä oon tavote kulttuurile?", "entäs koulutuksele?", "Kiruna har god kvalitet i utbildningen"),
        ("Mii lea ulbmil kultuvrii?", "ja johtalussii?", "Kiruna ska ha goda kommunikationer"),
    ],
)
def test_a_follow_up_in_a_form_the_stemmers_miss_is_still_a_follow_up(
    service: ChatService, first: str, follow_up: str, goal: str
) -> None:
    # Meänkieli's one-l allative and a Sami illative: all but their endings begin words the index has
    answer = _turns(service, first, follow_up)
    assert answer.kind == "answer"
    assert goal in _verbatim(answer)


def test_a_swedish_noun_bent_meankieli_is_read_as_the_swedish_word(service: ChatService) -> None:
    answer = _turns(service, "kunka monta inriktninkiä teilä oon?")
    assert answer.kind == "answer"
    assert answer.lang == "fit"
    assert "Inriktning: Utbildning och forskning" in _verbatim(answer)


@pytest.mark.parametrize(
    "message",
    [
        "How much did the Kiruna 2.0 project cost?",
        "Vad kostade visionsarbetet?",
        "Paljonko visiotyö maksoi?",
        "Ile kosztowała ta wizja?",
    ],
)
def test_a_cost_no_page_states_is_refused_not_answered_with_a_count(service: ChatService, message: str) -> None:
    # "how much" asks a number, and the page states one ("de nio strategiska inriktningarna"); it is no sum
    assert _turns(service, message).kind == "out_of_scope"


@pytest.mark.parametrize(
    "message",
    ["När ska kommunfullmäktige anta nästa vision?", "When will the council adopt a new vision?"],
)
def test_a_time_still_to_come_is_not_the_decision_made(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"
    # the decision the page does state is still its answer
    assert "2013-05-27" in _verbatim(_turns(service, "När antogs visionen?"))


def test_a_cost_said_again_in_other_words_is_refused_whole(service: ChatService) -> None:
    # the piece after the comma asks nothing of its own: it says more of the cost asked before it
    answer = _turns(service, "Vad kostade det att ta fram visionen, alltså hela Kiruna 2.0-projektet?")
    assert answer.kind == "out_of_scope"


def test_a_cost_after_a_question_of_the_page_is_refused(service: ChatService) -> None:
    answer = _turns(service, "Miten Kiruna 2.0 -visioprojekti sai alkunsa?", "Paljonko se seminaari maksoi?")
    assert answer.kind == "out_of_scope"
    assert answer.lang == "fi"


def test_a_meankieli_question_about_the_bot_is_small_talk_in_meankieli(service: ChatService) -> None:
    # close to a Finnish example of the phrase bank: the Finnish example stands for Meänkieli too
    answer = _turns(service, "ookko sie ihminen vai roboti?")
    assert (answer.kind, answer.lang) == ("smalltalk", "fit")


def test_a_word_every_table_lists_settles_no_language(service: ChatService) -> None:
    assert (_turns(service, "ok").kind, _turns(service, "ok").lang) == ("smalltalk", "sv")
    assert _turns(service, "ok", ui_lang="en").lang == "en"
    assert _turns(service, "Hi!").lang == "en"  # one table builds its greetings on it


def test_swedish_words_the_page_does_not_use_stay_swedish(service: ChatService) -> None:
    # "nästa" and "antas" read Finnish to trigrams, and "vision" is Finnish too: none is Finnish alone
    answer = _turns(service, "När ska nästa vision antas?")
    assert (answer.kind, answer.lang) == ("out_of_scope", "sv")


@pytest.mark.parametrize(
    ("message", "stated"),
    [
        ("ገጽ ናይ መወዳእታ ዝተቐየረሉ ዕለት?", "Senast ändrad: 2020-02-21"),  # ዝተቐየረ (changed) + -ሉ
        ("እቲ ራእይ መን ኣጽዲቕዎ?", "Antagen av kommunfullmäktige 2013-05-27"),  # ኣጽዲቑ with its vowel changed
        ("ነዚ ራእይ ብኸመይ እዮም ክበጽሕዎ?", "nämnds- och verksamhetsmål"),  # how will they reach it: a section
    ],
)
def test_tigrinya_suffixes_change_the_last_letter_of_a_cue(service: ChatService, message: str, stated: str) -> None:
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("answer", "ti")
    assert stated in _verbatim(answer)


def test_a_tigrinya_list_request_in_the_plural_and_a_joined_follow_up(service: ChatService) -> None:
    # "ዘርዝሩለይ" (list for me, plural) is the list cue "ዘርዝር*" with its last letter's vowel changed
    answer = _turns(service, "በጃኹም ስትራተጂካዊ ኣንፈታት ኮሙን ኪሩና ዘርዝሩለይ")
    assert [q.text.split("\n")[0] for q in answer.quotes] == DIRECTIONS
    follow = _turns(service, "ንትምህርትን ምርምርን ዘሎ ዕላማ እንታይ እዩ?", "ንባህሊኸ?")
    assert (follow.kind, follow.lang) == ("answer", "ti")
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(follow)


@pytest.mark.parametrize("message", ["Kiruna 2.0", "mii lei Kiruna 2.0?"])
def test_the_projects_name_alone_quotes_the_project(service: ChatService, message: str) -> None:
    assert "Visionsprojektet Kiruna 2.0 startade" in _verbatim(_turns(service, message))


@pytest.mark.parametrize(
    "message",
    [
        "متى اعتمدوا الرؤية ومين نشر الصفحة؟",  # "و" glued to the colloquial "مين" (who)
        "ራእይ መዓስ ጸዲቑ፡ ነዚ ገጽ ከኣ መን ኣሕቲምዎ?",  # the Ethiopic wordspace as a comma, "ከኣ" (and) after a word
    ],
)
def test_when_adopted_and_who_published_get_both_lines(service: ChatService, message: str) -> None:
    quoted = _verbatim(_turns(service, message))
    assert "Antagen av kommunfullmäktige 2013-05-27" in quoted
    assert "Publicerad av: Ulrika Hannu" in quoted


def test_the_goal_for_one_item_is_that_item_and_the_follow_up_the_next(service: ChatService) -> None:
    # "goal" is a word of the list's heading; "housing" names one item, and no other: not the list
    first = _turns(service, "what's the goal for housing in kiruna")
    assert [q.text.split("\n")[0] for q in first.quotes] == ["Inriktning: Boende, bebyggelse och livsmiljö"]
    follow = _turns(service, "what's the goal for housing in kiruna", "and for culture?")
    assert _verbatim(follow).startswith("Inriktning: Kultur, fritid och idrott i hela kommunen")
    assert len(_turns(service, "what are the goals?").quotes) == 6  # no item named: the list


@pytest.mark.parametrize(("message", "lang"), [("سلام وقت بخیر 🙂", "fa"), ("وداعا", "ar")])
def test_a_greeting_whose_first_letter_is_and_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    # "وقت" (time) and "وداعا" (goodbye) begin with the letter "و" that is "and" glued to a word elsewhere
    _assert_small_talk(_turns(service, message), lang)


def test_a_goal_asked_of_one_named_item_quotes_that_item(service: ChatService) -> None:
    # ranked alone, "Thema" pulled how the vision was made (its themes) first
    first = _turns(service, "hallo, was ist das ziel von kiruna beim thema wohnen?")
    assert _verbatim(first).startswith("Inriktning: Boende, bebyggelse och livsmiljö")
    follow = _turns(service, "hallo, was ist das ziel von kiruna beim thema wohnen?", "und bei kultur?")
    assert _verbatim(follow).startswith("Inriktning: Kultur, fritid och idrott i hela kommunen")
    # no goal asked: "cultures" is what the interpretation speaks of
    assert "många kulturer" in _verbatim(_turns(service, "vad säger visionen om kulturer?"))


@pytest.mark.parametrize("message", ["میشه همه هدف‌ها رو برام بنویسی؟", "Lohkka buot ulbmiliid, leage buorre"])
def test_all_the_goals_is_the_list(service: ChatService, message: str) -> None:
    # "همه" (all), "buot" (all) beside the word for goals: the whole list, however one item ranks
    assert [q.text.split("\n")[0] for q in _turns(service, message).quotes] == DIRECTIONS


def test_swedish_all_is_not_finnish_under(service: ChatService) -> None:
    # "alla" is Swedish "all" and Finnish "under": in Meänkieli it asks for no list
    answer = _turns(service, "minkä paragraafin alla visjuuni päätethiin?")
    assert len(answer.quotes) < len(DIRECTIONS)


def test_the_publisher_is_no_answer_to_who_else(service: ChatService) -> None:
    # "who is the mayor of Kiruna now?" (Sami): a person, and "Publicerad av: Ulrika Hannu" names one
    assert "Ulrika Hannu" not in _verbatim(_turns(service, "Gii lea Giron suohkana sátnejođiheaddji dál?"))
    # the page named, in this part or another: its publisher and its last change
    assert "Publicerad av: Ulrika Hannu" in _verbatim(_turns(service, "kuka tän sivun on tehny??"))
    both = _verbatim(_turns(service, "Kuka julkasi sivun ja koska se oon viimeks ändrattu?"))
    assert "Publicerad av: Ulrika Hannu" in both
    assert "Senast ändrad: 2020-02-21" in both


@pytest.mark.parametrize("question", ["Who ran the seminar in 2012?", "Vem höll i seminariet?"])
def test_who_of_another_section_is_not_the_vision_decision(service: ChatService, question: str) -> None:
    # the decision line stands under "Vår vision": it names who adopted the vision, not who led the project
    answer = _turns(service, question)
    assert answer.kind == "answer"
    assert "Antagen av kommunfullmäktige" not in _verbatim(answer)
    assert "seminari" in _verbatim(answer)
    # asking for the decision itself still gets its line, whatever the question shares with the project
    adopted = _verbatim(_turns(service, "When did the municipal council adopt Kiruna's vision?"))
    assert "Antagen av kommunfullmäktige 2013-05-27, § 68" in adopted


@pytest.mark.parametrize(
    ("message", "lang"),
    [("du fattar ju ingenting, det här är helt värdelöst", "sv"), ("Wow, du svarar snabbt, bra jobbat", "sv")],
)
def test_praise_or_a_complaint_among_other_words_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    answer = _turns(service, message)
    assert answer.kind == "smalltalk"
    assert answer.lang == lang
    # a question that asks something of its own beside a word of complaint is still a question
    assert _turns(service, "det här är värdelöst, när antogs visionen?").kind == "answer"
    # after an answer, the complaint's "det här" points at nothing to answer again
    after = _turns(service, "När antogs visionen?", message)
    assert (after.kind, after.quotes) == ("smalltalk", [])


@pytest.mark.parametrize("question", ["Vem beslutade om visionen och när?", "Kuka päätti visiosta ja milloin?"])
def test_and_when_after_who_decided_is_the_decision_line_again(service: ChatService, question: str) -> None:
    # "… and when?" asks when of the decision, which its line states: no second quote of another date
    quoted = _verbatim(_turns(service, question))
    assert "Antagen av kommunfullmäktige 2013-05-27, § 68" in quoted
    assert "februari 2012" not in quoted


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("چه زمانی صفحه به روز شد؟", "Senast ändrad: 2020-02-21"),  # "به روز شد", updated, written apart
        ("መዓስ እዩ እዚ ራእይ ዝጸደቐ?", "Antagen av kommunfullmäktige"),  # "ዝጸደቐ", which was adopted
    ],
)
def test_a_fact_asked_in_a_verb_form_of_its_own_quotes_its_line(service: ChatService, question: str, line: str) -> None:
    assert line in _verbatim(_turns(service, question))


@pytest.mark.parametrize(
    "messages",
    [
        ("What is the goal for housing?", "and for education?", "in Swedish please"),
        ("Mikä on asumisen tavoite?", "entäs koulutuksen?", "sano se ruotsiksi"),
    ],
)
def test_a_language_request_after_a_follow_up_repeats_the_follow_ups_answer(
    service: ChatService, messages: tuple[str, ...]
) -> None:
    answer = _turns(service, *messages)
    assert answer.lang == "sv"
    assert _verbatim(answer).startswith("Inriktning: Utbildning och forskning")
    assert "Boende" not in _verbatim(answer)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("vad är målet för service, boende och kultur?", (1, 2, 4)),
        ("what are the goals for jobs, housing and culture?", (0, 2, 4)),
    ],
)
def test_goals_of_several_named_items_are_those_items(
    service: ChatService, question: str, named: tuple[int, ...]
) -> None:
    # a third topic after a bare second one is read in the first one's frame ("the goal for …"), and
    # naming three of the six asks for those three, not the whole list
    answer = _turns(service, question)
    assert [q.text.split("\n")[0] for q in answer.quotes] == [DIRECTIONS[i] for i in named]


@pytest.mark.parametrize(
    "question", ["Mii leat ulbmilat?", "vilka mål har kommunen?", "Was sind die Ziele von Kiruna?"]
)
def test_goals_asked_of_nothing_but_the_municipality_are_the_list(service: ChatService, question: str) -> None:
    assert _items(_turns(service, question)) == DIRECTIONS


def test_a_goal_word_that_names_the_vision_is_not_the_list(service: ChatService) -> None:
    # "himilo" (aim, aspiration) is a goal cue; asked of Kiruna, the vision answers it best
    answer = _turns(service, "Waa maxay himilada Kiruna?")
    assert "Vi är Kiruna" in _verbatim(answer)
    assert len(answer.quotes) < len(DIRECTIONS)


@pytest.mark.parametrize("word", ["mål", "goals?", "tavoitteet"])
def test_the_word_for_goals_alone_is_the_list_not_a_filler(service: ChatService, word: str) -> None:
    # "mål" folds to German "mal", a filler: alone it had been thanked for in German
    answer = _turns(service, word)
    assert answer.kind == "answer"
    assert _items(answer) == DIRECTIONS


def test_thanks_then_a_question_for_a_fact_is_answered(service: ChatService) -> None:
    answer = _turns(service, "tack för svaret, men när antogs den?")
    assert answer.kind == "answer"
    assert "Antagen av kommunfullmäktige 2013-05-27, § 68" in _verbatim(answer)
    # "where can you help?" beside "what can you do?" asks the bot
    assert _turns(service, "Mitä sä osaat? Missä voit auttaa?").kind == "smalltalk"


def test_and_what_does_that_mean_points_back_to_the_last_answer(service: ChatService) -> None:
    # "a" opens a follow-up and "to" points back: it names nothing new, so it asks of the culture goal,
    # not of the vision's interpretation
    answer = _turns(service, "Jaki jest cel dla kultury?", "a co to znaczy?")
    assert _verbatim(answer).startswith("Inriktning: Kultur, fritid och idrott i hela kommunen")


def test_how_many_goals_in_meankieli_is_the_counted_list(service: ChatService) -> None:
    # the scope model stands just below its line, and the nine working groups rank first: how many goals
    # there are asks for the page's goals wherever they rank; the lead is Meänkieli's own
    answer = _turns(service, "Montako tavoitetta kunnala oon?")
    assert answer.lang == "fit"
    assert _items(answer) == DIRECTIONS
    assert "6" in answer.lead
    assert _turns(service, "Mikä oon visjuuni?").lead.startswith("Kirunan visuuni")


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("Mitä tavoitteita on ja kuka sivun julkaisi?", "Publicerad av: Ulrika Hannu"),
        ("what are the strategic directions and who published the page?", "Publicerad av: Ulrika Hannu"),
        ("Vilka är målen och när antogs visionen?", "Antagen av kommunfullmäktige 2013-05-27, § 68"),
    ],
)
def test_a_list_asked_beside_a_fact_gets_both(service: ChatService, question: str, line: str) -> None:
    # the list, in page order, then the other part set apart under its own lead: no part dropped
    answer = _turns(service, question)
    assert _items(answer) == DIRECTIONS
    aside = [q for q in answer.quotes if q.lead]
    assert [q.text for q in aside][-1] == line
    assert aside[-1].lead in answer.answer


def test_a_list_named_by_its_heading_is_not_the_item_its_words_rank_first(service: ChatService) -> None:
    # "Ausrichtungen", "Ziele": the list's heading, and no item named; one goal ranked far ahead
    answer = _turns(service, "Welche strategischen Ausrichtungen gibt es, und welche Ziele haben sie?")
    assert _items(answer) == DIRECTIONS


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("hej! ville bara tacka för svaren i går, det var det jag letade efter. trevlig helg och hej då!", "sv"),
        ("great bot, much better than i thought", "en"),
        ("це марна трата часу", "uk"),
    ],
)
def test_thanks_praise_and_complaints_among_other_words_are_small_talk(
    service: ChatService, message: str, lang: str
) -> None:
    # many words, few naming anything; or two words of praise beside words that name nothing
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert not answer.quotes


@pytest.mark.parametrize(
    ("message", "quoted"),
    [
        ("what do you know about housing?", "Inriktning: Boende, bebyggelse och livsmiljö"),
        ("vad vet du om kultur?", "Inriktning: Kultur, fritid och idrott i hela kommunen"),
    ],
)
def test_what_the_bot_knows_about_a_topic_of_the_page_is_a_question(
    service: ChatService, message: str, quoted: str
) -> None:
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith(quoted)


def test_a_tigrinya_question_off_the_page_is_not_small_talk(service: ChatService) -> None:
    # "how does one find work in Kiruna?" lies as near a Tigrinya "how does this work?" as the model puts
    # any two Tigrinya texts: near, but not near enough
    answer = _turns(service, "ኣብ ኪሩና ስራሕ ብኸመይ ይርከብ?")
    assert (answer.kind, answer.lang) == ("out_of_scope", "ti")


def test_a_tigrinya_question_when_the_vision_found_acceptance_asks_for_the_decision(service: ChatService) -> None:
    # "ተቐባልነት ረኺቡ", found acceptance: how Tigrinya says a proposal was adopted
    quoted = _verbatim(_turns(service, "ራኢ ኪሩና ተቐባልነት ዝረኸበ መዓስ እዩ?"))
    assert quoted.startswith("Antagen av kommunfullmäktige 2013-05-27, § 68")


def test_a_question_with_a_remark_after_it_is_answered(service: ChatService) -> None:
    # "how will they reach this vision? may it not stay on paper only": the remark asks nothing
    answer = _turns(service, "ነዚ ራኢ ብኸመይ ክበጽሕዎ እዮም? ኣብ ወረቐት ጥራይ ከይተርፍ")
    assert (answer.kind, answer.lang) == ("answer", "ti")
    assert _verbatim(answer).startswith("De övergripande målen bryts ned")
    # two questions, the second of them off the page, are no question with a remark
    assert _turns(service, "Wer hat in den Arbeitsgruppen mitgemacht? Gibt es eine Namensliste?").kind != "answer"


def test_what_a_resident_tells_of_themselves_is_not_the_question(service: ChatService) -> None:
    # "I want to open a bakery. Is Kiruna, as the municipality sees it, good for running a business?"
    answer = _turns(service, "Ich will eine Bäckerei eröffnen. Ist Kiruna laut Gemeinde gut für Unternehmen?")
    assert (answer.kind, answer.lang) == ("answer", "de")
    assert "förutsättningarna är bra för att driva företag" in _verbatim(answer)
    # "our kids go to school. What does the municipality want with the school?" (Meänkieli "meän", our, is
    # no English "mean")
    answer = _turns(service, "Meän kläpit käyvät koulua. Mitä kommuuni tahtoo koulun kansa?")
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith("Inriktning: Utbildning och forskning")


@pytest.mark.parametrize(
    "message",
    [
        # the page's words said back, then a question the page does not answer, after a "but"
        "Visiossa puhutaan hyvästä elinympäristöstä, mutta milloin meidän kortteli puretaan?",
        # ... or in a sentence of its own, after what the resident read on the page
        "Jag sitter i en förening och läste om de nio arbetsgrupperna. Vilka personer ledde dem?",
    ],
)
def test_the_pages_words_told_back_do_not_answer_an_off_page_question(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_a_count_checked_against_the_page_gets_the_sentence_stating_it(service: ChatService) -> None:
    # "there were eight working groups, right?": "Arbeitsgruppen" names no item whose heading says
    # "Arbeitsmarkt" (labour market), so it is no bare topic among the directions
    answer = _turns(service, "Es gab doch acht Arbeitsgruppen, oder?")
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith("Nio arbetsgrupper")


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Hej! Jag flyttade hit i somras och försöker lära mig hur kommunen fungerar. Vad kan du svara på?", "sv"),
        ("Hello there. My neighbour told me about this chat and I am curious. Am I talking to a real person?", "en"),
        ("Tack så mycket för hjälpen igår! Min dotter blev klar med sitt skolarbete. Ha en fin helg!", "sv"),
        # thanks, then what it helped with; a greeting, then who the resident is: no goodbye needed to end it
        ("Dziękuję bardzo za pomoc!!! Dzięki temu skończę w końcu referat do szkoły 😊", "pl"),
        ("Hej, jag heter Annika och bor på Lombolo. Flyttade hem till Kiruna i höstas efter tio år i Umeå.", "sv"),
        ("oops sorry, hit the wrong button", "en"),  # an apology, answered with what the bot answers
        # one sentence: a few words greet, the rest tells of the resident (a body the page does not name too)
        ("Hi, my name is Arjun, I just moved to Kiruna from Pune to work at LKAB.", "en"),
        ("tack så mycket, nu kan jag bli klar med min läxa", "sv"),  # its "klar" (done) asks of nothing
    ],
)
def test_long_small_talk_with_a_residents_own_story_is_small_talk(
    service: ChatService, message: str, lang: str
) -> None:
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert answer.suggestions


def test_a_greeting_and_a_story_before_a_question_of_the_page_answer_it(service: ChatService) -> None:
    answer = _turns(service, "Hej! Jag flyttade hit i somras. När antogs visionen?")
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith("Antagen av kommunfullmäktige 2013-05-27, § 68")


def test_the_next_one_after_an_item_is_the_item_after_it(service: ChatService) -> None:
    first = "Vilken är den första strategiska inriktningen?"
    assert _verbatim(_turns(service, first)).startswith(DIRECTIONS[0])
    assert _verbatim(_turns(service, first, "och nästa?")).startswith(DIRECTIONS[1])
    assert _verbatim(_turns(service, first, "och nästa?", "och nästa?")).startswith(DIRECTIONS[2])
    # a next of something the page has not: a question of its own
    assert _turns(service, first, "när är nästa kommunfullmäktigemöte?").kind == "out_of_scope"
    # after an item answered alone, the list it stands in on the page
    assert _verbatim(_turns(service, "Vad är målet för boende?", "och nästa?")).startswith(DIRECTIONS[3])


def test_where_to_read_follow_ups_each_get_their_topics_link(service: ChatService) -> None:
    # each follow-up names a topic of its own: not the link just given, nor every link the chain named
    first = ["var kan jag läsa om trafik?", "och om boende?"]
    assert _verbatim(_turns(service, *first)) == "Läs mer om vårt bostadsförsörjningsprogram (webbsida)"
    assert _verbatim(_turns(service, *first, "och näringsliv?")) == "Läs mer om näringslivsstrategi 2016-2018"


def test_the_pages_own_swedish_word_in_another_language_names_its_list(service: ChatService) -> None:
    # "how many mål (goals) are there?" in Tigrinya: "mål" folds to German "mal" (once), a function word there
    answer = _turns(service, "ክንደይ mål ኣለዉ?")
    assert (answer.kind, answer.lang) == ("answer", "ti")
    assert [q.text.split("\n")[0] for q in answer.quotes[: len(DIRECTIONS)]] == DIRECTIONS


def test_which_years_in_tigrinya_asks_for_the_time_a_link_states(service: ChatService) -> None:
    # "ኣየናይ ዓመታት" (which years, plural): a time, which the business strategy's link states
    quoted = _verbatim(_turns(service, "ናይ näringslivsstrategi ኣብ ኣየናይ ዓመታት እዩ?"))
    assert quoted == "Läs mer om näringslivsstrategi 2016-2018"


@pytest.mark.parametrize(
    ("message", "lang"), [("Danke! Nutzt die Seite Cookies?", "de"), ("Tack! Använder sidan kakor?", "sv")]
)
def test_a_question_of_its_own_after_thanks_is_no_thanks(service: ChatService, message: str, lang: str) -> None:
    # the question after the thanks is off the page: refused, not thanked for
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("out_of_scope", lang)
    # "how are you doing?" after a greeting is small talk, though no cue lists its words
    assert _turns(service, "Terve terve! Kuinkas sie jaksat?").kind == "smalltalk"


@pytest.mark.parametrize(
    "question",
    [
        "Jakie były cele seminarium dla radnych w 2012 roku?",  # its goals: "Syftet med seminariet …"
        "ዕላማታት እቲ ሰሚናር እንታይ እንታይ ነበሩ? ኩሎም ንገረኒ።",  # all its aims, tell me: no list of the page's goals
        "ما هي كل أغراض الندوة التي عُقدت لأعضاء المجلس البلدي؟",  # all its purposes
    ],
)
def test_the_seminars_goals_are_its_purpose_not_the_pages_goals(service: ChatService, question: str) -> None:
    answer = _turns(service, question)
    assert answer.kind == "answer"
    assert "Syftet med seminariet var att skapa kontakter" in _verbatim(answer)
    assert "Inriktning:" not in _verbatim(answer)


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("መወዳእታ ዝተቐየረሉ ዕለት?", "Senast ändrad: 2020-02-21"),  # the date it last changed?
        ("номер параграфа?", "Antagen av kommunfullmäktige 2013-05-27, § 68"),  # the paragraph's number?
    ],
)
def test_a_page_fact_asked_in_a_few_words_is_its_line(service: ChatService, question: str, line: str) -> None:
    assert _verbatim(_turns(service, question)).startswith(line)


def test_how_many_in_finnish_spelling_in_a_meankieli_message_counts(service: ChatService) -> None:
    # "kuinka monta" (Finnish spelling) beside a Swedish noun bent Meänkieli ("arbetsgruppia")
    answer = _turns(service, "kuinka monta arbetsgruppia oli")
    assert (answer.kind, answer.lang) == ("answer", "fit")
    assert _verbatim(answer).startswith("Nio arbetsgrupper")


def test_a_count_of_something_the_page_names_but_does_not_count_is_not_its_number(service: ChatService) -> None:
    # "Nio arbetsgrupper … samla in kommuninvånarnas åsikter": nine groups, no number of residents
    assert _turns(service, "How many residents took part in the vision work?").kind == "out_of_scope"
    assert _verbatim(_turns(service, "How many working groups were there?")).startswith("Nio arbetsgrupper")


@pytest.mark.parametrize(
    "question",
    [
        "Which strategy is being prepared with the vision's support?",
        "Яку стратегію готують на основі бачення?",  # which strategy is being prepared on the vision's basis?
        "Makkár strategiija ráhkaduvvo visuvnna vuođul?",
    ],
)
def test_a_document_asked_of_by_no_topic_is_the_one_the_page_names(service: ChatService, question: str) -> None:
    # the local growth strategy the page says is being worked out, not every "Läs mer" link
    answer = _turns(service, question)
    assert "lokal tillväxtsstrategi" in _verbatim(answer)
    assert "Läs mer" not in _verbatim(answer)
    # a document asked of by its topic is that topic's link
    assert _verbatim(_turns(service, "Finns det en strategi för näringslivet?")) == (
        "Läs mer om näringslivsstrategi 2016-2018"
    )


def test_after_every_read_more_link_a_follow_up_naming_a_topic_gets_its_link(service: ChatService) -> None:
    # the links just listed are no answer given already: "and about housing?" picks one of them
    assert _verbatim(_turns(service, "where can I read more?", "and about housing?")) == (
        "Läs mer om vårt bostadsförsörjningsprogram (webbsida)"
    )


def test_a_persian_paragraph_number_asked_colloquially_is_the_decision_line(service: ChatService) -> None:
    # "شماره بند" (the paragraph's number) and colloquial "چنده" (how much is it): the decision line
    assert _verbatim(_turns(service, "شماره بند تصویبش چنده؟")).startswith("Antagen av kommunfullmäktige")


def test_a_goal_asked_of_an_item_the_message_names_stands_alone(service: ChatService) -> None:
    # German "gibt es" (there is) is no "es" (it) pointing back at the project just talked about
    answer = _turns(service, "Wann ist das Visionsprojekt gestartet?", "Welches Ziel gibt es für Kultur?")
    assert _verbatim(answer).startswith("Inriktning: Kultur, fritid och idrott i hela kommunen")


def test_a_somali_follow_up_opening_with_oo_names_its_own_topic(service: ChatService) -> None:
    # "Oo kan …" (and the one of …) opens a follow-up; "kan" alone had read as pointing back
    answer = _turns(service, "Waa maxay hadafka adeegga dadweynaha?", "Oo kan dhaqanka iyo isboortiga?")
    assert _verbatim(answer).startswith("Inriktning: Kultur, fritid och idrott i hela kommunen")


def test_a_meankieli_paragraph_asked_with_one_a_is_the_decision_line(service: ChatService) -> None:
    # Meänkieli text is read with Meänkieli's cues only: "paragrafila" (with which paragraph) and
    # "päätöksessä" (in the decision) must be among them
    answer = _turns(service, "Koska visuuni päätethiin?", "millä paragrafila?")
    assert _verbatim(answer).startswith("Antagen av kommunfullmäktige 2013-05-27, § 68")
    assert _verbatim(_turns(service, "Mikä § oon vision päätöksessä?")).startswith("Antagen av kommunfullmäktige")


def test_thanks_then_a_follow_up_is_the_follow_up(service: ChatService) -> None:
    # "kiitos! entäs kommunikasuunit?" (thanks! and communications?): the follow-up after the thanks is asked
    answer = _turns(service, "mikä tavote työmarkkinoile", "kiitos! entäs kommunikasuunit?")
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith("Inriktning: Kommunikationer")
    assert _turns(service, "What is the goal for housing?", "thanks, that helped!").kind == "smalltalk"


def test_sami_mihttu_asks_a_goal(service: ChatService) -> None:
    # residents shorten "mihttomearri" (goal) to "mihttu": "ássama mihttu" is the housing goal
    answer = _turns(service, "ássama mihttu")
    assert (answer.kind, answer.lang) == ("answer", "se")
    assert _verbatim(answer).startswith("Inriktning: Boende, bebyggelse och livsmiljö")


def test_a_somali_goal_with_a_possessive_ending_is_the_page_s(service: ChatService) -> None:
    # "guryaha hadafkooda" (the houses, their goal): the possessive ending hides the page's "hadafka"
    assert _verbatim(_turns(service, "guryaha hadafkooda")).startswith("Inriktning: Boende, bebyggelse och livsmiljö")


@pytest.mark.parametrize(
    "question", ["Vad står det i visionen?", "Kerro visiosta", "co jest napisane w wizji", "Mitä visuunissa sanothaan"]
)
def test_what_the_vision_says_is_the_vision(service: ChatService, question: str) -> None:
    # the vision's own sentences never say "visionen": "Hur når vi visionen?" matched the word as written
    answer = _turns(service, question)
    assert answer.kind == "answer", question
    assert _verbatim(answer).startswith("Vår övertygelse om människors lika värde"), question


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # the Somali piece "hadafka guryaha" alone sits just below the scope model's line
        ("hadafka guryaha iyo hadafka adeegga dadweynaha waa maxay?", "Inriktning: Boende", "Inriktning: Offentlig"),
        # the whole message ranks housing fifth: the piece asking its goal is sure of it
        (
            "Mii lea ássama ulbmil ja mii lea skuvlla ja oahpahusa ulbmil?",
            "Inriktning: Boende",
            "Inriktning: Utbildning",
        ),
        # the whole message ranks the interpretation (its "many cultures") first, but the part asks for the
        # goal of the culture direction, which it names
        ("Mii lea skuvlla mihttu ja mii lea kultuvrra mihttu?", "Inriktning: Utbildning", "Inriktning: Kultur"),
    ],
)
def test_two_goals_asked_in_one_message_are_both_answered(
    service: ChatService, question: str, first: str, second: str
) -> None:
    quoted = _verbatim(_turns(service, question))
    assert quoted.startswith(first), question
    assert second in quoted, question


@pytest.mark.parametrize(
    "question",
    [
        "Vad håller kommunen på att ta fram med stöd i visionen?",
        "ما الذي يتم العمل عليه حاليا بناء على الرؤية؟",
        "Was kam bei den Arbeitsgruppen heraus?",
    ],
)
def test_work_under_way_and_what_the_work_led_to_are_quoted(service: ChatService, question: str) -> None:
    quoted = _verbatim(_turns(service, question))
    assert "Vi arbetar också fram en lokal tillväxtsstrategi" in quoted or "Detta arbete resulterade i" in quoted


@pytest.mark.parametrize(
    "question", ["Please list all the links on the page.", "Wymień wszystkie linki „Läs mer” ze strony"]
)
def test_a_list_of_the_links_is_the_read_more_lines(service: ChatService, question: str) -> None:
    answer = _turns(service, question)
    assert [q.text for q in answer.quotes][:2] == [
        "Läs mer om näringslivsstrategi 2016-2018",
        "Läs mer om vårt bostadsförsörjningsprogram (webbsida)",
    ], question
    # "الاستراتيجية" (strategic) names a document, which alone asks no place: the directions are listed
    assert _verbatim(_turns(service, "ما هي التوجهات الاستراتيجية للبلدية؟")).startswith(DIRECTIONS[0])
    # "where do I find all the strategic directions?" names the list it wants
    assert _verbatim(_turns(service, "Var hittar jag alla strategiska inriktningar?")).startswith(DIRECTIONS[0])


def test_a_name_in_persian_digits_is_the_pages_name(service: ChatService) -> None:
    assert _verbatim(_turns(service, "کیرونا ۲.۰")).startswith("Visionsprojektet Kiruna 2.0")


@pytest.mark.parametrize(
    "question",
    ["Who was the seminar for?", "Vem var seminariet för?", "Kenelle visiotyön aloitusseminaari oli tarkoitettu?"],
)
def test_whom_the_seminar_was_for_is_the_sentence_naming_them(service: ChatService, question: str) -> None:
    answer = _turns(service, question)
    assert "seminarium för ledamöterna i kommunfullmäktige" in _verbatim(answer), question
    assert "does not say" not in answer.lead
    assert "står inte" not in answer.lead


def test_who_led_the_project_is_not_whom_its_seminar_was_for(service: ChatService) -> None:
    # the page names no leader (an office, like a mayor): the seminar's audience is not one, and the part is said
    # unanswered under the decision
    answer = _turns(service, "När antogs visionen och vem ledde projektet Kiruna 2.0?")
    assert "Antagen av kommunfullmäktige 2013-05-27" in _verbatim(answer)
    assert "seminarium för ledamöterna" not in _verbatim(answer)
    assert len(answer.not_answered) == 1
    assert _turns(service, "Who led the Kiruna 2.0 project?").kind == "out_of_scope"


def test_who_put_the_page_up_is_still_the_publisher_line(service: ChatService) -> None:
    # a passage naming a body says whom the seminar was for, not who did anything
    assert _verbatim(_turns(service, "kuka oon pannu tämän sivun ylös")) == "Publicerad av: Ulrika Hannu"


@pytest.mark.parametrize(
    ("first", "ordinal", "quoted"),
    [
        ("لینکی برای مطالعه بیشتر هست؟", "سومی درباره چیه؟", "Läs om arbetet med trafikstrategi"),
        ("هل توجد روابط لقراءة المزيد؟", "الأول عن ماذا؟", "Läs mer om näringslivsstrategi 2016-2018"),
        ("ስትራተጂካዊ ኣንፈታት ምምሕዳር ኪሩና እንታይ እዮም?", "እቲ ሳልሳይከ?", "Inriktning: Boende"),
    ],
)
def test_an_ordinal_after_a_list_asked_in_a_language_s_own_words(
    service: ChatService, first: str, ordinal: str, quoted: str
) -> None:
    assert _verbatim(_turns(service, first, ordinal)).startswith(quoted)


def test_an_elliptical_follow_up_in_a_plural_the_thesaurus_gives(service: ChatService) -> None:
    # "а для шкіл?" (and for schools?): "шкіл", the genitive plural, bends the stem
    assert _verbatim(_turns(service, "Яка мета щодо житла?", "а для шкіл?")).startswith("Inriktning: Utbildning")


@pytest.mark.parametrize(
    "question", ["Vad handlar sidan om?", "Bures! Man birra dát siidu lea?", "Salaan, boggan maxuu ku saabsan yahay?"]
)
def test_what_the_page_is_about_is_what_it_opens_with(service: ChatService, question: str) -> None:
    # the page named and nothing in it: not whichever passage the few words lie nearest, nor a clarification
    answer = _turns(service, question)
    assert answer.kind == "answer", question
    assert _verbatim(answer).startswith("Vår övertygelse om människors lika värde"), question
    assert _verbatim(_turns(service, "Vem har publicerat sidan?")) == "Publicerad av: Ulrika Hannu"


@pytest.mark.parametrize("question", ["Monesko pykälä visio on?", "paragraafka?", "تاريخ الاعتماد؟"])
def test_the_paragraph_and_the_adoption_date_asked_in_few_words(service: ChatService, question: str) -> None:
    assert _verbatim(_turns(service, question)).startswith("Antagen av kommunfullmäktige 2013-05-27, § 68"), question


def test_work_under_way_is_not_how_the_vision_was_made(service: ChatService) -> None:
    # "being developed right now": under way, not the past process "Hur gjorde vi?" tells of
    quoted = _verbatim(_turns(service, "Is anything being developed right now based on the vision?"))
    assert "Vi arbetar också fram en lokal tillväxtsstrategi" in quoted
    assert _verbatim(_turns(service, "Wie wurde die Vision erarbeitet?")).startswith("Visionsprojektet Kiruna 2.0")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Vad är målet för boende?", "Vad står det i visionen?"),  # its "det" points nowhere
        ("Mikä on asumisen tavoite?", "Man birra dát siidu lea?"),  # "dát siidu": this page
        ("What is the goal for housing?", "what is this page about?"),
    ],
)
def test_a_question_naming_the_vision_or_the_page_after_another_stands_alone(
    service: ChatService, first: str, second: str
) -> None:
    assert _verbatim(_turns(service, first, second)).startswith("Vår övertygelse om människors lika värde")


def test_where_to_see_all_the_directions_is_their_list(service: ChatService) -> None:
    # its "I" had been read as Polish "and", splitting off "where?" as a part that the links answered
    assert _items(_turns(service, "Where can I see all the strategic directions?")) == DIRECTIONS


def test_a_name_the_page_writes_once_is_that_passage(service: ChatService) -> None:
    # "Kiruna" alone matches "Vi är Kiruna." best; "Kiruna 2.0" is named in one passage only
    assert _verbatim(_turns(service, "Tell me about Kiruna 2.0")).startswith("Visionsprojektet Kiruna 2.0")


@pytest.mark.parametrize("question", ["date of the vision", "VISION DATE", "visionens datum", "Datum der Vision"])
def test_the_date_of_the_vision_is_its_decision_line(service: ChatService, question: str) -> None:
    # the vision's date is its adoption, stated under "Vår vision"; not when the vision project began
    answer = _turns(service, question)
    assert _verbatim(answer).startswith("Antagen av kommunfullmäktige 2013-05-27, § 68"), question
    if question in ("date of the vision", "Datum der Vision"):
        assert answer.lang == {"d": "en", "D": "de"}[question[0]], question
    assert _verbatim(_turns(service, "When did the vision work begin?")).startswith("Visionsprojektet Kiruna 2.0")


def test_a_message_in_capitals_reads_as_in_lower_case(service: ChatService) -> None:
    # the embedding model is cased: in capitals, this was refused
    answer = _turns(service, "IMMISA KOOX SHAQO AYAA JIRAY")
    assert answer.kind == "answer"
    assert _verbatim(answer).startswith("Nio arbetsgrupper")


@pytest.mark.parametrize(
    ("first", "second", "quoted"),
    [
        # Tigrinya "and what about culture?" is one word: "ባህሊ" (culture) and "ኸ"
        ("ሸቶ መንበሪ ገዛ እንታይ እዩ", "ባህሊኸ", "Inriktning: Kultur"),
        # the Sami name of the business direction has its own "ja" (and); "ássama" bends "ássan" (housing)
        ("Mii lea ealáhusaid ja bargomárkana ulbmil?", "ja ássama?", "Inriktning: Boende"),
    ],
)
def test_a_follow_up_naming_a_topic_in_its_own_grammar(
    service: ChatService, first: str, second: str, quoted: str
) -> None:
    assert _verbatim(_turns(service, first)).startswith(("Inriktning: Boende", "Inriktning: Näringsliv"))
    assert _verbatim(_turns(service, first, second)).startswith(quoted)


def test_an_and_inside_a_directions_name_does_not_split_the_question(service: ChatService) -> None:
    answer = _turns(service, "Mii lea ealáhusaid ja bargomárkana ulbmil?")
    assert [q.text.split("\n")[0] for q in answer.quotes] == [DIRECTIONS[0]]


def test_a_goal_and_a_count_of_something_else_are_two_parts(service: ChatService) -> None:
    # "how many" belongs to the working groups: no list of the goals
    for question in (
        "what is the housing goal and how many working groups were there?",
        "هدف مسکن چیه و چند گروه کاری بودن؟",
    ):
        quotes = [q.text for q in _turns(service, question).quotes]
        assert len(quotes) == 2, question
        assert quotes[0].startswith(DIRECTIONS[2]), question
        assert quotes[1].startswith("Nio arbetsgrupper"), question


def test_all_the_links_asked_for_are_listed_and_one_named_is_given(service: ChatService) -> None:
    quoted = [q.text for q in _turns(service, "gdzie moge poczytac wiecej, daj wszystkie linki").quotes]
    assert len(quoted) == 3
    assert quoted[0] == "Läs mer om näringslivsstrategi 2016-2018"
    assert _verbatim(_turns(service, "list the links about housing")) == (
        "Läs mer om vårt bostadsförsörjningsprogram (webbsida)"
    )


def test_all_the_goals_asked_in_few_sami_words_are_listed(service: ChatService) -> None:
    # the scope model reads the few words as far out, and nearest to a thanks
    assert _items(_turns(service, "mat leat buot ulbmilat")) == DIRECTIONS


def test_what_the_bot_can_help_with_mistyped_is_small_talk(service: ChatService) -> None:
    # "hjälpa" is a thesaurus word for service; beside "vad kan du" it asks the bot, not the page
    assert _turns(service, "vad kan du hjälpa till me").kind == "smalltalk"
    assert _verbatim(_turns(service, "vad vet du om bostäder?")).startswith(DIRECTIONS[2])


def test_meankielis_marks_settle_small_talk_in_a_finnish_conversation(service: ChatService) -> None:
    # "sitte" (sitten): as they do a question's; unmarked thanks keep the conversation's Finnish
    assert _turns(service, "Montako työryhmää oli?", "kiitos, hei sitte!").lang == "fit"
    assert _turns(service, "Montako työryhmää oli?", "kiitos!").lang == "fi"


@pytest.mark.parametrize(
    "question",
    [
        "How many years ago was the vision adopted?",
        "Скільки років баченню комуни?",
        "Ile lat ma wizja gminy?",
        "Hur gammal är kommunens vision egentligen?",
    ],
)
def test_the_age_of_the_vision_is_its_decision_line(service: ChatService, question: str) -> None:
    # "how many years" asks a time, not a count; "egentligen", "комуни" name nothing besides the vision
    assert _verbatim(_turns(service, question)).startswith("Antagen av kommunfullmäktige 2013-05-27, § 68"), question


def test_the_same_fact_asked_twice_in_one_message_is_quoted_once(service: ChatService) -> None:
    for question in ("Ile lat ma wizja gminy? Z ktorego jest roku?", "How old is the vision? Which year is it from?"):
        quoted = [q.text for q in _turns(service, question).quotes]
        assert quoted[0] == "Antagen av kommunfullmäktige 2013-05-27, § 68", question
        assert len(quoted) == len(set(quoted)) == 2, question  # the decision and the vision it stands over


@pytest.mark.parametrize(
    ("first", "where", "quoted"),
    [
        ("What is the goal for communications?", "where exactly does it say that?", "Inriktning: Kommunikationer"),
        ("Mikä on asumisen tavoite?", "missä se sanotaan?", "Inriktning: Boende"),
        ("Wird die Raumfahrt bei der Forschung erwähnt?", "Wo steht das genau?", "Inriktning: Utbildning"),
    ],
)
def test_where_it_says_so_is_the_last_answer_under_its_section(
    service: ChatService, first: str, where: str, quoted: str
) -> None:
    answer = _turns(service, first, where)
    assert _verbatim(answer).startswith(quoted)
    assert answer.lead  # names the section the quote stands in
    # without a last answer it is no question of the page's
    assert _turns(service, where).kind != "answer"


def test_what_only_a_read_more_line_names_is_that_line(service: ChatService) -> None:
    line = "Läs om arbetet med trafikstrategi, trafikplan, parkeringsprogram mm (webbsida)"
    for question in ("What about parking?", "Чи є щось про паркування?"):
        assert _verbatim(_turns(service, question)) == line, question


def test_taking_part_in_making_the_vision_is_how_it_was_made(service: ChatService) -> None:
    for question in ("Who took part in making the vision?", "Dadka degmada ma ka qayb qaateen samaynta aragtida?"):
        assert "Nio arbetsgrupper" in _verbatim(_turns(service, question)), question


@pytest.mark.parametrize(
    "message",
    [
        "ኣብቲ ቀዳማይ ሰሚናር መን እዮም ተሳቲፎም",  # who took part in the first seminar?
        "چه کسایی تو اون سمینار شرکت داشتن؟",  # who took part in that seminar? (spoken Persian)
    ],
)
def test_who_took_part_in_the_seminar_is_the_body_it_was_for(service: ChatService, message: str) -> None:
    # the scope model reads little of a few words; the seminar is the page's, and its sentence names the body
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert "ledamöterna i kommunfullmäktige" in _verbatim(answer)


def test_who_took_part_in_what_the_page_does_not_name_is_refused(service: ChatService) -> None:
    assert _turns(service, "چه کسانی در ماراتن کیرونا شرکت کردند؟").kind == "out_of_scope"


@pytest.mark.parametrize(
    ("first", "then", "fact"),
    [
        ("What was the seminar for?", "and when?", "februari 2012"),
        ("What was the seminar for?", "and who attended?", "ledamöterna i kommunfullmäktige"),
        ("Mitä varten se seminaari pietethiin 2012?", "Ja ketä siinä olit?", "ledamöterna i kommunfullmäktige"),
    ],
)
def test_a_fact_asked_after_an_answer_is_asked_of_what_was_talked_about(
    service: ChatService, first: str, then: str, fact: str
) -> None:
    # "and when?" names nothing of its own: not a new topic, so not some other passage stating a time
    answer = _turns(service, first, then)
    assert answer.kind == "answer"
    assert fact in _verbatim(answer)


@pytest.mark.parametrize(
    "message",
    [
        "Vad tycker LKAB om kommunens vision?",
        "What does LKAB think of the vision?",
        "Mitä saamelaiskäräjät ajattelee tästä visiosta?",
        "Co firma górnicza LKAB sądzi o wizji?",
    ],
)
def test_the_view_of_someone_the_page_does_not_name_is_refused(service: ChatService, message: str) -> None:
    # quoting the vision would read as LKAB's view of it
    assert _turns(service, message).kind == "out_of_scope"


def test_what_the_municipality_thinks_of_a_topic_is_answered(service: ChatService) -> None:
    answer = _turns(service, "Vad tycker kommunen om bostäder?")
    assert answer.kind == "answer"
    assert "bostäder" in _verbatim(answer)


def test_finnish_without_marks_offers_meankieli_in_its_own_words(service: ChatService) -> None:
    # nothing in "Milloin visio hyväksyttiin?" tells Finnish from Meänkieli: the answer is Finnish, and one
    # tap asks for Meänkieli
    answer = _turns(service, "Milloin visio hyväksyttiin?")
    assert (answer.kind, answer.lang) == ("answer", "fi")
    offered = answer.suggestions[-1]
    assert offered == "Meänkielelä, kiitos"
    again = _turns(service, "Milloin visio hyväksyttiin?", offered)
    assert (again.lang, again.suggestions) == ("fit", [])
    assert "2013-05-27" in _verbatim(again)
    # settled by the widget's language, by Meänkieli's marks, or by a conversation held in Finnish
    assert "Meänkielelä, kiitos" not in _turns(service, "Milloin visio hyväksyttiin?", ui_lang="fi").suggestions
    assert _turns(service, "koska se päätethiin?").suggestions == []
    assert "Meänkielelä, kiitos" not in _turns(service, "Milloin visio hyväksyttiin?", "kiitos").suggestions
    assert _turns(service, "När antogs visionen?").suggestions == []


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("What does the vision say about culture?", "and about housing?"),
        ("Mitä visio sanoo kulttuurista?", "entä asumisen?"),
    ],
)
def test_a_follow_up_naming_one_topic_is_no_unclear_word(service: ChatService, first: str, then: str) -> None:
    # read with the last question, "housing" ranks beside the vision and culture; alone it names one goal
    answer = _turns(service, first, then)
    assert answer.kind == "answer"
    assert "varierat utbud av bostäder" in _verbatim(answer)


@pytest.mark.parametrize(
    "turns",
    [
        ("Vad är målet för boende?", "och hur många lägenheter byggs det i år?"),  # … and how many flats this year?
        ("How many students does the university in Kiruna have?",),
        ("Mikä on koulutuksen tavoite?", "montako yliopistoa Kiirunassa on?"),  # … how many universities are there?
    ],
)
def test_a_count_of_what_the_page_does_not_count_is_refused(service: ChatService, turns: tuple[str, ...]) -> None:
    # the list of directions is no count of flats, however close the housing goal ranks
    assert _turns(service, *turns).kind == "out_of_scope"


@pytest.mark.parametrize(
    "message",
    ["Ile było grup roboczych?", "كم عدد مجموعات العمل؟", "how many areas did they work in?"],
)
def test_a_count_of_what_the_page_counts_is_still_answered(service: ChatService, message: str) -> None:
    assert "Nio arbetsgrupper" in _verbatim(_turns(service, message))


def test_a_part_counting_what_the_page_does_not_is_said_unanswered(service: ChatService) -> None:
    answer = _turns(service, "Vad är målet för boende och hur många lägenheter byggs i år?")
    assert "varierat utbud av bostäder" in _verbatim(answer)
    assert len(answer.not_answered) == 1


@pytest.mark.parametrize(
    "message",
    [
        "Are the residents of Kiruna happy with the vision?",
        "Mitä mieltä kuntalaiset ovat visiosta?",  # Finnish: what do the residents think of the vision?
        "Sind die Einwohner mit der Vision einverstanden?",
    ],
)
def test_what_residents_think_of_the_vision_is_refused(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_how_residents_views_were_gathered_is_answered(service: ChatService) -> None:
    assert "Nio arbetsgrupper" in _verbatim(_turns(service, "How did they gather the residents' views?"))


@pytest.mark.parametrize(
    "turns",
    [
        ("Vilka personer satt i arbetsgrupperna?",),  # who sat in the working groups?
        ("Who was the project manager of Kiruna 2.0?",),
        ("Wer hat die Seite veröffentlicht?", "Wie ist ihre E-Mail-Adresse?"),
        ("Is our vision better than the one in Umeå?",),
    ],
)
def test_members_roles_contacts_and_comparisons_the_page_lacks_are_refused(
    service: ChatService, turns: tuple[str, ...]
) -> None:
    assert _turns(service, *turns).kind == "out_of_scope"


def test_who_gathered_the_views_is_still_the_working_groups(service: ChatService) -> None:
    assert "Nio arbetsgrupper" in _verbatim(_turns(service, "Vem samlade in kommuninvånarnas åsikter?"))


def test_a_new_vision_asked_beside_a_remark_is_refused(service: ChatService) -> None:
    assert _turns(service, "Kommer det en ny vision? Den nuvarande är ju gammal.").kind == "out_of_scope"


@pytest.mark.parametrize(
    "turns",
    [
        ("When will the vision be reached?",),
        ("Wann wird das Ziel für Wohnen erreicht sein?",),
        (
            "Jaki jest cel dla komunikacji?",
            "A kiedy będzie nowa linia autobusowa?",
        ),  # … and when will there be a new bus line?
        ("Har man nått målet om bostäder?",),  # has the housing goal been reached?
    ],
)
def test_a_time_to_come_or_a_goal_reached_is_refused(service: ChatService, turns: tuple[str, ...]) -> None:
    assert _turns(service, *turns).kind == "out_of_scope"


def test_a_refusal_of_what_the_page_does_not_state_says_so_first(service: ChatService) -> None:
    # about the vision, but not stated: "the page does not say that", then what the bot answers
    unstated = _turns(service, "Vilka personer satt i arbetsgrupperna?")
    assert unstated.kind == "out_of_scope"
    assert unstated.answer.startswith("Det står inte på sidan. Jag kan bara svara")
    # about something else altogether: only what the bot answers
    elsewhere = _turns(service, "Vad blir det för väder i morgon?")
    assert elsewhere.kind == "out_of_scope"
    assert elsewhere.answer.startswith("Jag kan bara svara")


def test_a_follow_up_asking_a_fact_of_what_the_page_lacks_is_refused(service: ChatService) -> None:
    # … and when is the swimming hall open at the weekend? Not the culture goal again under "not on the page"
    answer = _turns(service, "Vad är målet för kultur och idrott?", "och när har simhallen öppet på helgen?")
    assert answer.kind == "out_of_scope"
    assert answer.answer.startswith("Det står inte på sidan.")
    # a fact of what the page knows still follows the conversation
    assert "Senast ändrad: 2020-02-21" in _verbatim(
        _turns(service, "Who published the page?", "and when was it last changed?")
    )


@pytest.mark.parametrize(
    "turns",
    [
        ("Kan jag vara med i en arbetsgrupp nu?",),  # can I join a working group now?
        ("Voinko osallistua visiotyöhön vielä?",),  # can I still take part in the vision work?
        ("When did Kiruna 2.0 start?", "and when did it finish?"),  # "finish" is no request for Finnish
        ("Kiedy zakończył się projekt Kiruna 2.0?",),  # when did the Kiruna 2.0 project end?
        ("Was the vision adopted unanimously?",),
        ("Warum wurde die Vision 2013 beschlossen?",),  # why was the vision adopted in 2013?
        ("Wird die Vision nach dem Umzug der Stadt überarbeitet?",),  # will it be revised after the town moves?
        ("Wie viele Menschen haben in den Arbeitsgruppen mitgemacht?",),  # how many people were in the groups?
        ("Vad tycker du om visionen?",),  # what do you think of the vision?
        ("Where did the 2012 seminar take place?",),
        ("Vem talade på seminariet?",),  # who spoke at the seminar?
        ("Hur många arbetsgrupper fanns det?", "vem ledde dem?"),  # … who led them?
        ("Is there a business strategy newer than 2016-2018?",),
        ("Name the six strategic directions", "which of them matters most to the council?"),
        ("Jakie są kierunki strategiczne?", "który z nich jest najważniejszy?"),  # which of them matters most?
        ("Finns det någon uppföljningsrapport om visionen?",),  # is there a follow-up report on the vision?
        ("How do I apply for a flat in the new town centre?",),
        ("Miten voin hakea töitä kunnalta?",),  # how can I apply for a job with the municipality?
        ("sideen ku heli karaa shaqo degmada?",),  # how can I get a job with the municipality?
        # how can I find work?, after "hello, I am new here": no small talk for "how do I use this?"
        ("ሰላም! ኣነ ሓድሽ እየ። ስራሕ ከመይ ጌረ ክረክብ እኽእል?",),
        ("cimilada maanta sidee tahay?",),  # how is the weather today? ("sidee tahay" greets when it opens)
        ("Vad säger Luleås vision om bostäder?",),  # another municipality's vision
        ("Does Kiruna work together with Pajala on this?",),
        ("Mikä on Jällivaaran kunnan tavoite asumiselle?",),  # Gällivare's goal for housing
        ("När antogs visionen?", "var hittar jag protokollet från det mötet?"),  # … the minutes of that meeting?
        ("Kann ich das Protokoll der Sitzung bekommen?",),  # can I have the minutes of the meeting?
        ("När har biblioteket öppet?",),  # when is the library open?
        ("Who designed the new logo?",),
        ("Hat LKAB die Vision mitfinanziert?",),  # did LKAB co-fund the vision?
        ("Why is it called Kiruna 2.0?",),
        ("Var kan man hyra en lägenhet i Kiruna?",),  # where can one rent a flat in Kiruna?
        ("Wo kann ich mich für einen Kitaplatz anmelden?",),  # where do I register for a nursery place?
        ("What does the business strategy say about tourism?",),  # the page links it and quotes none of it
        ("Mitä liikennestrategiassa päätettiin pysäköinnistä?",),  # what did the traffic strategy decide on parking?
        ("Which were the nine areas the residents were asked about?",),  # counted, never listed
        ("متى تم اعتماد الرؤية؟", "وما هي المجالات التسعة؟"),  # when was it adopted? and which are the nine areas?
        ("Is the new town centre finished yet?",),
        ("Who led the Kiruna 2.0 project?",),
        ("Hur många invånare totalt deltog i arbetsgrupperna?",),  # how many residents in all took part?
        ("Vilka mål har socialnämnden?",),  # which goals does the social services committee have?
        ("Is Kiruna a good place to live for a family?",),  # a judgement the page does not make
        ("Missä on lähin uimahalli?",),  # where is the nearest swimming hall?
        ("Gibt es eine Moschee in Kiruna?",),  # is there a mosque in Kiruna?
        ("Do I have the right to get service in Finnish here?",),  # rights: the page names none
        ("Mitä Kiirunan kuuluminen saamen kielen hallintoalueeseen tarkoittaa?",),  # an administrative area
        ("ist kiruna größer als gällivare",),  # a comparison with a town the page does not name, no "?"
        ("millon se kaupungin siirto on valmis",),  # when is the town's move done? (never mentioned), no "?"
        ("Wann wird das alte Rathaus abgerissen?",),  # when is the old town hall torn down?
        ("mine relocation",),  # a word or two naming only what the page does not
        ("tell me a joke",),  # a pastime, however close it reads to "what can you do?"
        ("Hej! Hur blir vädret i morgon?",),  # a greeting, then the weather
        ("What does the new brand platform look like?",),  # a document the page names and does not show
        ("Hur många arbetsgrupper var det?", "kan man fortfarande gå med i nån av dem?"),  # can one still join?
    ],
)
def test_what_the_page_tells_nothing_of_is_refused(service: ChatService, turns: tuple[str, ...]) -> None:
    answer = _turns(service, *turns)
    assert answer.kind == "out_of_scope"
    assert not answer.quotes


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        # a year the page does not give is answered with the decision line, which tells the year it was
        ("Why was the vision only adopted in 2015?", "2013-05-27"),
        ("How did residents take part when the vision was made?", "Nio arbetsgrupper"),
        ("When did Kiruna 2.0 start?", "februari 2012"),
        ("Var hittar jag bostadsprogrammet?", "Läs mer om vårt bostadsförsörjningsprogram (webbsida)"),
        ("What was the purpose of the seminar in 2012?", "Syftet med seminariet"),
        ("When did the seminar take place?", "februari 2012"),
        # a wrong year is corrected by the link, which tells the years it is for; no newer one is asked
        ("Mistä löydän elinkeinostrategian 2018–2020?", "Läs mer om näringslivsstrategi 2016-2018"),
        ("Vad har arbetet gett för resultat?", "Detta arbete resulterade i"),  # what did the work result in?
        # "how can I …" asks what the page tells when it asks to read or to understand
        ("How can I read more about the housing programme?", "Läs mer om vårt bostadsförsörjningsprogram"),
        ("Hur kan jag förstå visionen?", "Vi vill att visionen ska tolkas så här"),
        ("Which years does the business strategy cover?", "näringslivsstrategi 2016-2018"),
        # a strategy under way now is the one the page says is being drawn up, not every "Läs mer" line
        ("Vilken strategi arbetar kommunen fram nu?", "lokal tillväxtsstrategi"),
        # a town named in a remark beside the question is the resident's, not the question's
        ("Jag har flyttat hit från Luleå, vad är visionen?", "Vår övertygelse om människors lika värde"),
        ("I study in Umeå. When did Kiruna 2.0 start?", "februari 2012"),
        ("In which paragraph of the minutes was the vision adopted?", "§ 68"),
        # our daughter starts school in the autumn, what does this say about education?
        ("Meän tyttö alottaa skoulun syksylä, mitä tässä sanothaan koulutuksesta?", "god kvalitet i utbildningen"),
        ("Kunka monta työporukkaa oli mukana?", "Nio arbetsgrupper"),  # Meänkieli: how many work crews?
        ("Jag jobbar på LKAB, vad är målet för näringslivet?", "arbetsmarknaden en bredd"),
        # is the municipality working on a new logo? The brand platform under way says so
        ("Pracuje gmina nad nowym logo?", "ny varumärkesplattform"),
        ("What was the vision project called?", "Kiruna 2.0"),  # the name is stated, why it is so is not
        # the page named, or where to read: the "Läs mer" line, not what the document says
        ("Vad säger sidan om näringslivsstrategin?", "Läs mer om näringslivsstrategi 2016-2018"),
        ("Where can I read more about housing?", "Läs mer om vårt bostadsförsörjningsprogram"),
        # the nine directions are named by their heading; what the nine groups did is stated
        ("Which are the nine strategic directions?", "Inriktning: Kommunikationer"),
        ("What did the nine working groups do?", "samla in kommuninvånarnas åsikter"),
        ("How are the overall goals broken down to the committees?", "nämnds- och verksamhetsmål"),
        # whether there is a document the page links: its link; and a goal asked of a facility is the goal
        ("Finns det något bostadsprogram?", "Läs mer om vårt bostadsförsörjningsprogram"),
        ("What does the municipality want for its sports halls?", "Kultur och idrott ska vara lättillgängligt"),
        ("Vad betyder det att vi gör Kiruna till en bra kommun att leva i?", "Vi vill att visionen ska tolkas"),
        # how many working groups, in Sami: what a sentence counts, however far below its line the model puts it
        ("Galle bargojoavkku barge višuvnnain?", "Nio arbetsgrupper"),
        # how are things with housing?, in a greeting's words: it names a topic of the page, and asks of it
        ("Hur är läget med bostäderna?", "Inriktning: Boende, bebyggelse och livsmiljö"),
        # a request without its question mark between a greeting and a thanks: it asks, it tells of no one
        (
            "Вітаю! Перелічіть, будь ласка, стратегічні напрями Кіруни. Заздалегідь дякую 🙂",
            "Inriktning: Kommunikationer",
        ),
        ("Hej. Berätta om visionen.", "Vår övertygelse om människors lika värde"),
        ("hej jag heter Lisa och vill veta mer om visionen", "Vår övertygelse om människors lika värde"),
    ],
)
def test_what_the_page_states_beside_those_is_still_answered(service: ChatService, message: str, fact: str) -> None:
    assert fact in _verbatim(_turns(service, message))


def test_a_rule_beside_the_scope_models_refusal_still_says_the_page_does_not_say_it(service: ChatService) -> None:
    # the scope model refuses it too; it is still a question of the page's topic the page does not answer
    answer = _turns(service, "Kan jag vara med i en arbetsgrupp nu?")  # can I join a working group now?
    assert answer.kind == "out_of_scope"
    assert answer.answer.startswith("Det står inte på sidan.")


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("walaal sidee tahay", "so"),  # brother, how are you: a greeting opening the message, or all of it
        ("sidee tahay walaal", "so"),
        ("ከመይ ገይረ ክጥቀመሉ እኽእል?", "ti"),  # how can I use it? asks the bot for help, not how to get a service
        ("Mam na imię Marek, miło mi cię poznać", "pl"),  # my name is Marek, nice to meet you: a name is no topic
        ("Hyvää joulua ja onnellista uutta vuotta koko kunnalle!", "fi"),  # merry Christmas to the municipality
    ],
)
def test_a_greeting_or_a_request_for_help_is_still_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    ("first", "then", "lang"),
    [
        ("mitä tavoitteita kunnalla on asumiselle", "ok siisti", "fi"),  # ok, cool: in a word no table lists
        ("whats the goal for housing", "that didnt really answer my question", "en"),  # a complaint
        ("Wer hat die Seite veröffentlicht?", "ok super", "de"),
    ],
)
def test_an_acknowledgement_or_a_complaint_after_an_answer_is_small_talk(
    service: ChatService, first: str, then: str, lang: str
) -> None:
    # not a follow-up of the last answer: nothing asked, nothing of the page named
    answer = _turns(service, first, then)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert not answer.quotes


def test_an_acknowledgement_naming_a_topic_follows_the_answer_up(service: ChatService) -> None:
    answer = _turns(service, "vad är målet för boende?", "ok kultur")
    assert _verbatim(answer).startswith("Inriktning: Kultur, fritid och idrott i hela kommunen")


@pytest.mark.parametrize(
    ("turns", "lang"),
    [
        (("Miksi sie vastaat ruottiksi?? Mie kirjotin meänkielelä!",), "fit"),  # why Swedish? I wrote Meänkieli!
        (("Manne don vástidat ruoŧagillii?? mun čállen sámegillii!",), "se"),
        (("why are you giving me swedish text when i wrote in english??",), "en"),
        (("Sáhtángo čállit davvisámegillii dása, vai fertengo čállit ruoŧagillii?",), "se"),  # may I write Sami?
        (("kan jag skriva på engelska?",), "en"),  # a request with nothing said yet to say again
        (("Mikä on asumisen tavoite?", "Miksi vastaat ruotsiksi? Kirjoitin suomeksi."), "fi"),  # after an answer too
    ],
)
def test_a_question_of_the_bots_languages_is_answered_with_how_it_uses_them(
    service: ChatService, turns: tuple[str, ...], lang: str
) -> None:
    # a complaint of a language asks for none: the reply, in the resident's language, says why the quotes are Swedish
    answer = _turns(service, *turns)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert answer.answer == load_catalogs().get(lang, M.TALK_LANGUAGES)
    assert not answer.quotes


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("ማዕድን LKAB ሰራሕተኛታት ይቖጽር ዶ ኣሎ? ሽወደንኛ ኣይክእልን እየ", "ti"),  # is LKAB hiring? I can't Swedish
        ("Sáhtán go čállit davvisámegillii dása? Mu ruoŧagiella ii leat nu buorre.", "se"),  # my Swedish isn't good
    ],
)
def test_a_language_told_of_beside_a_question_is_no_request_for_it(
    service: ChatService, message: str, lang: str
) -> None:
    assert _turns(service, message).lang == lang


@pytest.mark.parametrize(
    "message",
    [
        "Добрий день! Скільки коштуватиме досягнення цілі щодо житла?",  # how much will reaching it cost?
        "Lea go gielda juo olahan ássanulbmila?",  # has the municipality already reached the housing goal?
        "شو مكتوب باستراتيجية قطاع الأعمال 2016-2018؟",  # what is written in the business strategy?
    ],
)
def test_a_cost_a_goal_reached_or_a_documents_contents_in_their_other_forms_are_refused(
    service: ChatService, message: str
) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_a_complaint_pointing_at_no_answer_is_small_talk(service: ChatService) -> None:
    # "that answer was no use. it did not answer what I asked": with no answer before it, of the bot
    answer = _turns(service, "dat vastadus ii lean mihkkege avkin. ii dat vastidan dasa maid jerren")
    assert (answer.kind, answer.lang) == ("smalltalk", "se")


def test_what_is_this_beside_a_story_is_small_talk(service: ChatService) -> None:
    # "what is this? I just pressed some button and this window opened": its "this" is the cue's own word
    answer = _turns(service, "mikä tämä oon? mie vain painoin jotaki nappia ja tämä ikkuna aukesi")
    assert (answer.kind, answer.lang) == ("smalltalk", "fit")


@pytest.mark.parametrize(
    "message",
    [
        # a story beside one question the page answers, its "hospital" the resident's workplace, no facility asked
        "Good morning. I moved here last year from Glasgow and work at the hospital. Could you tell me which "
        "strategic directions the municipality has? Thanks in advance",
        "hey there 👋 im new in town (moved up for a job at LKAB) and trying to understand how the kommun thinks. "
        "which strategic directions have they got? thx!",
    ],
)
def test_one_question_among_sentences_that_tell_is_answered_alone(service: ChatService, message: str) -> None:
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert len(answer.quotes) == 6  # the six directions, listed


def test_a_question_offering_the_last_ones_answers_is_small_talk_too(service: ChatService) -> None:
    # "who made you? the municipality itself or some company from Stockholm?"
    answer = _turns(service, "Kuka sinut oon tehny? Kommuuniko itte vai joku firma Tukholmasta?")
    assert (answer.kind, answer.lang) == ("smalltalk", "fit")


def test_a_message_barely_admitted_naming_nothing_of_the_page_and_near_small_talk_is_small_talk(
    service: ChatService,
) -> None:
    # the scope model puts it 0.07 above its line; no word of it is the page's, and it asks nothing
    answer = _turns(service, "What sort of things do you know about?")
    assert (answer.kind, answer.lang) == ("smalltalk", "en")
    assert _turns(service, "ኣየኖት ስትራተጂካዊ ኣንፈታት ኣለዉ").kind == "answer"  # which strategic directions are there


@pytest.mark.parametrize(
    ("first", "lang"),
    [("Milloin visio hyväksyttiin?", "fi"), ("Koska visjuuni hyväksythiin?", "fit")],
)
def test_and_who_decided_it_after_when_keeps_the_decision(service: ChatService, first: str, lang: str) -> None:
    # "entä" (and what about) opens the follow-up and names nothing: "who decided it?" asks of the decision
    answer = _turns(service, first, "entä kuka sen päätti?")
    assert (answer.kind, answer.lang) == ("answer", lang)
    assert "kommunfullmäktige" in _verbatim(answer)


def test_how_is_it_going_in_sami_chats_spelling_is_a_greeting(service: ChatService) -> None:
    # "mot" is also a Swedish word of the page: the two words had read as a topic named, and got the vision
    answer = _turns(service, "Mot manná?")
    assert (answer.kind, answer.lang) == ("smalltalk", "se")


@pytest.mark.parametrize(
    ("first", "remark", "lang"),
    [
        ("What is the goal for culture?", "that was way too long 😅", "en"),
        ("Mikä se tavote on kulttuurille?", "Mie en sitä kysyny", "fit"),
    ],
)
def test_a_complaint_pointing_at_the_answer_is_small_talk_and_say_more_is_not(
    service: ChatService, first: str, remark: str, lang: str
) -> None:
    # "that" and "sitä" point at the answer; the words around them read as a complaint, not a request for it again
    answer = _turns(service, first, remark)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert _turns(service, first, "tell me more about that").kind == "answer"


@pytest.mark.parametrize(("message", "heading"), [("thx. housing?", "Boende"), ("Giitu. Kultuvra?", "Kultur")])
def test_a_topic_asked_with_its_mark_after_thanks_is_answered(service: ChatService, message: str, heading: str) -> None:
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert heading in _verbatim(answer)
    assert _turns(service, "thanks, that helped!").kind == "smalltalk"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("We just moved here from Bristol in August, my wife teaches music", "en"),
        ("Mun lean fárren dákko Romssas diibmá", "se"),
        ("Jag är pensionär och har jobbat på gruvan i fyrtio år", "sv"),
    ],
)
def test_a_resident_introducing_themself_without_a_greeting_gets_small_talk(
    service: ChatService, message: str, lang: str
) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    "message",
    ["Twoim zdaniem ta wizja jest realistyczna?", "Mitä mieltä sinä olet, onko visio hyvä vai huono?"],
)
def test_the_bots_own_view_of_the_vision_is_not_the_vision_quoted(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"
    assert _turns(service, "Co mówi wizja?").kind == "answer"  # what does the vision say?


def test_who_is_responsible_for_the_vision_now_is_no_decision_line(service: ChatService) -> None:
    assert _turns(service, "vem är det som ansvarar för visionen nuförtiden?").kind == "out_of_scope"
    assert "Ulrika Hannu" in _verbatim(_turns(service, "vem publicerade sidan?"))


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Olen Aino, asun Lombolossa ja olen opettaja.", "fi"),
        ("Wir sind letztes Jahr aus Leipzig hergezogen", "de"),
        ("Я з Одеси, працюю медсестрою", "uk"),
    ],
)
def test_telling_who_one_is_in_the_first_person_is_a_greeting(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize("message", ["Ich suche eine Wohnung", "Я шукаю роботу", "I need a job"])
def test_a_need_stated_in_the_first_person_is_refused_not_greeted(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_telling_of_oneself_beside_a_pastime_asked_is_no_greeting(service: ChatService) -> None:
    # "tell me a joke, I'm so bored": the first person tells, and a pastime is asked
    assert _turns(service, "Tell me a joke please, I am so bored today").kind == "out_of_scope"


def test_asking_what_the_bot_is_with_a_mark_stays_small_talk(service: ChatService) -> None:
    answer = _turns(service, "Am I chatting with a real person here or with a machine?")
    assert (answer.kind, answer.lang) == ("smalltalk", "en")


@pytest.mark.parametrize(
    "message",
    [
        "God morgon! Jag är nyinflyttad och undrar hur man får parkeringstillstånd",
        "Hei, olen opiskelija ja haluaisin tietää milloin uimahalli aukeaa",
        "how do I renew my parking permit, I just moved to Kiruna",
    ],
)
def test_a_greeting_or_who_one_is_beside_a_question_asked_without_its_mark_is_refused(
    service: ChatService, message: str
) -> None:
    # the resident greets or says who they are, then wonders how or wants to know: a question, unmarked
    assert _turns(service, message).kind == "out_of_scope"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Hej! Jag heter Maja och bor på Tuolluvaara sedan i somras.", "sv"),
        ("Kiitos paljon! Nyt ymmärrän mitä visio tarkoittaa. Hyvää päivänjatkoa!", "fi"),
    ],
)
def test_who_one_is_and_what_one_now_understands_stay_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    "message", ["Vilka färger har kommunens nya grafiska profil?", "What colours does the Kiruna logo have?"]
)
def test_the_colours_of_the_logo_are_never_stated(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


@pytest.mark.parametrize(
    ("question", "remark", "lang"),
    [
        ("Vad är målet för kultur och idrott?", "det där svaret var inte till någon hjälp alls", "sv"),
        ("What is the goal for housing?", "this answer did not help me at all", "en"),
    ],
)
def test_a_judgement_of_the_answer_pointing_at_it_is_small_talk(
    service: ChatService, question: str, remark: str, lang: str
) -> None:
    # no cue lists these words; pointing at the answer, they read as near a complaint as an unsure refusal must
    assert _turns(service, question).kind == "answer"
    answer = _turns(service, question, remark)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert _turns(service, question, "what does that mean?" if lang == "en" else "vad betyder det?").kind == "answer"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("gillar verkligen målet om kultur och idrott", "sv"),
        ("cheers for the info about the housing goal", "en"),
        ("شكرا على المعلومات عن هدف السكن", "ar"),
    ],
)
def test_praise_or_thanks_naming_a_topic_of_the_page_is_small_talk(
    service: ChatService, message: str, lang: str
) -> None:
    # the page's words in it read as a question to the scope model; no mark, no word that asks, nothing but the
    # goal it names asked
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert _turns(service, "tack för svaret, vad är målet för kultur").kind == "answer"


def test_a_remark_pointing_only_at_the_answer_is_a_complaint_and_more_of_it_is_asked(service: ChatService) -> None:
    # no example lies near these words; they name nothing of the page and ask nothing
    remark = "that's not really an answer, you just pasted some text from a page"
    answer = _turns(service, "What is the goal for housing?", remark)
    assert (answer.kind, answer.lang) == ("smalltalk", "en")
    assert _turns(service, "Vad är visionen?", "mer om det").kind == "answer"


@pytest.mark.parametrize(
    ("first", "cost"),
    [
        ("Що таке Kiruna 2.0?", "А скільки коштував цей проєкт?"),
        ("ile było grup roboczych?", "a ile zapłacono ludziom z tych grup?"),
        ("mitä se Kiruna 2.0 oli?", "ja kuinka paljon se kaikki makso?"),
    ],
)
def test_what_it_cost_asked_as_a_follow_up_is_refused(service: ChatService, first: str, cost: str) -> None:
    assert _turns(service, first, cost).kind == "out_of_scope"


def test_todays_office_holder_after_the_by_line_is_refused_and_who_is_responsible_for_it_is_the_by_line(
    service: ChatService,
) -> None:
    assert _turns(service, "من نشر هذه الصفحة؟", "ومن هو رئيس البلدية حالياً؟").kind == "out_of_scope"
    answer = _turns(service, "who published the page?", "and who is responsible for it?")
    assert answer.kind == "answer"
    assert "Ulrika Hannu" in _verbatim(answer)


@pytest.mark.parametrize(
    "message",
    ["who actually wrote the goal about culture and sports", "Kuka kirjoitti sen kulttuuria koskevan tavoitteen?"],
)
def test_who_wrote_a_goal_is_how_the_goals_came_about_not_the_by_line(service: ChatService, message: str) -> None:
    # "Publicerad av" names who published the page; the goals came out of the working groups' work
    quoted = _verbatim(_turns(service, message))
    assert "resulterade i de nio strategiska inriktningarna med tillhörande mål" in quoted
    assert "Ulrika Hannu" not in quoted
    assert "Ulrika Hannu" in _verbatim(_turns(service, "who wrote this page?"))


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("Missä vuoden 2012 seminaari pidettiin?", "out_of_scope"),  # where it was held: the page does not say
        ("var hölls seminariet?", "out_of_scope"),
        ("why was the seminar held?", "answer"),  # its purpose is stated
        ("milloin seminaari pidettiin?", "answer"),  # so is when
        ("Ketä varten se seminaari helmikuussa 2012 pietthiin?", "answer"),  # and for whom
    ],
)
def test_where_the_seminar_was_held_is_never_stated_and_why_when_and_for_whom_are(
    service: ChatService, message: str, kind: str
) -> None:
    assert _turns(service, message).kind == kind


def test_when_something_will_be_evaluated_is_never_stated(service: ChatService) -> None:
    assert _turns(service, "Milloin Kiruna 2.0 arvioidaan, tuleeko siitä jotain raporttia?").kind == "out_of_scope"
    assert _turns(service, "när utvärderas visionen?").kind == "out_of_scope"


def test_a_request_for_a_contact_after_the_by_line_is_no_remark(service: ChatService) -> None:
    # "її" (her) points at the answer; the e-mail it asks for is what no page states
    assert _turns(service, "Хто опублікував цю сторінку?", "Дайте її email, будь ласка").kind == "out_of_scope"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("förlåt, skrev fel", "sv"),
        ("sorry, I wrote it wrong", "en"),
        ("Waan ka xumahay, si khaldan ayaan u qoray", "so"),
    ],
)
def test_an_apology_for_ones_own_writing_is_small_talk_and_who_wrote_the_page_asks(
    service: ChatService, message: str, lang: str
) -> None:
    # the word of writing is the resident's own: no word asks, no mark
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert "Ulrika Hannu" in _verbatim(_turns(service, "tack, vem skrev sidan"))


def test_a_question_with_its_mark_is_no_thanks_or_goodbye_by_its_meaning(service: ChatService) -> None:
    # it lies 0.90 from a Sami goodbye
    assert _turns(service, "mo ohcan mánáidgárdesaji?").kind == "out_of_scope"


def test_liking_what_the_page_says_is_glad_to_hear_and_a_thanks_is_welcome(service: ChatService) -> None:
    # nobody thanked in "gillar verkligen målet om bostäder": "you're welcome" would answer what was not said
    assert _turns(service, "gillar verkligen målet om bostäder").answer.startswith("Kul att höra!")
    assert _turns(service, "tack för infon om bostadsmålet").answer.startswith("Varsågod!")


@pytest.mark.parametrize(
    ("first", "remark", "lang"),
    [
        ("ما هو هدف السكن؟", "الرد غير مفهوم، لم أفهم شيئاً", "ar"),
        ("What is the goal for housing?", "I don't understand", "en"),
    ],
)
def test_not_understanding_the_answer_without_a_mark_is_small_talk(
    service: ChatService, first: str, remark: str, lang: str
) -> None:
    # "I understood nothing" tells what the answer did; the scope model reads its "answer" as the page's
    _assert_small_talk(_turns(service, first, remark), lang)


def test_what_the_answer_means_asked_in_words_is_still_the_answer(service: ChatService) -> None:
    assert _turns(service, "What is the goal for housing?", "what does that mean").kind == "answer"


@pytest.mark.parametrize(
    "message",
    ["who is in charge of the vision work today", "kto teraz odpowiada za wizję gminy?", "Kuka nyt vastaa visiosta?"],
)
def test_who_holds_a_role_now_is_never_stated(service: ChatService, message: str) -> None:
    # the page names who decided in 2013 and who published it, nobody holding a role today
    assert _turns(service, message).kind == "out_of_scope"
    assert "Ulrika Hannu" in _verbatim(_turns(service, "who published this page?"))


@pytest.mark.parametrize("message", ["haha", "hihihi", "ahahah", "xD"])
def test_laughter_alone_is_small_talk_in_no_language_of_its_own(service: ChatService, message: str) -> None:
    # "haha" read by the detector alone is Somali; laughter settles no language, the fallbacks do
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", "sv")


def test_laughter_in_a_script_only_one_language_writes_is_small_talk_in_it(service: ChatService) -> None:
    # of the bot's languages only Ukrainian is written in Cyrillic
    answer = _turns(service, "хахаха")
    assert (answer.kind, answer.lang) == ("smalltalk", "uk")


@pytest.mark.parametrize(("message", "lang"), [("hahahah dobre", "pl"), ("thx!", "en")])
def test_laughter_beside_words_of_a_language_is_small_talk_in_that_language(
    service: ChatService, message: str, lang: str
) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("your answers are way too long and i cant understand half of them", "en"),
        ("Jag förstår inte riktigt vad du menar...", "sv"),
        ("Jawaabahaagu aad bay u dheer yihiin", "so"),
    ],
)
def test_a_remark_on_the_bot_before_any_answer_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    # a new tab or a reloaded page: no answer in the conversation, and still no question of the page
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize("message", ["vad menas med visionen", "Čále munnje buot strategalaš suorggiid"])
def test_asking_what_the_page_means_or_a_list_without_a_mark_is_answered(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "answer"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Stort tack för att du tog dig tid, nu förstår jag äntligen hur visionen kom till.", "sv"),
        ("Ollu giitu vástádusa ovddas, dál áddejin buorebut maid visuvdna mearkkaša.", "se"),
        ("Kiitos paljon, tästä oli tosi paljon apua! Nyt ymmärrän vähän paremmin mitä kunta ajaa takaa.", "fi"),
    ],
)
def test_a_thanks_telling_what_the_answer_taught_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize("message", ["tack! vad betyder visionen", "Tack. Nu vet jag. Men vad är målet för kultur"])
def test_a_question_after_a_thanks_and_knowing_is_answered(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "answer"


def test_an_identity_question_with_a_word_inside_the_cue_is_small_talk(service: ChatService) -> None:
    answer = _turns(service, "Puhunko nyt ihmisen vai koneen kanssa?")
    assert (answer.kind, answer.lang) == ("smalltalk", "fi")


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Olen Mikko, asun Lombolossa ja muutin tänne Rovaniemeltä kolme vuotta sitten.", "fi"),
        ("Jag heter Sara och jag lär mig svenska, jag flyttade hit för två år sedan.", "sv"),
    ],
)
def test_telling_of_oneself_with_a_time_told_is_a_greeting(service: ChatService, message: str, lang: str) -> None:
    # "years ago" tells a time here: no word asks, no mark
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert _turns(service, "Olen Pekka ja asun täällä, kuinka monta vuotta sitten visio hyväksyttiin").kind == "answer"


@pytest.mark.parametrize(("message", "lang"), [("jo jo, áddejin dál", "se"), ("aha, nu fattar jag", "sv")])
def test_saying_one_now_understands_acknowledges(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Świetny ten bot, bardzo pomocny 👍", "pl"),  # a great bot, very helpful
        ("روبوت ذكي جدا، شكرا لكم", "ar"),  # a very clever robot, thank you
        ("du är riktigt smart du", "sv"),
    ],
)
def test_praise_of_the_bot_in_words_no_cue_lists_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert _turns(service, "bra chatt, men vad är målet för kultur").kind == "answer"


@pytest.mark.parametrize(
    "message",
    [
        "Har kommunen nått målet för kultur? Finns det någon uppföljning?",
        "Sind die Ziele für Wohnen erreicht worden? Wo kann ich die Ergebnisse lesen?",
        "Has the municipality actually met its goals? Where are the results?",
        "onko asumisen tavoite jo saavutettu?",  # Finnish: has the housing goal been reached yet?
        "czy cele dla mieszkalnictwa zostały już osiągnięte?",  # Polish: have the housing goals been reached yet?
    ],
)
def test_whether_a_goal_was_reached_and_its_results_are_refused_whole(service: ChatService, message: str) -> None:
    # the results asked after whether it was reached are that question's, not "Detta arbete resulterade i …"
    answer = _turns(service, message)
    assert answer.kind == "out_of_scope"
    assert answer.quotes == []


def test_a_read_more_line_named_after_whether_goals_were_reached_is_its_own_part(service: ChatService) -> None:
    answer = _turns(service, "Har målen nåtts? Var kan jag läsa mer om bostadsprogrammet?")
    assert answer.kind == "answer"
    assert _verbatim(answer) == "Läs mer om vårt bostadsförsörjningsprogram (webbsida)"


@pytest.mark.parametrize(
    "message",
    [
        "co sądzisz o wizji Kiruny?",  # Polish: what do you think of Kiruna's vision? (no pronoun)
        "mitä mieltä olet Kiirunan visiosta?",  # Finnish: the same, in a verb form
        "نظر تو درباره این چشم انداز چیست؟",  # Persian: your view of this vision? ("تو" alone is "in" too)
        "ብዛዕባ እዚ ራእይ እንታይ ትሓስብ?",  # Tigrinya: what do you think of this vision?
        "ماذا يوجد في برنامج الإسكان؟",  # Arabic: what is in the housing programme?
        "Welche konkreten Projekte gibt es für die Kultur?",
        "Wer ist heute für die Vision zuständig?",
    ],
)
def test_the_bots_view_concrete_projects_and_todays_office_holder_are_refused(
    service: ChatService, message: str
) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_concrete_steps_to_reach_the_vision_and_who_answers_for_the_page_are_answered(service: ChatService) -> None:
    steps = _turns(service, "what concrete steps does the municipality take to reach the vision?")
    assert _verbatim(steps).startswith("De övergripande målen bryts ned")
    assert "Ulrika Hannu" in _verbatim(_turns(service, "Wer ist für diese Seite verantwortlich?"))


@pytest.mark.parametrize(
    ("first", "loss", "lang"),
    [
        ("mikä on asumisen tavoite?", "en ymmärrä ruotsia, liian vaikea", "fi"),  # I don't understand Swedish
        (
            "ما هو هدف الخدمات العامة؟",
            "ما فهمت شي، انا ما بعرف سويدي",
            "ar",
        ),  # I understood nothing, I don't know Swedish
    ],
)
def test_not_understanding_swedish_is_no_request_for_swedish(
    service: ChatService, first: str, loss: str, lang: str
) -> None:
    # the quotes' Swedish is what the resident cannot read: the bot says how it answers, in their language
    answer = _turns(service, first, loss)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    asked = _turns(service, "what is the housing goal?", "can you say it in Swedish?")
    assert (asked.kind, asked.lang) == ("answer", "sv")


def test_an_abbreviation_ends_no_sentence(service: ChatService) -> None:
    # "z.B. Samisch?" is the example of the one question, not a question of its own, nor a request for Sami
    answer = _turns(service, "Welche Rechte haben die Minderheitensprachen in Kiruna, z.B. Samisch?")
    assert (answer.kind, answer.lang) == ("out_of_scope", "de")


@pytest.mark.parametrize(
    "turns",
    [
        ("vad är målet för boendet?", "hur lång är kön till en lägenhet då?"),  # how long is the queue for a flat?
        ("när antogs visionen?", "vem var det som la fram förslaget?"),  # who put the proposal forward?
        ("Mii lea Giruna visuvdna?", "goas dan ođasmahttibehtet?"),  # Sami: when will you renew it?
    ],
)
def test_a_queue_a_proposer_or_a_renewal_asked_next_is_refused(service: ChatService, turns: tuple[str, ...]) -> None:
    assert _turns(service, *turns).kind == "out_of_scope"


@pytest.mark.parametrize(
    "message",
    [
        # a resident's story, then a count the page does not state, dated by the decision
        "Jag har bott här sedan 2015. Ni skriver om ett varierat utbud av bostäder, men hur många lägenheter har "
        "byggts sedan visionen antogs?",
        "how many flats have been built since the vision was adopted?",
        "whats in the traffic strategy? like what are the actual measures",
    ],
)
def test_a_count_dated_by_the_decision_and_a_documents_measures_are_refused(service: ChatService, message: str) -> None:
    answer = _turns(service, message)
    assert answer.kind == "out_of_scope"
    assert answer.quotes == []


@pytest.mark.parametrize(
    "message",
    [
        # "första mötet" (the first meeting) is told, not asked: the list, not its first item
        "Hej, jag är ny i en nämnd och vill ha en överblick före första mötet. Kan du räkna upp alla strategiska "
        "inriktningar? Tack!",
        # "die Strategie" named in what is told asks no "Läs mer" line
        "Ich halte einen Vortrag und möchte die Strategie von Kiruna vorstellen. Kannst du mir alle strategischen "
        "Ausrichtungen auflisten? Danke!",
    ],
)
def test_a_list_asked_beside_a_story_is_the_list(service: ChatService, message: str) -> None:
    answer = _turns(service, message)
    assert len(_items(answer)) == 6
    assert all(q.text.startswith("Inriktning:") for q in answer.quotes)


@pytest.mark.parametrize(
    "message", ["what number did the paragraph (§) of the decision have?", "vilket nummer hade paragrafen?"]
)
def test_the_number_of_the_decisions_paragraph_is_the_decision_line(service: ChatService, message: str) -> None:
    # a count beside the decision is a count of something else, but the paragraph's number is the line's "§ 68"
    assert "§ 68" in _verbatim(_turns(service, message))


@pytest.mark.parametrize(
    "message",
    [
        "Vad gör kommunen i praktiken för att kultur och idrott ska finnas i hela kommunen?",
        "what is the council actually doing about the climate requirements?",
    ],
)
def test_what_the_municipality_does_in_practice_is_no_pages(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_what_the_vision_means_in_practice_is_its_interpretation(service: ChatService) -> None:
    assert _turns(service, "what does the vision mean in practice?").kind == "answer"
    # what the working groups did then is the page's, in practice or not
    assert "samla in kommuninvånarnas åsikter" in _verbatim(
        _turns(service, "what did the working groups do in practice?")
    )


@pytest.mark.parametrize(
    "message",
    ["ما هي روابط اقرأ المزيد في الصفحة؟", "які є посилання «читати більше» на сторінці?"],  # which read-more links?
)
def test_the_word_for_the_page_names_no_read_more_line(service: ChatService, message: str) -> None:
    # "(webbsida)" closes two of the three lines: the page's word in the question names neither
    assert len(_turns(service, message).quotes) == 3


@pytest.mark.parametrize(
    "message",
    ["was steht genau im bostadsförsörjningsprogram drin?", "شو مكتوب بالضبط في näringslivsstrategi 2016-2018؟"],
)
def test_what_a_document_named_in_swedish_says_is_refused(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"
    # where to read it is still its line
    line = _verbatim(_turns(service, "wo kann ich mehr über das bostadsförsörjningsprogram lesen?"))
    assert line == "Läs mer om vårt bostadsförsörjningsprogram (webbsida)"


@pytest.mark.parametrize(
    "message",
    [
        "När tog projektet slut och vem ledde det?",  # when it ended, and its leader
        "what is written in the traffic strategy, and will parking get more expensive?",
    ],
)
def test_a_fact_asked_of_what_no_page_states_keeps_its_qualifier_in_two_parts(
    service: ChatService, message: str
) -> None:
    # each part alone is refused; cut at "och"/"and", the piece asking a time must not lose "ended" or "contents"
    assert _turns(service, message).kind == "out_of_scope"


@pytest.mark.parametrize(
    "message",
    ["when will the growth strategy be ready?", "کی استراتژی رشد آماده خواهد شد؟"],
)
def test_when_a_document_will_be_ready_is_a_time_to_come(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


@pytest.mark.parametrize(
    "message",
    [
        "Finns det mätningar som visar hur det har gått med kulturmålet?",
        "Onko asumistavoitteesta mitään tuloksia?",
        "what came of it? has the housing goal been reached?",
    ],
)
def test_results_or_measurements_of_a_goal_are_whether_it_was_reached(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_what_the_working_groups_resulted_in_is_answered_beside_whether_it_was_reached(service: ChatService) -> None:
    answer = _turns(service, "what did the working groups result in, and were the goals reached?")
    assert answer.kind == "answer"
    assert "resulterade i de nio strategiska inriktningarna" in _verbatim(answer)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("thanks, the part about the culture goal was really helpful", "en"),
        ("tack, infon om bostadsmålet hjälpte mig", "sv"),
        ("Дякую, інформація про мету для освіти дуже допомогла", "uk"),
        ("ممنون، توضیح هدف آموزش خیلی مفید بود", "fa"),
    ],
)
def test_a_thanks_saying_what_helped_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


def test_a_loan_among_words_surely_swedish_sets_no_language_for_small_talk(service: ChatService) -> None:
    answer = _turns(service, "du kör bara copy paste hela tiden, ganska tråkigt")
    assert answer.lang == "sv"


@pytest.mark.parametrize(
    "message",
    [
        "when was the traffic strategy adopted?",
        "när antogs varumärkesplattformen?",
        "Wer hat die Wachstumsstrategie beschlossen?",
    ],
)
def test_the_vision_s_decision_line_is_no_named_document_s(service: ChatService, message: str) -> None:
    # provenance follows the page: "Antagen av kommunfullmäktige …" stands under "Vår vision" only
    assert _turns(service, message).kind == "out_of_scope"
    assert "2013-05-27" in _verbatim(_turns(service, "when was the vision adopted?"))


def test_a_clause_naming_the_town_move_beside_a_question_of_the_page_is_said_unanswered(service: ChatService) -> None:
    answer = _turns(service, "why must the centre be moved, and what is the goal for culture?")
    assert answer.kind == "answer"
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(answer)
    assert "why must the centre be moved" in answer.answer
    # "… and who decided that?" asks of the move itself
    assert _turns(service, "why does the centre have to move, and who decided it?").kind == "out_of_scope"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("kiitos, selitys siitä miten tavoitteet pilkotaan auttoi paljon", "fi"),
        ("thanks, your explanation of how the goals are broken down helped a lot", "en"),
    ],
)
def test_a_word_that_asks_inside_a_thanks_asks_nothing(service: ChatService, message: str, lang: str) -> None:
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    # a clause opening with it asks
    assert _turns(service, "thanks, how are the goals broken down").kind == "answer"


@pytest.mark.parametrize("message", ["کیرونا ۲.۰ چه زمانی آغاز شد؟", "متى انطلق مشروع كيرونا ٢.٠؟"])
def test_eastern_digits_name_kiruna_2_0(service: ChatService, message: str) -> None:
    assert "februari 2012" in _verbatim(_turns(service, message))


def test_it_after_a_part_no_page_answers_is_that_parts_subject(service: ChatService) -> None:
    answer = _turns(service, "when was the business strategy adopted, and where can I read it?")
    assert _verbatim(answer) == "Läs mer om näringslivsstrategi 2016-2018"
    assert "when was the business strategy adopted" in answer.answer
    assert _turns(service, "Коли була прийнята транспортна стратегія?").kind == "out_of_scope"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("danke schön, die antwort zum ziel für kultur hat mir wirklich geholfen", "de"),
        ("kiitti, tuo vastaus asumisen tavoitteesta oli tosi hyvä", "fi"),
        ("giitu, dál ipmirdin man láhkai ulbmilat juhkkojuvvojit", "se"),
        ("kiitos, hyvä ko sain tietää kuka sen sivun julkasi", "fit"),
    ],
)
def test_a_thanks_saying_what_it_learned_in_other_words_is_small_talk(
    service: ChatService, message: str, lang: str
) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    "turns",
    [
        ("who made the decision on the vision?", "and when did that happen"),
        ("vem fattade beslut om visionen?", "och när skedde det?"),
        ("kuka päätti visjuunista?", "ja konsa se tapahtu"),
    ],
)
def test_when_it_happened_after_who_decided_is_the_decision_s_date(
    service: ChatService, turns: tuple[str, ...]
) -> None:
    # "happen" names no topic of its own: not Kiruna 2.0's start, a date the page states of another thing
    assert "2013-05-27" in _verbatim(_turns(service, *turns))


def test_a_language_asked_for_in_a_clause_beside_a_reason_is_a_request(service: ChatService) -> None:
    answer = _turns(service, "Mii lea ássama ulbmil?", "sáhtátgo čállit dan suomagillii, mu eadni ii lohka sámegiela")
    assert (answer.kind, answer.lang) == ("answer", "fi")
    assert "bostäder" in _verbatim(answer)
    # a language named alone in the clause before a question is how to answer it, not a request
    assert _turns(service, "Mii lea ássama ulbmil?", "på engelska, vad är målet för kultur").kind == "answer"


def test_a_question_of_its_own_naming_a_language_is_no_request(service: ChatService) -> None:
    answer = _turns(service, "When was the vision adopted?", "is there a protocol of that meeting in English?")
    assert answer.kind == "out_of_scope"


def test_and_a_clitic_before_a_cue_word_points_back(service: ChatService) -> None:
    answer = _turns(service, "أين أجد استراتيجية الأعمال؟", "ولأي سنوات هي؟")
    assert "2016-2018" in _verbatim(answer)


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("oonko tätä sivua päivitetty lähiaikoina", "2020-02-21"),
        ("kunka monta ryhmää keräsit asukhaitten mielipitheitä", "Nio arbetsgrupper"),
        ("na co dzielą się ogólne cele gminy?", "nämnds- och verksamhetsmål"),
        ("vad var seminariet 2012 till för?", "skapa kontakter"),
    ],
)
def test_facts_asked_in_words_the_cues_now_read(service: ChatService, message: str, fact: str) -> None:
    assert fact in _verbatim(_turns(service, message))


@pytest.mark.parametrize(
    "turns",
    [
        ("hur många arbetsgrupper var det?", "och vilka personer satt i dem?"),
        ("скільки було робочих груп?", "а хто саме в них працював?"),
        ("ile było grup roboczych?", "a kto w nich był?"),
    ],
)
def test_who_was_in_the_counted_groups_is_refused_after_their_count(
    service: ChatService, turns: tuple[str, ...]
) -> None:
    # the page counts the groups and names none of their members; not the decision line's council
    assert _turns(service, *turns).kind == "out_of_scope"


def test_what_the_counted_groups_did_is_answered(service: ChatService) -> None:
    assert "kommuninvånarnas åsikter" in _verbatim(_turns(service, "whose opinions did the working groups gather?"))


@pytest.mark.parametrize(
    "turns",
    [
        ("what are the plans for after 2020?",),
        ("when did Kiruna 2.0 begin?", "and what is planned after 2025?"),
        ("ድሕሪ 2025 እንታይ መደብ ኣሎ?",),
    ],
)
def test_plans_for_a_year_the_page_does_not_speak_of_are_refused(service: ChatService, turns: tuple[str, ...]) -> None:
    assert _turns(service, *turns).kind == "out_of_scope"


def test_a_goal_asked_with_a_year_is_the_goal_and_a_stated_year_is_answered(service: ChatService) -> None:
    assert "bostäder" in _verbatim(_turns(service, "what is the housing goal for 2030?"))
    assert "2013-05-27" in _verbatim(_turns(service, "was the vision adopted in 2012?"))


@pytest.mark.parametrize(
    "message", ["what are the overall goals broken down into?", "إلى ماذا تنقسم الأهداف العامة للبلدية؟"]
)
def test_what_the_goals_are_broken_down_into_is_no_list(service: ChatService, message: str) -> None:
    answer = _turns(service, message)
    assert "nämnds- och verksamhetsmål" in _verbatim(answer)
    assert len(answer.quotes) == 1


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("на все добре, гарного вечора! hej då", "uk"),
        ("danke, du warst wirklich eine große hilfe, tack!", "de"),
    ],
)
def test_swedish_small_talk_beside_a_language_s_own_words_is_a_loan(
    service: ChatService, message: str, lang: str
) -> None:
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", lang)
    assert _turns(service, "tack så mycket, du är bäst").lang == "sv"


def test_levantine_words_for_when_and_adopted(service: ChatService) -> None:
    assert "2013-05-27" in _verbatim(_turns(service, "إيمتى انعتمدت رؤية كيرونا؟"))


def test_levantine_how_will_they_reach_it_is_how_the_vision_is_reached(service: ChatService) -> None:
    assert "nämnds- och verksamhetsmål" in _verbatim(_turns(service, "طيب كيف رح يوصلوا للرؤية؟"))


@pytest.mark.parametrize(
    "turns",
    [
        ("mitä sie ajattelet tästä visuunista, oonko se hyvä?",),
        ("Goas visuvdna mearriduvvui?", "ja man ollu dat golai?"),
    ],
)
def test_the_bot_s_opinion_in_meankieli_and_a_cost_in_sami_are_refused(
    service: ChatService, turns: tuple[str, ...]
) -> None:
    assert _turns(service, *turns).kind == "out_of_scope"


def test_a_follow_up_naming_nothing_is_no_new_question_the_page_lacks(service: ChatService) -> None:
    # "and what does it mean?": its "it" is in the verb, so no word points back, and it names nothing either
    answer = _turns(service, "من اعتمد الرؤية؟", "وماذا تعني؟")
    assert answer.kind == "answer"
    assert "Vi vill att visionen ska tolkas så här" in _verbatim(answer)


@pytest.mark.parametrize(
    "turns",
    [
        ("vad säger Kirunas vision?", "när då?"),
        ("mitä Kiirunan visio sanoo?", "ja milloin?"),
    ],
)
def test_when_of_the_passage_just_given_is_its_own_line(service: ChatService, turns: tuple[str, ...]) -> None:
    # "Kirunas vision" read with "when" lies nearest the start of Kiruna 2.0; the vision's own line dates it
    assert "2013-05-27" in _verbatim(_turns(service, *turns))


def test_when_of_a_passage_stating_a_date_stays_that_date(service: ChatService) -> None:
    assert "februari 2012" in _verbatim(_turns(service, "how were the working groups organised?", "and when?"))


@pytest.mark.parametrize(
    "turns",
    [
        ("how many working groups did the vision work have?", "and who were their members?"),
        ("كم مجموعة عمل كانت هناك؟", "ومن كانوا أعضاءها؟"),
    ],
)
def test_who_the_members_were_after_a_count_asks_of_the_counted(service: ChatService, turns: tuple[str, ...]) -> None:
    assert _turns(service, *turns).kind == "out_of_scope"


@pytest.mark.parametrize("message", ["what's the research goal?", "goal for research"])
def test_a_heading_word_a_stopword_list_has_names_its_item(service: ChatService, message: str) -> None:
    # stopwords-iso's English list has "research": the question named nothing and got every goal
    answer = _turns(service, message)
    assert len(answer.quotes) == 1
    assert "forskningen fokuserar" in _verbatim(answer)


@pytest.mark.parametrize(
    "message", ["hehe okei. mii lea gieldda ulbmil dutkamii?", "haha ok. what is the goal for culture?"]
)
def test_a_question_after_an_acknowledgement_is_that_question(service: ChatService, message: str) -> None:
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert len(answer.quotes) == 1


def test_words_for_a_goal_with_a_pronoun_and_for_reached(service: ChatService) -> None:
    # Iraqi "its goal" (هدفه) after the list, and Levantine "did they reach this goal?" (حققوا هالهدف)
    assert "forskningen" in _verbatim(_turns(service, "شنو هي الاتجاهات الاستراتيجية؟", "والسادس شنو هدفه؟"))
    assert _turns(service, "شو هدف الثقافة؟", "طيب حققوا هالهدف؟").kind == "out_of_scope"


def test_a_tigrinya_question_of_how_to_understand_it_points_back(service: ChatService) -> None:
    # "how are we to understand it?": its "it" is in the verb, and "ኣሎና" (we are) an auxiliary
    answer = _turns(service, "ራእይ ኪሩና እንታይ እዩ?", "ከመይ ደኣ ክንርድኦ ኣሎና?")
    assert "Vi vill att visionen ska tolkas så här" in _verbatim(answer)


def test_a_meankieli_may_you_say_it_in_finnish_is_a_request(service: ChatService) -> None:
    answer = _turns(service, "mikä se tavote oon kylttyyrile?", "saatko sanoa sen suomeksi? mamma ei ymmärrä")
    assert (answer.kind, answer.lang) == ("answer", "fi")


@pytest.mark.parametrize(
    "message", ["danke, die antwort zur kultur hat mir sehr weitergeholfen", "hallo? hört mich wer?"]
)
def test_german_help_and_is_anyone_there_are_small_talk(service: ChatService, message: str) -> None:
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", "de")


def test_human_or_some_program_in_ukrainian_is_small_talk(service: ChatService) -> None:
    # its "програма" is no programme of the page's
    answer = _turns(service, "ви людина чи програма якась?")
    assert (answer.kind, answer.lang) == ("smalltalk", "uk")


def test_how_much_they_cost_after_the_list_is_no_count(service: ChatService) -> None:
    answer = _turns(service, "جهت‌گیری‌های استراتژیک کیرونا چیا هستن؟", "این‌ها چقدر هزینه داشتن؟")
    assert answer.kind == "out_of_scope"


def test_what_a_document_says_pointed_at_after_its_link_is_refused(service: ChatService) -> None:
    assert (
        _turns(service, "var hittar jag näringslivsstrategin?", "vad står det i den om turism?").kind == "out_of_scope"
    )


def test_a_greeting_sentence_asking_how_are_you_is_cut_from_the_question(service: ChatService) -> None:
    # "hello, how are you!" holds "how", and the question after it asks for the list; then its second item
    listed = _turns(service, "ሰላም ከመይ ኣለኺ! ኣየኖት ስትራተጂካዊ ኣንፈታት ኣለዋ ኪሩና?")
    assert len(listed.quotes) >= len(DIRECTIONS)
    second = _turns(service, "ሰላም ከመይ ኣለኺ! ኣየኖት ስትራተጂካዊ ኣንፈታት ኣለዋ ኪሩና?", "እቲ ካልኣይ ከ?")
    assert DIRECTIONS[1] in _verbatim(second)


def test_a_question_without_its_mark_after_a_story_asks_of_what_it_named(service: ChatService) -> None:
    answer = _turns(service, "hello, our class is studying the vision of kiruna. what does it mean")
    assert answer.kind == "answer"
    assert "Vi vill att visionen ska tolkas så här" in _verbatim(answer)


def test_what_the_goals_are_divided_into_in_tigrinya(service: ChatService) -> None:
    answer = _turns(service, "ሓፈሻዊ ሸቶታት ኪሩና ናብ እንታይ ዝምቀሉ እዮም?")
    assert "nämnds- och verksamhetsmål" in _verbatim(answer)
    assert len(answer.quotes) == 1


def test_a_goal_asked_of_nothing_after_one_direction_is_that_directions(service: ChatService) -> None:
    answer = _turns(service, "which direction is about culture and sport?", "and the goal?")
    assert len(answer.quotes) == 1
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(answer)
    # ... and one naming another item asks that item's
    other = _turns(service, "which direction is about culture and sport?", "and the goal for traffic?")
    assert "Kiruna ska ha goda kommunikationer" in _verbatim(other)


@pytest.mark.parametrize(
    ("turns", "fact"),
    [
        (("which direction is about culture and sport?", "no, I meant its goal, not the direction"), "rikt liv"),
        (("where do I read about the business strategy?", "sorry, I meant housing, not business"), "bostadsförsörj"),
        (("vad är målet för kultur?", "nej förlåt, jag menade utbildningen"), "god kvalitet i utbildningen"),
        (("ما هو هدف الخدمات العامة؟", "لا، قصدي السكن مش الخدمات"), "varierat utbud av bostäder"),
    ],
)
def test_a_correction_asks_the_last_question_of_what_was_meant(
    service: ChatService, turns: tuple[str, ...], fact: str
) -> None:
    answer = _turns(service, *turns)
    assert answer.kind == "answer"
    assert fact in _verbatim(answer)


def test_a_complaint_in_a_corrections_words_is_small_talk(service: ChatService) -> None:
    answer = _turns(service, "what is the goal for housing?", "that's not really what I meant, whatever")
    assert answer.kind == "smalltalk"


def test_is_that_all_after_the_list_gives_the_list_again(service: ChatService) -> None:
    answer = _turns(service, "which strategic directions are there?", "is that all?")
    assert [q.text for q in answer.quotes][: len(DIRECTIONS)] == DIRECTIONS
    assert _turns(service, "mikä on koulutuksen tavoite?", "kiitos paljon!").kind == "smalltalk"


def test_say_it_again_with_a_reason_gives_the_last_answer(service: ChatService) -> None:
    answer = _turns(service, "what is the goal for housing?", "say it again, I did not catch it")
    assert "varierat utbud av bostäder" in _verbatim(answer)


def test_the_last_time_the_page_changed_is_no_last_item(service: ChatService) -> None:
    answer = _turns(service, "wann wurde die seite das letzte mal geändert?")
    assert _verbatim(answer) == "Senast ändrad: 2020-02-21"


def test_goals_of_nothing_but_the_municipality_in_sami_are_its_goals(service: ChatService) -> None:
    answer = _turns(service, "Buorre iđit! Makkár mihttomearit gielddas leat?")
    assert answer.kind == "answer"
    assert len(answer.quotes) >= len(DIRECTIONS)


def test_telling_of_oneself_before_a_question_is_no_part_of_it(service: ChatService) -> None:
    # the story names research, a direction's word; the question asks for the vision
    answer = _turns(service, "Hi, I'm a student and my research project is about Kiruna. What is the vision?")
    assert "Vår övertygelse om människors lika värde" in _verbatim(answer)


def test_a_follow_up_of_two_facts_of_the_page_answers_both(service: ChatService) -> None:
    answer = _turns(service, "what is the goal for housing?", "and who published the page and when was it changed?")
    assert _verbatim(answer) == "Publicerad av: Ulrika Hannu\nSenast ändrad: 2020-02-21"


def test_a_follow_up_asking_a_fact_of_what_it_names_itself_stands_alone(service: ChatService) -> None:
    answer = _turns(service, "vad är målet för boende?", "och när blir de nya hyreshusen vid stationen klara?")
    assert answer.kind == "out_of_scope"


def test_a_language_request_after_an_apology_and_before_a_reason(service: ChatService) -> None:
    answer = _turns(service, "hej, vem publicerade sidan?", "anteeksi, voitko kirjoittaa sen suomeksi, en osaa ruotsia")
    assert (answer.kind, answer.lang) == ("answer", "fi")
    assert _verbatim(answer) == "Publicerad av: Ulrika Hannu"


@pytest.mark.parametrize(("message", "lang"), [("алло, ви мене чуєте?", "uk"), ("shukran", "ar")])
def test_can_you_hear_me_and_a_latin_arabic_thanks_are_small_talk(
    service: ChatService, message: str, lang: str
) -> None:
    _assert_small_talk(_turns(service, message), lang)


def test_an_ordinal_counting_the_residents_own_questions_points_at_no_item(service: ChatService) -> None:
    answer = _turns(service, "which are the strategic directions?", "second question: who published the page?")
    assert _verbatim(answer) == "Publicerad av: Ulrika Hannu"
    answer = _turns(service, "which strategic directions are there?", "and the second one?")
    assert "Inriktning: Offentlig och kommersiell service" in _verbatim(answer)


def test_a_follow_up_naming_the_counted_groups_asks_who_sat_in_them(service: ChatService) -> None:
    answer = _turns(service, "när startade Kiruna 2.0?", "och vem satt i de där arbetsgrupperna?")
    assert answer.kind == "out_of_scope"


def test_a_when_and_a_where_of_something_unnamed_is_refused(service: ChatService) -> None:
    # the business strategy's link has its years and a place; that answers neither question
    assert _turns(service, "коли і куди переїжджає залізниця?").kind == "out_of_scope"


def test_explain_that_more_simply_points_at_the_last_answer(service: ChatService) -> None:
    answer = _turns(service, "jaki jest cel dla kultury?", "wyjaśnij prościej, co to znaczy")
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(answer)


def test_what_a_document_just_named_says_inside_is_refused(service: ChatService) -> None:
    answer = _turns(service, "gibt es eine Wirtschaftsstrategie der Gemeinde?", "und was steht darin über Bergbau?")
    assert answer.kind == "out_of_scope"


def test_a_meankieli_allative_of_a_noun_keeps_the_language(service: ChatService) -> None:
    answer = _turns(service, "mikä on asumisen tavoite?", "entäs koulutuksele")
    assert (answer.kind, answer.lang) == ("answer", "fit")
    assert "god kvalitet i utbildningen" in _verbatim(answer)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        pytest.param("ну ти видав, хахах", "uk", id="colloquial-uk"),
        pytest.param("ما بعرف كيف استعمل هالشي، ساعدني", "ar", id="colloquial-ar"),
        pytest.param("är jag i kontakt med en människa nu?", "sv", id="colloquial-sv"),
        # laughter beside a language's own words is that language's small talk
        pytest.param("ههههه تمام شكراً يا صديقي", "ar", id="laughter-ar"),
        pytest.param("ሃሃሃ በቃ", "ti", id="laughter-ti"),
        # typed without its own script, in Latin letters
        pytest.param("salam, to ye adame vaghei hasti? jeddi miporsam", "fa", id="romanized-fa"),
        pytest.param("pryvit! dyakuyu", "uk", id="romanized-uk"),
    ],
)
def test_small_talk_is_answered_in_the_language_it_is_written_in(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


def test_whether_a_goal_was_managed_is_refused(service: ChatService) -> None:
    assert _turns(service, "vad är målet för kultur?", "har kommunen klarat det?").kind == "out_of_scope"


def test_what_the_answer_means_asked_beside_not_understanding_is_answered(service: ChatService) -> None:
    answer = _turns(service, "what is the goal for culture?", "what does that mean?? i don't get it at all")
    assert answer.kind == "answer"
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(answer)
    assert _turns(service, "what is the goal for culture?", "i don't get it at all").kind == "smalltalk"


def test_a_town_named_where_the_resident_tells_of_themselves_names_no_topic(service: ChatService) -> None:
    answer = _turns(service, "olen juuri muuttanut Kiirunaan, mitä kaikkea voit kertoa?")
    assert answer.kind == "smalltalk"


def test_a_clause_telling_of_oneself_before_the_question_is_no_part_of_it(service: ChatService) -> None:
    answer = _turns(service, "jag bor i Kiruna, vad kan du berätta om kultur?")
    assert "Inriktning: Kultur, fritid och idrott i hela kommunen" in _verbatim(answer)


def test_an_arabic_and_joined_to_the_article_is_no_unknown_word(service: ChatService) -> None:
    answer = _turns(service, "متى بدأ مشروع كيرونا 2.0؟", "والندوة دي كانت عشان ايه؟")
    assert answer.kind == "answer"
    assert "Syftet med seminariet" in _verbatim(answer)


def test_whether_the_town_has_hotels_is_refused(service: ChatService) -> None:
    assert _turns(service, "vad står det om turism?", "finns det några bra hotell i stan?").kind == "out_of_scope"


def test_a_complaint_naming_swedish_after_an_answer_is_small_talk_in_its_own_language(service: ChatService) -> None:
    answer = _turns(service, "هدف برای فرهنگ چیه؟", "اصلا به کارم نیومد، فقط متن سوئدی فرستادی")
    assert (answer.kind, answer.lang) == ("smalltalk", "fa")


def test_a_compounds_head_names_the_list_heading_in_sami(service: ChatService) -> None:
    answer = _turns(service, "Maid strategalaš suorggit visuvnnas leat?")
    assert [q.text for q in answer.quotes][: len(DIRECTIONS)] == DIRECTIONS


def test_when_it_comes_to_asks_no_time(service: ChatService) -> None:
    answer = _turns(service, "vad har ni för mål när det gäller jobb?")
    assert "Inriktning: Näringslivsutveckling och arbetsmarknad" in _verbatim(answer)
    assert "Läs mer om näringslivsstrategi 2016-2018" not in _verbatim(answer)


def test_what_a_thing_was_for_asks_its_purpose(service: ChatService) -> None:
    answer = _turns(service, "what was that 2012 seminar for?")
    assert "Syftet med seminariet var att skapa kontakter" in _verbatim(answer)


def test_what_is_written_in_a_plan_just_named_is_refused(service: ChatService) -> None:
    answer = _turns(service, "де знайти план дорожнього руху?", "а що конкретно написано в тому плані?")
    assert answer.kind == "out_of_scope"
    answer = _turns(service, "is there a traffic plan?", "ok, what's actually in it?")
    assert answer.kind == "out_of_scope"


def test_a_persian_topic_and_what_about_follows_the_last_question(service: ChatService) -> None:
    answer = _turns(service, "کجا میتونم درباره برنامه مسکن بیشتر بخونم؟", "ترافیک چی؟")
    assert _verbatim(answer).startswith("Läs om arbetet med trafikstrategi")


def test_an_egyptian_demonstrative_points_at_the_last_answer(service: ChatService) -> None:
    answer = _turns(service, "ما هو هدف البلدية للسكن؟", "طب فين أقرا أكتر عن الموضوع ده؟")
    assert _verbatim(answer) == "Läs mer om vårt bostadsförsörjningsprogram (webbsida)"


@pytest.mark.parametrize(
    "turns", [("Tell me about the 2012 seminar.", "what was its goal?"), ("Що таке Kiruna 2.0?", "яка була його мета?")]
)
def test_the_goal_of_a_passage_no_direction_is_its_purpose(service: ChatService, turns: tuple[str, str]) -> None:
    answer = _turns(service, *turns)
    assert "Syftet med seminariet var att skapa kontakter" in _verbatim(answer)
    assert "Inriktning:" not in _verbatim(answer)


def test_its_goal_after_a_direction_is_still_that_directions_goal(service: ChatService) -> None:
    answer = _turns(service, "what is the strategic direction for housing?", "and what is its goal?")
    assert "Mål: En god och trygg livsmiljö" in _verbatim(answer)
    assert "Syftet med seminariet" not in _verbatim(answer)


def test_a_new_question_regarding_a_topic_after_the_by_line_is_no_reference(service: ChatService) -> None:
    answer = _turns(service, "vem publicerade sidan?", "vad har ni för mål när det gäller jobb?")
    assert "Inriktning: Näringslivsutveckling och arbetsmarknad" in _verbatim(answer)
    assert "Publicerad av" not in _verbatim(answer)


def test_a_remark_beside_a_follow_up_is_no_part_of_what_it_asks(service: ChatService) -> None:
    # "and transport? I often drive back and forth to Gällivare": the remark is the resident's, the ask is transport
    answer = _turns(
        service,
        "mitä kommuunin tavote sannoo asumisesta?",
        "entäs kommunikaatiot? mie pruukaan ajaa paljon eestakasin Jällivaaraan",
    )
    assert answer.kind == "answer"
    assert "goda kommunikationer mot omvärlden" in _verbatim(answer)


def test_who_leads_the_work_now_asked_beside_whom_to_call_is_refused(service: ChatService) -> None:
    answer = _turns(service, "Kuka sitä visiuunityötä nyt johtaa kommuunissa? Kenele mie saan soittaa?")
    assert answer.kind == "out_of_scope"


def test_thanks_before_a_question_of_the_weather_is_refused_for_the_question(service: ChatService) -> None:
    assert _turns(service, "ok kiitos. minkälainen ilma tullee viikonlopuksi?").kind == "out_of_scope"
    assert _turns(service, "kiitos! millainen ilma tulee viikonloppuna?").kind == "out_of_scope"


def test_thanks_saying_what_was_learned_is_small_talk(service: ChatService) -> None:
    message = "Kiitos vastauksesta, nyt mie tiän koska se Kiirunan visjuuni hyväksythiin. Oikein selvä!"
    answer = _turns(service, message)
    assert (answer.kind, answer.lang) == ("smalltalk", "fit")


def test_a_word_addressing_the_listener_names_no_topic(service: ChatService) -> None:
    answer = _turns(service, "ياخ كم مجموعة عمل كانت شغالة فيها؟")  # man, how many working groups were there?
    assert answer.kind == "answer"
    assert "Nio arbetsgrupper" in _verbatim(answer)


def test_a_conversation_typed_in_latin_letters_keeps_its_language(service: ChatService) -> None:
    first = _turns(service, "salam, chno hiya la vision dyal kommun dyal Kiruna?")
    assert (first.kind, first.lang) == ("answer", "ar")
    assert (
        _turns(service, "salam, chno hiya la vision dyal kommun dyal Kiruna?", "w chkoun li nchr had lpage?").lang
        == "ar"
    )


def test_a_meankieli_loan_beside_the_pages_swedish_word_is_meankieli(service: ChatService) -> None:
    answer = _turns(service, "kommunikasjuunit mål?")
    assert (answer.kind, answer.lang) == ("answer", "fit")
    assert "goda kommunikationer mot omvärlden" in _verbatim(answer)
    assert _turns(service, "Vad betyder kommuuni?").lang == "sv"


def test_why_the_page_says_nine_directions_quotes_the_nine(service: ChatService) -> None:
    answer = _turns(service, "why does the page say nine strategic directions?")
    assert "de nio strategiska inriktningarna" in _verbatim(answer)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("står det något om meänkieli i visionen?", "sv"),
        ("does the vision say anything about Meänkieli?", "en"),
        ("mainitaanko visiossa saamen kieli?", "fi"),  # is the Sami language mentioned in the vision?
    ],
)
def test_a_language_asked_about_is_a_topic_not_the_answer_language(
    service: ChatService, message: str, lang: str
) -> None:
    # no reply in Meänkieli or Sami about which languages the bot speaks: a question of the page, in its own language
    answer = _turns(service, message)
    assert answer.kind in ("answer", "out_of_scope")
    assert answer.lang == lang


def test_a_language_named_after_an_answer_is_still_a_request(service: ChatService) -> None:
    answer = _turns(service, "vad är visionen?", "på samiska tack")
    assert (answer.kind, answer.lang) == ("answer", "se")


def test_the_iraqi_of_is_no_money(service: ChatService) -> None:
    answer = _turns(service, "شنو الرؤية مال كيرونا؟")  # what is Kiruna's vision? ("مال", of; elsewhere money)
    assert answer.kind == "answer"
    assert "Vi är Kiruna." in _verbatim(answer)


def test_this_talk_points_at_the_last_answer(service: ChatService) -> None:
    # "what does this talk mean? I didn't understand a thing": the vision's interpretation, not a help reply
    answer = _turns(service, "شنو الرؤية مال كيرونا؟", "شنو يعني هالحچي؟ ما فهمت شي")
    assert answer.kind == "answer"
    assert "I Kiruna är människor viktiga." in _verbatim(answer)


def test_a_resident_telling_of_their_child_before_the_question_asks_the_question(service: ChatService) -> None:
    message = (
        "السلام عليكم، ابني في المرحلة الثانوية ويفكر يكمل دراسته الجامعية هنا في الشمال. "
        "على أي قطاعات يركّز البحث العلمي في كيرونا؟"
    )
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert "miljö, rymd, gruva och turism" in _verbatim(answer)


def test_when_the_page_was_last_changed_in_tigrinya(service: ChatService) -> None:
    answer = _turns(service, "ነዚ ገጽ መን ኣሕቲምዎ፣ መዓስከ ናይ መወዳእታ ተቐይሩ?")  # who published it, and when last changed?
    quoted = _verbatim(answer)
    assert "Publicerad av: Ulrika Hannu" in quoted
    assert "Senast ändrad: 2020-02-21" in quoted


def test_each_marked_sentence_asks_of_its_own_beside_a_town_the_page_does_not_name(service: ChatService) -> None:
    # the remark after the questions tells; of the two questions, the second asks of the page and is answered
    message = "What does Gällivare's vision say? And what is the goal for housing? We are thinking about where to live."
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert "varierat utbud av bostäder" in _verbatim(answer)


@pytest.mark.parametrize(
    ("published", "still"),
    [
        ("who published the page?", "is she still responsible for it?"),
        ("vem publicerade sidan?", "är hon fortfarande ansvarig?"),
        ("من نشر الصفحة؟", "هل لا تزال مسؤولة عنها؟"),  # is she still responsible for it?
        ("хто опублікував сторінку?", "вона досі відповідальна?"),
        ("kuka julkaisi tämän sivun?", "onko hään vielä se joka vastaa visiuunityöstä?"),
    ],
)
def test_whether_the_publisher_still_holds_an_office_is_not_the_by_line(
    service: ChatService, published: str, still: str
) -> None:
    # the page names who published it in 2020, not who holds any office today
    assert _turns(service, published).kind == "answer"
    assert _turns(service, published, still).kind == "out_of_scope"


def test_whether_the_vision_still_holds_is_answered_with_the_vision(service: ChatService) -> None:
    answer = _turns(service, "Gäller visionen fortfarande?")
    assert answer.kind == "answer"
    assert "Vår övertygelse om människors lika värde" in _verbatim(answer)


@pytest.mark.parametrize(
    "message",
    [
        "Min dotter pluggar i Luleå och undrar vilka områden forskningen i Kiruna ska fokusera på?",
        "Meän tyttö opiskelee Luulajassa ja hän kysyi mihin aloihin tutkimuksen pittää keskittyä Kiirunassa?",
    ],
)
def test_a_town_in_the_residents_word_of_their_family_before_and_is_not_what_is_asked(
    service: ChatService, message: str
) -> None:
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert "miljö, rymd, gruva och turism" in _verbatim(answer)


def test_a_town_in_the_clause_that_asks_is_still_refused(service: ChatService) -> None:
    assert _turns(service, "Jag bor i Gällivare och undrar vad Gällivares vision är?").kind == "out_of_scope"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Kiitoksia vastauksesta, tämä oli juuri sitä mitä etsin.", "fi"),  # standard Finnish
        ("kiitos mahottomasti", "fit"),  # a mark of Meänkieli's own
        ("komia botti", "fit"),  # a word the Finnish table lacks
    ],
)
def test_finnish_thanks_is_finnish_and_meankielis_own_words_meankieli(
    service: ChatService, message: str, lang: str
) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Anteeksi, kirjoitin äsken vähän tylysti. Ei ollut tarkoitus loukata.", "fi"),
        ("Förlåt, det var inte meningen att vara otrevlig.", "sv"),
    ],
)
def test_an_apology_denying_what_was_meant_asks_no_purpose(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


def test_a_purpose_named_beside_thanks_is_still_asked(service: ChatService) -> None:
    answer = _turns(service, "tack, syftet med seminariet")
    assert answer.kind == "answer"
    assert "Syftet med seminariet" in _verbatim(answer)


def test_a_somali_count_asking_the_names_too_lists_the_directions(service: ChatService) -> None:
    answer = _turns(service, "imisa jiho ayaa jira, magacyadooduna waa maxay?")  # how many, and their names?
    assert answer.kind == "answer"
    assert [q.text.split("\n")[0] for q in answer.quotes][: len(DIRECTIONS)] == DIRECTIONS


@pytest.mark.parametrize("message", ["No mitäs kuuluu? Onko ollu kiirettä tänäpänä?", "Hi, how are you? Busy day?"])
def test_asking_the_bot_whether_it_has_been_busy_is_small_talk(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "smalltalk"


def test_a_need_joined_by_a_glued_and_after_telling_who_one_is_asks(service: ChatService) -> None:
    # "I'm a journalist and need the paragraph of the decision adopting the vision, please": "وأحتاج" (and I need)
    answer = _turns(service, "أنا صحفي وأحتاج رقم الفقرة (§) في قرار اعتماد الرؤية من فضلك")
    assert answer.kind == "answer"
    assert "Antagen av kommunfullmäktige 2013-05-27, § 68" in _verbatim(answer)


def test_a_tigrinya_logo_with_its_endings_is_not_on_the_page(service: ChatService) -> None:
    # "what are the new brand's logo and colours?": "ሎጎኡን" (its logo, and), "ሕብርታቱን" (its colours, and)
    assert _turns(service, "ሓድሽ መለለዪ ምልክት (ብራንድ) ናይ ኪሩና ኮሙን ሎጎኡን ሕብርታቱን እንታይ እዩ?").kind == "out_of_scope"


def test_a_service_offered_is_no_venue(service: ChatService) -> None:
    # "where should the public service offered be found, says the goal?": "ዝቐርብ" (offered) asks no venue
    answer = _turns(service, "ኣብ ትሕቲ ምምሕዳር ዝቐርብ ኣገልግሎት ህዝቢ ኣበይ ክርከብ ኣለዎ ይብል ዕላማ ኮሙን?")
    assert answer.kind == "answer"
    assert "nära invånarna" in _verbatim(answer)


def test_how_the_vision_was_made_in_sami_with_who_took_part(service: ChatService) -> None:
    answer = _turns(service, "Mo gielda ráhkadii visuvnna, ja geat ledje mielde?")
    assert answer.kind == "answer"
    assert "Nio arbetsgrupper" in _verbatim(answer)


@pytest.mark.parametrize(
    "message", ["kan du finska eller ska jag skriva på svenska?", "do you know finnish or should i write in swedish?"]
)
def test_asking_which_language_to_write_in_gets_the_languages_reply(service: ChatService, message: str) -> None:
    answer = _turns(service, message)
    assert answer.kind == "smalltalk"
    assert answer.answer == load_catalogs().get(answer.lang, M.TALK_LANGUAGES)


def test_a_logo_and_its_colours_cut_at_their_and_are_one_question_the_page_does_not_answer(
    service: ChatService,
) -> None:
    # Somali "what are Kiruna's logo and its colours?": its question word comes last, so "iyo" (and) cuts it in two
    assert _turns(service, "Astaanta (logo-da) Kiruna iyo midabadeeda waa maxay?").kind == "out_of_scope"


@pytest.mark.parametrize(
    "message",
    [
        "Dzień dobry, przygotowuję prezentację o Kirunie na kurs szwedzkiego i potrzebuję listy wszystkich celów "
        "gminy. Czy możesz mi je wymienić?",
        "Bures! Mun ráhkadan ovdanbuktima skuvlii Giron boahtteáiggi birra. Sáhtátgo muitalit munnje buot gieldda "
        "ulbmiliid?",
    ],
)
def test_all_the_goals_after_a_story_naming_kiruna_are_listed(service: ChatService, message: str) -> None:
    # the story ("a presentation about Kiruna") ranks the vision first; no one passage states all the goals
    answer = _turns(service, message)
    assert [q.text.split("\n")[0] for q in answer.quotes][: len(DIRECTIONS)] == DIRECTIONS
    _verbatim(answer)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Hyvvää huomenta, kuinka sulla mennee?", "fit"),  # Meänkieli's doubled "n"
        ("hallå? är det nån här", "sv"),
        ("ሰላም! ኣነ ዳዊት እየ፣ ከመይ ኣለኻ?", "ti"),  # hello! I'm Dawit, how are you? ("ከመይ", how, is the greeting's)
    ],
)
def test_a_greeting_asking_how_the_bot_is_gets_a_greeting(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


def test_a_request_for_another_language_is_detected_in_its_own(service: ChatService) -> None:
    # the widget sets the resident's bubble in the detected language: "can you say that in english please?" after
    # an Arabic turn is English text, whatever language the last answer was in
    answer = _turns(service, "ومن نشر الصفحة؟", "can you say that in english please?")
    assert (answer.lang, answer.detected_lang) == ("en", "en")
    assert "Publicerad av: Ulrika Hannu" in _verbatim(answer)


@pytest.mark.parametrize("message", ["welche Ausrichtungen gibt es?", "welche richtungen gibt es denn?"])
def test_which_of_a_headings_items_there_are_is_the_list(service: ChatService, message: str) -> None:
    # "welche … gibt es" has a word between its list cue's words; "Richtungen" is the head of the heading's
    # "Ausrichtungen"
    answer = _turns(service, message)
    assert answer.kind == "answer"
    assert [q.text for q in answer.quotes][: len(DIRECTIONS)] == DIRECTIONS


def test_a_greeting_other_tables_list_beside_finnish_words_is_answered_in_finnish(service: ChatService) -> None:
    # "Hallo" is German, English, Swedish and Sami small talk; the words beside it are read surely Finnish
    answer = _turns(service, "Hallo? Ootko sie vielä siinä?")
    assert answer.kind == "smalltalk"
    assert answer.lang in RELATIVES


@pytest.mark.parametrize(
    "message", ["tämä sivu on ihan surkea, en löydä mitään", "ta strona jest okropna, nic tu nie mogę znaleźć"]
)
def test_a_complaint_of_two_clauses_is_small_talk(service: ChatService, message: str) -> None:
    # each clause lies near small talk, one of them a complaint; the whole, two things, lies near no one example
    assert _turns(service, message).kind == "smalltalk"


def test_meankieli_kossa_asks_when(service: ChatService) -> None:
    answer = _turns(service, "Hei, mie luin ette kommuunilla on visiuuni. Kossa se hyväksythiin?")
    assert answer.lang == "fit"
    assert "2013-05-27" in _verbatim(answer)


def test_what_is_said_there_points_back_in_finnish(service: ChatService) -> None:
    answer = _turns(service, "Mitä vision tulkinnassa sanotaan töistä?", "Mitä aloja siinä mainitaan?")
    assert "turism, rymd och gruvnäring" in _verbatim(answer)


def test_a_logos_maker_and_its_colour_in_sami_are_not_on_the_page(service: ChatService) -> None:
    # "ivdnái" (illative of "ivdni", colour) asks how the logo looks
    assert _turns(service, "Gii sárgui Giron suohkana logo? Ja manne dat lea ná ivdnái?").kind == "out_of_scope"


def test_a_need_told_beside_a_question_does_not_pull_it_into_the_page(service: ChatService) -> None:
    # are there jobs in Kiruna? I want to work in the mine: the mine is the resident's wish, not the page's
    assert _turns(service, "ኣብ ኪሩና ስራሕ ኣሎ ድዩ? ኣብ ማዕድን ክሰርሕ እደሊ").kind == "out_of_scope"


@pytest.mark.parametrize(
    "message",
    ["Vad är kommunens vision, alltså vad strävar kommunen efter?", "چشم‌انداز کمون چیه، یعنی دنبال چی هستن؟"],
)
def test_a_restatement_after_the_question_is_no_part_of_its_own(service: ChatService, message: str) -> None:
    # "that is, what does it aim for?" would find the goals; the question before it names the vision
    answer = _turns(service, message)
    assert "Vi är Kiruna." in _verbatim(answer)
    assert not any(q.text.startswith("Inriktning:") for q in answer.quotes)


def test_meankieli_strateekiset_is_meankieli(service: ChatService) -> None:
    assert _turns(service, "Mitkä on ne strateekiset suunnat?").lang == "fit"


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("Who published the page?", "is she still responsible?"),
        ("Who published the page?", "and is she still in charge?"),
        ("Vem publicerade sidan?", "är hon fortfarande ansvarig?"),
    ],
)
def test_whether_the_publisher_still_holds_the_role_is_not_on_the_page(
    service: ChatService, first: str, then: str
) -> None:
    # the by-line names who published the page in 2020, not who is responsible today
    answer = _turns(service, first, then)
    assert answer.kind == "out_of_scope"
    assert answer.answer.startswith(load_catalogs().get(answer.lang, M.NOT_STATED))


@pytest.mark.parametrize(
    ("messages", "lang", "fact"),
    [
        (("emta t3adlat el saf7a akher marra?",), "ar", "Senast ändrad: 2020-02-21"),
        (("salam, projeh Kiruna 2.0 kei shoro shod?",), "fa", "februari 2012"),
        (("za yakym paragrafom ukhvalyly bachennia?",), "uk", "§ 68"),
        (("salam, chno hiya la vision dyal kommun?", "w chkoun li nchr had lpage?"), "ar", "Ulrika Hannu"),
    ],
)
def test_a_question_typed_without_its_script_is_answered(
    service: ChatService, messages: tuple[str, ...], lang: str, fact: str
) -> None:
    # the cue tables, the thesaurus and the scope model know Arabic, Persian and Ukrainian in their own letters
    answer = _turns(service, *messages)
    assert (answer.kind, answer.lang) == ("answer", lang)
    assert fact in _verbatim(answer)


def test_rabbla_upp_asks_for_the_whole_list_beside_an_item_named(service: ChatService) -> None:
    answer = _turns(service, "finns kultur bland inriktningarna? rabbla upp alla")
    assert [q.text for q in answer.quotes][: len(DIRECTIONS)] == DIRECTIONS


def test_persian_its_name_points_back_at_the_project(service: ChatService) -> None:
    # "اسمش" (its name) after the project's start asks the project's name, not the bot's
    answer = _turns(service, "پروژه چشم انداز کی شروع شد", "اسمش چی بود")
    assert answer.kind == "answer"
    assert "Kiruna 2.0" in _verbatim(answer)


def test_polish_a_joins_two_parts(service: ChatService) -> None:
    # two parts, each with its own quote; not the list of all six
    answer = _turns(service, "jaki jest cel dla kultury a jaki dla mieszkalnictwa")
    quoted = _verbatim(answer)
    assert "lättillgängligt" in quoted
    assert "varierat utbud av bostäder" in quoted
    assert len(answer.quotes) == 2


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("goorma ayaa bogga la update gareeyay?", "Senast ändrad: 2020-02-21"),  # Somali with English "update"
        ("ራእይ ኪሩና መዓስ approve ተገይሩ?", "2013-05-27"),  # Tigrinya with English "approve"
    ],
)
def test_english_verbs_in_somali_and_tigrinya_ask_what_they_ask_in_english(
    service: ChatService, message: str, fact: str
) -> None:
    assert fact in _verbatim(_turns(service, message))


def test_english_thanks_beside_somali_is_answered_in_somali(service: ChatService) -> None:
    answer = _turns(service, "Waad mahadsantahay walaal, thank you so much")
    assert (answer.kind, answer.lang) == ("smalltalk", "so")


def test_the_names_of_the_working_groups_people_are_not_on_the_page_in_arabic(service: ChatService) -> None:
    # "أسماء الأشخاص" (the names of the people) asks for people, whom the page does not name
    answer = _turns(service, "متى بدأ مشروع الرؤية؟", "وما هي أسماء الأشخاص في مجموعات العمل؟")
    assert answer.kind == "out_of_scope"


def test_which_strategy_is_being_made_is_no_list_of_the_directions(service: ChatService) -> None:
    # "welche" and "Strategie" (a word of the list's heading) beside a word of its own ask of one passage
    answer = _turns(service, "Welche Strategie erarbeitet die Gemeinde gerade?")
    assert "lokal tillväxtsstrategi" in _verbatim(answer)
    assert not any(q.text.startswith("Inriktning:") for q in answer.quotes)


@pytest.mark.parametrize(
    ("message", "lang"),
    [("انا اسمي محمد من العراق وساكن بكيرونا من سنة", "ar"), ("Leat go don duohta olmmoš vai robohta?", "se")],
)
def test_small_talk_keeps_the_language_the_whole_message_reads_in(
    service: ChatService, message: str, lang: str
) -> None:
    # a few words read apart from the small talk may read as another language; the whole message settles it
    _assert_small_talk(_turns(service, message), lang)


def test_a_need_told_of_the_same_topic_as_the_question_keeps_it_the_pages(service: ChatService) -> None:
    answer = _turns(service, "Olen yksinhuoltaja ja etsin isompaa asuntoa. Mitä kunta lupaa asumisesta?")
    assert "varierat utbud av bostäder" in _verbatim(answer)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Meillä on tänään kylmä, melkein neljäkymmentä astetta pakkasta", "fi"),
        ("Här i Svappavaara snöar det igen. Är det kallt hos dig också?", "sv"),
        ("Still not used to the polar night, it's so dark all day", "en"),
        ("Hier sind heute -28 Grad 🥶", "de"),
    ],
)
def test_a_greeting_with_the_weather_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    "message",
    [
        "Hur blir vädret i morgon i Kiruna?",
        "How cold is it in Kiruna right now?",
        "It's cold. Will it snow tomorrow?",
        "-35 i morse ❄️ hur kallt blir det i morgon?",
    ],
)
def test_the_weather_asked_is_refused_not_greeted(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_a_weather_remark_before_a_question_of_the_page_answers_it(service: ChatService) -> None:
    answer = _turns(service, "Det är mörkt och kallt idag. Vad är målet för boende?")
    assert "varierat utbud av bostäder" in _verbatim(answer)


@pytest.mark.parametrize(
    ("message", "lang"),
    [("hallå? är du kvar?", "sv"), ("Ootko vielä siellä?", "fi"), ("Are you still there?", "en")],
)
def test_asking_whether_the_bot_is_still_there_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


def test_words_read_surely_beside_small_talk_outweigh_the_widgets_language(service: ChatService) -> None:
    # "hallo" is small talk of Swedish's and German's tables; the rest reads Finnic, whatever the widget shows
    answer = _turns(service, "Hallo? Oletko sie vielä paikala?", ui_lang="sv")
    assert answer.kind == "smalltalk"
    assert answer.lang in {"fi", "fit"}
    # a greeting alone is the widget's language's
    assert _turns(service, "hallo", ui_lang="sv").lang == "sv"


def test_an_emoji_between_a_story_and_a_question_ends_the_story(service: ChatService) -> None:
    answer = _turns(service, "we have looked for a flat for months and found nothing 😩 what is the goal for housing?")
    assert "varierat utbud av bostäder" in _verbatim(answer)


def test_a_request_in_spoken_finnish_for_another_language_answers_again_in_it(service: ChatService) -> None:
    answer = _turns(service, "Mikä on koulutuksen tavoite?", "voitko kirjottaa sen ruotsiksi, mun äiti ei osaa suomea")
    assert answer.lang == "sv"
    assert "grundskola till högskola" in _verbatim(answer)


def test_when_the_page_was_last_changed_asked_in_the_active_voice(service: ChatService) -> None:
    assert "2020-02-21" in _verbatim(_turns(service, "Koska joku on viimeksi muuttanu tätä sivua?"))


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Ärligt talat, sidan är hemsk 😤", "sv"),
        ("Tämä sivusto on kamala, mikään ei toimi", "fi"),
        ("pretty useless bot, i didn't ask for that", "en"),
    ],
)
def test_a_complaint_about_the_site_or_the_bot_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    ("first", "asking"),
    [
        ("Mikä on kulttuurin tavoite?", "Vastaa ruotsiksi, en ymmärrä hyvin"),
        ("Mii lea kultuvrra ulbmil?", "Vástit ruoŧagillii, mun in ádde nu bures"),
    ],
)
def test_a_request_for_swedish_beside_not_understanding_well_answers_in_swedish(
    service: ChatService, first: str, asking: str
) -> None:
    answer = _turns(service, first, asking)
    assert answer.kind == "answer"
    assert answer.lang == "sv"
    # not understanding Swedish, with no request, still asks for no Swedish
    assert _turns(service, first, "en ymmärrä ruotsia").kind == "smalltalk"


def test_the_bots_view_asked_after_an_answer_is_refused_in_polish(service: ChatService) -> None:
    # "twoim zdaniem" (in your opinion) asks the bot's view, after an answer as before one
    answer = _turns(service, "co oznacza wizja Kiruny?", "a twoim zdaniem to dobra wizja?")
    assert answer.kind == "out_of_scope"


def test_what_the_counted_groups_did_is_answered_and_who_sat_in_them_is_not(service: ChatService) -> None:
    # "arbetade" after "Nio arbetsgrupper" is what the groups did, not a thing counted or named besides them
    did = _turns(service, "Hur många arbetsgrupper var det?", "vad gjorde de?")
    assert "samla in kommuninvånarnas åsikter" in _verbatim(did)
    members = _turns(service, "كم مجموعة عمل شاركت بالرؤية؟", "ومين كانوا أعضاءها؟")
    assert members.kind == "out_of_scope"


@pytest.mark.parametrize(
    "question", ["Montako työryhmää osallistui visiotyöhön?", "Dla kogo było to seminarium na początku projektu?"]
)
def test_who_or_how_many_took_part_is_not_who_sat_in_the_groups(service: ChatService, question: str) -> None:
    # "osallistui" (took part) and "dla kogo" (for whom) ask in the words of an audience: a count, and the seminar's
    # ("projektu" shares its first letters with "projektgrupper", and names no group)
    assert _turns(service, question).kind == "answer"


def test_a_somali_noun_phrase_closed_by_ayaa_is_one_question(service: ChatService) -> None:
    # "qof oo deggan ayaa …" (people who live here …): "ayaa" closes the noun phrase "oo" opened; no "and"
    counted = _turns(service, "Immisa qof oo deggan ayaa ka qayb qaatay ra'yi ururinta aragtida?")
    assert (counted.kind, counted.lang) == ("out_of_scope", "so")
    # ... while "… oo yaa …" opens a question of its own after the "and"
    both = _turns(service, "Yaa daabacay bogga oo goorma ayaa la beddelay?")
    quoted = _verbatim(both)
    assert "Publicerad av: Ulrika Hannu" in quoted
    assert "Senast ändrad: 2020-02-21" in quoted


def test_the_aim_of_the_seminar_that_was_held_is_its_purpose_not_a_venue(service: ChatService) -> None:
    # "برگزار شد" (was held) names the seminar; what is asked is its aim, which the page states
    answer = _turns(service, "سمیناری که سال ۲۰۱۲ برای شروع کار چشم‌انداز برگزار شد هدفش چی بود؟")
    assert (answer.kind, answer.lang) == ("answer", "fa")
    assert "skapa kontakter, bygga nätverk" in _verbatim(answer)
    # ... and where it was held, the page does not say
    assert _turns(service, "Where was the seminar held?").kind == "out_of_scope"


@pytest.mark.parametrize(
    ("message", "facts"),
    [
        ("ناشر صفحه کیه و کی آخرین بار عوض شده؟", ["Ulrika Hannu", "2020-02-21"]),
        ("who put this page up and when was it last changed?", ["Ulrika Hannu", "2020-02-21"]),
        ("Stand der Seite?", ["Senast ändrad: 2020-02-21"]),
        ("maŋimuš rievdadus", ["Senast ändrad: 2020-02-21"]),
        ("Kiedy radni przyjęli tę wizję?", ["Antagen av kommunfullmäktige 2013-05-27"]),
        ("ما هي الجهة التي صادقت على الرؤية؟", ["Antagen av kommunfullmäktige 2013-05-27"]),
    ],
)
def test_the_pages_lines_answer_in_the_words_residents_use(
    service: ChatService, message: str, facts: list[str]
) -> None:
    quoted = _verbatim(_turns(service, message))
    for fact in facts:
        assert fact in quoted


def test_a_question_word_in_an_oblique_case_asks_of_the_sentence_before_it(service: ChatService) -> None:
    # "З чим саме?" (with what exactly?) names nothing: the sentence before it names the vision's comparison
    answer = _turns(
        service,
        "На курсах шведської вчителька казала, що у баченні Кіруни переконання про рівну цінність людей "
        "порівнюють із чимось таким же глибоким. З чим саме?",
    )
    assert "som vår malm" in _verbatim(answer)
    # "Minä päivänä se olikaan?" (on what day was it again?) asks the date of the vision the resident saw adopted
    day = _turns(
        service,
        "Olin keväällä 2013 kunnanvaltuuston kokouksessa yleisönä ja siellä hyväksyttiin joku iso visio. "
        "Minä päivänä se olikaan?",
    )
    assert "2013-05-27" in _verbatim(day)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("vad är det här?", "sv"),
        ("Was ist das hier?", "de"),
        ("Mikä tää juttu oikeen on? Ootko joku botti vai ihan oikee ihminen?", "fi"),
        ("سلام، این چیه؟ اینجا چیکار میشه کرد؟", "fa"),
        ("lol do you ever get tired of answering questions about visions 😂", "en"),
    ],
)
def test_what_is_this_asks_what_the_bot_is(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)
    # ... while "what is this goal?" names what it asks of
    assert _turns(service, "Was ist das Ziel für Wohnen?").kind == "answer"


def test_a_finnish_mark_settles_finnish_in_a_conversation_greeted_in_meankieli(service: ChatService) -> None:
    # "terve" alone reads Meänkieli; "saavutetaan" is Finnish's passive, which Meänkieli writes "saavutethaan"
    answer = _turns(service, "terve", "miten visio saavutetaan?")
    assert (answer.kind, answer.lang) == ("answer", "fi")
    assert _turns(service, "terve", "miten visio saavutetaan?", "ok kiitti, moro").lang == "fi"


def test_two_facts_of_the_page_after_an_answer_are_asked_of_the_page(service: ChatService) -> None:
    # its "it" is the page it names, not the vision just given: both of the page's lines, not the vision's decision
    answer = _turns(service, "whats the vision about", "who published the page and when was it last changed?")
    quoted = _verbatim(answer)
    assert "Publicerad av: Ulrika Hannu" in quoted
    assert "Senast ändrad: 2020-02-21" in quoted
    assert "Antagen av kommunfullmäktige" not in quoted


def test_by_whom_after_the_last_change_quotes_the_by_line(service: ChatService) -> None:
    # the page says who published it, not who changed it: its by-line, not the date again or the council's decision
    for first, then in (("when was the page last changed?", "and by whom?"), ("när ändrades sidan?", "och av vem?")):
        quoted = _verbatim(_turns(service, first, then))
        assert "Publicerad av: Ulrika Hannu" in quoted
        assert "Antagen av kommunfullmäktige" not in quoted
    # ... and "when?" after who published it asks the one date the page gives of itself
    assert "Senast ändrad: 2020-02-21" in _verbatim(_turns(service, "who published the page?", "and when?"))


@pytest.mark.parametrize(
    ("question", "goal", "link"),
    [
        (
            "Was ist das Ziel für Verkehr und Kommunikation, wo kann ich mehr dazu lesen",
            "goda kommunikationer",
            "trafikstrategi",
        ),
        (
            "Яка мета комуни щодо житла. Де можна прочитати про це більше",
            "varierat utbud",
            "bostadsförsörjningsprogram",
        ),
    ],
)
def test_where_to_read_more_of_the_part_before_is_its_own_link(
    service: ChatService, question: str, goal: str, link: str
) -> None:
    answer = _turns(service, question)
    quoted = _verbatim(answer)
    assert goal in quoted
    assert link in quoted
    assert len(answer.quotes) == 2  # no other direction's link
    assert answer.related == []  # the link quoted is not listed again under the answer


def test_where_to_read_more_of_a_direction_without_a_link_is_said_unanswered(service: ChatService) -> None:
    answer = _turns(service, "what is the goal for culture, and where can I read more about it?")
    assert "Kultur och idrott ska vara lättillgängligt" in _verbatim(answer)
    assert not any(q.text.startswith("Läs") for q in answer.quotes)
    assert len(answer.not_answered) == 1
    assert "where can I read more about it?" in answer.not_answered[0]


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        (
            "Päivää päivää! Mie en ole ennen tämmösen koneen kans puhunu, tyttären tyttö laitto tämän minule. "
            "Mitäs sie osaat vastata?",
            "fit",
        ),
        (
            "Guten Tag! Verzeihen Sie die Frage, aber spreche ich hier mit einem echten Menschen oder mit einem "
            "Computerprogramm?",
            "de",
        ),
        ("Danke! Dass die Vision schon 2013 beschlossen wurde, wusste ich gar nicht", "de"),
    ],
)
def test_a_story_or_a_remark_beside_asking_the_bot_is_small_talk(service: ChatService, message: str, lang: str) -> None:
    _assert_small_talk(_turns(service, message), lang)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("بأي لغات تستطيع أن تجيب؟", "ar"),
        ("به چه زبان‌هایی می‌توانی جواب بدهی؟", "fa"),
        ("In welchen Sprachen kannst du antworten?", "de"),
        ("W jakich językach możesz odpowiadać?", "pl"),
    ],
)
def test_which_languages_the_bot_answers_in_gets_its_languages_reply(
    service: ChatService, message: str, lang: str
) -> None:
    answer = _turns(service, message)
    _assert_small_talk(answer, lang)
    assert answer.answer == load_catalogs().get(lang, M.TALK_LANGUAGES)


def test_a_story_before_the_question_is_no_part_of_it(service: ChatService) -> None:
    # a thanks of two words after two questions ends the message; the questions are the parts
    two = _turns(
        service,
        "ሰላም ንኹልኹም። ኣነ ኣደ እየ፡ ዕድመይ 68 እዩ፣ ኣብ ሃገረይ መምህር ነይረ። ደቂ ደቀይ ኣብ ኪሩና ይመሃሩ ኣለዉ። "
        "ሸቶ ባህልን ስፖርትን እንታይ እዩ? ከምኡውን ሸቶ ትምህርቲ እንታይ እዩ? ብዙሕ የቐንየለይ።",
    )
    quoted = _verbatim(two)
    assert "Kultur och idrott" in quoted
    assert "god kvalitet i utbildningen" in quoted
    # the hospital the resident worked at is no facility asked of; "that project" is the one the sentence before names
    named = _turns(
        service,
        "سلام و وقت بخیر. من یک بازنشسته ۶۹ ساله هستم که سال ۲۰۰۸ از مشهد به کیرونا آمدم و سال‌ها در بیمارستان "
        "اینجا کار کردم. شنیده‌ام که پروژه چشم‌انداز شهرداری یک اسم خاص داشته است. اسم آن پروژه چه بود؟ با سپاس فراوان.",
    )
    assert "Kiruna 2.0" in _verbatim(named)
    # small talk's "I moved here" cuts the first sentence; what is left of it is no part to say unanswered
    started = _turns(
        service, "Hi! I moved here from Leeds and work at the hospital. I read about Kiruna 2.0. When did it start?"
    )
    assert "februari 2012" in _verbatim(started)
    assert started.not_answered == []
    assert not any(q.text.startswith("Läs") for q in started.quotes)


def test_explain_how_it_is_reached_asks_how_not_what_it_means(service: ChatService) -> None:
    answer = _turns(
        service,
        "Dzień dobry. Mam 67 lat, przyjechałem do Kiruny z Katowic w 2006 roku do pracy w kopalni i zostałem na stałe. "
        "Czytałem o wizji gminy, ale nie rozumiem, jak gmina zamierza ją w praktyce zrealizować. "
        "Czy mogliby Państwo to wyjaśnić? Z góry dziękuję.",
    )
    assert "lokal tillväxtsstrategi" in _verbatim(answer)


@pytest.mark.parametrize(
    "message",
    [
        "what do I need to do to get a job in Kiruna? I came a year ago",
        "ኣብ ኪሩና ስራሕ ንምርካብ እንታይ ክገብር ኣለኒ? ካብ ዝመጽእ ሓደ ዓመት ኮይኑ",
        "mitäs sie itte tykkäät siitä visiosta 😂",
    ],
)
def test_what_the_resident_must_do_or_the_bots_view_is_refused(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"


def test_the_council_chair_then_is_refused_in_sami(service: ChatService) -> None:
    answer = _turns(service, "Goas Giruna visuvdna mearriduvvui?", "Ja gii lei dalle gieldda ságajođiheaddji?")
    assert (answer.kind, answer.lang) == ("out_of_scope", "se")


@pytest.mark.parametrize(
    ("message", "lang"),
    [("hi is this the kiruna kommun website?", "en"), ("är det här kiruna kommuns hemsida?", "sv")],
)
def test_whether_this_is_the_municipalitys_site_asks_what_the_bot_is(
    service: ChatService, message: str, lang: str
) -> None:
    _assert_small_talk(_turns(service, message), lang)
    # ... while "is this the official vision?" asks of the page
    assert _turns(service, "is this the official vision?").kind == "answer"


def test_the_goal_asked_in_another_language_after_an_answer_is_that_answer_again(service: ChatService) -> None:
    # "the goal" names what was just answered: the housing goal again, in Arabic, not the page's list of goals
    answer = _turns(service, "what is the goal for housing?", "can you write the goal in Arabic for my dad?")
    assert answer.lang == "ar"
    assert _verbatim(answer).startswith("Inriktning: Boende, bebyggelse och livsmiljö")
    assert len(answer.quotes) == 1
    # ... and a new item named beside the language is a new question
    other = _turns(service, "what is the goal for housing?", "what is the goal for culture?")
    assert "Kultur och idrott" in _verbatim(other)


@pytest.mark.parametrize(
    ("first", "then", "item"),
    [
        ("what is the goal for housing?", "what is that direction called?", "Inriktning: Boende"),
        ("what does research in kiruna focus on?", "which direction is that under?", "Inriktning: Utbildning"),
    ],
)
def test_a_reference_to_the_direction_just_given_is_that_direction(
    service: ChatService, first: str, then: str, item: str
) -> None:
    answer = _turns(service, first, then)
    assert len(answer.quotes) == 1
    assert _verbatim(answer).startswith(item)
    # ... while "which directions are there?" asks the list, whatever its "det" points at
    listed = _turns(service, "vad är målet för boende?", "vilka inriktningar finns det?")
    assert all(direction in _verbatim(listed) for direction in DIRECTIONS)


@pytest.mark.parametrize(
    "turns",
    [
        ("what is the vision?", "how will it be reached?"),
        (
            "سلام، چشم‌انداز کیرونا چیه؟",
            "راستی این صفحه آخرین بار کی به‌روز شده؟",
            "برگردیم سر چشم‌انداز، کمون چطوری می‌خواد بهش برسه؟",
        ),
    ],
)
def test_how_it_is_reached_after_the_vision_is_the_section_that_tells_how(
    service: ChatService, turns: tuple[str, ...]
) -> None:
    assert "nämnds- och verksamhetsmål" in _verbatim(_turns(service, *turns))


def test_and_about_glued_in_arabic_asks_a_second_part(service: ChatService) -> None:
    answer = _turns(service, "ماذا تقول البلدية عن التعليم وعن سوق العمل؟")
    quoted = _verbatim(answer)
    assert "god kvalitet i utbildningen" in quoted
    assert "arbetsmarknaden en bredd" in quoted


@pytest.mark.parametrize(
    "message",
    ["can you help me find a job at LKAB?", "Czy możesz mi pomóc znaleźć pracę w LKAB?"],
)
def test_help_to_find_a_job_is_refused_not_answered_with_what_the_bot_does(service: ChatService, message: str) -> None:
    assert _turns(service, message).kind == "out_of_scope"
    assert _turns(service, "can you help me?").kind == "smalltalk"


def test_spoken_finnish_we_moved_here_asks_no_change_of_the_page(service: ChatService) -> None:
    answer = _turns(
        service,
        "Muutettiin just Kiirunaan kahden lapsen kanssa. "
        "Mitä kunta haluaa asumisen suhteen ja mitä se sanoo koulutuksesta?",
    )
    quoted = _verbatim(answer)
    assert "varierat utbud av bostäder" in quoted
    assert "grundskola till högskola" in quoted
    assert "Senast ändrad" not in quoted
    assert "Senast ändrad: 2020-02-21" in _verbatim(_turns(service, "milloin sivua muutettiin viimeksi?"))


def test_a_question_of_its_own_first_stands_alone_in_a_conversation(service: ChatService) -> None:
    # its "se" points at the vision the first sentence names, not at the by-line the conversation ended on
    answer = _turns(
        service,
        "milloin sivua on viimeksi muutettu?",
        "entä kuka sen julkaisi?",
        "mikä on visio? ja miten se saavutetaan?",
    )
    quoted = _verbatim(answer)
    assert "människors lika värde" in quoted
    assert "nämnds- och verksamhetsmål" in quoted
    assert "Publicerad av" not in quoted
    # ... while a first sentence pointing back ("da") asks of what the conversation named
    assert (
        _turns(
            service, "wo finde ich was zur Wirtschaftsstrategie", "und was steht da konkret drin? welche Maßnahmen?"
        ).kind
        == "out_of_scope"
    )
