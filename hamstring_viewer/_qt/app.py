"""Start the app: load the atlas, show the window, report bad content in a dialog."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from hamstring_viewer import resources
from hamstring_viewer.catalog import load_atlas_cached
from hamstring_viewer.problems import ContentError

from .window import MainWindow

ORGANISATION = "HamstringViewer"
APPLICATION = "Hamstring Viewer"


def make_window(settings: QSettings | None = None, cache_dir: Path | None = None) -> MainWindow:
    """Load the shipped atlas and build the main window (raises ContentError on bad content)."""
    plate = resources.plate_path()
    atlas = load_atlas_cached(resources.data_dir(), plate, cache_dir)
    if settings is None:
        settings = QSettings()
    # the plate answers clicks from the first paint; the study features join on the next tick
    return MainWindow(atlas, plate.read_bytes(), settings, features="after_first_paint")


def main(argv: Sequence[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(list(argv or sys.argv))
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    try:
        window = make_window(cache_dir=cache)
    except (ContentError, FileNotFoundError) as exc:
        print(exc, file=sys.stderr)
        box = QMessageBox(
            QMessageBox.Icon.Critical, APPLICATION, "The atlas content could not be loaded."
        )
        box.setDetailedText(str(exc))
        box.exec()
        return 1
    window.show()
    return app.exec()
