"""Start the app: show the window at once, load the atlas after its first paint, report bad
content in a dialog, and keep a start-up snapshot for the next start (see :mod:`.launch`).

Only Qt's light classes are imported before the first paint; the knowledge base, the plate and
the panel are imported when the window loads.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from hamstring_viewer import i18n, resources
from hamstring_viewer.i18n import translate

from . import launch
from .window import MainWindow, app_data_dir

ORGANISATION = "HamstringViewer"
APPLICATION = "Hamstring Viewer"


def cache_dir() -> Path:
    """The platform's cache folder: the loaded atlas and the start-up snapshot live there."""
    location = QStandardPaths.StandardLocation.CacheLocation
    return Path(QStandardPaths.writableLocation(location))


def _lightness() -> int:
    """How light the window background is (a snapshot of the other palette is not shown)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.palette().window().color().lightness()


def start_window(
    settings: QSettings,
    cache: Path,
    *,
    data_dir: Path | None = None,
    plate: Path | None = None,
    plates: Mapping[str, Path] | None = None,
) -> MainWindow:
    """A window that shows at once (the snapshot of the last session, if it matches) and
    loads the atlas (by default the shipped data and every view's plate) on the first idle
    tick after its first paint. ``plate`` alone is the posterior view's plate, with the other
    views' plates taken from beside it where they are there.

    A content error is shown in a dialog, then the window closes (``load_failed`` is set).

    Start-up makes some 10^5 objects and no garbage cycles worth collecting: the cyclic
    collector's passes over them would cost ~5-10% of start-up, so it waits until the window
    is loaded; what start-up made is then frozen out of later passes (it lives as long as
    the window).
    """
    collecting = gc.isenabled()
    gc.disable()

    def collect_again() -> None:
        if collecting and not gc.isenabled():
            gc.freeze()
            gc.enable()

    if plates is None and plate is not None:
        from hamstring_viewer.atlas import plate_files  # only when a plate is given

        plates = plate_files(plate)  # the posterior plate and the other views beside it
    window = MainWindow(None, None, settings)
    window.content_paths = (data_dir, dict(plates) if plates is not None else None)
    key = launch.snapshot_key(
        settings,
        window.size(),
        window.devicePixelRatioF(),
        _lightness(),
        launch.content_stamp(data_dir, plates),
        launch.userdata_stamp(app_data_dir()),
    )
    snapshot = launch.read_snapshot(cache / launch.SNAPSHOT_FILE, key)
    if snapshot is not None:
        window.show_start_snapshot(snapshot)

    def load() -> None:
        if window.is_loaded or window.load_failed:
            return
        try:
            load_now()
        finally:
            collect_again()

    def write_later(job: Callable[[], None]) -> None:
        # a rebuilt atlas cache is written on the next idle tick, after the window is live
        QTimer.singleShot(0, window, job)

    def load_now() -> None:
        from hamstring_viewer.atlas import load_atlas_cached
        from hamstring_viewer.problems import ContentError

        svg_paths = plates or resources.plate_paths()
        try:
            atlas = load_atlas_cached(
                data_dir or resources.data_dir(), svg_paths, cache, write=write_later
            )
            # the SVG text of the view shown first; the others are read when first shown
            svg = window.svg_of_first_view(atlas)
        except (ContentError, OSError) as exc:  # (a missing, looping or unreadable file too)
            window.load_failed = True
            _report_content_error(window, exc)
            return
        window.load(atlas.localized(i18n.language()), svg, features="after_first_paint")

    # (the window is the timers' context: a window deleted before it loaded is left alone)
    window.startPainted.connect(lambda: QTimer.singleShot(0, window, load))
    QTimer.singleShot(500, window, load)  # a window never painted (minimised) loads all the same
    window.destroyed.connect(collect_again)  # (a window deleted before it loaded)
    return window


def _report_content_error(window: MainWindow | None, exc: Exception) -> None:
    from PySide6.QtWidgets import QMessageBox

    print(exc, file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        APPLICATION,
        translate("App", "The atlas content could not be loaded."),
        parent=window,
    )
    box.setDetailedText(str(exc))
    box.exec()
    if window is not None:
        window.close()  # the last window: the event loop ends, and main() returns 1


def switch_language(window: MainWindow, language: str) -> MainWindow:
    """Speak ``language``: a new window in that language takes the place of ``window``, with
    the same size, position, plate, selection, layers and docks (from the settings it saved),
    the same user data and the plates already read. The old window is closed."""
    from .translation import install_language

    if not window.is_loaded:
        install_language(language)
        return window  # (its texts are made when it loads)
    from PySide6.QtWidgets import QDockWidget

    window.save_settings()
    docks = {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}
    install_language(language)
    fresh = MainWindow(
        window.atlas.localized(i18n.language()),
        window.view.svg_texts(),
        window.settings,
        userdata=window.userdata,
        features=True,
    )
    fresh.content_paths = window.content_paths
    fresh.restoreGeometry(window.saveGeometry())
    fresh.show()
    for dock in fresh.findChildren(QDockWidget):
        if dock.objectName() in docks:
            dock.show()
    window.close()
    window.deleteLater()
    return fresh


def snapshot_is_current(window: MainWindow, cache: Path) -> bool:
    """Whether the start-up snapshot in ``cache`` already shows what the next start will
    (then a quit has nothing to render; the settings are saved first)."""
    if not window.is_loaded:
        return True  # (nothing was shown that could have changed)
    window.settings.sync()
    existing = launch.read_snapshot(cache / launch.SNAPSHOT_FILE, _upcoming_key(window))
    if existing is None:
        return False
    existing.release()
    return True


def _upcoming_key(window: MainWindow, userdata_dir: Path | None = None) -> dict[str, object]:
    """The snapshot key the next start will compute (its window is sized from the saved
    settings before it is shown): a snapshot of that key is the picture it will show."""
    data_dir, plates = window.content_paths
    probe = MainWindow(None, None, window.settings)
    try:
        return launch.snapshot_key(
            window.settings,
            probe.size(),
            probe.devicePixelRatioF(),
            _lightness(),
            launch.content_stamp(data_dir, plates),
            launch.userdata_stamp(userdata_dir or app_data_dir()),
        )
    finally:
        probe.deleteLater()


def snapshot_later(window: MainWindow, cache: Path) -> int | None:
    """At quit: if the start-up snapshot no longer shows what the next start will, render it
    in a detached process (:mod:`.snapshot_job`), so that this one can end at once. Returns
    that process's id (0: nothing to render; None: it could not be started, and the next
    start shows no snapshot)."""
    if snapshot_is_current(window, cache):
        return 0
    from . import snapshot_job

    data_dir, plates = window.content_paths
    argv = snapshot_job.command(
        window.settings, cache, i18n.language(), app_data_dir(), data_dir, plates
    )
    return snapshot_job.start(argv)


def save_start_snapshot(window: MainWindow, cache: Path, userdata_dir: Path | None = None) -> bool:
    """Render the window as the next start will restore it (a fresh window built from the
    saved settings, never shown on screen) and keep it as the start-up snapshot."""
    from PySide6.QtCore import QPoint, Qt

    if not window.is_loaded:
        return False
    window.view.release_raster()  # (the old snapshot's file is about to be replaced)
    window.settings.sync()
    upcoming = _upcoming_key(window, userdata_dir)
    existing = launch.read_snapshot(cache / launch.SNAPSHOT_FILE, upcoming)
    if existing is not None:  # nothing it shows has changed: quitting costs no rendering
        existing.release()
        return True
    fresh = MainWindow(
        window.atlas,
        window.view.svg_texts(),
        window.settings,
        userdata=window.userdata,
        features=True,
    )
    try:
        fresh.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        fresh.show()
        app = QApplication.instance()
        assert app is not None
        for _ in range(3):  # layouts, deferred shows, the fitted plate
            app.processEvents()
        image = fresh.grab().toImage()
        raster, transform = fresh.view.background_raster()
        matrix = [
            transform.m11(), transform.m12(), transform.m13(),
            transform.m21(), transform.m22(), transform.m23(),
            transform.m31(), transform.m32(), transform.m33(),
        ]  # fmt: skip
        panel = fresh.panel
        corner = panel.mapTo(fresh, QPoint(0, 0))
        launch.write_snapshot(
            cache / launch.SNAPSHOT_FILE,
            {"window": image, "plate": raster},
            upcoming,
            {
                "plate_transform": matrix,
                # where the panel is: the next start shows this part of the picture there
                # while it builds the panel (see MainWindow.load)
                "panel_rect": [corner.x(), corner.y(), panel.width(), panel.height()],
            },
        )
    except OSError:
        return False  # a snapshot we cannot write only costs the next start some time
    finally:
        fresh.hide()
        fresh.deleteLater()
    return True


def main(argv: Sequence[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(list(argv or sys.argv))
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    from .instance import Instance

    instance = Instance(app_data_dir())
    if not instance.claim():  # this user's app is running: its window comes forward instead
        if instance.ask_running_to_come_forward():
            print(f"{APPLICATION} is already running: its window is brought to the front.")
            return 0
        print(
            f"{APPLICATION} is already running, and could not be asked to show its window "
            f"(its folder {instance.folder} is not writable).",
            file=sys.stderr,
        )
        return 1
    from .settings_dialog import start_language
    from .translation import install_language

    cache = cache_dir()
    settings = QSettings()
    install_language(start_language(settings))
    windows = [start_window(settings, cache)]

    def take(window: MainWindow) -> None:
        windows[:] = [window]
        instance.frontRequested.connect(window.come_forward)
        window.languageChosen.connect(on_language_chosen)

    def on_language_chosen(language: str) -> None:
        old = windows[0]
        instance.frontRequested.disconnect(old.come_forward)
        take(switch_language(old, language))

    take(windows[0])
    windows[0].show()
    windows[0].loaded.connect(instance.watch)
    try:
        code = app.exec()
        window = windows[0]
        if window.load_failed:
            return 1
        if code == 0:
            instance.release()  # (a new start need not wait for what follows)
            snapshot_later(window, cache)
        return code
    finally:
        instance.release()
