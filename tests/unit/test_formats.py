"""HTML, Markdown, captions and front matter become plain text lines with the page's
metadata kept apart, and nothing a page says is lost silently."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.config import Config
from tui.corpus.formats import Converted, convert
from tui.corpus.parse import parse_text
from tui.corpus.topics import TopicMatcher


def paragraphs(converted: Converted) -> list[str]:
    return [part for part in converted.text.split("\n\n") if part.strip()]


def reasons(converted: Converted) -> dict[str, str]:
    """Dropped text -> reason."""
    return {text: reason for _, text, reason in converted.dropped}


# --- front matter ------------------------------------------------------------------------

FRONT_MATTER_TEXT = """\
---
title: "Press Briefing by Press Secretary Jen Psaki, May 3, 2021"
event-date: May 3, 2021
published: 2021-05-04
last_modified: '2021-05-05'
retrieved: 2024-01-12T10:22:03Z
location: James S. Brady Press Briefing Room
speakers:
  - Jen Psaki
  - Peter Doocy
tags: [briefing, covid-19]
source: !!python/object/apply:os.system ["echo owned"]
---
MS. PSAKI: Good afternoon, everyone.

Q: Thanks, Jen.
"""


def test_front_matter_goes_to_meta_and_its_lines_leave_the_text() -> None:
    converted = convert(FRONT_MATTER_TEXT, "briefing.txt")
    assert converted.format == "text"
    assert dict(converted.meta) == {
        "title": "Press Briefing by Press Secretary Jen Psaki, May 3, 2021",
        "date": "May 3, 2021",
        "published": "2021-05-04",
        "modified": "2021-05-05",
        "scraped": "2024-01-12T10:22:03Z",
        "place": "James S. Brady Press Briefing Room",
        "speakers": "Jen Psaki, Peter Doocy",
        "tags": "briefing, covid-19",  # a flow list, read as its items
        # A YAML tag is text here, never run.
        "source": '!!python/object/apply:os.system ["echo owned"]',
    }
    lines = converted.text.split("\n")
    # Blank lines in their place: the body keeps the line numbers it has in the file.
    assert lines[:13] == [""] * 13
    assert lines[13:] == ["MS. PSAKI: Good afternoon, everyone.", "", "Q: Thanks, Jen.", ""]
    assert converted.dropped[0] == (1, "---", "front matter")
    assert converted.dropped[2] == (3, "event-date: May 3, 2021", "front matter")
    assert len(converted.dropped) == 13


def test_toml_front_matter() -> None:
    text = '+++\ntitle = "Interview with the Mayor"\ncity = "Springfield"\n[params]\n+++\nBody.\n'
    converted = convert(text, "interview.txt")
    assert dict(converted.meta) == {"title": "Interview with the Mayor", "place": "Springfield"}
    assert converted.text == "\n\n\n\n\nBody.\n"


@pytest.mark.parametrize(
    "text",
    [
        # A rule in the middle of a text.
        "Remarks by the Minister\n\nThank you.\n---\ntitle: not meta\n---\nQuestion: Why?\n",
        # Rules around a first line that is prose, not keys.
        "---\nRemarks by the Minister, Moscow, March 6, 2017\n---\nThank you.\n",
        # Never closed.
        "---\ntitle: Remarks\n\nThank you for coming.\n",
    ],
)
def test_dashes_that_are_not_front_matter_stay_in_the_text(text: str) -> None:
    converted = convert(text, "remarks.txt")
    assert converted.text == text
    assert converted.meta == ()
    assert converted.dropped == ()


# --- HTML --------------------------------------------------------------------------------

EMBASSY_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Foreign Minister Sergey Lavrov’s remarks | Embassy of Russia</title>
<meta name="author" content="Press Office">
<meta property="article:published_time" content="2017-03-07T09:00:00+03:00">
<meta property="article:modified_time" content="2017-03-08T11:30:00+03:00">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "datePublished": "2017-03-07"}]}
</script>
<script>var html = "</p><p>Not text"; if (a < b && c > d) { go(); }</script>
<style>p > b { color: #333 }</style>
</head>
<body>
<header class="site"><a href="/"><h1>Embassy of Russia</h1></a>
  <nav><ul><li><a href="/en">English</a></li><li><a href="/news">All news</a></li></ul></nav>
</header>
<form action="/search" class="search"><label for="q">Search the site</label>
<input id="q" name="q"><button type="submit">Go</button></form>
<main>
<article>
<header>
  <h1>Foreign Minister Sergey Lavrov’s remarks at a news conference, Moscow, March 6, 2017</h1>
  <time datetime="2017-03-06">6 March 2017</time>
</header>
<p><b>Sergey Lavrov:</b> Ladies and gentlemen,
   we have held    talks &mdash; productive ones.<br>We discussed <a href="/x" title="a>b">Syria</a>
   &amp; Ukraine.</p>
<p><strong>Question:</strong> What about the 2&nbsp;+&nbsp;2 format?</p>
<div class="answer"><b>Sergey Lavrov:</b> We are ready.</div>
</article>
</main>
<aside><h2>Related news</h2><ul><li>27.11.2017 - Letter to the Editor</li></ul></aside>
<footer>© 2017 Embassy of Russia. Tel. +1 202 298 5700</footer>
</body>
</html>
"""


