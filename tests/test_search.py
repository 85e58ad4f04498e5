"""Search: the shipped knowledge base (session ``atlas``) and small knowledge bases made here."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import HAMSTRINGS

from hamstring_viewer.catalog import Atlas
from hamstring_viewer.describe import plain_name
from hamstring_viewer.records import (
    Fact,
    KnowledgeBase,
    Structure,
    Technique,
)
from hamstring_viewer.search import (
    RANK_BODY,
    RANK_EXACT,
    RANK_GLOSSARY,
    RANK_PREFIX,
    Hit,
    SearchIndex,
    fold,
    match_spans,
    words,
)


@pytest.fixture(scope="module")
def index(atlas: Atlas) -> SearchIndex:
    return SearchIndex(atlas.kb)


def ids(hits: list[Hit]) -> list[str]:
    return [h.record_id for h in hits]


def bold(hit: Hit) -> list[str]:
    """The snippet's highlighted parts."""
    return [hit.snippet[s:e] for s, e in hit.spans]


# --------------------------------------------------------------------------------------------
# The shipped knowledge base


@pytest.mark.parametrize("muscle_id", HAMSTRINGS)
def test_latin_name_lands_on_its_structure_first(
    atlas: Atlas, index: SearchIndex, muscle_id: str
) -> None:
    latin = atlas.kb.structures[muscle_id].latin
    assert latin
    hit = index.search(latin)[0]
    assert (hit.record_id, hit.kind, hit.field, hit.rank) == (
        muscle_id,
        "structure",
        "latin",
        RANK_EXACT,
    )
    assert hit.snippet == latin
    assert hit.span == (0, len(latin))  # the whole name, one phrase


def test_latin_words_typed_in_lower_case(index: SearchIndex) -> None:
    hit = index.search("musculus semitendinosus")[0]
    assert (hit.record_id, hit.field, hit.rank) == ("semitendinosus", "latin", RANK_EXACT)
    assert bold(hit) == ["Musculus semitendinosus"]  # a phrase is one span
    assert set(hit.terms) >= {"Musculus", "Semitendinosus"}


def test_every_structure_is_found_by_its_latin_name(atlas: Atlas, index: SearchIndex) -> None:
    for s in atlas.kb.structures.values():
        if s.latin:
            exact = [h.record_id for h in index.search(s.latin) if h.rank == RANK_EXACT]
            assert s.id in exact, (s.id, s.latin)


def test_every_record_is_found_by_its_name(atlas: Atlas, index: SearchIndex) -> None:
    for table in atlas.kb.tables():
        for record in table.values():
            if record.id in atlas.kb.sources:
                continue
            name = plain_name(atlas.kb, record.id)
            hits = index.search(name, limit=200)
            assert record.id in ids(hits), (record.id, name)
            hit = hits[ids(hits).index(record.id)]
            assert hit.rank in (RANK_EXACT, RANK_GLOSSARY), (record.id, hit)


def test_a_prefix_finds_the_structure(index: SearchIndex) -> None:
    hit = index.search("semimem")[0]
    assert (hit.record_id, hit.field, hit.rank) == ("semimembranosus", "name", RANK_PREFIX)
    assert bold(hit) == ["Semimem"]
    assert hit.terms == ("Semimembranosus",)


def test_results_as_you_type(index: SearchIndex) -> None:
    """From the first letter that tells them apart, each keystroke keeps the muscle on top."""
    word = "semitendinosus"
    assert "semitendinosus" in ids(index.search(word[:1]))
    for n in range(5, len(word) + 1):
        assert ids(index.search(word[:n]))[0] == "semitendinosus", word[:n]


def test_one_letter_prefix_is_capped_by_the_limit(index: SearchIndex) -> None:
    assert len(index.search("s")) == 30
    assert len(index.search("s", limit=5)) == 5
    assert index.search("s", limit=0) == []
    assert len(index.search("s", limit=1000)) > 30


def test_case_and_accents_are_ignored(index: SearchIndex) -> None:
    plain = index.search("semimembranosus")
    assert plain[0].record_id == "semimembranosus"
    for query in ("SEMIMEMBRANOSUS", "Sémimembranósus", "ＳＥＭＩＭＥＭＢＲＡＮＯＳＵＳ"):
        assert index.search(query) == plain, query


def test_a_word_only_in_a_technique_step_finds_the_technique(
    atlas: Atlas, index: SearchIndex
) -> None:
    technique = atlas.kb.techniques["technique_foam_roller"]
    assert any("hunt" in words(step) for step in technique.steps)
    assert "hunt" not in words(technique.name)
    hits = [h for h in index.search("hunt") if h.record_id == technique.id]
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.kind, hit.field, hit.rank) == ("technique", "steps", RANK_BODY)
    assert bold(hit)[0] == "hunt"
    assert hit.snippet.replace("…", "") in " ".join(technique.steps)


