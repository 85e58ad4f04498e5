"""The user's own data: notes and bookmarks per record, quiz progress, pain drawings and
preferences. Qt-free: the app passes a directory (Qt's ``AppDataLocation``); tests pass a temp dir.

One JSON file per kind (:data:`FILES`), each ``{"format": 1, "<kind>": ...}``, UTF-8:

- ``notes.json``: ``{"notes": {record_id: {"text": str, "updated": ISO 8601 time}}}``
- ``bookmarks.json``: ``{"bookmarks": [record_id, ...]}`` in the order they were made
- ``progress.json``: ``{"progress": {...}}``, opaque (owned by the quiz)
- ``drawings.json``: ``{"drawings": [{"id": str, "date": str, ...}, ...]}`` oldest first
- ``preferences.json``: ``{"preferences": {key: value}}``

Every change is saved at once and atomically: the new content goes to a temp file in the same
directory, is flushed and fsynced, replaces the old file with ``os.replace``, and the directory is
fsynced. A crash or a kill while saving leaves the previous file; stray temp files
(``.notes.json.*.tmp``) are never read and are removed on the next :meth:`UserData.open`.

A file that cannot be used (not UTF-8, not JSON, wrong shape or types) is moved aside to
``<name>.corrupt-<UTC time>.json``, never deleted, and reported in :attr:`UserData.problems`; that
kind starts empty, the others load as usual. A file that cannot be read at all, or was written by
a newer version, is left untouched and that kind is not saved this session.

A save that fails raises :class:`UserDataError` naming the file; the change stays in memory
(:meth:`UserData.unsaved`) and is written by the next change of that kind or :meth:`UserData.save`.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import json
import math
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from uuid import uuid4

from hamstring_viewer.problems import Problem
from hamstring_viewer.safefile import read_regular_file

#: Version of the files' layout; a file with a higher ``format`` is left alone.
FORMAT = 1

Kind = Literal["notes", "bookmarks", "progress", "drawings", "preferences"]
KINDS: tuple[Kind, ...] = ("notes", "bookmarks", "progress", "drawings", "preferences")
#: The file of each kind, in the user data directory.
FILES: dict[Kind, str] = {kind: f"{kind}.json" for kind in KINDS}
_TMP_SUFFIX = ".tmp"
#: a user data file larger than this is not read (set aside as unusable)
_MAX_FILE_BYTES = 64 * 1024 * 1024
# What each kind is called in messages.
_WHAT: dict[Kind, str] = {
    "notes": "notes",
    "bookmarks": "bookmarks",
    "progress": "quiz progress",
    "drawings": "pain drawings",
    "preferences": "preferences",
}

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The default clock: now, in UTC."""
    return datetime.now(UTC)


class UserDataError(Exception):
    """The user's data could not be saved. ``file`` is the file concerned; ``str()`` says it all."""

    def __init__(self, file: Path, message: str) -> None:
        self.file = file
        self.message = message
        super().__init__(f"{file}: {message}")


@dataclass(frozen=True, slots=True)
class Note:
    """A note on one record and when it was last changed."""

    text: str
    updated: datetime


class _Unusable(Exception):
    """A file's content is not what it should be (the message says what)."""


# --------------------------------------------------------------------------------------------
# Files


