"""Who took part: actors and targets as entity ids, and the place, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.extract.eventing.complements import (
    AIMED,
    clause_targets,
    condition_targets,
    ecm_subjects,
    named_or_agent,
    noun_content_targets,
)
from newsgraph.extract.eventing.lexicon import Cues, OfRole, load_lexicon, verb_forms
from newsgraph.extract.eventing.participants import Participants
from newsgraph.extract.eventing.phrases import MODIFIERS, entities_of
from newsgraph.extract.eventing.phrases import add as _add
from newsgraph.extract.eventing.phrases import pobjs as _pobjs
from newsgraph.extract.eventing.places import target_places
from newsgraph.extract.eventing.settings import EventSettings
from newsgraph.extract.eventing.triggers import Trigger
from newsgraph.model import EntityType, PloverType

_SUBJ = frozenset({"nsubj", "csubj"})
# ccomp is not climbed: a complement clause has a subject of its own, and when the parser loses it, the
# subject of "the newspaper added that ..." is the teller, not the actor.
_CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "relcl"})
# Prepositions whose object is on the receiving end of an act ("attack on", "sanctions against").
_TARGET_PREPS = frozenset({"against", "on", "upon", "at", "to", "toward", "towards", "into", "with", "over", "from"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
# Light verbs whose object takes part in the nominal event too ("engaged peacekeepers in a firefight").
_INVITING = frozenset({"invite", "bring", "summon", "gather", "convene", "engage"})
# Verbs of a protest's purpose clause ("to demand", "to protest", "calling for").
_PURPOSE_VERBS = frozenset({"demand", "protest", "call", "press", "urge", "denounce", "condemn", "oppose", "show"})
# Participles besides the light verbs whose agent did what their noun names ("lawsuits brought by X").
_BRINGING = frozenset({"bring", "level", "propose", "broker", "commit", "perpetrate", "stage", "voice", "raise"})
# "with X's help": X helps, it is not acted on.
_HELP_NOUNS = frozenset({"help", "support", "assistance", "backing", "aid", "cooperation", "consent", "approval",
                         "blessing", "permission", "mediation"})
# Nouns of "in protest of X", "in defiance of X", "in opposition to X": X is what a protest is aimed at.
_STANCE_NOUNS = frozenset({"protest", "defiance", "opposition"})
_STANCE_PREPS = frozenset({"of", "against", "at", "over", "to"})
# Uses of force, whose purpose clause may name whom the force is used on.
_HOSTILE = frozenset({PloverType.ASSAULT, PloverType.COERCE})
_RECIPROCAL_TYPES = frozenset({PloverType.CONSULT, PloverType.COOPERATE, PloverType.AGREE})


@dataclass(slots=True)
class Roles:
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    anchor: Token | None = None  # the verb that carries tense, negation and time for the event
    frame: list[Token] = field(default_factory=list)  # tokens whose modifiers belong to the event


def _subject(
    verb: Token, settings: EventSettings, index: Participants | None = None
) -> tuple[Token | None, bool, list[Token]]:
    """The subject of a verb, climbing control and coordination; (token, passive?, tokens climbed)."""
    tok = verb
    path = [verb]
    for step in range(settings.max_climb + 1):
        if step and path[-2].dep_ == "xcomp":
            # Object control: "urged Serbia to recognise" (where the object names someone).
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and index is not None and entities_of(obj, index, 1):
                return obj, False, path
        for c in tok.children:
            if c.dep_ in _SUBJ:
                return c, False, path
            if c.dep_ == "nsubjpass":
                # A raised subject ("is set to discuss") is no patient; a shared one ("was arrested and jailed") is.
                return c, step == 0 or (path[-2].dep_ == "conj" and _bare_participle(path[-2])), path
        if tok.dep_ == "relcl":
            return tok.head, False, path
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, tok.tag_ == "VBN", path
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.dep_ == "prep" and path[-1].dep_ == "pcomp" and tok.head.i != tok.i:
            tok = tok.head  # "boasted of having brokered a deal": the preposition's head has the subject
        path.append(tok)
    return None, False, path


def _bare_participle(verb: Token) -> bool:
    """A coordinated participle that shares the passive of the verb before it ("was arrested and jailed"),
    not an active verb that shares only its subject ("has been indicted and will resign")."""
    return verb.tag_ == "VBN" and not any(a.dep_ == "aux" for a in verb.children)


def _agent(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)]


def _place(tokens: list[Token], index: Participants) -> str | None:
    for tok in tokens:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                for p in _pobjs(c):
                    eid = index.at_token(p)
                    if eid and index.type_of(eid) is EntityType.PLACE:
                        return eid
    return None


def _verb_roles(trig: Trigger, index: Participants, settings: EventSettings, roles: Roles) -> None:
    verb = trig.token
    reciprocal = trig.rule.reciprocal and trig.type in _RECIPROCAL_TYPES
    depth = settings.max_nesting
    subj, passive, path = _subject(verb, settings, index)
    roles.frame.extend(path)
    if subj is not None:
        _add(roles.targets if passive and not reciprocal else roles.actors, entities_of(subj, index, depth))
    for a in _agent(verb):
        _add(roles.actors, entities_of(a, index, depth))
    has_object = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    if not has_object and roles.actors:  # "allowed Ouattara to run"; but "a decision allowed X to ..." tells
        for c in ecm_subjects(verb):  # of no act between two parties
            _add(roles.targets, entities_of(c, index, depth))
    addressees: list[str] = []  # "complained to the UN over Israeli raids": the UN hears the complaint
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ == "ADP":  # "providing photographs and intelligence to Macedonia"
            for p in _pobjs(c):
                _add(roles.actors if reciprocal and trig.type is PloverType.CONSULT else roles.targets,
                     entities_of(p, index, depth))
        elif c.dep_ in ("dobj", "dative", "obj") and not (
            c.dep_ == "dobj" and verb.lemma_.lower() in trig.rule.topic_verbs
        ):
            meeting = reciprocal and trig.type is PloverType.CONSULT  # "met Macron"; but "accepted the plan of X"
            if meeting:
                _add(roles.actors, entities_of(c, index, depth))
            else:  # "rejected calls by X": whose the unnamed object is
                named = named_or_agent(c, index, depth)
                if trig.extra is not None and c.i == trig.extra.i:
                    # the trigger's own object ("released Palestinian prisoners"); a place it names is where
                    # ("blocked the Europe Bridge")
                    named = [i for i in named if index.type_of(i) is not EntityType.PLACE]
                _add(roles.targets, named)
                # "provided intelligence to Macedonia", "demanded a truce with X": whom it is aimed at, also
                # from a conjoined object ("provided photographs and other intelligence to Macedonia")
                for o in (c, *(g for g in c.children if g.dep_ == "conj")):
                    _add(roles.targets, _aimed(o, index, depth, with_party=not reciprocal and not named))
            for p in (p for g in c.children if g.dep_ == "prep" and g.lower_ == "between" for p in _pobjs(g)):
                _add(roles.targets, entities_of(p, index, depth))  # "brokered a deal between X and Y"
        elif c.dep_ in ("prep", "prt") and c.lower_ in _TARGET_PREPS:
            dest = roles.actors if reciprocal and c.lower_ == "with" else roles.targets
            for p in _pobjs(c):
                if c.lower_ == "with" and p.lemma_.lower() in _HELP_NOUNS:
                    continue  # "with Albania's help": a helper, not whom the act is aimed at
                eid = index.at_token(p)
                if index.type_of(eid) is EntityType.PLACE and (
                    c.lower_ in _PLACE_PREPS or (c.lower_ == "on" and has_object)
                ):  # "beat up detainees on the West Bank": where, not whom
                    roles.place = roles.place or eid
                    continue
                named = entities_of(p, index, depth) if dest is roles.actors else named_or_agent(p, index, depth)
                _add(dest, named)
                if c.lower_ == "to" and trig.type is PloverType.ACCUSE:
                    _add(addressees, named)
                if dest is roles.targets and not [i for i in named if i not in roles.actors]:
                    # "reneged on its commitment to X", "agreed to a ceasefire with X"
                    _add(dest, _aimed(p, index, depth, with_party=True))
        elif c.dep_ == "prep" and c.lower_ == "between":
            for p in _pobjs(c):
                _add(roles.targets if not reciprocal else roles.actors, entities_of(p, index, depth))
    if addressees and any(t not in addressees for t in roles.targets):
        roles.targets = [t for t in roles.targets if t not in addressees]
    if trig.extra is not None and trig.extra.dep_ in ("prt", "prep"):  # "called for the release of X"
        for p in _pobjs(trig.extra):
            named = entities_of(p, index, depth)
            _add(roles.targets, named)
            # "called for sanctions against Nigeria", "pushed for talks with the Taliban"
            _add(roles.targets, _aimed(p, index, depth, with_party=not reciprocal and not named))
    if trig.extra is not None and trig.extra.dep_ == "mark":  # "called for Israel to halt": the clause's subject
        _add(roles.targets, clause_targets(trig.extra.head, index, depth, roles.actors, subject=True))
    if trig.extra is not None and trig.extra.dep_ in ("dobj", "nsubjpass"):  # "imposed sanctions on X"
        _noun_preps(trig, trig.extra, index, depth, reciprocal, roles, of_actor=False)
    if trig.rule.frame and not roles.targets:  # "demanded that Hamas renounce", "threatened to attack Japan"
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp"):
                _add(roles.targets, clause_targets(c, index, depth, roles.actors, subject=True))
    if trig.type is PloverType.THREATEN and not roles.targets:  # "threatened to strike unless Israel ..."
        _add(roles.targets, condition_targets(verb, index, depth, roles.actors))
    if trig.type is PloverType.PROTEST and not roles.targets:
        _purpose_targets(verb, index, depth, roles)
    if trig.type in _HOSTILE and not [t for t in roles.targets if t not in roles.actors]:
        for c in verb.children:  # "opened fire to disperse Islamist demonstrators": whom the force is used on
            if c.dep_ in ("advcl", "xcomp") and _hostile_purpose(c):
                _add(roles.targets, clause_targets(c, index, depth, roles.actors, subject=False))
    if not has_object and not reciprocal and not [t for t in roles.targets if t not in roles.actors]:
        # "condemned and sanctioned Russia": the object the coordinated verbs share
        shared = _shared_object(verb, index, depth, settings.max_shared_gap)
        _add(roles.targets, [t for t in shared if t not in roles.actors])
    roles.anchor = verb


def _hostile_purpose(clause: Token) -> bool:
    """An infinitive of purpose that is itself a use of force ("to disperse the crowd", "to arrest X")."""
    if not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
        return False
    lex = load_lexicon()
    rule = next((lex.by_verb[f] for f in verb_forms(clause.lemma_.lower(), clause.lower_) if f in lex.by_verb), None)
    return rule is not None and rule.type in _HOSTILE


def _shared_object(verb: Token, index: Participants, depth: int, max_gap: int) -> list[str]:
    """The object and "to/against" phrase of a verb coordinated right after this one, which this one shares
    ("condemned and sanctioned Russia", "donated and personally delivered goods to X"); not another clause's
    ("X shelled Y and Z fired at W"), nor a later verb's ("declined to comment but said X's offer ...")."""
    ids: list[str] = []
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return ids
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if conj.i - verb.i > max_gap or any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children):
            continue
        for o in (g for g in conj.children if g.dep_ in ("dobj", "dative")):
            _add(ids, entities_of(o, index, depth))
            _add(ids, _aimed(o, index, depth))
        _add(ids, _aimed(conj, index, depth))
    return ids


