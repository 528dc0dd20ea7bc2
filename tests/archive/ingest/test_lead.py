"""The lead is the first paragraph of content, never the byline."""

from archive.ingest.jsonl import record_from_object
from archive.ingest.lead import lead_paragraph


def test_a_byline_paragraph_equal_to_the_author_is_skipped():
    paragraphs = ["Office of the Spokesperson", "The United States condemns the attack."]
    assert lead_paragraph(paragraphs, "Office of the Spokesperson") == paragraphs[1]


def test_one_person_of_a_several_person_byline_is_skipped_whatever_the_punctuation():
    author = "Antony J. Blinken, Secretary of State, Mute Egede, Greenlandic Premier"
    paragraphs = [
        "Antony J. Blinken, Secretary of State",
        "MUTE EGEDE — Greenlandic Premier",
        "Thank you.",
    ]
    assert lead_paragraph(paragraphs, author) == "Thank you."


def test_content_that_merely_mentions_the_author_is_the_lead():
    paragraphs = ["Secretary Blinken met Foreign Minister Kuleba today.", "More."]
    assert lead_paragraph(paragraphs, "Antony J. Blinken, Secretary of State") == paragraphs[0]


def test_without_an_author_or_content_the_first_paragraph_stays():
    assert (
        lead_paragraph(["Office of the Spokesperson", "Text."], "") == "Office of the Spokesperson"
    )
    assert lead_paragraph(["Office of the Spokesperson"], "Office of the Spokesperson") == (
        "Office of the Spokesperson"
    )
    assert lead_paragraph([], "Anyone") == ""


def test_a_feed_record_with_its_byline_first_gets_the_content_as_lead():
    record = record_from_object(
        {
            "title": "Secretary Blinken's Call with Ukrainian Foreign Minister Kuleba",
            "creator": "Office of the Spokesperson",
            "text": "Office of the Spokesperson\n\nSecretary Blinken spoke today with Kuleba.",
        },
        source_file="feed.jsonl",
    )
    assert record.author == "Office of the Spokesperson"
    assert record.lead == "Secretary Blinken spoke today with Kuleba."
    assert record.body.startswith("Office of the Spokesperson")  # the text is kept whole
