"""The knowledge base as plain JSON data, and back, checked through.

The start-up cache and the compiled atlas shipped with the app keep the knowledge base in this
form: JSON holds data only, so a file planted in the cache folder can at worst be refused, never
run (a pickle runs code when it is read). Every record is written as the list of its fields'
values, in the order the record class declares them; reading checks each value against the
field's declared type (strings, whole numbers, finite numbers, lists of strings, nested
records) and raises :class:`ValueError` naming the record and the field on the first mismatch.

Qt-free, like the rest of the core.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import types
import typing
from collections.abc import Callable
from typing import Any

from hamstring_viewer import records
from hamstring_viewer.records import KnowledgeBase

#: Bumped whenever a record class gains, loses or reorders a field (old files are then misses).
FORMAT = 3

_Decoder = Callable[[object], Any]
_Encoder = Callable[[Any], object]


def _is_record(kind: object) -> bool:
    return isinstance(kind, type) and dataclasses.is_dataclass(kind)


class _Bad(ValueError):
    """A value that does not fit; ``path`` grows as it passes up through the records."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what
        self.path: list[str] = []

    def __str__(self) -> str:
        return f"{'.'.join(reversed(self.path)) or 'the value'}: {self.what}"


def _fail(what: str) -> _Bad:
    return _Bad(what)


def _decode_str(value: object) -> str:
    if type(value) is not str:
        raise _fail("is not text")
    return value


def _decode_int(value: object) -> int:
    if type(value) is not int:
        raise _fail("is not a whole number")
    return value


def _decode_float(value: object) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
        raise _fail("is not a finite number")
    return float(value)  # type: ignore[arg-type]


def _decode_bool(value: object) -> bool:
    if type(value) is not bool:
        raise _fail("is not true or false")
    return value


_STR = {str}

_SCALARS: dict[object, _Decoder] = {
    str: _decode_str,
    int: _decode_int,
    float: _decode_float,
    bool: _decode_bool,
}


class _Codec:
    """Encoders and decoders built once from the record classes' type hints."""

    def __init__(self) -> None:
        self._decoders: dict[object, _Decoder] = {}

    def decoder(self, kind: object) -> _Decoder:
        scalar = _SCALARS.get(kind)
        if scalar is not None:
            return scalar
        known = self._decoders.get(kind)  # (the record classes repeat ~20 kinds ~170 times)
        if known is None:
            known = self._decoders[kind] = self._make(kind)
        return known

    def _make(self, kind: object) -> _Decoder:
        origin = typing.get_origin(kind)
        args = typing.get_args(kind)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            if len(options) != 1 or len(args) != 2:
                raise TypeError(f"unsupported union {kind}")
            inner = self.decoder(options[0])

            def optional(value: object) -> Any:
                return None if value is None else inner(value)

            return optional
        if origin is typing.Literal:
            allowed = frozenset(args)

            def literal(value: object) -> Any:
                if value not in allowed:
                    raise _fail("is not one of the allowed values")
                return value

            return literal
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                item = self.decoder(args[0])
                if item is _decode_str:  # the common case, kept fast

                    def strings(value: object) -> tuple[str, ...]:
                        if type(value) is not list or (value and set(map(type, value)) != _STR):
                            raise _fail("is not a list of texts")
                        return tuple(value)

                    return strings

                def many(value: object) -> tuple[Any, ...]:
                    if type(value) is not list:
                        raise _fail("is not a list")
                    return tuple(map(item, value))

                return many
            parts = [self.decoder(a) for a in args]

            def fixed(value: object) -> tuple[Any, ...]:
                if type(value) is not list or len(value) != len(parts):
                    raise _fail(f"is not a list of {len(parts)} values")
                return tuple(p(v) for p, v in zip(parts, value, strict=True))

            return fixed
        if origin is dict and args and args[0] is str:
            item = self.decoder(args[1])

            def table(value: object) -> dict[str, Any]:
                if type(value) is not dict:
                    raise _fail("is not a table")
                out = {}
                for k, v in value.items():
                    try:
                        out[k] = item(v)
                    except _Bad as exc:
                        exc.path.append(k)
                        raise
                return out

            return table
        if _is_record(kind):
            assert isinstance(kind, type)
            return self._record_decoder(kind)
        raise TypeError(f"unsupported field type {kind}")

    def _record_decoder(self, cls: type) -> _Decoder:
        hints = _hints(cls)
        names = [f.name for f in dataclasses.fields(cls)]
        # a placeholder first, so that a record nesting itself would not recurse forever
        parts: list[_Decoder] = []

        def record(value: object) -> Any:  # (checks each value; says which field is wrong)
            if type(value) is not list or len(value) != len(parts):
                raise _fail(f"is not a {cls.__name__} of {len(parts)} values")
            try:
                return cls(*[p(v) for p, v in zip(parts, value, strict=True)])
            except _Bad as exc:
                for part, name, item in zip(
                    parts, names, value, strict=True
                ):  # which field, for the message
                    try:
                        part(item)
                    except _Bad:
                        exc.path.append(name)
                        break
                raise

        self._decoders[cls] = record
        parts.extend(self.decoder(hints[name]) for name in names)
        fast = _fast_reader(cls, [hints[name] for name in names], parts, record)
        if fast is not None:
            self._decoders[cls] = fast
            return fast
        return record


