"""Direct quotations, their speakers and the outlet they were given to.

A quote is text between quotation marks (curly or straight). Its speaker is found by the first rule
that applies, most explicit first:

1. a verb of saying with a clitic or a pronoun after the quote ("ujarnya", "he said"): the speaker
   of the quote just before, else the last person named (never a person named after the clitic:
   "ujarnya kepada X" was said to X);
2. a person named in the attribution after the quote ("..., kata X", "..., X said"); every person of
   a coordination ("X dan Y") is a speaker; where the mention finder read a long title and the name
   as one organisation ("kata Manajer SDM PT Y Z"), a person the article names elsewhere;
3. a verb of saying followed by a description, not a name ("pungkas bos X itu"): as in 1;
4. a lead-in before the quote ("X mengatakan: ...", "According to X, ...", "He said: ...");
5. a quoted fragment inside a sentence whose subject says it ("X said the firm had ..."); a short
   fragment only when it ends its clause (quotes of fewer than six words otherwise need a verb of
   saying right after them: a short quoted term the sentence runs on after is the writer's word);
6. a quote standing alone right after a quote or after a sentence whose subject speaks ("X
   admitted ... . '...'"): the same speaker.

A headline quote after a colon ("X tells staff: '...'") is the person's the headline opens with.
A quote opened in a paragraph and not closed there runs on into the next paragraph when that
paragraph opens with a quotation mark (the press convention for quotes of several paragraphs); a
quote that is never closed is left out (a page cut off mid-quote). A quote interrupted by a short
attribution and going on in lower case ('"Kami," kata X, "tidak ..."') is one quote. Single marks are
quotes in a sentence without double ones.
Anonymous sources ("sumber tersebut", "a spokesperson") give no quote. Every word list is in
``lang/<code>/``: verbs of saying, clitics and anonymous sources in ``entities.yaml``; lead-ins
("according_to"), coordination ("role_join"), and in the ``# --- quotes`` block the verbs only these
rules read ("quote_verbs") and the words after a fragment that end its clause ("quote_fragment_joins")
in ``grammar.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newskg.extract.facts.context import ArticleContext, Ref
from newskg.model import EntityType, Fact, Sentence
from newskg.textutil import alternation

_QUOTE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
_HEADLINE_QUOTE = re.compile(r"(?<!\w)['‘“\"]((?:[^'’”\"]|['’](?=\w))+)['’”\"](?!\w)")
_UNCLOSED = re.compile(r"[“\"]([^“”\"]+)$")
# Single marks (the British press's quotes) in a sentence without double ones: an apostrophe inside a word
# ("don't", "firm's") neither opens nor closes one.
_SINGLE = re.compile(r"(?<![\w'‘’])['‘](?=[^\W\d_])((?:[^'‘’]|['’](?=\w))+)['’](?!\w)")
_MIN_WORDS = 6  # shorter quoted text without an attribution right after it is a term, not a speech
_VERB_WINDOW = 4  # words between a speaker's name and the verb of saying ("X, the CEO, said")
_NAME_WINDOW = 10  # words after a verb of saying that can hold the speaker's title and name


@dataclass(frozen=True)
class _Quote:
    """One quotation: where its marks are, its words, and the sentence whose attribution applies."""

    sentence: Sentence  # the sentence that opens it
    start: int  # absolute offset of the opening mark
    end: int  # absolute offset just past the closing mark (or the end of the text it runs to)
    text: str
    last: Sentence  # the sentence that closes it (differs for quotes that run across paragraphs)
    closed: bool = True
    rest: _Quote | None = None  # its second half, after an attribution that interrupts it ('"We," he said, "will"')


def extract_quotes(ctx: ArticleContext) -> list[Fact]:
    """Every direct quotation with a speaker we can name, in document order (headlines first)."""
    facts: list[Fact] = []
    previous = None  # (sentence index, speakers, outlet) of the last quote
    known = _known_people(ctx)
    for quote in _quotes(ctx):
        found = _speakers(ctx, quote, previous, known)
        if found is None:
            continue
        speakers, rule = found
        outlet = _outlet(ctx, quote)
        if outlet is None and previous is not None and previous[1] == speakers \
                and previous[0] >= quote.sentence.index - 1:
            outlet = previous[2]  # the next words of the same interview: 'seperti dilansir X' holds for them too
        previous = (quote.last.index, speakers, outlet)
        facts.extend(_fact(quote, speaker, rule, outlet) for speaker in speakers)
    return _headline_quotes(ctx) + facts


def _headline_quotes(ctx: ArticleContext) -> list[Fact]:
    """'Jane Roe tells staff: "We grew too fast"': a headline quote after a colon, said by the person the
    headline opens with. Headlines often use single marks; an apostrophe ('company's') neither opens nor
    closes one."""
    facts = []
    for sentence in (s for s in ctx.sentences if s.is_heading):
        match = _HEADLINE_QUOTE.search(sentence.text)
        people = ctx.people(sentence)
        if match is None or not people or len(match.group(1).split()) < _MIN_WORDS:
            continue
        lead_in = sentence.text[:match.start()].rstrip()
        if not lead_in.endswith(":") or people[0].mention.start != sentence.start:
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        quote = _Quote(sentence, start, end, match.group(1), sentence)
        facts.append(_fact(quote, people[0].ref, "quote: PERSON ...: QUOTE (headline)", None))
    return facts


# -- finding the quotations

def _quotes(ctx: ArticleContext) -> list[_Quote]:
    """Every quotation of the body, with quotes that run across paragraphs joined into one."""
    found: list[_Quote] = []
    pending: _Quote | None = None  # a quote left open at the end of a paragraph
    body = ctx.body()
    for position, sentence in enumerate(body):
        quotes = _in_sentence(sentence)
        if pending is not None:
            if quotes and quotes[0].start == sentence.start and pending.sentence.paragraph < sentence.paragraph:
                quotes[0] = _join(pending, quotes[0])
            pending = None  # a quote never closed is cut off (a truncated page), not a speech we can bound
        ends_paragraph = position + 1 == len(body) or body[position + 1].paragraph != sentence.paragraph
        if quotes and not quotes[-1].closed and ends_paragraph:
            pending = quotes.pop()
        found.extend(_interrupted(ctx, [q for q in quotes if q.closed]))
    return found


def _interrupted(ctx: ArticleContext, quotes: list[_Quote]) -> list[_Quote]:
    """'"Kami," kata X, "tidak punya pilihan."': a quote that stops at a comma and goes on in lower case after
    a short attribution (a verb of saying, a few words) is one sentence of the speaker's, one quote. Two
    fragments a sentence of the writer's runs between are two."""
    joined: list[_Quote] = []
    for quote in quotes:
        first = joined[-1] if joined else None
        between = ctx.article.text[first.end:quote.start] if first is not None else ""
        if first is not None and first.rest is None and first.text.rstrip().endswith(",") \
                and quote.text.lstrip()[:1].islower() and len(between.split()) <= _VERB_WINDOW + 2 \
                and _verb_near(ctx, between):
            joined[-1] = replace(first, rest=quote)
            continue
        joined.append(quote)
    return joined


def _in_sentence(sentence: Sentence) -> list[_Quote]:
    """The closed quotations of a sentence, and a last one left open to the sentence's end."""
    quotes = []
    last_end = 0
    marks = _QUOTE if re.search(r"[“”\"]", sentence.text) else _SINGLE
    for match in marks.finditer(sentence.text):
        inner = match.group(1) or match.group(marks.groups)
        quotes.append(_Quote(sentence, sentence.start + match.start(), sentence.start + match.end(), inner, sentence))
        last_end = match.end()
    tail = _UNCLOSED.search(sentence.text, last_end)
    if tail is not None:
        quotes.append(_Quote(sentence, sentence.start + tail.start(), sentence.end, tail.group(1), sentence, False))
    return quotes


def _join(first: _Quote, rest: _Quote) -> _Quote:
    """A quote of several paragraphs: one quote from the first opening mark to the last closing one."""
    text = f"{_clean(first.text)} {rest.text.strip()}"
    return _Quote(first.sentence, first.start, rest.end, text, rest.last, rest.closed)


def _clean(text: str) -> str:
    return text.strip().rstrip(",.").strip()


# -- who said it

def _speakers(ctx: ArticleContext, quote: _Quote, previous, known) -> tuple[tuple[Ref, ...], str] | None:
    """The speakers of a quote and the rule that found them, or None (no speaker, or not a speech)."""
    attribution = _attribution(ctx, quote)
    short = len(quote.text.split()) < _MIN_WORDS
    pronoun = _pronoun_subject(ctx, attribution)  # 'ujarnya kepada X': X is who heard it, not who said it
    named = () if pronoun else _named_after(ctx, quote, attribution)
    if named and (not short or _verb_near(ctx, attribution)):
        return named, "quote: QUOTE, kata PERSON"
    if not named and not pronoun and (speaker := _known_after_verb(ctx, attribution, known)) is not None:
        return (speaker,), "quote: QUOTE, kata TITLE PERSON (a person named elsewhere in the article)"
    if pronoun or _bare_verb(ctx, attribution):
        if not pronoun and _anonymous(ctx, attribution):
            return None  # 'said the spokesperson'; but 'he said in a statement' is his
        if previous is not None and previous[0] >= quote.sentence.index - 1:
            return previous[1], "quote: QUOTE, ujarnya (the speaker of the quote before)"
        speaker = ctx.person_before(quote.sentence, quote.start)
        return ((speaker,), "quote: QUOTE, ujarnya (last person named)") if speaker else None
    found = _before(ctx, quote) or (_fragment(ctx, quote) if not short or _closes_clause(ctx, attribution) else None)
    if found is None and _ends_sentence(attribution):
        found = _continued(ctx, quote, previous, known)
    return found


def _closes_clause(ctx: ArticleContext, attribution: str) -> bool:
    """Does a short quoted fragment end its clause ('had "over-hired" or ...', '... "too slow".')?

    A fragment the sentence runs on after ('a "pay-per-task model", which ...') is a term the writer
    borrows, not words the speaker is quoted as saying.
    """
    rest = attribution.strip().casefold()
    joins = alternation(ctx.lang.grammar["quote_fragment_joins"])
    return _ends_sentence(attribution) or re.match(rf"(?:{joins})\b", rest) is not None


def _ends_sentence(attribution: str) -> bool:
    return not attribution.strip(" ,.;:!?")


def _attribution(ctx: ArticleContext, quote: _Quote) -> str:
    """The clause after the closing mark, up to the next quotation or the end of the sentence."""
    if not quote.closed:
        return ""
    after = ctx.article.text[quote.end:quote.last.end]
    cut = re.search(r"[“\"]", after)
    return after[:cut.start()] if cut else after


def _named_after(ctx: ArticleContext, quote: _Quote, attribution: str) -> tuple[Ref, ...]:
    """The people the attribution names: the first, and those coordinated with it ("X dan Y")."""
    end = quote.end + len(attribution)
    people = [p for p in ctx.people(quote.last) if quote.end <= p.mention.start < end]
    if not people:
        return ()
    chosen = [people[0]]
    joins = {w.casefold() for w in ctx.lang.grammar["role_join"]}
    for person in people[1:]:
        gap = ctx.article.text[chosen[-1].mention.end:person.mention.start].casefold().strip(" ,")
        if gap not in joins:
            break
        chosen.append(person)
    return tuple(dict.fromkeys(p.ref for p in chosen))


def _known_people(ctx: ArticleContext) -> tuple[re.Pattern | None, dict[str, Ref]]:
    """Every name the article gives a person, as one pattern (longest first) and name -> person."""
    names: dict[str, Ref] = {}
    surnames: dict[str, set[Ref]] = {}
    for sentence in ctx.sentences:
        for person in ctx.people(sentence):
            names.setdefault(person.mention.text, person.ref)
            words = person.mention.text.split()
            if len(words) > 1:
                surnames.setdefault(words[-1], set()).add(person.ref)
    for surname, refs in surnames.items():
        if len(refs) == 1:  # 'Robbins' alone, typed as something else in one sentence, is still Chuck Robbins
            names.setdefault(surname, next(iter(refs)))
    if not names:
        return None, names
    return re.compile(rf"(?<!\w)(?:{alternation(names)})(?!\w)"), names


def _known_after_verb(ctx: ArticleContext, attribution: str, known) -> Ref | None:
    """'..., kata Manajer SDM PT X, Budi Santoso': the verb of saying, then a title the mention finder took
    for part of an organisation name; the speaker is a person the article names elsewhere."""
    pattern, names = known
    verb = re.match(rf"\s*,?\s*(?:{_verbs(ctx)})\b", attribution.casefold())
    if pattern is None or verb is None:
        return None
    head = " ".join(attribution[verb.end():].split()[:_NAME_WINDOW])
    found = pattern.search(head)
    return names[found.group(0)] if found else None


def _verb_near(ctx: ArticleContext, attribution: str) -> bool:
    """A verb of saying in the attribution: a short quote with one is a speech ('"Belum ada," katanya')."""
    lang = ctx.lang
    verbs = _verbs(ctx) + (f"|{alternation(lang.speech_clitics)}" if lang.speech_clitics else "")
    return re.search(rf"\b(?:{verbs})\b", attribution.casefold()) is not None


def _pronoun_subject(ctx: ArticleContext, attribution: str) -> bool:
    """'..., ujarnya' / '..., he said' / '..., said she': the verb of saying carries its subject as a pronoun."""
    lang = ctx.lang
    verbs, pronouns = _verbs(ctx), alternation(lang.pronouns)
    clitics = alternation(lang.speech_clitics) if lang.speech_clitics else "(?!)"
    return re.match(rf"\s*,?\s*(?:{clitics}|(?:{pronouns})\s+(?:{verbs})|(?:{verbs})\s+(?:{pronouns}))\b",
                    attribution.casefold()) is not None


def _bare_verb(ctx: ArticleContext, attribution: str) -> bool:
    """'..., pungkas bos X itu': a verb of saying followed by a description, not by a name."""
    found = re.match(rf"\s*,?\s*(?:{_verbs(ctx)})\b", attribution.casefold())
    if found is None:
        return False
    rest = attribution[found.end():].strip(" ,")
    if rest[:1].isupper():
        return False  # 'kata Direktur X': a speaker is named, but not as a person we know; not the last one named
    return not any(rest.casefold().startswith(phrase) for phrase in ctx.lang.definite_org_phrases)  # 'said the company'


def _verbs(ctx: ArticleContext) -> str:
    lang = ctx.lang
    return alternation(lang.speech_verbs_after_quote + lang.speech_verbs_subject + lang.grammar["quote_verbs"])


def _anonymous(ctx: ArticleContext, clause: str) -> bool:
    clause = clause.casefold()
    return any(re.search(rf"\b{re.escape(a)}\b", clause) for a in ctx.lang.anonymous_sources)


def _fragment(ctx: ArticleContext, quote: _Quote) -> tuple[tuple[Ref, ...], str] | None:
    """'X said the firm had "over-hired"': the person before the quote, if a verb of saying follows them."""
    people = [p for p in ctx.people(quote.sentence) if p.mention.end <= quote.start]
    if not people or not _says(ctx, people[-1].mention.end, quote.start):
        return None
    return (people[-1].ref,), "quote: PERSON said ... QUOTE"


def _says(ctx: ArticleContext, name_end: int, until: int) -> bool:
    """Is the name ending at ``name_end`` the subject of a verb of saying a few words later, before ``until``?"""
    between = ctx.article.text[name_end:until].casefold()
    verbs = _verbs(ctx)
    return re.match(rf"\W*(?:[\w.-]+\W+){{0,{_VERB_WINDOW}}}?(?:{verbs})\b", between) is not None


def _before(ctx: ArticleContext, quote: _Quote) -> tuple[tuple[Ref, ...], str] | None:
    """'X mengatakan: "..."', 'According to X, "..."', 'He said: "..."': the speaker is before the quote."""
    sentence = quote.sentence
    before = ctx.article.text[sentence.start:quote.start].casefold()
    lang = ctx.lang
    verbs = _verbs(ctx) + "|" + alternation(lang.grammar["according_to"])
    if not re.search(rf"\b(?:{verbs})\b[^.]*[:,]\s*$", before):
        return None
    people = [p for p in ctx.people(sentence) if p.mention.end <= quote.start]
    if people:
        return (people[-1].ref,), "quote: PERSON mengatakan: QUOTE"
    if re.match(rf"\s*(?:{alternation(lang.pronouns)})\b", before):
        speaker = ctx.person_before(sentence, quote.start)
        return ((speaker,), "quote: ia mengatakan: QUOTE (last person named)") if speaker else None
    return None


def _continued(ctx: ArticleContext, quote: _Quote, previous, known) -> tuple[tuple[Ref, ...], str] | None:
    """A quote standing alone right after a quote, or after a sentence whose subject speaks: the same speaker."""
    sentence = quote.sentence
    if previous is not None and previous[0] == sentence.index:
        return previous[1], "quote: QUOTE (continues the last quote)"
    if ctx.article.text[sentence.start:quote.start].strip():
        return None
    if previous is not None and previous[0] == sentence.index - 1:
        return previous[1], "quote: QUOTE (continues the last quote)"
    if sentence.index == 0 or ctx.sentences[sentence.index - 1].is_heading:
        return None
    before = ctx.sentences[sentence.index - 1]
    people = ctx.people(before)
    if people and _says(ctx, people[0].mention.end, before.end):
        return (people[0].ref,), "quote: PERSON mengatakan ... . QUOTE"
    pattern, names = known
    found = pattern.match(before.text) if pattern is not None and not people else None
    if found and _says(ctx, before.start + found.end(), before.end):
        return (names[found.group(0)],), "quote: PERSON mengatakan ... . QUOTE (a person named elsewhere)"
    return None


# -- the fact

def _fact(quote: _Quote, speaker: Ref, rule: str, outlet: Ref | None) -> Fact:
    text = f"{quote.text.strip()} {_clean(quote.rest.text)}" if quote.rest else _clean(quote.text)
    values = [("speaker", speaker), ("text", text), ("quoteStart", quote.start + 1),
              ("quoteEnd", (quote.rest or quote).end - 1)]
    if outlet is not None:
        values.append(("givenTo", outlet))
    return Fact("Quote", quote.sentence.index, rule, tuple(values))


def _outlet(ctx: ArticleContext, quote: _Quote) -> Ref | None:
    """The media outlet the quote was given to: named in the attribution after it ("kepada Tempo",
    "dikutip dari CNN"), or after a cue in the lead-in before it ("X told Reuters: ...")."""
    end = quote.end + len(_attribution(ctx, quote))
    media = [m for m in ctx.mentions[quote.last.index] if m.type is EntityType.MEDIA]
    after = next((m for m in media if quote.end <= m.mention.start < end), None)
    if after is not None:
        return after.ref
    start = quote.sentence.start
    lead_in = [m for m in ctx.mentions[quote.sentence.index]
               if m.type is EntityType.MEDIA and m.mention.end <= quote.start
               and not re.search(r"[“\"]", ctx.article.text[m.mention.end:quote.start])]
    if not lead_in:
        return None
    cues = alternation(ctx.lang.media_cues_before + ctx.lang.grammar["said_to"])
    before = ctx.article.text[start:lead_in[-1].mention.start].casefold()
    return lead_in[-1].ref if re.search(rf"\b(?:{cues})\s*$", before) else None
