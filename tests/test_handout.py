"""The client handout's content (Qt-free): what it says for muscles, trigger points and others."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import HAMSTRINGS

from hamstring_viewer.catalog import Atlas
from hamstring_viewer.handout import (
    BUDGETS,
    PROFESSIONAL,
    SELF_MASSAGE,
    STRETCH,
    WHAT_BRINGS_IT_ON,
    WHERE_IT_HURTS,
    WHERE_TO_FIND,
    WORTH_KNOWING,
    Budget,
    body_html,
    handout_for,
    handout_html,
    warnings,
)
from hamstring_viewer.records import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent


def text_of(markup: str) -> str:
    """The HTML's text, tags removed and entities decoded, on one line."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def headings(markup: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", markup)]


def squash(text: str) -> str:
    return " ".join(text.split())


def test_a_hamstring_handout_names_it_and_draws_its_trigger_points_and_zones(
    atlas: Atlas,
) -> None:
    kb = atlas.kb
    h = handout_for(kb, "semitendinosus")
    assert h is not None
    muscle = kb.structures["semitendinosus"]
    assert (h.title, h.latin) == ("Semitendinosus", "Musculus semitendinosus")
    assert h.highlight == muscle.svg_ids
    assert h.marks == ("tp_semitendinosus",)
    assert h.zones == ("zone_medial_hamstrings_essential", "zone_medial_hamstrings_spillover")
    markup = handout_html(kb, "semitendinosus")
    assert "<h1>Semitendinosus</h1>" in markup
    assert "<i>Musculus semitendinosus</i>" in markup
    assert headings(markup) == [WHERE_IT_HURTS, SELF_MASSAGE, STRETCH, PROFESSIONAL]
    text = text_of(markup)
    # the zones' own descriptions, the first self-massage technique's steps and the stretch's
    for zone_id in h.zones:
        assert squash(kb.zones[zone_id].description.text) in text
    technique = kb.techniques[muscle.self_massage[0]]
    assert technique.name in text
    assert all(squash(step) in text for step in technique.steps)
    stretch = kb.stretches[muscle.stretches[0]]
    assert all(squash(step) in text for step in stretch.steps)
    # the general warning signs are there
    assert squash(kb.lookalikes["lookalike_red_flags"].warning.text) in text


def test_a_trigger_point_handout_has_its_location_pain_self_help_and_the_see_a_professional_line(
    atlas: Atlas,
) -> None:
    kb = atlas.kb
    tp = kb.trigger_points["tp_biceps_femoris_long_head"]
    h = handout_for(kb, tp.id)
    assert h is not None
    assert h.title == tp.name
    assert h.latin == kb.structures[tp.muscle].latin
    assert "trigger point" in h.subtitle.lower() and "biceps femoris" in h.subtitle.lower()
    assert h.marks == (tp.svg_id,)
    assert h.highlight == kb.structures[tp.muscle].svg_ids
    assert set(h.zones) == set(tp.zones)
    markup = handout_html(kb, tp.id)
    assert headings(markup) == [
        WHERE_TO_FIND,
        WHERE_IT_HURTS,
        WHAT_BRINGS_IT_ON,
        SELF_MASSAGE,
        STRETCH,
        PROFESSIONAL,
    ]
    text = text_of(markup)
    assert squash(tp.location.text) in text
    assert squash(tp.pain.text) in text
    assert squash(tp.provoked_by[0].text) in text
    # its own self-help, in its own order: the first technique and the first stretch it names
    first_technique = next(kb.techniques[i] for i in tp.self_help if i in kb.techniques)
    first_stretch = next(kb.stretches[i] for i in tp.self_help if i in kb.stretches)
    assert h.techniques[0] == first_technique
    for step in (*first_technique.steps, *first_stretch.steps):
        assert squash(step) in text
    # "when to see a professional": the warning signs, in the knowledge base's words
    see = squash(kb.lookalikes["lookalike_red_flags"].warning.text)
    assert see.startswith("See a doctor or physiotherapist")
    assert see in text
    assert text.index(PROFESSIONAL) < text.index(see)


