"""The five plates, assembled from the meshes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import raster, section, views
from .build import (
    CREDIT,
    LAYERS,
    Built,
    Doc,
    Part,
    Tendon,
    _esc,
    _f,
    _principal_axis,
    fibre_lines,
    fill_attrs,
    slices,
    x_mark,
)
from .mesh import CM, Array, MeshLibrary, Projection
from .style import LOOKS, ZONE_COLOURS

Point = tuple[float, float]


@dataclass(frozen=True)
class ViewSpec:
    key: str
    file: str
    title: str
    desc: str
    projection: Projection
    view_box: tuple[float, float, float, float]
    parts: list[Part]
    nerves: bool = True
    zones: bool = True
    trigger_points: tuple[str, ...] = ()
    creases: bool = True
    tp_across: float | None = None  # side views: trigger points mid-way across the muscle
    nerve_ids: tuple[str, ...] | None = None  # the nerves seen in this view (None: all)


# ---------------------------------------------------------------------------------------------
# building blocks
# ---------------------------------------------------------------------------------------------


def build_part(lib: MeshLibrary, part: Part, proj: Projection) -> Built | None:
    mesh = lib.merged(*part.fjs) if len(part.fjs) > 1 else lib.get(part.fjs[0])
    if part.select is not None:
        mesh = part.select(mesh)
    if len(mesh.faces) == 0:
        return None
    uv = proj.uv(mesh.verts)
    depth = proj.depth(mesh.verts)
    r = raster.rasterize(uv[mesh.faces], depth[mesh.faces])
    mask = raster.close(r.mask, 2)
    r.depth = np.where(mask & ~np.isfinite(r.depth), _fill_depth(r.depth, mask), r.depth)
    if part.shape is not None:
        mask = tendon_mask(Built(part, r, "", []), part.shape, proj)
        r.depth = np.where(mask, r.depth, np.inf)
    d, loops = raster.outline_d(mask, r.x0, r.y0, min_area=part.min_area)
    if not loops:
        return None
    if part.id == "_skin":  # the skin: the right limb only (the largest outline)
        d = raster.bezier_d(loops[0])
        loops = loops[:1]
    if part.fibre_axis is not None:
        ax = np.asarray(part.fibre_axis, dtype=float)
        axis = ax / float(np.hypot(*ax))
    else:
        axis = _principal_axis(mesh, proj)
    return Built(part, r, d, loops, axis)


def _fill_depth(depth: Array, mask: np.ndarray) -> Array:
    """Depth for pixels added by closing: the nearest finite neighbour's (a small fix-up)."""
    finite = np.isfinite(depth)
    fallback = float(depth[finite].max()) if finite.any() else 0.0
    return np.full_like(depth, fallback)


def depth_order(items: list[Built]) -> list[Built]:
    """Paint order within a layer: farther first, decided where two structures overlap.

    For each overlapping pair, the nearest surfaces are compared pixel by pixel over the
    overlap; the one nearer the viewer over most of it is painted later. Cycles (rare: two
    muscles that wrap round each other) are broken by the mean depth.
    """
    n = len(items)
    if n < 2:
        return items
    x0 = min(b.r.x0 for b in items)
    y0 = min(b.r.y0 for b in items)
    x1 = max(b.r.x0 + b.r.shape[1] for b in items)
    y1 = max(b.r.y0 + b.r.shape[0] for b in items)
    w, h = x1 - x0, y1 - y0
    # work on a coarser grid (4 units) to keep it quick
    step = 4
    grids = []
    for b in items:
        g = raster.on_grid(b.r, x0, y0, w, h)[::step, ::step]
        grids.append(g)
    means = [
        float(np.nanmean(np.where(np.isfinite(g), g, np.nan))) if np.isfinite(g).any() else 0.0
        for g in grids
    ]
    above: dict[int, set[int]] = {i: set() for i in range(n)}  # i must be painted after these
    for i in range(n):
        for j in range(i + 1, n):
            both = np.isfinite(grids[i]) & np.isfinite(grids[j])
            count = int(both.sum())
            if count < 3:
                continue
            i_nearer = int((grids[i][both] < grids[j][both] - 0.05).sum())
            j_nearer = int((grids[j][both] < grids[i][both] - 0.05).sum())
            if i_nearer > j_nearer:
                above[i].add(j)
            elif j_nearer > i_nearer:
                above[j].add(i)
    order: list[int] = []
    placed: set[int] = set()
    while len(order) < n:
        ready = [i for i in range(n) if i not in placed and above[i] <= placed]
        if not ready:  # a cycle: take the farthest remaining
            ready = [i for i in range(n) if i not in placed]
        pick = max(ready, key=lambda i: (means[i], -i))
        order.append(pick)
        placed.add(pick)
    return [items[i] for i in order]


