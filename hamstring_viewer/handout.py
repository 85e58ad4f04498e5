"""A client handout for a structure or a trigger point, as HTML. Qt-free.

The handout reuses the knowledge base's own wording: where the pain is felt (referral zones,
or a trigger point's own location and pain), the steps of the self-massage techniques and
stretches aimed at it, and the warning lines of the techniques and look-alikes. The text is
built under a :class:`Budget` (how many techniques, stretches, warnings ... to include, how
long the zone texts are). :func:`body_html` is the whole text in one flow; the printed page
(``_qt/export.py``) lays out its parts (:func:`intro_html`, :func:`record_html` with
:func:`care_html` per record, :func:`warnings_html`) with the figures, keeping every record the
therapist chose (:func:`choose`) and the client fields (:class:`ClientFields`), and states which
leg the plate shows (:func:`laterality_line`).

The HTML keeps to what Qt's rich text understands (``h1``–``h3``, ``p``, ``ol``, ``ul``, ``b``,
``i``) and carries no styles: the page sets fonts and spacing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from hamstring_viewer.describe import kind_label
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, language, translate
from hamstring_viewer.records import (
    KnowledgeBase,
    LookAlikeCause,
    Stretch,
    Structure,
    Technique,
    TriggerPoint,
)

#: Section titles, in page order (the English texts: :func:`section_title` gives them in the
#: language of the interface).
WHERE_TO_FIND = QT_TRANSLATE_NOOP("Handout", "Where to find it")
WHERE_IT_HURTS = QT_TRANSLATE_NOOP("Handout", "Where it hurts")
WHAT_BRINGS_IT_ON = QT_TRANSLATE_NOOP("Handout", "What brings it on")
WORTH_KNOWING = QT_TRANSLATE_NOOP("Handout", "Worth knowing")
SELF_MASSAGE = QT_TRANSLATE_NOOP("Handout", "How to self-massage")
STRETCH = QT_TRANSLATE_NOOP("Handout", "How to stretch")
PROFESSIONAL = QT_TRANSLATE_NOOP("Handout", "When to stop and see a professional")
FROM_YOUR_THERAPIST = QT_TRANSLATE_NOOP("Handout", "From your therapist")


def section_title(title: str) -> str:
    """A section title (one of the constants above) in the language of the interface."""
    return translate("Handout", title)


#: Advice lines that are a precaution while you work (shown under "Take care").
_CARE_PREFIXES = (
    "keep off",
    "stay off",
    "never",
    "do not",
    "avoid",
    "skip",
    "aim for",
    "pressure should",
    "keep the pressure",
)
#: Advice lines that say when to stop or get help (shown under the professional section).
_STOP_PREFIXES = ("stop", "move the ball at once")
_SEE_PREFIXES = ("see a",)
_WORDS = re.compile(r"[a-z]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Budget:
    """How much of the knowledge base one page takes (0 = none; ``steps`` 0 = every step).

    ``zone_text``: 2 = the zones' whole descriptions, 1 = their first sentence, 0 = the names of
    the regions they cover. ``summary``: open with the structure's one-paragraph summary.
    """

    techniques: int = 2
    stretches: int = 1
    steps: int = 0
    care: int = 3
    warnings: int = 4
    provoked: int = 3
    zone_text: int = 2
    summary: bool = True
    font_pt: float = 9.5


def _budgets() -> tuple[Budget, ...]:
    roomy = Budget(techniques=2, stretches=2, care=4, warnings=5, provoked=4)
    one = Budget(techniques=1, stretches=1, care=2, warnings=3, provoked=3)
    short = Budget(techniques=1, stretches=1, care=1, warnings=2, provoked=2, zone_text=1)
    return (
        roomy,
        Budget(),
        Budget(font_pt=9.0),
        Budget(zone_text=1, font_pt=9.0),
        replace(one, font_pt=9.0),
        replace(one, zone_text=1, font_pt=9.0),
        replace(one, zone_text=1, font_pt=8.5),
        replace(short, font_pt=8.5),
        replace(short, summary=False, font_pt=8.5),
        replace(short, summary=False, provoked=0, zone_text=0, font_pt=8.5),
        replace(short, summary=False, provoked=0, zone_text=0, steps=5, font_pt=8.5),
        replace(short, summary=False, provoked=0, zone_text=0, steps=4, font_pt=8.0),
    )


#: From the roomiest to the tightest; the page takes the first one whose text fits.
BUDGETS: tuple[Budget, ...] = _budgets()


@dataclass(frozen=True, slots=True)
class Handout:
    """What a handout shows: its title and, for the plate, what to highlight.

    ``highlight`` and ``marks`` are plate element ids (the structure's regions; the ✕ marks of
    its trigger points); ``zones`` are referral zone record ids, essential ones first.
    """

    record_id: str
    title: str
    latin: str
    subtitle: str
    summary: str
    highlight: tuple[str, ...]
    marks: tuple[str, ...]
    zones: tuple[str, ...]
    trigger_point: TriggerPoint | None
    muscle: Structure | None
    techniques: tuple[Technique, ...]
    stretches: tuple[Stretch, ...]
    lookalikes: tuple[LookAlikeCause, ...]
    #: the therapist's own note on the structure, printed on the handout when asked for
    note: str = ""
    #: each advice line of its techniques and stretches -> "care", "stop", "see" or "" (what
    #: kind of line it is, read from its English wording in whatever language it is shown)
    advice_kinds: Mapping[str, str] = field(default_factory=dict)
    #: the client's name, the date, the therapist and a free note (blank: lines to write on)
    fields: ClientFields = field(default_factory=lambda: ClientFields())


@dataclass(frozen=True, slots=True)
class ClientFields:
    """What the therapist fills in on a handout; an empty field prints as a line to write on."""

    client: str = ""
    date: str = ""
    therapist: str = ""
    note: str = ""


#: The labels of the client fields, in page order (the English texts, also the fields' keys:
#: :func:`field_label` gives them in the language of the interface).
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("Handout", "Client"),
    QT_TRANSLATE_NOOP("Handout", "Date"),
    QT_TRANSLATE_NOOP("Handout", "Therapist"),
    QT_TRANSLATE_NOOP("Handout", "Note"),
)


def field_label(label: str) -> str:
    """A client field's label (one of :data:`FIELD_LABELS`) in the language of the interface."""
    return translate("Handout", label)


