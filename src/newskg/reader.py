"""Read an article file: decode it, find title, date and outlet, drop page furniture.

Offsets always point into the decoded file text exactly as read (no newline
translation), so a sentence's offsets cut it out of the file.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from newskg.dates import find_dates
from newskg.errors import InputError
from newskg.lang import Language, load_language
from newskg.model import Article, PartialDate, Precision, Span
from newskg.places import city_country

_TERMINAL = ".!?\"”’)…"
_PHOTO_CREDIT = re.compile(r"(?:\(|\b)[A-Z][\w .]*/[A-Z][\w-]+(?: [A-Z][\w-]+)*\)?\s*$")
_DATELINE = re.compile(
    r"^(?P<a>[A-Za-z][\w.]*(?:\s[A-Z][\w.]*){0,2})(?:,\s*(?P<b>[A-Za-z][\w.]*(?:\s[A-Z][\w.]*){0,2}))?\s*[–—-]\s*(?=\S)")
_SITE_LINE = re.compile(r"^(?P<name>[\w-]+?)https?://(?:www\.)?(?P<domain>[\w-]+)\.")
_TIME_TAIL = re.compile(r"^[\s,|–-]*(?:pukul\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)?)?[\s|–-]*", re.IGNORECASE)


def decode_article_bytes(raw: bytes, path: object) -> str:
    """The file's text, or an InputError saying why it is not a readable article."""
    if not raw.strip():
        raise InputError(path, "empty file, no article text")
    if b"\x00" in raw[:8192]:
        raise InputError(path, "binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 text (invalid byte at offset {err.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_article(path: Path, lang_code: str = "id", doc_id: str | None = None) -> Article:
    """Read one article file into an ``Article``; raises ``InputError`` if it cannot."""
    path = Path(path)
    if path.is_symlink() and not path.exists():
        raise InputError(path, "broken link")
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not an article file")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None
    text = decode_article_bytes(raw, path)
    article = parse_article(text, doc_id=doc_id or path.stem, source=path.name, lang_code=lang_code)
    if not article.body:
        raise InputError(path, "no article text found (only page furniture)")
    return article


def parse_article(text: str, doc_id: str, source: str, lang_code: str = "id") -> Article:
    lang = load_language(lang_code)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = list(_lines(text))
    published, published_basis = None, None
    outlet = None
    title = None
    body: list[Span] = []
    headings: list[Span] = []
    seen: set[str] = set()
    for number, line in enumerate(lines):
        key = line.text.casefold()
        site = _SITE_LINE.match(line.text)
        if site and site.group("name").casefold() == site.group("domain").casefold():
            outlet = outlet or site.group("name")  # an author box: "zonagadgethttps://www.zonagadget.co.id/"
            continue
        if key in seen or _is_furniture(line.text, lang):
            continue
        seen.add(key)
        if published is None and number < 15:
            found = _dateline(line, lang)
            if found is not None:
                published, published_basis, line = found[0], "dateline", found[1]
                if line is None:
                    continue
        if _is_heading(line.text) or (title is None and not body and _is_title(line.text)):
            if title is None and not body and len(line.text.split()) >= 3:
                title = line
            headings.append(line)
            continue
        if len(body) < 3:
            line, outlet = _strip_outlet_dateline(line, outlet)
        body.append(line)
    if published is None:
        published, published_basis = _cited_date(body, lang), "cited date"
        if published is None:
            published_basis = None
    return Article(doc_id=doc_id, source=source, text=text, sha256=sha, title=title, published=published,
                   published_basis=published_basis, outlet=outlet, body=tuple(body), headings=tuple(headings),
                   language=lang_code)


def _lines(text: str):
    """Each non-blank line as a Span, trimmed of surrounding white space."""
    for match in re.finditer(r"[^\r\n]+", text):
        raw = match.group(0)
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            yield Span(start, start + len(stripped), stripped)


def _is_furniture(line: str, lang: Language) -> bool:
    lowered = line.casefold()
    if lowered in lang.boilerplate_lines:
        return True
    if any(lowered.startswith(prefix) for prefix in lang.boilerplate_prefixes):
        return True
    if re.fullmatch(r"\S*https?://\S*", line):
        return True
    if "foto:" in lowered or "foto :" in lowered:
        return True
    return bool(_PHOTO_CREDIT.search(line)) and len(line.split()) < 25


def _is_heading(line: str) -> bool:
    """Title and section headings: short lines that do not end like a sentence."""
    words = line.split()
    if line[-1] in _TERMINAL or line[-1] in ",;:":
        return False
    if len(words) <= 5:
        return True
    long_words = [w for w in words if len(w) >= 4]
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return len(words) <= 25 and long_words and capitalised / len(long_words) >= 0.5


def _is_title(line: str) -> bool:
    """A headline may end in '?' or '!' but is still title-cased."""
    return line[-1] in "?!" and _is_heading(line[:-1])


def _dateline(line: Span, lang: Language) -> tuple[PartialDate, Span | None] | None:
    """A publication date at the head of a line, and what remains of the line after it."""
    for found in find_dates(line.text, lang=lang):
        before = line.text[:found.start]
        if found.value.precision is not Precision.DAY or len(before.split()) > 2 and "|" not in before:
            return None
        tail = line.text[found.end:]
        tail_start = found.end + _TIME_TAIL.match(tail).end()
        rest = line.text[tail_start:].strip()
        if len(rest.split()) <= 6 or rest.casefold().startswith("laporan"):
            return found.value, None
        start = line.start + line.text.index(rest, tail_start)
        return found.value, Span(start, start + len(rest), rest)
    return None


def _strip_outlet_dateline(line: Span, outlet: str | None) -> tuple[Span, str | None]:
    """'Jakarta, VIVA – Perusahaan ...' -> the outlet, and the line without its dateline."""
    match = _DATELINE.match(line.text)
    if not match or len(line.text.split()) < 8:
        return line, outlet
    parts = [p for p in (match.group("a"), match.group("b")) if p]
    places = [p for p in parts if city_country(p)]
    names = [p for p in parts if not city_country(p)]
    if len(names) != 1 or not (places or "." in names[0] or names[0].isupper()):
        return line, outlet
    rest = line.text[match.end():]
    start = line.start + match.end()
    return Span(start, start + len(rest), rest), outlet or names[0]


def _cited_date(body: list[Span], lang: Language) -> PartialDate | None:
    """No dateline: the first full date the article cites ("Senin (22/9/2025)")."""
    for line in body:
        for found in find_dates(line.text, lang=lang):
            if found.value.precision is Precision.DAY:
                return found.value
    return None
