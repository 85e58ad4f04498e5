"""The human figure model and data/figures.toml (no Qt)."""

from __future__ import annotations

import math
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstring_viewer.figure import (
    MUSCLE_FILL,
    MUSCLE_LIGHT,
    WINTER,
    FigureBook,
    Leg,
    Pose,
    Step,
    frame_at,
    interpolate,
    joints,
    load_figures,
    muscle_length,
    parse_figures,
    render_step,
    render_svg,
    total_duration,
    validate_figures,
    variant_box,
)
from hamstring_viewer.figurepose import coverage_problems

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "data" / "figures.toml"


@pytest.fixture(scope="module")
def book() -> FigureBook:
    got, problems = load_figures(FIGURES)
    assert problems == []
    return got


def _record_ids(name: str, table: str) -> set[str]:
    with (ROOT / "data" / name).open("rb") as fh:
        return set(tomllib.load(fh)[table])


def test_every_record_has_a_figure(book: FigureBook) -> None:
    ids = (
        _record_ids("exercises.toml", "exercise")
        | _record_ids("stretches.toml", "stretch")
        | _record_ids("techniques.toml", "technique")
    )
    assert ids
    assert ids - set(book.figures) == set()
    assert set(book.figures) - ids == set()
    assert coverage_problems(book, ids) == []
    assert validate_figures(FIGURES) == []
    assert coverage_problems(book, [*ids, "exercise_new"]) == [
        "data/figures.toml: exercise_new: no figure for this record"
    ]


def test_every_hamstring_has_its_actions(book: FigureBook) -> None:
    assert set(book.actions) == {
        "biceps_femoris_long_head",
        "biceps_femoris_short_head",
        "semitendinosus",
        "semimembranosus",
    }
    labels = {m: {v.label for v in f.variants} for m, f in book.actions.items()}
    assert labels["biceps_femoris_short_head"] == {
        "Knee flexion",
        "Lateral rotation of the flexed knee",
    }
    for m in ("semitendinosus", "semimembranosus"):
        assert "Medial rotation of the flexed knee" in labels[m]
        assert "Hip extension" in labels[m]
    assert "Lateral rotation of the flexed knee" in labels["biceps_femoris_long_head"]


def test_required_variants_and_phases(book: FigureBook) -> None:
    curl = {v.label for v in book.figures["exercise_leg_curl"].variants}
    assert {"Seated leg curl", "Lying leg curl", "Standing leg curl on the cable"} <= curl
    dead = " ".join(v.label for v in book.figures["exercise_deadlift"].variants)
    for word in ("barbell", "kettlebell", "dumbbells"):
        assert word in dead
    pnf = [s.phase for s in book.figures["stretch_pnf"].steps]
    assert "contract" in pnf and "relax" in pnf
    ball = book.figures["technique_ball_ischium"].steps[0]
    assert any(e.kind == "ball" and e.get("at") == "right_thigh_back_high" for e in ball.equipment)


def _all_steps(book: FigureBook) -> Iterator[tuple[str, str, Step]]:
    for section in (book.figures, book.actions):
        for rid, fig in section.items():
            for var in fig.variants:
                for step in var.steps:
                    yield rid, var.label, step


def test_every_figure_renders_with_its_highlight(book: FigureBook) -> None:
    n = 0
    for rid, label, step in _all_steps(book):
        svg = render_step(step)
        root = ET.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg", rid
        vb = [float(v) for v in root.attrib["viewBox"].split()]
        assert vb[2] > 0 and vb[3] > 0
        assert "width" not in root.attrib and "height" not in root.attrib
        for bad in ("<style", "filter", "mask", "clipPath", "<text", "<image"):
            assert bad not in svg, (rid, bad)
        if step.works or step.treats:
            assert MUSCLE_FILL in svg, (rid, label, step.name)
        if step.stretches:
            assert MUSCLE_LIGHT in svg, (rid, label, step.name)
        n += 1
    assert n > 40


def test_bent_back_knee_is_refused_naming_file_record_and_field() -> None:
    text = """
[figure.stretch_pnf]
[[figure.stretch_pnf.step]]
name = "start"
pose = { trunk = -90 }
[[figure.stretch_pnf.step]]
name = "contract"
pose = { knee = -40 }
"""
    got, problems = parse_figures(text, "data/figures.toml")
    assert "stretch_pnf" not in got.figures
    assert len(problems) == 1
    msg = problems[0]
    assert msg.startswith('data/figures.toml: stretch_pnf, step 2 "contract": ')
    assert "knee angle -40°" in msg and "-5° to 160°" in msg


