"""Benchmarks for the viewer (timings live here, not in the tests).

    python benchmarks/bench_viewer.py            # all, printed as a table
    python benchmarks/bench_viewer.py --json out.json

Measures, on this machine, in one run:
- start to first painted window: the app vs a bare PySide6 window (QMainWindow + QLabel), and
  start to ready-for-clicks (a click posted right after the first paint has been handled), in
  wall time and, steadier on a shared machine, in the process's CPU time;
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


def child(
    mode: str,
    start: float,
    cache_dir: str,
    limit: float = 10.0,
    data_dir: str = "",
    plates_arg: str = "",
) -> None:
    """One start, timed from before the interpreter started (``start``, taken by the parent).

    paint: the first paint event of the window's central widget.
    live: the live plate is in the window (the app's ``plateLive``; the bare window: its paint).
    ready: a click posted right after that paint has been answered and painted. The bare
    window answers at once; the app answers when the panel shows what was clicked.
    quit: from the window's close (the click changed the session: the app renders its start-up
    picture again) to the end of the event loop and of everything after it that the process
    does before it can end.
    ``data_dir``: the app reads its content there (an edited copy), not the shipped data.

    ``mode="glance"``: a warm start as ``app``, but the click comes a second after the first
    paint (a user looks before clicking), on the semitendinosus: ``glance`` is from that
    click to the muscle's page and its actions' figure painted (idle time has passed: its
    work is done, but the page and the figure are shown for the first time).
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

    def click_muscle() -> None:
        from PySide6.QtCore import Qt

        from hamstring_viewer.geometry import sample_points

        view = window.view  # type: ignore[attr-defined]
        region = window.atlas.plate_of(window.state.view).region("semitendinosus")  # type: ignore[attr-defined]
        points = sample_points(region, 4.0)
        at = view.scene_to_view(*points[len(points) // 2])
        clicked = time.perf_counter()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)

        def shown() -> None:
            area = window.panel.figure_area  # type: ignore[attr-defined]
            if window.state.selection != "semitendinosus" or area is None or not area.isVisible():  # type: ignore[attr-defined]
                if time.perf_counter() - clicked > limit:
                    raise SystemExit("the click on the semitendinosus was never answered")
                QTimer.singleShot(0, shown)
                return
            window.repaint()
            result["glance"] = time.perf_counter() - clicked
            poll()

        shown()

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in result:
                result["paint"] = time.time() - start
                if mode == "glance":
                    QTimer.singleShot(1000, click_muscle)
                else:
                    QTimer.singleShot(0, click)
            return False

    if mode == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("Hello"))
        window.resize(1400, 900)

        def answered() -> bool:
            return True
    else:
        from hamstring_viewer._qt.app import snapshot_later, start_window

        settings = QSettings(str(Path(cache_dir) / "bench.ini"), QSettings.Format.IniFormat)
        # as ``hamstring-viewer`` starts
        content = Path(data_dir) if data_dir else None
        plates = dict(item.split("=", 1) for item in plates_arg.split(",") if item)
        paths = {key: Path(value) for key, value in plates.items()} or None
        window = start_window(settings, Path(cache_dir), data_dir=content, plates=paths)
        window.plateLive.connect(lambda: result.setdefault("live", time.time() - start))

        def answered() -> bool:  # (the panel shows it: it is built a tick after the plate)
            return window.is_complete and window.state.selection is not None  # type: ignore[attr-defined]

    def poll() -> None:
        if not answered():
            if time.time() - start > limit:
                raise SystemExit("the click was never answered")
            QTimer.singleShot(0, poll)
            return
        window.repaint()  # what the click changed is on screen
        result["ready"] = time.time() - start
        result["cpu"] = time.process_time()  # this process's CPU time to here (all threads)
        result["rss"] = rss_mb()
        result.setdefault("live", result["paint"])
        quitting = time.perf_counter()
        if mode in ("app", "glance"):
            result["snapshot"] = float(window.started_from_snapshot)  # type: ignore[attr-defined]
            # end as a session does: settings saved on close, then the start-up snapshot. Each
            # run starts with nothing selected (its click is a change of selection) and ends
            # with the labels turned over: the next start looks different, so the quit renders
            # its picture again, as after any changed session
            state = window.state  # type: ignore[attr-defined]
            state.select(None)
            state.set_layer_visible("labels", not state.layers["labels"])
            quitting = time.perf_counter()
            window.close()
            app.quit()
            app.processEvents()
            # as the app's main() ends: the picture is rendered by a job of its own
            job = snapshot_later(window, Path(cache_dir))  # type: ignore[arg-type]
            result["job"] = float(job or 0)
        else:
            window.close()
            app.quit()
            app.processEvents()
        result["quit"] = time.perf_counter() - quitting

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


