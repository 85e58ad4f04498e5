"""The main window: wires the plate, the panel, menus, toolbar and settings together.

This module is imported before the window's first paint, so its top imports only Qt's light
classes; the plate, the panel and the ``Qt`` namespace are imported when the window is loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QByteArray, QPointF, QSettings, QSignalBlocker, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from hamstring_viewer import __version__
from hamstring_viewer.credits import PLATES_CREDIT
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate

from .launch import PicturePart, Snapshot, SnapshotWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from hamstring_viewer.atlas import Atlas
    from hamstring_viewer.userdata import UserData

    from .host import PlateHost
    from .panel import InfoPanel
    from .plate_view import PlateView
    from .state import AtlasState

#: The keyboard help (marked for translation; :meth:`MainWindow.shortcuts_html` translates it)
SHORTCUTS = [
    (
        QT_TRANSLATE_NOOP("Window", "Click a muscle or bone"),
        QT_TRANSLATE_NOOP("Window", "select it; its origin (red) and insertion (blue) are marked"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Click an ✕"),
        QT_TRANSLATE_NOOP("Window", "select the trigger point and show where its pain goes"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Click empty space / Esc"),
        QT_TRANSLATE_NOOP("Window", "clear the selection"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Arrow keys"),
        QT_TRANSLATE_NOOP(
            "Window", "move to the nearest structure or trigger point that way on the plate"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "PgDn / PgUp"),
        QT_TRANSLATE_NOOP("Window", "move through every structure and trigger point in turn"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Enter"),
        QT_TRANSLATE_NOOP(
            "Window", "open the structure under the keyboard focus (in a quiz: answer with it)"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Tab / Shift Tab"),
        QT_TRANSLATE_NOOP("Window", "go on from the plate to the panel and its links, and back"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Wheel, pinch, Ctrl + / Ctrl −"),
        QT_TRANSLATE_NOOP("Window", "zoom toward the pointer"),
    ),
    (QT_TRANSLATE_NOOP("Window", "Drag"), QT_TRANSLATE_NOOP("Window", "pan")),
    (
        QT_TRANSLATE_NOOP("Window", "Ctrl 0"),
        QT_TRANSLATE_NOOP("Window", "fit the plate to the window"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Alt ← / Alt →"),
        QT_TRANSLATE_NOOP("Window", "back / forward through what you looked at"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Ctrl Shift A / Ctrl Shift N"),
        QT_TRANSLATE_NOOP("Window", "show all / no referred-pain overlays"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "F6"),
        QT_TRANSLATE_NOOP("Window", "switch between plate and panel"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Ctrl 1 … Ctrl 5"),
        QT_TRANSLATE_NOOP(
            "Window",
            "show a plate: posterior superficial, posterior deep, medial, lateral, "
            "cross-section at mid-thigh (View ▸ Plate)",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Ctrl F"),
        QT_TRANSLATE_NOOP("Window", "search names, Latin, glossary and text"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Ctrl D"),
        QT_TRANSLATE_NOOP("Window", "bookmark the selection (notes in View ▸ Notes and bookmarks)"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Ctrl H"),
        QT_TRANSLATE_NOOP("Window", "where does it hurt? mark or paint the pain on the plate"),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "In the pain finder"),
        QT_TRANSLATE_NOOP(
            "Window",
            "arrow keys move a cursor on the plate (Shift: further), Space marks, P paints, "
            "Delete rubs out, Tab goes to the results, Ctrl Z undoes Clear",
        ),
    ),
    (QT_TRANSLATE_NOOP("Window", "F7"), QT_TRANSLATE_NOOP("Window", "quiz")),
    (
        QT_TRANSLATE_NOOP("Window", "In the quiz"),
        QT_TRANSLATE_NOOP(
            "Window",
            "1 – 4 pick an answer, Enter answers with the focused structure, "
            "Enter again: next question",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Window", "Ctrl E / Ctrl P"),
        QT_TRANSLATE_NOOP("Window", "client handout as PDF / print it"),
    ),
]


#: Short toolbar texts of the plate buttons (the menu shows the full titles); translated where
#: shown.
VIEW_BUTTONS: dict[str, str] = {
    "posterior": QT_TRANSLATE_NOOP("Window", "Posterior"),
    "posterior_deep": QT_TRANSLATE_NOOP("Window", "Deep"),
    "medial": QT_TRANSLATE_NOOP("Window", "Medial"),
    "lateral": QT_TRANSLATE_NOOP("Window", "Lateral"),
    "cross_section": QT_TRANSLATE_NOOP("Window", "Section"),
}
#: The titles of the plates (``resources.VIEWS``, which is Qt-free data), marked here so that
#: lupdate collects them for this module: :func:`view_title` translates a view's title.
_VIEW_TITLES = (
    QT_TRANSLATE_NOOP("Window", "Posterior, superficial"),
    QT_TRANSLATE_NOOP("Window", "Posterior, deep"),
    QT_TRANSLATE_NOOP("Window", "Medial"),
    QT_TRANSLATE_NOOP("Window", "Lateral"),
    QT_TRANSLATE_NOOP("Window", "Cross-section at mid-thigh"),
)


def view_title(title: str) -> str:
    """A plate's title (from ``resources.VIEWS``) in the interface's language."""
    return translate("Window", title)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def app_data_dir() -> Path:
    """The platform's folder for the user's notes, bookmarks, progress and pain drawings."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


