"""Speaker labels as other sites print them, and one person under one name.

One briefing is written in every label style the parser knows of, and each must
read as the same turns: who spoke, in order, and which turns ask."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui.corpus.config import Config
from tui.corpus.model import Document, TurnKind
from tui.corpus.parse import parse_text
from tui.corpus.speakers import Role, parse_label, production_mark
from tui.corpus.topics import TopicMatcher


def parse(text: str, config: Config, matcher: TopicMatcher, name: str = "doc.txt") -> Document:
    return parse_text(Path(name).stem, Path(name), text, config, matcher)


def turns(document: Document) -> list[tuple[str, str | None]]:
    return [
        (turn.kind.value, turn.speaker)
        for turn in document.turns
        if turn.kind is not TurnKind.HEADING
    ]


def named(document: Document) -> list[str | None]:
    """The speakers of the turns that name one, in order."""
    return [speaker for _, speaker in turns(document) if speaker]


@pytest.mark.parametrize(
    ("line", "name", "note", "rest", "role"),
    [
        ("Sergey Lavrov: Thank you.", "Sergey Lavrov", None, "Thank you.", Role.PERSON),
        ("MS. PSAKI: Good afternoon.", "MS. PSAKI", None, "Good afternoon.", Role.PERSON),
        ("MR PRICE: Thanks.", "MR PRICE", None, "Thanks.", Role.PERSON),
        ("Q    What about Iran?", "Q", None, "What about Iran?", Role.QUESTION),
        ("Q. What about Iran?", "Q", None, "What about Iran?", Role.QUESTION),
        ("Q: What about Iran?", "Q", None, "What about Iran?", Role.QUESTION),
        ("Q", "Q", None, "", Role.QUESTION),
        ("QUESTION: What about Iran?", "QUESTION", None, "What about Iran?", Role.QUESTION),
        ("QUESTION (Reuters): And Iran?", "QUESTION", "Reuters", "And Iran?", Role.QUESTION),
        ("THE PRESIDENT: Thank you.", "THE PRESIDENT", None, "Thank you.", Role.OFFICE),
        ("MODERATOR: Next question.", "MODERATOR", None, "Next question.", Role.HOST),
        (
            "President of Russia Dmitry Medvedev: Colleagues,",
            "President of Russia Dmitry Medvedev",
            None,
            "Colleagues,",
            Role.PERSON,
        ),
        ("Вопрос: Как вы оцениваете?", "Вопрос", None, "Как вы оцениваете?", Role.QUESTION),
        ("С.Лавров: Спасибо.", "С.Лавров", None, "Спасибо.", Role.PERSON),
        ("С.В.Лавров: Спасибо.", "С.В.Лавров", None, "Спасибо.", Role.PERSON),
        ("CHAIR POWELL. Good afternoon.", "CHAIR POWELL", None, "Good afternoon.", Role.PERSON),
        ("Mr. JONES. I yield back.", "Mr. JONES", None, "I yield back.", Role.PERSON),
        (">> JAKE TAPPER: Welcome back.", "JAKE TAPPER", None, "Welcome back.", Role.PERSON),
        ("SPEAKER_00: So let us start.", "SPEAKER_00", None, "So let us start.", Role.PERSON),
        ("Speaker 2 (00:01:02): Right.", "Speaker 2", "00:01:02", "Right.", Role.PERSON),
        ("[00:01:02] Anna Ek: Right.", "Anna Ek", None, "Right.", Role.PERSON),
        (
            "Mr. Nebenzia (Russian Federation): We object.",
            "Mr. Nebenzia",
            "Russian Federation",
            "We object.",
            Role.PERSON,
        ),
        (
            "The Prime Minister (Boris Johnson): I agree.",
            "The Prime Minister",
            "Boris Johnson",
            "I agree.",
            Role.OFFICE,
        ),
    ],
)
def test_label_styles(line: str, name: str, note: str | None, rest: str, role: Role) -> None:
    label = parse_label(line)
    assert label is not None
    assert (label.name, label.note, label.rest, label.role) == (name, note, rest, role)


@pytest.mark.parametrize(
    "line",
    [
        "Note: the transcript was edited.",
        "The talks were productive: we agreed on a plan.",
        "Washington, D.C. 20520",
        "NATO. It met on Tuesday.",
        "Questions remain about the deal.",
        "QUESTIONS AND ANSWERS",
        "Tel: +44 20 7946 0000",
        "10:30 a.m. EDT",
        "http://example.org/page: a link",
        "A. The first point is this.",
        "March: a month of talks.",
        "ROBERT A. LONG, ESQ., Washington, D.C.; for",
        "Путин В.В. заявил, что переговоры продолжатся.",
    ],
)
def test_not_labels(line: str) -> None:
    assert parse_label(line) is None


BRIEFING = """\
Press Briefing by Press Secretary Jen Psaki and Secretary of Agriculture Tom Vilsack, May 3, 2021

{psaki} Good afternoon. Two announcements today.

Secretary Vilsack is here to talk about the farm plan.

{vilsack} Thank you, Jen.

{q} Mr. Secretary, what does the plan cost?

{vilsack} About four billion dollars.

{q} And Jen, on another subject: what about the trip?

