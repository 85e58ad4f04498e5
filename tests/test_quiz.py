"""Quiz questions from the shipped knowledge base, and rounds that draw and grade them."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from conftest import HAMSTRINGS

from hamstring_viewer.catalog import Atlas
from hamstring_viewer.geometry import CLICK_LAYERS, sample_points
from hamstring_viewer.quiz import (
    QUESTION_KINDS,
    Question,
    QuizRound,
    action_key,
    action_label,
    build_questions,
    normalise,
    question_id,
    true_actions,
)
from hamstring_viewer.records import Fact, Structure, TriggerPoint
from hamstring_viewer.scheduler import ReviewScheduler

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def questions(atlas: Atlas) -> tuple[Question, ...]:
    return build_questions(atlas)


def _by_id(questions: tuple[Question, ...]) -> dict[str, Question]:
    return {q.id: q for q in questions}


def _click_regions(atlas: Atlas, record_id: str) -> set[str]:
    return {
        r.id
        for r in atlas.plate.regions
        if r.layer in CLICK_LAYERS
        and (record := atlas.record_for_region(r.id)) is not None
        and record.id == record_id
    }


# --------------------------------------------------------------------------------------------
# Questions


def test_every_kind_and_fact_field_is_asked(questions: tuple[Question, ...]) -> None:
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == set(QUESTION_KINDS)
    fields = {(q.field, q.variant.split("-")[0]) for q in questions if q.kind == "fact"}
    for wanted in [
        ("origin", ""),
        ("insertion", ""),
        ("innervation", "nerve"),
        ("innervation", "division"),
        ("innervation", "roots"),
        ("actions", "hip"),
        ("actions", "knee"),
        ("actions", "knee_rotation"),
        ("actions", "not"),
    ]:
        assert wanted in fields


def test_ids_are_unique_and_made_of_kind_target_field_variant(
    questions: tuple[Question, ...],
) -> None:
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids))
    for q in questions:
        assert q.id == question_id(q.kind, q.target, q.field, q.variant)
        assert q.id == f"{q.kind}:{q.target}:{q.field}:{q.variant}"
    assert "find:semitendinosus::" in ids
    assert "name:semitendinosus:name:latin" in ids
    assert "fact:semitendinosus:origin:" in ids


def _reworded(atlas: Atlas) -> Atlas:
    """The same knowledge, every name and text worded differently and the tables reversed."""
    kb = atlas.kb

    def fact(f: Fact | None) -> Fact | None:
        return None if f is None else replace(f, text=f"{f.text} (Reworded.)")

    structures: dict[str, Structure] = {}
    for s in reversed(kb.structures.values()):
        changed = replace(
            s,
            name=f"Renamed {s.name}",
            latin=f"Renamed {s.latin}" if s.latin else "",
            summary="Reworded.",
            origin=fact(s.origin),
            insertion=fact(s.insertion),
        )
        if s.innervation is not None:
            inn = s.innervation
            changed = replace(changed, innervation=replace(inn, division=f"the {inn.division}"))
        if s.actions is not None:
            a = s.actions
            changed = replace(
                changed,
                actions=replace(
                    a,
                    hip=fact(a.hip) or a.hip,
                    knee=fact(a.knee) or a.knee,
                    knee_rotation=fact(a.knee_rotation) or a.knee_rotation,
                ),
            )
        structures[s.id] = changed
    trigger_points = {
        tp.id: replace(tp, name=f"Renamed {tp.name}", location=fact(tp.location) or tp.location)
        for tp in reversed(kb.trigger_points.values())
    }
    zones = {
        z.id: replace(z, name=f"Renamed {z.name}", description=fact(z.description) or z.description)
        for z in reversed(kb.zones.values())
    }
    new_kb = replace(kb, structures=structures, trigger_points=trigger_points, zones=zones)
    return replace(atlas, kb=new_kb)


def test_ids_do_not_change_when_wording_or_order_changes(
    atlas: Atlas, questions: tuple[Question, ...]
) -> None:
    reworded = build_questions(_reworded(atlas))
    assert {q.id for q in reworded} == {q.id for q in questions}
    before, after = _by_id(questions), _by_id(reworded)
    changed_prompts = [i for i in before if before[i].prompt != after[i].prompt]
    assert changed_prompts  # the wording did change


def test_kinds_can_be_chosen(atlas: Atlas) -> None:
    assert {q.kind for q in build_questions(atlas, kinds=["find", "pain"])} == {"find", "pain"}
    with pytest.raises(ValueError, match="known: find, name, pain, fact"):
        build_questions(atlas, kinds=["spot"])


def test_find_it_asks_every_record_that_is_clickable_on_the_plate(
    atlas: Atlas, questions: tuple[Question, ...]
) -> None:
    kb = atlas.kb
    find = {q.target: q for q in questions if q.kind == "find"}
    plate = atlas.plate

    def seen(record_id: str) -> bool:
        """Some point of its regions hit-tests to it: not wholly covered by what lies over
        it (the greater trochanter under gluteus maximus is not asked on the superficial
        plate)."""
        regions = _click_regions(atlas, record_id)
        return any(
            (hit := plate.hit_test(x, y, CLICK_LAYERS)) is not None and hit.id in regions
            for rid in regions
            for x, y in sample_points(plate.region(rid), step=3.0)
        )

    on_plate = {s.id for s in kb.structures.values() if seen(s.id)}
    on_plate |= {tp.id for tp in kb.trigger_points.values() if seen(tp.id)}
    assert set(find) == on_plate
    assert "obturator_internus" not in find  # described, but not drawn
    assert not any(t in find for t in kb.zones)  # zones are drawn, not clicked
    for record_id, q in find.items():
        assert q.by_click and q.highlight == ()
        # a click on any region bound to the record counts, and only those
        assert q.accepted == _click_regions(atlas, record_id)
        for region in atlas.plate.regions:
            record = atlas.record_for_region(region.id)
            assert q.is_correct(region.id) == (
                record is not None and record.id == record_id and region.layer in CLICK_LAYERS
            )
    assert find["semitendinosus"].accepted == {"semitendinosus", "semitendinosus_tendon"}


def test_name_it_offers_latin_only_where_there_is_a_latin_name(
    atlas: Atlas, questions: tuple[Question, ...]
) -> None:
    kb = atlas.kb
    names = [q for q in questions if q.kind == "name"]
    english = {q.target for q in names if q.variant == "english"}
    latin = {q.target for q in names if q.variant == "latin"}
    assert latin < english
    assert not latin & set(kb.trigger_points)  # trigger points have no Latin name
    for target in latin:
        s = kb.structures[target]
        assert s.latin and normalise(s.latin) != normalise(s.name)
    for q in names:
        assert not q.by_click
        assert set(q.highlight) == _click_regions(atlas, q.target)
        assert q.accepted == {q.target} == {c.id for c in q.correct}


def test_name_it_distractors_are_of_the_same_kind_first(
    atlas: Atlas, questions: tuple[Question, ...]
) -> None:
    kb = atlas.kb

    def group(record_id: str) -> str:
        if record_id in kb.trigger_points:
            return "trigger_point"
        kind = kb.structures[record_id].kind
        return "muscle" if kind == "hamstring" else kind

    for q in questions:
        if q.kind != "name":
            continue
        first, *rest = q.distractor_tiers
        assert all(group(c.id) == group(q.target) for c in first)
        for tier in rest:
            assert all(group(c.id) != group(q.target) for c in tier)
            assert {group(q.target), *(group(c.id) for c in tier)} <= {
                "muscle",
                "nerve",
                "vessel",
            }
    semitendinosus = _by_id(questions)["name:semitendinosus:name:english"]
    assert {c.id for c in semitendinosus.distractor_tiers[0]} >= set(HAMSTRINGS) - {
        "semitendinosus"
    }


def test_whose_pain_accepts_its_trigger_points_and_their_muscles(
    atlas: Atlas, questions: tuple[Question, ...]
) -> None:
    kb = atlas.kb
    pain = [q for q in questions if q.kind == "pain"]
    assert {q.target for q in pain if q.field == "zone"} == set(kb.zones)
    groups: dict[frozenset[str], list[str]] = {}
    for z in kb.zones.values():
        groups.setdefault(frozenset(z.muscles), []).append(z.kind)
    pattern_groups = [g for g in groups.values() if g.count("essential") == 1 and "spillover" in g]
    assert pattern_groups
    assert len([q for q in pain if q.field == "pattern"]) == len(pattern_groups)
    for q in pain:
        assert q.by_click
        shown = {record.id for r in q.highlight if (record := atlas.record_for_region(r))}
        zones = [z for z in kb.zones.values() if z.id in shown]
        assert zones and {z.svg_id for z in zones} == set(q.highlight)
        if q.field == "pattern":
            assert {z.kind for z in zones} == {"essential", "spillover"}
        tps = [tp for tp in kb.trigger_points.values() if all(z.id in tp.zones for z in zones)]
        assert tps
        causes = {tp.id for tp in tps} | {tp.muscle for tp in tps}
        assert set(q.answer_records) >= causes
        for record_id in causes:
            assert _click_regions(atlas, record_id) <= q.accepted
        for region in q.accepted:
            record = atlas.record_for_region(region)
            assert record is not None and record.id in q.answer_records
    medial = _by_id(questions)["pain:zone_medial_hamstrings_essential:zone:"]
    assert medial.is_correct("tp_semimembranosus_lower")
    assert medial.is_correct("semitendinosus_tendon")
    assert not medial.is_correct("tp_biceps_femoris_long_head")
    assert not medial.is_correct("gracilis")


def test_no_wrong_answer_is_true_of_the_asked_structure(
    atlas: Atlas, questions: tuple[Question, ...]
) -> None:
    kb = atlas.kb
    for q in questions:
        if q.by_click:
            assert not q.correct and not q.distractors
            continue
        assert q.distractors, q.id
        ids = [c.id for c in q.correct + q.distractors]
        assert len(ids) == len(set(ids)), q.id
        texts = [normalise(c.text) for c in q.correct + q.distractors]
        assert len(texts) == len(set(texts)), q.id
        assert q.accepted == {c.id for c in q.correct}
        if q.kind == "name":
            continue  # names differ: checked above
        target = kb.structures[q.target]
        for d in q.distractors:
            if q.field in ("origin", "insertion"):
                mine, theirs = getattr(target, q.field), getattr(kb.structures[d.id], q.field)
                assert not set(mine.sites) & set(theirs.sites), (q.id, d.id)
            elif q.variant == "nerve":
                nerve = kb.structures[q.correct[0].id]
                other = kb.structures[d.id]
                assert other.kind == "nerve" and d.id != nerve.id
                assert nerve.id not in other.branches and d.id not in nerve.branches
            elif q.variant == "division":
                assert target.innervation is not None
                other_inn = kb.structures[d.id].innervation
                assert other_inn is not None and other_inn.nerve != target.innervation.nerve
            elif q.variant == "roots":
                assert target.innervation is not None
                assert set(d.text.split(", ")) != set(target.innervation.roots)
            elif q.field == "actions":
                assert target.actions is not None
                truth = true_actions(target.actions)
                assert truth is not None
                if q.variant.startswith("not-"):
                    key = q.variant.removeprefix("not-").replace("-", ":")
                    assert key not in truth
                    other_actions = kb.structures[d.id].actions
                    assert other_actions is not None
                    assert key in (true_actions(other_actions) or ())  # the wrong pick does it
                else:
                    assert d.id not in truth, (q.id, d.id)
            elif q.field == "blood_supply":
                # another region's muscle, whose arteries are not the hamstrings' perforators
                assert d.id not in {s.id for s in kb.hamstrings}, (q.id, d.id)
                assert "perforating" not in d.text.lower(), (q.id, d.id)
            else:
                pytest.fail(f"unchecked fact question {q.id}")


def test_actions_are_read_from_the_data(atlas: Atlas, questions: tuple[Question, ...]) -> None:
    kb = atlas.kb
    truth = {}
    for h in HAMSTRINGS:
        actions = kb.structures[h].actions
        assert actions is not None
        truth[h] = true_actions(actions)
    assert all(t is not None and "knee:flexes" in t for t in truth.values())
    assert "hip:extends" not in (truth["biceps_femoris_short_head"] or ())
    assert "hip:extends" in (truth["biceps_femoris_long_head"] or ())
    by_id = _by_id(questions)
    for q in questions:
        if q.kind == "fact" and q.field == "actions" and q.target in HAMSTRINGS:
            # flexing the knee is true of every hamstring: never a wrong answer for one
            assert "knee:flexes" not in {d.id for d in q.distractors}
            assert "Flexes the knee".casefold() not in {d.text.casefold() for d in q.distractors}
    assert not any(q.variant == "not-knee-flexes" for q in questions)
    short_head = by_id["fact:biceps_femoris_short_head:actions:knee_rotation"]
    assert "hip:extends" in {d.id for d in short_head.distractors}
    not_hip = by_id["fact:biceps_femoris_short_head:actions:not-hip-extends"]
    assert not_hip.prompt == "Which of these muscles does NOT extend the hip?"
    assert {d.id for d in not_hip.distractors} == set(HAMSTRINGS) - {"biceps_femoris_short_head"}
    assert not_hip.highlight == ()  # highlighting the target would give the answer away


@pytest.mark.parametrize(
    ("joint", "text", "key"),
    [
        ("hip", "Extends the hip (moves the thigh backward).", "hip:extends"),
        ("hip", "None: it does not cross the hip, so it does not extend it.", "hip:none"),
        ("knee", "Flexes (bends) the knee.", "knee:flexes"),
        ("knee_rotation", "With the knee bent, rotates the leg medially.", "knee_rotation:medial"),
        ("knee_rotation", "Rotates the flexed leg externally.", "knee_rotation:lateral"),
        ("knee_rotation", "Stabilises the knee.", None),
        ("hip", "Helps a little.", None),
    ],
)
def test_action_key(joint: str, text: str, key: str | None) -> None:
    assert action_key(joint, Fact(text, ("src",))) == key


def test_action_labels() -> None:
    assert action_label("hip:extends") == "extends the hip"
    assert action_label("hip:extends", base_form=True) == "extend the hip"
    assert action_label("knee:flexes") == "flexes the knee"
    assert "medially" in action_label("knee_rotation:medial")


def test_plate_and_record_regions_agree(atlas: Atlas, questions: tuple[Question, ...]) -> None:
    for q in questions:
        for region in q.highlight + q.reveal:
            assert atlas.plate.has(region)
        for record_id in q.answer_records:
            record = atlas.kb.get(record_id)
            assert isinstance(record, Structure | TriggerPoint)


# --------------------------------------------------------------------------------------------
# Rounds


def _round(questions: tuple[Question, ...], seed: int = 1, clock: Clock | None = None) -> QuizRound:
    scheduler = ReviewScheduler(clock or Clock(), fuzz=False)
    return QuizRound(questions, scheduler, rng=random.Random(seed))


def _right(question: Question) -> str:
    return sorted(question.accepted)[0]


def _wrong(question: Question) -> str:
    return "no-such-region" if question.by_click else question.distractors[0].id


def test_no_question_repeats_until_the_pool_is_exhausted(
    questions: tuple[Question, ...],
) -> None:
    r = _round(questions)
    first = [r.next_question() for _ in questions]
    assert sorted(a.id for a in first) == sorted(q.id for q in questions)
    assert {a.cycle for a in first} == {1} and r.remaining == 0
    again = r.next_question()
    assert again.cycle == r.cycle == 2 and again.id != first[-1].id
    assert len({a.serial for a in [*first, again]}) == len(questions) + 1


def test_answers_are_graded_and_scored(questions: tuple[Question, ...]) -> None:
    r = _round(questions)
    asked = r.next_question()
    result = r.answer(asked.id, _right(asked.question), serial=asked.serial)
    assert result.correct and result.counted and result.score == r.score
    assert (r.score.right, r.score.asked) == (1, 1)
    asked = r.next_question()
    result = r.answer(asked.id, _wrong(asked.question), serial=asked.serial)
    assert not result.correct and result.counted
    assert str(r.score) == "1/2"
    r.next_question()  # skipped: not graded
    r.next_question()
    assert str(r.score) == "1/2"


def test_a_double_click_is_graded_once(questions: tuple[Question, ...]) -> None:
    r = _round(questions)
    asked = r.next_question()
    first = r.answer(asked.id, _right(asked.question), serial=asked.serial)
    repeat = r.answer(asked.id, _right(asked.question), serial=asked.serial)
    other = r.answer(asked.id, _wrong(asked.question))  # a different second answer
    assert first.counted and not repeat.counted and not other.counted
    assert repeat.correct and other.correct  # the first grade stands
    assert (r.score.right, r.score.asked) == (1, 1)
    assert len(r.scheduler.history(asked.id)) == 1


def test_a_late_answer_to_an_earlier_asking_is_not_counted(
    questions: tuple[Question, ...],
) -> None:
    r = _round(questions)
    earlier = r.next_question()
    r.next_question()
    late = r.answer(earlier.id, _right(earlier.question), serial=earlier.serial)
    assert late.correct and not late.counted
    assert r.score.asked == 0 and r.scheduler.history(earlier.id) == ()
    with pytest.raises(KeyError, match="no question"):
        r.answer("find:nothing::", "femur")


def test_the_same_question_asked_again_in_a_new_cycle_is_graded_again(
    questions: tuple[Question, ...],
) -> None:
    pool = questions[:2]
    r = _round(pool)
    serials: dict[str, list[int]] = {}
    for _ in range(4):
        asked = r.next_question()
        serials.setdefault(asked.id, []).append(asked.serial)
        assert r.answer(asked.id, _right(asked.question), serial=asked.serial).counted
    assert r.score.asked == 4 and all(len(s) == 2 for s in serials.values())


def test_multiple_choice_deals_the_right_answer_among_a_few_choices(
    questions: tuple[Question, ...],
) -> None:
    r = _round(questions)
    for _ in questions:
        asked = r.next_question()
        q = asked.question
        if q.by_click:
            assert asked.choices == ()
            continue
        ids = [c.id for c in asked.choices]
        assert len(ids) == len(set(ids)) and 2 <= len(ids) <= 4
        assert set(ids) & q.accepted
        assert set(ids) <= {c.id for c in q.correct + q.distractors}
        if len(q.distractor_tiers[0]) >= 3:  # enough of the same kind: only those
            assert set(ids) - q.accepted <= {c.id for c in q.distractor_tiers[0]}


def test_a_seeded_round_is_reproducible(questions: tuple[Question, ...]) -> None:
    def run(seed: int) -> list[tuple[str, tuple[str, ...]]]:
        r = _round(questions, seed)
        return [
            (a.id, tuple(c.id for c in a.choices)) for a in (r.next_question() for _ in range(30))
        ]

    assert run(5) == run(5)
    assert run(5) != run(6)


def test_wrong_answers_come_back_first_in_the_next_cycle(
    questions: tuple[Question, ...],
) -> None:
    pool = tuple(q for q in questions if q.kind == "find")[:5]
    clock = Clock()
    r = _round(pool, clock=clock)
    missed = r.next_question()
    r.answer(missed.id, _wrong(missed.question), serial=missed.serial)
    for _ in pool[1:]:
        asked = r.next_question()
        r.answer(asked.id, _right(asked.question), serial=asked.serial)
    missed_due = r.due(missed.id)
    others_due = [r.due(q.id) for q in pool if q.id != missed.id]
    assert missed_due is not None and all(d is not None and missed_due < d for d in others_due)
    clock.now += timedelta(minutes=5)  # the missed one is due again, the others not yet
    assert r.next_question().id == missed.id


def test_due_items_are_offered_first_then_new_ones(questions: tuple[Question, ...]) -> None:
    pool = tuple(q for q in questions if q.kind == "name")[:6]
    clock = Clock()
    scheduler = ReviewScheduler(clock, fuzz=False)
    scheduler.record(pool[0].id, False)
    clock.now += timedelta(seconds=10)
    scheduler.record(pool[1].id, False)
    scheduler.record(pool[2].id, True)
    clock.now += timedelta(minutes=5)
    # a new session over saved progress
    restored = ReviewScheduler.from_dict(scheduler.to_dict(), clock, fuzz=False)
    r = QuizRound(pool, restored, rng=random.Random(3))
    order = [r.next_question().id for _ in pool]
    assert order[:2] == [pool[0].id, pool[1].id]  # due, most overdue first
    assert set(order[2:5]) == {q.id for q in pool[3:]}  # never answered
    assert order[5] == pool[2].id  # answered right, not yet due


def test_a_round_needs_distinct_questions(questions: tuple[Question, ...]) -> None:
    with pytest.raises(ValueError, match="at least one"):
        QuizRound([])
    with pytest.raises(ValueError, match="two questions have the id"):
        QuizRound([questions[0], questions[0]])


def test_quiz_modules_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import hamstring_viewer.quiz, hamstring_viewer.scheduler\n"
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_fact_questions_ask_for_each_hamstrings_blood_supply() -> None:
    from hamstring_viewer import resources
    from hamstring_viewer.catalog import load_atlas
    from hamstring_viewer.quiz import build_questions

    atlas = load_atlas(resources.data_dir(), resources.plate_paths())
    asked = {q.target: q for q in build_questions(atlas, ["fact"]) if q.field == "blood_supply"}
    assert set(asked) == {s.id for s in atlas.kb.hamstrings}
    for target, question in asked.items():
        supply = atlas.kb.structures[target].blood_supply
        assert supply is not None and question.answer_text == supply.text
        offered = {c.id for tier in question.distractor_tiers for c in tier}
        # never another hamstring's (they share their arteries): other regions' muscles only
        assert offered and not offered & {s.id for s in atlas.kb.hamstrings}


def test_the_neighbours_trigger_points_and_zones_are_asked_too(atlas: Atlas) -> None:
    questions = build_questions(atlas)
    found = {(q.kind, q.target) for q in questions}
    for tp_id in ("tp_gluteus_minimus_posterior", "tp_piriformis", "tp_soleus", "tp_popliteus"):
        assert ("find", tp_id) in found, tp_id
    pain = [
        q for q in questions if q.kind == "pain" and q.target == "zone_gluteus_minimus_essential"
    ]
    assert pain and "tp_gluteus_minimus_posterior" in pain[0].answer_records
