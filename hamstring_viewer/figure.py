"""A Qt-free human figure for illustrating stretches, self-massage and exercises.

One contour figure, drawn from data: body segments with adult proportions, posed by joint
angles, seen from the side or from behind, with simple equipment and the muscles that a
movement stretches or works shown in the plate's muscle colours. ``render_svg`` returns a
standalone SVG (SVG Tiny subset: paths, circles, groups, fill/stroke and their opacity) that Qt's
renderer draws; the output is deterministic.

Proportions are the anthropometric segment lengths as fractions of body height H from
Winter, D.A., *Biomechanics and Motor Control of Human Movement*, 4th ed., Wiley 2009,
fig. 4.1 (thigh 0.245H, shank 0.246H, foot 0.152H, upper arm 0.186H, forearm 0.146H,
hand 0.108H, hip joint 0.530H, shoulder 0.818H, chin 0.870H, hip width 0.191H,
shoulder width 0.259H, ankle height 0.039H). Widths are this module's own drawing choices.

Coordinates: H = 1. The body frame has x forward, y up and z to the person's right; joint
angles in degrees. Side view looks at the person's right side (x to the right of the picture
when ``facing = "right"``); back view looks at the person from behind (their right on the
right of the picture). The right limbs are the near ones in the side view.

Angle conventions (0 everywhere = standing upright, arms hanging, foot flat):
trunk + leans forward from vertical (90 = lying prone head first, -90 = lying supine);
neck + flexes (chin down); hip + flexes, - extends; knee + flexes; ankle + dorsiflexes,
- plantarflexes; shoulder + flexes (arm forward and up), - extends; elbow + flexes;
hip_abd + abducts; shoulder_abd + abducts; knee_rot + rotates the leg medially (toes in).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

from hamstring_viewer.figurepose import (
    ANCHOR_POINTS,
    MUSCLE_GROUPS,
    Arm,
    Arrow,
    Equipment,
    Figure,
    FigureBook,
    Leg,
    Pose,
    Step,
    Variant,
    coverage_problems,
    load_figures,
    parse_figures,
    validate_figures,
)

__all__ = [
    "WINTER",
    "Arm",
    "Arrow",
    "Equipment",
    "Figure",
    "FigureBook",
    "Leg",
    "Pose",
    "Step",
    "Variant",
    "coverage_problems",
    "ease",
    "expand_muscles",
    "frame_at",
    "interpolate",
    "joints",
    "load_figures",
    "muscle_length",
    "parse_figures",
    "render_step",
    "render_svg",
    "total_duration",
    "validate_figures",
    "variant_box",
]

# ------------------------------------------------------------------ proportions (Winter 2009)

#: Segment lengths and landmark heights as fractions of body height (Winter 2009, fig. 4.1).
WINTER: Mapping[str, float] = {
    "thigh": 0.245,
    "shank": 0.246,
    "foot": 0.152,
    "upper_arm": 0.186,
    "forearm": 0.146,
    "hand": 0.108,
    "hip_height": 0.530,
    "knee_height": 0.285,
    "ankle_height": 0.039,
    "shoulder_height": 0.818,
    "chin_height": 0.870,
    "head_top": 1.0,
    "hip_width": 0.191,
    "shoulder_width": 0.259,
    "foot_width": 0.055,
}

TRUNK_LENGTH = WINTER["shoulder_height"] - WINTER["hip_height"]  # hip joint to shoulder, 0.288H
NECK_LENGTH = WINTER["chin_height"] - WINTER["shoulder_height"]  # 0.052H
HEAD_LENGTH = WINTER["head_top"] - WINTER["chin_height"]  # 0.130H
HIP_JOINT_Z = 0.045  # half the distance between the hip joint centres
SHOULDER_Z = 0.105  # half the distance between the shoulder joint centres

#: Scale of the SVG: user units per body height.
SCALE = 1000.0

# ------------------------------------------------------------------ colours (the plate's)

MUSCLE_FILL = "#a2463c"
MUSCLE_LIGHT = "#d9806f"
MUSCLE_DARK = "#6b2720"
BODY_FILL = "#f3ece4"
BODY_LINE = "#3b3330"
FAR_FILL = "#e3d9cf"
FAR_LINE = "#877a72"
HAIR = "#6e6058"
FAR_HAIR = "#9c8f86"
EQUIP_FILL = "#dde2e6"
EQUIP_LINE = "#4f5a63"
EQUIP_DARK = "#6c7780"
FLOOR = "#8c8580"
ARROW = "#2a6f97"
CONTOUR = 0.0065  # contour width (H)

Vec = tuple[float, float, float]
Mat = tuple[float, float, float, float, float, float, float, float, float]
P2 = tuple[float, float]


def _rz(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0)


def _rx(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c)


def _ry(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, 0.0, s, 0.0, 1.0, 0.0, -s, 0.0, c)


def _mm(a: Mat, b: Mat) -> Mat:
    return (
        a[0] * b[0] + a[1] * b[3] + a[2] * b[6],
        a[0] * b[1] + a[1] * b[4] + a[2] * b[7],
        a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
        a[3] * b[0] + a[4] * b[3] + a[5] * b[6],
        a[3] * b[1] + a[4] * b[4] + a[5] * b[7],
        a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
        a[6] * b[0] + a[7] * b[3] + a[8] * b[6],
        a[6] * b[1] + a[7] * b[4] + a[8] * b[7],
        a[6] * b[2] + a[7] * b[5] + a[8] * b[8],
    )


def _mv(m: Mat, v: Vec) -> Vec:
    return (
        m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
        m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
        m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
    )


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _dist3(a: Vec, b: Vec) -> float:
    return math.dist(a, b)


# ------------------------------------------------------------------ forward kinematics


@dataclass(frozen=True, slots=True)
class Frame:
    """A segment's proximal joint (world, H units) and orientation."""

    origin: Vec
    rot: Mat


def _frames(pose: Pose) -> dict[str, Frame]:
    """Segment frames with the hip-joint midpoint at the origin (before placement)."""
    f: dict[str, Frame] = {}
    r_pelvis = _rz(-pose.trunk)
    f["pelvis"] = Frame((0.0, 0.0, 0.0), r_pelvis)
    top = _mv(r_pelvis, (0.0, TRUNK_LENGTH, 0.0))
    r_head = _mm(r_pelvis, _rz(-pose.neck))
    f["neck"] = Frame(top, r_head)
    f["head"] = Frame(_add(top, _mv(r_head, (0.0, NECK_LENGTH + HEAD_LENGTH / 2, 0.0))), r_head)
    for side, sign in (("left", -1.0), ("right", 1.0)):
        leg: Leg = pose.left_leg if side == "left" else pose.right_leg
        arm: Arm = pose.left_arm if side == "left" else pose.right_arm
        hip = _mv(r_pelvis, (0.0, 0.0, sign * HIP_JOINT_Z))
        r_thigh = _mm(_mm(r_pelvis, _rz(leg.hip)), _rx(-sign * leg.hip_abd))
        knee = _add(hip, _mv(r_thigh, (0.0, -WINTER["thigh"], 0.0)))
        r_shank = _mm(_mm(r_thigh, _rz(-leg.knee)), _ry(sign * leg.knee_rot))
        ankle = _add(knee, _mv(r_shank, (0.0, -WINTER["shank"], 0.0)))
        r_foot = _mm(r_shank, _rz(leg.ankle))
        f[f"{side}_thigh"] = Frame(hip, r_thigh)
        f[f"{side}_shank"] = Frame(knee, r_shank)
        f[f"{side}_foot"] = Frame(ankle, r_foot)
        shoulder = _add(top, _mv(r_pelvis, (0.0, 0.0, sign * SHOULDER_Z)))
        r_upper = _mm(_mm(r_pelvis, _rz(arm.shoulder)), _rx(-sign * arm.shoulder_abd))
        elbow = _add(shoulder, _mv(r_upper, (0.0, -WINTER["upper_arm"], 0.0)))
        r_fore = _mm(r_upper, _rz(arm.elbow))
        wrist = _add(elbow, _mv(r_fore, (0.0, -WINTER["forearm"], 0.0)))
        f[f"{side}_upper_arm"] = Frame(shoulder, r_upper)
        f[f"{side}_forearm"] = Frame(elbow, r_fore)
        f[f"{side}_hand"] = Frame(wrist, r_fore)
    return f


