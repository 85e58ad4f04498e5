"""Several plates (views) of the same anatomy: the registry, the check of every plate, the
switcher, the selection across views, clicks on every view, layer toggles (the new Vessels
layer included) and the plates' credit in exports.

Nothing here depends on the placeholder plates' coordinates or on which structures they
draw: points come from the geometry and expectations from the loaded plates.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_content
from PySide6.QtCore import QByteArray, QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from hamstring_viewer import resources
from hamstring_viewer._qt.plate_view import PAPER, LabelItem
from hamstring_viewer._qt.window import SHORTCUTS, MainWindow
from hamstring_viewer.atlas import Atlas
from hamstring_viewer.catalog import check, load_atlas
from hamstring_viewer.describe import KIND_LABELS, plain_name
from hamstring_viewer.geometry import CLICK_LAYERS, LAYER_LABELS, Plate, Region, sample_points
from hamstring_viewer.svgdoc import plate_variant
from hamstring_viewer.userdata import UserData

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------------------------
# helpers


def open_window(
    qtbot: QtBot, atlas: Atlas, tmp_path: Path, name: str = "settings.ini"
) -> MainWindow:
    """A shown 1400×900 window on this atlas; each plate's SVG is read from its file (``{}``:
    no SVG text given), so a test's own plates are what the window paints."""
    settings = QSettings(str(tmp_path / name), QSettings.Format.IniFormat)
    win = MainWindow(atlas, {}, settings, userdata=UserData.open(tmp_path / "user"), features=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    return win


def drawn_on(atlas: Atlas, view_key: str, record_id: str) -> bool:
    return view_key in atlas.views_of(record_id)


def clickable(plate: Plate) -> list[Region]:
    return [r for r in plate.regions if r.layer in CLICK_LAYERS]


def press(qtbot: QtBot, win: MainWindow, shortcut: str) -> None:
    """Type a shortcut like Ctrl+3 on the plate (of the active window, as a user would)."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    win.view.setFocus()
    key = getattr(Qt.Key, f"Key_{shortcut.split('+')[-1]}")
    qtbot.keyClick(win.view, key, Qt.KeyboardModifier.ControlModifier)


def clickable_point(win: MainWindow, region: Region) -> QPoint | None:
    """A viewport pixel whose scene point is inside ``region`` and where ``region`` is the
    topmost clickable region (the geometry's hit test), or None if there is none: the
    candidate with most candidates around it (away from the edges)."""
    plate = win.view.plate
    x0, y0, x1, y1 = region.bbox
    rect = win.view.viewport().rect()
    for fine in (12.0, 40.0):
        step = max(0.5, min(x1 - x0, y1 - y0) / fine)
        found: dict[tuple[int, int], QPoint] = {}
        for x, y in sample_points(region, step):
            pos = win.view.scene_to_view(x, y)
            if not rect.contains(pos):
                continue
            back = win.view.mapToScene(pos)
            hit = plate.hit_test(back.x(), back.y())
            if hit is not None and hit.id == region.id:
                found[(round((x - x0) / step), round((y - y0) / step))] = pos
        if found:
            best = max(
                found,
                key=lambda k: sum(
                    (k[0] + dx, k[1] + dy) in found for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                ),
            )
            return found[best]
    return None


def grab(win: MainWindow) -> QImage:
    return win.view.viewport().grab().toImage()


def colour_at(image: QImage, pos: QPoint) -> QColor:
    dpr = image.devicePixelRatio()
    return image.pixelColor(int(pos.x() * dpr), int(pos.y() * dpr))


def distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


# --------------------------------------------------------------------------------------------
# the registry and the check (Qt-free)


def test_the_views_registry_names_five_plates_with_their_files_and_shortcuts() -> None:
    views = resources.views()
    assert [v.key for v in views] == [
        "posterior",
        "posterior_deep",
        "medial",
        "lateral",
        "cross_section",
    ]
    assert [v.shortcut for v in views] == [f"Ctrl+{i}" for i in range(1, 6)]
    for v in views:
        assert resources.plate_path(v.key).name == v.file
        assert resources.plate_path(v.key).is_file()
    assert resources.plate_path() == resources.plate_path("posterior")
    with pytest.raises(KeyError) as info:
        resources.plate_path("anterior")
    assert "anterior" in str(info.value) and "posterior_deep" in str(info.value)


def test_the_atlas_holds_one_plate_per_view_and_the_posterior_as_its_plate(
    atlas: Atlas,
) -> None:
    assert list(atlas.plates) == [v.key for v in resources.views()]
    assert atlas.plate is atlas.plates["posterior"]
    for key, plate in atlas.plates.items():
        assert Path(plate.source).name == resources.view(key).file
        for record_id, (x, y) in atlas.anchors_of(key).items():  # anchors lie on their plate
            hit = plate.hit_test(x, y)
            assert hit is not None and atlas.kb.svg_bindings()[hit.id] == record_id


def test_the_shipped_content_passes_the_check_on_every_plate() -> None:
    loaded, problems = check(resources.data_dir(), resources.plate_paths())
    assert problems == []
    assert loaded is not None and set(loaded.plates) == {v.key for v in resources.views()}


def copy_plates(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    return copy_content(tmp_path)


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_viewer", "check", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_check_names_the_views_each_record_appears_in(atlas: Atlas) -> None:
    result = run_check("--views")
    assert result.returncode == 0, result.stderr
    lines = dict(
        line.split(": ", 1) for line in result.stdout.splitlines() if re.match(r"^\w+: ", line)
    )
    drawn = [rid for rid in (*atlas.kb.structures, *atlas.kb.trigger_points) if atlas.views_of(rid)]
    assert drawn
    for record_id in drawn:
        assert lines[record_id].split(", ") == atlas.views_of(record_id)
    # and a summary line per view, whatever the flags
    assert "views: posterior (" in run_check().stdout


def test_check_reports_a_problem_on_any_plate_with_its_file(tmp_path: Path) -> None:
    data, plates = copy_plates(tmp_path)
    medial = plates["medial"]
    text = medial.read_text(encoding="utf-8")
    # an unbound region on the medial plate, and a record naming an id on no plate
    text = text.replace(
        'inkscape:label="Bones">',
        'inkscape:label="Bones"><path id="stray_bone" d="M 0,0 L 10,0 L 10,10 Z"/>',
        1,
    )
    medial.write_text(text, encoding="utf-8")
    toml = data / "structures" / "femur.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('svg_ids = ["femur"]', 'svg_ids = ["femurr"]'),
        encoding="utf-8",
    )
    result = run_check(str(data), *(str(p) for p in plates.values()))
    assert result.returncode == 1
    err = result.stderr
    assert "medial_thigh.svg" in err and "stray_bone" in err and "has no record" in err
    assert "femur.toml" in err and "'femurr'" in err and "not on any of the plates" in err


def test_an_id_drawn_on_some_plates_only_is_fine(atlas: Atlas) -> None:
    partial = [
        rid
        for rid in atlas.kb.structures
        if atlas.views_of(rid) and len(atlas.views_of(rid)) < len(atlas.plates)
    ]
    if not partial:
        pytest.skip("every drawn structure is on every plate")
    _, problems = check(resources.data_dir(), resources.plate_paths())
    assert problems == []


# --------------------------------------------------------------------------------------------
# the Vessels layer and the vessel kind


@pytest.fixture(scope="module")
def vessel_content(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the shipped data and posterior plate, whose Vessels layer (between Deep
    muscles and Nerves) draws the popliteal vessels and the small saphenous vein."""
    tmp = tmp_path_factory.mktemp("vessel")
    data = tmp / "data"
    shutil.copytree(resources.data_dir(), data)
    plate = tmp / "posterior_thigh.svg"
    shutil.copy(resources.plate_path(), plate)
    for path in resources.plate_paths().values():  # the other views beside it
        if not (tmp / path.name).exists():
            shutil.copy(path, tmp / path.name)
    return data, plate


@pytest.fixture(scope="module")
def vessel_atlas(vessel_content: tuple[Path, Path]) -> Atlas:
    return load_atlas(*vessel_content)


def test_vessels_are_a_layer_and_a_kind(vessel_atlas: Atlas) -> None:
    assert list(LAYER_LABELS.values()).index("vessels") == (
        list(LAYER_LABELS.values()).index("deep") + 1
    )
    assert list(LAYER_LABELS.values()).index("nerves") == (
        list(LAYER_LABELS.values()).index("vessels") + 1
    )
    assert "vessels" in CLICK_LAYERS
    region = vessel_atlas.plate.region("popliteal_artery")
    assert region.layer == "vessels"
    artery = vessel_atlas.kb.structures["popliteal_artery"]
    assert artery.kind == "vessel" and artery.innervation is None
    assert KIND_LABELS["vessel"] == "Blood vessel"
    # a plate without the layer (the cross-section draws its vessels, the lateral view none)
    # is fine too
    assert "vessels" not in vessel_atlas.plates["lateral"].layer_ids


def test_a_vessel_drawn_outside_the_vessels_layer_is_reported(
    tmp_path: Path, vessel_content: tuple[Path, Path]
) -> None:
    data, plate = vessel_content
    moved = tmp_path / "posterior_thigh.svg"  # checked alone, without the other views
    text = plate.read_text(encoding="utf-8")
    text = text.replace('id="layer_vessels"', 'id="layer_vessels_x"')
    text = text.replace('inkscape:label="Vessels"', 'inkscape:label="Silhouette"')
    moved.write_text(text, encoding="utf-8")
    _, problems = check(data, moved)
    assert any("popliteal_artery" in str(p) and "not on the plate" in str(p) for p in problems)


def test_the_vessel_is_clicked_named_and_described(
    qtbot: QtBot, vessel_atlas: Atlas, tmp_path: Path
) -> None:
    win = open_window(qtbot, vessel_atlas, tmp_path)
    point = clickable_point(win, vessel_atlas.plate.region("popliteal_artery"))
    assert point is not None
    with qtbot.waitSignal(win.state.selectionChanged, timeout=2000):
        qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert win.state.selection == "popliteal_artery"
    assert "Popliteal artery" in win.panel.text() and "Blood vessel" in win.panel.text()
    assert win.view.label_items("popliteal_artery")  # it gets a label like a nerve
    win.close()


# --------------------------------------------------------------------------------------------
# layer toggles hide everything of their layer


#: layer toggle -> (SVG element ids the toggle hides; structure kinds it hides)
def hidden_by(toggle: str, atlas: Atlas) -> tuple[set[str], set[str]]:
    kinds = {
        "bones": {"bone", "landmark"},
        "neighbours": {"muscle"},
        "vessels": {"vessel"},
        "nerves": {"nerve"},
    }[toggle]
    if toggle == "neighbours":  # the neighbouring muscles, with their trigger points' ✕ marks
        kb = atlas.kb
        ids = {i for s in kb.structures.values() if s.kind == "muscle" for i in s.svg_ids}
        ids |= {
            tp.svg_id
            for tp in kb.trigger_points.values()
            if tp.muscle in kb.structures and kb.structures[tp.muscle].kind == "muscle"
        }
    else:
        ids = {atlas.plate.layer_ids[toggle]}
    return ids, kinds


def expected_art(win: MainWindow, svg: bytes, hidden: set[str]) -> QImage:
    """The plate's SVG without the hidden elements (and without the zones, which the view
    shows only as overlays), rendered with the view's transform."""
    renderer = QSvgRenderer(QByteArray(plate_variant(svg, {*hidden, "layer_zones"})))
    viewport = win.view.viewport()
    ratio = viewport.devicePixelRatioF()
    image = QImage(viewport.size() * ratio, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(PAPER))
    painter = QPainter(image)
    painter.setRenderHints(win.view.renderHints())
    painter.setWorldTransform(win.view.viewportTransform())
    renderer.render(painter, QRectF(*win.view.plate.view_box))
    painter.end()
    return image


def label_points(win: MainWindow, record_id: str) -> list[QPoint]:
    """Viewport pixels inside a record's label and along its leader line."""
    points: list[QPoint] = []
    for item in win.view.label_items(record_id):
        if isinstance(item, LabelItem):
            origin = win.view.mapFromScene(item.pos())
            rect = item.boundingRect().toRect().translated(origin)
            for x in range(rect.left() + 2, rect.right() - 1, 2):
                for y in range(rect.top() + 2, rect.bottom() - 1, 2):
                    points.append(QPoint(x, y))
        else:
            path = item.shape() if not hasattr(item, "path") else item.path()
            for i in range(1, 40):
                p = path.pointAtPercent(i / 40)
                points.append(win.view.mapFromScene(QPointF(p)))
    return points


@pytest.mark.parametrize("toggle", ["bones", "neighbours", "vessels", "nerves"])
def test_hiding_a_layer_leaves_no_pixel_of_its_art_labels_or_leaders(
    qtbot: QtBot,
    vessel_atlas: Atlas,
    vessel_content: tuple[Path, Path],
    tmp_path: Path,
    toggle: str,
) -> None:
    win = open_window(qtbot, vessel_atlas, tmp_path)
    svg = vessel_content[1].read_bytes()
    ids, kinds = hidden_by(toggle, vessel_atlas)
    records = [s.id for s in vessel_atlas.kb.structures.values() if s.kind in kinds and s.svg_ids]
    regions = [r for r in win.view.plate.regions if r.id in win.view.hidden_regions() or False]
    assert not regions  # nothing hidden yet
    labelled = [rid for rid in records if win.view.label_items(rid)]
    with_labels_before = grab(win)
    win.state.set_layer_visible("labels", False)
    before = grab(win)

    win.actions_by_name[f"layer_{toggle}"].trigger()
    assert not win.state.layer_visible(toggle)
    after = grab(win)
    expected = expected_art(win, svg, ids)
    hidden = win.view.hidden_regions()
    regions = [r for r in win.view.plate.regions if r.id in hidden]
    assert regions
    points = [
        win.view.scene_to_view(x, y) for region in regions for x, y in sample_points(region, 5.0)
    ]
    points = [p for p in points if win.view.viewport().rect().contains(p)]
    assert points
    # the art of the layer is gone: the view paints what the plate has without it
    wrong = [p for p in points if distance(colour_at(after, p), colour_at(expected, p)) > 45]
    assert len(wrong) <= 0.02 * len(points), (len(wrong), len(points))
    # ... and it was there before (the comparison can see a difference)
    changed = [p for p in points if distance(colour_at(before, p), colour_at(after, p)) > 45]
    assert changed
    # labels and leader lines of the layer's structures are hidden, the others stay
    win.state.set_layer_visible("labels", True)
    with_labels_after = grab(win)
    for rid in labelled:
        assert all(not item.isVisible() for item in win.view.label_items(rid))
        pts = [p for p in label_points(win, rid) if win.view.viewport().rect().contains(p)]
        left = [
            p for p in pts if distance(colour_at(with_labels_after, p), colour_at(after, p)) > 45
        ]
        assert len(left) <= 0.03 * len(pts), (rid, len(left), len(pts))
        shown = [
            p for p in pts if distance(colour_at(with_labels_before, p), colour_at(before, p)) > 45
        ]
        assert shown, rid  # the label was drawn before the layer was hidden
    others = [item for item in win.view.label_items() if item.isVisible()]
    assert others
    # hidden regions do not answer clicks either
    for region in regions[:5]:
        for x, y in sample_points(region, 5.0)[:3]:
            assert win.view.record_at(QPointF(x, y)) not in records
    win.close()


# --------------------------------------------------------------------------------------------
# switching views


@pytest.fixture
def window(qtbot: QtBot, atlas: Atlas, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, atlas, tmp_path)
    yield win
    win.close()


def scene_regions(win: MainWindow) -> set[str]:
    return set(win.view._hit)


def test_shortcuts_switch_the_plate_and_the_scene_shows_its_regions(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    assert window.state.view == "posterior"
    for v in resources.views():
        if v.key == window.state.view:
            continue
        with qtbot.waitSignal(window.state.viewChanged, timeout=2000) as signal:
            press(qtbot, window, v.shortcut)
        assert signal.args == [v.key]
        assert window.state.view == v.key
        assert window.view.plate is atlas.plates[v.key]
        assert scene_regions(window) == {r.id for r in clickable(atlas.plates[v.key])}
        assert window.actions_by_name[f"view_{v.key}"].isChecked()
        # the new plate is fitted: all of it is in view
        visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
        assert visible.contains(window.view.sceneRect().adjusted(1, 1, -1, -1))
    # the same shortcut again is no change
    with qtbot.assertNotEmitted(window.state.viewChanged):
        press(qtbot, window, resources.views()[-1].shortcut)
    assert any("Ctrl 1" in keys for keys, _ in SHORTCUTS)


def test_the_toolbar_and_the_menu_switch_the_plate(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    action = window.actions_by_name["view_cross_section"]
    assert window.plate_toolbar is not None
    button = window.plate_toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isVisible()
    with qtbot.waitSignal(window.view.plateChanged, timeout=2000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.state.view == "cross_section"
    assert scene_regions(window) == {r.id for r in clickable(atlas.plates["cross_section"])}
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "plateMenu")
    assert menu is not None
    titles = [a.text() for a in menu.actions()]
    assert titles == [v.title for v in resources.views()]
    menu.actions()[0].trigger()
    assert window.state.view == "posterior"
    assert not window.actions_by_name["view_cross_section"].isChecked()


def test_setting_the_same_view_emits_nothing_and_an_unknown_view_is_an_error(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.assertNotEmitted(window.state.viewChanged):
        window.state.set_view(window.state.view)
    with pytest.raises(KeyError, match="posterior_deep"):
        window.state.set_view("anterior")
    # a switch made elsewhere (not through the actions) checks the one plate button
    window.state.set_view("lateral")
    checked = [k for k in window.atlas.plates if window.actions_by_name[f"view_{k}"].isChecked()]
    assert checked == ["lateral"]


def test_the_selection_survives_a_switch_and_is_highlighted_in_the_new_view(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    # a hamstring drawn on the posterior plate and on at least one other: clicked, then shown
    candidates = [
        s.id
        for s in atlas.kb.hamstrings
        if "posterior" in atlas.views_of(s.id) and len(atlas.views_of(s.id)) > 1
    ]
    assert candidates
    rid = "semimembranosus" if "semimembranosus" in candidates else candidates[0]
    point = clickable_point(window, atlas.plate.region(atlas.kb.structures[rid].svg_ids[0]))
    assert point is not None
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.state.selection == rid
    for key in atlas.views_of(rid):
        if key == "posterior":
            continue
        with qtbot.assertNotEmitted(window.state.selectionChanged):
            press(qtbot, window, resources.view(key).shortcut)
        assert window.state.selection == rid
        drawn = [i for i in atlas.kb.structures[rid].svg_ids if atlas.plates[key].has(i)]
        highlight = window.view._select_item
        assert highlight.isVisible() and len(highlight.paths()) == len(drawn)
        # the highlight is on the new plate's shape of it
        region = atlas.plates[key].region(drawn[0])
        x, y = sample_points(region, 3.0)[0]
        assert any(path.contains(QPointF(x, y)) for path in highlight.paths())
        assert plain_name(atlas.kb, rid) in window.panel.text()


def test_a_selection_not_drawn_in_the_new_view_is_said_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    pairs = [
        (rid, key)
        for rid in (*atlas.kb.structures, *atlas.kb.trigger_points)
        if "posterior" in atlas.views_of(rid)
        for key in atlas.plates
        if key not in atlas.views_of(rid)
    ]
    assert pairs  # the plates differ (placeholders and real plates alike)
    rid, key = pairs[0]
    window.state.select(rid)
    press(qtbot, window, resources.view(key).shortcut)
    assert window.state.view == key
    name = plain_name(atlas.kb, rid)
    message = window.statusBar().currentMessage()
    assert f"{name} is not shown in this view" in message
    assert window.state.selection == rid
    assert name in window.panel.text()  # the panel still shows it
    assert not window.view._select_item.isVisible()


def test_the_view_is_restored_at_the_next_start(qtbot: QtBot, atlas: Atlas, tmp_path: Path) -> None:
    first = open_window(qtbot, atlas, tmp_path, "restore.ini")
    press(qtbot, first, resources.view("medial").shortcut)
    first.state.select("semimembranosus")
    assert first.state.view == "medial"
    first.close()
    second = open_window(qtbot, atlas, tmp_path, "restore.ini")
    assert second.state.view == "medial"
    assert second.view.plate is atlas.plates["medial"]
    assert second.actions_by_name["view_medial"].isChecked()
    assert second.state.selection == "semimembranosus"
    assert scene_regions(second) == {r.id for r in clickable(atlas.plates["medial"])}
    second.close()


def test_every_clickable_region_of_every_view_opens_its_record(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    bindings = atlas.kb.svg_bindings()
    checked = 0
    covered: list[tuple[str, Region]] = []
    for v in resources.views():
        if window.state.view != v.key:
            press(qtbot, window, v.shortcut)
        assert window.state.view == v.key
        for region in clickable(atlas.plates[v.key]):
            point = clickable_point(window, region)
            zoomed = point is None
            if zoomed:  # too small at this zoom: zoom in on it
                x0, y0, x1, y1 = region.bbox
                window.view.fitInView(
                    QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-30, -30, 30, 30),
                    Qt.AspectRatioMode.KeepAspectRatio,
                )
                point = clickable_point(window, region)
            if point is None:  # only a sliver shows: zoom in on a visible point of it
                plate = atlas.plates[v.key]
                spot = next(
                    (
                        (x, y)
                        for x, y in sample_points(region, step=1.5)
                        if (hit := plate.hit_test(x, y, CLICK_LAYERS)) is not None
                        and hit.id == region.id
                    ),
                    None,
                )
                if spot is not None:
                    zoomed = True
                    window.view.fitInView(
                        QRectF(spot[0] - 12, spot[1] - 12, 24, 24),
                        Qt.AspectRatioMode.KeepAspectRatio,
                    )
                    point = window.view.scene_to_view(*spot)
            if point is None:  # wholly covered on this plate: nobody can click it
                covered.append((v.key, region))
                window.view.fit()
                continue
            record_id = bindings[region.id]
            assert window.view.record_at_view(point) == record_id, (v.key, region.id)
            qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
            assert window.state.selection == record_id, (v.key, region.id)
            assert plain_name(atlas.kb, record_id) in window.panel.text()
            checked += 1
            if zoomed:
                window.view.fit()
    # what was not clicked is wholly covered by what lies over it (as the greater trochanter
    # under gluteus maximus on the superficial plate): the geometry finds no visible point
    for key, region in covered:
        plate = atlas.plates[key]
        seen = (plate.hit_test(x, y, CLICK_LAYERS) for x, y in sample_points(region, step=1.5))
        assert not any(hit is not None and hit.id == region.id for hit in seen), (key, region.id)
    assert checked + len(covered) == sum(len(clickable(p)) for p in atlas.plates.values())
    assert checked >= 0.8 * (checked + len(covered))


def test_a_compiled_atlas_reads_a_plate_only_when_it_is_asked_for(
    atlas: Atlas, tmp_path: Path
) -> None:
    """A start from the compiled atlas reads the plate it shows, not every view's."""
    from hamstring_viewer.atlas import load_atlas_cached

    again = load_atlas_cached(resources.data_dir(), resources.plate_paths(), tmp_path / "cache")
    assert list(again.plates) == list(atlas.plates)
    assert again.plates.loaded() == ()
    assert "medial" in again.plates and again.plates.loaded() == ()
    medial = again.plates["medial"]
    assert again.plates.loaded() == ("medial",)
    assert [r.id for r in medial.regions] == [r.id for r in atlas.plates["medial"].regions]
    assert again.anchors_of("medial") == atlas.anchors_of("medial")


def test_the_cache_key_covers_every_plate(tmp_path: Path) -> None:
    from hamstring_viewer.atlas import content_key

    data, plates = copy_plates(tmp_path)
    key = content_key(data, plates)
    medial = plates["medial"]
    medial.write_bytes(medial.read_bytes() + b"\n")
    assert content_key(data, plates) != key
    assert content_key(data, {**plates, "extra": plates["lateral"]}) != content_key(data, plates)


def test_overlays_zoom_hover_and_labels_work_on_every_view(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    window.actions_by_name["overlays_all"].trigger()
    for v in resources.views():
        press(qtbot, window, v.shortcut)
        plate = atlas.plates[v.key]
        zones = [z.id for z in atlas.kb.zones.values() if plate.has(z.svg_id)]
        for zone_id in zones:  # the user's overlays are drawn with this plate's zones
            item = window.view.zone_item(zone_id)
            assert item.isVisible()
            x0, y0, x1, y1 = plate.region(atlas.kb.zones[zone_id].svg_id).bbox
            assert item.boundingRect().contains(QPointF((x0 + x1) / 2, (y0 + y1) / 2))
        # labels: one per labelled structure this plate anchors, each at its anchor
        labelled = {rid for rid in atlas.anchors_of(v.key) if window.view.label_items(rid)}
        assert labelled and labelled <= set(atlas.anchors_of(v.key))
        # hover names what is under the pointer
        region = next(r for r in clickable(plate) if clickable_point(window, r) is not None)
        point = clickable_point(window, region)
        assert point is not None
        qtbot.mouseMove(window.view.viewport(), point)
        qtbot.waitUntil(lambda: window.state.hover is not None, timeout=2000)
        assert window.state.hover == atlas.kb.svg_bindings()[region.id]
        # zoom in and fit again
        before = window.view.zoom()
        window.actions_by_name["zoom_in"].trigger()
        assert window.view.zoom() > before
        window.actions_by_name["fit"].trigger()
        assert window.view.zoom() == pytest.approx(before)
        qtbot.mouseMove(window.view.viewport(), QPoint(1, 1))


@pytest.mark.parametrize("size", [(1500, 950), (760, 520)])
def test_labels_stay_on_the_plate_at_any_window_size(
    qtbot: QtBot, window: MainWindow, atlas: Atlas, size: tuple[int, int]
) -> None:
    """Every label's text lies inside the plate's rectangle on screen, on every view, in a
    large and a small window (a label too long for the room is shortened, not cut off)."""
    window.resize(*size)
    qtbot.wait(50)
    for v in resources.views():
        press(qtbot, window, v.shortcut)
        window.view.fit()
        x0, y0, w, h = atlas.plates[v.key].view_box
        plate_rect = window.view.mapFromScene(QRectF(x0, y0, w, h)).boundingRect()
        labels = [i for i in window.view.label_items() if isinstance(i, LabelItem)]
        assert labels, v.key
        for item in labels:
            origin = window.view.mapFromScene(item.pos())
            rect = item.boundingRect().translated(origin.x(), origin.y()).toRect()
            assert plate_rect.adjusted(-1, -1, 1, 1).contains(rect), (v.key, item.text, size)


# --------------------------------------------------------------------------------------------
# a structure drawn as several regions is highlighted as one


def test_outlines_drawn_together_never_cancel_out_where_they_overlap(qtbot: QtBot) -> None:
    from hamstring_viewer._qt.paths import merged_paths, outline_path
    from hamstring_viewer.geometry import parse_plate

    head = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/'
        'namespaces/inkscape" viewBox="0 0 200 100"><g inkscape:groupmode="layer" '
        'inkscape:label="Deep muscles">'
    )
    shapes = (
        # two squares that overlap between x 20 and 30, drawn the opposite way round
        '<path id="one" d="M 0 0 L 30 0 L 30 30 L 0 30 Z"/>'
        '<path id="two" d="M 20 0 L 20 30 L 50 30 L 50 0 Z"/>'
        # a lens of two curves (its ends alone do not tell which way it runs), a ring with
        # a hole, and a shape filled even-odd: each drawn on its own
        '<path id="lens" d="M 60 50 C 70 30 90 30 100 50 C 90 70 70 70 60 50 Z"/>'
        '<path id="ring" d="M 110 0 L 150 0 L 150 40 L 110 40 Z M 120 10 L 120 30 L 140 30'
        ' L 140 10 Z"/>'
        '<path id="odd" fill-rule="evenodd" d="M 160 0 L 190 0 L 190 30 L 160 30 Z"/>'
    )
    plate, problems = parse_plate((head + shapes + "</g></svg>").encode())
    assert plate is not None and not problems
    made = {rid: outline_path(plate.region(rid)) for rid in ("one", "two", "lens", "ring", "odd")}
    assert {rid for rid, (_path, mergeable) in made.items() if mergeable} == {"one", "two"}
    # as drawn: one path for the squares (filled where they overlap), the others as they are
    paths = [path for path, _m in made.values()]
    drawn = merged_paths(paths, [m for _p, m in made.values()])
    assert len(drawn) == 4
    both = drawn[0]
    for x, y in ((10, 15), (25, 15), (40, 15)):
        assert both.contains(QPointF(x, y)), (x, y)
    # merging them the way they were drawn would have left the overlap empty
    naive = QPainterPath()
    naive.setFillRule(Qt.FillRule.WindingFill)
    for rid in ("one", "two"):
        naive.addPath(painter_path_of(plate.region(rid)))
    assert not naive.contains(QPointF(25, 15))
    # the ring keeps its hole
    ring = drawn[2]
    assert ring.contains(QPointF(115, 5)) and not ring.contains(QPointF(130, 20))


def painter_path_of(region: Region) -> QPainterPath:
    """The region's path as drawn, point by point (no turning round)."""
    path = QPainterPath()
    for poly in region.polygons:
        path.moveTo(*poly[0])
        for x, y in poly[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
    return path


def test_a_structure_of_several_regions_is_tinted_in_each_when_selected(
    qtbot: QtBot, window: MainWindow, atlas: Atlas
) -> None:
    plate = atlas.plate
    structure = max(
        (s for s in atlas.kb.structures.values() if s.kind == "muscle"),
        key=lambda s: sum(plate.has(i) for i in s.svg_ids),
    )
    ids = [i for i in structure.svg_ids if plate.has(i)]
    assert len(ids) >= 2
    window.state.set_layer_visible("labels", False)
    before = grab(window)
    window.state.select(structure.id)
    qtbot.waitUntil(lambda: window.view._select_item.isVisible())
    after = grab(window)
    rect = window.view.viewport().rect()
    for rid in ids:
        points = [
            pos
            for x, y in sample_points(plate.region(rid), 2.0)
            if rect.contains(pos := window.view.scene_to_view(x, y))
        ]
        assert points, rid
        tinted = [p for p in points if distance(colour_at(before, p), colour_at(after, p)) > 12]
        assert len(tinted) >= 0.9 * len(points), (rid, len(tinted), len(points))


def test_every_art_layer_item_stays_cached_up_to_four_times_the_fitted_zoom(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The trigger points' ✕ marks are an SVG item over the zones. Qt keeps such an item's
    picture only while its device size is within the item's maximum cache size and the
    picture fits in the pixmap cache; beyond them it is drawn again from the SVG at every
    repaint it takes part in (a click, a hover). On every view, fitted and zoomed in four
    times, each art item fits both."""
    from PySide6.QtGui import QPixmapCache
    from PySide6.QtSvgWidgets import QGraphicsSvgItem

    view = window.view
    for key in window.atlas.plates:
        window.state.set_view(key)
        view.fit()
        items = [i for i in view.scene().items() if isinstance(i, QGraphicsSvgItem)]
        assert items or key == "cross_section", key  # (no trigger point on the section)
        for zoom in (1.0, 4.0):
            if zoom > 1.0:
                view.zoom_by(zoom)
            for item in items:
                device = view.mapFromScene(item.mapToScene(item.boundingRect())).boundingRect()
                limit = item.maximumCacheSize()
                assert device.width() <= limit.width(), (key, zoom, device)
                assert device.height() <= limit.height(), (key, zoom, device)
                assert device.width() * device.height() * 4 <= QPixmapCache.cacheLimit() * 1024


def test_what_the_window_keeps_is_left_out_of_later_garbage_collections(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The plates, pages and features live as long as the window and make no garbage
    cycles; a full pass of the cyclic collector over them (with detailed plates, 50-150 ms
    every few dozen clicks) would land inside a click. So once start-up's idle-time work is
    done, and after a view's plate is first shown, what exists is frozen out of later passes
    (``gc.freeze``)."""
    import gc

    qtbot.waitUntil(lambda: not window._warm_timer.isActive(), timeout=30_000)
    frozen = gc.get_freeze_count()
    assert frozen > 0
    keys = [k for k in window.atlas.plates if k != window.state.view]
    window.state.set_view(keys[0])
    qtbot.waitUntil(lambda: gc.get_freeze_count() > frozen, timeout=5_000)
