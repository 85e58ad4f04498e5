"""The atlas (knowledge base + plate) and its start-up cache.

Apart from :mod:`hamstring_viewer.catalog` (which loads and validates the TOML and the SVG): a
start that finds the cache imports only this, the records and the geometry.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from functools import partial
from pathlib import Path

from hamstring_viewer.fastrecord import fast_dataclass
from hamstring_viewer.geometry import Plate, Point
from hamstring_viewer.records import KnowledgeBase, Record
from hamstring_viewer.safefile import (
    digest,
    ensure_private_dir,
    hasher,
    read_regular_file,
    read_regular_file_stat,
    trusted_cache_file,
    write_atomic,
)

#: Plate files by view key; a single path is the plate of the default (posterior) view.
PlatePaths = str | Path | Mapping[str, str | Path]
_DEFAULT_VIEW = "posterior"  # = resources.DEFAULT_VIEW (not imported: a start reads no more)


def plate_files(plates: PlatePaths) -> dict[str, Path]:
    """``plates`` as a dict of view key -> path.

    A single path is the posterior view's plate; the other views' plates are taken from the
    same folder where files of their shipped names are there (a copy of the content folder
    works like the shipped one).
    """
    if isinstance(plates, (str, Path)):
        from hamstring_viewer import resources

        main = Path(plates)
        out = {_DEFAULT_VIEW: main}
        for view in resources.views():
            sibling = main.parent / view.file
            if view.key != _DEFAULT_VIEW and sibling.name != main.name and sibling.is_file():
                out[view.key] = sibling
        return out
    return {key: Path(path) for key, path in plates.items()}


class PlateStore(Mapping[str, Plate]):
    """Plates by view key, in menu order. A plate may be given as a loader (a function that
    reads it), called when the plate is first asked for: a start reads only the plate it
    shows, so start-up does not grow with the number of views."""

    __slots__ = ("_keys", "_loaders", "_plates")

    def __init__(
        self,
        plates: Mapping[str, Plate] | None = None,
        loaders: Mapping[str, Callable[[], Plate]] | None = None,
    ) -> None:
        self._plates: dict[str, Plate] = dict(plates or {})
        self._loaders: dict[str, Callable[[], Plate]] = dict(loaders or {})
        self._keys: tuple[str, ...] = (
            *self._plates,
            *(k for k in self._loaders if k not in self._plates),
        )

    def __getitem__(self, key: str) -> Plate:
        plate = self._plates.get(key)
        if plate is None:
            load = self._loaders[key]  # KeyError for an unknown key
            plate = self._plates[key] = load()
            del self._loaders[key]
        return plate

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def loaded(self) -> tuple[str, ...]:
        """The views whose plate is read already."""
        return tuple(k for k in self._keys if k in self._plates)

    def __repr__(self) -> str:
        return f"PlateStore({', '.join(self._keys)})"


@fast_dataclass(frozen=True, slots=True, init=False)
class Atlas:
    """The knowledge base together with the plates (views) it is bound to.

    ``plates`` holds one :class:`Plate` per view key, in menu order; ``view_anchors`` holds,
    per view and per structure drawn on that view, a point in its visible part (for labels).
    ``plate`` and ``anchors`` are those of the main view (the posterior one when present).
    """

    kb: KnowledgeBase
    plates: PlateStore
    view_anchors: dict[str, dict[str, Point]] = field(default_factory=dict)
    #: per view, the ids of the plate's regions (known without reading a plate not yet read)
    view_ids: dict[str, frozenset[str]] = field(default_factory=dict)

    def __init__(
        self,
        kb: KnowledgeBase,
        plates: Plate | Mapping[str, Plate],
        view_anchors: Mapping[str, Mapping[str, Point]] | None = None,
        view_ids: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        if isinstance(plates, Plate):
            plates = {_DEFAULT_VIEW: plates}
        if not plates:
            raise ValueError("an atlas needs at least one plate")
        store = plates if isinstance(plates, PlateStore) else PlateStore(plates)
        object.__setattr__(self, "kb", kb)
        object.__setattr__(self, "plates", store)
        anchors = {key: dict(value) for key, value in (view_anchors or {}).items()}
        object.__setattr__(self, "view_anchors", anchors)
        ids = dict(view_ids or {})
        for key in store.loaded():
            ids.setdefault(key, frozenset(r.id for r in store[key].regions))
        if set(ids) != set(store):
            raise ValueError("the atlas needs the region ids of every view")
        object.__setattr__(self, "view_ids", ids)

    @property
    def main_view(self) -> str:
        """The posterior view if the atlas has it, else its first view."""
        return _DEFAULT_VIEW if _DEFAULT_VIEW in self.plates else next(iter(self.plates))

    @property
    def plate(self) -> Plate:
        """The plate of the main view."""
        return self.plates[self.main_view]

    @property
    def anchors(self) -> dict[str, Point]:
        """Label anchors on the main view's plate."""
        return self.view_anchors.get(self.main_view, {})

    def plate_of(self, view_key: str) -> Plate:
        """The plate of a view; raises KeyError listing the atlas's views."""
        try:
            return self.plates[view_key]
        except KeyError:
            known = ", ".join(self.plates)
            raise KeyError(f"no view '{view_key}' in the atlas; known views: {known}") from None

    def anchors_of(self, view_key: str) -> dict[str, Point]:
        """Label anchors on a view's plate (empty for a view the atlas does not have)."""
        return self.view_anchors.get(view_key, {})

    def views_of(self, record_id: str) -> list[str]:
        """The views whose plate draws this record (any of its svg ids), in menu order."""
        record = self.kb.get(record_id)
        ids: tuple[str, ...] = ()
        if record is not None:
            ids = getattr(record, "svg_ids", ()) or (
                (getattr(record, "svg_id", ""),) if getattr(record, "svg_id", "") else ()
            )
        return [key for key in self.plates if not self.view_ids[key].isdisjoint(ids)]

    def localized(self, language: str) -> Atlas:
        """The same atlas with its texts in ``language`` (see ``KnowledgeBase.localized``);
        the plates are shared."""
        kb = self.kb.localized(language)
        if kb is self.kb:
            return self
        return Atlas(kb, self.plates, self.view_anchors, self.view_ids)

    def record_for_region(self, region_id: str) -> Record | None:
        """The record bound to a plate element id."""
        record_id = self.kb.svg_bindings().get(region_id)
        return self.kb.get(record_id) if record_id else None


