"""Benchmarks for the viewer (timings live here, not in the tests).

    python benchmarks/bench_viewer.py            # all, printed as a table
    python benchmarks/bench_viewer.py --json out.json

Measures, on this machine, in one run:
- start to first painted window: the app vs a bare PySide6 window (QMainWindow + QLabel), and
  start to ready-for-clicks (a click posted right after the first paint has been handled);
- click -> panel updated, hover -> highlight painted, overlay toggle -> 1600x1000 view repainted;
- hit-test query with 20 vs 2,000 synthetic regions (core grid index and Qt scene);
- resident memory of the app vs the bare window.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --------------------------------------------------------------------------------------------
# child processes for start-up


def child(mode: str, start: float, cache_dir: str, limit: float = 10.0) -> None:
    """One start, timed from before the interpreter started (``start``, taken by the parent).

    paint: the first paint event of the window's central widget.
    ready: a click posted right after that paint has been answered and painted. The bare
    window answers at once; the app answers when the panel shows what was clicked.
    """
    from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, QTimer
    from PySide6.QtTest import QTest  # the harness's own import: made by both windows
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    result: dict[str, float] = {}
    # on the thigh in a 1400x900 window (hamstrings; right of the column of plate buttons)
    click_at = QPoint(440, 360)

    def click() -> None:
        from PySide6.QtCore import Qt

        target = window.childAt(click_at) or window
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, click_at))
        QTimer.singleShot(0, poll)

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in result:
                result["paint"] = time.time() - start
                QTimer.singleShot(0, click)
            return False

    if mode == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("Hello"))
        window.resize(1400, 900)

        def answered() -> bool:
            return True
    else:
        from hamstring_viewer._qt.app import save_start_snapshot, start_window

        settings = QSettings(str(Path(cache_dir) / "bench.ini"), QSettings.Format.IniFormat)
        window = start_window(settings, Path(cache_dir))  # as ``hamstring-viewer`` starts

        def answered() -> bool:
            return window.is_loaded and window.state.selection is not None  # type: ignore[attr-defined]

    def poll() -> None:
        if not answered():
            if time.time() - start > limit:
                raise SystemExit("the click was never answered")
            QTimer.singleShot(0, poll)
            return
        window.repaint()  # what the click changed is on screen
        result["ready"] = time.time() - start
        result["rss"] = rss_mb()
        if mode == "app":
            result["snapshot"] = float(window.started_from_snapshot)  # type: ignore[attr-defined]
            # end as a session does: settings saved on close, then the start-up snapshot (each
            # run starts with nothing selected, so that its click is a change)
            window.state.select(None)  # type: ignore[attr-defined]
            window.close()
            save_start_snapshot(window, Path(cache_dir))  # type: ignore[arg-type]
        app.quit()

    watch = PaintWatch()
    window.centralWidget().installEventFilter(watch)
    window.show()
    app.exec()
    print(json.dumps(result))


def child_env() -> dict[str, str]:
    """The environment of an installed app: bytecode may be cached (pip compiles it on install)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(mode: str, cache_dir: str, limit: float = 10.0) -> dict[str, float]:
    start = time.time()
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            mode,
            "--start",
            repr(start),
            "--cache",
            cache_dir,
            "--limit",
            repr(limit),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=child_env(),
    )
    data: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return data


def startup(runs: int) -> dict[str, float]:
    cache = tempfile.mkdtemp(prefix="hv-bench-")
    # As after `pip install`: the package's bytecode is compiled (the bare window's PySide6 is too).
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "hamstring_viewer")],
        check=True,
        env=child_env(),
    )
    # fills the geometry cache: parsing every view's plate and placing its labels takes
    # several seconds (five plates), so this run gets more time than a warm start
    cold = run_child("app", cache, limit=120.0)
    bare: list[dict[str, float]] = []
    app: list[dict[str, float]] = []
    for _ in range(runs):  # interleaved, so drift in the machine's speed hits both alike
        bare.append(run_child("bare", cache))
        app.append(run_child("app", cache))

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    return {
        "bare_paint_s": med(bare, "paint"),
        "bare_ready_s": med(bare, "ready"),
        "app_paint_s": med(app, "paint"),
        "app_ready_s": med(app, "ready"),
        "app_cold_paint_s": cold["paint"],
        "app_runs_from_snapshot": sum(r["snapshot"] for r in app),
        "paint_ratio": med(app, "paint") / med(bare, "paint"),
        "ready_ratio": med(app, "ready") / med(bare, "ready"),
        "bare_rss_mb": med(bare, "rss"),
        "app_rss_mb": med(app, "rss"),
        "rss_extra_mb": med(app, "rss") - med(bare, "rss"),
    }


# --------------------------------------------------------------------------------------------
# in-process interaction timings


