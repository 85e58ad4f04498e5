#!/usr/bin/env python3
"""Render the README's pictures of the study features (offscreen, in Qt's test data folders,
so no user data is touched): the pain finder with marks, a quiz answered wrong, and the first
page of a client handout (needs ``pdftoppm`` from poppler-utils).

    python tools/feature_shots.py [--out docs]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, QStandardPaths, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hamstring_viewer import resources
    from hamstring_viewer._qt.export import write_handout_pdf
    from hamstring_viewer._qt.window import MainWindow
    from hamstring_viewer.catalog import load_atlas

    QStandardPaths.setTestModeEnabled(True)  # never the user's notes or progress
    app = QApplication([sys.argv[0]])
    atlas = load_atlas(resources.data_dir(), resources.plate_paths())
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(atlas, resources.plate_path().read_bytes(), settings)
    win.resize(1500, 950)
    win.show()
    app.processEvents()
    win.view.fit()
    args.out.mkdir(parents=True, exist_ok=True)

    def click(x: float, y: float) -> None:
        QTest.mouseClick(
            win.view.viewport(), Qt.MouseButton.LeftButton, pos=win.view.scene_to_view(x, y)
        )
        app.processEvents()

    def centre(region_id: str) -> tuple[float, float]:
        x0, y0, x1, y1 = atlas.plate.region(region_id).bbox
        return (x0 + x1) / 2, (y0 + y1) / 2

    # the pain finder at 1280x800: marks from the buttock down the outer back of the leg (the
    # "pseudo-sciatica" of gluteus minimus), then a swollen calf after a journey, ticked
    from hamstring_viewer.geometry import sample_points
    from hamstring_viewer.painfinder import height_to_y

    def across(region_id: str, cm: float, share: float) -> tuple[float, float]:
        y = height_to_y(cm)
        row = [p for p in sample_points(atlas.plate.region(region_id), 3.0) if abs(p[1] - y) <= 3]
        xs = sorted(p[0] for p in row)
        return xs[0] + share * (xs[-1] - xs[0]), y

    win.resize(1280, 800)
    app.processEvents()
    pain = win.features["pain"]
    pain.enter()  # type: ignore[attr-defined]
    QTest.qWait(100)
    win.view.fit()
    path = [
        ("gluteus_maximus", 88.0),
        ("gluteus_maximus", 83.0),
        *(("biceps_femoris_long_head", cm) for cm in (76.0, 70.0, 64.0, 58.0)),
        ("gastrocnemius_lateral_head", 40.0),
        ("gastrocnemius_lateral_head", 34.0),
    ]
    for region_id, cm in path:
        click(*across(region_id, cm, 0.7))
    QTest.qWait(400)
    win.grab().save(str(args.out / "pain_finder.png"))
    pain.clear()  # type: ignore[attr-defined]
    click(*across("gastrocnemius_lateral_head", 36.0, 0.5))
    click(*across("gastrocnemius_medial_head", 30.0, 0.5))
    pain.dock.signs_button.setChecked(True)  # type: ignore[attr-defined]
    pain.set_sign("warning_dvt")  # type: ignore[attr-defined]
    QTest.qWait(400)
    win.grab().save(str(args.out / "pain_finder_warning.png"))
    pain.dock.signs_button.setChecked(False)  # type: ignore[attr-defined]
    pain.set_sign("warning_dvt", False)  # type: ignore[attr-defined]
    pain.leave()  # type: ignore[attr-defined]
    pain.clear()  # type: ignore[attr-defined]
    win.resize(1500, 950)
    app.processEvents()
    win.view.fit()

    # a quiz: "find semitendinosus", answered with a click on gracilis
    quiz = win.features["quiz"]
    quiz.show()  # type: ignore[attr-defined]
    quiz.start(only="find:semitendinosus::")  # type: ignore[attr-defined]
    QTest.qWait(300)  # the dock's layout settles and the plate is fitted again
    region = atlas.plate.region("gracilis")

    spots = [
        (x, y)
        for x, y in sample_points(region, 3.0)
        if (hit := atlas.plate.hit_test(x, y)) is not None and hit.id == "gracilis"
    ]
    click(*spots[len(spots) // 2])
    QTest.qWait(200)
    win.grab().save(str(args.out / "quiz.png"))
    quiz.hide()  # type: ignore[attr-defined]

    # the handout of semitendinosus, page 1
    win.state.select("semitendinosus")
    app.processEvents()
    export = win.features["export"]
    handout = export.handout()  # type: ignore[attr-defined]
    pdf = tmp / "handout.pdf"
    write_handout_pdf(win.view, handout, pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(tmp / "page")],
            check=True,
        )
        page = next(tmp.glob("page*.png"))
        shutil.copy(page, args.out / "handout_page1.png")
    win.close()
    print(f"wrote {args.out}/pain_finder.png, pain_finder_warning.png, quiz.png, handout_page1.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