def test_every_problem_is_reported() -> None:
    text = """
[figure.x]
colour = "red"
[[figure.x.step]]
name = "a"
pose = { right_hip = 170, elbow = "bent", wiggle = 3 }
equipment = [{ kind = "trampoline" }, { kind = "ball", at = "left_nose" },
  { kind = "bench", height = -1 }, { kind = "ball", colour = '"/><script' }]
works = ["biceps"]
view = "top"
[action.gracilis]
"""
    _, problems = parse_figures(text, "data/figures.toml")
    joined = "\n".join(problems)
    for part in (
        "unknown key 'colour'",
        "right hip angle 170°",
        "pose elbow must be a number",
        "unknown pose key 'wiggle'",
        "unknown equipment 'trampoline'",
        "unknown body point 'left_nose'",
        "bench height -1 must be above 0",
        "ball colour must be a colour like",
        "unknown muscle 'biceps'",
        "view must be one of",
        "gracilis",
    ):
        assert part in joined, part
    assert all(p.startswith("data/figures.toml: ") for p in problems)


def test_bad_toml_is_a_message() -> None:
    _, problems = parse_figures("[figure.x\n", "data/figures.toml")
    assert problems and problems[0].startswith("data/figures.toml: not valid TOML")


def test_interpolate_ends_and_middle() -> None:
    a = Pose(trunk=10.0, right_leg=Leg(hip=0.1, knee=0.3), x=0.1)
    b = Pose(trunk=50.0, right_leg=Leg(hip=90.0, knee=120.0), x=0.3, support_y=0.2)
    assert interpolate(a, b, 0.0) == a
    assert interpolate(a, b, 1.0) == b
    mid = interpolate(a, b, 0.5)
    assert mid.trunk == pytest.approx(30.0)
    # eased: slower at the ends than linear
    assert interpolate(a, b, 0.1).trunk < 10.0 + 0.1 * 40.0


def test_render_is_deterministic(book: FigureBook) -> None:
    step = book.figures["exercise_leg_curl"].variants[1].steps[1]
    assert render_step(step) == render_step(step)
    pose = interpolate(step.pose, book.figures["exercise_leg_curl"].variants[1].steps[0].pose, 0.3)
    assert render_step(step, pose) == render_step(step, pose)
    assert render_svg(Pose()) == render_svg(Pose())


def test_standing_forward_kinematics() -> None:
    j = joints(Pose())
    for side in ("left", "right"):
        assert j[f"{side}_ankle"][0] == pytest.approx(j[f"{side}_hip"][0], abs=1e-9)
        assert math.dist(j[f"{side}_hip"], j[f"{side}_knee"]) == pytest.approx(WINTER["thigh"])
        assert math.dist(j[f"{side}_knee"], j[f"{side}_ankle"]) == pytest.approx(WINTER["shank"])
        assert math.dist(j[f"{side}_shoulder"], j[f"{side}_elbow"]) == pytest.approx(
            WINTER["upper_arm"]
        )
        assert math.dist(j[f"{side}_elbow"], j[f"{side}_wrist"]) == pytest.approx(WINTER["forearm"])
    assert j["right_hip"][1] == pytest.approx(WINTER["hip_height"], abs=0.005)
    assert j["right_knee"][1] == pytest.approx(WINTER["knee_height"], abs=0.005)
    assert j["right_ankle"][1] == pytest.approx(WINTER["ankle_height"], abs=0.005)
    assert j["right_shoulder"][1] == pytest.approx(WINTER["shoulder_height"], abs=0.005)
    assert j["head_top"][1] == pytest.approx(1.0, abs=0.01)
    back = joints(Pose(), "back")
    assert back["right_hip"][0] > back["left_hip"][0]  # seen from behind: right on the right


def test_joint_directions() -> None:
    j = joints(Pose(right_leg=Leg(hip=90.0, knee=90.0)))
    # hip flexed 90: the knee in front of the hip at hip height; knee flexed 90: shank down
    assert j["right_knee"][0] - j["right_hip"][0] == pytest.approx(WINTER["thigh"])
    assert j["right_knee"][1] == pytest.approx(j["right_hip"][1])
    assert j["right_ankle"][0] == pytest.approx(j["right_knee"][0])
    prone = joints(Pose(trunk=90.0, support=("trunk",)))
    assert prone["head"][0] > prone["pelvis"][0] > prone["right_knee"][0]


