"""The side panel's HTML: built from small knowledge bases made here, plus one shipped-data run."""

from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest

from hamstring_viewer import resources
from hamstring_viewer.catalog import Atlas, load_atlas
from hamstring_viewer.describe import (
    NOT_FOUND_TITLE,
    describe,
    latin_name,
    link_first,
    plain_name,
    section_titles,
    welcome_html,
)
from hamstring_viewer.problems import ContentError
from hamstring_viewer.records import (
    Actions,
    Connection,
    Correction,
    Exercise,
    Fact,
    GlossaryTerm,
    Innervation,
    KnowledgeBase,
    PalpationGuide,
    ReferralZone,
    Source,
    Stretch,
    Structure,
    Technique,
    TriggerPoint,
)

HAMSTRING_SECTIONS = [
    "Anatomy",
    "Trigger points and referred pain",
    "Symptoms and causes",
    "Palpation",
    "Self-care",
    "Training",
    "For therapists",
    "Sources and corrections",
]


def _f(text: str, *sources: str, sites: tuple[str, ...] = ()) -> Fact:
    return Fact(text=text, sources=sources or ("seed_page",), sites=sites)


def make_kb(summary: str = "The inner hamstring with a long tendon.") -> KnowledgeBase:
    """One hamstring with everything it embeds, a nerve, a landmark and a glossary."""
    sources = {
        "seed_page": Source("seed_page", "A seed page", "seed", publisher="A website"),
        "ref_book": Source("ref_book", "An anatomy book", "reference", publisher="Pub", year=2020),
    }
    glossary = {
        "term_tuberosity": GlossaryTerm(
            "term_tuberosity",
            "ischial tuberosity",
            "tuber ischiadicum",
            "The sitting bone.",
            (),
            ("ref_book",),
        ),
        "term_tendon": GlossaryTerm(
            "term_tendon", "tendon", "tendo", "A cord joining muscle to bone.", (), ("ref_book",)
        ),
    }
    hamstring = Structure(
        id="semitendinosus",
        kind="hamstring",
        name="Semitendinosus",
        latin="Musculus semitendinosus",
        summary=summary,
        svg_ids=("semitendinosus",),
        sources=("seed_page", "ref_book"),
        origin=_f(
            "Arises from the ischial tuberosity by a common tendon.",
            "ref_book",
            sites=("ischial_tuberosity",),
        ),
        insertion=_f("Ends on the tibia; its tendon is long.", "ref_book"),
        innervation=Innervation(
            "sciatic_nerve", "tibial division", ("L5", "S1", "S2"), ("ref_book",)
        ),
        actions=Actions(
            hip=_f("Extends the hip."),
            knee=_f("Flexes the knee."),
            knee_rotation=_f("Rotates the flexed knee inward."),
        ),
        trigger_points=("tp_st",),
        referral=_f("Pain goes up to the buttock crease."),
        symptoms=(_f("Pain when sitting."),),
        causes_activating=(_f("Sprinting."),),
        causes_perpetuating=(_f("Long sitting on a hard chair."),),
        palpation=("palp_st",),
        self_massage=("tech_ball",),
        stretches=("stretch_st",),
        exercises=("ex_curl",),
        treatments=("tech_pro",),
        differential=(_f("Sciatica."),),
        connections=(Connection("sciatic_nerve", "Runs beside it.", ("ref_book",)),),
        corrections=(
            Correction(
                field="insertion",
                source="seed_page",
                page_said="inserts on the ischium",
                correct="inserts on the tibia",
                why="translation slip",
                references=("ref_book",),
            ),
        ),
    )
    structures = {
        hamstring.id: hamstring,
        "sciatic_nerve": Structure(
            "sciatic_nerve",
            "nerve",
            "Sciatic nerve",
            "Nervus ischiadicus",
            "A big nerve.",
            ("sciatic_nerve",),
            ("ref_book",),
            roots=("L4", "L5", "S1", "S2", "S3"),
        ),
        "ischial_tuberosity": Structure(
            "ischial_tuberosity",
            "landmark",
            "Ischial tuberosity",
            "Tuber ischiadicum",
            "The sitting bone.",
            (),
            ("ref_book",),
        ),
    }
    trigger_points = {
        "tp_st": TriggerPoint(
            id="tp_st",
            name="Semitendinosus trigger point",
            muscle="semitendinosus",
            svg_id="tp_st",
            depth="superficial",
            location=_f("Middle of the inner back of the thigh."),
            zones=("zone_ess", "zone_spill"),
            pain=_f("A deep ache."),
            provoked_by=(_f("Sitting."),),
            self_help=("tech_ball", "stretch_st"),
            sources=("seed_page",),
            corrections=(
                Correction(
                    "location", "seed_page", "on the outer thigh", "inner thigh", "wrong side"
                ),
            ),
        )
    }
    zones = {
        "zone_ess": ReferralZone(
            "zone_ess",
            "Buttock crease zone",
            "essential",
            "zone_ess",
            ("semitendinosus",),
            ("gluteal fold",),
            _f("Strong pain at the crease."),
            ("seed_page",),
        ),
        "zone_spill": ReferralZone(
            "zone_spill",
            "Inner calf zone",
            "spillover",
            "zone_spill",
            ("semitendinosus",),
            ("upper medial calf",),
            _f("Weaker pain down to the calf."),
            ("seed_page",),
        ),
    }
    techniques = {
        "tech_ball": Technique(
            "tech_ball",
            "Ball on a chair",
            "self_massage",
            ("semitendinosus",),
            ("tennis ball",),
            ("Sit on the ball.", "Hold 30 seconds."),
            ("Do not press on the nerve.",),
            ("seed_page",),
        ),
        "tech_pro": Technique(
            "tech_pro",
            "Dry needling",
            "professional",
            ("semitendinosus",),
            (),
            ("Needle it.",),
            (),
            ("ref_book",),
        ),
    }
    stretches = {
        "stretch_st": Stretch(
            "stretch_st",
            "Standing stretch",
            ("semitendinosus",),
            ("Put the heel up.",),
            ("Keep the back straight.",),
            ("seed_page",),
        )
    }
    exercises = {
        "ex_curl": Exercise(
            "ex_curl",
            "Leg curl",
            "strengthening",
            ("semitendinosus",),
            "machine",
            ("Bend the knee.", "Lower slowly."),
            ("Breathe out while bending.",),
            ("Go slow.",),
            ("One leg at a time.",),
            ("seed_page",),
        )
    }
    palpation = {
        "palp_st": PalpationGuide(
            "palp_st",
            "Finding semitendinosus",
            ("semitendinosus",),
            "Lying prone",
            ("Bend the knee against resistance.", "Feel the cord."),
            ("ref_book",),
        )
    }
    return KnowledgeBase(
        structures=structures,
        trigger_points=trigger_points,
        zones=zones,
        exercises=exercises,
        stretches=stretches,
        techniques=techniques,
        palpation=palpation,
        glossary=glossary,
        sources=sources,
    )


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return make_kb()


