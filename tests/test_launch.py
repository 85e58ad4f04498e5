"""Start-up as the app does it: the window paints the snapshot of the last session at once,
then goes live; clicks made meanwhile are answered; a stale or damaged snapshot is not shown."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hamstring_viewer._qt import launch
from hamstring_viewer._qt.app import save_start_snapshot, start_window
from hamstring_viewer._qt.launch import SnapshotWidget
from hamstring_viewer._qt.plate_view import PAPER
from hamstring_viewer._qt.window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def places(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(settings file, cache folder) of one user."""
    yield tmp_path / "settings.ini", tmp_path / "cache"


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def start(qtbot: QtBot, settings_file: Path, cache: Path, **kwargs: Path) -> MainWindow:
    win = start_window(settings_at(settings_file), cache, **kwargs)
    qtbot.addWidget(win)
    win.show()
    return win


def wait_loaded(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.is_loaded, timeout=20000)


def end_session(win: MainWindow, cache: Path) -> None:
    """What the app does when the user quits: settings saved on close, then the snapshot."""
    win.close()
    assert save_start_snapshot(win, cache)


def session(qtbot: QtBot, settings_file: Path, cache: Path) -> MainWindow:
    win = start(qtbot, settings_file, cache)
    wait_loaded(qtbot, win)
    return win


def window_point(win: MainWindow, record_id: str) -> QPoint:
    """Where, in the window, a click lands on the record (from the plate geometry)."""
    from test_viewer import visible_point

    x, y = visible_point(win, record_id)
    return win.view.viewport().mapTo(win, win.view.scene_to_view(x, y))


def colour(image: QImage, point: QPoint) -> QColor:
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def test_the_window_opens_from_the_last_sessions_snapshot_and_goes_live(
    qtbot: QtBot, places: tuple[Path, Path]
) -> None:
    settings_file, cache = places
    first = session(qtbot, settings_file, cache)
    assert not first.started_from_snapshot  # nothing to show yet: the window opened empty
    point = window_point(first, "semitendinosus")
    live_first = first.grab().toImage()
    end_session(first, cache)
    assert (cache / launch.SNAPSHOT_FILE).is_file()

    second = start(qtbot, settings_file, cache)
    assert second.started_from_snapshot and not second.is_loaded
    assert isinstance(second.centralWidget(), SnapshotWidget)
    before = second.grab().toImage()  # the picture, before anything is loaded
    assert colour(before, point) == colour(live_first, point)  # the muscle's colour
    assert colour(before, point) != QColor(PAPER)
    wait_loaded(qtbot, second)
    assert not isinstance(second.centralWidget(), SnapshotWidget)
    after = second.grab().toImage()
    differ = sum(
        not same(colour(before, QPoint(x, y)), colour(after, QPoint(x, y)))
        for x in range(0, 800, 20)
        for y in range(60, 860, 20)
    )
    assert differ < 10, f"{differ} plate pixels moved when the window went live"
    second.close()


def test_a_click_on_the_snapshot_is_answered_by_the_live_window(
    qtbot: QtBot, places: tuple[Path, Path]
) -> None:
    settings_file, cache = places
    first = session(qtbot, settings_file, cache)
    point = window_point(first, "biceps_femoris_long_head")
    end_session(first, cache)

    win = start(qtbot, settings_file, cache)
    assert win.started_from_snapshot and not win.is_loaded
    target = win.childAt(point)
    assert isinstance(target, SnapshotWidget)
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(win, point))
    wait_loaded(qtbot, win)
    qtbot.waitUntil(lambda: win.state.selection == "biceps_femoris_long_head")
    assert "Biceps femoris" in win.panel.title()
    win.close()


