"""Entry point of the ingest pipeline: paths in, records (or reasons) out.

Everything that can go wrong with one file becomes a ``ParseError`` whose
message starts with the file's path, so an import of thousands of files
reports its bad ones and carries on.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import lzma
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .html import parse_html
from .jsonl import iter_jsonl, record_from_object
from .records import ArticleRecord, ParseError
from .text import parse_text

__all__ = [
    "KNOWN_SUFFIXES",
    "MAX_DECOMPRESSED_BYTES",
    "MAX_FILE_BYTES",
    "holds_one_article",
    "iter_input_files",
    "read_records",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
# Compressed data sets may legitimately unpack beyond MAX_FILE_BYTES (Reuters-21578
# is 25 MB); this bound only stops decompression bombs.
MAX_DECOMPRESSED_BYTES = 5 * MAX_FILE_BYTES

_TEXT = {".txt", ".text"}
_HTML = {".html", ".htm"}
_JSONL = {".jsonl", ".ndjson", ".json"}
_COMPRESSED = {".xz", ".gz"}
KNOWN_SUFFIXES = frozenset(_TEXT | _HTML | _JSONL)

Result = ArticleRecord | ParseError


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path | ParseError]:
    """Files as given; directories walked recursively in sorted order.

    Inside directories, hidden entries and files of unknown type are skipped
    (explicitly named files are always read).  Directory symlinks are
    followed, but one that leads back into its own ancestry is reported
    instead of walked forever.
    """
    for given in paths:
        path = Path(given)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield ParseError(f"{path}: no such file or directory")
            continue
        except OSError as error:
            yield ParseError(f"{path}: cannot access: {error.strerror or error}")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, ((info.st_dev, info.st_ino),))
        elif stat.S_ISREG(info.st_mode):
            yield path
        else:
            yield ParseError(f"{path}: not a regular file")


def _walk(directory: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Path | ParseError]:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield ParseError(f"{directory}: cannot list directory: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            info = path.stat()
        except OSError as error:
            # Broken symlinks and races with deletion land here.
            if _is_known(path):
                yield ParseError(f"{path}: cannot access: {error.strerror or error}")
            continue
        if stat.S_ISDIR(info.st_mode):
            identity = (info.st_dev, info.st_ino)
            if identity in ancestors:
                yield ParseError(f"{path}: directory symlink loop, not followed")
                continue
            yield from _walk(path, (*ancestors, identity))
        elif _is_known(path):
            yield path if stat.S_ISREG(info.st_mode) else ParseError(f"{path}: not a regular file")


def holds_one_article(path: Path) -> bool:
    """True for text and HTML files; a JSON Lines file holds many articles."""
    return _format_suffix(path) not in _JSONL


def _is_known(path: Path) -> bool:
    return _format_suffix(path) in KNOWN_SUFFIXES


def _format_suffix(path: Path) -> str:
    """'.jsonl' for 'x.jsonl.xz': the format under any compression suffix."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSED:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_records(path: Path) -> Iterator[Result]:
    """Records of one file, or ``ParseError``s that start with its path.

    Never raises for bad input: decoding problems, parser rejections and
    unexpected exceptions all become ``ParseError``s naming the file.
    """
    path = Path(path)
    try:
        text, bad_lines = _read_text(path)
    except ParseError as error:
        yield error
        return
    except Exception as error:  # the command must survive any bad file
        yield ParseError(f"{path}: unexpected {type(error).__name__}: {error}")
        return
    yield from bad_lines
    try:
        yield from _parse(path, text)
    except ParseError as error:
        yield ParseError(f"{path}: {error}")
    except Exception as error:
        yield ParseError(f"{path}: unexpected {type(error).__name__} while parsing: {error}")


def _parse(path: Path, text: str) -> Iterator[Result]:
    suffix = _format_suffix(path)
    kind = (
        "text"
        if suffix in _TEXT
        else "html"
        if suffix in _HTML
        else "json"
        if suffix == ".json"
        else "jsonl"
        if suffix in _JSONL
        else _sniff(text)
    )
    name = path.name
    if kind == "text":
        yield parse_text(text, source_file=name)
    elif kind == "html":
        yield parse_html(text, source_file=name)
    elif kind == "json":
        yield from _parse_json(path, text)
    else:
        yield from iter_jsonl(text.split("\n"), source_file=name, label=str(path))


def _parse_json(path: Path, text: str) -> Iterator[Result]:
    """A '.json' file may hold one object or an array as well as JSON Lines."""
    try:
        document = json.loads(text)
    except ValueError:
        # Several lines of objects do not form one document: JSON Lines.
        yield from iter_jsonl(text.split("\n"), source_file=path.name, label=str(path))
        return
    items = document if isinstance(document, list) else [document]
    for position, item in enumerate(items, start=1):
        try:
            yield record_from_object(item, source_file=path.name)
        except ParseError as error:
            yield ParseError(f"{path}: item {position}: {error}")


def _sniff(text: str) -> str:
    start = text.lstrip()[:1024].lower()
    if start.startswith(("{", "[")):
        return "json"  # handles JSON Lines too
    if start.startswith("<") and any(
        tag in start for tag in ("<html", "<!doctype html", "<body", "<head", "<p")
    ):
        return "html"
    return "text"


