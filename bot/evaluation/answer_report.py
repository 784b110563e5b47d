"""Plain-text rendering of an answer-level eval report."""

from __future__ import annotations

from bot.evaluation.answer_eval import AnswerReport, AnswerScores

_COLS = (
    ("n", "cases", "{:>4}"),
    ("pass", "passed", "{:>6}"),
    ("fact∈q", "fact_in_quote", "{:>6}"),
    ("facts", "facts", "{:>6}"),
    ("list", "lists", "{:>6}"),
    ("multi", "multi_part", "{:>6}"),
    ("short", "short", "{:>6}"),
    ("talk", "smalltalk", "{:>6}"),
    ("dialog", "dialogues", "{:>6}"),
    ("lang", "answer_language", "{:>6}"),
    ("refuse", "oos_refused", "{:>6}"),
    ("falsref", "false_refusals", "{:>7}"),
    ("verbat", "verbatim", "{:>6}"),
)


def _cell(value: float | int | None, fmt: str) -> str:
    if value is None:
        return fmt.format("-")
    if isinstance(value, float):
        return fmt.format(f"{value:.2f}" if value < 1 else "1")
    return fmt.format(value)


def _row(name: str, s: AnswerScores) -> str:
    values = s.to_dict()
    return f"{name:<6}" + " ".join(_cell(values[key], fmt) for _, key, fmt in _COLS)


def render_answer_table(report: AnswerReport, show_failures: bool = False) -> str:
    header = f"{'lang':<6}" + " ".join(fmt.format(h) for h, _, fmt in _COLS)
    lines = [header, "-" * len(header)]
    lines += [_row(lang, s) for lang, s in report.by_lang.items()]
    lines += ["-" * len(header), _row("all", report.overall)]
    lines.append(
        "pass: every check; fact∈q: answerable questions whose quotes hold every part's facts; facts/list/multi/"
        "short: those categories; talk: small talk in the right kind and language; dialog: last answer passes; "
        "lang: answer language right; refuse: out of scope refused; falsref: answerable refused."
    )
    if show_failures:
        lines += ["", "failures:"]
        for r in report.failures():
            turns = " → ".join(repr(t) for t in r.case.turns)
            lines.append(
                f"  {r.case.id} [{r.case.category}] {turns}: kind {r.kind} (want {r.case.kind}), "
                f"lang {r.lang} (want {r.case.lang}), facts {r.facts_found} quoted {r.quoted[:90]!r}"
            )
    return "\n".join(lines)
