from django.apps import AppConfig

from core.registry import MenuEntry


class ExampleRegisterConfig(AppConfig):
    """A register built on the house kit, installed only under the tests: the shape later registers copy."""

    name = "danvan.tests.example_register"
    label = "example_register"
    verbose_name = "Sổ mẫu"
    urls = "danvan.tests.example_register.urls"
    menu = [MenuEntry("registers", "Sổ mẫu", "example_register:note_list")]
    api_routes = [("example-notes", "danvan.tests.example_register.api.NoteViewSet", "example-note")]
