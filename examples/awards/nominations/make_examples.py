"""Write the nomination lists of the example round (``examples/awards/round.yaml``).

Usage::

    python examples/awards/nominations/make_examples.py

Three units propose 60 nominees for the Bằng khen của Chủ tịch UBND tỉnh in the phong trào
thi đua “Khánh Hòa chung sức xây dựng nông thôn mới” (see README.md in this folder):

* ``so-y-te.xlsx``: the form written by ``tdkt_docs.awards.nomination_form.write_form`` for the
  round, filled in with openpyxl as a unit would (20 rows, clean);
* ``so-giao-duc-va-dao-tao.xlsx``: the unit's own workbook (20 rows): an agency header block
  and a title above the list, the unit named on a line "Đơn vị đề nghị: …" (no unit
  column), a two-row header with merged cells, a row of column numbers, a blank row, the
  honorific typed "ông", a phân loại typed without marks "ca nhan", a vote written "85,5%",
  another stored as a fraction in a cell formatted as a percentage;
* ``so-nong-nghiep-va-moi-truong.csv``: UTF-8 with ";" (20 rows), no unit column: the round
  matches it to Sở Nông nghiệp và Môi trường by its ``files: [so-nong-nghiep*]``.

Every run writes the files again, byte for byte the same (fixed timestamps).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.awards.nomination_form import FIRST_DATA_ROW, FORM_SHEET, write_form
from tdkt_docs.awards.nominations import COLUMNS
from tdkt_docs.awards.round import load_round
from tdkt_docs.form_workbook import workbook_bytes
from tdkt_docs.output import write_atomic

HERE = Path(__file__).resolve().parent
ROUND = HERE.parent / "round.yaml"
STAMP = dt.datetime(2025, 8, 25, 9, 0)

LEADER = "Các cấp lãnh đạo từ phó phòng trở lên"
DIRECTOR = "Lãnh đạo cấp vụ, sở, ngành và tương đương"
WORKER = "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"
PUBLIC = "Đơn vị sự nghiệp"
OFFICE = "Cơ quan hành chính"
COOP = "Hợp tác xã"
HOUSEHOLD = "Hộ gia đình"

# Sở Y tế: (danh xưng, tên, giới tính, năm sinh, chức vụ, đơn vị công tác, phân loại, đối
# tượng, thành tích, tỷ lệ phiếu). Row 20 (vote 65) is below the threshold of 70.
HealthRow = tuple[str | None, str, str | None, int | None, str | None, str, str, str, str, float]
HEALTH: list[HealthRow] = [
    (
        "Ông",
        "Nguyễn Văn Hùng",
        "Nam",
        1972,
        "Phó Giám đốc",
        "Sở Y tế",
        "cá nhân",
        DIRECTOR,
        "Chỉ đạo hoàn thành tiêu chí y tế trong Bộ tiêu chí xã nông thôn mới tại 100% xã của tỉnh; "
        "tỷ lệ người dân tham gia bảo hiểm y tế đạt 95,2%.",
        92.3,
    ),
    (
        "Bà",
        "Trần Thị Mỹ Linh",
        "Nữ",
        1980,
        "Trưởng phòng Nghiệp vụ Y",
        "Sở Y tế",
        "cá nhân",
        LEADER,
        "Tham mưu xây dựng 38 trạm y tế xã đạt Bộ tiêu chí quốc gia về y tế xã giai đoạn "
        "2021 - 2025.",
        90,
    ),
    (
        "Ông",
        "Lê Quang Vinh",
        "Nam",
        1976,
        "Giám đốc",
        "Trung tâm Y tế huyện Cam Lâm",
        "cá nhân",
        LEADER,
        "Triển khai khám sàng lọc bệnh không lây nhiễm cho 24.500 người dân tại 14 xã.",
        88.5,
    ),
    (
        "Bà",
        "Phạm Thị Thu Hằng",
        "Nữ",
        1985,
        "Trạm trưởng",
        "Trạm Y tế xã Cam Hiệp Bắc",
        "cá nhân",
        LEADER,
        "Đưa Trạm Y tế xã đạt chuẩn quốc gia năm 2023; quản lý 100% hồ sơ sức khỏe điện tử "
        "của người dân trong xã.",
        95,
    ),
    (
        "Ông",
        "Võ Minh Tâm",
        "Nam",
        1983,
        "Bác sĩ",
        "Trạm Y tế xã Diên Lâm",
        "cá nhân",
        WORKER,
        "Khám, chữa bệnh lưu động cho 1.200 lượt người cao tuổi ở các thôn vùng sâu.",
        86,
    ),
    (
        "Bà",
        "Huỳnh Thị Ngọc Ánh",
        "Nữ",
        1990,
        "Y sĩ",
        "Trạm Y tế xã Ninh Xuân",
        "cá nhân",
        WORKER,
        "Vận động 96% hộ gia đình sử dụng nhà tiêu hợp vệ sinh, hoàn thành tiêu chí môi trường "
        "của xã.",
        84.5,
    ),
    (
        "Ông",
        "Đặng Văn Lực",
        "Nam",
        1979,
        "Phó Giám đốc",
        "Trung tâm Kiểm soát bệnh tật tỉnh",
        "cá nhân",
        LEADER,
        "Chỉ đạo tiêm chủng mở rộng đạt trên 98% tại các xã nông thôn mới.",
        91.7,
    ),
    (
        "Bà",
        "Ngô Thị Kim Oanh",
        "Nữ",
        1987,
        "Điều dưỡng",
        "Trung tâm Y tế thị xã Ninh Hòa",
        "cá nhân",
        WORKER,
        "Tư vấn dinh dưỡng, giảm tỷ lệ trẻ suy dinh dưỡng thấp còi ở 6 xã xuống dưới 15%.",
        80,
    ),
    (
        "Ông",
        "Trương Quốc Bảo",
        "Nam",
        1981,
        "Trạm trưởng",
        "Trạm Y tế xã Vạn Thắng",
        "cá nhân",
        LEADER,
        "Xây dựng mô hình quản lý bệnh tăng huyết áp, đái tháo đường tại trạm y tế xã.",
        87,
    ),
    (
        "Bà",
        "Lê Thị Bích Ngọc",
        "Nữ",
        1992,
        "Nữ hộ sinh",
        "Trạm Y tế xã Khánh Hiệp",
        "cá nhân",
        WORKER,
        "Chăm sóc sức khỏe bà mẹ, trẻ em đồng bào Raglai; 100% phụ nữ sinh con tại cơ sở y tế.",
        93.4,
    ),
    (
        "Ông",
        "Nguyễn Thành Công",
        "Nam",
        1975,
        "Trưởng phòng Kế hoạch - Tài chính",
        "Sở Y tế",
        "cá nhân",
        LEADER,
        "Tham mưu bố trí 52 tỷ đồng nâng cấp trạm y tế xã giai đoạn 2021 - 2025.",
        82.5,
    ),
    (
        "Bà",
        "Đỗ Thị Hồng Nhung",
        "Nữ",
        1988,
        "Dược sĩ",
        "Trung tâm Y tế huyện Khánh Vĩnh",
        "cá nhân",
        WORKER,
        "Bảo đảm thuốc thiết yếu cho 100% trạm y tế xã miền núi.",
        78,
    ),
    (
        "Ông",
        "Phan Văn Thắng",
        "Nam",
        1984,
        "Bác sĩ",
        "Trạm Y tế xã Sơn Thái",
        "cá nhân",
        WORKER,
        "Khám sức khỏe định kỳ cho người dân 8 thôn đặc biệt khó khăn.",
        89,
    ),
    (
        "Bà",
        "Cao Thị Thanh Thủy",
        "Nữ",
        1978,
        "Phó Chánh Văn phòng",
        "Sở Y tế",
        "cá nhân",
        LEADER,
        "Tổng hợp, theo dõi kết quả thực hiện tiêu chí y tế của 132 xã.",
        76.9,
    ),
    (
        None,
        "Trung tâm Y tế huyện Diên Khánh",
        None,
        None,
        None,
        "Sở Y tế",
        "tập thể",
        PUBLIC,
        "Hỗ trợ 18/18 xã của huyện đạt tiêu chí y tế xã nông thôn mới nâng cao.",
        94,
    ),
    (
        None,
        "Trạm Y tế xã Cam Hải Tây",
        None,
        None,
        None,
        "Trung tâm Y tế huyện Cam Lâm",
        "tập thể",
        PUBLIC,
        "Đạt chuẩn quốc gia về y tế xã năm 2022, duy trì bền vững.",
        90.5,
    ),
    (
        None,
        "Phòng Nghiệp vụ Y",
        None,
        None,
        None,
        "Sở Y tế",
        "tập thể",
        OFFICE,
        "Tham mưu ban hành kế hoạch thực hiện tiêu chí y tế giai đoạn 2021 - 2025.",
        88,
    ),
    (
        None,
        "Trung tâm Kiểm soát bệnh tật tỉnh",
        None,
        None,
        None,
        "Sở Y tế",
        "tập thể",
        PUBLIC,
        "Kiểm soát dịch bệnh, bảo đảm 100% xã nông thôn mới không có dịch lớn.",
        92,
    ),
    (
        None,
        "Trạm Y tế xã Ninh Sơn",
        None,
        None,
        None,
        "Trung tâm Y tế thị xã Ninh Hòa",
        "tập thể",
        PUBLIC,
        "Quản lý sức khỏe 100% người cao tuổi trên địa bàn xã.",
        85,
    ),
    (
        "Ông",
        "Hồ Văn Sáu",
        "Nam",
        1986,
        "Kỹ thuật viên",
        "Trung tâm Y tế huyện Vạn Ninh",
        "cá nhân",
        WORKER,
        "Tham gia các đợt khám bệnh lưu động tại xã đảo Vạn Thạnh.",
        65,
    ),
]

# Sở Giáo dục và Đào tạo, as the unit typed it: (tên gọi, họ và tên, năm sinh, giới tính,
# chức vụ, đơn vị công tác, phân loại, hình thức, lĩnh vực, thành tích, tỷ lệ phiếu). The vote
# of row 4 is the text "85,5%", that of row 6 a fraction formatted as a percentage; row 9 has
# the honorific "ông", row 12 the phân loại "ca nhan"; the last collective has exactly 70.
EducationRow = tuple[
    str | None, str, int | None, str | None, str | None, str, str, str, str, object
]
EDUCATION: list[EducationRow] = [
    (
        "Ông",
        "Võ Đình Khoa",
        1970,
        "Nam",
        "Phó Giám đốc",
        "Sở Giáo dục và Đào tạo",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Chỉ đạo xây dựng 212 trường đạt chuẩn quốc gia ở các xã nông thôn mới.",
        93,
    ),
    (
        "Bà",
        "Nguyễn Thị Thanh Tâm",
        1982,
        "Nữ",
        "Hiệu trưởng",
        "Trường Tiểu học Cam Hải Tây",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Đưa trường đạt chuẩn quốc gia mức độ 2; 100% học sinh hoàn thành chương trình.",
        88,
    ),
    (
        "Ông",
        "Trần Văn Lộc",
        1978,
        "Nam",
        "Hiệu trưởng",
        "Trường THCS Diên Thọ",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Vận động xã hội hóa 1,8 tỷ đồng xây phòng học bộ môn.",
        81,
    ),
    (
        "Bà",
        "Lê Thị Hoa",
        1986,
        "Nữ",
        "Giáo viên",
        "Trường Mầm non Ninh Phụng",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Duy trì 100% trẻ 5 tuổi ra lớp, đạt tiêu chí giáo dục của xã.",
        "85,5%",
    ),
    (
        "Ông",
        "Phạm Ngọc Sơn",
        1975,
        "Nam",
        "Trưởng phòng Giáo dục Mầm non - Tiểu học",
        "Sở Giáo dục và Đào tạo",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Tham mưu kế hoạch phổ cập giáo dục mầm non cho trẻ em 5 tuổi.",
        90,
    ),
    (
        "Bà",
        "Đinh Thị Mai",
        1984,
        "Nữ",
        "Giáo viên",
        "Trường Phổ thông Dân tộc nội trú Khánh Sơn",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Dạy tiếng Việt tăng cường cho học sinh Raglai; 97% học sinh lên lớp.",
        0.92,
    ),
    (
        "Ông",
        "Bùi Văn Tuấn",
        1980,
        "Nam",
        "Phó Hiệu trưởng",
        "Trường THPT Nguyễn Huệ",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Phối hợp mở 4 lớp hướng nghiệp nông nghiệp công nghệ cao cho học sinh.",
        79,
    ),
    (
        "Bà",
        "Trương Thị Kim Yến",
        1991,
        "Nữ",
        "Giáo viên",
        "Trường Tiểu học Vạn Phú 1",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Tổ chức thư viện xanh phục vụ học sinh và người dân thôn.",
        86.7,
    ),
    (
        "ông",
        "Nguyễn Hữu Phước",
        1973,
        "Nam",
        "Giám đốc",
        "Trung tâm GDNN - GDTX Cam Lâm",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Đào tạo nghề nông nghiệp cho 640 lao động nông thôn.",
        84,
    ),
    (
        "Bà",
        "Hoàng Thị Thu",
        1989,
        "Nữ",
        "Giáo viên",
        "Trường Mầm non Suối Tiên",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Xây dựng góc học tập ngoài trời từ vật liệu tái chế.",
        77.5,
    ),
    (
        "Ông",
        "Lương Văn Phú",
        1977,
        "Nam",
        "Hiệu trưởng",
        "Trường THCS Khánh Hiệp",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Đưa trường vùng khó khăn đạt chuẩn quốc gia năm 2024.",
        91,
    ),
    (
        "Bà",
        "Châu Thị Ngọc Hân",
        1987,
        "Nữ",
        "Tổng phụ trách Đội",
        "Trường THCS Ninh Xuân",
        "ca nhan",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Tổ chức cho đội viên trồng 2.000 cây xanh trên đường làng.",
        83,
    ),
    (
        "Ông",
        "Đoàn Minh Trí",
        1983,
        "Nam",
        "Chuyên viên",
        "Sở Giáo dục và Đào tạo",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Theo dõi, tổng hợp tiêu chí trường học trong Bộ tiêu chí xã nông thôn mới.",
        75,
    ),
    (
        "Bà",
        "Mai Thị Phương",
        1981,
        "Nữ",
        "Hiệu trưởng",
        "Trường Tiểu học Diên Lâm",
        "Khen thưởng cá nhân",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Vận động người dân hiến 1.500 m² đất mở rộng trường.",
        89.5,
    ),
    (
        None,
        "Trường Tiểu học Cam Hải Tây",
        None,
        None,
        None,
        "Phòng Giáo dục và Đào tạo huyện Cam Lâm",
        "Khen thưởng tập thể",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Đạt chuẩn quốc gia mức độ 2, kiểm định chất lượng cấp độ 3.",
        90,
    ),
    (
        None,
        "Trường THCS Diên Thọ",
        None,
        None,
        None,
        "Phòng Giáo dục và Đào tạo huyện Diên Khánh",
        "Khen thưởng tập thể",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Hoàn thành tiêu chí trường học của xã nông thôn mới nâng cao.",
        87,
    ),
    (
        None,
        "Trường Mầm non Ninh Phụng",
        None,
        None,
        None,
        "Phòng Giáo dục và Đào tạo thị xã Ninh Hòa",
        "Khen thưởng tập thể",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Huy động 100% trẻ trong độ tuổi ra lớp.",
        82,
    ),
    (
        None,
        "Phòng Giáo dục Mầm non - Tiểu học",
        None,
        None,
        None,
        "Sở Giáo dục và Đào tạo",
        "Khen thưởng tập thể",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Tham mưu phổ cập giáo dục tiểu học mức độ 3 tại 100% xã.",
        88,
    ),
    (
        None,
        "Trung tâm GDNN - GDTX Cam Lâm",
        None,
        None,
        None,
        "Sở Giáo dục và Đào tạo",
        "Khen thưởng tập thể",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Đào tạo nghề cho lao động nông thôn gắn với nhu cầu doanh nghiệp.",
        80,
    ),
    (
        None,
        "Trường Tiểu học Vạn Phú 1",
        None,
        None,
        None,
        "Phòng Giáo dục và Đào tạo huyện Vạn Ninh",
        "Khen thưởng tập thể",
        "Bằng khen cấp tỉnh",
        "Giáo dục - Đào tạo",
        "Xây dựng trường học xanh - sạch - đẹp - an toàn.",
        70,
    ),
]

# Sở Nông nghiệp và Môi trường, a CSV file: (danh xưng, họ tên, giới tính, năm sinh, chức
# vụ, nơi công tác, phân loại, đối tượng, lĩnh vực, loại hình, thành tích, tỷ lệ phiếu).
# Row 11 ("68,5") is below the threshold; row 20 is the one invalid row of the round: a
# household award on a person.
AGRICULTURE: list[tuple[str, str, str, str, str, str, str, str, str, str, str, str]] = [
    (
        "Ông",
        "Lê Văn Thành",
        "Nam",
        "1971",
        "Phó Giám đốc",
        "Sở Nông nghiệp và Môi trường",
        "cá nhân",
        DIRECTOR,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Chỉ đạo 96/132 xã đạt chuẩn nông thôn mới, 28 xã đạt chuẩn nâng cao.",
        "94,5",
    ),
    (
        "Bà",
        "Nguyễn Thị Hồng Vân",
        "Nữ",
        "1979",
        "Chánh Văn phòng Điều phối nông thôn mới",
        "Sở Nông nghiệp và Môi trường",
        "cá nhân",
        LEADER,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Tham mưu Bộ tiêu chí xã nông thôn mới tỉnh giai đoạn 2021 - 2025.",
        "92",
    ),
    (
        "Ông",
        "Trần Minh Đức",
        "Nam",
        "1982",
        "Chi cục trưởng",
        "Chi cục Phát triển nông thôn",
        "cá nhân",
        LEADER,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Phát triển 86 sản phẩm OCOP đạt 3 sao trở lên.",
        "89",
    ),
    (
        "Ông",
        "Phạm Văn Hải",
        "Nam",
        "1976",
        "Trưởng phòng Quản lý đất đai",
        "Sở Nông nghiệp và Môi trường",
        "cá nhân",
        LEADER,
        "Tài nguyên - Môi trường",
        "chuyên đề",
        "Hoàn thành cấp giấy chứng nhận quyền sử dụng đất lần đầu cho 98% hộ nông thôn.",
        "85",
    ),
    (
        "Bà",
        "Đặng Thị Lan",
        "Nữ",
        "1988",
        "Kỹ sư",
        "Trung tâm Khuyến nông tỉnh",
        "cá nhân",
        WORKER,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Chuyển giao quy trình trồng xoài VietGAP cho 320 hộ ở Cam Lâm.",
        "88",
    ),
    (
        "Ông",
        "Hồ Ngọc Dũng",
        "Nam",
        "1984",
        "Cán bộ kỹ thuật",
        "Trạm Khuyến nông Khánh Vĩnh",
        "cá nhân",
        WORKER,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Hướng dẫn đồng bào Raglai trồng sầu riêng, nâng thu nhập bình quân 15%.",
        "83,5",
    ),
    (
        "Bà",
        "Võ Thị Thu Trang",
        "Nữ",
        "1990",
        "Chuyên viên",
        "Chi cục Bảo vệ môi trường",
        "cá nhân",
        WORKER,
        "Tài nguyên - Môi trường",
        "chuyên đề",
        "Triển khai phân loại rác tại nguồn ở 42 thôn.",
        "80",
    ),
    (
        "Ông",
        "Nguyễn Văn Nam",
        "Nam",
        "1973",
        "Giám đốc",
        "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
        "cá nhân",
        LEADER,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Nâng tỷ lệ hộ nông thôn dùng nước sạch đạt chuẩn lên 62%.",
        "90,5",
    ),
    (
        "Bà",
        "Lâm Thị Diệu",
        "Nữ",
        "1986",
        "Kế toán",
        "Chi cục Thủy lợi",
        "cá nhân",
        WORKER,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Quản lý hiệu quả nguồn vốn sửa chữa 35 công trình thủy lợi nhỏ.",
        "76",
    ),
    (
        "Ông",
        "Từ Văn Phong",
        "Nam",
        "1980",
        "Kiểm lâm viên",
        "Hạt Kiểm lâm Khánh Sơn",
        "cá nhân",
        WORKER,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Vận động 210 hộ nhận khoán bảo vệ rừng, giảm 40% vụ phá rừng.",
        "87",
    ),
    (
        "Ông",
        "Dương Văn Khải",
        "Nam",
        "1978",
        "Chuyên viên",
        "Chi cục Chăn nuôi và Thú y",
        "cá nhân",
        WORKER,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Tham gia phòng chống dịch tả lợn châu Phi.",
        "68,5",
    ),
    (
        "",
        "Hợp tác xã Nông nghiệp Diên Phước",
        "",
        "",
        "",
        "xã Diên Điền",
        "tập thể",
        COOP,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Liên kết tiêu thụ 1.200 tấn lúa chất lượng cao cho xã viên.",
        "91",
    ),
    (
        "",
        "Chi cục Phát triển nông thôn",
        "",
        "",
        "",
        "Sở Nông nghiệp và Môi trường",
        "tập thể",
        OFFICE,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Tham mưu Chương trình mỗi xã một sản phẩm (OCOP) của tỉnh.",
        "93",
    ),
    (
        "",
        "Trung tâm Khuyến nông tỉnh",
        "",
        "",
        "",
        "Sở Nông nghiệp và Môi trường",
        "tập thể",
        PUBLIC,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Xây dựng 24 mô hình sản xuất nông nghiệp ứng dụng công nghệ cao.",
        "89,5",
    ),
    (
        "",
        "Hợp tác xã Dịch vụ nông nghiệp Ninh Ích",
        "",
        "",
        "",
        "xã Ninh Ích",
        "tập thể",
        COOP,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Cung ứng giống, vật tư cho 850 hộ theo chuỗi giá trị.",
        "84",
    ),
    (
        "",
        "Ban Quản lý rừng phòng hộ Vạn Ninh",
        "",
        "",
        "",
        "Sở Nông nghiệp và Môi trường",
        "tập thể",
        PUBLIC,
        "Tài nguyên - Môi trường",
        "chuyên đề",
        "Trồng mới 320 ha rừng phòng hộ ven biển.",
        "82",
    ),
    (
        "",
        "Hộ ông Nguyễn Văn Ba",
        "",
        "",
        "",
        "thôn Phú Ân Nam 2, xã Diên An",
        "hộ gia đình",
        HOUSEHOLD,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Hiến 420 m² đất và góp 60 triệu đồng làm đường giao thông nông thôn.",
        "96",
    ),
    (
        "",
        "Hộ bà Trần Thị Bông",
        "",
        "",
        "",
        "thôn Tân Xương 1, xã Suối Cát",
        "hộ gia đình",
        HOUSEHOLD,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Phát triển vườn xoài VietGAP, giúp 12 hộ nghèo có việc làm.",
        "90",
    ),
    (
        "",
        "Hộ gia đình ông Cao Văn Mười",
        "",
        "",
        "",
        "thôn Đá Bàn, xã Khánh Sơn",
        "hộ gia đình",
        HOUSEHOLD,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Hiến 1.000 m² đất xây nhà văn hóa thôn.",
        "88,5",
    ),
    (
        "Bà",
        "Lê Thị Hạnh",
        "",
        "",
        "",
        "thôn Hà Dừa, xã Cam Lâm",
        "hộ gia đình",
        HOUSEHOLD,
        "Nông nghiệp - Nông thôn",
        "chuyên đề",
        "Vận động bà con hiến đất làm đường liên thôn.",
        "86",
    ),
]


def _column(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key)


def _save(workbook: Workbook, path: Path) -> Path:
    return write_atomic(path, workbook_bytes(workbook, STAMP), overwrite=True)


def health(folder: Path) -> Path:
    """The round's own form, filled in row by row as the unit would."""
    path = folder / "so-y-te.xlsx"
    round_file = load_round(ROUND)
    write_form(path, round_file=round_file, overwrite=True)
    workbook = load_workbook(path)
    sheet = workbook[FORM_SHEET]
    form_label = round_file.catalog.form("BKCT").label
    for index, row in enumerate(HEALTH):
        honorific, name, gender, year, position, workplace, kind, group, text, vote = row
        values = {
            "number": index + 1,
            "unit": "Sở Y tế",
            "honorific": honorific,
            "name": name,
            "gender": gender,
            "birth_year": year,
            "position": position,
            "workplace": workplace,
            "kind": kind,
            "form": form_label,
            "target_group": group,
            "field": "Y tế",
            "award_type": "chuyên đề",
            "achievements": text,
            "vote": vote,
        }
        for key, value in values.items():
            if value is not None:
                sheet.cell(row=FIRST_DATA_ROW + index, column=_column(key), value=value)
    return _save(workbook, path)


