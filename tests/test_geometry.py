"""Plate geometry from inline SVG, with exact numbers (the svgelements test habit)."""

from __future__ import annotations

import math
import random

import pytest

from hamstring_viewer.geometry import (
    Plate,
    label_anchor,
    parse_plate,
    plate_from_bytes,
    plate_to_bytes,
)

HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" '
    'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 200 100">'
)


def layer(label: str, body: str, extra: str = "") -> str:
    return f'<g inkscape:groupmode="layer" inkscape:label="{label}" {extra}>{body}</g>'


def plate_of(*layers: str) -> bytes:
    return (HEAD + "".join(layers) + "</svg>").encode()


def test_regions_are_in_plate_units_with_transforms_applied() -> None:
    svg = plate_of(
        layer(
            "Bones",
            '<path id="femur" d="M 0 0 L 10 0 L 10 20 L 0 20 Z"/>',
            'transform="translate(30, 5)"',
        )
    )
    plate, problems = parse_plate(svg)
    assert problems == []
    assert plate is not None
    assert plate.view_box == (0.0, 0.0, 200.0, 100.0)
    assert plate.region("femur").bbox == (30.0, 5.0, 40.0, 25.0)
    assert plate.region("femur").layer == "bones"


def test_hit_test_follows_paint_order_the_shape_on_top_wins() -> None:
    svg = plate_of(
        layer("Deep muscles", '<path id="deep" d="M 0 0 L 100 0 L 100 100 L 0 100 Z"/>'),
        layer("Superficial muscles", '<path id="top" d="M 40 40 L 60 40 L 60 60 L 40 60 Z"/>'),
    )
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    hit = plate.hit_test(50, 50)
    assert hit is not None and hit.id == "top"
    hit = plate.hit_test(10, 10)
    assert hit is not None and hit.id == "deep"
    assert plate.hit_test(150, 50) is None
    assert [r.id for r in plate.regions_at(50, 50)] == ["top", "deep"]
    # a shape that is not shown (its layer hidden) lets the click through to the one below
    hit = plate.hit_test(50, 50, accept=lambda r: r.id != "top")
    assert hit is not None and hit.id == "deep"
    assert plate.hit_test(50, 50, accept=lambda r: False) is None


def test_curved_outline_and_evenodd_hole() -> None:
    ring = (
        '<path id="ring" fill-rule="evenodd" '
        'd="M 0 50 C 0 -17 100 -17 100 50 C 100 117 0 117 0 50 Z '
        'M 40 50 L 60 50 L 60 60 L 40 60 Z"/>'
    )
    plate, problems = parse_plate(plate_of(layer("Bones", ring)))
    assert problems == [] and plate is not None
    assert plate.hit_test(20, 50) is not None
    assert plate.hit_test(50, 55) is None  # in the hole
    assert plate.hit_test(2, 2) is None  # inside the bbox, outside the curve


def test_decoration_and_underscore_ids_are_not_regions() -> None:
    body = (
        '<path id="muscle" d="M 0 0 L 10 0 L 10 10 Z"/>'
        '<g class="decor"><path id="fibre1" d="M 0 0 L 5 5"/></g>'
        '<path id="_shade" d="M 0 0 L 10 0 L 10 10 Z"/>'
    )
    plate, problems = parse_plate(plate_of(layer("Superficial muscles", body)))
    assert problems == [] and plate is not None
    assert [r.id for r in plate.regions] == ["muscle"]


def test_hidden_layer_is_still_part_of_the_plate() -> None:
    zone = '<path id="zone_a" d="M 0 0 L 10 0 L 10 10 Z"/>'
    svg = plate_of(layer("Referral zones", zone, 'style="display:none"'))
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    assert plate.region("zone_a").layer == "zones"
    # zones are overlays: a click on the plate does not select them
    assert plate.hit_test(8, 2) is None
    assert [r.id for r in plate.regions_at(8, 2, layers=["zones"])] == ["zone_a"]


