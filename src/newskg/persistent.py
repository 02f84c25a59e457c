"""The persistent store: the graph in an embedded Oxigraph database, updated article by article.

Layout of a store folder::

    DIR/oxigraph/          the RocksDB triple store (one named graph per article, entities, claims)
    DIR/cache/<doc>.pickle each article's analysis (sentences, mentions, facts), to rewrite its graph
    DIR/state.pickle       per article: content hash, its local entities, their global keys, its claim statements

Only new or changed articles (by SHA-256 of their text) are analysed, in
worker processes. Entity resolution then runs over the small per-article
entity records of the whole corpus; an article whose entities changed IRI is
rewritten from its cache; the entities and claims graphs are rewritten. So the
store always equals a full build of the same articles.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from newskg.claims import claim_triples, find_conflicts, group_claims, statements_from_results
from newskg.entities import ArticleEntities, resolve_corpus
from newskg.errors import InputError, NewskgError
from newskg.lang import load_language
from newskg.inputs import RecordFields, iter_articles
from newskg.model import Article
from newskg.pipeline import ArticleResult, analyse_article
from newskg.rdf import article_iri, article_triples, entity_triples
from newskg.vocab import CLAIMS_GRAPH, ENTITIES_GRAPH

BATCH = 1000  # articles written per step while the workers analyse the next ones


@dataclass
class ArticleState:
    sha256: str
    source: str
    entities: ArticleEntities  # without mentions: what corpus resolution needs
    keys: tuple[str, ...] = ()  # global key of each local entity, as last written
    statements: list = field(default_factory=list)
    roles: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    rewritten: int = 0
    skipped: list[InputError] = field(default_factory=list)

    def summary(self) -> dict:
        return {"added": len(self.added), "changed": len(self.changed), "unchanged": self.unchanged,
                "removed": len(self.removed), "graphs rewritten": self.rewritten,
                "skipped": [str(e) for e in self.skipped]}


class PersistentStore:
    def __init__(self, folder: str | Path, read_only: bool = False):
        import pyoxigraph

        self.folder = Path(folder)
        self.read_only = read_only
        db = self.folder / "oxigraph"
        if read_only and not db.exists():
            raise NewskgError(f"{self.folder}: no newskg store here (create one with 'newskg build --store')")
        try:
            if not read_only:
                db.mkdir(parents=True, exist_ok=True)
            self.store = pyoxigraph.Store.read_only(str(db)) if read_only else pyoxigraph.Store(str(db))
        except OSError as err:
            raise NewskgError(f"{self.folder}: cannot open the store ({err})") from None
        self.state: dict[str, ArticleState] = self._load_state()

    # -- state
    def _load_state(self) -> dict[str, ArticleState]:
        path = self.folder / "state.pickle"
        if not path.exists():
            return {}
        with path.open("rb") as handle:
            return pickle.load(handle)

    def _save_state(self) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".state.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(self.state, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / "state.pickle")

    def _cache_path(self, doc_id: str) -> Path:
        return self.folder / "cache" / f"{doc_id}.pickle"

    # -- updates
    def update(self, paths: list[str | Path], jobs: int = 0, fields: RecordFields = RecordFields(),
               progress=None, lang_code: str | None = None) -> UpdateReport:
        """Add new and changed articles under ``paths``; leave unchanged ones alone."""
        report = UpdateReport()
        todo: list[Article] = []
        by_hash = {state.sha256: doc for doc, state in self.state.items()}
        claimed: set[str] = set()
        seen_now: dict[str, str] = {}
        for item in iter_articles(paths, fields, lang_code):
            if progress:
                progress()
            if isinstance(item, InputError):
                report.skipped.append(item)
                continue
            doc_id = self._doc_id(item, claimed)
            known = self.state.get(doc_id)
            if known is not None and known.sha256 == item.sha256:
                report.unchanged += 1
                continue
            owner = seen_now.get(item.sha256) or (
                self.state[by_hash[item.sha256]].source if by_hash.get(item.sha256) not in (None, doc_id) else None)
            if owner is not None:
                report.skipped.append(InputError(item.source, f"same text as {owner}, read once"))
                continue
            seen_now[item.sha256] = item.source
            (report.changed if known is not None else report.added).append(doc_id)
            todo.append(replace(item, doc_id=doc_id))
        pending: dict[str, ArticleResult] = {}
        for fresh in self._analyse(todo, jobs, report):
            if pending:
                self._refresh(pending, report, final=False)  # write a batch while the workers go on
            pending = fresh
        self._refresh(pending, report)
        return report

    def remove(self, names: list[str]) -> UpdateReport:
        """Drop articles (by file name or stem) from the store."""
        report = UpdateReport()
        for name in names:
            doc_id = Path(name).stem if name not in self.state else name
            if doc_id not in self.state:
                raise NewskgError(f"{name}: no such article in the store")
            self.store.remove_graph(_node(article_iri(doc_id)))
            self._cache_path(doc_id).unlink(missing_ok=True)
            del self.state[doc_id]
            report.removed.append(doc_id)
        self._refresh({}, report)
        return report

    def _doc_id(self, article: Article, claimed: set[str]) -> str:
        """The article's id in the store: its file stem, made unique if another file has the same stem."""
        doc_id, n = article.doc_id, 2
        while doc_id in claimed or (doc_id in self.state and self.state[doc_id].source != article.source):
            doc_id, n = f"{article.doc_id}-{n}", n + 1
        claimed.add(doc_id)
        return doc_id

    def _analyse(self, todo, jobs: int, report: UpdateReport):
        """Analyse articles in worker processes (when there are many), caching each; yield them by batch."""
        (self.folder / "cache").mkdir(parents=True, exist_ok=True)
        workers = jobs or (min(2, os.cpu_count() or 1) if len(todo) > 50 else 1)
        pool = ProcessPoolExecutor(workers) if workers > 1 else None
        try:
            results = pool.map(_analyse_one, todo, chunksize=8) if pool else map(_analyse_one, todo)
            batch: dict[str, ArticleResult] = {}
            for item in results:
                self._remember(item)
                batch[item.article.doc_id] = item
                if len(batch) >= BATCH:
                    yield batch
                    batch = {}
            if batch:
                yield batch
        finally:
            if pool:
                pool.shutdown()

    def _remember(self, result: ArticleResult) -> None:
        doc_id = result.article.doc_id
        with self._cache_path(doc_id).open("wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        light = replace(result.entities, mentions=[], mention_entity=[])
        roles = frozenset(f.get("role") for f in result.facts if f.kind == "PositionHeld")
        countries = frozenset(f.get("countryCode") for f in result.facts if f.get("countryCode"))
        self.state[doc_id] = ArticleState(result.article.sha256, result.article.source, light, (), [], roles,
                                          countries)

    def _result(self, doc_id: str, fresh: dict[str, ArticleResult]) -> ArticleResult:
        if doc_id in fresh:
            return fresh[doc_id]
        with self._cache_path(doc_id).open("rb") as handle:
            return pickle.load(handle)

    def _refresh(self, fresh: dict[str, ArticleResult], report: UpdateReport, final: bool = True) -> None:
        """Resolve entities over the corpus and rewrite every article graph whose content or entity IRIs
        changed; at the end, rewrite the entities and claims graphs and save the state."""
        lang = load_language("id")
        order = sorted(self.state)
        corpus = resolve_corpus([self.state[d].entities for d in order], lang)
        rewrite = []
        for doc_id in order:
            state = self.state[doc_id]
            keys = tuple(corpus.key_of[(doc_id, i)] for i in range(len(state.entities.entities)))
            if doc_id in fresh or keys != state.keys:
                rewrite.append((doc_id, keys))
        graphs = {}
        for doc_id, keys in rewrite:
            result = self._result(doc_id, fresh)
            graphs[article_iri(doc_id)] = article_triples(result.article, result.sentences, result.entities,
                                                          result.facts, corpus)
            self.state[doc_id].keys = keys
            self.state[doc_id].statements = statements_from_results([result], corpus)
        self._replace_graphs(graphs)
        report.rewritten += len(rewrite)
        if not final:
            return
        roles = set().union(*(s.roles for s in self.state.values())) if self.state else set()
        countries = set().union(*(s.countries for s in self.state.values())) if self.state else set()
        statements = sorted((s for d in order for s in self.state[d].statements), key=lambda s: (str(s.doc), str(s.fact)))
        self._update_graph(ENTITIES_GRAPH, entity_triples(corpus, lang, roles, countries))
        self._update_graph(CLAIMS_GRAPH, claim_triples(group_claims(statements), find_conflicts(statements)))
        self.store.flush()
        self._save_state()

    def _update_graph(self, name, triples) -> None:
        """Bring a big corpus-wide graph to ``triples`` by removing and adding only the difference
        (dropping and reloading a graph of 100,000s of quads takes Oxigraph many seconds)."""
        import pyoxigraph

        graph = _node(name)
        new = {_nquad(t, f"<{name}>") for t in triples}
        old = {f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n"
               for q in self.store.quads_for_pattern(None, None, None, graph)}
        for line in old - new:
            for quad in pyoxigraph.parse(line.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS):
                self.store.remove(quad)
        added = "".join(sorted(new - old))
        if added:
            self.store.load(added.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)

    def _replace_graphs(self, graphs: dict) -> None:
        """Drop these named graphs and load their new triples: one bulk load of N-Quads for all of them."""
        import pyoxigraph

        if not graphs:
            return
        for name in graphs:
            self.store.remove_graph(_node(name))
        text = "".join(_nquad(t, f"<{name}>") for name, triples in graphs.items() for t in triples)
        self.store.bulk_load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)

    # -- reading
    def to_dataset(self):
        """The whole store as an rdflib Dataset (for the view, validation and exports)."""
        import pyoxigraph

        from newskg.rdf import new_dataset

        data = self.store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        dataset = new_dataset()
        dataset.parse(data=data, format="nquads")
        return dataset

    def count(self) -> int:
        return int(next(iter(self.store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value)


def _analyse_one(article: Article) -> ArticleResult:
    return analyse_article(article)


def _node(term):
    import pyoxigraph

    return pyoxigraph.NamedNode(str(term))


def _nquad(triple, graph: str) -> str:
    """One N-Quads line. Our IRIs are valid by construction, so they are written without rdflib's
    per-call IRI check; literals use rdflib's own N-Triples escaping."""
    from rdflib import Literal
    from rdflib.plugins.serializers.nt import _quoteLiteral

    s, p, o = triple
    obj = _quoteLiteral(o) if isinstance(o, Literal) else f"<{o}>"
    return f"<{s}> <{p}> {obj} {graph} .\n"

