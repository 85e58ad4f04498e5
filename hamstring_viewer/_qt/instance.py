"""One running app per user: a second start brings the first one's window to the front.

Two windows saving the same notes, bookmarks and quiz progress would overwrite each other's
changes. So the first start holds a lock file in the user's data folder (``QLockFile``: a lock
whose process has died is taken over, so a crash never locks the user out), and a second start
does not open the user's data at all: it leaves a request file beside the lock, which the
running app watches (``QFileSystemWatcher``), and ends. The running app then shows its window
and brings it to the front. No sockets: the app makes no connections of any kind.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal

LOCK_FILE = "instance.lock"
REQUEST_FILE = "instance.request"


class Instance(QObject):
    """This user's claim to run the app (see the module docstring).

    ``frontRequested`` is emitted when another start asks the running app to show itself.
    """

    frontRequested = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._lock = QLockFile(str(folder / LOCK_FILE))
        # only a lock whose process is gone is stale (by default one older than 30 s would be,
        # while its app is still running)
        self._lock.setStaleLockTime(0)
        self._watcher: QFileSystemWatcher | None = None

    @property
    def request_file(self) -> Path:
        return self.folder / REQUEST_FILE

    def claim(self) -> bool:
        """Take the lock: True if this is the only running app of this user (or the folder
        cannot hold a lock at all: then nothing can be saved either, and the app says so)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self._lock.tryLock(0):
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def release(self) -> None:
        self._lock.unlock()

    def ask_running_to_come_forward(self) -> bool:
        """Ask the running app to show its window (False if the request could not be left)."""
        data = f"{os.getpid()} {time.time():.3f}\n".encode()
        try:
            self.request_file.write_bytes(data)
        except OSError:
            return False
        return True

    def watch(self) -> None:
        """Emit ``frontRequested`` whenever another start leaves its request."""
        if self._watcher is not None:
            return
        self._watcher = QFileSystemWatcher([str(self.folder)], self)
        self._watcher.directoryChanged.connect(self._on_folder_changed)
        self._on_folder_changed(str(self.folder))  # (a request left while this app started)

    def _on_folder_changed(self, _folder: str) -> None:
        request = self.request_file
        if not request.exists():
            return
        try:
            request.unlink()
        except OSError:
            return
        self.frontRequested.emit()


__all__ = ["LOCK_FILE", "REQUEST_FILE", "Instance"]
