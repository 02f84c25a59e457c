"""A deterministic generator of Indonesian news articles with their gold facts, for scale tests.

It writes articles in the style of the seeds (dateline, outlet, page furniture,
varied sentence patterns, the number and date forms of real news) about
generated companies and people, and, because it knows what it wrote, a gold
file per article in the format of ``../shared/eval/gold/`` so ``score.py`` can
run at scale. The same seed always gives the same corpus.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

_SYLLABLES = ["ka", "ra", "no", "vi", "ta", "lu", "me", "zo", "pa", "ri", "so", "de", "xa", "bo", "ni", "ge", "fa",
              "tu", "ke", "lo", "ma", "su", "qi", "wa", "ye", "da", "ho", "ci", "mo", "ve"]
_ORG_SUFFIXES = ["", "", "", " Group", " Holdings", " Labs", " Tech", " Digital"]
_FIRST = ["Andi", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika", "Lestari",
          "Maya", "Nadia", "Oscar", "Putri", "Rizal", "Sari", "Taufik", "Utami", "Vino", "Wulan", "Yusuf", "Zahra",
          "Elena", "Marco", "Sofia", "Lukas", "Hannah", "Jonas", "Amira", "Daniel", "Clara", "Felix", "Nora", "Omar"]
_LAST = ["Wijaya", "Santoso", "Halim", "Pratama", "Kusuma", "Siregar", "Nasution", "Hartono", "Gunawan", "Saputra",
         "Lindqvist", "Moreau", "Bianchi", "Novak", "Schmidt", "Larsen", "Okafor", "Tanaka", "Silva", "Kowalski",
         "Haddad", "Dubois", "Rossi", "Jensen", "Fischer", "Nakamura", "Romero", "Costa", "Weber", "Meyer"]
_COUNTRIES = [("Swedia", "Sweden"), ("Jerman", "Germany"), ("Amerika Serikat", "United States"),
              ("Singapura", "Singapore"), ("Jepang", "Japan"), ("Prancis", "France"), ("Belanda", "Netherlands"),
              ("Indonesia", "Indonesia"), ("Australia", "Australia"), ("Kanada", "Canada"), ("India", "India")]
_INDUSTRIES = ["teknologi finansial", "logistik", "perangkat lunak", "e-commerce", "telekomunikasi", "asuransi",
               "perbankan digital", "kesehatan digital", "agritech", "media digital"]
_MEDIA = ["Reuters", "Bloomberg", "Kabar Niaga", "Warta Ekonomi Harian", "Suara Bisnis", "Channel Nusantara",
          "Tribun Teknologi", "Majalah Pasar", "Berita Kita", "Metro Finansial"]
_OUTLETS = ["DetikNiaga.id", "KabarKota.com", "Portal Bisnis", "TeknoHarian.id", "NusaNews.id"]
_CITIES = ["Jakarta", "Surabaya", "Bandung", "Medan", "Singapura"]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"]
_WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_TECH = [("chatbot AI", "chatbot"), ("agen AI", "AI agents"), ("asisten virtual", "virtual assistant"),
         ("avatar AI", "avatar")]
_PURPOSES = ["menangani pertanyaan pelanggan", "memproses klaim", "menjawab keluhan nasabah", "menyusun laporan"]
_ROLES = [("CEO", "CEO"), ("Direktur Utama", "CEO"), ("pendiri", "founder"), ("CFO", "CFO")]
_QUOTES = ["Kami harus beradaptasi dengan kondisi pasar yang berubah sangat cepat",
           "Keputusan ini sulit, tetapi perlu untuk menjaga keberlanjutan perusahaan",
           "Teknologi membantu kami melayani pelanggan dengan lebih cepat dan lebih murah",
           "Kami tetap membutuhkan manusia untuk pekerjaan yang menuntut empati",
           "Kami akan merekrut lagi begitu pertumbuhan bisnis kembali stabil"]
_WORDS = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan", 9: "sembilan"}


@dataclass
class _Article:
    lines: list[str] = field(default_factory=list)
    gold: dict = field(default_factory=dict)


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name += rng.choice(_ORG_SUFFIXES)
        if name not in used:
            used.add(name)
            return name


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _count_text(rng: random.Random, n: int) -> str:
    """A number as news writes it: 1.200, 12 ribu, dua ribu."""
    if n % 1000 == 0 and n >= 10000 and rng.random() < 0.5:
        return f"{n // 1000} ribu"
    if n % 1000 == 0 and n // 1000 in _WORDS and rng.random() < 0.5:
        return f"{_WORDS[n // 1000]} ribu"
    return _thousands(n)


def generate_article(rng: random.Random, number: int, used: set[str]) -> _Article:
    art = _Article()
    org, partner = _name(rng, used), _name(rng, used)
    country_id, country_en = rng.choice(_COUNTRIES)
    person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    surname = person.split()[-1]
    media = rng.choice(_MEDIA)
    outlet, city = rng.choice(_OUTLETS), rng.choice(_CITIES)
    year = rng.randint(2019, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    role_text, role = rng.choice(_ROLES)
    layoff = rng.choice([150, 240, 300, 450, 500, 800, 1200, 1500, 2000, 3000, 4000, 12000])
    before = layoff * rng.randint(4, 9)
    after = before - layoff
    openings = rng.choice([24, 30, 50, 120, 200])
    tech_text, tech = rng.choice(_TECH)
    purpose = rng.choice(_PURPOSES)
    quote = rng.choice(_QUOTES)
    approx = rng.random() < 0.4
    industry = rng.choice(_INDUSTRIES)
    weekday = _WEEKDAYS[(day + month) % 7]

    art.lines += [f"{org} PHK {_thousands(layoff)} Karyawan, Beralih ke AI", "",
                  f"{weekday}, {day} {_MONTHS[month - 1]} {year} – {rng.randint(6, 22):02d}:{rng.choice(['00', '15', '30', '45'])} WIB", ""]
    cut = f"{'sekitar ' if approx else ''}{_count_text(rng, layoff)}"
    intro = rng.choice([
        f"{city}, {outlet} – {org}, perusahaan {industry} asal {country_id}, memangkas {cut} karyawan pada {_MONTHS[month - 1]} {year}.",
        f"{city}, {outlet} – Perusahaan {industry} asal {country_id}, {org}, melakukan PHK terhadap {cut} karyawan pada {_MONTHS[month - 1]} {year}.",
        f"{city}, {outlet} – Pada {_MONTHS[month - 1]} {year}, {org}, perusahaan {industry} asal {country_id}, memutuskan hubungan kerja dengan {cut} karyawan.",
    ])
    art.lines += [intro, ""]
    art.lines += [rng.choice([
        f"{role_text} {org}, {person}, mengatakan bahwa keputusan itu diambil untuk menekan biaya operasional.",
        f"{person}, {role_text} {org}, menjelaskan bahwa perusahaan ingin beralih ke otomatisasi.",
    ]), ""]
    art.lines += [f"“{quote},” {rng.choice(['ujarnya', 'katanya', f'kata {surname}'])} kepada {media}.", ""]
    art.lines += ["Baca Juga: Badai PHK Belum Berakhir di Sektor Teknologi", ""]
    art.lines += [rng.choice([
        f"Jumlah karyawan {org} turun dari {_thousands(before)} menjadi {_thousands(after)} orang.",
        f"{org} mengurangi jumlah karyawan menjadi {_thousands(after)} orang dari sebelumnya {_thousands(before)} orang.",
    ]), ""]
    art.lines += [f"{org} juga menggunakan {tech_text} untuk {purpose}.", ""]
    art.lines += [rng.choice([
        f"Kini, {org} kembali membuka {openings} lowongan kerja untuk posisi analis data.",
        f"Meski begitu, {org} kini membuka {openings} lowongan kerja baru.",
    ]), ""]
    art.lines += [f"Perusahaan itu juga menghentikan kerja sama dengan vendor seperti {partner}.", "",
                  "Leave a Reply", "", "TINGGALKAN KOMENTAR", ""]
    published = f"{year}-{month:02d}-{day:02d}"
    art.gold = {
        "doc": f"g{number:06d}.txt", "lang": "id", "published": published,
        "organizations": [{"name": org, "aliases": [], "country": country_en, "kind": "company"},
                          {"name": partner, "aliases": [], "country": None, "kind": "company"},
                          {"name": media, "aliases": [], "country": None, "kind": "media"},
                          {"name": outlet, "aliases": [], "country": None, "kind": "media", "optional": True}],
        "people": [{"name": person, "aliases": [surname]}],
        "roles": [{"person": person, "role": role, "org": org}],
        "layoffs": [{"org": org, "employees": layoff, "approx": approx, "date": f"{year}-{month:02d}", "division": None}],
        "hiring": [{"org": org, "openings": openings, "date": None, "role": None}],
        "headcount": [{"org": org, "value": before, "date": None, "division": None},
                      {"org": org, "value": after, "date": None, "division": None}],
        "ai_adoption": [{"org": org, "technology": tech, "purpose": purpose, "date": None}],
        "quotes": [{"person": person, "text": quote, "outlet": media}],
        "notes": "generated",
    }
    return art


def generate_corpus(count: int, out_dir: Path, gold_dir: Path | None = None, seed: int = 7) -> list[Path]:
    """Write ``count`` articles (g000001.txt ...) and, if asked, their gold files."""
    rng = random.Random(seed)
    used: set[str] = set()
    out_dir.mkdir(parents=True, exist_ok=True)
    if gold_dir:
        gold_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        article = generate_article(rng, number, used)
        path = out_dir / f"g{number:06d}.txt"
        path.write_text("\n".join(article.lines), encoding="utf-8")
        paths.append(path)
        if gold_dir:
            (gold_dir / f"g{number:06d}.json").write_text(json.dumps(article.gold, ensure_ascii=False, indent=1),
                                                          encoding="utf-8")
    return paths
