"""The quiz as a user meets it: open it, answer on the plate or with a button, see the feedback
on the plate and in the dock, come back another day and find the schedule kept."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import REVIEWED_ITEM, focus_plate, show_window, walk_to
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot
from test_viewer import click_plate, differs, grab, pixel, visible_point

from hamstring_viewer._qt.quiz_dock import QuizDock, due_text, install
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.quiz import Asked, Result
from hamstring_viewer.userdata import UserData

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
FIND_ST = "find:semitendinosus::"
NAME_ST = "name:semitendinosus:name:english"
NERVE_ST = "fact:semitendinosus:innervation:nerve"
PAIN_BF = "pain:zone_biceps_femoris_essential:pattern:"


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


OpenQuiz = Callable[[], QuizDock]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    return tmp_path / "user"


@pytest.fixture
def open_quiz(
    qtbot: QtBot, atlas: Atlas, tmp_path: Path, user_dir: Path, clock: Clock
) -> Iterator[OpenQuiz]:
    """Builds a window on ``user_dir`` with the quiz installed (call again: a restart)."""
    windows: list[MainWindow] = []

    def make() -> QuizDock:
        userdata = UserData.open(user_dir, clock=clock)
        win = show_window(qtbot, atlas, tmp_path / "settings.ini", userdata)
        quiz = install(win.host, clock=clock, rng=random.Random(7), fuzz=False)
        win.actions_by_name["quiz_show"].trigger()
        win.view.fit()
        windows.append(win)
        return quiz

    yield make
    for win in windows:
        win.close()


@pytest.fixture
def quiz(open_quiz: OpenQuiz) -> QuizDock:
    return open_quiz()


def ask(quiz: QuizDock, question_id: str) -> Asked:
    asked = quiz.start(only=question_id)
    assert asked is not None and asked.id == question_id
    return asked


def window_of(quiz: QuizDock) -> MainWindow:
    return quiz.main_window


def button_for(quiz: QuizDock, text: str) -> QPushButton:
    matches = [b for b in quiz.choice_buttons() if b.choice_text == text]
    assert len(matches) == 1, [b.choice_text for b in quiz.choice_buttons()]
    return matches[0]


# --------------------------------------------------------------------------------------------


def test_the_study_menu_opens_and_closes_the_quiz(quiz: QuizDock) -> None:
    win = window_of(quiz)
    action = win.actions_by_name["quiz_show"]
    assert action.shortcut().toString() == "F7"
    menus = {a.text().replace("&", ""): a.menu() for a in win.menuBar().actions()}
    study = menus["Study"]
    assert isinstance(study, QMenu) and action in study.actions()
    assert quiz.isVisible() and quiz.objectName() == "quizDock"
    assert "Start" in quiz.prompt.text()
    action.trigger()
    assert not quiz.isVisible()


def test_find_it_right_click_scores_and_schedules_later(
    qtbot: QtBot, quiz: QuizDock, clock: Clock
) -> None:
    win = window_of(quiz)
    asked = ask(quiz, FIND_ST)
    assert "Semitendinosus" in quiz.prompt.text()
    assert win.view.tool is not None
    assert quiz.scheduler.due(FIND_ST) is None
    x, y = visible_point(win, "semitendinosus")
    with qtbot.waitSignal(quiz.answered, timeout=2000) as signal:
        click_plate(qtbot, win, x, y)
    assert signal.args is not None and signal.args[0].serial == asked.serial
    assert "Right" in quiz.feedback.text()
    assert "Score: 1/1" in quiz.score.text()
    due = quiz.scheduler.due(FIND_ST)
    assert due is not None and due > clock.now
    assert f"Next review: {due_text(due, clock.now)}" in quiz.feedback.text()
    # clicking answered, it did not select
    assert win.state.selection is None
    # the right answer is green on the plate
    assert win.view.emphasis("answer")


def test_a_wrong_click_is_marked_and_the_answer_shown_and_comes_back_sooner(
    qtbot: QtBot, quiz: QuizDock, clock: Clock
) -> None:
    win = window_of(quiz)
    sx, sy = visible_point(win, "semitendinosus")
    probe = win.view.scene_to_view(sx, sy)
    ask(quiz, "find:gracilis::")
    before = pixel(grab(win), probe)
    # right on one question ...
    gx, gy = visible_point(win, "gracilis")
    click_plate(qtbot, win, gx, gy)
    due_right = quiz.scheduler.due("find:gracilis::")
    # ... wrong on another, at the same time
    ask(quiz, FIND_ST)
    assert not win.view.emphasis("answer")  # a new question starts clean
    click_plate(qtbot, win, gx, gy)
    assert "Wrong" in quiz.feedback.text()
    assert "You clicked Gracilis" in quiz.feedback.text()
    assert "Semitendinosus" in quiz.feedback.text()
    assert "Score: 0/1" in quiz.score.text()
    due_wrong = quiz.scheduler.due(FIND_ST)
    assert due_right is not None and due_wrong is not None
    assert clock.now < due_wrong < due_right
    # semitendinosus is emphasised (green, over its red), the wrong click marked
    answer = win.view.emphasis("answer")
    assert answer and any(p.contains(win.view.mapToScene(probe)) for p in answer)
    assert win.view.emphasis("quiz_wrong")
    after = pixel(grab(win), probe)
    assert differs(before, after)
    # greener: the green share of the colour grows (a translucent green over the muscle)
    assert after.green() / max(1, after.red()) > before.green() / max(1, before.red())


def test_a_double_click_counts_once(qtbot: QtBot, quiz: QuizDock) -> None:
    win = window_of(quiz)
    ask(quiz, FIND_ST)
    x, y = visible_point(win, "semitendinosus")
    pos = win.view.scene_to_view(x, y)
    results: list[Result] = []
    quiz.answered.connect(results.append)
    # a real double click reaches a widget as press, release, press, double-click, release
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert len(results) >= 2 and results[0].counted
    assert not any(r.counted for r in results[1:])
    assert "Score: 1/1" in quiz.score.text()
    assert len(quiz.scheduler.history(FIND_ST)) == 1


def test_a_choice_question_is_answered_with_a_button(qtbot: QtBot, quiz: QuizDock) -> None:
    asked = ask(quiz, NERVE_ST)
    assert len(quiz.choice_buttons()) == len(asked.choices) >= 2
    right = button_for(quiz, asked.question.answer_text)
    qtbot.mouseClick(right, Qt.MouseButton.LeftButton)
    assert "Right" in quiz.feedback.text()
    assert "Score: 1/1" in quiz.score.text()
    assert not any(b.isEnabled() for b in quiz.choice_buttons())
    # the next question comes with the button
    qtbot.mouseClick(quiz.start_button, Qt.MouseButton.LeftButton)
    assert quiz.current is not None and quiz.current.serial == asked.serial + 1
    assert quiz.result is None


def test_name_it_highlights_without_giving_the_name_away(qtbot: QtBot, quiz: QuizDock) -> None:
    win = window_of(quiz)
    win.state.select("semitendinosus")
    asked = ask(quiz, NAME_ST)
    assert win.view.emphasis("quiz")
    assert win.state.selection is None
    # the panel shows the welcome page, not the muscle's own page
    panel = " ".join(win.panel.browser.toPlainText().split())
    assert "welcome" in panel.lower()
    assert asked.question.explanation[:40] not in panel
    assert "Semitendinosus" not in quiz.prompt.text()
    assert not win.state.layer_visible("labels")
    # hovering the highlighted muscle names nothing
    x, y = visible_point(win, "semitendinosus")
    qtbot.mouseMove(win.view.viewport(), win.view.scene_to_view(x, y))
    qtbot.waitUntil(lambda: win.state.hover == "semitendinosus", timeout=2000)
    assert win.view.viewport().toolTip() == ""
    assert "Semitendinosus" not in win.statusBar().currentMessage()
    # a click on the plate does not select it either
    click_plate(qtbot, win, x, y)
    assert win.state.selection is None and quiz.result is None
    wrong = next(c for c in asked.choices if c.id != "semitendinosus")
    qtbot.mouseClick(button_for(quiz, wrong.text), Qt.MouseButton.LeftButton)
    assert "Wrong" in quiz.feedback.text() and "Semitendinosus" in quiz.feedback.text()
    assert not win.view.emphasis("quiz")
    assert win.view.emphasis("answer")
    assert win.view.emphasis("quiz_wrong")  # where the picked structure really is


def test_whose_pain_draws_the_pattern_and_takes_a_trigger_point(
    qtbot: QtBot, quiz: QuizDock
) -> None:
    win = window_of(quiz)
    win.state.set_overlays({"tp_semitendinosus"})
    ask(quiz, PAIN_BF)
    assert win.view.zone_preview() == {
        "zone_biceps_femoris_essential",
        "zone_biceps_femoris_spillover",
    }
    assert not win.state.overlays  # the user's own overlays are put away meanwhile
    assert win.view.zone_item("zone_biceps_femoris_essential").isVisible()
    assert not win.view.zone_item("zone_medial_hamstrings_essential").isVisible()
    x, y = visible_point(win, "tp_biceps_femoris_long_head")
    click_plate(qtbot, win, x, y)
    assert "Right" in quiz.feedback.text()
    win.actions_by_name["quiz_show"].trigger()
    assert win.view.zone_preview() == frozenset()
    assert win.state.overlays == {"tp_semitendinosus"}


def test_a_click_on_nothing_is_not_an_answer(qtbot: QtBot, quiz: QuizDock) -> None:
    win = window_of(quiz)
    ask(quiz, FIND_ST)
    click_plate(qtbot, win, 40, 40)
    assert quiz.result is None
    assert "Nothing" in win.statusBar().currentMessage()


def test_leaving_the_quiz_gives_the_plate_back(qtbot: QtBot, quiz: QuizDock) -> None:
    win = window_of(quiz)
    ask(quiz, NAME_ST)
    assert win.view.tool is not None
    win.actions_by_name["quiz_show"].trigger()  # uncheck
    assert win.view.tool is None
    assert not win.view.emphasis("quiz") and not win.view.emphasis("answer")
    assert win.state.layer_visible("labels")
    x, y = visible_point(win, "semitendinosus")
    click_plate(qtbot, win, x, y)
    assert win.state.selection == "semitendinosus"


def test_leaving_keeps_another_features_tool(quiz: QuizDock) -> None:
    class OtherTool:
        def press(self, x: float, y: float) -> None: ...
        def drag(self, x: float, y: float) -> None: ...
        def release(self, x: float, y: float) -> None: ...

    win = window_of(quiz)
    ask(quiz, FIND_ST)
    other = OtherTool()
    win.view.set_tool(other)
    quiz.leave()
    assert win.view.tool is other


def test_progress_survives_a_restart(
    qtbot: QtBot, open_quiz: OpenQuiz, clock: Clock, user_dir: Path
) -> None:
    first = open_quiz()
    win = window_of(first)
    ask(first, FIND_ST)
    x, y = visible_point(win, "semitendinosus")
    click_plate(qtbot, win, x, y)
    due = first.scheduler.due(FIND_ST)
    assert due is not None
    win.close()
    clock.now += timedelta(minutes=3)
    second = open_quiz()
    assert second.scheduler.due(FIND_ST) == due
    assert "answered 1 question before" in second.prompt.text()
    ask(second, FIND_ST)
    assert second.history.text() == (
        f"Seen once before, right once; review due {due_text(due, clock.now)}."
    )
    assert "in 7 minutes" in second.history.text()


def test_unreadable_progress_file_is_reported_and_the_quiz_still_works(
    qtbot: QtBot, open_quiz: OpenQuiz, user_dir: Path
) -> None:
    user_dir.mkdir(parents=True)
    (user_dir / "progress.json").write_text("{ not json", encoding="utf-8")
    quiz = open_quiz()
    assert quiz.message.isVisible()
    assert "quiz progress" in quiz.message.text() and "moved aside" in quiz.message.text()
    win = window_of(quiz)
    ask(quiz, FIND_ST)
    x, y = visible_point(win, "semitendinosus")
    click_plate(qtbot, win, x, y)
    assert "Right" in quiz.feedback.text()
    saved = json.loads((user_dir / "progress.json").read_text(encoding="utf-8"))
    assert FIND_ST in saved["progress"]["items"]


def test_a_malformed_answer_record_is_set_aside_and_the_others_kept(
    qtbot: QtBot, open_quiz: OpenQuiz, user_dir: Path
) -> None:
    user_dir.mkdir(parents=True)
    good = REVIEWED_ITEM  # a quiz item the scheduler reads
    kept_id = "find:semimembranosus"
    document = {
        "format": 1,
        "progress": {
            "format": "hamstring-viewer-progress",
            "version": 1,
            "items": {FIND_ST: {"state": 9}, kept_id: good},
        },
    }
    path = user_dir / "progress.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    quiz = open_quiz()
    text = quiz.message.text()
    assert quiz.message.isVisible()
    assert "set aside in progress.corrupt-" in text and "state" in text  # names the bad field
    assert kept_id in quiz.scheduler.items()  # every other answer stays
    on_disk = json.loads(path.read_text(encoding="utf-8"))["progress"]["items"]
    assert set(on_disk) == {kept_id}
    (aside,) = user_dir.glob("progress.corrupt-*.json")
    entries = json.loads(aside.read_text(encoding="utf-8"))["entries"]
    assert [e["entry"] for e in entries] == [FIND_ST] and "state" in entries[0]["why"]
    win = window_of(quiz)
    ask(quiz, FIND_ST)
    click_plate(qtbot, win, *visible_point(win, "semitendinosus"))
    saved = json.loads(path.read_text(encoding="utf-8"))["progress"]["items"]
    assert set(saved) == {kept_id, FIND_ST}


def test_progress_that_cannot_be_saved_is_said_and_the_quiz_goes_on(
    qtbot: QtBot, open_quiz: OpenQuiz, user_dir: Path
) -> None:
    user_dir.mkdir(parents=True)
    path = user_dir / "progress.json"
    path.write_text(json.dumps({"format": 99, "progress": {}}), encoding="utf-8")
    quiz = open_quiz()
    assert "newer version" in quiz.message.text()
    asked = ask(quiz, NERVE_ST)
    qtbot.mouseClick(button_for(quiz, asked.question.answer_text), Qt.MouseButton.LeftButton)
    assert "Right" in quiz.feedback.text()
    assert "not saved" in quiz.message.text()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == 99


def test_changing_the_kind_starts_a_round_of_that_kind(qtbot: QtBot, quiz: QuizDock) -> None:
    qtbot.mouseClick(quiz.start_button, Qt.MouseButton.LeftButton)
    assert quiz.current is not None
    quiz.kind_box.setCurrentIndex(quiz.kind_box.findText("Facts"))
    assert quiz.current.question.kind == "fact"
    assert quiz.choice_buttons()
    for _ in range(5):
        qtbot.mouseClick(quiz.start_button, Qt.MouseButton.LeftButton)  # skip
        assert quiz.current.question.kind == "fact"
    assert "Score: 0/0" in quiz.score.text()


def test_questions_do_not_repeat_within_a_round(qtbot: QtBot, quiz: QuizDock) -> None:
    quiz.start(kinds=("pain",))
    assert quiz.kind_box.currentText() == "Whose pain is this?"
    assert quiz.round is not None
    size = len(quiz.round.questions)
    seen = [quiz.current.id if quiz.current else ""]
    for _ in range(size - 1):
        qtbot.mouseClick(quiz.start_button, Qt.MouseButton.LeftButton)
        seen.append(quiz.current.id if quiz.current else "")
    assert len(set(seen)) == size


def test_closing_the_window_mid_question_saves_the_users_own_layers(
    qtbot: QtBot, open_quiz: OpenQuiz, tmp_path: Path
) -> None:
    quiz = open_quiz()
    ask(quiz, NAME_ST)
    window_of(quiz).close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert str(settings.value("layers/labels")).lower() == "true"


def test_a_kind_without_questions_says_so(quiz: QuizDock) -> None:
    assert quiz.start(kinds=()) is None
    assert "no questions" in quiz.prompt.text()
    assert quiz.main_window.view.tool is None


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=10), "now"),
        (timedelta(minutes=1), "in 1 minute"),
        (timedelta(minutes=10), "in 10 minutes"),
        (timedelta(hours=5), "in 5 hours"),
        (timedelta(days=3), "in 3 days (4 March)"),
    ],
)
def test_due_text(delta: timedelta, text: str) -> None:
    assert due_text(T0 + delta, T0) == text


def test_every_quiz_kind_is_answered_from_the_keyboard(qtbot: QtBot, quiz: QuizDock) -> None:
    win = window_of(quiz)
    view = win.view
    # "Find it": walk the plate to the structure and press Enter
    asked = ask(quiz, FIND_ST)
    focus_plate(qtbot, win)
    walk_to(qtbot, win, "semitendinosus")
    with qtbot.waitSignal(quiz.answered, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "Right" in quiz.feedback.text()
    assert win.state.selection is None  # Enter answered; it did not select
    # Enter again: the next question
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert quiz.current is not None and quiz.current.serial == asked.serial + 1
    # a choice question: its number picks the answer (no Alt), from the plate or the panel
    asked = ask(quiz, NERVE_ST)
    buttons = quiz.choice_buttons()
    right = next(b for b in buttons if b.choice_text == asked.question.answer_text)
    assert right.accessibleName().startswith(f"{right.number}: ")
    with qtbot.waitSignal(quiz.answered, timeout=2000):
        qtbot.keyClick(view, getattr(Qt.Key, f"Key_{right.number}"))
    assert "Right" in quiz.feedback.text()
    qtbot.keyClick(quiz.choices, Qt.Key.Key_Return)
    assert quiz.current is not None and quiz.result is None
    asked = ask(quiz, NERVE_ST)
    wrong = next(b for b in quiz.choice_buttons() if b.choice_text != asked.question.answer_text)
    with qtbot.waitSignal(quiz.answered, timeout=2000):
        qtbot.keyClick(quiz.choices, getattr(Qt.Key, f"Key_{wrong.number}"))
    assert "Right" not in quiz.feedback.text()
    # Help lists these keys
    from hamstring_viewer._qt.window import SHORTCUTS

    keys = " ".join(f"{k} {v}" for k, v in SHORTCUTS)
    assert "In the quiz" in keys and "1 – 4 pick an answer" in keys
