"""Deterministic Turtle and TriG.

rdflib's own Turtle/TriG writers order subjects and graphs by hash, so the same
graph can come out in a different order from one run to the next; a diff of
``graph/`` must only show what changed. This small writer sorts everything
(graphs, subjects, predicates with rdf:type first, objects) and leaves the
escaping of literals to rdflib's ``Literal.n3``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import RDF

from newskg.rdf.vocab import PREFIXES

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_PREFIX_ORDER = sorted(PREFIXES.items(), key=lambda kv: len(str(kv[1])), reverse=True)


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def term_text(term) -> str:
    if isinstance(term, URIRef):
        if term == RDF.type:
            return "a"
        iri = str(term)
        for prefix, namespace in _PREFIX_ORDER:
            ns = str(namespace)
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, Literal):
        if term.datatype is not None and term.datatype != URIRef("http://www.w3.org/2001/XMLSchema#string"):
            lexical = Literal(str(term)).n3()
            if str(term.datatype).endswith(("#integer", "#boolean")) and term.n3().isascii() and \
                    re.fullmatch(r"-?\d+|true|false", str(term)):
                return str(term)
            return f"{lexical}^^{term_text(term.datatype)}"
        return Literal(str(term), lang=term.language).n3()
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"cannot write {term!r}")


def _predicate_key(predicate) -> tuple:
    return (predicate != RDF.type, _natural(str(predicate)))


def turtle_body(triples: Iterable, indent: str = "") -> str:
    by_subject: dict = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    blocks = []
    for subject in sorted(by_subject, key=lambda s: _natural(str(s))):
        predicates = by_subject[subject]
        lines = []
        for predicate in sorted(predicates, key=_predicate_key):
            objects = sorted((term_text(o) for o in predicates[predicate]), key=_natural)
            lines.append(f"{term_text(predicate)} {', '.join(objects)}")
        body = f" ;\n{indent}    ".join(lines)
        blocks.append(f"{indent}{term_text(subject)} {body} .")
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def prefix_header() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"


def to_turtle(triples: Iterable) -> str:
    return prefix_header() + turtle_body(triples)


def to_trig(dataset: Dataset) -> str:
    parts = [prefix_header()]
    graphs = [g for g in dataset.graphs() if len(g) and isinstance(g.identifier, URIRef)
              and not str(g.identifier).startswith("urn:x-rdflib:")]
    for graph in sorted(graphs, key=lambda g: _natural(str(g.identifier))):
        parts.append(f"{term_text(graph.identifier)} {{\n{turtle_body(graph, indent='    ')}}}\n\n")
    return "".join(parts).rstrip("\n") + "\n"


def to_nquads(dataset: Dataset) -> str:
    lines = dataset.serialize(format="nquads").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


def all_triples(dataset: Dataset) -> set:
    return {t for g in dataset.graphs() for t in g}
