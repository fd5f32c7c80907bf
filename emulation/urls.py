from django.urls import path

from emulation import views

app_name = "emulation"

urlpatterns = [
    path("emulation/movements/", views.MovementList.as_view(), name="movement_list"),
    path("emulation/movements/export.xlsx", views.MovementList.as_view(export=True), name="movement_export"),
    path("emulation/movements/new/", views.MovementEdit.as_view(), name="movement_create"),
    path("emulation/movements/<int:pk>/", views.MovementDetail.as_view(), name="movement_detail"),
    path("emulation/movements/<int:pk>/edit/", views.MovementEdit.as_view(), name="movement_update"),
    path("emulation/movements/<int:pk>/history/", views.MovementHistory.as_view(), name="movement_history"),
    path("emulation/exemplars/", views.ExemplarList.as_view(), name="exemplar_list"),
    path("emulation/exemplars/export.xlsx", views.ExemplarList.as_view(export=True), name="exemplar_export"),
    path("emulation/exemplars/new/", views.ExemplarEdit.as_view(), name="exemplar_create"),
    path("emulation/exemplars/<int:pk>/", views.ExemplarDetail.as_view(), name="exemplar_detail"),
    path("emulation/exemplars/<int:pk>/edit/", views.ExemplarEdit.as_view(), name="exemplar_update"),
    path("emulation/exemplars/<int:pk>/delete/", views.ExemplarDelete.as_view(), name="exemplar_delete"),
    path("emulation/exemplars/<int:pk>/step/", views.ExemplarStep.as_view(), name="exemplar_step"),
    path("emulation/exemplars/<int:pk>/commend/", views.ExemplarCommend.as_view(), name="exemplar_commend"),
    path("emulation/exemplars/<int:pk>/history/", views.ExemplarHistory.as_view(), name="exemplar_history"),
    path("emulation/commendations/", views.CommendationList.as_view(), name="commendation_list"),
    path("emulation/commendations/export.xlsx", views.CommendationList.as_view(export=True),
         name="commendation_export"),
    path("emulation/commendations/new/", views.CommendationEdit.as_view(), name="commendation_create"),
    path("emulation/commendations/<int:pk>/", views.CommendationDetail.as_view(), name="commendation_detail"),
    path("emulation/commendations/<int:pk>/edit/", views.CommendationEdit.as_view(), name="commendation_update"),
    path("emulation/commendations/<int:pk>/history/", views.CommendationHistory.as_view(),
         name="commendation_history"),
]
