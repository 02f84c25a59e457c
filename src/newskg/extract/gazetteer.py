"""The bundled list of well-known entities (``data/known_entities.yaml``), for linking."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newskg.yaml_data import load_yaml

from newskg.model import EntityType


@dataclass(frozen=True)
class KnownEntity:
    name: str
    type: EntityType
    wikidata: str | None
    country: str | None
    aliases: tuple[str, ...]


@lru_cache(maxsize=None)
def _index() -> dict[str, KnownEntity]:
    raw = load_yaml(resources.files("newskg.data").joinpath("known_entities.yaml").read_text(encoding="utf-8"))
    index = {}
    for item in raw["entities"]:
        entity = KnownEntity(item["name"], EntityType(item["type"]), item.get("wikidata"), item.get("country"),
                             tuple(item.get("aliases", ())))
        for name in (entity.name, *entity.aliases):
            index[name.casefold()] = entity
    return index


def known_entity(name: str) -> KnownEntity | None:
    return _index().get(name.casefold().strip())
