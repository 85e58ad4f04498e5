"""Notes and bookmarks: a dock with a note editor for the selection, a bookmark toggle (Ctrl+D)
and a list of everything bookmarked or noted.

Notes are saved through the window's :class:`~hamstring_viewer.userdata.UserData`: half a
second after the last keystroke, and at once when the selection changes or the window closes.
A save that fails is reported in the dock and the status bar; the text stays in the editor.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_viewer.describe import plain_name
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate
from hamstring_viewer.problems import Problem
from hamstring_viewer.records import KnowledgeBase
from hamstring_viewer.userdata import Note, UserDataError

if TYPE_CHECKING:  # window.py imports this module to install it
    from .host import PlateHost

#: The dock's title. "and", not "&": a dock title treats "&" as a shortcut marker. (This and
#: the texts below are marked for translation and translated where shown.)
TITLE = QT_TRANSLATE_NOOP("NotesDock", "Notes and bookmarks")
#: Milliseconds after the last keystroke before a note is saved.
SAVE_DELAY_MS = 500
BOOKMARK_MARK = "★"
EMPTY_MARK = "☆"
NOTE_MARK = "✎"
EMPTY_LIST = QT_TRANSLATE_NOOP(
    "NotesDock", "Nothing yet: press Ctrl+D to bookmark what you are reading, or write a note."
)
NO_SELECTION = QT_TRANSLATE_NOOP(
    "NotesDock", "Select something on the plate (or a page in the panel) to write a note about it."
)
#: The months' short names, January first (translated where shown).
_MONTHS = (
    QT_TRANSLATE_NOOP("NotesDock", "Jan"),
    QT_TRANSLATE_NOOP("NotesDock", "Feb"),
    QT_TRANSLATE_NOOP("NotesDock", "Mar"),
    QT_TRANSLATE_NOOP("NotesDock", "Apr"),
    QT_TRANSLATE_NOOP("NotesDock", "May"),
    QT_TRANSLATE_NOOP("NotesDock", "Jun"),
    QT_TRANSLATE_NOOP("NotesDock", "Jul"),
    QT_TRANSLATE_NOOP("NotesDock", "Aug"),
    QT_TRANSLATE_NOOP("NotesDock", "Sep"),
    QT_TRANSLATE_NOOP("NotesDock", "Oct"),
    QT_TRANSLATE_NOOP("NotesDock", "Nov"),
    QT_TRANSLATE_NOOP("NotesDock", "Dec"),
)
_ID_ROLE = Qt.ItemDataRole.UserRole
_FIRST_LINE = 70  # characters of a note shown in the list
_SETTINGS_KEY = "notes/dock_visible"
_ERROR_STYLE = (
    "QLabel { color: #8c1d18; background: #fdecea; border: 1px solid #f1b8b3;"
    " border-radius: 3px; padding: 4px; }"
)


def _menu(window: QMainWindow, name: str) -> QMenu | None:
    """The window's top-level menu with the object name ``name`` ("fileMenu"), if there is one
    (not found by its text, which is translated)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == name:
            return menu
    return None


def when(updated: datetime) -> str:
    """When a note was last changed, in the reader's local time ("30 Nov 2026, 19:40")."""
    local = updated.astimezone()
    month = translate("NotesDock", _MONTHS[local.month - 1])
    return f"{local.day} {month} {local.strftime('%Y, %H:%M')}"


def notes_text(kb: KnowledgeBase, notes: Mapping[str, Note]) -> str:
    """Every note as a plain-text (Markdown) document: the structure, when it was last changed
    and the note, newest first."""
    lines = ["# " + translate("NotesDock", "Notes from Hamstring Viewer"), ""]
    for rid, note in sorted(notes.items(), key=lambda item: item[1].updated, reverse=True):
        name = plain_name(kb, rid) if kb.get(rid) is not None else rid
        changed = translate("NotesDock", "Last changed {when}").format(when=when(note.updated))
        lines += [f"## {name}", f"*{changed}*", "", note.text.strip(), ""]
    if len(lines) == 2:
        lines.append(translate("NotesDock", "No notes yet."))
    return "\n".join(lines).rstrip() + "\n"


