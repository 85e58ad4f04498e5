"""Typed, immutable records of the knowledge base (see ``docs/data_format.md``).

Every record has an ``id`` unique across the knowledge base. Records that appear on the plate
name their SVG element ids (``svg_ids`` / ``svg_id``): the ids are the only binding between the
art and the data.
"""

import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import field
from typing import Any, Literal

from hamstring_viewer.fastrecord import record

StructureKind = Literal[
    "hamstring", "muscle_group", "muscle", "bone", "landmark", "nerve", "vessel"
]
STRUCTURE_KINDS: tuple[str, ...] = (
    "hamstring",
    "muscle_group",
    "muscle",
    "bone",
    "landmark",
    "nerve",
    "vessel",
)


@record
class Fact:
    """A claim in our own words, with the sources it comes from.

    ``sites`` names landmark structures (attachment sites); ``topic`` groups free facts.
    """

    text: str
    sources: tuple[str, ...]
    sites: tuple[str, ...] = ()
    topic: str = ""


@record
class Correction:
    """Where a source page is wrong, what the record says instead, and why."""

    field: str
    source: str
    page_said: str
    correct: str
    why: str
    references: tuple[str, ...] = ()
    #: words that state the corrected claim: no other fact may use them without saying the
    #: claim is wrong (checked by ``check``, so that a corrected claim cannot come back)
    claim_terms: tuple[str, ...] = ()


@record
class Connection:
    """A muscle functionally or clinically connected to this one."""

    structure: str
    text: str
    sources: tuple[str, ...]


@record
class Innervation:
    """The nerve that supplies a muscle, the division it runs in and its spinal roots."""

    nerve: str
    division: str
    roots: tuple[str, ...]
    sources: tuple[str, ...]


@record
class Actions:
    """What a muscle does at the hip, at the knee and in rotation of the bent knee."""

    hip: Fact
    knee: Fact
    knee_rotation: Fact
    other: tuple[Fact, ...] = ()


@record
class Structure:
    """A muscle, muscle group, bone, landmark, nerve or blood vessel. Binds to the plates by
    ``svg_ids`` (each id on at least one plate)."""

    id: str
    kind: str
    name: str
    latin: str
    summary: str
    svg_ids: tuple[str, ...]
    sources: tuple[str, ...]
    origin: Fact | None = None
    insertion: Fact | None = None
    relation: Fact | None = None
    facts: tuple[Fact, ...] = ()
    corrections: tuple[Correction, ...] = ()
    see_also: tuple[str, ...] = ()
    innervation: Innervation | None = None
    actions: Actions | None = None
    trigger_points: tuple[str, ...] = ()
    referral: Fact | None = None
    symptoms: tuple[Fact, ...] = ()
    causes_activating: tuple[Fact, ...] = ()
    causes_perpetuating: tuple[Fact, ...] = ()
    palpation: tuple[str, ...] = ()
    self_massage: tuple[str, ...] = ()
    stretches: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    treatments: tuple[str, ...] = ()
    differential: tuple[Fact, ...] = ()
    connections: tuple[Connection, ...] = ()
    members: tuple[str, ...] = ()
    roots: tuple[str, ...] = ()
    branches: tuple[str, ...] = ()
    #: the arteries that supply the structure (a muscle's or group's blood supply)
    blood_supply: Fact | None = None

    @property
    def is_hamstring(self) -> bool:
        return self.kind == "hamstring"


@record
class TriggerPoint:
    """A trigger point, drawn as an X. Binds to the plate by ``svg_id``."""

    id: str
    name: str
    muscle: str
    svg_id: str
    depth: str
    location: Fact
    zones: tuple[str, ...]
    pain: Fact
    provoked_by: tuple[Fact, ...]
    self_help: tuple[str, ...]
    sources: tuple[str, ...]
    corrections: tuple[Correction, ...] = ()


@record
class ReferralZone:
    """An essential or spillover zone of referred pain. Binds to the plate by ``svg_id``."""

    id: str
    name: str
    kind: str
    svg_id: str
    muscles: tuple[str, ...]
    regions: tuple[str, ...]
    description: Fact
    sources: tuple[str, ...]
    corrections: tuple[Correction, ...] = ()


