"""The HTML view in a real browser: Debian's Chromium driven by Playwright, network disabled.

The screenshots go to test-artifacts/; with NEWSKG_UPDATE_DOCS=1 they also replace the README's pictures in
docs/ (seeds-graph.png, focused-graph.png)."""
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed "
                                "(scripts/test installs it as root)")
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield browser
        browser.close()


def open_page(browser, path: Path):
    """Open a page offline; every request other than the file itself is recorded and refused."""
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    page.goto(path.resolve().as_uri(), wait_until="load")
    page.wait_for_function("() => typeof network !== 'undefined' && network.body && network.body.data.nodes.length > 0")
    return page, requests


def wait_stable(page, timeout=60_000):
    page.wait_for_function("() => network.physics.options.enabled === false || network.physics.stabilized !== false",
                           timeout=timeout)


def node_point(page, node_id: str) -> dict:
    """Where a node is on the screen, after bringing it into view."""
    page.evaluate("(id) => network.focus(id, {scale: 1.5, animation: false})", node_id)
    return page.evaluate("""(id) => { const p = network.canvasToDOM(network.getPositions([id])[id]);
                                       const box = container.getBoundingClientRect();
                                       return {x: box.left + p.x, y: box.top + p.y}; }""", node_id)


def screenshot(page, name: str) -> None:
    page.evaluate("() => network.fit()")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))
    if os.environ.get("NEWSKG_UPDATE_DOCS") == "1":
        shutil.copyfile(ARTIFACTS / name, ROOT / "docs" / name)


def test_seeds_page(browser, seeds_build, seeds_dataset):
    from newskg.view.page import build_network

    page, requests = open_page(browser, seeds_build[1] / "newskg.html")
    wait_stable(page)
    expected = build_network(seeds_dataset).number_of_nodes()
    assert page.evaluate("() => network.body.data.nodes.length") == expected
    assert all(url.startswith("file://") for url in requests), requests

    page.fill("#search", "klarna")
    page.click("#searchform button")
    selected = page.evaluate("() => network.getSelectedNodes()")
    assert selected == ["https://w3id.org/newskg/id/entity/org/klarna"]
    assert "Found: Klarna" in page.inner_text("#searchresult")

    layoffs = page.evaluate("""() => nodes.get({filter: n => n.kind === 'Layoff' && n.label.indexOf('4,000') >= 0})
                                      .map(n => [n.id, n.label, n.sources])""")
    assert len(layoffs) == 1 and layoffs[0][2] == 2 and "2 sources" in layoffs[0][1]  # one claim, one node
    point = node_point(page, layoffs[0][0])
    page.mouse.click(point["x"], point["y"])
    evidence = page.inner_text("#evidence")
    assert "4.000 karyawan" in evidence and "Sources stating it: 2" in evidence

    screenshot(page, "seeds-graph.png")
    page.context.close()


def test_tooltip_is_text_not_markup(browser, seeds_build):
    """Issue 20.6: hovering Klarna showed `<b>Klarna</b><br>Organization`."""
    page, _ = open_page(browser, seeds_build[1] / "newskg.html")
    wait_stable(page)
    point = node_point(page, "https://w3id.org/newskg/id/entity/org/klarna")
    page.mouse.move(point["x"] - 40, point["y"] - 40)
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().split("\n") == ["Klarna", "Organization"]
    page.context.close()


def test_focused_page(browser, seeds_dataset, tmp_path):
    from newskg.view.page import ViewOptions, render_view

    page_path = tmp_path / "klarna.html"
    page_path.write_text(render_view(seeds_dataset, ViewOptions(focus="Klarna", depth=1)), encoding="utf-8")
    page, _ = open_page(browser, page_path)
    wait_stable(page)
    assert "focus on Klarna" in page.inner_text("#note")
    assert "Salesforce" not in page.evaluate("() => nodes.get().map(n => n.label).join('|')")
    screenshot(page, "focused-graph.png")
    page.context.close()


