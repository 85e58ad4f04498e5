"""Handouts and view exports as a user meets them: File menu, dialogs, the files written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import HAMSTRINGS
from PySide6.QtCore import QRectF, QSize, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_viewer import click_plate, visible_point

from hamstring_viewer._qt.export import (
    PDF_DPI,
    HandoutDialog,
    HandoutExport,
    HandoutPreview,
    export_folder,
    handout_image,
    install,
    plate_crop,
    plate_target,
    png_size,
    suggested_path,
    write_figure_png,
    write_handout_pdf,
)
from hamstring_viewer._qt.plate_view import SELECT_COLOUR
from hamstring_viewer._qt.window import MainWindow
from hamstring_viewer.handout import ClientFields, Handout, choose, handout_for

#: where the handout renders are left to look at (skipped when the folder is absent)
SHOTS = Path(os.environ.get("HAMSTRING_SHOTS", "/work/tmp"))
HANDOUT_ACTIONS = ("export_handout_pdf", "export_preview_handout", "export_print_handout")
VIEW_ACTIONS = ("export_view_png", "export_view_svg", "export_figure")


@pytest.fixture
def window(fitted_window: MainWindow) -> MainWindow:
    return fitted_window


def take_all(
    handout: Handout, parent: QWidget | None, therapist: str, preview: object, pages: object
) -> Handout | None:
    """Stands in for the handout dialog: everything ticked, the fields left blank."""
    return handout


@pytest.fixture
def export(window: MainWindow) -> HandoutExport:
    feature = install(window.host)
    feature.ask_handout = take_all  # the dialogs are modal: tests answer them
    feature.ask_resolution = lambda parent: 0
    return feature


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers with a path, records what it was asked."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str, str]] = []

    def __call__(
        self, parent: QWidget | None, caption: str, directory: str, filter_: str
    ) -> tuple[str, str]:
        self.asked.append((caption, directory, filter_))
        return (str(self.answer), filter_) if self.answer is not None else ("", "")


def pdf_pages(path: Path) -> tuple[int, str]:
    """Page count and the text of every page of a PDF file."""
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(doc.getAllText(i).text() for i in range(doc.pageCount()))
    count = doc.pageCount()
    doc.close()
    return count, " ".join(text.split())


def render_pdf_page(path: Path, width: int = 1240) -> QImage:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    size = doc.pagePointSize(0)
    rendered = doc.render(0, QSize(width, round(width * size.height() / size.width())))
    doc.close()
    page = QImage(rendered.size(), QImage.Format.Format_RGB32)  # paper: white under the page
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


def file_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == "File":
            return menu
    raise AssertionError("no File menu")


def close(a: QColor, b: QColor, tolerance: int = 60) -> bool:
    return (
        abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance
    )


def scene_state(window: MainWindow) -> list[tuple[int, float]]:
    """What the plate shows: its visible items and their stacking (a referral zone's item may
    be built, hidden, the first time an export draws it)."""
    return [(id(i), i.zValue()) for i in window.view.scene().items() if i.isVisible()]


# --------------------------------------------------------------------------------------------
# menu and actions


def test_file_menu_has_the_exports_before_quit_with_their_shortcuts(
    window: MainWindow, export: HandoutExport
) -> None:
    entries = [a.text().replace("&", "") for a in file_menu(window).actions() if a.text()]
    assert entries == [
        "Export handout as PDF…",
        "Handout print preview…",
        "Print handout…",
        "Put my note on handouts",
        "Export view as PNG…",
        "Export view as SVG…",
        "Export self-care figure…",
        "Settings…",
        "Quit",
    ]
    actions = window.actions_by_name
    assert all(name in actions for name in (*HANDOUT_ACTIONS, *VIEW_ACTIONS))
    assert actions["export_handout_pdf"].shortcut() == QKeySequence("Ctrl+E")
    assert actions["export_print_handout"].shortcut() == QKeySequence(
        QKeySequence.StandardKey.Print
    )
    assert all(actions[name].statusTip() for name in (*HANDOUT_ACTIONS, *VIEW_ACTIONS))


def test_handout_actions_need_a_structure_or_trigger_point_selected(
    qtbot: QtBot, window: MainWindow, export: HandoutExport
) -> None:
    actions = window.actions_by_name
    assert window.state.selection is None
    assert not any(actions[name].isEnabled() for name in HANDOUT_ACTIONS)
    assert all(actions[name].isEnabled() for name in VIEW_ACTIONS)
    # with nothing selected, the action does nothing, not even ask for a file
    dialog = SaveDialog(Path("never.pdf"))
    export.get_save_file_name = dialog
    assert export.export_handout_pdf() is None
    assert not dialog.asked

    x, y = visible_point(window, "tp_semitendinosus")
    with qtbot.waitSignal(window.state.selectionChanged, timeout=2000):
        click_plate(qtbot, window, x, y)
    assert window.state.selection == "tp_semitendinosus"
    assert all(actions[name].isEnabled() for name in HANDOUT_ACTIONS)

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.state.selection is None
    assert not any(actions[name].isEnabled() for name in HANDOUT_ACTIONS)

    # a referral zone is selectable (from the panel) but has no handout
    window.state.select("zone_medial_hamstrings_essential")
    assert not any(actions[name].isEnabled() for name in HANDOUT_ACTIONS)


# --------------------------------------------------------------------------------------------
# the handout PDF


def test_export_a_handout_for_semitendinosus_as_a_pdf(
    qtbot: QtBot, window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    x, y = visible_point(window, "semitendinosus")
    with qtbot.waitSignal(window.state.selectionChanged, timeout=2000):
        click_plate(qtbot, window, x, y)
    dialog = SaveDialog(tmp_path / "out" / "client")  # no suffix: .pdf is added
    (tmp_path / "out").mkdir()
    export.get_save_file_name = dialog
    before = scene_state(window)

    window.actions_by_name["export_handout_pdf"].trigger()

    caption, suggested, filter_ = dialog.asked[0]
    assert caption == "Export handout as PDF"
    assert suggested.endswith("Semitendinosus handout.pdf")
    assert "*.pdf" in filter_
    path = tmp_path / "out" / "client.pdf"
    assert path.is_file()
    pages, text = pdf_pages(path)
    assert pages >= 2  # all seven self-massage techniques and three stretches, with figures
    assert "Semitendinosus" in text
    assert "Musculus semitendinosus" in text
    for heading in ("Where it hurts", "How to self-massage", "How to stretch"):
        assert heading in text
    assert "See a doctor or physiotherapist" in text
    assert "Saved" in window.statusBar().currentMessage()
    # the plate on screen is as it was: same items, same visibility
    assert scene_state(window) == before
    # the next dialog opens in the folder chosen last time
    export.export_handout_pdf()
    assert Path(dialog.asked[1][1]).parent == tmp_path / "out"


def test_the_handout_page_shows_the_plate_with_highlight_zones_and_text(
    window: MainWindow, tmp_path: Path
) -> None:
    handout = handout_for(window.atlas.kb, "semitendinosus")
    assert handout is not None
    path = tmp_path / "semitendinosus.pdf"
    handout = choose(handout, ["technique_lacrosse_ball"], [])
    result = write_handout_pdf(window.view, handout, path)
    assert result is not None and result.fits and result.pages == 1
    page = render_pdf_page(path)
    if SHOTS.is_dir():
        page.save(str(SHOTS / "handout_page1.png"))
        shutil.copy(path, SHOTS / "handout_semitendinosus.pdf")
    width, height = page.width(), page.height()
    dots_per_mm = width / 210
    # left column: the plate with the muscle, the amber highlight and the purple zone
    plate = [
        page.pixelColor(x, y)
        for x in range(0, int(width * 0.4), 3)
        for y in range(int(height * 0.1), int(height * 0.85), 3)
    ]
    amber = QColor(SELECT_COLOUR)
    purple = QColor("#8e24aa")
    assert sum(close(c, amber, 90) for c in plate) > 50
    assert sum(close(c, purple, 120) for c in plate) > 200
    assert sum(c.red() > 150 and c.green() < 120 and c.blue() < 110 for c in plate) > 500
    # right column: dark text near the top and half-way down
    for y_frac in (0.15, 0.5):
        band = [
            page.pixelColor(x, int(height * y_frac) + dy)
            for x in range(int(width * 0.4), width - 80, 2)
            for dy in range(0, int(dots_per_mm * 8), 2)
        ]
        assert any(c.lightness() < 80 for c in band)
    # the 12 mm margins stay blank: nothing runs off the page
    inset = int(dots_per_mm * 10)
    edges = [page.pixelColor(x, y) for x in range(0, width, 5) for y in (inset, height - inset)]
    edges += [page.pixelColor(x, y) for y in range(0, height, 5) for x in (inset, width - inset)]
    assert all(c.lightness() > 245 for c in edges)


@pytest.mark.parametrize("record_id", [*HAMSTRINGS, "tp_semitendinosus", "hamstrings", "femur"])
def test_every_handout_fits_its_pages(window: MainWindow, tmp_path: Path, record_id: str) -> None:
    handout = handout_for(window.atlas.kb, record_id)
    assert handout is not None
    path = tmp_path / f"{record_id}.pdf"
    result = write_handout_pdf(window.view, handout, path)
    assert result is not None and result.fits
    pages, text = pdf_pages(path)
    assert pages == result.pages
    assert handout.title.split(" (")[0] in text
    assert "Right leg, seen from behind" in text
    # one technique and one stretch fit two pages at most, with their figures
    short = choose(
        handout,
        [t.id for t in handout.techniques[:1]],
        [handout.stretches[0].id] if handout.stretches else [],
    )
    result = write_handout_pdf(window.view, short, path)
    assert result is not None and result.fits and result.pages <= 2


def test_all_trigger_point_handouts_fit_and_draw_their_ring(
    window: MainWindow, tmp_path: Path
) -> None:
    kb = window.atlas.kb
    for tp_id in kb.trigger_points:
        handout = handout_for(kb, tp_id)
        assert handout is not None
        result = write_handout_pdf(window.view, handout, tmp_path / f"{tp_id}.pdf")
        assert result is not None and result.fits, tp_id
    # the ringed ✕ shows in amber on the preview image, where the crop puts it
    handout = handout_for(kb, "tp_biceps_femoris_short_head")
    assert handout is not None
    image = handout_image(window.view, handout, dpi=100)
    if SHOTS.is_dir():
        image.save(str(SHOTS / "handout_tp_preview.png"))
    region = window.atlas.plate.region("tp_biceps_femoris_short_head")
    crop = plate_crop(window.view, handout)
    assert crop.contains(region.bbox[0], region.bbox[1])
    amber = QColor(SELECT_COLOUR)
    assert any(
        close(image.pixelColor(x, y), amber, 90)
        for x in range(0, image.width() // 2, 2)
        for y in range(image.height() // 3, image.height() * 3 // 4, 2)
    )


def test_a_structure_below_the_knee_widens_the_crop(window: MainWindow) -> None:
    kb = window.atlas.kb
    tendon = handout_for(kb, "calcaneal_tendon")
    muscle = handout_for(kb, "semitendinosus")
    assert tendon is not None and muscle is not None
    bottom = window.atlas.plate.region("calcaneal_tendon").bbox[3]
    assert plate_crop(window.view, tendon).bottom() >= bottom
    assert plate_crop(window.view, muscle).bottom() < bottom
    # either way the plate keeps its proportions inside the column
    box = QRectF(0, 0, 600, 2000)
    target = plate_target(window.view, tendon, box)
    crop = plate_crop(window.view, tendon)
    assert target.width() / target.height() == pytest.approx(crop.width() / crop.height())
    assert box.contains(target)


def test_a_file_that_cannot_be_written_is_reported_not_raised(
    qtbot: QtBot, window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.state.select("semimembranosus")
    export.get_save_file_name = SaveDialog(tmp_path / "missing folder" / "handout.pdf")
    assert export.export_handout_pdf() is None
    assert "Could not write" in window.statusBar().currentMessage()


def test_cancelling_the_file_dialog_writes_nothing(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.state.select("semimembranosus")
    export.get_save_file_name = SaveDialog(None)
    assert export.export_handout_pdf() is None
    assert export.export_view_png() is None
    assert export.export_view_svg() is None
    assert list(tmp_path.glob("*.pdf")) == []


# --------------------------------------------------------------------------------------------
# printing


def test_print_the_handout_through_the_print_dialog(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.state.select("tp_semimembranosus_lower")
    target = tmp_path / "printed.pdf"
    seen: list[QPrinter] = []

    def accept(printer: QPrinter, parent: QWidget | None) -> bool:
        assert parent is window
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        seen.append(printer)
        return True

    export.print_dialog = accept
    window.actions_by_name["export_print_handout"].trigger()
    assert seen and seen[0].docName() == "Semimembranosus trigger point (lower) handout"
    pages, text = pdf_pages(target)
    assert pages >= 1
    assert "Semimembranosus trigger point (lower)" in text
    assert "Where to find it" in text


def test_cancelling_the_print_dialog_prints_nothing(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.state.select("semitendinosus")

    def cancel(printer: QPrinter, parent: QWidget | None) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "never.pdf"))
        return False

    export.print_dialog = cancel
    assert export.print_handout() is False
    assert not (tmp_path / "never.pdf").exists()


# --------------------------------------------------------------------------------------------
# the plate view as PNG and SVG


def test_export_the_view_as_png_at_its_size_and_zoom(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.view.zoom_by(2.0)
    window.state.select("biceps_femoris_long_head")
    export.get_save_file_name = SaveDialog(tmp_path / "plate.png")
    window.actions_by_name["export_view_png"].trigger()
    image = QImage(str(tmp_path / "plate.png"))
    assert not image.isNull()
    viewport = window.view.viewport()
    dpr = viewport.devicePixelRatioF()
    assert (image.width(), image.height()) == (
        round(viewport.width() * dpr),
        round(viewport.height() * dpr),
    )
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 11) for y in range(0, image.height(), 11)
    }
    assert len(colours) > 50
    # the selection highlight is in the picture, as on screen
    amber = QColor(SELECT_COLOUR)
    assert any(close(QColor(c), amber, 60) for c in colours)


def test_export_the_view_as_svg_with_vector_paths(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.state.select("tp_semitendinosus")
    export.get_save_file_name = SaveDialog(tmp_path / "plate.svg")
    before = [i.cacheMode() for i in window.view.scene().items()]
    window.actions_by_name["export_view_svg"].trigger()
    root = ET.parse(tmp_path / "plate.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    size = window.view.viewport().size()
    assert root.get("viewBox") == f"0 0 {size.width()} {size.height()}"
    paths = root.findall(".//{http://www.w3.org/2000/svg}path")
    assert len(paths) > 100  # the art as vectors, not one picture
    assert root.findtext("{http://www.w3.org/2000/svg}title") == "Hamstring Viewer plate"
    assert [i.cacheMode() for i in window.view.scene().items()] == before
    assert QGraphicsItem.CacheMode.DeviceCoordinateCache in before


def test_a_therapist_puts_their_note_on_the_handout(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.state.select("semitendinosus")
    note = "Three sets of the bridge daily.\nCall me if the knee swells."
    window.userdata.set_note("semitendinosus", note)
    handout = export.handout()
    assert handout is not None and handout.note == ""  # not asked for: the note stays private
    window.actions_by_name["export_handout_note"].trigger()  # File ▸ Put my note on handouts
    handout = export.handout()
    assert handout is not None and handout.note == note
    path = tmp_path / "handout.pdf"
    result = write_handout_pdf(window.view, handout, path)
    assert result is not None and result.fits
    pages, text = pdf_pages(path)
    assert pages == result.pages
    flat = " ".join(text.split())
    assert "From your therapist" in flat and "Call me if the knee swells." in flat


# --------------------------------------------------------------------------------------------
# the handout a therapist gives: figures, laterality, client fields, choice, two pages

CLIENT = ClientFields(
    "Anna Berg", "30 November 2026", "J. Okafor", "Twice a day.\nCall me if the knee swells."
)


def pdftotext(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def pdf_images(path: Path) -> list[tuple[int, int, int, int]]:
    """(page, width, height, x-ppi) of every image in the PDF (``pdfimages -list``)."""
    result = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    )
    rows = []
    for line in result.stdout.splitlines()[2:]:
        cols = line.split()
        rows.append((int(cols[0]), int(cols[3]), int(cols[4]), int(cols[12])))
    return rows


def muscle_pixels(image: QImage) -> int:
    """Pixels in the figures' muscle colours (#a2463c, #d9806f)."""
    targets = (QColor("#a2463c"), QColor("#d9806f"))
    return sum(
        any(close(image.pixelColor(x, y), c, 45) for c in targets)
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_the_handout_shows_each_chosen_record_with_its_figure_laterality_and_client_fields(
    window: MainWindow, tmp_path: Path
) -> None:
    kb = window.atlas.kb
    handout = handout_for(kb, "tp_semitendinosus")
    assert handout is not None
    handout = replace(choose(handout, ["technique_lacrosse_ball"], []), fields=CLIENT)
    path = tmp_path / "tp.pdf"
    result = write_handout_pdf(window.view, handout, path)
    assert result is not None and result.fits and result.pages == 1
    text = " ".join(pdftotext(path).split())
    assert "Right leg, seen from behind" in text  # laterality, from the view's title
    for label, value in (
        ("Client:", "Anna Berg"),
        ("Date:", "30 November 2026"),
        ("Therapist:", "J. Okafor"),
        ("Note:", "Call me if the knee swells."),
    ):
        assert label in text and value in text
    assert "Lacrosse ball" in text
    assert "When to stop and see a professional" in text  # the warning signs, always
    assert "CC BY-SA 2.1 Japan" in text
    # the record's start and end figures are pictures on the page, at print resolution
    images = pdf_images(path)
    assert len(images) == 2 and all(page == 1 for page, *_ in images)
    assert all(abs(ppi - PDF_DPI) <= 2 for *_, ppi in images)
    expected_h = round((result.figure_mm) / 25.4 * PDF_DPI)
    assert all(abs(h - expected_h) <= 3 for _p, _w, h, _ppi in images)
    subprocess.run(["pdfimages", "-png", str(path), str(tmp_path / "fig")], check=True)
    extracted = sorted(tmp_path.glob("fig-*.png"))
    assert len(extracted) == 2
    assert all(muscle_pixels(QImage(str(p))) > 30 for p in extracted), [
        muscle_pixels(QImage(str(p))) for p in extracted
    ]
    # on the rendered page, the figures sit in the text column, right of the plate
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "page")], check=True)
    page = QImage(str(next(tmp_path.glob("page-*.png"))))
    right = page.copy(int(page.width() * 0.4), 0, int(page.width() * 0.6), page.height())
    assert muscle_pixels(right) > 100


