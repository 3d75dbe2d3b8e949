"""Write sample September 2023 submissions to ``examples/monthly/submissions/``.

Usage::

    python examples/monthly/make_submissions.py

30 of the 40 units of ``units.yaml`` report (the other 10 are the units a reminder goes to).
Most files are the intake form made by ``write_form`` and filled in with openpyxl, as a unit
would fill it; the unit column holds the unit's code. The others are deliberately messy but
still valid, or invalid, to exercise the compiler:

* ``SYT - DS dien hinh thang 9.2023.xlsx``: a home-made sheet with an agency header block and
  a title above the headings (header on row 7, data from row 8);
* ``SGDDT_2023-09.xlsx``: every heading cell merged over two rows (4 and 5), data from row 6;
* ``NHATRANG_2023-09.xlsx``: trailing rows holding only spaces or empty text after the data,
  down to row 300;
* ``KHANHVINH_2023-09.xlsx``: every text (headings included) decomposed to Unicode NFD;
* ``DIENKHANH_2023-09.xlsx``: stray spaces: leading, trailing and doubled spaces and a
  no-break space in the values, and a trailing space after the heading "Lĩnh vực";
* ``BHXH tinh Khanh Hoa - thang 9.xlsx``: the unit given by its name instead of its code;
* ``CTK_2023-09.csv``: the same headings in a CSV file, UTF-8 with a BOM, CRLF line ends;
* ``SLDTBXH_2023-09.xlsx``: a date typed in the notes, stored as an Excel serial number
  (45170, shown as 01/09/2023).

And one invalid file, ``VANNINH_2023-09.xlsx``: row 5 has the unknown kind "ca nhan" and row 6
leaves the required "Tóm tắt thành tích" empty.

Every run deletes the .xlsx and .csv files of the folder and writes them again, byte for byte
the same (fixed timestamps, no randomness).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.errors import TdktError
from tdkt_docs.monthly.form import (
    FIRST_DATA_ROW,
    FORM_SHEET,
    HEADER_ROW,
    title_text,
    workbook_bytes,
    write_form,
)
from tdkt_docs.monthly.schema import COLUMNS, Unit
from tdkt_docs.monthly.units import load_units
from tdkt_docs.output import write_atomic

HERE = Path(__file__).resolve().parent
UNITS_FILE = HERE / "units.yaml"
OUTPUT = HERE / "submissions"
MONTH = "2023-09"
YEAR, MONTH_NUMBER = 2023, 9

Value = str | int | dt.datetime | None
Row = dict[str, Value]
"""One exemplar, keyed by ``Column.key``; the unit is added when the file is written."""


def person(
    name: str,
    birth_year: int,
    gender: str,
    position: str,
    field: str,
    achievements: str,
    *,
    commendations: str | None = None,
    media: str | None = None,
    link: str | None = None,
) -> Row:
    return {
        "name": name,
        "kind": "cá nhân",
        "birth_year": birth_year,
        "gender": gender,
        "position": position,
        "field": field,
        "achievements": achievements,
        "commendations": commendations,
        "media": media,
        "media_link": link,
    }


def collective(
    name: str,
    kind: str,
    position: str,
    field: str,
    achievements: str,
    *,
    commendations: str | None = None,
    media: str | None = None,
    link: str | None = None,
) -> Row:
    """A tập thể or a hộ gia đình: no birth year, no gender."""
    return {
        "name": name,
        "kind": kind,
        "position": position,
        "field": field,
        "achievements": achievements,
        "commendations": commendations,
        "media": media,
        "media_link": link,
    }


EXEMPLARS: dict[str, list[Row]] = {
    "SNV": [
        person(
            "Nguyễn Thị Thu Hà",
            1986,
            "nữ",
            "Chuyên viên Phòng Thi đua - Khen thưởng, Sở Nội vụ",
            "công tác",
            "Thẩm định kịp thời 312 hồ sơ đề nghị khen thưởng dịp tổng kết năm học và Quốc khánh "
            "2/9, không có hồ sơ trễ hạn; hướng dẫn các đơn vị hoàn thiện hồ sơ điện tử trên "
            "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
            commendations="Bằng khen của Chủ tịch UBND tỉnh năm 2021",
            media="không có",
        )
    ],
    "STC": [
        person(
            "Trần Văn Phúc",
            1979,
            "nam",
            "Trưởng phòng Quản lý ngân sách, Sở Tài chính",
            "công tác",
            "Chủ trì tham mưu phương án phân bổ vốn đầu tư công năm 2023; rút ngắn thời gian "
            "thẩm tra quyết toán dự án hoàn thành từ 6 tháng xuống 4 tháng; tham mưu tiết kiệm "
            "chi thường xuyên trên 18 tỷ đồng.",
            commendations="Chiến sĩ thi đua cấp tỉnh năm 2022",
            media="không có",
        ),
        collective(
            "Phòng Tin học và Thống kê",
            "tập thể",
            "Sở Tài chính",
            "công tác",
            "Triển khai phần mềm quản lý tài sản công cho 100% cơ quan, đơn vị cấp tỉnh; số hóa "
            "trên 12.000 hồ sơ lưu trữ, phục vụ tra cứu nhanh, chính xác.",
            commendations="Tập thể Lao động xuất sắc năm 2022",
            media="đường dẫn (link)",
            link="https://stc.example.vn/tin-tuc/so-hoa-ho-so-luu-tru",
        ),
    ],
    "SGDDT": [
        person(
            "Phạm Minh Khôi",
            2006,
            "nam",
            "Học sinh lớp 12 Toán, Trường THPT chuyên Lê Quý Đôn",
            "học tập",
            "Đạt Huy chương Bạc Olympic Toán học quốc tế năm 2023; ngoài giờ học tham gia dạy "
            "kèm miễn phí cho 12 học sinh có hoàn cảnh khó khăn ở phường Vĩnh Nguyên.",
            commendations="Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo năm 2023",
            media="video clip",
            link="https://ktv.example.vn/video/hoc-sinh-khanh-hoa-gianh-huy-chuong-imo",
        ),
        person(
            "Nguyễn Thị Kim Oanh",
            1982,
            "nữ",
            "Giáo viên Trường Phổ thông Dân tộc nội trú huyện Khánh Sơn",
            "công tác",
            "Hơn 15 năm gắn bó với học sinh dân tộc Raglai; vận động 27 học sinh bỏ học trở lại "
            "lớp; mở lớp tiếng Việt miễn phí dịp hè cho 40 trẻ trước khi vào lớp 1.",
            media="phim tư liệu",
        ),
    ],
    "SYT": [
        person(
            "Đỗ Văn Hùng",
            1975,
            "nam",
            "Phó Giám đốc Bệnh viện Đa khoa tỉnh Khánh Hòa",
            "công tác",
            "Trực tiếp phẫu thuật thành công ca ghép thận thứ 10 tại Bệnh viện; chủ trì ứng dụng "
            "kỹ thuật can thiệp mạch não, góp phần giảm tỷ lệ tử vong do đột quỵ.",
            commendations="Thầy thuốc ưu tú năm 2017",
            media="video clip",
            link="https://ktv.example.vn/video/ghep-than-thanh-cong-lan-thu-10",
        ),
        collective(
            "Khoa Hồi sức tích cực - Chống độc",
            "tập thể",
            "Bệnh viện Đa khoa tỉnh Khánh Hòa",
            "công tác",
            "Cứu sống 5 ngư dân ngộ độc khí trong hầm tàu cá ngày 20/8/2023; duy trì trực cấp "
            "cứu 24/24 giờ, tiếp nhận trên 1.200 ca bệnh nặng trong tháng.",
            commendations="Bằng khen của Bộ trưởng Bộ Y tế năm 2020",
            media="không có",
        ),
    ],
    "STP": [
        person(
            "Hoàng Thị Mỹ Linh",
            1988,
            "nữ",
            "Trợ giúp viên pháp lý, Trung tâm Trợ giúp pháp lý nhà nước tỉnh",
            "công tác",
            "Tham gia tố tụng bảo vệ quyền lợi hợp pháp cho 23 người được trợ giúp pháp lý, trong "
            "đó 9 vụ việc của người dân tộc thiểu số ở huyện Khánh Vĩnh, Khánh Sơn; 100% vụ việc "
            "được đánh giá đạt chất lượng.",
        )
    ],
    "SCT": [
        person(
            "Nguyễn Văn Tám",
            1968,
            "nam",
            "Chủ cơ sở sản xuất nước mắm Tám Lợi, phường Vĩnh Trường, thành phố Nha Trang",
            "sản xuất",
            "Giữ gìn nghề làm nước mắm truyền thống; sản phẩm đạt chứng nhận OCOP 4 sao năm 2023; "
            "tạo việc làm ổn định cho 25 lao động địa phương.",
            media="video clip",
            link="https://ktv.example.vn/video/nuoc-mam-truyen-thong-vinh-truong",
        )
    ],
    "SNNPTNT": [
        collective(
            "Hộ ông Cao Văn Sang",
            "hộ gia đình",
            "Thôn Tân Xương 1, xã Suối Cát, huyện Cam Lâm",
            "sản xuất",
            "Chuyển 3 ha mía kém hiệu quả sang trồng xoài Úc theo tiêu chuẩn VietGAP, thu nhập "
            "bình quân 600 triệu đồng/năm; hướng dẫn kỹ thuật miễn phí cho 15 hộ trong thôn.",
            commendations="Giấy khen của Chủ tịch UBND huyện Cam Lâm năm 2022",
            media="phim tư liệu",
        ),
        person(
            "Lê Văn Minh",
            1984,
            "nam",
            "Kiểm lâm viên, Hạt Kiểm lâm huyện Khánh Vĩnh",
            "công tác",
            "Phát hiện, ngăn chặn 4 vụ khai thác gỗ trái phép; tham gia chữa cháy rừng tại xã "
            "Khánh Thượng, bảo vệ an toàn 50 ha rừng phòng hộ.",
            media="không có",
        ),
    ],
    "STNMT": [
        collective(
            "Trạm Quan trắc môi trường, Trung tâm Quan trắc tài nguyên và môi trường",
            "tập thể",
            "Sở Tài nguyên và Môi trường",
            "công tác",
            "Vận hành liên tục hệ thống quan trắc tự động chất lượng nước vịnh Nha Trang; cảnh "
            "báo sớm 2 đợt suy giảm chất lượng nước để các ngành chức năng kịp thời xử lý.",
            media="không có",
        )
    ],
    "SGTVT": [
        person(
            "Võ Thanh Tùng",
            1992,
            "nam",
            "Thanh tra viên, Thanh tra Sở Giao thông vận tải",
            "khác",
            "Ngày 25/8/2023 kịp thời sơ cứu, đưa 2 nạn nhân tai nạn giao thông trên Quốc lộ 1 đoạn "
            "qua huyện Vạn Ninh đi cấp cứu; trả lại gần 30 triệu đồng cho gia đình nạn nhân.",
        )
    ],
    "SVHTT": [
        person(
            "Nguyễn Thị Bích Trâm",
            2004,
            "nữ",
            "Vận động viên, Trung tâm Huấn luyện và Thi đấu thể thao tỉnh",
            "khác",
            "Giành Huy chương Vàng nội dung kata cá nhân nữ tại Giải Vô địch Karate quốc gia năm "
            "2023; tích cực tham gia huấn luyện võ thuật miễn phí cho thiếu nhi dịp hè.",
            media="video clip",
            link="https://ktv.example.vn/video/karate-huy-chuong-vang-quoc-gia",
        ),
        collective(
            "Đội Thông tin lưu động",
            "tập thể",
            "Trung tâm Văn hóa tỉnh Khánh Hòa",
            "công tác",
            "Tổ chức 18 buổi tuyên truyền lưu động phục vụ đồng bào vùng sâu, vùng xa, biển đảo "
            "dịp kỷ niệm 78 năm Cách mạng tháng Tám và Quốc khánh 2/9.",
            media="đường dẫn (link)",
            link="https://svhtt.example.vn/tin-tuc/thong-tin-luu-dong-thang-8",
        ),
    ],
    "SDL": [
        person(
            "Trần Thị Diệu Hiền",
            1995,
            "nữ",
            "Hướng dẫn viên du lịch, Công ty TNHH Du lịch Biển Xanh Nha Trang",
            "khác",
            "Trả lại ví có 1.500 USD và hộ chiếu cho du khách Hàn Quốc bỏ quên trên xe; nhiều năm "
            "được du khách đánh giá cao, góp phần quảng bá hình ảnh du lịch Khánh Hòa thân thiện.",
            media="đường dẫn (link)",
            link="https://baokhanhhoa.example.vn/xa-hoi/huong-dan-vien-tra-lai-tai-san",
        )
    ],
    "SLDTBXH": [
        person(
            "Phan Văn Đức",
            1960,
            "nam",
            "Thương binh hạng 2/4, phường Phước Long, thành phố Nha Trang",
            "kinh doanh",
            "Thương binh vượt khó, mở xưởng mộc tạo việc làm cho 12 lao động, trong đó 5 người "
            "khuyết tật; hằng năm ủng hộ Quỹ Đền ơn đáp nghĩa trên 20 triệu đồng.",
            commendations="Giấy khen của Chủ tịch UBND thành phố Nha Trang năm 2020",
            media="không có",
        )
    ],
    "STTTT": [
        person(
            "Đặng Quốc Bảo",
            1991,
            "nam",
            "Kỹ sư, Trung tâm Công nghệ thông tin và Truyền thông",
            "công tác",
            "Phát hiện, xử lý kịp thời 3 đợt tấn công mạng vào Cổng thông tin điện tử tỉnh, bảo "
            "đảm hệ thống hoạt động thông suốt; hướng dẫn 120 cán bộ cấp xã sử dụng chữ ký số.",
            media="không có",
        )
    ],
    "VPUBND": [
        person(
            "Lý Thị Thanh Thúy",
            1983,
            "nữ",
            "Chuyên viên, Trung tâm Phục vụ hành chính công tỉnh",
            "công tác",
            "Tiếp nhận, trả kết quả trên 2.400 hồ sơ thủ tục hành chính, không có hồ sơ trễ hạn; "
            "100% người dân được khảo sát hài lòng với thái độ phục vụ.",
            commendations="Giấy khen của Chánh Văn phòng UBND tỉnh năm 2022",
        )
    ],
    "BQLKKT": [
        person(
            "Nguyễn Hữu Lộc",
            1980,
            "nam",
            "Trưởng phòng Quản lý doanh nghiệp và Lao động, Ban Quản lý Khu kinh tế Vân Phong",
            "công tác",
            "Hỗ trợ 6 nhà đầu tư hoàn thiện thủ tục, đưa dự án vào hoạt động; hòa giải thành 2 vụ "
            "tranh chấp lao động tập thể tại Khu công nghiệp Ninh Thủy.",
            media="không có",
        )
    ],
    "NHATRANG": [
        collective(
            "Hộ bà Nguyễn Thị Lệ",
            "hộ gia đình",
            "Tổ dân phố 5, phường Vĩnh Hải, thành phố Nha Trang",
            "kinh doanh",
            "Duy trì quán cơm 2.000 đồng phục vụ bệnh nhân nghèo, người lao động khó khăn suốt 5 "
            "năm, mỗi ngày khoảng 300 suất ăn.",
            media="video clip",
            link="https://ktv.example.vn/video/quan-com-2000-dong-vinh-hai",
        ),
        collective(
            "Tổ dân phố Ngọc Hiệp 3",
            "tập thể",
            "Phường Ngọc Hiệp, thành phố Nha Trang",
            "khác",
            "Vận động nhân dân hiến trên 400 m² đất, đóng góp 350 triệu đồng mở rộng hẻm, lắp "
            "đèn chiếu sáng, góp phần xây dựng khu dân cư văn minh.",
            commendations="Giấy khen của Chủ tịch UBND thành phố Nha Trang năm 2022",
        ),
    ],
    "CAMRANH": [
        person(
            "Nguyễn Văn Quý",
            1996,
            "nam",
            "Chiến sĩ Dân quân tự vệ biển, phường Cam Linh, thành phố Cam Ranh",
            "chiến đấu",
            "Hoàn thành xuất sắc nhiệm vụ huấn luyện, tuần tra bảo vệ chủ quyền biển đảo; tham "
            "gia cứu 7 ngư dân gặp nạn trên biển ngày 18/8/2023.",
            media="phim tư liệu",
        )
    ],
    "NINHHOA": [
        collective(
            "Hợp tác xã Nông nghiệp Ninh Thượng",
            "tập thể",
            "Xã Ninh Thượng, thị xã Ninh Hòa",
            "sản xuất",
            "Liên kết tiêu thụ 1.200 tấn mía và 300 tấn sầu riêng cho xã viên; doanh thu năm 2022 "
            "đạt 14 tỷ đồng, lợi nhuận tăng 20% so với năm trước.",
            media="không có",
        ),
        person(
            "Đinh Văn Lâm",
            1972,
            "nam",
            "Bí thư Chi bộ thôn Phước Lâm, xã Ninh Xuân, thị xã Ninh Hòa",
            "công tác",
            "Vận động nhân dân đóng góp ngày công, kinh phí bê tông hóa 2,5 km đường giao thông "
            "nông thôn; thôn không có hộ nghèo, không có tội phạm trong 3 năm liền.",
        ),
    ],
    "VANNINH": [
        {
            "name": "Phạm Văn Nhân",
            "kind": "ca nhan",  # invalid on purpose: not one of KINDS
            "position": "Ngư dân, thôn Đông Hải, xã Vạn Hưng, huyện Vạn Ninh",
            "field": "khác",
            "achievements": "Bơi ra cứu 3 du khách bị sóng cuốn xa bờ tại bãi biển Đầm Môn "
            "ngày 27/8/2023.",
        },
        {
            "name": "Trường Tiểu học Vạn Thắng 2",
            "kind": "tập thể",
            "position": "Xã Vạn Thắng, huyện Vạn Ninh",
            "field": "công tác",
            "achievements": None,  # invalid on purpose: a required cell left empty
        },
    ],
    "DIENKHANH": [
        person(
            "Huỳnh Thị Mai",
            1979,
            "nữ",
            "Chủ tịch Hội Liên hiệp Phụ nữ xã Diên Phú, huyện Diên Khánh",
            "công tác",
            "Vận động hội viên thành lập 3 tổ tiết kiệm, hỗ trợ 18 hộ phụ nữ nghèo vay vốn "
            "không lãi phát triển kinh tế; 6 hộ đã thoát nghèo.",
            media="không có",
        ),
        collective(
            "Hộ ông Lê Văn Thành",
            "hộ gia đình",
            "Thôn Phú Ân Nam, xã Diên An, huyện Diên Khánh",
            "sản xuất",
            "Xây dựng mô hình trồng hoa, rau trong nhà lưới cho thu nhập 400 triệu đồng/năm; "
            "nhận 8 lao động địa phương vào làm việc thường xuyên.",
            media="không có",
        ),
    ],
    "KHANHVINH": [
        person(
            "Pi Năng Thị Đẹp",
            1987,
            "nữ",
            "Y sĩ Trạm Y tế xã Khánh Thượng, huyện Khánh Vĩnh",
            "công tác",
            "Vượt đường rừng đến từng thôn tiêm vắc xin cho trẻ em, đạt tỷ lệ tiêm chủng đầy đủ "
            "98%; vận động đồng bào Raglai sinh con tại trạm y tế.",
            media="phim tư liệu",
        ),
        collective(
            "Công an xã Khánh Bình",
            "tập thể",
            "Xã Khánh Bình, huyện Khánh Vĩnh",
            "chiến đấu",
            "Phối hợp triệt phá 2 vụ trộm cắp tài sản, bắt giữ 3 đối tượng; giữ vững an ninh "
            "trật tự trên địa bàn dịp Quốc khánh 2/9.",
            commendations="Giấy khen của Giám đốc Công an tỉnh năm 2022",
        ),
    ],
    "CAMLAM": [
        person(
            "Nguyễn Thị Sáu",
            1965,
            "nữ",
            "Nông dân, thôn Văn Thủy 1, xã Cam Thành Bắc, huyện Cam Lâm",
            "sản xuất",
            "Nuôi bò vỗ béo kết hợp trồng cỏ, ủ phân hữu cơ, thu nhập trên 300 triệu đồng/năm; "
            "cho 5 hộ nghèo mượn bò giống không lấy lãi.",
            commendations="Nông dân sản xuất, kinh doanh giỏi cấp tỉnh năm 2021",
            media="không có",
        )
    ],
    "YENSAO": [
        person(
            "Võ Văn Khải",
            1978,
            "nam",
            "Tổ trưởng Tổ khai thác, Xí nghiệp Khai thác yến Hòn Nội",
            "lao động",
            "17 năm bám đảo khai thác yến an toàn; sáng kiến cải tiến dụng cụ khai thác giúp "
            "tăng năng suất 15%, làm lợi cho Công ty trên 2 tỷ đồng.",
            commendations="Bằng khen của Thủ tướng Chính phủ năm 2019",
            media="phim tư liệu",
        )
    ],
    "CTN": [
        collective(
            "Đội Quản lý mạng lưới cấp nước khu vực Nha Trang",
            "tập thể",
            "Công ty Cổ phần Cấp thoát nước Khánh Hòa",
            "lao động",
            "Khắc phục sự cố vỡ đường ống D600 trong 10 giờ, bảo đảm cấp nước cho 20.000 hộ dân; "
            "giảm tỷ lệ thất thoát nước xuống còn 16%.",
            media="đường dẫn (link)",
            link="https://capthoatnuoc.example.vn/tin-tuc/khac-phuc-su-co-ong-d600",
        )
    ],
    "DOTHI": [
        person(
            "Lương Thị Hoa",
            1977,
            "nữ",
            "Công nhân vệ sinh môi trường, Xí nghiệp Môi trường 1",
            "lao động",
            "Hơn 20 năm làm công nhân quét rác ca đêm; nhặt được và trả lại túi xách có 45 triệu "
            "đồng cho du khách.",
            media="video clip",
            link="https://ktv.example.vn/video/nu-cong-nhan-tra-lai-tai-san",
        )
    ],
    "KBNN": [
        person(
            "Phạm Thị Hồng Nhung",
            1989,
            "nữ",
            "Kế toán viên, Phòng Kế toán nhà nước, Kho bạc Nhà nước Khánh Hòa",
            "công tác",
            "Kiểm soát chặt chẽ chi ngân sách, từ chối thanh toán 14 khoản chi sai chế độ với số "
            "tiền 1,2 tỷ đồng; hỗ trợ các đơn vị chuyển sang dịch vụ công trực tuyến.",
            media="không có",
        )
    ],
    "CTHUE": [
        collective(
            "Đội Kiểm tra thuế số 2, Chi cục Thuế thành phố Nha Trang",
            "tập thể",
            "Cục Thuế tỉnh Khánh Hòa",
            "công tác",
            "Kiểm tra 35 doanh nghiệp, truy thu và phạt 8,7 tỷ đồng nộp ngân sách; hướng dẫn 500 "
            "hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền.",
            commendations="Bằng khen của Bộ trưởng Bộ Tài chính năm 2021",
        )
    ],
    "BHXH": [
        person(
            "Bùi Thị Thanh Tâm",
            1985,
            "nữ",
            "Viên chức Bảo hiểm xã hội huyện Khánh Sơn",
            "công tác",
            "Vận động 320 người tham gia bảo hiểm xã hội tự nguyện, đạt 150% kế hoạch; đến tận "
            "nhà chi trả chế độ cho 45 người cao tuổi không tự đi lại được.",
            media="không có",
        )
    ],
    "NHNN": [
        person(
            "Đoàn Minh Trí",
            1993,
            "nam",
            "Chuyên viên Phòng Tiền tệ - Kho quỹ và Hành chính",
            "công tác",
            "Kiểm đếm, phát hiện và thu giữ 12 tờ tiền giả; hướng dẫn 30 điểm giao dịch ở vùng "
            "nông thôn cách nhận biết tiền thật, tiền giả.",
        )
    ],
    "CTK": [
        person(
            "Mai Thị Phương",
            1979,
            "nữ",
            "Thống kê viên, Chi cục Thống kê huyện Cam Lâm",
            "công tác",
            "Hoàn thành sớm 10 ngày cuộc điều tra lao động việc làm quý III tại 15 địa bàn; ứng "
            "dụng phiếu điện tử giúp giảm sai sót dữ liệu.",
            media="không có",
        ),
        collective(
            "Phòng Thu thập thông tin thống kê",
            "tập thể",
            "Cục Thống kê tỉnh Khánh Hòa",
            "công tác",
            "Tổ chức thu thập thông tin Tổng điều tra kinh tế tại 2.100 cơ sở đúng tiến độ, "
            "bảo đảm chất lượng số liệu.",
        ),
    ],
}


def stamp(index: int) -> dt.datetime:
    """When the file was saved: a working morning early in the month, fixed per file."""
    return dt.datetime(YEAR, MONTH_NUMBER, 5 + index % 9, 8 + index % 4, 15 + index % 40)


def cell_values(unit_value: str, row: Row) -> list[Value]:
    return [unit_value if c.key == "unit" else row.get(c.key) for c in COLUMNS]


def fill_rows(sheet: Worksheet, first_row: int, rows: Sequence[Sequence[Value]]) -> None:
    for offset, values in enumerate(rows):
        for index, value in enumerate(values, start=1):
            sheet.cell(row=first_row + offset, column=index, value=value)


def first_sheet(workbook: Workbook) -> Worksheet:
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    return sheet


def save(workbook: Workbook, path: Path, when: dt.datetime) -> Path:
    return write_atomic(path, workbook_bytes(workbook, when), overwrite=True)


def filled_form(
    path: Path, units: Sequence[Unit], rows: Sequence[Sequence[Value]], when: dt.datetime
) -> tuple[Workbook, Worksheet]:
    """The form written by write_form, reopened and filled in as a unit would."""
    write_form(path, MONTH, units, overwrite=True)
    workbook = load_workbook(path)
    sheet = workbook[FORM_SHEET]
    fill_rows(sheet, FIRST_DATA_ROW, rows)
    return workbook, sheet


def column_number(key: str) -> int:
    """The 1-based number of the column that fills ``key``."""
    return 1 + [column.key for column in COLUMNS].index(key)


def headings() -> list[str]:
    return [column.heading for column in COLUMNS]


# --- one writer per kind of file; each returns the path it wrote -------------------------

Writer = Callable[[Unit, list[Row], Sequence[Unit], dt.datetime], Path]


def clean(unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime) -> Path:
    path = OUTPUT / f"{unit.code}_{MONTH}.xlsx"
    workbook, _ = filled_form(path, units, [cell_values(unit.code, r) for r in rows], when)
    return save(workbook, path, when)


def extra_title_rows(unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime) -> Path:
    """A home-made sheet: agency header block and title above the headings."""
    path = OUTPUT / "SYT - DS dien hinh thang 9.2023.xlsx"
    workbook = Workbook()
    sheet = first_sheet(workbook)
    sheet.title = "DS T9"
    bold = Font(name="Times New Roman", size=12, bold=True)
    for address, text in (
        ("A1", "UBND TỈNH KHÁNH HÒA"),
        ("F1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("A2", unit.name.upper()),
        ("F2", "Độc lập - Tự do - Hạnh phúc"),
        ("A4", title_text(YEAR, MONTH_NUMBER)),
        ("A5", "(Kèm theo Công văn số 3125/SYT-TCCB ngày 12/9/2023 của Sở Y tế)"),
    ):
        sheet[address] = text
        sheet[address].font = bold
    header_row = 7
    fill_rows(sheet, header_row, [headings(), *(cell_values(unit.code, r) for r in rows)])
    for index, column in enumerate(COLUMNS, start=1):
        sheet.cell(row=header_row, column=index).font = bold
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    return save(workbook, path, when)


def merged_header(unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime) -> Path:
    """Every heading cell merged over rows 4 and 5 (a tall header); data from row 6."""
    path = OUTPUT / f"{unit.code}_{MONTH}.xlsx"
    workbook = Workbook()
    sheet = first_sheet(workbook)
    sheet.title = "Điển hình"
    last = get_column_letter(len(COLUMNS))
    sheet["A1"] = title_text(YEAR, MONTH_NUMBER)
    sheet.merge_cells(f"A1:{last}1")
    sheet["A2"] = "Thời gian: từ ngày 15/8/2023 đến ngày 14/9/2023"
    sheet.merge_cells(f"A2:{last}2")
    fill_rows(sheet, HEADER_ROW, [headings()])
    for index in range(1, len(COLUMNS) + 1):
        sheet.merge_cells(
            start_row=HEADER_ROW, start_column=index, end_row=HEADER_ROW + 1, end_column=index
        )
        sheet.cell(row=HEADER_ROW, column=index).alignment = Alignment(
            horizontal="center", vertical="center", wrap_text=True
        )
    fill_rows(sheet, HEADER_ROW + 2, [cell_values(unit.code, r) for r in rows])
    return save(workbook, path, when)


def trailing_blank_rows(
    unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime
) -> Path:
    """Rows after the data holding only spaces or empty text, the last one on row 300."""
    path = OUTPUT / f"{unit.code}_{MONTH}.xlsx"
    workbook, sheet = filled_form(path, units, [cell_values(unit.code, r) for r in rows], when)
    after = FIRST_DATA_ROW + len(rows)
    fill_rows(sheet, after, [[" ", "", "  "], [], ["", " "]])
    sheet.cell(row=after + 6, column=8, value="   ")
    sheet.cell(row=300, column=1, value=" ")
    return save(workbook, path, when)


def decomposed(unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime) -> Path:
    """Every text, the headings included, in Unicode NFD (as some Mac tools save it)."""
    path = OUTPUT / f"{unit.code}_{MONTH}.xlsx"
    workbook, sheet = filled_form(path, units, [cell_values(unit.code, r) for r in rows], when)
    for line in sheet.iter_rows(min_row=1, max_row=FIRST_DATA_ROW + len(rows)):
        for cell in line:
            if isinstance(cell.value, str):
                cell.value = unicodedata.normalize("NFD", cell.value)
    return save(workbook, path, when)


def stray_spaces(unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime) -> Path:
    """Leading, trailing, doubled and no-break spaces; a trailing space after one heading."""
    path = OUTPUT / f"{unit.code}_{MONTH}.xlsx"
    messy_rows: list[list[Value]] = []
    for number, row in enumerate(rows):
        values = cell_values(f" {unit.code} ", row)
        messy_rows.append(
            [
                f"  {v.replace(' ', '  ', 1)}\u00a0" if isinstance(v, str) and number == 0 else v
                for v in values
            ]
        )
    kind = column_number("kind") - 1
    messy_rows[-1][kind] = f"{messy_rows[-1][kind]} "  # a trailing space after the kind
    workbook, sheet = filled_form(path, units, messy_rows, when)
    heading = sheet.cell(row=HEADER_ROW, column=column_number("field"))
    heading.value = f"{heading.value} "
    return save(workbook, path, when)


def unit_by_name(unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime) -> Path:
    """The unit column holds the name picked from the drop-down, not the code."""
    path = OUTPUT / "BHXH tinh Khanh Hoa - thang 9.xlsx"
    workbook, _ = filled_form(path, units, [cell_values(unit.name, r) for r in rows], when)
    return save(workbook, path, when)


def csv_with_bom(unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime) -> Path:
    """The same headings in CSV, UTF-8 with a byte-order mark, as Excel saves "CSV UTF-8"."""
    path = OUTPUT / f"{unit.code}_{MONTH}.csv"
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(headings())
    for row in rows:
        writer.writerow(["" if v is None else v for v in cell_values(unit.code, row)])
    return write_atomic(path, text.getvalue().encode("utf-8-sig"), overwrite=True)


def serial_date_note(unit: Unit, rows: list[Row], units: Sequence[Unit], when: dt.datetime) -> Path:
    """A date typed in the notes: Excel keeps it as the serial number 45170 with a date format."""
    path = OUTPUT / f"{unit.code}_{MONTH}.xlsx"
    workbook, sheet = filled_form(path, units, [cell_values(unit.code, r) for r in rows], when)
    notes = sheet.cell(row=FIRST_DATA_ROW, column=column_number("notes"))
    notes.value = dt.datetime(2023, 9, 1)
    notes.number_format = "dd/mm/yyyy"
    return save(workbook, path, when)


SPECIAL_WRITERS: dict[str, Writer] = {
    "SYT": extra_title_rows,
    "SGDDT": merged_header,
    "NHATRANG": trailing_blank_rows,
    "KHANHVINH": decomposed,
    "DIENKHANH": stray_spaces,
    "BHXH": unit_by_name,
    "CTK": csv_with_bom,
    "SLDTBXH": serial_date_note,
    # VANNINH (the invalid file) is written by `clean`: its rows carry the errors.
}


def main() -> int:
    try:
        units = load_units(UNITS_FILE)
        by_code = {unit.code: unit for unit in units}
        unknown = sorted(set(EXEMPLARS) - set(by_code))
        if unknown:
            print(f"error: not in {UNITS_FILE.name}: {', '.join(unknown)}", file=sys.stderr)
            return 1
        OUTPUT.mkdir(exist_ok=True)
        for old in sorted(OUTPUT.iterdir()):
            if old.suffix in {".xlsx", ".csv"}:
                old.unlink()
        for index, (code, rows) in enumerate(EXEMPLARS.items()):
            writer = SPECIAL_WRITERS.get(code, clean)
            written = writer(by_code[code], rows, units, stamp(index))
            print(f"{writer.__name__:>20}: {written.relative_to(HERE)}")
    except TdktError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
