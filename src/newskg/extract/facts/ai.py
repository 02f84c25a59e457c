"""AI adoption: which organisation took up which AI technology, for what, replacing whom.

A specific technology (a chatbot, an AI avatar, AI agents, a named programme)
named in a sentence about an organisation counts as adopted by it. Bare "AI"
counts only with a verb of adoption ("mengandalkan AI", "beralih ke AI"): "the
jobs were replaced by AI" is the reason of a layoff, not an adoption.

The technology is the noun phrase AI sits in ("an AI writing assistant", "sistem AI
pengatur rute"), with its own name ("bernama Sekar", "Quill, an AI ...") and maker.
Not adoptions: talk of what AI might do ("AI akan ..."), a job's field ("AI
engineers"), what a company is described as selling, a technology the reader has
met again ("the bot", "chatbot itu"). Its maker is never its adopter. Every word
list is in ``lang/<code>/facts.yaml`` under ``AIAdoption``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from newskg.extract.facts.context import ArticleContext, Ref
from newskg.lang import available_languages, load_language
from newskg.model import Fact, Sentence
from newskg.textutil import alternation, inside_quotation

def extract_ai_adoption(ctx: ArticleContext) -> list[Fact]:
    facts = []
    seen: dict[Ref, set[str]] = {}  # organisation -> the distinctive words of the technologies it has
    for sentence, found in ((s, f) for s in ctx.body() for f in _technologies(ctx, s)):
        label, start, end, rule = found
        at = sentence.start + start
        if seen and _definite(ctx, sentence.text, start, end):
            # 'the bot', 'chatbot itu': one already named, whoever the sentence names beside it
            facts.extend(_restated(ctx, sentence, facts[-1:]))
            continue
        organization = _adopter(ctx, sentence, start, end)
        if _repeated(ctx, seen, organization, label):
            # the same technology named again: one adoption, not one per sentence
            facts.extend(_restated(ctx, sentence, [f for f in facts if f.get("organization") == organization][-1:]))
            continue
        label = _named(ctx, sentence, (start, end), label, organization)
        label += _described(ctx, sentence.text[end:], label)
        values = [("organization", organization), ("technology", label)]
        purpose = _purpose(sentence.text[end:], ctx)
        if purpose:
            values.append(("purpose", purpose))
        date = ctx.date_near(sentence, at)
        if date:
            values.append(("date", date))
        replaced = _replaced(ctx, sentence)
        if replaced:
            values.append(("replacedWorkers", replaced))
        facts.append(Fact("AIAdoption", sentence.index, rule, tuple(v for v in values if v[1] is not None)))
    return facts


def _restated(ctx: ArticleContext, sentence: Sentence, earlier: list[Fact]) -> list[Fact]:
    """A technology named again in a sentence that says how many people it replaced ('Chatbot ini menggantikan
    700 karyawan'): that figure is news an analyst looks for, so the sentence gives the adoption again, with
    the earlier one's organisation and technology (one row per technology still) and the figure."""
    replaced = _replaced(ctx, sentence)
    if not replaced or not earlier:
        return []
    values = (("organization", earlier[0].get("organization")), ("technology", earlier[0].get("technology")),
              ("replacedWorkers", replaced))
    return [Fact("AIAdoption", sentence.index, "ai: named again with the workers it replaced",
                 tuple(v for v in values if v[1] is not None))]


def _alternation(ctx: ArticleContext, key: str) -> str:
    """One of the language's AI adoption word lists (lang/<code>/facts.yaml) as a regex alternation."""
    return alternation(ctx.lang.fact_words('AIAdoption', key))


def _technologies(ctx: ArticleContext, sentence: Sentence) -> list[tuple]:
    """The technology a sentence says was adopted, and those coordinated with it ('chatbot dan avatar AI',
    'AI agents and an AI avatar')."""
    found = _technology(ctx, sentence)
    every = [found] if found else []
    while every:
        end = every[-1][2]
        joins = alternation(ctx.lang.grammar["coordinators"])
        lead = re.match(rf",?\s+(?:{joins})\s+(?:(?:{ctx.lang.words('indefinite')}|a|an)\s+)?", sentence.text[end:],
                        re.IGNORECASE)
        following = _technology(ctx, sentence, end + lead.end()) if lead else None
        if following is None or following[1] != end + lead.end():
            break
        every.append(following)
    return every + _other_assistant(ctx, sentence, every)


def _other_assistant(ctx: ArticleContext, sentence: Sentence, every: list[tuple]) -> list[tuple]:
    """A software assistant beside another technology ('its coding assistant, Orin, ..., while AI agents ...')."""
    found = _software_assistant(ctx, sentence, _alternation(ctx, 'terms')) if every else None
    if found is None or any(s < found.end() and found.start() < e for _, s, e, _ in every) or \
            not _stated(ctx, sentence, found.start(), found.end()):
        return []
    return [_widest(ctx, found, 0, None, "ai: an assistant that is a thing")]


def _technology(ctx: ArticleContext, sentence: Sentence, offset: int = 0):
    """(label as written, start, end, rule) of the AI technology a sentence says was adopted."""
    text, w = sentence.text, ctx.lang.words
    if re.search(rf"\b(?:{w('definition_verbs')})\s+(?:(?:{w('indefinite')})\s+)?(?:{w('product_nouns')})\b", text,
                 re.IGNORECASE):
        return None  # a definition ("Chat GPT adalah chatbot"), not an adoption
    ai, heads = _alternation(ctx, 'terms'), _alternation(ctx, 'specific_heads')
    programme = None if offset else re.search(rf"\b(?:{w('programme_nouns')})\s+[“\"]([^”\"]{{3,60}})[”\"]", text, re.IGNORECASE)
    if programme and re.search(rf"(?<![\w-])(?:{ai}|{heads})(?![\w-])", text, re.IGNORECASE):
        # a named programme is an AI adoption only in a sentence that says it is AI
        return programme.group(1), programme.start(1), programme.end(), "ai: named programme"
    headed = _headed(ctx, text, ai, offset)
    specific = re.compile(rf"(?<![\w-])(?:(?:{heads})(?:\s+(?:{ai}))?|(?:{ai})\s+(?:{heads}))(?![\w-])",
                          re.IGNORECASE).search(text, offset)
    for found, rule in ((specific, "ai: specific technology"), (headed, "ai: AI named by its product noun"),
                        (None if offset else _ai_based(ctx, text, ai), "ai: a thing based on AI"),
                        (None if offset else _software_assistant(ctx, sentence, ai), "ai: an assistant that is a thing")):
        if found and _stated(ctx, sentence, found.start(), found.end()):
            return _widest(ctx, found, 0, headed, rule)
    generic = None if offset else _adopted(ctx, text, ai)  # after a coordinator, only a named kind of AI
    if generic and not ctx.negated(sentence, sentence.start + generic.start(), window=3) \
            and not _intended(ctx, text[:generic.start()]) and not _talk(ctx, text, generic.start(1), generic.end(1)) \
            and (not inside_quotation(text, generic.start()) or _we(ctx, text[:generic.start()])):
        # in a quote, a speaker's opinion; but 'kami menggunakan AI' tells what the speaker's firm does
        return _widest(ctx, generic, 1, headed, "ai: adoption verb + AI")
    return None


def _software_assistant(ctx: ArticleContext, sentence: Sentence, ai: str):
    """'an in-house coding assistant, Orin,', 'a new assist tool that drafts replies': in an article about AI, an
    assistant that is a thing (named in apposition, or the subject of 'that'/'which', never of 'who') is software,
    even where the sentence does not say AI again. Its modifiers before it are its distinctive words."""
    heads, tails, relatives = (_alternation(ctx, k) for k in ('assistant_heads', 'assistant_tails', 'thing_relatives'))
    if not heads or not re.search(rf"(?<![\w-])(?:{ai})(?![\w-])", ctx.article.text, re.IGNORECASE):
        return None
    breaks = _alternation(ctx, 'phrase_breaks')
    word = rf"(?!(?:{breaks})(?![\w-]))[a-z][\w-]*"
    relative = rf"|\s+(?:{relatives})\s+[a-z]+s\b" if relatives else ""
    thing = rf"(?=,\s+[A-Z][\w-]*,{relative})"
    tail = rf"(?:\s+(?:{tails}))?" if tails else ""
    found = re.search(rf"(?<![\w-])(?:{word}\s+){{0,3}}(?:{heads}){tail}{thing}", sentence.text)
    at = sentence.start + found.end() + 2 if found else 0  # the name in apposition, if any: a person's is no tool's
    return None if found is None or any(p.mention.start <= at < p.mention.end for p in ctx.people(sentence)) else found


def _stated(ctx: ArticleContext, sentence: Sentence, start: int, end: int) -> bool:
    """Neither denied ('belum menggunakan chatbot'), nor talk of what AI might do ('AI agents will ...'), nor
    the field of a job ('insinyur pembelajaran mesin', 'machine learning engineers': people hired, no tool)."""
    return not ctx.negated(sentence, sentence.start + start, window=4) and not _talk(ctx, sentence.text, start, end) \
        and not _field_of_work(ctx, sentence.text, start, end) and not _vendor_described(ctx, sentence.text[:start])


def _vendor_described(ctx: ArticleContext, before: str) -> bool:
    """'X, a startup that builds AI agents for insurers': what a company sells, said to describe it, is not
    a technology it adopted."""
    nouns, relatives = (_alternation(ctx, k) for k in ('vendor_nouns', 'relatives'))
    return bool(nouns and relatives) and re.search(
        rf"(?<![\w-])(?:{nouns})\s+(?:{relatives})\s+\S+\s+(?:\S+\s+)?$", before, re.IGNORECASE) is not None


def _field_of_work(ctx: ArticleContext, text: str, start: int, end: int) -> bool:
    """The job noun may follow one more modifier ('AI quality analysts') or a closing quote mark ('"bot" trainers')."""
    before, after, breaks = (_alternation(ctx, k) for k in ('job_nouns_before', 'job_nouns_after', 'phrase_breaks'))
    modifier = rf"(?:(?!(?:{breaks})\s)[\w-]+\s+)?" if breaks else ""
    return bool(before and re.search(rf"(?<![\w-])(?:{before})\s+[“\"‘']?$", text[:start], re.IGNORECASE)) or \
        bool(after and re.match(rf"[”\"’']?\s+{modifier}(?:{after})(?![\w-])", text[end:], re.IGNORECASE))


def _widest(ctx: ArticleContext, found: re.Match, group: int, headed: re.Match | None, rule: str):
    """The match as (label, start, end, rule), widened to the noun phrase around it where one holds it
    ('AI' in 'an AI writing assistant' is the assistant), with the modifiers after it ('sistem AI pengatur
    rute kurir': Indonesian modifies after the head, with instrument nouns 'pe-')."""
    start, end = found.span(group)
    if headed is not None and headed.start() <= start and end <= headed.end():
        start, end = headed.span()
    prefixes, breaks = (_alternation(ctx, k) for k in ('instrument_prefixes', 'phrase_breaks'))
    after = re.match(rf"\s+(?:{prefixes})[a-z]+(?:\s+(?!(?:{breaks})\b)[a-z][a-z-]*){{0,2}}\b", found.string[end:]) \
        if prefixes else None
    end += after.end() if after else 0
    return found.string[start:end], start, end, rule


def _headed(ctx: ArticleContext, text: str, ai: str, offset: int = 0):
    """'an AI writing assistant', 'penyiar AI': an AI term and the noun it modifies, with up to two words
    between them that are no function words."""
    before, after, breaks = (_alternation(ctx, k) for k in ('heads_before_ai', 'heads_after_ai', 'phrase_breaks'))
    word = rf"(?:(?!(?:{breaks})(?![\w-]))[^\W\d][\w-]*)"
    shapes = ([rf"(?:{ai})(?:\s+{word}){{0,2}}\s+(?:{after})"] if after else []) + \
        ([rf"(?:{before})(?:\s+{word}){{0,2}}?\s+(?:{ai})"] if before else [])  # the longest English noun phrase
    if not shapes:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(shapes)})(?![\w-])", re.IGNORECASE).search(text, offset)


