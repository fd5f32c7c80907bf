def memberships(request):
    """The current user's roles, for the navigation bar."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"my_memberships": list(user.memberships.select_related("organization"))}
