"""Cues that type a name by the phrase it sits in, beyond the title and speech cues of ``votes``.

- a person brought in only by a naming or standing-for verb ('mewakili <Name>', 'a presenter named <Name>'):
  a weak vote, so it types a name only together with a person's shape, never over an organisation's cue;
- an outlet that obtained or saw a document ('memo yang diperoleh <X>', 'a note viewed by <X>'): the
  outlet is named as the agent of a non-speech verb, with no 'kata' or 'told' near it;
- a platform inside a compound ('a <X> post', 'unggahan <X>'): the name is the site, not a person;
- a name owned by a place ("<Country>'s <X>"): a company or a body of that place;
- a name followed by a relative pronoun only people take ('<X>, who leads ...').

``Typer`` (mentions.votes) mixes this in and reads ``self.lang``, ``self.article`` and ``self.vote``.
"""
from __future__ import annotations

import re

from newskg.extract.mentions.candidates import Candidate
from newskg.extract.places import city_country, country_code
from newskg.model import EntityType

_HALF = 0.5  # as much as a name's shape: the two together make a decision, either alone does not


class ContextCues:
    """More votes from the phrase around one occurrence; each reads its words from ``grammar.yaml``."""

    def _vote_context_cues(self, cand: Candidate, left_l: str, right_l: str, acronym: bool) -> None:
        self._vote_naming_verb(cand, left_l, acronym)
        self._vote_document_agent(cand, left_l)
        self._vote_platform_compound(cand, left_l, right_l)
        self._vote_place_possessive(cand)
        relatives = self._grammar_words("person_relatives")
        if relatives and not acronym and re.match(rf",?\s*(?:{relatives})\b", right_l):
            self.vote(cand.key, EntityType.PERSON, 2.0, "X, who")  # companies take 'which'

    def _vote_place_possessive(self, cand: Candidate) -> None:
        """"<Country>'s <X>", "<City>'s <X>": a name owned by a place is a company or a body of it, not a person
        (a person there carries a title: "<Country>'s finance minister <Name>")."""
        words = self._grammar_words("place_possessive")
        left = self.article.text[max(0, cand.start - 40):cand.start]
        match = re.search(rf"([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:{words})\s$", left) if words else None
        if match and (country_code(match.group(1), self.lang) or city_country(match.group(1))):
            self.vote(cand.key, EntityType.ORGANIZATION, 2.0, "X of a place")

    def _acronym_led(self, cand: Candidate) -> bool:
        """'<ACR> <Word>': a name whose first word is an acronym of three letters or more names a body (people's
        names hold initials, not acronyms); a place ('JAKARTA') or a stop acronym ('CEO') is no such word."""
        first = cand.tokens[0]
        return (len(cand.tokens) > 1 and len(first) >= 3 and first.isalpha() and first.isupper()
                and first not in self.lang.acronym_stopwords and not self._place_type(Candidate(
                    cand.start, cand.start + len(first), first, cand.sentence, (first,))))

    def _grammar_words(self, name: str) -> str | None:
        return self.lang.words(name) if self.lang.grammar.get(name) else None

    def _vote_naming_verb(self, cand: Candidate, left_l: str, acronym: bool) -> None:
        """'Sinta mewakili Dewi Lestari', 'an anchor named Dewi Lestari': the name after the verb is a person's,
        if nothing else says otherwise."""
        words = self._grammar_words("person_naming_verbs")
        if words and not acronym and re.search(rf"(?:^|\s)(?:{words})$", left_l):
            self.vote(cand.key, EntityType.PERSON, _HALF, "named or represented")

    def _vote_document_agent(self, cand: Candidate, left_l: str) -> None:
        """'dokumen yang diperoleh <X>', 'a memo seen by <X>': who obtains a document in news text is an outlet."""
        nouns, verbs = self._grammar_words("leaked_document_nouns"), self._grammar_words("document_agent_verbs")
        if nouns and verbs and re.search(rf"(?:^|\s)(?:{nouns})\s+(?:\S+\s+){{0,6}}(?:{verbs})$", left_l):
            self.vote(cand.key, EntityType.MEDIA, 3.0, "document obtained by X")

    def _vote_platform_compound(self, cand: Candidate, left_l: str, right_l: str) -> None:
        """'a <X> post', 'akun <X>': a name in a compound with a social-media noun is the platform."""
        after, before = self._grammar_words("platform_nouns_after"), self._grammar_words("platform_nouns_before")
        if (after and re.match(rf"(?:{after})\b", right_l)) or (before and re.search(rf"(?:^|\s)(?:{before})$", left_l)):
            self.vote(cand.key, EntityType.ORGANIZATION, 2.0, "platform of a post")
