"""Positions held: who holds which title at which organisation.

The shapes the press uses (examples invented):
- title before the name: "Direktur Utama Bank Lestari Andi Wijaya", "Kepala Riset PT Arka, Sinta Dewi",
  "Halvorsen's chief executive, Mark Dale", "CEO Tomas Berg" (the organisation in focus);
- apposition after the name: "Sinta Dewi, analis Arka Sekuritas", "Mark Dale, former CFO of Halvorsen",
  "Budi Hartono selaku CEO Sagara";
- ministers: "Menteri Kelautan Rudi Hasan" holds the minister's title at the ministry the article
  names ("Kementerian Kelautan"), and at no company;
- founders: "perusahaan yang didirikan oleh A, B dan C" (each a founder).
Titles themselves (chains, modifiers, complements) are read by ``role_titles``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from newskg.extract.facts.context import ArticleContext, Located, Ref
from newskg.extract.facts.role_shapes import bare_department, department_of, described_at, pronoun_roles
from newskg.extract.facts.role_titles import Title, find_titles
from newskg.lang import Language
from newskg.model import EntityType, Fact, Mention, Sentence


def extract_roles(ctx: ArticleContext) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple] = set()
    for sentence in ctx.body():
        anchors = {m.mention.start for m in ctx.mentions[sentence.index]}
        titles = find_titles(ctx.lang, sentence.text, sentence.start, anchors)
        for person in ctx.people(sentence):
            if _looks_like_title(ctx, person):
                continue
            for label, key, org, rule in _roles_of(ctx, sentence, person, titles):
                if org is None or org == person.ref or (person.ref, key, label.casefold(), org) in seen:
                    continue
                seen.add((person.ref, key, label.casefold(), org))
                facts.append(Fact("PositionHeld", sentence.index, rule, (
                    ("person", person.ref), ("organization", org), ("role", key), ("roleLabel", label))))
        facts.extend(_founders(ctx, sentence, seen))
        facts.extend(_anaphoric(ctx, sentence, titles, seen))
        facts.extend(pronoun_roles(ctx, sentence, titles, seen, _org_after_title))
    return facts


def _anaphoric(ctx: ArticleContext, sentence: Sentence, titles: list[Title], seen: set) -> list[Fact]:
    """'Presiden Serikat Nelayan itu menambahkan': a title, its organisation and a demonstrative name the
    person last named, in this sentence or before. Where the article already gave that person a position
    at that organisation, the phrase only restates it ('bos Arka itu'), and adds nothing."""
    if not ctx.lang.grammar.get("role_anaphora"):
        return []
    demonstrative = re.compile(rf"\s+(?:{ctx.lang.words('role_anaphora')})\b")
    facts = []
    for title in titles:
        org = _org_after_title(ctx, sentence, title)[0]
        if org is None or not demonstrative.match(ctx.article.text, org.mention.end):
            continue
        person = ctx.person_before(sentence, title.start)
        if any(held[0] == person and held[-1] == org.ref for held in seen):
            continue
        for label, key in title.parts:
            if person is None or key in _ministers(ctx) or (person, key, label.casefold(), org.ref) in seen:
                continue
            seen.add((person, key, label.casefold(), org.ref))
            facts.append(Fact("PositionHeld", sentence.index, "role: TITLE ORG itu (the person last named)", (
                ("person", person), ("organization", org.ref), ("role", key), ("roleLabel", label))))
    return facts


def _looks_like_title(ctx: ArticleContext, person: Located) -> bool:
    """A 'person' whose name opens with a title's modifier ("Eksekutif Arka") is a title read as a name."""
    first = person.mention.text.split()[0].casefold()
    return first in {w.casefold() for w in ctx.lang.grammar.get("role_postmodifiers", ())}


def _roles_of(ctx: ArticleContext, sentence: Sentence, person: Located, titles: list[Title]):
    """(label, key, organisation, rule) for each title the sentence gives ``person``."""
    before = [t for t in titles if t.end <= person.mention.start]
    if before:
        found = list(_title_before(ctx, sentence, person, before[-1]))
        if found:
            return found
    after = [t for t in titles if t.lead >= person.mention.end]
    if after:
        found = list(_title_after(ctx, sentence, person, after[0]))
        if found:
            return found
    return list(_leads(ctx, sentence, person))


