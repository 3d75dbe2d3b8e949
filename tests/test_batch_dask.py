"""Scale-out, shown: render_batch on the executor of a dask.distributed LocalCluster.

The cluster's workers are separate processes that return the finished packages to this
process, which stages and commits them (README, "Batch letters"). The letters must be the
same bytes as those made in one process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tdkt_docs.batch import render_batch
from tests.conftest import EXAMPLES
from tests.docx_reading import by_style, open_docx

distributed = pytest.importorskip("distributed", reason="pip install '.[test]' installs dask")

REMINDER = EXAMPLES / "reminders" / "don_doc.yaml"
MISSING = EXAMPLES / "reminders" / "don_vi_chua_gui.csv"


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # dask's own, on some Pythons
def test_render_batch_on_a_dask_cluster(tmp_path: Path) -> None:
    # The README's lines:
    from distributed import Client, LocalCluster, get_task_stream

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
        get_task_stream(client) as tasks,
    ):
        result = render_batch(
            REMINDER,
            MISSING,
            tmp_path / "dask",
            executor=client.get_executor(),
            workers=2,
            chunk_size=3,  # several chunks, so both workers take some
            merge=tmp_path / "dask" / "tat-ca-de-in.docx",
        )
    assert len(tasks.data) == 4  # 11 rows in chunks of 3
    assert len({task["worker"] for task in tasks.data}) == 2, "both workers took chunks"
    local = render_batch(REMINDER, MISSING, tmp_path / "local")
    assert [p.name for p in result.written] == [p.name for p in local.written]
    assert len(result.written) == 11
    for ours, theirs in zip(result.written, local.written, strict=True):
        assert ours.read_bytes() == theirs.read_bytes(), ours.name
    first = open_docx(result.written[0].read_bytes())
    assert [p.text for p in by_style(first, "ND30KinhGui")] == ["Kính gửi: Sở Kế hoạch và Đầu tư"]
    assert result.merged is not None and result.merged.is_file()
    assert result.manifest.read_text("utf-8-sig").count("written") == 11
