"""Articles as users have them: text and Markdown files in any common encoding, saved HTML pages,
JSON Lines and CSV exports (one article per record), folders (recursively) and standard input.

Each input yields an ``Article`` or an ``InputError`` naming the file (and record) and the problem.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newskg.errors import InputError
from newskg.read.article import (MAX_BYTES, Metadata, decode_article_bytes, parse_article, read_article,
                                  read_bounded, read_stream)

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES


@dataclass(frozen=True)
class RecordFields:
    """Field names of JSON Lines / CSV exports (``--text-field`` and friends)."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    id: str = "id"


def collect_paths(paths: list[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Article files under the given files and folders, sorted; and the paths that are not there."""
    files: list[Path] = []
    problems: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            files.append(path)
        elif path.is_dir():
            found, folder_problems = _walk(path)
            problems.extend(folder_problems)
            if not found and not folder_problems:
                problems.append(InputError(path, "folder has no article files (" + ", ".join(ARTICLE_SUFFIXES) + ")"))
            files.extend(found)
        elif path.is_symlink() and not path.exists():
            problems.append(InputError(path, "broken link"))
        elif not path.exists():
            problems.append(InputError(path, "no such file or folder"))
        else:
            files.append(path)
    unique = list(dict.fromkeys(files))  # the same file named twice is read once
    return unique, problems


def _walk(folder: Path) -> tuple[list[Path], list[InputError]]:
    """Article files under ``folder``, sorted; broken links and folders that cannot be listed are problems
    (``Path.rglob`` skips an unreadable sub-folder without a word)."""
    found: list[Path] = []
    problems: list[InputError] = []

    def unreadable(err: OSError) -> None:
        problems.append(InputError(err.filename, f"cannot read this folder ({err.strerror or err})"))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        for name in names:  # a broken link is listed here: os.walk sees no folder behind it
            entry = Path(root, name)
            if entry.is_symlink() and not entry.exists():
                problems.append(InputError(entry, "broken link"))
            elif entry.is_file() and entry.suffix.lower() in ARTICLE_SUFFIXES:
                found.append(entry)
    return sorted(found), sorted(problems, key=str)


def iter_articles(paths: list[str | Path], fields: RecordFields = RecordFields(), lang_code: str | None = None) -> Iterator:
    """Every article (or the error that stops one) under ``paths``, in a stable order.

    ``lang_code`` forces the language; None detects it per article.
    """
    files, problems = collect_paths(paths)
    yield from problems
    names = _source_names(paths)
    for path in files:
        try:
            for item in _read(path, fields, lang_code):
                yield _with_folder(item, path, names.get(path))
        except InputError as err:
            yield err


def _source_names(paths: list[str | Path]) -> dict[Path, str]:
    """A file found in a sub-folder of a folder argument is named by its path from that folder
    ('a/report.txt'), so that two files of one name in two folders are two sources."""
    names: dict[Path, str] = {}
    for raw in paths:
        folder = Path(raw)
        if str(raw) != "-" and folder.is_dir():
            for path in folder.rglob("*"):
                names.setdefault(path, path.relative_to(folder).as_posix())
    return names


def _with_folder(item, path: Path, name: str | None):
    """The article with its source named by ``name`` (its folder kept) instead of the bare file name."""
    from dataclasses import replace

    if name is None or name == path.name or not getattr(item, "source", "").startswith(path.name):
        return item
    return replace(item, source=name + item.source[len(path.name):])


def _read(path: Path, fields: RecordFields, lang_code: str | None = None) -> Iterator:
    suffix = path.suffix.lower()
    if str(path) == "-":
        raw = read_stream(sys.stdin.buffer, "<stdin>")
        text, encoding = decode_article_bytes(raw, "<stdin>")
        yield _checked(parse_article(text, doc_id="stdin", source="<stdin>", lang_code=lang_code,
                                     meta=Metadata(encoding=encoding)))
    elif suffix in HTML_SUFFIXES:
        yield _checked(_read_html(path, lang_code))
    elif suffix in RECORD_SUFFIXES:
        yield from _read_records(path, fields, lang_code)
    else:
        yield read_article(path, lang_code)


def _checked(article):
    if not article.body:
        raise InputError(article.source, "no article text found (only page furniture)")
    return article


def _read_html(path: Path, lang_code: str | None = None):
    """Main text, title, date and site name of a saved web page, through trafilatura."""
    import trafilatura

    html, encoding = decode_article_bytes(read_bounded(path), path)
    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as err:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(path, f"cannot read this HTML ({type(err).__name__})") from None
    data = found.as_dict() if hasattr(found, "as_dict") else (found or {})
    body = (data.get("text") or "").strip()
    if not body:
        raise InputError(path, "no article text found in this HTML page")
    title = (data.get("title") or "").strip() or None
    text = body if title is None or body.startswith(title) else f"{title}\n{body}"
    meta = Metadata(title=title, published=data.get("date"), outlet=data.get("sitename"), encoding=encoding,
                    extracted_by="trafilatura")
    return parse_article(text + "\n", doc_id=path.stem, source=path.name, lang_code=lang_code, meta=meta)


def _read_records(path: Path, fields: RecordFields, lang_code: str | None = None) -> Iterator:
    """One article per record; a bad record is reported with its line and the others are read."""
    text, _ = decode_article_bytes(read_bounded(path), path)
    records = _csv_records(path, text) if path.suffix.lower() == ".csv" else _json_records(path, text)
    first = next((r for r in records if not isinstance(r, InputError)), None)
    if first is None and not any(isinstance(r, InputError) for r in records):
        what = "only a header line, no records" if path.suffix.lower() == ".csv" else "no records"
        raise InputError(path, what)
    if first is not None and fields.text not in first:
        raise InputError(path, f"no field {fields.text!r} (the fields are: {', '.join(map(str, first))};"
                               " name the text field with --text-field)")
    for number, record in enumerate(records, start=1):
        if isinstance(record, InputError):
            yield record
            continue
        yield from _record_article(path, number, record, fields, lang_code)


def _json_records(path: Path, text: str) -> list:
    """Each non-blank line's object, or the error that names the line."""
    records: list = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            record = InputError(f"{path.name}:{number}", f"not valid JSON ({err.msg})")
        if not isinstance(record, (dict, InputError)):
            kind = {list: "a list", type(None): "null", bool: "true or false", str: "a string"}.get(
                type(record), "a number")
            record = InputError(f"{path.name}:{number}", f"not a JSON object but {kind}; one object per line")
        records.append(record)
    return records


def _csv_records(path: Path, text: str) -> list:
    """Each row as a dict keyed by the header, or the error that names the row's line.

    Strict parsing, so that an unterminated quote is an error rather than a field that swallows every row
    after it; reading resumes on the line after the bad row's first line."""
    lines = io.StringIO(text).readlines()
    records: list = []
    offset = 1
    with _csv_field_limit(MAX_BYTES):
        try:
            header = next(csv.reader(lines[:1], strict=True), None)
        except csv.Error as err:
            raise InputError(path, f"not valid CSV in its header line ({err})") from None
        while offset < len(lines) and header:
            reader = csv.DictReader(lines[offset:], fieldnames=header, strict=True)
            row_end = 0
            try:
                for record in reader:
                    records.append(record)
                    row_end = reader.line_num
                break
            except csv.Error as err:
                bad = _next_filled(lines, offset + row_end) + 1  # the 1-based line the bad row starts on
                problem = ("unterminated quote (a quoted field opened here never closes)"
                           if "unexpected end of data" in str(err) else f"not valid CSV ({err})")
                records.append(InputError(f"{path.name}:{bad}", f"{problem}; the rows after it were read"))
                offset = bad
    return records


def _next_filled(lines: list[str], index: int) -> int:
    """The index of the first line from ``index`` on that is not blank (csv skips blank lines)."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


@contextmanager
def _csv_field_limit(limit: int):
    """csv refuses fields over 131,072 characters; an article body may be longer (the file is bounded)."""
    before = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _record_article(path: Path, number: int, record: dict, fields: RecordFields,
                    lang_code: str | None = None) -> Iterator:
    source = f"{path.name}#{number}"
    body = str(record.get(fields.text) or "").strip()
    if not body:
        yield InputError(source, f"record has no text in field {fields.text!r}")
        return
    title = str(record.get(fields.title) or "").strip() or None
    text = f"{title}\n{body}\n" if title else f"{body}\n"
    ident = re.sub(r"[^\w.-]+", "-", str(record.get(fields.id) or "")).strip("-")
    doc_id = ident or f"{path.stem}-{number:05d}"
    outlet = None
    if record.get(fields.url):
        outlet = re.sub(r"^(?:https?://)?(?:www\.)?([^/]+).*$", r"\1", str(record[fields.url]))
    date_field = _date_field(record, fields)
    published = str(record.get(date_field) or "") or None if date_field else None
    basis = "page metadata" if date_field == fields.date else f"record field {date_field!r}"
    meta = Metadata(title=title, published=published, outlet=outlet, published_basis=basis)
    try:
        yield _checked(parse_article(text, doc_id=doc_id, source=source, lang_code=lang_code, meta=meta))
    except InputError as err:
        yield err


# The names exports give the publication date, tried in this order when the date field is not named
DATE_FIELD_NAMES = ("date", "published", "publishedAt", "published_at", "publishedDate", "published_date",
                    "pubDate", "pub_date", "datePublished", "date_published", "publicationDate",
                    "publication_date", "publishDate", "publish_date", "dateCreated", "created_at")


def _date_field(record: dict, fields: RecordFields) -> str | None:
    """The field holding the record's date: the one named with --date-field if it has a value; with the
    default name, the first common name that has one (case and separators ignored)."""
    if record.get(fields.date) or fields.date != RecordFields.date:
        return fields.date
    by_key = {re.sub(r"[\W_]", "", str(k)).casefold(): k for k in record}
    for name in DATE_FIELD_NAMES:
        key = by_key.get(re.sub(r"[\W_]", "", name).casefold())
        if key is not None and record.get(key):
            return key
    return None