def _local(frames: Mapping[str, Frame], seg: str, p: Vec, side_sign: float = 1.0) -> Vec:
    fr = frames[seg]
    return _add(fr.origin, _mv(fr.rot, (p[0], p[1], p[2] * side_sign)))


# ------------------------------------------------------------------ body shape

# Half-widths (H) along each segment from its proximal to distal end: front (anterior),
# back (posterior) and side (seen from behind). Drawing choices, not anthropometric data.
_PROFILES: Mapping[str, tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]] = {
    "trunk": (
        (0.040, 0.062, 0.066, 0.062, 0.078, 0.088, 0.060),
        (0.068, 0.092, 0.080, 0.056, 0.064, 0.074, 0.060),
        (0.095, 0.103, 0.090, 0.080, 0.092, 0.104, 0.062),
    ),
    "thigh": (
        (0.052, 0.054, 0.050, 0.044, 0.038, 0.035),
        (0.060, 0.053, 0.047, 0.042, 0.037, 0.035),
        (0.058, 0.054, 0.049, 0.044, 0.039, 0.036),
    ),
    "shank": (
        (0.034, 0.029, 0.025, 0.021, 0.018, 0.017),
        (0.036, 0.046, 0.041, 0.030, 0.020, 0.018),
        (0.036, 0.040, 0.035, 0.027, 0.020, 0.018),
    ),
    "upper_arm": (
        (0.034, 0.030, 0.027, 0.024),
        (0.036, 0.033, 0.030, 0.025),
        (0.036, 0.029, 0.026, 0.023),
    ),
    "forearm": (
        (0.024, 0.026, 0.021, 0.017),
        (0.024, 0.026, 0.021, 0.017),
        (0.023, 0.024, 0.020, 0.016),
    ),
    "hand": (
        (0.016, 0.018, 0.016, 0.010),
        (0.016, 0.018, 0.016, 0.010),
        (0.018, 0.021, 0.019, 0.011),
    ),
    "neck": ((0.027, 0.027), (0.029, 0.029), (0.030, 0.028)),
    "palm": ((0.015, 0.019, 0.017, 0.012), (0.015, 0.019, 0.017, 0.012), (0.02, 0.02, 0.02, 0.02)),
    "thumb": ((0.007, 0.008, 0.007), (0.007, 0.008, 0.007), (0.008, 0.008, 0.008)),
    "sleeve": ((0.03, 0.029), (0.03, 0.029), (0.03, 0.03)),
    "foot_back": ((0.028, 0.026, 0.016), (0.028, 0.026, 0.016), (0.030, 0.030, 0.022)),
}

#: Foot outline in the foot frame (x forward, y up, ankle joint at the origin), side view.
_FOOT: tuple[P2, ...] = (
    (-0.024, 0.022),
    (-0.040, -0.006),
    (-0.040, -0.028),
    (-0.030, -0.039),
    (0.030, -0.039),
    (0.092, -0.038),
    (0.114, -0.034),
    (0.115, -0.024),
    (0.090, -0.018),
    (0.045, -0.003),
    (0.018, 0.016),
)


@dataclass(frozen=True, slots=True)
class _Seg:
    name: str
    a: Vec  # proximal end (3D)
    b: Vec  # distal end (3D)
    ant: Vec  # anterior unit vector (3D)
    profile: str


def _segments(frames: Mapping[str, Frame]) -> list[_Seg]:
    segs: list[_Seg] = []
    pel = frames["pelvis"]
    segs.append(
        _Seg(
            "trunk",
            _local(frames, "pelvis", (-0.005, -0.065, 0.0)),
            _local(frames, "pelvis", (0.0, TRUNK_LENGTH - 0.012, 0.0)),
            _mv(pel.rot, (1.0, 0.0, 0.0)),
            "trunk",
        )
    )
    nk = frames["neck"]
    segs.append(
        _Seg(
            "neck",
            _add(nk.origin, _mv(nk.rot, (0.0, -0.02, 0.0))),
            _add(nk.origin, _mv(nk.rot, (0.006, NECK_LENGTH + 0.03, 0.0))),
            _mv(nk.rot, (1.0, 0.0, 0.0)),
            "neck",
        )
    )
    for side in ("left", "right"):
        for seg, length in (
            ("thigh", WINTER["thigh"]),
            ("shank", WINTER["shank"]),
            ("upper_arm", WINTER["upper_arm"]),
            ("forearm", WINTER["forearm"]),
            ("hand", WINTER["hand"] * 0.85),
        ):
            fr = frames[f"{side}_{seg}"]
            segs.append(
                _Seg(
                    f"{side}_{seg}",
                    fr.origin,
                    _add(fr.origin, _mv(fr.rot, (0.0, -length, 0.0))),
                    _mv(fr.rot, (1.0, 0.0, 0.0)),
                    seg,
                )
            )
    return segs


def _project(view: str, p: Vec) -> P2:
    if view == "back":
        return (p[2], p[1])
    return (p[0], p[1])


def _interp_profile(vals: Sequence[float], s: float) -> float:
    n = len(vals) - 1
    x = min(max(s, 0.0), 1.0) * n
    i = min(int(x), n - 1)
    u = x - i
    return vals[i] * (1 - u) + vals[i + 1] * u


def _seg_outline(view: str, seg: _Seg) -> list[P2]:
    front, back, side = _PROFILES[seg.profile]
    a, b = _project(view, seg.a), _project(view, seg.b)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    ant = _project(view, seg.ant)
    if length < 1e-6:
        dx, dy, length = 0.0, -1e-6, 1e-6
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    k = ant[0] * nx + ant[1] * ny
    kk = min(abs(k), 1.0)

    def widths(s: float) -> tuple[float, float]:
        f, bk, sd = (_interp_profile(v, s) for v in (front, back, side))
        plus = (f if k > 0 else bk) * kk + sd * (1 - kk)
        minus = (bk if k > 0 else f) * kk + sd * (1 - kk)
        return plus, minus

    n = len(front) - 1
    samples = [i / n for i in range(n + 1)]
    pts: list[P2] = []
    for s in samples:
        wp, _ = widths(s)
        pts.append((a[0] + dx * s + nx * wp, a[1] + dy * s + ny * wp))
    # distal cap
    wp, wm = widths(1.0)
    r = (wp + wm) / 2
    cx, cy = b[0] + nx * (wp - wm) / 2, b[1] + ny * (wp - wm) / 2
    for ang in (50.0, 90.0, 130.0):
        t = math.radians(ang)
        pts.append(
            (
                cx + r * (nx * math.cos(t) + ux * math.sin(t)),
                cy + r * (ny * math.cos(t) + uy * math.sin(t)),
            )
        )
    for s in reversed(samples):
        _, wm = widths(s)
        pts.append((a[0] + dx * s - nx * wm, a[1] + dy * s - ny * wm))
    wp, wm = widths(0.0)
    r = (wp + wm) / 2
    cx, cy = a[0] + nx * (wp - wm) / 2, a[1] + ny * (wp - wm) / 2
    for ang in (230.0, 270.0, 310.0):
        t = math.radians(ang)
        pts.append(
            (
                cx + r * (nx * math.cos(t) + ux * math.sin(t)),
                cy + r * (ny * math.cos(t) + uy * math.sin(t)),
            )
        )
    return pts


def _foot_outline(view: str, frames: Mapping[str, Frame], side: str) -> list[P2]:
    fr = frames[f"{side}_foot"]
    if view == "back":
        seg = _Seg(
            f"{side}_foot",
            _add(fr.origin, _mv(fr.rot, (-0.028, -0.022, 0.0))),
            _add(fr.origin, _mv(fr.rot, (0.10, -0.028, 0.0))),
            _mv(fr.rot, (0.0, 1.0, 0.0)),
            "foot_back",
        )
        return _seg_outline(view, seg)
    return [_project(view, _add(fr.origin, _mv(fr.rot, (x, y, 0.0)))) for x, y in _FOOT]


