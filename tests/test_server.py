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


class Recorder:
    """A Graph Store endpoint in a thread that records each PUT (graph, Authorization header); it can refuse
    from the n-th PUT on, or answer one byte at a time, slower than any per-read timeout would notice."""

    def __init__(self, refuse_from: int | None = None, trickle: bool = False):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        recorder = self
        self.puts: list[tuple[str, str | None]] = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_PUT(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                graph = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)["graph"][0]
                if trickle:
                    self.wfile.write(b"HTTP/1.1 201 Created\r\n")
                    while not recorder.stopped.wait(0.2):  # a header byte now and then, for ever
                        self.wfile.write(b"X")
                    return
                if refuse_from is not None and len(recorder.puts) >= refuse_from:
                    self.send_response(500)
                else:
                    recorder.puts.append((graph, self.headers.get("Authorization")))
                    self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.stopped = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/store"

    def close(self):
        self.stopped.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def recorder():
    made = []

    def make(**options):
        made.append(Recorder(**options))
        return made[-1]
    yield make
    for r in made:
        r.close()


def push_cli(args, env=None):
    return CliRunner().invoke(main, ["push", *args], env=env)


def test_push_credentials_from_the_environment_or_netrc_never_printed(seeds_build, recorder, tmp_path):
    import base64

    graph = str(seeds_build[1] / "newskg.trig")
    server = recorder()
    result = push_cli(["--endpoint", server.url, "--graph", graph],
                      {"NEWSKG_PUSH_USER": "ann", "NEWSKG_PUSH_PASSWORD": "s3cret-pw"})
    assert result.exit_code == 0 and "s3cret-pw" not in result.output
    assert {auth for _, auth in server.puts} == {"Basic " + base64.b64encode(b"ann:s3cret-pw").decode()}
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login bob password n3trc-pw\n", encoding="utf-8")
    netrc.chmod(0o600)
    server = recorder()
    assert push_cli(["--endpoint", server.url, "--graph", graph], {"NETRC": str(netrc)}).exit_code == 0
    assert {auth for _, auth in server.puts} == {"Basic " + base64.b64encode(b"bob:n3trc-pw").decode()}
    result = push_cli(["--endpoint", server.url.replace("//", "//ann:s3cret-pw@"), "--graph", graph])
    assert result.exit_code == 1 and "s3cret-pw" not in result.output and "NEWSKG_PUSH_USER" in result.output


@pytest.mark.parametrize("endpoint", ["localhost:7878/store", "http://", "ftp://host/store", "http://host:port/x",
                                      "http://[::1/store"])
def test_push_to_a_bad_endpoint_is_one_line(seeds_build, endpoint):
    result = push_cli(["--endpoint", endpoint, "--graph", str(seeds_build[1] / "newskg.trig")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # no traceback
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1, result.output


def test_push_stops_at_its_deadline(seeds_build, recorder):
    server = recorder(trickle=True)
    started = time.monotonic()
    result = push_cli(["--endpoint", server.url, "--graph", str(seeds_build[1] / "newskg.trig"), "--deadline", "2"])
    took = time.monotonic() - started
    assert result.exit_code == 1 and "deadline passed" in result.output and took < 5, (took, result.output)


def test_push_failing_half_way_names_the_graphs_replaced(seeds_build, recorder):
    server = recorder(refuse_from=2)
    result = push_cli(["--endpoint", server.url, "--graph", str(seeds_build[1] / "newskg.trig")])
    assert result.exit_code == 1 and "HTTP 500" in result.output
    replaced = [graph for graph, _ in server.puts]
    assert len(replaced) == 2 and "2 of " in result.output and all(g in result.output for g in replaced)
