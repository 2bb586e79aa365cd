"""Entities: one per real actor in a document, with aliases, roles and every mention.

spaCy's small NER finds names but labels them noisily ("Prigozhin" as ORG in one sentence and PERSON in the
next), runs names together ("San Jose - Cisco", "Bakhmut and Marinka") and misses repeats it has seen. We split
such runs, pool the mentions of one name, vote on the type with cues the small model lacks (organisation head
words, a given name, and the rules of resources/entities/type_cues.toml read by entity_types.py: "the town of
X", "shelled X", "X, a Russian city", "Chancellor X"), drop capitalised common nouns and names of operations
("the Motherland", "the SVO [Special Military Operation]"), link short forms to full names, and find the
repeats NER missed by matching the names already known, and places and people it missed by their context.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.extract.doctext import doc_text
from newsgraph.extract.entity_types import (
    DEFAULT_TYPES,
    context_votes,
    expansion,
    is_not_actor,
    untagged_type,
)
from newsgraph.extract.lexicon import lexicon
from newsgraph.extract.names import acronym, fold, name_key
from newsgraph.extract.places import joined_places
from newsgraph.extract.quoting.lexicon import load as quote_lexicon
from newsgraph.extract.roles import RoleFinding, find_role_findings
from newsgraph.model import Entity, EntityType, Role, Span

LABELS = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORG,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
}
_TYPE_ORDER = (EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.GROUP, EntityType.OTHER)
_STRIP_LEFT = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Names NER takes for organisations that are no actors: time zones and units.
_NOT_ACTORS = frozenset({"utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "bst", "msk", "ist", "jst"})
# Dependencies of a name that modifies another noun ("the Prigozhin rebellion"): no head of its own phrase.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_BRACKETS = frozenset("()[]{}")
_DASHES = frozenset({"-", "–", "—"})


@dataclass(slots=True)
class Mention:
    """A name in the text: token range [start, end) and the votes it casts on its entity's type."""

    start: int
    end: int
    key: str
    votes: Counter = field(default_factory=Counter)
    alias_only: bool = False  # a description standing for a name ("the President's Chef [Prigozhin]")
    canonical: str | None = None  # the name to use when no other form is known ("Russian" -> "Russia")


@dataclass(slots=True)
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.keys.add(m.key)
        self.votes.update(m.votes)

    def absorb(self, other: Cluster) -> None:
        for m in other.mentions:
            self.add(m)

    @property
    def type(self) -> EntityType:
        if not self.votes:
            return EntityType.OTHER
        best = max(self.votes.values())
        return next(t for t in _TYPE_ORDER if self.votes.get(t, 0) == best)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and trailing possessives, punctuation or common nouns from a name span."""
    while start < end and (doc[start].lower_ in _STRIP_LEFT or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ == "NOUN":
        end -= 1  # "the United Auto Workers union": the common noun says what the name is, but is none of it
    return start, end


def _given_name(doc: Doc, start: int, end: int) -> bool:
    """ "Jim Press": a two-word name opening with a known given name is a person's, whatever its last word."""
    if end - start != 2:
        return False
    lex = quote_lexicon()
    first = doc[start].lower_
    return first in lex.male_names or first in lex.female_names


def _type_votes(doc: Doc, start: int, end: int, label: EntityType) -> Counter:
    """The NER label plus what the words around the name say about its type."""
    lex = lexicon()
    settings = DEFAULT_TYPES
    votes: Counter = Counter({label: settings.label_multi if end - start > 1 else settings.label_single})
    given = _given_name(doc, start, end)
    if given:
        votes[EntityType.PERSON] += settings.given_name
    last = doc[end - 1].lower_.rstrip(".")
    if last in lex.org_heads and not given:  # "National Guard"; weaker against a place label ("Soviet Union")
        if end - start == 1:  # a lone "Press" or "Post" is as often a surname as an organisation
            votes[EntityType.ORG] += settings.org_head_single
        else:
            votes[EntityType.ORG] += settings.org_head_vs_place if label is EntityType.PLACE else settings.org_head
    before = doc[start - 1] if start > 0 else None
    if (
        label is EntityType.PERSON and before is not None and before.lower_ == "the"
        and doc[end - 1].dep_ not in _MODIFIER_DEPS
    ):
        votes[EntityType.ORG] += 2  # "the Novaya Gazeta", "the Beatles": people take no article
    if before is not None and before.lower_ in lex.outlet_nouns:
        votes[EntityType.ORG] += 3  # "the newspaper Libération"
    votes.update(context_votes(doc, start, end, label))
    span = expansion(doc, start, end, settings)
    if span is not None and doc[span[1] - 1].lower_ in lex.org_heads:
        votes[EntityType.ORG] += 3  # "the FSB (Federal Security Service)"
    return votes


