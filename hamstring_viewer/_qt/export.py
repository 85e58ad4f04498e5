"""Client handouts (PDF, print) and exports of the plate view (PNG, SVG).

A handout is one A4 page: the title across the top; on the left the plate, cropped to the limb,
with the structure highlighted, its trigger points ringed and their referral zones drawn, and a
small legend; on the right the client text of :mod:`hamstring_viewer.handout`, built under the
roomiest :class:`~hamstring_viewer.handout.Budget` that fits the column.

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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QMarginsF,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
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
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QDialog, QFileDialog, QGraphicsItem, QMenu, QWidget

from hamstring_viewer.credits import PLATES_CREDIT, PNG_CREDIT_KEY
from hamstring_viewer.handout import BUDGETS, Budget, Handout, body_html, handout_for, header_html

from .paths import painter_path
from .plate_view import (
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
FOOTER = (
    "General information for self-care, not a diagnosis. Prepared with Hamstring Viewer; "
    "the wording comes from its knowledge base, where the sources are listed."
)
HEADER_CSS = (
    "h1 { font-size: 20pt; font-weight: bold; margin-bottom: 2px; }"
    "p { font-size: 11pt; color: #555555; margin-top: 0px; }"
)
ACCENT = "#8a3b12"

_UNSAFE = re.compile(r'[\\/:*?"<>|]+')  # not allowed in file names on some systems

#: (parent, caption, directory, filter) -> (path, chosen filter); QFileDialog's signature.
SaveFileName = Callable[[QWidget | None, str, str, str], tuple[str, str]]
#: (printer, parent) -> True to print; the default shows QPrintDialog.
PrintDialog = Callable[[QPrinter, QWidget | None], bool]


def run_print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    """Show the platform's print dialog; True if the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print handout")
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


@dataclass(frozen=True, slots=True)
class PageResult:
    """What :func:`paint_handout` did: the budget whose text fitted, and whether it fitted."""

    budget: Budget
    fits: bool


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
    rows = [("highlight", "The muscle" if handout.zones else "This structure")]
    if handout.marks:
        rows.append(("mark", "Trigger point (ringed)"))
    kinds = {kb.zones[z].kind for z in handout.zones}
    if "essential" in kinds:
        rows.append(("essential", "Main pain area"))
    if "spillover" in kinds:
        rows.append(("spillover", "Pain can spread here"))
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
    painter.drawText(QRectF(x, y, _mm(60, dpi), _mm(5.0, dpi)), "On the picture")
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
# The page


def paint_handout(
    painter: QPainter,
    page: QRectF,
    device: QPaintDevice,
    view: PlateView,
    handout: Handout,
    budgets: Sequence[Budget] = BUDGETS,
) -> PageResult:
    """Paint one handout page into ``page`` (device pixels, margins already taken off)."""
    dpi = float(device.logicalDpiX())
    kb = view.atlas.kb
    gap = _mm(5.0, dpi)
    header = _document(header_html(handout), HEADER_CSS, 11.0, device, page.width())
    footer = _document(
        f"<p>{FOOTER}</p><p>{_html_text(PLATES_CREDIT)}</p>",
        "p { color: #777777; margin-top: 0px; margin-bottom: 1px; }",
        7.5,
        device,
        page.width(),
    )
    header_h = header.size().height()
    footer_h = footer.size().height()
    body_top = page.top() + header_h + _mm(3.0, dpi)
    body_bottom = page.bottom() - footer_h - _mm(3.0, dpi)
    avail = body_bottom - body_top
    legend_h = legend_height(view, handout, dpi)
    plate_h = avail - legend_h - _mm(3.0, dpi)
    crop = plate_crop(view, handout)
    # the plate as tall as the column, as wide as that makes it (within a quarter to 40 %)
    natural = plate_h * crop.width() / crop.height()
    left_w = min(max(natural, page.width() * 0.25, _mm(45.0, dpi)), page.width() * 0.4)
    right_x = page.left() + left_w + gap
    right_w = page.right() - right_x

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(page.topLeft())
    header.drawContents(painter)
    painter.restore()
    painter.save()
    painter.setPen(QPen(QColor(ACCENT), _mm(0.4, dpi)))
    rule_y = body_top - _mm(1.5, dpi)
    painter.drawLine(QPointF(page.left(), rule_y), QPointF(page.right(), rule_y))
    painter.restore()

    # left: plate and legend
    box = QRectF(page.left(), body_top + _mm(1.0, dpi), left_w, plate_h)
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

    # right: the text, the roomiest budget that fits
    chosen = budgets[-1]
    doc: QTextDocument | None = None
    for budget in budgets:
        doc = _document(
            body_html(kb, handout, budget),
            body_css(budget.font_pt),
            budget.font_pt,
            device,
            right_w,
        )
        chosen = budget
        if doc.size().height() <= avail:
            break
    assert doc is not None
    fits = doc.size().height() <= avail
    painter.save()
    painter.translate(QPointF(right_x, body_top))
    painter.setClipRect(QRectF(0, 0, right_w, avail))
    doc.drawContents(painter, QRectF(0, 0, right_w, avail))
    painter.restore()

    painter.save()
    painter.translate(QPointF(page.left(), page.bottom() - footer_h))
    footer.drawContents(painter)
    painter.restore()
    return PageResult(chosen, fits)


