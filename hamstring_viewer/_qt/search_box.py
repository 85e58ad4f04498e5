"""Search as you type: a field in its own toolbar, a list of hits under it, Ctrl+F to get there.

Choosing a hit selects its record (a glossary term selects the term, and its structure is
outlined on the plate) and highlights the matched words in the panel.
"""

from __future__ import annotations

import gc
import html
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QToolBar,
)

from hamstring_viewer.describe import KIND_LABELS
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate
from hamstring_viewer.records import Exercise, Structure, Technique
from hamstring_viewer.search import Hit, SearchIndex, match_spans

if TYPE_CHECKING:  # window.py imports this module to install it
    from .host import PlateHost

#: (marked for translation; translated where shown)
PLACEHOLDER = QT_TRANSLATE_NOOP("SearchBox", "Search names, Latin, glossary, text…")
NO_MATCHES = QT_TRANSLATE_NOOP("SearchBox", "No matches")
#: The background of matched words in the panel.
HIGHLIGHT_COLOUR = "#ffe14d"
#: The outline on the plate of the structure a chosen glossary term names.
TERM_STRUCTURE_COLOUR = "#e6a100"
EMPHASIS_ROLE = "search"
#: How many hits the list shows.
LIMIT = 30
_HTML_ROLE = Qt.ItemDataRole.UserRole + 1
_HIT_ROLE = Qt.ItemDataRole.UserRole
_MARGIN = 4

#: The kinds of hit, as the list names them (translated where shown).
_KIND_NAMES = {
    "structure": QT_TRANSLATE_NOOP("SearchBox", "Structure"),
    "trigger_point": QT_TRANSLATE_NOOP("SearchBox", "Trigger point"),
    "zone": QT_TRANSLATE_NOOP("SearchBox", "Referred-pain zone"),
    "exercise": QT_TRANSLATE_NOOP("SearchBox", "Exercise"),
    "stretch": QT_TRANSLATE_NOOP("SearchBox", "Stretch"),
    "technique": QT_TRANSLATE_NOOP("SearchBox", "Technique"),
    "palpation": QT_TRANSLATE_NOOP("SearchBox", "Palpation guide"),
    "term": QT_TRANSLATE_NOOP("SearchBox", "Glossary term"),
    "source": QT_TRANSLATE_NOOP("SearchBox", "Source"),
}
#: The texts of ``describe.KIND_LABELS`` (the kinds of structure), marked here so that
#: lupdate collects them for this module (translated where shown).
_STRUCTURE_KINDS = (
    QT_TRANSLATE_NOOP("SearchBox", "Hamstring muscle"),
    QT_TRANSLATE_NOOP("SearchBox", "Muscle group"),
    QT_TRANSLATE_NOOP("SearchBox", "Muscle"),
    QT_TRANSLATE_NOOP("SearchBox", "Bone"),
    QT_TRANSLATE_NOOP("SearchBox", "Bony landmark"),
    QT_TRANSLATE_NOOP("SearchBox", "Nerve"),
    QT_TRANSLATE_NOOP("SearchBox", "Blood vessel"),
)
#: The kinds of exercise, technique (translated where shown).
_EXERCISE_KINDS = {"strengthening": QT_TRANSLATE_NOOP("SearchBox", "Strengthening exercise")}
_TECHNIQUE_KINDS = {
    "self_massage": QT_TRANSLATE_NOOP("SearchBox", "Self-massage"),
    "professional": QT_TRANSLATE_NOOP("SearchBox", "Professional treatment"),
}
#: What a hit's snippet is from: a name field, or a field of the record (translated where
#: shown; a field not listed is named after its attribute).
_FIELD_NAMES = {
    "name": "",
    "latin": QT_TRANSLATE_NOOP("SearchBox", "Latin"),
    "glossary": "",
    "synonym": QT_TRANSLATE_NOOP("SearchBox", "Also called"),
    "actions": QT_TRANSLATE_NOOP("SearchBox", "Actions"),
    "advice": QT_TRANSLATE_NOOP("SearchBox", "Advice"),
    "author": QT_TRANSLATE_NOOP("SearchBox", "Author"),
    "blood_supply": QT_TRANSLATE_NOOP("SearchBox", "Blood supply"),
    "breathing": QT_TRANSLATE_NOOP("SearchBox", "Breathing"),
    "causes_activating": QT_TRANSLATE_NOOP("SearchBox", "Causes activating"),
    "causes_perpetuating": QT_TRANSLATE_NOOP("SearchBox", "Causes perpetuating"),
    "connections": QT_TRANSLATE_NOOP("SearchBox", "Connections"),
    "corrections": QT_TRANSLATE_NOOP("SearchBox", "Corrections"),
    "definition": QT_TRANSLATE_NOOP("SearchBox", "Definition"),
    "depth": QT_TRANSLATE_NOOP("SearchBox", "Depth"),
    "description": QT_TRANSLATE_NOOP("SearchBox", "Description"),
    "differential": QT_TRANSLATE_NOOP("SearchBox", "Differential"),
    "english": QT_TRANSLATE_NOOP("SearchBox", "English"),
    "equipment": QT_TRANSLATE_NOOP("SearchBox", "Equipment"),
    "facts": QT_TRANSLATE_NOOP("SearchBox", "Facts"),
    "innervation": QT_TRANSLATE_NOOP("SearchBox", "Innervation"),
    "insertion": QT_TRANSLATE_NOOP("SearchBox", "Insertion"),
    "location": QT_TRANSLATE_NOOP("SearchBox", "Location"),
    "note": QT_TRANSLATE_NOOP("SearchBox", "Note"),
    "origin": QT_TRANSLATE_NOOP("SearchBox", "Origin"),
    "pain": QT_TRANSLATE_NOOP("SearchBox", "Pain"),
    "position": QT_TRANSLATE_NOOP("SearchBox", "Position"),
    "provoked_by": QT_TRANSLATE_NOOP("SearchBox", "Provoked by"),
    "publisher": QT_TRANSLATE_NOOP("SearchBox", "Publisher"),
    "referral": QT_TRANSLATE_NOOP("SearchBox", "Referral"),
    "regions": QT_TRANSLATE_NOOP("SearchBox", "Regions"),
    "relation": QT_TRANSLATE_NOOP("SearchBox", "Relation"),
    "roots": QT_TRANSLATE_NOOP("SearchBox", "Roots"),
    "steps": QT_TRANSLATE_NOOP("SearchBox", "Steps"),
    "summary": QT_TRANSLATE_NOOP("SearchBox", "Summary"),
    "symptoms": QT_TRANSLATE_NOOP("SearchBox", "Symptoms"),
    "title": QT_TRANSLATE_NOOP("SearchBox", "Title"),
    "tools": QT_TRANSLATE_NOOP("SearchBox", "Tools"),
    "variations": QT_TRANSLATE_NOOP("SearchBox", "Variations"),
}


