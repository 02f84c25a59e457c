"""The HTML view without a browser: what the page carries, the options of `newskg view`, and a store's page.

The browser half (tooltips, clicks, screenshots) is tests/test_view_browser.py."""
import colorsys
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_texts

KLARNA = "Klarna PHK\n\nStockholm - Perusahaan fintech asal Swedia, Klarna, memangkas 700 karyawan pada Mei 2025.\n"
KLARNA_AGAIN = "Klarna PHK lagi\n\nJakarta - Klarna memangkas 700 karyawan pada Mei 2025, kata perusahaan itu.\n"
SPOTIFY = ("Spotify merekrut\n\nStockholm - Perusahaan musik asal Swedia, Spotify, merekrut 50 karyawan baru "
           "pada Juni 2025.\n")


def payload(page: str) -> dict:
    """The page's one JSON payload, parsed as the browser does."""
    found = re.findall(r'<script type="application/json" id="newskg-data">(.*?)</script>', page, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def newskg(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "newskg.cli", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory):
    """Two articles stating the same layoff, and a second company based in the same country."""
    folder = tmp_path_factory.mktemp("small")
    for name, text in {"a.txt": KLARNA, "b.txt": SPOTIFY, "c.txt": KLARNA_AGAIN}.items():
        (folder / name).write_text(text, encoding="utf-8")
    built = newskg("build", str(folder), "--out", str(folder / "graph"), "--no-validate")
    assert built.returncode == 0, built.stderr
    return folder / "graph" / "newskg.trig"


def test_article_text_with_the_templates_markers_is_carried_as_text():
    """Issue 19.11: `/*LANG*/` (or any marker) in an article was replaced inside the page's script."""
    from newskg.view.page import render_view

    evil = "/*LANG*/ /*NODES*/ /*NOTE*/ /*DATA*/ </script><script>alert(1)</script> <!-- &amp;"
    text = f"Klarna PHK\n\nStockholm - Klarna memangkas 700 karyawan pada Mei 2025, katanya \"{evil}\".\n"
    page = render_view(build_texts({"a.txt": text}).dataset)
    data = payload(page)
    assert data["lang"] == "en"
    assert any(evil in line for node in data["nodes"] for line in node["evidence"])
    assert page.count("</script>") == 3  # the payload, vis-network and the page's script: nothing closed early


def test_a_claim_stated_by_two_articles_is_one_node_with_its_source_count(small_graph):
    """Issue 20.7: a layoff reported by several articles was one identical box per article."""
    from newskg.rdf.files import load_graph
    from newskg.view.page import build_network

    network = build_network(load_graph(small_graph))
    layoffs = [d for _, d in network.nodes(data=True) if d["kind"] == "Layoff"]
    assert len(layoffs) == 1
    assert layoffs[0]["sources"] == 2 and "2 sources" in layoffs[0]["label"]
    assert sum(line.startswith("“") for line in layoffs[0]["evidence"]) == 2  # both articles' sentences


def test_no_fill_is_red_so_a_conflict_outline_stands_out():
    """Issue 20.8: layoffs were filled red while a red border meant a conflict."""
    from newskg.view.styles import CONFLICT, STYLE

    def reddish(colour: str) -> bool:
        r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
        hue, saturation, _ = colorsys.rgb_to_hsv(r, g, b)
        return min(hue, 1 - hue) * 360 < 30 and saturation > 0.4

    assert reddish(CONFLICT["border"])
    assert [kind for kind, style in STYLE.items() if reddish(style[0])] == []


def test_unknown_types_are_an_error_listing_the_valid_ones(small_graph, tmp_path):
    """Issue 20.9: `--types organisation,layoff` wrote an empty page and exited 0."""
    out = tmp_path / "page.html"
    bad = newskg("view", "--graph", str(small_graph), "-o", str(out), "--types", "organization,layofs,pepole")
    assert bad.returncode != 0 and not out.exists()
    assert bad.stderr.count("\n") == 1 and "'pepole'" in bad.stderr and "valid types: organization" in bad.stderr
    good = newskg("view", "--graph", str(small_graph), "-o", str(out), "--types", "organisation,LAYOFF")
    assert good.returncode == 0, good.stderr
    assert {n["kind"] for n in payload(out.read_text(encoding="utf-8"))["nodes"]} == {"organization", "Layoff"}


def test_max_nodes_keeps_facts_with_their_entities(seeds_dataset):
    """Issue 20.9: `--max-nodes 25` kept entities and dropped every fact, leaving isolated dots."""
    from newskg.view.page import ViewOptions, build_network, select

    graph, note = select(build_network(seeds_dataset), ViewOptions(max_nodes=25))
    facts = [n for n, d in graph.nodes(data=True) if d["kind"][0].isupper()]
    assert len(facts) >= 8
    assert [n for n in graph if graph.degree(n) == 0] == []
    assert 20 <= graph.number_of_nodes() <= 25 and "left out" in note and "--focus" in note


def test_lang_id_translates_every_string_of_the_page(small_graph, tmp_path):
    """Issue 20.9: `--lang id` left "Click a node...", "based in" and "focus on" in English."""
    out = tmp_path / "id.html"
    made = newskg("view", "--graph", str(small_graph), "-o", str(out), "--lang", "id", "--focus", "Klarna")
    assert made.returncode == 0, made.stderr
    page = out.read_text(encoding="utf-8")
    data = payload(page)
    shown = json.dumps({k: v for k, v in data.items() if k != "nodes"}, ensure_ascii=False) + " ".join(
        line for node in data["nodes"] for line in node["evidence"] + node["tip"] if not line.startswith("“"))
    for english in ("Click a node", "based in", "focus on", "Sources stating", "Article:", "Find a name"):
        assert english not in shown and english not in page.split('id="newskg-data"')[0], english
    assert "fokus pada Klarna" in data["note"] and "berbasis di" in shown


def test_a_country_does_not_bridge_a_focus(small_graph):
    """Issue 20.9: a focus on Klarna pulled in Spotify only because both are based in Sweden."""
    from newskg.rdf.files import load_graph
    from newskg.view.page import ViewOptions, build_network, select

    network = build_network(load_graph(small_graph))
    graph, _ = select(network, ViewOptions(focus="klarna", depth=3))
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert {"Klarna", "Sweden"} <= labels and "Spotify" not in labels


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from newskg.develop.generator import generate_corpus

    folder = tmp_path_factory.mktemp("store")
    generate_corpus(150, folder / "articles", seed=5)
    built = newskg("build", str(folder / "articles"), "--store", str(folder / "kg"), "--out", str(folder / "out"),
                   "--no-validate", "--quiet")
    assert built.returncode == 0, built.stderr
    return folder


def test_a_stores_page_is_selected_through_sparql_and_capped_with_a_note(store, monkeypatch):
    """Issue 20.10: `build --store --out` pushed the whole store through rdflib into one unbounded page."""
    from newskg.store import open_store
    from newskg.store.oxigraph import PersistentStore
    from newskg.view.page import DEFAULT_MAX_NODES, ViewOptions, build_network, render_view

    def refuse(self):
        raise AssertionError("the view loaded the whole store into rdflib")

    monkeypatch.setattr(PersistentStore, "to_dataset", refuse)
    kg = open_store(store / "kg", read_only=True)
    whole = build_network(kg).number_of_nodes()
    assert whole > DEFAULT_MAX_NODES
    data = payload(render_view(kg))
    assert len(data["nodes"]) <= DEFAULT_MAX_NODES
    assert f"{whole - len(data['nodes'])} of {whole} nodes left out" in data["note"] and "--focus" in data["note"]
    built_page = payload((store / "out" / "newskg.html").read_text(encoding="utf-8"))
    assert built_page["nodes"] == data["nodes"] and built_page["note"] == data["note"]
    everything = payload(render_view(kg, ViewOptions(max_nodes=0)))
    assert len(everything["nodes"]) == whole and everything["note"] == ""


def test_view_of_a_store_from_the_command_line_is_capped(store, tmp_path):
    out = tmp_path / "store.html"
    made = newskg("view", "--store", str(store / "kg"), "-o", str(out), "--max-nodes", "60")
    assert made.returncode == 0, made.stderr
    data = payload(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) <= 60 and "left out" in data["note"]


def test_the_page_is_deterministic(small_graph, tmp_path):
    pages = []
    for name in ("one.html", "two.html"):
        assert newskg("view", "--graph", str(small_graph), "-o", str(tmp_path / name)).returncode == 0
        pages.append((tmp_path / name).read_bytes())
    assert pages[0] == pages[1]
