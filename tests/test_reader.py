"""Reading articles: metadata, page furniture, offsets, bad input."""
import pytest

from newskg.errors import InputError
from newskg.read.article import read_article
from newskg.read.sentences import split_sentences

from conftest import SEEDS


def seed(prefix: str):
    return read_article(next(SEEDS.glob(f"{prefix}_*.txt")))


@pytest.mark.parametrize("prefix,title,published,outlet", [
    ("000", "Klarna dan Salesforce: Perusahaan Teknologi Kembali Rekrut Karyawan Setelah Mengganti Pekerja dengan AI",
     None, None),
    ("001", "Karyawan Di-PHK Karena AI, Akhirnya Menyesal", "2025-12-05", "zonagadget"),
    ("002", None, "2025-09-16", "VIVA"),
    ("003", "Menyesal Andalkan AI, Perusahaan Ini Rekrut Lagi Pekerja Manusia", "2025-09-22", "TopCareer.id"),
])
def test_metadata_of_seed_articles(prefix, title, published, outlet):
    article = seed(prefix)
    assert (article.title.text if article.title else None) == title
    assert (article.published.iso() if article.published else None) == published
    assert article.outlet == outlet


def test_page_furniture_is_not_article_text():
    for prefix in ("001", "003", "004"):
        body = " ".join(span.text for span in seed(prefix).body)
        for furniture in ("Find Us on Facebook", "Leave a Reply", "TINGGALKAN KOMENTAR", "RELATED ARTICLES",
                          "Baca Juga", "Silakan masukkan", "Most Popular"):
            assert furniture not in body


def test_dateline_is_cut_from_the_first_sentence():
    first = split_sentences(seed("002"))[0]
    assert first.text.startswith("Perusahaan fintech ini menyesal")


def test_offsets_cut_exact_text_from_the_file():
    for path in sorted(SEEDS.glob("*.txt")):
        article = read_article(path)
        raw = path.read_bytes().decode("utf-8")
        for sentence in split_sentences(article):
            assert raw[sentence.start:sentence.end] == sentence.text


def test_multi_sentence_quote_stays_one_sentence(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Judul Berita Uji Coba Di Sini\nDia berkata. “Kami senang. Kami juga lega sekali,” "
                    "kata Budi Santoso. Lalu dia pergi.\n", encoding="utf-8")
    texts = [s.text for s in split_sentences(read_article(path)) if not s.is_heading]
    assert texts == ["Dia berkata.", "“Kami senang. Kami juga lega sekali,” kata Budi Santoso.", "Lalu dia pergi."]


def test_windows_newlines_keep_offsets(tmp_path):
    path = tmp_path / "crlf.txt"
    text = "Judul Berita Tentang Pabrik Baru\r\nPT Maju Jaya membuka pabrik baru di Bandung.\r\nIa menambah 300 pekerja.\r\n"
    path.write_bytes(text.encode("utf-8"))
    article = read_article(path)
    for sentence in split_sentences(article):
        assert text[sentence.start:sentence.end] == sentence.text