def tendon_mask(b: Built, t: Tendon, proj: Projection) -> np.ndarray:
    """The part of a muscle's mask beyond a height, with a tapering tongue into the belly."""
    mask = b.r.mask.copy()
    mask = raster.close(mask, 2)
    h = mask.shape[0]
    v_cut = proj.v0 + CM * (105.0 - t.h) - b.r.y0
    taper = t.taper * CM
    out = np.zeros_like(mask)
    for row in range(h):
        cols = np.nonzero(mask[row])[0]
        if len(cols) == 0:
            continue
        beyond = (row + 0.5 - v_cut) if t.below else (v_cut - row - 0.5)
        if beyond >= 0:
            out[row, cols] = True
        elif beyond > -taper:
            share = t.width * math.sqrt(1.0 + beyond / taper)
            centre = (cols[0] + cols[-1]) / 2.0
            half = share * (cols[-1] - cols[0] + 1) / 2.0
            keep = cols[np.abs(cols + 0.5 - centre - 0.5) <= half]
            out[row, keep] = True
    return out & mask


def visible_mask(target: Built, above: Sequence[Built]) -> np.ndarray:
    """The target's pixels not covered by any of ``above``."""
    h, w = target.r.shape
    vis = target.r.mask.copy()
    for b in above:
        vis &= ~np.isfinite(raster.on_grid(b.r, target.r.x0, target.r.y0, w, h))
    return vis


def row_run(mask: np.ndarray, x0: int, y0: int, v: float) -> tuple[float, float] | None:
    row = math.floor(v - y0)
    if row < 0 or row >= mask.shape[0]:
        return None
    cols = np.nonzero(mask[row])[0]
    if len(cols) == 0:
        return None
    # the longest run of consecutive columns
    breaks = np.nonzero(np.diff(cols) > 1)[0]
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(cols) - 1]])
    k = int(np.argmax(cols[ends] - cols[starts]))
    return float(cols[starts[k]] + x0), float(cols[ends[k]] + x0 + 1)


def curve(points: Sequence[Point], step: float = 3.0) -> Array:
    """A smooth open curve (Catmull-Rom) through ``points``, sampled every ``step`` units."""
    pts = np.asarray(points, dtype=float)
    out = [pts[0]]
    n = len(pts)
    for i in range(n - 1):
        p0 = pts[max(i - 1, 0)]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[min(i + 2, n - 1)]
        seg = float(np.hypot(*(p2 - p1)))
        k = max(2, int(seg / step))
        for s in range(1, k + 1):
            t = s / k
            t2, t3 = t * t, t * t * t
            out.append(
                0.5
                * (
                    (2 * p1)
                    + (-p0 + p2) * t
                    + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                    + (-p0 + 3 * p1 - 3 * p2 + p3) * t3
                )
            )
    return np.asarray(out)


def ribbon_outline(centre: Array, w0: float, w1: float) -> Array:
    """A closed outline around a centre line, tapering from width w0 to w1 (units)."""
    n = len(centre)
    widths = np.linspace(w0, w1, n)
    tangent = np.gradient(centre, axis=0)
    norm = np.hypot(tangent[:, 0], tangent[:, 1])
    norm[norm == 0] = 1.0
    normal = np.stack([-tangent[:, 1], tangent[:, 0]], axis=1) / norm[:, None]
    left = centre + normal * widths[:, None] / 2
    right = centre - normal * widths[:, None] / 2
    cap_end = [centre[-1] + tangent[-1] / norm[-1] * widths[-1] * 0.45]
    cap_start = [centre[0] - tangent[0] / norm[0] * widths[0] * 0.45]
    return np.concatenate([left, cap_end, right[::-1], cap_start])


# ---------------------------------------------------------------------------------------------
# writing a view
# ---------------------------------------------------------------------------------------------


