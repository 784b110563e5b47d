"""Plain-text rendering of an eval report."""

from __future__ import annotations

from bot.evaluation.metrics import Scores
from bot.evaluation.runner import EvalReport

_COLS = (
    ("n", "questions", "{:>4}"),
    ("in", "in_scope", "{:>4}"),
    ("oos", "out_of_scope", "{:>4}"),
    ("R@1", "recall_at_1", "{:>6.3f}"),
    ("R@3", "recall_at_3", "{:>6.3f}"),
    ("MRR", "mrr", "{:>6.3f}"),
    ("quote", "quote_hit_rate", "{:>6.3f}"),
    ("refuse", "refusal_rate", "{:>6.3f}"),
    ("falseref", "false_refusal_rate", "{:>8.3f}"),
    ("verbatim", "verbatim_rate", "{:>8.3f}"),
)


def _row(name: str, s: Scores) -> str:
    values = s.to_dict()
    return f"{name:<8}" + " ".join(fmt.format(values[key]) for _, key, fmt in _COLS)


def render_table(report: EvalReport, show_failures: bool = False) -> str:
    widths = [len(fmt.format(0)) for _, _, fmt in _COLS]
    header = f"{'lang':<8}" + " ".join(f"{h:>{w}}" for (h, _, _), w in zip(_COLS, widths, strict=True))
    lines = [header, "-" * len(header)]
    lines += [_row(lang, s) for lang, s in report.by_lang.items()]
    lines += ["-" * len(header), _row("all", report.overall)]
    if report.by_document:
        lines += ["", f"{'document':<8}" + header[8:], "-" * len(header)]
        for doc, scores in report.by_document.items():
            lines.append(f"{doc}:")
            lines.append(_row("", scores))
    lines.append(
        "R@k: a top-k source contains the answering sentence; quote: the quote contains it; "
        "refuse: out-of-scope refused; falseref: in-scope refused. Per document: the document of the expected "
        "passage (of the quote for out-of-scope questions answered; (none): refused as expected)."
    )
    if show_failures:
        lines.append("")
        lines.append("failures:")
        for r in report.failures():
            lines.append(
                f"  [{r.case.lang}] {r.case.question!r}: answered={r.answered} rank={r.rank} "
                f"score={r.top_score:.3f} expected={r.case.answer!r}"
            )
    return "\n".join(lines)


def render_comparison(before: EvalReport, after: EvalReport) -> str:
    """Recall per language without and with the curated translations in the index."""
    lines = [f"{'lang':<8}{'R@1 without':>12}{'R@1 with':>10}{'R@3 without':>13}{'R@3 with':>10}"]
    for lang in after.by_lang:
        b, a = before.by_lang[lang], after.by_lang[lang]
        lines.append(
            f"{lang:<8}{b.recall_at_1:>12.3f}{a.recall_at_1:>10.3f}{b.recall_at_3:>13.3f}{a.recall_at_3:>10.3f}"
        )
    b, a = before.overall, after.overall
    lines.append(f"{'all':<8}{b.recall_at_1:>12.3f}{a.recall_at_1:>10.3f}{b.recall_at_3:>13.3f}{a.recall_at_3:>10.3f}")
    lines.append("without: index built from the Swedish corpus and thesaurus only; with: plus curated translations.")
    return "\n".join(lines)


def render_ablation(variants: dict[str, EvalReport]) -> str:
    """R@1 per language for each retrieval variant (the ranker's weights with channels switched off)."""
    names = list(variants)
    langs = list(next(iter(variants.values())).by_lang)
    lines = [f"{'lang':<8}" + "".join(f"{n:>14}" for n in names)]
    for lang in langs:
        lines.append(f"{lang:<8}" + "".join(f"{variants[n].by_lang[lang].recall_at_1:>14.3f}" for n in names))
    lines.append(f"{'all':<8}" + "".join(f"{variants[n].overall.recall_at_1:>14.3f}" for n in names))
    lines.append(
        "R@1 with the trained ranker's weights for the channels left out set to zero "
        "(types: answer-type matching, bot.chat.question_types)."
    )
    return "\n".join(lines)