@pytest.mark.parametrize("content,problem", [
    (b"", "empty file"),
    (b"   \n\n  ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("Perusahaan itu memangkas karyawan.".encode("utf-8") + "caf\u00e9 ".encode("utf-8") + b"\xe9\xff\xfe\x80\x81",
     "mixed encodings"),
])
def test_bad_files_raise_one_clear_error(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert problem in str(info.value) and "bad.txt" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_sentence_case_headline_and_iso_date_line(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("Freightway to cut 1,200 jobs as parcel volumes slide\n2025-03-19\n"
                    "Freightway said on Tuesday it would cut 1,200 jobs across its depots in Ohio and Texas.\n",
                    encoding="utf-8")
    article = read_article(path)
    assert article.title.text == "Freightway to cut 1,200 jobs as parcel volumes slide"
    assert article.published.iso() == "2025-03-19" and article.published_basis == "dateline"
    assert article.body[0].text.startswith("Freightway said on Tuesday")


def test_headline_ending_in_a_quotation_is_the_title(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("Retail boss warns staff of cuts: 'Our costs have outrun our sales.'\n"
                    "The chief executive of Marrow Stores told employees on Monday that cuts would follow.\n",
                    encoding="utf-8")
    assert read_article(path).title.text.startswith("Retail boss warns staff")


@pytest.mark.parametrize("line,outlet,first", [
    ("WARTAKITA.CO.ID, SURABAYA -- Perusahaan tekstil itu menutup dua pabrik dan merumahkan ratusan pekerja.",
     "WARTAKITA.CO.ID", "Perusahaan tekstil"),
    ("HARIANKITA.CO.ID - SURABAYA. Perusahaan tekstil itu menutup dua pabrik dan merumahkan ratusan pekerja.",
     "HARIANKITA.CO.ID", "Perusahaan tekstil"),
])
def test_publisher_dateline_is_the_outlet_not_body_text(tmp_path, line, outlet, first):
    path = tmp_path / "a.txt"
    path.write_text(f"Pabrik Tekstil Tutup Dua Lini\n{line}\n", encoding="utf-8")
    article = read_article(path)
    assert article.outlet == outlet
    assert article.body[0].text.startswith(first)


def test_dateline_on_a_line_of_its_own_is_the_publisher(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Pabrik Tekstil Tutup Dua Lini\nSurabaya, Kabar Niaga –\n"
                    "PT Benang Sutera menutup dua pabrik dan merumahkan ratusan pekerja di Surabaya.\n", encoding="utf-8")
    article = read_article(path)
    assert article.outlet == "Kabar Niaga"
    assert [span.text for span in article.headings] == ["Pabrik Tekstil Tutup Dua Lini"]


# ---------------------------------------------------------------- issue 20.4: titles and dates not lost without a word

def test_a_sentence_case_english_headline_and_an_iso_date_line_are_read(tmp_path):
    path = tmp_path / "carmaker.txt"
    path.write_text("Carmaker to cut 3,000 jobs as sales slow\n2025-03-19\n"
                    "The carmaker Volta Motors said on Tuesday it would cut 3,000 jobs as sales slowed in Europe.\n",
                    encoding="utf-8")
    article = read_article(path)
    assert article.title is not None and article.title.text == "Carmaker to cut 3,000 jobs as sales slow"
    assert article.published is not None and article.published.iso() == "2025-03-19"


@pytest.mark.parametrize("field", ["published", "publishedAt", "pubDate", "datePublished", "published_at"])
def test_a_json_lines_date_under_a_common_name_is_read_and_the_build_says_which(tmp_path, field):
    import json

    from click.testing import CliRunner
    from newskg.cli import main

    record = {"title": "Nusa Kargo PHK", field: "2024-02-01",
              "text": "Perusahaan logistik Nusa Kargo memangkas 45 karyawan."}
    (tmp_path / "export.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "export.jsonl"), "--out", str(tmp_path / "g"),
                                       "--json"])
    assert result.exit_code == 0, result.stderr
    assert f"export.jsonl#1: date read from the record field '{field}'" in result.stderr
    assert json.loads(result.stdout)["no date"] == []
    assert '"2024-02-01"^^xsd:date' in (tmp_path / "g" / "newskg.ttl").read_text(encoding="utf-8")


def test_the_build_summary_counts_and_lists_articles_with_no_title_and_no_date(tmp_path):
    import json

    from click.testing import CliRunner
    from newskg.cli import main

    (tmp_path / "dated.txt").write_text("Kopiloka Pangkas Tiga Puluh Karyawan\n2024-06-03\n"
                                        "Startup Kopiloka memangkas 30 karyawan pada Juni 2024.\n", encoding="utf-8")
    (tmp_path / "bare.txt").write_text("perusahaan itu memangkas 30 karyawan tahun ini, kata seorang pegawai.\n",
                                       encoding="utf-8")
    runner = CliRunner()
    as_text = runner.invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "g")])
    assert as_text.exit_code == 0, as_text.stderr
    assert "articles with no title: 1, with no date: 1 (they drop out of timelines" in as_text.stdout
    as_json = json.loads(runner.invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "g"), "--json"]).stdout)
    assert as_json["no title"] == ["bare.txt"] and as_json["no date"] == ["bare.txt"]
