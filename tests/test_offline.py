"""Offline: a session that uses every feature opens no network socket."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import show_window
from netguard import NetworkGuard, open_inet_sockets
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_viewer import click_plate, visible_point

from hamstring_viewer._qt.export import HandoutExport
from hamstring_viewer._qt.notes_dock import NotesDock
from hamstring_viewer._qt.pain_dock import PainFinderMode
from hamstring_viewer._qt.quiz_dock import QuizDock
from hamstring_viewer._qt.search_box import SearchBox
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.geometry import sample_points
from hamstring_viewer.userdata import UserData

GUARD = NetworkGuard()


def test_a_session_with_every_feature_opens_no_network_socket(
    qtbot: QtBot, atlas: Atlas, tmp_path: Path
) -> None:
    GUARD.active = True
    GUARD.events.clear()
    try:
        user = UserData.open(tmp_path / "user")
        win = show_window(qtbot, atlas, tmp_path / "settings.ini", user, features=True)
        win.view.fit()
        features = win.features
        search, notes = features["search"], features["notes"]
        pain, quiz, export = features["pain"], features["quiz"], features["export"]
        assert isinstance(search, SearchBox) and isinstance(notes, NotesDock)
        assert isinstance(pain, PainFinderMode) and isinstance(quiz, QuizDock)
        assert isinstance(export, HandoutExport)

        # viewer: click, hover, overlays, layers, zoom
        click_plate(qtbot, win, *visible_point(win, "semitendinosus"))
        assert win.state.selection == "semitendinosus"
        win.actions_by_name["overlays_all"].trigger()
        win.actions_by_name["layer_nerves"].trigger()
        win.actions_by_name["layer_nerves"].trigger()  # back on: the quiz below may ask for a nerve
        win.actions_by_name["zoom_in"].trigger()
        win.actions_by_name["fit"].trigger()

        # search
        qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(search.field, "semimem")
        qtbot.waitUntil(lambda: bool(search.hits()), timeout=3000)
        qtbot.keyClick(search.field, Qt.Key.Key_Return)
        assert win.state.selection == "semimembranosus"

        # notes and bookmarks
        notes.editor.setPlainText("Check the medial knee.")
        win.actions_by_name["notes_bookmark"].trigger()
        assert notes.flush()
        assert win.userdata.note("semimembranosus") == "Check the medial knee."

        # pain finder
        win.actions_by_name["pain_mode"].trigger()
        zone = atlas.plate.region("zone_medial_hamstrings_essential")
        x, y = sample_points(zone, 6.0)[len(sample_points(zone, 6.0)) // 2]
        click_plate(qtbot, win, x, y)
        qtbot.waitUntil(lambda: bool(pain.matches), timeout=3000)
        assert pain.save() is not None
        win.actions_by_name["pain_mode"].trigger()

        # quiz: one find-it question answered on the plate
        asked = quiz.start(["find"])
        assert asked is not None
        target = next(iter(asked.question.answer_records), None) or asked.question.target
        click_plate(qtbot, win, *visible_point(win, target))
        assert quiz.result is not None
        quiz.leave()

        # exports: handout PDF, view PNG and SVG
        win.state.select("semitendinosus")
        out = tmp_path / "out"
        out.mkdir()
        names = iter([out / "handout.pdf", out / "view.png", out / "view.svg"])
        export.get_save_file_name = lambda *_a, **_k: (str(next(names)), "")
        export.ask_handout = lambda handout, *_a: handout  # (the dialogs are answered here)
        export.ask_resolution = lambda _parent: 0
        export.export_handout_pdf()
        export.export_view_png()
        export.export_view_svg()
        assert {p.name for p in out.iterdir()} == {"handout.pdf", "view.png", "view.svg"}

        win.close()
        assert GUARD.events == [], GUARD.events
        assert open_inet_sockets() == []
        assert "PySide6.QtNetwork" not in sys.modules
    finally:
        GUARD.active = False


def test_the_guard_sees_a_connection_attempt() -> None:
    """The check above can fail: a TCP connect (refused, to this machine) is recorded."""
    import socket

    GUARD.active = True
    GUARD.events.clear()
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
            server.bind(("127.0.0.1", 0))  # recorded as socket.bind
            server.listen()
            assert open_inet_sockets()  # an open TCP socket is seen in /proc
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
                client.settimeout(1)
                client.connect(server.getsockname())
        assert any(e.startswith("socket.connect") for e in GUARD.events)
    finally:
        GUARD.active = False
        GUARD.events.clear()
