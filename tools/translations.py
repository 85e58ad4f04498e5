"""Keep the interface translations up to date: collect the marked texts, compile them.

    python tools/translations.py            # update the .ts files from the code, then compile
    python tools/translations.py update     # lupdate: add new texts to assets/i18n/*.ts
    python tools/translations.py release    # lrelease: compile each .ts into the .qm shipped
    python tools/translations.py missing    # list the texts that have no translation yet
    python tools/translations.py merge F.json ...  # fill translations from JSON lists of
                                            # {"context", "source", "translation"}

Qt's own tools do the work (``pyside6-lupdate`` and ``pyside6-lrelease`` come with PySide6);
the ``.ts`` files are the translators' sources (open them in Qt Linguist: ``pyside6-linguist``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "assets" / "i18n"
LANGUAGES = ("de",)


def _tool(name: str) -> str:
    import PySide6

    return str(Path(PySide6.__file__).resolve().parent / name)


def ts_path(language: str) -> Path:
    return FOLDER / f"hamstring_viewer_{language}.ts"


def sources() -> list[str]:
    """The modules lupdate reads (relative to the repository, so the .ts stays the same on
    every machine)."""
    files = sorted((ROOT / "hamstring_viewer").rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files if "__pycache__" not in f.parts]


def update(language: str, target: Path | None = None) -> None:
    """Add the marked texts of the code to the .ts file (and mark the ones gone as vanished:
    ``-no-obsolete`` drops them)."""
    ts = target or ts_path(language)
    if target is not None and not target.exists() and ts_path(language).exists():
        target.write_bytes(ts_path(language).read_bytes())
    subprocess.run(
        [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-target-language", language, *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )  # fmt: skip
    # lupdate takes the code's "#:" comments for notes to the translator: they document the
    # code, not the text, so they are left out (the file stays about the texts alone)
    text = ts.read_text("utf-8")
    kept = [line for line in text.splitlines(keepends=True) if "<extracomment>" not in line]
    ts.write_text("".join(kept), "utf-8")


def release(language: str, target: Path | None = None) -> Path:
    qm = target or ts_path(language).with_suffix(".qm")
    subprocess.run(
        [_tool("lrelease"), "-silent", "-nounfinished", str(ts_path(language)), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
    )
    return qm


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def missing(language: str, ts: Path | None = None) -> list[tuple[str, str]]:
    """(context, text) of each text without a finished translation."""
    out = []
    for context, source, message in messages(ts or ts_path(language)):
        element = message.find("translation")
        if element is None or element.get("type") == "unfinished" or not (element.text or ""):
            if element is not None and element.get("type") in {"vanished", "obsolete"}:
                continue
            out.append((context, source))
    return out


def merge(language: str, files: list[Path]) -> int:
    """Fill unfinished translations from JSON lists; returns how many were filled."""
    table: dict[tuple[str, str], str] = {}
    for f in files:
        for item in json.loads(f.read_text("utf-8")):
            table[(item["context"], item["source"])] = item["translation"]
    ts = ts_path(language)
    update(language)  # (the texts marked since the last update are in the file first)
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            element = message.find("translation")
            if element is None or (name, source) not in table:
                continue
            if element.get("type") == "unfinished" or not element.text:
                element.text = table[(name, source)]
                element.attrib.pop("type", None)
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    update(language)  # (lupdate writes the file back in its own layout)
    return filled


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    for language in LANGUAGES:
        if command in {"all", "update"}:
            update(language)
        if command in {"all", "release"}:
            print(f"wrote {release(language).relative_to(ROOT)}")
        if command == "merge":
            print(f"{language}: filled {merge(language, [Path(a) for a in argv[1:]])}")
        if command in {"all", "missing", "update", "merge"}:
            gaps = missing(language)
            for context, source in gaps:
                print(f"{language}: no translation: [{context}] {source!r}")
            print(
                f"{language}: {len(messages(ts_path(language))) - len(gaps)} translated, "
                f"{len(gaps)} missing"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
