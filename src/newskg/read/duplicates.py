"""The same story twice: near-identical article texts (a wire story republished by several outlets, one page
saved as .txt and as .html).

Exact copies never get here (the corpus stage reads a text once). Near copies are found by word shingles:
each article's body becomes the set of its five-word runs, and two articles whose sets overlap by
``THRESHOLD`` (Jaccard, over all their runs) or more tell the same story. Candidates come from an inverted
index over the shingles, so only articles that share a run are compared; runs found in many articles (stock
phrases) pick no candidates, which keeps the work near linear in the corpus, but they still count in the
comparison: leaving them out of the shared runs only (as was done) kept an article more than a fifth
boilerplate from ever matching even its exact copy.

A run is hashed with BLAKE2b, not Python's ``hash()`` (salted per process): a persistent store compares
articles analysed in other processes and other runs, and must find what a file build finds.
"""
from __future__ import annotations

import hashlib
import re
import struct
from collections import defaultdict

from newskg.model import Article

SHINGLE_WORDS = 5
THRESHOLD = 0.7  # one page saved twice or a lightly edited wire copy: well above; two reports of one event: far below
MIN_SHINGLES = 5  # fewer runs than this says too little to call two texts the same story
COMMON = 50  # a run in more articles than this is a stock phrase, not evidence


def shingles(article: Article) -> frozenset[int]:
    """The article body's five-word runs (case and punctuation ignored), hashed."""
    words = re.findall(r"\w+", " ".join(span.text for span in article.body).casefold())
    count = len(words) - SHINGLE_WORDS + 1
    if count <= 0:
        return frozenset()
    text = " ".join(words).encode("utf-8")  # a run is a slice of it: no join and encode per run
    starts = [0]
    for word in words:
        starts.append(starts[-1] + len(word.encode("utf-8")) + 1)
    blake2b = hashlib.blake2b
    digests = b"".join(blake2b(text[starts[i]:starts[i + SHINGLE_WORDS] - 1], digest_size=8).digest()
                       for i in range(count))
    return frozenset(struct.unpack(f">{count}q", digests))  # signed 64-bit: SQLite stores them as INTEGERs


def near_identical(shared: int, size: int, other_size: int) -> bool:
    """Two bodies of ``size`` and ``other_size`` runs sharing ``shared`` runs tell the same story: the rule
    both builds apply."""
    return shared / (size + other_size - shared) >= THRESHOLD


def sizes_allow(size: int, other_size: int) -> bool:
    """Whether two bodies of these sizes can be near-identical at all (Jaccard is at most small / large): a
    cheap test before the runs are counted."""
    return min(size, other_size) >= THRESHOLD * max(size, other_size)


def same_story_pairs(articles: list[Article]) -> list[tuple[str, str]]:
    """Pairs of doc ids (first < second, sorted) whose bodies are near-identical."""
    docs = sorted((a.doc_id, shingles(a)) for a in articles)
    docs = [(doc, runs) for doc, runs in docs if len(runs) >= MIN_SHINGLES]
    holders: dict[int, list[int]] = defaultdict(list)
    for position, (_, runs) in enumerate(docs):
        for run in runs:
            holders[run].append(position)
    shared: set[tuple[int, int]] = set()  # candidates: pairs that share a run that is no stock phrase
    for positions in holders.values():
        if 1 < len(positions) <= COMMON:
            for i, first in enumerate(positions):
                shared.update((first, second) for second in positions[i + 1:])
    pairs = []
    for first, second in shared:
        (doc_a, runs_a), (doc_b, runs_b) = docs[first], docs[second]
        if sizes_allow(len(runs_a), len(runs_b)) and near_identical(len(runs_a & runs_b), len(runs_a), len(runs_b)):
            pairs.append((doc_a, doc_b))
    return sorted(pairs)


def story_of(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Each doc id in a pair -> the first doc id (in sort order) of its group of near-identical articles."""
    parent: dict[str, str] = {}

    def root(doc: str) -> str:
        while parent.get(doc, doc) != doc:
            doc = parent[doc]
        return doc

    for first, second in pairs:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {doc: root(doc) for pair in pairs for doc in pair}
