"""Small file helpers for the cache folder (imported before the first paint: standard library
only).

Files the app keeps for itself (the compiled atlas of edited content, compiled plates, the
digest of the file stamps, the start-up snapshot) live in a folder only this user can open, are
written atomically, and are read only if they are regular files this user owns and nobody else
can write; anything else is ignored as a miss, with the reason logged.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import mmap


def hasher() -> Any:
    """A new BLAKE2b hash of 32 bytes: the digest of content and compiled files. BLAKE2 is
    built into CPython (``hashlib`` re-exports it from ``_blake2``), so taking it from there
    spares a start the ~2.5 ms of loading OpenSSL that importing ``hashlib`` costs."""
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter without the built-in module
        from hashlib import blake2b
    return blake2b(digest_size=32)


def digest(data: bytes | memoryview) -> bytes:
    """The 32-byte BLAKE2b digest of ``data`` (see :func:`hasher`)."""
    h = hasher()
    h.update(data)
    return bytes(h.digest())


def trusted_cache_file(path: Path) -> bool:
    """Whether a file in the cache folder may be read: a regular file (not a link, pipe or
    device) that belongs to this user and that nobody else can write."""
    try:
        info = path.lstat()
    except OSError:
        return False
    reason = ""
    if not stat.S_ISREG(info.st_mode):
        reason = "it is not a regular file"
    elif hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        reason = "another user owns it"
    elif info.st_mode & 0o022:
        reason = "other users can write it"
    if reason:
        import logging  # (only here: the module is read before the first paint)

        logging.getLogger("hamstring_viewer").warning(
            "ignoring the cache file %s: %s", path, reason
        )
        return False
    return True


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and its parents) readable and writable by this user only."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def write_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (a torn file is never read), readable by this
    user only. Raises OSError on failure, leaving the earlier file as it was."""
    import tempfile

    ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _open_regular(path: Path, limit: int | None) -> tuple[int, os.stat_result]:
    """A descriptor of ``path`` and its status, if it is a regular file (a named pipe or a
    device would block or never end) of at most ``limit`` bytes; OSError otherwise."""
    import errno

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        if limit is not None and info.st_size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit} bytes", str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, opened only if it is a regular file (a named pipe or a device
    would block or never end): OSError otherwise, or if it is larger than ``limit``."""
    return read_regular_file_stat(path, limit)[0]


def read_regular_file_stat(path: Path, limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """:func:`read_regular_file`, with the file's status as it was opened."""
    fd, info = _open_regular(path, limit)
    try:
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return handle.read(), info
    finally:
        if fd >= 0:
            os.close(fd)


def map_regular_file(path: Path, limit: int | None = None) -> bytes | mmap.mmap:
    """:func:`read_regular_file`, mapped rather than read where the system allows (POSIX): a
    compiled plate of some megabytes is then used where the system keeps it, not copied into
    fresh memory first (reading 20 MB cost a start ~35 ms, mapping it ~2 ms). The mapping is
    read-only; a file replaced or removed meanwhile (as the app's atomic writes do) stays as
    it was for the mapping."""
    if os.name != "posix":
        return read_regular_file(path, limit)
    import mmap

    fd, info = _open_regular(path, limit)
    try:
        if info.st_size == 0:
            return b""
        populate = getattr(mmap, "MAP_POPULATE", 0)  # (Linux: its pages mapped at once)
        try:
            return mmap.mmap(fd, 0, flags=mmap.MAP_SHARED | populate, prot=mmap.PROT_READ)
        except (OSError, ValueError):
            with os.fdopen(os.dup(fd), "rb", closefd=True) as handle:
                return handle.read()
    finally:
        os.close(fd)


__all__ = [
    "ensure_private_dir",
    "map_regular_file",
    "read_regular_file",
    "read_regular_file_stat",
    "trusted_cache_file",
    "write_atomic",
]