def _is_title_word(doc: Doc, start: int, end: int) -> bool:
    """NER tags "Defense" in "Defense Minister Sergei Shoigu" as ORG: it is part of the title."""
    lex = lexicon()
    if end - start != 1 or doc[start].lower_ not in lex.portfolios:
        return False
    if end < len(doc) and lex.is_title_part(doc[end].text):
        return True
    # "Secretary of Defense"
    return start >= 2 and doc[start - 1].lower_ == "of" and lex.is_title(doc[start - 2].text)


def _abbreviation_break(doc: Doc, start: int, i: int, end: int, known: Counter, people: set[str]) -> bool:
    """ "in the U.S. Jobs also noted": a sentence ending in an abbreviation runs into a person's name. The first
    half is a name the text uses on its own, the second a person's ("U.S. Treasury" stays whole)."""
    prev = doc[i - 1].text
    if not prev.endswith(".") or len(prev) < 3:
        return False
    head, tail = name_key(doc[start:i].text), name_key(doc[i:end].text)
    return bool(known[head]) and head not in people and tail in people


def _dash_break(doc: Doc, start: int, i: int, end: int, known: Counter) -> bool:
    """A spaced dash between names: always for a long dash; a hyphen only when a side is a name the text uses on
    its own ("San Jose - Cisco", but "Wal - Mart" as tokenised text spells it)."""
    if doc[i].text not in _DASHES or i == 0 or not doc[i - 1].whitespace_:
        return False
    if doc[i].text != "-":
        return True
    return bool(known[name_key(doc[start:i].text)]) or bool(known[name_key(doc[i + 1:end].text)])


def _and_break(doc: Doc, start: int, i: int, end: int, label: str, known: Counter) -> bool:
    """ "Bakhmut and Marinka": NER runs the end of a list into one name. A person's name holds no "and"; an
    organisation's or a country's may ("Procter and Gamble", "Bosnia and Herzegovina"), so there only when a
    side is a name the text uses on its own or the list began before the span ("Avdiivka, Bakhmut and ...")."""
    if doc[i].lower_ != "and" or not start < i < end - 1:
        return False
    if not (doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()):
        return False
    right, left = doc[i + 1:end].root, doc[start:i].root
    if right.dep_ != "conj" or not start <= right.head.i < i:
        return False  # the parser does not read a list here
    if label == "PERSON":
        return True
    if left.dep_ == "conj" and left.head.i < start:
        return True
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_:
        return True  # "Avdiivka, [Bakhmut and Marinka]", however the parser reads it
    return bool(known[name_key(doc[start:i].text)]) or bool(known[name_key(doc[i + 1:end].text)])


def _segments(
    doc: Doc, start: int, end: int, label: str, known: Counter, people: set[str]
) -> list[tuple[int, int]]:
    """NER runs names across a bracket, a spaced dash, an "and" or a sentence end ("San Jose - Cisco"): the
    parts."""
    parts: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        t = doc[i]
        if t.text in _BRACKETS or _dash_break(doc, s, i, end, known) or _and_break(doc, s, i, end, label, known):
            if s < i:
                parts.append((s, i))
            s = i + 1
        elif i > s and (t.is_sent_start or _abbreviation_break(doc, s, i, end, known, people)):
            parts.append((s, i))
            s = i
    if s < end:
        parts.append((s, end))
    return parts


