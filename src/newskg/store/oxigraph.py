"""The persistent store: the graph in an embedded Oxigraph database, updated article by article.

Layout of a store folder::

    DIR/oxigraph/          the RocksDB triple store (one named graph per article, entities, claims)
    DIR/cache/<hash>.pickle each article's graph with placeholder entity IRIs and its claim statements
                           (see ``store_cache``), to rewrite it when its entities change IRI
    DIR/index.sqlite       what each article contributed (see ``store_index``)

Only new or changed articles (by SHA-256 of their text) are analysed, in
worker processes. Entity resolution then runs over the part of the corpus
those articles can reach (shared names and surnames, see
``StoreIndex.reach``); an article whose entities changed IRI is rewritten from
its cache; in the entities and claims graphs only the triples of the entities
touched and of the claim buckets (kind, subject) touched are replaced. So the
store always equals a full build of the same articles, and adding one article
to a large store costs about as much as the article.
"""
from __future__ import annotations

import os
import pickle
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from typing import Iterator

from newskg.rdf.claims import claim_triples, find_conflicts, group_claims
from newskg.corpus import Admission, Verdict, admitted, find_article
from newskg.extract.entities import resolve_nodes
from newskg.errors import InputError, NewskgError
from newskg.read.duplicates import shingles
from newskg.read.inputs import RecordFields, iter_articles
from newskg.model import Article
from newskg.rdf.triples import article_iri, bare_country, constant_triples, entity_iri, one_entity_triples, role_triples
from newskg.store.cache import (LOCAL_IRI, AnalysedArticle, CachedArticle, TooSlow, analyse_for_store, globalise,
                                nquad_lines)
from newskg.store.changes import Pending as _Pending, UpdateReport
from newskg.store.index import StoreIndex
from newskg.store.repair import cache_name, check_not_interrupted, kill_point, sweep_cache, update_marker
from newskg.rdf.vocab import CLAIMS_GRAPH, ENTITIES_GRAPH, RDF

BATCH = 1000  # article graphs written per bulk load
WINDOW = 256  # articles read ahead of the workers
VALIDATION_SAMPLE = 100  # article graphs validated after an update (all of them when it wrote fewer)


