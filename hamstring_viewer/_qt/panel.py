"""The side panel: the selected record in readable sections, with its overlay toggle."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QCheckBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from hamstring_viewer.describe import describe, plain_name, welcome_html
from hamstring_viewer.records import Structure, TriggerPoint

from .plate_view import INSERTION_COLOUR, ORIGIN_COLOUR, ZONE_COLOURS
from .state import AtlasState

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl


def legend_html() -> str:
    medial = ZONE_COLOURS["semitendinosus"]
    lateral = ZONE_COLOURS["biceps_femoris_long_head"]
    return (
        "<b>Legend</b><br>"
        f"<span style='color:{medial}'>■</span> semitendinosus / semimembranosus &nbsp; "
        f"<span style='color:{lateral}'>■</span> biceps femoris<br>"
        "solid = essential zone &nbsp; dotted = spillover zone &nbsp; ✕ = trigger point<br>"
        f"<span style='color:{ORIGIN_COLOUR}'>■</span> origin &nbsp; "
        f"<span style='color:{INSERTION_COLOUR}'>■</span> insertion"
    )


class InfoPanel(QWidget):
    """Shows the selected record; links select their target."""

    def __init__(
        self, state: AtlasState, parent: QWidget | None = None, *, show_now: bool = True
    ) -> None:
        """``show_now=False``: the panel shows nothing until the selection changes or
        :meth:`show_selection` is called (a window that is still restoring its state does not
        build a page it would replace at once)."""
        super().__init__(parent)
        self.state = state
        self.setObjectName("infoPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.overlay_box = QCheckBox("Show referred pain on the plate")
        self.overlay_box.setAccessibleName("Show referred pain of the selection")
        self.overlay_box.setVisible(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("panelText")
        self.browser.setAccessibleName("Information panel")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self._documents: dict[str, QTextDocument] = {}
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName("Legend")
        layout.addWidget(self.overlay_box)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.legend)

        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self.overlay_box.toggled.connect(self._on_overlay_box_toggled)
        state.selectionChanged.connect(self._on_selection_changed)
        state.overlaysChanged.connect(self._on_overlays_changed)
        self._shown = False
        if show_now:
            self.show_selection()

    def show_selection(self) -> None:
        """Show the selected record (or the welcome page) if nothing is shown yet."""
        if not self._shown:
            self._on_selection_changed(self.state.selection)

    def title(self) -> str:
        rid = self.state.selection
        return plain_name(self.state.kb, rid) if rid else "Welcome"

    def text(self) -> str:
        return self.browser.toPlainText()

    def _on_selection_changed(self, record_id: object) -> None:
        self._shown = True
        kb = self.state.kb
        rid = record_id if isinstance(record_id, str) else None
        self.browser.setDocument(self.document_for(rid))
        record = kb.get(rid) if rid else None
        has_zones = isinstance(record, TriggerPoint) or (
            isinstance(record, Structure) and bool(self.state.trigger_points_of(record.id))
        )
        self.overlay_box.setVisible(has_zones)
        self._on_overlays_changed(self.state.overlays)

    def document_for(self, record_id: str | None, *, lay_out: bool = False) -> QTextDocument:
        """The record's panel document, built once (the knowledge base does not change);
        ``lay_out`` lays it out now at the panel's width, so that showing it is quick."""
        key = record_id or ""
        document = self._documents.get(key)
        if document is None:
            kb = self.state.kb
            document = QTextDocument(self)
            document.setDefaultFont(self.browser.font())
            document.setHtml(describe(kb, record_id) if record_id else welcome_html(kb))
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

    def _on_overlays_changed(self, _overlays: object) -> None:
        rid = self.state.selection
        record = self.state.kb.get(rid) if rid else None
        if isinstance(record, TriggerPoint):
            checked = record.id in self.state.overlays
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
        if url.scheme() == "record":
            self.state.select(url.path() or url.toString().removeprefix("record:"))
