"""What every fact rule needs to know about one article, computed once."""
from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from newskg.extract.dates import find_dates, reference_year
from newskg.extract.entities import ArticleEntities
from newskg.extract.mentions.sections import fills_heading
from newskg.lang import Language
from newskg.model import Article, DateMention, EntityType, Mention, PartialDate, Quantity, Sentence
from newskg.extract.numbers import find_quantities
from newskg.textutil import alternation, find_words, inside_quotation


@dataclass(frozen=True)
class Ref:
    """A reference to an entity of this article (an index into ``ArticleEntities.entities``)."""

    index: int


@dataclass(frozen=True)
class Located:
    mention: Mention
    ref: Ref

    @property
    def type(self) -> EntityType:
        return self.mention.type


class ArticleContext:
    def __init__(self, article: Article, sentences: list[Sentence], entities: ArticleEntities, lang: Language):
        self.article = article
        self.sentences = sentences
        self.entities = entities
        self.lang = lang
        self.mentions: list[list[Located]] = [[] for _ in sentences]
        for i, mention in enumerate(entities.mentions):
            self.mentions[mention.sentence].append(Located(mention, Ref(entities.mention_entity[i])))

    @cached_property
    def dates(self) -> list[list[DateMention]]:
        return [find_dates(s.text, self.reference, self.lang, offset=s.start) for s in self.sentences]

    @cached_property
    def reference(self) -> PartialDate | None:
        """What relative dates count from: the publication date, else the latest year an undated article states."""
        return self.article.published or reference_year(self.article.text, self.lang)

    @cached_property
    def quantities(self) -> list[list[Quantity]]:
        """Quantities per sentence, without the years that belong to dates."""
        out = []
        for sentence, dates in zip(self.sentences, self.dates):
            found = find_quantities(sentence.text, self.lang, offset=sentence.start)
            out.append([q for q in found if not any(d.start <= q.start < d.end for d in dates)])
        return out

    def body(self):
        return [s for s in self.sentences if not s.is_heading]

    def lower(self, sentence: Sentence) -> str:
        return sentence.text.casefold()

    def local(self, sentence: Sentence, absolute: int) -> int:
        return absolute - sentence.start

    # -- entities near a position
    def orgs(self, sentence: Sentence, include_media: bool = False) -> list[Located]:
        return [m for m in self.mentions[sentence.index]
                if m.type.is_organization and (include_media or m.type is not EntityType.MEDIA)]

    def in_mention(self, sentence: Sentence, absolute: int) -> bool:
        """Is ``absolute`` inside a name found in ``sentence``?"""
        return any(m.mention.start <= absolute < m.mention.end for m in self.mentions[sentence.index])

    def people(self, sentence: Sentence) -> list[Located]:
        return [m for m in self.mentions[sentence.index] if m.type is EntityType.PERSON]

    def org_near(self, sentence: Sentence, position: int) -> Ref | None:
        """The organisation a statement at ``position`` is about: nearest before it, else after, else in focus."""
        orgs = self.orgs(sentence)
        before = [m for m in orgs if m.mention.end <= position and not self._is_object(sentence, m)]
        if before:
            return before[-1].ref
        after = [m for m in orgs if m.mention.start >= position and not self._is_object(sentence, m)]
        if after:
            return after[0].ref
        return self.org_in_focus(sentence.index)

    def org_in_focus(self, sentence_index: int, employers_only: bool = False, agencies: bool = False) -> Ref | None:
        """The subject company of the last sentence that names one; else the article's most named company.

        The first company a sentence names is usually its subject ("Klarna ingin ... bagi OpenAI").
        With ``employers_only`` a ministry or a union that reports figures is never the focus (with
        ``agencies`` a ministry may be: it hires).
        """
        for index in range(sentence_index - 1, -1, -1):
            sentence = self.sentences[index]
            if sentence.is_heading:
                subject = self._heading_subject(sentence)
                if subject is not None and (not employers_only or self.can_employ(subject, agencies)):
                    return subject  # a list article's section: "1. PT X" then "Produsen baja ini memangkas ..."
                continue
            orgs = self.orgs(sentence)
            if employers_only and self.unknown_owners[index]:
                return None  # the company last talked about is one no name was found for
            if employers_only:
                orgs = [m for m in orgs if self.can_employ(m.ref, agencies)]
            orgs = [m for m in orgs if not self._is_object(sentence, m)] or orgs
            if orgs:
                return orgs[0].ref
        return self.main_employer if employers_only else self.main_org

    def _heading_subject(self, heading: Sentence) -> Ref | None:
        """The organisation a heading names and nothing else ("2. Belanjaku"): the subject of its section."""
        for m in self.orgs(heading):
            if fills_heading(self.article.text, heading, m.mention.start, m.mention.end, self.lang):
                return m.ref
        return None

    def section_subject(self, sentence_index: int) -> Ref | None:
        """The organisation heading the section that holds a sentence, if its heading names only it."""
        for index in range(sentence_index - 1, -1, -1):
            if self.sentences[index].is_heading:
                return self._heading_subject(self.sentences[index])
        return None

    # -- the employer of a workforce event
    def employers(self, sentence: Sentence, position: int, agencies: bool = False) -> list[Ref]:
        """The organisations whose staff a statement at ``position`` is about, subject first.

        The subject of the trigger's clause (with the companies coordinated with it: "A dan B memangkas")
        wins over the company nearest the trigger; a reporting body (ministry, union: AGENCY, UNION) is
        never the employer. Without a company in the sentence the article's focus company is the employer
        only when nothing else is named (a ministry, a union, a source cited), or when an anaphor
        ("perusahaan itu", "the company") points to it.
        """
        staff_of = self._staff_of(sentence)
        if staff_of:
            return staff_of[:1]
        named = self.employers_named(sentence, agencies) or self._media_subject(sentence, position)
        if named:
            return self._subject_group(sentence, named, position)
        lower = sentence.text.casefold()
        if find_words(self.lang.grammar["other_companies"], lower) or self.unknown_owners[sentence.index]:
            return []
        if not find_words(self.lang.grammar["company_anaphors"], lower) and \
                any(self.entity_type(m.ref) is not EntityType.ORGANIZATION for m in self.orgs(sentence, True)):
            return []
        focus = self.org_in_focus(sentence.index, employers_only=True, agencies=agencies)
        return [focus] if focus is not None else []

    def employer(self, sentence: Sentence, position: int, agencies: bool = False) -> Ref | None:
        found = self.employers(sentence, position, agencies)
        return found[0] if found else None

    def entity_type(self, ref: Ref) -> EntityType:
        """The type the article settled on for an entity (a mention alone may be typed otherwise)."""
        return self.entities.entities[ref.index].type

    def can_employ(self, ref: Ref, agencies: bool = False) -> bool:
        """A company employs; a party or an association that counts layoffs ('Partai X', 'Asosiasi Y': the language's
        reporting_body_heads) speaks for workers or firms and, like a union, is never their employer."""
        if self.entity_type(ref) not in _employer_types(agencies):
            return False
        first = self.entities.entities[ref.index].label.split()[:1]
        return not first or first[0] not in self.lang.grammar.get("reporting_body_heads", ())

    def employers_named(self, sentence: Sentence, agencies: bool = False) -> list[Located]:
        """Companies of the sentence that may employ: no reporting bodies, no media cited as a source."""
        return [m for m in self.mentions[sentence.index]
                if self.can_employ(m.ref, agencies) and not self._object_in_clause(sentence, m)]

    def _media_subject(self, sentence: Sentence, position: int) -> list[Located]:
        """A media company right before the event's verb ("Narasi TV resmi memangkas ...") employs; a media
        outlet elsewhere in the sentence is a source."""
        for m in self.orgs(sentence, include_media=True):
            gap = self.article.text[m.mention.end:position]
            if self.entity_type(m.ref) is EntityType.MEDIA and 0 <= position - m.mention.end \
                    and len(gap.split()) <= 2 and not re.search(r"[,;:“”\"]", gap) \
                    and not self._object_in_clause(sentence, m):
                return [m]
        return []

    @cached_property
    def unknown_owners(self) -> list[bool]:
        """Per sentence: does it name staff of a company no name was found for? (Once per article.)"""
        return [self._unknown_owner(sentence) for sentence in self.sentences]

    def _unknown_owner(self, sentence: Sentence) -> bool:
        """'karyawan Garuda Indonesia' where no name was found: the staff's owner is named, but not known."""
        nouns = alternation(self.lang.employee_nouns)
        for match in re.finditer(rf"\b(?:{nouns})\s+([A-Z][a-z][\w.-]*)", sentence.text):  # a name, not "AI"
            at = sentence.start + match.start(1)
            known = any(m.mention.start <= at < m.mention.end for m in self.mentions[sentence.index]
                        if m.type is not EntityType.PERSON)  # a person does not own staff: a misread company
            if not known and not inside_quotation(sentence.text, match.start()):
                return True
        return False

    def _staff_of(self, sentence: Sentence) -> list[Ref]:
        """A company named right after a word for its staff ("karyawan Narasi TV"), media companies too."""
        nouns = alternation(self.lang.employee_nouns)
        found = []
        for m in self.orgs(sentence, include_media=True):
            before = self.article.text[sentence.start:m.mention.start]
            if self.entity_type(m.ref) in (EntityType.ORGANIZATION, EntityType.MEDIA) \
                    and re.search(rf"\b(?:{nouns})(?:{self.lang.words('noun_suffixes')})?\s+$", before, re.IGNORECASE):
                found.append(m.ref)
        return found

    def _subject_group(self, sentence: Sentence, named: list[Located], position: int) -> list[Ref]:
        """The first company of the trigger's clause and those coordinated with it; else the nearest after."""
        text = self.article.text
        clause_start = self._clause_start(sentence, position)
        before = [m for m in named if clause_start <= m.mention.start and m.mention.end <= position]
        if not before:
            before = [m for m in named if m.mention.end <= position][-1:]
        if not before:
            return [next(m for m in named if m.mention.start >= position).ref]
        group = [before[0]]
        joins = self.lang.words("subject_coordinators")
        legal = rf"(?:(?:{self.lang.words('legal_forms_before')})\s+)?" if self.lang.grammar["legal_forms_before"] else ""
        for nxt in named[named.index(before[0]) + 1:]:
            gap = text[group[-1].mention.end:nxt.mention.start]
            if nxt.mention.end > position or not re.fullmatch(rf"\s*(?:,\s*)?(?:(?:{joins})\s+)?{legal}", gap):
                break
            group.append(nxt)
        refs = []
        for m in group:
            if m.ref not in refs:
                refs.append(m.ref)
        return refs

    def _clause_start(self, sentence: Sentence, position: int) -> int:
        """Where the clause holding ``position`` starts: after the last "; " or ", dan" / ", while" before it."""
        before = self.article.text[sentence.start:position]
        breaks = self.lang.words("clause_breaks")
        ends = {m.mention.end for m in self.orgs(sentence, include_media=True)}
        last = 0
        for found in re.finditer(rf"(?:;|,\s*(?:{breaks})\b)", before, re.IGNORECASE):
            if sentence.start + found.start() not in ends:  # "A, B, and C cut": a list, not a new clause
                last = found.end()
        return sentence.start + last

    @cached_property
    def main_employer(self) -> Ref | None:
        counts = Counter(m.ref for ms in self.mentions for m in ms if self.can_employ(m.ref))
        if not counts:
            return None
        return max(counts, key=lambda ref: (counts[ref], -ref.index))

    def _is_object(self, sentence: Sentence, located: Located) -> bool:
        """An organisation named after a preposition is rarely the one acting ("kerja sama dengan vendor seperti X")."""
        before = self.article.text[sentence.start:located.mention.start].casefold().split()[-4:]
        return any(w.strip(",") in self.lang.grammar["object_markers"] for w in before)

    def _object_in_clause(self, sentence: Sentence, located: Located) -> bool:
        """Like ``_is_object``, but a marker before a comma ("Melansir dari Reuters, Tesla ...") is another clause's."""
        before = self.article.text[sentence.start:located.mention.start].rsplit(",", 1)[-1]
        return any(w in self.lang.grammar["object_markers"] for w in before.casefold().split()[-4:])

    @cached_property
    def main_org(self) -> Ref | None:
        counts = Counter(m.ref for ms in self.mentions for m in ms
                         if m.type.is_organization and m.type is not EntityType.MEDIA)
        if not counts:
            return None
        return max(counts, key=lambda ref: (counts[ref], -ref.index))

    def person_before(self, sentence: Sentence, position: int) -> Ref | None:
        """The last person named before ``position``, in this sentence or earlier ones."""
        here = [m for m in self.people(sentence) if m.mention.end <= position]
        if here:
            return here[-1].ref
        for index in range(sentence.index - 1, -1, -1):
            people = self.people(self.sentences[index])
            if people and not self.sentences[index].is_heading:
                return people[-1].ref
        return None

    # -- dates
    def date_near(self, sentence: Sentence, position: int) -> PartialDate | None:
        """The sentence's date closest to ``position``; "kini" means the publication month."""
        dates = self.dates[sentence.index]
        if dates:
            return min(dates, key=lambda d: abs(d.start - position)).value
        relative = self.weekday_date(sentence) or self.month_date(sentence)
        if relative is not None:
            return relative
        if self.article.published and self.mentions_present(sentence):
            published = self.article.published
            return PartialDate(published.year, published.month) if published.month else published
        return None

    def weekday_date(self, sentence: Sentence) -> PartialDate | None:
        """'on Thursday', 'pada Senin': the last such weekday on or before the publication date."""
        published = self.article.published
        if not published or published.day is None:
            return None
        order = {name: index for index, names in enumerate(self.lang.grammar["weekday_order"])
                 for name in names.split("/")}  # Monday first; "jumat/jum'at": one day, two spellings
        found = [m for m in find_words(order, sentence.text) if m.group(0)[0].isupper()]  # "minggu": week
        if not found:
            return None
        day = order[found[0].group(0).casefold()]
        when = datetime.date(published.year, published.month, published.day)
        when -= datetime.timedelta(days=(when.weekday() - day) % 7)
        return PartialDate(when.year, when.month, when.day)

    def month_date(self, sentence: Sentence) -> PartialDate | None:
        """'in February' without a year: the last such month on or before the publication date."""
        published = self.article.published
        if not published or published.month is None:
            return None
        months = {name: number for name, number in self.lang.months.items() if len(name) > 3}  # "mar", "may": words
        found = re.search(rf"\b(?:{self.lang.words('date_prepositions')})\s+({alternation(months)})\b(?!\s*\d)",
                          sentence.text, re.IGNORECASE)
        if not found or not found.group(1)[0].isupper():
            return None
        month = months[found.group(1).casefold()]
        year = published.year if month <= published.month else published.year - 1
        return PartialDate(year, month)

    def mentions_present(self, sentence: Sentence) -> bool:
        return bool(find_words(self.lang.present_words, sentence.text))

    def negated(self, sentence: Sentence, position: int, window: int = 3) -> bool:
        before = sentence.text[:position - sentence.start].split()[-window:]
        return any(w.casefold().strip(",") in self.lang.negations for w in before)


def _employer_types(agencies: bool) -> tuple[EntityType, ...]:
    """Companies employ; a ministry or agency also hires, but its layoff figures are reports, not its own."""
    return (EntityType.ORGANIZATION, EntityType.AGENCY) if agencies else (EntityType.ORGANIZATION,)
