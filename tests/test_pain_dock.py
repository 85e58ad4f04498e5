"""Where does it hurt? The pain finder mode as a user meets it: mark, paint, erase, read, save.

Points come from the plate's geometry (interior points of a referral zone that lie in no other
zone), never typed in. Clicks and drags go to the plate's viewport at ``scene_to_view``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import across, contrast, dark_palette_applied, show_window
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from hamstring_viewer._qt.pain_dock import MODE_SHORTCUT, PainFinderMode, install
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.geometry import Point, sample_points
from hamstring_viewer.painfinder import UNITS_PER_CM, PainDrawing, height_to_y
from hamstring_viewer.userdata import UserData

MEDIAL = {"tp_semitendinosus", "tp_semimembranosus_upper", "tp_semimembranosus_lower"}
BICEPS = {"tp_biceps_femoris_long_head", "tp_biceps_femoris_short_head"}
ZONES = (
    "zone_medial_hamstrings_essential",
    "zone_medial_hamstrings_spillover",
    "zone_biceps_femoris_essential",
    "zone_biceps_femoris_spillover",
)
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# Fixtures and helpers


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(
    qtbot: QtBot, atlas: Atlas, settings: QSettings, user_dir: Path
) -> tuple[MainWindow, PainFinderMode]:
    win = show_window(qtbot, atlas, Path(settings.fileName()), UserData.open(user_dir))
    mode = install(win.host)
    win.view.fit()
    return win, mode


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def window(
    qtbot: QtBot, atlas: Atlas, settings: QSettings, tmp_path: Path, clock: Clock
) -> Iterator[MainWindow]:
    win, mode = open_window(qtbot, atlas, settings, tmp_path / "user")
    mode.clock = clock
    yield win
    win.close()


@pytest.fixture
def mode(window: MainWindow) -> PainFinderMode:
    """The pain finder of ``window``, turned on as a user does (its menu entry)."""
    found = window.findChild(PainFinderMode)
    assert isinstance(found, PainFinderMode)
    window.actions_by_name["pain_mode"].trigger()
    assert found.is_active
    window.view.fit()  # the dock took room from the plate
    return found


def interior(
    atlas: Atlas,
    zone_id: str,
    where: Callable[[Point], bool] = lambda p: True,
    among: Sequence[str] | None = None,
) -> Point:
    """A point well inside ``zone_id`` (and outside every other referral zone, or every other
    one of ``among``), near the middle of such points: its neighbours 8 plate units away are
    inside too."""
    region = atlas.plate.region(zone_id)
    names = among if among is not None else [z.svg_id for z in atlas.kb.zones.values()]
    others = [atlas.plate.region(z) for z in names if z != zone_id and atlas.plate.has(z)]

    def alone(x: float, y: float) -> bool:
        return region.contains(x, y) and not any(o.contains(x, y) for o in others)

    points = [
        (x, y)
        for x, y in sample_points(region, 4.0)
        if where((x, y)) and all(alone(x + dx, y + dy) for dx in (-8, 0, 8) for dy in (-8, 0, 8))
    ]
    assert points, f"{zone_id} has no interior point there"
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    return min(points, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)


def gluteal_fold(atlas: Atlas) -> Point:
    """Where the medial hamstrings send their pain: the gluteal fold (gluteus maximus, whose
    zones cover the whole buttock, and its deep neighbours send pain there too)."""
    return interior(atlas, "zone_medial_hamstrings_essential", among=ZONES)


def back_of_knee(atlas: Atlas) -> Point:
    """The outer part of the knee hollow, where biceps femoris sends its pain (so do the muscles
    of the hollow: gastrocnemius, popliteus, plantaris; the medial hamstrings do not)."""
    centre = atlas.plate.region("zone_biceps_femoris_essential").centroid_hint[0]
    return interior(atlas, "zone_biceps_femoris_essential", lambda p: p[0] > centre, ZONES)


def lateral_calf(atlas: Atlas) -> list[Point]:
    """Points down the biceps femoris spillover zone below the knee, top to bottom."""
    below_knee = height_to_y(44.0)
    region = atlas.plate.region("zone_biceps_femoris_spillover")
    others = [atlas.plate.region(z) for z in ZONES if z != region.id]  # the hamstrings' only
    points = [
        p
        for p in sample_points(region, 4.0)
        if p[1] > below_knee
        and all(
            region.contains(p[0] + dx, p[1] + dy)
            and not any(o.contains(p[0] + dx, p[1] + dy) for o in others)
            for dx in (-12, 0, 12)
            for dy in (-12, 0, 12)
        )
    ]
    assert len(points) > 3
    by_row: dict[float, list[Point]] = {}
    for p in points:
        by_row.setdefault(p[1], []).append(p)
    rows = sorted(by_row)
    picks = [rows[0], rows[len(rows) // 3], rows[2 * len(rows) // 3], rows[-1]]
    return [sorted(by_row[y])[len(by_row[y]) // 2] for y in picks]


def view_pos(win: MainWindow, point: Point) -> QPoint:
    return win.view.scene_to_view(*point)


def click_plate(qtbot: QtBot, win: MainWindow, point: Point) -> None:
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(win, point))


def drag_plate(qtbot: QtBot, win: MainWindow, points: Sequence[Point]) -> None:
    """Press at the first point, move through the others, release at the last."""
    viewport = win.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view_pos(win, points[0]))
    for point in points[1:]:
        qtbot.mouseMove(viewport, view_pos(win, point))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=view_pos(win, points[-1]))


def settled(qtbot: QtBot, mode: PainFinderMode, action: Callable[[], None]) -> None:
    """Do ``action`` and wait until the dock shows its results."""
    with qtbot.waitSignal(mode.resultsChanged, timeout=3000):
        action()


def listed(mode: PainFinderMode) -> list[str]:
    return mode.dock.listed()


def grab(win: MainWindow) -> QImage:
    return win.view.viewport().grab().toImage()


def pixel(image: QImage, pos: QPoint) -> QColor:
    dpr = image.devicePixelRatio()
    return image.pixelColor(int(pos.x() * dpr), int(pos.y() * dpr))


def differs(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return (
        abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > tolerance
    )


def menu_titled(win: MainWindow, title: str) -> QMenu:
    for action in win.menuBar().actions():
        menu = action.menu()
        if action.text().replace("&", "") == title and isinstance(menu, QMenu):
            return menu
    raise AssertionError(f"no menu {title}")


# --------------------------------------------------------------------------------------------
# Turning the mode on and off


def test_the_menu_entry_opens_the_dock_and_takes_the_plate(
    qtbot: QtBot, window: MainWindow
) -> None:
    action = window.actions_by_name["pain_mode"]
    assert action in menu_titled(window, "Referred pain").actions()
    assert action.isCheckable() and action.shortcut().toString() == MODE_SHORTCUT
    mode = window.findChild(PainFinderMode)
    assert isinstance(mode, PainFinderMode)
    assert not mode.dock.isVisible() and window.view.tool is None
    action.trigger()
    assert mode.dock.isVisible()
    assert mode.dock.objectName() == "painFinderDock"
    assert mode.dock.windowTitle() == "Where does it hurt?"
    assert window.view.tool is mode
    for name in ("pain_mark", "pain_brush", "pain_eraser", "pain_clear", "pain_save"):
        assert name in window.actions_by_name
    assert mode.dock.results.accessibleName()
    assert "nothing marked" in mode.dock.summary.text().lower()


def test_leaving_the_mode_restores_click_to_select(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    fold = gluteal_fold(window.atlas)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, fold))
    assert window.state.selection is None  # a mark, not a selection
    assert window.view.zone_preview()
    window.actions_by_name["pain_mode"].trigger()  # uncheck
    assert not mode.is_active and not mode.dock.isVisible()
    assert window.view.tool is None
    assert window.view.zone_preview() == frozenset()
    assert not mode.layer.area.isVisible() and not any(m.isVisible() for m in mode.layer.marks)
    # the drawing is kept for when the user comes back
    assert len(mode.drawing.marks) == 1
    # a click selects again
    x, y = gluteal_fold(window.atlas)
    record = window.view.record_at(window.view.mapToScene(view_pos(window, (x, y))))
    assert record is not None
    click_plate(qtbot, window, (x, y))
    assert window.state.selection == record
    # coming back shows the kept drawing again
    settled(qtbot, mode, window.actions_by_name["pain_mode"].trigger)
    assert set(listed(mode)[:3]) == MEDIAL
    assert all(m.isVisible() for m in mode.layer.marks)


def test_closing_the_dock_leaves_the_mode(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    mode.dock.close()
    assert not window.actions_by_name["pain_mode"].isChecked()
    assert window.view.tool is None
    mode.enter()
    qtbot.mouseClick(mode.dock.close_button, Qt.MouseButton.LeftButton)
    assert not mode.is_active and window.view.tool is None


def test_leaving_keeps_another_features_tool_and_preview(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    settled(qtbot, mode, lambda: click_plate(qtbot, window, gluteal_fold(window.atlas)))

    class OtherTool:
        def press(self, x: float, y: float) -> None: ...

        def drag(self, x: float, y: float) -> None: ...

        def release(self, x: float, y: float) -> None: ...

    other = OtherTool()
    window.view.set_tool(other)
    window.view.set_zone_preview(["zone_biceps_femoris_essential"])
    mode.leave()
    assert window.view.tool is other
    assert window.view.zone_preview() == {"zone_biceps_femoris_essential"}
    window.view.set_tool(None)


# --------------------------------------------------------------------------------------------
# Marking and ranking


def test_a_mark_at_the_gluteal_fold_lists_the_medial_hamstrings_first(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    fold = gluteal_fold(window.atlas)
    probe = view_pos(window, fold)
    before = pixel(grab(window), probe)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, fold))
    assert len(mode.drawing.marks) == 1
    assert set(listed(mode)[:3]) == MEDIAL
    muscles = {window.atlas.kb.trigger_points[t].muscle for t in listed(mode)[:3]}
    assert muscles == {"semitendinosus", "semimembranosus"}
    first = mode.dock.results.item(0).text()
    assert "1 mark in the essential zone" in first
    assert window.atlas.kb.trigger_points[listed(mode)[0]].name in first
    assert "1 mark" in mode.dock.summary.text()
    # the mark is drawn on the plate
    assert differs(before, pixel(grab(window), probe))


def test_a_mark_at_the_back_of_the_knee_lists_biceps_femoris_first(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    knee = back_of_knee(window.atlas)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, knee))
    assert set(listed(mode)[:2]) == BICEPS  # equal scores: the hamstrings first
    assert not set(listed(mode)) & MEDIAL


def test_the_zones_of_the_listed_matches_are_drawn_on_the_plate(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    view = window.view
    medial = ("zone_medial_hamstrings_essential", "zone_medial_hamstrings_spillover")
    biceps = ("zone_biceps_femoris_essential", "zone_biceps_femoris_spillover")
    probe = view_pos(window, interior(window.atlas, "zone_biceps_femoris_essential"))
    plain = pixel(grab(window), probe)
    assert not any(view.zone_item(z).isVisible() for z in ZONES)

    settled(qtbot, mode, lambda: click_plate(qtbot, window, back_of_knee(window.atlas)))
    preview = view.zone_preview()
    assert set(biceps) <= preview and not set(medial) & preview
    listed_zones = {z for t in listed(mode) for z in window.atlas.kb.trigger_points[t].zones}
    assert preview == listed_zones
    assert all(view.zone_item(z).isVisible() for z in biceps)
    assert not any(view.zone_item(z).isVisible() for z in medial)
    assert differs(plain, pixel(grab(window), probe))

    settled(qtbot, mode, lambda: click_plate(qtbot, window, gluteal_fold(window.atlas)))
    assert all(view.zone_item(z).isVisible() for z in ZONES)

    mode.leave()
    assert not any(view.zone_item(z).isVisible() for z in ZONES)


def test_clicking_a_result_selects_its_trigger_point(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    settled(qtbot, mode, lambda: click_plate(qtbot, window, back_of_knee(window.atlas)))
    results = mode.dock.results
    second = results.item(1)
    tp_id = second.data(Qt.ItemDataRole.UserRole)
    rect = results.visualItemRect(second)
    with qtbot.waitSignal(window.state.selectionChanged, timeout=2000):
        qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selection == tp_id
    assert window.atlas.kb.trigger_points[tp_id].name in window.panel.text()
    # Enter on the first entry opens that one
    first_id = results.item(0).data(Qt.ItemDataRole.UserRole)
    results.setFocus()
    results.setCurrentRow(0)
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.state.selection == first_id
    assert window.atlas.kb.trigger_points[first_id].name in window.panel.text()
    # still in the mode: the next plate click marks, it does not select
    settled(qtbot, mode, lambda: click_plate(qtbot, window, gluteal_fold(window.atlas)))
    assert window.state.selection == first_id and len(mode.drawing.marks) == 2


# --------------------------------------------------------------------------------------------
# Brush, eraser, clear


def test_painting_the_lateral_calf_brings_biceps_femoris_up(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    inner = interior(window.atlas, "zone_medial_hamstrings_spillover")
    settled(qtbot, mode, lambda: click_plate(qtbot, window, inner))
    assert set(listed(mode)) == MEDIAL

    calf = lateral_calf(window.atlas)
    probe = view_pos(window, calf[1])
    before = pixel(grab(window), probe)
    qtbot.mouseClick(mode.dock.tool_buttons["brush"], Qt.MouseButton.LeftButton)
    assert mode.tool == "brush" and window.view.tool is mode
    mode.dock.size_spin.setValue(2.0)
    settled(qtbot, mode, lambda: drag_plate(qtbot, window, calf))
    assert len(mode.drawing.dabs) >= len(calf)
    assert all(d.radius == 20.0 and not d.erase for d in mode.drawing.dabs)
    order = listed(mode)
    assert max(order.index(t) for t in BICEPS) < min(order.index(t) for t in MEDIAL)
    first_biceps = mode.dock.results.item(min(order.index(t) for t in BICEPS)).text()
    assert "of the painted area in the spillover zone" in first_biceps
    assert "cm² painted" in mode.dock.summary.text()
    # the paint shows, semi-transparent
    after = pixel(grab(window), probe)
    assert differs(before, after)


def test_the_eraser_removes_painted_coverage(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    calf = lateral_calf(window.atlas)
    mode.set_tool("brush")
    settled(qtbot, mode, lambda: drag_plate(qtbot, window, calf))
    assert set(listed(mode)) >= BICEPS and not MEDIAL & set(listed(mode))
    probe = view_pos(window, calf[1])
    painted = pixel(grab(window), probe)

    qtbot.mouseClick(mode.dock.tool_buttons["eraser"], Qt.MouseButton.LeftButton)
    assert mode.tool == "eraser"
    mode.dock.size_slider.setValue(20)  # the widest eraser: 10 cm
    assert mode.brush_cm == 10.0 and mode.dock.size_spin.value() == 10.0
    settled(qtbot, mode, lambda: drag_plate(qtbot, window, calf))
    assert any(d.erase for d in mode.drawing.dabs)
    assert listed(mode) == []
    assert mode.finder.area_cm2(mode.drawing) == 0
    assert "no trigger point" in mode.dock.results.item(0).text().lower()
    assert differs(painted, pixel(grab(window), probe))


def test_the_eraser_also_rubs_out_marks(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    knee = back_of_knee(window.atlas)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, knee))
    mode.set_tool("eraser")
    settled(qtbot, mode, lambda: drag_plate(qtbot, window, [knee, (knee[0] + 10, knee[1])]))
    assert mode.drawing.marks == () and mode.layer.marks == []
    assert listed(mode) == []


def test_clear_empties_the_list_and_the_plate(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    fold = gluteal_fold(window.atlas)
    plain = pixel(grab(window), view_pos(window, fold))
    settled(qtbot, mode, lambda: click_plate(qtbot, window, fold))
    mode.set_tool("brush")
    settled(qtbot, mode, lambda: drag_plate(qtbot, window, lateral_calf(window.atlas)))
    assert listed(mode)
    settled(
        qtbot,
        mode,
        lambda: qtbot.mouseClick(mode.dock.tool_buttons["clear"], Qt.MouseButton.LeftButton),
    )
    assert listed(mode) == []
    assert mode.drawing.is_blank
    assert window.view.zone_preview() == frozenset()
    assert not mode.dock.red_flag.isVisible()
    assert "nothing marked" in mode.dock.summary.text().lower()
    assert not window.actions_by_name["pain_save"].isEnabled()
    assert not differs(plain, pixel(grab(window), view_pos(window, fold)), 3)


# --------------------------------------------------------------------------------------------
# Look-alikes


def test_a_buttock_mark_suggests_piriformis_and_gluteal_causes(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    plate = window.atlas.plate
    buttock = next(
        p
        for p in sample_points(plate.region("gluteus_maximus"), 6.0)
        if plate.region("piriformis").contains(*p)
        and not any(plate.region(z).contains(*p) for z in ZONES)
    )
    settled(qtbot, mode, lambda: click_plate(qtbot, window, buttock))
    text = mode.dock.lookalikes.text().lower()
    assert "piriformis" in text or "gluteal" in text
    assert "not a diagnosis" in text
    assert "⚠" in text  # each look-alike's warning
    # the red-flag line is shown on its own, above the look-alikes
    assert mode.dock.red_flag.isVisible()
    assert "doctor or physiotherapist" in mode.dock.red_flag.text()
    ids = [item.id for item in mode.lookalike_items]
    assert ids[0] == "lookalike_red_flags"
    assert "lookalike_piriformis" in ids
    assert {"tp_piriformis", "tp_gluteus_maximus"} & set(listed(mode))
    # a structure a look-alike names opens in the panel
    mode.dock.lookalikes.linkActivated.emit("record:piriformis")
    assert window.state.selection == "piriformis"


# --------------------------------------------------------------------------------------------
# Saving and comparing


def test_a_saved_drawing_is_dated_and_offered_for_comparison_in_a_new_window(
    qtbot: QtBot,
    atlas: Atlas,
    settings: QSettings,
    tmp_path: Path,
    clock: Clock,
    window: MainWindow,
    mode: PainFinderMode,
) -> None:
    settled(qtbot, mode, lambda: click_plate(qtbot, window, gluteal_fold(atlas)))
    qtbot.keyClicks(mode.dock.label_edit, "after running")
    qtbot.mouseClick(mode.dock.save_button, Qt.MouseButton.LeftButton)
    stored = window.userdata.drawings()
    assert len(stored) == 1
    assert stored[0]["created"] == stored[0]["date"] == "2024-05-01T09:30:00+00:00"
    assert stored[0]["label"] == "after running"
    on_disk = json.loads((tmp_path / "user" / "drawings.json").read_text("utf-8"))
    assert on_disk["drawings"][0]["marks"] == stored[0]["marks"]
    assert "Drawing saved" in window.statusBar().currentMessage()
    window.close()

    second, second_mode = open_window(qtbot, atlas, settings, tmp_path / "user")
    later = Clock(T0 + timedelta(days=14))
    second_mode.clock = later
    combo = second_mode.dock.compare
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "1 May 2024, 09:30 — after running" in texts
    settled(qtbot, second_mode, second_mode.enter)
    second.view.fit()
    settled(qtbot, second_mode, lambda: click_plate(qtbot, second, back_of_knee(atlas)))
    combo.setCurrentIndex(texts.index("1 May 2024, 09:30 — after running"))
    comparison = second_mode.dock.comparison
    assert comparison.isVisible()
    text = comparison.text()
    assert "1 May 2024, 09:30 (14 days earlier)" in text
    assert "New in the list: Biceps femoris" in text
    assert "Gone from the list:" in text and "Semitendinosus trigger point" in text
    assert "Nothing was painted in either drawing" in text
    second.close()


def test_comparison_reports_a_rise_and_the_area_change(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode, clock: Clock
) -> None:
    knee = back_of_knee(window.atlas)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, knee))
    saved_id = mode.save()
    assert saved_id is not None
    clock.now = T0 + timedelta(days=3)
    mode.set_tool("brush")
    settled(qtbot, mode, lambda: drag_plate(qtbot, window, lateral_calf(window.atlas)))
    mode.compare_with(saved_id)
    text = mode.dock.comparison.text()
    assert "(3 days earlier)" in text
    rose = next(line for line in text.splitlines() if line.startswith("• Rose"))
    assert "Biceps femoris trigger point (long head)" in rose
    assert "Painted area: 0.0 cm² then" in text and "more" in text


def test_an_unreadable_saved_drawing_is_left_out_with_a_message(
    qtbot: QtBot, atlas: Atlas, settings: QSettings, tmp_path: Path
) -> None:
    user = UserData.open(tmp_path / "user")
    good = PainDrawing("2024-04-01T08:00:00+00:00", marks=((500.0, 1100.0),), label="good")
    user.add_drawing({**good.to_dict(), "id": "good1", "date": good.created})
    user.add_drawing(
        {
            "id": "bad1",
            "date": "2024-04-02T08:00:00+00:00",
            "version": 1,
            "created": "2024-04-02T08:00:00+00:00",
            "label": "broken",
            "marks": "not a list",
        }
    )
    win, mode = open_window(qtbot, atlas, settings, tmp_path / "user")
    combo = mode.dock.compare
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert any("good" in t for t in texts) and not any("broken" in t for t in texts)
    assert set(mode.saved_drawings()) == {"good1"}
    mode.enter()
    message = mode.dock.message
    assert message.isVisible()
    assert "“broken”" in message.text() and "bad1" in message.text()
    assert "marks" in message.text()
    win.close()


def test_a_failed_save_is_reported_not_raised(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode, tmp_path: Path
) -> None:
    target = tmp_path / "user" / "drawings.json"
    target.mkdir()  # a folder where the file should go: the atomic replace fails
    (target / "keep").write_text("x")
    settled(qtbot, mode, lambda: click_plate(qtbot, window, gluteal_fold(window.atlas)))
    qtbot.mouseClick(mode.dock.save_button, Qt.MouseButton.LeftButton)
    message = mode.dock.message
    assert message.isVisible()
    assert "could not be saved" in message.text() and "drawings.json" in message.text()
    assert "could not be saved" in window.statusBar().currentMessage()


def test_save_is_offered_only_for_a_drawing_with_something_in_it(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    save = window.actions_by_name["pain_save"]
    assert not save.isEnabled()
    settled(qtbot, mode, lambda: click_plate(qtbot, window, back_of_knee(window.atlas)))
    assert save.isEnabled()


def test_brush_size_slider_and_spin_box_agree(window: MainWindow, mode: PainFinderMode) -> None:
    dock = mode.dock
    dock.size_spin.setValue(4.5)
    assert dock.size_slider.value() == 9 and mode.brush_cm == 4.5
    dock.size_slider.setValue(2)
    assert dock.size_spin.value() == 1.0
    assert mode.brush_cm * UNITS_PER_CM / 2 == 10.0
    mode.set_tool("mark")
    assert not dock.size_spin.isEnabled()
    mode.set_tool("brush")
    assert dock.size_spin.isEnabled()
    with pytest.raises(ValueError, match="known: mark, brush, eraser"):
        mode.set_tool("pencil")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Every muscle that refers pain here, warning signs first, and the finder without a mouse


def outer_back_of_leg(atlas: Atlas) -> list[Point]:
    """From the buttock down the outer back of the thigh to the calf."""
    path = [
        ("gluteus_maximus", 88.0),
        ("gluteus_maximus", 83.0),
        *(("biceps_femoris_long_head", cm) for cm in (76.0, 70.0, 64.0, 58.0)),
        ("gastrocnemius_lateral_head", 40.0),
        ("gastrocnemius_lateral_head", 34.0),
    ]
    return [across(atlas, region, cm, 0.7) for region, cm in path]


def sitting_bone(atlas: Atlas) -> Point:
    region = atlas.plate.region("ischial_tuberosity")
    point = region.centroid_hint
    assert region.contains(*point)
    return point


def self_massage_names(atlas: Atlas) -> list[str]:
    return [t.name for t in atlas.kb.techniques.values() if t.kind == "self_massage"]


def test_marks_down_the_outer_back_of_the_leg_rank_gluteus_minimus_in_the_first_three(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    for point in outer_back_of_leg(window.atlas):
        settled(qtbot, mode, lambda point=point: click_plate(qtbot, window, point))
    assert len(mode.drawing.marks) == 8
    assert "tp_gluteus_minimus_posterior" in listed(mode)[:3]
    text = mode.dock.results.item(listed(mode).index("tp_gluteus_minimus_posterior")).text()
    assert "Gluteus minimus" in text and "essential zone" in text
    # its zones are drawn on the plate, in the neighbours' calmer colour, not the hamstrings'
    view = window.view
    zone = view.zone_item("zone_gluteus_minimus_essential")
    assert zone.isVisible()
    hamstring = view.zone_item("zone_biceps_femoris_essential")
    assert zone.brush().color().rgb() != hamstring.brush().color().rgb()


def test_a_mark_at_the_back_of_the_knee_ranks_biceps_femoris_and_a_knee_muscle_first(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    knee = window.atlas.plate.region("zone_biceps_femoris_essential").centroid_hint
    settled(qtbot, mode, lambda: click_plate(qtbot, window, knee))
    top4 = listed(mode)[:4]
    assert set(top4) >= BICEPS
    assert {"tp_gastrocnemius_lateral", "tp_popliteus"} & set(top4)


def test_a_mark_at_the_sitting_bone_names_tendon_and_bursa_and_gives_no_massage_advice(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    settled(qtbot, mode, lambda: click_plate(qtbot, window, sitting_bone(window.atlas)))
    ids = [item.id for item in mode.lookalike_items]
    assert "lookalike_proximal_hamstring_tendinopathy" in ids
    assert "lookalike_ischial_bursitis" in ids
    looks = mode.dock.lookalikes.text()
    assert "sitting bone" in looks and "bursa" in looks
    assert "No massage or pressure on this spot" in looks
    # the finder offers no massage, pressure or stretch for that spot, and says why
    help_text = mode.dock.self_help.text()
    assert mode.dock.self_help.isVisible() and "No massage" in help_text
    for name in (*self_massage_names(window.atlas), "Ball", "roll"):
        assert name not in help_text, name
    assert {i.id for i in mode.massage_held_back} >= {
        "lookalike_proximal_hamstring_tendinopathy",
        "lookalike_ischial_bursitis",
    }
    # a calf mark alone brings self-help back
    settled(qtbot, mode, mode.clear)
    calf = across(window.atlas, "gastrocnemius_lateral_head", 36.0, 0.5)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, calf))
    assert mode.massage_held_back == []
    assert any(name in mode.dock.self_help.text() for name in self_massage_names(window.atlas))


def test_ticking_a_swollen_calf_after_a_journey_puts_the_clot_warning_above_everything(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    calf = across(window.atlas, "gastrocnemius_lateral_head", 36.0, 0.5)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, calf))
    assert not mode.dock.warnings.isVisible()
    dock = mode.dock
    qtbot.mouseClick(dock.signs_button, Qt.MouseButton.LeftButton)
    assert dock.signs_frame.isVisible()
    box = dock.sign_boxes["warning_dvt"]
    assert "swollen" in box.accessibleName() and "long journey" in box.accessibleName()
    settled(qtbot, mode, lambda: qtbot.mouseClick(box, Qt.MouseButton.LeftButton))
    assert mode.ticked_signs == ["warning_dvt"]
    assert mode.lookalike_items[0].id == "warning_dvt"
    assert "1 ticked" in dock.signs_button.text()
    warning = dock.warnings.text()
    assert dock.warnings.isVisible()
    assert "blood clot" in warning and "do not massage" in warning
    # above the ranking, the self-help, the red flags and the look-alikes
    top = dock.warnings.geometry().top()
    for widget in (dock.results, dock.self_help, dock.red_flag, dock.lookalikes):
        assert top < widget.geometry().top()
    assert "No massage" in dock.self_help.text()
    assert not any(n in dock.self_help.text() for n in self_massage_names(window.atlas))
    # a tick alone (nothing marked) is enough for the warning
    settled(qtbot, mode, mode.clear)
    assert dock.warnings.isVisible() and mode.lookalike_items[0].id == "warning_dvt"
    settled(qtbot, mode, lambda: box.setChecked(False))
    assert not dock.warnings.isVisible()


def test_an_emergency_comes_before_other_ticked_warnings(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    settled(qtbot, mode, lambda: mode.set_sign("warning_systemic"))
    settled(qtbot, mode, lambda: mode.set_sign("warning_cauda_equina"))
    ids = [item.id for item in mode.lookalike_items]
    assert ids[:2] == ["warning_cauda_equina", "warning_systemic"]
    assert mode.dock.warnings.text().index("Emergency") < mode.dock.warnings.text().index("illness")


def test_clear_can_be_undone(qtbot: QtBot, window: MainWindow, mode: PainFinderMode) -> None:
    undo = window.actions_by_name["pain_undo_clear"]
    assert not undo.isEnabled()
    settled(qtbot, mode, lambda: click_plate(qtbot, window, gluteal_fold(window.atlas)))
    mode.set_tool("brush")
    settled(qtbot, mode, lambda: drag_plate(qtbot, window, lateral_calf(window.atlas)))
    drawn = mode.drawing
    ranked = listed(mode)
    settled(
        qtbot,
        mode,
        lambda: qtbot.mouseClick(mode.dock.tool_buttons["clear"], Qt.MouseButton.LeftButton),
    )
    assert mode.drawing.is_blank and listed(mode) == []
    assert undo.isEnabled()
    settled(
        qtbot,
        mode,
        lambda: qtbot.mouseClick(mode.dock.tool_buttons["undo_clear"], Qt.MouseButton.LeftButton),
    )
    assert mode.drawing == drawn and listed(mode) == ranked
    assert len(mode.layer.marks) == 1 and mode.layer.area.dabs() == list(drawn.dabs)
    assert not undo.isEnabled()
    # after something new is drawn, a clear's undo is gone
    settled(qtbot, mode, mode.clear)
    mode.set_tool("mark")
    settled(qtbot, mode, lambda: click_plate(qtbot, window, gluteal_fold(window.atlas)))
    assert not undo.isEnabled()


def test_the_whole_finder_works_from_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    view = window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    # the arrow keys move a cursor on the plate to the back of the knee
    target = window.atlas.plate.region("zone_biceps_femoris_essential").centroid_hint
    x, y = mode.key_point()
    for _ in range(round(abs(target[0] - x) / 40)):
        key = Qt.Key.Key_Right if target[0] > x else Qt.Key.Key_Left
        qtbot.keyClick(view, key, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(round(abs(target[1] - y) / 40)):
        key = Qt.Key.Key_Down if target[1] > y else Qt.Key.Key_Up
        qtbot.keyClick(view, key, Qt.KeyboardModifier.ShiftModifier)
    cx, cy = mode.key_point()
    assert abs(cx - target[0]) <= 20 and abs(cy - target[1]) <= 20
    assert mode.layer.key_cursor.isVisible()
    # Space marks there, P paints there
    settled(qtbot, mode, lambda: qtbot.keyClick(view, Qt.Key.Key_Space))
    assert mode.drawing.marks == ((cx, cy),)
    assert set(listed(mode)[:4]) >= BICEPS
    qtbot.keyClick(view, Qt.Key.Key_Down)
    settled(qtbot, mode, lambda: qtbot.keyClick(view, Qt.Key.Key_P))
    assert len(mode.drawing.dabs) == 1 and mode.drawing.dabs[0].y == cy + 10
    # Tab leaves the plate for the results; Enter opens the one chosen with the arrow keys
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert window.focusWidget() is mode.dock.results
    qtbot.keyClick(mode.dock.results, Qt.Key.Key_Down)
    chosen = mode.dock.results.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(mode.dock.results, Qt.Key.Key_Return)
    assert window.state.selection == chosen
    # the warning signs and Clear are reached by Shift+Tab, and Ctrl+Z undoes the clear
    for _ in range(60):
        if window.focusWidget() is mode.dock.signs_button:
            break
        qtbot.keyClick(
            window.focusWidget() or window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier
        )
    assert window.focusWidget() is mode.dock.signs_button
    qtbot.keyClick(mode.dock.signs_button, Qt.Key.Key_Space)
    assert mode.dock.signs_frame.isVisible()
    qtbot.keyClick(mode.dock.signs_button, Qt.Key.Key_Tab)
    box = window.focusWidget()
    assert box in mode.dock.sign_boxes.values()
    settled(qtbot, mode, lambda: qtbot.keyClick(box, Qt.Key.Key_Space))
    assert mode.dock.warnings.isVisible()
    for _ in range(60):
        if window.focusWidget() is mode.dock.tool_buttons["clear"]:
            break
        qtbot.keyClick(
            window.focusWidget() or window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier
        )
    clear_button = mode.dock.tool_buttons["clear"]
    assert window.focusWidget() is clear_button
    before = mode.drawing
    settled(qtbot, mode, lambda: qtbot.keyClick(clear_button, Qt.Key.Key_Space))
    assert mode.drawing.is_blank
    settled(
        qtbot,
        mode,
        lambda: qtbot.keyClick(clear_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    )
    assert mode.drawing == before


def test_comparing_draws_the_saved_drawing_in_blue_beside_todays(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode, clock: Clock
) -> None:
    fold = gluteal_fold(window.atlas)
    knee = back_of_knee(window.atlas)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, fold))
    saved = mode.save()
    assert saved is not None
    settled(qtbot, mode, mode.clear)
    clock.now = T0 + timedelta(days=7)
    settled(qtbot, mode, lambda: click_plate(qtbot, window, knee))
    probe = view_pos(window, fold)
    before = pixel(grab(window), probe)
    assert not mode.layer.has_earlier()
    mode.compare_with(saved)
    qtbot.wait(20)
    assert mode.layer.has_earlier()
    shown = pixel(grab(window), probe)
    # the saved mark shows where it was, in blue
    assert differs(before, shown) and shown.blue() > shown.red()
    assert "in blue" in mode.dock.comparison.text()
    mode.compare_with(None)
    qtbot.wait(20)
    assert not mode.layer.has_earlier()
    assert not differs(before, pixel(grab(window), probe), 6)


def test_the_result_list_shows_at_least_eight_entries_at_1280_by_800(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    window.resize(1280, 800)
    qtbot.wait(50)
    window.view.fit()
    for point in outer_back_of_leg(window.atlas):
        settled(qtbot, mode, lambda point=point: click_plate(qtbot, window, point))
    qtbot.wait(50)
    results = mode.dock.results
    assert results.count() >= 8
    viewport = mode.dock.body_scroll.viewport()
    for row in range(8):
        rect = results.visualItemRect(results.item(row))
        top = results.viewport().mapTo(viewport, rect.topLeft())
        bottom = results.viewport().mapTo(viewport, rect.bottomLeft())
        assert top.y() >= 0 and bottom.y() <= viewport.height(), row


def test_marks_on_the_lateral_plate_are_ranked_with_its_own_zones(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    window.actions_by_name["view_lateral"].trigger()
    qtbot.waitUntil(lambda: mode.view_key == "lateral")
    window.view.fit()
    plate = window.atlas.plate_of("lateral")
    region = plate.region("zone_vastus_lateralis_essential")
    inside = [p for p in sample_points(region, 6.0) if region.contains(*p)]
    outer_thigh = inside[len(inside) // 2]
    settled(qtbot, mode, lambda: click_plate(qtbot, window, outer_thigh))
    assert listed(mode)[0] == "tp_vastus_lateralis"
    assert not mode.dock.message.isVisible()  # no "this plate shows no zones" notice
    assert window.view.zone_item("zone_vastus_lateralis_essential").isVisible()


def test_warnings_and_footnotes_stay_readable_in_a_dark_palette(
    qtbot: QtBot, window: MainWindow, mode: PainFinderMode
) -> None:
    with dark_palette_applied():
        settled(qtbot, mode, lambda: click_plate(qtbot, window, sitting_bone(window.atlas)))
        qtbot.wait(50)
        for label in (mode.dock.self_help, mode.dock.lookalikes):
            image = label.grab().toImage()
            background = QColor(image.pixel(1, 1))
            assert background.lightness() < 80
            pixels = [
                QColor(image.pixel(x, y))
                for x in range(0, image.width(), 2)
                for y in range(0, image.height(), 2)
            ]
            reds = [p for p in pixels if p.red() > p.green() + 40 and p.red() > p.blue() + 40]
            assert reds, label.objectName()  # the warning is still red ...
            # ... and its text reaches the WCAG AA contrast on the dark background
            assert max(contrast(p, background) for p in reds) >= 4.5, label.objectName()