def _leads(ctx: ArticleContext, sentence: Sentence, person: Located):
    """'Mark Dale, who heads Halvorsen': a verb of leading gives the title the language names for it."""
    verbs, keys = ctx.lang.grammar.get("role_lead_verbs"), ctx.lang.grammar.get("role_lead_key")
    if not verbs or not keys:
        return
    match = _lead_verb_pattern(ctx.lang).match(ctx.article.text, person.mention.end)
    org = match and _org_starting_at(ctx, sentence, match.end())
    if org is not None:
        yield ctx.lang.roles[keys[0]][ctx.lang.code], keys[0], org.ref, "role: PERSON, who heads ORG"


@lru_cache(maxsize=None)
def _lead_verb_pattern(lang: Language) -> re.Pattern:
    return re.compile(rf"\s*,?\s*(?:{lang.words('role_lead_verbs')})\s+", re.IGNORECASE)


def _title_before(ctx: ArticleContext, sentence: Sentence, person: Located, title: Title):
    """'TITLE [ORG] [(ACRONYM)] [,:] PERSON', 'ORG's TITLE, PERSON', 'Menteri PORTFOLIO PERSON'."""
    gap = ctx.article.text[title.end:person.mention.start]
    department = bare_department(ctx.lang, gap)
    if department is not None and not (department and {k for _, k in title.parts} & set(_ministers(ctx))):
        org = _org_before_title(ctx, sentence, title)
        rule = "role: ORG's TITLE PERSON" if org else "role: TITLE PERSON (organisation in focus)"
        for index, (label, key) in enumerate(title.parts):
            if org is None and key in _unattached(ctx):
                continue
            label = f"{label} {department}".strip() if index == len(title.parts) - 1 else label
            yield label, key, org or _focus(ctx, sentence, title.start), rule
        return
    org = _org_in_gap(ctx, sentence, title, person)
    ref = org and _without_given_name(ctx, org, person)
    for index, (label, key) in enumerate(title.parts):
        if key in _ministers(ctx):
            yield from _minister(ctx, label, key, gap, org)
        elif ref is not None:
            department = department_of(ctx, title, org) if index == len(title.parts) - 1 else ""
            yield f"{label} {department}".strip(), key, ref, "role: TITLE ORG PERSON"


def _title_after(ctx: ArticleContext, sentence: Sentence, person: Located, title: Title):
    """'PERSON, [a] [former] TITLE [of|di] [the company] ORG', 'PERSON selaku TITLE ORG', 'PERSON, ORG's TITLE'."""
    lead = ctx.article.text[person.mention.end:title.lead]
    if not _lead_pattern(ctx.lang).fullmatch(lead):
        owner = _possessive_lead(ctx, sentence, person, title)
        for label, key in title.parts if owner else ():
            yield label, key, owner, "role: PERSON, ORG's TITLE"
        return
    org, tail = _org_after_title(ctx, sentence, title)
    if org is not None:
        ref, rule = org.ref, "role: PERSON, TITLE ORG"
    elif tail.group("noun") or _ends_clause(ctx.article.text[tail.end():sentence.end]):
        ref, rule = _focus(ctx, sentence, person.mention.start), "role: PERSON, TITLE (organisation in focus)"
    else:
        return
    for label, key in title.parts:
        if key not in _ministers(ctx) and (org is not None or tail.group("noun") or key not in _unattached(ctx)):
            yield label, key, ref, rule


def _possessive_lead(ctx: ArticleContext, sentence: Sentence, person: Located, title: Title) -> Ref | None:
    """'Mark Dale, Halvorsen's chief executive': the organisation between the comma and the title."""
    gaps = [g for g in ctx.lang.grammar.get("role_org_title_gaps", ()) if g]
    text = ctx.article.text
    for org in ctx.orgs(sentence, include_media=True):
        if person.mention.end < org.mention.start and org.mention.end <= title.lead \
                and re.fullmatch(r"\s*,\s*", text[person.mention.end:org.mention.start]) \
                and text[org.mention.end:title.lead].strip() in gaps:
            return org.ref
    return None


