"""SPARQL over HTTP: serve a graph, push it to another store."""
from __future__ import annotations

import click

from newskg.cli import _fail, _source, graph_option, main
from newskg.errors import NewskgError


@main.command()
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option("--in-memory", is_flag=True,
              help="Copy the store into memory first: slower to start, queries over the whole corpus ~5x faster.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a query may run; past it the query is stopped and the client gets an error.")
@click.option("--max-answer-mb", default=64, show_default=True, type=click.IntRange(1),
              help="Largest answer in MB; a bigger one is refused with a message (add a LIMIT).")
@click.option("--cors-origin", multiple=True, metavar="ORIGIN",
              help="A web origin whose pages may query the endpoint (e.g. https://yasgui.triply.cc); repeatable.")
@click.option("--allow-host", multiple=True, metavar="NAME",
              help="Another name this endpoint is reached by (a server on 127.0.0.1 answers only to localhost and "
                   "127.0.0.1, against DNS rebinding); repeatable.")
@click.option("--allow-service", is_flag=True,
              help="Let queries use SERVICE (the server then fetches the URLs queries name).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Queries answered at the same time (each worker holds its own copy with --in-memory).")
def serve(graph: str, store: str | None, host: str, port: int, in_memory: bool, timeout: float,
          max_answer_mb: int, cors_origin: tuple[str, ...], allow_host: tuple[str, ...], allow_service: bool,
          workers: int) -> None:
    """Serve the graph as a read-only SPARQL endpoint (SPARQL 1.1 Protocol) at /sparql.

    Queries run in worker processes, stopped after --timeout. SERVICE is refused, and pages from other
    sites may not use the endpoint, unless allowed. A store updated while served is reopened.

    \b
    Example:
      newskg serve --store kg/ --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql
    """
    from newskg.query.server import serve as make_server
    from newskg.query.workers import Limits, Source

    limits = Limits(timeout, max_answer_mb * 1024 * 1024, allow_service)
    try:
        httpd = make_server(Source(None if store else graph, store, in_memory), host, port, limits,
                            cors_origin, workers, allow_host)
    except (NewskgError, OSError) as err:
        _fail(err if isinstance(err, NewskgError) else NewskgError(f"{host}:{port}: cannot listen ({err})"))
    click.echo(f"SPARQL endpoint: http://{host}:{httpd.server_address[1]}/sparql  (Ctrl-C to stop)", err=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


@main.command()
@click.option("--endpoint", required=True, help="Graph Store Protocol URL of the triple store, e.g. http://host:7878/store")
@graph_option
@click.option("--deadline", default=600.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds the whole push may take.")
def push(endpoint: str, graph: str, store: str | None, deadline: float) -> None:
    """Copy every named graph to a triple store (SPARQL 1.1 Graph Store Protocol, PUT: safe to repeat).

    Credentials come from NEWSKG_PUSH_USER and NEWSKG_PUSH_PASSWORD, or a netrc file ($NETRC or ~/.netrc);
    never from the URL, where 'ps' would show them.

    \b
    Example:
      newskg push --endpoint http://127.0.0.1:7878/store --graph graph/newskg.trig
    """
    from newskg.query.push import parse_endpoint, push as push_graphs

    try:
        target = parse_endpoint(endpoint)  # before reading the graph: a bad URL is known at once
        pushed = push_graphs(_source(graph, store).dataset, endpoint, deadline)
    except NewskgError as err:
        _fail(err)
    click.echo(f"pushed {len(pushed)} named graphs to {target}")
