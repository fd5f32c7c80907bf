"""Regular forms of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP and Party practice).

Everything here describes the general shape of documents; nothing names a particular plan.
"""

from __future__ import annotations

import datetime as dt
import re

# --- Document numbers --------------------------------------------------------------------------
# A symbol segment: "KH", "UBND", "QĐi", "TTg", "QH15"; it must end at a word boundary so that the
# capital letter of an ordinary word ("Sở") is never read as a symbol.
_SEG = r"[A-ZĐ][A-Za-zĐ0-9]*"
# State "859/KH-UBND", "59/2023/NĐ-CP", "10/2022/QH15", công văn "575/UBND-NC"; Party "23-QĐ/TW",
# "04-CTr/BĐVTU-BCSĐUBNDTP". Spaces are allowed only around the first slash ("878 /KH-SVHTT").
DOC_NUMBER = re.compile(rf"(?<![\w/.-])\d{{1,5}}(?:\s*/\s*(?:19|20)\d\d)?(?:\s*/\s*|-){_SEG}(?:[/-]{_SEG})*(?!\w)")

# Kinds of documents as cited in running text, longest first so "Chương trình hành động" wins.
KINDS: tuple[str, ...] = (
    "Chương trình hành động",
    "Nghị quyết liên tịch",
    "Thông tư liên tịch",
    "Hiến pháp",
    "Bộ luật",
    "Pháp lệnh",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Quy định",
    "Quy chế",
    "Chỉ thị",
    "Thông tư",
    "Thông tri",
    "Kết luận",
    "Kế hoạch",
    "Chương trình",
    "Công văn",
    "Công điện",
    "Văn bản",
    "Hướng dẫn",
    "Thông báo",
    "Báo cáo",
    "Đề án",
    "Phương án",
    "Tờ trình",
    "Điều lệ",
    "Luật",
)
KIND_WORD = re.compile(r"\b(" + "|".join(re.escape(k) for k in KINDS) + r")\b")
KIND_WORD_ANY_CASE = re.compile(KIND_WORD.pattern, re.IGNORECASE)
# "Văn bản số 12/UBND-VX" is a công văn.
KIND_ALIASES = {"Văn bản": "Công văn"}

# The type segment of a symbol and the kind it stands for (RULES.md; Party codes included).
TYPE_CODES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "QyĐ": "Quy định",
    "QC": "Quy chế",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "KL": "Kết luận",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "CTrHĐ": "Chương trình hành động",
    "CV": "Công văn",
    "CĐ": "Công điện",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "PA": "Phương án",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
}
_TYPE_SEGMENT = re.compile(rf"^(\d{{1,5}}(?:\s*/\s*(?:19|20)\d\d)?(?:\s*/\s*|-))({_SEG})")


def undouble_type_code(text: str) -> str:
    """OCR repeats a letter of a symbol's type code now and then ("23-QĐĐ/TW"): a type segment
    that is no code but becomes one with its repeated letters taken once is read as that code."""

    def repair(match: re.Match) -> str:
        number = match.group(0)
        head = _TYPE_SEGMENT.match(number)
        if not head or head.group(2) in TYPE_CODES:
            return number
        single = re.sub(r"(.)\1+", r"\1", head.group(2))
        if single not in TYPE_CODES:
            return number
        return head.group(1) + single + number[head.end():]

    return DOC_NUMBER.sub(repair, text)


# Party documents ("06-TT/TU") use TT for a thông tri, state documents for a thông tư.
PARTY_TYPE_CODES = {"TT": "Thông tri"}
# The heading line that names the document type ("KẾ HOẠCH") and its code.
TYPE_HEADINGS: dict[str, str] = {
    "KẾ HOẠCH": "KH",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "NGHỊ QUYẾT": "NQ",
    "CHƯƠNG TRÌNH": "CTr",
    "HƯỚNG DẪN": "HD",
    "THÔNG BÁO": "TB",
    "BÁO CÁO": "BC",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "TỜ TRÌNH": "TTr",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
}
# "Số: 22/KH-SGTVT", "Số:    /KH-SXD", "Số 141-KH/BDVTU", "Số: 59/2023/NĐ-CP".
HEADER_NUMBER = re.compile(
    rf"\bSố\s*:?\s*(?P<n>\d{{1,5}})?\s*(?P<year>/\s*(?:19|20)\d\d\s*)?(?P<sep>[/-])\s*"
    rf"(?P<symbol>{_SEG}(?:[/-]{_SEG})*)(?!\w)"
)
# "Tây Ninh, ngày 03 tháng 4 năm 2024" with any part left blank for the signature date.
PLACE_DATE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][^,;:\d]{1,60}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?"
    r"\s*năm\s*(?P<y>\d{4})?"
)
NATIONAL_HEADER = re.compile(r"(?i)cộng\s+hòa\s+xã\s+hội|cộng\s+hoà\s+xã\s+hội|độc\s+lập\s*-|đảng\s+cộng\s+sản")

