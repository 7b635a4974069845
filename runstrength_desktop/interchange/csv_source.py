"""Reading an export as text records with the line each starts on: a byte-order mark, UTF-8,
UTF-16 or Latin-1 text, CRLF line ends, notes that span lines inside quotes, and Strong's 2018
form that wraps each whole line in quotes."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from .records import ImportProblem

MAX_FILE_BYTES = 200 * 1024 * 1024  # far above any real export; refuses a wrong file early


def check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            f"the file is {size // 2**20} MB, larger than any workout export "
            f"({MAX_FILE_BYTES // 2**20} MB at most)"
        )


def decode_text(data: bytes) -> str:
    """The file as text. Exports are UTF-8; a file re-saved by an old spreadsheet may be
    Windows-1252 or Latin-1, which never fails to decode, so binary files are caught by
    their NUL bytes first."""
    check_size(len(data))
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise ImportProblem(
                    f"the file starts like {codec} text but is not (byte {exc.start + len(bom)})"
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportProblem(
            f"the file holds binary data (a NUL byte at byte {nul}), not a CSV export"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def first_line(text: str) -> str:
    """The header line: the first line that is not blank."""
    for line in io.StringIO(text, newline=""):
        if line.strip():
            return line.rstrip("\r\n")
    return ""


def split_line(line: str, delimiter: str) -> list[str]:
    """One line's fields (a header has no line breaks inside quotes)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _friendly(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return (
            f"a field is longer than {csv.field_size_limit():,} characters, which no "
            "workout export has"
        )
    return f"the CSV text is broken ({text})"


class CsvTable:
    """The records after the header, each with the line it starts on (1 is the header).
    Blank lines are passed over. With quoted_lines each record is one field holding a whole
    line, which is split again (Strong 2018)."""

    def __init__(self, text: str, delimiter: str, quoted_lines: bool = False) -> None:
        self.text = text
        self.delimiter = delimiter
        self.quoted_lines = quoted_lines
        self.total_lines = text.count("\n") + 1

    def records(self) -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)
        line = 1
        header_seen = False
        try:
            for fields in reader:
                if fields and any(f.strip() for f in fields):
                    if not header_seen:
                        header_seen = True
                    else:
                        yield line, self._unwrap(fields)
                line = reader.line_num + 1
        except csv.Error as exc:
            raise ImportProblem(f"line {line}: {_friendly(exc)}") from None

    def _unwrap(self, fields: list[str]) -> list[str]:
        if not self.quoted_lines or len(fields) != 1:
            return fields
        inner = list(csv.reader(io.StringIO(fields[0], newline=""), delimiter=self.delimiter))
        return inner[0] if len(inner) == 1 else fields