def field_values(fields: ClientFields) -> tuple[tuple[str, str], ...]:
    """(label, value) of each client field, in page order."""
    return tuple(
        zip(FIELD_LABELS, (fields.client, fields.date, fields.therapist, fields.note), strict=True)
    )


#: Which way a plate looks at the leg, by the first word of its (English) view title.
_DIRECTIONS = {
    "posterior": QT_TRANSLATE_NOOP("Handout", "seen from behind"),
    "anterior": QT_TRANSLATE_NOOP("Handout", "seen from the front"),
    "medial": QT_TRANSLATE_NOOP("Handout", "seen from the inner side"),
    "lateral": QT_TRANSLATE_NOOP("Handout", "seen from the outer side"),
    "cross-section": QT_TRANSLATE_NOOP("Handout", "cut across"),
}
#: The layers a view title names after its comma.
_LAYERS = {
    "deep": QT_TRANSLATE_NOOP("Handout", "deep layer"),
    "superficial": QT_TRANSLATE_NOOP("Handout", "superficial layer"),
}


def _lower_first(text: str) -> str:
    """``text`` with a small first letter, where the language writes it so (English does inside
    a sentence; German keeps the capital of a noun)."""
    if language() != SOURCE_LANGUAGE:
        return text
    return text[:1].lower() + text[1:]


def laterality_line(view_title: str, side: str = "Right") -> str:
    """The line that says which leg the plate shows and from where, from the view's (English)
    title: "Posterior, deep" -> "Right leg, seen from behind (deep layer)"."""
    first, _, rest = view_title.partition(",")
    key = first.strip().lower().split(" ")[0]
    if key in _DIRECTIONS:
        direction = translate("Handout", _DIRECTIONS[key])
    else:
        direction = translate("Handout", "{name} view").format(name=first.strip().lower())
    if key == "cross-section":
        direction = translate("Handout", "{view}, seen from below").format(
            view=_lower_first(view_title.strip())
        )
    elif rest.strip():
        layer = rest.strip()
        if layer in _LAYERS:
            layer_text = translate("Handout", _LAYERS[layer])
        else:
            layer_text = translate("Handout", "{layer} layer").format(layer=layer)
        direction = translate("Handout", "{direction} ({layer})").format(
            direction=direction, layer=layer_text
        )
    if side == "Right":
        return translate("Handout", "Right leg, {direction}").format(direction=direction)
    if side == "Left":
        return translate("Handout", "Left leg, {direction}").format(direction=direction)
    return translate("Handout", "{side} leg, {direction}").format(side=side, direction=direction)


