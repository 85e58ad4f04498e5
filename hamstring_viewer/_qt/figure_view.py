"""The figure area of the side panel: how an exercise, stretch or technique is done, and how
each hamstring works, drawn by the Qt-free figure model (``hamstring_viewer.figure``).

The area shows one figure (a variant of it, chosen when there are several): a large animated
drawing that plays the steps at the speed the data gives, with the cue of the step under way
beneath it, and every step as a small still with its name and cue. The panel imports this
module, and the figures file is read, only when a page with a figure is first shown.

Playing: a ``QTimer`` at about 30 frames a second, running only while the area is shown and
playing. "Reduce motion" (setting ``figures/reduce_motion``; default from the environment
variable ``HAMSTRING_REDUCE_MOTION``) keeps the animation from playing by itself: the stills
and the first position stay until the reader presses Play.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QElapsedTimer, QRectF, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_viewer import resources
from hamstring_viewer.figure import (
    Box,
    Figure,
    FigureBook,
    Pose,
    Step,
    Variant,
    interpolate,
    load_figures,
    muscle_length,
    render_step,
    variant_box,
)
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "REDUCE_MOTION_ENV",
    "REDUCE_MOTION_KEY",
    "SHOW_ACTIONS_KEY",
    "SHOW_KEY",
    "FigureArea",
    "FigureCanvas",
    "Timeline",
    "figure_book",
    "figures_read",
]

REDUCE_MOTION_KEY = "figures/reduce_motion"
REDUCE_MOTION_ENV = "HAMSTRING_REDUCE_MOTION"
#: whether the figure is unfolded on exercise, stretch and technique pages / muscle pages
SHOW_KEY = "figures/show"
SHOW_ACTIONS_KEY = "figures/show_actions"
FRAME_MS = 33  # ~30 frames a second
#: a step longer than this moves over MOVE_S seconds, then holds the position to its end
LONG_STEP_S = 6.0
MOVE_S = 3.0
#: the top (in body heights) of the actions' drawings: the lower body, up to the waist
LOWER_BODY_TOP = 0.74
#: the pause after the last step before the figure goes back to the start / plays again
END_HOLD_S = 0.8

CARD = "#fbf8f5"
CARD_LINE = "#d8cfc6"
ACCENT = "#a2463c"
MUTED = "#b9a89c"

_BOOK: FigureBook | None = None
_PROBLEMS: list[str] = []


def figure_book(path: Path | None = None) -> FigureBook:
    """The figures (read once, on first use)."""
    global _BOOK, _PROBLEMS
    if _BOOK is None or path is not None:
        book, problems = load_figures(path or resources.figures_path())
        if path is not None:
            return book
        _BOOK, _PROBLEMS = book, problems
        for problem in problems:  # (hamstring-viewer-check lists them too)
            print(problem, file=sys.stderr)
    return _BOOK


def figures_read() -> bool:
    """Whether :func:`figure_book` has read the figures."""
    return _BOOK is not None


def figure_problems() -> list[str]:
    """What was wrong in the figures file when it was read (file, record and field each)."""
    return list(_PROBLEMS)


def _env_reduce_motion() -> bool:
    return os.environ.get(REDUCE_MOTION_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def _as_bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(value, int):
        return bool(value)
    return default


# ------------------------------------------------------------------ the timeline


def _max_angle_change(a: Pose, b: Pose) -> float:
    vals = [abs(a.trunk - b.trunk), abs(a.neck - b.neck)]
    for p, q in ((a.left_leg, b.left_leg), (a.right_leg, b.right_leg)):
        vals += [abs(p.hip - q.hip), abs(p.knee - q.knee), abs(p.ankle - q.ankle)]
        vals += [abs(p.hip_abd - q.hip_abd), abs(p.knee_rot - q.knee_rot)]
    for r, s in ((a.left_arm, b.left_arm), (a.right_arm, b.right_arm)):
        vals += [abs(r.shoulder - s.shoulder), abs(r.elbow - s.elbow)]
    vals.append(abs(a.x - b.x) * 100)
    return max(vals)


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of the animation: from ``before`` to ``step.pose`` over ``move_s``, the
    position then held to ``start + duration``; ``index``: the step's number (-1: the way
    back to the start)."""

    index: int
    step: Step
    before: Pose
    start: float
    duration: float
    move_s: float


