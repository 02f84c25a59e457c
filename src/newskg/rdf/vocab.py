"""RDF namespaces. ``NKG`` mirrors ``ontology/newskg.ttl`` (a test keeps them equal);
``_fail = True`` makes a misspelt term an error instead of a new IRI."""
from __future__ import annotations

import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/newskg/"
ID = Namespace(BASE + "id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")
ENTITIES_GRAPH = ID["graph/entities"]
CLAIMS_GRAPH = ID["graph/claims"]


class NKG(DefinedNamespace):
    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Fact: URIRef
    Layoff: URIRef
    Hiring: URIRef
    HiringFreeze: URIRef
    StaffCount: URIRef
    AIAdoption: URIRef
    PartnershipEnded: URIRef
    OrganizationCountry: URIRef
    OrganizationIndustry: URIRef
    OutcomeMetric: URIRef
    Claim: URIRef
    Conflict: URIRef
    PositionHeld: URIRef
    Quote: URIRef
    Mention: URIRef
    Qualifier: URIRef
    WorkModel: URIRef
    # individuals
    Remote: URIRef
    Approximately: URIRef
    MoreThan: URIRef
    Almost: URIRef
    UpTo: URIRef
    AtLeast: URIRef
    # properties
    organization: URIRef
    employees: URIRef
    openings: URIRef
    value: URIRef
    qualifier: URIRef
    percentage: URIRef
    percentChange: URIRef
    changedFrom: URIRef
    date: URIRef
    division: URIRef
    reason: URIRef
    cancelled: URIRef
    jobRole: URIRef
    targetGroup: URIRef
    workModel: URIRef
    rehiring: URIRef
    technology: URIRef
    purpose: URIRef
    replacedWorkers: URIRef
    partner: URIRef
    country: URIRef
    basedIn: URIRef
    industry: URIRef
    speaker: URIRef
    givenTo: URIRef
    roleLabel: URIRef
    extractionRule: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    sourceFile: URIRef
    nameKey: URIRef
    contentHash: URIRef
    publishedBasis: URIRef
    sentenceIndex: URIRef
    isHeading: URIRef
    metric: URIRef
    amount: URIRef
    currency: URIRef
    valueBefore: URIRef
    valueAfter: URIRef
    unit: URIRef
    share: URIRef
    claimKind: URIRef
    about: URIRef
    statedIn: URIRef
    sourceOutlet: URIRef
    sourceCount: URIRef
    sameStoryAs: URIRef
    conflictType: URIRef
    between: URIRef
    conflictsWith: URIRef
    claimValue: URIRef


PREFIXES = {
    "nkg": NKG._NS, "id": ID, "prov": PROV, "org": ORG, "schema": SDO, "nif": NIF, "itsrdf": ITSRDF,
    "rdfs": RDFS, "rdf": RDF, "owl": OWL, "xsd": XSD, "skos": SKOS, "dcterms": DCTERMS, "wd": WD,
}


def name_key(name: str) -> str:
    """How a name is looked up (``nkg:nameKey``): case-folded, accents dropped, single spaces, so that
    "citroen" finds "Citroën" and the other way round."""
    decomposed = unicodedata.normalize("NFKD", str(name).casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
