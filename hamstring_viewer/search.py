"""Search across the knowledge base, as you type. Qt-free.

:class:`SearchIndex` is built once from a :class:`~hamstring_viewer.records.KnowledgeBase` and
answers :meth:`SearchIndex.search` from in-memory word lists, fast enough to run on every
keystroke. What it finds:

- English and Latin names of every record (each ``;``-separated or bracketed alternative counts
  as a name of its own: "Achilles tendon", "sitting bone", "Os coxae"), glossary terms and their
  synonyms, and every prose string of every record (facts, steps, advice, corrections, ...);
- case and accents ignored (:func:`fold`); query words are AND-ed; the last word matches as a
  prefix (typing "semimem" finds semimembranosus), earlier words match whole words.

Ranking, best first: exact name/Latin match, name prefix, every word in one name, glossary term
(exact, prefix, words), body text (a record's key facts, then other text, then the corrections
made to the sources); ties keep the knowledge base's record order.

A query that finds nothing is tried once more with each word that is in no record replaced by
the nearest word that is (one typing slip for words of up to five letters, two for longer ones:
a letter left out, added, changed or two swapped; "semitendonosus", "bicep femoris",
"simimembranosus"). :attr:`SearchIndex.corrected` then holds the query that was searched, so the
window can say so. Nearest words come from a table of each word with one letter left out, built
on the first query that needs it.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from hamstring_viewer.records import (
    Exercise,
    GlossaryTerm,
    KnowledgeBase,
    PalpationGuide,
    Record,
    ReferralZone,
    Source,
    Stretch,
    Structure,
    Technique,
    TriggerPoint,
)

#: Rank classes of a hit (lower is better); :attr:`Hit.rank` holds one of them.
RANK_EXACT = 0
RANK_PREFIX = 1
RANK_NAME_WORDS = 2
RANK_GLOSSARY = 3
RANK_BODY = 4

#: The record kind of each table, as named in ``data/`` (``[term.<id>]`` ...).
KIND_OF_TYPE: dict[type, str] = {
    Structure: "structure",
    TriggerPoint: "trigger_point",
    ReferralZone: "zone",
    Exercise: "exercise",
    Stretch: "stretch",
    Technique: "technique",
    PalpationGuide: "palpation",
    GlossaryTerm: "term",
    Source: "source",
}

# Fields that hold ids, enumerations, addresses or field names: never searched as text.
_NOT_TEXT = frozenset(
    {
        "id",
        "kind",
        "svg_id",
        "svg_ids",
        "sources",
        "claim_terms",
        "sites",
        "topic",
        "see_also",
        "trigger_points",
        "palpation",
        "self_massage",
        "stretches",
        "exercises",
        "treatments",
        "members",
        "branches",
        "muscle",
        "muscles",
        "zones",
        "self_help",
        "targets",
        "related",
        "nerve",
        "structure",
        "source",
        "references",
        "field",
        "url",
        "seed_file",
        "year",
    }
)
# Name fields per record type: (attribute, field label reported in hits).
_TITLES: dict[type, tuple[tuple[str, str], ...]] = {
    Structure: (("name", "name"), ("latin", "latin")),
    GlossaryTerm: (("english", "glossary"), ("latin", "latin")),
    Source: (("title", "name"),),
}
_WORD = re.compile(r"[^\W_]+")
_BRACKETS = re.compile(r"\(([^()]*)\)")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "than",
        "the",
        "to",
        "with",
    ]
)
#: Body text of these fields (a record's key facts) ranks before other text; the corrections
#: made to the sources rank after all other text.
KEY_FIELDS = frozenset(
    {
        "summary",
        "origin",
        "insertion",
        "relation",
        "innervation",
        "actions",
        "referral",
        "location",
        "pain",
        "definition",
        "description",
        "regions",
        "text",
    }
)
LAST_FIELDS = frozenset({"corrections"})
_SNIPPET_BEFORE = 40
_SNIPPET_LENGTH = 110


# --------------------------------------------------------------------------------------------
# Folding


def _fold_char(ch: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", ch.casefold()) if not unicodedata.combining(c)
    )


_fold_one = functools.lru_cache(maxsize=4096)(_fold_char)
#: each non-ASCII character met so far -> its folded form (German text is full of them: the
#: table makes folding a C-speed ``str.translate`` of the lower-cased text)
_FOLDED: dict[int, str] = {}
#: the characters whose folded form is not one character ("ß" -> "ss", a combining mark -> "")
_UNEVEN: set[str] = set()


def _learn(text: str) -> None:
    for ch in set(text):
        code = ord(ch)
        if code > 127 and code not in _FOLDED:
            folded = _fold_char(ch)
            _FOLDED[code] = folded
            if len(folded) != 1:
                _UNEVEN.add(ch)


def fold(text: str) -> str:
    """``text`` case-folded, compatibility-decomposed and without combining marks ("Ä" → "a")."""
    if text.isascii():
        return text.lower()
    lowered = text.lower()
    _learn(lowered)
    return lowered.translate(_FOLDED)


def _fold_mapped(text: str) -> tuple[str, list[int] | None]:
    """:func:`fold` and, where folding changes lengths, the original index of each folded
    character (None: each at its own index)."""
    if text.isascii():
        return text.lower(), None
    lowered = text.lower()
    _learn(lowered)
    folded = lowered.translate(_FOLDED)
    if len(lowered) != len(text):  # (a capital that lower-cases to two characters: rare)
        parts: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(text):
            piece = _fold_one(ch)
            parts.append(piece)
            where.extend([i] * len(piece))
        return "".join(parts), where
    if len(folded) == len(text) and _UNEVEN.isdisjoint(lowered):
        return folded, None
    where = []
    start = 0
    for i, ch in enumerate(lowered):  # (only where a character folds to more or fewer)
        if ch in _UNEVEN:
            where.extend(range(start, i))
            where.extend([i] * len(_FOLDED[ord(ch)]))
            start = i + 1
    where.extend(range(start, len(lowered)))
    return folded, where


def words(text: str) -> list[str]:
    """The folded words of ``text`` (runs of letters and digits)."""
    return _WORD.findall(fold(text))


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the words of ``query`` occur in ``text``, as ``(start, end)`` offsets into ``text``.

    Uses the search's own rules (folding, whole words, prefix for the last word, phrases merged,
    lone stop words skipped), so a view can highlight a query's words in any text it shows.
    """
    q = _QueryWords.parse(query)
    if q is None:
        return []
    return [(s, e) for s, e, _ in _groups(_Field("", text, 0), q)]


