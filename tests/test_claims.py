"""Corroboration and contradiction across articles written for the tests, and on the seeds."""
from conftest import build_texts


def _articles(*lines: str) -> dict[str, str]:
    return {f"a{i}.txt": f"Berita Nomor {i} Tentang Perusahaan\n{line}\n" for i, line in enumerate(lines)}


def _report(dataset, name, entity=None):
    from importlib import resources

    from newskg.query.run import run_query

    text = resources.files("newskg.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
    answer = run_query(dataset, text, params={"entity": entity} if entity else None)
    return [dict(zip(answer.columns, (None if v is None else v.toPython() for v in row))) for row in answer.rows]


def test_agreeing_sources_make_one_claim_and_no_conflict():
    result = build_texts(_articles(
        "Perusahaan Zentara memangkas sekitar 1.200 karyawan pada tahun 2024.",
        "Zentara, perusahaan perangkat lunak asal Jerman, memangkas 1.200 karyawan pada 2024.",
    ))
    claims = [c for c in _report(result.dataset, "claims", "Zentara") if c["kind"] == "Layoff"]
    assert [(c["value"], str(c["date"]), c["sources"]) for c in claims] == [(1200, "2024", 2)]
    assert _report(result.dataset, "conflicts") == []


def test_compatible_approximations_are_not_conflicts():
    result = build_texts(_articles(
        "Startup Korvana memiliki lebih dari 500 karyawan pada 2023.",
        "Startup Korvana memiliki 520 karyawan pada 2023.",
        "Startup Korvana memiliki hampir 530 karyawan pada 2023.",
    ))
    assert _report(result.dataset, "conflicts") == []
    counts = [c for c in _report(result.dataset, "claims") if c["kind"] == "StaffCount"]
    assert [c["sources"] for c in counts] == [3]


def test_true_conflicts_are_flagged_with_both_sides():
    result = build_texts(_articles(
        "Startup Korvana memiliki 3.000 karyawan pada 2023.",
        "Startup Korvana memiliki 4.500 karyawan pada 2023.",
        "Perusahaan Merapi Logistik memangkas 300 karyawan pada Mei 2024.",
        "Perusahaan Merapi Logistik memangkas 800 karyawan pada Mei 2024.",
        "Perusahaan Tirta Data memangkas 250 karyawan pada 2023.",
        "Perusahaan Tirta Data memangkas 250 karyawan pada 2021.",
    ))
    found = {(c["about"], c["kind"], c["type"], c["valueA"], c["valueB"]) for c in _report(result.dataset, "conflicts")}
    assert found == {("Korvana", "StaffCount", "value", 3000, 4500), ("Merapi Logistik", "Layoff", "value", 300, 800),
                     ("Tirta Data", "Layoff", "date", 250, 250)}
    sides = _report(result.dataset, "conflicts", "Korvana")[0]
    assert "3.000 karyawan" in sides["sentenceA"] and "4.500 karyawan" in sides["sentenceB"]


def test_seeds_conflicts_claims_and_timeline(seeds_dataset):
    conflicts = _report(seeds_dataset, "conflicts", "Klarna")
    assert {c["kind"] for c in conflicts} == {"StaffCount"}
    values = {(c["valueA"], c["valueB"]) for c in conflicts}
    assert {(3800, 2000), (5000, 3800)} <= values and all(c["sentenceA"] and c["sentenceB"] for c in conflicts)
    layoffs = {(c["about"], c["value"]): c["sources"] for c in _report(seeds_dataset, "claims") if c["kind"] == "Layoff"}
    assert layoffs[("Salesforce", 4000)] == 2 and layoffs[("Klarna", 1200)] == 2
    timeline = _report(seeds_dataset, "timeline", "Klarna")
    dates = [str(row["date"]) for row in timeline]
    assert dates == sorted(dates) and dates[0].startswith("2024")
    assert {"Layoff", "HiringFreeze", "Hiring", "AIAdoption"} <= {row["kind"] for row in timeline}


def test_claims_are_deterministic():
    from newskg.rdf.serialize import turtle_body
    from newskg.rdf.vocab import CLAIMS_GRAPH

    texts = _articles("Startup Korvana memiliki 3.000 karyawan pada 2023.", "Startup Korvana memiliki 4.500 karyawan pada 2023.")
    first = turtle_body(build_texts(texts).dataset.graph(CLAIMS_GRAPH))
    second = turtle_body(build_texts(texts).dataset.graph(CLAIMS_GRAPH))
    assert first == second and "conflict/" in first


def test_copies_of_one_story_are_one_source_and_never_conflict():
    """Statements from two articles that tell the same story (nkg:sameStoryAs) count once and cannot contradict."""
    from rdflib import URIRef

    from newskg.rdf.claims import Statement, find_conflicts, group_claims

    def statement(doc: str, month: str, story: str | None) -> Statement:
        base = f"https://w3id.org/newskg/id/article/{doc}"
        return Statement(fact=URIRef(f"{base}/fact/layoff-1"), doc=URIRef(base), kind="Layoff",
                         subject="https://w3id.org/newskg/id/entity/org/sentosa-farma", number=500.0,
                         date=month, outlet=URIRef(f"https://w3id.org/newskg/id/entity/org/outlet-{doc}"),
                         story=URIRef(f"https://w3id.org/newskg/id/article/{story}") if story else None)

    copies = [statement("story", "2025-03", "story"), statement("story-html", "2025-03", "story")]
    claim, = group_claims(copies)
    assert len(claim.sources) == 1 and len(claim.outlets) == 2
    redated = [statement("story", "2025-03", "story"), statement("story-html", "2025-06", "story")]
    assert find_conflicts(redated) == []
    independent = [statement("story", "2025-03", None), statement("other", "2025-06", None)]
    assert [c.reason for c in find_conflicts(independent)] == ["date"]
