"""The extraction pipeline: normalized text in, one contract record out.

Order matters: later steps use what earlier ones found (owners of named models and learners
are places; measures name agencies and models). Each step lives in its own module.
"""
from __future__ import annotations

from collections.abc import Callable

from loaders.extract import (
    agencies,
    figure_measures,
    learning,
    measures,
    meta,
    metrics,
    models,
    people,
    places,
    policies,
    practice_mentions,
)
from loaders.extract.context import Context
from loaders.extract.script import fold_script, restore_script
from loaders.record import ExtractionRecord, doc_id_for

__all__ = ["STEPS", "extract_text"]

Step = Callable[[Context], None]

STEPS: tuple[tuple[str, Step], ...] = (
    ("document", meta.extract_document),
    ("places", places.extract_places),
    ("agencies", agencies.extract_agencies),
    ("people", people.extract_people),
    ("policies", policies.extract_policies),
    ("named_models", models.extract_named_models),
    ("measures", measures.extract_measures),
    ("metrics", metrics.extract_metrics),
    ("learning", learning.extract_learning),
    ("practice_mentions", practice_mentions.extract_practice_mentions),
    ("figure_measures", figure_measures.extract_figure_measures),
)


def extract_text(text: str, source: str) -> ExtractionRecord:
    """Run every step over already-normalized ``text`` and return the record.

    The steps read the text folded to simplified characters (same length, same offsets); the record
    keeps ``text`` as written and the document's own script in what it copies out of it.
    """
    scan = fold_script(text)
    ctx = Context(text=scan, source=source)
    for _name, step in STEPS:
        step(ctx)
    record = ExtractionRecord(
        doc_id=doc_id_for(text), source=source, text=text, document=ctx.document,
        places=ctx.places, agencies=ctx.agencies, policies=ctx.policies,
        named_models=ctx.named_models, measures=ctx.measures, practices=ctx.practices,
        learning=ctx.learning, metrics=ctx.metrics, people=ctx.people, practice_mentions=ctx.practice_mentions,
    )
    restore_script(record, scan)
    return record