# --------------------------------------------------------------------------------------------
# Hits


@dataclass(frozen=True, slots=True)
class Hit:
    """One record found by a query.

    ``snippet`` is a short extract of the matching ``field`` with the matched text at ``spans``
    (``(start, end)`` offsets into ``snippet``; the first is the main match). ``terms`` are the
    record's words that matched, spelt as in the record, for highlighting in the panel.
    For a glossary term, ``structure`` is the structure the term names (select it on the plate)
    and ``related`` the structures it relates to, that one first.
    """

    record_id: str
    kind: str
    name: str
    field: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    terms: tuple[str, ...]
    rank: int
    structure: str | None = None
    related: tuple[str, ...] = ()

    @property
    def span(self) -> tuple[int, int]:
        """The main match in ``snippet``."""
        return self.spans[0] if self.spans else (0, 0)


# --------------------------------------------------------------------------------------------
# Index internals


class _Field:
    """One searchable string of a record: its text folded, and the way back to the original."""

    __slots__ = ("folded", "label", "number", "text", "where")

    def __init__(self, label: str, text: str, number: int) -> None:
        self.label = label
        self.text = text
        self.number = number
        self.folded, self.where = _fold_mapped(text)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the folded slice ``[start:end)``."""
        if self.where is None:
            return start, end
        return self.where[start], self.where[end - 1] + 1

    def matches(self, exact: frozenset[str], prefix: str | None) -> Iterator[tuple[int, int, str]]:
        """Folded ``(start, end, word)`` of each word matching ``exact`` or starting ``prefix``.

        For a prefix match the span covers only the typed prefix.
        """
        for m in _WORD.finditer(self.folded):
            word = m.group()
            if word in exact:
                yield m.start(), m.end(), word
            elif prefix is not None and word.startswith(prefix):
                yield m.start(), m.start() + len(prefix), word


@dataclass(frozen=True, slots=True)
class _Title:
    """A name field of a record: its alternatives as word tuples, and all its words."""

    field: _Field
    glossary: bool
    alternatives: tuple[tuple[str, ...], ...]
    words: frozenset[str]
    main: frozenset[tuple[str, ...]] = frozenset()  # the name proper (not synonyms, not Latin)


@dataclass(slots=True)
class _Entry:
    order: int
    record_id: str
    kind: str
    name: str
    titles: list[_Title]
    fields: list[_Field]
    # folded word -> (field number, folded start, folded end) of each occurrence
    #: each word of the record -> the numbers of the fields it is in, in field order
    occurrences: dict[str, list[int]]
    structure: str | None = None
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _QueryWords:
    """A parsed query: whole words (all but the last) and the last word (a prefix)."""

    whole: tuple[str, ...]
    last: str

    @property
    def all(self) -> tuple[str, ...]:
        return (*self.whole, self.last)

    @property
    def exact(self) -> frozenset[str]:
        return frozenset(self.whole)

    @property
    def prefix(self) -> str:
        return self.last

    @property
    def has_content(self) -> bool:
        """Whether any query word is more than a stop word."""
        return any(w not in _STOPWORDS for w in self.all)

    @classmethod
    def parse(cls, query: str) -> _QueryWords | None:
        got = words(query)
        if not got:
            return None
        return cls(tuple(got[:-1]), got[-1])


def _alternatives(text: str) -> tuple[tuple[str, ...], ...]:
    """The name, the name without its bracketed parts, each bracketed part; each also split at
    ``;`` ("Pelvis; Os coxae" gives "pelvis os coxae", "pelvis" and "os coxae")."""
    pieces = [text, _BRACKETS.sub(" ", text), *_BRACKETS.findall(text)]
    out: list[tuple[str, ...]] = []
    for piece in pieces:
        for part in dict.fromkeys([piece, *piece.split(";")]):
            got = tuple(words(part))
            if got and got not in out:
                out.append(got)
    return tuple(out)


def _strings(value: object) -> Iterator[str]:
    """Every prose string inside a field value (recursing into facts, corrections, ...)."""
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in _NOT_TEXT:
                yield from _strings(getattr(value, f.name))


def _display_name(record: Record) -> str:
    """As :func:`hamstring_viewer.describe.plain_name`: a term's English, a source's title."""
    if isinstance(record, GlossaryTerm):
        return record.english or record.id
    if isinstance(record, Source):
        return record.title or record.id
    name = getattr(record, "name", "")
    return name if isinstance(name, str) and name else record.id


def _term_structures(kb: KnowledgeBase, term: GlossaryTerm) -> tuple[str | None, tuple[str, ...]]:
    """The structure a glossary term names (if any) and the structures it relates to."""
    related = tuple(r for r in term.related if r in kb.structures)
    term_latin = fold(term.latin).strip()
    term_names = set(_alternatives(term.english))
    named: str | None = None
    for structure_id in related:
        s = kb.structures[structure_id]
        if (
            term.id in (structure_id, f"term_{structure_id}")
            or (term_latin and term_latin == fold(s.latin).strip())
            or term_names & set(_alternatives(s.name))
        ):
            named = structure_id
            break
    if named is not None:
        related = (named, *(r for r in related if r != named))
    return named, related


def _is_prefix(q: Sequence[str], alternative: Sequence[str]) -> bool:
    n = len(q)
    if n > len(alternative):
        return False
    return tuple(alternative[: n - 1]) == tuple(q[:-1]) and alternative[n - 1].startswith(q[-1])


def _main_names(text: str) -> frozenset[tuple[str, ...]]:
    """The name proper: the first ``;`` part, with and without its bracketed parts."""
    first = text.split(";")[0]
    return frozenset(
        got for got in (tuple(words(first)), tuple(words(_BRACKETS.sub(" ", first)))) if got
    )


def _title_rank(q: _QueryWords, title: _Title) -> tuple[int, int] | None:
    """How well the query matches one name field, or None.

    ``(0, _)`` exact, ``(1, _)`` prefix, ``(2, 0)`` every word in the field; the second number is
    0 for the name proper and 1 for a synonym or a Latin name.
    """
    full = q.all
    if full in title.alternatives:
        return 0, 0 if full in title.main else 1
    prefixed = [alt for alt in title.alternatives if _is_prefix(full, alt)]
    if prefixed:
        return 1, 0 if any(alt in title.main for alt in prefixed) else 1
    if all(w in title.words for w in q.whole) and any(w.startswith(q.last) for w in title.words):
        return 2, 0
    return None


# --------------------------------------------------------------------------------------------
# The index


class SearchIndex:
    """A word index over every record of a knowledge base; build once, query on each keystroke.

    Sources (bibliography records) are left out unless ``include_sources``.
    """

    def __init__(self, kb: KnowledgeBase, *, include_sources: bool = False) -> None:
        self._entries: list[_Entry] = []
        postings: dict[str, set[int]] = {}
        # every language the content has: a German word finds a record in an English window,
        # and an English one in a German window (the active language is shown and ranked)
        others = [kb.localized(lang) for lang in sorted(kb.translations) if lang != kb.language]
        # A structure is also found by the names of the glossary term that names it.
        terms = {t.id: _term_structures(kb, t) for t in kb.glossary.values()}
        synonyms: dict[str, list[str]] = {}
        for version in (kb, *others):
            for term in version.glossary.values():
                named = terms.get(term.id, (None, ()))[0]
                if named is not None:
                    synonyms.setdefault(named, []).extend(
                        t for t in (term.english, term.latin) if t
                    )
        for table in kb.tables():
            for record in table.values():
                if isinstance(record, Source) and not include_sources:
                    continue
                translated = [o.get(record.id) for o in others]
                entry = self._entry(
                    record,
                    len(self._entries),
                    synonyms.get(record.id, []),
                    [t for t in translated if t is not None and t is not record],
                )
                if isinstance(record, GlossaryTerm):
                    entry.structure, entry.related = terms[record.id]
                self._entries.append(entry)
                for word in entry.occurrences:
                    postings.setdefault(word, set()).add(entry.order)
        self._vocabulary: list[str] = sorted(postings)
        self._postings: dict[str, frozenset[int]] = {w: frozenset(p) for w, p in postings.items()}
        self._deletions: dict[str, list[str]] | None = None
        #: the query actually searched when the one asked for found nothing and a spelling
        #: nearby did ("" when the query was searched as typed)
        self.corrected = ""

    @staticmethod
    def _entry(
        record: Record, order: int, synonyms: list[str], translations: Sequence[Record] = ()
    ) -> _Entry:
        kind = KIND_OF_TYPE.get(type(record), type(record).__name__.lower())
        title_attrs = _TITLES.get(type(record), (("name", "name"),))
        fields: list[_Field] = []
        titles: list[_Title] = []
        for attr, label in title_attrs:
            text = getattr(record, attr, "")
            if isinstance(text, str) and text.strip():
                field = _Field(label, text, len(fields))
                fields.append(field)
                alternatives = _alternatives(text)
                titles.append(
                    _Title(
                        field,
                        isinstance(record, GlossaryTerm),
                        alternatives,
                        frozenset(w for a in alternatives for w in a),
                        _main_names(text) if label in ("name", "glossary") else frozenset(),
                    )
                )
        # the record's names in the other languages count as its synonyms
        names = [n for t in translations if (n := _display_name(t)) != _display_name(record)]
        if isinstance(record, Structure) or names:
            own = {a for t in titles for a in t.alternatives}
            for text in [*synonyms, *names]:
                extra = tuple(a for a in _alternatives(text) if a not in own)
                if extra:
                    own.update(extra)
                    field = _Field("synonym", text, len(fields))
                    fields.append(field)
                    titles.append(
                        _Title(
                            field,
                            isinstance(record, GlossaryTerm),
                            extra,
                            frozenset(w for a in extra for w in a),
                        )
                    )
        skip = {attr for attr, _ in title_attrs}
        for f in dataclasses.fields(record):
            if f.name in skip or f.name in _NOT_TEXT:
                continue
            texts = list(_strings(getattr(record, f.name)))
            for text in texts:
                fields.append(_Field(f.name, text, len(fields)))
            seen = set(texts)
            for other in translations:  # (what differs in another language, under its label)
                for text in _strings(getattr(other, f.name)):
                    if text not in seen:
                        seen.add(text)
                        fields.append(_Field(f.name, text, len(fields)))
        occurrences: dict[str, list[int]] = {}
        for field in fields:
            number = field.number
            for word in dict.fromkeys(_WORD.findall(field.folded)):
                occurrences.setdefault(word, []).append(number)
        return _Entry(order, record.id, kind, _display_name(record), titles, fields, occurrences)

    def __len__(self) -> int:
        """The number of records indexed."""
        return len(self._entries)

    def _prefixed(self, prefix: str) -> list[str]:
        lo = bisect.bisect_left(self._vocabulary, prefix)
        hi = bisect.bisect_left(self._vocabulary, prefix + "\U0010ffff", lo)
        return self._vocabulary[lo:hi]

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        """The records matching every word of ``query``, best first, at most ``limit``; when
        none does, those matching the nearest spelling (see the module doc and
        :attr:`corrected`).

        An empty query, or one without letters or digits, gives ``[]``.
        """
        self.corrected = ""
        q = _QueryWords.parse(query)
        if q is None or limit <= 0:
            return []
        hits = self._search(q, limit)
        if hits:
            return hits
        fixed = self._corrected(q)
        if fixed is None:
            return []
        hits = self._search(fixed, limit)
        if hits:
            self.corrected = " ".join(fixed.all)
        return hits

    # ---- spelling

    def _corrected(self, q: _QueryWords) -> _QueryWords | None:
        """``q`` with every word no record holds (the last: that no record's word starts with)
        replaced by the nearest word one does; None if a word has none near or nothing changed."""
        whole: list[str] = []
        changed = False
        for word in q.whole:
            if word in self._postings or word in _STOPWORDS:
                whole.append(word)
                continue
            near = self._nearest(word)
            if near is None:
                return None
            whole.append(near)
            changed = True
        last = q.last
        if not self._prefixed(last):
            near = self._nearest(last)
            if near is None:
                return None
            last = near
            changed = True
        return _QueryWords(tuple(whole), last) if changed else None

    def _nearest(self, word: str) -> str | None:
        """The indexed word nearest ``word``: at most one slip for up to five letters, two for
        longer words (fewest slips first, then the word most records hold, then the first in
        alphabetical order); None for words under four letters or with nothing near."""
        if len(word) < 4 or not word.isalpha():
            return None
        table = self._deletion_table()
        limit = 1 if len(word) <= 5 else 2
        found: dict[str, int] = {}
        for variant in (word, *_one_left_out(word)):
            for candidate in table.get(variant, ()):
                if candidate not in found:
                    slips = _slips(word, candidate, limit)
                    if slips <= limit:
                        found[candidate] = slips
        if not found:
            return None
        return min(found, key=lambda w: (found[w], -len(self._postings[w]), w))

    def prepare(self) -> None:
        """Build now what the first misspelt query would otherwise build (the table of near
        spellings), e.g. off the window's thread."""
        self._deletion_table()

    def _deletion_table(self) -> dict[str, list[str]]:
        """Each indexed word (of four letters or more), and each of its forms with one letter
        left out -> the words it comes from. Two words within one slip share a form."""
        if self._deletions is None:
            table: dict[str, list[str]] = {}
            for word in self._vocabulary:
                if len(word) < 4 or not word.isalpha():
                    continue
                for variant in {word, *_one_left_out(word)}:
                    table.setdefault(variant, []).append(word)
            self._deletions = table
        return self._deletions

    def _search(self, q: _QueryWords, limit: int) -> list[Hit]:
        candidates: frozenset[int] | None = None
        for word in dict.fromkeys(q.whole):
            found = self._postings.get(word)
            if found is None:
                return []
            candidates = found if candidates is None else candidates & found
        last_words = self._prefixed(q.last)
        if not last_words:
            return []
        last_found = frozenset().union(*(self._postings[w] for w in last_words))
        candidates = last_found if candidates is None else candidates & last_found
        ranked: list[tuple[int, int, int, int]] = []  # (rank, quality, order, title index)
        for order in candidates:
            entry = self._entries[order]
            best: tuple[int, int, int, int] = (
                RANK_BODY,
                self._body_quality(entry, q, last_words),
                order,
                -1,
            )
            for i, title in enumerate(entry.titles):
                got = _title_rank(q, title)
                if got is None:
                    continue
                how, secondary = got
                if title.glossary:
                    key = (RANK_GLOSSARY, 2 * how + secondary, order, i)
                else:
                    key = (how, secondary, order, i)
                best = min(best, key)
            ranked.append(best)
        ranked.sort()
        return [self._hit(q, last_words, *key) for key in ranked[:limit]]

    @staticmethod
    def _body_quality(entry: _Entry, q: _QueryWords, last_words: list[str]) -> int:
        """How good a record's body-text match is: 0 if a query word lies in one of its key
        facts, 2 if the words lie only in the corrections to its sources, 1 otherwise."""
        mine = entry.occurrences
        words = [w for w in dict.fromkeys(q.whole) if w in mine]
        words += (
            [w for w in last_words if w in mine]
            if len(last_words) < len(mine)
            else [w for w in mine if w.startswith(q.last)]
        )
        best = 2
        for word in words:
            for number in mine[word]:
                label = entry.fields[number].label
                if label in KEY_FIELDS:
                    return 0
                if label not in LAST_FIELDS:
                    best = 1
        return best

    def _hit(
        self,
        q: _QueryWords,
        last_words: list[str],
        rank: int,
        _quality: int,
        order: int,
        title: int,
    ) -> Hit:
        entry = self._entries[order]
        # The record's words matching the query: whole words, and words starting the last one.
        mine = entry.occurrences
        matched = [w for w in dict.fromkeys(q.whole) if w in mine]
        if len(last_words) < len(mine):
            matched += [w for w in last_words if w in mine and w not in q.whole]
        else:
            matched += [w for w in mine if w.startswith(q.last) and w not in q.whole]
        if q.has_content:
            matched = [w for w in matched if w not in _STOPWORDS] or matched
        if title >= 0:
            field = entry.titles[title].field
        else:
            # The field holding most of the query's words; the earliest such field wins.
            per_field: dict[int, set[str]] = {}
            for word in matched:
                query_word = word if word in q.exact else q.last
                for number in mine[word]:
                    per_field.setdefault(number, set()).add(query_word)
            number = min(per_field, key=lambda n: (-len(per_field[n]), n))
            field = entry.fields[number]
        snippet, spans = _snippet(field, q)
        terms: dict[str, None] = {}
        for word in matched:
            source = entry.fields[mine[word][0]]
            found = next(m for m in _WORD.finditer(source.folded) if m.group() == word)
            s, e = source.original(found.start(), found.end())
            terms[source.text[s:e]] = None
        return Hit(
            record_id=entry.record_id,
            kind=entry.kind,
            name=entry.name,
            field=field.label,
            snippet=snippet,
            spans=spans,
            terms=tuple(terms),
            rank=rank,
            structure=entry.structure if entry.kind == "term" else None,
            related=entry.related,
        )


def _one_left_out(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _slips(a: str, b: str, limit: int) -> int:
    """The typing slips between ``a`` and ``b`` (letters left out, added, changed, or two
    neighbours swapped: the optimal string alignment distance), or ``limit + 1`` once over."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _groups(field: _Field, q: _QueryWords) -> list[tuple[int, int, int]]:
    """The query's matches in ``field``: ``(start, end, distinct query words)`` in the original.

    Matches separated only by spaces merge into one ("hollow of the knee"); stop words ("of",
    "the") at either end of a match are dropped, unless the query has nothing but stop words.
    """
    content = q.has_content
    runs: list[list[tuple[int, int, str]]] = []
    for s, e, word in field.matches(q.exact, q.prefix):
        which = word if word in q.exact else q.last
        if runs and field.folded[runs[-1][-1][1] : s].isspace():
            runs[-1].append((s, e, which))
        else:
            runs.append([(s, e, which)])
    out = []
    for run in runs:
        if content:
            while run and run[0][2] in _STOPWORDS:
                run.pop(0)
            while run and run[-1][2] in _STOPWORDS:
                run.pop()
        if run:
            start, end = field.original(run[0][0], run[-1][1])
            out.append((start, end, len({which for _, _, which in run})))
    return out


def _snippet(field: _Field, q: _QueryWords) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A short extract of ``field`` around its best match, and the match spans within it.

    The best match holds the most query words (the earliest of those); it is the first span.
    """
    groups = _groups(field, q)
    text = field.text
    if not groups:
        return _clean(text[:_SNIPPET_LENGTH]) + ("…" if len(text) > _SNIPPET_LENGTH else ""), ()
    best = min(range(len(groups)), key=lambda i: (-groups[i][2], i))
    first, first_end, _ = groups[best]
    start = 0
    if len(text) > _SNIPPET_LENGTH and first > _SNIPPET_BEFORE:
        start = first - _SNIPPET_BEFORE
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), max(start + _SNIPPET_LENGTH, first_end))
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        end = space if space != -1 else end
    head = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(head) - start
    ordered = [groups[best], *groups[:best], *groups[best + 1 :]]
    spans = tuple((s + shift, e + shift) for s, e, _ in ordered if s >= start and e <= end)
    return head + _clean(text[start:end]) + tail, spans


def _clean(text: str) -> str:
    """Line breaks and tabs as spaces (same length, so offsets stay valid)."""
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


__all__ = [
    "KIND_OF_TYPE",
    "RANK_BODY",
    "RANK_EXACT",
    "RANK_GLOSSARY",
    "RANK_NAME_WORDS",
    "RANK_PREFIX",
    "Hit",
    "SearchIndex",
    "fold",
    "match_spans",
    "words",
]
