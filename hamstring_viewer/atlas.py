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
from dataclasses import dataclass, field
from pathlib import Path

from hamstring_viewer.geometry import Plate, Point
from hamstring_viewer.records import KnowledgeBase, Record


@dataclass(frozen=True, slots=True)
class Atlas:
    """The knowledge base together with the plate it is bound to.

    ``anchors`` holds, per structure on the plate, a point in its visible part (for labels).
    """

    kb: KnowledgeBase
    plate: Plate
    anchors: dict[str, Point] = field(default_factory=dict)

    def record_for_region(self, region_id: str) -> Record | None:
        """The record bound to a plate element id."""
        record_id = self.kb.svg_bindings().get(region_id)
        return self.kb.get(record_id) if record_id else None


_CACHE_FORMAT = "atlas-v3"  # v3: Atlas lives in hamstring_viewer.atlas


def content_key(data_dir: str | Path, svg_path: str | Path) -> str:
    """A digest of every content file and of the loader's version."""
    import hashlib

    from hamstring_viewer import __version__

    digest = hashlib.sha256(f"{_CACHE_FORMAT}:{__version__}".encode())
    root = Path(data_dir)
    for path in sorted(root.rglob("*.toml")):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    digest.update(Path(svg_path).read_bytes())
    return digest.hexdigest()


_STAMP_FILE = "atlas-stamp"
_RACY_NS = 2_000_000_000  # files changed this recently may change again within one mtime tick


def _stat_stamp(data_dir: Path, svg_path: Path) -> tuple[list[object], int]:
    """Paths, sizes and modification times of the files :func:`content_key` reads, and the
    newest modification time."""
    from hamstring_viewer import __version__, resources

    files = [path for path in resources.files_under(data_dir) if path.suffix == ".toml"]
    stamp: list[object] = [_CACHE_FORMAT, __version__, str(data_dir.resolve())]
    newest = 0
    for path in [*files, svg_path.resolve()]:
        info = path.stat()
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
        newest = max(newest, info.st_mtime_ns)
    return stamp, newest


def cached_content_key(data_dir: str | Path, svg_path: str | Path, cache_dir: Path) -> str:
    """:func:`content_key`, skipping the reading and hashing when no file's size or
    modification time changed since the digest was last taken (as git's index does).

    Files modified in the last two seconds are always read: a change within the same tick
    of the file system's clock would not show in their modification time.
    """
    stamp, newest = _stat_stamp(Path(data_dir), Path(svg_path))
    index = cache_dir / _STAMP_FILE
    try:
        saved = marshal.loads(index.read_bytes())
        if saved["stamp"] == stamp:
            return str(saved["key"])
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass
    key = content_key(data_dir, svg_path)
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
    data_dir: str | Path, svg_path: str | Path, cache_dir: str | Path | None
) -> Atlas:
    """:func:`load_atlas`, reusing a cache keyed by the content's digest.

    Parsing a detailed plate with svgelements costs hundreds of milliseconds; with the cache,
    start-up does not grow with plate detail. A missing, stale or unreadable cache is rebuilt.
    """
    from hamstring_viewer.catalog import load_atlas  # the loader: only on a miss

    if cache_dir is None:
        return load_atlas(data_dir, svg_path)
    try:
        key = cached_content_key(data_dir, svg_path, Path(cache_dir))
    except OSError:
        return load_atlas(data_dir, svg_path)  # reports the missing file properly
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
    atlas = load_atlas(data_dir, svg_path)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for old in cache.parent.glob("atlas-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".atlas-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(atlas, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass  # a cache we cannot write only costs time
    return atlas


__all__ = ["Atlas", "cached_content_key", "content_key", "load_atlas_cached"]
