"""The panel as a reader meets it: a muscle's page opens short, with its key facts first and
sections to open; the open sections are remembered; search and links land in the right
section; one quiet marker per claim."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from conftest import HAMSTRINGS, show_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from hamstring_viewer._qt.search_box import install
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.catalog import Atlas
from hamstring_viewer.describe import MUSCLE_SECTIONS, citation_titles, describe, welcome_html
from hamstring_viewer.userdata import UserData


@pytest.fixture
def window(qtbot: QtBot, atlas: Atlas, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"))
    win.resize(1280, 800)
    qtbot.wait(10)
    yield win
    win.close()


def _visible(window: MainWindow, text: str) -> bool:
    """Whether ``text`` is in the panel and on its screen without scrolling."""
    browser = window.panel.browser
    cursor = browser.document().find(text, 0)
    if cursor.isNull():
        return False
    start = QTextCursor(browser.document())
    start.setPosition(cursor.selectionStart())
    rect = browser.cursorRect(start)
    return browser.viewport().rect().contains(rect.center())


def _click_text(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Click on the (link) text in the panel, as a reader would."""
    browser = window.panel.browser
    cursor = browser.document().find(text, 0)
    assert not cursor.isNull(), text
    start = QTextCursor(browser.document())
    start.setPosition(cursor.selectionStart() + 1)
    rect = browser.cursorRect(start)
    if not browser.viewport().rect().contains(rect.center()):
        browser.ensureCursorVisible()
        browser.setTextCursor(start)
        browser.ensureCursorVisible()
        rect = browser.cursorRect(start)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("muscle_id", HAMSTRINGS)
def test_a_muscle_opens_with_its_key_facts_on_the_first_screen(
    window: MainWindow, atlas: Atlas, muscle_id: str
) -> None:
    window.state.select(muscle_id)
    muscle = atlas.kb.structures[muscle_id]
    assert muscle.origin is not None and muscle.insertion is not None
    assert muscle.innervation is not None and muscle.actions is not None
    facts = [
        muscle.name,
        muscle.latin,
        " ".join(muscle.origin.text.split()[:4]),
        " ".join(muscle.insertion.text.split()[:4]),
        "Innervation",
        "Hip:",
        "Knee:",
    ]
    if muscle.trigger_points:
        facts.append("pain felt at")
    for fact in facts:
        assert _visible(window, fact), fact
    # and the page is short: the card, the summary, a contents line and closed sections
    text = window.panel.text()
    assert len(text) < 0.15 * len(unescape(re.sub(r"<[^>]*>", "", describe(atlas.kb, muscle_id))))
    assert "Contents:" in text


def test_a_section_opens_from_its_heading_and_stays_open_after_a_restart(
    qtbot: QtBot, window: MainWindow, atlas: Atlas, tmp_path: Path
) -> None:
    window.state.select("semitendinosus")
    assert "Before you start" not in window.panel.text()
    _click_text(qtbot, window, "▸ Self-care")
    text = window.panel.text()
    # the self-care advice comes with the signs that stop it, first
    assert "Before you start" in text and "▾ Self-care" in text
    assert text.index("Before you start") < text.index("Foam roller")
    window.close()
    again = show_window(qtbot, atlas, tmp_path / "settings.ini", UserData.open(tmp_path / "user"))
    again.state.select("biceps_femoris_long_head")  # another muscle: the same sections open
    assert "Before you start" in again.panel.text()
    _click_text(qtbot, again, "▾ Self-care")
    assert "Before you start" not in again.panel.text()
    again.close()


def test_the_contents_line_opens_a_section_and_goes_to_it(qtbot: QtBot, window: MainWindow) -> None:
    window.state.select("semimembranosus")
    _click_text(qtbot, window, "Training")
    assert "▾ Training" in window.panel.text()
    assert _visible(window, "▾ Training")


