"""The persistent store: incremental builds equal full builds; removal; queries through Oxigraph."""
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import QUERIES, SEEDS
from newskg.cli import main


def triples(dataset) -> set:
    return {t for g in dataset.graphs() for t in g}


@pytest.fixture
def seeds_copy(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def test_store_build_equals_in_memory_build(seeds_build, tmp_path):
    from newskg.store.oxigraph import PersistentStore

    store = PersistentStore(tmp_path / "kg")
    report = store.update([SEEDS])
    assert (len(report.added), report.unchanged) == (5, 0)
    assert triples(store.to_dataset()) == triples(seeds_build[0].dataset)


def test_adding_one_article_equals_building_all(seeds_build, seeds_copy, tmp_path):
    from newskg.store.oxigraph import PersistentStore

    last = sorted(seeds_copy.glob("*.txt"))[-1]
    held_back = tmp_path / last.name
    shutil.move(last, held_back)
    store = PersistentStore(tmp_path / "kg")
    store.update([seeds_copy])
    shutil.move(held_back, last)
    report = store.update([seeds_copy])
    assert (report.added, report.unchanged) == ([last.stem], 4)
    assert triples(store.to_dataset()) == triples(seeds_build[0].dataset)


def test_unchanged_articles_are_not_processed_again(seeds_copy, tmp_path):
    from newskg.store.oxigraph import PersistentStore

    store = PersistentStore(tmp_path / "kg")
    store.update([seeds_copy])
    report = store.update([seeds_copy])
    assert (report.added, report.changed, report.unchanged, report.rewritten) == ([], [], 5, 0)


def test_a_changed_article_replaces_its_graph(seeds_copy, tmp_path):
    from newskg.store.oxigraph import PersistentStore
    from newskg.pipeline import build_corpus

    store = PersistentStore(tmp_path / "kg")
    store.update([seeds_copy])
    target = next(seeds_copy.glob("003_*.txt"))
    target.write_text(target.read_text(encoding="utf-8").replace("3.500 orang", "3.400 orang"), encoding="utf-8")
    report = store.update([seeds_copy])
    assert report.changed == [target.stem]
    assert triples(store.to_dataset()) == triples(build_corpus([seeds_copy]).dataset)


def test_removing_an_article(seeds_copy, tmp_path):
    from newskg.store.oxigraph import PersistentStore
    from newskg.pipeline import build_corpus

    store = PersistentStore(tmp_path / "kg")
    store.update([seeds_copy])
    gone = next(seeds_copy.glob("002_*.txt"))
    store.remove([gone.name])
    gone.unlink()
    assert triples(store.to_dataset()) == triples(build_corpus([seeds_copy]).dataset)


@pytest.mark.parametrize("name", sorted(p.stem for p in (QUERIES / "cq").glob("*.rq")))
def test_store_and_file_give_the_same_answers(seeds_build, tmp_path_factory, name):
    runner = CliRunner()
    store = tmp_path_factory.getbasetemp() / "cli-kg"
    if not store.exists():
        assert runner.invoke(main, ["build", str(SEEDS), "--store", str(store)]).exit_code == 0
    query = str(QUERIES / "cq" / f"{name}.rq")
    from_store = runner.invoke(main, ["query", "-f", query, "--store", str(store), "--format", "csv"])
    from_file = runner.invoke(main, ["query", "-f", query, "--graph", str(seeds_build[1] / "newskg.trig"), "--format", "csv"])
    assert from_store.exit_code == from_file.exit_code == 0
    assert sorted(from_store.stdout.splitlines()) == sorted(from_file.stdout.splitlines())
    assert len(from_store.stdout.splitlines()) > 1
    # A file is queried through Oxigraph too: rdflib (which score.py uses) gives the same rows.
    from newskg.query.run import format_answer, run_query

    by_rdflib = run_query(seeds_build[0].dataset, Path(query).read_text(encoding="utf-8"))
    assert sorted(from_file.stdout.splitlines()) == sorted(format_answer(by_rdflib, "csv").splitlines())


def test_parameters_cannot_change_a_store(tmp_path):
    from newskg.store.oxigraph import PersistentStore

    runner = CliRunner()
    store = tmp_path / "kg"
    assert runner.invoke(main, ["build", str(SEEDS), "--store", str(store)]).exit_code == 0
    before = PersistentStore(store, read_only=True).count()
    assert before > 1000
    for value in ['Klarna" } DROP ALL { "', "x } } ; CLEAR ALL", 'Klarna\\"}']:
        result = runner.invoke(main, ["query", "entity_profile", "--param", f"entity={value}", "--store", str(store),
                                      "--queries", str(QUERIES), "--format", "csv"])
        assert result.exit_code == 0 and result.stdout.splitlines() == ["entity,label,type,aliases,wikidata,articles"]
    assert PersistentStore(store, read_only=True).count() == before


def _write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_many_small_updates_equal_one_full_build(tmp_path):
    """Articles added one at a time, changed and removed: the store stays equal to a full build, also
    where a new article splits what earlier ones joined (a lone surname that becomes ambiguous)."""
    from newskg.develop.generator import generate_corpus
    from newskg.store.oxigraph import PersistentStore
    from newskg.pipeline import build_corpus

    pool = tmp_path / "pool"
    paths = generate_corpus(40, pool, seed=3)
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in paths[:30]:
        shutil.copy(path, articles)
    _write(articles, "s1.txt", "Direktur PT Sinar Kencana, Budi Santoso, mengumumkan PHK terhadap 120 karyawan. "
                               "\"Kami harus efisien,\" kata Santoso kepada wartawan.\n")
    _write(articles, "s2.txt", "Santoso mengatakan PT Sinar Kencana tidak akan merekrut karyawan baru tahun ini.\n")
    store = PersistentStore(tmp_path / "kg")
    store.update([articles])
    for path in paths[30:35]:  # one at a time: these take the path that resolves only what they reach
        shutil.copy(path, articles)
        assert len(store.update([articles]).added) == 1
    _write(articles, "s3.txt", "Rina Santoso, pendiri PT Delta Niaga, mengatakan perusahaannya merekrut 40 insinyur.\n")
    store.update([articles])
    for gone in sorted(articles.glob("g*.txt"))[:3]:
        store.remove([gone.name])
        gone.unlink()
    changed = sorted(articles.glob("g*.txt"))[5]
    changed.write_text(changed.read_text(encoding="utf-8").replace("karyawan", "pegawai"), encoding="utf-8")
    assert len(store.update([articles]).changed) == 1
    assert triples(store.to_dataset()) == triples(build_corpus([articles]).dataset)
    # the summary a store build prints comes from the index; it must count what the graph holds
    from newskg.query.sources import GraphStore
    from newskg.rdf.stats import graph_stats

    counted = graph_stats(GraphStore(str(tmp_path / "kg")))
    assert store.index.summary() == {k: counted[k] for k in ("articles", "entities", "facts", "claims", "conflicts")}


def test_an_update_killed_half_way_is_repaired_by_the_next(seeds_build, seeds_copy, tmp_path):
    from newskg.store.oxigraph import PersistentStore

    store = PersistentStore(tmp_path / "kg")
    store.update([seeds_copy])
    store.store.remove_graph(next(iter(store.store.named_graphs())))  # damage, as a kill could leave it
    (tmp_path / "kg" / ".updating").touch()
    store.update([seeds_copy])  # nothing new to read, but the marker asks for a repair
    assert not (tmp_path / "kg" / ".updating").exists()
    assert triples(store.to_dataset()) == triples(seeds_build[0].dataset)


@pytest.mark.parametrize("name,entity", [("timeline", "klarna"), ("claims", "SALESFORCE"), ("conflicts", "Klarna"),
                                         ("entity_profile", "sebastian  siemiatkowski")])
def test_queries_about_one_entity_agree_on_store_and_file_whatever_the_case(seeds_build, tmp_path_factory, name,
                                                                              entity):
    """On a store, a query with a parameter runs its OPTIONALs row by row (fast on big stores); the
    answers must stay those of rdflib on the file. Names match in any case and spacing."""
    runner = CliRunner()
    store = tmp_path_factory.getbasetemp() / "cli-kg-entity"
    if not store.exists():
        assert runner.invoke(main, ["build", str(SEEDS), "--store", str(store)]).exit_code == 0
    args = ["query", name, "--queries", str(QUERIES), "--param", f"entity={entity}", "--format", "csv"]
    from_store = runner.invoke(main, args + ["--store", str(store)])
    from_file = runner.invoke(main, args + ["--graph", str(seeds_build[1] / "newskg.trig")])
    assert from_store.exit_code == from_file.exit_code == 0, from_store.output + from_file.output
    assert _rows(from_store.stdout) == _rows(from_file.stdout)
    assert len(from_store.stdout.splitlines()) > 1


def _rows(csv_text: str) -> list:
    """CSV rows with the items of each GROUP_CONCAT cell sorted (engines concatenate in any order)."""
    import csv
    import io

    return sorted([sorted(cell.split()) for cell in row] for row in csv.reader(io.StringIO(csv_text)))


def test_row_by_row_wraps_each_optional_and_leaves_strings_and_comments_alone():
    from newskg.query.run import row_by_row

    text = ('SELECT * WHERE { ?a ?b ?c # the article\'s { brace\n'
            '  OPTIONAL { ?a <http://x/#y> "a } b" OPTIONAL { ?c ?d ?e } } FILTER(?c != "OPTIONAL {") }')
    assert row_by_row(text) == (
        'SELECT * WHERE { ?a ?b ?c # the article\'s { brace\n'
        '  LATERAL { OPTIONAL { ?a <http://x/#y> "a } b" LATERAL { OPTIONAL { ?c ?d ?e } } } } '
        'FILTER(?c != "OPTIONAL {") }')


@pytest.mark.parametrize("fmt,rdflib_format", [("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"),
                                               ("jsonld", "json-ld")])
def test_export_from_a_store_holds_the_built_graph(seeds_build, tmp_path, fmt, rdflib_format):
    from rdflib import Dataset, Graph

    store = tmp_path / "kg"
    assert CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(store)]).exit_code == 0
    out = tmp_path / f"export.{fmt}"
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "turtle":
        assert set(Graph().parse(out, format="turtle")) == triples(seeds_build[0].dataset)
    else:
        exported = Dataset()
        exported.parse(out, format=rdflib_format)
        assert {(s, p, o, g.identifier) for g in exported.graphs() for s, p, o in g if len(g)} == \
            {(s, p, o, g.identifier) for g in seeds_build[0].dataset.graphs() for s, p, o in g if len(g)}
    again = tmp_path / f"again.{fmt}"
    CliRunner().invoke(main, ["export", "--store", str(store), "--format", fmt, "-o", str(again)])
    assert again.read_bytes() == out.read_bytes()


