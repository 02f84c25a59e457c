"""Typing candidates: every occurrence of a surface form votes for a type by the cues around it."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from newskg.extract.gazetteer import known_entity
from newskg.lang import Language
from newskg.extract.mentions.candidates import Candidate
from newskg.extract.mentions.context_cues import ContextCues
from newskg.extract.mentions.decide import _MEDIUM, _STRONG, _WEAK, Decisions
from newskg.extract.mentions.sections import section_subjects
from newskg.model import Article, EntityType, Sentence
from newskg.extract.places import city_country, country_code, is_region
from newskg.textutil import alternation

_WINDOW = 120  # characters of context a cue may span


class Typer(Decisions, ContextCues):
    """Collects cue votes for every surface form and decides each one's type."""

    def __init__(self, article: Article, sentences: list[Sentence], lang: Language):
        self.article = article
        self.sentences = sentences
        self.lang = lang
        self.votes: dict[str, Counter] = defaultdict(Counter)
        self.cues: dict[str, str] = {}
        self.shaped: set[str] = set()

    def vote(self, key: str, entity_type: EntityType, weight: float, cue: str) -> None:
        self.votes[key][entity_type] += weight
        best = self.cues.get(key)
        if best is None or weight >= _STRONG:
            self.cues[key] = cue

    def cue_of(self, key: str) -> str:
        return self.cues.get(key, "propagated")

    def decide(self, candidates: list[Candidate]):
        body = [c for c in candidates if not c.heading]
        aliases: list[tuple[str, str]] = []
        for i, cand in enumerate(body):
            self._vote_candidate(cand, body[i - 1] if i else None, body[i + 1] if i + 1 < len(body) else None,
                                 aliases)
        types = self._resolve_votes()
        self._propagate(body, types, aliases)
        for key, entity_type in section_subjects(self.article, self.sentences, candidates, self.lang).items():
            types.setdefault(key, entity_type)
        heading_keys = {c.key for c in candidates if c.heading}
        for key in heading_keys - set(types):
            linked = self._link_to_known(key, types)
            if linked:
                types[key] = types[linked]
        return types, aliases

    # -- votes from cues around one occurrence
    def _vote_candidate(self, cand: Candidate, prev: Candidate | None, nxt: Candidate | None, aliases) -> None:
        lang, key = self.lang, cand.key
        left, right = self._context(cand)
        left_l, right_l = left.casefold().rstrip(), right.casefold().lstrip()
        place = self._place_type(cand)
        if place is not None:
            if place is not False:
                self.vote(key, place, _STRONG, "place name")
            return
        if any(ch.isdigit() for ch in cand.text) and not self._media_cue(left_l):
            return
        if cand.text[0].islower() and not any(c.isupper() for c in cand.tokens[0]):
            return  # a lower-case word; camel-case brands ('nusaTV') go on
        acronym = cand.text.isupper() and len(cand.text) > 1
        self._vote_shape(cand, acronym)
        self._vote_titles(cand, prev, nxt, right, acronym)
        self._vote_apposition_org(cand, left_l, acronym)
        self._vote_speech(cand, left_l, right_l, acronym)
        if self._media_cue(left_l):
            self.vote(key, EntityType.MEDIA, _STRONG, "cited as a source")
        self._vote_media_noun(cand, left_l)
        self._vote_context_cues(cand, left_l, right_l, acronym)
        self._vote_org_cues(cand, left_l, right_l)
        self._vote_heads(cand)
        if any(right_l.startswith(cue) for cue in lang.product_cues_after):
            self.vote(key, EntityType.PRODUCT, _STRONG, "described as a product")
        founded = f"{lang.words('founded_by')}|{lang.words('succeeded_by')}"
        if lang.grammar.get("founded_verbs"):  # 'didirikan pada 2019 oleh X'
            founded += rf"|(?:{lang.words('founded_verbs')})\s+(?:{lang.words('founding_time_words')})\s+\S+\s+" \
                       rf"(?:{lang.words('founding_agents')})"
        if re.search(rf"(?:{founded})(?:\s+\S+\s+(?:{lang.words('role_join')}))?\s*$", left_l) and not acronym:
            self.vote(key, EntityType.PERSON, _MEDIUM, "founded or succeeded by")
        self._vote_parenthetical(cand, left, right, prev, aliases)
        self._vote_or_alias(cand, prev, aliases)
        known = known_entity(cand.text)
        if known is not None:
            self.vote(key, known.type, 1.5, "well-known entity")

    def _vote_titles(self, cand: Candidate, prev: Candidate | None, nxt: Candidate | None, right: str,
                     acronym: bool) -> None:
        """A title before the name ('CEO X'), or after it in apposition ('X, Direktur Utama ...')."""
        lang = self.lang
        gap = self.article.text[prev.end:cand.start].strip() if prev is not None else ""
        if gap.startswith(",") and self._is_title_phrase(gap[1:]) and self._place_type(prev) is None:
            # "Fajar Gunawan, Direktur Utama Risu Tech", "<Person>, seorang analis <Org>": the title
            # belongs to the person before
            self.vote(cand.key, EntityType.ORGANIZATION, _STRONG, "title of an appositive person")
        else:
            self._vote_role_context(cand, nxt, right, acronym)
        if not acronym and re.match(
                rf"^,\s*(?:(?:{lang.words('role_as')})\s+)?(?:(?:{self._determiners})\s+|{self._possessor})?"
                rf"(?:{lang.role_alternation}|{self._title_lead})\b",
                right, re.I):
            self.vote(cand.key, EntityType.PERSON, _STRONG, "person, title")

    @property
    def _possessor(self) -> str:
        """An organisation's name with a possessive before a title in apposition: "X, Harlow's chief executive,"
        (languages without one, as Indonesian, match nothing here)."""
        marks = [re.escape(g) for g in self.lang.grammar.get("role_org_title_gaps", ()) if g.strip()]
        if not marks:
            return "(?!)"
        return rf"(?-i:[A-Z][\w&.-]*)(?:\s+(?-i:[A-Z][\w&.-]*)){{0,3}}(?:{'|'.join(marks)})\s+"

    @property
    def _determiners(self) -> str:
        """Words before a title in apposition: 'X, seorang analis', 'X, the chief operating officer of Y'."""
        definite = self.lang.grammar.get("apposition_determiners")
        return self.lang.words("indefinite") + (f"|{self.lang.words('apposition_determiners')}" if definite else "")

    def _context(self, cand: Candidate) -> tuple[str, str]:
        """The text around a candidate within its sentence, at most ``_WINDOW`` characters each side, cut
        at a space: every cue is a few words long, and a bounded window keeps typing linear in the
        sentence's length."""
        sentence = self.sentences[cand.sentence]
        start = max(sentence.start, cand.start - _WINDOW)
        if start > sentence.start:
            start = self.article.text.find(" ", start, cand.start) + 1 or start
        end = min(sentence.end, cand.end + _WINDOW)
        if end < sentence.end:
            end = max(self.article.text.rfind(" ", cand.end, end), cand.end)
        return self.article.text[start:cand.start], self.article.text[cand.end:end]

    def _vote_shape(self, cand: Candidate, acronym: bool) -> None:
        titlecase = all(t[0].isupper() and t[1:].islower() for t in cand.tokens if t.isalpha())
        if 2 <= len(cand.tokens) <= 4 and titlecase and cand.tokens[0] not in self.lang.grammar["place_head_words"] \
                and cand.key not in self.shaped:
            self.shaped.add(cand.key)  # the shape is one piece of evidence, however often the name is written
            self.vote(cand.key, EntityType.PERSON, 0.5, "name shape")
        if self._acronym_led(cand):
            self.vote(cand.key, EntityType.ORGANIZATION, _WEAK, "a name led by an acronym")  # 'ABC Ketenagakerjaan'
        if acronym and (cand.key, "acronym") not in self.shaped:  # one piece of evidence, as the shape above
            self.shaped.add((cand.key, "acronym"))
            self.vote(cand.key, EntityType.ORGANIZATION, 0.5, "acronym")
        if re.search(rf"(?:{self.lang.words('based_suffixes')})\s+$", self.article.text[max(0, cand.start - 40):cand.start],
                     re.IGNORECASE):
            self.vote(cand.key, EntityType.ORGANIZATION, _MEDIUM, "PLACE-based X")

    def _vote_role_context(self, cand: Candidate, nxt: Candidate | None, right: str, acronym: bool) -> None:
        lang = self.lang
        role = cand.role or self._lowercase_role_before(cand)
        if not role:
            return
        gap = self.article.text[cand.end:nxt.start] if nxt is not None else None
        # 'CEO <Org>, <Person>', or the two halves of 'CEO <Org> <Person>' cut apart by mentions.titles
        portfolio = role.split()[-1] in self.lang.grammar["portfolio_words"]  # 'Menteri BUMN <Person>, ...'
        followed_by_name = gap == " " or (gap is not None and gap.strip() == "," and not portfolio)
        headed = cand.tokens[0] in lang.organisation_heads or \
            bool(set(cand.tokens) & set(lang.grammar["org_connectors"]))
        # 'Presiden Partai <X>', 'Ketua Serikat <X>', 'Direktur <X> of <Y>': no person's name
        if cand.tokens[-1] in lang.org_suffixes or acronym or followed_by_name or headed:
            self.vote(cand.key, self._head_type(cand) if headed else EntityType.ORGANIZATION, _STRONG, f"{role} X")
            if followed_by_name and not (nxt.text.isupper()):
                self.vote(nxt.key, EntityType.PERSON, _STRONG, f"{role} X, Y")
        elif len(cand.tokens) >= 2:
            self.vote(cand.key, EntityType.PERSON, _STRONG, f"{role} Y")
        else:
            self.vote(cand.key, EntityType.ORGANIZATION, _WEAK, f"{role} X")

    def _is_title_phrase(self, text: str) -> bool:
        """'Direktur Utama', 'seorang analis', 'a senior economist': a title, perhaps after an indefinite word."""
        lang = self.lang
        text = re.sub(rf"^(?:{lang.words('indefinite')})\s+", "", text.strip(), flags=re.I)
        words = text.split()
        if not words or lang.role_for(text):
            return bool(words)
        heads = {h.casefold() for h in lang.grammar["title_heads"]}
        return len(words) <= 4 and words[-1].casefold() in heads

    def _lowercase_role_before(self, cand: Candidate) -> str | None:
        left, _ = self._context(cand)
        titles = f"{self.lang.role_alternation}|{self.lang.words('title_heads')}"  # '<Org> executive <Name>'
        match = re.search(rf"(?:^|\s)((?:{titles})),?\s+$", left, re.IGNORECASE)
        return match.group(1) if match else None

    def _vote_speech(self, cand: Candidate, left_l: str, right_l: str, acronym: bool) -> None:
        lang = self.lang
        self._vote_said_to(cand, left_l)
        if acronym:
            return
        after_quote = _alt_words(lang.speech_verbs_after_quote)
        if re.search(rf"[,”\"'’]\s*(?:{after_quote})$", left_l):  # ', kata X', '” said X'; not 'said X would'
            self.vote(cand.key, EntityType.PERSON, _MEDIUM, "kata X")
        if re.match(rf",?\s*(?:{_alt_words(lang.speech_verbs_subject)})\b", right_l):
            self.vote(cand.key, EntityType.PERSON, _WEAK, "X mengatakan")
        if re.search(rf"(?:^|\s)(?:{lang.words('according_to')})$", left_l):
            self.vote(cand.key, EntityType.PERSON, _WEAK, "menurut X")

    def _vote_said_to(self, cand: Candidate, left_l: str) -> None:
        """'..., kata X kepada <Outlet>': the outlet a person spoke to."""
        lang = self.lang
        after_quote = _alt_words(lang.speech_verbs_after_quote)
        clitics = _alt_words(lang.speech_clitics)
        said_to = re.search(rf"(?:^|\s)(?:{lang.words('said_to')})$", left_l)
        if said_to and re.search(rf"\b(?:{after_quote}|{clitics}|{alternation(lang.media_cues_before)})\b", left_l[-80:]):
            self.vote(cand.key, EntityType.MEDIA, _MEDIUM, "said to X")

    def _media_cue(self, left_l: str) -> bool:
        cues = _alt_words(self.lang.media_cues_before)
        source_from = self.lang.words("source_from")  # 'dilansir <Outlet> dari' / 'reported by ... from'
        return bool(re.search(rf"(?:^|[\s,(])(?:{cues})(?:(?:\s+\S+){{1,2}}\s+(?:{source_from}))?$", left_l)) and not \
            re.search(rf"(?:^|\s)(?:{self.lang.words('source_generic')})\s+(?:{self.lang.words('demonstratives')})$",
                      left_l)

    def _vote_org_cues(self, cand: Candidate, left_l: str, right_l: str) -> None:
        lang = self.lang
        left, _ = self._context(cand)  # original case: "AS" is a country, "as" a word
        trimmed = self._strip_trailing_country(re.sub(r"\s+$", "", left)).casefold()  # 'perusahaan, <X>,': no cue
        trimmed = re.sub(rf"(?:\s+(?:{lang.words('other_words')}))?\s+(?:{lang.words('namers')})$", "", trimmed)
        cues_before = _alt_words(lang.org_cues_before)
        employee = set(lang.grammar["weak_org_cues"])  # "karyawan X" hints, "perusahaan X" says
        match = re.search(rf"(?:^|\s)({cues_before})$", trimmed) or self._cue_with_one_word(trimmed, cues_before)
        if self._origin_place(cand, left_l):
            match = None  # 'produsen baja asal <X>': the cue is the company's, <X> is where it comes from
        if match:
            weight = _WEAK if match.group(1) in employee else _MEDIUM
            self.vote(cand.key, EntityType.ORGANIZATION, weight, f"{match.group(1)} X")
        if re.match(rf"^,\s*(?:(?:{lang.words('indefinite')})\s+)?(?:[\w-]+\s+){{0,2}}(?:{cues_before})\b(?!['’]s\b)", right_l) \
                and not re.match(rf"^,\s*(?:{lang.words('other_companies')}|{_alt_words(lang.speech_verbs_subject)})\b", right_l):  # 'X, sejumlah perusahaan ...' starts a clause
            # 'X, sebuah perusahaan ...', 'X, a Texas software company'
            self.vote(cand.key, EntityType.ORGANIZATION, _MEDIUM, "X, sebuah perusahaan")
        if re.match(rf"(?:{lang.words('staff_nouns')})\\b", right_l):
            self.vote(cand.key, EntityType.ORGANIZATION, _WEAK, "X employees")  # 'Acme employees'
        right_verb = re.sub(rf"^(?:{lang.words('adverbs')})\s+", "", right_l)
        if any(right_verb.startswith(cue) for cue in lang.org_cues_after):
            self.vote(cand.key, EntityType.ORGANIZATION, _WEAK, "X acts as a company")
        if self._after_legal_form(left):
            self.vote(cand.key, EntityType.ORGANIZATION, _STRONG, "legal form before the name (PT X)")

    def _origin_place(self, cand: Candidate, left_l: str) -> bool:
        """A one-word name right after 'asal' / 'based in' is a place: vote it so (cities of one word are not in
        the place lists, too many are surnames or brands)."""
        words = self.lang.grammar.get("place_origin_words", ())
        if not words or len(cand.tokens) != 1 or cand.text.isupper():
            return False
        if not re.search(rf"(?:^|\s)(?:{self.lang.words('place_origin_words')})$", left_l):
            return False
        self.vote(cand.key, EntityType.CITY, _MEDIUM, "place of origin")
        return True

    def _after_legal_form(self, left: str) -> bool:
        forms = self.lang.grammar.get("legal_forms_before") or []
        return bool(forms) and re.search(rf"(?:^|\s)(?:{'|'.join(map(re.escape, forms))})\.?\s*$", left) is not None

    def _cue_with_one_word(self, text: str, cues_before: str):
        """'startup agritech X', 'perusahaan logistik X': a cue, one descriptive word, the name."""
        match = re.search(rf"(?:^|\s)({cues_before})\s+([a-z-]+)$", text)
        if match and match.group(2) not in self.lang.stopwords and match.group(2) not in self.lang.name_connectors:
            return match
        return None

    def _strip_trailing_country(self, text: str) -> str:
        """'perusahaan fintech asal Swedia' -> 'perusahaan fintech': the cue before the country."""
        origin = self.lang.words("origin_words")
        for _ in range(2):
            words = text.split()
            for length in (3, 2, 1):
                if len(words) >= length and country_code(" ".join(words[-length:]).strip(","), self.lang):
                    text = " ".join(words[:-length])
                    break
            text = re.sub(rf"\s*\b(?:{origin})$", "", text, flags=re.IGNORECASE)
        return text

    def _vote_heads(self, cand: Candidate) -> None:
        lang, tokens = self.lang, cand.tokens
        first_two = " ".join(tokens[:2])
        if len(tokens) > 1 and self._vote_trailing_head(cand):
            return
        if len(tokens) > 1 and (tokens[0] in lang.union_head_words or first_two in lang.union_head_words):
            self.vote(cand.key, EntityType.UNION, _STRONG, "union name")  # a lone 'Serikat' is the common noun
        elif tokens[0] in lang.agency_head_words and len(tokens) > 1:
            self.vote(cand.key, EntityType.AGENCY, _STRONG, "agency name")
        elif (tokens[0] in lang.media_head_words or first_two in lang.media_head_words) and len(tokens) > 1:
            self.vote(cand.key, EntityType.MEDIA, _STRONG, "media name")
        elif tokens[0] in lang.org_head_words and len(tokens) > 1:
            self.vote(cand.key, EntityType.ORGANIZATION, _STRONG, "organisation name")
        elif len(tokens) > 1 and any(t in lang.org_suffixes for t in tokens[1:]):
            self.vote(cand.key, EntityType.ORGANIZATION, _STRONG, "company suffix")

    def _head_type(self, cand: Candidate) -> EntityType:
        """The kind of body a name's first words make it: 'Ketua Serikat <X>' heads a union, 'Kepala Dinas <X>' an
        agency; a title's vote must not outweigh the head word's kind (a union reports layoffs, it does not make them)."""
        lang, first_two = self.lang, " ".join(cand.tokens[:2])
        if cand.tokens[0] in lang.union_head_words or first_two in lang.union_head_words:
            return EntityType.UNION
        if cand.tokens[0] in lang.agency_head_words and len(cand.tokens) > 1:
            return EntityType.AGENCY
        return EntityType.ORGANIZATION

    def _vote_trailing_head(self, cand: Candidate) -> bool:
        """'<X> Commission', '<X> Workers Union', '<X> Stock Exchange': a head word that ends the name."""
        lang, last = self.lang, cand.tokens[-1]
        for words, entity_type in ((lang.union_head_words, EntityType.UNION), (lang.agency_head_words, EntityType.AGENCY),
                                   (lang.grammar.get("trailing_org_heads", ()), EntityType.ORGANIZATION)):
            if last in words and cand.tokens[0] not in lang.org_head_words:
                self.vote(cand.key, entity_type, _STRONG, "name ends with a head word")
                return True
        return False

    def _vote_media_noun(self, cand: Candidate, left_l: str) -> None:
        """'stasiun televisi X', 'jurnalis X', '<X> TV': words that say the name is a media outlet."""
        lang = self.lang
        if re.search(rf"(?:^|\s)(?:{lang.words('media_nouns')})$", left_l):
            self.vote(cand.key, EntityType.MEDIA, _STRONG, "media noun before the name")
        elif re.search(rf"(?:^|\s)(?:{lang.words('media_staff_nouns')})$", left_l):
            self.vote(cand.key, EntityType.MEDIA, _MEDIUM, "newsroom staff of X")
        if cand.text.casefold().endswith(tuple(lang.grammar["web_suffixes"])):
            self.vote(cand.key, EntityType.MEDIA, _MEDIUM, "a web address as a name")  # 'Berita.com', 'tvX.id'
        if len(cand.tokens) > 1 and cand.tokens[-1] in lang.grammar["trailing_media_heads"]:
            self.vote(cand.key, EntityType.MEDIA, _STRONG, "name ends with a media word")

    @property
    def _title_lead(self) -> str:
        """A title the role list does not hold, opened by a title modifier: 'chief business officer'."""
        return rf"(?:{self.lang.words('title_modifiers')})\s+[\w-]+"

    def _vote_apposition_org(self, cand: Candidate, left_l: str, acronym: bool) -> None:
        """'<Person>, (seorang) analis X', 'director of X', 'X producer <Person>': the organisation of a title."""
        lang = self.lang
        titles = rf"{lang.role_alternation}|{lang.words('title_heads')}"
        link = lang.words("role_org_link")
        if re.search(rf"(?:^|\s)(?:{titles})\s+(?:{link})$", left_l, re.I):
            self.vote(cand.key, EntityType.ORGANIZATION, _MEDIUM, "title of X")
        elif re.search(rf",\s*(?:(?:{lang.words('indefinite')})\s+)?(?:{titles})$", left_l, re.I):
            self.vote(cand.key, EntityType.ORGANIZATION, _MEDIUM, "<Person>, title X")
        if re.search(rf"(?:^|\s)(?:{_alt_words(lang.person_cues_before)})$", left_l) and not acronym:
            self.vote(cand.key, EntityType.PERSON, _MEDIUM, "person noun before the name")
        right = self._context(cand)[1]
        if re.match(rf"['’]s\s+(?i:{titles}|{lang.words('title_modifiers')})\b", right):
            self.vote(cand.key, EntityType.ORGANIZATION, _STRONG, "X's title")  # '<Org>’s COO <Person>': people have no COO
        if re.match(rf"\s+(?:{lang.words('union_nouns_after')})\b", right) if lang.grammar["union_nouns_after"] else False:
            self.vote(cand.key, EntityType.UNION, _MEDIUM, "X union")
        if re.match(rf"\s+(?i:{titles})\s+[A-Z]", right) and not re.match(rf"\s+(?:{titles})\s+(?:{link})\b", right, re.I):
            self.vote(cand.key, EntityType.ORGANIZATION, _MEDIUM, "X title <Person>")

    def _vote_parenthetical(self, cand: Candidate, left: str, right: str, prev: Candidate | None, aliases) -> None:
        """'Commonwealth Bank Australia (CBA)': the acronym is another name of the same thing."""
        if not (left.endswith("(") and right.startswith(")")):
            return
        short_form = len(cand.tokens) == 1 and prev is not None and cand.text[0] == prev.text[0]
        if not (cand.text.isupper() or short_form):  # '<Long Name> (<Shortname>)'
            return
        if (prev is not None and self.article.text[prev.end:cand.start].strip() == "("
                and self._place_type(prev) is None):
            aliases.append((cand.key, prev.key))
            return
        words = left.casefold().rstrip("( ").split()[-6:]
        if re.search(rf"\b(?:{_alt_words(self.lang.org_cues_before)})\b", " ".join(words)):
            self.vote(cand.key, EntityType.ORGANIZATION, _MEDIUM, "(acronym) after a description")

    def _vote_or_alias(self, cand: Candidate, prev: Candidate | None, aliases) -> None:
        """'<Long Name> atau <Short>', '<Long Name>, or <Short>': a one-word short form built from the long name's
        word beginnings (an acronym, or syllables: 'Serikat Karyawan Nusa' -> 'Sekanus') is another name of it."""
        joiners = self.lang.grammar.get("alias_joiners", ())
        if prev is None or len(cand.tokens) != 1 or len(prev.tokens) < 2 or not joiners:
            return
        gap = self.article.text[prev.end:cand.start]
        if re.fullmatch(rf"\s*,?\s*(?:{self.lang.words('alias_joiners')})\s+", gap, re.IGNORECASE) \
                and _abbreviates(cand.text.casefold(), [t.casefold() for t in prev.tokens]):
            aliases.append((cand.key, prev.key))

    def _place_type(self, cand: Candidate):
        """EntityType for a place, False for a region we do not type, None for no place."""
        if country_code(cand.text, self.lang) and not (cand.text.isupper() and len(cand.text) > 3):
            return EntityType.COUNTRY
        if city_country(cand.text):
            return EntityType.CITY
        if is_region(cand.text):
            return False
        return None


_alt_words = alternation


def _abbreviates(short: str, words: list[str]) -> bool:
    """Is ``short`` the beginnings of ``words`` joined in order, starting with the first word's?"""
    if not words or not short or short[0] != words[0][:1]:
        return False
    reachable = {0}  # positions of ``short`` reached after the words read so far
    for word in words:
        reachable = {at + n for at in reachable for n in range(len(word) + 1) if short[at:at + n] == word[:n]}
    return len(short) in reachable
