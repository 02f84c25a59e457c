"""The fact kinds newskg knows, as one table: everything that varies by kind is a field of its record.

RDF writing (``rdf``), claims (``claims``) and the HTML view (``view``) read this table and name no kind
themselves; the extractors in ``facts/`` make the facts, and ``lang/<code>/facts.yaml`` holds each kind's
trigger words. Adding a kind ("office closure") is a record here, a class in ``ontology/newskg.ttl``, an
extractor in ``facts/`` and its words in ``facts.yaml``.

A kind's name is also its ontology class (``nkg:<name>``); a test checks that the table and the subclasses
of ``nkg:Fact`` in the ontology are the same set.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import ORG, SDO

from newskg.rdf.vocab import NKG


@dataclass(frozen=True)
class ClaimRule:
    """How facts of one kind from several articles are grouped into claims and checked against each other.

    ``subject``: the value names whose entities make the claim's subject (joined by '|').
    ``compare``: "number" (compatible numbers and dates), "same_text" (the same distinctive words, for
    technologies) or "similar_text" (85% the same words, for quotes).
    ``text``: the value that holds the compared text, if any.
    ``number_needed_by_both``: a fact with a number never joins one without (a layoff of 300 and "a layoff").
    ``figures``: staff counts have a place in a "from X to Y" change; X and Y are never the same claim.
    ``conflicts``: whether two sources can contradict each other on this kind's number.
    """

    subject: tuple[str, ...]
    compare: str = "number"
    text: str | None = None
    number_needed_by_both: bool = False
    figures: bool = False
    conflicts: bool = False


@dataclass(frozen=True)
class ViewStyle:
    """How the HTML view draws a kind: a node (colour, shape) or an edge between two of its entities.

    Fills are light and never red: a red outline marks a conflicting fact, the one thing meant to stand out."""

    colour: str
    label_en: str
    label_id: str
    shape: str = "box"
    edge: tuple[str, str] | None = None  # value names of the two ends, when drawn as an edge
    label_value: str | None = None  # the value that labels the node or edge instead of the kind's name
    quoted: bool = False  # the label is the first words of a quotation


@dataclass(frozen=True)
class FactKind:
    name: str  # also the ontology class nkg:<name>
    subject: str  # the value naming the entity the fact is about; a fact without it is dropped
    view: ViewStyle
    claim: ClaimRule | None = None  # None: not something sources state as a claim
    extra_classes: tuple[URIRef, ...] = ()
    predicates: dict[str, URIRef] = field(default_factory=dict)  # value name -> predicate, where not nkg:<name>
    shortcut: tuple[str, tuple[str, ...]] | None = None  # (nkg predicate, values, first present): "org nkg:basedIn X"
    numbers: tuple[str, ...] = ()  # the values that hold the fact's headline number, first present wins


KINDS: dict[str, FactKind] = {kind.name: kind for kind in (
    FactKind("PositionHeld", "person", ViewStyle("#555555", "position", "jabatan", edge=("person", "organization"),
                                           label_value="roleLabel"),
             ClaimRule(("person", "role", "organization")), extra_classes=(ORG.Membership,),
             predicates={"organization": ORG.organization}),
    FactKind("Layoff", "organization", ViewStyle("#9c9ede", "Layoff", "PHK"),
             ClaimRule(("organization",), number_needed_by_both=True, conflicts=True), numbers=("employees",)),
    FactKind("Hiring", "organization", ViewStyle("#a1d99b", "Hiring", "Rekrutmen"),
             ClaimRule(("organization",)), numbers=("openings",)),
    FactKind("HiringFreeze", "organization", ViewStyle("#d9d9d9", "Hiring freeze", "Pembekuan rekrutmen"),
             ClaimRule(("organization",))),
    FactKind("StaffCount", "organization", ViewStyle("#dbdb8d", "Staff count", "Jumlah karyawan"),
             ClaimRule(("organization",), number_needed_by_both=True, figures=True, conflicts=True),
             numbers=("value",)),
    FactKind("AIAdoption", "organization", ViewStyle("#17becf", "AI adoption", "Adopsi AI", label_value="technology"),
             ClaimRule(("organization",), compare="same_text", text="technology")),
    FactKind("Quote", "speaker", ViewStyle("#c6dbef", "Quote", "Kutipan", label_value="text", quoted=True),
             ClaimRule(("speaker",), compare="similar_text", text="text"), extra_classes=(SDO.Quotation,)),
    FactKind("PartnershipEnded", "organization", ViewStyle("#bdbdbd", "Partnership ended", "Kerja sama berakhir")),
    FactKind("OrganizationCountry", "organization",
             ViewStyle("#4a9a4a", "based in", "berbasis di", edge=("organization", "country")),
             shortcut=("basedIn", ("country", "countryCode"))),
    FactKind("OrganizationIndustry", "organization", ViewStyle("#e7cb94", "Industry", "Industri", label_value="industry"),
             shortcut=("industry", ("industry",))),
    FactKind("OutcomeMetric", "organization", ViewStyle("#c5b0d5", "Outcome", "Hasil", label_value="metric")),
)}


# The predicate of each value name, where it is not nkg:<name>; a kind may override one (``predicates``).
PREDICATES: dict[str, URIRef] = {
    "person": ORG.member, "role": ORG.role, "text": SDO.text, "quoteStart": NKG.beginIndex,
    "quoteEnd": NKG.endIndex, "countryCode": NKG.country,
}


def predicate(kind_name: str, value_name: str) -> URIRef:
    """The predicate a value of a fact of this kind is written with."""
    override = KINDS[kind_name].predicates.get(value_name)
    return override or PREDICATES.get(value_name) or NKG[value_name]


def kind(name: str) -> FactKind:
    """The record of a kind; an unknown name is a bug in an extractor or a data file."""
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown fact kind {name!r}; known: {', '.join(KINDS)}") from None


CLAIM_KINDS = tuple(name for name, record in KINDS.items() if record.claim is not None)
