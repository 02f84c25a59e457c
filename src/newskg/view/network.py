"""The view's graph: entities and facts as a networkx graph, built from the rows of ``view.data``.

Nodes carry plain text only (``tip``: the hover lines; ``evidence``: the click panel's lines): the page
writes them with ``textContent``, so no text of an article is ever read as markup.

A claim stated by several articles (``nkg:Claim`` with its ``nkg:statedIn`` facts) is ONE node labelled with
its source count, the facts behind it listed in its evidence; a fact outside any claim is its own node.
"""
from __future__ import annotations

import networkx as nx
from rdflib.namespace import OWL, RDF, SDO

from newskg.kinds import KINDS, predicate
from newskg.rdf.vocab import NKG
from newskg.view.data import ViewData, read_view_data
from newskg.view.styles import ENTITY_CLASSES, STYLE, kind_label
from newskg.view.words import words

# fact value -> the edge label's key in words(): facts drawn as nodes link to their entities by these
FACT_EDGES = {str(NKG.organization): "organization", str(NKG.speaker): "said by", str(NKG.partner): "partner",
              str(NKG.givenTo): "given to"}
_NKG = str(NKG)


def build_network(source, lang: str = "en") -> nx.Graph:
    """The whole graph of ``source`` (a store, a graph file's source, or an rdflib Dataset)."""
    data = source if isinstance(source, ViewData) else read_view_data(source)
    graph = nx.Graph()
    _add_entities(graph, data, lang)
    groups = _fact_groups(data)
    for node_id, facts in sorted(groups.items()):
        kind = _kind(data.facts[facts[0]])
        if KINDS[kind].view.edge is not None:
            for fact in facts:
                _add_relation(graph, data.facts[fact], kind, lang)
        else:
            _add_fact_node(graph, data, node_id, facts, kind, lang)
    _mark_conflicts(graph, data, groups, lang)
    return graph


def _add_entities(graph: nx.Graph, data: ViewData, lang: str) -> None:
    w = words(lang)
    for node, record in sorted(data.entities.items()):
        kind = next((k for cls, k in ENTITY_CLASSES if str(cls) in record["types"]), None)
        if kind is None:
            continue
        label = record["label"] or node.rsplit("/", 1)[-1]
        tip = [label, kind_label(kind, lang)]
        if record["aliases"]:
            tip.append(w["also"] + ", ".join(record["aliases"]))
        if record["same"]:
            tip.append(w["wikidata"] + record["same"].rsplit("/", 1)[-1])
        graph.add_node(node, label=label, kind=kind, tip=tip, evidence=tip, entity=True,
                       search=" | ".join([label, *record["aliases"]]))


def _kind(fact: dict) -> str | None:
    names = (str(t)[len(_NKG):] for t in fact["values"].get(str(RDF.type), []) if str(t).startswith(_NKG))
    return next((name for name in names if name in KINDS), None)


def _fact_groups(data: ViewData) -> dict[str, list[str]]:
    """Node id -> the facts drawn as that node: a claim's IRI for the facts it groups, else the fact's own."""
    claim_of = {}
    for claim, record in sorted(data.claims.items()):
        for fact in record["facts"]:
            claim_of.setdefault(fact, claim)
    groups: dict[str, list[str]] = {}
    for fact, record in data.facts.items():
        if _kind(record) is not None:
            groups.setdefault(claim_of.get(fact, fact), []).append(fact)
    return {node: sorted(facts) for node, facts in groups.items()}


def _add_fact_node(graph: nx.Graph, data: ViewData, node_id: str, facts: list[str], kind: str, lang: str) -> None:
    w = words(lang)
    sources = data.claims[node_id]["count"] if node_id in data.claims else 1
    label = _fact_label(data.facts[facts[0]]["values"], kind, lang)
    if sources > 1:
        label += " · " + w["source_count"].format(n=sources)
    evidence = [kind_label(kind, lang), w["sources"] + str(sources)]
    for fact in facts:
        evidence += ["", *_fact_evidence(data, fact, lang)]
    tip = [label, kind_label(kind, lang), "“" + data.facts[facts[0]]["text"] + "”"]
    graph.add_node(node_id, label=label, kind=kind, tip=tip, evidence=evidence, sources=sources, facts=facts,
                   search=kind, conflict=False, entity=False)
    for fact in facts:
        for value, key in FACT_EDGES.items():
            for target in data.facts[fact]["values"].get(value, []):
                if str(target) in graph:
                    graph.add_edge(node_id, str(target), label=w[key])


def _fact_evidence(data: ViewData, fact: str, lang: str) -> list[str]:
    """The lines of one fact in the evidence panel: its sentence, article, outlet, date and rule."""
    w = words(lang)
    record = data.facts[fact]
    article = data.articles.get(record["doc"], {})
    publisher = article.get("publisher")
    outlet = data.entities.get(publisher, {}).get("label") if publisher else None
    rule = record["values"].get(str(NKG.extractionRule), ["-"])[0]
    return ["“" + record["text"] + "”", w["article"] + (article.get("title") or record["doc"].rsplit("/", 1)[-1]),
            w["outlet"] + (outlet or "-"), w["published"] + (article.get("published") or "-"), w["rule"] + str(rule)]


def _add_relation(graph: nx.Graph, fact: dict, kind: str, lang: str) -> None:
    """Positions and countries are drawn as labelled edges between their two entities, not as nodes."""
    style = KINDS[kind].view
    ends = [(fact["values"].get(str(predicate(kind, name))) or [None])[0] for name in style.edge]
    if any(end is None or str(end) not in graph for end in ends):
        return
    label = fact["values"].get(str(NKG[style.label_value]), [None])[0] if style.label_value else None
    label = str(label) if label is not None else kind_label(kind, lang)
    graph.add_edge(str(ends[0]), str(ends[1]), label=label, tip=[label, "“" + fact["text"] + "”"], relation=kind)


def _fact_label(values: dict, kind: str, lang: str) -> str:
    record = KINDS[kind]
    number = next((values[str(NKG[name])][0] for name in record.numbers if values.get(str(NKG[name]))), None)
    date = (values.get(str(NKG.date)) or [None])[0]
    short = kind_label(kind, lang)
    if record.view.label_value:
        short = str((values.get(str(predicate(kind, record.view.label_value))) or [short])[0])
    if record.view.quoted:
        words_ = short.split()
        short = "“" + " ".join(words_[:5]) + ("…" if len(words_) > 5 else "") + "”"
    parts = [short]
    if number is not None:
        parts.append(f"{int(number):,}".replace(",", "." if lang == "id" else ","))
    label = " ".join(parts)
    return f"{label}, {date}" if date is not None else label


def _mark_conflicts(graph: nx.Graph, data: ViewData, groups: dict[str, list[str]], lang: str) -> None:
    """A node conflicts when one of its facts does; its ``alert`` names the nodes on the other side."""
    node_of = {fact: node for node, facts in groups.items() for fact in facts}
    for node, facts in sorted(groups.items()):
        if node not in graph:
            continue
        others = sorted({node_of[o] for f in facts for o in data.conflicts.get(f, ()) if o in node_of} - {node})
        if others:
            graph.nodes[node]["conflict"] = True
            labels = [graph.nodes[o]["label"] for o in others if o in graph]
            graph.nodes[node]["alert"] = words(lang)["conflicts"] + "; ".join(labels)