def _ends_clause(rest: str) -> bool:
    return re.match(r"\s*(?:[,.;)]|$)", rest) is not None


def _org_before_title(ctx: ArticleContext, sentence: Sentence, title: Title) -> Ref | None:
    """'Arka's CEO', 'Arka CEO': an organisation right before the title, where the language writes it so."""
    gaps = ctx.lang.grammar.get("role_org_title_gaps")
    if not gaps:
        return None
    for org in ctx.orgs(sentence, include_media=True):
        if org.mention.end <= title.start and ctx.article.text[org.mention.end:title.start].strip() in gaps:
            return org.ref
    return None


def _org_in_gap(ctx: ArticleContext, sentence: Sentence, title: Title, person: Located) -> Located | None:
    """The organisation between a title and a person: 'CEO [Arka] Budi', 'Kepala Riset [Arka] (ARK), Budi'.

    Words between the title and the organisation are the title's department ("Direktur Jaringan
    Arka"): capitalised words or connectors. After the organisation: its acronym, a place that
    qualifies it ("Arka Indonesia", "Dinas Tenaga Kerja Kota Bayu"), a comma or a naming word
    ("presenter Arka TV bernama Budi").
    """
    connectors = {w.casefold() for w in ctx.lang.grammar.get("role_connectors", ())}
    for org in ctx.orgs(sentence, include_media=True):
        if org.mention.start < title.end or org.mention.end > person.mention.start:
            continue
        between = ctx.article.text[title.end:org.mention.start].split()
        if len(between) <= 6 and all(w[:1].isupper() or w.casefold() in connectors for w in between) \
                and _gap_pattern(ctx.lang).fullmatch(_without_places(ctx, sentence, org, person)):
            return org
    return None


def _without_places(ctx: ArticleContext, sentence: Sentence, org: Located, person: Located) -> str:
    """The text between an organisation and a person, with the places named there taken out."""
    text, position, kept = ctx.article.text, org.mention.end, []
    for place in ctx.mentions[sentence.index]:
        if place.type in _PLACES and position <= place.mention.start and place.mention.end <= person.mention.start:
            kept.append(text[position:place.mention.start])
            position = place.mention.end
    return "".join(kept) + text[position:person.mention.start]


_PLACES = (EntityType.COUNTRY, EntityType.CITY)


@lru_cache(maxsize=None)
def _gap_pattern(lang: Language) -> re.Pattern:
    naming = rf"(?:\s+(?:{lang.words('role_naming')}))?" if lang.grammar.get("role_naming") else ""
    return re.compile(rf"\s*(?:\([^()]{{1,40}}\)\s*)?[,:]?{naming}\s*")


def _without_given_name(ctx: ArticleContext, org: Located, person: Located) -> Ref | None:
    """The organisation, where its name swallowed the person's given name ('CEO [Arka Budi] [Santoso]', with
    'Budi Santoso' named in full elsewhere): the company the article names by the rest, or none at all."""
    name = org.mention.text.split()
    full = ctx.entities.entities[person.ref.index].label.split()
    cut = next((k for k in (2, 1) if len(name) > k and len(full) > k and name[-k:] == full[:k]), 0)
    if not cut:
        return org.ref
    rest = " ".join(name[:-cut]).casefold()
    for index, entity in enumerate(ctx.entities.entities):
        if entity.type.is_organization and any(s.casefold() == rest for s in entity.surfaces):
            return Ref(index)
    return None


