"""Plate geometry (Qt-free commands) to QPainterPath."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath

from hamstring_viewer.geometry import Region, flat_commands


def painter_path(region: Region) -> QPainterPath:
    """The region's outline as a QPainterPath in plate units, with its fill rule."""
    return outline_path(region)[0]


def outline_path(region: Region) -> tuple[QPainterPath, bool]:
    """:func:`painter_path`, and whether the path may be drawn merged with others into one
    path filled by the winding rule (see :func:`merged_paths`): a single outline, not
    even-odd filled, of a clear way round. Such an outline is turned to run one way round (the
    same for all), so that outlines merged together never cancel out where they overlap."""
    path = QPainterPath()
    starts = 0
    # twice the signed area of the polygon through the outline's on-curve points (shoelace):
    # its sign tells which way round the outline runs
    area = 0.0
    x0 = y0 = px = py = 0.0
    ops, v = flat_commands(region.commands)
    cubic_to, line_to = path.cubicTo, path.lineTo  # (looked up once: a plate has 10^5 nodes)
    at = 0
    for op in ops:
        if op == "C":
            x, y = v[at + 4], v[at + 5]
            cubic_to(v[at], v[at + 1], v[at + 2], v[at + 3], x, y)
            at += 6
        elif op == "L":
            x, y = v[at], v[at + 1]
            line_to(x, y)
            at += 2
        elif op == "M":
            starts += 1
            x0 = px = v[at]
            y0 = py = v[at + 1]
            path.moveTo(px, py)
            at += 2
            continue
        elif op == "Z":
            path.closeSubpath()
            x, y = x0, y0
        elif op == "Q":
            path.quadTo(v[at], v[at + 1], v[at + 2], v[at + 3])
            x, y = v[at + 2], v[at + 3]
            at += 4
        else:
            continue
        area += px * y - x * py
        px, py = x, y
    area += px * y0 - x0 * py  # (an outline left open is filled as if closed)
    x_min, y_min, x_max, y_max = region.bbox
    # (a polygon of next to no area, such as the two ends of a lens drawn as two curves,
    # does not tell: such an outline is drawn on its own)
    clear = abs(area) > 0.02 * (x_max - x_min) * (y_max - y_min)
    path.setFillRule(Qt.FillRule.OddEvenFill if region.evenodd else Qt.FillRule.WindingFill)
    mergeable = starts == 1 and not region.evenodd and clear
    if mergeable and area < 0.0:
        path = path.toReversed()
        path.setFillRule(Qt.FillRule.WindingFill)
    return path, mergeable


def merged_paths(paths: Sequence[QPainterPath], mergeable: Sequence[bool]) -> list[QPainterPath]:
    """What to draw for ``paths`` (a highlight of several regions): the mergeable ones as one
    path filled by the winding rule, so their fill is laid once, however many overlap, and
    one stroke and one fill draw them all (a structure drawn as many regions, or many times,
    paints some 2-3x faster); the others as they are."""
    together = [p for p, m in zip(paths, mergeable, strict=True) if m]
    if len(together) < 2:
        return list(paths)
    one = QPainterPath()
    one.setFillRule(Qt.FillRule.WindingFill)
    for path in together:
        one.addPath(path)
    return [one, *(p for p, m in zip(paths, mergeable, strict=True) if not m)]
