"""The eval set is what the issue asks for, and the training set stays apart from it."""

from __future__ import annotations

from collections import Counter

from bot.evaluation.answer_set import SETS_DIR, load_answer_cases
from bot.evaluation.dataset import load_cases
from bot.evaluation.scope_training import training_cases
from corpus import Corpus
from corpus.chunking import LINE_KINDS

LANGS = {"sv", "en", "fi", "se", "fit", "ar", "so", "ti", "fa", "uk", "pl", "de"}


def test_eval_set_composition(corpus: Corpus) -> None:
    cases = load_cases()
    in_scope = [c for c in cases if c.in_scope]
    oos = [c for c in cases if not c.in_scope]
    assert len(in_scope) >= 150
    assert len(oos) >= 30
    assert {c.lang for c in in_scope} >= LANGS
    assert len({c.lang for c in oos}) >= 5
    sentences = {s.text for s in corpus.sentences()}
    assert all(c.answer in sentences for c in in_scope)
    chunks_hit = {s.chunk_id for s in corpus.sentences() if s.text in {c.answer for c in in_scope}}
    # every passage the ranker ranks has questions (the one-line facts are chosen after ranking)
    assert chunks_hit >= {c.id for c in corpus.chunks() if c.kind not in LINE_KINDS}
    assert len({c.id for c in cases}) == len(cases)


def test_training_questions_are_not_eval_questions() -> None:
    eval_questions = {c.question.casefold().strip() for c in load_cases()}
    for path in sorted(SETS_DIR.glob("*.jsonl")):
        eval_questions |= {t.casefold().strip() for c in load_answer_cases(path) for t in c.turns}
    train = training_cases()
    assert len(train) >= 400
    assert not eval_questions & {c.question.casefold().strip() for c in train}
    per_lang = Counter(c.lang for c in train)
    assert set(per_lang) >= LANGS


def test_every_answer_sets_facts_are_on_the_page(corpus: Corpus) -> None:
    page = " ".join(" ".join(c.text.split()) for c in corpus.chunks())
    sets = sorted(SETS_DIR.glob("*.jsonl"))
    assert len(sets) >= 3
    for path in sets:
        for case in load_answer_cases(path):
            for group in case.facts:
                for fact in group:
                    assert " ".join(fact.split()) in page, (path.name, case.id, fact)