def _focus(ctx: ArticleContext, sentence: Sentence, position: int) -> Ref | None:
    """The organisation a title without one belongs to: the subject before it in this sentence, else the
    subject of the last sentence of the paragraph naming one, else the article's most named company (a
    company named in an earlier paragraph is often a rival or a partner, not the one the article is about).

    A government agency or a regulator is rarely that organisation ('the filing with the regulator ...
    its CFO'): an agency's officials are written with the agency's name, so agencies are skipped here.
    """
    here = [m for m in _employers(ctx, sentence) if m.mention.end <= position and not ctx._is_object(sentence, m)]
    if here:
        return here[0].ref
    for index in range(sentence.index - 1, -1, -1):
        before = ctx.sentences[index]
        if before.paragraph != sentence.paragraph:
            break
        found = [] if before.is_heading else _employers(ctx, before)
        if found:
            subjects = [m for m in found if not ctx._is_object(before, m)] or found
            return subjects[0].ref
    return ctx.section_subject(sentence.index) or ctx.main_org  # a list article: the company heading the section


def _employers(ctx: ArticleContext, sentence: Sentence) -> list[Located]:
    return [m for m in ctx.orgs(sentence) if m.type is not EntityType.AGENCY]


def _ministers(ctx: ArticleContext) -> tuple[str, ...]:
    return ctx.lang.grammar.get("role_minister_keys", ())


def _unattached(ctx: ArticleContext) -> tuple[str, ...]:
    """Titles held outside the company an article is about ('kata ekonom Budi'): no organisation in focus."""
    return _ministers(ctx) + ctx.lang.grammar.get("role_outside_keys", ())


def _minister(ctx: ArticleContext, label: str, key: str, gap: str, org: Located | None):
    """A minister holds office at a ministry: the one named beside the title, or the one the article names
    for the portfolio ("Menteri Kelautan" at "Kementerian Kelautan", "Menteri PUPR" at the ministry whose
    initials those are)."""
    if org is not None:
        if org.type is EntityType.AGENCY:
            yield label, key, org.ref, "role: TITLE MINISTRY PERSON"
        return
    portfolio = gap.strip(" ,:")
    if not portfolio or not all(w[:1].isupper() for w in portfolio.split()):
        return
    ministry = _ministry(ctx, portfolio)
    if ministry is not None:
        yield f"{label} {portfolio}", key, ministry, "role: Menteri PORTFOLIO PERSON (ministry named)"


def _ministry(ctx: ArticleContext, portfolio: str) -> Ref | None:
    """The ministry the article names (by any of its names) for a portfolio, by words or initials."""
    for index, entity in enumerate(ctx.entities.entities):
        if entity.type.is_organization and any(_is_ministry_of(ctx, s, portfolio) for s in entity.surfaces):
            return Ref(index)
    return None


def _is_ministry_of(ctx: ArticleContext, name: str, portfolio: str) -> bool:
    words = {w.casefold() for w in ctx.lang.grammar.get("role_ministry_words", ())}
    name_words = name.split()
    if len(name_words) < 2 or name_words[0].casefold() not in words:
        return False
    rest = [w for w in name_words[1:] if w.casefold() not in words]
    return " ".join(rest).casefold() == portfolio.casefold() or "".join(w[0] for w in rest) == portfolio


@lru_cache(maxsize=None)
def _lead_pattern(lang: Language) -> re.Pattern:
    """What may stand between a person and a title after the name: ', ', ', a ', ' selaku ', ', who is the '."""
    det, link = lang.words("role_apposition_det"), lang.words("role_as")
    return re.compile(rf"\s*(?:,\s*(?:(?:{link})\s+)?|\s+(?:{link})\s+)(?:(?:{det})\s+)?", re.IGNORECASE)


@lru_cache(maxsize=None)
def _tail_pattern(lang: Language) -> re.Pattern:
    """After a title: '[of|di] [the] [the company|perusahaan] [PT]' before the organisation's name."""
    link, noun = lang.words("role_org_link"), lang.words("role_company_nouns")
    det = rf"(?:(?:{lang.words('role_org_det')})\s+)?" if lang.grammar.get("role_org_det") else ""
    forms = lang.grammar.get("legal_forms_before") or ()
    legal = rf"(?P<legal>(?:{'|'.join(map(re.escape, forms))})\.?\s+)?" if forms else ""
    acronym = r"(?:\s*\((?-i:[A-Z]{2,6})\))?"  # 'Chief Technology Officer (CTO) di <X>': the title's own acronym
    return re.compile(rf"{acronym}\s*(?:(?:{link})\s+{det})?(?:(?P<noun>{noun})(?![\w-])\s*)?{legal}", re.IGNORECASE)