class Timeline:
    """A variant as played: the first step's position held, each later step's movement at
    the speed its ``duration_s`` gives (a long hold moves in ``MOVE_S`` and then holds), a
    short pause, and, when the last position is not the first, the way back to the start."""

    def __init__(self, variant: Variant) -> None:
        self.variant = variant
        steps = variant.steps
        segs: list[Segment] = []
        t = 0.0
        for i, st in enumerate(steps):
            before = steps[i - 1].pose if i else st.pose
            d = max(st.duration_s, 0.1)
            move = 0.0 if i == 0 else (MOVE_S if d > LONG_STEP_S else d)
            segs.append(Segment(i, st, before, t, d, move))
            t += d
        first, last = steps[0], steps[-1]
        if len(steps) > 1 and _max_angle_change(first.pose, last.pose) > 5.0:
            # back to the start, slowly (as long as the slowest movement before, 1.5–4 s)
            back = min(max(max(s.move_s for s in segs) * 1.2, 1.5), 4.0)
            ret = replace(first, name="back to the start", cue="", phase="", arrows=())
            segs.append(Segment(-1, ret, last.pose, t + END_HOLD_S, back, back))
            t += END_HOLD_S + back
        else:
            t += END_HOLD_S
        self.segments = tuple(segs)
        self.duration = t

    def segment_at(self, t: float) -> tuple[Segment, float]:
        """The segment under way at ``t`` seconds (wrapped to the loop) and its progress 0–1
        (1 once its position is reached, during the hold)."""
        t = t % self.duration if self.duration > 0 else 0.0
        seg = self.segments[0]
        for s in self.segments:
            if t >= s.start:
                seg = s
        local = t - seg.start
        u = 1.0 if seg.move_s <= 0 else min(local / seg.move_s, 1.0)
        return seg, u

    def pose_at(self, t: float) -> Pose:
        seg, u = self.segment_at(t)
        return seg.step.pose if u >= 1.0 else interpolate(seg.before, seg.step.pose, u)

    def hold_left(self, t: float) -> float:
        """Seconds left of the hold in a long step at ``t`` (0 when moving or not a hold)."""
        t = t % self.duration if self.duration > 0 else 0.0
        seg, u = self.segment_at(t)
        if seg.duration <= LONG_STEP_S or (u < 1.0 and seg.index != 0):
            return 0.0
        return max(seg.start + seg.duration - t, 0.0)

    def step_start(self, index: int) -> float:
        """The time at which step ``index`` has reached its position."""
        seg = self.segments[index]
        return seg.start + seg.move_s


# ------------------------------------------------------------------ drawing