def choose(
    h: Handout, techniques: Iterable[str] | None = None, stretches: Iterable[str] | None = None
) -> Handout:
    """The handout with only the chosen techniques and stretches (None: all of them), in the
    handout's own order."""
    keep_t = None if techniques is None else set(techniques)
    keep_s = None if stretches is None else set(stretches)
    return replace(
        h,
        techniques=tuple(t for t in h.techniques if keep_t is None or t.id in keep_t),
        stretches=tuple(s for s in h.stretches if keep_s is None or s.id in keep_s),
    )


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def _starts(text: str, prefixes: Sequence[str]) -> bool:
    return text.strip().lower().startswith(tuple(prefixes))


def _same(a: str, b: str) -> bool:
    """Two lines say much the same (most of the shorter line's words are in the longer)."""
    wa, wb = set(_WORDS.findall(a.lower())), set(_WORDS.findall(b.lower()))
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(small) and len(small & large) >= 0.7 * len(small)


def _distinct(lines: Iterable[str], limit: int, taken: Sequence[str] = ()) -> list[str]:
    out: list[str] = []
    for line in lines:
        if len(out) >= limit:
            break
        if line.strip() and not any(_same(line, o) for o in [*taken, *out]):
            out.append(line.strip())
    return out


# --------------------------------------------------------------------------------------------
# What a handout is about


def _members(kb: KnowledgeBase, structure: Structure) -> tuple[str, ...]:
    return _unique([structure.id, *structure.members])


def _groups_of(kb: KnowledgeBase, structure_id: str) -> list[str]:
    return [s.id for s in kb.structures.values() if structure_id in s.members]


def _zones_of(kb: KnowledgeBase, tps: Iterable[TriggerPoint]) -> tuple[str, ...]:
    ids = _unique(z for tp in tps for z in tp.zones if z in kb.zones)
    order = {"essential": 0, "spillover": 1}
    return tuple(sorted(ids, key=lambda z: order.get(kb.zones[z].kind, 2)))


def _targeting(kb: KnowledgeBase, ids: Iterable[str], table: str) -> list[str]:
    wanted = set(ids)
    records = kb.techniques if table == "technique" else kb.stretches
    return [r.id for r in records.values() if wanted & set(r.targets)]


def _self_massage(kb: KnowledgeBase, ids: Iterable[str]) -> tuple[Technique, ...]:
    out = []
    for record_id in _unique(ids):
        record = kb.techniques.get(record_id)
        if record is not None and record.kind == "self_massage":
            out.append(record)
    return tuple(out)


def _stretches(kb: KnowledgeBase, ids: Iterable[str]) -> tuple[Stretch, ...]:
    return tuple(kb.stretches[i] for i in _unique(ids) if i in kb.stretches)


def _lookalikes(
    kb: KnowledgeBase, structure_ids: Iterable[str], advice_ids: Iterable[str] = ()
) -> tuple[LookAlikeCause, ...]:
    """The general warning signs first, then the warning signs that concern the handout's
    trigger point, techniques or stretches (``advice_ids``), then the look-alikes that name one
    of the structures or concern that advice."""
    wanted = set(structure_ids)
    advice = set(advice_ids)
    flags = [c for c in kb.lookalikes.values() if c.kind == "red_flags"]
    signs = [c for c in kb.lookalikes.values() if c.kind == "warning" and advice & set(c.concerns)]
    named = [
        c
        for c in kb.lookalikes.values()
        if c.kind == "lookalike" and (wanted & set(c.structures) or advice & set(c.concerns))
    ]
    return (*flags, *signs, *named)


def handout_for(kb: KnowledgeBase, record_id: str | None) -> Handout | None:
    """The handout of a structure or a trigger point; None for anything else (or None)."""
    record = kb.get(record_id) if record_id else None
    if isinstance(record, TriggerPoint):
        h = _trigger_point_handout(kb, record)
    elif isinstance(record, Structure):
        h = _structure_handout(kb, record)
    else:
        return None
    return replace(h, advice_kinds=advice_kinds(kb, [*h.techniques, *h.stretches]))


