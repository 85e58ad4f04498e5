"""Frozen, slotted dataclasses whose generated methods are compiled ahead of time.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and ``__delattr__`` and compiles it while the module is imported:
for the 17 record classes that is ~10 ms of every start, spent compiling the same text each
time. :func:`record` is ``dataclass(frozen=True, slots=True)`` with one difference: while it
runs, each method whose source text is in :mod:`hamstring_viewer._record_code` (written by
``tools/compile_plates.py`` from exactly that text, and compiled to bytecode like any module) is
taken from there instead of being compiled again. The classes are real dataclasses either way;
text that was not written ahead (another Python version, a class edited since) is compiled as
``@dataclass`` always does, so the result never differs, only the time.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import Any, TypeVar, cast, dataclass_transform

T = TypeVar("T")

#: what decides a generated method's text: name, parameters, body lines, the names it is
#: given, and whether it has a return annotation
Key = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], bool]

_ORIGINAL: Callable[..., Any] | None = getattr(dataclasses, "_create_fn", None)
#: the dataclasses module this was written against (3.12 and later generate methods otherwise)
SUPPORTED = sys.version_info[:2] == (3, 11) and _ORIGINAL is not None

#: set to a list to collect the keys of the texts compiled at run time (not found ahead)
missed: list[Key] | None = None
#: False while :func:`collect` runs: every text is compiled at run time
_use_ahead = True


_loaded: dict[Key, Callable[..., Any]] | None = None


def _factories() -> dict[Key, Callable[..., Any]]:
    global _loaded
    if not _use_ahead:
        return {}
    if _loaded is None:
        try:
            from hamstring_viewer._record_code import FACTORIES
        except ImportError:  # not written yet (a fresh checkout before tools/compile_plates.py)
            return {}
        _loaded = cast("dict[Key, Callable[..., Any]]", FACTORIES)
    return _loaded


def _create_fn(
    name: str,
    args: list[str],
    body: list[str],
    *,
    globals: dict[str, Any] | None = None,  # (dataclasses' own parameter names)
    locals: dict[str, Any] | None = None,
    return_type: Any = dataclasses.MISSING,
) -> Any:
    """``dataclasses._create_fn``, taking the compiled text from the ahead-of-time module."""
    assert _ORIGINAL is not None
    names = tuple(locals or {})
    key: Key = (name, tuple(args), tuple(body), names, return_type is not dataclasses.MISSING)
    factory = _factories().get(key)
    if factory is None:
        if missed is not None:
            missed.append(key)
        return _ORIGINAL(name, args, body, globals=globals, locals=locals, return_type=return_type)
    given = dict(locals or {})
    if return_type is not dataclasses.MISSING:
        given["_return_type"] = return_type
    return factory(**given)


def function(name: str, args: list[str], body: list[str], names: dict[str, Any]) -> Any:
    """A function of ``args`` with the statements ``body`` (each line indented by two spaces
    more when compiled), seeing ``names``: compiled ahead of time like the records' methods
    where its text was written (tools/compile_plates.py), else compiled now. None where this
    Python's dataclasses compile otherwise (the caller then does without)."""
    if not SUPPORTED:
        return None
    return _create_fn(name, args, body, locals=names)


def collect_calls(run: Callable[[], object]) -> list[Key]:
    """The keys of the texts :func:`function` compiles while ``run`` runs (none ahead)."""
    global missed, _use_ahead
    keys: list[Key] = []
    missed, _use_ahead = keys, False
    try:
        run()
    finally:
        missed, _use_ahead = None, True
    return keys


def source(factory_name: str, key: Key) -> str:
    """The text ``dataclasses._create_fn`` compiles for ``key``, its outer function renamed."""
    name, args, body, names, returns = key
    params = ", ".join([*names, *(["_return_type"] if returns else [])])
    annotation = "->_return_type" if returns else ""
    lines = "\n".join(f"  {b}" for b in body)
    inner = f" def {name}({','.join(args)}){annotation}:\n{lines}\n return {name}\n"
    return f"def {factory_name}({params}):\n{inner}"


