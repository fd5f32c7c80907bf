from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/manage/", views.MembershipListView.as_view(), name="membership_list"),
    path("accounts/manage/export.xlsx", views.MembershipListView.as_view(export=True), name="membership_export"),
    path("accounts/manage/invite/", views.InviteView.as_view(), name="invite"),
    path("accounts/manage/<int:pk>/", views.AccountDetailView.as_view(), name="account_detail"),
    path("accounts/manage/<int:pk>/roles/", views.GrantRoleView.as_view(), name="grant_role"),
    path("accounts/manage/<int:pk>/staff/", views.LinkStaffView.as_view(), name="link_staff"),
    path("accounts/manage/<int:pk>/active/", views.SetActiveView.as_view(), name="set_active"),
    path("accounts/manage/<int:pk>/password/", views.ResetPasswordView.as_view(), name="reset_password"),
    path("accounts/manage/roles/<int:pk>/remove/", views.RevokeRoleView.as_view(), name="revoke_role"),
    path("accounts/me/", views.MeView.as_view(), name="me"),
    path("accounts/me/password/", views.ChangePasswordView.as_view(), name="change_password"),
    path("accounts/set-password/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
    path("accounts/set-password/done/", views.SetPasswordDoneView.as_view(), name="set_password_done"),
]
