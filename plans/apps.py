from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plans")
    urls = "plans.urls"
    menu = [
        MenuEntry("plans", _("Plans"), "plans:plan_list", order=10, icon="journal-text"),
        MenuEntry("plans", _("My assignments"), "plans:my_assignments", order=20, icon="list-check"),
        MenuEntry("plans", _("Plan coverage"), "plans:coverage", order=30, icon="grid-3x3"),
    ]
    api_routes = [
        ("plans", "plans.api.PlanViewSet", "plan"),
        ("targets", "plans.api.TargetViewSet", "target"),
        ("assignments", "plans.api.AssignmentViewSet", "assignment"),
    ]

    def ready(self):
        from core import registry
        from plans import selectors, services

        registry.deadlines.register("plans.assignments", selectors.assignment_deadlines)
        registry.merge_handlers.register("plans.assignments", services.pass_assignments_to_successor)
        registry.inbox.register("plans.to_approve", selectors.plans_to_approve)
        registry.inbox.register("plans.returned", selectors.plans_returned_to_me)
        registry.inbox.register("plans.to_issue", selectors.plans_to_issue)
        registry.inbox.register("plans.assignments_due", selectors.assignments_due)
        registry.inbox.register("plans.agencies_without_plan", selectors.agencies_without_plan)
