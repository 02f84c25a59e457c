"""Finding candidate names: runs of capitalised words, trimmed of common words, titles and dates."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newskg.extract.gazetteer import known_entity
from newskg.lang import Language
from newskg.extract.mentions.titles import is_title_word, role_length, title_prefix_length
from newskg.model import Article, Sentence
from newskg.extract.places import country_code
from newskg.textutil import alternation

_WORD = re.compile(r"[\w&'’.@-]+")
_STRONG, _MEDIUM, _WEAK = 3.0, 2.0, 1.0
_CUE_WINDOW = 60  # characters before a name in which a cue word is looked for
_NICK_OPEN = {" “": "” ", ' "': '" ', " ‘": "’ "}  # the gap before a quoted nickname -> the gap after it


@dataclass(frozen=True)
class Candidate:
    start: int  # offsets into the article text
    end: int
    text: str
    sentence: int
    tokens: tuple[str, ...]
    role: str | None = None  # a title written just before the name ("CEO")
    heading: bool = False

    @property
    def key(self) -> str:
        return surface_key(self.text)


def surface_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s&.-]", "", text.casefold())).strip(" .")


def _lowercase_vocabulary(sentences: list[Sentence]) -> frozenset[str]:
    words = set()
    for sentence in sentences:
        if not sentence.is_heading:
            words.update(w for w in re.findall(r"\b[a-z][a-z-]+\b", sentence.text))
    return frozenset(words)


# ---------------------------------------------------------------- candidates

def _is_capitalised(token: str) -> bool:
    if token[0].isupper():
        return True
    if token[0].isalpha() and any(c.isupper() for c in token[1:]):
        return True  # 'tvOne', 'eFishery': a brand written in camel case
    return token[0].isdigit() and any(c.isupper() for c in token) and any(c.isalpha() for c in token)


def _tokens(sentence: Sentence, lang: Language):
    based = tuple(lang.grammar["based_suffixes"])
    for match in _WORD.finditer(sentence.text):
        token, start = match.group(0), match.start()
        if token.endswith(("'s", "’s")) and len(token) > 3:  # possessive: "Northwind's" is Northwind
            token = token[:-2]
        if token.casefold().endswith(based):  # "Berlin-based": a place cue, not part of the name
            continue
        trimmed = token.rstrip(".-'’@")
        if token in lang.grammar["dotted_suffixes"]:  # 'Inc.' keeps its full stop, 'Group.' ends a sentence
            trimmed = token
        lead = len(trimmed) - len(trimmed.lstrip(".-'’@"))
        trimmed = trimmed.lstrip(".-'’@")
        if trimmed:
            yield trimmed, sentence.start + start + lead


def _candidates(article: Article, sentence: Sentence, lang: Language, vocabulary: frozenset[str]):
    tokens = list(_tokens(sentence, lang))
    particles = frozenset(lang.grammar["particles"])
    runs: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    for i, (token, start) in enumerate(tokens):
        gap_ok = current and _joining_gap(article.text, current[-1], token, start, lang)
        if _is_capitalised(token):
            if current and not gap_ok:
                runs.append(current)
                current = []
            current.append((token, start))
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt and token in particles and nxt[0] in particles and i + 2 < len(tokens):
            nxt = tokens[i + 2]  # 'von der <Name>', 'van der <Name>': two particles
        if (current and gap_ok and token in lang.name_connectors and nxt and _is_capitalised(nxt[0])
                and _connector_allowed(current, token, tokens[i + 1:i + 8], lang)):
            current.append((token, start))
            continue
        if current and gap_ok and _article_inside_name(current, token, tokens[i + 1:i + 3], lang):
            current.append((token, start))  # '<X> Bank of the <Y>': 'of' here, 'the' on the next word
            continue
        if current and current[-1][0] in lang.name_connectors and token.casefold() == "the" and nxt \
                and _is_capitalised(nxt[0]) and len(current) > 1 and current[-2][0] in _heads(lang):
            current.append((token, start))
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    for run in runs:
        for piece in _agency_pieces(run, lang):
            yield from _trim_run(article, sentence, piece, lang, vocabulary)


def _agency_pieces(run, lang: Language):
    """'Direktorat <X> <Y> Kementerian <Z>': a body inside another one, each opened by its own agency head word,
    are two names (the directorate, then its ministry)."""
    heads = frozenset(lang.agency_head_words)
    if run[0][0] not in heads:
        return [run]
    for i in range(2, len(run) - 1):
        if run[i][0] in heads and run[i - 1][0] not in heads and run[i - 1][0] not in lang.name_connectors:
            return [run[:i], *_agency_pieces(run[i:], lang)]
    return [run]


def _article_inside_name(run, token: str, ahead, lang: Language) -> bool:
    """'Central Bank of the <X>', 'Authority of the <X>': a connector and an article after a head word, before a
    capitalised word, go on with the name."""
    return (token in lang.grammar.get("particles", ()) and run[-1][0] in _heads(lang) and len(ahead) == 2
            and ahead[0][0].casefold() == "the" and _is_capitalised(ahead[1][0]))


def _only_designators(run, lang: Language) -> bool:
    return bool(run) and all(token in lang.org_suffixes for token, _ in run)


def _joining_gap(text: str, previous: tuple[str, int], token: str, start: int, lang: Language) -> bool:
    """Whether two tokens belong to one name: one space between them, or a legal form in parentheses
    ('PT <X> (Persero) Tbk')."""
    gap = text[previous[1] + len(previous[0]):start]
    if gap == " ":
        return True
    if gap == ". " and len(previous[0]) == 1 and previous[0].isupper():
        return True  # 'R. <Surname>': an initial and its full stop
    if gap in ("' ", "’ ") and previous[0].endswith("s") and token[0].isupper():
        return True  # "<X> Employees' Union": a plural possessive inside a name
    end = start + len(token)
    if gap in _NICK_OPEN and text[end:end + 2] == _NICK_OPEN[gap] and text[end + 2:end + 3].isupper():
        return True  # '<Given> “<Nick>” <Surname>': a nickname in quotes inside a name
    if gap in _NICK_OPEN.values() and text[previous[1] - 2:previous[1]] in _NICK_OPEN:
        return True
    forms = lang.grammar.get("legal_forms_parenthesized") or ()
    return (gap == " (" and token in forms and text[start + len(token):start + len(token) + 1] == ")") or \
        (gap == ") " and previous[0] in forms)


def _person_shaped(run) -> bool:
    """Two or three words, each capitalised and then lower case ('Joan Ellis'): a person's name so far."""
    return 2 <= len(run) <= 3 and all(t[:1].isupper() and t[1:].islower() and t.isalpha() for t, _ in run)


