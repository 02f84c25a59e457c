"""The corpus stage's first step, shared by the file build and the store: which articles read enter the corpus.

Every article read gets one verdict: a new article, a changed one (its id is known with another text), an
unchanged one (same id, same text), or a duplicate (the same text as another article, read once). Ids are
file stems made unique ("report", "report-2") so that two files with the same stem stay two articles. A file
build starts with nothing known; a store starts with what its index holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator

from newskg.errors import InputError, NewskgError
from newskg.model import Article


class Verdict(str, Enum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"


@dataclass
class Admission:
    """Admits articles one by one against what the corpus already holds.

    ``known`` maps each id already in the corpus to (sha256 of its text, source file name).
    """

    known: dict[str, tuple[str, str]] = field(default_factory=dict)
    _claimed: set[str] = field(default_factory=set)
    _first_source: dict[str, str] = field(default_factory=dict)  # sha256 -> source read first in this run
    _known_by_hash: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._known_by_hash = {sha: doc for doc, (sha, _) in self.known.items()}

    def admit(self, article: Article) -> tuple[Verdict, Article | InputError]:
        """The verdict on one article, and the article with its corpus id (or the duplicate's notice)."""
        doc_id = self._unique_id(article)
        if doc_id in self.known and self.known[doc_id][0] == article.sha256:
            self._claimed.add(doc_id)
            return Verdict.UNCHANGED, article
        owner = self._first_source.get(article.sha256) or self._known_owner(article.sha256, doc_id)
        if owner is not None:  # a duplicate claims no id: ids do not depend on which copies were read
            return Verdict.DUPLICATE, InputError(article.source, f"same text as {owner}, read once")
        self._claimed.add(doc_id)
        self._first_source[article.sha256] = article.source
        verdict = Verdict.CHANGED if doc_id in self.known else Verdict.NEW
        return verdict, article if doc_id == article.doc_id else replace(article, doc_id=doc_id)

    def _unique_id(self, article: Article) -> str:
        """Its file stem, with a number added while another file holds that id."""
        doc_id, n = article.doc_id, 2
        while doc_id in self._claimed or (doc_id in self.known and self.known[doc_id][1] != article.source):
            doc_id, n = f"{article.doc_id}-{n}", n + 1
        return doc_id

    def _known_owner(self, sha256: str, doc_id: str) -> str | None:
        owner = self._known_by_hash.get(sha256)
        return self.known[owner][1] if owner not in (None, doc_id) else None


def admitted(items: Iterable[Article | InputError], admission: Admission, skipped: list[InputError],
             progress=None) -> Iterator[tuple[Verdict, Article]]:
    """The articles of ``items`` that enter the corpus, with their verdicts; unreadable ones and duplicates
    go to ``skipped``. ``progress``, if given, is called once per item."""
    for item in items:
        if progress:
            progress()
        if isinstance(item, InputError):
            skipped.append(item)
            continue
        verdict, result = admission.admit(item)
        if verdict is Verdict.DUPLICATE:
            skipped.append(result)
        else:
            yield verdict, result


def find_article(name: str, known: dict[str, tuple[str, str]]) -> str:
    """The one article ``name`` means: an id, a source ('a/report.txt'), a path ending in a source, or a
    file stem; an error when it means none or several."""
    path = Path(name).as_posix()
    if name in known:
        return name
    found = sorted(doc for doc, (_, source) in known.items() if path == source or path.endswith("/" + source))
    if not found:
        found = sorted(doc for doc in known if doc == Path(name).stem)
    if len(found) != 1:
        what = "no such article" if not found else \
            "several articles: " + ", ".join(known[doc][1] for doc in found) + " (name the file with its folder)"
        raise NewskgError(f"{name}: {what} in the store")
    return found[0]
