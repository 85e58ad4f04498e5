"""``check`` validates the figures file (data/figures.toml) like every other content file."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamstring_viewer import resources
from hamstring_viewer.catalog import check, check_figures, load_knowledge_base


def run_check(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_viewer", "check", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(resources.data_dir(), folder)
    return folder


def test_the_shipped_figures_pass_the_check() -> None:
    _atlas, problems = check(resources.data_dir(), resources.plate_paths(), figures=True)
    assert [str(p) for p in problems] == []
    result = run_check(resources.data_dir())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")


def test_a_knee_bent_backwards_is_refused_naming_file_record_and_field(data: Path) -> None:
    figures = data / "figures.toml"
    text = figures.read_text(encoding="utf-8")
    # the first pose with a knee angle in the file: which record is it in?
    match = re.search(r"(?m)^pose = \{[^\n]*\bknee = (\d+)", text)
    assert match is not None
    record = re.findall(r"(?m)^\[figure\.(\w+)\]", text[: match.start()])[-1]
    figures.write_text(text[: match.start(1)] + "-40" + text[match.end(1) :], encoding="utf-8")
    result = run_check(data)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "-40" in line]
    assert lines, result.stderr
    line = lines[0]
    assert line.startswith("content/figures.toml:")  # the file (and its line)
    assert f"record '{record}'" in line  # the record
    assert "pose.knee'" in line  # the field
    assert "outside the human range" in line
    assert "check failed" in result.stderr
    # the library says the same, and the app's loading does not pay for it
    kb, _ = load_knowledge_base(data)
    problems = check_figures(kb, data)
    assert [(p.record, p.field.rsplit(".", 1)[-1]) for p in problems] == [(record, "knee")]
    _atlas, without = check(data, resources.plate_paths())
    assert without == []


def test_every_exercise_stretch_and_technique_without_a_figure_is_reported(data: Path) -> None:
    figures = data / "figures.toml"
    text = figures.read_text(encoding="utf-8")
    kb, _ = load_knowledge_base(data)
    gone = [next(iter(kb.stretches)), next(iter(kb.techniques))]
    for rid in gone:  # rename the figure's tables so the record has none
        text = re.sub(rf"\bfigure\.{rid}\b", f"figure.{rid}_old", text)
    figures.write_text(text, encoding="utf-8")
    result = run_check(data)
    assert result.returncode == 1
    for rid in gone:
        assert (
            f"content/figures.toml: record '{rid}': field 'figure': no figure for this record"
            in result.stderr
        )
        assert f"record '{rid}_old': field 'id': figure for an unknown record" in result.stderr


def test_a_missing_or_broken_figures_file_is_a_message(data: Path) -> None:
    figures = data / "figures.toml"
    figures.write_text("[figure\n", encoding="utf-8")
    result = run_check(data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/figures.toml: not valid TOML" in result.stderr
    figures.unlink()
    result = run_check(data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/figures.toml: figures file not found" in result.stderr


def test_a_missing_stretches_file_is_one_problem_not_a_cascade_of_unknown_figures(
    data: Path,
) -> None:
    (data / "stretches.toml").unlink()
    result = run_check(data)
    assert result.returncode == 1
    assert "stretches.toml" in result.stderr
    assert "figure for an unknown record" not in result.stderr
