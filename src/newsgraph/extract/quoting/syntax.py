"""Small readings of the dependency parse that attribution needs: subjects, noun phrases, outlets."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.coref import Coref
from newsgraph.extract.quoting.lexicon import Lexicon, load
from newsgraph.model import Span

SENTENCE_FINAL = frozenset({".", "?", "!", "…"})
STOPS_PHRASE = frozenset({",", "(", ")", "—", "–", ":", ";", '"', "“", "”", "‘", "’", "'"})
NAME_DEPS = frozenset({"compound", "flat", "det", "amod", "nmod"})
VERB_POS = frozenset({"VERB", "AUX"})


def is_break(token: Token) -> bool:
    """A paragraph break, as spaCy keeps it: a blank token holding a newline."""
    return token.is_space and "\n" in token.text


def is_cue(token: Token, lex: Lexicon) -> bool:
    """A reporting verb used as a verb ("said", not "the saying")."""
    return token.pos_ in VERB_POS and lex.lemma(token) in lex.speech_verbs


NOT_SPEAKERS = frozenset({"TIME"})  # a count ("47 percent said") or "the 46-year-old" (DATE) can speak; a clock not


NOT_WHO = frozenset({"TIME", "DATE"})
NOUNISH = frozenset({"PROPN", "NOUN", "NUM", "PRON"})


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """Who does the verb: its subject, a passive's agent, or the subject it shares with a verb it hangs on."""
    t = _subject(verb, depth)
    if t is not None and (t.ent_type_ in NOT_SPEAKERS or (t.ent_type_ == "DATE" and "old" not in t.text)):
        # "9:30 p.m.  Donald Trump's campaign manager says": a live blog's time stamp taken as the subject
        for c in t.children:
            if c.dep_ == "appos":
                return c
        return _name_right_before(verb) or _noun_before(verb, t.i + 1 if t.i < verb.i else verb.sent.start)
    if t is None and depth == 0:
        return (
            _noun_before(verb, verb.sent.start, children_only=True) or _name_right_before(_top_verb(verb))
            or _finite_subject_before(verb)
        )
    if t is not None and depth == 0 and t.i < verb.i and _is_dateline(t):
        return _after_dateline(verb, t) or t
    return t


DASHES = frozenset({"-", "–", "—", "--"})
FINITE = frozenset({"VBZ", "VBD", "VBP"})


def _is_dateline(t: Token) -> bool:
    """ "WASHINGTON (AP) — Donald Trump pledged": a place in capitals or a wire's tag parsed as the subject."""
    return t.ent_type_ in ("GPE", "LOC") or (t.text.isupper() and len(t.text) > 3)


def _after_dateline(verb: Token, t: Token) -> Token | None:
    """The subject after a dateline's dash: the first noun phrase between the dash and the verb."""
    doc = verb.doc
    dash = next((k for k in range(verb.i - 1, t.i, -1) if doc[k].text in DASHES), None)
    return _noun_before(verb, dash + 1) if dash is not None else None


PLACES = frozenset({"GPE", "LOC", "FAC"})
SKIPPED_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})
MAX_APPOSITION = 16  # tokens of ", the director of the Federal Bureau of Investigation," between a name and its verb
MAX_PARENTHESIS = 8  # "(D-MA)", "(R-Texas)"


def _top_verb(verb: Token) -> Token:
    """The verb a subjectless one shares its subject with: "has delivered ..., saying" -> "delivered"."""
    for _ in range(4):
        head = verb.head
        if head.i == verb.i or head.pos_ not in VERB_POS or verb.dep_ not in ("conj", "advcl", "xcomp"):
            break
        verb = head
    return verb


