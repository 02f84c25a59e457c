"""The rows of a pyoxigraph SELECT as rdflib terms, and their ORDER BY done in Python.

Rows travel as one SPARQL TSV document written by Oxigraph (in Rust) and split
by Python's string methods: iterating solutions term by term from Python cost
more than the query itself on large answers. Each distinct cell (an article, a
company name) becomes a term once (plain IRIs, strings and integers directly,
the rest by rdflib's N-Triples term reader), and rows are sorted on the cells'
text before terms are placed in them, column by column.
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from decimal import Decimal
from itertools import chain
from operator import itemgetter

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.util import from_n3

from newskg.query.text import SplitOrder

_STRING, _BOOLEAN = str(XSD.string), str(XSD.boolean)


def select_rows(result, order: SplitOrder | None = None) -> tuple[list[str], list[list[object]]]:
    """Columns and rows of a pyoxigraph ``QuerySolutions``, each term an rdflib term or None (unbound);
    sorted by ``order`` (the ORDER BY taken out of the query), if given, before any term is built."""
    import pyoxigraph

    header, *lines = result.serialize(format=pyoxigraph.QueryResultsFormat.TSV).decode("utf-8").split("\n")
    lines = lines[:-1]  # each line, the header's too, ends with a line break
    if order and order.distinct:  # equal terms are written as equal text
        lines = list(dict.fromkeys(lines))
    if not header:  # SELECT of no variable: one empty row for each solution
        return [], [[] for _ in lines]
    columns = [name[1:] for name in header.split("\t")]
    with _collector_paused():
        cells_by_column = list(zip(*[line.split("\t") for line in lines])) or [()] * len(columns)
        terms = {cell: _read_term(cell) for cell in set(chain.from_iterable(cells_by_column))}
        return _rows(order, columns, cells_by_column, terms.__getitem__,
                     lambda cell: _plain_form(cell) or sort_key(terms[cell]))


@contextmanager
def _collector_paused():
    """Pause Python's cycle collector while the rows are built: they hold no cycles, but each new batch of
    lists and terms would make it walk all the earlier ones again (half the time on 40,000 rows)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _plain_form(cell: str) -> tuple[int, object] | None:
    """For the common plain forms of a TSV cell (unbound, an IRI or a plain string without escapes, a
    canonical integer), its ``sort_key`` read from the text; None for the other forms."""
    if not cell:  # an empty cell is an unbound variable
        return 0, ""
    if "\\" not in cell:
        if cell[0] == "<":
            return 2, cell[1:-1]
        if cell[0] == '"' and cell[-1] == '"' and len(cell) > 1:
            return 5, cell[1:-1]
        if _CANONICAL_INTEGER.fullmatch(cell):
            return 3, int(cell)
    return None


def _read_term(cell: str):
    """One TSV cell as an rdflib term: from its plain form (``_plain_form``) directly, the rest by rdflib's
    reader."""
    plain = _plain_form(cell)
    if plain is None:
        return from_n3(cell)
    kind, value = plain
    if kind == 0:
        return None
    if kind == 2:
        return URIRef(value)
    if kind == 5:
        return Literal(value, normalize=False)  # a plain string: normalizing would not change it
    return Literal(value)  # a canonical integer: its text is what rdflib writes for the number (twice as fast)


_CANONICAL_INTEGER = re.compile(r"-?(?:0|[1-9]\d*)")


def sort_rows(split: SplitOrder, columns: list[str], rows: list[list[object]]):
    """Sort rows of rdflib terms by the ORDER BY taken out of the query (SPARQL's order of terms), then
    drop the columns added for it. Rows equal on every condition keep a fixed order (by their other
    cells), so the output does not depend on how the engine happened to join."""
    return _rows(split, columns, list(zip(*rows)) or [()] * len(columns), lambda term: term, sort_key)


def _rows(split: SplitOrder | None, columns: list[str], cells_by_column: list, term_of, key_of):
    """Rows of terms from cells held column by column (TSV text or terms, which ``term_of`` turns into
    terms and ``key_of`` into their ``sort_key``), in the order of ``split`` if given, without the
    columns added for it. Column by column, the work is done by C loops (``map``, ``zip``)."""
    count = len(cells_by_column[0]) if cells_by_column else 0
    order = _order(split, columns, cells_by_column, term_of, key_of) if split else range(count)
    keep = [i for i, name in enumerate(columns) if not split or name not in split.added]
    terms_by_column = [list(map(term_of, map(cells_by_column[i].__getitem__, order))) for i in keep]
    return [columns[i] for i in keep], list(map(list, zip(*terms_by_column))) or [[] for _ in order]


def _order(split: SplitOrder, columns: list[str], cells_by_column: list, term_of, key_of) -> list[int]:
    """The positions of the rows in the order of ``split``: on large answers, the TSV text is much cheaper
    to hash and order than terms. Ties are broken by the other columns."""
    count = len(cells_by_column[0])
    index = {name: i for i, name in enumerate(columns)}
    rank_columns = []
    for condition in split.conditions:
        position = index.get(condition.variable)
        if position is None:  # a variable the query never binds: every row ties
            rank_columns.append([0] * count)
            continue
        cells = cells_by_column[position]
        if condition.function == "BOUND":
            ranks = _ranks(cells, lambda cell: (0, term_of(cell) is not None))
        elif condition.function == "STR":
            ranks = _ranks(cells, lambda cell: sort_key(_as_text(term_of(cell))))
        else:
            ranks = _ranks(cells, key_of)
        if condition.descending:
            top = max(ranks, default=0)
            ranks = [top - rank for rank in ranks]
        rank_columns.append(ranks)
    ordered_by_value = {c.variable for c in split.conditions if not c.function}
    rank_columns += [_ranks(cells_by_column[i], key_of) for i, name in enumerate(columns)
                     if name not in ordered_by_value]
    keys = [0] * count
    for ranks in rank_columns:  # one integer per row, compared at C speed: ranks in mixed radix
        radix = max(ranks, default=0) + 1
        keys = [key * radix + rank for key, rank in zip(keys, ranks)]
    return sorted(range(count), key=keys.__getitem__)


def _as_text(term):
    return None if term is None else Literal(str(term))


def _ranks(cells: list, key_of) -> list[int]:
    """Each cell's rank among the column's distinct cells in the order of ``key_of`` ((kind, key) pairs;
    equal keys, equal ranks): the row sort then compares integers, not long IRIs. Cells are grouped by
    kind and each group sorted by its plain key (text, number), so the comparisons run at C speed."""
    groups: dict[int, list] = {}
    for cell in set(cells):
        kind, key = key_of(cell)
        groups.setdefault(kind, []).append((key, cell))
    rank_of, rank = {}, -1
    for kind in sorted(groups):
        previous = _NOTHING
        for key, cell in sorted(groups[kind], key=itemgetter(0)):
            if key != previous:
                rank, previous = rank + 1, key
            rank_of[cell] = rank
    return list(map(rank_of.__getitem__, cells))


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
