"""Direct quotations, their speakers and the outlet they were given to.

A quote is text between quotation marks (curly or straight) of at least six
words: shorter quoted fragments ("berkualitas lebih rendah") are not speeches.
The speaker is the person named in the attribution after the quote ("kata X",
"ujar CEO X"); a clitic or pronoun ("ujarnya", "jelas dia", "lanjutnya", "bos
Dropbox itu") refers back to the last person named. Anonymous sources
("sumber tersebut", "unggahan tersebut", "juru bicara") give no quote.
"""
from __future__ import annotations

import re

from newskg.facts.context import ArticleContext
from newskg.model import EntityType, Fact, Sentence
from newskg.textutil import alternation

_QUOTE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
_MIN_WORDS = 6


def extract_quotes(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for sentence in ctx.body():
        for match in _QUOTE.finditer(sentence.text):
            inner = match.group(1) or match.group(2)
            if len(inner.split()) < _MIN_WORDS:
                continue
            fact = _quote_fact(ctx, sentence, match, inner)
            if fact is not None:
                facts.append(fact)
    return facts


def _quote_fact(ctx: ArticleContext, sentence: Sentence, match: re.Match, inner: str) -> Fact | None:
    start = sentence.start + match.start()
    after_at = sentence.start + match.end()
    attribution = _attribution(sentence.text[match.end():])
    lang = ctx.lang
    attr_end = after_at + len(attribution)
    people = [p for p in ctx.people(sentence) if after_at <= p.mention.start < attr_end]
    clause = attribution.casefold()
    verbs = alternation(lang.speech_verbs_after_quote + lang.speech_clitics)
    has_verb = re.match(rf"\s*,?\s*(?:{verbs})\b", clause)
    if people:
        speaker, rule = people[0].ref, "quote: QUOTE, kata PERSON"
    elif has_verb and not any(re.search(rf"\b{re.escape(a)}\b", clause) for a in lang.anonymous_sources):
        speaker, rule = ctx.person_before(sentence, start), "quote: QUOTE, ujarnya (last person named)"
    elif not attribution.strip(" ,.") and (before := _speaker_before(ctx, sentence, start)) is not None:
        speaker, rule = before, "quote: PERSON mengatakan: QUOTE"
    else:
        return None
    if speaker is None:
        return None
    text = inner.strip().rstrip(",.").strip()
    values = [("speaker", speaker), ("text", text), ("quoteStart", start + 1), ("quoteEnd", sentence.start + match.end() - 1)]
    outlet = next((m for m in ctx.mentions[sentence.index]
                   if m.type is EntityType.MEDIA and after_at <= m.mention.start < attr_end), None)
    if outlet is not None:
        values.append(("givenTo", outlet.ref))
    return Fact("Quote", sentence.index, rule, tuple(values))


def _attribution(after: str) -> str:
    """The clause after a closing quotation mark, up to the next quote or the sentence end."""
    cut = re.search(r"[“\"]", after)
    return after[:cut.start()] if cut else after


def _speaker_before(ctx: ArticleContext, sentence: Sentence, start: int):
    before = ctx.article.text[sentence.start:start].casefold()
    verbs = alternation(ctx.lang.speech_verbs_subject)
    if re.search(rf"\b(?:{verbs})\b[^.]*[:,]\s*$", before):
        people = [p for p in ctx.people(sentence) if p.mention.end <= start]
        return people[-1].ref if people else None
    return None
