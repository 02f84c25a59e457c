"""Inputs as users have them, every kind of bad input, interrupted builds, and fuzzed parsers."""
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import QUERIES, rows
from newskg.cli import main

GOOD = "Startup Kopiloka memangkas 30 karyawan pada Juni 2024.\n"
HTML = """<!DOCTYPE html><html><head><title>Lumbung Data Rekrut 80 Insinyur</title>
<meta property="og:site_name" content="Kabar Teknologi"><meta name="date" content="2025-03-04"></head>
<body><nav><a href="/">Beranda</a> | <a href="/tekno">Tekno</a></nav>
<article><h1>Lumbung Data Rekrut 80 Insinyur</h1>
<p>Perusahaan analitik asal Indonesia, Lumbung Data, membuka 80 lowongan kerja untuk insinyur data pada Maret 2025.</p>
<p>CEO Lumbung Data, Rina Marlina, mengatakan perusahaan sedang tumbuh pesat di kawasan Asia Tenggara.</p>
</article><aside>Baca juga: berita lain</aside><footer>Leave a Reply</footer></body></html>"""


def build(runner, *args):
    return runner.invoke(main, ["build", *map(str, args)])


def test_html_markdown_jsonl_csv_and_latin1(tmp_path):
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    (folder / "page.html").write_text(HTML, encoding="utf-8")
    (folder / "nested" / "note.md").write_text("# Sentosa Farma Tutup Pabrik\n\nPerusahaan farmasi Sentosa Farma "
                                               "memangkas 120 karyawan pada Mei 2024.\n", encoding="utf-8")
    records = [{"id": "a1", "title": "Nusa Kargo PHK", "text": "Perusahaan logistik Nusa Kargo memangkas 45 karyawan.",
                "date": "2024-02-01", "url": "https://www.kabarkota.example/a1"},
               {"id": "a2", "title": "Arka Pay Rekrut", "text": "Fintech Arka Pay membuka 25 lowongan kerja baru.",
                "date": "2024-03-01", "url": "https://www.kabarkota.example/a2"}]
    (folder / "export.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (folder / "export.csv").write_text("headline,body\nBintang Motor PHK,Produsen Bintang Motor memangkas 60 karyawan.\n",
                                       encoding="utf-8")
    (folder / "latin.txt").write_bytes("Perusahaan kopi Café Rasa memangkas 15 karyawan di Bogor.\n".encode("latin-1"))
    out = tmp_path / "g"
    result = build(CliRunner(), folder, "--out", out, "--text-field", "text")
    assert "export.csv" in result.stderr and "no field 'text'" in result.stderr  # the CSV names its fields otherwise
    assert "latin.txt: not UTF-8, read as" in result.stderr and "page.html: text extracted from HTML" in result.stderr
    csv_result = build(CliRunner(), folder / "export.csv", "--out", tmp_path / "g2", "--text-field", "body",
                       "--title-field", "headline")
    assert csv_result.exit_code == 0
    from newskg.rdf.files import load_graph

    layoffs = {(r["org"], r["employees"]) for r in rows(load_graph(out / "newskg.trig"), "layoffs")}
    assert {("Sentosa Farma", 120), ("Nusa Kargo", 45)} <= layoffs
    assert any(org.startswith("Caf") and n == 15 for org, n in layoffs)
    hiring = {(r["org"], r["openings"]) for r in rows(load_graph(out / "newskg.trig"), "hiring")}
    assert {("Lumbung Data", 80), ("Arka Pay", 25)} <= hiring
    roles = {(r["person"], r["org"]) for r in rows(load_graph(out / "newskg.trig"), "roles")}
    assert ("Rina Marlina", "Lumbung Data") in roles
    csv_layoffs = {(r["org"], r["employees"]) for r in rows(load_graph(tmp_path / "g2" / "newskg.trig"), "layoffs")}
    assert csv_layoffs == {("Bintang Motor", 60)}


def test_standard_input(tmp_path):
    result = CliRunner().invoke(main, ["build", "-", "--out", str(tmp_path / "g")], input=GOOD)
    assert result.exit_code == 0 and "articles read: 1" in result.stdout