def _name_right_before(verb: Token) -> Token | None:
    """A verb the parse left without a subject takes the name that stands right before it, past its auxiliaries,
    a parenthesis ("Sen. Elizabeth Warren (D-MA) said") or an apposition ("Jay DiPietro, the club's president,
    suggested"): the parser hung that name on a phrase before it."""
    doc = verb.doc
    first = verb.sent.start
    i = verb.i - 1
    while i >= first and doc[i].dep_ in SKIPPED_BEFORE_VERB and doc[i].head.i == verb.i:
        i -= 1
    if i >= first and doc[i].text == ")":
        opening = next((k for k in range(i - 1, max(first, i - MAX_PARENTHESIS) - 1, -1) if doc[k].text == "("), None)
        if opening is None:
            return None
        i = opening - 1
    if i < first or is_break(doc[i]):
        return None
    t = doc[i]
    if t.text == ",":
        for k in range(i - 1, max(first, i - MAX_APPOSITION) - 1, -1):
            if is_break(doc[k]) or doc[k].text in SENTENCE_FINAL:
                return None
            if doc[k].text == ",":
                if k - 1 >= first and doc[k - 1].pos_ == "PROPN" and doc[k - 1].ent_type_ not in PLACES:
                    return _name_head(doc[k - 1])
                return None
        return None
    if t.pos_ == "PROPN" and t.ent_type_ not in PLACES and t.ent_type_ not in NOT_WHO:
        return _name_head(t)
    if t.pos_ == "PRON" and t.lower_ in ("he", "she", "they", "we", "i"):
        return t
    if t.pos_ == "NOUN" and t.ent_type_ not in NOT_WHO and any(
        c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in t.children
    ):
        return t  # "In an interview with X and Y, the Democratic candidate stated": the parser made it Y's apposition
    return None


def _name_head(t: Token) -> Token:
    while t.dep_ in ("compound", "flat") and t.head.i != t.i and 0 < t.head.i - t.i <= 3:
        t = t.head
    return t


def _finite_subject_before(verb: Token) -> Token | None:
    """ "Kasich offered the man a job, then says ...": a finite verb with no subject in the parse shares the
    subject of the clause just before it in the sentence."""
    if verb.tag_ not in FINITE:
        return None
    doc = verb.doc
    for i in range(verb.i - 1, verb.sent.start - 1, -1):
        t = doc[i]
        if is_break(t):
            return None  # a sentence the parser ran across a paragraph break: the paragraph before is no clause
        if t.pos_ in VERB_POS and t.dep_ not in ("aux", "auxpass"):
            s = _subject(t, 1)
            if s is not None and s.i < t.i:
                return s
    return None


def _noun_before(verb: Token, first: int, children_only: bool = False) -> Token | None:
    """When the parse gives no usable subject: the head of the nearest noun phrase before the verb that is no
    time ("5:15 p.m.  Large majorities of voters said", "Trump, in Kentucky, said Tuesday")."""
    doc = verb.doc
    if children_only:  # the verb's own left dependents only: a loose noun phrase the parser did not call nsubj
        for c in verb.children:
            if c.i < verb.i and c.dep_ in ("dep", "npadvmod", "nmod", "appos") and c.pos_ in NOUNISH and (
                c.ent_type_ not in NOT_WHO
            ) and not any(is_break(doc[k]) for k in range(c.i + 1, verb.i)):
                return c  # (not across a paragraph break: "... New York's AM 970.\n\nStated Stone:")
        return None
    for i in range(first, min(first + 8, verb.i)):
        n = doc[i]
        if n.pos_ in NOUNISH and n.ent_type_ not in NOT_WHO and not n.is_space:
            while n.dep_ in ("compound", "flat", "amod", "nmod") and n.head.i < verb.i and n.head.i != n.i and (
                n.head.ent_type_ not in NOT_WHO
            ):
                n = n.head
            return n
    return None


def _subject(verb: Token, depth: int = 0) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        # "Speaking in Salem, New Hampshire, Trump went after Bush": the place is the parser's second subject
        people = [c for c in subjects if c.ent_type_ not in PLACES] or subjects
        return min(people, key=lambda c: abs(verb.i - c.i))
    if subjects:
        return subjects[0]
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if depth > 4 or verb.head.i == verb.i:
        return None
    if _reporter_participle(verb):
        return subject_of(verb.head.head, depth + 1)
    if verb.dep_ == "conj" or (verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in VERB_POS):
        return subject_of(verb.head, depth + 1)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return subject_of(verb.head.head, depth + 1)  # "voters are more likely to say"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in VERB_POS:
        return subject_of(verb.head.head, depth + 1)  # "Lukashenko, after declaring that ..."
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):  # "the 43-year-old asked"
        return _misattached_subject(verb) or _object_participle(verb) or _infinitive_owner(verb, depth) or verb.head
    return None


