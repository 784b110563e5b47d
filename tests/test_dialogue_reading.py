"""Reading a message's conversation cues: what is small talk and what is a question beside it."""

from __future__ import annotations

import pytest

from bot.chat.dialogue import NEXT, DialogueCues, load_dialogue_cues, question_after_small_talk, without_laughter


@pytest.fixture(scope="module")
def cues() -> DialogueCues:
    return load_dialogue_cues()


def test_the_share_of_small_talk_counts_words_not_tables(cues: DialogueCues) -> None:
    # "tack" is a thanks in the Swedish, Meänkieli and Sami tables: one word of five all the same
    talk = cues.read("lista alla övergripande mål tack", ("sv",)).smalltalk
    assert talk is not None
    assert talk.category == "thanks"
    assert talk.share == pytest.approx(1 / 5)
    assert talk.covered == 1


def test_a_filler_counts_only_in_the_messages_own_languages(cues: DialogueCues) -> None:
    # German "mal" (just) is Swedish "mål" (goal) without its ring: in Swedish it is the question
    swedish = cues.read("lista alla övergripande mål tack", ("sv",)).smalltalk
    assert swedish is not None
    assert "mal" in swedish.rest
    german = cues.read("danke mal", ("de",)).smalltalk
    assert german is not None
    assert german.rest == ()


def test_the_cover_that_leaves_the_fewest_words_wins_over_the_cue_that_starts_first(cues: DialogueCues) -> None:
    # "great thanks" is a cue and starts first, and would leave "a lot"; "great" (a filler) and "thanks a lot"
    # cover every word
    talk = cues.read("great, thanks a lot!", ("en",)).smalltalk
    assert talk is not None
    assert talk.category == "thanks"
    assert talk.rest == ()
    assert talk.covered == 3  # the words small talk's own cues cover, fillers aside


def test_a_tigrinya_what_about_joined_to_its_word_is_a_follow_up(cues: DialogueCues) -> None:
    assert cues.read("ናይ ትምህርቲኸ?", ("ti",)).followup  # "and (for) education?"
    assert not cues.read("ናይ ትምህርቲ ዕላማ እንታይ እዩ?", ("ti",)).followup
    assert cues.read("ናይ kulturከ?", ("ti",)).followup  # "ከ" on a borrowed word


def test_ordinals_in_their_spelling_variants(cues: DialogueCues) -> None:
    assert cues.read("እቲ ሓሙሻይ ዕላማኡ?", ("ti",)).ordinal == 5  # ሓሙሻይ beside ሓምሻይ (fifth)
    assert cues.read("እቲ ሓምሻይ ዕላማኡ?", ("ti",)).ordinal == 5


@pytest.mark.parametrize(
    ("text", "lang", "n"),
    [
        ("the seventh one?", "en", 7),
        ("och det nionde?", "sv", 9),
        ("entä kahdeksas?", "fi", 8),
        ("а дев'ятий?", "uk", 9),
    ],
)
def test_ordinals_past_the_pages_lists(cues: DialogueCues, text: str, lang: str, n: int) -> None:
    assert cues.read(text, (lang,)).ordinal == n


def test_two_cues_of_one_table_that_fold_alike_are_one_vote(cues: DialogueCues) -> None:
    # Persian lists "سلام علیکم" and "سلام عليكم", which fold alike; Arabic lists one of them
    talk = cues.read("سلام عليكم").smalltalk
    assert talk is not None
    assert talk.langs == ("ar", "fa")


def test_persian_ordinals_with_their_spoken_its(cues: DialogueCues) -> None:
    # spoken Persian "دومیش" (the second [of it]), "آخریش" (the last one)
    assert cues.read("دومیش چی میگه؟", ("fa",)).ordinal == 2
    assert cues.read("آخریش چی بود؟", ("fa",)).ordinal == -1  # the last