def test_blank_client_fields_print_as_lines_to_write_on(window: MainWindow, tmp_path: Path) -> None:
    handout = handout_for(window.atlas.kb, "tp_semitendinosus")
    assert handout is not None
    path = tmp_path / "blank.pdf"
    write_handout_pdf(window.view, choose(handout, ["technique_lacrosse_ball"], []), path)
    text = " ".join(pdftotext(path).split())
    assert "Client: Date: Therapist:" in text
    assert "Note:" in text and "Anna" not in text
    page = render_pdf_page(path)
    # the write-on lines: long grey rules across the fields' band below the title
    rows = [
        sum(1 for x in range(0, page.width(), 2) if 120 < page.pixelColor(x, y).lightness() < 220)
        for y in range(int(page.height() * 0.06), int(page.height() * 0.16))
    ]
    assert sum(r > page.width() * 0.3 for r in rows) >= 2


def test_unticking_a_technique_removes_it_from_the_handout(
    window: MainWindow, tmp_path: Path
) -> None:
    handout = handout_for(window.atlas.kb, "tp_semitendinosus")
    assert handout is not None
    counted: list[int] = []

    def pages(h: Handout) -> int:
        counted.append(len(h.techniques) + len(h.stretches))
        return 1 if counted[-1] <= 1 else 2

    dialog = HandoutDialog(handout, window, therapist="J. Okafor", pages=pages)
    assert "2 A4 pages" in dialog.pages_label.text()
    # the words a therapist reads in the dialog are theirs, not the program's
    shown = " ".join(
        [w.text() for w in dialog.findChildren(QWidget) if isinstance(w, QLabel | QCheckBox)]
        + [w.text() for w in dialog.findChildren(QPushButton)]
        + [w.title() for w in dialog.findChildren(QGroupBox)]
        + [dialog.windowTitle()]
    )
    assert not re.search(r"\b(seeds?|records?|fields?|ids?)\b", shown, re.IGNORECASE), shown
    assert set(dialog.boxes) == {r.id for r in (*handout.techniques, *handout.stretches)}
    assert all(box.isChecked() for box in dialog.boxes.values())  # all by default
    assert dialog.therapist.text() == "J. Okafor" and dialog.date.text()
    for record_id, box in dialog.boxes.items():
        box.setChecked(record_id in ("technique_foam_roller", "stretch_standing_supported"))
    dialog.boxes["technique_foam_roller"].setChecked(False)
    dialog.client.setText("Anna Berg")
    chosen = dialog.chosen_handout()
    assert dialog.pages_label.text() == "The handout fits one A4 page."  # updated as ticked
    assert [t.id for t in chosen.techniques] == []
    assert [s.id for s in chosen.stretches] == ["stretch_standing_supported"]
    assert chosen.fields.client == "Anna Berg"
    path = tmp_path / "chosen.pdf"
    result = write_handout_pdf(window.view, chosen, path)
    assert result is not None and result.fits
    text = " ".join(pdftotext(path).split())
    assert "Foam roller" not in text and "How to self-massage" not in text
    assert "Standing hamstring stretch" in text
    dialog.close()


