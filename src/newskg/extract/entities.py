"""Resolve mentions to entities: within an article, then across the corpus.

Within an article a surname ("Siemiatkowski") or first name joins the full
name, the first words of an organisation ("Grab") join the longer name ("Grab
Holdings"), an acronym in parentheses joins what it abbreviates, a name
followed by its country ("Traveloka Indonesia") joins the bare name, and a
one-letter typo ("Aphabet") joins the name it misspells. Across articles,
entities of the same kind join when a name or alias is the same, and a lone
surname joins the one full name in the corpus that ends with it. Different
entities that merely share a word are never merged.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from newskg.extract.gazetteer import known_entity
from newskg.lang import Language
from newskg.extract.mentions import MentionResult, surface_key
from newskg.model import Entity, EntityType, Mention
from newskg.extract.places import city_country, country_code, country_names


@dataclass
class LocalEntity:
    """An entity as one article knows it."""

    type: EntityType
    surfaces: Counter = field(default_factory=Counter)  # surface text -> count

    @property
    def label(self) -> str:
        return max(self.surfaces, key=lambda s: (len(s.split()), self.surfaces[s], s))

    @property
    def keys(self) -> set[str]:
        return {surface_key(s) for s in self.surfaces}


@dataclass
class ArticleEntities:
    doc_id: str
    entities: list[LocalEntity]
    mention_entity: list[int]  # index into entities, one per mention
    mentions: list[Mention]
    outlet_index: int | None = None  # the outlet that published the article, if the text names it


def resolve_article(doc_id: str, found: MentionResult, lang: Language) -> ArticleEntities:
    mentions = found.mentions
    parent: dict[str, str] = {}
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_key.setdefault(surface_key(mention.text), []).append(mention)
    type_of = {key: Counter(m.type for m in ms).most_common(1)[0][0] for key, ms in by_key.items()}
    registered = {key for key, ms in by_key.items() if any(m.cue.startswith(_LEGAL_FORM_CUE) for m in ms)}
    for key in by_key:
        target = _longer_form(key, type_of, lang, found.aliases) or _registered_name(key, type_of, registered)
        if target:
            parent[key] = target
    entities: list[LocalEntity] = []
    index_of_root: dict[str, int] = {}
    mention_entity = []
    for mention in mentions:
        root = _root(surface_key(mention.text), parent)
        if root not in index_of_root:
            index_of_root[root] = len(entities)
            entities.append(LocalEntity(type_of[root]))
        entity = entities[index_of_root[root]]
        entity.surfaces[mention.text] += 1
        mention_entity.append(index_of_root[root])
    return ArticleEntities(doc_id, entities, mention_entity, mentions)


def add_outlet(found: ArticleEntities, outlet: str | None) -> None:
    """The publishing outlet is an entity of the article even where no sentence names it."""
    if not outlet:
        return
    key = surface_key(outlet)
    for index, entity in enumerate(found.entities):
        if key in entity.keys and entity.type.is_organization:
            found.outlet_index = index
            return
    found.entities.append(LocalEntity(EntityType.MEDIA, Counter({outlet: 1})))
    found.outlet_index = len(found.entities) - 1


def _root(key: str, parent: dict[str, str]) -> str:
    seen = set()
    while key in parent and key not in seen:
        seen.add(key)
        key = parent[key]
    return key


def _longer_form(key: str, type_of: dict[str, EntityType], lang: Language, aliases) -> str | None:
    """The longer name this surface abbreviates in the same article, if any."""
    entity_type = type_of[key]
    words = key.split()
    for short, long in aliases:
        if short == key and long in type_of:
            return long
    if entity_type in (EntityType.COUNTRY, EntityType.CITY):
        return None
    candidates = []
    for other, other_type in type_of.items():
        if other == key or _group(other_type) != _group(entity_type):
            continue
        other_words = other.split()
        if entity_type is EntityType.PERSON and len(words) == 1 < len(other_words) \
                and words[0] in (other_words[0], other_words[-1]):
            candidates.append(other)
        elif entity_type.is_organization and len(other_words) > len(words) and other_words[:len(words)] == words \
                and _is_designator(other.split()[len(words):], lang):
            candidates.append(other)  # "grab" -> "grab holdings", but not "tiktok" -> "tiktok shop"
        elif entity_type.is_organization and len(words) > len(other_words) and words[:len(other_words)] == other_words \
                and country_code(" ".join(words[len(other_words):]), lang):
            return other  # "traveloka indonesia" -> "traveloka"
        elif len(key) >= 6 and len(other) >= 6 and _is_typo(key, other):
            return other
    if len(candidates) == 1:
        return candidates[0]
    return None


_LEGAL_FORM_CUE = "legal form before the name"  # the cue mentions.votes gives a name written after 'PT'


def _registered_name(key: str, type_of: dict[str, EntityType], registered: set[str]) -> str | None:
    """'<X>' for 'PT <X> <Y>': a one-word organisation that opens the one registered name (written after a legal
    form) of the article is the company's short name; two such names, or none, leave it alone."""
    if len(key.split()) != 1 or not type_of[key].is_organization:
        return None
    longer = [other for other in registered if other.split()[0] == key and len(other.split()) > 1
              and type_of[other].is_organization]
    return longer[0] if len(longer) == 1 else None