def test_title_is_read() -> None:
    body = '<path id="gracilis" d="M 0 0 L 10 0 L 10 10 Z"><title>Gracilis</title></path>'
    plate, _ = parse_plate(plate_of(layer("Superficial muscles", body)))
    assert plate is not None and plate.region("gracilis").title == "Gracilis"


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        (b"", "empty"),
        (b"this is not xml", "not well-formed XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg>&b;</svg>',
            "entity 'a'",
        ),
        (
            (
                HEAD
                + layer(
                    "Bones", '<path id="x" d="M0 0 L1 0 L1 1Z"/><path id="x" d="M0 0 L1 0 L1 1Z"/>'
                )
                + "</svg>"
            ).encode(),
            "'x' is used more than once",
        ),
        (
            (
                HEAD.replace('viewBox="0 0 200 100"', 'viewBox="0 0 200 100" width="20cm"')
                + "</svg>"
            ).encode(),
            "width='20cm'",
        ),
        (
            (HEAD + layer("Muscles", '<path id="m" d="M0 0 L1 0 L1 1Z"/>') + "</svg>").encode(),
            "layer 'Muscles' is not one of the plate's layers",
        ),
    ],
    ids=["empty", "not-xml", "entity-bomb", "duplicate-id", "width-in-cm", "unknown-layer"],
)
def test_bad_plates_give_a_clear_problem(svg: bytes, expected: str) -> None:
    _, problems = parse_plate(svg, "plate.svg")
    assert problems, "expected a problem"
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith("plate.svg") for p in problems)


def test_hit_test_cost_does_not_depend_on_far_regions() -> None:
    """The grid index only looks at regions whose bounding box covers the point."""
    many = "".join(
        f'<path id="r{i}" d="M {i * 3} 0 L {i * 3 + 2} 0 L {i * 3 + 2} 2 Z"/>' for i in range(60)
    )
    plate, problems = parse_plate(plate_of(layer("Bones", many)))
    assert problems == [] and plate is not None
    hit = plate.hit_test(1.9, 0.5)
    assert hit is not None and hit.id == "r0"
    assert len(plate._in_cell(1.9, 0.5)) < len(plate.regions)


def test_plate_variant_hides_a_region_and_its_decoration_only() -> None:
    from hamstring_viewer.svgdoc import plate_variant

    body = (
        '<path id="gracilis" d="M 0 0 L 10 0 L 10 10 Z"/>'
        '<g class="decor" id="_gracilis_fibres"><path d="M 0 0 L 5 5"/></g>'
        '<path id="gracilis_two" d="M 20 0 L 30 0 L 30 10 Z"/>'
    )
    out = plate_variant(plate_of(layer("Superficial muscles", body)), ["gracilis"])
    plate, problems = parse_plate(out)
    assert problems == [] and plate is not None
    text = out.decode()
    assert text.count('display="none"') == 2
    assert 'id="gracilis_two" d=' in text.replace(' display="none"', "") or "gracilis_two" in text
    # the hidden ones are the region and its fibres, not the region with a longer name
    import re

    hidden = re.findall(r'<[^>]*id="([^"]+)"[^>]*display="none"', text) + re.findall(
        r'<[^>]*display="none"[^>]*id="([^"]+)"', text
    )
    assert sorted(hidden) == ["_gracilis_fibres", "gracilis"]


@pytest.mark.parametrize("padding", [0, 4000])
def test_a_layer_is_cut_out_on_its_own_only_where_it_is_at_the_top_level(padding: int) -> None:
    """The trigger-point layer is drawn from a small document of that layer alone. A layer at
    the top level can be cut out, first or last in the plate (the depth is counted on its
    shorter side); one nested in a transformed group cannot (the transform would be lost)."""
    from hamstring_viewer.svgdoc import layer_document

    bulk = "".join(f'<path d="M {i} 0 L {i} 1"/>' for i in range(padding))
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    tp = '<g id="layer_tp"><path id="tp_1" d="M 1 1 L 2 2"/><g><path d="M 0 0"/></g></g>'
    for doc in (
        f'{head}{tp}<g id="bulk">{bulk}</g></svg>',  # first
        f'{head}<g id="bulk">{bulk}</g>{tp}</svg>',  # last
    ):
        small = layer_document(doc.encode(), "layer_tp")
        assert small is not None
        assert small.decode() == f"{head}\n{tp}\n</svg>\n"
    for doc in (
        f'{head}<g transform="scale(2)">{tp}</g><g id="bulk">{bulk}</g></svg>',
        f'{head}<g id="bulk">{bulk}</g><g transform="scale(2)">{tp}</g></svg>',
        f'{head}<g id="bulk">{bulk}<g transform="scale(2)">{tp}</g></g></svg>',
    ):
        assert layer_document(doc.encode(), "layer_tp") is None
    assert layer_document(f"{head}{bulk}</svg>".encode(), "layer_tp") is None


# Curve flattening ------------------------------------------------------------------------------