def test_a_big_update_writes_in_batches_and_compacts(seeds_build, tmp_path, monkeypatch):
    """With batches of two articles the five seeds take three bulk loads and end with a compaction:
    the same graph as one build."""
    import newskg.store.oxigraph
    from newskg.store.oxigraph import PersistentStore

    monkeypatch.setattr(newskg.store.oxigraph, "BATCH", 2)
    store = PersistentStore(tmp_path / "kg")
    assert store.update([SEEDS]).rewritten == 5
    assert triples(store.to_dataset()) == triples(seeds_build[0].dataset)


def bindings(output: str) -> list[dict]:
    """The rows of a SPARQL JSON answer, as plain values."""
    return [{k: v["value"] for k, v in row.items()} for row in json.loads(output)["results"]["bindings"]]


ODD_NAMES = ["two words.txt", "it's \"quoted\".txt", "line\nbreak.txt", "Berita Ékonomi 日本.txt", "100% #1?.txt"]


def test_any_file_name_gives_valid_iris_in_a_file_and_a_store(tmp_path):
    """Spaces, quotes, a newline, non-ASCII letters and IRI delimiters in file names: the graph file and the
    store both load and answer queries, and each article keeps its file name in nkg:sourceFile."""
    folder = tmp_path / "odd"
    folder.mkdir()
    for number, name in enumerate(ODD_NAMES):
        (folder / name).write_text(f"Startup Kopiloka{number} memangkas {30 + number} karyawan pada Juni 2024.\n",
                                   encoding="utf-8")
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(folder), "--out", str(tmp_path / "graph"), "--no-html"])
    assert built.exit_code == 0, built.output
    stored = runner.invoke(main, ["build", str(folder), "--store", str(tmp_path / "kg")])
    assert stored.exit_code == 0, stored.output
    query = ("PREFIX nkg: <https://w3id.org/newskg/ontology#> "
             "SELECT ?a ?file WHERE { GRAPH ?a { ?a nkg:sourceFile ?file } } ORDER BY ?file")
    for source in (["--graph", str(tmp_path / "graph" / "newskg.trig")], ["--store", str(tmp_path / "kg")]):
        assert runner.invoke(main, ["stats", *source]).exit_code == 0
        answer = runner.invoke(main, ["query", "--format", "json", *source, query])
        assert answer.exit_code == 0, answer.output
        rows = bindings(answer.stdout)
        assert sorted(row["file"] for row in rows) == sorted(ODD_NAMES)
        assert all(not set(row["a"]) & set(' "\n<>{}|\\^`') and row["a"].isascii() for row in rows)


