"""Workforce events: layoffs, hiring and rehiring, hiring freezes, staff counts.

Each rule reads one sentence: a trigger word from ``facts.yaml``, the numbers
next to words for employees, the organisation the sentence is about, and the
date it states. Numbers that a staff-count pattern claims ("dari 3.800 menjadi
2.000 orang") are staff counts, never layoffs.
"""
from __future__ import annotations

import re

from newskg.facts.context import ArticleContext
from newskg.model import Fact, Quantity, Sentence
from newskg.textutil import alternation, find_words


_words = alternation
_find = find_words


def _employee_count(ctx: ArticleContext, sentence: Sentence, quantity: Quantity) -> bool:
    """A count followed by a word for employees: '1.200 karyawan', 'sekitar 100 karyawannya', '560 orang'."""
    if quantity.unit != "count":
        return False
    after = ctx.article.text[quantity.end:sentence.end]
    nouns = _words(ctx.lang.employee_nouns)
    return bool(re.match(rf"\s+(?:\w+\s+)?(?:{nouns})(?:nya)?\b", after, re.IGNORECASE))


def _qualified(values: list, quantity: Quantity) -> None:
    if quantity.qualifier:
        values.append(("qualifier", quantity.qualifier))


# ---------------------------------------------------------------- staff counts

def extract_headcounts(ctx: ArticleContext) -> tuple[list[Fact], set[int]]:
    """Staff-count figures; also the start offsets of the numbers they claim."""
    facts, claimed = [], set()
    for sentence in ctx.body():
        found = _headcount_figures(ctx, sentence)
        for position, quantity, role, rule in found:
            claimed.add(quantity.start)
            values = [("organization", ctx.org_near(sentence, position)), ("value", quantity.as_int)]
            _qualified(values, quantity)
            date = _date_after(ctx, sentence, quantity)
            if date:
                values.append(("date", date))
            division = _division(ctx, sentence)
            if division:
                values.append(("division", division))
            change = _percent_change(ctx, sentence)
            if change is not None and role == "after":
                values.append(("percentChange", change))
            values.append(("figureRole", role))
            facts.append(Fact("StaffCount", sentence.index, rule, tuple(v for v in values if v[1] is not None)))
    return facts, claimed


def _headcount_figures(ctx: ArticleContext, sentence: Sentence):
    lower, w = sentence.text.casefold(), ctx.lang.words
    counts = [q for q in ctx.quantities[sentence.index] if q.unit == "count" and not q.vague]
    has_noun = _find(ctx.lang.headcount_nouns, lower)
    have = _find(ctx.lang.headcount_have_verbs, lower)
    src, dst, prev = w("change_from"), w("change_to"), w("previously")
    if not counts or not (has_noun or have or re.search(rf"\b(?:{src})\b.*\b(?:{dst})\b", lower)):
        return []
    anchor = sentence.start + (has_noun[0].start() if has_noun else (have[0].start() if have else 0))
    text = ctx.article.text
    figures = []
    for q in counts:
        before = text[sentence.start:q.start].casefold()
        if re.search(rf"\b(?:{src})(?:\s+(?:{prev}))?(?:\s+(?:{w('average')}))?\s*$", before) \
                and _has_later(counts, q, dst, text):
            figures.append((anchor, q, "before", "headcount: dari X menjadi Y"))
        elif re.search(rf"\b(?:{dst})(?:\s+(?:{w('only_words')}))?\s*$", before):
            figures.append((anchor, q, "after", "headcount: menjadi Y"))
        elif re.search(rf"\b(?:{src})(?:\s+(?:{prev}))?\s*$", before) and any(f[2] == "after" for f in figures):
            figures.append((anchor, q, "before", "headcount: menjadi Y dari X"))
        elif re.search(rf"\b(?:{w('figure_verbs')})\s*$", before) and has_noun:
            figures.append((anchor, q, "figure", "headcount: jumlah karyawan adalah X"))
        elif have and re.search(rf"\b(?:{_words(ctx.lang.headcount_have_verbs)})\s*$", before) \
                and _employee_count(ctx, sentence, q):
            figures.append((anchor, q, "figure", "headcount: memiliki X karyawan"))
    if not has_noun and not any(_employee_count(ctx, sentence, f[1]) for f in figures):
        return [f for f in figures if f[3].startswith("headcount: memiliki")]
    return [f for f in figures if not _is_duration(ctx, sentence, f[1])]


