"""/docs in Chromium: Swagger UI starts from the server's own copy under the map's strict policy, lists
every operation of /openapi.json, and asks no other host for anything."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Browsing, Server


def test_docs_run_offline_under_the_strict_policy(browsing: Browsing, server: Server) -> None:
    page = browsing.page
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.goto(f"{server.origin}/docs")
    page.wait_for_selector("#swagger-ui .opblock", timeout=60_000)
    spec: dict[str, Any] = server.get("/openapi.json")
    operations = [(method, path) for path, item in spec["paths"].items() for method in item]
    assert page.locator("#swagger-ui .opblock").count() == len(operations)
    assert page.locator(".opblock-summary-path[data-path='/api/events']").count() == 1
    browsing.screenshot("docs")
    assert any(url.endswith("/openapi.json") for url in browsing.requests)
    assert browsing.foreign(server.origin) == []
    assert console == []  # a blocked script or style (the policy) would be logged here
    assert browsing.errors == []
