"""The viewer's state as a widget-free QObject: the view (plate) shown, selection, hover,
overlays, layers, history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Signal

from hamstring_viewer.records import KnowledgeBase

#: Layer toggles the user has, with their default visibility.
LAYERS: dict[str, bool] = {
    "bones": True,
    "neighbours": True,
    "vessels": True,
    "nerves": True,
    "labels": True,
}


class AtlasState(QObject):
    """What is selected, hovered and shown. Setters emit only on a real change.

    ``views`` are the keys of the plates the atlas has; ``view`` is shown first (default: the
    first of ``views``). A view switch keeps the selection, overlays and layers.
    """

    viewChanged = Signal(str)  # view key
    selectionChanged = Signal(object)  # record id or None
    hoverChanged = Signal(object)  # record id or None
    overlaysChanged = Signal(object)  # frozenset of trigger point ids (pinned and followed)
    layerChanged = Signal(str, bool)
    historyChanged = Signal()

    def __init__(
        self,
        kb: KnowledgeBase,
        parent: QObject | None = None,
        views: Sequence[str] = ("posterior",),
        view: str | None = None,
    ) -> None:
        super().__init__(parent)
        if not views:
            raise ValueError("the state needs at least one view")
        self.kb = kb
        self._views = tuple(views)
        self._view = view if view in self._views else self._views[0]
        self._selection: str | None = None
        self._hover: str | None = None
        self._pinned: frozenset[str] = frozenset()
        self._followed: str | None = None  # the trigger point selected: its zones follow it
        self._layers = dict(LAYERS)
        self._back: list[str | None] = []
        self._forward: list[str | None] = []

    # view ----------------------------------------------------------------------------------
    @property
    def view(self) -> str:
        """The key of the view (plate) shown."""
        return self._view

    @property
    def views(self) -> tuple[str, ...]:
        return self._views

    def set_view(self, view_key: str) -> None:
        """Show another plate; raises KeyError listing the known views."""
        if view_key not in self._views:
            raise KeyError(f"no view '{view_key}'; known views: {', '.join(self._views)}")
        if view_key != self._view:
            self._view = view_key
            self.viewChanged.emit(view_key)

    # selection and history -----------------------------------------------------------------
    @property
    def selection(self) -> str | None:
        return self._selection

    def select(self, record_id: str | None) -> None:
        """Select a record (or clear with None); selecting a trigger point shows its zones."""
        if record_id is not None and self.kb.get(record_id) is None:
            record_id = None
        if record_id == self._selection:
            return
        self._back.append(self._selection)
        self._forward.clear()
        self._set_selection(record_id)
        self.historyChanged.emit()

    def _set_selection(self, record_id: str | None) -> None:
        """Selecting a trigger point shows its zones, and only those besides the pinned ones:
        selecting another replaces them, clearing the selection (or choosing anything else)
        takes them away."""
        self._selection = record_id
        followed = record_id if record_id in self.kb.trigger_points else None
        if followed != self._followed:
            before = self.overlays
            self._followed = followed
            if self.overlays != before:
                self.overlaysChanged.emit(self.overlays)
        self.selectionChanged.emit(record_id)

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> None:
        if not self._back:
            return
        self._forward.append(self._selection)
        self._set_selection(self._back.pop())
        self.historyChanged.emit()

    def forward(self) -> None:
        if not self._forward:
            return
        self._back.append(self._selection)
        self._set_selection(self._forward.pop())
        self.historyChanged.emit()

    # hover ---------------------------------------------------------------------------------
    @property
    def hover(self) -> str | None:
        return self._hover

    def set_hover(self, record_id: str | None) -> None:
        if record_id != self._hover:
            self._hover = record_id
            self.hoverChanged.emit(record_id)

    # referred-pain overlays ----------------------------------------------------------------
    @property
    def overlays(self) -> frozenset[str]:
        """The trigger points whose zones are drawn: the pinned ones and the one selected."""
        if self._followed is None:
            return self._pinned
        return self._pinned | {self._followed}

    @property
    def pinned(self) -> frozenset[str]:
        """The trigger points whose zones the user turned on (menu, toolbar, panel): they stay
        until turned off, and only they are restored at the next start."""
        return self._pinned

    def set_overlays(self, trigger_points: Iterable[str]) -> None:
        """Pin exactly these trigger points' zones."""
        wanted = frozenset(t for t in trigger_points if t in self.kb.trigger_points)
        if wanted != self._pinned:
            before = self.overlays
            self._pinned = wanted
            if self.overlays != before:
                self.overlaysChanged.emit(self.overlays)

    def set_overlay(self, trigger_point: str, shown: bool) -> None:
        """Pin (or unpin) one trigger point's zones; unpinning the selected one hides them."""
        if shown:
            self.set_overlays(self._pinned | {trigger_point})
            return
        before = self.overlays
        if trigger_point == self._followed:
            self._followed = None
        self._pinned = self._pinned - {trigger_point}
        if self.overlays != before:
            self.overlaysChanged.emit(self.overlays)

    def trigger_points_of(self, muscle_id: str) -> frozenset[str]:
        """Trigger points of a muscle (or of every member of a group)."""
        members = {muscle_id}
        structure = self.kb.structures.get(muscle_id)
        if structure is not None:
            members.update(structure.members)
        return frozenset(t.id for t in self.kb.trigger_points.values() if t.muscle in members)

    def set_muscle_overlay(self, muscle_id: str, shown: bool) -> None:
        """Pin (or unpin) the zones of every trigger point of a muscle (or group)."""
        ids = self.trigger_points_of(muscle_id)
        if shown:
            self.set_overlays(self._pinned | ids)
            return
        before = self.overlays
        if self._followed in ids:
            self._followed = None
        self._pinned = self._pinned - ids
        if self.overlays != before:
            self.overlaysChanged.emit(self.overlays)

    def muscle_overlay_shown(self, muscle_id: str) -> bool:
        """Whether the zones of all the muscle's trigger points are pinned."""
        ids = self.trigger_points_of(muscle_id)
        return bool(ids) and ids <= self._pinned

    def show_all_overlays(self) -> None:
        self.set_overlays(self.kb.trigger_points)

    def hide_all_overlays(self) -> None:
        """Unpin every zone and hide the selected trigger point's too."""
        before = self.overlays
        self._followed = None
        self._pinned = frozenset()
        if self.overlays != before:
            self.overlaysChanged.emit(self.overlays)

    # layers --------------------------------------------------------------------------------
    def layer_visible(self, name: str) -> bool:
        return self._layers[name]

    def set_layer_visible(self, name: str, visible: bool) -> None:
        if name not in self._layers:
            raise KeyError(f"no layer '{name}'; known: {', '.join(self._layers)}")
        if self._layers[name] != visible:
            self._layers[name] = visible
            self.layerChanged.emit(name, visible)

    @property
    def layers(self) -> dict[str, bool]:
        return dict(self._layers)
