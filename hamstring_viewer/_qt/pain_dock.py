"""Where does it hurt? A mode in which the user marks and paints pain on the plate.

Turning the mode on (Referred pain ▸ Where does it hurt?, Ctrl+H) shows the dock and makes this
feature the plate's tool: with *Mark* a click adds a point mark, with *Brush* a drag paints an
area, with *Eraser* a drag rubs paint (and marks) out. After every change the dock lists the
trigger points whose referral zones cover the drawing, best first
(:func:`hamstring_viewer.painfinder.rank`), draws their zones on the plate, and lists the other
causes of pain in the same places that deserve a thought, with the "see a professional" warning
on top. A drawing can be saved (dated by :attr:`PainFinderMode.clock`) and compared with an
earlier one. None of it is a diagnosis, and the dock says so.

Leaving the mode (unchecking the action or closing the dock) gives the plate's tool back, clears
the zone preview and hides the drawing from the plate. The drawing itself is kept until the user
clears it, so coming back to the mode shows it again with its ranking.

The ranking runs in a coalescing single-shot timer: 0 ms after a mark, a click of *Clear* or the
end of a brush stroke, and during a stroke at most every :data:`DRAG_REFRESH_MS` (longer for a
drawing that takes a while to rank), so a drag event only appends dabs to the painted area, which
repaints just the dabs' rectangles.
"""

from __future__ import annotations

import html
import itertools
import math
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QLocale,
    QObject,
    QPointF,
    QRectF,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QCloseEvent,
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, language, translate
from hamstring_viewer.painfinder import (
    MAX_DABS,
    MAX_LABEL,
    MAX_MARKS,
    UNITS_PER_CM,
    Comparison,
    Dab,
    LookAlike,
    Match,
    PainDrawing,
    PainFinder,
    Trend,
    finder_for,
    massage_held_back_by,
    warning_signs,
)
from hamstring_viewer.records import KnowledgeBase, LookAlikeCause
from hamstring_viewer.userdata import UserDataError

from .colours import muted_text, warning_text
from .plate_view import Z_ART, Z_LABEL

if TYPE_CHECKING:
    from .host import PlateHost

Tool = Literal["mark", "brush", "eraser"]
TOOLS: tuple[Tool, ...] = ("mark", "brush", "eraser")

#: Painted area: one colour, drawn at this opacity (overlapping dabs never get darker).
PAINT_COLOUR = "#f4511e"
PAINT_OPACITY = 0.5
#: ... outlined in this colour, this many screen pixels wide.
OUTLINE_COLOUR = "#bf360c"
OUTLINE_PX = 1.5
#: Room around each dab (plate units) for the outline down to the smallest zoom.
PAINT_MARGIN = 10.0
#: Side of the squares (plate units) the painted area indexes its dabs in.
BUCKET = 100.0
#: Point marks: a filled dot of fixed on-screen size with a white ring and a dark outline.
MARK_COLOUR = "#d81b60"
MARK_RADIUS_PX = 6.0
#: Over the art, the X marks and the zones; under the hover/selection outlines and the labels.
Z_PAINT = Z_ART["trigger_points"] + 5
Z_MARKS = Z_LABEL - 10
Z_CURSOR = Z_LABEL - 5
#: Brush size (the dab's diameter) in cm of the plate: default, range and slider step.
BRUSH_CM = 3.0
BRUSH_CM_MIN = 0.5
BRUSH_CM_MAX = 10.0
BRUSH_CM_STEP = 0.5
#: Dabs of a stroke are placed this fraction of the radius apart (edges stay smooth).
DAB_SPACING = 0.4
#: During a brush stroke the ranking is brought up to date at most this often, and at most once
#: per DRAG_COST_FACTOR times what the last update took (the core's cost grows with the dabs).
DRAG_REFRESH_MS = 80
DRAG_COST_FACTOR = 4.0
#: Cmd+H hides the application on macOS; Ctrl+H is free on the other platforms.
MODE_SHORTCUT = "Ctrl+Shift+H" if sys.platform == "darwin" else "Ctrl+H"
#: The entry goes in the window's "Referred pain" menu (a "Tools" menu if there is none). The
#: window's menu is found by its title: the window's source text, in English or translated
#: (context "Window"); the Tools menu, made here, by its object name.
PAIN_MENU_TITLE = "&Referred pain"
HELP_MENU_TITLE = "&Help"
TOOLS_MENU_NAME = "toolsMenu"
DOCK_WIDTH = 360
#: With the dock open the panel keeps at least this width, while the plate keeps PLATE_MIN_WIDTH
#: (above it the plate stays where it was and the panel alone gives the dock its room).
PANEL_MIN_WIDTH = 150
PLATE_MIN_WIDTH = 420
WARNING_COLOUR = "#b71c1c"
#: A saved drawing shown for comparison: its paint and marks in this blue.
EARLIER_COLOUR = "#1e88e5"
EARLIER_OUTLINE = "#0d47a1"
#: The keyboard cursor moves this many plate units a key press (with Shift: BIG_STEP).
KEY_STEP = 10.0
KEY_BIG_STEP = 40.0
#: How the self-help list names the techniques, at most this many.
SELF_HELP_TOP = 3
#: A warning's name is led by this word when it is an emergency (the text says what to do).
URGENCY_WORDS = {"emergency": QT_TRANSLATE_NOOP("PainDock", "Emergency")}
#: The months, for :func:`when_text` (not the C library's names: those follow its locale).
_MONTHS = (
    QT_TRANSLATE_NOOP("PainDock", "January"),
    QT_TRANSLATE_NOOP("PainDock", "February"),
    QT_TRANSLATE_NOOP("PainDock", "March"),
    QT_TRANSLATE_NOOP("PainDock", "April"),
    QT_TRANSLATE_NOOP("PainDock", "May"),
    QT_TRANSLATE_NOOP("PainDock", "June"),
    QT_TRANSLATE_NOOP("PainDock", "July"),
    QT_TRANSLATE_NOOP("PainDock", "August"),
    QT_TRANSLATE_NOOP("PainDock", "September"),
    QT_TRANSLATE_NOOP("PainDock", "October"),
    QT_TRANSLATE_NOOP("PainDock", "November"),
    QT_TRANSLATE_NOOP("PainDock", "December"),
)


def _local_now() -> datetime:
    """The default clock: now, in the computer's time zone."""
    return datetime.now().astimezone()


