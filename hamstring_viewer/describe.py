"""Records as the HTML of the side panel (a ``QTextBrowser``). Qt-free.

The HTML keeps to the subset Qt's rich text understands (``h1``–``h4``, ``p``, lists, ``b``/``i``,
``sup``, ``a``) and sets no colours, so the palette decides in light and dark themes. Every link to
another record is ``<a href="record:ID">``. Facts carry superscript markers (``<sup>[1]</sup>``)
numbered per panel and listed in the panel's *Sources* section in that numbering. The first
occurrence of each glossary term in the prose of facts links to the term.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

from hamstring_viewer.i18n import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, language, translate
from hamstring_viewer.records import (
    Correction,
    Exercise,
    Fact,
    GlossaryTerm,
    KnowledgeBase,
    LookAlikeCause,
    PalpationGuide,
    Record,
    ReferralZone,
    Source,
    Stretch,
    Structure,
    Technique,
    TriggerPoint,
)

#: Heading of the panel shown for an id the knowledge base does not hold (English; shown
#: translated).
NOT_FOUND_TITLE = QT_TRANSLATE_NOOP("Describe", "Not found")
#: URL scheme of links between records: ``record:<id>``.
LINK_SCHEME = "record"
#: URL scheme of a claim's source marker: ``cite:<n>,<n>…`` (the numbers of its sources)
CITE_SCHEME = "cite"

#: What a structure is, by its ``kind`` (English: :func:`kind_label` gives the words shown).
KIND_LABELS: dict[str, str] = {
    "hamstring": QT_TRANSLATE_NOOP("Describe", "Hamstring muscle"),
    "muscle_group": QT_TRANSLATE_NOOP("Describe", "Muscle group"),
    "muscle": QT_TRANSLATE_NOOP("Describe", "Muscle"),
    "bone": QT_TRANSLATE_NOOP("Describe", "Bone"),
    "landmark": QT_TRANSLATE_NOOP("Describe", "Bony landmark"),
    "nerve": QT_TRANSLATE_NOOP("Describe", "Nerve"),
    "vessel": QT_TRANSLATE_NOOP("Describe", "Blood vessel"),
}
#: The words the records store for a trigger point's depth and a referral zone's kind (shown
#: translated: :func:`word`).
_STORED_WORDS = (
    QT_TRANSLATE_NOOP("Describe", "superficial"),
    QT_TRANSLATE_NOOP("Describe", "deep"),
    QT_TRANSLATE_NOOP("Describe", "essential"),
    QT_TRANSLATE_NOOP("Describe", "spillover"),
)


def kind_label(kind: str) -> str:
    """What a structure of this ``kind`` is, in the language of the interface ("nerve" ->
    "Nerve"); an unknown kind as it is."""
    label = KIND_LABELS.get(kind)
    return translate("Describe", label) if label is not None else kind


def word(stored: str) -> str:
    """A word the records store ("superficial", "deep", "essential", "spillover") in the
    language of the interface (any other word as it is)."""
    return translate("Describe", stored) if stored else stored


def _lower_first(text: str) -> str:
    """``text`` with a small first letter, where the language writes it so inside a sentence
    (English does; German keeps the capital of a noun)."""
    if language() != SOURCE_LANGUAGE:
        return text
    return text[:1].lower() + text[1:]


_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_A_OPEN = re.compile(r"<a\b", re.IGNORECASE)
_A_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_ENTITY = re.compile(r"&#?\w+;")
_WORD = re.compile(r"\w")
_H2 = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)
_ANY_TAG = re.compile(r"<[^>]*>")


def _e(text: str) -> str:
    """``html.escape`` (the ``html`` module costs a start-up ~1 ms for its entity table)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def anchor_name(title: str) -> str:
    """The ``<a name>`` of a section: ``sec-`` and the title in lower-case words joined by ``-``."""
    return "sec-" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section")


@functools.cache
def _term_pattern(phrase_html: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<term>(?<!\w){re.escape(phrase_html)}(?!\w))|&#?\w+;", re.IGNORECASE)


def _prose_parts(parts: Sequence[str]) -> Iterator[int]:
    """The indexes of the text pieces of ``parts`` (HTML split at its tags, tags at odd
    indexes) that lie outside any link."""
    depth = 0
    for i, part in enumerate(parts):
        if i % 2:
            if _A_OPEN.match(part):
                depth += 1
            elif _A_CLOSE.match(part):
                depth = max(0, depth - 1)
        elif not depth:
            yield i


def link_first(text_html: str, phrase: str, href: str) -> tuple[str, bool]:
    """Wrap the first whole-word, case-insensitive ``phrase`` in ``text_html`` in a link.

    ``text_html`` is escaped HTML; ``phrase`` is plain text (it is escaped here). Tags, the text of
    existing links and character entities are never touched. Returns the HTML and whether a link
    was made.
    """
    if not phrase.strip():
        return text_html, False
    phrase_html = _e(phrase)
    parts = _TAG_SPLIT.split(text_html)
    for i in _prose_parts(parts):
        part = parts[i]
        found = _find_term(part, phrase_html)
        if found is not None:
            start, end = found
            wrapped = f'<a href="{_e(href)}">{part[start:end]}</a>'
            parts[i] = part[:start] + wrapped + part[end:]
            return "".join(parts), True
    return text_html, False


def _find_term(part: str, phrase_html: str) -> tuple[int, int] | None:
    """Where ``phrase_html`` first stands in ``part`` as whole words (any case), outside a
    character entity: what :func:`_term_pattern` finds, without compiling a pattern per term
    (a page links dozens of glossary terms)."""
    folded, wanted = part.lower(), phrase_html.lower()
    if len(folded) != len(part) or len(wanted) != len(phrase_html):  # (case changes length)
        for m in _term_pattern(phrase_html).finditer(part):
            if m.group("term") is not None:
                return m.start(), m.end()
        return None
    at = folded.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        entity_at = part.rfind("&", 0, at)
        entity = _ENTITY.match(part, entity_at) if entity_at >= 0 else None
        if (
            not (at and _WORD.match(part, at - 1))
            and not _WORD.match(part, end)
            and not (entity is not None and entity.end() > at)
        ):
            return at, end
        at = folded.find(wanted, at + 1)
    return None