def test_seed_article_iris_are_unchanged(seeds_build):
    iris = {str(g.identifier) for g in seeds_build[0].dataset.graphs() if "/article/" in str(g.identifier)}
    assert iris == {f"https://w3id.org/newskg/id/article/{p.stem}" for p in SEEDS.glob("*.txt")}


def test_same_stem_in_two_folders_is_two_articles_and_remove_says_which(tmp_path):
    folder = tmp_path / "articles"
    for sub, company in (("a", "Kopiloka"), ("b", "Lumbung Data")):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "report.txt").write_text(f"Startup {company} memangkas 30 karyawan pada Juni 2024.\n",
                                                 encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(folder), "--store", str(tmp_path / "kg")]).exit_code == 0
    (folder / "a" / "report.txt").write_text("Startup Kopiloka memangkas 50 karyawan pada Juli 2024.\n",
                                             encoding="utf-8")
    again = runner.invoke(main, ["build", str(folder), "--store", str(tmp_path / "kg"), "--json"])
    assert json.loads(again.stdout)["changed"] == 1 and json.loads(again.stdout)["articles"] == 2
    removed = runner.invoke(main, ["remove", str(folder / "b" / "report.txt"), "--store", str(tmp_path / "kg")])
    assert removed.exit_code == 0 and "b/report.txt" in removed.stdout, removed.output
    files = runner.invoke(main, ["query", "--format", "json", "--store", str(tmp_path / "kg"),
                                 "PREFIX nkg: <https://w3id.org/newskg/ontology#> "
                                 "SELECT ?file WHERE { GRAPH ?a { ?a nkg:sourceFile ?file } }"])
    assert [row["file"] for row in bindings(files.stdout)] == ["a/report.txt"]


