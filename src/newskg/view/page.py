"""The interactive HTML view: entities and facts as a typed, coloured graph with evidence.

networkx holds the graph and ranks nodes (degree centrality sizes them and
decides what ``max_nodes`` keeps); pyvis turns it into vis-network data; the
page is our own template with vis-network inlined from pyvis's bundled copy,
so it opens offline with no CDN.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import Dataset
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS

from newskg.kinds import KINDS, predicate
from newskg.rdf.vocab import CLAIMS_GRAPH, ENTITIES_GRAPH, NIF, NKG, name_key

ENTITY_STYLE = {  # entity type -> (colour, shape, English label, Indonesian label)
    "organization": ("#2b7bb9", "dot", "Organization", "Organisasi"),
    "media": ("#7b4fb5", "dot", "Media", "Media"),
    "agency": ("#3d8f8f", "dot", "Agency", "Lembaga"),
    "union": ("#8f6b3d", "dot", "Union", "Serikat"),
    "person": ("#e07b24", "dot", "Person", "Orang"),
    "country": ("#4a9a4a", "triangle", "Country", "Negara"),
    "city": ("#7fb87f", "triangle", "City", "Kota"),
    "product": ("#999999", "dot", "Product", "Produk"),
}
# Fact kinds drawn as nodes, from the kinds table (the others are edges between their entities).
STYLE = {**ENTITY_STYLE, **{name: (k.view.colour, k.view.shape, k.view.label_en, k.view.label_id)
                            for name, k in KINDS.items() if k.view.edge is None}}
_ENTITY_CLASSES = [(SDO.NewsMediaOrganization, "media"), (SDO.GovernmentOrganization, "agency"),
                   (SDO.WorkersUnion, "union"), (SDO.Organization, "organization"), (SDO.Person, "person"),
                   (SDO.Country, "country"), (SDO.City, "city"), (SDO.Product, "product")]
_FACT_EDGES = {NKG.organization: ("organization", "organisasi"), NKG.speaker: ("said by", "diucapkan"),
               NKG.partner: ("partner", "mitra"), NKG.givenTo: ("given to", "kepada")}


@dataclass(frozen=True)
class ViewOptions:
    lang: str = "en"
    focus: str | None = None
    depth: int = 2
    types: tuple[str, ...] = ()
    max_nodes: int = 0


def build_network(dataset: Dataset, options: ViewOptions = ViewOptions()) -> nx.Graph:
    graph = nx.Graph()
    entities = dataset.graph(ENTITIES_GRAPH)
    _add_entities(graph, entities)
    support = _claim_support(dataset.graph(CLAIMS_GRAPH))
    for article in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if article.identifier == ENTITIES_GRAPH or (article.identifier, RDF.type, SDO.NewsArticle) not in article:
            continue
        _add_article_facts(graph, article, options.lang, support)
    return graph


def _claim_support(claims) -> dict[str, tuple[int, list[str]]]:
    """fact IRI -> (number of sources of its claim, facts it conflicts with)."""
    support: dict[str, tuple[int, list[str]]] = {}
    for claim in claims.subjects(RDF.type, NKG.Claim):
        count = int(claims.value(claim, NKG.sourceCount) or 1)
        for fact in claims.objects(claim, NKG.statedIn):
            support[str(fact)] = (count, [])
    for fact, other in claims.subject_objects(NKG.conflictsWith):
        support.setdefault(str(fact), (1, []))[1].append(str(other))
    return support


def _add_entities(graph: nx.Graph, entities) -> None:
    for node in sorted(set(entities.subjects(RDF.type, None))):
        kind = next((k for cls, k in _ENTITY_CLASSES if (node, RDF.type, cls) in entities), None)
        if kind is None:
            continue
        label = str(entities.value(node, RDFS.label) or node.split("/")[-1])
        aliases = sorted(str(a) for a in entities.objects(node, SKOS.altLabel))
        same = entities.value(node, OWL.sameAs)
        title = f"<b>{html.escape(label)}</b><br>{STYLE[kind][2]}"
        if aliases:
            title += "<br>also: " + html.escape(", ".join(aliases))
        if same:
            title += f"<br>Wikidata: {html.escape(str(same).rsplit('/', 1)[-1])}"
        graph.add_node(str(node), label=label, kind=kind, title=title, search=" | ".join([label, *aliases]))


def _add_article_facts(graph: nx.Graph, article, lang: str, support: dict) -> None:
    doc = article.identifier
    title = str(article.value(doc, SDO.headline) or doc.split("/")[-1])
    published = article.value(doc, SDO.datePublished)
    publisher = article.value(doc, SDO.publisher)
    outlet = graph.nodes[str(publisher)]["label"] if publisher is not None and str(publisher) in graph else ""
    for fact in sorted(set(article.subjects(PROV.wasDerivedFrom, None))):
        kind = next((str(k).split("#")[-1] for k in article.objects(fact, RDF.type)
                     if str(k).split("#")[-1] in KINDS), None)
        sentence = article.value(fact, PROV.wasDerivedFrom)
        text = str(article.value(sentence, NIF.anchorOf) or "")
        if kind is None:
            continue
        if KINDS[kind].view.edge is not None:
            _add_relation(graph, article, fact, kind, text, lang)
            continue
        evidence = (f"<b>{STYLE[kind][2 if lang == 'en' else 3]}</b><br><i>“{html.escape(text)}”</i><br>"
                    f"Article: {html.escape(title)}<br>Outlet: {html.escape(outlet or '-')}<br>"
                    f"Published: {html.escape(str(published or '-'))}<br>"
                    f"Rule: {html.escape(str(article.value(fact, NKG.extractionRule)))}")
        sources, conflicts = support.get(str(fact), (1, []))
        evidence += f"<br>Sources stating it: {sources}"
        if conflicts:
            evidence += "<br><b style='color:#d62728'>Conflicts with:</b> " + ", ".join(
                html.escape(c.rsplit("/fact/", 1)[-1]) for c in sorted(conflicts))
        graph.add_node(str(fact), label=_fact_label(article, fact, kind, lang), kind=kind, title=evidence,
                       search=kind, sentence=text, sources=sources, conflict=bool(conflicts))
        for predicate, (en, idn) in _FACT_EDGES.items():
            for target in article.objects(fact, predicate):
                if str(target) in graph:
                    graph.add_edge(str(fact), str(target), label=en if lang == "en" else idn)


def _add_relation(graph: nx.Graph, article, fact, kind: str, text: str, lang: str) -> None:
    """Positions and countries are drawn as labelled edges between their two entities, not as nodes."""
    style = KINDS[kind].view
    ends = [article.value(fact, predicate(kind, name)) for name in style.edge]
    if any(end is None or str(end) not in graph for end in ends):
        return
    label = article.value(fact, NKG[style.label_value]) if style.label_value else None
    label = str(label) if label is not None else (style.label_en if lang == "en" else style.label_id)
    graph.add_edge(str(ends[0]), str(ends[1]), label=label, title=html.escape(text))


def _fact_label(article, fact, kind: str, lang: str) -> str:
    record = KINDS[kind]
    number = next((article.value(fact, NKG[name]) for name in record.numbers
                   if article.value(fact, NKG[name]) is not None), None)
    date = article.value(fact, NKG.date)
    short = STYLE[kind][2 if lang == "en" else 3]
    if record.view.label_value:
        short = str(article.value(fact, predicate(kind, record.view.label_value)))
    if record.view.quoted:
        words = short.split()
        short = "“" + " ".join(words[:5]) + ("…" if len(words) > 5 else "") + "”"
    parts = [short]
    if number is not None:
        parts.append(f"{int(number):,}".replace(",", "." if lang == "id" else ","))
    label = " ".join(parts)
    return f"{label}, {date}" if date is not None else label


def select(graph: nx.Graph, options: ViewOptions) -> tuple[nx.Graph, str]:
    """Apply focus, type filter and node budget; say what was left out."""
    notes = []
    if options.focus:
        wanted = name_key(options.focus)
        start = next((n for n, d in graph.nodes(data=True)
                      if wanted in (name_key(s) for s in d.get("search", "").split("|"))), None)
        if start is None:
            from newskg.errors import NewskgError

            raise NewskgError(f"--focus {options.focus!r}: no entity with that name in the graph")
        graph = nx.ego_graph(graph, start, radius=options.depth)
        notes.append(f"focus on {graph.nodes[start]['label']} (depth {options.depth})")
    if options.types:
        keep = [n for n, d in graph.nodes(data=True) if d["kind"] in options.types]
        graph = graph.subgraph(keep).copy()
    if options.max_nodes and graph.number_of_nodes() > options.max_nodes:
        centrality = nx.degree_centrality(graph)
        ranked = sorted(graph.nodes, key=lambda n: (-centrality[n], n))
        left_out = graph.number_of_nodes() - options.max_nodes
        graph = graph.subgraph(ranked[:options.max_nodes]).copy()
        notes.append(f"{left_out} less connected nodes left out (--max-nodes {options.max_nodes})")
    return graph, "; ".join(notes)


def render_view(dataset: Dataset, options: ViewOptions = ViewOptions()) -> str:
    graph, note = select(build_network(dataset, options), options)
    return render_network(graph, options, note)


def render_network(graph: nx.Graph, options: ViewOptions, note: str = "") -> str:
    from pyvis.network import Network  # pyvis imports IPython: only when a page is made

    centrality = nx.degree_centrality(graph) if graph.number_of_nodes() > 1 else {n: 0 for n in graph}
    net = Network(height="100%", width="100%", directed=False, cdn_resources="remote")
    lang_index = 2 if options.lang == "en" else 3
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        colour, shape, *_ = STYLE[data["kind"]]
        size = 10 + 40 * centrality[node]
        extra = {"borderWidth": 4, "color": {"background": colour, "border": "#ff0000"}} if data.get("conflict") else {}
        net.add_node(node, label=data["label"], title=data["title"], color=extra.pop("color", colour), shape=shape,
                     size=size, kind=data["kind"], search=data.get("search", ""), sentence=data.get("sentence", ""),
                     conflict=bool(data.get("conflict")), sources=data.get("sources", 0), **extra)
    for a, b in sorted(tuple(sorted(e)) for e in graph.edges):
        data = graph.edges[a, b]
        net.add_edge(a, b, label=data.get("label", ""), title=data.get("title", data.get("label", "")))
    present = sorted({graph.nodes[n]["kind"] for n in graph.nodes}, key=list(STYLE).index)
    legend = [{"kind": k, "label": STYLE[k][lang_index], "color": STYLE[k][0], "shape": STYLE[k][1]} for k in present]
    template = resources.files("newskg.data").joinpath("view.html").read_text(encoding="utf-8")
    vis = Path(__import__("pyvis").__file__).parent / "lib" / "vis-9.1.2"
    return (template
            .replace("/*VIS_CSS*/", (vis / "vis-network.css").read_text(encoding="utf-8"))
            .replace("/*VIS_JS*/", (vis / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"))
            .replace("/*NODES*/", _json(net.nodes))
            .replace("/*EDGES*/", _json(net.edges))
            .replace("/*LEGEND*/", _json(legend))
            .replace("/*NOTE*/", _json(note))
            .replace("/*LANG*/", _json(options.lang)))


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
