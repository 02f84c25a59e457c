"""Queries on a store: the ORDER BY that newskg does in Python gives Oxigraph's order, and only the
queries it can sort exactly are taken over."""
import pytest
from rdflib import BNode, Literal, URIRef

from conftest import QUERIES, SEEDS
from newskg.query.run import run_store_query
from newskg.query.text import split_order
from newskg.query.store_answers import select_rows, sort_rows

LIBRARY = QUERIES.parent / "src" / "newskg" / "queries"


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    from newskg.store.oxigraph import PersistentStore

    store = PersistentStore(tmp_path_factory.mktemp("ordered") / "kg")
    store.update([SEEDS])
    return store.store


ORDERED = sorted((QUERIES / "cq").glob("cq_*.rq")) + [QUERIES / "facts_with_sentences.rq", LIBRARY / "timeline.rq",
                                                     LIBRARY / "conflicts.rq"]


@pytest.mark.parametrize("path", ORDERED, ids=lambda p: p.stem)
def test_rows_sorted_in_python_come_in_oxigraphs_order(seeds_store, path):
    """Oxigraph sorting by the same conditions, ties broken by the other columns, gives the same rows."""
    text = path.read_text(encoding="utf-8")
    params = {"entity": "Klarna"} if "?entityKey" in text else None
    ours = run_store_query(seeds_store, text, params=params)
    split = split_order(text)
    assert split is not None, "every ORDER BY of our queries is one Python sorts"
    plain = {c.variable for c in split.conditions if not c.function}
    ties = " ".join(f"?{column}" for column in ours.columns if column not in plain)
    from newskg.query.run import bind_parameters, row_by_row

    by_oxigraph = bind_parameters(row_by_row(text) if params else text, params).rstrip() + f" {ties}\n"
    columns, rows = select_rows(seeds_store.query(by_oxigraph, use_default_graph_as_union=True))
    assert (ours.columns, ours.rows) == (columns, rows)
    assert len(rows) > 1


def test_sparql_order_of_terms():
    """Unbound first, then blank nodes, IRIs, literals (numbers by value, before strings, as Oxigraph
    orders them); DESC(BOUND) puts bound first."""
    split = split_order("SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY DESC(BOUND(?b)) ?b ?a")
    rows = [[URIRef("http://x/2"), None], [URIRef("http://x/1"), Literal(10)], [URIRef("http://x/1"), Literal(2)],
            [URIRef("http://x/3"), Literal("apple")], [URIRef("http://x/4"), URIRef("http://x/b")],
            [URIRef("http://x/5"), BNode("z")], [URIRef("http://x/0"), None]]
    columns, ordered = sort_rows(split, ["a", "b"], rows)
    assert columns == ["a", "b"]
    assert [row[1] for row in ordered] == [BNode("z"), URIRef("http://x/b"), Literal(2), Literal(10),
                                           Literal("apple"), None, None]
    assert [str(row[0]) for row in ordered[-2:]] == ["http://x/0", "http://x/2"]  # ties: by the other column


def test_descending_values_and_text_of_terms():
    from rdflib.namespace import XSD  # not at module level: pytest's collection probes module attributes

    split = split_order("SELECT ?a WHERE { ?a ?p ?o } ORDER BY DESC(?a)")
    dates = [Literal("2024-05-01", datatype=XSD.date), Literal("2025-01-31", datatype=XSD.date)]
    assert [r[0] for r in sort_rows(split, ["a"], [[d] for d in dates])[1]] == dates[::-1]
    split = split_order("SELECT ?a WHERE { ?a ?p ?o } ORDER BY STR(?a)")
    mixed = [[Literal("b")], [URIRef("http://a")], [Literal("a")]]
    assert sort_rows(split, ["a"], mixed)[1] == [[Literal("a")], [Literal("b")], [URIRef("http://a")]]


def test_a_variable_only_ordered_by_is_added_for_sorting_and_dropped_after():
    split = split_order("SELECT ?a WHERE { ?a ?p ?n } ORDER BY ?n")
    assert split.added == ("n",) and "SELECT ?a ?n WHERE" in split.text and "ORDER" not in split.text
    columns, rows = sort_rows(split, ["a", "n"], [[Literal("x"), Literal(3)], [Literal("y"), Literal(1)]])
    assert (columns, rows) == (["a"], [[Literal("y")], [Literal("x")]])


@pytest.mark.parametrize("text", [
    "SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a LIMIT 5",  # the first rows of an order: the engine's job
    "SELECT DISTINCT ?a WHERE { ?a ?p ?o } ORDER BY ?o",  # one more column would change DISTINCT rows
    "SELECT (COUNT(?a) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?p ORDER BY ?n",
    "SELECT ?a WHERE { ?a ?p ?o } ORDER BY (?o + 1)",  # an expression we do not evaluate
    "ASK { ?a ?p ?o }",
    "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a } }",  # a sub-query's ORDER BY
])
def test_what_python_cannot_sort_exactly_is_left_to_oxigraph(text):
    assert split_order(text) is None


def test_distinct_rows_dropped_in_python_are_oxigraphs_distinct_rows(seeds_store):
    """A DISTINCT taken out with the ORDER BY: each article once, in order, as Oxigraph answers it."""
    text = "SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?doc a <https://schema.org/NewsArticle> . ?s ?p ?o } } " \
           "ORDER BY DESC(?doc)"
    split = split_order(text)
    assert split.distinct and "DISTINCT" not in split.text
    ours = run_store_query(seeds_store, text)
    assert ours.rows == select_rows(seeds_store.query(text))[1]
    assert len(ours.rows) == len({row[0] for row in ours.rows}) == len(list(SEEDS.glob("*.txt")))


def test_order_words_in_strings_and_comments_are_not_clauses():
    split = split_order('SELECT ?a WHERE { ?a ?p "} ORDER BY ?x" } # ORDER BY ?y\nORDER BY ?a')
    assert split.conditions[0].variable == "a" and '"} ORDER BY ?x"' in split.text


def test_ask_on_a_store_answers_true_or_false(seeds_store):
    assert run_store_query(seeds_store, "ASK { ?s a <https://schema.org/NewsArticle> }").boolean is True
    assert run_store_query(seeds_store, "ASK { ?s a <urn:nothing> }").boolean is False


def test_a_query_sorted_in_python_still_reports_engine_errors(seeds_store):
    from newskg.errors import QueryError

    with pytest.raises(QueryError, match="SPARQL syntax error at line"):
        run_store_query(seeds_store, "SELECT ?a WHERE {\n ?a ?p } ORDER BY ?a")


def test_terms_of_every_kind_sort_as_oxigraph_sorts_them():
    import pyoxigraph

    values = ('"apple" 10 2 -1.5 true "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> "2023"^^'
              '<http://www.w3.org/2001/XMLSchema#gYear> "b"@en "a"@en "zz"^^<http://x/t> <http://i> <http://h> UNDEF')
    text = f"SELECT ?a WHERE {{ VALUES ?a {{ {values} }} }} ORDER BY ?a"
    store = pyoxigraph.Store()
    assert run_store_query(store, text).rows == select_rows(store.query(text))[1]
