"""The backend's fast paths: indexing and scoring exactly as Whoosh's own paths do."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import StemmingAnalyzer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.formats import Positions
from whoosh.highlight import set_matched_filter
from whoosh.qparser import QueryParser
from whoosh.query import Phrase

from search.whoosh.highlight import _marked_tokens
from search.whoosh.patches import INLINE_POSTINGS
from search.whoosh.schema import _stem, _stemmed_text, _StemmedPositions
from search.whoosh.scoring import BestMatch, _best_matches, _scored_matches

DEMO = Path(__file__).resolve().parents[2] / "fixtures" / "demo"


def _demo_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEMO.glob("seeds/*.txt"))]
    with (DEMO / "state-dept-sample.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts


def _whoosh_postings(text: str, boost: float = 1.0) -> list:
    return list(Positions(field_boost=boost).word_values(text, StemmingAnalyzer(), mode="index"))


def _fast_postings(text: str, boost: float = 1.0) -> list:
    fast = _StemmedPositions(field_boost=boost)
    return list(fast.word_values(text, StemmingAnalyzer(), mode="index"))


def test_the_demo_texts_get_the_same_postings_both_ways():
    texts = _demo_texts()
    assert len(texts) > 100
    for text in texts:
        assert _fast_postings(text) == _whoosh_postings(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aAbéİß .,'-*_9\n")) | st.characters(), max_size=200),
    st.sampled_from([1.0, 2.0]),
)
def test_any_text_gets_the_same_postings_both_ways(text, boost):
    assert _fast_postings(text, boost) == _whoosh_postings(text, boost)


def _whoosh_marked(text: str, terms: frozenset[str]) -> list:
    tokens = StemmingAnalyzer()(text, chars=True, mode="query", removestops=False)
    return _token_facts(set_matched_filter(tokens, terms))


def _token_facts(tokens) -> list:
    return [(t.text, t.startchar, t.endchar, t.stopped, t.matched, t.boost) for t in tokens]


def test_the_demo_texts_are_marked_for_highlighting_as_whoosh_marks_them():
    for text in _demo_texts():
        words = text.lower().split()
        terms = frozenset(_stem(word) for word in words[::7]) | {"the", "minist"}
        assert _token_facts(_marked_tokens(text, terms)) == _whoosh_marked(text, terms)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aAbéİß .,'-*_9\n")) | st.characters(), max_size=200),
    st.frozensets(st.sampled_from(["a", "b", "ab", "é", "the", "9", "aa"])),
)
def test_any_text_is_marked_for_highlighting_as_whoosh_marks_it(text, terms):
    assert _token_facts(_marked_tokens(text, terms)) == _whoosh_marked(text, terms)


def test_words_after_the_first_kept_one_close_up_over_stop_words():
    postings = {word: value for word, _, _, value in _fast_postings("The EU and the UN a met")}
    fast = _StemmedPositions()
    assert {word: fast.decode_positions(value) for word, value in postings.items()} == {
        "eu": [1],
        "un": [2],
        "met": [3],
    }


def test_queries_and_other_analyzers_take_whooshs_own_path():
    text = "Ministers met in Rabat"
    simple = TEXT().analyzer
    fast = _StemmedPositions()
    assert list(fast.word_values(text, simple, mode="index")) == list(
        Positions().word_values(text, simple, mode="index")
    )
    query_words = [word for word, *_ in fast.word_values(text, StemmingAnalyzer(), mode="query")]
    assert query_words == ["minist", "met", "rabat"]


def _index(schema: Schema, texts: list[str]):
    storage = RamStorage()
    ix = storage.create_index(schema)
    with ix.writer() as writer:
        for number, text in enumerate(texts):
            writer.add_document(id=str(number), body=text)
    return ix


@pytest.fixture(scope="module")
def both_indexes():
    texts = _demo_texts()[:60]
    whoosh_ix = _index(Schema(id=ID(stored=True), body=TEXT(analyzer=StemmingAnalyzer())), texts)
    fast_ix = _index(Schema(id=ID(stored=True), body=_stemmed_text()), texts)
    return whoosh_ix, fast_ix, texts


def _postings(ix) -> dict:
    """Every term's postings: (document, weight, encoded positions)."""
    found = {}
    with ix.reader() as reader:
        for term in reader.all_terms():
            matcher, found[term] = reader.postings(*term), []
            while matcher.is_active():
                found[term].append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
    return found


def test_an_index_written_the_fast_way_is_the_same_index(both_indexes):
    whoosh_ix, fast_ix, texts = both_indexes
    assert _postings(fast_ix) == _postings(whoosh_ix)
    with whoosh_ix.reader() as theirs, fast_ix.reader() as ours:
        for docnum in range(len(texts)):
            assert ours.doc_field_length(docnum, "body") == theirs.doc_field_length(docnum, "body")
        assert ours.doc_field_length(0, "no_such_field", 7) == 7


