"""Layoffs: who cut how many jobs, when, where and why.

Each rule reads one sentence: a trigger word from ``facts.yaml``, the numbers next to words for
employees, the employer (the subject of the trigger's clause, see ``ArticleContext.employers``) and
the date it states. A number is the layoff's count only when it counts the people who lose their
jobs: not the base of a percentage ("5 persen dari 2.000 karyawan"), not the denominator of a ratio
("one in four jobs"), not the upper end of a range, not a number a staff-count pattern claimed.
A layoff without a count (a percentage, or none) is kept once per employer, and only when the
article gives that employer no counted layoff: it is then the same event told without its number.
"""
from __future__ import annotations

import re

from newskg.extract.facts.context import ArticleContext, Ref
from newskg.extract.facts.workforce import (date_after, division_after, division_phrase, employee_count, planned, qualified,
                                     reported, triggers)
from newskg.model import EntityType, Fact, PartialDate, Quantity, Sentence
from newskg.textutil import alternation, find_words, inside_quotation


def extract_layoffs(ctx: ArticleContext, claimed: set[int]) -> list[Fact]:
    facts = []
    for sentence in ctx.body():
        found = [t for t in triggers(ctx, sentence, ctx.lang.fact_words('Layoff', 'triggers'))  # "tidak melakukan PHK"
                 if not ctx.negated(sentence, sentence.start + t.start(), window=4) and not _denied(ctx, sentence, t)
                 and not _nobody(ctx, sentence, t)]
        if not found:
            continue
        at = sentence.start + found[0].start()
        counts = [q for q in _layoff_counts(ctx, sentence, claimed) if _same_statement(ctx, found, sentence, q)]
        if counts:
            facts.extend(_counted(ctx, sentence, [sentence.start + t.start() for t in found], counts))
        else:
            facts.extend(_counted_next(ctx, sentence, fact, claimed) for fact in _uncounted(ctx, sentence, at))
    return _one_per_uncounted_employer(facts)


def _counted_next(ctx: ArticleContext, sentence: Sentence, fact: Fact, claimed: set[int]) -> Fact:
    """'X resmi melakukan PHK. Sebanyak 240 karyawan terdampak ...': the next sentence, with no layoff word and
    no other company, gives the count of the layoff just told as the staff it affected."""
    body = [s for s in ctx.sentences if s.index > sentence.index and not s.is_heading][:1]
    if fact.get("percentage") is not None or not body \
            or any(m.ref != fact.get("organization") for m in ctx.orgs(body[0], include_media=True)) \
            or triggers(ctx, body[0], ctx.lang.fact_words('Layoff', 'triggers')):
        return fact
    nxt, w = body[0], ctx.lang.words
    for q in ctx.quantities[nxt.index]:
        after = " ".join(ctx.article.text[q.end:nxt.end].split()[:4])
        if q.start not in claimed and q.unit == "count" and employee_count(ctx, nxt, q) \
                and re.search(rf"\b(?:{w('affected_words')})\b", after, re.IGNORECASE):
            values = [v for v in fact.values if v[0] != "employees"] + [("employees", q.as_int)]
            qualified(values, q)
            return Fact(fact.kind, fact.sentence, "layoff: trigger, count in the next sentence", tuple(values))
    return fact


def _denied(ctx: ArticleContext, sentence: Sentence, trigger: re.Match) -> bool:
    """'membantah melakukan PHK', 'denied it would cut jobs': a denial, not a layoff."""
    clause = re.split(r"[,;:](?=\s)", sentence.text[:trigger.start()])[-1]  # "denied reports that it plans to cut"
    before = " ".join(clause.split()[-_DENIAL_WORDS:])
    return bool(re.search(rf"\b(?:{ctx.lang.words('denial_words')})\b", before, re.IGNORECASE))


_DENIAL_WORDS = 8  # a denial this many words before a layoff word, in its clause, denies it


def _nobody(ctx: ArticleContext, sentence: Sentence, trigger: re.Match) -> bool:
    """'tidak ada karyawan ... yang diberhentikan', 'no one at the plant was laid off': a negated existence earlier in
    the trigger's clause (no comma between) denies the layoff however many words stand between."""
    words = ctx.lang.grammar.get("existential_negations", ())
    if not words:
        return False
    return bool(re.search(rf"\b(?:{ctx.lang.words('existential_negations')})\b[^,;:]*$", sentence.text[:trigger.start()],
                          re.IGNORECASE))


