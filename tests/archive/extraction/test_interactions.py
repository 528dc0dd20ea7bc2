"""Encounters read from articles: kind, participants, host, place, date, status."""

from __future__ import annotations

import datetime as dt

from archive.extraction.interactions import Named, find_interactions

PEOPLE = {
    "Antony J. Blinken": Named("person", "Antony J. Blinken"),
    "Blinken": Named("person", "Antony J. Blinken"),
    "Dmytro Kuleba": Named("person", "Dmytro Kuleba"),
    "Kuleba": Named("person", "Dmytro Kuleba"),
    "Ilham Aliyev": Named("person", "Ilham Aliyev"),
    "Hissein Ibrahim Taha": Named("person", "Hissein Ibrahim Taha"),
    "OIC": Named("organisation", "Organisation of Islamic Cooperation"),
    "OIC Contact Group": Named("organisation", "OIC Contact Group"),
    "Beirut": Named("place", "Beirut", "city"),
    "Lebanon": Named("place", "Lebanon", "country"),
    "Vienna": Named("place", "Vienna", "city"),
    "Azerbaijan": Named("place", "Azerbaijan", "country"),
    "Aghdam": Named("place", "Aghdam", "region"),
    "Ganja": Named("place", "Ganja", "city"),
    "Japan": Named("place", "Japan", "country"),
    "Belgium": Named("place", "Belgium", "country"),
    "Chung": Named("person", "Chung Eui-yong"),
    "John Aquilino": Named("person", "John Aquilino"),
    "Funakoshi Takehiro": Named("person", "Funakoshi Takehiro"),
}
TUESDAY = dt.date(2022, 3, 1)


def found(body: str, title: str = "News", published: dt.date = TUESDAY):
    return [
        (f.kind, f.status, f.date, [p.name for p in f.participants], f.offices, f.place)
        for f in find_interactions(title, body, published, PEOPLE)
    ]


def test_a_call_today_and_one_yesterday():
    assert found("Secretary Blinken spoke today with Foreign Minister Dmytro Kuleba.") == [
        ("call", "held", TUESDAY, ["Antony J. Blinken", "Dmytro Kuleba"], [], "")
    ]
    (call,) = found("Secretary Blinken spoke by phone yesterday with Dmytro Kuleba.")
    assert call[2] == dt.date(2022, 2, 28)


def test_a_readouts_title_and_its_first_sentence_are_one_call():
    (call,) = found(
        "The Secretary spoke today with Ukrainian Foreign Minister Dmytro Kuleba about aid.",
        title="Secretary Blinken’s Call with Ukrainian Foreign Minister Kuleba",
    )
    assert call[:4] == ("call", "held", TUESDAY, ["Antony J. Blinken", "Dmytro Kuleba"])


def test_the_host_receives_and_a_title_of_an_organisation_is_no_participant():
    (meeting,) = find_interactions(
        "News",
        "President Ilham Aliyev has received Secretary General of the OIC Hissein Ibrahim Taha.",
        TUESDAY,
        PEOPLE,
    )
    assert meeting.kind == "meeting"
    assert [p.name for p in meeting.participants] == ["Ilham Aliyev", "Hissein Ibrahim Taha"]
    assert meeting.host.name == "Ilham Aliyev"


def test_will_meet_is_planned_and_on_a_weekday_is_that_day():
    (meeting,) = found("Secretary Blinken will meet with Dmytro Kuleba on Thursday.")
    assert meeting[:3] == ("meeting", "planned", dt.date(2022, 3, 3))
    (held,) = found("Secretary Blinken met with Dmytro Kuleba on Monday.")
    assert held[:3] == ("meeting", "held", dt.date(2022, 2, 28))


def test_a_trip_is_one_visit_a_place_and_a_country_after_its_town_is_no_second_visit():
    visits = found("Secretary Blinken traveled to Beirut, Lebanon and Vienna on February 27.")
    assert [(v[0], v[2], v[5]) for v in visits] == [
        ("visit", dt.date(2022, 2, 27), "Beirut"),
        ("visit", dt.date(2022, 2, 27), "Vienna"),
    ]