def _is_designator(words: list[str], lang: Language) -> bool:
    """Words that only say what kind of organisation it is, or where: "Holdings", "Bank", "Australia"."""
    suffixes = {s.casefold() for s in lang.org_suffixes}
    rest = [w for w in words if w not in suffixes]
    return not rest or bool(country_code(" ".join(rest), lang))


def _is_typo(key: str, other: str) -> bool:
    """One letter off a name that is otherwise the same ('aphabet' for 'alphabet')."""
    if abs(len(key) - len(other)) > 1 or len(key) > len(other):
        return False
    return difflib.SequenceMatcher(None, key, other).ratio() >= 0.9 and key != other


def _group(entity_type: EntityType) -> str:
    return "org" if entity_type.is_organization else entity_type.value


# ---------------------------------------------------------------- corpus

def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


@dataclass
class CorpusEntities:
    """Global entities, and the global key of every (article, local entity)."""

    entities: dict[str, Entity]
    key_of: dict[tuple[str, int], str]


def resolve_corpus(articles: list[ArticleEntities]) -> CorpusEntities:
    """Join the entities of every article; names are matched, never words of a language, so articles in
    several languages join."""
    return resolve_nodes([(a.doc_id, i, e) for a in articles for i, e in enumerate(a.entities)])


Node = tuple  # (doc_id, index in the article, LocalEntity)


