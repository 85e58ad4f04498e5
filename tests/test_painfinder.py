"""The pain finder: drawings, ranking, look-alikes and comparison (Qt-free, no timings).

Points on the shipped plate are found from its geometry (sample points of a zone), never typed in,
so the tests follow the plate if the illustrator moves a zone. Exact numbers come from small
inline plates and from a brute-force count of raster cells (cell centres tested one by one with
``Region.contains``) set against the finder's bit-set arithmetic.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import across

from hamstring_viewer.catalog import Atlas, check
from hamstring_viewer.geometry import Point, Region, parse_plate, sample_points
from hamstring_viewer.painfinder import (
    AREA_WEIGHT,
    CELL,
    ESSENTIAL_WEIGHT,
    SPILLOVER_WEIGHT,
    Dab,
    Match,
    PainDrawing,
    PainFinder,
    compare,
    height_to_y,
    lookalikes,
    rank,
)
from hamstring_viewer.records import (
    Fact,
    KnowledgeBase,
    LookAlikeCause,
    LookAlikeTrigger,
    ReferralZone,
    TriggerPoint,
)

T0 = "2024-05-01T09:00:00+00:00"
T1 = "2024-05-15T09:00:00+00:00"
MEDIAL = {"tp_semitendinosus", "tp_semimembranosus_upper", "tp_semimembranosus_lower"}
BICEPS = {"tp_biceps_femoris_long_head", "tp_biceps_femoris_short_head"}
ZONES = (
    "zone_medial_hamstrings_essential",
    "zone_medial_hamstrings_spillover",
    "zone_biceps_femoris_essential",
    "zone_biceps_femoris_spillover",
)


# --------------------------------------------------------------------------------------------
# Helpers: points from the plate's geometry, and a brute-force raster oracle


def only_in(atlas: Atlas, zone_id: str, where: Iterable[Point] | None = None) -> list[Point]:
    """Sample points of a zone that lie in no other referral zone (the neighbours' included)."""
    region = atlas.plate.region(zone_id)
    others = [
        atlas.plate.region(z.svg_id)
        for z in atlas.kb.zones.values()
        if z.svg_id != zone_id and atlas.plate.has(z.svg_id)
    ]
    points = sample_points(region, 4.0) if where is None else where
    return [p for p in points if region.contains(*p) and not any(o.contains(*p) for o in others)]


def middle(points: list[Point]) -> Point:
    """The point nearest the mean of ``points``."""
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    return min(points, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)


def disc_cells(x: float, y: float, r: float) -> set[tuple[int, int]]:
    """Raster cells (col, row) whose centre lies in the circle, counted one by one."""
    out = set()
    for row in range(math.floor((y - r) / CELL) - 1, math.ceil((y + r) / CELL) + 1):
        for col in range(math.floor((x - r) / CELL) - 1, math.ceil((x + r) / CELL) + 1):
            cx, cy = (col + 0.5) * CELL, (row + 0.5) * CELL
            if (cx - x) ** 2 + (cy - y) ** 2 <= r * r:
                out.add((col, row))
    return out


def share_in(cells: set[tuple[int, int]], region: Region) -> float:
    inside = sum(region.contains((c + 0.5) * CELL, (r + 0.5) * CELL) for c, r in cells)
    return inside / len(cells)


def drawing(*marks: Point, dabs: Iterable[Dab] = (), created: str = T0) -> PainDrawing:
    return PainDrawing(created=created, marks=tuple(marks), dabs=tuple(dabs))


def ids(matches: list[Match]) -> list[str]:
    return [m.trigger_point for m in matches]


# --------------------------------------------------------------------------------------------
# Ranking on the shipped atlas


@pytest.mark.parametrize("zone_id", ZONES)
def test_zone_coverage_agrees_cell_by_cell_with_the_plate(atlas: Atlas, zone_id: str) -> None:
    region = atlas.plate.region(zone_id)
    x0, y0, x1, y1 = region.bbox
    dab = Dab((x0 + x1) / 2, (y0 + y1) / 2, math.hypot(x1 - x0, y1 - y0) / 2 + CELL)
    # the whole zone, and some more (a tall zone's disc reaches past the plate's edge, which
    # the finder leaves out: only cells on the plate count)
    cells = disc_cells(dab.x, dab.y, dab.radius)
    painted = {(c, r) for c, r in cells if 0 <= c < 200 and 0 <= r < 436}
    matches = [
        m
        for m in rank(atlas, drawing(dabs=[dab]))
        if zone_id in m.essential_zones + m.spillover_zones
    ]
    assert matches
    match = matches[0]
    if zone_id in match.essential_zones:
        assert match.essential_fraction == share_in(painted, region)
    else:  # the spillover share leaves out what the essential zone already covers
        essential = atlas.plate.region(match.essential_zones[0])
        inside = sum(
            region.contains(x, y) and not essential.contains(x, y)
            for x, y in ((c * CELL + CELL / 2, r * CELL + CELL / 2) for c, r in painted)
        )
        assert match.spillover_fraction == inside / len(painted)


def test_a_mark_at_the_gluteal_fold_ranks_the_medial_hamstrings_first(atlas: Atlas) -> None:
    fold = middle(only_in(atlas, "zone_medial_hamstrings_essential"))
    matches = rank(atlas, drawing(fold))
    assert set(ids(matches)) == MEDIAL
    for m in matches:
        assert atlas.kb.trigger_points[m.trigger_point].muscle in {
            "semitendinosus",
            "semimembranosus",
        }
        assert m.score == ESSENTIAL_WEIGHT
        assert m.essential_marks == (0,) and m.spillover_marks == ()
        assert m.essential_zones == ("zone_medial_hamstrings_essential",)
        assert m.spillover_zones == ("zone_medial_hamstrings_spillover",)
        assert m.explain() == "1 mark in the essential zone"
    # equal scores: the X mark nearest the pain comes first
    distances = [m.distance for m in matches]
    assert distances == sorted(distances)


def test_a_mark_at_the_back_of_the_knee_ranks_biceps_femoris_and_a_knee_muscle_first(
    atlas: Atlas,
) -> None:
    # the middle of the knee hollow: biceps femoris, and the muscles of the hollow's floor and
    # lower borders (gastrocnemius, popliteus, plantaris) all send pain there
    zone = atlas.plate.region("zone_biceps_femoris_essential")
    knee = zone.centroid_hint
    assert zone.contains(*knee)
    matches = rank(atlas, drawing(knee))
    top4 = ids(matches)[:4]
    assert set(top4) >= BICEPS
    assert {"tp_gastrocnemius_lateral", "tp_popliteus"} & set(top4)
    assert all(m.score == ESSENTIAL_WEIGHT for m in matches[:4])
    muscles = {atlas.kb.trigger_points[i].muscle for i in ids(matches)}
    assert not muscles & {"semitendinosus", "semimembranosus"}
    # with a medial spillover mark as well, biceps femoris still leads
    inner_knee = middle(only_in(atlas, "zone_medial_hamstrings_spillover"))
    both = rank(atlas, drawing(knee, inner_knee))
    assert set(ids(both)[:2]) == BICEPS
    medial = [m for m in both if m.trigger_point in MEDIAL]
    assert len(medial) == 3 and all(m.score == 1.0 and m.spillover_marks == (1,) for m in medial)


def test_marks_down_the_outer_back_of_the_leg_rank_gluteus_minimus_high(atlas: Atlas) -> None:
    # "pseudo-sciatica": from the buttock down the outer back of the thigh into the calf
    path = [
        ("gluteus_maximus", 88.0),
        ("gluteus_maximus", 83.0),
        *(("biceps_femoris_long_head", cm) for cm in (76.0, 70.0, 64.0, 58.0)),
        ("gastrocnemius_lateral_head", 40.0),
        ("gastrocnemius_lateral_head", 34.0),
    ]
    marks = [across(atlas, region, cm, 0.7) for region, cm in path]
    top3 = ids(rank(atlas, drawing(*marks)))[:3]
    assert "tp_gluteus_minimus_posterior" in top3


def test_painting_the_lateral_calf_brings_biceps_femoris_up(atlas: Atlas) -> None:
    inner_knee = middle(only_in(atlas, "zone_medial_hamstrings_spillover"))
    before = drawing(inner_knee)
    assert set(ids(rank(atlas, before))) == MEDIAL

    spill = atlas.plate.region("zone_biceps_femoris_spillover")
    below_knee = height_to_y(44.0)  # the calf part of the biceps spillover zone
    calf = middle([p for p in sample_points(spill) if p[1] > below_knee])
    dab = Dab(calf[0], calf[1], 40.0)
    after = PainDrawing(T0, before.marks, (dab,))
    matches = rank(atlas, after)
    order = ids(matches)
    assert max(order.index(i) for i in BICEPS) < min(order.index(i) for i in MEDIAL)
    top = next(m for m in matches if m.trigger_point in BICEPS)
    expected = share_in(disc_cells(dab.x, dab.y, dab.radius), spill)
    assert 0.5 < expected <= 1.0
    assert top.spillover_fraction == expected
    assert top.essential_fraction == 0.0 and top.essential_marks == top.spillover_marks == ()
    assert top.score == round(AREA_WEIGHT * SPILLOVER_WEIGHT * expected, 6)
    assert re.fullmatch(r"(over )?\d+% of the painted area in the spillover zone", top.explain())


def test_the_eraser_removes_coverage(atlas: Atlas) -> None:
    fold = middle(only_in(atlas, "zone_medial_hamstrings_essential"))
    knee = atlas.plate.region("zone_biceps_femoris_essential").centroid_hint
    painted = drawing(dabs=[Dab(*fold, 20.0), Dab(*knee, 20.0)])
    assert set(ids(rank(atlas, painted))) >= MEDIAL | BICEPS

    rubbed = painted.with_dab(*knee, 30.0, erase=True)
    matches = rank(atlas, rubbed)
    assert set(ids(matches)) >= MEDIAL and not BICEPS & set(ids(matches))
    region = atlas.plate.region("zone_medial_hamstrings_essential")
    assert matches[0].trigger_point in MEDIAL
    assert matches[0].essential_fraction == share_in(disc_cells(*fold, 20.0), region)
    finder = PainFinder(atlas)
    assert finder.area_cm2(rubbed) < finder.area_cm2(painted)

    gone = rubbed.with_dab(*fold, 30.0, erase=True)
    assert rank(atlas, gone) == []
    assert lookalikes(atlas, gone) == []
    assert finder.area_cm2(gone) == 0.0
    assert not gone.is_blank  # it has painting dabs, all rubbed out: only the finder can tell

    repainted = gone.with_dab(*knee, 20.0)  # dabs apply in order
    assert set(ids(rank(atlas, repainted))) >= BICEPS
    assert not MEDIAL & set(ids(rank(atlas, repainted)))


def test_an_empty_drawing_finds_nothing(atlas: Atlas) -> None:
    empty = drawing()
    assert empty.is_blank
    assert rank(atlas, empty) == []
    assert lookalikes(atlas, empty) == []
    eraser_only = empty.with_dab(500, 800, 40, erase=True)
    assert eraser_only.is_blank
    assert rank(atlas, eraser_only) == [] and lookalikes(atlas, eraser_only) == []


def test_marks_off_the_plate_or_outside_every_zone_score_nothing(atlas: Atlas) -> None:
    assert rank(atlas, drawing((-500.0, -500.0), (5000.0, 99999.0))) == []
    assert rank(atlas, drawing(dabs=[Dab(-300, -300, 50)])) == []


# --------------------------------------------------------------------------------------------
# Look-alikes on the shipped atlas


def test_a_buttock_mark_raises_piriformis_and_the_gluteals(atlas: Atlas) -> None:
    plate = atlas.plate
    gluteus = plate.region("gluteus_maximus")
    zones = [plate.region(z) for z in ZONES]
    candidates = [
        p
        for p in sample_points(plate.region("piriformis"), 4.0)
        if gluteus.contains(*p) and not any(z.contains(*p) for z in zones)
    ]
    buttock = middle(candidates)
    found = lookalikes(atlas, drawing(buttock))
    assert [la.id for la in found][:2] == ["lookalike_red_flags", "lookalike_piriformis"]
    assert "sciatic_nerve" in found[1].cause.structures
    # the gluteal muscles and piriformis are ranked themselves now, not only named
    ranked = {atlas.kb.trigger_points[i].muscle for i in ids(rank(atlas, drawing(buttock)))}
    assert {"piriformis", "gluteus_maximus"} <= ranked


def test_pain_below_the_knee_running_down_the_calf_raises_sciatica(atlas: Atlas) -> None:
    sciatica = atlas.kb.lookalikes["lookalike_sciatica"]
    x = atlas.plate.region("tibial_nerve").centroid_hint[0]
    calf = [(x, height_to_y(cm)) for cm in (42.0, 36.0, 30.0, 24.0)]
    found = {la.id: la for la in lookalikes(atlas, drawing(*calf))}
    assert "lookalike_sciatica" in found
    assert found["lookalike_sciatica"].reasons == (sciatica.when[0].reason, sciatica.when[1].reason)
    assert "numbness" in found["lookalike_sciatica"].warning.text

    # one mark in the upper calf alone does not (it is within the hamstring patterns)
    one = lookalikes(atlas, drawing((x, height_to_y(40.0))))
    assert "lookalike_sciatica" not in [la.id for la in one]

    # pain painted down the whole back of the thigh does, by its length
    top, bottom = height_to_y(84.0), height_to_y(50.0)
    strip = [Dab(450.0, top + i * (bottom - top) / 10, 30.0) for i in range(11)]
    long = {la.id: la for la in lookalikes(atlas, drawing(dabs=strip))}
    assert long["lookalike_sciatica"].reasons == (sciatica.when[2].reason,)


def test_a_knee_mark_raises_the_knee_but_not_the_buttock(atlas: Atlas) -> None:
    knee = atlas.plate.region("zone_biceps_femoris_essential").centroid_hint
    found = [la.id for la in lookalikes(atlas, drawing(knee))]
    assert found[0] == "lookalike_red_flags"
    assert "lookalike_knee_joint" in found
    assert "lookalike_piriformis" not in found and "lookalike_sacroiliac_and_hip" not in found


def test_the_red_flags_come_first_with_anything_marked(atlas: Atlas) -> None:
    for marked in (drawing((500.0, 800.0)), drawing(dabs=[Dab(500, 800, 10)])):
        first = lookalikes(atlas, marked)[0]
        assert first.kind == "red_flags" and first.reasons == ()
        warning = first.warning.text.lower()
        for sign in ("injury", "numbness", "tingling", "weakness", "down the leg", "night"):
            assert sign in warning, sign
        assert "two weeks" in warning


def test_every_lookalike_names_its_sources_and_a_professional(atlas: Atlas) -> None:
    kb = atlas.kb
    assert len(kb.lookalikes) >= 6
    kinds = [la.kind for la in kb.lookalikes.values()]
    assert kinds.count("red_flags") == 1
    for la in kb.lookalikes.values():
        for fact in (la.text, la.warning):
            assert fact.text and fact.sources, la.id
            assert set(fact.sources) <= set(kb.sources), la.id
        assert set(la.structures) <= set(kb.structures), la.id
        warning = la.warning.text.lower()
        helpers = ("doctor", "professional", "physiotherapist", "emergency department")
        assert any(w in warning for w in helpers), la.id
        for trigger in la.when:
            assert all(atlas.plate.has(r) for r in trigger.regions), la.id
        if la.kind == "lookalike":
            assert la.when, la.id
        if la.kind == "warning":
            assert la.ask and la.urgency in ("emergency", "now", "soon"), la.id
            assert la.stops_massage, la.id


# --------------------------------------------------------------------------------------------
# Comparing drawings


def test_compare_a_later_drawing_with_an_earlier_one(atlas: Atlas) -> None:
    fold = middle(only_in(atlas, "zone_medial_hamstrings_essential"))
    knee = atlas.plate.region("zone_biceps_femoris_essential").centroid_hint
    before = drawing(fold, knee, created=T0)
    after = PainDrawing(T1, (knee,), (Dab(*knee, 20.0),), label="two weeks on")
    result = compare(atlas, before, after)
    assert result.days == 14.0
    assert set(result.rose) >= BICEPS
    assert set(result.gone) >= MEDIAL
    assert result.fell == ()
    ranked_after = ids(rank(atlas, after))
    assert [c.trigger_point for c in result.changes][: len(ranked_after)] == ranked_after
    assert set(result.new) == {c.trigger_point for c in result.changes if c.rank_before is None}
    biceps = result.changes[0]
    assert biceps.rank_before is not None and biceps.rank_after == 1
    assert biceps.score_before == ESSENTIAL_WEIGHT and biceps.score_after > ESSENTIAL_WEIGHT
    cells = len(disc_cells(*knee, 20.0))
    assert result.area_before_cm2 == 0.0
    assert result.area_after_cm2 == result.area_added_cm2 == cells * (CELL / 20) ** 2
    assert result.area_removed_cm2 == 0.0 and result.area_change_cm2 > 0
    before_ids = {la.id for la in lookalikes(atlas, before)}
    after_ids = {la.id for la in lookalikes(atlas, after)}
    assert set(result.lookalikes_added) == after_ids - before_ids
    assert set(result.lookalikes_removed) == before_ids - after_ids

    same = compare(atlas, before, before)
    assert {c.trend for c in same.changes} == {"same"}
    assert same.area_change_cm2 == 0.0 and same.days == 0.0


def test_compare_days_unknown_when_only_one_time_has_a_zone(atlas: Atlas) -> None:
    result = compare(atlas, drawing(created="2024-05-01T09:00:00"), drawing(created=T1))
    assert result.days is None
    assert result.changes == ()


# --------------------------------------------------------------------------------------------
# Exact numbers on a small inline plate

SYNTHETIC_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" '
    'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 200 200">'
    '<g inkscape:groupmode="layer" inkscape:label="Superficial muscles">'
    '<path id="buttock" d="M 0 0 H 200 V 20 H 0 Z"/>'
    "</g>"
    '<g inkscape:groupmode="layer" inkscape:label="Referral zones">'
    '<path id="za_ess" d="M 0 0 H 100 V 100 H 0 Z"/>'
    '<path id="za_spill" d="M 0 90 H 100 V 200 H 0 Z"/>'
    '<path id="zb_ess" d="M 100 0 H 200 V 50 H 100 Z"/>'
    '<path id="zb_spill" fill-rule="evenodd" d="M 50 50 H 200 V 200 H 50 Z M 150 150 H 190 V 190'
    ' H 150 Z"/>'
    "</g>"
    '<g inkscape:groupmode="layer" inkscape:label="Trigger points">'
    '<path id="tp_a1" d="M 40 140 H 50 V 150 H 40 Z"/>'
    '<path id="tp_a2" d="M 60 160 H 70 V 170 H 60 Z"/>'
    '<path id="tp_b" d="M 150 100 H 160 V 110 H 150 Z"/>'
    "</g></svg>"
)


