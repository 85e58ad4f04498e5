"""Small edits of the plate's SVG text (Qt-free): variants with some structures hidden.

Decoration that belongs to a region (fibre lines, shading) is any element whose id starts with
``_<region id>`` (for example ``_gluteus_maximus_fibres``): it is hidden with its region.
"""

from __future__ import annotations

from collections.abc import Iterable

SVG_NS = "http://www.w3.org/2000/svg"
_NAMESPACES = {
    "": SVG_NS,
    "inkscape": "http://www.inkscape.org/namespaces/inkscape",
    "sodipodi": "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "xlink": "http://www.w3.org/1999/xlink",
}


def belongs_to(element_id: str, region_ids: Iterable[str]) -> bool:
    """True if the element is one of the regions or decoration of one of them."""
    return any(element_id == rid or element_id.startswith(f"_{rid}") for rid in region_ids)


def plate_variant(svg: bytes, hidden: Iterable[str]) -> bytes:
    """The plate with the given regions (and their decoration) not displayed.

    The input must already have passed :func:`hamstring_viewer.geometry.check_xml`.
    """
    from xml.etree import ElementTree  # here: the module is not needed for a start

    for prefix, uri in _NAMESPACES.items():
        ElementTree.register_namespace(prefix, uri)
    hidden = tuple(hidden)
    root = ElementTree.fromstring(svg)
    for element in root.iter():
        element_id = element.get("id")
        if element_id and belongs_to(element_id, hidden):
            element.set("display", "none")
            style = element.get("style")
            if style:
                element.set("style", f"{style};display:none")
    out: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return out


def layer_document(svg: bytes, layer_id: str) -> bytes | None:
    """A small SVG document holding only the top-level layer ``layer_id`` of ``svg`` (its root
    element, so the same user units, and that layer's text), or None where it cannot be cut
    out on its own: the layer is missing or nested in another group, or it refers to anything
    outside itself (gradients, patterns, ``<use>``, styles).

    Cheap (byte searches, no parsing): the app draws the small trigger-point layer from it
    while the whole plate's renderer is not needed yet.
    """
    root = svg.find(b"<svg")
    root_end = svg.find(b">", root)
    marker = f'id="{layer_id}"'.encode()
    at = svg.rfind(marker)  # (ids are unique; the overlay layers come last, painted on top)
    if root < 0 or root_end < 0 or at < root_end:
        return None
    start = svg.rfind(b"<g", root_end, at)
    if start < 0 or svg[start + 2 : start + 3] not in (b" ", b"\n", b"\t", b"\r"):
        return None
    depth = 0
    pos = start
    while True:
        opening = _next_group(svg, pos)
        closing = svg.find(b"</g>", pos)
        if closing < 0:
            return None
        if 0 <= opening < closing:
            end_of_tag = svg.find(b">", opening)
            if end_of_tag < 0:
                return None
            if svg[end_of_tag - 1 : end_of_tag] != b"/":
                depth += 1
            pos = end_of_tag + 1
            continue
        depth -= 1
        pos = closing + len(b"</g>")
        if depth == 0:
            break
    # a top-level layer: no group is open around it (or its transform or style would be
    # lost). In a well-formed document, the groups still open where it starts are the ones
    # closed after it ends, so the shorter side is counted (a plate's overlay layers are at
    # its end: a few bytes after them, not the whole plate before)
    shorter = svg[root_end:start] if start - root_end <= len(svg) - pos else svg[pos:]
    if _opened_groups(shorter) != 0:
        return None
    layer = svg[start:pos]
    if any(token in layer for token in (b"url(", b"href", b"<style", b'class="st')):
        return None
    return svg[: root_end + 1] + b"\n" + layer + b"\n</svg>\n"


def _next_group(svg: bytes, pos: int) -> int:
    """Where the next ``<g`` start tag begins at or after ``pos`` (not ``<glyph``), or -1."""
    while True:
        found = svg.find(b"<g", pos)
        if found < 0 or svg[found + 2 : found + 3] in (b" ", b">", b"\n", b"\t", b"\r", b"/"):
            return found
        pos = found + 2


def _opened_groups(text: bytes) -> int:
    """How many ``<g>`` elements are still open at the end of ``text``."""
    import re

    opened = len(re.findall(rb"<g[\s>]", text)) - len(re.findall(rb"<g\s[^>]*/>", text))
    return opened - text.count(b"</g>")


def hide_layers(svg: bytes, layer_ids: Iterable[str]) -> bytes:
    """``svg`` with the layers (groups) of these ids not displayed: ``display="none"`` is
    written into each one's start tag (a byte edit, no parsing; an id not found is skipped).
    The app paints the plate's background from such a document: every layer but the
    overlays (referral zones, trigger points) and the layers the user has hidden."""
    out = svg
    for layer_id in layer_ids:
        marker = f'id="{layer_id}"'.encode()
        at = out.find(marker)
        start = out.rfind(b"<", 0, at) if at >= 0 else -1
        if start < 0 or out[start : start + 2] != b"<g" or b">" in out[start:at]:
            continue
        out = out[: start + 2] + b' display="none"' + out[start + 2 :]
    return out