def _field_label(field: str) -> str:
    label = _FIELD_NAMES.get(field)
    if label is None:
        return field.replace("_", " ").capitalize()
    return translate("SearchBox", label) if label else ""


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` as HTML with ``spans`` in bold."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f"<b>{html.escape(text[start:end])}</b>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Row:
    """What a row of the list shows; the delegate turns it into rich text."""

    name: str
    kind: str
    field: str
    snippet_html: str

    def html(self, muted: str) -> str:
        head = (
            f"<b>{html.escape(self.name)}</b> &nbsp;"
            f"<span style='color:{muted}'>{html.escape(self.kind)}</span>"
        )
        if not self.snippet_html:
            return head
        where = (
            f"<span style='color:{muted}'>{html.escape(self.field)}:</span> " if self.field else ""
        )
        return f"{head}<br>{where}{self.snippet_html}"


def _menu(window: QMainWindow, name: str) -> QMenu | None:
    """The window's top-level menu with the object name ``name`` ("navigateMenu"), if there is
    one (not found by its text, which is translated)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == name:
            return menu
    return None


class _HitDelegate(QStyledItemDelegate):
    """Paints a hit as rich text: the name and kind, then the snippet with the match in bold."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def _row(index: QModelIndex | QPersistentModelIndex) -> _Row | None:
        row = index.data(_HTML_ROLE)
        return row if isinstance(row, _Row) else None

    @staticmethod
    def _document(option: QStyleOptionViewItem, row: _Row, width: int) -> QTextDocument:
        palette: QPalette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            muted = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            text = palette.color(QPalette.ColorRole.Text)
            base = palette.color(QPalette.ColorRole.Base)
            muted = QColor(
                (text.red() + base.red()) // 2,
                (text.green() + base.green()) // 2,
                (text.blue() + base.blue()) // 2,
            )
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(_MARGIN)
        document.setHtml(row.html(muted.name()))
        document.setTextWidth(max(width, 50))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = self._row(index)
        if row is None:
            super().paint(painter, option, index)
            return
        assert isinstance(index, QModelIndex)
        self.initStyleOption(option, index)
        rect: QRect = option.rect
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = self._document(option, row, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row = self._row(index)
        if row is None:
            return super().sizeHint(option, index)
        width = self._view.viewport().width()
        document = self._document(option, row, width)
        return QSize(width, int(document.size().height()))


class SearchBox(QObject):
    """The search field, its list of hits and the highlighting of a chosen hit in the panel."""

    def __init__(self, host: PlateHost) -> None:
        window = host.window
        super().__init__(window)
        self.setObjectName("searchBox")
        self.host = host
        self.window = window
        self._index: SearchIndex | None = None
        self._building: tuple[threading.Thread, dict[str, SearchIndex]] | None = None
        self._hits: list[Hit] = []
        self._searched = ""  # the query searched: the one typed, or its nearest spelling
        self._emphasis_for: str | None = None  # the glossary term whose structure is outlined
        self._highlighted = False

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(translate("SearchBox", PLACEHOLDER))
        self.field.setAccessibleName(translate("SearchBox", "Search the atlas"))
        self.field.setToolTip(
            translate("SearchBox", "Search the atlas ({keys})").format(keys=self._find_keys())
        )
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(260)
        self.field.setMaximumWidth(380)

        self.results = QListWidget(window)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(translate("SearchBox", "Search results"))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setWordWrap(True)
        self.results.setMouseTracking(True)
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.hide()

        self.toolbar = QToolBar(translate("SearchBox", "Search"))
        self.toolbar.setObjectName("searchToolbar")
        self.toolbar.addWidget(self.field)
        window.addToolBar(self.toolbar)

        self.find_action = QAction(translate("SearchBox", "F&ind…"), window)
        self.find_action.setObjectName("search_find")
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setToolTip(
            translate("SearchBox", "Search names, Latin, the glossary and the text")
        )
        self.find_action.triggered.connect(self._on_find_triggered)
        host.register_action("search_find", self.find_action)
        menu = _menu(window, "navigateMenu")
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.find_action)
        else:
            window.addAction(self.find_action)

        self.field.textChanged.connect(self._on_text_changed)
        self.results.itemClicked.connect(self._on_item_clicked)
        self.field.installEventFilter(self)
        window.installEventFilter(self)
        host.state.selectionChanged.connect(self._on_selection_changed)

    def _find_keys(self) -> str:
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Find)
        return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else "Ctrl+F"

    # the index -------------------------------------------------------------------------------
    @property
    def index(self) -> SearchIndex:
        """The search index, built on first use (start-up does not pay for it): a query
        typed while it is being built waits for the rest."""
        if self._index is None:
            building = self._building
            if building is not None:
                building[0].join()
                self._index = building[1].get("index")
            if self._index is None:  # (never started, or the build failed)
                self._index = SearchIndex(self.host.atlas.kb)
            self._building = None
        return self._index

    def index_built(self) -> bool:
        building = self._building
        return self._index is not None or (building is not None and not building[0].is_alive())

    def _build_index(self) -> None:
        """Build the index (both languages' texts, ~100-150 ms) on a worker thread: the
        window keeps painting and taking keys meanwhile; the index is immutable once built and
        the knowledge base never changes, so nothing is shared while it is written."""
        if "host" not in self.__dict__ or self._index is not None or self._building is not None:
            return  # (not while the window is being torn down; once)
        kb = self.host.atlas.kb
        result: dict[str, SearchIndex] = {}

        def build() -> None:
            # the build makes ~10^5 small objects: the cyclic collector would otherwise run
            # full passes over the window's heap meanwhile, each holding every thread (a
            # stall of 20-100 ms); nothing it makes is a cycle
            collecting = gc.isenabled()
            gc.disable()
            try:
                index = SearchIndex(kb)
                index.prepare()
                result["index"] = index
            finally:
                if collecting:
                    gc.enable()

        thread = threading.Thread(target=build, name="search-index", daemon=True)
        self._building = (thread, result)
        thread.start()

    # the list --------------------------------------------------------------------------------
    def hits(self) -> list[Hit]:
        """The hits listed now."""
        return list(self._hits)

    def is_open(self) -> bool:
        return self.results.isVisible()

    def _kind_label(self, hit: Hit) -> str:
        record = self.host.atlas.kb.get(hit.record_id)
        if isinstance(record, Structure):
            label = KIND_LABELS.get(record.kind)
            return translate("SearchBox", label) if label else record.kind.capitalize()
        if isinstance(record, Exercise) and record.kind:
            label = _EXERCISE_KINDS.get(record.kind)
            if label:
                return translate("SearchBox", label)
            return translate("SearchBox", "{kind} exercise").format(kind=record.kind.capitalize())
        if isinstance(record, Technique):
            label = _TECHNIQUE_KINDS.get(record.kind, _KIND_NAMES["technique"])
            return translate("SearchBox", label)
        label = _KIND_NAMES.get(hit.kind)
        return translate("SearchBox", label) if label else hit.kind.replace("_", " ").capitalize()

    def _item(self, hit: Hit) -> QListWidgetItem:
        kind = self._kind_label(hit)
        field = _field_label(hit.field)
        snippet = "" if not field and hit.snippet == hit.name else hit.snippet
        plain = f"{hit.name} — {kind}"
        if snippet:
            plain += f"\n{field + ': ' if field else ''}{snippet}"
        item = QListWidgetItem(plain)
        item.setData(
            _HTML_ROLE, _Row(hit.name, kind, field, _marked(snippet, hit.spans) if snippet else "")
        )
        item.setToolTip(plain)
        return item

    def _on_text_changed(self, text: str) -> None:
        self._refresh(text)

    def _refresh(self, text: str) -> None:
        self.results.clear()
        self._hits = []
        if not text.strip():
            self.results.hide()
            return
        self._hits = self.index.search(text, LIMIT)
        corrected = self.index.corrected
        self._searched = corrected or text
        if corrected and self._hits:
            self.window.statusBar().showMessage(
                translate(
                    "SearchBox", "Nothing matches “{query}”: showing results for “{corrected}”."
                ).format(query=text.strip(), corrected=corrected),
                8000,
            )
        for i, hit in enumerate(self._hits):
            item = self._item(hit)
            item.setData(_HIT_ROLE, i)
            self.results.addItem(item)
        if self._hits:
            self.results.setCurrentRow(0)
        else:
            item = QListWidgetItem(translate("SearchBox", NO_MATCHES))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        self._place()
        self.results.show()
        self.results.raise_()

    def _place(self) -> None:
        """Put the list under the field, as wide as fits, as tall as its items (within reason)."""
        window = self.window
        corner = self.field.mapTo(window, QPoint(0, self.field.height() + 2))
        width = max(self.field.width(), 440)
        x = max(4, min(corner.x(), window.width() - width - 4))
        self.results.setFixedWidth(width)
        self.results.doItemsLayout()
        frame = 2 * self.results.frameWidth()
        rows = sum(self.results.sizeHintForRow(r) for r in range(self.results.count()))
        available = max(80, window.height() - corner.y() - 40)
        self.results.setGeometry(x, corner.y(), width, min(rows + frame, available, 520))

    def close_results(self) -> None:
        """Hide the list (the field keeps its text)."""
        self.results.hide()

    def _move(self, step: int) -> None:
        if not self._hits:
            return
        if not self.results.isVisible():
            self._refresh(self.field.text())
            return
        row = self.results.currentRow()
        row = max(0, min(len(self._hits) - 1, (0 if row < 0 else row + step)))
        self.results.setCurrentRow(row)
        self.results.scrollToItem(self.results.item(row))

    # choosing --------------------------------------------------------------------------------
    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        row = item.data(_HIT_ROLE)
        if isinstance(row, int):
            self.choose(self._hits[row])

    def _on_find_triggered(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip() and not self.results.isVisible():
            self._refresh(self.field.text())

    def choose(self, hit: Hit) -> None:
        """Select the hit's record, outline a glossary term's structure, highlight the match."""
        state = self.host.state
        self.results.hide()
        target = hit.record_id
        state.select(target)
        if hit.kind == "term" and hit.structure is not None:
            structure = self.host.atlas.kb.structures.get(hit.structure)
            if structure is not None:
                self.host.view.set_emphasis(EMPHASIS_ROLE, structure.svg_ids, TERM_STRUCTURE_COLOUR)
                self._emphasis_for = target
                self.window.statusBar().showMessage(
                    translate("SearchBox", "{name} is outlined on the plate").format(
                        name=structure.name
                    ),
                    5000,
                )
        searched = self._searched or self.field.text()
        self._open_sections_with(target, searched, hit.terms)
        self.highlight(searched, hit.terms)
        self.host.panel.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_sections_with(self, record_id: str, query: str, terms: tuple[str, ...]) -> None:
        """On a muscle's page, open (for this page only) the sections the match lies in."""
        from hamstring_viewer.describe import section_texts

        texts = section_texts(self.host.atlas.kb, record_id)
        folded = [t.casefold() for t in terms if t.strip()]
        keys = {
            key
            for key, text in texts.items()
            if match_spans(text, query) or any(t in text.casefold() for t in folded)
        }
        if keys:
            self.host.panel.open_for_match(keys)

    def highlight(self, query: str, terms: tuple[str, ...] = ()) -> list[QTextEdit.ExtraSelection]:
        """Mark the query's words in the panel (or, failing that, ``terms``) and scroll to the
        first. Returns the marks."""
        browser = self.host.panel.browser
        document = browser.document()
        found: list[tuple[int, int]] = []
        block = document.begin()
        while block.isValid():
            at = block.position()
            found.extend((at + s, at + e) for s, e in match_spans(block.text(), query))
            block = block.next()
        if not found:
            for term in terms:
                cursor = document.find(term, 0)
                while not cursor.isNull():
                    found.append((cursor.selectionStart(), cursor.selectionEnd()))
                    cursor = document.find(term, cursor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(HIGHLIGHT_COLOUR))
        fmt.setForeground(QColor("black"))
        marks: list[QTextEdit.ExtraSelection] = []
        for start, end in sorted(set(found)):
            mark = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            mark.format = fmt
            marks.append(mark)
        browser.setExtraSelections(marks)
        self._highlighted = bool(marks)
        if marks:
            first = QTextCursor(document)
            first.setPosition(sorted(found)[0][0])
            rect = browser.cursorRect(first)
            viewport = browser.viewport().rect()
            if not viewport.adjusted(0, 0, 0, -rect.height()).contains(rect.topLeft()):
                bar = browser.verticalScrollBar()
                bar.setValue(bar.value() + rect.top() - viewport.height() // 3)
        return marks

    def _on_selection_changed(self, record_id: object) -> None:
        if self._highlighted:
            self._highlighted = False
            self.host.panel.browser.setExtraSelections([])
        if self._emphasis_for is not None and record_id != self._emphasis_for:
            self._emphasis_for = None
            self.host.view.set_emphasis(EMPHASIS_ROLE, [])

    # keys and geometry -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "field" not in self.__dict__:  # the wrapper is being torn down at exit
            return False
        if watched is self.field:
            if event.type() == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                return self._on_field_key(event)
            if event.type() == QEvent.Type.FocusOut and not self.field.hasFocus():
                self.results.hide()
            if event.type() == QEvent.Type.FocusIn and self._index is None:
                # the index is built when the field is entered, not on the first keystroke,
                # and off the window's thread: typing never waits for it
                QTimer.singleShot(0, self, self._build_index)
        elif (
            watched is self.window
            and event.type() == QEvent.Type.Resize
            and self.results.isVisible()
        ):
            self._place()
        return False

    def _on_field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self._move(1)
        elif key == Qt.Key.Key_Up:
            self._move(-1)
        elif key == Qt.Key.Key_PageDown:
            self._move(5)
        elif key == Qt.Key.Key_PageUp:
            self._move(-5)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.results.isVisible():
                self._refresh(self.field.text())
            row = self.results.currentRow()
            if self._hits:
                self.choose(self._hits[max(row, 0)])
        elif key == Qt.Key.Key_Escape:
            if self.results.isVisible():
                self.results.hide()
            else:
                self.field.clear()
                self.host.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            return False
        return True


#: the index is built this long after the search is installed, if the field has not been
#: entered by then: the window has been idle a while, and the first search then finds it ready
PREFETCH_MS = 3000


def install(host: PlateHost) -> SearchBox:
    """Add the search field (toolbar ``searchToolbar``), its result list and Navigate ▸ Find…
    (``search_find``, Ctrl+F) to the host's window; the index is built on a worker thread
    when the field is entered or :data:`PREFETCH_MS` later, whichever comes first."""
    box = SearchBox(host)
    QTimer.singleShot(PREFETCH_MS, box, box._build_index)
    return box


__all__ = ["NO_MATCHES", "PLACEHOLDER", "SearchBox", "install"]
