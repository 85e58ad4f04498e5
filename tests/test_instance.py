"""One running app per user: a second start brings the first one's window forward and never
opens the user's data, so two windows can never overwrite each other's notes or answers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hamstring_viewer._qt.instance import LOCK_FILE, Instance

ROOT = Path(__file__).resolve().parent.parent


def test_a_second_start_asks_the_first_to_come_forward(qtbot: QtBot, tmp_path: Path) -> None:
    first, second = Instance(tmp_path / "data"), Instance(tmp_path / "data")
    assert first.claim()
    assert not second.claim()  # the first one runs
    first.watch()
    with qtbot.waitSignal(first.frontRequested, timeout=5000):
        assert second.ask_running_to_come_forward()
    assert not first.request_file.exists()  # taken
    with qtbot.waitSignal(first.frontRequested, timeout=5000):  # and again, each time
        assert second.ask_running_to_come_forward()
    first.release()
    assert second.claim()  # the first one has ended
    second.release()


def test_a_request_left_while_the_app_was_starting_is_answered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first, second = Instance(tmp_path), Instance(tmp_path)
    assert first.claim() and not second.claim()
    assert second.ask_running_to_come_forward()
    with qtbot.waitSignal(first.frontRequested, timeout=5000):
        first.watch()
    first.release()


@pytest.mark.skipif(sys.platform == "win32", reason="kills with SIGKILL")
def test_the_lock_of_an_app_that_crashed_is_taken_over(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from hamstring_viewer._qt.instance import Instance\n"
        f"held = Instance(Path({str(tmp_path)!r}))\n"
        "print(held.claim(), flush=True)\n"
        "time.sleep(60)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    crashed = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env
    )
    try:
        assert crashed.stdout is not None and crashed.stdout.readline().strip() == "True"
        assert not Instance(tmp_path).claim()  # running: its lock holds
    finally:
        crashed.send_signal(signal.SIGKILL)
        crashed.communicate(timeout=30)
    assert (tmp_path / LOCK_FILE).exists()  # left behind by the crash
    survivor = Instance(tmp_path)
    assert survivor.claim()
    survivor.release()


def _user_env(home: Path) -> dict[str, str]:
    """The environment of a user whose folders are all under ``home`` (Linux and the BSDs)."""
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders")
def test_two_starts_of_the_app_one_window_and_the_second_touches_no_user_data(
    tmp_path: Path,
) -> None:
    """Started twice (as from a launcher), the app runs once: the second start says so, asks
    the first to show its window, and ends without opening, let alone writing, the user's
    notes, bookmarks or progress."""
    from hamstring_viewer.userdata import UserData

    env = _user_env(tmp_path)
    (tmp_path / "runtime").mkdir(mode=0o700)
    data = tmp_path / "data" / "HamstringViewer" / "Hamstring Viewer"
    earlier = UserData.open(data)  # the user's notes and bookmarks of an earlier session
    earlier.set_note("semitendinosus", "Tender two fingers above the knee crease.")
    earlier.toggle_bookmark("biceps_femoris_long_head")
    first = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    request = data / "instance.request"

    def answered() -> None:  # the running app takes a request once its window is live
        deadline = time.monotonic() + 60
        while request.exists():
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the running app never answered"
            time.sleep(0.1)

    try:
        deadline = time.monotonic() + 60
        while not (data / LOCK_FILE).exists():
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first start never took its lock"
            time.sleep(0.1)
        request.write_text("a test's request\n", encoding="utf-8")
        answered()  # (the first window is live and idle)
        before = _files(data)
        second = subprocess.run(
            [sys.executable, str(ROOT / "main.py")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        answered()
        assert _files(data) == before  # nothing of the user's was written, or replaced
        assert first.poll() is None  # and the first one still runs
    finally:
        first.terminate()
        first.communicate(timeout=30)
    again = UserData.open(data)
    assert again.note("semitendinosus") == "Tender two fingers above the knee crease."
    assert again.bookmarks() == ["biceps_femoris_long_head"]
