#!/usr/bin/env python3
"""Screenshots of the panel's figures for docs/figures/ (offscreen, a window of 1280 x 860):

    python tools/figure_shots.py docs/figures

The leg curl, a stretch and the ball at the sitting bone each shown at a moment of their
animation; a hamstring's actions unfolded (knee flexion at its end) and folded.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: record, moment of the animation (seconds; 0: the actions folded), file
SHOTS = (
    ("exercise_leg_curl", 2.2, "panel_leg_curl.png"),
    ("stretch_standing_supported", 12.0, "panel_stretch.png"),
    ("technique_ball_ischium", 7.0, "panel_ball_sitting_bone.png"),
    ("semitendinosus", 1.8, "panel_hamstring_actions.png"),
    ("semimembranosus", 0.0, "panel_hamstring_folded.png"),
)


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    QStandardPaths.setTestModeEnabled(True)
    app = QApplication([])
    from hamstring_viewer import resources
    from hamstring_viewer._qt.window import MainWindow
    from hamstring_viewer.catalog import load_atlas
    from hamstring_viewer.userdata import UserData

    tmp = Path(tempfile.mkdtemp())
    atlas = load_atlas(resources.data_dir(), resources.plate_paths())
    settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        atlas,
        resources.plate_path().read_bytes(),
        settings,
        userdata=UserData.open(tmp / "u"),
        features=False,
    )
    window.resize(1280, 860)
    window.show()
    for _ in range(5):
        app.processEvents()
    out = Path(argv[0] if argv else "docs/figures")
    out.mkdir(parents=True, exist_ok=True)
    for record_id, moment, name in SHOTS:
        window.state.select(record_id)
        for _ in range(5):
            app.processEvents()
        area = window.panel.figure_area
        assert area is not None
        area.set_expanded(bool(moment))
        if moment:
            if record_id == "semitendinosus":  # knee flexion, at its end
                area.set_variant(1)
                assert area.timeline is not None
                moment = area.timeline.step_start(1)
            area.pause()
            area.seek(moment)
        for _ in range(3):
            app.processEvents()
        window.grab().save(str(out / name))
        print(out / name)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
