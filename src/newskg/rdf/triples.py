"""Turn an article's sentences, mentions and facts into RDF, one named graph per article.

IRIs are derived from names and positions only (file stem, entity key, fact
kind and number), so the same input always gives the same graph.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from newskg.extract.entities import ArticleEntities, CorpusEntities
from newskg.extract.facts.context import Ref
from newskg.kinds import KINDS, predicate
from newskg.lang import role_labels
from newskg.model import Article, Entity, EntityType, Fact, PartialDate, Precision, Sentence
from newskg.extract.places import country_names
from newskg.rdf.vocab import ENTITIES_GRAPH, ID, ITSRDF, NIF, NKG, PREFIXES, WD, name_key

_TYPES = {
    EntityType.ORGANIZATION: (SDO.Organization, ORG.Organization),
    EntityType.MEDIA: (SDO.NewsMediaOrganization, SDO.Organization, ORG.Organization),
    EntityType.AGENCY: (SDO.GovernmentOrganization, SDO.Organization, ORG.Organization),
    EntityType.UNION: (SDO.WorkersUnion, SDO.Organization, ORG.Organization),
    EntityType.PERSON: (SDO.Person, PROV.Agent),
    EntityType.COUNTRY: (SDO.Country,),
    EntityType.CITY: (SDO.City,),
    EntityType.PRODUCT: (SDO.Product,),
}
_QUALIFIERS = {"approximately": NKG.Approximately, "more_than": NKG.MoreThan, "almost": NKG.Almost,
               "up_to": NKG.UpTo, "at_least": NKG.AtLeast}
_NOT_WRITTEN = {"figureRole"}


class _Terms:
    """Namespace terms looked up once: rdflib builds and validates a new URIRef on every attribute access."""

    def __init__(self, namespace):
        self._namespace = namespace
        self._cache: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self._cache.get(name)
        if term is None:
            term = self._cache[name] = URIRef(str(self._namespace[name]))
        return term

    __getitem__ = __getattr__


_NKG, _NIF, _RDF, _SDO, _PROV, _XSD, _DCT, _ITS, _ORG = (_Terms(ns) for ns in (NKG, NIF, RDF, SDO, PROV, XSD, DCTERMS,
                                                                               ITSRDF, ORG))


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    ds.namespace_manager = NamespaceManager(ds, bind_namespaces="none")  # only our own prefixes in the output
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    return ds


def article_iri(doc_id: str) -> URIRef:
    """An article's IRI: its id percent-encoded, so that any file name gives a valid IRI (ids of plain
    letters, digits, '.', '_', '-' and '~', as the seeds' stems, are left as they are)."""
    return ID[f"article/{iri_segment(doc_id)}"]


def iri_segment(text: str) -> str:
    return quote(text, safe="")


def entity_iri(key: str) -> URIRef:
    return ID[f"entity/{key}"]


def role_iri(role: str) -> URIRef:
    return ID[f"role/{role}"]


def date_literal(value: PartialDate) -> Literal:
    datatype = {Precision.YEAR: XSD.gYear, Precision.MONTH: XSD.gYearMonth, Precision.DAY: XSD.date}[value.precision]
    return Literal(value.iso(), datatype=datatype)


class TripleList(list):
    """Collects triples; has the ``add`` of an rdflib Graph so the writers below serve both."""

    add = list.append


def add_article(ds: Dataset, article: Article, sentences: list[Sentence], found: ArticleEntities,
                facts: list[Fact], corpus: CorpusEntities) -> Graph:
    """Write one article's named graph into ``ds``."""
    graph = ds.graph(article_iri(article.doc_id))
    for triple in article_triples(article, sentences, found, facts, corpus):
        graph.add(triple)
    return graph


def article_triples(article: Article, sentences: list[Sentence], found: ArticleEntities, facts: list[Fact],
                    corpus: CorpusEntities) -> TripleList:
    """One article's named graph as triples: article, sentences, mentions, facts."""
    iri = article_iri(article.doc_id)
    graph = TripleList()
    _describe_article(graph, iri, article, found, corpus)
    sentence_iris = [_add_sentence(graph, iri, s) for s in sentences]
    for n, mention in enumerate(found.mentions):
        entity = entity_iri(corpus.key_of[(article.doc_id, found.mention_entity[n])])
        node = URIRef(f"{iri}/mention/{n}")
        graph.add((node, _RDF.type, _NKG.Mention))
        graph.add((node, _NIF.anchorOf, Literal(mention.text)))
        graph.add((node, _NIF.beginIndex, Literal(mention.start, datatype=_XSD.integer)))
        graph.add((node, _NIF.endIndex, Literal(mention.end, datatype=_XSD.integer)))
        graph.add((node, _NIF.sentence, sentence_iris[mention.sentence]))
        graph.add((node, _ITS.taIdentRef, entity))
        graph.add((iri, _SDO.mentions, entity))
    _add_facts(graph, article.doc_id, facts, sentence_iris, corpus)
    return graph


