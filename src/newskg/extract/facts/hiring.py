"""Hiring, rehiring and hiring freezes: "membuka 500 lowongan", "plans to hire 200 engineers", "froze hiring"."""
from __future__ import annotations

import re

from newskg.extract.facts.context import ArticleContext
from newskg.extract.facts.workforce import planned, qualified, reported, triggers as _triggers
from newskg.model import Fact, Sentence
from newskg.textutil import alternation, find_words as _find


def extract_hiring(ctx: ArticleContext, claimed: set[int] = frozenset()) -> list[Fact]:
    """Hiring, rehiring and hiring freezes; sentences whose numbers are staff counts are not hiring."""
    facts: list[Fact] = []
    for sentence in ctx.body():
        freeze = _freeze_at(ctx, sentence)
        if freeze is not None:
            values = [("organization", ctx.employer(sentence, freeze, agencies=True)),
                      ("date", ctx.date_near(sentence, freeze))]
            facts.append(Fact("HiringFreeze", sentence.index, "hiring freeze: trigger",
                              tuple(v for v in values if v[1] is not None)))
            continue
        triggers = _hiring_triggers(ctx, sentence, claimed)
        last = next((i for i in range(len(facts) - 1, -1, -1) if facts[i].kind == "Hiring"), None)
        new_openings = _new_openings(ctx, sentence)
        if new_openings is None:
            new_openings = _counted_object(ctx, sentence, claimed)
        if not triggers and new_openings is not None:
            facts.append(_hiring_fact(ctx, sentence, new_openings))
        elif not triggers:
            if last is not None and _is_remote(ctx, sentence.text):
                facts[last] = _merge(facts[last], (("workModel", "remote"),))
        else:
            fact = _hiring_fact(ctx, sentence, sentence.start + triggers[0].start())
            nouns_only = all(t.group(0).casefold() in ctx.lang.fact_words('Hiring', 'noun_triggers') for t in triggers)
            if nouns_only and fact.get("openings") is None and last is not None:
                facts[last] = _merge(facts[last], fact.values)  # "Seluruh posisi ini bersifat jarak jauh."
            else:
                facts.append(fact)
    return facts


def _hiring_triggers(ctx: ArticleContext, sentence: Sentence, claimed: set[int]) -> list[re.Match]:
    """Hiring words, not negated, not naming a department; "memiliki" is no hiring where a staff count stands."""
    found = [m for m in _triggers(ctx, sentence, ctx.lang.fact_words('Hiring', 'triggers'))
             if not ctx.negated(sentence, sentence.start + m.start()) and not _as_division(ctx, sentence, m)]
    if any(q.start in claimed for q in ctx.quantities[sentence.index]):
        found = [t for t in found if t.group(0).casefold() not in ctx.lang.fact_words('StaffCount', 'have_verbs')]
    return found


def _new_openings(ctx: ArticleContext, sentence: Sentence) -> int | None:
    """'membuka 300 posisi baru', 'adds 300 new roles': a count of new openings says hiring without a hiring verb."""
    w = ctx.lang.words
    for q in ctx.quantities[sentence.index]:
        after = ctx.article.text[q.end:sentence.end]
        if q.unit == "count" and (re.match(rf"\s+(?:{w('opening_nouns')})\s+(?:{w('new_words')})\b", after, re.IGNORECASE)
                                  or re.match(rf"\s+(?:{w('new_words')})\s+(?:{w('opening_nouns')})\b", after,
                                              re.IGNORECASE)):
            return q.start
    return None


def _counted_object(ctx: ArticleContext, sentence: Sentence, claimed: set[int]) -> int | None:
    """'membutuhkan dua ribu operator', 'membuka 75 posisi', 'is looking for 300 drivers': verbs that say hiring only
    with a count of people or openings as their object (count_verbs in facts.yaml), not a time or an amount."""
    seek, opening = (alternation(ctx.lang.fact_words('Hiring', name)) for name in ("count_verbs", "opening_verbs"))
    nouns = alternation(ctx.lang.employee_nouns + tuple(ctx.lang.grammar["opening_nouns"]))
    for q in ctx.quantities[sentence.index]:
        before, after = ctx.article.text[sentence.start:q.start], ctx.article.text[q.end:sentence.end]
        if q.unit != "count" or q.start in claimed or _is_measure(ctx, sentence, q) \
                or ctx.negated(sentence, q.start, window=4):
            continue
        if re.search(rf"\b(?:{seek})\s+(?:\w+\s+)?$", before, re.IGNORECASE) or (
                re.search(rf"\b(?:{opening})\s+(?:\w+\s+)?$", before, re.IGNORECASE)
                and re.match(rf"\s+(?:[\w-]+\s+)?(?:{nouns})\b", after, re.IGNORECASE)):
            return q.start
    return None


