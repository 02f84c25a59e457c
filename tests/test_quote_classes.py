"""Quotes by error class: each test is a short article written for it (invented firms and people)."""
from conftest import build_texts, rows


def _quotes(text: str, name: str = "a.txt") -> set[tuple[str, str]]:
    dataset = build_texts({name: text}).dataset
    return {(r["person"], r["text"]) for r in rows(dataset, "quotes")}


def test_short_quote_with_a_verb_of_saying_right_after_it():
    text = """Harbourline Freight Trims Depot Staff
Harbourline Freight will close two depots in Ohio this spring, its chief executive Renata Vossberg said on Monday.
"It's simply not viable," Vossberg wrote.
"""
    assert ("Renata Vossberg", "It's simply not viable") in _quotes(text, "en.txt")


def test_quote_after_a_quote_keeps_its_speaker():
    text = """Pellworth Bank Closes Branches
Pellworth Bank said on Monday it would close 40 branches, according to its chief executive Oskar Lindqvist.
"Nobody in this room wanted to make this call today," said Lindqvist. "It hurts our tellers, their families and the towns they serve."
"We bet that customers would keep queuing at counters," Lindqvist said. "They wasn’t going to, and we saw it far too late in the year."
"""
    found = _quotes(text, "en.txt")
    assert ("Oskar Lindqvist", "It hurts our tellers, their families and the towns they serve") in found
    assert ("Oskar Lindqvist", "They wasn’t going to, and we saw it far too late in the year") in found


def test_quote_standing_alone_after_a_sentence_whose_subject_speaks():
    text = """Dirgantara Tekstil Tutup Pabrik
Direktur Utama PT Dirgantara Tekstil, Wulan Prameswari, mengakui penutupan pabrik di Cilacap berat bagi perusahaan.
“Kami sudah berusaha bertahan sejak awal tahun, tetapi pesanan terus turun setiap bulan.”
"""
    assert ("Wulan Prameswari", "Kami sudah berusaha bertahan sejak awal tahun, tetapi pesanan terus turun setiap bulan") \
        in _quotes(text, "id.txt")


def test_fragments_that_close_the_clause_are_quotes_terms_the_sentence_runs_on_after_are_not():
    text = """Corvane Software Cuts Its Sales Team
Corvane Software chief executive Idris Halloran said the sales team had grown “overbuilt” or had been “drifting.”
Halloran said that the firm would move support staff to a “rota of contractors”, which would start in the autumn.
"""
    found = _quotes(text, "en.txt")
    assert {("Idris Halloran", "overbuilt"), ("Idris Halloran", "drifting")} <= found
    assert not any("rota" in t for _, t in found)


def test_quote_across_paragraphs_is_one_quote():
    text = """Tessary Motors Reorganises
Tessary Motors chief executive Amara Quist said on Monday the carmaker would merge its two design studios.
“We grew two teams that did the same work in two cities, and the cost of that kept rising every single quarter.

“From today there is one studio, one budget and one plan for the next five years,” Quist said.
"""
    found = _quotes(text, "en.txt")
    assert any(p == "Amara Quist" and t.startswith("We grew two teams") and t.endswith("the next five years")
               for p, t in found)


def test_speaker_before_the_quote_pronoun_or_according_to():
    text = """Lumora Retail Shuts Stores
Lumora Retail chief executive Beatrix Fenwick said on Monday the chain would shut 30 stores.
She said: "The stores we are closing have lost money for three years running."
According to chief executive Beatrix Fenwick, "the online shop now brings in more than half of our sales every month."
"""
    found = _quotes(text, "en.txt")
    assert ("Beatrix Fenwick", "The stores we are closing have lost money for three years running") in found
    assert ("Beatrix Fenwick", "the online shop now brings in more than half of our sales every month") in found


