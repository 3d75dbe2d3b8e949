"""Batch letters and mail merge: one document per row of data (``tdkt-docs batch``).

>>> from tdkt_docs.batch import render_batch
>>> result = render_batch("don_doc.yaml", "missing.csv", "out")  # doctest: +SKIP
>>> len(result.written)  # doctest: +SKIP
11
"""

from tdkt_docs.batch.engine import BatchResult, RowOutcome, render_batch
from tdkt_docs.batch.names import DEFAULT_PATTERN
from tdkt_docs.errors import BatchInterruptedError

__all__ = ["DEFAULT_PATTERN", "BatchInterruptedError", "BatchResult", "RowOutcome", "render_batch"]
