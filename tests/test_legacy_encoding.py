"""Legacy Vietnamese text (TCVN3 / VNI, decoded as Latin-1): detection and conversion.

The round trips encode genuine Vietnamese with the inverse of the module's tables; the
tables themselves are checked against samples written by hand from real old documents and
against the structure of the two encodings.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tdkt_docs
from tdkt_docs.vietnamese import LegacyEncodingError, convert_legacy, detect_legacy_encoding
from tdkt_docs.vietnamese.legacy import TCVN3_TO_UNICODE, VNI_TO_UNICODE

# ---------------------------------------------------------------------------------------
# Genuine Vietnamese
# ---------------------------------------------------------------------------------------

# The 67 lower-case letters outside ASCII: 12 vowels × 5 tones, and ă â ê ô ơ ư đ.
LOWER_LETTERS = (
    "àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ đ"
).replace(" ", "")
UPPER_LETTERS = LOWER_LETTERS.upper()
ALL_LETTERS = LOWER_LETTERS + UPPER_LETTERS
TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"  # the only non-ASCII capitals TCVN3 can write

PHRASES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Ủy ban nhân dân tỉnh Khánh Hòa",
    "Sở Nội vụ",
    "Ban Thi đua - Khen thưởng",
    "Hội đồng Thi đua - Khen thưởng",
    "Thủ tướng Chính phủ",
    "Bộ trưởng Bộ Nội vụ",
    "Chủ tịch nước",
    "Quốc hội",
    "Văn phòng Chính phủ",
    "Quyết định về việc khen thưởng",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
    "Nghị định số 98/2023/NĐ-CP",
    "Thông tư hướng dẫn thi hành",
    "Xét đề nghị của Trưởng ban Thi đua - Khen thưởng",
    "Điều 1. Tặng Bằng khen cho các tập thể và cá nhân",
    "Điều 2. Tiền thưởng kèm theo được chi từ quỹ thi đua",
    "Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành quyết định này",
    "Nơi nhận: Như Điều 3; Lưu: VT, TĐKT",
    "Chiến sĩ thi đua cơ sở",
    "Lao động tiên tiến",
    "Tập thể lao động xuất sắc",
    "Cờ thi đua của Chính phủ",
    "Huân chương Lao động hạng Nhất",
    "Huân chương Độc lập hạng Ba",
    "Kỷ niệm chương vì sự nghiệp",
    "Giấy khen của Giám đốc sở",
    "đã có thành tích xuất sắc trong phong trào thi đua yêu nước",
    "góp phần vào sự nghiệp xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc",
    "Ngày truyền thống thi đua yêu nước",
    "Lời kêu gọi thi đua ái quốc",
    "kỷ niệm bảy mươi bảy năm",
    "Báo cáo kết quả phát hiện, bồi dưỡng, biểu dương, nhân rộng điển hình tiên tiến",
    "gương người tốt, việc tốt",
    "công tác chỉ đạo, triển khai",
    "ưu điểm, hạn chế, nguyên nhân",
    "phương hướng, nhiệm vụ tháng tới",
    "đề xuất, kiến nghị",
    "Trên đây là báo cáo của Sở Nội vụ",
    "Kính gửi các cơ quan, đơn vị",
    "Họ và tên, năm sinh, giới tính",
    "Chức vụ, đơn vị công tác",
    "tóm tắt thành tích",
    "Đơn vị tính: đồng",
    "một triệu năm trăm nghìn đồng",
    "Hà Nội, ngày mười tháng chín",
    "Thành phố Hồ Chí Minh",
    "Đà Nẵng, Huế, Cần Thơ, Hải Phòng",
    "Nguyễn Văn An, Trần Thị Bích, Lê Hoàng Yến, Phạm Quốc Việt",
    "Đặng Thùy Dương, Vũ Đức Thắng, Bùi Ngọc Ánh, Đỗ Khánh Ly",
    "Hoàng Minh Tuấn, Huỳnh Thị Mỹ, Võ Nguyên Giáp, Dương Quỳnh Anh",
    "người dân, được, trường học, thưởng, hướng, nước, ngoài, khuyến khích",
    "giường, giữa, giếng, gì, gìn giữ, quyết tâm, quyển sách, quá khứ",
    "nghiêng, nghỉ ngơi, nghe nhìn, ghi chép, ghế, kể chuyện, kiểm tra",
    "khuya, khuỷu tay, tuýp, huỳnh, xoong, quần soóc, thuở xưa, thuê nhà",
    "ngoằn ngoèo, khoẻ khoắn, hoà hợp, toà án, loạt, hoạch định, hoàng hôn",
    "ướt át, rượu, hươu, bướu, cười, tươi, lười, ngửi, gửi",
    "chuyên môn, nghiệp vụ, quản lý, hành chính, tổ chức, cán bộ, công chức, viên chức",
    "ăn uống, ắt hẳn, ẵm bồng, ặc ặc, ằng ặc, ấm áp, ầm ĩ, ẩn náu, ẫm, ậm ừ",
    "ép buộc, èo uột, ẻo lả, ẽo ợt, ẹp, ếch, ềnh, ể oải, ễnh ương, ệt",
    "ích lợi, ì ạch, ỉ ôi, ĩ, ịch",
    "óng ả, ò e, ỏn ẻn, õng ẹo, ọ ẹ, ốc, ồn ào, ổn định, ỗ, ộp",
    "ớt, ờ, ở, ỡ, ợ, úp mở, ùn ùn, ủng hộ, ũng, ụ",
    "ứng dụng, ừ, ửng hồng, ữ, ự, ý kiến, ỳ ạch, ỷ lại, ỹ, ỵ",
]
WORDS = sorted({word for phrase in PHRASES for word in re.findall(r"[^\W\d_]+", phrase)})
SYLLABLES = [word for word in WORDS if not word.isupper()]  # without NĐ, CP, VT, TĐKT


def test_the_word_list_is_large_and_covers_every_letter() -> None:
    assert len(WORDS) >= 200
    assert len(LOWER_LETTERS) == 67 and len(set(ALL_LETTERS)) == 134
    used = set("".join(PHRASES).lower())
    assert set(LOWER_LETTERS) <= used


# ---------------------------------------------------------------------------------------
# Encoders: the inverse tables
# ---------------------------------------------------------------------------------------

UNICODE_TO_TCVN3 = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}
UNICODE_TO_VNI = {letter: sequence for sequence, letter in VNI_TO_UNICODE.items()}


def _encoder(inverse: dict[str, str]) -> Callable[[str], str]:
    def encode(text: str) -> str:
        out = []
        for char in unicodedata.normalize("NFC", text):
            if char in inverse:
                out.append(inverse[char])
            elif char.isascii():
                out.append(char)
            else:
                raise ValueError(f"{char!r} has no code in this encoding")
        return "".join(out)

    return encode


encode_tcvn3 = _encoder(UNICODE_TO_TCVN3)
encode_vni = _encoder(UNICODE_TO_VNI)
ENCODERS = {"TCVN3": encode_tcvn3, "VNI": encode_vni}


def tcvn3_writable(text: str) -> str:
    """TCVN3 has no capitals with a tone mark: write them in lower case (as .VnTimeH did)."""
    return "".join(
        char.lower() if char in UPPER_LETTERS and char not in TCVN3_CAPITALS else char
        for char in unicodedata.normalize("NFC", text)
    )


WRITABLE = {"TCVN3": tcvn3_writable, "VNI": lambda text: unicodedata.normalize("NFC", text)}
VIETNAMESE_ALPHABET = set(string.ascii_letters) | set(ALL_LETTERS)


def distinct_evidence_words(legacy_text: str) -> int:
    """Words of a legacy text with an ASCII letter and a character Vietnamese never uses."""
    words = re.split(r"[\s,.;:/()\-\d]+", legacy_text)
    return len(
        {
            word.lower()
            for word in words
            if any(c.isascii() and c.isalpha() for c in word)
            and any(not c.isascii() and c not in VIETNAMESE_ALPHABET for c in word)
        }
    )


def check_detection(legacy: str, encoding: str) -> None:
    """Never the wrong encoding; found when two words carry non-Vietnamese characters,
    unless the text is ambiguous: it then also converts under the other encoding (VNI
    "ñi nhö" is "đi như", and in TCVN3 the syllables "ủi nhử")."""
    detected = detect_legacy_encoding(legacy)
    assert detected in (encoding, None)
    if detected is None and distinct_evidence_words(legacy) >= 2:
        other = "VNI" if encoding == "TCVN3" else "TCVN3"
        convert_legacy(legacy, other)  # raises unless the other reading is possible


# ---------------------------------------------------------------------------------------
# The tables against samples typed by hand and against the encodings' structure
# ---------------------------------------------------------------------------------------

SAMPLES = [
    ("TCVN3", "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("TCVN3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("TCVN3", "Uû ban nh©n d©n", "Uỷ ban nhân dân"),
    ("TCVN3", "Thñ t\xadíng ChÝnh phñ", "Thủ tướng Chính phủ"),
    ("TCVN3", "§iÒu 1. Quèc héi", "Điều 1. Quốc hội"),
    ("TCVN3", "Bé Néi vô, Së Néi vô", "Bộ Nội vụ, Sở Nội vụ"),
    ("TCVN3", "khen th\xadëng n¨m 2024", "khen thưởng năm 2024"),
    ("TCVN3", "thµnh tÝch xuÊt s¾c", "thành tích xuất sắc"),
    ("TCVN3", "¡n, ¢u, £m, ¤ng, ¥n, ¦ng, §i", "Ăn, Âu, Êm, Ông, Ơn, Ưng, Đi"),
    ("TCVN3", "NguyÔn V¨n A", "Nguyễn Văn A"),
    ("VNI", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("VNI", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("VNI", "UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"),
    ("VNI", "Thuû töôùng Chính phuû", "Thủ tướng Chính phủ"),
    ("VNI", "Ñieàu 1. ñöôïc ngöôøi", "Điều 1. được người"),
    ("VNI", "thaønh tích xuaát saéc", "thành tích xuất sắc"),
    ("VNI", "naêm, Thaêng Long, Nhaø nöôùc", "năm, Thăng Long, Nhà nước"),
    ("VNI", "ÑAÏI HOÄI, Khaùnh Hoøa", "ĐẠI HỘI, Khánh Hòa"),
    ("VNI", "Nguyeãn Quyønh, hieäu tröôûng", "Nguyễn Quỳnh, hiệu trưởng"),
    ("VNI", "kyû nieäm, yù kieán, Hoaøng Minh Tuaán", "kỷ niệm, ý kiến, Hoàng Minh Tuấn"),
]


@pytest.mark.parametrize(
    ("encoding", "legacy", "unicode"), SAMPLES, ids=[f"{e}-{u[:24]}" for e, _, u in SAMPLES]
)
def test_samples_convert(encoding: str, legacy: str, unicode: str) -> None:
    assert convert_legacy(legacy, encoding) == unicode
    assert ENCODERS[encoding](WRITABLE[encoding](unicode)) == legacy


@pytest.mark.parametrize(
    ("encoding", "legacy"),
    [(encoding, legacy) for encoding, legacy, _ in SAMPLES],
    ids=[f"{e}-{u[:24]}" for e, _, u in SAMPLES],
)
def test_samples_are_detected(encoding: str, legacy: str) -> None:
    assert detect_legacy_encoding(legacy) == encoding


def test_tcvn3_table_structure() -> None:
    assert len(TCVN3_TO_UNICODE) == 74
    assert all(len(code) == 1 and 0xA1 <= ord(code) <= 0xFE for code in TCVN3_TO_UNICODE)
    assert set(TCVN3_TO_UNICODE.values()) == set(LOWER_LETTERS) | set(TCVN3_CAPITALS)
    # 0xA1–0xA7 capitals, 0xA8–0xAE the same letters in lower case
    for offset, capital in enumerate(TCVN3_CAPITALS):
        assert TCVN3_TO_UNICODE[chr(0xA1 + offset)] == capital
        assert TCVN3_TO_UNICODE[chr(0xA8 + offset)] == capital.lower()
    # toned letters rise with the code: each vowel's five tones in the order
    # huyền, hỏi, ngã, sắc, nặng, and vowels in the order a ă â e ê i o ô ơ u ư y
    toned = [
        TCVN3_TO_UNICODE[chr(code)]
        for code in range(0xB5, 0xFF)
        if chr(code) in UNICODE_TO_TCVN3.values()
    ]
    assert "".join(toned) == "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


def test_vni_table_structure() -> None:
    assert len(VNI_TO_UNICODE) == 134
    assert set(VNI_TO_UNICODE.values()) == set(ALL_LETTERS)
    for sequence, letter in VNI_TO_UNICODE.items():
        assert 1 <= len(sequence) <= 2
        assert all(ord(char) < 0x100 for char in sequence)
        assert sequence.isupper() == letter.isupper() or not sequence.isalpha()
        if len(sequence) == 2:  # an ASCII base (or ô = ơ, ö = ư) and a mark byte
            assert sequence[0] in "aeouyAEOUYôöÔÖ"
            assert unicodedata.normalize("NFD", letter)[0].lower() in "aeouy"


# ---------------------------------------------------------------------------------------
# Round trips
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("letter", list(ALL_LETTERS))
def test_every_letter_round_trips_in_vni(letter: str) -> None:
    assert convert_legacy(encode_vni(letter), "VNI") == letter
    assert convert_legacy(encode_vni(f"x{letter}n"), "VNI") == f"x{letter}n"


@pytest.mark.parametrize("letter", list(LOWER_LETTERS + TCVN3_CAPITALS))
def test_every_writable_letter_round_trips_in_tcvn3(letter: str) -> None:
    assert convert_legacy(encode_tcvn3(letter), "TCVN3") == letter


@pytest.mark.parametrize("letter", [c for c in UPPER_LETTERS if c not in TCVN3_CAPITALS])
def test_tcvn3_cannot_write_capitals_with_a_tone(letter: str) -> None:
    with pytest.raises(ValueError, match="no code"):
        encode_tcvn3(letter)


@pytest.mark.parametrize("encoding", ["TCVN3", "VNI"])
def test_all_letters_round_trip_and_are_detected(encoding: str) -> None:
    text = " ".join(WRITABLE[encoding](letter + "n") for letter in ALL_LETTERS)
    legacy = ENCODERS[encoding](text)
    assert detect_legacy_encoding(legacy) == encoding
    assert convert_legacy(legacy, encoding) == text


@pytest.mark.parametrize("encoding", ["TCVN3", "VNI"])
@pytest.mark.parametrize("phrase", PHRASES, ids=[p[:30] for p in PHRASES])
def test_phrases_round_trip(encoding: str, phrase: str) -> None:
    text = WRITABLE[encoding](phrase)
    legacy = ENCODERS[encoding](text)
    assert convert_legacy(legacy, encoding) == text
    check_detection(legacy, encoding)


@pytest.mark.parametrize("encoding", ["TCVN3", "VNI"])
def test_whole_word_list_round_trips(encoding: str) -> None:
    text = WRITABLE[encoding]("\n".join(PHRASES))
    legacy = ENCODERS[encoding](text)
    assert detect_legacy_encoding(legacy) == encoding
    assert convert_legacy(legacy, encoding) == text
    for case in (str.lower, str.upper):
        cased = WRITABLE[encoding](case(text))
        assert convert_legacy(ENCODERS[encoding](cased), encoding) == cased
        assert detect_legacy_encoding(ENCODERS[encoding](cased)) == encoding


SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", " - ", "\n", ": ", " (", ") "])


@st.composite
def vietnamese_text(draw: st.DrawFn, case_styles: tuple[Callable[[str], str], ...]) -> str:
    words = draw(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=25))
    parts = []
    for word in words:
        parts.append(draw(st.sampled_from(case_styles))(word))
        parts.append(draw(SEPARATORS))
    return "".join(parts).strip()


CASES = (str.lower, str.capitalize, str.upper, lambda word: word)


@settings(max_examples=300)
@given(text=vietnamese_text(CASES), encoding=st.sampled_from(["TCVN3", "VNI"]))
# Both encodings score a tie on "OÏ an … hoà löu"; only VNI can hold its "à".
@example(text="Ọ an an an an an hồ lưu", encoding="VNI")
def test_random_text_round_trips(text: str, encoding: str) -> None:
    writable = WRITABLE[encoding](text)
    legacy = ENCODERS[encoding](writable)
    assert convert_legacy(legacy, encoding) == writable
    check_detection(legacy, encoding)


@settings(max_examples=300)
@given(text=vietnamese_text(CASES), form=st.sampled_from(["NFC", "NFD"]))
def test_genuine_vietnamese_is_never_detected(text: str, form: str) -> None:
    assert detect_legacy_encoding(unicodedata.normalize(form, text)) is None  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# No false positives
# ---------------------------------------------------------------------------------------

NOT_LEGACY = [
    "",
    "Hello world",
    "The quick brown fox jumps over the lazy dog.",
    "user.name+tag@example.com, info@so-noi-vu.gov.vn",
    "1.500.000 đồng; 12.345.678,50; -2.340.000; 25 °C; 5 × 3 µm; © 2024; § 3",
    "25 °C; 5 × 3 µm; © 2024; § 3; µm, µm; ¶ 4; 1 ¢; £5; ¥100; ® ª º",
    "«Bonjour», dit-il. « Où est la gare ? » Où ? Là-bas.",
    "café, naïve, façade, déjà vu, crème brûlée, Noël, Zoë, maïs, Haïti, cœur, œuvre",
    "Herr Müller trinkt Kaffee in der Straße; für schön, Bäcker, Häuser, über, Grüße",
    "Ærø, Søren Kierkegaard, Bjørn, blåbær, øl, Århus, smørrebrød",
    "niño, señor, mañana, España, año, corazón, acción, ¿Qué? ¡Olé!",
    "São Paulo, não, mãe, põe, coração, informação, irmão, pão",
    "più, perché, città, caffè, così, già",
    "Ñu, Ça va, Çağ, İstanbul, Łódź, Kraków, Dvořák, Škoda",
    "x·y = y·x; l·l; col·lecció; kg·m/s²; ½ + ¼ = ¾; ±5%; 10¹⁵",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    unicodedata.normalize("NFD", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    "Cà phê, tôi là ai, mì Ý, bà và cô, có chè",
    "hoà, khoá, toà, xoá, loà, oà, hoãn, thuý, quý",
    "ViÖt",  # one legacy word is not enough (a documented limit)
    "Coäng",
    "Où? Où? Où?",
    "ñi nhö",  # VNI "đi như" or TCVN3 "ủi nhử": ambiguous, so no answer
]


@pytest.mark.parametrize("text", NOT_LEGACY, ids=[t[:28] or "empty" for t in NOT_LEGACY])
def test_not_legacy(text: str) -> None:
    assert detect_legacy_encoding(text) is None


EUROPEAN_TEXT = """
café naïve façade déjà vu crème brûlée Noël Zoë maïs Haïti cœur œuvre où là à été élève
français garçon très après hôtel forêt île âge même château fenêtre côte goût août sûr
Müller Straße für schön Bäcker Häuser über Grüße Mädchen Frühstück hören Äpfel Öl Übung
Ærø Søren Bjørn blåbær øl Århus smørrebrød København Malmö Göteborg Västerås Tromsø
niño señor mañana España año corazón acción qué olé está también árbol pingüino
São Paulo não mãe põe coração informação irmão pão ação órgão você avô avó
più perché città caffè così già università lunedì
beëindigen ruïne geïnteresseerd Oekraïne België coördinatie reünie
Ça va Çağ İstanbul Łódź Kraków Dvořák Škoda Zürich Genève Besançon Créteil
naïf aïeul Moïse égoïste ouï Citroën Saëns Loïc Anaïs Maëlle Gaël Raphaël Joël
"""
EUROPEAN_WORDS = EUROPEAN_TEXT.split()
PLAIN_WORDS = ["the", "and", "with", "est", "une", "der", "die", "und", "para", "dans", "avec"]


@settings(max_examples=300)
@given(
    accented=st.lists(st.sampled_from(EUROPEAN_WORDS), min_size=1, max_size=15),
    plain=st.lists(st.sampled_from(PLAIN_WORDS), min_size=1, max_size=5),
    order=st.randoms(use_true_random=False),
)
def test_european_text_is_never_detected(
    accented: list[str], plain: list[str], order: random.Random
) -> None:
    words = accented + plain
    order.shuffle(words)
    assert detect_legacy_encoding(" ".join(words)) is None


def test_a_two_word_false_positive_is_possible() -> None:
    """The documented limit: two foreign words that both read as VNI, and nothing else.
    French "Où" reads as VNI "Ó" and "Loïc" as "Lọc"; one more French word settles it."""
    assert detect_legacy_encoding("Où Loïc") == "VNI"
    assert detect_legacy_encoding("Où est Loïc ?") is None


def test_detection_of_mixed_text_is_refused() -> None:
    legacy = "Céng hßa x· héi chñ nghÜa ViÖt Nam"
    assert detect_legacy_encoding(legacy + " - Việt Nam") is None
    with pytest.raises(LegacyEncodingError, match="U\\+1EC7") as error:
        convert_legacy(legacy + " - Việt Nam", "TCVN3")
    assert error.value.position == len(legacy) + 6


def test_detection_ignores_abbreviations() -> None:
    text = "NghÞ ®Þnh sè 98/2023/N§-CP cña ChÝnh phñ; L\xadu: VT, T§KT"
    assert detect_legacy_encoding(text) == "TCVN3"
    assert convert_legacy(text, "TCVN3") == (
        "Nghị định số 98/2023/NĐ-CP của Chính phủ; Lưu: VT, TĐKT"
    )


def test_all_caps_tcvn3_is_detected_but_comes_out_in_lower_case() -> None:
    """A documented limit: .VnTimeH capitals carry no case in their codes."""
    legacy = "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM"
    assert detect_legacy_encoding(legacy) == "TCVN3"
    assert convert_legacy(legacy, "TCVN3") == "CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM"


# ---------------------------------------------------------------------------------------
# Refusals instead of guesses
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text", "character"),
    [
        ("TCVN3", "Ào", "À"),  # 0xC0: no TCVN3 letter
        ("TCVN3", "ViÍt", "Í"),  # 0xCD
        ("TCVN3", "àn", "à"),  # 0xE0
        ("TCVN3", "ðã", "ð"),  # 0xF0
        ("TCVN3", "ÿ", "ÿ"),  # 0xFF
        ("TCVN3", "nºm", "º"),  # 0xBA
        ("VNI", "ø", "ø"),  # a tone mark with no letter before it
        ("VNI", "iù", "ù"),  # i takes no mark byte: its toned forms are single bytes
        ("VNI", "uâ", "â"),  # u takes no circumflex
        ("VNI", "oê", "ê"),  # o takes no breve
        ("VNI", "yï", "ï"),  # ỵ is the single byte î
        ("VNI", "ôâ", "â"),  # ơ takes no circumflex
        ("VNI", "çaø", "ç"),  # 0xE7: no VNI letter
        ("VNI", "ýn", "ý"),  # 0xFD
        ("VNI", "Straße", "ß"),
    ],
)
def test_unmappable_characters_raise(encoding: str, text: str, character: str) -> None:
    with pytest.raises(LegacyEncodingError) as error:
        convert_legacy(text, encoding)
    assert isinstance(error.value, tdkt_docs.TdktError)
    assert isinstance(error.value, ValueError)
    assert repr(character) in str(error.value)
    assert error.value.position == text.index(character) + 1
    assert error.value.encoding == encoding


@pytest.mark.parametrize("text", ["Việt", "ơn", "Đi", unicodedata.normalize("NFD", "à")])
@pytest.mark.parametrize("encoding", ["TCVN3", "VNI"])
def test_unicode_vietnamese_is_not_converted(encoding: str, text: str) -> None:
    with pytest.raises(LegacyEncodingError, match="Unicode Vietnamese"):
        convert_legacy(text, encoding)


@pytest.mark.parametrize("encoding", ["ABC", "VISCII", "", "utf-8"])
def test_unknown_encodings_are_refused(encoding: str) -> None:
    with pytest.raises(LegacyEncodingError, match=repr(encoding)):
        convert_legacy("x", encoding)


def test_encoding_names_ignore_case() -> None:
    assert convert_legacy("ViÖt", "tcvn3") == convert_legacy("Vieät", "vni") == "Việt"


def test_symbols_and_punctuation_pass_through() -> None:
    text = "“Tr\xadêng” – 25° ± 1; 3/4 … ‘x’"
    assert convert_legacy(text, "TCVN3") == "“Trường” – 25° ± 1; 3/4 … ‘x’"
    assert convert_legacy("“Tröôøng” – 25° ± 1", "VNI") == "“Trường” – 25° ± 1"


def test_vni_mark_case_follows_the_base_letter() -> None:
    assert convert_legacy("Aù AÙ aÙ", "VNI") == "Á Á á"


def test_a_word_cut_at_a_foreign_character_is_not_evidence() -> None:
    # Found by hypothesis: "CHÖÙC" (VNI for "CHỨC") cut at "Ù" read as the TCVN3 "CHỂ".
    text = "an an CHÖÙC an an nhö"
    assert detect_legacy_encoding(text) == "VNI"
    assert convert_legacy(text, "VNI") == "an an CHỨC an an như"
