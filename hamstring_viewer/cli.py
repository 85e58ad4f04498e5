"""Command line: ``python -m hamstring_viewer [check [--views] [DATA_DIR] [SVG...]]``."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hamstring_viewer import __version__, resources

if TYPE_CHECKING:
    import argparse

    from hamstring_viewer.atlas import PlatePaths


def _check(args: argparse.Namespace) -> int:
    # (the loader and checker are imported here: starting the app from this command line
    # should cost no more than starting it from its own)
    from hamstring_viewer.catalog import check

    data = args.data_dir or resources.data_dir()
    plates: PlatePaths
    if len(args.svg) == 1 and resources.view_key_for(args.svg[0]) == resources.DEFAULT_VIEW:
        plates = Path(args.svg[0])  # the posterior plate, with the other views found beside it
    elif args.svg:
        plates = {resources.view_key_for(path): Path(path) for path in args.svg}
    else:
        plates = resources.plate_paths()
    steps: list[str] = []
    progress = _progress_printer()

    def step(text: str | None) -> None:
        if text is not None:
            steps.append(text)
        progress(text)

    try:
        with _time_budget(args.time_budget):
            atlas, problems = check(data, plates, figures=True, languages=True, progress=step)
    except _OutOfTime:
        where = steps[-1] if steps else "starting"
        print(
            f"check stopped: {where} took it past its time budget of {args.time_budget:g} s "
            "(--time-budget)",
            file=sys.stderr,
        )
        return 1
    progress(None)
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
        f"{sum(len(p.regions) for p in atlas.plates.values())} plate regions on "
        f"{len(atlas.plates)} plate{'s' if len(atlas.plates) != 1 else ''} all bound"
    )
    if args.views:
        for record_id in (*kb.structures, *kb.trigger_points, *kb.zones):
            shown = atlas.views_of(record_id)
            if shown:
                print(f"{record_id}: {', '.join(shown)}")
    drawn = {key: 0 for key in atlas.plates}
    for record_id in (*kb.structures, *kb.trigger_points, *kb.zones):
        for key in atlas.views_of(record_id):
            drawn[key] += 1
    summary = ", ".join(
        f"{key} ({count} record{'s' if count != 1 else ''})" for key, count in drawn.items()
    )
    print(f"views: {summary}")
    return 0


class _OutOfTime(BaseException):  # (not an Exception: no "except Exception" may swallow it)
    pass


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Stop what runs inside after ``seconds`` with :class:`_OutOfTime` (POSIX: a timer
    signal; elsewhere, and for 0, no budget)."""
    import signal

    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def out_of_time(_signum: int, _frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _progress_printer() -> Callable[[str | None], None]:
    """Each step of a check on stderr as it starts (on a terminal), or, in a pipe or a file,
    each step that took longer than a second, with its time; ``None`` ends the last step."""
    import time

    live = sys.stderr.isatty()
    current: list[tuple[str, float]] = []

    def say(step: str | None) -> None:
        now = time.monotonic()
        if current:
            previous, began = current.pop()
            if not live and now - began > 1.0:
                print(f"check: {previous}: {now - began:.1f} s", file=sys.stderr)
        if step is not None:
            if live:
                print(f"check: {step} ...", file=sys.stderr)
            current.append((step, now))

    return say


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="hamstring_viewer",
        description="Hamstring Viewer: an offline anatomy atlas of the back of the thigh.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    chk = sub.add_parser("check", help="validate the knowledge base against the plate")
    chk.add_argument(
        "--views", action="store_true", help="list, per record drawn, the views it appears in"
    )
    chk.add_argument("data_dir", nargs="?", help="knowledge base folder (default: shipped data)")
    chk.add_argument(
        "svg",
        nargs="*",
        help="plate SVGs (default: every shipped plate); a file named like a shipped plate "
        "(e.g. medial_thigh.svg) is that view, any other is a view named after its stem",
    )
    chk.add_argument(
        "--time-budget",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="stop with a message naming the step if the check takes longer (0: no budget)",
    )
    chk.set_defaults(func=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:  # the app itself (no command line to parse: argparse not even loaded)
        return _gui()
    args = build_parser().parse_args(arguments)
    if getattr(args, "func", None) is None:
        return _gui()
    code: int = args.func(args)
    return code


def _gui() -> int:
    from hamstring_viewer._qt.app import main as gui_main  # Qt only when the GUI starts

    return gui_main([sys.argv[0]])


def check_main() -> int:
    """Entry point of the ``hamstring-viewer-check`` command."""
    return main(["check", *sys.argv[1:]])