def test_cubic_is_flattened_into_twelve_points_ending_at_its_end() -> None:
    svg = plate_of(layer("Bones", '<path id="arch" d="M 0 0 C 0 100 100 100 100 0 Z"/>'))
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    (poly,) = plate.region("arch").polygons
    assert len(poly) == 1 + 12
    assert poly[0] == (0.0, 0.0)
    assert poly[6] == (50.0, 75.0)  # t = 1/2: (1/8 + 3/8) * 100, (3/8 + 3/8) * 100
    assert poly[12] == (100.0, 0.0)
    assert poly[3] == pytest.approx((15.625, 56.25))  # t = 1/4
    assert plate.region("arch").commands[1] == ("C", 0.0, 100.0, 100.0, 100.0, 100.0, 0.0)


def test_quadratic_is_flattened_too() -> None:
    svg = plate_of(layer("Bones", '<path id="hump" d="M 0 0 Q 50 100 100 0 Z"/>'))
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    (poly,) = plate.region("hump").polygons
    assert len(poly) == 13
    assert poly[6] == (50.0, 50.0)
    assert poly[12] == (100.0, 0.0)
    assert plate.region("hump").bbox == (0.0, 0.0, 100.0, 50.0)


def test_flattening_matches_svgelements_points_with_transforms_applied() -> None:
    import svgelements

    from hamstring_viewer.geometry import cubic_points, quadratic_points

    d = "M 10 20 C 40 -30 90 70 120 20 Q 150 -10 170 40 Z"
    svg = plate_of(
        layer("Bones", f'<path id="wave" d="{d}"/>', 'transform="translate(5, 7) scale(2)"')
    )
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    (poly,) = plate.region("wave").polygons
    path = svgelements.Path(d) * "translate(5, 7) scale(2)"
    path.reify()
    expected = [(path.first_point.x, path.first_point.y)]
    for seg in path:
        if isinstance(seg, svgelements.CubicBezier | svgelements.QuadraticBezier):
            expected.extend((p.x, p.y) for p in (seg.point(i / 12) for i in range(1, 13)))
    assert len(poly) == len(expected) == 25
    for (x, y), (ex, ey) in zip(poly, expected, strict=True):
        assert x == pytest.approx(ex, abs=1e-9) and y == pytest.approx(ey, abs=1e-9)
    assert cubic_points(0, 0, 0, 100, 100, 100, 100, 0)[5] == poly_point(
        0, 0, 0, 100, 100, 100, 100, 0
    )
    assert quadratic_points(0, 0, 50, 100, 100, 0)[-1] == (100.0, 0.0)


def poly_point(*c: float) -> tuple[float, float]:
    """The cubic's point at t = 1/2 by de Casteljau (an independent evaluation)."""
    x0, y0, x1, y1, x2, y2, x3, y3 = c
    t = 0.5
    ax, ay = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
    bx, by = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
    cx, cy = x2 + (x3 - x2) * t, y2 + (y3 - y2) * t
    dx, dy = ax + (bx - ax) * t, ay + (by - ay) * t
    ex, ey = bx + (cx - bx) * t, by + (cy - by) * t
    return (dx + (ex - dx) * t, dy + (ey - dy) * t)


def test_parsing_curves_never_asks_for_numpy() -> None:
    """svgelements' ``point()`` tries ``import numpy`` per call; a failed import is not cached,
    so every curve point used to cost a scan of sys.path."""
    import sys

    class CountNumpy:
        lookups = 0

        @classmethod
        def find_spec(cls, name: str, path: object = None, target: object = None) -> None:
            if name == "numpy" or name.startswith("numpy."):
                cls.lookups += 1

    body = (
        '<path id="a" d="M 0 0 C 0 50 50 50 50 0 Z"/>'
        '<path id="b" d="M 60 0 Q 80 40 100 0 Z"/>'
        '<circle id="c" cx="150" cy="50" r="10"/>'
        '<path id="d" d="M 0 60 A 20 20 0 0 0 40 60 Z"/>'
    )
    sys.meta_path.insert(0, CountNumpy)
    try:
        plate, problems = parse_plate(plate_of(layer("Bones", body)))
    finally:
        sys.meta_path.remove(CountNumpy)
    assert problems == [] and plate is not None
    assert [r.id for r in plate.regions] == ["a", "b", "c", "d"]
    assert CountNumpy.lookups == 0


# Label anchors ---------------------------------------------------------------------------------


def _clearance(plate: Plate, ids: set[str], x: float, y: float) -> float:
    """How far from (x, y) every probe (16 directions, 0.5 apart) still hits one of ids."""
    r = 0.5
    while r < 200:
        for k in range(16):
            a = 2 * math.pi * k / 16
            hit = plate.hit_test(x + r * math.cos(a), y + r * math.sin(a))
            if hit is None or hit.id not in ids:
                return r
        r += 0.5
    return r