def _fast_reader(
    cls: type, kinds: list[Any], parts: list[_Decoder], checked: _Decoder
) -> _Decoder | None:
    """A reader of ``cls`` from its list of values that checks the plain fields (text, whole
    numbers, lists of texts, ...) inline, in one function of its own: the same checks as
    ``checked``, which it hands any value that fails them (to raise the error that names the
    field), at half the cost (the knowledge base is some 700 records read at each start).
    Its text is compiled ahead of time with the records' methods (see :mod:`.fastrecord`).
    None where this Python does not allow that."""
    from hamstring_viewer import fastrecord

    n = len(kinds)
    body = [
        f"if type(value) is not list or len(value) != {n}:",
        "  return checked(value)",
        f"{', '.join(f'v{i}' for i in range(n))}{',' if n == 1 else ''} = value",
    ]
    names: dict[str, Any] = {"cls": cls, "checked": checked, "_Bad": _Bad, "_STR": _STR}
    values: list[str] = []
    for i, (kind, part) in enumerate(zip(kinds, parts, strict=True)):
        v = f"v{i}"
        if part is _decode_str:
            body += [f"if type({v}) is not str:", "  return checked(value)"]
            values.append(v)
        elif part is _decode_int:
            body += [f"if type({v}) is not int:", "  return checked(value)"]
            values.append(v)
        elif part is _decode_bool:
            body += [f"if type({v}) is not bool:", "  return checked(value)"]
            values.append(v)
        elif kind == tuple[str, ...]:
            body += [
                f"if type({v}) is not list or ({v} and set(map(type, {v})) != _STR):",
                "  return checked(value)",
            ]
            values.append(f"tuple({v})")
        else:  # nested records, optional values, numbers, tables: their own readers
            names[f"p{i}"] = part
            values.append(f"p{i}({v})")
    body += [
        "try:",
        f"  return cls({', '.join(values)})",
        "except _Bad:",
        "  return checked(value)",
    ]
    return fastrecord.function(f"read_{cls.__name__}", ["value"], body, names)  # type: ignore[no-any-return]


def make_all_readers() -> None:
    """Make the reader of every record class (tools/compile_plates.py collects their texts)."""
    codec = _Codec()
    for kind in _hints(KnowledgeBase).values():
        codec.decoder(kind)


def _hints(cls: type) -> dict[str, Any]:
    """The record class's field types (its annotations are text: ``from __future__ import
    annotations``), evaluated in the records module (cheaper than typing.get_type_hints,
    which also walks the class's bases)."""
    return {
        f.name: _evaluated(f.type) if isinstance(f.type, str) else f.type
        for f in dataclasses.fields(cls)
    }


@functools.cache
def _evaluated(annotation: str) -> Any:
    """An annotation's type (the record classes repeat some 20 annotations 145 times)."""
    return eval(annotation, vars(records))


def _encode(value: Any) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("a number in the knowledge base is not finite")
    return value


_CODEC: _Codec | None = None


def encode(kb: KnowledgeBase) -> dict[str, object]:
    """The knowledge base as JSON-ready data (tables of records, each a list of values)."""
    return {f.name: _encode(getattr(kb, f.name)) for f in dataclasses.fields(kb)}


#: the knowledge base's fields that are not tables of records
_NOT_RECORDS = frozenset({"language", "translations"})


def decode(data: object) -> KnowledgeBase:
    """The knowledge base :func:`encode` wrote; raises :class:`ValueError` on anything that
    does not fit the record classes."""
    global _CODEC
    if _CODEC is None:
        _CODEC = _Codec()
    if type(data) is not dict:
        raise ValueError("the knowledge base is not a table")
    hints = _hints(KnowledgeBase)
    names = [f.name for f in dataclasses.fields(KnowledgeBase)]
    if set(data) != set(names):
        raise ValueError("the knowledge base's tables are not the expected ones")
    tables: dict[str, Any] = {}
    for name in names:
        try:
            table = _CODEC.decoder(hints[name])(data[name])
        except _Bad as exc:
            exc.path.append(name)
            raise
        if name not in _NOT_RECORDS:
            for key, record in table.items():
                if getattr(record, "id", key) != key:
                    raise ValueError(f"{name}.{key}: filed under another id ({record.id})")
        tables[name] = table
    return KnowledgeBase(**tables)


__all__ = ["FORMAT", "decode", "encode"]
