"""Cut the ten models Mẫu 1.1 - Mẫu 1.10 out of Phụ lục III into tests/data/real/.

    python tests/data/real/cut.py

The cut itself is tests/data/official/cut_models.py's: the body elements strictly between a
model's heading and the next heading, the package otherwise copied byte for byte, fixed zip
timestamps (the output is reproducible). Mẫu 1.3 stops before the model of the document it
issues ("Mẫu văn bản (được ban hành, phê duyệt kèm theo quyết định) …"): that is a second
document, not part of the quyết định.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "official"))

from cut_models import SOURCE, cut  # noqa: E402

MODELS = {
    "mau_1_1_nghi_quyet.docx": ("Mẫu 1.1 -", "Mẫu 1.2 -"),
    "mau_1_2_quyet_dinh.docx": ("Mẫu 1.2 -", "Mẫu 1.3 -"),
    "mau_1_3_quyet_dinh_gian_tiep.docx": ("Mẫu 1.3 -", "Mẫu văn bản (được ban hành"),
    "mau_1_4_van_ban_co_ten_loai.docx": ("Mẫu 1.4 -", "Mẫu 1.5 -"),
    "mau_1_5_cong_van.docx": ("Mẫu 1.5 -", "Mẫu 1.6 -"),
    "mau_1_6_cong_dien.docx": ("Mẫu 1.6 -", "Mẫu 1.7 -"),
    "mau_1_7_giay_moi.docx": ("Mẫu 1.7 -", "Mẫu 1.8 -"),
    "mau_1_8_giay_gioi_thieu.docx": ("Mẫu 1.8 -", "Mẫu 1.9 -"),
    "mau_1_9_bien_ban.docx": ("Mẫu 1.9 -", "Mẫu 1.10 -"),
    "mau_1_10_giay_nghi_phep.docx": ("Mẫu 1.10 -", "Mẫu 2.1 -"),
}
"""File name: (the model's heading, the next heading), as their text begins."""


def main() -> int:
    for name, (start, stop) in MODELS.items():
        (HERE / name).write_bytes(cut(SOURCE, start, stop))
        print(HERE / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
