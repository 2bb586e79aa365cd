"""spaCy makes a new Token object on every access, so `tok.head is tok` is never true: compare indices."""

from __future__ import annotations

import re

from conftest import REPO

# a Token-looking name on either side of `is` / `is not` (None and enum members are fine)
IDENTITY = re.compile(r"\b\w+(?:\.\w+)*\s+is\s+(?:not\s+)?(?:\w+\.)*(?:tok|token|head|root|gov|verb|noun)\b")


def test_code_tokens_are_compared_by_index_not_identity():
    hits = []
    for path in sorted((REPO / "src" / "newsgraph").rglob("*.py")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if IDENTITY.search(line):
                hits.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert not hits, "Token identity is always False in spaCy; compare .i:\n" + "\n".join(hits)


def test_code_identity_pattern_catches_the_bug_it_names():
    assert IDENTITY.search("if tok.head is tok:")
    assert IDENTITY.search("and t.token.head is gov.token")
    assert IDENTITY.search("for t in noun.subtree if t is not noun")
    assert not IDENTITY.search("if tok.head.i == tok.i:")
    assert not IDENTITY.search("if head is None:")
