"""Benchmark: the first keystroke in the search field, and a change of language (timings live
here, not in the tests).

    python benchmarks/bench_typing.py              # 10 runs per language
    python benchmarks/bench_typing.py --runs 20

Each run is a fresh window (every feature installed, the search index not built yet), in
English and in German. It measures what a user waits for:

- **stall**: the longest gap in a 4 ms heartbeat timer of the window's event loop from Ctrl+F
  until the search index is built (the index holds both languages' texts and is built off the
  window's thread: the window keeps painting and taking keys);
- **first key**: Ctrl+F, then a letter typed ``--after`` ms later (a quick typist: 150 ms),
  from the key press to the list of hits painted; the same with the letter typed at once
  (0 ms), where the key waits for what is left of the build; and Ctrl+F and a letter once the
  window has been idle for the prefetch delay (the index is built ahead: the usual case);
- **switch**: Settings' language applied (a new window in the other language on the same plate
  and selection) from the choice to the new window painted.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HAMSTRING_VIEWER_LANGUAGE"] = "en"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--after", type=float, default=150.0, help="ms from Ctrl+F to the key")
    args = parser.parse_args()

    import tempfile

    from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hamstring_viewer import resources
    from hamstring_viewer._qt.app import switch_language
    from hamstring_viewer._qt.search_box import PREFETCH_MS
    from hamstring_viewer._qt.translation import install_language
    from hamstring_viewer._qt.window import MainWindow
    from hamstring_viewer.catalog import load_atlas
    from hamstring_viewer.userdata import UserData

    app = QApplication([sys.argv[0]])
    atlas = load_atlas(resources.data_dir(), resources.plate_paths())
    folder = Path(tempfile.mkdtemp())
    userdata = UserData.open(folder / "user")

    def window(language: str) -> MainWindow:
        install_language(language)
        settings = QSettings(str(folder / f"{language}.ini"), QSettings.Format.IniFormat)
        win = MainWindow(atlas.localized(language), {}, settings, userdata=userdata, features=True)
        win.resize(1400, 900)
        win.show()
        for _ in range(5):
            app.processEvents()
        gc.collect()  # as the app does once its window is loaded (app.start_window)
        gc.freeze()
        return win

    def wait_until(condition: object, limit_s: float = 10.0) -> None:
        deadline = time.perf_counter() + limit_s
        while not condition() and time.perf_counter() < deadline:  # type: ignore[operator]
            app.processEvents()

    def close(win: MainWindow) -> None:
        win.close()
        win.deleteLater()
        app.processEvents()

    def stall(language: str) -> float:
        """Ctrl+F, nothing typed: the longest gap of a 4 ms heartbeat until the index is built."""
        win = window(language)
        search = win.features["search"]
        gaps: list[float] = []
        clock = QElapsedTimer()
        beat = QTimer()
        beat.setInterval(4)
        beat.timeout.connect(lambda: gaps.append(clock.restart()))
        clock.start()
        beat.start()
        QTest.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        wait_until(search.index_built)
        for _ in range(3):
            app.processEvents()
        beat.stop()
        close(win)
        return max(gaps[1:] or [0.0])

    def first_key(language: str, after_ms: float, idle_ms: float = 0.0) -> float:
        """Ctrl+F ``idle_ms`` after the window is live, a letter ``after_ms`` later: from its
        press to the hits painted."""
        win = window(language)
        search = win.features["search"]
        started = time.perf_counter()
        while (time.perf_counter() - started) * 1000 < idle_ms:
            app.processEvents()
        QTest.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        started = time.perf_counter()
        while (time.perf_counter() - started) * 1000 < after_ms:
            app.processEvents()
        pressed = time.perf_counter()
        QTest.keyClick(search.field, Qt.Key.Key_S)
        wait_until(search.is_open)
        search.results.repaint()  # (the list painted: what the user sees)
        key_ms = (time.perf_counter() - pressed) * 1000
        close(win)
        return key_ms

    for language in ("en", "de"):
        stalls = [stall(language) for _ in range(args.runs)]
        quick = [first_key(language, args.after) for _ in range(args.runs)]
        at_once = [first_key(language, 0.0) for _ in range(args.runs)]
        idle = PREFETCH_MS + 500
        later = [first_key(language, 0.0, idle) for _ in range(max(3, args.runs // 3))]
        print(
            f"[{language}] longest stall while the index builds: median "
            f"{statistics.median(stalls):.1f} ms, p95 {percentile(stalls, 0.95):.1f} ms"
        )
        print(
            f"[{language}] first key {args.after:.0f} ms after Ctrl+F -> hits painted: median "
            f"{statistics.median(quick):.1f} ms, p95 {percentile(quick, 0.95):.1f} ms"
        )
        print(
            f"[{language}] first key at once after Ctrl+F -> hits painted: median "
            f"{statistics.median(at_once):.1f} ms, p95 {percentile(at_once, 0.95):.1f} ms"
        )
        print(
            f"[{language}] Ctrl+F and a key {idle / 1000:.1f} s after start (index built ahead) "
            f"-> hits painted: median {statistics.median(later):.1f} ms, "
            f"p95 {percentile(later, 0.95):.1f} ms"
        )

    switches = []
    win = window("en")
    win.state.select("semitendinosus")
    for i in range(args.runs):
        language = "de" if i % 2 == 0 else "en"
        started = time.perf_counter()
        win = switch_language(win, language)
        win.repaint()
        switches.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    print(
        f"language switch -> new window painted: median {statistics.median(switches):.0f} ms, "
        f"p95 {percentile(switches, 0.95):.0f} ms"
    )
    install_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
