"""The footer, with the keys a person must always find kept in view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

ALWAYS_SHOWN = ("search", "quit", "help")
"""Actions whose keys stay at the right end of the footer however narrow the terminal."""

FOOTER_KEY = "FooterKey"
"""The CSS type of the keys Textual's footer composes, to query them by. Textual 8.2.8
does not export their class (it is in its private `textual.widgets._footer`)."""


def key_action(widget: Widget) -> str | None:
    """The action of `widget` if it is one of the footer's keys, else None. Before they
    are mounted no query finds them: each has its `action` (`key` and `description` too)."""
    action = getattr(widget, "action", None)
    return action if isinstance(action, str) else None


class KeptKeys(HorizontalGroup):
    """The footer keys docked at the right, which the others cannot push out of view."""


class DossierFooter(Footer):
    """Textual's footer drops the keys that do not fit, from the right, and the app's
    own keys come last: at 80 columns `q Quit` went first. Here they are docked right,
    so the keys of the focused widget are the ones that give way.

    It is also made anew only when the keys it shows change: Textual's footer mounts
    all its keys again whenever the bindings might have, such as on every document
    opened, and that was a third of the time to show the document."""

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None
    """The keys last composed: key, description, action, enabled, tooltip."""

    _bindings_told = False
    """Whether the screen has told the footer of its bindings, as `bindings_changed`
    does: until then Textual's footer composes no keys."""

    @staticmethod
    def _keys_of(screen: Screen[object]) -> tuple[tuple[str, str, str, bool, str], ...]:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )

    def key_widgets(self) -> list[Widget]:
        """The keys in the footer, the kept ones last; each has its `key`,
        `description` and `action`."""
        return list(self.query(FOOTER_KEY))

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_told = True
        if self._shown is None or self._keys_of(screen) != self._shown:
            super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_told:
            self._shown = self._keys_of(self.screen)
        kept = []
        for widget in super().compose():
            if self.compact and key_action(widget) is not None:
                # The class its `compact` would add once mounted, restyling it again.
                widget.add_class("-compact", update=False)
            if key_action(widget) in ALWAYS_SHOWN:
                kept.append(widget)
            else:
                yield widget
        if kept:
            kept.sort(key=lambda widget: ALWAYS_SHOWN.index(key_action(widget) or ""))
            yield KeptKeys(*kept)
        self.call_after_refresh(self._fit_keys)

    def on_resize(self) -> None:
        self._fit_keys()

    def _fit_keys(self) -> None:
        """Leave out, whole, the keys that would run under the kept ones: a key cut
        to its letter (`t` without `Next topic`) says nothing."""
        keys = list(self.query_children(FOOTER_KEY))
        kept = self.query(KeptKeys)
        # The kept group's own width once laid out: its layout adds cells of its own.
        room = self.size.width - sum(
            group.outer_size.width or self._natural_width(group) for group in kept
        )
        for key in keys:
            width = self._natural_width(key)
            key.display = width <= room
            room -= width if key.display else room

    def _natural_width(self, widget: Widget) -> int:
        """The cells `widget` takes at its auto width, margins included, shown or not."""
        around = widget.styles.gutter.width + widget.styles.margin.width
        if isinstance(widget, KeptKeys):
            keys = widget.query_children(FOOTER_KEY)
            return around + sum(self._natural_width(key) for key in keys)
        return around + widget.get_content_width(self.size, self.app.size)