def _fact(text: str) -> Fact:
    return Fact(text=text, sources=("src",))


def _zone(zid: str, kind: str) -> ReferralZone:
    return ReferralZone(zid, zid, kind, zid, ("m",), ("r",), _fact("d"), ("src",))


def _tp(tid: str, zones: tuple[str, ...]) -> TriggerPoint:
    return TriggerPoint(
        tid, tid, f"muscle_{tid[3]}", tid, "superficial", _fact("l"), zones, _fact("p"), (), (), ()
    )


@pytest.fixture(scope="module")
def small() -> Atlas:
    plate, problems = parse_plate(SYNTHETIC_SVG.encode())
    assert problems == [] and plate is not None
    kb = KnowledgeBase(
        zones={
            z.id: z
            for z in (
                _zone("za_ess", "essential"),
                _zone("za_spill", "spillover"),
                _zone("zb_ess", "essential"),
                _zone("zb_spill", "spillover"),
            )
        },
        trigger_points={
            t.id: t
            for t in (
                _tp("tp_a1", ("za_ess", "za_spill")),
                _tp("tp_a2", ("za_ess", "za_spill")),
                _tp("tp_b", ("zb_ess", "zb_spill")),
            )
        },
        lookalikes={
            "flags": LookAlikeCause(
                "flags", "Flags", "red_flags", _fact("t"), _fact("see a doctor"), (), (), ("src",)
            ),
            "bottom": LookAlikeCause(
                "bottom",
                "Bottom",
                "lookalike",
                _fact("t"),
                _fact("w"),
                (),
                (
                    LookAlikeTrigger("in the buttock", regions=("buttock",)),
                    # heights 103 to 100 cm are plate Y 80 to 140
                    LookAlikeTrigger("low and long", band_cm=(103.0, 100.0), min_span_cm=5.0),
                ),
                ("src",),
            ),
        },
    )
    return Atlas(kb, plate)


