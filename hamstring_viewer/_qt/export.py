"""Client handouts (PDF, print preview, print) and exports of the plate view (PNG at a chosen
resolution, SVG) and of the self-care figures (PNG, SVG).

A handout is A4: the title across the top, then the client fields (name, date, therapist, a free
note; blank ones are lines to write on); on the left the plate, cropped to the limb, under a line
stating the laterality ("Right leg, seen from behind", from the view's title), with the structure
highlighted, its trigger points ringed and their referral zones drawn, and a small legend; on the
right the client text of :mod:`hamstring_viewer.handout`, then each chosen technique and stretch
with its start and end figures (``data/figures.toml``, drawn by QSvgRenderer at the device's
resolution) beside its steps, then the warning signs, framed. The therapist chooses the records
in :class:`HandoutDialog` (all ticked at first). One page when the roomiest of :data:`FITS` that
fits one page exists; else the self-care flows onto a second page (more for a long selection),
never dropping a chosen record; page 1 then says to read the warning signs, which stay on the
page of the last self-care record. The figure modules are imported when a handout or figure is
made, never at start-up.

The plate is the window's own scene, rendered as vectors: for the length of one render only the
art and the wanted zones are shown, plus two items of our own (highlight, rings); everything is
put back before control returns to the event loop. So a handout, like the PNG and SVG exports,
shows the plate now shown (the current view): switch to the posterior plate (Ctrl+1) for the
classic handout; a structure the current plate does not draw is then not highlighted.

Every export carries the plates' credit (:data:`hamstring_viewer.credits.PLATES_CREDIT`): a
PNG as a text chunk and a small line at the bottom, an SVG in its ``<desc>`` and as a small
visible text, a handout in its footer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDate,
    QIODevice,
    QLocale,
    QMarginsF,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QKeySequence,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtSvg import QSvgGenerator, QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsItem,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hamstring_viewer.credits import PLATES_CREDIT, PNG_CREDIT_KEY
from hamstring_viewer.handout import (
    PROFESSIONAL,
    SELF_MASSAGE,
    STRETCH,
    Budget,
    ClientFields,
    Handout,
    care_html,
    care_lines,
    choose,
    field_label,
    field_values,
    handout_for,
    header_html,
    intro_html,
    laterality_line,
    record_html,
    section_html,
    section_title,
    warnings_html,
)
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, language, translate
from hamstring_viewer.records import KnowledgeBase, Stretch, Technique

from .paths import painter_path
from .plate_view import (
    PAPER,
    SELECT_COLOUR,
    Z_SELECT,
    PlateView,
    RegionsItem,
    stipple_brush,
    zone_colour,
)

if TYPE_CHECKING:
    from .host import PlateHost

#: The plate's part shown on a handout: buttock to mid-calf (plate units); a structure outside
#: it widens the crop.
LIMB_CROP = QRectF(290.0, 60.0, 400.0, 1440.0)
PAGE_MARGIN_MM = 12.0
PDF_DPI = 300
#: The handout's footer (English; shown translated).
FOOTER = QT_TRANSLATE_NOOP(
    "Export",
    "General information for self-care, not a diagnosis. Prepared with Hamstring Viewer; "
    "the wording comes from its knowledge base, where the sources are listed.",
)
HEADER_CSS = (
    "h1 { font-size: 20pt; font-weight: bold; margin-bottom: 2px; }"
    "p { font-size: 11pt; color: #555555; margin-top: 0px; }"
)
ACCENT = "#8a3b12"

_UNSAFE = re.compile(r'[\\/:*?"<>|]+')  # not allowed in file names on some systems

_CREDIT_SOURCE = (
    "Plates adapted from BodyParts3D, © The Database Center for Life Science (DBCLS), "
    "licensed under CC BY-SA 2.1 Japan (https://creativecommons.org/licenses/by-sa/2.1/jp/)."
)


def plates_credit() -> str:
    """The plates' credit (:data:`PLATES_CREDIT`) in the language of the interface; the credit
    itself while no translation of it is installed."""
    shown = translate(
        "Export",
        "Plates adapted from BodyParts3D, © The Database Center for Life Science (DBCLS), "
        "licensed under CC BY-SA 2.1 Japan (https://creativecommons.org/licenses/by-sa/2.1/jp/).",
    )
    return PLATES_CREDIT if shown == _CREDIT_SOURCE else shown


def _menu_title_is(action: QAction, source: str) -> bool:
    """Whether a menu bar entry is the window's menu whose (English) title is ``source``: in
    English or in the language of the interface (the window marks its titles in its context,
    "Window")."""
    title = action.text().replace("&", "")
    return title in {source.replace("&", ""), translate("Window", source).replace("&", "")}


#: (parent, caption, directory, filter) -> (path, chosen filter); QFileDialog's signature.
SaveFileName = Callable[[QWidget | None, str, str, str], tuple[str, str]]
#: (printer, parent) -> True to print; the default shows QPrintDialog.
PrintDialog = Callable[[QPrinter, QWidget | None], bool]


def run_print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    """Show the platform's print dialog; True if the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Export", "Print handout"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def _mm(value: float, dpi: float) -> float:
    return value / 25.4 * dpi


def body_css(font_pt: float) -> str:
    """Fonts and spacing of the handout's text column (px are 1/96 inch; Qt scales them)."""
    return (
        f"h2 {{ font-size: {font_pt + 2.0:.1f}pt; font-weight: bold; color: {ACCENT};"
        " margin-top: 7px; margin-bottom: 2px; }"
        f"h3 {{ font-size: {font_pt + 0.5:.1f}pt; font-weight: bold;"
        " margin-top: 3px; margin-bottom: 1px; }"
        "p { margin-top: 0px; margin-bottom: 3px; }"
        "ol, ul { margin-top: 0px; margin-bottom: 3px; }"
        "li { margin-bottom: 1px; }"
    )


def _document(
    html: str, css: str, font_pt: float, device: QPaintDevice, width: float
) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont()
    font.setPointSizeF(font_pt)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(css)
    doc.setDocumentMargin(0.0)
    doc.setIndentWidth(18.0)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


# --------------------------------------------------------------------------------------------
# The plate


def plate_crop(view: PlateView, handout: Handout) -> QRectF:
    """The part of the plate now shown that a handout shows: the limb, widened to take in the
    structure."""
    plate = view.plate
    x, y, w, h = plate.view_box
    crop = QRectF(LIMB_CROP)
    for region_id in (*handout.highlight, *handout.marks):
        if plate.has(region_id):
            x0, y0, x1, y1 = plate.region(region_id).bbox
            crop = crop.united(QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-40, -40, 40, 40))
    return crop.intersected(QRectF(x, y, w, h))


@contextmanager
def _handout_scene(view: PlateView, handout: Handout) -> Iterator[None]:
    """Show only the plate's art, the handout's zones, its highlight and rings, while inside."""
    scene = view.scene()
    kb = view.atlas.kb
    plate = view.plate
    shown: list[tuple[QGraphicsItem, bool]] = []
    cached: list[tuple[QGraphicsItem, QGraphicsItem.CacheMode]] = []
    zone_items: dict[QGraphicsItem, bool] = {}
    for zone_id in handout.zones:  # (the view builds a zone's item when first shown)
        if zone_id in kb.zones and plate.has(kb.zones[zone_id].svg_id):
            zone_items[view.zone_item(zone_id)] = True
    for item in scene.items():
        if item.parentItem() is not None:
            continue
        shown.append((item, item.isVisible()))
        if isinstance(item, QGraphicsSvgItem):
            cached.append((item, item.cacheMode()))
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # vectors, not a pixmap
        elif item in zone_items:
            item.setVisible(zone_items[item])
        else:
            item.setVisible(False)
    pen = QPen(QColor(SELECT_COLOUR), 4.0)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    tint = QColor(SELECT_COLOUR)
    tint.setAlpha(60)
    highlight = RegionsItem(pen, tint)
    highlight.setZValue(Z_SELECT)
    highlight.set_paths([_region_path(view, r) for r in handout.highlight if plate.has(r)])
    rings = RegionsItem(QPen(QColor(SELECT_COLOUR), 5.0), Qt.BrushStyle.NoBrush)
    rings.setZValue(Z_SELECT + 1)
    ring_paths = []
    for region_id in handout.marks:
        if plate.has(region_id):
            x0, y0, x1, y1 = plate.region(region_id).bbox
            ring = QPainterPath()
            radius = max(x1 - x0, y1 - y0) * 0.8
            ring.addEllipse(QPointF((x0 + x1) / 2, (y0 + y1) / 2), radius, radius)
            ring_paths.append(ring)
    rings.set_paths(ring_paths)
    scene.addItem(highlight)
    scene.addItem(rings)
    try:
        yield
    finally:
        scene.removeItem(highlight)
        scene.removeItem(rings)
        for item, mode in cached:
            item.setCacheMode(mode)
        for item, visible in shown:
            item.setVisible(visible)


