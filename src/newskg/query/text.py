"""Rewrites of a SPARQL query's text before Oxigraph runs it on a store.

Both exist for speed on large stores and leave the answers unchanged:
``row_by_row`` runs OPTIONALs for each row already found, and ``split_order``
takes a final ORDER BY out of the query so that the rows are sorted in Python
(``newskg.query.store_answers`` does the sorting).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newskg.errors import QueryError


def row_by_row(text: str) -> str:
    """Wrap each ``OPTIONAL { ... }`` as ``LATERAL { OPTIONAL { ... } }`` (an Oxigraph extension).

    Oxigraph plans an OPTIONAL as a join with the whole of its right side; in a
    query anchored on a parameter (one entity) that costs seconds on a large
    store, where evaluating it for each row already found takes milliseconds.
    For the OPTIONALs we write (their variables are bound on the left or only
    inside), the answers are the same.
    """
    code = code_mask(text)
    closing = matching_braces(text, code)
    inserts: dict[int, str] = {}
    for match in _OPTIONAL.finditer(text):
        if code[match.start()]:
            inserts[match.start()] = "LATERAL { "
            end = closing[match.end() - 1]
            inserts[end + 1] = " }" + inserts.get(end + 1, "")
    return "".join(inserts.get(i, "") + char for i, char in enumerate(text)) + inserts.get(len(text), "")


_OPTIONAL = re.compile(r"\bOPTIONAL\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class OrderCondition:
    """One ORDER BY condition we can evaluate on answer rows: ``?variable``, ``BOUND(?variable)`` or
    ``STR(?variable)``, ascending or descending."""
    variable: str
    function: str  # "" | "BOUND" | "STR"
    descending: bool


@dataclass(frozen=True)
class SplitOrder:
    """A query without its final ORDER BY, the conditions taken out, and the variables added to the
    projection only so that the rows can be sorted (drop them after sorting)."""
    text: str
    conditions: tuple[OrderCondition, ...]
    added: tuple[str, ...]
    distinct: bool = False  # the query's DISTINCT was taken out too: drop repeated rows


def split_order(text: str) -> SplitOrder | None:
    """Take the final ORDER BY out of a SELECT query, when Python can sort its rows exactly the same way.

    Why: on a store on disk, Oxigraph decodes both terms from RocksDB at every
    comparison of its sort; on 10,000 articles that was half the time of a
    competency question. The rows are decoded once anyway, and sort in
    milliseconds in Python. A DISTINCT goes with it (repeated rows are dropped
    by their text, which costs less than Oxigraph's hashing of terms). Anything
    else after the WHERE group (LIMIT, GROUP BY,
    an expression we do not evaluate) or a DISTINCT query ordered by a variable
    it does not select keeps Oxigraph's sort: returns None.
    """
    code = code_mask(text)
    select = _top_level_select(text, code)
    closing = [i for i, char in enumerate(text) if code[i] and char == "}"]
    if select is None or not closing:
        return None
    tail = "".join(char if code[i] else " " for i, char in enumerate(text) if i > closing[-1])
    match = _ORDER_CLAUSE.fullmatch(tail)
    if match is None:
        return None
    conditions = tuple(_condition(c) for c in _CONDITION.finditer(match.group(1)))
    projection = text[select.end():select.end() + _projection_length(text, code, select.end())]
    added = _variables_to_add(select, projection, conditions)
    if added is None:
        return None
    insert_at = select.end() + len(projection.rstrip())
    distinct = (select.group(1) or "").upper() == "DISTINCT"  # then nothing was added (see above)
    head = text[:select.start(1)] + text[select.end():insert_at] if distinct else text[:insert_at]
    body = head + "".join(f" ?{v}" for v in added) + text[insert_at:closing[-1] + 1]
    return SplitOrder(body + "\n", conditions, added, distinct)


_TERM = r"\?\w+|(?:BOUND|STR)\s*\(\s*\?\w+\s*\)"
_ONE = rf"(?:(?:ASC|DESC)\s*\(\s*(?:{_TERM})\s*\)|{_TERM})"
_ORDER_CLAUSE = re.compile(rf"\s*ORDER\s+BY\s+((?:{_ONE}\s*)+)", re.IGNORECASE)
_CONDITION = re.compile(r"(?:(ASC|DESC)\s*\(\s*)?(?:(BOUND|STR)\s*\(\s*)?\?(\w+)", re.IGNORECASE)
_SELECT = re.compile(r"\bSELECT\s+(?:(DISTINCT|REDUCED)\s+)?", re.IGNORECASE)


def _condition(match: re.Match) -> OrderCondition:
    direction, function, variable = match.groups()
    return OrderCondition(variable, (function or "").upper(), (direction or "").upper() == "DESC")


def _top_level_select(text: str, code: list[bool]) -> re.Match | None:
    """The query's own SELECT (not a sub-query's): the first one outside any braces."""
    depth = 0
    for i, char in enumerate(text):
        if not code[i]:
            continue
        if char in "{}":
            depth += 1 if char == "{" else -1
        elif depth == 0 and char in "sS":
            match = _SELECT.match(text, i)
            if match and (i == 0 or not text[i - 1].isalnum()):
                return match
    return None


def _projection_length(text: str, code: list[bool], start: int) -> int:
    """How far the projection runs after SELECT: up to WHERE or the opening brace of the group."""
    for i in range(start, len(text)):
        if code[i] and (text[i] == "{" or re.match(r"WHERE\b", text[i:i + 6], re.IGNORECASE)):
            return i - start
    return len(text) - start


def _variables_to_add(select: re.Match, projection: str, conditions) -> tuple[str, ...] | None:
    """Order variables the projection lacks; None when adding them would change the answers."""
    if projection.strip() == "*":
        return ()
    selected = set(re.findall(r"\?(\w+)", projection))
    missing = tuple(dict.fromkeys(c.variable for c in conditions if c.variable not in selected))
    if missing and (select.group(1) or "(" in projection):
        return None  # DISTINCT rows or aggregates would change with one more column
    return missing


def code_mask(text: str) -> list[bool]:
    """For each character: is it query syntax (not inside a string, an IRI or a comment)?"""
    mask, i, quote = [True] * len(text), 0, None
    while i < len(text):
        char = text[i]
        if quote:
            mask[i] = False
            if char == "\\":
                mask[i + 1:i + 2] = [False]
                i += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote, mask[i] = char, False
        elif char == "#" or (char == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:])):
            stop = text.find("\n" if char == "#" else ">", i)
            stop = len(text) - 1 if stop < 0 else stop
            mask[i:stop + 1] = [False] * (stop + 1 - i)
            i = stop
        i += 1
    return mask


def matching_braces(text: str, code: list[bool]) -> dict[int, int]:
    """Opening brace index -> closing brace index, for the braces that are syntax."""
    stack, pairs = [], {}
    for i, char in enumerate(text):
        if not code[i] or char not in "{}":
            continue
        if char == "{":
            stack.append(i)
        elif not stack:
            raise QueryError("unbalanced braces in the query")
        else:
            pairs[stack.pop()] = i
    if stack:
        raise QueryError("unbalanced braces in the query")
    return pairs