_CACHE_FORMAT = "atlas-v7"  # v7: texts in German too (v6: BLAKE2b digests; v5: JSON)
#: the compiled atlas: this line, the BLAKE2b-256 digest of the rest (hex) and a newline, then JSON
_ATLAS_MAGIC = b"HVATLAS2\n"
#: a compiled atlas larger than this is not read (the shipped one is ~0.3 MB)
_MAX_ATLAS_BYTES = 64 * 1024 * 1024


def content_key(data_dir: str | Path, plates: PlatePaths) -> str:
    """A digest of every content file (the data and every plate) and of the loader's
    version."""
    return _content_digests(data_dir, plates)[0]


def _content_digests(data_dir: str | Path, plates: PlatePaths) -> tuple[str, dict[str, bytes]]:
    """:func:`content_key`, and the digest of each plate's SVG by view (it goes into the key:
    a compiled plate is checked against it)."""
    from hamstring_viewer import __version__, resources

    whole = hasher()
    whole.update(f"{_CACHE_FORMAT}:{__version__}".encode())
    root = Path(data_dir)
    for path in sorted(root.rglob("*.toml")):
        if path.relative_to(root).as_posix() == resources.FIGURES_FILE:
            continue  # the figures are read when shown, not part of the atlas
        whole.update(str(path.relative_to(root).as_posix()).encode() + b"\0")
        whole.update(read_regular_file(path) + b"\0")
    svgs: dict[str, bytes] = {}
    for key, svg_path in plate_files(plates).items():
        svgs[key] = digest(read_regular_file(svg_path))
        whole.update(key.encode() + b"\0" + svgs[key] + b"\0")
    return str(whole.hexdigest()), svgs


#: a plate's SVG as a start found it: size, modification time (ns) and digest
SvgSeen = tuple[int, int, bytes]


_STAMP_FILE = "atlas-stamp.json"
_RACY_NS = 2_000_000_000  # files changed this recently may change again within one mtime tick