@pytest.mark.parametrize(
    ("message", "lang", "asked"),
    [
        ("kannst du mir das original auf schwedisch zeigen?", "de", "sv"),
        ("ممكن النص الأصلي بالسويدي؟", "ar", "sv"),
        ("انگلیسیش؟", "fa", "en"),  # its English?
        ("can you show me the original in swedish?", "en", "sv"),
    ],
)
def test_asking_to_see_the_original_or_its_language_is_a_language_request(
    cues: DialogueCues, message: str, lang: str, asked: str
) -> None:
    assert cues.read(message, (lang,)).language_request == asked


def test_a_question_of_its_own_naming_a_language_is_no_request(cues: DialogueCues) -> None:
    assert (
        cues.read("was steht im original über die kultur auf schwedisch und finnisch?", ("de",)).language_request
        is None
    )


def test_a_request_in_a_sentence_beside_a_remark_is_a_language_request(cues: DialogueCues) -> None:
    # "can you write it in Finnish? My grandmother reads little Sami": the remark asks nothing
    message = "Sáhtátgo čállit dan suomagillii? Mu áhkku ii lohka sámegiela."
    assert cues.read(message, ("se",)).language_request == "fi"
    # beside a question of its own, the request is no repeat of the last answer: it says how to answer the question
    reading = cues.read("Vad är visionen? Svara på engelska.", ("sv",))
    assert reading.language_request is None
    assert reading.request_apart == ("en", "Vad är visionen?")


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("ማዕድን LKAB ሰራሕተኛታት ይቖጽር ዶ ኣሎ? ሽወደንኛ ኣይክእልን እየ", "ti"),  # … I can't Swedish: no request word
        ("Sáhtán go čállit davvisámegillii dása? Mu ruoŧagiella ii leat nu buorre.", "se"),  # "ii", "nu": fillers
    ],
)
def test_a_language_told_of_in_a_sentence_beside_a_question_is_no_request(
    cues: DialogueCues, message: str, lang: str
) -> None:
    reading = cues.read(message, (lang,))
    assert reading.language_request is None
    assert reading.request_apart is None


def test_a_request_beside_a_question_may_ask_in_a_question_of_its_own(cues: DialogueCues) -> None:
    assert cues.read("Mikä on visio? Voitko vastata englanniksi?", ("fi",)).request_apart == ("en", "Mikä on visio?")


def test_a_version_number_is_no_ordinal(cues: DialogueCues) -> None:
    # the cue "2." (the second) is in every table; "Kiruna 2.0" names the project, not its second item
    assert cues.read("Mii lei dan seminára ulbmil go Kiruna 2.0 álggii?", ("se",)).ordinal is None
    assert cues.read("what is the 2. goal?", ("en",)).ordinal == 2


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("leat go don robot?", "identity"),
        ("pomoc", "help"),
        ("допомога", "help"),
        ("kiitoksia paljon, tämä auttoi", "thanks"),
        ("tjena! hur är läget?", "greeting"),
        ("Hej, jag heter Kerstin. Trevligt att träffas!", "greeting"),
        ("that didn't answer my question", "help"),
        ("okej, uppfattat", "thanks"),  # only fillers: an acknowledgement, answered like thanks
    ],
)
def test_small_talk_in_words_residents_write(cues: DialogueCues, message: str, category: str) -> None:
    talk = cues.read(message).smalltalk
    assert talk is not None
    assert talk.category == category


@pytest.mark.parametrize(
    ("message", "lang", "question"),
    [
        ("Tack! Och när beslutades det?", "sv", "Och när beslutades det?"),
        ("kiitos! ja konsa sitä on viimeksi muutettu?", "fit", "ja konsa sitä on viimeksi muutettu?"),
        ("dziękuję, kiedy się zaczął?", "pl", "kiedy się zaczął?"),
    ],
)
def test_the_question_after_an_opening_thanks_in_the_residents_characters(
    cues: DialogueCues, message: str, lang: str, question: str
) -> None:
    assert question_after_small_talk(message, cues.read(message, (lang,))) == question


def test_no_question_is_cut_from_small_talk_alone_or_a_question_with_small_talk_inside(cues: DialogueCues) -> None:
    assert question_after_small_talk("tack så mycket", cues.read("tack så mycket")) is None
    assert question_after_small_talk("vad är målet, tack", cues.read("vad är målet, tack")) is None