def _counted(ctx: ArticleContext, sentence: Sentence, starts: list[int], counts: list[Quantity]) -> list[Fact]:
    """One layoff per count of the sentence ("800 cuts this year and 400 last year"), each by the employer of
    the last trigger before it ("A memangkas 100 karyawan, dan B merumahkan 200 pekerja")."""
    if _counted_companies(ctx, sentence, starts[0]) and not ctx.employers_named(sentence):
        return []  # "tujuh pabrik ... melakukan PHK dengan total 4.000 pekerja": unnamed companies' total
    facts = []
    own = [division_after(ctx, sentence, count) for count in counts]
    if any(own):  # a breakdown: the total has no division, each part its own
        own = [d or "" for d in own]
    for count, division in zip(counts, own):
        at = max((start for start in starts if start < count.start), default=starts[0])
        employers = [] if _unknown_owner_after(ctx, sentence, count) else ctx.employers(sentence, at)
        for employer in employers or [None]:
            values = [("organization", employer), ("employees", count.as_int)]
            qualified(values, count)
            date = (date_after(ctx, sentence, count) if len(counts) > 1 else ctx.date_near(sentence, at)) \
                or reported(ctx)
            rule = "layoff: trigger + employee count" if not count.vague else "layoff: trigger + vague count"
            rule += " (plan)" if planned(ctx, sentence, at) else ""
            facts.append(_fact(ctx, sentence, rule, values, date, division))
    return facts


def _counted_companies(ctx: ArticleContext, sentence: Sentence, at: int) -> bool:
    """Does the sentence count the companies that cut, before the layoff word ('ada tujuh pabrik ... yang melakukan
    PHK')? Their layoffs are no one company's. Companies a company has ('memiliki 12 pabrik') are its own."""
    nouns, text = ctx.lang.words("company_count_nouns"), ctx.article.text
    have = alternation(ctx.lang.fact_words('StaffCount', 'have_verbs'))
    return any(re.match(rf"\s+(?:\w+\s+)?(?:{nouns})\b", text[q.end:sentence.end], re.IGNORECASE)
               and not re.search(rf"\b(?:{have})\s+$", text[sentence.start:q.start], re.IGNORECASE)
               for q in ctx.quantities[sentence.index] if q.unit == "count" and q.end <= at)


def _unknown_owner_after(ctx: ArticleContext, sentence: Sentence, count: Quantity) -> bool:
    """'Puluhan jurnalis Beritagar ...' where no name was found: the employer is named but unknown."""
    match = re.match(r"\s+[^\W\d]+\s+([A-Z][a-z][\w.-]*)", ctx.article.text[count.end:sentence.end])
    if not match or _calendar_word(ctx, match.group(1)):  # "200 workers Friday"
        return False
    at = count.end + match.start(1)
    return not any(m.mention.start <= at < m.mention.end for m in ctx.mentions[sentence.index]
                   if m.type is not EntityType.PERSON)


def _calendar_word(ctx: ArticleContext, word: str) -> bool:
    days = {name for names in ctx.lang.grammar["weekday_order"] for name in names.split("/")}
    word = word.rstrip(".-").casefold()
    return word in days or word in ctx.lang.months


def _uncounted(ctx: ArticleContext, sentence: Sentence, at: int) -> list[Fact]:
    """A layoff named without a count: of the companies a list names, or of the clause's employer."""
    if _in_speech(sentence.text, at - sentence.start):
        return []  # a speaker's words about layoffs in general ("keputusan yang menyebabkan PHK")
    if _told_before(ctx, sentence, at):
        return []  # "PHK tersebut", "these layoffs": the layoff already reported, not another company's
    nouns = f"{ctx.lang.words('statistic_nouns')}|{ctx.lang.words('talk_nouns')}"
    if re.search(rf"\b(?:{nouns})\s+$", sentence.text[:at - sentence.start], re.IGNORECASE):
        return []  # "data PHK", "gelombang PHK", "isu PHK": figures, a trend or talk, not one company's layoff
    if not _staff_object(ctx, sentence, at) or _affected_group(ctx, sentence, at):
        return []  # "cut standby duty by 12%": a cut, but not of staff; "buruh yang terkena PHK": a layoff told
    listed = _listed(ctx, sentence)
    named = {m.ref for m in ctx.employers_named(sentence)}
    section = ctx.section_subject(sentence.index)  # "Quillfield Books" heading, "The bookseller is cutting ..."
    anaphor = _anaphor_subject(ctx, sentence, at)  # "The company cut 40% of its team": the company in focus
    employers = listed or [ref for ref in ctx.employers(sentence, at) if ref in named or ref == section or anaphor]
    if len(employers) > 1 and _all_of_them(ctx, sentence, at):
        return []  # "A, B, C and D have all shed staff": a trend told by names, no one's layoff in this article
    facts = []
    for employer in employers:
        values = [("organization", employer)]
        rule = "layoff: listed company" if listed else "layoff: trigger, no count"
        facts.append(_fact(ctx, sentence, rule, values, ctx.date_near(sentence, at)))
    return facts


