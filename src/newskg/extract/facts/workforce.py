"""What the workforce rules share: counts of employees, qualifiers, divisions, triggers outside names."""
from __future__ import annotations

import re

from newskg.extract.facts.context import ArticleContext
from newskg.model import PartialDate, Quantity, Sentence
from newskg.textutil import alternation, find_words


def employee_count(ctx: ArticleContext, sentence: Sentence, quantity: Quantity) -> bool:
    """A count followed by a word for employees: '1.200 karyawan', 'sekitar 100 karyawannya', '560 orang'."""
    if quantity.unit != "count":
        return False
    after = ctx.article.text[quantity.end:sentence.end]
    nouns = alternation(ctx.lang.employee_nouns + ctx.lang.fact_words("Layoff", "people_nouns"))  # "640 drivers"
    suffixes = ctx.lang.words("noun_suffixes")  # "karyawannya": its employees
    # "400 customer service jobs": up to two modifiers, the second in lower case (not a name)
    return bool(re.match(rf"\s+(?:[\w-]+\s+)?(?-i:[a-z][a-z-]*\s+)?(?:{nouns})(?:{suffixes})?\b", after, re.IGNORECASE))


def qualified(values: list, quantity: Quantity) -> None:
    if quantity.qualifier:
        values.append(("qualifier", quantity.qualifier))


def triggers(ctx: ArticleContext, sentence: Sentence, words) -> list[re.Match]:
    """Trigger words of ``sentence``, except inside a name ("Recruit Holdings" is no hiring)."""
    return [m for m in find_words(words, sentence.text)
            if not ctx.in_mention(sentence, sentence.start + m.start())]


def division_phrase(text: str, ctx: ArticleContext) -> str | None:
    w = ctx.lang.words
    match = re.search(rf"\b(?:{w('locative')}) (?:{w('division_nouns')}) ([a-z]+(?: [a-z]+){{0,3}}?)"
                      rf"(?=[,.;]|\s+(?:{w('clause_words')})\b|$)", text)
    if match:
        return match.group(1)
    match = re.search(rf"\b(?:{w('locative')}) ({w('division_places')})\b", text)
    return match.group(1) if match else None


def division_after(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> str | None:
    """The division a count is given for: '2.500 karyawan di divisi penjualan', '700 in engineering'."""
    w = ctx.lang.words
    nouns, suffixes = alternation(ctx.lang.employee_nouns), w("noun_suffixes")
    stop = rf"(?=\s*[,.;:]|\s+(?:{w('subject_coordinators')}|{w('clause_words')})\b|\s*$)"
    match = re.match(rf"\s+(?:(?:\w+\s+)?(?:{nouns})(?:{suffixes})?\s+)?(?:{w('locative')})\s+"
                     rf"(?:(?:{w('division_nouns')})\s+)?([^\W\d]\w*(?:\s+[^\W\d]\w*){{0,2}}?){stop}",
                     ctx.article.text[q.end:sentence.end], re.IGNORECASE)
    if not match or match.group(1).split()[0].casefold() in ctx.lang.months:
        return None  # "in October": a date, not a division
    if ctx.in_mention(sentence, q.end + match.start(1)):
        return None  # "200 employees at Hollis Robotics Inc.": the employer, not a division
    return match.group(1)


def planned(ctx: ArticleContext, sentence: Sentence, at: int) -> bool:
    """Is the event at ``at`` a plan ("berencana merekrut", "plans to hire")? Marked in the rule's name: the
    ontology has no property for it yet."""
    before = ctx.article.text[sentence.start:at]
    return bool(re.search(rf"\b(?:{ctx.lang.words('plan_words')})\s+(?:\S+\s+){{0,2}}$", before, re.IGNORECASE))


def date_after(ctx: ArticleContext, sentence: Sentence, q: Quantity):
    """The date stated just after a number ("800 in 2021 and 400 in 2019"); else the only one near."""
    for date in ctx.dates[sentence.index]:
        gap = ctx.article.text[q.end:date.start]
        if 0 <= date.start - q.end and len(gap.split()) <= 4 and "," not in gap \
                and not re.search(rf"\b(?:{ctx.lang.words('change_from')})\b", gap):
            return date.value
    return ctx.date_near(sentence, q.start) if len(ctx.dates[sentence.index]) <= 1 else None


def reported(ctx: ArticleContext) -> PartialDate | None:
    """An event the article states without a date is news of its publication month (or reference year)."""
    published = ctx.reference
    return PartialDate(published.year, published.month) if published and published.month else published
