"""Each stage of extraction on its own: values in, values out, inputs untouched."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from archive.extraction.acronyms import link_acronyms
from archive.extraction.article_text import ArticleText
from archive.extraction.clusters import Cluster, build_resolution
from archive.extraction.extractor import default_extractor
from archive.extraction.mentions import find_mentions, mark_context, outside_matches
from archive.extraction.resolve import resolve_mentions
from archive.extraction.runs import read_runs
from archive.extraction.spans import Candidate, Findings, Mention, Unit
from archive.extraction.special_events import claim_special_events


@pytest.fixture(scope="module")
def gaz():
    return default_extractor().gazetteer


def article(gaz, text: str) -> ArticleText:
    return ArticleText(text, gaz, default_extractor()._matcher.find(text))


def findings(gaz, text: str) -> Findings:
    return find_mentions(gaz, text, 0, default_extractor()._matcher.find(text))


def test_unit_fields_have_names():
    unit = Unit(3, 8, "Baku", None)
    assert (unit.start, unit.end, unit.word, unit.match) == (3, 8, "Baku", None)
    assert unit._replace(word="Ganja").word == "Ganja"


def test_article_text_answers_about_lines_and_ordinary_words(gaz):
    at = article(gaz, "Talks ended.\nSupport for peace\nThey support it.")
    assert at.sentence_start(0) and at.sentence_start(13)
    assert not at.sentence_start(text_at(at, "peace"))
    assert at.alone_on_line(13, 30)
    assert at.ordinary_word("Support")  # written in lower case later
    assert not at.ordinary_word("Talks")


def text_at(at: ArticleText, word: str) -> int:
    return at.text.index(word)


def test_special_events_claim_an_acronym_defined_inside_the_name(gaz):
    at = article(gaz, "He opened the 2nd Azerbaijan Halal Business (AZHAB) Forum in Baku.")
    special = claim_special_events(at)
    (event,) = special.mentions
    assert event.kind == "event"
    assert event.name == "Azerbaijan Halal Business Forum"
    assert "AZHAB Forum" in event.aliases
    assert special.acronyms == {"AZHAB": event}
    assert special.claims == sorted(special.claims)
    assert any(s <= event.start < e for s, e in special.claims)


def test_runs_read_a_title_before_a_name_as_a_person_with_the_role(gaz):
    at = article(gaz, "Foreign Minister Jeyhun Bayramov met the delegation.")
    runs = read_runs(at, [])
    person = next(m for m in runs.mentions if m.kind == "person")
    assert person.surface == "Jeyhun Bayramov"
    assert person.role.startswith("Foreign Minister")
    assert person.title_alias == "Foreign Minister Jeyhun Bayramov"


def test_runs_leave_claimed_spans_alone(gaz):
    text = "Minister Jeyhun Bayramov spoke."
    at = article(gaz, text)
    runs = read_runs(at, [(0, len("Minister Jeyhun Bayramov"))])
    assert not [m for m in runs.mentions if m.kind == "person"]
    assert not runs.candidates and not runs.singles


def test_a_title_after_an_earlier_stage_mention_does_not_change_it(gaz):
    text = "Jeyhun Bayramov, Foreign Minister of Azerbaijan, spoke."
    at = article(gaz, text)
    earlier = Mention(kind="person", start=0, end=15, surface="Jeyhun Bayramov")
    before = copy.deepcopy(earlier)
    read_runs(at, [(0, 15)], [earlier])
    assert earlier == before


def test_outside_matches_finds_lower_case_names_and_skips_emitted_ones(gaz):
    at = article(gaz, "After the 44-day war, talks resumed.")
    found = outside_matches(at, [], frozenset())
    assert [m.kind for m in found] == ["event"]
    assert outside_matches(at, [], frozenset(id(m) for m in at.matches)) == []


def test_link_acronyms_returns_new_findings_and_leaves_its_input(gaz):
    text = "The Islamic Development Bank (IsDB) met. The IsDB agreed."
    found = findings(gaz, text)
    raw = Findings(text=text, body_start=0, mentions=[], candidates=[], singles=[])
    raw.mentions = [copy.copy(m) for m in found.mentions if m.surface != "IsDB"]
    before = copy.deepcopy(raw)
    linked = link_acronyms(raw)
    assert raw == before
    assert linked is not raw
    assert "IsDB" in linked.acronyms


def test_mark_context_marks_candidates_in_shouted_lines_weak(gaz):
    text = "SERIOUS TALKS\nMedvedev spoke."
    at = ArticleText(text, gaz, [], shouted=[(0, 13)])
    cands = [Candidate(0, 7, "Serious", ("Serious",)), Candidate(14, 22, "Medvedev", ("Medvedev",))]
    marked = mark_context(at, cands)
    assert [c.weak for c in marked] == [True, False]
    assert [c.weak for c in cands] == [False, False]  # the input is unchanged


def test_resolve_mentions_never_changes_its_input(gaz):
    text = (
        "President Ilham Aliyev received OIC Secretary General Hissein Ibrahim Taha in Baku. "
        "Aliyev thanked the OIC. The AZHAB Forum opened."
    )
    found = findings(gaz, text)
    before = copy.deepcopy(found)
    resolution = resolve_mentions(gaz, found, dt.date(2025, 10, 9))
    assert found == before
    people = {e.name for e in resolution.entities if e.kind == "person"}
    assert {"Ilham Aliyev", "Hissein Ibrahim Taha"} <= people


def test_resolution_is_the_same_whatever_was_resolved_before(gaz):
    first = findings(gaz, "Minister Bayramov met Minister Mirzoyan. Bayramov spoke.")
    second = findings(gaz, "Secretary Blinken spoke with Kuleba. Blinken said so.")
    alone = resolve_mentions(gaz, second, None).entities
    resolve_mentions(gaz, first, None)
    again = resolve_mentions(gaz, second, None).entities
    assert again == alone


def test_dropped_mentions_make_no_entity():
    kept = Mention(kind="organisation", start=0, end=3, surface="OIC")
    dropped = Mention(kind="organisation", start=10, end=13, surface="IDB", dropped=True)
    only_dropped = Cluster(kind="organisation", name="IDB", mentions=[dropped])
    cluster = Cluster(kind="organisation", name="OIC", mentions=[kept, dropped])
    resolution = build_resolution([only_dropped, cluster], body_start=0)
    assert [e.name for e in resolution.entities] == ["OIC"]
    assert resolution.entities[0].count == 1
    assert [m for m, _ in resolution.spans] == [kept]


def test_a_findings_copy_copies_the_mentions_of_its_kinds_field_for_field():
    import dataclasses as _dc

    from archive.extraction.spans import Findings, Mention

    org = Mention(kind="organisation", start=0, end=3, surface="OIC", aliases=("O",), acronym="O")
    place = Mention(kind="place", start=5, end=9, surface="Baku")
    found = Findings(text="OIC, Baku", body_start=0, mentions=[org, place], acronyms={"O": org})
    work = found.copy(kinds={"organisation"})
    assert work.mentions[0] is not org and _dc.asdict(work.mentions[0]) == _dc.asdict(org)
    assert work.mentions[1] is place
    assert work.acronyms["O"] is work.mentions[0]