def _has_later(counts, q, words: str, text: str) -> bool:
    """Is a later count introduced by one of ``words`` (an alternation)?"""
    return any(o.start > q.start and re.search(rf"\b(?:{words})\b", text[q.end:o.start].casefold()) for o in counts)


def _is_duration(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> bool:
    after = ctx.article.text[q.end:sentence.end]
    return bool(re.match(rf"\s*(?:{ctx.lang.words('measure_units')})", after, re.IGNORECASE))


def _date_after(ctx: ArticleContext, sentence: Sentence, q: Quantity):
    for date in ctx.dates[sentence.index]:
        gap = ctx.article.text[q.end:date.start]
        if 0 <= date.start - q.end and len(gap.split()) <= 4 and "," not in gap and "dari" not in gap:
            return date.value
    return ctx.date_near(sentence, q.start) if len(ctx.dates[sentence.index]) <= 1 else None


def _division(ctx: ArticleContext, sentence: Sentence) -> str | None:
    w = ctx.lang.words
    match = re.search(rf"\b(?:{w('headcount_totals')})\s+(?:{w('staff_nouns')})\s+((?:[a-z]+\s+){{1,3}}?)"
                      rf"(?:{w('division_end_words')})\b", sentence.text)
    if match:
        return match.group(1).strip() or None
    return _division_phrase(sentence.text, ctx)


def _division_phrase(text: str, ctx: ArticleContext) -> str | None:
    w = ctx.lang.words
    match = re.search(rf"\b(?:{w('locative')}) (?:{w('division_nouns')}) ([a-z]+(?: [a-z]+){{0,3}}?)"
                      rf"(?=[,.;]|\s+(?:{w('clause_words')})\b|$)", text)
    if match:
        return match.group(1)
    match = re.search(rf"\b(?:{w('locative')}) ({w('division_places')})\b", text)
    return match.group(1) if match else None


def _percent_change(ctx: ArticleContext, sentence: Sentence) -> float | None:
    lower = sentence.text.casefold()
    for q in ctx.quantities[sentence.index]:
        if q.unit == "percent":
            sign = -1 if re.search(rf"\b(?:{ctx.lang.words('decrease_verbs')})\b", lower) else 1
            return sign * q.value
        if q.unit == "fraction" and re.search(rf"\b(?:{ctx.lang.words('decrease_verbs')})\b", lower):
            return -100 * q.value
    return None


# ---------------------------------------------------------------- layoffs

def extract_layoffs(ctx: ArticleContext, claimed: set[int]) -> list[Fact]:
    facts = []
    for sentence in ctx.body():
        triggers = _find(ctx.lang.layoff_triggers, sentence.text)
        if not triggers:
            continue
        trigger_at = sentence.start + triggers[0].start()
        strong = any(t.group(0).casefold() != "terdampak" for t in triggers)  # "puluhan posisi terdampak" is vague
        counts = [q for q in ctx.quantities[sentence.index]
                  if q.start not in claimed and q.unit == "count"
                  and (_employee_count(ctx, sentence, q) or q.vague) and (strong or not q.vague)]
        if not counts:
            continue
        count = counts[0]
        values = [("organization", ctx.org_near(sentence, trigger_at)), ("employees", count.as_int)]
        _qualified(values, count)
        percent = next((q for q in ctx.quantities[sentence.index] if q.unit == "percent"), None)
        if percent:
            values.append(("percentage", percent.value))
        date = ctx.date_near(sentence, trigger_at)
        if date:
            values.append(("date", date))
        division = _division_phrase(sentence.text, ctx)
        if division:
            values.append(("division", division))
        reason = _reason(sentence.text, ctx)
        if reason:
            values.append(("reason", reason))
        if find_words(ctx.lang.grammar["cancel_words"], sentence.text):
            values.append(("cancelled", True))
        rule = "layoff: trigger + employee count" if not count.vague else "layoff: trigger + vague count"
        facts.append(Fact("Layoff", sentence.index, rule, tuple(v for v in values if v[1] is not None)))
    return facts


def _reason(text: str, ctx: ArticleContext) -> str | None:
    cues = _words(ctx.lang.reason_cues)
    match = re.search(rf"\b(?:{cues})\s+([^,.;]{{3,80}})", text, re.IGNORECASE)
    if match:
        return match.group(0).strip()
    return None


# ---------------------------------------------------------------- hiring

def extract_hiring(ctx: ArticleContext, claimed: set[int] = frozenset()) -> list[Fact]:
    """Hiring, rehiring and hiring freezes; sentences whose numbers are staff counts are not hiring."""
    facts: list[Fact] = []
    for sentence in ctx.body():
        freeze = _find(ctx.lang.hiring_freeze_triggers, sentence.text)
        if freeze:
            at = sentence.start + freeze[0].start()
            values = [("organization", ctx.org_near(sentence, at)), ("date", ctx.date_near(sentence, at))]
            facts.append(Fact("HiringFreeze", sentence.index, "hiring freeze: trigger",
                              tuple(v for v in values if v[1] is not None)))
            continue
        triggers = [m for m in _find(ctx.lang.hiring_triggers, sentence.text)
                    if not ctx.negated(sentence, sentence.start + m.start())]
        if any(q.start in claimed for q in ctx.quantities[sentence.index]):
            triggers = [t for t in triggers if t.group(0).casefold() not in ctx.lang.headcount_have_verbs]
        last = next((i for i in range(len(facts) - 1, -1, -1) if facts[i].kind == "Hiring"), None)
        if not triggers:
            if last is not None and _is_remote(ctx, sentence.text):
                facts[last] = _merge(facts[last], (("workModel", "remote"),))
            continue
        fact = _hiring_fact(ctx, sentence, sentence.start + triggers[0].start())
        nouns_only = all(t.group(0).casefold() in ctx.lang.hiring_noun_triggers for t in triggers)
        if nouns_only and fact.get("openings") is None and last is not None:
            facts[last] = _merge(facts[last], fact.values)  # "Seluruh posisi ini bersifat jarak jauh."
        else:
            facts.append(fact)
    return facts


def _hiring_fact(ctx: ArticleContext, sentence: Sentence, at: int) -> Fact:
    text, w = sentence.text, ctx.lang.words
    values: list = [("organization", ctx.org_near(sentence, at))]
    openings = next((q for q in ctx.quantities[sentence.index] if q.unit == "count" and re.match(
        rf"\s+(?:\w+\s+){{0,2}}(?:{w('opening_nouns')})", ctx.article.text[q.end:sentence.end])), None)
    if openings:
        values.append(("openings", openings.as_int))
        _qualified(values, openings)
    values.append(("date", ctx.date_near(sentence, at)))
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
    return Fact("Hiring", sentence.index, "hiring: trigger", tuple(v for v in values if v[1] is not None))


def _is_remote(ctx: ArticleContext, text: str) -> bool:
    return bool(_find(ctx.lang.remote_phrases, text))


def _merge(fact: Fact, values: tuple) -> Fact:
    """Details a later sentence adds (target group, work model, role) to the hiring just reported."""
    known = {name for name, _ in fact.values}
    extra = tuple((n, v) for n, v in values if n in ("targetGroup", "workModel", "jobRole") and n not in known)
    return Fact(fact.kind, fact.sentence, fact.rule, fact.values + extra)
