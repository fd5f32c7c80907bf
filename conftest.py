"""Fixtures the whole suite shares: the demo province loaded once, users by username."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings

from danvan.demo import load_all

pytest_plugins = ["danvan.tests.browser"]


@pytest.fixture(scope="session")
def fast_passwords():
    # Hashing dominates demo loading; tests do not need slow hashes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, fast_passwords):
    """Every test starts from the demo data (rolled back after each test)."""
    with django_db_blocker.unblock():
        load_all()
        if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
            # Loading queued the refresh of the demo targets' figures (indicators.signals); tests start from
            # an empty queue and compute figures on demand until they refresh them.
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.all().delete()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: what one test's pages remembered (a list known to be
    longer than the count cap, core.paging) never answers another's."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Files stored during tests (attachments, imports) go to a temporary directory, never the repository."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def orgs(db):
    from orgs.models import Organization

    return {org.code: org for org in Organization.objects.all()}


@pytest.fixture
def users(db):
    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture
def client_for(client, users):
    """A test client logged in as the named demo user."""

    def login(username):
        client.force_login(users[username])
        return client

    return login


def pytest_collection_modifyitems(items):
    # Browser tests use a live server, which empties the database after each test:
    # run them last so the demo data stays for everything else.
    # So do tests marked live_db (they commit, on a transactional database).
    items.sort(key=lambda item: any(item.get_closest_marker(name) for name in ("browser", "live_db")))
