"""What a feature gets instead of the main window: the state and the plate now shown.

A feature (pain finder, quiz, search, notes, export) is installed on a :class:`PlateHost`. It
reads the atlas and the :class:`~.state.AtlasState`, the plate now shown (``view``, ``plate``,
``view_key``) and follows ``viewChanged``; for its own widgets it gets the window only as a
plain ``QMainWindow`` (``window``: docks, menus, tool bars, dialog parent) and a few services
(``register_action``, ``show_message``, ``userdata``, ``settings``, ``panel``). The window's
own attributes are not part of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from hamstring_viewer.atlas import Atlas
    from hamstring_viewer.geometry import Plate
    from hamstring_viewer.userdata import UserData

    from .panel import InfoPanel
    from .plate_view import PlateView
    from .state import AtlasState
    from .window import MainWindow


class PlateHost(QObject):
    """The narrow interface between the main window and its features.

    ``viewChanged`` is emitted with the view key once the plate view shows the new plate
    (its scene, zones and labels are those of the new plate by then).
    """

    viewChanged = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._main = window
        self.atlas: Atlas = window.atlas
        self.state: AtlasState = window.state
        self.settings: QSettings = window.settings
        self.window: QMainWindow = window
        window.view.plateChanged.connect(self.viewChanged)

    # the plate now shown -------------------------------------------------------------------
    @property
    def view(self) -> PlateView:
        """The plate view (one widget; its content follows the current view)."""
        return self._main.view

    @property
    def plate(self) -> Plate:
        """The plate now shown."""
        return self._main.view.plate

    @property
    def view_key(self) -> str:
        """The key of the view now shown."""
        return self._main.view.view_key

    # services ------------------------------------------------------------------------------
    @property
    def panel(self) -> InfoPanel:
        return self._main.panel

    @property
    def userdata(self) -> UserData:
        """The user's notes, bookmarks, progress and drawings (opened on first use)."""
        return self._main.userdata

    def register_action(self, name: str, action: QAction) -> QAction:
        """Make an action findable by name (tests, the start-up replay) and return it."""
        action.setObjectName(name)
        self._main.actions_by_name[name] = action
        return action

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        """Say something in the window's status bar."""
        self._main.statusBar().showMessage(text, timeout_ms)

    def clear_message(self) -> None:
        self._main.statusBar().clearMessage()


__all__ = ["PlateHost"]