def test_exact_fractions_of_a_dab_across_zone_borders(small: Atlas) -> None:
    # a dab centred on the border of za_ess/za_spill (y 100) and on the left edge of zb_spill
    # (x 50): half its cells lie on each side of both borders (cell centres are never on them)
    matches = PainFinder(small).rank(drawing(dabs=[Dab(50.0, 100.0, 20.0)]))
    assert ids(matches) == ["tp_a1", "tp_a2", "tp_b"]
    a1, a2, b = matches
    assert (a1.essential_fraction, a1.spillover_fraction) == (0.5, 0.5)
    assert a1.score == a2.score == AREA_WEIGHT * (ESSENTIAL_WEIGHT * 0.5 + SPILLOVER_WEIGHT * 0.5)
    assert (b.essential_fraction, b.spillover_fraction) == (0.0, 0.5)
    assert b.score == AREA_WEIGHT * SPILLOVER_WEIGHT * 0.5 == 5.0
    assert a1.explain() == (
        "50% of the painted area in the essential zone, 50% of the painted area in the "
        "spillover zone"
    )


def test_a_mark_in_essential_and_spillover_of_one_pattern_counts_once(small: Atlas) -> None:
    # (20, 95) is in za_ess and in za_spill (they overlap from y 90 to 100)
    a1, _ = PainFinder(small).rank(drawing((20.0, 95.0)))
    assert a1.essential_marks == (0,) and a1.spillover_marks == ()
    assert a1.score == ESSENTIAL_WEIGHT


