from core.access import holds_anywhere
from core.registry import menu_for


def menu(request):
    """The navigation menu, in groups, with the entries this user may use."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"main_menu": menu_for(user, holds_anywhere)}
