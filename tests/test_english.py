"""English articles: the same pipeline with lang/en, and one graph across languages."""
from conftest import build_texts, rows

NORTHWIND_EN = """Northwind Logistics Cuts 900 Jobs as It Bets on AI
Berlin-based Northwind Logistics said on Tuesday it will cut about 900 jobs, roughly 12 percent of its workforce, in 2024.
The German freight company's chief executive, Laura Brenner, told Reuters that the firm now uses an AI chatbot to handle customer queries.
"We have to adapt to a market that is changing faster than ever before," Brenner said.
Northwind's workforce fell from 7,500 to 6,600 employees last year.
The company froze hiring in its sales unit in March 2024.
"""

NORTHWIND_ID = """Northwind Logistics PHK 900 Karyawan
Jakarta, KabarNiaga.id – Perusahaan logistik asal Jerman, Northwind Logistics, memangkas sekitar 900 karyawan pada tahun 2024.
CEO Northwind Logistics, Laura Brenner, mengatakan perusahaan kini menggunakan chatbot AI untuk melayani pelanggan.
"""


def test_language_is_detected_and_recorded():
    from newskg.query.run import run_query

    dataset = build_texts({"en.txt": NORTHWIND_EN, "id.txt": NORTHWIND_ID}).dataset
    answer = run_query(dataset, """PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX nkg: <https://w3id.org/newskg/ontology#>
        SELECT ?file ?lang WHERE { GRAPH ?g { ?a nkg:sourceFile ?file ; dcterms:language ?lang } } ORDER BY ?file""")
    assert [(str(f), str(lang)) for f, lang in answer.rows] == [("en.txt", "en"), ("id.txt", "id")]


def test_english_facts():
    dataset = build_texts({"en.txt": NORTHWIND_EN}).dataset
    assert {(r["name"], r["country"]) for r in rows(dataset, "organizations")} == {("Northwind Logistics", "Germany"),
                                                                                ("Reuters", None)}
    assert {r["name"] for r in rows(dataset, "people")} == {"Laura Brenner"}
    assert {(r["org"], r["employees"], str(r["date"])) for r in rows(dataset, "layoffs")} == {("Northwind Logistics", 900, "2024")}
    assert {(r["org"], r["value"]) for r in rows(dataset, "headcount")} == {("Northwind Logistics", 7500),
                                                                            ("Northwind Logistics", 6600)}
    assert {(r["org"], r["technology"]) for r in rows(dataset, "ai_adoption")} == {("Northwind Logistics", "AI chatbot")}
    quotes = rows(dataset, "quotes")
    assert [(q["person"], q["text"][:20]) for q in quotes] == [("Laura Brenner", "We have to adapt to ")]
    assert {(r["person"], r["org"]) for r in rows(dataset, "roles")} == {("Laura Brenner", "Northwind Logistics")}


def test_one_event_in_two_languages_is_one_claim():
    from importlib import resources

    from newskg.query.run import run_query

    dataset = build_texts({"en.txt": NORTHWIND_EN, "id.txt": NORTHWIND_ID}).dataset
    people = run_query(dataset, "SELECT DISTINCT ?p WHERE { ?p a <https://schema.org/Person> }").rows
    orgs = run_query(dataset, """SELECT DISTINCT ?o WHERE { ?o a <https://schema.org/Organization> ;
        <http://www.w3.org/2000/01/rdf-schema#label> "Northwind Logistics" }""").rows
    assert len(people) == 1 and len(orgs) == 1
    text = resources.files("newskg.queries").joinpath("claims.rq").read_text(encoding="utf-8")
    claims = run_query(dataset, text, params={"entity": "Northwind Logistics"})
    layoff = [dict(zip(claims.columns, row)) for row in claims.rows if str(row[1]) == "Layoff"]
    assert [(int(c["value"]), int(c["sources"])) for c in layoff] == [(900, 2)]


BRIGHTLOOP = """Brightloop Rehires Staff After AI Experiment
San Francisco-based Brightloop is hiring more than 120 customer service agents, chief executive Omar Vance said.
The software company froze hiring in December 2024 and later stopped working with vendors such as Datavane.
Brightloop said its AI assistant handled two-thirds of customer chats and saved $3 million.
All of the new roles are fully remote.
Priya Nandakumar, chief financial officer of Brightloop, said the savings paid for the new team.
"""


def test_english_hiring_freeze_partnership_and_outcomes():
    from newskg.query.run import run_query

    dataset = build_texts({"brightloop.txt": BRIGHTLOOP}).dataset
    assert [(r["org"], r["openings"]) for r in rows(dataset, "hiring")] == [("Brightloop", 120)]
    assert {(r["person"], r["role"], r["org"]) for r in rows(dataset, "roles")} == {
        ("Omar Vance", "chief executive", "Brightloop"), ("Priya Nandakumar", "chief financial officer", "Brightloop")}
    answer = run_query(dataset, """PREFIX nkg: <https://w3id.org/newskg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?kind ?org ?detail WHERE {
          { ?f a nkg:HiringFreeze ; nkg:organization/rdfs:label ?org ; nkg:date ?detail BIND("freeze" AS ?kind) }
          UNION { ?f a nkg:PartnershipEnded ; nkg:organization/rdfs:label ?org ; nkg:partner/rdfs:label ?detail
                  BIND("partner" AS ?kind) }
          UNION { ?f a nkg:Hiring ; nkg:organization/rdfs:label ?org ; nkg:workModel ?detail BIND("remote" AS ?kind) }
          UNION { ?f a nkg:OutcomeMetric ; nkg:organization/rdfs:label ?org ; nkg:currency ?detail BIND("savings" AS ?kind) }
        }""")
    found = {(str(k), str(o), str(d).rsplit("#", 1)[-1]) for k, o, d in answer.rows}
    assert found == {("freeze", "Brightloop", "2024-12"), ("partner", "Brightloop", "Datavane"),
                     ("remote", "Brightloop", "Remote"), ("savings", "Brightloop", "USD")}
