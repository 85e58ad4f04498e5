"""German beside English: the content keeps both languages side by side, ``check`` reports a
missing translation, every interface text is translated, and the window switches language."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from hamstring_viewer import i18n, resources
from hamstring_viewer.catalog import check, load_atlas, load_knowledge_base
from hamstring_viewer.search import SearchIndex
from tests.conftest import copy_content

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402


@pytest.fixture(scope="module")
def kb_en():  # type: ignore[no-untyped-def]
    kb, problems = load_knowledge_base(resources.data_dir())
    assert problems == []
    return kb


# --- the content, in both languages --------------------------------------------------------


def test_a_record_reads_in_german_and_back(kb_en) -> None:  # type: ignore[no-untyped-def]
    de = kb_en.localized("de")
    st = de.structures["semitendinosus"]
    assert st.name.startswith("Halbsehniger Muskel")
    assert st.latin == kb_en.structures["semitendinosus"].latin  # Latin is Latin in both
    assert "Sitzbeinhöcker" in st.origin.text
    assert st.origin.sources == kb_en.structures["semitendinosus"].origin.sources
    roller_en = kb_en.techniques["technique_foam_roller"]
    roller_de = de.techniques["technique_foam_roller"]
    assert len(roller_de.steps) == len(roller_en.steps)
    assert roller_de.steps[0] != roller_en.steps[0] and "Sie" in roller_de.steps[0]
    term = de.glossary["term_hamstrings"]
    assert term.english.startswith("Kniebeuger")  # the term's name, in the reader's language
    back = de.localized("en")
    assert back.structures["semitendinosus"] == kb_en.structures["semitendinosus"]
    assert back.techniques == kb_en.techniques


def test_every_text_users_read_most_is_in_german() -> None:
    _, problems = check(resources.data_dir(), resources.plate_paths(), languages=True)
    assert [str(p) for p in problems] == []


def test_check_names_a_missing_german_text(tmp_path: Path) -> None:
    data, plates = copy_content(tmp_path)
    path = data / "structures" / "semitendinosus.toml"
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"(?m)^name_de = .*\n", "", text), "utf-8")
    _, problems = check(data, plates, languages=True)
    assert [(p.file, p.record, p.field) for p in problems] == [
        ("data/structures/semitendinosus.toml", "semitendinosus", "name_de")
    ]
    assert "no German text" in problems[0].message
    # the app still loads: the name is shown in English there
    atlas = load_atlas(data, plates)
    assert atlas.localized("de").kb.structures["semitendinosus"].name == "Semitendinosus"


def test_a_german_list_of_the_wrong_length_is_named(tmp_path: Path) -> None:
    data, plates = copy_content(tmp_path)
    path = data / "stretches.toml"
    text = path.read_text("utf-8")
    start = text.index("steps_de = [")
    end = text.index("\n]", start)
    path.write_text(text[:start] + 'steps_de = ["Nur ein Schritt."' + text[end:], "utf-8")
    _, problems = check(data, plates)
    assert len(problems) == 1
    assert problems[0].file == "data/stretches.toml"
    assert problems[0].field == "steps_de"
    assert "one for each item of steps" in problems[0].message


def test_an_unknown_language_key_is_reported(tmp_path: Path) -> None:
    data, plates = copy_content(tmp_path)
    path = data / "structures" / "femur.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("\nkind = ", '\nsvg_ids_de = ["femur"]\nkind = ', 1), "utf-8")
    _, problems = check(data, plates)
    assert [(p.record, p.field) for p in problems] == [("femur", "svg_ids_de")]


# --- search in both languages -------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kniebeuger", "hamstrings"),
        ("Oberschenkelknochen", "femur"),
        ("Halbsehniger", "semitendinosus"),
        ("Sitzbeinhöcker", "ischial_tuberosity"),
        ("Kniekehle", "term_popliteal_fossa"),
        ("semitendinosus", "semitendinosus"),
        ("sitting bone", "ischial_tuberosity"),
        ("hamstring", "hamstrings"),
        ("Halbsehnieger", "semitendinosus"),  # a German typo
        ("Kniebeugr", "hamstrings"),
        ("Oberschenkelrückseite", "hamstrings"),  # a lay word: the back of the thigh
        ("hinter dem Knie", "term_hollow_of_the_knee"),
        ("semitendonosus", "semitendinosus"),  # the typos and lay words of the issue
        ("bicep femoris", "biceps_femoris_long_head"),
        ("simimembranosus", "semimembranosus"),
        ("back of knee", "term_hollow_of_the_knee"),
    ],
)
def test_search_finds_german_and_english_words_in_either_language(
    kb_en,
    language: str,
    query: str,
    expected: str,  # type: ignore[no-untyped-def]
) -> None:
    index = SearchIndex(kb_en.localized(language))
    hits = index.search(query)
    assert hits, query
    top = [h.record_id for h in hits[:5]]
    assert expected in top, (query, top)


def test_search_shows_the_active_languages_names(kb_en) -> None:  # type: ignore[no-untyped-def]
    german = SearchIndex(kb_en.localized("de")).search("semitendinosus")[0]
    english = SearchIndex(kb_en).search("Halbsehniger")[0]
    assert german.name.startswith("Halbsehniger")
    assert english.name == "Semitendinosus"


# --- the interface translation -------------------------------------------------------------


def test_every_interface_text_has_a_german_translation(tmp_path: Path) -> None:
    """lupdate over the code today finds no text the shipped .ts does not translate."""
    fresh = tmp_path / "de.ts"
    shutil.copy(translations.ts_path("de"), fresh)
    translations.update("de", target=fresh)
    assert translations.missing("de", fresh) == []
    assert len(translations.messages(fresh)) > 200


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    qm = translations.release("de", target=tmp_path / "de.qm")
    assert qm.read_bytes() == resources.translation_file("de").read_bytes()


def test_the_core_speaks_german_without_qt() -> None:
    i18n.use_ts_file(resources.translation_file("de", ".ts"), "de")
    try:
        assert i18n.language() == "de"
        assert i18n.translate("Settings", "Settings") == "Einstellungen"
        assert i18n.translate("Nowhere", "Not a marked text") == "Not a marked text"
    finally:
        i18n.set_translator(None)
    assert i18n.translate("Settings", "Settings") == "Settings"


def test_the_system_language_is_followed(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    assert i18n.system_language() == "de"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.system_language() == "en"  # a language the app does not speak
    monkeypatch.delenv(i18n.LANGUAGE_ENV)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.chosen_language(None) == "de"
    assert i18n.chosen_language("en") == "en"  # the saved choice wins over the system


# --- the window -----------------------------------------------------------------------------


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    from hamstring_viewer._qt.translation import install_language

    install_language("en")


def _german_window(qtbot: QtBot, atlas, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window with every feature, switched to German through the Settings dialog."""
    from hamstring_viewer._qt.app import switch_language
    from hamstring_viewer._qt.settings_dialog import SettingsDialog
    from hamstring_viewer.userdata import UserData
    from tests.conftest import show_window

    win = show_window(
        qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"), features=True
    )
    win.state.select("semitendinosus")
    win.features["quiz"].show()  # type: ignore[attr-defined]
    dialog = SettingsDialog(win.settings, win)
    qtbot.addWidget(dialog)
    box = dialog.language_box
    assert [box.itemText(i) for i in range(1, box.count())] == ["English", "Deutsch"]
    box.setCurrentIndex(box.findData("de"))
    dialog.accept()
    assert dialog.language_changed()
    fresh = switch_language(win, dialog.chosen_language())
    qtbot.addWidget(fresh)
    qtbot.waitExposed(fresh)
    return fresh


