"""{% plan_progress plan %}: the plan's progress and its content areas', rolled up as the plan chose."""

from django import template

from progress import services

register = template.Library()


@register.inclusion_tag("progress/_plan_progress.html")
def plan_progress(plan, areas):
    overall, by_area = services.plan_progress(plan)
    return {
        "plan": plan,
        "overall": overall,
        "areas": [(area, by_area.get(area.pk)) for area in areas],
    }
