"""Screen readers reach every structure on the plate.

In process: the plate's accessible interface (what Qt hands to the platform's accessibility
bridge) has a child per structure and trigger point, with name, role, description, place and
focus. Across processes: the app started on an accessibility bus (Xvfb and at-spi2), read with
pyatspi from another process, as a screen reader reads it (skipped where those are missing;
``.ci/run`` installs them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import HAMSTRINGS, focus_plate, walk_to
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from hamstring_viewer._qt.accessible import PlateAccessible, StructureAccessible
from hamstring_viewer._qt.window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(fitted_window: MainWindow) -> MainWindow:
    return fitted_window


def plate_interface(qtbot: QtBot, window: MainWindow) -> PlateAccessible:
    # the window makes the plate accessible by itself, one idle tick after its first paint
    qtbot.waitUntil(window.view.is_accessible, timeout=3000)
    iface = QAccessible.queryAccessibleInterface(window.view)
    assert isinstance(iface, PlateAccessible)
    return iface


def test_every_structure_and_trigger_point_is_a_named_child_of_the_plate(
    qtbot: QtBot, window: MainWindow
) -> None:
    plate = plate_interface(qtbot, window)
    kb = window.atlas.kb
    assert plate.childCount() == len(window.view.navigation_order())
    children = [plate.child(i) for i in range(plate.childCount())]
    assert all(isinstance(c, StructureAccessible) for c in children)
    names = {c.text(QAccessible.Text.Name) for c in children if c is not None}
    for record_id in (*HAMSTRINGS, *kb.trigger_points):
        assert kb.get(record_id).name in names, record_id  # type: ignore[union-attr]
    tp = plate.child_for("tp_semitendinosus")
    assert tp.role() == QAccessible.Role.Graphic
    assert tp.parent() is plate and plate.indexOfChild(tp) >= 0
    description = tp.text(QAccessible.Text.Description)
    assert description.startswith("Semitendinosus trigger point")
    assert "refers pain to the lower buttock" in description
    muscle = plate.child_for("semitendinosus").text(QAccessible.Text.Description)
    assert muscle.startswith("hamstring muscle")
    # where it is: inside the plate on the screen
    view = window.view
    rect = tp.rect()
    on_screen = (
        view.viewport().rect().translated(view.viewport().mapToGlobal(view.rect().topLeft()))
    )
    assert not rect.isEmpty() and on_screen.intersects(rect)


def test_the_focused_structure_is_the_focus_child_and_is_announced(
    qtbot: QtBot, window: MainWindow
) -> None:
    plate = plate_interface(qtbot, window)
    view = window.view
    focus_plate(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    focused = view.focused_record()
    assert focused is not None
    child = plate.focusChild()
    assert isinstance(child, StructureAccessible) and child.record_id == focused
    assert child.state().focused and child.state().focusable
    qtbot.keyClick(view, Qt.Key.Key_Right)
    moved = view.focused_record()
    assert moved != focused
    child = plate.focusChild()
    assert isinstance(child, StructureAccessible) and child.record_id == moved
    assert not plate.child_for(focused).state().focused  # type: ignore[arg-type]
    # Enter selects it: the child says so
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert plate.child_for(moved).state().selected  # type: ignore[arg-type]


def _tools() -> dict[str, str] | None:
    """The programs the screen-reader test needs, or None."""
    found = {
        "xvfb": shutil.which("Xvfb"),
        "dbus": shutil.which("dbus-run-session"),
        "bus": next(
            (
                p
                for p in (
                    "/usr/libexec/at-spi-bus-launcher",
                    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
                )
                if os.path.exists(p)
            ),
            None,
        ),
        "python": "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else None,
    }
    if not all(found.values()):
        return None
    python = found["python"] or "python3"
    probe = subprocess.run([python, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0 or not _xcb_loads():
        return None
    return {k: v for k, v in found.items() if v is not None}


def _xcb_loads() -> bool:
    """Whether Qt's X11 platform plugin finds every library it needs here."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    libraries = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    if shutil.which("ldd") is None or not all(p.exists() for p in libraries):
        return False
    for library in libraries:
        linked = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=False)
        if linked.returncode != 0 or "not found" in linked.stdout:
            return False
    return True


APP = textwrap.dedent(
    """
    import sys, tempfile
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QSettings, QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication
    from hamstring_viewer import resources
    from hamstring_viewer._qt.window import MainWindow
    from hamstring_viewer.catalog import load_atlas
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication([sys.argv[0]])
    app.setApplicationName("hamstring-viewer-a11y-test")
    atlas = load_atlas(resources.data_dir(), resources.plate_paths())
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(atlas, resources.plate_path().read_bytes(), settings)
    win.resize(1400, 900)
    win.show()
    win.activateWindow()
    win.view.setFocus()
    QTimer.singleShot(40000, app.quit)
    app.exec()
    """
)

