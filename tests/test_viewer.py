"""The viewer as a user meets it: click, hover, toggle, type; see the panel and the pixels."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import HAMSTRINGS, contrast, dark_palette_applied, focus_plate
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from hamstring_viewer import resources
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.geometry import sample_points


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, atlas: Atlas, settings: QSettings) -> Iterator[MainWindow]:
    win = MainWindow(atlas, resources.plate_path().read_bytes(), settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    yield win
    win.close()


def visible_point(win: MainWindow, record_id: str) -> tuple[float, float]:
    """A point of the plate shown where the record is the topmost clickable thing (from the
    geometry)."""
    kb, plate = win.atlas.kb, win.view.plate
    record = kb.get(record_id)
    svg_ids = getattr(record, "svg_ids", None) or (getattr(record, "svg_id", None),)
    bindings = kb.svg_bindings()
    hidden = win.view.hidden_regions()  # a layer turned off cannot be clicked
    best: list[tuple[float, float]] = []
    for svg_id in svg_ids:
        # (a structure drawn in part: the quadriceps is vastus medialis alone on the posterior
        # plate, without its rectus femoris)
        if not plate.has(svg_id) or svg_id in hidden:
            continue
        for x, y in sample_points(plate.region(svg_id), 3.0):
            hit = plate.hit_test(x, y)
            if hit is not None and bindings.get(hit.id) == record_id:
                best.append((x, y))
    assert best, f"{record_id} has no visible point"
    # the most interior sample: the one with most visible neighbours
    pts = set(best)
    return max(
        best,
        key=lambda p: sum(
            (p[0] + dx, p[1] + dy) in pts for dx in (-3.0, 0, 3.0) for dy in (-3.0, 0, 3.0)
        ),
    )


def click_plate(qtbot: QtBot, win: MainWindow, x: float, y: float) -> None:
    pos = win.view.scene_to_view(x, y)
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def grab(win: MainWindow) -> QImage:
    return win.view.viewport().grab().toImage()


def pixel(image: QImage, pos: QPoint) -> QColor:
    dpr = image.devicePixelRatio()
    return image.pixelColor(int(pos.x() * dpr), int(pos.y() * dpr))


def differs(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return (
        abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > tolerance
    )


def test_window_opens_with_the_plate_fitted_a_welcome_and_a_legend(window: MainWindow) -> None:
    text = window.panel.text().lower()
    assert "welcome" in text and "click" in text
    assert "essential" in window.panel.legend.text().lower()
    assert window.view.sceneRect().width() > 0
    # the whole plate is in view
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.view.sceneRect().adjusted(1, 1, -1, -1))
    # the screenshot is not blank and shows the plate's colours (muscle red somewhere)
    image = window.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)
    }
    assert len(colours) > 50
    reds = [QColor(c) for c in colours]
    assert any(c.red() > 150 and c.green() < 120 and c.blue() < 110 for c in reds)


@pytest.mark.parametrize("muscle_id", HAMSTRINGS)
def test_click_a_muscle_and_the_panel_names_it_and_its_origin(
    qtbot: QtBot, window: MainWindow, muscle_id: str
) -> None:
    if muscle_id == "biceps_femoris_short_head":
        # the long head covers it from behind: it is clicked on the deep plate
        window.state.set_view("posterior_deep")
    x, y = visible_point(window, muscle_id)
    with qtbot.waitSignal(window.state.selectionChanged, timeout=2000):
        click_plate(qtbot, window, x, y)
    assert window.state.selection == muscle_id
    muscle = window.atlas.kb.structures[muscle_id]
    text = window.panel.text()
    assert muscle.name in text
    assert muscle.latin in text
    assert muscle.origin is not None
    assert muscle.origin.text.split(".")[0][:40] in " ".join(text.split())
    # its origin and insertion sites are marked on the bones
    assert window.view._origin_item.isVisible()
    assert window.view._insertion_item.isVisible()
    window.state.set_view("posterior")


def test_click_an_x_selects_the_trigger_point_and_draws_its_zones(
    qtbot: QtBot, window: MainWindow
) -> None:
    kb = window.atlas.kb
    tp = kb.trigger_points["tp_semitendinosus"]
    essential = kb.zones[tp.zones[0]]
    zx, zy = sample_points(window.atlas.plate.region(essential.svg_id), 20.0)[0]
    probe = window.view.scene_to_view(zx, zy)
    before = pixel(grab(window), probe)
    x, y = visible_point(window, tp.id)
    click_plate(qtbot, window, x, y)
    assert window.state.selection == tp.id
    text = window.panel.text()
    assert tp.name in text
    assert ", ".join(essential.regions) in text  # the card says where its pain is felt
    after = pixel(grab(window), probe)
    assert differs(before, after), (before.name(), after.name())


def test_overlay_toggles_change_the_pixels(qtbot: QtBot, window: MainWindow) -> None:
    zone = window.atlas.kb.zones["zone_biceps_femoris_essential"]
    zx, zy = sample_points(window.atlas.plate.region(zone.svg_id), 12.0)[0]
    probe = window.view.scene_to_view(zx, zy)
    none = pixel(grab(window), probe)
    window.actions_by_name["overlays_all"].trigger()
    shown = pixel(grab(window), probe)
    assert differs(none, shown)
    window.actions_by_name["overlays_none"].trigger()
    assert not differs(none, pixel(grab(window), probe), 3)
    window.actions_by_name["overlay_muscle_biceps_femoris_long_head"].trigger()
    assert window.state.overlays >= {"tp_biceps_femoris_long_head"}
    assert differs(none, pixel(grab(window), probe))


def test_zones_pinned_from_the_panel_stay_on_while_clicking_elsewhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    x, y = visible_point(window, "tp_biceps_femoris_long_head")
    click_plate(qtbot, window, x, y)
    assert window.view.zone_item("zone_biceps_femoris_essential").isVisible()
    x, y = visible_point(window, "gracilis")
    click_plate(qtbot, window, x, y)  # not pinned: the zones followed the ✕ and went with it
    assert not window.view.zone_item("zone_biceps_femoris_essential").isVisible()
    window.state.select("tp_biceps_femoris_long_head")
    window.panel.overlay_box.click()  # "Pin its referred pain on the plate"
    click_plate(qtbot, window, x, y)
    assert window.state.selection == "gracilis"
    assert "tp_biceps_femoris_long_head" in window.state.pinned
    assert window.view.zone_item("zone_biceps_femoris_essential").isVisible()


def test_layer_toggle_changes_the_pixels(qtbot: QtBot, window: MainWindow) -> None:
    x, y = visible_point(window, "tibial_nerve")
    probe = window.view.scene_to_view(x, y)
    shown = pixel(grab(window), probe)
    window.actions_by_name["layer_nerves"].trigger()
    assert not window.state.layer_visible("nerves")
    assert differs(shown, pixel(grab(window), probe))
    # a hidden layer is not clickable either
    click_plate(qtbot, window, x, y)
    assert window.state.selection != "tibial_nerve"


def test_neighbours_layer_hides_neighbouring_muscles(qtbot: QtBot, window: MainWindow) -> None:
    x, y = visible_point(window, "gluteus_maximus")
    probe = window.view.scene_to_view(x, y)
    shown = pixel(grab(window), probe)
    window.actions_by_name["layer_neighbours"].trigger()
    assert differs(shown, pixel(grab(window), probe))
    window.actions_by_name["layer_neighbours"].trigger()
    assert not differs(shown, pixel(grab(window), probe), 3)


def test_hover_highlights_and_names_the_structure(qtbot: QtBot, window: MainWindow) -> None:
    x, y = visible_point(window, "semimembranosus")
    pos = window.view.scene_to_view(x, y)
    before = pixel(grab(window), pos)
    qtbot.mouseMove(window.view.viewport(), pos)
    qtbot.waitUntil(lambda: window.state.hover == "semimembranosus", timeout=2000)
    assert "Semimembranosus" in window.statusBar().currentMessage()
    assert window.view.viewport().toolTip() == "Semimembranosus"
    assert differs(before, pixel(grab(window), pos), 6)


def test_an_empty_click_clears_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    x, y = visible_point(window, "semitendinosus")
    click_plate(qtbot, window, x, y)
    assert window.state.selection == "semitendinosus"
    click_plate(qtbot, window, 40, 40)  # far corner: no structure
    assert window.state.selection is None
    assert "welcome" in window.panel.text().lower()


def test_clicks_anywhere_never_raise(qtbot: QtBot, window: MainWindow) -> None:
    vp = window.view.viewport()
    for px in range(0, vp.width(), 37):
        for py in range(0, vp.height(), 41):
            qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=QPoint(px, py))
    # pytest-qt fails the test on any exception raised inside a Qt handler


def test_keyboard_alone_reaches_every_hamstring_and_trigger_point(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    reached: set[str] = set()
    for _ in range(len(window.view._nav_order)):
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
        if window.state.hover:
            reached.add(window.state.hover)
    wanted = set(HAMSTRINGS) | set(window.atlas.kb.trigger_points)
    assert wanted <= reached
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    focused = window.view.focused_record()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.state.selection == focused
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.state.selection is None


def test_links_select_their_target_and_back_forward_work(qtbot: QtBot, window: MainWindow) -> None:
    window.state.select("semitendinosus")
    from PySide6.QtCore import QUrl

    window.panel.browser.anchorClicked.emit(QUrl("record:tp_semitendinosus"))
    assert window.state.selection == "tp_semitendinosus"
    window.actions_by_name["back"].trigger()
    assert window.state.selection == "semitendinosus"
    window.actions_by_name["forward"].trigger()
    assert window.state.selection == "tp_semitendinosus"


def test_a_second_window_restores_the_settings(
    qtbot: QtBot, atlas: Atlas, settings: QSettings, window: MainWindow
) -> None:
    window.actions_by_name["layer_bones"].trigger()
    window.state.set_overlay("tp_semimembranosus_lower", True)
    window.state.select("semimembranosus")
    window.splitter.setSizes([900, 500])
    sizes = window.splitter.sizes()
    window.close()
    second = MainWindow(atlas, resources.plate_path().read_bytes(), settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert not second.state.layer_visible("bones")
    assert "tp_semimembranosus_lower" in second.state.overlays
    assert second.state.selection == "semimembranosus"
    assert second.splitter.sizes() == sizes
    second.close()


def test_zoom_keeps_the_art_and_fit_restores(qtbot: QtBot, window: MainWindow) -> None:
    fitted = window.view.zoom()
    window.actions_by_name["zoom_in"].trigger()
    window.actions_by_name["zoom_in"].trigger()
    assert window.view.zoom() > fitted * 1.5
    window.actions_by_name["fit"].trigger()
    assert window.view.zoom() == pytest.approx(fitted, rel=0.02)


def test_help_dialogs_have_content(window: MainWindow) -> None:
    assert "Tab" in window.shortcuts_html()
    about = window.about_html()
    assert "Licence" in about and "Niel Asher" in about


def test_pinch_zooms_toward_the_fingers(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
    from PySide6.QtWidgets import QApplication

    vp = window.view.viewport()
    before = window.view.zoom()
    centre = QPointF(vp.width() / 2, vp.height() / 3)
    under_fingers = window.view.mapToScene(centre.toPoint())
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        centre,
        centre,
        vp.mapToGlobal(centre),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(vp, event)
    assert window.view.zoom() == pytest.approx(before * 1.5, rel=0.01)
    # the plate point under the fingers stays under them
    after = window.view.mapToScene(centre.toPoint())
    assert abs(after.x() - under_fingers.x()) < 3 / window.view.zoom() + 1
    assert abs(after.y() - under_fingers.y()) < 3 / window.view.zoom() + 1


def test_dark_palette_keeps_the_panel_readable(qtbot: QtBot, window: MainWindow) -> None:
    with dark_palette_applied():
        click_plate(qtbot, window, *visible_point(window, "semitendinosus"))
        browser = window.panel.browser

        def background_now() -> QColor:
            return QColor(browser.viewport().grab().toImage().pixel(2, 2))

        # the panel follows the dark palette (palette changes reach widgets through events)
        qtbot.waitUntil(lambda: background_now().lightness() < 80, timeout=2000)
        image = browser.viewport().grab().toImage()
        background = QColor(image.pixel(2, 2))
        # the darkest-to-lightest spread inside the text is readable against the background
        colours = [
            QColor(image.pixel(x, y))
            for x in range(0, image.width(), 3)
            for y in range(0, min(image.height(), 300), 3)
        ]
        assert max(contrast(c, background) for c in colours) > 7
        legend = window.panel.legend.grab().toImage()
        legend_colours = [
            QColor(legend.pixel(x, y))
            for x in range(0, legend.width(), 2)
            for y in range(0, legend.height(), 2)
        ]
        legend_bg = QColor(legend.pixel(1, 1))
        assert max(contrast(c, legend_bg) for c in legend_colours) > 7


def test_plate_focus_and_selection_are_announced_to_screen_readers(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    focused = window.view.focused_record()
    assert focused is not None
    name = window.atlas.kb.get(focused).name  # type: ignore[union-attr]
    assert name in window.view.accessibleDescription()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.state.selection == focused
    assert name in window.view.accessibleDescription()
    for widget in (window.view, window.panel.browser, window.panel.legend):
        assert widget.accessibleName()
    for name, action in window.actions_by_name.items():
        assert action.text().replace("&", "").strip(), name


def test_started_as_the_app_the_features_join_right_after_the_first_paint(
    qtbot: QtBot, atlas: Atlas, settings: QSettings
) -> None:
    win = MainWindow(
        atlas, resources.plate_path().read_bytes(), settings, features="after_first_paint"
    )
    qtbot.addWidget(win)
    assert win.features == {}  # nothing of them delays the first paint
    win.show()
    qtbot.waitUntil(lambda: set(win.features) == {"search", "notes", "pain", "quiz", "export"})
    assert "search_find" in win.actions_by_name and "pain_mode" in win.actions_by_name
    win.close()


def test_arrow_keys_move_to_the_nearest_structure_in_that_direction(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.view
    focus_plate(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    start = view.focused_record()
    assert start is not None
    for key, dx, dy in (
        (Qt.Key.Key_Right, 1, 0),
        (Qt.Key.Key_Down, 0, 1),
        (Qt.Key.Key_Left, -1, 0),
        (Qt.Key.Key_Up, 0, -1),
    ):
        before = view.focused_record()
        assert before is not None
        here = view.focus_point(before)
        qtbot.keyClick(view, key)
        after = view.focused_record()
        assert after is not None and after != before, key
        there = view.focus_point(after)
        assert here is not None and there is not None
        # it went that way, and to the nearest structure that way (sideways offset counted double)
        along = (there.x() - here.x()) * dx + (there.y() - here.y()) * dy
        assert along > 0, key
        others = [
            view.focus_point(r)
            for r in view._nav_order
            if r not in (before, after) and view.focus_point(r) is not None
        ]

        def cost(p: QPointF, here: QPointF = here, dx: int = dx, dy: int = dy) -> float:
            a = (p.x() - here.x()) * dx + (p.y() - here.y()) * dy
            c = abs((p.x() - here.x()) * dy - (p.y() - here.y()) * dx)
            return a + 2 * c if a > 4 else float("inf")

        assert all(cost(there) <= cost(p) for p in others if p is not None), key


def test_tab_leaves_the_plate_for_the_panel_and_shift_tab_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.view
    focus_plate(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    focused = window.focusWidget()
    assert focused is not view and focused is not None
    # on through the panel ...
    assert window.panel.isAncestorOf(focused) or focused is window.panel
    # ... and back (the panel's links are walked first, as in a web page)
    for _ in range(40):
        if window.focusWidget() is view:
            break
        widget = window.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.focusWidget() is view


def test_hiding_the_neighbouring_muscles_hides_their_trigger_points_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.view
    x0, y0, x1, y1 = view.plate.region("tp_piriformis").bbox
    mark = ((x0 + x1) / 2, (y0 + y1) / 2)
    assert view.record_at(QPointF(*mark)) == "tp_piriformis"
    window.state.set_layer_visible("neighbours", False)
    hidden = view.hidden_regions()
    assert "tp_piriformis" in hidden and "tp_gastrocnemius_medial" in hidden
    assert "tp_semitendinosus" not in hidden  # the hamstrings' stay
    assert view.record_at(QPointF(*mark)) != "tp_piriformis"
    drawn = re.search(rb'<path id="tp_piriformis"[^>]*>', view._art_data)
    assert drawn is not None and b'display="none"' in drawn.group()  # not drawn either
    window.state.set_layer_visible("neighbours", True)
    assert view.record_at(QPointF(*mark)) == "tp_piriformis"