def _a4_layout() -> QPageLayout:
    margins = QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM)
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )


def _paint_on(device: QPagedPaintDevice, view: PlateView, handout: Handout) -> PageResult | None:
    painter = QPainter()
    if not painter.begin(device):
        return None
    try:
        rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
        page = QRectF(0, 0, rect.width(), rect.height())
        return paint_handout(painter, page, device, view, handout)
    finally:
        painter.end()


def write_handout_pdf(view: PlateView, handout: Handout, path: Path) -> PageResult | None:
    """Write the handout as a one-page A4 PDF; None if the file cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_a4_layout())
    writer.setTitle(f"{handout.title} – client handout")
    writer.setCreator("Hamstring Viewer")
    return _paint_on(writer, view, handout)


def handout_image(view: PlateView, handout: Handout, dpi: int = 150) -> QImage:
    """The handout page as an image (white A4 at ``dpi``), for a preview."""
    layout = _a4_layout()
    size = layout.fullRectPixels(dpi).size()
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_rect = QRectF(layout.paintRectPixels(dpi))
        paint_handout(painter, paint_rect, image, view, handout)
    finally:
        painter.end()
    return image


# --------------------------------------------------------------------------------------------
# The plate view as it is on screen


def visible_scene_rect(view: PlateView) -> QRectF:
    """The part of the plate the view shows now (scene units)."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _credit_font(pixel_height: float) -> QFont:
    font = QFont()
    font.setPixelSize(max(8, round(pixel_height)))
    return font


def _paint_credit_line(painter: QPainter, rect: QRectF, pixel_height: float) -> None:
    """A small line with the plates' credit at the bottom of ``rect``, on a pale band."""
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
        PLATES_CREDIT,
    )
    painter.restore()


def write_view_png(view: PlateView, path: Path) -> bool:
    """Save what the plate view shows, at its zoom and the screen's pixel ratio, with the
    plates' credit in a text chunk (``Copyright``) and in a small line at the bottom."""
    image = view.viewport().grab().toImage()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    logical = QRectF(
        0, 0, image.width() / image.devicePixelRatio(), image.height() / image.devicePixelRatio()
    )
    _paint_credit_line(painter, logical, 10.0)
    painter.end()
    image.setText(PNG_CREDIT_KEY, PLATES_CREDIT)
    writer = QImageWriter(str(path))
    writer.setFormat(QByteArray(b"png"))
    writer.setText(PNG_CREDIT_KEY, PLATES_CREDIT)
    return writer.write(image)