def _region_path(view: PlateView, region_id: str) -> QPainterPath:
    return painter_path(view.plate.region(region_id))


def paint_plate(painter: QPainter, target: QRectF, view: PlateView, handout: Handout) -> None:
    """Paint the handout's plate (crop, highlight, rings, zones) into ``target``."""
    source = plate_crop(view, handout)
    with _handout_scene(view, handout):
        view.scene().render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


def plate_target(view: PlateView, handout: Handout, box: QRectF) -> QRectF:
    """Where the cropped plate lands in ``box``: as large as fits, centred at the top."""
    crop = plate_crop(view, handout)
    scale = min(box.width() / crop.width(), box.height() / crop.height())
    w, h = crop.width() * scale, crop.height() * scale
    return QRectF(box.x() + (box.width() - w) / 2, box.y(), w, h)


# --------------------------------------------------------------------------------------------
# The legend


def _legend_rows(view: PlateView, handout: Handout) -> list[tuple[str, str]]:
    kb = view.atlas.kb
    rows = [
        (
            "highlight",
            translate("Export", "The muscle")
            if handout.zones
            else translate("Export", "This structure"),
        )
    ]
    if handout.marks:
        rows.append(("mark", translate("Export", "Trigger point (ringed)")))
    kinds = {kb.zones[z].kind for z in handout.zones}
    if "essential" in kinds:
        rows.append(("essential", translate("Export", "Main pain area")))
    if "spillover" in kinds:
        rows.append(("spillover", translate("Export", "Pain can spread here")))
    if not handout.highlight:
        rows = rows[1:]
    return rows


def legend_height(view: PlateView, handout: Handout, dpi: float) -> float:
    rows = _legend_rows(view, handout)
    return _mm(5.0, dpi) * len(rows) + (_mm(6.0, dpi) if rows else 0.0)