BAD = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 4, "binary file"),
    "broken.html": (b"<html><head><title>x</title></head><body><div><p>", "no article text found"),
    "furniture.txt": (b"Leave a Reply\nTINGGALKAN KOMENTAR\nRELATED ARTICLES\n", "no article text found"),
    "mixed.txt": ("Kopi enak di Café Rasa. ".encode("utf-8") + "Harga naik 5£ lagi.".encode("latin-1"), "mixed encodings"),
    "bad.jsonl": (b'{"text": "Perusahaan Arta memangkas 5 karyawan."}\n{"text": broken\n', "not valid JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD) + ["huge.txt", "link.txt", "unreadable.txt", "nofiles"])
def test_each_bad_input_is_one_clear_line_and_the_rest_is_built(tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    target = folder / name
    expected = None
    patch = mock.patch("builtins.open", wraps=open)  # no-op unless a case needs it
    if name in BAD:
        target.write_bytes(BAD[name][0])
        expected = BAD[name][1]
    elif name == "huge.txt":
        with target.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)
        target.write_bytes(b"Perusahaan " * (5 * 1024 * 1024))
        expected = "too large"
    elif name == "link.txt":
        target.symlink_to(tmp_path / "missing-target.txt")
        expected = "broken link"
    elif name == "unreadable.txt":
        target.write_text(GOOD.replace("30", "31"), encoding="utf-8")
        real = Path.read_bytes
        patch = mock.patch.object(Path, "read_bytes", lambda self: (_ for _ in ()).throw(
            PermissionError(13, "Permission denied")) if self.name == "unreadable.txt" else real(self))
        expected = "Permission denied"
    else:
        (tmp_path / "empty-dir").mkdir()
        target = tmp_path / "empty-dir"
        expected = "folder has no article files"
    with patch:
        extra = [target] if name == "nofiles" else []
        result = build(CliRunner(), folder, *extra, "--out", tmp_path / "g")
    assert result.exit_code == 1
    problem = [line for line in result.stderr.splitlines() if "skipped" in line]
    shown_name = "empty-dir" if name == "nofiles" else name
    assert len(problem) == 1 and expected in problem[0] and shown_name in problem[0], result.stderr
    assert "Traceback" not in result.stderr
    assert "Kopiloka" in (tmp_path / "g" / "newskg.ttl").read_text(encoding="utf-8")


def test_a_run_with_nothing_readable_fails_without_writing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    result = build(CliRunner(), tmp_path / "in", "--out", tmp_path / "g")
    assert result.exit_code == 1 and "no article could be read" in result.stderr
    assert not (tmp_path / "g").exists()


@pytest.mark.parametrize("args,message", [
    (["export", "--format", "rdfxml"], "Invalid value for '--format'"),
    (["query", "SELECT * WHERE { ?s ?p }"], "SPARQL syntax error"),
])
def test_bad_options_and_queries(seeds_build, args, message):
    result = CliRunner().invoke(main, [*args, "--graph", str(seeds_build[1] / "newskg.trig")])
    assert result.exit_code in (1, 2) and message in result.stderr


def test_unwritable_output_folder(tmp_path):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "in.txt").write_text(GOOD, encoding="utf-8")
    result = build(CliRunner(), tmp_path / "in.txt", "--out", tmp_path / "a-file" / "graph")
    assert result.exit_code == 1 and "a-file" in result.stderr and "Traceback" not in result.stderr


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file in an output folder, hidden ones (temporary files) included."""
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.fixture
def old_and_new_graphs(seeds_build, tmp_path):
    """graph/ holding the seeds' outputs, an article for a new build, and what that build writes alone."""
    out = tmp_path / "graph"
    out.mkdir()
    for path in seeds_build[1].iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    article = tmp_path / "new.txt"
    article.write_text(GOOD, encoding="utf-8")
    assert build(CliRunner(), article, "--out", tmp_path / "reference").exit_code == 0
    return out, article, outputs(tmp_path / "reference")