def test_anchor_lies_in_the_visible_part_far_from_its_edges() -> None:
    svg = plate_of(
        layer("Deep muscles", '<path id="deep" d="M 0 0 L 120 0 L 120 60 L 0 60 Z"/>'),
        layer("Superficial muscles", '<path id="top" d="M 0 0 L 60 0 L 60 60 L 0 60 Z"/>'),
    )
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    anchor = label_anchor(plate, [plate.region("deep")])
    assert anchor is not None
    x, y = anchor
    hit = plate.hit_test(x, y)
    assert hit is not None and hit.id == "deep"
    # the visible part is 60 <= x <= 120, 0 <= y <= 60: its middle, to within a grid cell
    assert abs(x - 90) <= 3 and abs(y - 30) <= 3
    assert _clearance(plate, {"deep"}, x, y) >= 26
    assert label_anchor(plate, [plate.region("deep")]) == anchor  # deterministic


def test_a_fully_covered_structure_has_no_anchor() -> None:
    svg = plate_of(
        layer("Deep muscles", '<path id="deep" d="M 10 10 L 50 10 L 50 50 L 10 50 Z"/>'),
        layer("Superficial muscles", '<path id="top" d="M 0 0 L 60 0 L 60 60 L 0 60 Z"/>'),
    )
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    assert label_anchor(plate, [plate.region("deep")]) is None
    assert label_anchor(plate, [plate.region("top")]) is not None
    # a region no click reaches (a referral zone) is not visible either
    zone = '<path id="zone" d="M 0 0 L 60 0 L 60 60 L 0 60 Z"/>'
    plate, problems = parse_plate(plate_of(layer("Referral zones", zone)))
    assert problems == [] and plate is not None
    assert label_anchor(plate, [plate.region("zone")]) is None


def test_c_shaped_region_gets_its_anchor_in_the_shape_not_in_the_notch() -> None:
    # a C opening to the right, arms 30 thick; its centroid (40.7, 45) lies in the notch
    c_shape = "M 0 0 L 90 0 L 90 30 L 30 30 L 30 60 L 90 60 L 90 90 L 0 90 Z"
    plate, problems = parse_plate(plate_of(layer("Bones", f'<path id="c" d="{c_shape}"/>')))
    assert problems == [] and plate is not None
    anchor = label_anchor(plate, [plate.region("c")])
    assert anchor is not None
    x, y = anchor
    assert plate.region("c").contains(x, y)
    assert not (30 < x <= 90 and 30 < y < 60)
    assert _clearance(plate, {"c"}, x, y) >= 11  # the middle of an arm or the spine is 15 in


def test_ring_gets_its_anchor_in_the_ring_not_in_its_hole() -> None:
    ring = (
        '<path id="ring" fill-rule="evenodd" '
        'd="M 0 0 L 100 0 L 100 100 L 0 100 Z M 25 25 L 75 25 L 75 75 L 25 75 Z"/>'
    )
    plate, problems = parse_plate(plate_of(layer("Bones", ring)))
    assert problems == [] and plate is not None
    anchor = label_anchor(plate, [plate.region("ring")])
    assert anchor is not None
    x, y = anchor
    assert plate.hit_test(x, y) is plate.region("ring")
    assert not (25 < x < 75 and 25 < y < 75)
    assert _clearance(plate, {"ring"}, x, y) >= 9  # the band is 25 wide


def test_anchor_follows_paint_order_across_a_structures_regions() -> None:
    """Part a is under a neighbour; part b lies on top of that neighbour: b is visible."""
    svg = plate_of(
        layer("Bones", '<path id="a" d="M 0 0 L 100 0 L 100 100 L 0 100 Z"/>'),
        layer("Deep muscles", '<path id="cover" d="M 0 0 L 100 0 L 100 100 L 0 100 Z"/>'),
        layer("Superficial muscles", '<path id="b" d="M 20 70 L 50 70 L 50 90 L 20 90 Z"/>'),
    )
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    anchor = label_anchor(plate, [plate.region("a"), plate.region("b")])
    assert anchor is not None
    x, y = anchor
    assert 20 <= x <= 50 and 70 <= y <= 90
    assert abs(x - 35) <= 1.5 and abs(y - 80) <= 1.5  # a small part: refined on a finer grid
    assert label_anchor(plate, [plate.region("a")]) is None


def test_small_structure_gets_a_central_anchor() -> None:
    """A trigger point of radius 8: the grid is refined around it, so the anchor is within a
    fine cell of its centre."""
    svg = plate_of(layer("Trigger points", '<circle id="tp" cx="47" cy="53" r="8"/>'))
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    anchor = label_anchor(plate, [plate.region("tp")])
    assert anchor is not None
    assert math.dist(anchor, (47, 53)) <= 1.5


