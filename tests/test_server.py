"""SPARQL over HTTP: newskg serve answered by a standard client; push to a real Oxigraph server."""
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import QUERIES, SEEDS
from newskg.cli import main

CQ = sorted((QUERIES / "cq").glob("*.rq"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 15) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(url)


@pytest.fixture
def process():
    started = []

    def start(*args):
        proc = subprocess.Popen(list(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started.append(proc)
        return proc
    yield start
    for proc in started:
        proc.terminate()
        proc.wait(timeout=10)


def local_rows(graph: Path, query: Path) -> list[tuple]:
    from newskg.query.run import run_query
    from newskg.rdf.files import load_graph

    answer = run_query(load_graph(graph), query.read_text(encoding="utf-8"))
    return sorted(tuple("" if v is None else str(v) for v in row) for row in answer.rows)


def client_rows(endpoint: str, query: Path) -> list[tuple]:
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setQuery(query.read_text(encoding="utf-8"))
    client.setReturnFormat(JSON)
    data = client.query().convert()
    names = data["head"]["vars"]
    return sorted(tuple(b.get(n, {}).get("value", "") for n in names) for b in data["results"]["bindings"])


@pytest.mark.parametrize("source", ["graph", "store", "store in memory"])
def test_newskg_serve_answers_a_standard_client(seeds_build, process, tmp_path, source):
    graph = seeds_build[1] / "newskg.trig"
    if source == "graph":
        given = ["--graph", str(graph)]
    else:
        assert CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(tmp_path / "kg")]).exit_code == 0
        given = ["--store", str(tmp_path / "kg")] + (["--in-memory"] if source.endswith("memory") else [])
    port = free_port()
    process(sys.executable, "-m", "newskg.cli", "serve", *given, "--port", str(port))
    wait_for(f"http://127.0.0.1:{port}/")
    for query in CQ:
        assert client_rows(f"http://127.0.0.1:{port}/sparql", query) == local_rows(graph, query), query.name


def test_push_twice_to_an_oxigraph_server(seeds_build, process, tmp_path):
    server = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    process(server, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}", "--union-default-graph")
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/")
    graph = seeds_build[1] / "newskg.trig"
    counts = []
    for _ in range(2):
        result = CliRunner().invoke(main, ["push", "--endpoint", base + "/store", "--graph", str(graph)])
        assert result.exit_code == 0, result.output
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
        with urllib.request.urlopen(urllib.request.Request(f"{base}/query?{query}", headers={"Accept": "text/csv"})) as r:
            counts.append(int(r.read().decode().split()[1]))
    quads = sum(len(g) for g in seeds_build[0].dataset.graphs())
    assert counts[0] == counts[1] == quads
    for query in CQ:
        assert client_rows(f"{base}/query", query) == local_rows(graph, query), query.name
