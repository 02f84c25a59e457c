"""Split an article's body lines into sentences, keeping exact offsets.

A line is a paragraph. Inside it, a sentence ends at . ! ? (or an ellipsis)
followed by space and a capital, a digit or a quotation mark, except inside an
open quotation (a quote of several sentences stays one sentence with its
attribution) and after an abbreviation ("Rp.", "Dr.", "Oct.", an initial; the language's
``abbreviations`` word class in grammar.yaml).
"""
from __future__ import annotations

import re

from newskg.lang import load_language
from newskg.model import Article, Sentence, Span

# Double marks only: a closing single mark is also the apostrophe ("wasn’t"), so counting it would
# close a quotation that is still open.
_OPENING = "“«"
_CLOSING = "”»"
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])")


def split_sentences(article: Article) -> list[Sentence]:
    """Headings and body sentences in document order, numbered from 0."""
    spans = [(span, True) for span in article.headings] + [(span, False) for span in article.body]
    spans.sort(key=lambda item: item[0].start)
    sentences: list[Sentence] = []
    abbreviations = frozenset(w.casefold() for w in load_language(article.language).grammar["abbreviations"])
    for paragraph, (span, is_heading) in enumerate(spans):
        pieces = [span] if is_heading else _split_line(span, abbreviations)
        for piece in pieces:
            sentences.append(Sentence(len(sentences), piece.start, piece.end, piece.text, paragraph, is_heading))
    return sentences


def _split_line(line: Span, abbreviations: frozenset[str]) -> list[Span]:
    pieces, start = [], 0
    text = line.text
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if _inside_quote(text[start:match.start()]) or _is_abbreviation(text, match.start(), abbreviations):
            continue
        pieces.append((start, end))
        start = end + (len(text[end:]) - len(text[end:].lstrip()))
    if start < len(text):
        pieces.append((start, len(text)))
    return [Span(line.start + a, line.start + b, text[a:b]) for a, b in pieces if text[a:b].strip()]


def _inside_quote(text: str) -> bool:
    curly_open = sum(text.count(c) for c in _OPENING) > sum(text.count(c) for c in _CLOSING)
    straight_open = text.count('"') % 2 == 1
    return curly_open or straight_open


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).casefold()
    return token in abbreviations or (len(token) == 1 and token.isalpha())
