from __future__ import annotations

import datetime as dt

import pytest

from archive.ingest.html import parse_html
from archive.ingest.records import ParseError

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Baku hosts OIC talks on Karabakh reconstruction | Caspian Herald</title>
  <meta property="og:site_name" content="Caspian Herald">
  <meta property="og:url" content="https://caspianherald.example/politics/oic-talks">
  <link rel="canonical" href="https://caspianherald.example/politics/oic-talks-karabakh">
  <script>window.dataLayer = []; document.write("<p>tracking pixel text</p>");</script>
  <style>.share { color: red }</style>
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "name": "Caspian Herald"},
    {"@type": "NewsArticle", "headline": "Baku hosts OIC talks on Karabakh reconstruction",
     "datePublished": "2025-04-29T17:43:00+04:00",
     "author": [{"@type": "Person", "name": "Laman Ismayilova"}],
     "publisher": {"@type": "Organization", "name": "Caspian Herald"}}]}
  </script>
</head>
<body class="page has-cookie-banner">
  <div id="cookie-consent">We use cookies to improve your experience.
    <button>Accept</button></div>
  <header class="site-header"><a href="/">Caspian Herald</a>
    <nav><ul><li><a href="/politics">Politics</a></li>
      <li><a href="/economy">Economy</a></li></ul></nav>
  </header>
  <main>
    <article class="post">
      <header>
        <h1>Baku hosts OIC talks on Karabakh reconstruction</h1>
        <p class="byline">By <a rel="author" href="/authors/li">Laman Ismayilova</a>
           | <time datetime="2025-04-29T17:43:00+04:00">29 April 2025</time></p>
      </header>
      <div class="share-buttons"><a href="#">Share on Facebook</a>
        <a href="#">Tweet this</a></div>
      <figure><img src="x.jpg" alt="Delegates">
        <figcaption>Delegates in Baku. Photo: press service</figcaption></figure>
      <div class="article-body">
        <p>Delegates of the Organisation of Islamic Cooperation met in <b>Baku</b> on Tuesday
           to discuss the reconstruction of Karabakh.</p>
        <!-- ad slot: do not show -->
        <div class="ad-slot">Advertisement</div>
        <p>The talks focused on investment &amp; trade in the liberated territories,
           officials said.</p>
        <p>Advertisement</p>
        <aside class="related"><h3>Related stories</h3>
          <ul><li><a href="/x">Other story</a></li></ul></aside>
        <p>A joint statement is expected on Wednesday.</p>
      </div>
      <div class="newsletter-signup">
        <p>Get our daily briefing in your inbox every morning.</p></div>
      <section id="comments"><p>Great article, thank you for the detailed coverage!</p></section>
    </article>
  </main>
  <aside class="sidebar">
    <p>Most read: a long sidebar teaser that looks a lot like article text.</p></aside>
  <footer><p>© 2025 Caspian Herald. All rights reserved.</p></footer>
  <script>console.log("bye")</script>
</body>
</html>
"""

EXPECTED_BODY = (
    "Delegates of the Organisation of Islamic Cooperation met in Baku on Tuesday to discuss "
    "the reconstruction of Karabakh.\n\n"
    "The talks focused on investment & trade in the liberated territories, officials said.\n\n"
    "A joint statement is expected on Wednesday."
)


def test_realistic_page_gives_metadata_and_clean_body():
    record = parse_html(PAGE, source_file="page.html")
    assert record.title == "Baku hosts OIC talks on Karabakh reconstruction"
    assert record.published == dt.date(2025, 4, 29)
    assert record.published_at == dt.datetime(2025, 4, 29, 13, 43, tzinfo=dt.UTC)
    assert record.published_at.utcoffset() == dt.timedelta(hours=4)
    assert record.author == "Laman Ismayilova"
    assert record.source == "Caspian Herald"
    assert record.url == "https://caspianherald.example/politics/oic-talks-karabakh"
    assert record.language == "en"
    assert record.source_file == "page.html"
    assert record.body == EXPECTED_BODY
    assert record.lead == EXPECTED_BODY.split("\n\n")[0]


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookies",
        "Politics",
        "Share on Facebook",
        "Delegates in Baku",
        "Advertisement",
        "Related stories",
        "daily briefing",
        "Great article",
        "Most read",
        "All rights reserved",
        "tracking pixel",
        "console.log",
        "ad slot",
        "<",
    ],
)
def test_page_furniture_and_markup_stay_out_of_the_body(boilerplate):
    assert boilerplate not in parse_html(PAGE, source_file="page.html").body


def test_without_meta_the_title_tag_loses_its_site_suffix_and_dates_come_from_meta_tags():
    page = """<html><head><title>Ministers meet in Geneva - Daily Courier</title>
      <meta name="author" content="Jane Doe">
      <meta name="dc.date" content="2024-03-05"></head>
      <body><div id="content"><p>The foreign ministers met in Geneva on Tuesday.</p>
      <p>They agreed to meet again next month.</p></div></body></html>"""
    record = parse_html(page, source_file="x.html")
    assert record.title == "Ministers meet in Geneva"
    assert record.author == "Jane Doe"
    assert record.published == dt.date(2024, 3, 5)
    assert record.published_at is None
    assert record.body.split("\n\n") == [
        "The foreign ministers met in Geneva on Tuesday.",
        "They agreed to meet again next month.",
    ]


def test_a_bad_date_candidate_falls_through_to_the_next():
    page = """<html><head>
      <meta property="article:published_time" content="2025-02-30T10:00:00Z">
      <meta name="pubdate" content="2025-02-28"></head>
      <body><article><p>Text of the article.</p></article></body></html>"""
    assert parse_html(page, source_file="x.html").published == dt.date(2025, 2, 28)


def test_without_article_or_main_the_element_with_most_paragraph_text_wins():
    page = """<html><body>
      <div class="menu-col"><p>Home</p><p>About</p></div>
      <div class="col"><p>The summit opened in Baku with delegations from forty countries.</p>
        <p>Talks continue tomorrow.</p></div>
      </body></html>"""
    record = parse_html(page, source_file="x.html")
    assert record.body.startswith("The summit opened in Baku")
    assert "Home" not in record.body
    # No title anywhere: derived from the lead.
    assert record.title == "The summit opened in Baku with delegations from forty countries"


def test_page_with_no_article_text_is_rejected():
    with pytest.raises(ParseError, match="no article text"):
        parse_html(
            "<html><body><nav>Menu</nav><footer>Footer</footer></body></html>", source_file="x"
        )


def test_deeply_nested_markup_does_not_exhaust_the_stack():
    page = "<html><body>" + "<div><span>" * 3000 + "Deep text." + "</span></div>" * 3000
    assert parse_html(page + "</body></html>", source_file="x.html").body == "Deep text."


@pytest.mark.parametrize(
    ("page", "title", "lead"),
    [
        ("<title>Talks in Baku<body><p>The talks went on.</p>", "Talks in Baku", "The talks"),
        ("<body><main><h1>Talks " + "<p>The talks went on. " * 40, "Talks", "Talks"),
    ],
)
def test_an_unclosed_title_does_not_swallow_the_page_into_the_headline(page, title, lead):
    record = parse_html("<html><head>" + page, source_file="x.html")
    assert record.title == title
    assert record.lead.startswith(lead)
    assert "The talks went on." in record.body