def test_a_visit_without_its_place_dates_the_visit_the_article_names():
    body = (
        "The press conference followed the OIC Contact Group delegation's visit to "
        "Azerbaijan’s Aghdam region. On April 6, 2021, the representatives of the OIC "
        "Contact Group visited the above district."
    )
    (visit,) = found(body, published=dt.date(2021, 4, 8))
    assert visit == ("visit", "held", dt.date(2021, 4, 6), ["OIC Contact Group"], [], "Aghdam")


def test_he_is_the_person_the_article_reported_last():
    body = "Secretary Blinken will travel to Vienna on Thursday. He will meet with Dmytro Kuleba."
    meeting = [f for f in found(body) if f[0] == "meeting"]
    assert meeting[0][3] == ["Antony J. Blinken", "Dmytro Kuleba"]


def test_talk_in_a_transcript_in_the_first_person_or_in_past_years_is_no_report():
    assert found("QUESTION: Did he meet?\nMR PRICE: Secretary Blinken met with Kuleba.") == []
    assert found("When I met with Dmytro Kuleba, Secretary Blinken listened.") == []
    assert found("In 2015, Secretary Blinken met with Dmytro Kuleba.") == []


def test_a_sentence_naming_one_side_only_is_no_encounter():
    assert found("Secretary Blinken met with reporters.") == []


def test_a_title_names_a_person_by_one_word_of_the_name_the_article_gives():
    names = {
        **PEOPLE,
        "Akiba Takeo": Named("person", "Akiba Takeo"),
        "Takeo Mori": Named("person", "Takeo Mori"),
    }
    (meeting,) = find_interactions(
        "Secretary Blinken’s Meeting with Japanese National Security Advisor Akiba",
        "The two discussed the alliance.",
        TUESDAY,
        names,
    )
    # "Takeo" names two people here: only "Akiba" is taken for one.
    assert [p.name for p in meeting.participants] == ["Antony J. Blinken", "Akiba Takeo"]


def test_a_title_with_calls_to_two_counterparts():
    (calls,) = find_interactions(
        "Secretary Blinken’s Calls with Foreign Minister Kuleba and President Aliyev",
        "Text.",
        TUESDAY,
        PEOPLE,
    )
    assert calls.kind == "call"
    assert [p.name for p in calls.participants] == [
        "Antony J. Blinken",
        "Dmytro Kuleba",
        "Ilham Aliyev",
    ]


# The error classes of the hand-checked sample of 2026-12-07, one made-up case each.


def test_a_briefer_on_someones_travel_is_not_the_traveller():
    # "<briefer> on the Secretary's Upcoming Travel to ...": the Secretary travels.
    visits = find_interactions(
        "Senior Official Dmytro Kuleba on the Secretary’s Upcoming Travel to Vienna and Beirut",
        "Text.",
        TUESDAY,
        PEOPLE,
    )
    assert [(v.participants, v.offices, v.place) for v in visits] == [
        ([], ["Secretary"], "Vienna"),
        ([], ["Secretary"], "Beirut"),
    ]
    (visit,) = find_interactions(
        "Briefing with Foreign Ministry Officials About Secretary Blinken’s Trip to Vienna",
        "Text.",
        TUESDAY,
        PEOPLE,
    )
    assert [p.name for p in visit.participants] == ["Antony J. Blinken"]


def test_will_said_of_someone_else_does_not_make_an_encounter_planned():
    # The "will" is Kuleba's; the visit named in passing has happened.
    (visit,) = found(
        "Dmytro Kuleba will then speak at a forum to discuss the questions raised during "
        "Secretary Blinken’s visit to Vienna."
    )
    assert visit[:2] == ("visit", "held")
    assert visit[3:] == (["Antony J. Blinken"], [], "Vienna")
    # Said of the subject of the clause the visit is in, it does.
    visits = found(
        "From March 5, Dmytro Kuleba will accompany Secretary Blinken on his travel to Vienna."
    )
    assert [v[1:3] for v in visits] == [("planned", dt.date(2022, 3, 5))]
    # A time to come before the subject still makes it planned.
    (trip,) = found("Next week, Secretary Blinken travels to Vienna.")
    assert trip[1] == "planned"
    # "tomorrow" of what the meeting was for: the meeting was today.
    (meeting,) = found("Secretary Blinken met today with Dmytro Kuleba to plan the talks tomorrow.")
    assert meeting[1:3] == ("held", TUESDAY)