def _adopted(ctx: ArticleContext, text: str, ai: str):
    """A verb of adoption and, up to three words on, AI ('mengadopsi kecerdasan buatan (AI)'); or an
    organisation that replaces people with AI ('replaced its support staff with AI')."""
    w, words = ctx.lang.words, ctx.lang.fact_words
    verbs = alternation(v for v in words('AIAdoption', 'adoption_verbs') if v not in words('AIAdoption', 'replacement_verbs'))
    term = rf"((?:(?:{w('technology_nouns')})\s+)?(?:{ai})(?:\s*\([^)]{{1,40}}\))?)(?![\w-])"
    found = re.search(rf"\b(?:{verbs})\b(?:\s+\S+){{0,3}}?\s+{term}", text, re.IGNORECASE)
    if found or not words('AIAdoption', 'replace_active'):
        return found
    active, joined = (alternation(words('AIAdoption', k)) for k in ('replace_active', 'replace_with'))
    return re.search(rf"\b(?:{active})\s+(?:\S+\s+){{1,6}}?(?:{joined})\s+(?:\S+\s+){{0,2}}?{term}", text, re.IGNORECASE)


def _we(ctx: ArticleContext, before: str) -> bool:
    """'... kami sudah menggunakan AI', '... we already use AI': the speaker's firm is the verb's subject."""
    we = _alternation(ctx, 'first_person')
    return bool(we) and re.search(rf"(?<![\w-])(?:{we})(?:\s+\S+){{0,2}}\s*$", before, re.IGNORECASE) is not None


