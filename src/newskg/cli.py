"""The ``newskg`` command line: parse options, call the library, print the result.

Exit codes: 0 success; 1 a problem with the input, query or output (one line on
stderr); 2 a usage error (click's own).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

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
    from newskg.sources import open_source

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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Folder for newskg.trig, newskg.ttl and newskg.html [default: graph, or none with --store].")
@click.option("--store", "store", type=click.Path(file_okay=False),
              help="Keep the graph in a persistent store folder; only new or changed articles are processed.")
@click.option("--jobs", default=0, type=click.IntRange(0), help="Worker processes for --store builds (0: automatic).")
@click.option("--no-html", is_flag=True, help="Skip the HTML view (faster on big corpora).")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of the output (faster).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; problems are still reported.")
@click.option("--text-field", default="text", show_default=True, help="JSON Lines/CSV field holding the article text.")
@click.option("--title-field", default="title", show_default=True, help="JSON Lines/CSV field holding the title.")
@click.option("--date-field", default="date", show_default=True, help="JSON Lines/CSV field holding the date.")
@click.option("--url-field", default="url", show_default=True, help="JSON Lines/CSV field holding the URL.")
@click.option("--id-field", default="id", show_default=True, help="JSON Lines/CSV field holding an article id.")
def build(paths: tuple[str, ...], out_dir: str | None, store: str | None, jobs: int, no_html: bool, no_validate: bool,
          as_json: bool, quiet: bool, text_field: str, title_field: str, date_field: str, url_field: str,
          id_field: str) -> None:
    """Read articles (files or folders) and write the graph.

    PATH can be article files (.txt, .md, .html, .jsonl, .csv), folders (read
    recursively) or - for standard input. Unreadable articles are reported and
    skipped; the outputs are replaced atomically, so a failed or interrupted
    build never damages a graph already built.

    \b
    Example:
      newskg build seeds/ --out graph/
      newskg build articles/ --store kg/     # later runs add only new or changed articles
    """
    from newskg.outputs import write_outputs
    from newskg.pipeline import build_corpus

    from newskg.inputs import RecordFields

    fields = RecordFields(text_field, title_field, date_field, url_field, id_field)
    if store:
        _build_store(paths, store, out_dir, jobs, no_html, no_validate, as_json, quiet, fields)
        return
    out_dir = out_dir or "graph"
    try:
        with _progress(paths, quiet or as_json) as tick:
            result = build_corpus(list(paths), fields=fields, progress=tick)
        violations = [] if no_validate else _validate(result.dataset)
        written = write_outputs(result.dataset, Path(out_dir), html=not no_html)
    except NewskgError as err:
        _fail(err)
    for problem in result.skipped:
        click.echo(f"newskg: skipped {problem}", err=True)
    for notice in result.notices():
        click.echo(f"newskg: note: {notice}", err=True)
    for violation in violations:
        click.echo(f"newskg: bug: the output violates a shape: {violation}", err=True)
    summary = result.summary() | {"written": [str(p) for p in written], "shape violations": len(violations)}
    if as_json:
        click.echo(json.dumps(summary, indent=1, ensure_ascii=False))
    elif not quiet:
        click.echo(_summary_text(summary))
    if result.skipped or violations:
        sys.exit(1)


class _progress:
    """A progress bar on stderr for builds of more than a few files; nothing when quiet."""

    def __init__(self, paths, quiet: bool):
        from newskg.inputs import collect_paths

        self.total = 0 if quiet else len(collect_paths(list(paths))[0])
        self.bar = None

    def __enter__(self):
        if self.total <= 5:
            return None
        self.bar = click.progressbar(length=self.total, label="reading articles", file=sys.stderr)
        self.bar.__enter__()
        return lambda: self.bar.update(1)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False


def _build_store(paths, store: str, out_dir: str | None, jobs: int, no_html: bool, no_validate: bool,
                 as_json: bool, quiet: bool = False, fields=None) -> None:
    from newskg.outputs import write_outputs
    from newskg.persistent import PersistentStore
    from newskg.stats import graph_stats

    try:
        kg = PersistentStore(store)
        with _progress(paths, quiet or as_json) as tick:
            report = kg.update(list(paths), jobs=jobs, fields=fields, progress=tick)
        summary = report.summary() | graph_stats(_StoreView(kg))
        violations = []
        if out_dir or not no_validate:
            dataset = kg.to_dataset()
            violations = [] if no_validate else _validate(dataset)
            if out_dir:
                summary["written"] = [str(p) for p in write_outputs(dataset, Path(out_dir), html=not no_html)]
    except NewskgError as err:
        _fail(err)
    for problem in report.skipped:
        click.echo(f"newskg: skipped {problem}", err=True)
    for violation in violations:
        click.echo(f"newskg: bug: the output violates a shape: {violation}", err=True)
    summary["shape violations"] = len(violations)
    if as_json or not quiet:
        click.echo(json.dumps(summary, indent=1, ensure_ascii=False) if as_json else
                   "\n".join(f"{k}: {v}" for k, v in summary.items() if k != "skipped"))
    if report.skipped or violations:
        sys.exit(1)


class _StoreView:
    """A writable store seen as a query source (the CLI's sources open stores read-only)."""

    def __init__(self, kg):
        self.kg = kg

    def query(self, text, source="query", params=None):
        from newskg.query import run_store_query

        return run_store_query(self.kg.store, text, source=source, params=params)


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--store", "store", required=True, type=click.Path(file_okay=False), help="The persistent store folder.")
def remove(articles: tuple[str, ...], store: str) -> None:
    """Remove articles (by file name or stem) from a persistent store; entities and claims are updated.

    \b
    Example:
      newskg remove 002_18c1bd5d3e9b6a10.txt --store kg/
    """
    from newskg.persistent import PersistentStore

    try:
        report = PersistentStore(store).remove(list(articles))
    except NewskgError as err:
        _fail(err)
    click.echo(f"removed: {', '.join(report.removed)}; graphs rewritten: {report.rewritten}")


def _validate(dataset):
    from newskg.validate import validate

    return validate(dataset)


def _summary_text(summary: dict) -> str:
    lines = [f"articles read: {summary['articles']}, skipped: {len(summary['skipped'])}",
             "entities: " + ", ".join(f"{k} {v}" for k, v in summary["entities"].items()),
             "facts: " + ", ".join(f"{k} {v}" for k, v in summary["facts"].items()),
             f"triples: {summary['triples']}, shape violations: {summary['shape violations']}",
             "written: " + ", ".join(summary["written"])]
    return "\n".join(lines)


@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a file.")
@graph_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="How to print SELECT answers.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter of a library query (as an RDF literal), e.g. entity=Klarna.")
@click.option("--list", "list_queries", is_flag=True, help="List the query library and exit.")
@click.option("--queries", "queries_dir", default="queries", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the query library.")
def query(query: str | None, query_file: str | None, graph: str, store: str | None, fmt: str, params: tuple[str, ...],
          list_queries: bool, queries_dir: str) -> None:
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
    from newskg.query import find_library_query, format_answer, library, read_query_file

    folder = Path(queries_dir)
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
        named = find_library_query(folder, query) if query and folder.is_dir() and " " not in query else None
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
    from newskg.outputs import render
    from newskg.store import write_atomically

    try:
        text = render(_source(graph, store).dataset, fmt)
        if output:
            write_atomically(Path(output), text)
        else:
            click.echo(text, nl=False)
    except NewskgError as err:
        _fail(err)


@main.command()
@graph_option
@click.option("-o", "--output", default="graph/newskg.html", show_default=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser.")
@click.option("--focus", help="Only this entity and its neighbourhood (any of its names).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(1, 6), help="Neighbourhood depth for --focus.")
@click.option("--types", help="Comma-separated node types to keep (organization,person,Layoff,...).")
@click.option("--max-nodes", default=0, type=click.IntRange(0), help="Keep only the N most connected nodes (0: all).")
@click.option("--lang", "lang", type=click.Choice(["en", "id"]), default="en", show_default=True,
              help="Language of labels and legend.")
def view(graph: str, store: str | None, output: str, open_browser: bool, focus: str | None, depth: int, types: str | None,
         max_nodes: int, lang: str) -> None:
    """Write the interactive HTML view (works offline, no CDN).

    \b
    Example:
      newskg view --focus Klarna --depth 2 -o klarna.html --open
    """
    from newskg.store import write_atomically
    from newskg.view import ViewOptions, render_view

    options = ViewOptions(lang=lang, focus=focus, depth=depth, max_nodes=max_nodes,
                          types=tuple(t.strip() for t in types.split(",")) if types else ())
    try:
        write_atomically(Path(output), render_view(_source(graph, store).dataset, options))
    except NewskgError as err:
        _fail(err)
    click.echo(f"written: {output}")
    if open_browser:
        import webbrowser

        webbrowser.open(Path(output).resolve().as_uri())


def _report(name: str, entity: str | None, graph: str, store: str | None, fmt: str) -> None:
    """Run one of the package's report queries (claims, conflicts, timeline) and print it."""
    from importlib import resources

    from newskg.query import format_answer

    text = resources.files("newskg.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
    try:
        answer = _source(graph, store).query(text, source=f"{name}.rq", params={"entity": entity} if entity else None)
    except NewskgError as err:
        _fail(err)
    if fmt == "json":
        records = [{c: (None if v is None else str(v)) for c, v in zip(answer.columns, row)} for row in answer.rows]
        click.echo(json.dumps(records, indent=1, ensure_ascii=False))
    else:
        click.echo(format_answer(answer, fmt), nl=False)


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
    from newskg.stats import graph_stats

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


@main.command()
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
def serve(graph: str, store: str | None, host: str, port: int) -> None:
    """Serve the graph as a read-only SPARQL endpoint (SPARQL 1.1 Protocol) at /sparql.

    \b
    Example:
      newskg serve --store kg/ --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql
    """
    from newskg.server import open_oxigraph
    from newskg.server import serve as make_server

    try:
        httpd = make_server(open_oxigraph(graph, store), host, port)
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
    from newskg.server import push as push_graphs

    try:
        pushed = push_graphs(_source(graph, store).dataset, endpoint)
    except NewskgError as err:
        _fail(err)
    click.echo(f"pushed {len(pushed)} named graphs to {endpoint}")


@main.command()
@click.option("--articles", "count", default=1000, show_default=True, type=click.IntRange(1), help="How many articles.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for the articles.")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False), help="Folder for their gold facts (score.py format).")
@click.option("--seed", default=7, show_default=True, help="Random seed: the same seed gives the same corpus.")
def generate(count: int, out_dir: str, gold_dir: str | None, seed: int) -> None:
    """Write generated Indonesian news articles with gold facts (for scale tests and benchmarks).

    \b
    Example:
      newskg generate --articles 1000 --out corpus/articles --gold corpus/gold
    """
    from newskg.generator import generate_corpus

    paths = generate_corpus(count, Path(out_dir), Path(gold_dir) if gold_dir else None, seed=seed)
    click.echo(f"written: {len(paths)} articles in {out_dir}" + (f", gold in {gold_dir}" if gold_dir else ""))


@main.command(name="validate")
@graph_option
def validate_command(graph: str, store: str | None) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl).

    Exit codes: 0 the graph conforms, 1 it has violations (each printed with its
    node, property and message), 2 the check could not run.

    \b
    Example:
      newskg validate --graph graph/newskg.trig
    """
    from newskg.validate import validate

    try:
        violations = validate(_source(graph, store).dataset)
    except NewskgError as err:
        click.echo(f"newskg: error: {err}", err=True)
        sys.exit(2)
    for violation in violations:
        click.echo(str(violation))
    click.echo(f"{len(violations)} violation{'s' if len(violations) != 1 else ''}" if violations else "conforms")
    sys.exit(1 if violations else 0)


@main.command()
@click.argument("fact")
@graph_option
def explain(fact: str, graph: str, store: str | None) -> None:
    """Show where a fact comes from: its sentence, article, rule and values.

    FACT is a fact IRI or its short form (fact/000_2a2d67eec8d349e5/layoff-1).

    \b
    Example:
      newskg explain fact/000_2a2d67eec8d349e5/layoff-1
    """
    from newskg.stats import explain_fact

    try:
        click.echo(explain_fact(_source(graph, store), fact))
    except NewskgError as err:
        _fail(err)


if __name__ == "__main__":
    main()
