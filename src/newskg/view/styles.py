"""How the view draws each kind of node: colour, shape and label, for entities here and for facts from the
kinds table (``kinds.py``).

The palette keeps red for one thing only: a fact that conflicts with another source gets a thick red
outline (``CONFLICT``). No fill is red or near it, so a conflict is what stands out on the page.
"""
from __future__ import annotations

from rdflib.namespace import SDO

from newskg.kinds import KINDS

CONFLICT = {"border": "#d40000", "width": 5}

ENTITY_STYLE = {  # entity type -> (colour, shape, English label, Indonesian label)
    "organization": ("#2b7bb9", "dot", "Organization", "Organisasi"),
    "media": ("#7b4fb5", "dot", "Media", "Media"),
    "agency": ("#3d8f8f", "dot", "Agency", "Lembaga"),
    "union": ("#8f6b3d", "dot", "Union", "Serikat"),
    "person": ("#e5a335", "dot", "Person", "Orang"),
    "country": ("#4a9a4a", "triangle", "Country", "Negara"),
    "city": ("#7fb87f", "triangle", "City", "Kota"),
    "product": ("#999999", "dot", "Product", "Produk"),
}
# Fact kinds drawn as nodes, from the kinds table (the others are edges between their entities).
STYLE = {**ENTITY_STYLE, **{name: (k.view.colour, k.view.shape, k.view.label_en, k.view.label_id)
                            for name, k in KINDS.items() if k.view.edge is None}}
ENTITY_CLASSES = [(SDO.NewsMediaOrganization, "media"), (SDO.GovernmentOrganization, "agency"),
                  (SDO.WorkersUnion, "union"), (SDO.Organization, "organization"), (SDO.Person, "person"),
                  (SDO.Country, "country"), (SDO.City, "city"), (SDO.Product, "product")]
PLACES = ("country", "city")  # shared by many organisations: they end a focus, never bridge it


def kind_label(kind: str, lang: str) -> str:
    """The name of a node or edge kind in ``lang`` (en or id)."""
    if kind in STYLE:
        return STYLE[kind][2 if lang == "en" else 3]
    view = KINDS[kind].view
    return view.label_en if lang == "en" else view.label_id


def type_names() -> list[str]:
    """The names ``--types`` accepts, in legend order."""
    return list(STYLE)
