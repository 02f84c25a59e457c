"""Small text helpers shared by the rules, cached because the rules call them for every sentence."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1024)
def _alternation_cached(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, so 'lebih dari' wins over 'lebih'."""
    return _alternation_cached(tuple(words))


@lru_cache(maxsize=1024)
def _word_pattern(words: tuple[str, ...], flags: int) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{_alternation_cached(words)})(?![\w-])", flags)


def find_words(words: Iterable[str], text: str, flags: int = re.IGNORECASE) -> list[re.Match]:
    """Every whole-word occurrence of any of ``words`` in ``text``."""
    return list(_word_pattern(tuple(words), flags).finditer(text))


def inside_quotation(text: str, position: int) -> bool:
    """Is ``position`` inside an open quotation (curly or straight) in ``text``?"""
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
