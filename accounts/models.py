"""Accounts are Django's users; their changes are recorded like every other record's."""

from django.contrib.auth import get_user_model
from simple_history import register

from core.history import HistoricalRecords

# Who invited, renamed, deactivated whom, and when (password hashes are left out of history).
register(get_user_model(), app="accounts", records_class=HistoricalRecords, excluded_fields=["password", "last_login"])
