"""The same story twice (issue 20 item 5): near-identical articles are linked in the graph and count as one source."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskg.cli import main

BODY = [
    "Perusahaan farmasi Sentosa Farma memangkas 500 karyawan pada {month} 2025 karena penjualan obat turun tajam "
    "di pasar domestik.",
    "Direktur Utama Sentosa Farma, Budi Hartono, mengatakan langkah itu diambil setelah perusahaan merugi dua tahun "
    "berturut-turut.",
    "\"Kami harus menyesuaikan biaya operasional agar perusahaan tetap bertahan,\" kata Budi Hartono di Jakarta.",
    "Pemangkasan itu terutama menyasar pabrik di Bekasi dan kantor pusat di Jakarta Selatan.",
    "Serikat pekerja menyatakan akan meminta pesangon sesuai ketentuan undang-undang ketenagakerjaan.",
]
TXT = "Sentosa Farma Pangkas 500 Karyawan\nJakarta, Kabar Niaga – " + "\n".join(BODY).format(month="Maret") + "\n"
# the same page saved as HTML later: the site's metadata and a re-dated first line
HTML = ("<!DOCTYPE html><html><head><title>Sentosa Farma Pangkas 500 Karyawan</title>"
        '<meta property="og:site_name" content="Warta Ekonomi"><meta name="date" content="2025-06-20"></head>'
        "<body><nav><a href=\"/\">Beranda</a></nav><article><h1>Sentosa Farma Pangkas 500 Karyawan</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY).format(month="Juni")
        + "</article><footer>Leave a Reply</footer></body></html>")
OTHER = ("Sentosa Farma Tutup Pabrik Bekasi\nPerusahaan farmasi Sentosa Farma memangkas 500 karyawan pada Maret "
         "2025, menurut laporan serikat pekerja yang dirilis di Bekasi pekan ini.\n"
         "Perusahaan belum memberikan tanggapan resmi atas laporan tersebut.\n")

PREFIXES = ("PREFIX nkg: <https://w3id.org/newskg/ontology#> PREFIX schema: <https://schema.org/>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")


@pytest.fixture
def built(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(TXT, encoding="utf-8")
    (folder / "story.html").write_text(HTML, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "g")])
    assert result.exit_code == 0, result.stderr
    from newskg.rdf.files import load_graph

    return result, load_graph(tmp_path / "g" / "newskg.trig")


def _ask(graph, query: str) -> list[tuple]:
    return sorted(tuple(str(v) for v in row) for row in graph.query(PREFIXES + query))


def test_near_identical_articles_are_linked_both_ways_and_the_build_says_so(built):
    result, graph = built
    links = _ask(graph, "SELECT ?a ?b WHERE { ?x nkg:sameStoryAs ?y . ?x nkg:sourceFile ?a . ?y nkg:sourceFile ?b }")
    assert links == [("story.html", "story.txt"), ("story.txt", "story.html")]
    assert "story.html and story.txt: the same story (near-identical texts)" in result.stderr


def test_a_claim_counts_copies_of_one_story_as_one_source_with_their_outlets(built):
    _, graph = built
    quote = _ask(graph, """SELECT ?count (GROUP_CONCAT(?name; separator="|") AS ?outlets) WHERE {
        ?claim nkg:claimKind nkg:Quote ; nkg:sourceCount ?count ; nkg:sourceOutlet ?o . ?o rdfs:label ?name
        } GROUP BY ?count""")
    assert len(quote) == 1 and quote[0][0] == "1"
    assert sorted(quote[0][1].split("|")) == ["Kabar Niaga", "Warta Ekonomi"]
    # the independent report still corroborates: the March layoff has two sources (story.txt and other.txt)
    march = _ask(graph, """SELECT ?count WHERE { ?claim nkg:claimKind nkg:Layoff ; nkg:sourceCount ?count ;
        nkg:date ?date FILTER(STR(?date) = "2025-03") }""")
    assert march == [("2",)]


def test_two_copies_of_one_story_do_not_conflict(built):
    from newskg.query.run import run_query

    _, graph = built
    query = (Path(__file__).resolve().parent.parent / "queries" / "conflicts.rq").read_text(encoding="utf-8")
    answer = run_query(graph, query)
    pairs = [tuple(sorted((str(row[answer.columns.index("articleA")]), str(row[answer.columns.index("articleB")]))))
             for row in answer.rows]
    assert pairs and ("story.html", "story.txt") not in pairs  # other.txt (another source) still conflicts


def test_distinct_reports_of_one_event_are_not_the_same_story(tmp_path):
    from newskg.read.article import parse_article
    from newskg.read.duplicates import same_story_pairs

    a = parse_article(TXT, doc_id="a", source="a.txt")
    b = parse_article(OTHER, doc_id="b", source="b.txt")
    c = parse_article(HTML.replace("<p>", "\n").replace("</p>", "\n"), doc_id="c", source="c.txt")
    assert same_story_pairs([a, b, c]) == [("a", "c")]


def test_detection_stays_fast_on_a_large_corpus():
    """2,000 distinct generated articles with ten republished copies: found in a few seconds."""
    from newskg.read.article import parse_article
    from newskg.read.duplicates import same_story_pairs

    import random

    words = [f"{stem}{n}" for stem in "pabrik kantor karyawan pasar obat harga laporan serikat".split()
             for n in range(40)]
    articles = []
    for n in range(2000):
        pick = random.Random(n)  # seeded: the same corpus every run
        body = " ".join(pick.choice(words) for _ in range(300))
        articles.append(parse_article(f"{body}.\n", doc_id=f"a{n:04d}", source=f"a{n:04d}.txt", lang_code="id"))
    copies = [parse_article(articles[n].text.replace(".\n", " tambahan.\n"), doc_id=f"copy{n}",
                            source=f"copy{n}.txt", lang_code="id") for n in range(10)]
    started = time.perf_counter()
    pairs = same_story_pairs(articles + copies)
    elapsed = time.perf_counter() - started
    assert pairs == sorted((f"a{n:04d}", f"copy{n}") for n in range(10))
    assert elapsed < 10, elapsed


def _triples(dataset) -> set:
    return {t for g in dataset.graphs() for t in g}


def _store_graph(kg):
    from newskg.store import open_store

    return open_store(kg, read_only=True).to_dataset()


def _file_graph(folder):
    from newskg.pipeline import build_corpus

    return build_corpus([folder]).dataset


def _store_build(folder, kg, *options):
    result = CliRunner().invoke(main, ["build", str(folder), "--store", str(kg), "--json", *options])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


LINKS = "SELECT ?a ?b WHERE { ?x nkg:sameStoryAs ?y . ?x nkg:sourceFile ?a . ?y nkg:sourceFile ?b }"
QUOTE_SOURCES = "SELECT ?count WHERE { ?claim nkg:claimKind nkg:Quote ; nkg:sourceCount ?count }"


def test_a_store_agrees_with_a_file_build_on_the_same_story(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(TXT, encoding="utf-8")
    (folder / "story.html").write_text(HTML, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    summary = _store_build(folder, tmp_path / "kg", "--no-validate")
    assert summary["same story (claims count each as one source)"] == ["story.html and story.txt"]
    graph = _store_graph(tmp_path / "kg")
    assert _ask(graph, LINKS) == [("story.html", "story.txt"), ("story.txt", "story.html")]
    assert _ask(graph, QUOTE_SOURCES) == [("1",)]
    assert _triples(graph) == _triples(_file_graph(folder))


def test_a_store_finds_the_same_story_across_updates_and_forgets_it_on_removal_or_change(tmp_path):
    """The copy arrives in a later update; then it is removed; then it comes back and is rewritten into another
    text. After each step the store holds what a file build of the same files holds (the copy has a stem of
    its own: two files 'story' would get their ids in the order they are read)."""
    folder, kg = tmp_path / "in", tmp_path / "kg"
    folder.mkdir()
    (folder / "story.txt").write_text(TXT, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    _store_build(folder, kg)
    graph = _store_graph(kg)
    assert _ask(graph, LINKS) == []  # two reports of one event are two sources, not one story
    march = """SELECT ?count WHERE { ?claim nkg:claimKind nkg:Layoff ; nkg:sourceCount ?count ;
        nkg:date ?date FILTER(STR(?date) = "2025-03") }"""
    assert _ask(graph, march) == [("2",)]

    (folder / "saved.html").write_text(HTML, encoding="utf-8")
    assert _store_build(folder, kg)["added"] == 1  # validated: the links and claims fit the shapes
    graph = _store_graph(kg)
    assert _ask(graph, LINKS) == [("saved.html", "story.txt"), ("story.txt", "saved.html")]
    assert _ask(graph, QUOTE_SOURCES) == [("1",)] and _ask(graph, march) == [("2",)]
    assert _triples(graph) == _triples(_file_graph(folder))

    removed = CliRunner().invoke(main, ["remove", "story.txt", "--store", str(kg)])
    assert removed.exit_code == 0, removed.output
    (folder / "story.txt").unlink()
    graph = _store_graph(kg)
    assert _ask(graph, LINKS) == [] and _ask(graph, march) == [("1",)]
    assert _triples(graph) == _triples(_file_graph(folder))

    (folder / "story.txt").write_text(TXT, encoding="utf-8")
    _store_build(folder, kg)
    assert _ask(_store_graph(kg), QUOTE_SOURCES) == [("1",)]
    rewritten = HTML.replace("</article>", "".join(f"<p>{p}</p>" for p in OTHER.splitlines()[1:]) * 3 + "</article>")
    (folder / "saved.html").write_text(rewritten.replace("Sentosa Farma memangkas", "Sentosa Farma disebut memangkas"),
                                       encoding="utf-8")
    assert _store_build(folder, kg)["changed"] == 1
    graph = _store_graph(kg)
    assert _ask(graph, LINKS) == [] and _ask(graph, QUOTE_SOURCES) == [("2",)]  # two stories now: two sources
    assert _triples(graph) == _triples(_file_graph(folder))


def _cli(*args: str, seed: str) -> subprocess.CompletedProcess:
    """newskg in a process of its own, with its own salt for Python's hash()."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"), PYTHONHASHSEED=seed)
    done = subprocess.run([sys.executable, "-m", "newskg.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def test_updates_in_other_processes_and_worker_processes_find_the_same_story(tmp_path):
    """A store compares an article with ones analysed by another run: the word runs' hashes must not depend on
    the process. Two runs (each with its own hash salt, two workers) give what one run with one worker gives."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(TXT, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    _cli("build", str(folder), "--store", str(tmp_path / "kg2"), "--jobs", "2", "-q", "--no-validate", seed="1")
    (folder / "saved.html").write_text(HTML, encoding="utf-8")
    _cli("build", str(folder), "--store", str(tmp_path / "kg2"), "--jobs", "2", "-q", "--no-validate", seed="2")
    _cli("build", str(folder), "--store", str(tmp_path / "kg1"), "--jobs", "1", "-q", "--no-validate", seed="3")
    exports = [sorted(_cli("export", "--store", str(tmp_path / kg), "--format", "nquads", seed="4").stdout.splitlines())
               for kg in ("kg1", "kg2")]
    assert exports[0] == exports[1]
    assert sum("sameStoryAs" in line for line in exports[0]) == 2


def test_a_store_made_before_it_compared_texts_keeps_working_and_the_next_build_compares(tmp_path, monkeypatch):
    """A store from an older newskg has no word runs: it answers as before, its summary says that its
    articles were not compared, and the next build of their folder (which reads them anyway) compares them."""
    import sqlite3

    folder, kg = tmp_path / "in", tmp_path / "kg"
    folder.mkdir()
    (folder / "story.txt").write_text(TXT, encoding="utf-8")
    (folder / "story.html").write_text(HTML, encoding="utf-8")
    from newskg.store import open_store
    from newskg.store.stories import Stories

    monkeypatch.setattr(Stories, "add", lambda *args: None)  # an older newskg kept no word runs ...
    open_store(kg).update([folder])
    monkeypatch.undo()
    with sqlite3.connect(kg / "index.sqlite") as db:  # ... and had no such tables
        db.executescript("DROP TABLE fingerprints; DROP TABLE shingles; DROP TABLE same_stories;")
    old = open_store(kg)
    assert old.summary()["not compared for the same story"] == 2
    assert _ask(old.to_dataset(), QUOTE_SOURCES) == [("2",)]  # each copy a source, as before
    del old
    answer = CliRunner().invoke(main, ["query", "claims", "--store", str(kg), "--format", "csv"])
    assert answer.exit_code == 0 and len(answer.stdout.splitlines()) > 1, answer.output

    summary = _store_build(folder, kg)
    assert (summary["unchanged"], summary["graphs rewritten"]) == (2, 0)
    assert summary["same story (claims count each as one source)"] == ["story.html and story.txt"]
    assert "not compared for the same story" not in summary
    graph = _store_graph(kg)
    assert _ask(graph, QUOTE_SOURCES) == [("1",)]
    assert _triples(graph) == _triples(_file_graph(folder))


def test_pairs_in_a_store_follow_stock_phrases_as_a_file_build_does(tmp_path):
    """A run held by more than COMMON articles picks no candidates, so adding or removing other articles can
    make or unmake a pair of articles that share only such runs (two copies of a boilerplate notice). The
    store's pairs stay those of a file build of the same articles at every step."""
    import random

    from newskg.read.article import parse_article
    from newskg.read.duplicates import COMMON, same_story_pairs, shingles
    from newskg.store.index import StoreIndex

    words = [f"kata{n}" for n in range(400)]
    pick = random.Random(7)
    stock = [pick.choice(words) for _ in range(40)]  # 36 runs every filler and both copies carry

    def article(doc: str, text: list[str]):
        return parse_article(" ".join(text) + ".\n", doc_id=doc, source=f"{doc}.txt", lang_code="id")

    def tail(n: int) -> list[str]:
        return [pick.choice(words) for _ in range(n)]

    notice, copy = stock + tail(3), stock + tail(3)  # Jaccard 36 / 42, every shared run a stock one
    fillers = [article(f"f{n:02d}", stock + tail(30)) for n in range(COMMON)]
    index = StoreIndex(tmp_path / "index.sqlite")
    held: dict = {}

    def update(add=(), remove=()):
        index.drop_articles([a.doc_id for a in add] + list(remove))
        for gone in remove:
            del held[gone]
        for new in add:
            index.stories.add(new.doc_id, shingles(new))
            held[new.doc_id] = new
        index.stories.relink(remove, everything=False)
        expected = same_story_pairs(list(held.values()))
        assert index.stories.pairs() == expected
        return expected

    assert update([article("a", notice), article("b", copy)]) == [("a", "b")]
    assert update(fillers[:-2]) == [("a", "b")]  # the stock runs are held by COMMON articles: they pick candidates
    assert update(fillers[-2:-1]) == []  # now by more: no run left to bring the two together
    assert update(remove=["f03"]) == [("a", "b")]
    assert update([article("b", tail(60))]) == []  # b changed
    assert update(fillers[-1:]) == []
    assert update(remove=["f04", "f05"]) == []


@pytest.mark.parametrize("seed", range(10))
def test_pairs_in_a_store_equal_a_file_builds_over_random_updates(tmp_path, monkeypatch, seed):
    """Articles added, changed and removed a few at a time, in random order, from a few stories with stock
    phrases (COMMON lowered to 6 so they cross it often): after each update the store's pairs and stories are
    a file build's."""
    import random

    import newskg.read.duplicates
    import newskg.store.stories
    from newskg.read.article import parse_article
    from newskg.read.duplicates import same_story_pairs, shingles, story_of
    from newskg.store.index import StoreIndex

    monkeypatch.setattr(newskg.read.duplicates, "COMMON", 6)
    monkeypatch.setattr(newskg.store.stories, "COMMON", 6)
    pick = random.Random(seed)
    words = [f"kata{n}" for n in range(60)]
    stocks = [[pick.choice(words) for _ in range(8)] for _ in range(3)]
    stories = [[pick.choice(words) for _ in range(30)] for _ in range(4)]

    def article(doc: str):
        body = list(pick.choice(stories))
        for _ in range(pick.randint(0, 6)):  # an edited copy
            body[pick.randrange(len(body))] = pick.choice(words)
        text = (pick.choice(stocks) if pick.random() < 0.7 else []) + body
        return parse_article(" ".join(text) + ".\n", doc_id=doc, source=f"{doc}.txt", lang_code="id")

    index = StoreIndex(tmp_path / "index.sqlite")
    held: dict = {}
    for _ in range(60):
        docs = {f"d{pick.randrange(25):02d}" for _ in range(pick.randint(1, 4))}
        removed = sorted(doc for doc in docs if doc in held and pick.random() < 0.4)
        added = [article(doc) for doc in sorted(docs - set(removed))]
        index.drop_articles([a.doc_id for a in added] + removed)
        for doc in removed:
            del held[doc]
        for new in added:
            index.stories.add(new.doc_id, shingles(new))
            held[new.doc_id] = new
        index.stories.relink(removed, everything=pick.random() < 0.1)
        expected = same_story_pairs(list(held.values()))
        assert index.stories.pairs() == expected
        assert index.stories.components(held) == story_of(expected)


def test_an_exact_copy_of_an_article_with_stock_phrases_is_the_same_story(tmp_path):
    """Stock phrases pick no candidates but count in the comparison: they were left out of the shared runs
    only, so an article more than a fifth boilerplate never matched even its exact copy. A store agrees."""
    import random

    from newskg.read.article import parse_article
    from newskg.read.duplicates import COMMON, same_story_pairs, shingles
    from newskg.store.index import StoreIndex

    pick = random.Random(11)
    words = [f"kata{n}" for n in range(400)]
    stock = " ".join(pick.choice(words) for _ in range(30))  # a boilerplate paragraph many articles carry
    others = [parse_article(f"{stock}. " + " ".join(pick.choice(words) for _ in range(40)) + ".\n", doc_id=f"f{n:02d}",
                            source=f"f{n:02d}.txt", lang_code="id") for n in range(COMMON)]
    text = f"{stock}. " + " ".join(pick.choice(words) for _ in range(60)) + ".\n"
    story = [parse_article(text, doc_id=doc, source=f"{doc}.txt", lang_code="id") for doc in ("a", "b")]
    assert same_story_pairs(others + story) == [("a", "b")]  # the boilerplate alone links nothing
    index = StoreIndex(tmp_path / "index.sqlite")
    for article in others + story:
        index.stories.add(article.doc_id, shingles(article))
    index.stories.relink([], everything=False)
    assert index.stories.pairs() == [("a", "b")]