def test_document_lengths_count_the_words_kept():
    schema = Schema(id=ID(stored=True), body=_stemmed_text())
    ix = _index(schema, ["Summit talks in the capital of Morocco", ""])
    with ix.reader() as reader:
        # "in", "the" and "of" are stop words.
        assert reader.doc_field_length(0, "body") == 4
        assert reader.doc_field_length(1, "body") is None


def test_phrases_are_found_in_an_index_written_the_fast_way():
    ix = _index(
        Schema(id=ID(stored=True), body=_stemmed_text()),
        ["The Secretary of State met the Foreign Minister.", "A minister of foreign trade."],
    )
    with ix.searcher() as searcher:
        hits = searcher.search(Phrase("body", ["foreign", "minist"]))
        assert [hit["id"] for hit in hits] == ["0"]


# Short posting lists kept in their term's entry read back as from blocks.


def _writer(ix, inline: bool):
    return ix.writer(codec=W3Codec(inlinelimit=INLINE_POSTINGS)) if inline else ix.writer()


def _two_segments(inline: bool):
    schema = Schema(
        id=ID(stored=True), body=_stemmed_text(), tags=KEYWORD(commas=True, scorable=False)
    )
    ix = RamStorage().create_index(schema)
    texts = _demo_texts()[:40]
    for part in (texts[:20], texts[20:]):
        with _writer(ix, inline) as writer:
            for number, text in enumerate(part):
                writer.add_document(id=text[:20], body=text, tags="a,b"[number % 2])
    return ix


def test_inlined_postings_read_back_the_same_before_and_after_a_merge():
    inlined, blocks = _two_segments(inline=True), _two_segments(inline=False)
    with inlined.reader() as reader:
        kept_inline = [
            term
            for term in reader.all_terms()
            for leaf, _offset in reader.leaf_readers()
            if term in leaf and leaf._terms.term_info(*term).is_inlined()
        ]
    assert kept_inline  # else this test compares two indexes written alike
    assert _postings(inlined) == _postings(blocks)
    for ix, inline in ((inlined, True), (blocks, False)):
        _writer(ix, inline).commit(optimize=True)  # merging reads every posting back
    assert _postings(inlined) == _postings(blocks)
    assert _postings(inlined)[("tags", b"a")]  # a field without values, merged too


# Scoring words with NumPy gives Whoosh's own scores.


@pytest.fixture(scope="module", params=[False, True], ids=["blocks", "inlined"])
def segmented_index(request):
    """Demo texts in three segments, two documents deleted: as a live index looks."""
    schema = Schema(
        id=ID(stored=True, unique=True),
        title=_stemmed_text(field_boost=2.0),
        body=_stemmed_text(),
        tags=KEYWORD(commas=True, scorable=False),
    )
    ix = RamStorage().create_index(schema)
    texts = _demo_texts()[:150]
    for part in range(3):
        with _writer(ix, inline=request.param) as writer:
            for number in range(part * 50, part * 50 + 50):
                first_line = texts[number].strip().splitlines()[0]
                writer.add_document(
                    id=str(number), title=first_line, body=texts[number], tags="a,b"[number % 2]
                )
    with ix.writer() as writer:
        writer.delete_by_term("id", "7")
        writer.delete_by_term("id", "60")
    return ix


WORD_QUERIES = [
    "minister",
    "secretary AND israel",
    "iran OR iraq OR sanctions",
    "secretary -israel",
    "title:call OR body:talks",
    "minister^3 OR bank",
    "tags:a AND minister",
    "nosuchwordanywhere",
    "secretary AND nosuchwordanywhere",
    '"foreign minister"',
    '"secretary of state"',
    '"attributable to spokesperson ned price"',
    '"minister"',
    '"foreign minister" OR bank',
    'title:"office of the spokesperson"',
    '"state department" -israel',
    '"minister foreign"',
]


@pytest.mark.parametrize("text", WORD_QUERIES)
def test_words_and_phrases_are_scored_as_whoosh_scores_them(segmented_index, text):
    query = QueryParser("body", segmented_index.schema).parse(text)
    with segmented_index.searcher() as searcher:
        theirs = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
        docs, scores = _scored_matches(searcher, query)
        live = [doc for doc in docs.tolist() if not searcher.reader().is_deleted(doc)]
        ours = dict(zip(docs.tolist(), scores.tolist(), strict=True))
    assert sorted(live) == sorted(theirs)
    assert all(ours[doc] == pytest.approx(theirs[doc], rel=1e-9) for doc in theirs)
    if "nosuch" not in text and "minister foreign" not in text:
        assert theirs  # not a comparison of two empty lists