class PlateWriter:
    def __init__(self, spec: ViewSpec, lib: MeshLibrary) -> None:
        self.spec = spec
        self.lib = lib
        self.proj = spec.projection
        self.doc = Doc()
        self.built: dict[str, Built] = {}
        self.order: list[Built] = []

    # -- geometry ----------------------------------------------------------------------------
    def prepare(self) -> None:
        by_layer: dict[str, list[Built]] = {key: [] for key, _ in LAYERS}
        for part in self.spec.parts:
            b = build_part(self.lib, part, self.proj)
            if b is None:
                continue
            self.built[part.id] = b
            by_layer[part.layer].append(b)
        for key, _ in LAYERS:
            items = by_layer[key]
            if key == "bones":
                # landmarks lie on their bone: keep them after the bones, in the given order
                bones = [b for b in items if b.part.look == "bone"]
                marks = [b for b in items if b.part.look != "bone"]
                items = depth_order(bones) + marks
            elif key != "silhouette":
                fixed = [b for b in items if b.part.keep_order]
                last = [b for b in items if b.part.paint_last]
                rest = [b for b in items if not (b.part.keep_order or b.part.paint_last)]
                items = fixed + depth_order(rest) + last
            self.order.extend(items)

    def above(self, part_id: str) -> list[Built]:
        idx = next(i for i, b in enumerate(self.order) if b.part.id == part_id)
        return self.order[idx + 1 :]

    # -- drawing -----------------------------------------------------------------------------
    def draw_part(self, b: Built) -> None:
        doc = self.doc
        part = b.part
        look = part.look
        cuts = slices(b.r.mask, b.r.x0, b.r.y0, b.axis, step=8.0)
        if cuts:
            a, z = cuts[len(cuts) // 2]
        else:
            a, z = (b.r.x0, b.r.y0), (b.r.x0 + b.r.shape[1], b.r.y0)
        fill = doc.gradient(f"_fill_{part.id.lstrip('_')}", a, z, look)
        doc.region(
            part.id, part.title if not part.id.startswith("_") else "", b.d, fill_attrs(fill, look)
        )
        lk = LOOKS[look]
        lines = fibre_lines(b, part.fibres) if part.fibres and lk.fibre else []
        tendon_parts: list[tuple[Tendon, str]] = []
        for t in part.tendons:
            m = tendon_mask(b, t, self.proj)
            d, _ = raster.outline_d(m, b.r.x0, b.r.y0, min_area=30.0, sigma=5.0)
            if d:
                tendon_parts.append((t, d))
        owner = part.id.lstrip("_")  # decoration ids start with _<region id>: hidden with it
        if lines:
            doc.open(f'<g class="decor" id="_{owner}_fibres">')
            for line in lines:
                doc.w(
                    f'<path d="{raster.polyline_d(line)}" fill="none" stroke="{lk.fibre}" '
                    f'stroke-opacity="{lk.fibre_opacity}" stroke-width="0.8" '
                    'stroke-linecap="round"/>'
                )
            doc.close("g")
        for t, d in tendon_parts:
            gid = f"_fill_{(t.id or part.id + '_tendon').lstrip('_')}"
            tfill = doc.gradient(gid, a, z, "tendon")
            attrs = fill_attrs(tfill, "tendon")
            if t.id and not t.id.startswith("_"):
                doc.region(t.id, t.title, d, attrs)
            else:
                doc.open(f'<g class="decor" id="_{owner}_tendon_{len(doc.lines)}">')
                doc.w(f'<path d="{d}" {attrs}/>')
                doc.close("g")

    def draw_nerves(self) -> None:
        doc = self.doc
        for nid, title, course, (w0, w1) in views.NERVES:
            if self.spec.nerve_ids is not None and nid not in self.spec.nerve_ids:
                continue
            pts = [self.proj.point(lat, h, ant) for lat, h, ant in course]
            centre = curve(pts, 2.0)
            outline = ribbon_outline(centre, w0 * CM, w1 * CM)
            smooth = raster.smooth_loop([(float(x), float(y)) for x, y in outline], 1.5, 4.0)
            d = raster.bezier_d(smooth)
            mid = len(centre) // 2
            tangent = centre[min(mid + 1, len(centre) - 1)] - centre[mid - 1]
            nrm = np.array([-tangent[1], tangent[0]]) / max(1e-6, float(np.hypot(*tangent)))
            a = centre[mid] + nrm * w0 * CM / 2
            z = centre[mid] - nrm * w0 * CM / 2
            fill = doc.gradient(f"_fill_{nid}", (a[0], a[1]), (z[0], z[1]), "nerve")
            doc.region(nid, title, d, fill_attrs(fill, "nerve"))
            doc.open(f'<g class="decor" id="_{nid}_fascicles">')
            for off in (-0.2, 0.2):  # fascicle lines along the nerve
                shifted = raster.resample_open(self._offset(centre, off * w1 * CM), 6.0)
                doc.w(
                    f'<path d="{raster.polyline_d(shifted)}" fill="none" stroke="#b08a1e" '
                    'stroke-opacity="0.5" stroke-width="0.6"/>'
                )
            doc.close("g")

    @staticmethod
    def _offset(centre: Array, off: float) -> Array:
        tangent = np.gradient(centre, axis=0)
        norm = np.hypot(tangent[:, 0], tangent[:, 1])
        norm[norm == 0] = 1.0
        normal = np.stack([-tangent[:, 1], tangent[:, 0]], axis=1) / norm[:, None]
        return np.asarray(centre + normal * off)[2:-2]

    def skin_edges(self, h: float) -> tuple[float, float] | None:
        skin = self.built.get("_skin")
        if skin is None:
            return None
        v = self.proj.v0 + CM * (105.0 - h)
        return row_run(skin.r.mask, skin.r.x0, skin.r.y0, v)

    def draw_creases(self) -> None:
        """The gluteal fold and the knee crease, as faint lines on top of the muscles."""
        doc = self.doc
        doc.open('<g class="decor" id="_skin_creases">')
        fold: list[Point] = []
        for share, h in ((0.03, 77.6), (0.2, 77.1), (0.4, 76.9), (0.6, 77.3), (0.75, 78.0)):
            e = self.skin_edges(h)
            if e:
                fold.append((e[0] + share * (e[1] - e[0]), self.proj.v0 + CM * (105.0 - h)))
        knee: list[Point] = []
        for share, h in ((0.18, 47.3), (0.4, 47.8), (0.6, 47.8), (0.82, 47.4)):
            e = self.skin_edges(h)
            if e:
                knee.append((e[0] + share * (e[1] - e[0]), self.proj.v0 + CM * (105.0 - h)))
        for pid, title, pts in (
            ("_gluteal_fold", "Gluteal fold", fold),
            ("_knee_crease", "Knee crease", knee),
        ):
            if len(pts) >= 3:
                doc.open(
                    f'<path id="{pid}" d="{raster.polyline_d(curve(pts, 10.0)[::2])}" '
                    'fill="none" stroke="#5b3a2c" stroke-opacity="0.45" stroke-width="1.6" '
                    'stroke-dasharray="7 4" stroke-linecap="round">'
                )
                doc.w(f"<title>{title}</title>")
                doc.close("path")
        doc.close("g")

    def draw_zones(self) -> None:
        """The referral zones: the neighbours' first, in their calmer colours, then the
        hamstrings' on top (the app's focus)."""
        doc = self.doc
        hamstring_zones = set(views.ZONES)
        side = views.SIDE_ZONES.get(self.spec.key)
        if side is not None:  # a side view: its own drawing, shares from the posterior edge
            zones = [
                *(
                    (zid, loops, "neighbour", False)
                    for zid, loops in side.items()
                    if zid not in hamstring_zones
                ),
                *(
                    (zid, loops, "medial" if "medial" in zid else "biceps", False)
                    for zid, loops in side.items()
                    if zid in hamstring_zones
                ),
            ]
        else:
            zones = [
                *(
                    (zid, loops, "neighbour", False)
                    for zid, loops in views.NEIGHBOUR_ZONES.items()
                ),
                *(
                    (zid, loops, "medial" if "medial" in zid else "biceps", True)
                    for zid, loops in views.ZONES.items()
                ),
            ]
        # on the lateral view the posterior edge is on the left, on the medial view on the right
        from_right = self.spec.key == "medial"
        for zid, loops, family, remap in zones:
            fill_colour, stroke = ZONE_COLOURS[family]
            ds = []
            for loop in loops:
                pts: list[Point] = []
                for h_given, share in loop:
                    h = views.remap_height(h_given) if remap else h_given
                    e = self.skin_edges(h)
                    if e is None:
                        continue
                    x = e[1] - share * (e[1] - e[0]) if from_right else e[0] + share * (e[1] - e[0])
                    pts.append((x, self.proj.v0 + CM * (105.0 - h)))
                dense = curve([*pts, pts[0], pts[1]], 3.0)
                sm = raster.smooth_loop([(float(x), float(y)) for x, y in dense], 2.0, 8.0)
                ds.append(raster.bezier_d(sm))
            if zid.endswith("essential"):
                opacity = "0.55" if family != "neighbour" else "0.45"
                attrs = (
                    f'fill="{fill_colour}" fill-opacity="{opacity}" stroke="{stroke}" '
                    'stroke-width="1.4"'
                )
            else:
                attrs = (
                    f'fill="url(#_stipple_{family})" stroke="{fill_colour}" '
                    'stroke-width="1.3" stroke-dasharray="5 4"'
                )
            doc.region(zid, views.zone_title(zid), " ".join(ds), attrs)

    def draw_trigger_points(self) -> None:
        doc = self.doc
        hamstrings = {tp.id for tp in views.POSTERIOR_TRIGGER_POINTS}
        for tp in [*views.POSTERIOR_TRIGGER_POINTS, *views.NEIGHBOUR_TRIGGER_POINTS]:
            if tp.id not in self.spec.trigger_points or tp.on not in self.built:
                continue
            b = self.built[tp.on]
            vis = visible_mask(b, self.above(tp.on))
            mask = b.r.mask if tp.deep else vis
            v = self.proj.v0 + CM * (105.0 - tp.h)
            run = row_run(mask, b.r.x0, b.r.y0, v)
            if run is None and self.spec.tp_across is None:
                run = row_run(b.r.mask, b.r.x0, b.r.y0, v)
            if run is None or (self.spec.tp_across is not None and run[1] - run[0] < 14):
                continue  # not seen from this side
            deep = tp.deep and row_run(vis, b.r.x0, b.r.y0, v) is None
            across = tp.across if self.spec.tp_across is None else self.spec.tp_across
            x = run[0] + across * (run[1] - run[0])
            d = x_mark(x, v)
            doc.open(f'<g class="decor" id="_{tp.id}_mark">')
            doc.w(
                f'<path id="_{tp.id}_halo" d="{d}" fill="#ffffff" stroke="#ffffff" '
                'stroke-width="4.5" stroke-linejoin="round" stroke-opacity="0.9"/>'
            )
            doc.close("g")
            # the hamstrings' marks in dark red, the neighbours' in dark slate
            fill, line = ("#4a0b0b", "#2a0505") if tp.id in hamstrings else ("#1f3247", "#0f1a26")
            if deep:
                attrs = (
                    f'fill="{fill}" fill-opacity="0.6" stroke="{line}" stroke-width="1.2" '
                    'stroke-dasharray="3 2"'
                )
            else:
                attrs = f'fill="{fill}" stroke="{line}" stroke-width="0.8"'
            doc.region(tp.id, tp.title, d, attrs)

    # -- the file ----------------------------------------------------------------------------
    def svg(self) -> str:
        self.prepare()
        doc = self.doc
        for key, label in LAYERS:
            items = [b for b in self.order if b.part.layer == key]
            has_zones = key == "zones" and self.spec.zones
            has_tps = key == "trigger_points" and self.spec.trigger_points
            has_nerves = key == "nerves" and self.spec.nerves
            if not (items or has_zones or has_tps or has_nerves):
                continue
            doc.open(f'<g inkscape:groupmode="layer" id="layer_{key}" inkscape:label="{label}">')
            for b in items:
                self.draw_part(b)
            if has_nerves:
                self.draw_nerves()
            if key == "superficial" and self.spec.creases:
                self.draw_creases()
            if has_zones:
                self.draw_zones()
            if has_tps:
                self.draw_trigger_points()
            doc.close("g")
        return _wrap_svg(self.spec, doc)


def _wrap_svg(spec: ViewSpec, doc: Doc) -> str:
    body = doc.lines
    x, y, w, h = spec.view_box
    head = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
        f'viewBox="{_f(x)} {_f(y)} {_f(w)} {_f(h)}" version="1.1" '
        f'id="plate_{spec.key}">',
        f"  <title>{_esc(spec.title)}</title>",
        f"  <desc>{_esc(spec.desc)} Generated by tools/build_plates.py from the "
        f"BodyParts3D meshes in assets/anatomy3d. {_esc(CREDIT)}</desc>",
        '  <metadata id="_licence">'
        '<license xmlns="http://creativecommons.org/ns#" '
        'resource="https://creativecommons.org/licenses/by-sa/2.1/jp/"/>'
        f"<credit>{_esc(CREDIT)}</credit></metadata>",
        '  <sodipodi:namedview id="_namedview" inkscape:document-units="px" '
        'inkscape:pagecheckerboard="false"/>',
        "  <defs>",
        *("    " + line for line in sorted(set(doc.defs))),
        *_stipples(),
        "  </defs>",
        f'  <rect id="_paper" x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" '
        'fill="#fbf8f2" inkscape:label="paper" sodipodi:insensitive="true" '
        'style="display:none"/>'
        if False
        else "",
    ]
    lines = [line for line in head if line] + ["  " + line for line in body] + ["</svg>"]
    return "\n".join(lines) + "\n"




