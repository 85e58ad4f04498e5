"""Spaced repetition: right answers come back later than wrong ones; progress survives a restart."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from hamstring_viewer.scheduler import ProgressError, Review, ReviewScheduler

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def test_right_answer_is_due_later_than_wrong_answer() -> None:
    clock = Clock()
    s = ReviewScheduler(clock, fuzz=False)
    right = s.record("right", True)
    wrong = s.record("wrong", False)
    assert T0 < wrong < right
    assert s.due("right") == right and s.due("wrong") == wrong


def test_intervals_grow_with_right_answers_and_shrink_after_a_wrong_one() -> None:
    clock = Clock()
    s = ReviewScheduler(clock, fuzz=False)
    intervals = []
    for _ in range(4):
        due = s.record("item", True)
        intervals.append(due - clock.now)
        clock.now = due
    assert intervals == sorted(intervals) and intervals[-1] >= timedelta(days=1)
    due_after_lapse = s.record("item", False)
    assert due_after_lapse - clock.now < intervals[-1]


def test_unseen_items_have_no_due_date_and_are_not_due() -> None:
    s = ReviewScheduler(Clock())
    assert s.due("never") is None
    assert not s.seen("never") and not s.is_due("never")
    assert s.history("never") == () and s.items() == []


def test_due_items_are_the_answered_ones_whose_time_has_come_most_overdue_first() -> None:
    clock = Clock()
    s = ReviewScheduler(clock, fuzz=False)
    s.record("good", True)  # due in minutes
    s.record("again_1", False)
    clock.advance(seconds=1)
    s.record("again_2", False)
    assert s.due_items() == []
    clock.advance(minutes=5)  # the wrong ones are due, the right one not yet
    assert s.due_items() == ["again_1", "again_2"]
    assert s.due_items(["again_2", "good", "unseen"]) == ["again_2"]
    assert s.is_due("again_1") and not s.is_due("good")
    clock.advance(days=1)
    assert set(s.due_items()) == {"good", "again_1", "again_2"}


def test_history_keeps_every_graded_answer() -> None:
    clock = Clock()
    s = ReviewScheduler(clock)
    s.record("item", False)
    clock.advance(minutes=3)
    s.record("item", True)
    assert s.history("item") == (
        Review(T0, False),
        Review(T0 + timedelta(minutes=3), True),
    )


def test_round_trip_through_json_keeps_due_dates_and_history() -> None:
    clock = Clock()
    s = ReviewScheduler(clock, fuzz=False)
    for correct in (True, True, False, True):
        s.record("a", correct)
        clock.now = s.due("a") or clock.now
    s.record("b", False)
    saved = json.loads(json.dumps(s.to_dict()))  # as the file store would write and read it

    restored = ReviewScheduler.from_dict(saved, clock, fuzz=False)  # a restart
    assert restored.to_dict() == s.to_dict()
    for item in ("a", "b"):
        assert restored.due(item) == s.due(item)
        assert restored.history(item) == s.history(item)
    # and it goes on scheduling exactly as the original would
    clock.advance(days=3)
    assert restored.record("a", True) == s.record("a", True)


def test_an_empty_progress_round_trips() -> None:
    s = ReviewScheduler(Clock())
    assert ReviewScheduler.from_dict(s.to_dict()).to_dict() == s.to_dict()


def test_a_non_utc_clock_is_converted_and_a_naive_one_refused() -> None:
    plus_two = timezone(timedelta(hours=2))
    s = ReviewScheduler(lambda: datetime(2025, 3, 1, 11, 0, tzinfo=plus_two))
    assert s.now() == T0 and s.now().tzinfo is UTC
    s.record("item", True)
    assert s.history("item")[0].at == T0
    naive = ReviewScheduler(lambda: datetime(2025, 3, 1, 9, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        naive.record("item", True)


def _saved() -> dict[str, Any]:
    clock = Clock()
    s = ReviewScheduler(clock)
    s.record("find:femur::", False)
    return s.to_dict()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(format="something else"), "format"),
        (lambda d: d.update(version=99), "version"),
        (lambda d: d.update(items=[]), "items"),
        (lambda d: d["items"].update({"find:femur::": "due tomorrow"}), "items.find:femur::"),
        (lambda d: d["items"]["find:femur::"].update(state=7), "items.find:femur::.state"),
        (lambda d: d["items"]["find:femur::"].update(state="1"), "items.find:femur::.state"),
        (lambda d: d["items"]["find:femur::"].update(step=-1), "items.find:femur::.step"),
        (lambda d: d["items"]["find:femur::"].update(step=None), "items.find:femur::.step"),
        (
            lambda d: d["items"]["find:femur::"].update(stability="high"),
            "items.find:femur::.stability",
        ),
        (
            lambda d: d["items"]["find:femur::"].update(stability=float("nan")),
            "items.find:femur::.stability",
        ),
        (
            lambda d: d["items"]["find:femur::"].update(difficulty=11.0),
            "items.find:femur::.difficulty",
        ),
        (lambda d: d["items"]["find:femur::"].update(due="soon"), "items.find:femur::.due"),
        (
            lambda d: d["items"]["find:femur::"].update(due="2025-03-01T09:00:00"),
            "items.find:femur::.due",
        ),
        (
            lambda d: d["items"]["find:femur::"].update(last_review=3),
            "items.find:femur::.last_review",
        ),
        (lambda d: d["items"]["find:femur::"].update(reviews={}), "items.find:femur::.reviews"),
        (
            lambda d: d["items"]["find:femur::"]["reviews"][0].update(correct=1),
            "items.find:femur::.reviews[0].correct",
        ),
        (
            lambda d: d["items"]["find:femur::"]["reviews"][0].pop("at"),
            "items.find:femur::.reviews[0].at",
        ),
    ],
)
def test_malformed_progress_names_the_field(change: Any, field: str) -> None:
    data = _saved()
    change(data)
    with pytest.raises(ProgressError) as info:
        ReviewScheduler.from_dict(data)
    assert info.value.field == field
    assert f"'{field}'" in str(info.value)


def test_progress_that_is_not_a_table_is_refused() -> None:
    with pytest.raises(ProgressError, match="top level"):
        ReviewScheduler.from_dict(["not", "a", "table"])
