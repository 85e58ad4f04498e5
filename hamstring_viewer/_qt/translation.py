"""Install the interface language: the app's compiled translation (``assets/i18n/*.qm``) and
Qt's own (the words of standard dialogs and buttons), and point :func:`i18n.translate` at Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hamstring_viewer import i18n, resources

_installed: list[QTranslator] = []


def install_language(language: str) -> bool:
    """Speak ``language`` from now on (widgets made before keep their texts: the app builds a
    new window). Returns False, and speaks English, if its translation cannot be loaded."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == i18n.SOURCE_LANGUAGE or language not in i18n.LANGUAGES:
        i18n.set_translator(None)
        QLocale.setDefault(QLocale.system())  # (numbers and dates as the user set them)
        return language == i18n.SOURCE_LANGUAGE
    ours = QTranslator(app)
    if not ours.load(str(resources.translation_file(language))):
        i18n.set_translator(None)
        return False
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", folder):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(language))
    i18n.set_translator(QCoreApplication.translate, language)
    return True


__all__ = ["install_language"]
