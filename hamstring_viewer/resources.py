"""The one module that knows where the plate and the knowledge base live.

An installed wheel carries them inside the package (``hamstring_viewer/_shipped/``); a checkout
has them at the repository top (``assets/``, ``data/``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class View:
    """One plate of the atlas: ``key`` (used in settings and code), ``title`` (menus), the SVG
    ``file`` name in ``assets/svg/`` and the keyboard ``shortcut`` that shows it."""

    key: str
    title: str
    file: str
    shortcut: str


#: The plates, in menu order. Every plate uses the same structure ids and layer scheme.
VIEWS: tuple[View, ...] = (
    View("posterior", "Posterior, superficial", "posterior_thigh.svg", "Ctrl+1"),
    View("posterior_deep", "Posterior, deep", "posterior_deep.svg", "Ctrl+2"),
    View("medial", "Medial", "medial_thigh.svg", "Ctrl+3"),
    View("lateral", "Lateral", "lateral_thigh.svg", "Ctrl+4"),
    View("cross_section", "Cross-section at mid-thigh", "cross_section_mid_thigh.svg", "Ctrl+5"),
)
#: The view the app opens with on a first start (and the plate of the handout).
DEFAULT_VIEW = "posterior"
PLATE_NAME = VIEWS[0].file
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


def views() -> tuple[View, ...]:
    """Every view (plate) of the atlas, in menu order."""
    return VIEWS


def view(view_key: str) -> View:
    """The view with this key; raises KeyError listing the known keys."""
    for candidate in VIEWS:
        if candidate.key == view_key:
            return candidate
    known = ", ".join(v.key for v in VIEWS)
    raise KeyError(f"no view '{view_key}'; known views: {known}")


def plate_path(view_key: str = DEFAULT_VIEW) -> Path:
    """The SVG plate of a view (by default the posterior, superficial one); an unknown key
    raises KeyError listing the known ones."""
    return _root() / "assets" / "svg" / view(view_key).file


def plate_paths() -> dict[str, Path]:
    """Every view's SVG plate, by view key, in menu order."""
    folder = _root() / "assets" / "svg"
    return {v.key: folder / v.file for v in VIEWS}


def view_key_for(path: str | Path) -> str:
    """The key of the view whose plate has this file name, else the file's stem (a plate
    given on the command line that is not one of the registered views)."""
    name = Path(path).name
    for candidate in VIEWS:
        if candidate.file == name:
            return candidate.key
    return Path(path).stem


#: The figures of the stretches, techniques and exercises (``data/figures.toml``): read when a
#: figure is first shown, never part of the knowledge base or its compiled atlas.
FIGURES_FILE = "figures.toml"


def figures_path(data_dir: Path | None = None) -> Path:
    """The figures file of the content in ``data_dir`` (by default the shipped one)."""
    return (data_dir or _root() / "data") / FIGURES_FILE


def file_stats(folder: Path | str) -> list[tuple[str, int, int]]:
    """Path, size and modification time (ns) of every file below ``folder``, sorted by path
    (plain strings and one stat each: a start takes these of some 80 content files)."""
    out: list[tuple[str, int, int]] = []
    stack = [os.fspath(folder)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    stack.append(entry.path)
                else:
                    info = entry.stat()
                    out.append((entry.path, info.st_size, info.st_mtime_ns))
    out.sort()
    return out


def svg_asset(name: str) -> Path:
    """Another SVG asset by file name; raises FileNotFoundError listing the known ones."""
    folder = _root() / "assets" / "svg"
    path = folder / name
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in folder.glob("*.svg")))
        raise FileNotFoundError(f"no SVG asset '{name}'; known: {known}")
    return path


def translations_dir() -> Path:
    """The interface's translations: ``hamstring_viewer_<lang>.ts`` (the translators'
    sources) and the ``.qm`` files compiled from them, which the app loads."""
    return _root() / "assets" / "i18n"


def translation_file(language: str, suffix: str = ".qm") -> Path:
    """The interface translation of one language (``suffix`` ".ts" for its source)."""
    return translations_dir() / f"hamstring_viewer_{language}{suffix}"


def parsed_content_path() -> Path:
    """Each shipped content file's parsed TOML, by the digest of its bytes (written with the
    compiled atlas by ``tools/compile_plates.py``): after a user edits one content file, the
    others need not be parsed again, even on the first such start."""
    return _root() / "assets" / "svg" / "content.parsed.json"


def compiled_atlas_path() -> Path:
    """The compiled atlas shipped beside the plates (the knowledge base and each view's region
    ids and label anchors, see ``tools/compile_plates.py``): a first start reads it instead of
    parsing and checking the content, as long as the content is the one it was made from."""
    return _root() / "assets" / "svg" / "atlas.compiled"
