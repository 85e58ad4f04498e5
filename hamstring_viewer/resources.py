"""The one module that knows where the plate and the knowledge base live.

An installed wheel carries them inside the package (``hamstring_viewer/_shipped/``); a checkout
has them at the repository top (``assets/``, ``data/``).
"""

from __future__ import annotations

import os
from pathlib import Path

PLATE_NAME = "posterior_thigh.svg"
_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE / "_shipped", _PACKAGE.parent)


def _root() -> Path:
    for root in _CANDIDATES:
        if (root / "data").is_dir() and (root / "assets" / "svg").is_dir():
            return root
    tried = ", ".join(str(c) for c in _CANDIDATES)
    raise FileNotFoundError(f"cannot find the plate and data folders; looked in: {tried}")


def data_dir() -> Path:
    """The knowledge base folder."""
    return _root() / "data"


def plate_path() -> Path:
    """The SVG plate."""
    return _root() / "assets" / "svg" / PLATE_NAME


def files_under(folder: Path) -> list[Path]:
    """Every file below ``folder``, sorted (scandir: a start stats these, it reads none)."""
    files: list[Path] = []
    stack = [folder]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    stack.append(Path(entry.path))
                else:
                    files.append(Path(entry.path))
    return sorted(files)


def svg_asset(name: str) -> Path:
    """Another SVG asset by file name; raises FileNotFoundError listing the known ones."""
    folder = _root() / "assets" / "svg"
    path = folder / name
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in folder.glob("*.svg")))
        raise FileNotFoundError(f"no SVG asset '{name}'; known: {known}")
    return path
