"""The eval_ner command: CoNLL file in, exact-span figures out."""

from __future__ import annotations

import json
import lzma
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.archive.extraction.conll_snippet import SNIPPET

KEYS = {"PER", "ORG", "LOC", "micro"}


def _run(*args: str) -> str:
    out = StringIO()
    call_command("eval_ner", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def snippet(tmp_path: Path) -> Path:
    path = tmp_path / "snippet.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


def test_json_output_has_exactly_the_three_types_and_micro(snippet):
    figures = json.loads(_run(str(snippet), "--json"))
    assert set(figures) == KEYS
    for values in figures.values():
        assert set(values) == {"precision", "recall", "f1"}
    # Every name of the made-up snippet is found with its exact span; the
    # demonym "Azerbaijani" (MISC to CoNLL) is not scored as a place.
    assert figures["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_table_output_names_each_type(snippet):
    output = _run(str(snippet))
    assert "2 documents" in output
    for name in KEYS:
        assert name in output


def test_xz_files_are_read_directly(tmp_path):
    path = tmp_path / "snippet.txt.xz"
    with lzma.open(path, "wt", encoding="utf-8") as fh:
        fh.write(SNIPPET)
    assert set(json.loads(_run(str(path), "--json"))) == KEYS


def test_missing_file_is_a_command_error_naming_it(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(CommandError, match=re.escape(str(missing))):
        _run(str(missing))


def test_unreadable_file_is_a_command_error_naming_it(tmp_path):
    broken = tmp_path / "broken.txt.xz"
    broken.write_bytes(b"this is not xz data")
    with pytest.raises(CommandError, match=re.escape(str(broken))):
        _run(str(broken))


def test_file_without_documents_is_a_command_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape(str(empty))):
        _run(str(empty))
