"""Convert a classic IR test collection into eval_search's three input files.

Usage: python bench/ir/convert.py {cranfield,cisi,medline,npl} OUTDIR [--source DIR]

Reads the original SMART / Glasgow files (xz-compressed or not) from
``../shared/data/ir-classic/<collection>/`` and writes ``OUTDIR/docs.jsonl``
(docno, title, text), ``OUTDIR/queries.tsv`` (qid<TAB>text) and
``OUTDIR/qrels.trec`` (qid 0 docno grade). The data is for research use: write
the output to a temporary directory or ``var/``, never into the product.
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "ir-classic"
_MARKER = re.compile(r"^\.([A-Z])(?:\s+(\S.*))?\s*$")

Record = dict[str, str]  # SMART field letter -> text; "I" holds the id
Qrels = list[tuple[str, str, int]]  # (qid, docno, grade)


def read_lines(path: Path) -> list[str]:
    """The file's lines, from ``path`` or ``path.xz`` (the shared copy is compressed)."""
    xz = path.with_name(path.name + ".xz")
    if not path.exists() and xz.exists():
        with lzma.open(xz, "rt", encoding="utf-8", errors="replace") as fh:
            return fh.read().splitlines()
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def smart_records(lines: list[str]) -> Iterator[Record]:
    """Records of a SMART file: ``.I id`` then ``.T``, ``.W``, … each followed by text.

    A few Cranfield records repeat a field (``.W`` twice): the parts are joined.
    """
    record: Record | None = None
    field = ""
    for line in lines:
        match = _MARKER.match(line)
        if match:
            field, rest = match.group(1), match.group(2) or ""
            if field == "I":
                if record is not None:
                    yield record
                record = {"I": rest.strip()}
            elif record is not None:
                record.setdefault(field, "")
            continue
        if record is not None and field and field != "I":
            record[field] = f"{record[field]}\n{line}" if record[field] else line
    if record is not None:
        yield record


def _clean(text: str) -> str:
    return " ".join(text.split())


def _title(text: str) -> str:
    # Cranfield ends every sentence with a spaced " ." as a token of its own.
    return _clean(text).removesuffix(" .").strip()


def _docs_from_smart(lines: list[str]) -> list[dict]:
    docs = []
    for record in smart_records(lines):
        doc = {"docno": record["I"], "title": _title(record.get("T", ""))}
        doc["text"] = _clean(record.get("W", ""))
        docs.append(doc)
    return docs


def cranfield(source: Path) -> tuple[list[dict], dict[str, str], Qrels]:
    docs = _docs_from_smart(read_lines(source / "cran.all.1400"))
    # cran.qry numbers its queries 001, 002, 004, …; cranqrel numbers them 1..225
    # in file order, so queries are renumbered by position.
    queries = {
        str(position): _clean(record.get("W", ""))
        for position, record in enumerate(smart_records(read_lines(source / "cran.qry")), 1)
    }
    qrels = []
    for line in read_lines(source / "cranqrel"):
        if line.split():
            qid, docno, code = line.split()[:3]
            # Cleverdon's codes: 1 = complete answer … 4 = minimal interest; -1 = of
            # no interest. Graded so that higher is better: 4 … 1, and 0.
            grade = 5 - int(code) if 1 <= int(code) <= 4 else 0
            qrels.append((qid, docno, grade))
    return docs, queries, qrels


def cisi(source: Path) -> tuple[list[dict], dict[str, str], Qrels]:
    docs = _docs_from_smart(read_lines(source / "CISI.ALL"))
    # Only .W is the request; .T/.A/.B name the paper some requests came from.
    queries = {
        record["I"]: _clean(record.get("W", ""))
        for record in smart_records(read_lines(source / "CISI.QRY"))
    }
    qrels = [
        (parts[0], parts[1], 1)
        for line in read_lines(source / "CISI.REL")
        if (parts := line.split())
    ]
    return docs, queries, qrels


def medline(source: Path) -> tuple[list[dict], dict[str, str], Qrels]:
    docs = _docs_from_smart(read_lines(source / "MED.ALL"))
    queries = {
        record["I"]: _clean(record.get("W", ""))
        for record in smart_records(read_lines(source / "MED.QRY"))
    }
    qrels = [
        (parts[0], parts[2], int(parts[3]))
        for line in read_lines(source / "MED.REL")
        if (parts := line.split())
    ]
    return docs, queries, qrels


def _slash_blocks(lines: list[str]) -> Iterator[tuple[str, str]]:
    """NPL's layout: an id line, lines of text, then a line holding only ``/``."""
    block: list[str] = []
    for line in lines:
        if line.strip() == "/":
            if block:
                yield block[0].strip(), " ".join(part.strip() for part in block[1:])
            block = []
        elif line.strip() or block:
            block.append(line)
    if block:  # rlv-ass's last block has no "/"
        yield block[0].strip(), " ".join(part.strip() for part in block[1:])


def npl(source: Path) -> tuple[list[dict], dict[str, str], Qrels]:
    docs = [
        {"docno": docno, "title": "", "text": _clean(text)}
        for docno, text in _slash_blocks(read_lines(source / "doc-text"))
    ]
    queries = {
        qid: _clean(text).lower() for qid, text in _slash_blocks(read_lines(source / "query-text"))
    }
    qrels = [
        (qid, docno, 1)
        for qid, docnos in _slash_blocks(read_lines(source / "rlv-ass"))
        for docno in docnos.split()
    ]
    return docs, queries, qrels


COLLECTIONS = {"cranfield": cranfield, "cisi": cisi, "medline": medline, "npl": npl}


def write(outdir: Path, docs: list[dict], queries: dict[str, str], qrels: Qrels) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / "docs.jsonl", "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    with open(outdir / "queries.tsv", "w", encoding="utf-8") as fh:
        for qid, text in queries.items():
            fh.write(f"{qid}\t{text}\n")
    with open(outdir / "qrels.trec", "w", encoding="utf-8") as fh:
        for qid, docno, grade in qrels:
            fh.write(f"{qid} 0 {docno} {grade}\n")


def convert(name: str, outdir: Path, source: Path | None = None) -> tuple[int, int, int]:
    """Write the collection's three files; returns (documents, queries, judgements)."""
    docs, queries, qrels = COLLECTIONS[name](source or DATA / name)
    write(outdir, docs, queries, qrels)
    return len(docs), len(queries), len(qrels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collection", choices=sorted(COLLECTIONS))
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--source", type=Path, help="the collection's folder (default: shared)")
    args = parser.parse_args(argv)
    try:
        counts = convert(args.collection, args.outdir, args.source)
    except OSError as error:
        print(f"{error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    print("{} documents, {} queries, {} judgements".format(*counts), f"-> {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
