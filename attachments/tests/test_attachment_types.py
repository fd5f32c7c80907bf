"""What a file is comes from its content, never its name; only the listed types are kept."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from attachments.models import Attachment
from attachments.services import attach
from attachments.tests import files

NOT_ACCEPTED = (
    "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), OpenDocument, JPG hoặc PNG; "
    "nội dung tệp này không phải một trong các loại đó."
)


@pytest.mark.parametrize(
    ("name", "make", "extension", "mime_type"),
    [
        pytest.param("Kế hoạch đã ký.pdf", files.pdf, "pdf", "application/pdf", id="pdf"),
        pytest.param("anh-hoi-nghi.png", lambda: files.image("PNG"), "png", "image/png", id="png"),
        pytest.param("anh-hoi-nghi.jpg", lambda: files.image("JPEG"), "jpg", "image/jpeg", id="jpg"),
        pytest.param(
            "bao-cao.docx", files.docx_file, "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", id="docx",
        ),
        pytest.param(
            "so-lieu.xlsx", files.xlsx_file, "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", id="xlsx",
        ),
        pytest.param(
            "bao-cao.odt", lambda: files.odf("application/vnd.oasis.opendocument.text"), "odt",
            "application/vnd.oasis.opendocument.text", id="odt",
        ),
        pytest.param(
            "so-lieu.ods", lambda: files.odf("application/vnd.oasis.opendocument.spreadsheet"), "ods",
            "application/vnd.oasis.opendocument.spreadsheet", id="ods",
        ),
    ],
)
def test_accepted_types_are_recognized_from_their_content(plan, users, stored_files, name, make, extension, mime_type):
    data = make()
    attachment = attach(plan, files.upload(name, data), by=users["focal"])
    attachment.refresh_from_db()
    assert (attachment.extension, attachment.mime_type, attachment.original_name) == (extension, mime_type, name)
    assert attachment.size == len(data)
    assert stored_files() == [attachment.file.name]
    with attachment.file.open("rb") as stored:
        assert stored.read() == data


def test_stored_path_does_not_reveal_the_original_name(plan, users):
    attachment = attach(plan, files.upload("Bí mật nội bộ.pdf", files.pdf()), by=users["focal"])
    assert attachment.file.name.startswith("attachments/")
    assert attachment.file.name.endswith(f"/{attachment.sha256}.pdf")


def test_a_file_named_for_another_type_keeps_its_real_type_and_downloads_under_it(plan, users):
    attachment = attach(plan, files.upload("bao-cao.pdf", files.docx_file()), by=users["focal"])
    assert attachment.extension == "docx"
    assert attachment.original_name == "bao-cao.pdf"
    assert attachment.download_name == "bao-cao.docx"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("ke-hoach.pdf", files.EXE, id="renamed-exe"),
        pytest.param("ke-hoach.pdf", files.TEXT, id="text-renamed-pdf"),
        pytest.param("bao-cao.docx", files.zip_file({"readme.txt": files.TEXT}), id="renamed-zip"),
        pytest.param("bao-cao.docx", files.docm_file(), id="word-with-macros"),
        pytest.param("bao-cao.odt", files.zip_file({"mimetype": b"application/x-unknown"}), id="zip-other-mimetype"),
        pytest.param("bao-cao.docx", b"PK\x03\x04" + b"\0" * 100, id="damaged-zip"),
        pytest.param("bao-cao.docx", files.damaged_entry(files.docx_file()), id="damaged-entry"),
        pytest.param("anh.gif", b"GIF89a" + b"\0" * 32, id="gif"),
    ],
)
def test_other_content_is_refused_whatever_its_name(plan, users, stored_files, name, data):
    with pytest.raises(ValidationError) as refused:
        attach(plan, files.upload(name, data), by=users["focal"])
    assert refused.value.messages == [NOT_ACCEPTED]
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_an_empty_file_is_refused(plan, users, stored_files):
    with pytest.raises(ValidationError) as refused:
        attach(plan, files.upload("trong.pdf", b""), by=users["focal"])
    assert refused.value.messages == ["Tệp rỗng."]
    assert stored_files() == []


@override_settings(MAX_ATTACHMENT_SIZE=1024)
def test_a_file_over_the_size_limit_is_refused(plan, users, stored_files):
    with pytest.raises(ValidationError) as refused:
        attach(plan, files.upload("lon.pdf", b"%PDF-1.4\n" + b"0" * 1024), by=users["focal"])
    assert refused.value.messages == ["Tệp vượt quá giới hạn 1 KB."]
    assert stored_files() == []


def test_the_default_size_limit_is_20_mb(settings):
    assert settings.MAX_ATTACHMENT_SIZE == 20 * 1024 * 1024


@override_settings(MAX_ATTACHMENT_SIZE=20 * 1024 * 1024)
def test_the_size_limit_reads_in_megabytes(plan, users):
    big = files.upload("lon.pdf", b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024))
    with pytest.raises(ValidationError) as refused:
        attach(plan, big, by=users["focal"])
    assert refused.value.messages == ["Tệp vượt quá giới hạn 20 MB."]


def test_an_archive_that_inflates_far_beyond_its_size_is_refused(plan, users, stored_files):
    bomb = files.zip_file({
        "[Content_Types].xml": files.DOCX_CONTENT_TYPES,
        "word/document.xml": b"<w/>" + b" " * (11 * 1024 * 1024),
    })
    with pytest.raises(ValidationError) as refused:
        attach(plan, files.upload("bao-cao.docx", bomb), by=users["focal"])
    assert refused.value.messages == ["Tệp giải nén ra dung lượng vượt quá mức cho phép."]
    assert stored_files() == []


def test_folders_and_control_characters_are_dropped_from_the_name(plan, users):
    attachment = attach(plan, files.upload("C:\\Users\\an\\Báo cáo\r\n quý 1.pdf", files.pdf()), by=users["focal"])
    assert attachment.original_name == "Báo cáo quý 1.pdf"
