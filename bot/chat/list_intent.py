"""Whether a question asks for all the items under a heading rather than for one of them.

"Vilka områden satsar kommunen på?", "what are the main things the municipality focuses on?"
carry no list word ("list", "vilka är") and no count ("how many"), yet want the six directions,
not the one the ranker puts first. A logistic model over the question's embedding, trained by
`kiruna-bot scope train` on list questions and ordinary ones from the training set
(`bot/evaluation/training/`), reads that shape in any language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.chat.model_file import JsonModel

log = logging.getLogger(__name__)
DEFAULT_LIST_MODEL = Path(__file__).resolve().parents[1] / "models" / "lists.json"


@dataclass
class ListModel(JsonModel):
    embedder_id: str
    weights: list[float]
    bias: float
    threshold: float = 0.0
    trained_on: str = ""

    def score(self, query: npt.NDArray[np.float32]) -> float:
        """Log-odds that the question asks for a whole list."""
        return float(query.astype(np.float64) @ np.asarray(self.weights) + self.bias)

    def asks_for_list(self, query: npt.NDArray[np.float32]) -> bool:
        return self.score(query) >= self.threshold


def load_list_model(path: Path, embedder_id: str) -> ListModel | None:
    """The trained model for this embedder, or None (list words and counts still make lists)."""
    if not path.exists():
        log.warning("no list model at %s; run `kiruna-bot scope train`", path)
        return None
    model = ListModel.load(path)
    if model.embedder_id != embedder_id:
        log.warning("list model was trained for %s, not %s; not used", model.embedder_id, embedder_id)
        return None
    return model
