"""spaCy registration, all in one place: ``nlp.add_pipe("newsgraph")`` puts a Record on ``doc._.newsgraph``.

Kept out of the extractor modules so that importing an extractor never registers anything (spaCy's own
scattered decorators once gave it circular imports).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Document, Record
from newsgraph.pipeline import build_record

if not Doc.has_extension("newsgraph"):
    Doc.set_extension("newsgraph", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


class NewsgraphComponent:
    """Every newsgraph extractor over a parsed Doc; set ``doc._.published`` first to resolve dates."""

    def __init__(self, published: str | None = None) -> None:
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        document = Document(text=doc.text, published=doc._.published or self.published)
        record: Record = build_record(doc, document)
        doc._.newsgraph = record
        return doc


@Language.factory("newsgraph", default_config={"published": None})
def make_newsgraph(nlp: Language, name: str, published: str | None) -> NewsgraphComponent:
    return NewsgraphComponent(published)
