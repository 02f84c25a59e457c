"""Two shapes of titles beside the main rules of ``roles``: departments written between a title and its
organisation, and positions whose holder is a pronoun.

Departments: 'Manajer HRD PT <X>', 'Direktur Human Capital <X>': the capitalised words between the title and
the organisation are the title's department, and the position's label keeps them (the title as written).

Pronouns: 'while he was still CEO of <Org>', 'ia kini menjabat sebagai direktur <Org>'.

The press names a person once, then gives their titles in a clause whose subject is 'he', 'she', 'ia' or
'dia'. The holder is the person last named before the clause (in this sentence or an earlier one), the
organisation the one written right after the title; a title with no organisation after it is left alone, as
the pronoun alone does not say which company is meant. The words come from ``grammar.yaml``
(``role_pronoun_links``: 'was', 'menjabat sebagai' ...) and ``entities.yaml`` (``pronouns``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from newskg.extract.facts.context import ArticleContext
from newskg.extract.facts.role_titles import Title
from newskg.lang import Language
from newskg.model import Fact, Sentence

def department_of(ctx: ArticleContext, title: Title, org) -> str:
    """The department words between a title and the organisation after it ('HRD' in 'Manajer HRD PT <X>'),
    or '': capitalised words only, without a legal form that opens the organisation's name."""
    words = ctx.article.text[title.end:org.mention.start].split()
    forms = set(ctx.lang.grammar.get("legal_forms_before") or ())
    while words and words[-1].strip(".") in forms:
        words.pop()
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return ""
    return " ".join(words)


def described_at(lang: Language, text: str, position: int) -> int:
    """Where a name starts after a description that opens at ``position`` ('[Mumbai] brokerage <X>', 'perusahaan
    sekuritas <X>'): up to two words, then a word that describes a company; -1 when no description stands there."""
    match = _described_pattern(lang).match(text, position)
    return match.end() if match else -1


@lru_cache(maxsize=None)
def _described_pattern(lang: Language) -> re.Pattern:
    cues = "|".join(re.escape(c) for c in sorted(lang.org_cues_before, key=len, reverse=True))
    return re.compile(rf"(?:[\w-]+\s+){{0,2}}?(?-i:{cues})\s+(?:[a-z-]+\s+)?(?=[A-Z])")


def bare_department(lang: Language, gap: str) -> str | None:
    """What stands between a title and its holder when no organisation does: '' for ', ', the department for
    'Sumber Daya Manusia perseroan, ' ('Direktur Sumber Daya Manusia perseroan, Budi': the company in focus, a
    company noun naming it), None for anything else. Without a company noun only known department words pass."""
    match = _bare_gap_pattern(lang).fullmatch(gap)
    if match is None:
        return None
    words = match.group("department").split()
    known = {w.casefold() for w in lang.grammar.get("department_words", ())}
    if match.group("noun") is None and not all(w.casefold() in known for w in words):
        return None
    return " ".join(words)


@lru_cache(maxsize=None)
def _bare_gap_pattern(lang: Language) -> re.Pattern:
    noun = lang.words("role_company_nouns") if lang.grammar.get("role_company_nouns") else "(?!)"
    return re.compile(rf"(?P<department>(?:\s+(?-i:[A-Z])[\w&-]*){{0,4}})\s*(?:(?P<noun>{noun})(?![\w-]))?\s*[,:]?\s*",
                      re.IGNORECASE)


_REACH = 60  # characters before a title in which its pronoun subject and link verb stand


def pronoun_roles(ctx: ArticleContext, sentence: Sentence, titles: list[Title], seen: set, org_after) -> list[Fact]:
    """Facts for each title in ``sentence`` whose subject is a pronoun; ``org_after`` reads the organisation
    written after a title (roles._org_after_title)."""
    pattern = _subject_pattern(ctx.lang)
    if pattern is None:
        return []
    facts = []
    for title in titles:
        window = ctx.article.text[max(sentence.start, title.lead - _REACH):title.lead]
        if not pattern.search(window):
            continue
        org = org_after(ctx, sentence, title)[0]
        person = ctx.person_before(sentence, title.lead)
        if org is None or person is None:
            continue
        for label, key in title.parts:
            if (person, key, label.casefold(), org.ref) in seen:
                continue
            seen.add((person, key, label.casefold(), org.ref))
            facts.append(Fact("PositionHeld", sentence.index, "role: PRONOUN was TITLE ORG (the person last named)", (
                ("person", person), ("organization", org.ref), ("role", key), ("roleLabel", label))))
    return facts


@lru_cache(maxsize=None)
def _subject_pattern(lang: Language) -> re.Pattern | None:
    """'he was still', 'ia kini menjabat sebagai', ending where the title starts."""
    if not lang.grammar.get("role_pronoun_links") or not lang.pronouns:
        return None
    pronouns = "|".join(re.escape(p) for p in sorted(lang.pronouns, key=len, reverse=True))
    adverbs = rf"(?:(?:{lang.words('role_pronoun_adverbs')})\s+)?" if lang.grammar.get("role_pronoun_adverbs") else ""
    determiner = rf"(?:(?:{lang.words('role_apposition_det')})\s+)?"
    return re.compile(rf"(?:^|[\s,(])(?:{pronouns})\s+{adverbs}(?:{lang.words('role_pronoun_links')})\s+{adverbs}"
                      rf"{determiner}$", re.IGNORECASE)