def _heads(lang: Language) -> frozenset[str]:
    return lang.organisation_heads | frozenset(lang.grammar.get("trailing_org_heads", ()))


def _connector_allowed(run: list[tuple[str, int]], connector: str, ahead, lang: Language) -> bool:
    """'Bank of X', 'Dinas <X> dan <Y>', '<X> and <Y> Commission': a
    connector inside a name. A head word after the next name word means one name goes on; right after
    the connector it opens a second name ('Mandiri dan Bank X')."""
    heads = _heads(lang)
    if connector in lang.grammar.get("role_org_link", ()) and len(run) > 1 and _person_shaped(run) \
            and run[-1][0] not in heads:
        return False  # '<Given> <Surname> of <Org> Research': 'of' after a person's name links two names
    if connector in lang.grammar.get("particles", ()):
        return True
    if run[-1][0] in heads and connector not in lang.grammar.get("coordinators", ()):
        return True  # '<X> Institute for <Y> Studies', '<X> Council on <Y>': a body's head word takes its complement
    if run[0][0] in heads or all(is_title_word(t, lang) or t in lang.name_connectors for t, _ in run):
        return True  # 'Dinas ... dan ...', 'Chief People and Sustainability Officer'
    first_name_word = next((t for t, _ in run if not is_title_word(t, lang)), None)
    if first_name_word in heads:
        return True  # 'Kepala Dinas ... dan ...': the title before the head word does not end the name

    following = []
    for token, _ in ahead:
        if not _is_capitalised(token):
            break
        following.append(token)
    return any(t in heads or known_entity(t) is not None for t in following[1:])


