"""Numbers as Indonesian news writes them: table-driven."""
import pytest

from newskg.extract.numbers import find_quantities, parse_number
from newskg.lang import load_language

ID = load_language("id")

CASES = [  # text, value, unit, currency, qualifier
    ("1.200", 1200, "count", None, None),
    ("sekitar 1.200", 1200, "count", None, "approximately"),
    ("32,7", 32.7, "count", None, None),
    ("Rp 32,7 miliar", 32_700_000_000, "money", "IDR", None),
    ("Rp32,7 miliar", 32_700_000_000, "money", "IDR", None),
    ("$2 juta", 2_000_000, "money", "USD", None),
    ("US$420 juta", 420_000_000, "money", "USD", None),
    ("dua juta dolar Amerika Serikat", 2_000_000, "money", "USD", None),
    ("10,25 miliar dolar Australia", 10_250_000_000, "money", "AUD", None),
    ("5 triliun rupiah", 5_000_000_000_000, "money", "IDR", None),
    ("75 juta euro", 75_000_000, "money", "EUR", None),
    ("dua lusin", 24, "count", None, None),
    ("lebih dari dua lusin", 24, "count", None, "more_than"),
    ("tiga lusin", 36, "count", None, None),
    ("ribuan", 1000, "count", None, "at_least"),
    ("ratusan", 100, "count", None, "at_least"),
    ("puluhan ribu", 10000, "count", None, "at_least"),
    ("hampir 50 persen", 50, "percent", None, "almost"),
    ("22 persen", 22, "percent", None, None),
    ("12,5%", 12.5, "percent", None, None),
    ("dua pertiga", 2 / 3, "fraction", None, None),
    ("sepertiga", 1 / 3, "fraction", None, None),
    ("hampir separuhnya", 0.5, "fraction", None, "almost"),
    ("setengah", 0.5, "fraction", None, None),
    ("12 ribu", 12000, "count", None, None),
    ("1,5 juta", 1_500_000, "count", None, None),
    ("dua puluh lima", 25, "count", None, None),
    ("tujuh belas", 17, "count", None, None),
    ("seratus", 100, "count", None, None),
    ("seribu", 1000, "count", None, None),
    ("tiga ratus", 300, "count", None, None),
    ("empat ribu", 4000, "count", None, None),
    ("187.000", 187000, "count", None, None),
    ("kurang lebih 300", 300, "count", None, "approximately"),
    ("setidaknya 40", 40, "count", None, "at_least"),
    ("hingga 10.000", 10000, "count", None, "up_to"),
    ("nyaris 90 persen", 90, "percent", None, "almost"),
    ("sedikitnya 150", 150, "count", None, "at_least"),
]


@pytest.mark.parametrize("text,value,unit,currency,qualifier", CASES)
def test_quantity(text, value, unit, currency, qualifier):
    found = find_quantities(text, ID)
    assert len(found) == 1, found
    quantity = found[0]
    assert quantity.value == pytest.approx(value)
    assert (quantity.unit, quantity.currency, quantity.qualifier) == (unit, currency, qualifier)
    assert text[quantity.start:quantity.end] == quantity.text


def test_offsets_in_a_sentence():
    sentence = "Perusahaan itu memangkas sekitar 2.500 karyawan dan menghemat Rp 1,2 triliun."
    found = find_quantities(sentence, ID, offset=100)
    assert [(q.text, q.value) for q in found] == [("sekitar 2.500", 2500), ("Rp 1,2 triliun", 1_200_000_000_000)]
    assert all(sentence[q.start - 100:q.end - 100] == q.text for q in found)


@pytest.mark.parametrize("text", ["", "abc", "12 kucing", "dua kucing"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text, ID) is None


def test_word_inside_another_word_is_not_a_number():
    assert find_quantities("dalamtiga tahun", ID) == []


@pytest.mark.parametrize("text,value", [  # a small multiplier takes the digit before it, not the whole group
    ("dua ratus delapan puluh", 280), ("seratus dua puluh lima", 125), ("empat ratus tujuh puluh tiga", 473),
    ("tiga belas ribu enam ratus sembilan puluh", 13690), ("seribu seratus", 1100), ("sebelas ratus", 1100),
    ("tujuh juta empat ratus ribu", 7_400_000)])
def test_number_words_with_several_small_multipliers(text, value):
    (q,) = find_quantities(text, ID)
    assert q.value == value and q.end - q.start == len(text)


@pytest.mark.parametrize("text,value", [  # a vague word as the last multiplier: an approximate number
    ("empat ratusan", 400), ("tiga ribu lima ratusan", 3500), ("tujuh puluhan", 70)])
def test_number_words_ending_in_a_vague_multiplier_are_approximate(text, value):
    (q,) = find_quantities(text, ID)
    assert (q.value, q.qualifier, q.vague) == (value, "approximately", False)
