"""Compiled plates: the geometry shipped beside each SVG, used only for the very bytes it was
compiled from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hamstring_viewer import resources
from hamstring_viewer.geometry import (
    compile_plate,
    compiled_plate_path,
    label_anchor,
    load_plate,
    parse_plate,
    read_compiled_plate,
)
from tools.compile_plates import label_groups


@pytest.mark.parametrize("view", [v.key for v in resources.views()])
def test_shipped_compiled_plate_matches_its_svg(view: str) -> None:
    svg = resources.plate_paths()[view]
    data = svg.read_bytes()
    compiled = read_compiled_plate(svg, data)
    assert compiled is not None, "run tools/compile_plates.py after changing a plate"
    parsed, problems = parse_plate(data, str(svg))
    assert parsed is not None and problems == []
    assert compiled.regions == parsed.regions
    assert compiled.view_box == parsed.view_box
    assert compiled.layer_ids == parsed.layer_ids
    assert compiled.source == str(svg)
    # and the shipped file is exactly what the compiler writes today
    assert compiled_plate_path(svg).read_bytes() == compile_plate(data, str(svg), label_groups())


@pytest.mark.parametrize("view", [v.key for v in resources.views()])
def test_compiled_label_anchors_are_the_ones_placed_from_the_svg(view: str) -> None:
    svg = resources.plate_paths()[view]
    data = svg.read_bytes()
    compiled = read_compiled_plate(svg, data)
    parsed = parse_plate(data, str(svg))[0]
    assert compiled is not None and parsed is not None
    placed = 0
    for group in label_groups():
        ids = [i for i in group if parsed.has(i)]
        if not ids:
            continue
        expected = label_anchor(parsed, [parsed.region(i) for i in ids])
        assert label_anchor(compiled, [compiled.region(i) for i in ids]) == expected
        placed += 1
    assert placed > 0
    # regions of another plate object are placed, not looked up
    other = parse_plate(data, str(svg))[0]
    assert other is not None
    ids = next(g for g in label_groups() if any(compiled.has(i) for i in g))
    regions = [other.region(i) for i in ids if other.has(i)]
    assert label_anchor(compiled, regions) == label_anchor(parsed, regions)


def _copy(tmp_path: Path) -> Path:
    svg = resources.plate_paths()["cross_section"]
    target = tmp_path / svg.name
    shutil.copyfile(svg, target)
    shutil.copyfile(compiled_plate_path(svg), compiled_plate_path(target))
    return target


def test_load_plate_uses_the_compiled_plate(tmp_path: Path) -> None:
    svg = _copy(tmp_path)
    plate, problems = load_plate(svg)
    assert problems == []
    assert plate is not None and plate.source == str(svg)
    assert plate.regions == read_compiled_plate(svg, svg.read_bytes()).regions  # type: ignore[union-attr]


def test_an_edited_svg_wins_over_a_stale_compiled_plate(tmp_path: Path) -> None:
    svg = _copy(tmp_path)
    data = svg.read_bytes()
    first = parse_plate(data)[0]
    assert first is not None and first.regions
    victim = first.regions[-1].id
    edited = data.replace(f'id="{victim}"'.encode(), f'id="{victim}_edited"'.encode(), 1)
    assert edited != data
    svg.write_bytes(edited)  # as an illustrator's save in Inkscape leaves it
    assert read_compiled_plate(svg, edited) is None
    plate, _problems = load_plate(svg)
    assert plate is not None
    assert plate.has(f"{victim}_edited") and not plate.has(victim)


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "other_magic", "anchors"])
def test_a_damaged_compiled_plate_is_ignored(tmp_path: Path, damage: str) -> None:
    svg = _copy(tmp_path)
    target = compiled_plate_path(svg)
    blob = bytearray(target.read_bytes())
    if damage == "flip":
        blob[len(blob) // 2] ^= 0xFF
    elif damage == "truncate":
        del blob[len(blob) // 3 :]
    elif damage == "empty":
        blob.clear()
    elif damage == "other_magic":
        blob[:4] = b"XXXX"
    else:  # an anchor table that is whole but wrong: recompiled with a bad entry
        import json
        import zlib

        head = len(b"HVCPLATE2\n") + 32
        size = int.from_bytes(blob[head + 4 : head + 8], "little")
        table = json.loads(blob[head + 8 : head + 8 + size])
        table[0][2] = "far away"
        new = json.dumps(table, separators=(",", ":")).encode()
        rest = len(new).to_bytes(4, "little") + new + bytes(blob[head + 8 + size :])
        blob = bytearray(blob[:head] + zlib.crc32(rest).to_bytes(4, "little") + rest)
    target.write_bytes(bytes(blob))
    data = svg.read_bytes()
    assert read_compiled_plate(svg, data) is None
    plate, problems = load_plate(svg)
    parsed = parse_plate(data, str(svg))[0]
    assert problems == [] and plate is not None and parsed is not None
    assert plate.regions == parsed.regions


def test_compiling_is_deterministic_and_refuses_a_plate_with_problems() -> None:
    from hamstring_viewer.problems import ContentError

    svg = resources.plate_paths()["cross_section"]
    data = svg.read_bytes()
    assert compile_plate(data, str(svg)) == compile_plate(data, "/elsewhere/" + svg.name)
    with pytest.raises(ContentError):
        compile_plate(b"<svg", "broken.svg")