def _trim_run(article: Article, sentence: Sentence, run, lang: Language, vocabulary: frozenset[str]):
    """Drop common words, dates and titles from a run; yield the name(s) left, with any title seen."""
    role = None
    inner = _inner_role_index([t for t, _ in run], lang)
    if inner:  # "Adapun CEO <ACR> <Given> <Surname>": the title starts a new name
        yield from _trim_run(article, sentence, run[:inner], lang, vocabulary)
        run = run[inner:]
    while run:
        role_len = title_prefix_length([t for t, _ in run], lang) if len(run) > 1 else _role_prefix_length(
            [t for t, _ in run], lang)
        if role_len:
            role = " ".join(t for t, _ in run[:role_len])
            run = run[role_len:]
            continue
        country_len = _place_prefix_length([t for t, _ in run], lang)
        if country_len and country_len < len(run) and not _ends_with_head(run, lang):  # '<Country> Stock Exchange'
            yield _make(article, sentence, run[:country_len], None)
            run = run[country_len:]
            continue
        if len(run) > 1 and run[0][0] in (lang.grammar.get("legal_forms_before") or ()):
            run = run[1:]  # 'PT Mitra Baja', 'PT Sumber Alam': what a legal form opens is a registered name,
            break          # common words ('mitra', 'sumber') and all
        if _droppable(article, sentence, run, lang, vocabulary) and not _only_designators(run[1:], lang):
            run = run[1:]  # "Para Group": "Group" alone names nothing, so "Para" stays
            continue
        break
    run = _trim_tail(_without_site_code(article.text, run), lang)
    if run and (all(is_title_word(t, lang) for t, _ in run) or lang.role_for(" ".join(t for t, _ in run))):
        return  # 'an EVP and GM of ...', 'Chief Technology Officer (CTO)': titles only, no name
    if run:
        yield _make(article, sentence, run, role)
    elif role and not run:
        return


def _droppable(article: Article, sentence: Sentence, run, lang: Language, vocabulary: frozenset[str]) -> bool:
    """Whether the run's first word is a common word, not part of the name."""
    token, start = run[0]
    prefix = article.text[max(sentence.start, start - _CUE_WINDOW):start]  # bounded: linear in the sentence
    at_sentence_start = start - sentence.start <= len(prefix) and not prefix.strip(" \"“‘(")
    cited = len(run) > 1 and _after_media_cue(prefix, lang)
    cue_word = len(run) > 1 and token.casefold() in lang.org_cues_before and token not in lang.org_head_words
    kept = not at_sentence_start and len(run) > 1 and (
        (token[0].isupper() and token.casefold() in lang.name_connectors)  # 'Dan' mid-sentence is a name
        or (token in lang.grammar["name_articles"] and run[-1][0] in lang.grammar["trailing_media_heads"]))
    before_legal_form = len(run) > 1 and run[1][0] in (lang.grammar.get("legal_forms_before") or ())
    head = len(run) > 1 and token in lang.org_head_words and token not in lang.acronym_stopwords \
        and not _is_stopword(run[1][0], lang)  # 'Bank <X>' where the text also says 'the bank'; not 'PT'
    return ((_is_stopword(token, lang) and not cited and not kept and not head)
            or ((at_sentence_start and not head or before_legal_form) and _common_word(token, vocabulary, lang))
            or token in lang.name_connectors or cue_word)  # "Fintech Arka Pay": the cue is not the name


