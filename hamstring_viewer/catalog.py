"""Load the knowledge base from ``data/`` and check it against the plate.

Qt-free. Every problem is collected (not only the first) and named by file, record, field and,
where TOML allows, line. :func:`load_atlas` is the one call the app makes.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

from hamstring_viewer.atlas import (
    Atlas,
    PlatePaths,
    cached_content_key,
    content_key,
    load_atlas_cached,
    plate_files,
)
from hamstring_viewer.geometry import Plate, Point, label_anchor, load_plate
from hamstring_viewer.problems import ContentError, Problem
from hamstring_viewer.records import (
    STRUCTURE_KINDS,
    Actions,
    Connection,
    Correction,
    Exercise,
    Fact,
    GlossaryTerm,
    Innervation,
    KnowledgeBase,
    LookAlikeCause,
    LookAlikeTrigger,
    PalpationGuide,
    Record,
    ReferralZone,
    Source,
    Stretch,
    Structure,
    Technique,
    TriggerPoint,
)
from hamstring_viewer.safefile import digest, read_regular_file, write_atomic

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
#: a content file larger than this is not read (the largest shipped one is ~60 KB)
_MAX_TOML_BYTES = 8 * 1024 * 1024
T = TypeVar("T")

#: file name -> TOML table name holding ``[table.<id>]`` records
TABLE_FILES: dict[str, str] = {
    "sources.toml": "source",
    "trigger_points.toml": "trigger_point",
    "referral_zones.toml": "zone",
    "exercises.toml": "exercise",
    "stretches.toml": "stretch",
    "techniques.toml": "technique",
    "palpation.toml": "palpation",
    "glossary.toml": "term",
    "lookalikes.toml": "lookalike",
}
STRUCTURES_DIR = "structures"
#: the languages the content is written in besides English: a text's translation is kept beside
#: it, under its key with ``_<code>`` added (``name_de``; see docs/data_format.md)
OTHER_LANGUAGES: tuple[str, ...] = ("de",)
LANGUAGE_NAMES = {"de": "German"}
#: per kind of record, the texts every language must have: names, the key facts, self-care,
#: the glossary and the warning signs (``[]`` stands for every item of a list)
TRANSLATED: dict[str, frozenset[str]] = {
    "structure": frozenset(
        {
            "name",
            "summary",
            "origin.text",
            "insertion.text",
            "relation.text",
            "blood_supply.text",
            "referral.text",
            "actions.hip.text",
            "actions.knee.text",
            "actions.knee_rotation.text",
            "innervation.division",
        }
    ),
    "trigger_point": frozenset({"name", "location.text", "pain.text", "provoked_by[].text"}),
    "zone": frozenset({"name", "regions", "description.text"}),
    "exercise": frozenset({"name", "equipment", "steps", "breathing", "advice", "variations"}),
    "stretch": frozenset({"name", "steps", "advice"}),
    "technique": frozenset({"name", "tools", "steps", "advice"}),
    "palpation": frozenset({"name", "position", "steps"}),
    "term": frozenset({"english", "definition"}),
    "lookalike": frozenset({"name", "text.text", "warning.text", "ask", "when[].reason"}),
    "source": frozenset(),
}
_INDEX = re.compile(r"\[\d+\]")

#: Fields every hamstring record must fill (besides the common ones).
HAMSTRING_FIELDS: tuple[str, ...] = (
    "origin",
    "insertion",
    "innervation",
    "actions",
    "trigger_points",
    "referral",
    "symptoms",
    "causes_activating",
    "causes_perpetuating",
    "palpation",
    "self_massage",
    "stretches",
    "exercises",
    "treatments",
    "differential",
    "connections",
)


# --------------------------------------------------------------------------------------------
# Locating lines in TOML text


#: a record's header line: ``[table.id]`` (the id may be quoted)
_HEADER = re.compile(r'^\s*\[\s*([\w-]+)\s*\.\s*"?([^"\]\s]*)"?\s*\]\s*(#.*)?$')


class _Lines:
    """Finds the line of a record or field in TOML text (tomllib keeps no positions)."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._headers: dict[tuple[str, str], int] | None = None

    def record(self, table: str | None, record_id: str) -> int | None:
        if table is None:
            return 1
        if self._headers is None:  # every [table.id] header's line, found in one pass
            self._headers = {}
            for number, line in enumerate(self._lines, start=1):
                match = _HEADER.match(line)
                if match is not None:
                    self._headers.setdefault((match.group(1), match.group(2)), number)
        return self._headers.get((table, record_id))

    def field(self, table: str | None, record_id: str, name: str) -> int | None:
        start = self.record(table, record_id) or 1
        key = re.compile(rf"^\s*(\[\[?\s*)?([\w.\"]*\.)?{re.escape(name)}\b\s*(=|\]|\.)")
        header = re.compile(r"^\s*\[")
        for number in range(start, len(self._lines) + 1):
            line = self._lines[number - 1]
            if number > start and table is not None and header.match(line):
                prefix = f"{table}.{record_id}"
                if prefix not in line.replace(" ", "").replace('"', ""):
                    break
            if key.match(line):
                return number
        return self.record(table, record_id)


# --------------------------------------------------------------------------------------------
# Reading one record