{psaki} The President travels on Friday.
"""
EXPECTED = [
    ("statement", "Jen Psaki"),
    ("statement", "Tom Vilsack"),
    ("question", None),
    ("answer", "Tom Vilsack"),
    ("question", None),
    ("answer", "Jen Psaki"),
]
STYLES = {
    "names": ("Jen Psaki:", "Tom Vilsack:", "Question:"),
    "press office capitals": ("MS. PSAKI:", "SECRETARY VILSACK:", "Q"),
    "honorifics without dots": ("MS PSAKI:", "MR VILSACK:", "QUESTION:"),
    "q with a dot": ("Ms. Psaki:", "Secretary Vilsack:", "Q."),
    "broadcast chevrons": (">> JEN PSAKI:", ">> TOM VILSACK:", ">> QUESTION:"),
    "outlet notes": ("PSAKI:", "VILSACK:", "QUESTION (Reuters):"),
}


@pytest.mark.parametrize("style", STYLES)
def test_one_briefing_in_every_label_style(
    style: str, config: Config, matcher: TopicMatcher
) -> None:
    psaki, vilsack, q = STYLES[style]
    document = parse(BRIEFING.format(psaki=psaki, vilsack=vilsack, q=q), config, matcher)
    assert turns(document) == EXPECTED
    assert document.date.value == dt.date(2021, 5, 3)
    assert document.speakers == ("Jen Psaki", "Tom Vilsack")


def test_a_role_label_is_the_person_the_page_names(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "Remarks by President Biden and Prime Minister Suga of Japan in Press Conference\n\n"
        "April 16, 2021\n\n"
        "THE PRESIDENT: Good afternoon.\n\n"
        "PRIME MINISTER SUGA: Thank you.\n\n"
        "Q Mr. President, on China?\n\n"
        "THE PRESIDENT: We compete.\n",
        config,
        matcher,
    )
    assert turns(document) == [
        ("statement", "Biden"),
        ("statement", "Suga"),
        ("question", None),
        ("answer", "Biden"),
    ]
    assert document.date.value == dt.date(2021, 4, 16)
    assert document.date.source == "line 3 below the title"


def test_a_named_interviewer_asks(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "Interview with the Secretary-General on the climate summit, full transcript\n\n"
        "JUDY WOODRUFF: Mr. Secretary-General, is the summit a failure?\n\n"
        "ANTONIO GUTERRES: No. It is a beginning.\n\n"
        "JUDY WOODRUFF: What comes next?\n\n"
        "ANTONIO GUTERRES: Money for adaptation.\n\n"
        "JUDY WOODRUFF: Thank you.\n",
        config,
        matcher,
    )
    assert turns(document) == [
        ("question", "Judy Woodruff"),
        ("answer", "Antonio Guterres"),
        ("question", "Judy Woodruff"),
        ("answer", "Antonio Guterres"),
        ("statement", "Judy Woodruff"),  # `Thank you.` asks nothing
    ]


def test_russian_transcript(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова\n\n"
        "С.В.Лавров: Добрый день.\n\n"
        "Вопрос: Как вы оцениваете переговоры?\n\n"
        "С.В.Лавров: Положительно.\n",
        config,
        matcher,
    )
    assert turns(document) == [
        ("statement", "С.В.Лавров"),
        ("question", None),
        ("answer", "С.В.Лавров"),
    ]


def test_hard_wrapped_text_is_joined_into_paragraphs(config: Config, matcher: TopicMatcher) -> None:
    sentence = (
        "The Secretary met his counterpart today and they spoke about the situation "
        "in the region, the humanitarian corridors, the talks planned for next week and "
        "the sanctions that remain in force."
    )
    lines: list[str] = []
    for paragraph in range(4):
        words = f"{sentence} Paragraph {paragraph} ends here.".split()
        line = ""
        for word in words:
            if len(line) + len(word) + 1 > 72:
                lines.append(line + " ")  # trailing spaces, as press offices leave them
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
    document = parse(
        "Department Press Briefing - June 11, 2010, hard wrapped at 72 columns\n\n"
        "MR. CROWLEY: " + "\n".join(lines) + "\n",
        config,
        matcher,
    )
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert len(texts) == 4
    assert all(text.endswith("ends here.") for text in texts)
    assert texts[0].startswith("The Secretary met his counterpart today and they spoke about")


def test_unwrapped_lines_without_blank_lines_are_paragraphs(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "A statement on the harvest, read at the start of the meeting of the board\n\n"
        "We met today.\nThe harvest was good this year, better than the last three.\n"
        "Prices fell.\n",
        config,
        matcher,
    )
    assert [p.text for p in document.paragraphs] == [
        "We met today.",
        "The harvest was good this year, better than the last three.",
        "Prices fell.",
    ]


def test_a_publication_date_never_beats_the_meetings(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "Posted on June 20, 2019\n\nNews conference of the Governor of the State of Ohio\n\n"
        "Tuesday, June 18, 2019\n\nGOVERNOR DEWINE: Good morning.\n",
        config,
        matcher,
    )
    assert document.date.value == dt.date(2019, 6, 18)
    assert document.date.confidence.value == "exact"


def test_the_file_name_dates_an_undated_page(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "Remarks at the opening of the new library building in the old town\n\nThank you all.\n",
        config,
        matcher,
        name="2012-09-14-library-remarks.txt",
    )
    assert document.date.value == dt.date(2012, 9, 14)
    assert document.date.source == "file name"
    assert document.date.confidence.value == "inferred"


def test_a_moderator_is_named_by_the_thanks_of_whoever_gets_the_floor(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "On-the-Record Press Gaggle by National Security Adviser John Kirby\n\n"
        "MODERATOR:  Hey, everyone.  Kirby has a few words at the top.\n\n"
        "MR. KIRBY:  Hey, everybody.  A few things.\n\n"
        "MODERATOR:  Thank you.  Our first question will go to Steve with Reuters.\n\n"
        "Q    Thank you, Sam.  Hi, John.  What about the ceasefire?\n\n"
        "MR. KIRBY:  We are working on it.\n\n"
        "MODERATOR:  Thank you.  Our next question will go to Karen.\n\n"
        "Q    Thanks, Sam.  John, is there a date?\n\n"
        "MR. KIRBY:  Not yet.\n\n"
        "MODERATOR:  Next, Peter.\n\n"
        "Q    Thank you, John.  And the hostages?\n\n"
        "MR. KIRBY:  We are working on that too.\n\n"
        "MODERATOR:  Last, Tom.\n\n"
        "Q    Thank you, John.  One more?\n\n"
        "MR. KIRBY:  Sure.\n",
        config,
        matcher,
    )
    assert turns(document) == [
        ("statement", "Sam"),
        ("statement", "John Kirby"),
        ("statement", "Sam"),  # giving the floor asks nothing
        ("question", None),
        ("answer", "John Kirby"),
        ("statement", "Sam"),
        ("question", None),
        ("answer", "John Kirby"),
        ("statement", "Sam"),  # thanks to John are for John Kirby, not the moderator
        ("question", None),
        ("answer", "John Kirby"),
        ("statement", "Sam"),
        ("question", None),
        ("answer", "John Kirby"),
    ]


def test_podcast_speakers_by_first_name_and_alone_on_their_line(
    config: Config, matcher: TopicMatcher
) -> None:
    inline = parse(
        "Interview with Robert Jolly, part 1, of the accessibility podcast\n\n"
        "Nicolas: Welcome! Today we talk to Robert.\n\n"
        "Robert: Thanks for having me.\n\n"
        "Nicolas: How do you define accessibility?\n\n"
        "Robert: As a lack of barriers.\n\n"
        "Nicolas: And why does it matter to you?\n\n"
        "Robert: Because of my boys.\n",
        config,
        matcher,
    )
    assert [t[1] for t in turns(inline)] == ["Nicolas", "Robert Jolly"] * 3
    assert [t[0] for t in turns(inline)][2:4] == ["question", "answer"]
    alone = parse(
        "Amy Carney talks about low vision and sticky elements\n\n"
        "Nic\n\nHi. I’m Nic Steenhout. How are you, Amy?\n\n"
        "Amy\n\nHi, I’m good.\n\n"
        "Nic\n\nWhat impact does low vision have on your use of the web?\n\n"
        "Amy\n\nSticky elements hide the content.\n",
        config,
        matcher,
    )
    assert turns(alone) == [
        ("question", "Nic Steenhout"),
        ("answer", "Amy Carney"),
        ("question", "Nic Steenhout"),
        ("answer", "Amy Carney"),
    ]


def test_hansard_labels(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "Prime Minister's Questions, House of Commons, 27 June 2007\n\n"
        "The Prime Minister (Mr. Tony Blair): This morning I had meetings.\n\n"
        "Mr. David Cameron (Witney) (Con): Will the Prime Minister tell the House why?\n\n"
        "The Prime Minister: Because it was right.\n\n"
        "Hon. Members: Hear, hear.\n",
        config,
        matcher,
    )
    assert [(t.speaker, t.note) for t in document.turns] == [
        ("Tony Blair", "Mr. Tony Blair"),
        ("David Cameron", "Witney; Con"),
        ("Tony Blair", None),
        ("Hon. Members", None),
    ]
    assert document.date.value == dt.date(2007, 6, 27)


@pytest.mark.parametrize(
    ("heading", "speaker"),
    [
        (
            "STATEMENT BY:\nHONOURABLE DICKON MITCHELL\nPRIME MINISTER OF GRENADA\n",
            "Dickon Mitchell",
        ),
        ("PHILIPPINES\nGENERAL DEBATE UNGA 79\n\nH.E. ENRIQUE A. MANALO\n", "Enrique A. Manalo"),
        ("Keynote by Jane Doe at the Climate Summit\n", "Jane Doe"),
        ("Jane Doe's talk on adaptation finance\n", "Jane Doe"),
        ("Testimony of Jane Doe before the Committee on Energy\n", "Jane Doe"),
    ],
)
def test_a_speech_heading_names_its_speaker(
    heading: str, speaker: str, config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        f"{heading}79th Session of the UNGA, September 28, 2024\n\n"
        "Mr. President, I bring greetings.\n\nClimate change is the challenge of our time.\n",
        config,
        matcher,
    )
    assert turns(document) == [("statement", speaker)]


def test_a_speech_by_the_person_its_heading_names(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "STATEMENT BY:\nHONOURABLE DICKON MITCHELL\nPRIME MINISTER OF GRENADA\n"
        "79th Session of the UNGA September 28, 2024\n\n"
        "Mr. President, I bring greetings from Grenada.\n\n"
        "Climate change is the challenge of our time.\n",
        config,
        matcher,
    )
    assert turns(document) == [("statement", "Dickon Mitchell")]
    assert document.date.value == dt.date(2024, 9, 28)


@pytest.mark.parametrize(
    "line",
    [
        "On Africa: the President will travel next week.",
        "So Far: nothing has changed.",
        "Official Website of the President of Russia: news and transcripts",
        "STATEMENT BY:",
    ],
)
def test_page_words_are_no_labels(line: str) -> None:
    assert parse_label(line) is None


def test_a_panel_names_its_speakers_in_introductions_and_front_matter(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "---\ntitle: A panel on awareness day\n"
        'summary: "A panel with Nat Tarnoff and others."\n---\n\n'
        "Nic: Welcome, I’m Nic Steenhout. How about you, CB?\n\n"
        "CB: I’m CB Averitt, with Deque.\n\n"
        "Nic: And Nat?\n\n"
        "Nat: I consult on accessibility.\n\n"
        "CB: I agree with Nat.\n\n"
        "Nat: Thanks.\n",
        config,
        matcher,
        name="panel.md",
    )
    assert [speaker for _, speaker in turns(document)] == [
        "Nic Steenhout",
        "CB Averitt",
        "Nic Steenhout",
        "Nat Tarnoff",
        "CB Averitt",
        "Nat Tarnoff",
    ]


def test_a_glued_name_is_the_one_the_page_writes_apart(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Steve Kerr Postgame Interview, Game 4, June 9, 2017\n\n"
        "Q: Did you know about the technical foul?\n\n"
        "SteveKerr: I thought they called it on Draymond.\n\n"
        "McDonald: I saw it.\n\n"
        "SteveKerr: Then it was on me.\n\n"
        "Q: What went wrong?\n\n"
        "Steve: They made 24 threes.\n\n"
        "McDonald: I was not there.\n\n"
        "Steve: We will be back.\n",
        config,
        matcher,
    )
    assert [speaker for _, speaker in turns(document)] == [
        None,
        "Steve Kerr",
        "McDonald",  # no `Mc Donald` in the page: one name
        "Steve Kerr",
        None,
        "Steve Kerr",
        "McDonald",
        "Steve Kerr",
    ]


@pytest.mark.parametrize("speaker", ["Jane Doe", "Hutchins", "thecharlatan", "Various"])
def test_the_one_speaker_the_front_matter_names_gives_the_talk_and_its_answers(
    config: Config, matcher: TopicMatcher, speaker: str
) -> None:
    """Named in full, by a surname or by a handle: the one speaker listed."""
    document = parse(
        f"---\ntitle: Scaling the ledger\nspeakers: ['{speaker}']\n---\n\n"
        "Scaling the ledger\n\nToday I want to talk about blocks of various sizes.\n\n"
        "Q: How big can they get?\n\nA: Not very.\n",
        config,
        matcher,
        name="talk.md",
    )
    # A word the page writes in lower case too (`various`) lists nobody.
    who = None if speaker == "Various" else speaker
    assert turns(document) == [("statement", who), ("question", None), ("answer", who)]


def test_a_turn_after_another_persons_question_answers_it(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "A conversation between two ministers at the opening of the forum\n\n"
        "Anna Berg: We open the forum today.\n\n"
        "Ole Dahl: Thank you. The forum matters.\n\n"
        "Anna Berg: Will the fisheries join next year?\n\n"
        "Ole Dahl: They will.\n\n"
        "Anna Berg: Good. The harbour is ready.\n\n"
        "Ole Dahl: So is the fleet.\n",
        config,
        matcher,
    )
    assert [kind for kind, _ in turns(document)] == [
        "statement",
        "statement",
        "statement",  # one question in three turns: no interviewer
        "answer",
        "statement",
        "statement",
    ]


def test_a_broadcast_transcript_names_then_roles(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "Morning Edition: the talks in Geneva, a conversation with the envoy\n\n"
        "STEVE INSKEEP, HOST: Good morning. Will the talks go on?\n\n"
        "JANE ROE, BYLINE: The envoy says they will.\n\n"
        "INSKEEP: And after that?\n\n"
        "ROE: Another round in May.\n\n"
        "Yes, sir: that is how it goes.\n",
        config,
        matcher,
    )
    assert turns(document) == [
        ("question", "Steve Inskeep"),
        ("answer", "Jane Roe"),
        ("question", "Steve Inskeep"),
        ("answer", "Jane Roe"),
    ]
    assert document.turns[0].note == "HOST"
    assert document.turns[-1].paragraphs[-1].text == "Yes, sir: that is how it goes."


def test_a_label_that_lost_its_first_letters_is_the_label_printed_in_full(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Remarks by President Ann Ray During a Tour of the Vaccination Site\n\n"
        "THE PRESIDENT:  How many a day?\n\n"
        "MS. HAYES:  Hi, I’m Brittney Hayes.  About six thousand.\n\n"
        "HE PRESIDENT:  Six thousand!\n\n"
        "S. HAYES:  Yes, sir.\n\n"
        "THE PRESIDENT:  Thank you.\n\n"
        "MS. HAYES:  Thank you.\n",
        config,
        matcher,
    )
    assert [t[1] for t in turns(document)] == ["Ann Ray", "Brittney Hayes"] * 3


def test_a_short_label_is_never_taken_for_a_clipped_one(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "A conversation between two members of the club about the season\n\n"
        "MR. LEE:  Welcome.\n\nLEE:  Thank you.\n\nMR. LEE:  Go on.\n\nLEE:  I will.\n",
        config,
        matcher,
    )
    assert {label for label in (t.label for t in document.turns) if label} == {"MR. LEE", "LEE"}
    assert all(t.label != "LEE" or t.speaker == "Lee" for t in document.turns)


def test_a_surname_is_found_whatever_its_case_and_across_a_hard_wrap(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Remarks on the vaccination effort in the state, with state officials\n\n"
        "THE PRESIDENT:  I am joined by the head of the state’s health office, Tammy\n"
        "Littrell, and the head of the Arizona National Guard, Major General\n"
        "Michael McGuire.  Over to you both.\n\n"
        "MS. LITTRELL:  Thank you, Mr. President.\n\n"
        "MAJOR GENERAL MCGUIRE:  Thank you.\n",
        config,
        matcher,
    )
    assert [t[1] for t in turns(document)][1:] == ["Tammy Littrell", "Michael McGuire"]


def test_a_speaker_called_by_surname_is_named_by_who_hands_them_the_floor(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Background Press Call on Today’s Prisoner Exchange\n\n"
        "MS. WATERS:  Morning, everybody.  Our first speaker is National Security\n"
        "Advisor Sullivan.  And with that, I will hand it over to Jake.\n\n"
        "MR. SULLIVAN:  Good morning, everyone.\n\n"
        "MS. WATERS:  Thanks.  We’ll open it up to questions.\n\n"
        "MR. SULLIVAN:  Thanks.\n",
        config,
        matcher,
    )
    # `Advisor` is an office, not a first name; `Waters` is handed nothing.
    assert [t[1] for t in turns(document)] == ["Ms. Waters", "Jake Sullivan"] * 2


def test_a_speaker_called_by_one_name_is_named_by_their_own_introduction(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "The accessibility podcast, episode one, with a guest from the industry\n\n"
        "Nicolas: Welcome! This is the podcast. I’m Nic Steenhout and I talk with people.\n\n"
        "Robert: Thanks. I’m a parent first. I am Dave Jones’s friend too.\n\n"
        "Nicolas: Cool.\n\nRobert: Yes.\n",
        config,
        matcher,
    )
    # `I am Dave Jones’s friend` names another person: Robert stays Robert.
    assert [t[1] for t in turns(document)] == ["Nic Steenhout", "Robert"] * 2
    # Captions set a pause as a comma, even inside a name; `I` after one is no name.
    captions = parse(
        "The podcast, episode two, with a guest from the industry\n\n"
        "Travis: Hey, welcome to my podcast. My name is Travis, Albritton, and then\n\n"
        "Sarah: My name is Sarah, I make the audio. I'm Sarah, CEO of Acme.\n\n"
        "Travis: Good.\n\nSarah: Yes. I'm Sarah, Travis's producer.\n",
        config,
        matcher,
    )
    assert [t[1] for t in turns(captions)] == ["Travis Albritton", "Sarah"] * 2


def test_a_page_published_before_its_meeting_began_dates_it_the_day_before(
    config: Config, matcher: TopicMatcher
) -> None:
    front = (
        "---\ndate: '2024-08-10'\nmodified_time: 2024-08-10 09:22:37-04:00\n"
        "published_time: 2024-08-10 09:22:36-04:00\ntitle: On-the-Record Press Gaggle\n---\n"
    )
    document = parse(
        front + "Via Teleconference\n\n1:38 P.M. EDT\n\nMR. KIRBY:  Hey, everybody.\n",
        config,
        matcher,
        name="gaggle.md",
    )
    assert document.date.value == dt.date(2024, 8, 9)
    assert document.date.confidence.value == "inferred"
    assert "1:38 P.M. EDT" in document.date.source
    said = parse(
        front.replace("09:22", "23:22")
        + "7:09 P.M. JST\n\nMR. PATEL:  Good evening.  This call is embargoed until 4:15"
        " Japan Standard Time tomorrow, August 10th.\n",
        config,
        matcher,
        name="call.md",
    )
    assert said.date.value == dt.date(2024, 8, 9)
    assert "tomorrow, August 10th" in said.date.source
    later = parse(
        front.replace("09:22", "15:00") + "1:38 P.M. EDT\n\nMR. KIRBY:  Hey.\n",
        config,
        matcher,
        name="later.md",
    )
    assert later.date.value == dt.date(2024, 8, 10)


def test_call_notes_with_one_word_labels_headings_and_timestamps(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "# Community Call 7 Notes\n\n"
        "### Moderator: Trent\n\n"
        "## Client updates\n\n"
        "### Lighthouse:\n\n"
        "**Danny** [00:01](https://youtu.be/x?t=1): Great, lets get started with lodestar.\n\n"
        "**Lion** [00:40](https://youtu.be/x?t=40): Hey, Lion here, it went well.\n\n"
        "**Danny** [01:10](https://youtu.be/x?t=70): Alright thank you Lion, and Teku.\n\n"
        "**Adrian** [01:30](https://youtu.be/x?t=90): Hey this is Adrian, a release is out.\n\n"
        "**Danny** [02:00](https://youtu.be/x?t=120): Alright.  Danny Alright is no name.\n\n"
        "- [EIP-152](https://eips.ethereum.org/EIPS/eip-152): Yet to be implemented.\n\n"
        "**Paul** [02:30](https://youtu.be/x?t=150): Thanks Danny.\n\n"
        "**Danny** [02:40](https://youtu.be/x?t=160): Paul?\n\n"
        "**Paul** [02:50](https://youtu.be/x?t=170): Nothing more.\n",
        config,
        matcher,
        name="call-07.md",
    )
    # Lion and Adrian speak once each, but the page names them: labels too.
    assert named(document) == [
        "Danny", "Lion", "Danny", "Adrian", "Danny", "Paul", "Danny", "Paul",
    ]  # fmt: skip
    labels = {turn.label for turn in document.turns if turn.label}
    assert not labels & {"Moderator", "Lighthouse", "EIP-152"}


def test_of_two_spellings_of_a_name_the_one_the_page_writes_most_is_kept(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Merge Community Call, the last one before the merge happens\n\n"
        + "".join(f"Tim Beiko: Point {n}.\n\nMicah Zoltu: Question {n}?\n\n" for n in range(3))
        + "Trim Beiko: A misprint.\n\nBEIKO: And the surname alone.\n",
        config,
        matcher,
    )
    assert turns(document)[-1] == ("answer", "Tim Beiko")


def test_labels_in_square_brackets_as_transcription_tools_write_them(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Medford City Council Caucus 12-19-23\n\n"
        "[Councilor Nicole Morell]: Great. The meeting is called to order.\n\n"
        "[SPEAKER_03]: Just turn the sound off.\n\n"
        "[MCM00001745_SPEAKER_01]: Councilor Bears?\n\n"
        "[Unidentified]: Present.\n\n"
        "[Councilor Nicole Morell]: Thank you.\n\n"
        "[Unidentified]: Aye.\n\n"
        "[crosstalk 00:01:31] and then some words.\n",
        config,
        matcher,
    )
    assert [t[1] for t in turns(document)] == [
        "Nicole Morell", "SPEAKER_03", "MCM00001745_SPEAKER_01", "Unidentified",
        "Nicole Morell", "Unidentified",
    ]  # fmt: skip
    assert document.date.value == dt.date(2023, 12, 19)
    assert document.date.source == "title"


def test_a_speech_read_out_on_anothers_behalf_is_the_readers(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "(Provisional Translation)\nAddress by Prime Minister KISHIDA Fumio\n"
        "at the Seventy-Ninth Session of the United Nations General Assembly\n"
        "(Delivered by H.E. Ambassador YAMAZAKI Kazuyuki\non behalf of the Prime Minister)\n\n"
        "Mr. President,\n\nAllow me to deliver this statement on behalf of the Prime Minister.\n",
        config,
        matcher,
    )
    assert {turn.speaker for turn in document.turns if turn.paragraphs} == {"Yamazaki Kazuyuki"}


def test_a_title_of_rank_is_no_part_of_the_name(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "FIJI NATIONAL STATEMENT AT THE GENERAL DEBATE OF THE ASSEMBLY\n\n"
        "His Excellency Ratu Wiliame Maivalili Katonivere, President of\nthe Republic of Fiji\n\n"
        "Thursday, 26 September 2024\n\nMy Fellow Leaders, I bring you greetings.\n",
        config,
        matcher,
    )
    assert {turn.speaker for turn in document.turns if turn.speaker} == {
        "Wiliame Maivalili Katonivere"
    }


def test_french_titles_before_a_name_are_no_part_of_it(
    config: Config, matcher: TopicMatcher
) -> None:
    # `M.`, `Mme`, `L'hon.`: as `Mr.`, `Mrs.`, `Hon.` before the name; `M.` within a
    # name is still an initial.
    document = parse(
        "Débats de la Chambre, le vendredi 3 mars 2000\n\n"
        "M. Gilles Duceppe (Laurier-Sainte-Marie, BQ):\nCela serait injuste.\n\n"
        "Mme Suzanne Tremblay (Rimouski, BQ):\nLe nombre d'amendements est limité.\n\n"
        "L'hon. Herb Gray (vice-premier ministre, Lib.):\nElle avait tort.\n\n"
        "M. Duceppe (Laurier-Sainte-Marie, BQ):\nCela ne tient pas.\n\n"
        "Robert M. Long:\nIl a raison.\n",
        config,
        matcher,
    )
    assert named(document) == [
        "Gilles Duceppe", "Suzanne Tremblay", "Herb Gray", "Gilles Duceppe", "Robert M. Long",
    ]  # fmt: skip


def test_a_suffix_after_the_surname_is_part_of_the_full_name(
    config: Config, matcher: TopicMatcher
) -> None:
    # `VERRILLI, JR.`: the son's name, not his father's; the label gives the surname.
    document = parse(
        "IN THE SUPREME COURT OF THE UNITED STATES\n\n"
        "Counsel who argued\n\nDONALD B. VERRILLI, JR., ESQ., Solicitor General; for the petitioners.\n"
        "ROBERT A. LONG, ESQ., Washington, D.C.; for the respondents.\n\n"
        "CHIEF JUSTICE ROBERTS: We will hear argument first this morning.\n\n"
        "MR. LONG: Mr. Chief Justice, and may it please the Court.\n\n"
        "GENERAL VERRILLI: The Court has held so in the license tax cases.\n\n"
        "MR. LONG: Not in this case.\n",
        config,
        matcher,
    )
    assert named(document) == [
        "Roberts", "Robert A. Long", "Donald B. Verrilli, Jr.", "Robert A. Long",
    ]  # fmt: skip


def test_notes_in_a_list_name_the_speaker_of_a_point_in_parentheses(
    config: Config, matcher: TopicMatcher
) -> None:
    # `- (Ruth) ...`: each point begun by who said it, the points below it theirs; an
    # aside in parentheses (`(Optional)`, `(Laughter)`) names no one. One word so put
    # once is a name where the page writes it elsewhere too (`notes by Vadim`).
    document = parse(
        "# Minutes from the community meeting\n\n## Intro\n\n"
        "- (Ruth) enabled captioning, the call is not recorded\n"
        "  - again next month, date and time to be decided, notes by Vadim\n"
        "- (Optional) bring your own agenda items\n"
        "- (Robert Nyman) With issues and triage, is there a different process?\n"
        "  - (Claas) good question, all issues go through the same funnel\n\n"
        "## Baseline\n\n"
        "- (Vadim) the definition has changed\n"
        "- (Laughter) all round\n"
        "- (Ruth) you only have to look at the files\n"
        "- (Claas) agreed\n",
        config,
        matcher,
        name="minutes.md",
    )
    assert named(document) == ["Ruth", "Robert Nyman", "Claas", "Vadim", "Ruth", "Claas"]
    assert "again next month" in document.turns[1].paragraphs[0].text


def test_a_first_name_written_without_its_stroke_is_the_same_person(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Verkle breakout room, the first meeting, notes of the call\n\n"
        "Original Notes: https://docs.example.org/d/1D2Gtz\n\n"
        "TODO: make sure everyone is aware.\n\n"
        "Łukasz Rozmej: What is an acceptable transition time?\n\n"
        "Guillaume: Upper bound you guys tell me.\n\n"
        "Lukasz: It should be configurable.\n\n"
        "Guillaume: We are about to change it.\n\n"
        "Lukasz: What is the storage layout?\n",
        config,
        matcher,
    )
    assert named(document) == [
        "Łukasz Rozmej", "Guillaume", "Łukasz Rozmej", "Guillaume", "Łukasz Rozmej",
    ]  # fmt: skip
    assert not {"Original Notes", "TODO"} & {turn.label for turn in document.turns}


def test_a_short_first_name_is_the_one_full_name_it_begins(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "# Merge Community Call 7\n\n"
        "### Moderator: Trenton Van Epps\n\n"
        "### Notes: Avishek Kumar and Alexander Lee, with Alexis Ford\n\n"
        "**Trent** [00:01](https://youtu.be/x?t=1): Welcome everybody, questions?\n\n"
        "**Tim Beiko** [00:30](https://youtu.be/x?t=30): Sure, the upgrade is next week.\n\n"
        "**Alex** [01:00](https://youtu.be/x?t=60): Will it be on time?\n\n"
        "**Avi** [01:10](https://youtu.be/x?t=70): I think so.\n\n"
        "**Alex** [01:30](https://youtu.be/x?t=90): And the testnets?\n\n"
        "**Avi** [01:40](https://youtu.be/x?t=100): They follow.\n\n"
        "**Trent** [02:00](https://youtu.be/x?t=120): Thanks all.\n",
        config,
        matcher,
        name="call-07.md",
    )
    # `Alex` begins two full names and `Avi` is too short to be read as a short form.
    assert named(document) == [
        "Trenton Van Epps", "Tim Beiko", "Alex", "Avi", "Alex", "Avi", "Trenton Van Epps",
    ]  # fmt: skip


def test_a_first_name_is_the_full_name_written_with_accents_or_without(
    config: Config, matcher: TopicMatcher
) -> None:
    """Notes label people by first name without the accents the attendee list gives
    (`Peter`, `Péter Szilágyi`; `Pawel`, `Paweł Bylica`), or with them (`Zoë`, `Zoe
    Baird`)."""
    document = parse(
        "# Core Devs Meeting 12\n\n"
        "Peter: At some point there was a bug in both clients, was there not?\n\n"
        "Pawel: That was the case before the fork.\n\n"
        "Zoë: And the tests?\n\n"
        "Peter: They follow.\n\n"
        "Pawel: I agree, we do not need to support that.\n\n"
        "Zoë: Then it is settled.\n\n"
        "## Attendees\n\n"
        "Paweł Bylica (cpp-ethereum), Péter Szilágyi (geth), Zoe Baird (tests)\n",
        config,
        matcher,
        name="acd-12.md",
    )
    assert named(document) == [
        "Péter Szilágyi", "Paweł Bylica", "Zoe Baird", "Péter Szilágyi", "Paweł Bylica",
        "Zoe Baird",
    ]  # fmt: skip


def test_one_person_called_by_one_name_among_full_name_labels(
    config: Config, matcher: TopicMatcher
) -> None:
    """A podcast labels its guests by full name but one by a nickname, which its host
    says aloud (`Next, Kitze`): that one-word label is a speaker too. A one-word
    label the page never writes as a name (`Flashback:`) stays part of the turn."""
    page = (
        "**Kevin Ball:** Hello, everybody! {intro}\n\n"
        "**{guest}:** No, I'm just a vlogger.\n\n"
        "**Mike Grabowski:** Hello, everyone.\n\n"
        "**Kevin Ball:** So, state management?\n\n"
        "**{guest}:** I gave a talk about it.\n\n"
        "**Mike Grabowski:** Me too.\n"
    )
    named = page.format(intro="Next, Kitze, the founder of React Academy.", guest="Kitze")
    document = parse(named, config, matcher, name="js-party-72.md")
    assert [t[1] for t in turns(document)] == [
        "Kevin Ball", "Kitze", "Mike Grabowski", "Kevin Ball", "Kitze", "Mike Grabowski",
    ]  # fmt: skip
    unnamed = page.format(intro="Our guest is late.", guest="Flashback")
    document = parse(unnamed, config, matcher, name="js-party-73.md")
    assert [t[1] for t in turns(document)] == [
        "Kevin Ball", "Mike Grabowski", "Kevin Ball", "Mike Grabowski",
    ]  # fmt: skip


TALK = (
    "# Are We There Yet?\n\n"
    "* **Speaker: Rich Hickey**\n"
    "* **Conference: [JVM Language Summit 2009](http://example.org/) - Sept 2009**\n"
    "* **Video: [http://example.org/v](http://example.org/v)**\n\n"
    "So I'm going to talk about time today. How we treat it, and how we fail to.\n\n"
    "```\nslide title: Time\nQueries\nTransactions\n```\n\n"
    "If I'm using B and A, and you're using A and B, that's a recipe for what?\n\n"
    "[Audience member: Deadlock.]\n\n"
    "Deadlock, right? So the classic technique is a consistent order.\n\n"
    "[Audience member: Is that a setting you define before you\nstart the system?]\n\n"
    "No, it is made as you go.\n\n"
    "[Applause]\n\n"
    "[Music Playing] And the questions now.\n\n"
    "[Audience member 1] Why would this not be wrong for another 20 years?\n\n"
    "[Rich Hickey] Well, I don't know what those talks were.\n\n"
    "[Joshua Bloch] Have you read the paper by Lamport in 1978?\n\n"
    "[Rich Hickey] Yes, I have.\n\n"
    "Different audience member: And the JVM?\n\n"
    "[Rich Hickey] Keep making everything faster.\n"
)


def test_a_talk_with_its_speaker_listed_below_the_title_and_questions_in_brackets(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(TALK, config, matcher, name="are-we-there-yet.md")
    assert turns(document) == [
        ("statement", "Rich Hickey"),
        ("answer", None),  # `Deadlock.`: the audience answers the speaker's question
        ("statement", "Rich Hickey"),
        ("question", None),
        ("answer", "Rich Hickey"),
        ("question", None),
        ("answer", "Rich Hickey"),
        ("question", "Joshua Bloch"),
        ("answer", "Rich Hickey"),
        ("question", None),
        ("answer", "Rich Hickey"),
    ]
    texts = [p.text for turn in document.turns for p in turn.paragraphs]
    assert "Is that a setting you define before you start the system?" in texts
    # The list below the title is the page's metadata, not a speaker `Speaker`.
    reasons = {d.text: d.reason for d in document.dropped}
    assert reasons["* Speaker: Rich Hickey"] == "page metadata"
    assert not {"Speaker", "Queries", "Music Playing"} & {t.label for t in document.turns}


def test_code_in_a_page_is_nobodys_label(config: Config, matcher: TopicMatcher) -> None:
    document = parse(
        "# REPL-Driven Development\n\n"
        "Stuart Halloway: Let me show you a session.\n\n"
        "```clojure\nAlex Miller: (+ 1 2)\nQueries\n```\n\n"
        "~~~\nRich Hickey: (def x 1)\n~~~\n\n"
        "Alex Miller: That is how I work too.\n",
        config,
        matcher,
        name="repl.md",
    )
    labelled = [(t.label, [p.text for p in t.paragraphs]) for t in document.turns if t.label]
    assert labelled == [
        ("Stuart Halloway", ["Let me show you a session.", "Alex Miller: (+ 1 2)"]),
        ("Alex Miller", ["That is how I work too."]),
    ]


def test_a_first_label_whose_words_go_on_is_speech_not_a_title(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "**Forrest Brazeal:** There's MQ, EC2,\n\n"
        "And RedShift and GameLift and Glue.\n\n"
        "**Jerod Santo:** You're listening to Song Encoder. My name is Jerod Santo.\n",
        config,
        matcher,
        name="the-changelog-477.md",
    )
    assert turns(document) == [("statement", "Forrest Brazeal"), ("statement", "Jerod Santo")]
    assert document.turns[0].paragraphs[0].text == "There's MQ, EC2,"


def test_a_talk_named_in_front_matter_answers_the_questions_from_the_floor(
    config: Config, matcher: TopicMatcher
) -> None:
    talk = parse(
        "---\ntitle: Schnorr signatures\nspeakers:\n  - Jane Doe\ndate: 2018-10-06\n---\n\n"
        "Thank you. Today I talk about signatures.\n\n# Q&A\n\n"
        "Q: What about batch verification?\n\nA: It works.\n\n"
        "Audience: And the cost?\n\nIt is lower.\n\nAnd falling.\n",
        config,
        matcher,
        name="schnorr.md",
    )
    assert turns(talk) == [
        ("statement", "Jane Doe"),
        ("question", None),
        ("answer", "Jane Doe"),
        ("question", None),
        ("answer", "Jane Doe"),
    ]
    panel = parse(
        "---\ntitle: 'Panel: the future'\nspeakers: ['Jane Doe', \"John O'Roe\", 'Ann Lee']\n---\n\n"
        "Ann: Welcome to the panel. Jane, what do you think?\n\nJane: I think it is fine.\n\n"
        "John: I disagree.\n\nAnn: Why?\n\nJane: Because it works.\n\n"
        "Audience member: Can you say more?\n\nJohn: Not really.\n",
        config,
        matcher,
        name="panel.md",
    )
    assert [t[1] for t in turns(panel)] == [
        "Ann Lee", "Jane Doe", "John O'Roe", "Ann Lee", "Jane Doe", None, "John O'Roe",
    ]  # fmt: skip


def test_a_stenographers_first_names_in_capitals_are_the_full_names_the_page_gives(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "# Talks: Sara Wachter-Boettcher on tech, bias, and responsibility\n\n"
        "KIM: Hello! I'm Kim, and I'll be MCing. Our first speaker is Sara Wachter-Boettcher.\n\n"
        "[ Applause ]\n\n"
        "SARA: Hello! As Erin said, the Kim Kardashians of the world post a lot.\n\n"
        "AUDIENCE: Whoo!\n\n"
        "SARA: Thank you. Questions?\n\n"
        "AUDIENCE: What do we do about it?\n\n"
        "SARA: We ask who is harmed.\n\n"
        "KIM: Thank you, Sara!\n",
        config,
        matcher,
        name="talk-sara.md",
    )
    # `Kim Kardashians`, written once, names nobody; the speaker's name, written twice, does.
    assert [t[1] for t in turns(document)] == [
        "Kim", "Sara Wachter-Boettcher", None, "Sara Wachter-Boettcher", None,
        "Sara Wachter-Boettcher", "Kim",
    ]  # fmt: skip
    # A cheer from the floor asks nothing; a question from the floor asks.
    assert [t[0] for t in turns(document) if t[1] is None] == ["statement", "question"]


def test_a_word_of_speech_before_a_name_is_no_part_of_it(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Welcome to the conference, the opening plenary of the year\n\n"
        "As Erin said, we start on time. As Ann Lee said, we end on time.\n",
        config,
        matcher,
    )
    assert {turn.speaker for turn in document.turns} == {"Ann Lee"}


def test_the_line_above_a_pages_list_of_what_it_is_is_its_title(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "Welcome to SRCCON\r\nDay & Time: Thursday, July 9, 2015, 10-10:30am\r\n"
        "Room: Memorial\r\n         \r\n"
        "     >> Welcome to Minneapolis. I'm Dan Sinker, I should introduce myself first.\r\n",
        config,
        matcher,
        name="srccon-2015-opening-plenary.txt",
    )
    assert document.title == "Welcome to SRCCON"
    assert document.date.value == dt.date(2015, 7, 9)
    reasons = {d.text: d.reason for d in document.dropped}
    assert reasons["Room: Memorial"] == "page metadata"
    texts = [p.text for t in document.turns for p in t.paragraphs]
    assert len(texts) == 1 and "Welcome to Minneapolis." in texts[0]


INTERVIEW = [
    ("statement", None),  # the introduction, before the first question: the interviewer's
    ("question", None),
    ("answer", "Jane Doe"),
    ("question", None),
    ("answer", "Jane Doe"),
]
"""The interview of Jane Doe as the Markdown and HTML pages below write it."""


def test_an_interview_sets_its_questions_in_bold_or_italics(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "# An interview with Jane Doe, the new director of the museum\n\n"
        "She took the post in May. We met her in her office.\n\n"
        "**Why did you take the post?**\n\n"
        "Because the collection deserves it.\n\n"
        "And because the city asked me.\n\n"
        "*What comes first? The roof, or the catalogue?*\n\n"
        "The roof. A museum that leaks loses its pictures.\n\n"
        "**Thank you.**\n",
        config,
        matcher,
        name="interview.md",
    )
    assert turns(document) == [*INTERVIEW, ("statement", None)]
    # One question set apart makes no interview: bold is also how a page stresses.
    one = parse(
        "# A speech by Jane Doe at the museum's opening\n\n"
        "Friends, welcome.\n\n**Who would have thought it?**\n\nWe did.\n",
        config,
        matcher,
        name="speech.md",
    )
    assert {t[0] for t in turns(one)} == {"statement"}


@pytest.mark.parametrize(
    ("standfirst", "who"),
    [
        ("Excerpt from a TV interview with Vladimir Putin, for learners.", "Vladimir Putin"),
        ("She spoke in an interview with CNN last year.", None),
        ("Clips of Vladimir Putin's interview with Tucker Carlson.", None),
    ],
)
def test_an_interview_is_of_the_person_its_description_names(
    config: Config, matcher: TopicMatcher, standfirst: str, who: str | None
) -> None:
    """Where the title names no one, the page's description or first lines may say
    whose interview it is, by a person's full name (not a broadcaster's)."""
    document = parse(
        f"---\ntitle: Learn Russian (2/2)\ndescription: {standfirst}\n---\n"
        "We met her in her office on a cold day in spring.\n\n"
        "**Why did you take the post?**\n\nBecause the collection deserves it.\n\n"
        "*What comes first? The roof, or the catalogue?*\n\nThe roof, of course.\n",
        config,
        matcher,
        name="interview.md",
    )
    assert turns(document)[1:] == [
        ("question", None), ("answer", who), ("question", None), ("answer", who),
    ]  # fmt: skip


def test_an_interview_page_sets_its_questions_in_strong_or_em(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse(
        "<html><head><title>An interview with Jane Doe</title></head><body>"
        "<h1>An interview with Jane Doe</h1>"
        "<p>She took the post in May.</p>"
        "<p><strong>Why did you take the post?</strong></p>"
        "<p>Because the collection <em>deserves</em> it.</p>"
        "<p><em>What comes first?</em> <b>The roof?</b></p>"
        "<p>The roof.</p></body></html>",
        config,
        matcher,
        name="interview.html",
    )
    assert turns(document) == INTERVIEW


def test_an_interview_sets_questions_of_several_lines_in_bold(
    config: Config, matcher: TopicMatcher
) -> None:
    """A question in bold that runs over several lines opens the bold on its first line
    and closes it on its last; one line of an answer that reads like a label (`Andrew
    Tanenbaum: ...`) makes no labelled page of it."""
    document = parse(
        "# An interview with Jane Doe, the new director of the museum\n\n"
        "She took the post in May. We met her in her office.\n\n"
        "**Why did you take the post, and why\nnow, after ten years away?**\n\n"
        "Because the collection deserves it. I read the classics first:\n\n"
        'Andrew Tanenbaum: "Operating Systems" and his other books.\n\n'
        "**What comes first? The roof,\nor the catalogue?**\n\n"
        "The roof. A museum that leaks loses its pictures.\n",
        config,
        matcher,
        name="interview.md",
    )
    assert turns(document) == INTERVIEW
    assert document.turns[1].paragraphs[0].text.startswith("Why did")
    assert document.turns[1].paragraphs[0].text.endswith("years away?")


def test_a_russian_interview_names_its_guest_as_the_page_does_not_as_its_title(
    config: Config, matcher: TopicMatcher
) -> None:
    """`Интервью с Сергеем Вакуленко` names the guest in the case `с` asks for; who
    answers is the name as the introduction writes it (`Сергей Вакуленко`)."""
    document = parse(
        '---\ntitle: "Интервью с Сергеем Вакуленко"\n---\n'
        "Сегодня у меня в гостях Сергей Вакуленко, программист.\n\n"
        "**Как вы пришли\nв программирование?**\n\n"
        "Случайно, в 1983 году.\n\n"
        "**Что было потом?**\n\n"
        "Физтех и UNIX.\n",
        config,
        matcher,
        name="interview.md",
    )
    assert turns(document) == [
        ("statement", None),
        ("question", None),
        ("answer", "Сергей Вакуленко"),
        ("question", None),
        ("answer", "Сергей Вакуленко"),
    ]


def test_a_one_word_label_of_many_turns_among_full_names_is_the_audience(
    config: Config, matcher: TopicMatcher
) -> None:
    """A talk's questions where the page labels its speaker by full name and whoever
    asks by one word it names nobody by (`Yogi:`): the audience, who asks, answers the
    speaker's question or remarks."""
    exchanges = [
        ("Yogi: Mother, what should we do with them?", "Jane Doe: Be patient with them."),
        ("Yogi: They bring flowers.", "Jane Doe: Do they? Where?"),
        ("Yogi: In Burwood.", "Jane Doe: Very good."),
        ("Yogi: And how do we start?", "Jane Doe: With the photograph."),
        ("Yogi: Thank you, Mother.", "Jane Doe: Good."),
    ]
    text = "A talk to the yogis\n\nSo now, if you have any questions, you can ask.\n\n"
    text += "\n\n".join(f"{asked}\n\n{said}" for asked, said in exchanges) + "\n"
    document = parse(text, config, matcher)
    assert turns(document) == [
        ("question", None), ("answer", "Jane Doe"),
        ("statement", None), ("answer", "Jane Doe"),
        ("answer", None), ("answer", "Jane Doe"),
        ("question", None), ("answer", "Jane Doe"),
        ("statement", None), ("answer", "Jane Doe"),
    ]  # fmt: skip
    assert {turn.label for turn in document.turns if turn.speaker is None} == {"Yogi"}