def _aimed(noun: Token, index: Participants, depth: int, with_party: bool = False) -> list[str]:
    """Whom a noun's "to/against/on" phrase aims it at: "sanctions against Nigeria", "aid to Macedonia"; with
    ``with_party``, also its "with" phrase ("demanded a truce with X", "broke off relations with X")."""
    ids: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ in AIMED or (with_party and c.lower_ == "with")):
            for p in _pobjs(c):
                if index.type_of(index.at_token(p)) is EntityType.PLACE and c.lower_ in ("on", "at"):
                    continue  # "sanctions on Monday"-like slips aside, "on" or "at" a place is where
                _add(ids, entities_of(p, index, depth))
    return ids


def _purpose_targets(verb: Token, index: Participants, depth: int, roles: Roles) -> None:
    """A protest's target from its purpose: "to demand the resignation of X", "in protest of X's policy"."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _PURPOSE_VERBS:
            _add(roles.targets, clause_targets(c, index, depth, roles.actors, subject=False))
        elif c.dep_ == "prep" and c.lower_ in ("against", "over"):
            for p in _pobjs(c):
                _add(roles.targets, named_or_agent(p, index, depth))
        elif c.dep_ == "prep" and c.lower_ == "in":  # "in protest of X's refusal", "in defiance of X"
            for p in (p for p in _pobjs(c) if p.lemma_.lower() in _STANCE_NOUNS):
                for q in (q for g in p.children if g.dep_ == "prep" and g.lower_ in _STANCE_PREPS for q in _pobjs(g)):
                    _add(roles.targets, named_or_agent(q, index, depth))


def _noun_roles(
    trig: Trigger, index: Participants, cues: Cues, settings: EventSettings, roles: Roles
) -> None:
    noun = trig.token
    depth = settings.max_nesting
    reciprocal = trig.rule.reciprocal and trig.type in _RECIPROCAL_TYPES
    for c in noun.children:
        if c.dep_ in MODIFIERS and (trig.extra is None or c.i != trig.extra.i):
            _add(roles.actors, entities_of(c, index, 0))
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1 and _carries(c, cues):
            for a in _agent(c):  # "accusations made by X", "the accord signed by X and Y"
                _add(roles.actors, entities_of(a, index, depth))
    _noun_preps(trig, noun, index, depth, reciprocal, roles)
    if trig.rule.frame and not roles.targets:  # "its demand that Israel ease ...", "a threat to attack X"
        _add(roles.targets, noun_content_targets(noun, index, depth, roles.actors))
    if trig.type is PloverType.PROTEST and not roles.targets:  # "a hunger strike in protest of X's refusal"
        _purpose_targets(noun, index, depth, roles)
    roles.frame.append(noun)
    # The verb that carries the noun: "held talks", "invited X to a meeting", "the meeting took place".
    head = noun
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent"):
        head = noun.head
    gov = head.head
    if gov.i == head.i or gov.pos_ not in ("VERB", "AUX"):
        return
    forms = verb_forms(gov.lemma_.lower(), gov.lower_)
    light = any(f in cues.light_verbs for f in forms)
    if noun.dep_ in ("nsubj", "nsubjpass") and (light or any(f in cues.happen_verbs for f in forms)):
        roles.anchor = gov
        roles.frame.append(gov)
        _noun_preps(trig, gov, index, depth, reciprocal, roles)
        if not roles.actors and light:  # "the raid was carried out by X"; not "was followed by the return"
            for a in _agent(gov):
                _add(roles.actors, entities_of(a, index, depth))
        return
    if light and noun.dep_ in ("dobj", "pobj", "attr", "oprd"):
        roles.anchor = gov
        subj, passive, path = _subject(gov, settings, index)
        roles.frame.extend(path)
        if subj is not None and not roles.actors:  # "X was put under investigation": X is its target
            _add(roles.targets if passive else roles.actors, entities_of(subj, index, depth))
        if trig.type is PloverType.PROTEST and not roles.targets:  # "staged a strike to demand X's exit"
            _purpose_targets(gov, index, depth, roles)
            _purpose_targets(noun, index, depth, roles)
        if noun.dep_ == "dobj" and not roles.targets and not reciprocal:  # "opened investigations against X":
            _add(roles.targets, _aimed(gov, index, depth))  # the parser hangs the noun's phrase on the verb
        if gov.lemma_.lower() in _INVITING:  # "invited Wagner's commanders to a meeting": they attend it
            for c in gov.children:
                if c.dep_ == "dobj":
                    _add(roles.actors if reciprocal else roles.targets, entities_of(c, index, depth))
        if passive:
            for a in _agent(gov):
                _add(roles.actors, entities_of(a, index, depth))


def _carries(verb: Token, cues: Cues) -> bool:
    """Whether a participle carries out the act its noun names ("made", "launched", "brought", "signed"), so
    that its agent is the act's actor; not "the demand enjoyed by the iPod"."""
    return any(f in cues.light_verbs or f in _BRINGING for f in verb_forms(verb.lemma_.lower(), verb.lower_))