def test_a_tigrinya_ordinal_with_its_what_about_suffix_is_the_ordinal(cues: DialogueCues) -> None:
    # "እቲ ሳልሳይከ?" (and the third?): the cue is "ሳልሳይ"
    reading = cues.read("እቲ ሳልሳይከ?", ("ti",))
    assert reading.ordinal == 3
    assert reading.followup


def test_a_conjunction_counts_only_in_the_messages_languages(cues: DialogueCues) -> None:
    # English "I" is Polish "i" (and): "Where can I see all …?" is one question
    assert cues.read("Where can I see all the strategic directions?", ("en",)).conjunctions == ()
    assert cues.read("Co to jest i kiedy?", ("pl",)).conjunctions


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("where exactly does it say that?", "en"),
        ("var på sidan står det?", "sv"),
        ("Wo steht das genau?", "de"),
        ("ok, missä se sanotaan?", "fi"),
        ("Де саме це на сторінці?", "uk"),
    ],
)
def test_asking_only_where_the_last_answer_stands(cues: DialogueCues, message: str, lang: str) -> None:
    assert cues.read(message, (lang,)).where_said


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("where can I read more about housing?", "en"),
        ("where does it say when the vision was adopted?", "en"),
        ("var står det om bostäder?", "sv"),
    ],
)
def test_where_with_a_question_of_its_own_is_no_where_said(cues: DialogueCues, message: str, lang: str) -> None:
    assert not cues.read(message, (lang,)).where_said


@pytest.mark.parametrize(
    "message", ["and the next one?", "och nästa?", "entä seuraava?", "a następny?", "und der nächste?", "tan xigtana?"]
)
def test_the_next_one_is_an_ordinal_of_its_own(cues: DialogueCues, message: str) -> None:
    assert cues.read(message).ordinal == NEXT


def test_a_somali_ordinal_with_its_joined_and(cues: DialogueCues) -> None:
    # "-na" (and) joins the word it follows: "tan saddexaadna?" is "and the third one?"
    assert cues.read("tan saddexaadna?").ordinal == 3
    assert cues.read("Waa maxay tan ugu horreysa?").ordinal == 1


@pytest.mark.parametrize("typed", ["hahhaa", "ahahaha", "hihihi", "HEHEHE", "хахаха", "ههههه", "خخخخ", "xDD", "lool"])
def test_laughter_however_typed_reads_as_the_tables_haha(cues: DialogueCues, typed: str) -> None:
    reading = cues.read(f"{typed} ok")
    assert reading.tokens[0] == "haha"
    assert reading.smalltalk is not None


@pytest.mark.parametrize("word", ["heihei", "haye", "hei", "ahaa"])
def test_words_that_only_look_like_laughter_stay_as_written(cues: DialogueCues, word: str) -> None:
    # "heihei" is a Finnish goodbye, "haye" Somali yes, "ahaa" an "I see"
    assert cues.read(word).tokens == (word,)


def test_the_detector_reads_a_message_less_its_latin_laughter_and_keeps_arabic_laughter() -> None:
    # "haha" read alone is Somali to the detector; "ههههه" is the Arabic script's own word
    assert without_laughter("hahaha dobre 😂") == "dobre"  # an emoji says no language either
    assert without_laughter("хахаха добре") == "добре"
    assert without_laughter("هههههه تمام") == "هههههه تمام"
    assert without_laughter("heihei") == "heihei"


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("puhunko nyt ihmisen vai koneen kanssa", "identity"),  # the cue, with "nyt" (now) typed inside it
        ("am i really talking to a bot", "identity"),
    ],
)
def test_a_small_talk_cue_with_a_word_typed_inside_it(cues: DialogueCues, message: str, category: str) -> None:
    talk = cues.read(message).smalltalk
    assert talk is not None
    assert talk.category == category
    assert talk.rest == ()


def test_a_cue_with_a_word_inside_it_needs_three_words_of_its_own(cues: DialogueCues) -> None:
    # "hej då" (bye) with a word between is no goodbye: two words of a cue say too little
    talk = cues.read("hej och då").smalltalk
    assert talk is None or talk.category != "goodbye"