def _fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; a no-op where it cannot be synced)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` so that, whatever happens, it holds the old or the new bytes.

    Writes a temp file next to it, flushes and fsyncs it, ``os.replace``s it onto ``path`` and
    fsyncs the directory. Raises ``OSError``; the temp file is removed on failure.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TMP_SUFFIX)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_directory(path.parent)


def _encode(document: Mapping[str, Any]) -> bytes:
    text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: keep it, as a JSON escape
        return (json.dumps(document, indent=1, allow_nan=False) + "\n").encode("utf-8")


def _plain_json(value: object) -> object:
    """``value`` with every number that is not finite written as text (for a set-aside file)."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {k: _plain_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_json(v) for v in value]
    return value


def _json_copy(value: Any, what: str) -> Any:
    """A deep copy of ``value`` as it will read back from JSON; ``ValueError`` if it cannot be."""
    try:
        return json.loads(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError, RecursionError) as error:
        raise ValueError(
            f"{what} must be JSON data (dicts, lists, str, numbers): {error}"
        ) from error


def _describe(error: OSError) -> str:
    reason = error.strerror or str(error) or type(error).__name__
    name = errno.errorcode.get(error.errno or 0)
    return f"{reason} ({name})" if name else reason


# --------------------------------------------------------------------------------------------
# Reading and checking each kind


def _type_name(value: object) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


def _expect(value: object, kind: type, where: str) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected = {dict: "an object", list: "a list", str: "text", int: "a whole number"}[kind]
        raise _Unusable(f"{where} should be {expected}, not {_type_name(value)}")


def _time(value: object, where: str) -> datetime:
    _expect(value, str, where)
    assert isinstance(value, str)
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise _Unusable(f"{where} is not a date and time: {value!r}") from None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


#: an entry of a user data file that could not be read: its key, its value and why
BadEntry = tuple[str, object, str]


def _finite(value: object) -> bool:
    """Whether every number inside ``value`` is finite (JSON data)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True


def _notes(body: object, bad: list[BadEntry]) -> dict[str, Note]:
    _expect(body, dict, "'notes'")
    assert isinstance(body, dict)
    out: dict[str, Note] = {}
    for record_id, entry in body.items():
        where = f"the note on '{record_id}'"
        try:
            _expect(entry, dict, where)
            _expect(entry.get("text"), str, f"{where}: 'text'")
            out[record_id] = Note(entry["text"], _time(entry.get("updated"), f"{where}: 'updated'"))
        except _Unusable as error:
            bad.append((record_id, entry, str(error)))
    return out


def _bookmarks(body: object, bad: list[BadEntry]) -> list[str]:
    _expect(body, list, "'bookmarks'")
    assert isinstance(body, list)
    good: list[str] = []
    for i, item in enumerate(body):
        if isinstance(item, str):
            good.append(item)
        else:
            bad.append((f"bookmark {i + 1}", item, f"bookmark {i + 1} is not text"))
    return list(dict.fromkeys(good))


def _object(name: str) -> Callable[[object, list[BadEntry]], dict[str, Any]]:
    def check(body: object, bad: list[BadEntry]) -> dict[str, Any]:
        _expect(body, dict, f"'{name}'")
        assert isinstance(body, dict)
        if not _finite(body):
            raise _Unusable(f"'{name}' holds a number that is not finite")
        return body

    return check


def _progress(body: object, bad: list[BadEntry]) -> dict[str, Any]:
    """The quiz progress; an item holding a number that is not finite is set aside (the quiz
    checks each item's fields when it reads them, and sets aside what does not fit)."""
    _expect(body, dict, "'progress'")
    assert isinstance(body, dict)
    items = body.get("items")
    if isinstance(items, dict):
        kept = {}
        for item_id, item in items.items():
            if _finite(item):
                kept[item_id] = item
            else:
                bad.append(
                    (str(item_id), item, f"quiz item '{item_id}' holds a number that is not finite")
                )
        body = {**body, "items": kept}
    if not _finite(body):
        raise _Unusable("'progress' holds a number that is not finite")
    return body


def _drawings(body: object, bad: list[BadEntry]) -> list[dict[str, Any]]:
    _expect(body, list, "'drawings'")
    assert isinstance(body, list)
    seen: set[str] = set()
    good: list[dict[str, Any]] = []
    for i, item in enumerate(body):
        where = f"drawing {i + 1}"
        try:
            _expect(item, dict, where)
            _expect(item.get("id"), str, f"{where}: 'id'")
            _expect(item.get("date"), str, f"{where}: 'date'")
            if item["id"] in seen:
                raise _Unusable(f"{where}: the id '{item['id']}' is used twice")
            if not _finite(item):
                raise _Unusable(f"{where} holds a number that is not finite")
        except _Unusable as error:
            bad.append((where, item, str(error)))
            continue
        seen.add(item["id"])
        good.append(item)
    return good


_READERS: dict[Kind, Callable[[object, list[BadEntry]], Any]] = {
    "notes": _notes,
    "bookmarks": _bookmarks,
    "progress": _progress,
    "drawings": _drawings,
    "preferences": _object("preferences"),
}


# --------------------------------------------------------------------------------------------
# The store


_PROBE_PREFIX = ".write-test-"


def _unwritable(folder: Path) -> str | None:
    """Why no file can be made in ``folder`` (a read-only disk or folder), or None if one can:
    a small file is made there and removed at once."""
    probe = folder / f"{_PROBE_PREFIX}{os.getpid()}{_TMP_SUFFIX}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        return _describe(error)
    os.close(fd)
    with contextlib.suppress(OSError):
        probe.unlink()
    return None


class UserData:
    """The user's notes, bookmarks, quiz progress, pain drawings and preferences.

    Open with :meth:`open`; read :attr:`problems` for files that could not be used. Getters return
    copies; every setter saves its kind at once (see the module docstring for what a failure does).
    """

    def __init__(self, directory: Path, clock: Clock = utc_now) -> None:
        self.directory = directory
        self.problems: list[Problem] = []
        self._clock = clock
        self._notes: dict[str, Note] = {}
        self._bookmarks: list[str] = []
        self._progress: dict[str, Any] = {}
        self._drawings: list[dict[str, Any]] = []
        self._preferences: dict[str, Any] = {}
        self._locked: dict[Kind, str] = {}  # kinds never written this session, and why
        self._aside: set[Kind] = set()  # kinds some entries of which were set aside
        self._unsaved: set[Kind] = set()
        #: the folder could not be written to when the data was opened
        self.read_only = False

    @classmethod
    def open(cls, directory: str | os.PathLike[str], *, clock: Clock = utc_now) -> UserData:
        """Load everything in ``directory`` (created if missing); never raises for bad files."""
        store = cls(Path(directory), clock)
        try:
            store.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            store.problems.append(
                Problem(
                    str(store.directory),
                    f"the folder for your data could not be created: {_describe(error)}; "
                    "nothing you change will be saved",
                )
            )
            return store
        store._remove_stale_temp_files()
        reason = _unwritable(store.directory)
        if reason is not None:  # said now, not discovered at the first save (or at quit)
            store.read_only = True
            store.problems.append(
                Problem(
                    str(store.directory),
                    f"the folder for your data cannot be written to ({reason}): your notes, "
                    "bookmarks, quiz progress and drawings are shown, but nothing you change "
                    "will be saved",
                )
            )
        for kind in KINDS:
            store._load(kind)
        return store

    @classmethod
    def peek(cls, directory: str | os.PathLike[str], *, clock: Clock = utc_now) -> UserData:
        """The data in ``directory`` as it is, read without writing anything (no clean-up, no
        damaged file moved aside, nothing saved): for a process that only shows it while the
        app may be running (the start-up snapshot job, :mod:`hamstring_viewer._qt.snapshot_job`)."""
        store = cls(Path(directory), clock)
        store.read_only = True
        for kind in KINDS:
            store._locked[kind] = "it is only shown here"
            try:
                raw = read_regular_file(store.path(kind), _MAX_FILE_BYTES)
                value = store._parse(kind, raw)
            except (OSError, _Unusable):
                continue
            if value is not None:
                store._assign(kind, value)
        return store

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo is not None else now.replace(tzinfo=UTC)

    def path(self, kind: Kind) -> Path:
        """The file that holds ``kind``."""
        return self.directory / FILES[kind]

    # loading ---------------------------------------------------------------------------------
    def _remove_stale_temp_files(self) -> None:
        for pattern in (*(f".{name}.*" for name in FILES.values()), _PROBE_PREFIX + "*"):
            for stale in self.directory.glob(pattern + _TMP_SUFFIX):
                with contextlib.suppress(OSError):  # never read as data anyway
                    stale.unlink()

    def _problem(self, kind: Kind, message: str) -> None:
        self.problems.append(Problem(str(self.path(kind)), message))

    def _load(self, kind: Kind) -> None:
        path = self.path(kind)
        what = _WHAT[kind]
        try:
            # only a regular file is opened: a named pipe or a device would block or never end
            raw = read_regular_file(path, _MAX_FILE_BYTES)
        except FileNotFoundError:
            return
        except OSError as error:
            self._locked[kind] = f"it could not be read when the app started ({_describe(error)})"
            self._problem(
                kind,
                f"could not be read: {_describe(error)}; your {what} are not shown, and changes "
                "to them will not be saved this session so the file is not overwritten",
            )
            return
        try:
            value = self._parse(kind, raw)
        except _Unusable as error:
            self._move_aside(kind, str(error))
            return
        if value is None:
            return
        self._assign(kind, value)
        if kind in self._aside:  # entries were set aside: the file keeps the good ones only
            with contextlib.suppress(UserDataError):
                self._save(kind)

    def _assign(self, kind: Kind, value: Any) -> None:
        if kind == "notes":
            self._notes = value
        elif kind == "bookmarks":
            self._bookmarks = value
        elif kind == "progress":
            self._progress = value
        elif kind == "drawings":
            self._drawings = value
        else:
            self._preferences = value

    def _parse(self, kind: Kind, raw: bytes) -> Any:
        """The kind's data in ``raw``; None for a newer format (then the kind is locked)."""
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _Unusable(f"is not UTF-8 text (bad byte at offset {error.start})") from None
        try:
            # (Infinity and NaN read as numbers: the entries holding them are set aside)
            document = json.loads(text, parse_constant=float)
        except json.JSONDecodeError as error:
            raise _Unusable(
                f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from None
        except RecursionError:
            raise _Unusable("is not usable JSON (nested too deeply)") from None
        _expect(document, dict, "the file")
        version = document.get("format")
        if version is None:
            raise _Unusable("has no 'format' field")
        _expect(version, int, "'format'")
        if version > FORMAT:
            self._locked[kind] = f"it was written by a newer version (format {version})"
            self._problem(
                kind,
                f"was written by a newer version of the app (format {version}; this one reads "
                f"format {FORMAT}); it is left untouched, and changes to your {_WHAT[kind]} "
                "will not be saved this session",
            )
            return None
        if version < 1:
            raise _Unusable(f"has an unknown format {version}")
        if kind not in document:
            raise _Unusable(f"has no '{kind}' field")
        if not _finite({k: v for k, v in document.items() if k != kind}):
            raise _Unusable("is not valid JSON (NaN or Infinity is not a number JSON allows)")
        bad: list[BadEntry] = []
        value = _READERS[kind](document[kind], bad)
        if bad:
            self._set_aside(kind, bad)
        return value

    def _corrupt_path(self, path: Path) -> Path:
        """A new ``<name>.corrupt-<time>[-n].json`` beside ``path`` (never an existing file)."""
        stamp = self._now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = path.with_name(f"{path.stem}.corrupt-{stamp}.json")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}.json")
        return target

    def _move_aside(self, kind: Kind, what_is_wrong: str) -> None:
        path = self.path(kind)
        target = self._corrupt_path(path)
        try:
            os.rename(path, target)
            _fsync_directory(self.directory)
        except OSError as error:
            self._locked[kind] = "the damaged file could not be moved aside"
            self._problem(
                kind,
                f"{what_is_wrong}; it could not be moved aside ({_describe(error)}), so it is "
                f"left as it is and changes to your {_WHAT[kind]} will not be saved this session",
            )
            return
        self._problem(
            kind,
            f"{what_is_wrong}; it was moved aside to {target.name} and your {_WHAT[kind]} "
            "start empty",
        )

    def set_aside_progress_items(self, bad: list[BadEntry]) -> None:
        """Set aside quiz items the quiz could not read (``bad``: item id, value, why): kept
        in ``progress.corrupt-<time>.json`` with the reason and said in :attr:`problems`; the
        other items stay, and the file is rewritten without these (if that fails, the next
        save does it)."""
        if not bad:
            return
        self._set_aside("progress", bad)
        if "progress" in self._locked:
            return
        items = self._progress.get("items")
        if isinstance(items, dict):
            gone = {key for key, _value, _why in bad}
            self._progress = {
                **self._progress,
                "items": {k: v for k, v in items.items() if k not in gone},
            }
        with contextlib.suppress(UserDataError):
            self._save("progress")

    def _set_aside(self, kind: Kind, bad: list[BadEntry]) -> None:
        path = self.path(kind)
        target = self._corrupt_path(path)
        document = {
            "set_aside_from": path.name,
            "entries": [
                {"entry": key, "why": why, "value": _plain_json(value)} for key, value, why in bad
            ],
        }
        what = _WHAT[kind]
        count = f"{len(bad)} entr{'y' if len(bad) == 1 else 'ies'}"
        try:
            write_atomic(target, _encode(document))
        except OSError as error:
            self._locked[kind] = "entries that could not be read could not be set aside"
            self._problem(
                kind,
                f"{count} could not be read ({bad[0][2]}) and could not be set aside "
                f"({_describe(error)}); the file is left as it is and changes to your {what} "
                "will not be saved this session",
            )
            return
        self._aside.add(kind)
        self._problem(
            kind,
            f"{count} could not be read ({bad[0][2]}); "
            f"{'it was' if len(bad) == 1 else 'they were'} set aside in {target.name}, and the "
            f"rest of your {what} are kept",
        )

    # saving ----------------------------------------------------------------------------------
    def _document(self, kind: Kind) -> dict[str, Any]:
        body: Any
        if kind == "notes":
            body = {
                record_id: {"text": note.text, "updated": note.updated.isoformat()}
                for record_id, note in self._notes.items()
            }
        elif kind == "bookmarks":
            body = self._bookmarks
        elif kind == "progress":
            body = self._progress
        elif kind == "drawings":
            body = self._drawings
        else:
            body = self._preferences
        return {"format": FORMAT, kind: body}

    def _save(self, kind: Kind) -> None:
        path = self.path(kind)
        self._unsaved.add(kind)
        if kind in self._locked:
            raise UserDataError(path, f"your {_WHAT[kind]} cannot be saved: {self._locked[kind]}")
        try:
            write_atomic(path, _encode(self._document(kind)))
        except OSError as error:
            raise UserDataError(
                path,
                f"your {_WHAT[kind]} could not be saved: {_describe(error)}. The change is kept "
                "while the app runs and saved with the next change",
            ) from error
        self._unsaved.discard(kind)

    def unsaved(self) -> list[Kind]:
        """Kinds changed in memory whose last save failed."""
        return [kind for kind in KINDS if kind in self._unsaved]

    def save(self) -> None:
        """Retry saving every :meth:`unsaved` kind; raise the first failure after trying all."""
        failures: list[UserDataError] = []
        for kind in self.unsaved():
            try:
                self._save(kind)
            except UserDataError as error:
                failures.append(error)
        if failures:
            raise failures[0]

    # notes -----------------------------------------------------------------------------------
    def note(self, record_id: str) -> str:
        """The note on ``record_id``; ``''`` if none."""
        note = self._notes.get(record_id)
        return note.text if note is not None else ""

    def note_entry(self, record_id: str) -> Note | None:
        """The note on ``record_id`` with its time, or None."""
        return self._notes.get(record_id)

    def notes(self) -> dict[str, Note]:
        """Every note, by record id."""
        return dict(self._notes)

    def set_note(self, record_id: str, text: str) -> None:
        """Set the note on ``record_id`` and save; blank text deletes the note."""
        if not isinstance(text, str):
            raise TypeError(f"a note is text, not {type(text).__name__}")
        current = self._notes.get(record_id)
        if not text.strip():
            if current is None:
                return
            del self._notes[record_id]
        else:
            if current is not None and current.text == text:
                return
            self._notes[record_id] = Note(text, self._now())
        self._save("notes")

    # bookmarks -------------------------------------------------------------------------------
    def bookmarks(self) -> list[str]:
        """Bookmarked record ids, oldest first."""
        return list(self._bookmarks)

    def is_bookmarked(self, record_id: str) -> bool:
        return record_id in self._bookmarks

    def toggle_bookmark(self, record_id: str) -> bool:
        """Bookmark ``record_id`` (at the end) or remove its bookmark, and save; returns whether it
        is now bookmarked."""
        if record_id in self._bookmarks:
            self._bookmarks.remove(record_id)
        else:
            self._bookmarks.append(record_id)
        self._save("bookmarks")
        return record_id in self._bookmarks

    # quiz progress ---------------------------------------------------------------------------
    def progress(self) -> dict[str, Any]:
        """The quiz's progress (a copy), as it last set it; ``{}`` at first."""
        return copy.deepcopy(self._progress)

    def set_progress(self, progress: Mapping[str, Any]) -> None:
        """Replace the quiz progress (JSON data, else ``ValueError``) and save."""
        value = _json_copy(dict(progress), "quiz progress")
        if value == self._progress:
            return
        self._progress = value
        self._save("progress")

    # pain drawings ---------------------------------------------------------------------------
    def drawings(self) -> list[dict[str, Any]]:
        """The pain drawings (copies), oldest first; each has an ``id`` and a ``date``."""
        return copy.deepcopy(self._drawings)

    def add_drawing(self, drawing: Mapping[str, Any]) -> str:
        """Append a pain drawing (JSON data) and save; returns its id.

        An ``id`` is made if the drawing has none, and ``date`` (ISO 8601) is set to now if absent.
        """
        value = _json_copy(dict(drawing), "a pain drawing")
        value.setdefault("id", uuid4().hex)
        value.setdefault("date", self._now().isoformat())
        if not isinstance(value["id"], str) or not isinstance(value["date"], str):
            raise ValueError("a pain drawing's 'id' and 'date' must be text")
        if any(d["id"] == value["id"] for d in self._drawings):
            raise ValueError(f"there is already a pain drawing with the id '{value['id']}'")
        self._drawings.append(value)
        self._save("drawings")
        return str(value["id"])

    def remove_drawing(self, key: int | str) -> dict[str, Any]:
        """Remove a pain drawing, by position or id, and save; returns it.

        ``IndexError`` / ``KeyError`` if there is no such drawing.
        """
        if isinstance(key, str):
            index = next((i for i, d in enumerate(self._drawings) if d["id"] == key), None)
            if index is None:
                raise KeyError(key)
        else:
            index = key
        removed = self._drawings.pop(index)
        self._save("drawings")
        return removed

    # preferences -----------------------------------------------------------------------------
    def preferences(self) -> dict[str, Any]:
        """Every preference (a copy)."""
        return copy.deepcopy(self._preferences)

    def preference(self, key: str, default: Any = None) -> Any:
        """One preference, or ``default``."""
        return copy.deepcopy(self._preferences.get(key, default))

    def set_preference(self, key: str, value: Any) -> None:
        """Set a preference (JSON data) and save; ``None`` removes it."""
        if value is None:
            if key not in self._preferences:
                return
            del self._preferences[key]
        else:
            copied = _json_copy(value, f"the preference '{key}'")
            if self._preferences.get(key) == copied:
                return
            self._preferences[key] = copied
        self._save("preferences")


__all__ = [
    "FILES",
    "FORMAT",
    "KINDS",
    "Clock",
    "Kind",
    "Note",
    "UserData",
    "UserDataError",
    "utc_now",
    "write_atomic",
]
