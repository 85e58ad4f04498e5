#!/usr/bin/env python3
"""Generate the plate ``assets/svg/posterior_thigh.svg`` from landmark coordinates.

    python tools/build_plate.py [--out assets/svg/posterior_thigh.svg]

Standard library only. Every shape is written in centimetres in the plate's anatomical frame
(``x`` = distance from the body's midline, lateral positive; ``y`` = height above the floor) and
converted to plate units here:

    X = 300 + 20 * x        Y = 40 + 20 * (105 - y)

so the midline is X 300, the iliac crest (y 105) is Y 40 and the floor is Y 2140. The plate shows a
RIGHT lower limb from behind: medial is left, lateral is right.

Outlines are smooth closed cubic Beziers through control points (Catmull-Rom style, with the
tangents scaled by the chord lengths so uneven spacing does not overshoot). A control point is
``(x, y)`` or ``(x, y, k)`` where ``k`` scales the tangent (``k = 0`` makes a corner).

The committed SVG is what the app reads; an illustrator may edit it in Inkscape from there on.
Re-running this script overwrites such edits.
"""

from __future__ import annotations

import argparse
import itertools
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "assets" / "svg" / "posterior_thigh.svg"

CM = 20.0  # plate units per centimetre

Pt = tuple[float, ...]  # (x, y) or (x, y, k) in cm


def X(x: float) -> float:
    return 300.0 + CM * x


def Y(y: float) -> float:
    return 40.0 + CM * (105.0 - y)


def _f(v: float) -> str:
    s = f"{v:.1f}"
    return "0.0" if s == "-0.0" else s


# --------------------------------------------------------------------------------------------
# Curves
# --------------------------------------------------------------------------------------------


def _plate(points: Sequence[Pt]) -> list[tuple[float, float, float]]:
    return [(X(p[0]), Y(p[1]), p[2] if len(p) > 2 else 1.0) for p in points]


def _tangent(p0: Sequence[float], p1: Sequence[float], p2: Sequence[float]) -> tuple[float, float]:
    """Unit-free tangent at p1: (p2 - p0) / (|p1 - p0| + |p2 - p1|)."""
    d = math.dist(p0[:2], p1[:2]) + math.dist(p1[:2], p2[:2])
    if d == 0:
        return (0.0, 0.0)
    return ((p2[0] - p0[0]) / d, (p2[1] - p0[1]) / d)


def _beziers(pts: list[tuple[float, float, float]], closed: bool) -> list[tuple[float, ...]]:
    """Cubic segments (x0, y0, c1x, c1y, c2x, c2y, x1, y1) through pts (plate units)."""
    n = len(pts)
    segs: list[tuple[float, ...]] = []
    count = n if closed else n - 1
    for i in range(count):
        a = pts[i]
        b = pts[(i + 1) % n]
        if closed:
            pa, pb = pts[i - 1], pts[(i + 2) % n]
        else:
            pa = pts[i - 1] if i > 0 else a
            pb = pts[i + 2] if i + 2 < n else b
        ta = _tangent(pa, a, b) if (closed or i > 0) else _tangent(a, a, b)
        tb = _tangent(a, b, pb) if (closed or i + 2 < n) else _tangent(a, b, b)
        chord = math.dist(a[:2], b[:2])
        c1 = (a[0] + ta[0] * chord / 3 * a[2], a[1] + ta[1] * chord / 3 * a[2])
        c2 = (b[0] - tb[0] * chord / 3 * b[2], b[1] - tb[1] * chord / 3 * b[2])
        segs.append((a[0], a[1], c1[0], c1[1], c2[0], c2[1], b[0], b[1]))
    return segs


# With evenly spaced points the handles are the usual Catmull-Rom (p2 - p0) / 6.


def path_d(points: Sequence[Pt], closed: bool = True) -> str:
    pts = _plate(points)
    segs = _beziers(pts, closed)
    out = [f"M {_f(pts[0][0])},{_f(pts[0][1])}"]
    for s in segs:
        out.append(f"C {_f(s[2])},{_f(s[3])} {_f(s[4])},{_f(s[5])} {_f(s[6])},{_f(s[7])}")
    if closed:
        out.append("Z")
    return " ".join(out)


def multi_d(*subpaths: Sequence[Pt]) -> str:
    return " ".join(path_d(sp) for sp in subpaths)


def _bez_point(s: tuple[float, ...], t: float) -> tuple[float, float]:
    u = 1 - t
    x = u**3 * s[0] + 3 * u * u * t * s[2] + 3 * u * t * t * s[4] + t**3 * s[6]
    y = u**3 * s[1] + 3 * u * u * t * s[3] + 3 * u * t * t * s[5] + t**3 * s[7]
    return (x, y)


def sample_cm(points: Sequence[Pt], n: int, closed: bool = False) -> list[tuple[float, float]]:
    """n points evenly spaced by arc length along the smooth curve through points (cm in/out)."""
    pts = _plate(points)
    segs = _beziers(pts, closed)
    dense: list[tuple[float, float]] = []
    for s in segs:
        for j in range(24):
            dense.append(_bez_point(s, j / 24))
    dense.append((segs[-1][6], segs[-1][7]))
    lengths = [0.0]
    for a, b in itertools.pairwise(dense):
        lengths.append(lengths[-1] + math.dist(a, b))
    total = lengths[-1]
    out: list[tuple[float, float]] = []
    j = 0
    for i in range(n):
        target = total * i / (n - 1)
        while j < len(lengths) - 2 and lengths[j + 1] < target:
            j += 1
        seg = lengths[j + 1] - lengths[j]
        t = 0.0 if seg == 0 else (target - lengths[j]) / seg
        x = dense[j][0] + t * (dense[j + 1][0] - dense[j][0])
        y = dense[j][1] + t * (dense[j + 1][1] - dense[j][1])
        out.append(((x - 300.0) / CM, 105.0 - (y - 40.0) / CM))
    return out


