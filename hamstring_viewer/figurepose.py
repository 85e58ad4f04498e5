"""Records and loading for the figure poses in ``data/figures.toml`` (Qt-free, stdlib only).

Layout of the file::

    [figure.<record id>]            # one per exercise, stretch and technique
    [[figure.<id>.step]]            # the steps, or ...
    [[figure.<id>.variant]]         # ... variants (label + steps), e.g. one per machine
    label = "Lying leg curl"
    [[figure.<id>.variant.step]]
    name = "start"                  # start, end, contract, relax, ...
    view = "side"                   # side | back
    pose = { trunk = 90, knee = 10, right_knee = 20, support = ["trunk"], support_y = 0.42 }
    equipment = [{ kind = "bench", x = -0.4, length = 0.9, height = 0.42 }]
    works = ["hamstrings"]          # muscles drawn in the working colour
    stretches = []                  # muscles drawn in the stretched (light) colour
    treats = []                     # muscles being massaged or treated (muscle colour)
    side = "both"                   # which side's muscles: both | left | right
    arrows = [{ at = "right_heel", angle = 90, length = 0.15, kind = "move" }]
    duration_s = 2.0
    phase = "concentric"
    cue = "Breathe out as you curl"

    [action.<hamstring id>]         # the muscle's actions, same layout (variants of steps)

A step inherits the pose (key by key), view, equipment, works, stretches, treats and side of
the step before it in the same variant; arrows, duration, phase and cue are its own. Pose keys
without a side (``knee``) set both limbs; ``left_knee`` / ``right_knee`` set one. The body is
placed with its hip-joint midpoint at ``x`` and either at height ``y`` or resting the lowest
point of the ``support`` parts (``BODY_PARTS``) on ``support_y`` (default: the whole body on
the floor). Lengths are in body heights (H).

Body points (equipment ``at`` / ``pad`` / ``pivot`` / ``thigh_pad`` / ``to``, arrow ``at``) are
the ``ANCHOR_POINTS`` names, prefixed ``left_`` or ``right_`` (default right): hip, knee, ankle,
heel, toe, sole, shoulder, elbow, wrist, hand, ischium, thigh_back_high, thigh_back,
thigh_back_low, thigh_front, thigh_front_low, knee_back, calf, ankle_back, shin; and sacrum,
buttock, upper_back, chest, head. A ball or roller ``at`` a body point sits against the skin
there; a hand, spray or needle points into it (``angle`` overrides the direction). Equipment
kinds and their keys are in ``EQUIPMENT``; fixed equipment (mat, bench, table, step, wall,
chair, machines, cable column) is placed by ``x`` and sized in H.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hamstring_viewer.i18n import language

# ------------------------------------------------------------------ records


@dataclass(frozen=True, slots=True)
class Leg:
    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    hip_abd: float = 0.0
    knee_rot: float = 0.0


@dataclass(frozen=True, slots=True)
class Arm:
    shoulder: float = 0.0
    elbow: float = 0.0
    shoulder_abd: float = 0.0


@dataclass(frozen=True, slots=True)
class Pose:
    """Joint angles (degrees) and where the body is placed (H units)."""

    trunk: float = 0.0
    neck: float = 0.0
    left_leg: Leg = Leg()
    right_leg: Leg = Leg()
    left_arm: Arm = Arm()
    right_arm: Arm = Arm()
    x: float = 0.0  # screen x of the hip-joint midpoint
    y: float | None = None  # screen y of the hip-joint midpoint; None: rest on support_y
    support: tuple[str, ...] = ("body",)  # the parts that rest on the surface at support_y
    support_y: float = 0.0
    facing: str = "right"


ParamValue = float | str | bool | tuple[float, float]


@dataclass(frozen=True, slots=True)
class Equipment:
    kind: str
    params: tuple[tuple[str, ParamValue], ...] = ()

    def get(self, key: str, default: ParamValue | None = None) -> ParamValue | None:
        for k, v in self.params:
            if k == key:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Arrow:
    """An arrow at a body point (``at``) or at x, y: push (towards the point), move, roll
    (both ways) or turn (a curved arrow); angle in screen degrees (0 = right, 90 = up)."""

    at: str | None = None
    x: float = 0.0
    y: float = 0.0
    angle: float = 0.0
    length: float = 0.15
    kind: str = "move"
    offset: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    view: str
    pose: Pose
    equipment: tuple[Equipment, ...] = ()
    works: tuple[str, ...] = ()
    stretches: tuple[str, ...] = ()
    treats: tuple[str, ...] = ()
    side: str = "both"
    arrows: tuple[Arrow, ...] = ()
    duration_s: float = 1.0
    phase: str = ""
    cue: str = ""
    #: the step's caption and cue in German (``name_de``, ``cue_de`` beside them in the file)
    name_de: str = ""
    cue_de: str = ""

    def caption(self) -> str:
        """The step's caption in the interface's language."""
        return self.name_de if language() == "de" and self.name_de else self.name

    def shown_cue(self) -> str:
        """The step's cue in the interface's language."""
        return self.cue_de if language() == "de" and self.cue_de else self.cue


@dataclass(frozen=True, slots=True)
class Variant:
    label: str
    steps: tuple[Step, ...]
    label_de: str = ""

    def title(self) -> str:
        """The variant's label in the interface's language."""
        return self.label_de if language() == "de" and self.label_de else self.label


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    variants: tuple[Variant, ...]
    note: str = ""

    @property
    def steps(self) -> tuple[Step, ...]:
        """The first variant's steps."""
        return self.variants[0].steps


