"""What one page shows: a focus, a type filter and a node budget applied to the view's graph, with a note
that says what was left out and how to see it."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from newskg.errors import NewskgError
from newskg.rdf.vocab import name_key
from newskg.view.styles import PLACES, STYLE, type_names
from newskg.view.words import words

DEFAULT_MAX_NODES = 400  # a page beyond a few hundred nodes is neither readable nor quick to lay out


@dataclass(frozen=True)
class ViewOptions:
    lang: str = "en"
    focus: str | None = None
    depth: int = 2
    types: tuple[str, ...] = ()
    max_nodes: int = DEFAULT_MAX_NODES  # 0: no limit


def parse_types(text: str) -> tuple[str, ...]:
    """``--types`` as node kind names: case and British/American spelling ignored ("organisation",
    "LAYOFFS", "phk"); an unknown name is an error that lists the valid ones."""
    known = {}
    for name in type_names():
        for spelling in (name, STYLE[name][2], STYLE[name][3]):
            known[_fold(spelling)] = name
    chosen, unknown = [], []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        name = known.get(_fold(item)) or known.get(_fold(item).removesuffix("s"))
        (chosen if name else unknown).append(name or item)
    if unknown or not chosen:
        raise NewskgError(f"--types {text!r}: unknown type {', '.join(map(repr, unknown)) or '(none given)'}; "
                          f"valid types: {', '.join(type_names())}")
    return tuple(dict.fromkeys(chosen))


def _fold(name: str) -> str:
    return name_key(name).replace(" ", "").replace("isation", "ization")


def select(graph: nx.Graph, options: ViewOptions) -> tuple[nx.Graph, str]:
    """Apply focus, type filter and node budget; the note says what was left out (empty if nothing)."""
    w = words(options.lang)
    notes, start = [], None
    if options.focus:
        start = _find(graph, options.focus)
        graph = graph.subgraph(neighbourhood(graph, start, options.depth)).copy()
        notes.append(w["focus_on"].format(name=graph.nodes[start]["label"], depth=options.depth))
    if options.types:
        graph = graph.subgraph(n for n, d in graph.nodes(data=True) if d["kind"] in options.types).copy()
    total = graph.number_of_nodes()
    if options.max_nodes and total > options.max_nodes:
        graph = graph.subgraph(most_important(graph, options.max_nodes, start)).copy()
        kept = graph.number_of_nodes()
        notes.append(w["left_out"].format(n=total - kept, total=total, kept=kept))
    return graph, "; ".join(notes)


def _find(graph: nx.Graph, name: str) -> str:
    wanted = name_key(name)
    for node, data in sorted(graph.nodes(data=True)):
        if data.get("entity") and wanted in (name_key(s) for s in data.get("search", "").split("|")):
            return node
    raise NewskgError(f"--focus {name!r}: no entity with that name in the graph")


def neighbourhood(graph: nx.Graph, start: str, depth: int) -> set[str]:
    """Nodes within ``depth`` steps of ``start``; a country or city is reached but not walked through, so two
    companies based in the same country are not each other's neighbourhood."""
    seen, frontier = {start}, [start]
    for _ in range(depth):
        step = []
        for node in frontier:
            if node != start and graph.nodes[node]["kind"] in PLACES:
                continue
            step += [n for n in sorted(graph[node]) if n not in seen]
            seen.update(graph[node])
        frontier = step
    return seen


def most_important(graph: nx.Graph, budget: int, start: str | None = None) -> set[str]:
    """At most ``budget`` nodes, facts kept with the entities they are about, so no fact floats alone and no
    entity is an isolated dot. Facts rank by their number of sources, then conflicts, then how connected
    their entities are; relations between entities (positions, countries) fill what is left."""
    degree = dict(graph.degree)
    kept: set[str] = {start} if start else set()

    def take(nodes: set[str]) -> None:
        if len(kept | nodes) <= budget:
            kept.update(nodes)

    facts = [n for n, d in graph.nodes(data=True) if not d.get("entity")]
    facts.sort(key=lambda n: (-graph.nodes[n].get("sources", 1), not graph.nodes[n].get("conflict"),
                              -sum(degree[m] for m in graph[n]), n))
    for fact in facts:
        take({fact, *graph[fact]})
    relations = [(a, b) if a < b else (b, a) for a, b in graph.edges
                 if graph.nodes[a].get("entity") and graph.nodes[b].get("entity")]
    for a, b in sorted(relations, key=lambda e: (-(degree[e[0]] + degree[e[1]]), e)):
        take({a, b})
    return kept