def when_text(iso: str) -> str:
    """An ISO 8601 time as people read it, e.g. "1 May 2024, 09:30" (its own time zone)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return translate("PainDock", "{day} {month} {year}, {time}").format(
        day=moment.day,
        month=translate("PainDock", _MONTHS[moment.month - 1]),
        year=moment.year,
        time=f"{moment:%H:%M}",
    )


def _lower_first(text: str) -> str:
    """``text`` in small letters inside a sentence, where the language writes it so (English
    does; German keeps the capitals of nouns)."""
    return text.lower() if language() == SOURCE_LANGUAGE else text


def _cm2(value: float) -> str:
    """An area with one decimal, as the language of the interface writes numbers."""
    locale = QLocale(language())
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return translate("PainDock", "{value} cm²").format(value=locale.toString(float(value), "f", 1))


def _menu_title_is(action: QAction, source: str) -> bool:
    """Whether a menu bar entry is the window's menu whose (English) title is ``source``: in
    English or in the language of the interface (the window marks its titles in its context,
    "Window")."""
    title = action.text().replace("&", "")
    return title in {source.replace("&", ""), translate("Window", source).replace("&", "")}


# --------------------------------------------------------------------------------------------
# Text for the dock (plain functions of the core's results)


def summary_text(drawing: PainDrawing, area_cm2: float) -> str:
    """E.g. "2 marks, 12.5 cm² painted" or a hint when nothing is marked."""
    if not drawing.marks and area_cm2 <= 0:
        return translate("PainDock", "Nothing marked yet: click the plate where it hurts.")
    parts = []
    if len(drawing.marks) == 1:
        parts.append(translate("PainDock", "1 mark"))
    elif drawing.marks:
        parts.append(translate("PainDock", "{count} marks").format(count=len(drawing.marks)))
    if area_cm2 > 0:
        parts.append(translate("PainDock", "{area} painted").format(area=_cm2(area_cm2)))
    return ", ".join(parts) + "."


def warnings_html(items: Sequence[LookAlike]) -> str:
    """The warning signs that apply (ticked, or shown by the drawing): what to do, most urgent
    first, above everything else."""
    parts = []
    for item in items:
        urgency = URGENCY_WORDS.get(item.cause.urgency, "")
        name = html.escape(item.name)
        if urgency:
            name = translate("PainDock", "{urgency}: {name}").format(
                urgency=html.escape(translate("PainDock", urgency)), name=name
            )
        why = " ".join(html.escape(r) for r in item.reasons)
        ticked = translate("PainDock", "You ticked: {reasons}.").format(reasons=why)
        parts.append(
            f"<p><b>⚠ {name}</b><br>"
            f"<b>{html.escape(item.warning.text)}</b><br>"
            f"<i>{ticked}</i> {html.escape(item.text.text)}</p>"
        )
    return "".join(parts)


def self_help_html(
    matches: Sequence[Match], held_back: Sequence[LookAlike], kb: KnowledgeBase
) -> str:
    """What the person can do themselves for the best matches, or why that advice is held back.

    Techniques and stretches are ``record:`` links; with anything in ``held_back`` no massage,
    pressure or stretching advice is given, and the entries that stop it are named."""
    if not matches:
        return ""
    if held_back:
        names = "; ".join(html.escape(item.name) for item in held_back)
        where = (
            translate("PainDock", "See the warning above for what to do first.")
            if all(item.is_warning_sign for item in held_back)
            else translate(
                "PainDock", "Read why, and what to do first, under “Also worth a thought” below."
            )
        )
        held = translate(
            "PainDock",
            "<b>No massage, pressure or stretching advice here for now.</b> It is held back "
            "because of: {names}.",
        ).format(names=names)
        return f"<p style='color:{warning_text()}'>{held} {html.escape(where)}</p>"
    links: dict[str, str] = {}
    for match in matches[:SELF_HELP_TOP]:
        tp = kb.trigger_points.get(match.trigger_point)
        for record_id in tp.self_help if tp is not None else ():
            record = kb.techniques.get(record_id) or kb.stretches.get(record_id)
            if record is None or record_id in links:
                continue
            if getattr(record, "kind", "self_massage") != "self_massage":
                continue  # a therapist's technique, not self-help
            links[record_id] = (
                f"<a href='record:{html.escape(record_id)}'>{html.escape(record.name)}</a>"
            )
    if not links:
        return ""
    text = translate(
        "PainDock",
        "<b>Self-help for the best matches</b> (read each one's safety notes first): {links}.",
    ).format(links=", ".join(links.values()))
    return f"<p>{text}</p>"


def red_flag_html(item: LookAlike) -> str:
    """The "see a professional" line: the red-flag entry's name and warning."""
    return f"<b>⚠ {html.escape(item.name)}.</b> {html.escape(item.warning.text)}"


def lookalikes_html(items: Sequence[LookAlike], kb: KnowledgeBase) -> str:
    """The look-alikes (not the red-flag entry) with why they show, their text and warning.

    Structures they name are ``record:`` links. Ends with the note that this is no diagnosis."""
    parts: list[str] = []
    flags = [i for i in items if i.kind == "red_flags"]
    others = [i for i in items if i.kind == "lookalike"]
    if not items:
        hint = translate(
            "PainDock",
            "Mark or paint where it hurts: other causes of pain in the same places show here.",
        )
        parts.append(f"<p>{html.escape(hint)}</p>")
    elif not others:
        nothing = translate("PainDock", "Nothing else stands out for the places you marked.")
        parts.append(f"<p>{html.escape(nothing)}</p>")
    for item in others:
        why = " ".join(html.escape(r) for r in item.reasons)
        links = []
        for sid in item.cause.structures:
            record = kb.get(sid)
            name = getattr(record, "name", None)
            if isinstance(name, str):
                links.append(f"<a href='record:{html.escape(sid)}'>{html.escape(name)}</a>")
        on_plate = ""
        if links:
            on_plate = "<br>" + translate("PainDock", "On the plate: {links}").format(
                links=", ".join(links)
            )
        no_massage = ""
        if item.stops_massage:
            no_massage = (
                "<br><b>"
                + html.escape(
                    translate(
                        "PainDock", "No massage or pressure on this spot while this is possible."
                    )
                )
                + "</b>"
            )
        shows = translate("PainDock", "Why it shows: {reasons}").format(reasons=why)
        parts.append(
            f"<p><b>{html.escape(item.name)}</b><br>"
            f"<i>{shows}</i><br>"
            f"{html.escape(item.text.text)}<br>"
            f"<span style='color:{warning_text()}'>⚠ {html.escape(item.warning.text)}"
            f"{no_massage}</span>{on_plate}</p>"
        )
    note = html.escape(
        flags[0].text.text
        if flags
        else translate("PainDock", "A pain drawing cannot tell what causes the pain.")
    )
    not_diagnosis = html.escape(translate("PainDock", "Not a diagnosis."))
    parts.append(f"<p style='color:{muted_text()}'><small>{not_diagnosis} {note}</small></p>")
    return "".join(parts)


def comparison_text(comparison: Comparison, kb: KnowledgeBase) -> str:
    """How the current drawing differs from an earlier one, in plain sentences."""

    def names(ids: Iterable[str]) -> str:
        return ", ".join(kb.trigger_points[i].name if i in kb.trigger_points else i for i in ids)

    days = comparison.days
    when = when_text(comparison.before.created)
    if days is None:
        ago = ""
    elif abs(days) < 1:
        ago = translate("PainDock", "the same day")
    else:
        whole = round(abs(days))
        if days >= 0:
            ago = (
                translate("PainDock", "1 day earlier")
                if whole == 1
                else translate("PainDock", "{count} days earlier").format(count=whole)
            )
        else:
            ago = (
                translate("PainDock", "1 day later")
                if whole == 1
                else translate("PainDock", "{count} days later").format(count=whole)
            )
    if ago:
        first = translate("PainDock", "Compared with your drawing of {when} ({ago}):").format(
            when=when, ago=ago
        )
    else:
        first = translate("PainDock", "Compared with your drawing of {when}:").format(when=when)
    lines = [first]
    trends: tuple[tuple[Trend, str], ...] = (
        ("rose", translate("PainDock", "Rose (a closer match now)")),
        ("fell", translate("PainDock", "Fell (a weaker match now)")),
        ("new", translate("PainDock", "New in the list")),
        ("gone", translate("PainDock", "Gone from the list")),
        ("same", translate("PainDock", "Unchanged")),
    )
    for trend, label in trends:
        ids = comparison.with_trend(trend)
        if ids:
            lines.append(f"• {label}: {names(ids)}.")
    if not comparison.changes:
        lines.append("• " + translate("PainDock", "No trigger point matched either drawing."))
    before, after = comparison.area_before_cm2, comparison.area_after_cm2
    if before <= 0 and after <= 0:
        lines.append("• " + translate("PainDock", "Nothing was painted in either drawing."))
    else:
        change = after - before
        if abs(change) < 0.05:
            how = translate("PainDock", "about the same size")
        elif change > 0:
            how = translate("PainDock", "{area} more").format(area=_cm2(change))
        else:
            how = translate("PainDock", "{area} less").format(area=_cm2(-change))
        moved = []
        if comparison.area_added_cm2 > 0:
            moved.append(
                translate("PainDock", "{area} newly painted").format(
                    area=_cm2(comparison.area_added_cm2)
                )
            )
        if comparison.area_removed_cm2 > 0:
            moved.append(
                translate("PainDock", "{area} no longer painted").format(
                    area=_cm2(comparison.area_removed_cm2)
                )
            )
        detail = f"; {', '.join(moved)}" if moved else ""
        painted = translate("PainDock", "Painted area: {before} then, {after} now ({change}).")
        lines.append(
            "• " + painted.format(before=_cm2(before), after=_cm2(after), change=how + detail)
        )

    def lookalike_names(ids: Iterable[str]) -> str:
        return ", ".join(kb.lookalikes[i].name if i in kb.lookalikes else i for i in ids)

    if comparison.lookalikes_added:
        lines.append(
            "• "
            + translate("PainDock", "Now also worth a thought: {names}.").format(
                names=lookalike_names(comparison.lookalikes_added)
            )
        )
    if comparison.lookalikes_removed:
        lines.append(
            "• "
            + translate("PainDock", "No longer suggested: {names}.").format(
                names=lookalike_names(comparison.lookalikes_removed)
            )
        )
    return "\n".join(lines)