def _is_measure(ctx: ArticleContext, sentence: Sentence, q) -> bool:
    """'dua tahun', '3 days': a count of time or a percentage, not of people."""
    after = ctx.article.text[q.end:sentence.end]
    return bool(re.match(rf"\s*(?:{ctx.lang.words('measure_units')})\b", after, re.IGNORECASE))


def _openings(ctx: ArticleContext, sentence: Sentence, at: int):
    """The number of openings: a count before an opening noun ('120 customer-support agents'), or the count
    a hiring verb takes as its object ('recruit 250 cabin crew')."""
    w = ctx.lang.words
    counts = [q for q in ctx.quantities[sentence.index] if q.unit == "count" and not _is_measure(ctx, sentence, q)]
    for q in counts:
        if re.match(rf"\s+(?:[\w-]+\s+){{0,2}}(?:{w('opening_nouns')})", ctx.article.text[q.end:sentence.end]):
            return q
    for q in counts:
        gap = ctx.article.text[at:q.start]
        if q.start >= at and (q.start == at or re.fullmatch(r"\S+(?:\s+\w+)?\s+", gap)):
            return q  # the object of the verb at ``at`` ("is rehiring about 120", "akan merekrut 250")
    return None


def _freeze_at(ctx: ArticleContext, sentence: Sentence) -> int | None:
    """Where a hiring freeze is stated: a freeze phrase, or a freeze noun before "on hiring" ("a cap ... on hiring")."""
    found = _triggers(ctx, sentence, ctx.lang.fact_words('HiringFreeze', 'triggers'))
    if found:
        return sentence.start + found[0].start()
    w = ctx.lang.words
    noun = re.search(rf"\b(?:{w('freeze_nouns')})\b\W+(?:\w+\W+){{0,2}}?(?:{w('freeze_objects')})\b", sentence.text,
                     re.IGNORECASE)
    return sentence.start + noun.start() if noun else None


def _as_division(ctx: ArticleContext, sentence: Sentence, trigger: re.Match) -> bool:
    """'roles in recruiting', 'di bagian rekrutmen': the name of a department, not hiring."""
    before = sentence.text[:trigger.start()]
    w = ctx.lang.words
    return bool(re.search(rf"\b(?:{w('locative')})(?:\s+(?:{w('division_nouns')}))?\s+$", before, re.IGNORECASE))


def _hiring_fact(ctx: ArticleContext, sentence: Sentence, at: int) -> Fact:
    text, w = sentence.text, ctx.lang.words
    values: list = [("organization", ctx.employer(sentence, at, agencies=True))]
    openings = _openings(ctx, sentence, at)
    if openings:
        values.append(("openings", openings.as_int))
        qualified(values, openings)
    values.append(("date", ctx.date_near(sentence, at) or reported(ctx)))  # undated: news of its publication
    role = re.search(rf"\b(?:{w('hire_staff_nouns')})\s+((?:[a-zA-Z]+\s){{1,3}}?)(?:{w('new_words')})\b", text) or \
        re.search(rf"\b(?:{w('opening_nouns')}) (?:{w('new_words')}) (?:\w+\s){{0,3}}?(?:{w('field_words')})\s+"
                  rf"([\w ]{{2,30}}?)(?=[.,]|$)", text)
    if role:
        values.append(("jobRole", role.group(1).strip()))
    target = re.search(rf"\b(?:{w('target_verbs')})\s+([^.]{{3,120}}?)\s+(?:{w('field_words')})\s+"
                       rf"(?:{w('recruitment_nouns')})", text) or \
        re.search(rf"\b(?:{w('target_groups')})\s+([^.,]{{3,80}})", text)
    if target:
        values.append(("targetGroup", target.group(1).strip()))
    again, rehire = w("again_words"), w("rehire_verbs")
    if re.search(rf"\b(?:(?:{again})\s+(?:\w+\s+)?(?:{rehire})|(?:{rehire})\s+(?:\w+\s+){{0,2}}(?:{again}))\b",
                 text, re.IGNORECASE):
        values.append(("rehiring", True))
    if _is_remote(ctx, text):
        values.append(("workModel", "remote"))
    rule = "hiring: trigger (plan)" if planned(ctx, sentence, at) else "hiring: trigger"
    return Fact("Hiring", sentence.index, rule, tuple(v for v in values if v[1] is not None))


def _is_remote(ctx: ArticleContext, text: str) -> bool:
    return bool(_find(ctx.lang.fact_words('Hiring', 'remote_phrases'), text))


def _merge(fact: Fact, values: tuple) -> Fact:
    """Details a later sentence adds (target group, work model, role) to the hiring just reported."""
    known = {name for name, _ in fact.values}
    extra = tuple((n, v) for n, v in values if n in ("targetGroup", "workModel", "jobRole") and n not in known)
    return Fact(fact.kind, fact.sentence, fact.rule, fact.values + extra)
