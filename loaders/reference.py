"""The reference data the extraction matches against, as the layers above use it: the one gazetteer
(cpca's table of administrative codes, :mod:`loaders.extract.gazetteer`) and the one practice
taxonomy (``data/practices.json``, :mod:`loaders.extract.practices`), the fold of a name to the
simplified characters they are written in (:func:`loaders.extract.script.fold_name`), a mirror page's
text without its inline pinyin (:func:`loaders.extract.text_utils.without_pinyin`: 經(jīng)費), the choice of a
compact table of the dictionary's words for a process that extracts nothing
(:func:`loaders.extract.text_utils.words_apart`), and the
extraction's reading of a plan (:func:`loaders.extract.attribution.states_plan`, and
:func:`~loaders.extract.attribution.carries_plan` for a sentence going on with the plan before it), and the
extraction's cues of a figure that measures a practice (:mod:`loaders.extract.figure_measures`: issuing, listing, cutting
and setting up party organisations), which the graph's grading of quotes reads the same way.

This is the public face of those modules: ``graph``, ``queries`` and ``govkg`` import from here, never
from ``loaders.extract`` (``tests/test_layers.py`` checks it), so the extraction's internals can move
without their readers following them.
"""
from __future__ import annotations

from loaders.extract.attribution import carries_plan, plan_list_start, states_plan
from loaders.extract.figure_measures import (
    ISSUING,
    LIST_CUT,
    LISTED_RULE,
    PARTY_BUILDING,
    PARTY_ORGS,
    SETS_UP,
)
from loaders.extract.gazetteer import AdminPlace, Gazetteer, code_table, load_gazetteer, short_name
from loaders.extract.places import AdminMention, admin_mentions
from loaders.extract.practices import (
    CANONICAL_PRACTICES,
    Practice,
    Taxonomy,
    load_taxonomy,
    quoted_request_spans,
)
from loaders.extract.script import fold_name
from loaders.extract.text_utils import SIGN_NOUNS, without_pinyin, words_apart

__all__ = [
    "CANONICAL_PRACTICES",
    "ISSUING",
    "LISTED_RULE",
    "LIST_CUT",
    "PARTY_BUILDING",
    "PARTY_ORGS",
    "SETS_UP",
    "SIGN_NOUNS",
    "AdminMention",
    "AdminPlace",
    "Gazetteer",
    "Practice",
    "Taxonomy",
    "admin_mentions",
    "carries_plan",
    "code_table",
    "fold_name",
    "load_gazetteer",
    "load_taxonomy",
    "plan_list_start",
    "quoted_request_spans",
    "short_name",
    "states_plan",
    "without_pinyin",
    "words_apart",
]