def test_a_sentence_with_initials_and_dotted_abbreviations_is_read_whole():
    # Its day ("yesterday") is read, not the article's: the sentence was lost at "U.S.".
    (call,) = found(
        "Office of the Spokesperson\n\nSecretary of State Antony J. Blinken spoke yesterday "
        "with Dmytro Kuleba to reaffirm U.S. support for our partners in Washington, D.C. "
        "They also discussed Lebanon."
    )
    assert call[:3] == ("call", "held", dt.date(2022, 2, 28))
    assert call[3] == ["Antony J. Blinken", "Dmytro Kuleba"]
    # "our" after the verb is a readout's; "we" before it is a speaker's.
    assert found("As we said, Secretary Blinken met with Dmytro Kuleba.") == []


def test_a_place_the_encounter_was_about_is_not_where_it_was():
    (call,) = found("Secretary Blinken spoke today with Dmytro Kuleba about the crisis in Lebanon.")
    assert call[5] == ""
    (meeting,) = found("Secretary Blinken met today with Dmytro Kuleba in Vienna to discuss Beirut")
    assert meeting[5] == "Vienna"


def test_a_titles_travel_is_to_the_places_listed_after_to():
    names = {**PEOPLE, "Energy Week": Named("place", "Energy Week", "city")}
    visits = find_interactions(
        "Secretary Blinken’s Travel to Vienna and Beirut, Lebanon for Energy Week",
        "Text.",
        TUESDAY,
        names,
    )
    assert [v.place for v in visits] == ["Vienna", "Beirut"]


# The error classes of the hand-checked sample of 2026-12-07b, one made-up case each.

STAFF = {
    **PEOPLE,
    "Bjoern Seibert": Named("person", "Bjoern Seibert"),
    "Ursula von der Leyen": Named("person", "Ursula von der Leyen"),
    "European Commission": Named("organisation", "European Commission"),
    "Andriy Yermak": Named("person", "Andriy Yermak"),
    "Zelenskyy": Named("person", "Volodymyr Zelenskyy"),
    "Bridget Brink": Named("person", "Bridget Brink"),
    "Ukraine": Named("place", "Ukraine", "country"),
}


def test_a_person_named_in_someone_elses_title_is_no_participant():
    def who(body):
        return [
            [p.name for p in f.participants]
            for f in find_interactions("News", body, TUESDAY, STAFF)
        ]

    pair = [["Antony J. Blinken", "Bjoern Seibert"]]
    assert (
        who(
            "Secretary Blinken spoke today with Bjoern Seibert, Chief of Staff for European "
            "Commission President Ursula von der Leyen, to follow up on their call."
        )
        == pair
    )
    adviser = "Blinken met with Bjoern Seibert, adviser to President Ursula von der Leyen."
    assert who(adviser) == pair
    # Before the name, with or without a possessive.
    yermak = [["Antony J. Blinken", "Andriy Yermak"]]
    assert who("Blinken met with President Zelenskyy’s Chief of Staff Andriy Yermak.") == yermak
    assert who("Blinken met with Chief of Staff to President Zelenskyy Andriy Yermak.") == yermak
    # An ambassador to a country, and a list, name everyone.
    assert who(
        "Blinken met with Bjoern Seibert, U.S. Ambassador to Ukraine Bridget Brink, and "
        "President Zelenskyy."
    ) == [["Antony J. Blinken", "Bjoern Seibert", "Bridget Brink", "Volodymyr Zelenskyy"]]


def test_a_visit_said_as_a_noun_reports_none_unless_it_is_past_or_to_come():
    # The announcement is planned; "Blinken’s travel to Vienna emphasizes" does not make it held.
    (visit,) = found(
        "Secretary Blinken will travel to Vienna, March 5-8. Secretary Blinken’s travel to "
        "Vienna emphasizes the importance of our partnership."
    )
    assert visit[:3] == ("visit", "planned", dt.date(2022, 3, 5))
    assert found("Secretary Blinken’s travel to Vienna emphasizes our partnership.") == []
    (held,) = found("Kuleba spoke on the results of Secretary Blinken’s visit to Vienna.")
    assert held[:2] == ("visit", "held")