def paint_legend(
    painter: QPainter, top_left: QPointF, view: PlateView, handout: Handout, dpi: float
) -> None:
    """Swatches drawn as the plate draws them, each with a word of explanation."""
    kb = view.atlas.kb
    rows = _legend_rows(view, handout)
    if not rows:
        return
    colours: list[QColor] = []
    for zone_id in handout.zones:
        colour = zone_colour(kb.zones[zone_id])
        if colour.name() not in [c.name() for c in colours]:
            colours.append(colour)
    row_h = _mm(5.0, dpi)
    swatch = _mm(3.6, dpi)
    font = QFont()
    font.setPointSizeF(8.5)
    bold = QFont(font)
    bold.setBold(True)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(bold)
    painter.setPen(QColor("#333333"))
    x, y = top_left.x(), top_left.y()
    painter.drawText(
        QRectF(x, y, _mm(60, dpi), _mm(5.0, dpi)), translate("Export", "On the picture")
    )
    y += _mm(6.0, dpi)
    painter.setFont(font)
    # the stipple brush is in plate units; scale it to about its size on the printed plate
    texture = stipple_brush(QColor("#000000")).textureImage().width()
    for key, text in rows:
        box = QRectF(x, y + (row_h - swatch) / 2, swatch, swatch)
        painter.save()
        if key == "highlight":
            tint = QColor(SELECT_COLOUR)
            tint.setAlpha(60)
            painter.setPen(QPen(QColor(SELECT_COLOUR), _mm(0.5, dpi)))
            painter.setBrush(tint)
            painter.drawRect(box)
        elif key == "mark":
            pen = QPen(QColor("#3b1d14"), _mm(0.6, dpi))
            painter.setPen(pen)
            inset = swatch * 0.25
            inner = box.adjusted(inset, inset, -inset, -inset)
            painter.drawLine(inner.topLeft(), inner.bottomRight())
            painter.drawLine(inner.topRight(), inner.bottomLeft())
            painter.setPen(QPen(QColor(SELECT_COLOUR), _mm(0.4, dpi)))
            painter.drawEllipse(box)
        else:
            part = swatch / max(1, len(colours))
            for i, colour in enumerate(colours or [QColor("#c62828")]):
                cell = QRectF(box.x() + i * part, box.y(), part, swatch)
                if key == "essential":
                    fill = QColor(colour)
                    fill.setAlpha(120)
                    painter.fillRect(cell, fill)
                else:
                    brush = stipple_brush(colour)
                    scale = _mm(1.4, dpi) / max(1, texture)
                    transform = brush.transform()
                    transform.scale(scale, scale)
                    brush.setTransform(transform)
                    painter.fillRect(cell, QColor("#fbf8f2"))
                    painter.fillRect(cell, brush)
            style = Qt.PenStyle.SolidLine if key == "essential" else Qt.PenStyle.DashLine
            painter.setPen(
                QPen(colours[0] if colours else QColor("#c62828"), _mm(0.25, dpi), style)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
        painter.restore()
        painter.drawText(
            QRectF(x + swatch + _mm(2.0, dpi), y, _mm(60, dpi), row_h),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        y += row_h
    painter.restore()


# --------------------------------------------------------------------------------------------
# The figures of the self-care steps


@lru_cache(maxsize=4)
def _figure_book(path: str) -> object:
    """The figures file, read once (the figure modules are imported here, not at start-up)."""
    from hamstring_viewer.figure import load_figures

    book, _problems = load_figures(path)
    return book


def _pose_distance(a: object, b: object) -> float:
    from hamstring_viewer.figure import Pose

    assert isinstance(a, Pose) and isinstance(b, Pose)
    total = abs(a.trunk - b.trunk) + abs(a.neck - b.neck)
    for la, lb in ((a.left_leg, b.left_leg), (a.right_leg, b.right_leg)):
        total += abs(la.hip - lb.hip) + abs(la.knee - lb.knee) + abs(la.ankle - lb.ankle)
    for aa, ab in ((a.left_arm, b.left_arm), (a.right_arm, b.right_arm)):
        total += abs(aa.shoulder - ab.shoulder) + abs(aa.elbow - ab.elbow)
    return total


@dataclass(frozen=True, slots=True)
class StepPicture:
    """One position of a self-care record, drawn: its label and standalone SVG text."""

    label: str
    svg: str
    aspect: float  # width / height


@lru_cache(maxsize=256)
def step_pictures(record_id: str, figures: Path | None = None) -> tuple[StepPicture, ...]:
    """The start and end positions of a record's figure (its first variant; the end is the
    step farthest from the start, so "start, curl, return" shows the curl), drawn in one frame
    so the figure keeps its size. Empty when the record has no figure."""
    from hamstring_viewer import resources
    from hamstring_viewer.figure import FigureBook, render_step, variant_box

    book = _figure_book(str(figures or resources.figures_path()))
    assert isinstance(book, FigureBook)
    figure = book.figures.get(record_id)
    if figure is None or not figure.variants or not figure.variants[0].steps:
        return ()
    variant = figure.variants[0]
    steps = variant.steps
    first = steps[0]
    chosen = [first]
    if len(steps) > 1:
        far = max(steps[1:], key=lambda s: _pose_distance(first.pose, s.pose))
        moved = _pose_distance(first.pose, far.pose) > 1.0
        if not moved:  # the same pose: the step that moves the equipment or the hands
            far = next((s for s in steps[1:] if s.equipment != first.equipment), steps[-1])
        if moved or far.equipment != first.equipment or far.arrows != first.arrows:
            chosen.append(far)
    box = variant_box(variant)
    aspect = (box[2] - box[0]) / max(1e-6, box[3] - box[1])
    return tuple(
        StepPicture(s.caption()[:1].upper() + s.caption()[1:], render_step(s, box=box), aspect)
        for s in chosen
    )


def svg_image(svg: str, size: QSize) -> QImage:
    """An SVG drawn by QSvgRenderer onto a white image of ``size`` pixels (print resolution
    when ``size`` is the size on paper in device pixels)."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image


def paint_pictures(
    painter: QPainter,
    box: QRectF,
    pictures: Sequence[StepPicture],
    dpi: float,
    as_images: bool = True,
) -> float:
    """The pictures side by side in ``box`` (height = the figures' height), each labelled
    below, an arrow between them; returns the width used. ``as_images``: rasterised at the
    device's resolution (for print); else drawn as vectors (for an SVG export)."""
    if not pictures:
        return 0.0
    gap = _mm(6.0, dpi)
    label_h = LABEL_MM / 25.4 * dpi
    fig_h = box.height() - label_h
    widths = [fig_h * p.aspect for p in pictures]
    total = sum(widths) + gap * (len(pictures) - 1)
    if total > box.width():  # narrower column: scale the figures down to fit across
        scale = box.width() / total
        widths = [w * scale for w in widths]
        fig_h *= scale
        gap *= scale
    font = QFont()
    font.setPointSizeF(7.0)
    x = box.left()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, (picture, width) in enumerate(zip(pictures, widths, strict=True)):
        target = QRectF(x, box.top(), width, fig_h)
        if as_images:  # at the device's resolution, at most 300 dpi (a printer may have 1200)
            cap = min(1.0, PDF_DPI / dpi)
            size = QSize(max(1, round(width * cap)), max(1, round(fig_h * cap)))
            painter.drawImage(target, svg_image(picture.svg, size))
        else:
            QSvgRenderer(QByteArray(picture.svg.encode("utf-8"))).render(painter, target)
        painter.setPen(QPen(QColor("#d8cfc6"), _mm(0.2, dpi)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
        painter.setFont(font)
        painter.setPen(QColor("#555555"))
        number = f"{i + 1}. " if len(pictures) > 1 else ""
        painter.drawText(
            QRectF(x - gap * 0.4, box.top() + fig_h, width + gap * 0.8, label_h),
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            f"{number}{picture.label}",
        )
        x += width
        if i + 1 < len(pictures):
            mid = box.top() + fig_h / 2
            painter.setPen(QPen(QColor(ACCENT), _mm(0.5, dpi)))
            a, b = QPointF(x + gap * 0.2, mid), QPointF(x + gap * 0.8, mid)
            painter.drawLine(a, b)
            head = _mm(1.2, dpi)
            painter.drawLine(b, QPointF(b.x() - head, mid - head))
            painter.drawLine(b, QPointF(b.x() - head, mid + head))
            x += gap
    painter.restore()
    return x - box.left()


# --------------------------------------------------------------------------------------------
# The page


#: The roomiest layout first; the page takes the first in which the chosen self-care fits
#: one page, else the first that fits two. No layout drops a technique or stretch the
#: therapist chose: a long selection flows onto a second page instead.
@dataclass(frozen=True, slots=True)
class Fit:
    budget: Budget
    figure_mm: float


_ALL = Budget(techniques=99, stretches=99)
FITS: tuple[Fit, ...] = (
    Fit(replace(_ALL, care=3, warnings=5, provoked=4), 30.0),
    Fit(replace(_ALL, care=3, warnings=5, provoked=3, font_pt=9.0), 26.0),
    Fit(replace(_ALL, care=2, warnings=4, provoked=3, zone_text=1, font_pt=9.0), 24.0),
    Fit(replace(_ALL, care=2, warnings=4, provoked=2, zone_text=1, font_pt=8.5), 22.0),
    Fit(
        replace(_ALL, care=2, warnings=4, provoked=2, zone_text=1, summary=False, font_pt=8.5),
        20.0,
    ),
)
#: The height of a figure's label (two short lines).
LABEL_MM = 6.5
#: A column at least this wide puts a record's figures beside its steps, else above them.
BESIDE_MM = 120.0


class _Block:
    """Something in the text flow: measured for a column width, then painted there."""

    keep_with_next = False

    def height(self, width: float) -> float:
        raise NotImplementedError

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        raise NotImplementedError


class _TextBlock(_Block):
    def __init__(
        self, html: str, css: str, font_pt: float, device: QPaintDevice, frame: str = ""
    ) -> None:
        self.html, self.css, self.font_pt, self.device = html, css, font_pt, device
        self.frame = frame  # a tint to set the text on (the warning signs)
        self.pad = _mm(2.0, float(device.logicalDpiX())) if frame else 0.0
        self._docs: dict[float, QTextDocument] = {}

    def doc(self, width: float) -> QTextDocument:
        if width not in self._docs:
            inner = width - 2 * self.pad
            self._docs[width] = _document(self.html, self.css, self.font_pt, self.device, inner)
        return self._docs[width]

    def height(self, width: float) -> float:
        return float(self.doc(width).size().height()) + 2 * self.pad

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        doc = self.doc(width)
        painter.save()
        if self.frame:
            dpi = float(self.device.logicalDpiX())
            tint = QColor(self.frame)
            tint.setAlpha(28)
            painter.setBrush(tint)
            painter.setPen(QPen(QColor(self.frame), _mm(0.4, dpi)))
            painter.drawRoundedRect(
                QRectF(x, y, width, self.height(width)), _mm(1.5, dpi), _mm(1.5, dpi)
            )
        painter.translate(QPointF(x + self.pad, y + self.pad))
        doc.drawContents(painter)
        painter.restore()


class _RecordBlock(_Block):
    """A technique or stretch: (its section's heading,) its name, its figures and its steps,
    (and the section's "Take care" lines, on the section's last record)."""

    def __init__(
        self,
        heading: str,
        record: Technique | Stretch,
        care: str,
        budget: Budget,
        figure_mm: float,
        device: QPaintDevice,
        pictures: Sequence[StepPicture],
    ) -> None:
        self.device = device
        self.dpi = float(device.logicalDpiX())
        css = body_css(budget.font_pt)
        name, steps = record_html(record, budget).split("</h3>", 1)
        self.heading = heading
        self.name = name + "</h3>"
        self.css, self.font_pt = css, budget.font_pt
        self.title = _TextBlock(heading + self.name, css, budget.font_pt, device)
        self.steps = _TextBlock(steps + care, css, budget.font_pt, device)
        self.pictures = tuple(pictures)
        self.figure_h = _mm(figure_mm + LABEL_MM, self.dpi)  # with the labels
        self.record_id = record.id
        self.section = ""

    def continued(self, section: str) -> None:
        """Start a following page: say which section the record is in."""
        if not self.heading and section:
            heading = section_html(section, continued=True)
            self.title = _TextBlock(heading + self.name, self.css, self.font_pt, self.device)

    def _beside(self, width: float) -> bool:
        return bool(self.pictures) and width >= _mm(BESIDE_MM, self.dpi)

    def _figure_w(self, width: float) -> float:
        fig_h = self.figure_h - _mm(LABEL_MM, self.dpi)
        natural = sum(fig_h * p.aspect for p in self.pictures) + _mm(6.0, self.dpi) * (
            len(self.pictures) - 1
        )
        return min(natural, width * 0.5)

    def height(self, width: float) -> float:
        gap = _mm(1.5, self.dpi)
        top = self.title.height(width)
        if not self.pictures:
            return top + self.steps.height(width)
        if self._beside(width):
            text_w = width - self._figure_w(width) - _mm(4.0, self.dpi)
            return top + max(self.figure_h, self.steps.height(text_w)) + gap
        return top + self.figure_h + gap + self.steps.height(width)

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        gap = _mm(1.5, self.dpi)
        self.title.paint(painter, x, y, width)
        y += self.title.height(width)
        if not self.pictures:
            self.steps.paint(painter, x, y, width)
            return
        if self._beside(width):
            fig_w = self._figure_w(width)
            paint_pictures(painter, QRectF(x, y, fig_w, self.figure_h), self.pictures, self.dpi)
            text_x = x + fig_w + _mm(4.0, self.dpi)
            self.steps.paint(painter, text_x, y, x + width - text_x)
            return
        paint_pictures(painter, QRectF(x, y, width, self.figure_h), self.pictures, self.dpi)
        self.steps.paint(painter, x, y + self.figure_h + gap, width)


@dataclass(frozen=True, slots=True)
class _Column:
    x: float
    top: float
    bottom: float
    width: float


@dataclass(frozen=True, slots=True)
class PageResult:
    """What :func:`paint_handout` did: the layout whose text fitted, whether everything
    fitted, and on how many pages."""

    budget: Budget
    fits: bool
    pages: int = 1
    figure_mm: float = 0.0


def _flow(
    blocks: Sequence[_Block], columns: Callable[[int], _Column], gap: float
) -> tuple[list[list[tuple[_Block, float, float, float]]], bool]:
    """Blocks placed down the columns, a new page when the next block (with the one it keeps
    with) does not fit; and whether everything fitted inside its column."""
    pages: list[list[tuple[_Block, float, float, float]]] = [[]]
    column = columns(0)
    y = column.top
    fits = True
    for i, block in enumerate(blocks):
        need = block.height(column.width)
        if block.keep_with_next and i + 1 < len(blocks):
            need += gap + blocks[i + 1].height(column.width)
        if y + need > column.bottom and pages[-1]:
            pages.append([])
            column = columns(len(pages) - 1)
            y = column.top
            if isinstance(block, _RecordBlock):
                block.continued(block.section)
        height = block.height(column.width)
        pages[-1].append((block, column.x, y, column.width))
        y += height + gap
        fits = fits and y - gap <= column.bottom + 0.5
    return pages, fits


def _fields_height(handout: Handout, dpi: float, width: float, device: QPaintDevice) -> float:
    note = handout.fields.note.strip()
    row = _mm(7.5, dpi)
    if not note:
        return row * 2
    doc = _document(f"<p>{_html_text(note)}</p>", "", 9.0, device, width - _mm(16.0, dpi))
    return row + max(row, float(doc.size().height()) + _mm(2.0, dpi))


def paint_fields(
    painter: QPainter, box: QRectF, handout: Handout, dpi: float, device: QPaintDevice
) -> None:
    """The client's name, the date, the therapist (one row) and a free note: filled in, or
    lines to write on."""
    values = dict(field_values(handout.fields))
    row = _mm(7.5, dpi)
    label_font = QFont()
    label_font.setPointSizeF(8.0)
    label_font.setBold(True)
    value_font = QFont()
    value_font.setPointSizeF(10.0)
    line_pen = QPen(QColor("#9d9188"), _mm(0.25, dpi))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    cells = [("Client", 0.0, 0.36), ("Date", 0.39, 0.64), ("Therapist", 0.67, 1.0)]
    for label, start, end in cells:
        x0 = box.left() + box.width() * start
        x1 = box.left() + box.width() * end
        painter.setFont(label_font)
        painter.setPen(QColor(ACCENT))
        text = f"{field_label(label)}:"
        # (at least as wide as its label, which is longer in some languages)
        label_w = max(
            _mm(16.0 if label == "Therapist" else 11.0, dpi),
            painter.fontMetrics().horizontalAdvance(text) + _mm(0.5, dpi),
        )
        painter.drawText(
            QRectF(x0, box.top(), label_w, row - _mm(1.0, dpi)),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            text,
        )
        painter.setPen(line_pen)
        base = box.top() + row - _mm(1.0, dpi)
        painter.drawLine(QPointF(x0 + label_w, base), QPointF(x1, base))
        if values[label].strip():
            painter.setFont(value_font)
            painter.setPen(QColor("#222222"))
            cell = QRectF(
                x0 + label_w + _mm(1.0, dpi),
                box.top(),
                x1 - x0 - label_w - _mm(1.0, dpi),
                row - _mm(1.4, dpi),
            )
            text = painter.fontMetrics().elidedText(
                values[label].strip(), Qt.TextElideMode.ElideRight, int(cell.width())
            )
            painter.drawText(
                cell, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), text
            )
    note = values["Note"].strip()
    top = box.top() + row
    painter.setFont(label_font)
    painter.setPen(QColor(ACCENT))
    note_label = f"{field_label('Note')}:"
    label_w = max(
        _mm(11.0, dpi), painter.fontMetrics().horizontalAdvance(note_label) + _mm(0.5, dpi)
    )
    painter.drawText(
        QRectF(box.left(), top, label_w, row - _mm(1.0, dpi)),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
        note_label,
    )
    if note:
        doc = _document(
            f"<p>{_html_text(note).replace(chr(10), '<br/>')}</p>",
            "p { margin: 0px; }",
            9.5,
            device,
            box.width() - _mm(16.0, dpi),
        )
        painter.save()
        painter.translate(QPointF(box.left() + label_w + _mm(1.0, dpi), top + _mm(2.2, dpi)))
        doc.drawContents(painter)
        painter.restore()
    else:
        painter.setPen(line_pen)
        base = top + row - _mm(1.0, dpi)
        painter.drawLine(QPointF(box.left() + label_w, base), QPointF(box.right(), base))
    painter.restore()


def _view_title(view: PlateView) -> str:
    from hamstring_viewer.resources import VIEWS

    return {v.key: v.title for v in VIEWS}.get(view.view_key, view.view_key)


def paint_handout(
    painter: QPainter | None,
    page: QRectF,
    device: QPaintDevice,
    view: PlateView,
    handout: Handout,
    new_page: Callable[[], bool] | None = None,
    fits: Sequence[Fit] = FITS,
    max_pages: int | None = None,
) -> PageResult:
    """Paint the handout into ``page`` (device pixels, margins already taken off): page 1
    has the header, the client fields, the plate (its laterality stated) with its legend and,
    beside it, where it hurts and the chosen self-care, each record with its figures, then the
    warning signs; what does not fit flows onto the next page (``new_page`` starts it; None:
    only the first page is painted, as for a preview image). ``painter`` None: lay the pages
    out and say how many, painting nothing."""
    dpi = float(device.logicalDpiX())
    kb = view.atlas.kb
    gap = _mm(5.0, dpi)
    block_gap = _mm(2.5, dpi)
    header = _document(header_html(handout), HEADER_CSS, 11.0, device, page.width())
    footer_html = f"<p>{translate('Export', FOOTER)}</p><p>{_html_text(plates_credit())}</p>"
    footer_css = "p { color: #777777; margin-top: 0px; margin-bottom: 1px; }"
    footer = _document(footer_html, footer_css, 7.5, device, page.width() - _mm(22.0, dpi))
    header_h = header.size().height()
    footer_h = footer.size().height()
    fields_top = page.top() + header_h + _mm(2.0, dpi)
    fields_h = _fields_height(handout, dpi, page.width(), device)
    body_top = fields_top + fields_h + _mm(4.0, dpi)
    body_bottom = page.bottom() - footer_h - _mm(3.0, dpi)
    avail = body_bottom - body_top
    laterality = laterality_line(_view_title(view))
    caption = _document(
        f"<p><b>{_html_text(laterality)}</b></p>",
        f"p {{ color: {ACCENT}; margin: 0px; }}",
        8.5,
        device,
        page.width() * 0.4,
    )
    legend_h = legend_height(view, handout, dpi)
    plate_h = avail - legend_h - caption.size().height() - _mm(5.0, dpi)
    crop = plate_crop(view, handout)
    natural = plate_h * crop.width() / crop.height()
    left_w = min(max(natural, page.width() * 0.25, _mm(45.0, dpi)), page.width() * 0.36)
    right_x = page.left() + left_w + gap
    right_w = page.right() - right_x
    cont_top = page.top() + _mm(14.0, dpi)

    def columns(index: int) -> _Column:
        if index == 0:
            return _Column(right_x, body_top, body_bottom, right_w)
        return _Column(page.left(), cont_top, body_bottom, page.width())

    def blocks_for(fit: Fit) -> list[_Block]:
        budget = fit.budget
        css = body_css(budget.font_pt)
        out: list[_Block] = []
        intro = intro_html(kb, handout, budget)
        if intro:
            out.append(_TextBlock(intro, css, budget.font_pt, device))
        sections: tuple[tuple[str, Sequence[Technique | Stretch], int], ...] = (
            (SELF_MASSAGE, handout.techniques, budget.care),
            (STRETCH, handout.stretches, min(2, budget.care)),
        )
        for title, records, care in sections:
            shown: list[str] = []  # each record's own "Take care", not what is said above it
            for i, record in enumerate(records):
                lines = care_lines([record], care, shown, handout.advice_kinds)
                shown += lines
                block = _RecordBlock(
                    section_html(title) if i == 0 else "",
                    record,
                    care_html(
                        [record],
                        care,
                        [a for a in shown if a not in lines],
                        handout.advice_kinds,
                    ),
                    budget,
                    fit.figure_mm,
                    device,
                    step_pictures(record.id),
                )
                block.section = title
                out.append(block)
        if len(out) > (1 if intro else 0):
            out[-1].keep_with_next = True  # the warning signs stay beside the self-care
        out.append(
            _TextBlock(warnings_html(handout, budget), css, budget.font_pt, device, frame="#c62828")
        )
        return out

    pointer = _TextBlock(
        "<p><b>"
        + _html_text(
            translate("Export", "Before you start, read “{section}” on the next page.").format(
                section=section_title(PROFESSIONAL)
            )
        )
        + "</b></p>",
        "p { color: #c62828; margin: 0px; }",
        8.5,
        device,
    )
    Placed = list[list[tuple[_Block, float, float, float]]]
    plans: dict[int, tuple[Placed, bool]] = {}

    def plan(index: int) -> tuple[Placed, bool]:
        """The pages of a layout (each laid out once, however often it is asked for)."""
        if index not in plans:
            fit = fits[index]
            placed, ok = _flow(blocks_for(fit), columns, block_gap)
            if len(placed) > 1:  # room for the pointer to the warning signs on page 1
                reserve = pointer.height(right_w) + block_gap

                def shorter(i: int, reserve: float = reserve) -> _Column:
                    c = columns(i)
                    return replace(c, bottom=c.bottom - reserve) if i == 0 else c

                placed, ok = _flow(blocks_for(fit), shorter, block_gap)
            plans[index] = (placed, ok)
        return plans[index]

    chosen: tuple[Fit, Placed, bool] | None = None
    for limit in (1, 2, max_pages or 99):
        for index, fit in enumerate(fits):
            placed, ok = plan(index)
            if len(placed) <= limit and ok:
                chosen = (fit, placed, ok)
                break
        if chosen is not None:
            break
    if chosen is None:
        chosen = (fits[-1], *plan(len(fits) - 1))
    fit, placed, ok = chosen
    if max_pages is not None:
        placed = placed[:max_pages]
    if len(placed) > 1 and any(isinstance(b, _RecordBlock) for b, *_ in placed[0]):
        block, x, y, w = placed[0][-1]
        placed[0].append((pointer, right_x, y + block.height(w) + block_gap, right_w))
    total = len(placed)
    if painter is None:
        return PageResult(fit.budget, ok, total, fit.figure_mm)

    for number, blocks in enumerate(placed, 1):
        if number > 1:
            if new_page is None or not new_page():
                break
            _paint_continuation(painter, page, device, handout, number, total)
        else:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(page.topLeft())
            header.drawContents(painter)
            painter.restore()
            painter.save()
            painter.setPen(QPen(QColor(ACCENT), _mm(0.4, dpi)))
            rule_y = fields_top - _mm(0.5, dpi)
            painter.drawLine(QPointF(page.left(), rule_y), QPointF(page.right(), rule_y))
            painter.restore()
            paint_fields(
                painter,
                QRectF(page.left(), fields_top, page.width(), fields_h),
                handout,
                dpi,
                device,
            )
            # left: which leg and from where, the plate, the legend
            painter.save()
            painter.translate(QPointF(page.left(), body_top))
            caption.setTextWidth(left_w)
            caption.drawContents(painter)
            painter.restore()
            plate_top = body_top + caption.size().height() + _mm(1.5, dpi)
            box = QRectF(page.left(), plate_top, left_w, plate_h)
            target = plate_target(view, handout, box)
            painter.save()
            painter.setClipRect(target)
            paint_plate(painter, target, view, handout)
            painter.restore()
            painter.save()
            painter.setPen(QPen(QColor("#b9ada1"), _mm(0.2, dpi)))
            painter.drawRect(target)
            painter.restore()
            paint_legend(
                painter, QPointF(target.left(), target.bottom() + _mm(3.0, dpi)), view, handout, dpi
            )
        for block, x, y, w in blocks:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            block.paint(painter, x, y, w)
            painter.restore()
        painter.save()
        painter.translate(QPointF(page.left(), page.bottom() - footer_h))
        footer.drawContents(painter)
        painter.restore()
        if total > 1:
            _paint_page_number(painter, page, number, total, footer_h)
    return PageResult(fit.budget, ok, total, fit.figure_mm)


def _paint_page_number(
    painter: QPainter, page: QRectF, number: int, total: int, footer_h: float
) -> None:
    font = QFont()
    font.setPointSizeF(8.0)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    painter.drawText(
        QRectF(page.left(), page.bottom() - footer_h, page.width(), footer_h),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
        translate("Export", "Page {number} of {total}").format(number=number, total=total),
    )
    painter.restore()


def _paint_continuation(
    painter: QPainter, page: QRectF, device: QPaintDevice, handout: Handout, number: int, total: int
) -> None:
    """The top of a following page: whose handout it is and for whom."""
    dpi = float(device.logicalDpiX())
    client = handout.fields.client.strip()
    line = translate("Export", "{title} – your self-care, continued").format(title=handout.title)
    if client:
        line += " · " + translate("Export", "for {client}").format(client=client)
    doc = _document(
        f"<p><b>{_html_text(line)}</b></p>",
        f"p {{ color: {ACCENT}; margin: 0px; }}",
        12.0,
        device,
        page.width(),
    )
    painter.save()
    painter.translate(page.topLeft())
    doc.drawContents(painter)
    painter.restore()
    painter.save()
    painter.setPen(QPen(QColor(ACCENT), _mm(0.4, dpi)))
    y = page.top() + doc.size().height() + _mm(1.5, dpi)
    painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y))
    painter.restore()


def _a4_layout() -> QPageLayout:
    margins = QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM)
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )


