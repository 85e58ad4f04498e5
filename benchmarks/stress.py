"""Stress content for the benchmarks: the shipped plates and data made ten times richer.

``regions``: every clickable region of a structure on every plate drawn ``factor`` times
(copies a fraction of a unit apart, each bound to the same structure through its record's
``svg_ids``), so the plates have ~``factor`` times the regions and path nodes, hit-tested,
labelled and checked like the real ones. ``nodes``: every cubic curve of every path split into
``factor`` (the same shapes drawn with ``factor`` times the path nodes).

    python benchmarks/stress.py regions OUT_DIR     # writes OUT_DIR/data and OUT_DIR/*.svg
"""

from __future__ import annotations

import re
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _copies(svg_id: str, factor: int) -> list[str]:
    return [f"{svg_id}__s{k}" for k in range(1, factor)]


def make_stress(kind: str, folder: Path, factor: int = 10) -> tuple[Path, dict[str, Path]]:
    """Write the stress content into ``folder``: (data folder, view key -> plate)."""
    from hamstring_viewer import resources

    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(resources.data_dir(), data)
    plates: dict[str, Path] = {}
    if kind == "nodes":
        from bench_plate_load import densify

        for key, path in resources.plate_paths().items():
            out = folder / path.name
            densify(path, out, factor)
            plates[key] = out
        return data, plates
    if kind != "regions":
        raise ValueError(f"no stress kind {kind!r} (regions, nodes)")
    bound: set[str] = set()
    for path in sorted((data / "structures").glob("*.toml")):
        text = path.read_text("utf-8")
        ids = tomllib.loads(text).get("svg_ids", [])
        if not ids:
            continue
        bound.update(ids)
        everything = [*ids, *(c for i in ids for c in _copies(i, factor))]
        listed = ", ".join(f'"{i}"' for i in everything)
        text = re.sub(r"(?m)^svg_ids = \[.*\]$", f"svg_ids = [{listed}]", text, count=1)
        path.write_text(text, "utf-8")
    element = re.compile(r'<path id="([^"]+)"([^>]*?)(?:/>|>(.*?)</path>)', re.DOTALL)
    for key, path in resources.plate_paths().items():

        def copies(match: re.Match[str]) -> str:
            svg_id, rest, inner = match.group(1), match.group(2), match.group(3) or ""
            if svg_id not in bound or "transform=" in rest:
                return match.group(0)
            out = [match.group(0)]
            for k, copy in enumerate(_copies(svg_id, factor), start=1):
                shift = 0.05 * k
                move = f' transform="translate({shift:g},{shift:g})"'
                out.append(f'<path id="{copy}"{rest}{move}>{inner}</path>')
            return "".join(out)

        target = folder / path.name
        target.write_text(element.sub(copies, path.read_text("utf-8")), "utf-8")
        plates[key] = target
    return data, plates


if __name__ == "__main__":
    kind, out = sys.argv[1], Path(sys.argv[2])
    data, plates = make_stress(kind, out)
    print(data, plates)