def test_ties_go_to_the_nearest_x_mark_then_to_record_order(small: Atlas) -> None:
    finder = PainFinder(small)
    # (75, 150): za_spill and zb_spill, one point each; tp_a2 (65, 165) is nearest
    assert ids(finder.rank(drawing((75.0, 150.0)))) == ["tp_a2", "tp_a1", "tp_b"]
    # (55, 155) is as far from tp_a1 (45, 145) as from tp_a2 (65, 165): record order
    matches = finder.rank(drawing((55.0, 155.0)))
    assert ids(matches) == ["tp_a1", "tp_a2", "tp_b"]
    assert matches[0].distance == matches[1].distance


def test_an_evenodd_hole_is_not_part_of_the_zone(small: Atlas) -> None:
    finder = PainFinder(small)
    assert ids(finder.rank(drawing((170.0, 170.0)))) == []  # in the hole of zb_spill
    assert ids(finder.rank(drawing((140.0, 170.0)))) == ["tp_b"]
    hole = finder.rank(drawing(dabs=[Dab(170.0, 170.0, 15.0)]))
    assert hole == []  # every cell centre of the dab is inside the hole (150..190)


def test_synthetic_lookalikes_by_region_band_and_span(small: Atlas) -> None:
    finder = PainFinder(small)

    def found(d: PainDrawing) -> dict[str, tuple[str, ...]]:
        return {la.id: la.reasons for la in finder.lookalikes(d)}

    assert height_to_y(103.0) == 80.0 and height_to_y(100.0) == 140.0
    assert found(drawing((10.0, 10.0))) == {"flags": (), "bottom": ("in the buttock",)}
    # in the band, but the drawing is shorter than 5 cm (100 units)
    assert found(drawing((10.0, 100.0))) == {"flags": ()}
    # in the band and 105 units (5.25 cm) long
    assert found(drawing((10.0, 90.0), (10.0, 195.0))) == {
        "flags": (),
        "bottom": ("low and long",),
    }
    # a painted area touches the buttock with 1 cm² (16 cells) or more, or all of itself
    assert found(drawing(dabs=[Dab(100.0, 30.0, 15.0)])) == {"flags": ()}  # 4 cells in it
    assert found(drawing(dabs=[Dab(100.0, 25.0, 20.0)]))["bottom"] == ("in the buttock",)  # 18
    assert found(drawing(dabs=[Dab(102.5, 12.5, 2.0)]))["bottom"] == ("in the buttock",)  # 1 of 1


