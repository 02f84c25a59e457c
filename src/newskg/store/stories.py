"""The same story twice in a store: near-identical articles found by an update, as a file build finds them.

A file build compares every article's word runs at once (``read.duplicates``). A store cannot hold the corpus
in memory, so it keeps each article's runs (hashed) in its SQLite index, with an index on the hash, and an
update compares only the articles it analysed with the articles that share a run. The rule is the file
build's: runs held by more than ``COMMON`` articles are stock phrases and pick no candidates (the comparison
itself counts every run). That makes a candidate depend on
the rest of the corpus, so an update also compares again the holders of every run that became common, or
stopped being common, with the change: then the pairs equal a file build's of the same articles, whatever
the order the articles came in.

The pairs are kept in the index (written in the update's transaction, so a killed update never leaves a pair
naming a missing article). A claim counts a story once: ``assign`` gives each statement the first article of
its story, as ``read.duplicates.story_of`` does in a file build.

An article stored before the store compared texts has no runs; the next build of its folder reads it anyway
(to see that it is unchanged) and fills them in (``missing``, ``add``).
"""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Iterable

from newskg.rdf.triples import article_iri
from newskg.rdf.vocab import NKG
from newskg.read.duplicates import COMMON, MIN_SHINGLES, near_identical, sizes_allow

SCHEMA = """
CREATE TABLE IF NOT EXISTS fingerprints(id INTEGER PRIMARY KEY, doc TEXT UNIQUE NOT NULL, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS shingles(id INTEGER, hash INTEGER, PRIMARY KEY (id, hash)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS shingles_by_hash ON shingles(hash);
CREATE TABLE IF NOT EXISTS same_stories(first TEXT, second TEXT, PRIMARY KEY (first, second)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS same_stories_by_second ON same_stories(second);
"""

_TEMP = """
CREATE TEMP TABLE IF NOT EXISTS story_dropped(hash INTEGER);
CREATE INDEX IF NOT EXISTS temp.story_dropped_by_hash ON story_dropped(hash);
CREATE TEMP TABLE IF NOT EXISTS story_fresh(id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS story_docs(id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS story_common(hash INTEGER PRIMARY KEY);
"""

# the runs of the fresh articles and the dropped versions whose holders crossed COMMON with this update
_CROSSED = """
SELECT t.hash FROM (SELECT hash FROM shingles WHERE id IN (SELECT id FROM story_fresh)
                    UNION SELECT hash FROM story_dropped) t
WHERE ((SELECT COUNT(*) FROM shingles s WHERE s.hash = t.hash) > :common) !=
      ((SELECT COUNT(*) FROM shingles s WHERE s.hash = t.hash AND s.id NOT IN (SELECT id FROM story_fresh))
       + (SELECT COUNT(*) FROM story_dropped d WHERE d.hash = t.hash) > :common)
"""

# for each article in story_docs, the articles it shares runs with and how many (stock phrases left out);
# CROSS JOIN keeps SQLite's loops in this order (from the few articles compared, never a scan of every run)
_SHARED = """
SELECT a.id, b.id, COUNT(*) FROM story_docs e
CROSS JOIN shingles a ON a.id = e.id
CROSS JOIN shingles b ON b.hash = a.hash AND b.id != a.id
WHERE a.hash NOT IN (SELECT hash FROM story_common) AND (a.id < b.id OR b.id NOT IN (SELECT id FROM story_docs))
GROUP BY a.id, b.id
"""


