"""Bad content gives a clear message naming file, record and field, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hamstring_viewer.catalog import check


def run_check(data: Path, svg: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_viewer", "check", str(data), str(svg)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def problems_of(data: Path, svg: Path) -> list[str]:
    _, problems = check(data, svg)
    return [str(p) for p in problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_reported(data: Path, svg: Path, *fragments: str) -> None:
    messages = problems_of(data, svg)
    assert any(all(f in m for f in fragments) for m in messages), messages
    result = run_check(data, svg)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert any(all(f in line for f in fragments) for line in result.stderr.splitlines()), (
        result.stderr
    )


def test_missing_file(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    (data / "stretches.toml").unlink()
    assert_reported(data, svg, "data/stretches.toml", "file not found")


def test_missing_plate(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    svg.unlink()
    assert_reported(data, svg, "posterior_thigh.svg", "plate file not found")


def test_toml_syntax_error_names_the_line(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    path = data / "exercises.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "this is = = not toml")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_reported(data, svg, "data/exercises.toml:3", "TOML syntax error")


def test_unknown_field(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    edit(data / "structures" / "semitendinosus.toml", "\nlatin =", '\ncolour = "red"\nlatin =')
    assert_reported(
        data,
        svg,
        "data/structures/semitendinosus.toml:",
        "record 'semitendinosus'",
        "field 'colour'",
        "unknown field",
    )


def test_missing_required_field(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    path = data / "structures" / "semimembranosus.toml"
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("latin =")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_reported(data, svg, "record 'semimembranosus'", "field 'latin'", "required field")


def test_dangling_reference(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    edit(data / "trigger_points.toml", 'muscle = "semitendinosus"', 'muscle = "semitendonosus"')
    assert_reported(
        data,
        svg,
        "data/trigger_points.toml:",
        "record 'tp_semitendinosus'",
        "field 'muscle'",
        "'semitendonosus' is not a known muscle",
    )


def test_record_naming_a_missing_svg_id(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    edit(data / "trigger_points.toml", 'svg_id = "tp_semitendinosus"', 'svg_id = "tp_st"')
    assert_reported(
        data,
        svg,
        "record 'tp_semitendinosus'",
        "field 'svg_id'",
        "'tp_st', which is not on any of the plates",
    )
    # and the plate's X is now unbound, which is reported on the plate's side
    assert any("tp_semitendinosus" in m and "has no record" in m for m in problems_of(data, svg))


def test_duplicate_record_id(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    text = (data / "stretches.toml").read_text(encoding="utf-8")
    (data / "stretches.toml").write_text(
        text + '\n[stretch.semitendinosus]\nname = "x"\ntargets = []\nsteps = []\nadvice = []\n'
        "sources = []\n",
        encoding="utf-8",
    )
    assert_reported(data, svg, "data/stretches.toml:", "record 'semitendinosus'", "duplicate id")


def test_duplicate_svg_id(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    # the small saphenous vein is drawn on the superficial posterior plate only
    edit(svg, 'id="small_saphenous_vein"', 'id="tibia"')
    messages = problems_of(data, svg)
    assert any("'tibia' is used more than once" in m for m in messages), messages
    assert_reported(
        data,
        svg,
        "record 'small_saphenous_vein'",
        "field 'svg_ids'",
        "'small_saphenous_vein', which is not on",
    )


def test_non_utf8_bytes(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    path = data / "glossary.toml"
    path.write_bytes(path.read_bytes() + b"\n# caf\xe9\n")
    assert_reported(data, svg, "data/glossary.toml:", "not valid UTF-8")


def test_empty_file(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    (data / "palpation.toml").write_text("", encoding="utf-8")
    assert_reported(data, svg, "data/palpation.toml", "the file is empty")


def test_svg_that_is_not_xml(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    svg.write_text("<svg><g></svg>", encoding="utf-8")
    assert_reported(data, svg, "posterior_thigh.svg:1", "not well-formed XML")


def test_svg_with_an_entity_expansion_bomb(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    entities = ['<!ENTITY e0 "lol">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)
    ]
    svg.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n' + "\n".join(entities) + "\n]>\n"
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>&e9;</title></svg>',
        encoding="utf-8",
    )
    assert_reported(data, svg, "posterior_thigh.svg:", "entity")


def test_every_problem_is_reported_not_only_the_first(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    edit(data / "structures" / "semitendinosus.toml", "\nlatin =", '\ncolour = "red"\nlatin =')
    edit(data / "trigger_points.toml", 'muscle = "semitendinosus"', 'muscle = "nobody"')
    (data / "palpation.toml").write_text("", encoding="utf-8")
    messages = problems_of(data, svg)
    assert any("colour" in m for m in messages)
    assert any("'nobody'" in m for m in messages)
    assert any("palpation.toml" in m and "empty" in m for m in messages)


@pytest.mark.parametrize("target", ["data", "svg"])
def test_unreadable_path_is_a_message_not_a_crash(
    content_copy: tuple[Path, Path], tmp_path: Path, target: str
) -> None:
    data, svg = content_copy
    if target == "data":
        data = tmp_path / "no-such-folder"
    else:
        svg = tmp_path / "no-such.svg"
    result = run_check(data, svg)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "not found" in result.stderr


def test_an_unreadable_file_is_one_message_not_a_cascade(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    path = data / "stretches.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[[broken\n", encoding="utf-8")
    messages = problems_of(data, svg)
    assert len(messages) == 1, messages
    assert messages[0].startswith("data/stretches.toml:") and "TOML syntax error" in messages[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_content_file_that_is_a_named_pipe_is_a_message_not_a_hang(
    content_copy: tuple[Path, Path],
) -> None:
    data, svg = content_copy
    path = data / "stretches.toml"
    path.unlink()
    os.mkfifo(path)  # opened for reading, a pipe with no writer would block for good
    assert_reported(data, svg, "data/stretches.toml", "not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_plate_that_is_a_named_pipe_is_a_message_not_a_hang(
    content_copy: tuple[Path, Path],
) -> None:
    data, svg = content_copy
    svg.unlink()
    os.mkfifo(svg)
    assert_reported(data, svg, "posterior_thigh.svg", "not a regular file")


@pytest.mark.parametrize(
    ("planted", "ref"),
    [
        (
            '<image xmlns:xlink="http://www.w3.org/1999/xlink" id="leak"'
            ' xlink:href="/etc/hostname" width="10" height="10"/>',
            "/etc/hostname",
        ),
        ('<image id="leak2" href="file:///etc/passwd" width="10" height="10"/>', "file:///etc"),
        ('<use id="other" href="other.svg#muscle"/>', "other.svg#muscle"),
        (
            '<path id="_far" d="M 0 0 L 1 1 Z" style="fill:url(file:///tmp/x.svg#g)"/>',
            "file:///tmp",
        ),
        ("<style>@import url(https://example.com/a.css);</style>", "@import"),
    ],
)
def test_a_plate_that_refers_outside_itself_is_refused(
    content_copy: tuple[Path, Path], planted: str, ref: str
) -> None:
    from hamstring_viewer.atlas import load_atlas_cached
    from hamstring_viewer.problems import ContentError

    data, svg = content_copy
    text = svg.read_text(encoding="utf-8")
    svg.write_text(text.replace("</svg>", f"{planted}\n</svg>", 1), encoding="utf-8")
    assert_reported(data, svg, "posterior_thigh.svg", "outside the plate", ref)
    with pytest.raises(ContentError, match="outside the plate"):
        load_atlas_cached(data, svg, None)  # the app never opens what the plate points at


def test_an_embedded_picture_and_references_inside_the_plate_are_fine() -> None:
    from hamstring_viewer.geometry import parse_plate

    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        b' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10">'
        b'<defs><linearGradient id="g"/></defs>'
        b'<g inkscape:groupmode="layer" inkscape:label="Bones" id="layer_bones">'
        b'<path id="femur" d="M 0 0 L 5 0 L 5 5 Z" style="fill:url(#g)"/>'
        b'<use id="_copy" xlink:href="#femur"/>'
        b'<image id="_pic" href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
        b"</g></svg>"
    )
    plate, problems = parse_plate(svg)
    assert problems == [] and plate is not None and plate.has("femur")


def test_an_unbound_prefix_is_a_message_not_a_traceback(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    text = svg.read_text(encoding="utf-8")
    svg.write_text(text.replace("</svg>", '<image xlink:href="#x"/>\n</svg>', 1), encoding="utf-8")
    assert_reported(data, svg, "posterior_thigh.svg", "not well-formed XML", "unbound prefix")


@pytest.mark.parametrize("nested", ["[" * 1500 + "]" * 1500, "{ a = " * 1200 + "1" + " }" * 1200])
def test_content_nested_very_deep_is_a_message_not_a_traceback(
    content_copy: tuple[Path, Path], nested: str
) -> None:
    data, svg = content_copy
    path = data / "glossary.toml"
    path.write_text(path.read_text(encoding="utf-8") + f"\nwhatever = {nested}\n", encoding="utf-8")
    assert_reported(data, svg, "data/glossary.toml", "too deeply")


def _copies_of_copies(levels: int, fan: int) -> str:
    """``<use>`` of ``<use>``: ``fan`` copies of the level below, ``levels`` deep."""
    text = '<g id="_u0"><path id="_p0" d="M 0 0 L 1 0 L 1 1 Z"/></g>'
    for k in range(1, levels + 1):
        text += f'<g id="_u{k}">' + f'<use href="#_u{k - 1}"/>' * fan + "</g>"
    return text


@pytest.mark.parametrize(
    ("planted", "said"),
    [
        (_copies_of_copies(10, 10), "expand to more than 200,000 elements"),  # 10^10 copies
        ('<g id="_loop"><use href="#_loop"/></g>', "a loop"),
    ],
)
def test_a_plate_whose_copies_multiply_is_refused_at_once(
    content_copy: tuple[Path, Path], planted: str, said: str
) -> None:
    """A plate whose <use> copies multiply past the limit, or copy themselves, is refused with
    a message naming it and the limit, in a moment (it would keep the check busy for hours)."""
    data, svg = content_copy
    text = svg.read_text(encoding="utf-8")
    svg.write_text(text.replace("</svg>", f"{planted}\n</svg>", 1), encoding="utf-8")
    assert_reported(data, svg, "posterior_thigh.svg", said)


def test_a_few_copies_are_fine() -> None:
    from hamstring_viewer.geometry import parse_plate

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"'
        ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10">'
        '<g inkscape:groupmode="layer" inkscape:label="Bones" id="layer_bones">'
        '<path id="femur" d="M 0 0 L 5 0 L 5 5 Z"/>'
        f"{_copies_of_copies(3, 10)}</g></svg>"  # a thousand copies
    )
    plate, problems = parse_plate(svg.encode())
    assert problems == [] and plate is not None and plate.has("femur")


@pytest.mark.parametrize("box", ["nan nan inf inf", "0 0 0 0", "0 0 -5 10", "0 0 1e999 10"])
def test_a_view_box_that_is_not_a_box_is_a_message(
    content_copy: tuple[Path, Path], box: str
) -> None:
    data, svg = content_copy
    edit(svg, 'viewBox="0.0 0.0 1000.0 2180.0"', f'viewBox="{box}"')
    assert_reported(data, svg, "posterior_thigh.svg", "viewBox that is not four finite numbers")


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ('transform="scale(1e10)"', "plate sizes outside the plate"),
        ('transform="translate(0 1e9)"', "plate sizes outside the plate"),
        ('transform="matrix(0 0 0 0 0 0)"', "encloses no area"),
        ('transform="scale(1 0)"', "encloses no area"),
        ('transform="scale(nan)"', "not finite (nan)"),
        ('transform="translate(1e999)"', "not finite (1e999)"),
    ],
)
def test_a_region_its_transform_flattens_or_throws_away_is_named(
    content_copy: tuple[Path, Path], change: str, said: str
) -> None:
    """A region flattened to nothing, thrown thousands of plate sizes away or moved by a
    number that is not one is refused with the file, the line and the region's id (it was
    accepted, and drawn nowhere or everywhere)."""
    data, svg = content_copy
    edit(svg, '<path id="gracilis" ', f'<path id="gracilis" {change} ')
    assert_reported(data, svg, "posterior_thigh.svg:", "gracilis", said)


def test_a_check_tells_its_steps_as_it_goes(content_copy: tuple[Path, Path]) -> None:
    """The check command shows each step (each plate by name and number) on a terminal, and
    in a pipe each step that took over a second, so a long check is never silent."""
    data, svg = content_copy
    steps: list[str] = []
    check(data, svg, figures=True, progress=steps.append)
    assert steps[0].startswith("reading the knowledge base")
    plates = [s for s in steps if s.startswith("reading the plate")]
    assert plates and plates[0].endswith(f"(1 of {len(plates)})") and str(svg) in plates[0]
    assert steps[-1] == "checking the figures"


def test_a_region_of_too_many_segments_and_a_plate_of_too_many_elements_are_named(
    content_copy: tuple[Path, Path],
) -> None:
    """Limits with names: the segments of one region's outline, and the elements of a plate
    (made here: some megabytes each)."""
    from hamstring_viewer.geometry import MAX_EXPANDED_ELEMENTS, MAX_REGION_SEGMENTS

    data, svg = content_copy
    text = svg.read_text(encoding="utf-8")
    start = text.index(' d="', text.index('<path id="gracilis" ')) + 4
    wiggle = " ".join("l 0.001 0.001 l -0.001 0.002" for _ in range(MAX_REGION_SEGMENTS // 2))
    svg.write_text(text[:start] + f"M 300 800 {wiggle} z " + text[start:], encoding="utf-8")
    assert_reported(data, svg, "gracilis", f"more than {MAX_REGION_SEGMENTS:,}")
    crowd = "".join(
        f'<path id="_x{k}" d="M 0 0 l 1 0 l 0 1 z"/>' for k in range(MAX_EXPANDED_ELEMENTS)
    )
    svg.write_text(text.replace("</svg>", f"{crowd}</svg>", 1), encoding="utf-8")
    assert_reported(data, svg, "posterior_thigh.svg", f"more than {MAX_EXPANDED_ELEMENTS:,}")


def test_a_check_past_its_time_budget_stops_with_a_message_naming_the_step(
    content_copy: tuple[Path, Path],
) -> None:
    """The check has a time budget (--time-budget, 120 s by default): past it, it stops and
    says which step it was at, and which file."""
    data, svg = content_copy
    extra = "".join(
        f'<path id="_x{k}" d="M {k % 900} {k // 900} l 3 0 l 0 3 z"/>' for k in range(60_000)
    )
    edit(svg, "</svg>", f"{extra}</svg>")
    command = ["-m", "hamstring_viewer", "check", str(data), str(svg), "--time-budget", "0.3"]
    result = subprocess.run(
        [sys.executable, *command],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "time budget of 0.3 s" in result.stderr and "check stopped:" in result.stderr


def test_a_compiled_plate_read_in_place_outlives_its_file_being_replaced(tmp_path: Path) -> None:
    """A compiled plate is mapped, not read, where the system allows: replacing its file (as
    the app's atomic writes do) or removing it leaves the plate in use whole; a pipe is refused
    and an empty file is no plate."""
    from hamstring_viewer import resources
    from hamstring_viewer.geometry import compiled_plate_path, read_compiled_plate
    from hamstring_viewer.safefile import map_regular_file, write_atomic

    svg = resources.plate_paths()["posterior"]
    data = svg.read_bytes()
    compiled = tmp_path / "posterior.plate"
    compiled.write_bytes(compiled_plate_path(svg).read_bytes())
    plate = read_compiled_plate(svg, data, compiled)
    assert plate is not None
    write_atomic(compiled, b"something else entirely")  # replaced, as a rewrite would
    region = plate.regions[len(plate.regions) // 2]
    assert len(region.polygons) >= 1 and len(region.commands) >= 2  # still readable
    compiled.unlink()
    x, y = region.centroid_hint
    plate.hit_test(x, y)  # (no crash: the numbers are still there)
    assert read_compiled_plate(svg, data, compiled) is None  # gone: parsed again instead
    empty = tmp_path / "empty.plate"
    empty.write_bytes(b"")
    assert bytes(map_regular_file(empty)) == b""
    assert read_compiled_plate(svg, data, empty) is None
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.plate"
        os.mkfifo(pipe)
        with pytest.raises(OSError, match="not a regular file"):
            map_regular_file(pipe)
        assert read_compiled_plate(svg, data, pipe) is None


def test_a_large_compiled_plate_summed_meanwhile_is_still_refused_when_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A compiled plate large enough to be summed on a thread of its own while it is read
    (here: every plate) is used when whole and dropped when a byte of it is changed."""
    from hamstring_viewer import geometry, resources
    from hamstring_viewer.geometry import compiled_plate_path, read_compiled_plate

    monkeypatch.setattr(geometry, "_CRC_THREAD_BYTES", 0)
    svg = resources.plate_paths()["posterior"]
    data = svg.read_bytes()
    blob = bytearray(compiled_plate_path(svg).read_bytes())
    whole = tmp_path / "whole.plate"
    whole.write_bytes(bytes(blob))
    assert read_compiled_plate(svg, data, whole) is not None
    blob[len(blob) - 5] ^= 0x01  # one bit of the last number: still a plate, but not this one
    damaged = tmp_path / "damaged.plate"
    damaged.write_bytes(bytes(blob))
    assert read_compiled_plate(svg, data, damaged) is None