def _reporter_participle(verb: Token) -> bool:
    """ "Cruz said that Trump represents "New York values," stating that ...": a participle of saying hung on the
    reported clause goes on with the reporter, not with the subject of what was reported."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.dep_ != "ccomp" or verb.head.head.i == verb.head.i:
        return False
    lex = load()
    reporter = verb.head.head
    return lex.lemma(verb) in lex.speech_verbs and reporter.pos_ in VERB_POS and lex.lemma(reporter) in lex.speech_verbs


def _infinitive_owner(verb: Token, depth: int) -> Token | None:
    """ "held a press briefing to brag that ...", "ran on his ability to jolt the economy and accused X": an
    infinitive hung on a noun is done by the subject of the clause that holds the noun, not by the noun."""
    if verb.dep_ not in ("acl", "relcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    t = verb.head
    for _ in range(6):
        if t.pos_ in VERB_POS:
            return _subject(t, depth + 1)
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _object_participle(verb: Token) -> Token | None:
    """ "emailed supporters saying ...": a participle hung on an object belongs to the clause's subject."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    t = verb.head
    for _ in range(6):
        if t.dep_ not in ("dobj", "dative", "pobj", "prep", "attr"):
            return None
        t = t.head
        if t.pos_ in VERB_POS:
            return _subject(t, 3)
    return None


def _misattached_subject(verb: Token) -> Token | None:
    """ "X, an outlet that is affiliated with Y, reported ...": the parser hangs "reported" on Y; the subject is X."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    t = verb.head
    for _ in range(8):
        if t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")):
            return t
        if t.dep_ not in ("pobj", "prep", "agent", "relcl", "acl", "appos", "dobj", "conj") or t.head.i == t.i:
            return None
        t = t.head
    return None


def phrase_span(token: Token, text: str) -> Span:
    """The name or description a speaker token heads ("Kremlin spokesman Dmitry Peskov"), as evidence."""
    doc = token.doc
    left = right = token.i
    i = left - 1
    while i >= 0 and token.is_ancestor(doc[i]) and doc[i].text not in STOPS_PHRASE and not doc[i].is_space and not (
        doc[i].pos_ in VERB_POS and doc[i].dep_ != "amod"
    ):
        left = i  # "the 43-year-old", "Kremlin spokesman Dmitry Peskov"
        i -= 1
    changed = True
    while changed:
        changed = False
        for c in doc[left].children if left != token.i else token.children:
            if c.dep_ in NAME_DEPS and c.i == left - 1:
                left, changed = c.i, True
        for c in token.children:
            if c.dep_ in ("flat", "compound") and c.i == right + 1:
                right, changed = c.i, True
            elif c.dep_ == "appos" and c.left_edge.i == right + 1 and c.right_edge.i - c.i <= 1:
                right, changed = c.right_edge.i, True  # "the newspaper Le Monde", not "Clinton, 35, ..."
    return Span.of(text, doc[left].idx, doc[right].idx + len(doc[right].text))


def token_span(text: str, first: Token, last: Token) -> Span:
    return Span.of(text, first.idx, last.idx + len(last.text))


def via_of(verb: Token, coref: Coref, speaker: str | None) -> str | None:
    """The outlet that carried the words: "told the New York Times", "in an interview with CNN"."""
    lex = coref.lex
    candidates: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dative", "dobj") and verb.lemma_ in ("tell", "say", "write"):
            candidates.append(c)
        elif c.dep_ == "prep" and c.lower_ == "to":
            candidates.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ in ("in", "during", "on"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if p.lemma_.lower() in lex.via_nouns:
                    for pp in p.children:
                        if pp.dep_ == "prep" and pp.lower_ in ("with", "to", "on", "for", "in"):
                            candidates.extend(x for x in pp.children if x.dep_ == "pobj")
                else:
                    candidates.append(p)
        elif c.dep_ == "advcl" and c.lemma_ in ("speak", "talk"):
            for pp in c.children:
                if pp.dep_ == "prep" and pp.lower_ in ("to", "with"):
                    candidates.extend(x for x in pp.children if x.dep_ == "pobj")
    for cand in candidates:
        eid = coref.resolve(cand)
        if eid and eid != speaker and coref.is_outlet(eid):
            return eid
    return None


def cited_source(verb: Token, coref: Coref) -> Token | None:
    """Whom the speaker cites: "..., citing sources in Western intelligence" or "based on anonymous sources"."""
    near = list(verb.children) + [g for c in verb.children if c.dep_ == "ccomp" for g in c.children]
    for c in near:
        if c.dep_ == "advcl" and c.lemma_ == "cite" and c.i < (verb.i + 6):
            for d in c.children:
                if d.dep_ == "dobj":
                    return d
    return None