def test_warnings_start_with_when_to_stop_and_drop_near_duplicates(atlas: Atlas) -> None:
    h = handout_for(atlas.kb, "tp_semitendinosus")
    assert h is not None
    lines = warnings(h, limit=10)
    assert lines[0].lower().startswith("stop")
    assert len(lines) == len(set(lines))
    # the technique's own "See a doctor ..." line says what the warning signs say: left out
    see_lines = [line for line in lines if line.startswith("See a doctor")]
    assert len(see_lines) == 1
    assert len(warnings(h, limit=2)) == 2


def test_a_muscle_group_handout_covers_its_members_and_says_whose_zone_is_whose(
    atlas: Atlas,
) -> None:
    kb = atlas.kb
    h = handout_for(kb, "hamstrings")
    assert h is not None
    assert set(h.highlight) >= {"semitendinosus", "biceps_femoris_long_head"}
    hamstring_tps = [
        tp for tp in kb.trigger_points.values() if kb.structures[tp.muscle].kind == "hamstring"
    ]
    assert len(h.marks) == len(hamstring_tps) == 5
    assert set(h.zones) == {z for tp in hamstring_tps for z in tp.zones}
    kinds = [kb.zones[z].kind for z in h.zones]
    assert kinds == sorted(kinds)  # essential zones first
    text = text_of(body_html(kb, h))
    assert "Biceps femoris, main area" in text
    assert "Semitendinosus and semimembranosus, main area" in text


def test_a_neighbour_without_trigger_points_gets_its_look_alikes_and_the_warnings(
    atlas: Atlas,
) -> None:
    kb = atlas.kb
    markup = handout_html(kb, "sciatic_nerve")
    assert headings(markup) == [WORTH_KNOWING, PROFESSIONAL]
    text = text_of(markup)
    assert squash(kb.structures["sciatic_nerve"].summary) in text
    assert squash(kb.lookalikes["lookalike_piriformis"].text.text) in text
    assert squash(kb.lookalikes["lookalike_piriformis"].warning.text) in text
    bone = handout_html(kb, "femur")
    assert headings(bone) == [PROFESSIONAL]
    # piriformis has trigger points of its own now: its handout says where they send pain
    assert WHERE_IT_HURTS in headings(handout_html(kb, "piriformis"))


@pytest.mark.parametrize("record_id", ["zone_medial_hamstrings_essential", "technique_foam_roller"])
def test_only_structures_and_trigger_points_have_a_handout(atlas: Atlas, record_id: str) -> None:
    assert handout_for(atlas.kb, record_id) is None
    assert handout_html(atlas.kb, record_id) == ""
    assert handout_for(atlas.kb, "no_such_record") is None
    assert handout_for(atlas.kb, None) is None


@pytest.mark.parametrize("record_id", [*HAMSTRINGS, "tp_semitendinosus", "hamstrings"])
def test_each_budget_is_no_longer_than_the_one_before(atlas: Atlas, record_id: str) -> None:
    h = handout_for(atlas.kb, record_id)
    assert h is not None
    lengths = [len(text_of(body_html(atlas.kb, h, b))) for b in BUDGETS]
    assert lengths == sorted(lengths, reverse=True)
    assert [b.font_pt for b in BUDGETS] == sorted((b.font_pt for b in BUDGETS), reverse=True)


def test_a_tight_budget_keeps_one_technique_one_stretch_and_shortens_their_steps(
    atlas: Atlas,
) -> None:
    kb = atlas.kb
    h = handout_for(kb, "semitendinosus")
    assert h is not None
    tight = Budget(techniques=1, stretches=1, steps=3, care=0, warnings=1, zone_text=0)
    markup = body_html(kb, h, tight)
    assert markup.count("<h3>") == 2
    assert all(ol.count("<li>") <= 3 for ol in re.findall(r"<ol>.*?</ol>", markup))
    assert "Take care" not in markup
    # zones by the names of the regions they cover
    assert "lower buttock, gluteal fold" in text_of(markup)


