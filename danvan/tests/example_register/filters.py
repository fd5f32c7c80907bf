import django_filters

from .models import Note


class NoteFilter(django_filters.FilterSet):
    subject = django_filters.CharFilter(lookup_expr="icontains", label="Nội dung")

    class Meta:
        model = Note
        fields = ["subject"]