def run_child(
    mode: str,
    cache_dir: str,
    limit: float = 10.0,
    data_dir: str = "",
    plates: dict[str, Path] | None = None,
) -> dict[str, float]:
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
            "--data",
            data_dir,
            "--plates",
            ",".join(f"{k}={v}" for k, v in (plates or {}).items()),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=child_env(),
    )
    data: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    wait_for_job(int(data.get("job", 0)))
    return data


def wait_for_job(pid: int, limit: float = 60.0) -> None:
    """Wait until the start-up picture's job (a detached process) has ended: the next start
    then finds its picture, and no run shares the machine with it."""
    if pid <= 0:
        return
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)


def compile_package() -> None:
    """As after `pip install`: the package's bytecode is compiled (the bare window's PySide6
    is too)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "hamstring_viewer")],
        check=True,
        env=child_env(),
    )


def startup(runs: int) -> dict[str, float]:
    cache = tempfile.mkdtemp(prefix="hv-bench-")
    compile_package()
    bare: list[dict[str, float]] = []
    cold: list[dict[str, float]] = []
    # first starts of a fresh install: no atlas cache, no snapshot (a new cache folder each)
    for _ in range(runs):
        bare.append(run_child("bare", cache))
        cold.append(run_child("app", tempfile.mkdtemp(prefix="hv-bench-cold-"), limit=120.0))
    # fills the atlas cache and leaves the snapshot for the warm starts below
    run_child("app", cache, limit=120.0)
    app: list[dict[str, float]] = []
    for _ in range(runs):  # interleaved, so drift in the machine's speed hits both alike
        bare.append(run_child("bare", cache))
        app.append(run_child("app", cache))
    # the first click on a hamstring a second after a warm start
    glance = [run_child("glance", cache) for _ in range(runs)]
    # a start after one content file was edited: the caches of the content before the edit
    # (compiled plates, atlas, snapshot) are there, the atlas and the snapshot no longer match
    import shutil

    from hamstring_viewer import resources

    content = Path(tempfile.mkdtemp(prefix="hv-bench-content-")) / "data"
    shutil.copytree(resources.data_dir(), content)
    template = tempfile.mkdtemp(prefix="hv-bench-edited-")
    run_child("app", template, limit=120.0, data_dir=str(content))
    edited_file = content / "structures" / "femur.toml"
    original = edited_file.read_text("utf-8")
    edited: list[dict[str, float]] = []
    for n in range(runs):
        edited_file.write_text(
            original.replace("strongest bone of the body", f"strongest bone of the body ({n})"),
            "utf-8",
        )
        fresh = tempfile.mkdtemp(prefix="hv-bench-edited-run-")
        shutil.copytree(template, fresh, dirs_exist_ok=True)
        edited.append(run_child("app", fresh, limit=120.0, data_dir=str(content)))

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    return {
        "bare_paint_s": med(bare, "paint"),
        "bare_ready_s": med(bare, "ready"),
        "app_paint_s": med(app, "paint"),
        "app_ready_s": med(app, "ready"),
        "app_cold_paint_s": med(cold, "paint"),
        "app_cold_ready_s": med(cold, "ready"),
        "cold_ready_ratio": med(cold, "ready") / med(bare, "ready"),
        "app_edited_ready_s": med(edited, "ready"),
        "edited_ready_ratio": med(edited, "ready") / med(bare, "ready"),
        "app_live_s": med(app, "live"),
        "live_ratio": med(app, "live") / med(bare, "paint"),
        # each warm start's live plate against the paint of the bare window started just
        # before it (the bare window's own time moves most from run to run)
        "live_ratio_paired": statistics.median(
            a["live"] / b["paint"] for a, b in zip(app, bare[runs:], strict=True)
        ),
        "bare_quit_ms": 1000 * med(bare, "quit"),
        "app_quit_ms": 1000 * med(app, "quit"),
        "quit_extra_ms": 1000 * (med(app, "quit") - med(bare, "quit")),
        "app_runs_from_snapshot": sum(r["snapshot"] for r in app),
        "paint_ratio": med(app, "paint") / med(bare, "paint"),
        "ready_ratio": med(app, "ready") / med(bare, "ready"),
        # each warm start against the bare window started just before it (the machine's speed
        # drifts less within a pair than across the run)
        "ready_ratio_paired": statistics.median(
            a["ready"] / b["ready"] for a, b in zip(app, bare[runs:], strict=True)
        ),
        # the same ratios in CPU time: steadier than wall time when other jobs share the
        # machine (a start is CPU-bound: on an idle machine the two agree)
        "cpu_ready_ratio": med(app, "cpu") / med(bare, "cpu"),
        "cpu_cold_ready_ratio": med(cold, "cpu") / med(bare, "cpu"),
        "glance_click_median_ms": 1000 * med(glance, "glance"),
        "glance_click_max_ms": 1000 * max(r["glance"] for r in glance),
        "bare_rss_mb": med(bare, "rss"),
        "app_rss_mb": med(app, "rss"),
        "rss_extra_mb": med(app, "rss") - med(bare, "rss"),
    }


def stress(kind: str, runs: int, samples: int) -> dict[str, object]:
    """The start-ups and the interaction on stress content (``benchmarks/stress.py``): first
    start with an empty cache, warm start, and clicks and hovers on every view, against the
    bare window, and the growth of the first start against the shipped content's."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from stress import make_stress

    folder = Path(tempfile.mkdtemp(prefix=f"hv-bench-stress-{kind}-"))
    data, plates = make_stress(kind, folder)
    shipped_regions = sum(len(p.regions) for p in load_atlas_plates(None, None))
    stress_regions = sum(len(p.regions) for p in load_atlas_plates(data, plates))
    compile_package()
    bare: list[dict[str, float]] = []
    cold: list[dict[str, float]] = []
    shipped_cold: list[dict[str, float]] = []
    for _ in range(runs):
        bare.append(run_child("bare", tempfile.mkdtemp()))
        cold.append(run_child("app", tempfile.mkdtemp(), 300.0, str(data), plates))
        # the shipped content and plates from an empty cache, read in full as the stress
        # content is (the plates from their SVG: the copies have no compiled form beside them)
        shipped_data, shipped_plates = _shipped_copy()
        shipped_cold.append(
            run_child("app", tempfile.mkdtemp(), 300.0, str(shipped_data), shipped_plates)
        )
    warm_cache = tempfile.mkdtemp()
    run_child("app", warm_cache, 300.0, str(data), plates)
    warm: list[dict[str, float]] = []
    warm_bare: list[dict[str, float]] = []
    for _ in range(runs):  # interleaved with bare windows, as startup() does
        warm_bare.append(run_child("bare", tempfile.mkdtemp()))
        warm.append(run_child("app", warm_cache, 60.0, str(data), plates))

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    out: dict[str, object] = {
        f"stress_{kind}_regions": stress_regions,
        f"stress_{kind}_region_factor": stress_regions / shipped_regions,
        f"stress_{kind}_cold_ready_s": med(cold, "ready"),
        f"stress_{kind}_cold_ready_ratio": med(cold, "ready") / med(bare, "ready"),
        f"stress_{kind}_cold_growth": med(cold, "ready") / med(shipped_cold, "ready"),
        f"stress_{kind}_warm_live_ratio": med(warm, "live") / med(warm_bare, "paint"),
        f"stress_{kind}_warm_ready_ratio": med(warm, "ready") / med(warm_bare, "ready"),
        f"stress_{kind}_warm_runs_from_snapshot": sum(r["snapshot"] for r in warm),
    }
    # in a process of its own, as a user's session is (not after this one's full loads)
    measured = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            "interaction",
            "--samples",
            str(samples),
            "--data",
            str(data),
            "--plates",
            ",".join(f"{k}={v}" for k, v in plates.items()),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=child_env(),
    )
    for key, value in json.loads(measured.stdout.strip().splitlines()[-1]).items():
        if key.startswith(("click", "hover")):
            out[f"stress_{kind}_{key}"] = value
    return out


