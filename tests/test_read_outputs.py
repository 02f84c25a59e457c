"""What a newcomer reads (issue 20, item 11): the store build's summary, `claims`, the store's Turtle, and the
README's word on inputs, fact kinds and the JSON-LD export."""
import csv
import io
import json
import re

import rdflib
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from newskg.cli import main


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_store_build_summary_is_text_not_python_dicts(tmp_path):
    output = run("build", str(SEEDS), "--store", str(tmp_path / "kg"), "--no-validate")
    assert not re.search(r"[{}\[\]']", output), output
    assert re.search(r"^entities: (\w+ \d+, )*\w+ \d+$", output, re.MULTILINE), output
    assert re.search(r"^facts: (\w+ \d+, )*\w+ \d+$", output, re.MULTILINE), output


def test_claims_prints_each_claim_once_naming_every_entity_it_is_about(seeds_build):
    graph = str(seeds_build[1] / "newskg.trig")
    rows = list(csv.DictReader(io.StringIO(run("claims", "--graph", graph, "--format", "csv"))))
    claims = [row["claim"] for row in rows]
    assert len(claims) == len(set(claims))
    position = next(row for row in rows if "positionheld/person-sebastian-siemiatkowski" in row["claim"])
    assert set(position["about"].split(", ")) == {"Klarna", "Sebastian Siemiatkowski"}
    records = json.loads(run("claims", "--graph", graph, "--format", "json"))
    assert len(records) == len({r["claim"] for r in records}) == len(rows)


def test_store_turtle_and_trig_write_no_escaped_names(tmp_path):
    import pyoxigraph

    run("build", str(SEEDS), "--store", str(tmp_path / "kg"), "--no-validate")
    for fmt, ox_format in (("turtle", pyoxigraph.RdfFormat.TURTLE), ("trig", pyoxigraph.RdfFormat.TRIG)):
        text = run("export", "--store", str(tmp_path / "kg"), "--format", fmt)
        assert "\\/" not in text and "<https://w3id.org/newskg/id/article/" in text
        assert len(list(pyoxigraph.parse(text.encode("utf-8"), format=ox_format))) > 1000


def test_readme_names_every_input_suffix_and_fact_kind():
    from newskg.kinds import KINDS
    from newskg.read.inputs import ARTICLE_SUFFIXES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    build_row = next(line for line in readme.splitlines() if line.startswith("| `newskg build PATH... [--out"))
    assert all(f"`*{suffix}`" in build_row for suffix in ARTICLE_SUFFIXES), build_row
    assert all(f"`nkg:{kind}`" in readme for kind in KINDS)


def test_readme_line_for_the_jsonld_export_reads_every_triple(seeds_build, tmp_path):
    exported = tmp_path / "newskg.jsonld"
    run("export", "--graph", str(seeds_build[1] / "newskg.trig"), "--format", "jsonld", "-o", str(exported))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line.strip() for line in readme.splitlines() if "rdflib.Dataset().parse(" in line)
    scope = {"rdflib": rdflib}
    exec(line.replace('"newskg.jsonld"', repr(str(exported))), scope)
    assert len(rdflib.Graph().parse(exported)) == 0  # what the README warns about
    expected = {q for q in seeds_build[0].dataset.quads() if not str(q[3]).startswith("urn:x-rdflib:")}
    assert len(set(scope["ds"].quads())) == len(expected) > 1000