class _Reader:
    """Reads typed fields from one record's table, collecting problems instead of raising."""

    def __init__(
        self,
        file: str,
        table: str | None,
        record_id: str,
        data: Mapping[str, Any],
        lines: _Lines,
        problems: list[Problem],
    ) -> None:
        self.file = file
        self.table = table
        self.record_id = record_id
        self.data = data
        self.lines = lines
        self.problems = problems
        self.used: set[str] = {"id"}
        #: language -> path in the record (``origin.text``, ``steps[2]``) -> its text
        self.translated: dict[str, dict[str, str]] = {lang: {} for lang in OTHER_LANGUAGES}
        #: (language, path, key) of each text read that has no translation
        self.untranslated: list[tuple[str, str, str]] = []

    def problem(self, name: str, message: str) -> None:
        self.problems.append(
            Problem(
                self.file,
                message,
                record=self.record_id,
                field=name,
                line=self.lines.field(self.table, self.record_id, name.split("[")[0].split(".")[0]),
            )
        )

    def _get(self, name: str, required: bool) -> Any:
        self.used.add(name)
        if name not in self.data:
            if required:
                self.problem(name, "required field is missing")
            return None
        return self.data[name]

    def text(
        self, name: str, required: bool = True, translated: bool | Mapping[str, str] = False
    ) -> str:
        """A text field; with ``translated``, its translations are read from
        ``<name>_<language>`` beside it (or from other keys, by language)."""
        value = self._get(name, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(name, f"must be text, not {_kind(value)}")
            return ""
        if required and not value.strip():
            self.problem(name, "must not be empty")
        if translated:
            keys = translated if isinstance(translated, Mapping) else None
            self._translations(self.data, name, name, value, keys)
        return value.strip()

    def _translations(
        self,
        table: Mapping[str, Any],
        key: str,
        path: str,
        english: str | list[str],
        translated: Mapping[str, str] | None = None,
    ) -> None:
        """Read the translations of the text ``english`` at ``table[key]`` (``path``: where it
        is in the record), and note each language that has none."""
        if not english:
            return
        for lang in OTHER_LANGUAGES:
            other = translated[lang] if translated else f"{key}_{lang}"
            shown = path.rsplit(".", 1)[0] + "." + other if "." in path else other
            if table is self.data:
                self.used.add(other)
            value = table.get(other)
            if value is None:
                self.untranslated.append((lang, path, shown))
            elif isinstance(english, str):
                if not isinstance(value, str) or not value.strip():
                    self.problem(shown, "must be non-empty text")
                else:
                    self.translated[lang][path] = value.strip()
            elif (
                not isinstance(value, list)
                or not all(isinstance(v, str) and v.strip() for v in value)
                or len(value) != len(english)
            ):
                self.problem(
                    shown,
                    f"must be a list of {len(english)} texts, one for each item of {key}",
                )
            else:
                for i, v in enumerate(value):
                    self.translated[lang][f"{path}[{i}]"] = v.strip()

    def integer(self, name: str) -> int | None:
        value = self._get(name, False)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(name, f"must be a whole number, not {_kind(value)}")
            return None
        return value

    def choice(self, name: str, allowed: Iterable[str]) -> str:
        value = self.text(name)
        allowed = tuple(allowed)
        if value and value not in allowed:
            self.problem(name, f"'{value}' is not one of: {', '.join(allowed)}")
        return value

    def strings(
        self, name: str, required: bool = True, translated: bool = False
    ) -> tuple[str, ...]:
        """A list of texts (``translated``: with its translations beside it, see :meth:`text`)."""
        value = self._get(name, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(name, "must be a list of text items")
            return ()
        if required and not value:
            self.problem(name, "must not be an empty list")
        if not translated:
            return tuple(v.strip() for v in value)
        self._translations(self.data, name, name, value)
        return tuple(v.strip() for v in value)

    def flag(self, name: str) -> bool:
        value = self._get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(name, f"must be true or false, not {_kind(value)}")
            return False
        return value

    def ids(self, name: str, required: bool = True) -> tuple[str, ...]:
        return self.strings(name, required)

    def _fact(self, name: str, value: Any, topic_required: bool = False) -> Fact | None:
        if not isinstance(value, dict):
            self.problem(name, "must be a table with 'text' and 'sources'")
            return None
        allowed = {"text", "sources", "sites", "topic", *(f"text_{k}" for k in OTHER_LANGUAGES)}
        for key in value:
            if key not in allowed:
                self.problem(
                    f"{name}.{key}", f"unknown field (a fact has {', '.join(sorted(allowed))})"
                )
        text = value.get("text")
        sources = value.get("sources")
        ok = True
        if not isinstance(text, str) or not text.strip():
            self.problem(f"{name}.text", "required text is missing or empty")
            ok = False
        if (
            not isinstance(sources, list)
            or not sources
            or not all(isinstance(s, str) for s in sources)
        ):
            self.problem(f"{name}.sources", "must be a non-empty list of source ids")
            ok = False
        sites = value.get("sites", [])
        if not isinstance(sites, list) or not all(isinstance(s, str) for s in sites):
            self.problem(f"{name}.sites", "must be a list of landmark ids")
            sites = []
        topic = value.get("topic", "")
        if topic_required and (not isinstance(topic, str) or not topic.strip()):
            self.problem(f"{name}.topic", "required text is missing or empty")
            ok = False
        if not ok:
            return None
        self._translations(value, "text", f"{name}.text", str(text))
        return Fact(
            text=str(text).strip(),
            sources=tuple(sources or ()),
            sites=tuple(sites),
            topic=str(topic).strip(),
        )

    def fact(self, name: str, required: bool = True) -> Fact | None:
        value = self._get(name, required)
        return None if value is None else self._fact(name, value)

    def facts(self, name: str, required: bool = True, topics: bool = False) -> tuple[Fact, ...]:
        value = self._get(name, required)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(name, "must be a list of facts ([[" + name + "]] tables)")
            return ()
        if required and not value:
            self.problem(name, "must not be an empty list")
        out = [self._fact(f"{name}[{i}]", v, topics) for i, v in enumerate(value)]
        return tuple(f for f in out if f is not None)

    def table_list(self, name: str, required: bool) -> list[tuple[str, Mapping[str, Any]]]:
        value = self._get(name, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(name, "must be a list of tables ([[" + name + "]])")
            return []
        if required and not value:
            self.problem(name, "must not be an empty list")
        return [(f"{name}[{i}]", v) for i, v in enumerate(value)]

    def sub(self, name: str, value: Mapping[str, Any], keys: dict[str, type]) -> dict[str, Any]:
        """Check a sub-table's keys and types; returns the good values."""
        out: dict[str, Any] = {}
        texts = {"text", "division"} & set(keys)  # (the keys that are read in each language)
        extra = {f"{k}_{lang}" for k in texts for lang in OTHER_LANGUAGES}
        for key in value:
            if key not in keys and key not in extra:
                self.problem(f"{name}.{key}", f"unknown field (expected {', '.join(keys)})")
        for key, typ in keys.items():
            item = value.get(key)
            optional = key in {"references", "other", "claim_terms"}
            if item is None:
                if not optional:
                    self.problem(f"{name}.{key}", "required field is missing")
                continue
            if typ is str and (not isinstance(item, str) or not item.strip()):
                self.problem(f"{name}.{key}", "must be non-empty text")
                continue
            if typ is list and (
                not isinstance(item, list) or not all(isinstance(v, str) for v in item)
            ):
                self.problem(f"{name}.{key}", "must be a list of text items")
                continue
            out[key] = item.strip() if isinstance(item, str) else tuple(item)
            if key in texts:
                self._translations(value, key, f"{name}.{key}", item)
        return out

    def corrections(self) -> tuple[Correction, ...]:
        keys: dict[str, type] = {
            "field": str,
            "source": str,
            "page_said": str,
            "correct": str,
            "why": str,
            "references": list,
            "claim_terms": list,
        }
        out: list[Correction] = []
        for name, value in self.table_list("corrections", False):
            got = self.sub(name, value, keys)
            if len(got) >= 5:
                out.append(
                    Correction(
                        field=got["field"],
                        source=got["source"],
                        page_said=got["page_said"],
                        correct=got["correct"],
                        why=got["why"],
                        references=got.get("references", ()),
                        claim_terms=tuple(
                            t for t in got.get("claim_terms", ()) if isinstance(t, str) and t
                        ),
                    )
                )
        return tuple(out)

    def finish(self) -> None:
        for key in self.data:
            if key not in self.used:
                english = key.rsplit("_", 1)[0]
                if key.rsplit("_", 1)[-1] in OTHER_LANGUAGES and english in self.used:
                    self.problem(key, f"{english} is not a text read in other languages")
                else:
                    self.problem(key, "unknown field")


def _kind(value: object) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
        str: "text",
    }.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------------------------
# Record builders


def _structure(r: _Reader) -> Structure:
    kind = r.choice("kind", STRUCTURE_KINDS)
    hamstring = kind == "hamstring"
    innervation = None
    raw = r._get("innervation", hamstring)
    if raw is not None:
        if isinstance(raw, dict):
            got = r.sub(
                "innervation",
                raw,
                {"nerve": str, "division": str, "roots": list, "sources": list},
            )
            if len(got) == 4:
                innervation = Innervation(**got)
        else:
            r.problem("innervation", "must be a table ([innervation])")
    actions = None
    raw = r._get("actions", hamstring)
    if raw is not None:
        if isinstance(raw, dict):
            for key in raw:
                if key not in {"hip", "knee", "knee_rotation", "other"}:
                    r.problem(
                        f"actions.{key}", "unknown field (expected hip, knee, knee_rotation, other)"
                    )
            parts = {
                key: (r._fact(f"actions.{key}", raw[key]) if key in raw else None)
                for key in ("hip", "knee", "knee_rotation")
            }
            for key in parts:
                if key not in raw:
                    r.problem(f"actions.{key}", "required field is missing")
            other_raw = raw.get("other", [])
            other = tuple(
                f
                for i, v in enumerate(other_raw if isinstance(other_raw, list) else [])
                if (f := r._fact(f"actions.other[{i}]", v)) is not None
            )
            if all(parts.values()):
                actions = Actions(
                    hip=parts["hip"],  # type: ignore[arg-type]
                    knee=parts["knee"],  # type: ignore[arg-type]
                    knee_rotation=parts["knee_rotation"],  # type: ignore[arg-type]
                    other=other,
                )
        else:
            r.problem("actions", "must be a table ([actions])")
    connections: list[Connection] = []
    for name, value in r.table_list("connections", hamstring):
        got = r.sub(name, value, {"structure": str, "text": str, "sources": list})
        if len(got) == 3:
            connections.append(Connection(**got))
    return Structure(
        id=r.record_id,
        kind=kind,
        name=r.text("name", translated=True),
        latin=r.text("latin"),
        summary=r.text("summary", translated=True),
        svg_ids=r.ids("svg_ids", required=False) if "svg_ids" in r.data else _missing(r, "svg_ids"),
        sources=r.ids("sources"),
        origin=r.fact("origin", hamstring),
        insertion=r.fact("insertion", hamstring),
        relation=r.fact("relation", False),
        facts=r.facts("facts", False, topics=True),
        corrections=r.corrections(),
        see_also=r.ids("see_also", False),
        innervation=innervation,
        actions=actions,
        trigger_points=r.ids("trigger_points", hamstring),
        referral=r.fact("referral", hamstring),
        symptoms=r.facts("symptoms", hamstring),
        causes_activating=r.facts("causes_activating", hamstring),
        causes_perpetuating=r.facts("causes_perpetuating", hamstring),
        palpation=r.ids("palpation", hamstring),
        self_massage=r.ids("self_massage", hamstring),
        stretches=r.ids("stretches", hamstring),
        exercises=r.ids("exercises", hamstring),
        treatments=r.ids("treatments", hamstring),
        differential=r.facts("differential", hamstring),
        connections=tuple(connections),
        members=r.ids("members", kind == "muscle_group"),
        roots=r.strings("roots", kind == "nerve"),
        branches=r.ids("branches", False),
        blood_supply=r.fact("blood_supply", False),
    )


def _missing(r: _Reader, name: str) -> tuple[str, ...]:
    r.problem(name, "required field is missing (use [] for a structure not drawn on the plate)")
    return ()


def _trigger_point(r: _Reader) -> TriggerPoint:
    return TriggerPoint(
        id=r.record_id,
        name=r.text("name", translated=True),
        muscle=r.text("muscle"),
        svg_id=r.text("svg_id"),
        depth=r.choice("depth", ("superficial", "deep")),
        location=r.fact("location") or _EMPTY,
        zones=r.ids("zones"),
        pain=r.fact("pain") or _EMPTY,
        provoked_by=r.facts("provoked_by"),
        self_help=r.ids("self_help"),
        sources=r.ids("sources"),
        corrections=r.corrections(),
    )


def _zone(r: _Reader) -> ReferralZone:
    return ReferralZone(
        id=r.record_id,
        name=r.text("name", translated=True),
        kind=r.choice("kind", ("essential", "spillover")),
        svg_id=r.text("svg_id"),
        muscles=r.ids("muscles"),
        regions=r.strings("regions", translated=True),
        description=r.fact("description") or _EMPTY,
        sources=r.ids("sources"),
        corrections=r.corrections(),
    )


def _exercise(r: _Reader) -> Exercise:
    return Exercise(
        id=r.record_id,
        name=r.text("name", translated=True),
        kind=r.choice("kind", ("strengthening",)),
        targets=r.ids("targets"),
        equipment=r.text("equipment", translated=True),
        steps=r.strings("steps", translated=True),
        breathing=r.strings("breathing", translated=True),
        advice=r.strings("advice", translated=True),
        variations=r.strings("variations", False, translated=True),
        sources=r.ids("sources"),
        corrections=r.corrections(),
    )


def _stretch(r: _Reader) -> Stretch:
    return Stretch(
        id=r.record_id,
        name=r.text("name", translated=True),
        targets=r.ids("targets"),
        steps=r.strings("steps", translated=True),
        advice=r.strings("advice", translated=True),
        sources=r.ids("sources"),
        corrections=r.corrections(),
    )


def _technique(r: _Reader) -> Technique:
    return Technique(
        id=r.record_id,
        name=r.text("name", translated=True),
        kind=r.choice("kind", ("self_massage", "professional")),
        targets=r.ids("targets"),
        tools=r.strings("tools", False, translated=True),
        steps=r.strings("steps", translated=True),
        advice=r.strings("advice", False, translated=True),
        sources=r.ids("sources"),
        corrections=r.corrections(),
    )


def _palpation(r: _Reader) -> PalpationGuide:
    return PalpationGuide(
        id=r.record_id,
        name=r.text("name", translated=True),
        targets=r.ids("targets"),
        position=r.text("position", translated=True),
        steps=r.strings("steps", translated=True),
        sources=r.ids("sources"),
        corrections=r.corrections(),
    )


#: where a glossary term's name in another language is kept ("german", not "english_de")
_TERM_NAMES = {"de": "german"}


def _term(r: _Reader) -> GlossaryTerm:
    return GlossaryTerm(
        id=r.record_id,
        english=r.text("english", translated=_TERM_NAMES),
        latin=r.text("latin", False),
        definition=r.text("definition", translated=True),
        related=r.ids("related", False),
        sources=r.ids("sources"),
    )


def _source(r: _Reader) -> Source:
    return Source(
        id=r.record_id,
        title=r.text("title"),
        kind=r.choice("kind", ("seed", "reference")),
        publisher=r.text("publisher", False),
        author=r.text("author", False),
        year=r.integer("year"),
        url=r.text("url", False),
        seed_file=r.text("seed_file", False),
        note=r.text("note", False),
    )


_TRIGGER_KEYS = ("reason", "regions", "band_cm", "min_span_cm")
_TRIGGER_TEXTS = tuple(f"reason_{lang}" for lang in OTHER_LANGUAGES)
#: What a look-alike entry can be, and how urgent a warning is.
LOOKALIKE_KINDS = ("lookalike", "red_flags", "warning")
URGENCIES = ("emergency", "now", "soon")


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _lookalike(r: _Reader) -> LookAlikeCause:
    kind = r.choice("kind", LOOKALIKE_KINDS)
    ask = r.text("ask", kind == "warning", translated=True)
    urgency = r.choice("urgency", URGENCIES) if kind == "warning" else ""
    stops_massage = r.flag("stops_massage")
    concerns = r.ids("concerns", False)
    if kind != "warning":
        for name in ("ask", "urgency"):
            if name in r.data:
                r.problem(name, 'only a warning (kind = "warning") takes this field')
                r.used.add(name)
    triggers: list[LookAlikeTrigger] = []
    for name, value in r.table_list("when", kind == "lookalike"):
        if kind == "red_flags":
            r.problem(name, "a red_flags entry is shown with every drawing; it takes no 'when'")
            continue
        for key in value:
            if key not in _TRIGGER_KEYS and key not in _TRIGGER_TEXTS:
                r.problem(f"{name}.{key}", f"unknown field (expected {', '.join(_TRIGGER_KEYS)})")
        reason = value.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            r.problem(f"{name}.reason", "required text is missing or empty")
            reason = ""
        regions = value.get("regions", [])
        if not isinstance(regions, list) or not all(isinstance(v, str) for v in regions):
            r.problem(f"{name}.regions", "must be a list of plate ids")
            regions = []
        band: tuple[float, float] | None = None
        if "band_cm" in value:
            raw = value["band_cm"]
            items = raw if isinstance(raw, list) else []
            numbers = [n for n in (_number(v) for v in items) if n is not None]
            if len(items) != 2 or len(numbers) != 2:
                r.problem(f"{name}.band_cm", "must be two heights in cm, e.g. [55.0, 42.0]")
            else:
                band = (max(numbers), min(numbers))
        span = 0.0
        if "min_span_cm" in value:
            got = _number(value["min_span_cm"])
            if got is None or got < 0:
                r.problem(f"{name}.min_span_cm", "must be a number of cm, zero or more")
            else:
                span = got
        if not any(key in value for key in _TRIGGER_KEYS[1:]):
            r.problem(name, "needs at least one of regions, band_cm, min_span_cm")
        if reason:
            r._translations(value, "reason", f"when[{len(triggers)}].reason", reason)
            triggers.append(LookAlikeTrigger(reason.strip(), tuple(regions), band, span))
    return LookAlikeCause(
        id=r.record_id,
        name=r.text("name", translated=True),
        kind=kind,
        text=r.fact("text") or _EMPTY,
        warning=r.fact("warning") or _EMPTY,
        structures=r.ids("structures", False),
        when=tuple(triggers),
        sources=r.ids("sources"),
        ask=ask,
        urgency=urgency,
        stops_massage=stops_massage,
        concerns=concerns,
    )


_EMPTY = Fact(text="", sources=())

_BUILDERS: dict[str, Callable[[_Reader], Record | LookAlikeCause]] = {
    "source": _source,
    "trigger_point": _trigger_point,
    "zone": _zone,
    "exercise": _exercise,
    "stretch": _stretch,
    "technique": _technique,
    "palpation": _palpation,
    "term": _term,
    "lookalike": _lookalike,
}


# --------------------------------------------------------------------------------------------
# Loading


class _ParsedCache:
    """Each content file's parsed TOML, kept as JSON under the digest of the file's bytes:
    after one file is edited, a load parses that file alone (TOML parsing is most of a full
    load). JSON, not pickle or marshal: a damaged or planted file is only data, and is
    checked like the TOML it stands for."""

    def __init__(self, folder: Path, shipped: Path | None = None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self._shipped_path = shipped
        self._shipped: dict[str, Any] | None = None

    def key(self, raw: bytes) -> str:
        """The entry of a file's bytes (kept by :meth:`prune`)."""
        name = digest(raw).hex()[:40]
        self.used.add(name)
        return name

    def get(self, name: str) -> dict[str, Any] | None:
        import json

        try:
            data = json.loads(read_regular_file(self.folder / f"{name}.json", 4 * _MAX_TOML_BYTES))
        except (OSError, ValueError, RecursionError):
            data = self._shipped_files().get(name)
        return data if type(data) is dict else None

    def _shipped_files(self) -> dict[str, Any]:
        """The parsed files shipped with the app (:func:`parsed_content`), read once."""
        import json

        if self._shipped is None:
            self._shipped = {}
            if self._shipped_path is not None:
                with contextlib.suppress(OSError, ValueError, RecursionError):
                    top = json.loads(read_regular_file(self._shipped_path, 8 * _MAX_TOML_BYTES))
                    if type(top) is dict and top.get("format") == _PARSED_FORMAT:
                        files = top.get("files")
                        self._shipped = files if type(files) is dict else {}
        return self._shipped

    def put(self, name: str, data: dict[str, Any]) -> None:
        import json

        try:
            body = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (TypeError, ValueError):  # (a date or a non-finite number: parsed each time)
            return
        with contextlib.suppress(OSError):  # a cache we cannot write only costs time
            for folder in (self.folder.parent, self.folder):  # (private, as the cache is)
                folder.mkdir(mode=0o700, exist_ok=True)
            write_atomic(self.folder / f"{name}.json", body, sync=False)

    def prune(self) -> None:
        """Remove the entries of files no longer there or changed since."""
        with contextlib.suppress(OSError):
            for entry in self.folder.glob("*.json"):
                if entry.stem not in self.used:
                    with contextlib.suppress(OSError):
                        entry.unlink()


_PARSED_FORMAT = 1


def content_files(data_dir: str | Path) -> list[Path]:
    """Every content file the knowledge base is read from."""
    root = Path(data_dir)
    structures = root / STRUCTURES_DIR
    files = sorted(structures.glob("*.toml")) if structures.is_dir() else []
    return files + [root / name for name in TABLE_FILES]


def parsed_content(data_dir: str | Path) -> bytes:
    """Each content file's parsed TOML by the digest of its bytes, as JSON (shipped with the
    compiled atlas: ``resources.parsed_content_path()``); deterministic."""
    import json
    import tomllib

    files: dict[str, Any] = {}
    for path in content_files(data_dir):
        raw = path.read_bytes()
        files[digest(raw).hex()[:40]] = tomllib.loads(raw.decode("utf-8"))
    body = {"format": _PARSED_FORMAT, "files": files}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, allow_nan=False).encode("utf-8")


def _read_toml(
    path: Path, display: str, problems: list[Problem], parsed: _ParsedCache | None = None
) -> tuple[dict[str, Any], str] | None:
    import tomllib  # here, not at the top: a warm start reads the cached atlas

    try:
        raw = read_regular_file(path, _MAX_TOML_BYTES)  # never a pipe or a device
    except FileNotFoundError:
        problems.append(Problem(display, "file not found"))
        return None
    except OSError as exc:
        problems.append(Problem(display, f"cannot read the file: {exc.strerror}"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(display, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line=line)
        )
        return None
    if not text.strip():
        problems.append(Problem(display, "the file is empty"))
        return None
    entry = parsed.key(raw) if parsed is not None else ""
    known = parsed.get(entry) if parsed is not None else None
    if known is not None:
        return known, text
    try:
        data = tomllib.loads(text)
    except RecursionError:  # the parser recurses once per level: a few hundred levels end it
        problems.append(Problem(display, "nests arrays or tables too deeply to be read"))
        return None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        at = int(match.group(1)) if match else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        problems.append(Problem(display, f"TOML syntax error: {reason}", line=at))
        return None
    if parsed is not None:
        parsed.put(entry, data)
    return data, text


def _display(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def load_knowledge_base(
    data_dir: str | Path,
    untranslated: list[Problem] | None = None,
    parsed_cache: Path | None = None,
) -> tuple[KnowledgeBase, list[Problem]]:
    """Read every file in ``data_dir``. Returns what could be read and every problem; each
    text the users read most (:data:`TRANSLATED`) that lacks a language is added to
    ``untranslated`` (the app shows the English text there; ``check`` reports it).
    ``parsed_cache``: a folder where each file's parsed TOML is kept (see :class:`_ParsedCache`).
    """
    root = Path(data_dir)
    problems: list[Problem] = []
    kb = KnowledgeBase(translations={lang: {} for lang in OTHER_LANGUAGES})
    parsed = None
    if parsed_cache is not None:
        from hamstring_viewer.resources import parsed_content_path

        shipped: Path | None = None
        with contextlib.suppress(FileNotFoundError):
            shipped = parsed_content_path()
        parsed = _ParsedCache(parsed_cache, shipped)

    def keep_translations(reader: _Reader, table: str) -> None:
        for lang, texts in reader.translated.items():
            if texts:
                kb.translations[lang][reader.record_id] = texts
        if untranslated is None:
            return
        wanted = TRANSLATED[table]
        for lang, path, key in reader.untranslated:
            if _INDEX.sub("[]", path) in wanted:
                untranslated.append(
                    Problem(
                        reader.file,
                        f"no {LANGUAGE_NAMES.get(lang, lang)} text: add {key.split('.')[-1]} "
                        "beside the English",
                        record=reader.record_id,
                        field=key,
                        line=reader.lines.field(
                            reader.table, reader.record_id, path.split("[")[0].split(".")[0]
                        ),
                    )
                )

    if not root.is_dir():
        return kb, [Problem(str(root), "data folder not found")]
    seen: dict[str, str] = {}

    def register(record_id: str, display: str, line: int | None) -> bool:
        if not _ID.match(record_id):
            problems.append(
                Problem(
                    display,
                    "id must be snake_case ([a-z][a-z0-9_]*)",
                    record=record_id,
                    field="id",
                    line=line,
                )
            )
        if record_id in seen:
            problems.append(
                Problem(
                    display,
                    f"duplicate id (also defined in {seen[record_id]})",
                    record=record_id,
                    field="id",
                    line=line,
                )
            )
            return False
        seen[record_id] = display
        return True

    targets: dict[str, dict[str, Any]] = {
        "source": kb.sources,
        "trigger_point": kb.trigger_points,
        "zone": kb.zones,
        "exercise": kb.exercises,
        "stretch": kb.stretches,
        "technique": kb.techniques,
        "palpation": kb.palpation,
        "term": kb.glossary,
        "lookalike": kb.lookalikes,
    }
    structures_dir = root / STRUCTURES_DIR
    files = sorted(structures_dir.glob("*.toml")) if structures_dir.is_dir() else []
    if not files:
        problems.append(Problem(_display(structures_dir, root), "no structure files (*.toml)"))
    for path in files:
        display = _display(path, root)
        loaded = _read_toml(path, display, problems, parsed)
        if loaded is None:
            continue
        data, text = loaded
        lines = _Lines(text)
        record_id = data.get("id")
        if not isinstance(record_id, str) or not record_id:
            problems.append(
                Problem(display, "required field is missing", record=path.stem, field="id", line=1)
            )
            continue
        if record_id != path.stem:
            problems.append(
                Problem(
                    display,
                    f"id '{record_id}' does not match the file name '{path.stem}'",
                    record=record_id,
                    field="id",
                    line=lines.field(None, record_id, "id"),
                )
            )
        if not register(record_id, display, lines.field(None, record_id, "id")):
            continue
        reader = _Reader(display, None, record_id, data, lines, problems)
        structure = _structure(reader)
        reader.finish()
        keep_translations(reader, "structure")
        kb.structures[record_id] = structure
    for file_name, table in TABLE_FILES.items():
        path = root / file_name
        display = _display(path, root)
        loaded = _read_toml(path, display, problems, parsed)
        if loaded is None:
            continue
        data, text = loaded
        lines = _Lines(text)
        for key in data:
            if key != table:
                problems.append(
                    Problem(
                        display,
                        f"unknown table '{key}' (this file holds [{table}.<id>] records)",
                        record=key,
                        line=lines.record(key, "") or _first_line(text, key),
                    )
                )
        records = data.get(table, {})
        if not isinstance(records, dict) or not records:
            problems.append(Problem(display, f"no [{table}.<id>] records"))
            continue
        for record_id, body in records.items():
            line = lines.record(table, record_id)
            if not isinstance(body, dict):
                problems.append(Problem(display, "must be a table", record=record_id, line=line))
                continue
            if not register(record_id, display, line):
                continue
            reader = _Reader(display, table, record_id, body, lines, problems)
            record = _BUILDERS[table](reader)
            reader.finish()
            keep_translations(reader, table)
            targets[table][record_id] = record

    if parsed is not None:
        parsed.prune()
    return kb, problems


def _first_line(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if key in line:
            return number
    return None


# --------------------------------------------------------------------------------------------
# Cross-checks


def _locator(
    data_dir: Path,
) -> Callable[[Record | LookAlikeCause, str], tuple[str, int | None]]:
    """Find (file, line) of a record's field again, for cross-reference problems."""
    cache: dict[str, _Lines] = {}
    table_of = {
        Source: "source",
        TriggerPoint: "trigger_point",
        ReferralZone: "zone",
        Exercise: "exercise",
        Stretch: "stretch",
        Technique: "technique",
        PalpationGuide: "palpation",
        GlossaryTerm: "term",
        LookAlikeCause: "lookalike",
    }
    file_of = {table: name for name, table in TABLE_FILES.items()}

    def locate(record: Record | LookAlikeCause, field: str) -> tuple[str, int | None]:
        if isinstance(record, Structure):
            path = data_dir / STRUCTURES_DIR / f"{record.id}.toml"
            table = None
        else:
            table = table_of[type(record)]
            path = data_dir / file_of[table]
        display = _display(path, data_dir)
        if display not in cache:
            try:
                cache[display] = _Lines(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                cache[display] = _Lines("")
        base = field.split("[")[0].split(".")[0]
        return display, cache[display].field(table, record.id, base)

    return locate


#: what a dangling-reference message calls a target -> the tables it may live in
_TARGET_TABLES: dict[str, frozenset[str]] = {
    "source": frozenset({"source"}),
    "landmark or bone": frozenset({"structure"}),
    "nerve": frozenset({"structure"}),
    "muscle": frozenset({"structure"}),
    "structure": frozenset({"structure"}),
    "trigger point": frozenset({"trigger_point"}),
    "referral zone": frozenset({"zone"}),
    "palpation guide": frozenset({"palpation"}),
    "technique": frozenset({"technique"}),
    "stretch": frozenset({"stretch"}),
    "exercise": frozenset({"exercise"}),
    "technique or stretch": frozenset({"technique", "stretch"}),
    "technique, stretch or trigger point": frozenset({"technique", "stretch", "trigger_point"}),
}
_ALL_TABLES = frozenset({"structure", *TABLE_FILES.values()})


def unread_tables(problems: Iterable[Problem]) -> frozenset[str]:
    """Tables some of whose records could not be read (a file that is missing, empty, not
    UTF-8 or not TOML). References into them are not reported: the file's own problem is."""
    by_file = {name: table for name, table in TABLE_FILES.items()}
    unread: set[str] = set()
    for problem in problems:
        if problem.record:
            continue
        name = Path(problem.file).name
        if name in by_file:
            unread.add(by_file[name])
        elif Path(problem.file).parent.name == STRUCTURES_DIR or name == STRUCTURES_DIR:
            unread.add("structure")
        elif not name.endswith(".toml"):
            unread.update(_ALL_TABLES)  # the data folder itself is missing
    return frozenset(unread)


#: words by which a fact says that a claim is wrong (it may then name the claim)
_DENIALS = re.compile(
    r"\b(not|no|never|neither|nor|wrong|wrongly|incorrect|incorrectly|mistaken|mistakenly|"
    r"contrary|disputed|unsupported|rather than|instead of)\b|n't\b",
    re.IGNORECASE,
)


#: plain-text fields the reader sees (besides facts)
_PROSE_FIELDS = frozenset({"summary", "definition", "advice", "steps", "breathing", "variations"})


def _record_facts(record: Record | LookAlikeCause) -> Iterator[tuple[str, Fact]]:
    """Every fact a record holds, with the name of its field (``symptoms[2]``), and its prose
    (summary, definition, steps, advice) as facts without sources."""
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name in _PROSE_FIELDS:
            texts = [value] if isinstance(value, str) else list(value)
            for i, text in enumerate(texts):
                if isinstance(text, str) and text.strip():
                    name = f.name if isinstance(value, str) else f"{f.name}[{i}]"
                    yield name, Fact(text, ())
            continue
        if isinstance(value, Fact):
            yield f.name, value
        elif isinstance(value, Actions):
            for part in ("hip", "knee", "knee_rotation"):
                yield f"{f.name}.{part}", getattr(value, part)
            for i, fact in enumerate(value.other):
                yield f"{f.name}.other[{i}]", fact
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, Fact):
                    yield f"{f.name}[{i}]", item


def check_corrected_claims(kb: KnowledgeBase, data_dir: str | Path) -> list[Problem]:
    """A claim the knowledge base corrects must not stand uncorrected elsewhere: for every
    correction with ``claim_terms``, each fact that uses one of those words must say the claim
    is wrong (a denial such as "not" or "wrongly" in the same sentence), or is reported."""
    locate = _locator(Path(data_dir))
    problems: list[Problem] = []
    owners: list[tuple[Record | LookAlikeCause, Correction]] = [
        (record, c)
        for table in [*kb.tables(), kb.lookalikes]
        for record in table.values()
        for c in getattr(record, "corrections", ())
        if c.claim_terms
    ]
    if not owners:
        return problems
    records = [r for table in [*kb.tables(), kb.lookalikes] for r in table.values()]
    # one pass of one pattern finds the few sentences that use any guarded word at all
    anywhere = re.compile(
        "|".join(sorted({re.escape(t.casefold()) for _o, c in owners for t in c.claim_terms}))
    )
    for record in records:
        for name, fact in _record_facts(record):
            if not anywhere.search(fact.text.casefold()):
                continue
            for sentence in re.split(r"(?<=[.;!?])\s+", fact.text):
                folded = sentence.casefold()
                if not anywhere.search(folded):
                    continue
                for owner, c in owners:
                    term = next((t for t in c.claim_terms if t.casefold() in folded), None)
                    if term is None or _DENIALS.search(sentence):
                        continue
                    file, line = locate(record, name)
                    # (one report per sentence, however many corrections guard the claim)
                    problems.append(
                        Problem(
                            file,
                            f"repeats a claim corrected in {owner.id} ({_e_short(c.correct)}): "
                            f"'{term}' in “{sentence.strip()[:120]}”",
                            record=record.id,
                            field=name,
                            line=line,
                        )
                    )
                    break
    return problems


def _e_short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_references(
    kb: KnowledgeBase, data_dir: str | Path, unread: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every id a record names must exist and be of the right kind (references into
    ``unread`` tables are skipped)."""
    locate = _locator(Path(data_dir))
    problems: list[Problem] = []

    def structure_of_kind(*kinds: str) -> Callable[[str], bool]:
        return lambda i: i in kb.structures and (not kinds or kb.structures[i].kind in kinds)

    is_source = kb.sources.__contains__
    is_structure = structure_of_kind()
    is_muscle = structure_of_kind("hamstring", "muscle", "muscle_group")
    is_landmark = structure_of_kind("landmark", "bone")
    is_nerve = structure_of_kind("nerve")
    is_technique = kb.techniques.__contains__
    is_any = lambda i: kb.get(i) is not None  # noqa: E731

    def is_advice(i: str) -> bool:
        return i in kb.techniques or i in kb.stretches or i in kb.trigger_points

    def need(
        record: Record | LookAlikeCause,
        field: str,
        ids: Iterable[str],
        ok: Callable[[str], bool],
        what: str,
    ) -> None:
        if _TARGET_TABLES.get(what, _ALL_TABLES) & unread:
            return
        for ref in ids:
            if not ok(ref):
                file, line = locate(record, field)
                problems.append(
                    Problem(
                        file,
                        f"'{ref}' is not a known {what}",
                        record=record.id,
                        field=field,
                        line=line,
                    )
                )

    def facts(record: Record | LookAlikeCause, field: str, items: Iterable[Fact | None]) -> None:
        for i, fact in enumerate(items):
            if fact is None:
                continue
            need(record, f"{field}[{i}].sources", fact.sources, is_source, "source")
            need(record, f"{field}[{i}].sites", fact.sites, is_landmark, "landmark or bone")

    def corrections(record: Record, items: Iterable[Correction]) -> None:
        for i, c in enumerate(items):
            need(record, f"corrections[{i}].source", [c.source], is_source, "source")
            need(record, f"corrections[{i}].references", c.references, is_source, "source")

    for s in kb.structures.values():
        need(s, "sources", s.sources, is_source, "source")
        for name, fact in (
            ("origin", s.origin),
            ("insertion", s.insertion),
            ("relation", s.relation),
            ("referral", s.referral),
            ("blood_supply", s.blood_supply),
        ):
            facts(s, name, [fact])
        for name, items in (
            ("facts", s.facts),
            ("symptoms", s.symptoms),
            ("causes_activating", s.causes_activating),
            ("causes_perpetuating", s.causes_perpetuating),
            ("differential", s.differential),
        ):
            facts(s, name, items)
        if s.actions:
            facts(
                s,
                "actions",
                [s.actions.hip, s.actions.knee, s.actions.knee_rotation, *s.actions.other],
            )
        if s.innervation:
            need(s, "innervation.nerve", [s.innervation.nerve], is_nerve, "nerve")
            need(s, "innervation.sources", s.innervation.sources, is_source, "source")
        corrections(s, s.corrections)
        need(s, "see_also", s.see_also, is_any, "record")
        need(s, "trigger_points", s.trigger_points, kb.trigger_points.__contains__, "trigger point")
        need(s, "palpation", s.palpation, kb.palpation.__contains__, "palpation guide")
        need(s, "self_massage", s.self_massage, is_technique, "technique")
        need(s, "treatments", s.treatments, is_technique, "technique")
        need(s, "stretches", s.stretches, kb.stretches.__contains__, "stretch")
        need(s, "exercises", s.exercises, kb.exercises.__contains__, "exercise")
        need(s, "members", s.members, is_muscle, "muscle")
        need(s, "branches", s.branches, is_structure, "structure")
        for i, c in enumerate(s.connections):
            need(s, f"connections[{i}].structure", [c.structure], is_structure, "structure")
            need(s, f"connections[{i}].sources", c.sources, is_source, "source")
    for tp in kb.trigger_points.values():
        need(tp, "sources", tp.sources, is_source, "source")
        need(tp, "muscle", [tp.muscle], is_muscle, "muscle")
        need(tp, "zones", tp.zones, kb.zones.__contains__, "referral zone")
        need(
            tp,
            "self_help",
            tp.self_help,
            lambda i: i in kb.techniques or i in kb.stretches,
            "technique or stretch",
        )
        facts(tp, "location", [tp.location])
        facts(tp, "pain", [tp.pain])
        facts(tp, "provoked_by", tp.provoked_by)
        corrections(tp, tp.corrections)
    for z in kb.zones.values():
        need(z, "sources", z.sources, is_source, "source")
        need(z, "muscles", z.muscles, is_muscle, "muscle")
        facts(z, "description", [z.description])
        corrections(z, z.corrections)
    for group in (kb.exercises, kb.stretches, kb.techniques, kb.palpation):
        for rec in group.values():
            need(rec, "sources", rec.sources, is_source, "source")
            need(rec, "targets", rec.targets, is_muscle, "muscle")
            corrections(rec, rec.corrections)
    for t in kb.glossary.values():
        need(t, "sources", t.sources, is_source, "source")
        need(t, "related", t.related, is_any, "record")
    for la in kb.lookalikes.values():
        need(la, "sources", la.sources, is_source, "source")
        need(la, "structures", la.structures, is_structure, "structure")
        facts(la, "text", [la.text])
        facts(la, "warning", [la.warning])
        need(la, "concerns", la.concerns, is_advice, "technique, stretch or trigger point")
    return problems


def _plates_arg(plates: Plate | Mapping[str, Plate]) -> dict[str, Plate]:
    return {"posterior": plates} if isinstance(plates, Plate) else dict(plates)


def _where(plates: Mapping[str, Plate]) -> str:
    if len(plates) == 1:
        return f"which is not on the plate ({next(iter(plates.values())).source})"
    files = ", ".join(p.source for p in plates.values())
    return f"which is not on any of the plates ({files})"


#: Plate layers whose regions a structure record binds.
STRUCTURE_LAYERS: tuple[str, ...] = ("bones", "deep", "vessels", "nerves", "superficial")


def check_plate_binding(
    kb: KnowledgeBase,
    plates: Plate | Mapping[str, Plate],
    data_dir: str | Path,
    unread: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Records and plates agree: every id a record names is on at least one plate (in the
    right layer on each plate that has it), no id is bound twice, and every region of every
    plate has a record (regions whose records would live in ``unread`` tables are not
    reported). A single plate is the posterior view."""
    plates = _plates_arg(plates)
    table_of_layer = {"trigger_points": "trigger_point", "zones": "zone"}
    locate = _locator(Path(data_dir))
    problems: list[Problem] = []
    claimed: dict[str, Record] = {}

    def claim(record: Record, field: str, svg_id: str, layers: tuple[str, ...]) -> None:
        file, line = locate(record, field)
        having = [plate for plate in plates.values() if plate.has(svg_id)]
        if not having:
            problems.append(
                Problem(
                    file,
                    f"names the plate id '{svg_id}', {_where(plates)}",
                    record=record.id,
                    field=field,
                    line=line,
                )
            )
        for plate in having:
            layer = plate.region(svg_id).layer
            if layer not in layers:
                where = f" on {Path(plate.source).name}" if len(plates) > 1 else ""
                problems.append(
                    Problem(
                        file,
                        f"plate id '{svg_id}' is in the '{layer}' layer{where}; "
                        f"expected {' or '.join(layers)}",
                        record=record.id,
                        field=field,
                        line=line,
                    )
                )
        if svg_id in claimed:
            problems.append(
                Problem(
                    file,
                    f"plate id '{svg_id}' is already bound to '{claimed[svg_id].id}'",
                    record=record.id,
                    field=field,
                    line=line,
                )
            )
        else:
            claimed[svg_id] = record

    for s in kb.structures.values():
        for svg_id in s.svg_ids:
            claim(s, "svg_ids", svg_id, STRUCTURE_LAYERS)
    for tp in kb.trigger_points.values():
        claim(tp, "svg_id", tp.svg_id, ("trigger_points",))
    for z in kb.zones.values():
        claim(z, "svg_id", z.svg_id, ("zones",))
    for la in kb.lookalikes.values():  # look-alikes name plate areas; they do not bind them
        for i, trigger in enumerate(la.when):
            for svg_id in trigger.regions:
                if not any(plate.has(svg_id) for plate in plates.values()):
                    file, line = locate(la, "when")
                    problems.append(
                        Problem(
                            file,
                            f"names the plate id '{svg_id}', {_where(plates)}",
                            record=la.id,
                            field=f"when[{i}].regions",
                            line=line,
                        )
                    )
    for plate in plates.values():
        for region in plate.regions:
            if table_of_layer.get(region.layer, "structure") in unread:
                continue
            if region.id not in claimed:
                problems.append(
                    Problem(
                        plate.source,
                        f"clickable element in layer '{region.layer}' has no record "
                        "in the knowledge base (name it in a record's svg_ids/svg_id, or give it "
                        "an id starting with '_' if it is decoration)",
                        record=region.id,
                        field="id",
                    )
                )
    return problems


_FIGURE_MESSAGE = re.compile(r"^(?P<file>.+?): (?P<where>.+?): (?P<message>.*)$", re.S)
_FIGURE_PART = re.compile(
    r'^(?P<kind>variant|step|equipment|arrow) (?P<n>\d+)(?: "(?P<name>.*)")?$'
)
_FIGURE_FIELD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^unknown pose key '(?P<k>\w+)'"), "pose.{k}"),
    (re.compile(r"^(?P<k>(?:left |right )?[a-z_ ]+?) angle -?[\d.]+° is outside"), "pose.{k}"),
    (re.compile(r"^pose (?P<k>support|facing)\b"), "pose.{k}"),
    (re.compile(r"^unknown body part .* in pose support"), "pose.support"),
    (re.compile(r"^pose (?P<k>\w+) (?:must|-?[\d.]+ is outside)"), "pose.{k}"),
    (re.compile(r"^the first step needs a pose"), "pose"),
    (re.compile(r"^(?P<k>view|side|duration_s|cue|note|arrows|equipment) must"), "{k}"),
    (re.compile(r"^unknown phase"), "phase"),
    (re.compile(r"^step needs a name"), "name"),
    (re.compile(r"^variant needs a label"), "label"),
    (re.compile(r"^needs at least one \[\[\.\.\.step\]\]"), "step"),
    (re.compile(r"^variant must be"), "variant"),
    (re.compile(r"^unknown key '(?P<k>\w+)'"), "{k}"),
    (re.compile(r"^(?P<k>works|stretches|treats) must"), "{k}"),
    (re.compile(r"^unknown muscle .* in (?P<k>works|stretches|treats)"), "{k}"),
    (re.compile(r"^no figure for this record"), "figure"),
    (re.compile(r"^figure for an unknown record"), "id"),
)


def _figure_problem(text: str, lines: list[str]) -> Problem:
    """A message of :mod:`hamstring_viewer.figurepose` (``file: record[, part...]: message``)
    as a :class:`Problem` naming its file, record, field and, where found, line."""
    match = _FIGURE_MESSAGE.match(text)
    if match is None:
        return Problem(text.split(": ", 1)[0], text.split(": ", 1)[-1])
    file, where, message = match["file"], match["where"], match["message"]
    if where.startswith(("not valid TOML", "cannot be read")):
        return Problem(file, f"{where}: {message}")
    record, *parts = [p.strip() for p in where.split(", ")]
    path: list[str] = []
    for part in parts:
        got = _FIGURE_PART.match(part)
        if got is None:
            path.append(part)
        elif got["kind"] in ("equipment", "arrow"):
            path.append(f"{'arrows' if got['kind'] == 'arrow' else 'equipment'}[{got['n']}]")
        else:
            named = f" ({got['name']})" if got["name"] else ""
            path.append(f"{got['kind']}[{got['n']}]{named}")
    key = ""
    for pattern, shape in _FIGURE_FIELD_PATTERNS:
        hit = pattern.match(message)
        if hit is not None:
            key = shape.format(**{k: v.replace(" ", "_") for k, v in hit.groupdict().items()})
            break
    if path and path[-1].startswith(("equipment[", "arrows[")) and key in ("", "equipment"):
        key = ""
    field = ".".join(p for p in [*path, key] if p) or "figure"
    line = None
    if record and " " not in record:
        line = _first_line("\n".join(lines), f".{record}]") or _first_line(
            "\n".join(lines), f".{record}."
        )
    return Problem(file, message, record=record, field=field, line=line)


def check_figures(
    kb: KnowledgeBase,
    data_dir: str | Path,
    unread: frozenset[str] = frozenset(),
    *,
    languages: bool = False,
) -> list[Problem]:
    """The problems of the content's figures file (``figures.toml``): each named by file,
    record and field; a pose outside the human joint ranges is refused; every exercise,
    stretch and technique without a figure is reported (a figure's record is not called
    unknown while its table could not be read: ``unread``, see :func:`unread_tables`). The
    figure modules are imported here, so the app's start never pays for them (it does not run
    the check)."""
    from hamstring_viewer.figurepose import coverage_problems, load_figures, untranslated
    from hamstring_viewer.resources import FIGURES_FILE

    root = Path(data_dir)
    path = root / FIGURES_FILE
    display = _display(path, root)
    if not path.is_file():
        return [
            Problem(
                display, "figures file not found (one figure per exercise, stretch and technique)"
            )
        ]
    book, messages = load_figures(path)
    if languages:
        messages = [*messages, *untranslated(book, display)]
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    ids = [*kb.exercises, *kb.stretches, *kb.techniques]
    found = [_figure_problem(m, lines) for m in messages]
    refused = {p.record for p in found}  # a figure with problems is not "missing" as well
    found += [
        p
        for p in (_figure_problem(m, lines) for m in coverage_problems(book, ids, display))
        if (p.record not in refused or p.field != "figure")
        and not (p.field == "id" and unread & {"exercise", "stretch", "technique"})
    ]
    return found


def check(
    data_dir: str | Path,
    plates: PlatePaths,
    *,
    figures: bool = False,
    languages: bool = False,
    progress: Callable[[str], None] | None = None,
    parsed_cache: Path | None = None,
) -> tuple[Atlas | None, list[Problem]]:
    """Load and validate the knowledge base against every plate (``plates``: view key ->
    SVG path, or one path for the posterior view alone). Returns the atlas (None if no plate
    is usable) and every problem. ``figures``: also check the figures file
    (:func:`check_figures`; the ``check`` command does, the app's loading does not).
    ``languages``: also report each text the users read most that lacks a translation
    (:data:`TRANSLATED`; the command does, the app shows the English text instead).
    ``progress`` is told each step as it starts (the ``check`` command shows them)."""
    say = progress or (lambda _step: None)
    say(f"reading the knowledge base in {data_dir}")
    untranslated: list[Problem] | None = [] if languages else None
    kb, problems = load_knowledge_base(data_dir, untranslated, parsed_cache)
    problems.extend(untranslated or ())
    loaded: dict[str, Plate] = {}
    paths = plate_files(plates)
    for number, (key, path) in enumerate(paths.items(), start=1):
        say(f"reading the plate {path} ({number} of {len(paths)})")
        plate, plate_problems = load_plate(path)
        problems.extend(plate_problems)
        if plate is not None:
            loaded[key] = plate
    say("checking the references between records, and the corrections")
    unread = unread_tables(problems)
    problems.extend(check_references(kb, data_dir, unread))
    problems.extend(check_corrected_claims(kb, data_dir))
    if loaded:
        say("checking every record against the plates")
        problems.extend(check_plate_binding(kb, loaded, data_dir, unread))
    if figures:
        say("checking the figures")
        problems.extend(check_figures(kb, data_dir, unread, languages=languages))
    return (Atlas(kb, loaded) if loaded else None), problems


def load_atlas(data_dir: str | Path, plates: PlatePaths, parsed_cache: Path | None = None) -> Atlas:
    """Load and validate; raise :class:`ContentError` listing every problem if any.
    ``parsed_cache``: see :func:`load_knowledge_base`."""
    atlas, problems = check(data_dir, plates, parsed_cache=parsed_cache)
    if atlas is None or problems:
        raise ContentError(problems)
    view_anchors: dict[str, dict[str, Point]] = {}
    for key, plate in atlas.plates.items():
        anchors: dict[str, Point] = {}
        for s in atlas.kb.structures.values():
            regions = [plate.region(i) for i in s.svg_ids if plate.has(i)]
            anchor = label_anchor(plate, regions) if regions else None
            if anchor is not None:
                anchors[s.id] = anchor
        view_anchors[key] = anchors
    return Atlas(atlas.kb, atlas.plates, view_anchors)


__all__ = [
    "HAMSTRING_FIELDS",
    "STRUCTURE_LAYERS",
    "Atlas",
    "cached_content_key",
    "check",
    "check_figures",
    "check_plate_binding",
    "check_references",
    "content_key",
    "load_atlas",
    "load_atlas_cached",
    "load_knowledge_base",
]
