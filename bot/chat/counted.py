"""What a sentence of the page counts, and whether a question asks the count of something else it names.

"Nio arbetsgrupper arbetade med att samla in kommuninvånarnas åsikter … inom nio olika områden"
counts working groups and areas. "How many residents took part?" names the residents of that
sentence, not what it counts: its "nine" would read as nine residents, a number the page never
states (issue 11: a count asked is the sentence stating it, or the bot does not know).

A sentence's words are named in any language by the thesaurus rows the page is indexed with
(`corpus/thesaurus/`), so the check reads a question in whichever language it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.chat.coverage import stopwords
from bot.chat.question_types import NUMBER_WORDS, without_dates
from bot.chat.word_kin import kin
from corpus.model import Corpus
from index.analysis import words

# Words this short or shorter name something only when no stopword list has them.
SHORT = 3
# The words after a number that say what it counts: "nio olika områden", "nio strategiska inriktningarna".
COUNTED_SPAN = 2


@dataclass(frozen=True)
class _Counting:
    counted: frozenset[str]  # what the sentence counts, named in every language of the thesaurus
    mentioned: frozenset[str]  # its other words, named the same way


class CountedThings:
    def __init__(self, corpus: Corpus, thesaurus: Mapping[str, Mapping[str, Sequence[str]]]) -> None:
        self._synonyms: dict[str, set[str]] = {}
        for table in thesaurus.values():
            for term, synonyms in table.items():
                key = " ".join(words(term))
                self._synonyms.setdefault(key, set()).update(w for s in synonyms for w in words(s))
        self._sentences: dict[str, _Counting] = {}
        for doc in corpus.documents:
            numbers = NUMBER_WORDS.get(doc.meta.language, frozenset())
            for sentence in (s for chunk in doc.chunks for s in chunk.sentences):
                said = words(without_dates(sentence.text))
                spans = [
                    said[i + 1 : i + 1 + COUNTED_SPAN]
                    for i, token in enumerate(said)
                    if token in numbers or token.isdigit()
                ]
                counted = {w for span in spans for w in _noun_phrase(span)}
                if counted:
                    # its numbers are the count's own, no other thing it says ("nio", and "التسعة" for it); nor is the
                    # verb right after what it counts ("arbetade"): the groups' own doing, no other thing named
                    near = {w for span in spans for w in span}
                    told = {w for w in said if w not in numbers and not w.isdigit()} - near
                    self._sentences[sentence.id] = _Counting(self._names(counted), self._names(told))
        # what any sentence counts, in every language: asked of on every count question, built once
        self._all_counted = frozenset(n for c in self._sentences.values() for n in c.counted)

    def _names(self, said: set[str]) -> frozenset[str]:
        return frozenset(n for w in said for n in {w} | self._synonyms.get(w, set()) if _significant(n))

    def counts_another(self, sentence_ids: Iterable[str], question_words: Sequence[str]) -> bool:
        """Whether the words a question names are, in the sentences that state a count, words of what
        they mention and none of what they count."""
        countings = [self._sentences[s] for s in sentence_ids if s in self._sentences]
        named = [w for w in question_words if _significant(w)]

        def among(names: frozenset[str]) -> bool:
            return any(w == n or kin(w, n) for w in named for n in names)

        return (
            bool(countings)
            and not any(among(c.counted) for c in countings)
            and any(among(c.mentioned) for c in countings)
        )

    def states_a_count(self, sentence_ids: Iterable[str]) -> bool:
        """Whether any of these sentences states a number of something."""
        return any(s in self._sentences for s in sentence_ids)

    def names_the_counted(self, question_words: Sequence[str]) -> bool:
        """Whether a question names something a sentence of the page counts ("working groups")."""
        return any(w == n or kin(w, n) for w in question_words if _significant(w) for n in self._all_counted)

    def names_only_the_counted(self, question_words: Sequence[str]) -> bool:
        """Whether a question names only what a sentence counts, each in one of its own forms ("arbetsgrupperna"), not
        by a word sharing its first letters ("projektu", of a project, and "projektgrupper")."""
        named = [w for w in question_words if _significant(w)]
        return bool(named) and all(w in self._all_counted for w in named)

    def names_what_else_it_says(self, question_words: Sequence[str]) -> bool:
        """Whether a question names what a counting sentence says of what it counts, beside naming it: "whose views
        did the working groups collect?" asks of their work, "who was in the nine working groups?" of nothing
        else (its number is the count's own)."""
        named = [w for w in question_words if _significant(w) and w not in _ALL_NUMBERS and not w.isdigit()]
        hits = {
            sid: [w for w in named if any(w == n or kin(w, n) for n in counting.counted)]
            for sid, counting in self._sentences.items()
        }
        most = max((len(h) for h in hits.values()), default=0)
        # the sentence whose count the question names best: "أعضاء مجموعات العمل التسعة" (members of the nine
        # working groups) names the groups, whatever the nine directions' sentence says of work
        for sid, hit in hits.items():
            if not hit or len(hit) < most:
                continue
            rest = [w for w in named if w not in hit]
            if any(w == n or kin(w, n) for w in rest for n in self._sentences[sid].mentioned):
                return True
        return False

    def counts_none_of(self, question_words: Sequence[str], knows: Callable[[str], bool]) -> bool:
        """Whether a question names something the page speaks of, and nothing a sentence of it counts: "how many
        new apartments are being built?" names housing; the page counts working groups, areas and directions."""
        named = [w for w in question_words if _significant(w)]
        return any(knows(w) for w in named) and not self.names_the_counted(named)


_ALL_NUMBERS = frozenset(n for numbers in NUMBER_WORDS.values() for n in numbers)


def _noun_phrase(after: Sequence[str]) -> list[str]:
    """The words after a number that name what it counts: its modifiers and the noun. Swedish's plural adjectives
    end in "-a" ("olika", "strategiska"), its plural nouns otherwise or in "-na" ("inriktningarna"): "nio
    arbetsgrupper arbetade" counts groups, and what they did is no thing counted ("who worked on the vision?" asks
    of their work, not who sat in them)."""
    phrase: list[str] = []
    for word in after:
        phrase.append(word)
        if not (word.endswith("a") and not word.endswith("na")):
            break
    return phrase


def _significant(word: str) -> bool:
    """A word that names something: not a short function word ("were", "did", "the"), though the general
    stopword lists' longer words ("groups", "areas", "working") name what the page counts."""
    return (len(word) > SHORT and word not in stopwords()) or len(word) > SHORT + 1
