"""Coreference scores written from their definitions: MUC, B-cubed, CEAF-e and the CoNLL average.

Clusters are sets of hashable mentions; key and response must hold the same mentions (gold-mention
setting), which the callers ensure by putting unmatched mentions in singleton response clusters.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

Cluster = frozenset


@dataclass(frozen=True)
class PRF:
    p: float
    r: float

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def _index(clusters: list[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(key: list[Cluster], response: list[Cluster]) -> float:
    where = _index(response)
    num = den = 0
    for c in key:
        parts = {where.get(m, ("alone", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num / den if den else 0.0


def muc(key: list[Cluster], response: list[Cluster]) -> PRF:
    """Links: how many merges of each key cluster the response keeps (Vilain et al., 1995)."""
    return PRF(_muc_side(response, key), _muc_side(key, response))


def _b3_side(key: list[Cluster], response: list[Cluster]) -> float:
    where = {m: c for c in response for m in c}
    total = sum(len(c) for c in key)
    score = 0.0
    for c in key:
        for m in c:
            r = where.get(m, frozenset([m]))
            score += len(c & r) / len(c)
    return score / total if total else 0.0


def b_cubed(key: list[Cluster], response: list[Cluster]) -> PRF:
    """Per mention: the share of its cluster the other side agrees on (Bagga and Baldwin, 1998)."""
    return PRF(_b3_side(response, key), _b3_side(key, response))


def _hungarian_max(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment (rows <= columns), O(n^3)."""
    n, m = len(weights), len(weights[0])
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sum(weights[p[j] - 1][j - 1] for j in range(1, m + 1) if p[j])


def ceaf_e(key: list[Cluster], response: list[Cluster]) -> PRF:
    """Entity-level CEAF: the best one-to-one alignment of clusters by phi4 (Luo, 2005).

    Only clusters that share mentions can score, so the alignment is solved per connected component.
    """
    k_of, r_of = _index(key), _index(response)
    parent = list(range(len(key) + len(response)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m, ki in k_of.items():
        if m in r_of:
            parent[find(ki)] = find(len(key) + r_of[m])
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for ki in range(len(key)):
        groups.setdefault(find(ki), ([], []))[0].append(ki)
    for ri in range(len(response)):
        groups.setdefault(find(len(key) + ri), ([], []))[1].append(ri)
    total = 0.0
    for ks, rs in groups.values():
        if not ks or not rs:
            continue
        rows, cols = (ks, rs) if len(ks) <= len(rs) else (rs, ks)
        a, b = (key, response) if rows is ks else (response, key)
        w = [[2 * len(a[i] & b[j]) / (len(a[i]) + len(b[j])) for j in cols] for i in rows]
        total += _hungarian_max(w)
    return PRF(total / len(response) if response else 0.0, total / len(key) if key else 0.0)


def clusters(assignment: Iterable[tuple[Hashable, Hashable]]) -> list[Cluster]:
    """(mention, cluster id) pairs to a list of clusters."""
    groups: dict[Hashable, set] = {}
    for mention, cid in assignment:
        groups.setdefault(cid, set()).add(mention)
    return [frozenset(g) for g in groups.values()]


def conll(key: list[Cluster], response: list[Cluster]) -> dict[str, PRF | float]:
    scores: dict[str, PRF | float] = {"MUC": muc(key, response), "B3": b_cubed(key, response),
                                      "CEAFe": ceaf_e(key, response)}
    scores["CoNLL"] = sum(s.f for s in scores.values()) / 3
    return scores
