"""Benchmark of a cold plate load: parse + regions + label anchors, in a fresh process each run.

    python benchmarks/bench_plate_load.py                 # every SVG in assets/svg, 7 runs each
    python benchmarks/bench_plate_load.py --runs 11 --dense 4 --atlas --json out.json
    python benchmarks/bench_plate_load.py extra/plate.svg

Each run is a new interpreter (``python -c``), so nothing is warm but the OS file cache and the
package's bytecode (compiled first, as ``pip install`` does): the imports of the geometry module
and svgelements, :func:`geometry.load_plate` (XML check, parse, regions, polygons) and
:func:`geometry.label_anchor` for every region of a clickable layer (as ``catalog.load_atlas``
does for every drawn structure). Reported: the median over the runs, in milliseconds, of

- ``import``: ``import hamstring_viewer.geometry`` and ``import svgelements``;
- ``parse``: ``load_plate(path)``;
- ``anchors``: one ``label_anchor`` per clickable region;
- ``plate``: parse + anchors (the figure the start-up budget is about: well under 150 ms);
- ``numpy lookups``: how often the run asked the import system for ``numpy`` (a failed import
  is not cached, so a library that tries ``import numpy`` per point pays a path scan each time).

``--dense K`` also measures a denser copy of each plate (every cubic Bézier split into K with
de Casteljau: the same shapes drawn with K times the curve segments), written to a temporary
folder. ``--atlas`` also times ``catalog.load_atlas`` on the shipped data and plate (TOML,
validation, plate and the anchors of every structure; shown as its ``parse``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys, time, json
sys.path.insert(0, {root!r})

class _CountNumpy:
    lookups = 0
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name == "numpy":
            cls.lookups += 1
        return None

sys.meta_path.insert(0, _CountNumpy)
t0 = time.perf_counter()
from hamstring_viewer import geometry
import svgelements
t1 = time.perf_counter()
out = {{}}
if {atlas!r}:
    from hamstring_viewer import resources
    from hamstring_viewer.catalog import load_atlas
    t1 = time.perf_counter()
    atlas = load_atlas(resources.data_dir(), resources.plate_path())
    t2 = t3 = time.perf_counter()
    out["anchored"] = len(atlas.anchors)
else:
    plate, problems = geometry.load_plate({path!r})
    assert plate is not None, [str(p) for p in problems]
    t2 = time.perf_counter()
    anchored = 0
    for region in plate.regions:
        if region.layer in geometry.CLICK_LAYERS:
            anchored += geometry.label_anchor(plate, [region]) is not None
    t3 = time.perf_counter()
    out["regions"] = len(plate.regions)
    out["anchored"] = anchored
out.update(
    import_ms=(t1 - t0) * 1e3, parse_ms=(t2 - t1) * 1e3, anchors_ms=(t3 - t2) * 1e3,
    plate_ms=(t3 - t1) * 1e3, numpy_lookups=_CountNumpy.lookups,
)
print(json.dumps(out))
"""


def child_env() -> dict[str, str]:
    """As after ``pip install``: bytecode may be cached (pip compiles it on install)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(path: Path | None, atlas: bool = False) -> dict[str, float]:
    code = CHILD.format(root=str(ROOT), path=str(path), atlas=atlas)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=child_env(),
    )
    if result.returncode != 0:
        raise SystemExit(f"child failed for {path}:\n{result.stderr}")
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


Pt = tuple[float, float]


def _lerp(p: Pt, q: Pt, t: float) -> Pt:
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def _blossom(ctrl: list[Pt], u: float, v: float, w: float) -> Pt:
    """The polar form of a cubic: (a, a, b), (a, b, b), (b, b, b) are the control points of
    the piece for t in [a, b]."""
    q0, q1, q2 = (_lerp(ctrl[i], ctrl[i + 1], u) for i in range(3))
    return _lerp(_lerp(q0, q1, v), _lerp(q1, q2, v), w)


def densify(source: Path, out: Path, k: int) -> None:
    """Write ``source`` with every cubic of every path split into ``k`` (same shapes)."""
    import re

    import svgelements

    def split(seg: svgelements.CubicBezier) -> list[str]:
        ctrl = [(float(q.x), float(q.y)) for q in (seg.start, seg.control1, seg.control2, seg.end)]
        parts: list[str] = []
        for i in range(k):
            a, b = i / k, (i + 1) / k  # the piece of the curve for t in [a, b]
            c1, c2, e = _blossom(ctrl, a, a, b), _blossom(ctrl, a, b, b), _blossom(ctrl, b, b, b)
            parts.append(f"C {c1[0]:.4f} {c1[1]:.4f} {c2[0]:.4f} {c2[1]:.4f} {e[0]:.4f} {e[1]:.4f}")
        return parts

    def rewrite(match: re.Match[str]) -> str:
        path = svgelements.Path(match.group(2))
        words: list[str] = []
        for seg in path:
            if isinstance(seg, svgelements.Move):
                words.append(f"M {seg.end.x:.4f} {seg.end.y:.4f}")
            elif isinstance(seg, svgelements.Close):
                words.append("Z")
            elif isinstance(seg, svgelements.Line):
                words.append(f"L {seg.end.x:.4f} {seg.end.y:.4f}")
            elif isinstance(seg, svgelements.CubicBezier):
                words.extend(split(seg))
            else:
                return match.group(0)  # keep paths with arcs or quadratics as they are
        return f'{match.group(1)}"{" ".join(words)}"'

    text = source.read_text(encoding="utf-8")
    out.write_text(re.sub(r'(\sd=)"([^"]*)"', rewrite, text), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("svgs", nargs="*", type=Path, help="plates (default: assets/svg/*.svg)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dense", type=int, default=0, help="also a copy with cubics split in K")
    parser.add_argument("--atlas", action="store_true", help="also time catalog.load_atlas")
    parser.add_argument("--json", type=Path, help="write the medians here")
    args = parser.parse_args()

    svgs: list[Path] = args.svgs or sorted((ROOT / "assets" / "svg").glob("*.svg"))
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "hamstring_viewer")],
        check=True,
        env=child_env(),
    )
    rows: list[tuple[str, Path | None, bool]] = [(p.name, p, False) for p in svgs]
    with tempfile.TemporaryDirectory() as tmp:
        if args.dense > 1:
            for p in svgs:
                dense = Path(tmp) / f"{p.stem}.dense{args.dense}.svg"
                densify(p, dense, args.dense)
                rows.append((f"{p.name} (cubics x{args.dense})", dense, False))
        if args.atlas:
            rows.append(("catalog.load_atlas (shipped)", None, True))
        results: dict[str, dict[str, float]] = {}
        keys = ("import_ms", "parse_ms", "anchors_ms", "plate_ms", "numpy_lookups")
        print(
            f"{'plate':40} {'import':>8} {'parse':>8} {'anchors':>8} {'plate':>8} "
            f"{'numpy':>6}  (median ms of {args.runs} fresh processes)"
        )
        for name, path, atlas in rows:
            runs = [run_child(path, atlas) for _ in range(args.runs)]
            med = {key: statistics.median(r[key] for r in runs) for key in keys}
            med["anchored"] = runs[0]["anchored"]
            results[name] = med
            print(
                f"{name:40} {med['import_ms']:8.1f} {med['parse_ms']:8.1f} "
                f"{med['anchors_ms']:8.1f} {med['plate_ms']:8.1f} {med['numpy_lookups']:6.0f}"
                f"  ({med['anchored']:.0f} anchored)"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