@record
class Exercise:
    """A strengthening exercise: its steps, breathing, advice and variations."""

    id: str
    name: str
    kind: str
    targets: tuple[str, ...]
    equipment: str
    steps: tuple[str, ...]
    breathing: tuple[str, ...]
    advice: tuple[str, ...]
    variations: tuple[str, ...]
    sources: tuple[str, ...]
    corrections: tuple[Correction, ...] = ()


@record
class Stretch:
    """A stretch of one or more muscles, step by step."""

    id: str
    name: str
    targets: tuple[str, ...]
    steps: tuple[str, ...]
    advice: tuple[str, ...]
    sources: tuple[str, ...]
    corrections: tuple[Correction, ...] = ()


@record
class Technique:
    """A self-massage or professional treatment technique."""

    id: str
    name: str
    kind: str
    targets: tuple[str, ...]
    tools: tuple[str, ...]
    steps: tuple[str, ...]
    advice: tuple[str, ...]
    sources: tuple[str, ...]
    corrections: tuple[Correction, ...] = ()


@record
class PalpationGuide:
    """How to find and feel a muscle: the position, then the steps."""

    id: str
    name: str
    targets: tuple[str, ...]
    position: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    corrections: tuple[Correction, ...] = ()


@record
class GlossaryTerm:
    """A term of the glossary, in English and Latin, with its definition."""

    id: str
    english: str
    latin: str
    definition: str
    related: tuple[str, ...]
    sources: tuple[str, ...]


@record
class Source:
    """A seed page or an established reference."""

    id: str
    title: str
    kind: str
    publisher: str = ""
    author: str = ""
    year: int | None = None
    url: str = ""
    seed_file: str = ""
    note: str = ""


@record
class LookAlikeTrigger:
    """When a look-alike deserves a thought: the pain drawing touches the plate ``regions`` (any
    of them) and/or the ``band_cm`` of heights above the floor (both, if both are given), and the
    whole drawing spans at least ``min_span_cm`` from top to bottom. ``reason`` says so in words.
    """

    reason: str
    regions: tuple[str, ...] = ()
    band_cm: tuple[float, float] | None = None
    min_span_cm: float = 0.0


@record
class LookAlikeCause:
    """Another cause of pain at the back of the thigh that can look like hamstring trigger-point
    pain (``kind`` "lookalike"), the general advice to see a professional (``kind`` "red_flags",
    shown with every pain drawing), or a warning sign (``kind`` "warning": the user ticks
    ``ask`` in the pain finder, and the warning comes before everything else). Not on the plate
    itself; its triggers name plate ids in ``regions``.

    ``urgency`` (warnings): "emergency", "now" or "soon". ``stops_massage``: while the entry is
    shown, the finder holds back its massage and pressure advice. ``concerns``: the techniques,
    stretches and trigger points whose pages, and handouts, repeat the warning.
    """

    id: str
    name: str
    kind: str
    text: Fact
    warning: Fact
    structures: tuple[str, ...]
    when: tuple[LookAlikeTrigger, ...]
    sources: tuple[str, ...]
    ask: str = ""
    urgency: str = ""
    stops_massage: bool = False
    concerns: tuple[str, ...] = ()


Record = (
    Structure
    | TriggerPoint
    | ReferralZone
    | Exercise
    | Stretch
    | Technique
    | PalpationGuide
    | GlossaryTerm
    | Source
)


