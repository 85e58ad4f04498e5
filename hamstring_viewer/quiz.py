"""Quizzes built from the knowledge base, drawn in rounds with spaced repetition. Qt-free.

:func:`build_questions` turns the atlas into questions; nothing is listed by hand:

- **find** (``find:<record>::``): the app names a structure, landmark or trigger point that is
  visible and clickable on the plate; the user clicks it. A click on any plate region bound to the
  record counts.
- **name** (``name:<record>:name:english|latin``): the app highlights a record's regions; the user
  picks its name (or its Latin name) among names of records of the same kind.
- **pain** (``pain:<zone>:zone:`` or ``pain:<essential zone>:pattern:``): the app draws a referral
  zone, or a muscle group's essential zone with its spillover; the user clicks a trigger point
  or muscle that causes it.
- **fact** (``fact:<muscle>:<field>:<variant>``): multiple choice on origin, insertion,
  innervation (nerve, division, roots) and actions. Wrong answers come from other records' same
  field and are never true of the asked muscle (see :func:`action_keys` for actions).

A question's id is ``kind:target:field:variant``: it depends on what is asked, not on wording or
position, so progress survives rewording. :class:`QuizRound` draws questions (due ones first, no
repeat within a cycle), grades answers once per asking and keeps the score.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from hamstring_viewer.atlas import Atlas
from hamstring_viewer.describe import latin_name, plain_name
from hamstring_viewer.geometry import CLICK_LAYERS, label_anchor
from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, translate
from hamstring_viewer.records import Actions, Fact, ReferralZone, Structure, TriggerPoint
from hamstring_viewer.scheduler import ReviewScheduler

QuestionKind = Literal["find", "name", "pain", "fact"]
QUESTION_KINDS: tuple[QuestionKind, ...] = ("find", "name", "pain", "fact")
#: Kinds answered by a click on the plate (the others by picking a choice).
CLICK_KINDS: frozenset[str] = frozenset({"find", "pain"})

#: The joints of :class:`~hamstring_viewer.records.Actions`, in order.
ACTION_JOINTS: tuple[str, ...] = ("hip", "knee", "knee_rotation")
_MOVES = {"extends": "extend", "flexes": "flex", "abducts": "abduct", "adducts": "adduct"}
_ROTATION_WAYS = {
    "medial": "medial",
    "medially": "medial",
    "internal": "medial",
    "internally": "medial",
    "lateral": "lateral",
    "laterally": "lateral",
    "external": "lateral",
    "externally": "lateral",
}
_NONE_WORDS = frozenset({"none", "no", "nothing"})
#: Action key -> how a choice says it, and its base form ("extends the hip", "extend the hip");
#: translated where used.
_ACTION_WORDS: dict[str, tuple[str, str]] = {
    "hip:extends": (
        QT_TRANSLATE_NOOP("Quiz", "extends the hip"),
        QT_TRANSLATE_NOOP("Quiz", "extend the hip"),
    ),
    "hip:flexes": (
        QT_TRANSLATE_NOOP("Quiz", "flexes the hip"),
        QT_TRANSLATE_NOOP("Quiz", "flex the hip"),
    ),
    "hip:abducts": (
        QT_TRANSLATE_NOOP("Quiz", "abducts the hip"),
        QT_TRANSLATE_NOOP("Quiz", "abduct the hip"),
    ),
    "hip:adducts": (
        QT_TRANSLATE_NOOP("Quiz", "adducts the hip"),
        QT_TRANSLATE_NOOP("Quiz", "adduct the hip"),
    ),
    "knee:extends": (
        QT_TRANSLATE_NOOP("Quiz", "extends the knee"),
        QT_TRANSLATE_NOOP("Quiz", "extend the knee"),
    ),
    "knee:flexes": (
        QT_TRANSLATE_NOOP("Quiz", "flexes the knee"),
        QT_TRANSLATE_NOOP("Quiz", "flex the knee"),
    ),
    "knee:abducts": (
        QT_TRANSLATE_NOOP("Quiz", "abducts the knee"),
        QT_TRANSLATE_NOOP("Quiz", "abduct the knee"),
    ),
    "knee:adducts": (
        QT_TRANSLATE_NOOP("Quiz", "adducts the knee"),
        QT_TRANSLATE_NOOP("Quiz", "adduct the knee"),
    ),
    "knee_rotation:medial": (
        QT_TRANSLATE_NOOP("Quiz", "rotates the leg medially (inward) at the bent knee"),
        QT_TRANSLATE_NOOP("Quiz", "rotate the leg medially (inward) at the bent knee"),
    ),
    "knee_rotation:lateral": (
        QT_TRANSLATE_NOOP("Quiz", "rotates the leg laterally (outward) at the bent knee"),
        QT_TRANSLATE_NOOP("Quiz", "rotate the leg laterally (outward) at the bent knee"),
    ),
}

#: Structure kind -> the kind group whose names serve as distractors ("muscle vs bone vs ...").
_GROUPS: dict[str, str] = {
    "hamstring": "muscle",
    "muscle": "muscle",
    "bone": "bone",
    "landmark": "landmark",
    "nerve": "nerve",
    "vessel": "vessel",
}
_TRIGGER_POINT_GROUP = "trigger_point"
#: Groups that may fill up a short list of distractors. Bones and landmarks never mix (a
#: landmark is part of a bone, so a bone's name could be true of it); nor do muscles and their
#: trigger points.
_FILL_GROUPS: dict[str, tuple[str, ...]] = {
    "muscle": ("nerve",),
    "nerve": ("muscle",),
    "vessel": ("nerve", "muscle"),
}


def normalise(text: str) -> str:
    """Text compared for sameness: case-folded words, punctuation and spacing dropped."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def question_id(kind: str, target: str, field: str = "", variant: str = "") -> str:
    """The stable id of a question: ``kind:target:field:variant``."""
    return f"{kind}:{target}:{field}:{variant}"


