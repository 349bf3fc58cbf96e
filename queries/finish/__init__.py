"""Finishers: the pure-Python second half of every named query, shared by all stores.

``finish(fetch, params, version)`` gets ``fetch`` (params -> raw rows, from Cypher or from the embedded
counterpart), the validated parameters and a zero-argument function returning the graph version (for
cached indexes), and returns the final rows. Grading, ranking, grouping and the choice of evidence
happen here, once, so every store gives the same answer.
"""