def test_a_name_alone_on_its_line_once_among_such_labels(
    config: Config, matcher: TopicMatcher
) -> None:
    """Call notes put each speaker's name alone on a line above what they said, the
    full name the first time (`Paul Hauner`) and the first name after (`Paul`). A
    name alone once is a label where the page names that person elsewhere (the list
    of who took part); a line alone once that the page names nowhere else (`Next
    Steps`) is no one."""
    document = parse(
        "# Implementers' Call 3\n\n"
        "**Mikhail Kalinin**\n\n* Welcome to the call.\n\n"
        "**Paul Hauner**\n\n* Lighthouse is ready.\n\n"
        "**Dustin Brody**\n\n* Nimbus is ready too.\n\n"
        "**Mikhail**\n\n* Good. Anything else?\n\n"
        "**Paul**\n\n* Errors on that endpoint stop nothing.\n\n"
        "**Next Steps**\n\n* Devnet on Monday.\n\n"
        "**Paul**\n\n* We log them.\n\n"
        "**Mikhail**\n\n* Thanks all.\n\n"
        "## Attendees\n\n- Mikhail Kalinin\n- Paul Hauner (Lighthouse)\n- Dustin Brody (Nimbus)\n",
        config,
        matcher,
        name="merge-implementers-03.md",
    )
    assert named(document) == [
        "Mikhail Kalinin", "Paul Hauner", "Dustin Brody", "Mikhail Kalinin", "Paul Hauner",
        "Paul Hauner", "Mikhail Kalinin",
    ]  # fmt: skip
    assert "Next Steps" in [p.text for p in document.paragraphs]