# --------------------------------------------------------------------------------------------
# Actions as keys, so truth is decided from the data, not from wording


def action_key(joint: str, fact: Fact) -> str | None:
    """The action a fact states at a joint, as ``joint:move``; None if the text is not understood.

    ``hip``/``knee``: the fact's first word (``Extends …`` -> ``hip:extends``; ``None: …`` ->
    ``hip:none``). ``knee_rotation``: the direction after "rotates" (``knee_rotation:medial`` or
    ``knee_rotation:lateral``), or ``none``.
    """
    words = normalise(fact.text).split()
    if not words:
        return None
    if words[0] in _NONE_WORDS:
        return f"{joint}:none"
    if joint == "knee_rotation":
        rotate = next((n for n, w in enumerate(words) if w.startswith("rotat")), None)
        if rotate is None:
            return None
        way = next((_ROTATION_WAYS[w] for w in words[rotate + 1 :] if w in _ROTATION_WAYS), None)
        return f"{joint}:{way}" if way else None
    return f"{joint}:{words[0]}" if words[0] in _MOVES else None


def action_keys(actions: Actions) -> dict[str, str | None]:
    """Joint -> :func:`action_key` of each joint's fact."""
    return {joint: action_key(joint, getattr(actions, joint)) for joint in ACTION_JOINTS}


def true_actions(actions: Actions) -> frozenset[str] | None:
    """The actions performed (``none`` keys left out); None if any joint is not understood."""
    keys = action_keys(actions)
    if any(k is None for k in keys.values()):
        return None
    return frozenset(k for k in keys.values() if k is not None and not k.endswith(":none"))


def action_label(key: str, base_form: bool = False) -> str:
    """``hip:extends`` -> "extends the hip" (``base_form``: "extend the hip")."""
    words = _ACTION_WORDS.get(key)
    if words is not None:
        return translate("Quiz", words[1] if base_form else words[0])
    joint, move = key.split(":", 1)
    if joint == "knee_rotation":
        way = "medially (inward)" if move == "medial" else "laterally (outward)"
        return f"{'rotate' if base_form else 'rotates'} the leg {way} at the bent knee"
    return f"{_MOVES[move] if base_form else move} the {joint.replace('_', ' ')}"


