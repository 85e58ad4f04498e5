"""Notes and bookmarks in the window, as a user meets them: type, switch, bookmark, reopen."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hamstring_viewer._qt.notes_dock import EMPTY_LIST, NotesDock, first_line, install
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.userdata import UserData

Opener = Callable[[], tuple[MainWindow, NotesDock]]


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    return tmp_path / "user"


@pytest.fixture
def open_window(qtbot: QtBot, atlas: Atlas, tmp_path: Path, user_dir: Path) -> Iterator[Opener]:
    """Opens a window on the same settings and user data folder each time it is called."""
    opened: list[MainWindow] = []

    def opener() -> tuple[MainWindow, NotesDock]:
        win = show_window(qtbot, atlas, tmp_path / "settings.ini", UserData.open(user_dir))
        dock = install(win.host)
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
        opened.append(win)
        return win, dock

    yield opener
    for win in opened:
        win.close()


@pytest.fixture
def shown(open_window: Opener) -> tuple[MainWindow, NotesDock]:
    """A window with the dock shown (View ▸ Notes and bookmarks)."""
    window, dock = open_window()
    if not dock.isVisible():
        window.actions_by_name["notes_dock"].trigger()
    assert dock.isVisible()
    return window, dock


def go(window: MainWindow, record_id: str) -> None:
    """Choose a hamstring from Navigate ▸ Hamstrings (or select another record)."""
    action = window.actions_by_name.get(f"go_{record_id}")
    if action is not None:
        action.trigger()
    else:
        window.state.select(record_id)
    assert window.state.selection == record_id


def type_note(qtbot: QtBot, dock: NotesDock, lines: list[str]) -> None:
    qtbot.mouseClick(dock.editor.viewport(), Qt.MouseButton.LeftButton)
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(dock.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(dock.editor, line)


def on_disk(user_dir: Path) -> dict[str, str]:
    document = json.loads((user_dir / "notes.json").read_text(encoding="utf-8"))
    return {rid: entry["text"] for rid, entry in document["notes"].items()}


def bookmarks_on_disk(user_dir: Path) -> list[str]:
    document = json.loads((user_dir / "bookmarks.json").read_text(encoding="utf-8"))
    return list(document["bookmarks"])


def test_install_adds_a_hidden_dock_and_its_actions(open_window: Opener) -> None:
    window, dock = open_window()
    assert dock.objectName() == "notesDock"
    assert dock.windowTitle() == "Notes and bookmarks"
    assert not dock.isVisible()  # until asked for
    assert window.actions_by_name["notes_bookmark"].shortcut().toString() == "Ctrl+D"
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert window.actions_by_name["notes_bookmark"] in menus["Navigate"].actions()
    assert window.actions_by_name["notes_dock"] in menus["View"].actions()
    # nothing selected: nothing to write on or bookmark
    assert not dock.editor.isEnabled()
    assert not window.actions_by_name["notes_bookmark"].isEnabled()
    assert [dock.list.item(i).text() for i in range(dock.list.count())] == [EMPTY_LIST]


def test_a_note_survives_switching_and_a_new_window(
    qtbot: QtBot, open_window: Opener, shown: tuple[MainWindow, NotesDock], user_dir: Path
) -> None:
    window, dock = shown
    go(window, "semitendinosus")
    assert "Semitendinosus" in dock.heading.text()
    type_note(qtbot, dock, ["Tight after sprints", "Stretch it daily"])
    text = "Tight after sprints\nStretch it daily"
    assert dock.editor.toPlainText() == text
    go(window, "semimembranosus")
    assert dock.editor.toPlainText() == ""  # its own (empty) note
    assert on_disk(user_dir) == {"semitendinosus": text}
    assert dock.listed() == ["semitendinosus"]
    window.close()

    again, dock2 = open_window()
    assert dock2.isVisible()  # the dock was open when the window closed
    assert dock2.listed() == ["semitendinosus"]
    assert "Tight after sprints" in dock2.list.item(0).text()
    assert "Stretch it daily" not in dock2.list.item(0).text()  # the first line only
    go(again, "semitendinosus")
    assert dock2.editor.toPlainText() == text


def test_a_note_is_saved_a_moment_after_typing_stops(
    qtbot: QtBot, shown: tuple[MainWindow, NotesDock], user_dir: Path
) -> None:
    window, dock = shown
    go(window, "biceps_femoris_long_head")
    type_note(qtbot, dock, ["Sore at the sitting bone"])
    qtbot.waitUntil(
        lambda: (
            (user_dir / "notes.json").exists()
            and on_disk(user_dir).get("biceps_femoris_long_head") == "Sore at the sitting bone"
        ),
        timeout=3000,
    )
    assert dock.listed() == ["biceps_femoris_long_head"]


def test_the_file_equals_the_editor_after_an_edit_and_a_selection_change(
    qtbot: QtBot, shown: tuple[MainWindow, NotesDock], user_dir: Path
) -> None:
    window, dock = shown
    go(window, "semitendinosus")
    type_note(qtbot, dock, ["first"])
    go(window, "femur")
    go(window, "semitendinosus")
    qtbot.keyClick(dock.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dock.editor, ", then more ")
    dock.editor.insertPlainText("— ünïcode")  # as an input method would (keyClicks is Latin-1)
    qtbot.keyClick(dock.editor, Qt.Key.Key_Backspace)
    edited = dock.editor.toPlainText()
    go(window, "femur")  # no waiting for the timer: the switch saves it
    assert on_disk(user_dir)["semitendinosus"] == edited == "first, then more — ünïcod"


def test_closing_the_window_saves_the_note_being_typed(
    qtbot: QtBot, shown: tuple[MainWindow, NotesDock], user_dir: Path
) -> None:
    window, dock = shown
    go(window, "semimembranosus")
    type_note(qtbot, dock, ["written just before closing"])
    window.close()
    assert on_disk(user_dir) == {"semimembranosus": "written just before closing"}


def test_clearing_a_note_removes_it_from_the_list(
    qtbot: QtBot, shown: tuple[MainWindow, NotesDock], user_dir: Path
) -> None:
    window, dock = shown
    go(window, "semitendinosus")
    type_note(qtbot, dock, ["temporary"])
    assert dock.flush()
    assert dock.listed() == ["semitendinosus"]
    dock.editor.selectAll()
    qtbot.keyClick(dock.editor, Qt.Key.Key_Delete)
    go(window, "femur")
    assert on_disk(user_dir) == {}
    assert dock.listed() == []


def test_bookmark_toggles_with_ctrl_d_and_persists(
    qtbot: QtBot, open_window: Opener, shown: tuple[MainWindow, NotesDock], user_dir: Path
) -> None:
    window, dock = shown
    action = window.actions_by_name["notes_bookmark"]
    go(window, "semitendinosus")
    assert not action.isChecked()
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert action.isChecked()
    assert bookmarks_on_disk(user_dir) == ["semitendinosus"]
    assert dock.listed() == ["semitendinosus"]
    assert dock.list.item(0).text().startswith("★ Semitendinosus")
    assert "Bookmarked Semitendinosus" in window.statusBar().currentMessage()
    go(window, "femur")
    assert not action.isChecked()
    qtbot.mouseClick(dock.bookmark_button, Qt.MouseButton.LeftButton)  # the dock's button
    assert bookmarks_on_disk(user_dir) == ["semitendinosus", "femur"]
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # off again
    assert bookmarks_on_disk(user_dir) == ["semitendinosus"]
    assert dock.listed() == ["semitendinosus"]
    window.close()

    again, dock2 = open_window()
    assert dock2.listed() == ["semitendinosus"]
    go(again, "semitendinosus")
    assert again.actions_by_name["notes_bookmark"].isChecked()


def test_clicking_a_listed_item_selects_it(
    qtbot: QtBot, shown: tuple[MainWindow, NotesDock]
) -> None:
    window, dock = shown
    go(window, "semitendinosus")
    window.actions_by_name["notes_bookmark"].trigger()
    go(window, "tp_semitendinosus")
    type_note(qtbot, dock, ["Press here for the pain behind the knee"])
    go(window, "femur")
    assert dock.listed() == ["semitendinosus", "tp_semitendinosus"]
    item = dock.list.item(1)
    assert item.text().startswith("✎ ")
    with qtbot.waitSignal(window.state.selectionChanged, timeout=2000):
        qtbot.mouseClick(
            dock.list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=dock.list.visualItemRect(item).center(),
        )
    assert window.state.selection == "tp_semitendinosus"
    assert dock.editor.toPlainText() == "Press here for the pain behind the knee"
    assert dock.list.currentItem() is item or dock.list.currentRow() == 1


def test_a_corrupted_notes_file_is_reported_and_bookmarks_are_kept(
    open_window: Opener, user_dir: Path
) -> None:
    user_dir.mkdir(parents=True)
    (user_dir / "notes.json").write_text('{"format": 1, "notes": {', encoding="utf-8")
    (user_dir / "bookmarks.json").write_text(
        json.dumps({"format": 1, "bookmarks": ["semimembranosus", "femur"]}), encoding="utf-8"
    )
    window, dock = open_window()
    problems = window.userdata.problems
    assert [p.file for p in problems] == [str(user_dir / "notes.json")]
    assert dock.isVisible()  # shown so the message is seen
    assert dock.message.isVisible()
    message = dock.message_text()
    assert str(user_dir / "notes.json") in message
    assert "not valid JSON" in message
    assert "moved aside" in message
    assert window.userdata.bookmarks() == ["semimembranosus", "femur"]
    assert dock.listed() == ["semimembranosus", "femur"]
    assert bookmarks_on_disk(user_dir) == ["semimembranosus", "femur"]


def test_a_save_error_is_shown_and_the_text_stays(
    qtbot: QtBot, shown: tuple[MainWindow, NotesDock], user_dir: Path
) -> None:
    window, dock = shown
    go(window, "semitendinosus")
    blocker = user_dir / "notes.json"
    blocker.mkdir()  # a folder where the file should go: the save cannot replace it
    (blocker / "keep").write_text("x")
    type_note(qtbot, dock, ["this cannot be saved yet"])
    assert not dock.flush()
    assert dock.editor.toPlainText() == "this cannot be saved yet"
    assert "notes.json" in dock.message_text()
    assert "could not be saved" in dock.message_text()
    assert "notes.json" in window.statusBar().currentMessage()
    # once the way is clear, the next change saves everything and the message goes
    shutil.rmtree(blocker)
    qtbot.keyClicks(dock.editor, "!")
    assert dock.flush()
    assert on_disk(user_dir) == {"semitendinosus": "this cannot be saved yet!"}
    assert dock.message_text() == ""


def test_a_failed_save_is_retried_when_switching_even_without_a_new_change(
    qtbot: QtBot, shown: tuple[MainWindow, NotesDock], user_dir: Path
) -> None:
    window, dock = shown
    go(window, "semitendinosus")
    blocker = user_dir / "notes.json"
    blocker.mkdir()
    (blocker / "keep").write_text("x")
    type_note(qtbot, dock, ["kept in memory"])
    assert not dock.flush()
    shutil.rmtree(blocker)
    go(window, "femur")
    assert on_disk(user_dir) == {"semitendinosus": "kept in memory"}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("one line", "one line"),
        ("\n\n  second is first  \nthird", "second is first"),
        ("x" * 100, "x" * 69 + "…"),
        ("", ""),
    ],
)
def test_first_line(text: str, line: str) -> None:
    assert first_line(text) == line


def test_notes_show_their_date_and_export_as_text(
    qtbot: QtBot, shown: tuple[MainWindow, NotesDock], tmp_path: Path
) -> None:
    from hamstring_viewer._qt.notes_dock import when

    window, dock = shown
    go(window, "semitendinosus")
    type_note(qtbot, dock, ["Tender after long drives"])
    go(window, "semimembranosus")
    type_note(qtbot, dock, ["Check the knee crease"])
    go(window, "semitendinosus")  # the note is saved, its date shown
    changed = when(dock.userdata.notes()["semitendinosus"].updated)
    assert f"Last changed {changed}" in dock.heading.text()
    assert any(changed in dock.list.item(i).text() for i in range(dock.list.count()))
    # File ▸ Export notes…
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert window.actions_by_name["notes_export"] in menus["File"].actions()
    target = tmp_path / "out" / "my notes.md"
    dock.export_notes(target)
    text = target.read_text(encoding="utf-8")
    assert "## Semitendinosus" in text and "Tender after long drives" in text
    assert "## Semimembranosus" in text and "Check the knee crease" in text
    assert text.index("## Semimembranosus") < text.index("## Semitendinosus")  # newest first
    assert f"*Last changed {changed}*" in text


def test_a_read_only_data_folder_is_said_in_the_window_at_start(
    qtbot: QtBot, atlas: Atlas, tmp_path: Path
) -> None:
    """The window says at once, in a line of its status bar that stays, that nothing will be
    saved, naming the folder."""
    from test_userdata import _read_only_folder

    from hamstring_viewer.userdata import UserData

    folder = _read_only_folder(tmp_path)
    if folder is None:
        pytest.skip("no folder here that cannot be written to")
    try:
        win = show_window(
            qtbot, atlas, tmp_path / "settings.ini", UserData.open(folder), features=True
        )
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o755)
    from PySide6.QtWidgets import QLabel

    label = win.statusBar().findChild(QLabel, "readOnlyData")
    assert label is not None and label.isVisible()
    assert "Nothing you change is saved" in label.text() and str(folder) in label.text()
    win.close()