def _head_outline(view: str, frames: Mapping[str, Frame]) -> tuple[list[P2], list[P2]]:
    """The head outline and the hair shape."""
    fr = frames["head"]
    rx, ry = 0.057, 0.066
    pts3: list[Vec] = []
    if view == "back":
        # seen from behind: an ellipse in the head's frontal plane, mostly hair

        def at(p: Vec) -> P2:
            return _project(view, _add(fr.origin, _mv(fr.rot, p)))

        rz = 0.052
        ring = [
            (0.0, ry * math.sin(math.radians(a)), rz * math.cos(math.radians(a)))
            for a in range(0, 360, 18)
        ]
        cap = [
            (0.0, ry * math.sin(math.radians(a)), rz * math.cos(math.radians(a)))
            for a in range(-30, 211, 20)
        ]
        cap += [(0.0, -0.042, -0.02), (0.0, -0.046, 0.0), (0.0, -0.042, 0.02)]
        return [at(p) for p in ring], [at(p) for p in cap]
    for i in range(20):
        t = math.radians(i * 18)
        pts3.append((0.008 + rx * math.cos(t), ry * math.sin(t), 0.0))
    # face: brow, nose, mouth and chin on the front (x > 0), jaw to the neck
    face = [
        (0.066, 0.012, 0.0),
        (0.078, -0.006, 0.0),
        (0.066, -0.018, 0.0),
        (0.064, -0.032, 0.0),
        (0.052, -0.058, 0.0),
        (0.030, -0.066, 0.0),
    ]
    outline3 = [p for p in pts3 if not (p[0] > 0.04 and -0.07 < p[1] < 0.03)]
    # insert face points in angular order
    allp = outline3 + face
    allp.sort(key=lambda p: math.atan2(p[1], p[0] - 0.0))
    pts = [_project(view, _add(fr.origin, _mv(fr.rot, p))) for p in allp]
    hair3: list[Vec] = [
        (0.045, 0.050, 0.0),
        (0.010, 0.068, 0.0),
        (-0.030, 0.060, 0.0),
        (-0.052, 0.030, 0.0),
        (-0.050, -0.010, 0.0),
        (-0.034, -0.030, 0.0),
        (-0.030, 0.010, 0.0),
        (-0.010, 0.040, 0.0),
        (0.030, 0.046, 0.0),
    ]
    hair = [_project(view, _add(fr.origin, _mv(fr.rot, p))) for p in hair3]
    return pts, hair


# ------------------------------------------------------------------ muscles

# Each muscle: a path of points (segment frame, local x forward, y along the segment,
# z lateral for the right side; mirrored for the left) and half-widths at those points.
_MuscleDef = tuple[tuple[tuple[str, Vec], ...], tuple[float, ...]]

_MUSCLES: Mapping[str, _MuscleDef] = {
    "semimembranosus": (
        (
            ("pelvis", (-0.040, -0.048, 0.030)),
            ("thigh", (-0.030, -0.040, 0.000)),
            ("thigh", (-0.026, -0.150, -0.010)),
            ("shank", (-0.022, -0.030, -0.020)),
        ),
        (0.007, 0.012, 0.020, 0.009),
    ),
    "semitendinosus": (
        (
            ("pelvis", (-0.044, -0.046, 0.035)),
            ("thigh", (-0.034, -0.040, 0.000)),
            ("thigh", (-0.030, -0.110, -0.008)),
            ("shank", (-0.008, -0.060, -0.025)),
        ),
        (0.008, 0.012, 0.016, 0.004),
    ),
    "biceps_femoris_long_head": (
        (
            ("pelvis", (-0.044, -0.046, 0.040)),
            ("thigh", (-0.034, -0.040, 0.010)),
            ("thigh", (-0.030, -0.120, 0.020)),
            ("shank", (-0.020, -0.030, 0.030)),
        ),
        (0.008, 0.012, 0.018, 0.007),
    ),
    "biceps_femoris_short_head": (
        (
            ("thigh", (-0.025, -0.100, 0.020)),
            ("thigh", (-0.027, -0.150, 0.024)),
            ("thigh", (-0.026, -0.200, 0.026)),
            ("shank", (-0.020, -0.030, 0.032)),
        ),
        (0.005, 0.011, 0.012, 0.005),
    ),
    "gluteus_maximus": (
        (
            ("pelvis", (-0.050, 0.080, 0.010)),
            ("pelvis", (-0.056, 0.020, 0.050)),
            ("thigh", (-0.032, -0.020, 0.050)),
            ("thigh", (-0.015, -0.080, 0.050)),
        ),
        (0.016, 0.028, 0.026, 0.010),
    ),
    "quadriceps": (
        (
            ("pelvis", (0.035, 0.020, 0.050)),
            ("thigh", (0.030, -0.040, 0.000)),
            ("thigh", (0.022, -0.120, 0.000)),
            ("shank", (0.020, -0.050, 0.000)),
        ),
        (0.008, 0.020, 0.028, 0.009),
    ),
    "gastrocnemius": (
        (
            ("thigh", (-0.018, -0.225, 0.000)),
            ("shank", (-0.020, -0.020, 0.000)),
            ("shank", (-0.024, -0.085, 0.000)),
            ("shank", (-0.014, -0.200, 0.000)),
        ),
        (0.012, 0.020, 0.026, 0.006),
    ),
    "adductor_magnus": (
        (
            ("pelvis", (-0.020, -0.050, 0.020)),
            ("thigh", (-0.015, -0.040, -0.020)),
            ("thigh", (-0.010, -0.120, -0.030)),
            ("thigh", (-0.005, -0.215, -0.035)),
        ),
        (0.010, 0.018, 0.022, 0.007),
    ),
}

#: Draw order within a leg (deeper / medial first, lateral on top).
_MUSCLE_ORDER = (
    "adductor_magnus",
    "quadriceps",
    "gastrocnemius",
    "semimembranosus",
    "semitendinosus",
    "biceps_femoris_short_head",
    "biceps_femoris_long_head",
    "gluteus_maximus",
)


def _muscle_path3(frames: Mapping[str, Frame], muscle: str, side: str) -> list[Vec]:
    sign = 1.0 if side == "right" else -1.0
    pts, _ = _MUSCLES[muscle]
    out: list[Vec] = []
    for seg, p in pts:
        name = seg if seg == "pelvis" else f"{side}_{seg}"
        out.append(_local(frames, name, p, sign))
    return out


def muscle_length(pose: Pose, muscle: str, side: str = "right") -> float:
    """Length (H) of a muscle's drawn path from its origin to its insertion."""
    path = _muscle_path3(_frames(pose), muscle, side)
    return sum(_dist3(path[i], path[i + 1]) for i in range(len(path) - 1))


def expand_muscles(names: Iterable[str]) -> tuple[str, ...]:
    """Muscle ids with groups (``hamstrings``) replaced by their members, in draw order."""
    out: set[str] = set()
    for n in names:
        out.update(MUSCLE_GROUPS.get(n, (n,)))
    return tuple(m for m in _MUSCLE_ORDER if m in out)