def _section(page: str, title: str) -> str:
    """The HTML of one h2 section (up to the next h2), or of one h3 part of a section (up to
    the next h3 or h2)."""
    if f"<h3>{title}</h3>" in page:
        start = page.index(f"<h3>{title}</h3>")
        ends = [e for e in (page.find("<h3>", start + 4), page.find("<h2>", start)) if e != -1]
        return page[start : min(ends) if ends else len(page)]
    start = page.index(f"</a>{title}</h2>")
    end = page.find("<h2>", start)
    return page[start : end if end != -1 else len(page)]


# --------------------------------------------------------------------------------------------
# Hamstring panel


def test_hamstring_panel_holds_its_facts_and_links(kb: KnowledgeBase) -> None:
    page = describe(kb, "semitendinosus")
    assert "Musculus semitendinosus" in page
    assert "<b>Origin:</b> Arises from the " in page and "by a common " in page
    assert 'href="record:tp_st"' in page
    assert 'href="record:sciatic_nerve"' in page
    assert 'href="record:zone_ess"' in page and 'href="record:zone_spill"' in page
    assert "L5, S1, S2" in re.sub(r"<[^>]*>", "", page)  # each root explained on hover
    assert "Sit on the ball." in page and "Breathe out while bending." in page
    assert re.search(r"<ol><li>Bend the knee\.</li><li>Lower slowly\.</li></ol>", page)


