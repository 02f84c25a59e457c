"""SHACL: the built graph conforms; a broken fact is caught and named."""
from click.testing import CliRunner

from conftest import ROOT
from newskg.cli import main


def test_packaged_shapes_are_the_ontology_shapes():
    from importlib import resources

    packaged = resources.files("newskg.data").joinpath("shapes.ttl").read_text(encoding="utf-8")
    assert packaged == (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")


def test_seeds_graph_conforms(seeds_build):
    result = CliRunner().invoke(main, ["validate", "--graph", str(seeds_build[1] / "newskg.trig")])
    assert (result.exit_code, result.stdout.strip()) == (0, "conforms")


def test_broken_fact_is_reported_with_its_node(seeds_build, tmp_path):
    from rdflib import Literal, URIRef
    from rdflib.namespace import PROV

    from newskg.rdf.files import load_graph, write_atomically
    from newskg.rdf.outputs import render
    from newskg.rdf.vocab import ID, NKG

    dataset = load_graph(seeds_build[1] / "newskg.trig")
    layoff = ID["fact/000_2a2d67eec8d349e5/layoff-1"]
    staff = ID["fact/000_2a2d67eec8d349e5/staffcount-1"]
    graph = dataset.graph(URIRef(ID["article/000_2a2d67eec8d349e5"]))
    graph.remove((layoff, PROV.wasDerivedFrom, None))
    graph.remove((staff, NKG.value, None))
    graph.add((staff, NKG.value, Literal("sembilan ribu")))
    broken = tmp_path / "broken.trig"
    write_atomically(broken, render(dataset, "trig"))
    result = CliRunner().invoke(main, ["validate", "--graph", str(broken)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(str(layoff) in line and "wasDerivedFrom" in line for line in lines)
    assert any(str(staff) in line and "value" in line and "integer" in line for line in lines)


def test_validate_cannot_run_on_a_missing_graph(tmp_path):
    result = CliRunner().invoke(main, ["validate", "--graph", str(tmp_path / "none.trig")])
    assert result.exit_code == 2 and "no such graph file" in result.stderr


def test_a_store_update_validates_what_it_wrote(tmp_path, monkeypatch):
    """Adding to a store checks the article graphs it wrote against the shapes (with the entities they
    point at), not the whole store: a bug in one new article's triples is still caught."""
    import shutil

    from rdflib.namespace import PROV

    import newskg.store.cache
    from conftest import SEEDS

    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    last = sorted(articles.glob("*.txt"))[-1]
    held_back = tmp_path / last.name
    shutil.move(last, held_back)
    store = str(tmp_path / "kg")
    first = CliRunner().invoke(main, ["build", str(articles), "--store", store, "--json"])
    assert first.exit_code == 0, first.output
    real = newskg.store.cache.article_triples

    def without_provenance(*args):
        return [t for t in real(*args) if t[1] != PROV.wasDerivedFrom]

    monkeypatch.setattr(newskg.store.cache, "article_triples", without_provenance)
    shutil.move(held_back, last)
    second = CliRunner().invoke(main, ["build", str(articles), "--store", store])
    assert second.exit_code == 1
    problems = [line for line in second.stderr.splitlines() if "violates a shape" in line]
    assert problems and all(f"fact/{last.stem}/" in line and "wasDerivedFrom" in line for line in problems)
