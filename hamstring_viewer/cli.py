"""Command line: ``python -m hamstring_viewer [check [DATA_DIR] [SVG]]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from hamstring_viewer import __version__, resources
from hamstring_viewer.catalog import check


def _check(args: argparse.Namespace) -> int:
    data = args.data_dir or resources.data_dir()
    svg = args.svg or resources.plate_path()
    atlas, problems = check(data, svg)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        count = len(problems)
        print(f"check failed: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
        return 1
    assert atlas is not None
    kb = atlas.kb
    print(
        f"ok: {len(kb.structures)} structures ({len(kb.hamstrings)} hamstrings), "
        f"{len(kb.trigger_points)} trigger points, {len(kb.zones)} referral zones, "
        f"{len(kb.exercises)} exercises, {len(kb.stretches)} stretches, "
        f"{len(kb.techniques)} techniques, {len(kb.palpation)} palpation guides, "
        f"{len(kb.glossary)} glossary terms, {len(kb.lookalikes)} look-alike causes, "
        f"{len(kb.sources)} sources; "
        f"{len(atlas.plate.regions)} plate regions all bound"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hamstring_viewer",
        description="Hamstring Viewer: an offline anatomy atlas of the back of the thigh.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    chk = sub.add_parser("check", help="validate the knowledge base against the plate")
    chk.add_argument("data_dir", nargs="?", help="knowledge base folder (default: shipped data)")
    chk.add_argument("svg", nargs="?", help="plate SVG (default: shipped plate)")
    chk.set_defaults(func=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        from hamstring_viewer._qt.app import main as gui_main  # Qt only when the GUI starts

        return gui_main([sys.argv[0]])
    code: int = args.func(args)
    return code


def check_main() -> int:
    """Entry point of the ``hamstring-viewer-check`` command."""
    return main(["check", *sys.argv[1:]])