#: URL scheme of an abbreviation's explanation (shown when pointed at): ``abbr:<abbreviation>``
ABBR_SCHEME = "abbr"
#: Abbreviations the pages use, spelled out (English: :func:`abbreviation` translates).
ABBREVIATIONS: dict[str, str] = {
    "PNF": QT_TRANSLATE_NOOP(
        "Describe",
        "proprioceptive neuromuscular facilitation: stretching that alternates a short "
        "contraction of the muscle with its stretch",
    ),
    "SUNY": QT_TRANSLATE_NOOP("Describe", "State University of New York"),
    "TA2": QT_TRANSLATE_NOOP(
        "Describe",
        "Terminologia Anatomica, second edition: the international list of anatomical terms",
    ),
    "PSLE": QT_TRANSLATE_NOOP(
        "Describe", "an abbreviation the trigger-point guide uses without explaining it"
    ),
    "DVT": QT_TRANSLATE_NOOP(
        "Describe",
        "deep-vein thrombosis: a blood clot in a deep vein, usually of the calf or thigh",
    ),
    "GP": QT_TRANSLATE_NOOP("Describe", "general practitioner: a family doctor"),
    "NHS": QT_TRANSLATE_NOOP(
        "Describe", "National Health Service, the United Kingdom's public health service"
    ),
    "CPD": QT_TRANSLATE_NOOP(
        "Describe",
        "continuing professional development: further training for health professionals",
    ),
    "NYC": QT_TRANSLATE_NOOP("Describe", "New York City"),
}
_SEGMENTS = {
    "C": QT_TRANSLATE_NOOP("Describe", "cervical"),
    "T": QT_TRANSLATE_NOOP("Describe", "thoracic"),
    "L": QT_TRANSLATE_NOOP("Describe", "lumbar"),
    "S": QT_TRANSLATE_NOOP("Describe", "sacral"),
}
_ORDINALS = (
    "",
    QT_TRANSLATE_NOOP("Describe", "first"),
    QT_TRANSLATE_NOOP("Describe", "second"),
    QT_TRANSLATE_NOOP("Describe", "third"),
    QT_TRANSLATE_NOOP("Describe", "fourth"),
    QT_TRANSLATE_NOOP("Describe", "fifth"),
    QT_TRANSLATE_NOOP("Describe", "sixth"),
    QT_TRANSLATE_NOOP("Describe", "seventh"),
    QT_TRANSLATE_NOOP("Describe", "eighth"),
    QT_TRANSLATE_NOOP("Describe", "ninth"),
    QT_TRANSLATE_NOOP("Describe", "tenth"),
    QT_TRANSLATE_NOOP("Describe", "eleventh"),
    QT_TRANSLATE_NOOP("Describe", "twelfth"),
)
_ABBR = re.compile(
    r"\b(?:"
    + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
    + r"|[CTLS](?:1[0-2]|[1-9]))\b"
)


def abbreviation(text: str) -> str:
    """What an abbreviation stands for ("L5" -> the fifth lumbar spinal nerve root); '' if
    unknown."""
    if text in ABBREVIATIONS:
        return translate("Describe", ABBREVIATIONS[text])
    kind, number = text[:1], text[1:]
    if kind in _SEGMENTS and number.isdigit() and 0 < int(number) < len(_ORDINALS):
        return translate(
            "Describe", "the {ordinal} {segment} spinal nerve (root or segment)"
        ).format(
            ordinal=translate("Describe", _ORDINALS[int(number)]),
            segment=translate("Describe", _SEGMENTS[kind]),
        )
    return ""


def explain_abbreviations(page_html: str) -> str:
    """Every abbreviation in the page's text (not in tags, not in links) made a quiet link
    whose explanation the panel shows when the reader points at it."""
    parts = _TAG_SPLIT.split(page_html)
    for i in _prose_parts(parts):
        part = parts[i]
        if not _ABBR.search(part):
            continue
        parts[i] = _ABBR.sub(
            lambda m: (
                f'<a href="{ABBR_SCHEME}:{m.group()}" style="text-decoration:none">{m.group()}</a>'
                if abbreviation(m.group())
                else m.group()
            ),
            part,
        )
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Names


def plain_name(kb: KnowledgeBase, record_id: str) -> str:
    """The English name of any record (a source's title, a term's English); the id if unknown."""
    record = kb.get(record_id)
    if record is None:
        return record_id
    if isinstance(record, GlossaryTerm):
        return record.english or record_id
    if isinstance(record, Source):
        return record.title or record_id
    return record.name or record_id


_SHORT_FORM = re.compile(r"(?s)(.+?)\s*\(([^()„“]+)\)")


def plate_label(kb: KnowledgeBase, record_id: str) -> str:
    """The name a plate's label shows. German names are "German name (Latin short name)":
    the label takes the short Latin name, as German atlases label their plates ("Biceps
    femoris, Caput longum", "N. ischiadicus"); English names are shown whole."""
    name = plain_name(kb, record_id)
    if kb.language != "en":
        match = _SHORT_FORM.fullmatch(name)
        if match is not None:
            return match.group(2).strip()
    return name


def latin_name(kb: KnowledgeBase, record_id: str) -> str:
    """The Latin name of a structure or glossary term; ``''`` if it has none."""
    record = kb.get(record_id)
    if isinstance(record, Structure | GlossaryTerm):
        return record.latin
    return ""


# --------------------------------------------------------------------------------------------
# One panel's state: source numbering, glossary links made, corrections gathered