@pytest.mark.parametrize("change", ["layer", "size", "content"])
def test_a_snapshot_of_another_state_is_not_shown(
    qtbot: QtBot, places: tuple[Path, Path], tmp_path: Path, change: str
) -> None:
    settings_file, cache = places
    end_session(session(qtbot, settings_file, cache), cache)
    settings = settings_at(settings_file)
    if change == "layer":
        settings.setValue("layers/bones", False)
    elif change == "size":
        settings.setValue("window/size", settings.value("window/size") * 0.9)
    settings.sync()
    kwargs: dict[str, Path] = {}
    if change == "content":  # the same plate and data, but other files: another content stamp
        import shutil

        from hamstring_viewer import resources

        kwargs = {"data_dir": tmp_path / "data", "plate": tmp_path / "posterior_thigh.svg"}
        shutil.copytree(resources.data_dir(), kwargs["data_dir"])
        for path in resources.plate_paths().values():  # every view's plate, side by side
            shutil.copy(path, tmp_path / path.name)
        (kwargs["data_dir"] / "glossary.toml").write_text(
            (resources.data_dir() / "glossary.toml").read_text(encoding="utf-8") + "\n",
            encoding="utf-8",
        )
    win = start(qtbot, settings_file, cache, **kwargs)
    assert not win.started_from_snapshot
    wait_loaded(qtbot, win)
    win.close()


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_snapshot_is_ignored(
    qtbot: QtBot, places: tuple[Path, Path], damage: str
) -> None:
    settings_file, cache = places
    end_session(session(qtbot, settings_file, cache), cache)
    path = cache / launch.SNAPSHOT_FILE
    data = path.read_bytes()
    path.write_bytes(
        {"truncated": data[: len(data) // 2], "garbage": os.urandom(4096), "empty": b""}[damage]
    )
    win = start(qtbot, settings_file, cache)
    assert not win.started_from_snapshot
    wait_loaded(qtbot, win)
    assert win.panel.title() == "Welcome"
    win.close()


def test_the_live_plate_paints_its_background_from_the_snapshot_until_a_layer_changes(
    qtbot: QtBot, places: tuple[Path, Path]
) -> None:
    settings_file, cache = places
    first = session(qtbot, settings_file, cache)
    first_plate = first.view.viewport().grab().toImage()
    end_session(first, cache)

    maps = Path("/proc/self/maps")
    snapshot_file = str((cache / launch.SNAPSHOT_FILE).resolve())

    def mapped() -> bool:  # (Linux: the files this process has mapped)
        return maps.exists() and snapshot_file in maps.read_text()

    win = session(qtbot, settings_file, cache)
    scene = win.view.plate_scene()
    assert scene.raster is not None  # the background comes from the saved raster ...
    assert alike(win.view.viewport().grab().toImage(), first_plate)  # ... that looks the same
    assert mapped() or not maps.exists()  # (read in place from the snapshot's file)
    bones = QPoint(*first_plate_point_of_bone(win))
    win.actions_by_name["layer_bones"].trigger()
    assert scene.raster is None  # a layer change paints from the SVG again
    assert colour(win.view.viewport().grab().toImage(), bones) != colour(first_plate, bones)
    qtbot.waitUntil(lambda: not mapped())  # and the snapshot's file is let go
    win.close()


def same(p: QColor, q: QColor, tolerance: int = 8) -> bool:
    """Equal but for rounding (a raster and vectors round a few values differently)."""
    return (
        max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
        <= tolerance
    )


def alike(a: QImage, b: QImage, tolerance: int = 8) -> bool:
    """Same size, and every 4th pixel within ``tolerance`` per channel (rendering a raster
    and rendering vectors round a few values differently)."""
    if a.size() != b.size():
        return False
    for y in range(0, a.height(), 4):
        for x in range(0, a.width(), 4):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
                > tolerance
            ):
                return False
    return True


def first_plate_point_of_bone(win: MainWindow) -> tuple[int, int]:
    """A viewport point on a bone where nothing is drawn over it (the sacrum: on the
    superficial posterior plate gluteus maximus covers the greater trochanter)."""
    from test_viewer import visible_point

    x, y = visible_point(win, "sacrum")
    point = win.view.scene_to_view(x, y)
    return point.x(), point.y()


def test_closing_before_the_window_is_loaded_keeps_the_settings(
    qtbot: QtBot, places: tuple[Path, Path]
) -> None:
    settings_file, cache = places
    end_session(session(qtbot, settings_file, cache), cache)
    before = settings_file.read_bytes()
    win = start_window(settings_at(settings_file), cache)
    qtbot.addWidget(win)
    win.close()  # never shown, never loaded
    assert not save_start_snapshot(win, cache)
    assert settings_file.read_bytes() == before


def start_failing(
    qtbot: QtBot, settings_file: Path, cache: Path, data: Path, svg: Path
) -> tuple[MainWindow, list[str]]:
    """Start on content that cannot be loaded; the texts of the messages it shows (each
    closed as it comes) once the window has given up."""
    seen: list[str] = []

    def close_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.detailedText())
            box.done(0)
        else:
            QTimer.singleShot(20, close_message)

    QTimer.singleShot(20, close_message)
    win = start(qtbot, settings_file, cache, data_dir=data, plate=svg)
    qtbot.waitUntil(lambda: win.load_failed and bool(seen), timeout=20000)
    return win, seen


