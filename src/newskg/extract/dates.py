"""Dates in news text, made absolute against the article's publication date.

``find_dates`` returns each date expression with its value at the precision the
text gives: "2024" (year), "Desember 2024" (month), "16 September 2025" (day).
Absolute expressions are parsed by dateparser, which knows Indonesian month
names and abbreviations; relative ones ("tahun lalu", "Juli lalu", "Agustus
ini") are resolved here, because they need the publication date and a
precision that dateparser does not keep.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from newskg.lang import Language, load_language
from newskg.model import DateMention, PartialDate

_YEAR = r"(?:19|20)\d{2}"
_MONTHS_BACK = 9  # a month named without its year lies at most this many months before publication


@lru_cache(maxsize=None)
def _parser(lang_code: str):
    from dateparser.date import DateDataParser  # heavy import, only when dates are parsed

    languages = [lang_code] if lang_code == "en" else [lang_code, "en"]
    return DateDataParser(languages=languages, settings={"PREFER_DAY_OF_MONTH": "first",
                                                         "REQUIRE_PARTS": ["year"]})


@lru_cache(maxsize=None)
def _patterns(lang: Language) -> list[tuple[str, re.Pattern]]:
    months = "|".join(sorted((re.escape(m) for m in lang.months), key=len, reverse=True))
    weekdays = "|".join(re.escape(w) for w in lang.weekdays)
    past = "|".join(lang.relative_dates["month_past_suffix"])
    current = "|".join(lang.relative_dates["month_current_suffix"])
    year_words = "|".join(re.escape(w) for w in lang.relative_dates["year_past"] + lang.relative_dates["year_current"])
    part, month_noun, year_noun = lang.words("date_parts"), lang.words("month_nouns"), lang.words("year_nouns")
    flags = re.IGNORECASE
    return [  # most specific first; matches may not overlap
        ("iso", re.compile(rf"(?<![\d-])(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-])")),
        ("numeric", re.compile(rf"(?:(?:{weekdays}),?\s*)?\(?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{_YEAR})\)?", flags)),
        ("day", re.compile(rf"(?:(?:{weekdays}),?\s*)?(?P<d>\d{{1,2}})\s+(?P<mon>{months})\.?\s+(?P<y>{_YEAR})\b", flags)),
        ("day_us", re.compile(rf"(?:(?:{weekdays}),?\s*)?(?P<mon>{months})\s+(?P<d>\d{{1,2}}),\s*(?P<y>{_YEAR})\b", flags)),
        ("month", re.compile(rf"(?:(?:{part})\s+)?(?:(?:{month_noun})\s+)?(?P<mon>{months})\s+(?P<y>{_YEAR})\b", flags)),
        ("month_rel", re.compile(rf"(?:(?:{month_noun})\s+)?(?P<mon>{months})\s+(?P<rel>{past}|{current})\b", flags)),
        ("month_bare", re.compile(rf"\b(?:{lang.words('date_prepositions')})\s+(?:(?:{month_noun})\s+)?"
                                  rf"(?P<mon>{months})\b(?![\s.,]*\d)", flags)),
        ("numeric_noyear", re.compile(rf"(?P<wd>{weekdays}),?\s*\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\)", flags)),
        ("day_noyear", re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{months})\b(?!\s+{_YEAR})", flags)),
        ("quarter", _quarter_pattern(lang)),
        ("ago", _ago_pattern(lang)),
        ("month_last", re.compile(rf"\b(?:{lang.words('month_past_prefix')})\s+(?P<mon>{months})\b(?![\s.,]*\d)", flags)
         if lang.grammar.get("month_past_prefix") else re.compile(r"(?!)")),
        ("year_rel", re.compile(rf"\b(?P<yrel>{year_words})\b", flags)),
        ("span_rel", re.compile(rf"\b(?P<span>{_span_words(lang)})\b", flags)),
        ("weekday", re.compile(rf"\b(?P<wd>{weekdays})\b", flags)),
        ("year", re.compile(rf"(?:(?:{part})\s+)?(?:(?:{year_noun})\s+)?\b(?P<y>{_YEAR})\b(?![.,]\d)", flags)),
    ]


_NEEDS = {"iso": {"year"}, "numeric": {"slash", "year"}, "month_bare": {"month"}, "numeric_noyear": {"slash"}, "day": {"month", "year"}, "day_us": {"month", "year"},
          "month": {"month", "year"}, "month_rel": {"month"}, "day_noyear": {"month"}, "quarter": {"year"},
          "year_rel": set(), "span_rel": set(), "weekday": set(), "year": {"year"}, "ago": set(), "month_last": {"month"}}
# Relative spans ("last week", "bulan lalu"): key in relative_dates -> (days back, month offset) from publication.
_SPANS = {"week_past": (7, 0), "week_current": (0, 0), "month_past": (0, -1), "month_current": (0, 0)}


def _ago_pattern(lang: Language) -> re.Pattern:
    """'tiga bulan lalu', 'two years ago': a number of days, weeks, months or years before publication."""
    numbers = "|".join(re.escape(w) for w in sorted(lang.units, key=len, reverse=True))
    units = "|".join(re.escape(w) for w in sorted(lang.duration_units, key=len, reverse=True))
    return re.compile(rf"\b(?P<n>\d{{1,2}}|{numbers})\s+(?P<unit>{units})\s+(?:{lang.words('ago_words')})\b",
                      re.IGNORECASE)


def _ago(match: re.Match, published: PartialDate | None, lang: Language) -> PartialDate | None:
    """Count back from publication: days to the day, weeks and months to the month, years to the year."""
    if published is None:
        return None
    n = match.group("n")
    count = int(n) if n.isdigit() else lang.units.get(n.casefold())
    unit = lang.duration_units.get(match.group("unit").casefold())
    if not count or unit not in ("day", "week", "month", "year"):
        return None
    if unit == "year" or published.month is None:
        return PartialDate(published.year - (count if unit == "year" else 0))
    if unit == "month" or published.day is None:
        months = count if unit == "month" else 0
        index = published.year * 12 + published.month - 1 - months
        return PartialDate(index // 12, index % 12 + 1)
    found = date(published.year, published.month, published.day) - timedelta(days=count * (7 if unit == "week" else 1))
    return PartialDate(found.year, found.month, found.day) if unit == "day" else PartialDate(found.year, found.month)


def _span_words(lang: Language) -> str:
    return "|".join(re.escape(w) for w in sorted((w for key in _SPANS for w in lang.relative_dates[key]),
                                                  key=len, reverse=True))


def _quarter_pattern(lang: Language) -> re.Pattern:
    """'Q3 2024', 'the second quarter of fiscal 2025', 'kuartal I 2025': the year the quarter belongs to."""
    rel = lang.relative_dates
    nouns = "|".join(re.escape(w) for w in rel["quarter_nouns"])
    ordinals = "|".join(re.escape(w) for w in sorted(rel["quarter_ordinals"], key=len, reverse=True))
    fiscal = "|".join(re.escape(w) for w in rel["fiscal_words"])
    links = "|".join(re.escape(w) for w in rel["quarter_links"])
    quarter = rf"(?:(?:{ordinals})[\s-]+(?:{nouns})|(?:{nouns})\s+(?:{ordinals})|Q[1-4])"
    return re.compile(rf"(?:(?:{fiscal})\s+)?\b{quarter}\b(?:\s+(?:{links}))?(?:\s+(?:{fiscal}))?\s+(?P<y>{_YEAR})\b",
                      re.IGNORECASE)


def _parts_present(text: str, lang: Language) -> set[str]:
    """Which parts of a date the text has at all: a month name, a year, a d/m/y slash."""
    present = set()
    if _month_names(lang).search(text):
        present.add("month")
    if re.search(_YEAR, text):
        present.add("year")
    if "/" in text:
        present.add("slash")
    return present


@lru_cache(maxsize=None)
def _month_names(lang: Language) -> re.Pattern:
    months = "|".join(sorted((re.escape(m) for m in lang.months), key=len, reverse=True))
    return re.compile(rf"\b(?:{months})", re.IGNORECASE)


def find_dates(text: str, published: PartialDate | None, lang: Language, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text`` (written in ``lang``) that can be made absolute, left to right."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    present = _parts_present(text, lang)
    for kind, pattern in _patterns(lang):
        if not _NEEDS[kind] <= present:
            continue  # cheap tests first: each of these long alternations costs ~0.1 ms on a paragraph
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _resolve(kind, match, published, lang)
            if value is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(DateMention(match.start() + offset, match.end() + offset, match.group(0), value))
    return sorted(found, key=lambda d: d.start)


def reference_year(text: str, lang: Language) -> PartialDate | None:
    """An undated article's stand-in for its publication date: the latest year it states for something done.

    News tells what happened lately, so the latest year is most likely the year of writing; a fiscal year
    ("fiscal 2025") or a target ("by 2030", "hingga 2030") may lie ahead and is left out. Only the year is
    claimed: relative dates resolved against it ("this year", "in February") get no day they cannot know.
    """
    ahead = rf"(?:{lang.words('date_ahead_words')}|{'|'.join(re.escape(w) for w in lang.relative_dates['fiscal_words'])})"
    years = [d.value.year for d in find_dates(text, None, lang)
             if not re.search(rf"\b{ahead}\s+(?:\S+\s+){{0,2}}$", text[max(0, d.start - 40):d.start], re.IGNORECASE)
             and not re.search(rf"\b{ahead}\b", d.text, re.IGNORECASE)]  # "Q1 of fiscal 2025": one date
    return PartialDate(max(years)) if years else None


def _resolve(kind: str, match: re.Match, published: PartialDate | None, lang: Language) -> PartialDate | None:
    groups = match.groupdict()
    if kind in ("iso", "numeric", "day", "day_us", "month", "year"):
        # The pattern already holds day, month and year; dateparser (6 ms a call) is only asked
        # about what the pattern cannot read itself.
        return _from_groups(kind, groups, lang) or parse_absolute(match.group(0), lang.code, precision_hint=kind)
    if kind in ("span_rel", "weekday"):
        return _relative_day(kind, match, published, lang)
    if kind == "quarter":
        return PartialDate(int(groups["y"]))
    if kind == "ago":
        return _ago(match, published, lang)
    if kind == "month_last":  # "last October": the latest such month before publication
        if published is None or published.month is None:
            return None
        month = lang.months[groups["mon"].casefold()]
        return PartialDate(published.year - (month >= published.month), month)
    if kind in ("month_bare", "numeric_noyear"):
        return _year_left_out(kind, groups, published, lang)
    if kind == "year_rel":
        if published is None:
            return None
        past = groups["yrel"].casefold() in lang.relative_dates["year_past"]
        return PartialDate(published.year - 1 if past else published.year)
    month = lang.months[groups["mon"].casefold()]
    if published is None:
        return None
    if kind == "day_noyear":
        return _safe_date(published.year, month, int(groups["d"]))
    rel = groups["rel"].casefold()
    year = published.year
    if rel in lang.relative_dates["month_past_suffix"] and published.month and month >= published.month:
        year -= 1  # "Juli lalu" written in June means last year's July
    return PartialDate(year, month)


def _year_left_out(kind: str, groups: dict, published: PartialDate | None, lang: Language) -> PartialDate | None:
    """'in October', 'Jumat (19/4)': the month (or day) in the year around the publication date.

    News mostly reports what happened, so the year runs from nine months before publication to two after
    ('in October' written in January is last October; 'in February' written in December is next February).
    A bare month must be capitalised ('may' is also a verb).
    """
    if published is None:
        return None
    if published.month is None:  # a year only (an undated article's reference year): the month in that year
        return _in_reference_year(kind, groups, published, lang)
    if kind == "month_bare":
        if not groups["mon"][0].isupper():
            return None
        month = lang.months[groups["mon"].casefold()]
    else:
        month = int(groups["m"])
        if not 1 <= month <= 12:
            return None
    ahead = month - published.month
    year = published.year + (ahead < -_MONTHS_BACK) - (ahead > 12 - _MONTHS_BACK - 1)
    return PartialDate(year, month) if kind == "month_bare" else _safe_date(year, month, int(groups["d"]))


def _in_reference_year(kind: str, groups: dict, reference: PartialDate, lang: Language) -> PartialDate | None:
    """'in October' against a year only: that month of the year (a capitalised month name, as below)."""
    if kind != "month_bare" or not groups["mon"][0].isupper():
        return None
    return PartialDate(reference.year, lang.months[groups["mon"].casefold()])


def _relative_day(kind: str, match: re.Match, published: PartialDate | None, lang: Language) -> PartialDate | None:
    """'on Thursday' (a capitalised weekday), 'last week', 'bulan lalu', resolved against a publication day.

    A weekday is the last such day on or before publication; a week or a month gives the month it falls in
    (the text does not say which day). Lower-case weekdays are left alone: Indonesian 'minggu' is also 'week'.
    """
    if published is None:
        return None
    if published.month is None:  # an undated article's reference year: 'on Thursday' fell in it, day unknown
        return PartialDate(published.year) if kind != "weekday" or match.group("wd")[0].isupper() else None
    if published.day is None:
        return None
    day = date(published.year, published.month, published.day)
    if kind == "weekday":
        if not match.group("wd")[0].isupper():
            return None
        back = (day.weekday() - lang.relative_dates["weekday_numbers"][match.group("wd").casefold()]) % 7
        found = day - timedelta(days=back)
        return PartialDate(found.year, found.month, found.day)
    span = match.group("span").casefold()
    days, months = next(_SPANS[key] for key in _SPANS if span in lang.relative_dates[key])
    found = day - timedelta(days=days)
    month_index = found.year * 12 + found.month - 1 + months
    return PartialDate(month_index // 12, month_index % 12 + 1)


def _from_groups(kind: str, groups: dict, lang: Language) -> PartialDate | None:
    year = int(groups["y"])
    if kind == "year":
        return PartialDate(year)
    month = int(groups["m"]) if kind in ("numeric", "iso") else lang.months.get(groups["mon"].casefold())
    if month is None or not 1 <= month <= 12:
        return None
    if kind == "month":
        return PartialDate(year, month)
    return _safe_date(year, month, int(groups["d"]))


@lru_cache(maxsize=4096)
def parse_absolute(text: str, lang_code: str, precision_hint: str | None = None) -> PartialDate | None:
    """A date written out in full ("Selasa, 16 September 2025 – 15:06 WIB"), at the precision it states."""
    cleaned = re.sub(r"[–—|]", " ", text)
    lang = load_language(lang_code)
    cleaned = re.sub(rf"\b(?:{lang.words('time_zones')})\b", "", cleaned, flags=re.IGNORECASE)
    fillers = "|".join(lang.words(name) for name in ("date_parts", "month_nouns", "year_nouns", "date_prepositions"))
    cleaned = re.sub(rf"\b(?:{fillers})\b", " ", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"[()]", " ", cleaned).strip(" ,")
    try:
        data = _parser(lang_code).get_date_data(cleaned)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    found: datetime = data.date_obj
    period = "year" if precision_hint == "year" else data.period
    if period == "year":
        return PartialDate(found.year)
    if period == "month":
        return PartialDate(found.year, found.month)
    return PartialDate(found.year, found.month, found.day)


def _safe_date(year: int, month: int, day: int) -> PartialDate | None:
    try:
        date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)

