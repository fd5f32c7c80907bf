from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_tables(sender, using="default", verbosity=0, **kwargs) -> None:
    """`migrate` also creates the database cache tables (the scheduler's claims, the worker's beat)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class DanvanConfig(AppConfig):
    name = "danvan"
    verbose_name = "DanVan"

    def ready(self):
        post_migrate.connect(create_cache_tables, sender=self)
