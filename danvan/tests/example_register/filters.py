import django_filters

from core.filters import FilterSet

from .models import Note


class NoteFilter(FilterSet):
    subject = django_filters.CharFilter(lookup_expr="icontains", label="Nội dung")

    class Meta:
        model = Note
        fields = ["subject"]
