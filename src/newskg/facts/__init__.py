"""Fact extraction: each module reads an ``ArticleContext`` and returns ``Fact``s."""
from __future__ import annotations

from newskg.facts.ai import extract_ai_adoption
from newskg.facts.context import ArticleContext, Ref
from newskg.facts.events import extract_layoffs
from newskg.facts.headcounts import extract_headcounts
from newskg.facts.hiring import extract_hiring
from newskg.facts.organizations import extract_organization_facts
from newskg.facts.outcomes import extract_outcomes
from newskg.facts.quotes import extract_quotes
from newskg.facts.roles import extract_roles
from newskg.model import Fact

FACT_KINDS = ("PositionHeld", "Layoff", "Hiring", "HiringFreeze", "StaffCount", "AIAdoption", "Quote",
              "PartnershipEnded", "OrganizationCountry", "OrganizationIndustry", "OutcomeMetric")


def extract_facts(ctx: ArticleContext) -> list[Fact]:
    """Every fact of one article, in sentence order within each kind."""
    headcounts, claimed = extract_headcounts(ctx)
    facts = [
        *extract_roles(ctx),
        *extract_layoffs(ctx, claimed),
        *extract_hiring(ctx, claimed),
        *headcounts,
        *extract_ai_adoption(ctx),
        *extract_quotes(ctx),
        *extract_organization_facts(ctx),
        *extract_outcomes(ctx),
    ]
    return [f for f in facts if _complete(f)]


def _complete(fact: Fact) -> bool:
    """A fact without the entity it is about is not worth a node."""
    subject = "speaker" if fact.kind == "Quote" else ("person" if fact.kind == "PositionHeld" else "organization")
    return isinstance(fact.get(subject), Ref)


__all__ = ["ArticleContext", "FACT_KINDS", "Ref", "extract_facts"]
