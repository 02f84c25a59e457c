"""Countries, cities and regions: ISO 3166 codes with English and Indonesian names.

Country names come from pycountry (English) and its Indonesian translation
catalogue; the language folder adds the short forms the press uses ("AS").
"""
from __future__ import annotations

import gettext
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
    return _cities().get(name.casefold())


def is_region(name: str) -> bool:
    return name.casefold() in {r.casefold() for r in _places()["regions"]}