def test_hamstrings_shorten_as_they_work() -> None:
    straight = Pose()
    bent = Pose(right_leg=Leg(knee=100.0))
    extended = Pose(right_leg=Leg(hip=-20.0))
    for m in (
        "biceps_femoris_long_head",
        "biceps_femoris_short_head",
        "semitendinosus",
        "semimembranosus",
    ):
        assert muscle_length(bent, m) < muscle_length(straight, m) * 0.95, m
    for m in ("biceps_femoris_long_head", "semitendinosus", "semimembranosus"):
        assert muscle_length(extended, m) < muscle_length(Pose(right_leg=Leg(hip=25.0)), m), m
    # the short head does not cross the hip
    assert muscle_length(extended, "biceps_femoris_short_head") == pytest.approx(
        muscle_length(straight, "biceps_femoris_short_head")
    )


def test_action_highlight_is_drawn_shorter(book: FigureBook) -> None:
    var = next(v for v in book.actions["semitendinosus"].variants if v.label == "Knee flexion")
    start, end = var.steps[0], var.steps[-1]
    assert muscle_length(end.pose, "semitendinosus") < muscle_length(start.pose, "semitendinosus")
    assert render_step(start) != render_step(end)


def test_timeline_follows_the_steps_durations(book: FigureBook) -> None:
    var = book.figures["exercise_leg_curl"].variants[0]
    start, curl, ret = var.steps
    assert frame_at(var, 0.0) == (0, start.pose)
    assert total_duration(var) == pytest.approx(start.duration_s + curl.duration_s + ret.duration_s)
    i, pose = frame_at(var, start.duration_s + curl.duration_s / 2)
    assert i == 1 and curl.cue.startswith("Breathe out")
    knee = pose.right_leg.knee
    assert start.pose.right_leg.knee < knee < curl.pose.right_leg.knee
    i, pose = frame_at(var, total_duration(var) + 5)
    assert i == 2 and pose == ret.pose


def test_figure_modules_are_qt_free() -> None:
    import ast
    import sys

    for name in ("figure.py", "figurepose.py"):
        tree = ast.parse((ROOT / "hamstring_viewer" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            mods: list[str] = []
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mods = [node.module or ""]
            for mod in mods:
                top = mod.split(".")[0]
                # (i18n is stdlib-only too: the language its captions are shown in)
                assert top in sys.stdlib_module_names or mod in {
                    "hamstring_viewer.figurepose",
                    "hamstring_viewer.i18n",
                }, (
                    name,
                    mod,
                )


def test_problem_in_a_variant_names_the_variant_and_step() -> None:
    text = """
[figure.exercise_leg_curl]
[[figure.exercise_leg_curl.variant]]
label = "Lying leg curl"
[[figure.exercise_leg_curl.variant.step]]
name = "start"
pose = { trunk = 90 }
[[figure.exercise_leg_curl.variant.step]]
name = "curl"
pose = { right_knee = 170 }
"""
    _, problems = parse_figures(text, "data/figures.toml")
    assert problems == [
        'data/figures.toml: exercise_leg_curl, variant 1 "Lying leg curl", step 2 "curl": '
        "right knee angle 170° is outside the human range (-5° to 160°)"
    ]


def test_animation_frames_share_one_view_box(book: FigureBook) -> None:
    var = book.figures["exercise_leg_curl"].variants[1]
    box = variant_box(var)
    boxes = set()
    for t in (0.0, 1.0, 2.0, 3.5, 5.0):
        i, pose = frame_at(var, t)
        svg = render_step(var.steps[i], pose, box)
        boxes.add(ET.fromstring(svg).attrib["viewBox"])
    assert len(boxes) == 1
    x0, y0, x1, y1 = box
    for st in var.steps:
        vb = [float(v) / 1000 for v in ET.fromstring(render_step(st)).attrib["viewBox"].split()]
        assert x0 <= vb[0] + 1e-3 and vb[0] + vb[2] <= x1 + 1e-3
        assert -y1 <= vb[1] + 1e-3 and vb[1] + vb[3] <= -y0 + 1e-3
