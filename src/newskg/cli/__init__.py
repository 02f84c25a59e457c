"""The ``newskg`` command line: parse options, call the library, print the result.

Commands live in modules by group (build, read, serve, develop); importing them registers them.

Exit codes: 0 success; 1 a problem with the input, query or output (one line on
stderr); 2 a usage error (click's own).
"""
from __future__ import annotations

import sys

import click

from newskg.errors import NewskgError

DEFAULT_GRAPH = "graph/newskg.trig"


def _fail(err: NewskgError) -> None:
    click.echo(f"newskg: error: {err}", err=True)
    sys.exit(err.exit_code)


def graph_option(command):
    """--graph FILE or --store DIR: where a command reads the graph."""
    command = click.option("--store", "store", type=click.Path(file_okay=False),
                           help="Read a persistent store folder (made by 'newskg build --store') instead of a file.")(command)
    return click.option("--graph", "graph", default=DEFAULT_GRAPH, show_default=True, type=click.Path(dir_okay=False),
                        help="The built graph file to read (.trig, .ttl, .nq).")(command)


def _source(graph: str, store: str | None):
    from newskg.query.sources import open_source

    return open_source(graph, store)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskg")
def main() -> None:
    """Build a provenance-rich knowledge graph from news articles, then query, view and export it.

    \b
    Example:
      newskg build seeds/ --out graph/
      newskg query -f queries/cq/cq_roles.rq
    """




from newskg.cli import build, develop, read, serve  # noqa: E402,F401 - importing registers the commands
