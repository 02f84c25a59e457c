"""Titles before names, and where the organisation after a title gives way to the person.

The press writes a title, its department, the organisation and the person as one run of
capitalised words: "Direktur Eksekutif <Org> <Person>", "VP Corporate Banking <Bank> <Person>",
"Kepala HRD PT <X> <Person>". The title is the role word with the modifiers and department words
around it (``title_modifiers``, ``department_words`` in ``grammar.yaml``); what follows is cut into an
organisation and a person by the evidence the article gives: a name written elsewhere on its own,
a legal form, a place that ends a company name, an initial that belongs to the person.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from newskg.extract.gazetteer import known_entity
from newskg.lang import Language
from newskg.extract.places import city_country, country_code


def role_length(tokens: list[str], lang: Language) -> int:
    """Length of the title word(s) that open ``tokens`` ('Direktur Utama' -> 2), or 0."""
    titles = _more_titles(lang)
    for length in range(min(4, len(tokens)), 0, -1):
        phrase = " ".join(tokens[:length])
        if lang.role_for(phrase) or phrase.casefold() in titles:
            return length
    return 0


@lru_cache(maxsize=None)
def _more_titles(lang: Language) -> frozenset[str]:
    """The titles of ``roles.yaml`` beyond its forms ('Peneliti', 'Sekretaris'), casefolded: before a name they
    are a title too ('Peneliti <Agency>, <Person>')."""
    return frozenset(t.casefold() for spec in lang.roles.values() for t in spec.get("titles", ()))


def _title_words(lang: Language) -> frozenset[str]:
    return frozenset(lang.grammar.get("title_modifiers", ())) | frozenset(lang.grammar.get("department_words", ())) \
        | frozenset(lang.grammar.get("portfolio_words", ()))


def is_title_word(token: str, lang: Language) -> bool:
    """A word that can stand inside a title: role, modifier, department, portfolio or title head."""
    return token in _title_words(lang) or token in lang.grammar.get("title_heads", ()) or bool(role_length([token], lang))


def title_prefix_length(tokens: list[str], lang: Language) -> int:
    """Length of the whole title that opens ``tokens``: modifiers, role words, departments, joined titles.

    'Human Resources General Manager PT X', 'Direktur Eksekutif X', 'Director and Corporate Secretary X',
    'Chief People and Sustainability Officer X'. A title holds a role word or a title head ('Officer');
    at least one token is left for the name.
    """
    extra, heads = _title_words(lang), frozenset(lang.grammar.get("title_heads", ()))
    joins = set(lang.grammar["role_join"]) | set(lang.name_connectors)
    n, titled = 0, False
    while n < len(tokens) - 1:
        more = role_length(tokens[n:], lang)
        if more and n + more < len(tokens):
            n, titled = n + more, True
        elif tokens[n] in heads:
            n, titled = n + 1, True
        elif tokens[n] in extra:
            n += 1
        elif n and tokens[n] in joins and is_title_word(tokens[n + 1], lang) and n + 2 < len(tokens):
            n += 1  # 'Head of Corporate and Consumer Affairs', 'Director and Corporate Secretary'
        else:
            break
    n = max(n, _title_to_head(tokens, lang, heads))
    if titled and n < len(tokens) - 1 and (tokens[n] in joins or tokens[n - 1] in extra):
        extended = _department_to_organisation(tokens, n, lang)
        if extended:
            return extended
    while n and not (role_length([tokens[n - 1]], lang) or tokens[n - 1] in extra or tokens[n - 1] in heads
                     or role_length(tokens[n - 2:n], lang)):
        n -= 1  # never end a title on a connector
    return n if titled or n and tokens[n - 1] in heads else 0


def _title_to_head(tokens: list[str], lang: Language, heads: frozenset[str]) -> int:
    """'Chief Growth and Partnerships Officer': a modifier, any words, a title head; 0 when not so."""
    if not tokens or tokens[0] not in lang.grammar.get("title_modifiers", ()):
        return 0
    for i in range(1, min(len(tokens) - 1, 6)):
        if tokens[i] in heads or role_length([tokens[i]], lang):
            return i + 1
    return 0


def _department_to_organisation(tokens: list[str], n: int, lang: Language) -> int:
    """'Direktur Jenderal Pembinaan <Words> dan <Words> Kementerian <X> <Person>': a title that ends on a
    department word or a connector runs on to the organisation it belongs to (a head word or a
    well-known name); 0 when no such organisation follows."""
    heads = _heads(lang)
    for i in range(n, min(n + 8, len(tokens) - 1)):
        if tokens[i] in heads or known_entity(tokens[i]) is not None:
            return i
    return 0


def _heads(lang: Language) -> frozenset[str]:
    forms = lang.grammar.get("legal_forms_before") or ()
    return lang.organisation_heads | frozenset(forms)


def split_title_runs(article, candidates: list, lang: Language) -> list:
    """'CEO <Org> <Person>' as one candidate: an organisation candidate, then a person candidate."""
    known = {c.tokens for c in candidates}
    out = []
    starts = {c.start for c in candidates}
    portfolios = frozenset(lang.grammar.get("portfolio_words", ()))
    for cand in candidates:
        cand = _department_rest(article, cand, lang, known)
        after = article.text[cand.end:cand.end + 2]
        if cand.role is None or len(cand.tokens) < 3 or after == " (" or (after == ", " and cand.end + 2 in starts) \
                or (cand.role.split()[-1] in portfolios and not _company_title(cand.role, lang)):
            # 'Presiden <Union> (<ACR>) <Person>', 'Kepala <Agency>, <Person>': the run is the organisation;
            # 'Menteri Keuangan <Person>': the portfolio stands for the ministry, the run is the person
            out.append(cand)
            continue
        cut = min(org_prefix_length(cand.tokens, lang, known), _given_name_before_particle(cand.tokens, lang))
        if cut == 0:  # 'CEO <Given> von <Surname>': the whole run is the person
            out.append(cand)
            continue
        org_end = cand.start + _offset_of_token(cand, cut - 1) + len(cand.tokens[cut - 1])
        person_start = cand.start + _offset_of_token(cand, cut)
        out.append(replace(cand, end=org_end, text=article.text[cand.start:org_end], tokens=cand.tokens[:cut]))
        out.append(replace(cand, start=person_start, text=article.text[person_start:cand.end],
                           tokens=cand.tokens[cut:], role=None))
    return out


def _company_title(role: str, lang: Language) -> bool:
    """'Direktur Keuangan': a company's title that ends on a portfolio word ('Keuangan'), listed whole in
    roles.yaml; a minister's portfolio ('Menteri Keuangan <Person>') is no listed title."""
    key = lang.role_for(role)
    return key is not None and key not in lang.grammar.get("role_minister_keys", ())