def _candidates(doc: Doc) -> list[Mention]:
    joined = joined_places(doc)
    mentions = [Mention(s, e, name_key(doc[s:e].text), Counter({EntityType.PLACE: 3})) for s, e in joined]
    known = Counter(name_key(ent.text) for ent in doc.ents)
    people = {name_key(ent.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    people |= {k.split()[-1] for k in people if k}  # "Jobs" for "Steve Jobs"
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        for seg_start, seg_end in _segments(doc, ent.start, ent.end, ent.label_, known, people):
            mention = _candidate(doc, seg_start, seg_end, label, joined)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _candidate(
    doc: Doc, start: int, end: int, label: EntityType, joined: list[tuple[int, int]]
) -> Mention | None:
    """The mention a (part of a) NER name makes, or None when it names no actor."""
    start, end = _trim(doc, start, end)
    if start >= end or any(start < e and s < end for s, e in joined):
        return None  # a half of "Rostov on Don"
    while (
        start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound"
        and doc[start - 1].text[:1].isupper() and not doc[start - 1].ent_type_
        and not lexicon().is_title_part(doc[start - 1].text)
        and doc[start - 1].lower_.rstrip(".") not in lexicon().org_heads  # "Chrysler LLC [Jim Press]"
    ):
        start -= 1  # NER clipped the name: "Harbour [Gazette]"
    text = doc[start:end].text
    if text[:1].islower() or text.lower().startswith(("pro-", "anti-", "non-", "ex-")):
        return None  # "pro-NATO", "anti-Putin" are adjectives, not names
    adjective = doc[end - 1].dep_ == "amod" or doc[end - 1].pos_ == "ADJ"
    if label is not EntityType.GROUP and adjective and doc[start:end].text.lower() in lexicon().demonyms:
        label = EntityType.GROUP  # "Ukrainian troops" that NER tags a place: a nationality all the same
    if label is EntityType.GROUP and (doc[end - 1].dep_ in ("amod", "compound") or doc[end - 1].pos_ == "ADJ"):
        # "Russian" as an adjective is no actor, but it points at one: Russia ("the Russians" is a group).
        country = lexicon().demonyms.get(doc[start:end].text.lower())
        if country is None:
            return None
        return Mention(start, end, name_key(country), Counter({EntityType.PLACE: 1}), True, country)
    if _is_title_word(doc, start, end) or is_not_actor(doc, start, end):
        return None
    key = name_key(text)
    if not key or key in _NOT_ACTORS:
        return None
    return Mention(start, end, key, _type_votes(doc, start, end, label))


_NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "poss"})


def _untagged_organisations(doc: Doc, taken: set[int]) -> list[Mention]:
    """Names NER missed that read as organisations: "the Nezavisimaya Gazeta", "the Eurogroup".

    A run of capitalised proper nouns in a noun's role, after "the" or ending in an organisation word; a
    person's name takes no article, so these are not people, and anything else NER missed is left alone.
    """
    lex = lexicon()
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if i in taken or t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_:
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j + 1 not in taken and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper() \
                and not doc[j + 1].ent_type_:
            j += 1
        last = doc[j]
        after_the = i > 0 and doc[i - 1].lower_ == "the"
        if last.dep_ in _NOUN_ROLES and (after_the or last.lower_ in lex.org_heads) \
                and not lex.is_title_part(last.text) and not is_not_actor(doc, i, j + 1):
            text = doc[i:j + 1].text
            found.append(Mention(i, j + 1, name_key(text), Counter({EntityType.ORG: 2})))
        i = j + 1
    return found


def _untagged_names(doc: Doc, taken: set[int]) -> list[Mention]:
    """Places and people NER missed that the words around them name: "residents of Bakhmut", "in Kyiv and
    Kharkiv", "Scholz said he would stay"."""
    lex = lexicon()
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if i in taken or t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ or lex.is_title_part(t.text):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j + 1 not in taken and doc[j + 1].pos_ == "PROPN" \
                and doc[j + 1].text[:1].isupper() and not doc[j + 1].ent_type_:
            j += 1
        typed = untagged_type(doc, i, j + 1)
        if any(lex.is_title_part(t.text) for t in doc[i:j + 1]):
            typed = None  # "Chief [Operating Officer] Tim Cook": a title, not a name
        if typed is not None and not is_not_actor(doc, i, j + 1):
            found.append(Mention(i, j + 1, name_key(doc[i:j + 1].text), Counter({typed[0]: typed[1]})))
        i = j + 1
    return found