def test_bad_content_at_start_is_a_message_not_a_crash(
    qtbot: QtBot, places: tuple[Path, Path], content_copy: tuple[Path, Path]
) -> None:
    settings_file, cache = places
    data, svg = content_copy
    (data / "structures" / "semitendinosus.toml").write_text("name = \n", encoding="utf-8")
    win, seen = start_failing(qtbot, settings_file, cache, data, svg)
    assert "semitendinosus.toml" in seen[0]
    assert not win.is_loaded and not win.isVisible()


def _missing_data(data: Path, svg: Path) -> str:
    shutil.rmtree(data)
    return "data folder not found"


def _missing_plate(data: Path, svg: Path) -> str:
    svg.unlink()
    return "plate file not found"


def _dangling_link(data: Path, svg: Path) -> str:
    (data / "glossary.toml").unlink()
    (data / "glossary.toml").symlink_to(data / "nowhere.toml")
    return "glossary.toml: file not found"


def _link_loop(data: Path, svg: Path) -> str:
    (data / "glossary.toml").unlink()
    (data / "glossary.toml").symlink_to(data / "glossary.toml")
    return "glossary.toml: cannot read the file"


def _folder_for_a_file(data: Path, svg: Path) -> str:
    svg.unlink()
    svg.mkdir()
    return "posterior_thigh.svg: cannot read the plate: not a regular file"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
@pytest.mark.parametrize(
    "breakage", [_missing_data, _missing_plate, _dangling_link, _link_loop, _folder_for_a_file]
)
def test_content_that_cannot_be_read_at_start_is_a_message_naming_the_file(
    qtbot: QtBot,
    places: tuple[Path, Path],
    content_copy: tuple[Path, Path],
    breakage: Callable[[Path, Path], str],
) -> None:
    """A missing data folder or plate, a link to nothing or to itself, a folder where a file
    should be: each is a message naming the file (no traceback), and the window closes."""
    settings_file, cache = places
    first = session(qtbot, settings_file, cache)  # (a snapshot of the content as it was)
    end_session(first, cache)
    data, svg = content_copy
    said = breakage(data, svg)
    win, seen = start_failing(qtbot, settings_file, cache, data, svg)
    assert said in seen[0]
    assert not win.is_loaded and not win.isVisible()


def test_the_first_paint_needs_no_atlas_code(tmp_path: Path) -> None:
    """The window paints before the knowledge base, the plate widgets or Qt's ``Qt``
    namespace are imported (they are what a start spends its time on), then loads them."""
    script = f"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from hamstring_viewer._qt.app import start_window
win = start_window(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat),
                   Path({str(tmp_path / "cache")!r}))
seen = {{}}
def on_paint():
    seen["at_paint"] = sorted(m for m in sys.modules if m.startswith("hamstring_viewer"))
win.startPainted.connect(on_paint)
def done():
    if not win.is_loaded:
        QTimer.singleShot(10, done)
        return
    seen["loaded"] = True
    print(json.dumps(seen))
    app.quit()
QTimer.singleShot(10, done)
win.show()
app.exec()
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["loaded"]
    heavy = {
        "hamstring_viewer.catalog",
        "hamstring_viewer.records",
        "hamstring_viewer.geometry",
        "hamstring_viewer._qt.plate_view",
        "hamstring_viewer._qt.panel",
    }
    assert not heavy & set(seen["at_paint"]), seen["at_paint"]