def _department_rest(article, cand, lang: Language, known: set[tuple[str, ...]]):
    """'Kepala Divisi Layanan | Nasabah <ACR>': a title that ran into its department leaves the department's last
    words before the organisation's acronym, which the article writes on its own elsewhere; they join the title."""
    departments = frozenset(lang.grammar.get("department_words", ()))
    if cand.role is None or cand.role.split()[-1] not in departments or len(cand.tokens) < 2:
        return cand
    last = cand.tokens[-1]
    if not (last.isupper() and len(last) > 1 and (last,) in known) or len(cand.tokens) > 4:
        return cand
    start = cand.start + _offset_of_token(cand, len(cand.tokens) - 1)
    role = f"{cand.role} {article.text[cand.start:start].strip()}"
    return replace(cand, start=start, text=article.text[start:cand.end], tokens=(last,), role=role)


def _given_name_before_particle(tokens: tuple[str, ...], lang: Language) -> int:
    """Where the person starts in '<Org> <Given> van den <Surname>': at the word before the first particle
    ('van', 'von', 'bin'), which belongs to the person's name; the run's length when it holds no particle."""
    particles = frozenset(lang.grammar.get("particles", ())) - frozenset(lang.grammar.get("org_connectors", ())) \
        - {"of", "&"}  # 'of' and '&' join the words of an organisation's name, not a person's
    for i, token in enumerate(tokens[1:], 1):
        if token in particles:
            return i - 1
    return len(tokens)


def _offset_of_token(cand, index: int) -> int:
    """Offset of token ``index`` in the candidate's text (tokens are separated by spaces or punctuation)."""
    at = 0
    for i, token in enumerate(cand.tokens):
        at = cand.text.index(token, at)
        if i == index:
            return at
        at += len(token)
    raise ValueError(index)


def org_prefix_length(tokens: tuple[str, ...], lang: Language, known: set[tuple[str, ...]]) -> int:
    """How many tokens of '<Org> <Person>' name the organisation (at least one, leaving one for the person)."""
    last = len(tokens) - 1
    for cut in range(last, 0, -1):  # the article writes the organisation on its own elsewhere, or it is well known
        if tuple(tokens[:cut]) in known or known_entity(" ".join(tokens[:cut])) is not None:
            return cut
    for cut in range(1, last):  # ... or the person's full name ('<Given> <Surname>'; a lone surname proves nothing)
        if tuple(tokens[cut:]) in known:
            return cut
    if tokens[0].isupper() and len(tokens[0]) > 1:
        return 1
    for cut in range(1, last):  # ... or the person's given name on its own ('<Given>' for '<Given> <Initial> <Surname>')
        if (tokens[cut],) in known and tokens[cut] not in lang.org_suffixes:
            return cut
    suffixes = set(lang.org_suffixes)
    for i in range(last - 1, -1, -1):
        if tokens[i] in suffixes:
            return i + 1
    for i in range(last - 1, 0, -1):  # '<Org> Indonesia <Person>', '<Agency> Kota <City> <Person>'
        if country_code(tokens[i], lang) or city_country(tokens[i]):
            return i + 1
    if tokens[0].isupper() and len(tokens[0]) > 1:
        return 1
    cut = max(1, len(tokens) - 2)
    if cut > 1 and len(tokens[cut].rstrip(".")) == 1:
        cut -= 1  # '<Given> <Initial> <Surname>': an initial belongs to the person
    return cut
