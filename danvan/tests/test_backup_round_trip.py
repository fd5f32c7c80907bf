"""`danvan backup` then `danvan restore` into an empty database gives every table back identical
(row count and a checksum of its rows) and every stored file; a non-empty database is refused.
SQLite in the normal run; PostgreSQL when DATABASE_URL points at it (restored into a second
database made for the test and dropped after)."""

from __future__ import annotations

import datetime
import hashlib
import io
import sqlite3

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import CommandError, call_command
from django.db import connection

from danvan.backup import BackupError, backup, restore

FILES = {"attachments/2026/11/bien-ban.pdf": b"%PDF-1.7 bien ban", "exports/2026/11/danh-sach.xlsx": b"PK\x03\x04"}


def _plain(value):
    # The same instant reads with the connection's time zone: compare instants, in UTC.
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.astimezone(datetime.UTC)
    return value


def checksums(conn, vendor: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and a SHA-256 of its rows (sorted), from a DB-API connection."""
    cursor = conn.cursor()
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    else:
        cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                       "AND table_type = 'BASE TABLE' ORDER BY table_name")
    tables = [row[0] for row in cursor.fetchall()]
    result = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')
        rows = sorted(repr(tuple(_plain(value) for value in row)) for row in cursor.fetchall())
        result[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return result


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """The demo database as committed, outside any test transaction: what a backup of a running
    site copies (a backup never writes, so nothing needs rolling back)."""
    with django_db_blocker.unblock():
        assert not connection.in_atomic_block
        yield


@pytest.fixture
def media(tmp_path):
    storage = FileSystemStorage(location=tmp_path / "media")
    for name, content in FILES.items():
        storage.save(name, ContentFile(content))
    return storage


def _files(storage) -> dict[str, bytes]:
    from danvan.backup import stored_files

    return {name: storage.open(name).read() for name in stored_files(storage)}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite round trip")
def test_sqlite_round_trip_gives_every_table_and_file_back(committed, tmp_path, media):
    archive = tmp_path / "danvan.tar"
    manifest = backup(archive, storage=media)
    assert sorted(entry["name"] for entry in manifest["files"]) == sorted(FILES)

    target = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "restored.sqlite3")}
    restored_media = FileSystemStorage(location=tmp_path / "restored-media")
    restore(archive, target, storage=restored_media)

    before = checksums(connection, "sqlite")
    assert before["orgs_staffmember"][0] > 100 and before["django_migrations"][0] > 10
    # Read with the type converters Django's own connection uses, so both sides give the same values.
    restored = sqlite3.connect(target["NAME"], detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
    assert checksums(restored, "sqlite") == before
    restored.close()
    assert _files(restored_media) == FILES

    with pytest.raises(BackupError, match="not empty"):
        restore(archive, target, storage=restored_media)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL round trip")
def test_postgresql_round_trip_gives_every_table_and_file_back(committed, tmp_path, media):
    import psycopg

    archive = tmp_path / "danvan.tar"
    backup(archive, storage=media)
    source = connection.settings_dict
    params = {key: source.get(key.upper()) or None for key in ("host", "port", "user", "password")}
    name = f"{source['NAME']}_restore"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        restored_media = FileSystemStorage(location=tmp_path / "restored-media")
        restore(archive, {**source, "NAME": name}, storage=restored_media)
        with psycopg.connect(dbname=name, **params) as restored:
            assert checksums(restored, "postgresql") == checksums(connection, "postgresql")
        assert _files(restored_media) == FILES
        with pytest.raises(BackupError, match="not empty"):
            restore(archive, {**source, "NAME": name}, storage=restored_media)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_commands_write_an_archive_and_refuse_a_database_in_use(committed, tmp_path):
    archive = tmp_path / "site.tar"
    call_command("backup", str(archive), stdout=io.StringIO())
    assert archive.stat().st_size > 0
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))


def test_an_archive_without_a_manifest_is_refused(db, tmp_path):
    # (Also makes pytest-django set up the test database when this module runs alone.)
    import tarfile

    archive = tmp_path / "other.tar"
    with tarfile.open(archive, "w") as tar:
        tar.add(__file__, arcname="notes.txt")
    with pytest.raises(BackupError, match="no manifest"):
        restore(archive, {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "x.sqlite3")})
