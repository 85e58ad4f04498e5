"""The quiz dock: questions from the knowledge base, answered on the plate or with buttons.

:func:`install` adds a "Quiz" dock and a *Study ▸ Quiz* entry (F7) to a main window. While a
question waits for its answer the quiz owns the plate's tool (clicks answer instead of
selecting), plate labels are hidden and hovering names nothing, so neither the plate nor the
panel gives the answer away. The answer lights up on the plate at once; progress (when each
question is due again) is kept with spaced repetition in the user's data.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hamstring_viewer.describe import plain_name
from hamstring_viewer.geometry import CLICK_LAYERS
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate
from hamstring_viewer.quiz import (
    Asked,
    Choice,
    Question,
    QuizRound,
    Result,
    build_questions,
    normalise,
)
from hamstring_viewer.scheduler import Clock, ProgressError, ReviewScheduler, utc_now
from hamstring_viewer.userdata import UserDataError

from .colours import muted_text

if TYPE_CHECKING:
    from .host import PlateHost

#: What the kind selector offers (translated where shown), and the question kinds each entry
#: draws from.
KIND_ENTRIES: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    (QT_TRANSLATE_NOOP("QuizDock", "All kinds"), None),
    (QT_TRANSLATE_NOOP("QuizDock", "Find it"), ("find",)),
    (QT_TRANSLATE_NOOP("QuizDock", "Name it"), ("name",)),
    (QT_TRANSLATE_NOOP("QuizDock", "Whose pain is this?"), ("pain",)),
    (QT_TRANSLATE_NOOP("QuizDock", "Facts"), ("fact",)),
)
#: The months' names, January first (translated where shown).
_MONTHS = (
    QT_TRANSLATE_NOOP("QuizDock", "January"),
    QT_TRANSLATE_NOOP("QuizDock", "February"),
    QT_TRANSLATE_NOOP("QuizDock", "March"),
    QT_TRANSLATE_NOOP("QuizDock", "April"),
    QT_TRANSLATE_NOOP("QuizDock", "May"),
    QT_TRANSLATE_NOOP("QuizDock", "June"),
    QT_TRANSLATE_NOOP("QuizDock", "July"),
    QT_TRANSLATE_NOOP("QuizDock", "August"),
    QT_TRANSLATE_NOOP("QuizDock", "September"),
    QT_TRANSLATE_NOOP("QuizDock", "October"),
    QT_TRANSLATE_NOOP("QuizDock", "November"),
    QT_TRANSLATE_NOOP("QuizDock", "December"),
)
#: Emphasis roles on the plate: the asked region, the right answer, a wrong answer.
ROLE_ASK = "quiz"
ROLE_ANSWER = "answer"
ROLE_WRONG = "quiz_wrong"
ASK_COLOUR = "#f57f17"
RIGHT_COLOUR = "#2e7d32"
WRONG_COLOUR = "#c62828"
SHORTCUT = "F7"


def due_text(due: datetime, now: datetime) -> str:
    """When ``due`` comes, said from ``now``: "now", "in 10 minutes", "in 3 days (4 March)"."""
    seconds = (due - now).total_seconds()
    if seconds < 30:
        return translate("QuizDock", "now")
    minutes = round(seconds / 60)
    if minutes < 60:
        if minutes == 1:
            return translate("QuizDock", "in {count} minute").format(count=minutes)
        return translate("QuizDock", "in {count} minutes").format(count=minutes)
    hours = round(seconds / 3600)
    if hours < 24:
        if hours == 1:
            return translate("QuizDock", "in {count} hour").format(count=hours)
        return translate("QuizDock", "in {count} hours").format(count=hours)
    days = round(seconds / 86400)
    local = due.astimezone()
    month = translate("QuizDock", _MONTHS[local.month - 1])
    if days == 1:
        text = translate("QuizDock", "in {count} day ({day} {month})")
    else:
        text = translate("QuizDock", "in {count} days ({day} {month})")
    return text.format(count=days, day=local.day, month=month)


def _times(count: int) -> str:
    if count == 1:
        return translate("QuizDock", "once")
    if count == 2:
        return translate("QuizDock", "twice")
    return translate("QuizDock", "{count} times").format(count=count)


def _wrapping_label(name: str, accessible_name: str) -> QLabel:
    """A rich-text label that wraps to the dock's width (and never widens the dock)."""
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class _PlateAnswers:
    """The plate tool of the quiz: a left-button press answers with the region under it."""

    def __init__(self, dock: QuizDock) -> None:
        self._dock = dock

    def press(self, x: float, y: float) -> None:
        self._dock.answer_at(x, y)

    def drag(self, x: float, y: float) -> None:
        pass

    def release(self, x: float, y: float) -> None:
        pass

    def choose(self, record_id: str) -> None:
        """Enter on the plate: answer with the structure under the keyboard focus."""
        self._dock.answer_record(record_id)