_SHIPPED_COPY: tuple[Path, dict[str, Path]] | None = None


def _shipped_copy() -> tuple[Path, dict[str, Path]]:
    """A copy of the shipped data and plates, which the shipped compiled forms do not match
    (read in full: the baseline of the stress content's first start)."""
    global _SHIPPED_COPY
    if _SHIPPED_COPY is None:
        import shutil

        from hamstring_viewer import resources

        folder = Path(tempfile.mkdtemp(prefix="hv-bench-shipped-"))
        shutil.copytree(resources.data_dir(), folder / "data")
        summary = folder / "data" / "structures" / "femur.toml"
        summary.write_text(summary.read_text("utf-8") + "\n# (a copy)\n", "utf-8")
        plates = {}
        for key, path in resources.plate_paths().items():
            plates[key] = folder / path.name
            shutil.copy(path, plates[key])
        _SHIPPED_COPY = (folder / "data", plates)
    return _SHIPPED_COPY


def load_atlas_plates(data: Path | None, plates: dict[str, Path] | None) -> list[object]:
    from hamstring_viewer import resources
    from hamstring_viewer.catalog import load_atlas

    atlas = load_atlas(data or resources.data_dir(), plates or resources.plate_paths())
    return [atlas.plates[k] for k in atlas.plates]