def test_words_are_anded(index: SearchIndex) -> None:
    hits = index.search("foam roller")
    assert hits[0].record_id == "technique_foam_roller"
    for hit in hits:
        terms = {fold(t) for t in hit.terms}
        assert "foam" in terms and any(t.startswith("roller") for t in terms), hit
    assert index.search("foam xyzzy") == []
    assert index.search("kyphosis hunt") == []


def test_earlier_words_must_be_whole_words(index: SearchIndex) -> None:
    assert index.search("semimem semitendinosus") == []
    assert index.search("semimembranosus semitend") != []


@pytest.mark.parametrize("query", ["xyzzyplugh", "qqq", "zz top", "semimembranosusxyz"])
def test_nonsense_finds_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []
    assert index.corrected == ""


@pytest.mark.parametrize(
    ("query", "target", "searched"),
    [
        ("semitendonosus", "semitendinosus", "semitendinosus"),
        ("simimembranosus", "semimembranosus", "semimembranosus"),
        ("semimembranosusx", "semimembranosus", "semimembranosus"),
        ("bicep femoris", "biceps_femoris_long_head", "biceps femoris"),
        ("biceps femorsi", "biceps_femoris_long_head", "biceps femoris"),
        ("gastrocnemus", "gastrocnemius", "gastrocnemius"),
        ("piriformus", "piriformis", "piriformis"),
    ],
)
def test_a_typing_slip_still_finds_its_target(
    index: SearchIndex, query: str, target: str, searched: str
) -> None:
    hits = index.search(query)
    assert target in ids(hits)[:3], ids(hits)[:5]
    assert index.corrected == searched
    # a query that finds something as typed is searched as typed
    assert index.search(searched) and index.corrected == ""


def test_lay_words_find_their_structures(index: SearchIndex) -> None:
    assert "hamstrings" in ids(index.search("hamstring"))[:3]
    assert "ischial_tuberosity" in ids(index.search("sitting bone"))[:3]
    knee = ids(index.search("back of knee"))
    assert knee


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "-- ; ,", "…"])
def test_empty_query_finds_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_glossary_synonym_points_to_the_term_and_its_structure(index: SearchIndex) -> None:
    hits = index.search("sitting bone")
    assert hits[0].record_id == "ischial_tuberosity"  # the structure's own name, in brackets
    term = next(h for h in hits if h.record_id == "term_ischial_tuberosity")
    assert (term.kind, term.field, term.rank) == ("term", "glossary", RANK_GLOSSARY)
    assert term.structure == "ischial_tuberosity"
    assert term.related[0] == "ischial_tuberosity"
    assert bold(term) == ["sitting bone"]


def test_glossary_term_without_a_structure_of_its_own(index: SearchIndex) -> None:
    hit = index.search("hollow of the knee")[0]
    assert (hit.record_id, hit.rank, hit.structure) == (
        "term_hollow_of_the_knee",
        RANK_GLOSSARY,
        None,
    )
    assert "semimembranosus" in hit.related
    assert bold(hit) == ["hollow of the knee", "knee"]  # "back" is not asked for
    assert "of" not in hit.terms and "the" not in hit.terms


def test_a_term_synonym_finds_the_structure(index: SearchIndex) -> None:
    """The glossary names the nerve "Nervus fibularis (peroneus) communis"; its record does not."""
    hit = index.search("peroneus")[0]
    assert hit.record_id == "common_fibular_nerve"
    assert hit.rank == RANK_EXACT


def test_ranking(index: SearchIndex) -> None:
    for query in ("s", "semi", "knee", "nervus", "sciatic", "tuber", "biceps fem", "pes"):
        hits = index.search(query, limit=500)
        assert [h.rank for h in hits] == sorted(h.rank for h in hits), query
    # exact name beats a name prefix beats a glossary term beats body text
    hits = index.search("sciatic nerve")
    assert hits[0].record_id == "sciatic_nerve" and hits[0].rank == RANK_EXACT
    rest = hits[1:]
    assert any(h.record_id == "term_sciatic_nerve" and h.rank == RANK_GLOSSARY for h in rest)
    assert any(h.rank == RANK_BODY for h in rest)


def test_source_records_are_left_out_unless_asked_for(atlas: Atlas, index: SearchIndex) -> None:
    source = next(iter(atlas.kb.sources.values()))
    assert source.id not in ids(index.search(source.title, limit=500))
    with_sources = SearchIndex(atlas.kb, include_sources=True)
    hit = next(h for h in with_sources.search(source.title) if h.record_id == source.id)
    assert hit.kind == "source"


def test_snippets_are_short_and_spans_are_in_range(index: SearchIndex) -> None:
    for query in ("pain", "the", "s", "hollow of the knee", "l5 s1", "referred p"):
        for hit in index.search(query, limit=200):
            assert len(hit.snippet) <= 140, hit
            assert "\n" not in hit.snippet
            for s, e in hit.spans:
                assert 0 <= s < e <= len(hit.snippet), hit


# --------------------------------------------------------------------------------------------
# Small knowledge bases