def test_html_page_text_in_paragraphs() -> None:
    converted = convert(EMBASSY_PAGE, "remarks.html")
    assert converted.format == "html"
    assert paragraphs(converted) == [
        "Foreign Minister Sergey Lavrov’s remarks at a news conference, Moscow, March 6, 2017",
        "6 March 2017",
        # A `<br>` ends a line, not the paragraph: the parser tells wrapped lines apart.
        "Sergey Lavrov: Ladies and gentlemen, we have held talks — productive ones.\n"
        "We discussed Syria & Ukraine.",
        "Question: What about the 2 + 2 format?",
        "Sergey Lavrov: We are ready.",
    ]
    assert "Not text" not in converted.text and "color" not in converted.text


def test_html_meta() -> None:
    assert dict(convert(EMBASSY_PAGE, "remarks.html").meta) == {
        # The article's h1, not the site's h1 in the page header nor the <title>.
        "title": "Foreign Minister Sergey Lavrov’s remarks at a news conference, Moscow, March 6, 2017",
        "author": "Press Office",
        "published": "2017-03-07T09:00:00+03:00",
        "modified": "2017-03-08T11:30:00+03:00",
        "date": "2017-03-06",
    }


def test_html_chrome_is_dropped_with_its_reason() -> None:
    dropped = reasons(convert(EMBASSY_PAGE, "remarks.html"))
    assert dropped == {
        "Embassy of Russia": "html header",
        "English": "html header",
        "All news": "html header",
        "Search the site": "html form",
        "Related news": "html aside",
        "27.11.2017 - Letter to the Editor": "html aside",
        "© 2017 Embassy of Russia. Tel. +1 202 298 5700": "html footer",
    }


@pytest.mark.parametrize(
    ("page", "title"),
    [
        (
            "<title>Daily briefing | Ministry of Foreign Affairs</title><p>Text</p>",
            "Daily briefing",
        ),
        ("<title>Daily press briefing - MFA</title><p>Text</p>", "Daily press briefing"),
        # After a dash, a longer tail is part of the title, not a site's name.
        ("<title>Lavrov - Blinken meeting</title><p>Text</p>", "Lavrov - Blinken meeting"),
        ("<title>Site</title><h1>First heading</h1><h1>Second</h1>", "First heading"),
        ("<title>Site</title><h1>Page</h1><main><h1>The article</h1></main>", "The article"),
    ],
)
def test_html_title(page: str, title: str) -> None:
    assert dict(convert(page, "page.html").meta)["title"] == title


def test_html_unclosed_tags_lose_no_text() -> None:
    page = (
        "<html><head><title>Remarks | Site<body>"
        "<div><p>First paragraph <b>bold <i>both"
        "<p>Second paragraph<li>An item"
        "<p>Before a share <button>Share<p>After the button"
        "<div><nav><a>Menu</a></div><p>After the menu"
        "<table><tr><td>Name:<td>Jane Doe<tr><td>Role:<td>Host"
    )
    converted = convert(page, "page.html")
    assert paragraphs(converted) == [
        "First paragraph bold both",
        "Second paragraph",
        "An item",
        "Before a share",
        "After the button",
        "After the menu",
        "Name: Jane Doe",
        "Role: Host",
    ]
    assert dict(converted.meta)["title"] == "Remarks"
    assert reasons(converted) == {"Menu": "html nav"}


def test_html_nav_left_open_ends_where_the_main_text_starts() -> None:
    converted = convert("<nav><a>Home</a> <a>News</a><main><p>The text.</p></main>", "a.html")
    assert paragraphs(converted) == ["The text."]
    assert reasons(converted) == {"Home News": "html nav"}


@pytest.mark.parametrize(
    "broken",
    [
        "<p>Text <!-- a comment never closed",
        "<p>Text</p><a href='x",
        "<p>Text</p><![ x",
        "<p>Text</p></",
        "<p>Text</p><!doctype",
        "<p>Text</p><?php echo 1",
        "<p>Text</p><a title='x>y' <b",
    ],
)
def test_html_broken_markup_at_the_end_keeps_the_text(broken: str) -> None:
    assert paragraphs(convert(broken, "a.html"))[0].startswith("Text")