def _long_sentence():
    """The benchmark's sentence of many names (benchmarks/long_sentence.py), imported from there."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("long_sentence", Path(__file__).parent.parent / "benchmarks"
                                                  / "long_sentence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_article_past_the_time_bound_is_reported_and_skipped(tmp_path):
    """A store update gives up an article that takes longer than --article-timeout, names it, builds the rest."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "names.txt").write_text(_long_sentence().names_sentence(6000), encoding="utf-8")
    (folder / "ok.txt").write_text("Startup Kopiloka memangkas 30 karyawan pada Juni 2024.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--store", str(tmp_path / "kg"), "--json",
                                       "--article-timeout", "0.5", "--jobs", "1"])
    assert result.exit_code == 1
    assert "names.txt: took more than 0.5 s to analyse" in result.stderr  # the timer's word: the 6,000 names take 6 s
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["articles"]) == (1, 1)


def test_a_file_build_bounds_each_article_too(tmp_path):
    """The file build had no bound: one pathological text held the whole build. Now it is skipped and named,
    the rest is built, and a graph built before is replaced only by the complete new one."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "names.txt").write_text(_long_sentence().names_sentence(6000), encoding="utf-8")
    (folder / "ok.txt").write_text("Startup Kopiloka memangkas 30 karyawan pada Juni 2024.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "g"), "--json", "--no-html",
                                       "--article-timeout", "0.5"])
    assert result.exit_code == 1
    assert "names.txt: took more than 0.5 s to analyse" in result.stderr
    assert json.loads(result.stdout)["articles"] == 1
    assert "Kopiloka" in (tmp_path / "g" / "newskg.ttl").read_text(encoding="utf-8")


def test_a_sentence_of_many_names_takes_linear_time():
    """Names joined by ' dan ' in one sentence: four times the names take about four times as long (3.8x
    measured alone, up to 5.4x within the suite); with a quadratic step it was 10x in CPU time (1,500 names
    4.3 s, 6,000 names 26 s: a photo-credit search over the whole line)."""
    import gc
    import time

    module = _long_sentence()
    module.time_build(5)  # language data and place names load once
    gc.collect()
    gc.disable()  # collections of what earlier tests left alive would be timed too
    try:
        small = min(module.time_build(1500, time.process_time) for _ in range(2))
        large = module.time_build(6000, time.process_time)
    finally:
        gc.enable()
    assert large < 6 * small, (small, large)