def test_a_one_word_label_once_is_a_name_the_page_writes_with_accents(
    config: Config, matcher: TopicMatcher
) -> None:
    """Among one-word labels, one that speaks once (`Pawel:`) is a speaker where the
    page names that person, with accents or without (`Paweł Bylica`); a first name
    resolves to a full name with a middle name (`Martin Holst Swende`)."""
    document = parse(
        "# Core Devs Meeting 12\n\n"
        "Martin: Should hard forks depend on each other?\n\n"
        "Arkadiy: The pre-compiles can be empty.\n\n"
        "Pawel: That was the case before the fork.\n\n"
        "Martin: Then we keep it.\n\n"
        "Arkadiy: Agreed.\n\n"
        "## Attendees\n\n"
        "Arkadiy Paronyan (Parity), Martin Holst Swende (geth/security), "
        "Paweł Bylica (cpp-ethereum)\n",
        config,
        matcher,
        name="acd-12.md",
    )
    assert named(document) == [
        "Martin Holst Swende", "Arkadiy Paronyan", "Paweł Bylica", "Martin Holst Swende",
        "Arkadiy Paronyan",
    ]  # fmt: skip


def test_a_one_word_label_misspelt_by_a_letter_is_the_name_the_page_writes(
    config: Config, matcher: TopicMatcher
) -> None:
    """Notes typed live spell one label two ways (`Paritosh:`, `Parithosh:`): the form
    the page also writes as a name (in the list of who took part) is the person. Two
    short names a letter apart (`Dana`, `Dan`) stay two people."""
    page = (
        "# Eth2 Call 70\n\n"
        "Danny: Where are we at with the devnet?\n\n"
        "Paritosh: We had a config error in the beginning.\n\n"
        "Parithosh: Another thing: lighthouse lost peers.\n\n"
        "Dana: And the tests?\n\n"
        "Dan: They follow.\n\n"
        "Danny: Thanks.\n\n"
        "Parithosh: One more thing.\n\n"
        "Dana: Good.\n\n"
        "Dan: Bye.\n\n"
        "## Attendees\n\n* Danny\n* Paritosh\n* Dana\n* Dan\n"
    )
    document = parse(page, config, matcher, name="eth2-call-70.md")
    assert named(document) == [
        "Danny", "Paritosh", "Paritosh", "Dana", "Dan", "Danny", "Paritosh", "Dana", "Dan",
    ]  # fmt: skip


