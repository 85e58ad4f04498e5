"""Record classes whose dataclass methods are compiled ahead of time behave exactly as
``@dataclass(frozen=True, slots=True)`` and take every method from the shipped module."""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import inspect
import sys

import pytest

from hamstring_viewer import fastrecord, records
from hamstring_viewer.fastrecord import record
from tools.compile_plates import compile_record_code

RECORD_CLASSES = [
    obj
    for obj in vars(records).values()
    if isinstance(obj, type)
    and dataclasses.is_dataclass(obj)
    and obj.__module__ == records.__name__
]

needs_311 = pytest.mark.skipif(
    not fastrecord.SUPPORTED or fastrecord.written_for() != tuple(sys.version_info[:3]),
    reason="the ahead-of-time texts are those of the Python 3.11 release that wrote them",
)


def test_the_shipped_method_module_is_what_the_compiler_writes_today() -> None:
    assert compile_record_code(check=True) == 0, "run tools/compile_plates.py"


@needs_311
@pytest.mark.parametrize("name", fastrecord.MODULES)
def test_every_dataclass_method_comes_from_the_shipped_module(name: str) -> None:
    importlib.import_module(name)
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    fastrecord.missed = []
    try:
        spec.loader.exec_module(module)
        missed = fastrecord.missed
    finally:
        fastrecord.missed = None
    assert missed == []
    made = [
        obj
        for obj in vars(module).values()
        if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == name
    ]
    assert made, f"{name} makes no dataclass: take it out of fastrecord.MODULES"
    assert len(RECORD_CLASSES) >= 17


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__name__)
def test_a_record_class_is_the_dataclass_python_would_make(cls: type) -> None:
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    assert params.frozen and params.eq and params.init and params.repr
    assert "__slots__" in vars(cls) and "__dict__" not in dir(cls)
    # the same class made by @dataclass itself, from the same annotations
    plain = dataclasses.make_dataclass(
        cls.__name__,
        [(f.name, f.type, f) for f in dataclasses.fields(cls)],
        frozen=True,
        slots=True,
        namespace={"__module__": cls.__module__},
    )
    assert [f.name for f in dataclasses.fields(plain)] == [f.name for f in dataclasses.fields(cls)]
    assert str(inspect.signature(cls)) == str(inspect.signature(plain))
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert getattr(cls, name).__qualname__ == f"{cls.__qualname__}.{name}"


def test_records_are_frozen_compared_by_value_and_hashable() -> None:
    a = records.Fact("Semitendinosus inserts on the pes anserinus.", ("ref_gray",))
    b = records.Fact("Semitendinosus inserts on the pes anserinus.", ("ref_gray",))
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != records.Fact("Other.", ("ref_gray",))
    assert repr(a).startswith("Fact(text='Semitendinosus")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del a.text  # type: ignore[misc]
    assert dataclasses.replace(a, sources=("ref_moore",)).sources == ("ref_moore",)


def test_a_class_not_compiled_ahead_is_made_as_dataclass_makes_it() -> None:
    fastrecord.missed = []
    try:

        @record
        class Extra:
            name: str
            sizes: tuple[int, ...] = ()
            table: dict[str, int] = dataclasses.field(default_factory=dict)

        missed = fastrecord.missed
    finally:
        fastrecord.missed = None
    if fastrecord.SUPPORTED:
        assert {key[0] for key in missed} >= {"__init__", "__eq__", "__hash__"}
    one = Extra("x")
    assert one == Extra("x", (), {}) and one.table == {} and one.table is not Extra("x").table
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.name = "y"  # type: ignore[misc]
    assert dataclasses._create_fn is not fastrecord._create_fn  # type: ignore[attr-defined]
    assert "hamstring_viewer._record_code" in sys.modules or not fastrecord.SUPPORTED