def _stipples() -> list[str]:
    out = []
    for pid, size, colour, dots in (
        ("_stipple_medial", 12, "#c62828", ((3, 3, 1.7), (9, 9, 1.7))),
        ("_stipple_biceps", 11, "#a3162f", ((2.75, 5.5, 1.5), (8.25, 0, 1.5), (8.25, 11, 1.5))),
        ("_stipple_neighbour", 12, "#3d5f86", ((3, 3, 1.5), (9, 9, 1.5))),
    ):
        body = "".join(
            f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/>' for cx, cy, r in dots
        )
        out.append(
            f'    <pattern id="{pid}" patternUnits="userSpaceOnUse" width="{size}" '
            f'height="{size}"><path d="M 0,0 H {size} V {size} H 0 Z" fill="#ffffff" '
            f'fill-opacity="0.38"/>{body}</pattern>'
        )
    return out


# ---------------------------------------------------------------------------------------------
# the views
# ---------------------------------------------------------------------------------------------

POSTERIOR = Projection("posterior", 300.0, 40.0)
SKIN = Part(
    "_skin", "Skin", (views.SKIN,), "silhouette", "skin", views.SKIN_SELECT, min_area=2000.0
)


def posterior_superficial() -> ViewSpec:
    return ViewSpec(
        key="posterior",
        file="posterior_thigh.svg",
        title="Posterior thigh: right lower limb, posterior view, superficial",
        desc=(
            "The back of the right lower limb from the iliac crest to the heel, seen from behind "
            "(medial on the left, lateral on the right). Plate units: X = 300 + 20 * (cm from "
            "the midline, lateral positive), Y = 40 + 20 * (105 - cm above the floor). Referral "
            "zones: solid = essential pain, stipple = spillover (after Travell and Simons); "
            "X = trigger point."
        ),
        projection=POSTERIOR,
        view_box=(0.0, 0.0, 1000.0, 2180.0),
        parts=[
            SKIN,
            *views.POSTERIOR_BONES,
            *views.DEEP_CALF,
            *views.POSTERIOR_DEEP_MUSCLES,
            *views.POSTERIOR_VESSELS,
            *views.POSTERIOR_SUPERFICIAL,
        ],
        trigger_points=tuple(
            tp.id for tp in [*views.POSTERIOR_TRIGGER_POINTS, *views.NEIGHBOUR_TRIGGER_POINTS]
        ),
    )


