#!/usr/bin/env python3
"""Build the plates from the BodyParts3D meshes in ``assets/anatomy3d``.

    python tools/build_plates.py                 # every view into assets/svg/
    python tools/build_plates.py posterior lateral --out /tmp/plates

Needs numpy (``pip install -e .[build]``). Deterministic: the same meshes give the same bytes.
The plates are adaptations of BodyParts3D (CC BY-SA 2.1 Japan) and carry its credit.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.plategen import plates  # noqa: E402
from tools.plategen.mesh import MeshLibrary  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("views", nargs="*", default=list(plates.VIEWS), help="view keys")
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "svg")
    args = parser.parse_args(argv)
    unknown = [v for v in args.views if v not in plates.VIEWS]
    if unknown:
        print(f"unknown view(s) {', '.join(unknown)}; known: {', '.join(plates.VIEWS)}")
        return 2
    lib = MeshLibrary()
    args.out.mkdir(parents=True, exist_ok=True)
    for key in args.views:
        start = time.perf_counter()
        name, text = plates.build(key, lib)
        (args.out / name).write_text(text, encoding="utf-8")
        print(
            f"{key}: wrote {args.out / name} ({len(text) // 1024} KiB, "
            f"{time.perf_counter() - start:.1f} s)"
        )
    from tools.compile_plates import compile_plates  # the geometry the app ships with them

    return compile_plates(sorted(args.out.glob("*.svg")))


if __name__ == "__main__":
    raise SystemExit(main())