@pytest.mark.parametrize("repeated", ["<a ", "<!--x>", "<p", "</", "<<"])
def test_html_many_broken_tags_do_not_hang(repeated: str) -> None:
    page = "<p>Text</p>" + repeated * (300_000 // len(repeated))
    start = time.perf_counter()
    converted = convert(page, "a.html")
    assert time.perf_counter() - start < 1.0
    assert converted.text.startswith("Text")


def test_html_form_wrapping_the_page_is_kept() -> None:
    # ASP.NET pages put everything in one form.
    page = (
        '<body><form id="aspnetForm" method="post"><div class="page">'
        "<h1>Press release</h1><p>The Ministry announces a briefing.</p></div></form></body>"
    )
    assert paragraphs(convert(page, "a.aspx")) == [
        "Press release",
        "The Ministry announces a briefing.",
    ]


def test_html_pre_keeps_its_lines() -> None:
    page = "<pre>MR. SMITH: Thank you.\nQ: Why?\n\nMR. SMITH:   Because.</pre>"
    assert paragraphs(convert(page, "a.html")) == [
        "MR. SMITH: Thank you.\nQ: Why?",
        "MR. SMITH: Because.",
    ]


def test_html_is_recognised_by_its_tags_in_a_txt_file() -> None:
    converted = convert("<div><p>Exported <b>text</b></p></div>", "export.txt")
    assert converted.format == "html"
    assert converted.text == "Exported text"


def test_text_with_angle_brackets_is_not_html() -> None:
    text = "If a < b and c > d, then <what>?\n"
    assert convert(text, "notes.txt") == Converted(text, "text", (), ())


def embassy_archive(size: int) -> str:
    """A long page as sites make them: chrome, scripts, and paragraphs of a transcript."""
    nav = "".join(
        f'<li><a href="/section/{n}" class="menu">Section {n}</a></li>' for n in range(60)
    )
    parts = [f"<html><head><title>Archive | Site</title></head><body><nav><ul>{nav}</ul></nav>"]
    parts.append("<main><article><h1>Archive of briefings</h1>")
    length = number = 0
    while length < size:
        paragraph = (
            f'<p class="text"><b>MS. ZAKHAROVA:</b> Paragraph {number} of the briefing, on '
            f'<a href="/news/{number}?lang=en&amp;page=2">the talks</a> &amp; the '
            "<em>consultations</em> held in Geneva, with more words to make it as long as "
            "paragraphs of a briefing are, which is two or three sentences.</p>\n"
            '<script>track("view", "</p>");</script>\n'
        )
        parts.append(paragraph)
        length += len(paragraph)
        number += 1
    parts.append("</article></main><footer>Footer</footer></body></html>")
    return "".join(parts)


def test_five_megabyte_page_in_under_a_second() -> None:
    page = embassy_archive(5_000_000)
    start = time.perf_counter()
    converted = convert(page, "archive.html")
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    found = paragraphs(converted)
    assert found[0] == "Archive of briefings"
    assert found[-1].startswith(f"MS. ZAKHAROVA: Paragraph {len(found) - 2} of the briefing")


# --- Markdown ----------------------------------------------------------------------------

MARKDOWN = """\
# Press Briefing by Press Secretary Jen Psaki

![The White House](https://www.whitehouse.gov/logo.png)

*James S. Brady Press Briefing Room*

**MS. PSAKI:** Good afternoon. See [the fact sheet](https://wh.gov/fs_2021_05 "Fact sheet")
and the [schedule][1] for __today__.

> **Q:** Is 2*3*4 still 24, and is snake_case_name fine?

***

* A list item stays a list item.
Setext heading
--------------
Escaped \\*stars\\* stay.

[1]: https://wh.gov/schedule
"""


def test_markdown_markup_comes_off_line_for_line() -> None:
    converted = convert(MARKDOWN, "briefing.md")
    assert converted.format == "markdown"
    assert converted.text.split("\n") == [
        "Press Briefing by Press Secretary Jen Psaki",
        "",
        "",
        "",
        "James S. Brady Press Briefing Room",
        "",
        "MS. PSAKI: Good afternoon. See the fact sheet",
        "and the schedule for today.",
        "",
        "Q: Is 2*3*4 still 24, and is snake_case_name fine?",
        "",
        "",
        "",
        "* A list item stays a list item.",
        "Setext heading",
        "",
        "Escaped *stars* stay.",
        "",
        "",
        "",
    ]
    assert dict(converted.meta) == {"title": "Press Briefing by Press Secretary Jen Psaki"}
    assert converted.dropped == (
        (3, "The White House", "markdown image"),
        (19, "[1]: https://wh.gov/schedule", "markdown link definition"),
    )


def test_markdown_title_only_from_a_heading_before_the_text() -> None:
    assert convert("Opening words.\n\n# Part one\n", "a.md").meta == ()
    assert convert("Briefing\n========\n\nText.\n", "a.md").meta == (("title", "Briefing"),)
    # A page's own first heading names it better than a site template's `title:`, a
    # section heading below it does not.
    front = "---\ntitle: Session Transcripts\n---\n# Erin Brown on stress\n"
    assert convert(front, "a.md").meta == (("title", "Erin Brown on stress"),)
    front = "---\ntitle: Kelsey Byers talks\n---\n## Listen to the Episode\n"
    assert convert(front, "a.md").meta == (("title", "Kelsey Byers talks"),)


def test_front_matter_then_markdown_is_markdown_whatever_the_name() -> None:
    converted = convert("---\ndate: 2021-05-03\n---\n## Briefing\n\n**Q:** Why?\n", "page")
    assert converted.format == "markdown"
    assert converted.text == "\n\n\nBriefing\n\nQ: Why?\n"
    assert dict(converted.meta) == {"date": "2021-05-03", "title": "Briefing"}


# --- captions ----------------------------------------------------------------------------

SRT = """\
1
00:00:01,000 --> 00:00:03,200
<i>Good afternoon, everyone.</i> Thanks
for coming in today.

2
00:00:03,300 --> 00:00:05,000
I have two announcements.

3
00:00:08,100 --> 00:00:10,500
After the pause, the second
{\\an8}<font color="#ffff00">announcement.</font>

4
00:00:10,600 --> 00:00:12,000
>> MR. DOOCY: Jen, on the border?

5
00:00:12,100 --> 00:00:13,000
- Is it a crisis?
- No.

6
00:00:13,100 --> 00:00:14,000
No.

7
00:00:14,100 --> 00:00:16,000
PSAKI: Next question.
"""


def test_srt_cues_become_paragraphs_of_speakers() -> None:
    converted = convert(SRT, "briefing.srt")
    assert converted.format == "srt"
    assert paragraphs(converted) == [
        "Good afternoon, everyone. Thanks for coming in today. I have two announcements.",
        "After the pause, the second announcement.",
        "MR. DOOCY: Jen, on the border?",
        # A change of speaker that names no one (`- `) is kept as a stenographer's `>>`.
        ">> Is it a crisis?",
        # Not rolling captions: a cue that says again what the last one ended with is speech.
        ">> No. No.",
        "PSAKI: Next question.",
    ]


VTT = """\
WEBVTT - Briefing
Kind: captions
Language: en

NOTE Produced by the captioning service,
checked by hand.

STYLE
::cue(v[voice="Jane Doe"]) { color: yellow }

intro
00:00:00.000 --> 00:00:02.000 line:90%
<v Jane Doe>Welcome to <b>the</b> show &amp; thanks

00:00:02.000 --> 00:00:04.000
<v Jane Doe>for joining us
today.

00:00:04.500 --> 00:00:06.000
<v.loud John Smith>Thanks, Jane.</v>

00:00:06.100 --> 00:00:08.000
<v Jane Doe><c.yellow>Let's</c> <00:00:06.500>begin.
"""


def test_webvtt_voices_become_labels() -> None:
    converted = convert(VTT, "show.vtt")
    assert converted.format == "vtt"
    assert paragraphs(converted) == [
        "Jane Doe: Welcome to the show & thanks for joining us today.",
        "John Smith: Thanks, Jane.",
        "Jane Doe: Let's begin.",
    ]
    assert converted.dropped == (
        (0, "NOTE Produced by the captioning service, checked by hand.", "caption note"),
    )


# YouTube writes a line of one space (\x20) in each cue.
YOUTUBE_AUTO = """\
WEBVTT
Kind: captions
Language: en

00:00:00.000 --> 00:00:02.350 align:start position:0%
\x20
good<00:00:00.320><c> afternoon</c><00:00:00.640><c> everyone</c>

00:00:02.350 --> 00:00:02.360 align:start position:0%
good afternoon everyone
\x20

00:00:02.360 --> 00:00:05.030 align:start position:0%
good afternoon everyone
thanks<00:00:02.560><c> for</c><00:00:02.720><c> coming</c><00:00:03.000><c> in</c>

00:00:05.030 --> 00:00:05.040 align:start position:0%
thanks for coming in
\x20

00:00:05.040 --> 00:00:07.000 align:start position:0%
thanks for coming in
today<00:00:05.300><c> &gt;&gt;</c><00:00:05.600><c> jen</c><00:00:05.900><c> one</c>

00:00:07.000 --> 00:00:07.010 align:start position:0%
today >> jen one
\x20

00:00:07.010 --> 00:00:09.000 align:start position:0%
today >> jen one
question<00:00:07.300><c> please</c>
"""


def test_rolling_captions_say_each_word_once() -> None:
    assert paragraphs(convert(YOUTUBE_AUTO, "briefing.en.vtt")) == [
        "good afternoon everyone thanks for coming in today",
        ">> jen one question please",
    ]


def test_webvtt_without_its_header_keeps_the_first_cue() -> None:
    text = (
        "00:00:01.000 --> 00:00:02.000\nHello there,\n\n00:00:02.100 --> 00:00:03.000\nfriends.\n"
    )
    assert convert(text, "clip.vtt").text == "Hello there, friends."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (VTT, "vtt"),
        (YOUTUBE_AUTO, "vtt"),
        (SRT, "srt"),
        ("00:00:01.000 --> 00:00:02.000\nHi.\n", "srt"),
    ],
)
def test_captions_are_recognised_without_their_extension(text: str, kind: str) -> None:
    assert convert(text, "download").format == kind


