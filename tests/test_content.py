"""The shipped plate and knowledge base: complete, consistent, bound to each other."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HAMSTRINGS

from hamstring_viewer import resources
from hamstring_viewer.catalog import HAMSTRING_FIELDS, Atlas, check
from hamstring_viewer.geometry import CLICK_LAYERS, sample_points
from hamstring_viewer.records import Fact, Structure


def test_shipped_content_passes_the_check() -> None:
    atlas, problems = check(resources.data_dir(), resources.plate_path())
    assert [str(p) for p in problems] == []
    assert atlas is not None


def test_check_command_exits_zero_on_shipped_content() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hamstring_viewer", "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")


def _filled(value: object) -> bool:
    if isinstance(value, Fact):
        return bool(value.text and value.sources)
    if isinstance(value, tuple):
        return len(value) > 0
    return value is not None


@pytest.mark.parametrize("muscle_id", HAMSTRINGS)
def test_every_hamstring_record_has_every_field(atlas: Atlas, muscle_id: str) -> None:
    muscle = atlas.kb.structures[muscle_id]
    assert muscle.kind == "hamstring"
    assert muscle.name and muscle.latin and muscle.svg_ids
    for name in HAMSTRING_FIELDS:
        assert _filled(getattr(muscle, name)), f"{muscle_id}.{name} is empty"
    assert muscle.origin is not None and muscle.origin.sites
    assert muscle.insertion is not None and muscle.insertion.sites
    assert muscle.innervation is not None and muscle.innervation.roots
    assert muscle.actions is not None


def test_the_group_and_its_members(atlas: Atlas) -> None:
    group = atlas.kb.structures["hamstrings"]
    assert group.kind == "muscle_group"
    assert set(group.members) == set(HAMSTRINGS)
    topics = " ".join(f.topic + " " + f.text for f in group.facts).lower()
    for word in ("sitting", "pelvic tilt", "sciatic", "warm", "80"):
        assert word in topics, word


def test_every_seed_page_is_cited(atlas: Atlas) -> None:
    seeds = [s.id for s in atlas.kb.sources.values() if s.kind == "seed"]
    assert len(seeds) == 4
    cited: set[str] = set()
    for table in atlas.kb.tables():
        for record in table.values():
            cited.update(getattr(record, "sources", ()) or ())
    assert set(seeds) <= cited


def test_corrections_hold_the_right_anatomy(atlas: Atlas) -> None:
    sm = atlas.kb.structures["semimembranosus"]
    assert sm.insertion is not None
    assert "medial condyle" in sm.insertion.text.lower()
    assert "pes anserinus" not in sm.insertion.text.lower().split("not")[0]
    fixed = {(c.source, c.field) for c in sm.corrections}
    assert ("seed_selfmassage_hamstrings", "insertion") in fixed
    bf_zone = atlas.kb.zones["zone_biceps_femoris_spillover"]
    assert any("posteromedial" in c.page_said.lower() for c in bf_zone.corrections)
    short = atlas.kb.structures["biceps_femoris_short_head"]
    assert short.innervation is not None and short.innervation.nerve == "common_fibular_nerve"
    for long_id in ("biceps_femoris_long_head", "semitendinosus", "semimembranosus"):
        nerve = atlas.kb.structures[long_id].innervation
        assert nerve is not None and nerve.nerve == "tibial_nerve"


def test_every_trigger_point_has_its_zones_on_the_plate(atlas: Atlas) -> None:
    for tp in atlas.kb.trigger_points.values():
        assert atlas.plate.region(tp.svg_id).layer == "trigger_points"
        kinds = [atlas.kb.zones[z].kind for z in tp.zones]
        # every pattern has an essential zone; nearly all a spillover zone too (popliteus,
        # after Travell & Simons, has none)
        assert kinds[0] == "essential" and set(kinds) <= {"essential", "spillover"}
        assert all(atlas.plate.has(atlas.kb.zones[z].svg_id) for z in tp.zones)
    with_spill = [tp for tp in atlas.kb.trigger_points.values() if len(tp.zones) > 1]
    assert len(with_spill) >= len(atlas.kb.trigger_points) - 1


def _clickable(atlas: Atlas) -> list[tuple[str, list[str]]]:
    """(record id, its plate ids) for every record bound to a clickable region."""
    out: list[tuple[str, list[str]]] = []
    for s in atlas.kb.structures.values():
        if s.svg_ids:
            out.append((s.id, list(s.svg_ids)))
    for tp in atlas.kb.trigger_points.values():
        out.append((tp.id, [tp.svg_id]))
    return out


def test_each_clickable_structure_answers_at_a_point_of_its_visible_part(atlas: Atlas) -> None:
    """For every clickable record, on some plate, a point in its visible part hit-tests back
    to it (tests/test_views.py checks every region of every view)."""
    failures = []
    for record_id, svg_ids in _clickable(atlas):
        found = False
        for plate in atlas.plates.values():
            for svg_id in svg_ids:
                if not plate.has(svg_id):
                    continue
                region = plate.region(svg_id)
                for x, y in sample_points(region, step=2.0):
                    hit = plate.hit_test(x, y, CLICK_LAYERS)
                    if hit is not None and hit.id == svg_id:
                        record = atlas.record_for_region(hit.id)
                        assert record is not None and record.id == record_id
                        found = True
                        break
                if found:
                    break
            if found:
                break
        if not found:
            failures.append(record_id)
    assert failures == [], f"no visible, clickable point: {failures}"


def test_medial_to_lateral_order_at_mid_thigh(atlas: Atlas) -> None:
    """Across the mid thigh, gracilis, semimembranosus, semitendinosus, biceps femoris."""
    plate = atlas.plate

    def centre_x(svg_id: str) -> float:
        pts = [p for p in sample_points(plate.region(svg_id), 2.0)]
        band = [x for x, y in pts if 500 <= y <= 1000] or [x for x, _ in pts]
        return sum(band) / len(band)

    xs = [
        centre_x(i)
        for i in ("gracilis", "semimembranosus", "semitendinosus", "biceps_femoris_long_head")
    ]
    assert xs == sorted(xs), xs


def test_core_never_imports_qt() -> None:
    code = (
        "import sys; import hamstring_viewer.catalog, hamstring_viewer.geometry, "
        "hamstring_viewer.records, hamstring_viewer.resources, hamstring_viewer.cli; "
        "from hamstring_viewer import resources; from hamstring_viewer.catalog import load_atlas; "
        "load_atlas(resources.data_dir(), resources.plate_path()); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_structure_records_name_their_plate_titles(atlas: Atlas) -> None:
    """The plate's <title> of each bound region matches its record's English name family."""
    for s in atlas.kb.structures.values():
        assert isinstance(s, Structure)
        for svg_id in s.svg_ids:
            for plate in atlas.plates.values():
                if plate.has(svg_id):
                    assert plate.region(svg_id).title, f"{svg_id} has no <title>"


@pytest.mark.parametrize("muscle_id", [*HAMSTRINGS, "hamstrings"])
def test_every_hamstring_and_the_group_name_their_blood_supply(
    atlas: Atlas, muscle_id: str
) -> None:
    from hamstring_viewer.describe import describe

    supply = atlas.kb.structures[muscle_id].blood_supply
    assert supply is not None and supply.text.strip() and supply.sources
    assert "perforating" in supply.text.lower()
    page = describe(atlas.kb, muscle_id, ())  # as the panel first shows a muscle: the card
    assert "Blood supply" in page and supply.text.split()[0] in page


def test_a_claim_standing_beside_its_own_correction_is_reported(tmp_path: Path) -> None:
    from hamstring_viewer.catalog import check_corrected_claims
    from hamstring_viewer.records import Correction, Fact, KnowledgeBase, Structure

    corrected = Structure(
        "semitendinosus", "hamstring", "Semitendinosus", "", "", (), ("ref",),
        corrections=(
            Correction(
                "referral", "seed", "refers pain to the sacroiliac joint",
                "no referral to the sacroiliac joint", "Travell & Simons draw none there",
                claim_terms=("sacroiliac",),
            ),
        ),
    )  # fmt: skip
    planted = Structure(
        "sacrum", "bone", "Sacrum", "", "", (), ("ref",),
        facts=(
            Fact("Hamstring trigger points refer pain to the sacroiliac joint.", ("seed",)),
            Fact("Hamstring trigger points do not refer pain to the sacroiliac joint.", ("r",)),
        ),
    )  # fmt: skip
    kb = KnowledgeBase(structures={s.id: s for s in (corrected, planted)})
    problems = check_corrected_claims(kb, tmp_path)
    assert len(problems) == 1  # the denial in the second fact is not a contradiction
    (problem,) = problems
    assert problem.record == "sacrum" and problem.field == "facts[0]"
    assert "corrected in semitendinosus" in str(problem) and "sacroiliac" in str(problem)


@pytest.mark.parametrize(
    ("file", "planted"),
    [
        (
            "structures/semitendinosus.toml",
            "Trigger points near the ischium produce pain in the region of the sacroiliac joint.",
        ),
        (
            "structures/calcaneal_tendon.toml",
            "Hamstring trigger points send pain toward the Achilles tendon region.",
        ),
    ],
)
def test_the_check_catches_a_corrected_claim_planted_back(
    content_copy: tuple[Path, Path], file: str, planted: str
) -> None:
    data, svg = content_copy
    path = data / file
    path.write_text(
        path.read_text(encoding="utf-8")
        + f'\n[[facts]]\ntopic = "pain"\ntext = "{planted}"\nsources = ["ref_gray"]\n',
        encoding="utf-8",
    )
    _atlas, problems = check(data, svg)
    messages = [str(p) for p in problems]
    assert any("repeats a claim corrected" in m and file in m for m in messages), messages
