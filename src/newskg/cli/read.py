"""Commands that read a built graph: query, export, view, claims/conflicts/timeline, stats."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newskg.cli import _fail, _source, graph_option, main
from newskg.errors import NewskgError

@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a file.")
@graph_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "turtle", "ntriples"]),
              default="table", show_default=True,
              help="SELECT answers: table, csv, tsv or json; CONSTRUCT/DESCRIBE: turtle (default) or ntriples.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter of a library query (as an RDF literal), e.g. entity=Klarna.")
@click.option("--list", "list_queries", is_flag=True, help="List the query library and exit.")
@click.option("--queries", "queries_dir", type=click.Path(file_okay=False, exists=True),
              help="A folder of your own .rq queries, added to the library shipped with newskg.")
def query(query: str | None, query_file: str | None, graph: str, store: str | None, fmt: str, params: tuple[str, ...],
          list_queries: bool, queries_dir: str | None) -> None:
    """Run a SPARQL query (text, a file, or a library query by name) on the graph.

    Named graphs are unioned in the default graph. ASK queries print true/false
    and exit 0 or 1; CONSTRUCT and DESCRIBE print Turtle.

    \b
    Example:
      newskg query --list
      newskg query entity_profile --param entity=Klarna
      newskg query -f queries/cq/cq_roles.rq --format csv
      newskg query "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    """
    from newskg.query.run import find_library_query, format_answer, library, looks_like_a_name, read_query_file

    folder = Path(queries_dir) if queries_dir else None
    if list_queries:
        for item in library(folder):
            extra = f"  (--param {', '.join(p + '=...' for p in item.parameters)})" if item.parameters else ""
            click.echo(f"{item.name:<24}{item.summary}{extra}")
        return
    if bool(query) == bool(query_file):
        raise click.UsageError("give a QUERY, a library query NAME or -f FILE (one of them)")
    bound = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name.isidentifier():
            raise click.UsageError(f"--param {param!r}: write it as NAME=VALUE")
        bound[name] = value
    try:
        named = find_library_query(query, folder) if query and looks_like_a_name(query) else None
        source = str(named.path) if named else (query_file or "query")
        text = read_query_file(named.path if named else query_file) if (named or query_file) else query
        answer = _source(graph, store).query(text, source=source, params=bound)
    except NewskgError as err:
        _fail(err)
    click.echo(format_answer(answer, fmt), nl=False)
    if answer.kind == "ASK" and not answer.boolean:
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "jsonld"]), default="turtle",
              show_default=True, help="RDF format to write.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: standard output).")
@graph_option
def export(fmt: str, output: str | None, graph: str, store: str | None) -> None:
    """Export the graph in an RDF format.

    \b
    Example:
      newskg export --format nquads -o newskg.nq
    """
    from newskg.rdf.outputs import render
    from newskg.rdf.files import write_atomically

    try:
        source = _source(graph, store)
        if store:  # straight from Oxigraph: streaming, for stores too big for rdflib
            data = source.export(fmt, Path(output) if output else None)
            if data is not None:
                click.echo(data.decode("utf-8"), nl=False)
            return
        text = render(source.dataset, fmt)
        if output:
            write_atomically(Path(output), text)
        else:
            click.echo(text, nl=False)
    except (NewskgError, OSError) as err:
        _fail(err if isinstance(err, NewskgError) else NewskgError(f"{output}: cannot write ({err})"))