@dataclass(frozen=True, slots=True)
class FigureBook:
    """``figures`` by exercise / stretch / technique id; ``actions`` by hamstring id."""

    figures: Mapping[str, Figure] = field(default_factory=dict)
    actions: Mapping[str, Figure] = field(default_factory=dict)


# ------------------------------------------------------------------ vocabularies

#: Human joint ranges (degrees): a pose outside them is refused.
RANGES: Mapping[str, tuple[float, float]] = {
    "trunk": (-100.0, 100.0),
    "neck": (-60.0, 80.0),
    "hip": (-30.0, 135.0),
    "hip_abd": (-30.0, 50.0),
    "knee": (-5.0, 160.0),
    "knee_rot": (-40.0, 40.0),
    "ankle": (-50.0, 30.0),
    "shoulder": (-60.0, 180.0),
    "shoulder_abd": (-10.0, 180.0),
    "elbow": (0.0, 150.0),
}
LEG_FIELDS = ("hip", "knee", "ankle", "hip_abd", "knee_rot")
ARM_FIELDS = ("shoulder", "elbow", "shoulder_abd")

MUSCLE_GROUPS: Mapping[str, tuple[str, ...]] = {
    "hamstrings": (
        "biceps_femoris_long_head",
        "biceps_femoris_short_head",
        "semitendinosus",
        "semimembranosus",
    ),
    "calf": ("gastrocnemius",),
    "quadriceps_femoris": ("quadriceps",),
}
MUSCLES = frozenset(
    {
        "biceps_femoris_long_head",
        "biceps_femoris_short_head",
        "semitendinosus",
        "semimembranosus",
        "gluteus_maximus",
        "quadriceps",
        "gastrocnemius",
        "adductor_magnus",
        *MUSCLE_GROUPS,
    }
)
HAMSTRINGS = MUSCLE_GROUPS["hamstrings"]

