"""Every example in resources/quotes/cues.toml, run through find_quotes: kind, cue, speaker and act."""

from __future__ import annotations

import pytest

from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quotes import find_quotes
from newsgraph.extract.quoting.lexicon import rules
from newsgraph.model import QuoteAct, QuoteKind
from quotes_helpers import entities_for, names_in

POSITIVE = [(r["id"], r["kind"], {"act": r.get("act", "speech"), **ex}) for r in rules() for ex in r.get("positive", [])]
NEGATIVE = [(r["id"], r["kind"], text) for r in rules() for text in r.get("negative", [])]


def _quotes(nlp, text):
    doc = nlp(text)
    entities = entities_for(text, names_in(text))
    return find_quotes(doc, entities, MentionIndex(entities))


@pytest.mark.parametrize("rule_id,kind,example", POSITIVE, ids=[f"{r}:{e['text'][:30]}" for r, _, e in POSITIVE])
def test_quotes_rule_positive(nlp, rule_id, kind, example):
    quotes = _quotes(nlp, example["text"])
    hits = [q for q in quotes if q.kind is QuoteKind(kind) and q.cue == example["cue"]]
    assert hits, f"{rule_id}: no {kind} quote with cue {example['cue']!r} in {quotes}"
    assert any(q.speaker_span and example["speaker"] in q.speaker_span.text for q in hits), hits
    assert any(q.act is QuoteAct(example["act"]) for q in hits), f"{rule_id}: no {example['act']} act in {hits}"


@pytest.mark.parametrize("rule_id,kind,text", NEGATIVE, ids=[f"{r}:{t[:30]}" for r, _, t in NEGATIVE])
def test_quotes_rule_negative(nlp, rule_id, kind, text):
    assert [q for q in _quotes(nlp, text) if q.kind is QuoteKind(kind)] == []