def _stat_stamp(
    data_dir: Path, plates: PlatePaths
) -> tuple[list[object], int, dict[str, tuple[str, int, int]]]:
    """Paths, sizes and modification times of the files :func:`content_key` reads, and the
    newest modification time (as JSON-ready lists); and each plate's (path, size, time) by
    view."""
    import os

    from hamstring_viewer import __version__, resources

    figures = os.fspath(data_dir / resources.FIGURES_FILE)
    rows = [
        row
        for row in resources.file_stats(data_dir)
        if row[0].endswith(".toml") and row[0] != figures
    ]
    svgs = plate_files(plates)
    seen: dict[str, tuple[str, int, int]] = {}
    for view, svg in svgs.items():
        real = os.path.realpath(svg)
        info = os.stat(real)
        seen[view] = (real, info.st_size, info.st_mtime_ns)
        rows.append(seen[view])
    stamp: list[object] = [_CACHE_FORMAT, __version__, os.path.realpath(data_dir), list(svgs)]
    stamp.extend([list(row) for row in rows])
    newest = max((row[2] for row in rows), default=0)
    return stamp, newest, seen


def cached_content_key(
    data_dir: str | Path,
    plates: PlatePaths,
    cache_dir: Path,
    write: Callable[[Callable[[], None]], None] | None = None,
) -> str:
    """:func:`content_key`, skipping the reading and hashing when no file's size or
    modification time changed since the digest was last taken (see :func:`cached_content`)."""
    return cached_content(data_dir, plates, cache_dir, write)[0]


def cached_content(
    data_dir: str | Path,
    plates: PlatePaths,
    cache_dir: Path,
    write: Callable[[Callable[[], None]], None] | None = None,
) -> tuple[str, dict[str, SvgSeen]]:
    """:func:`content_key`, skipping the reading and hashing when no file's size or
    modification time changed since the digest was last taken (as git's index does); and,
    by view, each plate's SVG as it was then (size, time and digest: its compiled plate is
    checked against that digest while the file's size and time are still the same).

    Files modified in the last two seconds are always read: a change within the same tick
    of the file system's clock would not show in their modification time. ``write`` runs the
    writing of the new digest (by default at once).
    """
    import json

    stamp, newest, seen = _stat_stamp(Path(data_dir), plates)
    index = cache_dir / _STAMP_FILE
    if trusted_cache_file(index):
        try:
            saved = json.loads(index.read_bytes())
            if type(saved) is dict and saved.get("stamp") == stamp:
                key = saved.get("key")
                digests = saved.get("svgs")
                if type(key) is str and len(key) == 64 and type(digests) is dict:
                    return key, _svgs_seen(seen, digests)
        except (OSError, ValueError, RecursionError):
            pass
    key, svgs = _content_digests(data_dir, plates)
    digests = {view: d.hex() for view, d in svgs.items()}
    if newest < time.time_ns() - _RACY_NS:
        data = json.dumps({"stamp": stamp, "key": key, "svgs": digests}).encode()
        job = partial(_write_quietly, index, data)
        if write is None:
            job()
        else:
            write(job)  # (the app: on an idle tick once the window is live)
    return key, _svgs_seen(seen, digests)


def _svgs_seen(
    seen: dict[str, tuple[str, int, int]], digests: dict[str, object]
) -> dict[str, SvgSeen]:
    """Each view's (size, time, digest), for the views whose digest is well formed."""
    out: dict[str, SvgSeen] = {}
    for view, (_path, size, mtime) in seen.items():
        text = digests.get(view)
        if type(text) is str and len(text) == 64:
            try:
                out[view] = (size, mtime, bytes.fromhex(text))
            except ValueError:
                continue
    return out


def _write_quietly(path: Path, data: bytes) -> None:
    with contextlib.suppress(OSError):  # a cache we cannot write only costs time
        write_atomic(path, data, sync=False)


