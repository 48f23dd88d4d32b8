"""The Parquet tables of the output contract (shared spec OUTPUT.md) and the criterion-coding
CSVs beside them (catalog_learned.csv, review.csv), written atomically."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from extractors.criteria.coding import Coded
from pipeline import __version__
from pipeline.atomic import replacing

S, F, INT = pa.string(), pa.float64(), pa.int32()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", S),
            ("source_path", S),
            ("source_name", S),
            ("sha256", S),
            ("file_format", S),
            ("pages", INT),
            ("status", S),
            ("error", S),
            ("doc_kind", S),
            ("title", S),
            ("unit_type", S),
            ("unit_name", S),
            ("district", S),
            ("province", S),
            ("index_year", INT),
            ("signer", S),
            ("decisions", pa.list_(pa.struct([("number", S), ("date", pa.date32())]))),
            ("district_resolved", S),
            ("province_resolved", S),
            ("unit_2025", S),
            ("province_2025", S),
            ("unit_code", S),
            ("pipeline_version", S),
        ]
    ),
    "scores": pa.schema(
        [
            ("doc_id", S),
            ("index", S),
            ("level", S),
            ("code", S),
            ("name", S),
            ("max_points", F),
            ("score", F),
            ("deducted", F),
            ("rank", INT),
            ("rank_of", INT),
            ("reason", S),
            ("match_score", F),
            ("page", INT),
        ]
    ),
    "deductions": pa.schema(
        [
            ("doc_id", S),
            ("index", S),
            ("field", S),
            ("code", S),
            ("text", S),
            ("points", F),
            ("match_score", F),
            ("page", INT),
        ]
    ),
    "tasks": pa.schema(
        [
            ("doc_id", S),
            ("index", S),
            ("field", S),
            ("code", S),
            ("text", S),
            ("lead", S),
            ("partners", S),
            ("deadline", S),
            ("deadline_date", pa.date32()),
            ("deadline_kind", S),
            ("lead_key", S),
            ("page", INT),
        ]
    ),
    "issues": pa.schema(
        [
            ("doc_id", S),
            ("severity", S),
            ("check", S),
            ("message", S),
            ("table", S),
            ("code", S),
        ]
    ),
}


def write_tables(rows: dict[str, list[dict]], out: Path) -> None:
    """Write every table; each file is replaced in one step, so a reader never sees half of one.
    Each carries the pipeline's version and the run's time in its metadata."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = {"cchc_extract_version": __version__, "run_time": datetime.now(UTC).isoformat()}
    for name, schema in SCHEMAS.items():
        table = pa.Table.from_pylist(
            [{c: r.get(c) for c in schema.names} for r in rows.get(name, [])], schema=schema
        )
        table = _nullable_integers(table, schema)
        table = table.replace_schema_metadata({**table.schema.metadata, **stamp})
        with replacing(out / f"{name}.parquet") as temporary:
            pq.write_table(table, temporary)


def _nullable_integers(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """The same table with pandas metadata that reads its integer columns as nullable integers
    (a rank that is not printed is <NA>, not a float NaN)."""
    frame = table.to_pandas(types_mapper={INT: pd.Int32Dtype()}.get)
    return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)


LEARNED_COLUMNS = ["province", "year", "code", "name", "max_points", "source"]
REVIEW_COLUMNS = [
    "source_path",
    "table",
    "province",
    "year",
    "field",
    "name",
    "code",
    "match_score",
    "candidate_1",
    "candidate_2",
    "candidate_3",
]


def write_coding(coded: Coded, out: Path) -> None:
    """catalog_learned.csv (what the folder's criteria tables print) and review.csv."""
    learned = [
        {
            "province": province,
            "year": year,
            "code": e.code,
            "name": e.name,
            "max_points": e.max_points,
            "source": e.source,
        }
        for (province, year), entries in coded.learned.items()
        for e in entries
    ]
    review = []
    for item in coded.review:
        row = {k: v for k, v in vars(item).items() if k != "candidates"}
        for i, (code, name, score) in enumerate(item.candidates, start=1):
            row[f"candidate_{i}"] = f"{code} | {name} | {score}"
        review.append(row)
    _write_csv(out / "catalog_learned.csv", LEARNED_COLUMNS, learned)
    _write_csv(out / "review.csv", REVIEW_COLUMNS, review)


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with replacing(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, columns)
        writer.writeheader()
        writer.writerows(rows)
