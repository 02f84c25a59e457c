"""The rows of a pyoxigraph SELECT as rdflib terms, and their ORDER BY done in Python.

Rows travel as one SPARQL TSV document written by Oxigraph (in Rust) and split
by Python's string methods: iterating solutions term by term from Python cost
more than the query itself on large answers. Each distinct cell (an article, a
company name) is parsed once, by rdflib's own N-Triples term reader.
"""
from __future__ import annotations

import re
from decimal import Decimal
from operator import itemgetter

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.util import from_n3

from newskg.query_text import SplitOrder

_STRING, _BOOLEAN = str(XSD.string), str(XSD.boolean)


def select_rows(result) -> tuple[list[str], list[list[object]]]:
    """Columns and rows of a pyoxigraph ``QuerySolutions``, each term an rdflib term or None (unbound)."""
    import pyoxigraph

    header, *lines = result.serialize(format=pyoxigraph.QueryResultsFormat.TSV).decode("utf-8").split("\n")
    lines = lines[:-1]  # each line, the header's too, ends with a line break
    if not header:  # SELECT of no variable: one empty row for each solution
        return [], [[] for _ in lines]
    known: dict[str, object] = {"": None}  # an empty cell is an unbound variable
    rows = []
    for line in lines:
        row = []
        for cell in line.split("\t"):
            term = known.get(cell, known)
            if term is known:
                term = known[cell] = _read_term(cell)
            row.append(term)
        rows.append(row)
    return [name[1:] for name in header.split("\t")], rows


def _read_term(cell: str):
    """One TSV cell as an rdflib term: the common plain forms directly, the rest by rdflib's reader."""
    if "\\" not in cell:  # no escapes: an IRI or a plain string is its text between the delimiters
        if cell[0] == "<":
            return URIRef(cell[1:-1])
        if cell[0] == '"' and cell[-1] == '"' and len(cell) > 1:
            return Literal(cell[1:-1])
        if _INTEGER.fullmatch(cell):
            return Literal(cell, datatype=XSD.integer)
    return from_n3(cell)


_INTEGER = re.compile(r"[+-]?\d+")


def sort_rows(split: SplitOrder, columns: list[str], rows: list[list[object]]):
    """Sort rows by the ORDER BY taken out of the query (SPARQL's order of terms), then drop the columns
    added for it. Rows equal on every condition keep a fixed order (by their other cells), so the output
    does not depend on how the engine happened to join."""
    index = {name: i for i, name in enumerate(columns)}
    rank_columns = []
    for condition in split.conditions:
        position = index.get(condition.variable)
        cells = [None] * len(rows) if position is None else [row[position] for row in rows]
        if condition.function == "BOUND":
            ranks = [int(cell is not None) for cell in cells]
        else:
            ranks = _ranks(cells, as_text=condition.function == "STR")
        if condition.descending:
            top = max(ranks, default=0)
            ranks = [top - rank for rank in ranks]
        rank_columns.append(ranks)
    ordered_by_value = {c.variable for c in split.conditions if not c.function}
    rank_columns += [_ranks([row[i] for row in rows]) for i, name in enumerate(columns)
                     if name not in ordered_by_value]
    keys = [0] * len(rows)
    for ranks in rank_columns:  # one integer per row, compared at C speed: ranks in mixed radix
        radix = max(ranks, default=0) + 1
        keys = [key * radix + rank for key, rank in zip(keys, ranks)]
    rows = [rows[i] for i in sorted(range(len(rows)), key=keys.__getitem__)]
    keep = [i for i, name in enumerate(columns) if name not in split.added]
    return [columns[i] for i in keep], [[row[i] for i in keep] for row in rows]


def _ranks(cells: list, as_text: bool = False) -> list[int]:
    """Each cell's rank among the column's distinct terms in SPARQL order (equal terms, equal ranks): the
    row sort then compares integers, not long IRIs. Terms are grouped by kind and each group sorted by a
    plain key (text, number), so the comparisons run at C speed."""
    groups: dict[int, list] = {}
    for cell_id, cell in {id(cell): cell for cell in cells}.items():
        kind, key = sort_key(Literal(str(cell)) if as_text and cell is not None else cell)
        groups.setdefault(kind, []).append((key, cell_id))
    rank_of, rank = {}, -1
    for kind in sorted(groups):
        previous = _NOTHING
        for key, cell_id in sorted(groups[kind], key=itemgetter(0)):
            if key != previous:
                rank, previous = rank + 1, key
            rank_of[cell_id] = rank
    return [rank_of[id(cell)] for cell in cells]


_NOTHING = object()
_TEMPORAL = {str(XSD[name]) for name in ("date", "dateTime", "time", "gYear", "gYearMonth", "gMonthDay", "gDay",
                                         "gMonth", "dateTimeStamp")}
_NUMERIC = {str(XSD[name]) for name in (
    "integer", "decimal", "float", "double", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
    "unsignedShort", "unsignedByte")}


def sort_key(term) -> tuple[int, object]:
    """SPARQL's ORDER BY order as (kind, key), as Oxigraph orders terms: unbound, blank nodes, IRIs,
    then literals: numbers by value, dates and times by their text (ISO forms of one kind sort right that
    way), strings by text (then language), booleans, other typed values. Keys of one kind compare."""
    if term is None:
        return 0, ""
    if isinstance(term, BNode):
        return 1, str(term)
    if isinstance(term, URIRef):
        return 2, str(term)
    text, datatype = str(term), str(term.datatype) if term.datatype else ""
    if datatype in _NUMERIC:
        try:
            number = Decimal(text)
        except ArithmeticError:
            number = None
        if number is not None and not number.is_nan():
            return 3, number
    if datatype in _TEMPORAL:
        return 4, text
    if not datatype or datatype == _STRING:
        return 5, text + "\x00" + term.language if term.language else text
    if datatype == _BOOLEAN:
        return 6, text in ("true", "1")
    return 7, text + "\x00" + datatype