def test_handles_in_lower_case_label_people(config: Config, matcher: TopicMatcher) -> None:
    """A meetup transcript labels people by their chat handles (`gmaxwell:`, `sipa:`)
    among `Q:` and `A:`: each is a speaker under the handle as printed, named in prose
    too (`which gmaxwell came up with`). A word in lower case before a colon that the
    page writes as often elsewhere (`step:`) labels no one, nor does one on a page
    without other labels."""
    page = (
        "# bip151\n\n"
        "The fingerprint-free authentication, which gmaxwell came up with, is the step "
        "that matters. Each step is small; the step after it is smaller.\n\n"
        "Q: How many peers are SPV nodes connected to?\n\n"
        "A: Usually eight.\n\n"
        "sipa: I think there were two proposals.\n\n"
        "gmaxwell: I would like to clarify.\n\n"
        "step: one, then two.\n\n"
        "Q: Is there a code impossible to encrypt?\n\n"
        "gmaxwell: Not that I know of.\n\n"
        "step: three.\n"
    )
    document = parse(page, config, matcher, name="bip151.md")
    assert [t for t in turns(document) if t[1]] == [
        ("answer", "sipa"), ("answer", "gmaxwell"), ("answer", "gmaxwell"),
    ]  # fmt: skip
    texts = [p.text for p in document.paragraphs]
    assert "step: one, then two." in texts
    alone = parse(
        "gmaxwell: I would like to clarify.\n\ngmaxwell: And one more thing.\n",
        config,
        matcher,
        name="log.md",
    )
    assert [t[1] for t in turns(alone)] == [None]


def test_a_named_person_who_asks_where_a_marks_the_answers_is_no_answerer(
    config: Config, matcher: TopicMatcher
) -> None:
    """Among `Q:` and `A:`, a named person's question (`WT: How certain…?`) is a
    question, and the `A:` after it is not theirs."""
    document = parse(
        "# Socratic Seminar 3\n\n"
        "Q: Could this be combined with PSBT?\n\n"
        "A: PSBT at its core is simple.\n\n"
        "WT: How certain are the developers that the behaviour is as you expect?\n\n"
        "A: Very certain, for two reasons.\n\n"
        "Q: Are there any big surprises?\n\n"
        "A: Not really.\n",
        config,
        matcher,
        name="seminar.md",
    )
    assert turns(document) == [
        ("question", None), ("answer", None), ("question", "WT"), ("answer", None),
        ("question", None), ("answer", None),
    ]  # fmt: skip


def test_diarization_labels_are_named_from_what_the_page_says(
    config: Config, matcher: TopicMatcher
) -> None:
    """A machine transcript labels its two voices `Speaker 0` and `Speaker 1`; its
    front matter lists who speaks. Each greets or thanks the other by name, so each
    label is a listed person. Without a list, or where the words point both labels to
    one person, the labels stay as printed."""
    page = (
        "---\ntitle: Mempool Ancestors\nspeakers: [{listed}]\n---\n"
        "Speaker 0: 00:00:00\n\nHi John.\n\n"
        "Speaker 1: 00:00:01\n\nHi Gloria.\n\n"
        "Speaker 0: 00:00:02\n\nFeel like talking about the mempool today?\n\n"
        "Speaker 1: 00:00:06\n\nYeah, let's do it.\n\n"
        "Speaker 0: 00:09:10\n\nThanks, {thanked}.\n"
    )
    named = parse(
        page.format(listed="John Newbery, Gloria Zhao", thanked="John"),
        config,
        matcher,
        name="podcast.md",
    )
    assert [t[1] for t in turns(named)] == [
        "Gloria Zhao", "John Newbery", "Gloria Zhao", "John Newbery", "Gloria Zhao",
    ]  # fmt: skip
    unlisted = parse(page.format(listed="", thanked="John"), config, matcher, name="podcast.md")
    assert {t[1] for t in turns(unlisted)} == {"Speaker 0", "Speaker 1"}
    # `Hi John` from Speaker 0 and `Thanks, Gloria` from Speaker 0 too: Speaker 1 is
    # pointed to John once and to Gloria once, and stays as printed.
    torn = parse(
        page.format(listed="John Newbery, Gloria Zhao", thanked="Gloria"),
        config,
        matcher,
        name="podcast.md",
    )
    assert "Speaker 1" in {t[1] for t in turns(torn)}
    talk = parse(
        "---\ntitle: BOLT12 in LND\nspeakers: [Maurice]\n---\n"
        "Speaker 0: 00:00:00\n\nHi, I'm Maurice, I work on LND.\n\n"
        "Speaker 1: 00:10:00\n\nAny questions?\n",
        config,
        matcher,
        name="talk.md",
    )
    assert [t[1] for t in turns(talk)] == ["Maurice", "Speaker 1"]


def test_questions_and_answers_marked_with_a_dash(config: Config, matcher: TopicMatcher) -> None:
    """`Q - ` and `A - ` begin a question and its answer, a remark put as a question
    too (no question mark): the answer is a turn of its own."""
    document = parse(
        "---\ntitle: Segwit, PSBT Vulnerability\nspeakers: [Luke Dashjr]\n---\n"
        "I will talk about the vulnerability.\n\n"
        "Q - I feel like there are not a lot of people against it.\n\n"
        "A - I haven't heard of anyone against it.\n\n"
        "Q - Can you lay out the options?\n\n"
        "A - The main two ideas are these.\n",
        config,
        matcher,
        name="talk.md",
    )
    assert turns(document) == [
        ("statement", "Luke Dashjr"), ("question", None), ("answer", "Luke Dashjr"),
        ("question", None), ("answer", "Luke Dashjr"),
    ]  # fmt: skip
    assert document.paragraphs[1].text == "I feel like there are not a lot of people against it."


def test_the_reader_names_a_diarization_label_the_page_lets_name(
    config: Config, matcher: TopicMatcher
) -> None:
    """The reader's turn label shows the person a `Speaker 0` turns out to be, with the
    label as printed dimmed beside it; a label that stays as printed shows alone."""
    from tui.document.content import label_content

    page = (
        "---\ntitle: Mempool\nspeakers: [{listed}]\n---\n"
        "Speaker 0: 00:00:00\n\nHi John.\n\n"
        "Speaker 1: 00:00:01\n\nHi Gloria.\n"
    )
    for listed, shown in (
        ("John Newbery, Gloria Zhao", ["Gloria Zhao (Speaker 0)", "John Newbery (Speaker 1)"]),
        ("", ["Speaker 0", "Speaker 1"]),
    ):
        document = parse(page.format(listed=listed), config, matcher, name="podcast.md")
        assert [label_content(turn, matcher, None).plain for turn in document.turns] == shown


def test_initials_label_the_person_they_spell(config: Config, matcher: TopicMatcher) -> None:
    """`AP:` is the one person the page lists as speaking whose initials it spells, first
    and last name too (`LS` of `Lawrence H. Summers`), else the one the page names
    (`Alan Murray - Moderator`); initials two people share stay as printed."""
    panel = (
        "---\ntitle: Future of Privacy\nspeakers: [Brandon Goodell, Andrew Poelstra,"
        " Lawrence H. Summers]\n---\n"
        "Alan Murray - Moderator\n\n"
        "AM: What do you think about taproot?\n\n"
        "AP: There was a new proposal posted to the mailing list.\n\n"
        "BG: My thoughts are complicated.\n\n"
        "LS: I agree with both of them.\n"
    )
    document = parse(panel, config, matcher, name="panel.md")
    assert named(document) == [
        "Alan Murray", "Andrew Poelstra", "Brandon Goodell", "Lawrence H. Summers"
    ]  # fmt: skip
    shared = panel.replace("Brandon Goodell", "Brandon Goodell, Bea Gray")
    assert named(parse(shared, config, matcher, name="panel.md"))[2] == "BG"


def test_a_listed_speaker_who_introduces_themselves_takes_the_floor(
    config: Config, matcher: TopicMatcher
) -> None:
    """On an unlabelled page that lists several speakers, a paragraph where one of them
    says their name early (in full, or a first name one of them has) starts their
    turn, and what follows is theirs, through headings; a name the page does not list,
    or said past the paragraph's opening, starts none."""
    document = parse(
        "---\ntitle: Bitcoin Law\nspeakers: [James Gatto, Marco Santori]\n---\n"
        "Our next two speakers will talk about the law.\n\n"
        "I am going to talk about patents.\n\n"
        "My name is Marco Santori, I am an attorney.\n\n"
        "Regulators look at three things.\n\n"
        "# Securities\n\nThe first is whether a token is a security.\n\n"
        "I'm Jane Roe and I disagree. "
        + "Patents are slow to come. "
        * 8
        + "So says my name is James Gatto.\n\n"
        "Alright. Are we ready? Thumbs up? Cool. I am James and this is Marco.\n\n"
        "Patents again.\n\nI am Marco Santori's co-counsel, and patents are slow.\n",
        config,
        matcher,
        name="law.md",
    )
    assert turns(document) == [
        ("statement", None), ("statement", "Marco Santori"), ("statement", "Marco Santori"),
        ("statement", "James Gatto"),
    ]  # fmt: skip
    assert [len(t.paragraphs) for t in document.turns] == [2, 2, 1, 2, 3]


def test_who_opens_a_talk_of_several_is_the_listed_speaker_the_others_are_spoken_of_by(
    config: Config, matcher: TopicMatcher
) -> None:
    """A talk of two listed speakers that names neither in a label: the opening
    paragraph that says `I` and tells of one of them by name (`Joseph will go after
    that.`) is the other's, and so is the talk after it, through headings. Not where
    the name is asked about, said in a host's welcome, or past the opening paragraphs."""
    listed = "---\ntitle: Lightning\nspeakers: [Tadge Dryja, Joseph Poon]\n---\n"
    talk = (
        "Great to have you guys. They are going to talk about scaling.\n\n"
        "Okay, hi. I titled it solutions. Joseph will go after that. Okay, so I'll start.\n\n"
        "# Payment channels\n\nA channel is two signatures.\n"
    )
    document = parse(listed + talk, config, matcher, "ln.md")
    assert turns(document) == [("statement", None)] + [("statement", "Tadge Dryja")] * 2
    for other in (
        "Okay, hi. Shall we hear from Joseph after this? I'll start.",
        "Hi, I am the host. Please welcome Joseph, who goes after the break.",
        "I'm excited to have Joseph here with us today.",
        "I have a question for Joseph, who goes after the break.",
        "Okay, hi. I titled it solutions. Poon will go after that.",
    ):
        document = parse(listed + talk.replace(talk.split("\n\n")[1], other), config, matcher)
        assert named(document) == ([] if "Poon" not in other else ["Tadge Dryja"] * 2)
    late = "".join(f"Fees rose in year {n}, as blocks filled up.\n\n" for n in range(3))
    late += "I titled it solutions. Joseph will go after that.\n"
    assert named(parse(listed + late, config, matcher, "ln.md")) == []
    # A word of a name the page writes in lower case too is no name; of three
    # listed, a moderator may name two.
    debate = "---\ntitle: PMQs\nspeakers: [Theresa May, Jeremy Corbyn]\n---\n"
    said = "In May I said we may well leave, and I stand by it today.\n"
    assert named(parse(debate + said, config, matcher, "pmqs.md")) == []
    panel = "---\ntitle: Panel\nspeakers: [Alice Walker, Bob Stone, Carol King]\n---\n"
    asked = "I want to start with Bob and Carol, and their work on the ledger.\n"
    assert named(parse(panel + asked, config, matcher, "panel.md")) == []


def test_an_a_label_is_the_answer_of_who_gave_the_part_the_questions_follow(
    config: Config, matcher: TopicMatcher
) -> None:
    """`A:` on a page of several listed speakers answers for whoever had the floor
    before the questions, where that was their one part; where the speakers took parts
    in turn, the questions are to all of them, and an `A:` names nobody."""
    listed = "---\ntitle: FROST\nspeakers: [Chelsea Komlo, Elizabeth Crites]\n---\n"
    parts = (
        "My name is Elizabeth Crites, I am a postdoc.\n\nSchnorr signatures.\n\n"
        "I'm Chelsea Komlo, I work on FROST.\n\nRobustness.\n\n"
    )
    asked = "Q: Who uses FROST?\n\nA: Zcash does.\n"
    document = parse(listed + parts + asked, config, matcher, "frost.md")
    assert turns(document)[-2:] == [("question", None), ("answer", "Chelsea Komlo")]
    taken_back = parts + "My name is Elizabeth Crites again.\n\nMore on Schnorr.\n\n"
    document = parse(listed + taken_back + asked, config, matcher, "frost.md")
    assert turns(document)[-2:] == [("question", None), ("answer", None)]


@pytest.mark.parametrize(
    "stamp",
    ["{name}  0:{n:02d}", "{name} 00:{n:02d}:14", "{name} – 00:{n:02d}:22:", "{name}- 00:{n:02d}:33:",
     "{name} [00:{n:02d}:05]", "{name} (00:{n:02d}:05)"],
)  # fmt: skip
@pytest.mark.parametrize("listed", [True, False])
def test_a_name_and_the_time_they_began_alone_on_a_line_label_the_words_below(
    config: Config, matcher: TopicMatcher, stamp: str, listed: bool
) -> None:
    """Transcription tools (Otter, Descript) put each speaker's name and the time they
    began on a line above their words: a label where the page lists the speaker, or
    times two names twice each (one of them may be a first name only). The first such
    line, right below the front matter, is one too, not furniture above a title."""
    speakers = "speakers: [Stephan Livera, Dusty Daemon]\n" if listed else ""
    said = ["Welcome to the show.", "Thanks for having me.", "What is splicing?", "A resize."]
    people = ["Stephan Livera", "Dusty", "Stephan Livera", "Dusty"]
    body = "\n\n".join(
        f"{stamp.format(name=who, n=n)}\n\n{words}"
        for n, (who, words) in enumerate(zip(people, said, strict=True))
    )
    document = parse(f"---\ntitle: Splicing\n{speakers}---\n{body}\n", config, matcher, "a.md")
    assert [t.speaker for t in document.turns] == [
        "Stephan Livera", "Dusty Daemon" if listed else "Dusty", "Stephan Livera",
        "Dusty Daemon" if listed else "Dusty",
    ]  # fmt: skip
    assert [p.text for t in document.turns for p in t.paragraphs] == said


def test_a_chapter_list_or_a_clock_is_no_speaker(config: Config, matcher: TopicMatcher) -> None:
    """Titles timed once each (a video's chapters) label nothing; a place and its time
    (`Moscow: 12:30`) is still the page's clock, and dropped."""
    document = parse(
        "---\ntitle: Splicing\n---\nIntro 0:00\n\nChapter One 2:30\n\nMoscow: 12:30\n\n"
        "Splicing resizes a channel.\n",
        config,
        matcher,
        "a.md",
    )
    assert named(document) == []
    assert [d.reason for d in document.dropped if d.text == "Moscow: 12:30"] == ["page clock"]