#: Body points for equipment and arrows: segment, local point, outward normal (local frame:
#: x forward, y along the segment, z lateral). Prefix with ``left_`` / ``right_`` (default right).
ANCHOR_POINTS: Mapping[str, tuple[str, tuple[float, float, float], tuple[float, float, float]]] = {
    "hip": ("thigh", (0.0, 0.0, 0.0), (0.0, 0.0, 1.0)),
    "knee": ("shank", (0.0, 0.0, 0.0), (1.0, 0.0, 0.0)),
    "ankle": ("foot", (0.0, 0.0, 0.0), (0.0, 0.0, 1.0)),
    "heel": ("foot", (-0.036, -0.03, 0.0), (-1.0, -0.3, 0.0)),
    "toe": ("foot", (0.11, -0.03, 0.0), (1.0, 0.0, 0.0)),
    "sole": ("foot", (0.03, -0.039, 0.0), (0.0, -1.0, 0.0)),
    "shoulder": ("upper_arm", (0.0, 0.0, 0.0), (0.0, 1.0, 0.0)),
    "elbow": ("forearm", (0.0, 0.0, 0.0), (-1.0, 0.0, 0.0)),
    "wrist": ("hand", (0.0, 0.0, 0.0), (0.0, -1.0, 0.0)),
    "hand": ("hand", (0.0, -0.045, 0.0), (0.0, -1.0, 0.0)),
    "ischium": ("pelvis", (-0.03, -0.108, 0.045), (0.0, -1.0, 0.0)),
    "thigh_back_high": ("thigh", (-0.055, -0.05, 0.0), (-1.0, 0.0, 0.0)),
    "thigh_back": ("thigh", (-0.046, -0.12, 0.0), (-1.0, 0.0, 0.0)),
    "thigh_back_low": ("thigh", (-0.041, -0.185, 0.0), (-1.0, 0.0, 0.0)),
    "thigh_front": ("thigh", (0.049, -0.12, 0.0), (1.0, 0.0, 0.0)),
    "thigh_front_low": ("thigh", (0.04, -0.2, 0.0), (1.0, 0.0, 0.0)),
    "knee_back": ("shank", (-0.037, -0.005, 0.0), (-1.0, 0.0, 0.0)),
    "calf": ("shank", (-0.046, -0.07, 0.0), (-1.0, 0.0, 0.0)),
    "ankle_back": ("shank", (-0.02, -0.215, 0.0), (-1.0, 0.0, 0.0)),
    "shin": ("shank", (0.021, -0.19, 0.0), (1.0, 0.0, 0.0)),
    "sacrum": ("pelvis", (-0.09, 0.06, 0.0), (-1.0, 0.0, 0.0)),
    "buttock": ("pelvis", (-0.098, -0.02, 0.0), (-1.0, 0.0, 0.0)),
    "upper_back": ("pelvis", (-0.073, 0.22, 0.0), (-1.0, 0.0, 0.0)),
    "chest": ("pelvis", (0.09, 0.22, 0.0), (1.0, 0.0, 0.0)),
    "head": ("head", (0.0, 0.0, 0.0), (0.0, 1.0, 0.0)),
}
BODY_PARTS = frozenset(
    {"body", "trunk", "pelvis", "head", "neck"}
    | {
        f"{p}{s}"
        for p in ("", "left_", "right_")
        for s in ("thigh", "shank", "foot", "upper_arm", "forearm", "hand")
    }
    | {"thighs", "shanks", "feet", "forearms", "hands"}
)


def anchor_names() -> frozenset[str]:
    out: set[str] = set()
    for name in ANCHOR_POINTS:
        out.add(name)
        if ANCHOR_POINTS[name][0] not in ("pelvis", "head"):
            out.update({f"left_{name}", f"right_{name}"})
        else:
            out.update({f"left_{name}", f"right_{name}"} if name == "ischium" else set())
    return frozenset(out)


ANCHORS = anchor_names()

