"""The ND30 roles of a document's elements and the Word styles that carry them.

Every element of a generated document uses the paragraph style of its role, so a user can
restyle it in Word and a checker can find it. The style ids are ASCII and stable; the
display names are Vietnamese, as a user sees them in Word's style list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    key: str
    style_id: str
    style_name: str
    box: str
    """The "ô" of Phụ lục I, mục IV (empty for helper paragraphs)."""


_ROLES = (
    Role("quoc_hieu", "ND30QuocHieu", "ND30 Quốc hiệu", "1"),
    Role("tieu_ngu", "ND30TieuNgu", "ND30 Tiêu ngữ", "1"),
    Role("tieu_ngu_rule", "ND30TieuNguRule", "ND30 Gạch dưới tiêu ngữ", "1"),
    Role("parent_agency", "ND30CoQuanChuQuan", "ND30 Cơ quan chủ quản", "2"),
    Role("agency", "ND30CoQuanBanHanh", "ND30 Tên cơ quan ban hành", "2"),
    Role("agency_rule", "ND30CoQuanRule", "ND30 Gạch dưới tên cơ quan", "2"),
    Role("number", "ND30SoKyHieu", "ND30 Số và ký hiệu", "3"),
    Role("date_line", "ND30DiaDanhNgay", "ND30 Địa danh và thời gian", "4"),
    Role("subject", "ND30TrichYeuCongVan", "ND30 Trích yếu công văn", "5b"),
    Role("secrecy", "ND30DoMat", "ND30 Dấu độ mật", "10a"),
    Role("urgency", "ND30DoKhan", "ND30 Dấu mức độ khẩn", "10b"),
    Role("type_title", "ND30TenLoai", "ND30 Tên loại văn bản", "5a"),
    Role("type_extract", "ND30TrichYeu", "ND30 Trích yếu", "5a"),
    Role("type_extract_rule", "ND30TrichYeuRule", "ND30 Gạch dưới trích yếu", "5a"),
    Role("issuing_authority", "ND30ThamQuyen", "ND30 Thẩm quyền ban hành", "5a"),
    Role("basis", "ND30CanCu", "ND30 Căn cứ", "6"),
    Role("operative", "ND30QuyetDinhLenh", "ND30 Quyết định:", "6"),
    Role("article", "ND30Dieu", "ND30 Điều", "6"),
    Role("article_item", "ND30DieuMuc", "ND30 Điều danh sách", "6"),
    Role("list_group", "ND30DanhSachNhom", "ND30 Danh sách nhóm", ""),
    Role("list_entry", "ND30DanhSachMuc", "ND30 Danh sách mục", ""),
    Role("kinh_gui", "ND30KinhGui", "ND30 Kính gửi", "9a"),
    Role("kinh_gui_item", "ND30KinhGuiDanhSach", "ND30 Kính gửi danh sách", "9a"),
    Role("body", "ND30NoiDung", "ND30 Nội dung", "6"),
    Role("heading1", "ND30DeMuc1", "ND30 Đề mục cấp 1 (I.)", "6"),
    Role("heading2", "ND30DeMuc2", "ND30 Đề mục cấp 2 (1.)", "6"),
    Role("heading3", "ND30DeMuc3", "ND30 Đề mục cấp 3 (a)", "6"),
    Role("noi_nhan_label", "ND30NoiNhan", "ND30 Nơi nhận", "9b"),
    Role("noi_nhan_item", "ND30NoiNhanDanhSach", "ND30 Nơi nhận danh sách", "9b"),
    Role("drafter", "ND30NguoiSoanThao", "ND30 Ký hiệu người soạn thảo", "12"),
    Role("authority", "ND30QuyenHan", "ND30 Quyền hạn người ký", "7a"),
    Role("signer_title", "ND30ChucVu", "ND30 Chức vụ người ký", "7a"),
    Role("signer_name", "ND30HoTen", "ND30 Họ tên người ký", "7b"),
    Role("appendix_label", "ND30PhuLuc", "ND30 Phụ lục", ""),
    Role("appendix_title", "ND30PhuLucTen", "ND30 Tên phụ lục", ""),
    Role("appendix_reference", "ND30PhuLucKemTheo", "ND30 Phụ lục kèm theo", ""),
    Role("appendix_rule", "ND30PhuLucRule", "ND30 Gạch dưới phụ lục", ""),
    Role("table_unit", "ND30BangDonVi", "ND30 Đơn vị tính", ""),
    Role("table_slot", "ND30ChoBang", "ND30 Chỗ đặt bảng", ""),
    Role("table_header", "ND30BangTieuDe", "ND30 Bảng tiêu đề cột", ""),
    Role("table_cell", "ND30BangNoiDung", "ND30 Bảng nội dung", ""),
    Role("table_number", "ND30BangSoLieu", "ND30 Bảng số liệu", ""),
    Role("page_number", "ND30SoTrang", "ND30 Số trang", ""),
    Role("contact", "ND30LienHe", "ND30 Địa chỉ liên hệ", "13"),
    Role("filler", "ND30Dem", "ND30 Đoạn đệm", ""),
)

ROLES: dict[str, Role] = {role.key: role for role in _ROLES}
ROLE_BY_STYLE_ID: dict[str, Role] = {role.style_id: role for role in _ROLES}
