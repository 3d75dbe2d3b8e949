"""Render a công văn from Python data with the tdkt_docs library.

Usage::

    python examples/render_dispatch.py [OUTPUT.docx]

Writes the reminder below to OUTPUT (default ``cong_van_don_doc.docx`` in the current folder,
replacing it), then renders the bundled YAML example into memory and prints its size.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import tdkt_docs

BUNDLED_EXAMPLE = Path(__file__).resolve().parent / "cong_van_tuyen_truyen.yaml"

# The same structure as the YAML input format (see README.md, "Input format").
DISPATCH: dict[str, Any] = {
    "type": "dispatch",
    "agency": {
        "parent": "UBND TỈNH KHÁNH HÒA",
        "name": "SỞ NỘI VỤ",
        "place": "Khánh Hòa",
        "email": "btdkt@khanhhoa.gov.vn",
    },
    "number": 8,  # printed "08"
    "symbol": "SNV-TĐKT",
    "date": "2023-09-08",  # printed "ngày 08 tháng 9 năm 2023"
    "subject": "đôn đốc gửi danh sách điển hình tiên tiến tháng 9/2023",
    "recipients": [
        "Các sở, ban, ngành, đoàn thể tỉnh",
        "UBND các huyện, thị xã, thành phố",
    ],
    "body": (
        "Thực hiện Kế hoạch số 2202/KH-UBND ngày 10/3/2023 của UBND tỉnh về tuyên truyền "
        "gương điển hình tiên tiến trên địa bàn tỉnh Khánh Hòa giai đoạn 2023 - 2025, hằng "
        "tháng các cơ quan, đơn vị, địa phương lựa chọn, giới thiệu từ 01 đến 02 gương người "
        "tốt, việc tốt, mô hình, nhân tố mới để tuyên truyền.\n"
        "\n"
        "Để kịp thời tổng hợp, báo cáo Ban Thi đua - Khen thưởng Trung ương, Sở Nội vụ đề nghị "
        "các cơ quan, đơn vị, địa phương chưa gửi danh sách điển hình tiên tiến tháng 9/2023 "
        "khẩn trương gửi về Sở Nội vụ (*qua Phòng Thi đua - Khen thưởng*) "
        "**trước ngày 14/9/2023**, đồng thời gửi bản điện tử qua hòm thư "
        "btdkt@khanhhoa.gov.vn.\n"
        "\n"
        "Trân trọng./."
    ),
    "distribution": ["Như trên", "Giám đốc Sở (b/c)"],
    "archive": "VT, PTĐKT",
    "signer": {
        "authority": "KT. GIÁM ĐỐC",
        "title": "PHÓ GIÁM ĐỐC",
        "name": "Huỳnh Mạnh Thắng",
    },
}


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else Path("cong_van_don_doc.docx")
    try:
        document = tdkt_docs.validate(DISPATCH)
        written = tdkt_docs.render(document, output, overwrite=True)
        print(f"wrote {written}")

        buffer = io.BytesIO()
        tdkt_docs.render(BUNDLED_EXAMPLE, buffer)
        print(f"{BUNDLED_EXAMPLE.name}: {len(buffer.getvalue())} bytes of DOCX in memory")
    except tdkt_docs.DataError as exc:
        for problem in exc.problems:  # one per bad field: source, field path, expectation
            print(f"error: {problem}", file=sys.stderr)
        return 1
    except tdkt_docs.TdktError as exc:  # e.g. OutputError: the folder does not exist
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