# equipment kinds: parameter -> "num" | "anchor" | "side" | "str" | "pair"
EQUIPMENT: Mapping[str, Mapping[str, str]] = {
    "mat": {"x": "num", "length": "num"},
    "bench": {"x": "num", "length": "num", "height": "num"},
    "table": {"x": "num", "length": "num", "height": "num"},
    "step": {"x": "num", "length": "num", "height": "num"},
    "wall": {"x": "num", "height": "num", "thickness": "num"},
    "chair": {"x": "num", "height": "num", "depth": "num", "back": "side"},
    "leg_curl_lying": {
        "x": "num",
        "length": "num",
        "height": "num",
        "end": "side",
        "pad": "anchor",
        "pivot": "anchor",
    },
    "leg_curl_seated": {
        "x": "num",
        "height": "num",
        "back": "side",
        "pad": "anchor",
        "pivot": "anchor",
        "thigh_pad": "anchor",
    },
    "cable_column": {"x": "num", "pulley_y": "num", "to": "anchor", "attach": "attach"},
    "barbell": {"at": "anchor", "x": "num", "offset": "pair"},
    "kettlebell": {"at": "anchor", "x": "num", "offset": "pair"},
    "dumbbell": {"at": "anchor", "x": "num", "offset": "pair"},
    "foam_roller": {"at": "anchor", "x": "num", "y": "num", "radius": "num", "offset": "pair"},
    "ball": {
        "at": "anchor",
        "x": "num",
        "y": "num",
        "radius": "num",
        "offset": "pair",
        "colour": "colour",
    },
    "roller_stick": {"at": "anchor", "offset": "pair"},
    "hand": {"at": "anchor", "angle": "num", "offset": "pair"},
    "spray": {"at": "anchor", "angle": "num", "offset": "pair"},
    "needle": {"at": "anchor", "angle": "num", "offset": "pair"},
    "syringe": {"at": "anchor", "angle": "num", "offset": "pair"},
    "grid_roller": {"at": "anchor", "x": "num", "y": "num", "radius": "num", "offset": "pair"},
}
VIEWS = ("side", "back")
SIZE_KEYS = frozenset({"length", "height", "radius", "thickness", "depth"})
SIDES = ("both", "left", "right")
ARROW_KINDS = ("push", "move", "roll", "turn")
PHASES = frozenset(
    {
        "",
        "setup",
        "concentric",
        "eccentric",
        "hold",
        "contract",
        "relax",
        "stretch",
        "press",
        "roll",
        "release",
        "rest",
        "move",
    }
)
POSE_KEYS = frozenset(
    {"trunk", "neck", "x", "y", "support", "support_y", "facing"}
    | set(LEG_FIELDS)
    | set(ARM_FIELDS)
    | {f"{s}_{f}" for s in ("left", "right") for f in (*LEG_FIELDS, *ARM_FIELDS)}
)
STEP_KEYS = frozenset(
    {
        "name",
        "view",
        "pose",
        "equipment",
        "works",
        "stretches",
        "treats",
        "side",
        "arrows",
        "duration_s",
        "phase",
        "cue",
        "name_de",
        "cue_de",
    }
)
ARROW_KEYS = frozenset({"at", "x", "y", "angle", "length", "kind", "offset"})

# ------------------------------------------------------------------ loading


