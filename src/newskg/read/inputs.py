"""Articles as users have them: text and Markdown files in any common encoding, saved HTML pages,
JSON Lines and CSV exports (one article per record), folders (recursively) and standard input.

Each input yields an ``Article`` or an ``InputError`` naming the file (and record) and the problem.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newskg.errors import InputError
from newskg.read.article import MAX_BYTES, Metadata, decode_article_bytes, parse_article, read_article

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
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            broken = sorted(p for p in path.rglob("*") if p.is_symlink() and not p.exists())
            problems.extend(InputError(p, "broken link") for p in broken)
            if not found and not broken:
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
        raw = sys.stdin.buffer.read()
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


def _raw(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"too large for an article ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB)")
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None


def _read_html(path: Path, lang_code: str | None = None):
    """Main text, title, date and site name of a saved web page, through trafilatura."""
    import trafilatura

    html, encoding = decode_article_bytes(_raw(path), path)
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
    text, _ = decode_article_bytes(_raw(path), path)
    if path.suffix.lower() == ".csv":
        try:
            records = list(csv.DictReader(io.StringIO(text)))
        except csv.Error as err:
            raise InputError(path, f"not valid CSV ({err})") from None
    else:
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                records.append(InputError(f"{path.name}:{number}", f"not valid JSON ({err.msg})"))
    if records and not isinstance(records[0], InputError) and fields.text not in records[0]:
        raise InputError(path, f"no field {fields.text!r} (the fields are: {', '.join(map(str, records[0]))};"
                               " name the text field with --text-field)")
    for number, record in enumerate(records, start=1):
        if isinstance(record, InputError):
            yield record
            continue
        yield from _record_article(path, number, record, fields, lang_code)


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
    meta = Metadata(title=title, published=str(record.get(fields.date) or "") or None, outlet=outlet)
    try:
        yield _checked(parse_article(text, doc_id=doc_id, source=source, lang_code=lang_code, meta=meta))
    except InputError as err:
        yield err
