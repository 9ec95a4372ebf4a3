"""Property-based tests of the HTTP API against its own OpenAPI document (schemathesis):
whatever a client sends within the document, the real server never answers 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from accord.serve import create_app

from .serve_fixtures import examples_store, serve  # noqa: F401  (the fixture)

# The document is the app's own; the test checks it is the one the running server publishes.
DOCUMENT = create_app("unused.db").openapi()
schema = schemathesis.openapi.from_dict(DOCUMENT)


@pytest.fixture(scope="module")
def base_url(examples_store):  # noqa: F811
    with serve(examples_store) as url:
        yield url


def test_the_server_publishes_the_document(base_url):
    import httpx

    assert httpx.get(f"{base_url}/openapi.json").json() == DOCUMENT


@schema.parametrize()
@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_a_server_error(case, base_url):
    response = case.call(base_url=base_url, timeout=120)
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:  # every error is JSON with a message
        assert response.json()["error"]
