"""Read an article file: decode it, find title, date and outlet, drop page furniture.

Offsets always point into the decoded file text exactly as read (no newline
translation), so a sentence's offsets cut it out of the file.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import stat
from functools import lru_cache
from pathlib import Path

from dataclasses import dataclass

from newskg.extract.dates import find_dates, parse_absolute
from newskg.errors import InputError
from newskg.lang import Language, detect_language, load_language
from newskg.model import Article, PartialDate, Precision, Span
from newskg.extract.places import city_country, dateline_place

_TERMINAL = ".!?\"”’)…"
_PHOTO_CREDIT = re.compile(r"(?:\(|\b)[A-Z][\w .]*/[A-Z][\w-]+(?: [A-Z][\w-]+)*\)?\s*$")
_DATELINE = re.compile(
    r"^(?P<a>[A-Za-z][\w.]*(?:\s[A-Z][\w.]*){0,2})(?:,\s*(?P<b>[A-Za-z][\w.]*(?:\s[A-Z][\w.]*){0,2}))?"
    r"\s*(?:--|[–—-])\s*(?=\S)")
_PLACE_HEAD = re.compile(r"^(?P<place>[A-Z][A-Z ]{2,})\.\s+(?=\S)")  # 'KONTAN.CO.ID - JAKARTA. ...'
_WIRE_DATELINE = re.compile(  # 'NEW YORK (Wirepoint) - ...', 'Jakarta (KABAR) - ...': the place, then the wire in parentheses
    r"^(?P<place>[A-Za-z][\w.]*(?:\s[A-Za-z][\w.]*){0,2}),?\s*\((?P<outlet>[A-Z][\w.&' -]{1,30})\)\s*(?:--|[–—-])\s*(?=\S)")
_SITE_LINE = re.compile(r"^(?P<name>[\w-]+?)https?://(?:www\.)?(?P<domain>[\w-]+)\.")
_CLOSING_QUOTES = "'’\"”"


MAX_BYTES = 20 * 1024 * 1024  # a news article is a few KB; 20 MB is a scraper's mistake


def decode_article_bytes(raw: bytes, path: object) -> tuple[str, str]:
    """The file's text and its encoding, or an InputError saying why it is not a readable article.

    UTF-8 first; otherwise charset-normalizer names the encoding (the build reports it). Text
    that no single encoding reads cleanly (mixed encodings) is refused rather than garbled.
    """
    if not raw.strip():
        raise InputError(path, "empty file, no article text")
    if len(raw) > MAX_BYTES:
        raise InputError(path, f"too large for an article ({len(raw) / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB)")
    unicode_bom = _decode_with_bom(raw, path)
    if unicode_bom is not None:  # UTF-16/32 have NUL bytes in every ASCII letter: not binary when they say so
        return unicode_bom
    if b"\x00" in raw[:8192]:
        raise InputError(path, "binary file, not text")
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        text, encoding = _detect(raw, path, err.start)
    return (text[1:] if text.startswith("\ufeff") else text), encoding


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # UTF-32 first: FF FE 00 00
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode_with_bom(raw: bytes, path: object) -> tuple[str, str] | None:
    """Text saved as UTF-16 or UTF-32 with a byte order mark (Windows Notepad's "Unicode"), or None."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(path, f"starts like {encoding.upper()} but is not ({err.reason} at offset "
                                       f"{err.start})") from None
            if not text.strip():
                raise InputError(path, "empty file, no article text")
            return text, encoding
    return None


def _detect(raw: bytes, path: object, bad_at: int) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    lenient = raw.decode("utf-8", errors="replace")
    if any(ord(c) > 127 and c != "\ufffd" for c in lenient):
        # valid UTF-8 letters beside invalid bytes: two encodings in one file; any single one would garble it
        raise InputError(path, f"mixed encodings: UTF-8 text with invalid bytes (first at offset {bad_at})")
    best = from_bytes(raw).best()
    if best is None or best.encoding in ("utf_8", "ascii") or best.chaos > 0.2:
        raise InputError(path, f"not UTF-8 and no single encoding reads it (invalid byte at offset {bad_at}; "
                               "mixed encodings?)")
    try:
        return raw.decode(best.encoding), best.encoding
    except UnicodeDecodeError:
        raise InputError(path, f"not UTF-8, and not {best.encoding} either (mixed encodings?)") from None


def read_article(path: Path, lang_code: str | None = None, doc_id: str | None = None) -> Article:
    """Read one article file into an ``Article``; raises ``InputError`` if it cannot."""
    path = Path(path)
    if path.is_symlink() and not path.exists():
        raise InputError(path, "broken link")
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not an article file")
    text, encoding = decode_article_bytes(read_bounded(path), path)
    article = parse_article(text, doc_id=doc_id or path.stem, source=path.name, lang_code=lang_code,
                            meta=Metadata(encoding=encoding))
    if not article.body:
        raise InputError(path, "no article text found (only page furniture)")
    return article


