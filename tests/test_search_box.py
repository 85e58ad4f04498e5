"""Search in the window, as a user meets it: Ctrl+F, type, arrows, Enter, Esc."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import show_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hamstring_viewer._qt.search_box import (
    EMPHASIS_ROLE,
    HIGHLIGHT_COLOUR,
    NO_MATCHES,
    PLACEHOLDER,
    SearchBox,
    install,
)
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.search import fold
from hamstring_viewer.userdata import UserData


@pytest.fixture
def window(qtbot: QtBot, atlas: Atlas, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"))
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    win.close()


@pytest.fixture
def search(window: MainWindow) -> SearchBox:
    return install(window.host)


def open_search(qtbot: QtBot, window: MainWindow, search: SearchBox) -> None:
    """Press Ctrl+F on the plate, as a user would, and check the field has the focus."""
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(search.field.hasFocus, timeout=2000)


def listed(search: SearchBox) -> list[str]:
    return [search.results.item(i).text() for i in range(search.results.count())]


def marked(window: MainWindow) -> list[str]:
    """The texts the panel highlights."""
    return [m.cursor.selectedText() for m in window.panel.browser.extraSelections()]


def test_install_adds_a_field_a_find_action_and_no_index_yet(
    window: MainWindow, search: SearchBox
) -> None:
    assert search.field.placeholderText() == PLACEHOLDER
    assert search.field.accessibleName()
    action = window.actions_by_name["search_find"]
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    navigate = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Navigate")
    assert action in navigate.actions()
    assert not search.index_built()  # built on first use, not at start-up
    assert not search.is_open()


def test_latin_name_typed_and_entered_selects_the_structure_and_marks_it(
    qtbot: QtBot, window: MainWindow, search: SearchBox, atlas: Atlas
) -> None:
    latin = atlas.kb.structures["semimembranosus"].latin
    assert latin == "Musculus semimembranosus"
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, latin)
    assert search.is_open()
    assert listed(search)[0].startswith("Semimembranosus")
    with qtbot.waitSignal(window.state.selectionChanged, timeout=2000):
        qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert window.state.selection == "semimembranosus"
    assert window.panel.title() == "Semimembranosus"
    assert latin in window.panel.text()
    assert not search.is_open()
    # the Latin name is marked in the panel, in yellow
    assert latin in marked(window)
    marks = window.panel.browser.extraSelections()
    assert all(m.format.background().color() == QColor(HIGHLIGHT_COLOUR) for m in marks)


def test_a_prefix_lists_the_structure_and_arrows_move_in_the_list(
    qtbot: QtBot, window: MainWindow, search: SearchBox
) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "semimem")
    assert listed(search)[0].startswith("Semimembranosus")
    assert search.hits()[0].record_id == "semimembranosus"
    assert len(search.hits()) > 1
    assert search.results.currentRow() == 0
    qtbot.keyClick(search.field, Qt.Key.Key_Down)
    assert search.results.currentRow() == 1
    qtbot.keyClick(search.field, Qt.Key.Key_Up)
    qtbot.keyClick(search.field, Qt.Key.Key_Up)  # stays on the first
    assert search.results.currentRow() == 0
    assert search.field.hasFocus()  # typing goes on in the field
    second = search.hits()[1]
    qtbot.keyClick(search.field, Qt.Key.Key_Down)
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert window.state.selection == second.record_id


def test_a_word_from_the_text_finds_a_technique_and_marks_the_word(
    qtbot: QtBot, window: MainWindow, search: SearchBox
) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "hunt")
    rows = [h.record_id for h in search.hits()]
    assert "technique_foam_roller" in rows
    row = rows.index("technique_foam_roller")
    assert "Steps:" in listed(search)[row]
    for _ in range(row):
        qtbot.keyClick(search.field, Qt.Key.Key_Down)
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert window.state.selection == "technique_foam_roller"
    assert marked(window)
    assert all(fold(text).startswith("hunt") for text in marked(window))


def test_clicking_a_hit_chooses_it(qtbot: QtBot, window: MainWindow, search: SearchBox) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "semitendinosus")
    item = search.results.item(0)
    rect = search.results.visualItemRect(item)
    qtbot.mouseClick(search.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selection == "semitendinosus"
    assert "Semitendinosus" in marked(window)


def test_a_glossary_term_is_shown_and_its_structure_outlined(
    qtbot: QtBot, window: MainWindow, search: SearchBox
) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "sitting bone")
    rows = [h.record_id for h in search.hits()]
    assert rows[0] == "ischial_tuberosity"
    for _ in range(rows.index("term_ischial_tuberosity")):
        qtbot.keyClick(search.field, Qt.Key.Key_Down)
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert window.state.selection == "term_ischial_tuberosity"
    assert "sitting bone" in [t.lower() for t in marked(window)]
    assert window.view.emphasis(EMPHASIS_ROLE)  # the tuberosity is outlined on the plate
    assert "outlined" in window.statusBar().currentMessage()
    # choosing something else clears the outline and the marks
    window.state.select("femur")
    assert window.view.emphasis(EMPHASIS_ROLE) == []
    assert window.panel.browser.extraSelections() == []


def test_escape_closes_the_list_then_clears_the_field(
    qtbot: QtBot, window: MainWindow, search: SearchBox
) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "biceps")
    assert search.is_open()
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert not search.is_open()
    assert search.field.text() == "biceps"
    assert window.state.selection is None  # Esc chose nothing
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert search.field.text() == ""
    assert not search.field.hasFocus()


def test_nonsense_shows_no_matches(qtbot: QtBot, window: MainWindow, search: SearchBox) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "xyzzyplugh")
    assert search.is_open()
    assert listed(search) == [NO_MATCHES]
    assert search.hits() == []
    qtbot.keyClick(search.field, Qt.Key.Key_Return)  # nothing to choose; nothing happens
    assert window.state.selection is None
    # clearing the field closes the list
    search.field.clear()
    assert not search.is_open()


def test_the_list_sits_under_the_field_and_is_drawn(
    qtbot: QtBot, window: MainWindow, search: SearchBox
) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "knee")
    field = search.field.mapTo(window, search.field.rect().bottomLeft())
    geometry = search.results.geometry()
    assert abs(geometry.top() - field.y()) <= 4
    assert geometry.right() <= window.width()
    assert geometry.height() > 3 * window.fontMetrics().height()
    image = search.results.viewport().grab().toImage()
    second = search.results.visualItemRect(search.results.item(1))
    # the second hit (not the current one) is painted: dark text pixels in its row
    dark = [
        x
        for x in range(second.left(), second.right(), 2)
        for y in range(second.top(), second.bottom(), 2)
        if QColor(image.pixel(x, y)).lightness() < 100
    ]
    assert dark


def test_clicking_the_plate_closes_the_list(
    qtbot: QtBot, window: MainWindow, search: SearchBox
) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "gracilis")
    assert search.is_open()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.waitUntil(lambda: not search.is_open(), timeout=2000)
    assert search.field.text() == "gracilis"


def test_a_misspelt_name_still_finds_the_muscle_and_says_what_it_searched(
    qtbot: QtBot, window: MainWindow, search: SearchBox
) -> None:
    open_search(qtbot, window, search)
    qtbot.keyClicks(search.field, "semitendonosus")
    assert search.is_open()
    assert listed(search)[0].startswith("Semitendinosus")
    assert "showing results for “semitendinosus”" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.state.selectionChanged, timeout=2000):
        qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert window.state.selection == "semitendinosus"
    # the name as it is spelt is marked in the panel
    assert any("emitendinosus" in m for m in marked(window))


def test_the_index_is_built_when_the_field_is_entered_not_on_the_first_key(
    qtbot: QtBot, window: MainWindow, search: SearchBox
) -> None:
    assert not search.index_built()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(search.field.hasFocus, timeout=2000)
    qtbot.waitUntil(search.index_built, timeout=2000)  # before anything is typed
    assert search.field.text() == ""
    qtbot.keyClicks(search.field, "semi")
    assert search.is_open() and search.hits()


def test_the_index_is_built_ahead_once_the_window_has_been_idle(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hamstring_viewer._qt import search_box

    monkeypatch.setattr(search_box, "PREFETCH_MS", 50)
    search = install(window.host)
    assert not search.index_built()  # not at start-up
    qtbot.waitUntil(search.index_built, timeout=5000)  # nothing entered, nothing typed
    assert not search.field.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(search.field, "kniebeuger")  # a German word, in the English window
    assert search.is_open() and search.hits()[0].record_id == "hamstrings"
