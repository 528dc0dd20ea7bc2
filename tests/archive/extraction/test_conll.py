"""CoNLL-2003 reading and exact-span scoring (archive.extraction.conll)."""

from __future__ import annotations

import lzma
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive.extraction.conll import (
    TYPES,
    Counts,
    count,
    evaluate,
    parse_conll,
    predicted_entities,
    read_conll,
    score,
    spans_from_tags,
)
from archive.extraction.extractor import RuleExtractor
from conftest import SHARED_DIR

from .conll_snippet import SNIPPET

VALID = SHARED_DIR / "data" / "conll2003-en" / "valid.txt.xz"


@dataclass
class FakeSpan:
    start: int
    end: int
    kind: str
    evidence: str = "gazetteer"


# -- tags to spans ---------------------------------------------------------------


def test_iob2_tags_start_every_entity_with_b():
    tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"]
    assert spans_from_tags(tags) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 6, "LOC")}


def test_iob1_tags_start_entities_with_i_and_use_b_only_between_neighbours():
    tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]
    assert spans_from_tags(tags) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")}


def test_misc_entities_are_dropped():
    assert spans_from_tags(["B-MISC", "I-MISC", "B-PER"]) == {(2, 3, "PER")}


def test_iobes_tags_are_read_too():
    assert spans_from_tags(["S-PER", "B-ORG", "E-ORG", "O"]) == {(0, 1, "PER"), (1, 3, "ORG")}


# -- scoring ---------------------------------------------------------------------


def test_only_exact_boundaries_and_type_count():
    gold = {(0, 2, "PER"), (5, 6, "LOC"), (8, 10, "ORG")}
    predicted = {
        (0, 2, "PER"),  # exact: true positive
        (5, 7, "LOC"),  # one token too long: false positive and a miss
        (8, 10, "PER"),  # right span, wrong type: false positive and a miss
    }
    counts = count(gold, predicted)
    assert (counts["PER"].tp, counts["PER"].fp, counts["PER"].fn) == (1, 1, 0)
    assert (counts["LOC"].tp, counts["LOC"].fp, counts["LOC"].fn) == (0, 1, 1)
    assert (counts["ORG"].tp, counts["ORG"].fp, counts["ORG"].fn) == (0, 0, 1)
    figures = score(counts)
    assert figures["PER"] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3})
    assert figures["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert figures["micro"]["precision"] == pytest.approx(1 / 3)
    assert figures["micro"]["recall"] == pytest.approx(1 / 3)


def test_misc_is_ignored_on_both_sides():
    counts = count({(0, 1, "MISC"), (2, 3, "PER")}, {(0, 1, "MISC"), (2, 3, "PER"), (4, 5, "X")})
    figures = score(counts)
    assert figures["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_empty_counts_score_zero_not_an_error():
    assert score({t: Counts() for t in TYPES})["micro"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }


# -- reading ---------------------------------------------------------------------


def test_reader_splits_documents_and_rebuilds_text_with_offsets():
    docs = parse_conll(SNIPPET.splitlines(keepends=True))
    assert len(docs) == 2
    first, second = docs
    assert first.text.split("\n") == [
        "Ilham Aliyev met Antonio Guterres in Baku on Monday .",
        "The Organisation of Islamic Cooperation said Azerbaijani officials agreed .",
    ]
    for i, token in enumerate(first.tokens):
        assert first.text[first.starts[i] : first.ends[i]] == token
    assert first.gold() == {(0, 2, "PER"), (3, 5, "PER"), (6, 7, "LOC"), (11, 15, "ORG")}
    assert second.text == "Sengendo spoke in Dakar ."
    assert second.gold() == {(0, 1, "PER"), (3, 4, "LOC")}  # IOB1


def test_reader_opens_xz_files(tmp_path: Path):
    path = tmp_path / "tiny.txt.xz"
    with lzma.open(path, "wt", encoding="utf-8") as fh:
        fh.write(SNIPPET)
    plain = tmp_path / "tiny.txt"
    plain.write_text(SNIPPET, encoding="utf-8")
    assert [d.text for d in read_conll(path)] == [d.text for d in read_conll(plain)]


# -- predicted spans -------------------------------------------------------------


def test_character_spans_map_to_tokens_and_unscored_kinds_are_dropped():
    doc = parse_conll(SNIPPET.splitlines(keepends=True))[0]
    text = doc.text
    aliyev = text.index("Ilham Aliyev")
    baku = text.index("Baku")
    oic = text.index("Organisation")
    azeri = text.index("Azerbaijani")
    spans = [
        FakeSpan(aliyev, aliyev + len("Ilham Aliyev"), "person"),
        FakeSpan(baku, baku + 2, "place"),  # inside a token: covers the token
        FakeSpan(oic, oic + len("Organisation of Islamic Cooperation"), "organisation"),
        FakeSpan(oic, oic + len("Organisation"), "organisation"),  # overlap: longer wins
        FakeSpan(azeri, azeri + len("Azerbaijani"), "place", evidence="demonym"),  # MISC
        FakeSpan(0, len("Ilham"), "event"),  # events are not scored
    ]
    assert predicted_entities(doc, spans) == {(0, 2, "PER"), (6, 7, "LOC"), (11, 15, "ORG")}


def test_evaluate_runs_the_extractor_on_each_document():
    docs = parse_conll(SNIPPET.splitlines(keepends=True))
    figures = score(evaluate(docs, RuleExtractor()))
    # Demonym "Azerbaijani" (MISC) must not count as a LOC false positive.
    assert figures["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


# -- the real validation set -------------------------------------------------------


def test_real_validation_set_reports_every_type():
    if not VALID.exists():
        pytest.skip(f"{VALID} is absent: CoNLL-2003 ships only with ../shared (research use)")
    docs = read_conll(VALID)
    figures = score(evaluate(docs, RuleExtractor()))
    assert set(figures) == {"PER", "ORG", "LOC", "micro"}
    for values in figures.values():
        assert set(values) == {"precision", "recall", "f1"}
        assert all(0.0 <= v <= 1.0 for v in values.values())
