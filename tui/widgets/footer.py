"""The footer, with the keys a person must always find kept in view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS_SHOWN = ("search", "quit", "help")
"""Actions whose keys stay at the right end of the footer however narrow the terminal."""


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

    @staticmethod
    def _keys_of(screen: Screen[object]) -> tuple[tuple[str, str, str, bool, str], ...]:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._shown is None or self._keys_of(screen) != self._shown:
            super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_of(self.screen)
        kept = []
        for widget in super().compose():
            if isinstance(widget, FooterKey) and self.compact:
                # The class its `compact` would add once mounted, restyling it again.
                widget.add_class("-compact", update=False)
            if getattr(widget, "action", None) in ALWAYS_SHOWN:
                kept.append(widget)
            else:
                yield widget
        if kept:
            kept.sort(key=lambda widget: ALWAYS_SHOWN.index(getattr(widget, "action", "")))
            yield KeptKeys(*kept)
        self.call_after_refresh(self._fit_keys)

    def on_resize(self) -> None:
        self._fit_keys()

    def _fit_keys(self) -> None:
        """Leave out, whole, the keys that would run under the kept ones: a key cut
        to its letter (`t` without `Next topic`) says nothing."""
        keys = [child for child in self.children if isinstance(child, FooterKey)]
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
            keys = widget.query_children(FooterKey)
            return around + sum(self._natural_width(key) for key in keys)
        return around + widget.get_content_width(self.size, self.app.size)
