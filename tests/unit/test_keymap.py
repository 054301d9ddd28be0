"""Key overrides from config.yaml, checked without a terminal: key names, the ids the
bindings define, clashes, and the shipped list of ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.corpus.config import KeySetting, load_config
from tui.corpus.resources import default_config_path
from tui.keymap import (
    KeyNameError,
    binding_classes,
    binding_ids,
    check_keys,
    default_keys,
    parse_key,
    parse_keys,
    usable_keys,
)

LISTED = re.compile(r"  # ([a-z_]+): (\S+)")
"""A commented line of the shipped `keys:` section: an id and its default keys."""


def settings(**keys: str) -> dict[str, KeySetting]:
    """Overrides as a user file at /u/config.yaml would give them, one a line from 2."""
    return {
        binding_id: KeySetting(value, f"/u/config.yaml:{line}")
        for line, (binding_id, value) in enumerate(keys.items(), 2)
    }


# -- key names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("ctrl+x", "ctrl+x"),
        ("shift+tab", "shift+tab"),
        ("f1", "f1"),
        ("f24", "f24"),
        ("A", "A"),
        ("?", "question_mark"),
        ("question_mark", "question_mark"),
        ("/", "slash"),
        ("slash", "slash"),
        ("]", "right_square_bracket"),
        ("'", "apostrophe"),
        ("escape", "escape"),
        ("space", "space"),
        ("pagedown", "pagedown"),
        ("ctrl+/", "ctrl+slash"),
        ("shift+ctrl+up", "ctrl+shift+up"),
        ("ctrl+shift+a", "ctrl+shift+a"),
        ("alt+x", "alt+x"),
        ("й", "й"),
    ],
)
def test_key_names_as_textual_names_them(written: str, name: str) -> None:
    assert parse_key(written) == name


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("ctrl+nope", "'nope' in 'ctrl+nope' is not a key name"),
        ("nope", "'nope' is not a key name"),
        ("F1", "'F1' is not a key name (f1?)"),
        ("Escape", "'Escape' is not a key name (escape?)"),
        ("solidus", "'solidus' is not a key name (slash?)"),
        ("cntrl+x", "'cntrl' in 'cntrl+x' is not a modifier"),
        ("ctrl+ctrl+x", "'ctrl+ctrl+x' names a modifier twice"),
        ("ctrl+", "'ctrl+' is not a key name (plus for +)"),
        ("ctrl+A", "'ctrl+A' is never sent: with a modifier a letter is small"),
        ("shift+a", "'shift+a' is never sent: write A"),
        ("shift+slash", "'shift+slash' is never sent: write the character shift types"),
        ("f25", "'f25' is not a key name"),
    ],
)
def test_bad_key_names_say_why(written: str, problem: str) -> None:
    with pytest.raises(KeyNameError) as raised:
        parse_key(written)
    assert str(raised.value).startswith(problem)


def test_a_key_list_is_split_on_commas_and_each_checked() -> None:
    assert parse_keys(" s , ctrl+f,s") == ("s", "ctrl+f")
    with pytest.raises(KeyNameError, match="an empty key in 'a,,b'"):
        parse_keys("a,,b")


# -- ids: from the bindings, listed in config.yaml ----------------------------------------


def test_ids_come_from_every_class_that_declares_bindings() -> None:
    names = {cls.__name__ for cls in binding_classes()}
    assert {"DossierApp", "NotebookApp", "MainScreen", "NoteEditor", "Reader"} <= names
    assert {"Sidebar", "SearchScreen", "CompareScreen", "TimelineGrid", "KwicScreen"} <= names
    ids = binding_ids(binding_classes())
    # One of each kind of place: the app, a screen, a widget, a pop-up.
    assert {"quit", "notes", "switch_pane", "find", "next_year", "note_save"} <= ids


def test_config_yaml_lists_exactly_the_ids_the_bindings_define() -> None:
    """Every id, commented out with its default keys: the shipped list cannot drift
    from the code (a new binding with an id fails here until it is listed)."""
    text = default_config_path().read_text(encoding="utf-8")
    section = text[text.index("\nkeys:\n") :]
    listed = [LISTED.fullmatch(line) for line in section.splitlines()]
    pairs = [(found[1], found[2]) for found in listed if found]
    ids = [binding_id for binding_id, _ in pairs]
    assert len(ids) == len(set(ids)), "each id listed once"
    classes = binding_classes()
    assert set(ids) == binding_ids(classes)
    assert dict(pairs) == default_keys(classes), "each with the keys the code gives it"


def test_shipped_keys_section_sets_nothing() -> None:
    config = load_config()
    assert config.warnings == []
    assert config.keys == {}


def test_user_keys_keep_their_order_and_lines(tmp_path: Path) -> None:
    user = tmp_path / "config.yaml"
    user.write_text("keys:\n  # find: slash\n  next_hit: x\n  find: f\n", encoding="utf-8")
    config = load_config(user)
    assert config.warnings == []
    assert [(i, s.keys, s.origin) for i, s in config.keys.items()] == [
        ("next_hit", "x", f"{user}:3"),
        ("find", "f", f"{user}:4"),
    ]


# -- checking overrides ---------------------------------------------------------------------


def test_good_overrides_are_kept_as_textual_names_them() -> None:
    checked = check_keys(settings(find="f", next_question="!", search="ctrl+k"))
    assert checked.warnings == []
    assert checked.keymap == {"find": "f", "next_question": "exclamation_mark", "search": "ctrl+k"}


def test_a_bad_key_name_is_reported_and_the_default_kept() -> None:
    checked = check_keys(settings(next_hit="ctrl+nope"))
    assert checked.warnings == [
        "/u/config.yaml:2: keys: next_hit: 'nope' in 'ctrl+nope' is not a key name; keeping n"
    ]
    assert checked.keymap == {}


def test_an_unknown_id_is_reported() -> None:
    checked = check_keys(settings(no_such_action="z"))
    assert checked.warnings == ["/u/config.yaml:2: keys: unknown action 'no_such_action' (ignored)"]
    assert checked.keymap == {}


def test_a_key_of_the_app_clashes_where_the_override_works() -> None:
    checked = check_keys(settings(find="s"))
    assert checked.warnings == [
        "/u/config.yaml:2: keys: find: s is already search (Search) in the reader; keeping slash"
    ]
    assert checked.keymap == {}


def test_a_key_of_the_same_widget_clashes() -> None:
    checked = check_keys(settings(bookmark="j"))
    assert checked.warnings == [
        '/u/config.yaml:2: keys: bookmark: j is already "Next paragraph" in the reader; keeping m'
    ]


def test_an_app_key_moved_onto_a_screen_key_clashes() -> None:
    checked = check_keys(settings(notes="ctrl+o"))
    assert checked.warnings == [
        "/u/config.yaml:2: keys: notes: ctrl+o is already kwic_sort (Sort) in the kwic screen;"
        " keeping A"
    ]


def test_of_two_overrides_on_one_key_the_later_gives_way() -> None:
    checked = check_keys(settings(bookmark="z", add_note="z"))
    assert checked.keymap == {"bookmark": "z"}
    assert checked.warnings == [
        "/u/config.yaml:3: keys: add_note: z is already bookmark (Bookmark) in the reader;"
        " keeping a"
    ]


def test_swapped_keys_do_not_clash() -> None:
    checked = check_keys(settings(next_hit="N", prev_hit="n"))
    assert checked.warnings == []
    assert checked.keymap == {"next_hit": "N", "prev_hit": "n"}


def test_keys_in_different_places_do_not_clash() -> None:
    """The list's `y` and the reader's `y` are never active together; nor are the
    notes screen's `x` and the compare view's."""
    checked = check_keys(settings(prev_year="z", copy="z", notes_export="X", swap_sides="X"))
    assert checked.warnings == []


def test_a_clash_the_defaults_already_have_is_not_reported() -> None:
    """The reader's Escape closes its find bar before the screen's goes back: the
    defaults share it on purpose, and adding a key to `back` keeps that."""
    checked = check_keys(settings(back="escape,backspace"))
    assert checked.warnings == []
    assert checked.keymap == {"back": "escape,backspace"}


def test_a_modal_pop_up_meets_only_the_apps_priority_keys() -> None:
    """Under the note editor only the app's priority keys (search, the palette,
    ctrl+q) still act."""
    assert check_keys(settings(note_delete="q")).warnings == []
    assert check_keys(settings(note_delete="ctrl+p")).warnings == [
        "/u/config.yaml:2: keys: note_delete: ctrl+p is already command_palette"
        " (Command palette) in the note editor; keeping ctrl+d"
    ]


def test_warnings_come_in_the_order_of_the_file() -> None:
    checked = check_keys(settings(find="s", help="F1", nothing="x"))
    assert [warning.split(": ")[0] for warning in checked.warnings] == [
        "/u/config.yaml:2",
        "/u/config.yaml:3",
        "/u/config.yaml:4",
    ]


def test_the_app_starts_with_the_overrides_whose_names_are_good() -> None:
    assert usable_keys(settings(find="?", next_hit="ctrl+nope")) == {"find": "question_mark"}