def test_a_word_of_another_language_inside_a_cue_does_not_join_it(cues: DialogueCues) -> None:
    # Meänkieli "sie" (you) is hardly a Finnish word: "ootko robotti vai ihminen" with it inside is no Finnish cue
    talk = cues.read("ootko sie robotti vai ihminen").smalltalk
    assert talk is not None
    assert talk.category == "identity"
    assert "fit" in talk.langs
    assert talk.covered == 3  # "robotti vai ihminen", in either table


def test_a_greeting_with_a_word_inside_it_is_not_read_whole(cues: DialogueCues) -> None:
    # Somali "ma fiican tahay" (are you well?) with "ka" inside asks "is it better than …"
    talk = cues.read("Kiruna ma ka fiican tahay Gällivare xagga shaqada").smalltalk
    assert talk is None or talk.category != "greeting" or talk.rest


@pytest.mark.parametrize(
    ("message", "languages", "meant"),
    [
        ("sorry no, I meant housing, not business", ("en",), "housing"),
        ("nej, jag menade målet och inte inriktningen", ("sv",), "målet"),
        ("لا، قصدي الثقافة مش السكن", ("ar",), "الثقافة"),
        ("przepraszam, chodziło mi o kulturę", ("pl",), "kulturę"),
    ],
)
def test_a_correction_says_what_was_meant_less_what_it_denies(
    cues: DialogueCues, message: str, languages: tuple[str, ...], meant: str
) -> None:
    assert cues.read(message, languages).correction == meant


def test_a_message_without_a_correction_cue_corrects_nothing(cues: DialogueCues) -> None:
    assert cues.read("what is not in the vision?", ("en",)).correction is None


@pytest.mark.parametrize(
    ("message", "languages"),
    [("is that all?", ("en",)), ("är det allt?", ("sv",)), ("say it again, I did not catch it", ("en",))],
)
def test_asking_for_the_last_answer_again(cues: DialogueCues, message: str, languages: tuple[str, ...]) -> None:
    assert cues.read(message, languages).again


@pytest.mark.parametrize(
    ("message", "languages"),
    [("kiitos paljon!", ("fi",)), ("please", ("en",)), ("that's all, thanks", ("en",)), ("in English please", ("en",))],
)
def test_a_thanks_a_please_or_a_language_asks_for_nothing_again(
    cues: DialogueCues, message: str, languages: tuple[str, ...]
) -> None:
    assert not cues.read(message, languages).again


def test_a_follow_up_may_open_after_a_filler(cues: DialogueCues) -> None:
    assert cues.read("ok, and for culture?", ("en",)).followup
    assert not cues.read("ok, what is the vision?", ("en",)).followup


@pytest.mark.parametrize(
    ("message", "languages"),
    [("toinen asia: mihin tavoitteet jaetaan?", ("fi",)), ("second question: who wrote it?", ("en",))],
)
def test_an_ordinal_counting_the_residents_own_matters_points_at_no_item(
    cues: DialogueCues, message: str, languages: tuple[str, ...]
) -> None:
    assert cues.read(message, languages).ordinal is None


def test_an_ordinal_beside_an_item_still_points(cues: DialogueCues) -> None:
    assert cues.read("vad säger den andra?", ("sv",)).ordinal == 2


def test_a_persian_topic_then_what_about_follows_up(cues: DialogueCues) -> None:
    assert cues.read("ترافیک چی؟", ("fa",)).followup
    assert not cues.read("چی؟", ("fa",)).followup


def test_ethiopic_laughter_is_laughter(cues: DialogueCues) -> None:
    assert without_laughter("ሃሃሃ ሕራይ") == "ሕራይ"


def test_the_it_of_a_phrase_for_regarding_points_back_at_nothing(cues: DialogueCues) -> None:
    assert not cues.read("vad har ni för mål när det gäller jobb?", ("sv",)).reference
    assert cues.read("när det gäller kultur, när antogs det?", ("sv",)).reference