def _read_text(path: Path) -> tuple[str, list[ParseError]]:
    """The file's text, and the errors of JSON Lines lines that could not be decoded."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ParseError(f"{path}: cannot access: {error.strerror or error}") from None
    if size > MAX_FILE_BYTES:
        limit = _size(MAX_FILE_BYTES)
        raise ParseError(f"{path}: file is too large ({_size(size)}, the limit is {limit})")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise ParseError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ParseError(f"{path}: is a directory") from None
    except OSError as error:
        raise ParseError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(raw) > MAX_FILE_BYTES:  # it grew since we looked
        raise ParseError(f"{path}: file is too large (the limit is {_size(MAX_FILE_BYTES)})")
    data, compressed = _decompress(path, raw)
    if not data:
        raise ParseError(f"{path}: empty file" + (" (after decompression)" if compressed else ""))
    return _decode(path, data, compressed=compressed)


_MAGIC = {b"\xfd7zXZ\x00": "xz", b"\x1f\x8b": "gzip"}


def _decompress(path: Path, raw: bytes) -> tuple[bytes, bool]:
    """Decompress by magic number (the suffix can lie), bounded against bombs."""
    suffix = path.suffix.lower()
    for magic, name in _MAGIC.items():
        if raw.startswith(magic):
            return _inflate(path, raw, name), True
    if suffix in _COMPRESSED:
        raise ParseError(
            f"{path}: not valid {'xz' if suffix == '.xz' else 'gzip'} data (bad header)"
        )
    return raw, False


def _inflate(path: Path, raw: bytes, name: str) -> bytes:
    try:
        if name == "xz":
            decompressor = lzma.LZMADecompressor()
            data = decompressor.decompress(raw, max_length=MAX_DECOMPRESSED_BYTES + 1)
            finished = decompressor.eof
        else:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
                data = stream.read(MAX_DECOMPRESSED_BYTES + 1)
                finished = len(data) <= MAX_DECOMPRESSED_BYTES
    except (lzma.LZMAError, OSError, EOFError, zlib.error) as error:
        raise ParseError(f"{path}: corrupt {name} data: {error}") from None
    if len(data) > MAX_DECOMPRESSED_BYTES:
        limit = _size(MAX_DECOMPRESSED_BYTES)
        raise ParseError(f"{path}: decompressed content is too large (over the {limit} limit)")
    if not finished:
        raise ParseError(f"{path}: corrupt {name} data: truncated stream")
    return data


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode(path: Path, data: bytes, *, compressed: bool) -> tuple[str, list[ParseError]]:
    where = " (after decompression)" if compressed else ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                return _decode_utf8(path, body, offset=len(bom), where=where)
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as error:
                offset = error.start + len(bom)
                raise ParseError(
                    f"{path}: invalid {encoding.upper()} at byte offset {offset}{where}"
                ) from None
            return _checked_text(path, text), []
    return _decode_utf8(path, data, offset=0, where=where)


def _decode_utf8(
    path: Path, data: bytes, *, offset: int, where: str
) -> tuple[str, list[ParseError]]:
    nul = data.find(b"\x00")
    if nul >= 0:
        if utf16 := _utf16_without_bom(data):
            raise ParseError(
                f"{path}: looks like {utf16} text without a byte order mark{where}; "
                "save it as UTF-8"
            )
        raise ParseError(
            f"{path}: binary content (NUL byte at offset {nul + offset}{where}), not a text file"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _mostly_binary(data):
            raise ParseError(f"{path}: binary content, not a text file") from None
        message = f"invalid UTF-8 at byte offset {error.start + offset}{where} ({error.reason})"
        if _format_suffix(path) in _JSONL - {".json"}:
            # One badly encoded line must not cost the other records of the file.
            return _decode_lines(path, data, offset=offset, where=where, message=message)
        raise ParseError(f"{path}: {message}") from None
    return _checked_text(path, text), []


def _decode_lines(
    path: Path, data: bytes, *, offset: int, where: str, message: str
) -> tuple[str, list[ParseError]]:
    """JSON Lines decoded line by line; undecodable lines become errors naming them.

    When most lines are bad the file is in another encoding altogether: one
    error for the file says so better than one per line.
    """
    lines, errors = [], []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            errors.append(
                ParseError(
                    f"{path}:{number}: invalid UTF-8 at byte offset "
                    f"{offset + error.start}{where} ({error.reason})"
                )
            )
            lines.append("")
        offset += len(raw) + 1
    if len(errors) * 2 > sum(1 for line in lines if line.strip()):
        raise ParseError(f"{path}: {message}")
    return _checked_text(path, "\n".join(lines)), errors


def _utf16_without_bom(data: bytes) -> str | None:
    """'UTF-16-LE' or 'UTF-16-BE' when every other byte is NUL, as in mostly-ASCII UTF-16."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    if odd.count(0) >= len(odd) * 0.9 and even.count(0) <= len(even) * 0.1:
        return "UTF-16-LE"
    if even.count(0) >= len(even) * 0.9 and odd.count(0) <= len(odd) * 0.1:
        return "UTF-16-BE"
    return None


def _mostly_binary(data: bytes) -> bool:
    # Control bytes, not high bytes: text in a legacy 8-bit encoding is all
    # "invalid UTF-8" yet still text, and deserves that more precise message.
    sample = data[:8192]
    controls = sum(
        1 for byte in sample if (byte < 0x20 or byte == 0x7F) and byte not in _TEXT_CONTROLS
    )
    return controls > len(sample) * 0.1


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\b\x1b")


def _checked_text(path: Path, text: str) -> str:
    if not text.strip():
        raise ParseError(f"{path}: empty file (only whitespace)")
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 0x20 and ch not in "\t\n\r\f\v")
    if controls > len(sample) * 0.1:
        raise ParseError(f"{path}: binary content (control characters), not a text file")
    return text


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size:,} bytes"
