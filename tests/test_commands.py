"""Commands and options a user relies on that had no test: remove, generate --gold, --no-html, --no-validate,
--jobs, --quiet, view --types, validate --store, Wikidata links and industry facts."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import SEEDS, build_texts, rows
from newskg.cli import main

# Invented articles, written for these tests.
TEKSTIL = """Pabrik Tekstil Lumbara Tutup

Jakarta - Perusahaan tekstil PT Lumbara Sandang merumahkan 420 karyawan pada Maret 2025.
Direktur Utama Lumbara Sandang, Wiranto Halim, mengatakan permintaan ekspor turun tajam sejak awal tahun.
"""
KOPI = """Startup Kopi Merekrut Barista

Bandung - Startup fintech Kopira membuka 150 lowongan baru pada April 2025.
Perusahaan itu bekerja sama dengan Google sejak 2024.
"""


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "tekstil.txt").write_text(TEKSTIL, encoding="utf-8")
    (articles / "kopi.txt").write_text(KOPI, encoding="utf-8")
    return articles


def _invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_build_without_html_writes_only_the_graph_files(folder, tmp_path):
    result = _invoke("build", folder, "--out", tmp_path / "g", "--no-html")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "g").iterdir()) == ["newskg.trig", "newskg.ttl"]


def test_no_validate_skips_the_shape_check_and_quiet_prints_nothing(folder, tmp_path):
    checked = _invoke("build", folder, "--out", tmp_path / "a", "--no-html")
    unchecked = _invoke("build", folder, "--out", tmp_path / "b", "--no-html", "--no-validate")
    quiet = _invoke("build", folder, "--out", tmp_path / "c", "--no-html", "--quiet")
    assert "shape violations: 0" in checked.stdout and "shape violations: not checked" in unchecked.stdout
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    assert (tmp_path / "a" / "newskg.trig").read_bytes() == (tmp_path / "b" / "newskg.trig").read_bytes()


def test_remove_drops_an_article_from_a_store_and_names_an_unknown_one(folder, tmp_path):
    store = tmp_path / "kg"
    assert _invoke("build", folder, "--store", store, "-q").exit_code == 0
    result = _invoke("remove", "tekstil.txt", "--store", store)
    assert result.exit_code == 0, result.output
    names = _invoke("query", "SELECT ?doc WHERE { ?doc a <https://schema.org/NewsArticle> }", "--store", store,
                    "--format", "csv")
    assert "kopi" in names.stdout and "tekstil" not in names.stdout
    people = _invoke("query", "-f", "queries/cq/cq_people.rq", "--store", store, "--format", "csv")
    assert "Wiranto" not in people.stdout
    missing = _invoke("remove", "tidak-ada.txt", "--store", store)
    assert missing.exit_code == 1 and "tidak-ada" in missing.stderr


def test_store_built_with_two_workers_equals_one_built_with_one(tmp_path):
    from newskg.develop.generator import generate_corpus

    generate_corpus(60, tmp_path / "many", seed=3)
    exports = []
    for jobs in ("1", "2"):
        store = tmp_path / f"kg{jobs}"
        assert _invoke("build", tmp_path / "many", "--store", store, "--jobs", jobs, "-q").exit_code == 0
        out = tmp_path / f"export{jobs}.nq"
        assert _invoke("export", "--store", store, "--format", "nquads", "-o", out).exit_code == 0
        exports.append(sorted(out.read_text(encoding="utf-8").splitlines()))
    assert len(exports[0]) > 5000 and exports[0] == exports[1]


def test_validate_a_store(folder, tmp_path):
    store = tmp_path / "kg"
    assert _invoke("build", folder, "--store", store, "-q").exit_code == 0
    result = _invoke("validate", "--store", store)
    assert result.exit_code == 0, result.output


def test_generate_writes_articles_with_gold_facts_that_their_text_states(tmp_path):
    result = _invoke("generate", "--articles", "4", "--out", tmp_path / "a", "--gold", tmp_path / "g", "--seed", "5")
    assert result.exit_code == 0, result.output
    articles = sorted((tmp_path / "a").glob("*.txt"))
    golds = sorted((tmp_path / "g").glob("*.json"))
    assert len(articles) == len(golds) == 4
    for article, gold in zip(articles, golds):
        facts = json.loads(gold.read_text(encoding="utf-8"))
        text = article.read_text(encoding="utf-8")
        assert article.stem == gold.stem and facts["organizations"]
        assert all(org["name"] in text for org in facts["organizations"])


def test_view_types_keeps_only_the_types_asked_for(folder, tmp_path):
    assert _invoke("build", folder, "--out", tmp_path / "g", "--no-html", "-q").exit_code == 0
    page = tmp_path / "layoffs.html"
    result = _invoke("view", "--graph", tmp_path / "g" / "newskg.trig", "-o", page, "--types", "Layoff")
    assert result.exit_code == 0, result.output
    kinds = set(re.findall(r'"kind": "(\w+)"', page.read_text(encoding="utf-8")))
    assert kinds == {"Layoff"}


def test_a_well_known_company_links_to_wikidata_and_an_industry_word_types_the_company():
    from rdflib.namespace import OWL

    from newskg.rdf.vocab import NKG

    dataset = build_texts({"kopi.txt": KOPI}).dataset
    links = {str(o) for s, o in dataset.subject_objects(OWL.sameAs)}
    assert "http://www.wikidata.org/entity/Q95" in links  # Google, from the bundled list of well-known entities
    industries = {str(o) for o in dataset.objects(None, NKG.industry)}
    assert "fintech" in industries
    assert any(r["org"] == "Kopira" and r["openings"] == 150 for r in rows(dataset, "hiring"))


@pytest.mark.parametrize("where", ["--graph", "--store"])
def test_article_facts_finds_an_article_by_its_file_name_or_its_stem(folder, tmp_path, where):
    """The parameter was bound outside the GRAPH group and filtered inside it: no rows, for any value."""
    target = tmp_path / ("kg" if where == "--store" else "g")
    assert _invoke("build", folder, *(("--store", target) if where == "--store" else ("--out", target)), "-q",
                   "--no-html").exit_code == 0
    location = target if where == "--store" else target / "newskg.trig"
    for name in ("tekstil", "tekstil.txt"):
        result = _invoke("query", "article_facts", "--param", f"article={name}", where, location, "--format", "csv")
        assert result.exit_code == 0 and "merumahkan 420 karyawan" in result.stdout, result.output
        assert "lowongan" not in result.stdout
    nothing = _invoke("query", "article_facts", "--param", "article=tidak-ada", where, location, "--format", "csv")
    assert nothing.stdout.splitlines() == ["fact,kind,sentence,rule"]


@pytest.mark.parametrize("where", ["--graph", "--store"])
def test_article_facts_finds_an_article_whose_name_has_spaces_and_accents(tmp_path, where):
    """Such a stem is percent-encoded in the article's IRI: the parameter as the user types it must still match."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "laporan pabrik é.txt").write_text(TEKSTIL, encoding="utf-8")
    target = tmp_path / ("kg" if where == "--store" else "g")
    assert _invoke("build", articles, *(("--store", target) if where == "--store" else ("--out", target)), "-q",
                   "--no-html").exit_code == 0
    location = target if where == "--store" else target / "newskg.trig"
    result = _invoke("query", "article_facts", "--param", "article=laporan pabrik é", where, location, "--format", "csv")
    assert result.exit_code == 0 and "merumahkan 420 karyawan" in result.stdout, result.output


