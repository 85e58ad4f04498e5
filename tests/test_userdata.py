"""The user's data store: round trips, atomic saves under kill, damaged files, failing disks."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import REVIEWED_ITEM

from hamstring_viewer.userdata import FILES, FORMAT, Note, UserData, UserDataError

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)


class FakeClock:
    """Starts at T0 and moves one minute per reading."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        now = self.now
        self.now += timedelta(minutes=1)
        return now


def open_store(directory: Path) -> UserData:
    return UserData.open(directory, clock=FakeClock())


def temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def read_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------
# Round trips


def test_everything_survives_a_reopen(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new" / "folder")
    assert store.problems == []
    store.set_note("semimembranosus", "Tender two fingers above the knee crease.")
    store.set_note("semitendinosus", "Check after running.")
    assert store.toggle_bookmark("tp_semitendinosus") is True
    assert store.toggle_bookmark("semimembranosus") is True
    assert store.toggle_bookmark("femur") is True
    assert store.toggle_bookmark("tp_semitendinosus") is False
    store.set_progress({"cards": {"find:semitendinosus::": {"due": "2025-03-15", "box": 2}}})
    first = store.add_drawing({"strokes": [[1.5, 2.0], [3.0, 4.25]], "intensity": 6})
    second = store.add_drawing({"id": "mine", "date": "2025-03-01", "strokes": []})
    store.set_preference("layers", ["muscles", "zones"])

    again = open_store(tmp_path / "new" / "folder")
    assert again.problems == []
    assert again.note("semimembranosus") == "Tender two fingers above the knee crease."
    assert again.notes() == store.notes()
    assert again.note_entry("semitendinosus") == Note(
        "Check after running.", T0 + timedelta(minutes=1)
    )
    assert again.note("gracilis") == ""
    assert again.bookmarks() == ["semimembranosus", "femur"]
    assert again.is_bookmarked("femur") and not again.is_bookmarked("tp_semitendinosus")
    assert again.progress() == {"cards": {"find:semitendinosus::": {"due": "2025-03-15", "box": 2}}}
    assert [d["id"] for d in again.drawings()] == [first, second]
    assert again.drawings()[0]["strokes"] == [[1.5, 2.0], [3.0, 4.25]]
    assert again.drawings()[0]["date"] == (T0 + timedelta(minutes=2)).isoformat()  # the clock
    assert again.drawings()[1]["date"] == "2025-03-01"  # kept as given
    assert again.preference("layers") == ["muscles", "zones"]
    for kind, name in FILES.items():
        document = read_json(tmp_path / "new" / "folder" / name)
        assert isinstance(document, dict) and document["format"] == FORMAT and kind in document
    assert temp_files(tmp_path / "new" / "folder") == []


def test_notes_carry_the_time_they_were_changed(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.set_note("femur", "one")
    store.set_note("femur", "one")  # unchanged: no new time, no save
    assert store.note_entry("femur") == Note("one", T0)
    store.set_note("femur", "two")
    assert store.note_entry("femur") == Note("two", T0 + timedelta(minutes=1))
    document = read_json(tmp_path / "notes.json")
    assert document == {
        "format": FORMAT,
        "notes": {"femur": {"text": "two", "updated": "2025-03-14T09:27:53+00:00"}},
    }


def test_blank_text_deletes_a_note(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.set_note("femur", "a note")
    store.set_note("femur", "  \n ")
    assert store.note("femur") == "" and store.notes() == {}
    assert open_store(tmp_path).notes() == {}


UNICODE_NOTES = {
    "accents": "Kniekehle: Schmerz beim Sitzen, ähnlich wie Ischias — façade, naïve",
    "scripts": "日本語 · العربية · עברית · Ελληνικά · русский",
    "emoji": "🦵 hurts 😣 (7/10) 👍🏽",
    "combining": "e\u0301 a\u0308 n\u0303",
    "controls": 'tab\tnewline\nquote " backslash \\ nul \x00 line-sep \u2028 bom \ufeff',
    "surrogate": "a lone surrogate \ud800 survives",
}


def test_unicode_notes_round_trip(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    for record_id, text in UNICODE_NOTES.items():
        store.set_note(record_id, text)
    again = open_store(tmp_path)
    assert again.problems == []
    assert {k: again.note(k) for k in UNICODE_NOTES} == UNICODE_NOTES
    (tmp_path / "notes.json").read_bytes().decode("utf-8")  # the file stays UTF-8


def test_getters_return_copies(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    progress = {"a": [1, 2]}
    store.set_progress(progress)
    progress["a"].append(3)
    store.progress()["a"].append(4)
    assert store.progress() == {"a": [1, 2]}
    store.bookmarks().append("femur")
    assert store.bookmarks() == []
    store.add_drawing({"id": "d", "strokes": [1]})
    store.drawings()[0]["strokes"].append(2)
    assert store.drawings()[0]["strokes"] == [1]


def test_progress_and_drawings_must_be_json(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with pytest.raises(ValueError, match="JSON"):
        store.set_progress({"when": datetime.now()})
    with pytest.raises(ValueError, match="JSON"):
        store.add_drawing({"x": float("nan")})
    store.add_drawing({"id": "d"})
    with pytest.raises(ValueError, match="already"):
        store.add_drawing({"id": "d"})
    assert store.progress() == {} and len(store.drawings()) == 1


def test_remove_drawing_by_position_or_id(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    for name in "abc":
        store.add_drawing({"id": name})
    assert store.remove_drawing("b")["id"] == "b"
    assert store.remove_drawing(0)["id"] == "a"
    with pytest.raises(KeyError):
        store.remove_drawing("b")
    with pytest.raises(IndexError):
        store.remove_drawing(5)
    assert [d["id"] for d in open_store(tmp_path).drawings()] == ["c"]


# --------------------------------------------------------------------------------------------
# Killed while saving

CHILD = r"""
import os, sys, time
from pathlib import Path
from hamstring_viewer.userdata import UserData

directory, mode = Path(sys.argv[1]), sys.argv[2]
store = UserData.open(directory)
assert store.note("semimembranosus") == "first version", store.note("semimembranosus")

def stop_here():
    print("saving", flush=True)
    if mode.startswith("exit"):
        os._exit(3)
    time.sleep(600)

if mode == "hang_before_replace":
    def replace(src, dst):
        stop_here()
    os.replace = replace
elif mode == "hang_half_written":
    real_write = os.write
    def write(fd, data):
        real_write(fd, bytes(data[: len(data) // 2]))
        stop_here()
    os.write = write
elif mode == "exit_before_fsync":
    os.fsync = lambda fd: stop_here()
store.set_note("semimembranosus", "second version " * 5000)
print("saved", flush=True)
"""


@pytest.mark.parametrize("mode", ["hang_before_replace", "hang_half_written", "exit_before_fsync"])
def test_a_kill_while_saving_keeps_the_last_good_copy(tmp_path: Path, mode: str) -> None:
    store = open_store(tmp_path)
    store.set_note("semimembranosus", "first version")
    store.toggle_bookmark("femur")
    before = (tmp_path / "notes.json").read_bytes()

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line == "saving\n", (line, child.stderr.read() if child.stderr else "")
        child.kill()
    finally:
        child.wait(timeout=60)
        if child.stdout:
            child.stdout.close()
        if child.stderr:
            child.stderr.close()

    assert (tmp_path / "notes.json").read_bytes() == before
    assert temp_files(tmp_path) != []  # the interrupted save left its temp file behind
    again = open_store(tmp_path)
    assert again.problems == []
    assert again.note("semimembranosus") == "first version"
    assert again.bookmarks() == ["femur"]
    assert temp_files(tmp_path) == []  # cleaned up on open, never read
    again.set_note("semimembranosus", "third version")
    assert open_store(tmp_path).note("semimembranosus") == "third version"


def test_a_stale_temp_file_is_not_data(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.set_note("femur", "good")
    (tmp_path / ".notes.json.abc123.tmp").write_text('{"format": 1, "notes": {}}')
    (tmp_path / ".notes.json.zzz.tmp").write_bytes(b"\x00\x00garbage")
    (tmp_path / "unrelated.tmp").write_text("not ours")
    again = open_store(tmp_path)
    assert again.problems == []
    assert again.note("femur") == "good"
    assert temp_files(tmp_path) == ["unrelated.tmp"]


def test_the_write_replaces_the_file_and_syncs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order of a save: write and fsync the temp file, replace, fsync the directory."""
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync-dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync-file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        calls.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    open_store(tmp_path).set_note("femur", "x")
    if os.name == "posix" and Path("/proc/self/fd").is_dir():
        assert calls == ["fsync-file", "replace", "fsync-dir"]
    else:
        assert calls[:2] == ["fsync-file", "replace"]


# --------------------------------------------------------------------------------------------
# Damaged files


def _good_other_files(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "bookmarks.json").write_text(
        json.dumps({"format": 1, "bookmarks": ["femur", "tibia"]})
    )
    (directory / "progress.json").write_text(json.dumps({"format": 1, "progress": {"n": 3}}))


DAMAGED_NOTES = {
    "bad_json": (b'{"format": 1, "notes": {', "not valid JSON (line 1"),
    "empty": (b"", "not valid JSON"),
    "not_utf8": (b'{"format": 1, "notes": {"femur": {"text": "\xff\xfe"}}}', "not UTF-8"),
    "wrong_shape": (b'["femur", "a note"]', "should be an object, not a list"),
    "no_format": (b'{"notes": {}}', "no 'format'"),
    "nan": (b'{"format": 1, "notes": {}, "x": NaN}', "NaN"),
}


@pytest.mark.parametrize("case", DAMAGED_NOTES)
def test_a_damaged_file_is_moved_aside_and_reported(tmp_path: Path, case: str) -> None:
    content, what = DAMAGED_NOTES[case]
    _good_other_files(tmp_path)
    (tmp_path / "notes.json").write_bytes(content)

    store = open_store(tmp_path)
    assert len(store.problems) == 1
    problem = store.problems[0]
    assert problem.file == str(tmp_path / "notes.json")
    assert what in problem.message
    assert "notes.corrupt-20250314T092653Z.json" in problem.message
    assert "notes.json" in str(problem)
    # never deleted: moved aside byte for byte
    assert not (tmp_path / "notes.json").exists()
    assert (tmp_path / "notes.corrupt-20250314T092653Z.json").read_bytes() == content
    # that kind starts empty, the others are untouched
    assert store.notes() == {}
    assert store.bookmarks() == ["femur", "tibia"]
    assert store.progress() == {"n": 3}
    # and it can be written again
    store.set_note("femur", "new")
    again = open_store(tmp_path)
    assert again.problems == []
    assert again.note("femur") == "new"


def test_moved_aside_files_are_never_overwritten(tmp_path: Path) -> None:
    for _ in range(3):
        (tmp_path / "bookmarks.json").write_text("{oops")
        store = UserData.open(tmp_path, clock=lambda: T0)
        assert len(store.problems) == 1
    assert sorted(p.name for p in tmp_path.glob("bookmarks.corrupt-*")) == [
        "bookmarks.corrupt-20250314T092653Z-2.json",
        "bookmarks.corrupt-20250314T092653Z-3.json",
        "bookmarks.corrupt-20250314T092653Z.json",
    ]


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("bookmarks.json", {"format": 1, "bookmarks": "femur"}, "should be a list"),
        ("bookmarks.json", {"format": 1, "bookmarks": ["femur", 3]}, "bookmark 2"),
        ("progress.json", {"format": 1, "progress": []}, "'progress' should be an object"),
        ("drawings.json", {"format": 1, "drawings": [{"id": "a"}]}, "'date'"),
        ("drawings.json", {"format": 1, "drawings": [{"id": "a", "date": "x"}] * 2}, "twice"),
        ("preferences.json", {"format": 1}, "no 'preferences'"),
        ("progress.json", {"format": "1", "progress": {}}, "'format' should be a whole number"),
    ],
)
def test_wrong_shapes_of_every_kind(tmp_path: Path, name: str, content: object, what: str) -> None:
    (tmp_path / name).write_text(json.dumps(content))
    store = open_store(tmp_path)
    assert [p.file for p in store.problems] == [str(tmp_path / name)]
    assert what in store.problems[0].message
    assert list(tmp_path.glob(name.replace(".json", ".corrupt-*.json")))


def test_a_file_from_a_newer_version_is_left_alone(tmp_path: Path) -> None:
    newer = json.dumps({"format": FORMAT + 1, "notes": {"femur": "a future shape"}}).encode()
    (tmp_path / "notes.json").write_bytes(newer)
    store = open_store(tmp_path)
    assert len(store.problems) == 1 and "newer version" in store.problems[0].message
    with pytest.raises(UserDataError, match="newer version") as caught:
        store.set_note("femur", "mine")
    assert caught.value.file == tmp_path / "notes.json"
    assert store.note("femur") == "mine"  # kept in memory for this session
    assert (tmp_path / "notes.json").read_bytes() == newer
    assert list(tmp_path.glob("*.corrupt-*")) == []


# --------------------------------------------------------------------------------------------
# Failing disks


@pytest.fixture
def store_with_note(tmp_path: Path) -> Iterator[UserData]:
    store = open_store(tmp_path)
    store.set_note("femur", "saved")
    store.toggle_bookmark("femur")
    yield store


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only folders"
)
def test_a_read_only_folder_gives_a_clear_error(store_with_note: UserData) -> None:
    directory = store_with_note.directory
    directory.chmod(0o555)
    try:
        with pytest.raises(UserDataError, match="Permission denied") as caught:
            store_with_note.set_note("femur", "unsaved")
    finally:
        directory.chmod(0o755)
    assert caught.value.file == directory / "notes.json"
    assert "notes.json" in str(caught.value)
    assert store_with_note.note("femur") == "unsaved"
    assert store_with_note.unsaved() == ["notes"]
    store_with_note.save()
    assert open_store(directory).note("femur") == "unsaved"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        ("mkstemp", OSError(errno.EACCES, "Permission denied")),
        ("mkstemp", OSError(errno.EROFS, "Read-only file system")),
        ("write", OSError(errno.ENOSPC, "No space left on device")),
        ("fsync", OSError(errno.EIO, "Input/output error")),
        ("replace", OSError(errno.EACCES, "Permission denied")),
    ],
)
def test_a_disk_error_gives_a_clear_error_and_keeps_the_data(
    store_with_note: UserData, monkeypatch: pytest.MonkeyPatch, call: str, error: OSError
) -> None:
    directory = store_with_note.directory

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    target = tempfile if call == "mkstemp" else os
    with monkeypatch.context() as patch:
        patch.setattr(target, call, fail)
        with pytest.raises(UserDataError) as caught:
            store_with_note.set_note("femur", "unsaved")
        with pytest.raises(UserDataError):
            store_with_note.toggle_bookmark("tibia")
    message = str(caught.value)
    assert caught.value.file == directory / "notes.json"
    assert str(directory / "notes.json") in message
    assert error.strerror is not None and error.strerror in message
    assert error.errno is not None and errno.errorcode[error.errno] in message
    # memory keeps the change; the files keep the last good copy; no temp files are left
    assert store_with_note.note("femur") == "unsaved"
    assert store_with_note.bookmarks() == ["femur", "tibia"]
    assert store_with_note.unsaved() == ["notes", "bookmarks"]
    on_disk = open_store(directory)
    assert on_disk.note("femur") == "saved" and on_disk.bookmarks() == ["femur"]
    assert temp_files(directory) == []
    # once the disk works again, save() writes what was kept
    store_with_note.save()
    assert store_with_note.unsaved() == []
    again = open_store(directory)
    assert again.note("femur") == "unsaved" and again.bookmarks() == ["femur", "tibia"]


def test_a_file_that_is_a_folder(tmp_path: Path) -> None:
    """A real I/O error, even for root: notes.json is a directory."""
    (tmp_path / "notes.json").mkdir()
    _good_other_files(tmp_path)
    store = open_store(tmp_path)
    assert [p.file for p in store.problems] == [str(tmp_path / "notes.json")]
    assert "could not be read" in store.problems[0].message
    with pytest.raises(UserDataError, match="could not be read"):
        store.set_note("femur", "x")
    assert store.note("femur") == "x"
    assert store.bookmarks() == ["femur", "tibia"]
    assert (tmp_path / "notes.json").is_dir()


def test_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way")
    store = open_store(tmp_path / "file" / "data")
    assert len(store.problems) == 1
    assert store.problems[0].file == str(tmp_path / "file" / "data")
    with pytest.raises(UserDataError):
        store.toggle_bookmark("femur")
    assert store.bookmarks() == ["femur"]


def test_userdata_imports_no_qt() -> None:
    code = (
        "import sys, hamstring_viewer.userdata; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60, cwd=ROOT).returncode == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_notes_file_that_is_a_named_pipe_is_reported_not_waited_for(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / FILES["notes"])  # read, a pipe with no writer would block for good
    store = UserData.open(tmp_path)
    assert store.notes() == {}
    (problem,) = store.problems
    assert FILES["notes"] in str(problem) and "not a regular file" in str(problem)


BAD_ENTRIES = {
    "notes": (
        {
            "format": 1,
            "notes": {
                "femur": {"text": "keep me", "updated": "2025-01-01T00:00:00+00:00"},
                "tibia": {"text": 42, "updated": "2025-01-01T00:00:00"},
                "fibula": {"text": "x", "updated": "yesterday"},
            },
        },
        2,
        "'text' should be text, not a number",
    ),
    "drawings": (
        {
            "format": 1,
            "drawings": [
                {"id": "a", "date": "2025-01-01", "marks": [[1.0, 2.0]]},
                {"id": "b", "date": "2025-01-02", "marks": [[1e400, 2.0]]},
                {"id": "a", "date": "2025-01-03", "marks": []},
            ],
        },
        2,
        "not finite",
    ),
}


@pytest.mark.parametrize("kind", BAD_ENTRIES)
def test_bad_entries_are_set_aside_with_their_reason_and_the_good_ones_kept(
    tmp_path: Path, kind: str
) -> None:
    document, bad_count, why = BAD_ENTRIES[kind]
    _good_other_files(tmp_path)
    text = json.dumps(document).replace("Infinity", "1e400")
    (tmp_path / f"{kind}.json").write_text(text)
    store = open_store(tmp_path)
    (problem,) = [p for p in store.problems if p.file.endswith(f"{kind}.json")]
    aside = tmp_path / f"{kind}.corrupt-20250314T092653Z.json"
    assert f"{bad_count} entries could not be read" in problem.message
    assert aside.name in problem.message and "the rest of your" in problem.message
    kept_aside = json.loads(aside.read_text())
    assert len(kept_aside["entries"]) == bad_count
    assert any(why in e["why"] for e in kept_aside["entries"])
    # the good entry is kept, in memory and in the rewritten file, and later saves work
    if kind == "notes":
        assert list(store.notes()) == ["femur"]
        store.set_note("tibia", "new")
        assert set(open_store(tmp_path).notes()) == {"femur", "tibia"}
    else:
        assert [d["id"] for d in store.drawings()] == ["a"]
        assert [d["id"] for d in open_store(tmp_path).drawings()] == ["a"]
    assert len(list(tmp_path.glob(f"{kind}.corrupt-*.json"))) == 1  # set aside once


def test_quiz_items_that_do_not_fit_are_set_aside_and_the_others_kept(tmp_path: Path) -> None:
    from hamstring_viewer.scheduler import ReviewScheduler

    good = REVIEWED_ITEM  # a quiz item the scheduler reads
    progress = {
        "format": "hamstring-viewer-progress",
        "version": 1,
        "items": {
            "find:semitendinosus": good,
            "find:femur": {**good, "stability": "high"},  # a wrong type
            "find:tibia": {**good, "stability": 1e400},  # infinite
        },
    }
    (tmp_path / "progress.json").write_text(json.dumps({"format": 1, "progress": progress}))
    store = open_store(tmp_path)  # the infinite one is set aside as the file is read
    skipped: list[tuple[str, object, str]] = []
    scheduler = ReviewScheduler.from_dict(store.progress(), skipped=skipped)
    assert [s[0] for s in skipped] == ["find:femur"]  # the quiz finds the wrong type
    store.set_aside_progress_items(skipped)
    assert set(scheduler.items()) == {"find:semitendinosus"}
    kept = open_store(tmp_path).progress()["items"]
    assert set(kept) == {"find:semitendinosus"}
    aside = sorted(tmp_path.glob("progress.corrupt-*.json"))
    assert aside and any(
        "stability" in e["why"] for a in aside for e in json.loads(a.read_text())["entries"]
    )


def _read_only_folder(tmp_path: Path) -> Path | None:
    """A folder no file can be made in: a folder without write bits (not for root), or one
    on a read-only mount of this machine; None if there is none."""
    if os.name == "posix" and os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    with open("/proc/mounts", encoding="utf-8") as mounts:  # root: only a read-only disk stops it
        for line in mounts:
            fields = line.split()
            if len(fields) > 3 and "ro" in fields[3].split(",") and Path(fields[1]).is_dir():
                folder = Path(fields[1])
                try:
                    with tempfile.NamedTemporaryFile(dir=folder):
                        pass
                except OSError:
                    return folder
    return None


def test_a_read_only_data_folder_is_reported_when_the_data_is_opened(tmp_path: Path) -> None:
    """Said when the app starts (the data is opened then), not found out at the first save:
    what is there is shown, and the problem names the folder."""
    folder = _read_only_folder(tmp_path)
    if folder is None:
        pytest.skip("no folder here that cannot be written to")
    try:
        store = UserData.open(folder)
        assert store.read_only
        assert [p.file for p in store.problems if "cannot be written to" in p.message] == [
            str(folder)
        ]
        assert "nothing you change will be saved" in str(store.problems[0])
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o755)
    writable = UserData.open(tmp_path / "user")
    assert not writable.read_only and writable.problems == []
    assert not list((tmp_path / "user").glob(".write-test-*"))  # the probe is gone


LOOP_CHILD = r"""
import sys
from pathlib import Path
from hamstring_viewer.userdata import UserData

store = UserData.open(Path(sys.argv[1]))
start = int(store.note("femur").split()[-1] or 0) if store.note("femur") else 0
print("ready", flush=True)
i = start
while True:
    i += 1
    store.set_note("femur", f"version {i}")
    store.toggle_bookmark("femur")
    print(i, flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_killed_at_random_moments_while_saving_the_last_good_copy_always_loads(
    tmp_path: Path,
) -> None:
    """A hundred kills at random moments of a store saving as fast as it can: every time, the
    files load without a problem and hold the last save that finished, or the one after."""
    import random
    import signal
    import time

    rnd = random.Random(9)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    last = 0
    for _round in range(100):
        child = subprocess.Popen(
            [sys.executable, "-c", LOOP_CHILD, str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.communicate()
        time.sleep(rnd.uniform(0.0, 0.03))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=60)
        done = [int(line) for line in out.split()] or [last]
        store = open_store(tmp_path)
        assert store.problems == [], store.problems
        if store.note("femur"):
            saved = int(store.note("femur").split()[-1])
            assert done[-1] <= saved <= done[-1] + 1
            last = saved
    assert last > 100  # (the kills did fall among saves)
