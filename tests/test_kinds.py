"""The table of fact kinds: it matches the ontology, and every kind written into a graph is drawn in the view."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, RDFS

from newskg.kinds import KINDS, predicate
from newskg.rdf.vocab import NKG

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "newskg.ttl"


def test_the_kinds_table_is_the_set_of_fact_classes_of_the_ontology():
    ontology = Graph().parse(ONTOLOGY)
    classes = {str(c).split("#")[-1] for c in ontology.subjects(RDFS.subClassOf, NKG.Fact)}
    assert classes == set(KINDS)


def test_every_value_a_kind_names_is_a_declared_predicate():
    """Subjects, edge ends, labels and numbers of each kind are written with terms the ontology declares."""
    for name, record in KINDS.items():
        names = {record.subject, *record.numbers, *(record.view.edge or ()), record.view.label_value}
        names |= set(record.claim.subject) if record.claim else set()
        for value in names - {None}:
            assert predicate(name, value) is not None


def test_every_kind_in_the_seeds_graph_is_drawn_as_a_node_or_an_edge(seeds_build):
    """A kind missing from the view used to vanish from the page without a word."""
    from rdflib.namespace import RDF

    from newskg.view.page import build_network

    result, _ = seeds_build
    network = build_network(result.dataset)
    drawn_nodes = {data["kind"] for _, data in network.nodes(data=True)}
    for name, record in KINDS.items():
        facts = set(result.dataset.subjects(RDF.type, NKG[name]))
        if not facts:
            continue
        if record.view.edge is None:
            assert name in drawn_nodes, name
            continue
        for fact in facts:
            ends = [str(result.dataset.value(fact, predicate(name, value))) for value in record.view.edge]
            assert network.has_edge(*ends), (name, ends)


def test_organisation_facts_that_were_invisible_are_now_nodes(seeds_build):
    from newskg.view.page import build_network

    network = build_network(seeds_build[0].dataset)
    kinds = {data["kind"] for _, data in network.nodes(data=True)}
    written = {fact.kind for article in seeds_build[0].articles for fact in article.facts}
    assert {"OutcomeMetric", "OrganizationIndustry"} & written <= kinds


def test_every_kind_has_an_extractor_and_each_extractor_makes_only_the_kinds_it_declares(seeds_build):
    from newskg.extract.facts import EXTRACTORS, ArticleContext
    from newskg.lang import load_language

    declared = [kind for kinds in EXTRACTORS.values() for kind in kinds]
    assert sorted(declared) == sorted(KINDS)  # each kind once
    for result in seeds_build[0].articles:
        ctx = ArticleContext(result.article, result.sentences, result.entities, load_language(result.article.language))
        for extractor, kinds in EXTRACTORS.items():
            made = extractor(ctx) if extractor.__name__ not in ("extract_layoffs", "extract_hiring") \
                else extractor(ctx, set())
            facts = made[0] if isinstance(made, tuple) else made
            assert {fact.kind for fact in facts} <= set(kinds), extractor.__name__
