"""The command line, through click's CliRunner: exit codes, messages, outputs."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import QUERIES, ROOT, SEEDS
from newskg.cli import main


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-graph")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result


def test_build_prints_a_summary(built):
    out, result = built
    assert "articles read: 5, skipped: 0" in result.stdout
    assert "entities:" in result.stdout and "person 2" in result.stdout
    assert "facts:" in result.stdout and "Layoff" in result.stdout and "triples:" in result.stdout
    assert {p.name for p in out.iterdir()} == {"newskg.trig", "newskg.ttl", "newskg.html"}


def test_query_roles_file_lists_ceos(runner, built):
    graph = str(built[0] / "newskg.trig")
    result = runner.invoke(main, ["query", "-f", str(QUERIES / "cq" / "cq_roles.rq"), "--graph", graph, "--format", "csv"])
    assert result.exit_code == 0
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["person"], r["role"], r["org"]) for r in table} == {
        ("Sebastian Siemiatkowski", "CEO", "Klarna"), ("Marc Benioff", "CEO", "Salesforce")}
    assert len({r["doc"] for r in table if r["person"] == "Sebastian Siemiatkowski"}) == 5


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(runner, built, fmt):
    graph = str(built[0] / "newskg.trig")
    result = runner.invoke(main, ["query", "-f", str(QUERIES / "cq" / "cq_people.rq"), "--graph", graph, "--format", fmt])
    assert result.exit_code == 0
    assert "Marc Benioff" in result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["head"]["vars"] == ["doc", "name"] and data["results"]["bindings"][0]["doc"]["type"] == "uri"
    if fmt == "tsv":
        assert result.stdout.splitlines()[0] == "doc\tname"


def test_ask_exits_by_answer(runner, built):
    graph = str(built[0] / "newskg.trig")
    yes = runner.invoke(main, ["query", "ASK { ?s ?p ?o }", "--graph", graph])
    no = runner.invoke(main, ["query", "ASK { ?s <urn:nothing> ?o }", "--graph", graph])
    assert (yes.exit_code, yes.stdout, no.exit_code, no.stdout) == (0, "true\n", 1, "false\n")


def test_construct_prints_turtle_or_ntriples(runner, built):
    query = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 3"
    result = runner.invoke(main, ["query", query, "--graph", str(built[0] / "newskg.trig")])
    assert result.exit_code == 0 and "@prefix" in result.stdout
    lines = runner.invoke(main, ["query", query, "--graph", str(built[0] / "newskg.trig"), "--format", "ntriples"])
    assert lines.exit_code == 0 and len(lines.stdout.splitlines()) == 3
    assert all(line.startswith("<") and line.endswith(" .") for line in lines.stdout.splitlines())


@pytest.mark.parametrize("fmt,rdflib_format", [("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"),
                                               ("jsonld", "json-ld")])
def test_export_formats_hold_every_triple_of_the_graph(runner, built, tmp_path, fmt, rdflib_format):
    """Each export parses back into the same triples as the built graph (a marker in the text proved nothing)."""
    from rdflib import Dataset

    from newskg.rdf.files import load_graph

    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(main, ["export", "--format", fmt, "-o", str(target), "--graph", str(built[0] / "newskg.trig")])
    assert result.exit_code == 0
    exported = Dataset()
    exported.parse(target, format=rdflib_format)
    built_triples = {t for t in load_graph(built[0] / "newskg.trig").triples((None, None, None))}
    assert built_triples and {t for t in exported.triples((None, None, None))} | set(
        t for g in exported.graphs() for t in g) >= built_triples


def test_view_focus_and_max_nodes(runner, built, tmp_path):
    target = tmp_path / "klarna.html"
    result = runner.invoke(main, ["view", "--graph", str(built[0] / "newskg.trig"), "-o", str(target),
                                  "--focus", "Klarna", "--depth", "1", "--max-nodes", "10", "--lang", "id"])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert "fokus pada Klarna" in page and "PHK" in page  # --lang id: the note too (issue 20.9)


def test_stats_and_explain(runner, built):
    graph = str(built[0] / "newskg.trig")
    stats = runner.invoke(main, ["stats", "--graph", graph, "--json"])
    numbers = json.loads(stats.stdout)
    assert numbers["articles"] == 5 and numbers["entities"]["person"] == 2 and numbers["facts"]["Layoff"] >= 4
    explained = runner.invoke(main, ["explain", "fact/000_2a2d67eec8d349e5/layoff-1", "--graph", graph])
    assert explained.exit_code == 0
    assert "1.200 karyawan" in explained.stdout and "rule:" in explained.stdout and "employees: 1200" in explained.stdout


# ---------------------------------------------------------------- bad input

def _one_error_line(result, *needles):
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and all(any(n in line for line in lines) for n in needles), result.stderr
    assert "Traceback" not in result.stderr


def test_missing_path(runner, tmp_path):
    result = runner.invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "g")])
    assert result.exit_code == 1
    _one_error_line(result, "nope", "no such file")


@pytest.mark.parametrize("name,content,problem", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary file"),
])
def test_bad_article_is_reported_and_the_others_are_built(runner, tmp_path, name, content, problem):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text("Startup Kopiloka memangkas 30 karyawan pada Juni 2024.\n", encoding="utf-8")
    (articles / name).write_bytes(content)
    result = runner.invoke(main, ["build", str(articles), "--out", str(tmp_path / "g")])
    assert result.exit_code == 1
    _one_error_line(result, name, problem)
    assert "articles read: 1, skipped: 1" in result.stdout
    assert "Kopiloka" in (tmp_path / "g" / "newskg.ttl").read_text(encoding="utf-8")


def test_failed_build_leaves_existing_graph_intact(runner, built, tmp_path):
    out = tmp_path / "g"
    out.mkdir()
    for path in built[0].iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    result = runner.invoke(main, ["build", str(bad), "--out", str(out)])
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_malformed_sparql_names_line_and_column(runner, built):
    result = runner.invoke(main, ["query", "SELECT ?x WHERE {\n ?x ?y }", "--graph", str(built[0] / "newskg.trig")])
    assert result.exit_code == 1
    _one_error_line(result, "SPARQL syntax error at line")


def test_missing_query_file(runner, built, tmp_path):
    result = runner.invoke(main, ["query", "-f", str(tmp_path / "missing.rq"), "--graph", str(built[0] / "newskg.trig")])
    assert result.exit_code == 1
    _one_error_line(result, "missing.rq", "no such query file")


def test_missing_graph_file(runner, tmp_path):
    result = runner.invoke(main, ["stats", "--graph", str(tmp_path / "none.trig")])
    assert result.exit_code == 1
    _one_error_line(result, "none.trig", "no such graph file")


# ---------------------------------------------------------------- docs

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout and f"newskg {command}" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"newskg {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- query library

def test_query_list_shows_library_with_parameters(runner):
    result = runner.invoke(main, ["query", "--list", "--queries", str(QUERIES)])
    assert result.exit_code == 0
    assert "entity_profile" in result.stdout and "--param entity=..." in result.stdout
    assert "cq_roles" in result.stdout


def test_entity_profile_by_any_name(runner, built):
    graph = str(built[0] / "newskg.trig")
    result = runner.invoke(main, ["query", "entity_profile", "--param", "entity=siemiatkowski", "--graph", graph,
                                  "--queries", str(QUERIES), "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)["results"]["bindings"]
    assert row["label"]["value"] == "Sebastian Siemiatkowski" and row["type"]["value"] == "Person"
    assert len(row["articles"]["value"].split()) == 5 and "Siemiatkowski" in row["aliases"]["value"]


@pytest.mark.parametrize("value", ['Klarna" } DROP ALL { "', "Klarna } }", "'; DELETE WHERE { ?s ?p ?o }"])
def test_parameters_are_values_not_query_text(runner, built, value):
    graph = str(built[0] / "newskg.trig")
    before = (built[0] / "newskg.trig").read_bytes()
    result = runner.invoke(main, ["query", "entity_profile", "--param", f"entity={value}", "--graph", graph,
                                  "--queries", str(QUERIES), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines() == ["entity,label,type,aliases,wikidata,articles"]
    count = runner.invoke(main, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", graph, "--format", "csv"])
    assert (built[0] / "newskg.trig").read_bytes() == before and int(count.stdout.split()[1]) > 1000