def test_a_heading_that_names_a_speaker_the_page_labels_gives_them_the_part_below(
    config: Config, matcher: TopicMatcher
) -> None:
    """A Markdown heading is a heading whatever it ends in; one that ends with a name in
    brackets gives the part below to that person where the page lists them or labels
    them by full name elsewhere (the host, `Jeff Gallas:` in the questions), even after
    a dash in the heading (`Nodes - a market overview (Rootzoll)`)."""
    page = (
        "---\ntitle: RaspiBlitz\nspeakers: [Rootzoll, Openoms]\n---\n"
        "## Intro (Jeff Gallas)\n\nWelcome to episode nine of the show.\n\n"
        "## Nodes - a market overview (Rootzoll)\n\nWe are talking full nodes today.\n\n"
        "## ThunderHub (Openoms)\n\nI would like to speak about it.\n\n"
        "Jeff Gallas: Is it running as a service?\n\nOpenoms: Yes it is.\n\n"
        "Jeff Gallas: And backups?\n\nOpenoms: Those too.\n"
    )
    document = parse(page, config, matcher, "blitz.md")
    assert turns(document) == [
        ("statement", "Jeff Gallas"), ("statement", "Rootzoll"), ("statement", "Openoms"),
        ("question", "Jeff Gallas"), ("answer", "Openoms"),
        ("question", "Jeff Gallas"), ("answer", "Openoms"),
    ]  # fmt: skip
    headings = [t.paragraphs[0].text for t in document.turns if t.kind is TurnKind.HEADING]
    assert headings == [
        "Intro (Jeff Gallas)", "Nodes - a market overview (Rootzoll)", "ThunderHub (Openoms)"
    ]  # fmt: skip
    unlabelled = parse(page.split("Jeff Gallas:")[0], config, matcher, "blitz.md")
    assert turns(unlabelled)[0] == ("statement", None)
    assert unlabelled.turns[0].kind is TurnKind.HEADING
    # A line of text that ends with a labelled person's name is a quote of them, no
    # heading: the part below is not theirs.
    quoted = (
        "Jake Tapper: Your press secretary said this:\n\n"
        "Inflation is transitory - Jen Psaki\n\nIs that still true, do you think?\n\n"
        "Jen Psaki: It is.\n\nJake Tapper: Thanks.\n\n## Part two\n"
        "We turn to foreign policy now.\n"
    )
    document = parse(quoted, config, matcher, "tapper.md")
    speaking = {p.text: t.speaker for t in document.turns for p in t.paragraphs}
    assert speaking["Is that still true, do you think?"] is None
    assert speaking["We turn to foreign policy now."] is None
    # A heading of the markup is a paragraph of its own, blank line below or not.
    assert [t.paragraphs[0].text for t in document.turns][-2:] == [
        "Part two", "We turn to foreign policy now.",
    ]  # fmt: skip


def test_a_heading_that_names_a_listed_speaker_gives_them_the_part_below(
    config: Config, matcher: TopicMatcher
) -> None:
    """A page of several talks, each section's heading naming its presenter (among the
    speakers the page lists, in full or by another first name): the unlabelled
    paragraphs below are theirs, through headings naming no one, until a heading names
    another; questions keep their labels. A name the page does not list credits no one."""
    page = (
        "---\ntitle: LND 0.10\nspeakers: [Olaoluwa Osuntokun, Joost Jager, Oliver Gugger]\n---\n"
        "# Intro (Laolu Osuntokun)\n\nThanks everyone for coming.\n\n"
        "# Anchor outputs\n\nA new channel type.\n\n"
        "# Multi-path payments (Joost Jager)\n\nPayments split in parts.\n\n"
        "Q: How many parts?\n\nSixteen at most.\n\n"
        "# PSBT funding - Oliver Gugger\n\nFund a channel from a wallet.\n"
    )
    document = parse(page, config, matcher, "lnd.md")
    assert turns(document) == [
        ("statement", "Olaoluwa Osuntokun"),
        ("statement", "Olaoluwa Osuntokun"),
        ("statement", "Joost Jager"),
        ("question", None),
        ("answer", "Joost Jager"),
        ("statement", "Oliver Gugger"),
    ]
    alone = page.replace("speakers: [Olaoluwa Osuntokun, Joost Jager, Oliver Gugger]\n", "")
    assert named(parse(alone, config, matcher, "lnd.md")) == []


def test_a_stenographers_nameless_turns_are_named_by_what_their_speakers_say(
    config: Config, matcher: TopicMatcher
) -> None:
    """`>>` starts a turn of someone the stenographer does not name, where the page
    marks its changes of speaker so twice or more: named where they give their full
    name early on, past a stage direction, not a title and a surname, another's name,
    or words the page writes in lower case too; `>> NAME:` is a label as ever. The
    reader shows a nameless turn's change of speaker."""
    from tui.document.content import NAMELESS, label_content

    page = (
        "Welcome to SRCCON\n\n"
        ">> Dearly beloved, we are gathered here today.\n\n[ Applause ]\n\n"
        "Welcome to Minneapolis. We are -- I'm Dan Sinker, I should introduce myself.\n\n"
        ">> Whoo!\n\n>> Thank you. I'm not sure we are sure of the date.\n\n"
        ">> Hi. Hello. Yeah, so I'm Erik and I'm excited that you're here.\n\n"
        ">> Hello all, I'm Dan Sinker's colleague at OpenNews.\n\n"
        ">> I am Senator Smith, and I'm Not Sure of it.\n\n"
        ">> RYAN PITTS: Thanks, everyone.\n"
    )
    document = parse(page, config, matcher, "opening.txt")
    assert [t.speaker for t in document.turns if t.kind is not TurnKind.HEADING] == [
        "Dan Sinker", None, None, None, None, None, "Ryan Pitts",
    ]  # fmt: skip
    texts = [p.text for t in document.turns for p in t.paragraphs]
    assert "Whoo!" in texts and not any(">>" in text for text in texts)
    assert [label_content(t, matcher, None).plain for t in document.turns[:2]] == [
        "Dan Sinker", NAMELESS,
    ]  # fmt: skip
    # One `>>` is a quote (an e-mail's, a cheer), a run of them one quote: no turns.
    for quoted in (
        ">> We love you, Jane! We love you, and we always will, Jane!\n\n",
        ">> I am writing to you about the fees you charge,\n>> which are far too high.\n\n",
    ):
        document = parse(
            "Remarks by Governor Jane Doe at the opening of the new bridge\n\n"
            f"Thank you all for coming out on this cold morning to see it.\n\n{quoted}"
            "And I love you. We will look into the fees, as we look into everything.\n",
            config,
            matcher,
            "remarks.txt",
        )
        assert document.turns and {t.label for t in document.turns} == {None}


def test_a_shows_production_marks_are_no_speakers(config: Config, matcher: TopicMatcher) -> None:
    """`**Break:** [30:46]`, `**Song:** [04:47]`: a part of the show, its time kept, no
    turn of anyone's; the same word with words of its own after it is a label."""
    page = (
        "**Jerod Santo:** Welcome to the show, Forrest.\n\n"
        "**Forrest Brazeal:** Thanks for having me.\n\n**Break:** \\[30:46\\]\n\n"
        "**Jerod Santo:** And we are back.\n\n**Song:** \\[04:47\\]\n\n"
        "**Forrest Brazeal:** That was the song.\n"
    )
    document = parse(page, config, matcher, "show.md")
    assert [t.speaker for t in document.turns if t.kind is not TurnKind.HEADING] == [
        "Jerod Santo", "Forrest Brazeal", "Jerod Santo", "Forrest Brazeal",
    ]  # fmt: skip
    headings = [t.paragraphs[0].text for t in document.turns if t.kind is TurnKind.HEADING]
    assert headings == ["Break: [30:46]", "Song: [04:47]"]
    unlabelled = parse(
        "Transcript\n\nWe begin with the news of the week.\n\nRecording begins:\n\n"
        "The minister spoke first.\n",
        config,
        matcher,
        "show.txt",
    )
    assert "Recording begins:" in [
        t.paragraphs[0].text for t in unlabelled.turns if t.kind is TurnKind.HEADING
    ]
    assert production_mark("Recording begins:")
    assert not production_mark("Song: a ballad, I think.")
    assert not production_mark("Will: [04:47]")


def test_a_first_name_once_is_the_one_person_labelled_so_by_full_name(
    config: Config, matcher: TopicMatcher
) -> None:
    """A panel labels its people by full name, then once each by first name (`Jeff:`
    after `Jeff Garzik:`): the same people, not text of the turn above. A first name
    two people labelled by full name share is a speaker, but names neither."""
    page = (
        "Jeff Garzik: I think we should increase the block size modestly.\n\n"
        "Adam Back: I prefer segregated witness first.\n\n"
        "Jeff: That is reasonable, but we need a timeline.\n\n"
        "Adam: Agreed, a timeline would help.\n"
    )
    document = parse(page, config, matcher, name="panel.txt")
    assert named(document) == ["Jeff Garzik", "Adam Back", "Jeff Garzik", "Adam Back"]
    shared = parse(
        page.replace("Adam Back:", "Jeff Smith:").replace("Adam:", "Jeff:"),
        config,
        matcher,
        name="panel.txt",
    )
    assert named(shared) == ["Jeff Garzik", "Jeff Smith", "Jeff", "Jeff"]


def test_names_in_bold_alone_above_their_turns_with_a_role_among_them(
    config: Config, matcher: TopicMatcher
) -> None:
    """An interview puts `**Interviewer**` and `**Jihan Wu**` in bold, alone above
    what each says, the first right below the front matter: speakers, not headings,
    and the first is no line above a title."""
    page = (
        "---\ntitle: Interview on mining\ndate: 2019-04-02\n---\n\n"
        "**Interviewer**\n\nWelcome. Can you tell us how you started in mining?\n\n"
        "**Jihan Wu**\n\nI started in 2011 when I read the white paper.\n\n"
        "**Interviewer**\n\nWhat do you think of the halving?\n\n"
        "**Jihan Wu**\n\nIt is priced in, I think.\n"
    )
    document = parse(page, config, matcher, name="interview.md")
    assert turns(document) == [
        ("question", "Interviewer"), ("answer", "Jihan Wu"),
        ("question", "Interviewer"), ("answer", "Jihan Wu"),
    ]  # fmt: skip
    assert document.title == "Interview on mining"


def test_headings_that_are_only_names_give_the_part_below(
    config: Config, matcher: TopicMatcher
) -> None:
    """A session's page heads each talk with its speaker's name alone (`## Tadge
    Dryja`), listing nobody: each part is that person's. Headings of capitalised words
    the page also writes in lower case (`## Lightning Network`) are topics."""
    page = (
        "---\ntitle: Lightning session\ndate: 2016-10-09\n---\n\n"
        "## {one}\n\nSo I am going to talk about channel factories on the network.\n\n"
        "They let many users share one output.\n\n"
        "## {two}\n\nI will describe duplex micropayment channels and their lightning.\n"
    )
    names = parse(page.format(one="Tadge Dryja", two="Christian Decker"), config, matcher)
    assert named(names) == ["Tadge Dryja", "Christian Decker"]
    topics = parse(page.format(one="Channel Factories", two="Lightning Network"), config, matcher)
    assert named(topics) == []


def test_a_speaker_line_gives_the_part_below_to_its_person(
    config: Config, matcher: TopicMatcher
) -> None:
    """A workshop's page lists a talk's speaker on a line above it (`Speaker: Tim
    Ruffing`): the talk below is his, though the front matter names another speaker.
    A parliament's `SPEAKER:` chairs it and speaks."""
    page = (
        "---\ntitle: Talks at the workshop\ndate: 2017-11-04\nspeakers: Jonas Nick\n---\n\n"
        "Today I will describe MuSig, a multisignature scheme.\n\n"
        "Speaker: Tim Ruffing\n\n"
        "Now I will present a protocol for mixing coins.\n\n"
        "It is built on confidential transactions.\n"
    )
    document = parse(page, config, matcher, name="workshop.md")
    assert named(document) == ["Jonas Nick", "Tim Ruffing"]
    assert "Speaker: Tim Ruffing" in [p.text for p in document.paragraphs]
    chair = parse("SPEAKER: Order, order.\n\nJohn Smith: Thank you, Mr Speaker.\n", config, matcher)
    assert [t[1] for t in turns(chair)] == ["Speaker", "John Smith"]


@pytest.mark.parametrize("stamp", ["", "19:00 ", "[19:00] ", "[19:00:05] "])
def test_a_chat_logs_nicks_label_their_lines(
    config: Config, matcher: TopicMatcher, stamp: str
) -> None:
    """An IRC meeting log (`<sipa> text`, timed or not, `<@wumpus>` for an operator):
    each nick is a speaker, as printed; a line of the log is a turn. A handle in lower
    case before a colon is one too, on a page of nothing else, where two of them
    label two lines or more each."""
    log = (
        "Bitcoin Core developers meeting\n\n"
        f"{stamp}<@wumpus> topics for today?\n"
        f"{stamp}<sipa> segwit review status\n"
        f"{stamp}<btcdrak> I have a topic: BIP9 deployment\n"
        f"{stamp}<wumpus> ok let's start with segwit\n"
    )
    document = parse(log, config, matcher, name="meeting.log")
    assert [t[1] for t in turns(document)] == ["wumpus", "sipa", "btcdrak", "wumpus"]
    assert document.paragraphs[-1].text == "ok let's start with segwit"
    handles = parse(
        "roasbeef: Hey everyone, thanks for coming.\n\n"
        "cfromknecht: I will talk about watchtowers.\n\n"
        "roasbeef: Then questions.\n\n"
        "cfromknecht: The client is in this release.\n",
        config,
        matcher,
        name="meetup.md",
    )
    assert named(handles) == ["roasbeef", "cfromknecht", "roasbeef", "cfromknecht"]