def posterior_deep() -> ViewSpec:
    base = posterior_superficial()
    return ViewSpec(
        key="posterior_deep",
        file="posterior_deep.svg",
        title="Posterior thigh, deep: gluteus maximus, biceps femoris long head, "
        "semitendinosus and gastrocnemius lifted away",
        desc=(
            "The back of the right lower limb with gluteus maximus, the long head of biceps "
            "femoris, semitendinosus and gastrocnemius removed: semimembranosus whole, the short "
            "head of biceps femoris, adductor magnus, the small hip rotators, the whole course "
            "of the sciatic nerve, the popliteal vessels, popliteus, plantaris and soleus. Same "
            "frame as the superficial posterior plate."
        ),
        projection=POSTERIOR,
        view_box=base.view_box,
        parts=[SKIN, *views.posterior_deep_parts()],
        trigger_points=(
            "tp_semimembranosus_upper",
            "tp_semimembranosus_lower",
            "tp_biceps_femoris_short_head",
            *(tp.id for tp in views.NEIGHBOUR_TRIGGER_POINTS if "gastrocnemius" not in tp.id),
        ),
    )


def medial() -> ViewSpec:
    return ViewSpec(
        key="medial",
        file="medial_thigh.svg",
        title="Medial view of the right lower limb: pes anserinus and semimembranosus insertion",
        desc=(
            "The right lower limb seen from the midline side (anterior on the left, posterior "
            "on the right): the pes anserinus (sartorius, gracilis, semitendinosus) and the "
            "insertion of semimembranosus on the medial tibial condyle. Plate units: X = 855 - "
            "20 * (cm anterior), Y = 40 + 20 * (105 - cm above the floor)."
        ),
        projection=Projection("medial", 855.0, 40.0),
        view_box=(0.0, 0.0, 1300.0, 2180.0),  # room for the labels on both sides
        parts=[SKIN, *views.MEDIAL_PARTS],
        creases=False,
        nerve_ids=("tibial_nerve",),  # the sciatic nerve lies behind adductor magnus here
        trigger_points=(
            "tp_semitendinosus",
            "tp_semimembranosus_upper",
            "tp_semimembranosus_lower",
            "tp_adductor_magnus",
            "tp_gastrocnemius_medial",
            "tp_soleus",
        ),
        tp_across=0.5,
    )