def paint_on(
    device: QPagedPaintDevice, view: PlateView, handout: Handout, painter: QPainter | None = None
) -> PageResult | None:
    """Paint the handout on a paged device (PDF writer, printer, print preview), a page
    after another."""
    own = painter is None
    painter = painter or QPainter()
    if own and not painter.begin(device):
        return None
    try:
        rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
        page = QRectF(0, 0, rect.width(), rect.height())
        return paint_handout(painter, page, device, view, handout, new_page=device.newPage)
    finally:
        if own:
            painter.end()


def handout_pages(view: PlateView, handout: Handout) -> PageResult:
    """How the handout lays out on A4 (how many pages, in which layout), painting nothing."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_a4_layout())
    rect = writer.pageLayout().paintRectPixels(PDF_DPI)
    page = QRectF(0, 0, rect.width(), rect.height())
    return paint_handout(None, page, writer, view, handout)


def write_handout_pdf(view: PlateView, handout: Handout, path: Path) -> PageResult | None:
    """Write the handout as an A4 PDF (one page when it fits, else two); None if the file
    cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_a4_layout())
    writer.setTitle(translate("Export", "{title} – client handout").format(title=handout.title))
    writer.setCreator("Hamstring Viewer")
    return paint_on(writer, view, handout)


def handout_image(view: PlateView, handout: Handout, dpi: int = 150, page: int = 1) -> QImage:
    """A page of the handout as an image (white A4 at ``dpi``), for a preview."""
    layout = _a4_layout()
    size = layout.fullRectPixels(dpi).size()
    paint_rect = QRectF(layout.paintRectPixels(dpi))
    images: list[QImage] = []

    def blank() -> QImage:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        dots_per_metre = round(dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor("white"))
        return image

    first = blank()
    painter = QPainter(first)
    images.append(first)

    def next_page() -> bool:
        if len(images) >= page:
            return False
        painter.end()
        images.append(blank())
        painter.begin(images[-1])
        return True

    try:
        paint_handout(painter, paint_rect, first, view, handout, new_page=next_page)
    finally:
        if painter.isActive():
            painter.end()
    return images[min(page, len(images)) - 1]