def _kind_of_english(line: str) -> str:
    for kind, prefixes in (
        ("care", _CARE_PREFIXES),
        ("stop", _STOP_PREFIXES),
        ("see", _SEE_PREFIXES),
    ):
        if _starts(line, prefixes):
            return kind
    return ""


def advice_kinds(kb: KnowledgeBase, records: Iterable[Technique | Stretch]) -> dict[str, str]:
    """Each advice line of the records (as shown, in the knowledge base's language) -> its kind
    ("care": a precaution while you work; "stop": when to stop; "see": see a professional; ""),
    decided from the line's English wording."""
    english = kb.translations.get("en", {}) if kb.language != "en" else {}
    out: dict[str, str] = {}
    for record in records:
        originals = english.get(record.id, {})
        for i, line in enumerate(record.advice):
            out[line.strip()] = _kind_of_english(originals.get(f"advice[{i}]", line))
    return out


def _is_kind(line: str, kind: str, kinds: Mapping[str, str] | None) -> bool:
    if kinds is not None and line.strip() in kinds:
        return kinds[line.strip()] == kind
    return _kind_of_english(line) == kind


def _structure_handout(kb: KnowledgeBase, s: Structure) -> Handout:
    members = _members(kb, s)
    member_records = [kb.structures[m] for m in members if m in kb.structures]
    tp_ids = _unique(
        [
            *(t for m in member_records for t in m.trigger_points),
            *(tp.id for tp in kb.trigger_points.values() if tp.muscle in members),
        ]
    )
    tps = [kb.trigger_points[t] for t in tp_ids if t in kb.trigger_points]
    technique_ids = [t for m in member_records for t in m.self_massage]
    stretch_ids = [t for m in member_records for t in m.stretches]
    if tps and not technique_ids:
        technique_ids = _targeting(kb, members, "technique")
    if tps and not stretch_ids:
        stretch_ids = _targeting(kb, members, "stretch")
    related = [*members, *(g for m in members for g in _groups_of(kb, m))]
    techniques = _self_massage(kb, technique_ids)
    stretches = _stretches(kb, stretch_ids)
    advice = [*tp_ids, *(r.id for r in techniques), *(r.id for r in stretches)]
    return Handout(
        record_id=s.id,
        title=s.name or s.id,
        latin=s.latin,
        subtitle=kind_label(s.kind),
        summary=s.summary,
        highlight=_unique(r for m in member_records for r in m.svg_ids),
        marks=tuple(tp.svg_id for tp in tps),
        zones=_zones_of(kb, tps),
        trigger_point=None,
        muscle=s,
        techniques=techniques,
        stretches=stretches,
        lookalikes=_lookalikes(kb, related, advice),
    )


def _trigger_point_handout(kb: KnowledgeBase, tp: TriggerPoint) -> Handout:
    muscle = kb.structures.get(tp.muscle)
    muscle_name = muscle.name if muscle is not None else tp.muscle
    if tp.depth == "superficial":
        kind = translate("Handout", "Superficial trigger point")
    elif tp.depth == "deep":
        kind = translate("Handout", "Deep trigger point")
    elif tp.depth:
        kind = translate("Handout", "{depth} trigger point").format(depth=tp.depth.capitalize())
    else:
        kind = translate("Handout", "Trigger point")
    technique_ids = list(tp.self_help)
    stretch_ids = list(tp.self_help)
    if muscle is not None:
        technique_ids += muscle.self_massage
        stretch_ids += muscle.stretches
    related = [tp.muscle, *_groups_of(kb, tp.muscle)]
    techniques = _self_massage(kb, technique_ids)
    stretches = _stretches(kb, stretch_ids)
    advice = [tp.id, *(r.id for r in techniques), *(r.id for r in stretches)]
    return Handout(
        record_id=tp.id,
        title=tp.name or tp.id,
        latin=muscle.latin if muscle is not None else "",
        subtitle=translate("Handout", "{kind} of the {muscle}").format(
            kind=kind, muscle=_lower_first(muscle_name)
        ),
        summary="",
        highlight=muscle.svg_ids if muscle is not None else (),
        marks=(tp.svg_id,),
        zones=_zones_of(kb, [tp]),
        trigger_point=tp,
        muscle=muscle,
        techniques=techniques,
        stretches=stretches,
        lookalikes=_lookalikes(kb, related, advice),
    )


# --------------------------------------------------------------------------------------------
# HTML


