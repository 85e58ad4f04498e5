#!/usr/bin/env python3
"""Compile the plates: write ``<name>.plate`` beside every ``<name>.svg`` (the parsed geometry
and the SVG's BLAKE2b digest, see ``hamstring_viewer.geometry.compile_plate``).

    python tools/compile_plates.py               # every plate in assets/svg/
    python tools/compile_plates.py --check       # exit 1 if a compiled plate is missing or stale
    python tools/compile_plates.py path/to/plate.svg ...

The app uses a compiled plate only while its recorded digest equals the SVG's, so an SVG edited
by hand (e.g. in Inkscape) is parsed again until this is re-run. Deterministic: the same SVG
gives the same bytes. The label anchors of the knowledge base's structures are placed here too (the
app uses them for exactly the regions they were placed for, and places any other itself).
Then the compiled atlas (``assets/svg/atlas.compiled``) is written: the knowledge base, checked
against every plate, with each view's region ids and label anchors, which a first start reads
instead of parsing the TOML (it must be re-run after any change to ``data/`` too).
``tools/build_plates.py`` runs it after building the plates.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hamstring_viewer.geometry import (  # noqa: E402
    compile_plate,
    compiled_plate_path,
    read_compiled_plate,
)
from hamstring_viewer.problems import ContentError  # noqa: E402


def label_groups() -> list[tuple[str, ...]]:
    """The region groups the atlas places labels on: each structure's ``svg_ids`` in the
    shipped knowledge base (a group the data no longer has only costs its entry)."""
    from hamstring_viewer import resources
    from hamstring_viewer.catalog import load_knowledge_base

    kb, _problems = load_knowledge_base(resources.data_dir())
    return [s.svg_ids for s in kb.structures.values()]


def compile_plates(svgs: list[Path], check: bool = False) -> int:
    """Compile (or with ``check``, verify) each SVG's compiled plate; returns an exit code."""
    status = 0
    groups = label_groups()
    for svg in svgs:
        data = svg.read_bytes()
        target = compiled_plate_path(svg)
        if check:
            if read_compiled_plate(svg, data) is None or (
                compiled_plate_path(svg).read_bytes() != compile_plate(data, str(svg), groups)
            ):
                print(f"{target}: missing or stale (run tools/compile_plates.py)")
                status = 1
            continue
        try:
            blob = compile_plate(data, str(svg), groups)
        except ContentError as exc:
            print(f"{svg}: not compiled, the plate has problems:\n{exc}")
            target.unlink(missing_ok=True)  # never leave a compiled plate of other bytes
            status = 1
            continue
        if not target.is_file() or target.read_bytes() != blob:
            target.write_bytes(blob)
            print(f"{svg.name}: wrote {target} ({len(blob) // 1024} KiB)")
    return status


def compile_atlas(check: bool = False) -> int:
    """Write (or with ``check``, verify) the compiled atlas of the shipped content
    (``assets/svg/atlas.compiled``): the knowledge base, checked against every plate, and each
    view's region ids and label anchors, for the content digest it was made from."""
    from hamstring_viewer import resources
    from hamstring_viewer.atlas import atlas_to_bytes, content_key
    from hamstring_viewer.catalog import load_atlas

    data, plates = resources.data_dir(), resources.plate_paths()
    target = resources.compiled_atlas_path()
    try:
        atlas = load_atlas(data, plates)
    except ContentError as exc:
        print(f"the atlas is not compiled, the content has problems:\n{exc}")
        target.unlink(missing_ok=True)
        return 1
    status = _write_or_check(target, atlas_to_bytes(atlas, content_key(data, plates)), check)
    return max(status, compile_parsed_content(check))


def _write_or_check(target: Path, blob: bytes, check: bool) -> int:
    """Write ``blob`` to ``target`` if it differs (with ``check``: report it, write nothing)."""
    if check:
        if not target.is_file() or target.read_bytes() != blob:
            print(f"{target}: missing or stale (run tools/compile_plates.py)")
            return 1
        return 0
    if not target.is_file() or target.read_bytes() != blob:
        target.write_bytes(blob)
        print(f"wrote {target} ({len(blob) // 1024} KiB)")
    return 0


def compile_parsed_content(check: bool = False) -> int:
    """Write (or verify) each shipped content file's parsed TOML by its digest
    (``assets/svg/content.parsed.json``): a start after one file is edited parses that one."""
    from hamstring_viewer import resources
    from hamstring_viewer.catalog import parsed_content

    return _write_or_check(
        resources.parsed_content_path(), parsed_content(resources.data_dir()), check
    )


def compile_record_code(check: bool = False) -> int:
    """Write (or with ``check``, verify) ``hamstring_viewer/_record_code.py``: the methods the
    record classes' ``@dataclass`` generates, compiled ahead of time (see
    ``hamstring_viewer.fastrecord``); re-run after changing ``hamstring_viewer/records.py``."""
    from hamstring_viewer import fastrecord

    target = ROOT / "hamstring_viewer" / "_record_code.py"
    if not fastrecord.SUPPORTED:
        print("the record methods are compiled ahead of time on Python 3.11 only: skipped")
        return 0
    written = fastrecord.written_for()
    if check and written is not None and written != tuple(sys.version_info[:3]):
        print(f"{target}: written with Python {written}, not this one: not checked")
        return 0
    origin = ", ".join(name.replace(".", "/") + ".py" for name in fastrecord.MODULES)
    text = fastrecord.write_module(fastrecord.collect_all(), origin)
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check:
        if current != text:
            print(f"{target}: missing or stale (run tools/compile_plates.py)")
            return 1
        return 0
    if current != text:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("svgs", nargs="*", type=Path, help="SVG plates (default: assets/svg/)")
    parser.add_argument("--check", action="store_true", help="verify, write nothing")
    args = parser.parse_args(argv)
    svgs = args.svgs or sorted((ROOT / "assets" / "svg").glob("*.svg"))
    status = compile_record_code(check=args.check) if not args.svgs else 0
    status = max(status, compile_plates(svgs, check=args.check))
    if not args.svgs:  # the shipped content: its compiled atlas too
        status = max(status, compile_atlas(check=args.check))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
