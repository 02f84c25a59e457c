"""newskg build and remove: articles in, graph files or a persistent store out."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newskg.cli import _fail, main
from newskg.errors import NewskgError
from newskg.lang import available_languages  # a folder under lang/ is a language: --lang offers it

@main.command()
# readable=False: an unreadable file is a skipped article (exit 1), not click's usage error (exit 2)
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Folder for newskg.trig, newskg.ttl and newskg.html [default: graph, or none with --store].")
@click.option("--store", "store", type=click.Path(file_okay=False),
              help="Keep the graph in a persistent store folder; only new or changed articles are processed.")
@click.option("--jobs", default=0, type=click.IntRange(0), help="Worker processes for --store builds (0: automatic).")
@click.option("--article-timeout", default=60.0, type=click.FloatRange(0), show_default=True,
              help="Seconds one article may take to analyse before it is reported and skipped (0: no bound).")
@click.option("--no-html", is_flag=True, help="Skip the HTML view (faster on big corpora).")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of the output (faster).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; problems are still reported.")
@click.option("--lang", "lang_code", type=click.Choice(["auto", *available_languages()]), default="auto",
              show_default=True,
              help="Language of the articles (auto: detected per article).")
@click.option("--text-field", default="text", show_default=True, help="JSON Lines/CSV field holding the article text.")
@click.option("--title-field", default="title", show_default=True, help="JSON Lines/CSV field holding the title.")
@click.option("--date-field", default="date",
              help="JSON Lines/CSV field holding the date [default: date, else published, publishedAt, pubDate, ...].")
@click.option("--url-field", default="url", show_default=True, help="JSON Lines/CSV field holding the URL.")
@click.option("--id-field", default="id", show_default=True, help="JSON Lines/CSV field holding an article id.")
def build(paths: tuple[str, ...], out_dir: str | None, store: str | None, jobs: int, article_timeout: float,
          no_html: bool, no_validate: bool,
          as_json: bool, quiet: bool, lang_code: str, text_field: str, title_field: str, date_field: str, url_field: str,
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
    from newskg.rdf.outputs import write_outputs
    from newskg.pipeline import build_corpus

    from newskg.read.inputs import RecordFields

    fields = RecordFields(text_field, title_field, date_field, url_field, id_field)
    if store:
        _build_store(paths, store, out_dir, jobs, no_html, no_validate, as_json, quiet, fields,
                     None if lang_code == "auto" else lang_code, article_timeout)
        return
    out_dir = out_dir or "graph"
    try:
        with _progress(paths, quiet or as_json) as tick:
            result = build_corpus(list(paths), lang_code=None if lang_code == "auto" else lang_code, fields=fields,
                                  progress=tick, article_seconds=article_timeout)
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
    summary = result.summary() | {"written": [str(p) for p in written],
                                  "shape violations": _checked(violations, no_validate)}
    if as_json:
        click.echo(json.dumps(summary, indent=1, ensure_ascii=False))
    elif not quiet:
        click.echo(_summary_text(summary))
    if result.skipped or violations:
        sys.exit(1)


def _checked(violations: list, skipped: bool):
    """The number of shape violations, or a plain statement that nothing was checked (0 would be a claim)."""
    return "not checked (--no-validate)" if skipped else len(violations)


class _progress:
    """A progress bar on stderr for builds of more than a few files; nothing when quiet."""

    def __init__(self, paths, quiet: bool):
        from newskg.read.inputs import collect_paths

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
                 as_json: bool, quiet: bool = False, fields=None, lang_code: str | None = None,
                 article_timeout: float = 0) -> None:
    from newskg.rdf.outputs import write_outputs
    from newskg.store import open_store

    try:
        kg = open_store(store)
        with _progress(paths, quiet or as_json) as tick:
            report = kg.update(list(paths), jobs=jobs, fields=fields, progress=tick, lang_code=lang_code,
                               article_seconds=article_timeout)
        summary = report.summary() | kg.summary()
        violations = []
        if not no_validate:
            changed, focus, checked, rewritten = kg.last_change_for_validation()
            violations = _validate(changed, focus)
            if checked < rewritten:
                summary["validated"] = (f"{checked} of {rewritten} articles rewritten (a sample); "
                                        "'newskg validate --store' checks all")
        if out_dir:
            summary["written"] = [str(p) for p in write_outputs(kg.to_dataset(), Path(out_dir), html=not no_html,
                                                                     view_source=kg)]
    except NewskgError as err:
        _fail(err)
    for problem in report.skipped:
        click.echo(f"newskg: skipped {problem}", err=True)
    for violation in violations:
        click.echo(f"newskg: bug: the output violates a shape: {violation}", err=True)
    summary["shape violations"] = _checked(violations, no_validate)
    if as_json or not quiet:
        click.echo(json.dumps(summary, indent=1, ensure_ascii=False) if as_json else
                   _store_summary_text(summary))
    if report.skipped or violations:
        sys.exit(1)


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--store", "store", required=True, type=click.Path(file_okay=False), help="The persistent store folder.")
def remove(articles: tuple[str, ...], store: str) -> None:
    """Remove articles (by file name or stem) from a persistent store; entities and claims are updated.

    \b
    Example:
      newskg remove 002_18c1bd5d3e9b6a10.txt --store kg/
    """
    from newskg.store import open_store

    try:
        report = open_store(store).remove(list(articles))
    except NewskgError as err:
        _fail(err)
    removed = ", ".join(f"{doc} ({report.sources[doc]})" for doc in report.removed)
    click.echo(f"removed: {removed}; graphs rewritten: {report.rewritten}")


def _validate(dataset, focus=None):
    from newskg.rdf.validate import validate

    return validate(dataset, focus)


def _summary_text(summary: dict) -> str:
    lines = [f"articles read: {summary['articles']}, skipped: {len(summary['skipped'])}",
             f"articles with no title: {len(summary['no title'])}, with no date: {len(summary['no date'])}"
             + (" (they drop out of timelines; --json lists them)" if summary["no date"] else ""),
             "entities: " + ", ".join(f"{k} {v}" for k, v in summary["entities"].items()),
             "facts: " + ", ".join(f"{k} {v}" for k, v in summary["facts"].items()),
             f"triples: {summary['triples']}, shape violations: {summary['shape violations']}",
             "written: " + ", ".join(summary["written"])]
    return "\n".join(lines)


def _store_summary_text(summary: dict) -> str:
    """A line per entry, counts by type as 'Organization 12, Person 30' (not a Python dict)."""
    def shown(value) -> str:
        if isinstance(value, dict):
            return ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
        if isinstance(value, list):
            return ", ".join(map(str, value)) or "none"
        return str(value)
    return "\n".join(f"{k}: {shown(v)}" for k, v in summary.items() if k != "skipped")