# --------------------------------------------------------------------------------------------
# The plate view as it is on screen


def visible_scene_rect(view: PlateView) -> QRectF:
    """The part of the plate the view shows now (scene units)."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _credit_font(pixel_height: float) -> QFont:
    font = QFont()
    font.setPixelSize(max(6, round(pixel_height)))
    return font


def _paint_credit_line(painter: QPainter, rect: QRectF, pixel_height: float) -> None:
    """A small line with the plates' credit at the bottom of ``rect``, on a pale band (a
    smaller font when the line would not fit across)."""
    credit = plates_credit()
    natural = QFontMetricsF(_credit_font(pixel_height)).horizontalAdvance(credit)
    if natural > rect.width() - 8:
        pixel_height = max(6.0, pixel_height * (rect.width() - 8) / natural)
    band = QRectF(rect.left(), rect.bottom() - pixel_height * 1.6, rect.width(), pixel_height * 1.6)
    painter.save()
    shade = QColor("white")
    shade.setAlpha(200)
    painter.fillRect(band, shade)
    painter.setFont(_credit_font(pixel_height))
    painter.setPen(QColor("#444444"))
    painter.drawText(
        band.adjusted(4, 0, -4, 0),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        credit,
    )
    painter.restore()


#: The printable part of an A4 page (mm): a PNG "at N dpi" is the view fitted into it.
A4_PRINTABLE_MM = (210.0 - 2 * PAGE_MARGIN_MM, 297.0 - 2 * PAGE_MARGIN_MM)
#: The resolutions offered for a PNG (0 = as on screen).
PNG_RESOLUTIONS: tuple[tuple[str, int], ...] = (
    (QT_TRANSLATE_NOOP("Export", "As shown on screen"), 0),
    (QT_TRANSLATE_NOOP("Export", "150 dpi, fitted to A4"), 150),
    (QT_TRANSLATE_NOOP("Export", "300 dpi, fitted to A4 (for print)"), 300),
)
MAX_PNG_DPI = 300
#: the resolution of a figure exported "as on screen"
SCREEN_DPI = 96


def png_size(source: QSizeF, dpi: int) -> QSize:
    """The pixel size of a picture of ``source``'s proportions fitted into A4's printable
    area at ``dpi`` (capped at :data:`MAX_PNG_DPI`)."""
    dpi = max(1, min(dpi, MAX_PNG_DPI))
    width_px = A4_PRINTABLE_MM[0] / 25.4 * dpi
    height_px = A4_PRINTABLE_MM[1] / 25.4 * dpi
    scale = min(width_px / source.width(), height_px / source.height())
    return QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))


def _write_png(image: QImage, path: Path, credit: bool = True) -> bool:
    writer = QImageWriter(str(path))
    writer.setFormat(QByteArray(b"png"))
    if credit:
        image.setText(PNG_CREDIT_KEY, PLATES_CREDIT)
        writer.setText(PNG_CREDIT_KEY, PLATES_CREDIT)
    return writer.write(image)


def _set_dpi(image: QImage, dpi: float) -> None:
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)


def write_view_png(view: PlateView, path: Path, dpi: int = 0) -> bool:
    """Save what the plate view shows, with the plates' credit in a text chunk
    (``Copyright``) and in a small line at the bottom. ``dpi`` 0: at its zoom and the
    screen's pixel ratio; else the view (labels, outlines and all, as on screen) fitted into
    an A4 page at ``dpi`` (at most 300)."""
    if dpi <= 0:
        image = view.viewport().grab().toImage()
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        logical = QRectF(
            0,
            0,
            image.width() / image.devicePixelRatio(),
            image.height() / image.devicePixelRatio(),
        )
        _paint_credit_line(painter, logical, 10.0)
        painter.end()
        return _write_png(image, path)
    viewport = view.viewport().rect()
    size = png_size(QSizeF(viewport.size()), dpi)
    # painted as on a screen with that many pixels per point: the plate, its outlines and its
    # labels (drawn at a fixed on-screen size) keep the layout they have on screen
    ratio = size.width() / max(1, viewport.width())
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(PAPER))
    scene = view.scene()
    cached = [
        (item, item.cacheMode()) for item in scene.items() if isinstance(item, QGraphicsSvgItem)
    ]
    painter = QPainter(image)
    try:
        for item, _mode in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # vectors at the print size
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = QRectF(0, 0, viewport.width(), viewport.height())
        view.render(painter, target, viewport)
        _paint_credit_line(painter, target, max(10.0, _mm(2.2, min(dpi, MAX_PNG_DPI)) / ratio))
    finally:
        painter.end()
        for item, mode in cached:
            item.setCacheMode(mode)
    image.setDevicePixelRatio(1.0)
    _set_dpi(image, min(dpi, MAX_PNG_DPI))
    return _write_png(image, path)


def write_view_svg(view: PlateView, path: Path, title: str | None = None) -> bool:
    """Save what the plate view shows as SVG (vector art and the labels as text, as on
    screen; the zones' dots are a pattern). ``title`` None: "Hamstring Viewer plate"."""
    if title is None:
        title = translate("Export", "Hamstring Viewer plate")
    size = view.viewport().size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setResolution(96)  # CSS pixels: browsers show it at the size it had on screen
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(
        translate(
            "Export", "{view} view of the right thigh, exported from Hamstring Viewer. {credit}"
        ).format(view=_view_title(view), credit=plates_credit())
    )
    painter = QPainter()
    if not painter.begin(generator):
        return False
    scene = view.scene()
    cached = [
        (item, item.cacheMode()) for item in scene.items() if isinstance(item, QGraphicsSvgItem)
    ]
    try:
        for item, _mode in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF(0, 0, size.width(), size.height())
        view.render(painter, target, view.viewport().rect())
        _paint_credit_line(painter, target, 10.0)
    finally:
        painter.end()
        for item, mode in cached:
            item.setCacheMode(mode)
    return path.is_file() and path.stat().st_size > 0


# --------------------------------------------------------------------------------------------
# A self-care figure on its own


def figure_records(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(record id, name) of the exercises, stretches and techniques, by kind then name."""
    out: list[tuple[str, str]] = []
    for table in (kb.techniques, kb.stretches, kb.exercises):
        out += sorted(((r.id, r.name or r.id) for r in table.values()), key=lambda p: p[1])
    return out


def _figure_layout(title: str, pictures: Sequence[StepPicture], dpi: float) -> tuple[QSizeF, float]:
    """The page size (device pixels at ``dpi``) of a figure export and its figures' height."""
    fig_h = _mm(60.0, dpi)
    gap = _mm(6.0, dpi)
    width = sum(fig_h * p.aspect for p in pictures) + gap * (len(pictures) - 1)
    margin = _mm(5.0, dpi)
    title_h = _mm(9.0, dpi)
    credit_h = _mm(5.0, dpi)
    return (
        QSizeF(width + 2 * margin, title_h + fig_h + _mm(LABEL_MM, dpi) + credit_h + 2 * margin),
        fig_h,
    )


def _paint_figure_page(
    painter: QPainter,
    size: QSizeF,
    title: str,
    pictures: Sequence[StepPicture],
    fig_h: float,
    dpi: float,
    as_images: bool,
) -> None:
    margin = _mm(5.0, dpi)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
    font = QFont()
    font.setPixelSize(max(8, round(_mm(4.2, dpi))))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#222222"))
    painter.drawText(
        QRectF(margin, margin, size.width() - 2 * margin, _mm(7.0, dpi)),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        title,
    )
    box = QRectF(
        margin, margin + _mm(9.0, dpi), size.width() - 2 * margin, fig_h + _mm(LABEL_MM, dpi)
    )
    paint_pictures(painter, box, pictures, dpi, as_images=as_images)
    small = QFont()
    small.setPixelSize(max(8, round(_mm(2.2, dpi))))
    painter.setFont(small)
    painter.setPen(QColor("#666666"))
    painter.drawText(
        QRectF(
            margin, size.height() - margin - _mm(4.0, dpi), size.width() - 2 * margin, _mm(4.0, dpi)
        ),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        translate("Export", "Drawn by Hamstring Viewer from its figure data (data/figures.toml)."),
    )


def write_figure_png(title: str, record_id: str, path: Path, dpi: int = MAX_PNG_DPI) -> bool:
    """Save a record's figure (start and end positions, labelled) as PNG at ``dpi``."""
    pictures = step_pictures(record_id)
    if not pictures:
        return False
    dpi = max(50, min(dpi, MAX_PNG_DPI))
    size, fig_h = _figure_layout(title, pictures, dpi)
    image = QImage(size.toSize(), QImage.Format.Format_ARGB32_Premultiplied)
    _set_dpi(image, dpi)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_figure_page(painter, size, title, pictures, fig_h, dpi, as_images=True)
    finally:
        painter.end()
    return _write_png(image, path, credit=False)


def write_figure_svg(title: str, record_id: str, path: Path) -> bool:
    """Save a record's figure (start and end positions, labelled) as an SVG drawing: the
    figures as vectors, the labels as text."""
    pictures = step_pictures(record_id)
    if not pictures:
        return False
    dpi = 96.0
    size, fig_h = _figure_layout(title, pictures, dpi)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size.toSize())
    generator.setResolution(96)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(
        translate("Export", "{title}: start and end positions, drawn by Hamstring Viewer.").format(
            title=title
        )
    )
    painter = QPainter()
    if not painter.begin(generator):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_figure_page(painter, size, title, pictures, fig_h, dpi, as_images=False)
    finally:
        painter.end()
    return path.is_file() and path.stat().st_size > 0


# --------------------------------------------------------------------------------------------
# Where files go


def export_folder(saved: object = "") -> Path:
    """The folder a save dialog opens in: the one chosen last time (``saved``, from the
    settings) while it exists, else the user's Documents folder (else home)."""
    folder = str(saved or "")
    if folder and Path(folder).is_dir():
        return Path(folder)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def suggested_path(saved: object, name: str, suffix: str) -> Path:
    """The path a save dialog suggests: ``name`` (made safe for file systems) + ``suffix``
    in :func:`export_folder`."""
    safe = _UNSAFE.sub("-", name).strip() or "export"
    return export_folder(saved) / f"{safe}{suffix}"


# --------------------------------------------------------------------------------------------
# The handout dialog


@dataclass(frozen=True, slots=True)
class HandoutChoice:
    """What the therapist chose in the handout dialog."""

    techniques: tuple[str, ...]
    stretches: tuple[str, ...]
    fields: ClientFields


class HandoutDialog(QDialog):
    """Which techniques and stretches go on the handout (all ticked at first), the client's
    name, the date, the therapist and a free note (empty fields print as lines to write on),
    and a print preview."""

    def __init__(
        self,
        handout: Handout,
        parent: QWidget | None = None,
        therapist: str = "",
        preview: Callable[[Handout], object] | None = None,
        pages: Callable[[Handout], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoutDialog")
        self.setWindowTitle(translate("Export", "Handout – {title}").format(title=handout.title))
        self.handout = handout
        self._preview = preview
        self._pages = pages
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        for title, records in (
            (translate("Export", "Self-massage"), handout.techniques),
            (translate("Export", "Stretches"), handout.stretches),
        ):
            if not records:
                continue
            group = QGroupBox(title, self)
            inner = QVBoxLayout(group)
            for record in records:
                box = QCheckBox(record.name or record.id, group)
                box.setObjectName(record.id)
                box.setChecked(True)
                box.toggled.connect(self._update_pages)
                inner.addWidget(box)
                self.boxes[record.id] = box
            layout.addWidget(group)
        form = QFormLayout()
        self.client = QLineEdit(self)
        self.client.setPlaceholderText(translate("Export", "blank: a line to write on"))
        today = QLocale(language()).toString(
            QDate.currentDate(), translate("Export", "d MMMM yyyy")
        )
        self.date = QLineEdit(today, self)
        self.therapist = QLineEdit(therapist, self)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(translate("Export", "blank: a line to write on"))
        self.note.setFixedHeight(70)
        form.addRow(translate("Export", "Client's &name:"), self.client)
        form.addRow(translate("Export", "&Date:"), self.date)
        form.addRow(translate("Export", "&Therapist:"), self.therapist)
        form.addRow(translate("Export", "N&ote:"), self.note)
        layout.addLayout(form)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pages")
        self.pages_label.setWordWrap(True)
        layout.addWidget(self.pages_label)
        self._update_pages()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        if preview is not None:
            button = buttons.addButton(
                translate("Export", "Pre&view…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            button.setObjectName("preview")
            button.clicked.connect(lambda: preview(self.chosen_handout()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _update_pages(self) -> None:
        if self._pages is None:
            self.pages_label.hide()
            return
        count = self._pages(self.chosen_handout())
        if count <= 1:
            self.pages_label.setText(translate("Export", "The handout fits one A4 page."))
        else:
            self.pages_label.setText(
                translate(
                    "Export", "The handout takes {count} A4 pages; untick some to shorten it."
                ).format(count=count)
            )

    def choice(self) -> HandoutChoice:
        ticked = {rid for rid, box in self.boxes.items() if box.isChecked()}
        return HandoutChoice(
            tuple(t.id for t in self.handout.techniques if t.id in ticked),
            tuple(s.id for s in self.handout.stretches if s.id in ticked),
            ClientFields(
                self.client.text().strip(),
                self.date.text().strip(),
                self.therapist.text().strip(),
                self.note.toPlainText().strip(),
            ),
        )

    def chosen_handout(self) -> Handout:
        return apply_choice(self.handout, self.choice())


def apply_choice(handout: Handout, choice: HandoutChoice) -> Handout:
    """The handout with only the chosen records and the filled-in fields."""
    return replace(choose(handout, choice.techniques, choice.stretches), fields=choice.fields)


#: (handout, parent, therapist, preview, page count) -> the handout to print, or None when
#: cancelled.
AskHandout = Callable[
    [
        Handout,
        QWidget | None,
        str,
        Callable[[Handout], object] | None,
        Callable[[Handout], int] | None,
    ],
    Handout | None,
]


def run_handout_dialog(
    handout: Handout,
    parent: QWidget | None,
    therapist: str,
    preview: Callable[[Handout], object] | None,
    pages: Callable[[Handout], int] | None = None,
) -> Handout | None:
    """Show the handout dialog; the chosen handout, or None if cancelled."""
    dialog = HandoutDialog(handout, parent, therapist, preview, pages)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_handout()


class HandoutPreview(QPrintPreviewWidget):
    """A print preview of the handout on A4: its pages as they will print."""

    def __init__(self, view: PlateView, handout: Handout, parent: QWidget | None = None) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(_a4_layout())
        super().__init__(self.printer, parent)
        self.result: PageResult | None = None

        def paint(printer: QPrinter) -> None:
            self.result = paint_on(printer, view, handout)

        self.paintRequested.connect(paint)


def run_print_preview(view: PlateView, handout: Handout, parent: QWidget | None) -> bool:
    """Show the handout in a print preview dialog (it can print from there)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_a4_layout())
    printer.setDocName(translate("Export", "{title} handout").format(title=handout.title))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        translate("Export", "Handout preview – {title}").format(title=handout.title)
    )
    dialog.paintRequested.connect(lambda p: paint_on(p, view, handout))
    return dialog.exec() == QDialog.DialogCode.Accepted


# --------------------------------------------------------------------------------------------
# The feature


class HandoutExport(QObject):
    """File-menu actions: handout as PDF, its print preview, print it, view as PNG (at a
    chosen resolution) or SVG, a self-care figure as PNG or SVG.

    ``get_save_file_name``, ``print_dialog``, ``ask_handout`` (which records, the client
    fields), ``show_preview``, ``ask_resolution`` and ``ask_figure`` hold the dialogs; tests
    replace them.
    """

    def __init__(self, host: PlateHost) -> None:
        window = host.window
        super().__init__(window)
        self.setObjectName("handoutExport")
        self.host = host
        self.window = window
        self.get_save_file_name: SaveFileName = QFileDialog.getSaveFileName
        self.print_dialog: PrintDialog = run_print_dialog
        self.ask_handout: AskHandout = run_handout_dialog
        self.show_preview: Callable[[PlateView, Handout, QWidget | None], bool] = run_print_preview
        self.ask_resolution: Callable[[QWidget | None], int | None] = ask_png_resolution
        self.ask_figure: Callable[[QWidget | None, list[tuple[str, str]], str], str | None] = (
            ask_figure_record
        )
        self.handout_pdf_action = self._action(
            "export_handout_pdf",
            translate("Export", "Export &handout as PDF…"),
            self.export_handout_pdf,
            QKeySequence("Ctrl+E"),
            translate(
                "Export",
                "Save a client handout of the selection as a PDF file (A4; two pages when one "
                "does not hold the chosen self-care)",
            ),
        )
        self.preview_action = self._action(
            "export_preview_handout",
            translate("Export", "Handout print pre&view…"),
            self.preview_handout,
            None,
            translate(
                "Export",
                "Choose what goes on the client handout and see its pages as they will print",
            ),
        )
        self.print_action = self._action(
            "export_print_handout",
            translate("Export", "&Print handout…"),
            self.print_handout,
            QKeySequence(QKeySequence.StandardKey.Print),
            translate("Export", "Print a client handout of the selection"),
        )
        self.png_action = self._action(
            "export_view_png",
            translate("Export", "Export view as P&NG…"),
            self.export_view_png,
            None,
            translate(
                "Export",
                "Save the plate as it is shown now as a PNG image (on-screen size, or up to "
                "300 dpi fitted to A4)",
            ),
        )
        self.svg_action = self._action(
            "export_view_svg",
            translate("Export", "Export view as &SVG…"),
            self.export_view_svg,
            None,
            translate("Export", "Save the plate as it is shown now as an SVG drawing"),
        )
        self.figure_action = self._action(
            "export_figure",
            translate("Export", "Export self-care &figure…"),
            self.export_figure,
            None,
            translate(
                "Export",
                "Save the figure of an exercise, stretch or technique as a PNG image or SVG "
                "drawing",
            ),
        )
        self.note_action = QAction(translate("Export", "Put my &note on handouts"), self.window)
        self.note_action.setObjectName("export_handout_note")
        self.note_action.setCheckable(True)
        self.note_action.setStatusTip(
            translate("Export", "Print your note on a structure on its client handout")
        )
        self.note_action.setChecked(
            str(host.settings.value("export/handout_note", "false")).lower() in ("true", "1")
        )
        self.note_action.toggled.connect(
            lambda on: host.settings.setValue("export/handout_note", bool(on))
        )
        host.register_action("export_handout_note", self.note_action)
        menu = self._file_menu()
        entries = [
            self.handout_pdf_action,
            self.preview_action,
            self.print_action,
            self.note_action,
            self.png_action,
            self.svg_action,
            self.figure_action,
        ]
        # before Settings… and Quit, the window's own entries at the end of the menu
        anchors = {a.objectName(): a for a in menu.actions()}
        quit_action = anchors.get("settings") or anchors.get("quit")
        if quit_action is not None:
            menu.insertActions(quit_action, entries)
            menu.insertSeparator(quit_action)
        else:
            menu.addActions(entries)
        host.state.selectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed(host.state.selection)

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | None,
        tip: str,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return self.host.register_action(name, action)

    def _file_menu(self) -> QMenu:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and _menu_title_is(action, "&File"):
                return menu
        return self.window.menuBar().addMenu(translate("Export", "&File"))

    # state -> actions ------------------------------------------------------------------------
    def _on_selection_changed(self, record_id: object) -> None:
        rid = record_id if isinstance(record_id, str) else None
        enabled = handout_for(self.host.atlas.kb, rid) is not None
        self.handout_pdf_action.setEnabled(enabled)
        self.preview_action.setEnabled(enabled)
        self.print_action.setEnabled(enabled)

    # helpers ---------------------------------------------------------------------------------
    def handout(self) -> Handout | None:
        """The handout of the current selection (with the user's note on it, when they asked
        for that), or None."""
        from dataclasses import replace

        selection = self.host.state.selection
        handout = handout_for(self.host.atlas.kb, selection)
        if handout is not None and selection and self.note_action.isChecked():
            note = self.host.userdata.note(selection)
            if note.strip():
                handout = replace(handout, note=note)
        return handout

    def chosen_handout(self) -> Handout | None:
        """The selection's handout as the therapist chose it in the handout dialog (which
        records, the client fields; a preview from there), or None."""
        handout = self.handout()
        if handout is None:
            return None
        therapist = str(self.host.settings.value("export/therapist", "") or "")
        view = self.host.view
        chosen = self.ask_handout(
            handout,
            self.window,
            therapist,
            lambda h: self.show_preview(view, h, self.window),
            lambda h: handout_pages(view, h).pages,
        )
        if chosen is not None and chosen.fields.therapist:
            self.host.settings.setValue("export/therapist", chosen.fields.therapist)
        return chosen

    def _ask_path(
        self, caption: str, name: str, suffix: str, filter_: str, suffixes: tuple[str, ...] = ()
    ) -> Path | None:
        suggested = suggested_path(self.host.settings.value("export/folder", ""), name, suffix)
        chosen, _filter = self.get_save_file_name(self.window, caption, str(suggested), filter_)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (suffix, *suffixes):
            path = path.with_name(path.name + suffix)
        self.host.settings.setValue("export/folder", str(path.parent))
        return path

    def _writable(self, path: Path) -> bool:
        """Whether ``path`` can be written (asked before Qt tries, which only logs a warning)."""
        try:
            with path.open("ab"):
                pass
        except OSError as exc:
            self.window.statusBar().showMessage(
                translate("Export", "Could not write {path}: {reason}").format(
                    path=path, reason=exc.strerror
                ),
                10000,
            )
            return False
        return True

    def _report(self, ok: bool, path: Path) -> None:
        if ok:
            self.window.statusBar().showMessage(
                translate("Export", "Saved {path}").format(path=path), 5000
            )
        else:
            self.window.statusBar().showMessage(
                translate("Export", "Could not write {path}").format(path=path), 10000
            )

    # actions ---------------------------------------------------------------------------------
    def export_handout_pdf(self) -> Path | None:
        """Ask what goes on it and where, then write the selection's handout as a PDF."""
        if self.handout() is None:
            return None
        handout = self.chosen_handout()
        if handout is None:
            return None
        path = self._ask_path(
            translate("Export", "Export handout as PDF"),
            f"{handout.title} handout",
            ".pdf",
            translate("Export", "PDF files (*.pdf)"),
        )
        if path is None or not self._writable(path):
            return None
        result = write_handout_pdf(self.host.view, handout, path)
        self._report(result is not None, path)
        return path if result is not None else None

    def preview_handout(self) -> bool:
        """Ask what goes on it, then show the handout's pages in a print preview (which can
        print them)."""
        if self.handout() is None:
            return False
        handout = self.chosen_handout()
        if handout is None:
            return False
        return self.show_preview(self.host.view, handout, self.window)

    def print_handout(self) -> bool:
        """Ask what goes on it, show the print dialog, then print the selection's handout."""
        if self.handout() is None:
            return False
        handout = self.chosen_handout()
        if handout is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(_a4_layout())
        printer.setDocName(translate("Export", "{title} handout").format(title=handout.title))
        if not self.print_dialog(printer, self.window):
            return False
        result = paint_on(printer, self.host.view, handout)
        if result is None:
            self.window.statusBar().showMessage(
                translate("Export", "Could not print the handout"), 10000
            )
            return False
        self.window.statusBar().showMessage(
            translate("Export", "Handout sent to the printer"), 5000
        )
        return True

    def export_view_png(self) -> Path | None:
        """Ask the resolution and where, then save the plate view as a PNG image."""
        dpi = self.ask_resolution(self.window)
        if dpi is None:
            return None
        path = self._ask_path(
            translate("Export", "Export view as PNG"),
            "plate",
            ".png",
            translate("Export", "PNG images (*.png)"),
        )
        if path is None or not self._writable(path):
            return None
        ok = write_view_png(self.host.view, path, dpi)
        self._report(ok, path)
        return path if ok else None

    def export_view_svg(self) -> Path | None:
        """Ask where, then save the plate view as it is shown as an SVG drawing."""
        path = self._ask_path(
            translate("Export", "Export view as SVG"),
            "plate",
            ".svg",
            translate("Export", "SVG drawings (*.svg)"),
        )
        if path is None or not self._writable(path):
            return None
        ok = write_view_svg(self.host.view, path)
        self._report(ok, path)
        return path if ok else None

    def export_figure(self) -> Path | None:
        """Ask which record's figure (the selection's first, when it has one) and where, then
        save it as SVG or as PNG at the resolution asked (as on screen: 96 dpi), by the suffix
        chosen."""
        kb = self.host.atlas.kb
        records = figure_records(kb)
        handout = self.handout()
        first = ""
        if handout is not None and (handout.techniques or handout.stretches):
            first = (handout.techniques or handout.stretches)[0].id
        record_id = self.ask_figure(self.window, records, first)
        if not record_id:
            return None
        name = dict(records).get(record_id, record_id)
        path = self._ask_path(
            translate("Export", "Export self-care figure"),
            name,
            ".png",
            translate("Export", "PNG images (*.png)")
            + ";;"
            + translate("Export", "SVG drawings (*.svg)"),
            (".svg",),
        )
        if path is None or not self._writable(path):
            return None
        if path.suffix.lower() == ".svg":
            ok = write_figure_svg(name, record_id, path)
        else:
            dpi = self.ask_resolution(self.window)
            if dpi is None:
                return None
            ok = write_figure_png(name, record_id, path, dpi or SCREEN_DPI)
        self._report(ok, path)
        return path if ok else None


def ask_png_resolution(parent: QWidget | None) -> int | None:
    """Ask the PNG's resolution (:data:`PNG_RESOLUTIONS`): its dpi, 0 for as on screen, None
    if cancelled."""
    labels = [translate("Export", label) for label, _dpi in PNG_RESOLUTIONS]
    label, ok = QInputDialog.getItem(
        parent,
        translate("Export", "Export as PNG"),
        translate("Export", "Resolution:"),
        labels,
        len(labels) - 1,
        False,
    )
    if not ok:
        return None
    # (the chosen label is shown text: its place in the list gives the resolution)
    return PNG_RESOLUTIONS[labels.index(label)][1] if label in labels else 0


def ask_figure_record(
    parent: QWidget | None, records: list[tuple[str, str]], first: str
) -> str | None:
    """Ask which record's figure to export; its id, or None if cancelled."""
    names = [name for _rid, name in records]
    ids = [rid for rid, _name in records]
    current = ids.index(first) if first in ids else 0
    name, ok = QInputDialog.getItem(
        parent,
        translate("Export", "Export self-care figure"),
        translate("Export", "Figure of:"),
        names,
        current,
        False,
    )
    if not ok or name not in names:
        return None
    return ids[names.index(name)]


def install(host: PlateHost) -> HandoutExport:
    """Add the handout and view exports (of the plate now shown) to the host window's File
    menu."""
    return HandoutExport(host)


__all__ = [
    "FITS",
    "PNG_RESOLUTIONS",
    "Fit",
    "HandoutChoice",
    "HandoutDialog",
    "HandoutExport",
    "HandoutPreview",
    "PageResult",
    "StepPicture",
    "apply_choice",
    "export_folder",
    "figure_records",
    "handout_image",
    "handout_pages",
    "install",
    "paint_handout",
    "paint_on",
    "paint_plate",
    "plate_crop",
    "png_size",
    "run_handout_dialog",
    "run_print_dialog",
    "run_print_preview",
    "step_pictures",
    "suggested_path",
    "svg_image",
    "write_figure_png",
    "write_figure_svg",
    "write_handout_pdf",
    "write_view_png",
    "write_view_svg",
]