def lateral() -> ViewSpec:
    return ViewSpec(
        key="lateral",
        file="lateral_thigh.svg",
        title="Lateral view of the right lower limb: biceps femoris and the fibular head",
        desc=(
            "The right lower limb seen from the outside (posterior on the left, anterior on the "
            "right): biceps femoris to the head of the fibula, the iliotibial tract, vastus "
            "lateralis and the common fibular nerve round the neck of the fibula. Plate units: "
            "X = 445 + 20 * (cm anterior), Y = 40 + 20 * (105 - cm above the floor)."
        ),
        projection=Projection("lateral", 445.0, 40.0),
        view_box=(0.0, 0.0, 1300.0, 2180.0),  # room for the labels on both sides
        parts=[SKIN, *views.LATERAL_PARTS],
        creases=False,
        nerve_ids=("sciatic_nerve", "common_fibular_nerve"),
        trigger_points=(
            "tp_biceps_femoris_long_head",
            "tp_biceps_femoris_short_head",
            "tp_gluteus_medius",
            "tp_gluteus_minimus_posterior",
            "tp_vastus_lateralis",
            "tp_gastrocnemius_lateral",
            "tp_soleus",
        ),
        tp_across=0.5,
    )


VIEWS = {
    "posterior": posterior_superficial,
    "posterior_deep": posterior_deep,
    "medial": medial,
    "lateral": lateral,
    "cross_section": lambda: None,  # written by SectionWriter
}


def build(key: str, lib: MeshLibrary | None = None) -> tuple[str, str]:
    """(file name, SVG text) of one view."""
    lib = lib or MeshLibrary()
    if key == "cross_section":
        return "cross_section_mid_thigh.svg", SectionWriter(lib).svg()
    spec = VIEWS[key]()
    assert spec is not None
    return spec.file, PlateWriter(spec, lib).svg()


# ---------------------------------------------------------------------------------------------
# the cross-section
# ---------------------------------------------------------------------------------------------

