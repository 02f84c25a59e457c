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
def serve(graph: str, store: str | None, host: str, port: int, in_memory: bool) -> None:
    """Serve the graph as a read-only SPARQL endpoint (SPARQL 1.1 Protocol) at /sparql.

    \b
    Example:
      newskg serve --store kg/ --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql
    """
    from newskg.query.server import open_oxigraph
    from newskg.query.server import serve as make_server

    try:
        httpd = make_server(open_oxigraph(graph, store, in_memory), host, port)
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
def push(endpoint: str, graph: str, store: str | None) -> None:
    """Copy every named graph to a triple store (SPARQL 1.1 Graph Store Protocol, PUT: safe to repeat).

    \b
    Example:
      newskg push --endpoint http://127.0.0.1:7878/store --graph graph/newskg.trig
    """
    from newskg.query.server import push as push_graphs

    try:
        pushed = push_graphs(_source(graph, store).dataset, endpoint)
    except NewskgError as err:
        _fail(err)
    click.echo(f"pushed {len(pushed)} named graphs to {endpoint}")