class _Panel:
    def __init__(self, kb: KnowledgeBase, main: Record) -> None:
        self.kb = kb
        self.main = main
        self.numbers: dict[str, int] = {}
        # each term with its escaped, case-folded English, longest first (folded once per
        # page, not once per sentence: hashing a term record to cache it costs more)
        self.terms = [
            (t, _e(t.english).casefold())
            for t in sorted(
                (t for t in kb.glossary.values() if t.english.strip() and t.id != main.id),
                key=lambda t: (-len(t.english), t.id),
            )
        ]
        self.linked: set[str] = set()
        self.corrections: list[tuple[Record, Correction]] = []
        self._collected: set[str] = set()

    # sources ---------------------------------------------------------------------------------
    def register(self, ids: Iterable[str]) -> list[int]:
        out = []
        for source_id in ids:
            if source_id not in self.numbers:
                self.numbers[source_id] = len(self.numbers) + 1
            out.append(self.numbers[source_id])
        return out

    def cite(self, ids: Iterable[str]) -> str:
        """One small marker for a claim, however many sources back it: ``[1–3,5]``, a link
        (``cite:1,2,3,5``) that names the sources when pointed at and leads to them."""
        numbers = sorted(set(self.register(ids)))
        if not numbers:
            return ""
        runs: list[str] = []
        start = prev = numbers[0]
        for n in [*numbers[1:], None]:
            if n is not None and n == prev + 1:
                prev = n
                continue
            runs.append(str(start) if start == prev else f"{start}–{prev}")
            if n is not None:
                start = prev = n
        href = f"{CITE_SCHEME}:{','.join(str(n) for n in numbers)}"
        return f'<sup><a href="{href}" style="text-decoration:none">[{",".join(runs)}]</a></sup>'

    def source_titles(self, numbers: Iterable[int]) -> list[str]:
        """The titles of the sources with these numbers on this page."""
        by_number = {n: i for i, n in self.numbers.items()}
        out = []
        for n in numbers:
            source = self.kb.sources.get(by_number.get(n, ""))
            if source is not None:
                out.append(f"[{n}] {source.title or source.id}")
        return out

    # prose -----------------------------------------------------------------------------------
    def prose(self, text: str) -> str:
        out = _e(text)
        folded = out.casefold()
        for term, folded_english in self.terms:
            if term.id in self.linked or folded_english not in folded:
                continue  # (a cheap test first: most terms are not in most sentences)
            out, made = link_first(out, term.english, f"{LINK_SCHEME}:{term.id}")
            if made:
                self.linked.add(term.id)
        return out

    def fact(self, fact: Fact | None) -> str:
        if fact is None or not fact.text.strip():
            return ""
        return self.prose(fact.text) + self.cite(fact.sources)

    def link(self, record_id: str, label: str | None = None) -> str:
        text = label if label is not None else plain_name(self.kb, record_id)
        return f'<a href="{LINK_SCHEME}:{_e(record_id)}">{_e(text)}</a>'

    def links(self, ids: Iterable[str]) -> str:
        return ", ".join(self.link(i) for i in ids)

    # corrections -----------------------------------------------------------------------------
    def collect(self, record: Record | None) -> None:
        if record is None or record.id in self._collected:
            return
        self._collected.add(record.id)
        for c in getattr(record, "corrections", ()):
            self.corrections.append((record, c))

    def corrections_html(self) -> str:
        items = []
        for owner, c in self.corrections:
            head = f"<b>{_e(_field_label(c.field))}</b>"
            if owner.id != self.main.id:
                head += " " + translate("Describe", "in {record}").format(
                    record=self.link(owner.id)
                )
            said = self.kb.sources.get(c.source)
            title = said.title if said is not None and said.title else plain_name(self.kb, c.source)
            source_said = translate("Describe", "{source} said:").format(
                source=self.link(c.source, title)
            )
            quote = translate("Describe", "“{quote}”").format(quote=_e(c.page_said))
            lines = [
                head,
                f"<i>{source_said}</i> {quote}{self.cite([c.source])}",
                "<i>" + translate("Describe", "Correct:") + f"</i> {_e(c.correct)}",
                "<i>" + translate("Describe", "Why:") + f"</i> {_e(c.why)}",
            ]
            if c.references:
                refs = ", ".join(self.link(r) + self.cite([r]) for r in c.references)
                lines.append("<i>" + translate("Describe", "References:") + f"</i> {refs}")
            items.append("<li>" + "<br/>".join(lines) + "</li>")
        return f"<ul>{''.join(items)}</ul>" if items else ""

    def sources_html(self) -> str:
        rows = []
        for source_id, number in self.numbers.items():
            source = self.kb.sources.get(source_id)
            if source is None:
                unknown = translate("Describe", "(unknown source)")
                rows.append(f"<p>[{number}] {_e(source_id)} <i>{_e(unknown)}</i></p>")
                continue
            bits = [self.link(source.id, source.title or source.id)]
            bits += [_e(b) for b in (source.author, source.publisher) if b]
            if source.year is not None:
                bits.append(str(source.year))
            text = ", ".join(bits)
            rows.append(f"<p>[{number}] {text}</p>")
        return "".join(rows)


# --------------------------------------------------------------------------------------------
# Building blocks


def _page(p: _Panel, header: str, sections: Sequence[tuple[str, str]]) -> str:
    """Header, the non-empty sections, then Sources and Corrections. Each section's title is
    its English text (marked with ``QT_TRANSLATE_NOOP``): the anchor is made from it, the
    heading shows it translated."""
    corrections = p.corrections_html()  # numbers its sources before the list is written
    sources = p.sources_html()
    parts = [header]
    for title, body in [
        *sections,
        (QT_TRANSLATE_NOOP("Describe", "Sources"), sources),
        (QT_TRANSLATE_NOOP("Describe", "Corrections"), corrections),
    ]:
        if body.strip():
            shown = _e(translate("Describe", title))
            parts.append(f'<h2><a name="{anchor_name(title)}"></a>{shown}</h2>{body}')
    return "\n".join(parts)


#: URL schemes of a sectioned page's own links: open or close a section (its heading), and
#: open a section and go to it (the contents line)
TOGGLE_SCHEME = "toggle"
SECTION_SCHEME = "section"

#: The sections of a muscle's page, in reading order: key, title (English; shown translated).
MUSCLE_SECTIONS: tuple[tuple[str, str], ...] = (
    ("anatomy", QT_TRANSLATE_NOOP("Describe", "Anatomy")),
    ("trigger_points", QT_TRANSLATE_NOOP("Describe", "Trigger points and referred pain")),
    ("symptoms", QT_TRANSLATE_NOOP("Describe", "Symptoms and causes")),
    ("palpation", QT_TRANSLATE_NOOP("Describe", "Palpation")),
    ("self_care", QT_TRANSLATE_NOOP("Describe", "Self-care")),
    ("training", QT_TRANSLATE_NOOP("Describe", "Training")),
    ("therapists", QT_TRANSLATE_NOOP("Describe", "For therapists")),
    ("sources", QT_TRANSLATE_NOOP("Describe", "Sources and corrections")),
)


#: The sections of a trigger point's page, in reading order: key, title (English; shown
#: translated).
TRIGGER_POINT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("tp_pain", QT_TRANSLATE_NOOP("Describe", "Where the pain goes")),
    ("tp_provoked", QT_TRANSLATE_NOOP("Describe", "What provokes it")),
    ("self_care", QT_TRANSLATE_NOOP("Describe", "Treat it yourself")),
    ("sources", QT_TRANSLATE_NOOP("Describe", "Sources and corrections")),
)
#: Every section key a page may have (the panel remembers which are open).
SECTION_KEYS: frozenset[str] = frozenset(
    key for key, _title in (*MUSCLE_SECTIONS, *TRIGGER_POINT_SECTIONS)
)


