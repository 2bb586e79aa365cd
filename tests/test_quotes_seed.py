"""The seed article through the whole pipeline: the source chain and the speakers it must show."""

from __future__ import annotations

from newsgraph.model import QuoteKind


def _speaker_name(record, quote):
    e = record.entity(quote.speaker)
    return e.name if e else None


def _quote(record, fragment, kind=None):
    hits = [q for q in record.quotes if fragment in q.text and (kind is None or q.kind is kind)]
    assert hits, f"no quote holds {fragment!r}"
    return hits[0]


def test_quotes_seed_chain_liberation_then_kremlin(seed_record):
    first = _quote(seed_record, "The news of the meeting")
    assert first.kind is QuoteKind.INDIRECT and first.cue == "reported"
    assert "Libération" in (_speaker_name(seed_record, first) or "")
    confirmed = _quote(seed_record, "had met with Evgeny Prigozhin")
    assert confirmed.cue == "confirmed" and "Kremlin" in (_speaker_name(seed_record, confirmed) or "")


def test_quotes_seed_speakers(seed_record):
    assert "Peskov" in _speaker_name(seed_record, _quote(seed_record, "The only thing we can say"))
    assert "Peskov" in _speaker_name(seed_record, _quote(seed_record, "Putin invited 35 people"))
    partial = _quote(seed_record, "the ability nor the willingness", QuoteKind.PARTIAL)
    assert "Kremlin" in _speaker_name(seed_record, partial)
    clause = _quote(seed_record, "the ability nor the willingness")  # the clause around it, reported too
    assert clause.speaker == partial.speaker
    added = _quote(seed_record, "not a single army commander")
    assert added.speaker_span.text.lower() == "the newspaper"
    assert "Novaya Gazeta" in _speaker_name(seed_record, added)


def test_quotes_seed_scare_quotes_are_dropped(seed_record):
    texts = [q.text for q in seed_record.quotes]
    assert not any(t.startswith("special military operation") for t in texts)
    assert "legitimate" not in texts


def test_quotes_seed_evidence_holds(seed_record):
    text = seed_record.document.text
    for q in seed_record.quotes:
        assert text[q.start : q.end] == q.text
        assert "\n\n\n" not in q.text
