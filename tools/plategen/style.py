"""The plates' palette: a calm atlas style (muscle red-brown with lighter bellies, tendon ivory,
bone cream, nerve yellow, artery red, vein blue)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Look:
    """Fill gradient (edge, centre), outline and fibre colours of one kind of tissue."""

    edge: str
    centre: str
    stroke: str
    stroke_width: float
    fibre: str | None = None
    fibre_opacity: float = 0.0


LOOKS: dict[str, Look] = {
    "muscle": Look("#a2463c", "#d9806f", "#6b2720", 1.3, "#6e2a22", 0.30),
    "muscle_deep": Look("#8c3b32", "#c46d5e", "#5a211b", 1.3, "#5a1f19", 0.32),
    "tendon": Look("#d2c9ad", "#f4f0e3", "#968d71", 1.1, "#ffffff", 0.55),
    "bone": Look("#e2d3b0", "#f6efdd", "#a8977a", 1.2),
    "landmark": Look("#dcc89b", "#ecdfbe", "#97835c", 1.1),
    "artery": Look("#a5281e", "#e0594a", "#6e150e", 0.9),
    "vein": Look("#2f5996", "#6f98d4", "#1d3866", 0.9),
    "nerve": Look("#d3a52c", "#f8dc7a", "#9c7715", 1.0),
    "skin": Look("#ecd6c3", "#f8ebdf", "#c9a58d", 1.4),
    "fat": Look("#f2dc9a", "#f8e9bd", "#d2b56a", 0.8),
}

#: (fill, outline) of each family of referral zones (Travell & Simons: essential zone solid,
#: spillover stippled): the hamstrings' reds, the neighbours' slate blue
ZONE_COLOURS = {
    "medial": ("#c62828", "#8e1b1b"),
    "biceps": ("#b0183a", "#7d0f28"),
    "neighbour": ("#3d5f86", "#243d5c"),
}
PAPER = "#fbf8f2"