class Stories:
    """The index's record of each article's word runs and of the pairs of near-identical articles."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        db.executescript(SCHEMA + _TEMP)

    # -- fingerprints
    def add(self, doc: str, runs: frozenset[int]) -> None:
        """Keep an article's runs (an article of fewer than MIN_SHINGLES is never the same story)."""
        cursor = self.db.execute("INSERT INTO fingerprints(doc, size) VALUES (?, ?)", (doc, len(runs)))
        if len(runs) >= MIN_SHINGLES:
            self.db.executemany("INSERT INTO shingles VALUES (?, ?)", [(cursor.lastrowid, run) for run in runs])
        self.db.execute("INSERT INTO story_fresh VALUES (?)", (cursor.lastrowid,))  # to compare at the relink

    def drop(self, docs: Iterable[str]) -> None:
        """Forget these articles' runs, noting them: a run they held may stop being a stock phrase."""
        for doc in docs:
            row = self.db.execute("SELECT id FROM fingerprints WHERE doc = ?", (doc,)).fetchone()
            if row is not None:
                self.db.execute("INSERT INTO story_dropped SELECT hash FROM shingles WHERE id = ?", row)
                self.db.execute("DELETE FROM shingles WHERE id = ?", row)
                self.db.execute("DELETE FROM fingerprints WHERE id = ?", row)
                self.db.execute("DELETE FROM story_fresh WHERE id = ?", row)

    def missing(self) -> set[str]:
        """The articles stored without runs (by a newskg that did not compare texts)."""
        return {doc for (doc,) in self.db.execute(
            "SELECT doc FROM articles WHERE doc NOT IN (SELECT doc FROM fingerprints)")}

    # -- pairs
    def relink(self, removed: Iterable[str], everything: bool) -> tuple[set[str], set[str], list[tuple[str, str]]]:
        """Compare the articles fingerprinted since the last relink (all of them if ``everything``) and the
        holders of runs that crossed COMMON; replace their pairs. Returns the articles whose links changed,
        the articles whose story (first article of their group) changed, and the new pairs."""
        db = self.db
        db.execute("DELETE FROM story_docs")
        if everything:
            db.execute("INSERT INTO story_docs SELECT id FROM fingerprints")
        else:
            crossed = [row[0] for row in db.execute(_CROSSED, {"common": COMMON})]
            db.execute("INSERT INTO story_docs SELECT id FROM story_fresh")
            db.executemany("INSERT OR IGNORE INTO story_docs SELECT id FROM shingles WHERE hash = ?",
                           [(h,) for h in crossed])
        db.execute("DELETE FROM story_common")
        db.execute("INSERT INTO story_common SELECT hash FROM shingles WHERE hash IN (SELECT a.hash FROM story_docs e "
                   "CROSS JOIN shingles a ON a.id = e.id) GROUP BY hash HAVING COUNT(*) > ?", (COMMON,))
        found = self._near_identical()
        docs = {doc for (doc,) in db.execute("SELECT f.doc FROM fingerprints f JOIN story_docs e ON f.id = e.id")}
        old = self._pairs_touching(docs | set(removed), everything)
        touched = {doc for pair in old ^ found for doc in pair}
        before = self.components(touched)
        db.executemany("DELETE FROM same_stories WHERE first = ? AND second = ?", sorted(old - found))
        db.executemany("INSERT INTO same_stories VALUES (?, ?)", sorted(found - old))
        after = self.components(touched | set(before))
        for table in ("story_dropped", "story_fresh", "story_docs", "story_common"):
            db.execute(f"DELETE FROM {table}")
        moved = {doc for doc in set(before) | set(after) if before.get(doc) != after.get(doc)}
        return touched, moved, sorted(found - old)

    def _near_identical(self) -> set[tuple[str, str]]:
        """The pairs (first < second) among and around story_docs that pass the file build's rule."""
        sizes = {id_: (doc, size) for id_, doc, size in self.db.execute("SELECT id, doc, size FROM fingerprints")}
        found = set()
        for first, second, _ in self.db.execute(_SHARED).fetchall():
            (a, size_a), (b, size_b) = sizes[first], sizes[second]
            if sizes_allow(size_a, size_b) and near_identical(self._shared_runs(first, second), size_a, size_b):
                found.add((min(a, b), max(a, b)))
        return found

    def _shared_runs(self, first: int, second: int) -> int:
        """How many runs two articles share, stock phrases included."""
        return self.db.execute("SELECT COUNT(*) FROM shingles a CROSS JOIN shingles b ON b.hash = a.hash "
                               "WHERE a.id = ? AND b.id = ?", (first, second)).fetchone()[0]

    def _pairs_touching(self, docs: set[str], everything: bool) -> set[tuple[str, str]]:
        if everything:
            return set(self.db.execute("SELECT first, second FROM same_stories"))
        return {pair for doc in docs for pair in self.db.execute(
            "SELECT first, second FROM same_stories WHERE first = ?1 OR second = ?1", (doc,))}

    def partners(self, doc: str) -> list[str]:
        return sorted(other for (other,) in self.db.execute(
            "SELECT second FROM same_stories WHERE first = ?1 UNION SELECT first FROM same_stories WHERE second = ?1",
            (doc,)))

    def links(self, doc: str) -> list[tuple]:
        """The article's ``nkg:sameStoryAs`` triples (its side of each pair; the other side is the other's)."""
        return [(article_iri(doc), NKG.sameStoryAs, article_iri(other)) for other in self.partners(doc)]

    def components(self, docs: Iterable[str]) -> dict[str, str]:
        """Each of ``docs`` that has a pair, and every article linked to it -> the first article (in sort
        order) of its group: the story it tells (``read.duplicates.story_of``)."""
        story: dict[str, str] = {}
        for doc in sorted(docs):
            if doc in story:
                continue
            group, frontier = {doc}, [doc]
            while frontier:
                found = {other for one in frontier for other in self.partners(one)} - group
                group |= found
                frontier = sorted(found)
            if len(group) > 1:
                story.update((member, min(group)) for member in group)
        return story

    def all_docs(self) -> set[str]:
        """Every article that has a pair."""
        return {doc for row in self.db.execute("SELECT first, second FROM same_stories") for doc in row}

    def pairs(self) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT first, second FROM same_stories ORDER BY first, second"))

    def assign(self, rows: list[tuple[str, object]]) -> list:
        """Claim statements (with the id of their article) with the story each one's article tells."""
        story = self.components({doc for doc, _ in rows})
        return [replace(s, story=article_iri(story[doc])) if doc in story else s for doc, s in rows]