# --- any format --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.srt", "a.vtt", "a"])
def test_empty_input(name: str) -> None:
    converted = convert("", name)
    assert (converted.text, converted.meta, converted.dropped) == ("", (), ())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (FRONT_MATTER_TEXT, "a.txt"),
        (EMBASSY_PAGE, "a.html"),
        (MARKDOWN, "a.md"),
        (SRT, "a.srt"),
        (VTT, "a.vtt"),
        (YOUTUBE_AUTO, "a.vtt"),
    ],
)
def test_crlf_line_endings_convert_as_lf(text: str, name: str) -> None:
    assert convert(text.replace("\n", "\r\n"), name) == convert(text, name)


plain_words = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=".,;:?!'\"’"),
    min_size=1,
    max_size=12,
)
plain_text = st.lists(
    st.tuples(plain_words, st.sampled_from([" ", "  ", "\n", "\n\n", " \n"])).map("".join),
    max_size=40,
).map("".join)


@given(plain_text, st.sampled_from(["notes.txt", "notes.md", "notes.html", "notes"]))
def test_plain_text_keeps_every_word_in_place(text: str, name: str) -> None:
    assert convert(text, name).text.split() == text.split()


MARKUP_BITS = ("<", ">", "</", "<!--", "-->", "<![", "<?", "&", "&#", ";", "'", '"', "=", "/")
TAGS = ("<p>", "<nav>", "<script>", "</script>", "<title>", "<pre>", "<v Jane>", ">>", "\n")
OTHER_BITS = ("00:00:01,000 --> 00:00:02,000", "WEBVTT", "---", "**", "_", "[", "](", "# ")
markup = st.lists(
    st.one_of(st.sampled_from(MARKUP_BITS + TAGS + OTHER_BITS), st.text(max_size=5)), max_size=40
).map("".join)


