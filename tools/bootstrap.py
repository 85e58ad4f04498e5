"""Set up a virtual environment and run the app or the tests, on a fresh machine.

    python3 tools/bootstrap.py run      # set up, then start Hamstring Viewer
    python3 tools/bootstrap.py test     # set up, then run the test suite (extra args go to pytest)

Standard library only. Creates ``.venv`` beside the project, installs the project into it, and on
Debian/Ubuntu installs the few system libraries Qt needs if they are missing (as root, or through
sudo; otherwise it prints the command to run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
# What PySide6's wheels expect from the system on Debian 12 (offscreen and X11 windows).
QT_SYSTEM_PACKAGES = [
    "libglib2.0-0",
    "libegl1",
    "libgl1",
    "libx11-6",
    "libdbus-1-3",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "fonts-dejavu-core",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
]


def venv_python() -> Path:
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def say(message: str) -> None:
    print(f"[bootstrap] {message}", flush=True)


def ensure_venv(extra: str) -> Path:
    python = venv_python()
    if not python.exists():
        say(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extra or 'app'}"
    project = ROOT / "pyproject.toml"
    if not stamp.exists() or stamp.stat().st_mtime < project.stat().st_mtime:
        target = f".[{extra}]" if extra else "."
        say(f"installing the project ({target}) into {VENV}")
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q",
                "-e",
                target,
            ],
            cwd=ROOT,
            check=True,
        )
        stamp.touch()
    return python


#: What the tests need beyond Python: the screen-reader test an X server, the accessibility
#: bus, pyatspi to read it from another process and xdotool to press a key; the handout tests
#: poppler's pdftotext and pdfimages to read the PDFs back; the round-trip test Inkscape to
#: save each plate again. Installed for ``test`` where possible.
TEST_SYSTEM_PACKAGES = [
    "poppler-utils",
    "inkscape",
    "xvfb",
    "xdotool",
    "dbus",
    "at-spi2-core",
    "python3-pyatspi",
    # Qt's X11 platform plugin
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
]


def missing_debian_packages(packages: list[str] | None = None) -> list[str]:
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return []
    missing = []
    for package in QT_SYSTEM_PACKAGES if packages is None else packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_qt_system_libraries() -> None:
    missing = missing_debian_packages()
    if not missing:
        return
    apt = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo"):
        prefix = ["sudo"]
    else:
        say("Qt needs these system packages; install them, then run this again:")
        say("  apt-get install " + " ".join(missing))
        raise SystemExit(1)
    say("installing Qt's system libraries: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(
        [*prefix, "apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL
    )
    subprocess.run([*prefix, *apt], check=True, env=env, stdout=subprocess.DEVNULL)


def ensure_test_tools() -> None:
    """The tests' system packages, if this machine lets us install them."""
    missing = missing_debian_packages(TEST_SYSTEM_PACKAGES)
    if not missing:
        return
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo"):
        prefix = ["sudo", "-n"]
    else:
        say(
            "tests that need them will fail or be skipped; to run them: apt-get install "
            + " ".join(missing)
        )
        return
    say("installing the tests' tools: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    apt = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
    try:
        subprocess.run(
            [*prefix, "apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL
        )
        subprocess.run([*prefix, *apt], check=True, env=env, stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as error:
        say(f"could not install them ({error}); tests that need them will fail or be skipped")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_qt_system_libraries()
    if command == "test":
        ensure_test_tools()
        python = ensure_venv("test")
        # on every core (pytest-xdist), unless the arguments say how many workers
        spread = (
            []
            if any(a == "-n" or a.startswith(("-n", "--numprocesses")) for a in rest)
            else ["-n", "auto"]
        )
        return subprocess.run([str(python), "-m", "pytest", *spread, *rest], cwd=ROOT).returncode
    python = ensure_venv("")
    return subprocess.run([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