def _talk(ctx: ArticleContext, text: str, start: int, end: int) -> bool:
    """'AI akan mengubah cara kerja', 'AI agents could replace ...': a modal right after the technology. 'Can'
    is talk of AI at large only: 'its chatbot can answer ...' tells what a firm's own system does."""
    words = ctx.lang.fact_words
    modals, able = (alternation(words('AIAdoption', k)) for k in ('talk_modals', 'capability_modals'))
    after = text[end:]
    if modals and re.match(rf"\s+(?:\w+\s+)?(?:{modals})\b", after, re.IGNORECASE):
        return True
    if not able or not re.match(rf"\s+(?:\w+\s+)?(?:{able})\b", after, re.IGNORECASE):
        return False
    owners = alternation(words('AIAdoption', 'possessives'))
    owned = rf"(?:(?<![\w-])(?:{owners})|['’]s)" if owners else r"['’]s"
    return re.search(rf"{owned}\s+(?:\S+\s+)?$", text[:start], re.IGNORECASE) is None


def _named(ctx: ArticleContext, sentence: Sentence, span: tuple[int, int], label: str, organization: Ref | None) -> str:
    """The technology's own name with its description: 'asisten virtual bernama Sekar' -> 'asisten virtual
    Sekar'; 'Quill, an AI writing assistant' -> 'Quill (AI writing assistant)'. A name in apposition that is
    the adopting organisation's ('Orbital, an AI start-up'), a person's, or a source's ('Menurut X, ...') is
    not the technology's."""
    text, words = sentence.text, ctx.lang.fact_words
    cues, leads = (alternation(words('AIAdoption', k)) for k in ('name_cues', 'apposition_leads'))
    name = r"([A-Z][\w-]*(?:\.\w[\w-]*)*(?:\s+[A-Z][\w-]*(?:\.\w[\w-]*)*)?)"  # 'Sasa.' ends a sentence: no dot
    after = re.match(rf"\s*,?\s*(?i:{cues})\s+[\"“]?{name}", text[span[1]:]) if cues else None
    if after:
        return f"{label} {after.group(1)}"
    between = re.match(rf",\s+{name},", text[span[1]:])  # 'its AI chatbot, Sahla, struggled'
    if between:
        return f"{label}, {between.group(1)}"
    # a lead is needed: 'Sejak Maret, sistem AI ...' opens with a time, not with the technology's name
    before = re.search(rf"{name},\s+(?i:{leads})\s+(?:[\w-]+\s+){{0,2}}$", text[:span[0]]) if leads else None
    if before is None or re.search(rf"\b(?:{ctx.lang.words('according_to')})\s*$", text[:before.start()], re.IGNORECASE):
        return label
    at = sentence.start + before.start(1)
    if any(d.start <= at < d.end for d in ctx.dates[sentence.index]) or \
            any(w in ctx.lang.months for w in before.group(1).casefold().split()):
        return label  # 'Since January, an AI agent ...': a fronted time, not a name
    if any(p.mention.start <= at < p.mention.end for p in ctx.people(sentence)) or \
            (organization is not None and before.group(1) in ctx.entities.entities[organization.index].label):
        return label
    return f"{before.group(1)} ({label})"


