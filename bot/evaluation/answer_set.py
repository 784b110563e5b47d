"""Answer-level eval cases: what a resident reads, not which chunk ranked first.

One JSON object per line:

- a single message: `{"id", "lang", "category", "question", "kind", "facts"}`;
- a dialogue: the same with `"turns": [...]` instead of `question`, judged on its last answer.

`kind` is what the answer must be (`answer`, `out_of_scope`, `smalltalk`, `clarification`); `lang`
the language it must be in; `facts` one group per part of the question, each a list of strings that
must all appear in the quoted (Swedish) text. `category` says what the case tests: fact, list,
multi, short, general, oos, smalltalk, dialogue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SETS_DIR = Path(__file__).with_name("sets")
DEV_SET = SETS_DIR / "dev.jsonl"
KINDS = frozenset({"answer", "out_of_scope", "smalltalk", "clarification"})


@dataclass(frozen=True)
class AnswerCase:
    id: str
    lang: str
    category: str
    turns: tuple[str, ...]
    kind: str
    facts: tuple[tuple[str, ...], ...]

    @property
    def question(self) -> str:
        return self.turns[-1]

    @property
    def is_dialogue(self) -> bool:
        return len(self.turns) > 1


def is_answer_set(path: Path) -> bool:
    """Whether a JSONL file holds answer-level cases (with `facts`) rather than chunk-level ones."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            return "facts" in json.loads(line)
    return False


def load_answer_cases(path: Path = DEV_SET) -> list[AnswerCase]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            turns = row.get("turns") or [row["question"]]
            kind = str(row["kind"])
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r}")
            cases.append(
                AnswerCase(
                    id=str(row["id"]),
                    lang=str(row["lang"]),
                    category=str(row["category"]),
                    turns=tuple(str(t) for t in turns),
                    kind=kind,
                    facts=tuple(tuple(str(f) for f in group) for group in row.get("facts", [])),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{n}: not an answer case: {exc}") from exc
    return cases