def test_decoration_geometry_is_skipped_but_its_ids_still_count() -> None:
    body = (
        '<path id="muscle" d="M 0 0 L 10 0 L 10 10 Z"/>'
        '<g class="decor"><path id="muscle" d="M 0 0 C 5 5 5 5 10 10"/></g>'
    )
    _, problems = parse_plate(plate_of(layer("Superficial muscles", body)), "plate.svg")
    assert any("'muscle' is used more than once" in str(p) for p in problems)


# Serialisation ---------------------------------------------------------------------------------


def _blob_plate() -> Plate:
    svg = plate_of(
        layer(
            "Bones",
            '<path id="ring" fill-rule="evenodd" d="M 0 50 C 0 -17 100 -17 100 50 Z '
            'M 40 50 L 60 50 L 60 60 Z"/>',
            'id="layer_bones"',
        ),
        layer(
            "Superficial muscles",
            '<path id="gracilis" d="M 0 0 Q 5 10 10 0 L 10 10 Z"><title>Gracilis ü</title></path>',
        ),
    )
    plate, problems = parse_plate(svg, "plate.svg")
    assert problems == [] and plate is not None
    return plate


def test_plate_round_trips_through_bytes() -> None:
    from hamstring_viewer.geometry import plate_from_bytes, plate_to_bytes

    plate = _blob_plate()
    blob = plate_to_bytes(plate)
    again = plate_from_bytes(blob)
    assert again == plate
    assert again.layer_ids == {"bones": "layer_bones"}
    assert again.region("gracilis").title == "Gracilis ü"
    assert again.region("ring").evenodd and again.region("ring").order == 0
    assert again.region("ring").bbox == plate.region("ring").bbox
    assert label_anchor(again, [again.region("ring")]) == label_anchor(
        plate, [plate.region("ring")]
    )
    assert plate_to_bytes(again) == blob  # deterministic


def test_damaged_plate_bytes_raise_content_error() -> None:
    from hamstring_viewer.geometry import plate_from_bytes, plate_to_bytes
    from hamstring_viewer.problems import ContentError

    blob = plate_to_bytes(_blob_plate())
    damaged = [
        b"",
        b"not a plate",
        blob[:-1],
        blob[:-8],
        blob + b"\0" * 8,
        blob[:40],
        *(blob[:i] + bytes([blob[i] ^ 0x40]) + blob[i + 1 :] for i in range(len(blob))),
    ]
    for data in damaged:
        with pytest.raises(ContentError, match="not a usable saved plate"):
            plate_from_bytes(data, "cache.bin")


def _reblob(header: dict[str, object], numbers: list[float]) -> bytes:
    """A blob with a valid checksum around this header and these numbers."""
    import json
    import struct
    import zlib

    from hamstring_viewer.geometry import _BLOB_MAGIC

    head = json.dumps(header).encode()
    body = len(head).to_bytes(4, "little") + head + struct.pack(f"<{len(numbers)}d", *numbers)
    return _BLOB_MAGIC + zlib.crc32(body).to_bytes(4, "little") + body


def test_well_formed_blob_with_wrong_content_is_refused() -> None:
    from hamstring_viewer.geometry import plate_from_bytes
    from hamstring_viewer.problems import ContentError

    def region(**changes: object) -> dict[str, object]:
        base: dict[str, object] = {
            "id": "r",
            "layer": "bones",
            "title": "",
            "evenodd": False,
            "ops": "MLLZ",
            "polygons": [3],
            "bbox": [0.0, 0.0, 1.0, 1.0],
        }
        return {**base, **changes}

    def header(*regions: dict[str, object], **changes: object) -> dict[str, object]:
        base: dict[str, object] = {
            "source": "x.svg",
            "view_box": [0, 0, 10, 10],
            "layer_ids": {},
            "regions": list(regions),
        }
        return {**base, **changes}

    numbers = [0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0]
    good = plate_from_bytes(_reblob(header(region()), numbers))
    assert good.region("r").polygons == (((0.0, 0.0), (1.0, 0.0), (1.0, 1.0)),)
    assert good.region("r").commands == (("M", 0.0, 0.0), ("L", 1.0, 0.0), ("L", 1.0, 1.0), ("Z",))
    cases = {
        "nan": _reblob(header(region()), [math.nan, *numbers[1:]]),
        "inf": _reblob(header(region()), [*numbers[:-1], math.inf]),
        "too few numbers": _reblob(header(region()), numbers[:-2]),
        "too many numbers": _reblob(header(region()), [*numbers, 0.0, 0.0]),
        "unknown command": _reblob(header(region(ops="MLXZ")), numbers),
        "unknown layer": _reblob(header(region(layer="skin")), numbers),
        "two points": _reblob(header(region(polygons=[2])), numbers[:10]),
        "id not a string": _reblob(header(region(id=7)), numbers),
        "fill rule not a bool": _reblob(header(region(evenodd=0)), numbers),
        "repeated id": _reblob(header(region(), region()), numbers * 2),
        "view box": _reblob(header(region(), view_box=[0, 0, 10]), numbers),
        "view box bool": _reblob(header(region(), view_box=[0, 0, 10, True]), numbers),
        "layer ids": _reblob(header(region(), layer_ids={"bones": 3}), numbers),
        "regions not a list": _reblob(header(regions={"r": 1}), numbers),
        "header not an object": _reblob([], numbers),  # type: ignore[arg-type]
        "no bounding box": _reblob(header(region(bbox=None)), numbers),
        "bounding box of three": _reblob(header(region(bbox=[0.0, 0.0, 1.0])), numbers),
        "bounding box not finite": _reblob(header(region(bbox=[0.0, 0.0, 1e999, 1.0])), numbers),
        "bounding box upside down": _reblob(header(region(bbox=[0.0, 1.0, 1.0, 0.0])), numbers),
    }
    for name, data in cases.items():
        with pytest.raises(ContentError, match="not a usable saved plate"):
            plate_from_bytes(data)
            pytest.fail(f"accepted: {name}")


