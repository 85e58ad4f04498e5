"""The study and export features follow the plate now shown (through the window's PlateHost):
the pain finder's marks and ranking, the quiz's "Find it", the exports and their credit.

Expectations come from the loaded plates, not from the placeholder plates' content.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot
from test_views import open_window, press

from hamstring_viewer import resources
from hamstring_viewer._qt import export, pain_dock, quiz_dock
from hamstring_viewer._qt.host import PlateHost
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.atlas import Atlas
from hamstring_viewer.credits import PLATES_CREDIT, PNG_CREDIT_KEY
from hamstring_viewer.geometry import sample_points


@pytest.fixture
def window(qtbot: QtBot, atlas: Atlas, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, atlas, tmp_path)
    yield win
    win.close()


def zone_point(win: MainWindow) -> tuple[float, float]:
    """A point inside an essential referral zone of the plate shown."""
    for zone in win.atlas.kb.zones.values():
        if zone.kind == "essential" and win.view.plate.has(zone.svg_id):
            points = sample_points(win.view.plate.region(zone.svg_id), 6.0)
            return points[len(points) // 2]
    raise AssertionError("no essential zone on this plate")


def view_without_zones(atlas: Atlas) -> str | None:
    for key, plate in atlas.plates.items():
        if not any(plate.has(z.svg_id) for z in atlas.kb.zones.values()):
            return key
    return None


def test_features_get_the_host_not_the_window(window: MainWindow) -> None:
    host = window.host
    assert isinstance(host, PlateHost)
    assert host.view is window.view and host.plate is window.view.plate
    assert host.view_key == window.state.view


def test_the_host_says_when_the_plate_changed(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.host.viewChanged, timeout=2000) as signal:
        press(qtbot, window, resources.view("lateral").shortcut)
    assert signal.args == ["lateral"]
    assert window.host.plate is window.atlas.plates["lateral"]


# --------------------------------------------------------------------------------------------
# the pain finder


def test_marks_belong_to_the_plate_they_were_drawn_on(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    mode = pain_dock.install(window.host)
    window.actions_by_name["pain_mode"].trigger()
    window.view.fit()
    x, y = zone_point(window)
    with qtbot.waitSignal(mode.resultsChanged, timeout=3000):
        qtbot.mouseClick(
            window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.scene_to_view(x, y)
        )
    assert len(mode.drawing.marks) == 1 and mode.matches
    posterior_matches = [m.trigger_point for m in mode.matches]

    other = next(k for k in atlas.plates if k != "posterior")
    press(qtbot, window, resources.view(other).shortcut)
    assert mode.view_key == other
    assert mode.drawing.is_blank and not mode.matches  # a blank drawing on this plate
    assert not any(item.isVisible() for item in mode.layer.marks)

    press(qtbot, window, resources.view("posterior").shortcut)
    assert len(mode.drawing.marks) == 1  # the posterior marks are back, ranked again
    assert [m.trigger_point for m in mode.matches] == posterior_matches
    assert all(item.isVisible() for item in mode.layer.marks)


def test_a_plate_without_zones_says_it_cannot_rank(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    key = view_without_zones(atlas)
    if key is None:
        pytest.skip("every plate draws referral zones")
    mode = pain_dock.install(window.host)
    window.actions_by_name["pain_mode"].trigger()
    press(qtbot, window, resources.view(key).shortcut)
    assert "no referral zones" in mode.dock.message.text()
    x0, y0, w, h = atlas.plates[key].view_box
    with qtbot.waitSignal(mode.resultsChanged, timeout=3000):
        qtbot.mouseClick(
            window.view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=window.view.scene_to_view(x0 + w / 2, y0 + h / 2),
        )
    assert len(mode.drawing.marks) == 1 and mode.matches == []


# --------------------------------------------------------------------------------------------
# the quiz


def test_find_it_asks_only_for_what_the_plate_shown_draws(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    quiz = quiz_dock.install(window.host, rng=random.Random(3), fuzz=False)
    window.actions_by_name["quiz_show"].trigger()
    for v in resources.views():
        press(qtbot, window, v.shortcut)
        plate = atlas.plates[v.key]
        finds = [q for q in quiz._all_questions().values() if q.kind == "find"]
        for question in finds:
            assert question.accepted and all(plate.has(r) for r in question.accepted), (
                v.key,
                question.id,
            )
        absent = [
            s.id
            for s in atlas.kb.structures.values()
            if s.svg_ids and v.key not in atlas.views_of(s.id)
        ]
        assert not {q.id for q in finds} & {f"find:{rid}::" for rid in absent}
    # a round asked on a plate is answered by a click on that plate
    press(qtbot, window, resources.view("posterior_deep").shortcut)
    asked = quiz.start(["find"])
    assert asked is not None
    region = atlas.plates["posterior_deep"].region(sorted(asked.question.accepted)[0])
    from test_views import clickable_point

    point = clickable_point(window, region)
    assert point is not None
    with qtbot.waitSignal(quiz.answered, timeout=2000) as signal:
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args is not None and signal.args[0].correct


# --------------------------------------------------------------------------------------------
# exports and the credit


class SaveTo:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, *_args: object) -> tuple[str, str]:
        return str(self.path), ""


def test_the_about_box_credits_bodyparts3d(window: MainWindow) -> None:
    html = window.about_html()
    assert "BodyParts3D" in html and "CC BY-SA 2.1 Japan" in html
    assert "creativecommons.org/licenses/by-sa/2.1/jp/" in html
    assert "MIT" in html


def dark_pixels(image: QImage, top: int, bottom: int) -> int:
    return sum(
        QColor(image.pixel(x, y)).lightness() < 120
        for x in range(0, image.width(), 2)
        for y in range(top, bottom)
    )


def test_a_png_export_of_the_view_shown_carries_the_credit(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    feature = export.install(window.host)
    press(qtbot, window, resources.view("medial").shortcut)
    feature.get_save_file_name = SaveTo(tmp_path / "medial.png")
    feature.ask_resolution = lambda _parent: 0  # as on screen
    window.actions_by_name["export_view_png"].trigger()
    image = QImage(str(tmp_path / "medial.png"))
    assert not image.isNull()
    assert image.text(PNG_CREDIT_KEY) == PLATES_CREDIT
    # a small visible line at the bottom: text where the plate shows only paper
    screen = window.view.viewport().grab().toImage()
    rows = round(14 * screen.devicePixelRatio())
    h = image.height()
    assert dark_pixels(image, h - rows, h) > dark_pixels(screen, h - rows, h) + 20


def test_an_svg_export_carries_the_credit_in_its_description_and_in_view(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    feature = export.install(window.host)
    press(qtbot, window, resources.view("lateral").shortcut)
    feature.get_save_file_name = SaveTo(tmp_path / "lateral.svg")
    window.actions_by_name["export_view_svg"].trigger()
    root = ET.parse(tmp_path / "lateral.svg").getroot()
    desc = root.findtext("{http://www.w3.org/2000/svg}desc") or ""
    assert PLATES_CREDIT in desc and "Lateral" in desc
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "BodyParts3D" in texts


def test_the_pdf_handout_has_the_credit_in_its_footer(window: MainWindow, tmp_path: Path) -> None:
    feature = export.install(window.host)
    window.state.select("semitendinosus")
    feature.get_save_file_name = SaveTo(tmp_path / "handout.pdf")
    feature.ask_handout = lambda handout, *_a: handout  # (everything on it, fields blank)
    window.actions_by_name["export_handout_pdf"].trigger()
    doc = QPdfDocument()
    assert doc.load(str(tmp_path / "handout.pdf")) == QPdfDocument.Error.None_
    text = " ".join(doc.getAllText(0).text().split())
    doc.close()
    assert "BodyParts3D" in text and "CC BY-SA 2.1 Japan" in text


def test_the_settings_hold_the_view_for_the_start_up_snapshot(
    qtbot: QtBot, atlas: Atlas, tmp_path: Path
) -> None:
    from hamstring_viewer._qt import launch

    win = open_window(qtbot, atlas, tmp_path, "snap.ini")
    press(qtbot, win, resources.view("cross_section").shortcut)
    win.close()
    settings = QSettings(str(tmp_path / "snap.ini"), QSettings.Format.IniFormat)
    key = launch.snapshot_key(settings, win.size(), 1.0, 255, [])
    assert key["settings"]["view/current"] == "cross_section"


def test_a_session_ended_on_another_view_starts_on_it_from_its_snapshot(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The app's start-up path: the view is a setting, so the snapshot taken at the end of a
    session on the medial plate is shown at the next start, which goes live on that plate."""
    from test_launch import end_session, session, start, wait_loaded

    settings_file, cache = tmp_path / "settings.ini", tmp_path / "cache"
    first = session(qtbot, settings_file, cache)
    press(qtbot, first, resources.view("medial").shortcut)
    assert first.state.view == "medial"
    live_first = first.view.grab().toImage()
    end_session(first, cache)

    second = start(qtbot, settings_file, cache)
    assert second.started_from_snapshot
    wait_loaded(qtbot, second)
    assert second.state.view == "medial"
    assert second.atlas.plates.loaded() == ("medial",)  # from the cache: only the plate shown
    assert second.view.plate is second.atlas.plates["medial"]
    assert second.view.grab().toImage().size() == live_first.size()
    second.close()

    # another view in the settings: that snapshot is not shown
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("view/current", "lateral")
    settings.sync()
    third = start(qtbot, settings_file, cache)
    assert not third.started_from_snapshot
    wait_loaded(qtbot, third)
    assert third.state.view == "lateral"
    third.close()