class PersistentStore:
    def __init__(self, folder: str | Path, read_only: bool = False):
        import pyoxigraph

        self.folder = Path(folder)
        self.read_only = read_only
        db = self.folder / "oxigraph"
        if read_only and not db.exists():
            raise NewskgError(f"{self.folder}: no newskg store here (create one with 'newskg build --store')")
        if read_only:
            check_not_interrupted(self.folder)
        if (self.folder / "state.pickle").exists():
            raise NewskgError(f"{self.folder}: a store made by an older newskg; build the articles into a new folder")
        try:
            if not read_only:
                db.mkdir(parents=True, exist_ok=True)
            self.store = pyoxigraph.Store.read_only(str(db)) if read_only else pyoxigraph.Store(str(db))
        except OSError as err:
            raise NewskgError(f"{self.folder}: cannot open the store ({err})") from None
        self._index: StoreIndex | None = None
        self._pending = _Pending()
        self.last_change = _Pending()  # what the last update wrote, for validation

    @property
    def index(self) -> StoreIndex:
        if self._index is None:
            self._index = StoreIndex(self.folder / "index.sqlite")
        return self._index

    def _cache_path(self, doc_id: str, sha256: str) -> Path:
        return self.folder / "cache" / cache_name(doc_id, sha256)

    # -- updates
    def update(self, paths: list[str | Path], jobs: int = 0, fields: RecordFields = RecordFields(),
               progress=None, lang_code: str | None = None, article_seconds: float = 0) -> UpdateReport:
        """Add new and changed articles under ``paths``; leave unchanged ones alone. An article whose
        analysis takes more than ``article_seconds`` (0: no bound) is reported as skipped."""
        report = UpdateReport()
        with update_marker(self.folder, self._recover):
            articles = self._to_analyse(paths, fields, lang_code, report, progress)
            for analysed in self._analyse(articles, jobs, article_seconds):
                if isinstance(analysed, TooSlow):
                    report.skip(analysed)
                else:
                    self._record(analysed)
            kill_point("after-analysis")
            self._finish(report)
        return report

    def _to_analyse(self, paths, fields, lang_code, report: UpdateReport, progress) -> Iterator[Article]:
        """The new and changed articles under ``paths``, one at a time (read as the workers go on)."""
        known = self.index.articles()
        admission = Admission(known)
        missing = self.index.stories.missing()  # stored by a newskg that did not compare texts: compare them now
        unprinted = {known[doc]: doc for doc in missing}  # (an unchanged article comes with its file stem as id)
        for verdict, article in admitted(iter_articles(paths, fields, lang_code), admission, report.skipped, progress):
            if verdict is Verdict.UNCHANGED:
                report.unchanged += 1
                if (article.sha256, article.source) in unprinted:
                    self.index.stories.add(unprinted[article.sha256, article.source], shingles(article))
                continue
            (report.changed if verdict is Verdict.CHANGED else report.added).append(article.doc_id)
            yield article

    def remove(self, names: list[str]) -> UpdateReport:
        """Drop articles (by id, file name, or path ending in the file's path from the folder built) from
        the store; the report names each article removed with its source file."""
        report = UpdateReport()
        known = self.index.articles()
        for name in names:
            doc_id = find_article(name, known)
            report.removed.append(doc_id)
            report.sources[doc_id] = known[doc_id][1]
        with update_marker(self.folder, self._recover):
            self._forget(report.removed)
            for doc_id in report.removed:
                self.store.remove_graph(_node(article_iri(doc_id)))
                self._pending.stale.add(cache_name(doc_id, known[doc_id][0]))
            kill_point("after-remove-graphs")
            self._finish(report)
        return report

    def _recover(self) -> None:
        """Rewrite the store from the committed index and its cache files after a killed update (see
        ``store.repair``): drop every graph, sweep cache files of uncommitted versions, write all anew."""
        articles = self.index.articles()
        sweep_cache(self.folder / "cache", {cache_name(doc, sha) for doc, (sha, _) in articles.items()})
        known = {article_iri(doc) for doc in articles}
        for graph in list(self.store.named_graphs()):
            if graph.value not in known:
                self.store.remove_graph(graph)  # half-written articles and the corpus-wide graphs
        self.index.clear_lines()
        self._finish(UpdateReport(), recover=True)

    def _analyse(self, articles: Iterator[Article], jobs: int, seconds: float) -> Iterator[AnalysedArticle]:
        """Analyse articles in worker processes (when there are more than a few), in input order; each
        worker caches what it made. At most WINDOW articles wait in memory: memory stays flat."""
        (self.folder / "cache").mkdir(parents=True, exist_ok=True)
        first = list(islice(articles, 51))
        workers = jobs or (min(2, os.cpu_count() or 1) if len(first) > 50 else 1)
        work = ((article, self._cache_path(article.doc_id, article.sha256), seconds) for article in chain(first, articles))
        if workers == 1:
            yield from map(analyse_for_store, work)
            return
        pending: deque = deque()
        with ProcessPoolExecutor(workers) as pool:
            for job in work:
                pending.append(pool.submit(analyse_for_store, job))
                while len(pending) >= WINDOW or (pending and pending[0].done()):
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def _record(self, analysed: AnalysedArticle) -> None:
        """Put an analysed article in the index, in place of what an earlier version of it contributed."""
        old = self.index.sha_of(analysed.doc_id)
        if old is not None and old != analysed.sha256:
            self._pending.stale.add(cache_name(analysed.doc_id, old))
        self._forget([analysed.doc_id], keep_row=True)
        self.index.add_article(analysed.doc_id, analysed.sha256, analysed.source, analysed.entities,
                               analysed.uses, analysed.fact_kinds, analysed.runs)
        self._pending.fresh.add(analysed.doc_id)
        self._pending.owners |= analysed.uses

    def _forget(self, docs: list[str], keep_row: bool = False) -> None:
        """Drop what these articles contributed to the index, noting what it touched."""
        index, pending = self.index, self._pending
        pending.old_keys |= index.entity_keys_of(docs)
        pending.owners |= index.uses_of(docs) | {f"claims:{b}" for b in index.buckets_of(docs)}
        index.drop_articles(docs, keep_row=keep_row)
        if not keep_row:
            pending.removed |= set(docs)

    def _finish(self, report: UpdateReport, recover: bool = False) -> None:
        """Resolve the entities the recorded changes can reach, write every article graph whose content or
        entity IRIs changed, replace what changed in the entities and claims graphs, and commit."""
        index, pending = self.index, self._pending
        docs = index.articles()
        whole = recover or len(pending.fresh | pending.removed) * 10 > len(docs)  # then reaching costs more
        corpus, before = self._resolve(pending.fresh, pending.old_keys, whole)
        changed = {node: key for node, key in corpus.key_of.items() if before.get(node) != key}
        index.set_keys(changed)
        for key in pending.old_keys | set(before.values()) | set(corpus.entities):
            pending.entities[key] = corpus.entities.get(key)
        pending.rewritten = (pending.fresh | {doc for doc, _ in changed} | (set(docs) if recover else set())) \
            - pending.removed
        rewrite = sorted(pending.rewritten)
        for start in range(0, len(rewrite), BATCH):  # streamed from the cache: memory stays flat
            self._rewrite_articles(rewrite[start:start + BATCH])
        report.rewritten += len(rewrite)
        kill_point("after-rewrite")
        self._relink(report, whole)
        if recover:
            pending.owners |= index.all_owners()
        self._write_corpus_graphs()
        self.store.flush()
        if len(rewrite) > BATCH:
            self.store.optimize()  # compact after a big load: reads get faster (seconds at 10,000 articles)
        kill_point("before-commit")
        index.commit()
        kill_point("after-commit")
        for name in self._pending.stale:  # only now: until the commit, the index named these versions
            (self.folder / "cache" / name).unlink(missing_ok=True)
        self.last_change, self._pending = self._pending, _Pending()

    def _resolve(self, fresh, old_keys: set[str], everything: bool):
        """Resolve the part of the corpus that the change can reach: the new nodes, the old members of
        entities they belonged to, and whatever shares a name or surname with those. If a result
        lands on the key of an entity outside that part, that entity is pulled in too, so the two merge
        as they would in a full build."""
        index = self.index
        scope = index.all_nodes() if everything else index.reach(index.nodes_of_docs(fresh) |
                                                                 index.nodes_of_keys(old_keys))
        while True:
            rows = index.local_entities(None if everything else scope)
            corpus = resolve_nodes([(doc, idx, entity) for doc, idx, entity, _ in rows])
            outside = set() if everything else index.nodes_of_keys(corpus.entities) - scope
            if not outside:
                return corpus, {(doc, idx): key for doc, idx, _, key in rows if key is not None}
            scope |= index.reach(outside)

    def _relink(self, report: UpdateReport, everything: bool) -> None:
        """Find the near-identical articles the change makes or unmakes (``store.stories``); rewrite their
        links and the claim buckets of every article whose story changed."""
        index = self.index
        linked, moved, found = index.stories.relink(self._pending.removed, everything)
        self._pending.owners |= {f"story:{doc}" for doc in linked} | {f"claims:{b}" for b in index.buckets_of(moved)}
        sources = {doc: source for doc, (_, source) in index.articles().items()} if found else {}
        report.same_stories += [f"{sources[first]} and {sources[second]}" for first, second in found]

    def _rewrite_articles(self, docs: list[str]) -> None:
        """Write these article graphs from their cached templates with today's entity IRIs."""
        import pyoxigraph

        text = []
        for doc_id in docs:
            with self._cache_path(doc_id, self.index.sha_of(doc_id)).open("rb") as handle:
                cached: CachedArticle = pickle.load(handle)
            keys = self.index.keys_of_doc(doc_id)
            iris = [str(entity_iri(keys[(doc_id, i)])) for i in range(len(keys))]
            text.append(LOCAL_IRI.sub(lambda m: f"<{iris[int(m[1])]}>", cached.template))
            statements = [replace(s, subject=globalise(s.subject, iris), outlet=globalise(s.outlet, iris))
                          for s in cached.statements]
            buckets = self.index.replace_statements(doc_id, statements)
            self._pending.owners |= {f"claims:{b}" for b in buckets}
            self.store.remove_graph(_node(article_iri(doc_id)))
        self.store.bulk_load("".join(text).encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)

    def _write_corpus_graphs(self) -> None:
        """Replace the triples of every entity, role and claim bucket this update touched."""
        index, pending = self.index, self._pending
        owners: dict[str, set[str]] = {}
        entities = dict(pending.entities)
        for owner in sorted(pending.owners):
            kind, _, name = owner.partition(":")
            if kind == "role":
                owners[owner] = nquad_lines(role_triples(name), ENTITIES_GRAPH) if index.is_used(owner) else set()
            elif kind == "country" and f"country/{name}" not in entities \
                    and not index.nodes_of_keys([f"country/{name}"]):
                entities[f"country/{name}"] = None  # named only by facts, or no more
            elif kind == "story":
                owners[owner] = nquad_lines(index.stories.links(name), CLAIMS_GRAPH)
            elif kind == "claims":
                statements = index.statements_in(name)
                claims, conflicts = group_claims(statements), find_conflicts(statements)
                owners[owner] = nquad_lines(claim_triples(claims, conflicts), CLAIMS_GRAPH)
                index.set_claim_counts(name, len(claims), len(conflicts))
        for key, entity in entities.items():
            if entity is None and key.startswith("country/") and index.is_used(f"country:{key[8:]}"):
                entity = bare_country(key[8:])
            owners[f"entity:{key}"] = nquad_lines(one_entity_triples(entity), ENTITIES_GRAPH) if entity else set()
            index.set_entity_type(key, entity.type.value if entity is not None else None)
        if not index.lines_of("constant"):
            owners["constant"] = nquad_lines(constant_triples(), ENTITIES_GRAPH)
        removed, added = [], []
        keep_lines = len(pending.rewritten) <= VALIDATION_SAMPLE  # validated whole; else a sample of articles
        for owner, lines in sorted(owners.items()):
            if keep_lines:
                pending.lines |= lines
            old = index.lines_of(owner)
            removed.extend(old - lines)
            added.extend(lines - old)
            index.set_lines(owner, lines)
        self._apply(removed, added)

    def _apply(self, removed: list[str], added: list[str]) -> None:
        """Take lines out of the store and put lines in (N-Quads text: one parse for each)."""
        import pyoxigraph

        if removed:
            for quad in pyoxigraph.parse("".join(removed).encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS):
                self.store.remove(quad)
        if added:
            text = "".join(sorted(added)).encode("utf-8")
            loader = self.store.bulk_load if len(added) > 100_000 else self.store.load
            loader(text, format=pyoxigraph.RdfFormat.N_QUADS)

    # -- reading
    def last_change_for_validation(self, limit: int = VALIDATION_SAMPLE):
        """The triples the last update wrote, as an rdflib Graph, with the nodes to validate.

        Validating a whole store of 10,000 articles with pySHACL takes far too long for every update, so
        the focus is what changed: the article graphs rewritten (an even sample of ``limit`` of them when
        there are more, as after a first build) and the entities and claims rewritten. The graph holds
        the focus nodes' triples and, a few steps out, those of what they point at, so class checks
        see the types. Returns (graph, focus nodes, articles checked, articles rewritten)."""
        import pyoxigraph
        from rdflib import Graph

        from newskg.query.run import _from_ox

        docs = sorted(self.last_change.rewritten)
        sample = docs if len(docs) <= limit else [docs[i * len(docs) // limit] for i in range(limit)]
        written = [q for doc in sample for q in self.store.quads_for_pattern(None, None, None, _node(article_iri(doc)))]
        if len(sample) == len(docs) and self.last_change.lines:
            text = "".join(sorted(self.last_change.lines)).encode("utf-8")
            written.extend(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_QUADS))
        focus = {q.subject for q in written if isinstance(q.subject, pyoxigraph.NamedNode)}
        graph = Graph()
        for s, p, o in {q.triple for q in written} | self._describe(focus):
            graph.add((_from_ox(s), _from_ox(p), _from_ox(o)))
        return graph, sorted(_from_ox(node) for node in focus), len(sample), len(docs)

    def _describe(self, nodes, steps: int = 3) -> set:
        """Every triple about ``nodes`` and, ``steps`` deep, about what they point at; beyond that
        only the types."""
        import pyoxigraph

        found, described, layer = set(), set(), set(nodes)
        rdf_type = pyoxigraph.NamedNode(str(RDF.type))
        for step in range(steps + 1):
            triples = {q.triple for node in layer
                       for q in self.store.quads_for_pattern(node, None if step < steps else rdf_type, None, None)}
            found |= triples
            described |= layer
            layer = {t.object for t in triples if isinstance(t.object, pyoxigraph.NamedNode)} - described
        return found

    def to_dataset(self):
        """The whole store as an rdflib Dataset (for the view, validation and exports)."""
        import pyoxigraph

        from newskg.rdf.triples import new_dataset

        data = self.store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        dataset = new_dataset()
        dataset.parse(data=data, format="nquads")
        return dataset

    def summary(self) -> dict:
        """Counts for a build's summary (articles, entities by type, facts by kind, claims, conflicts), from
        the index: counting over the store in SPARQL takes seconds at 10,000 articles. Articles stored by a
        newskg that did not compare texts are counted: the next build of their folder compares them."""
        missing = len(self.index.stories.missing())
        return self.index.summary() | ({"not compared for the same story": missing} if missing else {})

    def query(self, text: str, source: str = "query", params: dict | None = None):
        """Answer a SPARQL query (an ``Answer``, as for a graph file)."""
        from newskg.query.run import run_store_query

        return run_store_query(self.store, text, source=source, params=params)

    def export(self, fmt: str, output: Path | None) -> bytes | None:
        """The whole store in an RDF format, streamed by Oxigraph's writers (bytes when no ``output``)."""
        from newskg.rdf.outputs import export_store

        return export_store(self.store, fmt, output)

    def engine(self, in_memory: bool = False):
        """The SPARQL engine the endpoint answers from: this store read-only, or a copy of it in memory
        (where queries that walk the whole corpus run about five times faster)."""
        import pyoxigraph

        if not in_memory:
            return self.store
        memory = pyoxigraph.Store()
        memory.bulk_load(self.store.dump(format=pyoxigraph.RdfFormat.N_QUADS), format=pyoxigraph.RdfFormat.N_QUADS)
        return memory

    def count(self) -> int:
        return int(next(iter(self.store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value)


def _node(term):
    import pyoxigraph

    return pyoxigraph.NamedNode(str(term))