def test_every_coordinated_speaker_gets_the_quote():
    text = """Serikat Pekerja Tolak PHK
Ketua Serikat Pekerja Logam, Hendra Wiratama, dan Sekretaris Jenderal Federasi Buruh, Sari Anggraini, bertemu di Bekasi.
“Kami menolak rencana pemutusan kerja ini sampai ada dialog yang adil,” kata Hendra Wiratama dan Sari Anggraini.
"""
    found = _quotes(text, "id.txt")
    text_said = "Kami menolak rencana pemutusan kerja ini sampai ada dialog yang adil"
    assert {("Hendra Wiratama", text_said), ("Sari Anggraini", text_said)} <= found


def test_unknown_or_corporate_speaker_is_not_the_last_person_named():
    text = """Orvell Telecom Cuts Jobs
Orvell Telecom chief executive Maris Kalnins said on Monday the group would cut 500 jobs.
"The network upgrade will go ahead on schedule next year," said the company in a statement.
"""
    assert not any("network upgrade" in t for _, t in _quotes(text, "en.txt"))


def test_short_quote_with_a_clitic_verb_of_saying():
    text = """Angkasa Niaga Belum Rekrut Lagi
Direktur Utama PT Angkasa Niaga, Bonifasius Tarigan, mengatakan perusahaan menunda perekrutan tahun ini.
“Rekrutmen baru belum ada,” ujarnya.
"""
    assert ("Bonifasius Tarigan", "Rekrutmen baru belum ada") in _quotes(text, "id.txt")


def test_outlet_named_before_or_after_the_quote():
    text = """Quillfield Bank Trims Branch Staff
Quillfield Bank chief executive Anselm Petrakis said on Monday the lender would cut 300 branch jobs.
Petrakis told Bloomberg: "We are moving the people we keep to the teams that answer customers online."
"Branches will stay open in every town where we have one today," Petrakis said to Reuters.
"""
    dataset = build_texts({"en.txt": text}).dataset
    outlets = {(r["person"], r["text"][:12], r["outlet"]) for r in rows(dataset, "quotes")}
    assert outlets == {("Anselm Petrakis", "We are movin", "Bloomberg"), ("Anselm Petrakis", "Branches wil", "Reuters")}


def test_the_next_quote_of_the_same_interview_keeps_its_outlet():
    text = """Bank Arunika Tambah Kantor Cabang
Direktur Utama Bank Arunika, Gilang Pramudya, mengatakan bank akan membuka 40 kantor cabang baru tahun ini.
“Kami melihat permintaan kredit usaha kecil naik tajam di kota-kota menengah,” kata Gilang seperti dikutip dari Tempo.
“Karena itu kami menambah pegawai di cabang, bukan menguranginya seperti bank lain,” lanjut Gilang.
"""
    dataset = build_texts({"id.txt": text}).dataset
    outlets = {(r["text"][:12], r["outlet"]) for r in rows(dataset, "quotes")}
    assert outlets == {("Kami melihat", "Tempo"), ("Karena itu k", "Tempo")}


def test_speaker_behind_a_long_title_is_a_person_named_elsewhere():
    text = """Sandang Nusantara Tambah Pabrik
Sandang Nusantara membuka pabrik ketiga di Klaten. Menurut Yohanes Kristanto, pabrik itu menyerap 4.000 pekerja.
“Pabrik ini akan menjadi yang terbesar di Jawa Tengah dalam dua tahun ke depan,” kata Manajer Personalia PT Sandang Nusantara Tbk Yohanes Kristanto saat ditemui di Klaten.
"""
    assert ("Yohanes Kristanto", "Pabrik ini akan menjadi yang terbesar di Jawa Tengah dalam dua tahun ke depan") \
        in _quotes(text, "id.txt")


def test_quote_after_a_sentence_whose_subject_is_a_surname_read_as_something_else():
    text = """Kestrel Networks Merges Two Units
Kestrel Networks chief executive Tomasz Wierzbicki announced on Monday that the security and cloud units would merge.
Wierzbicki said customers asked for one contact for both products.

"One leader for both teams makes every decision faster for our customers."
"""
    assert ("Tomasz Wierzbicki", "One leader for both teams makes every decision faster for our customers") \
        in _quotes(text, "en.txt")


