import pytest
from django.contrib.contenttypes.models import ContentType

from plans.models import Plan


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    """Each test stores files in its own temporary directory."""
    location = tmp_path / "storage"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": location}},
    }
    return location


@pytest.fixture
def stored_files(storage):
    """The files in storage now, relative to it."""

    def files() -> list[str]:
        return sorted(str(p.relative_to(storage)) for p in storage.rglob("*") if p.is_file())

    return files


@pytest.fixture
def plan(orgs) -> Plan:
    """Sở Xây dựng's issued 2024 plan: the agency's readers see it, its focal office changes it."""
    return Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)


@pytest.fixture
def plan_type():
    return ContentType.objects.get_for_model(Plan)