def read_bounded(path: Path) -> bytes:
    """A regular file's bytes, refused past ``MAX_BYTES`` before they are read.

    FIFOs, devices and sockets are refused: a FIFO with no writer would block for ever, /dev/zero never ends
    (their content can come through standard input, which is read with a bound). Pseudo-files that state a
    size of 0 (/proc) are read with the same bound."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InputError(path, "not a regular file (a FIFO, device or socket); pass its content on "
                                   "standard input with '-'")
        if status.st_size > MAX_BYTES:
            raise InputError(path, f"too large for an article ({status.st_size / 1e6:.1f} MB > "
                                   f"{MAX_BYTES / 1e6:.0f} MB)")
        if status.st_size == 0:
            with path.open("rb") as handle:
                return read_stream(handle, path)
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None


def read_stream(stream, name: object) -> bytes:
    """At most ``MAX_BYTES`` of a stream (standard input); past it, an InputError and no more reading."""
    chunks, size = [], 0
    while size <= MAX_BYTES:
        chunk = stream.read(min(1 << 20, MAX_BYTES + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputError(name, f"too large for an article (more than {MAX_BYTES >> 20} MB; stopped reading there)")


@dataclass(frozen=True)
class Metadata:
    """What a container (an HTML page, a JSON record) states about an article beside its text."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    encoding: str = "utf-8"
    extracted_by: str | None = None  # "trafilatura" when the text was extracted from HTML
    published_basis: str = "page metadata"  # where ``published`` was found (a record names its field)


def parse_article(text: str, doc_id: str, source: str, lang_code: str | None = None,
                  meta: Metadata = Metadata()) -> Article:
    """An article from its text; ``lang_code`` None means: detect the language."""
    lang_code = lang_code or detect_language(text)
    lang = load_language(lang_code)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = list(_lines(text))
    published, published_basis = None, None
    outlet = None
    title = None
    body: list[Span] = []
    headings: list[Span] = []
    seen: set[str] = set()
    captions = 0  # caption lines kept in the body: the dateline is looked for in the first lines of text
    for number, line in enumerate(lines):
        key = line.text.casefold()
        site = _SITE_LINE.match(line.text)
        if site and site.group("name").casefold() == site.group("domain").casefold():
            outlet = outlet or site.group("name")  # an author box: "zonagadgethttps://www.zonagadget.co.id/"
            continue
        caption = _caption_of(line, lang) if key not in seen and (title or body) else None
        if caption is not None:  # a photo caption: its sentence stays, the credit and any dateline go
            seen.add(key)
            body.append(_strip_outlet_dateline(caption, None)[0])
            captions += 1
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
        alone = _dateline_alone(line.text) if number < 15 else None
        if alone is not None:  # 'Jakarta, CNBC Indonesia -' on a line of its own: the publisher, not text
            outlet = outlet or alone
            continue
        if line.text.startswith("#"):  # a Markdown heading: the span after the hashes
            cut = len(line.text) - len(line.text.lstrip("#").lstrip())
            line = Span(line.start + cut, line.end, line.text[cut:])
            if not line.text:
                continue
            title = title or (line if not body else None)
            headings.append(line)
            continue
        if _is_heading(line.text) or (title is None and not body and _is_title(line.text, number)):
            if title is None and not body and len(line.text.split()) >= 3:
                title = line
            headings.append(line)
            continue
        if len(body) - captions < 3:
            line, outlet = _strip_outlet_dateline(line, outlet)
        body.append(line)
    if meta.published and published is None:
        published, published_basis = parse_absolute(meta.published, lang.code), meta.published_basis
    if published is None:
        published, published_basis = _cited_date(body, lang), "cited date"
        if published is None:
            published_basis = None
    if meta.title and (title is None or title.text != meta.title):
        title = next((h for h in headings if h.text == meta.title), title)
    return Article(doc_id=doc_id, source=source, text=text, sha256=sha, title=title, published=published,
                   published_basis=published_basis, outlet=meta.outlet or outlet, body=tuple(body),
                   headings=tuple(headings), language=lang_code, encoding=meta.encoding,
                   extracted_by=meta.extracted_by)


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
    if any(marker in lowered for marker in lang.grammar["credit_markers"]):
        return True
    return len(line.split()) < 25 and bool(_PHOTO_CREDIT.search(line))  # the count first: the search is slow on long lines


_CAPS_CREDIT = re.compile(r"\s+[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*/[A-Z][\w-]*(?: [A-Z][\w-]+)*\s*$")  # ' NAME NAME/Agency'
_PAREN_CREDIT = re.compile(r"\s*\([^()]*/[^()]*\)\s*$")  # ' (AGENCY FOTO/Name)'
_CAPTION_WORDS = 4  # fewer words before a credit are a label ('Ilustrasi'), not a caption


def _caption_of(line: Span, lang: Language) -> Span | None:
    """The caption before a photo credit at the end of a line ('<Name>, founder of <X> NAME/Agency',
    '<Name> di pabrik <X>. (Foto: <Agency>)'), or None: a caption states who is shown and their title,
    the credit names only the photographer."""
    if len(line.text.split()) >= 40:
        return None
    markers = "|".join(re.escape(m.strip(" :")) for m in lang.grammar["credit_markers"])
    cut = None
    for pattern in (_PAREN_CREDIT, _CAPS_CREDIT, re.compile(rf"\s*\(?\b(?:{markers})\s*:[^()]*\)?\s*$", re.I)):
        match = pattern.search(line.text)
        if match and (cut is None or match.start() < cut):
            cut = match.start()
    if cut is None:
        return None
    text = line.text[:cut].rstrip()
    if len(text.split()) < _CAPTION_WORDS or not re.search(r"\b[a-z]{3,}\b", text):
        return None
    return Span(line.start, line.start + len(text), text)


