"""Sources agree, sources disagree: claims with their sources, conflicts, and timelines.

The rules, kept simple so a reader can check them (the README repeats them):

* A **claim** groups the facts of several articles that state the same thing:
  same kind and same subject (organisation; for quotes the speaker, for
  positions the person, role and organisation), compatible numbers and
  compatible dates. It counts its independent sources (distinct stories: near-identical
  articles, ``nkg:sameStoryAs``, are one source) and lists their outlets (every copy's).
  Each article's fact stays untouched in its own graph.
* Two numbers are **compatible** when equal, or when a qualifier allows both:
  "sekitar"/"hampir" (approximately, almost) allow 10%, "lebih dari N" allows
  anything above N, "ribuan" (at least N) anything from N up. A vague number
  ("ribuan") never confirms an exact one; it only joins other vague numbers.
* Two dates are compatible when one contains the other (2025 and 2025-09) or
  one is missing.
* A **conflict** links two facts from different articles about the same
  subject whose values cannot both be true: staff counts of the same
  organisation (and division) for overlapping time, in the same place of a
  "from X to Y" change, with incompatible values; layoffs of the same
  organisation dated to the same period with incompatible sizes; and the same
  layoff (same size) dated to periods that exclude each other.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, XSD

from newskg.extract.entities import slugify
from newskg.rdf.triples import article_iri
from newskg.kinds import KINDS
from newskg.lang import available_languages, load_language
from newskg.rdf.vocab import CLAIMS_GRAPH, ID, NKG

_TOLERANCE = {"approximately": 0.1, "almost": 0.1, None: 0.0, "up_to": 0.0}


@dataclass
class Statement:
    """One fact as the claims logic sees it."""

    fact: URIRef
    doc: URIRef
    kind: str
    subject: str  # entity IRI(s) the fact is about, as one key
    number: float | None = None
    qualifier: str | None = None
    date: str | None = None
    figure: str = "figure"  # before | after | figure (staff counts)
    division: str | None = None
    text: str | None = None  # quote text or technology tokens
    outlet: URIRef | None = None
    story: URIRef | None = None  # the first of the near-identical articles that tell its article's story

    @property
    def source(self) -> URIRef:
        """The independent source: the story its article tells (copies of one story are one source)."""
        return self.story or self.doc


@dataclass
class Claim:
    kind: str
    subject: str
    statements: list[Statement] = field(default_factory=list)

    @property
    def sources(self) -> list[URIRef]:
        return sorted({s.source for s in self.statements})

    @property
    def outlets(self) -> list[URIRef]:
        return sorted({s.outlet for s in self.statements if s.outlet is not None})

    def value(self) -> float | None:
        """The most common number among the sources, exact ones first."""
        numbers = sorted((s.qualifier is not None, s.number) for s in self.statements if s.number is not None)
        return numbers[0][1] if numbers else None

    def date(self) -> str | None:
        """The most precise date the sources give."""
        dates = sorted({s.date for s in self.statements if s.date}, key=lambda d: (-len(d), d))
        return dates[0] if dates else None

    def slug(self) -> str:
        first = self.statements[0]
        parts = [self.kind.lower(), _subject_slug(self.subject)]
        if first.number is not None:
            parts.append(str(int(first.number)) + ("plus" if first.qualifier == "at_least" else ""))
        rule = KINDS[self.kind].claim
        if rule.figures:
            parts.append(first.figure)
        elif first.text:
            parts.append(slugify(first.text)[:40])
        if self.date():
            parts.append(self.date())
        return "/".join(parts)


@dataclass
class Conflict:
    kind: str
    subject: str
    reason: str  # "value" or "date"
    first: Statement
    second: Statement


def statements_from_results(results, corpus, stories: dict[str, str] | None = None) -> list[Statement]:
    """The claim statements of a build's facts, in the order of their articles and IRIs.

    ``stories`` maps a doc id to the first doc id of its near-identical articles (``read.duplicates``)."""
    from newskg.extract.facts.context import Ref
    from newskg.rdf.triples import entity_iri, fact_iris, role_iri

    statements = []
    for result in results:
        doc_id = result.article.doc_id
        outlet_index = result.entities.outlet_index
        outlet = entity_iri(corpus.key_of[(doc_id, outlet_index)]) if outlet_index is not None else None

        def iri(name: str, value) -> str | None:
            if isinstance(value, Ref):
                return str(entity_iri(corpus.key_of[(doc_id, value.index)]))
            return str(role_iri(value)) if name == "role" and value is not None else None

        for fact, node in zip(result.facts, fact_iris(doc_id, result.facts)):
            rule = KINDS[fact.kind].claim
            if rule is not None:
                subject = "|".join(iri(name, fact.get(name)) or "None" for name in rule.subject)
                statement = _statement(fact, node, article_iri(doc_id), subject, outlet, result.facts)
                if stories and doc_id in stories:
                    statement.story = article_iri(stories[doc_id])
                statements.append(statement)
    return sorted(statements, key=lambda s: (str(s.doc), str(s.fact)))


def _statement(fact, node: URIRef, doc: URIRef, subject: str, outlet, facts) -> Statement:
    record = KINDS[fact.kind]
    rule = record.claim
    text = fact.get(rule.text) if rule.text else None
    if rule.compare == "same_text":
        text = " ".join(sorted(_distinctive_words(fact.kind, str(text)))) or "ai"
    number = next((fact.get(k) for k in record.numbers if fact.get(k) is not None), None)
    date = fact.get("date")
    return Statement(
        fact=node, doc=doc, kind=fact.kind, subject=subject,
        number=float(number) if number is not None else None, qualifier=fact.get("qualifier"),
        date=date.iso() if date is not None else None, figure=_figure(fact, facts) if rule.figures else "figure",
        division=fact.get("division"), text=text, outlet=outlet)


def _figure(fact, facts) -> str:
    """'before' or 'after' when the sentence states both ends of a change ("from X to Y"), else 'figure'."""
    role = fact.get("figureRole")
    other = {"before": "after", "after": "before"}.get(role)
    paired = other is not None and any(f.kind == fact.kind and f.sentence == fact.sentence
                                       and f.get("figureRole") == other for f in facts)
    return role if paired else "figure"


def _distinctive_words(kind: str, text: str) -> set[str]:
    """The distinctive words of a compared text ("AI agents" and "agen AI" give {"agent"})."""
    generic, synonyms = _text_vocabulary(kind)
    words = re.findall(r"[\w.]+", text.casefold())
    return {synonyms.get(w, w) for w in words} - generic


@lru_cache(maxsize=None)
def _text_vocabulary(kind: str) -> tuple[frozenset[str], dict[str, str]]:
    """The kind's generic words and synonyms in every language (``facts.yaml``: ``generic_words``,
    ``synonyms``): a claim joins reports written in several languages."""
    generic: set[str] = set()
    synonyms: dict[str, str] = {}
    for code in available_languages():
        lang = load_language(code)
        generic |= {str(w).casefold() for w in lang.fact_words(kind, "generic_words")}
        synonyms.update(lang.fact_words(kind, "synonyms") or {})
    return frozenset(generic), synonyms


def _subject_slug(subject: str) -> str:
    """'.../entity/org/klarna' -> 'org-klarna'; several parts (person|role|org) joined by '+'."""
    return "+".join("-".join(part.rstrip("/").split("/")[-2:]) for part in subject.split("|"))


# ---------------------------------------------------------------- compatibility

def numbers_compatible(a: Statement, b: Statement) -> bool:
    if a.number is None or b.number is None:
        return True
    if (a.qualifier == "at_least") != (b.qualifier == "at_least"):
        return False  # "ribuan" neither confirms nor contradicts an exact figure here
    return _allows(a, b.number) or _allows(b, a.number)


def _allows(statement: Statement, other: float) -> bool:
    value, qualifier = statement.number, statement.qualifier
    if qualifier in ("more_than", "at_least"):
        return other >= value
    if qualifier == "up_to":
        return other <= value
    return abs(other - value) <= _TOLERANCE.get(qualifier, 0.0) * value


def dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _same_claim(a: Statement, b: Statement) -> bool:
    if a.kind != b.kind or a.subject != b.subject or not dates_compatible(a.date, b.date):
        return False
    rule = KINDS[a.kind].claim
    if rule.figures and (a.figure == "before") != (b.figure == "before"):
        return False
    if rule.compare == "similar_text":
        return _similar_quotes(a.text, b.text)
    if rule.compare == "same_text":
        return a.text == b.text
    if rule.number_needed_by_both and (a.number is None) != (b.number is None):
        return False
    return numbers_compatible(a, b)


@lru_cache(maxsize=65536)
def _similar_quotes(a: str | None, b: str | None) -> bool:
    """The same words, give or take 15% (punctuation and a word or two)."""
    left, right = _norm(a), _norm(b)
    if left == right:
        return True
    matcher = difflib.SequenceMatcher(None, left, right)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


# ---------------------------------------------------------------- claims and conflicts

def group_claims(statements: list[Statement]) -> list[Claim]:
    """Each statement joins the first claim of its kind and subject that all of whose statements it agrees with."""
    buckets: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for statement in statements:
        candidates = buckets[(statement.kind, statement.subject)]
        home = next((c for c in candidates if all(_same_claim(statement, s) for s in c.statements)), None)
        if home is None:
            home = Claim(statement.kind, statement.subject)
            candidates.append(home)
        home.statements.append(statement)
    return sorted((c for claims in buckets.values() for c in claims), key=lambda c: c.slug())


def find_conflicts(statements: list[Statement]) -> list[Conflict]:
    conflicts = []
    by_subject: dict[tuple, list[Statement]] = defaultdict(list)
    for s in statements:
        if KINDS[s.kind].claim.conflicts and s.number is not None:
            by_subject[(s.kind, s.subject)].append(s)
    for (kind, subject), group in sorted(by_subject.items()):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                reason = _conflict_reason(a, b)
                if reason:
                    first, second = sorted((a, b), key=lambda s: (str(s.doc), str(s.fact)))
                    conflicts.append(Conflict(kind, subject, reason, first, second))
    return conflicts


def _conflict_reason(a: Statement, b: Statement) -> str | None:
    if a.source == b.source or (a.division or "") != (b.division or ""):  # one story cannot contradict itself
        return None
    if "at_least" in (a.qualifier, b.qualifier):
        return None  # a vague figure cannot contradict
    if KINDS[a.kind].claim.figures:  # a figure contradicts only a figure in the same place of a change
        same_place = (a.figure == "before") == (b.figure == "before")
        if same_place and dates_compatible(a.date, b.date) and not numbers_compatible(a, b):
            return "value"
        return None
    if a.date and b.date and dates_compatible(a.date, b.date) and not numbers_compatible(a, b):
        return "value"
    if a.date and b.date and not dates_compatible(a.date, b.date) and a.number == b.number and \
            a.qualifier == b.qualifier and a.number >= 100:
        return "date"
    return None


# ---------------------------------------------------------------- writing them into the graph

def add_claims(dataset: Dataset, statements: list[Statement]) -> tuple[list[Claim], list[Conflict]]:
    """Compute claims and conflicts and (re)write the claims graph."""
    claims, conflicts = group_claims(statements), find_conflicts(statements)
    dataset.remove_graph(dataset.graph(CLAIMS_GRAPH))
    graph = dataset.graph(CLAIMS_GRAPH)
    for triple in claim_triples(claims, conflicts):
        graph.add(triple)
    return claims, conflicts


def add_same_stories(dataset: Dataset, pairs: list[tuple[str, str]]) -> None:
    """Link near-identical articles both ways in the claims graph (it holds what is computed across articles)."""
    graph = dataset.graph(CLAIMS_GRAPH)
    for first, second in pairs:
        graph.add((article_iri(first), NKG.sameStoryAs, article_iri(second)))
        graph.add((article_iri(second), NKG.sameStoryAs, article_iri(first)))


def claim_triples(claims: list[Claim], conflicts: list[Conflict]) -> list:
    """The claims graph as triples."""
    from newskg.rdf.triples import TripleList

    graph = TripleList()
    for claim in claims:
        node = ID[f"claim/{claim.slug()}"]
        graph.add((node, RDF.type, NKG.Claim))
        graph.add((node, NKG.claimKind, NKG[claim.kind]))
        for part in claim.subject.split("|"):
            graph.add((node, NKG.about, URIRef(part)))
        for statement in claim.statements:
            graph.add((node, NKG.statedIn, statement.fact))
        for outlet in claim.outlets:
            graph.add((node, NKG.sourceOutlet, outlet))
        graph.add((node, NKG.sourceCount, Literal(len(claim.sources), datatype=XSD.integer)))
        value, date = claim.value(), claim.date()
        if value is not None:
            graph.add((node, NKG.claimValue, Literal(int(value), datatype=XSD.integer)))
        if date is not None:
            graph.add((node, NKG.date, _date_literal(date)))
    for conflict in conflicts:
        a, b = conflict.first.fact, conflict.second.fact
        node = ID[f"conflict/{_fact_slug(a)}--{_fact_slug(b)}"]
        graph.add((node, RDF.type, NKG.Conflict))
        graph.add((node, NKG.conflictType, Literal(conflict.reason)))
        graph.add((node, NKG.about, URIRef(conflict.subject)))
        graph.add((node, NKG.between, a))
        graph.add((node, NKG.between, b))
        graph.add((a, NKG.conflictsWith, b))
        graph.add((b, NKG.conflictsWith, a))
    return graph


def _date_literal(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def _fact_slug(fact: URIRef) -> str:
    return str(fact).rsplit("/fact/", 1)[-1].replace("/", "-")