def test_a_long_selection_flows_onto_a_second_page_with_its_figures(
    window: MainWindow, tmp_path: Path
) -> None:
    handout = handout_for(window.atlas.kb, "tp_semitendinosus")
    assert handout is not None
    short = choose(handout, ["technique_lacrosse_ball"], [])
    long = choose(
        handout,
        ["technique_lacrosse_ball", "technique_foam_roller"],
        ["stretch_standing_supported"],
    )
    one = write_handout_pdf(window.view, short, tmp_path / "one.pdf")
    two = write_handout_pdf(window.view, long, tmp_path / "two.pdf")
    assert one is not None and one.pages == 1
    assert two is not None and two.pages == 2 and two.fits
    assert pdf_pages(tmp_path / "two.pdf")[0] == 2
    text = pdftotext(tmp_path / "two.pdf")
    first, second = text.split("\f")[:2]
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    for name in ("Lacrosse ball", "Foam roller", "Standing hamstring stretch"):
        assert name in text  # nothing the therapist chose is dropped
    # every record keeps its figures: start and end of each
    images = pdf_images(tmp_path / "two.pdf")
    assert len(images) == 6
    # the warning signs are on the page with the self-care that ends the handout
    assert "When to stop and see a professional" in second
    if "How to" in first:  # self-care starts on page 1: it points to the warning signs
        assert "Before you start, read" in first and "on the next" in first
    for index, page in enumerate(
        (handout_image(window.view, long, dpi=60), handout_image(window.view, long, 60, page=2))
    ):
        if SHOTS.is_dir():
            page.save(str(SHOTS / f"handout_two_pages_p{index + 1}.png"))