# Path data read without svgelements ------------------------------------------------------------


def _svgelements_commands(d: str, transform: str = "") -> list[tuple[object, ...]]:
    """The absolute commands of path data as svgelements reads them (the reference)."""
    import svgelements

    path = svgelements.Path(d)
    if transform:
        path *= transform
    path.reify()
    out: list[tuple[object, ...]] = []
    for seg in path:
        if isinstance(seg, svgelements.Move):
            out.append(("M", seg.end.x, seg.end.y))
        elif isinstance(seg, svgelements.Close):
            out.append(("Z",))
        elif isinstance(seg, svgelements.Line):
            out.append(("L", seg.end.x, seg.end.y))
        elif isinstance(seg, svgelements.CubicBezier):
            c1, c2, e = seg.control1, seg.control2, seg.end
            out.append(("C", c1.x, c1.y, c2.x, c2.y, e.x, e.y))
        elif isinstance(seg, svgelements.QuadraticBezier):
            out.append(("Q", seg.control.x, seg.control.y, seg.end.x, seg.end.y))
    return out


def _random_path_data(rnd: random.Random) -> str:
    """Path data in the subset parse_path_data reads, written in many legal ways."""

    def number() -> str:
        v = rnd.uniform(-200, 200)
        style = rnd.randrange(5)
        if style == 0:
            return str(round(v))
        if style == 1:
            return f"{v:.3f}"
        if style == 2:
            return f"{v:.2e}"
        if style == 3:
            return f"{v:.1f}".replace("0.", ".", 1) if abs(v) < 1 else f"{v:.1f}"
        return repr(v)

    def sep() -> str:
        return rnd.choice([" ", ",", " , ", "\n", "\t", "  "])

    parts = [rnd.choice("Mm"), number(), sep(), number()]
    for _ in range(rnd.randrange(1, 12)):
        letter = rnd.choice("LlHhVvCcSsQqTtZzMm")
        if letter in "Zz":
            parts.append(sep() + letter + sep())
            continue
        arity = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2}[letter.upper()]
        parts.append(sep() + letter)
        for _ in range(rnd.randrange(1, 4)):  # implicit repetitions
            for _ in range(arity):
                parts.append(sep() + number())
    if rnd.random() < 0.7:
        parts.append(rnd.choice(["Z", "z", " Z"]))
    return "".join(parts)


def test_path_data_is_read_as_svgelements_reads_it() -> None:
    from hamstring_viewer.geometry import parse_path_data

    rnd = random.Random(20261130)
    for _ in range(400):
        d = _random_path_data(rnd)
        ours = parse_path_data(d)
        assert ours is not None, d
        reference = _svgelements_commands(d)
        assert [c[0] for c in ours] == [c[0] for c in reference], d
        for a, b in zip(ours, reference, strict=True):
            assert a == b, (d, a, b)  # the same floats


@pytest.mark.parametrize(
    "d",
    [
        "",
        "L 1 2",
        "M 0 0 A 10 10 0 0 1 20 0 Z",
        "M 0 0 a 10 10 0 0 1 20 0 z",
        "M 0 0 L 1",
        "M 0 0 C 1 2 3 4 5",
        "M 0 0 L Z",
        "M 0 0 Z 5",
        "M 0 0 L 1 x",
        "M 0 0 L 1e 2",
        "M 0 0 H",
    ],
)
def test_path_data_outside_the_subset_is_left_to_svgelements(d: str) -> None:
    from hamstring_viewer.geometry import parse_path_data

    assert parse_path_data(d) is None


