"""The same story twice (issue 20 item 5): near-identical articles are linked in the graph and count as one source."""
from __future__ import annotations

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


def test_a_store_agrees_with_a_file_build_on_the_same_story(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(TXT, encoding="utf-8")
    (folder / "story.html").write_text(HTML, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--store", str(tmp_path / "kg"), "--no-validate"])
    assert result.exit_code == 0, result.stderr
    from newskg.store import open_store

    graph = open_store(tmp_path / "kg").to_dataset()
    assert _ask(graph, "SELECT ?x WHERE { ?x nkg:sameStoryAs ?y }")
