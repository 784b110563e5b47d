"""Refused questions grouped by meaning, across languages, so staff see which pointers to add.

"When does the bus leave?", "milloin bussi lähtee?" and "متى يأتي الباص؟" are one need. The
stored (redacted) texts are embedded with the bot's own multilingual model when staff ask, in a
thread; the vectors live only as long as the request (none are stored beside the question log).
Embeddings of one model share a common direction that makes every pair look alike; the vectors
are centred first (on the questions' own mean, or on the page's reference questions when there
are too few to have a mean of their own), then grouped by average-link clustering.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from index.embedders.base import Vectors

# Average cosine distance (after centring) below which questions are one group; measured on the
# staff-like set in bot/evaluation/pointer_set.json: every group of two or more held one topic.
CLUSTER_DISTANCE = 0.7
# Questions needed to centre on their own mean; fewer are centred on the page's reference questions
# (measured: with a handful of questions their own mean pulls apart what belongs together).
OWN_MEAN_FROM = 30


@dataclass
class Cluster:
    count: int  # times asked, all its questions together
    by_lang: dict[str, int]
    questions: list[tuple[str, str, int]]  # (text, language, times asked), most asked first
    covered_by: str | None = None  # the topic that already points residents somewhere, if any
    label: str = field(default="")


def cluster_questions(
    items: list[tuple[str, str, int]], vectors: Vectors, reference_mean: Vectors | None = None
) -> list[Cluster]:
    """Groups of refused questions, largest first. `items` are (text, language, count), `vectors` their embeddings."""
    if not items:
        return []
    if len(items) == 1:
        labels = np.array([1])
    else:
        # imported here: scipy's clustering (and scipy.spatial under it) costs every process that
        # loads the content desk a tenth of a second at start, and only staff's grouping uses it
        from scipy.cluster.hierarchy import fcluster, linkage

        mean = vectors.mean(axis=0) if len(items) >= OWN_MEAN_FROM or reference_mean is None else reference_mean
        centred = vectors - mean
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        labels = fcluster(linkage(centred / norms, "average", metric="cosine"), CLUSTER_DISTANCE, "distance")
    groups: dict[int, list[tuple[str, str, int]]] = {}
    for label, item in zip(labels.tolist(), items, strict=True):
        groups.setdefault(int(label), []).append(item)
    out = []
    for members in groups.values():
        members.sort(key=lambda m: (-m[2], m[0]))
        by_lang: Counter[str] = Counter()
        for _, lang, n in members:
            by_lang[lang] += n
        out.append(
            Cluster(
                count=sum(n for _, _, n in members),
                by_lang=dict(by_lang.most_common()),
                questions=members,
                label=members[0][0],
            )
        )
    return sorted(out, key=lambda c: (-c.count, c.label))
