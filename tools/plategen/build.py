"""Plates from meshes: projection, depth order, outlines, style, nerves, trigger points.

``build_view(key)`` returns the SVG text of one plate. The same meshes and settings always give
the same bytes (no clocks, no randomness, fixed rounding), so a plate's diff shows what changed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import raster
from .mesh import Array, Mesh, Projection
from .style import LOOKS

Point = tuple[float, float]
Selector = Callable[[Mesh], Mesh]

CREDIT = (
    "Adapted from BodyParts3D, (c) The Database Center for Life Science (DBCLS), licensed "
    "under CC BY-SA 2.1 Japan (https://creativecommons.org/licenses/by-sa/2.1/jp/). "
    "Mitsuhashi N et al. BodyParts3D: 3D structure database for anatomical concepts. "
    "Nucleic Acids Res. 2009;37:D782-5."
)

LAYERS: list[tuple[str, str]] = [
    ("silhouette", "Silhouette"),
    ("bones", "Bones"),
    ("deep", "Deep muscles"),
    ("vessels", "Vessels"),
    ("nerves", "Nerves"),
    ("superficial", "Superficial muscles"),
    ("zones", "Referral zones"),
    ("trigger_points", "Trigger points"),
]


# ---------------------------------------------------------------------------------------------
# Selections of a mesh's triangles (by their centroids, in the body frame: lat, h, ant in cm)
# ---------------------------------------------------------------------------------------------


def where(test: Callable[[Array, Array, Array], np.ndarray]) -> Selector:
    """Keep the triangles whose centroid passes ``test(lat, h, ant)``."""

    def select(mesh: Mesh) -> Mesh:
        c = mesh.centroids()
        return mesh.subset_faces(np.asarray(test(c[:, 0], c[:, 1], c[:, 2]), dtype=bool))

    return select


def posterior_strip(h_lo: float, h_hi: float, depth_cm: float) -> Selector:
    """The triangles within ``depth_cm`` of the mesh's most posterior surface, per 1 cm band of
    height (the linea aspera: the ridge on the back of the femur)."""

    def select(mesh: Mesh) -> Mesh:
        c = mesh.centroids()
        keep = np.zeros(len(c), dtype=bool)
        for h in np.arange(h_lo, h_hi, 1.0):
            band = (c[:, 1] >= h) & (c[:, 1] < h + 1.0)
            if band.any():
                back = c[band, 2].min()
                keep |= band & (c[:, 2] < back + depth_cm)
        return mesh.subset_faces(keep)

    return select


@dataclass(frozen=True)
class Tendon:
    """The part of a muscle's outline drawn in tendon colour beyond a height.

    ``below``: the tendon lies below ``h`` (else above). ``taper`` cm: the tendon reaches that
    far into the belly as a narrowing tongue, as a musculotendinous junction does.
    """

    id: str
    title: str
    h: float
    below: bool = True
    taper: float = 4.0
    width: float = 0.45  # share of the belly's width at the junction


@dataclass(frozen=True)
class Part:
    """One drawn structure of a view."""

    id: str  # the plate id (a record's svg id); ids starting with "_" are art only
    title: str
    fjs: tuple[str, ...]
    layer: str
    look: str
    select: Selector | None = None
    fibres: int = 0
    tendons: tuple[Tendon, ...] = ()
    min_area: float = 40.0
    fibre_axis: tuple[float, float] | None = None  # plate direction, where the mesh's
    # principal axis is not the fibres' (gluteus maximus: down and lateral)
    keep_order: bool = False  # paint in the given order, not by depth (vessels)
    paint_last: bool = False  # paint after everything else of its layer (a tendon sheet)
    shape: Tendon | None = None  # cut the outline itself this way (a sheet's tapering top)


@dataclass
class Built:
    """A part after rasterising: its mask/depth, outline and geometry."""

    part: Part
    r: raster.Raster
    d: str
    loops: list[Array]
    axis: Array = field(default_factory=lambda: np.array([0.0, 1.0]))


# ---------------------------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------------------------


def _principal_axis(mesh: Mesh, proj: Projection) -> Array:
    """The mesh's principal axis (largest spread of its vertices) projected into the view,
    as a unit vector in plate units (pointing downward on the plate)."""
    used = np.unique(mesh.faces)
    v = mesh.verts[used]
    centred = v - v.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    axis3 = vt[0]
    a = proj.uv(np.array([v.mean(axis=0), v.mean(axis=0) + axis3]))
    d = a[1] - a[0]
    n = float(np.hypot(*d))
    if n < 1e-6:
        return np.array([0.0, 1.0])
    d = d / n
    if d[1] < 0:
        d = -d
    return np.asarray(d)


def _run(
    mask: np.ndarray, x0: int, y0: int, p: Array, q: Array, n: int
) -> tuple[Point, Point] | None:
    """The longest inside run of ``mask`` along the segment p -> q (n samples)."""
    t = np.linspace(0.0, 1.0, n)
    pts = p[None, :] + (q - p)[None, :] * t[:, None]
    ix = np.floor(pts[:, 0] - x0).astype(int)
    iy = np.floor(pts[:, 1] - y0).astype(int)
    h, w = mask.shape
    ok = (ix >= 0) & (ix < w) & (iy >= 0) & (iy < h)
    inside = np.zeros(n, dtype=bool)
    inside[ok] = mask[iy[ok], ix[ok]]
    best: tuple[int, int] | None = None
    start = None
    for i, val in enumerate([*inside.tolist(), False]):
        if val and start is None:
            start = i
        elif not val and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i - 1)
            start = None
    if best is None or best[1] - best[0] < 2:
        return None
    a, b = pts[best[0]], pts[best[1]]
    return (float(a[0]), float(a[1])), (float(b[0]), float(b[1]))


def slices(
    mask: np.ndarray, x0: int, y0: int, axis: Array, step: float = 6.0
) -> list[tuple[Point, Point]]:
    """Cross-sections of a mask perpendicular to ``axis``: (start, end) of the inside run on
    each line, from one end of the shape to the other."""
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return []
    pts = np.stack([xs + x0 + 0.5, ys + y0 + 0.5], axis=1)
    centre = pts.mean(axis=0)
    perp = np.array([-axis[1], axis[0]])
    along = (pts - centre) @ axis
    across = (pts - centre) @ perp
    lo, hi = float(along.min()), float(along.max())
    reach = float(np.abs(across).max()) + 4.0
    out: list[tuple[Point, Point]] = []
    n = max(8, int(2 * reach))
    for s in np.arange(lo + step / 2, hi, step):
        c = centre + axis * s
        run = _run(mask, x0, y0, c - perp * reach, c + perp * reach, n)
        if run is not None:
            out.append(run)
    return out


def fibre_lines(built: Built, count: int, inset: float = 0.12) -> list[Array]:
    """Fibre lines along the muscle's own axis: each keeps a fixed share of the way across
    the muscle, so the lines follow the shape and converge where it narrows."""
    cuts = slices(built.r.mask, built.r.x0, built.r.y0, built.axis, step=5.0)
    if len(cuts) < 4:
        return []
    lines: list[Array] = []
    for k in range(count):
        f = inset + (1 - 2 * inset) * (k + 0.5) / count
        pts = [
            (a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]))
            for a, b in cuts
            if math.hypot(b[0] - a[0], b[1] - a[1]) > 6.0
        ]
        if len(pts) >= 4:
            trimmed = pts[1:-1]
            arr = raster.resample_open(np.asarray(trimmed), 8.0)
            if len(arr) >= 3:
                lines.append(arr)
    return lines


# ---------------------------------------------------------------------------------------------
# SVG writing
# ---------------------------------------------------------------------------------------------


def _f(v: float) -> str:
    text = f"{v:.1f}"
    return "0.0" if text == "-0.0" else text


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Doc:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.defs: list[str] = []
        self.depth = 0

    def w(self, text: str) -> None:
        self.lines.append("  " * self.depth + text)

    def open(self, text: str) -> None:
        self.w(text)
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.w(f"</{tag}>")

    def region(self, rid: str, title: str, d: str, attrs: str) -> None:
        if title:
            self.open(f'<path id="{rid}" d="{d}" {attrs}>')
            self.w(f"<title>{_esc(title)}</title>")
            self.close("path")
        else:
            self.w(f'<path id="{rid}" d="{d}" {attrs}/>')

    def gradient(self, gid: str, p: Point, q: Point, look: str) -> str:
        lk = LOOKS[look]
        self.defs.append(
            f'<linearGradient id="{gid}" gradientUnits="userSpaceOnUse" x1="{_f(p[0])}" '
            f'y1="{_f(p[1])}" x2="{_f(q[0])}" y2="{_f(q[1])}">'
            f'<stop offset="0" stop-color="{lk.edge}"/>'
            f'<stop offset="0.42" stop-color="{lk.centre}"/>'
            f'<stop offset="0.58" stop-color="{lk.centre}"/>'
            f'<stop offset="1" stop-color="{lk.edge}"/></linearGradient>'
        )
        return f"url(#{gid})"


def fill_attrs(fill: str, look: str, extra: str = "") -> str:
    lk = LOOKS[look]
    return (
        f'fill="{fill}" stroke="{lk.stroke}" stroke-width="{lk.stroke_width}" '
        f'stroke-linejoin="round"{extra}'
    )


def x_mark(cx: float, cy: float, a: float = 13.0, width: float = 5.5) -> str:
    """A bold X (closed outline) centred at (cx, cy), arms reaching +-a."""
    s = width / 2 / math.sqrt(2)
    pts = [
        (0, -2 * s), (a - s, -a - s), (a + s, -a + s), (2 * s, 0), (a + s, a - s),
        (a - s, a + s), (0, 2 * s), (-a + s, a + s), (-a - s, a - s), (-2 * s, 0),
        (-a - s, -a + s), (-a + s, -a - s),
    ]  # fmt: skip
    return "M " + " L ".join(f"{_f(cx + px)},{_f(cy + py)}" for px, py in pts) + " Z"