# --------------------------------------------------------------------------------------------
# Questions


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a multiple-choice question: ``id`` is what :meth:`QuizRound.answer` takes.

    ``id`` is the record the option's text comes from, or an action key (``hip:extends``).
    """

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Question:
    """One question; its :attr:`id` is derived from ``kind``, ``target``, ``field``, ``variant``.

    - ``prompt``: what to ask.
    - ``highlight``: plate region ids to highlight (name, fact) or draw (pain zones) while asking.
    - ``accepted``: responses that count as right: plate region ids for click kinds (find,
      pain), choice ids for the others.
    - ``answer_records``: the record ids that are the right answer (for feedback);
      ``answer_text`` says it in words and ``reveal`` names the region ids that show it.
    - ``explanation``: the fact behind the answer, from the knowledge base.
    - ``correct`` / ``distractor_tiers``: the right choice and every valid wrong one, the
      preferred (same kind) tier first; :class:`QuizRound` picks a few per asking.
    """

    kind: QuestionKind
    target: str
    field: str
    variant: str
    prompt: str
    highlight: tuple[str, ...]
    accepted: frozenset[str]
    answer_records: tuple[str, ...]
    answer_text: str
    explanation: str
    reveal: tuple[str, ...]
    correct: tuple[Choice, ...] = ()
    distractor_tiers: tuple[tuple[Choice, ...], ...] = ()

    @property
    def id(self) -> str:
        return question_id(self.kind, self.target, self.field, self.variant)

    @property
    def by_click(self) -> bool:
        """True if answered by clicking the plate, False if by picking a choice."""
        return self.kind in CLICK_KINDS

    @property
    def distractors(self) -> tuple[Choice, ...]:
        return tuple(c for tier in self.distractor_tiers for c in tier)

    def is_correct(self, response: str) -> bool:
        """True if ``response`` (a clicked region id or a choice id) is a right answer."""
        return response in self.accepted


class _Builder:
    def __init__(self, atlas: Atlas, view: str | None = None) -> None:
        self.atlas = atlas
        self.kb = atlas.kb
        #: the same records in English: what a muscle does is read from the English wording of
        #: its actions ("Extends ..."), whatever language the questions are asked in
        self.english = self.kb.localized("en")
        self.view = view or atlas.main_view
        self.plate = atlas.plate_of(self.view)
        self.anchors = atlas.anchors_of(self.view)
        bindings = self.kb.svg_bindings()
        self.regions: dict[str, list[str]] = {}
        for region in self.plate.regions:  # paint order
            record_id = bindings.get(region.id)
            if record_id is not None and region.layer in CLICK_LAYERS:
                self.regions.setdefault(record_id, []).append(region.id)
        self.zone_regions = {
            z.id: z.svg_id
            for z in self.kb.zones.values()
            if self.plate.has(z.svg_id) and bindings.get(z.svg_id) == z.id
        }

    # helpers -----------------------------------------------------------------------------------

    def click_regions(self, record_id: str) -> tuple[str, ...]:
        return tuple(self.regions.get(record_id, ()))

    def visible(self, record_id: str) -> bool:
        """On the plate in a clickable layer, and not wholly covered by other regions."""
        regions = self.click_regions(record_id)
        if not regions:
            return False
        if record_id in self.anchors:
            return True
        plate = self.plate
        return label_anchor(plate, [plate.region(r) for r in regions]) is not None

    def name(self, record_id: str) -> str:
        return plain_name(self.kb, record_id)

    def nameable(self) -> Iterator[tuple[str, str]]:
        """(record id, kind group) of every structure and trigger point with a name."""
        for s in self.kb.structures.values():
            if s.kind in _GROUPS:
                yield s.id, _GROUPS[s.kind]
        for tp in self.kb.trigger_points.values():
            yield tp.id, _TRIGGER_POINT_GROUP

    def muscles(self) -> list[Structure]:
        return [s for s in self.kb.structures.values() if _GROUPS.get(s.kind) == "muscle"]

    # kinds -------------------------------------------------------------------------------------

    def find(self) -> Iterator[Question]:
        for record_id, _group in self.nameable():
            if not self.visible(record_id):
                continue
            regions = self.click_regions(record_id)
            name = self.name(record_id)
            yield Question(
                kind="find",
                target=record_id,
                field="",
                variant="",
                prompt=translate("Quiz", "Where is {name}? Click it on the plate.").format(
                    name=name
                ),
                highlight=(),
                accepted=frozenset(regions),
                answer_records=(record_id,),
                answer_text=name,
                explanation=self.summary(record_id),
                reveal=regions,
            )

    def summary(self, record_id: str) -> str:
        record = self.kb.get(record_id)
        if isinstance(record, Structure):
            return record.summary
        if isinstance(record, TriggerPoint):
            return record.location.text
        return ""

    def name_it(self) -> Iterator[Question]:
        groups = dict(self.nameable())
        for record_id, group in groups.items():
            if not self.visible(record_id):
                continue
            regions = self.click_regions(record_id)
            is_trigger_point = group == _TRIGGER_POINT_GROUP
            for variant in ("english", "latin"):
                label = self.label(record_id, variant)
                if not label or (
                    variant == "latin" and normalise(label) == normalise(self.name(record_id))
                ):
                    continue  # no Latin name, or the same as the English one
                tiers: list[tuple[Choice, ...]] = []
                seen = {normalise(label)}
                for tier_group in (group, *_FILL_GROUPS.get(group, ())):
                    tier: list[Choice] = []
                    for other, other_group in groups.items():
                        text = self.label(other, variant)
                        if other_group != tier_group or not text or normalise(text) in seen:
                            continue
                        seen.add(normalise(text))
                        tier.append(Choice(other, text))
                    tiers.append(tuple(tier))
                if not any(tiers):
                    continue
                if is_trigger_point:
                    prompt = (
                        translate("Quiz", "What is the highlighted trigger point called in Latin?")
                        if variant == "latin"
                        else translate("Quiz", "What is the highlighted trigger point called?")
                    )
                else:
                    prompt = (
                        translate("Quiz", "What is the highlighted structure called in Latin?")
                        if variant == "latin"
                        else translate("Quiz", "What is the highlighted structure called?")
                    )
                yield Question(
                    kind="name",
                    target=record_id,
                    field="name",
                    variant=variant,
                    prompt=prompt,
                    highlight=regions,
                    accepted=frozenset({record_id}),
                    answer_records=(record_id,),
                    answer_text=label,
                    explanation=self.summary(record_id),
                    reveal=regions,
                    correct=(Choice(record_id, label),),
                    distractor_tiers=tuple(tiers),
                )

    def label(self, record_id: str, variant: str) -> str:
        if variant == "latin":
            return latin_name(self.kb, record_id).strip()
        return self.name(record_id).strip()

    def pain(self) -> Iterator[Question]:
        zones = [z for z in self.kb.zones.values() if z.id in self.zone_regions]
        for zone in zones:
            yield from self.pain_question(zone.id, "zone", [zone])
        by_muscles: dict[frozenset[str], list[ReferralZone]] = {}
        for zone in zones:
            by_muscles.setdefault(frozenset(zone.muscles), []).append(zone)
        for group in by_muscles.values():
            essential = [z for z in group if z.kind == "essential"]
            spillover = [z for z in group if z.kind == "spillover"]
            if len(essential) == 1 and spillover:
                yield from self.pain_question(essential[0].id, "pattern", essential + spillover)

    def pain_question(
        self, target: str, field: str, zones: Sequence[ReferralZone]
    ) -> Iterator[Question]:
        zone_ids = {z.id for z in zones}
        causes: list[str] = []
        for tp in self.kb.trigger_points.values():
            if zone_ids <= set(tp.zones):
                causes += [tp.id, tp.muscle]
        # the zones' own statement of the muscles that refer there
        causes += [m for m in zones[0].muscles if all(m in z.muscles for z in zones)]
        answer = tuple(dict.fromkeys(r for r in causes if self.click_regions(r)))
        if not answer:
            return
        accepted = tuple(region for r in answer for region in self.click_regions(r))
        if field == "pattern":
            shown = translate("Quiz", "an essential zone (solid) with its spillover zone (dotted)")
        elif zones[0].kind == "essential":
            shown = translate("Quiz", "an essential zone")
        elif zones[0].kind == "spillover":
            shown = translate("Quiz", "a spillover zone")
        else:
            shown = f"{'an' if zones[0].kind[:1] in 'aeiou' else 'a'} {zones[0].kind} zone"
        yield Question(
            kind="pain",
            target=target,
            field=field,
            variant="",
            prompt=translate(
                "Quiz",
                "Whose pain is this? The plate shows {zone} of referred pain: "
                "click a trigger point or muscle that causes it.",
            ).format(zone=shown),
            highlight=tuple(self.zone_regions[z.id] for z in zones),
            accepted=frozenset(accepted),
            answer_records=answer,
            answer_text=", ".join(self.name(r) for r in answer),
            explanation=" ".join(z.description.text for z in zones),
            reveal=accepted,
        )

    def facts(self) -> Iterator[Question]:
        muscles = self.muscles()
        for target in muscles:
            for field in ("origin", "insertion"):
                yield from self.attachment(target, field, muscles)
            yield from self.innervation(target)
            yield from self.blood_supply(target, muscles)
        yield from self.actions(muscles)

    def fact_question(
        self,
        target: Structure,
        field: str,
        variant: str,
        prompt: str,
        correct: Choice,
        distractors: Sequence[Choice],
        explanation: str,
        show_target: bool = True,
    ) -> Iterator[Question]:
        if not distractors:
            return
        regions = self.click_regions(target.id)
        yield Question(
            kind="fact",
            target=target.id,
            field=field,
            variant=variant,
            prompt=prompt,
            highlight=regions if show_target else (),
            accepted=frozenset({correct.id}),
            answer_records=(target.id,),
            answer_text=correct.text,
            explanation=explanation,
            reveal=regions,
            correct=(correct,),
            distractor_tiers=(tuple(distractors),),
        )

    def attachment(
        self, target: Structure, field: str, muscles: Sequence[Structure]
    ) -> Iterator[Question]:
        fact: Fact | None = getattr(target, field)
        if fact is None or not fact.text.strip():
            return
        name = self.name(target.id)
        seen = {normalise(fact.text)}
        wrong: list[Choice] = []
        for other in muscles:
            other_fact: Fact | None = getattr(other, field)
            if other.id == target.id or other_fact is None:
                continue
            text = normalise(other_fact.text)
            if (
                not text
                or text in seen
                # sharing an attachment site: the other text may be true of the target too
                or set(other_fact.sites) & set(fact.sites)
                # describes the target's relation to another muscle ("shares with X")
                or normalise(name) in text
            ):
                continue
            seen.add(text)
            wrong.append(Choice(other.id, other_fact.text))
        if field == "origin":
            prompt = translate("Quiz", "What is the origin of {name}?")
        elif field == "insertion":
            prompt = translate("Quiz", "What is the insertion of {name}?")
        else:
            prompt = f"What is the {field} of {{name}}?"
        yield from self.fact_question(
            target,
            field,
            "",
            prompt.format(name=name),
            Choice(target.id, fact.text),
            wrong,
            fact.text,
        )

    def blood_supply(self, target: Structure, muscles: Sequence[Structure]) -> Iterator[Question]:
        """Which arteries supply a muscle: the wrong answers are the supplies of muscles of
        other regions (the hamstrings share their arteries, so none of theirs is offered)."""
        fact = target.blood_supply
        if fact is None or not fact.text.strip() or not target.is_hamstring:
            return  # (the other muscles' supplies are there to be told apart from these)
        family = {target.id, *target.members}
        for group in self.kb.structures.values():
            if target.id in group.members:
                family |= {group.id, *group.members}
        wrong = [
            Choice(other.id, other.blood_supply.text)
            for other in muscles
            if other.id not in family
            and other.blood_supply is not None
            and other.blood_supply.text.strip()
            and normalise(other.blood_supply.text) != normalise(fact.text)
        ]
        name = self.name(target.id)
        yield from self.fact_question(
            target,
            "blood_supply",
            "",
            translate("Quiz", "Which arteries supply {name}?").format(name=name),
            Choice(target.id, fact.text),
            wrong,
            fact.text,
        )

    def nerve_family(self, nerve_id: str) -> set[str]:
        """The nerve, the nerves it branches into and the nerves it is a branch of."""
        nerves = {s.id: s for s in self.kb.structures.values() if s.kind == "nerve"}

        def below(n: str, acc: set[str]) -> set[str]:
            for b in nerves[n].branches if n in nerves else ():
                if b not in acc:
                    acc.add(b)
                    below(b, acc)
            return acc

        family = {nerve_id} | below(nerve_id, set())
        family |= {n for n in nerves if nerve_id in below(n, set())}
        return family

    def innervation(self, target: Structure) -> Iterator[Question]:
        inn = target.innervation
        if inn is None:
            return
        name = self.name(target.id)
        roots = ", ".join(inn.roots)
        explanation = translate("Quiz", "{nerve}: {division}; roots {roots}.").format(
            nerve=self.name(inn.nerve), division=inn.division, roots=roots
        )
        family = self.nerve_family(inn.nerve)
        nerves = [
            Choice(s.id, self.name(s.id))
            for s in self.kb.structures.values()
            if s.kind == "nerve" and s.id not in family
        ]
        yield from self.fact_question(
            target,
            "innervation",
            "nerve",
            translate("Quiz", "Which nerve supplies {name}?").format(name=name),
            Choice(inn.nerve, self.name(inn.nerve)),
            nerves,
            explanation,
        )
        others = [s for s in self.kb.structures.values() if s.id != target.id]
        seen = {normalise(inn.division)}
        divisions: list[Choice] = []
        for other in others:
            o = other.innervation
            if o is None or o.nerve in family or normalise(o.division) in seen:
                continue
            seen.add(normalise(o.division))
            divisions.append(Choice(other.id, o.division))
        yield from self.fact_question(
            target,
            "innervation",
            "division",
            translate("Quiz", "Through which nerve division is {name} supplied?").format(name=name),
            Choice(target.id, inn.division),
            divisions,
            explanation,
        )
        root_sets = {_root_set(inn.roots)}
        root_choices: list[Choice] = []
        for other in others:
            other_roots = other.innervation.roots if other.innervation else other.roots
            if not other_roots or _root_set(other_roots) in root_sets:
                continue
            root_sets.add(_root_set(other_roots))
            root_choices.append(Choice(other.id, ", ".join(other_roots)))
        yield from self.fact_question(
            target,
            "innervation",
            "roots",
            translate("Quiz", "Which spinal nerve roots supply {name}?").format(name=name),
            Choice(target.id, roots),
            root_choices,
            explanation,
        )

    def actions(self, muscles: Sequence[Structure]) -> Iterator[Question]:
        known: dict[str, tuple[Structure, Actions, frozenset[str]]] = {}
        for s in muscles:
            english = self.english.structures.get(s.id, s).actions
            if english is not None and (done := true_actions(english)) is not None:
                known[s.id] = (s, english, done)
        universe = sorted({k for _s, _a, done in known.values() for k in done})
        for s, english, done in known.values():
            keys = action_keys(english)
            name = self.name(s.id)
            wrong = [Choice(k, action_label(k)) for k in universe if k not in done]
            for joint in ACTION_JOINTS:
                key = keys[joint]
                if key is None or key not in done:
                    continue
                yield from self.fact_question(
                    s,
                    "actions",
                    joint,
                    translate("Quiz", "Which of these actions does {name} perform?").format(
                        name=name
                    ),
                    Choice(key, action_label(key)),
                    wrong,
                    getattr(s.actions or english, joint).text,  # (in the reader's language)
                )
        for key in universe:
            joint = key.split(":", 1)[0]
            having = [s for s, _a, done in known.values() if key in done]
            for s, english, done in known.values():
                if key in done:
                    continue
                wrong = [Choice(h.id, self.name(h.id)) for h in having]
                yield from self.fact_question(
                    s,
                    "actions",
                    f"not-{key.replace(':', '-')}",
                    translate("Quiz", "Which of these muscles does NOT {action}?").format(
                        action=action_label(key, base_form=True)
                    ),
                    Choice(s.id, self.name(s.id)),
                    wrong,
                    getattr(s.actions or english, joint).text,
                    show_target=False,  # the target is the answer
                )


def _root_set(roots: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise(r) for r in roots)


def build_questions(
    atlas: Atlas, kinds: Iterable[str] | None = None, view: str | None = None
) -> tuple[Question, ...]:
    """Every question the atlas supports (of ``kinds``, default all), in a stable order.

    Questions that point at the plate ("Find it", and what the quiz shows there) use the
    plate of ``view`` (default: the atlas's main, posterior plate)."""
    wanted = frozenset(QUESTION_KINDS if kinds is None else kinds)
    unknown = wanted - set(QUESTION_KINDS)
    if unknown:
        raise ValueError(
            f"unknown question kind(s) {sorted(unknown)}; known: {', '.join(QUESTION_KINDS)}"
        )
    b = _Builder(atlas, view)
    makers = {"find": b.find, "name": b.name_it, "pain": b.pain, "fact": b.facts}
    out: list[Question] = []
    for kind in QUESTION_KINDS:
        if kind in wanted:
            out.extend(makers[kind]())
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Rounds


@dataclass(frozen=True, slots=True)
class Asked:
    """One asking of a question. ``serial`` tells askings apart, so a repeated answer to the
    same asking (a fast double click) is graded once. ``choices`` are shuffled for this asking
    (empty for click questions)."""

    serial: int
    question: Question
    choices: tuple[Choice, ...]
    cycle: int

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def prompt(self) -> str:
        return self.question.prompt


@dataclass(frozen=True, slots=True)
class Score:
    """Right answers out of graded questions (skipped questions are not counted)."""

    right: int = 0
    asked: int = 0

    def __str__(self) -> str:
        return f"{self.right}/{self.asked}"


@dataclass(frozen=True, slots=True)
class Result:
    """The grade of one answer. ``counted`` is False for an answer that changed nothing: a
    repeat for an asking already graded (the first grade is returned) or a late answer to a
    question no longer asked. ``due`` is the item's next review (None if never graded)."""

    question: Question
    serial: int
    response: str
    correct: bool
    counted: bool
    due: datetime | None
    score: Score


class QuizRound:
    """Draws questions and grades answers.

    No question repeats within a cycle until every question was drawn; then a new cycle starts.
    Within a cycle, due items come first (most overdue first), then unseen ones, then the rest
    (soonest due first). ``rng`` shuffles choices and breaks ties.
    """

    def __init__(
        self,
        questions: Iterable[Question],
        scheduler: ReviewScheduler | None = None,
        *,
        rng: random.Random | None = None,
        choices: int = 4,
    ) -> None:
        self._questions: dict[str, Question] = {}
        for q in questions:
            if q.id in self._questions:
                raise ValueError(f"two questions have the id '{q.id}'")
            self._questions[q.id] = q
        if not self._questions:
            raise ValueError("a quiz round needs at least one question")
        if choices < 2:
            raise ValueError(f"choices must be at least 2, got {choices}")
        self.scheduler = scheduler if scheduler is not None else ReviewScheduler()
        self._rng = rng if rng is not None else random.Random()
        self._choices = choices
        self._left: list[str] = list(self._questions)
        self._cycle = 1
        self._serial = 0
        self._current: Asked | None = None
        self._graded: dict[int, Result] = {}
        self._score = Score()

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(self._questions.values())

    @property
    def current(self) -> Asked | None:
        """The question being asked, or None before the first :meth:`next_question`."""
        return self._current

    @property
    def score(self) -> Score:
        return self._score

    @property
    def cycle(self) -> int:
        """1 for the first pass through the questions, 2 for the next, ..."""
        return self._cycle

    @property
    def remaining(self) -> int:
        """Questions not yet drawn in this cycle."""
        return len(self._left)

    def due(self, question_id: str) -> datetime | None:
        """When the question is next due (UTC); None if never graded."""
        return self.scheduler.due(question_id)

    def next_question(self) -> Asked:
        """Draw the next question (an unanswered current one is skipped, ungraded)."""
        if not self._left:
            self._cycle += 1
            self._left = list(self._questions)
        candidates = self._left
        last = self._current.id if self._current is not None else None
        if len(candidates) > 1 and last in candidates:
            candidates = [c for c in candidates if c != last]  # no back-to-back repeat
        chosen = self._pick(candidates)
        self._left.remove(chosen)
        question = self._questions[chosen]
        self._serial += 1
        self._current = Asked(self._serial, question, self._deal(question), self._cycle)
        return self._current

    def _pick(self, candidates: list[str]) -> str:
        sched = self.scheduler
        now = sched.now()
        order = list(candidates)
        self._rng.shuffle(order)  # ties broken at random; sorts below are stable
        seen = [(d, i) for i in order if (d := sched.due(i)) is not None]
        due = [(d, i) for d, i in seen if d <= now]
        if due:
            return min(due, key=lambda pair: pair[0])[1]
        unseen = [i for i in order if not sched.seen(i)]
        if unseen:
            return unseen[0]
        return min(seen, key=lambda pair: pair[0])[1]

    def _deal(self, question: Question) -> tuple[Choice, ...]:
        if question.by_click:
            return ()
        wanted = self._choices - len(question.correct)
        picked: list[Choice] = []
        for tier in question.distractor_tiers:
            pool = list(tier)
            self._rng.shuffle(pool)
            picked += pool[: max(0, wanted - len(picked))]
        dealt = list(question.correct) + picked
        self._rng.shuffle(dealt)
        return tuple(dealt)

    def answer(self, question_id: str, response: str, *, serial: int | None = None) -> Result:
        """Grade ``response`` (a clicked region id or a choice id) to the asked question.

        Only the first answer to an asking is graded and scheduled; ``serial`` (from
        :class:`Asked`) tells askings apart, default the current one. Raises KeyError for an
        unknown question id.
        """
        question = self._questions.get(question_id)
        if question is None:
            raise KeyError(f"no question '{question_id}' in this round")
        current = self._current
        if (
            current is None
            or current.id != question_id
            or (serial is not None and serial != current.serial)
        ):
            return Result(
                question,
                serial if serial is not None else 0,
                response,
                question.is_correct(response),
                counted=False,
                due=self.scheduler.due(question_id),
                score=self._score,
            )
        first = self._graded.get(current.serial)
        if first is not None:
            return replace(first, counted=False, score=self._score)
        correct = question.is_correct(response)
        due = self.scheduler.record(question_id, correct)
        self._score = Score(self._score.right + int(correct), self._score.asked + 1)
        result = Result(question, current.serial, response, correct, True, due, self._score)
        self._graded = {current.serial: result}
        return result


__all__ = [
    "ACTION_JOINTS",
    "CLICK_KINDS",
    "QUESTION_KINDS",
    "Asked",
    "Choice",
    "Question",
    "QuestionKind",
    "QuizRound",
    "Result",
    "Score",
    "action_key",
    "action_keys",
    "action_label",
    "build_questions",
    "normalise",
    "question_id",
    "true_actions",
]