class FigureCanvas(QWidget):
    """An SVG drawn by ``QSvgRenderer``, kept in proportion and centred on a light card."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, card: bool = True) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        self.svg = ""
        self.card = card
        self.selected = False
        #: the height it asks for (a layout may give it less, down to its minimum)
        self.preferred_height = 78
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(160, self.preferred_height)

    def set_svg(self, svg: str) -> None:
        if svg == self.svg:
            return
        self.svg = svg
        self.renderer.load(QByteArray(svg.encode("utf-8")))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if self.card:
            pen = QPen(QColor(ACCENT if self.selected else CARD_LINE))
            pen.setWidthF(2.0 if self.selected else 1.0)
            p.setPen(pen)
            p.setBrush(QColor(CARD))
            p.drawRoundedRect(r, 6, 6)
        if not self.svg or not self.renderer.isValid():
            return
        vb = self.renderer.viewBoxF()
        pad = 6.0
        room = r.adjusted(pad, pad, -pad, -pad)
        if vb.width() <= 0 or vb.height() <= 0 or room.width() <= 0 or room.height() <= 0:
            return
        k = min(room.width() / vb.width(), room.height() / vb.height())
        w, h = vb.width() * k, vb.height() * k
        target = QRectF(room.x() + (room.width() - w) / 2, room.y() + (room.height() - h) / 2, w, h)
        p.setClipRect(target.adjusted(0, -pad / 2, 0, 0))  # a cropped drawing ends cleanly
        self.renderer.render(p, target)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def _step_title(step: Step, number: int | None) -> str:
    caption = step.caption()
    name = caption[:1].upper() + caption[1:]
    return f"{number}. {name}" if number is not None else name


_PHASES = {
    "setup": QT_TRANSLATE_NOOP("FigureView", "Set-up"),
    "concentric": QT_TRANSLATE_NOOP("FigureView", "Lifting (concentric)"),
    "eccentric": QT_TRANSLATE_NOOP("FigureView", "Lowering (eccentric)"),
    "isometric": QT_TRANSLATE_NOOP("FigureView", "Holding (isometric)"),
}


def _phase_words(phase: str) -> str:
    words = _PHASES.get(phase)
    return translate("FigureView", words) if words else phase.replace("_", " ").capitalize()


class TimelineBar(QWidget):
    """The animation's steps as a thin bar of segments (as long as they take), the part played
    filled in; a click moves the animation there."""

    seeked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.t = 0.0
        self.setFixedHeight(10)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(translate("FigureView", "Click to move the animation to that moment"))

    def set_time(self, timeline: Timeline | None, t: float) -> None:
        self.timeline = timeline
        self.t = t % timeline.duration if timeline and timeline.duration > 0 else 0.0
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        tl = self.timeline
        if tl is None or tl.duration <= 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        w = self.width()
        h = 6.0
        y = (self.height() - h) / 2
        gap = 3.0
        for seg in tl.segments:
            x0 = seg.start / tl.duration * w
            x1 = (seg.start + seg.duration) / tl.duration * w
            r = QRectF(x0 + (gap / 2 if x0 > 0 else 0), y, max(x1 - x0 - gap, 2.0), h)
            p.setBrush(QColor(CARD_LINE))
            p.drawRoundedRect(r, 3, 3)
            if self.t > seg.start:
                done = min((self.t - seg.start) / seg.duration, 1.0) if seg.duration else 1.0
                fill = QRectF(r.x(), r.y(), r.width() * done, r.height())
                p.setBrush(QColor(ACCENT if seg.index >= 0 else MUTED))
                p.drawRoundedRect(fill, 3, 3)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        tl = self.timeline
        if tl is not None and self.width() > 0:
            self.seeked.emit(
                max(0.0, min(event.position().x() / self.width(), 0.999)) * tl.duration
            )
        super().mousePressEvent(event)


class _Still(QWidget):
    """One step as a small drawing with its number, name and cue beneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        self.canvas = FigureCanvas(self)
        self.canvas.setFixedHeight(78)
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        lay.addWidget(self.canvas)
        lay.addWidget(self.caption, 1)