@pytest.mark.parametrize(
    "text", ['"foreign minister"~3', "minist*", "body:[a TO c]", "(iran OR iraq)^2"]
)
def test_anything_but_words_is_left_to_whoosh(segmented_index, text):
    query = QueryParser("body", segmented_index.schema).parse(text)
    with segmented_index.searcher() as searcher:
        assert _scored_matches(searcher, query) is None


# Best matches for questions: Whoosh's own scores, ranked by the rule.

QUESTION_WORDS = ["secretary", "minister", "israel", "sanctions", "bank", "talks"]


def _whoosh_scores(searcher, text: str) -> dict[int, float]:
    query = QueryParser("body", searcher.schema).parse(text)
    return {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}


def _best(searcher, text: str, rule: BestMatch, *, rescore: bool = True) -> dict[int, float]:
    query = QueryParser("body", searcher.schema).parse(text)
    live = np.array([not searcher.reader().is_deleted(n) for n in range(searcher.doc_count_all())])
    docs, scores = _best_matches(searcher, query, rule, "body", live, rescore=rescore)
    return dict(zip(docs.tolist(), scores.tolist(), strict=True))


def _words_in(searcher, docnum: int, words: list[str]) -> int:
    return sum(docnum in _whoosh_scores(searcher, word) for word in words)


def test_a_best_match_without_a_rule_is_whooshs_or(segmented_index):
    text = " OR ".join(QUESTION_WORDS)
    with segmented_index.searcher() as searcher:
        theirs = _whoosh_scores(searcher, text)
        ours = _best(searcher, text, BestMatch())
    assert len(theirs) > 50
    assert ours.keys() == theirs.keys()
    assert all(ours[doc] == pytest.approx(theirs[doc], rel=1e-9) for doc in theirs)


@pytest.mark.parametrize("share", [0.3, 0.5, 1.0])
def test_a_best_match_needs_its_share_of_the_words_rounded_down(segmented_index, share):
    text = " OR ".join(QUESTION_WORDS)
    need = int(len(QUESTION_WORDS) * share)  # 1, 3, 6
    with segmented_index.searcher() as searcher:
        theirs = _whoosh_scores(searcher, text)
        ours = _best(searcher, text, BestMatch(minimum_should_match=share))
        kept = {doc for doc in theirs if _words_in(searcher, doc, QUESTION_WORDS) >= need}
    assert ours.keys() == kept
    assert all(ours[doc] == pytest.approx(theirs[doc], rel=1e-9) for doc in kept)
    assert len(kept) < len(theirs) or need == 1


def test_coordination_multiplies_by_the_share_of_words_found(segmented_index):
    text = " OR ".join(QUESTION_WORDS)
    with segmented_index.searcher() as searcher:
        theirs = _whoosh_scores(searcher, text)
        ours = _best(searcher, text, BestMatch(coordination=2.0))
        shares = {doc: _words_in(searcher, doc, QUESTION_WORDS) / 6 for doc in theirs}
    assert set(shares.values()) > {1 / 6, 2 / 6}  # several shares tested
    assert all(ours[doc] == pytest.approx(theirs[doc] * shares[doc] ** 2) for doc in theirs)


def test_phrases_raise_only_the_best_of_the_window(segmented_index):
    words = "secretary OR state OR foreign OR minister"
    phrases = '"secretary of state"^0.5 OR "foreign minister"^0.5'
    rule = BestMatch(window=10)
    with segmented_index.searcher() as searcher:
        plain = _whoosh_scores(searcher, words)
        ours = _best(searcher, f"{words} OR {phrases}", rule)
        unraised = _best(searcher, f"{words} OR {phrases}", rule, rescore=False)
        phrase_scores = [_whoosh_scores(searcher, p) for p in phrases.split(" OR ")]
    window = sorted(plain, key=lambda doc: (-plain[doc], doc))[:10]
    assert unraised == pytest.approx(plain)
    raised = 0
    for doc, score in ours.items():
        extra = sum(found.get(doc, 0.0) for found in phrase_scores) if doc in window else 0.0
        assert score == pytest.approx(plain[doc] + extra)
        raised += extra > 0
    assert raised  # some of the window has a phrase
    assert any(doc not in window for found in phrase_scores for doc in found)


def test_a_query_of_no_words_is_not_a_best_match(segmented_index):
    with segmented_index.searcher() as searcher:
        query = QueryParser("body", searcher.schema).parse('"foreign minister" OR tags:a')
        live = np.ones(searcher.doc_count_all(), dtype=bool)
        assert _best_matches(searcher, query, BestMatch(), "body", live, rescore=True) is None