def _catmull(p0: P2, p1: P2, p2: P2, p3: P2, t: float) -> P2:
    t2, t3 = t * t, t * t * t
    return (
        0.5
        * (
            2 * p1[0]
            + (-p0[0] + p2[0]) * t
            + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2
            + (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3
        ),
        0.5
        * (
            2 * p1[1]
            + (-p0[1] + p2[1]) * t
            + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2
            + (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3
        ),
    )


def _band(c: Sequence[P2], w: Sequence[float], n: int = 10) -> list[P2]:
    """A spindle around the curve through the points, half-widths w at those points."""
    ext = [c[0], *c, c[-1]]
    centre: list[P2] = []
    widths: list[float] = []
    for seg in range(len(c) - 1):
        for i in range(n):
            t = i / n
            centre.append(_catmull(ext[seg], ext[seg + 1], ext[seg + 2], ext[seg + 3], t))
            widths.append(w[seg] * (1 - t) + w[seg + 1] * t)
    centre.append(c[-1])
    widths.append(w[-1])
    # smooth belly: ease the width profile
    left: list[P2] = []
    right: list[P2] = []
    for i, p in enumerate(centre):
        q0 = centre[max(i - 1, 0)]
        q1 = centre[min(i + 1, len(centre) - 1)]
        dx, dy = q1[0] - q0[0], q1[1] - q0[1]
        d = math.hypot(dx, dy) or 1e-9
        nx, ny = -dy / d, dx / d
        left.append((p[0] + nx * widths[i], p[1] + ny * widths[i]))
        right.append((p[0] - nx * widths[i], p[1] - ny * widths[i]))
    return [*left[::2], centre[-1], *right[::-2], centre[0]]


# ------------------------------------------------------------------ SVG canvas


def _fmt(v: float) -> str:
    s = f"{v:.1f}"
    return "0.0" if s == "-0.0" else s


class _Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.xs: list[float] = []
        self.ys: list[float] = []

    def _pt(self, p: P2) -> str:
        self.xs.append(p[0])
        self.ys.append(p[1])
        return f"{_fmt(p[0] * SCALE)} {_fmt(-p[1] * SCALE)}"

    def raw(self, s: str) -> None:
        self.parts.append(s)

    def smooth(self, pts: Sequence[P2]) -> str:
        """A closed Catmull-Rom curve through the points, as cubic Béziers."""
        n = len(pts)
        d = [f"M{self._pt(pts[0])}"]
        for i in range(n):
            p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
            c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
            c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
            d.append(f"C{self._pt(c1)} {self._pt(c2)} {self._pt(p2)}")
        return "".join(d) + "Z"

    def poly(self, pts: Sequence[P2], closed: bool = True) -> str:
        d = "M" + "L".join(self._pt(p) for p in pts)
        return d + ("Z" if closed else "")

    def path(
        self,
        d: str,
        fill: str = "none",
        stroke: str = "none",
        sw: float = 0.0,
        opacity: float = 1.0,
    ) -> None:
        attrs = f'd="{d}" fill="{fill}"'
        if stroke != "none":
            attrs += (
                f' stroke="{stroke}" stroke-width="{_fmt(sw * SCALE)}"'
                ' stroke-linejoin="round" stroke-linecap="round"'
            )
        if opacity < 1.0:
            attrs += f' fill-opacity="{opacity:.2f}" stroke-opacity="{opacity:.2f}"'
        self.parts.append(f"<path {attrs}/>")

    def circle(self, c: P2, r: float, fill: str, stroke: str = "none", sw: float = 0.0) -> None:
        self.xs.extend((c[0] - r, c[0] + r))
        self.ys.extend((c[1] - r, c[1] + r))
        cx, cy, rr = _fmt(c[0] * SCALE), _fmt(-c[1] * SCALE), _fmt(r * SCALE)
        attrs = f'cx="{cx}" cy="{cy}" r="{rr}" fill="{fill}"'
        if stroke != "none":
            attrs += f' stroke="{stroke}" stroke-width="{_fmt(sw * SCALE)}"'
        self.parts.append(f"<circle {attrs}/>")

    def line(self, a: P2, b: P2, stroke: str, sw: float, opacity: float = 1.0) -> None:
        self.path(self.poly((a, b), closed=False), stroke=stroke, sw=sw, opacity=opacity)

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        fill: str = EQUIP_FILL,
        stroke: str = EQUIP_LINE,
        sw: float = 0.004,
    ) -> None:
        self.path(self.poly(((x0, y0), (x1, y0), (x1, y1), (x0, y1))), fill, stroke, sw)

    def rounded(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        r: float,
        fill: str = EQUIP_FILL,
        stroke: str = EQUIP_LINE,
        sw: float = 0.004,
    ) -> None:
        r = min(r, abs(x1 - x0) / 2, abs(y1 - y0) / 2)
        lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        pts: list[P2] = []
        for cx, cy, a0 in (
            (hi_x - r, hi_y - r, 0),
            (lo_x + r, hi_y - r, 90),
            (lo_x + r, lo_y + r, 180),
            (hi_x - r, lo_y + r, 270),
        ):
            for k in range(4):
                t = math.radians(a0 + k * 30)
                pts.append((cx + r * math.cos(t), cy + r * math.sin(t)))
        self.path(self.poly(pts), fill, stroke, sw)


# ------------------------------------------------------------------ the posed body


@dataclass(slots=True)
class _Body:
    view: str
    frames: dict[str, Frame]
    dx: float
    dy: float
    mirror: float
    outlines: dict[str, list[P2]] = field(default_factory=dict)
    hair: list[P2] = field(default_factory=list)

    def place(self, p: P2) -> P2:
        return (self.mirror * p[0] + self.dx, p[1] + self.dy)

    def place3(self, p: Vec) -> P2:
        return self.place(_project(self.view, p))


def _body_shapes(view: str, frames: Mapping[str, Frame]) -> tuple[dict[str, list[P2]], list[P2]]:
    out: dict[str, list[P2]] = {}
    for seg in _segments(frames):
        out[seg.name] = _seg_outline(view, seg)
    for side in ("left", "right"):
        out[f"{side}_foot"] = _foot_outline(view, frames, side)
    head, hair = _head_outline(view, frames)
    out["head"] = head
    return out, hair


def _part_matches(part: str, name: str) -> bool:
    if part == "body":
        return True
    if part == name:
        return True
    base = name.split("_", 1)[1] if name.startswith(("left_", "right_")) else name
    plural = {"foot": "feet"}.get(base, base + "s")
    return part in (base, plural) or (part == "pelvis" and name == "trunk")


def _build(pose: Pose, view: str) -> _Body:
    frames = _frames(pose)
    shapes, hair = _body_shapes(view, frames)
    mirror = -1.0 if (view == "side" and pose.facing == "left") else 1.0
    if pose.y is not None:
        dy = pose.y
    else:
        ys = [
            p[1]
            for name, pts in shapes.items()
            if any(_part_matches(part, name) for part in pose.support)
            for p in pts
        ]
        dy = pose.support_y - min(ys) if ys else 0.0
    body = _Body(view, frames, pose.x, dy, mirror)
    body.outlines = {k: [body.place(p) for p in v] for k, v in shapes.items()}
    body.hair = [body.place(p) for p in hair]
    return body


def _anchor(body: _Body, name: str) -> tuple[P2, P2]:
    """A named body point (screen, H) and its outward normal."""
    side, _, point = name.partition("_")
    if side not in ("left", "right"):
        side, point = "right", name
    sign = 1.0 if side == "right" else -1.0
    seg, local, normal = ANCHOR_POINTS[point]
    seg_name = seg if seg in ("pelvis", "head", "neck") else f"{side}_{seg}"
    fr = body.frames[seg_name]
    p3 = _add(fr.origin, _mv(fr.rot, (local[0], local[1], local[2] * sign)))
    n3 = _mv(fr.rot, (normal[0], normal[1], normal[2] * sign))
    p = body.place3(p3)
    n2 = _project(body.view, n3)
    n2 = (n2[0] * body.mirror, n2[1])
    ln = math.hypot(*n2)
    n = (n2[0] / ln, n2[1] / ln) if ln > 0.2 else (0.0, -1.0)
    return p, n


def joints(pose: Pose, view: str = "side") -> dict[str, P2]:
    """Screen positions (H units, y up, after placement) of the joints and the head top."""
    body = _build(pose, view)
    out: dict[str, P2] = {}
    for name, fr in body.frames.items():
        key = {
            "thigh": "hip",
            "shank": "knee",
            "foot": "ankle",
            "upper_arm": "shoulder",
            "forearm": "elbow",
            "hand": "wrist",
        }
        side, _, seg = name.partition("_")
        if side in ("left", "right"):
            out[f"{side}_{key[seg]}"] = body.place3(fr.origin)
    out["pelvis"] = body.place3(body.frames["pelvis"].origin)
    hd = body.frames["head"]
    out["head"] = body.place3(hd.origin)
    out["head_top"] = body.place3(_add(hd.origin, _mv(hd.rot, (0.0, HEAD_LENGTH / 2, 0.0))))
    out["neck"] = body.place3(body.frames["neck"].origin)
    return out


# ------------------------------------------------------------------ drawing


def _draw_union(cv: _Canvas, shapes: Sequence[list[P2]], fill: str, line: str) -> None:
    if not shapes:
        return
    ds = [cv.smooth(s) for s in shapes]
    cv.raw(
        f'<g fill="{line}" stroke="{line}" stroke-width="{_fmt(2 * CONTOUR * SCALE)}" '
        'stroke-linejoin="round">'
    )
    for d in ds:
        cv.raw(f'<path d="{d}"/>')
    cv.raw("</g>")
    cv.raw(f'<g fill="{fill}">')
    for d in ds:
        cv.raw(f'<path d="{d}"/>')
    cv.raw("</g>")


def _draw_muscles(
    cv: _Canvas, body: _Body, muscles: Sequence[tuple[str, str]], side: str, faint: bool
) -> None:
    toward: Vec = (-1.0, 0.0, 0.0) if body.view == "back" else (0.0, 0.0, 1.0)
    for muscle, state in muscles:
        path = _muscle_path3(body.frames, muscle, side)
        # hide muscles on the far face of the limb
        seg, mid = _MUSCLES[muscle][0][2]
        sign = 1.0 if side == "right" else -1.0
        fr = body.frames[seg if seg == "pelvis" else f"{side}_{seg}"]
        out3 = _mv(fr.rot, (mid[0], 0.0, mid[2] * sign))
        ln = math.sqrt(out3[0] ** 2 + out3[2] ** 2 + out3[1] ** 2) or 1.0
        facing = (out3[0] * toward[0] + out3[1] * toward[1] + out3[2] * toward[2]) / ln
        if facing < -0.55:
            continue
        pts2 = [body.place3(p) for p in path]
        band = _band(pts2, _MUSCLES[muscle][1])
        fill = MUSCLE_LIGHT if state == "stretch" else MUSCLE_FILL
        op = 0.55 if faint else 1.0
        if facing < -0.2:  # on the far face of the limb: fainter
            op *= 0.7
        cv.path(cv.smooth(band), fill, MUSCLE_DARK, 0.0028, op)


def _draw_hair(cv: _Canvas, body: _Body, colour: str) -> None:
    if len(body.hair) >= 3:
        cv.path(cv.smooth(body.hair), colour)


def _draw_face(cv: _Canvas, body: _Body) -> None:
    """Side view: an eye, so the face direction reads at a glance (with the nose and hair)."""
    fr = body.frames["head"]

    def at(x: float, y: float) -> P2:
        return body.place3(_add(fr.origin, _mv(fr.rot, (x, y, 0.0))))

    cv.path(
        cv.poly((at(0.040, 0.010), at(0.050, 0.008)), closed=False),
        "none",
        BODY_LINE,
        CONTOUR * 0.7,
    )


def _draw_body(
    cv: _Canvas,
    body: _Body,
    works: Sequence[str],
    stretches: Sequence[str],
    treats: Sequence[str],
    sides: str,
) -> None:
    ms: list[tuple[str, str]] = [(m, "stretch") for m in expand_muscles(stretches)]
    ms += [(m, "treat") for m in expand_muscles(treats)]
    ms += [(m, "work") for m in expand_muscles(works)]
    order = {m: i for i, m in enumerate(_MUSCLE_ORDER)}
    ms.sort(key=lambda t: order[t[0]])

    def muscles_for(side: str, part: str) -> list[tuple[str, str]]:
        if sides not in ("both", side):
            return []
        legs = {m for m in _MUSCLE_ORDER if m != "gluteus_maximus"}
        return [(m, s) for m, s in ms if (m in legs) == (part == "leg")]

    o = body.outlines
    core = [o["trunk"], o["neck"], o["head"]]
    if body.view == "side":
        far_arm = [o["left_upper_arm"], o["left_forearm"], o["left_hand"]]
        far_leg = [o["left_thigh"], o["left_shank"], o["left_foot"]]
        near_leg = [o["right_thigh"], o["right_shank"], o["right_foot"]]
        near_arm = [o["right_upper_arm"], o["right_forearm"], o["right_hand"]]
        _draw_union(cv, far_arm, FAR_FILL, FAR_LINE)
        _draw_union(cv, far_leg, FAR_FILL, FAR_LINE)
        _draw_muscles(cv, body, muscles_for("left", "leg"), "left", True)
        _draw_union(cv, [*core, *near_leg], BODY_FILL, BODY_LINE)
        _draw_hair(cv, body, HAIR)
        _draw_face(cv, body)
        _draw_muscles(cv, body, muscles_for("left", "hip"), "left", True)
        _draw_muscles(cv, body, muscles_for("right", "hip"), "right", False)
        _draw_muscles(cv, body, muscles_for("right", "leg"), "right", False)
        _draw_union(cv, near_arm, BODY_FILL, BODY_LINE)
        return
    # back view: arms behind or in front of the trunk by depth
    trunk_x = body.frames["pelvis"].origin[0] + 0.04
    arms_front: list[list[list[P2]]] = []
    arms_back: list[list[list[P2]]] = []
    for side in ("left", "right"):
        shapes = [o[f"{side}_upper_arm"], o[f"{side}_forearm"], o[f"{side}_hand"]]
        hand_x = body.frames[f"{side}_hand"].origin[0]
        elbow_x = body.frames[f"{side}_forearm"].origin[0]
        (arms_front if max(hand_x, elbow_x) > trunk_x + 0.05 else arms_back).append(shapes)
    for arm_shapes in arms_front:
        _draw_union(cv, arm_shapes, FAR_FILL, FAR_LINE)
    legs = [o[f"{s}_{p}"] for s in ("left", "right") for p in ("thigh", "shank", "foot")]
    _draw_union(cv, [*core, *legs], BODY_FILL, BODY_LINE)
    _draw_hair(cv, body, HAIR)
    for side in ("left", "right"):
        _draw_muscles(cv, body, muscles_for(side, "hip"), side, False)
        _draw_muscles(cv, body, muscles_for(side, "leg"), side, False)
    # gluteal cleft
    pel = body.frames["pelvis"]
    a = body.place3(_add(pel.origin, _mv(pel.rot, (-0.09, 0.07, 0.0))))
    b = body.place3(_add(pel.origin, _mv(pel.rot, (-0.09, -0.05, 0.0))))
    cv.line(a, b, BODY_LINE, CONTOUR * 0.6)
    for arm_shapes in arms_back:
        _draw_union(cv, arm_shapes, BODY_FILL, BODY_LINE)


# ------------------------------------------------------------------ equipment


def _num(eq: Equipment, key: str, default: float) -> float:
    v = eq.get(key, default)
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else default


def _str(eq: Equipment, key: str, default: str) -> str:
    v = eq.get(key, default)
    return v if isinstance(v, str) else default


def _at(body: _Body, eq: Equipment, key: str = "at") -> tuple[P2, P2] | None:
    v = eq.get(key)
    if isinstance(v, str):
        p, n = _anchor(body, v)
        off = eq.get("offset")
        if isinstance(off, tuple) and len(off) == 2:
            p = (p[0] + float(off[0]), p[1] + float(off[1]))
        return p, n
    return None


def _touching(body: _Body, eq: Equipment, r: float) -> P2:
    got = _at(body, eq)
    if got is None:
        return (_num(eq, "x", 0.0), _num(eq, "y", r))
    p, n = got
    return (p[0] + n[0] * r, p[1] + n[1] * r)


def _roller_pad(cv: _Canvas, c: P2, r: float) -> None:
    cv.circle(c, r, "#9aa6b0", EQUIP_LINE, 0.004)
    cv.circle(c, r * 0.35, EQUIP_FILL, EQUIP_LINE, 0.003)


def _draw_attachment(cv: _Canvas, body: _Body, eq: Equipment) -> None:
    """The cable's ankle strap (around the shank above the ankle) or bar (in the hands)."""
    to = eq.get("to")
    if not isinstance(to, str):
        return
    attach = _str(eq, "attach", "strap" if to.endswith("ankle") else "bar")
    if attach == "bar":
        p, _ = _anchor(body, to)
        cv.circle(p, 0.016, "#5b646c", "#2f353a", 0.004)
        return
    side = "left" if to.startswith("left_") else "right"
    fr = body.frames[f"{side}_shank"]
    c3 = _add(fr.origin, _mv(fr.rot, (0.0, -0.212, 0.0)))
    ax3 = _mv(fr.rot, (0.0, 1.0, 0.0))
    c = body.place3(c3)
    ax = _project(body.view, ax3)
    ax = (ax[0] * body.mirror, ax[1])
    ln = math.hypot(*ax) or 1.0
    ux, uy = ax[0] / ln, ax[1] / ln
    nx, ny = -uy, ux
    hw, hl = 0.027, 0.02
    corners = [
        (c[0] + ux * hl + nx * hw, c[1] + uy * hl + ny * hw),
        (c[0] - ux * hl + nx * hw, c[1] - uy * hl + ny * hw),
        (c[0] - ux * hl - nx * hw, c[1] - uy * hl - ny * hw),
        (c[0] + ux * hl - nx * hw, c[1] + uy * hl - ny * hw),
    ]
    cv.path(cv.poly(corners), "#3f4a54", "#22292f", 0.003)
    cv.circle(c, 0.007, "#c5ccd2", "#22292f", 0.002)


def _draw_lever(cv: _Canvas, body: _Body, eq: Equipment) -> None:
    """A leg-curl machine's lever from the knee pivot to the roller pad behind the ankles
    (and the seated machine's thigh pad), drawn on the near side of the legs."""
    piv, pad, tpad = _at(body, eq, "pivot"), _at(body, eq, "pad"), _at(body, eq, "thigh_pad")
    if pad is not None:
        c = (pad[0][0] + pad[1][0] * 0.03, pad[0][1] + pad[1][1] * 0.03)
        if piv is not None:
            cv.line(piv[0], c, EQUIP_LINE, 0.016)
            cv.line(piv[0], c, "#aab5be", 0.009)
            cv.circle(piv[0], 0.018, EQUIP_DARK, EQUIP_LINE, 0.003)
        _roller_pad(cv, c, 0.03)
    if tpad is not None:
        c = (tpad[0][0] + tpad[1][0] * 0.028, tpad[0][1] + tpad[1][1] * 0.028)
        if piv is not None:
            cv.line(piv[0], c, EQUIP_LINE, 0.008)
        _roller_pad(cv, c, 0.028)


def _draw_equipment(cv: _Canvas, body: _Body, eq: Equipment, back: bool) -> None:
    """Equipment behind the body (back=True) or in front of it."""
    k = eq.kind
    behind = k in {
        "mat",
        "bench",
        "table",
        "chair",
        "step",
        "wall",
        "leg_curl_lying",
        "leg_curl_seated",
        "cable_column",
    }
    at = eq.get("at")
    if isinstance(at, str) and at.startswith("left_") and body.view == "side":
        behind = True  # held by or lying under the far limb
    if k == "cable_column" and not back:
        _draw_attachment(cv, body, eq)
    if k in ("leg_curl_lying", "leg_curl_seated") and not back:
        _draw_lever(cv, body, eq)
    if behind != back:
        return
    x = _num(eq, "x", 0.0)
    if k == "mat":
        ln = _num(eq, "length", 1.1)
        cv.rounded(x, 0.0, x + ln, 0.014, 0.006, "#b8c7b4", "#5f6e5c", 0.003)
    elif k in ("bench", "table"):
        ln, h = _num(eq, "length", 0.7), _num(eq, "height", 0.26)
        thick = 0.035 if k == "bench" else 0.05
        for lx in (x + 0.06, x + ln - 0.09):
            cv.rect(lx, 0.0, lx + 0.03, h - thick, EQUIP_DARK, EQUIP_LINE, 0.003)
        cv.rounded(x, h - thick, x + ln, h, 0.012, "#9fb0bf", EQUIP_LINE, 0.004)
    elif k == "step":
        ln, h = _num(eq, "length", 0.3), _num(eq, "height", 0.2)
        cv.rounded(x, 0.0, x + ln, h, 0.01)
    elif k == "wall":
        cv.rect(
            x,
            0.0,
            x + _num(eq, "thickness", 0.05),
            _num(eq, "height", 1.15),
            "#e7e3dc",
            EQUIP_LINE,
            0.004,
        )
    elif k == "chair":
        h, depth = _num(eq, "height", 0.26), _num(eq, "depth", 0.25)
        back_side = _str(eq, "back", "left")
        x0, x1 = (x - depth, x) if back_side == "left" else (x, x + depth)
        bx = x0 if back_side == "left" else x1 - 0.025
        cv.rect(x0 + 0.01, 0.0, x0 + 0.035, h, EQUIP_DARK, EQUIP_LINE, 0.003)
        cv.rect(x1 - 0.035, 0.0, x1 - 0.01, h, EQUIP_DARK, EQUIP_LINE, 0.003)
        cv.rect(bx, h, bx + 0.025, h + 0.26, EQUIP_DARK, EQUIP_LINE, 0.003)
        cv.rounded(x0, h - 0.03, x1, h, 0.01, "#b9a58e", "#5e4e3e", 0.004)
    elif k == "leg_curl_lying":
        ln, h = _num(eq, "length", 0.75), _num(eq, "height", 0.42)
        # bench with a hip hump, frame, lever from the knee pivot to the ankle pad
        cv.rect(x + 0.08, 0.0, x + 0.12, h - 0.04, EQUIP_DARK, EQUIP_LINE, 0.003)
        fx = x + ln if _str(eq, "end", "right") == "right" else x
        cv.rect(fx - 0.03, 0.0, fx + 0.03, h + 0.02, EQUIP_DARK, EQUIP_LINE, 0.003)
        cv.rounded(x - 0.02, 0.0, x + ln + 0.05, 0.025, 0.008, EQUIP_DARK, EQUIP_LINE, 0.003)
        cv.rounded(x, h - 0.04, x + ln, h, 0.014, "#9fb0bf", EQUIP_LINE, 0.004)
    elif k == "leg_curl_seated":
        h = _num(eq, "height", 0.26)
        back_side = _str(eq, "back", "left")
        depth = 0.3
        x0, x1 = (x - depth, x) if back_side == "left" else (x, x + depth)
        cv.rounded(x0 - 0.02, 0.0, x1 + 0.3, 0.025, 0.008, EQUIP_DARK, EQUIP_LINE, 0.003)
        cv.rect(
            (x0 + x1) / 2 - 0.02,
            0.02,
            (x0 + x1) / 2 + 0.02,
            h - 0.04,
            EQUIP_DARK,
            EQUIP_LINE,
            0.003,
        )
        bx = x0 if back_side == "left" else x1
        lean = -0.08 if back_side == "left" else 0.08
        cv.path(
            cv.poly(
                (
                    (bx, h),
                    (bx + lean, h + 0.36),
                    (bx + lean + (0.05 if lean < 0 else -0.05), h + 0.36),
                    (bx + (0.05 if lean < 0 else -0.05), h),
                )
            ),
            "#9fb0bf",
            EQUIP_LINE,
            0.004,
        )
        cv.rounded(x0, h - 0.04, x1, h, 0.014, "#9fb0bf", EQUIP_LINE, 0.004)
        piv = _at(body, eq, "pivot")
        fx = x1 + 0.22 if back_side == "left" else x0 - 0.22
        cv.rect(fx - 0.03, 0.0, fx + 0.03, h + 0.2, EQUIP_DARK, EQUIP_LINE, 0.003)
        if piv is not None:
            cv.line((fx, h + 0.05), piv[0], EQUIP_LINE, 0.012)
    elif k == "cable_column":
        py = _num(eq, "pulley_y", 0.08)
        cv.rect(x - 0.05, 0.0, x + 0.05, 1.15, "#e4e8eb", EQUIP_LINE, 0.004)
        cv.rect(x - 0.03, 0.05, x + 0.03, 0.35, EQUIP_DARK, EQUIP_LINE, 0.003)
        for i in range(6):
            cv.line((x - 0.03, 0.05 + i * 0.05), (x + 0.03, 0.05 + i * 0.05), EQUIP_LINE, 0.002)
        to = _at(body, eq, "to")
        side = 1.0 if to is None or to[0][0] >= x else -1.0
        pc = (x + side * 0.05, py)
        if to is not None:
            cv.line(pc, to[0], "#30363b", 0.004)
        cv.circle(pc, 0.022, "#9aa6b0", EQUIP_LINE, 0.004)
    elif k == "ball":
        r = _num(eq, "radius", 0.037)
        c = _touching(body, eq, r)
        cv.circle(
            c,
            r,
            "#c9cf5a" if _str(eq, "colour", "") == "" else _str(eq, "colour", ""),
            "#5b5f25",
            0.004,
        )
        cv.path(
            cv.poly(
                [
                    (c[0] - r * 0.6, c[1] + r * 0.5),
                    (c[0], c[1] + r * 0.2),
                    (c[0] + r * 0.6, c[1] + r * 0.5),
                ],
                closed=False,
            ),
            "none",
            "#f4f4e6",
            0.004,
        )
    elif k == "foam_roller":
        r = _num(eq, "radius", 0.045)
        c = _touching(body, eq, r)
        cv.circle(c, r, "#8fb0c7", "#3e5566", 0.004)
        cv.circle(c, r * 0.4, "#dbe6ee", "#3e5566", 0.003)
    elif k == "barbell":
        got = _at(body, eq)
        c = got[0] if got else (x, 0.126)
        cv.circle(c, 0.126, "#5b646c", "#2f353a", 0.005)
        cv.circle(c, 0.1, "#6c767e", "#2f353a", 0.002)
        cv.circle(c, 0.022, "#c5ccd2", "#2f353a", 0.004)
    elif k == "kettlebell":
        got = _at(body, eq)
        c = got[0] if got else (x, 0.1)
        body_c = (c[0], c[1] - 0.085)
        cv.path(
            cv.poly(
                [
                    (c[0] - 0.03, c[1] - 0.05),
                    (c[0] - 0.03, c[1] + 0.005),
                    (c[0] + 0.03, c[1] + 0.005),
                    (c[0] + 0.03, c[1] - 0.05),
                ],
                closed=False,
            ),
            "none",
            "#2f353a",
            0.013,
        )
        cv.circle(body_c, 0.058, "#4f575e", "#2f353a", 0.005)
    elif k == "dumbbell":
        got = _at(body, eq)
        c = got[0] if got else (x, 0.05)
        cv.circle(c, 0.042, "#4f575e", "#2f353a", 0.005)
        cv.circle(c, 0.014, "#c5ccd2", "#2f353a", 0.003)
    elif k == "roller_stick":
        got = _at(body, eq)
        if got is None:
            return
        p, n = got
        c = (p[0] + n[0] * 0.02, p[1] + n[1] * 0.02)
        tx, ty = -n[1], n[0]
        a = (c[0] - tx * 0.2, c[1] - ty * 0.2)
        b = (c[0] + tx * 0.2, c[1] + ty * 0.2)
        cv.line(a, b, "#2f353a", 0.012)
        for e in (a, b):
            cv.line(
                (e[0] - tx * 0.05, e[1] - ty * 0.05),
                (e[0] + tx * 0.03, e[1] + ty * 0.03),
                "#2f353a",
                0.03,
            )
            cv.line(
                (e[0] - tx * 0.05, e[1] - ty * 0.05),
                (e[0] + tx * 0.03, e[1] + ty * 0.03),
                "#c06a3f",
                0.022,
            )
        for i in range(-3, 4):
            q = (c[0] + tx * i * 0.018, c[1] + ty * i * 0.018)
            cv.circle(q, 0.018, "#8fb0c7", "#3e5566", 0.003)
    elif k == "grid_roller":
        r = _num(eq, "radius", 0.05)
        c = _touching(body, eq, r + 0.008)
        knobs = [
            (
                c[0] + (r + 0.006) * math.cos(math.radians(a)),
                c[1] + (r + 0.006) * math.sin(math.radians(a)),
            )
            for a in range(0, 360, 30)
        ]
        for q in knobs:
            cv.circle(q, 0.011, "#e0894f", "#6b3a1c", 0.003)
        cv.circle(c, r, "#e0894f", "#6b3a1c", 0.004)
        cv.circle(c, r * 0.45, "#f6dcc7", "#6b3a1c", 0.003)
    elif k in ("hand", "spray", "needle", "syringe"):
        got = _at(body, eq)
        if got is None:
            return
        p, n = got
        ang = math.radians(_num(eq, "angle", math.degrees(math.atan2(-n[1], -n[0]))))
        ux, uy = math.cos(ang), math.sin(ang)  # direction of the pressure / the tool
        if k == "hand":
            tip = (p[0] - ux * 0.006, p[1] - uy * 0.006)
            wrist = (tip[0] - ux * 0.085, tip[1] - uy * 0.085)
            elbow = (wrist[0] - ux * 0.12, wrist[1] - uy * 0.12)
            sleeve = (elbow[0] - ux * 0.07, elbow[1] - uy * 0.07)
            norm = (-uy, ux, 0.0)
            fore = _Seg("x", (*elbow, 0.0), (*wrist, 0.0), norm, "forearm")
            palm = _Seg("x", (*wrist, 0.0), (*tip, 0.0), norm, "palm")
            thumb_base = (wrist[0] + ux * 0.02 + uy * 0.012, wrist[1] + uy * 0.02 - ux * 0.012)
            thumb = _Seg(
                "x",
                (*thumb_base, 0.0),
                (tip[0] + uy * 0.008, tip[1] - ux * 0.008, 0.0),
                norm,
                "thumb",
            )
            arm = _Seg("x", (*sleeve, 0.0), (*elbow, 0.0), norm, "sleeve")
            _draw_union(cv, [_seg_outline("side", arm)], "#c9dbe6", "#4a5a66")
            _draw_union(
                cv,
                [
                    _seg_outline("side", fore),
                    _seg_outline("side", palm),
                    _seg_outline("side", thumb),
                ],
                "#efe3d6",
                BODY_LINE,
            )
        elif k == "spray":
            can = (p[0] - ux * 0.22, p[1] - uy * 0.22)
            nx, ny = -uy, ux
            cv.path(
                cv.poly(
                    [
                        (can[0] - ux * 0.1 + nx * 0.025, can[1] - uy * 0.1 + ny * 0.025),
                        (can[0] + nx * 0.025, can[1] + ny * 0.025),
                        (can[0] - nx * 0.025, can[1] - ny * 0.025),
                        (can[0] - ux * 0.1 - nx * 0.025, can[1] - uy * 0.1 - ny * 0.025),
                    ]
                ),
                "#d4e4ee",
                EQUIP_LINE,
                0.004,
            )
            for f in (-0.06, -0.02, 0.02, 0.06):
                cv.line(
                    (can[0] + ux * 0.02, can[1] + uy * 0.02),
                    (p[0] + nx * f, p[1] + ny * f),
                    "#6aa7c9",
                    0.003,
                    0.8,
                )
        elif k == "needle":
            hub = (p[0] - ux * 0.07, p[1] - uy * 0.07)
            end = (p[0] - ux * 0.11, p[1] - uy * 0.11)
            cv.line(p, hub, "#3d454c", 0.0025)
            cv.line(hub, end, "#3d454c", 0.011)
            cv.line(hub, end, "#c7a35a", 0.006)
        else:
            hub = (p[0] - ux * 0.06, p[1] - uy * 0.06)
            end = (p[0] - ux * 0.17, p[1] - uy * 0.17)
            plunger = (p[0] - ux * 0.22, p[1] - uy * 0.22)
            cv.line(p, hub, "#3d454c", 0.003)
            cv.line(end, plunger, "#3d454c", 0.006)
            cv.line(hub, end, EQUIP_LINE, 0.024)
            cv.line(hub, end, "#eef3f6", 0.016)
            cv.line(hub, (hub[0] - ux * 0.04, hub[1] - uy * 0.04), "#9ecbe0", 0.012)


# ------------------------------------------------------------------ arrows


def _draw_arrow(cv: _Canvas, body: _Body, ar: Arrow) -> None:
    if ar.at is not None:
        p, _ = _anchor(body, ar.at)
    else:
        p = (ar.x, ar.y)
    p = (p[0] + ar.offset[0], p[1] + ar.offset[1])
    t = math.radians(ar.angle)
    ux, uy = math.cos(t), math.sin(t)
    sw = 0.009
    head = 0.035

    def arrowhead(tip: P2, dx: float, dy: float) -> None:
        px, py = -dy, dx
        cv.path(
            cv.poly(
                [
                    tip,
                    (tip[0] - dx * head + px * head * 0.55, tip[1] - dy * head + py * head * 0.55),
                    (tip[0] - dx * head - px * head * 0.55, tip[1] - dy * head - py * head * 0.55),
                ]
            ),
            ARROW,
        )

    if ar.kind == "turn":
        r = ar.length / 2
        pts = [
            (p[0] + r * math.cos(t + math.radians(a)), p[1] + r * math.sin(t + math.radians(a)))
            for a in range(-70, 71, 10)
        ]
        cv.path(cv.poly(pts, closed=False), "none", ARROW, sw)
        end = pts[-1]
        tang = (-math.sin(t + math.radians(70)), math.cos(t + math.radians(70)))
        arrowhead((end[0] + tang[0] * head * 0.6, end[1] + tang[1] * head * 0.6), tang[0], tang[1])
        return
    if ar.kind == "push":
        # arrow pointing at the point from outside, tip just off the point
        tip = (p[0] - ux * 0.012, p[1] - uy * 0.012)
        tail = (tip[0] - ux * ar.length, tip[1] - uy * ar.length)
    else:
        tail = (p[0] - ux * ar.length / 2, p[1] - uy * ar.length / 2)
        tip = (p[0] + ux * ar.length / 2, p[1] + uy * ar.length / 2)
    inner_tail = tail
    if ar.kind == "roll":
        inner_tail = (tail[0] + ux * head * 0.8, tail[1] + uy * head * 0.8)
        arrowhead(tail, -ux, -uy)
    cv.line(inner_tail, (tip[0] - ux * head * 0.8, tip[1] - uy * head * 0.8), ARROW, sw)
    arrowhead(tip, ux, uy)


# ------------------------------------------------------------------ public rendering


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in body heights, y up


def _draw_all(
    pose: Pose,
    view: str,
    equipment: Sequence[Equipment],
    works: Sequence[str],
    stretches: Sequence[str],
    treats: Sequence[str],
    side: str,
    arrows: Sequence[Arrow],
) -> _Canvas:
    body = _build(pose, view)
    cv = _Canvas()
    for eq in equipment:
        _draw_equipment(cv, body, eq, back=True)
    _draw_body(cv, body, works, stretches, treats, side)
    for eq in equipment:
        _draw_equipment(cv, body, eq, back=False)
    for ar in arrows:
        _draw_arrow(cv, body, ar)
    return cv


def _bounds(cv: _Canvas, margin: float = 0.05) -> Box:
    xs = cv.xs or [0.0]
    ys = cv.ys or [0.0]
    return (min(xs) - margin, min(min(ys), 0.0) - margin, max(xs) + margin, max(ys) + margin)


def render_svg(
    pose: Pose,
    *,
    view: str = "side",
    equipment: Sequence[Equipment] = (),
    works: Sequence[str] = (),
    stretches: Sequence[str] = (),
    treats: Sequence[str] = (),
    side: str = "both",
    arrows: Sequence[Arrow] = (),
    floor: bool = True,
    box: Box | None = None,
) -> str:
    """The posed figure with its equipment as a standalone SVG string (deterministic).

    The viewBox fits the drawing with a margin, or is ``box`` (e.g. ``variant_box``) so that
    the frames of an animation share one frame and the figure does not jump."""
    cv = _draw_all(pose, view, equipment, works, stretches, treats, side, arrows)
    x0, y0, x1, y1 = _bounds(cv) if box is None else box
    parts = cv.parts
    if floor:
        fl = (
            f'<path d="M{_fmt(x0 * SCALE)} 0.0L{_fmt(x1 * SCALE)} 0.0" stroke="{FLOOR}" '
            f'stroke-width="{_fmt(0.004 * SCALE)}" fill="none"/>'
        )
        parts = [fl, *parts]
    vb = " ".join(_fmt(v * SCALE) for v in (x0, -y1, x1 - x0, y1 - y0))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'viewBox="{vb}">\n' + "\n".join(parts) + "\n</svg>\n"
    )


