"""Test setup: Qt runs offscreen so a bare ``pytest`` works on a machine without a screen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Each pytest-xdist worker gets a home of its own: Qt's test-mode folders (~/.qttest: the
# app's data, cache and single-instance lock) are per user, and two workers must not share
# them. (The font cache stays where it is.)
if os.environ.get("PYTEST_XDIST_WORKER"):
    import tempfile

    _home = os.path.join(tempfile.gettempdir(), f"hv-test-home-{os.getpid()}")
    os.makedirs(_home, exist_ok=True)
    os.environ.setdefault("XDG_CACHE_HOME", os.path.join(os.path.expanduser("~"), ".cache"))
    os.environ["HOME"] = _home
# the tests read the English interface, on a German machine too (a test that wants German
# installs it, see tests/test_i18n.py)
os.environ["HAMSTRING_VIEWER_LANGUAGE"] = "en"

from PySide6.QtCore import QStandardPaths

# Tests never touch the real user's notes or progress: Qt's test mode moves the app-data and
# cache folders to ~/.qttest (a window built without explicit user data still opens one there).
QStandardPaths.setTestModeEnabled(True)

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from hamstring_viewer import resources  # noqa: E402
from hamstring_viewer._qt.window import MainWindow  # noqa: E402
from hamstring_viewer.catalog import Atlas, load_atlas  # noqa: E402
from hamstring_viewer.userdata import UserData  # noqa: E402


def copy_content(folder: Path, *, compiled: bool = False) -> tuple[Path, dict[str, Path]]:
    """The shipped data and every view's plate copied into ``folder``: (data_dir, view key ->
    plate path); with ``compiled``, each plate's compiled form beside it too."""
    from hamstring_viewer.geometry import compiled_plate_path

    data = folder / "data"
    shutil.copytree(resources.data_dir(), data)
    plates = {}
    for key, path in resources.plate_paths().items():
        plates[key] = folder / path.name
        shutil.copy(path, plates[key])
        if compiled:
            shutil.copy(compiled_plate_path(path), compiled_plate_path(plates[key]))
    return data, plates


@pytest.fixture(autouse=True)
def collected_after_each_test() -> Iterator[None]:
    """A window leaves what it has made out of later garbage collections (``gc.freeze``), as
    it lives as long as the app; a test's windows do not: they are collectable again after
    it, so a worker's memory does not grow test by test."""
    import gc

    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog waits for a person: in a test it would hang the run. The export
    feature's dialogs fail at once instead, unless the test answers them (each feature holds
    its dialogs as attributes a test replaces)."""
    from hamstring_viewer._qt import export

    def refuse(name: str) -> object:
        def opened(*_args: object, **_kwargs: object) -> object:
            raise AssertionError(f"the {name} dialog opened: answer it in the test")

        return opened

    for name in (
        "run_print_dialog",
        "run_handout_dialog",
        "run_print_preview",
        "ask_png_resolution",
        "ask_figure_record",
    ):
        monkeypatch.setattr(export, name, refuse(name))


@pytest.fixture
def content_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A writable copy of the shipped knowledge base and plates: (data_dir, the posterior
    plate's path); the other views' plates lie beside it."""
    data = tmp_path / "data"
    shutil.copytree(resources.data_dir(), data)
    svg = tmp_path / "posterior_thigh.svg"
    shutil.copy(resources.plate_path(), svg)
    for path in resources.plate_paths().values():  # the other views, beside it
        if not (tmp_path / path.name).exists():
            shutil.copy(path, tmp_path / path.name)
    return data, svg


#: one quiz item as the scheduler saves it (reviewed once, right)
REVIEWED_ITEM: dict[str, object] = {
    "state": 2,
    "step": None,
    "stability": 3.5,
    "difficulty": 5.0,
    "due": "2025-03-20T00:00:00+00:00",
    "last_review": "2025-03-10T00:00:00+00:00",
    "reviews": [{"at": "2025-03-10T00:00:00+00:00", "correct": True}],
}


@pytest.fixture
def fitted_window(qtbot: QtBot, atlas: Atlas, tmp_path: Path) -> Iterator[MainWindow]:
    """A shown window (no study features) on the test's own settings and user data, with the
    plate fitted."""
    win = show_window(qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"))
    win.view.fit()
    yield win
    win.close()


HAMSTRINGS = (
    "biceps_femoris_long_head",
    "biceps_femoris_short_head",
    "semitendinosus",
    "semimembranosus",
)


@pytest.fixture(scope="session")
def atlas() -> Atlas:
    """The shipped atlas (every view's plate), loaded once."""
    return load_atlas(resources.data_dir(), resources.plate_paths())


def show_window(
    qtbot: QtBot, atlas: Atlas, settings_file: Path, userdata: UserData, *, features: bool = False
) -> MainWindow:
    """A shown 1400×900 main window on the given settings file and user data (by default
    without the study features, so a feature's tests install just that feature)."""
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    win = MainWindow(
        atlas, resources.plate_path().read_bytes(), settings, userdata=userdata, features=features
    )
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def across(atlas: Atlas, region_id: str, cm: float, share: float) -> tuple[float, float]:
    """The point ``share`` of the way across a region of the posterior plate (medial 0, lateral
    1) at a height in cm above the floor."""
    from hamstring_viewer.geometry import sample_points
    from hamstring_viewer.painfinder import height_to_y

    y = height_to_y(cm)
    row = [p for p in sample_points(atlas.plate.region(region_id), 3.0) if abs(p[1] - y) <= 3.0]
    xs = sorted(p[0] for p in row)
    assert xs, (region_id, cm)
    return (xs[0] + share * (xs[-1] - xs[0]), y)


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        r, g, b = channel(c.redF()), channel(c.greenF()), channel(c.blueF())
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def dark_palette() -> QPalette:
    """A dark palette like a desktop's dark theme."""
    from hamstring_viewer._qt.colours import dark_palette as desktop_dark

    return desktop_dark()


@contextmanager
def dark_palette_applied() -> Iterator[None]:
    """The application in :func:`dark_palette` while inside (its own palette after)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.palette()
    app.setPalette(dark_palette())
    try:
        yield
    finally:
        app.setPalette(old)


def focus_plate(qtbot: QtBot, window: MainWindow) -> None:
    """Give the plate the keyboard focus, as a click or F6 would."""
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)


def walk_to(qtbot: QtBot, window: MainWindow, record_id: str) -> None:
    """Press PgDn on the plate until its keyboard focus is on ``record_id``."""
    view = window.view
    for _ in range(len(view.navigation_order())):
        if view.focused_record() == record_id:
            break
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.focused_record() == record_id