def test_hamstring_sections_in_order(kb: KnowledgeBase) -> None:
    assert section_titles(kb, "semitendinosus") == HAMSTRING_SECTIONS
    page = describe(kb, "semitendinosus")
    assert '<a name="trigger_points"></a>Trigger points and referred pain</h2>' in page
    assert "<h3>Referred pain</h3>" in page


def test_empty_hamstring_sections_are_left_out(kb: KnowledgeBase) -> None:
    bare = make_kb()
    bare.structures["semitendinosus"] = Structure(
        "semitendinosus",
        "hamstring",
        "Semitendinosus",
        "Musculus semitendinosus",
        "Summary.",
        (),
        ("ref_book",),
    )
    assert section_titles(bare, "semitendinosus") == ["Sources and corrections"]


def test_source_markers_are_numbered_and_listed(kb: KnowledgeBase) -> None:
    page = describe(kb, "semitendinosus")
    cited = {
        int(n) for marker in re.findall(r'href="cite:([\d,]+)"', page) for n in marker.split(",")
    }
    listed = [int(n) for n in re.findall(r"<p>\[(\d+)\] ", _section(page, "Sources"))]
    assert listed == list(range(1, len(listed) + 1))
    assert cited == set(listed)
    # numbered in reading order: the card's origin cites ref_book first, then seed_page
    sources = _section(page, "Sources")
    assert '[1] <a href="record:ref_book">An anatomy book</a>, Pub, 2020</p>' in sources
    assert '[2] <a href="record:seed_page">A seed page</a>, A website</p>' in sources
    # one marker per claim, however many sources back it
    assert re.search(r'<sup><a href="cite:1,2"[^>]*>\[1–2\]</a></sup>', page)


def test_corrections_of_the_record_and_what_it_embeds(kb: KnowledgeBase) -> None:
    corrections = _section(describe(kb, "semitendinosus"), "Corrections")
    assert "inserts on the ischium" in corrections and "translation slip" in corrections
    # the trigger point's correction is gathered too, with a link to its owner
    assert "on the outer thigh" in corrections
    assert 'in <a href="record:tp_st">' in corrections


# --------------------------------------------------------------------------------------------
# Glossary linking and escaping


def test_glossary_term_is_linked_once_per_panel(kb: KnowledgeBase) -> None:
    page = describe(kb, "semitendinosus")
    assert page.count('href="record:term_tendon"') == 1
    assert page.count('href="record:term_tuberosity"') == 1
    # the first occurrence is linked: the card's origin comes first on the page
    first = page.index("tendon")
    assert page.index('href="record:term_tendon"') < page.index("</table>")
    assert first < page.index("</table>")


def test_glossary_link_never_inside_a_tag_or_link() -> None:
    linked = '<a href="record:x">tendon</a> and tendon'
    out, made = link_first(linked, "tendon", "record:term_tendon")
    assert made
    assert out == '<a href="record:x">tendon</a> and <a href="record:term_tendon">tendon</a>'
    assert link_first('<a href="x">y</a> <b class="tendon">z</b>', "href", "record:t") == (
        '<a href="x">y</a> <b class="tendon">z</b>',
        False,
    )
    # whole words, case-insensitive, never inside an entity
    assert link_first("Tendons and Tendon", "tendon", "record:t")[0] == (
        'Tendons and <a href="record:t">Tendon</a>'
    )
    assert link_first("salt &amp; amp", "amp", "record:t")[0] == (
        'salt &amp; <a href="record:t">amp</a>'
    )


def test_longer_term_wins_and_shorter_term_is_not_nested() -> None:
    kb = make_kb()
    kb.glossary["term_tuber"] = GlossaryTerm("term_tuber", "tuberosity", "", "A bump.", (), ())
    page = describe(kb, "semitendinosus")
    card = page[: page.index("</table>")]
    assert '<a href="record:term_tuberosity">ischial tuberosity</a>' in card
    assert 'record:term_tuber"' not in card


