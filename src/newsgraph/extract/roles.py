"""Roles: the titles a text gives people, and the organisation or country each title is of.

Three shapes cover most of news: a title before the name ("Kremlin spokesman Dmitry Peskov"), an apposition
after it ("Sergei Naryshkin, the head of Russia's Foreign Intelligence"), and appointment verbs ("named Mary Barra
as its new chief executive"). Found on the parse before entities are clustered; mapped to entity ids after.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon import lexicon

_APPOINT = frozenset(
    "name appoint elect nominate choose select install promote hire confirm re-elect reappoint tap".split()
)
_POSSESSIVE = ("'s", "’s")


@dataclass(slots=True)
class RoleFinding:
    person_token: int
    title: str
    evidence: tuple[int, int]  # character offsets
    of_token: int | None = None
    of_country: tuple[int, int, str] | None = None  # token range of a demonym, and its country
    portfolio: str | None = None


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _in_hyphen_chain(doc: Doc, j: int) -> bool:
    """ "of" in "Chief-of-Staff", which spaCy splits into five tokens."""
    return 0 < j < len(doc) - 1 and doc[j - 1].text == "-" and doc[j + 1].text == "-"


def _prenominal(doc: Doc, start: int, taken: set[int]) -> RoleFinding | None:
    lex = lexicon()
    j, title_start, has_title = start - 1, start, False
    while j >= 0:
        t = doc[j]
        if j in taken:
            break
        if t.text == "-" or (t.lower_ == "of" and _in_hyphen_chain(doc, j)):
            pass
        elif lex.is_title_part(t.text) and t.pos_ in ("NOUN", "PROPN", "ADJ"):
            has_title = has_title or lex.is_title(t.text)
        else:
            break
        title_start, j = j, j - 1
    while title_start < start and doc[title_start].text == "-":
        title_start += 1
    if not has_title or title_start >= start:
        return None
    title = doc[title_start:start].text
    finding = RoleFinding(start, title, (0, 0))
    ev_start = title_start
    if j >= 0 and j in taken:
        finding.of_token, ev_start = j, j
        while ev_start - 1 in taken and doc[ev_start - 1].ent_iob_ == "I":
            ev_start -= 1
    elif j >= 1 and doc[j].lower_ in _POSSESSIVE and j - 1 in taken:
        finding.of_token, ev_start = j - 1, j - 1
        while ev_start - 1 in taken and doc[ev_start - 1].ent_iob_ == "I":
            ev_start -= 1
    elif j >= 0 and doc[j].lower_ in lex.demonyms:
        finding.of_country, ev_start = (j, j + 1, lex.demonyms[doc[j].lower_]), j
    for t in doc[title_start:start]:
        if t.lower_ in lex.portfolios:
            finding.portfolio = t.lower_
            break
    finding.evidence = (doc[ev_start].idx, 0)
    return finding


def _title_phrase(head: Token, taken: set[int]) -> tuple[int, int, int | None, int | None]:
    """Token range of a title headed by ``head`` and the token its "of"/possessive names, if an entity."""
    doc = head.doc
    lex = lexicon()
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.i != start - 1 or child.dep_ not in ("compound", "amod", "nmod", "punct"):
            break
        if child.i in taken:
            break
        if child.pos_ not in ("NOUN", "PROPN", "PUNCT") and not lex.is_title_part(child.text):
            break  # "new", "far-right": description, not part of the office
        start = child.i
    end = head.i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_alpha:
        end += 2  # "commander-in-chief"
    of_token = poss_token = None
    for child in head.children:
        if child.dep_ == "poss" and child.i in taken:
            poss_token = child.i
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if not objs:
                continue
            obj = objs[0]
            named = [t.i for t in obj.subtree if t.i in taken]
            if obj.i in taken:
                of_token = obj.i
            elif named:
                of_token = named[-1]
            if of_token is None:  # "head of product development": the office, not an actor
                end = obj.right_edge.i + 1
    return start, end, of_token, poss_token


def _appositive(doc: Doc, person: Token, head: Token, taken: set[int]) -> RoleFinding | None:
    lex = lexicon()
    if not lex.is_title(head.text) and not lex.is_title(head.lemma_):
        return None
    start, end, of_token, poss_token = _title_phrase(head, taken)
    title = doc[start:end].text
    finding = RoleFinding(person.i, title, (0, 0), of_token=of_token if of_token is not None else poss_token)
    phrase_end = end
    if of_token is not None and of_token >= end:
        phrase_end = of_token + 1
        while phrase_end < len(doc) and doc[phrase_end].ent_iob_ == "I":
            phrase_end += 1  # to the end of the organisation's name
    person_start = person.left_edge.i if person.left_edge.i <= person.i else person.i
    left, right = min(person_start, start), max(person.i + 1, phrase_end)
    if head.i < person.i:
        left = min(start, head.left_edge.i)
    finding.evidence = _chars(doc, left, right)
    for t in doc[start:end]:
        if t.lower_ in lex.portfolios:
            finding.portfolio = t.lower_
    return finding


def _appointment(doc: Doc, person: Token, taken: set[int]) -> RoleFinding | None:
    """ "GM named Mary Barra as its new chief executive"."""
    verb = person.head
    if person.dep_ not in ("dobj", "oprd") or verb.lemma_.lower() not in _APPOINT:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if not objs:
            continue
        finding = _appositive(doc, person, objs[0], taken)
        if finding is None:
            return None
        if finding.of_token is None:
            owners = [c for c in objs[0].children if c.dep_ == "poss" and c.pos_ == "PRON"]
            # The subject, or the name in apposition to it ("the car maker General Motors named ...").
            subjects = [
                t for c in verb.children if c.dep_ == "nsubj"
                for t in (c, *(a for a in c.children if a.dep_ == "appos")) if t.i in taken
            ]
            if owners and not subjects:  # a parse without a subject: the nearest organisation before
                subjects = [
                    t for t in reversed(doc[verb.sent.start:verb.i]) if t.i in taken and t.ent_type_ == "ORG"
                ][:1]
            if owners and subjects:
                finding.of_token = subjects[0].i
        finding.evidence = _chars(doc, person.i, objs[0].right_edge.i + 1)
        finding.evidence = (min(finding.evidence[0], verb.idx), finding.evidence[1])
        return finding
    return None


def find_role_findings(doc: Doc, taken: set[int]) -> list[RoleFinding]:
    """Every title given to a person-named entity in the doc."""
    findings: list[RoleFinding] = []
    # The small NER labels a surname PERSON in one sentence and ORG in the next: a name spelt like a person's
    # elsewhere in the doc counts as a person here too (roles on non-persons are dropped after clustering).
    person_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not (
            ent.label_ in ("ORG", "GPE", "NORP") and all(t.text in person_words for t in ent)
        ):
            continue
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        if start >= ent.end:
            continue
        pre = _prenominal(doc, start, taken)
        if pre is not None:
            pre.evidence = (pre.evidence[0], ent.end_char)
            findings.append(pre)
        root = ent.root
        for child in root.children:
            # An apposition is set off by a comma: "Sergei Naryshkin, the head of ..."
            if child.dep_ == "appos" and child.i >= ent.end and doc[ent.end].text == ",":
                found = _appositive(doc, root, child, taken)
                if found is not None:
                    findings.append(found)
        before = doc[ent.start - 1].text if ent.start > 0 else ""
        if root.dep_ == "appos" and root.head.i < ent.start and before in (",", "[", "(", ":"):
            found = _appositive(doc, root, root.head, taken)
            if found is not None:
                findings.append(found)
        appointed = _appointment(doc, root, taken)
        if appointed is not None:
            findings.append(appointed)
    return findings
