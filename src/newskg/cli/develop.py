"""Commands for checking and developing: generate, validate, explain."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from newskg.cli import _fail, _source, graph_option, main
from newskg.errors import NewskgError

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
    from newskg.develop.generator import generate_corpus

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
    from newskg.rdf.validate import validate

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
    from newskg.rdf.stats import explain_fact

    try:
        click.echo(explain_fact(_source(graph, store), fact))
    except NewskgError as err:
        _fail(err)