def _adopter(ctx: ArticleContext, sentence: Sentence, start: int, end: int) -> Ref | None:
    """The organisation that took the technology up: the company in focus under an anaphor ('the company has
    introduced ...'), else the sentence's employer; never the maker named after the technology ('sistem AI
    buatan X', 'an AI system from X'): when the maker is all the sentence names, the company in focus."""
    subject = _anaphor_subject(ctx, sentence, start)
    if subject is not None:
        return subject
    makers = _makers(ctx, sentence, end)
    if _owned_by_focus(ctx, sentence, start):
        return ctx.org_in_focus(sentence.index, employers_only=True, agencies=True)
    reported = _reported_subject(ctx, sentence, start)
    if reported is not None and reported not in makers:
        return reported
    found = next((r for r in ctx.employers(sentence, sentence.start + start, agencies=True) if r not in makers), None)
    if found is None and makers:
        focus = ctx.org_in_focus(sentence.index, employers_only=True, agencies=True)
        return focus if focus not in makers else None
    return found


def _reported_subject(ctx: ArticleContext, sentence: Sentence, start: int) -> Ref | None:
    """'<speaker> of X said [that] Y gives its staff an AI tool': the organisation right after the last verb of
    saying is the reported clause's subject."""
    said, leads = alternation(ctx.lang.speech_verbs_subject), _alternation(ctx, 'that_words')
    lead = rf"(?:\s+(?:{leads}))?" if leads else ""
    verbs = list(re.finditer(rf"(?<![\w-])(?:{said}){lead}\s+", sentence.text[:start], re.IGNORECASE)) if said else []
    if not verbs:
        return None
    at = sentence.start + verbs[-1].end()
    return next((m.ref for m in ctx.employers_named(sentence, agencies=True) if m.mention.start == at), None)


