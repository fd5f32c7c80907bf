"""Every answer carries a Content-Security-Policy without inline script or style (Swagger UI's page
alone allows its inline <style>), a Referrer-Policy and a Permissions-Policy."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_pages_forbid_inline_script_and_style_and_other_origins(client_for):
    response = client_for("focal").get("/staff/")
    policy = directives(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_the_login_page_and_the_api_carry_the_policy_too(client, client_for):
    assert "script-src 'self'" in client.get("/accounts/login/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in client_for("focal").get("/api/staff/").headers["Content-Security-Policy"]


def test_swagger_ui_loads_its_script_from_a_file_and_only_its_page_allows_inline_style(client_for):
    client = client_for("focal")
    response = client.get("/api/docs/")
    page = response.content.decode()
    # Every <script> has a src: no inline script.
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    policy = directives(response)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
