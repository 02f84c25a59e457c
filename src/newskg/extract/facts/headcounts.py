"""Staff counts: "memiliki 7.500 karyawan", "jumlah karyawan menyusut dari 3.800 menjadi 2.000", "a workforce of 9,000".

The numbers a staff-count pattern claims are staff counts, never layoffs or openings: the caller passes
their offsets on to the layoff and hiring rules.
"""
from __future__ import annotations

import re

from newskg.extract.facts.context import ArticleContext
from newskg.extract.facts.workforce import date_after, division_phrase, employee_count, qualified, triggers
from newskg.model import Fact, Quantity, Sentence
from newskg.textutil import alternation as _words, find_words as _find


def extract_headcounts(ctx: ArticleContext) -> tuple[list[Fact], set[int]]:
    """Staff-count figures; also the start offsets of the numbers they claim."""
    facts, claimed = [], set()
    for sentence in ctx.body():
        found = _headcount_figures(ctx, sentence)
        for position, quantity, role, rule in found:
            claimed.add(quantity.start)
            values = [("organization", ctx.employer(sentence, position)), ("value", quantity.as_int)]
            qualified(values, quantity)
            date = date_after(ctx, sentence, quantity)
            if date:
                values.append(("date", date))
            division = _division_named(ctx, sentence, quantity) or _sized_group(ctx, sentence, quantity) or (
                _part_name(ctx, sentence, quantity) if rule == "headcount: breakdown" else _division(ctx, sentence))
            if division:
                values.append(("division", division))
            change = _percent_change(ctx, sentence)
            if change is not None and role == "after":
                values.append(("percentChange", change))
            values.append(("figureRole", role))
            facts.append(Fact("StaffCount", sentence.index, rule, tuple(v for v in values if v[1] is not None)))
    return facts, claimed


_STANDALONE = ("headcount: memiliki X karyawan", "headcount: N staff that exist", "headcount: N staff are DIVISION",
               "headcount: N-person team")  # rules that need no staff noun


def _headcount_figures(ctx: ArticleContext, sentence: Sentence):
    lower, w = sentence.text.casefold(), ctx.lang.words
    counts = [q for q in ctx.quantities[sentence.index] if q.unit == "count" and not q.vague]
    has_noun = _staff_total_nouns(ctx, lower)
    have = _find(ctx.lang.fact_words('StaffCount', 'have_verbs') + ctx.lang.grammar["existence_words"], lower)
    src, dst, prev = w("change_from"), w("change_to"), w("previously")
    existing = any(_existing_after(ctx, sentence, q) or _division_named(ctx, sentence, q) for q in counts)
    period_end = bool(ctx.lang.grammar.get("period_end_verbs")) and _find(ctx.lang.grammar["period_end_verbs"], lower)
    existing = existing or any(_sized_group(ctx, sentence, q) or _staff_of_name_stated(ctx, sentence, q)
                               or _total_of_staff(ctx, sentence, q)
                               or _possessed_staff(ctx, sentence, q, []) for q in counts)  # "its 600-person team"
    if not counts or not (has_noun or have or existing or period_end or re.search(rf"\b(?:{src})\b.*\b(?:{dst})\b", lower)):
        return []
    anchor = sentence.start + (has_noun[0].start() if has_noun else (have[0].start() if have else 0))
    text = ctx.article.text
    figures = []
    parts = _breakdown(ctx, sentence, counts) if has_noun or have else []  # "mempekerjakan N, terdiri dari ..."
    other = [q for q in counts if q not in parts and _counts_other_things(ctx, sentence, q)]  # "from three shifts"
    partners = [q for q in counts for o in other if o.end <= q.start and  # "... to two": its partner, the same things
                re.fullmatch(rf"\s+\S+\s+(?:{dst})\s+", text[o.end:q.start], re.IGNORECASE)]
    counts = [q for q in counts if q not in other and q not in partners]
    for q in counts:
        before = text[sentence.start:q.start].casefold()
        if q in parts:
            figures.append((anchor, q, "figure", "headcount: breakdown"))
            continue
        if re.search(rf"\b(?:{src})(?:\s+(?:{prev}))?(?:\s+(?:{w('average')}))?\s*$", before) \
                and _has_later(counts, q, dst, text):
            figures.append((anchor, q, "before", "headcount: dari X menjadi Y"))
        elif re.search(rf"\b(?:{dst})(?:\s+(?:{w('only_words')}))?\s*$", before):
            figures.append((anchor, q, "after", "headcount: menjadi Y"))
        elif re.search(rf"\b(?:{src})(?:\s+(?:{prev}))?\s*$", before) and any(f[2] in ("after", "figure") for f in figures):  # "N employees, down from M"
            figures.append((anchor, q, "before", "headcount: menjadi Y dari X"))
        else:
            rule = _stated_figure(ctx, sentence, q, has_noun)
            if rule:
                figures.append((anchor, q, "figure", rule))
    if not has_noun and not any(employee_count(ctx, sentence, f[1]) for f in figures):
        return [f for f in figures if f[3] in _STANDALONE]
    return [f for f in figures if not _is_duration(ctx, sentence, f[1])]


