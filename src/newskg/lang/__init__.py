"""Language knowledge, loaded from data files under ``lang/<code>/``.

Adding a language is adding a folder with the same files; the loader rejects
unknown keys so a typo in a data file fails loudly instead of being ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources

from newskg.yaml_data import load_yaml

from newskg.errors import LanguageDataError


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per language
class Language:
    code: str
    # lexicon.yaml
    months: dict
    weekdays: tuple
    stopwords: frozenset
    acronym_stopwords: frozenset
    boilerplate_lines: tuple
    boilerplate_prefixes: tuple
    relative_dates: dict
    present_words: tuple
    negations: tuple
    function_words: tuple
    # numbers.yaml
    units: dict
    teens_word: str
    multipliers: dict
    vague_numbers: dict
    fractions: dict
    denominators: dict
    qualifiers: dict
    percent_words: tuple
    currencies: dict
    decimal_separator: str
    thousands_separator: str
    duration_units: dict
    # entities.yaml
    org_cues_before: tuple
    org_cues_after: tuple
    org_suffixes: tuple
    org_head_words: tuple
    media_cues_before: tuple
    media_head_words: tuple
    agency_head_words: tuple
    union_head_words: tuple
    product_cues_after: tuple
    employee_nouns: tuple
    country_cues: tuple
    name_connectors: tuple
    person_cues_before: tuple
    speech_verbs_after_quote: tuple
    speech_verbs_subject: tuple
    speech_clitics: tuple
    pronouns: tuple
    definite_org_phrases: tuple
    anonymous_sources: tuple
    homeland_phrases: dict
    country_aliases: dict
    industries: dict
    # roles.yaml
    roles: dict
    # facts.yaml: kind -> word class -> words (see ``fact_words``)
    facts: dict
    # grammar.yaml
    grammar: dict

    def words(self, name: str) -> str:
        """A regex alternation of one word class of ``grammar.yaml`` (longest first)."""
        try:
            return _grammar_alternation(self, name)
        except KeyError:
            raise LanguageDataError(f"lang/{self.code}/grammar.yaml: no word class {name!r}") from None

    def fact_words(self, kind: str, name: str):
        """One word class of one fact kind in ``facts.yaml`` (a tuple, or a dict for a mapping); empty
        where the language leaves the kind or the class out."""
        return self.facts.get(kind, {}).get(name, ())

    def role_for(self, surface: str) -> str | None:
        """The canonical role key ('ceo', 'founder') for a title as written."""
        return _role_index(self).get(surface.casefold())

    @property
    def organisation_heads(self) -> frozenset[str]:
        """First words that make a name an organisation, an agency or a union ("Bank", "Kementerian", "Serikat")."""
        return _organisation_heads(self)

    @property
    def role_alternation(self) -> str:
        """Every title form as one regex alternation, to build larger patterns around titles."""
        return _role_alternation(self)


_FILES = ("lexicon.yaml", "numbers.yaml", "entities.yaml", "roles.yaml", "facts.yaml", "grammar.yaml")
_FROZENSET_FIELDS = {"stopwords", "acronym_stopwords"}


@lru_cache(maxsize=None)
def load_language(code: str) -> Language:
    """Read and check every data file of one language folder."""
    folder = resources.files("newskg.lang").joinpath(code)
    if not folder.is_dir():
        raise LanguageDataError(f"no language data for {code!r}")
    known = {f.name for f in fields(Language)} - {"code"}
    data: dict = {}
    for name in _FILES:
        raw = load_yaml(folder.joinpath(name).read_text(encoding="utf-8")) or {}
        if name == "grammar.yaml":  # one key of its own: word classes by name
            raw = {"grammar": {key: tuple(str(w) for w in words) for key, words in raw.items()}}
        elif name == "facts.yaml":  # word classes by fact kind
            raw = {"facts": _fact_words(code, raw)}
        unknown = set(raw) - known
        if unknown:
            raise LanguageDataError(f"lang/{code}/{name}: unknown keys {sorted(unknown)}")
        data.update(raw)
    missing = known - set(data)
    if missing:
        raise LanguageDataError(f"lang/{code}: missing keys {sorted(missing)}")
    for key, value in data.items():
        if key in _FROZENSET_FIELDS:
            data[key] = frozenset(str(v).casefold() if key == "stopwords" else str(v) for v in value)
        elif isinstance(value, list):
            data[key] = tuple(value)
    return Language(code=code, **data)


def _fact_words(code: str, raw: dict) -> dict:
    """facts.yaml as kind -> class -> tuple (or dict); a kind the kinds table does not know is an error."""
    from newskg.kinds import KINDS

    unknown = sorted(set(raw) - set(KINDS))
    if unknown:
        raise LanguageDataError(f"lang/{code}/facts.yaml: unknown fact kinds {unknown} (known: {', '.join(KINDS)})")
    return {kind: {name: (value if isinstance(value, dict) else tuple(value)) for name, value in classes.items()}
            for kind, classes in raw.items()}


@lru_cache(maxsize=None)
def _grammar_alternation(lang: Language, name: str) -> str:
    return "|".join(re.escape(w) for w in sorted(lang.grammar[name], key=len, reverse=True))


@lru_cache(maxsize=None)
def _role_index(lang: Language) -> dict[str, str]:
    index = {}
    for key, spec in lang.roles.items():
        for form in spec["forms"]:
            index[form.casefold()] = key
    return index


@lru_cache(maxsize=None)
def _organisation_heads(lang: Language) -> frozenset[str]:
    return frozenset(lang.org_head_words) | frozenset(lang.agency_head_words) | frozenset(lang.union_head_words)


@lru_cache(maxsize=None)
def _role_alternation(lang: Language) -> str:
    forms = sorted(_role_index(lang), key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


@lru_cache(maxsize=None)
def role_labels(key: str) -> tuple[str, str]:
    """(English, Indonesian) labels of a canonical role key, from the first language that defines it.

    Roles are corpus-wide nodes: an English and an Indonesian article name the same role, so its labels do
    not depend on the language of any one article."""
    for code in available_languages():
        spec = load_language(code).roles.get(key)
        if spec is not None:
            return spec["en"], spec["id"]
    raise LanguageDataError(f"no language defines the role {key!r}")


@lru_cache(maxsize=None)
def _function_words(code: str) -> frozenset[str]:
    return frozenset(load_language(code).function_words)


@lru_cache(maxsize=None)
def available_languages() -> tuple[str, ...]:
    """The language folders shipped with the package."""
    root = resources.files("newskg.lang")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("lexicon.yaml").is_file()))


def detect_language(text: str, default: str = "id") -> str:
    """The article's language among those we have data for.

    Counting each language's commonest function words settles nearly every news article at once;
    langdetect (seeded, so the answer is stable; about 5 ms an article) decides the rest.
    """
    words = re.findall(r"[a-z]+", text[:3000].casefold())
    counts = {code: sum(1 for w in words if w in _function_words(code)) for code in available_languages()}
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    if ranked and ranked[0][1] >= 5 and (len(ranked) == 1 or ranked[0][1] >= 3 * max(ranked[1][1], 1)):
        return ranked[0][0]
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0
    try:
        guesses = detect_langs(text[:5000])
    except LangDetectException:
        return default
    supported = available_languages()
    for guess in guesses:
        if guess.lang in supported and guess.prob >= 0.5:
            return guess.lang
    return default