def _cluster_by_key(mentions: list[Mention]) -> list[Cluster]:
    by_key: dict[str, Cluster] = {}
    for m in mentions:
        by_key.setdefault(m.key, Cluster()).add(m)
    return list(by_key.values())


def _link_short_forms(clusters: list[Cluster]) -> list[Cluster]:
    """Merge "Prigozhin" into "Evgeny Prigozhin", "NATO" into "North Atlantic Treaty Organization"."""
    long_forms = [c for c in clusters if any(len(k.split()) > 1 for k in c.keys)]
    merged: set[int] = set()
    for c in sorted(clusters, key=lambda c: max(len(k.split()) for k in c.keys)):
        if id(c) in merged:
            continue
        targets = [
            other for other in long_forms
            if other is not c and id(other) not in merged and _short_form_of(c, other)
        ]
        if not targets:
            continue
        # Two full names share the short form: it goes to the one the text mentions most.
        target = max(targets, key=lambda t: (len(t.mentions), -t.first))
        target.absorb(c)
        merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]


def _short_form_of(c: Cluster, other: Cluster) -> bool:
    """Whether a name of ``c`` is a shorter way of saying a name of ``other``."""
    person_like = other.type is EntityType.PERSON or c.type is EntityType.PERSON
    for key in c.keys:
        words = key.split()
        for k in other.keys:
            ow = k.split()
            if len(ow) <= len(words):
                continue
            if person_like and len(words) == 1 and words[0] in (ow[-1], ow[0]):
                return True  # "Prigozhin" for "Evgeny Prigozhin"
            if ow[-len(words):] == words and other.type is c.type:
                return True  # "Gazeta" for "Novaya Gazeta"
            if len(words) == 1 and len(words[0]) > 1 and acronym(k) == words[0]:
                return True  # "GM" for "General Motors", "NATO" ...
            if len(words) > 1 and ow[: len(words)] == words and other.type is c.type:
                return True  # "United States" for "United States of America"
    return False


def _find_repeats(doc: Doc, clusters: list[Cluster]) -> None:
    """Add mentions NER missed: capitalised tokens that spell a name already known."""
    single: dict[str, Cluster] = {}
    for c in clusters:
        for k in c.keys:
            if " " not in k and len(k) > 2:
                single.setdefault(k, c)
        if c.type is EntityType.PERSON:
            for k in c.keys:
                surname = k.split()[-1]
                if len(surname) > 2:
                    single.setdefault(surname, c)
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    for tok in doc:
        if tok.i in covered or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN", "X"):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper():
            continue  # part of a longer name NER did not know
        cluster = single.get(fold(tok.text))
        if cluster is not None:
            cluster.add(Mention(tok.i, tok.i + 1, fold(tok.text)))


def _bracket_aliases(doc: Doc, clusters: list[Cluster]) -> None:
    """ "the President's Chef [Prigozhin]": the description before an editor's bracket names the same actor."""
    for c in clusters:
        for m in list(c.mentions):
            if m.alias_only or m.start < 2 or m.end >= len(doc):
                continue
            if doc[m.start - 1].text != "[" or doc[m.end].text != "]":
                continue
            head = doc[m.start - 2]
            if head.pos_ not in ("NOUN", "PROPN") or not head.text[:1].isalpha():
                continue
            while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i < head.i:
                head = head.head.head  # "the Boss of the Kitchen [X]": the whole phrase
            start = head.left_edge.i
            if start >= m.start - 2 and head.text[:1].islower():
                continue  # a bare common noun ("the [Wagner] company" never gets here)
            c.add(Mention(start, m.start - 1, name_key(doc[start:m.start - 1].text), alias_only=True))


