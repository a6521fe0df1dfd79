"""Property: no request to a read endpoint, however odd its parameters, makes the API fail with a
5xx. The requests are drawn from the API's own OpenAPI schema (every GET path and each parameter
by its declared type, mixed with arbitrary text), so a new endpoint or parameter is fuzzed
without touching this file."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from peacewatch.api.app import create_app
from test_api import build_store

EXAMPLES_PER_ENDPOINT = 30
ODD_TEXT = st.text(max_size=40)
DAYS = st.dates().map(str)
READ_ENDPOINTS = ["/api/articles", "/api/articles/{article_id}", "/api/events", "/api/places", "/api/quotes",
                  "/api/disputes", "/api/search", "/api/agreements", "/api/agreements/{agreement_id}",
                  "/api/agreements/{agreement_id}/provisions", "/api/agreements/{agreement_id}/provisions/{number}",
                  "/api/deadlines", "/api/report", "/api/control"]


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    return TestClient(create_app(build_store(tmp_path_factory.mktemp("fuzz"))), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def schema(client) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def value_strategy(spec: dict[str, Any], schema: dict[str, Any]) -> st.SearchStrategy:
    """Values of the declared type and format, and arbitrary text that a client might send instead."""
    if "$ref" in spec:
        spec = schema["components"]["schemas"][spec["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in spec:
        return st.one_of(*(value_strategy(s, schema) for s in spec["anyOf"] if s.get("type") != "null"))
    if "enum" in spec:
        return st.one_of(st.sampled_from(spec["enum"]), ODD_TEXT)
    kind = spec.get("type")
    if kind == "integer":
        return st.one_of(st.integers(-10, 2000), st.integers(), ODD_TEXT)
    if kind == "number":
        return st.one_of(st.floats(allow_nan=True), ODD_TEXT)
    if spec.get("format") == "date":
        return st.one_of(DAYS, ODD_TEXT)
    return st.one_of(ODD_TEXT, st.sampled_from(["Bentiu", "SS", "Sudan", "unity-truce", "1", "2a", "P30D",
                                                 "20,0,40,20", "juba-exchange", "prisoners"]))


def request_strategy(path: str, operation: dict[str, Any], schema: dict[str, Any]) -> st.SearchStrategy:
    parameters = operation.get("parameters", [])
    draws = {p["name"]: value_strategy(p["schema"], schema) for p in parameters}
    optional = {p["name"] for p in parameters if not p.get("required") and p["in"] == "query"}
    located = {p["name"]: p["in"] for p in parameters}

    def build(values: dict[str, Any], keep: set[str]) -> tuple[str, dict[str, Any]]:
        url = path
        query = {}
        for name, value in values.items():
            if located[name] == "path":
                url = url.replace("{" + name + "}", quote(str(value), safe=""))
            elif name in keep or name not in optional:
                query[name] = value
        return url, query

    return st.builds(build, st.fixed_dictionaries(draws), st.sets(st.sampled_from(sorted(optional)))
                     if optional else st.just(set()))


@pytest.mark.parametrize("path", READ_ENDPOINTS)
def test_no_request_to_a_read_endpoint_fails_on_the_server(client, schema, path):
    operation = schema["paths"][path]["get"]

    @hypothesis_settings(max_examples=EXAMPLES_PER_ENDPOINT, deadline=None, database=None,
                         suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(request_strategy(path, operation, schema))
    def no_server_error(request):
        url, query = request
        response = client.get(url, params=query)
        assert response.status_code < 500, (url, query, response.text[:300])

    no_server_error()


def test_every_get_endpoint_of_the_schema_is_fuzzed(schema):
    assert {p for p, ops in schema["paths"].items() if "get" in ops} == set(READ_ENDPOINTS)