def test_text_is_escaped() -> None:
    kb = make_kb(summary="Beware <script>alert('x')</script> & co.")
    page = describe(kb, "semitendinosus")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co." in page


# --------------------------------------------------------------------------------------------
# Other panels


def test_unknown_id_gives_not_found(kb: KnowledgeBase) -> None:
    page = describe(kb, "no_such_thing")
    assert NOT_FOUND_TITLE in page and "no_such_thing" in page
    assert section_titles(kb, "no_such_thing") == []
    assert "&lt;b&gt;" in describe(kb, "<b>")


def test_trigger_point_panel(kb: KnowledgeBase) -> None:
    assert section_titles(kb, "tp_st") == [
        "Where the pain goes",
        "What provokes it",
        "Treat it yourself",
        "Sources and corrections",
    ]
    # the card: where it lies, the zones' regions, what provokes it, the first step and the
    # warning signs beside it
    card = describe(kb, "tp_st", ())
    card = card[: card.index("</table>")]
    assert "Where it lies" in card and "Essential zone" in card and "Before you start" in card
    goes = _section(describe(kb, "tp_st"), "Where the pain goes")
    assert goes.index("Essential zone") < goes.index("Spillover zone")
    assert "gluteal fold" in goes and "Weaker pain down to the calf." in goes
    page = describe(kb, "tp_st")
    assert 'href="record:semitendinosus"' in page and "Put the heel up." in page


def test_zone_panel_lists_the_trigger_points_that_refer_to_it(kb: KnowledgeBase) -> None:
    page = describe(kb, "zone_spill")
    assert "Spillover zone" in page and "upper medial calf" in page
    assert 'href="record:tp_st"' in _section(page, "Trigger points")


@pytest.mark.parametrize(
    "record_id",
    [
        "sciatic_nerve",
        "ischial_tuberosity",
        "tech_ball",
        "tech_pro",
        "stretch_st",
        "ex_curl",
        "palp_st",
        "term_tendon",
        "seed_page",
    ],
)
def test_every_record_type_renders(kb: KnowledgeBase, record_id: str) -> None:
    page = describe(kb, record_id)
    assert page.startswith(f"<h1>{plain_name(kb, record_id)}</h1>")
    assert NOT_FOUND_TITLE not in page


def test_reverse_links_on_short_panels(kb: KnowledgeBase) -> None:
    nerve = describe(kb, "sciatic_nerve")
    assert 'href="record:semitendinosus"' in nerve[: nerve.index("</table>")]  # its card
    landmark = describe(kb, "ischial_tuberosity")
    assert 'href="record:semitendinosus"' in landmark[: landmark.index("</table>")]
    assert 'href="record:semitendinosus"' in _section(describe(kb, "ref_book"), "Cited by")


def test_names(kb: KnowledgeBase) -> None:
    assert plain_name(kb, "semitendinosus") == "Semitendinosus"
    assert plain_name(kb, "term_tendon") == "tendon"
    assert plain_name(kb, "ref_book") == "An anatomy book"
    assert plain_name(kb, "nope") == "nope"
    assert latin_name(kb, "semitendinosus") == "Musculus semitendinosus"
    assert latin_name(kb, "term_tendon") == "tendo"
    assert latin_name(kb, "tp_st") == ""
    assert latin_name(kb, "nope") == ""


def test_welcome(kb: KnowledgeBase) -> None:
    page = welcome_html(kb)
    assert '<a href="record:semitendinosus">Semitendinosus</a>' in page
    for words in ("referred pain", "Esc", "Enter", "Tab", "Ctrl+0"):
        assert words in page
    assert "describes no hamstring muscle" in welcome_html(KnowledgeBase())


# --------------------------------------------------------------------------------------------
# Qt-free, and the shipped content


