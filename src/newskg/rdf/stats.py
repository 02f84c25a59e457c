"""Summaries of a built graph: counts, and the explanation of one fact."""
from __future__ import annotations

from rdflib import URIRef

from newskg.errors import NewskgError
from newskg.rdf.vocab import ID

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
  ?x a nkg:Fact , ?cls . FILTER(STRSTARTS(STR(?cls), STR(nkg:)) && ?cls != nkg:Fact)
  BIND(STRAFTER(STR(?cls), "#") AS ?kind)
} GROUP BY ?kind ORDER BY ?kind
"""


_SIZE = "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }"


def graph_stats(source) -> dict:
    """Articles, entities by type, facts by kind, quads and named graphs of a graph file or store."""
    size = source.query(_SIZE).rows[0]
    return {
        "articles": int(source.query(_ARTICLES).rows[0][0]),
        "entities": {str(k): int(n) for k, n in source.query(_ENTITIES).rows},
        "facts": {str(k): int(n) for k, n in source.query(_FACTS).rows},
        "claims": int(source.query(_PREFIXES + "SELECT (COUNT(?c) AS ?n) WHERE { ?c a nkg:Claim }").rows[0][0]),
        "conflicts": int(source.query(_PREFIXES + "SELECT (COUNT(?c) AS ?n) WHERE { ?c a nkg:Conflict }").rows[0][0]),
        "quads": int(size[0]),
        "named graphs": int(size[1]),
    }


_EXPLAIN = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX schema: <https://schema.org/>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?doc ?sentence ?begin ?end ?rule ?file ?p ?o ?oLabel WHERE {
  BIND(?factName AS ?fact)
  GRAPH ?doc { ?fact prov:wasDerivedFrom ?s ; nkg:extractionRule ?rule ; ?p ?o .
               ?s nif:anchorOf ?sentence ; nif:beginIndex ?begin ; nif:endIndex ?end .
               ?doc nkg:sourceFile ?file }
  OPTIONAL { ?o rdfs:label ?oLabel }
}
"""


def explain_fact(source, fact: str) -> str:
    """The sentence, offsets, article, rule and values behind one fact, as text."""
    from newskg.query.run import cell

    iri = URIRef(fact if fact.startswith("http") else str(ID) + fact.removeprefix("id:"))
    answer = source.query(_EXPLAIN, params={"fact": iri})
    rows = [dict(zip(answer.columns, row)) for row in answer.rows]
    if not rows:
        raise NewskgError(f"{fact}: no such fact in the graph")
    first = rows[0]
    lines = [f"fact:     {iri}", f"article:  {first['doc']}  ({first['file']})",
             f"sentence: [{first['begin']}:{first['end']}] {first['sentence']}", f"rule:     {first['rule']}", "values:"]
    for row in sorted(rows, key=lambda r: (str(r["p"]), str(r["o"]))):
        name = str(row["p"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if name in ("wasDerivedFrom", "extractionRule"):
            continue
        shown = f"{row['oLabel']} <{row['o']}>" if row["oLabel"] is not None else cell(row["o"])
        lines.append(f"  {name}: {shown}")
    return "\n".join(lines)