# --------------------------------------------------------------------------------------------
# view switching: key press -> repainted plate, in fresh processes (first visits count)

#: Ctrl+digit presses per process: every view's first visit, then revisits
SWITCH_ORDER = (2, 3, 4, 5, 1, 3, 5, 2, 4, 1, 5, 3, 1, 4, 2, 5, 4, 3, 2, 1)


def child_switch(cache_dir: str) -> None:
    """Start as the app does (from the warm cache), then press Ctrl+1..Ctrl+5; each sample is
    the time from the key press to the end of the plate's next paint on the new view."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hamstring_viewer import resources
    from hamstring_viewer._qt.app import start_window

    app = QApplication([sys.argv[0]])
    settings = QSettings(str(Path(cache_dir) / "switch.ini"), QSettings.Format.IniFormat)
    window = start_window(settings, Path(cache_dir))
    window.show()
    window.activateWindow()
    deadline = time.time() + 30
    while (not window.is_loaded or window._features_pending) and time.time() < deadline:
        app.processEvents()
    keys = [v.key for v in resources.views()]
    digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
    painted: list[float] = []
    window.view.painted.connect(lambda: painted.append(time.perf_counter()))
    samples: list[dict[str, object]] = []
    seen = {window.view.view_key}
    for digit in SWITCH_ORDER:
        target = keys[digit - 1]
        if target == window.view.view_key:
            continue
        for _ in range(5):  # settle: nothing pending before the press
            app.processEvents()
        painted.clear()
        t = time.perf_counter()
        QTest.keyClick(window, digits[digit - 1], Qt.KeyboardModifier.ControlModifier)
        while not (painted and window.view.view_key == target):
            if time.perf_counter() - t > 10:
                raise SystemExit(f"Ctrl+{digit} never showed {target}")
            app.processEvents()
        samples.append(
            {"view": target, "first": target not in seen, "ms": (painted[-1] - t) * 1000}
        )
        seen.add(target)
    window.close()
    print(json.dumps(samples))


def switching(processes: int) -> dict[str, float]:
    cache = tempfile.mkdtemp(prefix="hv-bench-switch-")
    compile_package()
    run_child("app", cache, limit=120.0)  # the atlas cache, as after a first start
    rows: list[dict[str, object]] = []
    for _ in range(processes):
        out = subprocess.run(
            [sys.executable, __file__, "--child", "switch", "--cache", cache],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=child_env(),
        )
        rows.extend(json.loads(out.stdout.strip().splitlines()[-1]))
    all_ms = [float(r["ms"]) for r in rows]  # type: ignore[arg-type]
    first = [float(r["ms"]) for r in rows if r["first"]]  # type: ignore[arg-type]
    return {
        "switch_samples": float(len(all_ms)),
        "switch_median_ms": statistics.median(all_ms),
        "switch_p95_ms": statistics.quantiles(all_ms, n=20)[18],
        "switch_first_visit_median_ms": statistics.median(first),
        "switch_first_visit_max_ms": max(first),
    }


# --------------------------------------------------------------------------------------------
# in-process interaction timings


def interaction(
    samples: int, data_dir: Path | None = None, plates: dict[str, Path] | None = None
) -> dict[str, object]:
    """Click, hover and overlay toggle on every view. Each click selects another record than
    the one before, and no panel page is prepared ahead (the idle-time queue is emptied), so
    first visits to panel pages are among the samples. The rest of a start's idle-time work
    (features, the plate's accessibility, the figures read) is done before the first click,
    as in a session where the user looks at the window first."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hamstring_viewer import resources
    from hamstring_viewer._qt.window import MainWindow
    from hamstring_viewer.catalog import load_atlas
    from hamstring_viewer.geometry import CLICK_LAYERS, sample_points

    app = QApplication.instance() or QApplication([sys.argv[0]])
    paths = plates or resources.plate_paths()
    atlas = load_atlas(data_dir or resources.data_dir(), paths)
    tmp = tempfile.mkdtemp(prefix="hv-bench-")
    settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(atlas, paths["posterior"].read_bytes(), settings)
    win.show()
    win.splitter.setSizes([1600, 500])
    win.resize(2140, 1100)
    app.processEvents()
    vp = win.view.viewport()
    win.view.fit()
    app.processEvents()
    win.install_features_now()
    win._warm_queue.clear()  # no page prepared ahead: first visits count
    while win._warm_timer.isActive():  # (the other idle-time steps, one a tick)
        app.processEvents()

    def timed(fn: object) -> float:
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        return (time.perf_counter() - t) * 1000

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[18]

    bindings = atlas.kb.svg_bindings()
    result: dict[str, object] = {"view_size": f"{vp.width()}x{vp.height()}"}
    every: dict[str, list[float]] = {"click": [], "hover": [], "toggle": []}
    full: list[float] = []
    per_view = max(20, samples // len(atlas.plates))
    for view_key in atlas.plates:
        win.state.set_view(view_key)
        app.processEvents()
        plate = atlas.plate_of(view_key)
        vp.repaint()
        for _ in range(5):
            t = time.perf_counter()
            vp.repaint()
            full.append((time.perf_counter() - t) * 1000)
        # one clickable point per record drawn (and shown) on this view, found by the view's
        # own hit query (which neither selects nor prepares a panel page)
        points: list[tuple[str, object]] = []
        done: set[str] = set()
        hidden = win.view.hidden_regions()
        for region in plate.regions:
            rid = bindings.get(region.id)
            if rid is None or rid in done or region.layer not in CLICK_LAYERS:
                continue
            if region.id in hidden:
                continue
            for x, y in sample_points(region, 4.0)[::3]:
                pos = win.view.scene_to_view(x, y)
                if not vp.rect().contains(pos):
                    continue
                if win.view.record_at_view(pos) == rid:
                    points.append((rid, pos))
                    done.add(rid)
                    break
        if len(points) < 2:
            continue
        clicks: list[float] = []
        for i in range(per_view):
            rid, pos = points[i % len(points)]

            def click(pos: object = pos) -> None:
                QTest.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)  # type: ignore[call-overload]
                app.processEvents()  # the panel and the plate paint what changed

            clicks.append(timed(click))
            if win.state.selection != rid:
                raise SystemExit(
                    f"a click on {view_key} did not select {rid} (got {win.state.selection};"
                    f" at {pos}, record_at_view now {win.view.record_at_view(pos)}, i={i})"
                )
        hovers: list[float] = []
        for i in range(per_view):
            _rid, pos = points[(i * 7) % len(points)]

            def hover(pos: object = pos) -> None:
                QTest.mouseMove(vp, pos)  # type: ignore[call-overload]
                app.processEvents()  # the highlight is painted

            hovers.append(timed(hover))
        toggles: list[float] = []
        action = win.actions_by_name["overlays_all"]
        off = win.actions_by_name["overlays_none"]
        for i in range(per_view):
            act = action if i % 2 == 0 else off

            def toggle(act: object = act) -> None:
                act.trigger()  # type: ignore[attr-defined]
                app.processEvents()  # the overlays are painted

            toggles.append(timed(toggle))
        result[f"click_p95_ms[{view_key}]"] = p95(clicks)
        result[f"hover_p95_ms[{view_key}]"] = p95(hovers)
        every["click"].extend(clicks)
        every["hover"].extend(hovers)
        every["toggle"].extend(toggles)
    result.update(
        {
            "full_view_repaint_median_ms": statistics.median(full),
            "click_median_ms": statistics.median(every["click"]),
            "click_p95_ms": p95(every["click"]),
            "hover_median_ms": statistics.median(every["hover"]),
            "hover_p95_ms": p95(every["hover"]),
            "toggle_median_ms": statistics.median(every["toggle"]),
            "toggle_p95_ms": p95(every["toggle"]),
        }
    )
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
    parser.add_argument("--data", default="", help="child: the content folder (an edited copy)")
    parser.add_argument("--plates", default="", help="child: view=plate,... (stress plates)")
    parser.add_argument(
        "--stress",
        choices=("regions", "nodes"),
        help="measure on generated stress content (benchmarks/stress.py) instead",
    )
    parser.add_argument("--limit", type=float, default=10.0, help="child: seconds to answer")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--json")
    parser.add_argument(
        "--only",
        choices=["startup", "switch", "interaction", "hit"],
        help="run one group of measurements",
    )
    parser.add_argument("--switch-processes", type=int, default=5)
    args = parser.parse_args()
    if args.child == "switch":
        child_switch(args.cache)
        return 0
    if args.child == "interaction":
        plates = dict(item.split("=", 1) for item in args.plates.split(",") if item)
        paths = {key: Path(value) for key, value in plates.items()} or None
        print(json.dumps(interaction(args.samples, Path(args.data) if args.data else None, paths)))
        return 0
    if args.child:
        child(args.child, args.start, args.cache, args.limit, args.data, args.plates)
        return 0
    results: dict[str, object] = {}
    if args.stress:
        results.update(stress(args.stress, args.runs, args.samples))
        args.only = "none"  # (the stress content alone)
    if args.only in (None, "startup"):
        results.update(startup(args.runs))
    if args.only in (None, "switch"):
        results.update(switching(args.switch_processes))
    if args.only in (None, "interaction"):
        results.update(interaction(args.samples))
    if args.only in (None, "hit"):
        results.update(hit_test_scaling())
    budgets = {  # (issue 15's goals)
        "paint_ratio": 1.3,
        "live_ratio": 1.4,
        "live_ratio_paired": 1.4,
        "ready_ratio": 1.6,
        "ready_ratio_paired": 1.6,
        "cold_ready_ratio": 2.0,
        "edited_ready_ratio": 2.5,
        "quit_extra_ms": 50,
        "switch_p95_ms": 100,
        "switch_first_visit_max_ms": 100,
        "click_median_ms": 16,
        "click_p95_ms": 16,
        "hover_median_ms": 8,
        "hover_p95_ms": 8,
        "toggle_median_ms": 16,
        "toggle_p95_ms": 16,
        "core_hit_test_2000_ms": 0.2,
        "scene_hit_test_2000_ms": 0.2,
        "rss_extra_mb": 60,
        "glance_click_median_ms": 16,
        # issue 15: the stress content keeps click <= 16 ms and hover <= 8 ms at p95, a warm
        # start within 1.6x of the bare window
        "stress_regions_click_p95_ms": 16,
        "stress_regions_hover_p95_ms": 8,
        "stress_regions_warm_ready_ratio": 1.6,
        "stress_nodes_click_p95_ms": 16,
        "stress_nodes_hover_p95_ms": 8,
        "stress_nodes_warm_ready_ratio": 1.6,
    }
    for key, value in results.items():
        budget = budgets.get(key.split("[")[0])
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