SESSION = (
    "---\ntitle: Block size proposals\n{speakers}date: 2015-09-12\n---\n\n"
    "{first}\n\n"
    "Thank you. I am going to talk about BIP 100, where miners vote on the limit.\n\n"
    "It looks at coinbase votes over a long window.\n\n"
    "BIP 101\n\n"
    "Gavin Andresen\n\n"
    "Hi. I am going to talk about BIP 101, which doubles the size every two years.\n\n"
    "Q: Why eight?\n\n"
    "A: It was a compromise.\n"
)


def test_a_listed_speakers_name_alone_on_a_line_gives_the_part_below(
    config: Config, matcher: TopicMatcher
) -> None:
    """A session's page lists its two speakers and puts each one's name alone on a
    line above their talk, no markup, no label: each talk, and the answer to its
    question, is that person's."""
    listed = "speakers:\n  - Jeff Garzik\n  - Gavin Andresen\n"
    document = parse(SESSION.format(speakers=listed, first="Jeff Garzik"), config, matcher)
    assert turns(document) == [
        ("statement", "Jeff Garzik"), ("statement", "Gavin Andresen"),
        ("question", None), ("answer", "Gavin Andresen"),
    ]  # fmt: skip


def test_a_name_alone_below_the_front_matters_title_is_the_talks_speaker(
    config: Config, matcher: TopicMatcher
) -> None:
    """A talk whose front matter lists no speaker puts its speaker's name alone on the
    first line: the talk and its answers are that person's. Capitalised words the page
    writes in lower case too (`Opening Remarks`) are a heading, no one, and so is a
    line above a page whose labels name people (`Eisenhower Building`)."""
    page = (
        "---\ntitle: Fungibility overview\ndate: 2016-10-08\n---\n\n{first}\n\n"
        "I am going to give an overview of fungibility and why it matters. These are "
        "my opening remarks.\n\n"
        "Q: What about mixing?\n\nA: Mixing helps but is not enough.\n"
    )
    document = parse(page.format(first="Adam Back"), config, matcher, name="talk.md")
    assert turns(document) == [
        ("statement", "Adam Back"), ("question", None), ("answer", "Adam Back"),
    ]  # fmt: skip
    heading = parse(page.format(first="Opening Remarks"), config, matcher, name="talk.md")
    assert named(heading) == []
    call = parse(
        "---\ntitle: Background Press Call\n---\n\nEisenhower Building\n\n"
        "SENIOR ADMINISTRATION OFFICIAL:  Thank you, everyone.\n\n"
        "Q    Can you say more?\n\nAnd a second question on the talks?\n",
        config,
        matcher,
        name="call.md",
    )
    assert "Eisenhower Building" not in named(call)


def test_a_talk_that_introduces_the_next_speaker_gives_them_the_floor(
    config: Config, matcher: TopicMatcher
) -> None:
    """The listed speaker ends a paragraph by introducing someone in full (`... to
    introduce the Governor of Delaware, Jack Markell.`): the paragraphs after are the
    governor's. A name earlier in a paragraph hands nothing over."""
    page = (
        "---\ntitle: Delaware Initiative\nspeakers:\n  - Marco Santori\n---\n\n"
        "It's good to see so many friendly faces. We focus on blockchain law.\n\n"
        "He served his state well. It is my distinct honor to introduce {whom}\n\n"
        "Thank you, Marco. Delaware is where companies are made.\n\n"
        "We will keep it that way.\n"
    )
    handed = parse(page.format(whom="Governor of Delaware, Jack Markell."), config, matcher)
    assert named(handed) == ["Marco Santori", "Jack Markell"]
    kept = parse(page.format(whom="Jack Markell to you, later today."), config, matcher)
    assert named(kept) == ["Marco Santori"]


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Bitcoin Core development meeting, May 12, 2016", True),
        ("Заседание Совета безопасности, 12 мая 2016 года", True),
        ("Tuesday, 12 May 2016, 10 a.m.", False),
        ("Washington, May 12, 2016", False),
        ("Четверг, 12 мая 2016 года", False),
    ],
)
def test_a_first_line_that_dates_the_meeting_may_name_it_too(
    config: Config, matcher: TopicMatcher, first: str, title: bool
) -> None:
    """A log's first line names the meeting and its day at once: it is the title, and
    the date. A line of a date, a day, a time or a place only is the date alone."""
    document = parse(
        f"{first}\n\nJeff Garzik: Let us begin with the first item of the agenda.\n",
        config,
        matcher,
    )
    assert document.date.value == dt.date(2016, 5, 12)
    assert (document.title == first) is title


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ("Jonas Nick: Schnorr multisignatures", "Jonas Nick"),
        ("Schnorr multisignatures (Jonas Nick)", "Jonas Nick"),
        ("Schnorr multisignatures - Jonas Nick", "Jonas Nick"),
        ("Schnorr multisignatures | Jonas Nick", None),
        ("Multisignature Schemes: a survey", None),
        ("Key aggregation: the middle ground", None),
    ],
)
def test_a_title_that_gives_the_talk_to_someone_names_its_speaker(
    config: Config, matcher: TopicMatcher, title: str, speaker: str | None
) -> None:
    """A talk's title that opens or ends with a full name gives the talk, and its
    answers, to that person. Capitalised words of a topic (`Multisignature
    Schemes`, written in lower case in the page too) name no one."""
    page = (
        f'---\ntitle: "{title}"\ndate: 2018-03-06\n---\n\n'
        "Thanks for the introduction. I want to talk about multisignature schemes and "
        "key aggregation, the middle ground between them.\n\n"
        "Q: Is it secure?\n\nA: Yes, we have a proof.\n"
    )
    document = parse(page, config, matcher, name="talk.md")
    assert turns(document) == [("statement", speaker), ("question", None), ("answer", speaker)]


def test_a_news_reports_headline_names_no_speaker(config: Config, matcher: TopicMatcher) -> None:
    """A report's headline that opens with a place (`Hong Kong: ...`) above a dateline
    gives its paragraphs to no one."""
    document = parse(
        "Hong Kong: Protests continue for a third week\n\n"
        "HONG KONG, June 30 (Reuters) - Thousands marched again on Sunday.\n\n"
        "Police closed two stations.\n",
        config,
        matcher,
    )
    assert "Hong Kong" not in named(document)


@pytest.mark.parametrize(
    ("page", "speakers", "date"),
    [
        (
            "СТЕНОГРАММА\nзаседания Комитета Государственной Думы по бюджету\n"
            "30 октября 2019 года\n\n"
            "МАКАРОВ А.М. Добрый день, уважаемые коллеги! Сколько зарегистрировалось?\n\n"
            "ИВАНОВ В.В. Присутствуют 19 депутатов, кворум есть.\n\n"
            "Смолин О. Н., фракция КПРФ.\n\nУважаемые коллеги, нужно обсудить риски.\n\n"
            "ГОЛОС ИЗ ЗАЛА. О поддержке уточнённой редакции?\n\n"
            "Председательствующий. Спасибо. Голосуем.\n",
            ["Макаров А.М.", "Иванов В.В.", "Смолин О. Н.", None, "Председательствующий"],
            dt.date(2019, 10, 30),
        ),
        (
            "СТЕНОГРАМА\nзасідання Комітету Верховної Ради України з питань бюджету\n"
            "30 жовтня 2019 року\n\n"
            "АРІСТОВ Ю.Ю. Доброго дня, шановні народні депутати!\n\n"
            "ЦАБАЛЬ В.В. Фізично присутні зараз 19 народних депутатів.\n\n"
            "ГОЛОС ІЗ ЗАЛУ. Про підтримку цієї редакції?\n\n"
            "Головуючий. Дякую.\n",
            ["Арістов Ю.Ю.", "Цабаль В.В.", None, "Головуючий"],
            dt.date(2019, 10, 30),
        ),
        (
            "[Congressional Record Volume 151, Number 99 (Wednesday, July 20, 2005)]\n\n"
            "  The SPEAKER pro tempore (Mr. Poe). The gentlewoman is \nrecognized.\n"
            "  Mrs. NORTHUP. Mr. Speaker, I ask unanimous consent to revise and \n"
            "extend my remarks.\n"
            "  Mr. MILLER of Florida. Mr. Speaker, some constituents oppose it.\n"
            "  Ms. MILLENDER-McDONALD. Mr. Speaker, I yield myself such time.\n"
            "  The PRESIDING OFFICER (Mr. Thune). Without objection.\n",
            ["Mr. Poe", "Mrs. Northup", "Mr. Miller", "Ms. Millender-McDonald", "Mr. Thune"],
            dt.date(2005, 7, 20),
        ),
    ],
)
def test_stenograms_and_the_congressional_record_label_with_a_period(
    config: Config, matcher: TopicMatcher, page: str, speakers: list[str | None], date: dt.date
) -> None:
    """A Russian or Ukrainian stenogram labels each turn with the surname and the
    initials (`МАКАРОВ А.М.`, `Смолин О. Н., фракция КПРФ.` on a line of its own), its
    chair by office (`Председательствующий.`), a voice from the floor (`ГОЛОС ИЗ
    ЗАЛА.`) asks; the Congressional Record ends its labels with a period too, with a
    state (`Mr. MILLER of Florida.`), an office (`The SPEAKER pro tempore (Mr. Poe).`)
    or a surname in capitals after `Mc` (`McDONALD`)."""
    document = parse(page, config, matcher)
    assert [speaker for _, speaker in turns(document)] == speakers
    assert document.date.value == date


@pytest.mark.parametrize(
    ("page", "name"),
    [
        (
            "[Bryan Cantrill] [00:00] This piece on our hero is not good.\n"
            "[Bryan Cantrill] [00:12] Who wrote this thing?\n"
            "[Adam Leventhal] [00:27] Can I read aloud the part I found?\n"
            "[Andres Freund] [03:28] Yes. I am here.\n",
            "oxide.txt",
        ),
        (
            "**Bryan** [0:00] This piece on our hero is not good.\n\n"
            "**Bryan** [0:12] Who wrote this thing?\n\n"
            "**Adam** [0:27] Can I read aloud the part I found?\n\n"
            "**Andres** [3:28] Yes. I am here.\n",
            "ladybug.md",
        ),
    ],
)
def test_a_name_then_the_time_in_brackets_then_the_words_is_a_label(
    config: Config, matcher: TopicMatcher, page: str, name: str
) -> None:
    """Transcription tools print who speaks, when, then the words, with no colon
    (`[Jane Doe] [00:27] Can I?`, `**Jane** [0:27] Can I?`): each line a turn, the
    first one too (no title), a one-word name timed once a speaker as well."""
    document = parse(page, config, matcher, name=name)
    assert [speaker.split()[0] for speaker in named(document)] == [
        "Bryan", "Bryan", "Adam", "Andres",
    ]  # fmt: skip
    assert document.paragraphs[0].text == "This piece on our hero is not good."


def test_names_timed_alone_on_their_lines_label_the_words_below_even_once(
    config: Config, matcher: TopicMatcher
) -> None:
    """An Otter export puts each speaker's name and the time above their words: a
    name so timed once (`Sidney  3:34`) is a speaker too, `Unknown Speaker` and
    `Speaker 1` are read as printed."""
    document = parse(
        "Emma  0:00\nWelcome to the show.\n\nKelly  0:34\nWelcome to the podcast.\n\n"
        "Unknown Speaker  0:35\nI'm Allie.\n\nEmma  0:37\nAnd I'm Emma.\n\n"
        "Speaker 1  2:57\nJust before lunch.\n\nSidney  3:34\nI'm so glad you're safe.\n",
        config,
        matcher,
        name="otter.txt",
    )
    assert named(document) == [
        "Emma", "Kelly", "Unknown Speaker", "Emma", "Speaker 1", "Sidney",
    ]  # fmt: skip


def test_a_one_word_label_among_labels_in_capitals_is_the_name_the_page_gives(
    config: Config, matcher: TopicMatcher
) -> None:
    """An oral history labels its interviewer by initials (`MSM:`) and the person by
    surname (`Ritchie:`), whom the page names in full above: `Dennis Ritchie`."""
    document = parse(
        "Dennis Ritchie\n\nRitchie:    He's involved with some magazine\n"
        "           publishing group, that has magazines in Japan.\n\n"
        "MSM:        Japan seems to be his new stomping ground.\n\n"
        "Ritchie:    Yes, he spends a lot of time there.\n\n"
        "MSM:        You worked on Multics didn't you?\n\n"
        "Ritchie:    That's right.\n",
        config,
        matcher,
        name="ritchie.txt",
    )
    assert named(document) == [
        "Dennis Ritchie", "MSM", "Dennis Ritchie", "MSM", "Dennis Ritchie",
    ]  # fmt: skip


def test_a_court_transcript_with_numbered_lines_names_its_speakers(
    config: Config, matcher: TopicMatcher
) -> None:
    """A court's transcript numbers each page's lines: its speakers are read through
    the numbers, and the day from its first page."""
    page = "".join(
        f"{n:2d}   {line}\n\n"
        for n, line in enumerate(
            [
                "IN THE SUPREME COURT OF THE UNITED STATES",
                "Monday, March 26, 2012",
                "CHIEF JUSTICE ROBERTS:  We will hear",
                "argument this morning.",
                "MR. LONG:  Mr. Chief Justice, and may it",
                "please the Court.",
                "JUSTICE SCALIA:  Well, that depends.",
            ],
            1,
        )
    )
    document = parse(page * 3, config, matcher, name="case.txt")
    assert named(document)[:3] == ["Roberts", "Mr. Long", "Scalia"]
    # A sentence that ends on a line of its own, again and again, names no one.
    ended = page.replace("please the Court.", "Your Honor.")
    ends = parse(
        ended.replace("argument this morning.", "Anti-Injunction Act.") * 3, config, matcher
    )
    assert {"Your Honor.", "Anti-Injunction Act."}.isdisjoint(named(ends))
    assert document.date.value == dt.date(2012, 3, 26)


