"""Spaced repetition of quiz items: a small adapter over the ``fsrs`` package. Qt-free.

Each item (a quiz question id) has an FSRS card. A right answer is reviewed as
``Rating.Good`` (the item comes back later), a wrong one as ``Rating.Again`` (it comes back
soon). Time comes from an injected clock, a callable returning an aware UTC ``datetime``, so
tests control it. Progress round-trips through a JSON-able dict (:meth:`ReviewScheduler.to_dict`,
:meth:`ReviewScheduler.from_dict`); writing it to disk is the caller's business.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from hamstring_viewer.i18n import translate

Clock = Callable[[], datetime]
"""Returns the current time as an aware datetime (converted to UTC)."""

#: ``format`` and ``version`` of :meth:`ReviewScheduler.to_dict`.
PROGRESS_FORMAT = "hamstring-viewer-progress"
PROGRESS_VERSION = 1


def utc_now() -> datetime:
    """The wall clock, in UTC (the default clock)."""
    return datetime.now(UTC)


class ProgressError(ValueError):
    """Saved progress is malformed; ``field`` names the offending field (a dotted path). The
    message is shown to the user (the quiz says why saved progress was not used)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(
            translate("Scheduler", "progress field '{field}': {problem}").format(
                field=field, problem=message
            )
        )
        self.field = field


@dataclass(frozen=True, slots=True)
class Review:
    """One graded answer of an item: when, and whether it was right."""

    at: datetime
    correct: bool


@dataclass(slots=True)
class _Item:
    card: Card
    reviews: list[Review]


def _utc(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)


class ReviewScheduler:
    """Due dates and review history of quiz items, scheduled by FSRS.

    ``fuzz`` lets FSRS spread intervals of 3 days and more by a random day or so (off in tests
    that compare exact dates).
    """

    def __init__(
        self, clock: Clock = utc_now, *, fuzz: bool = True, desired_retention: float = 0.9
    ) -> None:
        self._clock = clock
        self._fsrs = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)
        self._items: dict[str, _Item] = {}

    def now(self) -> datetime:
        """The clock's time, in UTC."""
        return _utc(self._clock(), "the clock's time")

    def record(self, item_id: str, correct: bool) -> datetime:
        """Grade an answer to ``item_id`` now (right: Good, wrong: Again); return its due date."""
        now = self.now()
        item = self._items.get(item_id)
        if item is None:
            item = self._items[item_id] = _Item(Card(card_id=0, due=now), [])
        rating = Rating.Good if correct else Rating.Again
        item.card, _log = self._fsrs.review_card(item.card, rating, review_datetime=now)
        item.reviews.append(Review(now, correct))
        return item.card.due

    def seen(self, item_id: str) -> bool:
        """True once the item has been answered."""
        return item_id in self._items

    def due(self, item_id: str) -> datetime | None:
        """When the item is next due (UTC); None for an item never answered."""
        item = self._items.get(item_id)
        return item.card.due if item is not None else None

    def is_due(self, item_id: str, now: datetime | None = None) -> bool:
        """True if the item was answered before and its review is due by ``now`` (default: now)."""
        due = self.due(item_id)
        at = self.now() if now is None else _utc(now, "now")
        return due is not None and due <= at

    def due_items(self, item_ids: Iterable[str] | None = None) -> list[str]:
        """Answered items that are due now, most overdue first (ties keep the given order)."""
        now = self.now()
        ids = list(self._items) if item_ids is None else list(item_ids)
        due = [(d, i) for i in ids if (d := self.due(i)) is not None and d <= now]
        return [i for _d, i in sorted(due, key=lambda pair: pair[0])]

    def history(self, item_id: str) -> tuple[Review, ...]:
        """Every graded answer of the item, oldest first."""
        item = self._items.get(item_id)
        return tuple(item.reviews) if item is not None else ()

    def items(self) -> list[str]:
        """Ids of every item answered at least once."""
        return list(self._items)

    # persistence -------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Progress as a JSON-able dict (the card state and history of every item)."""
        items: dict[str, Any] = {}
        for item_id, item in self._items.items():
            card = item.card
            items[item_id] = {
                "state": int(card.state),
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": card.due.isoformat(),
                "last_review": card.last_review.isoformat() if card.last_review else None,
                "reviews": [{"at": r.at.isoformat(), "correct": r.correct} for r in item.reviews],
            }
        return {"format": PROGRESS_FORMAT, "version": PROGRESS_VERSION, "items": items}

    @classmethod
    def from_dict(
        cls,
        data: object,
        clock: Clock = utc_now,
        *,
        fuzz: bool = True,
        desired_retention: float = 0.9,
        skipped: list[tuple[str, object, str]] | None = None,
    ) -> ReviewScheduler:
        """Progress saved by :meth:`to_dict`; raises :class:`ProgressError` naming a bad field.

        With ``skipped``, an item that does not fit is left out and listed there (its id, its
        value and why) instead: the other items are kept."""
        if not isinstance(data, Mapping):
            raise ProgressError("(top level)", _expected_table(data))
        if data.get("format") != PROGRESS_FORMAT:
            raise ProgressError(
                "format",
                translate("Scheduler", "expected '{expected}', got {value}").format(
                    expected=PROGRESS_FORMAT, value=repr(data.get("format"))
                ),
            )
        if data.get("version") != PROGRESS_VERSION:
            raise ProgressError(
                "version",
                translate("Scheduler", "expected {expected}, got {value}").format(
                    expected=PROGRESS_VERSION, value=repr(data.get("version"))
                ),
            )
        items = data.get("items")
        if not isinstance(items, Mapping):
            raise ProgressError("items", _expected_table(items))
        scheduler = cls(clock, fuzz=fuzz, desired_retention=desired_retention)
        for item_id, raw in items.items():
            try:
                if not isinstance(item_id, str) or not item_id:
                    raise ProgressError(
                        "items",
                        translate(
                            "Scheduler", "item ids must be non-empty text, got {value}"
                        ).format(value=repr(item_id)),
                    )
                scheduler._items[item_id] = _read_item(f"items.{item_id}", raw)
            except ProgressError as error:
                if skipped is None:
                    raise
                skipped.append((str(item_id), raw, str(error)))
        return scheduler