def test_speaking_to_an_audience_is_no_call():
    assert found("Secretary Blinken will speak to the OIC alumni about Dmytro Kuleba.") == []
    assert found("Secretary Blinken spoke to students and Dmytro Kuleba's staff.") == []
    (call,) = found("Secretary Blinken spoke to Foreign Minister Dmytro Kuleba today.")
    assert call[:4] == ("call", "held", TUESDAY, ["Antony J. Blinken", "Dmytro Kuleba"])


def test_a_clause_ends_where_a_second_verb_opens():
    (call,) = found(
        "Secretary Blinken had a phone call with Dmytro Kuleba and issued a statement with "
        "President Aliyev."
    )
    assert call[3] == ["Antony J. Blinken", "Dmytro Kuleba"]


ISSUERS = {
    **PEOPLE,
    "Janet L. Yellen": Named("person", "Janet L. Yellen"),
    "Yellen": Named("person", "Janet L. Yellen"),
    "Josep Borrell": Named("person", "Josep Borrell"),
    "EU": Named("organisation", "European Union"),
    "European Union": Named("organisation", "European Union"),
    "African Union Commission": Named("organisation", "African Union Commission"),
    "Ruslan Edelgeriyev": Named("person", "Ruslan Edelgeriyev"),
    "Edelgeriyev": Named("person", "Ruslan Edelgeriyev"),
    "Putin": Named("person", "Vladimir Putin"),
    "United States": Named("place", "United States", "country"),
    "Japan": Named("place", "Japan", "country"),
}


def statements(title, body, names=ISSUERS):
    return [
        (f.kind, f.status, f.date, [p.name for p in f.participants])
        for f in find_interactions(title, body, TUESDAY, names)
    ]


def test_a_release_titled_joint_statement_is_one_by_its_issuers():
    assert statements(
        "Joint Statement by Secretary of State Antony J. Blinken and Treasury Secretary Janet "
        "L. Yellen Commending the United Kingdom’s Sanctions",
        "Office of the Spokesperson\n\nBegin text:\n\nThe United States welcomes it.",
    ) == [("joint statement", "held", TUESDAY, ["Antony J. Blinken", "Janet L. Yellen"])]
    # The issuers from the lead ("released by"), a person's organisation left to the person.
    assert statements(
        "U.S.-EU: Joint Statement on Lebanon",
        "Office of the Spokesperson\n\nThe following statement was released by Secretary of "
        "State Antony J. Blinken and the EU High Representative for Foreign Affairs and "
        "Security Policy Josep Borrell on Lebanon.\n\nBegin text:\n\nWe are concerned.",
    ) == [("joint statement", "held", TUESDAY, ["Antony J. Blinken", "Josep Borrell"])]
    # Organisations when fewer than two people are named; countries are no participants.
    assert (
        statements(
            "Joint Statement on the Eighth U.S.-AUC High-Level Dialogue",
            "The text of the following statement was released by the Government of the United "
            "States and the African Union Commission.\n\nBegin Text:\n\nThe dialogue met.",
        )
        == []
    )
    assert statements(
        "Joint Statement by Secretary Blinken and the European Union on Lebanon", "Text."
    ) == [("joint statement", "held", TUESDAY, ["Antony J. Blinken", "European Union"])]
    # What a statement is about names no issuer.
    assert statements("Joint Statement on the Meeting of Blinken and Kuleba", "Text.") == []


def test_a_sentence_says_who_issued_a_joint_statement():
    assert statements(
        "News",
        "Secretary Blinken and Foreign Minister Kuleba issued a joint statement today.",
    ) == [("joint statement", "held", TUESDAY, ["Antony J. Blinken", "Dmytro Kuleba"])]
    # With a call in the same sentence: each has its own counterpart.
    found_here = statements(
        "News",
        "Envoy Blinken also had a phone call with President Putin and issued a Joint Statement "
        "on the Climate Challenge with Special Representative Edelgeriyev.",
    )
    assert found_here == [
        ("joint statement", "held", TUESDAY, ["Antony J. Blinken", "Ruslan Edelgeriyev"]),
        ("call", "held", TUESDAY, ["Antony J. Blinken", "Vladimir Putin"]),
    ]
    (planned,) = statements(
        "News", "Secretary Blinken and Secretary Yellen will issue a joint statement on Monday."
    )
    assert planned[:3] == ("joint statement", "planned", dt.date(2022, 3, 7))