def _is_num(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _type_name(v: object) -> str:
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(type(v), type(v).__name__)


class _Ctx:
    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems

    def err(self, where: str, msg: str) -> None:
        self.problems.append(f"{self.file}: {where}: {msg}")


def _pose_from(flat: Mapping[str, Any]) -> Pose:
    def leg(side: str) -> Leg:
        return Leg(*(float(flat.get(f"{side}_{f}", 0.0)) for f in LEG_FIELDS))

    def arm(side: str) -> Arm:
        return Arm(*(float(flat.get(f"{side}_{f}", 0.0)) for f in ARM_FIELDS))

    y = flat.get("y")
    return Pose(
        trunk=float(flat.get("trunk", 0.0)),
        neck=float(flat.get("neck", 0.0)),
        left_leg=leg("left"),
        right_leg=leg("right"),
        left_arm=arm("left"),
        right_arm=arm("right"),
        x=float(flat.get("x", 0.0)),
        y=None if y is None else float(y),
        support=tuple(flat.get("support", ("body",))),
        support_y=float(flat.get("support_y", 0.0)),
        facing=str(flat.get("facing", "right")),
    )


def _merge_pose(ctx: _Ctx, where: str, prev: dict[str, Any], raw: object) -> dict[str, Any]:
    flat = dict(prev)
    if not isinstance(raw, dict):
        ctx.err(where, f"pose must be a table, not {_type_name(raw)}")
        return flat
    for key in sorted(raw, key=lambda k: (k.startswith(("left_", "right_")), k)):
        v = raw[key]
        if key not in POSE_KEYS:
            ctx.err(where, f"unknown pose key {key!r}")
            continue
        if key == "support":
            if not isinstance(v, list) or not all(isinstance(p, str) for p in v):
                ctx.err(where, f"pose support must be a list of body parts, not {_type_name(v)}")
                continue
            if not v:
                ctx.err(where, "pose support must name at least one body part")
                continue
            bad = [p for p in v if p not in BODY_PARTS]
            for p in bad:
                ctx.err(where, f"unknown body part {p!r} in pose support")
            if not bad:
                flat[key] = tuple(v)
            continue
        if key == "facing":
            if v not in ("left", "right"):
                ctx.err(where, f"pose facing must be 'left' or 'right', not {v!r}")
            else:
                flat[key] = v
            continue
        if not _is_num(v):
            ctx.err(where, f"pose {key} must be a number, not {_type_name(v)}")
            continue
        fv = float(v)
        base = key.split("_", 1)[1] if key.startswith(("left_", "right_")) else key
        if base in RANGES:
            lo, hi = RANGES[base]
            if not lo <= fv <= hi:
                label = key.replace("_", " ")
                ctx.err(
                    where, f"{label} angle {fv:g}° is outside the human range ({lo:g}° to {hi:g}°)"
                )
                continue
        if key in LEG_FIELDS or key in ARM_FIELDS:
            flat[f"left_{key}"] = fv
            flat[f"right_{key}"] = fv
        elif key in ("x", "y", "support_y"):
            if not -5.0 <= fv <= 5.0:
                ctx.err(where, f"pose {key} {fv:g} is outside -5 to 5 body heights")
                continue
            flat[key] = fv
        else:
            flat[key] = fv
    return flat


def _equipment(ctx: _Ctx, where: str, raw: object) -> tuple[Equipment, ...] | None:
    if not isinstance(raw, list):
        ctx.err(where, f"equipment must be a list of tables, not {_type_name(raw)}")
        return None
    out: list[Equipment] = []
    for i, item in enumerate(raw, 1):
        w = f"{where}, equipment {i}"
        if not isinstance(item, dict):
            ctx.err(w, f"must be a table, not {_type_name(item)}")
            continue
        kind = item.get("kind")
        if not isinstance(kind, str) or kind not in EQUIPMENT:
            ctx.err(w, f"unknown equipment {kind!r} (known: {', '.join(sorted(EQUIPMENT))})")
            continue
        schema = EQUIPMENT[kind]
        params: list[tuple[str, ParamValue]] = []
        ok = True
        for key in sorted(item):
            if key == "kind":
                continue
            v = item[key]
            typ = schema.get(key)
            if typ is None:
                ctx.err(w, f"unknown key {key!r} for {kind}")
                ok = False
            elif typ == "num" and not _is_num(v):
                ctx.err(w, f"{kind} {key} must be a number, not {_type_name(v)}")
                ok = False
            elif typ == "num" and key in SIZE_KEYS and not 0 < float(v) <= 3:
                ctx.err(w, f"{kind} {key} {v} must be above 0 and at most 3 body heights")
                ok = False
            elif typ == "num" and key != "angle" and not -5 <= float(v) <= 5:
                ctx.err(w, f"{kind} {key} {v} is outside -5 to 5 body heights")
                ok = False
            elif typ == "anchor" and (not isinstance(v, str) or v not in ANCHORS):
                ctx.err(w, f"unknown body point {v!r} for {kind} {key}")
                ok = False
            elif typ == "side" and v not in ("left", "right"):
                ctx.err(w, f"{kind} {key} must be 'left' or 'right', not {v!r}")
                ok = False
            elif typ == "attach" and v not in ("strap", "bar"):
                ctx.err(w, f"{kind} {key} must be 'strap' or 'bar', not {v!r}")
                ok = False
            elif typ == "colour" and not (
                isinstance(v, str)
                and len(v) == 7
                and v[0] == "#"
                and all(c in "0123456789abcdefABCDEF" for c in v[1:])
            ):
                ctx.err(w, f"{kind} {key} must be a colour like '#e9e4d8', not {v!r}")
                ok = False
            elif typ == "str" and not isinstance(v, str):
                ctx.err(w, f"{kind} {key} must be a string, not {_type_name(v)}")
                ok = False
            elif typ == "pair" and not (
                isinstance(v, list) and len(v) == 2 and all(_is_num(x) for x in v)
            ):
                ctx.err(w, f"{kind} {key} must be two numbers [dx, dy]")
                ok = False
            else:
                val: ParamValue
                if typ == "num":
                    val = float(v)
                elif typ == "pair":
                    val = (float(v[0]), float(v[1]))
                else:
                    val = v
                params.append((key, val))
        if ok:
            out.append(Equipment(kind, tuple(params)))
    return tuple(out)


def _muscles(ctx: _Ctx, where: str, key: str, raw: object) -> tuple[str, ...] | None:
    if not isinstance(raw, list) or not all(isinstance(m, str) for m in raw):
        ctx.err(where, f"{key} must be a list of muscle ids, not {_type_name(raw)}")
        return None
    bad = [m for m in raw if m not in MUSCLES]
    for m in bad:
        ctx.err(where, f"unknown muscle {m!r} in {key} (known: {', '.join(sorted(MUSCLES))})")
    return None if bad else tuple(raw)


def _arrows(ctx: _Ctx, where: str, raw: object) -> tuple[Arrow, ...]:
    if not isinstance(raw, list):
        ctx.err(where, f"arrows must be a list of tables, not {_type_name(raw)}")
        return ()
    out: list[Arrow] = []
    for i, a in enumerate(raw, 1):
        w = f"{where}, arrow {i}"
        if not isinstance(a, dict):
            ctx.err(w, f"must be a table, not {_type_name(a)}")
            continue
        ok = True
        for key in sorted(a):
            v = a[key]
            if key not in ARROW_KEYS:
                ctx.err(w, f"unknown key {key!r}")
                ok = False
            elif key == "at" and (not isinstance(v, str) or v not in ANCHORS):
                ctx.err(w, f"unknown body point {v!r}")
                ok = False
            elif key == "kind" and v not in ARROW_KINDS:
                ctx.err(w, f"unknown arrow kind {v!r} (known: {', '.join(ARROW_KINDS)})")
                ok = False
            elif key == "offset" and not (
                isinstance(v, list) and len(v) == 2 and all(_is_num(x) for x in v)
            ):
                ctx.err(w, "offset must be two numbers [dx, dy]")
                ok = False
            elif key in ("x", "y", "angle", "length") and not _is_num(v):
                ctx.err(w, f"{key} must be a number, not {_type_name(v)}")
                ok = False
        if "at" not in a and not ("x" in a and "y" in a):
            ctx.err(w, "needs 'at' (a body point) or both 'x' and 'y'")
            ok = False
        if ok:
            off = a.get("offset", [0.0, 0.0])
            out.append(
                Arrow(
                    at=a.get("at"),
                    x=float(a.get("x", 0.0)),
                    y=float(a.get("y", 0.0)),
                    angle=float(a.get("angle", 0.0)),
                    length=float(a.get("length", 0.15)),
                    kind=str(a.get("kind", "move")),
                    offset=(float(off[0]), float(off[1])),
                )
            )
    return tuple(out)


def _steps(ctx: _Ctx, where: str, raw: object) -> tuple[Step, ...]:
    if not isinstance(raw, list) or not raw:
        ctx.err(where, "needs at least one [[...step]] table")
        return ()
    steps: list[Step] = []
    flat: dict[str, Any] = {}
    view, side = "side", "both"
    equipment: tuple[Equipment, ...] = ()
    works: tuple[str, ...] = ()
    stretches: tuple[str, ...] = ()
    treats: tuple[str, ...] = ()
    for i, s in enumerate(raw, 1):
        if not isinstance(s, dict):
            ctx.err(f"{where}, step {i}", f"must be a table, not {_type_name(s)}")
            continue
        name = s.get("name")
        w = f'{where}, step {i} "{name}"' if isinstance(name, str) else f"{where}, step {i}"
        if not isinstance(name, str) or not name:
            ctx.err(w, "step needs a name (a string)")
            name = f"step {i}"
        for key in sorted(s):
            if key not in STEP_KEYS:
                ctx.err(w, f"unknown key {key!r}")
        if "pose" in s:
            flat = _merge_pose(ctx, w, flat, s["pose"])
        elif i == 1:
            ctx.err(w, "the first step needs a pose")
        if "view" in s:
            if s["view"] in VIEWS:
                view = s["view"]
            else:
                ctx.err(w, f"view must be one of {', '.join(VIEWS)}, not {s['view']!r}")
        if "side" in s:
            if s["side"] in SIDES:
                side = s["side"]
            else:
                ctx.err(w, f"side must be one of {', '.join(SIDES)}, not {s['side']!r}")
        if "equipment" in s:
            eq = _equipment(ctx, w, s["equipment"])
            if eq is not None:
                equipment = eq
        if "works" in s:
            m = _muscles(ctx, w, "works", s["works"])
            if m is not None:
                works = m
        if "stretches" in s:
            m = _muscles(ctx, w, "stretches", s["stretches"])
            if m is not None:
                stretches = m
        if "treats" in s:
            m = _muscles(ctx, w, "treats", s["treats"])
            if m is not None:
                treats = m
        arrows = _arrows(ctx, w, s.get("arrows", []))
        dur = s.get("duration_s", 1.0)
        if not _is_num(dur) or not 0 < float(dur) <= 300:
            ctx.err(w, f"duration_s must be a number of seconds (0 to 300), not {dur!r}")
            dur = 1.0
        phase = s.get("phase", "")
        if phase not in PHASES:
            ctx.err(w, f"unknown phase {phase!r} (known: {', '.join(sorted(PHASES - {''}))})")
            phase = ""
        cue = s.get("cue", "")
        if not isinstance(cue, str):
            ctx.err(w, f"cue must be a string, not {_type_name(cue)}")
            cue = ""
        german = {}
        for key in ("name_de", "cue_de"):
            german[key] = s.get(key, "")
            if not isinstance(german[key], str):
                ctx.err(w, f"{key} must be a string, not {_type_name(german[key])}")
                german[key] = ""
        steps.append(
            Step(
                name=name,
                view=view,
                pose=_pose_from(flat),
                equipment=equipment,
                works=works,
                stretches=stretches,
                treats=treats,
                side=side,
                arrows=arrows,
                duration_s=float(dur),
                phase=str(phase),
                cue=cue,
                name_de=german["name_de"],
                cue_de=german["cue_de"],
            )
        )
    return tuple(steps)


def _figure(ctx: _Ctx, rid: str, raw: object) -> Figure | None:
    if not isinstance(raw, dict):
        ctx.err(rid, f"must be a table, not {_type_name(raw)}")
        return None
    for key in sorted(raw):
        if key not in ("step", "variant", "note"):
            ctx.err(rid, f"unknown key {key!r}")
    note = raw.get("note", "")
    if not isinstance(note, str):
        ctx.err(rid, f"note must be a string, not {_type_name(note)}")
        note = ""
    before = len(ctx.problems)
    variants: list[Variant] = []
    if "step" in raw and "variant" in raw:
        ctx.err(rid, "has both steps and variants; put the steps inside the variants")
    if "variant" in raw:
        vs = raw["variant"]
        if not isinstance(vs, list) or not vs:
            ctx.err(rid, "variant must be an array of tables ([[...variant]])")
            return None
        for i, v in enumerate(vs, 1):
            if not isinstance(v, dict):
                ctx.err(f"{rid}, variant {i}", f"must be a table, not {_type_name(v)}")
                continue
            label = v.get("label")
            w = f'{rid}, variant {i} "{label}"' if isinstance(label, str) else f"{rid}, variant {i}"
            if not isinstance(label, str) or not label:
                ctx.err(w, "variant needs a label (a string)")
                label = ""
            for key in sorted(v):
                if key not in ("label", "label_de", "step"):
                    ctx.err(w, f"unknown key {key!r}")
            label_de = v.get("label_de", "")
            if not isinstance(label_de, str):
                ctx.err(w, f"label_de must be a string, not {_type_name(label_de)}")
                label_de = ""
            variants.append(Variant(label, _steps(ctx, w, v.get("step")), label_de))
    else:
        variants.append(Variant("", _steps(ctx, rid, raw.get("step"))))
    if len(ctx.problems) != before:
        return None
    return Figure(rid, tuple(variants), note)


def parse_figures(text: str, file: str = "data/figures.toml") -> tuple[FigureBook, list[str]]:
    """Figures from TOML text, and every problem found (each naming file, record and field)."""
    problems: list[str] = []
    ctx = _Ctx(file, problems)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return FigureBook(), [f"{file}: not valid TOML: {exc}"]
    except RecursionError:
        return FigureBook(), [f"{file}: not valid TOML: nested too deeply"]
    figures: dict[str, Figure] = {}
    actions: dict[str, Figure] = {}
    for top in sorted(doc):
        if top not in ("figure", "action"):
            ctx.err(top, "unknown table (expected [figure.<id>] or [action.<muscle id>])")
    for section, target in (("figure", figures), ("action", actions)):
        table = doc.get(section, {})
        if not isinstance(table, dict):
            ctx.err(section, f"must be a table, not {_type_name(table)}")
            continue
        for rid in table:
            if section == "action" and rid not in HAMSTRINGS:
                ctx.err(
                    rid, f"actions are for the hamstrings ({', '.join(HAMSTRINGS)}), not {rid!r}"
                )
                continue
            fig = _figure(ctx, rid, table[rid])
            if fig is not None:
                target[rid] = fig
    return FigureBook(figures, actions), problems


def load_figures(path: str | Path) -> tuple[FigureBook, list[str]]:
    """Figures from a file (``data/figures.toml``) and every problem found in it."""
    p = Path(path)
    name = f"{p.parent.name}/{p.name}" if p.parent.name else p.name
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return FigureBook(), [f"{name}: cannot be read: {exc}"]
    return parse_figures(text, name)


def untranslated(book: FigureBook, file: str = "data/figures.toml") -> list[str]:
    """A message for each variant label, step caption and cue that has no German beside it
    (``label_de``, ``name_de``, ``cue_de``), in the form of the loading problems."""
    out: list[str] = []
    for rid, figure in [*book.figures.items(), *book.actions.items()]:
        for i, variant in enumerate(figure.variants, 1):
            where = f'{rid}, variant {i} "{variant.label}"' if variant.label else rid
            if variant.label and not variant.label_de:
                out.append(f"{file}: {where}: no German text: add label_de beside label")
            for n, step in enumerate(variant.steps, 1):
                at = f'{where}, step {n} "{step.name}"'
                if step.name and not step.name_de:
                    out.append(f"{file}: {at}: no German text: add name_de beside name")
                if step.cue and not step.cue_de:
                    out.append(f"{file}: {at}: no German text: add cue_de beside cue")
    return out


def validate_figures(path: str | Path) -> list[str]:
    """Every problem in a figures file (empty when it is fine)."""
    return load_figures(path)[1]


def coverage_problems(
    book: FigureBook, record_ids: Iterable[str], file: str = "data/figures.toml"
) -> list[str]:
    """A message for each exercise / stretch / technique id without a figure, and for each
    figure whose id is not one of those records."""
    ids = set(record_ids)
    out = [f"{file}: {rid}: no figure for this record" for rid in sorted(ids - set(book.figures))]
    out += [
        f"{file}: {rid}: figure for an unknown record (not an exercise, stretch or technique id)"
        for rid in sorted(set(book.figures) - ids)
    ]
    return out
