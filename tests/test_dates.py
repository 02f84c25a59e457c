"""Dates in news text, resolved against the publication date, with their precision."""
import pytest

from newskg.extract.dates import find_dates, parse_absolute
from newskg.lang import load_language
from newskg.model import PartialDate

PUBLISHED = PartialDate(2025, 8, 24)
ID = load_language("id")

CASES = [  # text, expected ISO value
    ("pada tahun 2024", "2024"),
    ("Pada 2021 lalu", "2021"),
    ("awal September 2025", "2025-09"),
    ("akhir Maret 2023", "2023-03"),
    ("Desember 2024", "2024-12"),
    ("Mei 2025", "2025-05"),
    ("bulan Juni 2022", "2022-06"),
    ("16 September 2025", "2025-09-16"),
    ("Selasa, 16 September 2025", "2025-09-16"),
    ("Jumat, Desember 5, 2025", "2025-12-05"),
    ("Minggu, 24 Agu 2025", "2025-08-24"),
    ("3 Okt 2024", "2024-10-03"),
    ("Senin (22/9/2025)", "2025-09-22"),
    ("Kamis (27/4/2023)", "2023-04-27"),
    ("tahun lalu", "2024"),
    ("tahun ini", "2025"),
    ("Juli lalu", "2025-07"),
    ("Agustus ini", "2025-08"),
    ("Oktober lalu", "2024-10"),
    ("bulan Februari silam", "2025-02"),
    ("pada 28 Maret", "2025-03-28"),
    ("KAMIS, 21 AGUSTUS 2025", "2025-08-21"),
    ("pertengahan 2019", "2019"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_date_expression(text, expected):
    found = find_dates(text, PUBLISHED, ID)
    assert [d.value.iso() for d in found] == [expected]
    assert all(text[d.start:d.end] == d.text for d in found)


def test_relative_dates_need_a_publication_date():
    assert find_dates("tahun lalu", None, ID) == []
    assert find_dates("Juli lalu", None, ID) == []


def test_precision_is_kept():
    assert parse_absolute("Desember 2024", "id").precision.value == "month"
    assert parse_absolute("2024", "id", precision_hint="year").precision.value == "year"
    assert parse_absolute("16 September 2025", "id").precision.value == "day"


def test_numbers_that_are_not_years_are_not_dates():
    assert find_dates("memangkas 1.200 karyawan dan 2.024 pekerja", PUBLISHED, ID) == []


EN_PUBLISHED = PartialDate(2025, 3, 19)  # a Wednesday

EN_CASES = [  # English relative dates and fiscal quarters, against a publication day
    ("the lender said on Thursday", "2025-03-13"),
    ("announced Wednesday", "2025-03-19"),
    ("cut jobs last week", "2025-03"),
    ("earlier this month", "2025-03"),
    ("last month", "2025-02"),
    ("in Q1 of fiscal 2026", "2026"),
    ("the third quarter of 2024", "2024"),
    ("published 2025-03-07 in", "2025-03-07"),
]


@pytest.mark.parametrize("text,expected", EN_CASES)
def test_english_relative_dates(text, expected):
    from newskg.lang import load_language

    found = find_dates(text, EN_PUBLISHED, load_language("en"))
    assert [d.value.iso() for d in found] == [expected]


@pytest.mark.parametrize("text,expected", [("pada Kamis", "2025-08-21"), ("pekan lalu", "2025-08"),
                                           ("bulan lalu", "2025-07"), ("kuartal III 2024", "2024"),
                                           ("minggu lalu", "2025-08")])
def test_indonesian_relative_days_and_quarters(text, expected):
    assert [d.value.iso() for d in find_dates(text, PUBLISHED, ID)] == [expected]


def test_weekdays_need_a_publication_day_and_a_capital():
    assert find_dates("on Thursday", PartialDate(2025, 3), ID) == []
    assert find_dates("dua minggu", PUBLISHED, ID) == []


@pytest.mark.parametrize("published,text,expected", [
    (PartialDate(2024, 11, 2), "the insurer said in October that", "2024-10"),
    (PartialDate(2024, 11, 2), "staff were told in March.", "2024-03"),
    (PartialDate(2025, 1, 10), "the bank said in October that", "2024-10"),
    (PartialDate(2024, 12, 1), "the plant will close in February", "2025-02"),
])
def test_bare_english_month_is_the_one_around_publication(published, text, expected):
    from newskg.lang import load_language

    assert [d.value.iso() for d in find_dates(text, published, load_language("en"))] == [expected]


def test_bare_month_needs_a_capital_and_a_publication_date():
    from newskg.lang import load_language

    en = load_language("en")
    assert find_dates("prices may rise in may", PartialDate(2024, 11, 2), en) == []
    assert find_dates("the insurer said in October", None, en) == []


@pytest.mark.parametrize("text,expected", [("pada Rabu (20/8), pabrik", "2025-08-20"), ("pada bulan Maret", "2025-03"),
                                           ("Selasa (30/12)", "2024-12-30")])
def test_indonesian_day_and_month_without_year(text, expected):
    assert [d.value.iso() for d in find_dates(text, PUBLISHED, ID)] == [expected]


# ---------------------------------------------------------------- an undated article: its latest year stands in

def test_undated_article_counts_from_the_latest_year_it_states():
    from newskg.extract.dates import reference_year

    en = load_language("en")
    text = ("Harlow Pumps reported revenue for 2023. It aims to double sales by 2031 and expects a charge in "
            "fiscal 2026. On Tuesday it said it had cut 90 jobs in March.")
    assert reference_year(text, en) == PartialDate(2023)
    later = [d.value.iso() for d in find_dates("On Tuesday it cut 90 jobs in March, and more this year.",
                                               reference_year(text, en), en)]
    assert later == ["2023", "2023-03", "2023"]
    assert reference_year("Tidak ada tahun di sini.", ID) is None


def test_undated_article_layoff_takes_the_reference_year():
    from conftest import build_texts, rows

    text = ("Harlow Pumps Cuts Jobs\nHarlow Pumps Inc. said on Wednesday it will lay off 240 employees.\n"
            "Harlow Pumps Inc. had cut 75 workers in 2024, and its sales target for 2030 stays.\n")
    found = {(r["employees"], str(r["date"])) for r in rows(build_texts({"en.txt": text}).dataset, "layoffs")}
    assert found == {(240, "2024"), (75, "2024")}


@pytest.mark.parametrize("lang,text,expected", [
    ("id", "tiga bulan lalu", "2024-12"), ("id", "dua tahun lalu", "2023"), ("id", "lima hari yang lalu", "2025-03-01"),
    ("en", "three months ago", "2024-12"), ("en", "two years ago", "2023"), ("en", "last October", "2024-10"),
])
def test_a_counted_time_before_publication(lang, text, expected):
    published = PartialDate(2025, 3, 6)
    assert [d.value.iso() for d in find_dates(text, published, load_language(lang))] == [expected]
