"""AI adoption: which organisation took up which AI technology, for what, replacing whom.

A specific technology (a chatbot, an AI avatar, AI agents, a named programme)
named in a sentence about an organisation counts as adopted by it. Bare "AI"
counts only with a verb of adoption ("mengandalkan AI", "beralih ke AI"): "the
jobs were replaced by AI" is the reason of a layoff, not an adoption.
"""
from __future__ import annotations

import re

from newskg.extract.facts.context import ArticleContext
from newskg.model import Fact, Sentence
from newskg.textutil import alternation, inside_quotation

def extract_ai_adoption(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for sentence in ctx.body():
        found = _technology(ctx, sentence)
        if found is None:
            continue
        label, start, end, rule = found
        at = sentence.start + start
        values = [("organization", ctx.employer(sentence, at, agencies=True)), ("technology", label)]
        purpose = _purpose(sentence.text[end:], ctx)
        if purpose:
            values.append(("purpose", purpose))
        date = ctx.date_near(sentence, at)
        if date:
            values.append(("date", date))
        replaced = _replaced(ctx, sentence)
        if replaced:
            values.append(("replacedWorkers", replaced))
        facts.append(Fact("AIAdoption", sentence.index, rule, tuple(v for v in values if v[1] is not None)))
    return facts


def _technology(ctx: ArticleContext, sentence: Sentence):
    """(label as written, start, end, rule) of the AI technology a sentence says was adopted."""
    text, w = sentence.text, ctx.lang.words
    if re.search(rf"\b(?:{w('definition_verbs')})\s+(?:(?:{w('indefinite')})\s+)?(?:{w('product_nouns')})\b", text,
                 re.IGNORECASE):
        return None  # a definition ("Chat GPT adalah chatbot"), not an adoption
    ai = alternation(ctx.lang.fact_words('AIAdoption', 'terms'))
    heads = alternation(ctx.lang.fact_words('AIAdoption', 'specific_heads'))
    programme = re.search(rf"\b(?:{w('programme_nouns')})\s+[“\"]([^”\"]{{3,60}})[”\"]", text, re.IGNORECASE)
    if programme and re.search(rf"(?<![\w-])(?:{ai}|{heads})(?![\w-])", text, re.IGNORECASE):
        # a named programme is an AI adoption only in a sentence that says it is AI
        return programme.group(1), programme.start(1), programme.end(), "ai: named programme"
    specific = re.search(rf"(?<![\w-])(?:(?:{heads})(?:\s+(?:{ai}))?|(?:{ai})\s+(?:{heads}))(?![\w-])", text, re.IGNORECASE)
    if specific and not ctx.negated(sentence, sentence.start + specific.start(), window=4):
        return specific.group(0), specific.start(), specific.end(), "ai: specific technology"
    based = _ai_based(ctx, text, ai)
    if based and not ctx.negated(sentence, sentence.start + based.start(), window=4):
        return based.group(0), based.start(), based.end(), "ai: a thing based on AI"
    verbs = alternation(v for v in ctx.lang.fact_words('AIAdoption', 'adoption_verbs') if v not in ctx.lang.fact_words('AIAdoption', 'replacement_verbs'))
    generic = re.search(rf"\b(?:{verbs})\b(?:\s+\S+){{0,3}}?\s+((?:(?:{w('technology_nouns')})\s+)?(?:{ai})(?:\s*\([^)]{{1,40}}\))?)(?![\w-])",
                        text, re.IGNORECASE)
    if generic and not ctx.negated(sentence, sentence.start + generic.start(), window=3) \
            and not _intended(ctx, text[:generic.start()]) \
            and not inside_quotation(text, generic.start()):  # a speaker's opinion, not an adoption
        return generic.group(1), generic.start(1), generic.end(1), "ai: adoption verb + AI"
    return None


def _ai_based(ctx: ArticleContext, text: str, ai: str):
    """'robot penyortir berbasis AI', 'AI-powered route planning software': the thing AI runs is the technology,
    its own words ("robot", "route planning") what tells it from others. Up to three words before the
    language's 'based on' word, or up to three after an 'AI-powered' compound."""
    w, grammar = ctx.lang.words, ctx.lang.grammar
    if grammar.get("ai_based_after"):
        found = re.search(rf"\b(?:[^\W\d]+\s+){{0,2}}[^\W\d]+\s+(?:{w('ai_based_after')})\s+(?:{ai})(?![\w-])", text,
                          re.IGNORECASE)
        if found:
            return found
    if grammar.get("ai_based_compounds"):
        return re.search(rf"(?<![\w-])(?:{ai})-(?:{w('ai_based_compounds')})(?:\s+[a-z][a-z-]*){{1,3}}", text,
                         re.IGNORECASE)
    return None


def _intended(ctx: ArticleContext, before: str) -> bool:
    """'ingin mengadopsi AI', 'meminta karyawan untuk beralih ke AI': a wish or a request, not an adoption."""
    return bool(re.search(rf"\b(?:{ctx.lang.words('intent_words')})\s+$", before, re.IGNORECASE))


def _purpose(after: str, ctx: ArticleContext) -> str | None:
    match = re.match(rf"[^,.;]{{0,40}}?\b(?:{ctx.lang.words('purpose_words')})\s+([^,.;]{{3,90}})", after)
    return match.group(1).strip() if match else None


def _replaced(ctx: ArticleContext, sentence: Sentence) -> int | None:
    """'menggantikan sekitar 700 karyawan', 'setara dengan pekerjaan 700 agen'."""
    for q in ctx.quantities[sentence.index]:
        before = ctx.article.text[sentence.start:q.start].casefold()
        if q.unit == "count" and re.search(rf"(?:{ctx.lang.words('replacement_phrases')})\s*$", before):
            return q.as_int
    return None
