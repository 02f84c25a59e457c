"""What the HTML view needs of a graph, selected through SPARQL.

The view reads a graph only through ``query(text)`` (the store interface ``newskg.store.Store.query``, or a
graph file's in-memory Oxigraph), never by walking an rdflib Dataset: a store of 10,000 articles is not
pushed through rdflib into Python objects, only the rows the page needs. A Dataset (a fresh build) is
loaded into an in-memory Oxigraph first, so both paths run the same queries.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from newskg.rdf.vocab import CLAIMS_GRAPH, ENTITIES_GRAPH, NKG

_PREFIXES = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX schema: <https://schema.org/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX nkg: <%s>
""" % NKG._NS

QUERIES = {
    "entities": f"SELECT ?e ?type ?label ?same WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e rdf:type ?type "
                "OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e owl:sameAs ?same } } }",
    "aliases": f"SELECT ?e ?alias WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e skos:altLabel ?alias }} }}",
    "articles": "SELECT ?doc ?title ?published ?publisher WHERE { GRAPH ?doc { ?doc rdf:type schema:NewsArticle "
                "OPTIONAL { ?doc schema:headline ?title } OPTIONAL { ?doc schema:datePublished ?published } "
                "OPTIONAL { ?doc schema:publisher ?publisher } } }",
    "fact_values": "SELECT ?doc ?fact ?p ?o WHERE { GRAPH ?doc { ?fact prov:wasDerivedFrom ?s . ?fact ?p ?o } }",
    "fact_texts": "SELECT ?fact ?text WHERE { GRAPH ?doc { ?fact prov:wasDerivedFrom ?s . ?s nif:anchorOf ?text } }",
    "claims": f"SELECT ?claim ?count ?fact WHERE {{ GRAPH <{CLAIMS_GRAPH}> {{ ?claim rdf:type nkg:Claim ; "
              "nkg:statedIn ?fact OPTIONAL { ?claim nkg:sourceCount ?count } } }",
    "conflicts": f"SELECT ?a ?b WHERE {{ GRAPH <{CLAIMS_GRAPH}> {{ ?a nkg:conflictsWith ?b }} }}",
}


@dataclass
class ViewData:
    """The rows of one graph that the view draws, as plain dictionaries keyed by IRI strings."""

    entities: dict[str, dict] = field(default_factory=dict)  # IRI -> {types, label, same, aliases}
    articles: dict[str, dict] = field(default_factory=dict)  # graph IRI -> {title, published, publisher}
    facts: dict[str, dict] = field(default_factory=dict)  # IRI -> {doc, text, values: {predicate: [terms]}}
    claims: dict[str, dict] = field(default_factory=dict)  # IRI -> {count, facts}
    conflicts: dict[str, set] = field(default_factory=lambda: defaultdict(set))  # fact -> facts it conflicts with


def read_view_data(source) -> ViewData:
    """Run the view's queries on ``source`` (anything with ``query(text, source=...)``, or an rdflib Dataset)."""
    ask = _querier(source)
    data = ViewData()
    _read_entities(data, ask)
    for doc, title, published, publisher in ask("articles"):
        data.articles[str(doc)] = {"title": _text(title), "published": _text(published),
                                   "publisher": _text(publisher)}
    for doc, fact, p, o in ask("fact_values"):
        record = data.facts.setdefault(str(fact), {"doc": str(doc), "text": "", "values": defaultdict(list)})
        record["values"][str(p)].append(o)
    for fact, text in ask("fact_texts"):
        if str(fact) in data.facts:
            data.facts[str(fact)]["text"] = str(text)
    for claim, count, fact in ask("claims"):
        record = data.claims.setdefault(str(claim), {"count": int(count) if count is not None else 1, "facts": []})
        record["facts"].append(str(fact))
    for a, b in ask("conflicts"):
        data.conflicts[str(a)].add(str(b))
    for record in data.facts.values():
        for terms in record["values"].values():
            terms.sort()  # deterministic whatever order the engine answers in
    return data


def _read_entities(data: ViewData, ask) -> None:
    for entity, kind, label, same in ask("entities"):
        record = data.entities.setdefault(str(entity), {"types": set(), "label": None, "same": None, "aliases": []})
        record["types"].add(str(kind))
        # several labels or links (rare): the smallest, so the page is the same whatever order rows come in
        record["label"] = min(filter(None, (record["label"], _text(label))), default=None)
        record["same"] = min(filter(None, (record["same"], _text(same))), default=None)
    for entity, alias in ask("aliases"):
        if str(entity) in data.entities:
            data.entities[str(entity)]["aliases"].append(str(alias))
    for record in data.entities.values():
        record["aliases"] = sorted(set(record["aliases"]))


def _text(term) -> str | None:
    return None if term is None else str(term)


def _querier(source):
    """A function: query name -> rows (lists of rdflib terms)."""
    if not hasattr(source, "query") or _is_dataset(source):
        source = _InMemory(source)

    def ask(name: str) -> list:
        return source.query(_PREFIXES + QUERIES[name], source=f"view query {name}").rows

    return ask


def _is_dataset(source) -> bool:
    from rdflib import Dataset

    return isinstance(source, Dataset)


class _InMemory:
    """An rdflib Dataset copied into an in-memory Oxigraph store, so the view's queries run fast on it."""

    def __init__(self, dataset):
        import pyoxigraph

        from newskg.query.run import run_store_query

        self._run = run_store_query
        self.store = pyoxigraph.Store()
        self.store.bulk_load(dataset.serialize(format="nquads").encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)

    def query(self, text: str, source: str = "query"):
        return self._run(self.store, text, source=source)