#: the modules whose dataclasses are made with :func:`record` or :func:`fast_dataclass` (the
#: ahead-of-time module holds their methods; tools/compile_plates.py runs each to collect them)
MODULES = (
    "hamstring_viewer.records",
    "hamstring_viewer.problems",
    "hamstring_viewer.geometry",
    "hamstring_viewer.atlas",
    "hamstring_viewer._qt.plate_view",
)


def _make(cls: type[T], options: dict[str, bool]) -> type[T]:
    make = dataclasses.dataclass(**options)
    if not SUPPORTED:
        return cast("type[T]", make(cls))
    dataclasses._create_fn = _create_fn  # type: ignore[attr-defined]
    try:
        return cast("type[T]", make(cls))
    finally:
        dataclasses._create_fn = _ORIGINAL  # type: ignore[attr-defined]


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True, slots=True)``, with its methods compiled ahead of time."""
    return _make(cls, {"frozen": True, "slots": True})


@dataclass_transform(field_specifiers=(dataclasses.field,))
def fast_dataclass(
    *, frozen: bool = False, slots: bool = False, init: bool = True, eq: bool = True
) -> Callable[[type[T]], type[T]]:
    """``@dataclass(...)`` with these options, with its methods compiled ahead of time (for a
    class in one of :data:`MODULES`)."""

    def wrap(cls: type[T]) -> type[T]:
        return _make(cls, {"frozen": frozen, "slots": slots, "init": init, "eq": eq})

    return wrap


def write_module(keys: list[Key], origin: str) -> str:
    """The text of :mod:`hamstring_viewer._record_code` for these methods (deterministic)."""
    unique = list(dict.fromkeys(keys))
    parts = [
        f'"""Generated by tools/compile_plates.py from {origin}: do not edit.\n\n'
        "The methods ``@dataclass`` generates for the record classes, as the text it compiles\n"
        '(see hamstring_viewer.fastrecord)."""\n',
        "# ruff: noqa\n# mypy: ignore-errors\n# fmt: off\n",
        "#: the Python whose dataclasses wrote these texts (another one may write others: those\n"
        "#: are compiled at run time, as @dataclass does)\n"
        f"PYTHON = {tuple(sys.version_info[:3])!r}\n",
    ]
    for i, key in enumerate(unique):
        parts.append(source(f"_f{i}", key))
    parts.append("FACTORIES = {\n")
    for i, key in enumerate(unique):
        parts.append(f"    {key!r}: _f{i},\n")
    parts.append("}\n")
    return "\n".join(parts)


def written_for() -> tuple[int, ...] | None:
    """The Python version the ahead-of-time module was written with (None: there is none)."""
    try:
        from hamstring_viewer._record_code import PYTHON
    except ImportError:
        return None
    return tuple(PYTHON)


def collect_all() -> list[Key]:
    """The method texts of every dataclass in :data:`MODULES`, and the knowledge base's
    record readers (:mod:`hamstring_viewer.kbcodec`)."""
    from hamstring_viewer import kbcodec

    keys = [key for name in MODULES for key in collect(name)]
    return keys + collect_calls(kbcodec.make_all_readers)


def collect(module_name: str) -> list[Key]:
    """Run the module's code again (in a new module object, without the ahead-of-time texts)
    and return the keys of every method text its records compile."""
    import importlib
    import importlib.util

    global missed, _use_ahead
    importlib.import_module(module_name)  # (dataclasses looks its name up in sys.modules)
    spec = importlib.util.find_spec(module_name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    keys: list[Key] = []
    missed, _use_ahead = keys, False
    try:
        spec.loader.exec_module(module)
    finally:
        missed, _use_ahead = None, True
    return keys