READER = textwrap.dedent(
    """
    import sys, time
    import pyatspi
    from gi.repository import GLib

    def find_app(name):
        for _ in range(60):
            desk = pyatspi.Registry.getDesktop(0)
            for i in range(desk.childCount):
                app = desk.getChildAtIndex(i)
                if app is not None and app.name == name:
                    return app
            time.sleep(0.5)
        return None

    def find(acc, test, depth=0):
        if depth > 12 or acc is None:
            return None
        if test(acc):
            return acc
        for i in range(acc.childCount):
            got = find(acc.getChildAtIndex(i), test, depth + 1)
            if got is not None:
                return got
        return None

    app = find_app("hamstring-viewer-a11y-test")
    if app is None:
        print("NO-APP"); sys.exit(2)
    plate = find(app, lambda a: (a.name or "").startswith("Plate:"))
    if plate is None:
        print("NO-PLATE"); sys.exit(3)
    names = [plate.getChildAtIndex(i).name for i in range(plate.childCount)]
    print("CHILDREN", plate.childCount)
    for name in names:
        print("NAME", name)
    first = plate.getChildAtIndex(0)
    print("ROLE", first.getRoleName())
    print("DESCRIPTION", first.description)
    focused = []
    def on_focus(event):
        if event.detail1 == 1 and event.source is not None:
            focused.append(event.source.name)
    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    import subprocess
    loop = GLib.MainLoop()
    def press():
        subprocess.run(["xdotool", "key", "Next"], check=False)
        return False
    GLib.timeout_add(800, press)
    GLib.timeout_add(4000, loop.quit)
    loop.run()
    for name in focused:
        print("FOCUS", name)
    """
)


@pytest.mark.skipif(_tools() is None, reason="needs Xvfb, dbus, at-spi2-core and python3-pyatspi")
def test_a_screen_reader_finds_each_hamstring_and_trigger_point_under_the_plate(
    tmp_path: Path,
) -> None:
    tools = _tools()
    assert tools is not None
    if shutil.which("xdotool") is None:
        pytest.skip("needs xdotool to press a key as a user would")
    app = tmp_path / "app.py"
    app.write_text(APP.format(root=str(ROOT)), encoding="utf-8")
    reader = tmp_path / "reader.py"
    reader.write_text(READER, encoding="utf-8")
    display = f":{90 + os.getpid() % 9}"
    script = textwrap.dedent(
        f"""
        {tools["bus"]} --launch-immediately >/dev/null 2>&1 &
        Xvfb {display} -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
        XVFB=$!
        sleep 1.5
        export DISPLAY={display}
        export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb
        {sys.executable} {app} >/dev/null 2>&1 &
        APP=$!
        {tools["python"]} {reader}
        STATUS=$?
        kill $APP $XVFB 2>/dev/null
        exit $STATUS
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    done = subprocess.run(
        [tools["dbus"], "--", "bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    out = done.stdout
    assert done.returncode == 0, out + done.stderr[-2000:]
    names = [line[5:] for line in out.splitlines() if line.startswith("NAME ")]
    from hamstring_viewer import resources
    from hamstring_viewer.catalog import load_knowledge_base

    kb, _ = load_knowledge_base(resources.data_dir())
    for record_id in (*HAMSTRINGS, *kb.trigger_points):
        assert kb.get(record_id).name in names, record_id  # type: ignore[union-attr]
    assert "ROLE image" in out
    assert any(line.startswith("DESCRIPTION ") and len(line) > 20 for line in out.splitlines())
    # a key press on the plate moved the focus, and the reader heard it
    heard = [line[6:] for line in out.splitlines() if line.startswith("FOCUS ")]
    assert heard and heard[-1] in names, out


def test_keyboard_alone_opens_a_muscle_answers_the_quiz_and_marks_pain(
    qtbot: QtBot, window: MainWindow
) -> None:
    """One session without the mouse: find a muscle on the plate and read it, answer a quiz
    question, mark where it hurts."""
    import random

    from hamstring_viewer._qt.pain_dock import install as install_pain
    from hamstring_viewer._qt.quiz_dock import install as install_quiz

    quiz = install_quiz(window.host, rng=random.Random(3), fuzz=False)
    pain = install_pain(window.host)
    view = window.view
    focus_plate(qtbot, window)
    # open a muscle: walk to semitendinosus, Enter, and the panel reads it
    walk_to(qtbot, window, "semitendinosus")
    with qtbot.waitSignal(window.state.selectionChanged, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.panel.title() == "Semitendinosus"
    # Tab reaches the panel, whose text is there to read
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert window.panel.isAncestorOf(window.focusWidget())
    assert "Origin" in window.panel.text()
    # F7 opens the quiz; a "Find it" question is answered from the plate by Enter
    qtbot.keyClick(window, Qt.Key.Key_F7)
    qtbot.waitUntil(quiz.isVisible, timeout=2000)
    asked = quiz.start(only="find:semitendinosus::")
    assert asked is not None
    focus_plate(qtbot, window)
    walk_to(qtbot, window, "semitendinosus")
    with qtbot.waitSignal(quiz.answered, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "Right" in quiz.feedback.text()
    qtbot.keyClick(window, Qt.Key.Key_F7)  # and closes it
    qtbot.waitUntil(lambda: not quiz.isVisible(), timeout=2000)
    # Ctrl+H: where does it hurt? The arrow keys move the cursor, Space marks
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pain.is_active, timeout=2000)
    focus_plate(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(pain.resultsChanged, timeout=3000):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert len(pain.drawing.marks) == 1