def test_regions_under_transforms_match_svgelements() -> None:
    rnd = random.Random(7)
    transforms = [
        "translate(12.5, -3)",
        "rotate(30)",
        "scale(2, 0.5)",
        "matrix(0.8 0.6 -0.6 0.8 100 40)",
        "skewX(20) translate(5 5)",
    ]
    for outer in transforms:
        for inner in transforms:
            d = _random_path_data(rnd)
            body = f'<g transform="{inner}"><path id="p" d="{d}"/></g>'
            plate, problems = parse_plate(plate_of(layer("Bones", body, f'transform="{outer}"')))
            if plate is None or not plate.has("p"):
                assert all("no area" in str(p) for p in problems), problems
                continue
            reference = _svgelements_commands(d, f"{outer} {inner}")
            got = plate.region("p").commands
            assert [c[0] for c in got] == [c[0] for c in reference], d
            for a, b in zip(got, reference, strict=True):
                assert a[1:] == pytest.approx(b[1:], abs=1e-9), (outer, inner, d)


def test_a_plate_with_use_keeps_all_its_path_data() -> None:
    """A <use> may copy any path, decoration included: nothing is emptied or taken."""
    from xml.etree import ElementTree

    from hamstring_viewer.geometry import _take_path_data

    body = (
        '<g class="decor"><path id="shape" d="M 0 0 L 10 0 L 10 10 Z"/></g>'
        '<path id="muscle" d="M 0 0 L 10 0 L 10 10 Z"/>'
        '<use id="copy" href="#shape" x="20"/>'
    )
    root = ElementTree.fromstring(plate_of(layer("Bones", body)))
    assert _take_path_data(root) == []
    assert [e.get("d") for e in root.iter() if e.get("d") is not None] == [
        "M 0 0 L 10 0 L 10 10 Z",
        "M 0 0 L 10 0 L 10 10 Z",
    ]
    root = ElementTree.fromstring(plate_of(layer("Bones", body.replace("<use", "<rect"))))
    assert _take_path_data(root) == [[("M", 0.0, 0.0), ("L", 10.0, 0.0), ("L", 10.0, 10.0), ("Z",)]]
    assert [e.get("d") for e in root.iter() if e.get("d") is not None] == ["", "M 0 0 L 1 0 L 0 1"]


@pytest.mark.parametrize(
    "d",
    [
        "M.5.5L-1-2l1e1-2E-1C1,2,3,4,5,6s1 2 3 4t5 6q1 2 3 4h-5v.5Z",
        "m1 1 2 2 3 3zm4 4l5-5z",
        "M0,0C0,1,1,1,1,0S2,-1,2,0T3,0Q4,1,5,0T6,0V9H-1Z",
        "M 0 0 Q 1 1 2 0 S 3 -1 4 0 z M 10 10 C 11 11 12 11 13 10 T 15 10 z",
    ],
)
def test_compact_path_data_is_read_as_svgelements_reads_it(d: str) -> None:
    from hamstring_viewer.geometry import parse_path_data

    assert parse_path_data(d) == _svgelements_commands(d)


def test_coordinates_that_are_not_finite_are_a_problem() -> None:
    body = '<path id="bad" d="M 0 0 L 1e400 0 L 0 10 Z"/><path id="good" d="M 0 0 L 9 0 L 0 9 Z"/>'
    plate, problems = parse_plate(plate_of(layer("Bones", body)), "plate.svg")
    assert plate is not None and [r.id for r in plate.regions] == ["good"]
    assert [p.record for p in problems] == ["bad"]
    assert "not a finite number" in str(problems[0])


def test_a_huge_plate_gets_a_bounded_label_grid() -> None:
    body = (
        '<path id="far" d="M 1e12 1e12 L 1.00001e12 1e12 L 1e12 1.00001e12 Z"/>'
        '<path id="near" d="M 0 0 L 60 0 L 60 60 L 0 60 Z"/>'
    )
    _, problems = parse_plate(plate_of(layer("Bones", body)))  # far beyond its view box
    assert [(p.record, "plate sizes outside the plate" in p.message) for p in problems] == [
        ("far", True)
    ]
    huge = HEAD.replace('viewBox="0 0 200 100"', 'viewBox="0 0 1.00001e12 1.00001e12"')
    plate, problems = parse_plate((huge + layer("Bones", body) + "</svg>").encode())
    assert problems == [] and plate is not None
    anchor = label_anchor(plate, [plate.region("near")])  # no raster of 1e11 cells
    assert anchor is None or plate.region("near").contains(*anchor)
    assert plate._raster(6.0).step > 6.0


