"""Rendering query results for the terminal, CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.table import Table


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def render_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    return json.dumps(
        [dict(zip(columns, row, strict=True)) for row in rows],
        default=_jsonable,
        ensure_ascii=False,
        indent=2,
    )


def render_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buf.getvalue()


# Columns whose every cell is this short (kinds, dates, amounts, counts) are not wrapped
# when the terminal has room for them and a readable width of every other column: "acquisi/
# tion" or "2025-0/6-02" is harder to read than a long name folded over two lines.
_SHORT = 14
_READABLE = 12


def render_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    title: str = "",
    width: int | None = None,
) -> Table:
    table = Table(title=title or None, show_lines=False)
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max([len(col), *(len(row[i]) for row in cells)]) for i, col in enumerate(columns)]
    needed = sum(w if w <= _SHORT else _READABLE for w in widths) + 3 * len(columns) + 1
    keep_short = width is not None and needed <= width
    for col, col_width in zip(columns, widths, strict=True):
        short = keep_short and col_width <= _SHORT
        table.add_column(
            col, overflow="fold", no_wrap=short, min_width=col_width if short else None
        )
    for row in cells:
        table.add_row(*row)
    return table