@given(markup, st.sampled_from(["a.html", "a.md", "a.srt", "a.vtt", "a.txt"]))
def test_any_input_converts(text: str, name: str) -> None:
    converted = convert(text, name)
    assert isinstance(converted.text, str)


def test_a_double_quoted_front_matter_value_is_unescaped_as_yaml_says() -> None:
    converted = convert(
        "---\n"
        'title: "Remarks by President\\_Biden and Prime Minister Trudeau in Joint\\\n'
        '  \\ Press\\_Statements, \\"as delivered\\" \\u00e9"\n'
        "---\n\nTHE PRESIDENT: Good afternoon.\n",
        "remarks.md",
    )
    assert dict(converted.meta)["title"] == (
        "Remarks by President Biden and Prime Minister Trudeau in Joint Press Statements, "
        '"as delivered" é'
    )


def test_furniture_named_by_class_or_hidden_is_dropped_with_its_reason() -> None:
    converted = convert(
        "<html><body><div class='topline nav__menu'><a>Home</a> <a>News</a></div>"
        "<article><h1>Meeting with the Governor of the Region</h1>"
        "<p><b>Vladimir Putin:</b> Good afternoon, "
        "<span class='small_tooltip'>Governor of the Region</span>colleagues.</p>"
        "<div class='share_sites'>Share on Facebook</div>"
        "<p hidden>Print version</p><p style='display: none'>Send by email</p>"
        "<p>We have a lot to discuss.</p></article>"
        "<aside class='sidebar'>Other news</aside></body></html>",
        "page.html",
    )
    assert converted.text.split("\n\n") == [
        "Meeting with the Governor of the Region",
        "Vladimir Putin: Good afternoon, colleagues.",
        "We have a lot to discuss.",
    ]
    reasons = {text: reason for _, text, reason in converted.dropped}
    assert reasons["Governor of the Region"] == "html tooltip"
    assert reasons["Share on Facebook"] == "html share"
    assert reasons["Print version"] == "html hidden"
    assert reasons["Send by email"] == "html hidden"


def test_a_caption_label_may_carry_a_note_after_the_name() -> None:
    converted = convert(
        "WEBVTT\n\n1\n00:00:00.510 --> 00:00:01.550\nAshlee Kupor (SL): Let's do that\n\n"
        "2\n00:00:01.790 --> 00:00:03.080\nDora Demszky: Sure.\n\n"
        "3\n00:00:03.170 --> 00:00:05.520\nAshlee Kupor (SL): Great.\n",
        "zoom.vtt",
    )
    assert converted.text.split("\n\n") == [
        "Ashlee Kupor (SL): Let's do that",
        "Dora Demszky: Sure.",
        "Ashlee Kupor (SL): Great.",
    ]


def test_html_inside_a_markdown_line_is_markup() -> None:
    converted = convert(
        "Russian listening practice <br/> (Anna Cher, 2017) &amp; <em>more</em>\n", "post.md"
    )
    assert " ".join(converted.text.split()) == "Russian listening practice (Anna Cher, 2017) & more"


