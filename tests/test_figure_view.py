"""The figures in the side panel: every exercise, stretch and technique page shows its figure
(stills and an animation at the data's speed, with the cue of the moment), the hamstrings'
pages animate their actions, and pages without a figure run nothing."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from conftest import HAMSTRINGS, show_window
from PySide6.QtCore import QPoint, QRect, QSettings, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hamstring_viewer._qt.figure_view import REDUCE_MOTION_ENV, REDUCE_MOTION_KEY, FigureArea
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.figure import muscle_length
from hamstring_viewer.userdata import UserData

MUSCLE_COLOURS = ((0xA2, 0x46, 0x3C), (0xD9, 0x80, 0x6F))
SKIN = (0xF3, 0xEC, 0xE4)
#: a single muscle at work is drawn at 70 % opacity over the skin
WORKING_ON_SKIN = tuple(
    round(0.7 * m + 0.3 * s) for m, s in zip(MUSCLE_COLOURS[0], SKIN, strict=True)
)


@pytest.fixture
def window(qtbot: QtBot, atlas: Atlas, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"))
    win.resize(1280, 860)
    yield win
    win.close()


def _area(window: MainWindow) -> FigureArea:
    """The panel's figure area (a muscle's actions are first shown one idle tick after its
    page, so that the page answers the click at once)."""
    if window.panel.figure_area is None:
        QApplication.processEvents()
    area = window.panel.figure_area
    assert area is not None
    return area


def _has_muscle_colour(
    widget: QWidget, colours: tuple[tuple[int, ...], ...] = MUSCLE_COLOURS
) -> bool:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    px = rows[:, : w * 3].reshape(h, w, 3).astype(int)
    return any(bool((np.abs(px - np.array(c)).max(axis=2) <= 4).sum() >= 20) for c in colours)


def _pages(window: MainWindow) -> list[str]:
    kb = window.state.kb
    return [*kb.exercises, *kb.stretches, *kb.techniques]


def test_every_exercise_stretch_and_technique_shows_its_figure(
    qtbot: QtBot, window: MainWindow
) -> None:
    pages = _pages(window)
    assert len(pages) >= 20
    for rid in pages:
        window.state.select(rid)
        area = _area(window)
        assert area.isVisible(), rid
        assert area.record_id == rid
        variant = area.variant()
        assert variant is not None
        steps = variant.steps
        # every step as a still with its name and cue (one step: the large drawing is it)
        if len(steps) > 1:
            shown = [s for s in area.stills if s.isVisible()]
            assert len(shown) == len(steps), rid
            for still, st in zip(shown, steps, strict=True):
                assert still.canvas.renderer.isValid()
                assert st.name.lower() in still.caption.text().lower()
                assert st.cue in still.caption.text()
        assert area.canvas.renderer.isValid()
        assert _has_muscle_colour(area), rid
        # readable words only
        assert "record" not in area.cue_text().lower()


def test_leg_curl_animates_to_the_end_position_and_back_with_its_cues(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.state.select("exercise_leg_curl")
    area = _area(window)
    assert area.variant_box.isVisible()
    assert area.variant_box.count() == 3
    area.set_variant([area.variant_box.itemText(i) for i in range(3)].index("Lying leg curl"))
    area.pause()
    tl = area.timeline
    assert tl is not None
    steps = tl.variant.steps
    start_knee = steps[0].pose.right_leg.knee
    curl_knee = steps[1].pose.right_leg.knee
    knees: list[float] = []
    cues: list[str] = []
    n = 120
    for k in range(n + 1):
        area.seek(tl.duration * k / n * 0.999)
        pose = area.current_pose()
        assert pose is not None
        knees.append(pose.right_leg.knee)
        cues.append(area.cue_text())
    top = max(range(len(knees)), key=knees.__getitem__)
    assert knees[top] == pytest.approx(curl_knee, abs=0.5)  # reaches the end position
    assert knees[-1] == pytest.approx(steps[-1].pose.right_leg.knee, abs=0.5)  # and returns
    assert knees[-1] < start_knee + 10
    # the breathing cue of the curl is shown while curling, not at the start or lowering
    assert "Breathe out" not in cues[0]
    curl = tl.segments[1]
    area.seek(curl.start + curl.move_s / 2)
    assert "Breathe out" in area.cue_text()
    assert area.current_segment() is curl
    lower = tl.segments[2]
    area.seek(lower.start + lower.move_s / 2)
    assert "Breathe in" in area.cue_text()
    # slow on the way back
    assert lower.move_s > curl.move_s
    # the frames differ as the knee bends
    area.seek(0.0)
    first = area.canvas.svg
    area.seek(curl.start + curl.move_s)
    assert area.canvas.svg != first


def test_pause_stops_the_frames_and_play_goes_on(qtbot: QtBot, window: MainWindow) -> None:
    window.state.select("exercise_leg_curl")
    area = _area(window)
    if area.reduce_motion:
        area.set_reduce_motion(False)
    area.play()
    assert area.playing and area.timer.isActive()
    assert "Pause" in area.play_button.accessibleName()
    area.seek(1.6)
    area.advance(0.5)
    assert area.t == pytest.approx(2.1)
    area.play_button.click()  # pause
    assert not area.playing and not area.timer.isActive()
    assert "Play" in area.play_button.accessibleName()
    svg, t = area.canvas.svg, area.t
    area.advance(0.7)
    qtbot.wait(120)
    assert area.t == t and area.canvas.svg == svg
    area.play_button.click()  # play again
    assert area.playing
    area.advance(0.4)
    assert area.t == pytest.approx(t + 0.4)
    assert area.canvas.svg != svg


def test_reduce_motion_keeps_the_stills_and_does_not_play(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.state.select("exercise_deadlift")
    area = _area(window)
    area.motion_box.setChecked(True)
    assert not area.playing and not area.timer.isActive()
    settings = window.panel.settings
    assert settings is not None
    assert settings.value(REDUCE_MOTION_KEY) in (True, "true")
    window.state.select("exercise_leg_curl")
    assert not area.playing and not area.timer.isActive()
    assert all(s.isVisible() for s in area.stills[:3])
    assert area.canvas.renderer.isValid() and area.t == 0.0
    # the reader may still play it
    area.play_button.click()
    assert area.playing
    # the setting is remembered
    area.pause()
    again = FigureArea(settings=QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.reduce_motion and again.motion_box.isChecked()


def test_reduce_motion_default_comes_from_the_environment(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(REDUCE_MOTION_ENV, "1")
    area = FigureArea(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(area)
    assert area.reduce_motion
    monkeypatch.setenv(REDUCE_MOTION_ENV, "0")
    other = FigureArea(settings=QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(other)
    assert not other.reduce_motion


@pytest.mark.parametrize("muscle", HAMSTRINGS)
def test_hamstring_page_animates_its_actions_and_the_muscle_shortens(
    qtbot: QtBot, window: MainWindow, muscle: str
) -> None:
    window.state.select(muscle)
    area = _area(window)
    assert area.isVisible() and area.is_action
    assert area.figure is not None
    # folded at first (the page's key facts stay on the first screen), nothing running
    assert not area.expanded and not area.canvas.isVisible() and not area.timer.isActive()
    assert area.timeline is None  # not even drawn until unfolded
    area.expand_button.click()
    assert area.expanded and area.canvas.isVisible()
    assert area.playing == (not area.reduce_motion)
    labels = [area.variant_box.itemText(i) for i in range(area.variant_box.count())]
    assert "Knee flexion" in labels
    if muscle != "biceps_femoris_short_head":
        assert "Hip extension" in labels
    for i in range(len(labels)):
        area.set_variant(i)
        area.pause()
        tl = area.timeline
        assert tl is not None
        area.seek(0.0)
        start = area.current_pose()
        area.seek(tl.step_start(len(tl.variant.steps) - 1))
        end = area.current_pose()
        assert start is not None and end is not None
        assert muscle_length(end, muscle) < muscle_length(start, muscle), labels[i]
        assert "shortens" in area.cue_text() or "length" in area.cue_text()
        assert _has_muscle_colour(area.canvas, (*MUSCLE_COLOURS, WORKING_ON_SKIN)), labels[i]
        # and back to the start
        area.seek(tl.duration * 0.999)
        back = area.current_pose()
        assert back is not None
        assert muscle_length(back, muscle) == pytest.approx(muscle_length(start, muscle), 1e-3)


def test_idle_time_after_the_first_paint_reads_the_figures_before_a_muscle_is_clicked(
    qtbot: QtBot, atlas: Atlas, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the plate is on screen, idle time reads the figures and makes the figure area,
    hidden, so the first click on a muscle shows its actions at once (not a tick later) and
    reads nothing; nothing is shown or run before that click."""
    from hamstring_viewer._qt import figure_view

    monkeypatch.setattr(figure_view, "_BOOK", None)
    read: list[object] = []
    real = figure_view.load_figures
    monkeypatch.setattr(figure_view, "load_figures", lambda path: read.append(path) or real(path))
    win = show_window(qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"))
    qtbot.waitUntil(lambda: win.panel.figure_area is not None, timeout=10_000)
    area = win.panel.figure_area
    assert area is not None and figure_view.figures_read() and len(read) == 1
    assert win.state.selection is None and not area.isVisible() and not area.timer.isActive()
    win.state.select("semitendinosus")
    assert area.isVisible() and area.figure is not None  # in the click itself
    assert len(read) == 1
    win.close()


def test_pages_without_a_figure_show_none_and_run_no_timer(
    qtbot: QtBot, window: MainWindow
) -> None:
    kb = window.state.kb
    plain = next(iter(kb.trigger_points))
    window.state.select(plain)
    shown = window.panel.figure_area  # (made hidden in idle time, if that came first)
    assert shown is None or not shown.isVisible()
    window.state.select("exercise_leg_curl")
    area = _area(window)
    for rid in (plain, "gracilis" if "gracilis" in kb.structures else plain, None):
        window.state.select(rid)
        assert not area.isVisible()
        assert not area.timer.isActive()
        assert not [t for t in window.panel.findChildren(QTimer) if t.isActive()]


def test_unfolding_the_actions_is_remembered_and_choosing_one_unfolds_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.state.select("semitendinosus")
    area = _area(window)
    assert not area.expanded
    area.variant_box.setCurrentIndex(1)  # choosing an action shows it
    assert area.expanded and area.variant_index == 1 and area.timeline is not None
    window.state.select("semimembranosus")
    assert not area.expanded  # (choosing is not a setting)
    area.expand_button.click()
    window.state.select("biceps_femoris_long_head")
    assert area.expanded and area.timeline is not None
    assert area.expand_button.accessibleName() == "Hide the figure"
    area.expand_button.click()
    assert not area.expanded and not area.timer.isActive()
    window.state.select("exercise_leg_curl")  # exercise pages keep their own setting
    assert area.expanded


def test_hiding_the_panel_stops_the_animation(qtbot: QtBot, window: MainWindow) -> None:
    window.state.select("exercise_cable_kickback")
    area = _area(window)
    area.set_reduce_motion(False)
    area.play()
    assert area.timer.isActive()
    window.panel.hide()
    assert not area.timer.isActive()
    window.panel.show()
    assert area.timer.isActive()
    area.pause()


def test_a_figure_never_widens_the_panel_so_the_plate_stays_put(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The figure area appears above a page's text; in a narrow panel it shrinks rather than
    take width from the plate (which would refit and move under the pointer)."""
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total - 360, 360])
    QApplication.processEvents()
    before = (window.view.width(), window.view.zoom())
    for rid in ("semitendinosus", "exercise_deadlift", "stretch_pnf", "technique_foam_roller"):
        window.state.select(rid)
        QApplication.processEvents()  # (a muscle's actions come one idle tick later)
        QApplication.processEvents()
        assert window.panel.figure_area is not None and window.panel.figure_area.isVisible()
        assert (window.view.width(), window.view.zoom()) == before, rid


def test_in_a_short_window_the_figure_gives_the_page_room_and_overlaps_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1100, 720)
    window.state.select("exercise_leg_curl")
    QApplication.processEvents()
    area = _area(window)
    assert area.compact and not any(still.isVisible() for still in area.stills)
    assert window.panel.browser.height() >= 140  # the page keeps room for its text
    parts = [area.variant_box, area.canvas, area.bar, area.play_button, area.motion_box]
    boxes = [QRect(w.mapTo(area, QPoint(0, 0)), w.size()) for w in parts]
    for upper, lower in itertools.pairwise(boxes):
        assert upper.bottom() < lower.top(), (upper, lower)  # drawn one under the other
    window.resize(1400, 1000)
    QApplication.processEvents()
    assert not area.compact and all(s.isVisible() for s in area.stills[:3])


def test_a_broken_figures_file_leaves_the_page_and_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hamstring_viewer import resources
    from hamstring_viewer._qt import figure_view

    broken = tmp_path / "figures.toml"
    broken.write_text("[figure.exercise_leg_curl\nbroken", encoding="utf-8")
    monkeypatch.setattr(figure_view, "_BOOK", None)
    monkeypatch.setattr(figure_view, "_PROBLEMS", [])
    monkeypatch.setattr(resources, "figures_path", lambda data_dir=None: broken)
    window.state.select("exercise_leg_curl")
    assert "Seated leg curl" in window.panel.text() or "leg curl" in window.panel.text().lower()
    area = window.panel.figure_area
    assert area is None or not area.isVisible()
    message = window.statusBar().currentMessage()
    assert "figures.toml" in message and "not valid TOML" in message, message