def test_minutes_name_the_short_forms_their_tables_and_headers_declare(
    config: Config, matcher: TopicMatcher
) -> None:
    """Meeting notes label people by the short form their table of attendees gives
    (`| Ujjwal Sharma | USA |`, not the initials `US`) or a header line (`Presenter:
    Peter Klecha (PKA)`, a heading, no speaker). Initials after a word in prose
    (`Ratifying DH's proposal`) name no one: `DH` stays as printed. One person given
    two ways for one short form (`Daniel Ehrenberg`, `Dan Ehrenberg (DE)`) is named
    by the fuller. A header's name may hold a particle (`Chris de Almeida`)."""
    page = (
        "# 18 May, 2023 Meeting Notes\n\n**Remote attendees:**\n"
        "| Name                 | Abbreviation | Organization      |\n"
        "| -------------------- | ------------ | ----------------- |\n"
        "| Justin Ridgewell     | JRL          | Vercel            |\n"
        "| Ujjwal Sharma        | USA          | Igalia, S.L       |\n\n"
        "| Daniel Ehrenberg     | DE           | Bloomberg         |\n\n"
        "## Decimal\n\nPresenter: Dan Ehrenberg (DE)\n\nDE: So we were talking previously.\n\n"
        "## Async iterators\n\nPresenter: Peter Klecha (PKA)\n\n"
        "PKA: I'm looking for Stage 3 reviewers.\n\n"
        "JRL: I have done these parallel async iterators.\n\n"
        "USA: JRL said on chat that he would be interested.\n\n"
        "DH: Does a yield call the return method?\n\n"
        "### Conclusion\n\n- Ratifying DH's proposal, with a fallback.\n\n"
        "## TG3\n\nPresenter: Chris de Almeida (CDA)\n\nCDA: TG3 has not been meeting.\n"
    )
    document = parse(page, config, matcher, name="may-18.md")
    assert named(document) == [
        "Daniel Ehrenberg", "Peter Klecha", "Justin Ridgewell", "Ujjwal Sharma", "DH",
        "Chris de Almeida",
    ]  # fmt: skip
    assert "Presenter: Peter Klecha (PKA)" in [p.text for p in document.paragraphs]
    assert "Presenter: Chris de Almeida (CDA)" in [p.text for p in document.paragraphs]


def test_names_in_brackets_or_parentheses_alone_above_their_words(
    config: Config, matcher: TopicMatcher
) -> None:
    """Minutes put each speaker in brackets or parentheses on a line of their own, the
    words on the lines below (`[Ruth John]`, `(Brian)`); a section's heading (`###
    Footer`) stays a heading. The title's date may cut its year (`27th March '24`)."""
    page = (
        "# Minutes from MDN community meeting 27th March '24\n\n"
        "## Intro\n\n(Brian)\nWelcome, great to see everyone.\n\n"
        "### Footer\n\n[Ruth John]\nWe've updated the article footer.\n\n"
        "[Estelle]\nIs there any way to see the feedback?\n\n"
        "[Ruth John]\nNo, not yet.\n\n(Brian)\nThanks, Ruth.\n"
    )
    document = parse(page, config, matcher, name="minutes.md")
    assert named(document) == ["Brian", "Ruth John", "Estelle", "Ruth John", "Brian"]
    assert "Footer" in [p.text for p in document.paragraphs]
    assert document.date.value == dt.date(2024, 3, 27)


def test_an_interviews_list_of_who_and_when_below_a_heading(
    config: Config, matcher: TopicMatcher
) -> None:
    """An oral history lists who is interviewed, by whom and when below a heading,
    after a long abstract: the page's metadata, no turns; its `Q:` is the interviewer,
    and its date the meeting's. Labels in a run (`MODERATOR: Welcome`) stay labels."""
    abstract = "Oral history of Oussama Khatib, conducted for the robotics project. " * 8
    page = (
        f"# Oral-History:Oussama Khatib\n\n{abstract}\n\n## About the Interview\n\n"
        "INTERVIEWEE: Oussama Khatib\nINTERVIEWER: Peter Asaro\nDATE: 10 April 2013\n\n"
        "## Interview\n\nQ:\n\nSo we usually start by asking you to introduce yourself.\n\n"
        "Oussama Khatib:\n\nI am Oussama Khatib, professor at Stanford.\n\n"
        "Audience member: And the robots?\n"
    )
    document = parse(page, config, matcher, name="khatib.md")
    assert turns(document)[1:] == [
        ("question", "Peter Asaro"), ("answer", "Oussama Khatib"), ("question", None),
    ]  # fmt: skip
    assert document.date.value == dt.date(2013, 4, 10)
    assert document.date.source == "page metadata `date`"
    panel = parse(
        "# Panel\n\nMODERATOR: Welcome\nJANE DOE: Thanks for having me\n\n"
        "MODERATOR: First question, on 10 April 2013 what happened?\n",
        config,
        matcher,
    )
    assert [speaker for _, speaker in turns(panel)] == ["Moderator", "Jane Doe", "Moderator"]


def test_a_remark_from_the_floor_is_whole_without_a_question_mark(
    config: Config, matcher: TopicMatcher
) -> None:
    """In a talk, someone in the audience answers the speaker (`Audience member:
    Delayed, but it will come.`): the paragraphs below, unlabelled, are the speaker's
    again, not more of the remark."""
    page = (
        "# REPL Driven Development\n\n* **Speaker: Stuart Halloway**\n"
        "* **Conference: Clojure/conj 2017**\n\n"
        "So my name is Stuart Halloway. Java 9 is adding a shell, right?\n\n"
        "Audience member: Delayed, but eventually it will be released.\n\n"
        "It will eventually get there. One of the arguments made is teaching.\n\n"
        "Audience member: Is the REPL a shell?\n\nIt is more than a shell.\n"
    )
    document = parse(page, config, matcher, name="repl.md")
    assert [speaker for _, speaker in turns(document)] == [
        "Stuart Halloway", None, "Stuart Halloway", None, "Stuart Halloway",
    ]  # fmt: skip


def test_an_office_and_its_field_is_the_person_the_title_styles_so(
    config: Config, matcher: TopicMatcher
) -> None:
    """A press office labels a minister by office and field (`MINISTER FOR VETERANS'
    AFFAIRS:`), where the title names the holder with their style and letters (`the
    Minister for Veterans' Affairs, the Hon. Dan Tehan MP`): that person."""
    page = (
        "<h1>Press Conference with the Minister for Veterans' Affairs, the Hon. Dan Tehan MP"
        "</h1>\n<p>Canberra, 3 March 2017</p>\n"
        "<p><strong>MINISTER FOR VETERANS' AFFAIRS:</strong></p><p>Thanks, Prime Minister.</p>\n"
        "<p><strong>JOURNALIST:</strong></p><p>Minister, what about the review?</p>\n"
        "<p><strong>MINISTER FOR VETERANS' AFFAIRS:</strong></p><p>It is under way.</p>\n"
    )
    document = parse(page, config, matcher, name="pc.html")
    assert [speaker for _, speaker in turns(document)] == ["Dan Tehan", None, "Dan Tehan"]


@pytest.mark.parametrize("name", ["bookbytes.txt", "bookbytes.md"])
def test_a_time_then_a_name_in_bold_then_the_words_is_a_label(
    config: Config, matcher: TopicMatcher, name: str
) -> None:
    """A podcast prints the time, who speaks in bold and their words on one line
    (`0:00:26.3 **Jason Staten** I-`), in text or Markdown: each line a turn."""
    page = (
        "(Intro music: Electro Swing)\n\n"
        "0:00:12.6 **Adam Garrett-Harris** Hello, and welcome to BookBytes.\n\n"
        "0:00:26.3 **Jason Staten** I-\n\n"
        "0:00:26.6 **Adam Garrett-Harris** I had- Go ahead.\n\n"
        "0:00:34.7 **Jen Luker** No, it’s primer.\n"
    )
    document = parse(page, config, matcher, name=name)
    assert named(document) == [
        "Adam Garrett-Harris",
        "Jason Staten",
        "Adam Garrett-Harris",
        "Jen Luker",
    ]


def test_a_pages_list_of_what_it_is_one_paragraph_each_names_the_office_holder(
    config: Config, matcher: TopicMatcher
) -> None:
    """A press office's page lists below its title, one paragraph each, who holds the
    office that speaks (`Prime Minister: Turnbull, Malcolm`), when it was released and
    its number: the page's metadata, no turns, and `PRIME MINISTER:` is that person."""
    page = (
        "<html><head><title>Press Conference, Canberra | PM Transcripts</title></head><body>"
        "<h1>Press Conference, Canberra</h1>\n<p>Prime Minister: Turnbull, Malcolm</p>\n"
        "<p>Release Date: 17/11/2016</p>\n<p>Release Type: Transcript</p>\n"
        "<p>Transcript ID: 40598</p>\n<p>PRIME MINISTER:</p><p>This is a great initiative.</p>\n"
        "<p>JOURNALIST:</p><p>Prime Minister, is PTSD part of this program?</p>\n"
        "<p>PRIME MINISTER:</p><p>Yes it is.</p>\n</body></html>\n"
    )
    document = parse(page, config, matcher, name="transcript-40598.html")
    assert [speaker for _, speaker in turns(document)] == [
        "Malcolm Turnbull", None, "Malcolm Turnbull",
    ]  # fmt: skip
    assert document.date.value == dt.date(2016, 11, 17)


def test_an_office_label_with_its_holder_in_parentheses_is_that_person(
    config: Config, matcher: TopicMatcher
) -> None:
    """`The PRESIDING OFFICER (Mr. Thune).`: the chair is the Member the parentheses
    name, an honorific and a surname; the bare office after it is still that Member,
    and before anyone is named the office as printed."""
    page = (
        "  The SPEAKER pro tempore. The gentleman from Ohio is recognized.\n"
        "  Mr. HOBSON. Mr. Speaker, I yield back.\n"
        "  The SPEAKER pro tempore (Mr. Poe). The gentlewoman is recognized.\n"
        "  Mrs. NORTHUP. Mr. Speaker, I thank the Chair.\n"
        "  The PRESIDING OFFICER (Mr. Thune). Without objection.\n"
        "  Mr. HOBSON. Mr. Speaker, one more thing.\n"
        "  The PRESIDING OFFICER. It is so ordered.\n"
    )
    document = parse(page, config, matcher)
    assert named(document) == [
        "The Speaker pro tempore", "Mr. Hobson", "Mr. Poe", "Mrs. Northup",
        "Mr. Thune", "Mr. Hobson", "Mr. Thune",
    ]  # fmt: skip


def test_an_office_in_a_bracketed_note_names_no_holder(
    config: Config, matcher: TopicMatcher
) -> None:
    """`[Operator Instructions]`, a conference call's note where the operator's
    instructions were cut, is no holder of the office `Operator:` labels: the operator
    stays the operator."""
    page = (
        "Operator: Good day. [Operator Instructions] Please go ahead, Jane Doe.\n\n"
        "Jane Doe: Thank you. Revenue grew.\n\n"
        "Operator: [Operator Instructions] Our first question comes from Tom Lee.\n\n"
        "Tom Lee: How are margins?\n\n"
        "Jane Doe: Up.\n"
    )
    document = parse(page, config, matcher)
    assert [speaker for _, speaker in turns(document)] == [
        "Operator", "Jane Doe", "Operator", "Tom Lee", "Jane Doe",
    ]  # fmt: skip


def test_an_office_in_mixed_case_ended_by_a_period_labels(
    config: Config, matcher: TopicMatcher
) -> None:
    """The Public Papers of the Presidents label the President `The President.` and
    questions `Q.`; a question's `Mr. President, Mr. Gorbachev ...` addresses him and
    names another, and `President of the United States` names a place, no holder."""
    page = (
        "The President's News Conference\n"
        "The President. I have a brief statement.\n"
        "Q. Mr. President, Mr. Gorbachev challenged you today. Is the answer no?\n"
        "The President. As President of the United States I say read Brussels.\n"
        "Q. Sir, a follow-up?\n"
        "The End. It was.\n"
        "The President. Certainly.\n"
    )
    document = parse(page, config, matcher)
    assert turns(document) == [
        ("statement", "The President"),
        ("question", None),
        ("answer", "The President"),
        ("question", None),
        ("answer", "The President"),
    ]


def test_speaker_lines_in_capitals_with_an_office_head_each_turn(
    config: Config, matcher: TopicMatcher
) -> None:
    """A stenographic version heads each turn with a line in capitals: an office and
    the name (`PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR`, two surnames kept), the name and
    the office either side of a comma, even once, or a role (`PREGUNTA`, `MODERADOR`)."""
    page = (
        "Versión estenográfica de la conferencia de prensa\n"
        "---\n"
        "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR\n"
        "Buenos días. Vamos a informar.\n"
        "---\n"
        "ANA RUIZ PÉREZ, SECRETARIA DE CULTURA DEL GOBIERNO\n"
        "Gracias, señor presidente.\n"
        "---\n"
        "MODERADOR\n"
        "Adelante con las preguntas.\n"
        "---\n"
        "PREGUNTA\n"
        "¿Cuándo abre el aeropuerto?\n"
        "---\n"
        "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR\n"
        "En marzo.\n"
        "---\n"
        "PREGUNTA\n"
        "¿Y el tren?\n"
        "---\n"
        "MODERADOR\n"
        "Gracias a todos.\n"
    )
    document = parse(page, config, matcher)
    spoken = [(kind, who) for kind, who in turns(document) if who or kind == "question"]
    assert [who for _, who in spoken] == [
        "Andrés Manuel López Obrador", "Ana Ruiz Pérez", "Moderador", None,
        "Andrés Manuel López Obrador", None, "Moderador",
    ]  # fmt: skip
    # The `---` rules between the turns are no words of them.
    assert all(p.text != "---" for turn in document.turns for p in turn.paragraphs)
