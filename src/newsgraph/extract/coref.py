"""Point pronouns and descriptions ("he", "the newspaper", "the spokesman") at the entity they mean.

No coreference model can be had offline, so this is rules: recency by sentence, gender and number
agreement, salience (subjects and often-named entities first) and role or outlet nouns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Doc, Token

from newsgraph.extract.doctext import doc_text
from newsgraph.extract.lexicon import lexicon as titles
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quoting.lexicon import Lexicon, load
from newsgraph.extract.quoting.settings import DEFAULT_QUOTES, QuoteSettings
from newsgraph.model import Entity, EntityType


class Gender(str, Enum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


class Agreement(str, Enum):
    """What a pronoun demands of its entity."""

    MALE = "male"
    FEMALE = "female"
    PLURAL = "plural"
    NEUTER = "neuter"


PRONOUNS: dict[str, Agreement] = {
    "he": Agreement.MALE, "him": Agreement.MALE, "his": Agreement.MALE, "himself": Agreement.MALE,
    "she": Agreement.FEMALE, "her": Agreement.FEMALE, "hers": Agreement.FEMALE, "herself": Agreement.FEMALE,
    "they": Agreement.PLURAL, "them": Agreement.PLURAL, "their": Agreement.PLURAL,
    "themselves": Agreement.PLURAL, "it": Agreement.NEUTER, "its": Agreement.NEUTER, "itself": Agreement.NEUTER,
}
RELATIVE = frozenset({"who", "which", "that", "whom"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Marks of emphasis that extraction leaves in text ("the newspaper *Libération*"): skipped between words.
MARKUP = frozenset({"*", "_", "**", "__"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NP_DEPS = frozenset({"compound", "appos", "flat", "nmod", "npadvmod"})
# How many tokens after a title its holder's name may stand ("Vice President for news and talk Dave Gorab").
TITLE_REACH = 8
PUBLISHING = frozenset({"report", "write", "publish"})
_APPOSITION = re.compile(r"\s*,\s*(?:a|an|the)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Madam|Dame|Lord|Lady)\.?\s+$")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    entity: str
    sentence: int
    subject: bool


class Coref:
    """Per-document resolver: build once per Doc, then ask about any token."""

    def __init__(
        self, doc: Doc, entities: list[Entity], index: MentionIndex, settings: QuoteSettings = DEFAULT_QUOTES,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        # Tokens inside quotation marks, set by the quote extractor: a speaker is never among them.
        self.inside = [False] * len(doc)
        self.index = index
        self.lex: Lexicon = load()
        self.settings = settings
        self.entities = {e.id: e for e in entities}
        self._sent_starts = [s.start_char for s in doc.sents]
        mentions = []
        self._publishers: set[str] = set()  # organisations that "reported" or "wrote": outlets by their deeds
        for e in entities:
            for m in e.mentions:
                tok = _token_at(doc, m.start)
                head = _head_in(tok, m.start, m.end) if tok is not None else None
                subject = head is not None and head.dep_ in SUBJECT_DEPS
                if subject and head.head.lemma_ in PUBLISHING:
                    self._publishers.add(e.id)
                mentions.append(_Mention(m.start, m.end, e.id, self.sentence_of(m.start), subject))
        mentions.sort(key=lambda m: m.start)
        self._mentions = mentions
        self._mention_starts = [m.start for m in mentions]
        self.gender = {e.id: self._gender(e) for e in entities}
        self.outlets = {e.id for e in entities if self._is_outlet(e)}

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self._sent_starts, offset) - 1

    # -- what the document says about its entities ------------------------------------------------
    def _gender(self, e: Entity) -> Gender:
        if e.type is not EntityType.PERSON:
            return Gender.UNKNOWN
        first = e.name.split()[0].lower().strip(".") if e.name.split() else ""
        if first in self.lex.male_names or first in self.lex.male_nouns:
            return Gender.MALE
        if first in self.lex.female_names or first in self.lex.female_nouns:
            return Gender.FEMALE
        text = self.text
        for m in e.mentions:
            h = _HONORIFIC.search(text, max(0, m.start - 8), m.start)
            if h:
                word = h.group(1).lower()
                return Gender.FEMALE if word in self.lex.female_nouns else Gender.MALE
        for r in e.roles:
            words = set(r.title.lower().split())
            if words & self.lex.male_nouns:
                return Gender.MALE
            if words & self.lex.female_nouns:
                return Gender.FEMALE
        return Gender.UNKNOWN

    def _is_outlet(self, e: Entity) -> bool:
        if e.type is EntityType.PLACE:
            return False  # (spaCy's small model often tags an outlet's foreign name as a PERSON)
        words = {w.strip("*_.,'’\"").lower() for w in e.name.split()}
        if words & self.lex.outlet_name_words:
            return True
        if e.type is EntityType.ORG and e.id in self._publishers:
            return True
        text = self.text
        for m in e.mentions:
            before = re.findall(r"[\w-]+", text[max(0, m.start - 30) : m.start].lower())[-2:]
            if set(before) & self.lex.outlet_nouns:
                return True  # "the French newspaper Libération"
            after = _APPOSITION.match(text, m.end)
            if after and set(after.group(1).lower().split()) & self.lex.outlet_nouns:
                return True  # "Novaya Gazeta, an outlet that ..."
        return False

    def is_outlet(self, entity_id: str | None) -> bool:
        """Whether the entity is a news outlet (named like one, or described as one in the text)."""
        return entity_id in self.outlets

    # -- resolution ----------------------------------------------------------------------------------
    def resolve(self, token: Token) -> str | None:
        """The entity a speaker token means: its own mention, its noun phrase, a pronoun's or description's."""
        own = self.index.at_token(token)
        if own:
            return own
        low = token.lower_
        if low in RELATIVE and token.dep_ in SUBJECT_DEPS and token.head.dep_ == "relcl":
            return self.resolve(token.head.head)
        if token.pos_ == "PRON" or low in PRONOUNS:
            agreement = PRONOUNS.get(low)
            return self._pronoun(token, agreement) if agreement else None
        for child in token.children:
            if child.dep_ in NP_DEPS:
                eid = self.index.at_token(child)
                if eid:
                    return eid
        nxt = _next_word(token)
        if nxt is not None and nxt.pos_ == "PROPN":
            eid = self.index.at_token(nxt)
            if eid:
                return eid
        if titles().is_title(token.text):  # "Vice President for news and talk Dave Gorab": the parser made the
            for c in token.subtree:         # name a conjunct of the title; the person named right after it is meant
                if token.i < c.i <= token.i + TITLE_REACH and c.dep_ in ("conj", "appos", "compound"):
                    eid = self.index.at_token(c)
                    if eid and self.entities[eid].type is EntityType.PERSON:
                        return eid
        if token.pos_ in ("NOUN", "PROPN") and self._definite(token):
            return self._description(token)
        return None

    def _definite(self, token: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children) or token.lower_ in (
            self.lex.org_nouns
        )

    def _before(self, offset: int) -> list[_Mention]:
        """Mentions that end before ``offset`` within the look-back window, nearest first."""
        i = bisect_right(self._mention_starts, offset) - 1
        first_sentence = self.sentence_of(offset) - self.settings.coref_max_sentences
        out = []
        while i >= 0:
            m = self._mentions[i]
            if m.sentence < first_sentence:
                break
            if m.end <= offset:
                out.append(m)
            i -= 1
        return out

    def _agrees(self, entity_id: str, agreement: Agreement) -> bool:
        e = self.entities[entity_id]
        if agreement in (Agreement.MALE, Agreement.FEMALE):
            if e.type is not EntityType.PERSON:
                return False
            g = self.gender[entity_id]
            return g is Gender.UNKNOWN or g.value == agreement.value
        if agreement is Agreement.PLURAL:
            return e.type in (EntityType.ORG, EntityType.GROUP)
        return e.type in (EntityType.ORG, EntityType.PLACE, EntityType.OTHER)

    def _pronoun(self, token: Token, agreement: Agreement) -> str | None:
        if agreement is Agreement.PLURAL and self._things_before(token):
            return None  # "the events ... exposed it. Above all, they revealed ...": they are the events
        candidates = [m for m in self._before(token.idx) if self._agrees(m.entity, agreement)]
        if not candidates:
            return self._most_salient(token.idx, agreement)
        bound = self._clause_antecedent(token, agreement)
        if bound is not None:
            return bound
        here = self.sentence_of(token.idx)
        # Nearest sentence first; in it, a subject before any other mention; "it" prefers a body to a place;
        # then the nearest mention.
        candidates.sort(key=lambda m: (
            here - m.sentence, not m.subject, self._place_for_it(m.entity, agreement), -m.start,
        ))
        best = candidates[0]
        # A gender known to match beats an unknown one in the same sentence.
        if agreement in (Agreement.MALE, Agreement.FEMALE):
            for m in candidates:
                if m.sentence != best.sentence:
                    break
                if self.gender[m.entity].value == agreement.value:
                    return m.entity
        return best.entity

    def _things_before(self, token: Token) -> bool:
        """A plural subject pronoun whose nearest plural subject before it (this sentence or the last) names
        things, not people and no entity: "they" takes it up."""
        if token.dep_ not in SUBJECT_DEPS:
            return False
        sent = token.sent
        earlier = [t for t in sent if t.i < token.i]
        if sent.start > 0:
            earlier = list(token.doc[sent.start - 1].sent) + earlier
        for t in reversed(earlier):
            if t.dep_ in SUBJECT_DEPS and t.tag_ in ("NNS", "NNPS", "PRP"):
                if t.tag_ != "NNS" or self.index.at_token(t):
                    return False
                if any(self.index.at_token(c) for c in t.subtree):
                    return False
                lemma = t.lemma_.lower()
                return not self.lex.names_people(lemma)
        return False

    def _place_for_it(self, entity_id: str, agreement: Agreement) -> bool:
        return agreement is Agreement.NEUTER and self.entities[entity_id].type is EntityType.PLACE

    def _clause_antecedent(self, token: Token, agreement: Agreement) -> str | None:
        """The subject of the clause around the pronoun ("Apple unveiled Lion, the new version of its OS"), or
        of the clause above it ("Peskov said he ..."); never the subject binding an object pronoun ("him")."""
        skip_own = token.dep_ in SUBJECT_DEPS or token.dep_ in ("dobj", "dative", "pobj")
        verb = token.head
        for _ in range(12):  # up to the first verb
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        for level in range(3):
            if not (level == 0 and skip_own):
                subject = _clause_subject(verb)
                if subject is not None and subject.i != token.i and subject.i < token.i:
                    eid = self.index.at_token(subject) or next(
                        (self.index.at_token(c) for c in subject.children if c.dep_ in NP_DEPS), None
                    )
                    if eid and self._agrees(eid, agreement):
                        return eid
            if verb.head.i == verb.i:
                break
            verb = verb.head
            for _ in range(6):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
        return None

    def _most_salient(self, offset: int, agreement: Agreement) -> str | None:
        """Beyond the window: the agreeing entity named most often so far, if it is named at all."""
        counts: dict[str, int] = {}
        for m in self._mentions:
            if m.start >= offset:
                break
            if self._agrees(m.entity, agreement):
                counts[m.entity] = counts.get(m.entity, 0) + 1
        if not counts:
            return None
        return max(counts, key=lambda k: counts[k])

    def _description(self, token: Token) -> str | None:
        lemma = token.lemma_.lower()
        lex = self.lex
        offset = token.idx
        earlier = [m for m in reversed(self._mentions) if m.end <= offset]
        if lemma in lex.outlet_nouns:
            for m in earlier:
                if m.entity in self.outlets:
                    return m.entity
            return None
        if lemma in lex.org_nouns:
            for m in earlier:
                e = self.entities[m.entity]
                if e.type is EntityType.ORG and lemma in e.name.lower():
                    return m.entity
            for m in self._before(offset):
                e = self.entities[m.entity]
                if e.type in (EntityType.ORG, EntityType.GROUP) and m.entity not in self.outlets:
                    return m.entity
            return None
        if lemma in lex.person_nouns:
            for m in earlier:
                if self._has_role(m.entity, lemma):
                    return m.entity
            want = Gender.MALE if lemma in lex.male_nouns else Gender.FEMALE if lemma in lex.female_nouns else None
            for m in self._before(offset):
                if self.entities[m.entity].type is EntityType.PERSON and (
                    want is None or self.gender[m.entity] in (want, Gender.UNKNOWN)
                ):
                    return m.entity
        return None

    def _has_role(self, entity_id: str, noun: str) -> bool:
        """The entity bears the role: in its roles, or the noun stands right next to one of its mentions."""
        e = self.entities[entity_id]
        if any(noun in r.title.lower().split() for r in e.roles):
            return True
        text = self.text
        after = re.compile(rf"\s*,\s*(?:[\w'’-]+\s+){{0,3}}{re.escape(noun)}\b", re.IGNORECASE)
        for m in e.mentions:
            if noun in text[max(0, m.start - 40) : m.start].lower().split()[-3:]:
                return True  # "Kremlin spokesman Dmitry Peskov"
            if after.match(text, m.end):
                return True  # "Dmitry Peskov, the Kremlin spokesman"
        return False


def _clause_subject(verb: Token) -> Token | None:
    """A verb's subject, or for "forced Apple to lower ..." the object that controls the infinitive."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    if verb.dep_ == "xcomp":
        for c in verb.head.children:
            if c.dep_ == "dobj":
                return c
        return _clause_subject(verb.head) if verb.head.i != verb.i else None
    if verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return _clause_subject(verb.head)
    return None


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _head_in(token: Token, start: int, end: int) -> Token:
    """The syntactic head of the mention that begins at ``token``."""
    t = token
    while start <= t.head.idx < end and t.head.i != t.i:
        t = t.head
    return t


def _next_word(token: Token) -> Token | None:
    """The next token, skipping markup such as the asterisks of *italics*."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].text in MARKUP:
        i += 1
    return doc[i] if i < len(doc) and i - token.i <= 2 else None


def resolve(token: Token, index: MentionIndex, entities: list[Entity]) -> str | None:
    """One-off resolution for callers without a Coref at hand (builds one: prefer Coref for many tokens)."""
    return Coref(token.doc, entities, index).resolve(token)