def _owned_by_focus(ctx: ArticleContext, sentence: Sentence, start: int) -> bool:
    """'He said its coding assistant ...': a possessive points back, so with no organisation named before it the
    owner is the company in focus, never one the sentence names only later ('running on X's cloud')."""
    owners = _alternation(ctx, 'possessives')
    if not owners or not re.search(rf"(?<![\w-])(?:{owners})\s+(?:[\w-]+\s+){{0,2}}$", sentence.text[:start],
                                   re.IGNORECASE):
        return False
    return not any(m.mention.start < sentence.start + start for m in ctx.employers_named(sentence, agencies=True))


def _makers(ctx: ArticleContext, sentence: Sentence, end: int) -> set[Ref]:
    """Organisations named as the technology's maker right after it ('... buatan X', '... built by X')."""
    cues = _alternation(ctx, 'maker_cues')
    if not cues:
        return set()
    return {m.ref for m in ctx.orgs(sentence) if m.mention.start >= sentence.start + end and re.fullmatch(
        rf"\s*(?:\S+\s+){{0,3}}?(?:{cues})\s+(?:\S+\s+)?",
        ctx.article.text[sentence.start + end:m.mention.start], re.IGNORECASE)}


def _anaphor_subject(ctx: ArticleContext, sentence: Sentence, start: int) -> Ref | None:
    """'X said the company has introduced an AI ...': the subject of the verb of adoption is the company in
    focus, whoever else the sentence names (the speaker, a vendor)."""
    verbs = _alternation(ctx, 'adoption_verbs')
    anaphors = alternation(ctx.lang.grammar["company_anaphors"])
    if not re.search(rf"(?<![\w-])(?:{anaphors})\s+(?:\S+\s+){{0,2}}?(?:{verbs})\s+(?:\S+\s+){{0,2}}$",
                     sentence.text[:start], re.IGNORECASE):
        return None
    return ctx.org_in_focus(sentence.index, employers_only=True, agencies=True)


def _definite(ctx: ArticleContext, text: str, start: int, end: int) -> bool:
    """'The bot was ...', 'chatbot itu ...': a technology the reader has met (a determiner before it, or a
    demonstrative after it)."""
    before, after = (_alternation(ctx, k) for k in ('definite_before', 'definite_after'))
    return bool(before and re.search(rf"(?<![\w-])(?:{before})\s+$", text[:start], re.IGNORECASE)) or \
        bool(after and re.match(rf"\s+(?:{after})(?![\w-])", text[end:], re.IGNORECASE))