# --------------------------------------------------------------------------------------------
# The drawing value


def test_drawing_round_trips_through_dict_and_json() -> None:
    original = PainDrawing(
        created="2024-05-01T09:30:00+02:00",
        marks=((412.5, 600.0), (500, 1100)),
        dabs=(Dab(450, 700, 40), Dab(455.5, 710, 20, erase=True)),
        label="After the long drive",
    )
    data = original.to_dict()
    assert data["version"] == 1
    assert data["marks"] == [[412.5, 600.0], [500.0, 1100.0]]
    assert data["dabs"] == [
        {"x": 450, "y": 700, "radius": 40, "erase": False},
        {"x": 455.5, "y": 710, "radius": 20, "erase": True},
    ]
    assert PainDrawing.from_dict(json.loads(json.dumps(data))) == original
    assert PainDrawing.from_json(original.to_json()) == original
    assert PainDrawing.from_dict({"version": 1, "created": T0}) == drawing()
    # the user-data store keeps each drawing with an id and a date of its own
    stored = {"id": "a1b2", "date": "2024-05-01T09:31:00+00:00", **data}
    assert PainDrawing.from_dict(stored) == original


def _good() -> dict[str, object]:
    return {
        "version": 1,
        "created": T0,
        "label": "",
        "marks": [[1, 2], [3, 4]],
        "dabs": [{"x": 1, "y": 2, "radius": 3}],
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("marks", [[1, 2], [3]], "field 'marks[1]': must be a point [x, y]"),
        ("marks", [[1, 2], [3, "4"]], "field 'marks[1][1]': must be a number, not text"),
        ("marks", [[1, float("nan")]], "field 'marks[0][1]': must be a finite number"),
        ("marks", {"x": 1}, "field 'marks': must be a list of points"),
        ("dabs", [{"x": 1, "y": 2, "radius": -3}], "field 'dabs[0].radius': must be more than 0"),
        ("dabs", [{"x": 1, "y": 2}], "field 'dabs[0].radius': required field is missing"),
        ("dabs", [{"x": True, "y": 2, "radius": 3}], "field 'dabs[0].x': must be a number"),
        (
            "dabs",
            [{"x": 1, "y": 2, "radius": 3, "erase": "yes"}],
            "field 'dabs[0].erase': must be true or false, not text",
        ),
        ("dabs", [{"x": 1, "y": 2, "radius": 3, "size": 1}], "field 'dabs[0].size': unknown"),
        ("created", "yesterday", "field 'created': 'yesterday' is not an ISO 8601 date"),
        ("created", 20240501, "field 'created': must be text, not a number"),
        ("label", ["a"], "field 'label': must be text, not a list"),
        ("version", 2, "field 'version': unsupported version 2"),
        ("colour", "red", "field 'colour': unknown field"),
    ],
)
def test_from_dict_names_the_bad_field(field: str, value: object, message: str) -> None:
    data = _good()
    data[field] = value
    with pytest.raises(ValueError, match=r"^pain drawing: ") as caught:
        PainDrawing.from_dict(data)
    assert message in str(caught.value)


