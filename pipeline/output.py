"""The Parquet tables of the output contract (shared spec OUTPUT.md), written atomically."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.atomic import replacing

S, F, INT = pa.string(), pa.float64(), pa.int32()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", S),
            ("source_path", S),
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
    """Write every table; each file is replaced in one step, so a reader never sees half of one."""
    out.mkdir(parents=True, exist_ok=True)
    for name, schema in SCHEMAS.items():
        table = pa.Table.from_pylist(
            [{c: r.get(c) for c in schema.names} for r in rows.get(name, [])], schema=schema
        )
        with replacing(out / f"{name}.parquet") as temporary:
            pq.write_table(table, temporary)
