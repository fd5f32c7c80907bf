"""Backup and restore: the database and the stored files in one archive.

The archive is a tar file:

    manifest.json          format, time, database engine, and every stored file with its size and SHA-256
    database.sqlite3       SQLite: a copy made with SQLite's online backup API (consistent while the site runs)
    database.pgdump        PostgreSQL: `pg_dump --format=custom`
    files/<name>           each file of the default storage, read through Django's storage API

`restore` puts the database into an EMPTY database of the same engine (it refuses one that has
any table) and the files back through the storage API, checking each file's SHA-256.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages
from django.db import connections
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


def engine_of(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if "sqlite3" in engine:
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"No backup for the database engine {engine}.")


def stored_files(storage, folder: str = ""):
    """Every file name of `storage`, walking its folders (works on local disk and object storage)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, f"{folder}/{sub}" if folder else sub)


def _sha256(fileobj) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _pg_args(settings_dict: dict) -> tuple[list[str], dict]:
    args = ["--dbname", settings_dict["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [option, str(settings_dict[key])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_database(using: str, folder: Path) -> Path:
    connection = connections[using]
    engine = engine_of(connection.settings_dict)
    if engine == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        return target
    target = folder / "database.pgdump"
    args, env = _pg_args(connection.settings_dict)
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args], env)
    return target


def backup(archive: str | Path, *, using: str = "default", with_files: bool = True, storage=None) -> dict:
    """Write the database of `using` and the default storage's files to `archive`; returns the manifest."""
    storage = storage or storages["default"]
    engine = engine_of(connections[using].settings_dict)
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive, "w") as tar:
        dump = _dump_database(using, Path(tmp))
        tar.add(dump, arcname=dump.name)
        files = []
        for name in stored_files(storage) if with_files else ():
            with storage.open(name, "rb") as fileobj:
                sha256 = _sha256(fileobj)
                fileobj.seek(0)
                info = tarfile.TarInfo(f"files/{name}")
                info.size = storage.size(name)
                info.mtime = int(timezone.now().timestamp())
                tar.addfile(info, fileobj)
            files.append({"name": name, "size": info.size, "sha256": sha256})
        manifest = {
            "format": FORMAT, "created_at": timezone.now().isoformat(), "engine": engine,
            "database": dump.name, "files": files,
        }
        data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mtime = int(timezone.now().timestamp())
        tar.addfile(info, io.BytesIO(data))
    return manifest


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except KeyError as exc:
        raise BackupError("Not a DanVan backup: it has no manifest.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def _sqlite_connect(settings_dict: dict) -> sqlite3.Connection:
    name = str(settings_dict["NAME"])
    return sqlite3.connect(name, uri=name.startswith("file:"))


def database_is_empty(settings_dict: dict) -> bool:
    if engine_of(settings_dict) == "sqlite":
        target = _sqlite_connect(settings_dict)
        try:
            return target.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
        finally:
            target.close()
    import psycopg

    args, env = _pg_args(settings_dict)
    with psycopg.connect(
        dbname=settings_dict["NAME"], host=settings_dict.get("HOST") or None, port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None, password=settings_dict.get("PASSWORD") or None,
    ) as conn:
        count = conn.execute(
            "SELECT count(*) FROM information_schema.tables"
            " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        ).fetchone()[0]
    return count == 0


def restore(archive: str | Path, settings_dict: dict, *, with_files: bool = True, storage=None) -> dict:
    """Restore `archive` into the empty database `settings_dict` describes, and its files into storage."""
    storage = storage or storages["default"]
    engine = engine_of(settings_dict)
    with tarfile.open(archive, "r") as tar:
        manifest = read_manifest(tar)
        if manifest["engine"] != engine:
            raise BackupError(f"The backup holds a {manifest['engine']} database; this site uses {engine}.")
        if not database_is_empty(settings_dict):
            raise BackupError("The database is not empty: restore only into a new, empty database.")
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / manifest["database"]
            with tar.extractfile(manifest["database"]) as source, open(dump, "wb") as target:
                shutil.copyfileobj(source, target, CHUNK)
            if engine == "sqlite":
                source, target = sqlite3.connect(dump), _sqlite_connect(settings_dict)
                try:
                    source.backup(target)
                finally:
                    source.close()
                    target.close()
            else:
                args, env = _pg_args(settings_dict)
                _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                      *args, str(dump)], env)
        for entry in manifest["files"] if with_files else ():
            fileobj = tar.extractfile(f"files/{entry['name']}")
            if _sha256(fileobj) != entry["sha256"]:
                raise BackupError(f"The backup's copy of {entry['name']} is damaged.")
            fileobj.seek(0)
            if storage.exists(entry["name"]):
                storage.delete(entry["name"])
            saved = storage.save(entry["name"], File(fileobj, name=entry["name"]))
            if saved != entry["name"]:
                raise BackupError(f"{entry['name']} was stored as {saved}.")
    return manifest