def _name_of(doc: Doc, cluster: Cluster) -> str:
    """The fullest form used in the text: most words, then most frequent."""
    forms = Counter(doc[m.start:m.end].text for m in cluster.mentions if not m.alias_only)
    if not forms:
        canonical = [m.canonical for m in cluster.mentions if m.canonical]
        if canonical:
            return canonical[0]
        forms = Counter(doc[m.start:m.end].text for m in cluster.mentions)
    return max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))


def _span(doc: Doc, text: str, start: int, end: int) -> Span:
    first, last = doc[start], doc[end - 1]
    s, e = first.idx, last.idx + len(last.text)
    return Span(s, e, text[s:e])


def find_entities(doc: Doc) -> list[Entity]:
    """One entity per actor, ids in order of first mention."""
    mentions = _candidates(doc)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += _untagged_organisations(doc, taken)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += _untagged_names(doc, taken)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    findings = find_role_findings(doc, taken)
    for f in findings:  # "Russian President": the country a title names becomes an actor too
        if f.of_country is not None:
            s, e, country = f.of_country
            mentions.append(
                Mention(s, e, name_key(country), Counter({EntityType.PLACE: 2}), True, country)
            )
    clusters = _link_short_forms(_cluster_by_key(mentions))
    _find_repeats(doc, clusters)
    _bracket_aliases(doc, clusters)
    clusters.sort(key=lambda c: c.first)
    return _build(doc, clusters, findings)


def _build(doc: Doc, clusters: list[Cluster], findings: list[RoleFinding]) -> list[Entity]:
    by_token: dict[int, int] = {}
    for n, c in enumerate(clusters):
        for m in c.mentions:
            for i in range(m.start, m.end):
                by_token.setdefault(i, n)
    for f in findings:  # "Transport Minister of Veldmark": what an office is "of" is a country or a body
        n = by_token.get(f.of_token) if f.of_token is not None else None
        office = f.title.lower().split()[-1] in lexicon().government_titles
        if n is not None and office and clusters[n].votes.get(EntityType.PERSON):
            clusters[n].votes[EntityType.PLACE] += 3  # outweighs a stray NER label, not a person named often
    entities: list[Entity] = []
    text = doc_text(doc)
    for n, c in enumerate(clusters):
        c.mentions.sort(key=lambda m: m.start)
        name = _name_of(doc, c)
        aliases = []
        for m in c.mentions:
            form = doc[m.start:m.end].text
            if form != name and form not in aliases:
                aliases.append(form)
        entities.append(
            Entity(
                id=f"e{n + 1}",
                name=name,
                type=c.type,
                aliases=aliases,
                mentions=[_span(doc, text, m.start, m.end) for m in c.mentions],
            )
        )
    _attach_roles(text, entities, by_token, findings)
    return entities


def _attach_roles(
    text: str, entities: list[Entity], by_token: dict[int, int], findings: list[RoleFinding]
) -> None:
    for f in findings:
        if f.of_token is None and f.of_country is not None:
            f.of_token = f.of_country[0]
        holder = by_token.get(f.person_token)
        if holder is None:
            continue
        of = None
        if f.of_token is not None and f.of_token in by_token:
            of_n = by_token[f.of_token]
            of = entities[of_n].id if of_n != holder else None
        elif f.portfolio is not None:
            of = _ministry(entities, f.portfolio)
        entity = entities[holder]
        if entity.type is not EntityType.PERSON:
            continue  # titles are held by people
        if any(r.title.lower() == f.title.lower() and r.of == of for r in entity.roles):
            continue
        s, e = f.evidence
        entity.roles.append(Role(f.title, of, Span(s, e, text[s:e])))


def _ministry(entities: list[Entity], portfolio: str) -> str | None:
    """ "Defense Minister" serves "the Ministry of Defense" when the text names it."""
    for e in entities:
        key = name_key(e.name)
        if e.type is EntityType.ORG and portfolio in key.split() and ("ministry" in key or "department" in key):
            return e.id
    return None
