"""Entity lookups for event roles: the mention index, and the pronoun/description resolver behind it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.mentions import MentionIndex
from newsgraph.model import Entity, EntityType

_RELATIVE = frozenset({"who", "which", "that", "whom", "whose", "what"})
# Pronouns that are no participant. "It" is kept: roles only ask about subjects and possessors, where "it"
# is mostly a country or an organisation ("Syria says it will not accept ..."); an expletive "it" heads no act.
_SKIP = frozenset({"this", "these", "those", "one", "there", "itself"})


class Participants:
    """Entity ids for tokens: a named mention first; a pronoun or "the newspaper" through coreference."""

    def __init__(self, doc: Doc, entities: list[Entity], index: MentionIndex) -> None:
        self.doc = doc
        self.entities = entities
        self.index = index
        self._coref = None  # built on first need: most sentences name their participants

    def at_token(self, tok: Token) -> str | None:
        return self.index.at_token(tok)

    def type_of(self, entity_id: str | None) -> EntityType | None:
        return self.index.type_of(entity_id)

    def resolve(self, tok: Token) -> str | None:
        """The entity a pronoun or definite description means, where the coreference rules find one."""
        if tok.lower_ in _RELATIVE or tok.lower_ in _SKIP or not self.entities:
            return None
        definite = tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if tok.pos_ != "PRON" and not definite:
            return None
        if self._coref is None:
            try:
                from newsgraph.extract.coref import Coref
            except ImportError:  # the resolver is optional: without it, pronouns stay unnamed
                return None
            self._coref = Coref(self.doc, self.entities, self.index)
        return self._coref.resolve(tok)