def test_claim_of_two_articles_is_one_node_in_the_page(browser, tmp_path):
    """Issue 20.7, in the browser; and issue 19.11: template markers in an article's text stay text."""
    from conftest import build_texts
    from newskg.view.page import render_view

    marker = "/*LANG*/ /*DATA*/ </script>"
    texts = {"a.txt": "Klarna PHK\n\nStockholm - Klarna memangkas 700 karyawan pada Mei 2025.\n",
             "b.txt": f"Klarna PHK lagi\n\nJakarta - Klarna memangkas 700 karyawan pada Mei 2025, kata \"{marker}\".\n"}
    page_path = tmp_path / "claim.html"
    page_path.write_text(render_view(build_texts(texts).dataset), encoding="utf-8")
    page, _ = open_page(browser, page_path)
    wait_stable(page)
    layoffs = page.evaluate("() => nodes.get({filter: n => n.kind === 'Layoff'}).map(n => [n.id, n.label])")
    assert len(layoffs) == 1 and layoffs[0][1].endswith("· 2 sources")
    point = node_point(page, layoffs[0][0])
    page.mouse.click(point["x"], point["y"])
    evidence = page.inner_text("#evidence")
    assert "Sources stating it: 2" in evidence and marker in evidence
    assert evidence.count("Klarna memangkas 700 karyawan") == 2
    page.context.close()


def test_type_toggle_hides_nodes(browser, seeds_build):
    page, _ = open_page(browser, seeds_build[1] / "newskg.html")
    page.uncheck("#legend input[data-kind='Quote']")
    quotes = page.evaluate("() => nodes.get({filter: n => n.kind === 'Quote'}).map(n => !!n.hidden)")
    assert quotes and all(quotes)  # .every() on no nodes at all was true
    others = page.evaluate("() => nodes.get({filter: n => n.kind === 'Layoff'}).map(n => !!n.hidden)")
    assert others and not any(others)
    page.context.close()


@pytest.fixture(scope="module")
def large_dataset(tmp_path_factory):
    """A graph of thousands of entities, from the article generator."""
    from newskg.develop.generator import generate_corpus
    from newskg.pipeline import build_corpus

    folder = tmp_path_factory.mktemp("large")
    generate_corpus(1000, folder / "articles", seed=11)
    return build_corpus([folder / "articles"]).dataset


@pytest.mark.parametrize("options", [{"max_nodes": 400}, {"focus": "Reuters", "depth": 2, "max_nodes": 150}])
def test_large_graph_pages_load_and_settle(browser, large_dataset, tmp_path, options):
    import time

    from newskg.view.page import ViewOptions, build_network, render_network, select

    full = build_network(large_dataset)
    entities = sum(1 for _, d in full.nodes(data=True) if d["kind"][0].islower())
    assert entities > 2000 and full.number_of_nodes() > 8000
    view_options = ViewOptions(**options)
    graph, note = select(full, view_options)
    page_path = tmp_path / "large.html"
    page_path.write_text(render_network(graph, view_options, note), encoding="utf-8")
    started = time.monotonic()
    page, requests = open_page(browser, page_path)
    wait_stable(page, timeout=180_000)
    settled = time.monotonic() - started
    assert page.evaluate("() => network.body.data.nodes.length") == graph.number_of_nodes() <= 600
    note_text = page.inner_text("#note")
    assert "left out" in note_text and ("focus on Reuters" in note_text) == ("focus" in options)
    assert settled < 60 and all(url.startswith("file://") for url in requests)
    page.context.close()


def test_search_box_ignores_case_and_accents(browser, tmp_path):
    from conftest import build_texts
    from newskg.view.page import render_view

    text = "Pabrik Ditutup\n\nLyon - Produsen mobil Citroën memangkas 800 karyawan pada Mei 2025.\n"
    page_path = tmp_path / "accents.html"
    page_path.write_text(render_view(build_texts({"mobil.txt": text}).dataset), encoding="utf-8")
    page, _ = open_page(browser, page_path)
    page.fill("#search", "CITROEN")
    page.click("#searchform button")
    assert "Found: Citroën" in page.inner_text("#searchresult")
    page.context.close()