def test_an_entity_in_markdown_never_reaches_the_parser_as_a_control(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse_text(
        "post",
        Path("post.md"),
        "# A post\n\nAn escape &#27;[2J and an override &#x202e;evil in a line.\n",
        config,
        matcher,
    )
    text = document.paragraphs[0].text
    assert "\x1b" not in text and "\u202e" not in text
    assert "⟨RLO⟩evil" in text


def test_a_markdown_autolink_shows_its_address_and_alone_is_a_link_line(
    config: Config, matcher: TopicMatcher
) -> None:
    """`<https://…>` and `<jane@example.org>` are CommonMark autolinks: their address
    is shown in a sentence, and a line of one alone (the talk's video or slides) is
    dropped as a link, as a bare address is."""
    converted = convert("Slides at <https://example.org/s> or ask <jane@example.org>.\n", "a.md")
    assert converted.text.strip() == "Slides at https://example.org/s or ask jane@example.org."
    document = parse_text(
        "talk",
        Path("talk.md"),
        "# A talk\n\n<https://twitter.com/kanzure/status/1>\n\nMy name is David. I talk.\n",
        config,
        matcher,
    )
    assert [p.text for p in document.paragraphs] == ["My name is David. I talk."]
    assert ("https://twitter.com/kanzure/status/1", "link") in {
        (d.text, d.reason) for d in document.dropped
    }


def test_caption_cues_that_start_with_one_name_start_a_speakers_words() -> None:
    """Cues labelled by one name (`Bekah:`, twice or more, or `Dan:` where a cue gave
    `Dan Ott:`) start a speaker's words, as full names do; a capitalised word before a
    colon once (`Note:`) starts nothing."""
    cues = [
        "Bekah Hawrot Weigel: Hello, and\nwelcome. I'm Bekah.",
        "Dan Ott: Wuddup, Bek! How's it\ngoing?",
        "Bekah: It is ... amazing.",
        "Dan: I'm serious.",
        "Bekah: It is what it is. Note: this",
        "Note: is speech.",
    ]
    srt = "".join(
        f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},900\n{cue}\n\n" for n, cue in enumerate(cues, 1)
    )
    assert paragraphs(convert(srt, "show.srt")) == [
        "Bekah Hawrot Weigel: Hello, and welcome. I'm Bekah.",
        "Dan Ott: Wuddup, Bek! How's it going?",
        "Bekah: It is ... amazing.",
        "Dan: I'm serious.",
        "Bekah: It is what it is. Note: this Note: is speech.",
    ]


def test_a_webvtt_voice_without_a_name_is_a_change_of_speaker() -> None:
    """`<v ->` gives no name: another speaker, marked as a stenographer marks one."""
    vtt = (
        "WEBVTT\n\n00:00:09.900 --> 00:00:12.600\n<v ->Hi, this is John Rochford.</v>\n\n"
        "00:00:50.640 --> 00:00:53.400\n<v Alexa>I am tired.</v>\n\n"
        "00:00:53.640 --> 00:00:55.400\n<v ->Thank you, Alexa.</v>\n"
    )
    assert paragraphs(convert(vtt, "talk.vtt")) == [
        ">> Hi, this is John Rochford.",
        "Alexa: I am tired.",
        ">> Thank you, Alexa.",
    ]


def numbered_transcript(pages: list[list[str]]) -> str:
    """A court reporter's pages: a header, 25 numbered lines double spaced, the page's
    number and the reporter's name below."""
    out = []
    for number, page in enumerate(pages, 1):
        out.append("\x0c                Official - Subject to Final Review\n\n")
        lines = page + [""] * (25 - len(page))
        out.extend(f"{n:2d}   {line}".rstrip() + "\n\n" for n, line in enumerate(lines, 1))
        out.append(f"                                {number}\n\n")
        out.append("                  Alderson Reporting Company\n")
    return "".join(out)


def test_a_transcript_that_numbers_its_lines_is_read_without_the_numbers() -> None:
    """A court's transcript numbers the lines of each page and spaces them: the text is
    its lines without numbers nor spacing; each page's header, number and footer, and
    the word index at the end, are dropped."""
    pages = [
        ["IN THE SUPREME COURT OF THE UNITED STATES", "Monday, March 26, 2012"],
        ["CHIEF JUSTICE ROBERTS:  We will hear", "argument this morning.", "MR. LONG:  Mr. Chief"],
        ["Justice, and may it please the Court."],
    ]
    converted = convert(numbered_transcript(pages) + "A\nabandoned 15:3\n", "case.txt")
    assert converted.text.split("\n") == [
        "IN THE SUPREME COURT OF THE UNITED STATES", "Monday, March 26, 2012", *[""] * 23,
        "CHIEF JUSTICE ROBERTS:  We will hear", "argument this morning.", "MR. LONG:  Mr. Chief",
        *[""] * 22, "Justice, and may it please the Court.", *[""] * 24,
    ]  # fmt: skip
    assert {text for _, text, _ in converted.dropped} == {
        "Official - Subject to Final Review", "1", "2", "3", "Alderson Reporting Company",
        "A", "abandoned 15:3",
    }  # fmt: skip