def test_from_dict_rejects_what_is_not_a_drawing() -> None:
    with pytest.raises(ValueError, match="must be a JSON object, not a list"):
        PainDrawing.from_dict([1, 2])
    with pytest.raises(ValueError, match="field 'version': required field is missing"):
        PainDrawing.from_dict({"created": T0})
    with pytest.raises(ValueError, match="not valid JSON"):
        PainDrawing.from_json("{'version': 1")


def test_drawing_edits_return_new_values_with_an_injected_clock() -> None:
    start = PainDrawing.start(lambda: datetime(2024, 5, 1, 9, 30, 15, 999, tzinfo=UTC), "knee")
    assert start.created == "2024-05-01T09:30:15+00:00" and start.label == "knee"
    assert start.is_blank
    marked = start.with_mark(10, 20).with_mark(30, 40).with_dab(5, 5, 8)
    assert start.marks == () and marked.marks == ((10.0, 20.0), (30.0, 40.0))
    assert marked.without_mark(0).marks == ((30.0, 40.0),)
    with pytest.raises(IndexError):
        marked.without_mark(2)
    cleared = marked.cleared()
    assert cleared == start and cleared.is_blank
    assert marked.with_label("later").label == "later"
    with pytest.raises(ValueError, match=r"field 'dab\.radius'"):
        Dab(1, 2, 0)
    with pytest.raises(ValueError, match="field 'marks\\[0\\]\\[0\\]'"):
        start.with_mark(math.inf, 1)