def first_line(text: str, limit: int = _FIRST_LINE) -> str:
    """The first non-blank line of ``text``, shortened to ``limit`` characters."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class NotesDock(QDockWidget):
    """The "Notes and bookmarks" dock for one window."""

    def __init__(self, host: PlateHost) -> None:
        window = host.window
        super().__init__(translate("NotesDock", TITLE), window)
        self.setObjectName("notesDock")
        self.host = host
        self.main_window = window
        self.userdata = host.userdata
        self.state = host.state
        self._record: str | None = None  # the record whose note is in the editor
        self._dirty = False  # the editor holds text not yet given to userdata
        self._save_error = ""

        body = QWidget()
        body.setObjectName("notesBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.heading = QLabel()
        self.heading.setObjectName("notesHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setAccessibleName(translate("NotesDock", "Notes on"))

        self.bookmark_action = QAction(translate("NotesDock", "Book&mark"), window)
        self.bookmark_action.setObjectName("notes_bookmark")
        self.bookmark_action.setShortcut(QKeySequence("Ctrl+D"))
        self.bookmark_action.setCheckable(True)
        self.bookmark_action.setToolTip(translate("NotesDock", "Bookmark the selection (Ctrl+D)"))
        self.bookmark_button = QPushButton()
        self.bookmark_button.setObjectName("notesBookmarkButton")
        self.bookmark_button.setCheckable(True)
        self.bookmark_button.setToolTip(self.bookmark_action.toolTip())
        self.bookmark_button.setAccessibleName(translate("NotesDock", "Bookmark the selection"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.bookmark_button, 0, Qt.AlignmentFlag.AlignTop)

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("notesEditor")
        self.editor.setAccessibleName(translate("NotesDock", "Note"))
        self.editor.setTabChangesFocus(True)

        self.message = QLabel()
        self.message.setObjectName("notesMessage")
        self.message.setAccessibleName(
            translate("NotesDock", "Problems with your notes and bookmarks")
        )
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.hide()

        list_title = QLabel("<b>" + translate("NotesDock", "Bookmarks and notes") + "</b>")
        list_title.setObjectName("notesListTitle")
        self.list = QListWidget()
        self.list.setObjectName("notesList")
        self.list.setAccessibleName(translate("NotesDock", "Bookmarked and noted pages"))
        self.list.setWordWrap(True)
        list_title.setBuddy(self.list)

        layout.addLayout(top)
        layout.addWidget(self.editor, 2)
        layout.addWidget(self.message)
        layout.addWidget(list_title)
        layout.addWidget(self.list, 3)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)

        view_action = self.toggleViewAction()
        view_action.setObjectName("notes_dock")
        view_action.setText(translate("NotesDock", "&Notes and bookmarks"))
        self.export_action = QAction(translate("NotesDock", "Export &notes…"), window)
        self.export_action.setObjectName("notes_export")
        self.export_action.setToolTip(translate("NotesDock", "Save all your notes as a text file"))
        self.export_action.triggered.connect(self._on_export_triggered)
        host.register_action("notes_export", self.export_action)
        file_menu = _menu(window, "fileMenu")
        if file_menu is not None:
            file_menu.insertAction(file_menu.actions()[-1], self.export_action)
        host.register_action("notes_bookmark", self.bookmark_action)
        host.register_action("notes_dock", view_action)
        navigate = _menu(window, "navigateMenu")
        if navigate is not None:
            navigate.addSeparator()
            navigate.addAction(self.bookmark_action)
        else:
            window.addAction(self.bookmark_action)
        view = _menu(window, "viewMenu")
        if view is not None:
            view.addSeparator()
            view.addAction(view_action)

        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        shown = str(host.settings.value(_SETTINGS_KEY, "false")).lower() in ("true", "1")
        self.setVisible(shown or bool(self.problems()))

        self.editor.textChanged.connect(self._on_text_changed)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.bookmark_action.triggered.connect(self._on_bookmark_triggered)
        self.bookmark_button.clicked.connect(self._on_bookmark_triggered)
        self.list.itemClicked.connect(self._on_item_activated)
        self.list.itemActivated.connect(self._on_item_activated)
        self.state.selectionChanged.connect(self._on_selection_changed)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_about_to_quit)

        self._show_record(self.state.selection)
        self._show_messages()

    # what is shown ---------------------------------------------------------------------------
    def record(self) -> str | None:
        """The record whose note the editor shows."""
        return self._record

    def problems(self) -> list[Problem]:
        """Problems met when the user's notes and bookmarks were opened."""
        ours = {
            str(self.userdata.path("notes")),
            str(self.userdata.path("bookmarks")),
            str(self.userdata.directory),
        }
        return [p for p in self.userdata.problems if p.file in ours]

    def _show_record(self, record_id: str | None) -> None:
        self._record = record_id
        self._dirty = False
        kb = self.host.atlas.kb
        with QSignalBlocker(self.editor):
            self.editor.setPlainText(self.userdata.note(record_id) if record_id else "")
        self.editor.setEnabled(record_id is not None)
        if record_id is None:
            self.heading.setText("<b>" + translate("NotesDock", "Notes") + "</b>")
            self.editor.setPlaceholderText(translate("NotesDock", NO_SELECTION))
        else:
            name = plain_name(kb, record_id)
            note = self.userdata.notes().get(record_id)
            changed = ""
            if note:
                last = translate("NotesDock", "Last changed {when}").format(when=when(note.updated))
                changed = f"<br/><small>{last}</small>"
            heading = translate("NotesDock", "Notes on <b>{name}</b>")
            self.heading.setText(heading.format(name=html.escape(name)) + changed)
            self.editor.setPlaceholderText(
                translate("NotesDock", "Write what you want to remember about {name}…").format(
                    name=name
                )
            )
        self._sync_bookmark_action()
        self._refresh_list()

    def _sync_bookmark_action(self) -> None:
        rid = self._record
        marked = rid is not None and self.userdata.is_bookmarked(rid)
        self.bookmark_action.setEnabled(rid is not None)
        self.bookmark_button.setEnabled(rid is not None)
        with QSignalBlocker(self.bookmark_action):
            self.bookmark_action.setChecked(marked)
        with QSignalBlocker(self.bookmark_button):
            self.bookmark_button.setChecked(marked)
        self.bookmark_button.setText(
            f"{BOOKMARK_MARK} " + translate("NotesDock", "Bookmarked")
            if marked
            else f"{EMPTY_MARK} " + translate("NotesDock", "Bookmark")
        )

    def _refresh_list(self) -> None:
        kb = self.host.atlas.kb
        notes = self.userdata.notes()
        bookmarks = self.userdata.bookmarks()
        noted = sorted(
            (rid for rid in notes if rid not in bookmarks),
            key=lambda rid: notes[rid].updated,
            reverse=True,
        )
        with QSignalBlocker(self.list):
            self.list.clear()
            for rid in [*bookmarks, *noted]:
                mark = BOOKMARK_MARK if rid in bookmarks else NOTE_MARK
                known = kb.get(rid) is not None
                name = (
                    plain_name(kb, rid)
                    if known
                    else translate("NotesDock", "{id} (not in this atlas)").format(id=rid)
                )
                note = notes[rid].text if rid in notes else ""
                text = f"{mark} {name}"
                if note:
                    text += f" ({when(notes[rid].updated)}) — {first_line(note)}"
                item = QListWidgetItem(text)
                item.setData(_ID_ROLE, rid)
                item.setToolTip(note or name)
                if not known:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.list.addItem(item)
                if rid == self._record:
                    self.list.setCurrentItem(item)
            if not self.list.count():
                item = QListWidgetItem(translate("NotesDock", EMPTY_LIST))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.list.addItem(item)

    def export_notes(self, path: Path) -> None:
        """Write every note to ``path`` (atomically; OSError if it cannot be written)."""
        from hamstring_viewer.safefile import write_atomic

        self.flush()
        text = notes_text(self.host.atlas.kb, self.userdata.notes())
        write_atomic(path, text.encode("utf-8"))

    def _on_export_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(Path.home() / "hamstring-notes.md")
        name, _filter = QFileDialog.getSaveFileName(
            self.main_window,
            translate("NotesDock", "Export notes"),
            start,
            translate("NotesDock", "Text files (*.md *.txt)"),
        )
        if not name:
            return
        try:
            self.export_notes(Path(name))
        except OSError as error:
            self.host.show_message(
                translate("NotesDock", "The notes could not be saved to {file}: {reason}").format(
                    file=name, reason=error.strerror
                )
            )
            return
        self.host.show_message(translate("NotesDock", "Notes saved to {file}").format(file=name))

    def listed(self) -> list[str]:
        """The record ids in the list, in order."""
        ids = (self.list.item(i).data(_ID_ROLE) for i in range(self.list.count()))
        return [rid for rid in ids if isinstance(rid, str)]

    def _show_messages(self) -> None:
        lines = [f"⚠ {html.escape(str(p))}" for p in self.problems()]
        if self._save_error:
            lines.append(html.escape(self._save_error))
        self.message.setText("<br>".join(lines))
        self.message.setVisible(bool(lines))

    def message_text(self) -> str:
        """The problems and save errors shown in the dock, as plain text."""
        return self.message.text().replace("<br>", "\n") if self.message.isVisibleTo(self) else ""

    def _report(self, error: UserDataError) -> None:
        self._save_error = str(error)
        self._show_messages()
        self.main_window.statusBar().showMessage(f"{Path(error.file).name}: {error.message}")

    def _clear_error(self) -> None:
        if self._save_error:
            self._save_error = ""
            self._show_messages()

    # saving ----------------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if self._record is None:
            return
        self._dirty = True
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.flush()

    def flush(self) -> bool:
        """Save the editor's text now if it changed; False if saving failed (the text stays in
        the editor and in memory, and is saved with the next change)."""
        self._timer.stop()
        if not self._dirty or self._record is None:
            return True
        try:
            self.userdata.set_note(self._record, self.editor.toPlainText())
            if "notes" in self.userdata.unsaved():  # unchanged text after a failed save
                self.userdata.save()
        except UserDataError as error:
            self._report(error)
            return False
        self._dirty = False
        self._clear_error()
        self._refresh_list()
        return True

    def _on_selection_changed(self, record_id: object) -> None:
        self.flush()
        self._show_record(record_id if isinstance(record_id, str) else None)

    def _on_about_to_quit(self) -> None:
        self.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "main_window" not in self.__dict__:  # the wrapper is being torn down at exit
            return False
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            self.flush()
            self.host.settings.setValue(_SETTINGS_KEY, self.isVisible())
        return False

    # bookmarks and the list ------------------------------------------------------------------
    def _on_bookmark_triggered(self, checked: bool) -> None:
        rid = self._record
        if rid is None:
            return
        name = plain_name(self.host.atlas.kb, rid)
        if self.userdata.is_bookmarked(rid) != checked:
            try:
                self.userdata.toggle_bookmark(rid)
            except UserDataError as error:
                self._report(error)
            else:
                self._clear_error()
                said = (
                    translate("NotesDock", "Bookmarked {name}")
                    if checked
                    else translate("NotesDock", "Removed the bookmark on {name}")
                )
                self.main_window.statusBar().showMessage(said.format(name=name), 4000)
        self._sync_bookmark_action()
        self._refresh_list()

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        rid = item.data(_ID_ROLE)
        if isinstance(rid, str):
            self.state.select(rid)


def install(host: PlateHost) -> NotesDock:
    """Add the "Notes and bookmarks" dock (``notesDock``), Navigate ▸ Bookmark (``notes_bookmark``,
    Ctrl+D) and View ▸ Notes and bookmarks (``notes_dock``) to the host's window."""
    return NotesDock(host)


__all__ = ["TITLE", "NotesDock", "first_line", "install"]
