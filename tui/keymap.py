"""The keys a user may change in config.yaml's `keys:` section.

Which binding ids there are is read from the bindings themselves (every class of
dossier's that declares BINDINGS), so a new binding with an id can be remapped with
no list to update. An override is checked before it is used: a key name Textual
never sends, or a key another action already has in the same place, is reported as
`file:line: keys: ...` and the override skipped, the default kept.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding, Keymap
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, REPLACED_KEYS, Keys, key_to_character
from textual.screen import ModalScreen, Screen

import tui
from tui.corpus.config import KeySetting

MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
"""In the order Textual writes them in a key's name (`ctrl+shift+up`)."""
_NAME = re.compile(r"[a-z][a-z0-9_]*")
NAMED_KEYS = frozenset(
    base
    for key in Keys
    if _NAME.fullmatch(base := key.value.rpartition("+")[2])
    and len(base) > 1
    and not (
        (character := key_to_character(REPLACED_KEYS.get(base, base))) is not None
        and character.isprintable()
        and not character.isspace()
    )
)
"""Keys with a name rather than a character: escape, tab, f1 to f24, pageup, ..."""


class KeyNameError(ValueError):
    """A key Textual never sends; the message says why."""


def character_key(character: str) -> str:
    """The name Textual gives the key that types `character`: `/` is slash, `?`
    question_mark, a letter or digit itself."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return KEY_NAME_REPLACEMENTS.get(name, name)


def _base_key(base: str, text: str) -> str:
    """The name of the key part of `text` (after its modifiers)."""
    if len(base) == 1:
        if not base.isprintable() or base.isspace():
            raise KeyNameError(f"{text!r} is not a key name")
        return character_key(base)
    if base in NAMED_KEYS:
        return base
    character = key_to_character(REPLACED_KEYS.get(base, base))
    if character is not None and character.isprintable() and not character.isspace():
        name = character_key(character)
        if name == base:
            return base
        raise KeyNameError(f"{base!r} is not a key name ({name}?)")
    lower = base.lower()
    if lower != base and (lower in NAMED_KEYS or character_key(lower) == lower):
        raise KeyNameError(f"{base!r} is not a key name ({lower}?)")
    where = "" if base == text else f" in {text!r}"
    raise KeyNameError(f"{base!r}{where} is not a key name")


def parse_key(text: str) -> str:
    """The name Textual gives the key `text` names (`?` is question_mark, modifiers in
    Textual's order); KeyNameError if Textual never sends it."""
    if len(text) == 1:
        return _base_key(text, text)
    *modifiers, base = text.split("+")
    if not base or any(not modifier for modifier in modifiers):
        raise KeyNameError(f"{text!r} is not a key name (plus for +)")
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            known = ", ".join(MODIFIERS)
            raise KeyNameError(f"{modifier!r} in {text!r} is not a modifier ({known})")
    if len(set(modifiers)) < len(modifiers):
        raise KeyNameError(f"{text!r} names a modifier twice")
    name = _base_key(base, text)
    if modifiers and len(base) == 1 and base.isalpha() and base.isupper():
        raise KeyNameError(f"{text!r} is never sent: with a modifier a letter is small")
    if modifiers == ["shift"] and name not in NAMED_KEYS:
        instead = base.upper() if len(base) == 1 and base.isalpha() else "the character shift types"
        raise KeyNameError(f"{text!r} is never sent: write {instead}")
    return "+".join([*sorted(modifiers), name])


def parse_keys(text: str) -> tuple[str, ...]:
    """The key names of a comma-separated list, each as Textual names it."""
    keys: list[str] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            raise KeyNameError(f"an empty key in {text!r}")
        key = parse_key(part)
        if key not in keys:
            keys.append(key)
    return tuple(keys)


# -- where the bindings are -----------------------------------------------------------------


def binding_classes() -> list[type[DOMNode]]:
    """Every class of dossier's that declares BINDINGS. Every module of the UI is
    imported first, so none is missed."""
    for module in pkgutil.walk_packages(tui.__path__, "tui."):
        if not module.name.startswith("tui.corpus") and module.name != "tui.__main__":
            importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    seen: set[type] = set()
    waiting: list[type] = [DOMNode]
    while waiting:
        subclasses: list[type] = waiting.pop().__subclasses__()
        for subclass in subclasses:
            if subclass in seen:
                continue
            seen.add(subclass)
            waiting.append(subclass)
            if subclass.__module__.startswith("tui.") and "BINDINGS" in vars(subclass):
                found.append(subclass)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__))