def _noun_preps(
    trig: Trigger, head: Token, index: Participants, depth: int, reciprocal: bool, roles: Roles,
    of_actor: bool = True,
) -> None:
    """Participants in the prepositional phrases of a nominal event or of the verb it is the subject of. The
    object of a verb trigger (``of_actor`` False) has the verb's subject for actor: its "of" phrase is acted
    on ("lifted the siege of Sarajevo")."""
    for c in head.children:
        if c.dep_ == "prep":
            word = c.lower_
            if word == "by":
                dest = roles.actors
            elif word == "of":
                dest = roles.actors if trig.rule.of_role is OfRole.ACTOR and of_actor else roles.targets
            elif word == "between" and trig.type in _RECIPROCAL_TYPES and not reciprocal:
                dest = roles.targets  # "a mediation mission between Syria and Arafat": the mediated are targets
            elif word == "between" or (word == "with" and reciprocal):
                dest = roles.actors
            elif word in _TARGET_PREPS or word == "for":  # "an amnesty for X", "support for Y"
                dest = roles.targets
            else:
                continue
            for p in _pobjs(c):
                if word in _PLACE_PREPS and index.type_of(index.at_token(p)) is EntityType.PLACE:
                    continue
                if word == "with" and p.lemma_.lower() in _HELP_NOUNS:
                    continue  # "a blockade with Albania's help"
                # "an investigation into crimes committed by X": whose the unnamed act is
                found = named_or_agent(p, index, depth) if dest is roles.targets else entities_of(p, index, depth)
                _add(dest, found)
                if word == "of" and dest is roles.targets and not found:  # "a suspension of air links with X"
                    _add(dest, _aimed(p, index, depth, with_party=not reciprocal))


def find_roles(
    trig: Trigger, index: Participants, cues: Cues, settings: EventSettings
) -> Roles:
    """Actors, targets, place and the carrying verb of one trigger."""
    roles = Roles()
    if trig.nominal:
        _noun_roles(trig, index, cues, settings, roles)
    else:
        _verb_roles(trig, index, settings, roles)
    roles.targets = [t for t in roles.targets if t not in roles.actors]
    if not roles.targets:  # "imposed a curfew in Cizre": the place a restriction is laid on is its target
        nouns = [t for t in (trig.extra, trig.token if trig.nominal else None) if t is not None]
        if trig.rule.frame and not trig.nominal:  # "threatened to impose a curfew in Algiers"
            nouns += [o for c in trig.token.children if c.dep_ in ("xcomp", "ccomp")
                      for o in c.children if o.dep_ == "dobj"]
        places = target_places(nouns, index, settings.max_nesting)
        roles.targets = [t for t in places if t not in roles.actors]
    roles.place = roles.place or _place(roles.frame, index)
    if roles.place in roles.targets and trig.type in _RECIPROCAL_TYPES:
        roles.targets.remove(roles.place)
    return roles
