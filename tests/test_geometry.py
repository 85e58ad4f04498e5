"""Plate geometry from inline SVG, with exact numbers (the svgelements test habit)."""

from __future__ import annotations

import pytest

from hamstring_viewer.geometry import parse_plate

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
    assert len(plate._grid[(0, 0)]) < len(plate.regions)


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
