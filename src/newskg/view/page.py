"""The interactive HTML view: entities and facts as a typed, coloured graph with evidence.

``view.data`` selects the rows through SPARQL, ``view.network`` makes them a networkx graph (degree
centrality sizes nodes), ``view.select`` applies focus, types and the node budget, and this module writes
the page: our own template with vis-network inlined from pyvis's bundled copy, so it opens offline.

Everything the page shows travels in ONE JSON payload (a ``<script type="application/json">`` element,
escaped so no text can close it), which the page's script parses and writes with ``textContent``: an
article's text can contain markup or the template's own markers and still be shown as the text it is.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx

from newskg.view.network import build_network
from newskg.view.select import DEFAULT_MAX_NODES, ViewOptions, parse_types, select
from newskg.view.styles import CONFLICT, STYLE, kind_label
from newskg.view.words import words

__all__ = ["DEFAULT_MAX_NODES", "ViewOptions", "build_network", "parse_types", "render_network", "render_view",
           "select"]

_MARKER = re.compile(r"/\*(VIS_CSS|VIS_JS|DATA)\*/")
# JSON inside <script>: nothing may read as a closing tag or a comment opener, whatever the text holds
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_view(source, options: ViewOptions = ViewOptions()) -> str:
    """The page of ``source`` (a store, a graph file's source or an rdflib Dataset) under ``options``."""
    graph, note = select(build_network(source, options.lang), options)
    return render_network(graph, options, note)


def render_network(graph: nx.Graph, options: ViewOptions, note: str = "") -> str:
    payload = {"nodes": _nodes(graph), "edges": _edges(graph), "legend": _legend(graph, options.lang),
               "note": note, "lang": options.lang, "words": words(options.lang), "conflict": CONFLICT}
    vis = Path(__import__("pyvis").__file__).parent / "lib" / "vis-9.1.2"
    parts = {"VIS_CSS": (vis / "vis-network.css").read_text(encoding="utf-8"),
             "VIS_JS": (vis / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
             "DATA": _json(payload)}
    template = resources.files("newskg.data").joinpath("view.html").read_text(encoding="utf-8")
    # one pass: what is put in is never searched for markers again
    return _MARKER.sub(lambda match: parts[match.group(1)], template)


def _nodes(graph: nx.Graph) -> list[dict]:
    centrality = nx.degree_centrality(graph) if graph.number_of_nodes() > 1 else {n: 0 for n in graph}
    nodes = []
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        colour, shape, *_ = STYLE[data["kind"]]
        nodes.append({"id": node, "label": data["label"], "kind": data["kind"], "shape": shape, "color": colour,
                      "size": round(10 + 40 * centrality[node], 3), "search": data.get("search", ""),
                      "tip": data["tip"], "evidence": data["evidence"], "alert": data.get("alert", ""),
                      "conflict": bool(data.get("conflict")), "sources": data.get("sources", 0),
                      "facts": len(data.get("facts", ()))})
    return nodes


def _edges(graph: nx.Graph) -> list[dict]:
    edges = []
    for a, b in sorted(tuple(sorted(e)) for e in graph.edges):
        data = graph.edges[a, b]
        edges.append({"from": a, "to": b, "label": data.get("label", ""),
                      "tip": data.get("tip", [data.get("label", "")])})
    return edges


def _legend(graph: nx.Graph, lang: str) -> list[dict]:
    present = sorted({graph.nodes[n]["kind"] for n in graph.nodes}, key=list(STYLE).index)
    return [{"kind": k, "label": kind_label(k, lang), "color": STYLE[k][0], "shape": STYLE[k][1]} for k in present]


def _json(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)
