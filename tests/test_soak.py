"""Stability: the PySide6 None-refcount trap, and a long session of user events."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QPainterPath
from pytestqt.qtbot import QtBot

from hamstring_viewer import resources
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import load_atlas


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call."""
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        path.lineTo(1.0, 2.0)
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references"


def test_many_void_calls_do_not_abort_the_interpreter() -> None:
    code = (
        "from PySide6.QtGui import QPainterPath\n"
        "for _ in range(200_000):\n    QPainterPath().lineTo(1, 2)\nprint('alive')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.mark.soak
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc for memory")
def test_twenty_thousand_hover_click_and_toggle_events(qtbot: QtBot, tmp_path: Path) -> None:
    atlas = load_atlas(resources.data_dir(), resources.plate_path())
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(atlas, resources.plate_path().read_bytes(), settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    vp = win.view.viewport()
    rng = random.Random(7)
    toggles = [
        "overlays_all",
        "overlays_none",
        "layer_labels",
        "layer_bones",
        "overlay_tp_semitendinosus",
        "back",
        "forward",
    ]
    events = 0
    baseline = 0.0
    while events < 20_000:
        pos = QPoint(rng.randrange(vp.width()), rng.randrange(vp.height()))
        kind = rng.random()
        if kind < 0.75:
            qtbot.mouseMove(vp, pos)
        elif kind < 0.95:
            qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)
        else:
            win.actions_by_name[rng.choice(toggles)].trigger()
        events += 1
        if events % 500 == 0:
            qtbot.wait(1)  # let paints happen
        if events == 5_000:
            baseline = _rss_mb()
    qtbot.wait(10)
    grown = _rss_mb() - baseline
    assert win.isVisible()
    assert grown < 40, f"resident memory grew by {grown:.1f} MB over 15,000 events"
    win.close()
