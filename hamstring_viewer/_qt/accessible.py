"""The plate for screen readers: each structure and trigger point an accessible child of it.

Qt sees a :class:`~hamstring_viewer._qt.plate_view.PlateView` as one widget. The accessibility
factory the plate view installs (this module is imported when a screen reader first asks) gives
it an interface
whose children are the structures and trigger points the plate shows, in the plate's keyboard
order: each with its name, the role of a graphic, a description ("Semitendinosus trigger point;
refers pain to the lower buttock, gluteal fold, ..."), its place on the screen, and its state
(focusable; focused when the plate's keyboard focus is on it; selected when it is the one read
about). When the plate's focus moves, :func:`announce_focus` tells the screen reader, which
reads the new child.

Children are made once per record and kept (a screen reader may hold on to one across a change of
plate; it then reports the structure as not shown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, language, translate
from hamstring_viewer.records import Structure, TriggerPoint

if TYPE_CHECKING:
    from .plate_view import PlateView

#: How a kind of structure is named to a screen reader (translated when said).
_KIND_WORDS = {
    "hamstring": QT_TRANSLATE_NOOP("Accessible", "hamstring muscle"),
    "muscle": QT_TRANSLATE_NOOP("Accessible", "muscle"),
    "muscle_group": QT_TRANSLATE_NOOP("Accessible", "muscle group"),
    "bone": QT_TRANSLATE_NOOP("Accessible", "bone"),
    "landmark": QT_TRANSLATE_NOOP("Accessible", "bony landmark"),
    "nerve": QT_TRANSLATE_NOOP("Accessible", "nerve"),
    "artery": QT_TRANSLATE_NOOP("Accessible", "artery"),
    "vein": QT_TRANSLATE_NOOP("Accessible", "vein"),
    "tendon": QT_TRANSLATE_NOOP("Accessible", "tendon"),
}
#: How deep a trigger point lies (the data's ``depth``), as said.
_DEPTH_WORDS = {
    "superficial": QT_TRANSLATE_NOOP("Accessible", "superficial"),
    "deep": QT_TRANSLATE_NOOP("Accessible", "deep"),
}


def describe_for_reader(view: PlateView, record_id: str) -> str:
    """What a screen reader says after the name: a trigger point's pain, a structure's kind
    and summary."""
    kb = view.atlas.kb
    record = kb.get(record_id)
    if isinstance(record, TriggerPoint):
        regions: list[str] = []
        for zone_id in record.zones:
            zone = kb.zones.get(zone_id)
            for region in zone.regions if zone is not None else ():
                if region not in regions:
                    regions.append(region)
        muscle = kb.structures.get(record.muscle)
        depth_words = _DEPTH_WORDS.get(record.depth)
        depth = translate("Accessible", depth_words) if depth_words else record.depth
        if muscle is not None:
            # English says a muscle's name in lower case inside a sentence; German nouns keep
            # their capital
            name = muscle.name
            if language() == SOURCE_LANGUAGE:
                name = f"{name[:1].lower()}{name[1:]}"
            said = translate("Accessible", "{name}, {depth} in the {muscle}").format(
                name=record.name, depth=depth, muscle=name
            )
        else:
            said = translate("Accessible", "{name}, {depth}").format(name=record.name, depth=depth)
        if regions:
            pain = translate("Accessible", "refers pain to the {regions}").format(
                regions=", ".join(regions)
            )
            said = f"{said}; {pain}"
        return said
    if isinstance(record, Structure):
        words = _KIND_WORDS.get(record.kind)
        kind = translate("Accessible", words) if words else record.kind.replace("_", " ")
        summary = record.summary.split(". ")[0].rstrip(".") if record.summary else ""
        return f"{kind}: {summary}" if summary else kind
    return ""


class StructureAccessible(QAccessibleInterface):
    """One structure or trigger point of the plate, as a screen reader meets it."""

    def __init__(self, plate: PlateAccessible, record_id: str) -> None:
        super().__init__()
        self._plate = plate
        self.record_id = record_id

    # the tree
    def isValid(self) -> bool:
        return True

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def parent(self) -> QAccessibleInterface:
        return self._plate

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    # what it says
    def text(self, kind: QAccessible.Text) -> str:
        view = self._plate.view()
        if view is None:
            return ""
        if kind == QAccessible.Text.Name:
            record = view.atlas.kb.get(self.record_id)
            return str(getattr(record, "name", self.record_id))
        if kind == QAccessible.Text.Description:
            return describe_for_reader(view, self.record_id)
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        pass

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Graphic

    def rect(self) -> QRect:
        view = self._plate.view()
        if view is None:
            return QRect()
        box = view.record_box(self.record_id)
        if box is None:
            return QRect()
        top_left = view.viewport().mapToGlobal(box.topLeft())
        return QRect(top_left, box.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        view = self._plate.view()
        state.focusable = True
        state.selectable = True
        if view is None or not view.shows(self.record_id):
            state.invisible = True
            return state
        state.focused = view.hasFocus() and view.focused_record() == self.record_id
        state.selected = view.state.selection == self.record_id
        return state


class PlateAccessible(QAccessibleWidget):
    """The plate widget, with the structures it shows as children."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.Graphic)
        self._children: dict[str, StructureAccessible] = {}

    def view(self) -> PlateView | None:
        from .plate_view import PlateView

        widget = self.widget()
        return widget if isinstance(widget, PlateView) else None

    def _order(self) -> list[str]:
        view = self.view()
        return list(view.navigation_order()) if view is not None else []

    def child_for(self, record_id: str) -> StructureAccessible:
        found = self._children.get(record_id)
        if found is None:
            found = self._children[record_id] = StructureAccessible(self, record_id)
        return found

    def childCount(self) -> int:
        return len(self._order())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        order = self._order()
        return self.child_for(order[index]) if 0 <= index < len(order) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if isinstance(child, StructureAccessible):
            order = self._order()
            return order.index(child.record_id) if child.record_id in order else -1
        return -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        view = self.view()
        record_id = view.focused_record() if view is not None else None
        return self.child_for(record_id) if record_id is not None else None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        view = self.view()
        if view is None:
            return None
        record_id = view.record_at_view(view.viewport().mapFromGlobal(QPoint(x, y)))
        return self.child_for(record_id) if record_id is not None else None


_made: list[PlateAccessible] = []  # Python keeps the interfaces it made alive


def plate_interface(widget: QWidget) -> PlateAccessible:
    """A plate's accessible interface (what the factory the plate view installs returns)."""
    made = PlateAccessible(widget)
    _made.append(made)
    return made


def announce_focus(view: PlateView, record_id: str) -> None:
    """Tell a screen reader that the plate's focus moved to a structure."""
    if not QAccessible.isActive():
        return
    plate = QAccessible.queryAccessibleInterface(view)
    if not isinstance(plate, PlateAccessible):
        return
    child = plate.child_for(record_id)
    QAccessible.updateAccessibility(QAccessibleEvent(child, QAccessible.Event.Focus))


__all__ = [
    "PlateAccessible",
    "StructureAccessible",
    "announce_focus",
    "describe_for_reader",
    "plate_interface",
]