def test_describe_imports_no_qt() -> None:
    code = (
        "import sys, hamstring_viewer.describe; "
        "sys.exit(any(m.split('.')[0] == 'PySide6' for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_every_shipped_record_renders() -> None:
    try:
        atlas = load_atlas(resources.data_dir(), resources.plate_path())
    except (ContentError, FileNotFoundError) as error:
        pytest.skip(f"shipped content is not complete yet: {str(error).splitlines()[0]}")
    kb = atlas.kb
    assert "<h1>" in welcome_html(kb)
    for table in kb.tables():
        for record_id in table:
            page = describe(kb, record_id)
            assert page.startswith("<h1>") and NOT_FOUND_TITLE not in page, record_id
    for hamstring in kb.hamstrings:
        titles = section_titles(kb, hamstring.id)
        assert [t for t in HAMSTRING_SECTIONS if t in titles] == [
            t for t in titles if t in HAMSTRING_SECTIONS
        ]


def test_a_glossary_term_is_found_where_its_whole_word_pattern_finds_it() -> None:
    """link_first looks terms up without compiling a pattern per term: it must find exactly
    what the whole-word, any-case pattern (outside character entities) finds."""
    import random

    from hamstring_viewer.describe import _e, _find_term, _term_pattern

    words = ["fascia", "Fascia", "fascial", "the", "&amp;", "&#x27;", "fascia&amp;", "lata"]
    words += ["amp", "x27", "_fascia", "ischial tuberosity", "ISCHIAL tuberosity", "café", "İ"]
    phrases = ["fascia", "amp", "x27", "ischial tuberosity", "café", "fascia lata", "a"]
    rng = random.Random(7)
    for _ in range(5000):
        part = "".join(
            rng.choice(words) + rng.choice([" ", "", ",", "-"]) for _ in range(rng.randint(1, 8))
        )
        phrase = _e(rng.choice(phrases))
        expected = next(
            ((m.start(), m.end()) for m in _term_pattern(phrase).finditer(part) if m["term"]),
            None,
        )
        assert _find_term(part, phrase) == expected, (part, phrase)


def test_technique_and_trigger_point_pages_carry_the_warnings_that_stop_them(
    atlas: Atlas,
) -> None:
    kb = atlas.kb
    ball = describe(kb, "technique_ball_ischium")
    assert "Stop, and do not use this, when" in ball
    for warning_id in ("warning_tear", "lookalike_proximal_hamstring_tendinopathy"):
        cause = kb.lookalikes[warning_id]
        assert (cause.ask or cause.name) in ball.replace("&#x27;", "'")
    assert ball.index("Stop, and do not use this") < ball.index("Steps")
    soleus = describe(kb, "tp_soleus", open_sections=["self_care"])
    assert kb.lookalikes["warning_dvt"].ask in soleus
    assert "pressure could loosen a clot" in soleus
    # a page nothing concerns has no such list
    assert "Stop, and do not use this" not in describe(kb, "technique_dry_needling")


def test_a_neighbours_page_says_where_its_trigger_points_send_pain(atlas: Atlas) -> None:
    kb = atlas.kb
    for muscle in ("gluteus_minimus", "piriformis", "soleus", "popliteus"):
        s = kb.structures[muscle]
        assert s.referral is not None and s.trigger_points, muscle
        page = describe(kb, muscle)
        assert "Referred pain" in page
        words = " ".join(html.unescape(re.sub(r"<[^>]*>", "", page)).split())
        assert " ".join(s.referral.text.split())[:60] in words
        for tp_id in s.trigger_points:
            assert f'href="record:{tp_id}"' in page


def test_a_hamstrings_causes_stand_beside_the_warning_signs_that_share_their_story(
    atlas: Atlas,
) -> None:
    kb = atlas.kb
    page = describe(kb, "biceps_femoris_long_head")
    causes = page.index("What activates them")
    assert "hip surgery" in page[causes:]
    warnings = page.index("When it may be something else")
    assert causes < warnings
    for sign in ("warning_dvt", "warning_tear", "warning_cauda_equina", "warning_systemic"):
        assert kb.lookalikes[sign].ask in page[warnings:], sign
    assert "pressure could loosen a clot" in page[warnings:]