def render_step(step: Step, pose: Pose | None = None, box: Box | None = None) -> str:
    """A step drawn as its own pose, or with ``pose`` (an in-between frame) instead; ``box``
    fixes the viewBox (see ``variant_box``)."""
    return render_svg(
        step.pose if pose is None else pose,
        view=step.view,
        equipment=step.equipment,
        works=step.works,
        stretches=step.stretches,
        treats=step.treats,
        side=step.side,
        arrows=step.arrows if pose is None else (),
        box=box,
    )


def variant_box(variant: Variant, samples: int = 4) -> Box:
    """One viewBox (H units) that holds every step of a variant and the frames between them."""
    boxes: list[Box] = []
    steps = variant.steps
    for i, st in enumerate(steps):
        poses = [st.pose]
        if i > 0:
            poses += [
                interpolate(steps[i - 1].pose, st.pose, k / samples) for k in range(1, samples)
            ]
        for p in poses:
            cv = _draw_all(
                p, st.view, st.equipment, st.works, st.stretches, st.treats, st.side, st.arrows
            )
            boxes.append(_bounds(cv))
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


_LEG_F = tuple(f.name for f in fields(Leg))
_ARM_F = tuple(f.name for f in fields(Arm))


def ease(t: float) -> float:
    """Smoothstep easing of t in [0, 1]."""
    t = min(max(t, 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


def _lerp(a: float, b: float, e: float) -> float:
    return a * (1.0 - e) + b * e


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """The in-between pose at time t (0 gives a, 1 gives b), angles eased (smoothstep)."""
    e = ease(t)

    def leg(p: Leg, q: Leg) -> Leg:
        return Leg(*(_lerp(getattr(p, f), getattr(q, f), e) for f in _LEG_F))

    def arm(p: Arm, q: Arm) -> Arm:
        return Arm(*(_lerp(getattr(p, f), getattr(q, f), e) for f in _ARM_F))

    y = None if a.y is None or b.y is None else _lerp(a.y, b.y, e)
    return replace(
        a if e < 0.5 else b,
        trunk=_lerp(a.trunk, b.trunk, e),
        neck=_lerp(a.neck, b.neck, e),
        left_leg=leg(a.left_leg, b.left_leg),
        right_leg=leg(a.right_leg, b.right_leg),
        left_arm=arm(a.left_arm, b.left_arm),
        right_arm=arm(a.right_arm, b.right_arm),
        x=_lerp(a.x, b.x, e),
        y=y,
        support_y=_lerp(a.support_y, b.support_y, e),
    )


def total_duration(variant: Variant) -> float:
    """Seconds to play a variant once: the first step's pose is held for its duration, then
    each later step moves from the pose before it over its own duration."""
    return sum(st.duration_s for st in variant.steps)


def frame_at(variant: Variant, t: float) -> tuple[int, Pose]:
    """The step whose phase and cue apply at t seconds (clamped to the variant's length) and
    the in-between pose there, for animating a variant at the speed its steps give."""
    steps = variant.steps
    t = min(max(t, 0.0), total_duration(variant))
    start = 0.0
    for i, st in enumerate(steps):
        end = start + st.duration_s
        if t < end or i == len(steps) - 1:
            if i == 0:
                return 0, st.pose
            u = (t - start) / st.duration_s if st.duration_s > 0 else 1.0
            return i, interpolate(steps[i - 1].pose, st.pose, min(u, 1.0))
        start = end
    return len(steps) - 1, steps[-1].pose
