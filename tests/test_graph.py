"""The seeds' graph: provenance, offsets, determinism, independent parsers, the HTML page."""
import re

import pytest

from conftest import SEEDS, build_texts, rows


def test_roles_on_the_seeds(seeds_dataset):
    found = {(r["doc"].rsplit("/", 1)[-1][:3], r["person"], r["role"], r["org"]) for r in rows(seeds_dataset, "roles")}
    for doc in ("000", "001", "002", "003", "004"):
        assert (doc, "Sebastian Siemiatkowski", "CEO", "Klarna") in found
    for doc in ("000", "001"):
        assert (doc, "Marc Benioff", "CEO", "Salesforce") in found


def test_fact_offsets_cut_their_sentence_out_of_the_file(seeds_dataset):
    from newskg.query.run import run_query

    answer = run_query(seeds_dataset, """
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX nkg: <https://w3id.org/newskg/ontology#>
        SELECT ?file ?text ?begin ?end WHERE {
          GRAPH ?doc { ?fact a nkg:Fact ; prov:wasDerivedFrom ?s .
                       ?s nif:anchorOf ?text ; nif:beginIndex ?begin ; nif:endIndex ?end .
                       ?doc nkg:sourceFile ?file } }""")
    assert len(answer.rows) > 50
    for file, text, begin, end in answer.rows:
        raw = (SEEDS / str(file)).read_bytes().decode("utf-8")
        assert raw[int(begin):int(end)] == str(text)


def test_quote_offsets_cut_the_quoted_words(seeds_dataset):
    from newskg.query.run import run_query

    answer = run_query(seeds_dataset, """
        PREFIX nkg: <https://w3id.org/newskg/ontology#>
        PREFIX schema: <https://schema.org/>
        SELECT ?file ?text ?begin ?end WHERE { GRAPH ?doc { ?q a nkg:Quote ; schema:text ?text ;
          nkg:beginIndex ?begin ; nkg:endIndex ?end . ?doc nkg:sourceFile ?file } }""")
    assert len(answer.rows) == 5
    for file, text, begin, end in answer.rows:
        raw = (SEEDS / str(file)).read_text(encoding="utf-8")
        assert raw[int(begin):int(end)].rstrip(",. ") == str(text)


def test_every_article_is_a_named_graph_with_its_metadata(seeds_dataset):
    from newskg.query.run import run_query

    answer = run_query(seeds_dataset, """
        PREFIX schema: <https://schema.org/>
        PREFIX nkg: <https://w3id.org/newskg/ontology#>
        SELECT ?doc ?file ?hash WHERE { GRAPH ?doc { ?doc a schema:NewsArticle ; nkg:sourceFile ?file ;
          nkg:contentHash ?hash } } ORDER BY ?file""")
    assert [str(f) for _, f, _ in answer.rows] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", str(h)) for _, _, h in answer.rows)


def test_rebuild_is_byte_identical(seeds_build, tmp_path):
    from newskg.rdf.outputs import write_outputs
    from newskg.pipeline import build_corpus

    write_outputs(build_corpus([SEEDS]).dataset, tmp_path)
    for name in ("newskg.trig", "newskg.ttl", "newskg.html"):
        assert (tmp_path / name).read_bytes() == (seeds_build[1] / name).read_bytes(), name


@pytest.mark.parametrize("name,fmt", [("newskg.trig", "TRIG"), ("newskg.ttl", "TURTLE")])
def test_outputs_parse_with_rdflib_and_oxigraph(seeds_build, name, fmt):
    import pyoxigraph
    import rdflib

    data = (seeds_build[1] / name).read_bytes()
    ds = rdflib.Dataset()
    ds.parse(data=data, format="trig" if fmt == "TRIG" else "turtle")
    quads = list(pyoxigraph.parse(data, format=getattr(pyoxigraph.RdfFormat, fmt)))
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(ds) == len(triples) == len(seeds_build[0].dataset)


def test_html_view_loads_nothing_over_the_network(seeds_build):
    page = (seeds_build[1] / "newskg.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", page)
    assert not re.search(r"@import\s+url\(\s*[\"']?https?:", page)
    assert "new vis.Network" in page and "Klarna" in page


def test_entities_have_one_iri_across_articles(seeds_dataset):
    from newskg.query.run import run_query

    answer = run_query(seeds_dataset, """
        PREFIX schema: <https://schema.org/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label (COUNT(DISTINCT ?doc) AS ?n) WHERE { GRAPH ?doc { ?doc schema:mentions ?e } ?e rdfs:label ?label }
        GROUP BY ?label""")
    counts = {str(label): int(n) for label, n in answer.rows}
    assert counts["Klarna"] == 5 and counts["Sebastian Siemiatkowski"] == 5 and counts["Salesforce"] == 3


def test_a_bad_article_is_skipped_and_the_rest_is_built(tmp_path):
    from newskg.pipeline import build_corpus

    (tmp_path / "good.txt").write_text("PT Sinar Abadi memangkas 40 karyawan pada Mei 2024.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = build_corpus([tmp_path])
    assert [r.article.doc_id for r in result.articles] == ["good"]
    assert sorted(str(e).rsplit("/", 1)[-1] for e in result.skipped) == \
        ["binary.txt: binary file, not text", "empty.txt: empty file, no article text"]


def test_same_text_twice_is_read_once():
    result = build_texts({"a.txt": "Perusahaan Nusa Data memangkas 25 karyawan.\n",
                          "b.txt": "Perusahaan Nusa Data memangkas 25 karyawan.\n"})
    assert len(result.articles) == 1 and "same text as" in str(result.skipped[0])