# --------------------------------------------------------------------------------------------
# The look-alike table is checked like every other table


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(data: Path, svg: Path) -> list[str]:
    return [str(p) for p in check(data, svg)[1]]


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        (
            "band_cm = [55.0, 42.0]",
            'band_cm = [55.0, "knee"]',
            ("record 'lookalike_knee_joint'", "field 'when[0].band_cm'", "two heights"),
        ),
        (
            'regions = ["piriformis", "gluteus_maximus"]',
            'regions = ["piriformis", "gluteus_maximum"]',
            ("field 'when[0].regions'", "'gluteus_maximum', which is not on any of the plates"),
        ),
        (
            'structures = ["piriformis", "sciatic_nerve"]',
            'structures = ["piriformis", "sciatic_nerv"]',
            ("record 'lookalike_piriformis'", "field 'structures'", "'sciatic_nerv'"),
        ),
        (
            'sources = ["ref_davies", "ref_okstate_sciatic_nerve"] }',
            'sources = ["ref_davies", "ref_nobody"] }',
            ("field 'warning[0].sources'", "'ref_nobody' is not a known source"),
        ),
        (
            'kind = "red_flags"',
            'kind = "urgent"',
            ("record 'lookalike_red_flags'", "field 'kind'", "'urgent' is not one of"),
        ),
        (
            "min_span_cm = 30.0",
            "min_span_cm = 30.0\nbold = true",
            ("field 'when[2].bold'", "unknown field"),
        ),
    ],
)
def test_bad_lookalike_content_is_reported_by_file_record_and_field(
    content_copy: tuple[Path, Path], old: str, new: str, fragments: tuple[str, ...]
) -> None:
    data, svg = content_copy
    _edit(data / "lookalikes.toml", old, new)
    messages = _problems(data, svg)
    hits = [m for m in messages if all(f in m for f in fragments)]
    assert hits, messages
    assert all(m.startswith("data/lookalikes.toml:") for m in hits)


