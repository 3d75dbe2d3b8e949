"""Reminder letters (công văn đôn đốc) to every unit that has not sent its list.

The units come from the same reading of the submissions as the monthly compile (a unit
whose every row was refused is reminded too). Each becomes a row for the batch, with the
columns of ``missing.csv`` (code, name, group, recipient, email) plus:

* ``month``: the month reported, as written in a letter (``9/2023``);
* ``date``: the letter's month, ``YYYY-MM`` (the day is left for the clerk), by default
  the month after the reported one;
* ``deadline``: the new deadline, as ND30 writes a date in text (``07/9/2023``).
"""

from __future__ import annotations

import concurrent.futures as futures
import datetime as dt
from pathlib import Path
from typing import Any

from tdkt_docs.batch.engine import BatchResult, Progress, render_batch
from tdkt_docs.batch.rows import rows_from_records
from tdkt_docs.errors import DataError
from tdkt_docs.monthly.compile import read_submissions
from tdkt_docs.monthly.form import parse_month
from tdkt_docs.vietnamese.dates import month_text, short_date

DEFAULT_GRACE_DAYS = 7


def reminder_rows(
    month: str,
    units: str | Path,
    submissions: str | Path,
    *,
    deadline: dt.date | None = None,
    letter_month: str | None = None,
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """One row per unit still missing for ``month`` (``YYYY-MM``)."""
    year, number = parse_month(month)
    intake = read_submissions(submissions, units)
    today = today or dt.date.today()
    following = dt.date(year + number // 12, number % 12 + 1, 1)
    when = letter_month or f"{following.year}-{following.month:02d}"
    due = deadline or today + dt.timedelta(days=DEFAULT_GRACE_DAYS)
    return [
        {
            "code": unit.code,
            "name": unit.name,
            "group": unit.group,
            "recipient": unit.recipient,
            "email": unit.email or "",
            "month": f"{month_text(number)}/{year}",
            "date": when,
            "deadline": short_date(due),
        }
        for unit in intake.units_missing
    ]


def remind(
    month: str,
    units: str | Path,
    submissions: str | Path,
    base: str | Path,
    out_dir: str | Path,
    *,
    deadline: dt.date | None = None,
    letter_month: str | None = None,
    executor: futures.Executor | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> BatchResult:
    """Write a reminder letter from ``base`` to every unit missing for ``month``.

    ``options`` go to :func:`tdkt_docs.batch.render_batch` (``merge``, ``overwrite``, …).
    Raises :class:`DataError` when every unit has reported: there is no one to remind.
    """
    rows = reminder_rows(month, units, submissions, deadline=deadline, letter_month=letter_month)
    if not rows:
        raise DataError.single(
            submissions, "", f"every unit has sent its list for {month}: no reminder to write"
        )
    table = rows_from_records(rows, f"units missing for {month}")
    return render_batch(base, table, out_dir, executor=executor, progress=progress, **options)
