"""The plates are derived from the BodyParts3D meshes (tools/plategen): their outlines must stay
true to the meshes, their build must be repeatable, and they must carry the licence's credit.

The fair measure of "the drawn outline matches the anatomy" used here is the intersection over
union (IoU) of two pixel masks at one pixel per plate unit (0.5 mm): the region as the plate
draws it (its path, flattened by the app's own geometry loader) and the union of the mesh's
projected triangles for that view. 1.0 is identical; smoothing the outline costs ~0.01-0.03.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from hamstring_viewer.geometry import load_plate
from tools.plategen import plates, raster, section
from tools.plategen.mesh import MeshLibrary

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "svg"

#: the main structures of the posterior views whose outlines are checked against the meshes
MAIN = [
    "gluteus_maximus", "gluteus_medius", "biceps_femoris_long_head", "biceps_femoris_short_head",
    "semitendinosus", "semimembranosus", "adductor_magnus", "gracilis", "sartorius",
    "vastus_lateralis", "gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus",
    "piriformis", "quadratus_femoris", "popliteus", "plantaris", "femur", "tibia", "fibula",
]  # fmt: skip
MIN_IOU = 0.9


@pytest.fixture(scope="module")
def lib() -> MeshLibrary:
    return MeshLibrary()


def _region_mask(
    polygons: tuple[tuple[tuple[float, float], ...], ...], x0: int, y0: int, w: int, h: int
) -> np.ndarray:
    return section.fill([np.asarray(p) for p in polygons], x0, y0, w, h)


def iou_against_mesh(view: str, svg_path: Path, lib: MeshLibrary) -> dict[str, float]:
    spec = plates.VIEWS[view]()
    assert spec is not None
    plate, problems = load_plate(svg_path)
    assert plate is not None, problems
    parts = {p.id: p for p in spec.parts}
    out: dict[str, float] = {}
    for rid in MAIN:
        if rid not in parts:
            continue
        built = plates.build_part(lib, parts[rid], spec.projection)
        assert built is not None
        mesh_mask = raster.close(built.r.mask, 2)
        h, w = mesh_mask.shape
        region = plate.region(rid)
        drawn = _region_mask(region.polygons, built.r.x0, built.r.y0, w, h)
        inter = int((mesh_mask & drawn).sum())
        union = int((mesh_mask | drawn).sum())
        out[rid] = inter / union
    return out


@pytest.mark.parametrize(
    ("view", "svg_name"),
    [("posterior", "posterior_thigh.svg"), ("posterior_deep", "posterior_deep.svg")],
)
def test_outlines_match_the_mesh_projection(view: str, svg_name: str, lib: MeshLibrary) -> None:
    scores = iou_against_mesh(view, SVG / svg_name, lib)
    assert len(scores) >= 15
    drifted = {k: round(v, 3) for k, v in scores.items() if v < MIN_IOU}
    assert not drifted, f"outlines drifted from the meshes (IoU < {MIN_IOU}): {drifted}"


def test_a_drifted_outline_is_caught(lib: MeshLibrary, tmp_path: Path) -> None:
    """Moving one muscle by 1 cm (20 units) drops its IoU below the threshold."""
    text = (SVG / "posterior_thigh.svg").read_text(encoding="utf-8")
    moved = re.sub(
        r'(<path id="semitendinosus" )',
        r'\1transform="translate(20,0)" ',
        text,
        count=1,
    )
    assert moved != text
    (tmp_path / "posterior_thigh.svg").write_text(moved, encoding="utf-8")
    scores = iou_against_mesh("posterior", tmp_path / "posterior_thigh.svg", lib)
    assert scores["semitendinosus"] < MIN_IOU
    assert scores["semimembranosus"] >= MIN_IOU


def test_the_build_is_repeatable(lib: MeshLibrary) -> None:
    first = plates.build("cross_section", lib)
    second = plates.build("cross_section", MeshLibrary())
    assert first == second


@pytest.mark.parametrize("key", list(plates.VIEWS))
def test_every_plate_credits_bodyparts3d_and_keeps_the_layer_order(key: str) -> None:
    name = {
        "posterior": "posterior_thigh.svg",
        "posterior_deep": "posterior_deep.svg",
        "medial": "medial_thigh.svg",
        "lateral": "lateral_thigh.svg",
        "cross_section": "cross_section_mid_thigh.svg",
    }[key]
    text = (SVG / name).read_text(encoding="utf-8")
    assert "BodyParts3D" in text and "CC BY-SA 2.1 Japan" in text
    labels = re.findall(r'inkscape:groupmode="layer" id="[^"]+" inkscape:label="([^"]+)"', text)
    known = [label for _, label in plates.LAYERS]
    assert labels == [k for k in known if k in labels], labels
    assert 'viewBox="' in text and " width=" not in text.split(">", 2)[1]


def test_the_sciatic_nerve_runs_where_anatomy_puts_it() -> None:
    """On the deep view: between the ischial tuberosity and the greater trochanter below
    piriformis, on quadratus femoris, and dividing at the apex of the popliteal fossa."""
    plate, _ = load_plate(SVG / "posterior_deep.svg")
    assert plate is not None

    def centre_x(rid: str) -> float:
        x0, _, x1, _ = plate.region(rid).bbox
        return (x0 + x1) / 2

    sciatic = plate.region("sciatic_nerve")
    y_hip = 40 + 20 * (105 - 85.5)
    xs = [x for x in np.arange(300, 700, 1.0) if sciatic.contains(x, y_hip)]
    assert xs, "the sciatic nerve does not cross the level of the ischial tuberosity"
    assert centre_x("ischial_tuberosity") < np.mean(xs) < centre_x("greater_trochanter")
    qf = plate.region("quadratus_femoris")
    assert any(qf.contains(x, y) for x in xs for y in (y_hip - 20, y_hip, y_hip + 20))
    # the tibial and common fibular nerves start where the sciatic ends
    tib = plate.region("tibial_nerve").bbox
    cfn = plate.region("common_fibular_nerve").bbox
    assert abs(tib[1] - sciatic.bbox[3]) < 40 and abs(cfn[1] - sciatic.bbox[3]) < 40
    assert cfn[2] > tib[2]  # the common fibular nerve heads laterally


@pytest.mark.skipif(shutil.which("inkscape") is None, reason="Inkscape is not installed")
def test_plates_saved_again_by_inkscape_still_pass_check(tmp_path: Path) -> None:
    """An illustrator opens each plate in Inkscape and saves it as Inkscape SVG: the content
    check still passes on all of them and every region is still there."""
    from hamstring_viewer import resources
    from hamstring_viewer.catalog import check

    saved: dict[str, Path] = {}
    for key, path in resources.plate_paths().items():
        out = tmp_path / path.name
        subprocess.run(
            ["inkscape", str(path), "--export-type=svg", f"--export-filename={out}"],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        assert "sodipodi:docname" in out.read_text(encoding="utf-8")  # saved by Inkscape
        saved[key] = out
    atlas, problems = check(ROOT / "data", saved)
    assert not problems, [str(p) for p in problems]
    assert atlas is not None
    for key, path in resources.plate_paths().items():
        before, _ = load_plate(path)
        assert before is not None
        assert {r.id for r in atlas.plates[key].regions} == {r.id for r in before.regions}
