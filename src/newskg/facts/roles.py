"""Positions held: "CEO Klarna, Sebastian Siemiatkowski", "Julia Angrisano, Sekretaris Nasional FSU", "X, CFO of Y",
"CEO dan Co-founder Dropbox, Drew Houston", "perusahaan yang didirikan X dan Y"."""
from __future__ import annotations

import re

from newskg.facts.context import ArticleContext, Located, Ref
from newskg.model import EntityType, Fact, Sentence



def extract_roles(ctx: ArticleContext) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple] = set()
    for sentence in ctx.body():
        for person in ctx.people(sentence):
            for role, org, rule in _roles_of(ctx, sentence, person):
                key = (person.ref, ctx.lang.role_for(role), org)
                if org is None or key in seen:
                    continue
                seen.add(key)
                facts.append(Fact("PositionHeld", sentence.index, rule, (
                    ("person", person.ref), ("organization", org), ("role", ctx.lang.role_for(role)),
                    ("roleLabel", role))))
        facts.extend(_founders(ctx, sentence, seen))
    return facts


def _roles_of(ctx: ArticleContext, sentence: Sentence, person: Located):
    roles = ctx.lang.role_alternation
    _JOIN = rf"\s*(?:{ctx.lang.words('role_join')})\s*"  # "CEO dan Co-founder"
    text, start = sentence.text, sentence.start
    left = text[:person.mention.start - start]
    right = text[person.mention.end - start:]
    org_before = _org_ending_at(ctx, sentence, person.mention.start, gaps=(",", "", ":"))
    if org_before is not None:
        before_org = text[:org_before.mention.start - start]
        match = re.search(rf"((?:{roles})(?:{_JOIN}(?:{roles}))*)\s*{_legal_forms(ctx)}$", before_org, re.IGNORECASE)
        if match:
            for role in _split_roles(match.group(1), roles):
                yield role, org_before.ref, "role: TITLE ORG, PERSON"
            return
    match = re.search(rf"(?:^|[\s,(])((?:{roles})(?:{_JOIN}(?:{roles}))*)\s*,?\s*$", left, re.IGNORECASE)
    if match:
        org = ctx.org_in_focus(sentence.index + 1)
        for role in _split_roles(match.group(1), roles):
            yield role, org, "role: TITLE PERSON (organisation in focus)"
        return
    link = ctx.lang.words("role_org_link")
    forms = _legal_forms(ctx)
    match = re.match(rf"\s*,\s*((?:{roles})(?:{_JOIN}(?:{roles}))*)\s+(?:(?:{link})\s+)?{forms}", right,
                     re.IGNORECASE)
    if match:
        org_after = _org_starting_at(ctx, sentence, person.mention.end + match.end())
        if org_after is not None:
            for role in _split_roles(match.group(1), roles):
                yield role, org_after.ref, "role: PERSON, TITLE ORG"


def _legal_forms(ctx: ArticleContext) -> str:
    """An optional legal form between a title and a company's name ("Direktur PT Sinar Kencana")."""
    forms = ctx.lang.grammar.get("legal_forms_before") or []
    return rf"(?:(?:{'|'.join(map(re.escape, forms))})\.?\s+)?" if forms else ""


def _split_roles(phrase: str, roles: str) -> list[str]:
    return [m.group(0) for m in re.finditer(roles, phrase, re.IGNORECASE)]


def _org_ending_at(ctx: ArticleContext, sentence: Sentence, position: int, gaps) -> Located | None:
    for org in ctx.orgs(sentence, include_media=True):
        gap = ctx.article.text[org.mention.end:position].strip()
        if org.mention.end <= position and gap in gaps:
            return org
    return None


def _org_starting_at(ctx: ArticleContext, sentence: Sentence, position: int) -> Located | None:
    for org in ctx.orgs(sentence, include_media=True):
        if org.mention.start == position:
            return org
    return None


def _founders(ctx: ArticleContext, sentence: Sentence, seen: set) -> list[Fact]:
    """'perusahaan yang didirikan William Tanuwijaya dan Leontinus Alpha Edison'."""
    match = re.search(rf"\b(?:{ctx.lang.words('founded_by')})\s+", sentence.text)
    if not match:
        return []
    founded_at = sentence.start + match.start()
    org = ctx.org_near(sentence, founded_at)
    facts = []
    for person in ctx.people(sentence):
        if person.mention.start < sentence.start + match.end():
            continue
        between = ctx.article.text[sentence.start + match.end():person.mention.start]
        if re.search(rf"[.;]|\b(?:{ctx.lang.words('founder_break')})\b", between):
            break
        key = (person.ref, "founder", org)
        if org is not None and key not in seen:
            seen.add(key)
            facts.append(Fact("PositionHeld", sentence.index, "role: didirikan PERSON", (
                ("person", person.ref), ("organization", org), ("role", "founder"), ("roleLabel", "pendiri"))))
    return facts


__all__ = ["extract_roles", "Ref", "EntityType"]