def write_view_svg(view: PlateView, path: Path, title: str = "Hamstring Viewer plate") -> bool:
    """Save what the plate view shows as SVG (vector art; the zones' dots are a pattern)."""
    size = view.viewport().size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setResolution(96)  # CSS pixels: browsers show it at the size it had on screen
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    from hamstring_viewer.resources import VIEWS

    view_title = {v.key: v.title for v in VIEWS}.get(view.view_key, view.view_key)
    generator.setDescription(
        f"{view_title} view of the right thigh, exported from Hamstring Viewer. {PLATES_CREDIT}"
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
        scene.render(painter, target, visible_scene_rect(view))
        _paint_credit_line(painter, target, 10.0)
    finally:
        painter.end()
        for item, mode in cached:
            item.setCacheMode(mode)
    return path.is_file() and path.stat().st_size > 0


# --------------------------------------------------------------------------------------------
# The feature


class HandoutExport(QObject):
    """File-menu actions: handout as PDF, print the handout, view as PNG or SVG.

    ``get_save_file_name`` and ``print_dialog`` hold the dialogs; tests replace them.
    """

    def __init__(self, host: PlateHost) -> None:
        window = host.window
        super().__init__(window)
        self.setObjectName("handoutExport")
        self.host = host
        self.window = window
        self.get_save_file_name: SaveFileName = QFileDialog.getSaveFileName
        self.print_dialog: PrintDialog = run_print_dialog
        self.handout_pdf_action = self._action(
            "export_handout_pdf",
            "Export &handout as PDF…",
            self.export_handout_pdf,
            QKeySequence("Ctrl+E"),
            "Save a one-page client handout of the selection as a PDF file",
        )
        self.print_action = self._action(
            "export_print_handout",
            "&Print handout…",
            self.print_handout,
            QKeySequence(QKeySequence.StandardKey.Print),
            "Print a one-page client handout of the selection",
        )
        self.png_action = self._action(
            "export_view_png",
            "Export view as P&NG…",
            self.export_view_png,
            None,
            "Save the plate as it is shown now as a PNG image",
        )
        self.svg_action = self._action(
            "export_view_svg",
            "Export view as &SVG…",
            self.export_view_svg,
            None,
            "Save the plate as it is shown now as an SVG drawing",
        )
        self.note_action = QAction("Put my &note on handouts", self.window)
        self.note_action.setObjectName("export_handout_note")
        self.note_action.setCheckable(True)
        self.note_action.setStatusTip("Print your note on a structure on its client handout")
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
            self.print_action,
            self.note_action,
            self.png_action,
            self.svg_action,
        ]
        quit_action = next((a for a in menu.actions() if a.objectName() == "quit"), None)
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
            if isinstance(menu, QMenu) and action.text().replace("&", "") == "File":
                return menu
        return self.window.menuBar().addMenu("&File")

    # state -> actions ------------------------------------------------------------------------
    def _on_selection_changed(self, record_id: object) -> None:
        rid = record_id if isinstance(record_id, str) else None
        enabled = handout_for(self.host.atlas.kb, rid) is not None
        self.handout_pdf_action.setEnabled(enabled)
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

    def _ask_path(self, caption: str, name: str, suffix: str, filter_: str) -> Path | None:
        folder = str(self.host.settings.value("export/folder", "") or "")
        if not folder or not Path(folder).is_dir():
            documents = QStandardPaths.StandardLocation.DocumentsLocation
            folder = QStandardPaths.writableLocation(documents) or str(Path.home())
        name = _UNSAFE.sub("-", name).strip() or "export"
        chosen, _filter = self.get_save_file_name(
            self.window, caption, str(Path(folder) / f"{name}{suffix}"), filter_
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.host.settings.setValue("export/folder", str(path.parent))
        return path

    def _writable(self, path: Path) -> bool:
        """Whether ``path`` can be written (asked before Qt tries, which only logs a warning)."""
        try:
            with path.open("ab"):
                pass
        except OSError as exc:
            self.window.statusBar().showMessage(f"Could not write {path}: {exc.strerror}", 10000)
            return False
        return True

    def _report(self, ok: bool, path: Path) -> None:
        if ok:
            self.window.statusBar().showMessage(f"Saved {path}", 5000)
        else:
            self.window.statusBar().showMessage(f"Could not write {path}", 10000)

    # actions ---------------------------------------------------------------------------------
    def export_handout_pdf(self) -> Path | None:
        """Ask where, then write the selection's handout as a one-page PDF."""
        handout = self.handout()
        if handout is None:
            return None
        path = self._ask_path(
            "Export handout as PDF", f"{handout.title} handout", ".pdf", "PDF files (*.pdf)"
        )
        if path is None or not self._writable(path):
            return None
        result = write_handout_pdf(self.host.view, handout, path)
        self._report(result is not None, path)
        return path if result is not None else None

    def print_handout(self) -> bool:
        """Show the print dialog, then print the selection's handout on one page."""
        handout = self.handout()
        if handout is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(_a4_layout())
        printer.setDocName(f"{handout.title} handout")
        if not self.print_dialog(printer, self.window):
            return False
        result = _paint_on(printer, self.host.view, handout)
        if result is None:
            self.window.statusBar().showMessage("Could not print the handout", 10000)
            return False
        self.window.statusBar().showMessage("Handout sent to the printer", 5000)
        return True

    def export_view_png(self) -> Path | None:
        """Ask where, then save the plate view as it is shown as a PNG image."""
        path = self._ask_path("Export view as PNG", "plate", ".png", "PNG images (*.png)")
        if path is None or not self._writable(path):
            return None
        ok = write_view_png(self.host.view, path)
        self._report(ok, path)
        return path if ok else None

    def export_view_svg(self) -> Path | None:
        """Ask where, then save the plate view as it is shown as an SVG drawing."""
        path = self._ask_path("Export view as SVG", "plate", ".svg", "SVG drawings (*.svg)")
        if path is None or not self._writable(path):
            return None
        ok = write_view_svg(self.host.view, path)
        self._report(ok, path)
        return path if ok else None


def install(host: PlateHost) -> HandoutExport:
    """Add the handout and view exports (of the plate now shown) to the host window's File
    menu."""
    return HandoutExport(host)


__all__ = [
    "HandoutExport",
    "PageResult",
    "handout_image",
    "install",
    "paint_handout",
    "paint_plate",
    "plate_crop",
    "run_print_dialog",
    "write_handout_pdf",
    "write_view_png",
    "write_view_svg",
]