# --- Dates -------------------------------------------------------------------------------------
DATE_LONG = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
DATE_NUMERIC = re.compile(r"(?<![\d/.,])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)(?![\d/])")
DATE_NO_YEAR = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?![\d/]|\.\d)")
# A date written right after a cited number: "số 23-QĐ/TW, ngày 30/7/2021", "(... ngày 10/11/2022)".
DATE_AFTER_NUMBER = re.compile(
    r"^\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày\s*)?"
    r"(\d{1,2})\s*(?:/|-|\.|tháng)\s*(\d{1,2})\s*(?:/|-|\.|năm)\s*((?:19|20)\d\d)"
)

# --- Deadlines ---------------------------------------------------------------------------------
_DAY_FORMS = r"(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|(?:ngày\s*)?\d{1,2}/\d{1,2}(?:/\d{4})?)"
# "trước ngày 15/11/2024", "chậm nhất ngày 01/11", "hoàn thành trước 30/6".
DEADLINE_CUE = re.compile(
    r"(?i)\b(?:trước|chậm nhất(?:\s+là)?(?:\s+vào)?|muộn nhất(?:\s+là)?|không quá|không muộn hơn|"
    r"hạn chót|hạn cuối|thời hạn|hoàn thành(?:\s+trước)?|xong trước|đến hết|kết thúc trước)"
    rf"\s*:?\s*(?P<date>{_DAY_FORMS})"
)
# Periodic reports with their due day: "báo cáo 06 tháng 10/5", "báo cáo quý: ngày 15/3".
REPORT_DUE = re.compile(
    r"(?i)\bbáo cáo\s+(?:\d{1,2}\s+tháng|quý(?:\s+[IV]+)?|năm|tháng|định kỳ)\s*[:,]?\s*(?:gửi\s+)?"
    rf"(?P<date>{_DAY_FORMS})"
)

# --- Structure ---------------------------------------------------------------------------------
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
# "I. MỤC ĐÍCH", also "I- " and "I/ "; never "XI)" (a wrapped "(khóa XI)").
ROMAN_HEADING = re.compile(r"^(?P<label>[IVX]{1,4})\s*[.:/-]\s*(?P<title>[^\s\d].*)$")
# The label's separator may be lost ("1.Thực hiện": a tab of no width in an exported PDF, a typo);
# a capital right after the mark still says a list item starts.
DIGIT_MARKER = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})*)\s*(?:[.)]|/(?=\s))(?:\s+|(?=[A-ZĐÀ-Ỹ]))")
LETTER_MARKER = re.compile(r"^(?P<label>[a-zđ])\s*[.)]\s+")
DASH_MARKER = re.compile(r"^[-–—+•∙·▪◦*]\s*")
BASIS_START = re.compile(r"^(?:Tiếp tục\s+)?(?:Căn cứ|Thực hiện|Triển khai(?: thực hiện)?|Thực hiện theo|Theo)\b")
CLOSING = re.compile(r"^(?:Trên đây là|Trên đây)\b")
RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*:?", re.IGNORECASE)
FILED_COPY = re.compile(r"^Lưu\s*:?", re.IGNORECASE)
AUTHORITY = re.compile(r"\b(?P<prefix>KT|TM|TL|TUQ|Q|PT)\s*\.\s*(?P<rest>\S.*)")

# --- Targets -----------------------------------------------------------------------------------
TARGET_SECTION = re.compile(r"(?i)chỉ\s+tiêu")
PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
# A figure to reach: the cue must stand before the percentage in the same sentence.
REACH_CUE = re.compile(
    r"(?i)\b(?:đạt|phấn đấu|tối thiểu|ít nhất|trên|không dưới|không thấp hơn|không ít hơn|bảo đảm|"
    r"đảm bảo|duy trì|nâng|tăng|giảm)\b"
)
COUNT_TARGET = re.compile(
    r"(?i)\b(?:ít nhất|tối thiểu|không dưới|không ít hơn|đạt|trên)\s+(?P<value>\d{1,4})\s+"
    r"(?P<unit>lần|buổi|cuộc|hội nghị|lớp|đợt|mô hình|điểm|lượt|người|hồ sơ|tin|bài|chuyên đề)\b"
)