def declared(cls: type[DOMNode]) -> list[Binding]:
    """The bindings of `cls` and its bases, merged as Textual merges them: a class's
    key replaces its bases' bindings of that key. Of Textual's own classes only the
    app's and the screen's count (ctrl+q, tab): a widget's editing and scrolling keys
    are its own business."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(cls.__mro__):
        if not (base.__module__.startswith("tui.") or base in (App, Screen)):
            continue
        own: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(vars(base).get("BINDINGS", ())):
            own.setdefault(binding.key, []).append(binding)
        keys.update(own)
    return [binding for bindings in keys.values() for binding in bindings]


def binding_ids(classes: Iterable[type[DOMNode]]) -> set[str]:
    """The ids a `keys:` entry in config.yaml may name."""
    return {binding.id for cls in classes for binding in declared(cls) if binding.id}


def default_keys(classes: Iterable[type[DOMNode]]) -> dict[str, str]:
    """Each binding id with its default keys, comma-separated, in the order declared."""
    keys: dict[str, list[str]] = {}
    for cls in classes:
        for binding in declared(cls):
            if binding.id and binding.key not in keys.setdefault(binding.id, []):
                keys[binding.id].append(binding.key)
    return {binding_id: ",".join(names) for binding_id, names in keys.items()}


@dataclass(frozen=True, slots=True)
class Place:
    """Classes whose bindings are active together: a widget, its screen, the app."""

    classes: tuple[type[DOMNode], ...]
    priority_only: frozenset[type[DOMNode]] = frozenset()
    """Those of `classes` of which only the priority bindings reach this place: the
    app's, under a modal screen."""


def _on_screen(screen: type[DOMNode], widgets: list[type[DOMNode]]) -> list[type[DOMNode]]:
    """The widgets with bindings that `screen` shows: those its module imports or
    defines, with the widgets defined beside them (the reader's find bar)."""
    names = vars(sys.modules[screen.__module__]).values()
    shown = [widget for widget in widgets if any(widget is name for name in names)]
    modules = {widget.__module__ for widget in shown}
    return [widget for widget in widgets if widget in shown or widget.__module__ in modules]


def places(classes: list[type[DOMNode]]) -> list[Place]:
    apps = [cls for cls in classes if issubclass(cls, App)]
    # The app that runs: no other app derives from it.
    leaves = [app for app in apps if not any(o is not app and issubclass(o, app) for o in apps)]
    screens = [cls for cls in classes if issubclass(cls, Screen)]
    widgets = [cls for cls in classes if cls not in apps and cls not in screens]
    found: list[Place] = []
    for app in leaves:
        found.append(Place((app,)))
        placed: set[type[DOMNode]] = set()
        for screen in screens:
            modal = frozenset({app}) if issubclass(screen, ModalScreen) else frozenset()
            found.append(Place((screen, app), modal))
            for widget in _on_screen(screen, widgets):
                placed.add(widget)
                found.append(Place((widget, screen, app), modal))
        found.extend(Place((widget, app)) for widget in widgets if widget not in placed)
    return found


# -- clashes --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Bound:
    key: str
    ident: str
    """The binding's id, or its class and action for one without."""
    description: str
    owner: type[DOMNode]


def _bound(place: Place, keymap: Mapping[str, tuple[str, ...]]) -> Iterator[_Bound]:
    for cls in place.classes:
        for binding in declared(cls):
            if cls in place.priority_only and not binding.priority:
                continue
            ident = binding.id or f"{cls.__name__}.{binding.action}"
            keys = keymap.get(binding.id, (binding.key,)) if binding.id else (binding.key,)
            for key in keys:
                yield _Bound(key, ident, binding.description, cls)