@record
class KnowledgeBase:
    """All records, by kind and id."""

    structures: dict[str, Structure] = field(default_factory=dict)
    trigger_points: dict[str, TriggerPoint] = field(default_factory=dict)
    zones: dict[str, ReferralZone] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    stretches: dict[str, Stretch] = field(default_factory=dict)
    techniques: dict[str, Technique] = field(default_factory=dict)
    palpation: dict[str, PalpationGuide] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    #: read by the pain finder; not one of :meth:`tables` (the panel does not show them as pages)
    lookalikes: dict[str, LookAlikeCause] = field(default_factory=dict)
    #: the language the records' texts are in
    language: str = "en"
    #: the texts of the other languages: language -> record id -> where in the record (a path
    #: such as ``name``, ``origin.text``, ``steps[2]``) -> the text (see :meth:`localized`)
    translations: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def localized(self, language: str) -> "KnowledgeBase":
        """The same records with the texts of ``language`` where the content has them (the
        others stay as they are); itself if it is in that language already. The result holds
        the replaced texts under its own language, so ``kb.localized("de").localized("en")``
        gives back this knowledge base's texts."""
        if language == self.language:
            return self
        table = self.translations.get(language, {})
        back: dict[str, dict[str, str]] = {}
        tables: dict[str, dict[str, Any]] = {
            name: dict(getattr(self, name)) for name in (*_TABLE_NAMES, "lookalikes")
        }
        for records in tables.values():
            for record_id, item in records.items():
                paths = table.get(record_id)
                if not paths:
                    continue
                before: dict[str, str] = {}
                for path, text in paths.items():
                    try:
                        steps = _path_steps(path)
                        old = _value_at(item, steps)
                        if not isinstance(old, str):
                            continue
                        item = _with_value(item, steps, text)
                    except (AttributeError, IndexError, TypeError, ValueError):
                        continue  # (a path the records do not have: that text is left out)
                    before[path] = old
                records[record_id] = item
                if before:
                    back[record_id] = before
        translations = {k: v for k, v in self.translations.items() if k != language}
        translations[self.language] = back
        return KnowledgeBase(**tables, language=language, translations=translations)

    def tables(self) -> Iterator[Mapping[str, Record]]:
        yield self.structures
        yield self.trigger_points
        yield self.zones
        yield self.exercises
        yield self.stretches
        yield self.techniques
        yield self.palpation
        yield self.glossary
        yield self.sources

    def get(self, record_id: str) -> Record | None:
        """The record with this id, of whatever kind, or None."""
        for table in self.tables():
            if record_id in table:
                return table[record_id]
        return None

    def svg_bindings(self) -> dict[str, str]:
        """Map each plate element id to the id of the record that binds it."""
        out: dict[str, str] = {}
        for s in self.structures.values():
            for svg_id in s.svg_ids:
                out.setdefault(svg_id, s.id)
        for tp in self.trigger_points.values():
            out.setdefault(tp.svg_id, tp.id)
        for z in self.zones.values():
            out.setdefault(z.svg_id, z.id)
        return out

    @property
    def hamstrings(self) -> list[Structure]:
        return [s for s in self.structures.values() if s.is_hamstring]


_TABLE_NAMES = (
    "structures",
    "trigger_points",
    "zones",
    "exercises",
    "stretches",
    "techniques",
    "palpation",
    "glossary",
    "sources",
)
_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?$")


def _path_steps(path: str) -> list[tuple[str, int | None]]:
    """``actions.other[1].text`` -> [("actions", None), ("other", 1), ("text", None)]."""
    out: list[tuple[str, int | None]] = []
    for part in path.split("."):
        match = _STEP.match(part)
        if match is None:
            raise ValueError(f"not a path: {path}")
        out.append((match.group(1), int(match.group(2)) if match.group(2) else None))
    return out


def _value_at(item: object, steps: list[tuple[str, int | None]]) -> object:
    for name, index in steps:
        item = getattr(item, name)
        if index is not None:
            if not isinstance(item, tuple):
                raise TypeError("not a list")
            item = item[index]
    return item


def _with_value(item: Any, steps: list[tuple[str, int | None]], value: str) -> Any:
    (name, index), rest = steps[0], steps[1:]
    current = getattr(item, name)
    if index is None:
        new = _with_value(current, rest, value) if rest else value
    else:
        if not isinstance(current, tuple):
            raise TypeError("not a list")
        items = list(current)
        items[index] = _with_value(items[index], rest, value) if rest else value
        new = tuple(items)
    return dataclasses.replace(item, **{name: new})