def test_the_query_library_answers_from_any_folder(folder, tmp_path):
    """It used to be read from ./queries: elsewhere --list printed nothing and a name was parsed as SPARQL."""
    import subprocess
    import sys

    assert _invoke("build", folder, "--out", tmp_path / "g", "--no-html", "-q").exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def newskg(*args):
        return subprocess.run([sys.executable, "-m", "newskg.cli", *map(str, args)], cwd=elsewhere,
                              capture_output=True, text=True)

    listed = newskg("query", "--list")
    assert listed.returncode == 0 and "cq_layoffs" in listed.stdout and "entity_profile" in listed.stdout
    layoffs = newskg("query", "cq_layoffs", "--graph", tmp_path / "g" / "newskg.trig", "--format", "csv")
    assert layoffs.returncode == 0 and "420" in layoffs.stdout, layoffs.stderr
    unknown = newskg("query", "cq_strikes", "--graph", tmp_path / "g" / "newskg.trig")
    assert unknown.returncode == 1 and "no query named 'cq_strikes'" in unknown.stderr and "cq_layoffs" in unknown.stderr
    own = elsewhere / "mine"
    own.mkdir()
    (own / "count_articles.rq").write_text("# How many articles\nSELECT (COUNT(?a) AS ?n) WHERE "
                                           "{ ?a a <https://schema.org/NewsArticle> }\n", encoding="utf-8")
    counted = newskg("query", "count_articles", "--queries", own, "--graph", tmp_path / "g" / "newskg.trig",
                     "--format", "csv")
    assert counted.stdout.splitlines() == ["n", "2"], counted.stderr


ACCENTS = """Produsen Mobil Memangkas Karyawan

Paris - Produsen mobil Citroën memangkas 800 karyawan pada Mei 2025.
Perusahaan Renée Automobiles merekrut 50 teknisi baru pada Juni 2025.
"""


@pytest.mark.parametrize("where", ["--graph", "--store"])
def test_lookups_ignore_case_and_accents(tmp_path, where):
    """'Citroen' finds 'Citroën' and 'RENEE automobiles' finds 'Renée Automobiles' (issue 20, item 3)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "mobil.txt").write_text(ACCENTS, encoding="utf-8")
    target = tmp_path / ("kg" if where == "--store" else "g")
    build = ("--store", target) if where == "--store" else ("--out", target, "--no-html")
    assert _invoke("build", tmp_path / "a", *build, "-q").exit_code == 0
    location = target if where == "--store" else target / "newskg.trig"
    layoffs = _invoke("timeline", "Citroen", where, location, "--format", "csv")
    assert layoffs.exit_code == 0 and "800" in layoffs.stdout, layoffs.output
    hiring = _invoke("timeline", "RENEE automobiles", where, location, "--format", "csv")
    assert "Renée Automobiles" in hiring.stdout
    page = tmp_path / "focus.html"
    assert _invoke("view", where, location, "--focus", "citroen", "-o", page).exit_code == 0
    assert "focus on Citroën" in page.read_text(encoding="utf-8")