def test_a_numbered_list_keeps_its_numbers() -> None:
    """A page that numbers a list once (an agenda of 30 items) keeps its numbers."""
    agenda = "Agenda\n\n" + "".join(f"{n}. Item {n}\n" for n in range(1, 31))
    listed = "Agenda\n\n" + "".join(f"{n} Item {n}\n" for n in range(1, 31))
    assert convert(agenda, "agenda.txt").text == agenda
    assert convert(listed, "agenda.txt").text == listed


XML_EXPORT = """<?xml version="1.0" encoding="UTF-8" ?>
<transcripts>
  <transcript>
    <transcript-id>40598</transcript-id>
    <title>Press Conference with the Minister for Defence, the Hon. Ann Lee MP</title>
    <prime-minister>Hale, Tom</prime-minister>
    <release-date>17/11/2016</release-date>
    <subjects></subjects>
    <content><![CDATA[<p><strong>PRIME MINISTER:</strong></p>
<p>This is a great initiative &amp; a good day.</p>
<p>JOURNALIST: Prime Minister, could you clarify for us what you<br />
meant yesterday about the<br />
tax cuts?<br />
PM: I have made clear that the tax cuts come in on the first of July.</p>
<p>MINISTER FOR DEFENCE: Thanks, Prime Minister.</p>
]]></content>
  </transcript>
</transcripts>
"""


def test_an_xml_exports_fields_are_a_list_of_what_it_is_and_its_cdata_is_markup() -> None:
    """An XML export (a transcript with its fields as elements and its text as HTML in
    CDATA) reads as the page it stands for: each field a `Key: value` paragraph, as a
    page lists what it says of itself, and the text's markup read, not shown."""
    converted = convert(XML_EXPORT, "transcript-40598.xml")
    assert paragraphs(converted)[:4] == [
        "Transcript id: 40598",
        "Title: Press Conference with the Minister for Defence, the Hon. Ann Lee MP",
        "Prime minister: Hale, Tom",
        "Release date: 17/11/2016",
    ]
    assert "PRIME MINISTER:" in paragraphs(converted)
    assert "This is a great initiative & a good day." in paragraphs(converted)
    assert "CDATA" not in converted.text and "]]>" not in converted.text
    assert "<p>" not in converted.text and "Subjects" not in converted.text


def test_a_line_break_ends_a_line_and_two_end_the_paragraph() -> None:
    page = "<html><body><p>one<br>two<br/><br />three</p><p>four</p></body></html>"
    assert paragraphs(convert(page, "page.html")) == ["one\ntwo", "three", "four"]


def test_an_xml_export_of_a_press_conference_names_its_office_holders(
    config: Config, matcher: TopicMatcher
) -> None:
    """The export's fields name the office holders its labels call by office
    (`PRIME MINISTER:`, `PM:`, `MINISTER FOR DEFENCE:` styled in the title), its title
    and its date; lines a scanner broke with `<br />` are one paragraph again."""
    document = parse_text("x", Path("transcript-40598.xml"), XML_EXPORT, config, matcher)
    assert document.title == "Press Conference with the Minister for Defence, the Hon. Ann Lee MP"
    assert document.date.iso == "2016-11-17"
    assert [(turn.kind.value, turn.speaker) for turn in document.turns] == [
        ("statement", "Tom Hale"),
        ("question", None),
        ("answer", "Tom Hale"),
        ("answer", "Ann Lee"),
    ]
    assert document.turns[1].paragraphs[0].text == (
        "Prime Minister, could you clarify for us what you meant yesterday about the tax cuts?"
    )
    howard = XML_EXPORT.replace("Hale, Tom", "Howard, John").replace(
        "<strong>PRIME MINISTER:</strong>", "<strong>PRIME MINISTER HOWARD:</strong>"
    )
    document = parse_text("x", Path("transcript-15572.xml"), howard, config, matcher)
    assert document.turns[0].speaker == "John Howard"


RECORD_PAGE = (
    "<html><head><title>Daily Record, Volume 12 Issue 3 (Monday, May 2, 2005)</title></head>"
    "<body><pre>\n[Daily Record Volume 12, Number 3 (Monday, May 2, 2005)]\n[House]\n"
    "[Pages H61-H63]\nFrom the Daily Record Online through the Printing Office "
    '[<a href="http://www.example.gov">www.example.gov</a>]\n\n\n'
    "                     STRENGTHENING SOCIAL SECURITY\n\n"
    "  Mr. MICA. Mr. Speaker, I move to suspend the rules and agree to the \n"
    "resolution.\n\n[[Page H62]]\n\n  Mr. MICA. I yield back.\n\n"
    "                              {time}  1100\n\n"
    "  Ms. WATERS. Mr. Speaker, I yield myself such time.\n</pre></body></html>\n"
)


