"""The plate: SVG art, hit shapes, highlights, overlays and labels in one scene.

Scene units are the plate's user units (the SVG viewBox), so a point means the same thing in the
SVG, in the core's geometry, in a test and in a click.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from hamstring_viewer.atlas import Atlas
from hamstring_viewer.fastrecord import fast_dataclass
from hamstring_viewer.geometry import CLICK_LAYERS, Plate, Point, Region
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate
from hamstring_viewer.records import ReferralZone, Structure, TriggerPoint
from hamstring_viewer.svgdoc import plate_variant

from .paths import merged_paths, outline_path, painter_path
from .state import AtlasState

#: Art layers in paint order, with their z values.
ART_LAYERS = (
    "silhouette",
    "bones",
    "deep",
    "vessels",
    "nerves",
    "superficial",
    "trigger_points",
)
Z_ART = {name: 10.0 * i for i, name in enumerate(ART_LAYERS)}
Z_OVERLAY = Z_ART["superficial"] + 5  # referral zones: over the muscles, under the X marks
Z_ATTACH = 80.0
Z_HOVER = 90.0
Z_SELECT = 95.0
#: the selection on the plate: over the muscles and zones, under the ✕ marks and the origin and
#: insertion marks, which stay visible on the structure read about
Z_SELECTED = Z_ART["trigger_points"] - 2
Z_FOCUS = 97.0
Z_LABEL = 200.0

#: One colour per muscle group for referral zones (the legend says which).
ZONE_COLOURS: dict[str, str] = {
    "semitendinosus": "#8e24aa",
    "semimembranosus": "#8e24aa",
    "biceps_femoris_long_head": "#00838f",
    "biceps_femoris_short_head": "#00838f",
}
#: The neighbours' zones in a calmer family, listed after the hamstrings' in the legend: the
#: hip and buttock, the thigh, the knee and calf.
NEIGHBOUR_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "hip and buttock": (
        "#3d5f86",
        (
            "gluteus_maximus",
            "gluteus_medius",
            "gluteus_minimus",
            "piriformis",
            "obturator_internus",
        ),
    ),
    "thigh": ("#5f7d8c", ("adductor_magnus", "vastus_lateralis")),
    "knee and calf": ("#6a5f8f", ("gastrocnemius", "soleus", "popliteus", "plantaris")),
}
ZONE_COLOURS.update(
    {muscle: colour for colour, muscles in NEIGHBOUR_GROUPS.values() for muscle in muscles}
)
#: The muscles whose zones are the hamstrings' own (drawn over the neighbours' zones).
HAMSTRING_ZONE_MUSCLES = frozenset(
    ("semitendinosus", "semimembranosus", "biceps_femoris_long_head", "biceps_femoris_short_head")
)
ZONE_FALLBACK = "#c62828"
#: The titles of the plates (``resources.VIEWS``, Qt-free data), marked here so that lupdate
#: collects them for this module; the plate's accessible name translates its title.
_VIEW_TITLES = (
    QT_TRANSLATE_NOOP("PlateView", "Posterior, superficial"),
    QT_TRANSLATE_NOOP("PlateView", "Posterior, deep"),
    QT_TRANSLATE_NOOP("PlateView", "Medial"),
    QT_TRANSLATE_NOOP("PlateView", "Lateral"),
    QT_TRANSLATE_NOOP("PlateView", "Cross-section at mid-thigh"),
)
ORIGIN_COLOUR = "#d32f2f"
INSERTION_COLOUR = "#1e63d6"
SELECT_COLOUR = "#ffb300"
HOVER_COLOUR = "#283593"
DRAG_THRESHOLD = 4


def zone_colour(zone: ReferralZone) -> QColor:
    for muscle in zone.muscles:
        if muscle in ZONE_COLOURS:
            return QColor(ZONE_COLOURS[muscle])
    return QColor(ZONE_FALLBACK)


def stipple_brush(colour: QColor) -> QBrush:
    """A dotted texture brush; it lives in scene units, so it scales with zoom."""
    size = 16
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    for cx, cy in ((4.0, 4.0), (12.0, 12.0)):
        painter.drawEllipse(QPointF(cx, cy), 2.6, 2.6)
    painter.end()
    return QBrush(image)


def make_brush(brush: QBrush | QColor | Qt.BrushStyle) -> QBrush:
    """``QBrush(brush)``, without the ~1.7 ms that PySide spends creating the gradient and
    image enums the first time any QBrush constructor with an argument is resolved."""
    if isinstance(brush, QBrush):
        return brush
    out = QBrush()
    if isinstance(brush, QColor):
        out.setStyle(Qt.BrushStyle.SolidPattern)
        out.setColor(brush)
    else:
        out.setStyle(brush)
    return out


class RegionsItem(QGraphicsItem):
    """Paints several region outlines, tinted inside, so that overlaps never cancel out.

    The tint is laid without antialiasing, under the antialiased outline (at least 1.5 pixels
    wide, it covers the tint's stepped edge): an antialiased fill costs some three times as
    much, and a highlight is painted at every hover."""

    def __init__(self, pen: QPen, brush: QBrush | QColor | Qt.BrushStyle) -> None:
        super().__init__()
        self.pen = pen
        self.brush = make_brush(brush)
        self._paths: list[QPainterPath] = []
        self._drawn: list[QPainterPath] = []
        self._rect = QRectF()

    def set_paths(self, paths: list[QPainterPath], drawn: list[QPainterPath] | None = None) -> None:
        """Show ``paths``; ``drawn``: the same shapes as they are painted (merged: see
        :func:`.paths.merged_paths`), if not ``paths`` themselves."""
        self.prepareGeometryChange()
        self._paths = paths
        self._drawn = paths if drawn is None else drawn
        rect = QRectF()
        for path in self._drawn:
            rect = rect.united(path.boundingRect())
        self._rect = rect.adjusted(-4, -4, 4, 4)
        self.setVisible(bool(paths))
        self.update()

    def paths(self) -> list[QPainterPath]:
        return list(self._paths)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        aliased_tint = self.brush.style() != Qt.BrushStyle.NoBrush and self.pen.widthF() >= 1.5
        if aliased_tint:
            smooth = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.brush)
            for path in self._drawn:
                painter.drawPath(path)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setBrush(self.brush)
        painter.setPen(self.pen)
        for path in self._drawn:
            painter.drawPath(path)


#: a label's text alignment (as Qt's int flags: made once, not at every paint)
_LEFT_FLAGS = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_RIGHT_FLAGS = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
_LABEL_PEN: list[QPen] = []


def _label_pen() -> QPen:
    """The labels' text colour (one pen, made at the first paint)."""
    if not _LABEL_PEN:
        _LABEL_PEN.append(QPen(QColor("#2b2b2b")))
    return _LABEL_PEN[0]


class LabelItem(QGraphicsItem):
    """A label drawn at a fixed on-screen size beside the plate, with a leader line."""

    def __init__(self, text: str, right_aligned: bool, font: QFont) -> None:
        super().__init__()
        self.full_text = text
        self.text = text
        self.right_aligned = right_aligned
        self.base_font = font
        self.font = font
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self._rect = QRectF()
        self._base_width = self._measure()  # the whole text in the base font

    def _measure(self) -> float:
        metrics = QFontMetricsF(self.font)
        width = metrics.horizontalAdvance(self.text) + 6
        height = metrics.height() + 2
        x = -width if self.right_aligned else 0.0
        self._rect = QRectF(x, -height / 2, width, height)
        return width

    def fit_width(self, pixels: float) -> None:
        """Keep the label within ``pixels`` of screen width (the room between its column and
        the plate's edge at the current zoom): a smaller font first, 90 % or 80 %, then the
        text shortened with an ellipsis. (Two sizes, not one per label: each font size is a
        font loaded and every label measured in it, ~0.5 ms apiece.)"""
        base = self._base_width
        if base <= pixels:  # it fits as it is (no text to measure again)
            font, text = self.base_font, self.full_text
        else:
            scale = max(0.8, math.floor(10 * pixels / base) / 10)
            font = QFont(self.base_font)
            font.setPointSizeF(self.base_font.pointSizeF() * scale)
            text = QFontMetricsF(font).elidedText(
                self.full_text, Qt.TextElideMode.ElideMiddle, max(0.0, pixels - 6)
            )
        if text == self.text and font == self.font:
            return
        self.prepareGeometryChange()
        self.font = font
        self.text = text
        self._measure()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setFont(self.font)
        painter.setPen(_label_pen())
        flags = _RIGHT_FLAGS if self.right_aligned else _LEFT_FLAGS
        painter.drawText(self._rect.adjusted(3, 0, -3, 0), flags, self.text)


@fast_dataclass(slots=True)
class _Label:
    """A label to place: the record it names, the point its leader line ends at, its text."""

    record_id: str
    anchor: Point
    text: str


PAPER = "#fbf8f2"
BACKGROUND_LAYERS = ("silhouette", "bones", "deep", "vessels", "nerves", "superficial")
#: Layer toggles of the state that hide whole art layers of the plate (and their regions).
TOGGLED_ART_LAYERS: dict[str, str] = {"bones": "bones", "vessels": "vessels", "nerves": "nerves"}
#: Layer toggle -> the structure kinds it hides (regions, labels and leader lines).
TOGGLED_KINDS: dict[str, frozenset[str]] = {
    "bones": frozenset({"bone", "landmark"}),
    "neighbours": frozenset({"muscle"}),
    "vessels": frozenset({"vessel"}),
    "nerves": frozenset({"nerve"}),
}
#: Structure kinds that get a label beside the plate.
LABELLED_KINDS = frozenset({"hamstring", "muscle", "nerve", "vessel"})


class PlateScene(QGraphicsScene):
    """The plate's scene: the static art under the referral zones (silhouette, bones, deep
    muscles, nerves, superficial muscles) is its background, painted from the SVG.

    As a background it is one opaque layer the view can cache as one pixmap, instead of five
    translucent layers blended on every repaint; ``render()`` (exports) draws it as vectors.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: the background layers the plate has
        self.art: list[str] = []
        #: the renderer of the background (every layer but the overlays and the ones hidden),
        #: made when the art is first drawn from the SVG
        self.background: Callable[[frozenset[str]], QSvgRenderer] | None = None
        self.hidden_layers: set[str] = set()
        #: the background already rendered for one view transform (see PlateView.use_raster)
        self.raster: tuple[QImage, QTransform] | None = None
        #: called (once) when the view's transform no longer fits the raster
        self.raster_dropped: Callable[[], None] | None = None

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self.raster is not None and painter.worldTransform() == self.raster[1]:
            painter.save()
            painter.resetTransform()
            painter.drawImage(QPointF(0, 0), self.raster[0])
            painter.restore()
            return
        if self.raster is not None:
            self.raster = None
            if self.raster_dropped is not None:
                self.raster_dropped()
        self.draw_art(painter, rect)

    def draw_art(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Paint the background layers from the SVG (one document, its view box on the
        scene rect: no layer's bounds need measuring)."""
        painter.fillRect(rect, QColor(PAPER))
        if not self.art or self.background is None:
            return
        hidden = frozenset(self.hidden_layers & set(self.art))
        if hidden == set(self.art):
            return
        painter.save()
        painter.setClipRect(QRectF(rect), Qt.ClipOperation.IntersectClip)
        self.background(hidden).render(painter, self.sceneRect())
        painter.restore()


#: the largest device size an art layer is cached at (~32 MB at most; the trigger points'
#: strip of a plate stays cached to about four times the fitted zoom)
_ART_CACHE_SIZE = QSize(2048, 4096)
#: room in Qt's pixmap cache (the items' device caches live there; 10 MB by default, less than
#: one zoomed art layer) in KB
_PIXMAP_CACHE_KB = 64 * 1024


def _room_for_cached_items() -> None:
    """Give Qt's pixmap cache room for the cached items of a zoomed plate (their pixmaps
    are made only as they are drawn, and the least recently used are dropped first)."""
    from PySide6.QtGui import QPixmapCache

    if QPixmapCache.cacheLimit() < _PIXMAP_CACHE_KB:
        QPixmapCache.setCacheLimit(_PIXMAP_CACHE_KB)


class Releasable(Protocol):
    """What holds a start-up raster's pixels (the snapshot's mapped file)."""

    def release(self) -> None: ...


class PlateTool(Protocol):
    """A mode that takes the plate's left-button presses (pain marks, quiz answers).

    Coordinates are scene (plate) units. While a tool is set, clicks do not select; hover still
    names structures. Panning stays on the middle button and the scroll bars.
    """

    def press(self, x: float, y: float) -> None: ...

    def drag(self, x: float, y: float) -> None: ...

    def release(self, x: float, y: float) -> None: ...


class ZoneLayer:
    """Paints the shown referral zones of one view as one picture.

    Every zone is a :class:`ZoneItem` with its own path, pen, brush, z value and visibility (so
    code and tests deal with zones one by one). On screen, though, the lowest shown zone (the
    *leader*, whose bounding rectangle is the union of the shown zones') draws them all: into an
    image of their part of the viewport, at the view's transform, kept while the same zones are
    shown at the same place and scale, and blitted to the exposed part. Blending 27 large
    translucent zones one by one costs ~20 ms a repaint; blitting their picture, one blend.
    Painting without a widget (export, print) draws each zone itself."""

    def __init__(self) -> None:
        self.items: list[ZoneItem] = []
        self._leader: ZoneItem | None = None
        self._union = QRectF()
        self._dirty = True
        self._key: tuple[object, ...] | None = None
        self._image: QImage | None = None

    def add(self, item: ZoneItem) -> None:
        self.items.append(item)
        self.changed()

    def remove_all(self) -> None:
        self.items.clear()
        self._leader = None
        self._union = QRectF()
        self._image = None
        self._key = None
        self._dirty = True

    def changed(self) -> None:
        """A zone was shown, hidden or added: choose the leader and its rectangle again."""
        self._dirty = True
        old = self._leader
        shown = [i for i in self.items if i.isVisible()]
        leader = min(shown, key=lambda i: i.zValue()) if shown else None
        union = QRectF()
        for item in shown:
            union = union.united(item.own_rect())
        if leader is not old or union != self._union:
            touched = [i for i in (old, leader) if i is not None]
            for item in touched:
                item.prepareGeometryChange()
            self._leader = leader
            self._union = union
            for item in touched:
                item.update()

    def leader(self) -> ZoneItem | None:
        return self._leader

    def union(self) -> QRectF:
        return self._union

    def paint(self, painter: QPainter, widget: QWidget) -> None:
        transform = painter.worldTransform()
        ratio = painter.device().devicePixelRatioF()
        size = widget.size()
        shown = sorted((i for i in self.items if i.isVisible()), key=lambda i: i.zValue())
        # the picture covers the shown zones' part of the viewport, not all of it (a trigger
        # point's zones are a small part of the plate: a picture of the whole viewport took a
        # fresh ~6 MB to fill and blend at each selection)
        area = transform.mapRect(self._union).adjusted(-2, -2, 2, 2)
        area = area.intersected(QRectF(0, 0, size.width(), size.height()))
        left, top = math.floor(area.left()), math.floor(area.top())
        width = max(1, math.ceil(area.right()) - left)
        height = max(1, math.ceil(area.bottom()) - top)
        key = (
            tuple(id(i) for i in shown),
            transform.m11(), transform.m12(), transform.m21(), transform.m22(),
            transform.dx(), transform.dy(),
            left, top, width, height, ratio,
        )  # fmt: skip
        if self._image is None or key != self._key:
            image = QImage(
                max(1, math.ceil(width * ratio)),
                max(1, math.ceil(height * ratio)),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.setDevicePixelRatio(ratio)
            image.fill(Qt.GlobalColor.transparent)
            p = QPainter(image)
            p.setTransform(transform * QTransform.fromTranslate(-left, -top))
            for item in shown:
                # the fill without antialiasing, under the antialiased outline that covers its
                # stepped edge (a third of the cost of an antialiased fill)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(item.brush())
                p.drawPath(item.path())
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                p.setPen(item.pen())
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(item.path())
            p.end()
            self._image = image
            self._key = key
        painter.save()
        painter.resetTransform()
        painter.drawImage(QPointF(left, top), self._image)
        painter.restore()


class ZoneItem(QGraphicsPathItem):
    """A referral zone on the plate (see :class:`ZoneLayer` for how it is painted)."""

    def __init__(self, path: QPainterPath, layer: ZoneLayer) -> None:
        super().__init__(path)
        self._layer = layer

    def own_rect(self) -> QRectF:
        return super().boundingRect()

    def boundingRect(self) -> QRectF:
        if self._layer.leader() is self:
            return self._layer.union()
        return super().boundingRect()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if widget is None:  # export, print: each zone draws itself
            super().paint(painter, option, widget)
        elif self._layer.leader() is self:
            self._layer.paint(painter, widget)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemVisibleHasChanged:
            self._layer.changed()
        return super().itemChange(change, value)


_accessible_factory_installed = False


def _accessible_factory(class_name: str, obj: QObject) -> object:
    """Qt asks this for each object's accessible interface; a plate gets one with children
    (made in .accessible, imported only when a screen reader first asks: ~10 ms)."""
    if class_name != "PlateView" or not isinstance(obj, QWidget):
        return None
    from .accessible import plate_interface

    return plate_interface(obj)


def _install_accessible_factory() -> bool:
    """Install the factory (once per process); True if this call installed it."""
    global _accessible_factory_installed
    if _accessible_factory_installed:
        return False
    from PySide6.QtGui import QAccessible

    QAccessible.installFactory(_accessible_factory)
    _accessible_factory_installed = True
    return True


class PlateView(QGraphicsView):
    """Shows the plate of the state's view; turns pointer and keys into calls on
    :class:`AtlasState`. A view switch replaces the scene's plate content (art, hit shapes,
    zones, labels) and fits the new plate; the selection, overlays and layers carry over.

    ``svg`` is the SVG text of each view (a single ``bytes``: the main view's); a view whose
    text is not given is read from its plate's source file when first shown.
    """

    zoomChanged = Signal(float)
    painted = Signal()  # after each paint of the viewport
    plateChanged = Signal(str)  # view key, after the scene shows that view's plate

    def __init__(
        self,
        atlas: Atlas,
        state: AtlasState,
        svg: bytes | Mapping[str, bytes],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # our own viewport: asking Qt for its default one makes PySide wrap a C++-made widget,
        # which costs ~5 ms of enum creation across QtWidgets at start-up
        self.setViewport(QWidget())
        self.atlas = atlas
        self.state = state
        self._svgs: dict[str, bytes] = (
            {atlas.main_view: svg} if isinstance(svg, bytes) else dict(svg)
        )  # (a view not given is read from its plate's file when first shown)
        self.view_key = state.view
        self.plate: Plate = atlas.plate_of(self.view_key)
        self.anchors: dict[str, Point] = atlas.anchors_of(self.view_key)
        self._svg_bytes = self._svg_of(self.view_key)
        self._press: QPoint | None = None
        self._dragging = False
        self._fitted = True
        self._focus_index = -1
        self.setObjectName("plateView")
        self._set_accessible_name()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)

        scene = PlateScene(self)
        x, y, w, h = self.plate.view_box
        scene.setSceneRect(QRectF(x, y, w, h))
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setScene(scene)
        _room_for_cached_items()

        self._raster_source: Releasable | None = None
        self._renderer: QSvgRenderer | None = None
        self._layer_renderers: list[QSvgRenderer] = []
        self._background: tuple[frozenset[str], QSvgRenderer] | None = None
        self._art_data = self._svg_bytes
        self._art: dict[str, QGraphicsSvgItem] = {}
        self._rebuild_art()  # once, already honouring the state's layers
        #: the clickable regions of the plate shown, and those the layer toggles hide now
        self._hit: set[str] = set()
        self._hit_hidden: set[str] = set()
        self._path_cache: dict[str, QPainterPath] = {}
        #: the regions whose paths may be drawn merged (see :func:`.paths.merged_paths`)
        self._mergeable: set[str] = set()
        #: highlights as drawn (merged), by the regions they show
        self._merged_cache: dict[tuple[str, ...], list[QPainterPath]] = {}
        self._build_hit_items()
        self._record_of = atlas.kb.svg_bindings()
        self._hover_item = self._overlay_path(Z_HOVER, HOVER_COLOUR, 2.0, 60)
        self._select_item = self._overlay_path(Z_SELECTED, SELECT_COLOUR, 3.0, 60)
        # the selection stays while the pointer moves over it: a hover repaints it from a
        # picture, not by drawing its outlines again (a nerve's: it and every muscle it
        # supplies)
        self._select_item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # a ring round the ✕ of the trigger point read about (over the ✕ marks)
        self._ring_item = self._overlay_path(Z_ART["trigger_points"] + 2, SELECT_COLOUR, 2.5, 0)
        self._focus_item = self._overlay_path(Z_FOCUS, "#222222", 1.5, 0)
        self._focus_item.pen = self._cosmetic_pen("#222222", 1.5, Qt.PenStyle.DashLine)
        self._origin_item = self._overlay_path(Z_ATTACH, ORIGIN_COLOUR, 2.0, 150)
        self._insertion_item = self._overlay_path(Z_ATTACH, INSERTION_COLOUR, 2.0, 150)
        # referral zones are built when first shown (most starts show none)
        self._zone_items: dict[str, QGraphicsPathItem] = {}
        self._zone_layer = ZoneLayer()
        self._zone_ids = self._zones_on_plate()
        self._zone_preview: frozenset[str] = frozenset()
        self._zone_preview_wanted: frozenset[str] = frozenset()
        self._emphasis: dict[str, RegionsItem] = {}
        self._emphasis_ids: dict[str, tuple[str, ...]] = {}
        self._tool: PlateTool | None = None
        self._tool_down = False
        self._labels: list[QGraphicsItem] = []
        self._label_of: dict[QGraphicsItem, str] = {}
        self._build_labels()
        self._fit_labels()
        self._nav_order = self._navigation_order()
        self._focus_points: dict[str, QPointF] = {}

        state.selectionChanged.connect(self._on_selection_changed)
        state.hoverChanged.connect(self._on_hover_changed)
        state.overlaysChanged.connect(self._on_overlays_changed)
        state.layerChanged.connect(self._on_layer_changed)
        state.viewChanged.connect(self._on_view_changed)
        self._on_overlays_changed(state.overlays)
        self._apply_layers()
        self._on_selection_changed(state.selection)

    # building ------------------------------------------------------------------------------
    def _svg_of(self, view_key: str) -> bytes:
        data = self._svgs.get(view_key)
        if data is None:
            plate = self.atlas.plate_of(view_key)  # (read with its SVG text, kept on it)
            data = self._svgs[view_key] = plate.svg_data or Path(plate.source).read_bytes()
        return data

    def svg_texts(self) -> dict[str, bytes]:
        """The SVG text of the views read so far, by view key."""
        return dict(self._svgs)

    def _set_accessible_name(self) -> None:
        from hamstring_viewer.resources import VIEWS

        titles = {v.key: translate("PlateView", v.title) for v in VIEWS}
        title = titles.get(self.view_key, self.view_key)
        self.setAccessibleName(
            translate("PlateView", "Plate: {view} view of the right thigh").format(view=title)
        )

    def _zones_on_plate(self) -> frozenset[str]:
        return frozenset(z.id for z in self.atlas.kb.zones.values() if self.plate.has(z.svg_id))

    def _on_view_changed(self, view_key: str) -> None:
        self.show_plate(view_key)

    def show_plate(self, view_key: str) -> None:
        """Replace the scene's plate content by the plate of ``view_key`` and fit it."""
        if view_key == self.view_key:
            return
        scene = self.plate_scene()
        plate = self.atlas.plate_of(view_key)
        self.view_key = view_key
        self.plate = plate
        self.anchors = self.atlas.anchors_of(view_key)
        self._svg_bytes = self._svg_of(view_key)
        self._set_accessible_name()
        for item in [*self._zone_items.values(), *self._labels]:
            scene.removeItem(item)
        self._hit.clear()
        self._zone_items.clear()
        self._zone_layer.remove_all()
        self._labels.clear()
        self._label_of.clear()
        self._path_cache.clear()
        self._mergeable.clear()
        self._merged_cache.clear()
        x, y, w, h = plate.view_box
        scene.setSceneRect(QRectF(x, y, w, h))
        self._rebuild_art()
        self._build_hit_items()
        self._zone_ids = self._zones_on_plate()
        self._zone_preview = frozenset(z for z in self._zone_preview_wanted if z in self._zone_ids)
        self._build_labels()
        self._fit_labels()
        self._nav_order = self._navigation_order()
        self._focus_points.clear()
        self._focus_index = -1
        self._focus_item.set_paths([])
        for role, ids in self._emphasis_ids.items():
            self._set_sites(self._emphasis[role], ids)
        self._on_overlays_changed(self.state.overlays)
        self._apply_layers()
        self._on_selection_changed(self.state.selection)
        self._on_hover_changed(self.state.hover)
        self.fit()
        self.plateChanged.emit(view_key)

    def shows(self, record_id: str) -> bool:
        """True if the plate now shown draws this record (a structure, trigger point or zone)."""
        record = self.atlas.kb.get(record_id)
        if isinstance(record, Structure):
            return any(self.plate.has(i) for i in record.svg_ids)
        svg_id = getattr(record, "svg_id", None)
        return isinstance(svg_id, str) and self.plate.has(svg_id)

    def plate_scene(self) -> PlateScene:
        scene = self.scene()
        assert isinstance(scene, PlateScene)
        return scene

    def _build_art(self) -> None:
        """The background layers (drawn by the scene from the whole plate's renderer, made
        when first needed) and the trigger-point layer as an item over the zones (drawn from
        a small document of that layer alone where it can be cut out, so that a start that
        paints the background from the saved raster never parses the whole SVG)."""
        from hamstring_viewer.svgdoc import layer_document

        scene = self.plate_scene()
        for item in self._art.values():
            scene.removeItem(item)
        self._art.clear()
        scene.art = []
        scene.background = self._background_renderer
        for name in ART_LAYERS:
            element = self.plate.layer_ids.get(name)
            if element is None:
                continue
            if name in BACKGROUND_LAYERS:
                scene.art.append(name)
                continue
            small = layer_document(self._art_data, element)
            renderer = QSvgRenderer(QByteArray(small), self) if small is not None else None
            if renderer is None or not renderer.isValid() or not renderer.elementExists(element):
                renderer = self.plate_renderer()
            if not renderer.elementExists(element):
                continue
            if renderer is not self._renderer:
                self._layer_renderers.append(renderer)
            item = QGraphicsSvgItem()
            item.setSharedRenderer(renderer)
            item.setElementId(element)
            bounds = renderer.transformForElement(element).mapRect(
                renderer.boundsOnElement(element)
            )
            item.setPos(bounds.topLeft())
            item.setZValue(Z_ART[name])
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            # (an SVG item is cached only up to its maximum cache size, 1024x768 by default:
            # the trigger points' layer, 800 px tall at the fitted zoom, was drawn again from
            # the SVG at every repaint the hamstrings' area took part in, ~3-4 ms each)
            item.setMaximumCacheSize(_ART_CACHE_SIZE)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(item)
            self._art[name] = item

    def _background_renderer(self, hidden: frozenset[str]) -> QSvgRenderer:
        """The renderer of the background with these layers hidden (kept for the last set)."""
        from hamstring_viewer.svgdoc import hide_layers

        if self._background is None or self._background[0] != hidden:
            off = [*hidden, *(n for n in ART_LAYERS if n not in BACKGROUND_LAYERS), "zones"]
            ids = [self.plate.layer_ids[n] for n in off if n in self.plate.layer_ids]
            renderer = QSvgRenderer(QByteArray(hide_layers(self._art_data, ids)), self)
            if self._background is not None:
                self._background[1].deleteLater()
            self._background = (hidden, renderer)
        return self._background[1]

    def plate_renderer(self) -> QSvgRenderer:
        """The whole plate's renderer (of the plate as shown: neighbours hidden or not), made
        when first asked for."""
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self._art_data), self)
        return self._renderer

    def _build_hit_items(self) -> None:
        """The plate's clickable regions (hit-tested by the core's geometry, in paint order:
        no Qt shapes need building before the first click)."""
        self._hit = {r.id for r in self.plate.regions if r.layer in CLICK_LAYERS}

    def _cosmetic_pen(
        self, colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine
    ) -> QPen:
        pen = QPen(QColor(colour), width, style)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _overlay_path(self, z: float, colour: str, width: float, alpha: int) -> RegionsItem:
        tint = QColor(colour)
        tint.setAlpha(alpha)
        item = RegionsItem(
            self._cosmetic_pen(colour, width), tint if alpha else Qt.BrushStyle.NoBrush
        )
        item.setZValue(z)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setVisible(False)
        self.scene().addItem(item)
        return item

    def _zone_item(self, zone_id: str) -> QGraphicsPathItem:
        item = self._zone_items.get(zone_id)
        if item is None:
            if zone_id not in self._zone_ids:
                raise KeyError(f"no referral zone '{zone_id}' on the plate")
            item = self._build_zone_item(self.atlas.kb.zones[zone_id])
            self._zone_items[zone_id] = item
        return item

    def _build_zone_item(self, zone: ReferralZone) -> QGraphicsPathItem:
        colour = zone_colour(zone)
        item = ZoneItem(painter_path(self.plate.region(zone.svg_id)), self._zone_layer)
        # the hamstrings' zones drawn a little stronger than their neighbours' (whose hairline
        # outlines are also what keeps all 27 zones at once quick to paint: a 1-pixel cosmetic
        # line takes Qt's fast stroker)
        neighbour = not any(m in HAMSTRING_ZONE_MUSCLES for m in zone.muscles)
        if zone.kind == "essential":
            fill = QColor(colour)
            fill.setAlpha(105 if neighbour else 120)
            item.setBrush(fill)
            item.setPen(self._cosmetic_pen(colour.name(), 1.0 if neighbour else 1.5))
            item.setZValue(Z_OVERLAY + 1)
        else:
            item.setBrush(stipple_brush(colour))
            item.setPen(
                self._cosmetic_pen(colour.name(), 1.0 if neighbour else 1.2, Qt.PenStyle.DashLine)
            )
            item.setZValue(Z_OVERLAY)
        if not neighbour:
            item.setZValue(item.zValue() + 2)  # the app's focus: over the neighbours' zones
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setVisible(False)
        item.setData(0, zone.id)
        self.scene().addItem(item)
        self._zone_layer.add(item)
        return item

    def _labelled(self) -> list[Structure]:
        return [
            s for s in self.atlas.kb.structures.values() if s.svg_ids and s.kind in LABELLED_KINDS
        ]

    def _build_labels(self) -> None:
        from hamstring_viewer.describe import plate_label  # (the panel has imported it)

        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.95))
        midline = self.plate.view_box[0] + self.plate.view_box[2] / 2
        left: list[_Label] = []
        right: list[_Label] = []
        for s in self._labelled():
            anchor = self.anchors.get(s.id)
            if anchor is None:
                continue
            entry = _Label(s.id, anchor, plate_label(self.atlas.kb, s.id))
            (left if anchor[0] < midline else right).append(entry)
        x0, _, w, _ = self.plate.view_box
        self._place_labels(left, x0 + 0.27 * w, True, font)
        self._place_labels(right, x0 + 0.73 * w, False, font)

    def _place_labels(
        self, labels: list[_Label], x: float, right_aligned: bool, font: QFont
    ) -> None:
        labels.sort(key=lambda lab: lab.anchor[1])
        _, top, _, height = self.plate.view_box
        margin = 14.0
        # a short plate (the cross-section) packs its labels closer, so none leaves the plate
        room = (height - 2 * margin) / max(1, len(labels) - 1) if len(labels) > 1 else 52.0
        gap = max(18.0, min(52.0, room))
        ys: list[float] = []
        for lab in labels:
            y = max(lab.anchor[1], top + margin)
            if ys and y < ys[-1] + gap:
                y = ys[-1] + gap
            ys.append(y)
        # pushed past the bottom: slide the column up from the bottom edge, keeping the gaps
        bottom = top + height - margin
        for i in range(len(ys) - 1, -1, -1):
            limit = bottom if i == len(ys) - 1 else ys[i + 1] - gap
            if ys[i] > limit:
                ys[i] = limit
        pen = self._cosmetic_pen("#5a4a42", 0.8)
        for lab, y in zip(labels, ys, strict=True):
            line = QPainterPath(QPointF(*lab.anchor))
            line.lineTo(QPointF(x, y))
            leader = QGraphicsPathItem(line)
            leader.setPen(pen)
            leader.setZValue(Z_LABEL)
            leader.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            text = LabelItem(lab.text, right_aligned, font)
            text.setPos(QPointF(x + (-4 if right_aligned else 4), y))
            text.setZValue(Z_LABEL)
            text.setData(0, lab.record_id)
            text.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.scene().addItem(leader)
            self.scene().addItem(text)
            self._labels.extend([leader, text])
            self._label_of[leader] = lab.record_id
            self._label_of[text] = lab.record_id

    def _navigation_order(self) -> list[str]:
        kb = self.atlas.kb
        order = [s.id for s in kb.hamstrings]
        order += list(kb.trigger_points)
        order += [s.id for s in kb.structures.values() if s.svg_ids and s.id not in order]
        return [rid for rid in order if self.shows(rid)]  # what this plate draws

    # queries -------------------------------------------------------------------------------
    def record_at(self, scene_pos: QPointF) -> str | None:
        """The record bound to the topmost visible clickable region at a scene point."""
        region = self.plate.hit_test(scene_pos.x(), scene_pos.y(), CLICK_LAYERS, self._clickable)
        return None if region is None else self._record_of.get(region.id)

    def _clickable(self, region: Region) -> bool:
        return region.id in self._hit and region.id not in self._hit_hidden

    def record_at_view(self, pos: QPoint) -> str | None:
        return self.record_at(self.mapToScene(pos))

    def zone_item(self, zone_id: str) -> QGraphicsPathItem:
        return self._zone_item(zone_id)

    def _ids_of(self, record_id: str | None) -> tuple[str, ...]:
        """The regions a record is drawn as (on any plate)."""
        record = self.atlas.kb.get(record_id) if record_id is not None else None
        if isinstance(record, Structure):
            return record.svg_ids
        if record is not None and hasattr(record, "svg_id"):
            return (record.svg_id,)
        return ()

    def _paths_of(self, record_id: str | None) -> list[QPainterPath]:
        return self._site_paths(self._ids_of(record_id))

    def _site_paths(self, ids: Iterable[str]) -> list[QPainterPath]:
        return [self._region_path(i) for i in ids if self.plate.has(i)]

    def _set_sites(self, item: RegionsItem, ids: Iterable[str]) -> None:
        """Show these regions (those on this plate) with ``item``, drawn merged."""
        shown = tuple(i for i in ids if self.plate.has(i))
        paths = [self._region_path(i) for i in shown]
        drawn = self._merged_cache.get(shown)
        if drawn is None:
            drawn = merged_paths(paths, [i in self._mergeable for i in shown])
            if len(self._merged_cache) > 256:
                self._merged_cache.clear()
            self._merged_cache[shown] = drawn
        item.set_paths(paths, drawn)

    def _region_path(self, region_id: str) -> QPainterPath:
        path = self._path_cache.get(region_id)
        if path is None:
            path, mergeable = outline_path(self.plate.region(region_id))
            self._path_cache[region_id] = path
            if mergeable:
                self._mergeable.add(region_id)
        return path

    # state -> view -------------------------------------------------------------------------
    def _selection_ids(self, record_id: str | None) -> tuple[str, ...]:
        """What a page shows on the plate: the structure itself; a group's members; a nerve's
        course and the muscles it supplies; a trigger point's ✕."""
        record = self.atlas.kb.get(record_id) if record_id else None
        if not isinstance(record, Structure):
            return (record.svg_id,) if record is not None and hasattr(record, "svg_id") else ()
        ids = list(record.svg_ids)
        related: list[str] = list(record.members)
        if record.kind == "nerve":
            related += [
                m.id
                for m in self.atlas.kb.structures.values()
                if m.innervation is not None and m.innervation.nerve == record.id
            ]
        for other in related:
            member = self.atlas.kb.structures.get(other)
            if member is not None:
                ids += [i for i in member.svg_ids if i not in ids]
        return tuple(ids)

    def _on_selection_changed(self, record_id: object) -> None:
        rid = record_id if isinstance(record_id, str) else None
        self._set_sites(self._select_item, self._selection_ids(rid))
        ring: list[QPainterPath] = []
        record = self.atlas.kb.get(rid) if rid else None
        if isinstance(record, TriggerPoint) and self.plate.has(record.svg_id):
            x0, y0, x1, y1 = self.plate.region(record.svg_id).bbox
            radius = max(x1 - x0, y1 - y0) / 2 + 6.0
            path = QPainterPath()
            path.addEllipse(QPointF((x0 + x1) / 2, (y0 + y1) / 2), radius, radius)
            ring.append(path)
        self._ring_item.set_paths(ring)
        record = self.atlas.kb.get(rid) if rid else None
        origin: tuple[str, ...] = ()
        insertion: tuple[str, ...] = ()
        if isinstance(record, Structure):
            if record.origin is not None:
                origin = tuple(record.origin.sites)
            if record.insertion is not None:
                insertion = tuple(record.insertion.sites)
        self._set_sites(self._origin_item, origin)
        self._set_sites(self._insertion_item, insertion)

    def _on_hover_changed(self, record_id: object) -> None:
        rid = record_id if isinstance(record_id, str) else None
        self._set_sites(self._hover_item, self._ids_of(rid))
        name = ""
        record = self.atlas.kb.get(rid) if rid else None
        if record is not None:
            name = getattr(record, "name", "")
        self.viewport().setToolTip(name)

    def _on_overlays_changed(self, trigger_points: object) -> None:
        shown: set[str] = set(self._zone_preview)
        for tp_id in self.state.overlays:
            shown.update(self.atlas.kb.trigger_points[tp_id].zones)
        for zone_id in shown & self._zone_ids:
            self._zone_item(zone_id).setVisible(True)
        for zone_id, item in self._zone_items.items():
            item.setVisible(zone_id in shown)

    # modes and extra marks -----------------------------------------------------------------
    def set_zone_preview(self, zone_ids: Iterable[str]) -> None:
        """Draw these referral zones as well as the overlays the user chose (quiz, pain finder)."""
        self._zone_preview_wanted = frozenset(zone_ids)
        self._zone_preview = frozenset(z for z in self._zone_preview_wanted if z in self._zone_ids)
        self._on_overlays_changed(self.state.overlays)

    def zone_preview(self) -> frozenset[str]:
        return self._zone_preview

    def set_emphasis(self, role: str, region_ids: Iterable[str], colour: str = "#2e7d32") -> None:
        """Outline and tint plate regions under a named role (``quiz``, ``answer``...), or clear
        them with an empty list; unknown region ids are ignored."""
        item = self._emphasis.get(role)
        if item is None:
            item = self._overlay_path(Z_SELECT - 1, colour, 3.0, 90)
            self._emphasis[role] = item
        else:
            item.pen.setColor(QColor(colour))
            fill = QColor(colour)
            fill.setAlpha(90)
            item.brush = make_brush(fill)
        ids = tuple(region_ids)
        self._emphasis_ids[role] = ids
        self._set_sites(item, ids)

    def emphasis(self, role: str) -> list[QPainterPath]:
        item = self._emphasis.get(role)
        return item.paths() if item is not None else []

    @property
    def tool(self) -> PlateTool | None:
        return self._tool

    def set_tool(self, tool: PlateTool | None) -> None:
        """Give left-button presses to ``tool`` (None: back to selecting)."""
        self._tool = tool
        self._tool_down = False
        if tool is None:
            self.viewport().unsetCursor()
        else:
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def _on_layer_changed(self, name: str, visible: bool) -> None:
        if name == "neighbours":
            self._rebuild_art()  # neighbours share SVG layers with the hamstrings
        self._focus_points.clear()  # where structures are drawn may change with the layers
        self._apply_layers()

    def hidden_regions(self) -> set[str]:
        """Plate region ids the layer toggles hide now (art, hit shape and label)."""
        layers = self.state.layers
        hidden_kinds: set[str] = set()
        for toggle, kinds in TOGGLED_KINDS.items():
            if not layers[toggle]:
                hidden_kinds |= kinds
        hidden_layers = {art for t, art in TOGGLED_ART_LAYERS.items() if not layers[t]}
        hidden: set[str] = set()
        kb = self.atlas.kb
        for s in kb.structures.values():
            if s.kind in hidden_kinds:
                hidden.update(s.svg_ids)
        hidden |= self._trigger_points_of(hidden_kinds)  # a hidden muscle's ✕ goes with it
        hidden.update(r.id for r in self.plate.regions if r.layer in hidden_layers)
        return hidden

    def _trigger_points_of(self, kinds: set[str]) -> set[str]:
        """The plate ids of the trigger points whose muscle is of one of ``kinds``."""
        kb = self.atlas.kb
        return {
            tp.svg_id
            for tp in kb.trigger_points.values()
            if tp.muscle in kb.structures and kb.structures[tp.muscle].kind in kinds
        }

    def hidden_records(self) -> set[str]:
        """Structures the layer toggles hide now (every region of theirs on this plate)."""
        hidden = self.hidden_regions()
        out: set[str] = set()
        for s in self.atlas.kb.structures.values():
            drawn = [i for i in s.svg_ids if self.plate.has(i)]
            if drawn and all(i in hidden for i in drawn):
                out.add(s.id)
        return out

    def label_items(self, record_id: str | None = None) -> list[QGraphicsItem]:
        """The label and leader-line items (of one record, or all)."""
        if record_id is None:
            return list(self._labels)
        return [item for item in self._labels if self._label_of.get(item) == record_id]

    def _apply_layers(self) -> None:
        """Show art, labels and hit shapes as the state's layer toggles say: a toggle hides
        its art, its regions' hit shapes and the labels and leader lines of its structures."""
        layers = self.state.layers
        hidden_records = self.hidden_records()
        for item in self._labels:
            item.setVisible(layers["labels"] and self._label_of.get(item) not in hidden_records)
        hidden_art = {art for t, art in TOGGLED_ART_LAYERS.items() if not layers[t]}
        scene = self.plate_scene()
        if hidden_art != scene.hidden_layers:
            scene.hidden_layers = hidden_art
            self._redraw_background()
        self._hit_hidden = self.hidden_regions()

    def _rebuild_art(self) -> None:
        hide: set[str] = set()
        if not self.state.layer_visible("neighbours"):
            kb = self.atlas.kb
            for s in kb.structures.values():
                if s.kind == "muscle":
                    hide.update(s.svg_ids)
            hide |= self._trigger_points_of({"muscle"})  # and their trigger points' ✕ marks
        self._art_data = plate_variant(self._svg_bytes, hide) if hide else self._svg_bytes
        old = [self._renderer, *self._layer_renderers]
        if self._background is not None:
            old.append(self._background[1])
            self._background = None
        self._renderer = None
        self._layer_renderers = []
        self._build_art()
        self._redraw_background()
        for renderer in old:
            if renderer is not None:
                renderer.deleteLater()

    def _redraw_background(self) -> None:
        self.release_raster()
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.resetCachedContent()
        self.plate_scene().invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def background_raster(self) -> tuple[QImage, QTransform]:
        """The background art as the view shows it now, and the view transform it is for."""
        viewport = self.viewport()
        ratio = viewport.devicePixelRatioF()
        image = QImage(viewport.size() * ratio, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        transform = self.viewportTransform()
        painter = QPainter(image)
        painter.setRenderHints(self.renderHints())
        painter.setWorldTransform(transform)
        self.plate_scene().draw_art(painter, self.mapToScene(viewport.rect()).boundingRect())
        painter.end()
        return image, transform

    def use_raster(
        self, image: QImage, transform: QTransform, source: Releasable | None = None
    ) -> None:
        """Paint the background from ``image`` while the view transform is ``transform``
        (at start-up: the fitted plate, rendered when the last session ended), instead of
        rendering the SVG; a change of layers drops it. ``source`` holds the image's pixels
        (the start-up snapshot's mapped file): it is released when the raster is dropped."""
        self.release_raster()
        scene = self.plate_scene()
        self._raster_source = source
        scene.raster = (image, transform)
        scene.raster_dropped = self._on_raster_dropped
        # one blit per paint needs no background cache (filling and blitting a cache pixmap
        # would double a start's first paint of the plate); it returns with the SVG's art
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.resetCachedContent()

    def _on_raster_dropped(self) -> None:
        # (after this paint: the cache mode is not changed while the view paints)
        QTimer.singleShot(0, self, self._cache_background)

    def _cache_background(self) -> None:
        if self.plate_scene().raster is None:
            self.release_raster()
            self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)

    def release_raster(self) -> None:
        """Stop painting from the start-up raster, and let go of the file it lies in (the
        app does so before it writes the next snapshot over that file)."""
        self.plate_scene().raster = None
        source, self._raster_source = self._raster_source, None
        if source is not None:
            source.release()

    # zoom ----------------------------------------------------------------------------------
    def _set_scroll_bars(self, policy: Qt.ScrollBarPolicy) -> None:
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def _fit_labels(self) -> None:
        """Keep every label inside the plate at the current zoom (labels keep their on-screen
        size, so in a small window the room beside the plate is narrower)."""
        x0, _, w, _ = self.plate.view_box
        zoom = self.zoom()
        for item in self._labels:
            if isinstance(item, LabelItem):
                x = item.pos().x()
                room = (x - x0) if item.right_aligned else (x0 + w - x)
                item.fit_width(max(0.0, room * zoom - 2))

    def fit(self) -> None:
        # the whole plate shows: no scroll bars, which would otherwise flash on for a layout
        # pass while the window settles, and take the plate's room
        self._set_scroll_bars(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True
        self._fit_labels()
        self.zoomChanged.emit(self.zoom())

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        fit_scale = min(
            self.viewport().width() / max(1.0, self.sceneRect().width()),
            self.viewport().height() / max(1.0, self.sceneRect().height()),
        )
        target = max(fit_scale * 0.5, min(40.0, self.zoom() * factor))
        factor = target / self.zoom()
        if abs(factor - 1.0) < 1e-6:
            return
        self._set_scroll_bars(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor, factor)
        else:
            # keep the plate point under ``anchor`` (pointer or fingers) where it is; Qt's own
            # AnchorUnderMouse follows the cursor, which a pinch on a touchpad need not move
            held = self.mapToScene(anchor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(factor, factor)
            moved = self.mapFromScene(held) - anchor
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() + moved.x())
            v.setValue(v.value() + moved.y())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._fitted = False
        self._fit_labels()
        self.zoomChanged.emit(self.zoom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def sizeHint(self) -> QSize:
        return QSize(700, 900)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self.zoom_by(1.0015**delta, event.position().toPoint())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value(), event.position().toPoint())
            return True
        if event.type() == QEvent.Type.Gesture:
            gesture = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if gesture is not None:
                self.zoom_by(gesture.scaleFactor())
                return True
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Paint:
            self.painted.emit()
        return handled

    # pointer -------------------------------------------------------------------------------
    def _scene_xy(self, event: QMouseEvent) -> tuple[float, float]:
        point = self.mapToScene(event.position().toPoint())
        return point.x(), point.y()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._tool is not None:
            self._tool_down = True
            self._tool.press(*self._scene_xy(event))
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._tool is not None and self._tool_down:
            self._tool.drag(*self._scene_xy(event))
            event.accept()
            return
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if self._dragging or delta.manhattanLength() > DRAG_THRESHOLD:
                if not self._dragging:
                    self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self._dragging = True
                h, v = self.horizontalScrollBar(), self.verticalScrollBar()
                h.setValue(h.value() - delta.x())
                v.setValue(v.value() - delta.y())
                self._press = pos
            event.accept()
            return
        self.state.set_hover(self.record_at_view(pos))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._tool is not None:
            if self._tool_down:
                self._tool_down = False
                self._tool.release(*self._scene_xy(event))
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self.state.select(self.record_at_view(event.position().toPoint()))
            self._press = None
            self._dragging = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.state.set_hover(None)
        super().leaveEvent(event)

    # keyboard ------------------------------------------------------------------------------
    def focused_record(self) -> str | None:
        if 0 <= self._focus_index < len(self._nav_order):
            return self._nav_order[self._focus_index]
        return None

    def move_focus(self, step: int) -> None:
        """Focus the next (``step`` 1) or previous (-1) structure in the list order: the
        hamstrings, the trigger points, then the rest (Page Down / Page Up)."""
        if not self._nav_order:
            return
        if self._focus_index < 0:
            self._focus_index = 0 if step > 0 else len(self._nav_order) - 1
        else:
            self._focus_index = (self._focus_index + step) % len(self._nav_order)
        self._show_focus()

    def focus_point(self, record_id: str) -> QPointF | None:
        """Where a structure is on the plate, for moving between structures: the middle of its
        drawn outline (a trigger point: its ✕)."""
        found = self._focus_points.get(record_id)
        if found is None:
            rect = self._drawn_rect(record_id)
            if rect is None:
                return None
            found = self._focus_points[record_id] = rect.center()
        return found

    def _drawn_rect(self, record_id: str) -> QRectF | None:
        """The plate rectangle round a structure's drawn outline (None if not drawn here)."""
        paths = self._paths_of(record_id)
        if not paths:
            return None
        rect = QRectF()
        for path in paths:
            rect = rect.united(path.boundingRect())
        return rect

    def move_focus_towards(self, dx: float, dy: float) -> None:
        """Focus the nearest structure in a direction on the plate (the arrow keys): the one
        whose middle lies furthest toward (dx, dy) the least, counting sideways offset double.
        With nothing focused yet, the first structure in the list."""
        current = self.focused_record()
        here = self.focus_point(current) if current is not None else None
        if here is None:
            self.move_focus(1)
            return
        best: tuple[float, int] | None = None
        for index, rid in enumerate(self._nav_order):
            if rid == current:
                continue
            there = self.focus_point(rid)
            if there is None:
                continue
            vx, vy = there.x() - here.x(), there.y() - here.y()
            along = vx * dx + vy * dy
            if along <= 4.0:
                continue  # not in that direction
            across = abs(vx * dy - vy * dx)
            score = along + 2.0 * across
            if best is None or score < best[0]:
                best = (score, index)
        if best is not None:
            self._focus_index = best[1]
            self._show_focus()

    def _show_focus(self) -> None:
        rid = self._nav_order[self._focus_index]
        self._set_sites(self._focus_item, self._ids_of(rid))
        paths = self._focus_item.paths()
        self.state.set_hover(rid)
        record = self.atlas.kb.get(rid)
        name = getattr(record, "name", rid)
        self.setAccessibleDescription(translate("PlateView", "Focused: {name}").format(name=name))
        if paths:
            self.ensureVisible(self._focus_item.boundingRect(), 40, 40)
        from PySide6.QtGui import QAccessible

        if QAccessible.isActive():  # a screen reader listens: tell it where the focus is
            from .accessible import announce_focus

            announce_focus(self, rid)

    def is_accessible(self) -> bool:
        """Whether screen readers get the plate's structures (see :meth:`make_accessible`)."""
        return _accessible_factory_installed

    def make_accessible(self) -> None:
        """Give screen readers the plate's structures as its children. The window does it one
        idle tick after the first paint (importing Qt's accessibility types costs ~2 ms of a
        start); a screen reader that asked about the plate before then is told it changed."""
        if not _install_accessible_factory():
            return
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        if not QAccessible.isActive():
            return  # nothing asked yet: the factory answers the first question
        from .accessible import PlateAccessible

        known = QAccessible.queryAccessibleInterface(self)
        if known is not None and not isinstance(known, PlateAccessible):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(known))
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.ObjectReorder))

    def navigation_order(self) -> tuple[str, ...]:
        """The structures and trigger points this plate shows, in keyboard order (the plate's
        accessible children)."""
        return tuple(self._nav_order)

    def record_box(self, record_id: str) -> QRect | None:
        """Where a structure is drawn, in viewport pixels (None if this plate does not)."""
        rect = self._drawn_rect(record_id)
        return None if rect is None else self.mapFromScene(rect).boundingRect()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The arrow keys move to the nearest structure in that direction, Page Down / Page Up
        through the list, Enter or Space choose it (a tool that takes it, such as the quiz,
        gets it), Esc clears. Tab leaves the plate for the panel, as in any window."""
        key = event.key()
        directions = {
            Qt.Key.Key_Right: (1.0, 0.0),
            Qt.Key.Key_Left: (-1.0, 0.0),
            Qt.Key.Key_Down: (0.0, 1.0),
            Qt.Key.Key_Up: (0.0, -1.0),
        }
        if key in directions and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.move_focus_towards(*directions[Qt.Key(key)])
        elif key == Qt.Key.Key_PageDown:
            self.move_focus(1)
        elif key == Qt.Key.Key_PageUp:
            self.move_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            rid = self.focused_record()
            if rid is not None:
                choose = getattr(self._tool, "choose", None)
                if callable(choose):
                    choose(rid)
                else:
                    self.state.select(rid)
        elif key == Qt.Key.Key_Escape:
            self._focus_item.setVisible(False)
            self._focus_index = -1
            self.state.set_hover(None)
            self.state.select(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def scene_to_view(self, x: float, y: float) -> QPoint:
        """Where a plate point is on the viewport (tests click there)."""
        return self.mapFromScene(QPointF(x, y))
