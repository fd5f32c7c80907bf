"""The one exception a bad input raises, with a message a Vietnamese user can act on."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED = "unsupported"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    ZIP_BOMB = "zip_bomb"
    NO_TEXT = "no_text"
    OCR_UNAVAILABLE = "ocr_unavailable"
    OCR_FAILED = "ocr_failed"
    OCR_TIMEOUT = "ocr_timeout"
    TOO_MANY_PAGES = "too_many_pages"
    MEMORY_LIMIT = "memory_limit"
    CPU_LIMIT = "cpu_limit"
    TIME_LIMIT = "time_limit"
    READER_CRASHED = "reader_crashed"
    WORKER_LOST = "worker_lost"
    UNKNOWN_ENCODING = "unknown_encoding"
    CONVERSION_TIMEOUT = "conversion_timeout"
    CONVERTER_UNAVAILABLE = "converter_unavailable"


MESSAGES_VI: dict[ErrorCode, str] = {
    ErrorCode.NOT_FOUND: "Không tìm thấy tệp cần nhập.",
    ErrorCode.EMPTY: "Tệp rỗng: không có nội dung để trích xuất kế hoạch.",
    ErrorCode.TOO_LARGE: "Tệp quá lớn (tối đa {limit_mb} MB). Hãy tách tệp hoặc nén lại trước khi nhập.",
    ErrorCode.UNSUPPORTED: (
        "Định dạng tệp không được hỗ trợ. Chỉ nhận tệp .docx, .pdf hoặc .txt, tệp Word cũ .doc và tệp .odt."
    ),
    ErrorCode.CORRUPT: "Tệp bị hỏng hoặc không đúng định dạng {kind}, không đọc được.",
    ErrorCode.ENCRYPTED: "Tệp PDF được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi nhập lại.",
    ErrorCode.ZIP_BOMB: ("Tệp .docx có dung lượng giải nén bất thường (nghi là tệp độc hại), hệ thống từ chối đọc."),
    ErrorCode.NO_TEXT: (
        "Tệp PDF không có lớp văn bản và không có hình ảnh nhận dạng được chữ. Hãy quét lại rõ hơn hoặc dùng tệp .docx."
    ),
    ErrorCode.OCR_UNAVAILABLE: "Máy chủ chưa cài Tesseract (gói tiếng Việt) nên không đọc được bản quét.",
    ErrorCode.OCR_FAILED: "Tesseract không nhận dạng được chữ ở trang {page}: {detail}",
    ErrorCode.OCR_TIMEOUT: "Nhận dạng chữ ở trang {page} quá {limit_s} giây nên đã dừng.",
    ErrorCode.TOO_MANY_PAGES: (
        "Tệp có {pages} trang, vượt giới hạn {limit} trang mỗi lần nhập. Hãy tách tệp và nhập phần kế hoạch."
    ),
    ErrorCode.MEMORY_LIMIT: (
        "Đã dừng đọc tệp vì vượt giới hạn bộ nhớ {limit_mb} MB (tệp có hình vẽ hoặc trang quá phức tạp). "
        "Hãy in lại thành PDF hoặc dùng tệp .docx."
    ),
    ErrorCode.CPU_LIMIT: (
        "Đã dừng đọc tệp vì vượt giới hạn {limit_s} giây xử lý (tệp quá phức tạp). "
        "Hãy in lại thành PDF hoặc dùng tệp .docx."
    ),
    ErrorCode.TIME_LIMIT: "Đã dừng đọc tệp vì vượt giới hạn {limit_s} giây chờ đọc. Hãy tách tệp rồi nhập lại.",
    ErrorCode.READER_CRASHED: "Tiến trình đọc tệp bị dừng bất thường ({detail}). Tệp có thể bị hỏng.",
    ErrorCode.WORKER_LOST: (
        "Tiến trình đọc tệp đã dừng giữa chừng (máy chủ khởi động lại hoặc gặp sự cố) "
        "nên việc nhập không hoàn thành. Hãy nhập lại tệp."
    ),
    ErrorCode.UNKNOWN_ENCODING: (
        "Không nhận ra bảng mã của tệp văn bản (không phải Unicode, TCVN3 hay VNI). "
        "Hãy mở tệp, chuyển sang Unicode (UTF-8) rồi nhập lại."
    ),
    ErrorCode.CONVERSION_TIMEOUT: (
        "Chuyển đổi tệp {kind} quá {seconds} giây nên đã dừng. Hãy mở tệp bằng Word, lưu thành .docx rồi nhập lại."
    ),
    ErrorCode.CONVERTER_UNAVAILABLE: (
        "Máy chủ chưa cài LibreOffice nên không đọc được tệp {kind}. Hãy lưu tệp thành .docx."
    ),
}


class ExtractionError(Exception):
    """Raised for input that cannot give a plan; `message_vi` is shown to the user as is."""

    def __init__(self, code: ErrorCode, message_vi: str | None = None, **params: object) -> None:
        self.code = ErrorCode(code)
        self.message_vi = message_vi or MESSAGES_VI[self.code].format(**params)
        super().__init__(f"{self.code}: {self.message_vi}")
