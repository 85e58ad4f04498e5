"""Where does it hurt? Match a pain drawing against the hamstring referral patterns.

Qt-free. The user marks where it hurts on the plate: single clicks (*marks*) and a painted area
made of brush *dabs* (circles; an eraser dab removes area). :class:`PainDrawing` holds that, with
the time it was made, and round-trips through JSON. Everything is in plate units (the SVG's user
units, 20 per cm), so a click, a region and a test mean the same point.

:func:`rank` lists the trigger points whose referral zones cover the drawing, best first:

- every mark inside one of a trigger point's *essential* zones scores ``ESSENTIAL_WEIGHT`` (3);
  a mark inside one of its *spillover* zones (and not its essential zone) scores
  ``SPILLOVER_WEIGHT`` (1). Nearly everyone with the trigger point feels pain in the essential zone
  and only some in the spillover zone, so a mark there is weaker evidence;
- the painted area is rasterised on a grid of ``CELL`` (5) plate units, eraser dabs applied in
  order; ``e`` and ``s`` are the shares of the painted cells that lie in the trigger point's
  essential zone and in its spillover zone (outside the essential zone). The painted area as a
  whole counts as ``AREA_WEIGHT`` (10) marks spread over it, so it adds
  ``AREA_WEIGHT * (ESSENTIAL_WEIGHT * e + SPILLOVER_WEIGHT * s)``. A painting says more about
  where it hurts than one click, so it outweighs a few stray marks, but not a deliberate set;
- each trigger point is scored on its own: a mark or cell in two patterns counts for both;
- every trigger point in the atlas is a candidate: the hamstrings' and their neighbours' (the
  gluteal muscles, piriformis, obturator internus, adductor magnus, vastus lateralis and the calf
  and knee muscles) alike;
- trigger points scoring 0 are left out. Equal scores (trigger points of one muscle group share
  their zones, and several patterns overlap at the gluteal fold and the knee) list the
  hamstrings' first (they are the atlas's subject), then order by the distance from the trigger
  point's X mark to the middle of the drawing, nearest first, then by record order in
  ``trigger_points.toml``. That order is only a deterministic tie-break, not a clinical claim.

Zone masks are built once per atlas by a :class:`PainFinder` (one scanline pass per zone); each
row of a mask is a Python int used as a bit set, so covering a drawing costs a few hundred
``&``/``bit_count`` operations.

:func:`lookalikes` says which other causes of pain in the same places (``data/lookalikes.toml``:
sciatica, piriformis, gluteal muscles, a strain, the knee joint, calf muscles) deserve a thought
for this drawing, with their "see a professional" warnings; the ``red_flags`` entry comes first
with every drawing that has anything marked. :func:`compare` sets a dated drawing against an
earlier one. None of this diagnoses anything.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from hamstring_viewer.atlas import Atlas
from hamstring_viewer.geometry import Point, Region
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate
from hamstring_viewer.records import Fact, LookAlikeCause, LookAlikeTrigger

#: Score of a mark in an essential zone, and in a spillover zone.
ESSENTIAL_WEIGHT = 3.0
SPILLOVER_WEIGHT = 1.0
#: The whole painted area counts as this many marks spread over it.
AREA_WEIGHT = 10.0
#: Raster cell of the painted area and the zone masks, in plate units (0.25 cm).
CELL = 5.0
#: Plate frame (tools/build_plates.py; posterior and side views): 20 units per cm;
#: Y = 40 + 20 * (105 - height in cm).
UNITS_PER_CM = 20.0
_FRAME_Y = 40.0
_FRAME_TOP_CM = 105.0
CELL_AREA_CM2 = (CELL / UNITS_PER_CM) ** 2
#: A painted area touches a look-alike's area when at least this many cells (1 cm²) fall in it,
#: or all of it does.
TOUCH_CELLS = 16

FORMAT_VERSION = 1
MAX_MARKS = 1000
MAX_DABS = 5000
MAX_RADIUS = 1000.0
MAX_LABEL = 200
#: Keys a store may add around a drawing's dict (``userdata.UserData.add_drawing`` adds both);
#: :meth:`PainDrawing.from_dict` passes over them.
STORE_KEYS = ("id", "date")

Rows = dict[int, int]
"""A set of raster cells: row index -> bit set of column indexes."""
Trend = Literal["new", "gone", "rose", "fell", "same"]


#: Warning signs, most urgent first.
URGENCY_ORDER = {"emergency": 0, "now": 1, "soon": 2}


def warning_signs(atlas: Atlas) -> list[LookAlikeCause]:
    """The warning signs a user can tick in the finder, most urgent first (file order within)."""
    signs = [c for c in atlas.kb.lookalikes.values() if c.kind == "warning"]
    return sorted(signs, key=lambda c: URGENCY_ORDER.get(c.urgency, len(URGENCY_ORDER)))


def massage_held_back_by(items: Iterable[LookAlike]) -> list[LookAlike]:
    """The shown entries that hold back massage and pressure advice (empty: advice may show)."""
    return [item for item in items if item.stops_massage]


# --------------------------------------------------------------------------------------------
# The drawing


def _bad(where: str, message: str) -> ValueError:
    return ValueError(f"pain drawing: field '{where}': {message}")


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    return {
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        tuple: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _coordinate(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad(where, f"must be a number, not {_kind_of(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise _bad(where, f"must be a finite number, not {value}")
    return number


def _check_dab(x: object, y: object, radius: object, erase: object, where: str) -> None:
    _coordinate(x, f"{where}.x")
    _coordinate(y, f"{where}.y")
    r = _coordinate(radius, f"{where}.radius")
    if not 0 < r <= MAX_RADIUS:
        raise _bad(f"{where}.radius", f"must be more than 0 and at most {MAX_RADIUS:g}, not {r:g}")
    if not isinstance(erase, bool):
        raise _bad(f"{where}.erase", f"must be true or false, not {_kind_of(erase)}")


@dataclass(frozen=True, slots=True)
class Dab:
    """One brush dab in plate units: a circle painted (or, with ``erase``, rubbed out)."""

    x: float
    y: float
    radius: float
    erase: bool = False

    def __post_init__(self) -> None:
        _check_dab(self.x, self.y, self.radius, self.erase, "dab")


def _check_created(created: object) -> str:
    if not isinstance(created, str):
        raise _bad("created", f"must be text, not {_kind_of(created)}")
    try:
        datetime.fromisoformat(created)
    except ValueError:
        raise _bad(
            "created",
            f"'{created}' is not an ISO 8601 date and time (e.g. 2024-05-01T09:30:00+02:00)",
        ) from None
    return created


def _check_label(label: object) -> str:
    if not isinstance(label, str):
        raise _bad("label", f"must be text, not {_kind_of(label)}")
    if len(label) > MAX_LABEL:
        raise _bad("label", f"is longer than {MAX_LABEL} characters")
    return label


def _mark(value: object, where: str) -> Point:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise _bad(where, f"must be a point [x, y], not {_kind_of(value)}")
    return (_coordinate(value[0], f"{where}[0]"), _coordinate(value[1], f"{where}[1]"))


@dataclass(frozen=True, slots=True)
class PainDrawing:
    """Where it hurts: point ``marks`` and painted ``dabs`` (applied in order) in plate units,
    the ISO 8601 time it was ``created`` and an optional ``label``. Immutable: the ``with_*``
    methods return a new drawing. Invalid values raise ValueError naming the field."""

    created: str
    marks: tuple[Point, ...] = ()
    dabs: tuple[Dab, ...] = ()
    label: str = ""

    def __post_init__(self) -> None:
        _check_created(self.created)
        _check_label(self.label)
        if not isinstance(self.marks, list | tuple):
            raise _bad("marks", f"must be a list of points, not {_kind_of(self.marks)}")
        if len(self.marks) > MAX_MARKS:
            raise _bad("marks", f"holds more than {MAX_MARKS} marks")
        marks = tuple(_mark(m, f"marks[{i}]") for i, m in enumerate(self.marks))
        if not isinstance(self.dabs, list | tuple):
            raise _bad("dabs", f"must be a list of dabs, not {_kind_of(self.dabs)}")
        if len(self.dabs) > MAX_DABS:
            raise _bad("dabs", f"holds more than {MAX_DABS} dabs")
        for i, dab in enumerate(self.dabs):
            if not isinstance(dab, Dab):
                raise _bad(f"dabs[{i}]", f"must be a Dab, not {_kind_of(dab)}")
        object.__setattr__(self, "marks", marks)
        object.__setattr__(self, "dabs", tuple(self.dabs))

    @classmethod
    def start(cls, clock: Callable[[], datetime], label: str = "") -> PainDrawing:
        """A new empty drawing stamped with ``clock()`` (e.g. ``lambda: datetime.now(UTC)``)."""
        return cls(created=clock().isoformat(timespec="seconds"), label=label)

    @property
    def is_blank(self) -> bool:
        """No marks and no painting dabs (a painted area rubbed out entirely is not blank here;
        :meth:`PainFinder.area_cm2` tells)."""
        return not self.marks and not any(not d.erase for d in self.dabs)

    def with_mark(self, x: float, y: float) -> PainDrawing:
        """This drawing with one more point mark."""
        return PainDrawing(self.created, (*self.marks, (x, y)), self.dabs, self.label)

    def without_mark(self, index: int) -> PainDrawing:
        """This drawing without the mark at ``index``; raises IndexError if there is none."""
        if not -len(self.marks) <= index < len(self.marks):
            raise IndexError(f"no mark {index}; the drawing has {len(self.marks)}")
        marks = list(self.marks)
        del marks[index]
        return PainDrawing(self.created, tuple(marks), self.dabs, self.label)

    def with_dab(self, x: float, y: float, radius: float, erase: bool = False) -> PainDrawing:
        """This drawing with one more brush (or, with ``erase``, eraser) dab."""
        return PainDrawing(
            self.created, self.marks, (*self.dabs, Dab(x, y, radius, erase)), self.label
        )

    def with_label(self, label: str) -> PainDrawing:
        return PainDrawing(self.created, self.marks, self.dabs, label)

    def cleared(self) -> PainDrawing:
        """Nothing marked or painted; the time and label stay."""
        return PainDrawing(self.created, (), (), self.label)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (see :meth:`from_dict`)."""
        return {
            "version": FORMAT_VERSION,
            "created": self.created,
            "label": self.label,
            "marks": [[x, y] for x, y in self.marks],
            "dabs": [{"x": d.x, "y": d.y, "radius": d.radius, "erase": d.erase} for d in self.dabs],
        }

    @classmethod
    def from_dict(cls, data: object) -> PainDrawing:
        """Read what :meth:`to_dict` wrote; raises ValueError naming the first bad field.

        Unknown fields are errors, except the :data:`STORE_KEYS` a store adds."""
        if not isinstance(data, Mapping):
            raise ValueError(f"pain drawing: must be a JSON object, not {_kind_of(data)}")
        known = ("version", "created", "label", "marks", "dabs")
        for key in data:
            if key not in known and key not in STORE_KEYS:
                raise _bad(str(key), f"unknown field (expected {', '.join(known)})")
        for key in ("version", "created"):
            if key not in data:
                raise _bad(key, "required field is missing")
        version = data["version"]
        if isinstance(version, bool) or version != FORMAT_VERSION:
            raise _bad("version", f"unsupported version {version!r} (this app reads 1)")
        marks_raw = data.get("marks", [])
        if not isinstance(marks_raw, list):
            raise _bad("marks", f"must be a list of points, not {_kind_of(marks_raw)}")
        dabs_raw = data.get("dabs", [])
        if not isinstance(dabs_raw, list):
            raise _bad("dabs", f"must be a list of dabs, not {_kind_of(dabs_raw)}")
        if len(dabs_raw) > MAX_DABS:
            raise _bad("dabs", f"holds more than {MAX_DABS} dabs")
        dabs: list[Dab] = []
        for i, raw in enumerate(dabs_raw):
            where = f"dabs[{i}]"
            if not isinstance(raw, Mapping):
                raise _bad(where, f"must be an object with x, y, radius, not {_kind_of(raw)}")
            for key in raw:
                if key not in ("x", "y", "radius", "erase"):
                    raise _bad(f"{where}.{key}", "unknown field (expected x, y, radius, erase)")
            for key in ("x", "y", "radius"):
                if key not in raw:
                    raise _bad(f"{where}.{key}", "required field is missing")
            erase = raw.get("erase", False)
            _check_dab(raw["x"], raw["y"], raw["radius"], erase, where)
            dabs.append(Dab(raw["x"], raw["y"], raw["radius"], erase))
        return cls(
            created=_check_created(data["created"]),
            marks=tuple(marks_raw),
            dabs=tuple(dabs),
            label=_check_label(data.get("label", "")),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_json(cls, text: str) -> PainDrawing:
        """Read :meth:`to_json` output; raises ValueError on bad JSON or a bad field."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"pain drawing: not valid JSON: {exc}") from None
        return cls.from_dict(data)


# --------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger point whose referral pattern covers (part of) the drawing.

    ``essential_marks`` / ``spillover_marks`` are indexes into ``drawing.marks``; the fractions are
    shares of the painted area (0 when nothing is painted); ``distance`` (plate units, from the X
    mark to the middle of the drawing) only breaks ties."""

    trigger_point: str
    muscle: str
    score: float
    essential_marks: tuple[int, ...]
    spillover_marks: tuple[int, ...]
    essential_fraction: float
    spillover_fraction: float
    essential_zones: tuple[str, ...]
    spillover_zones: tuple[str, ...]
    distance: float

    def explain(self) -> str:
        """E.g. "2 marks in the essential zone, 35% of the painted area in the spillover zone"."""
        parts: list[str] = []
        for count, one, many in (
            (
                len(self.essential_marks),
                QT_TRANSLATE_NOOP("PainFinder", "1 mark in the essential zone"),
                QT_TRANSLATE_NOOP("PainFinder", "{count} marks in the essential zone"),
            ),
            (
                len(self.spillover_marks),
                QT_TRANSLATE_NOOP("PainFinder", "1 mark in the spillover zone"),
                QT_TRANSLATE_NOOP("PainFinder", "{count} marks in the spillover zone"),
            ),
        ):
            if count:
                text = one if count == 1 else many
                parts.append(translate("PainFinder", text).format(count=count))
        if self.essential_fraction > 0:
            parts.append(
                translate("PainFinder", "{share} of the painted area in the essential zone").format(
                    share=_percent(self.essential_fraction)
                )
            )
        if self.spillover_fraction > 0:
            parts.append(
                translate("PainFinder", "{share} of the painted area in the spillover zone").format(
                    share=_percent(self.spillover_fraction)
                )
            )
        return ", ".join(parts)


def _percent(fraction: float) -> str:
    value = round(fraction * 100)
    if value == 0:
        return translate("PainFinder", "under 1%")
    if value == 100 and fraction < 1:
        return translate("PainFinder", "over 99%")
    return translate("PainFinder", "{value}%").format(value=value)


@dataclass(frozen=True, slots=True)
class LookAlike:
    """Another cause of pain in the marked places that deserves a thought (or, for ``kind``
    "red_flags", the signs that need a professional), with the ``reasons`` this drawing gives."""

    cause: LookAlikeCause
    reasons: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.cause.id

    @property
    def name(self) -> str:
        return self.cause.name

    @property
    def kind(self) -> str:
        return self.cause.kind

    @property
    def text(self) -> Fact:
        return self.cause.text

    @property
    def warning(self) -> Fact:
        return self.cause.warning

    @property
    def is_warning_sign(self) -> bool:
        """A warning sign the user ticked: shown above everything else."""
        return self.cause.kind == "warning"

    @property
    def stops_massage(self) -> bool:
        """While this entry is shown, massage and pressure advice is held back."""
        return self.cause.stops_massage

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source id behind the entry, record-level ones first."""
        out = dict.fromkeys(self.cause.sources)
        out.update(dict.fromkeys(self.cause.text.sources))
        out.update(dict.fromkeys(self.cause.warning.sources))
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Change:
    """How one trigger point's standing changed between two drawings (rank 1 is the top)."""

    trigger_point: str
    score_before: float
    score_after: float
    rank_before: int | None
    rank_after: int | None

    @property
    def trend(self) -> Trend:
        if self.rank_before is None:
            return "new"
        if self.rank_after is None:
            return "gone"
        if self.score_after > self.score_before:
            return "rose"
        if self.score_after < self.score_before:
            return "fell"
        return "same"


@dataclass(frozen=True, slots=True)
class Comparison:
    """A drawing (``after``) set against an earlier one (``before``)."""

    before: PainDrawing
    after: PainDrawing
    #: days from ``before.created`` to ``after.created`` (None if only one has a time zone)
    days: float | None
    #: every trigger point listed in either ranking: those listed after first, in their order
    changes: tuple[Change, ...]
    area_before_cm2: float
    area_after_cm2: float
    #: painted now but not before, and painted before but not now
    area_added_cm2: float
    area_removed_cm2: float
    lookalikes_added: tuple[str, ...]
    lookalikes_removed: tuple[str, ...]

    @property
    def area_change_cm2(self) -> float:
        return self.area_after_cm2 - self.area_before_cm2

    def with_trend(self, trend: Trend) -> tuple[str, ...]:
        """The trigger point ids whose trend is ``trend``."""
        return tuple(c.trigger_point for c in self.changes if c.trend == trend)

    @property
    def rose(self) -> tuple[str, ...]:
        return self.with_trend("rose")

    @property
    def fell(self) -> tuple[str, ...]:
        return self.with_trend("fell")

    @property
    def new(self) -> tuple[str, ...]:
        return self.with_trend("new")

    @property
    def gone(self) -> tuple[str, ...]:
        return self.with_trend("gone")


# --------------------------------------------------------------------------------------------
# Raster


@dataclass(frozen=True, slots=True)
class _Grid:
    x0: float
    y0: float
    cols: int
    rows: int

    def cx(self, col: int) -> float:
        return self.x0 + (col + 0.5) * CELL

    def cy(self, row: int) -> float:
        return self.y0 + (row + 0.5) * CELL

    def first_col_from(self, x: float) -> int:
        """The first column whose centre is at or right of ``x`` (may be ``cols``)."""
        col = max(0, math.ceil((x - self.x0) / CELL - 0.5))
        while col > 0 and self.cx(col - 1) >= x:
            col -= 1
        while col < self.cols and self.cx(col) < x:
            col += 1
        return min(col, self.cols)

    def first_row_from(self, y: float) -> int:
        row = max(0, math.ceil((y - self.y0) / CELL - 0.5))
        while row > 0 and self.cy(row - 1) >= y:
            row -= 1
        while row < self.rows and self.cy(row) < y:
            row += 1
        return min(row, self.rows)

    def rows_between(self, top: float, bottom: float) -> range:
        """Rows whose centre lies in [top, bottom]."""
        return range(
            self.first_row_from(top), self.first_row_from(math.nextafter(bottom, math.inf))
        )

    def span(self, lo: float, hi: float) -> int:
        """Bit set of the columns whose centre lies in [lo, hi)."""
        c0, c1 = self.first_col_from(lo), self.first_col_from(hi)
        return ((1 << (c1 - c0)) - 1) << c0 if c1 > c0 else 0

    @property
    def full(self) -> int:
        return (1 << self.cols) - 1


def _region_rows(region: Region, grid: _Grid, banded: _Edges | None = None) -> Rows:
    """The cells whose centre ``region.contains`` (the same crossing rule, one scanline a row;
    each scanline visits only the edges filed in its band)."""
    bx0, by0, bx1, by1 = region.bbox
    banded = banded or _Edges(region)
    out: Rows = {}
    for row in grid.rows_between(by0, by1):
        y = grid.cy(row)
        crossings: list[tuple[float, int]] = []
        for ax, ay, bx, by in banded.edges_near(y):
            if ay <= y < by or by <= y < ay:
                t = (y - ay) / (by - ay)
                crossings.append((ax + t * (bx - ax), 1 if by > ay else -1))
        if not crossings:
            continue
        crossings.sort()
        bits = 0
        winding = 0
        # a point x is inside by the crossings strictly right of it: walk from the right
        for j in range(len(crossings) - 1, -1, -1):
            winding += crossings[j][1]
            count = len(crossings) - j
            inside = count % 2 == 1 if region.evenodd else winding != 0
            if inside:
                lo = crossings[j - 1][0] if j > 0 else bx0
                hi = crossings[j][0]
                bits |= grid.span(max(lo, bx0), min(hi, math.nextafter(bx1, math.inf)))
        if bits:
            out[row] = bits
    return out


def _union(masks: Iterable[Rows]) -> Rows:
    out: Rows = {}
    for mask in masks:
        for row, bits in mask.items():
            out[row] = out.get(row, 0) | bits
    return out


def _minus(a: Rows, b: Rows) -> Rows:
    out: Rows = {}
    for row, bits in a.items():
        left = bits & ~b.get(row, 0)
        if left:
            out[row] = left
    return out


def _overlap(painted: Rows, mask: Rows) -> int:
    if len(mask) < len(painted):
        painted, mask = mask, painted
    return sum((bits & mask.get(row, 0)).bit_count() for row, bits in painted.items())


def _paint(dabs: Sequence[Dab], grid: _Grid) -> Rows:
    rows: Rows = {}
    x0, y0, cols = grid.x0, grid.y0, grid.cols
    ceil, sqrt, after, inf = math.ceil, math.sqrt, math.nextafter, math.inf

    def first_col(x: float) -> int:  # grid.first_col_from, inlined for speed
        col = ceil((x - x0) / CELL - 0.5)
        if col < 0:
            col = 0
        while col > 0 and x0 + (col - 0.5) * CELL >= x:
            col -= 1
        while col < cols and x0 + (col + 0.5) * CELL < x:
            col += 1
        return col if col < cols else cols

    for dab in dabs:
        r2 = dab.radius * dab.radius
        for row in grid.rows_between(dab.y - dab.radius, dab.y + dab.radius):
            dy = y0 + (row + 0.5) * CELL - dab.y
            rest = r2 - dy * dy
            if rest < 0:
                continue
            dx = sqrt(rest)
            c0, c1 = first_col(dab.x - dx), first_col(after(dab.x + dx, inf))
            if c1 <= c0:
                continue
            bits = ((1 << (c1 - c0)) - 1) << c0
            if dab.erase:
                left = rows.get(row, 0) & ~bits
                if left:
                    rows[row] = left
                else:
                    rows.pop(row, None)
            else:
                rows[row] = rows.get(row, 0) | bits
    return rows


def _runs_sum(bits: int) -> int:
    """Sum of the indexes of the set bits (run by run)."""
    total = 0
    while bits:
        start = (bits & -bits).bit_length() - 1
        shifted = bits >> start
        length = (~shifted & (shifted + 1)).bit_length() - 1
        total += length * (2 * start + length - 1) // 2
        bits &= ~(((1 << length) - 1) << start)
    return total


@dataclass(frozen=True, slots=True)
class _Painted:
    """A drawing as the finder sees it: marks, painted cells and where they lie."""

    marks: tuple[Point, ...]
    rows: Rows
    cells: int
    centre: Point | None
    top: float | None
    bottom: float | None

    @property
    def empty(self) -> bool:
        return not self.marks and not self.cells

    @property
    def span_cm(self) -> float:
        if self.top is None or self.bottom is None:
            return 0.0
        return (self.bottom - self.top) / UNITS_PER_CM


@dataclass(frozen=True, slots=True)
class _Pattern:
    """The zones of one or more trigger points: essential, and spillover outside essential."""

    essential: tuple[_Edges, ...]
    spillover: tuple[_Edges, ...]
    essential_rows: Rows
    spillover_rows: Rows


class _Edges:
    """A region's edges filed by bands of height, so that testing a point visits only the
    edges that reach its band: :meth:`contains` gives exactly ``Region.contains`` (the same
    crossing rule and arithmetic, over the same edges), a zone of hundreds of edges in a few
    steps."""

    __slots__ = ("_bands", "bbox", "evenodd")

    BAND = 10.0

    def __init__(self, region: Region) -> None:
        self.bbox = region.bbox
        self.evenodd = region.evenodd
        bands: dict[int, list[tuple[float, float, float, float]]] = {}
        for poly in region.polygons:
            ax, ay = poly[-1]
            for bx, by in poly:
                if ay != by:  # a level edge never crosses a scanline
                    lo, hi = (ay, by) if ay < by else (by, ay)
                    edge = (ax, ay, bx, by)
                    for band in range(math.floor(lo / self.BAND), math.floor(hi / self.BAND) + 1):
                        bands.setdefault(band, []).append(edge)
                ax, ay = bx, by
        self._bands = bands

    def edges_near(self, y: float) -> list[tuple[float, float, float, float]]:
        """Every edge that may cross the scanline at ``y`` (with some that do not)."""
        return self._bands.get(math.floor(y / self.BAND), [])

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        winding = 0
        crossings = 0
        for ax, ay, bx, by in self._bands.get(math.floor(y / self.BAND), ()):
            if (ay <= y) is not (by <= y):
                t = (y - ay) / (by - ay)
                if ax + t * (bx - ax) > x:
                    crossings += 1
                    winding += 1 if by > ay else -1
        return crossings % 2 == 1 if self.evenodd else winding != 0


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A trigger point as the finder ranks it: its pattern's key and where its X mark is."""

    id: str
    muscle: str
    essential: tuple[str, ...]
    spillover: tuple[str, ...]
    where: Point | None
    #: 0 for a hamstring's trigger point, 1 for a neighbour's (equal scores: hamstrings first)
    group: int


@dataclass(frozen=True, slots=True)
class _Area:
    """Where a look-alike trigger looks: plate regions and/or a band of plate Y."""

    regions: tuple[Region, ...]
    band: tuple[float, float] | None
    rows: Rows | None  # None: no place restriction


# --------------------------------------------------------------------------------------------
# The finder


def height_to_y(cm: float) -> float:
    """Plate Y of a height above the floor in cm (the plate's anatomical frame)."""
    return _FRAME_Y + UNITS_PER_CM * (_FRAME_TOP_CM - cm)


class PainFinder:
    """Ranks trigger points and look-alikes for pain drawings on one plate of an atlas.

    ``view`` names the plate (default: the atlas's main, posterior plate); drawings are in
    that plate's units. Builds the zone masks once, for the first drawing it ranks (from the
    knowledge base's zones and their regions on that plate); look-alike areas are built on
    first use. Use :func:`finder_for` for a shared one."""

    def __init__(self, atlas: Atlas, view: str | None = None) -> None:
        self.atlas = atlas
        self.view = view or atlas.main_view
        plate = self.plate = atlas.plate_of(self.view)
        x0, y0, width, height = plate.view_box
        self._grid = _Grid(
            x0, y0, max(1, math.ceil(width / CELL)), max(1, math.ceil(height / CELL))
        )
        self._built: (
            tuple[dict[tuple[tuple[str, ...], tuple[str, ...]], _Pattern], list[_Candidate]] | None
        ) = None
        self._areas: dict[LookAlikeTrigger, _Area] = {}
        self._last_painted: tuple[tuple[Point, ...], tuple[Dab, ...], _Painted] | None = None
        #: False when the plate draws no referral zone (nothing can be ranked on it)
        self.has_zones = any(plate.has(zone.svg_id) for zone in atlas.kb.zones.values())

    @property
    def _patterns(self) -> dict[tuple[tuple[str, ...], tuple[str, ...]], _Pattern]:
        return self._masks()[0]

    @property
    def _candidates(self) -> list[_Candidate]:
        return self._masks()[1]

    def _masks(
        self,
    ) -> tuple[dict[tuple[tuple[str, ...], tuple[str, ...]], _Pattern], list[_Candidate]]:
        """The zone masks and candidates, built when first needed (the first drawing to rank:
        switching to a plate costs nothing until then)."""
        if self._built is None:
            self._built = self._build_masks()
        return self._built

    def _build_masks(
        self,
    ) -> tuple[dict[tuple[tuple[str, ...], tuple[str, ...]], _Pattern], list[_Candidate]]:
        plate = self.plate
        kb = self.atlas.kb
        zone_rows: dict[str, Rows] = {}
        edges: dict[str, _Edges] = {}
        for zone in kb.zones.values():
            if plate.has(zone.svg_id):
                region = plate.region(zone.svg_id)
                edges[zone.id] = _Edges(region)
                zone_rows[zone.id] = _region_rows(region, self._grid, edges[zone.id])
        patterns: dict[tuple[tuple[str, ...], tuple[str, ...]], _Pattern] = {}
        candidates: list[_Candidate] = []
        for tp in kb.trigger_points.values():
            zones = [kb.zones[z] for z in tp.zones if z in kb.zones and z in zone_rows]
            essential = tuple(z.id for z in zones if z.kind == "essential")
            spillover = tuple(z.id for z in zones if z.kind != "essential")
            key = (essential, spillover)
            if key not in patterns:
                e_rows = _union(zone_rows[z] for z in essential)
                patterns[key] = _Pattern(
                    essential=tuple(edges[z] for z in essential),
                    spillover=tuple(edges[z] for z in spillover),
                    essential_rows=e_rows,
                    spillover_rows=_minus(_union(zone_rows[z] for z in spillover), e_rows),
                )
            where = plate.region(tp.svg_id).centroid_hint if plate.has(tp.svg_id) else None
            muscle = kb.structures.get(tp.muscle)
            group = 0 if muscle is not None and muscle.kind == "hamstring" else 1
            candidates.append(_Candidate(tp.id, tp.muscle, essential, spillover, where, group))
        return patterns, candidates

    # ---- the drawing on the grid

    def _painted(self, drawing: PainDrawing) -> _Painted:
        """The drawing on the grid (the last one is kept: the finder's dock asks for the
        ranking, the look-alikes and the area of one drawing in turn)."""
        last = self._last_painted
        if last is not None and last[0] is drawing.marks and last[1] is drawing.dabs:
            return last[2]
        painted = self._paint_drawing(drawing)
        self._last_painted = (drawing.marks, drawing.dabs, painted)
        return painted

    def _paint_drawing(self, drawing: PainDrawing) -> _Painted:
        grid = self._grid
        rows = _paint(drawing.dabs, grid)
        cells = 0
        sum_x = 0.0
        sum_y = 0.0
        for row, bits in rows.items():
            n = bits.bit_count()
            cells += n
            sum_y += n * grid.cy(row)
            sum_x += n * (grid.x0 + 0.5 * CELL) + CELL * _runs_sum(bits)
        centres: list[Point] = []
        if drawing.marks:
            n_marks = len(drawing.marks)
            centres.append(
                (
                    sum(m[0] for m in drawing.marks) / n_marks,
                    sum(m[1] for m in drawing.marks) / n_marks,
                )
            )
        if cells:
            centres.append((sum_x / cells, sum_y / cells))
        centre = (
            (sum(c[0] for c in centres) / len(centres), sum(c[1] for c in centres) / len(centres))
            if centres
            else None
        )
        ys = [m[1] for m in drawing.marks]
        if rows:
            ys.append(grid.y0 + min(rows) * CELL)
            ys.append(grid.y0 + (max(rows) + 1) * CELL)
        return _Painted(
            marks=drawing.marks,
            rows=rows,
            cells=cells,
            centre=centre,
            top=min(ys) if ys else None,
            bottom=max(ys) if ys else None,
        )

    def area_cm2(self, drawing: PainDrawing) -> float:
        """The painted area (eraser applied) in cm² of the plate (rasterised, 0.0625 cm² cells)."""
        return self._painted(drawing).cells * CELL_AREA_CM2

    # ---- ranking

    def rank(self, drawing: PainDrawing) -> list[Match]:
        """Trigger points whose zones cover the drawing, best first (see the module doc)."""
        return self._rank(self._painted(drawing))

    def _rank(self, painted: _Painted) -> list[Match]:
        if painted.empty:
            return []
        per_pattern: dict[
            tuple[tuple[str, ...], tuple[str, ...]],
            tuple[tuple[int, ...], tuple[int, ...], float, float],
        ] = {}
        for key, pattern in self._patterns.items():
            in_essential: list[int] = []
            in_spillover: list[int] = []
            for i, (x, y) in enumerate(painted.marks):
                if any(r.contains(x, y) for r in pattern.essential):
                    in_essential.append(i)
                elif any(r.contains(x, y) for r in pattern.spillover):
                    in_spillover.append(i)
            e_share = s_share = 0.0
            if painted.cells:
                e_share = _overlap(painted.rows, pattern.essential_rows) / painted.cells
                s_share = _overlap(painted.rows, pattern.spillover_rows) / painted.cells
            per_pattern[key] = (tuple(in_essential), tuple(in_spillover), e_share, s_share)
        found: list[tuple[float, int, float, int, Match]] = []
        for order, tp in enumerate(self._candidates):
            e_marks, s_marks, e_frac, s_frac = per_pattern[(tp.essential, tp.spillover)]
            score = round(
                ESSENTIAL_WEIGHT * len(e_marks)
                + SPILLOVER_WEIGHT * len(s_marks)
                + AREA_WEIGHT * (ESSENTIAL_WEIGHT * e_frac + SPILLOVER_WEIGHT * s_frac),
                6,
            )
            if score <= 0:
                continue
            distance = (
                math.dist(tp.where, painted.centre)
                if tp.where is not None and painted.centre is not None
                else math.inf
            )
            match = Match(
                trigger_point=tp.id,
                muscle=tp.muscle,
                score=score,
                essential_marks=e_marks,
                spillover_marks=s_marks,
                essential_fraction=e_frac,
                spillover_fraction=s_frac,
                essential_zones=tp.essential,
                spillover_zones=tp.spillover,
                distance=distance,
            )
            found.append((-score, tp.group, distance, order, match))
        found.sort(key=lambda item: item[:4])
        return [item[4] for item in found]

    # ---- look-alikes

    def _area(self, trigger: LookAlikeTrigger) -> _Area:
        area = self._areas.get(trigger)
        if area is not None:
            return area
        plate = self.plate
        grid = self._grid
        regions = tuple(plate.region(r) for r in trigger.regions if plate.has(r))
        band = None
        if trigger.band_cm is not None:
            high, low = trigger.band_cm
            band = (height_to_y(high), height_to_y(low))
        rows: Rows | None = None
        if trigger.regions:
            rows = _union(_region_rows(r, grid) for r in regions)  # {} if none is on the plate
        if band is not None:
            band_rows = grid.rows_between(*band)
            if rows is None:
                rows = {row: grid.full for row in band_rows}
            else:
                rows = {row: bits for row, bits in rows.items() if row in band_rows}
        area = _Area(regions, band, rows)
        self._areas[trigger] = area
        return area

    def _touches(self, painted: _Painted, trigger: LookAlikeTrigger) -> bool:
        if painted.span_cm < trigger.min_span_cm:
            return False
        area = self._area(trigger)
        if area.rows is None:
            return True
        for x, y in painted.marks:
            in_band = area.band is None or area.band[0] <= y <= area.band[1]
            if in_band and (not trigger.regions or any(r.contains(x, y) for r in area.regions)):
                return True
        if painted.cells:
            needed = min(TOUCH_CELLS, painted.cells)
            return _overlap(painted.rows, area.rows) >= needed
        return False

    def lookalikes(self, drawing: PainDrawing, ticked: Iterable[str] = ()) -> list[LookAlike]:
        """What deserves a thought for this drawing, in the order it is shown: first the
        warning signs the user ticked (``ticked``: their ids; the most urgent first, then in
        file order), then the red-flag entries, then the look-alikes whose area the drawing
        touches, in file order. A blank drawing gives only the ticked warnings."""
        return self._lookalikes(self._painted(drawing), frozenset(ticked))

    def _lookalikes(
        self, painted: _Painted, ticked: frozenset[str] = frozenset()
    ) -> list[LookAlike]:
        warnings: list[LookAlike] = []
        flags: list[LookAlike] = []
        others: list[LookAlike] = []
        for cause in self.atlas.kb.lookalikes.values():
            if cause.kind == "warning":
                reasons: tuple[str, ...] = (cause.ask,) if cause.id in ticked else ()
                if not painted.empty:
                    reasons += tuple(t.reason for t in cause.when if self._touches(painted, t))
                if reasons:
                    warnings.append(LookAlike(cause, reasons))
                continue
            if painted.empty:
                continue
            if cause.kind == "red_flags":
                flags.append(LookAlike(cause, ()))
                continue
            reasons = tuple(t.reason for t in cause.when if self._touches(painted, t))
            if reasons:
                others.append(LookAlike(cause, reasons))
        warnings.sort(key=lambda item: URGENCY_ORDER.get(item.cause.urgency, len(URGENCY_ORDER)))
        return warnings + flags + others

    # ---- comparing

    def compare(self, before: PainDrawing, after: PainDrawing) -> Comparison:
        """How ``after`` differs from the earlier ``before``: rankings, area, look-alikes."""
        painted_before = self._painted(before)
        painted_after = self._painted(after)
        ranked_before = self._rank(painted_before)
        ranked_after = self._rank(painted_after)
        old = {m.trigger_point: (i + 1, m.score) for i, m in enumerate(ranked_before)}
        new = {m.trigger_point: (i + 1, m.score) for i, m in enumerate(ranked_after)}
        changes: list[Change] = []
        for tp_id in [*new, *(t for t in old if t not in new)]:
            rank_before, score_before = old.get(tp_id, (None, 0.0))
            rank_after, score_after = new.get(tp_id, (None, 0.0))
            changes.append(Change(tp_id, score_before, score_after, rank_before, rank_after))
        cells_before, cells_after = painted_before.cells, painted_after.cells
        shared = _overlap(painted_before.rows, painted_after.rows)
        looks_before = [la.id for la in self._lookalikes(painted_before)]
        looks_after = [la.id for la in self._lookalikes(painted_after)]
        return Comparison(
            before=before,
            after=after,
            days=_days_between(before.created, after.created),
            changes=tuple(changes),
            area_before_cm2=cells_before * CELL_AREA_CM2,
            area_after_cm2=cells_after * CELL_AREA_CM2,
            area_added_cm2=(cells_after - shared) * CELL_AREA_CM2,
            area_removed_cm2=(cells_before - shared) * CELL_AREA_CM2,
            lookalikes_added=tuple(i for i in looks_after if i not in looks_before),
            lookalikes_removed=tuple(i for i in looks_before if i not in looks_after),
        )


def _days_between(earlier: str, later: str) -> float | None:
    a = datetime.fromisoformat(earlier)
    b = datetime.fromisoformat(later)
    if (a.tzinfo is None) != (b.tzinfo is None):
        return None
    return (b - a).total_seconds() / 86400


# --------------------------------------------------------------------------------------------
# Module-level API

_finder: tuple[Atlas, dict[str, PainFinder]] | None = None


def finder_for(atlas: Atlas, view: str | None = None) -> PainFinder:
    """A :class:`PainFinder` for this atlas and view (default: the main plate), built on
    first use and kept for the last atlas."""
    global _finder
    if _finder is None or _finder[0] is not atlas:
        _finder = (atlas, {})
    key = view or atlas.main_view
    finder = _finder[1].get(key)
    if finder is None:
        finder = _finder[1][key] = PainFinder(atlas, key)
    return finder


def rank(atlas: Atlas, drawing: PainDrawing) -> list[Match]:
    """Trigger points whose referral zones cover the drawing, best first."""
    return finder_for(atlas).rank(drawing)


def lookalikes(atlas: Atlas, drawing: PainDrawing, ticked: Iterable[str] = ()) -> list[LookAlike]:
    """What deserves a thought for this drawing: ticked warning signs, red flags, look-alikes."""
    return finder_for(atlas).lookalikes(drawing, ticked)


def compare(atlas: Atlas, before: PainDrawing, after: PainDrawing) -> Comparison:
    """A drawing set against an earlier one: trigger points that rose or fell, area change."""
    return finder_for(atlas).compare(before, after)


__all__ = [
    "AREA_WEIGHT",
    "CELL",
    "ESSENTIAL_WEIGHT",
    "SPILLOVER_WEIGHT",
    "Change",
    "Comparison",
    "Dab",
    "LookAlike",
    "Match",
    "PainDrawing",
    "PainFinder",
    "compare",
    "finder_for",
    "height_to_y",
    "lookalikes",
    "rank",
]
