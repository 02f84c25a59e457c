"""Every string the HTML view shows, in English and Indonesian (``--lang``): the page, the evidence panel,
the tooltips, the notes. Kind names come from the kinds table (``kinds.py``)."""
from __future__ import annotations

WORDS = {
    "en": {
        "click": "Click a node or an edge to see its evidence.", "find": "Find", "find_placeholder": "Find a name…",
        "no_match": "No match.", "found": "Found: ", "also": "also: ", "wikidata": "Wikidata: ",
        "article": "Article: ", "outlet": "Outlet: ", "published": "Published: ", "rule": "Rule: ",
        "sources": "Sources stating it: ", "conflicts": "Conflicts with: ", "conflict": "conflict",
        "source_count": "{n} sources", "focus_on": "focus on {name} (depth {depth})",
        "left_out": "{n} of {total} nodes left out to keep the page readable (the {kept} most important are "
                    "shown); use --focus NAME for one entity's neighbourhood, or --max-nodes N (0: all)",
        "legend_conflict": "Conflicting facts (red outline)", "kinds_title": "Kinds",
        "organization": "organization", "said by": "said by", "partner": "partner", "given to": "given to",
    },
    "id": {
        "click": "Klik simpul atau garis untuk melihat buktinya.", "find": "Cari", "find_placeholder": "Cari nama…",
        "no_match": "Tidak ditemukan.", "found": "Ditemukan: ", "also": "juga: ", "wikidata": "Wikidata: ",
        "article": "Artikel: ", "outlet": "Media: ", "published": "Terbit: ", "rule": "Aturan: ",
        "sources": "Jumlah sumber: ", "conflicts": "Bertentangan dengan: ", "conflict": "bertentangan",
        "source_count": "{n} sumber", "focus_on": "fokus pada {name} (kedalaman {depth})",
        "left_out": "{n} dari {total} simpul tidak ditampilkan agar halaman terbaca ({kept} terpenting "
                    "ditampilkan); gunakan --focus NAMA untuk sekitar satu entitas, atau --max-nodes N (0: semua)",
        "legend_conflict": "Fakta yang bertentangan (garis merah)", "kinds_title": "Jenis",
        "organization": "organisasi", "said by": "diucapkan", "partner": "mitra", "given to": "kepada",
    },
}


def words(lang: str) -> dict[str, str]:
    """The strings of one language (English for any other code: ``--lang`` only offers en and id)."""
    return WORDS.get(lang, WORDS["en"])
