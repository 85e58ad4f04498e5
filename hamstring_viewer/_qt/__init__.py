"""Widgets. The only package that imports Qt."""

from __future__ import annotations

import os
import sys

#: the standard library's modules below a package that the app imports after PySide (the
#: top-level ones are in ``sys.stdlib_module_names``)
STDLIB_SUBMODULES = (
    "collections.abc",
    "concurrent.futures",
    "email.utils",
    "html.entities",
    "html.parser",
    "importlib.machinery",
    "importlib.util",
    "json.decoder",
    "json.encoder",
    "json.scanner",
    "urllib.parse",
    "xml.etree.ElementTree",
    "xml.parsers.expat",
)
#: the libraries the app uses besides Qt (none of them uses PySide)
LIBRARIES = (
    "svgelements",
    "fsrs",
    "fsrs.card",
    "fsrs.rating",
    "fsrs.review_log",
    "fsrs.scheduler",
    "fsrs.state",
    "typing_extensions",
)


def _declare_feature_use() -> None:
    """Tell PySide up front which modules use it, as its import hook would find out.

    After PySide is imported, every module imported is read back from its source file and
    searched for "PySide6", to decide whether PySide's ``__feature__`` switches apply to it
    (0: it uses PySide; -1: ignore it). Our ~40 modules are known: the widgets in this package
    use PySide, the core never does; nor do the standard library and the other libraries.
    Saying so spares each import that reading (some 5 ms of a start, and more as features
    load). Nothing happens if this PySide keeps the table elsewhere.
    """
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    package = os.path.dirname(os.path.dirname(__file__))
    for sub, flag in (("", -1), ("._qt", 0)):
        folder = os.path.join(package, *sub.split(".")[1:])
        for entry in os.listdir(folder):
            if entry.endswith(".py") and entry != "__init__.py":
                table.setdefault(f"hamstring_viewer{sub}.{entry[:-3]}", flag)
    for name in (*sys.stdlib_module_names, *STDLIB_SUBMODULES, *LIBRARIES):
        table.setdefault(name, -1)


import PySide6.QtCore  # noqa: E402, F401  (the table exists once PySide is imported)

_declare_feature_use()
