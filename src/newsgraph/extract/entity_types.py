"""Type cues: what the words around a name say it is, where spaCy's small NER label is a guess.

The rules live in resources/entities/type_cues.toml (one id, kind, word list and examples each); this module
reads them and casts their votes on a mention, and says which capitalised phrases are no actors at all.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon import lexicon
from newsgraph.extract.names import name_key
from newsgraph.model import EntityType


@dataclass(frozen=True, slots=True)
class TypeSettings:
    """Weights of the type vote that are code, not rule data (the rules carry their own weights)."""

    # An NER label counts 2 on a name of several words and 1 on a single word: the small model is surer of
    # "Evgeny Prigozhin" than of a bare "Prigozhin" (which it calls ORG one sentence, PERSON the next).
    label_multi: int = 2
    label_single: int = 1
    # A known given name first ("Jim Press", "Mark Papermaster") is a person's name: one vote, enough to win a
    # tie against the surname's stray ORG labels, not enough to overturn a company NER is sure of.
    given_name: int = 1
    # A name ending in an organisation word ("National Guard") is an organisation: this outweighs a multi-word
    # PERSON label; against a place label it only counts one ("Soviet Union", "West Bank"). A one-word name that
    # is such a word ("Press", "Post") is as often a surname: one vote.
    org_head: int = 3
    org_head_vs_place: int = 1
    org_head_single: int = 1
    # A run of capitalised words NER left untagged becomes a place or a person when cues that say what it is
    # give it this many votes and no other type as many ("residents of Bakhmut", "in Kyiv and Kharkiv",
    # "Scholz said he would stay"): one such cue is enough, a bare "in" is not ("in Parliament").
    untagged_min: int = 2
    # The oldest age an "X, 49," apposition may give: larger numbers are counts or years, not ages.
    max_age: int = 120
    # The longest bracketed expansion of an abbreviation, in tokens ("SVO [Special Military Operation]").
    max_expansion: int = 8


DEFAULT_TYPES = TypeSettings()


class CueKind(str, Enum):
    """Where a cue looks (resources/entities/type_cues.toml describes each)."""

    NOUN_BEFORE = "noun_before"
    OF_NOUN = "of_noun"
    NOUN_AFTER = "noun_after"
    LAST_WORD = "last_word"
    FIRST_WORD = "first_word"
    WORD_BEFORE = "word_before"
    PLACE_AFTER = "place_after"
    AGE_AFTER = "age_after"
    VERB_OBJECT = "verb_object"
    APPOS_NOUN = "appos_noun"
    LISTED_WITH = "listed_with"
    COUNTRY = "country"
    POSSESSOR = "possessor"
    TITLE_BEFORE = "title_before"
    SAID_HE = "said_he"
    NOT_NAME = "not_name"
    NOT_ACTOR_WORD = "not_actor_word"


@dataclass(frozen=True, slots=True)
class TypeCue:
    """One rule of type_cues.toml."""

    id: str
    kind: CueKind
    type: EntityType | None
    weight: int
    words: frozenset[str]
    first_words: frozenset[str]
    except_heads: frozenset[str]  # word_before: lemmas the preposition may not hang on ("a stake in X")
    preps: frozenset[str]  # verb_object: the prepositions an object may come with ("withdrew from X")
    direct: bool  # verb_object: a direct object counts, not only one after a preposition
    titles: bool  # appos_noun: the title words of lexicon.toml count too ("Papermaster, a former executive")
    labels: frozenset[EntityType] | None  # None: whatever NER said


@lru_cache(maxsize=1)
def cues() -> tuple[TypeCue, ...]:
    """The rules of type_cues.toml, loaded once."""
    data = tomllib.loads(
        resources.files("newsgraph.resources").joinpath("entities/type_cues.toml").read_text("utf-8")
    )
    out = []
    for r in data["rule"]:
        out.append(TypeCue(
            id=r["id"],
            kind=CueKind(r["kind"]),
            type=EntityType(r["type"]) if "type" in r else None,
            weight=int(r.get("weight", 0)),
            words=frozenset(r.get("words", ())),
            first_words=frozenset(r.get("first_words", ())),
            except_heads=frozenset(r.get("except_heads", ())),
            preps=frozenset(r.get("preps", ())),
            direct=bool(r.get("direct", True)),
            titles=bool(r.get("titles", False)),
            labels=frozenset(EntityType(x) for x in r["labels"]) if "labels" in r else None,
        ))
    return tuple(out)


def rule_examples() -> list[dict]:
    """The raw rules with their examples, for the parametrized test."""
    data = tomllib.loads(
        resources.files("newsgraph.resources").joinpath("entities/type_cues.toml").read_text("utf-8")
    )
    return list(data["rule"])


def _common_noun(tok: Token, words: frozenset[str]) -> bool:
    """A lower-case noun of the list, by word or lemma ("streets" -> "street")."""
    lower = tok.text[:1].islower() or (tok.is_sent_start and tok.pos_ == "NOUN")  # "Residents of Bakhmut"
    return lower and tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in words or tok.lemma_.lower() in words)


_OPEN = frozenset({",", "("})
_CLOSE = frozenset({",", ")", ".", ";", ":"})


def _place_follows(doc: Doc, end: int) -> bool:
    """ "X, Ukraine," or "X (Siberia)": a name NER tags a place stands after a comma or bracket and closes."""
    if end + 1 >= len(doc) or doc[end].text not in _OPEN:
        return False
    nxt = doc[end + 1]
    if doc[end].text == "(" and end + 2 < len(doc) and doc[end + 2].text == ")":
        # One title-case word in brackets that NER ran into the name ("Khanty-Mansiysk (Siberia)") or tags a place;
        # not a translation a noun follows ("the Umma (Nation) party").
        closed = end + 3 >= len(doc) or doc[end + 3].is_punct
        return closed and nxt.pos_ == "PROPN" and nxt.text.istitle() and (
            nxt.ent_type_ in ("GPE", "LOC") or nxt.ent_iob_ == "I"
        )
    if nxt.ent_type_ not in ("GPE", "LOC"):
        return False
    j = end + 2
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j >= len(doc) or doc[j].text in _CLOSE


def _age_follows(doc: Doc, end: int, settings: TypeSettings) -> bool:
    """ "Papermaster, 49, had left": an age in apposition."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    age = doc[end + 1].text
    if not age.isdigit() or not 0 < int(age) <= settings.max_age:
        return False
    return end + 2 >= len(doc) or doc[end + 2].text in _CLOSE