# --- Assignments -------------------------------------------------------------------------------
_UNIT_NOUNS = (
    r"phòng|đơn vị|cơ quan|tổ chức|ban|sở|ngành|địa phương|đoàn thể|bộ phận|trường|trung tâm|chi cục|"
    r"cán bộ|công chức|viên chức|thành viên|tổ|đội|hội|xã|phường|huyện|cấp|chi bộ|đồng chí|thủ trưởng|"
    r"lãnh đạo|người đứng đầu|Phòng|Sở|Ban|Trung tâm|Chi cục|Đội|Tổ|Hội|UBND|Ủy ban|Phó|Thủ trưởng|Lãnh đạo"
)
UNIT_START = re.compile(
    rf"^(?:(?:Các|Tất cả(?: các)?|Toàn thể|Mỗi|Từng)\s+(?:{_UNIT_NOUNS})\b"
    r"|(?:Văn phòng|Phòng|Thanh tra|Tổ(?!\s+chức\s+[a-zđ])|Ban|Lãnh đạo|Công đoàn|Đoàn|Chi bộ|Chi đoàn|"
    r"Đảng ủy|Đảng uỷ|Đảng bộ|Cấp ủy|Hội|Trung tâm|Chi cục|Cục|Sở|UBND|Ủy ban|Uỷ ban|Bộ phận|Hội đồng|"
    r"Trường|Bệnh viện|Viện|Đội|Kho bạc|Thủ trưởng|Người đứng đầu|Giám đốc|Phó Giám đốc|Chánh|Trưởng|"
    r"Bảo tàng|Thư viện|Nhà hát|Nhà văn hóa|Đài|Báo|Cơ quan|Đơn vị|Cán bộ|Công chức|Viên chức|"
    r"Bảo hiểm|Công an|Bộ Chỉ huy|Liên đoàn|Ngân hàng|Hạt|Quỹ|Tòa án|Viện kiểm sát)\b)"
)
# Heads that name a group by its function ("Tổ kiểm tra", "Ban chỉ đạo"): the first verb after
# them is part of the name.
GROUP_HEADS = ("Tổ", "Ban", "Hội đồng", "Đoàn", "Đội", "Bộ phận", "Nhóm")
# The verbs that open what a unit is charged with; lower case, so names ("Phòng Tổ chức") pass.
CHARGE_VERB = re.compile(
    r"(?<=\s)(?:chủ trì|phối hợp|chỉ đạo|căn cứ|tham mưu|theo dõi|thực hiện|triển khai|xây dựng|"
    r"hướng dẫn|đôn đốc|tổ chức|kiểm tra|báo cáo|tăng cường|tiếp tục|rà soát|nghiên cứu|phụ trách|"
    r"giúp|là đầu mối|làm đầu mối|là cơ quan|quán triệt|tuyên truyền|cung cấp|bố trí|đảm bảo|bảo đảm|"
    r"thường xuyên|định kỳ|nghiêm túc|khẩn trương|tích cực|chủ động|có trách nhiệm|chịu trách nhiệm|"
    r"cử|gửi|lập|đề xuất|vận động|tham gia|giám sát|phổ biến|nắm bắt|cập nhật|cần|phải|được giao|"
    r"trên cơ sở|theo chức năng|lãnh đạo|quan tâm|ban hành|duy trì|phát huy|đẩy mạnh)(?!\w)"
)
# "THỤC" for "THỰC": a scan may lose the horn of a capital.
ASSIGNMENT_SECTION = re.compile(r"(?i)tổ\s+chức\s+th[ựụ]c\s+hiện|phân\s+công|trách\s+nhiệm\s+th[ựụ]c\s+hiện")
CHARGE_PREFIX = re.compile(r"^(?:Giao(?:\s+cho)?|Đề nghị|Yêu cầu|Phân công)\s+")

# Names of issuing bodies as the text names them when it says who makes the plan.
ISSUER_HEAD = re.compile(
    r"(?<!\w)(?:Sở|Ủy ban|Uỷ ban|UBND|Ban|Phòng|Cục|Chi cục|Tổng cục|Bộ|Văn phòng|Thanh tra|Trường|"
    r"Bệnh viện|Trung tâm|Viện|Công an|Bộ Chỉ huy|Đảng ủy|Đảng uỷ|Hội|Kho bạc|Liên đoàn|Đài|Báo|"
    r"Bảo hiểm|Tòa án|Viện kiểm sát|Học viện|Đại học)(?!\w)"
)
ISSUER_VERB = re.compile(
    r"\s(?:xây dựng|ban hành|lập|triển khai|đề ra|thống nhất)\s+(?:kế hoạch|chương trình|phương án|"
    r"Kế hoạch|Chương trình|Phương án)"
)


def iso_date(day: int | str | None, month: int | str | None, year: int | str | None) -> str | None:
    """ISO date, or None when a part is blank or the date does not exist."""
    if not (day and month and year):
        return None
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_day(text: str, default_year: int | None) -> str | None:
    """The first date in `text` ("ngày 07 tháng 3 năm 2023", "07/3/2023", "10/5" with the plan's year)."""
    if m := DATE_LONG.search(text):
        return iso_date(*m.groups())
    if m := re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\s*năm)", text):
        return iso_date(m.group(1), m.group(2), default_year)
    if m := DATE_NUMERIC.search(text):
        return iso_date(m.group(1), m.group(3), m.group(4))
    if m := DATE_NO_YEAR.search(text):
        return iso_date(m.group(1), m.group(2), default_year)
    return None


def fold(text: str) -> str:
    """Whitespace folded to single spaces."""
    return " ".join(text.split())
