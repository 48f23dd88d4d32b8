"""Plan record extraction: a Document (any format) -> an Extraction (records).

    walk (outline) -> metadata, scores, deductions, tasks

Each step is a function of the annotated line stream; none knows which format the blocks came
from.
"""

from __future__ import annotations

from extractors.model import Document, Extraction
from extractors.plan.deductions import collect_deductions
from extractors.plan.metadata import read_info
from extractors.plan.outline import walk
from extractors.plan.scores import collect_scores
from extractors.plan.tasks import collect_tasks


def extract_plan(document: Document) -> Extraction:
    events = walk(document)
    book = collect_scores(events)
    return Extraction(
        info=read_info(events),
        scores=list(book.rows.values()),
        deductions=collect_deductions(events, book),
        tasks=collect_tasks(events),
        findings=book.findings,
    )