def test_a_statement_mostly_by_countries_is_not_the_organisations_it_also_names():
    names = {
        **ISSUERS,
        "Arab League": Named("organisation", "Arab League"),
        "Italy": Named("place", "Italy", "country"),
        "Canada": Named("place", "Canada", "country"),
    }
    assert (
        statements(
            "Joint Statement on Syria",
            "The text of the following statement was released by the Governments of the United "
            "States, Italy, Canada, Japan, the Arab League and the European Union.\n\nBegin text:",
            names,
        )
        == []
    )


def test_an_encounter_with_nobody_doing_it_is_none():
    # Whose meetings? The sentence does not say: Kuleba and Aliyev did not meet.
    body = "In Vienna, reinforced support in meetings with Kuleba and President Aliyev."
    assert found(body) == []


def test_hosting_an_event_is_no_meeting_with_its_organisers():
    names = {**PEOPLE, "ASEAN Regional Forum": Named("organisation", "ASEAN Regional Forum")}
    body = "Secretary Blinken hosted the ASEAN Regional Forum Symposium on Peace on Tuesday."
    assert find_interactions("News", body, TUESDAY, names) == []
    body = "The OIC and Secretary Blinken co-hosted the ASEAN Regional Forum on Tuesday."
    assert find_interactions("News", body, TUESDAY, names) == []
    (received,) = found("Secretary Blinken hosted the OIC Contact Group on Tuesday.")
    assert received[3] == ["Antony J. Blinken", "OIC Contact Group"]


def test_a_titles_travel_was_held_when_the_body_reports_the_trip_held():
    visits = found(
        "Secretary Blinken traveled to Ganja on February 25 to discuss climate.",
        title="Secretary Blinken’s Visit to Vienna and Lebanon",
    )
    assert [(v[1], v[2], v[5]) for v in visits] == [
        ("held", TUESDAY, "Vienna"),  # on or before the report
        ("held", TUESDAY, "Lebanon"),
        ("held", dt.date(2022, 2, 25), "Ganja"),
    ]
    # Announced, it stays planned and undated.
    visits = found(
        "Secretary Blinken will travel to the region.",
        title="Secretary Blinken’s Visit to Vienna and Lebanon",
    )
    assert [(v[1], v[2], v[5]) for v in visits] == [
        ("planned", None, "Vienna"),
        ("planned", None, "Lebanon"),
    ]


def test_he_after_an_office_is_that_office_not_its_counterpart():
    meetings = found(
        "The Secretary will also meet with President Aliyev in Ganja. In Vienna, he will meet "
        "with Foreign Minister Dmytro Kuleba."
    )
    assert [(m[3], m[4]) for m in meetings] == [
        (["Ilham Aliyev"], ["Secretary"]),
        (["Dmytro Kuleba"], ["Secretary"]),
    ]


def test_speaking_with_someone_at_a_meeting_is_a_meeting_not_a_call():
    (meeting,) = found(
        "Secretary Blinken spoke today with Dmytro Kuleba during the OIC Foreign Ministers’ "
        "Meeting."
    )
    assert meeting[:4] == ("meeting", "held", TUESDAY, ["Antony J. Blinken", "Dmytro Kuleba"])


def test_what_the_two_discussed_is_no_counterpart():
    (meeting,) = found(
        "Secretary Blinken met with Dmytro Kuleba today in Washington, D.C. Secretary Blinken "
        "and Foreign Minister Kuleba discussed President Aliyev’s proposal."
    )
    assert meeting[3] == ["Antony J. Blinken", "Dmytro Kuleba"]


def test_a_meeting_with_nobody_named_on_the_other_side_is_none():
    # The names before "met with" are one side; "representatives of a coalition" no other.
    assert found("Secretary Blinken and Dmytro Kuleba met yesterday with representatives.") == []
    # Without "with", the one named after "met" is the other side.
    (meeting,) = found("Secretary Blinken met Dmytro Kuleba in Vienna on Monday.")
    assert meeting[3] == ["Antony J. Blinken", "Dmytro Kuleba"]