def _previous(doc: Doc, i: int) -> Token | None:
    """The token before position i, over stray whitespace tokens ("the town of  Samarra")."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _excepted(prep: Token, heads: frozenset[str]) -> bool:
    """The preposition hangs on an excepted word, or on the verb whose object it is ("bought a stake in X")."""
    head = prep.head
    if head.lemma_.lower() in heads:
        return True
    return head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in heads for c in head.children
    )


def _phrase_head(doc: Doc, start: int, end: int, climb: bool = True) -> Token:
    """The token of the name the rest of the sentence hangs on; with `climb`, the first of a list it is in
    ("shelled Kharkiv and [Odesa]": what "Kharkiv" is to the verb, "Odesa" is too)."""
    tok = doc[end - 1]
    for t in doc[start:end]:
        if not start <= t.head.i < end or t.head.i == t.i:
            tok = t
            break
    while climb and tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ in ("PROPN", "NOUN"):
        tok = tok.head
    return tok


class _Name:
    """One name's surroundings, each looked up once for all the cues that ask (the vote runs ~30 cues a name)."""

    __slots__ = ("doc", "start", "end", "_head", "_first", "_before", "_list_before")

    def __init__(self, doc: Doc, start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end
        self._head: Token | None = None
        self._first: Token | None = None
        self._before: tuple[Token | None] | None = None
        self._list_before: tuple[Token | None] | None = None

    @property
    def head(self) -> Token:
        """The name's own head token (no climbing up a list)."""
        if self._head is None:
            self._head = _phrase_head(self.doc, self.start, self.end, climb=False)
        return self._head

    @property
    def first(self) -> Token:
        """The head of the first member of the list the name is in."""
        if self._first is None:
            self._first = _phrase_head(self.doc, self.start, self.end)
        return self._first

    @property
    def before(self) -> Token | None:
        if self._before is None:
            self._before = (_previous(self.doc, self.start),)
        return self._before[0]

    @property
    def list_before(self) -> Token | None:
        """The token before the list the name is in ("the shelling of [Avdiivka], Bakhmut and Marinka")."""
        if self._list_before is None:
            first = self.first
            at = self.start if self.start <= first.i < self.end else first.left_edge.i
            self._list_before = (_previous(self.doc, at),)
        return self._list_before[0]


def _verb_object(n: _Name, cue: TypeCue) -> bool:
    """The name is what a verb of the list acts on: "shelled Kharkiv", "withdrew from Avdiivka"."""
    tok = n.first
    if tok.dep_ == "dobj":
        return cue.direct and tok.head.lemma_.lower() in cue.words
    if tok.dep_ == "pobj" and tok.head.lower_ in cue.preps:
        return tok.head.head.lemma_.lower() in cue.words
    return False


def _appos_noun(n: _Name, cue: TypeCue) -> bool:
    """A description in apposition says what the name is: "Belgorod, a Russian city", "Cisco, the company"."""
    doc, start, end, tok = n.doc, n.start, n.end, n.head
    # right after the name and its comma: "Odesa and Mykolaiv, the governor said" describes no town
    described = [
        c for c in tok.children if c.dep_ == "appos" and end + 1 < len(doc) and doc[end].text == ","
        and c.left_edge.i == end + 1
    ]
    if tok.dep_ == "appos" and tok.head.i < start and start >= 2 and doc[start - 1].text == ",":
        described.append(tok.head)
    for noun in described:
        if noun.pos_ != "NOUN" or not noun.text[:1].islower():
            continue
        word = noun.lemma_.lower()
        if word in cue.words or noun.lower_ in cue.words:
            return True
        if cue.titles and (lexicon().is_title(noun.text) or lexicon().is_title(word)):
            return True
    return False


def _said_he(n: _Name, cue: TypeCue) -> bool:
    """ "Erdogan said he would not approve": the subject of a verb of `words` whose clause speaks of it as "he"
    or "she" (a company or a country is "it" or "they")."""
    tok = n.head
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in cue.words:
        return False
    for clause in tok.head.children:
        if clause.dep_ not in ("ccomp", "xcomp", "advcl"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she") for c in clause.children):
            return True
    return False


def _listed_with(n: _Name) -> bool:
    """In a list with a name NER tags a place: "Odesa and Mykolaiv", "Sderot, Ofakim and Netivot"."""
    kin, todo = [], [n.first]
    while todo:  # every member of the list: "Kyiv, Kharkiv and Dnipro" hang on one another
        tok = todo.pop()
        kin.append(tok)
        todo.extend(c for c in tok.children if c.dep_ == "conj")
    return any(k.ent_type_ in ("GPE", "LOC") and not n.start <= k.i < n.end for k in kin)


def _fits(cue: TypeCue, n: _Name, settings: TypeSettings) -> bool:
    doc, start, end = n.doc, n.start, n.end
    if cue.kind is CueKind.NOUN_BEFORE:
        before = n.list_before
        return before is not None and _common_noun(before, cue.words)
    if cue.kind is CueKind.OF_NOUN:
        before = n.list_before
        if before is None or before.lower_ != "of" or n.head.dep_ == "poss":
            return False  # "the centre of Apple's strategy": the noun is of the strategy
        noun = _previous(doc, before.i)
        return noun is not None and _common_noun(noun, cue.words)
    if cue.kind is CueKind.NOUN_AFTER:
        after = doc[end] if end < len(doc) else None
        return (
            after is not None and _common_noun(after, cue.words)
            and doc[end - 1].head.i == after.i and doc[end - 1].dep_ in ("compound", "amod", "nmod", "npadvmod")
        )
    if cue.kind is CueKind.LAST_WORD:
        return end - start > 1 and doc[end - 1].lower_.rstrip(".") in cue.words
    if cue.kind is CueKind.FIRST_WORD:
        return end - start > 1 and doc[start].lower_ in cue.words and doc[start].text[:1].isupper()
    if cue.kind is CueKind.WORD_BEFORE:
        if n.head.dep_ == "poss":
            return False  # "in Trump's view": the preposition governs the view
        if end - start == 1 and doc[start].text.isupper() and len(doc[start].text) > 1:
            return False  # "divisions in NATO": an acronym after "in" is a body one is in, as often as a place
        before = n.list_before
        return before is not None and before.lower_ in cue.words and not _excepted(before, cue.except_heads)
    if cue.kind is CueKind.PLACE_AFTER:
        return _place_follows(doc, end)
    if cue.kind is CueKind.AGE_AFTER:
        return _age_follows(doc, end, settings)
    if cue.kind is CueKind.VERB_OBJECT:
        return _verb_object(n, cue)
    if cue.kind is CueKind.APPOS_NOUN:
        return _appos_noun(n, cue)
    if cue.kind is CueKind.LISTED_WITH:
        anchor = n.list_before
        return anchor is not None and anchor.lower_ in cue.words and _listed_with(n)
    if cue.kind is CueKind.POSSESSOR:
        tok = n.head
        return tok.dep_ == "poss" and tok.head.i >= end and _common_noun(tok.head, cue.words)
    if cue.kind is CueKind.TITLE_BEFORE:
        before = n.before
        return before is not None and before.pos_ in ("NOUN", "PROPN") and lexicon().is_title(before.text)
    if cue.kind is CueKind.SAID_HE:
        return _said_he(n, cue)
    if cue.kind is CueKind.COUNTRY:
        return name_key(doc[start:end].text) in _countries()
    return False


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """The countries and regions the demonym list of lexicon.toml names ("Armenia", "United Kingdom")."""
    return frozenset(name_key(c) for c in lexicon().demonyms.values())


def context_votes(
    doc: Doc, start: int, end: int, label: EntityType, settings: TypeSettings = DEFAULT_TYPES
) -> Counter:
    """The votes of every type cue that fits the name at tokens [start, end)."""
    votes: Counter = Counter()
    name = _Name(doc, start, end)
    for cue in cues():
        if cue.type is None or (cue.labels is not None and label not in cue.labels):
            continue
        if _fits(cue, name, settings):
            votes[cue.type] += cue.weight
    return votes


def expansion(doc: Doc, start: int, end: int, settings: TypeSettings) -> tuple[int, int] | None:
    """The bracketed words right after an abbreviation: "SVO [Special Military Operation]"."""
    if end - start != 1 or not doc[start].text.isupper() or len(doc[start].text) < 2:
        return None
    if end >= len(doc) or doc[end].text not in ("[", "("):
        return None
    close = "]" if doc[end].text == "[" else ")"
    for j in range(end + 1, min(len(doc), end + 2 + settings.max_expansion)):
        if doc[j].text == close:
            inner = doc[end + 1:j]
            if len(inner) > 1 and all(t.text[:1].isupper() or t.is_stop for t in inner):
                return end + 1, j
            return None
    return None


def is_event_name(doc: Doc, start: int, end: int, settings: TypeSettings = DEFAULT_TYPES) -> bool:
    """A name of an operation, war or contest ("Special Military Operation", "World Cup"), or an
    abbreviation its bracketed expansion shows to be one: no actor."""
    span = expansion(doc, start, end, settings)
    if span is not None:
        start, end = span
    words = [t.lower_ for t in doc[start:end]]
    if len(words) < 2:
        return False
    return any(
        words[-1] in cue.words or words[0] in cue.first_words
        for cue in cues() if cue.kind is CueKind.NOT_ACTOR_WORD
    )


def is_common_noun(doc: Doc, start: int, end: int) -> bool:
    """A common noun capitalised out of reverence ("fight for the Motherland"): no name."""
    if end - start != 1:
        return False
    return any(doc[start].lower_ in cue.words for cue in cues() if cue.kind is CueKind.NOT_NAME)


def is_not_actor(doc: Doc, start: int, end: int, settings: TypeSettings = DEFAULT_TYPES) -> bool:
    """Whether a capitalised phrase NER (or our own rules) took for a name names no actor."""
    return is_common_noun(doc, start, end) or is_event_name(doc, start, end, settings)


def untagged_type(doc: Doc, start: int, end: int, settings: TypeSettings = DEFAULT_TYPES) -> tuple[EntityType, int] | None:
    """The type and votes of a capitalised run NER left untagged, when cues that say what it is make it a place or
    a person ("residents of Bakhmut", "Scholz said he would stay"); None when they fall short. A bare
    preposition does not count."""
    votes: Counter = Counter()
    name = _Name(doc, start, end)
    for cue in cues():
        if cue.type not in (EntityType.PLACE, EntityType.PERSON) or cue.kind is CueKind.WORD_BEFORE:
            continue
        if cue.labels is not None and cue.type not in cue.labels:
            continue  # the cue as it would speak to a name NER had labelled so
        if _fits(cue, name, settings):
            votes[cue.type] += cue.weight
    if not votes:
        return None
    best, n = votes.most_common(1)[0]
    if n < settings.untagged_min or any(v >= n for t, v in votes.items() if t is not best):
        return None
    return best, n
