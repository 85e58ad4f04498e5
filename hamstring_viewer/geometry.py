"""The plate's geometry: every region as a path in the plate's user units, and hit-testing.

Qt-free. The plate is read with ``svgelements`` (transforms applied). Regions are the closed
shapes with an id inside the plate's Inkscape layers; decoration (elements inside a group with
class ``decor``, or with an id starting with ``_``) is not a region. Hit-testing follows paint
order: the region painted last (on top) wins.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from hamstring_viewer.problems import ContentError, Problem

if TYPE_CHECKING:  # the XML modules are imported where a plate is parsed, not at start-up
    from xml.etree import ElementTree

Point = tuple[float, float]
Command = tuple[Any, ...]
"""A path command in absolute plate units: ("M", x, y), ("L", x, y),
("Q", x1, y1, x, y), ("C", x1, y1, x2, y2, x, y) or ("Z",)."""

INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape"

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


@dataclass(frozen=True, slots=True)
class Region:
    """One clickable shape of the plate, bound to a record by its ``id``."""

    id: str
    layer: str
    order: int
    title: str
    commands: tuple[Command, ...]
    polygons: tuple[tuple[Point, ...], ...]
    bbox: tuple[float, float, float, float]
    evenodd: bool = False

    def contains(self, x: float, y: float) -> bool:
        """True if (x, y) is inside the filled shape (its fill rule applied)."""
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        winding = 0
        crossings = 0
        for poly in self.polygons:
            n = len(poly)
            for i in range(n):
                ax, ay = poly[i]
                bx, by = poly[(i + 1) % n]
                if ay <= y < by or by <= y < ay:
                    t = (y - ay) / (by - ay)
                    if ax + t * (bx - ax) > x:
                        crossings += 1
                        winding += 1 if by > ay else -1
        return crossings % 2 == 1 if self.evenodd else winding != 0

    @property
    def centroid_hint(self) -> Point:
        """Centre of the bounding box (not necessarily inside the shape)."""
        x0, y0, x1, y1 = self.bbox
        return ((x0 + x1) / 2, (y0 + y1) / 2)


@dataclass(slots=True)
class Plate:
    """The plate: its view box and its regions in paint order."""

    source: str
    view_box: tuple[float, float, float, float]
    regions: tuple[Region, ...]
    layer_ids: dict[str, str] = field(default_factory=dict)
    _by_id: dict[str, Region] = field(default_factory=dict, repr=False)
    _grid: dict[tuple[int, int], list[Region]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {r.id: r for r in self.regions}
        grid: dict[tuple[int, int], list[Region]] = {}
        for region in self.regions:
            x0, y0, x1, y1 = region.bbox
            for gx in range(_cell(x0), _cell(x1) + 1):
                for gy in range(_cell(y0), _cell(y1) + 1):
                    grid.setdefault((gx, gy), []).append(region)
        for cell in grid.values():
            cell.sort(key=lambda r: r.order, reverse=True)
        self._grid = grid

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
            for r in self._grid.get((_cell(x), _cell(y)), ())
            if (wanted is None or r.layer in wanted) and r.contains(x, y)
        ]

    def hit_test(self, x: float, y: float, layers: Iterable[str] = CLICK_LAYERS) -> Region | None:
        """The topmost region at (x, y) among ``layers``, or None."""
        wanted = frozenset(layers)
        for r in self._grid.get((_cell(x), _cell(y)), ()):
            if r.layer in wanted and r.contains(x, y):
                return r
        return None

    def in_layer(self, layer: str) -> list[Region]:
        return [r for r in self.regions if r.layer == layer]


def _cell(v: float) -> int:
    return math.floor(v / _GRID_CELL)


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
    """Parse the plate. Returns the plate (None if unusable) and every problem found."""
    file = str(path)
    try:
        data = FilePath(path).read_bytes()
    except FileNotFoundError:
        return None, [Problem(file, "plate file not found")]
    except OSError as exc:
        return None, [Problem(file, f"cannot read the plate: {exc.strerror}")]
    return parse_plate(data, file)


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

    root = ElementTree.fromstring(data)
    titles = _titles_and_show_layers(root)
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
                    child, cid, layer, len(regions), titles.get(cid, ""), file, problems, line_of
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


def _view_box(svg: Any, file: str, problems: list[Problem]) -> tuple[float, float, float, float]:
    vb = svg.viewbox
    if vb is None:
        problems.append(Problem(file, "the root <svg> has no viewBox"))
        return (0.0, 0.0, float(svg.width or 0), float(svg.height or 0))
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
) -> Region | None:
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


def _sample(seg: Any) -> list[Point]:
    out: list[Point] = []
    for i in range(1, _CURVE_SAMPLES + 1):
        p = seg.point(i / _CURVE_SAMPLES)
        out.append((float(p.x), float(p.y)))
    return out


def _id_lines(data: bytes) -> Any:
    text = data.decode("utf-8", errors="replace")
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        for match in re.finditer(r'\bid\s*=\s*["\']([^"\']+)["\']', line):
            lines.setdefault(match.group(1), number)

    def line_of(element_id: str | None) -> int | None:
        return lines.get(element_id) if element_id else None

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
        x = x0 + step / 2
        while x < x1:
            if region.contains(x, y):
                pts.append((x, y))
            x += step
        y += step
    return pts


def label_anchor(plate: Plate, regions: Sequence[Region], step: float = 6.0) -> Point | None:
    """A point in the visible part of these regions, near the middle of that part.

    Visible means the topmost clickable region there is one of them (paint order).
    """
    ids = {r.id for r in regions}
    visible: list[Point] = []
    for region in regions:
        for x, y in sample_points(region, step):
            hit = plate.hit_test(x, y)
            if hit is not None and hit.id in ids:
                visible.append((x, y))
    if not visible:
        return None
    mx = sum(p[0] for p in visible) / len(visible)
    my = sum(p[1] for p in visible) / len(visible)
    return min(visible, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)
