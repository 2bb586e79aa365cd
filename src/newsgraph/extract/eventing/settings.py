"""The event extractor's tunables, each with the reason for its default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventSettings:
    # Control and coordination chains ("began to continue to recruit") longer than this are rare in news and
    # are mostly misparses: climbing further picks up the wrong subject.
    max_climb: int = 3
    # A noun phrase nested deeper than this under an argument ("the head of the office of the ...") names
    # someone other than the participant.
    max_nesting: int = 3
    # Precision over recall: an event in which no named actor or target takes part cannot be checked by a
    # reader, so it is not emitted (a definite mention of an earlier event still joins that event).
    require_participant: bool = True
    # Verb and object further apart than this are quoted as two words, not as the text between them.
    max_trigger_gap: int = 3
    # Coordinated verbs further apart than this many tokens ("condemned and sanctioned", "donated and personally
    # delivered") do not share an object: a verb after a clause of its own is another act.
    max_shared_gap: int = 4
    # How many sentences back in the same paragraph a reference time is looked for: further back the
    # narrative time has usually moved on.
    context_sentences: int = 3


DEFAULT = EventSettings()
