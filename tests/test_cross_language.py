"""Reports in two languages land on the same nodes: one company, and a conflict when their numbers disagree."""
from conftest import build_texts, rows

ENGLISH = """Ardent Motors to cut 9,000 jobs
2025-03-14

DETROIT - Ardent Motors will cut 9,000 jobs, the carmaker said on Thursday, as demand for its sedans slows.
"""
INDONESIAN = """Ardent Motors memangkas 11.000 karyawan
2025-03-14

Detroit - Produsen mobil Ardent Motors memangkas 11.000 karyawan pada Kamis (13/3/2025) karena permintaan melemah.
"""


def test_the_same_layoff_reported_with_two_sizes_on_the_same_day_is_a_conflict():
    from importlib import resources

    from newskg.query.run import run_query

    dataset = build_texts({"en.txt": ENGLISH, "id.txt": INDONESIAN}).dataset
    layoffs = {(r["org"], r["employees"], str(r["date"])) for r in rows(dataset, "layoffs")}
    assert layoffs == {("Ardent Motors", 9000, "2025-03-13"), ("Ardent Motors", 11000, "2025-03-13")}
    text = resources.files("newskg.queries").joinpath("conflicts.rq").read_text(encoding="utf-8")
    conflicts = [dict(zip(a.columns, row)) for a in [run_query(dataset, text)] for row in a.rows]
    assert [(str(c["about"]), int(c["valueA"]), int(c["valueB"])) for c in conflicts] == [("Ardent Motors", 9000, 11000)]


def test_a_city_at_the_head_of_a_dateline_is_a_place_not_the_publisher():
    """'DETROIT - ...': an all-caps city is where the story was filed; 'Jakarta, KABARLOKA - ...' names an outlet."""
    from rdflib.namespace import RDFS, SDO

    dataset = build_texts({"en.txt": ENGLISH}).dataset
    assert list(dataset.objects(None, SDO.publisher)) == []
    outlet = ("Pabrik Ditutup\n\nJakarta, KABARLOKA - Perusahaan Sinar Tekstil merumahkan 300 karyawan pada "
              "Mei 2025 karena pesanan turun.\n")
    dataset = build_texts({"id.txt": outlet}).dataset
    publishers = [str(dataset.value(p, RDFS.label)) for p in dataset.objects(None, SDO.publisher)]
    assert publishers == ["KABARLOKA"]