def test_the_print_preview_shows_the_handouts_pages(window: MainWindow, qtbot: QtBot) -> None:
    handout = handout_for(window.atlas.kb, "tp_semitendinosus")
    assert handout is not None
    long = choose(
        handout,
        ["technique_lacrosse_ball", "technique_foam_roller"],
        ["stretch_standing_supported"],
    )
    preview = HandoutPreview(window.view, long)
    qtbot.addWidget(preview)
    preview.updatePreview()
    assert preview.result is not None and preview.pageCount() == preview.result.pages == 2
    short = HandoutPreview(window.view, choose(handout, ["technique_lacrosse_ball"], []))
    qtbot.addWidget(short)
    short.updatePreview()
    assert short.pageCount() == 1


def test_the_handout_actions_ask_what_goes_on_it(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.state.select("tp_semitendinosus")
    asked: list[Handout] = []

    def choose_one(
        handout: Handout,
        parent: QWidget | None,
        therapist: str,
        preview: object,
        pages: Callable[[Handout], int],
    ) -> Handout | None:
        asked.append(handout)
        assert parent is window and callable(preview)
        assert pages(handout) >= 3  # all seven techniques and three stretches
        assert pages(choose(handout, ["technique_lacrosse_ball"], [])) == 1
        return replace(choose(handout, ["technique_lacrosse_ball"], []), fields=CLIENT)

    export.ask_handout = choose_one
    export.get_save_file_name = SaveDialog(tmp_path / "chosen.pdf")
    assert export.export_handout_pdf() == tmp_path / "chosen.pdf"
    text = pdftotext(tmp_path / "chosen.pdf")
    assert "Anna Berg" in text and "Foam roller" not in text
    # the therapist's name is remembered for the next handout
    assert window.host.settings.value("export/therapist") == "J. Okafor"
    previews: list[Handout] = []
    export.show_preview = lambda view, handout, parent: previews.append(handout) or True
    assert export.preview_handout() is True
    assert [t.id for t in previews[0].techniques] == ["technique_lacrosse_ball"]
    # cancelling the dialog writes nothing
    export.ask_handout = lambda handout, parent, therapist, preview, pages: None
    export.get_save_file_name = SaveDialog(tmp_path / "never.pdf")
    assert export.export_handout_pdf() is None
    assert not (tmp_path / "never.pdf").exists()


# --------------------------------------------------------------------------------------------
# exports at a chosen resolution, figures, where files go


def test_the_view_as_png_at_300_dpi_is_fitted_to_a4(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    export.ask_resolution = lambda parent: 300
    export.get_save_file_name = SaveDialog(tmp_path / "plate300.png")
    window.state.select("semitendinosus")
    assert export.export_view_png() == tmp_path / "plate300.png"
    image = QImage(str(tmp_path / "plate300.png"))
    viewport = window.view.viewport()
    a4_w, a4_h = round(186 / 25.4 * 300), round(273 / 25.4 * 300)  # 12 mm margins
    scale = min(a4_w / viewport.width(), a4_h / viewport.height())
    assert (image.width(), image.height()) == (
        round(viewport.width() * scale),
        round(viewport.height() * scale),
    )
    assert image.width() == a4_w or image.height() == a4_h  # one side fills the page
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    assert image.text("Copyright") and "CC BY-SA 2.1 Japan" in image.text("Copyright")
    amber = QColor(SELECT_COLOUR)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 13)
    }
    assert any(close(QColor(c), amber, 60) for c in colours)
    # and at 150 dpi, half the size
    export.ask_resolution = lambda parent: 150
    export.get_save_file_name = SaveDialog(tmp_path / "plate150.png")
    export.export_view_png()
    half = QImage(str(tmp_path / "plate150.png"))
    assert abs(half.width() - image.width() / 2) <= 1
    # cancelling the resolution question writes nothing
    export.ask_resolution = lambda parent: None
    export.get_save_file_name = SaveDialog(tmp_path / "never.png")
    assert export.export_view_png() is None
    assert not (tmp_path / "never.png").exists()
    assert png_size(QSizeF(100, 100), 600) == png_size(QSizeF(100, 100), 300)  # capped


