"""What the text says about an organisation itself: its country, its industry, partners it dropped."""
from __future__ import annotations

import re

from newskg.extract.facts.context import ArticleContext
from newskg.model import EntityType, Fact
from newskg.extract.places import country_code
from newskg.textutil import alternation


def extract_organization_facts(ctx: ArticleContext) -> list[Fact]:
    facts = []
    seen: set = set()
    for sentence in ctx.body():
        for fact in _countries(ctx, sentence) + _industries(ctx, sentence) + _partnerships(ctx, sentence):
            key = (fact.kind, fact.values)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


def _countries(ctx: ArticleContext, sentence) -> list[Fact]:
    facts = []
    lang = ctx.lang
    countries = [m for m in ctx.mentions[sentence.index] if m.type is EntityType.COUNTRY]
    cues = alternation(lang.country_cues)
    org_cues = alternation(lang.org_cues_before + lang.grammar["country_org_nouns"])
    for country in countries:
        left = ctx.article.text[sentence.start:country.mention.start].casefold()
        right = ctx.article.text[country.mention.end:sentence.end].casefold()
        if re.search(rf"\b(?:{cues})\s*$", left):
            rule = "country: asal COUNTRY"
        elif re.search(rf"\b(?:{org_cues})\s+(?:(?:{lang.words('locative')})\s+)?$", left):
            rule = "country: perusahaan COUNTRY"
        elif re.match(rf"\s+(?:[\w-]+\s+){{0,2}}(?:{org_cues})\b", right):
            rule = "country: COUNTRY company"  # "Swedish fintech Klarna", "the German freight company"
        else:
            continue
        org = _nearest_org(ctx, sentence, country.mention.start)
        if org is not None:
            facts.append(Fact("OrganizationCountry", sentence.index, rule,
                              (("organization", org), ("country", country.ref))))
    for org in ctx.orgs(sentence, include_media=False):
        words = org.mention.text.split()
        for length in (2, 1):
            if len(words) > length and country_code(" ".join(words[-length:]), lang):
                facts.append(Fact("OrganizationCountry", sentence.index, "country: name ends with COUNTRY",
                                  (("organization", org.ref), ("countryCode", country_code(" ".join(words[-length:]), lang)))))
                break
    return facts


def _nearest_org(ctx: ArticleContext, sentence, position: int):
    orgs = ctx.orgs(sentence)
    if not orgs:
        return ctx.org_in_focus(sentence.index)
    return min(orgs, key=lambda m: min(abs(m.mention.end - position), abs(m.mention.start - position))).ref


def _industries(ctx: ArticleContext, sentence) -> list[Fact]:
    facts = []
    industries = ctx.lang.industries
    for match in re.finditer(rf"(?<![\w-])(?:{alternation(industries)})(?![\w-])", sentence.text, re.IGNORECASE):
        before = sentence.text[:match.start()].casefold()
        w = ctx.lang.words
        if not re.search(rf"(?:\b(?:{w('industry_lead')})|,)\s*(?:(?:{w('industry_qualifiers')})\s+)?$", before) and \
                not re.search(rf"^\s*(?:(?:{w('origin_words')})\b|,)", sentence.text[match.end():].casefold()):
            continue
        org = _nearest_org(ctx, sentence, sentence.start + match.start())
        if org is not None:
            facts.append(Fact("OrganizationIndustry", sentence.index, "industry: perusahaan INDUSTRY", (
                ("organization", org), ("industry", industries[match.group(0).casefold()]))))
    return facts


def _partnerships(ctx: ArticleContext, sentence) -> list[Fact]:
    trigger = re.search(rf"\b(?:{alternation(ctx.lang.fact_words('PartnershipEnded', 'triggers'))})\b", sentence.text, re.IGNORECASE)
    if not trigger:
        return []
    at = sentence.start + trigger.start()
    subject = ctx.org_near(sentence, at)
    partners = [m for m in ctx.orgs(sentence) if m.mention.start > at and m.ref != subject]
    return [Fact("PartnershipEnded", sentence.index, "partnership ended: trigger",
                 (("organization", subject), ("partner", p.ref))) for p in partners[:3]]