def _sectioned_page(
    header: str,
    card: str,
    summary: str,
    sections: Sequence[tuple[str, str, str]],
    open_sections: Iterable[str] | None,
) -> str:
    """A page that opens short: the header, the key-facts card, the summary, a contents line,
    then one heading per non-empty section (key, title, body) with the body of the open ones
    only (the titles are English, shown translated). ``open_sections`` None: every section open,
    without the links to close them (the whole text, for search and print)."""
    present = [
        (key, translate("Describe", title), body) for key, title, body in sections if body.strip()
    ]
    parts = [header, card, summary]
    if open_sections is None:
        for key, title, body in present:
            parts.append(f'<h2><a name="{key}"></a>{_e(title)}</h2>{body}')
        return "\n".join(parts)
    opened = set(open_sections)
    contents = " · ".join(
        f'<a href="{SECTION_SCHEME}:{key}">{_e(title)}</a>' for key, title, _body in present
    )
    parts.append("<p><b>" + _e(translate("Describe", "Contents:")) + f"</b> {contents}</p>")
    close_tip = _e(translate("Describe", "Close this section"))
    open_tip = _e(translate("Describe", "Open this section"))
    for key, title, body in present:
        mark = "▾" if key in opened else "▸"
        tip = close_tip if key in opened else open_tip
        parts.append(
            f'<h2><a name="{key}"></a><a href="{TOGGLE_SCHEME}:{key}" title="{tip}" '
            f'style="text-decoration:none">{mark} {_e(title)}</a></h2>'
        )
        if key in opened:
            parts.append(body)
    return "\n".join(parts)


def _card(rows: Sequence[tuple[str, str]]) -> str:
    """The key facts as a two-column table (label, text); empty rows are left out."""
    cells = "".join(
        f'<tr><td valign="top" style="padding:3px 8px 3px 4px"><b>{_e(label)}</b></td>'
        f'<td valign="top" style="padding:3px 4px">{text}</td></tr>'
        for label, text in rows
        if text
    )
    if not cells:
        return ""
    return (
        '<table class="card" width="100%" cellspacing="0" cellpadding="0" border="0" '
        f'style="margin-top:4px; margin-bottom:6px">{cells}</table>'
    )


def _field_label(name: str) -> str:
    """A correction's subject in plain words ("causes_activating" -> "What activates them")."""
    labels = {
        "causes_activating": translate("Describe", "What activates them"),
        "causes_perpetuating": translate("Describe", "What keeps them going"),
        "knee_rotation": translate("Describe", "Rotation of the flexed knee"),
        "see_also": translate("Describe", "See also"),
        "self_help": translate("Describe", "Self-help"),
        "provoked_by": translate("Describe", "What provokes it"),
        "page_said": translate("Describe", "What the source said"),
    }
    base = name.split(".")[-1].split("[")[0]
    return labels.get(base, base.replace("_", " ").capitalize())


def _header(title: str, subtitle: str = "", lines: Sequence[str] = ()) -> str:
    out = f"<h1>{_e(title)}</h1>"
    if subtitle:
        out += f"<p><i>{_e(subtitle)}</i></p>"
    body = "<br/>".join(line for line in lines if line)
    return out + (f"<p>{body}</p>" if body else "")


def _ul(items: Iterable[str]) -> str:
    got = [i for i in items if i]
    return f"<ul>{''.join(f'<li>{i}</li>' for i in got)}</ul>" if got else ""


def _ol(items: Iterable[str]) -> str:
    got = [i for i in items if i]
    return f"<ol>{''.join(f'<li>{i}</li>' for i in got)}</ol>" if got else ""


def _texts(items: Iterable[str]) -> list[str]:
    return [_e(i) for i in items if i.strip()]


def _labelled(label: str, body: str) -> str:
    return f"<p><b>{_e(label)}</b></p>{body}" if body else ""


def _para(label: str, body: str) -> str:
    return f"<p><b>{_e(label)}:</b> {body}</p>" if body else ""


def _facts(p: _Panel, facts: Iterable[Fact]) -> str:
    return _ul(p.fact(f) for f in facts)


def _topic_facts(p: _Panel, facts: Iterable[Fact]) -> str:
    groups: dict[str, list[Fact]] = {}
    for f in facts:
        groups.setdefault(f.topic.strip(), []).append(f)
    out = []
    for topic, items in groups.items():
        if topic:
            out.append(f"<h3>{_e(topic[:1].upper() + topic[1:])}</h3>")
        out.append(_facts(p, items))
    return "".join(out)


def _attachments(p: _Panel, s: Structure) -> str:
    out = []
    for label, fact in (
        (translate("Describe", "Origin"), s.origin),
        (translate("Describe", "Insertion"), s.insertion),
    ):
        text = p.fact(fact)
        if text and fact is not None and fact.sites:
            sites = translate("Describe", "(sites: {sites})").format(sites=p.links(fact.sites))
            text += f" <small>{sites}</small>"
        out.append(_para(label, text))
    return "".join(out)


def _innervation(p: _Panel, s: Structure) -> str:
    inn = s.innervation
    if inn is None:
        return ""
    bits = [
        "<b>" + translate("Describe", "Nerve:") + f"</b> {p.link(inn.nerve)}",
        "<b>" + translate("Describe", "Division:") + f"</b> {_e(inn.division)}"
        if inn.division
        else "",
        "<b>" + translate("Describe", "Roots:") + f"</b> {_e(', '.join(inn.roots))}"
        if inn.roots
        else "",
    ]
    return "<p>" + "<br/>".join(b for b in bits if b) + p.cite(inn.sources) + "</p>"


def _heading3(p: _Panel, record_id: str, record: Record | None, sources: Iterable[str]) -> str:
    return f"<h3>{p.link(record_id)}{p.cite(sources) if record else ''}</h3>"


def _technique_body(t: Technique) -> str:
    return (
        _para(translate("Describe", "Tools"), _e(", ".join(t.tools)))
        + _labelled(translate("Describe", "Steps"), _ol(_texts(t.steps)))
        + _labelled(translate("Describe", "Advice"), _ul(_texts(t.advice)))
    )


def _stretch_body(s: Stretch) -> str:
    return _labelled(translate("Describe", "Steps"), _ol(_texts(s.steps))) + _labelled(
        translate("Describe", "Advice"), _ul(_texts(s.advice))
    )


def _exercise_body(x: Exercise) -> str:
    return (
        _para(translate("Describe", "Equipment"), _e(x.equipment))
        + _labelled(translate("Describe", "Course of motion"), _ol(_texts(x.steps)))
        + _labelled(translate("Describe", "Breathing"), _ul(_texts(x.breathing)))
        + _labelled(translate("Describe", "Advice"), _ul(_texts(x.advice)))
        + _labelled(translate("Describe", "Variations"), _ul(_texts(x.variations)))
    )


def _palpation_body(g: PalpationGuide) -> str:
    return _para(translate("Describe", "Position"), _e(g.position)) + _labelled(
        translate("Describe", "Steps"), _ol(_texts(g.steps))
    )


def _embedded(p: _Panel, ids: Iterable[str]) -> str:
    """Techniques, stretches, exercises or palpation guides, each under an ``h3``."""
    out = []
    for record_id in ids:
        record = p.kb.get(record_id)
        p.collect(record)
        head = _heading3(p, record_id, record, getattr(record, "sources", ()))
        if isinstance(record, Technique):
            body = _technique_body(record)
        elif isinstance(record, Stretch):
            body = _stretch_body(record)
        elif isinstance(record, Exercise):
            body = _exercise_body(record)
        elif isinstance(record, PalpationGuide):
            body = _palpation_body(record)
        else:
            body = ""
        out.append(head + body)
    return "".join(out)


