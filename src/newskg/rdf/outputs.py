"""Write a build's outputs: the TriG of all named graphs, the merged Turtle and the HTML view.

Every file is rendered in memory first and the set is then swapped in at once, so an
existing ``graph/`` is replaced whole or not at all, never mixed.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from newskg.errors import OutputError
from newskg.rdf.serialize import all_triples, to_nquads, to_trig, to_turtle
from newskg.rdf.files import replace_set, write_file_atomically

EXPORT_FORMATS = ("turtle", "trig", "nquads", "jsonld")


def render(dataset: Dataset, fmt: str) -> str:
    """The dataset in one of the export formats, deterministically ordered."""
    if fmt == "turtle":
        return to_turtle(all_triples(dataset))
    if fmt == "trig":
        return to_trig(dataset)
    if fmt == "nquads":
        return to_nquads(dataset)
    if fmt == "jsonld":
        import json

        data = json.loads(dataset.serialize(format="json-ld"))
        return json.dumps(sorted(data, key=lambda g: g.get("@id", "")), indent=1, sort_keys=True,
                          ensure_ascii=False) + "\n"
    raise OutputError(f"unknown format {fmt!r} (use one of {', '.join(EXPORT_FORMATS)})")


OUTPUT_FILES = ("newskg.trig", "newskg.ttl", "newskg.html")


def write_outputs(dataset: Dataset, out_dir: Path, html: bool = True, view_source=None) -> list[Path]:
    """Write newskg.trig, newskg.ttl and newskg.html into ``out_dir`` as one set (see ``replace_set``): an
    earlier set is replaced whole, and a page of it is removed when this build writes none.

    ``view_source``: where the page selects its graph through SPARQL (a store), if not ``dataset``."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: not a folder")
    rendered = {"newskg.trig": render(dataset, "trig"), "newskg.ttl": render(dataset, "turtle")}
    if html:
        from newskg.view.page import render_view

        rendered["newskg.html"] = render_view(dataset if view_source is None else view_source)
    replace_set(out_dir, rendered, set(OUTPUT_FILES))
    return [out_dir / name for name in rendered]


def export_store(oxstore, fmt: str, output: Path | None) -> bytes | None:
    """Export a persistent store with Oxigraph's own writers, streaming: a store of 10,000 articles does
    not fit rdflib's memory comfortably. The order is Oxigraph's (the same store content gives the same
    bytes), not the sorted order of a build's files. Writes atomically when ``output`` is given;
    returns the bytes otherwise."""
    import pyoxigraph

    from newskg.rdf.vocab import PREFIXES

    formats = {"turtle": pyoxigraph.RdfFormat.TURTLE, "trig": pyoxigraph.RdfFormat.TRIG,
               "nquads": pyoxigraph.RdfFormat.N_QUADS, "jsonld": pyoxigraph.RdfFormat.JSON_LD}
    if fmt not in formats:
        raise OutputError(f"unknown format {fmt!r} (use one of {', '.join(EXPORT_FORMATS)})")
    # Not id: our IRIs under it have slashes, which Oxigraph's writers escape (id:article\/x): full IRIs
    # read better and match a build's newskg.ttl
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items() if name != "id"}

    def write(target):
        if fmt == "turtle":  # all named graphs merged, as a build's newskg.ttl
            merged = oxstore.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            return pyoxigraph.serialize(merged, output=target, format=formats[fmt], prefixes=prefixes)
        extra = {} if fmt == "nquads" else {"prefixes": prefixes}
        return oxstore.dump(output=target, format=formats[fmt], **extra)

    if output is None:
        return write(None)
    write_file_atomically(Path(output), write)
    return None
