"""Eval questions: JSON lines of {id, lang, question, answer}; `answer` null means out of scope."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bot.storage.eval_cases import SavedCase

BUILTIN_EVAL_SET = Path(__file__).with_name("eval_set.jsonl")


@dataclass(frozen=True)
class EvalCase:
    id: str
    lang: str
    question: str
    answer: str | None  # the Swedish sentence that answers it, verbatim
    # trains the scope and list models only: the question asks for a whole list, not one passage
    scope_only: bool = False

    @property
    def in_scope(self) -> bool:
        return self.answer is not None


def load_cases(path: Path = BUILTIN_EVAL_SET) -> list[EvalCase]:
    cases: list[EvalCase] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            cases.append(
                EvalCase(
                    str(row["id"]),
                    str(row["lang"]),
                    str(row["question"]),
                    row.get("answer"),
                    bool(row.get("scope_only", False)),
                )
            )
        except (json.JSONDecodeError, KeyError) as exc:
            raise ValueError(f"{path}:{n}: not an eval case: {exc}") from exc
    return cases


def from_saved(saved: SavedCase) -> EvalCase:
    """A case staff saved in the console, run beside the built-in set."""
    return EvalCase(f"staff-{saved.id}", saved.lang, saved.question, saved.answer)
