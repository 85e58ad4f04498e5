"""The plate follows what is read: a clicked ✕ shows its own zones only, pinned zones stay (and
only they come back at the next start), the selection outlines without covering the ✕, a group
or a nerve shows its members."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import show_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_viewer import click_plate, grab, pixel, visible_point

from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.userdata import UserData


@pytest.fixture
def window(fitted_window: MainWindow) -> MainWindow:
    return fitted_window


def drawn_zones(win: MainWindow) -> set[str]:
    return {z for z, item in win.view._zone_items.items() if item.isVisible()}


def test_clicking_a_second_x_replaces_the_first_ones_zones(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    kb = atlas.kb
    first, second = "tp_semitendinosus", "tp_biceps_femoris_long_head"
    assert set(kb.trigger_points[first].zones).isdisjoint(kb.trigger_points[second].zones)
    click_plate(qtbot, window, *visible_point(window, first))
    assert window.state.selection == first
    assert drawn_zones(window) == set(kb.trigger_points[first].zones)
    click_plate(qtbot, window, *visible_point(window, second))
    assert window.state.selection == second
    assert drawn_zones(window) == set(kb.trigger_points[second].zones)  # only the second's
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.state.selection is None
    assert drawn_zones(window) == set()


def test_pinned_zones_stay_and_only_they_come_back(
    qtbot: QtBot, window: MainWindow, atlas: Atlas, tmp_path: Path
) -> None:
    kb = atlas.kb
    window.actions_by_name["overlay_muscle_semimembranosus"].trigger()  # Referred pain menu
    pinned = {t.id for t in kb.trigger_points.values() if t.muscle == "semimembranosus"}
    assert window.state.pinned == pinned
    pinned_zones = {z for t in pinned for z in kb.trigger_points[t].zones}
    click_plate(qtbot, window, *visible_point(window, "tp_biceps_femoris_long_head"))
    click_plate(qtbot, window, *visible_point(window, "semitendinosus"))  # something else
    assert drawn_zones(window) == pinned_zones  # the pinned stay, the followed one went
    click_plate(qtbot, window, *visible_point(window, "tp_biceps_femoris_long_head"))
    assert "Pinned:" in window.panel.legend.text()
    window.close()
    again = show_window(qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"))
    assert again.state.pinned == pinned  # not the ✕ that was selected at the end…
    # …whose zones come back only with its selection, as they follow it
    assert again.state.overlays == pinned | {again.state.selection}
    again.state.select(None)
    assert again.state.overlays == pinned
    again.close()


def test_the_selected_muscle_is_outlined_and_its_x_stays_visible(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    tp = atlas.kb.trigger_points["tp_semitendinosus"]
    x, y = visible_point(window, tp.id)
    probe = window.view.scene_to_view(x, y)
    before = pixel(grab(window), probe)
    window.state.select("semitendinosus")
    qtbot.wait(10)
    after = pixel(grab(window), probe)
    # the ✕ is dark both times: the selection's tint is under it, not over it
    assert before.lightness() < 90 and after.lightness() < 90, (before.name(), after.name())


@pytest.mark.parametrize(
    ("record_id", "shown"),
    [
        ("hamstrings", ("semitendinosus", "semimembranosus", "biceps_femoris_long_head")),
        ("tibial_nerve", ("semitendinosus", "semimembranosus")),
    ],
)
def test_a_group_or_nerve_page_shows_its_members_on_the_plate(
    window: MainWindow, atlas: Atlas, record_id: str, shown: tuple[str, ...]
) -> None:
    window.state.select(record_id)
    paths = window.view._select_item._paths
    covered = {
        s
        for s in shown
        for region in atlas.kb.structures[s].svg_ids
        if window.view.plate.has(region)
        and any(p is window.view._region_path(region) for p in paths)
    }
    assert covered == set(shown)


@pytest.mark.parametrize("dock_action", ["notes_dock", "pain_mode", "quiz_show"])
def test_opening_or_closing_a_dock_leaves_the_plate_where_it_was(
    qtbot: QtBot, atlas: Atlas, tmp_path: Path, dock_action: str
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    win = show_window(
        qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"), features=True
    )
    action = win.actions_by_name[dock_action]
    x, y = visible_point(win, "semitendinosus")

    def on_screen() -> tuple[QPoint, float]:
        QApplication.processEvents()
        viewport = win.view.viewport()
        return viewport.mapToGlobal(win.view.scene_to_view(x, y)), win.view.transform().m11()

    before = on_screen()
    for _ in range(2):  # open, then close
        action.trigger()
        qtbot.wait(20)
        after = on_screen()
        assert after[1] == pytest.approx(before[1])  # not rescaled
        assert (after[0] - before[0]).manhattanLength() <= 1, (dock_action, before, after)
    win.close()


def test_a_trigger_points_page_rings_its_x(qtbot: QtBot, window: MainWindow, atlas: Atlas) -> None:
    click_plate(qtbot, window, *visible_point(window, "tp_semitendinosus"))
    (ring,) = window.view._ring_item._paths
    x0, y0, x1, y1 = window.view.plate.region("tp_semitendinosus").bbox
    assert ring.boundingRect().contains((x0 + x1) / 2, (y0 + y1) / 2)
    assert ring.boundingRect().width() > x1 - x0  # round the ✕, not on it
    window.state.select("semitendinosus")
    assert window.view._ring_item._paths == []
