"""Run SPARQL on a graph and format the answers (table, CSV, TSV, JSON, Turtle)."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Literal, URIRef

from newskg.errors import QueryError
from newskg.query.text import row_by_row, split_order
from newskg.rdf.serialize import to_turtle
from newskg.query.store_answers import select_rows
from newskg.rdf.vocab import name_key

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

    ``params`` bind variables as RDF literals (``entity`` binds ``?entityName``, and ``?entityKey`` to its
    case-folded look-up key),
    never by pasting text into the query, so a value cannot change what it does.
    """
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(bind_parameters(text, params))
    except Exception as err:  # pyparsing's ParseException and rdflib's own errors
        raise QueryError(f"{source}: {_parse_message(err)}") from None
    try:
        result = dataset.query(prepared)
    except Exception as err:
        raise QueryError(f"{source}: the query failed: {err}") from None
    if result.type == "ASK":
        return Answer("ASK", [], [], boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return Answer(result.type, [], [], triples=list(result.graph))
    columns = [str(v) for v in result.vars]
    return Answer("SELECT", columns, [list(row) for row in result])


def run_store_query(store, text: str, source: str = "query", params: dict[str, str] | None = None) -> Answer:
    """The same as ``run_query`` on a pyoxigraph store (fast on big graphs), answers as rdflib terms.

    A final ORDER BY that Python can evaluate is done here rather than by Oxigraph (see ``split_order``).
    """
    import pyoxigraph

    query = bind_parameters(row_by_row(text) if params else text, params)
    split = split_order(query)
    try:
        result = store.query(split.text if split else query, use_default_graph_as_union=True)
        if isinstance(result, (bool, pyoxigraph.QueryBoolean)):  # pyoxigraph 0.5 answers ASK with QueryBoolean
            return Answer("ASK", [], [], boolean=bool(result))
        if isinstance(result, pyoxigraph.QueryTriples):
            return Answer("CONSTRUCT", [], [], triples=[tuple(_from_ox(t) for t in triple) for triple in result])
        columns, rows = select_rows(result, split)
    except SyntaxError as err:
        raise QueryError(f"{source}: {_oxigraph_syntax_message(str(err))}") from None
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"{source}: the query failed: {err}") from None
    return Answer("SELECT", columns, rows)


def _from_ox(term):
    import pyoxigraph

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


def bind_parameters(text: str, params: dict[str, str] | None) -> str:
    """Bind ``name=value`` as ``VALUES ?nameName { "value" }`` at the start of the WHERE group, and
    its look-up key (``nkg:nameKey``: case-folded) as ``?nameKey``.

    The value is written by rdflib as an RDF literal (quotes and backslashes
    escaped), so it is always data: it cannot close the query or add to it.
    Both rdflib and Oxigraph honour it, unlike engine-specific initial bindings.
    """
    if not params:
        return text
    where = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if where is None:
        raise QueryError("parameters need a query with a WHERE clause")
    values = []
    for name, value in params.items():
        term = _as_term(value)
        values.append(f"VALUES ?{name}Name {{ {term.n3()} }}")
        if isinstance(term, Literal):
            values.append(f"VALUES ?{name}Key {{ {Literal(name_key(term)).n3()} }}")
    return f"{text[:where.end()]} {' '.join(values)} {text[where.end():]}"


def _as_term(value) -> Literal | URIRef:
    """A parameter as an RDF term: text becomes a literal; an IRI given as URIRef must be a valid one."""
    if isinstance(value, URIRef):
        if not re.fullmatch(r"[^\s<>\"{}|^`\\]+", str(value)):
            raise QueryError(f"not a valid IRI: {value!r}")
        return value
    return Literal(str(value))


def _oxigraph_syntax_message(message: str) -> str:
    """Oxigraph's "error at 3:17: expected ..." in the words rdflib's errors get (``_parse_message``)."""
    message = message.splitlines()[0] if message else "the query cannot be parsed"
    where = re.match(r"error at (\d+):(\d+): ", message)
    if where is None:
        return f"SPARQL syntax error: {message}"
    return f"SPARQL syntax error at line {where.group(1)}, column {where.group(2)}: {message[where.end():]}"


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
    """An answer term as plain text: an IRI, a literal's lexical form, or nothing."""
    return "" if term is None else str(term)


def format_answer(answer: Answer, fmt: str = "table") -> str:
    if answer.kind == "ASK":
        return "true\n" if answer.boolean else "false\n"
    if answer.kind in ("CONSTRUCT", "DESCRIBE"):
        if fmt == "ntriples":
            from rdflib.plugins.serializers.nt import _nt_row

            return "".join(sorted(_nt_row(t) for t in answer.triples))
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


def package_library() -> Path:
    """The query library shipped with the package (the competency questions in ``cq/``): it answers from any
    folder, not only from the repository's root."""
    from importlib import resources

    return Path(str(resources.files("newskg.queries")))


def library(user_folder: Path | None = None) -> list[LibraryQuery]:
    """The package's queries and those of ``user_folder`` (which win on a name both have), by name."""
    found: dict[str, LibraryQuery] = {}
    for folder in (package_library(), user_folder):
        if folder is None:
            continue
        for path in sorted(folder.rglob("*.rq")):
            found[path.stem] = _library_query(path)
    return sorted(found.values(), key=lambda q: q.name)


def _library_query(path: Path) -> LibraryQuery:
    text = path.read_text(encoding="utf-8")
    comments = [line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")]
    params = tuple(re.findall(r"\?(\w+)(?:Name|Key)\b", text))
    return LibraryQuery(path.stem, path, comments[0] if comments else "", tuple(dict.fromkeys(params)))


def find_library_query(name: str, user_folder: Path | None = None) -> LibraryQuery:
    """A library query by its name (``cq_roles`` or ``roles``); an unknown name is an error that lists them."""
    queries = library(user_folder)
    for query in queries:
        if name in (query.name, query.name.removeprefix("cq_")):
            return query
    raise QueryError(f"no query named {name!r}; the library has: {', '.join(q.name for q in queries)}")


def looks_like_a_name(query: str) -> bool:
    """'cq_roles' is a library name; 'SELECT ...' is a query."""
    return re.fullmatch(r"[\w.-]+", query) is not None
