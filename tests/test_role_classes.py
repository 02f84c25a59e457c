"""Roles by error class: each test is a short article written for it (invented companies and people)."""
from __future__ import annotations

import re

import pytest

from conftest import build_texts, rows
from newskg.extract.entities import resolve_article
from newskg.extract.facts.context import ArticleContext
from newskg.extract.facts.role_titles import find_titles
from newskg.extract.facts.roles import extract_roles
from newskg.lang import load_language
from newskg.extract.mentions import MentionResult
from newskg.model import EntityType, Mention
from newskg.read.article import read_article
from newskg.read.sentences import split_sentences


def _roles(articles: dict[str, str]) -> set[tuple]:
    dataset = build_texts(articles).dataset
    return {(r["person"], r["role"], r["org"]) for r in rows(dataset, "roles")}


def _titles(code: str, text: str, anchors: tuple[int, ...] = ()) -> list[tuple]:
    return [t.parts for t in find_titles(load_language(code), text, 0, set(anchors))]


def _roles_given(tmp_path, code: str, text: str, names: dict[str, str]) -> set[tuple]:
    """Roles of ``text`` with the names found exactly as ``names`` says ({surface: entity type}; a type
    'ORGANIZATION:1' finds only the first occurrence, as a mention finder that misses the others).

    The rules are written for correct name boundaries; this runs them on such boundaries, whatever
    the mention finder of the day makes of an invented name.
    """
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article, lang = read_article(path, code), load_language(code)
    sentences = split_sentences(article)
    mentions, taken = [], set()
    for name, kind in sorted(names.items(), key=lambda item: -len(item[0])):  # longest first, no overlaps
        kind, _, limit = kind.partition(":")
        for count, found in enumerate(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", article.text)):
            if limit and count >= int(limit):
                break
            if taken & set(range(found.start(), found.end())):
                continue
            taken |= set(range(found.start(), found.end()))
            index = next(s.index for s in sentences if s.start <= found.start() < s.end)
            mentions.append(Mention(found.start(), found.end(), name, index, EntityType[kind], "test"))
    entities = resolve_article(article.doc_id, MentionResult(sorted(mentions, key=lambda m: m.start), []), lang)
    ctx = ArticleContext(article, sentences, entities, lang)
    label = lambda ref: entities.entities[ref.index].label  # noqa: E731
    return {(label(f.get("person")), f.get("roleLabel"), label(f.get("organization"))) for f in extract_roles(ctx)}


# -- title phrases (module level: the labels as written, their canonical keys)

@pytest.mark.parametrize("code, text, parts", [
    ("id", "Direktur Eksekutif Lembaga Riset", (("Direktur Eksekutif", "executive_director"),)),
    ("id", "Ketua Harian serikat", (("Ketua Harian", "chairman"),)),
    ("en", "Chief Growth and Data Officer", (("Chief Growth and Data Officer", "officer"),)),
    ("en", "former chief financial officer", (("chief financial officer", "cfo"),)),
    ("id", "mantan Direktur Utama", (("Direktur Utama", "ceo"),)),
    ("en", "Senior Vice President", (("Senior Vice President", "vice_president"),)),
])
def test_title_phrases_keep_modifiers_and_drop_former(code, text, parts):
    assert _titles(code, text)[0] == parts


def test_a_chain_of_titles_gives_each_title():
    """'Director and Corporate Secretary': two positions, each with its own key."""
    assert _titles("en", "Director and Corporate Secretary")[0] == (
        ("Director", "director"), ("Corporate Secretary", "corporate_secretary"))


def test_a_complement_belongs_to_the_title_up_to_the_next_name():
    """'Head of Investor Relations <Company>': the of-phrase is the title's; it stops where the name starts."""
    text = "Head of Investor Relations Kaloka Group"
    assert _titles("id", text, (text.index("Kaloka"),))[0] == (("Head of Investor Relations", "head"),)
    cut = "Head of Sales and Kaloka Group"  # a name right after a connector: the connector is not the title's
    assert _titles("id", cut, (cut.index("Kaloka"),))[0] == (("Head of Sales", "head"),)
    lower = "kepala bagian riset dan data perusahaan"
    assert _titles("id", lower)[0] == (("kepala bagian riset dan data", "head"),)


def test_an_unrecognised_name_never_becomes_a_complement():
    """In 'CFO of Halvorsen, said' the name stays out of the title, even when no mention covers it."""
    assert _titles("en", "CFO of Halvorsen, said")[0] == (("CFO", "cfo"),)


# -- with the names found as they should be (the rules' own behaviour)

def test_title_department_company_person(tmp_path):
    """'Direktur <Department> <Company> <Person>': the title with its department is the role (the title as
    written, as the evaluation's gold writes it), the company the organisation."""
    text = ("Direktur Jaringan Kinaraya Telekom Bayu Pratama mengatakan perusahaan menambah menara. "
            "VP Corporate Banking Bank Samudra Raya Lestiani Wibowo menyebut kredit tumbuh.\n")
    roles = _roles_given(tmp_path, "id", text, {"Kinaraya Telekom": "ORGANIZATION", "Bayu Pratama": "PERSON",
                                                "Bank Samudra Raya": "ORGANIZATION", "Lestiani Wibowo": "PERSON"})
    assert roles == {("Bayu Pratama", "Direktur Jaringan", "Kinaraya Telekom"),
                     ("Lestiani Wibowo", "VP Corporate Banking", "Bank Samudra Raya")}


def test_title_organisation_acronym_person(tmp_path):
    text = "Ketua Umum Gabungan Nelayan Pesisir (GNP) Yosef Manurung menolak aturan itu.\n"
    roles = _roles_given(tmp_path, "id", text, {"Gabungan Nelayan Pesisir": "UNION", "GNP": "UNION",
                                                "Yosef Manurung": "PERSON"})
    assert roles == {("Yosef Manurung", "Ketua Umum", "Gabungan Nelayan Pesisir")}


def test_long_titles_with_a_complement(tmp_path):
    text = ("Direktur Jenderal Perhubungan Laut Kementerian Perhubungan Wahyu Santika meninjau pelabuhan. "
            "Head of Investor Relations PT Arunika Daya Tbk Clara Wijaya menjelaskan laba kuartal.\n")
    roles = _roles_given(tmp_path, "id", text, {"Kementerian Perhubungan": "AGENCY", "Wahyu Santika": "PERSON",
                                                "PT Arunika Daya Tbk": "ORGANIZATION", "Clara Wijaya": "PERSON"})
    assert roles == {("Wahyu Santika", "Direktur Jenderal Perhubungan Laut", "Kementerian Perhubungan"),
                     ("Clara Wijaya", "Head of Investor Relations", "PT Arunika Daya Tbk")}


def test_english_appositions_and_possessives(tmp_path):
    text = ("Costs rose, said Marta Kowalczyk, the former chief financial officer of Brightwater Analytics. "
            "Lumenfield's chief executive, Priya Raman, disagreed. "
            "Tessaline CEO Owen Hartley called it a reset.\n")
    roles = _roles_given(tmp_path, "en", text, {
        "Marta Kowalczyk": "PERSON", "Brightwater Analytics": "ORGANIZATION", "Lumenfield": "ORGANIZATION",
        "Priya Raman": "PERSON", "Tessaline": "ORGANIZATION", "Owen Hartley": "PERSON"})
    assert roles == {("Marta Kowalczyk", "chief financial officer", "Brightwater Analytics"),
                     ("Priya Raman", "chief executive", "Lumenfield"), ("Owen Hartley", "CEO", "Tessaline")}


def test_several_titles_for_one_person(tmp_path):
    text = "Director and Corporate Secretary PT Lentera Busana Tbk Ratna Sari menyampaikan laporan itu.\n"
    roles = _roles_given(tmp_path, "id", text, {"PT Lentera Busana Tbk": "ORGANIZATION", "Ratna Sari": "PERSON"})
    assert roles == {("Ratna Sari", "Director", "PT Lentera Busana Tbk"),
                     ("Ratna Sari", "Corporate Secretary", "PT Lentera Busana Tbk")}


def test_apposition_after_the_person_in_indonesian(tmp_path):
    """'<Person>, seorang analis <Org>', '<Person> selaku CEO <Org>', '<Person>, kepala bagian X perusahaan'
    (the company the paragraph is about)."""
    text = ("Saham Kirana Niaga turun. Rahmat Hidayat selaku CEO Kirana Niaga menjelaskan rencana itu. "
            "Permintaan melemah, kata Dewi Anggraini, seorang analis Arka Sekuritas. "
            "Teguh Saputra, kepala bagian riset dan data perusahaan, akan mundur.\n")
    roles = _roles_given(tmp_path, "id", text, {
        "Kirana Niaga": "ORGANIZATION", "Rahmat Hidayat": "PERSON", "Dewi Anggraini": "PERSON",
        "Arka Sekuritas": "ORGANIZATION", "Teguh Saputra": "PERSON"})
    assert roles == {("Rahmat Hidayat", "CEO", "Kirana Niaga"), ("Dewi Anggraini", "analis", "Arka Sekuritas"),
                     ("Teguh Saputra", "kepala bagian riset dan data", "Arka Sekuritas")}


def test_a_minister_holds_office_at_the_ministry_named(tmp_path):
    """'Menteri KP <Person>' at the ministry whose initials those are, never at the company in focus;
    with no ministry named, no position."""
    text = ("PT Samudra Beku Tbk menutup pabrik. Kementerian Kelautan Perikanan menyiapkan bantuan. "
            "Menteri KP Harun Siregar meninjau lokasi. Menteri Perdagangan Lina Marpaung ikut hadir.\n")
    roles = _roles_given(tmp_path, "id", text, {
        "PT Samudra Beku Tbk": "ORGANIZATION", "Kementerian Kelautan Perikanan": "AGENCY",
        "Harun Siregar": "PERSON", "Lina Marpaung": "PERSON"})
    assert roles == {("Harun Siregar", "Menteri KP", "Kementerian Kelautan Perikanan")}


def test_a_title_read_as_a_name_gives_no_role(tmp_path):
    """A 'person' opening with a title's modifier ('Eksekutif Nusa') is a boundary error, not a person."""
    text = "Direktur Eksekutif Nusa Wibawa mengatakan pasar lesu. Nusa Digital memangkas biaya.\n"
    roles = _roles_given(tmp_path, "id", text, {"Eksekutif Nusa": "PERSON", "Nusa Digital": "ORGANIZATION"})
    assert roles == set()


def test_founders_in_a_list(tmp_path):
    text = "Rantai Pangan adalah startup yang didirikan oleh Galih Permana, Sekar Ayu dan Bimo Nugroho.\n"
    roles = _roles_given(tmp_path, "id", text, {"Rantai Pangan": "ORGANIZATION", "Galih Permana": "PERSON",
                                                "Sekar Ayu": "PERSON", "Bimo Nugroho": "PERSON"})
    assert roles == {(p, "pendiri", "Rantai Pangan") for p in ("Galih Permana", "Sekar Ayu", "Bimo Nugroho")}


def test_a_title_with_a_demonstrative_names_the_person_last_named(tmp_path):
    """'Ketua <Union> itu' refers back to the person named before; a restated position adds nothing."""
    text = ("Yohana Sitompul menolak rencana pemangkasan upah. Ketua Serikat Nelayan Pesisir itu menyebut "
            "aturan baru merugikan anggota. Bos Serikat Nelayan Pesisir itu juga meminta dialog.\n")
    roles = _roles_given(tmp_path, "id", text, {"Yohana Sitompul": "PERSON", "Serikat Nelayan Pesisir": "UNION"})
    assert roles == {("Yohana Sitompul", "Ketua", "Serikat Nelayan Pesisir")}


def test_the_organisation_in_focus_is_a_company_not_the_agency_last_named(tmp_path):
    text = ("Tessaline Corp menutup dua gudang. Otoritas Jasa Keuangan lalu menegur Tessaline Corp. "
            "Maria Gunawan, kepala bagian logistik perusahaan, akan mundur.\n")
    roles = _roles_given(tmp_path, "id", text, {"Tessaline Corp": "ORGANIZATION", "Otoritas Jasa Keuangan": "AGENCY",
                                                "Maria Gunawan": "PERSON"})
    assert roles == {("Maria Gunawan", "kepala bagian logistik", "Tessaline Corp")}


def test_an_organisation_that_swallowed_the_given_name_is_repaired(tmp_path):
    """'CEO [Arka Budi] [Santoso]': the company is the one the article names 'Arka'; with no such
    company, no position rather than one at 'Arka Budi'."""
    text = ("Arka memangkas 50 karyawan. Budi Santoso memimpin Arka sejak 2019. "
            "CEO Arka Budi Santoso menyebut efisiensi. Direktur Lumen Sari Dewi hadir. Sari Dewi diam.\n")
    names = {"Arka": "ORGANIZATION", "Budi Santoso": "PERSON", "Arka Budi": "ORGANIZATION", "Santoso": "PERSON",
             "Lumen Sari": "ORGANIZATION", "Sari Dewi": "PERSON", "Dewi": "PERSON"}
    roles = _roles_given(tmp_path, "id", text, names)
    assert ("Budi Santoso", "CEO", "Arka") in roles
    assert not any(org == "Lumen Sari" for _, _, org in roles)


def test_relative_clauses_give_a_title(tmp_path):
    """'<Person>, who is the CFO of <Org>', '<Person> yang juga Direktur PT <Org>', '<Person>, who heads <Org>'."""
    text = ("Analysts were cautious, said Dana Whitfield, who is the CFO of Norrland Freight. "
            "Ivo Petrak, who heads Calder Mills, declined to comment.\n")
    roles = _roles_given(tmp_path, "en", text, {"Dana Whitfield": "PERSON", "Norrland Freight": "ORGANIZATION",
                                                "Ivo Petrak": "PERSON", "Calder Mills": "ORGANIZATION"})
    assert roles == {("Dana Whitfield", "CFO", "Norrland Freight"), ("Ivo Petrak", "head", "Calder Mills")}
    text = "Lukas Tan yang juga Direktur PT Bumi Kriya Tbk menolak berkomentar.\n"
    roles = _roles_given(tmp_path, "id", text, {"Lukas Tan": "PERSON", "Bumi Kriya Tbk": "ORGANIZATION"})
    assert roles == {("Lukas Tan", "Direktur", "Bumi Kriya Tbk")}


def test_possessive_apposition_after_the_person(tmp_path):
    text = "Margins held up, said Ruth Okafor, Pellwood's chief operating officer, on a call.\n"
    roles = _roles_given(tmp_path, "en", text, {"Ruth Okafor": "PERSON", "Pellwood": "ORGANIZATION"})
    assert roles == {("Ruth Okafor", "chief operating officer", "Pellwood")}


def test_an_organisation_named_elsewhere_is_found_after_a_title_without_a_mention(tmp_path):
    """The article names 'Arka Sekuritas' once as a name; after 'analis' the mention finder missed it."""
    text = ("Arka Sekuritas menurunkan target harga. Pasar ragu, kata Dewi Anggraini, analis Arka Sekuritas, "
            "pada Senin.\n")
    roles = _roles_given(tmp_path, "id", text, {"Arka Sekuritas": "ORGANIZATION:1", "Dewi Anggraini": "PERSON"})
    assert roles == {("Dewi Anggraini", "analis", "Arka Sekuritas")}


def test_a_place_or_a_naming_word_between_organisation_and_person(tmp_path):
    """'Direktur <Org> (<ACR>) Indonesia <Person>', 'presenter <Org> bernama <Person>'."""
    text = ("Direktur Eksekutif Pusat Kajian Pangan (PKP) Indonesia Arif Budiman menilai harga stabil. "
            "Rina mewakili presenter Nusantara TV bernama Melati Kusuma.\n")
    roles = _roles_given(tmp_path, "id", text, {
        "Pusat Kajian Pangan": "ORGANIZATION", "PKP": "ORGANIZATION", "Indonesia": "COUNTRY",
        "Arif Budiman": "PERSON", "Nusantara TV": "MEDIA", "Melati Kusuma": "PERSON"})
    assert roles == {("Arif Budiman", "Direktur Eksekutif", "Pusat Kajian Pangan"),
                     ("Melati Kusuma", "presenter", "Nusantara TV")}


def test_a_title_without_organisation_outside_its_paragraph_goes_to_the_main_company(tmp_path):
    text = ("Arka Systems cut 300 jobs on Monday. Arka Systems will refocus on cloud services.\n\n"
            "Rival Lumen Labs hired 50 engineers last month.\n\n"
            "The new unit is led by Nora Lind as chief product officer.\n")
    roles = _roles_given(tmp_path, "en", text, {"Arka Systems": "ORGANIZATION", "Lumen Labs": "ORGANIZATION",
                                                "Nora Lind": "PERSON"})
    assert roles == {("Nora Lind", "chief product officer", "Arka Systems")}


def test_an_outside_title_without_organisation_gets_none(tmp_path):
    """'kata ekonom <Person>': an economist is rarely on the staff of the company the article is about."""
    text = ("Arka Niaga memangkas 80 karyawan. Permintaan melemah, kata ekonom Sinta Maharani. "
            "CEO Bagas Wirawan membenarkan.\n")
    roles = _roles_given(tmp_path, "id", text, {"Arka Niaga": "ORGANIZATION", "Sinta Maharani": "PERSON",
                                                "Bagas Wirawan": "PERSON"})
    assert roles == {("Bagas Wirawan", "CEO", "Arka Niaga")}


def test_a_title_whose_subject_is_a_pronoun_belongs_to_the_person_last_named():
    """'while he was still CEO of <Org>', 'ia kini menjabat sebagai direktur <Org>': the holder is the person
    named before the clause; a pronoun with a title and no organisation after it gives no role."""
    roles = _roles({
        "a.txt": "Harbor Tools Cuts Staff\n"
                 "“We move fast,” said Mira Castell, who built the firm in 2019 when she was still CEO of Quantide.\n"
                 "Harbor Tools said on Monday it would cut 40 jobs.\n",
        "b.txt": "Kopi Senja Tutup Gerai\n"
                 "Perusahaan kopi Sagara menutup 12 gerai, kata Bayu Aditama. Ia kini menjabat sebagai "
                 "direktur operasional Sagara.\n",
    })
    assert ("Mira Castell", "CEO", "Quantide") in roles
    assert any(r[0] == "Bayu Aditama" and r[2] == "Sagara" for r in roles)


def test_a_photo_caption_keeps_its_roles_and_drops_its_credit():
    """'<Name>, founder of <Org> NAME/Agency', '<Name>, CEO <Org>. (Foto: <Agency>/<Name>)': the caption is a
    sentence of the article; the photographer is no person of it."""
    articles = {
        "a.txt": "Velora Cuts Jobs\n"
                 "Velora said on Tuesday it would cut 200 jobs.\n"
                 "Tessa Marlow, founder of Brindle Works KAI OSTRANDER/Pixwire Images\n"
                 "Velora will close two offices.\n",
        "b.txt": "Pabrik Ditutup\n"
                 "Perusahaan tekstil Kain Raya memangkas 90 karyawan pada Mei 2025.\n"
                 "Direktur Utama Kain Raya, Suryo Hadinata, di pabrik. (Foto: Kabar Niaga/Dedi Purnomo)\n"
                 "Kain Raya akan menutup satu lini produksi.\n",
    }
    roles = _roles(articles)
    people = {r["name"] for r in rows(build_texts(articles).dataset, "people")}
    assert ("Tessa Marlow", "founder", "Brindle Works") in roles
    assert any(r[0] == "Suryo Hadinata" and r[2] == "Kain Raya" for r in roles)
    assert not {"Kai Ostrander", "KAI OSTRANDER", "Dedi Purnomo"} & people


def _labels(articles: dict[str, str]) -> set[tuple]:
    dataset = build_texts(articles).dataset
    return {(r["person"], r["role"].casefold(), r["org"]) for r in rows(dataset, "roles")}


def test_a_title_keeps_its_department_and_its_premodifier():
    """'Manajer HRD PT <X>, <Person>', 'Direktur Sumber Daya Manusia <X>, <Person>', 'Finance director <Person>':
    the title as written, with the department between it and the organisation, or before it."""
    roles = _labels({
        "a.txt": "Pabrik Baru Rekrut Warga\n"
                 "Manajer HRD PT Tenun Lestari Abadi, Wulan Pertiwi, mengatakan pabrik akan merekrut 300 warga.\n"
                 "Direktur Sumber Daya Manusia Tenun Lestari, Agus Salim, menambahkan seleksi dibuka Mei.\n",
        "b.txt": "Corvane expands\n"
                 "Corvane Inc, a software company, said it would hire 80 people in May.\n"
                 "Finance director Ellis Varga said the plan was funded.\n",
    })
    assert any(r[:2] == ("Wulan Pertiwi", "manajer hrd") for r in roles)
    assert any(r[:2] == ("Agus Salim", "direktur sumber daya manusia") for r in roles)
    assert any(r[:2] == ("Ellis Varga", "finance director") for r in roles)


def test_appositive_titles_after_the_company_noun_and_lowercase_complements():
    """'<Person>, the company's VP of Engineering', '<Person>, head of consumer banking, said', 'oleh A bersama B,
    yang kini menjabat <title>', 'Sekretaris <Union>, <Person>': the title is the person's at the organisation
    in focus or named."""
    roles = _labels({
        "a.txt": "Tallow Bank trims staff\n"
                 "Tallow Bank, a lender, said it would cut 120 jobs in its call centre.\n"
                 "Mina Osei, head of consumer banking, said customers would not notice.\n"
                 "The new assistant drafts replies, said Piet Ramos, the company's VP of Engineering.\n",
        "b.txt": "Startup Belajar Tutup\n"
                 "Startup pendidikan Gurupintar memangkas 50 karyawan.\n"
                 "Gurupintar didirikan pada 2019 oleh Dimas bersama Laksmi Wardhani, yang kini menjabat "
                 "chief technology officer.\n"
                 "Sekretaris Serikat Pekerja Kertas Sentosa, Bagus Wiryawan, meminta pesangon dibayar.\n",
    })
    assert ("Mina Osei", "head of consumer banking", "Tallow Bank") in roles
    assert ("Piet Ramos", "vp of engineering", "Tallow Bank") in roles
    assert ("Laksmi Wardhani", "chief technology officer", "Gurupintar") in roles
    assert any(r[:2] == ("Laksmi Wardhani", "pendiri") or r[:2] == ("Laksmi Wardhani", "founder") for r in roles)
    assert ("Bagus Wiryawan", "sekretaris", "Serikat Pekerja Kertas Sentosa") in roles


def test_a_title_with_its_acronym_in_parentheses_is_no_organisation():
    """'<Person>, yang menjabat sebagai Chief Technology Officer (CTO) di <Org>, ...': the title is neither a
    name nor an organisation; the person holds it at the organisation after the acronym."""
    articles = {"a.txt": "Arka PHK Karyawan\n"
                         "Startup Arka memangkas 50 karyawan. Raka Pratama, yang menjabat sebagai Chief Technology "
                         "Officer (CTO) di Arka, mengatakan efisiensi perlu.\n"}
    orgs = {r["name"] for r in rows(build_texts(articles).dataset, "organizations")}
    assert "Chief Technology Officer" not in orgs
    assert ("Raka Pratama", "Chief Technology Officer", "Arka") in _roles(articles)


def test_english_apposition_with_an_article_before_the_organisation():
    """'<Person>, <title> of the <Org>': the article 'the' stands between the title's 'of' and the name."""
    roles = _roles({"a.txt": "Port operator cuts jobs\n"
                             "Tidewater Terminals Ltd will cut 300 jobs, the company said on Friday.\n"
                             "Hana Okafor, general secretary of the Tidewater Dockworkers Union, said talks had failed.\n"
                             "Victor Lang, chairman of the Ardent Pilots Association, called the plan reckless.\n"
                             "The cuts were unfair, said Imre Balogh, president of the Meadowlark Nurses Union.\n"})
    assert {("Hana Okafor", "general secretary", "Tidewater Dockworkers Union"),
            ("Victor Lang", "chairman", "Ardent Pilots Association"),
            ("Imre Balogh", "president", "Meadowlark Nurses Union")} <= roles


def test_a_title_with_a_company_noun_before_the_person_is_held_at_the_company_in_focus():
    """'Direktur <Department> perseroan, <Person>': the company noun stands for the company the article is about,
    and the department words stay in the title as written; a company noun before a comma is no cue that the
    next name is a company ('perusahaan, <Person>,')."""
    roles = _roles({"a.txt": "Pabrik Baru Serap Pekerja\n"
                             "PT Gemilang Tirta Abadi Tbk akan membuka pabrik baru di Karawang tahun depan.\n"
                             "Direktur Keuangan perseroan, Yuliana Sembiring, mengatakan dana sudah disiapkan.\n"
                             "Direktur Sumber Daya Manusia perseroan, Agung Prasetyo, menjelaskan rekrutmen dimulai Mei.\n"
                             "Direktur Utama perusahaan, Taufik Hidayat, menyebut produksi naik dua kali lipat.\n"})
    assert {("Yuliana Sembiring", "Direktur Keuangan", "Gemilang Tirta Abadi Tbk"),
            ("Agung Prasetyo", "Direktur Sumber Daya Manusia", "Gemilang Tirta Abadi Tbk"),
            ("Taufik Hidayat", "Direktur Utama", "Gemilang Tirta Abadi Tbk")} <= roles


def test_an_of_department_and_academic_titles_before_the_organisation():
    """'VP of Engineering <Org>, <Person>': the of-phrase of department words is the title's, not the
    organisation's; 'Rektor <University>' is a title."""
    roles = _roles({"a.txt": "Startup Gim Pakai Agen AI\n"
                             "VP of Engineering Rimba Digital Karya, Yohanes Tirta, menjelaskan timnya membangun sistem.\n"
                             "Head of Product Awan Biru Teknologi, Lina Marpaung, menyebut fitur baru rilis Juni.\n"
                             "Rektor Universitas Harapan Bangsa, Siti Marlina Pohan, menyebut kampus siap membantu.\n"})
    assert {("Yohanes Tirta", "VP of Engineering", "Rimba Digital Karya"),
            ("Lina Marpaung", "Head of Product", "Awan Biru Teknologi"),
            ("Siti Marlina Pohan", "Rektor", "Universitas Harapan Bangsa")} <= roles


def test_a_title_without_an_organisation_in_a_list_article_is_held_at_the_section_company():
    """A list article ('1. PT X', '2. PT Y'): a title written with 'perseroan' or no organisation belongs to the
    company heading its section, not to the article's most named one."""
    roles = _roles({"a.txt": "Tiga Perusahaan Tambah Pekerja\n\n"
                             "Jakarta, Warta Niaga - Tiga perusahaan mengumumkan rencana rekrutmen baru pekan ini.\n\n"
                             "1. PT Lembah Hijau Agro\n\nPerusahaan perkebunan ini membuka 200 lowongan di Palangkaraya.\n\n"
                             "\"Kami butuh tenaga panen,\" kata Direktur Utama PT Lembah Hijau Agro, Markus Sinaga.\n\n"
                             "2. PT Cahaya Rasa Pangan Tbk\n\nProdusen makanan ringan ini akan merekrut 150 pekerja.\n\n"
                             "Direktur Sumber Daya Manusia perseroan, Ratih Purnamasari, mengatakan rekrutmen dimulai Maret.\n\n"
                             "3. PT Bintang Timur Logistik\n\nPerusahaan logistik ini menambah 80 kurir.\n\n"
                             "Direktur Operasional perseroan, Benny Simanjuntak, menyebut armada juga ditambah.\n"})
    assert {("Ratih Purnamasari", "Direktur Sumber Daya Manusia", "Cahaya Rasa Pangan Tbk"),
            ("Benny Simanjuntak", "Direktur Operasional", "Bintang Timur Logistik")} <= roles
    assert not {r for r in roles if r[0] in {"Ratih Purnamasari", "Benny Simanjuntak"} and r[2] == "Lembah Hijau Agro"}


def test_a_company_title_ending_on_a_portfolio_word_leaves_the_acronym_to_the_company():
    """'Direktur Keuangan <ACR> <Person>': a listed company title that ends on a portfolio word ('Keuangan') is
    no minister's portfolio; the acronym is the company, the rest the person. 'Menteri Keuangan <Person>' stays
    a person."""
    answers = build_texts({"a.txt": "Armada Baru untuk Jalur Timur\n"
                                    "PT Samudra Pelita Lines Tbk (SPLN) menambah tiga kapal tahun ini.\n"
                                    "Direktur Keuangan SPLN Hendra Gunawan menjelaskan dana berasal dari kas internal.\n"
                                    "PT Arunaya Kargo (ARKG) juga menambah armada.\n"
                                    "Sementara itu Direktur Keuangan ARKG Yanti Rahayu menyebut kapal tiba Juni.\n"
                                    "Menteri Keuangan Sulastri Wibowo menyambut rencana itu.\n"}).dataset
    people = {r["name"] for r in rows(answers, "people")}
    roles = {(r["person"], r["role"]) for r in rows(answers, "roles")}
    assert {"Hendra Gunawan", "Yanti Rahayu", "Sulastri Wibowo"} <= people
    assert not {p for p in people if p.startswith(("SPLN", "ARKG"))}
    assert {("Hendra Gunawan", "Direktur Keuangan"), ("Yanti Rahayu", "Direktur Keuangan")} <= roles


def test_a_description_between_a_title_and_its_organisation():
    """'an analyst at [Mumbai] brokerage <X>', 'analis di perusahaan sekuritas <X>': a description of the company
    (a word that describes one, with up to two words before it) stands between the title's link and the name."""
    roles = _roles({
        "a.txt": "Software firm trims staff\n"
                 "Tamarind Softech Ltd will cut 900 jobs, the company said on Tuesday.\n"
                 "\"The cuts were expected,\" said Rohan Mehta, an analyst at Mumbai brokerage Sahyadri Securities.\n"
                 "\"Margins will improve,\" said Leena Dsouza, an economist at investment bank Coastal Capital.\n",
        "b.txt": "Saham Ritel Tertekan\n"
                 "PT Cahaya Niaga Swalayan Tbk menutup 12 gerai tahun ini.\n"
                 "\"Penutupan ini sudah diperkirakan,\" kata Dimas Anggara, analis di perusahaan sekuritas Mandala "
                 "Sekuritas.\n"})
    assert {("Rohan Mehta", "analyst", "Sahyadri Securities"), ("Leena Dsouza", "economist", "Coastal Capital"),
            ("Dimas Anggara", "analis", "Mandala Sekuritas")} <= roles
