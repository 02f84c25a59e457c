"""``newskg push``: copy every named graph to any triple store through the SPARQL 1.1 Graph Store Protocol.

Credentials never go in the URL (it shows in ``ps`` and in error messages): they come from the environment
(NEWSKG_PUSH_USER and NEWSKG_PUSH_PASSWORD) or a netrc file ($NETRC or ~/.netrc), and are never printed.
The whole push has one deadline: a per-read timeout would let a server that sends a byte a minute hold it
for ever. A failure half-way names the graphs already replaced, since the store then mixes old and new.
"""
from __future__ import annotations

import base64
import http.client
import netrc
import os
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from newskg.errors import NewskgError


@dataclass(frozen=True)
class Target:
    """A parsed Graph Store endpoint, and the Authorization header for it (None: no credentials)."""
    scheme: str
    host: str
    port: int | None
    path: str
    authorization: str | None = None

    def __str__(self) -> str:  # what messages show: never credentials
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme}://{self.host}{port}{self.path}"


def parse_endpoint(endpoint: str) -> Target:
    """An http(s) URL with a host and no credentials in it, or a NewskgError saying what is wrong."""
    try:
        url = urllib.parse.urlsplit(endpoint)
        port = url.port
    except ValueError:
        raise NewskgError("--endpoint: not a URL (expected e.g. http://host:7878/store)") from None
    if url.scheme not in ("http", "https") or not url.hostname:
        raise NewskgError("--endpoint: expected an http:// or https:// URL with a host, e.g. http://host:7878/store")
    if url.username or url.password:
        raise NewskgError("--endpoint: credentials in the URL show in 'ps' and messages; set NEWSKG_PUSH_USER "
                          "and NEWSKG_PUSH_PASSWORD or use a netrc file")
    path = (url.path or "/") + (f"?{url.query}" if url.query else "")
    return Target(url.scheme, url.hostname, port, path, _authorization(url.hostname))


def _authorization(host: str) -> str | None:
    user, password = os.environ.get("NEWSKG_PUSH_USER"), os.environ.get("NEWSKG_PUSH_PASSWORD")
    if user is None:
        user, password = _from_netrc(host)
    if user is None:
        return None
    token = base64.b64encode(f"{user}:{password or ''}".encode("utf-8")).decode("ascii")
    return f"Basic {token}"


def _from_netrc(host: str) -> tuple[str | None, str | None]:
    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        return None, None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as err:
        raise NewskgError(f"{path}: cannot read the netrc file ({getattr(err, 'msg', err)})") from None
    return (entry[0], entry[2]) if entry else (None, None)


def push(dataset, endpoint: str, deadline_seconds: float = 600) -> list[tuple[str, int]]:
    """PUT every named graph (replacing it there: pushing twice is harmless), all within one deadline."""
    from newskg.rdf.serialize import to_turtle

    target = parse_endpoint(endpoint)
    deadline = time.monotonic() + deadline_seconds
    graphs = [g for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier))
              if len(g) and not str(g.identifier).startswith("urn:x-rdflib:")]
    pushed: list[tuple[str, int]] = []
    for graph in graphs:
        name = str(graph.identifier)
        try:
            status = _put(target, name, to_turtle(graph).encode("utf-8"), deadline)
        except NewskgError as err:
            raise NewskgError(f"{target}: {err}; {_replaced(pushed, len(graphs))}") from None
        pushed.append((name, status))
    return pushed


def _replaced(pushed: list[tuple[str, int]], total: int) -> str:
    if not pushed:
        return "no graph was replaced"
    return f"{len(pushed)} of {total} graphs were replaced before it: " + " ".join(n for n, _ in pushed)


def _put(target: Target, graph: str, body: bytes, deadline: float) -> int:
    """One PUT; the connection is shut when the deadline passes, whatever the server is doing."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise NewskgError(f"the deadline passed before graph {graph}")
    kind = http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
    conn = kind(target.host, target.port, timeout=remaining)
    timer = threading.Timer(remaining, _shut, [conn])
    timer.start()
    sep = "&" if "?" in target.path else "?"
    headers = {"Content-Type": "text/turtle; charset=utf-8"}
    if target.authorization:
        headers["Authorization"] = target.authorization
    try:
        conn.request("PUT", f"{target.path}{sep}{urllib.parse.urlencode({'graph': graph})}", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
    except (OSError, http.client.HTTPException) as err:
        if time.monotonic() >= deadline:
            raise NewskgError(f"the deadline passed while sending graph {graph} (newskg push --deadline)") from None
        raise NewskgError(f"cannot reach the store ({err.__class__.__name__}: {err})") from None
    finally:
        timer.cancel()
        conn.close()
    if response.status >= 300:
        raise NewskgError(f"the store refused graph {graph}: HTTP {response.status}")
    return response.status


def _shut(conn) -> None:
    if conn.sock is not None:
        try:
            conn.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
