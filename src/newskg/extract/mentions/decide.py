"""Deciding types from the votes, then spreading them to what the votes left open.

A name's votes decide its type; a name without a decisive vote takes the type of a longer form
of it (a surname, the first words of a company), of its alias, or of the names it is listed with
('A, B, C dan D' name things of one kind). ``Typer`` (mentions.votes) collects the votes and mixes
this in.
"""
from __future__ import annotations

from newskg.extract.mentions.candidates import Candidate
from newskg.model import EntityType

_STRONG, _MEDIUM, _WEAK = 3.0, 2.0, 1.0


class Decisions:
    """The deciding half of ``Typer``: reads ``self.votes``, ``self.lang`` and ``self.article``."""

    def _resolve_votes(self) -> dict[str, EntityType]:
        types = {}
        for key, votes in self.votes.items():
            org_like = sum(w for t, w in votes.items() if t.is_organization)
            best, weight = max(votes.items(), key=lambda kv: (kv[1], kv[0] is EntityType.MEDIA))
            if best.is_organization and votes[EntityType.MEDIA] and votes[EntityType.MEDIA] >= org_like / 2:
                best = EntityType.MEDIA
            if best.is_organization:
                weight = org_like
            if weight >= _WEAK:
                types[key] = best
        return types

    def _propagate(self, body: list[Candidate], types: dict[str, EntityType], aliases) -> None:
        self._short_forms_of_organisations(types)
        self._surnames_of_people(types)
        self._full_names_of_people(body, types)
        for _ in range(2):
            for short, long in aliases:
                if long in types and short not in types:
                    types[short] = types[long]
                elif short in types and long not in types:
                    types[long] = types[short]
            for cand in body:
                if cand.key in types:
                    continue
                linked = self._link_to_known(cand.key, types)
                if linked:
                    types[cand.key] = types[linked]
            for chain in self._lists(body):
                _share_type(chain, types, self.lang.grammar["place_head_words"])

    def _short_forms_of_organisations(self, types: dict[str, EntityType]) -> None:
        """'<X>' beside '<X> Holdings': a name that only drops a company suffix is the company,
        whatever weak cue typed the short form."""
        suffixes = {s.casefold() for s in self.lang.org_suffixes}
        for key, entity_type in list(types.items()):
            if entity_type is not EntityType.PERSON or self.votes[key][EntityType.PERSON] >= 2 * _STRONG:
                continue
            for other, other_type in types.items():
                rest = other[len(key):].split() if other.startswith(key + " ") else []
                if other_type.is_organization and rest and all(w in suffixes for w in rest):
                    types[key] = other_type
                    break

    def _surnames_of_people(self, types: dict[str, EntityType]) -> None:
        """'<Surname>' beside '<Given> <Surname>': a lone surname weakly typed otherwise ('adviser to
        <Surname>' reads like an outlet) is the person."""
        surnames = {key.split()[-1] for key, t in types.items() if t is EntityType.PERSON and len(key.split()) > 1}
        for key, entity_type in list(types.items()):
            other = sum(w for t, w in self.votes[key].items() if t is not EntityType.PERSON)
            if entity_type is not EntityType.PERSON and key in surnames and other < _STRONG:
                types[key] = EntityType.PERSON

    def _full_names_of_people(self, body: list[Candidate], types: dict[str, EntityType]) -> None:
        """'<Given> <Surname>' with nothing but a name's shape, where the article types '<Given>' or '<Surname>'
        alone as a person ('kata <Given>'): the full name is that person, written once where no cue stood."""
        for cand in body:
            words = cand.key.split()
            if cand.key in types or cand.key not in self.shaped or len(words) < 2:
                continue
            if EntityType.PERSON in (types.get(words[0]), types.get(words[-1])):
                types[cand.key] = EntityType.PERSON

    def _lists(self, body: list[Candidate]) -> list[list[Candidate]]:
        """Names in one coordination ('A, B, C dan D', 'A and B'): they are things of one kind."""
        coordinators = set(self.lang.grammar["coordinators"])
        chains, current, joined = [], [body[0]] if body else [], False
        for a, b in zip(body, body[1:]):
            gap = self.article.text[a.end:b.start].strip().casefold()
            words = gap.lstrip(",").split()
            if gap == "," or (len(words) == 1 and words[0] in coordinators):
                current.append(b)
                joined = joined or bool(words)
                continue
            if joined or len(current) >= 3:
                chains.append(current)
            current, joined = [b], False
        if joined or len(current) >= 3:
            chains.append(current)
        return chains

    def _link_to_known(self, key: str, types: dict[str, EntityType]) -> str | None:
        """A short form of a typed name: a surname, a first name, or the first words of an organisation."""
        words = key.split()
        if len(words) == 1 and words[0] in {h.casefold() for h in self.lang.organisation_heads}:
            return None  # 'Serikat', 'Bank' alone: the common noun, not the short form of a name it opens
        for other, other_type in types.items():
            other_words = other.split()
            if other == key or len(other_words) <= len(words):
                continue
            if other_type is EntityType.PERSON and len(words) == 1 and words[0] in (other_words[0], other_words[-1]):
                return other
            if other_type.is_organization and other_words[:len(words)] == words:
                return other
        return None


def _share_type(chain: list[Candidate], types: dict[str, EntityType], place_heads) -> None:
    """Give the untyped names of a list the one type its typed names share (places give none)."""
    known = {types[c.key] for c in chain if c.key in types}
    if len(known) != 1:
        return
    entity_type = known.pop()
    if entity_type in (EntityType.COUNTRY, EntityType.CITY):
        return
    for cand in chain:
        if cand.tokens[0] not in place_heads:
            types.setdefault(cand.key, entity_type)
