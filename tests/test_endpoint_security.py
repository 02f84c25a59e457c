"""The endpoint against a hostile page or client: SERVICE, CORS and cross-site forms, slow and huge queries,
malformed requests, and a store updated while served (issue 19, items 6 to 9). Real server processes."""
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from newskg.cli import main
from newskg.store import open_store

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def endpoint(seeds_build):
    """Start ``newskg serve`` on a free port with the given options; returns its base URL."""
    started = []

    def start(*options, source=None):
        given = source or ["--graph", str(seeds_build[1] / "newskg.trig")]
        proc = subprocess.Popen([sys.executable, "-m", "newskg.cli", "serve", *given, "--port", "0", *options],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        started.append(proc)
        line = proc.stderr.readline()  # printed once the server listens
        assert "SPARQL endpoint: " in line, line + proc.stderr.read()
        return line.split("SPARQL endpoint: ")[1].split("/sparql")[0]
    yield start
    for proc in started:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def listener():
    """A real listening socket standing for a service on the user's machine: it accepts and closes every
    connection and counts them. ``connections()`` connects once itself and waits to see that connection, so
    every connection made before the call has been counted; it returns the others."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    peers = []  # the client address of each connection, in the order they were accepted
    arrived = threading.Condition()

    def accept() -> None:
        while True:
            try:
                conn, peer = sock.accept()
            except OSError:
                return
            conn.close()
            with arrived:
                peers.append(peer)
                arrived.notify_all()
    threading.Thread(target=accept, daemon=True).start()

    def connections() -> int:
        sentinel = socket.create_connection(sock.getsockname(), timeout=5)
        mine = sentinel.getsockname()
        with arrived:  # connections are accepted in order: once ours is seen, every earlier one was
            assert arrived.wait_for(lambda: mine in peers, timeout=10)
            sentinel.close()
            others = len(peers) - 1
            peers.clear()
        return others
    yield sock.getsockname()[1], connections
    sock.close()


def ask(base: str, query: str, method: str = "GET", headers: dict | None = None, timeout: float = 60):
    """(status, headers, body) of one query; HTTP errors are answers too."""
    if method == "GET":
        request = urllib.request.Request(f"{base}/sparql?{urllib.parse.urlencode({'query': query})}",
                                         headers=headers or {})
    else:
        request = urllib.request.Request(f"{base}/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                                  **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8")


@pytest.mark.parametrize("spelling", ["SERVICE <{url}> {{ ?s ?p ?o }}", "service <{url}> {{ ?s ?p ?o }}",
                                      "\\u0053ERVICE <{url}> {{ ?s ?p ?o }}", "SERVICE#x\n SILENT <{url}> {{ ?s ?p ?o }}"])
def test_service_to_a_local_port_sends_nothing_to_it(endpoint, listener, spelling):
    port, connections = listener
    base = endpoint()
    query = "SELECT * WHERE { " + spelling.format(url=f"http://127.0.0.1:{port}/sparql") + " }"
    status, _, body = ask(base, query)
    assert status == 400 and "SERVICE is refused" in body
    status, _, body = ask(base, query, method="POST")
    assert status == 400 and connections() == 0


def test_service_allowed_reaches_the_service_and_its_failure_is_a_status(endpoint, listener):
    port, connections = listener
    base = endpoint("--allow-service")
    # the listener accepts and closes at once: the SERVICE fails, and the client still gets a status
    status, _, body = ask(base, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
    assert status == 400 and body.startswith("the query failed")
    assert connections() == 1


def test_words_that_only_look_like_service_are_not_refused():
    from newskg.query.workers import uses_service

    assert not uses_service('PREFIX ex: <http://e/service> SELECT * WHERE { ?s ex:service "SERVICE" } # SERVICE')
    assert uses_service("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")


def test_cors_only_for_named_origins_and_no_cross_site_form(endpoint):
    base = endpoint("--cors-origin", "https://tool.example")
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    status, headers, _ = ask(base, query, headers={"Origin": "https://tool.example"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://tool.example"
    status, headers, _ = ask(base, query)
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    for method in ("GET", "POST"):  # a form another page posts: refused before it runs
        status, headers, body = ask(base, query, method, {"Origin": "http://evil.example"})
        assert status == 403 and "Access-Control-Allow-Origin" not in headers, body
    status, _, _ = ask(base, query, headers={"Sec-Fetch-Site": "cross-site"})  # a cross-site link or image
    assert status == 403
    host = base.split("//")[1]
    status, _, _ = ask(base, query, "POST", {"Origin": f"http://{host}"})  # the endpoint's own page
    assert status == 200


def test_a_rebound_name_is_not_this_endpoint(endpoint):
    """DNS rebinding: a page on evil.example makes its name resolve to 127.0.0.1; the browser then sends
    Host and Origin of evil.example, which agree with each other. The Host names no name of this endpoint."""
    base = endpoint("--allow-host", "kg.lan")
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    port = base.rsplit(":", 1)[1]
    rebound = {"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"}
    for method in ("GET", "POST"):
        status, _, body = ask(base, query, method, rebound)
        assert status == 403 and "evil.example" in body and "--allow-host" in body, body
    status, _, body = ask(base, query, headers={"Host": f"evil.example:{port}"})  # no Origin: a script's fetch
    assert status == 403, body
    request = urllib.request.Request(f"{base}/", headers={"Host": f"evil.example:{port}"})  # the query page too
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
    for name in (f"localhost:{port}", f"127.0.0.1:{port}", f"KG.lan:{port}", "kg.lan"):
        status, _, body = ask(base, query, headers={"Host": name})
        assert status == 200, (name, body)


def test_timeout_stops_a_cartesian_query(endpoint):
    base = endpoint("--timeout", "3")
    started = time.monotonic()
    status, _, body = ask(base, CARTESIAN)
    took = time.monotonic() - started
    print(f"cartesian COUNT stopped after {took:.2f} s")
    assert status == 503 and "stopped after 3 s" in body
    assert took < 6
    status, _, body = ask(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # a new worker answers
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 1000


def test_an_answer_over_the_cap_is_refused_with_a_message(endpoint):
    base = endpoint("--max-answer-mb", "1")
    status, _, body = ask(base, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")
    assert status == 400 and "1 MB cap" in body and "LIMIT" in body


def raw(base: str, request: bytes, half_close: bool = False) -> str:
    """Send raw bytes; the status line of the answer ('' when the server closed without one)."""
    host, port = base.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return data.split(b"\r\n")[0].decode("latin-1")


def post(length: str, body: bytes, kind: str = "application/sparql-query") -> bytes:
    return (f"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: {kind}\r\nContent-Length: {length}\r\n\r\n"
            .encode() + body)


MALFORMED = [
    (post("abc", b"ASK {}"), 400),
    (post("-5", b"ASK {}"), 400),
    (post(str(10 ** 12), b"ASK {}"), 413),
    (post("4", b"\xff\xfe\xfa\xfb"), 400),
    (post("12", b"query=%FF%FE", "application/x-www-form-urlencoded"), 400),
    (b"GET /sparql?query=%FF%FE HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
    (post("100", b"ASK {"), 408),  # fewer bytes than announced: the server stops waiting
]


def test_malformed_requests_get_a_status(endpoint):
    base = endpoint()
    for request_bytes, status in MALFORMED:
        assert raw(base, request_bytes).startswith(f"HTTP/1.0 {status}"), request_bytes
    assert ask(base, "ASK { ?s ?p ?o }")[0] == 200  # and the server still answers


def test_a_served_store_answers_from_its_latest_update(endpoint, tmp_path):
    articles = sorted(SEEDS.glob("*.txt"))
    kg = tmp_path / "kg"
    assert CliRunner().invoke(main, ["build", *map(str, articles[:2]), "--store", str(kg)]).exit_code == 0
    count = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"
    for in_memory in ([], ["--in-memory"]):
        base = endpoint(*in_memory, source=["--store", str(kg)])
        before = int(json.loads(ask(base, count)[2])["results"]["bindings"][0]["n"]["value"])
        chosen = articles[:4] if not in_memory else articles[:5]
        assert CliRunner().invoke(main, ["build", *map(str, chosen), "--store", str(kg)]).exit_code == 0
        after = int(json.loads(ask(base, count)[2])["results"]["bindings"][0]["n"]["value"])
        truth = int(open_store(kg, read_only=True).query(count).rows[0][0])
        assert after > before and after == truth, (before, after, truth)
