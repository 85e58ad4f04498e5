"""Text colours that keep their meaning and stay readable in a light and a dark palette.

A warning is red and a footnote grey on a light window; on a dark one the same dark red or grey
falls below the WCAG AA contrast of 4.5:1, so they get lighter shades there. The choice follows
the application's palette at the moment the text is written (a palette change reaches the next
text written)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: (light palette, dark palette): red warnings, grey footnotes and hints
WARNING = ("#b71c1c", "#ff8a80")
MUTED = ("#5f5f5f", "#b8bcc2")


def is_dark() -> bool:
    """Whether the window background is dark."""
    app = QGuiApplication.instance()
    palette = QGuiApplication.palette() if isinstance(app, QGuiApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def warning_text() -> str:
    """The colour of warning text on the window's own background."""
    return WARNING[1] if is_dark() else WARNING[0]


def muted_text() -> str:
    """The colour of footnotes and hints on the window's own background."""
    return MUTED[1] if is_dark() else MUTED[0]


#: a desktop's dark theme (window, text, base, buttons, links): what the tests and the
#: screenshots check the app's dark-palette colours against
DARK_THEME = (
    (QPalette.ColorRole.Window, "#202124"),
    (QPalette.ColorRole.WindowText, "#e8eaed"),
    (QPalette.ColorRole.Base, "#17181a"),
    (QPalette.ColorRole.Text, "#e8eaed"),
    (QPalette.ColorRole.Button, "#303134"),
    (QPalette.ColorRole.ButtonText, "#e8eaed"),
    (QPalette.ColorRole.Link, "#8ab4f8"),
)


def dark_palette() -> QPalette:
    """A palette like a desktop's dark theme (:data:`DARK_THEME`)."""
    dark = QPalette()
    for role, colour in DARK_THEME:
        dark.setColor(role, QColor(colour))
    return dark