def test_a_damaged_saved_window_size_is_kept_within_the_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/size", QSize(60000, 60000))
    window = MainWindow(None, None, settings)  # as a start builds it, before the atlas loads
    qtbot.addWidget(window)
    screen = QGuiApplication.primaryScreen().availableGeometry().size()
    assert window.width() <= max(screen.width(), 1920)
    assert window.height() <= max(screen.height(), 1200)
    settings.setValue("window/size", QSize(3, 2))
    tiny = MainWindow(None, None, settings)
    qtbot.addWidget(tiny)
    assert tiny.width() >= 480 and tiny.height() >= 360


def test_the_menus_are_filled_once_the_live_plate_is_on_screen(
    qtbot: QtBot, places: tuple[Path, Path]
) -> None:
    """A start shows the menu bar at once and fills its menus on the first idle tick after
    the live plate is painted: every entry is then there, in order, the pinned referred-pain
    patterns of the last session ticked, and the menu-only shortcuts work."""
    settings_file, cache = places
    first = session(qtbot, settings_file, cache)
    qtbot.waitUntil(lambda: "quit" in first.actions_by_name, timeout=20000)
    first.state.set_overlay("tp_semitendinosus", True)
    end_session(first, cache)

    win = start(qtbot, settings_file, cache)
    wait_loaded(qtbot, win)
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert titles[:4] == ["File", "Navigate", "View", "Referred pain"] and titles[-1] == "Help"
    qtbot.waitUntil(lambda: "quit" in win.actions_by_name, timeout=20000)
    menu = {a.text().replace("&", ""): a.menu() for a in win.menuBar().actions()}
    navigate = [a.text().replace("&", "") for a in menu["Navigate"].actions()]
    assert navigate[:4] == ["Back", "Forward", "Clear selection", "Focus plate / panel"]
    pinned = win.actions_by_name["overlay_tp_semitendinosus"]
    assert pinned.isChecked()
    assert not win.actions_by_name["overlay_tp_semimembranosus_upper"].isChecked()
    win.activateWindow()
    win.view.setFocus()
    QTest.keyClick(win, Qt.Key.Key_F6)
    assert win.panel.browser.hasFocus()