def _staff_object(ctx: ArticleContext, sentence: Sentence, at: int) -> bool:
    """A verb that cuts anything ('cut', 'memangkas': object_verbs in facts.yaml) is a layoff only with staff or
    jobs as its object, a few words on and before the clause ends ('cut 10% of its staff', not 'cut costs')."""
    rest = sentence.text[at - sentence.start:]
    verb = re.match(rf"(?:{alternation(ctx.lang.fact_words('Layoff', 'object_verbs'))})\b", rest, re.IGNORECASE)
    if not verb:
        return True
    objects = alternation(ctx.lang.employee_nouns + ctx.lang.fact_words('Layoff', 'staff_objects'))
    after = re.split(r"[,;.:](?=\s|$)", rest[verb.end():], maxsplit=1)[0].split()[:_OBJECT_WORDS]  # not "2.400"
    before = re.split(r"[,;:](?=\s)", sentence.text[:at - sentence.start])[-1].split()[-_OBJECT_WORDS // 2:]  # "jobs were cut"
    return bool(re.search(rf"\b(?:{objects})", " ".join(before + after), re.IGNORECASE))


_OBJECT_WORDS = 8  # "cut roughly 40% of its 600-person support team": the object within this many words


def _affected_group(ctx: ArticleContext, sentence: Sentence, at: int) -> bool:
    """'buruh yang terkena PHK', 'workers who were laid off': staff described by a layoff already told, no new one."""
    before = sentence.text[:at - sentence.start]
    w = ctx.lang.words
    return bool(re.search(rf"\b(?:{alternation(ctx.lang.employee_nouns)})\s+(?:{w('relative_words')})\s+"
                          rf"(?:\w+\s+)?(?:{w('affected_words')})\s+$", before, re.IGNORECASE))


def _all_of_them(ctx: ArticleContext, sentence: Sentence, at: int) -> bool:
    """Does a word for 'all of them' ('have all', 'sama-sama') stand just before the trigger?"""
    before = " ".join(sentence.text[:at - sentence.start].split()[-3:])
    return bool(re.search(rf"\b(?:{ctx.lang.words('group_quantifiers')})\b", before, re.IGNORECASE))


def _anaphor_subject(ctx: ArticleContext, sentence: Sentence, at: int) -> bool:
    """Is the trigger's subject a word for the company in focus ('The company cut', 'perusahaan itu akan
    merumahkan'), at most a few words before it within the clause?"""
    before = sentence.text[:at - sentence.start]
    return bool(re.search(rf"\b(?:{ctx.lang.words('company_anaphors')})\s+(?:[^\W\d]+\s+){{0,2}}$", before, re.IGNORECASE)) \
        and not re.search(r"[,;]\s*(?:\S+\s+){0,3}$", before)


def _in_speech(text: str, local: int) -> bool:
    """Is ``local`` inside a quoted statement? A few quoted words in the writer's own sentence ('will go through
    "a reduction in workforce"') are the writer's report of the event, quoted for the wording, not speech."""
    if not inside_quotation(text, local):
        return False
    opened = max(text.rfind("“", 0, local), text.rfind('"', 0, local))
    closing = re.search(r"[”\"]", text[local:])
    if closing is None or opened < 0:
        return True
    quoted = text[opened + 1:local + closing.start()]
    return len(quoted.split()) > _SHORT_QUOTE or bool(re.search(r"[.!?,]$", quoted.strip()))


_SHORT_QUOTE = 5  # words: a quoted phrase this short, with no sentence end inside, is a phrase, not a statement


def _told_before(ctx: ArticleContext, sentence: Sentence, at: int) -> bool:
    """Does a demonstrative point the trigger at ``at`` back to an event told earlier ('PHK massal tersebut',
    'these cuts')? Its sentence adds details (how it was announced), not a layoff of whoever it names."""
    grammar, local = ctx.lang.grammar, at - sentence.start
    before = grammar.get("event_anaphors_before") and re.search(
        rf"\b(?:{ctx.lang.words('event_anaphors_before')})\s+$", sentence.text[:local], re.IGNORECASE)
    words = alternation(ctx.lang.fact_words("Layoff", "triggers"))  # the whole trigger, its short form in brackets
    after = grammar.get("event_anaphors_after") and re.match(
        rf"(?:{words})(?:\s*\([^)]*\))?\s+(?:{ctx.lang.words('event_anaphors_after')})\b", sentence.text[local:],
        re.IGNORECASE)
    return bool(before or after)


def _fact(ctx: ArticleContext, sentence: Sentence, rule: str, values: list, date, division: str | None = None) -> Fact:
    percent = next((q for q in ctx.quantities[sentence.index] if q.unit == "percent"), None)
    if percent:
        values.append(("percentage", percent.value))
    if date:
        values.append(("date", date))
    division = division_phrase(sentence.text, ctx) if division is None else division  # "": none, by design
    if division:
        values.append(("division", division))
    reason = _reason(sentence.text, ctx)
    if reason:
        values.append(("reason", reason))
    if find_words(ctx.lang.grammar["cancel_words"], sentence.text):
        values.append(("cancelled", True))
    return Fact("Layoff", sentence.index, rule, tuple(v for v in values if v[1] is not None))


def _layoff_counts(ctx: ArticleContext, sentence: Sentence, claimed: set[int]) -> list[Quantity]:
    """The numbers of people laid off: the first, and later ones only with their own noun and clause."""
    quantities = ctx.quantities[sentence.index]
    counts = []
    for i, q in enumerate(quantities):
        if q.start in claimed or q.unit != "count":
            continue
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        lower_end = nxt is not None and _range(ctx, q, nxt) and employee_count(ctx, sentence, nxt)
        part = nxt is not None and _partitive(ctx, sentence, q, nxt)
        breakdown = bool(counts) and division_after(ctx, sentence, q) is not None  # "2,500 in sales, 700 in ..."
        if not (employee_count(ctx, sentence, q) or _job_cuts_after(ctx, sentence, q) or lower_end or breakdown or part
                or (q.vague and not counts) or _staff_cut_by(ctx, sentence, q)):
            continue
        previous = quantities[i - 1] if i else None
        if previous is not None and _joined(ctx, previous, q, "count_base_joiners"):
            continue  # "5 persen dari 2.000 karyawan", "one in four jobs": a base, not the count
        if previous is not None and counts and previous is counts[-1] and _range(ctx, previous, q):
            continue  # "3.000 hingga 5.000 karyawan": the lower end stands for the range
        if counts and not breakdown and not _own_clause(ctx, counts[-1], q) and not _verb_between(ctx, sentence, counts[-1], q):
            continue
        counts.append(q)
    return counts


def _same_statement(ctx: ArticleContext, found: list[re.Match], sentence: Sentence, q: Quantity) -> bool:
    """Is a trigger in the same statement as ``q``? A quotation can hold several sentences in one."""
    aside = _relative_clause(ctx, sentence, q)
    for trigger in found:
        start, end = sorted((sentence.start + trigger.start(), q.start))
        if aside and not aside[0] <= sentence.start + trigger.start() < aside[1]:
            continue  # "the union, which represents 300,000 staff, criticised the layoffs": an aside's number
        if not re.search(r"[.!?][\"”’]?\s", _without_names(ctx, sentence, start, end)):
            return True
    return False


def _without_names(ctx: ArticleContext, sentence: Sentence, start: int, end: int) -> str:
    """The text from ``start`` to ``end`` with names blanked: the full stop of 'Inc.' ends no statement."""
    text = list(ctx.article.text[start:end])
    for m in ctx.mentions[sentence.index]:
        for i in range(max(m.mention.start, start), min(m.mention.end, end)):
            text[i - start] = "x"
    return "".join(text)


def _relative_clause(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> tuple[int, int] | None:
    """The span of a relative clause between commas (", which ... ,") that holds ``q``, if any."""
    pattern = rf",\s*(?:{ctx.lang.words('relative_words')})\b[^,]*,"
    for match in re.finditer(pattern, sentence.text, re.IGNORECASE):
        span = (sentence.start + match.start(), sentence.start + match.end())
        if span[0] <= q.start < span[1]:
            return span
    return None


def _joined(ctx: ArticleContext, first: Quantity, second: Quantity, joiners: str) -> bool:
    """Is the text between two quantities nothing but one of the ``joiners`` word class?"""
    gap = ctx.article.text[first.end:second.start]
    w = ctx.lang.words
    return bool(re.fullmatch(rf"\s*(?:\w+\s+)?(?:{w(joiners)})(?:\s+(?:{w('count_base_determiners')}))?\s*", gap,
                             re.IGNORECASE))


def _partitive(ctx: ArticleContext, sentence: Sentence, part: Quantity, whole: Quantity) -> bool:
    """'200 of its 1,000 employees', '300 dari 2.000 karyawannya': the part is the count. Small numbers
    joined so are a ratio ('one in four jobs'), not a part."""
    return part.value >= 10 and _joined(ctx, part, whole, "partitive_joiners") and employee_count(ctx, sentence, whole)


def _range(ctx: ArticleContext, low: Quantity, high: Quantity) -> bool:
    """'3.000-5.000', '3,000 to 5,000', '3.000 hingga 5.000' (the number reader reads 'hingga 5.000' as 'up to')."""
    if high.qualifier == "up_to" and not ctx.article.text[low.end:high.start].strip():
        return True
    return _joined(ctx, low, high, "range_joiners")


def _own_clause(ctx: ArticleContext, earlier: Quantity, later: Quantity) -> bool:
    """A second count is its own layoff when a coordinator separates it from the first ("... and 400 ...")."""
    gap = ctx.article.text[earlier.end:later.start]
    return bool(re.search(rf"\b(?:{ctx.lang.words('subject_coordinators')})\b", gap, re.IGNORECASE)) \
        and not re.search(rf"\b(?:{ctx.lang.words('total_words')})\b", gap, re.IGNORECASE)


def _verb_between(ctx: ArticleContext, sentence: Sentence, earlier: Quantity, later: Quantity) -> bool:
    """'A memangkas 2.000 pekerja, sementara B merumahkan 700 buruh': a layoff word between two counts makes the
    second a layoff of its own."""
    return any(earlier.end <= sentence.start + t.start() < later.start
               for t in triggers(ctx, sentence, ctx.lang.fact_words('Layoff', 'triggers')))


def _staff_cut_by(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> bool:
    """'reduce headcount by 600', 'cut its workforce by about 900': the amount the staff is cut by."""
    objects = alternation(ctx.lang.employee_nouns + ctx.lang.fact_words('Layoff', 'staff_objects'))
    before = ctx.article.text[sentence.start:q.start]
    return bool(re.search(rf"\b(?:{objects})\s+(?:{ctx.lang.words('change_by')})\s*$", before, re.IGNORECASE))


def _job_cuts_after(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> bool:
    """'300 job cuts', '500 PHK': a count of cuts, not of people."""
    after = ctx.article.text[q.end:sentence.end]
    return bool(re.match(rf"\s+(?:{ctx.lang.words('job_cut_nouns')})\b", after, re.IGNORECASE))


def _listed(ctx: ArticleContext, sentence: Sentence) -> list[Ref]:
    """Companies a list names after "antara lain", "seperti", "including": each had a layoff."""
    namer = re.search(rf"\b(?:{ctx.lang.words('list_namers')})\b", sentence.text, re.IGNORECASE)
    if not namer:
        return []
    after = [m for m in ctx.orgs(sentence, include_media=True) if m.mention.start >= sentence.start + namer.end()]
    if len(after) < 2:
        return []
    refs = []
    for m in after:
        if m.ref not in refs:
            refs.append(m.ref)
    return refs


def _one_per_uncounted_employer(facts: list[Fact]) -> list[Fact]:
    """Drop count-less layoffs of an employer the article gives a count for, and their repeats."""
    counted = {f.get("organization") for f in facts if f.get("employees") is not None}
    kept, seen = [], set()
    for fact in facts:
        org = fact.get("organization")
        if fact.get("employees") is None and (org in counted or org in seen):
            continue
        if fact.get("employees") is None:
            seen.add(org)
        kept.append(fact)
    return kept


def _reason(text: str, ctx: ArticleContext) -> str | None:
    match = re.search(rf"\b(?:{alternation(ctx.lang.fact_words('Layoff', 'reason_cues'))})\s+([^,.;]{{3,80}})", text, re.IGNORECASE)
    return match.group(0).strip() if match else None
