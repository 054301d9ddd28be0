"""The command palette lists every action of the current screen with its key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable

from textual.app import App
from textual.binding import Binding, BindingsMap, Keymap
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

GENERAL = "General"


@runtime_checkable
class ListsActions(Protocol):
    """A node some of whose actions are listed (in help and the palette) only while
    there is something for them to do."""

    def lists_action(self, action: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class BoundAction:
    """One action with every key that triggers it."""

    node: DOMNode
    action: str
    description: str
    keys: str


def _defined_here(node: DOMNode, action: str) -> bool:
    """Whether dossier itself defines the action, rather than a Textual base class
    (an Input's cursor keys do not belong in dossier's help)."""
    method = getattr(node, f"action_{action.partition('(')[0]}", None)
    return method is not None and getattr(method, "__module__", "").startswith("tui.")


def declared_bindings(node: DOMNode) -> BindingsMap:
    """The `BINDINGS` of the node's class and its bases, as Textual merges them."""
    bindings: list[Binding] = []
    for cls in reversed(type(node).__mro__):
        bindings.extend(Binding.make_bindings(vars(cls).get("BINDINGS", ())))
    return BindingsMap(bindings)


def bindings_of(screen: Screen[object]) -> list[tuple[str, list[BoundAction]]]:
    """Every described binding of `screen`, its widgets and the app, with the user's
    keymap applied, grouped by the title of the widget that owns them."""
    app = screen.app
    # The keymap the app gave Textual; Textual has no public way to read it back.
    keymap: Keymap = getattr(app, "keymap", {})
    nodes: list[DOMNode] = [*screen.walk_children(with_self=True), app]
    groups: dict[str, dict[tuple[int, str], BoundAction]] = {}
    for node in nodes:
        bindings = declared_bindings(node)
        if keymap:
            bindings.apply_keymap(keymap)
        title = GENERAL if node in (screen, app) else (node.BINDING_GROUP_TITLE or GENERAL)
        group = groups.setdefault(title, {})
        for _key, binding in bindings:
            if not binding.description or not (node is app or _defined_here(node, binding.action)):
                continue
            if isinstance(node, ListsActions) and not node.lists_action(binding.action):
                continue
            group_key = (id(node), binding.action)
            existing = group.get(group_key)
            key = app.get_key_display(binding)
            keys = existing.keys if existing else ""
            if key not in keys.split(" "):
                keys = f"{keys} {key}".strip()
            group[group_key] = BoundAction(node, binding.action, binding.description, keys)
    return [(title, list(actions.values())) for title, actions in groups.items() if actions]


def _run(app: App[object], action: BoundAction) -> None:
    app.call_later(app.run_action, action.action, action.node)


class ActionsProvider(Provider):
    """Every action of the screen under the palette, shown with its key."""

    def _actions(self) -> Iterator[tuple[str, str, BoundAction]]:
        """Each action as the palette lists it, and its help line: where it belongs."""
        for title, actions in bindings_of(self.screen):
            for action in actions:
                yield (
                    f"{action.description} ({action.keys})",
                    f"{title} · key {action.keys}",
                    action,
                )

    async def discover(self) -> Hits:
        for text, where, action in self._actions():
            yield DiscoveryHit(text, partial(_run, self.app, action), help=where)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, where, action in self._actions():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), partial(_run, self.app, action), text, where
                )