def _ends_with_head(run, lang: Language) -> bool:
    """'<Country> Stock Exchange', '<Country> Workers Union': a head word that ends a name of a body."""
    last = run[-1][0]
    return last in frozenset(lang.grammar.get("trailing_org_heads", ())) | frozenset(lang.union_head_words) | \
        frozenset(lang.agency_head_words)


def _trim_tail(run, lang: Language):
    """'Klarna PHK', 'Google Senin': a common word after a name; '<X> TV', '<X> AI' keep their last word."""
    ends = tuple(lang.grammar.get("trailing_media_heads", ())) + tuple(lang.grammar["name_final_acronyms"])
    while run and (run[-1][0] in lang.name_connectors or _is_date_or_acronym_word(run[-1][0], lang)) and \
            not (len(run) > 1 and run[-1][0] in ends) and \
            not (len(run) == 2 and run[0][0] in lang.agency_head_words and run[-1][0].isupper()):  # 'Kementerian BUMN'
        run = run[:-1]
    return run


def _without_site_code(text: str, run):
    """'PT <X> <Y> KT 400', '<X> Plant AB 12': a short acronym followed by a number that is no year codes a
    site or a model, and the company's name ends before it."""
    if len(run) < 3:
        return run
    token, start = run[-1]
    number = re.match(r" (\d+)\b", text[start + len(token):start + len(token) + 8])
    if number and token.isalpha() and token.isupper() and len(token) <= 3 and not 1900 <= int(number.group(1)) <= 2099:
        return run[:-1]
    return run


def _make(article: Article, sentence: Sentence, run, role: str | None) -> Candidate:
    start = run[0][1]
    end = run[-1][1] + len(run[-1][0])
    return Candidate(start, end, article.text[start:end], sentence.index, tuple(t for t, _ in run), role,
                     sentence.is_heading)


def _common_word(token: str, vocabulary: frozenset[str], lang: Language) -> bool:
    """A word the article also writes in lower case, or a compound whose later parts are in lower case
    ('Long-time', 'Fast-growing'): an adjective that opens the sentence. Brands capitalise every part
    ('Coca-Cola')."""
    parts = token.split("-")
    return token.casefold() in vocabulary or (len(parts) > 1 and all(p.islower() for p in parts[1:]))


def _is_stopword(token: str, lang: Language) -> bool:
    folded = token.casefold()
    if token in lang.acronym_stopwords or folded in lang.months or folded in lang.weekdays:
        return True
    return folded in lang.stopwords and not (token.isupper() and len(token) > 1)  # 'IT' the acronym is a name


def _after_media_cue(left: str, lang: Language) -> bool:
    """'kepada Berita Kita', 'dikutip dari Kabar Niaga': what follows is a name even if it starts with a noun."""
    cues = alternation(tuple(lang.media_cues_before) + lang.grammar["said_to"])
    return bool(re.search(rf"(?:^|\s)(?:{cues})\s+$", " " + left.casefold()))


def _is_date_or_acronym_word(token: str, lang: Language) -> bool:
    folded = token.casefold()
    return token in lang.acronym_stopwords or folded in lang.months or folded in lang.weekdays


def _role_prefix_length(tokens: list[str], lang: Language) -> int:
    return role_length(tokens, lang)


def _inner_role_index(tokens: list[str], lang: Language) -> int:
    """Where a title starts inside a run ('Adapun CEO <X>'), past any title that opens the run
    ('Director and Corporate Secretary <X>' is one title)."""
    for i in range(max(1, title_prefix_length(tokens, lang) + 1), len(tokens) - 1):
        if tokens[i].isupper() or tokens[i][0].isupper():
            if _role_prefix_length(tokens[i:], lang) and not _role_prefix_length(tokens[i - 1:], lang):
                return i
    return 0


def _place_prefix_length(tokens: list[str], lang: Language) -> int:
    for length in range(min(3, len(tokens)), 0, -1):
        phrase = " ".join(tokens[:length])
        if country_code(phrase, lang) and (length > 1 or phrase.isupper() or phrase[1:].islower()):
            return length
    return 0


# ---------------------------------------------------------------- typing

