"""The atlas (knowledge base + plate) and its start-up cache.

Apart from :mod:`hamstring_viewer.catalog` (which loads and validates the TOML and the SVG): a
start that finds the cache imports only this, the records and the geometry.
"""

from __future__ import annotations

import marshal
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from hamstring_viewer.geometry import Plate, Point
from hamstring_viewer.records import KnowledgeBase, Record

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
    """Plates by view key, in menu order. Pickled, each plate is its own blob, unpickled when
    first asked for: a start from the cache reads only the plate it shows, so start-up does
    not grow with the number of views."""

    __slots__ = ("_blobs", "_keys", "_plates")

    def __init__(
        self, plates: Mapping[str, Plate] | None = None, blobs: Mapping[str, bytes] | None = None
    ) -> None:
        self._plates: dict[str, Plate] = dict(plates or {})
        self._blobs: dict[str, bytes] = dict(blobs or {})
        self._keys: tuple[str, ...] = (
            *self._plates,
            *(k for k in self._blobs if k not in self._plates),
        )

    def __getitem__(self, key: str) -> Plate:
        plate = self._plates.get(key)
        if plate is None:
            blob = self._blobs.pop(key)  # KeyError for an unknown key
            plate = self._plates[key] = pickle.loads(blob)
        return plate

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def loaded(self) -> tuple[str, ...]:
        """The views whose plate is unpickled already."""
        return tuple(k for k in self._keys if k in self._plates)

    def __repr__(self) -> str:
        return f"PlateStore({', '.join(self._keys)})"

    def __reduce__(self) -> tuple[object, ...]:
        blobs = {
            key: self._blobs[key]
            if key in self._blobs
            else pickle.dumps(self._plates[key], protocol=pickle.HIGHEST_PROTOCOL)
            for key in self._keys
        }
        return (PlateStore, (None, blobs))


@dataclass(frozen=True, slots=True, init=False)
class Atlas:
    """The knowledge base together with the plates (views) it is bound to.

    ``plates`` holds one :class:`Plate` per view key, in menu order; ``view_anchors`` holds,
    per view and per structure drawn on that view, a point in its visible part (for labels).
    ``plate`` and ``anchors`` are those of the main view (the posterior one when present).
    """

    kb: KnowledgeBase
    plates: PlateStore
    view_anchors: dict[str, dict[str, Point]] = field(default_factory=dict)

    def __init__(
        self,
        kb: KnowledgeBase,
        plates: Plate | Mapping[str, Plate],
        view_anchors: Mapping[str, Mapping[str, Point]] | None = None,
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
        return [key for key, plate in self.plates.items() if any(plate.has(i) for i in ids)]

    def record_for_region(self, region_id: str) -> Record | None:
        """The record bound to a plate element id."""
        record_id = self.kb.svg_bindings().get(region_id)
        return self.kb.get(record_id) if record_id else None


_CACHE_FORMAT = "atlas-v4"  # v4: one plate per view


def content_key(data_dir: str | Path, plates: PlatePaths) -> str:
    """A digest of every content file (the data and every plate) and of the loader's
    version."""
    import hashlib

    from hamstring_viewer import __version__

    digest = hashlib.sha256(f"{_CACHE_FORMAT}:{__version__}".encode())
    root = Path(data_dir)
    for path in sorted(root.rglob("*.toml")):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for key, svg_path in plate_files(plates).items():
        digest.update(key.encode() + b"\0")
        digest.update(svg_path.read_bytes() + b"\0")
    return digest.hexdigest()


_STAMP_FILE = "atlas-stamp"
_RACY_NS = 2_000_000_000  # files changed this recently may change again within one mtime tick


def _stat_stamp(data_dir: Path, plates: PlatePaths) -> tuple[list[object], int]:
    """Paths, sizes and modification times of the files :func:`content_key` reads, and the
    newest modification time."""
    from hamstring_viewer import __version__, resources

    files = [path for path in resources.files_under(data_dir) if path.suffix == ".toml"]
    stamp: list[object] = [_CACHE_FORMAT, __version__, str(data_dir.resolve())]
    newest = 0
    svgs = plate_files(plates)
    stamp.append(tuple(svgs))
    for path in [*files, *(p.resolve() for p in svgs.values())]:
        info = path.stat()
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
        newest = max(newest, info.st_mtime_ns)
    return stamp, newest


def cached_content_key(data_dir: str | Path, plates: PlatePaths, cache_dir: Path) -> str:
    """:func:`content_key`, skipping the reading and hashing when no file's size or
    modification time changed since the digest was last taken (as git's index does).

    Files modified in the last two seconds are always read: a change within the same tick
    of the file system's clock would not show in their modification time.
    """
    stamp, newest = _stat_stamp(Path(data_dir), plates)
    index = cache_dir / _STAMP_FILE
    try:
        saved = marshal.loads(index.read_bytes())
        if saved["stamp"] == stamp:
            return str(saved["key"])
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass
    key = content_key(data_dir, plates)
    if newest < time.time_ns() - _RACY_NS:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".stamp-", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps({"stamp": stamp, "key": key}))
            os.replace(tmp, index)
        except OSError:
            pass
    return key


def load_atlas_cached(
    data_dir: str | Path,
    plates: PlatePaths,
    cache_dir: str | Path | None,
    *,
    write: Callable[[Callable[[], None]], None] | None = None,
) -> Atlas:
    """:func:`load_atlas`, reusing a cache keyed by the content's digest.

    Parsing a detailed plate with svgelements costs hundreds of milliseconds; with the cache,
    start-up does not grow with plate detail. A missing, stale or unreadable cache is rebuilt.
    ``write`` runs the rebuilt cache's writing (by default at once; the app hands it to its
    next idle tick, so that a first start is not kept waiting while ~6 MB are pickled).
    """
    from hamstring_viewer.catalog import load_atlas  # the loader: only on a miss

    if cache_dir is None:
        return load_atlas(data_dir, plates)
    try:
        key = cached_content_key(data_dir, plates, Path(cache_dir))
    except OSError:
        return load_atlas(data_dir, plates)  # reports the missing file properly
    cache = Path(cache_dir) / f"atlas-{key[:32]}.pickle"
    try:
        with cache.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, Atlas):
            return cached
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
    ):
        pass
    atlas = load_atlas(data_dir, plates)
    if write is None:
        _write_cache(cache, atlas)
    else:
        write(partial(_write_cache, cache, atlas))
    return atlas


def _write_cache(cache: Path, atlas: Atlas) -> None:
    """Keep ``atlas`` at ``cache`` (atomically), dropping older atlases."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for old in cache.parent.glob("atlas-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".atlas-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(atlas, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a cache we cannot write only costs time


__all__ = [
    "Atlas",
    "PlatePaths",
    "PlateStore",
    "cached_content_key",
    "content_key",
    "load_atlas_cached",
    "plate_files",
]
