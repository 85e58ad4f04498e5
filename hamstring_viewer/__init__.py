"""Hamstring Viewer: an offline, interactive anatomy atlas of the back of the thigh.

Everything outside ``hamstring_viewer._qt`` is plain Python and never imports Qt.
"""

__version__ = "0.1.0"
