"""Numbers as news writes them: "1.200", "32,7", "dua lusin", "Rp 32,7 miliar", "hampir 50 persen".

``find_quantities`` scans a text and returns every quantity it can read, with
its offsets, value, unit (count, percent, fraction, money), currency (ISO 4217)
and qualifier ("sekitar" = approximately). The words come from the language's
``numbers.yaml``; only the small grammar of combining them lives here.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from newskg.lang import Language
from newskg.model import Quantity
from newskg.textutil import alternation


@lru_cache(maxsize=None)
def _patterns(lang: Language) -> dict[str, re.Pattern]:
    dec, thou = re.escape(lang.decimal_separator), re.escape(lang.thousands_separator)
    digits = rf"\d{{1,3}}(?:{thou}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
    word_numbers = alternation(list(lang.units) + [lang.teens_word] + list(lang.multipliers))
    # "dua ribu enam ratusan": number words whose last multiplier is a vague one, an approximate number
    number = (rf"(?:{digits})(?:\s*(?:{alternation(lang.multipliers)})\b)*"
              rf"|(?:(?:{word_numbers})\b\s*)+(?:(?P<vmul>{alternation(lang.vague_numbers)})\b)?")
    currency = alternation(lang.currencies)
    qualifier = alternation(lang.qualifiers)
    percent = alternation(lang.percent_words)
    fraction = alternation(lang.fractions)
    vague = alternation(lang.vague_numbers)
    denominators = alternation(lang.denominators)
    units = alternation(lang.units)
    body = (  # fractions and vague words first: "dua pertiga" is not "dua"
        rf"(?P<fracnum>{units})\s+(?P<den>{denominators})"
        rf"|(?P<frac>{fraction})"
        rf"|(?P<vague>{vague})"
        rf"|(?P<cur1>{currency})?\s*(?P<num>{number})\s*(?P<cur2>{currency})?(?P<pct>\s*(?:{percent}))?"
    )
    full = rf"(?<![\w$])(?:(?P<qual>{qualifier})\s+)?(?:{body})(?![\w])"
    return {"quantity": re.compile(full, re.IGNORECASE)}


def parse_number(text: str, lang: Language) -> float | None:
    """The value of a number written in digits, words or both ("12 ribu" -> 12000)."""
    text = text.strip().casefold()
    if not text:
        return None
    digits = re.match(
        rf"(\d{{1,3}}(?:{re.escape(lang.thousands_separator)}\d{{3}})+|\d+)(?:{re.escape(lang.decimal_separator)}(\d+))?",
        text,
    )
    if digits:
        whole = digits.group(1).replace(lang.thousands_separator, "")
        value = Decimal(f"{whole}.{digits.group(2)}" if digits.group(2) else whole)  # exact: 32,7 miliar
        for word in text[digits.end():].split():
            if word not in lang.multipliers:
                return None
            value *= Decimal(lang.multipliers[word])
        return float(value)
    return _parse_number_words(text.split(), lang)


def _parse_number_words(words: list[str], lang: Language) -> float | None:
    """Number words: 'dua puluh lima ribu' -> 25000, 'dua ratus delapan puluh' -> 280 (a small multiplier takes
    the digit right before it, not the whole group), 'tiga ratusan' -> 300 (a vague word as the last multiplier)."""
    total, group, last, seen = 0.0, 0.0, 0.0, False
    for word in words:
        factor = lang.multipliers.get(word, lang.vague_numbers.get(word))
        if word in lang.units and lang.units[word] >= 1000:  # seribu, sejuta: a self-contained group
            total += (group + last) * lang.units[word] if group + last else lang.units[word]
            group = last = 0.0
        elif word in lang.units:
            group, last = (group, last + lang.units[word]) if lang.units[word] < 10 else (group + lang.units[word], last)
        elif word == lang.teens_word:
            group, last = group + last + 10, 0.0
        elif factor is not None and factor >= 1000:
            total, group, last = total + ((group + last) or 1) * factor, 0.0, 0.0
        elif factor is not None:  # puluh, ratus, lusin: times the digit before, or the group when none
            group, last = (group + last * factor if last else (group or 1) * factor), 0.0
        else:
            return None
        seen = True
    return total + group + last if seen else None


def find_quantities(text: str, lang: Language, offset: int = 0) -> list[Quantity]:
    """Every quantity in ``text`` (written in ``lang``), left to right, offsets shifted by ``offset``."""
    found = []
    for match in _patterns(lang)["quantity"].finditer(text):
        quantity = _to_quantity(match, lang, offset)
        if quantity is not None:
            found.append(quantity)
    return found


def _to_quantity(match: re.Match, lang: Language, offset: int) -> Quantity | None:
    groups = match.groupdict()
    qualifier = lang.qualifiers.get(groups["qual"].casefold()) if groups["qual"] else None
    raw = match.group(0).rstrip()
    start, end = match.start() + offset, match.start() + offset + len(raw)
    if groups["vague"]:
        return Quantity(start, end, raw, float(lang.vague_numbers[groups["vague"].casefold()]),
                        qualifier=qualifier or "at_least", vague=True)
    if groups["frac"]:
        return Quantity(start, end, raw, float(lang.fractions[groups["frac"].casefold()]), unit="fraction",
                        qualifier=qualifier)
    if groups["den"]:
        numerator = lang.units[groups["fracnum"].casefold()]
        return Quantity(start, end, raw, numerator / lang.denominators[groups["den"].casefold()],
                        unit="fraction", qualifier=qualifier)
    value = parse_number(groups["num"], lang)
    if value is None:
        return None
    if groups["vmul"]:  # "tiga ratusan": about 300
        qualifier = qualifier or "approximately"
    currency_word = groups["cur1"] or groups["cur2"]
    if currency_word:
        return Quantity(start, end, raw, value, unit="money",
                        currency=lang.currencies[currency_word.casefold()], qualifier=qualifier)
    if groups["pct"]:
        return Quantity(start, end, raw, value, unit="percent", qualifier=qualifier)
    return Quantity(start, end, raw, value, qualifier=qualifier)
