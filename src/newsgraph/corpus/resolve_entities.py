"""Entities across documents: one actor per real-world actor, merged on name keys and shared context."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsgraph.corpus.ids import actor_id
from newsgraph.corpus.names import NameKey, compatible, fold, name_key, words
from newsgraph.corpus.settings import DEFAULT, CorpusSettings
from newsgraph.model import EntityType

# Role words that say nothing about who someone is ("the head of ...").
_ROLE_STOP = frozenset({"the", "of", "a", "an", "and", "for", "in", "at", "to", "former", "new", "its", "his", "her"})


@dataclass(frozen=True, slots=True)
class EntityIn:
    """One entity of one document, as resolution needs it."""

    doc_id: str
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # role titles ("founder of the Wagner Group")


@dataclass(slots=True)
class Actor:
    """A corpus actor while resolution runs."""

    id: str
    types: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    full_keys: set[str] = field(default_factory=set)
    surname: str | None = None
    has_full_name: bool = False
    context: set[str] = field(default_factory=set)
    members: list[tuple[str, str]] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)

    @property
    def type(self) -> EntityType:
        return self.types.most_common(1)[0][0] if self.types else EntityType.OTHER

    def display_name(self) -> str:
        """The name members use most; among equals the fullest."""
        return max(self.names.items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1], len(kv[0]), kv[0]))[0]


def _context_token(key: NameKey | None, entity_type: EntityType) -> str | None:
    if key is None:
        return None
    if entity_type is EntityType.PERSON:
        return "p:" + (key.surname or key.full)
    # Many-word names count by their initials, so "General Motors" here and "GM" there agree.
    return "n:" + (key.acronym or key.full)


def document_context(entities: list[EntityIn]) -> dict[str, set[str]]:
    """For each entity: who else the document names and the words of its roles."""
    tokens: dict[str, set[str]] = {}
    for e in entities:
        own: set[str] = set()
        t = _context_token(name_key(e.name, e.type), e.type)
        if t:
            own.add(t)
        tokens[e.id] = own
    everyone = set().union(*tokens.values()) if tokens else set()
    out: dict[str, set[str]] = {}
    for e in entities:
        ctx = everyone - tokens[e.id]
        for title in e.roles:
            ctx.update("r:" + w for w in words(title) if w not in _ROLE_STOP and len(w) > 2)
        out[e.id] = ctx
    return out


class EntityResolver:
    """Places each new document's entities on an existing actor or a new one; incremental by design."""

    def __init__(self, settings: CorpusSettings = DEFAULT) -> None:
        self.settings = settings
        self.actors: dict[str, Actor] = {}
        self.by_full: dict[str, set[str]] = defaultdict(set)  # full key -> actor ids
        self.by_surname: dict[str, set[str]] = defaultdict(set)  # person surname -> actor ids
        self.by_acronym: dict[str, set[str]] = defaultdict(set)  # initials of many-word names -> actor ids
        self.assigned: dict[tuple[str, str], str] = {}  # (doc, entity) -> actor id
        self.merged: dict[str, str] = {}  # absorbed actor -> the actor it joined
        self.touched: set[str] = set()

    # -- loading what the store already resolved -----------------------------------------------------
    def load(self, actor: str, entities: list[EntityIn], contexts: dict[tuple[str, str], set[str]]) -> None:
        """Rebuild one stored actor from its member entities."""
        for e in entities:
            self._attach(actor, e, contexts.get((e.doc_id, e.id), set()), touch=False)

    # -- resolving new documents -----------------------------------------------------------------------
    def resolve_document(self, entities: list[EntityIn]) -> dict[str, str]:
        """Entity id -> actor id for one document. Full names go first, so a lone surname finds them."""
        contexts = document_context(entities)
        keyed = [(e, name_key(e.name, e.type)) for e in entities]
        keyed.sort(key=lambda p: (p[1] is None or p[1].single, int(p[0].id[1:]) if p[0].id[1:].isdigit() else 0))
        out: dict[str, str] = {}
        for e, key in keyed:
            ctx = contexts[e.id]
            found = self._find(e, key, ctx, exclude_doc=e.doc_id)
            if found is None:
                found = actor_id(e.type.value, key.full if key else fold(e.name), e.doc_id, e.id)
                self.actors[found] = Actor(found)
                self._attach(found, e, ctx)
                if key is not None and e.type is EntityType.PERSON and not key.single:
                    self._absorb_surnames(found, key)
            else:
                self._attach(found, e, ctx)
            out[e.id] = found
        return out

    def _score(self, actor: str, ctx: set[str]) -> int:
        return len(self.actors[actor].context & ctx)

    def _pick(self, candidates: set[str], ctx: set[str], need_context: bool) -> str | None:
        """The best candidate by shared context; with ``need_context`` only a clear winner with some."""
        if not candidates:
            return None
        scored = sorted(
            ((self._score(a, ctx), len(self.actors[a].members), a) for a in candidates), reverse=True
        )
        best = scored[0]
        if not need_context:
            return best[2]
        if best[0] < self.settings.min_shared_context:
            return None
        if len(scored) > 1 and best[0] - scored[1][0] < self.settings.surname_margin:
            return None
        return best[2]

    def _compatible(self, ids: set[str], entity_type: EntityType, exclude_doc: str) -> set[str]:
        """Candidates of a fitting type; two persons of one document that in-document resolution kept
        apart stay apart."""
        return {
            a for a in ids
            if compatible(self.actors[a].type, entity_type)
            and not (entity_type is EntityType.PERSON and exclude_doc in self.actors[a].docs)
        }

    def _find(self, e: EntityIn, key: NameKey | None, ctx: set[str], exclude_doc: str) -> str | None:
        if key is None:
            return None
        if e.type is EntityType.PERSON and key.single:
            return self._pick(self._compatible(self.by_surname.get(key.full, set()), e.type, exclude_doc), ctx, True)
        keys = self._full_keys(e, key)
        cands = self._compatible(set().union(*(self.by_full.get(k, set()) for k in keys)), e.type, exclude_doc)
        if cands:
            return self._pick(cands, ctx, False)
        if e.type is EntityType.PERSON:
            return None
        if key.is_acronym:
            cands = self._compatible(self.by_acronym.get(key.full, set()), e.type, exclude_doc)
            return self._pick(cands, ctx, len(cands) > 1)
        if key.acronym:
            cands = self._compatible(self.by_full.get(key.acronym, set()), e.type, exclude_doc)
            cands = {a for a in cands if not self.actors[a].has_full_name}
            return self._pick(cands, ctx, len(cands) > 1)
        return None

    def _full_keys(self, e: EntityIn, key: NameKey) -> set[str]:
        keys = {key.full}
        for alias in e.aliases:
            ak = name_key(alias, e.type)
            if ak is None or (e.type is EntityType.PERSON and ak.single):
                continue  # a lone surname alias is no full name
            keys.add(ak.full)
        return keys

    def _attach(self, actor: str, e: EntityIn, ctx: set[str], touch: bool = True) -> None:
        a = self.actors.setdefault(actor, Actor(actor))
        key = name_key(e.name, e.type)
        a.types[e.type] += 1
        a.names[e.name] += 1
        a.members.append((e.doc_id, e.id))
        a.docs.add(e.doc_id)
        a.context |= ctx
        self.assigned[(e.doc_id, e.id)] = actor
        if touch:
            self.touched.add(actor)
        if key is None:
            return
        if e.type is EntityType.PERSON:
            a.surname = a.surname or key.surname
            if key.surname:
                self.by_surname[key.surname].add(actor)
            if not key.single:
                a.has_full_name = True
                for k in self._full_keys(e, key):
                    self.by_full[k].add(actor)
                    a.full_keys.add(k)
            return
        for k in self._full_keys(e, key):
            self.by_full[k].add(actor)
            a.full_keys.add(k)
        if key.acronym:
            self.by_acronym[key.acronym].add(actor)
        if not key.single:
            a.has_full_name = True

    def _absorb_surnames(self, actor: str, key: NameKey) -> None:
        """Earlier documents that named this person by surname alone join the new full-name actor."""
        if not key.surname:
            return
        mine = self.actors[actor]
        rivals = [a for a in self.by_surname[key.surname] if a != actor and self.actors[a].has_full_name]
        for other in list(self.by_surname[key.surname]):
            o = self.actors.get(other)
            if other == actor or o is None or o.has_full_name or o.type is not EntityType.PERSON:
                continue
            score = len(o.context & mine.context)
            if score < self.settings.min_shared_context:
                continue
            if any(len(o.context & self.actors[r].context) + self.settings.surname_margin > score for r in rivals):
                continue
            self._merge(other, actor)

    def _merge(self, source: str, target: str) -> None:
        s, t = self.actors.pop(source), self.actors[target]
        t.types.update(s.types)
        t.names.update(s.names)
        t.context |= s.context
        t.members.extend(s.members)
        t.docs |= s.docs
        t.full_keys |= s.full_keys
        for member in s.members:
            self.assigned[member] = target
        for index in (self.by_full, self.by_surname, self.by_acronym):
            for ids in index.values():
                if source in ids:
                    ids.discard(source)
                    ids.add(target)
        self.merged[source] = target
        for k, v in list(self.merged.items()):
            if v == source:
                self.merged[k] = target
        self.touched.discard(source)
        self.touched.add(target)
