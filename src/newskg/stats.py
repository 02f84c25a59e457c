"""Summaries of a built graph: counts, and the explanation of one fact."""
from __future__ import annotations

from rdflib import Dataset, URIRef

from newskg.errors import NewskgError
from newskg.query import run_query
from newskg.vocab import ID

_PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
"""
_ARTICLES = _PREFIXES + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"
_ENTITIES = _PREFIXES + """
SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES (?cls ?kind) { (schema:NewsMediaOrganization "media") (schema:GovernmentOrganization "agency")
    (schema:WorkersUnion "union") (schema:Person "person") (schema:Country "country") (schema:City "city")
    (schema:Product "product") (schema:Organization "organization") }
  ?x a ?cls .
  FILTER(?kind != "organization" || NOT EXISTS { ?x a ?special .
    FILTER(?special IN (schema:NewsMediaOrganization, schema:GovernmentOrganization, schema:WorkersUnion)) })
} GROUP BY ?kind ORDER BY ?kind
"""
_FACTS = _PREFIXES + """
SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  ?x a ?cls . FILTER(STRSTARTS(STR(?cls), STR(nkg:)) && ?cls NOT IN (nkg:Mention, nkg:Fact))
  BIND(STRAFTER(STR(?cls), "#") AS ?kind)
} GROUP BY ?kind ORDER BY ?kind
"""


def graph_stats(dataset: Dataset) -> dict:
    """Articles, entities by type, facts by kind, triples and named graphs."""
    return {
        "articles": int(run_query(dataset, _ARTICLES).rows[0][0]),
        "entities": {str(k): int(n) for k, n in run_query(dataset, _ENTITIES).rows},
        "facts": {str(k): int(n) for k, n in run_query(dataset, _FACTS).rows},
        "triples": len(dataset),
        "named graphs": sum(1 for g in dataset.graphs() if len(g)),
    }


_EXPLAIN = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX schema: <https://schema.org/>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?doc ?sentence ?begin ?end ?rule ?file ?p ?o ?oLabel WHERE {
  GRAPH ?doc { ?fact prov:wasDerivedFrom ?s ; nkg:extractionRule ?rule ; ?p ?o .
               ?s nif:anchorOf ?sentence ; nif:beginIndex ?begin ; nif:endIndex ?end .
               ?doc nkg:sourceFile ?file }
  OPTIONAL { ?o rdfs:label ?oLabel }
}
"""


def explain_fact(dataset: Dataset, fact: str) -> str:
    """The sentence, offsets, article, rule and values behind one fact, as text."""
    iri = URIRef(fact if fact.startswith("http") else str(ID) + fact.removeprefix("id:"))
    from rdflib import Variable

    from newskg.query import cell

    answer = dataset.query(_EXPLAIN, initBindings={Variable("fact"): iri})
    rows = list(answer)
    if not rows:
        raise NewskgError(f"{fact}: no such fact in the graph")
    first = rows[0]
    lines = [f"fact:     {iri}", f"article:  {first.doc}  ({first.file})",
             f"sentence: [{first.begin}:{first.end}] {first.sentence}", f"rule:     {first.rule}", "values:"]
    for row in sorted(rows, key=lambda r: (str(r.p), str(r.o))):
        name = str(row.p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if name in ("wasDerivedFrom", "extractionRule"):
            continue
        shown = f"{row.oLabel} <{row.o}>" if row.oLabel is not None else cell(row.o)
        lines.append(f"  {name}: {shown}")
    return "\n".join(lines)