def test_text_from_the_knowledge_base_is_escaped(atlas: Atlas) -> None:
    kb = atlas.kb
    technique = kb.techniques["technique_foam_roller"]
    odd = replace(technique, steps=("Press <b>gently</b> & slowly",))
    tampered = KnowledgeBase(
        structures=kb.structures,
        trigger_points=kb.trigger_points,
        zones=kb.zones,
        stretches=kb.stretches,
        techniques={**kb.techniques, technique.id: odd},
        lookalikes=kb.lookalikes,
    )
    markup = handout_html(tampered, "semitendinosus")
    assert "Press &lt;b&gt;gently&lt;/b&gt; &amp; slowly" in markup
    assert "<b>gently</b>" not in markup


def test_the_handout_core_imports_no_qt() -> None:
    code = (
        "import sys, hamstring_viewer.handout; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60, cwd=ROOT).returncode == 0


def test_the_laterality_line_says_which_leg_and_from_where() -> None:
    from hamstring_viewer.handout import laterality_line
    from hamstring_viewer.resources import VIEWS

    titles = {v.key: v.title for v in VIEWS}
    assert laterality_line(titles["posterior"]) == (
        "Right leg, seen from behind (superficial layer)"
    )
    assert laterality_line(titles["posterior_deep"]) == "Right leg, seen from behind (deep layer)"
    assert laterality_line(titles["medial"]) == "Right leg, seen from the inner side"
    assert laterality_line(titles["lateral"]) == "Right leg, seen from the outer side"
    assert laterality_line(titles["cross_section"]).startswith("Right leg, cross-section")
    assert all(laterality_line(t).startswith("Right leg, ") for t in titles.values())


def test_choosing_records_keeps_the_handouts_order_and_the_fields(atlas: Atlas) -> None:
    from hamstring_viewer.handout import ClientFields, choose, field_values

    h = handout_for(atlas.kb, "tp_semitendinosus")
    assert h is not None and len(h.techniques) > 2 and h.stretches
    assert choose(h) == h  # all by default
    picked = choose(h, [h.techniques[2].id, h.techniques[0].id], [])
    assert picked.techniques == (h.techniques[0], h.techniques[2])
    assert picked.stretches == ()
    assert h.fields == ClientFields()
    filled = replace(h, fields=ClientFields("Anna", "1 Dec", "Jo", "Gently"))
    assert field_values(filled.fields) == (
        ("Client", "Anna"),
        ("Date", "1 Dec"),
        ("Therapist", "Jo"),
        ("Note", "Gently"),
    )
    # whatever is chosen, the warning signs stay
    assert warnings(picked)


def test_warning_signs_reach_the_handouts_of_what_they_concern(atlas: Atlas) -> None:
    kb = atlas.kb
    # a calf trigger point: the clot warning (massage could loosen a clot)
    soleus = handout_for(kb, "tp_soleus")
    assert soleus is not None
    dvt = kb.lookalikes["warning_dvt"]
    assert dvt in soleus.lookalikes
    lines = warnings(soleus, limit=6)
    assert any(dvt.warning.text in line and line.startswith(dvt.ask) for line in lines)
    assert handout_html(kb, "tp_soleus")
    # the buttock's: the saddle-numbness emergency
    piriformis = handout_for(kb, "tp_piriformis")
    assert piriformis is not None
    assert kb.lookalikes["warning_cauda_equina"] in piriformis.lookalikes
    # a hamstring trigger point worked with a ball on the sitting bone: the tendon's warning
    semitendinosus = handout_for(kb, "tp_semitendinosus")
    assert semitendinosus is not None
    ids = [c.id for c in semitendinosus.lookalikes]
    assert "lookalike_proximal_hamstring_tendinopathy" in ids
    assert ids[0] == "lookalike_red_flags"
