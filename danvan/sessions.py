"""Django's database sessions (SESSION_ENGINE), each signed-in request's session read with one written query.

Every request of a signed-in user reads its session first: the ORM's `Session.objects.get(...)` spent longer
building its SQL than the database answering it. Everything else (saving, creating, expiring, clearing) is
Django's own.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def load(self) -> dict:
        model = self.model
        connection = connections[router.db_for_read(model)]
        sql = (f"SELECT session_data FROM {connection.ops.quote_name(model._meta.db_table)}"
               " WHERE session_key = %s AND expire_date > %s")
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())])
            row = cursor.fetchone()
        if row is None:  # unknown or expired: a new session gets a new key (as Django's store does)
            self._session_key = None
            return {}
        return self.decode(row[0])
