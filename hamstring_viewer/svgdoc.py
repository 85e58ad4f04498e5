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