def test_an_archives_bracketed_notes_are_no_title_and_its_heading_in_capitals_is(
    config: Config, matcher: TopicMatcher
) -> None:
    """An archive's page opens with its notes in square brackets (the edition, the
    chamber, the pages), a `<title>` that names the edition in the same words and a
    line that credits the archive's site: none is the title nor text; the heading in
    capitals above the first label is the title, the edition's date the date; the
    printed edition's page breaks (`[[Page H62]]`) and times (`{time}  1100`) are
    furniture."""
    document = parse_text("x", Path("record.htm"), RECORD_PAGE, config, matcher)
    assert document.title == "STRENGTHENING SOCIAL SECURITY"
    assert document.date.value == dt.date(2005, 5, 2)
    text = " ".join(p.text for turn in document.turns for p in turn.paragraphs)
    for furniture in ("[House]", "[Pages", "Printing Office", "[[Page", "{time}", "Volume 12"):
        assert furniture not in text


def test_a_title_in_capitals_set_on_two_lines_is_one_title(
    config: Config, matcher: TopicMatcher
) -> None:
    page = (
        "     PERMITTING USE OF ROTUNDA OF CAPITOL FOR A CEREMONY TO HONOR \n"
        "       CONSTANTINO BRUMIDI ON THE 200TH ANNIVERSARY OF HIS BIRTH\n\n"
        "  Mr. MICA. Mr. Speaker, I move to suspend the rules.\n"
    )
    document = parse_text("x", Path("record.txt"), page, config, matcher)
    assert document.title == (
        "PERMITTING USE OF ROTUNDA OF CAPITOL FOR A CEREMONY TO HONOR "
        "CONSTANTINO BRUMIDI ON THE 200TH ANNIVERSARY OF HIS BIRTH"
    )


def test_a_court_transcripts_title_is_the_case_its_caption_names(
    config: Config, matcher: TopicMatcher
) -> None:
    """Below the court's header, the caption sets the parties in a box either side of
    `v.`: the title is `X v. Y`, without `ET AL.` or what each party is."""
    page = (
        "          IN THE SUPREME COURT OF THE UNITED STATES\n"
        "   - - - - - - - - - - - - - - - - - x\n"
        "   NATIONAL ASSOCIATION OF                              :\n"
        "   HOME BUILDERS, ET AL.,                               :\n"
        "                  Petitioners                          :    No. 06-340\n"
        "          v.                                           :\n"
        "   DEFENDERS OF WILDLIFE, ET AL.                        :\n"
        "   - - - - - - - - - - - - - - - - - x\n"
        "                                 Washington, D.C.\n"
        "                                 Tuesday, April 17, 2007\n\n"
        "CHIEF JUSTICE ROBERTS: We'll hear argument first today.\n"
    )
    document = parse_text("x", Path("06-340.txt"), page, config, matcher)
    assert document.title == "National Association of Home Builders v. Defenders of Wildlife"


@pytest.mark.parametrize(
    ("banner", "subtitle", "day"),
    [
        ("36 th Parliament, 2 nd Session", "EDITED HANSARD * NUMBER 62", "Friday, March 3, 2000"),
        (
            "36 e Legislature, 2 ieme Session",
            "HANSARD REVISE * NUMERO 62",
            "Le vendredi 3 mars 2000",
        ),
    ],
)
def test_a_line_between_the_title_and_its_date_goes_on_with_the_title(
    config: Config, matcher: TopicMatcher, banner: str, subtitle: str, day: str
) -> None:
    """`36 th Parliament, 2 nd Session` / `EDITED HANSARD * NUMBER 62` / the date: the
    second line is part of the title, and the date below them dates the sitting, even
    where the list of contents below runs on in one block."""
    contents = "\n".join(["Mr. Guy St-Julien", "Mrs. Nancy Karetak-Lindell"] * 8)
    page = (
        f"{banner}\n{subtitle}\n{day}\n{contents}\n\n"
        "Mr. Gilles Duceppe (Laurier-Sainte-Marie, BQ):\nThis would be unfair.\n"
    )
    document = parse_text("x", Path("debates.062"), page, config, matcher)
    assert document.title == f"{banner}: {subtitle}"
    assert document.date.value == dt.date(2000, 3, 3)


def test_a_markdown_paragraph_in_bold_over_several_lines_is_emphasised_whole() -> None:
    converted = convert(
        "Intro.\n\n**Why did you take the post,\nand why now?**\n\n"
        "**Bold** start, plain end.\nSecond line.\n\n* a list\n* of points*\n",
        "page.md",
    )
    assert paragraphs(converted) == [
        "Intro.",
        "Why did you take the post,\nand why now?",
        "Bold start, plain end.\nSecond line.",
        "* a list\n* of points*\n",
    ]
    assert converted.emphasised == {3, 4}