def test_where_a_meeting_was_is_no_participant():
    names = {**PEOPLE, "Department of State": Named("organisation", "U.S. Department of State")}
    (meeting,) = find_interactions(
        "News", "Secretary Blinken meets with Kuleba at the Department of State.", TUESDAY, names
    )
    assert [p.name for p in meeting.participants] == ["Antony J. Blinken", "Dmytro Kuleba"]


def test_what_had_happened_before_the_story_is_no_report():
    assert found("Detained near Damascus, Kuleba had traveled to Lebanon to report.") == []
    (call,) = found("Secretary Blinken had a phone call with Dmytro Kuleba.")
    assert call[0] == "call"


def test_a_visitor_is_the_name_just_before_the_visit_only_when_it_is_theirs():
    # An appositive list before "visited": the traveller is the person it opens with.
    (visit,) = found(
        "Secretary Blinken and a delegation, including representatives from the OIC, visited "
        "Vienna on February 27."
    )
    assert visit[3] == ["Antony J. Blinken"]


def test_a_sentence_goes_on_after_washington_dc_only_into_a_name():
    meeting, visit = found(
        "Secretary Blinken met with Dmytro Kuleba in Washington, D.C. President Aliyev "
        "visited Vienna later."
    )
    assert meeting[3] == ["Antony J. Blinken", "Dmytro Kuleba"]
    assert visit[3:] == (["Ilham Aliyev"], [], "Vienna")


def test_who_did_it_is_not_named_in_a_phrase_before_the_subject_or_another_clause():
    (meeting,) = [
        f
        for f in found(
            "Following President Aliyev’s travel to Vienna, Secretary Blinken will meet with "
            "Dmytro Kuleba."
        )
        if f[0] == "meeting"
    ]
    assert meeting[3] == ["Antony J. Blinken", "Dmytro Kuleba"]
    (visit,) = found(
        "Secretary Blinken sent his best wishes from President Aliyev as Dmytro Kuleba travels "
        "to Vienna for care."
    )
    assert visit[3] == ["Dmytro Kuleba"]
    # "as well as" opens no clause.
    (meeting,) = found("Secretary Blinken as well as President Aliyev met with Dmytro Kuleba.")
    assert meeting[3] == ["Antony J. Blinken", "Ilham Aliyev", "Dmytro Kuleba"]


def test_a_sentence_opening_in_a_place_says_where_and_two_places_are_two_meetings():
    meetings = found(
        "In Vienna, Secretary Blinken will meet with Dmytro Kuleba. In Ganja, Secretary Blinken "
        "will meet with Dmytro Kuleba and President Aliyev."
    )
    assert [(m[3], m[5]) for m in meetings] == [
        (["Antony J. Blinken", "Dmytro Kuleba"], "Vienna"),
        (["Antony J. Blinken", "Dmytro Kuleba", "Ilham Aliyev"], "Ganja"),
    ]


def test_a_clause_ends_where_the_subject_does_something_else():
    (meeting,) = found(
        "Secretary Blinken will meet with Dmytro Kuleba and deliver remarks at Ganja University."
    )
    assert meeting[5] == ""


def test_a_visit_goes_to_the_place_right_after_its_verb():
    assert found("Secretary Blinken’s visit will reinforce Lebanon’s democracy.") == []
    (visit,) = found("Secretary Blinken traveled to the city of Vienna on Monday.")
    assert visit[5] == "Vienna"


def test_a_day_that_names_something_else_is_not_the_encounters():
    (visit,) = found(
        "They discussed the March 24 OIC Summit and Secretary Blinken’s upcoming visit to Vienna."
    )
    assert visit[1:3] == ("planned", None)


def test_what_is_said_not_to_happen_is_no_encounter():
    assert found("Secretary Blinken will no longer travel to Vienna on March 10.") == []
    assert found("Secretary Blinken did not meet with Dmytro Kuleba.") == []
    (meeting,) = found("Secretary Blinken not only met with Dmytro Kuleba but also spoke.")
    assert meeting[0] == "meeting"


