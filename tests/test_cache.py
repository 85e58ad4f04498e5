"""What a start reads instead of parsing the content: the compiled atlas shipped with the app,
or one the app wrote to its cache folder after content was edited. Both are data (JSON and
packed numbers), checked through when read; anything unexpected is a miss, never code that
runs, never a wrong atlas."""

from __future__ import annotations

import json
import os
import pickle
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_content

from hamstring_viewer import catalog, geometry, kbcodec, resources
from hamstring_viewer.atlas import (
    atlas_to_bytes,
    cached_content_key,
    content_key,
    load_atlas_cached,
    read_compiled_atlas,
)
from hamstring_viewer.catalog import load_atlas, load_knowledge_base


def _no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the content was loaded and checked in full")

    monkeypatch.setattr(catalog, "load_atlas", refuse)


def _no_svg_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an SVG plate was parsed")

    monkeypatch.setattr(geometry, "parse_plate", refuse)


def _shipped_copy(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    """The shipped data and plates (with their compiled plates) in a folder of the test's."""
    return copy_content(tmp_path, compiled=True)


def test_a_first_start_reads_the_shipped_compiled_atlas_and_one_plate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, plates = _shipped_copy(tmp_path)
    full = load_atlas(data, plates)
    _no_full_load(monkeypatch)
    _no_svg_parse(monkeypatch)
    atlas = load_atlas_cached(data, plates, tmp_path / "new-cache")
    assert atlas.kb == full.kb
    assert atlas.view_anchors == full.view_anchors
    assert atlas.plates.loaded() == ()  # no plate read yet
    assert atlas.views_of("semimembranosus") == full.views_of("semimembranosus")
    assert atlas.plates.loaded() == ()  # which views draw a record is known without them
    plate = atlas.plate
    assert atlas.plates.loaded() == ("posterior",)
    assert plate.regions == full.plate.regions
    x, y = atlas.anchors["semitendinosus"]
    hit = plate.hit_test(x, y)
    assert hit is not None and atlas.record_for_region(hit.id).id == "semitendinosus"  # type: ignore[union-attr]
    # nothing needed writing: the cache folder holds at most the digest of the file stamps
    # (not written for files changed within the last two seconds, as these are)
    written = tmp_path / "new-cache"
    assert not written.exists() or {p.name for p in written.iterdir()} <= {"atlas-stamp.json"}


def test_the_shipped_compiled_atlas_is_the_content_of_today() -> None:
    data, plates = resources.data_dir(), resources.plate_paths()
    expected = atlas_to_bytes(load_atlas(data, plates), content_key(data, plates))
    assert resources.compiled_atlas_path().read_bytes() == expected, (
        "run tools/compile_plates.py after changing data/ or a plate"
    )


def test_edited_content_is_loaded_in_full_then_compiled_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, plates = _shipped_copy(tmp_path)
    cache = tmp_path / "cache"
    gracilis = data / "structures" / "gracilis.toml"
    gracilis.write_text(
        gracilis.read_text(encoding="utf-8").replace(
            'name = "Gracilis"', 'name = "Gracilis (edited)"'
        ),
        encoding="utf-8",
    )
    first = load_atlas_cached(data, plates, cache)
    assert first.kb.structures["gracilis"].name == "Gracilis (edited)"
    files = list(cache.glob("atlas-*.json"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o777 == 0o600
    assert cache.stat().st_mode & 0o777 == 0o700
    with monkeypatch.context() as patch:
        _no_full_load(patch)
        again = load_atlas_cached(data, plates, cache)
    assert again.kb == first.kb
    assert again.kb.structures["gracilis"].name == "Gracilis (edited)"

    files[0].write_bytes(files[0].read_bytes()[:-10])  # damaged: costs time, never correctness
    rebuilt = load_atlas_cached(data, plates, cache)
    assert rebuilt.kb == first.kb

    gracilis.write_text(gracilis.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_atlas_cached(data, plates, cache)
    assert [p.name for p in cache.glob("atlas-*.json")] != [files[0].name]
    assert len(list(cache.glob("atlas-*.json"))) == 1  # the older one is gone


def test_an_edited_plate_is_parsed_once_then_read_compiled_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, plates = _shipped_copy(tmp_path)
    cache = tmp_path / "cache"
    medial = plates["medial"]
    medial.write_bytes(medial.read_bytes() + b"\n<!-- edited in Inkscape -->\n")
    first = load_atlas_cached(data, plates, cache)
    compiled = list(cache.glob("plate-medial_thigh-*.plate"))
    assert len(compiled) == 1  # only the edited plate: the others are compiled beside their SVG
    with monkeypatch.context() as patch:
        _no_full_load(patch)
        _no_svg_parse(patch)
        again = load_atlas_cached(data, plates, cache)
        assert again.plates["medial"].regions == first.plates["medial"].regions
        assert again.plates["posterior"].regions == first.plates["posterior"].regions


def test_a_plate_is_checked_against_the_digest_taken_at_start_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm start knows each plate's SVG digest from its stamp (no hashing of the SVG again
    while the file's size and time are those of the stamp); an SVG edited after the start
    is hashed when first shown, so its edit is read, not the compiled plate of before."""
    data, plates = _shipped_copy(tmp_path)
    cache = tmp_path / "cache"
    an_hour_ago = time.time() - 3600
    for path in [*data.rglob("*"), *plates.values()]:
        os.utime(path, (an_hour_ago, an_hour_ago))
    load_atlas_cached(data, plates, cache)  # takes the digests and keeps the stamp
    assert (cache / "atlas-stamp.json").is_file()
    hashed: list[int] = []
    from hamstring_viewer.safefile import digest as real_digest

    def counting(data: bytes | memoryview) -> bytes:
        hashed.append(len(data))
        return real_digest(data)

    monkeypatch.setattr(geometry, "digest", counting)
    parsed: list[str] = []
    real_parse = geometry.parse_plate

    def parse(data: bytes, file: str = "<plate>") -> tuple[object, object]:
        parsed.append(file)
        return real_parse(data, file)

    monkeypatch.setattr(geometry, "parse_plate", parse)
    atlas = load_atlas_cached(data, plates, cache)
    assert atlas.plates["posterior"].has("semitendinosus")
    assert hashed == [] and parsed == []  # read compiled, the SVG not hashed again
    lateral = plates["lateral"]
    lateral.write_bytes(lateral.read_bytes() + b"\n<!-- edited in Inkscape -->\n")
    assert atlas.plates["lateral"].regions
    assert hashed and parsed == [str(lateral)]  # hashed, found edited, and read as it is


def test_a_pickle_planted_in_the_cache_never_runs(tmp_path: Path) -> None:
    data, plates = _shipped_copy(tmp_path)
    cache = tmp_path / "cache"
    (data / "glossary.toml").write_text(
        (data / "glossary.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    load_atlas_cached(data, plates, cache)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, (f"touch {marker}",))

    planted = pickle.dumps(Payload())
    # where the cache is read from, and where earlier versions kept a pickle
    key = cached_content_key(data, plates, cache)
    (cache / f"atlas-{key[:32]}.json").write_bytes(planted)
    (cache / f"atlas-{key[:32]}.pickle").write_bytes(planted)
    for plate in cache.glob("*.plate"):
        plate.write_bytes(planted)
    os.chmod(cache / f"atlas-{key[:32]}.json", 0o600)
    atlas = load_atlas_cached(data, plates, cache)
    assert atlas.kb.structures["semitendinosus"].name == "Semitendinosus"
    assert not marker.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_cache_file_others_can_write_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    data, plates = _shipped_copy(tmp_path)
    cache = tmp_path / "cache"
    (data / "glossary.toml").write_text(
        (data / "glossary.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    load_atlas_cached(data, plates, cache)
    (written,) = cache.glob("atlas-*.json")
    os.chmod(written, 0o666)
    loads: list[object] = []
    real = catalog.load_atlas

    def counted(*args: object, **kwargs: object) -> object:
        loads.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(catalog, "load_atlas", counted)
    with caplog.at_level("WARNING", logger="hamstring_viewer"):
        load_atlas_cached(data, plates, cache)
    assert len(loads) == 1  # not read: loaded in full instead
    assert "other users can write it" in caplog.text and written.name in caplog.text


def test_a_compiled_atlas_is_checked_through(tmp_path: Path) -> None:
    data, plates = resources.data_dir(), resources.plate_paths()
    key = content_key(data, plates)
    good = resources.compiled_atlas_path().read_bytes()
    loaders = {view: (lambda: None) for view in plates}  # never called here

    def read(blob: bytes, for_key: str = key, views: object = loaders) -> object:
        path = tmp_path / "atlas.compiled"
        path.write_bytes(blob)
        return read_compiled_atlas(path, for_key, views, trusted=True)  # type: ignore[arg-type]

    assert read(good) is not None
    head, body = good[:74], good[74:]

    def resealed(change: object) -> bytes:
        from hamstring_viewer.safefile import digest

        top = json.loads(body)
        change(top)  # type: ignore[operator]
        new = json.dumps(top).replace('"DEEP"', "[" * 100_000 + "]" * 100_000).encode()
        return head[:9] + digest(new).hex().encode() + b"\n" + new

    def set_name(top: dict[str, object]) -> None:
        top["kb"]["structures"]["gracilis"][2] = 3  # type: ignore[index]

    def nan_anchor(top: dict[str, object]) -> None:
        top["views"]["posterior"]["anchors"]["gracilis"] = [float("nan"), 1.0]  # type: ignore[index]

    def unknown_anchor(top: dict[str, object]) -> None:
        top["views"]["posterior"]["anchors"]["nowhere"] = [1.0, 1.0]  # type: ignore[index]

    def deep(top: dict[str, object]) -> None:
        # (lists nested 100,000 deep)
        top["kb"]["glossary"] = "DEEP"  # type: ignore[index]

    assert read(resealed(lambda top: None)) is not None
    refused = {
        "damaged": good[:-1] + bytes([good[-1] ^ 1]),
        "truncated": good[:1000],
        "other content": good,
        "other views": good,
        "wrong type": resealed(set_name),
        "nan": resealed(nan_anchor),
        "unknown structure": resealed(unknown_anchor),
        "nested deep": resealed(deep),
        "empty": b"",
    }
    for name, blob in refused.items():
        if name == "other content":
            assert read(blob, for_key="0" * 64) is None, name
        elif name == "other views":
            assert read(blob, views={"posterior": loaders["posterior"]}) is None, name
        else:
            assert read(blob) is None, name


def test_the_knowledge_base_round_trips_as_data_and_wrong_values_are_named() -> None:
    kb, problems = load_knowledge_base(resources.data_dir())
    assert problems == []
    data = json.loads(json.dumps(kbcodec.encode(kb)))
    assert kbcodec.decode(data) == kb
    data["structures"]["semitendinosus"][7][0] = 5  # origin.text
    with pytest.raises(ValueError, match=r"structures\.semitendinosus\.origin\.text: is not text"):
        kbcodec.decode(data)
    data = json.loads(json.dumps(kbcodec.encode(kb)))
    first = next(iter(data["trigger_points"]))
    data["trigger_points"]["moved"] = data["trigger_points"].pop(first)
    with pytest.raises(ValueError, match="filed under another id"):
        kbcodec.decode(data)
    data = json.loads(json.dumps(kbcodec.encode(kb)))
    del data["zones"]
    with pytest.raises(ValueError, match="tables"):
        kbcodec.decode(data)
    # the readers that check the plain fields inline name the field just the same
    data = json.loads(json.dumps(kbcodec.encode(kb)))
    data["structures"]["semitendinosus"][6].append(3)  # sources: a number among the texts
    with pytest.raises(ValueError, match=r"structures\.semitendinosus\.sources: is not a list"):
        kbcodec.decode(data)
    data = json.loads(json.dumps(kbcodec.encode(kb)))
    data["glossary"][next(iter(data["glossary"]))].pop()  # a value short
    with pytest.raises(ValueError, match=r"glossary\.[a-z_]+: is not a GlossaryTerm of 6"):
        kbcodec.decode(data)
    from hamstring_viewer import fastrecord
    from hamstring_viewer.records import Fact

    codec = kbcodec._CODEC
    assert codec is not None
    reader = codec.decoder(Fact)
    assert reader.__name__ == ("read_Fact" if fastrecord.SUPPORTED else "record")


def test_after_one_content_file_is_edited_only_that_file_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The others' parsed TOML comes from the table shipped with the compiled atlas, and an
    edited file's from the cache once parsed; a damaged entry is parsed again."""
    import tomllib

    data, plates = _shipped_copy(tmp_path)
    cache = tmp_path / "cache"
    parsed: list[str] = []
    real = tomllib.loads

    def counting(text: str, **kwargs: object) -> dict[str, object]:
        parsed.append(text[:40])
        return real(text)

    monkeypatch.setattr(tomllib, "loads", counting)
    femur = data / "structures" / "femur.toml"
    original = femur.read_text(encoding="utf-8")
    for n in range(2):
        femur.write_text(original.replace("strongest bone", f"strongest bone ({n})"), "utf-8")
        parsed.clear()
        atlas = load_atlas_cached(data, plates, cache)
        assert f"strongest bone ({n})" in atlas.kb.structures["femur"].summary
        assert len(parsed) == 1 and 'id = "femur"' in parsed[0]
    entries = list((cache / "parsed").glob("*.json"))
    assert len(entries) == 1  # the edited file's (the one before it was pruned)
    entries[0].write_text("{not json", encoding="utf-8")
    (cache / next(iter(cache.glob("atlas-*.json"))).name).unlink()
    parsed.clear()
    again = load_atlas_cached(data, plates, cache)
    assert "strongest bone (1)" in again.kb.structures["femur"].summary
    assert len(parsed) == 1
