"""Rows of the permission walk for the project's own URLs: the health check is open to all."""

from danvan.tests.permission_table import Rule, everyone

RULES = {"healthz": Rule(get=everyone(200))}