def education(folder: Path) -> Path:
    """The unit's own layout: a title block, a two-row header, column numbers, a blank row."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "DS de nghi"
    bold = Font(name="Times New Roman", bold=True)
    for cell, text in (
        ("A1", "UBND TỈNH KHÁNH HÒA"),
        ("A2", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
        ("G1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("G2", "Độc lập - Tự do - Hạnh phúc"),
        ("A4", "DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"),
        ("A5", "(Kèm theo Tờ trình số 311/TTr-SGDĐT ngày 22/8/2025 của Sở Giáo dục và Đào tạo)"),
        ("A6", "Đơn vị đề nghị: Sở Giáo dục và Đào tạo"),
    ):
        sheet[cell] = text
        sheet[cell].font = bold
    sheet.merge_cells("A4:L4")
    sheet.merge_cells("A5:L5")
    single = [
        ("A", "STT"),
        ("B", "Tên gọi"),
        ("C", "Họ và tên"),
        ("F", "Chức vụ"),
        ("G", "Đơn vị công tác"),
        ("H", "Phân loại"),
        ("I", "Hình thức khen thưởng đề nghị"),
        ("J", "Lĩnh vực hoạt động"),
        ("K", "Tóm tắt thành tích"),
        ("L", "Tỷ lệ phiếu bầu (%)"),
    ]
    for letter, text in single:
        sheet[f"{letter}8"] = text
        sheet.merge_cells(f"{letter}8:{letter}9")
    sheet["D8"] = "Thông tin cá nhân"
    sheet.merge_cells("D8:E8")
    sheet["D9"] = "Năm sinh"
    sheet["E9"] = "Giới tính"
    for row in sheet.iter_rows(min_row=8, max_row=9):
        for cell in row:
            cell.font = bold
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for number in range(1, 13):
        sheet.cell(row=10, column=number, value=f"({number})")
    # Row 11 is left blank, as the unit left it; the list starts on row 12.
    for index, values in enumerate(EDUCATION):
        row = 12 + index
        sheet.cell(row=row, column=1, value=index + 1)
        for column, value in enumerate(values, start=2):
            if value is not None:
                sheet.cell(row=row, column=column, value=value)
        if isinstance(values[-1], float) and values[-1] < 1:
            sheet.cell(row=row, column=12).number_format = "0%"
    return _save(workbook, folder / "so-giao-duc-va-dao-tao.xlsx")


def agriculture(folder: Path) -> Path:
    """A CSV export: UTF-8 without a BOM, ";" between cells, no unit column."""
    headings = [
        "STT",
        "Danh xưng",
        "Họ tên",
        "Giới tính",
        "Năm sinh",
        "Chức vụ",
        "Nơi công tác",
        "Phân loại khen thưởng",
        "Hình thức khen thưởng",
        "Phân loại đối tượng",
        "Lĩnh vực",
        "Loại hình",
        "Tóm tắt thành tích",
        "Tỷ lệ phiếu",
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headings)
    for index, row in enumerate(AGRICULTURE, start=1):
        honorific, name, gender, year, position, workplace, kind, *rest = row
        writer.writerow(
            [index, honorific, name, gender, year, position, workplace, kind, "BKCT", *rest]
        )
    path = folder / "so-nong-nghiep-va-moi-truong.csv"
    return write_atomic(path, buffer.getvalue().encode("utf-8"), overwrite=True)


def make(folder: Path = HERE) -> Sequence[Path]:
    return [health(folder), education(folder), agriculture(folder)]


def main() -> int:
    for path in make():
        print(path.relative_to(HERE.parent.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