def test_a_compiled_plate_copies_and_pickles_like_the_plate_it_was_made_from() -> None:
    """The regions read from a compiled plate keep their numbers as a view of the file until
    used; a copy or a pickle of them is the plain tuples, equal to the parsed plate's."""
    import copy
    import pickle

    svg = plate_of(layer("Bones", '<path id="bone" d="M 0 0 C 10 0 10 10 0 10 Z"/>'))
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None
    again = plate_from_bytes(plate_to_bytes(plate))
    for made in (copy.deepcopy(again), pickle.loads(pickle.dumps(again))):
        assert made.regions == plate.regions
        assert made.region("bone").contains(4, 5)


def test_all_finite_finds_every_nan_and_infinity_and_passes_every_finite_number() -> None:
    import struct

    from hamstring_viewer.geometry import all_finite

    rnd = random.Random(7)
    values = [rnd.uniform(-1e6, 1e6) for _ in range(257)]
    assert all_finite(struct.pack(f"<{len(values)}d", *values))
    extremes = [1.7976931348623157e308, -1.7976931348623157e308, 5e-324, -0.0, 0.0]
    assert all_finite(struct.pack(f"<{len(extremes)}d", *extremes))
    for bad in (math.nan, math.inf, -math.inf):
        for at in (0, 128, 256):
            changed = [*values[:at], bad, *values[at + 1 :]]
            assert not all_finite(struct.pack(f"<{len(changed)}d", *changed)), (bad, at)
    raw = bytearray(struct.pack(f"<{len(values)}d", *values))
    raw[80:88] = bytes.fromhex("010000000000f07f")  # a signalling NaN
    assert not all_finite(bytes(raw))
    # numbers read in place from a larger file: from their start on (what lies before is not
    # a number), in the file's bytes or through a view of them
    good = struct.pack(f"<{len(values)}d", *values)
    for prefix in (b"HEADER!", b"\xff" * 13):
        blob = prefix + good
        assert all_finite(blob, len(prefix)) and all_finite(memoryview(blob), len(prefix))
        blob = prefix + bytes(raw)
        assert not all_finite(blob, len(prefix))
        assert not all_finite(memoryview(blob), len(prefix))


def _every_edge_crossing(polygons: list[list[tuple[float, float]]], y: float) -> list[object]:
    """The crossings of the row at ``y``, found by testing every edge (what the bands of a
    detailed shape must give, to the last bit)."""
    out = []
    for poly in polygons:
        ax, ay = poly[-1]
        for bx, by in poly:
            if (ay <= y) is not (by <= y):
                out.append((ax + (y - ay) / (by - ay) * (bx - ax), 1 if by > ay else -1))
            ax, ay = bx, by
    return sorted(out)


def test_a_detailed_shape_answers_each_row_as_a_test_of_every_edge_would() -> None:
    # a star of 600 points with a hole (far more edges than a shape tested edge by edge)
    rng = random.Random(7)
    outer = []
    for i in range(600):
        angle = 2 * math.pi * i / 600
        radius = 40 + 8 * math.sin(9 * angle) + rng.uniform(-1, 1)
        outer.append((100 + radius * math.cos(angle), 50 + radius * math.sin(angle) * 1.1))
    hole = [(100 + 10 * math.cos(a / 20), 50 - 10 * math.sin(a / 20)) for a in range(126)]
    d = "M " + " L ".join(f"{x:.4f} {y:.4f}" for x, y in outer) + " Z "
    d += "M " + " L ".join(f"{x:.4f} {y:.4f}" for x, y in hole) + " Z"
    plate, problems = parse_plate(plate_of(layer("Deep muscles", f'<path id="star" d="{d}"/>')))
    assert plate is not None and not problems
    star = plate.region("star")
    polygons = [list(p) for p in star.polygons]
    assert sum(len(p) for p in polygons) > 700
    ys = [rng.uniform(-5, 105) for _ in range(300)]
    ys += [p[1] for p in polygons[0][::25]]  # rows through vertices exactly
    ys += [min(p[1] for p in polygons[0]), max(p[1] for p in polygons[0])]
    for y in ys:
        assert star.row_crossings(y) == _every_edge_crossing(polygons, y), y
    # and the hit test agrees: inside the star, not in its hole, not outside
    assert star.contains(100 + 25, 50)
    assert not star.contains(100, 50)
    assert not star.contains(100 + 60, 50)