def _section(title: str, body: str) -> str:
    """A section (``title``: one of the section title constants) or '' when it has no body."""
    return f"<h2>{_e(section_title(title))}</h2>{body}" if body else ""


def _ol(items: Iterable[str]) -> str:
    got = [f"<li>{_e(i)}</li>" for i in items if i.strip()]
    return f"<ol>{''.join(got)}</ol>" if got else ""


def _ul(items: Iterable[str]) -> str:
    got = [f"<li>{_e(i)}</li>" for i in items if i.strip()]
    return f"<ul>{''.join(got)}</ul>" if got else ""


def _steps(steps: Sequence[str], budget: Budget) -> str:
    if budget.steps and len(steps) > budget.steps:
        return _ol(steps[: budget.steps])
    return _ol(steps)


def _care(lines: Sequence[str]) -> str:
    if not lines:
        return ""
    return "<p><b>" + _e(translate("Handout", "Take care:")) + f"</b></p>{_ul(lines)}"


def header_html(h: Handout) -> str:
    """The title (plain English name), the Latin name and what kind of thing it is."""
    second = [f"<i>{_e(h.latin)}</i>" if h.latin else "", _e(h.subtitle)]
    line = " · ".join(b for b in second if b)
    return f"<h1>{_e(h.title)}</h1>" + (f"<p>{line}</p>" if line else "")


def _where_it_hurts(kb: KnowledgeBase, h: Handout, budget: Budget) -> str:
    parts = []
    if h.trigger_point is not None and h.trigger_point.pain.text:
        parts.append(f"<p>{_e(h.trigger_point.pain.text)}</p>")
    labels = {
        "essential": translate("Handout", "Main area (solid colour on the picture)"),
        "spillover": translate("Handout", "It can spread to (dotted on the picture)"),
    }
    # the same, said of one of several zones of its kind (whose zone: the name before its colon)
    owned = {
        "essential": translate("Handout", "{whose}, main area (solid colour on the picture)"),
        "spillover": translate("Handout", "{whose}, it can spread to (dotted on the picture)"),
    }
    kinds = [kb.zones[z].kind for z in h.zones]
    for zone_id in h.zones:
        zone = kb.zones[zone_id]
        label = labels.get(zone.kind, translate("Handout", "Also"))
        if kinds.count(zone.kind) > 1:  # say whose zone it is (the name before its colon)
            whose = zone.name.split(":")[0].strip()
            label = owned.get(zone.kind, translate("Handout", "{whose}, also")).format(whose=whose)
        if budget.zone_text >= 2 and h.trigger_point is None:
            text = zone.description.text
        elif budget.zone_text:
            text = _first_sentence(zone.description.text)
        else:
            if h.trigger_point is not None:
                continue  # its own pain text says it already
            text = ", ".join(zone.regions)
        parts.append(f"<p><b>{_e(label)}:</b> {_e(text)}</p>")
    return "".join(parts)


def _advice(records: Iterable[Technique | Stretch]) -> list[str]:
    return [line for r in records for line in r.advice]


def body_html(kb: KnowledgeBase, h: Handout, budget: Budget = Budget()) -> str:
    """The handout's sections under ``budget``; sections with nothing to say are left out."""
    techniques = h.techniques[: budget.techniques]
    stretches = h.stretches[: budget.stretches]
    sections = [intro_html(kb, h, budget)]
    sections.append(_section(SELF_MASSAGE, "".join(record_html(t, budget) for t in techniques)))
    if techniques:
        sections[-1] += care_html(techniques, budget.care, kinds=h.advice_kinds)
    sections.append(_section(STRETCH, "".join(record_html(s, budget) for s in stretches)))
    if stretches:
        sections[-1] += care_html(stretches, min(2, budget.care), kinds=h.advice_kinds)
    sections.append(warnings_html(h, budget))
    return "".join(s for s in sections if s)


def record_html(record: Technique | Stretch, budget: Budget = Budget()) -> str:
    """A technique's or stretch's name and its steps."""
    return f"<h3>{_e(record.name)}</h3>{_steps(record.steps, budget)}"


def care_lines(
    records: Sequence[Technique | Stretch],
    limit: int,
    taken: Sequence[str] = (),
    kinds: Mapping[str, str] | None = None,
) -> list[str]:
    """The "Take care" lines of the records, near-duplicates (and lines much like ``taken``)
    dropped; ``kinds``: the handout's :attr:`Handout.advice_kinds` (needed in German)."""
    lines = (a for a in _advice(records) if _is_kind(a, "care", kinds))
    return _distinct(lines, limit, taken)