def _described(ctx: ArticleContext, after: str, label: str) -> str:
    """What the sentence says right after a specific technology about it: its maker ('from Singapore's X',
    'buatan X') or a parenthesis ('(large language model)'). A bare 'AI' keeps its one word."""
    generic, _ = _vocabulary()
    if not set(re.findall(r"[\w.]+", label.casefold())) - generic:
        return ""
    cues = _alternation(ctx, 'maker_cues')
    found = re.match(r"\s*\([^()]{2,60}\)", after) or (re.match(
        rf"\s+(?:{cues})\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}[A-Z][\w.-]*", after) if cues else None)
    return found.group(0).rstrip() if found else ""


def _repeated(ctx: ArticleContext, seen: dict, organization: Ref | None, label: str) -> bool:
    """Has the organisation a technology sharing a distinctive word with this one ('avatar', then 'presenter
    avatar')? The words of both are kept together, so a third naming either is the same one too."""
    generic, synonyms = _vocabulary()
    distinctive = {synonyms.get(x, x) for x in re.findall(r"[\w.]+", label.casefold())} - generic
    if not distinctive:
        return False
    known = seen.setdefault(organization, set())
    repeated = bool(known & distinctive)
    known |= distinctive
    return repeated


@lru_cache(maxsize=None)
def _vocabulary() -> tuple[frozenset[str], dict[str, str]]:
    """Words that say only 'AI', and synonyms, of every language: an article may name a technology in two
    ('agen AI', then 'agentic AI')."""
    generic: set[str] = set()
    synonyms: dict[str, str] = {}
    for code in available_languages():
        lang = load_language(code)
        generic |= {str(w).casefold() for w in (*lang.fact_words('AIAdoption', 'generic_words'),
                                                 *lang.fact_words('AIAdoption', 'terms'))}
        synonyms.update(lang.fact_words('AIAdoption', 'synonyms') or {})
    return frozenset(generic), synonyms


def _ai_based(ctx: ArticleContext, text: str, ai: str):
    """'robot penyortir berbasis AI', 'AI-powered route planning software': the thing AI runs is the technology,
    its own words ("robot", "route planning") what tells it from others. Up to three words before the
    language's 'based on' word, or up to three after an 'AI-powered' compound."""
    w, grammar = ctx.lang.words, ctx.lang.grammar
    breaks = _alternation(ctx, 'phrase_breaks')  # 'dengan peluncuran media ...'
    word = rf"(?!(?:{breaks})(?![\w-]))[^\W\d][\w-]*" if breaks else r"[^\W\d][\w-]*"
    if grammar.get("ai_based_after"):
        found = re.search(rf"\b(?:{word}\s+){{0,2}}{word}\s+(?:{w('ai_based_after')})\s+(?:{ai})(?![\w-])", text,
                          re.IGNORECASE)
        if found:
            return found
    if grammar.get("ai_based_compounds"):
        return re.search(rf"(?<![\w-])(?:{ai})-(?:{w('ai_based_compounds')})(?:\s+{word}){{1,3}}", text,
                         re.IGNORECASE)
    return None


def _intended(ctx: ArticleContext, before: str) -> bool:
    """'ingin mengadopsi AI', 'meminta karyawan untuk beralih ke AI': a wish or a request, not an adoption."""
    return bool(re.search(rf"\b(?:{ctx.lang.words('intent_words')})\s+$", before, re.IGNORECASE))


def _purpose(after: str, ctx: ArticleContext) -> str | None:
    match = re.match(rf"[^,.;]{{0,40}}?\b(?:{ctx.lang.words('purpose_words')})\s+([^,.;]{{3,90}})", after)
    return match.group(1).strip() if match else None


def _replaced(ctx: ArticleContext, sentence: Sentence) -> int | None:
    """'menggantikan sekitar 700 karyawan', 'setara dengan pekerjaan 700 agen'."""
    for q in ctx.quantities[sentence.index]:
        before = ctx.article.text[sentence.start:q.start].casefold()
        if q.unit == "count" and re.search(rf"(?:{ctx.lang.words('replacement_phrases')})\s*$", before):
            return q.as_int
    return None
