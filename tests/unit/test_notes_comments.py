"""The notes file keeps what the user wrote in it: comments at the top, above, beside
and between entries and at the end survive dossier's saves; an entry dossier deletes
takes its own comments with it (issue 25)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.corpus import notes_yaml
from tui.corpus.clean import clean_text
from tui.corpus.notes import Anchor, Kind, Note, NotesData, read_notes, render, write_notes
from tui.corpus.store import NotesStore

DOC = "000_0f3248e6ed0e14b7"
IDS = ("n1", "n2", "n3", "b1")
EOL_KEYS = ("id", "doc", "paragraph", "quote", "tags", "updated")
"""Keys of an entry's lines that take a comment beside them in the tests (a bookmark
has no tags)."""


def entry(note_id: str, text: str = "a note") -> Note:
    kind = Kind.BOOKMARK if note_id.startswith("b") else Kind.NOTE
    return Note(
        note_id,
        kind,
        Anchor(DOC, 3, "quoted words", "before ", " after"),
        text if kind is Kind.NOTE else "",
        ("karabakh",) if kind is Kind.NOTE else (),
        "2026-01-01T10:00:00Z",
        "2026-01-01T10:00:00Z",
    )


@dataclass(frozen=True)
class Comment:
    """A comment placed in the file: where, and its text (unique by its number)."""

    number: int
    place: str
    """`top`, `above`, `between` (above, set apart by a blank line), `beside`, `end`."""
    entry: str = ""
    key: str = ""
    text: str = ""

    @property
    def line(self) -> str:
        return f"# <{self.number}>{self.text}".rstrip()


WORDS = st.text(
    st.characters(whitelist_categories=("L", "N", "P", "S", "Zs"), blacklist_characters="<>"),
    max_size=20,
)
PLACES = st.one_of(
    st.tuples(st.sampled_from(["top", "end"]), st.just(""), st.just("")),
    st.tuples(st.sampled_from(["above", "between"]), st.sampled_from(IDS), st.just("")),
    st.tuples(st.just("beside"), st.sampled_from(IDS), st.sampled_from(EOL_KEYS)).filter(
        lambda place: place[1:] != ("b1", "tags")
    ),
)
COMMENTS = st.lists(st.tuples(PLACES, WORDS), min_size=1, max_size=12).map(
    lambda drawn: [
        Comment(number, place, note_id, key, text)
        for number, ((place, note_id, key), text) in enumerate(drawn)
    ]
)


def with_comments(text: str, comments: list[Comment]) -> str:
    """`text`, a notes file as dossier writes it, with `comments` put in as a user would."""
    out = [c.line for c in comments if c.place == "top"]
    current = ""
    for line in text.splitlines():
        if line.startswith("- id: "):
            current = line.removeprefix("- id: ")
            for comment in comments:
                if comment.entry == current and comment.place == "between":
                    out += [comment.line, ""]
            out += [c.line for c in comments if c.entry == current and c.place == "above"]
        key = line.removeprefix("- ").strip().partition(":")[0]
        beside = [c.line for c in comments if (c.entry, c.key) == (current, key) and current]
        out.append("  ".join([line, *beside]))
    out += [c.line for c in comments if c.place == "end"]
    return "\n".join(out) + "\n"


def owned_by(comment: Comment, note_id: str) -> bool:
    """Whether `comment` is the entry's own: directly above it or on its lines."""
    return comment.entry == note_id and comment.place in ("above", "beside")


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    comments=COMMENTS,
    edited=st.sampled_from(IDS),
    deleted=st.sampled_from(IDS),
    text=WORDS.map(clean_text),
)
def test_comments_survive_add_edit_and_delete_but_the_deleted_entrys_own(
    tmp_path: Path, comments: list[Comment], edited: str, deleted: str, text: str
) -> None:
    if edited == deleted:
        deleted = IDS[(IDS.index(edited) + 1) % len(IDS)]
    path = tmp_path / "notes.yaml"
    written = write_notes(NotesData({note_id: entry(note_id) for note_id in IDS}))
    path.write_text(with_comments(written, comments), encoding="utf-8")
    store = NotesStore(path)
    store.load()
    original = entry(edited)
    changed = store.update(replace(original, anchor=replace(original.anchor, quote=f"NO {text}")))
    store.remove(deleted)
    added = store.add(entry("n9", "12:30"))
    assert store.save()
    # A second process, later, on the file the first one wrote.
    other = NotesStore(path)
    other.load()
    again = other.update(replace(added, text="on"))
    assert other.save()

    saved = path.read_text(encoding="utf-8")
    lines = saved.splitlines()
    for comment in comments:
        present = [line for line in lines if comment.line in line]
        assert len(present) == (0 if owned_by(comment, deleted) else 1), comment
    expected = {note.id: note for note in (changed, again)}
    expected |= {n: entry(n) for n in IDS if n not in (edited, deleted)}
    assert read_notes(saved).entries == expected


def test_a_comment_above_the_first_entry_goes_with_it_and_the_next_keeps_its_own() -> None:
    text = write_notes(NotesData({n: entry(n) for n in ("n1", "n2")}))
    text = text.replace("- id: n1", "# first\n- id: n1").replace("- id: n2", "# second\n- id: n2")
    data = read_notes(text)
    out, _ = render(replace(data, entries={"n2": data.entries["n2"]}))
    assert "# first" not in out
    assert "notes:\n# second\n- id: n2\n" in out


def test_a_file_as_dossier_writes_it_is_written_as_dossier_writes_it() -> None:
    """Nothing of the user's to keep: the text is the plain writer's, not a round trip."""
    data = read_notes(write_notes(NotesData({"n1": entry("n1")})))
    changed = replace(data, entries={**data.entries, "n2": entry("n2")})
    text, again = render(changed)
    assert text == write_notes(changed)
    assert again.layout is None


def test_a_file_ruamel_cannot_round_trip_is_written_afresh_not_left_unsaved(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The safe reader decides what is a usable file; if the round trip fails anyway,
    the save still happens, as dossier's writer writes the file."""

    def refuse(text: str) -> object:
        raise notes_yaml.RoundTripError("no")

    monkeypatch.setattr(notes_yaml, "load", refuse)
    data = read_notes("# mine\n" + write_notes(NotesData({"n1": entry("n1")})))
    changed = replace(data, entries={**data.entries, "n2": entry("n2")})
    assert render(changed)[0] == write_notes(changed)