SECTION_H = 68.0  # cm above the floor: mid-thigh, between the greater trochanter and the knee
SECTION_PARTS: list[tuple[str, str, tuple[str, ...], str, str]] = [
    # id, title, meshes, layer, look
    ("femur", "Femur", (views.FEMUR,), "bones", "bone"),
    ("iliotibial_tract", "Iliotibial tract", (views.ITT,), "deep", "tendon"),
    ("vastus_lateralis", "Vastus lateralis", (views.VAST_LAT,), "deep", "muscle_deep"),
    ("vastus_intermedius", "Vastus intermedius", (views.VAST_INT,), "deep", "muscle_deep"),
    ("vastus_medialis", "Vastus medialis", (views.VAST_MED,), "deep", "muscle_deep"),
    ("rectus_femoris", "Rectus femoris", (views.RECTUS,), "deep", "muscle_deep"),
    ("sartorius", "Sartorius", (views.SARTORIUS,), "deep", "muscle_deep"),
    ("adductor_longus", "Adductor longus", (views.ADD_LONGUS,), "deep", "muscle_deep"),
    ("adductor_magnus", "Adductor magnus", (views.ADD_MAGNUS,), "deep", "muscle_deep"),
    ("gracilis", "Gracilis", (views.GRACILIS,), "deep", "muscle_deep"),
    ("semimembranosus", "Semimembranosus", (views.SEMIMEM,), "superficial", "muscle"),
    ("semitendinosus", "Semitendinosus", (views.SEMITEND,), "superficial", "muscle"),
    (
        "biceps_femoris_long_head",
        "Biceps femoris, long head",
        (views.BF_LONG,),
        "superficial",
        "muscle",
    ),
    (
        "biceps_femoris_short_head",
        "Biceps femoris, short head",
        (views.BF_SHORT,),
        "superficial",
        "muscle",
    ),
    ("femoral_artery", "Femoral artery", (views.FEM_ART,), "vessels", "artery"),
    ("femoral_vein", "Femoral vein", (views.FEM_VEIN,), "vessels", "vein"),
    ("_deep_femoral_vein", "Deep femoral vein", ("FJ2135",), "vessels", "vein"),
    ("great_saphenous_vein", "Great saphenous vein", (views.GSV,), "vessels", "vein"),
]
SECTION_U0, SECTION_V0 = 580.0, 385.0  # the section centred, room for labels