def _describe_article(graph: Graph, iri: URIRef, article: Article, found: ArticleEntities,
                      corpus: CorpusEntities) -> None:
    graph.add((iri, _RDF.type, _SDO.NewsArticle))
    graph.add((iri, _RDF.type, _PROV.Entity))
    graph.add((iri, _NKG.sourceFile, Literal(article.source)))
    graph.add((iri, _NKG.contentHash, Literal(f"sha256:{article.sha256}")))
    graph.add((iri, _DCT.language, Literal(article.language)))
    if article.title:
        graph.add((iri, _SDO.headline, Literal(article.title.text)))
    if article.published:
        graph.add((iri, _SDO.datePublished, date_literal(article.published)))
        graph.add((iri, _NKG.publishedBasis, Literal(article.published_basis)))
    outlet = found.outlet_index
    if outlet is not None:
        graph.add((iri, _SDO.publisher, entity_iri(corpus.key_of[(article.doc_id, outlet)])))


def _add_sentence(graph: Graph, article: URIRef, sentence: Sentence) -> URIRef:
    node = URIRef(f"{article}/sentence/{sentence.index}")
    graph.add((node, _RDF.type, _NIF.Sentence))
    graph.add((node, _NIF.anchorOf, Literal(sentence.text)))
    graph.add((node, _NIF.beginIndex, Literal(sentence.start, datatype=_XSD.integer)))
    graph.add((node, _NIF.endIndex, Literal(sentence.end, datatype=_XSD.integer)))
    graph.add((node, _NKG.sentenceIndex, Literal(sentence.index, datatype=_XSD.integer)))
    graph.add((node, _DCT.isPartOf, article))
    if sentence.is_heading:
        graph.add((node, _NKG.isHeading, Literal(True)))
    return node


@lru_cache(maxsize=None)
def _predicate(kind_name: str, value_name: str) -> URIRef:
    """The kind table's predicate (an undeclared nkg: term fails here, once per name)."""
    return URIRef(str(predicate(kind_name, value_name)))


def fact_iri(doc_id: str, kind: str, number: int) -> URIRef:
    return ID[f"fact/{iri_segment(doc_id)}/{kind.lower()}-{number}"]


def fact_iris(doc_id: str, facts: list[Fact]) -> list[URIRef]:
    """The IRI of each fact: its kind and its number among the article's facts of that kind."""
    numbers: dict[str, int] = {}
    iris = []
    for fact in facts:
        numbers[fact.kind] = numbers.get(fact.kind, 0) + 1
        iris.append(fact_iri(doc_id, fact.kind, numbers[fact.kind]))
    return iris


def _add_facts(graph: Graph, doc_id: str, facts: list[Fact], sentence_iris: list[URIRef],
               corpus: CorpusEntities) -> None:
    figures: dict[tuple[int, str], URIRef] = {}
    for fact, node in zip(facts, fact_iris(doc_id, facts)):
        record = KINDS[fact.kind]
        graph.add((node, _RDF.type, _NKG[fact.kind]))
        graph.add((node, _RDF.type, _NKG.Fact))  # so "all facts" needs no reasoner
        for extra in record.extra_classes:
            graph.add((node, _RDF.type, extra))
        graph.add((node, _PROV.wasDerivedFrom, sentence_iris[fact.sentence]))
        graph.add((node, _NKG.extractionRule, Literal(fact.rule)))
        for name, value in fact.values:
            if name not in _NOT_WRITTEN:
                graph.add((node, _predicate(fact.kind, name), _term(name, value, doc_id, corpus)))
        if record.claim is not None and record.claim.figures:
            _link_figures(graph, fact, node, figures)
        if record.shortcut is not None:
            _shortcut(graph, fact, record.shortcut, doc_id, corpus)


def _link_figures(graph: Graph, fact: Fact, node: URIRef, figures: dict[tuple[int, str], URIRef]) -> None:
    """'dari 9.000 menjadi 5.000' or 'menjadi 3.800 dari 5.000': the later figure points at the earlier one."""
    if fact.get("figureRole") not in ("before", "after"):
        return
    role = fact.get("figureRole")
    figures[(fact.sentence, role)] = node
    other = figures.get((fact.sentence, "before" if role == "after" else "after"))
    if other is not None:
        after, before = (node, other) if role == "after" else (other, node)
        graph.add((after, _NKG.changedFrom, before))


