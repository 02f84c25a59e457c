"""Titles as the press writes them: one pass over a sentence finds every title phrase.

A title phrase is a chain of titles ("Presiden dan CEO", "Director and Corporate Secretary"), each
a head title from ``roles.yaml`` with the modifiers the language puts around it ("Direktur
Eksekutif", "Senior VP", "Chief People and Sustainability Officer"), optionally after a word that
marks a past position ("former CEO": still a role the person held). Some titles take a complement
that belongs to the title, not to the organisation: "Head of Investor Relations", "Direktur
Jenderal Pajak", "kepala bagian riset". The words live in ``lang/<code>/roles.yaml`` and in the
roles block of ``grammar.yaml``; this module holds only the shape of the phrase.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newskg.lang import Language

OPEN_TITLE_KEY = "officer"  # the canonical key of a "chief ... officer" that roles.yaml does not list
_WORD = re.compile(r"\s*([^\s,;:.!?()\"“”]+)")


@dataclass(frozen=True)
class Title:
    """A title phrase at absolute offsets [start, end), and its titles as (label as written, key).

    ``lead`` is where the phrase starts with its past-position word ("former"), which no label keeps.
    """

    start: int
    end: int
    parts: tuple[tuple[str, str], ...]
    lead: int


def find_titles(lang: Language, text: str, offset: int, anchors: set[int]) -> list[Title]:
    """Every title phrase of ``text`` (a sentence starting at ``offset``).

    ``anchors`` are the absolute offsets where a name starts: a title's complement stops there.
    """
    found = []
    for match in _chain_pattern(lang).finditer(text):
        chain = match.group("chain")
        start = offset + match.start("chain")
        parts = [(unit.group(0), _key(lang, unit.group(0))) for unit in _unit_pattern(lang).finditer(chain)]
        end = offset + match.end("chain")
        extra = _complement(lang, text, end - offset, {a - offset for a in anchors}, parts[-1][0])
        if extra:
            label, key = parts[-1]
            parts[-1] = (label + text[end - offset:extra], key)
            end = offset + extra
        found.append(Title(start, end, tuple(parts), offset + match.start()))
    return found


def _key(lang: Language, label: str) -> str:
    """The canonical key of a title: the whole label's if listed, else its head title's."""
    index = _title_index(lang)
    if label.casefold() in index:
        return index[label.casefold()]
    head = _head_pattern(lang).search(label)
    return index[head.group(0).casefold()] if head else OPEN_TITLE_KEY


@lru_cache(maxsize=None)
def _title_index(lang: Language) -> dict[str, str]:
    """Every title the roles rule reads, as written (casefolded) -> canonical key: ``forms`` and ``titles``."""
    return {title.casefold(): key for key, spec in lang.roles.items()
            for title in (*spec["forms"], *spec.get("titles", ()))}


@lru_cache(maxsize=None)
def _heads(lang: Language) -> str:
    return "|".join(re.escape(t) for t in sorted(_title_index(lang), key=len, reverse=True))


@lru_cache(maxsize=None)
def _head_pattern(lang: Language) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{_heads(lang)})(?![\w-])", re.IGNORECASE)


def _complement(lang: Language, text: str, end: int, anchors: set[int], label: str) -> int | None:
    """Where a title's complement ends ("Head | of Investor Relations"), or None if it takes none.

    Only a title whose last word (or the next word) asks for a complement takes one; the complement
    runs over capitalised words and connectors (or, after a lowercase title, lowercase words) up to
    the next name or a word that closes it (a legal form, a company noun, a preposition), and is dropped if
    it runs into anything else: in "CFO of Halvorsen, said" an unrecognised name must not become a title.
    """
    asks = set(lang.grammar.get("role_complement_words", ()))
    following = _WORD.match(text, end)
    if not (label.split()[-1].casefold() in asks or (following and following.group(1).casefold() in asks)):
        return None
    stops = {w.casefold() for w in lang.grammar.get("role_complement_stops", ())}
    connectors = {w.casefold() for w in lang.grammar.get("role_connectors", ())}
    lowercase = label[:1].islower()
    position, taken, last = end, 0, None  # last: where the last content word ends (no trailing 'and')
    departments = True  # only department words so far ('VP of Engineering.'): no unrecognised name
    known_departments = {w.casefold() for w in lang.grammar.get("department_words", ())}
    while taken < 10:
        word = _WORD.match(text, position)
        if word is None:  # punctuation ends a lower-case complement ('head of consumer banking,') or departments
            return last if lowercase or departments else None
        if word.start(1) in anchors or word.group(1).casefold() in stops:
            return last
        token = word.group(1)
        linking = token.casefold() in connectors or token.casefold() in asks
        if not (token[:1].isupper() or linking or (lowercase and token.islower())):
            return last if lowercase else None
        position, taken = word.end(1), taken + 1
        last = last if linking else position
        departments = departments and (linking or token.casefold() in known_departments)
    return None


@lru_cache(maxsize=None)
def _unit_source(lang: Language) -> str:
    """One title with its modifiers: '(PRE )*(OPEN|HEAD)( POST)*'."""
    pre, post = _words(lang, "role_premodifiers"), _words(lang, "role_postmodifiers")
    first, last = _words(lang, "role_open_first"), _words(lang, "role_open_last")
    open_title = rf"(?:{first})(?:\s+[^\W\d_]+){{1,4}}?\s+(?:{last})" if first and last else "(?!)"
    before = rf"(?:(?:{pre})\s+)*" if pre else ""
    after = rf"(?:\s+(?:{post})(?![\w-]))*" if post else ""
    return rf"{before}(?:{open_title}|{_heads(lang)})(?![\w-]){after}"


@lru_cache(maxsize=None)
def _unit_pattern(lang: Language) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){_unit_source(lang)}", re.IGNORECASE)


@lru_cache(maxsize=None)
def _chain_pattern(lang: Language) -> re.Pattern:
    unit, join, former = _unit_source(lang), lang.words("role_join"), _words(lang, "role_former")
    before = rf"(?:(?:{former})\s*)?" if former else ""
    return re.compile(rf"(?<![\w-]){before}(?P<chain>{unit}(?:\s*(?:{join})\s*{unit})*)", re.IGNORECASE)


def _words(lang: Language, name: str) -> str:
    """A word class of the roles block, empty if the language has none."""
    return lang.words(name) if lang.grammar.get(name) else ""