class SectionWriter:
    """Writes the cross-section plate."""

    def __init__(self, lib: MeshLibrary) -> None:
        self.lib = lib
        self.doc = Doc()

    def loops(self, fjs: tuple[str, ...]) -> list[Array]:
        out: list[Array] = []
        for fj in fjs:
            for lp in section.cut(self.lib.get(fj), SECTION_H):
                if lp[:, 0].mean() > 0.3:  # the right limb only
                    out.append(lp)
        return section.to_plate(out, SECTION_U0, SECTION_V0)

    def svg(self) -> str:
        doc = self.doc
        centres: dict[str, tuple[float, float]] = {}
        by_layer: dict[str, list[tuple[str, str, str, str, np.ndarray, int, int]]] = {}
        for pid, title, fjs, layer, look in SECTION_PARTS:
            loops = self.loops(fjs)
            if not loops:
                continue
            d, mask, x0, y0 = section.outline(loops)
            if not d:
                continue
            ys, xs = np.nonzero(mask)
            centres[pid] = (float(xs.mean() + x0), float(ys.mean() + y0))
            by_layer.setdefault(layer, []).append((pid, title, look, d, mask, x0, y0))
        skin = [lp for lp in self.loops((views.SKIN,))]
        skin.sort(key=lambda lp: -abs(raster.signed_area([tuple(p) for p in lp])))
        for key, label in LAYERS:
            if key in ("zones", "trigger_points"):
                continue
            items = by_layer.get(key, [])
            if key == "silhouette" and skin:
                doc.open(
                    f'<g inkscape:groupmode="layer" id="layer_{key}" inkscape:label="{label}">'
                )
                d, mask, x0, y0 = section.outline(skin[:1], min_area=1000.0)
                self.extent = (x0, y0, x0 + mask.shape[1], y0 + mask.shape[0])
                doc.region(
                    "_skin",
                    "",
                    d,
                    'fill="#f6e3b4" stroke="#d9b08f" stroke-width="5" stroke-linejoin="round"',
                )
                doc.open('<g class="decor">')
                doc.w(f'<path d="{d}" fill="none" stroke="#b98d6f" stroke-width="1.2"/>')
                doc.close("g")
                self._captions()
                doc.close("g")
                continue
            if not items and key != "nerves":
                continue
            doc.open(f'<g inkscape:groupmode="layer" id="layer_{key}" inkscape:label="{label}">')
            for pid, title, look, d, mask, x0, y0 in items:
                ys, xs = np.nonzero(mask)
                a = (float(xs.min() + x0), float(ys.mean() + y0))
                z = (float(xs.max() + x0 + 1), float(ys.mean() + y0))
                fill = doc.gradient(f"_fill_{pid.lstrip('_')}", a, z, look)
                doc.region(pid, title if not pid.startswith("_") else "", d, fill_attrs(fill, look))
                if pid == "femur":  # the marrow cavity inside the cortical bone
                    inner = raster.erode(mask, max(3, int(0.28 * min(mask.shape))))
                    md, _ = raster.outline_d(inner, x0, y0, min_area=10.0, sigma=2.0, spacing=4.0)
                    if md:
                        doc.open('<g class="decor" id="_femur_marrow">')
                        doc.w(
                            f'<path d="{md}" fill="#f1d98f" stroke="#c9a65a" stroke-width="0.8"/>'
                        )
                        doc.close("g")
            if key == "nerves":
                self._sciatic()
            self._compartments(centres, key)
            doc.close("g")
        return self._wrap()

    def _sciatic(self) -> None:
        course = np.array(views.SCIATIC)
        order = np.argsort(course[:, 1])
        lat = float(np.interp(SECTION_H, course[order, 1], course[order, 0]))
        ant = float(np.interp(SECTION_H, course[order, 1], course[order, 2]))
        cx, cy = SECTION_U0 - CM * lat, SECTION_V0 - CM * ant
        rx, ry = 0.75 * CM, 0.45 * CM
        pts = np.array(
            [
                (cx + rx * math.cos(t), cy + ry * math.sin(t))
                for t in np.linspace(0, 2 * math.pi, 24, endpoint=False)
            ]
        )
        fill = self.doc.gradient("_fill_sciatic_nerve", (cx - rx, cy), (cx + rx, cy), "nerve")
        self.doc.region(
            "sciatic_nerve", "Sciatic nerve", raster.bezier_d(pts), fill_attrs(fill, "nerve")
        )

    def _text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 11.0,
        anchor: str = "middle",
        colour: str = "#5b4a3f",
        italic: bool = False,
    ) -> None:
        style = ' font-style="italic"' if italic else ""
        self.doc.w(
            f'<text x="{_f(x)}" y="{_f(y)}" font-family="sans-serif" font-size="{size}" '
            f'text-anchor="{anchor}" fill="{colour}"{style}>{_esc(text)}</text>'
        )

    def _captions(self) -> None:
        x0, y0, x1, y1 = self.extent
        cx = (x0 + x1) / 2
        self.doc.open('<g class="decor" id="_orientation">')
        self._text(cx, y0 - 8, "Anterior", 12)
        self._text(cx, y1 + 18, "Posterior", 12)
        self._text(x0 + 10, y0 + 10, "\u2190 Lateral", 11, "start")
        self._text(x1 - 10, y0 + 10, "Medial \u2192", 11, "end")
        self._text(cx, y1 + 36, "Right thigh at mid-thigh, seen from below", 10, italic=True)
        self.doc.close("g")

    def _compartments(self, centres: dict[str, tuple[float, float]], layer: str) -> None:
        """The compartments' names, each in the layer of its muscles (hidden with them)."""
        groups = {
            "Anterior compartment": (
                "vastus_lateralis",
                "vastus_intermedius",
                "vastus_medialis",
                "rectus_femoris",
                "sartorius",
            ),
            "Medial compartment": ("adductor_longus", "adductor_magnus", "gracilis"),
            "Posterior compartment": (
                "semimembranosus",
                "semitendinosus",
                "biceps_femoris_long_head",
                "biceps_femoris_short_head",
            ),
        }
        doc = self.doc
        wanted = {
            "deep": ("Anterior compartment", "Medial compartment"),
            "superficial": ("Posterior compartment",),
        }.get(layer, ())
        if not wanted:
            return
        doc.open(f'<g class="decor" id="_compartment_names_{layer}">')
        for name, members in groups.items():
            if name not in wanted:
                continue
            pts = [centres[m] for m in members if m in centres]
            if not pts:
                continue
            x = sum(p[0] for p in pts) / len(pts)
            y = sum(p[1] for p in pts) / len(pts)
            self._text(x, y + 4, name.split()[0].upper(), 9.5, colour="#ffffff")
        doc.close("g")

    def _wrap(self) -> str:
        title = "Cross-section of the right thigh at mid-thigh, seen from below"
        desc = (
            f"The right thigh cut {SECTION_H:.0f} cm above the floor and seen from below, as "
            "atlases show it: anterior up, lateral (the subject's right) on the left. The "
            "anterior compartment (quadriceps, sartorius), the medial compartment (adductors, "
            "gracilis) and the posterior compartment (the hamstrings), the femur, the sciatic "
            "nerve, the femoral vessels and the great saphenous vein. Plate units: X = 580 - 20 "
            "* (cm lateral), Y = 385 - 20 * (cm anterior)."
        )
        spec = ViewSpec(
            "cross_section",
            "cross_section_mid_thigh.svg",
            title,
            desc,
            POSTERIOR,
            (0.0, 0.0, 800.0, 450.0),
            [],
        )
        return _wrap_svg(spec, self.doc)
