#!/usr/bin/env python3
"""Render the plate SVG to a PNG with Qt's own SVG renderer (what the app uses).

    python tools/render_plate.py [--svg PATH] [--out docs/plate.png] [--width 900]
                                 [--crop X Y W H] [--hide-layer LABEL ...] [--background COLOR]

``--crop`` is in plate units (the SVG's viewBox coordinates). ``--hide-layer`` takes an Inkscape
layer label (e.g. "Superficial muscles"; case-insensitive, repeatable) and renders the plate with
that layer hidden. With no ``--out`` the PNG goes to ``docs/plate.png``.

    python tools/render_plate.py --docs     # write docs/plate.png and docs/plate_knee.png

``--docs`` renders the whole plate with every layer, and the knee / popliteal fossa zoom with the
"Referral zones" layer hidden so that the anatomy of the fossa stays readable.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from xml.etree import ElementTree

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SVG = ROOT / "assets" / "svg" / "posterior_thigh.svg"
DOCS = ROOT / "docs"
INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape"
SVG_NS = "http://www.w3.org/2000/svg"

#: The knee / popliteal fossa in plate units (x 2..19 cm, y 68..32 cm).
KNEE_CROP = (330.0, 780.0, 340.0, 720.0)


def svg_bytes(svg: Path, hidden: list[str]) -> bytes:
    """The SVG's bytes, with the layers labelled in ``hidden`` set to display:none."""
    data = svg.read_bytes()
    if not hidden:
        return data
    ElementTree.register_namespace("", SVG_NS)
    ElementTree.register_namespace("inkscape", INKSCAPE_NS)
    ElementTree.register_namespace("sodipodi", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd")
    root = ElementTree.fromstring(data)
    wanted = {h.strip().lower() for h in hidden}
    found: set[str] = set()
    for element in root.iter():
        if element.get(f"{{{INKSCAPE_NS}}}groupmode") != "layer":
            continue
        label = (element.get(f"{{{INKSCAPE_NS}}}label") or "").strip().lower()
        if label in wanted:
            found.add(label)
            style = [
                p
                for p in (element.get("style") or "").split(";")
                if p.strip() and p.split(":")[0].strip() != "display"
            ]
            style.append("display:none")
            element.set("style", ";".join(style))
    missing = wanted - found
    if missing:
        raise SystemExit(f"no layer labelled {sorted(missing)} in {svg}")
    return ElementTree.tostring(root, encoding="utf-8")


def render(
    svg: Path,
    out: Path,
    width: int,
    crop: tuple[float, float, float, float] | None,
    hidden: list[str],
    background: str = "#ffffff",
) -> Path:
    renderer = QSvgRenderer(QByteArray(svg_bytes(svg, hidden)))
    if not renderer.isValid():
        raise SystemExit(f"Qt could not read {svg}")
    box = QRectF(*crop) if crop else renderer.viewBoxF()
    renderer.setViewBox(box)
    height = max(1, round(width * box.height() / box.width()))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(background) if background != "none" else QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the plate SVG to PNG with QSvgRenderer.")
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG)
    parser.add_argument("--out", type=Path, default=DOCS / "plate.png")
    parser.add_argument("--width", type=int, default=900)
    parser.add_argument("--crop", type=float, nargs=4, metavar=("X", "Y", "W", "H"))
    parser.add_argument("--hide-layer", action="append", default=[], metavar="LABEL")
    parser.add_argument("--background", default="#ffffff", help='a colour, or "none"')
    parser.add_argument(
        "--docs", action="store_true", help="write docs/plate.png (900 px) and docs/plate_knee.png"
    )
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    if args.docs:
        for path in (
            render(args.svg, DOCS / "plate.png", 900, None, args.hide_layer),
            render(
                args.svg,
                DOCS / "plate_knee.png",
                700,
                KNEE_CROP,
                [*args.hide_layer, "Referral zones"],
            ),
        ):
            print(f"wrote {path}")
        return 0
    crop = tuple(args.crop) if args.crop else None
    print(f"wrote {render(args.svg, args.out, args.width, crop, args.hide_layer, args.background)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