def test_a_red_flags_entry_takes_no_when(content_copy: tuple[Path, Path]) -> None:
    data, svg = content_copy
    path = data / "lookalikes.toml"
    _edit(
        path,
        "[lookalike.lookalike_sciatica]",
        '[[lookalike.lookalike_red_flags.when]]\nreason = "always"\nmin_span_cm = 1.0\n\n'
        "[lookalike.lookalike_sciatica]",
    )
    messages = _problems(data, svg)
    assert any("record 'lookalike_red_flags'" in m and "takes no 'when'" in m for m in messages)


# --------------------------------------------------------------------------------------------


def test_painfinder_imports_no_qt() -> None:
    code = (
        "import sys, hamstring_viewer.painfinder; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_the_side_views_rank_the_patterns_they_show(atlas: Atlas) -> None:
    # the lateral plate: a mark on the outer thigh is vastus lateralis's pain; the medial plate:
    # a mark on the inner thigh is adductor magnus's, and the inner arch is gastrocnemius's
    for view, zone_id, expected in (
        ("lateral", "zone_vastus_lateralis_essential", "tp_vastus_lateralis"),
        ("medial", "zone_adductor_magnus_essential", "tp_adductor_magnus"),
        ("medial", "zone_gastrocnemius_medial_essential", "tp_gastrocnemius_medial"),
    ):
        finder = PainFinder(atlas, view)
        assert finder.has_zones
        plate = atlas.plate_of(view)
        region = plate.region(zone_id)
        point = middle([p for p in sample_points(region, 4.0) if region.contains(*p)])
        matches = finder.rank(drawing(point))
        assert matches and matches[0].trigger_point == expected, (view, ids(matches))
    # the zones a side view shows are the ones on its own side
    lateral = atlas.plate_of("lateral")
    medial = atlas.plate_of("medial")
    assert lateral.has("zone_biceps_femoris_essential") and not medial.has(
        "zone_biceps_femoris_essential"
    )
    assert medial.has("zone_medial_hamstrings_essential") and not lateral.has(
        "zone_medial_hamstrings_essential"
    )
