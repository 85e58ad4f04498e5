"""Render the app window to PNG (offscreen), optionally with a selection and overlays.

python tools/screenshot.py --out docs/window.png --select semitendinosus --overlays all
python tools/screenshot.py --out /tmp/deep.png --view posterior_deep --select semimembranosus
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/window.png")
    parser.add_argument("--select", default="")
    parser.add_argument("--overlays", default="", help="'all', or comma-separated trigger points")
    parser.add_argument("--size", default="1500x950")
    parser.add_argument("--hide", default="", help="comma-separated layers to hide")
    parser.add_argument("--zoom", type=float, default=1.0)
    parser.add_argument("--center", default="", help="x,y plate point to centre on")
    parser.add_argument("--view", default="posterior", help="the plate (view key) to show")
    parser.add_argument("--language", default="en", help="the interface language (en, de)")
    parser.add_argument("--dark", action="store_true", help="a dark desktop palette")
    parser.add_argument("--dock", default="", help="a dock to open: pain, quiz, notes")
    args = parser.parse_args()

    from PySide6.QtCore import QPointF, QSettings
    from PySide6.QtWidgets import QApplication

    from hamstring_viewer import resources
    from hamstring_viewer._qt.translation import install_language
    from hamstring_viewer._qt.window import MainWindow
    from hamstring_viewer.catalog import load_atlas

    app = QApplication([sys.argv[0]])
    if args.dark:
        from hamstring_viewer._qt.colours import dark_palette

        app.setPalette(dark_palette())
    install_language(args.language)
    atlas = load_atlas(resources.data_dir(), resources.plate_paths()).localized(args.language)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/current", args.view)
    win = MainWindow(atlas, {}, settings)  # each plate's SVG is read from its file
    w, h = (int(v) for v in args.size.split("x"))
    win.resize(w, h)
    win.show()
    app.processEvents()
    win.view.fit()
    for layer in filter(None, args.hide.split(",")):
        win.state.set_layer_visible(layer, False)
    if args.overlays == "all":
        win.state.show_all_overlays()
    elif args.overlays:
        win.state.set_overlays(args.overlays.split(","))
    if args.select:
        win.state.select(args.select)
    for _ in range(3):
        app.processEvents()
    if args.dock:
        win.install_features_now()
        feature = win.features.get(args.dock)
        dock = getattr(feature, "dock", feature)
        if hasattr(dock, "show"):
            dock.show()
        app.processEvents()
    if args.zoom != 1.0:
        win.view.zoom_by(args.zoom)
    if args.center:
        x, y = (float(v) for v in args.center.split(","))
        win.view.centerOn(QPointF(x, y))
    app.processEvents()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    win.grab().save(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