def _shortcut(graph: Graph, fact: Fact, shortcut: tuple[str, tuple[str, ...]], doc_id: str,
              corpus: CorpusEntities) -> None:
    """A direct statement beside the fact node for common questions: 'org nkg:basedIn country'."""
    predicate_name, value_names = shortcut
    name = next((n for n in value_names if fact.get(n) is not None), None)
    if name is not None:
        subject = _term(KINDS[fact.kind].subject, fact.get(KINDS[fact.kind].subject), doc_id, corpus)
        graph.add((subject, _NKG[predicate_name], _term(name, fact.get(name), doc_id, corpus)))


def decimal_literal(value: float) -> Literal:
    """xsd:decimal in the lexical form Oxigraph also writes ("2000000", "0.6667"), so stores round-trip."""
    text = format(Decimal(str(round(value, 4))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text, datatype=XSD.decimal)


def _term(name: str, value: object, doc_id: str, corpus: CorpusEntities):
    if isinstance(value, Ref):
        return entity_iri(corpus.key_of[(doc_id, value.index)])
    if isinstance(value, PartialDate):
        return date_literal(value)
    if name == "qualifier":
        return _QUALIFIERS[value]
    if name == "workModel":
        return _NKG.Remote
    if name == "role":
        return role_iri(value)
    if name == "countryCode":
        return entity_iri(f"country/{value}")
    if name in ("quoteStart", "quoteEnd"):
        return Literal(value, datatype=_XSD.integer)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=_XSD.integer)
    if isinstance(value, float):
        return decimal_literal(value)
    return Literal(str(value))


def add_entities(ds: Dataset, corpus: CorpusEntities, roles_used: set[str],
                 extra_countries: set[str] = frozenset()) -> Graph:
    """Write the corpus-wide graph of entities into ``ds``."""
    graph = ds.graph(ENTITIES_GRAPH)
    for triple in entity_triples(corpus, roles_used, extra_countries):
        graph.add(triple)
    return graph


def entity_triples(corpus: CorpusEntities, roles_used: set[str],
                   extra_countries: set[str] = frozenset()) -> TripleList:
    """The corpus-wide graph of entities (types, names, links), the roles used, and countries facts name."""
    graph = TripleList()
    entities = dict(corpus.entities)
    for code in extra_countries:
        entities.setdefault(f"country/{code}", bare_country(code))
    for _, entity in sorted(entities.items()):
        graph.extend(one_entity_triples(entity))
    graph.extend(constant_triples())
    for role in sorted(roles_used):
        graph.extend(role_triples(role))
    return graph


def bare_country(code: str) -> Entity:
    """A country that a fact names (an organisation's base) but no sentence mentions as an entity."""
    return Entity(f"country/{code}", EntityType.COUNTRY, code, (), None, code)


def one_entity_triples(entity: Entity) -> TripleList:
    graph = TripleList()
    node = entity_iri(entity.key)
    for cls in _TYPES[entity.type]:
        graph.add((node, RDF.type, cls))
    if entity.type is EntityType.COUNTRY:
        english, indonesian = country_names(entity.country_code)
        graph.add((node, RDFS.label, Literal(english)))
        graph.add((node, SKOS.prefLabel, Literal(english, lang="en")))
        graph.add((node, SKOS.prefLabel, Literal(indonesian, lang="id")))
        graph.add((node, SDO.identifier, Literal(entity.country_code)))
    else:
        graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    names = {entity.label, *entity.aliases} | (set(country_names(entity.country_code))
                                                if entity.type is EntityType.COUNTRY else set())
    for key in sorted({name_key(n) for n in names}):
        graph.add((node, NKG.nameKey, Literal(key)))
    if entity.wikidata:
        graph.add((node, OWL.sameAs, WD[entity.wikidata]))
    if entity.country_code and entity.type is EntityType.CITY:
        graph.add((node, SDO.containedInPlace, entity_iri(f"country/{entity.country_code}")))
    return graph


def constant_triples() -> TripleList:
    """The individuals facts point at, whatever the articles say."""
    graph = TripleList()
    graph.add((NKG.Remote, RDF.type, NKG.WorkModel))
    return graph


def role_triples(role: str) -> TripleList:
    graph = TripleList()
    node = role_iri(role)
    english, indonesian = role_labels(role)
    graph.add((node, RDF.type, ORG.Role))
    graph.add((node, RDFS.label, Literal(english)))
    graph.add((node, SKOS.prefLabel, Literal(english, lang="en")))
    graph.add((node, SKOS.prefLabel, Literal(indonesian, lang="id")))
    return graph
