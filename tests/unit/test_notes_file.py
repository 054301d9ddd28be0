"""The notes file as YAML: what is refused, what round-trips (CHECKLIST 8-10)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.corpus.anchor import place
from tui.corpus.clean import clean_text
from tui.corpus.notes import (
    Anchor,
    Kind,
    Note,
    NotesData,
    merge,
    parse_tags,
    read_notes,
    write_notes,
)
from tui.corpus.store import NotesSaveError, NotesStore

DOC = "000_0f3248e6ed0e14b7"


def note(note_id: str = "n1", text: str = "a note", **changes: object) -> Note:
    fields: dict[str, object] = {
        "id": note_id,
        "kind": Kind.NOTE,
        "anchor": Anchor(DOC, 3, "quoted words", "before ", " after"),
        "text": text,
        "tags": ("karabakh",),
        "created": "2026-01-01T10:00:00Z",
        "updated": "2026-01-01T10:00:00Z",
    }
    fields.update(changes)
    return Note(**fields)  # type: ignore[arg-type]


def roundtrip(*notes: Note) -> dict[str, Note]:
    return read_notes(write_notes(NotesData({n.id: n for n in notes}))).entries


REFUSED = {
    "python object tag": (
        "version: 1\nnotes:\n- id: n1\n  doc: !!python/object:os.system x\n",
        (4, 8),
    ),
    "binary tag": ("version: 1\nnotes: !!binary aGVsbG8=\n", (2, 8)),
    "billion laughs": (
        'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b]\n',
        (1, 4),
    ),
    "duplicate key": ("version: 1\nnotes:\n- id: n1\n  doc: a\n  doc: b\n", (5, 3)),
    "not YAML": ("version: 1\nnotes: [unclosed\n", (3, 1)),
    "newer version": ("version: 2\nnotes: []\n", (1, 1)),
    "raw ESC": ("version: 1\nnotes:\n- id: n1\n  doc: a\x1bb\n", (4, 9)),
    "raw NUL, CRLF lines": ("version: 1\r\nnotes: [\x00]\r\n", (2, 9)),
    "raw NUL after letters of two bytes": ("# Заметки\nversion: 1\nnotes: [] # é\x00\n", (3, 14)),
    "1,000 nested mappings": (
        "notes:\n" + "".join("  " * n + "k:\n" for n in range(1, 1000)) + "  " * 1000 + "k: v\n",
        (33, 65),
    ),
    "1,000 nested lists": (
        "notes:\n" + "".join("  " * n + "-\n" for n in range(1, 1000)) + "  " * 1000 + "- v\n",
        (33, 65),
    ),
    # (libyaml gives up at 1,000 flow levels itself.)
    "999 nested flow lists": ("version: 1\nnotes: " + "[" * 999 + "]" * 999 + "\n", (2, 39)),
}


@pytest.mark.parametrize("case", REFUSED)
def test_refused_files_name_line_and_column_and_stay_untouched(case: str, tmp_path: Path) -> None:
    """CHECKLIST 8: refused with line and column; read-only; the file never written."""
    text, (line, column) = REFUSED[case]
    path = tmp_path / "notes.yaml"
    path.write_text(text, encoding="utf-8")
    store = NotesStore(path)
    store.load()
    assert store.read_only
    assert store.problem is not None
    assert (store.problem.line, store.problem.column) == (line, column)
    assert f"line {line}, column {column}" in store.describe_problem()
    with pytest.raises(NotesSaveError, match="read-only"):
        store.add(note())
    with pytest.raises(NotesSaveError):
        store.save()
    assert path.read_bytes() == text.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.yaml"]


def test_control_characters_written_by_hand_come_back_as_placeholders() -> None:
    """The notes file is outside text: an escape sequence written by hand into any field
    (here OSC 2, which retitles the terminal) is read as placeholders, in the keys
    dossier does not know, in an entry kept as written, and in reasons built from them."""
    osc = "\\e]2;PWNED\\a"
    text = (
        f'version: 1\n"mine{osc}": "{osc}"\nnotes:\n'
        f'- id: "n{osc}"\n  doc: "d{osc}"\n  paragraph: 1\n  quote: "q{osc}"\n'
        f'  before: "b{osc}"\n  after: "a{osc}"\n  text: "t{osc}"\n  tags: ["g{osc}"]\n'
        f'  created: "c{osc}"\n  updated: "u{osc}"\n  "x{osc}": "v{osc}"\n'
        f'- doc: "{osc}"\n  paragraph: "p{osc}"\n'
    )
    shown = "␛]2;PWNED␇"
    data = read_notes(text)
    [entry] = data.entries.values()
    assert entry.id == f"n{shown}"
    assert entry.anchor == Anchor(f"d{shown}", 1, f"q{shown}", f"b{shown}", f"a{shown}")
    assert (entry.text, entry.tags) == (f"t{shown}", (f"g{shown}",))
    assert (entry.created, entry.updated) == (f"c{shown}", f"u{shown}")
    assert entry.extra == ((f"x{shown}", f"v{shown}"),)
    assert data.kept == (("notes", {"doc": shown, "paragraph": f"p{shown}"}),)
    assert data.extra == ((f"mine{shown}", shown),)
    assert place(entry.anchor, None).why == f"d{shown} is not in the corpus"


def test_a_100_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    store = NotesStore(path)
    store.load()
    assert store.read_only and "larger than 10 MB" in store.describe_problem()
    assert path.stat().st_size == 100 * 1024 * 1024


def test_a_fixed_file_makes_the_store_writable_again(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("notes: [\n", encoding="utf-8")
    store = NotesStore(path)
    store.load()
    assert store.read_only
    path.write_text(write_notes(NotesData({"n1": note()})), encoding="utf-8")
    assert store.refresh()
    assert not store.read_only
    assert [n.id for n in store.entries()] == ["n1"]


@pytest.mark.parametrize("value", ["NO", "on", "yes", "12:30", "1e3", "2020-01-01", "0x1F", "off"])
def test_values_yaml_would_convert_stay_the_strings_written(value: str) -> None:
    """CHECKLIST 9: as written by dossier, and as typed by hand without quotes."""
    saved = roundtrip(note(text=value, tags=(value,), anchor=Anchor(DOC, 1, value)))["n1"]
    assert (saved.text, saved.tags, saved.anchor.quote) == (value, (value,), value)
    by_hand = read_notes(
        f"version: 1\nnotes:\n- id: n1\n  doc: {DOC}\n  paragraph: 1\n"
        f"  quote: {value}\n  text: {value}\n  tags: [{value}]\n"
    ).entries["n1"]
    assert (by_hand.text, by_hand.tags, by_hand.anchor.quote) == (value, (value,), value)


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
NOTE_TEXT = ANY_TEXT.map(clean_text)
"""Text as dossier holds it: typed, pasted (pastes are cleaned) or read from the file."""
TRICKY = st.sampled_from(
    ["", " leading", "trailing ", "\n", "a\n\n", "#", ": x", "'\"", "- a", "|", "\t", "\r\n"]
)


def cleaned(entry: Note) -> Note:
    """`entry` with every text as the notes reader gives it back: cleaned."""
    anchor = entry.anchor
    return note(
        entry.id,
        clean_text(entry.text),
        tags=tuple(map(clean_text, entry.tags)),
        anchor=Anchor(
            anchor.doc,
            anchor.paragraph,
            *map(clean_text, (anchor.quote, anchor.before, anchor.after)),
        ),
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(ANY_TEXT, st.lists(st.one_of(TRICKY, ANY_TEXT), max_size=6).map("".join)),
    quote=ANY_TEXT,
    tags=st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1), max_size=4),
)
def test_any_note_text_round_trips_exactly(text: str, quote: str, tags: list[str]) -> None:
    """CHECKLIST 10: arbitrary unicode, newlines, quotes, colons, `#`, leading spaces.
    Text as dossier holds it (clean) comes back exactly; any other text, such as a
    control character written into the file by hand, comes back as the reader cleans it."""
    original = note(text=text, tags=tuple(tags), anchor=Anchor(DOC, 7, quote, quote, text))
    clean = cleaned(original)
    assert roundtrip(clean) == {"n1": clean}
    assert roundtrip(original) == {"n1": clean}


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=NOTE_TEXT)
def test_any_note_text_round_trips_through_the_store(tmp_path: Path, text: str) -> None:
    path = tmp_path / "roundtrip.yaml"
    path.unlink(missing_ok=True)
    writer = NotesStore(path)
    writer.load()
    written = writer.add(note(text=text))
    writer.save()
    reader = NotesStore(path)
    reader.load()
    assert reader.entries() == [written]


def test_multi_line_text_is_written_as_a_block_a_person_can_read() -> None:
    text = write_notes(NotesData({"n1": note(text="first line\nsecond: line")}))
    assert "  text: |-\n    first line\n    second: line\n" in text
    assert "  tags: [karabakh]\n" in text
    assert text.startswith("# dossier notes")


def test_unknown_keys_and_broken_entries_are_kept_as_written() -> None:
    text = (
        "version: 1\nmine: keep me\nnotes:\n"
        f"- id: n1\n  doc: {DOC}\n  paragraph: 2\n  colour: red\n"
        "- id: n2\n  paragraph: two\n"
    )
    data = read_notes(text)
    assert list(data.entries) == ["n1"]
    assert data.entries["n1"].extra == (("colour", "red"),)
    assert data.warnings == ("line 8: this note has no doc; kept as written, not shown",)
    again = read_notes(write_notes(data))
    assert again.entries == data.entries
    assert again.kept == (("notes", {"id": "n2", "paragraph": "two"}),)
    assert again.extra == (("mine", "keep me"),)


def test_hand_written_entries_without_ids_get_one_and_duplicate_ids_are_split() -> None:
    text = (
        "notes:\n"
        f"- doc: {DOC}\n  paragraph: 1\n  text: mine\n  tags: a, b a\n"
        f"- id: x\n  doc: {DOC}\n  paragraph: 2\n"
        f"- id: x\n  doc: {DOC}\n  paragraph: 3\n"
    )
    data = read_notes(text)
    assert len(data.entries) == 3
    first = next(iter(data.entries.values()))
    assert first.tags == ("a", "b")
    assert list(read_notes(text).entries) == list(data.entries), "the same id in every process"
    assert [n.anchor.paragraph for n in data.entries.values()] == [1, 2, 3]
    assert "id x is used twice" in data.warnings[0]


def test_parse_tags() -> None:
    assert parse_tags("karabakh, #osce  follow-up,karabakh") == ("karabakh", "osce", "follow-up")


class TestMerge:
    base: ClassVar[dict[str, Note]] = {"n1": note("n1"), "n2": note("n2")}

    def test_each_side_keeps_what_it_added(self) -> None:
        theirs = {**self.base, "t": note("t")}
        mine = {**self.base, "m": note("m")}
        assert list(merge(self.base, theirs, mine)) == ["n1", "n2", "t", "m"]

    def test_a_change_wins_over_no_change(self) -> None:
        edited = note("n1", text="edited by hand")
        assert merge(self.base, {**self.base, "n1": edited}, self.base)["n1"] == edited
        assert merge(self.base, self.base, {**self.base, "n1": edited})["n1"] == edited

    def test_deletes_go_through_unless_the_other_side_edited(self) -> None:
        without = {"n2": self.base["n2"]}
        assert list(merge(self.base, without, self.base)) == ["n2"]
        assert list(merge(self.base, self.base, without)) == ["n2"]
        edited = {**self.base, "n1": note("n1", text="kept")}
        assert merge(self.base, edited, without)["n1"].text == "kept"
        assert merge(self.base, without, edited)["n1"].text == "kept"

    def test_both_edited_keeps_the_later(self) -> None:
        early = note("n1", text="early", updated="2026-01-02T00:00:00Z")
        late = note("n1", text="late", updated="2026-01-03T00:00:00Z")
        assert merge(self.base, {**self.base, "n1": late}, {**self.base, "n1": early})["n1"] == late
        assert merge(self.base, {**self.base, "n1": early}, {**self.base, "n1": late})["n1"] == late