def test_quitting_renders_the_start_up_picture_only_when_what_it_shows_changed(
    qtbot: QtBot, places: tuple[Path, Path]
) -> None:
    """A session that changed nothing the picture shows (settings, content, the user's notes)
    keeps the picture as it is: quitting renders nothing. A changed note renders it anew, and
    each next start opens from the picture of the session before."""
    settings_file, cache = places
    picture = cache / launch.SNAPSHOT_FILE
    first = session(qtbot, settings_file, cache)
    end_session(first, cache)
    kept = picture.stat()
    second = session(qtbot, settings_file, cache)
    assert second.started_from_snapshot
    end_session(second, cache)
    assert (picture.stat().st_ino, picture.stat().st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    third = session(qtbot, settings_file, cache)
    assert third.started_from_snapshot
    # (the test-mode data folder is shared by the tests: a text of its own is a change)
    third.userdata.set_note("semitendinosus", f"Tender above the knee crease ({settings_file}).")
    end_session(third, cache)
    assert picture.stat().st_ino != kept.st_ino  # written anew (atomically)
    fourth = session(qtbot, settings_file, cache)
    assert fourth.started_from_snapshot
    fourth.close()


def test_modules_are_declared_to_pyside_as_its_hook_would_judge_them() -> None:
    """PySide reads every module imported after it back from its source to see whether it uses
    PySide; the app declares its own modules and the standard library's up front instead. The
    declaration must say what that reading would find: "uses PySide" exactly for the modules
    whose text names PySide6."""
    script = (
        "import json, sys\n"
        "import hamstring_viewer._qt\n"
        "import hamstring_viewer._qt.app, hamstring_viewer.catalog, hamstring_viewer.scheduler\n"
        "table = getattr(sys.modules.get('shibokensupport.feature'), 'pyside_feature_dict', None)\n"
        "files = {n: getattr(m, '__file__', None) for n, m in list(sys.modules.items())}\n"
        "print(json.dumps({'table': table or {}, 'files': files}))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    table, files = seen["table"], seen["files"]
    if not table:
        pytest.skip("this PySide keeps no table of modules")
    package = ROOT / "hamstring_viewer"
    judged = 0
    for source in [*package.glob("*.py"), *(package / "_qt").glob("*.py")]:
        if source.name == "__init__.py":
            continue
        name = ".".join(source.relative_to(ROOT).with_suffix("").parts)
        expected = 0 if "PySide6" in source.read_text(encoding="utf-8") else -1
        assert table.get(name) == expected, name
        judged += 1
    assert judged >= 30
    # the standard library's and the other libraries' modules imported here: declared, and
    # none names PySide6
    from hamstring_viewer._qt import LIBRARIES

    stdlib = [
        name
        for name in table
        if (name.split(".")[0] in sys.stdlib_module_names or name in LIBRARIES)
        and str(files.get(name)).endswith(".py")
    ]
    assert len(stdlib) > 20
    for name in stdlib:
        text = Path(files[name]).read_text(encoding="utf-8", errors="replace")
        assert table[name] == (0 if "PySide6" in text else -1), name


def test_a_changed_session_quits_at_once_and_its_picture_is_rendered_by_a_job(
    qtbot: QtBot, places: tuple[Path, Path]
) -> None:
    """At quit the app only checks whether the next start's picture has changed; a process of
    its own renders it, and the next start opens from it."""
    import os
    import time

    from hamstring_viewer._qt.app import snapshot_is_current, snapshot_later

    settings_file, cache = places
    first = session(qtbot, settings_file, cache)
    end_session(first, cache)  # a picture of this session
    second = session(qtbot, settings_file, cache)
    assert second.started_from_snapshot
    second.close()  # nothing changed: nothing to render
    assert snapshot_is_current(second, cache) and snapshot_later(second, cache) == 0

    third = session(qtbot, settings_file, cache)
    third.state.select("semitendinosus")  # a change the next start shows
    third.close()
    assert not snapshot_is_current(third, cache)
    pid = snapshot_later(third, cache)
    assert pid
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the job ends once the picture is written
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:  # (reaped here: this test started it)
                break
        except ChildProcessError:
            pass
        qtbot.wait(50)
    assert snapshot_is_current(third, cache)
    fourth = start(qtbot, settings_file, cache)
    assert fourth.started_from_snapshot  # the job's picture is the one this start shows
    wait_loaded(qtbot, fourth)
    assert fourth.state.selection == "semitendinosus"


def test_the_plate_goes_live_first_and_the_panel_follows_where_its_picture_was(
    qtbot: QtBot, places: tuple[Path, Path]
) -> None:
    settings_file, cache = places
    first = session(qtbot, settings_file, cache)
    first.state.select("semitendinosus")
    panel_place = first.panel.geometry()
    panel_place.moveTopLeft(first.panel.mapTo(first, QPoint(0, 0)))
    end_session(first, cache)

    second = start(qtbot, settings_file, cache)
    before = second.grab().toImage()  # the picture
    at_live: dict[str, object] = {}

    def on_live() -> None:
        at_live["complete"] = second.is_complete
        at_live["image"] = second.grab().toImage()

    second.plateLive.connect(on_live)
    with qtbot.waitSignal(second.loaded, timeout=20000):
        pass
    # the plate went live before the panel was there; its place showed the picture meanwhile
    assert at_live["complete"] is False
    image = at_live["image"]
    assert isinstance(image, QImage)
    points = [
        QPoint(x, y)
        for x in range(panel_place.left() + 4, panel_place.right() - 4, 16)
        for y in range(panel_place.top() + 4, panel_place.bottom() - 4, 16)
    ]
    moved = sum(not same(colour(before, p), colour(image, p)) for p in points)
    assert moved == 0, f"{moved} of {len(points)} panel pixels changed before the panel came"
    # then the panel, showing the page the session ended on, and the window is whole
    assert second.is_complete
    assert second.panel.title() == "Semitendinosus"
    assert second.panel.geometry().width() == panel_place.width()
    second.close()
