"""The spaCy component: the same facts as newsgraph.extract, from a user's own pipeline."""

from __future__ import annotations

import spacy

import newsgraph
import newsgraph.factories  # noqa: F401  (registers the component)
from newsgraph import nlp as nlp_mod

TEXT = "On Friday, Transport Minister Pieter Olsen met union leader Maria Santos in Rotterdam."


def test_factories_component_matches_extract():
    nlp = spacy.load(nlp_mod.package_name())
    nlp.add_pipe("newsgraph", config={"published": "2024-03-18"})
    doc = nlp(TEXT)
    record = doc._.newsgraph
    expected = newsgraph.extract(TEXT, published="2024-03-18")
    assert record.to_dict()["entities"] == expected.to_dict()["entities"]
    assert record.to_dict()["times"] == expected.to_dict()["times"]
    assert any(e.name == "Pieter Olsen" for e in record.entities)