def saved_name(record: Mapping[str, Any]) -> str:
    """How a stored drawing is named in messages: its label, its date and its id."""
    label = record.get("label")
    date = record.get("date") or record.get("created")
    parts = []
    if isinstance(label, str) and label.strip():
        parts.append(translate("PainDock", "“{label}”").format(label=label.strip()))
    if isinstance(date, str):
        parts.append(translate("PainDock", "of {when}").format(when=when_text(date)))
    parts.append(translate("PainDock", "(id {id})").format(id=record.get("id", "?")))
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# On the plate


class PaintedArea(QGraphicsItem):
    """The painted area: dabs drawn in order (eraser dabs clear) into a transparent layer of the
    exposed part only, drawn at :data:`PAINT_OPACITY` with an outline. Exact at every zoom.

    Dabs are indexed in square buckets of :data:`BUCKET` plate units, so repainting one dab's
    rectangle (what a drag event asks for) visits only the dabs near it."""

    def __init__(self, colour: str = PAINT_COLOUR, outline: str = OUTLINE_COLOUR) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_PAINT)
        self._dabs: list[Dab] = []
        self._buckets: dict[tuple[int, int], list[int]] = {}
        self._rect = QRectF()
        self._colour = QColor(colour)
        self._outline = QColor(outline)

    @staticmethod
    def _dab_rect(dab: Dab) -> QRectF:
        r = dab.radius + PAINT_MARGIN
        return QRectF(dab.x - r, dab.y - r, 2 * r, 2 * r)

    @staticmethod
    def _bucket_span(rect: QRectF) -> tuple[range, range]:
        return (
            range(math.floor(rect.left() / BUCKET), math.floor(rect.right() / BUCKET) + 1),
            range(math.floor(rect.top() / BUCKET), math.floor(rect.bottom() / BUCKET) + 1),
        )

    def _append(self, dab: Dab) -> QRectF:
        index = len(self._dabs)
        self._dabs.append(dab)
        rect = self._dab_rect(dab)
        columns, rows = self._bucket_span(rect)
        for bx in columns:
            for by in rows:
                self._buckets.setdefault((bx, by), []).append(index)
        return rect

    def set_dabs(self, dabs: Sequence[Dab]) -> None:
        self.prepareGeometryChange()
        self._dabs = []
        self._buckets = {}
        rect = QRectF()
        for dab in dabs:
            dab_rect = self._append(dab)
            if not dab.erase:
                rect = rect.united(dab_rect)
        self._rect = rect
        self.update()

    def add_dabs(self, dabs: Iterable[Dab]) -> None:
        for dab in dabs:
            rect = self._append(dab)
            if not dab.erase and not self._rect.contains(rect):
                self.prepareGeometryChange()
                self._rect = self._rect.united(rect)
            self.update(rect)

    def dabs(self) -> list[Dab]:
        return list(self._dabs)

    def dabs_over(self, rect: QRectF) -> list[Dab]:
        """The dabs whose (outlined) circle may reach into ``rect``, in order."""
        found: set[int] = set()
        columns, rows = self._bucket_span(rect)
        if len(columns) * len(rows) > len(self._buckets):
            found = set(range(len(self._dabs)))
        else:
            for bx in columns:
                for by in rows:
                    found.update(self._buckets.get((bx, by), ()))
        return [
            dab
            for dab in (self._dabs[i] for i in sorted(found))
            if rect.intersects(self._dab_rect(dab))
        ]

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed: QRectF = option.exposedRect
        exposed = exposed.intersected(self._rect)
        if exposed.isEmpty():
            return
        transform = painter.worldTransform()
        target = transform.mapRect(exposed).toAlignedRect().adjusted(-2, -2, 2, 2)
        if widget is not None:
            target = target.intersected(widget.rect())
        if target.isEmpty():
            return
        ratio = painter.device().devicePixelRatioF()
        size = (math.ceil(target.width() * ratio), math.ceil(target.height() * ratio))
        fill = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
        fill.setDevicePixelRatio(ratio)
        fill.fill(Qt.GlobalColor.transparent)
        p = QPainter(fill)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(-target.x(), -target.y())
        p.setTransform(transform, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._colour)
        clear = QPainter.CompositionMode.CompositionMode_Clear
        over = QPainter.CompositionMode.CompositionMode_SourceOver
        for dab in self.dabs_over(exposed):
            p.setCompositionMode(clear if dab.erase else over)
            p.drawEllipse(QPointF(dab.x, dab.y), dab.radius, dab.radius)
        p.end()
        # the outline: the area spread by OUTLINE_PX on screen, minus the area itself
        edge = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
        edge.setDevicePixelRatio(ratio)
        edge.fill(Qt.GlobalColor.transparent)
        p = QPainter(edge)
        d = OUTLINE_PX
        for dx, dy in ((-d, 0), (d, 0), (0, -d), (0, d), (-d, -d), (d, d), (-d, d), (d, -d)):
            p.drawImage(QPointF(dx, dy), fill)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOut)
        p.drawImage(QPointF(0, 0), fill)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        p.fillRect(QRectF(0, 0, target.width(), target.height()), self._outline)
        p.end()
        painter.save()
        painter.resetTransform()
        corner = QPointF(target.topLeft())
        base = painter.opacity()
        painter.setOpacity(base * PAINT_OPACITY)
        painter.drawImage(corner, fill)
        painter.setOpacity(base)
        painter.drawImage(corner, edge)
        painter.restore()