def _org_after_title(ctx: ArticleContext, sentence: Sentence, title: Title) -> tuple[Located | None, re.Match]:
    """The organisation named right after a title (its name with or without its legal form), and the words
    read to reach it."""
    tail = _tail_pattern(ctx.lang).match(ctx.article.text, title.end)
    org = _org_starting_at(ctx, sentence, tail.end())
    if org is None and tail.groupdict().get("legal"):
        org = _org_starting_at(ctx, sentence, tail.start("legal"))
    described = described_at(ctx.lang, ctx.article.text, tail.start("noun") if tail.group("noun") else tail.end())
    return org or _known_org_at(ctx, sentence, tail.end()) or _org_starting_at(ctx, sentence, described), tail


def _known_org_at(ctx: ArticleContext, sentence: Sentence, position: int) -> Located | None:
    """An organisation the article names elsewhere, written here where no mention was found ('analis Arka,')."""
    words = list(re.finditer(r"[^\W_][\w&.-]*", ctx.article.text[position:sentence.end][:80]))
    if not words or words[0].start() != 0 or not words[0].group(0)[:1].isupper():
        return None
    surfaces = _org_surfaces(ctx)
    for count in range(min(4, len(words)), 0, -1):
        if not all(w.group(0)[:1].isupper() for w in words[:count]):
            continue
        end = position + words[count - 1].end()
        if end < sentence.end and ctx.article.text[end].isalnum():
            continue
        ref = surfaces.get(ctx.article.text[position:end].casefold())
        if ref is not None:
            return Located(Mention(position, end, ctx.article.text[position:end], sentence.index,
                                   ctx.entities.entities[ref.index].type, "role slot"), ref)
    return None


def _org_surfaces(ctx: ArticleContext) -> dict[str, Ref]:
    """Every organisation name the article's mentions use, casefolded -> its entity."""
    return {m.mention.text.casefold(): m.ref for ms in ctx.mentions for m in ms if m.type.is_organization}


def _org_starting_at(ctx: ArticleContext, sentence: Sentence, position: int) -> Located | None:
    for org in ctx.orgs(sentence, include_media=True):
        if org.mention.start == position:
            return org
    return None


def _founders(ctx: ArticleContext, sentence: Sentence, seen: set) -> list[Fact]:
    """'the firm founded by A, B and C': each person named after the verb, until the clause breaks."""
    match = _founded_then_by(ctx, sentence.text) or re.search(rf"\b(?:{ctx.lang.words('founded_by')})\s+", sentence.text)
    if not match:
        return []
    org = ctx.org_near(sentence, sentence.start + match.start())
    label = ctx.lang.roles["founder"][ctx.lang.code]
    facts = []
    for person in ctx.people(sentence):
        if person.mention.start < sentence.start + match.end():
            continue
        between = ctx.article.text[sentence.start + match.end():person.mention.start]
        if re.search(rf"[.;]|\b(?:{ctx.lang.words('founder_break')})\b", between):
            break
        key = (person.ref, "founder", label.casefold(), org)
        if org is not None and key not in seen:
            seen.add(key)
            facts.append(Fact("PositionHeld", sentence.index, "role: founded by PERSON", (
                ("person", person.ref), ("organization", org), ("role", "founder"), ("roleLabel", label))))
    return facts


def _founded_then_by(ctx: ArticleContext, text: str):
    """'founded in 2022 by', 'didirikan pada 2021 oleh': a time between the verb and its agent."""
    w, grammar = ctx.lang.words, ctx.lang.grammar
    if not grammar.get("founded_verbs"):
        return None
    return re.search(rf"\b(?:{w('founded_verbs')})\s+(?:{w('founding_time_words')})\s+[^\s,.;]+(?:\s+\d{{4}})?"
                     rf"\s+(?:{w('founding_agents')})\s+", text, re.IGNORECASE)