def test_settings_switch_the_window_to_german_and_remember_it(
    qtbot: QtBot, atlas, tmp_path: Path, english_after: None, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from hamstring_viewer._qt.settings_dialog import start_language

    win = _german_window(qtbot, atlas, tmp_path)
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[0] == "&Datei" and "&Hilfe" in menus and "&Ansicht" in menus
    assert win.actions_by_name["settings"].text() == "&Einstellungen…"
    # the same muscle stays selected, now in German: its name, the Latin and the key facts
    assert win.state.selection == "semitendinosus"
    quiz = win.features["quiz"]
    assert quiz.isVisible() and quiz.windowTitle() == "Quiz"  # type: ignore[attr-defined]
    text = win.panel.browser.toPlainText()
    assert "Halbsehniger Muskel (Semitendinosus)" in text
    assert "Musculus semitendinosus" in text
    assert "Ursprung" in text and "Sitzbeinhöcker" in text
    assert "Innervation" in text
    # the choice is remembered: the next start speaks German (with no override from outside)
    monkeypatch.delenv(i18n.LANGUAGE_ENV)
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert start_language(again) == "de"


def test_a_german_handout_and_german_search(
    qtbot: QtBot, atlas, tmp_path: Path, english_after: None
) -> None:  # type: ignore[no-untyped-def]
    from hamstring_viewer.handout import PROFESSIONAL, SELF_MASSAGE, handout_html, section_title

    win = _german_window(qtbot, atlas, tmp_path)
    html = handout_html(win.atlas.kb, "tp_semitendinosus")
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Triggerpunkt im Semitendinosus" in plain
    assert "Ischämische Kompression" in plain  # the self-massage, in German
    for title, german in ((SELF_MASSAGE, "So massieren Sie sich selbst"), (PROFESSIONAL, "")):
        assert section_title(title) != title and section_title(title) in plain
        assert german in plain
    # the warning signs that stop self-treatment sit beside it, in German
    assert "Kribbeln" in plain and "Notaufnahme" in plain
    english = handout_html(win.atlas.kb.localized("en"), "tp_semitendinosus")
    assert english.count("<li>") == html.count("<li>")  # the same lines, none lost
    # search in the German window: a German word and an English one find the hamstrings
    from hamstring_viewer.search import SearchIndex

    index = SearchIndex(win.atlas.kb)
    assert index.search("Kniebeuger")[0].record_id == "hamstrings"
    assert index.search("hamstrings")[0].name.startswith("Ischiokrurale Muskulatur")
