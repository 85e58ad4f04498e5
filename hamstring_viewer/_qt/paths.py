"""Plate geometry (Qt-free commands) to QPainterPath."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath

from hamstring_viewer.geometry import Region


def painter_path(region: Region) -> QPainterPath:
    """The region's outline as a QPainterPath in plate units, with its fill rule."""
    path = QPainterPath()
    for command in region.commands:
        op = command[0]
        if op == "M":
            path.moveTo(command[1], command[2])
        elif op == "L":
            path.lineTo(command[1], command[2])
        elif op == "C":
            path.cubicTo(*command[1:])
        elif op == "Q":
            path.quadTo(*command[1:])
        elif op == "Z":
            path.closeSubpath()
    path.setFillRule(Qt.FillRule.OddEvenFill if region.evenodd else Qt.FillRule.WindingFill)
    return path
