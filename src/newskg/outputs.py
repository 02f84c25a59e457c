"""Write a build's outputs: the TriG of all named graphs, the merged Turtle and the HTML view.

Every file is rendered in memory first and then written atomically, so an
existing ``graph/`` is replaced whole or not at all.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from newskg.errors import OutputError
from newskg.serialize import all_triples, to_nquads, to_trig, to_turtle
from newskg.store import write_atomically

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


def write_outputs(dataset: Dataset, out_dir: Path, html: bool = True) -> list[Path]:
    """Write newskg.trig, newskg.ttl and newskg.html into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: not a folder")
    rendered = {out_dir / "newskg.trig": render(dataset, "trig"), out_dir / "newskg.ttl": render(dataset, "turtle")}
    if html:
        from newskg.view import render_view

        rendered[out_dir / "newskg.html"] = render_view(dataset)
    for path, text in rendered.items():
        write_atomically(path, text)
    return list(rendered)
