"""Fact extraction: each module reads an ``ArticleContext`` and returns ``Fact``s of the kinds it declares.

The kinds themselves (class, subject, claims, view) are the table in ``newskg.kinds``; ``EXTRACTORS`` says
which extractor makes which kinds, and a test checks that every kind of the table has one.
"""
from __future__ import annotations

from newskg.extract.facts.ai import extract_ai_adoption
from newskg.extract.facts.context import ArticleContext, Ref
from newskg.extract.facts.events import extract_layoffs
from newskg.extract.facts.headcounts import extract_headcounts
from newskg.extract.facts.hiring import extract_hiring
from newskg.extract.facts.organizations import extract_organization_facts
from newskg.extract.facts.outcomes import extract_outcomes
from newskg.extract.facts.quotes import extract_quotes
from newskg.extract.facts.roles import extract_roles
from newskg.kinds import KINDS
from newskg.model import Fact

# extractor -> the kinds it makes. Staff counts run first: the numbers they claim are never layoffs or hiring.
EXTRACTORS = {
    extract_headcounts: ("StaffCount",),
    extract_roles: ("PositionHeld",),
    extract_layoffs: ("Layoff",),
    extract_hiring: ("Hiring", "HiringFreeze"),
    extract_ai_adoption: ("AIAdoption",),
    extract_quotes: ("Quote",),
    extract_organization_facts: ("PartnershipEnded", "OrganizationCountry", "OrganizationIndustry"),
    extract_outcomes: ("OutcomeMetric",),
}


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
    """A fact without the entity it is about (its kind's subject) is not worth a node."""
    return isinstance(fact.get(KINDS[fact.kind].subject), Ref)


__all__ = ["ArticleContext", "EXTRACTORS", "Ref", "extract_facts"]