@dataclass(frozen=True, slots=True)
class Clash:
    key: str
    idents: frozenset[str]
    where: type[DOMNode]
    """The most particular class of the place where both are active."""
    bound: tuple[_Bound, ...]


def clashes(
    found_places: Iterable[Place], keymap: Mapping[str, tuple[str, ...]]
) -> dict[tuple[str, frozenset[str]], Clash]:
    """Every two bindings with the same key in the same place, by key and the two."""
    found: dict[tuple[str, frozenset[str]], Clash] = {}
    for place in found_places:
        by_key: dict[str, dict[str, _Bound]] = {}
        for bound in _bound(place, keymap):
            by_key.setdefault(bound.key, {}).setdefault(bound.ident, bound)
        for key, bound_here in by_key.items():
            items = list(bound_here.values())
            for position, first in enumerate(items):
                for second in items[position + 1 :]:
                    pair = frozenset({first.ident, second.ident})
                    owners = (first.owner, second.owner)
                    where = next(cls for cls in place.classes if cls in owners)
                    found.setdefault((key, pair), Clash(key, pair, where, (first, second)))
    return found


def _spoken(cls: type[DOMNode]) -> str:
    """`NotesScreen` as "in the notes screen"; the app's keys work everywhere."""
    if issubclass(cls, App):
        return "everywhere"
    return "in the " + re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


@dataclass(slots=True)
class CheckedKeys:
    keymap: Keymap
    """The overrides to use, by binding id, keys as Textual names them."""
    warnings: list[str]


def check_keys(
    settings: Mapping[str, KeySetting], classes: list[type[DOMNode]] | None = None
) -> CheckedKeys:
    """The overrides of `settings` that can be used, and a warning for each of the
    others: an unknown id, a bad key name, a key that clashes with another action in
    the same place (the later override in the file gives way)."""
    classes = binding_classes() if classes is None else classes
    known = binding_ids(classes)
    defaults = default_keys(classes)
    order = list(settings)
    warnings: list[tuple[int, str]] = []
    keymap: dict[str, tuple[str, ...]] = {}
    for binding_id, setting in settings.items():
        where = f"{setting.origin}: keys:"
        if binding_id not in known:
            warnings.append(
                (order.index(binding_id), f"{where} unknown action {binding_id!r} (ignored)")
            )
            continue
        try:
            keymap[binding_id] = parse_keys(setting.keys)
        except KeyNameError as error:
            keeping = defaults[binding_id]
            warnings.append(
                (order.index(binding_id), f"{where} {binding_id}: {error}; keeping {keeping}")
            )
    found_places = places(classes)
    by_default = clashes(found_places, {}).keys()
    while True:
        new = [c for pair, c in clashes(found_places, keymap).items() if pair not in by_default]
        if not new:
            break
        # The override latest in the file gives way, one at a time: once it is gone,
        # the others may no longer clash.
        clash, dropped = max(
            ((c, max((i for i in c.idents if i in keymap), key=order.index)) for c in new),
            key=lambda found: order.index(found[1]),
        )
        other = next(bound for bound in clash.bound if bound.ident != dropped)
        if other.ident in known:
            named = f"{other.ident} ({other.description})" if other.description else other.ident
        else:
            named = f'"{other.description}"' if other.description else other.ident
        where = f"{settings[dropped].origin}: keys:"
        warnings.append(
            (
                order.index(dropped),
                f"{where} {dropped}: {clash.key} is already {named}"
                f" {_spoken(clash.where)}; keeping {defaults[dropped]}",
            )
        )
        del keymap[dropped]
    return CheckedKeys(
        {binding_id: ",".join(keys) for binding_id, keys in keymap.items()},
        [warning for _, warning in sorted(warnings)],
    )


def usable_keys(settings: Mapping[str, KeySetting]) -> Keymap:
    """The overrides whose keys are good names, before the ids and clashes are
    checked (that imports every screen): what the app starts with."""
    keymap: dict[str, str] = {}
    for binding_id, setting in settings.items():
        try:
            keymap[binding_id] = ",".join(parse_keys(setting.keys))
        except KeyNameError:
            continue
    return keymap
