"""Notifications that belong to what the user was doing: a toast about the screen
that was left, or about a deletion just undone, goes when that stops being true."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.corpus.clean import visible
from tui.corpus.config import log_path
from tui.log import log
from tui.messages import ViewShown


@dataclass(frozen=True, slots=True)
class Toast:
    message: str
    title: str
    severity: SeverityLevel
    until: float
    """When it goes by itself (`time.monotonic`)."""
    screen: Screen[object] | None
    """The screen it was shown over."""


class ToastsApp(App[None]):
    """An App that knows which toasts it shows, and can take some of them back."""

    def __init__(self) -> None:
        super().__init__()
        self._toasts: list[Toast] = []

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text with what would act on a terminal made
        visible: messages carry file names, topics, errors, all outside text. Warnings
        and errors also go to the log."""
        if severity != "information":
            log.log(logging.ERROR if severity == "error" else logging.WARNING, message)
        if severity == "error":
            message = f"{message}\nDetails in {log_path()}"
        message, title = visible(message), visible(title)
        seconds = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        screen = self.screen_stack[-1] if self.screen_stack else None
        self._toasts.append(Toast(message, title, severity, time.monotonic() + seconds, screen))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @property
    def toasts(self) -> list[Toast]:
        """The toasts on show, the oldest first: not timed out, nor taken back. One is
        here from its `notify` call, before Textual has put it on the screen."""
        now = time.monotonic()
        return [toast for toast in self._toasts if toast.until > now]

    def clear_notifications(self) -> None:
        """All the toasts go, from `toasts` too."""
        self._toasts = []
        super().clear_notifications()

    def withdraw(self, drop: Callable[[Toast], bool]) -> None:
        """Take the toasts `drop` picks off the screen. (Textual 8.2 has no public way
        to remove one toast: all go, and the others are shown again for the time they
        had left.)"""
        now = time.monotonic()
        alive = [toast for toast in self._toasts if toast.until > now]
        kept = [toast for toast in alive if not drop(toast)]
        self._toasts = alive
        if len(kept) == len(alive):
            return
        self.clear_notifications()
        self._toasts = []
        for toast in kept:
            App.notify(
                self,
                toast.message,
                title=toast.title,
                severity=toast.severity,
                timeout=toast.until - now,
                markup=False,
            )
            self._toasts.append(toast)

    @on(ViewShown)
    def _view_shown(self) -> None:
        """A screen other than a pop-up came up: news about another screen goes;
        warnings and errors stay until they time out."""
        current = self.screen
        self.withdraw(lambda toast: toast.severity == "information" and toast.screen is not current)
