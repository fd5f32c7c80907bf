from orgs.scoping import memberships as cached_memberships


def memberships(request):
    """The current user's roles, for the navigation bar (read once per request with the scope)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"my_memberships": cached_memberships(user)}
