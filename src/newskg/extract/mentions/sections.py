"""List articles: a heading that holds nothing but a name ("2. PT X", "Marlow & Finch") opens a section about it.

Such headings are the only place a list article names each company; the section's first sentence then
describes it without its name ("Produsen baja ini ...", "The department store chain said ..."). A name fills
its heading when only a list marker stands before it and nothing but a full stop after it; it is typed an
organisation when the article has two or more such headings (a list) and the section's first sentence opens
with a word that describes a company (the language's ``org_cues_before``), or the name starts with a legal form.
"""
from __future__ import annotations

import re

from newskg.extract.mentions.candidates import Candidate
from newskg.lang import Language
from newskg.model import Article, EntityType, Sentence

_LIST_MARKER = r"\s*(?:\d{1,2}[.)]\s*)?"  # "1. ", "2) ": a list's numbering, no words
_OPENING_WORDS = 8  # how far into the section's first sentence the company noun may stand


def fills_heading(text: str, sentence: Sentence, start: int, end: int, lang: Language) -> bool:
    """Is the span [start, end) the whole heading ``sentence``, but for a list marker and a legal form before it?"""
    legal = "|".join(re.escape(w) for w in lang.grammar.get("legal_forms_before") or ())
    before = rf"{_LIST_MARKER}(?:(?:{legal})\.?\s+)?" if legal else _LIST_MARKER
    return bool(re.fullmatch(before, text[sentence.start:start])) and not text[end:sentence.end].strip(" .")


def section_subjects(article: Article, sentences: list[Sentence], candidates: list[Candidate],
                     lang: Language) -> dict[str, EntityType]:
    """Keys of names that head a list article's sections, typed as organisations."""
    items = [c for c in candidates if c.heading and c.sentence > 0
             and fills_heading(article.text, sentences[c.sentence], c.start, c.end, lang)]
    if len({c.key for c in items}) < 2:
        return {}
    return {c.key: EntityType.ORGANIZATION for c in items if _described_as_company(c, article, sentences, lang)}


def _described_as_company(cand: Candidate, article: Article, sentences: list[Sentence], lang: Language) -> bool:
    before = article.text[sentences[cand.sentence].start:cand.start].split()
    if cand.tokens[0] in lang.org_head_words or (before and before[-1] in (lang.grammar.get("legal_forms_before") or ())):
        return True  # a head word ('Bank X'), or a legal form before the name ('PT X')
    following = sentences[cand.sentence + 1] if cand.sentence + 1 < len(sentences) else None
    if following is None or following.is_heading:
        return False
    opening = " ".join(following.text.casefold().split()[:_OPENING_WORDS])
    cues = "|".join(re.escape(c) for c in sorted(lang.org_cues_before, key=len, reverse=True))
    return re.search(rf"\b(?:{cues})\b", opening) is not None
