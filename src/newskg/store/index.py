"""The persistent store's bookkeeping, in SQLite: what each article contributed to the corpus.

An update must touch only what it changes, so this index answers, without
loading the corpus: which local entities share a name with these ones (slots),
which persons share a surname, which local entities belong to a global entity,
which claim statements share a kind and subject (a bucket), and which triples
of the corpus-wide graphs each entity, role or claim bucket wrote (lines, so
they can be taken out again). SQLite is in the standard library, answers
these lookups from indexes, and commits all of an update or none of it.
"""
from __future__ import annotations

import json
import pickle
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Iterable

from newskg.extract.entities import LocalEntity, match_slots, surname_word
from newskg.model import EntityType
from newskg.store.stories import Stories

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(doc TEXT PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes(doc TEXT, idx INTEGER, type TEXT, surfaces TEXT, entity TEXT,
                                 PRIMARY KEY (doc, idx));
CREATE INDEX IF NOT EXISTS nodes_by_entity ON nodes(entity);
CREATE TABLE IF NOT EXISTS slots(slot TEXT, doc TEXT, idx INTEGER);
CREATE INDEX IF NOT EXISTS slots_by_slot ON slots(slot);
CREATE INDEX IF NOT EXISTS slots_by_doc ON slots(doc);
CREATE TABLE IF NOT EXISTS surnames(word TEXT, doc TEXT, idx INTEGER);
CREATE INDEX IF NOT EXISTS surnames_by_word ON surnames(word);
CREATE INDEX IF NOT EXISTS surnames_by_doc ON surnames(doc);
CREATE TABLE IF NOT EXISTS uses(doc TEXT, owner TEXT);
CREATE INDEX IF NOT EXISTS uses_by_owner ON uses(owner);
CREATE INDEX IF NOT EXISTS uses_by_doc ON uses(doc);
CREATE TABLE IF NOT EXISTS statements(doc TEXT, fact TEXT, bucket TEXT, data BLOB);
CREATE INDEX IF NOT EXISTS statements_by_bucket ON statements(bucket);
CREATE INDEX IF NOT EXISTS statements_by_doc ON statements(doc);
CREATE TABLE IF NOT EXISTS fact_counts(doc TEXT, kind TEXT, n INTEGER);
CREATE INDEX IF NOT EXISTS fact_counts_by_doc ON fact_counts(doc);
CREATE TABLE IF NOT EXISTS entity_types(entity TEXT PRIMARY KEY, type TEXT);
CREATE TABLE IF NOT EXISTS claim_counts(bucket TEXT PRIMARY KEY, claims INTEGER, conflicts INTEGER);
CREATE TABLE IF NOT EXISTS lines(owner TEXT, line TEXT);
CREATE INDEX IF NOT EXISTS lines_by_owner ON lines(owner);
"""

NodeId = tuple  # (doc, idx)


class StoreIndex:
    def __init__(self, path: Path):
        self.db = sqlite3.connect(str(path), isolation_level="DEFERRED")
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.stories = Stories(self.db)  # the articles' word runs and the near-identical pairs

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    # -- articles
    def articles(self) -> dict[str, tuple[str, str]]:
        """doc -> (sha256, source) of every article in the store."""
        return {doc: (sha, source) for doc, sha, source in self.db.execute("SELECT doc, sha256, source FROM articles")}

    def sha_of(self, doc: str) -> str | None:
        """The SHA-256 of the text of the article version the store holds (None if it holds none)."""
        row = self.db.execute("SELECT sha256 FROM articles WHERE doc = ?", (doc,)).fetchone()
        return row[0] if row else None

    def add_article(self, doc: str, sha256: str, source: str, entities: list[LocalEntity], uses: Iterable[str],
                    fact_kinds: Counter, runs: frozenset[int]) -> None:
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?)", (doc, sha256, source))
        self.db.executemany("INSERT INTO fact_counts VALUES (?, ?, ?)", [(doc, k, n) for k, n in fact_kinds.items()])
        self.db.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?, NULL)",
                            [(doc, i, e.type.value, json.dumps(sorted(e.surfaces.items()), ensure_ascii=False))
                             for i, e in enumerate(entities)])
        self.db.executemany("INSERT INTO slots VALUES (?, ?, ?)",
                            [(slot, doc, i) for i, e in enumerate(entities) for slot in match_slots(e)])
        self.db.executemany("INSERT INTO surnames VALUES (?, ?, ?)",
                            [(word, doc, i) for i, e in enumerate(entities) if (word := surname_word(e))])
        self.db.executemany("INSERT INTO uses VALUES (?, ?)", [(doc, owner) for owner in sorted(set(uses))])
        self.stories.add(doc, runs)

    def drop_articles(self, docs: Iterable[str], keep_row: bool = False) -> None:
        """Forget what these articles contributed (before they are added again, or for good)."""
        docs = list(docs)
        rows = [(doc,) for doc in docs]
        tables = ["nodes", "slots", "surnames", "uses", "statements", "fact_counts"] + ([] if keep_row else ["articles"])
        for table in tables:
            self.db.executemany(f"DELETE FROM {table} WHERE doc = ?", rows)
        self.stories.drop(docs)

    # -- entity resolution
    def _for_each(self, query: str, values: Iterable[str]) -> set:
        """The union of the rows ``query`` (one ``?`` parameter) gives for each value; one-column rows as values."""
        found = set()
        for value in values:
            found.update(row[0] if len(row) == 1 else tuple(row) for row in self.db.execute(query, (value,)))
        return found

    def entity_keys_of(self, docs: Iterable[str]) -> set[str]:
        return self._for_each("SELECT entity FROM nodes WHERE doc = ? AND entity IS NOT NULL", docs)

    def uses_of(self, docs: Iterable[str]) -> set[str]:
        return self._for_each("SELECT owner FROM uses WHERE doc = ?", docs)

    def is_used(self, owner: str) -> bool:
        return self.db.execute("SELECT 1 FROM uses WHERE owner = ? LIMIT 1", (owner,)).fetchone() is not None

    def nodes_of_docs(self, docs: Iterable[str]) -> set[NodeId]:
        return self._for_each("SELECT doc, idx FROM nodes WHERE doc = ?", docs)

    def nodes_of_keys(self, keys: Iterable[str]) -> set[NodeId]:
        return self._for_each("SELECT doc, idx FROM nodes WHERE entity = ?", keys)

    def all_nodes(self) -> set[NodeId]:
        return {tuple(n) for n in self.db.execute("SELECT doc, idx FROM nodes")}

    def reach(self, seeds: set[NodeId]) -> set[NodeId]:
        """Every local entity that resolution could join with ``seeds``: the closure over shared global
        entity, shared name (slot) and shared surname. Resolving just these gives the same answer for
        them as resolving the whole corpus. Each step is a few joins on temporary tables."""
        links = (("entity", "nodes"), ("slot", "slots"), ("word", "surnames"))
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS reach_nodes(doc TEXT, idx INTEGER)")
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS new_links(value TEXT PRIMARY KEY)")
        for column, _ in links:
            self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS seen_{column}(value TEXT PRIMARY KEY)")
            self.db.execute(f"DELETE FROM seen_{column}")
        found: set[NodeId] = set()
        frontier = set(seeds)
        while frontier:
            found |= frontier
            self.db.execute("DELETE FROM reach_nodes")
            self.db.executemany("INSERT INTO reach_nodes VALUES (?, ?)", sorted(frontier))
            reached: set[NodeId] = set()
            for column, table in links:
                reached |= self._follow(column, table)
            frontier = reached - found
        return found

    def _follow(self, column: str, table: str) -> set[NodeId]:
        """The nodes that share a value of ``column`` (entity, slot, surname) with the nodes in reach_nodes,
        through values not followed before."""
        self.db.execute("DELETE FROM new_links")
        self.db.execute(f"INSERT OR IGNORE INTO new_links SELECT t.{column} FROM {table} t "
                        f"JOIN reach_nodes r ON t.doc = r.doc AND t.idx = r.idx WHERE t.{column} IS NOT NULL "
                        f"AND t.{column} NOT IN (SELECT value FROM seen_{column})")
        self.db.execute(f"INSERT INTO seen_{column} SELECT value FROM new_links")
        return {tuple(n) for n in self.db.execute(
            f"SELECT doc, idx FROM {table} WHERE {column} IN (SELECT value FROM new_links)")}

    def local_entities(self, nodes: set[NodeId] | None = None) -> list[tuple[str, int, LocalEntity, str | None]]:
        """(doc, idx, entity, current global key) for these nodes (all if None), by document, then index."""
        if nodes is None:
            rows = self.db.execute("SELECT doc, idx, type, surfaces, entity FROM nodes ORDER BY doc, idx")
        else:
            query = "SELECT doc, idx, type, surfaces, entity FROM nodes WHERE doc = ? AND idx = ?"
            rows = [self.db.execute(query, node).fetchone() for node in sorted(nodes)]
        return [(doc, idx, LocalEntity(EntityType(kind), Counter(dict(json.loads(surfaces)))), key)
                for doc, idx, kind, surfaces, key in rows]

    def set_keys(self, keys: dict[NodeId, str]) -> None:
        self.db.executemany("UPDATE nodes SET entity = ? WHERE doc = ? AND idx = ?",
                            [(key, doc, idx) for (doc, idx), key in keys.items()])

    def keys_of_doc(self, doc: str) -> dict[NodeId, str]:
        return {(doc, idx): key for idx, key in self.db.execute("SELECT idx, entity FROM nodes WHERE doc = ?", (doc,))}

    # -- claims
    def buckets_of(self, docs: Iterable[str]) -> set[str]:
        return self._for_each("SELECT bucket FROM statements WHERE doc = ?", docs)

    def replace_statements(self, doc: str, statements: list) -> set[str]:
        """Put this article's claim statements in place of its old ones; the buckets of both."""
        buckets = self.buckets_of([doc])
        self.db.execute("DELETE FROM statements WHERE doc = ?", (doc,))
        rows = [(doc, str(s.fact), bucket_of(s), pickle.dumps(s, protocol=pickle.HIGHEST_PROTOCOL))
                for s in statements]
        self.db.executemany("INSERT INTO statements VALUES (?, ?, ?, ?)", rows)
        return buckets | {row[2] for row in rows}

    def statements_in(self, bucket: str) -> list:
        """The bucket's claim statements, each with the story its article tells (copies count once)."""
        rows = self.db.execute("SELECT doc, data FROM statements WHERE bucket = ? ORDER BY doc, fact", (bucket,))
        return self.stories.assign([(doc, pickle.loads(data)) for doc, data in rows])

    # -- counts for a summary (a count over the whole store in SPARQL takes seconds at 10,000 articles)
    def set_entity_type(self, key: str, entity_type: str | None) -> None:
        if entity_type is None:
            self.db.execute("DELETE FROM entity_types WHERE entity = ?", (key,))
        else:
            self.db.execute("INSERT OR REPLACE INTO entity_types VALUES (?, ?)", (key, entity_type))

    def set_claim_counts(self, bucket: str, claims: int, conflicts: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO claim_counts VALUES (?, ?, ?)", (bucket, claims, conflicts))

    def summary(self) -> dict:
        count = self.db.execute
        claims, conflicts = count("SELECT COALESCE(SUM(claims), 0), COALESCE(SUM(conflicts), 0) "
                                  "FROM claim_counts").fetchone()
        return {
            "articles": count("SELECT COUNT(*) FROM articles").fetchone()[0],
            "entities": dict(count("SELECT type, COUNT(*) FROM entity_types GROUP BY type ORDER BY type")),
            "facts": dict(count("SELECT kind, SUM(n) FROM fact_counts GROUP BY kind ORDER BY kind")),
            "claims": claims,
            "conflicts": conflicts,
        }

    # -- triples of the corpus-wide graphs
    def lines_of(self, owner: str) -> set[str]:
        return {line for (line,) in self.db.execute("SELECT line FROM lines WHERE owner = ?", (owner,))}

    def set_lines(self, owner: str, lines: set[str]) -> None:
        self.db.execute("DELETE FROM lines WHERE owner = ?", (owner,))
        self.db.executemany("INSERT INTO lines VALUES (?, ?)", [(owner, line) for line in sorted(lines)])

    def clear_lines(self) -> None:
        self.db.execute("DELETE FROM lines")

    def all_owners(self) -> set[str]:
        """Every role, country, claim bucket and article with a same-story link: what writes into the
        corpus-wide graphs (entities aside)."""
        owners = {o for (o,) in self.db.execute("SELECT DISTINCT owner FROM uses")}
        owners.update(f"claims:{b}" for (b,) in self.db.execute("SELECT DISTINCT bucket FROM statements"))
        owners.update(f"story:{doc}" for doc in self.stories.all_docs())
        return owners


def bucket_of(statement) -> str:
    """Claims are grouped within one kind and one subject: the unit an update recomputes."""
    return f"{statement.kind}|{statement.subject}"
