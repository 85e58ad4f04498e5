"""The plate's geometry: every region as a path in the plate's user units, and hit-testing.

Qt-free. The plate is read with ``svgelements`` (transforms applied). Regions are the closed
shapes with an id inside the plate's Inkscape layers; decoration (elements inside a group with
class ``decor``, or with an id starting with ``_``) is not a region. Hit-testing follows paint
order: the region painted last (on top) wins.

Cost (see ``benchmarks/bench_plate_load.py``): svgelements builds the element tree and the
transforms, but the path data of regions is read here (:func:`parse_path_data`) and that of
decoration not at all, and curves are flattened here (svgelements' ``point()`` tries
``import numpy`` on every call). Label anchors come from a scan-converted bit raster
(:func:`label_anchor`), not from point-in-polygon tests.
"""

from __future__ import annotations

import io
import math
import mmap
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import field
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from hamstring_viewer.fastrecord import fast_dataclass, record
from hamstring_viewer.problems import ContentError, Problem
from hamstring_viewer.safefile import digest, map_regular_file, read_regular_file

if TYPE_CHECKING:  # the XML modules are imported where a plate is parsed, not at start-up
    from xml.etree import ElementTree

Point = tuple[float, float]
Command = tuple[Any, ...]
"""A path command in absolute plate units: ("M", x, y), ("L", x, y),
("Q", x1, y1, x, y), ("C", x1, y1, x2, y2, x, y) or ("Z",)."""

INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: Inkscape layer label (case-insensitive) -> layer key, in the plate's paint order.
LAYER_LABELS: dict[str, str] = {
    "silhouette": "silhouette",
    "bones": "bones",
    "deep muscles": "deep",
    "vessels": "vessels",
    "nerves": "nerves",
    "superficial muscles": "superficial",
    "referral zones": "zones",
    "trigger points": "trigger_points",
}
#: Layers whose regions answer a click on the plate (zones are overlays, queried apart).
CLICK_LAYERS: frozenset[str] = frozenset(
    {"bones", "deep", "vessels", "nerves", "superficial", "trigger_points"}
)
#: Layers whose shapes are art only and need no record.
DECOR_LAYERS: frozenset[str] = frozenset({"silhouette"})

_CURVE_SAMPLES = 12
_GRID_CELL = 40.0
_MAX_SVG_BYTES = 20 * 1024 * 1024


T_co = TypeVar("T_co", covariant=True)
P = ParamSpec("P")


class _Lazy(Sequence[T_co]):
    """A tuple read from a compiled plate, made when first used: kept until then as a slice
    of the plate's flat numbers (a start reads a plate of some 10^5 numbers and uses the few
    regions under the pointer). Compares equal to the tuple it stands for."""

    __slots__ = ("_numbers", "_start", "_tuple")

    def __init__(self, numbers: Sequence[float], start: int) -> None:
        self._numbers: Sequence[float] | None = numbers
        self._start = start
        self._tuple: tuple[T_co, ...] | None = None

    def _make(self, numbers: Sequence[float]) -> tuple[T_co, ...]:
        raise NotImplementedError

    def _items(self) -> tuple[T_co, ...]:
        made = self._tuple
        if made is None:
            assert self._numbers is not None
            made = self._tuple = self._make(self._numbers)
            self._numbers = None
        return made

    def __getitem__(self, index: Any) -> Any:
        return self._items()[index]

    def __iter__(self) -> Iterator[T_co]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Lazy):
            other = other._items()
        return isinstance(other, tuple) and self._items() == other

    def __hash__(self) -> int:
        return hash(self._items())

    def __repr__(self) -> str:
        return repr(self._items())

    def __reduce__(self) -> tuple[type, tuple[tuple[T_co, ...]]]:
        # copied or pickled as the tuple it stands for (its numbers are a view of the file)
        return (tuple, (self._items(),))


def _values(numbers: Sequence[float], start: int, end: int) -> list[float]:
    chunk = numbers[start:end]
    return chunk.tolist() if hasattr(chunk, "tolist") else list(chunk)


class LazyPolygons(_Lazy[tuple[Point, ...]]):
    """A region's polygons as read from a compiled plate (point tuples when first used)."""

    __slots__ = ("_sizes",)

    def __init__(self, numbers: Sequence[float], start: int, sizes: Sequence[int]) -> None:
        super().__init__(numbers, start)
        self._sizes = tuple(sizes)

    def _make(self, numbers: Sequence[float]) -> tuple[tuple[Point, ...], ...]:
        out = []
        pos = self._start
        for n in self._sizes:
            values = _values(numbers, pos, pos + 2 * n)
            out.append(tuple(zip(values[::2], values[1::2], strict=True)))
            pos += 2 * n
        return tuple(out)

    def __len__(self) -> int:
        return len(self._sizes)


class LazyCommands(_Lazy["Command"]):
    """A region's path commands as read from a compiled plate: the command letters and their
    numbers, made into command tuples when first used (only the regions drawn as highlights
    or exported ever are)."""

    __slots__ = ("_ops",)

    def __init__(self, numbers: Sequence[float], start: int, ops: str) -> None:
        super().__init__(numbers, start)
        self._ops = ops

    def _make(self, numbers: Sequence[float]) -> tuple[Command, ...]:
        counts = [_ARGS[op] for op in self._ops]
        values = _values(numbers, self._start, self._start + sum(counts))
        out: list[Command] = []
        at = 0
        for op, count in zip(self._ops, counts, strict=True):
            out.append((op, *values[at : at + count]))
            at += count
        return tuple(out)

    def __len__(self) -> int:
        return len(self._ops)

    def flat(self) -> tuple[str, list[float]] | None:
        """The command letters and all their numbers in one list, if the commands were not
        made yet (a path is built from them without making a tuple per command)."""
        numbers = self._numbers
        if numbers is None:
            return None
        return self._ops, _values(numbers, self._start, self._start + _numbers_of(self._ops))


def _numbers_of(ops: str) -> int:
    """How many numbers the commands ``ops`` take (counted letter by letter in C)."""
    return sum(count * ops.count(op) for op, count in _ARGS.items())


def flat_commands(commands: Sequence[Command]) -> tuple[str, list[float]]:
    """A region's commands as their letters and all their numbers in one list (``"MCZ"``,
    ``[x, y, x1, y1, x2, y2, x, y]``)."""
    if isinstance(commands, LazyCommands):
        flat = commands.flat()
        if flat is not None:
            return flat
    ops: list[str] = []
    values: list[float] = []
    for command in commands:
        ops.append(command[0])
        values.extend(command[1:])
    return "".join(ops), values


@record
class Region:
    """One clickable shape of the plate, bound to a record by its ``id``."""

    id: str
    layer: str
    order: int
    title: str
    #: a tuple of commands (or, read from a compiled plate, a :class:`LazyCommands`)
    commands: Sequence[Command]
    #: a tuple of point tuples (or, read from a compiled plate, a :class:`LazyPolygons`)
    polygons: Sequence[tuple[Point, ...]]
    bbox: tuple[float, float, float, float]
    evenodd: bool = False

    def contains(self, x: float, y: float) -> bool:
        """True if (x, y) is inside the filled shape (its fill rule applied)."""
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        xs, before = _row_crossings(self, y)
        # the crossings right of x: those after the last one at or left of it
        right = bisect_right(xs, x)
        if self.evenodd:
            return (len(xs) - right) % 2 == 1
        return before[-1] - before[right] != 0

    def row_crossings(self, y: float) -> list[tuple[float, int]]:
        """Where the line at height ``y`` crosses the shape's edges, left to right: (x, +1 for
        an edge going down the plate, -1 for one going up)."""
        out: list[tuple[float, int]] = []
        edges = _edges_near(self, y)
        if edges is not None:  # a detailed shape: only the edges of the band of rows at y
            for ax, ay, bx, by in edges:
                if (ay <= y) is not (by <= y):
                    out.append((ax + (y - ay) / (by - ay) * (bx - ax), 1 if by > ay else -1))
            out.sort()
            return out
        for poly in self.polygons:
            ax, ay = poly[-1]
            for bx, by in poly:  # the edge from a to b crosses the line at y (ay <= y < by,
                if (ay <= y) is not (by <= y):  # or by <= y < ay): exactly one end is above
                    out.append((ax + (y - ay) / (by - ay) * (bx - ax), 1 if by > ay else -1))
                ax, ay = bx, by
        out.sort()
        return out

    @property
    def centroid_hint(self) -> Point:
        """Centre of the bounding box (not necessarily inside the shape)."""
        x0, y0, x1, y1 = self.bbox
        return ((x0 + x1) / 2, (y0 + y1) / 2)


#: the crossings of the last rows asked of each region (points are mostly asked row by row:
#: a grid, a scan): region identity -> (region, y, crossing xs, running winding sums)
_ROWS: dict[int, tuple[Region, float, list[float], list[int]]] = {}
_ROWS_KEPT = 4096


#: a shape with more edges than this, asked for more rows than ``_SCANS_BEFORE_BANDS``, has
#: its edges sorted into bands of rows (in one pass, costing some three scans of its edges):
#: a row then looks at the edges near its band, not at all of them, so hovering over a shape
#: with ten times the nodes stays as quick. (A shape asked for a few rows, as a plate's
#: check and a click's hit test ask, is not worth sorting.)
_BAND_MIN_EDGES = 96
_SCANS_BEFORE_BANDS = 6
#: edges per band, roughly, and the most bands a shape is cut into
_EDGES_PER_BAND = 24
_MAX_BANDS = 256
_BANDS_KEPT = 4096
Edge = tuple[float, float, float, float]


