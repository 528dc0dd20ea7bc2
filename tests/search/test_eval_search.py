"""eval_search: the metrics on hand-worked rankings, the readers, the command end to end.

No test here marks the database: the command must score a collection without it.
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from haystack import connections
from haystack.query import SearchQuerySet

from search.evaluation import (
    CollectionDoc,
    InputError,
    average_precision,
    evaluate,
    ndcg_at,
    or_terms_query,
    parse_docs,
    parse_qrels,
    parse_queries,
    precision_at,
)

CONVERTER = Path(__file__).resolve().parents[2] / "bench" / "ir" / "convert.py"
LOG2_3 = math.log2(3)

# Metrics


def test_average_precision_divides_by_every_relevant_document_retrieved_or_not():
    judgements = {"a": 1, "b": 2, "c": 1, "x": 0}
    # a at rank 1 (precision 1/1), b at rank 3 (2/3); c is never retrieved.
    assert average_precision(["a", "x", "b", "y"], judgements) == pytest.approx((1 + 2 / 3) / 3)


def test_unjudged_and_non_relevant_documents_count_as_misses():
    judgements = {"a": 1, "x": 0, "y": -1}
    ranking = ["u", "x", "y", "a"]  # u is unjudged; -1 is not relevant either
    assert average_precision(ranking, judgements) == pytest.approx(1 / 4)
    assert precision_at(ranking, judgements) == pytest.approx(0.1)
    assert ndcg_at(ranking, judgements) == pytest.approx(1 / math.log2(5))


def test_precision_at_10_divides_by_10_even_when_fewer_are_retrieved():
    judgements = {"a": 1, "b": 1}
    assert precision_at(["a", "x", "b"], judgements) == pytest.approx(0.2)
    assert precision_at(["a", "x", "b"], judgements, k=2) == pytest.approx(0.5)
    ranking = [f"d{n}" for n in range(10)] + ["a"]  # a is 11th: outside the top 10
    assert precision_at(ranking, judgements) == 0.0


def test_ndcg_uses_grades_as_gains():
    judgements = {"a": 3, "b": 1}
    # DCG of [b, a] = 1 + 3/log2(3); the ideal [a, b] = 3 + 1/log2(3).
    expected = (1 + 3 / LOG2_3) / (3 + 1 / LOG2_3)
    assert ndcg_at(["b", "a"], judgements) == pytest.approx(expected)
    assert ndcg_at(["a", "b"], judgements) == pytest.approx(1.0)


def test_binary_qrels_give_binary_ndcg():
    judgements = {"a": 1, "b": 1}
    assert ndcg_at(["x", "a", "b"], judgements) == pytest.approx(
        (1 / LOG2_3 + 1 / 2) / (1 + 1 / LOG2_3)
    )


def test_documents_of_equal_grade_can_swap_places():
    judgements = {"a": 2, "b": 2, "c": 1}
    assert ndcg_at(["a", "b", "c"], judgements) == pytest.approx(1.0)
    assert ndcg_at(["b", "a", "c"], judgements) == pytest.approx(1.0)
    assert average_precision(["b", "a", "x"], judgements) == pytest.approx(2 / 3)


def test_the_ideal_ranking_is_cut_at_k():
    judgements = {f"r{n}": 1 for n in range(12)}
    assert ndcg_at([f"r{n}" for n in range(10)], judgements) == pytest.approx(1.0)


def test_a_document_listed_twice_counts_once_at_its_first_rank():
    judgements = {"a": 1, "b": 1}
    assert average_precision(["a", "a", "b"], judgements) == pytest.approx(1.0)
    assert precision_at(["a", "a", "a"], judgements, k=2) == pytest.approx(0.5)


def test_a_query_without_relevant_documents_scores_zero_and_is_left_out_of_the_means():
    for judgements in ({}, {"x": 0}):
        assert average_precision(["x"], judgements) == 0.0
        assert precision_at(["x"], judgements) == 0.0
        assert ndcg_at(["x"], judgements) == 0.0
    qrels = {"1": {"a": 1}, "2": {"x": 0}, "9": {"a": 1}}  # 9 was not run: ignored
    scores = evaluate({"1": ["a"], "2": ["x"], "3": ["a"]}, qrels)
    assert scores.as_json() == {"map": 1.0, "p@10": 0.1, "ndcg@10": 1.0, "queries": 1}


def test_a_run_with_nothing_judged_gives_zeros():
    assert evaluate({"1": ["a"]}, {}).as_json() == {
        "map": 0.0,
        "p@10": 0.0,
        "ndcg@10": 0.0,
        "queries": 0,
    }


# Readers


def test_docs_reader_takes_docno_text_and_optional_title_and_date():
    docs = parse_docs(
        [
            '{"docno": "d1", "text": "Body.", "title": "Title", "date": "2025-03-04"}',
            "",
            '{"docno": 7, "text": "Only text."}',
        ]
    )
    assert [doc.docno for doc in docs] == ["d1", "7"]
    assert docs[0].title == "Title" and docs[0].date.isoformat() == "2025-03-04"
    assert docs[1] == CollectionDoc("7", "Only text.")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json", "line 2: not JSON"),
        ("[1, 2]", "line 2: not a JSON object"),
        ('{"text": "no id"}', "line 2: no docno"),
        ('{"docno": "a", "text": "again"}', "line 2: docno a appears twice"),
        ('{"docno": "b"}', "line 2: text (required)"),
        ('{"docno": "b", "text": "x", "date": "May 2025"}', "line 2: date 'May 2025'"),
    ],
)
def test_docs_reader_names_the_bad_line(line, problem):
    with pytest.raises(InputError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        parse_docs(['{"docno": "a", "text": "fine"}', line])


def test_queries_reader_keeps_file_order_and_skips_blank_lines():
    assert parse_queries(["2\tsecond query\n", "\n", "1\tfirst\r\n"]) == {
        "2": "second query",
        "1": "first",
    }
    with pytest.raises(InputError, match="line 1: expected qid<TAB>text"):
        parse_queries(["1 no tab here"])
    with pytest.raises(InputError, match="line 2: query 1 appears twice"):
        parse_queries(["1\ta", "1\tb"])


def test_qrels_reader_keeps_grades():
    assert parse_qrels(["1 0 d1 2", "1 0 d2 0", "", "2\tQ0\td1\t-1"]) == {
        "1": {"d1": 2, "d2": 0},
        "2": {"d1": -1},
    }
    with pytest.raises(InputError, match="line 1: expected 4 columns"):
        parse_qrels(["1 d1 1"])
    with pytest.raises(InputError, match="line 1: grade 'high'"):
        parse_qrels(["1 0 d1 high"])


def test_or_terms_variant_asks_for_any_word_and_never_for_operators():
    assert or_terms_query("Baku AND climate-finance?").backend_query == (
        "(baku OR and OR climate OR finance)"
    )
    assert or_terms_query("?!").is_empty


# The command on a hand-made collection

DOCS = [
    {"docno": "d1", "title": "Baku summit", "text": "Leaders met in Baku for the climate summit."},
    {"docno": "d2", "title": "Trade talks", "text": "Ministers discussed tariffs in Geneva."},
    {
        "docno": "d3",
        "title": "Climate finance",
        "text": "The summit agreed climate finance for island states.",
        "date": "2025-01-02",
    },
    {"docno": "d4", "title": "Sport", "text": "The football final was played in Baku."},
]
QUERIES = "q1\tclimate summit\nq2\tBaku football\nq3\ttariffs\n"
# q1: d1 and d3 hold both words. q2: only d4 holds both; d1 is relevant too but
# holds only "Baku". q3 has no relevant document and is left out.
QRELS = "q1 0 d1 1\nq1 0 d3 1\nq1 0 d2 0\nq2 0 d4 1\nq2 0 d1 1\nq3 0 d2 0\n"


@pytest.fixture
def collection(tmp_path) -> dict[str, str]:
    paths = {"docs": tmp_path / "docs.jsonl", "queries": tmp_path / "q.tsv"}
    paths["qrels"] = tmp_path / "qrels.trec"
    paths["docs"].write_text("".join(json.dumps(doc) + "\n" for doc in DOCS), encoding="utf-8")
    paths["queries"].write_text(QUERIES, encoding="utf-8")
    paths["qrels"].write_text(QRELS, encoding="utf-8")
    return {name: str(path) for name, path in paths.items()}


def eval_search(collection, *args) -> str:
    out = StringIO()
    call_command(
        "eval_search",
        "--docs",
        collection["docs"],
        "--queries",
        collection["queries"],
        "--qrels",
        collection["qrels"],
        *args,
        stdout=out,
    )
    return out.getvalue()


def test_the_archive_query_path_requires_every_word(collection):
    # q1: AP 1, P@10 2/10, nDCG 1. q2: d4 only: AP 1/2, P@10 1/10, nDCG 1/(1 + 1/log2 3).
    scores = json.loads(eval_search(collection, "--json"))
    assert scores == pytest.approx(
        {"map": 0.75, "p@10": 0.15, "ndcg@10": (1 + 1 / (1 + 1 / LOG2_3)) / 2, "queries": 2}
    )
    assert list(scores) == ["map", "p@10", "ndcg@10", "queries"]


def test_the_or_terms_variant_finds_documents_with_some_of_the_words(collection):
    # q2: d4 (both words) first, then d1 ("Baku" twice, title and text).
    scores = json.loads(eval_search(collection, "--json", "--variant", "or-terms"))
    assert scores == pytest.approx({"map": 1.0, "p@10": 0.2, "ndcg@10": 1.0, "queries": 2})


def test_the_text_report_and_per_query_lines(collection):
    out = eval_search(collection, "--verbosity", "2")
    assert "q2\tAP 0.5000\tP@10 0.1000\tretrieved 1" in out
    assert "4 documents, 3 queries (1 without relevant documents, left out)" in out
    assert "MAP 0.7500  P@10 0.1500" in out


def test_the_archive_index_is_left_alone(collection, search_index):
    eval_search(collection, "--json")
    assert SearchQuerySet().count() == 0
    assert [alias for alias in connections.connections_info if alias != "default"] == []


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("docs", '{"docno": "d1", "text": "x"}\n{oops\n', "line 2: not JSON"),
        ("docs", "", "no documents"),
        ("queries", "q1 climate\n", "line 1: expected qid<TAB>text"),
        ("qrels", "q1 0 d1\n", "line 1: expected 4 columns"),
        ("qrels", b"\xff\xfe\x00", "cannot read it"),
    ],
)
def test_a_bad_file_is_named_with_its_problem(collection, name, content, problem):
    path = Path(collection[name])
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        eval_search(collection)
    assert str(raised.value).startswith(f"{path}: ")
    assert problem in str(raised.value)


def test_a_missing_file_is_named(collection):
    collection["queries"] += ".missing"
    with pytest.raises(CommandError, match=r"q\.tsv\.missing: cannot read it"):
        eval_search(collection)


# The converter


def load_converter():
    spec = importlib.util.spec_from_file_location("ir_convert", CONVERTER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_converter_reads_cranfield_quirks(tmp_path):
    """Queries renumbered by position, grades reversed, a repeated field joined."""
    source = tmp_path / "cran"
    source.mkdir()
    (source / "cran.all.1400").write_text(
        ".I 1\n.T\nwing flow .\n.A\nsmith\n.B\nj. 1\n.W\nwing flow .\n  lift\n.W\nmore\n"
        ".I 2\n.T\n.W\ndrag\n"
    )
    (source / "cran.qry").write_text(".I 001\n.W\nwhat about lift .\n.I 004\n.W\ndrag ?\n")
    (source / "cranqrel").write_text("1 1 1\n1 2 4\n2 2 -1\n")
    convert = load_converter()
    assert convert.convert("cranfield", tmp_path / "out", source) == (2, 2, 3)
    docs = (tmp_path / "out" / "docs.jsonl").read_text().splitlines()
    assert json.loads(docs[0]) == {
        "docno": "1",
        "title": "wing flow",
        "text": "wing flow . lift more",
    }
    assert (tmp_path / "out" / "queries.tsv").read_text() == "1\twhat about lift .\n2\tdrag ?\n"
    assert (tmp_path / "out" / "qrels.trec").read_text() == "1 0 1 4\n1 0 2 1\n2 0 2 0\n"


def test_cranfield_scores_in_a_sane_range(shared_data, tmp_path):
    """The converter on all of Cranfield; the command on its 1,400 documents, 60 queries."""
    source = shared_data / "ir-classic" / "cranfield"
    if not source.is_dir():
        pytest.skip(f"{source} is absent")
    out = tmp_path / "cranfield"
    subprocess.run([sys.executable, str(CONVERTER), "cranfield", str(out)], check=True)
    files = {"docs": "docs.jsonl", "queries": "queries.tsv", "qrels": "qrels.trec"}
    collection = {name: str(out / file) for name, file in files.items()}
    assert len((out / "docs.jsonl").read_text().splitlines()) == 1400
    queries = (out / "queries.tsv").read_text().splitlines()
    assert len(queries) == 225
    # Sixty queries tell a working index from a broken one, in a third of the time.
    (out / "queries.tsv").write_text("\n".join(queries[:60]) + "\n")
    # The OR-of-words variant, shallow: the archive's AND finds too little to
    # tell a broken index from a working one.
    scores = json.loads(
        eval_search(collection, "--json", "--variant", "or-terms", "--depth", "100")
    )
    assert scores["queries"] == 60
    assert 0.2 < scores["map"] < 0.6
    assert 0.15 < scores["p@10"] < 0.5
    assert 0.25 < scores["ndcg@10"] < 0.7
