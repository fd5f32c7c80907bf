from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from api.views import TokenView
from legal.api import LegalDocumentViewSet
from orgs.api import OrganizationViewSet, StaffMemberViewSet
from plans.api import AssignmentViewSet, PlanViewSet, TargetViewSet

router = DefaultRouter()
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("staff", StaffMemberViewSet, basename="staff")
router.register("plans", PlanViewSet, basename="plan")
router.register("targets", TargetViewSet, basename="target")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("legal-documents", LegalDocumentViewSet, basename="legal-document")

urlpatterns = [
    path("token/", TokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
