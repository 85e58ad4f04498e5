"""The side panel: the selected record in readable sections, with its overlay toggle."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import QCheckBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from hamstring_viewer.describe import (
    ABBR_SCHEME,
    CITE_SCHEME,
    SECTION_KEYS,
    SECTION_SCHEME,
    TOGGLE_SCHEME,
    describe,
    plain_name,
    sectioned,
    welcome_html,
)
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate
from hamstring_viewer.records import Structure, TriggerPoint

from .plate_view import INSERTION_COLOUR, NEIGHBOUR_GROUPS, ORIGIN_COLOUR, ZONE_COLOURS
from .state import AtlasState

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from .figure_view import FigureArea

#: a panel shorter than this shows figures without their stills (the page keeps room)
COMPACT_FIGURE_BELOW = 760
#: the figure area's heading by kind of page (translated where shown)
FIGURE_TITLES = {
    "exercise": QT_TRANSLATE_NOOP("Panel", "How to do it"),
    "stretch": QT_TRANSLATE_NOOP("Panel", "How to stretch"),
    "technique": QT_TRANSLATE_NOOP("Panel", "How it is done"),
    "action": QT_TRANSLATE_NOOP("Panel", "The muscle at work"),
}
#: the legend's words for the neighbours' groups (the keys of ``NEIGHBOUR_GROUPS``)
_GROUP_WORDS = {
    "hip and buttock": QT_TRANSLATE_NOOP("Panel", "hip and buttock"),
    "thigh": QT_TRANSLATE_NOOP("Panel", "thigh"),
    "knee and calf": QT_TRANSLATE_NOOP("Panel", "knee and calf"),
}


def legend_html(pinned: Iterable[str] = ()) -> str:
    """The legend; ``pinned``: the names of the trigger points whose zones are pinned."""
    medial = ZONE_COLOURS["semitendinosus"]
    lateral = ZONE_COLOURS["biceps_femoris_long_head"]
    names = sorted(pinned)
    kept = (
        translate("Panel", "<b>Pinned:</b> {names} (stay until turned off)").format(
            names=", ".join(names)
        )
        if names
        else translate("Panel", "Zones follow the ✕ you select; pin them to keep them.")
    )
    medial_words = translate("Panel", "semitendinosus / semimembranosus")
    lateral_words = translate("Panel", "biceps femoris")
    groups = " &nbsp; ".join(
        f"<span style='color:{colour}'>■</span> "
        + (translate("Panel", _GROUP_WORDS[group]) if group in _GROUP_WORDS else group)
        for group, (colour, _muscles) in NEIGHBOUR_GROUPS.items()
    )
    lines = " &nbsp; ".join(
        (
            translate("Panel", "solid = essential zone"),
            translate("Panel", "dotted = spillover zone"),
            translate("Panel", "✕ = trigger point"),
        )
    )
    origin = translate("Panel", "origin")
    insertion = translate("Panel", "insertion")
    return (
        "<b>" + translate("Panel", "Legend") + "</b><br>"
        f"<span style='color:{medial}'>■</span> {medial_words} &nbsp; "
        f"<span style='color:{lateral}'>■</span> {lateral_words}<br>"
        + translate("Panel", "neighbours:")
        + f" {groups}<br>{lines}<br>"
        f"<span style='color:{ORIGIN_COLOUR}'>■</span> {origin} &nbsp; "
        f"<span style='color:{INSERTION_COLOUR}'>■</span> {insertion}<br>{kept}"
    )


#: the page's scroll bar: a rounded handle on the window's colour, no arrow buttons
_SCROLL_BAR_STYLE = (
    "QScrollBar:vertical { background: palette(window); width: 12px; margin: 0; }"
    " QScrollBar::handle:vertical { background: palette(mid); min-height: 32px;"
    " border-radius: 4px; margin: 2px 3px; }"
    " QScrollBar::handle:vertical:hover { background: palette(dark); }"
    " QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
    " QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
)


class InfoPanel(QWidget):
    """Shows the selected record; links select their target."""

    def __init__(
        self,
        state: AtlasState,
        parent: QWidget | None = None,
        *,
        show_now: bool = True,
        settings: QSettings | None = None,
    ) -> None:
        """``show_now=False``: the panel shows nothing until the selection changes or
        :meth:`show_selection` is called (a window that is still restoring its state does not
        build a page it would replace at once). ``settings``: where the open sections of a
        muscle's page are remembered between runs."""
        super().__init__(parent)
        self.state = state
        self.settings = settings
        known = SECTION_KEYS
        saved = settings.value("panel/open_sections") if settings is not None else None
        if isinstance(saved, str):
            saved = [saved]
        #: the sections of a muscle's page the reader keeps open (remembered)
        self.open_sections: set[str] = (
            {k for k in saved if isinstance(k, str) and k in known}
            if isinstance(saved, list)
            else set()
        )
        #: sections opened for the page shown only (to show a search match), not remembered
        self._opened_here: set[str] = set()
        self.setObjectName("infoPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.overlay_box = QCheckBox(translate("Panel", "Pin its referred pain on the plate"))
        self.overlay_box.setAccessibleName(
            translate("Panel", "Pin the referred pain of the selection on the plate")
        )
        self.overlay_box.setVisible(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("panelText")
        self.browser.setAccessibleName(translate("Panel", "Information panel"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setMinimumHeight(140)  # the page keeps room under a figure
        # a quiet, thin scroll bar for the page (in the palette's colours): the style's own
        # draws its shaded groove anew at each paint, ~1 ms per scroll step and ~3 ms of the
        # first answer's paint; this one ~0.05 ms
        self.browser.verticalScrollBar().setStyleSheet(_SCROLL_BAR_STYLE)

        self._documents: dict[tuple[str, frozenset[str] | None], QTextDocument] = {}
        #: the figure of an exercise, stretch, technique or hamstring (made when first needed)
        self.figure_area: FigureArea | None = None
        self._page_id: str | None = None  # the record whose page is shown
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(translate("Panel", "Legend"))
        layout.addWidget(self.overlay_box)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.legend)

        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self.browser.highlighted.connect(self._on_link_hovered)
        self.overlay_box.toggled.connect(self._on_overlay_box_toggled)
        state.selectionChanged.connect(self._on_selection_changed)
        state.overlaysChanged.connect(self._on_overlays_changed)
        self._shown = False
        if show_now:
            self.show_selection()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.figure_area is not None:
            self.figure_area.set_compact(self.height() < COMPACT_FIGURE_BELOW)

    def show_selection(self) -> None:
        """Show the selected record (or the welcome page) if nothing is shown yet."""
        if not self._shown:
            self._on_selection_changed(self.state.selection)

    def title(self) -> str:
        rid = self.state.selection
        return plain_name(self.state.kb, rid) if rid else translate("Panel", "Welcome")

    def text(self) -> str:
        return self.browser.toPlainText()

    def _on_selection_changed(self, record_id: object) -> None:
        self._shown = True
        self._opened_here = set()
        kb = self.state.kb
        rid = record_id if isinstance(record_id, str) else None
        self.browser.setDocument(self.document_for(rid))
        record = kb.get(rid) if rid else None
        has_zones = isinstance(record, TriggerPoint) or (
            isinstance(record, Structure) and bool(self.state.trigger_points_of(record.id))
        )
        self.overlay_box.setVisible(has_zones)
        self._page_id = rid
        self._show_figure(rid)
        self._on_overlays_changed(self.state.overlays)

    def figure_kind(self, record_id: str | None) -> str | None:
        """Which figure a page has (exercise, stretch, technique, action), without reading
        the figures: None for the pages without one."""
        if not record_id:
            return None
        kb = self.state.kb
        if record_id in kb.exercises:
            return "exercise"
        if record_id in kb.stretches:
            return "stretch"
        if record_id in kb.techniques:
            return "technique"
        structure = kb.structures.get(record_id)
        if structure is not None and structure.is_hamstring:  # (its actions, animated)
            return "action"
        return None

    def _show_figure(self, record_id: str | None) -> None:
        """Show the page's figure above its text, or hide the figure area (and stop it).

        A muscle's actions open folded under the page's key facts: the first time, the figure
        area is made (and the figures read, ~35 ms) on the next idle tick, so that the muscle's
        page itself answers the click at once."""
        kind = self.figure_kind(record_id)
        if kind == "action" and self.figure_area is None:
            QTimer.singleShot(0, self, self._show_deferred_figure)
            return
        self._show_figure_now(record_id, kind)

    def _show_deferred_figure(self) -> None:
        record_id = self._page_id
        if self.figure_area is None and self.figure_kind(record_id) == "action":
            self._show_figure_now(record_id, "action")

    def _show_figure_now(self, record_id: str | None, kind: str | None) -> None:
        figure = None
        if kind is not None and record_id is not None:
            from .figure_view import figure_book  # (the figures are read on first use)

            book = figure_book()
            figure = (book.actions if kind == "action" else book.figures).get(record_id)
        if figure is None and kind is not None:
            self._report_missing_figure()
        if figure is None or record_id is None or kind is None:
            if self.figure_area is not None:
                self.figure_area.clear()
                self.figure_area.setVisible(False)
            return
        area = self.figure_area or self._make_figure_area()
        subject = plain_name(self.state.kb, record_id)
        title = translate("Panel", FIGURE_TITLES[kind])
        area.show_figure(record_id, figure, kind=kind, title=title, subject=subject)
        area.setVisible(True)
        if area.playing and not area.timer.isActive() and area.isVisible():
            area.play()

    def _make_figure_area(self) -> FigureArea:
        """The figure area above the page's text (made once, hidden until a page has a
        figure)."""
        from .figure_view import FigureArea

        area = FigureArea(self, settings=self.settings)
        area.setVisible(False)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.browser), area)
        self.figure_area = area
        area.set_compact(self.height() < COMPACT_FIGURE_BELOW)
        return area

    def _report_missing_figure(self) -> None:
        """A page whose figure could not be read says why in the status bar (the file, the
        record and the field), and shows its text as usual."""
        from PySide6.QtWidgets import QMainWindow

        from .figure_view import figure_problems

        problems = figure_problems()
        window = self.window()
        if problems and isinstance(window, QMainWindow):
            if len(problems) > 1:
                text = translate("Panel", "No figure: {problem} (and {count} more)").format(
                    problem=problems[0], count=len(problems) - 1
                )
            else:
                text = translate("Panel", "No figure: {problem}").format(problem=problems[0])
            window.statusBar().showMessage(text)

    def document_for(self, record_id: str | None, *, lay_out: bool = False) -> QTextDocument:
        """The record's panel document, built once (the knowledge base does not change);
        ``lay_out`` lays it out now at the panel's width, so that showing it is quick."""
        kb = self.state.kb
        opened: frozenset[str] | None = None
        if record_id and sectioned(kb, record_id):
            opened = frozenset(self.open_sections | self._opened_here)
        key = (record_id or "", opened)
        document = self._documents.get(key)
        if document is None:
            document = QTextDocument(self)
            document.setDefaultFont(self.browser.font())
            if record_id:
                document.setHtml(describe(kb, record_id, opened))
            else:
                document.setHtml(welcome_html(kb))
            self._documents[key] = document
        if lay_out and document.textWidth() < 0:
            # (not at start-up: the first wrap of the text browser's own viewport costs
            # PySide ~5 ms of type lookups; the browser lays out what it shows itself)
            document.setTextWidth(self.browser.viewport().width())
        return document

    def prepare(self, record_ids: list[str]) -> None:
        """Build and lay out documents ahead of time (called from idle time after start-up)."""
        for record_id in record_ids:
            self.document_for(record_id, lay_out=True)

    def prepare_figures(self) -> bool:
        """One idle-time step towards the figures, if one is left (True when a step was
        taken): their module, the figures read, then the figure area made (hidden). A
        muscle's first click then shows its actions at once, without the ~50-70 ms of all
        three."""
        import sys

        module = sys.modules.get(f"{__package__}.figure_view")
        if module is None:
            from . import figure_view  # noqa: F401  (its Qt classes and the figure code)

            return True
        if not module.figures_read():
            module.figure_book()
            return True
        if self.figure_area is None:
            self._make_figure_area()
            return True
        return False

    def _on_overlays_changed(self, _overlays: object) -> None:
        kb = self.state.kb
        self.legend.setText(legend_html(kb.trigger_points[t].name for t in self.state.pinned))
        rid = self.state.selection
        record = self.state.kb.get(rid) if rid else None
        if isinstance(record, TriggerPoint):
            checked = record.id in self.state.pinned
        elif isinstance(record, Structure):
            checked = self.state.muscle_overlay_shown(record.id)
        else:
            return
        with QSignalBlocker(self.overlay_box):
            self.overlay_box.setChecked(checked)

    def _on_overlay_box_toggled(self, checked: bool) -> None:
        rid = self.state.selection
        record = self.state.kb.get(rid) if rid else None
        if isinstance(record, TriggerPoint):
            self.state.set_overlay(record.id, checked)
        elif isinstance(record, Structure):
            self.state.set_muscle_overlay(record.id, checked)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        target = url.path() or url.toString().removeprefix(f"{scheme}:")
        if scheme == "record":
            self.state.select(target)
        elif scheme == TOGGLE_SCHEME:
            self.set_section_open(target, target not in self._open_now())
        elif scheme == SECTION_SCHEME:
            self.set_section_open(target, True)
            self.browser.scrollToAnchor(target)
        elif scheme == CITE_SCHEME:  # the sources of a claim: open the list and go there
            self.set_section_open("sources", True)
            self.browser.scrollToAnchor("sources")

    def _open_now(self) -> set[str]:
        return self.open_sections | self._opened_here

    def set_section_open(self, key: str, is_open: bool) -> None:
        """Open or close a section of the muscle pages (remembered between runs); the page
        shown keeps its place at that section's heading."""
        if key not in SECTION_KEYS:
            return
        if is_open:
            self.open_sections.add(key)
        else:
            self.open_sections.discard(key)
            self._opened_here.discard(key)
        if self.settings is not None:
            self.settings.setValue("panel/open_sections", sorted(self.open_sections))
        self._reshow(anchor=key)

    def open_for_match(self, keys: set[str]) -> None:
        """Open these sections of the page shown (to show a search match), for this page only."""
        new = keys - self._open_now()
        if new:
            self._opened_here |= new
            self._reshow()

    def _reshow(self, anchor: str | None = None) -> None:
        rid = self.state.selection
        self.browser.setDocument(self.document_for(rid if isinstance(rid, str) else None))
        if anchor:
            self.browser.scrollToAnchor(anchor)

    def _on_link_hovered(self, url: QUrl) -> None:
        from PySide6.QtGui import QCursor
        from PySide6.QtWidgets import QToolTip

        if url.scheme() == ABBR_SCHEME:
            from hamstring_viewer.describe import abbreviation

            short = url.path() or url.toString().removeprefix(f"{ABBR_SCHEME}:")
            meaning = abbreviation(short)
            if meaning:
                QToolTip.showText(QCursor.pos(), f"{short}: {meaning}", self.browser)
            return
        if url.scheme() != CITE_SCHEME:
            QToolTip.hideText()
            return
        from hamstring_viewer.describe import citation_titles

        rid = self.state.selection
        numbers = [int(n) for n in url.path().split(",") if n.isdigit()]
        titles = citation_titles(self.state.kb, rid, numbers) if isinstance(rid, str) else []
        if titles:
            heading = translate("Panel", "Sources:")
            QToolTip.showText(QCursor.pos(), heading + "\n" + "\n".join(titles), self.browser)