# --------------------------------------------------------------------------------------------
# Reading saved progress (what is wrong is said to the user: the texts are translated)


def _expected_table(value: object) -> str:
    return translate("Scheduler", "expected a table, got {type}").format(type=type(value).__name__)


def _read_item(path: str, raw: object) -> _Item:
    if not isinstance(raw, Mapping):
        raise ProgressError(path, _expected_table(raw))
    state = _read_int(f"{path}.state", raw.get("state"))
    if state not in {int(s) for s in State}:
        raise ProgressError(
            f"{path}.state",
            translate("Scheduler", "expected one of 1, 2, 3, got {value}").format(value=state),
        )
    step_raw = raw.get("step")
    step = None if step_raw is None else _read_int(f"{path}.step", step_raw)
    if step is not None and step < 0:
        raise ProgressError(
            f"{path}.step",
            translate("Scheduler", "expected a count >= 0 or null, got {value}").format(value=step),
        )
    if step is None and state != State.Review:
        raise ProgressError(
            f"{path}.step", translate("Scheduler", "a learning or relearning item needs a step")
        )
    stability = _read_float(f"{path}.stability", raw.get("stability"))
    difficulty = _read_float(f"{path}.difficulty", raw.get("difficulty"))
    if not 1 <= difficulty <= 10:
        raise ProgressError(
            f"{path}.difficulty",
            translate("Scheduler", "expected a number from 1 to 10, got {value}").format(
                value=difficulty
            ),
        )
    due = _read_time(f"{path}.due", raw.get("due"))
    last_raw = raw.get("last_review")
    last = None if last_raw is None else _read_time(f"{path}.last_review", last_raw)
    reviews_raw = raw.get("reviews")
    if not isinstance(reviews_raw, list):
        raise ProgressError(
            f"{path}.reviews",
            translate("Scheduler", "expected a list, got {type}").format(
                type=type(reviews_raw).__name__
            ),
        )
    reviews: list[Review] = []
    for n, review in enumerate(reviews_raw):
        where = f"{path}.reviews[{n}]"
        if not isinstance(review, Mapping):
            raise ProgressError(where, _expected_table(review))
        correct = review.get("correct")
        if not isinstance(correct, bool):
            raise ProgressError(
                f"{where}.correct",
                translate("Scheduler", "expected true or false, got {value}").format(
                    value=repr(correct)
                ),
            )
        reviews.append(Review(_read_time(f"{where}.at", review.get("at")), correct))
    card = Card(
        card_id=0,
        state=State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=due,
        last_review=last,
    )
    return _Item(card, reviews)


def _read_int(path: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProgressError(
            path,
            translate("Scheduler", "expected a whole number, got {value}").format(
                value=repr(value)
            ),
        )
    return value


def _read_float(path: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProgressError(
            path,
            translate("Scheduler", "expected a finite number, got {value}").format(
                value=repr(value)
            ),
        )
    if value <= 0:
        raise ProgressError(
            path,
            translate("Scheduler", "expected a number > 0, got {value}").format(value=repr(value)),
        )
    return float(value)


def _read_time(path: str, value: object) -> datetime:
    if not isinstance(value, str):
        raise ProgressError(
            path,
            translate("Scheduler", "expected an ISO 8601 date-time text, got {value}").format(
                value=repr(value)
            ),
        )
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ProgressError(
            path,
            translate("Scheduler", "expected an ISO 8601 date-time, got {value}").format(
                value=repr(value)
            ),
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ProgressError(
            path,
            translate("Scheduler", "expected a date-time with a time zone, got {value}").format(
                value=repr(value)
            ),
        )
    return parsed.astimezone(UTC)


__all__ = [
    "PROGRESS_FORMAT",
    "PROGRESS_VERSION",
    "Clock",
    "ProgressError",
    "Review",
    "ReviewScheduler",
    "utc_now",
]