def interaction(samples: int) -> dict[str, float]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hamstring_viewer import resources
    from hamstring_viewer._qt.window import MainWindow
    from hamstring_viewer.catalog import load_atlas
    from hamstring_viewer.geometry import sample_points

    app = QApplication.instance() or QApplication([sys.argv[0]])
    atlas = load_atlas(resources.data_dir(), resources.plate_path())
    tmp = tempfile.mkdtemp(prefix="hv-bench-")
    settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(atlas, resources.plate_path().read_bytes(), settings)
    win.show()
    win.splitter.setSizes([1600, 500])
    win.resize(2140, 1100)
    app.processEvents()
    vp = win.view.viewport()
    win.view.fit()
    app.processEvents()
    while win._warm_queue:  # idle-time preparation finishes before the user clicks
        app.processEvents()
    vp.repaint()
    full = []
    for _ in range(20):
        t = time.perf_counter()
        vp.repaint()
        full.append((time.perf_counter() - t) * 1000)

    points = []
    bindings = atlas.kb.svg_bindings()
    for rid in [*(s.id for s in atlas.kb.hamstrings), *atlas.kb.trigger_points]:
        rec = atlas.kb.get(rid)
        ids = getattr(rec, "svg_ids", None) or (getattr(rec, "svg_id", ""),)
        for svg_id in ids:
            for x, y in sample_points(atlas.plate.region(svg_id), 4.0):
                hit = atlas.plate.hit_test(x, y)
                if hit is not None and bindings.get(hit.id) == rid:
                    points.append(win.view.scene_to_view(x, y))
                    break
            else:
                continue
            break

    def timed(fn: object) -> float:
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        return (time.perf_counter() - t) * 1000

    clicks = []
    for i in range(samples):
        pos = points[i % len(points)]

        def click(pos: object = pos) -> None:
            QTest.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)  # type: ignore[call-overload]
            app.processEvents()  # the panel and the plate paint what changed

        clicks.append(timed(click))
    hovers = []
    for i in range(samples):
        pos = points[(i * 7) % len(points)]

        def hover(pos: object = pos) -> None:
            QTest.mouseMove(vp, pos)  # type: ignore[call-overload]
            app.processEvents()  # the highlight is painted

        hovers.append(timed(hover))
    toggles = []
    action = win.actions_by_name["overlays_all"]
    off = win.actions_by_name["overlays_none"]
    for i in range(samples):
        act = action if i % 2 == 0 else off

        def toggle(act: object = act) -> None:
            act.trigger()  # type: ignore[attr-defined]
            app.processEvents()  # the overlays are painted

        toggles.append(timed(toggle))

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[18]

    result = {
        "view_size": f"{vp.width()}x{vp.height()}",
        "full_view_repaint_median_ms": statistics.median(full),
        "click_median_ms": statistics.median(clicks),
        "click_p95_ms": p95(clicks),
        "hover_median_ms": statistics.median(hovers),
        "hover_p95_ms": p95(hovers),
        "toggle_median_ms": statistics.median(toggles),
        "toggle_p95_ms": p95(toggles),
    }
    win.close()
    return result


def hit_test_scaling() -> dict[str, float]:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsScene

    from hamstring_viewer._qt.paths import painter_path
    from hamstring_viewer.geometry import parse_plate

    QApplication.instance() or QApplication([sys.argv[0]])
    out: dict[str, float] = {}
    for n in (20, 2000):
        side = int(n**0.5) + 1
        cell = 1000 / side
        paths = []
        for i in range(n):
            x, y = (i % side) * cell, (i // side) * cell
            r = cell * 0.45
            paths.append(
                f'<path id="r{i}" d="M {x:.1f} {y + r:.1f} C {x:.1f} {y:.1f} {x + 2 * r:.1f} '
                f"{y:.1f} {x + 2 * r:.1f} {y + r:.1f} C {x + 2 * r:.1f} {y + 2 * r:.1f} "
                f'{x:.1f} {y + 2 * r:.1f} {x:.1f} {y + r:.1f} Z"/>'
            )
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/'
            'namespaces/inkscape" viewBox="0 0 1000 1000"><g inkscape:groupmode="layer" '
            'inkscape:label="Deep muscles">' + "".join(paths) + "</g></svg>"
        ).encode()
        plate, problems = parse_plate(svg)
        assert plate is not None and not problems
        queries = [((i * 37) % 1000 + 0.5, (i * 91) % 1000 + 0.5) for i in range(2000)]
        t = time.perf_counter()
        for x, y in queries:
            plate.hit_test(x, y)
        out[f"core_hit_test_{n}_ms"] = (time.perf_counter() - t) * 1000 / len(queries)
        scene = QGraphicsScene()
        for region in plate.regions:
            item = QGraphicsPathItem(painter_path(region))
            scene.addItem(item)
        scene.items(QPointF(1, 1))  # build the index
        t = time.perf_counter()
        for x, y in queries:
            scene.items(QPointF(x, y))
        out[f"scene_hit_test_{n}_ms"] = (time.perf_counter() - t) * 1000 / len(queries)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--start", type=float)
    parser.add_argument("--cache", default="")
    parser.add_argument("--limit", type=float, default=10.0, help="child: seconds to answer")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--json")
    parser.add_argument(
        "--only", choices=["startup", "interaction", "hit"], help="run one group of measurements"
    )
    args = parser.parse_args()
    if args.child:
        child(args.child, args.start, args.cache, args.limit)
        return 0
    results: dict[str, object] = {}
    if args.only in (None, "startup"):
        results.update(startup(args.runs))
    if args.only in (None, "interaction"):
        results.update(interaction(args.samples))
    if args.only in (None, "hit"):
        results.update(hit_test_scaling())
    budgets = {
        "paint_ratio": 1.3,
        "ready_ratio": 1.6,
        "click_median_ms": 16,
        "click_p95_ms": 16,
        "hover_median_ms": 8,
        "hover_p95_ms": 8,
        "toggle_median_ms": 16,
        "toggle_p95_ms": 16,
        "core_hit_test_2000_ms": 0.2,
        "scene_hit_test_2000_ms": 0.2,
        "rss_extra_mb": 60,
    }
    for key, value in results.items():
        budget = budgets.get(key)
        mark = ""
        if budget is not None and isinstance(value, float):
            mark = "  ok" if value <= budget else f"  OVER (budget {budget})"
        shown = f"{value:.4g}" if isinstance(value, float) else str(value)
        print(f"{key:28s} {shown}{mark}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
