#!/usr/bin/env python3
"""Render every figure in data/figures.toml to PNG, plus a contact sheet.

    QT_QPA_PLATFORM=offscreen python tools/render_figures.py OUT_DIR [--only ID ...]
                              [--height 360] [--figures data/figures.toml]

Writes ``OUT_DIR/<id>[_v<n>]_<step>.png`` for every step of every figure and action, and
``OUT_DIR/contact_sheet.png`` with all of them labelled. Uses Qt's own SVG renderer (what the
app uses), so what you see here is what the panel will show.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QByteArray, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from hamstring_viewer.figure import load_figures, render_step  # noqa: E402


def render_png(svg: str, height: int) -> QImage:
    r = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not r.isValid():
        raise SystemExit("invalid SVG")
    vb = r.viewBoxF()
    w = max(1, round(height * vb.width() / vb.height()))
    img = QImage(w, height, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r.render(p, QRectF(0, 0, w, height))
    p.end()
    return img


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--height", type=int, default=360)
    ap.add_argument("--figures", type=Path, default=ROOT / "data" / "figures.toml")
    ap.add_argument("--sheet-cell", type=int, default=230)
    args = ap.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    book, problems = load_figures(args.figures)
    for problem in problems:
        print(problem, file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    cells: list[tuple[str, QImage]] = []
    entries = [(k, f) for k, f in book.figures.items()]
    entries += [(f"action_{k}", f) for k, f in book.actions.items()]
    for rid, fig in entries:
        if args.only and not any(o in rid for o in args.only):
            continue
        for vi, var in enumerate(fig.variants, 1):
            for step in var.steps:
                tag = f"{rid}_v{vi}" if len(fig.variants) > 1 else rid
                name = re.sub(r"[^A-Za-z0-9]+", "_", f"{tag}_{step.name}").strip("_")
                img = render_png(render_step(step), args.height)
                img.save(str(args.out / f"{name}.png"))
                label = f"{rid.replace('exercise_', '').replace('technique_', '')}"
                label += f" {var.label}" if var.label else ""
                cells.append((f"{label} / {step.name}", img))
    if not cells:
        return 1
    cell = args.sheet_cell
    cols = 6
    rows = (len(cells) + cols - 1) // cols
    sheet = QImage(cols * cell, rows * (cell + 18), QImage.Format.Format_ARGB32)
    sheet.fill(QColor("white"))
    p = QPainter(sheet)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont()
    font.setPixelSize(10)
    p.setFont(font)
    for i, (label, img) in enumerate(cells):
        x, y = (i % cols) * cell, (i // cols) * (cell + 18)
        scaled = img.scaled(
            cell - 6,
            cell - 6,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        p.drawImage(
            x + (cell - scaled.width()) // 2, y + 16 + (cell - 6 - scaled.height()) // 2, scaled
        )
        p.setPen(QColor("#333333"))
        p.drawText(QRectF(x + 2, y, cell - 4, 16), Qt.AlignmentFlag.AlignLeft, label[:48])
        p.setPen(QColor("#cccccc"))
        p.drawRect(x, y, cell - 1, cell + 17)
    p.end()
    sheet.save(str(args.out / "contact_sheet.png"))
    print(f"{len(cells)} figures -> {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
