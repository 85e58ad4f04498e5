"""Render the start-up snapshot in a process of its own, after the app has quit.

A quit after a changed session used to render the next start's picture before the process
could end (~150-200 ms: a fresh window built, painted and grabbed). The app now checks at quit
whether the picture it has is still the one the next start will show (a few ms); if not, it
starts this job, detached, and ends at once. The job builds the window the next start will
build (same settings, user data, content, language and screen), renders it never shown on
screen, writes the snapshot atomically and ends. A start that comes before the job is done
finds no matching snapshot and starts as it would without one.

    python -m hamstring_viewer._qt.snapshot_job SETTINGS_FILE FORMAT CACHE_DIR LANGUAGE \
        USER_DATA_DIR [DATA_DIR] [VIEW=PLATE ...]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings


def command(
    settings: QSettings,
    cache: Path,
    language: str,
    userdata_dir: Path,
    data_dir: Path | None = None,
    plates: Mapping[str, Path] | None = None,
) -> list[str]:
    """The job's command line for a window of these settings, user data and content."""
    kind = "ini" if settings.format() == QSettings.Format.IniFormat else "native"
    args = [settings.fileName(), kind, str(cache), language, str(userdata_dir)]
    args.append(str(data_dir or ""))
    args += [f"{key}={path}" for key, path in (plates or {}).items()]
    return [sys.executable, "-m", "hamstring_viewer._qt.snapshot_job", *args]


def start(argv: Sequence[str]) -> int | None:
    """Start the job detached from this process (a session of its own, its input and output
    /dev/null): this process can end at once. Its process id, or None if it could not be
    started."""
    env = dict(os.environ)
    # the package is found where this module is, however the app was started
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    null = os.devnull
    try:
        return os.posix_spawn(
            argv[0],
            list(argv),
            env,
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, null, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, null, os.O_WRONLY, 0),
                (os.POSIX_SPAWN_OPEN, 2, null, os.O_WRONLY, 0),
            ],
            setsid=True,
        )
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    settings_file, kind, cache_text, language, userdata_text = args[:5]
    data_text = args[5] if len(args) > 5 else ""
    plates = dict(item.split("=", 1) for item in args[6:] if "=" in item)

    from PySide6.QtWidgets import QApplication

    from hamstring_viewer import resources

    from .app import APPLICATION, ORGANISATION, save_start_snapshot
    from .translation import install_language
    from .window import MainWindow

    app = QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    install_language(language)
    fmt = QSettings.Format.IniFormat if kind == "ini" else QSettings.Format.NativeFormat
    settings = QSettings(settings_file, fmt)
    cache = Path(cache_text)
    data_dir = Path(data_text) if data_text else None
    plate_paths = {key: Path(path) for key, path in plates.items()} or None

    from hamstring_viewer.atlas import load_atlas_cached
    from hamstring_viewer.problems import ContentError

    try:
        atlas = load_atlas_cached(
            data_dir or resources.data_dir(), plate_paths or resources.plate_paths(), cache
        )
    except (ContentError, OSError):
        return 1  # (the app reports bad content at its next start)
    from hamstring_viewer.userdata import UserData

    window = MainWindow(None, None, settings)
    svg = window.svg_of_first_view(atlas)
    userdata_dir = Path(userdata_text)
    userdata = UserData.peek(userdata_dir)  # (the app may be running again: no writes)
    window.load(atlas.localized(language), svg, userdata, features=False)
    window.content_paths = (data_dir, plate_paths)
    ok = save_start_snapshot(window, cache, userdata_dir)
    window.deleteLater()
    app.processEvents()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
