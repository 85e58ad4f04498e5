"""The start-up snapshot: the window shows at once what the last session will restore.

Importing the atlas code and building the plate and the panel takes a Python Qt app some 60 ms
beyond an empty window. So the window opens first with a picture of itself: when a session
ends, the app renders the window as the next start will restore it (same settings, content,
size, pixel ratio and palette) and keeps that picture in the cache folder. At the next start
the window paints the picture, then swaps in the live plate and panel on the first idle tick;
clicks made on the picture are replayed on the live widgets. A picture that does not match
(other settings, new content, another size) is not shown: the window then opens empty for
those milliseconds.

This module is imported before the first paint, so it uses Qt's light classes only: no
``Qt`` namespace, which alone costs ~15 ms to import.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import struct
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QPointF, QSettings, QSize, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from hamstring_viewer import __version__, i18n, resources
from hamstring_viewer.safefile import trusted_cache_file, write_atomic

SNAPSHOT_FILE = "start-window.snapshot"
#: then the header's length (4 bytes), the header (see :func:`write_snapshot`), the pixels
_MAGIC = b"HVSNAP3\n"
_FORMAT = 3
_IMAGE = struct.Struct("<IIIQd")  # width, height, bytes per line, offset, pixel ratio


def content_stamp(
    data_dir: Path | None = None, plates: Mapping[str, Path] | None = None
) -> list[list[object]]:
    """Name, size and modification time of every plate (by default every view's) and of
    every content file (cheap: no reading), so a snapshot of older content is never shown."""
    try:
        stats = resources.file_stats(data_dir or resources.data_dir())
        for path in (plates or resources.plate_paths()).values():
            info = os.stat(path)
            stats.append((os.fspath(path), info.st_size, info.st_mtime_ns))
    except OSError as exc:  # (content that cannot be read: no snapshot fits; loading says why)
        return [["unreadable", str(exc)]]
    stats.sort()
    return [[os.path.basename(path), size, mtime] for path, size, mtime in stats]


def _plain(value: object) -> str:
    """A setting's value as text, the same whether it was just set or read back from disk."""
    if isinstance(value, QByteArray):
        return bytes(value.data()).hex()
    if isinstance(value, QSize):
        return f"{value.width()}x{value.height()}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_plain(v) for v in value)
    return str(value)


def userdata_stamp(folder: Path) -> list[list[object]]:
    """Name, size and modification time of the user's data files (the notes and the quiz
    docks show them, so a snapshot of older notes is never shown); none if there are none."""
    try:
        stats = resources.file_stats(folder)
    except OSError:
        return []
    out: list[list[object]] = []
    for path, size, mtime in stats:
        name = os.path.basename(path)
        if name.endswith(".json") and not name.startswith("."):
            out.append([name, size, mtime])
    return out


def snapshot_key(
    settings: QSettings,
    size: QSize,
    pixel_ratio: float,
    lightness: int,
    content: list[list[object]] | None = None,
    userdata: list[list[object]] | None = None,
) -> dict[str, Any]:
    """What a start-up snapshot depends on: a snapshot is shown only if its key is equal."""
    return {
        "format": _FORMAT,
        "version": __version__,
        # (not where the window stands: the picture is the same wherever it is; its size is)
        "settings": {
            key: _plain(settings.value(key))
            for key in sorted(settings.allKeys())
            if key != "window/geometry"
        },
        "size": [size.width(), size.height()],
        "pixel_ratio": round(pixel_ratio, 3),
        "lightness": lightness,
        "language": i18n.language(),  # (the system's language can change between starts)
        "content": content if content is not None else content_stamp(),
        "userdata": userdata or [],
    }


def _key_bytes(key: dict[str, Any]) -> bytes:
    """The key as the snapshot keeps it: its text, compared byte for byte, never evaluated."""
    return repr(key).encode("utf-8")


def write_snapshot(
    path: Path,
    images: dict[str, QImage],
    key: dict[str, Any],
    extra: dict[str, list[float]] | None = None,
) -> None:
    """Write named pictures, the key they were taken for and ``extra`` lists of numbers,
    atomically (a torn file is never read as a snapshot).

    The header is plain data in a fixed binary layout (nothing in it is evaluated): the key's
    text, the images (name, width, height, bytes per line, offset, pixel ratio) and the
    extras (name, numbers); the RGB32 pixels follow.
    """
    parts = [struct.pack("<I", len(key_text := _key_bytes(key))), key_text]
    chunks: list[bytes] = []
    offset = 0
    parts.append(struct.pack("<I", len(images)))
    for name, image in images.items():
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        pixels = bytes(image.constBits())
        label = name.encode("utf-8")
        parts += [struct.pack("<H", len(label)), label]
        parts.append(
            _IMAGE.pack(
                image.width(), image.height(), image.bytesPerLine(), offset,
                image.devicePixelRatio(),
            )
        )  # fmt: skip
        chunks.append(pixels)
        offset += len(pixels)
    extras = extra or {}
    parts.append(struct.pack("<I", len(extras)))
    for name, numbers in extras.items():
        label = name.encode("utf-8")
        parts += [struct.pack("<H", len(label)), label, struct.pack("<I", len(numbers))]
        parts.append(struct.pack(f"<{len(numbers)}d", *numbers))
    header = b"".join(parts)
    head = _MAGIC + len(header).to_bytes(4, "little") + header
    write_atomic(path, b"".join([head, *chunks]), sync=False)


class Snapshot:
    """Pictures read back from disk, by name. The images point into the mapped file: copy
    what must outlive :meth:`release`."""

    def __init__(self, data: mmap.mmap, images: dict[str, QImage], extra: dict[str, Any]) -> None:
        self._data: mmap.mmap | None = data
        self.images = images
        self.extra = extra

    def release(self) -> None:
        """Drop the images and unmap the file (so that the next snapshot can replace it)."""
        self.images = {}
        if self._data is not None:
            # (BufferError: an image is still alive somewhere; the mapping goes with it)
            with contextlib.suppress(BufferError):
                self._data.close()
            self._data = None

    @property
    def image(self) -> QImage:
        """The window as the next start will restore it."""
        return self.images["window"]


def read_snapshot(path: Path, key: dict[str, Any]) -> Snapshot | None:
    """The snapshot at ``path`` if it exists, is whole and was taken for ``key`` (and is a
    regular file of this user's that nobody else can write)."""
    if not trusted_cache_file(path):
        return None
    try:
        with path.open("rb") as handle:  # mapped, not read: 5-10 MB would cost ~4 ms to copy
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    if data[: len(_MAGIC)] != _MAGIC:
        data.close()
        return None
    start = len(_MAGIC) + 4
    end = start + int.from_bytes(data[len(_MAGIC) : start], "little")
    try:
        header = memoryview(data)[start:end]
        if len(header) != end - start:
            return None
        at = 0

        def take(size: int) -> memoryview:
            nonlocal at
            if at + size > len(header):
                raise ValueError("the header is cut short")
            at += size
            return header[at - size : at]

        def text() -> str:
            (size,) = struct.unpack("<H", take(2))
            return bytes(take(size)).decode("utf-8")

        (size,) = struct.unpack("<I", take(4))
        if bytes(take(size)) != _key_bytes(key):
            return None  # taken for other settings, content, size or palette
        pixels = memoryview(data)[end:]
        images: dict[str, QImage] = {}
        (count,) = struct.unpack("<I", take(4))
        for _ in range(count):
            name = text()
            width, height, stride, offset, ratio = _IMAGE.unpack(take(_IMAGE.size))
            if width <= 0 or height <= 0 or stride < 4 * width or not 0.5 <= ratio <= 8:
                return None
            if offset + stride * height > len(pixels):
                return None
            image = QImage(
                pixels[offset : offset + stride * height],
                width,
                height,
                stride,
                QImage.Format.Format_RGB32,
            )
            image.setDevicePixelRatio(ratio)
            images[name] = image
        extra: dict[str, list[float]] = {}
        (count,) = struct.unpack("<I", take(4))
        for _ in range(count):
            name = text()
            (size,) = struct.unpack("<I", take(4))
            extra[name] = list(struct.unpack(f"<{size}d", take(8 * size)))
    except (ValueError, struct.error, UnicodeDecodeError):
        return None
    if "window" not in images:
        return None
    return Snapshot(data, images, extra)


class SnapshotWidget(QWidget):
    """Shows the start-up picture and keeps the clicks made on it for the live window."""

    firstPainted = Signal()

    def __init__(self, snapshot: Snapshot | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startSnapshot")
        self.setAccessibleName("Hamstring Viewer is starting")
        self.snapshot = snapshot
        self.clicks: list[QPointF] = []  # where the left button went down and up, in order
        self._press: QPointF | None = None
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.snapshot is not None:
            painter.drawImage(self.rect(), self.snapshot.image)
        else:  # the first start, or new content: say what is happening
            # 0x84 is Qt.AlignmentFlag.AlignCenter (the Qt namespace costs ~11 ms to import)
            painter.drawText(self.rect(), 0x84, "Hamstring Viewer is preparing the atlas…")
        painter.end()
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt  # a click costs the Qt namespace; a start does not

        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            self.clicks.append(self._press)
            self._press = None
        event.accept()


class PicturePart(SnapshotWidget):
    """A part of the start-up picture standing in, for a tick, for a widget still being built
    (the panel): it paints that part as it was, and keeps the clicks made on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setObjectName("startPicturePart")
        self.picture: QImage | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.picture is not None:
            painter.drawImage(0, 0, self.picture)
        painter.end()