def test_a_clitic_speaker_is_not_the_person_named_after_it():
    text = """Tani Makmur Kurangi Pengurus
Menteri Perdagangan Agus Harjono mengkritik rencana PT Tani Makmur pekan lalu.
Direktur Utama PT Tani Makmur, Ratna Wijayanti, mengatakan perusahaan akan mengurangi pengurus.
“Kami akan mengurangi jumlah pengurus harian mulai bulan depan,” ujarnya membalas Agus Harjono, Senin (3/3/2025).
“Anggaran tahun ini memang tidak cukup untuk semua pengurus lama,” katanya, Senin (3/3/2025).
"""
    found = _quotes(text, "id.txt")
    assert ("Ratna Wijayanti", "Kami akan mengurangi jumlah pengurus harian mulai bulan depan") in found
    assert ("Ratna Wijayanti", "Anggaran tahun ini memang tidak cukup untuk semua pengurus lama") in found
    assert not any(p == "Agus Harjono" for p, _ in found)


def test_headline_quote_after_a_colon_is_the_opening_person_s():
    text = """Marta Kowalczyk tells Brightlane staff: 'The company's costs have grown faster than our sales'

Brightlane chief executive Marta Kowalczyk told employees on Monday that 400 jobs would go.
"""
    assert ("Marta Kowalczyk", "The company's costs have grown faster than our sales") in _quotes(text, "en.txt")


def test_a_pronoun_speaker_s_statement_is_not_an_anonymous_source():
    text = """Kestrel Airways Drops Routes
Kestrel Airways chief executive Nadia Rowe said on Monday the airline would drop 12 routes.
"We cannot fly empty planes across the ocean every single night," she said in a statement.
"""
    assert ("Nadia Rowe", "We cannot fly empty planes across the ocean every single night") in _quotes(text, "en.txt")


def test_single_quotation_marks_in_the_body_are_quotes_apostrophes_are_not():
    text = """Hollis Steel Trims Jobs
Hollis Steel said on Tuesday it would cut 700 jobs at its plant in Gary.
Chief executive Marta Quinn said: 'We can't keep every line running when the firm's customers buy less.'
"""
    assert ("Marta Quinn", "We can't keep every line running when the firm's customers buy less") in _quotes(text, "en.txt")


def test_more_clitic_verbs_of_saying_name_the_last_speaker():
    text = """Koperasi Tani Makmur Tutup Gudang
Ketua Koperasi Tani Makmur, Suryadi Wibowo, mengatakan gudang di Klaten akan ditutup.
“Kami tidak sanggup lagi membayar sewa gudang yang naik setiap tahun,” akunya.
“Petani anggota tetap bisa menjual hasil panen lewat kantor pusat,” bebernya.
"""
    found = _quotes(text, "id.txt")
    assert ("Suryadi Wibowo", "Kami tidak sanggup lagi membayar sewa gudang yang naik setiap tahun") in found
    assert ("Suryadi Wibowo", "Petani anggota tetap bisa menjual hasil panen lewat kantor pusat") in found


def test_a_quote_interrupted_by_its_attribution_is_one_quote_fragments_around_a_sentence_are_two():
    text = """Sepatu Kencana Kurangi Pekerja
Direktur Utama PT Sepatu Kencana, Agus Wibisono, membenarkan rencana pengurangan 500 pekerja.
“Kami,” kata Agus, “tidak punya pilihan lain selain mengurangi pekerja tahun ini.”
"""
    english = """Wexford Mills Closes a Plant
Saying she was “truly sorry,” Wexford Mills chief executive Helen Ashby wrote to staff on Monday that the firm would make “a smaller, leaner company” of itself.
"""
    assert ("Agus Wibisono", "Kami, tidak punya pilihan lain selain mengurangi pekerja tahun ini") in _quotes(text, "id.txt")
    assert not any(t.startswith("truly sorry") and "smaller" in t for _, t in _quotes(english, "en.txt"))
