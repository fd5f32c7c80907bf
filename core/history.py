# TEMPORARY shim until the history branch lands.
from danvan.history import ObjectHistoryView as _Base


class ObjectHistoryView(_Base):
    model = None

    def get_queryset(self):
        return self.model._default_manager.scoped(self.request.user, "view")
