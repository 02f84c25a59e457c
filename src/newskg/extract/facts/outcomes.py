"""Outcome metrics an article reports: savings, before/after times, the share of work a system handles.

"menghemat anggaran hingga sekitar $2 juta" (savings, with currency),
"waktu penyelesaian rata-rata dua menit dari sebelumnya 11 menit" (before 11,
after 2, minutes), "menangani dua pertiga percakapan" (a share of 0.67).
"""
from __future__ import annotations

import re

from newskg.extract.facts.context import ArticleContext
from newskg.model import Fact, Quantity, Sentence
from newskg.textutil import alternation, inside_quotation


def extract_outcomes(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for sentence in ctx.body():
        facts.extend(_savings(ctx, sentence))
        facts.extend(_before_after(ctx, sentence))
        facts.extend(_share(ctx, sentence))
    return facts


def _base(ctx: ArticleContext, sentence: Sentence, at: int, metric: str) -> list:
    values = [("organization", ctx.org_near(sentence, at)), ("metric", metric)]
    date = ctx.dates[sentence.index]
    if date:
        values.append(("date", date[0].value))
    return values


def _savings(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    trigger = re.search(rf"\b(?:{alternation(ctx.lang.fact_words('OutcomeMetric', 'savings_words'))})\b", sentence.text, re.IGNORECASE)
    money = [q for q in ctx.quantities[sentence.index] if q.unit == "money"]
    if not trigger or not money or inside_quotation(sentence.text, trigger.start()):
        return []
    amount = money[0]
    values = _base(ctx, sentence, sentence.start + trigger.start(), "savings")
    values += [("amount", amount.value), ("currency", amount.currency)]
    if amount.qualifier:
        values.append(("qualifier", amount.qualifier))
    return [Fact("OutcomeMetric", sentence.index, "outcome: savings + money", tuple(values))]


def _before_after(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    units = ctx.lang.duration_units
    timed = [q for q in ctx.quantities[sentence.index] if q.unit == "count" and _unit_after(ctx, sentence, q, units)]
    text, w = ctx.article.text, ctx.lang.words
    src, dst, prev = w("change_from"), w("change_to"), w("previously")
    for first, second in zip(timed, timed[1:]):
        between = text[first.end:second.start].casefold()
        lead = text[sentence.start:first.start].casefold()[-30:]
        if re.search(rf"\b(?:{dst})\b", between) and re.search(rf"\b(?:{src})\b", lead):
            before, after, rule = first, second, "outcome: dari X menjadi Y"
        elif re.search(rf"\b(?:{src})\s+(?:(?:{prev})\s+)?(?:(?:{w('average')})\s+)?$", between.rstrip() + " ") \
                or re.search(rf"\b(?:{prev})\b", between):
            before, after, rule = second, first, "outcome: Y dari sebelumnya X"
        else:
            continue
        metric = _metric_name(text[sentence.start:min(first.start, second.start)], ctx)
        values = _base(ctx, sentence, first.start, metric)
        values += [("valueBefore", before.value), ("valueAfter", after.value),
                   ("unit", units[_unit_after(ctx, sentence, first, units)])]
        return [Fact("OutcomeMetric", sentence.index, rule, tuple(values))]
    return []


def _unit_after(ctx: ArticleContext, sentence: Sentence, q: Quantity, units: dict) -> str | None:
    match = re.match(r"\s+(\w+)", ctx.article.text[q.end:sentence.end])
    word = match.group(1).casefold() if match else ""
    return word if word in units else None


def _metric_name(before: str, ctx: ArticleContext) -> str:
    """The words naming what changed: 'waktu penyelesaian rata-rata'."""
    w = ctx.lang.words
    clause = re.split(r"[,;:]", before)[-1]
    ends = "|".join((w("change_from"), w("change_to"), w("only_words"), w("previously")))
    clause = re.sub(rf"\b(?:{ends})\b.*$", "", clause, flags=re.IGNORECASE)
    skip = set(ctx.lang.grammar["metric_filler_words"])  # verbs and glue around the metric's name
    words = [w for w in clause.split() if w.casefold() not in skip]
    return " ".join(words[-4:]) or "time"


def _share(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    objects = alternation(ctx.lang.fact_words('OutcomeMetric', 'share_objects'))
    for q in ctx.quantities[sentence.index]:
        if q.unit not in ("fraction", "percent"):
            continue
        after = ctx.article.text[q.end:sentence.end]
        before = ctx.article.text[sentence.start:q.start].casefold()
        if re.match(rf"\s+(?:{objects})\b", after, re.IGNORECASE) and re.search(rf"\b(?:{ctx.lang.words('handle_verbs')})\s*$", before):
            share = q.value if q.unit == "fraction" else q.value / 100
            noun = re.split(rf"\s+(?:{ctx.lang.words('noun_phrase_end')})\b|[,.;]", after.strip())[0]
            noun = " ".join(noun.split()[:3])
            values = _base(ctx, sentence, q.start, f"share of {noun} handled")
            values.append(("share", round(share, 4)))
            return [Fact("OutcomeMetric", sentence.index, "outcome: menangani FRACTION OBJECT", tuple(values))]
    return []