def _part_of(image: QImage, x: int, y: int, width: int, height: int) -> QImage:
    """A part of a picture of the window, in the window's coordinates (a copy, at the
    picture's pixel ratio)."""
    from PySide6.QtCore import QRect

    ratio = image.devicePixelRatio()
    rect = QRect(round(x * ratio), round(y * ratio), round(width * ratio), round(height * ratio))
    part = image.copy(rect)
    part.setDevicePixelRatio(ratio)
    return part


def _keep_out_of_collections() -> None:
    """Leave the objects made so far out of the cyclic collector's later passes (Python's
    ``gc.freeze``). What the window has read and built by then (plates, pages, features) lives
    as long as it does and makes no garbage cycles; but a full pass walks all of it each time,
    and with the ten-times-detailed plates such passes (every few dozen clicks) took 50-150 ms
    inside a click. Reference counting still frees whatever of it is dropped."""
    import gc

    if gc.isenabled():
        gc.freeze()


class MainWindow(QMainWindow):
    """One window: plate on the left, panel on the right.

    Given the atlas, it is built in one go. At start-up the app builds it without one
    (``atlas=None``): the window then shows the start-up snapshot (see :mod:`.launch`), emits
    ``startPainted`` once that is on screen, and becomes the live window in :meth:`load`.
    """

    startPainted = Signal()
    #: the live plate is in the window (at start-up the panel follows a tick later)
    plateLive = Signal()
    #: the window is whole: plate, panel, menus and toolbar
    loaded = Signal()
    #: the user chose another language in Settings (its code); the app rebuilds the window
    languageChosen = Signal(str)

    atlas: Atlas
    state: AtlasState
    view: PlateView

    def __init__(
        self,
        atlas: Atlas | None,
        svg_bytes: bytes | Mapping[str, bytes] | None,
        settings: QSettings,
        parent: QWidget | None = None,
        userdata: UserData | None = None,
        *,
        features: bool | Literal["after_first_paint"] = True,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Hamstring Viewer")
        self.setObjectName("mainWindow")
        self.is_loaded = False
        self.load_failed = False  # set by the app when the content could not be loaded
        #: where the app loads the content from (None: the shipped data and plates)
        self.content_paths: tuple[Path | None, dict[str, Path] | None] = (None, None)
        self.started_from_snapshot = False
        self.actions_by_name: dict[str, QAction] = {}
        self.features: dict[str, object] = {}
        self._features_pending = False
        self._host: PlateHost | None = None
        self._menus: dict[str, QMenu] = {}
        self._menus_filled = False
        self._pending_shortcuts: list[tuple[QAction, str]] = []
        self._view_actions: list[QAction] = []
        self._warm_queue: list[str] = []
        self._userdata: UserData | None = None
        self._panel: InfoPanel | None = None
        #: where the panel will be, while it is still being built (see :meth:`load`)
        self._panel_picture: PicturePart | None = None
        self._restore_geometry()
        self._start: SnapshotWidget | None = None
        if atlas is None or svg_bytes is None:
            self._start = SnapshotWidget()
            self._start.firstPainted.connect(self.startPainted)
            self.setCentralWidget(self._start)
        else:
            self.load(atlas, svg_bytes, userdata, features=features)

    def show_start_snapshot(self, snapshot: Snapshot) -> None:
        """Show this picture until the window is loaded."""
        if self._start is not None:
            self.started_from_snapshot = True
            self._start.snapshot = snapshot
            self._start.update()

    def initial_view(self, atlas: Atlas) -> str:
        """The view the window opens with: the one saved in the settings, if the atlas has it."""
        saved = self.settings.value("view/current")
        return saved if isinstance(saved, str) and saved in atlas.plates else atlas.main_view

    def svg_of_first_view(self, atlas: Atlas) -> dict[str, bytes]:
        """The SVG text of the plate the window opens with (the others are read when shown)."""
        key = self.initial_view(atlas)
        plate = atlas.plates[key]
        return {key: plate.svg_data or Path(plate.source).read_bytes()}

    def load(
        self,
        atlas: Atlas,
        svg_bytes: bytes | Mapping[str, bytes],
        userdata: UserData | None = None,
        *,
        features: bool | Literal["after_first_paint"] = True,
    ) -> None:
        """Build the live plate, panel, menus and toolbar (once); clicks made on the start-up
        snapshot are then replayed on them.

        At start-up (the start-up picture shown, features after the first paint) the plate
        goes live first (``plateLive``) and the panel is built on the next tick, its part of
        the picture standing in meanwhile; ``loaded`` follows once it is there. (The panel,
        its text browser's classes and its first page cost the live plate some 7 ms.)"""
        if self.is_loaded:
            raise RuntimeError("the window is already loaded")
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter

        from .plate_view import PlateView
        from .state import AtlasState

        self.atlas = atlas
        self._userdata = userdata
        self.state = AtlasState(
            atlas.kb, self, views=list(atlas.plates), view=self.initial_view(atlas)
        )
        self.view = PlateView(atlas, self.state, svg_bytes)
        start = self._start.snapshot if self._start is not None else None
        # at start-up: where the panel was in the picture (its part stands in for it while it
        # is built)
        panel_rect = (
            start.extra.get("panel_rect")
            if start is not None and features == "after_first_paint" and self.isVisible()
            else None
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.view)
        if start is not None and isinstance(panel_rect, list) and len(panel_rect) == 4:
            x, y, width, height = (round(v) for v in panel_rect)
            self._panel_picture = PicturePart()
            self._panel_picture.picture = _part_of(start.image, x, y, width, height)
            self.splitter.addWidget(self._panel_picture)
        else:
            self.splitter.addWidget(self._make_panel())
        # a dock opened or closed beside the panel, or a wider window, takes or gives the
        # panel's width, never the plate's: the plate stays still under the pointer (the tall
        # plate is fitted to the height, so more width would only add margin beside it)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        clicks = self._start.clicks if self._start is not None else []
        snapshot = start
        if snapshot is not None and "plate" in snapshot.images:
            from PySide6.QtGui import QTransform

            matrix = snapshot.extra.get("plate_transform")
            if isinstance(matrix, list) and len(matrix) == 9:
                # the raster is read in place from the snapshot's mapped file (a copy would
                # cost ~2-3 ms): the view keeps the snapshot until it drops the raster
                self.view.use_raster(snapshot.images["plate"], QTransform(*matrix), snapshot)
                snapshot = None
        if self._start is not None:
            self._start.snapshot = None
            self._start = None
        self.setCentralWidget(self.splitter)  # deletes the start-up snapshot's widget
        self.statusBar().showMessage(
            translate("Window", "Point at the plate to name a structure; click to read about it.")
        )
        self._build_actions()
        if features != "after_first_paint":
            self._fill_menus()
        self.is_loaded = True
        self._features_pending = features == "after_first_paint"
        if features is True:
            self._install_features()
        self.state.hoverChanged.connect(self._on_hover_changed)
        self.state.selectionChanged.connect(self._on_selection_changed)
        self.state.historyChanged.connect(self._on_history_changed)
        self.state.overlaysChanged.connect(self._on_overlays_changed)
        self.state.layerChanged.connect(self._on_layer_changed)
        self.state.viewChanged.connect(self._on_view_changed)
        self._restore_state()
        self._on_history_changed()
        kb = atlas.kb
        self._warm_queue = [
            *(h.id for h in kb.hamstrings),
            *kb.trigger_points,
            *kb.zones,
            *(sid for sid, st in kb.structures.items() if not st.is_hamstring),
        ]
        self._warm_timer = QTimer(self)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._on_warm_tick)
        if self.isVisible():  # loaded after the start-up snapshot was shown
            from PySide6.QtCore import QEvent
            from PySide6.QtWidgets import QApplication

            self.view.painted.connect(self._on_first_paint, Qt.ConnectionType.SingleShotConnection)
            # live at once (Qt would show new children and lay them out on the next tick):
            # a click must not fall between the snapshot and the live widgets
            for widget in (self.menuBar(), self.toolbar, self.statusBar(), self.splitter):
                widget.show()
            if self.plate_toolbar is not None:
                self.plate_toolbar.show()
            QApplication.sendPostedEvents(self, QEvent.Type.LayoutRequest)
            # (and the splitter's: the plate and the panel at their widths now, as a session
            # that ends at once saves them)
            QApplication.sendPostedEvents(self.splitter, QEvent.Type.LayoutRequest)
            picture = self._panel_picture
            if picture is not None and any(self.childAt(p.toPoint()) is picture for p in clicks):
                self._finish_panel()  # (a click made on the panel's part of the picture)
            self._replay_clicks(clicks)
        if snapshot is not None:
            snapshot.release()  # (not kept by the plate: its part for the panel is a copy)
        self.plateLive.emit()
        if self._panel_picture is not None:
            QTimer.singleShot(0, self, self._finish_panel)
            return
        self.panel.show_selection()  # the welcome page, if nothing restored or clicked
        self.loaded.emit()

    @property
    def is_complete(self) -> bool:
        """Loaded, with the panel in its place (see :meth:`load`)."""
        return self.is_loaded and self._panel_picture is None

    @property
    def panel(self) -> InfoPanel:
        """The side panel (at start-up built a tick after the plate: asked for before, it is
        built at once)."""
        if self._panel is None:
            if not self.is_loaded:
                raise AttributeError("the window has no panel before it is loaded")
            self._finish_panel()
        assert self._panel is not None
        return self._panel

    def _make_panel(self) -> InfoPanel:
        from .panel import InfoPanel

        self._panel = InfoPanel(self.state, show_now=False, settings=self.settings)
        return self._panel

    def _finish_panel(self) -> None:
        """Put the panel where its part of the start-up picture stands (once), show the
        selection in it, replay the clicks made on the picture, and say the window is whole."""
        picture = self._panel_picture
        if picture is None:
            return
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        self._panel_picture = None
        clicks = [QPointF(picture.mapTo(self, p.toPoint())) for p in picture.clicks]
        panel = self._make_panel()
        sizes = self.splitter.sizes()
        self.splitter.replaceWidget(self.splitter.indexOf(picture), panel)
        self.splitter.setSizes(sizes)  # (the plate stays where it is)
        picture.deleteLater()
        panel.show()
        QApplication.sendPostedEvents(self.splitter, QEvent.Type.LayoutRequest)
        panel.show_selection()
        self._replay_clicks(clicks)
        self.loaded.emit()

    def come_forward(self) -> None:
        """Show the window and bring it to the front (a second start of the app asked)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    @property
    def host(self) -> PlateHost:
        """What the features get of the window (made when the first is installed)."""
        if self._host is None:
            from .host import PlateHost

            self._host = PlateHost(self)
        return self._host

    @property
    def userdata(self) -> UserData:
        """The user's notes, bookmarks, progress and drawings (opened when first needed: the
        features that use them are installed after the first paint)."""
        if self._userdata is None:
            from hamstring_viewer.userdata import UserData

            self._userdata = UserData.open(app_data_dir())
        return self._userdata

    def _replay_clicks(self, clicks: list[QPointF]) -> None:
        """Give the live widgets the clicks the user made on the start-up snapshot."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        for pos in clicks:
            target = self.childAt(pos.toPoint())
            if target is None:
                continue
            local = QPointF(target.mapFrom(self, pos.toPoint()))
            scene_global = QPointF(target.mapToGlobal(local.toPoint()))
            for kind, buttons in (
                (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
            ):
                event = QMouseEvent(
                    kind,
                    local,
                    scene_global,
                    Qt.MouseButton.LeftButton,
                    buttons,
                    Qt.KeyboardModifier.NoModifier,
                )
                QApplication.sendEvent(target, event)

    def _install_features(self) -> None:
        """The study and export features, each adding its own dock, menu entries and actions."""
        while self._install_next_feature():
            pass

    def _install_next_feature(self) -> bool:
        """Install the next feature not installed yet; False when there was none left. After
        the first paint a start installs one per idle tick (each takes 5-25 ms: a click in
        between is answered at once, not after all of them)."""
        import importlib

        modules = {  # (each imported when its turn comes)
            "search": "search_box",
            "notes": "notes_dock",
            "pain": "pain_dock",
            "quiz": "quiz_dock",
            "export": "export",
        }
        left = [name for name in modules if name not in self.features]
        if not left:
            self._features_pending = False
            return False
        module = importlib.import_module(f".{modules[left[0]]}", __package__)
        self.features[left[0]] = module.install(self.host)
        self._features_pending = len(left) > 1
        if not self._features_pending:
            self._report_read_only_data()
        return True

    def _report_read_only_data(self) -> None:
        """A data folder that cannot be written to is said at start, in a line of the status
        bar that stays (and on stderr), not found out at the first save or at quit."""
        data = self.userdata
        if not data.read_only:
            return
        from PySide6.QtWidgets import QLabel

        reason = next((p for p in data.problems if p.file == str(data.directory)), None)
        label = QLabel(
            "⚠ "
            + translate("Window", "Nothing you change is saved: {folder} is read-only").format(
                folder=data.directory
            )
        )
        label.setObjectName("readOnlyData")
        if reason is not None:
            label.setToolTip(reason.message)
            print(reason, file=sys.stderr)
        self.statusBar().addPermanentWidget(label)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A resized window keeps the plate's and the panel's shares of its width (the
        splitter itself gives every change of width to the panel, so that a dock opened or
        closed beside it leaves the plate where it is)."""
        sizes = self.splitter.sizes() if self.is_loaded else []
        super().resizeEvent(event)
        old = event.oldSize()
        if len(sizes) == 2 and sum(sizes) > 0 and old.isValid() and old.width() != self.width():
            share = sizes[0] / sum(sizes)
            QTimer.singleShot(0, self, lambda: self._keep_share(share))

    def _keep_share(self, share: float) -> None:
        total = sum(self.splitter.sizes())
        if total > 0:
            first = round(total * share)
            self.splitter.setSizes([first, total - first])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.is_loaded:
            from PySide6.QtCore import Qt

            self.view.painted.connect(self._on_first_paint, Qt.ConnectionType.SingleShotConnection)

    def _on_first_paint(self) -> None:
        """Idle-time work starts once the plate is on screen, never before the first paint."""
        if (
            self._warm_queue
            or self._features_pending
            or not self._menus_filled
            or not self.view.is_accessible()
        ) and not self._warm_timer.isActive():
            self._warm_timer.start()

    def install_features_now(self) -> None:
        """Fill the menus and install the study features if start-up left them for after the
        first paint."""
        self._fill_menus()
        if self._features_pending:
            self._install_features()

    def _on_warm_tick(self) -> None:
        """After the first paint: the study features first (their menus and docks), then the
        figures (read in two ticks), then one panel document per idle tick, so clicks later
        find them ready."""
        if not self._menus_filled:
            self._fill_menus()
            return
        if self._features_pending:
            self._install_next_feature()
            return
        if not self.view.is_accessible():
            self.view.make_accessible()
            return
        if self.panel.prepare_figures():
            return
        if not self._warm_queue:
            self._warm_timer.stop()
            _keep_out_of_collections()  # (the features, figures and pages made meanwhile)
            return
        self.panel.prepare([self._warm_queue.pop(0)])

    # actions -------------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        text: str,
        slot: object,
        shortcut: str | None = None,
        checkable: bool = False,
    ) -> QAction:
        """An action of the window. ``shortcut`` is a key sequence ("Ctrl+0") or the name of
        one of Qt's standard keys ("standard:ZoomIn"); it takes effect when the menus are
        filled (a start leaves Qt's key sequences for after its first answer)."""
        from PySide6.QtGui import QAction

        action = QAction(self)  # (QAction(text, parent) costs ~1 ms of QIcon enums at start-up)
        action.setText(text)
        action.setObjectName(name)
        if shortcut is not None:
            self._pending_shortcuts.append((action, shortcut))
            if self._menus_filled:
                self._apply_shortcuts()
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.actions_by_name[name] = action
        return action

    def _apply_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence

        for action, shortcut in self._pending_shortcuts:
            if shortcut.startswith("standard:"):
                standard = QKeySequence.StandardKey[shortcut.removeprefix("standard:")]
                action.setShortcut(QKeySequence(standard))
            else:
                action.setShortcut(QKeySequence(shortcut))
        self._pending_shortcuts.clear()

    def _build_actions(self) -> None:
        """The tool bars and their actions, and the menu bar's menus (still empty: see
        :meth:`_fill_menus`)."""
        from functools import partial

        from PySide6.QtCore import Qt
        from PySide6.QtGui import QActionGroup
        from PySide6.QtWidgets import QLineEdit, QToolBar

        from hamstring_viewer import resources

        from .state import LAYERS

        bar = self.menuBar()
        self._menus = {}
        # (the features find a menu by its object name, "fileMenu" ..., never by its text,
        # which is translated)
        for name, title in (
            ("file", translate("Window", "&File")),
            ("navigate", translate("Window", "&Navigate")),
            ("view", translate("Window", "&View")),
            ("pain", translate("Window", "&Referred pain")),
            ("help", translate("Window", "&Help")),
        ):
            menu = bar.addMenu(title)
            menu.setObjectName(f"{name}Menu")
            self._menus[name] = menu
        back = self._action("back", translate("Window", "&Back"), self.state.back, "standard:Back")
        forward = self._action(
            "forward", translate("Window", "&Forward"), self.state.forward, "standard:Forward"
        )
        zoom_in = self._action(
            "zoom_in",
            translate("Window", "Zoom &in"),
            partial(self.view.zoom_by, 1.25),
            "standard:ZoomIn",
        )
        zoom_out = self._action(
            "zoom_out",
            translate("Window", "Zoom &out"),
            partial(self.view.zoom_by, 0.8),
            "standard:ZoomOut",
        )
        fit = self._action("fit", translate("Window", "&Fit plate"), self.view.fit, "Ctrl+0")
        self.view_group = QActionGroup(self)
        self.view_group.setExclusive(True)
        self._view_actions = []
        for v in resources.views():
            if v.key not in self.atlas.plates:
                continue  # an atlas built for fewer plates (tests, a single plate)
            title = view_title(v.title)
            action = self._action(
                f"view_{v.key}",
                title,
                partial(self._on_view_action, v.key),
                v.shortcut,
                checkable=True,
            )
            button = VIEW_BUTTONS.get(v.key)
            action.setIconText(translate("Window", button) if button else title)
            action.setToolTip(f"{title} ({v.shortcut})")
            action.setChecked(v.key == self.state.view)
            self.view_group.addAction(action)
            self._view_actions.append(action)
        for key in self.atlas.plates:  # a plate that is not a registered view (a test's)
            if f"view_{key}" not in self.actions_by_name:
                action = self._action(
                    f"view_{key}", key, partial(self._on_view_action, key), checkable=True
                )
                action.setChecked(key == self.state.view)
                self.view_group.addAction(action)
                self._view_actions.append(action)
        layer_names = {
            "bones": translate("Window", "&Bones"),
            "neighbours": translate("Window", "&Neighbouring muscles"),
            "vessels": translate("Window", "&Vessels"),
            "nerves": translate("Window", "N&erves"),
            "labels": translate("Window", "&Labels"),
        }
        for name in LAYERS:
            action = self._action(
                f"layer_{name}",
                layer_names[name],
                partial(self.state.set_layer_visible, name),
                checkable=True,
            )
            action.setChecked(self.state.layer_visible(name))
        show_all = self._action(
            "overlays_all",
            translate("Window", "Show &all"),
            self.state.show_all_overlays,
            "Ctrl+Shift+A",
        )
        hide_all = self._action(
            "overlays_none",
            translate("Window", "Show &none"),
            self.state.hide_all_overlays,
            "Ctrl+Shift+N",
        )

        toolbar = QToolBar(translate("Window", "Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.addActions([back, forward])
        toolbar.addSeparator()
        toolbar.addActions([zoom_in, zoom_out, fit])
        toolbar.addSeparator()
        toolbar.addActions([show_all, hide_all])
        toolbar.addSeparator()
        for name in LAYERS:
            toolbar.addAction(self.actions_by_name[f"layer_{name}"])
        # as tall as the search field that joins the row after the first paint, so that the
        # plate does not move (nor the start-up snapshot mismatch) by a pixel when it does
        probe = QToolBar()
        probe.addWidget(QLineEdit())
        toolbar.setMinimumHeight(probe.sizeHint().height())
        probe.deleteLater()
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        # the plates in a column of their own beside the plate (the top row is full at a usual
        # window width, and the search field joins it after the first paint)
        self.plate_toolbar: QToolBar | None = None
        if len(self._view_actions) > 1:
            plates = QToolBar(translate("Window", "Plates"))
            plates.setObjectName("plateToolbar")
            plates.setOrientation(Qt.Orientation.Vertical)
            plates.addActions(self._view_actions)
            self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, plates)
            self.plate_toolbar = plates

    def _fill_menus(self) -> None:
        """The menus' entries, with the actions found only there. A start fills them on the
        first idle tick after the plate answers (a menu cannot open before); the keyboard
        shortcuts of those actions (quit, F6, F1) work from then on."""
        if self._menus_filled:
            return
        self._menus_filled = True
        from functools import partial

        from PySide6.QtWidgets import QMenu

        from .state import LAYERS

        kb = self.atlas.kb
        by_name = self.actions_by_name
        menus = self._menus
        menus["file"].addAction(
            self._action(
                "settings",
                translate("Window", "&Settings…"),
                self.show_settings,
                "standard:Preferences",
            )
        )
        menus["file"].addSeparator()
        menus["file"].addAction(
            self._action("quit", translate("Window", "&Quit"), self.close, "standard:Quit")
        )

        nav = menus["navigate"]
        clear = self._action(
            "clear", translate("Window", "&Clear selection"), partial(self.state.select, None)
        )
        plate = self._action(
            "focus_plate", translate("Window", "Focus &plate / panel"), self._toggle_focus, "F6"
        )
        nav.addActions([by_name["back"], by_name["forward"], clear, plate])
        hamstrings = nav.addMenu(translate("Window", "&Hamstrings"))
        for s in kb.hamstrings:
            hamstrings.addAction(
                self._action(f"go_{s.id}", s.name, partial(self.state.select, s.id))
            )

        view = menus["view"]
        view.addActions([by_name["zoom_in"], by_name["zoom_out"], by_name["fit"]])
        view.addSeparator()
        plates_menu = view.addMenu(translate("Window", "&Plate"))
        plates_menu.setObjectName("plateMenu")
        plates_menu.addActions(self._view_actions)
        view.addSeparator()
        view.addActions([by_name[f"layer_{name}"] for name in LAYERS])

        pain = menus["pain"]
        pain.addActions([by_name["overlays_all"], by_name["overlays_none"]])
        pain.addSeparator()
        per_muscle = QMenu(translate("Window", "By &muscle"), pain)
        for s in kb.hamstrings:
            per_muscle.addAction(
                self._action(
                    f"overlay_muscle_{s.id}",
                    s.name,
                    partial(self.state.set_muscle_overlay, s.id),
                    checkable=True,
                )
            )
        pain.addMenu(per_muscle)
        per_tp = QMenu(translate("Window", "By &trigger point"), pain)
        for tp in kb.trigger_points.values():
            per_tp.addAction(
                self._action(
                    f"overlay_{tp.id}",
                    tp.name,
                    partial(self.state.set_overlay, tp.id),
                    checkable=True,
                )
            )
        pain.addMenu(per_tp)
        self._on_overlays_changed(None)  # (their ticks: overlays restored before this)

        help_menu = menus["help"]
        help_menu.addAction(
            self._action(
                "shortcuts",
                translate("Window", "&Keyboard shortcuts"),
                self.show_shortcuts,
                "standard:HelpContents",
            )
        )
        help_menu.addAction(
            self._action("about", translate("Window", "&About Hamstring Viewer"), self.show_about)
        )
        self._apply_shortcuts()

    def _on_view_action(self, view_key: str, checked: bool) -> None:
        if checked:
            self.state.set_view(view_key)

    def _toggle_focus(self) -> None:
        if self.view.hasFocus():
            self.panel.browser.setFocus()
        else:
            self.view.setFocus()

    # dialogs -------------------------------------------------------------------------------
    def show_settings(self) -> None:
        """The Settings dialog; a new language is applied by the app (``languageChosen``)."""
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() and dialog.language_changed():
            self.languageChosen.emit(dialog.chosen_language())

    def shortcuts_html(self) -> str:
        rows = "".join(
            "<tr><td><b>"
            + translate("Window", k)
            + "</b></td><td>"
            + translate("Window", v)
            + "</td></tr>"
            for k, v in SHORTCUTS
        )
        return f"<table cellpadding='3'>{rows}</table>"

    def about_html(self) -> str:
        sources = "".join(
            f"<li>{s.title}{' — ' + s.publisher if s.publisher else ''}</li>"
            for s in self.atlas.kb.sources.values()
        )
        about = translate(
            "Window",
            "An offline atlas of the back of the thigh: the hamstrings, their neighbours, "
            "trigger points and referred pain. Content is written in our own words from the "
            "sources below and checked against established anatomy; every correction is "
            "recorded in the panel.",
        )
        warning = translate(
            "Window",
            "Not a diagnosis: see a professional for numbness, weakness, pain at night or "
            "after an injury.",
        )
        licence = translate(
            "Window",
            "Licence of the code: MIT (see LICENSE). The plates keep their own licence "
            "(CC BY-SA 2.1 Japan, above).",
        )
        return (
            f"<h3>Hamstring Viewer {__version__}</h3>"
            f"<p>{about}</p>"
            f"<p>{warning}</p>"
            "<p><b>" + translate("Window", "Sources") + f"</b></p><ul>{sources}</ul>"
            f"<p>{_escape(PLATES_CREDIT)}</p>"
            f"<p>{licence}</p>"
        )

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            self, translate("Window", "Keyboard shortcuts"), self.shortcuts_html()
        )

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, translate("Window", "About Hamstring Viewer"), self.about_html())

    # state -> window -----------------------------------------------------------------------
    def _on_hover_changed(self, record_id: object) -> None:
        from hamstring_viewer.describe import plain_name

        if isinstance(record_id, str):
            self.statusBar().showMessage(plain_name(self.atlas.kb, record_id))
        else:
            self.statusBar().clearMessage()

    def _on_selection_changed(self, record_id: object) -> None:
        from hamstring_viewer.describe import plain_name

        name = plain_name(self.atlas.kb, record_id) if isinstance(record_id, str) else ""
        self.setWindowTitle(f"{name} — Hamstring Viewer" if name else "Hamstring Viewer")
        self._say_if_not_shown()

    def _on_view_changed(self, view_key: str) -> None:
        # (the view's plate, read on its first showing, lives as long as the window)
        QTimer.singleShot(0, self, _keep_out_of_collections)
        action = self.actions_by_name.get(f"view_{view_key}")
        if action is not None:
            # not blocked: the exclusive group unchecks the previous view's action through the
            # action's signals (and this action's slot finds the state already on this view)
            action.setChecked(True)
        self._say_if_not_shown()

    def not_shown_message(self) -> str:
        """What the status bar says when the selection is not drawn on the plate now shown
        ("" when it is, or when it is drawn on no plate at all)."""
        from hamstring_viewer import resources
        from hamstring_viewer.describe import plain_name

        rid = self.state.selection
        if rid is None or self.view.shows(rid):
            return ""
        elsewhere = self.atlas.views_of(rid)
        if not elsewhere:
            return ""
        titles = {v.key: view_title(v.title) for v in resources.views()}
        shown_in = "; ".join(titles.get(key, key) for key in elsewhere)
        return translate("Window", "{name} is not shown in this view (shown in: {views}).").format(
            name=plain_name(self.atlas.kb, rid), views=shown_in
        )

    def _say_if_not_shown(self) -> None:
        message = self.not_shown_message()
        if message:
            self.statusBar().showMessage(message, 10000)

    def _on_history_changed(self) -> None:
        self.actions_by_name["back"].setEnabled(self.state.can_go_back())
        self.actions_by_name["forward"].setEnabled(self.state.can_go_forward())

    def _on_overlays_changed(self, _overlays: object) -> None:
        if not self._menus_filled:
            return  # (the menus are filled after the first answer, with the ticks then)
        for tp_id in self.atlas.kb.trigger_points:
            action = self.actions_by_name[f"overlay_{tp_id}"]
            with QSignalBlocker(action):
                action.setChecked(tp_id in self.state.pinned)
        for s in self.atlas.kb.hamstrings:
            action = self.actions_by_name[f"overlay_muscle_{s.id}"]
            with QSignalBlocker(action):
                action.setChecked(self.state.muscle_overlay_shown(s.id))

    def _on_layer_changed(self, name: str, visible: bool) -> None:
        action = self.actions_by_name[f"layer_{name}"]
        with QSignalBlocker(action):
            action.setChecked(visible)

    # settings ------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            self.resize(self._sane_size(self.size()))
        size = s.value("window/size")
        if isinstance(size, QSize) and size.isValid():
            # restoreGeometry is a no-op on some platforms (offscreen); a saved size is kept
            # within the screen (a damaged 60000x60000 would ask for a 14 GB window picture)
            self.resize(self._sane_size(size))
        elif not isinstance(geometry, QByteArray):
            self.resize(1400, 900)

    @staticmethod
    def _sane_size(size: QSize) -> QSize:
        """``size`` clamped to 480x360 at least and to the screen (at least 1920x1200) at most."""
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1920, 1200)
        width = min(max(size.width(), 480), max(room.width(), 1920))
        height = min(max(size.height(), 360), max(room.height(), 1200))
        return QSize(width, height)

    def _restore_state(self) -> None:
        from .state import LAYERS

        s = self.settings
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            width = max(self.width(), 800)  # the tall plate needs little more than half
            self.splitter.setSizes([round(width * 0.55), width - round(width * 0.55)])
        for name in LAYERS:
            value = s.value(f"layers/{name}")
            if value is not None:
                self.state.set_layer_visible(name, str(value).lower() in ("true", "1"))
        overlays = s.value("overlays/trigger_points")
        if overlays:
            items = overlays if isinstance(overlays, list) else str(overlays).split(",")
            self.state.set_overlays(str(i) for i in items if i)
        selection = s.value("selection/record")
        if isinstance(selection, str) and selection:
            self.state.select(selection)

    def save_settings(self) -> None:
        if not self.is_loaded:
            return  # closed before it was loaded: nothing was shown that could have changed
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/size", self.size())
        # the widths as shown (a splitter not yet resized by hand saves the widths it was
        # last given, which the layout may have narrowed since)
        self.splitter.setSizes(self.splitter.sizes())
        s.setValue("window/splitter", self.splitter.saveState())
        for name, visible in self.state.layers.items():
            s.setValue(f"layers/{name}", visible)
        # only what the user pinned comes back: the zones of a selected trigger point follow it
        s.setValue("overlays/trigger_points", ",".join(sorted(self.state.pinned)))
        s.setValue("selection/record", self.state.selection or "")
        s.setValue("view/current", self.state.view)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
