"""Run SPARQL on a graph and format the answers (table, CSV, TSV, JSON, Turtle)."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Literal, URIRef, Variable

from newskg.errors import QueryError
from newskg.serialize import to_turtle

QUERY_FORMATS = ("table", "csv", "tsv", "json")


@dataclass
class Answer:
    kind: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    columns: list[str]
    rows: list[list[object]]
    boolean: bool | None = None
    triples: list | None = None


def run_query(dataset: Dataset, text: str, source: str = "query", params: dict[str, str] | None = None) -> Answer:
    """Parse and run one SPARQL query; a syntax error names the line and column.

    ``params`` bind variables as RDF literals (``entity`` binds ``?entityName``),
    never by pasting text into the query, so a value cannot change what it does.
    """
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except Exception as err:  # pyparsing's ParseException and rdflib's own errors
        raise QueryError(f"{source}: {_parse_message(err)}") from None
    bindings = {Variable(f"{name}Name"): Literal(value) for name, value in (params or {}).items()}
    try:
        result = dataset.query(prepared, initBindings=bindings)
    except Exception as err:
        raise QueryError(f"{source}: the query failed: {err}") from None
    if result.type == "ASK":
        return Answer("ASK", [], [], boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return Answer(result.type, [], [], triples=list(result.graph))
    columns = [str(v) for v in result.vars]
    return Answer("SELECT", columns, [list(row) for row in result])


def _parse_message(err: Exception) -> str:
    line, col = getattr(err, "lineno", None), getattr(err, "col", None)
    message = str(getattr(err, "msg", None) or err).splitlines()[0]
    if line is not None:
        return f"SPARQL syntax error at line {line}, column {col}: {message}"
    return f"SPARQL error: {message}"


def read_query_file(path: str | Path) -> str:
    path = Path(path)
    if not path.exists():
        raise QueryError(f"{path}: no such query file")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"{path}: cannot read query file ({err})") from None


def cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (URIRef, BNode)):
        return str(term)
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def format_answer(answer: Answer, fmt: str = "table") -> str:
    if answer.kind == "ASK":
        return "true\n" if answer.boolean else "false\n"
    if answer.kind in ("CONSTRUCT", "DESCRIBE"):
        return to_turtle(answer.triples)
    if fmt == "json":
        return json.dumps(_results_json(answer), ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(answer.columns)
        for row in answer.rows:
            writer.writerow([cell(v) for v in row])
        return out.getvalue()
    return _table(answer)


def _results_json(answer: Answer) -> dict:
    """SPARQL 1.1 Query Results JSON."""
    bindings = []
    for row in answer.rows:
        binding = {}
        for name, term in zip(answer.columns, row):
            if term is None:
                continue
            if isinstance(term, URIRef):
                binding[name] = {"type": "uri", "value": str(term)}
            elif isinstance(term, BNode):
                binding[name] = {"type": "bnode", "value": str(term)}
            else:
                item = {"type": "literal", "value": str(term)}
                if term.language:
                    item["xml:lang"] = term.language
                elif term.datatype:
                    item["datatype"] = str(term.datatype)
                binding[name] = item
        bindings.append(binding)
    return {"head": {"vars": answer.columns}, "results": {"bindings": bindings}}


def _short(term: object) -> str:
    text = cell(term)
    if isinstance(term, URIRef):
        text = re.sub(r"^https://w3id\.org/newskg/id/", "", text)
    return text if len(text) <= 80 else text[:77] + "..."


def _table(answer: Answer) -> str:
    rows = [[_short(v) for v in row] for row in answer.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(answer.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(answer.columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the query library

@dataclass(frozen=True)
class LibraryQuery:
    name: str
    path: Path
    summary: str
    parameters: tuple[str, ...]


def library(folder: Path) -> list[LibraryQuery]:
    """The .rq files under ``folder`` (competency questions included), with their header comments."""
    found = []
    for path in sorted(folder.rglob("*.rq")):
        lines = path.read_text(encoding="utf-8").splitlines()
        comments = [line.lstrip("# ").strip() for line in lines if line.startswith("#")]
        params = tuple(re.findall(r"\b(\w+)Name\b", path.read_text(encoding="utf-8")))
        found.append(LibraryQuery(path.stem, path, comments[0] if comments else "", tuple(dict.fromkeys(params))))
    return found


def find_library_query(folder: Path, name: str) -> LibraryQuery | None:
    for query in library(folder):
        if name in (query.name, query.name.removeprefix("cq_"), str(query.path.relative_to(folder))):
            return query
    return None
