"""Credits for third-party content the app ships (Qt-free).

The plates are adapted from BodyParts3D; that content is CC BY-SA 2.1 Japan, while the app's
code stays MIT. The credit is shown in Help ▸ About and embedded in every export.
"""

from __future__ import annotations

PLATES_CREDIT = (
    "Plates adapted from BodyParts3D, © The Database Center for Life Science (DBCLS), "
    "licensed under CC BY-SA 2.1 Japan (https://creativecommons.org/licenses/by-sa/2.1/jp/)."
)
#: Where the licence of the plates is published.
PLATES_LICENCE_URL = "https://creativecommons.org/licenses/by-sa/2.1/jp/"
#: The key under which exported PNG files carry the credit (a PNG text chunk).
PNG_CREDIT_KEY = "Copyright"

__all__ = ["PLATES_CREDIT", "PLATES_LICENCE_URL", "PNG_CREDIT_KEY"]