@pytest.mark.parametrize("point", ["outputs-one-written", "outputs-staged", "outputs-swapped"])
def test_a_build_killed_during_its_writes_leaves_the_old_set_or_the_new_one(old_and_new_graphs, point):
    """A real SIGKILL to a real build's process group at named points of the final writes
    (NEWSKG_TEST_KILL_AT): graph/ holds all the old files or all the new ones, and nothing else."""
    out, article, new = old_and_new_graphs
    old = outputs(out)
    env = dict(os.environ, NEWSKG_TEST_KILL_AT=point, PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"))
    proc = subprocess.run([sys.executable, "-m", "newskg.cli", "build", str(article), "--out", str(out)],
                          env=env, capture_output=True, start_new_session=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert outputs(out) in (old, new)
    assert build(CliRunner(), article, "--out", out).exit_code == 0
    assert outputs(out) == new
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []  # staging folders swept


def test_no_html_leaves_no_page_of_an_older_graph(old_and_new_graphs):
    out, article, new = old_and_new_graphs
    assert build(CliRunner(), article, "--out", out, "--no-html").exit_code == 0
    assert outputs(out) == {name: data for name, data in new.items() if name != "newskg.html"}


def test_a_folder_with_other_files_keeps_them_and_old_temporary_files_go(old_and_new_graphs):
    out, article, new = old_and_new_graphs
    (out / ".newskg.trig.x1y2.tmp").write_text("half a file an older newskg left")
    assert build(CliRunner(), article, "--out", out).exit_code == 0
    assert outputs(out) == new  # swapped as a set: the leftover went with the old folder
    (out / "notes.txt").write_text("mine")
    assert build(CliRunner(), article, "--out", out, "--no-html").exit_code == 0
    assert outputs(out) == {name: data for name, data in new.items() if name != "newskg.html"} | \
        {"notes.txt": b"mine"}


# ---------------------------------------------------------------- property-based

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_number_and_date_parsers_never_crash(text):
    from newskg.extract.dates import find_dates
    from newskg.lang import load_language
    from newskg.model import PartialDate
    from newskg.extract.numbers import find_quantities, parse_number

    for quantity in find_quantities(text, load_language("id")):
        assert text[quantity.start:quantity.end] == quantity.text
    parse_number(text, load_language("id"))
    for found in find_dates(text, PartialDate(2025, 6, 1), load_language("id")):
        assert text[found.start:found.end] == found.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_reader_only_raises_its_own_error(tmp_path_factory, raw):
    from newskg.errors import NewskgError
    from newskg.read.article import read_article

    path = tmp_path_factory.mktemp("fuzz") / "a.txt"
    path.write_bytes(raw)
    try:
        article = read_article(path)
    except NewskgError:
        return
    for span in article.body:
        assert article.text[span.start:span.end] == span.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_whole_analysis_never_crashes_on_text(text):
    from newskg.errors import NewskgError
    from newskg.pipeline import analyse_article
    from newskg.read.article import parse_article

    try:
        article = parse_article(text, doc_id="fuzz", source="fuzz.txt")
    except NewskgError:
        return
    result = analyse_article(article)
    for mention in result.entities.mentions:
        assert article.text[mention.start:mention.end] == mention.text


# ---------------------------------------------------------------- issue 19.3: one bad record is one skipped record

@pytest.mark.parametrize("bad", ["null", "[1, 2]", "123", '"text"'])
@pytest.mark.parametrize("where", ["first", "middle"])
def test_a_json_line_that_is_not_an_object_is_one_skipped_record(tmp_path, bad, where):
    good = json.dumps({"text": GOOD.strip()})
    other = json.dumps({"text": "Perusahaan logistik Nusa Kargo memangkas 45 karyawan pada Mei 2024."})
    lines = [bad, good, other] if where == "first" else [good, bad, other]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(CliRunner(), tmp_path / "export.jsonl", "--out", tmp_path / "g")
    line = 1 if where == "first" else 2
    problem = [row for row in result.stderr.splitlines() if "skipped" in row]
    assert problem == [problem[0]] and f"export.jsonl:{line}: not a JSON object" in problem[0], result.stderr
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    text = (tmp_path / "g" / "newskg.ttl").read_text(encoding="utf-8")
    assert "Kopiloka" in text and "Nusa Kargo" in text


def test_a_csv_field_longer_than_csv_s_default_limit_is_read(tmp_path):
    long_body = "Startup Kopiloka memangkas 30 karyawan pada Juni 2024.\n" + "kata biasa tanpa nama di sini.\n" * 5000
    assert len(long_body) > 131_072
    path = tmp_path / "export.csv"
    path.write_text(f'title,text\nPanjang,"{long_body}"\nPendek,Perusahaan Arta memangkas 5 karyawan.\n',
                    encoding="utf-8")
    result = build(CliRunner(), path, "--out", tmp_path / "g")
    assert result.exit_code == 0, result.stderr
    assert "articles read: 2" in result.stdout
    import csv
    assert csv.field_size_limit() == 131_072  # the library leaves the process's csv settings as it found them


def test_an_unterminated_csv_quote_is_reported_and_the_rows_after_it_are_read(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('title,text\nA,"Startup Kopiloka memangkas 30 karyawan pada Juni 2024.\n'
                    'B,Perusahaan logistik Nusa Kargo memangkas 45 karyawan.\n'
                    'C,Fintech Arka Pay membuka 25 lowongan kerja baru.\n', encoding="utf-8")
    result = build(CliRunner(), path, "--out", tmp_path / "g")
    problem = [row for row in result.stderr.splitlines() if "skipped" in row]
    assert len(problem) == 1 and "export.csv:2: unterminated quote" in problem[0], result.stderr
    assert result.exit_code == 1 and "articles read: 2" in result.stdout
    from newskg.rdf.files import load_graph

    graph = load_graph(tmp_path / "g" / "newskg.trig")
    assert {r["org"] for r in rows(graph, "layoffs")} == {"Nusa Kargo"}  # not swallowed into row A
    assert {r["org"] for r in rows(graph, "hiring")} == {"Arka Pay"}


def test_a_header_only_csv_says_so(tmp_path):
    (tmp_path / "export.csv").write_text("title,text\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = build(CliRunner(), tmp_path / "export.csv", tmp_path / "good.txt", "--out", tmp_path / "g")
    assert result.exit_code == 1 and "export.csv: only a header line, no records" in result.stderr


# ---------------------------------------------------------------- issue 19.5: unbounded and unusual reads

def _run_cli(*args, stdin=None, timeout=60):
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    return subprocess.run([sys.executable, "-m", "newskg.cli", *map(str, args)], stdin=stdin, capture_output=True,
                          text=True, timeout=timeout, env=env)


def test_an_endless_standard_input_stops_at_the_limit(tmp_path):
    """`yes ... | newskg build -`: reading stops at 20 MB with one line, no MemoryError."""
    producer = subprocess.Popen(["yes", "Perusahaan Arta memangkas 5 karyawan."], stdout=subprocess.PIPE)
    try:
        result = _run_cli("build", "-", "--out", tmp_path / "g", stdin=producer.stdout, timeout=120)
    finally:
        producer.kill()
        producer.wait()
    assert "<stdin>: too large for an article (more than 20 MB; stopped reading there)" in result.stderr
    assert result.returncode == 1 and "MemoryError" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_device_named_as_a_file_is_refused_not_read(tmp_path, kind):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    if kind == "fifo":
        special = tmp_path / "feed.txt"
        os.mkfifo(special)  # no writer ever opens it: reading it would block for ever
    else:
        special = Path("/dev/zero")
    result = _run_cli("build", tmp_path / "good.txt", special, "--out", tmp_path / "g", timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"skipped {special}: not a regular file" in result.stderr
    assert "Kopiloka" in (tmp_path / "g" / "newskg.ttl").read_text(encoding="utf-8")


def _without_root_powers():
    """A command prefix that drops root's right to read any file, so a mode-000 file is really unreadable."""
    import shutil

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to make a file unreadable to the process")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def _run_unprivileged(*args):
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    return subprocess.run([*_without_root_powers(), sys.executable, "-m", "newskg.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120, env=env)


def test_an_unreadable_file_named_on_the_command_line_is_a_skipped_article(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD.replace("30", "31"), encoding="utf-8")
    locked.chmod(0)
    result = _run_unprivileged("build", tmp_path / "good.txt", locked, "--out", tmp_path / "g")
    assert result.returncode == 1, result.stderr
    assert f"skipped {locked}: cannot read (Permission denied)" in result.stderr
    assert (tmp_path / "g" / "newskg.ttl").exists()


def test_an_unreadable_sub_folder_is_reported(tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "locked" / "other.txt").write_text(GOOD.replace("30", "31"), encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        result = _run_unprivileged("build", folder, "--out", tmp_path / "g")
    finally:
        (folder / "locked").chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert f"skipped {folder / 'locked'}: cannot read this folder (Permission denied)" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, encoding):
    text = "Perusahaan kopi Café Rasa memangkas 15 karyawan di Bogor pada Juni 2024.\n"
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    (tmp_path / "notepad.txt").write_bytes(raw)
    result = build(CliRunner(), tmp_path / "notepad.txt", "--out", tmp_path / "g")
    assert result.exit_code == 0, result.stderr
    assert "Café Rasa" in (tmp_path / "g" / "newskg.ttl").read_text(encoding="utf-8")


def test_a_bad_csv_row_after_blank_lines_is_reported_once_with_its_own_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('title,text\nA,Startup Kopiloka memangkas 30 karyawan pada Juni 2024.\n\n\n'
                    'B,"Perusahaan logistik Nusa Kargo memangkas 45 karyawan.\n', encoding="utf-8")
    result = build(CliRunner(), path, "--out", tmp_path / "g")
    problem = [row for row in result.stderr.splitlines() if "skipped" in row]
    assert len(problem) == 1 and "export.csv:5: unterminated quote" in problem[0], result.stderr
    assert result.exit_code == 1 and "articles read: 1" in result.stdout
