"""Countries, cities and regions: ISO 3166 codes with English and Indonesian names.

Country names come from pycountry (English) and its Indonesian translation
catalogue; the language folder adds the short forms the press uses ("AS").
"""
from __future__ import annotations

import gettext
from functools import lru_cache
from importlib import resources

import pycountry
import yaml

from newskg.lang import Language


@lru_cache(maxsize=None)
def _translation(lang_code: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang_code])
    except OSError:
        return gettext.NullTranslations()


@lru_cache(maxsize=None)
def _country_index(lang: Language) -> dict[str, str]:
    index: dict[str, str] = {}
    translation = _translation(lang.code)
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name), translation.gettext(country.name)}
        for name in names:
            index.setdefault(name.casefold(), country.alpha_2)
    for alias, code in lang.country_aliases.items():
        index[alias.casefold()] = code
    for phrase, code in lang.homeland_phrases.items():
        index[phrase.casefold()] = code
    return index


def country_code(name: str, lang: Language) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name as written, or None."""
    return _country_index(lang).get(name.casefold().strip())


def country_names(code: str) -> tuple[str, str]:
    """(English name, Indonesian name) of a country code."""
    country = pycountry.countries.get(alpha_2=code)
    english = getattr(country, "common_name", None) or country.name
    return english, _translation("id").gettext(country.name)


@lru_cache(maxsize=None)
def _places() -> dict:
    return yaml.safe_load(resources.files("newskg.data").joinpath("places.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _cities() -> dict[str, str]:
    return {name.casefold(): code for name, code in _places()["cities"].items()}


def city_country(name: str) -> str | None:
    return _cities().get(name.casefold())


def is_region(name: str) -> bool:
    return name.casefold() in {r.casefold() for r in _places()["regions"]}
