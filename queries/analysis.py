"""City-to-city similarity over practice sets, and practice communities (networkx).

A place's practice vector counts its links to each practice: one for ADOPTS, one per measure that is an
instance of it. Similarity of two places: Jaccard over the practice sets and cosine over the vectors.
Practice communities: the place–practice bipartite graph projected onto practices (edge weight = number
of places that have both), split with Louvain (fixed seed, so runs agree).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.model import NO_EVIDENCE, Evidence
from queries.rows import _ev_key, evidence_entries

__all__ = ["SEED", "PracticeVectors", "cosine", "jaccard", "practice_communities", "similar_places"]

SEED = 20240601


@dataclass
class PracticeVectors:
    """place id -> Counter(practice -> links); names; best evidence per (place, practice)."""

    vectors: dict[str, Counter[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    evidence: dict[tuple[str, str], Evidence] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> PracticeVectors:
        """From the projection's rows, read once (an iterator is never held whole): each (place, practice)
        keeps only its best evidence so far — ``pick_evidence`` over all its entries, chosen as they come."""
        pv = cls()
        best: dict[tuple[str, str], tuple[tuple[Any, ...], Evidence] | None] = {}
        for row in rows:
            pid, practice = row["place_id"], row["practice"]
            if pid is None or not practice:
                continue
            pv.names[pid] = row.get("place") or pid
            pv.vectors.setdefault(pid, Counter())[practice] += 1
            key = (pid, practice)
            here = best.get(key)
            for ev in evidence_entries(row):
                rank = (not ev.quote, *_ev_key(ev))   # a quoted entry first, then the first by (doc, start, end)
                if here is None or rank < here[0]:
                    here = (rank, ev)
            best[key] = here
        pv.evidence = {k: NO_EVIDENCE if chosen is None else chosen[1] for k, chosen in best.items()}
        return pv

    def kept_entries(self) -> list[tuple[str, bytes]]:
        """What the store keeps of it (``queries/kept.py``): one JSON entry."""
        from queries.kept import dumps

        return [("vectors", dumps({"vectors": self.vectors, "names": self.names,
                                   "evidence": [[pid, practice, ev] for (pid, practice), ev in self.evidence.items()]}))]

    @classmethod
    def load(cls, reader: Any) -> PracticeVectors:
        from queries.kept import loads

        data = loads(reader.need("vectors"))
        return cls({pid: Counter(vec) for pid, vec in data["vectors"].items()}, data["names"],
                   {(pid, practice): Evidence(*ev) for pid, practice, ev in data["evidence"]})

    def place_values(self) -> dict[str, bytes]:
        """place id -> its part of the vectors (id, name, vector, best evidence per practice) as bytes:
        what the embedded store keeps per place (``queries/similar_cities.py`` ``PlaceRows``)."""
        from queries.kept import dumps

        out = {pid: [pid, self.names[pid], dict(vec), []] for pid, vec in self.vectors.items()}
        for (pid, practice), ev in self.evidence.items():
            out[pid][3].append([practice, ev])
        return {pid: dumps(value) for pid, value in out.items()}

    @classmethod
    def from_place_values(cls, values: Iterable[bytes]) -> PracticeVectors:
        """The vectors from the parts ``place_values`` gave."""
        from queries.kept import loads_all

        pv = cls()
        for pid, name, vec, evidence in loads_all(list(values)):
            pv.names[pid] = name
            pv.vectors[pid] = Counter(vec)
            pv.evidence.update(((pid, practice), Evidence(*ev)) for practice, ev in evidence)
        return pv

    def resolve(self, place: str) -> list[str]:
        return sorted(pid for pid, name in self.names.items() if place in (pid, name))


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def similar_places(pv: PracticeVectors, place_id: str, k: int) -> list[dict[str, Any]]:
    """The ``k`` places most similar to ``place_id`` (by Jaccard, then cosine), with shared practices."""
    mine = pv.vectors.get(place_id, Counter())
    rows = []
    for other, vec in pv.vectors.items():
        if other == place_id:
            continue
        shared = sorted(set(mine) & set(vec), key=lambda p: (-vec[p], p))
        if not shared:
            continue
        rows.append({"place_id": other, "place": pv.names[other], "jaccard": round(jaccard(mine, vec), 6),
                     "cosine": round(cosine(mine, vec), 6), "shared": "、".join(shared),
                     **pv.evidence[(other, shared[0])].columns()})
    rows.sort(key=lambda r: (-r["jaccard"], -r["cosine"], r["place_id"]))
    for i, r in enumerate(rows[:k]):
        r["rank"] = i + 1
    return rows[:k]


def _projection(places_of: dict[str, set[str]], practices: list[str]) -> Any:
    """The place–practice bipartite graph projected onto ``practices``: an edge between two practices
    some place holds both of, weighted by how many places do (networkx's ``weighted_projected_graph``
    of that graph, computed from the practices' place sets without building it: at 2,000 documents the
    bipartite graph had 21,000 edges and took ~100 ms to build and project, a query's first call). The
    nodes in the order given; each node's neighbours in that order too, so Louvain reads the same graph
    in every process."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(practices)
    for i, practice in enumerate(practices):
        places = places_of[practice]
        for other in practices[i + 1:]:
            shared = len(places & places_of[other])
            if shared:
                graph.add_edge(practice, other, weight=shared)
    return graph


def practice_communities(pv: PracticeVectors, min_places: int = 1) -> list[dict[str, Any]]:
    """Communities of practices that co-occur in places; one row per practice."""
    import networkx as nx

    places_of: dict[str, set[str]] = {}
    for pid, vec in pv.vectors.items():
        for practice in vec:
            places_of.setdefault(practice, set()).add(pid)
    practices = sorted(p for p, ps in places_of.items() if len(ps) >= min_places)
    if not practices:
        return []
    comms = nx.community.louvain_communities(_projection(places_of, practices), weight="weight", seed=SEED)
    groups = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c))
    rows = []
    for ci, members in enumerate(groups):
        for p in members:
            holders = sorted(places_of[p], key=lambda pid: (-pv.vectors[pid][p], pid))
            rows.append({"community": ci + 1, "practice": p, "places": len(holders), "size": len(members),
                         "top_places": "、".join(pv.names[h] for h in holders[:5]),
                         **pv.evidence[(holders[0], p)].columns()})
    return rows