def _zones_by_kind(p: _Panel, zone_ids: Iterable[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {"essential": [], "spillover": [], "other": []}
    for zone_id in zone_ids:
        zone = p.kb.zones.get(zone_id)
        groups[zone.kind if zone and zone.kind in groups else "other"].append(zone_id)
    return groups


# --------------------------------------------------------------------------------------------
# Panels


def _hamstring(p: _Panel, s: Structure, open_sections: Iterable[str] | None = None) -> str:
    kb = p.kb
    p.collect(s)
    header = _header(s.name)
    inn = s.innervation
    innervation = ""
    if inn is not None:
        innervation = p.link(inn.nerve)
        if inn.roots:
            innervation += f" ({_e(', '.join(inn.roots))})"
        if inn.division:
            innervation += f"<br/><small>{_e(inn.division)}</small>"
        innervation += p.cite(inn.sources)
    actions = ""
    if s.actions is not None:
        a = s.actions
        actions = "<br/>".join(
            f"<i>{label}:</i> {text}"
            for label, text in (
                (translate("Describe", "Hip"), p.fact(a.hip)),
                (translate("Describe", "Knee"), p.fact(a.knee)),
                (translate("Describe", "Rotation of the flexed knee"), p.fact(a.knee_rotation)),
            )
            if text
        )
    tps = [kb.trigger_points.get(i) for i in s.trigger_points]
    pain_lines = []
    for tp_id, tp in zip(s.trigger_points, tps, strict=True):
        if tp is None:
            continue
        groups = _zones_by_kind(p, tp.zones)
        regions: list[str] = []
        for zone_id in groups["essential"] or tp.zones:
            zone = kb.zones.get(zone_id)
            regions += [r for r in (zone.regions if zone else ()) if r not in regions]
        goes = ""
        if regions:
            goes = ": " + translate("Describe", "pain felt at the {regions}").format(
                regions=_e(", ".join(regions))
            )
        pain_lines.append(p.link(tp_id) + goes)
    origin = p.fact(s.origin)
    insertion = p.fact(s.insertion)
    card = _card(
        [
            (translate("Describe", "Latin"), f"<i>{_e(s.latin)}</i>" if s.latin else ""),
            (translate("Describe", "Origin"), origin),
            (translate("Describe", "Insertion"), insertion),
            (translate("Describe", "Innervation"), innervation),
            (translate("Describe", "Blood supply"), p.fact(s.blood_supply)),
            (translate("Describe", "Actions"), actions),
            (translate("Describe", "Trigger points"), "<br/>".join(pain_lines)),
        ]
    )
    summary = f"<p>{p.prose(s.summary)}{p.cite(s.sources)}</p>" if s.summary else ""

    attachments = _attachments(p, s)
    function = ""
    if s.actions is not None:
        function = _labelled(translate("Describe", "Other actions"), _facts(p, s.actions.other))
    anatomy = (
        (f"<p>{p.fact(s.relation)}</p>" if s.relation else "")
        + _sub(translate("Describe", "Attachments"), attachments)
        + _sub(translate("Describe", "Innervation"), _innervation(p, s))
        + _sub(translate("Describe", "Function"), function)
        + _topic_facts(p, s.facts)
    )
    tp_items = []
    for tp_id, tp in zip(s.trigger_points, tps, strict=True):
        item = f"<b>{p.link(tp_id)}</b>"
        if tp is not None:
            p.collect(tp)
            if tp.depth:
                item += f" ({_e(word(tp.depth))})"
            location = p.fact(tp.location)
            item += f": {location}" if location else ""
        tp_items.append(item)
    for tp in tps:
        if tp is not None:
            p.register(tp.sources)
    referral_items = []
    for tp_id, tp in zip(s.trigger_points, tps, strict=True):
        if tp is None:
            continue
        groups = _zones_by_kind(p, tp.zones)
        for zone_id in tp.zones:
            p.collect(kb.zones.get(zone_id))
        bits = [
            f"{label}: {p.links(groups[key])}"
            for key, label in (
                ("essential", translate("Describe", "essential")),
                ("spillover", translate("Describe", "spillover")),
                ("other", translate("Describe", "zones")),
            )
            if groups[key]
        ]
        if bits:
            referral_items.append(f"<b>{p.link(tp_id)}</b> — " + "; ".join(bits))
    trigger_points = (
        _ul(tp_items)
        + _sub(
            translate("Describe", "Referred pain"),
            (f"<p>{p.fact(s.referral)}</p>" if s.referral else ""),
        )
        + _ul(referral_items)
    )
    symptoms = (
        _sub(translate("Describe", "Symptoms"), _facts(p, s.symptoms))
        + _sub(translate("Describe", "What activates them"), _facts(p, s.causes_activating))
        + _sub(translate("Describe", "What keeps them going"), _facts(p, s.causes_perpetuating))
        + _sub(translate("Describe", "When it may be something else"), _warning_signs(p))
    )
    self_care = _sub(translate("Describe", "Self-massage"), _embedded(p, s.self_massage)) + _sub(
        translate("Describe", "Stretches"), _embedded(p, s.stretches)
    )
    if self_care:
        self_care = f"<p>{_self_care_warning(p)}</p>" + self_care
    connections = _ul(
        f"{p.link(c.structure)}: {p.prose(c.text)}{p.cite(c.sources)}" for c in s.connections
    ) + _para(translate("Describe", "See also"), p.links(s.see_also))
    therapists = (
        _sub(translate("Describe", "Treatment"), _embedded(p, s.treatments))
        + _sub(translate("Describe", "Differential diagnosis"), _facts(p, s.differential))
        + _sub(translate("Describe", "Connections"), connections)
    )
    palpation = _embedded(p, s.palpation)
    training = _embedded(p, s.exercises)
    corrections = p.corrections_html()  # numbers its sources before the list is written
    sources = _sub(translate("Describe", "Sources"), p.sources_html()) + _sub(
        translate("Describe", "Corrections"), corrections
    )
    bodies = {
        "anatomy": anatomy,
        "trigger_points": trigger_points,
        "symptoms": symptoms,
        "palpation": palpation,
        "self_care": self_care,
        "training": training,
        "therapists": therapists,
        "sources": sources,
    }
    sections = [(key, title, bodies[key]) for key, title in MUSCLE_SECTIONS]
    return _sectioned_page(header, card, summary, sections, open_sections)


#: What stops self-treatment where the knowledge base has no warning signs of its own
#: (English; shown translated).
_SELF_CARE_WARNING = QT_TRANSLATE_NOOP(
    "Describe",
    "See a doctor or physiotherapist before treating yourself if the pain began with an injury "
    "or a fall, or comes with numbness, tingling or weakness.",
)


def _self_care_warning(p: _Panel) -> str:
    """The warning signs that stop self-treatment (the knowledge base's own, with sources),
    shown at the top of the Self-care section."""
    flags = next((c for c in p.kb.lookalikes.values() if c.kind == "red_flags"), None)
    text = p.fact(flags.warning) if flags is not None else ""
    before = translate("Describe", "Before you start:")
    return f"<b>{_e(before)}</b> {text or _e(translate('Describe', _SELF_CARE_WARNING))}"


def stop_signs(kb: KnowledgeBase, record_id: str) -> list[LookAlikeCause]:
    """The warning signs and look-alikes whose advice concerns this trigger point, technique or
    stretch (their ``concerns``), warning signs first."""
    found = [c for c in kb.lookalikes.values() if record_id in c.concerns]
    return sorted(found, key=lambda c: c.kind != "warning")


def _stop_signs(p: _Panel, record_id: str) -> str:
    """ "Do not use it when ...": the warnings that concern this record, each with what to do."""
    items = stop_signs(p.kb, record_id)
    if not items:
        return ""
    rows = []
    for c in items:
        when = c.ask or translate("Describe", "{name} is possible").format(name=c.name)
        rows.append(f"<li><b>{_e(when)}</b> — {p.fact(c.warning)}</li>")
    stop = translate("Describe", "Stop, and do not use this, when:")
    return f"<p><b>{_e(stop)}</b></p><ul>{''.join(rows)}</ul>"


def _warning_signs(p: _Panel) -> str:
    """The warning signs (an operation, a cast or a long journey are also the risks of a clot;
    a pop in sport is a tear): each with what to do, beside the causes that share its story."""
    signs = [c for c in p.kb.lookalikes.values() if c.kind == "warning"]
    if not signs:
        return ""
    rows = "".join(
        f"<li><b>{_e(c.ask)}</b>: {_e(_lower_first(c.name))}. {p.fact(c.warning)}</li>"
        for c in signs
    )
    lead = translate(
        "Describe", "These are not trigger points; stop self-treatment and see to them first:"
    )
    return f"<p>{_e(lead)}</p><ul>{rows}</ul>"


def _sub(title: str, body: str) -> str:
    """A titled part of a section (``h3``), or nothing if it is empty."""
    return f"<h3>{_e(title)}</h3>{body}" if body.strip() else ""


def _structure(p: _Panel, s: Structure) -> str:
    """A structure's page: a card of the facts that fit its kind (a muscle's attachments,
    nerve and arteries; a nerve's roots, branches and the muscles it supplies; a bone's or
    landmark's attached muscles; a vessel's branches), then the rest."""
    kb = p.kb
    kind = kind_label(s.kind)
    header = _header(s.name, kind)
    attached = [
        h.id
        for h in kb.structures.values()
        if h.id != s.id and any(f is not None and s.id in f.sites for f in (h.origin, h.insertion))
    ]
    supplied = [
        m.id
        for m in kb.structures.values()
        if m.innervation is not None and m.innervation.nerve == s.id
    ]
    tps = [tp.id for tp in kb.trigger_points.values() if tp.muscle == s.id]
    for tp_id in s.trigger_points:
        if tp_id not in tps:
            tps.append(tp_id)
    inn = s.innervation
    innervation = ""
    if inn is not None:
        innervation = p.link(inn.nerve) + (f" ({_e(', '.join(inn.roots))})" if inn.roots else "")
        innervation += p.cite(inn.sources)
    card = _card(
        [
            (translate("Describe", "Latin"), f"<i>{_e(s.latin)}</i>" if s.latin else ""),
            (translate("Describe", "Origin"), p.fact(s.origin)),
            (translate("Describe", "Insertion"), p.fact(s.insertion)),
            (translate("Describe", "Innervation"), innervation),
            (translate("Describe", "Blood supply"), p.fact(s.blood_supply)),
            (translate("Describe", "Members"), p.links(s.members)),
            (translate("Describe", "Nerve roots"), _e(", ".join(s.roots))),
            (translate("Describe", "Branches"), p.links(s.branches)),
            (translate("Describe", "Supplies"), p.links(supplied)),
            (translate("Describe", "Attached here"), p.links(attached)),
            (translate("Describe", "Trigger points"), p.links(tps)),
        ]
    )
    summary = f"<p>{p.prose(s.summary)}{p.cite(s.sources)}</p>" if s.summary else ""
    sites = "".join(
        _para(label, p.links(fact.sites))
        for label, fact in (
            (translate("Describe", "Origin sites"), s.origin),
            (translate("Describe", "Insertion sites"), s.insertion),
        )
        if fact is not None and fact.sites
    )
    division = f"<p>{_e(inn.division)}</p>" if inn is not None and inn.division else ""
    sections = [
        (
            QT_TRANSLATE_NOOP("Describe", "Relation to the hamstrings"),
            f"<p>{p.fact(s.relation)}</p>" if s.relation else "",
        ),
        (
            QT_TRANSLATE_NOOP("Describe", "Referred pain"),
            f"<p>{p.fact(s.referral)}</p>" if s.referral else "",
        ),
        (QT_TRANSLATE_NOOP("Describe", "Attachment sites"), sites),
        (QT_TRANSLATE_NOOP("Describe", "Innervation"), division),
        (QT_TRANSLATE_NOOP("Describe", "Notes"), _topic_facts(p, s.facts)),
        (QT_TRANSLATE_NOOP("Describe", "See also"), _ul(p.link(i) for i in s.see_also)),
    ]
    p.collect(s)
    return _page(p, header + card + summary, sections)


def _trigger_point(p: _Panel, tp: TriggerPoint, open_sections: Iterable[str] | None = None) -> str:
    kb = p.kb
    header = _header(tp.name, translate("Describe", "Trigger point"))
    p.collect(tp)
    groups = _zones_by_kind(p, tp.zones)

    def regions_of(zone_ids: Iterable[str]) -> str:
        regions: list[str] = []
        for zone_id in zone_ids:
            zone = kb.zones.get(zone_id)
            regions += [r for r in (zone.regions if zone else ()) if r not in regions]
        return _e(", ".join(regions))

    first_step = ""
    first = kb.get(tp.self_help[0]) if tp.self_help else None
    if first is not None:
        steps = getattr(first, "steps", ())
        first_step = p.link(first.id) + (f": {_e(steps[0])}" if steps else "")
        # the warning signs that stop self-treatment, always beside it
        first_step += f"<br/><small>{_self_care_warning(p)}</small>"
    depth = f" ({_e(word(tp.depth))})" if tp.depth else ""
    provokes = "; ".join(_e(f.text.rstrip(".")) for f in tp.provoked_by[:2])
    card = _card(
        [
            (translate("Describe", "Muscle"), p.link(tp.muscle)),
            (translate("Describe", "Where it lies"), p.fact(tp.location) + depth),
            (translate("Describe", "Essential zone"), regions_of(groups["essential"])),
            (translate("Describe", "Spillover zone"), regions_of(groups["spillover"])),
            (translate("Describe", "What provokes it"), provokes),
            (translate("Describe", "First self-help step"), first_step),
        ]
    )
    pain_goes = []
    for key, label in (
        ("essential", translate("Describe", "Essential zone")),
        ("spillover", translate("Describe", "Spillover zone")),
        ("other", translate("Describe", "Zone")),
    ):
        for zone_id in groups[key]:
            zone = kb.zones.get(zone_id)
            p.collect(zone)
            pain_goes.append(f"<h3>{_e(label)}: {p.link(zone_id)}</h3>")
            if zone is not None:
                pain_goes.append(
                    _para(translate("Describe", "Regions"), _e(", ".join(zone.regions)))
                )
                description = p.fact(zone.description)
                pain_goes.append(f"<p>{description}</p>" if description else "")
    feels = f"<p>{p.fact(tp.pain)}</p>" if tp.pain.text else ""
    self_help = _embedded(p, tp.self_help)
    if self_help:
        self_help = f"<p>{_self_care_warning(p)}</p>" + _stop_signs(p, tp.id) + self_help
    bodies = {
        "tp_pain": "".join(pain_goes) + _sub(translate("Describe", "What it feels like"), feels),
        "tp_provoked": _facts(p, tp.provoked_by),
        "self_care": self_help,
    }
    p.register(tp.sources)
    corrections = p.corrections_html()
    bodies["sources"] = _sub(translate("Describe", "Sources"), p.sources_html()) + _sub(
        translate("Describe", "Corrections"), corrections
    )
    sections = [(key, title, bodies[key]) for key, title in TRIGGER_POINT_SECTIONS]
    return _sectioned_page(header, card, "", sections, open_sections)


def _zone(p: _Panel, z: ReferralZone) -> str:
    if z.kind == "essential":
        subtitle = translate("Describe", "Essential zone of referred pain")
    elif z.kind == "spillover":
        subtitle = translate("Describe", "Spillover zone of referred pain")
    elif z.kind:
        subtitle = translate("Describe", "{kind} of referred pain").format(kind=word(z.kind))
    else:
        subtitle = ""
    header = _header(z.name, subtitle, [p.cite(z.sources)])
    p.collect(z)
    referring = [tp.id for tp in p.kb.trigger_points.values() if z.id in tp.zones]
    description = f"<p>{p.fact(z.description)}</p>" if z.description.text else ""
    sections = [
        (QT_TRANSLATE_NOOP("Describe", "Muscles"), _ul(p.link(m) for m in z.muscles)),
        (QT_TRANSLATE_NOOP("Describe", "Regions"), _ul(_texts(z.regions))),
        (QT_TRANSLATE_NOOP("Describe", "Description"), description),
        (QT_TRANSLATE_NOOP("Describe", "Trigger points"), _ul(p.link(t) for t in referring)),
    ]
    return _page(p, header, sections)


def _simple(p: _Panel, r: Exercise | Stretch | Technique | PalpationGuide) -> str:
    for_line = ""
    if r.targets:
        for_line = "<b>" + _e(translate("Describe", "For:")) + f"</b> {p.links(r.targets)}"
    lines = [for_line, p.cite(r.sources)]
    p.collect(r)
    if isinstance(r, Exercise):
        if r.kind == "strengthening":
            kind = translate("Describe", "Strengthening exercise")
        elif r.kind:
            kind = translate("Describe", "{kind} exercise").format(kind=r.kind.capitalize())
        else:
            kind = translate("Describe", "Exercise")
        sections = [
            (
                QT_TRANSLATE_NOOP("Describe", "Equipment"),
                f"<p>{_e(r.equipment)}</p>" if r.equipment else "",
            ),
            (QT_TRANSLATE_NOOP("Describe", "Course of motion"), _ol(_texts(r.steps))),
            (QT_TRANSLATE_NOOP("Describe", "Breathing"), _ul(_texts(r.breathing))),
            (QT_TRANSLATE_NOOP("Describe", "Advice"), _ul(_texts(r.advice))),
            (QT_TRANSLATE_NOOP("Describe", "Variations"), _ul(_texts(r.variations))),
        ]
    elif isinstance(r, Stretch):
        kind = translate("Describe", "Stretch")
        sections = [
            (QT_TRANSLATE_NOOP("Describe", "When not to"), _stop_signs(p, r.id)),
            (QT_TRANSLATE_NOOP("Describe", "Steps"), _ol(_texts(r.steps))),
            (QT_TRANSLATE_NOOP("Describe", "Advice"), _ul(_texts(r.advice))),
        ]
    elif isinstance(r, Technique):
        kind = {
            "self_massage": translate("Describe", "Self-massage"),
            "professional": translate("Describe", "Professional treatment"),
        }.get(r.kind, r.kind)
        sections = [
            (QT_TRANSLATE_NOOP("Describe", "When not to"), _stop_signs(p, r.id)),
            (QT_TRANSLATE_NOOP("Describe", "Tools"), _ul(_texts(r.tools))),
            (QT_TRANSLATE_NOOP("Describe", "Steps"), _ol(_texts(r.steps))),
            (QT_TRANSLATE_NOOP("Describe", "Advice"), _ul(_texts(r.advice))),
        ]
    else:
        kind = translate("Describe", "Palpation guide")
        sections = [
            (
                QT_TRANSLATE_NOOP("Describe", "Position"),
                f"<p>{_e(r.position)}</p>" if r.position else "",
            ),
            (QT_TRANSLATE_NOOP("Describe", "Steps"), _ol(_texts(r.steps))),
        ]
    return _page(p, _header(r.name, kind, lines), sections)


def _term(p: _Panel, t: GlossaryTerm) -> str:
    header = _header(t.english, t.latin, [_e(translate("Describe", "Glossary term"))])
    definition = f"<p>{p.prose(t.definition)}{p.cite(t.sources)}</p>" if t.definition else ""
    sections = [
        (QT_TRANSLATE_NOOP("Describe", "Definition"), definition),
        (QT_TRANSLATE_NOOP("Describe", "Related"), _ul(p.link(r) for r in t.related)),
    ]
    return _page(p, header, sections)


def _source(p: _Panel, s: Source) -> str:
    kind = {
        "seed": translate("Describe", "Online article"),
        "reference": translate("Describe", "Reference"),
    }.get(s.kind, s.kind)
    details = "".join(
        _para(label, _e(value))
        for label, value in (
            (translate("Describe", "Author"), s.author),
            (translate("Describe", "Publisher"), s.publisher),
            (translate("Describe", "Year"), "" if s.year is None else str(s.year)),
            (translate("Describe", "Address"), s.url),
            (translate("Describe", "Note"), s.note),
        )
    )
    citing = [
        record.id
        for table in p.kb.tables()
        for record in table.values()
        if s.id in getattr(record, "sources", ())
    ]
    sections = [
        (QT_TRANSLATE_NOOP("Describe", "Details"), details),
        (QT_TRANSLATE_NOOP("Describe", "Cited by"), _ul(p.link(i) for i in citing)),
    ]
    return _page(p, _header(s.title or s.id, kind), sections)


def _not_found(record_id: str) -> str:
    nothing = translate("Describe", "Nothing in the atlas goes by the name <b>{name}</b>.")
    return (
        f"<h1>{_e(translate('Describe', NOT_FOUND_TITLE))}</h1>"
        f"<p>{nothing.format(name=_e(record_id))}</p>"
    )


# --------------------------------------------------------------------------------------------
# Public API


def describe(kb: KnowledgeBase, record_id: str, open_sections: Iterable[str] | None = None) -> str:
    """The panel HTML of any record; a short "not found" page for an unknown id (never raises).

    A muscle's page is sectioned (see :data:`MUSCLE_SECTIONS`): with ``open_sections`` it opens
    short (the key-facts card, the summary, a contents line) with the bodies of those sections
    only, each heading a link that opens or closes it; without, every section is written out.
    """
    record = kb.get(record_id)
    if record is None:
        return _not_found(record_id)
    p = _Panel(kb, record)
    if isinstance(record, Structure) and record.is_hamstring:
        return explain_abbreviations(_hamstring(p, record, open_sections))
    if isinstance(record, TriggerPoint):
        return explain_abbreviations(_trigger_point(p, record, open_sections))
    return explain_abbreviations(describe_into(p, record))


def section_titles(kb: KnowledgeBase, record_id: str) -> list[str]:
    """The ``h2`` titles of a record's panel, in order (for a section navigator and tests)."""
    from html import unescape

    return [unescape(_ANY_TAG.sub("", title)) for title in _H2.findall(describe(kb, record_id))]


def sectioned(kb: KnowledgeBase, record_id: str) -> bool:
    """Whether the record's page opens short, with sections to open (a muscle's page)."""
    record = kb.get(record_id)
    return isinstance(record, TriggerPoint) or (
        isinstance(record, Structure) and record.is_hamstring
    )


def section_texts(kb: KnowledgeBase, record_id: str) -> dict[str, str]:
    """The plain text of each section of a sectioned page, by section key (empty for a page
    that is not sectioned): to open the sections a search match lies in."""
    from html import unescape

    if not sectioned(kb, record_id):
        return {}
    page = describe(kb, record_id)
    out: dict[str, str] = {}
    keys = TRIGGER_POINT_SECTIONS if record_id in kb.trigger_points else MUSCLE_SECTIONS
    for key, _title in keys:
        marker = f'<h2><a name="{key}"></a>'
        start = page.find(marker)
        if start < 0:
            continue
        end = page.find("<h2>", start + len(marker))
        body = page[start : end if end >= 0 else len(page)]
        out[key] = " ".join(unescape(_ANY_TAG.sub(" ", body)).split())
    return out


def citation_titles(kb: KnowledgeBase, record_id: str, numbers: Iterable[int]) -> list[str]:
    """What the source markers numbered ``numbers`` on the record's page stand for."""
    record = kb.get(record_id)
    if record is None:
        return []
    p = _Panel(kb, record)
    describe_into(p, record)
    return p.source_titles(numbers)


def describe_into(p: _Panel, record: Record) -> str:
    """The full page of ``record`` written with ``p`` (its numbering of sources)."""
    if isinstance(record, Structure):
        return _hamstring(p, record) if record.is_hamstring else _structure(p, record)
    if isinstance(record, TriggerPoint):
        return _trigger_point(p, record)
    if isinstance(record, ReferralZone):
        return _zone(p, record)
    if isinstance(record, Exercise | Stretch | Technique | PalpationGuide):
        return _simple(p, record)
    if isinstance(record, GlossaryTerm):
        return _term(p, record)
    return _source(p, record)


def welcome_html(kb: KnowledgeBase) -> str:
    """What the panel shows before anything is selected: how to use the app, the hamstrings."""
    groups = [s for s in kb.structures.values() if s.kind == "muscle_group"]
    items = []
    for s in [*groups, *kb.hamstrings]:
        latin = f" <i>({_e(s.latin)})</i>" if s.latin else ""
        items.append(f'<a href="{LINK_SCHEME}:{_e(s.id)}">{_e(s.name or s.id)}</a>{latin}')
    muscles = _ul(items) or (
        "<p>" + translate("Describe", "The atlas describes no hamstring muscle yet.") + "</p>"
    )
    tips = [
        translate(
            "Describe",
            "Click a muscle, bone or nerve on the plate, or an <b>X</b> (a trigger point), "
            "to read about it here. Links in this panel lead to related structures and topics.",
        ),
        translate(
            "Describe",
            "Turn on <b>referred pain</b> to show where the trigger points send their pain.",
        ),
        translate(
            "Describe",
            "Keyboard: on the plate the <b>arrow keys</b> move to the nearest structure in "
            "that direction (<b>PgDn</b> / <b>PgUp</b>: through all of them in turn), "
            "<b>Enter</b> selects, <b>Esc</b> clears the selection; <b>Tab</b> goes on to this "
            "panel and its links.",
        ),
        translate(
            "Describe",
            "Zoom: <b>Ctrl</b> + mouse wheel or <b>Ctrl +</b> / <b>Ctrl −</b>; "
            "<b>Ctrl+0</b> fits the plate to the window.",
        ),
    ]
    return (
        "<h1>" + translate("Describe", "Welcome to Hamstring Viewer") + "</h1>"
        "<p>"
        + translate(
            "Describe",
            "An atlas of the back of the thigh: the hamstring muscles, their trigger points "
            "and where their pain is felt.",
        )
        + "</p>"
        "<h2>" + translate("Describe", "How to use it") + "</h2>"
        "<ul>" + "".join(f"<li>{tip}</li>" for tip in tips) + "</ul>"
        "<h2>" + translate("Describe", "The hamstrings") + f"</h2>{muscles}"
    )


__all__ = [
    "KIND_LABELS",
    "LINK_SCHEME",
    "NOT_FOUND_TITLE",
    "anchor_name",
    "describe",
    "kind_label",
    "latin_name",
    "link_first",
    "plain_name",
    "section_titles",
    "welcome_html",
    "word",
]
