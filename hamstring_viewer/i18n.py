"""The languages of the interface, and the one function every displayed word goes through.

Qt-free. Code marks each text the user reads as ``translate("Context", "English text")``;
Qt's ``lupdate`` collects those calls into ``hamstring_viewer/translations/*.ts`` (the
translators' sources, kept in the repository) and ``lrelease`` compiles them into the ``.qm``
files the app ships. The Qt app points :func:`translate` at ``QCoreApplication.translate``
(:func:`set_translator`); without Qt (the command line, the core's tests) a ``.ts`` file is read
directly (:func:`use_ts_file`), and by default the English text is returned unchanged.

A text with values in it keeps named ``{placeholders}`` inside the marked string and is filled
after translation: ``translate("Quiz", "{count} questions due").format(count=n)``, so a
translator can move the value to where German wants it. Constant tables are marked with
:func:`QT_TRANSLATE_NOOP` and translated where they are shown (the language can change while the
app runs).
"""

from __future__ import annotations

import locale
import os
from collections.abc import Callable, Mapping
from pathlib import Path

#: the languages the app speaks: code -> the language's own name (shown in Settings)
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}
#: the language of the source texts and of the content files' plain keys
SOURCE_LANGUAGE = "en"
#: an environment variable that overrides the saved choice and the system language (the tests
#: set it to "en", so that a German machine runs them as CI does)
LANGUAGE_ENV = "HAMSTRING_VIEWER_LANGUAGE"

Translator = Callable[[str, str, "str | None", int], str]


def _identity(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text


_translator: Translator = _identity
_language = SOURCE_LANGUAGE


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the active language (``context`` groups texts for translators; ``n`` picks a
    plural form where the translation has them)."""
    return _translator(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a constant for translation without translating it (see the module's note)."""
    return text


def set_translator(function: Translator | None, language: str = SOURCE_LANGUAGE) -> None:
    """Route :func:`translate` through ``function`` (None: the English texts unchanged)."""
    global _translator, _language
    _translator = function or _identity
    _language = language if function is not None else SOURCE_LANGUAGE


def language() -> str:
    """The code of the language :func:`translate` speaks now."""
    return _language


def read_ts(path: str | Path) -> dict[tuple[str, str], str]:
    """The finished translations of a Qt ``.ts`` file: (context, English) -> translation."""
    import xml.etree.ElementTree as ET

    out: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            element = message.find("translation")
            if source is None or element is None:
                continue
            if element.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            forms = [f.text or "" for f in element.iter("numerusform")]
            text = forms[-1] if forms else (element.text or "")
            if text:
                out[(name, source)] = text
    return out


def use_ts_file(path: str | Path, language: str) -> None:
    """Speak ``language`` without Qt, from the translations of a ``.ts`` file."""
    table: Mapping[tuple[str, str], str] = read_ts(path)

    def lookup(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return table.get((context, text), text)

    set_translator(lookup, language)


def system_language() -> str:
    """The user's language if the app speaks it, else English (from the environment, as the
    C library and Qt read it: LC_ALL, LC_MESSAGES, LANG, LANGUAGE)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        for part in value.split(":"):
            code = part.split(".")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in {"c", "posix"}:
                break
    try:
        code = (locale.getlocale()[0] or "").split("_")[0].lower()
    except ValueError:
        code = ""
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def chosen_language(saved: str | None) -> str:
    """The language to start in: the environment override, else the saved choice ("system" or
    no choice: the system language)."""
    forced = os.environ.get(LANGUAGE_ENV, "")
    if forced in LANGUAGES:
        return forced
    if saved in LANGUAGES:
        return str(saved)
    return system_language()


__all__ = [
    "LANGUAGES",
    "LANGUAGE_ENV",
    "QT_TRANSLATE_NOOP",
    "SOURCE_LANGUAGE",
    "chosen_language",
    "language",
    "read_ts",
    "set_translator",
    "system_language",
    "translate",
    "use_ts_file",
]