class FigureArea(QFrame):
    """The figure of the page shown: animation, cue, play/pause, motion setting and stills."""

    def __init__(self, parent: QWidget | None = None, *, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureArea")
        self.settings = settings
        self.record_id: str | None = None
        self.subject = ""
        #: a figure shown folded away is drawn when it is unfolded
        self._pending = False
        #: (record id, action?, variant) -> timeline, viewBox, stills' SVG (drawn once)
        self._prepared: dict[tuple[str, bool, int], tuple[Timeline, Box, tuple[str, ...]]] = {}
        self.figure: Figure | None = None
        self.is_action = False
        self.variant_index = 0
        self.timeline: Timeline | None = None
        self.box: Box | None = None
        self.t = 0.0
        self.playing = False
        self._frame_key: tuple[int, Pose] | None = None
        saved = settings.value(REDUCE_MOTION_KEY) if settings is not None else None
        self.reduce_motion = _as_bool(saved, _env_reduce_motion())

        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._on_tick)
        self._clock = QElapsedTimer()

        self.setStyleSheet(
            "#figureArea { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
            "#figureArea QLabel { background: transparent; }"
            "#figureTitle { font-weight: 600; }"
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 8)
        lay.setSpacing(6)

        head = QHBoxLayout()
        head.setSpacing(8)
        self.title = QLabel(self)
        self.title.setObjectName("figureTitle")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.title.setFont(f)
        self.variant_box = QComboBox(self)
        self.variant_box.setAccessibleName(translate("FigureView", "Version of the exercise"))
        # never wider than the panel (the plate beside it would shrink and move)
        self.variant_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.variant_box.setMinimumContentsLength(8)
        self.variant_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.variant_box.setMaximumWidth(360)
        self.expand_button = QToolButton(self)
        self.expand_button.setAutoRaise(True)
        self.expand_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.expand_button)
        lay.addLayout(head)
        # the versions (or the actions) on a row of their own: a narrow panel cuts nothing
        lay.addWidget(self.variant_box)

        #: everything below the heading (hidden when the figure is folded away)
        self.body = QWidget(self)
        outer = lay
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        outer.addWidget(self.body)

        self.canvas = FigureCanvas(self.body)
        # 200 px where there is room; down to 110 px in a short panel (never drawn over)
        self.canvas.setMinimumHeight(110)
        self.canvas.setMaximumHeight(200)
        self.canvas.preferred_height = 200
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.canvas.setAccessibleName(translate("FigureView", "Animated figure"))
        lay.addWidget(self.canvas)
        self.bar = TimelineBar(self.body)
        self.bar.setAccessibleName(translate("FigureView", "Progress through the steps"))
        self.bar.seeked.connect(self.seek)
        lay.addWidget(self.bar)

        cue_row = QHBoxLayout()
        cue_row.setSpacing(8)
        self.play_button = QToolButton(self.body)
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.play_button.setAutoRaise(False)
        self.play_button.setMinimumWidth(78)
        self.cue_label = QLabel(self.body)
        self.cue_label.setObjectName("figureCue")
        self.cue_label.setWordWrap(True)
        self.cue_label.setTextFormat(Qt.TextFormat.RichText)
        self.cue_label.setAccessibleName(translate("FigureView", "Cue"))
        self.cue_label.setMinimumHeight(38)
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        cue_row.addWidget(self.play_button, 0, Qt.AlignmentFlag.AlignTop)
        cue_row.addWidget(self.cue_label, 1)
        lay.addLayout(cue_row)

        self.stills_row = QHBoxLayout()
        self.stills_row.setSpacing(8)
        self.stills: list[_Still] = []
        lay.addLayout(self.stills_row)

        foot = QHBoxLayout()
        self.note_label = QLabel(self.body)
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: palette(placeholder-text);")
        self.motion_box = QCheckBox(translate("FigureView", "Reduce motion"), self.body)
        self.motion_box.setAccessibleName(
            translate("FigureView", "Reduce motion: do not play animations by themselves")
        )
        self.motion_box.setToolTip(
            translate("FigureView", "Figures stay still until you press Play")
        )
        self.motion_box.setChecked(self.reduce_motion)
        foot.addWidget(self.note_label, 1)
        foot.addWidget(self.motion_box, 0, Qt.AlignmentFlag.AlignRight)
        lay.addLayout(foot)

        self.expanded = True
        #: a short panel: the stills and the note are left out, the drawing is smaller
        self.compact = False
        self.expand_button.clicked.connect(lambda: self.set_expanded(not self.expanded, True))
        self.play_button.clicked.connect(self.toggle_play)
        self.variant_box.currentIndexChanged.connect(self._on_variant_chosen)
        self.motion_box.toggled.connect(self.set_reduce_motion)
        self._update_play_button()

    # ------------------------------------------------------------------ showing a figure
    def show_figure(
        self, record_id: str, figure: Figure, *, kind: str, title: str, subject: str = ""
    ) -> None:
        """Show ``figure`` (of an exercise, stretch or technique, or ``kind="action"`` for a
        hamstring's actions) from its first variant; ``subject``: the page's plain name."""
        self.record_id = record_id
        self.subject = subject
        self.figure = figure
        self.is_action = kind == "action"
        self.title.setText(title)
        self.variant_box.blockSignals(True)
        self.variant_box.clear()
        for i, v in enumerate(figure.variants):
            self.variant_box.addItem(
                v.title() or translate("FigureView", "Version {number}").format(number=i + 1)
            )
        self.variant_box.setAccessibleName(
            translate("FigureView", "Action of the muscle")
            if self.is_action
            else translate("FigureView", "Version of the exercise")
        )
        self.variant_box.setVisible(len(figure.variants) > 1)
        self.variant_box.setCurrentIndex(0)
        self.variant_box.blockSignals(False)
        self.note_label.setText(self._note_text())
        key = SHOW_ACTIONS_KEY if self.is_action else SHOW_KEY
        saved = self.settings.value(key) if self.settings is not None else None
        # a muscle's page opens with its key facts on the first screen: its actions folded
        self._set_expanded_quietly(_as_bool(saved, not self.is_action))
        self.set_variant(0)

    def set_expanded(self, on: bool, remember: bool = False) -> None:
        """Unfold or fold away the figure (``remember``: for the pages of this kind)."""
        self._set_expanded_quietly(on)
        if remember and self.settings is not None:
            self.settings.setValue(SHOW_ACTIONS_KEY if self.is_action else SHOW_KEY, on)
        if on and self._pending:
            self.set_variant(self.variant_index)
        elif on and self.timeline is not None and not self.reduce_motion:
            self.play()
        elif not on:
            self.timer.stop()

    def _set_expanded_quietly(self, on: bool) -> None:
        self.expanded = on
        self.body.setVisible(on)
        arrow = Qt.ArrowType.UpArrow if on else Qt.ArrowType.DownArrow
        self.expand_button.setArrowType(arrow)
        if on:
            self.expand_button.setText(translate("FigureView", "Hide"))
        elif self.is_action:
            self.expand_button.setText(translate("FigureView", "Show it move"))
        else:
            self.expand_button.setText(translate("FigureView", "Show"))
        self.expand_button.setAccessibleName(
            translate("FigureView", "Hide the figure")
            if on
            else translate("FigureView", "Show the figure")
        )
        if not on:
            self.timer.stop()

    def clear(self) -> None:
        """Show nothing and stop playing (the page has no figure)."""
        self.pause()
        self.record_id = None
        self.figure = None
        self.timeline = None
        self._pending = False

    def _note_text(self) -> str:
        if self.is_action:
            return translate(
                "FigureView", "The working muscle is dark red; it shortens as it pulls."
            )
        fig = self.figure
        if fig is None:
            return ""
        muscles = {m for st in fig.steps for m in (*st.works, *st.stretches, *st.treats)}
        stretched = any(st.stretches for st in fig.steps)
        worked = any(st.works or st.treats for st in fig.steps)
        if not muscles:
            return ""
        if stretched and worked:
            return translate(
                "FigureView",
                "Dark red: the muscles working or treated; light red: the muscles stretched.",
            )
        if stretched:
            return translate("FigureView", "Light red: the muscles being stretched.")
        if any(st.treats for st in fig.steps):
            return translate("FigureView", "Dark red: the muscles being treated.")
        return translate("FigureView", "Dark red: the muscles doing the work.")

    def set_variant(self, index: int) -> None:
        """Show variant ``index`` from its start (playing unless motion is reduced)."""
        fig = self.figure
        if fig is None:
            return
        index = min(max(index, 0), len(fig.variants) - 1)
        self.variant_index = index
        if self.variant_box.currentIndex() != index:
            self.variant_box.blockSignals(True)
            self.variant_box.setCurrentIndex(index)
            self.variant_box.blockSignals(False)
        variant = fig.variants[index]
        self._pending = not self.expanded
        if self._pending:  # folded away: drawn when unfolded
            self.timer.stop()
            self.timeline = None
            return
        key = (self.record_id or "", self.is_action, index)
        prepared = self._prepared.get(key)
        if prepared is None:
            box = variant_box(variant)
            if self.is_action:  # the lower body, larger: the muscle is the subject
                box = (box[0], box[1], box[2], min(box[3], LOWER_BODY_TOP))
            stills = tuple(render_step(st, None, box) for st in variant.steps)
            prepared = (Timeline(variant), box, stills)
            self._prepared[key] = prepared
        self.timeline, self.box, still_svgs = prepared
        self._frame_key = None
        self._build_stills(variant, still_svgs)
        animated = len(variant.steps) > 1
        self.play_button.setVisible(animated)
        self.t = 0.0
        self._draw()
        if animated and not self.reduce_motion and self.expanded:
            self.play()
        else:
            self.pause()

    def variant(self) -> Variant | None:
        return self.figure.variants[self.variant_index] if self.figure else None

    def _build_stills(self, variant: Variant, svgs: tuple[str, ...]) -> None:
        steps = variant.steps
        while len(self.stills) < len(steps):
            still = _Still(self.body)
            n = len(self.stills)
            still.canvas.clicked.connect(lambda n=n: self.show_step(n))
            self.stills_row.addWidget(still, 1)
            self.stills.append(still)
        for i, still in enumerate(self.stills):
            if i >= len(steps):
                still.hide()
                continue
            st = steps[i]
            still.canvas.set_svg(svgs[i])
            cue = (
                f"<br><span style='color:palette(placeholder-text)'>{st.shown_cue()}</span>"
                if st.cue
                else ""
            )
            number = i + 1 if len(steps) > 1 else None
            still.caption.setText(f"<b>{_step_title(st, number)}</b>{cue}")
            still.canvas.setToolTip(
                f"{_step_title(st, number)}: {st.shown_cue()}" if st.cue else st.caption()
            )
            still.canvas.setAccessibleName(
                translate("FigureView", "Still: {step}").format(step=_step_title(st, number))
            )
            # one step only: the large drawing is the still; a short panel shows none
            still.setVisible(len(steps) > 1 and not self.compact)

    def set_compact(self, on: bool) -> None:
        """In a short panel, leave out the stills and the note (the drawing, its step bar and
        its cue stay), so that nothing is drawn over anything and the page keeps room."""
        if on == self.compact:
            return
        self.compact = on
        self.note_label.setVisible(not on)
        self.canvas.preferred_height = 130 if on else 200
        self.canvas.updateGeometry()
        variant = self.variant()
        steps = len(variant.steps) if variant is not None else 0
        for i, still in enumerate(self.stills):
            still.setVisible(not on and steps > 1 and i < steps)

    # ------------------------------------------------------------------ time
    def seek(self, t: float) -> None:
        """Show the animation at ``t`` seconds (wrapped to its loop)."""
        self.t = t
        self._draw()

    def advance(self, dt: float) -> None:
        """Move the animation on by ``dt`` seconds, if it is playing."""
        if self.playing:
            self.seek(self.t + dt)

    def show_step(self, index: int) -> None:
        """Pause at step ``index``'s position (a still was clicked)."""
        if self.timeline is None:
            return
        self.pause()
        self.seek(self.timeline.step_start(index))

    def current_segment(self) -> Segment | None:
        return self.timeline.segment_at(self.t)[0] if self.timeline else None

    def current_pose(self) -> Pose | None:
        return self.timeline.pose_at(self.t) if self.timeline else None

    def cue_text(self) -> str:
        return self.cue_label.text()

    def _draw(self) -> None:
        tl = self.timeline
        if tl is None:
            return
        seg, u = tl.segment_at(self.t)
        pose = seg.step.pose if u >= 1.0 else interpolate(seg.before, seg.step.pose, u)
        key = (seg.index, pose)
        if key != self._frame_key:
            self._frame_key = key
            self.canvas.set_svg(render_step(seg.step, pose, self.box))
        self.cue_label.setText(self._cue_html(seg, u))
        self.bar.set_time(tl, self.t)
        for i, still in enumerate(self.stills):
            sel = i == seg.index
            if still.canvas.selected != sel:
                still.canvas.selected = sel
                still.canvas.update()

    def _cue_html(self, seg: Segment, u: float) -> str:
        tl = self.timeline
        assert tl is not None
        n = len(tl.variant.steps)
        st = seg.step
        if seg.index < 0:
            head = translate("FigureView", "Back to the start")
        elif n > 1:
            head = translate("FigureView", "Step {number} of {count} · {step}").format(
                number=seg.index + 1, count=n, step=_step_title(st, None)
            )
        else:
            head = _step_title(st, None)
        if self.is_action and self.figure is not None and self.record_id:
            label = tl.variant.title() or translate("FigureView", "Action")
            if seg.index < 0:
                where = translate("FigureView", "back to the start")
            elif seg.index == 0:
                where = translate("FigureView", "starting position")
            else:
                where = translate("FigureView", "at work")
            head = f"{label} · {where}"
        parts = [f"<b>{head}</b>"]
        if st.phase and st.phase not in {"setup"} and seg.index >= 0:
            colour = "#eba597" if self._dark() else "#8a2f26"
            parts.append(f" &nbsp;<span style='color:{colour}'>{_phase_words(st.phase)}</span>")
        hold = tl.hold_left(self.t)
        if hold >= 0.5 and seg.index >= 0:
            left = translate("FigureView", "hold, {seconds} s left").format(seconds=f"{hold:.0f}")
            parts.append(f" &nbsp;<span style='color:palette(placeholder-text)'>{left}</span>")
        cue = st.shown_cue() if seg.index >= 0 else ""
        if self.is_action:
            cue = self._shortening_words() if seg.index > 0 else self._action_intro()
        text = "".join(parts)
        if cue:
            text += f"<br>{cue}"
        return text

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def _shortening_words(self) -> str:
        v = self.variant()
        rid = self.record_id
        if v is None or rid is None or len(v.steps) < 2:
            return ""
        a = muscle_length(v.steps[0].pose, rid, "right")
        b = muscle_length(v.steps[-1].pose, rid, "right")
        if a <= 0:
            return ""
        pct = (a - b) / a * 100
        name = self.subject or translate("FigureView", "The muscle")
        if pct >= 1:
            return translate(
                "FigureView", "{muscle} (dark red) shortens by about {percent} % as it pulls."
            ).format(muscle=name, percent=f"{pct:.0f}")
        return translate(
            "FigureView", "{muscle} (dark red) hardly changes length: it steadies the joint."
        ).format(muscle=name)

    def _action_intro(self) -> str:
        name = self.subject or translate("FigureView", "The muscle")
        return translate(
            "FigureView", "{muscle} (dark red) at rest length, about to contract."
        ).format(muscle=name)

    # ------------------------------------------------------------------ playing
    def play(self) -> None:
        """Play the animation (also when motion is reduced: the reader asked for it)."""
        tl = self.timeline
        if tl is None or len(tl.variant.steps) < 2:
            return
        self.playing = True
        if self.body.isVisible():
            self._clock.start()
            self.timer.start()
        self._update_play_button()

    def pause(self) -> None:
        self.playing = False
        self.timer.stop()
        self._update_play_button()

    def toggle_play(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def _on_tick(self) -> None:
        if not self.playing or not self.body.isVisible():
            self.timer.stop()
            return
        dt = self._clock.restart() / 1000.0 if self._clock.isValid() else FRAME_MS / 1000.0
        self.advance(min(dt, 0.25))

    def _update_play_button(self) -> None:
        style = self.style()
        if self.playing:
            self.play_button.setText(translate("FigureView", "Pause"))
            self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPause))
            self.play_button.setAccessibleName(translate("FigureView", "Pause the animation"))
        else:
            self.play_button.setText(translate("FigureView", "Play"))
            self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
            self.play_button.setAccessibleName(translate("FigureView", "Play the animation"))

    def set_reduce_motion(self, on: bool) -> None:
        """Reduce motion (remembered): animations no longer play by themselves."""
        self.reduce_motion = on
        if self.settings is not None:
            self.settings.setValue(REDUCE_MOTION_KEY, on)
        if self.motion_box.isChecked() != on:
            self.motion_box.blockSignals(True)
            self.motion_box.setChecked(on)
            self.motion_box.blockSignals(False)
        if on:
            self.pause()

    def _on_variant_chosen(self, index: int) -> None:
        if not self.expanded:  # choosing an action shows it
            self._set_expanded_quietly(True)
        self.set_variant(index)

    # ------------------------------------------------------------------ shown / hidden
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.playing and self.expanded and not self.timer.isActive():
            self._clock.start()
            self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def sizeHint(self) -> QSize:
        return QSize(480, super().sizeHint().height())