def test_the_view_as_svg_has_the_labels_of_the_screen(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    export.get_save_file_name = SaveDialog(tmp_path / "plate.svg")
    window.actions_by_name["export_view_svg"].trigger()
    root = ET.parse(tmp_path / "plate.svg").getroot()
    texts = {
        " ".join((t.text or "").split()) for t in root.iter("{http://www.w3.org/2000/svg}text")
    }
    for label in ("Semitendinosus", "Gracilis", "Gastrocnemius"):
        assert label in texts
    assert any("CC BY-SA 2.1 Japan" in t for t in texts)
    desc = root.findtext("{http://www.w3.org/2000/svg}desc") or ""
    assert "CC BY-SA 2.1 Japan" in desc


def test_a_self_care_figure_exports_as_png_and_svg(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    window.state.select("tp_semitendinosus")
    offered: list[tuple[list[tuple[str, str]], str]] = []

    def pick(parent: QWidget | None, records: list[tuple[str, str]], first: str) -> str:
        offered.append((records, first))
        return "technique_foam_roller"

    export.ask_figure = pick
    export.ask_resolution = lambda _parent: 300  # the resolution asked for
    export.get_save_file_name = SaveDialog(tmp_path / "roller.png")
    assert export.export_figure() == tmp_path / "roller.png"
    records, first = offered[0]
    kb = window.atlas.kb
    assert {rid for rid, _ in records} == {*kb.techniques, *kb.stretches, *kb.exercises}
    assert first == "technique_ischemic_compression"  # the selection's first technique
    image = QImage(str(tmp_path / "roller.png"))
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    assert muscle_pixels(image.scaled(image.width() // 3, image.height() // 3)) > 50
    export.ask_resolution = lambda _parent: 150
    export.get_save_file_name = SaveDialog(tmp_path / "roller150.png")
    assert export.export_figure() == tmp_path / "roller150.png"
    smaller = QImage(str(tmp_path / "roller150.png"))
    assert round(smaller.dotsPerMeterX() * 0.0254) == 150
    assert abs(smaller.width() * 2 - image.width()) <= 2  # the same figure, half the pixels
    export.get_save_file_name = SaveDialog(tmp_path / "roller.svg")
    assert export.export_figure() == tmp_path / "roller.svg"
    root = ET.parse(tmp_path / "roller.svg").getroot()
    texts = " ".join((t.text or "") for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Foam roller" in texts and "Near the sitting bone" in texts
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 20  # vectors
    assert write_figure_png("None", "no_such_record", tmp_path / "none.png") is False


def test_save_dialogs_start_in_the_documents_folder(
    window: MainWindow, export: HandoutExport, tmp_path: Path
) -> None:
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    assert export_folder("") == documents
    assert export_folder(str(tmp_path / "gone")) == documents  # a folder since removed
    assert export_folder(str(tmp_path)) == tmp_path  # the one chosen last time
    assert suggested_path("", 'Semi/tendinosus: "x"', ".pdf").parent == documents
    assert suggested_path("", 'Semi/tendinosus: "x"', ".pdf").name == "Semi-tendinosus- -x-.pdf"
    # a fresh window's first save dialog opens there
    window.host.settings.remove("export/folder")
    dialog = SaveDialog(None)
    export.get_save_file_name = dialog
    export.export_view_svg()
    assert Path(dialog.asked[0][1]).parent == documents