def _structure(id_: str, name: str, latin: str = "", summary: str = "") -> Structure:
    return Structure(
        id=id_, kind="muscle", name=name, latin=latin, summary=summary, svg_ids=(), sources=()
    )


def test_accented_text_in_the_data() -> None:
    kb = KnowledgeBase(
        structures={
            "pes": _structure(
                "pes", "Pes anserinus", "Pes anserinus", "Der Gänsefuß, am Schienbein (Tibia)."
            )
        },
        techniques={
            "t": Technique(
                id="t",
                name="Straße",
                kind="self_massage",
                targets=("pes",),
                tools=(),
                steps=("Übung: Ischiocrurale Muskulatur dehnen.",),
                advice=(),
                sources=(),
            )
        },
    )
    index = SearchIndex(kb)
    hit = index.search("GANSEF")[0]
    assert (hit.record_id, hit.field) == ("pes", "summary")
    assert bold(hit) == ["Gänsef"]
    hit = index.search("gansefus")[0]
    assert bold(hit) == ["Gänsefuß"]  # the prefix ends inside the "ss" that ß folds to
    assert hit.terms == ("Gänsefuß",)
    hit = index.search("strasse")[0]
    assert (hit.record_id, hit.field, hit.rank) == ("t", "name", RANK_EXACT)
    hit = index.search("ubung ischiocrurale")[0]
    assert (hit.record_id, hit.field) == ("t", "steps")
    assert bold(hit) == ["Übung", "Ischiocrurale"]


def test_ties_keep_record_order() -> None:
    kb = KnowledgeBase(
        structures={
            "b": _structure("b", "Alpha beta"),
            "a": _structure("a", "Alpha gamma"),
            "c": _structure("c", "Delta", summary="alpha"),
        }
    )
    index = SearchIndex(kb)
    assert ids(index.search("alp")) == ["b", "a", "c"]
    assert ids(index.search("alpha")) == ["b", "a", "c"]
    assert [h.rank for h in index.search("alpha")] == [RANK_PREFIX, RANK_PREFIX, RANK_BODY]
    assert ids(index.search("gamma")) == ["a"]


def test_facts_and_bracketed_names() -> None:
    s = Structure(
        id="femur",
        kind="bone",
        name="Femur (thigh bone)",
        latin="Os femoris",
        summary="",
        svg_ids=(),
        sources=(),
        origin=Fact("Arises from the linea aspera.", ("src",)),
    )
    index = SearchIndex(KnowledgeBase(structures={"femur": s}))
    assert [(h.field, h.rank) for h in index.search("thigh bone")] == [("name", RANK_EXACT)]
    assert [(h.field, h.rank) for h in index.search("os fem")] == [("latin", RANK_PREFIX)]
    assert [h.field for h in index.search("aspera")] == ["origin"]
    assert index.search("src") == []  # source ids are not text


def test_fold_and_words() -> None:
    assert fold("Ärger ÉTÉ Straße ﬁne") == "arger ete strasse fine"
    assert words("Biceps femoris – long head (caput longum); L5/S1") == [
        "biceps",
        "femoris",
        "long",
        "head",
        "caput",
        "longum",
        "l5",
        "s1",
    ]


def test_match_spans_for_highlighting_in_the_panel() -> None:
    text = "The hollow of the Knee lies behind the knee; Kniekehle."
    assert [text[s:e] for s, e in match_spans(text, "hollow of the knee")] == [
        "hollow of the Knee",
        "knee",
    ]
    assert [text[s:e] for s, e in match_spans(text, "KNIE")] == ["Knie"]
    assert match_spans(text, "") == []


def test_search_imports_no_qt() -> None:
    code = (
        "import sys, hamstring_viewer.search; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_the_blood_supply_is_searched() -> None:
    from hamstring_viewer import resources
    from hamstring_viewer.catalog import load_knowledge_base
    from hamstring_viewer.search import SearchIndex

    kb, _problems = load_knowledge_base(resources.data_dir())
    hits = SearchIndex(kb).search("perforating branches", 30)
    assert set(HAMSTRINGS) <= {h.record_id for h in hits}


def test_key_facts_rank_above_other_text_and_corrections_last() -> None:
    from dataclasses import replace

    from hamstring_viewer.records import Correction, Fact

    corrected = replace(
        _structure("a", "Alpha"),
        corrections=(
            Correction(
                field="origin",
                source="s",
                page_said="it starts at the zebra crossing",
                correct="It starts at the ischial tuberosity.",
                why="Anatomy.",
            ),
        ),
    )
    noted = replace(_structure("c", "Gamma"), facts=(Fact("A zebra note.", ("s",)),))
    key = replace(_structure("b", "Beta"), origin=Fact("From the zebra bone.", ("s",)))
    index = SearchIndex(KnowledgeBase(structures={"a": corrected, "c": noted, "b": key}))
    hits = index.search("zebra")
    assert ids(hits) == ["b", "c", "a"]
    assert [h.field for h in hits] == ["origin", "facts", "corrections"]