class _Banding:
    """A region's edges by band of rows: ``starting[b]`` holds the edges whose upper end is
    in band b and whose lower end is in band b or b + 1; ``long`` the edges spanning more.
    The band of a height is found by one arithmetic for edges and rows alike (monotonic, so
    a row between an edge's ends is in a band from that of one end to that of the other)."""

    __slots__ = ("inverse", "long", "near", "region", "scans", "starting", "top")

    def __init__(self, region: Region) -> None:
        self.region = region
        self.scans = 0
        self.top = 0.0
        self.inverse = 0.0
        self.starting: list[list[Edge]] = []
        self.long: list[Edge] = []
        self.near: dict[int, list[Edge]] = {}

    def index(self, y: float) -> int:
        i = int((y - self.top) * self.inverse)
        last = len(self.starting) - 1
        return 0 if i < 0 else last if i > last else i

    def sort(self) -> bool:
        """Sort the edges into bands; False if the shape has too few edges to be worth it."""
        polygons = self.region.polygons
        edges = sum(len(poly) for poly in polygons)
        if edges <= _BAND_MIN_EDGES:
            return False
        count = min(_MAX_BANDS, edges // _EDGES_PER_BAND)
        _x0, top, _x1, bottom = self.region.bbox
        inverse = count / (bottom - top) if bottom > top else 0.0
        last = count - 1
        starting: list[list[Edge]] = [[] for _ in range(count)]
        long: list[Edge] = []
        for poly in polygons:
            ax, ay = poly[-1]
            for bx, by in poly:
                if ay <= by:
                    first, end = int((ay - top) * inverse), int((by - top) * inverse)
                else:
                    first, end = int((by - top) * inverse), int((ay - top) * inverse)
                first = 0 if first < 0 else last if first > last else first
                end = 0 if end < 0 else last if end > last else end
                if end - first <= 1:
                    starting[first].append((ax, ay, bx, by))
                else:
                    long.append((ax, ay, bx, by))
                ax, ay = bx, by
        self.top, self.inverse, self.starting, self.long = top, inverse, starting, long
        return True

    def edges_near(self, index: int) -> list[Edge]:
        """Every edge that may cross a row in band ``index``."""
        edges = self.near.get(index)
        if edges is None:
            edges = self.starting[index] + self.long
            if index > 0:
                edges += self.starting[index - 1]
            self.near[index] = edges
        return edges


#: region identity -> its bands
_BANDS: dict[int, _Banding] = {}


def _edges_near(region: Region, y: float) -> list[Edge] | None:
    """The edges of ``region`` that may cross the row at ``y`` (a superset: each is tested
    as every edge would be), or None when every edge is to be tested."""
    known = _BANDS.get(id(region))
    if known is None or known.region is not region:
        if len(_BANDS) >= _BANDS_KEPT:
            _BANDS.clear()
        known = _BANDS[id(region)] = _Banding(region)
    if not known.starting:
        known.scans += 1
        if known.scans != _SCANS_BEFORE_BANDS + 1 or not known.sort():
            return None
    return known.edges_near(known.index(y))


def _row_crossings(region: Region, y: float) -> tuple[list[float], list[int]]:
    """The crossing xs of a row, sorted, and the winding sums before each of them (one more
    item than xs: the last is the total)."""
    known = _ROWS.get(id(region))
    if known is not None and known[0] is region and known[1] == y:
        return known[2], known[3]
    crossings = region.row_crossings(y)
    xs = [c[0] for c in crossings]
    before = [0]
    for _x, direction in crossings:
        before.append(before[-1] + direction)
    if len(_ROWS) >= _ROWS_KEPT:
        _ROWS.clear()
    _ROWS[id(region)] = (region, y, xs, before)
    return xs, before


@fast_dataclass(slots=True)
class Plate:
    """The plate: its view box and its regions in paint order."""

    source: str
    view_box: tuple[float, float, float, float]
    regions: tuple[Region, ...]
    layer_ids: dict[str, str] = field(default_factory=dict)
    _by_id: dict[str, Region] = field(default_factory=dict, repr=False)
    # built on first use: the hit-test grid and the label rasters (per step)
    _cells: _Grid | None = field(default=None, repr=False, compare=False)
    _rasters: dict[float, _Raster] = field(default_factory=dict, repr=False, compare=False)
    # label anchors computed when the plate was compiled: (region ids, step) -> anchor
    _anchor_hints: dict[tuple[tuple[str, ...], float], Point | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: the SVG text the plate was read from, when its reader kept it (the plate view draws
    #: from it: read once, not again)
    svg_data: bytes | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id = {r.id: r for r in self.regions}

    def _in_cell(self, x: float, y: float) -> list[Region]:
        """The regions whose bounding box meets the grid cell of (x, y), topmost first. Each
        cell is gathered when first asked for (a plate of thousands of regions answers its
        first click at once, not after a grid of every cell is built)."""
        grid = self._cells
        if grid is None:
            grid = self._cells = _Grid(self.regions)
        return grid.cell(_cell(x), _cell(y))

    def _raster(self, step: float) -> _Raster:
        """The label raster of this plate for grid spacing ``step`` (see :func:`label_anchor`)."""
        raster = self._rasters.get(step)
        if raster is None:
            raster = self._rasters[step] = _Raster(self.regions, step)
        return raster

    def region(self, region_id: str) -> Region:
        """The region with this id; raises KeyError naming the known ids."""
        try:
            return self._by_id[region_id]
        except KeyError:
            known = ", ".join(sorted(self._by_id))
            raise KeyError(f"no region '{region_id}' on the plate; known: {known}") from None

    def has(self, region_id: str) -> bool:
        return region_id in self._by_id

    def regions_at(self, x: float, y: float, layers: Iterable[str] | None = None) -> list[Region]:
        """Every region containing (x, y), topmost first."""
        wanted = None if layers is None else frozenset(layers)
        return [
            r
            for r in self._in_cell(x, y)
            if (wanted is None or r.layer in wanted) and r.contains(x, y)
        ]

    def hit_test(
        self,
        x: float,
        y: float,
        layers: Iterable[str] = CLICK_LAYERS,
        accept: Callable[[Region], bool] | None = None,
    ) -> Region | None:
        """The topmost region at (x, y) among ``layers`` (and, if given, those ``accept``
        takes: the regions shown), or None. Only the regions above it are tested."""
        wanted = frozenset(layers)
        for r in self._in_cell(x, y):
            if r.layer in wanted and (accept is None or accept(r)) and r.contains(x, y):
                return r
        return None

    def in_layer(self, layer: str) -> list[Region]:
        return [r for r in self.regions if r.layer == layer]


def _cell(v: float) -> int:
    return math.floor(v / _GRID_CELL)


class _Grid:
    """A plate's hit-test grid: cell -> the regions whose bounding box meets it, topmost
    first, each cell gathered when first asked for."""

    __slots__ = ("_cells", "_spans")

    def __init__(self, regions: Sequence[Region]) -> None:
        # each region's cells: columns and rows from its bounding box's corners
        self._spans = [
            (region, _cell(x0), _cell(x1), _cell(y0), _cell(y1))
            for region in regions
            for x0, y0, x1, y1 in (region.bbox,)
        ]
        self._cells: dict[tuple[int, int], list[Region]] = {}

    def cell(self, gx: int, gy: int) -> list[Region]:
        found = self._cells.get((gx, gy))
        if found is None:
            found = [r for r, a, b, c, d in self._spans if a <= gx <= b and c <= gy <= d]
            found.sort(key=lambda r: r.order, reverse=True)
            self._cells[(gx, gy)] = found
        return found


def check_xml(data: bytes, file: str) -> list[Problem]:
    """Reject what is not well-formed XML, and any entity declaration (expansion bombs)."""

    class _Refused(Exception):
        pass

    def refuse_entity(name: str, *_args: object) -> None:
        raise _Refused(name)

    import xml.parsers.expat

    parser = xml.parsers.expat.ParserCreate()
    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_entity  # type: ignore[assignment]
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        return [
            Problem(
                file,
                f"declares the XML entity '{exc}'; entity declarations are not allowed "
                "in the plate (they can expand without bound)",
                line=parser.CurrentLineNumber,
            )
        ]
    except xml.parsers.expat.ExpatError as exc:
        reason = xml.parsers.expat.ErrorString(exc.code)
        return [Problem(file, f"is not well-formed XML: {reason}", line=exc.lineno)]
    return []


def load_plate(path: str | FilePath) -> tuple[Plate | None, list[Problem]]:
    """Parse the plate. Returns the plate (None if unusable) and every problem found.

    A compiled plate beside the SVG (see :func:`compile_plate`) is used instead of parsing when
    it was compiled from these very bytes (its digest of the SVG equals the file's); a missing,
    stale or damaged compiled plate is ignored and the SVG is parsed.
    """
    file = str(path)
    try:
        data = read_regular_file(FilePath(path))
    except FileNotFoundError:
        return None, [Problem(file, "plate file not found")]
    except OSError as exc:
        return None, [Problem(file, f"cannot read the plate: {exc.strerror or exc}")]
    compiled = read_compiled_plate(FilePath(path), data)
    if compiled is not None:
        return compiled, []
    return parse_plate(data, file)


def cached_plate_path(
    cache_dir: str | FilePath,
    svg_path: str | FilePath,
    svg_data: bytes,
    svg_digest: bytes | None = None,
) -> FilePath:
    """Where the app keeps the compiled form of an SVG it had to parse (an edited plate):
    in the cache folder, named by the SVG's name and digest (``svg_digest``, where the caller
    knows it: a plate of some megabytes takes milliseconds to hash)."""
    name = (svg_digest or digest(svg_data)).hex()[:32]
    return FilePath(cache_dir) / f"plate-{FilePath(svg_path).stem}-{name}{COMPILED_SUFFIX}"


#: A compiled plate sits beside its SVG with this suffix (``posterior_thigh.plate``).
COMPILED_SUFFIX = ".plate"
#: then the SVG's BLAKE2b-256 digest (32 bytes), a CRC-32 of the rest, the length of the anchors
#: table (4 bytes each, little-endian), the anchors table (JSON) and the plate (plate_to_bytes)
_COMPILED_MAGIC = b"HVCPLATE4\n"
#: a compiled plate larger than this is not read (the shipped ones are 0.2-1.5 MB)
_MAX_COMPILED_BYTES = 256 * 1024 * 1024


def compiled_plate_path(svg_path: str | FilePath) -> FilePath:
    """Where the compiled form of this SVG plate lives (beside it)."""
    return FilePath(svg_path).with_suffix(COMPILED_SUFFIX)


def compile_plate(
    svg_data: bytes, file: str = "<plate>", groups: Iterable[Sequence[str]] = ()
) -> bytes:
    """The compiled form of a plate: the SVG's BLAKE2b digest, the label anchors of ``groups`` (each
    a list of region ids, e.g. a structure's ``svg_ids``; ids not on this plate are left out,
    as the atlas does) and the parsed plate (:func:`plate_to_bytes`). Deterministic: the same
    SVG bytes and groups give the same output. Raises :class:`ContentError` if the plate has
    any problem (only a clean plate is compiled)."""

    plate, problems = parse_plate(svg_data, file)
    if plate is None or problems:
        raise ContentError(problems or [Problem(file, "the plate is not usable")])
    return compile_parsed_plate(plate, svg_data, groups)


def compile_parsed_plate(
    plate: Plate, svg_data: bytes, groups: Iterable[Sequence[str]] = ()
) -> bytes:
    """:func:`compile_plate` of a plate already parsed from ``svg_data``."""
    import json
    import zlib

    source = plate.source
    plate.source = FilePath(source).name  # not the builder's absolute path
    step = 6.0  # label_anchor's default
    anchors: list[list[object]] = []
    seen: set[tuple[str, ...]] = set()
    for group in groups:
        ids = tuple(i for i in group if plate.has(i))
        if ids and ids not in seen:
            seen.add(ids)
            point = label_anchor(plate, [plate.region(i) for i in ids], step)
            anchors.append([list(ids), step, *(point if point is not None else (None, None))])
    table = json.dumps(anchors, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    try:
        rest = len(table).to_bytes(4, "little") + table + plate_to_bytes(plate)
    finally:
        plate.source = source
    return _COMPILED_MAGIC + digest(svg_data) + zlib.crc32(rest).to_bytes(4, "little") + rest


def _anchor_table(table: object, plate: Plate) -> dict[tuple[tuple[str, ...], float], Point | None]:
    """The compiled label anchors, checked through (ValueError if anything is off)."""
    out: dict[tuple[tuple[str, ...], float], Point | None] = {}
    if type(table) is not list:
        raise ValueError("the anchors are not a list")
    for entry in table:
        if type(entry) is not list or len(entry) != 4:
            raise ValueError("an anchor entry is not [ids, step, x, y]")
        ids, step, x, y = entry
        if type(ids) is not list or not ids or not all(type(i) is str for i in ids):
            raise ValueError("an anchor's ids are not a list of strings")
        if not all(plate.has(i) for i in ids):
            raise ValueError("an anchor names a region not on the plate")
        if type(step) is not float or not math.isfinite(step) or step <= 0:
            raise ValueError("an anchor's step is not a positive number")
        if x is None and y is None:
            point: Point | None = None
        elif type(x) is float and type(y) is float and math.isfinite(x) and math.isfinite(y):
            point = (x, y)
        else:
            raise ValueError("an anchor is not two finite numbers")
        out[(tuple(ids), step)] = point
    return out


def read_compiled_plate(
    svg_path: str | FilePath,
    svg_data: bytes,
    compiled: str | FilePath | None = None,
    *,
    svg_digest: bytes | None = None,
) -> Plate | None:
    """The plate compiled from ``svg_data`` found beside ``svg_path`` (or at ``compiled``), or
    None if there is none, it was compiled from other bytes (an edited SVG wins) or it is
    damaged in any way (it is checked through, never trusted). ``svg_digest``: the digest of
    ``svg_data`` where the caller knows it (see :func:`hamstring_viewer.atlas.cached_content`)."""
    where = FilePath(compiled) if compiled is not None else compiled_plate_path(svg_path)
    try:
        blob = map_regular_file(where, _MAX_COMPILED_BYTES)
    except OSError:
        return None
    import json

    head = len(_COMPILED_MAGIC)
    if blob[:head] != _COMPILED_MAGIC:
        return None
    if blob[head : head + 32] != (svg_digest or digest(svg_data)):
        return None  # stale: the SVG was edited since
    view = memoryview(blob)[head + 32 :]
    if len(view) < 8:
        return None
    checksum = _crc32_meanwhile(view[4:])  # (the plate is read while it is summed)
    size = int.from_bytes(view[4:8], "little")
    try:
        plate = plate_from_bytes(blob, str(where), summed=True, offset=head + 32 + 8 + size)
        table = json.loads(bytes(view[8 : 8 + size]).decode("ascii"))
        plate._anchor_hints = _anchor_table(table, plate)
    except (ContentError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    if int.from_bytes(view[:4], "little") != checksum():
        return None  # damaged: what was read of it is dropped
    plate.source = str(svg_path)
    return plate


def _crc32_meanwhile(data: memoryview) -> Callable[[], int]:
    """The CRC-32 of ``data``, as a call that waits for it: a large one is summed on a thread
    of its own (zlib lets go of the interpreter while it sums, so the caller reads the plate
    on the other core meanwhile: ~4-9 ms of a start with a ten-times-detailed plate)."""
    import zlib

    if len(data) < _CRC_THREAD_BYTES:
        value = zlib.crc32(data)
        return lambda: value
    import threading

    found: list[int] = []
    thread = threading.Thread(target=lambda: found.append(zlib.crc32(data)), daemon=True)
    thread.start()

    def result() -> int:
        thread.join()
        return found[0] if found else -1  # (-1: never a CRC-32)

    return result


#: a compiled plate larger than this is summed on a thread of its own while it is read
_CRC_THREAD_BYTES = 4 * 1024 * 1024


def _without_gc(read: Callable[P, Plate]) -> Callable[P, Plate]:
    """``read`` with the cyclic garbage collector paused: a plate is some 10^5 new tuples of
    floats (no cycles), and the collections they trigger cost a third of the reading time."""
    import functools
    import gc

    @functools.wraps(read)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Plate:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return read(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return wrapper


_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^)'\"]*)", re.IGNORECASE)


#: the elements a plate may draw once every ``<use>`` is expanded (a plate has a few thousand;
#: ``<use>`` of ``<use>`` multiplies, and would keep a check busy for hours)
MAX_EXPANDED_ELEMENTS = 200_000


def _use_expansion(root: ElementTree.Element, file: str) -> list[Problem]:
    """A problem if the plate's ``<use>`` elements expand past
    :data:`MAX_EXPANDED_ELEMENTS` elements, or refer to an element that holds them (a loop)."""
    elements = list(root.iter())
    if not any(_local(el.tag) == "use" for el in elements):
        if len(elements) > MAX_EXPANDED_ELEMENTS:
            count = len(elements)
            return [
                Problem(file, f"it has {count:,} elements, more than {MAX_EXPANDED_ELEMENTS:,}")
            ]
        return []
    by_id = {el.get("id"): el for el in elements if el.get("id")}
    sizes: dict[int, int] = {}
    open_now: set[int] = set()
    cap = MAX_EXPANDED_ELEMENTS + 1

    def size(element: ElementTree.Element) -> int:
        key = id(element)
        known = sizes.get(key)
        if known is not None:
            return known
        if key in open_now:
            raise _UseLoop(element.get("id") or "")
        open_now.add(key)
        total = 1
        for child in element:
            total = min(cap, total + size(child))
        if _local(element.tag) == "use":
            ref = element.get("href") or element.get(f"{{{XLINK_NS}}}href") or ""
            target = by_id.get(ref[1:]) if ref.startswith("#") else None
            if target is not None:
                total = min(cap, total + size(target))
        open_now.discard(key)
        sizes[key] = total
        return total

    try:
        expanded = size(root)
    except _UseLoop as loop:
        return [Problem(file, f"a <use> refers to an element that holds it ('{loop}'): a loop")]
    except RecursionError:
        return [Problem(file, "the plate's elements are nested too deep to be drawn")]
    if expanded > MAX_EXPANDED_ELEMENTS:
        return [
            Problem(
                file,
                f"its <use> elements expand to more than {MAX_EXPANDED_ELEMENTS:,} elements "
                "(copies of copies): the plate is refused",
            )
        ]
    return []


class _UseLoop(Exception):
    pass


_TRANSFORM_WORDS = frozenset({"matrix", "translate", "scale", "rotate", "skewx", "skewy"})
_TRANSFORM_TOKEN = re.compile(r"[A-Za-z]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _bad_transforms(root: ElementTree.Element, data: bytes, file: str) -> list[Problem]:
    """A problem for each ``transform`` with a number that is not finite (``nan``, ``inf``,
    ``1e999``): Qt and the geometry would disagree on where the shape is drawn."""
    problems: list[Problem] = []
    for element in root.iter():
        text = element.get("transform")
        if not text:
            continue
        bad = [
            token
            for token in _TRANSFORM_TOKEN.findall(text)
            if (token.isalpha() and token.lower() not in _TRANSFORM_WORDS)
            or (not token.isalpha() and not math.isfinite(float(token)))
        ]
        if bad:
            at = data.find(text.encode("utf-8", "replace"))
            problems.append(
                Problem(
                    file,
                    f"a transform has a number that is not finite ({bad[0]}): '{text}'",
                    record=element.get("id") or "",
                    line=data.count(b"\n", 0, at) + 1 if at >= 0 else None,
                )
            )
    return problems


def _outside_references(root: ElementTree.Element, data: bytes, file: str) -> list[Problem]:
    """Every reference of the plate to anything outside itself: a link (``href``) that is not
    ``#id`` (an ``<image>`` may hold its picture as a ``data:`` address), a style ``url(…)``
    that is not ``#id``, a style ``@import``. The app never opens such files, and so a plate
    that has one is refused."""
    problems: list[Problem] = []

    def report(tag: str, element_id: str, ref: str) -> None:
        at = data.find(ref.encode("utf-8", "replace"))
        line = data.count(b"\n", 0, at) + 1 if at >= 0 else None
        named = f"<{tag}> '{element_id}'" if element_id else f"a <{tag}>"
        problems.append(
            Problem(
                file,
                f"{named} refers to '{ref[:80]}' outside the plate; a plate may refer only to "
                'its own elements ("#id")',
                line=line,
            )
        )

    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1]
        element_id = element.get("id", "")
        for name in _HREFS:
            ref = (element.get(name) or "").strip()
            if not ref or ref.startswith("#"):
                continue
            if tag == "image" and ref.lower().startswith("data:image/"):
                continue
            report(tag, element_id, ref)
        styles = [element.get("style") or ""]
        if tag == "style":
            styles.append(element.text or "")
        for attribute in ("fill", "stroke", "filter", "mask", "clip-path", "marker-start",
                          "marker-mid", "marker-end"):  # fmt: skip
            styles.append(element.get(attribute) or "")
        for style in styles:
            if "@import" in style.lower():
                report(tag, element_id, "@import")
            for ref in _CSS_URL.findall(style):
                if ref.strip() and not ref.strip().startswith("#"):
                    report(tag, element_id, ref.strip())
    return problems


def parse_plate(data: bytes, file: str = "<plate>") -> tuple[Plate | None, list[Problem]]:
    """Parse plate bytes (see :func:`load_plate`)."""
    if not data.strip():
        return None, [Problem(file, "the plate file is empty")]
    if len(data) > _MAX_SVG_BYTES:
        return None, [Problem(file, f"the plate is larger than {_MAX_SVG_BYTES} bytes")]
    problems = check_xml(data, file)
    if problems:
        return None, problems
    from xml.etree import ElementTree

    import svgelements  # here, not at the top: a warm start reads the cached geometry

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:  # e.g. a prefix no namespace is declared for
        line = exc.position[0] if exc.position else None
        return None, [Problem(file, f"is not well-formed XML: {exc.msg}", line=line)]
    problems = _outside_references(root, data, file)
    if problems:
        return None, problems
    problems = _use_expansion(root, file) + _bad_transforms(root, data, file)
    if problems:
        return None, problems
    titles = _titles_and_show_layers(root)
    taken = _take_path_data(root)
    try:
        svg = svgelements.SVG.parse(io.BytesIO(ElementTree.tostring(root)), reify=True)
    except Exception as exc:  # svgelements raises assorted errors on odd input
        return None, [Problem(file, f"cannot be read as SVG: {exc}")]
    if not isinstance(svg, svgelements.SVG):
        return None, [Problem(file, "the root element is not <svg>")]

    view_box = _view_box(svg, file, problems)
    regions: list[Region] = []
    layer_ids: dict[str, str] = {}
    seen: dict[str, int] = {}
    line_of = _id_lines(data)

    def walk(group: Any, layer: str | None, decor: bool) -> None:
        for child in group:
            cid = getattr(child, "id", None)
            if cid:
                seen[cid] = seen.get(cid, 0) + 1
                if seen[cid] == 2:
                    problems.append(
                        Problem(file, f"the id '{cid}' is used more than once", line=line_of(cid))
                    )
            if isinstance(child, svgelements.Group):
                values = child.values.get("attributes", {})
                child_layer = layer
                if values.get(f"{{{INKSCAPE_NS}}}groupmode") == "layer":
                    label = str(values.get(f"{{{INKSCAPE_NS}}}label", "")).strip()
                    key = LAYER_LABELS.get(label.lower())
                    if key is None:
                        known = ", ".join(repr(k.title()) for k in LAYER_LABELS)
                        problems.append(
                            Problem(
                                file,
                                f"layer '{label}' is not one of the plate's layers ({known})",
                                record=cid or "",
                                line=line_of(cid) if cid else None,
                            )
                        )
                    else:
                        child_layer = key
                        if cid:
                            layer_ids[key] = cid
                classes = str(values.get("class", "")).split()
                walk(child, child_layer, decor or "decor" in classes)
            elif isinstance(child, svgelements.Shape):
                if not cid or cid.startswith("_") or decor:
                    continue
                if layer is None:
                    problems.append(
                        Problem(file, "shape is outside every layer", record=cid, line=line_of(cid))
                    )
                    continue
                if layer in DECOR_LAYERS:
                    continue
                region = _region(
                    child,
                    cid,
                    layer,
                    len(regions),
                    titles.get(cid, ""),
                    file,
                    problems,
                    line_of,
                    taken,
                    view_box,
                )
                if region is not None:
                    regions.append(region)

    walk(svg, None, False)
    return Plate(file, view_box, tuple(regions), layer_ids), problems


def _titles_and_show_layers(root: ElementTree.Element) -> dict[str, str]:
    """Collect each element's <title>, and unhide hidden layers (svgelements skips
    ``display:none``, but a layer an illustrator hid in Inkscape is still part of the plate)."""
    svg_ns = "{http://www.w3.org/2000/svg}"
    titles: dict[str, str] = {}
    for element in root.iter():
        element_id = element.get("id")
        if element_id:
            title = element.find(f"{svg_ns}title")
            if title is not None and title.text:
                titles[element_id] = title.text.strip()
        if element.get(f"{{{INKSCAPE_NS}}}groupmode") == "layer":
            if element.get("display") == "none":
                del element.attrib["display"]
            style = element.get("style")
            if style:
                kept = [
                    part for part in style.split(";") if part.split(":")[0].strip() != "display"
                ]
                element.set("style", ";".join(kept))
    return titles


_PATH_MARK = "data-hamstring-path"  # on a <path> whose data parse_plate read itself: its index
_PROBE = "M 0 0 L 1 0 L 0 1"  # what svgelements reads instead: its transformed points give the
# element's whole transform (viewport, ancestors', its own) as svgelements composes it


def _take_path_data(root: ElementTree.Element) -> list[list[Command]]:
    """Keep svgelements from parsing path data it need not parse.

    svgelements still builds the tree (groups, layers, styles, transforms, ids), but:

    - a ``<path>`` that can never be a region (no id, an id starting with ``_``, inside a
      ``decor`` group or in a decoration layer) gets empty path data: nobody reads its curves
      (about two thirds of the shipped plate's); its id still counts for the duplicate check;
    - a ``<path>`` that can be a region and whose data :func:`parse_path_data` reads (no arcs,
      nothing malformed) gets the probe ``_PROBE`` instead and a mark with the index of its
      commands in the returned list; :func:`_region` maps them through the probe's transform.

    Conservative: only paths reached through ``<g>`` elements from the root are touched, with the
    same layer and decor rules as the walk in :func:`parse_plate`. A plate with ``<use>`` is left
    whole (a copy may need the original's path).
    """
    taken: list[list[Command]] = []
    if any(_local(element.tag) == "use" for element in root.iter()):
        return taken
    groupmode = f"{{{INKSCAPE_NS}}}groupmode"
    label = f"{{{INKSCAPE_NS}}}label"

    def visit(group: ElementTree.Element, layer: str | None, decor: bool) -> None:
        for child in group:
            tag = _local(child.tag)
            if tag == "g":
                child_layer = layer
                if child.get(groupmode) == "layer":
                    child_layer = LAYER_LABELS.get(str(child.get(label, "")).strip().lower(), layer)
                classes = str(child.get("class", "")).split()
                visit(child, child_layer, decor or "decor" in classes)
            elif tag == "path" and child.get("d"):
                cid = child.get("id")
                if not cid or cid.startswith("_") or decor or layer in DECOR_LAYERS:
                    child.set("d", "")
                    continue
                commands = parse_path_data(str(child.get("d")))
                if commands is not None:
                    child.set(_PATH_MARK, str(len(taken)))
                    child.set("d", _PROBE)
                    taken.append(commands)

    for element in root.iter():  # a mark in the source is not ours
        element.attrib.pop(_PATH_MARK, None)
    visit(root, None, False)
    return taken


_PATH_TOKEN = re.compile(
    r"([MmZzLlHhVvCcSsQqTt])|([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)|[ ,\t\n\x0c\r]+|(.)",
    re.DOTALL,
)
_PATH_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2}


def parse_path_data(d: str) -> list[Command] | None:
    """SVG path data as absolute commands (see ``Command``; H and V become L, S and T become C
    and Q), or None if it is outside the subset read here: arcs, a close in place of numbers, a
    wrong count of numbers, anything malformed. svgelements reads those.

    Within the subset the commands are the floats svgelements makes (numbers by the same
    pattern, relative coordinates added to the current point, a smooth curve's first control
    point reflected as ``p + (p - c)`` from the last segment if it is a curve of either kind).
    """
    tokens: list[str | float] = []
    for command, number, other in _PATH_TOKEN.findall(d):
        if other:
            return None
        if command:
            tokens.append(command)
        elif number:
            tokens.append(float(number))
    if not tokens or tokens[0] not in ("M", "m"):
        return None
    out: list[Command] = []
    x = y = 0.0  # the current point
    start_x = start_y = 0.0  # the current subpath's start
    control: tuple[float, float] | None = None  # the last curve's (second) control point
    i = 0
    count = len(tokens)
    while i < count:
        letter = tokens[i]
        i += 1
        if not isinstance(letter, str):
            return None
        if letter in ("Z", "z"):
            if i < count and not isinstance(tokens[i], str):
                return None
            out.append(("Z",))
            x, y = start_x, start_y
            control = None
            continue
        upper = letter.upper()
        relative = letter != upper
        arity = _PATH_ARITY[upper]
        j = i
        while j < count and not isinstance(tokens[j], str):
            j += 1
        numbers = tokens[i:j]
        i = j
        if not numbers or len(numbers) % arity:
            return None
        for k in range(0, len(numbers), arity):
            pts = [float(v) for v in numbers[k : k + arity]]
            if relative and out:  # from the current point (a first 'm' is absolute)
                if upper == "H":
                    pts = [pts[0] + x]
                elif upper == "V":
                    pts = [pts[0] + y]
                else:
                    pts = [v + (y if m % 2 else x) for m, v in enumerate(pts)]
            if upper == "M":
                if k == 0:
                    out.append(("M", pts[0], pts[1]))
                    start_x, start_y = pts[0], pts[1]
                else:  # further pairs after a move are lines
                    out.append(("L", pts[0], pts[1]))
                x, y = pts[0], pts[1]
                control = None
            elif upper in ("L", "H", "V"):
                if upper == "H":
                    x = pts[0]
                elif upper == "V":
                    y = pts[0]
                else:
                    x, y = pts[0], pts[1]
                out.append(("L", x, y))
                control = None
            elif upper in ("C", "S"):
                if upper == "C":
                    c1 = (pts[0], pts[1])
                    rest = pts[2:]
                else:
                    c1 = (x, y) if control is None else (x + (x - control[0]), y + (y - control[1]))
                    rest = pts
                out.append(("C", c1[0], c1[1], rest[0], rest[1], rest[2], rest[3]))
                control = (rest[0], rest[1])
                x, y = rest[2], rest[3]
            else:  # Q, T
                if upper == "Q":
                    c = (pts[0], pts[1])
                    end = (pts[2], pts[3])
                else:
                    c = (x, y) if control is None else (x + (x - control[0]), y + (y - control[1]))
                    end = (pts[0], pts[1])
                out.append(("Q", c[0], c[1], end[0], end[1]))
                control = c
                x, y = end
    return out


def _local(tag: object) -> str:
    """An element's tag without its namespace (comments and processing instructions: '')."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _view_box(svg: Any, file: str, problems: list[Problem]) -> tuple[float, float, float, float]:
    vb = svg.viewbox
    if vb is None:
        problems.append(Problem(file, "the root <svg> has no viewBox"))
        return (0.0, 0.0, float(svg.width or 0), float(svg.height or 0))
    numbers = (vb.x, vb.y, vb.width, vb.height)
    if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in numbers) or not (
        numbers[2] > 0 and numbers[3] > 0
    ):
        problems.append(
            Problem(
                file,
                "the root <svg> has a viewBox that is not four finite numbers with a positive "
                "width and height",
            )
        )
        return (0.0, 0.0, 1.0, 1.0)
    box = (float(vb.x), float(vb.y), float(vb.width), float(vb.height))
    width = svg.values.get("attributes", {}).get("width")
    height = svg.values.get("attributes", {}).get("height")
    for name, value, expected in (("width", width, box[2]), ("height", height, box[3])):
        if value is None:
            continue
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if number != expected:
            problems.append(
                Problem(
                    file,
                    f"the root <svg> has {name}='{value}'; leave it out (or unitless and equal "
                    "to the viewBox) so that Qt and svgelements agree on coordinates",
                )
            )
    return box


def _region(
    shape: Any,
    rid: str,
    layer: str,
    order: int,
    title: str,
    file: str,
    problems: list[Problem],
    line_of: Any,
    taken: list[list[Command]],
    view_box: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0),
) -> Region | None:
    mark = shape.values.get(_PATH_MARK)
    if mark is not None:
        commands, polygons = _outline_of_commands(_transformed(shape, taken[int(mark)]))
    else:
        commands, polygons = _outline_of_shape(shape)
    if len(commands) > MAX_REGION_SEGMENTS:
        problems.append(
            Problem(
                file,
                f"shape has {len(commands):,} segments, more than {MAX_REGION_SEGMENTS:,} "
                "(simplify its outline)",
                record=rid,
                line=line_of(rid),
            )
        )
        return None
    if not polygons:
        problems.append(
            Problem(
                file,
                "shape encloses no area (a region must be a closed shape)",
                record=rid,
                line=line_of(rid),
            )
        )
        return None
    xs = [p[0] for poly in polygons for p in poly]
    ys = [p[1] for poly in polygons for p in poly]
    if not (all(map(math.isfinite, xs)) and all(map(math.isfinite, ys))):
        problems.append(
            Problem(
                file,
                "shape has a coordinate that is not a finite number",
                record=rid,
                line=line_of(rid),
            )
        )
        return None
    x0, y0, w, h = view_box
    reach = FAR_OUTSIDE * max(w, h, 1.0)
    if (
        min(xs) < x0 - reach
        or max(xs) > x0 + w + reach
        or min(ys) < y0 - reach
        or max(ys) > y0 + h + reach
    ):
        problems.append(
            Problem(
                file,
                f"shape lies more than {FAR_OUTSIDE:g} plate sizes outside the plate (a transform "
                "that scales or moves it too far?)",
                record=rid,
                line=line_of(rid),
            )
        )
        return None
    extent = max(max(xs) - min(xs), max(ys) - min(ys))
    if sum(abs(_signed_area(poly)) for poly in polygons) <= 1e-9 * extent * extent:
        problems.append(
            Problem(
                file,
                "shape encloses no area (flat, or flattened by its transform)",
                record=rid,
                line=line_of(rid),
            )
        )
        return None
    fill_rule = str(shape.values.get("fill-rule", "nonzero")).strip().lower()
    return Region(
        id=rid,
        layer=layer,
        order=order,
        title=title,
        commands=tuple(commands),
        polygons=tuple(polygons),
        bbox=(min(xs), min(ys), max(xs), max(ys)),
        evenodd=fill_rule == "evenodd",
    )


#: a region may reach this many plate sizes beyond the plate's view box, no further
FAR_OUTSIDE = 10.0
#: the segments of one region's outline, at most (the shipped plates' largest has under 400)
MAX_REGION_SEGMENTS = 100_000


def _signed_area(poly: Sequence[Point]) -> float:
    """The shoelace area of a closed polygon (positive one way round, negative the other)."""
    total = 0.0
    ax, ay = poly[-1]
    for bx, by in poly:
        total += ax * by - bx * ay
        ax, ay = bx, by
    return total / 2


def _transformed(probe: Any, commands: list[Command]) -> list[Command]:
    """Commands mapped by the transform svgelements applied to the probe path ``_PROBE``
    (``M 0 0 L 1 0 L 0 1``: its points are (e, f), (a + e, b + f), (c + e, d + f)), as its
    ``reify`` maps points: ``(x * a + y * c + e, x * b + y * d + f)``."""
    origin, x_unit, y_unit = (seg.end for seg in probe)
    e, f = float(origin.x), float(origin.y)
    a, b = float(x_unit.x) - e, float(x_unit.y) - f
    c, d = float(y_unit.x) - e, float(y_unit.y) - f
    if (a, b, c, d, e, f) == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0):
        return commands
    out: list[Command] = []
    for command in commands:
        xy = command[1:]
        mapped: list[float] = []
        for k in range(0, len(xy), 2):
            px, py = xy[k], xy[k + 1]
            mapped.append(px * a + py * c + e)
            mapped.append(px * b + py * d + f)
        out.append((command[0], *mapped))
    return out


def _outline_of_commands(
    commands: list[Command],
) -> tuple[list[Command], list[tuple[Point, ...]]]:
    """The commands and the flattened polygons (one per subpath with 3 points or more)."""
    polygons: list[tuple[Point, ...]] = []
    current: list[Point] = []
    x = y = start_x = start_y = 0.0
    for command in commands:
        op = command[0]
        if op == "M":
            if len(current) >= 3:
                polygons.append(tuple(current))
            x = start_x = command[1]
            y = start_y = command[2]
            current = [(x, y)]
        elif op == "Z":
            x, y = start_x, start_y
        elif op == "L":
            x, y = command[1], command[2]
            current.append((x, y))
        elif op == "C":
            current.extend(cubic_points(x, y, *command[1:]))
            x, y = command[5], command[6]
        else:  # Q
            current.extend(quadratic_points(x, y, *command[1:]))
            x, y = command[3], command[4]
    if len(current) >= 3:
        polygons.append(tuple(current))
    return commands, polygons


def _outline_of_shape(shape: Any) -> tuple[list[Command], list[tuple[Point, ...]]]:
    """:func:`_outline_of_commands` for a shape as svgelements read it (arcs as cubics)."""
    import svgelements

    path = shape if isinstance(shape, svgelements.Path) else svgelements.Path(shape)
    path.approximate_arcs_with_cubics()
    commands: list[Command] = []
    polygons: list[tuple[Point, ...]] = []
    current: list[Point] = []
    for seg in path:
        if isinstance(seg, svgelements.Move):
            if len(current) >= 3:
                polygons.append(tuple(current))
            current = [(float(seg.end.x), float(seg.end.y))]
            commands.append(("M", float(seg.end.x), float(seg.end.y)))
        elif isinstance(seg, svgelements.Close):
            commands.append(("Z",))
        elif isinstance(seg, svgelements.Line):
            current.append((float(seg.end.x), float(seg.end.y)))
            commands.append(("L", float(seg.end.x), float(seg.end.y)))
        elif isinstance(seg, svgelements.CubicBezier):
            c1, c2, end = seg.control1, seg.control2, seg.end
            commands.append(
                (
                    "C",
                    float(c1.x),
                    float(c1.y),
                    float(c2.x),
                    float(c2.y),
                    float(end.x),
                    float(end.y),
                )
            )
            current.extend(_sample(seg))
        elif isinstance(seg, svgelements.QuadraticBezier):
            c, end = seg.control, seg.end
            commands.append(("Q", float(c.x), float(c.y), float(end.x), float(end.y)))
            current.extend(_sample(seg))
    if len(current) >= 3:
        polygons.append(tuple(current))
    return commands, polygons


def _sample(seg: Any) -> list[Point]:
    """The segment flattened: ``_CURVE_SAMPLES`` points at t = 1/n .. 1 (the start is the
    previous point). Evaluated here from the control points with the Bernstein form, in the same
    arithmetic as svgelements' ``npoint``: its ``point()`` tries ``import numpy`` on every call,
    and a failed import is not cached, so each point cost a scan of sys.path."""
    x0, y0 = float(seg.start.x), float(seg.start.y)
    xe, ye = float(seg.end.x), float(seg.end.y)
    if hasattr(seg, "control1"):
        x1, y1 = float(seg.control1.x), float(seg.control1.y)
        x2, y2 = float(seg.control2.x), float(seg.control2.y)
        return cubic_points(x0, y0, x1, y1, x2, y2, xe, ye)
    xc, yc = float(seg.control.x), float(seg.control.y)
    return quadratic_points(x0, y0, xc, yc, xe, ye)


_T = tuple(i / _CURVE_SAMPLES for i in range(1, _CURVE_SAMPLES + 1))
# Per sample t: the Bernstein factors (1-t)^3, (1-t)^2 t, t^2 (1-t), t^3 as svgelements computes
# them, so that the points are the same floats as its ``point(t)``.
_CUBIC_FACTORS = tuple(
    ((1 - t) * (1 - t) * (1 - t), (1 - t) * (1 - t) * t, t * t * (1 - t), t * t * t) for t in _T
)
_QUADRATIC_FACTORS = tuple(((1 - t) * (1 - t), (1 - t) * t, t * t) for t in _T)


def cubic_points(
    x0: float, y0: float, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float
) -> list[Point]:
    """Points of a cubic Bézier at t = 1/n, 2/n, .., 1 (n = ``_CURVE_SAMPLES``)."""
    return [
        (
            n3 * x0 + 3 * (nnt * x1 + ttn * x2) + t3 * x3,
            n3 * y0 + 3 * (nnt * y1 + ttn * y2) + t3 * y3,
        )
        for n3, nnt, ttn, t3 in _CUBIC_FACTORS
    ]


def quadratic_points(
    x0: float, y0: float, x1: float, y1: float, x2: float, y2: float
) -> list[Point]:
    """Points of a quadratic Bézier at t = 1/n, 2/n, .., 1 (n = ``_CURVE_SAMPLES``)."""
    return [
        (nn * x0 + 2 * nt * x1 + tt * x2, nn * y0 + 2 * nt * y1 + tt * y2)
        for nn, nt, tt in _QUADRATIC_FACTORS
    ]


def _id_lines(data: bytes) -> Any:
    """``line_of(id)``: the line of the first ``id="..."`` attribute with that value (the
    table is built on the first call: only a plate with problems needs it)."""
    lines: dict[str, int] = {}
    built = False

    def line_of(element_id: str | None) -> int | None:
        nonlocal built
        if not element_id:
            return None
        if not built:
            text = data.decode("utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), start=1):
                for match in re.finditer(r'\bid\s*=\s*["\']([^"\']+)["\']', line):
                    lines.setdefault(match.group(1), number)
            built = True
        return lines.get(element_id)

    return line_of


def require_plate(path: str | FilePath) -> Plate:
    """Load the plate or raise :class:`ContentError` listing every problem."""
    plate, problems = load_plate(path)
    if plate is None or problems:
        raise ContentError(problems)
    return plate


def sample_points(region: Region, step: float = 4.0) -> Sequence[Point]:
    """Grid points inside the region, ``step`` plate units apart."""
    x0, y0, x1, y1 = region.bbox
    pts: list[Point] = []
    y = y0 + step / 2
    while y < y1:
        xs, before = _row_crossings(region, y)  # (one scan of the edges per row)
        total, count = before[-1], len(xs)
        if xs:
            x = x0 + step / 2
            i = 0
            while x < x1:
                while i < count and xs[i] <= x:  # crossings no longer right of x
                    i += 1
                inside = (count - i) % 2 == 1 if region.evenodd else total - before[i] != 0
                if inside:
                    pts.append((x, y))
                x += step
        y += step
    return pts


def label_anchor(plate: Plate, regions: Sequence[Region], step: float = 6.0) -> Point | None:
    """A point in the visible part of these regions, as far from that part's edges as the
    grid allows (near its middle when many points are as far); None if no part is visible.

    Visible means the topmost clickable region there is one of them (paint order), as
    :meth:`Plate.hit_test` answers. How:

    1. Rasterise the visible part on a grid of ``step`` plate units (cell centres at
       ``origin + (i + 0.5, j + 0.5) * step``, the origin the top left of the plate's regions).
       Each clickable region is scan-converted once per plate and step: per grid row, the
       crossings of the row's centre line with its polygons' edges (as in
       :meth:`Region.contains`), sorted and filled by its fill rule into a row of bits (a Python
       int, bit i = column i). The regions from the lowest of these up whose box meets theirs
       are painted in paint order: these set their bits, any other clears them.
    2. Erode the visible cells until nothing is left, alternating 4- and 8-neighbour steps (an
       octagonal distance, close to Euclidean); a cell at the grid's edge or next to a hidden
       cell goes first. The cells of the last non-empty step are the farthest from every edge.
       Of those, take the one nearest the centroid of the visible cells (ties: top, then left).
    3. If it survived fewer than ``_REFINE_DEPTH`` erosion steps (a small or thin part), do 1-2
       again on a grid twice as fine, only in a box around that cell a little larger than the
       clearance found (so only nearby edges are scanned), down to a quarter of ``step``.
    4. Return the centre of that cell if :meth:`Plate.hit_test` agrees it is visible (rounding
       at an edge may disagree); otherwise the best coarse cell it agrees on, or None.

    Parts narrower than about ``step`` may fall between cell centres; a structure whose only
    visible parts are such slivers has no anchor. The result depends only on the plate and the
    arguments. Cost: one scan of each region's edges per plate and step, then a few big-integer
    operations per grid row and erosion step (the grid is coarsened so that a side has at most
    ``_MAX_GRID`` cells).
    """
    hints = plate._anchor_hints
    if hints:  # computed by the compiler (:func:`compile_plate`) for these very regions
        key = (tuple(r.id for r in regions), step)
        if key in hints and all(plate._by_id.get(r.id) is r for r in regions):
            return hints[key]
    if not step > 0:
        raise ValueError(f"step must be positive, not {step}")
    ids = {r.id for r in regions}
    mine = [r for r in plate.regions if r.id in ids and r.layer in CLICK_LAYERS]
    if not mine:
        return None
    raster = plate._raster(step)
    bx0 = min(r.bbox[0] for r in mine)
    by0 = min(r.bbox[1] for r in mine)
    bx1 = max(r.bbox[2] for r in mine)
    by1 = max(r.bbox[3] for r in mine)
    lowest = min(r.order for r in mine)
    painters = sorted(
        (
            r
            for r in plate.regions
            if r.order >= lowest
            and r.layer in CLICK_LAYERS
            and r.bbox[0] <= bx1
            and r.bbox[2] >= bx0
            and r.bbox[1] <= by1
            and r.bbox[3] >= by0
        ),
        key=lambda r: r.order,
    )
    found = _deepest(plate, ids, painters, raster, None, verify=False)
    if found is None:
        return None
    (x, y), depth = found
    # Few erosion steps: the grid is coarse for this part. Look again around the point on a grid
    # twice as fine (a box of a little more than the clearance found, so only nearby edges are
    # scanned), down to a quarter of ``step``.
    grid = raster.step
    while depth < _REFINE_DEPTH and grid > raster.step / 4:
        reach = (depth + 2) * grid
        grid /= 2
        box = (x - reach, y - reach, x + reach, y + reach)
        near = [r for r in painters if _meets(r.bbox, box)]
        finer = _deepest(plate, ids, near, raster.finer(grid), box, verify=False)
        if finer is None:
            break
        (x, y), depth = finer
    hit = plate.hit_test(x, y)
    if hit is not None and hit.id in ids:
        return (x, y)
    # rounding put the centre on the other side of an edge: the coarse grid's best checked cell
    checked = _deepest(plate, ids, painters, raster, None, verify=True)
    return None if checked is None else checked[0]


_REFINE_DEPTH = 3  # erosion steps below which label_anchor looks again on a finer grid
_BAND = 16  # polygon edges per band of a label raster's edge index
_MAX_GRID = 16384  # cells along a label raster's longer side, at most


def _meets(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _deepest(
    plate: Plate,
    ids: set[str],
    painters: Sequence[Region],
    raster: _Raster,
    box: tuple[float, float, float, float] | None,
    verify: bool,
) -> tuple[Point, int] | None:
    """Steps 1-3 of :func:`label_anchor` on one raster, inside ``box`` only if given (then
    nothing is cached): the point and how many erosion steps its cell survived, or None.
    With ``verify``, cells whose centre :meth:`Plate.hit_test` does not give to ``ids`` are
    dropped until one does."""
    if box is None:
        spans = [raster.rows(r) for r in painters]
        mine = [span for span, r in zip(spans, painters, strict=True) if r.id in ids and span[1]]
        if not mine:
            return None
        j0 = min(start for start, _ in mine)
        j1 = max(start + len(masks) for start, masks in mine)
        columns = -1
    else:
        j0 = raster.row(box[1])
        j1 = max(j0, raster.row(box[3]) + 1)
        spans = [raster.scan(r, j0, j1) for r in painters]
        columns = (1 << max(0, raster.column(box[2]) + 1)) - (1 << max(0, raster.column(box[0])))
    rows = [0] * (j1 - j0)
    for region, (start, masks) in zip(painters, spans, strict=True):
        own = region.id in ids
        for j in range(max(start, j0), min(start + len(masks), j1)):
            m = masks[j - start]
            if m:
                k = j - j0
                rows[k] = rows[k] | m if own else rows[k] & ~m
    if columns != -1:
        rows = [m & columns for m in rows]
    step = raster.step
    while any(rows):
        cx, cy = _centroid(rows)
        level = rows
        depth = 0
        while True:
            inner = _erode(level, depth % 2 == 1)
            if not any(inner):
                break
            level = inner
            depth += 1
        i, k = _nearest(level, cx, cy)
        x = raster.ox + (i + 0.5) * step
        y = raster.oy + (j0 + k + 0.5) * step
        if not verify:
            return (x, y), depth
        hit = plate.hit_test(x, y)
        if hit is not None and hit.id in ids:
            return (x, y), depth
        rows[k] &= ~(1 << i)
    return None


class _Raster:
    """Regions scan-converted on one grid of a plate, each once, on first use.

    Cell (i, j) has its centre at ``(ox + (i + 0.5) * step, oy + (j + 0.5) * step)``, with
    (ox, oy) the top left of the plate's regions, so i, j >= 0 for every region. A region's rows
    are ``(first row, masks)``: bit i of a mask is set when that cell's centre is inside the
    region by the crossing rule of :meth:`Region.contains` (up to rounding within a hair of an
    edge, which :func:`label_anchor` checks for with a hit test)."""

    __slots__ = ("_bands", "_rows", "ox", "oy", "step")

    def __init__(self, regions: Sequence[Region], step: float) -> None:
        self.ox = min((r.bbox[0] for r in regions), default=0.0)
        self.oy = min((r.bbox[1] for r in regions), default=0.0)
        extent = max((max(r.bbox[2] - self.ox, r.bbox[3] - self.oy) for r in regions), default=0)
        # a plate drawn far larger than its grid was meant for gets a coarser grid, not a
        # raster of unbounded size
        self.step = max(step, extent / _MAX_GRID)
        self._rows: dict[int, tuple[int, list[int]]] = {}
        self._bands: dict[int, list[list[tuple[float, float, int, int]]]] = {}

    def finer(self, step: float) -> _Raster:
        """An empty raster with the same origin (and edge bands) and another step."""
        raster = _Raster((), step)
        raster.ox, raster.oy = self.ox, self.oy
        raster._bands = self._bands
        return raster

    def _bands_of(self, region: Region) -> list[list[tuple[float, float, int, int]]]:
        """Per polygon, its edges in bands of ``_BAND`` (ending at vertices i0 to i1 - 1)
        with their y span: ``(low, high, i0, i1)``. Computed once per region."""
        bands = self._bands.get(region.order)
        if bands is None:
            bands = []
            for poly in region.polygons:
                n = len(poly)
                per_poly = []
                for i0 in range(0, n, _BAND):
                    i1 = min(n, i0 + _BAND)
                    ys = [poly[i][1] for i in range(i0 - 1, i1)]
                    per_poly.append((min(ys), max(ys), i0, i1))
                bands.append(per_poly)
            self._bands[region.order] = bands
        return bands

    def rows(self, region: Region) -> tuple[int, list[int]]:
        """The region's first row and its row masks (scan-converted on the first call)."""
        done = self._rows.get(region.order)
        if done is None:
            done = self._rows[region.order] = self.scan(region)
        return done

    def row(self, y: float) -> int:
        """The first row whose centre line is at or below y (rounded)."""
        return math.ceil((y - self.oy) / self.step - 0.5)

    def column(self, x: float) -> int:
        """The first column whose centre is at or right of x (rounded)."""
        return math.ceil((x - self.ox) / self.step - 0.5)

    def scan(
        self, region: Region, top: int = 0, bottom: int | None = None
    ) -> tuple[int, list[int]]:
        """Scan-convert the region (rows ``top`` to ``bottom - 1`` only, if given; not cached).

        An edge crosses the centre lines of rows ``row(low end)`` up to, not including,
        ``row(high end)``: as each vertex gets one row number, every closed polygon crosses a
        row an even number of times, so rounding at a vertex never fills a row wrong. Edges are
        visited a band at a time (``_bands_of``), and bands far from the rows are skipped.
        """
        ox, oy, step = self.ox, self.oy, self.step
        _, y0, _, y1 = region.bbox
        first = max(top, self.row(y0))
        end = self.row(y1)
        if bottom is not None:
            end = min(end, bottom)
        if end <= first:
            return first, []
        crossings: list[list[tuple[float, int]]] = [[] for _ in range(end - first)]
        ceil = math.ceil
        # edges whose y span misses the rows' centre lines (with a step to spare) are skipped
        # a band at a time
        y_top = oy + (first - 0.5) * step
        y_bottom = oy + (end + 0.5) * step
        for poly, bands in zip(region.polygons, self._bands_of(region), strict=True):
            for lo, hi, i0, i1 in bands:
                if hi < y_top or lo > y_bottom:
                    continue
                ax, ay = poly[i0 - 1]
                # row numbers outside [first, end] are clamped to it: no row of it is crossed
                ra = ceil((ay - oy) / step - 0.5)
                ra = first if ra < first else end if ra > end else ra
                for i in range(i0, i1):
                    bx, by = poly[i]
                    rb = ceil((by - oy) / step - 0.5)
                    rb = first if rb < first else end if rb > end else rb
                    if ra != rb:  # the edge from (ax, ay) to (bx, by) crosses rows ra..rb
                        ja, jb, turn = (ra, rb, 1) if ra < rb else (rb, ra, -1)
                        dx = bx - ax
                        dy = by - ay
                        for j in range(ja, jb):
                            t = (oy + (j + 0.5) * step - ay) / dy
                            crossings[j - first].append((ax + t * dx, turn))
                    ax, ay, ra = bx, by, rb
        evenodd = region.evenodd
        masks: list[int] = []
        for row in crossings:
            mask = 0
            if len(row) == 2:  # the usual case: one span, inside by either rule
                a = ceil((row[0][0] - ox) / step - 0.5)
                b = ceil((row[1][0] - ox) / step - 0.5)
                if a > b:
                    a, b = b, a
                if b > a:
                    mask = (1 << b) - (1 << max(a, 0))
            elif row:
                row.sort()
                # a centre x in [row[k-1].x, row[k].x) has row[k:] to its right
                winding = 0
                for k in range(len(row) - 1, 0, -1):
                    x_right, turn = row[k]
                    winding += turn
                    if (len(row) - k) % 2 == 1 if evenodd else winding != 0:
                        a = ceil((row[k - 1][0] - ox) / step - 0.5)
                        b = ceil((x_right - ox) / step - 0.5)
                        if b > a:
                            mask |= (1 << b) - (1 << max(a, 0))
            masks.append(mask)
        while masks and not masks[-1]:
            masks.pop()
        skip = 0
        while skip < len(masks) and not masks[skip]:
            skip += 1
        return first + skip, masks[skip:]


def _runs(mask: int) -> Iterator[tuple[int, int]]:
    """The runs of set bits of ``mask``, as [start, end) bit indexes, lowest first."""
    while mask:
        low = mask & -mask
        start = low.bit_length() - 1
        above = mask + low  # the run carries into the first clear bit above it
        end = (above & -above).bit_length() - 1
        yield start, end
        mask &= ~((1 << end) - 1)


def _centroid(rows: Sequence[int]) -> tuple[float, float]:
    """Mean (column, row) of the set cells (rows must not all be empty)."""
    count = 0
    sum_i = 0
    sum_k = 0
    for k, mask in enumerate(rows):
        if mask:
            n = mask.bit_count()
            count += n
            sum_k += k * n
            for a, b in _runs(mask):
                sum_i += (a + b - 1) * (b - a) // 2
    return sum_i / count, sum_k / count


def _erode(rows: Sequence[int], diagonal: bool) -> list[int]:
    """Keep the cells whose 4 (or 8, if ``diagonal``) neighbours are all set; the grid's
    outside counts as clear."""
    padded = [0, *rows, 0]
    if diagonal:
        across = [m & (m << 1) & (m >> 1) for m in padded]
        return [a & b & c for a, b, c in zip(across, across[1:], across[2:], strict=False)]
    return [
        b & (b << 1) & (b >> 1) & a & c
        for a, b, c in zip(padded, padded[1:], padded[2:], strict=False)
    ]


def _nearest(rows: Sequence[int], cx: float, cy: float) -> tuple[int, int]:
    """The set cell (column, row) nearest (cx, cy); ties go to the lower row, then column."""
    best: tuple[float, int, int] | None = None
    floor_x = math.floor(cx)
    for k, mask in enumerate(rows):
        if not mask:
            continue
        dy2 = (k - cy) ** 2
        for a, b in _runs(mask):
            for i in {min(max(floor_x, a), b - 1), min(max(floor_x + 1, a), b - 1)}:
                key = ((i - cx) ** 2 + dy2, k, i)
                if best is None or key < best:
                    best = key
    assert best is not None
    return best[2], best[1]


# Serialisation ---------------------------------------------------------------------------------

_BLOB_MAGIC = b"HVPLATE\x02"
_ARGS = {"M": 2, "L": 2, "Q": 4, "C": 6, "Z": 0}
_OPS = "".join(_ARGS)
_LAYER_KEYS = frozenset(LAYER_LABELS.values())


def plate_to_bytes(plate: Plate) -> bytes:
    """A compact, safe serialisation of a parsed plate (not pickle: nothing in it can run).

    Layout: ``_BLOB_MAGIC``; a CRC-32 of the rest and the length of a JSON header (4 bytes
    each, little-endian); the header (source, view box, layer ids, and per region its id,
    layer, title, fill rule, command letters, polygon sizes and bounding box); then every number
    as a little-endian float64: per region its command arguments, then its polygons' points.
    Orders are derived on reading; polygons are made into points when first used. Read it
    back with :func:`plate_from_bytes`.
    """
    import array
    import json
    import sys
    import zlib

    numbers = array.array("d")
    regions: list[dict[str, object]] = []
    for region in plate.regions:
        ops = []
        for command in region.commands:
            ops.append(command[0])
            numbers.extend(command[1:])
        for poly in region.polygons:
            for x, y in poly:
                numbers.append(x)
                numbers.append(y)
        regions.append(
            {
                "id": region.id,
                "layer": region.layer,
                "title": region.title,
                "evenodd": region.evenodd,
                "ops": "".join(ops),
                "polygons": [len(poly) for poly in region.polygons],
                "bbox": list(region.bbox),
            }
        )
    header = json.dumps(
        {
            "source": plate.source,
            "view_box": list(plate.view_box),
            "layer_ids": plate.layer_ids,
            "regions": regions,
        },
        ensure_ascii=True,
        separators=(",", ":"),
    ).encode("ascii")
    if sys.byteorder != "little":
        numbers.byteswap()
    body = b"".join([len(header).to_bytes(4, "little"), header, numbers.tobytes()])
    return b"".join([_BLOB_MAGIC, zlib.crc32(body).to_bytes(4, "little"), body])


#: byte -> 1 where, as the top byte of a little-endian float64, its exponent bits are all set
_TOP_ALL_ONES = bytes(1 if b & 0x7F == 0x7F else 0 for b in range(256))
#: byte -> 1 where, as the second byte from the top, its exponent bits are all set
_NEXT_ALL_ONES = bytes(1 if b & 0xF0 == 0xF0 else 0 for b in range(256))


def all_finite(raw: bytes | mmap.mmap | memoryview, start: int = 0) -> bool:
    """Whether every little-endian float64 in ``raw`` (from ``start`` on) is finite (no NaN,
    no infinity), without making a Python float of each: a float64 is not finite exactly when
    its 11 exponent bits are all set, and those are the low 7 bits of its top byte and the
    high 4 of the next."""
    # (a strided slice of bytes or of a mapped file is a fast copy; of a memoryview, not:
    # bytes and mapped files are sliced as they are)
    if isinstance(raw, (bytes, mmap.mmap)):
        data = raw
    else:
        data, start = bytes(raw[start:]), 0
    tops = data[start + 7 :: 8]
    if b"\x7f" not in tops and b"\xff" not in tops:
        return True  # no top byte with all seven exponent bits set (a plate's usual case)
    top = tops.translate(_TOP_ALL_ONES)
    nxt = data[start + 6 :: 8].translate(_NEXT_ALL_ONES)
    return int.from_bytes(top, "little") & int.from_bytes(nxt, "little") == 0


@_without_gc
def plate_from_bytes(
    data: bytes | mmap.mmap | memoryview,
    file: str = "<plate blob>",
    *,
    summed: bool = False,
    offset: int = 0,
) -> Plate:
    """The plate :func:`plate_to_bytes` wrote, at ``offset`` in ``data``. Everything read is
    checked (checksum, layout, types, finite numbers, counts, ids, layers); anything wrong
    raises :class:`ContentError`. ``summed``: the caller has checked a checksum over all of
    ``data`` (the compiled plate file's), so its own is not computed again."""
    import json
    import sys
    import zlib

    def fail(message: str) -> ContentError:
        return ContentError([Problem(file, f"not a usable saved plate: {message}")])

    view = memoryview(data)[offset:]
    magic = len(_BLOB_MAGIC)
    start = magic + 8
    if len(view) < start or bytes(view[:magic]) != _BLOB_MAGIC:
        raise fail("wrong format marker")
    if not summed and int.from_bytes(view[magic : magic + 4], "little") != zlib.crc32(
        view[magic + 4 :]
    ):
        raise fail("damaged (checksum mismatch)")
    size = int.from_bytes(view[magic + 4 : start], "little")
    if start + size > len(view) or (len(view) - start - size) % 8:
        raise fail("truncated or padded")
    try:
        header = json.loads(bytes(view[start : start + size]).decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise fail(f"damaged header ({exc})") from None
    numbers: Sequence[float]
    if sys.byteorder == "little":  # the numbers as they lie in the blob (no copy)
        numbers = cast("Sequence[float]", view[start + size :].cast("d"))
    else:
        import array

        swapped = array.array("d")
        swapped.frombytes(view[start + size :])
        swapped.byteswap()
        numbers = swapped
    # (the file's bytes themselves, when given: no copy of some megabytes to check them)
    finite = (
        all_finite(data, offset + start + size)
        if isinstance(data, (bytes, mmap.mmap))
        else all_finite(view[start + size :])
    )
    if not finite:
        raise fail("a number is not finite")

    def typed(value: object, kind: type, what: str) -> Any:
        if type(value) is not kind:
            raise fail(f"{what} is not a {kind.__name__}")
        return value

    head = typed(header, dict, "the header")
    source = typed(head.get("source"), str, "source")
    box = typed(head.get("view_box"), list, "view_box")
    if len(box) != 4 or not all(type(v) in (int, float) and math.isfinite(v) for v in box):
        raise fail("view_box is not four finite numbers")
    layer_ids = typed(head.get("layer_ids"), dict, "layer_ids")
    for key, value in layer_ids.items():
        if key not in _LAYER_KEYS or type(value) is not str:
            raise fail(f"layer id {key!r} is not a layer of the plate")
    pos = 0
    total = len(numbers)
    regions: list[Region] = []
    seen: set[str] = set()
    for order, item in enumerate(typed(head.get("regions"), list, "regions")):
        entry = typed(item, dict, f"region {order}")
        rid = typed(entry.get("id"), str, f"region {order}'s id")
        layer = typed(entry.get("layer"), str, f"{rid}'s layer")
        title = typed(entry.get("title"), str, f"{rid}'s title")
        evenodd = typed(entry.get("evenodd"), bool, f"{rid}'s fill rule")
        ops = typed(entry.get("ops"), str, f"{rid}'s commands")
        sizes = typed(entry.get("polygons"), list, f"{rid}'s polygons")
        bbox = typed(entry.get("bbox"), list, f"{rid}'s bounding box")
        if not rid or rid in seen:
            raise fail(f"region id {rid!r} is empty or repeated")
        seen.add(rid)
        if layer not in _LAYER_KEYS:
            raise fail(f"{rid}'s layer {layer!r} is not a layer of the plate")
        if not sizes or not all(type(n) is int and n >= 3 for n in sizes):
            raise fail(f"{rid}'s polygons are not lists of at least 3 points")
        if (
            len(bbox) != 4
            or not all(type(v) is float and math.isfinite(v) for v in bbox)
            or bbox[0] > bbox[2]
            or bbox[1] > bbox[3]
        ):
            raise fail(f"{rid}'s bounding box is not four finite numbers in order")
        if ops.strip(_OPS):
            raise fail(f"{rid} has an unknown command")
        end = pos + _numbers_of(ops)
        if end > total:
            raise fail(f"{rid}'s numbers are missing")
        commands = LazyCommands(numbers, pos, ops)
        pos = end
        end = pos + 2 * sum(sizes)
        if end > total:
            raise fail(f"{rid}'s points are missing")
        polygons = LazyPolygons(numbers, pos, sizes)
        pos = end
        regions.append(
            Region(
                id=rid,
                layer=layer,
                order=order,
                title=title,
                commands=commands,
                polygons=polygons,
                bbox=(bbox[0], bbox[1], bbox[2], bbox[3]),
                evenodd=evenodd,
            )
        )
    if pos != total:
        raise fail("numbers left over")
    view_box = (float(box[0]), float(box[1]), float(box[2]), float(box[3]))
    return Plate(source, view_box, tuple(regions), dict(layer_ids))
