import unicodedata

from corpus.cleaning import clean_line, clean_text, split_blocks


def test_nfc_composes_decomposed_letters() -> None:
    decomposed = unicodedata.normalize("NFD", "Hur når vi visionen?")
    assert decomposed != "Hur når vi visionen?"
    assert clean_line(decomposed) == "Hur når vi visionen?"


def test_non_breaking_and_odd_spaces_become_plain_spaces() -> None:
    assert clean_line("Hur\u00a0når\u202fvi\u2007visionen?") == "Hur når vi visionen?"
    assert clean_line("se under\u00a0 relaterat\u00a0innehåll") == "se under relaterat innehåll"


def test_invisible_characters_are_removed_and_space_runs_collapse() -> None:
    assert clean_line("\ufeffVi\u200b är   Kiruna.\u00ad ") == "Vi är Kiruna."


def test_clean_text_keeps_block_structure() -> None:
    text = "Rubrik\r\n\r\n\r\nRad ett\nRad två  \n\n\n"
    assert clean_text(text) == "Rubrik\n\nRad ett\nRad två"
    assert split_blocks(clean_text(text)) == [["Rubrik"], ["Rad ett", "Rad två"]]
