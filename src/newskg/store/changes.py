"""What one store update changed: the bookkeeping the update carries (``Pending``) and what it tells the
user (``UpdateReport``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from newskg.errors import InputError
from newskg.store.cache import TooSlow


@dataclass
class Pending:
    """What one update changed: the articles, and what the corpus-wide graphs must show anew."""

    entities: dict = field(default_factory=dict)  # global key -> Entity, or None when it is gone
    owners: set[str] = field(default_factory=set)  # "role:..", "country:..", "claims:<bucket>"
    fresh: set[str] = field(default_factory=set)  # articles analysed in this update
    removed: set[str] = field(default_factory=set)
    old_keys: set[str] = field(default_factory=set)  # global entities the changed articles belonged to
    rewritten: set[str] = field(default_factory=set)  # article graphs written
    lines: set[str] = field(default_factory=set)  # the new triples of the owners, as N-Quads
    stale: set[str] = field(default_factory=set)  # cache files to delete once the index is committed


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    rewritten: int = 0
    skipped: list[InputError] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # article id -> its file, for the removed ones
    same_stories: list[str] = field(default_factory=list)  # near-identical articles found ("a.txt and b.txt")

    def skip(self, slow: TooSlow) -> None:
        """An article read but given up: reported, and counted neither added nor changed."""
        self.skipped.append(slow.error)
        for docs in (self.added, self.changed):
            if slow.doc_id in docs:
                docs.remove(slow.doc_id)

    def summary(self) -> dict:
        return {"added": len(self.added), "changed": len(self.changed), "unchanged": self.unchanged,
                "removed": len(self.removed), "graphs rewritten": self.rewritten,
                "skipped": [str(e) for e in self.skipped]} | \
            ({"same story (claims count each as one source)": self.same_stories} if self.same_stories else {})
