"""The typed, frozen data that flows through the pipeline.

Every object keeps character offsets into the article's original text, so
``article.text[x.start:x.end] == x.text`` holds for sentences and mentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class EntityType(str, Enum):
    ORGANIZATION = "organization"
    MEDIA = "media"
    AGENCY = "agency"
    UNION = "union"
    PERSON = "person"
    COUNTRY = "country"
    CITY = "city"
    PRODUCT = "product"

    @property
    def is_organization(self) -> bool:
        return self in (EntityType.ORGANIZATION, EntityType.MEDIA, EntityType.AGENCY, EntityType.UNION)


class Precision(str, Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class PartialDate:
    """A date known to a precision: 2024, 2025-09 or 2025-09-16."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class Span:
    """A stretch of the article text, by character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, with the metadata its text states."""

    doc_id: str  # file stem, unique in a corpus
    source: str  # file name as given
    text: str  # the whole decoded file, offsets point into it
    sha256: str
    title: Span | None = None
    published: PartialDate | None = None
    published_basis: str | None = None  # "dateline" or "cited date"
    outlet: str | None = None
    body: tuple[Span, ...] = ()  # content lines, page furniture left out
    headings: tuple[Span, ...] = ()  # title and section headings
    language: str = "id"
    encoding: str = "utf-8"  # of the file, as detected
    extracted_by: str | None = None  # "trafilatura": offsets point into the text extracted from HTML


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    is_heading: bool = False


@dataclass(frozen=True)
class Mention:
    """A name found in a sentence, before resolution: 'Siemiatkowski', 'CEO'-less."""

    start: int
    end: int
    text: str
    sentence: int
    type: EntityType
    cue: str  # the rule or cue that typed it, for explanations


@dataclass(frozen=True)
class Entity:
    """One real-world thing within the corpus; ``key`` makes its IRI."""

    key: str
    type: EntityType
    label: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2, for countries


@dataclass(frozen=True)
class Quantity:
    """A number as written, normalised: value, unit, currency and qualifier."""

    start: int
    end: int
    text: str
    value: float
    unit: str = "count"  # count | percent | fraction | money | duration
    currency: str | None = None  # ISO 4217
    qualifier: str | None = None  # approximately | more_than | almost | up_to | at_least
    vague: bool = False  # "ribuan": a lower bound, not an exact figure

    @property
    def as_int(self) -> int:
        return int(round(self.value))


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: PartialDate


@dataclass(frozen=True)
class Fact:
    """One statement from one sentence: a kind, its values, and the rule that found it.

    ``values`` maps property names of the ontology (``employees``, ``date``, ...)
    to plain Python values or entity keys (``entity:...``); what the text does not
    state is simply absent.
    """

    kind: str
    sentence: int
    rule: str
    values: tuple[tuple[str, object], ...] = field(default_factory=tuple)

    def get(self, name: str, default: object = None) -> object:
        for key, value in self.values:
            if key == name:
                return value
        return default