class ChoiceButton(QPushButton):
    """An answer button whose text wraps (choices can be whole sentences); its number, or
    Alt+number, picks it."""

    _STYLE = "QPushButton {{ text-align: left; padding: 4px; {extra} }}"

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.choice_text = text
        self.setAccessibleName(f"{number}: {text}")
        self.setShortcut(QKeySequence(f"Alt+{number}"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.mark("")

    def mark(self, verdict: str) -> None:
        """Show the button as the right answer ("right"), the wrong pick ("wrong") or plain."""
        sign = {"right": "✓", "wrong": "✗"}.get(verdict, str(self.number))
        self.label.setText(f"{sign}   {self.choice_text}")
        colours = {
            "right": f"color: white; background: {RIGHT_COLOUR}; font-weight: bold;",
            "wrong": f"color: white; background: {WRONG_COLOUR};",
        }
        self.setStyleSheet(self._STYLE.format(extra=colours.get(verdict, "")))
        weight = "bold" if verdict == "right" else "normal"
        self.label.setStyleSheet(
            f"QLabel {{ color: white; font-weight: {weight}; }}" if verdict else ""
        )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self._layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        return self.label.heightForWidth(inner) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.heightForWidth(max(1, self.width()))))


class QuizDock(QDockWidget):
    """Asks questions, grades answers and shows feedback on the plate and in the dock.

    ``clock`` (aware UTC time) drives the spaced-repetition schedule; ``rng`` draws questions
    and shuffles choices; ``fuzz`` lets long review intervals vary by a day or so.
    """

    asked = Signal(object)  # Asked: a question was put to the user
    answered = Signal(object)  # Result: an answer was graded (counted or not)

    def __init__(
        self,
        host: PlateHost,
        *,
        clock: Clock = utc_now,
        rng: random.Random | None = None,
        fuzz: bool = True,
    ) -> None:
        super().__init__(translate("QuizDock", "Quiz"), host.window)
        self.host = host
        self.main_window = window = host.window
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self._fuzz = fuzz
        self._tool = _PlateAnswers(self)
        self._scheduler: ReviewScheduler | None = None
        self._questions: dict[str, Question] = {}
        self._questions_view = ""  # the view the questions were built for
        self._round: QuizRound | None = None
        self._asked: Asked | None = None
        self._result: Result | None = None
        self._active = False  # the plate is set up for the quiz (labels, overlays stashed)
        self._stashed_labels = False
        self._stashed_overlays: frozenset[str] = frozenset()
        self._preview: frozenset[str] = frozenset()
        self._hint = ""  # what the status bar says while a question waits
        self._progress_note = ""  # why saved progress is not in use, for the user
        self._regions_of: dict[str, tuple[str, ...]] | None = None
        self._choice_buttons: list[tuple[ChoiceButton, Choice]] = []

        self.setObjectName("quizDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.setMinimumWidth(300)
        body = QWidget()
        body.setObjectName("quizBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        self.message = _wrapping_label("quizMessage", translate("QuizDock", "Quiz message"))
        self.message.setStyleSheet(
            "QLabel { background: #fff3e0; border: 1px solid #ef6c00; padding: 6px; }"
        )
        self.message.setVisible(False)

        row = QHBoxLayout()
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("quizKind")
        self.kind_box.setAccessibleName(translate("QuizDock", "Kind of question"))
        for text, _kinds in KIND_ENTRIES:
            self.kind_box.addItem(translate("QuizDock", text))
        self.start_button = QPushButton(translate("QuizDock", "Start"))
        self.start_button.setObjectName("quizStart")
        self.start_button.setAccessibleName(translate("QuizDock", "Start the quiz"))
        row.addWidget(self.kind_box, 1)
        row.addWidget(self.start_button)

        self.prompt = _wrapping_label("quizPrompt", translate("QuizDock", "Question"))
        self.history = _wrapping_label(
            "quizHistory", translate("QuizDock", "Your record on this question")
        )
        self.history.setStyleSheet("QLabel { color: #5f5f5f; }")
        self.choices = QWidget()
        self.choices.setObjectName("quizChoices")
        self._choices_layout = QVBoxLayout(self.choices)
        self._choices_layout.setContentsMargins(0, 0, 0, 0)
        self.feedback = _wrapping_label("quizFeedback", translate("QuizDock", "Feedback"))
        self.score = _wrapping_label("quizScore", translate("QuizDock", "Score"))

        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.prompt)
        layout.addWidget(self.history)
        layout.addWidget(self.choices)
        layout.addWidget(self.feedback)
        layout.addWidget(self.score)
        layout.addStretch(1)
        self.setWidget(body)

        self.action = self.toggleViewAction()
        self.action.setText(translate("QuizDock", "&Quiz"))
        self.action.setObjectName("quiz_show")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setStatusTip(
            translate("QuizDock", "Test yourself: find, name and explain what is on the plate")
        )

        self.start_button.clicked.connect(self._on_start_clicked)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.action.toggled.connect(self._on_shown_changed)
        host.state.hoverChanged.connect(self._on_hover_changed)
        host.viewChanged.connect(self._on_view_changed)
        window.installEventFilter(self)
        self._show_intro()

    # public API --------------------------------------------------------------------------
    @property
    def scheduler(self) -> ReviewScheduler:
        """The review schedule (loaded from the user's data on first use)."""
        return self._ensure_scheduler()

    def _ensure_scheduler(self) -> ReviewScheduler:
        if self._scheduler is None:
            self._scheduler = self._load_progress()
        return self._scheduler

    @property
    def round(self) -> QuizRound | None:
        return self._round

    @property
    def current(self) -> Asked | None:
        """The question on show (answered or not), or None."""
        return self._asked

    @property
    def result(self) -> Result | None:
        """The grade of the question on show, once answered."""
        return self._result

    def choice_buttons(self) -> list[ChoiceButton]:
        return [button for button, _choice in self._choice_buttons]

    def start(self, kinds: Iterable[str] | None = None, *, only: str | None = None) -> Asked | None:
        """Open the quiz, start a round of ``kinds`` (None: all) and ask its first question.

        ``only`` limits the round to one question id (every asking is that question; KeyError
        for an unknown id). None if the atlas has no question of those kinds.
        """
        if self.isHidden():
            self.show()
        self.raise_()
        wanted = None if kinds is None else tuple(kinds)
        pool = self._pool(wanted)
        if only is not None:
            if only not in self._all_questions():
                raise KeyError(f"no question '{only}'")
            pool = [self._all_questions()[only]]
        self._select_kind_entry(wanted)
        if not pool:
            self.leave()
            self.prompt.setText(
                "<p>" + translate("QuizDock", "The atlas has no questions of this kind.") + "</p>"
            )
            return None
        self._round = QuizRound(pool, self.scheduler, rng=self._rng)
        return self.next_question()

    def next_question(self) -> Asked | None:
        """Ask the next question of the round (starting one of the chosen kind if needed)."""
        if self._round is None:
            return self.start(KIND_ENTRIES[self.kind_box.currentIndex()][1])
        asked = self._round.next_question()
        self._ask(asked)
        return asked

    def answer(self, response: str) -> Result | None:
        """Answer the question on show with a plate region id or a choice id.

        Only the first answer to an asking counts; later ones return a result with
        ``counted`` False and change nothing. None if no question is on show.
        """
        asked, round_ = self._asked, self._round
        if asked is None or round_ is None:
            return None
        result = round_.answer(asked.id, response, serial=asked.serial)
        if result.counted:
            self._result = result
            self._show_result(result)
            self._save_progress()
        self.answered.emit(result)
        return result

    def answer_at(self, x: float, y: float) -> Result | None:
        """Answer a click question with the visible region at plate point (x, y)."""
        asked = self._asked
        if asked is None:
            return None
        if self._result is not None:
            self._status(
                translate(
                    "QuizDock",
                    "Already answered: press Next question, or close the quiz to explore.",
                )
            )
        if not asked.question.by_click:
            if self._result is None:
                self._status(translate("QuizDock", "Pick one of the answers in the Quiz panel."))
            return None
        region = self._region_at(x, y)
        if region is None and self._result is None:
            self._status(
                translate("QuizDock", "Nothing to click there: click a structure on the plate.")
            )
        return self.answer(region) if region is not None else None

    def answer_record(self, record_id: str) -> Result | None:
        """Answer a click question with a structure (the plate's keyboard focus): with its
        region that the question accepts, or its first shown one. After an answer: the next
        question."""
        asked = self._asked
        if asked is None:
            return None
        if self._result is not None:
            self.next_question()
            return None
        if not asked.question.by_click:
            self._status(
                translate(
                    "QuizDock", "Pick one of the answers in the Quiz panel: press its number."
                )
            )
            return None
        hidden = self._hidden_regions()
        regions = [r for r in self._regions(record_id) if r not in hidden]
        if not regions:
            return None
        accepted = [r for r in regions if r in asked.question.accepted]
        return self.answer((accepted or regions)[0])

    def _key_answers(self, event: QKeyEvent) -> bool:
        """A number picks that answer, Enter goes on to the next question once answered (from
        the quiz panel or the plate). True if the key was used."""
        if self._asked is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if self._result is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_question()
            return True
        if self._result is None and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            number = key - Qt.Key.Key_1
            if number < len(self._choice_buttons):
                self._choice_buttons[number][0].click()
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._key_answers(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def leave(self) -> None:
        """End the round: clear the quiz's marks and give the plate back."""
        self._round = None
        self._asked = None
        self._result = None
        self._clear_choices()
        self._restore_plate()
        self._show_intro()

    # events ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "main_window" not in self.__dict__:  # the wrapper is being torn down at exit
            return False
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            self._restore_plate()  # before the window saves the user's layers and overlays
        if (
            watched is self.host.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._key_answers(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _on_shown_changed(self, shown: bool) -> None:
        if shown:
            self._ensure_scheduler()  # load the progress now, so its problems are told now
            self._show_intro()
        elif isValid(self.main_window) and self.main_window.isVisible():
            self.leave()  # (not while the window closes, nor once it is deleted)

    def _on_start_clicked(self) -> None:
        if self._round is None:
            self.start(KIND_ENTRIES[self.kind_box.currentIndex()][1])
        else:
            self.next_question()

    def _on_kind_changed(self, index: int) -> None:
        if self._round is not None:
            self.start(KIND_ENTRIES[index][1])

    def _on_choice_clicked(self, choice_id: str) -> None:
        self.answer(choice_id)

    def _on_hover_changed(self, record_id: object) -> None:
        """While a question waits for its answer, hovering the plate names nothing."""
        if self._asked is not None and self._result is None and isinstance(record_id, str):
            self.host.view.viewport().setToolTip("")
            self._status(self._hint)

    # asking ------------------------------------------------------------------------------
    def _all_questions(self) -> dict[str, Question]:
        if not self._questions or self._questions_view != self.host.view_key:
            view = self.host.view_key
            self._questions = {q.id: q for q in build_questions(self.host.atlas, view=view)}
            self._questions_view = view
        return self._questions

    def _pool(self, kinds: tuple[str, ...] | None) -> list[Question]:
        questions = self._all_questions().values()
        return [q for q in questions if kinds is None or q.kind in kinds]

    def _select_kind_entry(self, kinds: tuple[str, ...] | None) -> None:
        for index, (_text, entry) in enumerate(KIND_ENTRIES):
            if entry == kinds or (
                entry is not None and kinds is not None and set(entry) == set(kinds)
            ):
                with QSignalBlocker(self.kind_box):
                    self.kind_box.setCurrentIndex(index)
                return

    def _on_view_changed(self, _view_key: str) -> None:
        """Another plate: its regions answer clicks; new questions are built for it (the
        question asked now stays: plate ids are the same on every plate)."""
        self._regions_of = None

    def _take_plate(self) -> None:
        """Set the plate up for the quiz: no labels, none of the user's overlays, no selection."""
        window = self.host
        if not self._active:
            self._active = True
            self._stashed_labels = window.state.layer_visible("labels")
            self._stashed_overlays = window.state.pinned
            window.state.set_layer_visible("labels", False)
            window.state.set_overlays(())
            window.view.installEventFilter(self)  # number keys and Enter answer from the plate
        window.state.select(None)
        if window.view.tool is not self._tool:
            window.view.set_tool(self._tool)

    def _restore_plate(self) -> None:
        window = self.host
        self._clear_marks()
        if window.view.tool is self._tool:
            window.view.set_tool(None)
        if self._active:
            self._active = False
            window.view.removeEventFilter(self)
            if self._stashed_labels:
                window.state.set_layer_visible("labels", True)
            if not window.state.pinned:
                window.state.set_overlays(self._stashed_overlays)

    def _clear_marks(self) -> None:
        view = self.host.view
        for role in (ROLE_ASK, ROLE_ANSWER, ROLE_WRONG):
            if view.emphasis(role):
                view.set_emphasis(role, ())
        if self._preview and view.zone_preview() == self._preview:
            view.set_zone_preview(())
        self._preview = frozenset()

    def _ask(self, asked: Asked) -> None:
        self._asked = asked
        self._result = None
        question = asked.question
        self._take_plate()
        self._clear_marks()
        view = self.host.view
        if question.kind == "pain":
            bindings = self.host.atlas.kb.svg_bindings()
            zones = [bindings.get(svg_id, svg_id) for svg_id in question.highlight]
            view.set_zone_preview(zones)
            self._preview = view.zone_preview()
        elif question.highlight:
            view.set_emphasis(ROLE_ASK, question.highlight, ASK_COLOUR)
        hint = ""
        if question.by_click:
            hint = translate("QuizDock", "Click your answer on the plate.")
            if question.accepted and question.accepted <= self._hidden_regions():
                hint += " " + translate(
                    "QuizDock", "It is on a layer you have hidden: turn it on in the View menu."
                )
        self.prompt.setText(
            f"<p><b>{escape(question.prompt)}</b></p>"
            + (f"<p style='color:{muted_text()}'>{escape(hint)}</p>" if hint else "")
        )
        self._hint = (
            translate("QuizDock", "Quiz: click your answer on the plate.")
            if question.by_click
            else translate("QuizDock", "Quiz: pick an answer.")
        )
        self._status(self._hint)
        self.history.setStyleSheet(f"QLabel {{ color: {muted_text()}; }}")
        self.history.setText(self._history_text(question.id))
        self.history.setVisible(True)
        self._build_choices(asked.choices)
        self.feedback.setText("")
        self.feedback.setVisible(False)
        self.start_button.setText(translate("QuizDock", "Skip"))
        self.start_button.setAccessibleName(translate("QuizDock", "Skip this question"))
        self._show_score()
        self.asked.emit(asked)

    def _build_choices(self, choices: tuple[Choice, ...]) -> None:
        self._clear_choices()
        for number, choice in enumerate(choices, start=1):
            button = ChoiceButton(number, choice.text)
            button.setObjectName(f"quizChoice{number}")
            button.clicked.connect(self._choice_slot(choice.id))
            self._choices_layout.addWidget(button)
            self._choice_buttons.append((button, choice))
        self.choices.setVisible(bool(choices))

    def _choice_slot(self, choice_id: str) -> _ChoiceSlot:
        return _ChoiceSlot(self, choice_id)

    def _clear_choices(self) -> None:
        for button, _choice in self._choice_buttons:
            self._choices_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._choice_buttons = []
        self.choices.setVisible(False)

    # answering ---------------------------------------------------------------------------
    def _show_result(self, result: Result) -> None:
        question = result.question
        view = self.host.view
        view.set_emphasis(ROLE_ASK, ())
        view.set_emphasis(ROLE_ANSWER, question.reveal, RIGHT_COLOUR)
        wrong_regions: tuple[str, ...] = ()
        if not result.correct:
            if question.by_click:
                wrong_regions = (result.response,)
            elif question.kind == "name":
                wrong_regions = self._regions(result.response)
        view.set_emphasis(ROLE_WRONG, wrong_regions, WRONG_COLOUR)
        for button, choice in self._choice_buttons:
            button.setEnabled(False)
            if choice.id in question.accepted:
                button.mark("right")
            elif choice.id == result.response:
                button.mark("wrong")
        answer = escape(question.answer_text)
        if result.correct:
            right = translate("QuizDock", "Right!")
            verdict = f"<b style='color:{RIGHT_COLOUR}'>{right}</b> {answer}"
        else:
            given = self._response_name(result)
            picked = (
                translate("QuizDock", "You clicked {answer}.")
                if question.by_click
                else translate("QuizDock", "You picked {answer}.")
            )
            the_answer = (
                translate("QuizDock", "The answer: <b>{answer}</b> (green on the plate).")
                if question.reveal
                else translate("QuizDock", "The answer: <b>{answer}</b>.")
            )
            verdict = (
                f"<b style='color:{WRONG_COLOUR}'>"
                + translate("QuizDock", "Wrong.")
                + "</b> "
                + (picked.format(answer=escape(given)) + " " if given else "")
                + the_answer.format(answer=answer)
            )
        parts = [f"<p>{verdict}</p>"]
        if question.explanation and normalise(question.explanation) != normalise(
            question.answer_text
        ):
            parts.append(f"<p>{escape(question.explanation)}</p>")
        if result.due is not None:
            when = due_text(result.due, self.scheduler.now())
            review = translate("QuizDock", "Next review: {when}.").format(when=when)
            parts.append(f"<p style='color:{muted_text()}'>{review}</p>")
        self.main_window.statusBar().clearMessage()
        self.prompt.setText(f"<p><b>{escape(question.prompt)}</b></p>")  # the hint is done
        self.feedback.setText("".join(parts))
        self.feedback.setVisible(True)
        self.history.setVisible(False)
        self.start_button.setText(translate("QuizDock", "Next question"))
        self.start_button.setAccessibleName(translate("QuizDock", "Next question"))
        self.start_button.setFocus()
        self._show_score()

    def _response_name(self, result: Result) -> str:
        if result.question.by_click:
            record = self.host.atlas.kb.svg_bindings().get(result.response)
            return plain_name(self.host.atlas.kb, record) if record else ""
        for _button, choice in self._choice_buttons:
            if choice.id == result.response:
                return choice.text
        return ""

    def _save_progress(self) -> None:
        try:
            self.host.userdata.set_progress(self.scheduler.to_dict())
        except UserDataError as error:
            self._show_message(
                translate("QuizDock", "Your quiz progress was not saved: {reason}.").format(
                    reason=error.message
                )
            )
            self._status(
                translate("QuizDock", "Quiz progress not saved: {reason}").format(
                    reason=error.message
                )
            )
            return
        if self._progress_note:
            self._progress_note = ""
            self._show_message("")

    # progress ----------------------------------------------------------------------------
    def _load_progress(self) -> ReviewScheduler:
        userdata = self.host.userdata
        notes = [
            translate("QuizDock", "Your quiz progress file could not be used: {reason}.").format(
                reason=p.message
            )
            for p in userdata.problems
            if p.file == str(userdata.path("progress"))
        ]
        data = userdata.progress()
        scheduler = ReviewScheduler(self._clock, fuzz=self._fuzz)
        if data:
            skipped: list[tuple[str, object, str]] = []
            try:
                scheduler = ReviewScheduler.from_dict(
                    data, self._clock, fuzz=self._fuzz, skipped=skipped
                )
                if skipped:  # kept aside with the reason; every other answer stays
                    userdata.set_aside_progress_items(skipped)
                    notes += [
                        translate(
                            "QuizDock", "Your quiz progress file could not be fully used: {reason}."
                        ).format(reason=p.message)
                        for p in userdata.problems[-1:]
                    ]
            except ProgressError as error:
                notes.append(
                    translate(
                        "QuizDock",
                        "Your saved quiz progress could not be read ({error}). This session "
                        "starts afresh; the saved progress is kept as it is until you answer a "
                        "question, which replaces it.",
                    ).format(error=error)
                )
        self._progress_note = " ".join(notes)
        self._show_message(self._progress_note)
        if self._progress_note:
            self._status(
                translate("QuizDock", "Quiz progress could not be read; see the Quiz panel.")
            )
        return scheduler

    # display -----------------------------------------------------------------------------
    def _show_intro(self) -> None:
        self.start_button.setText(translate("QuizDock", "Start"))
        self.start_button.setAccessibleName(translate("QuizDock", "Start the quiz"))
        self.history.setVisible(False)
        self.feedback.setVisible(False)
        self.choices.setVisible(False)
        intro = translate(
            "QuizDock",
            "Pick a kind of question and press <b>Start</b>. Questions you miss come back "
            "soon; those you know come back later.",
        )
        text = f"<p>{intro}</p>"
        scheduler = self._scheduler
        if scheduler is not None and scheduler.items():
            seen = len(scheduler.items())
            due = len(scheduler.due_items())
            answered = (
                translate("QuizDock", "You have answered {count} question before;")
                if seen == 1
                else translate("QuizDock", "You have answered {count} questions before;")
            )
            waiting = (
                translate("QuizDock", "{count} is due for review now.")
                if due == 1
                else translate("QuizDock", "{count} are due for review now.")
            )
            text += f"<p>{answered.format(count=seen)} {waiting.format(count=due)}</p>"
        self.prompt.setText(text)
        self.score.setText("")

    def _show_score(self) -> None:
        round_ = self._round
        if round_ is None:
            self.score.setText("")
            return
        text = translate("QuizDock", "Score: {score}").format(score=round_.score)
        if round_.remaining:
            more = translate("QuizDock", "{count} more in this round")
            text += "  ·  " + more.format(count=round_.remaining)
        self.score.setText(text)

    def _history_text(self, question_id: str) -> str:
        scheduler = self.scheduler
        reviews = scheduler.history(question_id)
        due = scheduler.due(question_id)
        if not reviews or due is None:
            return translate("QuizDock", "A new question for you.")
        right = sum(r.correct for r in reviews)
        when = due_text(due, scheduler.now())
        return translate(
            "QuizDock", "Seen {seen} before, right {right}; review due {when}."
        ).format(
            seen=_times(len(reviews)),
            right=_times(right) if right else translate("QuizDock", "never"),
            when=when,
        )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _status(self, text: str) -> None:
        self.main_window.statusBar().showMessage(text, 5000)

    # plate regions -----------------------------------------------------------------------
    def _hidden_regions(self) -> set[str]:
        """Regions the user's layer toggles hide (they cannot be clicked)."""
        return self.host.view.hidden_regions()

    def _region_at(self, x: float, y: float) -> str | None:
        """The topmost visible clickable plate region at (x, y), in paint order."""
        plate = self.host.plate
        hit = plate.hit_test(x, y)
        if hit is None:
            return None
        hidden = self._hidden_regions()
        if hit.id not in hidden:
            return hit.id
        for region in plate.regions_at(x, y, CLICK_LAYERS):
            if region.id not in hidden:
                return region.id
        return None

    def _regions(self, record_id: str) -> tuple[str, ...]:
        """The clickable plate regions bound to a record."""
        if self._regions_of is None:
            bindings = self.host.atlas.kb.svg_bindings()
            regions: dict[str, list[str]] = {}
            for region in self.host.plate.regions:
                record = bindings.get(region.id)
                if record is not None and region.layer in CLICK_LAYERS:
                    regions.setdefault(record, []).append(region.id)
            self._regions_of = {k: tuple(v) for k, v in regions.items()}
        return self._regions_of.get(record_id, ())


class _ChoiceSlot:
    """A choice button's click, bound to its choice id (no lambda capturing widgets)."""

    def __init__(self, dock: QuizDock, choice_id: str) -> None:
        self._dock = dock
        self._choice_id = choice_id

    def __call__(self, *_args: object) -> None:
        self._dock._on_choice_clicked(self._choice_id)


def _study_menu(window: QMainWindow) -> QMenu:
    """The window's "Study" menu (``studyMenu``), made (before Help, ``helpMenu``) if no other
    feature made it yet. Menus are found by their object names: their texts are translated."""
    bar = window.menuBar()
    help_action: QAction | None = None
    for action in bar.actions():
        menu = action.menu()
        name = menu.objectName() if isinstance(menu, QMenu) else ""
        if name == "studyMenu" and isinstance(menu, QMenu):
            return menu
        if name == "helpMenu":
            help_action = action
    menu = QMenu(translate("QuizDock", "&Study"), bar)
    menu.setObjectName("studyMenu")
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    return menu


def install(
    host: PlateHost,
    *,
    clock: Clock = utc_now,
    rng: random.Random | None = None,
    fuzz: bool = True,
) -> QuizDock:
    """Add the quiz to the host's window: a hidden "Quiz" dock (``quizDock``) on the right,
    and *Study ▸ Quiz* (F7, action ``quiz_show``) that shows and hides it. Questions that
    point at the plate use the plate shown when a round starts."""
    dock = QuizDock(host, clock=clock, rng=rng, fuzz=fuzz)
    host.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    _study_menu(host.window).addAction(dock.action)
    host.register_action("quiz_show", dock.action)
    return dock


__all__ = ["KIND_ENTRIES", "QuizDock", "due_text", "install"]