def test_calls_held_to_discuss_something_with_someone():
    (call,) = found(
        "On February 26, Secretary Blinken held calls to discuss the February 26 launch with "
        "Foreign Minister Dmytro Kuleba."
    )
    assert call[:4] == (
        "call",
        "held",
        dt.date(2022, 2, 26),
        ["Antony J. Blinken", "Dmytro Kuleba"],
    )


def test_where_one_meets_from_is_no_participant():
    names = {**PEOPLE, "Department of State": Named("organisation", "U.S. Department of State")}
    (meeting,) = find_interactions(
        "News",
        "Secretary Blinken meets virtually with the OIC Contact Group, from the Department of "
        "State.",
        TUESDAY,
        names,
    )
    assert [p.name for p in meeting.participants] == ["Antony J. Blinken", "OIC Contact Group"]


def test_a_day_after_the_report_is_to_come_and_so_is_the_rest_of_the_trip():
    visits = found(
        "Secretary Blinken traveled to Vienna February 25 – March 1. Secretary Blinken is "
        "traveling to Ganja March 2-4.",
        title="Secretary Blinken’s Travel to Vienna and Lebanon",
    )
    assert [(v[1], v[2], v[5]) for v in visits] == [
        ("held", dt.date(2022, 2, 25), "Vienna"),
        ("planned", None, "Lebanon"),
        ("planned", dt.date(2022, 3, 2), "Ganja"),
    ]


def test_a_schedule_is_about_the_day_its_title_names_not_the_evening_it_went_out():
    schedule = found(
        "9:15 a.m. LOCAL Secretary Blinken meets with Foreign Minister Dmytro Kuleba.",
        title="Public Schedule – March 2, 2022",
        published=TUESDAY,  # posted the evening before, Washington time
    )
    assert [(kind, day) for kind, _status, day, *_ in schedule] == [
        ("meeting", dt.date(2022, 3, 2))
    ]
    # A date far from the article's own is what the article is about, not its day.
    (old,) = found(
        "Secretary Blinken met today with Dmytro Kuleba.",
        title="Looking back – March 2, 2020",
    )
    assert old[2] == TUESDAY


def test_a_titles_trip_to_one_place_starts_on_the_day_the_title_gives():
    (trip,) = found(
        "The Secretary will meet officials.",
        title="Secretary Blinken's Travel to Japan on March 21-24",
    )
    assert trip[:3] == ("visit", "planned", dt.date(2022, 3, 21)) and trip[5] == "Japan"
    # Several stops: the title's days are the trip's, no one stop's.
    trips = found("", title="Secretary Blinken's Travel to Japan and Belgium, March 21-24")
    assert {place: day for _k, _s, day, _p, _o, place in trips} == {"Japan": None, "Belgium": None}


def test_meetings_said_to_be_held_separately_are_two():
    meetings = found(
        "Secretary Blinken will meet with Foreign Minister Chung and, separately, with "
        "Admiral John Aquilino."
    )
    assert sorted(people for _k, _s, _d, people, _o, _p in meetings) == [
        ["Antony J. Blinken", "Chung Eui-yong"],
        ["Antony J. Blinken", "John Aquilino"],
    ]


def test_a_readout_dated_only_by_its_release_takes_the_day_its_lead_gives():
    title = "Secretary Blinken's Calls with Foreign Minister Kuleba and Director General Funakoshi"
    body = (
        "Office of the Spokesperson\n\nIn separate February 25 calls, Secretary Blinken "
        "discussed the war with Foreign Minister Kuleba and Director General Funakoshi "
        "Takehiro."
    )
    (call,) = found(body, title=title)
    assert call[:3] == ("call", "held", dt.date(2022, 2, 25))
    # A day the lead gives to something else dates nothing.
    other = "Office of the Spokesperson\n\nOn February 25, Kuleba warned of attacks."
    (call,) = found(other, title=title)
    assert call[2] == TUESDAY
    test = (
        "Office of the Spokesperson\n\nSecretary Blinken discussed the DPRK’s February 25 "
        "missile test in calls with Foreign Minister Kuleba and Funakoshi Takehiro."
    )
    (call,) = found(test, title=title)
    assert call[2] == TUESDAY