@main.command()
@graph_option
@click.option("-o", "--output", default="graph/newskg.html", show_default=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser.")
@click.option("--focus", help="Only this entity and its neighbourhood (any of its names).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(1, 6), help="Neighbourhood depth for --focus.")
@click.option("--types", help="Comma-separated node types to keep (organization,person,Layoff,...; any "
              "case).")
@click.option("--max-nodes", default=400, show_default=True, type=click.IntRange(0),
              help="Keep the N most important nodes, facts with their entities (0: all).")
@click.option("--lang", "lang", type=click.Choice(["en", "id"]), default="en", show_default=True,
              help="Language of the page: labels, legend, evidence and notes.")
def view(graph: str, store: str | None, output: str, open_browser: bool, focus: str | None, depth: int, types: str | None,
         max_nodes: int, lang: str) -> None:
    """Write the interactive HTML view (works offline, no CDN).

    The graph is selected through SPARQL, so a big store is not loaded whole; a page keeps at most
    --max-nodes nodes and says what it left out.

    \b
    Example:
      newskg view --focus Klarna --depth 2 -o klarna.html --open
    """
    from newskg.rdf.files import write_atomically
    from newskg.view.page import ViewOptions, parse_types, render_view

    try:
        options = ViewOptions(lang=lang, focus=focus, depth=depth, max_nodes=max_nodes,
                              types=parse_types(types) if types is not None else ())
        write_atomically(Path(output), render_view(_source(graph, store), options))
    except NewskgError as err:
        _fail(err)
    click.echo(f"written: {output}")
    if open_browser:
        import webbrowser

        webbrowser.open(Path(output).resolve().as_uri())


def _report(name: str, entity: str | None, graph: str, store: str | None, fmt: str) -> None:
    """Run one of the package's report queries (claims, conflicts, timeline) and print it."""
    from importlib import resources

    from newskg.query.run import format_answer

    text = resources.files("newskg.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
    try:
        answer = _source(graph, store).query(text, source=f"{name}.rq", params={"entity": entity} if entity else None)
    except NewskgError as err:
        _fail(err)
    if name == "claims":
        answer.rows = one_row_per_claim(answer.columns, answer.rows)
    if fmt == "json":
        records = [{c: (None if v is None else str(v)) for c, v in zip(answer.columns, row)} for row in answer.rows]
        click.echo(json.dumps(records, indent=1, ensure_ascii=False))
    else:
        click.echo(format_answer(answer, fmt), nl=False)


def one_row_per_claim(columns: list[str], rows: list[list]) -> list[list]:
    """Merge the rows of a claim about several entities (a person's position is about the person and the
    organisation) into one, naming them all in ``about``: otherwise each such claim is printed twice."""
    from rdflib import Literal

    claim_at, about_at = columns.index("claim"), columns.index("about")
    merged: dict[object, list] = {}
    for row in rows:
        first = merged.setdefault(row[claim_at], list(row))
        names = str(first[about_at]).split(", ")
        if str(row[about_at]) not in names:
            first[about_at] = Literal(", ".join(names + [str(row[about_at])]))
    return list(merged.values())


report_format = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                             show_default=True, help="Output format.")


_REPORTS = {  # command -> help text; each runs src/newskg/queries/<command>.rq
    "conflicts": """Facts from different articles that cannot both be true, each side with its sentence and outlet.

    \b
    Example:
      newskg conflicts Klarna
      newskg conflicts --format csv > conflicts.csv
    """,
    "claims": """Claims with the number of independent sources (articles) that state them, and their outlets.

    \b
    Example:
      newskg claims Salesforce
    """,
    "timeline": """The dated events of an entity (or of all) in time order, with their sources.

    \b
    Example:
      newskg timeline Klarna
    """,
}


def _report_command(name: str, help_text: str):
    @click.argument("entity", required=False)
    @graph_option
    @report_format
    def command(entity: str | None, graph: str, store: str | None, fmt: str) -> None:
        _report(name, entity, graph, store, fmt)

    return main.command(name=name, help=help_text)(command)


for _name, _help in _REPORTS.items():
    _report_command(_name, _help)


@main.command()
@graph_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def stats(graph: str, store: str | None, as_json: bool) -> None:
    """Count articles, entities by type, facts by kind and triples in the graph.

    \b
    Example:
      newskg stats --graph graph/newskg.trig
    """
    from newskg.rdf.stats import graph_stats

    try:
        numbers = graph_stats(_source(graph, store))
    except NewskgError as err:
        _fail(err)
    if as_json:
        click.echo(json.dumps(numbers, indent=1))
        return
    for section, value in numbers.items():
        if isinstance(value, dict):
            click.echo(f"{section}: " + ", ".join(f"{k} {v}" for k, v in value.items()))
        else:
            click.echo(f"{section}: {value}")