def band(
    centre: Sequence[Pt], widths: Sequence[float], cap_top: bool = True, cap_bottom: bool = True
) -> list[Pt]:
    """Closed outline of a band (nerve, tendon) of given widths (cm) along a centreline."""
    left: list[Pt] = []
    right: list[Pt] = []
    n = len(centre)
    for i, p in enumerate(centre):
        a = centre[max(i - 1, 0)]
        b = centre[min(i + 1, n - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1.0
        nx, ny = dy / d, -dx / d  # to the right of travel (top->bottom: travel dy<0 -> nx<0?)
        w = widths[i] / 2
        k = 0.35 if ((i == 0 and not cap_top) or (i == n - 1 and not cap_bottom)) else 1.0
        left.append((p[0] - nx * w, p[1] - ny * w, k))
        right.append((p[0] + nx * w, p[1] + ny * w, k))
    outline: list[Pt] = list(left)
    if cap_bottom:
        a, b = centre[-2], centre[-1]
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1.0
        outline.append((b[0] + dx / d * widths[-1] * 0.45, b[1] + dy / d * widths[-1] * 0.45))
    outline.extend(reversed(right))
    if cap_top:
        a, b = centre[1], centre[0]
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1.0
        outline.append((b[0] + dx / d * widths[0] * 0.45, b[1] + dy / d * widths[0] * 0.45))
    return outline


def sides_outline(
    left: Sequence[Pt], right: Sequence[Pt], top: Pt | None = None, bottom: Pt | None = None
) -> list[Pt]:
    """Closed outline from two sides listed top->bottom, with optional cap points."""
    out: list[Pt] = list(left)
    if bottom is not None:
        out.append(bottom)
    out.extend(reversed(right))
    if top is not None:
        out.append(top)
    return out


def fibres_between(
    side_a: Sequence[Pt],
    side_b: Sequence[Pt],
    count: int,
    t0: float = 0.05,
    t1: float = 0.95,
    u0: float = 0.12,
    u1: float = 0.88,
    samples: int = 40,
) -> list[str]:
    """Fibre lines running along a muscle, interpolated between its two sides."""
    a = sample_cm(side_a, samples)
    b = sample_cm(side_b, samples)
    i0, i1 = int(t0 * (samples - 1)), math.ceil(t1 * (samples - 1))
    lines = []
    for k in range(count):
        u = u0 + (u1 - u0) * (k / (count - 1) if count > 1 else 0.5)
        pts = [
            ((1 - u) * a[i][0] + u * b[i][0], (1 - u) * a[i][1] + u * b[i][1])
            for i in range(i0, i1 + 1, 3)
        ]
        lines.append(path_d(pts, closed=False))
    return lines


def fibres_fan(
    origin: Sequence[Pt],
    insertion: Sequence[Pt],
    count: int,
    s0: float = 0.06,
    s1: float = 0.94,
    bow: float = 0.0,
    trim: float = 0.04,
) -> list[str]:
    """Fibre lines from points along an origin curve to matching points along an insertion."""
    o = sample_cm(origin, count + 2)[1:-1]
    e = sample_cm(insertion, count + 2)[1:-1]
    lines = []
    for (ox, oy), (ex, ey) in zip(o, e, strict=True):
        sx, sy = ox + (ex - ox) * trim, oy + (ey - oy) * trim
        fx, fy = ex - (ex - ox) * trim, ey - (ey - oy) * trim
        mx, my = (sx + fx) / 2, (sy + fy) / 2
        dx, dy = fx - sx, fy - sy
        mx += -dy * bow
        my += dx * bow
        lines.append(path_d([(sx, sy), (mx, my), (fx, fy)], closed=False))
    del s0, s1
    return lines


# --------------------------------------------------------------------------------------------
# Palette and SVG writers
# --------------------------------------------------------------------------------------------

SUP = dict(fill="url(#gMuscleSup)", stroke="#7a3028", sw=1.6)
SUP_GM = dict(fill="url(#gGluteMax)", stroke="#7a3028", sw=1.6)
DEEP = dict(fill="url(#gMuscleDeep)", stroke="#5f231d", sw=1.6)
TENDON = dict(fill="url(#gTendon)", stroke="#9c9479", sw=1.3)
TENDON_DEEP = dict(fill="url(#gTendonDeep)", stroke="#8f876c", sw=1.3)
BONE = dict(fill="url(#gBone)", stroke="#b3a487", sw=1.4, opacity=0.92)
LANDMARK = dict(fill="#e2d2a8", stroke="#9d8a64", sw=1.2, opacity=0.95)
NERVE = dict(fill="url(#gNerve)", stroke="#a8821a", sw=1.1)

FIBRE_SUP = 'fill="none" stroke="#7e2f27" stroke-opacity="0.32" stroke-width="0.9"'
FIBRE_DEEP = 'fill="none" stroke="#5a1f19" stroke-opacity="0.34" stroke-width="0.9"'
FIBRE_TENDON = 'fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="0.9"'
FIBRE_NERVE = 'fill="none" stroke="#b08a1e" stroke-opacity="0.55" stroke-width="0.6"'


class Doc:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def w(self, text: str) -> None:
        self.lines.append("  " * self.depth + text)

    def open(self, text: str) -> None:
        self.w(text)
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.w(f"</{tag}>")

    def region(
        self, rid: str, title: str, d: str, style: dict[str, object], extra: str = ""
    ) -> None:
        op = style.get("opacity")
        op_attr = f' fill-opacity="{op}"' if op is not None else ""
        self.open(
            f'<path id="{rid}" d="{d}" fill="{style["fill"]}"{op_attr} '
            f'stroke="{style["stroke"]}" stroke-width="{style["sw"]}" '
            f'stroke-linejoin="round"{extra}>'
        )
        self.w(f"<title>{escape(title)}</title>")
        self.close("path")

    def decor(self, paths: Iterable[str], attrs: str) -> None:
        paths = list(paths)
        if not paths:
            return
        self.open('<g class="decor">')
        for d in paths:
            self.w(f'<path d="{d}" {attrs}/>')
        self.close("g")

    def decor_shapes(self, shapes: Iterable[tuple[str, str]]) -> None:
        shapes = list(shapes)
        if not shapes:
            return
        self.open('<g class="decor">')
        for d, attrs in shapes:
            self.w(f'<path d="{d}" {attrs}/>')
        self.close("g")


def _x_mark(cx: float, cy: float, a: float = 14.0, width: float = 6.0) -> str:
    """A bold X (closed outline) centred at (cx, cy) in plate units, arms reaching +-a."""
    s = width / 2 / math.sqrt(2)
    pts = [
        (0, -2 * s),
        (a - s, -a - s),
        (a + s, -a + s),
        (2 * s, 0),
        (a + s, a - s),
        (a - s, a + s),
        (0, 2 * s),
        (-a + s, a + s),
        (-a - s, a - s),
        (-2 * s, 0),
        (-a - s, -a + s),
        (-a + s, -a - s),
    ]
    return "M " + " L ".join(f"{_f(cx + px)},{_f(cy + py)}" for px, py in pts) + " Z"


# --------------------------------------------------------------------------------------------
# The drawing (all coordinates in cm: x from the midline, lateral +; y above the floor)
# --------------------------------------------------------------------------------------------


def x_c(y: float) -> float:
    """Centre of the femoral shaft at height y."""
    return 9.5 + 0.125 * (y - 52.0)


# fmt: off
SKIN: list[Pt] = [
    (-2.6, 106.9, 0), (-2.6, 99.0), (-2.3, 93.0), (-1.3, 88.0), (0.2, 84.0), (1.0, 80.0),
    (1.5, 75.5), (2.0, 70.0), (2.6, 64.0), (3.1, 59.0), (3.45, 55.0), (3.6, 51.0), (3.55, 47.0),
    (3.4, 43.0), (3.25, 39.0), (3.4, 35.0), (4.1, 30.0), (5.1, 24.0), (5.85, 18.0), (6.1, 13.0),
    (5.8, 10.0), (5.55, 8.0), (5.75, 5.5), (6.3, 2.6), (7.4, 0.6), (9.2, 0.1), (11.0, 0.6),
    (12.2, 2.7), (12.8, 5.2), (13.1, 6.8), (12.85, 8.9), (12.6, 12.0), (12.9, 17.0), (13.75, 24.0),
    (14.7, 31.0), (15.2, 37.0), (15.1, 42.0), (14.75, 46.0), (14.65, 50.0), (14.95, 54.0),
    (15.55, 59.0), (16.25, 64.0), (16.9, 70.0), (17.5, 76.0), (17.95, 81.0), (18.35, 86.0),
    (18.7, 90.5), (18.6, 94.0), (18.0, 98.0), (17.1, 101.5), (16.3, 104.5), (16.1, 106.9, 0),
]

# ---- bones ----------------------------------------------------------------------------------
FEMUR: list[Pt] = [
    (9.0, 94.3), (10.8, 93.9), (12.3, 92.8), (14.0, 92.4), (15.2, 92.9), (16.4, 93.0),
    (17.4, 92.3), (17.85, 90.6), (17.75, 88.6), (16.9, 86.9), (15.6, 85.6),
    (14.4, 80.0), (13.4, 72.0), (12.4, 64.0), (12.2, 60.0), (12.7, 56.8), (13.7, 54.2),
    (14.35, 52.0), (14.3, 50.2), (13.5, 48.9), (12.0, 48.6), (10.8, 49.2), (10.0, 50.3, 0.5),
    (9.1, 49.1), (7.8, 48.5), (6.3, 48.6), (5.3, 49.6), (5.0, 51.4), (5.15, 53.0), (5.6, 54.2),
    (7.1, 56.5), (8.6, 59.5), (9.6, 64.0), (10.6, 72.0), (11.6, 80.0), (12.15, 84.4),
    (11.4, 86.2), (11.8, 87.8), (10.8, 89.3), (9.4, 89.7), (7.6, 90.3), (6.7, 92.0), (7.3, 93.7),
]
TIBIA: list[Pt] = [
    (4.9, 48.6), (6.5, 49.4), (9.5, 49.6), (12.5, 49.4), (14.0, 48.8), (14.2, 47.6),
    (12.9, 46.6), (11.2, 45.2), (10.3, 42.0), (10.0, 36.0), (9.9, 25.0), (9.9, 15.0),
    (10.4, 10.0), (10.9, 7.6), (10.2, 6.8), (8.2, 6.9), (7.3, 6.2), (6.3, 6.6), (5.95, 8.0),
    (6.2, 10.0), (6.6, 14.0), (7.0, 20.0), (7.1, 28.0), (6.8, 36.0), (6.1, 41.0), (5.3, 44.5),
    (4.8, 47.0),
]
FIBULA: list[Pt] = [
    (12.2, 46.8), (12.8, 47.9), (13.6, 47.9), (14.3, 47.0), (14.2, 45.6), (13.3, 44.4),
    (13.15, 40.0), (13.0, 30.0), (12.65, 20.0), (12.5, 12.0), (12.9, 9.0), (12.8, 6.3),
    (12.2, 4.6), (11.4, 5.2), (11.2, 7.5), (11.6, 12.0), (11.8, 20.0), (12.0, 30.0),
    (12.1, 40.0), (12.0, 44.0), (11.9, 45.8),
]
PELVIS: list[Pt] = [
    (4.3, 100.4, 0.6), (5.2, 102.4), (7.5, 104.2), (10.5, 105.1), (13.5, 105.2), (15.6, 104.4),
    (16.7, 102.6), (16.6, 100.6), (15.7, 99.2), (15.2, 97.8), (15.0, 96.2), (14.0, 95.0),
    (12.0, 93.6), (11.3, 91.0), (10.2, 88.5), (8.8, 86.5), (7.8, 84.6), (6.3, 83.3), (4.9, 83.8),
    (4.2, 85.2), (3.0, 86.6), (1.5, 87.4), (0.1, 87.8, 0.4), (0.1, 91.0, 0.4), (1.6, 92.2),
    (3.4, 92.6), (4.6, 91.6), (5.3, 90.6, 0.4), (6.6, 92.5), (7.7, 94.6), (7.2, 96.8),
    (4.6, 98.3), (4.2, 99.3),
]
SACRUM: list[Pt] = [
    (-2.4, 101.7, 0), (1.0, 102.0), (3.2, 101.8), (5.0, 101.3), (5.4, 100.2), (4.9, 98.6),
    (4.2, 96.2), (3.3, 93.6), (2.3, 91.6), (1.4, 90.4), (1.0, 89.4), (0.5, 88.4),
    (0.0, 87.9, 0.5), (-0.5, 88.4), (-1.0, 89.4), (-1.4, 90.4), (-2.4, 91.8, 0),
]
CALCANEUS: list[Pt] = [
    (6.9, 5.6), (8.3, 6.3), (10.3, 6.2), (11.7, 5.2), (12.0, 3.2), (11.3, 1.2), (9.3, 0.55),
    (7.5, 1.0), (6.6, 2.8),
]
# deep flexor tendons behind the medial malleolus, fibular tendons behind the lateral one
MEDIAL_ANKLE_TENDONS: list[list[Pt]] = [
    [(7.3, 17.0), (7.0, 12.0), (6.75, 8.8), (6.35, 6.5), (6.15, 6.0)],
    [(7.9, 17.0), (7.6, 12.0), (7.35, 8.6), (7.0, 6.1), (6.75, 5.5)],
]
LATERAL_ANKLE_TENDONS: list[list[Pt]] = [
    [(11.1, 17.0), (11.3, 12.0), (11.6, 8.5), (12.0, 5.4), (12.2, 4.7)],
    [(11.6, 17.0), (11.85, 12.0), (12.1, 8.6), (12.4, 6.0), (12.55, 5.4)],
]

# landmarks (drawn on the bones)
ISCHIAL_TUBEROSITY: list[Pt] = [
    (5.4, 88.2), (6.8, 88.0), (7.7, 86.6), (7.8, 84.8), (7.1, 83.5), (5.9, 83.1), (4.8, 83.6),
    (4.2, 84.9), (4.4, 86.8),
]
GREATER_TROCHANTER: list[Pt] = [
    (15.0, 92.7), (16.3, 93.0), (17.4, 92.3), (17.85, 90.5), (17.7, 88.4), (16.9, 86.9),
    (15.6, 87.0), (14.9, 88.6), (14.7, 90.6),
]
LINEA_ASPERA: list[Pt] = (
    [(x_c(83.6), 83.6, 0.6)]
    + [(x_c(y) + 0.3, y) for y in (82.0, 76.0, 70.0, 64.0)]
    + [(x_c(59.5) + 0.22, 59.5), (x_c(57.4), 57.4, 0.6), (x_c(59.5) - 0.22, 59.5)]
    + [(x_c(y) - 0.3, y) for y in (64.0, 70.0, 76.0, 82.0)]
)
MEDIAL_FEMORAL_CONDYLE: list[Pt] = [
    (5.3, 51.8), (6.0, 52.7), (7.6, 52.9), (8.9, 52.2), (9.5, 50.6), (9.1, 49.1), (7.8, 48.5),
    (6.3, 48.6), (5.3, 49.7),
]
LATERAL_FEMORAL_CONDYLE: list[Pt] = [
    (10.4, 52.3), (11.7, 53.0), (13.3, 52.7), (14.2, 51.6), (14.2, 50.0), (13.4, 48.9),
    (12.0, 48.7), (10.8, 49.3), (10.1, 50.7),
]
MEDIAL_TIBIAL_CONDYLE: list[Pt] = [
    (4.9, 48.5), (6.3, 49.2), (7.8, 49.0), (8.0, 47.9), (7.3, 46.9), (6.0, 46.5), (5.0, 46.9),
    (4.7, 47.7),
]
FIBULAR_HEAD: list[Pt] = [
    (12.3, 46.9), (12.8, 47.8), (13.7, 47.9), (14.3, 47.0), (14.2, 45.8), (13.5, 45.2),
    (12.7, 45.4),
]
PES_ANSERINUS: list[Pt] = [
    (4.6, 45.6), (5.6, 45.7), (6.5, 45.0), (6.6, 43.6), (6.0, 42.6), (5.1, 42.5), (4.6, 43.3),
    (4.45, 44.5),
]

# ---- deep muscles ---------------------------------------------------------------------------
GLUTEUS_MEDIUS: list[Pt] = [
    (6.3, 101.2), (7.0, 102.8), (9.0, 103.9), (12.0, 104.4), (14.3, 104.2), (15.8, 103.3),
    (16.7, 101.5), (17.3, 98.5), (17.65, 95.0), (17.85, 92.6), (17.7, 91.1, 0.6),
    (17.0, 91.5), (16.4, 92.4), (15.6, 93.2), (13.0, 95.2), (10.3, 97.0), (8.2, 98.0),
    (6.8, 99.0),
]
GLUTEUS_MEDIUS_ORIGIN: list[Pt] = [(7.0, 101.8), (9.0, 103.3), (12.0, 103.8), (14.3, 103.6),
                                   (16.2, 102.0), (17.0, 98.5)]
GLUTEUS_MEDIUS_INSERT: list[Pt] = [(9.0, 98.0), (12.5, 96.0), (15.3, 93.8), (16.8, 92.4),
                                   (17.4, 91.6), (17.6, 91.0)]
PIRIFORMIS_UP: list[Pt] = [(2.7, 97.3), (5.6, 97.7), (8.5, 96.6), (11.5, 94.8), (14.0, 93.3),
                           (15.8, 92.8)]
PIRIFORMIS_LO: list[Pt] = [(2.7, 94.5), (5.4, 93.4), (7.8, 92.9), (10.0, 92.4), (12.5, 92.0),
                           (14.8, 91.9), (16.1, 91.8)]
PIRIFORMIS: list[Pt] = [(2.5, 96.0), *PIRIFORMIS_UP, (16.75, 92.35, 0.5), *PIRIFORMIS_LO[::-1]]
GEMELLI_OBTURATOR: list[Pt] = [
    (5.8, 90.6), (8.5, 90.9), (12.0, 90.9), (15.3, 90.6, 0.5), (15.0, 89.3), (12.0, 88.5),
    (8.5, 88.5), (6.0, 89.1),
]
QUADRATUS_FEMORIS: list[Pt] = [
    (7.7, 87.6), (10.5, 87.5), (13.5, 87.6), (14.6, 87.2, 0.5), (14.4, 85.4), (11.0, 85.3),
    (7.9, 85.3),
]
SACROTUBEROUS_LIGAMENT: list[Pt] = [
    (3.6, 99.4), (5.0, 99.0), (5.2, 95.5), (5.3, 91.5), (5.6, 88.3), (5.7, 86.8, 0.5),
    (5.0, 86.7), (4.5, 88.5), (3.4, 91.0), (2.4, 93.5), (2.2, 96.5), (2.6, 98.8),
]
ADDUCTOR_MAGNUS: list[Pt] = [
    (0.9, 87.7), (2.4, 86.9), (3.5, 85.3), (4.3, 83.7), (5.6, 83.2), (7.8, 84.4), (10.5, 85.0),
    (13.0, 85.2), (14.1, 84.7, 0.6),
    (x_c(82) - 0.35, 82.0), (x_c(76) - 0.35, 76.0), (x_c(70) - 0.35, 70.0),
    (x_c(64) - 0.35, 64.0), (10.2, 61.6), (8.9, 60.6), (7.3, 58.6), (6.3, 56.0), (5.8, 54.0, 0.5),
    (5.0, 54.3), (4.4, 56.5), (3.4, 61.0), (2.6, 66.0), (2.0, 72.0), (1.5, 78.0), (1.0, 83.0),
    (0.75, 86.0),
]
ADDUCTOR_TENDON: list[Pt] = [
    (8.9, 60.9), (7.4, 58.6), (6.3, 55.9), (5.85, 54.3, 0.5), (5.25, 54.6), (5.4, 57.0),
    (6.4, 59.6), (7.6, 61.3),
]
ADDUCTOR_ORIGIN: list[Pt] = [(1.4, 86.9), (2.8, 86.2), (3.8, 84.6), (4.6, 83.6), (6.5, 83.6),
                             (9.5, 84.4), (13.0, 84.6)]
ADDUCTOR_INSERT: list[Pt] = [(2.2, 72.0), (3.6, 62.0), (5.6, 55.5), (8.2, 60.3), (10.9, 66.0),
                             (12.0, 74.0), (13.2, 82.5)]
VASTUS_LATERALIS: list[Pt] = [
    (14.3, 86.4), (16.4, 86.8), (17.45, 84.8), (17.3, 81.0), (16.9, 76.0), (16.3, 70.0),
    (15.7, 64.0), (15.1, 59.0), (14.6, 54.5), (14.3, 52.0, 0.5), (13.8, 53.2), (13.3, 56.0),
    (12.8, 60.0), (12.5, 66.0), (12.45, 71.0), (x_c(74) + 0.35, 74.0), (x_c(78) + 0.35, 78.0),
    (x_c(82) + 0.35, 82.0), (14.0, 85.0),
]
VL_A: list[Pt] = [(14.4, 85.5), (13.7, 80.0), (13.0, 74.0), (12.6, 68.0), (12.8, 62.0),
                  (13.4, 57.0)]
VL_B: list[Pt] = [(17.0, 83.0), (16.8, 77.0), (16.3, 71.0), (15.8, 65.0), (15.2, 59.0),
                  (14.6, 54.5)]
SHORT_HEAD_MED: list[Pt] = [(12.9, 75.0), (12.2, 71.0), (11.6, 66.0), (11.3, 62.0), (11.4, 58.5),
                            (11.9, 55.5), (12.6, 52.8)]
SHORT_HEAD_LAT: list[Pt] = [(13.3, 74.5), (14.0, 69.0), (14.5, 65.0), (14.75, 61.0),
                            (14.7, 57.5), (14.4, 54.0), (13.9, 51.5)]
SHORT_HEAD: list[Pt] = [*SHORT_HEAD_MED, (13.25, 50.6, 0.5), *SHORT_HEAD_LAT[::-1],
                        (13.15, 75.4, 0.5)]
SM_BELLY: list[Pt] = [
    (6.9, 77.5, 0.6), (7.5, 74.0), (8.1, 70.0), (8.6, 66.0), (8.85, 62.0), (8.8, 58.5),
    (8.4, 55.5), (7.8, 53.4), (7.0, 52.4, 0.7), (5.9, 52.6), (4.7, 53.8), (3.8, 56.5),
    (3.4, 60.0), (3.45, 64.0), (3.8, 68.0), (4.4, 72.0), (5.3, 75.5),
]
SM_BELLY_MED: list[Pt] = [(6.6, 76.8), (5.3, 75.5), (4.4, 72.0), (3.8, 68.0), (3.45, 64.0),
                          (3.4, 60.0), (3.8, 56.5), (4.7, 53.8), (6.0, 52.8)]
SM_BELLY_LAT: list[Pt] = [(7.1, 76.8), (7.5, 74.0), (8.1, 70.0), (8.6, 66.0), (8.85, 62.0),
                          (8.8, 58.5), (8.4, 55.5), (7.8, 53.4), (7.0, 52.6)]
SM_PROX_MED: list[Pt] = [(5.6, 85.0), (4.8, 82.0), (4.35, 78.0), (4.3, 74.0), (4.3, 70.0),
                         (4.45, 67.5)]
SM_PROX_LAT: list[Pt] = [(7.5, 85.4), (7.1, 83.0), (6.5, 80.0), (6.0, 77.0), (5.7, 73.0),
                         (5.4, 69.5), (5.0, 67.0)]
SM_PROX: list[Pt] = [*SM_PROX_MED, (4.65, 66.2, 0.5), *SM_PROX_LAT[::-1], (6.6, 86.0, 0.6)]
SM_TENDON_MED: list[Pt] = [(6.1, 54.6), (5.6, 51.5), (5.4, 49.5), (5.45, 48.3)]
SM_TENDON_LAT: list[Pt] = [(7.1, 54.4), (6.75, 51.3), (6.5, 49.5), (6.45, 48.3)]
SM_TENDON: list[Pt] = [*SM_TENDON_MED, (5.95, 47.7, 0.6), *SM_TENDON_LAT[::-1], (6.6, 55.0)]
POPLITEUS: list[Pt] = [
    (12.9, 49.3, 0.4), (12.4, 47.6), (10.8, 45.6), (8.9, 43.6), (7.2, 42.1, 0.5), (6.75, 43.5),
    (6.7, 45.5), (7.0, 46.9, 0.6), (8.7, 47.4), (10.8, 48.3), (12.3, 49.1),
]
POPLITEUS_ORIGIN: list[Pt] = [(12.5, 48.85), (12.4, 48.4), (12.25, 47.8)]
POPLITEUS_INSERT: list[Pt] = [(7.4, 46.6), (7.0, 44.5), (7.6, 42.8)]
SOLEUS: list[Pt] = [
    (4.8, 39.7), (6.2, 40.6), (8.0, 41.6), (10.2, 43.0), (12.3, 44.6), (13.6, 45.2),
    (14.3, 44.6), (14.7, 42.0), (14.75, 38.0), (14.45, 33.0), (13.85, 28.0), (13.0, 22.0),
    (11.6, 16.0), (10.4, 11.5), (10.0, 9.6, 0.5), (9.0, 9.2), (8.2, 9.8, 0.5), (7.8, 13.0),
    (6.6, 19.0), (5.4, 25.0), (4.4, 30.0), (3.8, 35.0), (3.75, 38.0), (4.0, 39.4),
]
SOLEUS_A: list[Pt] = [(4.6, 39.0), (4.3, 34.0), (4.8, 29.0), (6.0, 22.5), (7.8, 14.0), (8.6, 10.3)]
SOLEUS_B: list[Pt] = [(13.8, 44.6), (14.5, 39.0), (14.3, 33.0), (13.4, 25.0), (11.7, 16.5),
                      (9.8, 10.2)]
POPLITEAL_FAT: list[Pt] = [
    (9.6, 61.0), (11.0, 57.5), (11.9, 52.5), (11.4, 48.5), (10.4, 44.5), (9.6, 42.2), (8.8, 44.5),
    (8.3, 48.5), (8.0, 53.0), (8.6, 57.5),
]

# ---- nerves ---------------------------------------------------------------------------------
SCIATIC_C: list[Pt] = [(7.9, 92.75), (8.5, 90.8), (9.3, 88.4), (9.9, 85.5), (10.05, 82.0),
                       (10.05, 77.0), (9.95, 71.0), (9.8, 66.0), (9.75, 61.6)]
TIBIAL_C: list[Pt] = [(9.75, 62.3), (9.85, 57.0), (9.9, 52.0), (9.85, 47.0), (9.75, 44.5),
                      (9.7, 42.6)]
CFN_C: list[Pt] = [(9.8, 62.2), (10.4, 59.5), (11.1, 56.5), (11.7, 53.5), (12.2, 51.0),
                   (12.55, 49.0), (12.8, 47.2), (13.05, 45.6), (13.5, 44.4), (14.1, 43.7)]

# ---- superficial muscles --------------------------------------------------------------------
ITB_MED: list[Pt] = [(16.0, 88.5), (15.8, 86.0), (15.9, 81.0), (15.8, 76.0), (15.5, 70.0),
                     (15.1, 64.0), (14.7, 58.0), (14.4, 54.0), (14.2, 51.0), (14.2, 48.6)]
ITB_LAT: list[Pt] = [(18.2, 88.5), (18.15, 86.0), (17.85, 81.0), (17.42, 76.0), (16.82, 70.0),
                     (16.15, 64.0), (15.45, 59.0), (14.85, 54.0), (14.58, 50.0), (14.55, 48.4)]
ITB: list[Pt] = [*ITB_MED, (14.4, 47.9, 0.5), *ITB_LAT[::-1], (17.1, 89.2)]
GRACILIS_MED: list[Pt] = [(0.45, 88.0), (0.75, 85.0), (1.2, 80.0), (1.65, 75.0), (2.15, 70.0),
                          (2.7, 65.0), (3.2, 60.0), (3.55, 56.0), (3.85, 52.0), (4.1, 48.5),
                          (4.45, 46.0)]
GRACILIS_LAT: list[Pt] = [(2.4, 87.6), (2.85, 84.0), (3.1, 80.0), (3.3, 75.0), (3.55, 70.0),
                          (3.75, 65.0), (4.0, 60.0), (4.25, 56.0), (4.5, 52.0), (4.7, 48.5),
                          (5.0, 46.2)]
GRACILIS: list[Pt] = [*GRACILIS_MED, (4.85, 45.1, 0.6), *GRACILIS_LAT[::-1], (1.4, 88.4)]
GRACILIS_TENDON: list[Pt] = [
    (3.95, 57.0), (4.45, 52.0), (4.72, 48.4), (4.95, 46.2), (4.7, 45.3), (4.35, 46.0),
    (4.1, 48.5), (3.85, 52.0), (3.5, 57.0),
]
SARTORIUS_MED: list[Pt] = [(3.5, 57.5), (3.6, 54.0), (3.72, 50.0), (3.95, 47.0), (4.35, 45.3)]
SARTORIUS_LAT: list[Pt] = [(3.95, 58.0), (4.3, 54.0), (4.45, 50.0), (4.7, 47.0), (5.05, 45.5)]
SARTORIUS: list[Pt] = [*SARTORIUS_MED, (4.8, 44.85, 0.6), *SARTORIUS_LAT[::-1],
                       (3.55, 58.7, 0.5)]
ST_TENDON_C: list[Pt] = [(6.55, 64.5), (6.35, 60.0), (6.0, 56.0), (5.55, 52.0), (5.2, 49.0),
                         (5.05, 47.0), (5.15, 45.6), (5.35, 44.95)]
ST_TENDON_W: list[float] = [0.72, 0.72, 0.7, 0.68, 0.66, 0.64, 0.62, 0.6]
ST_MED: list[Pt] = [(5.9, 84.2), (5.5, 81.0), (5.2, 77.0), (5.05, 73.0), (5.15, 70.0),
                    (5.45, 67.0), (5.85, 64.5), (6.15, 63.0)]
ST_LAT: list[Pt] = [(6.6, 84.6), (7.5, 81.0), (8.3, 77.0), (8.65, 73.0), (8.6, 70.0),
                    (8.2, 67.0), (7.5, 64.5), (6.9, 63.0)]
ST: list[Pt] = [*ST_MED, (6.5, 62.3, 0.6), *ST_LAT[::-1], (6.2, 85.1, 0.6)]
ST_INTERSECTION: list[Pt] = [(5.3, 74.3), (6.9, 73.95), (8.45, 73.2), (8.5, 72.95), (6.9, 73.6),
                             (5.25, 74.0)]
LH_MED: list[Pt] = [(6.35, 84.7), (6.9, 82.0), (7.5, 79.0), (8.1, 76.0), (8.5, 73.0),
                    (8.85, 70.0), (9.4, 67.0), (10.1, 64.0), (10.8, 61.0), (11.3, 58.5),
                    (11.6, 57.0)]
LH_LAT: list[Pt] = [(7.6, 85.2), (8.4, 82.5), (9.2, 80.0), (10.0, 78.0), (10.9, 76.0),
                    (11.8, 74.0), (12.8, 71.0), (13.25, 68.0), (13.3, 64.5), (13.0, 61.0),
                    (12.7, 58.5), (12.4, 56.8)]
LH: list[Pt] = [*LH_MED, (12.0, 56.0, 0.6), *LH_LAT[::-1], (6.9, 85.5, 0.6)]
BF_TENDON_MED: list[Pt] = [(11.55, 59.5), (11.9, 56.0), (12.3, 53.0), (12.7, 50.5),
                           (12.9, 48.5), (12.85, 47.0)]
BF_TENDON_LAT: list[Pt] = [(12.75, 59.5), (13.15, 56.0), (13.55, 53.0), (13.9, 50.5),
                           (14.1, 48.5), (14.05, 46.9)]
BF_TENDON: list[Pt] = [*BF_TENDON_MED, (13.45, 46.35, 0.7), *BF_TENDON_LAT[::-1],
                       (12.15, 60.1)]
GASTRO_MED: list[Pt] = [
    (6.0, 51.8), (6.75, 53.0), (7.7, 53.6), (8.4, 53.1), (8.6, 51.6), (8.55, 49.5),
    (8.8, 46.5), (9.2, 43.5), (9.5, 40.5), (9.55, 36.5), (9.45, 32.0), (9.3, 28.0),
    (8.9, 25.6), (8.2, 24.9, 0.6), (7.0, 25.8), (5.8, 28.5), (4.95, 32.0), (4.45, 35.5),
    (4.35, 38.5), (4.55, 41.0), (5.1, 43.5), (5.8, 45.5), (6.1, 47.5), (6.05, 50.0),
]
GASTRO_MED_A: list[Pt] = [(6.7, 52.6), (6.2, 49.0), (5.9, 46.0), (4.9, 42.0), (4.6, 38.0),
                          (4.9, 33.0), (5.8, 28.5), (7.3, 25.8)]
GASTRO_MED_B: list[Pt] = [(8.1, 53.4), (8.5, 50.0), (8.85, 46.0), (9.4, 41.0), (9.5, 37.0),
                          (9.4, 32.0), (9.2, 28.0), (8.7, 25.4)]
GASTRO_LAT: list[Pt] = [
    (10.85, 52.4), (11.25, 53.3), (11.7, 53.4), (11.95, 52.6), (12.0, 51.2), (12.1, 50.0),
    (12.4, 48.0),
    (12.7, 46.0), (12.95, 43.5), (13.05, 40.0), (12.9, 36.0), (12.4, 32.0), (11.6, 29.0),
    (10.6, 27.8, 0.6), (9.7, 28.5), (9.55, 32.0), (9.55, 37.0), (9.6, 40.5), (10.1, 43.5),
    (10.6, 46.5), (10.9, 49.5), (10.8, 51.3),
]
GASTRO_LAT_A: list[Pt] = [(11.1, 52.8), (10.95, 49.0), (10.4, 45.0), (9.7, 41.0), (9.65, 36.0),
                          (9.75, 31.0), (10.3, 28.4)]
GASTRO_LAT_B: list[Pt] = [(11.7, 53.0), (12.0, 49.0), (12.6, 45.0), (12.95, 40.0), (12.8, 36.0),
                          (12.2, 31.5), (11.0, 28.3)]
CALC_L: list[Pt] = [(7.5, 27.5), (8.0, 22.0), (8.3, 16.0), (8.35, 10.0), (8.2, 5.5), (8.0, 2.8)]
CALC_R: list[Pt] = [(11.0, 27.5), (10.4, 22.0), (10.0, 16.0), (9.85, 10.0), (10.0, 5.5),
                    (10.2, 2.8)]
CALCANEAL: list[Pt] = [*CALC_L, (9.1, 2.0, 0.7), *CALC_R[::-1], (9.25, 28.6)]
GLUTEUS_MAXIMUS: list[Pt] = [
    (5.5, 102.5), (7.6, 101.0), (10.4, 98.3), (13.3, 94.3), (15.8, 90.3), (17.6, 88.6),
    (18.05, 86.0), (17.95, 82.5), (17.6, 79.7, 0.6), (16.0, 79.2), (13.5, 79.6), (10.6, 80.4),
    (8.1, 81.7), (5.9, 83.7), (4.2, 85.9), (2.4, 87.5), (0.6, 88.7, 0.6), (0.85, 90.5),
    (1.55, 93.0), (2.3, 96.0), (2.9, 99.0), (3.6, 101.4), (4.4, 102.4),
]
GM_ORIGIN: list[Pt] = [(5.5, 102.3), (3.7, 101.3), (2.9, 99.0), (2.3, 96.0), (1.55, 93.0),
                       (0.85, 90.5), (0.7, 88.7)]
GM_INSERT: list[Pt] = [(17.6, 88.6), (18.0, 86.0), (17.9, 83.0), (17.6, 79.6)]

# ---- referral zones -------------------------------------------------------------------------
ZONE_MH_ESSENTIAL: list[Pt] = [
    (2.2, 79.5), (2.4, 82.8), (3.3, 85.2), (4.9, 86.1), (6.6, 86.0), (8.0, 86.0), (9.2, 85.4),
    (10.0, 83.2), (9.5, 80.6), (9.8, 78.2), (8.9, 75.8), (7.2, 74.9), (5.7, 74.2), (4.1, 75.0),
    (2.9, 76.6),
]
ZONE_MH_SPILLOVER: list[Pt] = [
    (3.2, 73.8), (4.6, 74.9), (6.3, 74.6), (7.9, 74.9), (8.9, 72.6), (8.6, 69.5), (8.9, 66.0),
    (8.4, 62.0), (8.7, 58.0), (8.3, 54.5), (8.6, 50.5), (8.0, 46.5), (7.6, 42.5), (7.2, 38.5),
    (6.2, 34.3), (5.0, 34.6), (4.3, 37.0), (4.5, 40.5), (4.0, 44.0), (4.3, 48.0), (3.9, 52.0),
    (3.6, 56.5), (3.8, 61.0), (3.3, 65.0), (3.4, 69.5),
]
ZONE_BF_ESSENTIAL: list[Pt] = [
    (8.3, 49.5), (8.8, 52.6), (9.9, 54.6), (11.3, 56.0), (12.8, 55.4), (13.4, 53.2), (13.1, 50.6),
    (13.4, 48.0), (12.6, 45.3), (11.2, 44.1), (10.1, 45.2), (8.9, 46.3),
]
ZONE_BF_SPILLOVER_THIGH: list[Pt] = [
    (10.3, 58.2), (10.5, 62.5), (10.9, 66.5), (10.8, 70.5), (11.6, 74.5), (12.6, 78.2),
    (13.8, 79.0), (14.8, 76.5), (14.5, 72.5), (15.0, 68.5), (14.6, 64.0), (14.8, 60.0),
    (14.0, 57.0), (12.6, 56.2), (11.2, 56.6),
]
ZONE_BF_SPILLOVER_CALF: list[Pt] = [
    (9.2, 42.4), (9.9, 44.2), (11.2, 43.6), (12.6, 44.0), (13.1, 41.8), (12.7, 39.0),
    (12.0, 36.3), (10.8, 36.8), (9.8, 38.2), (9.5, 40.3),
]

# (id, title, x cm, y cm, deep)
TRIGGER_POINTS: list[tuple[str, str, float, float, bool]] = [
    ("tp_semitendinosus", "Semitendinosus trigger point", 6.7, 69.0, False),
    ("tp_semimembranosus_upper", "Semimembranosus trigger point (upper)", 4.75, 65.2, False),
    ("tp_semimembranosus_lower", "Semimembranosus trigger point (lower)", 4.7, 61.0, False),
    ("tp_biceps_femoris_long_head", "Biceps femoris long head trigger point", 11.8, 64.0, False),
    ("tp_biceps_femoris_short_head", "Biceps femoris short head trigger point (deep)",
     13.6, 58.5, True),
]
# fmt: on


# --------------------------------------------------------------------------------------------
# Writing the SVG
# --------------------------------------------------------------------------------------------


def defs(doc: Doc) -> None:
    doc.open("<defs>")

    def lin(gid: str, stops: list[tuple[float, str, float]], x2: str = "1", y2: str = "0") -> None:
        doc.open(f'<linearGradient id="{gid}" x1="0" y1="0" x2="{x2}" y2="{y2}">')
        for off, col, op in stops:
            extra = f' stop-opacity="{op}"' if op != 1 else ""
            doc.w(f'<stop offset="{off}" stop-color="{col}"{extra}/>')
        doc.close("linearGradient")

    lin(
        "gMuscleSup",
        [(0, "#a9493f", 1), (0.35, "#cd6f61", 1), (0.55, "#d47a6b", 1), (1, "#a44539", 1)],
    )
    lin("gGluteMax", [(0, "#ad4d42", 1), (0.45, "#d07565", 1), (1, "#a9493e", 1)], "1", "1")
    lin("gMuscleDeep", [(0, "#8d3a32", 1), (0.45, "#ae5449", 1), (1, "#8a372f", 1)])
    lin("gTendon", [(0, "#d4cdb5", 1), (0.45, "#f1eee2", 1), (1, "#cfc8ae", 1)])
    lin("gTendonDeep", [(0, "#c9c2a8", 1), (0.45, "#e6e1cf", 1), (1, "#c6bea3", 1)])
    lin("gBone", [(0, "#e7dbbd", 1), (0.5, "#f4ecd8", 1), (1, "#e4d7b6", 1)])
    lin("gNerve", [(0, "#dcae2f", 1), (0.5, "#f7d870", 1), (1, "#d9aa2c", 1)])
    lin("gSkin", [(0, "#ead3bf", 1), (0.5, "#f6e6d7", 1), (1, "#e8cfb9", 1)])
    lin("gSkinFadeDown", [(0, "#ffffff", 0.95), (1, "#ffffff", 0)], "0", "1")
    lin("gSkinFadeSide", [(0, "#ffffff", 0.9), (1, "#ffffff", 0)])
    for pid, size, colour, dots in (
        ("_stipple_medial", 12, "#c62828", ((3, 3, 1.7), (9, 9, 1.7))),
        ("_stipple_biceps", 11, "#a3162f", ((2.75, 5.5, 1.5), (8.25, 0, 1.5), (8.25, 11, 1.5))),
    ):
        doc.open(
            f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="{size}" height="{size}">'
        )
        doc.w(f'<path d="M 0,0 H {size} V {size} H 0 Z" fill="#ffffff" fill-opacity="0.38"/>')
        for cx, cy, r in dots:
            doc.w(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/>')
        doc.close("pattern")
    doc.close("defs")


def layer(doc: Doc, lid: str, label: str) -> None:
    doc.open(f'<g inkscape:groupmode="layer" id="{lid}" inkscape:label="{label}">')


def _rect(x0: float, y0: float, x1: float, y1: float) -> str:
    """An axis-aligned box (cm corners) as a path; decoration only."""
    return f"M {_f(X(x0))},{_f(Y(y0))} H {_f(X(x1))} V {_f(Y(y1))} H {_f(X(x0))} Z"


def _silhouette(doc: Doc) -> None:
    layer(doc, "layer_silhouette", "Silhouette")
    doc.w(f'<path id="_skin" d="{path_d(SKIN)}" fill="url(#gSkin)"/>')
    doc.open('<g class="decor">')
    # soften the cut at the waist and beyond the midline
    doc.w(
        f'<path id="_skin_top_fade" d="{_rect(-2.7, 107.0, 16.4, 104.6)}" '
        'fill="url(#gSkinFadeDown)"/>'
    )
    doc.w(
        f'<path id="_skin_side_fade" d="{_rect(-2.7, 107.0, -0.6, 86.0)}" '
        'fill="url(#gSkinFadeSide)"/>'
    )
    doc.w(
        f'<path id="_skin_outline" d="{path_d(SKIN[2:-2], closed=False)}" fill="none" '
        'stroke="#b89478" stroke-width="1.6" stroke-linejoin="round"/>'
    )
    doc.w(
        f'<path id="_midline" d="M {_f(X(0))},{_f(Y(107))} V {_f(Y(84.2))}" fill="none" '
        'stroke="#a58a73" stroke-width="1" stroke-dasharray="6 5" stroke-opacity="0.7"/>'
    )
    doc.close("g")
    doc.close("g")


def _bones(doc: Doc) -> None:
    layer(doc, "layer_bones", "Bones")
    bone_line = 'fill="none" stroke="#b3a487" stroke-width="1" stroke-opacity="0.7"'
    doc.region("femur", "Femur", path_d(FEMUR), BONE)
    doc.region("tibia", "Tibia", path_d(TIBIA), BONE)
    doc.region("fibula", "Fibula", path_d(FIBULA), BONE)
    doc.decor_shapes(
        [
            (
                path_d(CALCANEUS),
                'id="_calcaneus" fill="url(#gBone)" fill-opacity="0.85" '
                'stroke="#b3a487" stroke-width="1.2"',
            ),
        ]
    )
    doc.region("pelvis", "Hip bone (pelvis)", path_d(PELVIS), BONE)
    doc.decor_shapes(
        [
            # obturator foramen
            (
                path_d(
                    [(1.5, 88.6), (3.4, 88.3), (4.7, 89.4), (4.4, 91.0), (2.6, 91.4), (1.2, 90.3)]
                ),
                'fill="#c9b892" fill-opacity="0.35" stroke="#b3a487" stroke-width="1"',
            ),
            # posterior gluteal line
            (path_d([(6.6, 103.0), (7.8, 100.0), (8.4, 97.0)], closed=False), bone_line),
        ]
    )
    doc.region("sacrum", "Sacrum and coccyx", path_d(SACRUM), BONE)
    shapes = []
    for yy, xx in ((99.6, 2.2), (97.4, 2.1), (95.2, 1.9), (93.2, 1.6)):
        for cx in (xx, -xx):
            shapes.append(
                (
                    path_d([(cx - 0.45, yy), (cx, yy + 0.4), (cx + 0.45, yy), (cx, yy - 0.4)]),
                    'fill="#c9b892" fill-opacity="0.45" stroke="#b3a487" stroke-width="0.8"',
                )
            )
    shapes.append(
        (
            f"M {_f(X(0))},{_f(Y(101.6))} V {_f(Y(90.8))}",
            'fill="none" stroke="#b3a487" stroke-width="1.6" stroke-opacity="0.8"',
        )
    )
    # the far half of the sacrum, ghosted
    shapes.append(
        (
            path_d(
                [
                    (-2.4, 101.7),
                    (-4.2, 101.5),
                    (-5.3, 100.3),
                    (-4.4, 96.2),
                    (-2.8, 92.6),
                    (-1.4, 90.4),
                ],
                closed=False,
            ),
            'fill="none" stroke="#b3a487" stroke-width="1" stroke-dasharray="4 4" '
            'stroke-opacity="0.6"',
        )
    )
    doc.decor_shapes(shapes)
    # landmarks, on top of the bones
    doc.region("ischial_tuberosity", "Ischial tuberosity", path_d(ISCHIAL_TUBEROSITY), LANDMARK)
    doc.region("greater_trochanter", "Greater trochanter", path_d(GREATER_TROCHANTER), LANDMARK)
    doc.region("linea_aspera", "Linea aspera", path_d(LINEA_ASPERA), LANDMARK)
    doc.decor(
        [  # medial and lateral supracondylar lines
            path_d([(x_c(58.5) - 0.2, 58.5), (8.0, 56.5), (6.0, 54.2)], closed=False),
            path_d([(x_c(58.5) + 0.2, 58.5), (12.6, 56.0), (13.9, 53.2)], closed=False),
        ],
        'fill="none" stroke="#a8977a" stroke-width="1.1" stroke-opacity="0.8"',
    )
    doc.region(
        "medial_tibial_condyle", "Medial tibial condyle", path_d(MEDIAL_TIBIAL_CONDYLE), LANDMARK
    )
    doc.region("fibular_head", "Head of the fibula", path_d(FIBULAR_HEAD), LANDMARK)
    doc.region("pes_anserinus", "Pes anserinus", path_d(PES_ANSERINUS), LANDMARK)
    doc.region(
        "medial_femoral_condyle", "Medial femoral condyle", path_d(MEDIAL_FEMORAL_CONDYLE), LANDMARK
    )
    doc.region(
        "lateral_femoral_condyle",
        "Lateral femoral condyle",
        path_d(LATERAL_FEMORAL_CONDYLE),
        LANDMARK,
    )
    doc.close("g")


def _deep(doc: Doc) -> None:
    layer(doc, "layer_deep", "Deep muscles")
    small_muscle = 'fill="url(#gMuscleDeep)" stroke="#5f231d" stroke-width="1.2"'
    doc.region("gluteus_medius", "Gluteus medius", path_d(GLUTEUS_MEDIUS), DEEP)
    doc.decor(fibres_fan(GLUTEUS_MEDIUS_ORIGIN, GLUTEUS_MEDIUS_INSERT, 11, trim=0.05), FIBRE_DEEP)
    # small lateral rotators and the sacrotuberous ligament: decoration, not regions
    doc.decor_shapes(
        [
            (path_d(GEMELLI_OBTURATOR), f'id="_gemelli_obturator_internus" {small_muscle}'),
            (path_d(QUADRATUS_FEMORIS), f'id="_quadratus_femoris" {small_muscle}'),
            (
                path_d(SACROTUBEROUS_LIGAMENT),
                'id="_sacrotuberous_ligament" fill="url(#gTendonDeep)" fill-opacity="0.9" '
                'stroke="#8f876c" stroke-width="1"',
            ),
        ]
    )
    doc.decor(
        fibres_between([(6.2, 90.4), (15.0, 90.3)], [(6.2, 89.2), (14.8, 89.3)], 3)
        + fibres_between([(8.0, 87.2), (14.2, 87.1)], [(8.0, 85.6), (14.2, 85.6)], 4),
        FIBRE_DEEP,
    )
    doc.region("piriformis", "Piriformis", path_d(PIRIFORMIS), DEEP)
    doc.decor(fibres_between(PIRIFORMIS_UP, PIRIFORMIS_LO, 5, u0=0.2, u1=0.8), FIBRE_DEEP)
    doc.region("vastus_lateralis", "Vastus lateralis", path_d(VASTUS_LATERALIS), DEEP)
    doc.decor(fibres_fan(VL_A, VL_B, 12, trim=0.06, bow=0.04), FIBRE_DEEP)
    doc.region("adductor_magnus", "Adductor magnus", path_d(ADDUCTOR_MAGNUS), DEEP)
    doc.decor_shapes(
        [(path_d(ADDUCTOR_TENDON), 'fill="url(#gTendonDeep)" fill-opacity="0.85" stroke="none"')]
    )
    doc.decor(fibres_fan(ADDUCTOR_ORIGIN, ADDUCTOR_INSERT, 14, trim=0.05, bow=-0.03), FIBRE_DEEP)
    doc.region("popliteus", "Popliteus", path_d(POPLITEUS), DEEP)
    doc.decor(fibres_fan(POPLITEUS_ORIGIN, POPLITEUS_INSERT, 7, trim=0.06), FIBRE_DEEP)
    tendon_line = (
        'fill="none" stroke="#d8d1b8" stroke-width="9" stroke-linecap="round" stroke-opacity="0.9"'
    )
    doc.decor(
        [path_d(t, closed=False) for t in MEDIAL_ANKLE_TENDONS + LATERAL_ANKLE_TENDONS],
        tendon_line,
    )
    doc.region("soleus", "Soleus", path_d(SOLEUS), DEEP)
    doc.decor(fibres_between(SOLEUS_A, SOLEUS_B, 9, t0=0.04, t1=0.96), FIBRE_DEEP)
    doc.region("biceps_femoris_short_head", "Biceps femoris, short head", path_d(SHORT_HEAD), DEEP)
    doc.decor(
        fibres_fan(
            [(12.8, 73.5), (12.1, 69.0), (11.6, 64.5), (11.4, 60.0), (11.8, 56.0)],
            [(13.4, 72.8), (14.1, 67.5), (14.4, 62.0), (14.2, 56.5), (13.4, 52.0)],
            8,
            trim=0.08,
        ),
        FIBRE_DEEP,
    )
    doc.region(
        "semimembranosus_tendon", "Semimembranosus, distal tendon", path_d(SM_TENDON), TENDON_DEEP
    )
    doc.region("semimembranosus", "Semimembranosus", path_d(SM_BELLY), DEEP)
    doc.decor(fibres_between(SM_BELLY_MED, SM_BELLY_LAT, 8, t0=0.06, t1=0.94), FIBRE_DEEP)
    doc.region(
        "semimembranosus_proximal_tendon",
        "Semimembranosus, proximal (membranous) tendon",
        path_d(SM_PROX),
        TENDON_DEEP,
    )
    doc.decor(fibres_between(SM_PROX_MED, SM_PROX_LAT, 3, u0=0.25, u1=0.75), FIBRE_TENDON)
    doc.decor_shapes(
        [
            (
                path_d(POPLITEAL_FAT),
                'id="_popliteal_fat" fill="#f3dc8e" fill-opacity="0.22" stroke="none"',
            )
        ]
    )
    doc.close("g")


def _nerves(doc: Doc) -> None:
    layer(doc, "layer_nerves", "Nerves")
    sci_w = [1.1] + [1.2] * (len(SCIATIC_C) - 1)
    doc.region(
        "sciatic_nerve", "Sciatic nerve", path_d(band(SCIATIC_C, sci_w, cap_top=False)), NERVE
    )
    tib_w = [0.85, 0.82, 0.8, 0.78, 0.74, 0.66]
    doc.region("tibial_nerve", "Tibial nerve", path_d(band(TIBIAL_C, tib_w)), NERVE)
    cfn_w = [0.62, 0.6, 0.6, 0.58, 0.56, 0.56, 0.55, 0.55, 0.52, 0.45]
    doc.region(
        "common_fibular_nerve", "Common fibular (peroneal) nerve", path_d(band(CFN_C, cfn_w)), NERVE
    )
    doc.decor(
        [path_d([(p[0] + dx, p[1]) for p in SCIATIC_C[1:]], closed=False) for dx in (-0.22, 0.2)],
        FIBRE_NERVE,
    )
    doc.close("g")


def _superficial(doc: Doc) -> None:
    layer(doc, "layer_superficial", "Superficial muscles")
    doc.region("iliotibial_tract", "Iliotibial tract", path_d(ITB), TENDON)
    doc.decor(fibres_between(ITB_MED, ITB_LAT, 4, u0=0.2, u1=0.8), FIBRE_TENDON)
    doc.region("gracilis", "Gracilis", path_d(GRACILIS), SUP)
    doc.decor_shapes([(path_d(GRACILIS_TENDON), 'fill="url(#gTendon)" stroke="none"')])
    doc.decor(fibres_between(GRACILIS_MED[:8], GRACILIS_LAT[:8], 3, u0=0.25, u1=0.75), FIBRE_SUP)
    doc.region("sartorius", "Sartorius", path_d(SARTORIUS), SUP)
    doc.decor(fibres_between(SARTORIUS_MED, SARTORIUS_LAT, 2, u0=0.3, u1=0.7), FIBRE_SUP)
    doc.region("calcaneal_tendon", "Calcaneal (Achilles) tendon", path_d(CALCANEAL), TENDON)
    doc.decor(fibres_between(CALC_L, CALC_R, 3, u0=0.25, u1=0.75), FIBRE_TENDON)
    doc.region("gastrocnemius_lateral_head", "Gastrocnemius, lateral head", path_d(GASTRO_LAT), SUP)
    doc.decor(fibres_between(GASTRO_LAT_A, GASTRO_LAT_B, 5, u0=0.15, u1=0.85), FIBRE_SUP)
    doc.region("gastrocnemius_medial_head", "Gastrocnemius, medial head", path_d(GASTRO_MED), SUP)
    doc.decor(fibres_between(GASTRO_MED_A, GASTRO_MED_B, 6, u0=0.15, u1=0.85), FIBRE_SUP)
    doc.region(
        "semitendinosus_tendon",
        "Semitendinosus tendon",
        path_d(band(ST_TENDON_C, ST_TENDON_W)),
        TENDON,
    )
    doc.region("semitendinosus", "Semitendinosus", path_d(ST), SUP)
    doc.decor(fibres_between(ST_MED, ST_LAT, 6, t0=0.04, t1=0.97), FIBRE_SUP)
    doc.decor_shapes(
        [
            (
                path_d(ST_INTERSECTION),
                'id="_st_tendinous_intersection" fill="url(#gTendon)" fill-opacity="0.75" '
                'stroke="#9c9479" stroke-opacity="0.5" stroke-width="0.6"',
            )
        ]
    )
    doc.region("biceps_femoris_tendon", "Biceps femoris tendon", path_d(BF_TENDON), TENDON)
    doc.decor(fibres_between(BF_TENDON_MED, BF_TENDON_LAT, 2, u0=0.3, u1=0.7), FIBRE_TENDON)
    doc.region("biceps_femoris_long_head", "Biceps femoris, long head", path_d(LH), SUP)
    doc.decor(fibres_between(LH_MED, LH_LAT, 7, t0=0.03, t1=0.97), FIBRE_SUP)
    doc.region("gluteus_maximus", "Gluteus maximus", path_d(GLUTEUS_MAXIMUS), SUP_GM)
    doc.decor(fibres_fan(GM_ORIGIN, GM_INSERT, 16, trim=0.03, bow=0.02), FIBRE_SUP)
    doc.close("g")


def _zones(doc: Doc) -> None:
    layer(doc, "layer_zones", "Referral zones")
    dashed = ' stroke-dasharray="5 4"'
    doc.region(
        "zone_medial_hamstrings_essential",
        "Semitendinosus and semimembranosus: essential referred pain",
        path_d(ZONE_MH_ESSENTIAL),
        dict(fill="#c62828", opacity=0.58, stroke="#8e1b1b", sw=1.4),
    )
    doc.region(
        "zone_medial_hamstrings_spillover",
        "Semitendinosus and semimembranosus: spillover referred pain",
        path_d(ZONE_MH_SPILLOVER),
        dict(fill="url(#_stipple_medial)", stroke="#c62828", sw=1.3),
        extra=dashed,
    )
    doc.region(
        "zone_biceps_femoris_essential",
        "Biceps femoris: essential referred pain",
        path_d(ZONE_BF_ESSENTIAL),
        dict(fill="#b0183a", opacity=0.58, stroke="#7d0f28", sw=1.4),
    )
    doc.region(
        "zone_biceps_femoris_spillover",
        "Biceps femoris: spillover referred pain",
        multi_d(ZONE_BF_SPILLOVER_THIGH, ZONE_BF_SPILLOVER_CALF),
        dict(fill="url(#_stipple_biceps)", stroke="#a3162f", sw=1.3),
        extra=dashed,
    )
    doc.close("g")


def _trigger_points(doc: Doc) -> None:
    layer(doc, "layer_trigger_points", "Trigger points")
    for tid, title, x, y, deep in TRIGGER_POINTS:
        d = _x_mark(X(x), Y(y))
        doc.open('<g class="decor">')
        doc.w(
            f'<path id="_{tid}_halo" d="{d}" fill="#ffffff" stroke="#ffffff" '
            'stroke-width="4.5" stroke-linejoin="round" stroke-opacity="0.9"/>'
        )
        doc.close("g")
        if deep:  # deep: lighter and dashed
            style = dict(fill="#4a0b0b", opacity=0.55, stroke="#2a0505", sw=1.2)
            doc.region(tid, title, d, style, extra=' stroke-dasharray="3 2"')
        else:
            doc.region(tid, title, d, dict(fill="#4a0b0b", stroke="#2a0505", sw=0.8))
    doc.close("g")


def build() -> str:
    doc = Doc()
    doc.w('<?xml version="1.0" encoding="UTF-8" standalone="no"?>')
    doc.open(
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
        'viewBox="0 0 1000 2180" version="1.1" id="plate_posterior_thigh">'
    )
    doc.w("<title>Posterior thigh: right lower limb, posterior view</title>")
    doc.w(
        "<desc>Atlas plate of the back of the right thigh, from the iliac crest to the heel, seen "
        "from behind (medial on the left, lateral on the right). Plate units: X = 300 + 20 * "
        "(cm from the midline, lateral positive), Y = 40 + 20 * (105 - cm above the floor). "
        "Layers, bottom to top: silhouette, bones, deep muscles, nerves, superficial muscles, "
        "referral zones (solid = essential pain, stipple = spillover, after Travell and Simons) "
        "and trigger points (X marks). Generated by tools/build_plate.py.</desc>"
    )
    doc.w(
        '<sodipodi:namedview id="_namedview" inkscape:document-units="px" '
        'inkscape:pagecheckerboard="false"/>'
    )
    defs(doc)
    _silhouette(doc)
    _bones(doc)
    _deep(doc)
    _nerves(doc)
    _superficial(doc)
    _zones(doc)
    _trigger_points(doc)
    doc.close("svg")
    return "\n".join(doc.lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description="Generate the posterior thigh plate SVG.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(build(), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
