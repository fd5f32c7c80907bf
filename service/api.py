from drf_spectacular.utils import (
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.response import Response

from core.api import ModelSerializer, ScopedReadOnlyViewSet, ScopedViewSet
from service import selectors, services
from service.filters import DossierStatFilter, LetterFilter, SurveyFilter, SurveyResponseFilter
from service.models import DossierStat, Letter, Question, Survey, SurveyResponse


class DossierStatSerializer(ModelSerializer):
    class Meta:
        model = DossierStat
        fields = ["id", "organization", "month", "procedure_field", "received_online", "received_direct",
                  "carried_over", "settled_early", "settled_on_time", "settled_late", "pending_within",
                  "pending_overdue"]
        extra_kwargs = {"procedure_field": {"required": False, "default": ""}}


class DossierStatViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = DossierStat, DossierStatSerializer, DossierStatFilter
    related, ordering = ("organization",), ("-month", "organization__path", "procedure_field")
    save_service, delete_service = services.save_stat, services.delete_stat


class LetterSerializer(ModelSerializer):
    number_symbol = serializers.SerializerMethodField()

    class Meta:
        model = Letter
        fields = ["id", "organization", "kind", "number_symbol", "date", "dossier_code", "applicant", "applicant_id",
                  "procedure", "received_on", "due_at", "reason", "new_due_date", "signer_title", "signer_name",
                  "body"]
        read_only_fields = ["number_symbol"]

    def get_number_symbol(self, letter) -> str:
        return services.number_symbol(letter)


class LetterViewSet(ScopedViewSet):
    """Letters are recorded once (POST) and not changed afterwards."""

    model, serializer_class, filterset_class = Letter, LetterSerializer, LetterFilter
    related, ordering = ("organization",), ("-date", "-id")
    http_method_names = ["get", "post", "head", "options"]
    save_service = services.save_letter


class QuestionSerializer(ModelSerializer):
    class Meta:
        model = Question
        fields = ["id", "factor", "order", "text"]


class SurveySerializer(ModelSerializer):
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = Survey
        fields = ["id", "province", "year", "title", "introduction", "questions"]


class SurveyViewSet(ScopedReadOnlyViewSet):
    model, serializer_class, filterset_class = Survey, SurveySerializer, SurveyFilter
    related, prefetch, ordering = ("province",), ("questions",), ("-year", "id")


class SurveyResponseSerializer(ModelSerializer):
    answers = serializers.SerializerMethodField()

    class Meta:
        model = SurveyResponse
        fields = ["id", "survey", "service_point", "organization", "submitted_on", "average", "answers", "comment"]

    def get_answers(self, response) -> dict:
        return {str(answer.question_id): answer.value for answer in response.answers.all()}


@extend_schema_serializer(many=False)
class SurveyResponsePageSerializer(serializers.Serializer):
    """What the organization's leaders and the coordinator read: the responses, a page at a time."""

    count = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)
    results = SurveyResponseSerializer(many=True)


class SurveyRateSerializer(serializers.Serializer):
    group = serializers.ChoiceField(choices=["overall", "organization", "service_point", "factor"])
    name = serializers.CharField()
    respondents = serializers.IntegerField()
    satisfied = serializers.IntegerField()
    rate = serializers.FloatField(allow_null=True)


@extend_schema_serializer(many=False)
class SurveyAggregatesSerializer(serializers.Serializer):
    """What every other role reads: the rates, each with its respondents."""

    aggregates = SurveyRateSerializer(many=True)


@extend_schema_view(list=extend_schema(responses=PolymorphicProxySerializer(
    component_name="SurveyResponsesOrAggregates", resource_type_field_name=None, many=False,
    serializers=[SurveyResponsePageSerializer, SurveyAggregatesSerializer])))
class SurveyResponseViewSet(ScopedReadOnlyViewSet):
    """The responses with their free text for the organization's leaders and the coordinator; for everyone
    else, the aggregates (rates with their respondents) of the responses they may see."""

    model, serializer_class, filterset_class = SurveyResponse, SurveyResponseSerializer, SurveyResponseFilter
    related, prefetch, ordering = ("organization",), ("answers",), ("-submitted_on", "-id")

    def list(self, request, *args, **kwargs):
        responses = self.filter_queryset(self.get_queryset())
        if not self._reads_details():
            result = selectors.results(responses)
            return Response({"aggregates": [
                {"group": group, "name": rate.label, "respondents": rate.respondents, "satisfied": rate.satisfied,
                 "rate": rate.rate}
                for group, rates in (("overall", [result.overall]), ("organization", result.organizations),
                                     ("service_point", result.points), ("factor", result.factors))
                for rate in rates]})
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular reading the schema: no user
            return queryset
        if self.action == "retrieve" and not self._reads_details():
            return queryset.none()
        return queryset

    def _reads_details(self) -> bool:
        from orgs.scoping import memberships

        user = self.request.user
        return user.is_superuser or any(m.role in ("leader", "coordinator") for m in memberships(user))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if isinstance(data, dict) and "results" in data:
            self._hide_comments(data["results"])
        elif isinstance(data, dict) and "comment" in data:
            self._hide_comments([data])
        return response

    def _hide_comments(self, rows) -> None:
        from orgs.models import Organization

        ids = {row["organization"] for row in rows}
        allowed = {org.pk for org in Organization.objects.filter(pk__in=ids)
                   if services.reads_comments(self.request.user, org)}
        for row in rows:
            if row["organization"] not in allowed:
                row["comment"] = None