def care_html(
    records: Sequence[Technique | Stretch],
    limit: int,
    taken: Sequence[str] = (),
    kinds: Mapping[str, str] | None = None,
) -> str:
    """The "Take care" lines of the records (near-duplicates dropped); '' when none."""
    return _care(care_lines(records, limit, taken, kinds))


def warnings_html(h: Handout, budget: Budget = Budget()) -> str:
    """The section on when to stop and see a professional."""
    return _section(PROFESSIONAL, _ul(warnings(h, budget.warnings)))


def section_html(title: str, continued: bool = False) -> str:
    """A section's heading alone (the page puts the section's records under it); ``title`` is
    one of the section title constants. ``continued``: the heading on a following page."""
    text = section_title(title)
    if continued:
        text = translate("Handout", "{section} (continued)").format(section=text)
    return f"<h2>{_e(text)}</h2>"


def intro_html(kb: KnowledgeBase, h: Handout, budget: Budget = Budget()) -> str:
    """The sections before the self-care: where to find it, the therapist's note, where it
    hurts, what brings it on (or, for a structure without referred pain, what else can hurt)."""
    tp = h.trigger_point
    sections: list[str] = []
    if tp is not None and tp.location.text:
        sections.append(_section(WHERE_TO_FIND, f"<p>{_e(tp.location.text)}</p>"))
    elif h.summary and budget.summary:
        sections.append(f"<p>{_e(h.summary)}</p>")
    if h.note.strip():
        paragraphs = [p.strip() for p in h.note.strip().split("\n\n") if p.strip()]
        note = "".join(f"<p>{_e(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs)
        sections.append(_section(FROM_YOUR_THERAPIST, note))
    sections.append(_section(WHERE_IT_HURTS, _where_it_hurts(kb, h, budget)))
    if tp is not None and budget.provoked:
        provoked = [f.text for f in tp.provoked_by[: budget.provoked]]
        sections.append(_section(WHAT_BRINGS_IT_ON, _ul(provoked)))

    if not h.zones:  # no referred pain of its own: what else can hurt around it
        others = [c.text.text for c in h.lookalikes if c.kind == "lookalike" and c.text.text]
        texts = "".join(f"<p>{_e(t)}</p>" for t in others[: budget.warnings])
        sections.append(_section(WORTH_KNOWING, texts))
    return "".join(s for s in sections if s)


def warnings(h: Handout, limit: int = 5) -> list[str]:
    """When to stop and when to see a professional: the stop signs of the handout's first
    technique and stretch, the general warning signs, then the warnings of the look-alikes that
    name the structure (near-duplicates are dropped)."""
    shown: list[Technique | Stretch] = [*h.techniques[:1], *h.stretches[:1]]
    stops = [a for a in _advice(shown) if _is_kind(a, "stop", h.advice_kinds)]
    looks = [
        f"{c.ask}: {c.warning.text}" if c.ask else c.warning.text
        for c in h.lookalikes
        if c.warning.text
    ]
    if not looks:  # the techniques' own "see a doctor" lines, when no look-alike says it
        looks = [a for a in _advice(shown) if _is_kind(a, "see", h.advice_kinds)]
    first = _distinct(stops, 1)
    return first + _distinct(looks, max(0, limit - len(first)), first)


def handout_html(kb: KnowledgeBase, record_id: str, budget: Budget = Budget()) -> str:
    """Header and sections of the handout of a structure or trigger point ('' for others)."""
    h = handout_for(kb, record_id)
    if h is None:
        return ""
    return header_html(h) + body_html(kb, h, budget)


__all__ = [
    "BUDGETS",
    "FIELD_LABELS",
    "PROFESSIONAL",
    "SELF_MASSAGE",
    "STRETCH",
    "WHAT_BRINGS_IT_ON",
    "WHERE_IT_HURTS",
    "WHERE_TO_FIND",
    "WORTH_KNOWING",
    "Budget",
    "ClientFields",
    "Handout",
    "body_html",
    "care_html",
    "care_lines",
    "choose",
    "field_label",
    "field_values",
    "handout_for",
    "handout_html",
    "header_html",
    "intro_html",
    "laterality_line",
    "record_html",
    "section_html",
    "section_title",
    "warnings",
    "warnings_html",
]
