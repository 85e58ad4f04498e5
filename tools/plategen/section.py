"""The cross-section at mid-thigh: the meshes cut by a horizontal plane, seen from below as
atlases show it (anterior up, the subject's right, here lateral, on the viewer's left)."""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from . import raster
from .mesh import CM, Array, Mesh

Loop2 = list[tuple[float, float]]


def cut(mesh: Mesh, h: float) -> list[Array]:
    """The mesh's outline in the plane at height ``h`` (cm): closed loops of (lat, ant).

    Each triangle that crosses the plane gives a segment; segments are chained by their shared
    end points. A mesh that is not watertight can leave a chain open: it is closed straight.
    """
    v = mesh.verts
    f = mesh.faces
    y = v[:, 1] - h
    y = np.where(np.abs(y) < 1e-9, 1e-9, y)  # no vertex exactly on the plane
    ya, yb, yc = y[f[:, 0]], y[f[:, 1]], y[f[:, 2]]
    crosses = ~(((ya > 0) & (yb > 0) & (yc > 0)) | ((ya < 0) & (yb < 0) & (yc < 0)))
    segments: list[tuple[tuple[int, int], tuple[int, int]]] = []
    points: dict[tuple[int, int], tuple[float, float]] = {}
    for tri in f[crosses]:
        ends: list[tuple[int, int]] = []
        for i, j in ((tri[0], tri[1]), (tri[1], tri[2]), (tri[2], tri[0])):
            if (y[i] > 0) != (y[j] > 0):
                key = (min(i, j), max(i, j))
                if key not in points:
                    t = y[i] / (y[i] - y[j])
                    p = v[i] + t * (v[j] - v[i])
                    points[key] = (float(p[0]), float(p[2]))
                ends.append(key)
        if len(ends) == 2:
            segments.append((ends[0], ends[1]))
    links: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for a, b in segments:
        links[a].append(b)
        links[b].append(a)
    seen: set[tuple[int, int]] = set()
    loops: list[Array] = []
    for start in sorted(links):
        if start in seen:
            continue
        seen.add(start)
        # walk one way to the end of an open chain (or round a closed loop), then the other
        forward = _walk(start, links, seen)
        backward = _walk(start, links, seen)
        chain = [*reversed(backward), start, *forward]
        if len(chain) >= 3:
            loops.append(np.array([points[k] for k in chain]))
    return loops


def _walk(
    start: tuple[int, int],
    links: dict[tuple[int, int], list[tuple[int, int]]],
    seen: set[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The points reached from ``start`` by following unvisited links, marking them seen."""
    out: list[tuple[int, int]] = []
    cur = start
    while True:
        nxt = [n for n in links[cur] if n not in seen]
        if not nxt:
            return out
        cur = nxt[0]
        seen.add(cur)
        out.append(cur)


def fill(loops: list[Array], x0: int, y0: int, w: int, h: int) -> np.ndarray:
    """Even-odd scanline fill of closed polygons (plate units) on a pixel grid."""
    mask = np.zeros((h, w), dtype=bool)
    edges = []
    for loop in loops:
        a = loop
        b = np.roll(loop, -1, axis=0)
        edges.append(np.concatenate([a, b], axis=1))
    if not edges:
        return mask
    e = np.concatenate(edges)
    for row in range(h):
        yc = y0 + row + 0.5
        ay, by = e[:, 1], e[:, 3]
        hit = ((ay <= yc) & (by > yc)) | ((by <= yc) & (ay > yc))
        if not hit.any():
            continue
        s = e[hit]
        t = (yc - s[:, 1]) / (s[:, 3] - s[:, 1])
        xs = np.sort(s[:, 0] + t * (s[:, 2] - s[:, 0]))
        for k in range(0, len(xs) - 1, 2):
            c0 = max(0, math.ceil(xs[k] - x0 - 0.5))
            c1 = min(w, math.floor(xs[k + 1] - x0 - 0.5) + 1)
            if c1 > c0:
                mask[row, c0:c1] ^= True
    return mask


def to_plate(loops: list[Array], u0: float, v0: float) -> list[Array]:
    """(lat, ant) cm -> plate units seen from below: lateral on the left, anterior up."""
    return [np.stack([u0 - CM * lp[:, 0], v0 - CM * lp[:, 1]], axis=1) for lp in loops]


def region(loops: list[Array], pad: int = 3) -> tuple[np.ndarray, int, int]:
    allp = np.concatenate(loops)
    x0 = math.floor(allp[:, 0].min()) - pad
    y0 = math.floor(allp[:, 1].min()) - pad
    x1 = math.ceil(allp[:, 0].max()) + pad
    y1 = math.ceil(allp[:, 1].max()) + pad
    return fill(loops, x0, y0, x1 - x0, y1 - y0), x0, y0


def outline(loops: list[Array], min_area: float = 20.0) -> tuple[str, np.ndarray, int, int]:
    mask, x0, y0 = region(loops)
    mask = raster.close(mask, 1)
    d, _ = raster.outline_d(mask, x0, y0, min_area=min_area, sigma=2.5, spacing=4.0)
    return d, mask, x0, y0