def _breakdown(ctx: ArticleContext, sentence: Sentence, counts: list[Quantity]) -> list[Quantity]:
    """'..., termasuk 610 pilot dan 1.380 awak kabin', 'breaks down its workforce as 598 pilots, 1,362 cabin crew
    and ...': the counts of a list after a breakdown word, each the staff of one part."""
    text, w = ctx.article.text, ctx.lang.words
    opener = re.search(rf"\b(?:{w('breakdown_words')})\b", sentence.text, re.IGNORECASE)
    if not opener:
        return []
    parts, end = [], sentence.start + opener.end()
    for q in counts:
        gap = text[end:q.start]
        first = not parts and len(gap.split()) <= 3 and not re.search(r"[,;.]\s", gap)  # "as 598", "its workforce as 598"
        listed = parts and len(gap.split()) <= 5 and re.search(rf",|\b(?:{w('subject_coordinators')})\b", gap)
        if q.start < end or not (first or listed) or _is_duration(ctx, sentence, q):
            if parts:
                break
            continue
        parts.append(q)
        end = q.end
    return parts if len(parts) >= 2 else []


def _counts_other_things(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> bool:
    """Is ``q`` followed by a noun that is no word for staff ('three shifts', '12 pesawat')? Common words
    ('dari 3.800 menjadi ...', '9,000 in 2023') and staff nouns leave it a possible staff count."""
    after = ctx.article.text[q.end:sentence.end]
    word = re.match(r"\s+(?:\w+-[\w-]+\s+)?([^\W\d][\w-]*)", after)  # "2,300 full-time employees": the noun
    if not word or word.group(1).casefold() in ctx.lang.stopwords or word.group(1)[0].isupper():
        return False
    staff = _words(ctx.lang.employee_nouns + tuple(ctx.lang.grammar["staff_nouns"]))
    known = rf"{staff}|{ctx.lang.words('change_to')}|{ctx.lang.words('change_from')}|{ctx.lang.words('figure_verbs')}"
    return not re.match(rf"(?:{known})", word.group(1), re.IGNORECASE)


def _part_name(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> str | None:
    """The part a breakdown's count is of: the words after it, up to the next comma or coordinator."""
    match = re.match(rf"\s+([^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){{0,3}}?)(?=\s*[,.;]|\s+(?:"
                     rf"{ctx.lang.words('subject_coordinators')})\b|\s*$)", ctx.article.text[q.end:sentence.end])
    return match.group(1) if match else None


def _staff_total_nouns(ctx: ArticleContext, lower: str) -> list[re.Match]:
    """Words that announce a staff figure: the language's list, and "jumlah/total" + one word + a staff noun; not
    when an affected word qualifies the noun ('jumlah pekerja yang terkena'): that counts the people a cut touches."""
    w = ctx.lang.words
    found = _find(ctx.lang.fact_words('StaffCount', 'nouns'), lower)
    found += list(re.finditer(rf"\b(?:{w('headcount_totals')})\s+(?:\w+\s+)?(?:{w('staff_nouns')})\b", lower))
    # "jumlah karyawan yang terdampak mencapai N" counts a cut; "... menjadi N" is a running total, still claimed
    affected = rf"(?:\s+[\w-]+){{0,3}}?\s+(?:{w('affected_words')})\b(?!.*\b(?:{w('change_to')})\b)"
    return sorted((m for m in found if not re.match(affected, lower[m.end():])), key=lambda m: m.start())


def _stated_figure(ctx: ArticleContext, sentence: Sentence, q: Quantity, nouns: list[re.Match]) -> str | None:
    """The rule by which ``q`` is a staff figure: after a staff noun, or after "memiliki"/"ada" with a staff noun."""
    w = ctx.lang.words
    before = ctx.article.text[sentence.start:q.start].casefold()
    cuts = triggers(ctx, sentence, ctx.lang.fact_words('Layoff', 'triggers'))
    nouns = [n for n in nouns if not any(c.start() <= n.start() < c.end() for c in cuts)]  # "mengurangi tenaga kerja"
    if (re.search(rf"\b(?:{w('figure_verbs')})\s*$", before) or q.qualifier) and _noun_close(sentence, nouns, q):
        return "headcount: jumlah karyawan adalah X"
    if _noun_right_before(ctx, sentence, nouns, q) or _staff_of_name_stated(ctx, sentence, q):
        return "headcount: total karyawan X"
    if _possessed_staff(ctx, sentence, q, cuts):
        return "headcount: its N staff"
    if employee_count(ctx, sentence, q) and _existing_after(ctx, sentence, q):
        return "headcount: N staff that exist"
    if _sized_group(ctx, sentence, q):
        return "headcount: N-person team"
    if _total_of_staff(ctx, sentence, q) and not cuts:
        return "headcount: total N karyawan"
    if employee_count(ctx, sentence, q) and _division_named(ctx, sentence, q) and not cuts:
        return "headcount: N staff are DIVISION"
    have = _have_before(ctx, before)
    there_are = re.search(rf"\b(?:{w('existence_words')})\s*$", before)
    if (have or (there_are and not _staff_before(ctx, before[:there_are.start()]))) \
            and employee_count(ctx, sentence, q) and not _affected_after(ctx, sentence, q, cuts):
        return "headcount: memiliki X karyawan"
    return None


def _noun_right_before(ctx: ArticleContext, sentence: Sentence, nouns: list[re.Match], q: Quantity) -> bool:
    """'total karyawan 4.215 orang', 'total karyawan Bank X tercatat 14.306 orang': nothing but the company's name
    and a verb of stating between a staff-total noun and the number."""
    text = ctx.article.text
    names = [(m.mention.start, m.mention.end) for m in ctx.mentions[sentence.index]]
    for noun in nouns:
        start = sentence.start + noun.end()
        if start > q.start:
            continue
        gap = "".join(ch for i, ch in enumerate(text[start:q.start], start) if not any(a <= i < b for a, b in names))
        legal = ctx.lang.words("legal_forms_before") if ctx.lang.grammar["legal_forms_before"] else "(?!)"
        if re.fullmatch(rf"\s*(?:(?:{_stating(ctx)}|{legal})\s+)*", gap, re.IGNORECASE):  # "PT" before a name
            return True
    return False


def _stating(ctx: ArticleContext) -> str:
    """Verbs of stating a figure and the hedges around them ('tercatat', 'kini tinggal', 'stands at')."""
    hedges = f"|{ctx.lang.words('figure_hedges')}" if ctx.lang.grammar.get("figure_hedges") else ""
    return ctx.lang.words("figure_verbs") + hedges


def _staff_of_name_stated(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> bool:
    """'Karyawan PT X berjumlah 1.200 orang': a staff noun, a company's name, a verb of stating, the number."""
    before = ctx.article.text[sentence.start:q.start]
    for m in reversed(ctx.mentions[sentence.index]):
        if m.mention.end <= q.start and m.type.is_organization:
            head, tail = before[:m.mention.start - sentence.start], before[m.mention.end - sentence.start:]
            legal = ctx.lang.words("legal_forms_before") if ctx.lang.grammar["legal_forms_before"] else "(?!)"
            return bool(re.search(rf"\b(?:{ctx.lang.words('staff_nouns')})(?:{ctx.lang.words('noun_suffixes')})?\s+"
                                  rf"(?:(?:{legal})\s+)?$", head, re.IGNORECASE)) and \
                bool(re.fullmatch(rf"\s+(?:(?:{_stating(ctx)})\s+)*(?:{ctx.lang.words('figure_verbs')})\s+", tail,
                                  re.IGNORECASE))
    return False


def _possessed_staff(ctx: ArticleContext, sentence: Sentence, q: Quantity, cuts: list[re.Match]) -> bool:
    """'its 4,500 employees': the company's whole staff, unless a cut or an effect is said of them."""
    if not ctx.lang.grammar.get("staff_possessives") or not employee_count(ctx, sentence, q):
        return False
    before = ctx.article.text[sentence.start:q.start]
    if not re.search(rf"\b(?:{ctx.lang.words('staff_possessives')})\s+$", before, re.IGNORECASE):
        return False
    near_cut = any(0 <= q.start - (sentence.start + c.end()) <= 25 for c in cuts)  # "laid off its 300 employees"
    return not near_cut and not _affected_after(ctx, sentence, q, cuts)


def _sized_group(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> str | None:
    """'its 600-person support team', 'a 40-strong unit': a group of staff sized by a compound; the group's name."""
    if not ctx.lang.grammar.get("size_compounds"):
        return None
    match = re.match(rf"-(?:{ctx.lang.words('size_compounds')})\s+((?:[\w-]+\s+){{0,2}}?(?:{ctx.lang.words('group_nouns')}))\b",
                     ctx.article.text[q.end:sentence.end], re.IGNORECASE)
    return match.group(1) if match else None


def _total_of_staff(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> bool:
    """'dengan total sekitar 640 karyawan', 'a total of 3,400 workers': a total word right before a count of staff."""
    before = ctx.article.text[sentence.start:q.start]
    totals = _words(ctx.lang.fact_words("StaffCount", "total_words"))
    return bool(re.search(rf"\b(?:{totals})\s*$", before, re.IGNORECASE)) and employee_count(ctx, sentence, q) \
        and not _affected_after(ctx, sentence, q, [])


def _have_before(ctx: ArticleContext, before: str) -> bool:
    """Does the text before a number end with a verb of having: 'memiliki', 'had just (over) N', 'ended the quarter
    with N' (the staff at a period's end)?"""
    w, grammar = ctx.lang.words, ctx.lang.grammar
    hedge = rf"(?:\s+(?:{w('figure_hedges')}))?" if grammar.get("figure_hedges") else ""
    if re.search(rf"\b(?:{_words(ctx.lang.fact_words('StaffCount', 'have_verbs'))}){hedge}\s*$", before):
        return True
    return bool(grammar.get("period_end_verbs")) and re.search(
        rf"\b(?:{w('period_end_verbs')})\s+(?:\S+\s+){{1,3}}(?:{w('period_end_with')}){hedge}\s*$", before) is not None


def _division_named(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> str | None:
    """'1.300 orang merupakan pilot', '3,000 staff are cabin crew': the staff of one division."""
    w = ctx.lang.words
    nouns, suffixes = _words(ctx.lang.employee_nouns), w("noun_suffixes")
    match = re.match(rf"\s+(?:{nouns})(?:{suffixes})?\s+(?:\w+\s+)?(?:{w('staff_copulas')})\s+"
                     rf"([^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){{0,4}}?)(?=\s*[,.;]|\s+(?:{w('subject_coordinators')})\b|\s*$)",
                     ctx.article.text[q.end:sentence.end], re.IGNORECASE)
    return match.group(1) if match else None


def _existing_after(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> bool:
    """'100.000 karyawan yang ada': the staff that exist, a staff count."""
    after = ctx.article.text[q.end:sentence.end]
    nouns, suffixes = _words(ctx.lang.employee_nouns), ctx.lang.words("noun_suffixes")
    return bool(re.match(rf"\s+(?:{nouns})(?:{suffixes})?\s+(?:{ctx.lang.words('existing_after')})\b", after,
                         re.IGNORECASE))


def _staff_before(ctx: ArticleContext, clause: str) -> bool:
    """'para pekerja yang menolak pindah ada 1.500': a count of a group of staff named before, not the staff."""
    return bool(re.search(rf"\b(?:{_words(ctx.lang.employee_nouns)})|\b(?:{ctx.lang.words('group_markers')})\b", clause,
                          re.IGNORECASE))


def _affected_after(ctx: ArticleContext, sentence: Sentence, q: Quantity, cuts: list[re.Match]) -> bool:
    """'ada 420 karyawan yang terdampak': the people a cut touches, not the staff."""
    after = ctx.article.text[q.end:sentence.end]
    near = " ".join(after.split()[:5])
    return bool(re.search(rf"\b(?:{ctx.lang.words('affected_words')})\b", near, re.IGNORECASE)) \
        or any(0 <= sentence.start + c.start() - q.end <= len(near) + 1 for c in cuts)


def _noun_close(sentence: Sentence, nouns: list[re.Match], q: Quantity, words: int = 8) -> bool:
    """Is a staff noun shortly before ``q``? ("a staff of 5,000", not "its staff of 5,000 by a tenth, which means 500 jobs")."""
    gaps = [sentence.text[n.end():q.start - sentence.start] for n in nouns if sentence.start + n.end() <= q.start]
    return any(len(gap.split()) <= words and not re.search(r"[,;]", gap) for gap in gaps)


def _has_later(counts, q, words: str, text: str) -> bool:
    """Is a later count introduced by one of ``words`` (an alternation)?"""
    return any(o.start > q.start and re.search(rf"\b(?:{words})\b", text[q.end:o.start].casefold()) for o in counts)


def _is_duration(ctx: ArticleContext, sentence: Sentence, q: Quantity) -> bool:
    after = ctx.article.text[q.end:sentence.end]
    return bool(re.match(rf"\s*(?:{ctx.lang.words('measure_units')})", after, re.IGNORECASE))


def _division(ctx: ArticleContext, sentence: Sentence) -> str | None:
    w = ctx.lang.words
    match = re.search(rf"\b(?:{w('headcount_totals')})\s+(?:{w('staff_nouns')})\s+((?:[a-z]+\s+){{1,3}}?)"
                      rf"(?:{w('division_end_words')})\b", sentence.text)
    if match:
        return match.group(1).strip() or None
    return division_phrase(sentence.text, ctx)


def _percent_change(ctx: ArticleContext, sentence: Sentence) -> float | None:
    lower = sentence.text.casefold()
    for q in ctx.quantities[sentence.index]:
        if q.unit == "percent":
            sign = -1 if re.search(rf"\b(?:{ctx.lang.words('decrease_verbs')})\b", lower) else 1
            return sign * q.value
        if q.unit == "fraction" and re.search(rf"\b(?:{ctx.lang.words('decrease_verbs')})\b", lower):
            return -100 * q.value
    return None