def atlas_to_bytes(atlas: Atlas, key: str) -> bytes:
    """The compiled atlas: the knowledge base (see :mod:`hamstring_viewer.kbcodec`), and per
    view the ids of its plate's regions and the label anchors; ``key`` is the content digest
    (:func:`content_key`) it was made from. JSON after a checksummed header: data only."""
    import json

    from hamstring_viewer import kbcodec

    views = {
        view: {
            "ids": sorted(atlas.view_ids[view]),
            "anchors": {sid: list(point) for sid, point in atlas.anchors_of(view).items()},
        }
        for view in atlas.plates
    }
    body = json.dumps(
        {"format": kbcodec.FORMAT, "key": key, "kb": kbcodec.encode(atlas.kb), "views": views},
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8")
    return _ATLAS_MAGIC + digest(body).hex().encode("ascii") + b"\n" + body


def atlas_from_bytes(data: bytes, key: str, plates: Mapping[str, Callable[[], Plate]]) -> Atlas:
    """The atlas :func:`atlas_to_bytes` wrote, for the content digest ``key``, with ``plates``
    (view key -> loader) read when first shown. Raises ValueError if the data is damaged, was
    made from other content or for other views, or does not fit the records anywhere."""
    import json
    import math

    from hamstring_viewer import kbcodec

    head = len(_ATLAS_MAGIC)
    if data[:head] != _ATLAS_MAGIC or data[head + 64 : head + 65] != b"\n":
        raise ValueError("not a compiled atlas")
    body = memoryview(data)[head + 65 :]
    if digest(body).hex().encode("ascii") != data[head : head + 64]:
        raise ValueError("damaged (checksum mismatch)")
    try:
        top = json.loads(bytes(body).decode("utf-8"))
    except (UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(f"unreadable: {exc}") from None
    if type(top) is not dict or top.get("format") != kbcodec.FORMAT:
        raise ValueError("another format")
    if top.get("key") != key:
        raise ValueError("made from other content")
    views = top.get("views")
    if type(views) is not dict or list(views) != list(plates):
        raise ValueError("made for other views")
    kb = kbcodec.decode(top.get("kb"))
    anchors: dict[str, dict[str, Point]] = {}
    ids: dict[str, frozenset[str]] = {}
    for view, entry in views.items():
        if type(entry) is not dict or type(entry.get("ids")) is not list:
            raise ValueError(f"view {view}: no region ids")
        if not all(type(i) is str for i in entry["ids"]):
            raise ValueError(f"view {view}: a region id is not text")
        ids[view] = frozenset(entry["ids"])
        table = entry.get("anchors")
        if type(table) is not dict:
            raise ValueError(f"view {view}: no label anchors")
        points: dict[str, Point] = {}
        for sid, point in table.items():
            if (
                sid not in kb.structures
                or type(point) is not list
                or len(point) != 2
                or not all(type(v) is float and math.isfinite(v) for v in point)
            ):
                raise ValueError(f"view {view}: the label anchor of {sid} is not usable")
            points[sid] = (point[0], point[1])
        anchors[view] = points
    return Atlas(kb, PlateStore(loaders=plates), anchors, ids)


def read_compiled_atlas(
    path: Path, key: str, plates: Mapping[str, Callable[[], Plate]], *, trusted: bool
) -> Atlas | None:
    """The atlas compiled at ``path`` for the content digest ``key``, or None if there is
    none or it is of no use (stale, damaged, another format; a cache file that is not
    :func:`trusted_cache_file` is not read unless ``trusted``, for the shipped one)."""
    if not trusted and not trusted_cache_file(path):
        return None
    try:
        return atlas_from_bytes(read_regular_file(path, _MAX_ATLAS_BYTES), key, plates)
    except (OSError, ValueError, TypeError):
        return None


def _plate_loader(path: Path, cache_dir: Path | None, seen: SvgSeen | None = None) -> Plate:
    """The plate of one view, read when first shown: from its compiled form beside the SVG,
    or in the cache folder, when that was compiled from these very bytes, else parsed. A plate
    that has become unusable since the atlas was made raises :class:`ContentError`.

    ``seen``: the SVG's size, time and digest when the start took the content's digest; while
    its size and time are the same, the bytes are those and need no hashing again."""
    from hamstring_viewer.geometry import cached_plate_path, parse_plate, read_compiled_plate
    from hamstring_viewer.problems import ContentError, Problem

    try:
        data, info = read_regular_file_stat(path)
    except OSError as exc:
        reason = f"cannot read the plate: {exc.strerror or exc}"
        raise ContentError([Problem(str(path), reason)]) from None
    known = None
    if seen is not None and (info.st_size, info.st_mtime_ns) == seen[:2]:
        known = seen[2]
    plate = read_compiled_plate(path, data, svg_digest=known)
    if plate is None and cache_dir is not None:
        if known is None:
            from hamstring_viewer.safefile import digest

            known = digest(data)  # (once, for the name and the check)
        compiled = cached_plate_path(cache_dir, path, data, known)
        if trusted_cache_file(compiled):
            plate = read_compiled_plate(path, data, compiled, svg_digest=known)
    if plate is None:
        plate, problems = parse_plate(data, str(path))
        if plate is None or problems:
            raise ContentError(problems or [Problem(str(path), "the plate is not usable")])
    plate.svg_data = data  # (its view draws from these very bytes)
    return plate


def load_atlas_cached(
    data_dir: str | Path,
    plates: PlatePaths,
    cache_dir: str | Path | None,
    *,
    write: Callable[[Callable[[], None]], None] | None = None,
) -> Atlas:
    """:func:`load_atlas`, reusing a compiled atlas keyed by the content's digest: the one
    shipped with the app (``assets/svg/atlas.compiled``) or one the app wrote to
    ``cache_dir`` after loading content that was edited. Each view's plate is then read from
    its compiled form when first shown.

    A missing, stale or damaged compiled atlas means the content is loaded and checked in
    full (and, with ``cache_dir``, compiled there). ``write`` runs that writing (by default at
    once; the app hands it to its next idle tick, so that a start is not kept waiting).
    """
    from hamstring_viewer import resources

    paths = plate_files(plates)
    cache = Path(cache_dir) if cache_dir is not None else None

    def load_atlas(data_dir: str | Path, plates: PlatePaths) -> Atlas:
        from hamstring_viewer import catalog  # the loader and checker: only on a miss

        # (each content file's parsed TOML is kept: after one edit, only it is parsed again)
        parsed = cache / "parsed" if cache is not None else None
        return catalog.load_atlas(data_dir, plates, parsed)

    seen: dict[str, SvgSeen] = {}
    try:
        if cache is not None:
            key, seen = cached_content(data_dir, paths, cache, write)
        else:
            key = content_key(data_dir, paths)
    except OSError:
        return load_atlas(data_dir, plates)  # reports the missing file properly
    loaders = {
        view: partial(_plate_loader, path, cache, seen.get(view)) for view, path in paths.items()
    }
    candidates: list[tuple[Path, bool]] = []
    with contextlib.suppress(FileNotFoundError):  # (no shipped content: only the given one)
        candidates.append((resources.compiled_atlas_path(), True))
    if cache is not None:
        candidates.insert(0, (cache / f"atlas-{key[:32]}.json", False))
    for candidate, trusted in candidates:
        atlas = read_compiled_atlas(candidate, key, loaders, trusted=trusted)
        if atlas is not None:
            return atlas
    atlas = load_atlas(data_dir, plates)
    if cache is not None:
        job = partial(_write_cache, cache, key, atlas, paths)
        if write is None:
            job()
        else:
            write(job)
    return atlas


def _write_cache(cache: Path, key: str, atlas: Atlas, paths: Mapping[str, Path]) -> None:
    """Keep ``atlas`` in ``cache`` (atomically, dropping older atlases), with the compiled
    form of each plate that has none of its current bytes beside it."""
    from hamstring_viewer.geometry import (
        cached_plate_path,
        compile_parsed_plate,
        read_compiled_plate,
    )

    try:
        ensure_private_dir(cache)
        target = cache / f"atlas-{key[:32]}.json"
        for old in cache.glob("atlas-*.json"):
            if old != target:
                old.unlink(missing_ok=True)
        for old in cache.glob("atlas-*.pickle"):  # written by earlier versions
            old.unlink(missing_ok=True)
        write_atomic(target, atlas_to_bytes(atlas, key))
        for view, path in paths.items():
            if view not in atlas.plates.loaded():
                continue
            data = path.read_bytes()
            if read_compiled_plate(path, data) is not None:
                continue  # compiled beside the SVG already (the shipped plates)
            where = cached_plate_path(cache, path, data)
            for old in cache.glob(f"plate-{path.stem}-*.plate"):
                if old != where:
                    old.unlink(missing_ok=True)
            if not where.exists():
                plate = atlas.plates[view]
                write_atomic(where, compile_parsed_plate(plate, data))
    except (OSError, ValueError):
        pass  # a cache we cannot write only costs time


__all__ = [
    "Atlas",
    "PlatePaths",
    "PlateStore",
    "atlas_from_bytes",
    "atlas_to_bytes",
    "cached_content",
    "cached_content_key",
    "content_key",
    "load_atlas_cached",
    "plate_files",
    "read_compiled_atlas",
    "trusted_cache_file",
]
