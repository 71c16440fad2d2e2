"""Property-based fuzzing of every documented operation against the in-process app.

Schemathesis generates requests from the OpenAPI document (valid and invalid ones), the app
answers over the shared test context, and each answer must be no 5xx, a documented status
code and content type, and a body that matches the documented schema. Examples are bounded
and derandomized so the run is the same every time and fits a CI budget.

Nothing is excluded: the SSE variant of ``POST /v1/chat`` is chosen by an ``Accept`` header
that is not a declared parameter, so only its JSON form is generated; the 2 GB limit of
``POST /v1/wearables/import`` cannot be reached in-process, but small fuzzed uploads are sent.
Rate limiting is off for this app only: its 429 belongs to the middleware (tested in
test_ratelimit.py), not to any operation's contract.
"""

import asyncio
import functools
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from nutriprofile.context import AppContext
from nutriprofile.settings import Settings

pytestmark = [pytest.mark.db, pytest.mark.slow]

SPEC = create_app(Settings(environment="test")).openapi()
SCHEMA = schemathesis.openapi.from_dict(SPEC)
LABELS = [op.ok().label for op in SCHEMA.get_all_operations() if isinstance(op, Ok)]


def no_server_error(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """``not_a_server_error``, except a 503 the operation documents (/ready, unset webhook)."""
    documented = case.operation.definition.raw.get("responses", {})
    if response.status_code == 503 and "503" in documented:
        return None
    return not_a_server_error(ctx, response, case)


CHECKS = [
    no_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
KINDS = ("examples", "positive", "negative")  # the schema's own examples, then generated
PROFILE = {"sex": "female", "birth_date": "1990-05-01", "height_cm": 165, "weight_kg": 60,
           "activity_level": "light", "goal": "maintain"}  # fmt: skip


@functools.cache
def strategy(label: str, kind: str) -> st.SearchStrategy[Case[Any]]:
    operation = SCHEMA.find_operation_by_label(label)
    assert operation is not None, label
    if kind == "examples":
        examples = SCHEMA.get_strategies_from_examples(operation, fill_missing=True)
        if examples:
            return st.one_of(examples)
    mode = GenerationMode.NEGATIVE if kind == "negative" else GenerationMode.POSITIVE
    return operation.as_strategy(mode)


@pytest.fixture(scope="module")
async def fuzz_client(ctx: AppContext, test_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app over the shared test context, as in conftest's ``client``, without rate limits."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NUTRI_RATE__ENABLED", "false")
        app = create_app(test_settings, ctx=ctx)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            yield c


@pytest.fixture(scope="module")
async def bearer(fuzz_client: httpx.AsyncClient) -> dict[str, str]:
    """A signed-in user with a profile and a logged meal, so reads return full bodies."""
    email = f"fuzz-{uuid.uuid4().hex[:12]}@example.com"
    registered = await fuzz_client.post(
        "/v1/auth/register", json={"email": email, "password": "long enough pw"}
    )
    assert registered.status_code == 201, registered.text
    headers = {"Authorization": f"Bearer {registered.json()['access_token']}"}
    profile = await fuzz_client.put("/v1/profile", json=PROFILE, headers=headers)
    assert profile.status_code == 200, profile.text
    meal = await fuzz_client.post("/v1/meals", json={"text": "two eggs and toast"}, headers=headers)
    assert meal.status_code == 201, meal.text
    return headers


async def send(
    client: httpx.AsyncClient, case: Case[Any], headers: dict[str, str]
) -> httpx.Response:
    """Serialize the case exactly as schemathesis would (requests) and send the bytes."""
    kwargs = case.as_transport_kwargs(base_url="http://test", headers=headers)
    prepared = requests.Request(**kwargs).prepare()
    assert prepared.method is not None and prepared.url is not None
    body = prepared.body.encode() if isinstance(prepared.body, str) else prepared.body
    assert body is None or isinstance(body, bytes)
    sent = {name: value.decode("latin-1") if isinstance(value, bytes) else value
            for name, value in prepared.headers.items()}  # fmt: skip
    return await client.request(prepared.method, prepared.url, headers=sent, content=body)


@pytest.mark.parametrize("label", LABELS)
@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: bounded time; the seed replays
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
async def test_operation_honours_its_documented_contract(
    label: str, data: st.DataObject, fuzz_client: httpx.AsyncClient, bearer: dict[str, str]
) -> None:
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    case = data.draw(strategy(label, kind), label="case")
    signed_in = data.draw(st.integers(0, 4), label="token") > 0  # one in five goes anonymous
    response = await asyncio.wait_for(send(fuzz_client, case, bearer if signed_in else {}), 60)
    case.validate_response(response, checks=CHECKS)