def test_a_search_match_in_a_closed_section_is_opened_and_marked(
    qtbot: QtBot, window: MainWindow
) -> None:
    search = install(window.host)
    search.field.setText("sitting")
    qtbot.waitUntil(lambda: bool(search.hits()), timeout=3000)
    hit = next(h for h in search.hits() if h.record_id == "semimembranosus")
    search.choose(hit)  # as a click on that row of the results
    assert window.state.selection == "semimembranosus"
    assert "▾ Symptoms and causes" in window.panel.text()
    marks = [m.cursor.selectedText().lower() for m in window.panel.browser.extraSelections()]
    assert any("sitting" in m for m in marks)
    # opened for this page only: the next muscle opens short again
    window.state.select("semitendinosus")
    assert "▾ Symptoms and causes" not in window.panel.text()


def test_one_quiet_marker_per_claim_names_its_sources(atlas: Atlas) -> None:
    page = describe(atlas.kb, "semitendinosus")
    assert not re.search(r"</sup><sup>", page)  # never a cluster of markers
    marker = re.search(r'href="cite:([\d,]+)"', page)
    assert marker is not None
    numbers = [int(n) for n in marker.group(1).split(",")]
    titles = citation_titles(atlas.kb, "semitendinosus", numbers)
    assert len(titles) == len(numbers)
    assert all(re.match(r"\[\d+\] \S", t) for t in titles)


def test_the_sections_come_in_the_readers_order(atlas: Atlas) -> None:
    page = describe(atlas.kb, "biceps_femoris_long_head", ())
    positions = [page.find(f'<a name="{key}">') for key, _title in MUSCLE_SECTIONS]
    assert all(p > 0 for p in positions)
    assert positions == sorted(positions)


INTERNAL = re.compile(r"\b(seeds?|records?|fields?|ids?)\b|\bpages?\b", re.IGNORECASE)


def test_no_page_uses_internal_words(atlas: Atlas) -> None:
    """Nothing the reader sees says seed, record, field, id, or calls a source a page."""
    found = []
    pages = {"welcome": welcome_html(atlas.kb)}
    for table in atlas.kb.tables():
        for record_id in table:
            pages[record_id] = describe(atlas.kb, record_id)
    for record_id, html in pages.items():
        text = " ".join(unescape(re.sub(r"<[^>]*>", " ", html)).split())
        text = re.sub(r"https?://\S+", " ", text)  # a source's address is not prose
        for match in INTERNAL.finditer(text):
            found.append(f"{record_id}: …{text[max(0, match.start() - 50) : match.end() + 30]}…")
    assert not found, "\n".join(found[:20]) + f"\n({len(found)} in all)"


def test_a_click_on_a_marker_opens_the_sources(qtbot: QtBot, window: MainWindow) -> None:
    window.state.select("semitendinosus")
    browser = window.panel.browser
    document = browser.document()
    cursor = document.find("[1", 0)
    assert not cursor.isNull()
    start = QTextCursor(document)
    start.setPosition(cursor.selectionStart() + 1)
    rect = browser.cursorRect(start)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert "▾ Sources and corrections" in window.panel.text()


def test_every_abbreviation_in_every_page_is_explained(atlas: Atlas) -> None:
    """Each abbreviation is a quiet link whose explanation the panel shows when pointed at."""
    from hamstring_viewer.describe import abbreviation

    unexplained = []
    for table in atlas.kb.tables():
        for record_id in table:
            html = describe(atlas.kb, record_id)
            explained = set(re.findall(r'href="abbr:([^"]+)"', html))
            # (a name in a link to its own page is explained on that page, where it is prose)
            prose = re.sub(r'<a href="record:[^"]*">.*?</a>', " ", html)
            text = unescape(re.sub(r"<[^>]*>", " ", prose))
            text = re.sub(r"https?://\S+", " ", text)  # addresses are not prose
            for token in re.findall(r"\b(?:[A-Z]{2,}\d*|[CTLS]\d{1,2})\b", text):
                if token not in explained or not abbreviation(token):
                    unexplained.append(f"{record_id}: {token}")
    assert not unexplained, sorted(set(unexplained))[:20]


def test_pointing_at_an_abbreviation_explains_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QToolTip

    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_args: shown.append(text))
    window.state.select("semitendinosus")
    window.panel.browser.highlighted.emit(QUrl("abbr:L5"))  # the pointer is over "L5"
    assert shown and "fifth lumbar" in shown[-1]
    window.panel.browser.highlighted.emit(QUrl("cite:1,2"))  # over a source marker
    assert shown[-1].startswith("Sources:") and "[1]" in shown[-1]