def resolve_nodes(nodes: list[Node]) -> CorpusEntities:
    """Join local entities that name the same thing. The persistent store calls this on the part of the
    corpus an update can touch (see ``match_slots`` and ``surname_word``), a build on all of it."""
    parent = list(range(len(nodes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    owner: dict[str, int] = {}
    for n, (_, _, entity) in enumerate(nodes):
        for slot in match_slots(entity):
            if slot in owner:
                union(n, owner[slot])
            else:
                owner[slot] = n
    _join_lone_surnames(nodes, union)
    groups: dict[int, list[int]] = {}
    for n in range(len(nodes)):
        groups.setdefault(find(n), []).append(n)
    entities: dict[str, Entity] = {}
    key_of: dict[tuple[str, int], str] = {}
    for members in groups.values():
        entity = _global_entity([nodes[m][2] for m in members])
        entities[entity.key] = _merge_same_key(entities.get(entity.key), entity)
        for m in members:
            key_of[(nodes[m][0], nodes[m][1])] = entity.key
    return CorpusEntities(dict(sorted(entities.items())), key_of)


def match_slots(entity: LocalEntity) -> list[str]:
    """The names by which this entity joins others of its kind across articles."""
    group = _group(entity.type)
    return [f"{group}:{key}" for key in sorted(_match_keys(entity))]


def surname_word(entity: LocalEntity) -> str | None:
    """For a person: the surname that links a lone surname to full names (see ``_join_lone_surnames``)."""
    if entity.type is not EntityType.PERSON:
        return None
    return _match_key(entity.label).split()[-1]


def _match_keys(entity: LocalEntity) -> set[str]:
    if entity.type is EntityType.COUNTRY:
        return {f"iso:{country_code(s)}" for s in entity.surfaces if country_code(s)}
    keys = set()
    for surface in entity.surfaces:
        if entity.type is EntityType.PERSON and len(surface.split()) == 1:
            continue  # a lone surname only joins through _join_lone_surnames
        keys.add(_match_key(surface))
        known = known_entity(surface)
        if known is not None:
            keys.add(_match_key(known.name))
    return keys


def _match_key(text: str) -> str:
    """The key by which names join across articles: case, punctuation and accents aside ('Müller' = 'Muller')."""
    folded = unicodedata.normalize("NFKD", surface_key(text))
    return "".join(c for c in folded if not unicodedata.combining(c))


def _join_lone_surnames(nodes, union) -> None:
    full_names: dict[str, set[int]] = {}
    for n, (_, _, entity) in enumerate(nodes):
        if entity.type is EntityType.PERSON and len(entity.label.split()) > 1:
            full_names.setdefault(_match_key(entity.label).split()[-1], set()).add(n)
    labels = {n: _match_key(nodes[n][2].label) for ns in full_names.values() for n in ns}
    for n, (_, _, entity) in enumerate(nodes):
        if entity.type is EntityType.PERSON and len(entity.label.split()) == 1:
            owners = full_names.get(_match_key(entity.label), set())
            if len({labels[o] for o in owners}) == 1:
                union(n, min(owners))


def _global_entity(members: list[LocalEntity]) -> Entity:
    surfaces: Counter = Counter()
    types: Counter = Counter()
    for member in members:
        surfaces.update(member.surfaces)
        types[member.type] += sum(member.surfaces.values())
    entity_type = _pick_type(types)
    label = max(surfaces, key=lambda s: (len(s.split()), surfaces[s], s))
    known = next((k for s in sorted(surfaces) if (k := known_entity(s)) is not None), None)
    if entity_type is EntityType.COUNTRY:
        code = next(c for s in sorted(surfaces) if (c := country_code(s)))
        english, _ = country_names(code)
        return Entity(f"country/{code}", entity_type, english, tuple(sorted(surfaces)), None, code)
    prefix = {"person": "person", "city": "place", "product": "product"}.get(entity_type.value, "org")
    key = f"{prefix}/{slugify(known.name if known is not None else label)}"
    if known is not None and (len(label.split()) < 2 or known.name.casefold() in {s.casefold() for s in surfaces}):
        label = known.name  # the list's full name for an acronym; a full name the text writes stays as written
    aliases = tuple(sorted(s for s in surfaces if s != label))
    code = city_country(label) if entity_type is EntityType.CITY else None
    return Entity(key, entity_type, label, aliases, known.wikidata if known else None, code)


def _pick_type(types: Counter) -> EntityType:
    org_votes = sum(v for t, v in types.items() if t.is_organization)
    best = max(types, key=lambda t: (types[t], t.value))
    if best.is_organization or org_votes > types[best]:
        org_types = {t: v for t, v in types.items() if t.is_organization}
        for preferred in (EntityType.MEDIA, EntityType.UNION, EntityType.AGENCY):
            if org_types.get(preferred, 0) * 2 >= org_votes:
                return preferred
        return EntityType.ORGANIZATION
    return best


def _merge_same_key(existing: Entity | None, new: Entity) -> Entity:
    if existing is None:
        return new
    aliases = tuple(sorted(set(existing.aliases) | set(new.aliases)))
    return Entity(existing.key, existing.type, existing.label, aliases, existing.wikidata or new.wikidata,
                  existing.country_code)