def _is_heading(line: str) -> bool:
    """Title and section headings: short lines that do not end like a sentence."""
    words = line.split()
    if not words:
        return False
    if line[-1] in _TERMINAL or line[-1] in ",;:":
        return False
    if len(words) <= 5:
        return True
    long_words = [w for w in words if len(w) >= 4]
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return len(words) <= 25 and long_words and capitalised / len(long_words) >= 0.5


def _is_title(line: str, number: int) -> bool:
    """A headline may end in '?' or '!' but is still title-cased; the file's first line is the headline
    when it is short and does not end like a sentence, even in sentence case (English sites write
    'Carmaker to cut jobs as sales slow'), or ends with a quotation ('X warns staff: "..."')."""
    if line[-1] in "?!" and _is_heading(line[:-1]):
        return True
    words = len(line.split())
    if number != 0 or not 3 <= words <= 25:
        return False
    return line[-1] in _CLOSING_QUOTES or line[-1] not in _TERMINAL + ",;:"


_DATELINE_HEAD = 160  # characters: a dateline's date comes within its first words


def _dateline(line: Span, lang: Language) -> tuple[PartialDate, Span | None] | None:
    """A publication date at the head of a line, and what remains of the line after it."""
    head = line.text if len(line.text) <= _DATELINE_HEAD else line.text[:_DATELINE_HEAD].rsplit(" ", 1)[0]
    for found in find_dates(head, None, lang):  # only the head can hold a dateline: no need to scan a paragraph
        before = line.text[:found.start]
        if found.value.precision is not Precision.DAY or len(before.split()) > 2 and "|" not in before:
            return None
        tail = line.text[found.end:]
        tail_start = found.end + _time_tail(lang).match(tail).end()
        rest = line.text[tail_start:].strip()
        if len(rest.split()) <= 6 or re.match(rf"(?:{lang.words('byline_words')})\b", rest, re.IGNORECASE):
            return found.value, None
        start = line.start + line.text.index(rest, tail_start)
        return found.value, Span(start, start + len(rest), rest)
    return None


@lru_cache(maxsize=None)
def _time_tail(lang: Language) -> re.Pattern:
    """The clock time after a dateline's date ("– 15:06 WIB", "pukul 10.45")."""
    return re.compile(rf"^[\s,|–-]*(?:(?:{lang.words('time_words')})\s*)?"
                      rf"(?:\d{{1,2}}[:.]\d{{2}}\s*(?:{lang.words('time_zones')})?)?[\s|–-]*", re.IGNORECASE)


def _dateline_alone(text: str) -> str | None:
    """The outlet of a dateline that stands on its own line ('Jakarta, CNBC Indonesia –')."""
    match = _DATELINE.match(text + " x")  # the pattern wants text after the dash; this line has none
    if not match or match.end() != len(text) + 1:
        return None
    return _outlet_name(match)


def _outlet_name(match: re.Match) -> str | None:
    """The outlet a dateline names: its one part that is not a place, if a place stands beside it or the
    name looks like a site ('KONTAN.CO.ID', 'VIVA')."""
    parts = [p for p in (match.group("a"), match.group("b")) if p]
    places = [p for p in parts if dateline_place(p)]
    names = [p for p in parts if not dateline_place(p)]
    if len(names) != 1 or not (places or "." in names[0] or names[0].isupper()):
        return None
    return names[0]


def _strip_outlet_dateline(line: Span, outlet: str | None) -> tuple[Span, str | None]:
    """'Jakarta, VIVA – Perusahaan ...' -> the outlet, and the line without its dateline."""
    wire = _WIRE_DATELINE.match(line.text)
    if wire and (dateline_place(wire.group("place")) or wire.group("place").isupper()) \
            and not dateline_place(wire.group("outlet")):  # 'JAKARTA (Kabar) -': a wire's dateline
        rest = line.text[wire.end():]
        return Span(line.end - len(rest), line.end, rest), outlet or wire.group("outlet").strip()
    match = _DATELINE.match(line.text)
    if not match or len(line.text.split()) < 8:
        return line, outlet
    name = _outlet_name(match)
    if name is None:
        return line, outlet
    cut = match.end()
    place = _PLACE_HEAD.match(line.text[cut:])
    if place and city_country(place.group("place")):
        cut += place.end()
    rest = line.text[cut:]
    start = line.start + cut
    return Span(start, start + len(rest), rest), outlet or name


def _cited_date(body: list[Span], lang: Language) -> PartialDate | None:
    """No dateline: the first full date the article cites ("Senin (22/9/2025)")."""
    for line in body:
        for found in find_dates(line.text, None, lang):
            if found.value.precision is Precision.DAY:
                return found.value
    return None