class PainLayer:
    """The drawing on the plate: the painted area, one dot per mark and the brush outline; the
    keyboard cursor; and, when comparing, the earlier drawing in blue beside it."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self.area = PaintedArea()
        scene.addItem(self.area)
        self.earlier_area = PaintedArea(EARLIER_COLOUR, EARLIER_OUTLINE)
        self.earlier_area.setZValue(Z_PAINT - 1)
        self.earlier_area.setVisible(False)
        scene.addItem(self.earlier_area)
        self.earlier_marks: list[QGraphicsEllipseItem] = []
        self.key_cursor = QGraphicsEllipseItem(-9, -9, 18, 18)
        self.key_cursor.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        key_pen = QPen(QColor("#000000"), 2.0)
        self.key_cursor.setPen(key_pen)
        self.key_cursor.setBrush(QBrush(QColor(255, 255, 255, 90)))
        self.key_cursor.setZValue(Z_CURSOR)
        self.key_cursor.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        for dx, dy in ((-14, 0), (14, 0), (0, -14), (0, 14)):
            tick = QGraphicsEllipseItem(dx - 1.5, dy - 1.5, 3, 3, self.key_cursor)
            tick.setBrush(QBrush(QColor("#000000")))
            tick.setPen(QPen(Qt.PenStyle.NoPen))
        self.key_cursor.setVisible(False)
        scene.addItem(self.key_cursor)
        self.marks: list[QGraphicsEllipseItem] = []
        self.cursor = QGraphicsEllipseItem()
        pen = QPen(QColor("#3e2723"), 1.2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.cursor.setPen(pen)
        self.cursor.setBrush(Qt.BrushStyle.NoBrush)
        self.cursor.setZValue(Z_CURSOR)
        self.cursor.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.cursor.setVisible(False)
        scene.addItem(self.cursor)
        self._visible = False
        self.area.setVisible(False)

    def _mark_item(self, x: float, y: float, colour: str = MARK_COLOUR) -> QGraphicsEllipseItem:
        r = MARK_RADIUS_PX
        item = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setPos(x, y)
        pen = QPen(QColor("#ffffff"), 2.0)
        item.setPen(pen)
        item.setBrush(QBrush(QColor(colour)))
        item.setZValue(Z_MARKS)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setVisible(self._visible)
        ring = QGraphicsEllipseItem(-r - 2, -r - 2, 2 * r + 4, 2 * r + 4, item)
        outline = QPen(QColor("#212121"), 1.0)
        ring.setPen(outline)
        ring.setBrush(Qt.BrushStyle.NoBrush)
        ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.scene.addItem(item)
        return item

    def add_mark(self, x: float, y: float) -> None:
        self.marks.append(self._mark_item(x, y))

    def set_drawing(self, drawing: PainDrawing) -> None:
        self.set_marks(drawing.marks)
        self.area.set_dabs(drawing.dabs)

    def set_marks(self, marks: Sequence[tuple[float, float]]) -> None:
        for item in self.marks:
            self.scene.removeItem(item)
        self.marks = [self._mark_item(x, y) for x, y in marks]

    def set_earlier(self, drawing: PainDrawing | None) -> None:
        """Show an earlier drawing in blue under the current one (None: show none)."""
        for item in self.earlier_marks:
            self.scene.removeItem(item)
        self.earlier_marks = []
        if drawing is None:
            self.earlier_area.set_dabs(())
            self.earlier_area.setVisible(False)
            return
        self.earlier_area.set_dabs(drawing.dabs)
        self.earlier_area.setVisible(self._visible)
        for x, y in drawing.marks:
            item = self._mark_item(x, y, EARLIER_COLOUR)
            item.setZValue(Z_MARKS - 1)
            self.earlier_marks.append(item)

    def has_earlier(self) -> bool:
        return bool(self.earlier_marks) or bool(self.earlier_area.dabs())

    def set_visible(self, visible: bool) -> None:
        self._visible = visible
        self.area.setVisible(visible)
        for item in self.marks:
            item.setVisible(visible)
        self.earlier_area.setVisible(visible and bool(self.earlier_area.dabs()))
        for item in self.earlier_marks:
            item.setVisible(visible)
        if not visible:
            self.cursor.setVisible(False)
            self.key_cursor.setVisible(False)

    def show_key_cursor(self, x: float, y: float) -> None:
        self.key_cursor.setPos(x, y)
        self.key_cursor.setVisible(self._visible)

    def show_cursor(self, x: float, y: float, radius: float) -> None:
        self.cursor.setRect(QRectF(x - radius, y - radius, 2 * radius, 2 * radius))
        self.cursor.setVisible(self._visible)


# --------------------------------------------------------------------------------------------
# The dock


class ResultList(QListWidget):
    """The ranking: one entry per trigger point, as tall as its entries (it never scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _content_height(self) -> int:
        if self.count() == 0:
            return 20
        self.doItemsLayout()  # entries wrap at the current width
        last = self.visualRect(self.indexFromItem(self.item(self.count() - 1)))
        return last.bottom() + 1 + self.verticalOffset() + self.spacing()

    def sizeHint(self) -> QSize:
        return QSize(240, self._content_height() + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # entries wrap differently: ask for a new height


class _ClickLabel(QLabel):
    """The wrapped text of a tick box: clicking it ticks the box, as a box's own text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
        super().mouseReleaseEvent(event)


class PainDock(QDockWidget):
    """The dock's widgets; :class:`PainFinderMode` fills them and reacts to them.

    The tools stay at the top; messages, saving, comparing and *Done* at the bottom. In between
    scroll the ranking, the "see a professional" line, the comparison and the look-alikes."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("PainDock", "Where does it hurt?"), parent)
        self.setObjectName("painFinderDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        body = QWidget()
        body.setObjectName("painFinderBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)

        self.intro = QLabel(
            translate(
                "PainDock",
                "Mark or paint where it hurts: click or drag on the plate, or use the arrow keys "
                "with Space to mark and P to paint. The list shows which trigger points send "
                "pain there, the hamstrings' and their neighbours'.",
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(translate("PainDock", "How to use the pain finder"))
        layout.addWidget(self.intro)

        tools = QHBoxLayout()
        self.tool_buttons: dict[str, QToolButton] = {}
        for name in (*TOOLS, "clear", "undo_clear"):
            button = QToolButton()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setObjectName(f"pain_{name}_button")
            self.tool_buttons[name] = button
            tools.addWidget(button)
        tools.addStretch(1)
        layout.addLayout(tools)

        size_row = QHBoxLayout()
        self.size_label = QLabel(translate("PainDock", "Brush size"))
        self.size_slider = QSlider(Qt.Orientation.Horizontal)
        self.size_slider.setRange(
            round(BRUSH_CM_MIN / BRUSH_CM_STEP), round(BRUSH_CM_MAX / BRUSH_CM_STEP)
        )
        self.size_slider.setAccessibleName(translate("PainDock", "Brush size"))
        self.size_spin = QDoubleSpinBox()
        self.size_spin.setRange(BRUSH_CM_MIN, BRUSH_CM_MAX)
        self.size_spin.setSingleStep(BRUSH_CM_STEP)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(translate("PainDock", " cm"))
        self.size_spin.setAccessibleName(
            translate("PainDock", "Brush size in centimetres (across)")
        )
        self.size_spin.setToolTip(
            translate("PainDock", "How wide the brush and the eraser are, in cm of the plate")
        )
        self.size_label.setBuddy(self.size_spin)
        size_row.addWidget(self.size_label)
        size_row.addWidget(self.size_slider, 1)
        size_row.addWidget(self.size_spin)
        layout.addLayout(size_row)

        self.summary = QLabel()
        self.summary.setObjectName("painSummary")
        self.summary.setAccessibleName(translate("PainDock", "What is marked"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        # the warning signs: ticks that put a warning above everything and stop massage advice
        self.signs_button = QToolButton()
        self.signs_button.setObjectName("painSignsButton")
        self.signs_button.setCheckable(True)
        self.signs_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.signs_button.setArrowType(Qt.ArrowType.RightArrow)
        self.signs_button.setAutoRaise(True)
        self.signs_button.setAccessibleName(translate("PainDock", "Show the warning signs to tick"))
        self.signs_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.signs_button)
        self.signs_frame = QFrame()
        self.signs_frame.setObjectName("painSigns")
        signs_layout = QVBoxLayout(self.signs_frame)
        signs_layout.setContentsMargins(18, 0, 0, 4)
        signs_layout.setSpacing(2)
        self.signs_layout = signs_layout
        self.sign_boxes: dict[str, QCheckBox] = {}
        self.signs_frame.setVisible(False)
        layout.addWidget(self.signs_frame)
        self.signs_button.toggled.connect(self._on_signs_toggled)

        scroll = QScrollArea()
        scroll.setObjectName("painScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("painContent")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 4, 0)
        self.body_scroll = scroll

        self.warnings = QLabel()
        self.warnings.setObjectName("painWarnings")
        self.warnings.setAccessibleName(
            translate("PainDock", "Warning signs that apply: what to do first")
        )
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setStyleSheet(
            f"QLabel {{ background: #ffebee; color: {WARNING_COLOUR}; "
            f"border: 2px solid {WARNING_COLOUR}; border-radius: 4px; padding: 6px; }}"
        )
        self.warnings.setVisible(False)
        inner.addWidget(self.warnings)

        heading = QLabel(
            "<b>"
            + html.escape(translate("PainDock", "Trigger points that send pain here"))
            + "</b>"
        )
        inner.addWidget(heading)
        self.results = ResultList()
        self.results.setObjectName("painResults")
        self.results.setAccessibleName(
            translate("PainDock", "Trigger points that send pain here, best match first")
        )
        self.results.setAlternatingRowColors(True)
        self.results.setToolTip(
            translate("PainDock", "Click or press Enter to read about a trigger point")
        )
        heading.setBuddy(self.results)
        inner.addWidget(self.results)

        self.self_help = QLabel()
        self.self_help.setObjectName("painSelfHelp")
        self.self_help.setAccessibleName(translate("PainDock", "Self-help for the best matches"))
        self.self_help.setWordWrap(True)
        self.self_help.setTextFormat(Qt.TextFormat.RichText)
        self.self_help.setOpenExternalLinks(False)
        self.self_help.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.self_help.setVisible(False)
        inner.addWidget(self.self_help)

        self.red_flag = QLabel()
        self.red_flag.setObjectName("painRedFlag")
        self.red_flag.setAccessibleName(translate("PainDock", "When to see a professional"))
        self.red_flag.setWordWrap(True)
        self.red_flag.setTextFormat(Qt.TextFormat.RichText)
        self.red_flag.setStyleSheet(
            f"QLabel {{ background: #fdecea; color: {WARNING_COLOUR}; "
            f"border: 1px solid {WARNING_COLOUR}; border-radius: 4px; padding: 6px; }}"
        )
        self.red_flag.setVisible(False)
        inner.addWidget(self.red_flag)

        self.comparison = QLabel()
        self.comparison.setObjectName("painComparison")
        self.comparison.setAccessibleName(translate("PainDock", "How the drawing changed"))
        self.comparison.setWordWrap(True)
        self.comparison.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comparison.setStyleSheet(
            "QLabel { background: #eef3f8; border: 1px solid #90a4ae; border-radius: 4px; "
            "padding: 6px; }"
        )
        self.comparison.setVisible(False)
        inner.addWidget(self.comparison)

        inner.addWidget(
            QLabel("<b>" + html.escape(translate("PainDock", "Also worth a thought")) + "</b>")
        )
        self.lookalikes = QLabel()
        self.lookalikes.setObjectName("painLookalikes")
        self.lookalikes.setAccessibleName(
            translate("PainDock", "Also worth a thought: other causes of pain here")
        )
        self.lookalikes.setWordWrap(True)
        self.lookalikes.setTextFormat(Qt.TextFormat.RichText)
        self.lookalikes.setOpenExternalLinks(False)
        self.lookalikes.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.lookalikes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.lookalikes)
        inner.addStretch(1)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)

        self.message = QLabel()
        self.message.setObjectName("painMessage")
        self.message.setAccessibleName(translate("PainDock", "Messages"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"QLabel {{ color: {WARNING_COLOUR}; }}")
        self.message.setVisible(False)
        layout.addWidget(self.message)

        save_row = QHBoxLayout()
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(
            translate("PainDock", "Label (optional), e.g. after running")
        )
        self.label_edit.setMaxLength(MAX_LABEL)
        self.label_edit.setAccessibleName(translate("PainDock", "Label of the drawing to save"))
        self.save_button = QToolButton()
        self.save_button.setObjectName("pain_save_button")
        self.save_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        save_row.addWidget(self.label_edit, 1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)

        compare_row = QHBoxLayout()
        compare_label = QLabel(translate("PainDock", "Compare with…"))
        self.compare = QComboBox()
        self.compare.setObjectName("painCompare")
        self.compare.setAccessibleName(translate("PainDock", "Compare with an earlier drawing"))
        self.compare.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.compare.setMinimumContentsLength(12)
        compare_label.setBuddy(self.compare)
        compare_row.addWidget(compare_label)
        compare_row.addWidget(self.compare, 1)
        layout.addLayout(compare_row)

        self.close_button = QPushButton(translate("PainDock", "Done"))
        self.close_button.setAccessibleName(translate("PainDock", "Leave the pain finder"))
        self.close_button.setToolTip(
            translate("PainDock", "Leave the pain finder; your drawing is kept until cleared")
        )
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setWidget(body)

    def set_signs(self, signs: Sequence[LookAlikeCause]) -> None:
        """One tick box per warning sign (their ``ask`` as the text)."""
        while self.signs_layout.count():
            item = self.signs_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.sign_boxes = {}
        for sign in signs:
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            box = QCheckBox()
            box.setObjectName(f"painSign_{sign.id}")
            box.setAccessibleName(sign.ask)
            box.setToolTip(sign.name)
            text = _ClickLabel(sign.ask, box)
            text.setWordWrap(True)
            text.setToolTip(sign.name)
            row_layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row_layout.addWidget(text, 1)
            self.signs_layout.addWidget(row)
            self.sign_boxes[sign.id] = box
        # Tab goes from the title into the boxes, then on to the results
        chain = [self.signs_button, *self.sign_boxes.values(), self.results]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.update_signs_title()

    def ticked(self) -> list[str]:
        return [sid for sid, box in self.sign_boxes.items() if box.isChecked()]

    def update_signs_title(self) -> None:
        count = len(self.ticked())
        if count:
            text = translate("PainDock", "Warning signs: tick any that apply ({count} ticked)")
            self.signs_button.setText(text.format(count=count))
        else:
            self.signs_button.setText(translate("PainDock", "Warning signs: tick any that apply"))

    def _on_signs_toggled(self, shown: bool) -> None:
        self.signs_frame.setVisible(shown)
        self.signs_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def listed(self) -> list[str]:
        """Trigger point ids in the list, top first."""
        out = []
        for row in range(self.results.count()):
            value = self.results.item(row).data(Qt.ItemDataRole.UserRole)
            if isinstance(value, str):
                out.append(value)
        return out

    def show_message(self, text: str) -> None:
        self.message.setStyleSheet(f"QLabel {{ color: {warning_text()}; }}")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


# --------------------------------------------------------------------------------------------
# The mode


class PainFinderMode(QObject):
    """The "Where does it hurt?" mode of one window: its action, dock, plate layer and tool.

    Implements the plate's tool protocol (``press``/``drag``/``release`` in plate units).
    ``clock`` dates saved drawings; tests replace it."""

    #: the ranking, look-alikes and comparison were brought up to date
    resultsChanged = Signal()
    #: the mode was turned on (True) or off (False)
    activeChanged = Signal(bool)

    def __init__(self, host: PlateHost, clock: Callable[[], datetime] = _local_now) -> None:
        super().__init__(host.window)
        self.host = host
        self.window = window = host.window
        self.clock = clock
        #: marks belong to the plate they were drawn on; each view ranks on its own zones
        self.view_key = host.view_key
        self.finder: PainFinder = finder_for(host.atlas, self.view_key)
        self._drawing = PainDrawing.start(clock)
        self._drawings: dict[str, PainDrawing] = {}
        self._tool: Tool = "mark"
        self._radius = BRUSH_CM * UNITS_PER_CM / 2
        self._active = False
        self._sized = False  # the dock gets its width the first time it shows
        self._stroke: tuple[float, float] | None = None
        self._matches: list[Match] = []
        self._lookalikes: list[LookAlike] = []
        self._preview: frozenset[str] = frozenset()
        self._saved: dict[str, PainDrawing] = {}
        self._load_problems: list[str] = []
        self._notice = ""
        self._before_clear: PainDrawing | None = None
        self._shown_earlier: PainDrawing | None = None
        self._key_point: tuple[float, float] | None = None
        self._held_back: list[LookAlike] = []
        self._refresh_cost_ms = 0.0
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._on_refresh_due)

        self.layer = PainLayer(host.view.scene())
        self.dock = PainDock(window)
        self.dock.set_signs(warning_signs(host.atlas))
        # beside the panel, like the other docks: opening it narrows the panel, not the plate
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._build_actions()
        self._connect_dock()
        self._set_brush_widgets(BRUSH_CM)
        self._reload_saved()
        self._show_results()
        self._viewport = host.view.viewport()
        host.viewChanged.connect(self._on_view_changed)

    # building ------------------------------------------------------------------------------
    def _register(self, name: str, action: QAction) -> QAction:
        return self.host.register_action(name, action)

    def _build_actions(self) -> None:
        w = self.window
        self.action = self._register(
            "pain_mode", QAction(translate("PainDock", "&Where does it hurt?"), w)
        )
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(MODE_SHORTCUT))
        self.action.setStatusTip(
            translate(
                "PainDock", "Mark where it hurts and see which trigger points send pain there"
            )
        )
        self.action.toggled.connect(self._on_action_toggled)

        texts = {
            "mark": translate("PainDock", "&Mark"),
            "brush": translate("PainDock", "&Brush"),
            "eraser": translate("PainDock", "&Eraser"),
        }
        tips = {
            "mark": translate("PainDock", "Click the plate to mark a spot that hurts"),
            "brush": translate("PainDock", "Drag on the plate to paint the area that hurts"),
            "eraser": translate("PainDock", "Drag on the plate to rub out paint and marks"),
        }
        self.tool_group = QActionGroup(self)
        self.tool_group.setExclusive(True)
        self.tool_actions: dict[Tool, QAction] = {}
        for name in TOOLS:
            action = self._register(f"pain_{name}", QAction(texts[name], w))
            action.setCheckable(True)
            action.setToolTip(tips[name])
            action.setData(name)
            self.tool_group.addAction(action)
            self.tool_actions[name] = action
            self.dock.tool_buttons[name].setDefaultAction(action)
        self.tool_actions["mark"].setChecked(True)
        self.tool_group.triggered.connect(self._on_tool_triggered)

        self.clear_action = self._register(
            "pain_clear", QAction(translate("PainDock", "&Clear"), w)
        )
        self.clear_action.setToolTip(translate("PainDock", "Remove every mark and all paint"))
        self.clear_action.triggered.connect(self.clear)
        self.dock.tool_buttons["clear"].setDefaultAction(self.clear_action)

        self.undo_clear_action = self._register(
            "pain_undo_clear", QAction(translate("PainDock", "&Undo clear"), w)
        )
        self.undo_clear_action.setToolTip(
            translate("PainDock", "Bring back the drawing you just cleared")
        )
        self.undo_clear_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_clear_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_clear_action.setEnabled(False)
        self.undo_clear_action.triggered.connect(self.undo_clear)
        self.dock.tool_buttons["undo_clear"].setDefaultAction(self.undo_clear_action)

        self.save_action = self._register(
            "pain_save", QAction(translate("PainDock", "&Save drawing"), w)
        )
        self.save_action.setToolTip(
            translate("PainDock", "Keep this drawing, dated, to compare with later")
        )
        self.save_action.triggered.connect(self.save)
        self.dock.save_button.setDefaultAction(self.save_action)

        menu = self._menu(PAIN_MENU_TITLE)
        if menu is not None:
            menu.addSeparator()
        else:
            menu = self._tools_menu()
        menu.addAction(self.action)

    def _menu(self, title: str) -> QMenu | None:
        """The window's top-level menu whose source title is ``title`` (in English or in the
        language of the interface, ignoring ``&``), if there is one."""
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and _menu_title_is(action, title):
                return menu
        return None

    def _tools_menu(self) -> QMenu:
        bar = self.window.menuBar()
        help_action: QAction | None = None
        for action in bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and menu.objectName() == TOOLS_MENU_NAME:
                return menu
            if _menu_title_is(action, HELP_MENU_TITLE):
                help_action = action
        menu = QMenu(translate("PainDock", "&Tools"), bar)
        menu.setObjectName(TOOLS_MENU_NAME)
        if help_action is not None:
            bar.insertMenu(help_action, menu)
        else:
            bar.addMenu(menu)
        return menu

    def _connect_dock(self) -> None:
        d = self.dock
        d.closed.connect(self._on_dock_closed)
        d.close_button.clicked.connect(self._on_done_clicked)
        d.size_slider.valueChanged.connect(self._on_size_slider_changed)
        d.size_spin.valueChanged.connect(self._on_size_spin_changed)
        d.results.itemClicked.connect(self._on_result_activated)
        d.results.itemActivated.connect(self._on_result_activated)
        d.lookalikes.linkActivated.connect(self._on_lookalike_link_activated)
        d.self_help.linkActivated.connect(self._on_lookalike_link_activated)
        for box in d.sign_boxes.values():
            box.toggled.connect(self._on_signs_changed)
        d.compare.currentIndexChanged.connect(self._on_compare_changed)

    # public API ----------------------------------------------------------------------------
    @property
    def drawing(self) -> PainDrawing:
        """The drawing being made (kept when the mode is left, until cleared)."""
        return self._drawing

    @property
    def matches(self) -> list[Match]:
        """The ranking as last shown."""
        return list(self._matches)

    @property
    def lookalike_items(self) -> list[LookAlike]:
        """The look-alikes as last shown (the red-flag entry first)."""
        return list(self._lookalikes)

    @property
    def ticked_signs(self) -> list[str]:
        """The warning signs the user ticked (ids)."""
        return self.dock.ticked()

    def set_sign(self, sign_id: str, ticked: bool = True) -> None:
        """Tick (or untick) a warning sign, as its box in the dock does."""
        box = self.dock.sign_boxes.get(sign_id)
        if box is None:
            raise KeyError(f"no warning sign '{sign_id}'; known: {', '.join(self.dock.sign_boxes)}")
        box.setChecked(ticked)

    @property
    def massage_held_back(self) -> list[LookAlike]:
        """The shown entries that hold back massage advice (empty: it is shown)."""
        return list(self._held_back)

    @property
    def is_active(self) -> bool:
        return self._active

    @property
    def tool(self) -> Tool:
        return self._tool

    def set_tool(self, tool: Tool) -> None:
        """Choose Mark, Brush or Eraser (and take the plate's tool if the mode is on)."""
        if tool not in TOOLS:
            raise ValueError(f"no tool '{tool}'; known: {', '.join(TOOLS)}")
        self._tool = tool
        action = self.tool_actions[tool]
        if not action.isChecked():
            with QSignalBlocker(self.tool_group):
                action.setChecked(True)
        enabled = tool != "mark"
        for widget in (self.dock.size_label, self.dock.size_slider, self.dock.size_spin):
            widget.setEnabled(enabled)
        if not enabled:
            self.layer.cursor.setVisible(False)
        if self._active and self.host.view.tool is not self:
            self.host.view.set_tool(self)

    @property
    def brush_cm(self) -> float:
        """The brush's (and eraser's) width in cm of the plate."""
        return 2 * self._radius / UNITS_PER_CM

    def set_brush_cm(self, cm: float) -> None:
        cm = min(BRUSH_CM_MAX, max(BRUSH_CM_MIN, cm))
        self._radius = cm * UNITS_PER_CM / 2
        self._set_brush_widgets(cm)

    def enter(self) -> None:
        """Turn the mode on (as checking the action does)."""
        self.action.setChecked(True)

    def leave(self) -> None:
        """Turn the mode off (as unchecking the action or closing the dock does)."""
        self.action.setChecked(False)

    def clear(self) -> None:
        """Remove every mark and all paint (Undo clear brings them back)."""
        self._stroke = None
        if not self._drawing.is_blank:
            self._before_clear = self._drawing
            self.undo_clear_action.setEnabled(True)
            self.host.show_message(
                translate("PainDock", "Drawing cleared: Undo clear (Ctrl+Z) brings it back."), 8000
            )
        self._set_drawing(self._drawing.cleared())
        self._notice = ""
        self._schedule_refresh(0)

    def undo_clear(self) -> None:
        """Bring back the drawing the last Clear removed (while nothing new was drawn)."""
        if self._before_clear is None:
            return
        self._stroke = None
        self._set_drawing(self._before_clear)
        self._forget_clear()
        self.host.show_message(translate("PainDock", "The cleared drawing is back."), 5000)
        self._schedule_refresh(0)

    def _forget_clear(self) -> None:
        self._before_clear = None
        self.undo_clear_action.setEnabled(False)

    def load(self, drawing: PainDrawing) -> None:
        """Show this drawing (e.g. a saved one) as the one being made."""
        self._stroke = None
        self._set_drawing(drawing)
        self._schedule_refresh(0)

    def save(self) -> str | None:
        """Store the drawing, dated by :attr:`clock`, in the user's data; returns its id.

        A failed save is reported in the dock and the status bar (the store keeps the drawing in
        memory and writes it with the next change)."""
        if self._drawing.is_blank:
            self._tell(
                translate(
                    "PainDock", "There is nothing to save yet: mark or paint where it hurts first."
                )
            )
            return None
        if not self._on_main_view():
            self._tell(
                translate(
                    "PainDock",
                    "Drawings are saved on the posterior, superficial plate only: switch to it "
                    "(Ctrl+1) to save one.",
                )
            )
            return None
        created = self.clock().isoformat(timespec="seconds")
        label = self.dock.label_edit.text().strip()[:MAX_LABEL]
        drawing = PainDrawing(created, self._drawing.marks, self._drawing.dabs, label)
        record = drawing.to_dict()
        record["date"] = created
        drawing_id: str | None = None
        try:
            drawing_id = self.host.userdata.add_drawing(record)
        except UserDataError as error:
            self._tell(str(error))
        else:
            self._notice = ""
            self.dock.label_edit.clear()
            self.host.show_message(
                translate("PainDock", "Drawing saved ({when}).").format(when=when_text(created)),
                5000,
            )
        self._reload_saved()
        self._show_results()
        return drawing_id

    def saved_drawings(self) -> dict[str, PainDrawing]:
        """Saved drawings that could be read, by id, oldest first."""
        return dict(self._saved)

    def compare_with(self, drawing_id: str | None) -> None:
        """Compare the current drawing with a saved one (None: no comparison)."""
        index = self.dock.compare.findData(drawing_id) if drawing_id is not None else 0
        if index < 0:
            raise KeyError(f"no saved drawing '{drawing_id}'; known: {', '.join(self._saved)}")
        self.dock.compare.setCurrentIndex(index)

    # the plate's tool ----------------------------------------------------------------------
    def press(self, x: float, y: float) -> None:
        if self._tool == "mark":
            self._add_mark(x, y)
            return
        self._stroke = None
        self._stroke_to(x, y)
        self._schedule_refresh(self._drag_delay())

    def drag(self, x: float, y: float) -> None:
        if self._tool == "mark":
            return
        self._stroke_to(x, y)
        self._schedule_refresh(self._drag_delay())

    def _drag_delay(self) -> int:
        """How long a stroke waits for its next ranking: :data:`DRAG_REFRESH_MS`, or longer when
        ranking a large drawing takes a while, so the pointer keeps most of the time."""
        return max(DRAG_REFRESH_MS, round(DRAG_COST_FACTOR * self._refresh_cost_ms))

    def release(self, x: float, y: float) -> None:
        if self._tool != "mark":
            self._stroke_to(x, y)
            self._stroke = None
        self._schedule_refresh(0)

    def _add_mark(self, x: float, y: float) -> None:
        self._forget_clear()
        if len(self._drawing.marks) >= MAX_MARKS:
            self._tell(
                translate(
                    "PainDock", "A drawing holds at most {count} marks; clear some to add more."
                ).format(count=MAX_MARKS)
            )
            return
        self._drawing = self._drawing.with_mark(x, y)
        self.layer.add_mark(x, y)
        self._schedule_refresh(0)

    def _stroke_to(self, x: float, y: float) -> None:
        """Dabs from the last dab of the stroke to (x, y), :data:`DAB_SPACING` radii apart."""
        self._forget_clear()
        radius = self._radius
        erase = self._tool == "eraser"
        last = self._stroke
        if last is None:
            points = [(x, y)]
        else:
            distance = math.hypot(x - last[0], y - last[1])
            step = radius * DAB_SPACING
            if distance < step:
                return
            count = math.floor(distance / step)
            points = [
                (
                    last[0] + (x - last[0]) * k * step / distance,
                    last[1] + (y - last[1]) * k * step / distance,
                )
                for k in range(1, count + 1)
            ]
        self._stroke = points[-1]
        drawing = self._drawing
        if erase:
            kept = tuple(
                m
                for m in drawing.marks
                if not any(math.hypot(m[0] - px, m[1] - py) <= radius for px, py in points)
            )
            if len(kept) != len(drawing.marks):
                drawing = PainDrawing(drawing.created, kept, drawing.dabs, drawing.label)
                self.layer.set_marks(kept)
            if not any(not d.erase for d in drawing.dabs):
                self._drawing = drawing  # nothing painted to rub out
                return
        room = MAX_DABS - len(drawing.dabs)
        if room < len(points):
            points = points[: max(0, room)]
            self._tell(
                translate(
                    "PainDock",
                    "This drawing is full (too many brush strokes); clear it or save it and start "
                    "a new one.",
                )
            )
        dabs = [Dab(px, py, radius, erase) for px, py in points]
        if dabs:
            drawing = PainDrawing(
                drawing.created, drawing.marks, (*drawing.dabs, *dabs), drawing.label
            )
            self.layer.area.add_dabs(dabs)
        self._drawing = drawing

    # mode on / off -------------------------------------------------------------------------
    def _on_action_toggled(self, checked: bool) -> None:
        if checked == self._active:
            return
        self._active = checked
        view = self.host.view
        if checked:
            view.set_tool(self)
            if not self._sized:
                self._sized = True
                self.window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
                QTimer.singleShot(0, self, self._keep_panel_readable)
            self._viewport.installEventFilter(self)
            view.installEventFilter(self)
            self.layer.set_visible(True)
            self.dock.show()
            self.dock.raise_()
            self._reload_saved()
            self._schedule_refresh(0)
            self.host.show_message(
                translate(
                    "PainDock",
                    "Where does it hurt? Click the plate to mark a spot, or paint with the brush.",
                ),
                5000,
            )
        else:
            self._refresh_timer.stop()
            self._stroke = None
            self._viewport.removeEventFilter(self)
            view.removeEventFilter(self)
            if view.tool is self:
                view.set_tool(None)
            if self._preview and view.zone_preview() == self._preview:
                view.set_zone_preview(())
            self._preview = frozenset()
            self.layer.set_visible(False)
            if self.dock.isVisible():
                self.dock.hide()
        self.activeChanged.emit(checked)

    def _keep_panel_readable(self) -> None:
        """On a narrow screen the dock takes its width from the panel (the plate stays where it
        is); when that leaves the panel too narrow to read, the plate gives some up instead."""
        splitter = getattr(self.window, "splitter", None)
        if splitter is None or not self.dock.isVisible():
            return
        sizes = splitter.sizes()
        if len(sizes) != 2:
            return
        plate, panel = sizes
        short = PANEL_MIN_WIDTH - panel
        if short > 0 and plate - short >= PLATE_MIN_WIDTH:
            splitter.setSizes([plate - short, panel + short])

    def _on_dock_closed(self) -> None:
        self.action.setChecked(False)

    def _on_done_clicked(self) -> None:
        self.action.setChecked(False)

    def _on_tool_triggered(self, action: QAction) -> None:
        name = action.data()
        if name in TOOLS:
            self.set_tool(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Show the brush's outline under the pointer while the brush or eraser is chosen
        (installed on the plate's viewport while the mode is on), and drive the drawing from
        the keyboard (installed on the plate view): the arrow keys move a cursor (with Shift,
        further), Space marks at it (or paints or rubs out, with the brush or the eraser), P
        paints a dab of the brush's size, Delete rubs out."""
        if not self._active:
            return False
        if watched is self.host.view and event.type() == QEvent.Type.KeyPress:
            return isinstance(event, QKeyEvent) and self._key_pressed(event)
        if watched is not self._viewport:
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            view = self.host.view
            if self._tool != "mark" and view.tool is self:
                point = view.mapToScene(event.position().toPoint())
                self.layer.show_cursor(point.x(), point.y(), self._radius)
        elif kind == QEvent.Type.Leave and shiboken6.isValid(self.layer.cursor):
            self.layer.cursor.setVisible(False)
        return False

    def _key_pressed(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        step = KEY_BIG_STEP if modifiers & Qt.KeyboardModifier.ShiftModifier else KEY_STEP
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl+arrows etc. stay the view's
        if key in moves and not self.dock.isVisible():
            return False
        if key in moves:
            x, y = self.key_point()
            dx, dy = moves[key]
            self.move_key_cursor(x + dx, y + dy)
            return True
        if key == Qt.Key.Key_Space and not modifiers:
            x, y = self.key_point()
            self.show_key_cursor()
            if self._tool == "mark":
                self._add_mark(x, y)
            else:
                self._key_dab(x, y, self._tool == "eraser")
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # on the plate Tab walks the structures; while marking pain it leaves the plate for
            # the results (Shift+Tab: for the tools)
            backwards = key == Qt.Key.Key_Backtab or bool(
                modifiers & Qt.KeyboardModifier.ShiftModifier
            )
            d = self.dock
            target: QWidget = d.tool_buttons[self._tool] if backwards else d.results
            if not backwards and not self._matches:
                target = d.signs_button
            target.setFocus(
                Qt.FocusReason.BacktabFocusReason if backwards else Qt.FocusReason.TabFocusReason
            )
            return True
        if key == Qt.Key.Key_P and not modifiers:
            self._key_dab(*self.key_point(), erase=False)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not modifiers:
            self._key_dab(*self.key_point(), erase=True)
            return True
        return False

    def key_point(self) -> tuple[float, float]:
        """Where the keyboard cursor is (plate units); at first the middle of the view."""
        if self._key_point is None:
            view = self.host.view
            centre = view.mapToScene(view.viewport().rect().center())
            self._key_point = (centre.x(), centre.y())
        return self._key_point

    def move_key_cursor(self, x: float, y: float) -> None:
        """Put the keyboard cursor at (x, y), kept on the plate, and keep it in sight."""
        left, top, width, height = self.finder.plate.view_box
        x = min(left + width, max(left, x))
        y = min(top + height, max(top, y))
        self._key_point = (x, y)
        self.show_key_cursor()
        self.host.view.ensureVisible(QRectF(x - 30, y - 30, 60, 60), 20, 20)

    def show_key_cursor(self) -> None:
        x, y = self.key_point()
        self.layer.show_key_cursor(x, y)
        if self._tool != "mark":
            self.layer.show_cursor(x, y, self._radius)

    def _key_dab(self, x: float, y: float, erase: bool) -> None:
        """One dab of the brush (or the eraser) at (x, y), as a click with it would paint."""
        tool = self._tool
        self._tool = "eraser" if erase else "brush"
        try:
            self._stroke = None
            self._stroke_to(x, y)
            self._stroke = None
        finally:
            self._tool = tool
        self.show_key_cursor()
        self._schedule_refresh(0)

    # widgets -> mode -----------------------------------------------------------------------
    def _set_brush_widgets(self, cm: float) -> None:
        d = self.dock
        with QSignalBlocker(d.size_slider):
            d.size_slider.setValue(round(cm / BRUSH_CM_STEP))
        with QSignalBlocker(d.size_spin):
            d.size_spin.setValue(cm)

    def _on_size_slider_changed(self, value: int) -> None:
        self.set_brush_cm(value * BRUSH_CM_STEP)

    def _on_size_spin_changed(self, value: float) -> None:
        self.set_brush_cm(value)

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        tp_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(tp_id, str):
            self.host.state.select(tp_id)

    def _on_lookalike_link_activated(self, link: str) -> None:
        if link.startswith("record:"):
            self.host.state.select(link.removeprefix("record:"))

    def _on_signs_changed(self, _checked: bool) -> None:
        self.dock.update_signs_title()
        self._schedule_refresh(0)

    def _on_compare_changed(self, _index: int) -> None:
        self._show_comparison()
        if self.dock.comparison.isVisible():
            self.dock.body_scroll.ensureWidgetVisible(self.dock.comparison)

    # results -------------------------------------------------------------------------------
    def _set_drawing(self, drawing: PainDrawing) -> None:
        self._drawing = drawing
        self.layer.set_drawing(drawing)

    def _tell(self, text: str) -> None:
        self._notice = text
        self.host.show_message(text, 8000)
        self._show_messages()

    def _show_messages(self) -> None:
        self.dock.show_message(
            "\n".join([*self._load_problems, *filter(None, [self._notice, self._plate_notice()])])
        )

    def _on_main_view(self) -> bool:
        return self.view_key == self.host.atlas.main_view

    def _plate_notice(self) -> str:
        """What the dock says about the plate now shown (no zones, drawings saved elsewhere)."""
        if not self.finder.has_zones:
            return translate(
                "PainDock",
                "This plate shows no referral zones, so marks made here cannot be matched to "
                "trigger points. Switch to a plate with zones (View ▸ Plate) to see them ranked.",
            )
        return ""

    def _on_view_changed(self, view_key: str) -> None:
        """Marks belong to the plate they were drawn on: keep this view's drawing, show the
        new view's (blank at first) and rank it on the new plate's zones."""
        if view_key == self.view_key:
            return
        self._drawings[self.view_key] = self._drawing
        self._stroke = None
        self.view_key = view_key
        self.finder = finder_for(self.host.atlas, view_key)
        self._set_drawing(self._drawings.get(view_key) or PainDrawing.start(self.clock))
        self._forget_clear()
        self._key_point = None
        self.layer.key_cursor.setVisible(False)
        self._preview = frozenset()
        self._notice = ""
        self._show_results()

    def _schedule_refresh(self, delay_ms: int) -> None:
        timer = self._refresh_timer
        if timer.isActive() and timer.remainingTime() <= delay_ms:
            return  # one is due sooner: it will see this change too
        timer.start(delay_ms)

    def _on_refresh_due(self) -> None:
        self._show_results()

    def refresh(self) -> None:
        """Bring the ranking, look-alikes and comparison up to date now."""
        self._refresh_timer.stop()
        self._show_results()

    def _show_results(self) -> None:
        started = time.perf_counter()
        drawing = self._drawing
        kb = self.host.atlas.kb
        self._matches = self.finder.rank(drawing)
        d = self.dock
        self._lookalikes = self.finder.lookalikes(drawing, d.ticked())
        self._held_back = massage_held_back_by(self._lookalikes)
        d.summary.setText(summary_text(drawing, self.finder.area_cm2(drawing)))
        current = d.results.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        with QSignalBlocker(d.results):
            d.results.clear()
            for place, match in enumerate(self._matches, start=1):
                tp = kb.trigger_points[match.trigger_point]
                item = QListWidgetItem(f"{place}. {tp.name}\n{match.explain()}")
                item.setData(Qt.ItemDataRole.UserRole, match.trigger_point)
                item.setToolTip(
                    translate("PainDock", "Read about the {name}").format(
                        name=_lower_first(tp.name)
                    )
                )
                d.results.addItem(item)
                if match.trigger_point == keep:
                    d.results.setCurrentItem(item)
            if not self._matches:
                hint = (
                    translate(
                        "PainDock",
                        "No trigger point in this atlas sends pain to the places you marked.",
                    )
                    if not drawing.is_blank
                    else translate("PainDock", "Nothing marked yet.")
                )
                placeholder = QListWidgetItem(hint)
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                d.results.addItem(placeholder)
        d.results.updateGeometry()
        signs = [i for i in self._lookalikes if i.is_warning_sign]
        d.warnings.setText(warnings_html(signs))
        d.warnings.setVisible(bool(signs))
        help_text = self_help_html(self._matches, self._held_back, kb)
        d.self_help.setText(help_text)
        d.self_help.setVisible(bool(help_text))
        flags = [i for i in self._lookalikes if i.kind == "red_flags"]
        d.red_flag.setText(red_flag_html(flags[0]) if flags else "")
        d.red_flag.setVisible(bool(flags))
        d.lookalikes.setText(lookalikes_html(self._lookalikes, kb))
        self.save_action.setEnabled(not drawing.is_blank and self._on_main_view())
        self._show_comparison()
        self._show_messages()
        self._update_preview()
        self._refresh_cost_ms = (time.perf_counter() - started) * 1000
        self.resultsChanged.emit()

    def _update_preview(self) -> None:
        view = self.host.view
        zones = frozenset(
            z for m in self._matches for z in (*m.essential_zones, *m.spillover_zones)
        )
        if not self._active:
            return
        if zones != self._preview or view.zone_preview() != zones:
            self._preview = zones
            view.set_zone_preview(zones)

    # saved drawings ------------------------------------------------------------------------
    def _reload_saved(self) -> None:
        self._saved = {}
        self._load_problems = []
        for record in self.host.userdata.drawings():
            try:
                drawing = PainDrawing.from_dict(record)
            except ValueError as error:
                self._load_problems.append(
                    translate(
                        "PainDock",
                        "The saved drawing {name} could not be read and is left out: {error}.",
                    ).format(name=saved_name(record), error=error)
                )
                continue
            self._saved[str(record["id"])] = drawing
        combo = self.dock.compare
        chosen = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(
                translate("PainDock", "(choose a saved drawing)")
                if self._saved
                else translate("PainDock", "(none saved yet)"),
                None,
            )
            for drawing_id, drawing in reversed(self._saved.items()):
                text = when_text(drawing.created)
                if drawing.label:
                    text += f" — {drawing.label}"
                combo.addItem(text, drawing_id)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(0, index))
        self._show_comparison()
        self._show_messages()

    def _show_comparison(self) -> None:
        d = self.dock
        chosen = d.compare.currentData()
        before = self._saved.get(chosen) if isinstance(chosen, str) else None
        shown = before if before is not None and self._on_main_view() else None
        if shown is not self._shown_earlier:
            self._shown_earlier = shown
            self.layer.set_earlier(shown)
        if before is None:
            d.comparison.clear()
            d.comparison.setVisible(False)
            return
        if not self._on_main_view():
            text = translate(
                "PainDock",
                "Saved drawings are on the posterior, superficial plate: switch to it "
                "(Ctrl+1) to compare.",
            )
        elif self._drawing.is_blank:
            text = translate(
                "PainDock", "Mark or paint where it hurts now to compare it with the saved drawing."
            )
        else:
            now = PainDrawing(
                self.clock().isoformat(timespec="seconds"),
                self._drawing.marks,
                self._drawing.dabs,
                self._drawing.label,
            )
            text = comparison_text(self.finder.compare(before, now), self.host.atlas.kb)
        if shown is not None:
            text += "\n" + translate(
                "PainDock",
                "On the plate: the saved drawing in blue ({when}), today's in red-orange, "
                "side by side.",
            ).format(when=when_text(before.created))
        d.comparison.setText(text)
        d.comparison.setVisible(True)


def install(host: PlateHost, clock: Callable[[], datetime] = _local_now) -> PainFinderMode:
    """Add the "Where does it hurt?" mode to the host's window: an entry in the "Referred pain"
    menu (``pain_mode``, Ctrl+H), the hidden dock ``painFinderDock`` and the actions ``pain_mark``,
    ``pain_brush``, ``pain_eraser``, ``pain_clear`` and ``pain_save``. ``clock`` dates saved
    drawings (default: now, in the computer's time zone)."""
    return PainFinderMode(host, clock)


__all__ = [
    "MODE_SHORTCUT",
    "PainDock",
    "PainFinderMode",
    "PainLayer",
    "PaintedArea",
    "comparison_text",
    "install",
    "lookalikes_html",
    "summary_text",
    "when_text",
]
