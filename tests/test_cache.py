"""The start-up cache of the parsed atlas: reused when content is unchanged, rebuilt otherwise."""

from __future__ import annotations

from pathlib import Path

from hamstring_viewer.catalog import content_key, load_atlas_cached


def test_cache_is_reused_and_rebuilt_on_change_or_corruption(
    content_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    data, svg = content_copy
    cache = tmp_path / "cache"
    first = load_atlas_cached(data, svg, cache)
    files = list(cache.glob("atlas-*.pickle"))
    assert len(files) == 1
    again = load_atlas_cached(data, svg, cache)
    assert again.kb.structures.keys() == first.kb.structures.keys()
    assert again.plate.hit_test(*first.anchors["semitendinosus"]) is not None

    files[0].write_bytes(b"not a pickle")  # a corrupted cache costs time, never correctness
    rebuilt = load_atlas_cached(data, svg, cache)
    assert rebuilt.kb.structures["semitendinosus"].name == "Semitendinosus"

    key = content_key(data, svg)
    text = (data / "structures" / "gracilis.toml").read_text(encoding="utf-8")
    (data / "structures" / "gracilis.toml").write_text(text + "\n", encoding="utf-8")
    assert content_key(data, svg) != key
    load_atlas_cached(data, svg, cache)
    assert [p.name for p in cache.glob("atlas-*.pickle")] != [files[0].name]
    assert len(list(cache.glob("atlas-*.pickle"))) == 1
