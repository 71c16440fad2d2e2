"""Wearable webhooks: Terra pushes new daily and sleep data for connected users.

No bearer token here: the caller is Terra, authenticated by the ``terra-signature`` HMAC
over the raw body (:mod:`agents.wearables.connectors.webhooks`). Each delivery is stored
once (its body hash is claimed in ``webhook_events`` in the same transaction as the
records), so Terra's retries answer ``duplicate``. Types we do not map (``auth``,
``healthcheck``, ``activity``…) are acknowledged with 200 so Terra does not retry them.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Literal

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from agents.wearables.connectors.terra_records import HANDLED, TerraPayloadError, parse_event
from agents.wearables.connectors.webhooks import (
    SIGNATURE_HEADER,
    SignatureError,
    delivery_id,
    verify_signature,
)
from api.deps import ContextDep
from api.schemas import ErrorOut
from store.wearables_ingest import EventKey, store_records
from store.wearables_models import USER_ID_LENGTH

log = logging.getLogger(__name__)
router = APIRouter(tags=["wearables"])
NOT_CONFIGURED = (
    "Terra webhook is not configured: set NUTRI_CONNECTORS__TERRA_SIGNING_SECRET "
    "to the signing secret of the Terra dashboard"
)


class WebhookOut(BaseModel):
    """What happened to a delivery."""

    status: Literal["stored", "duplicate", "ignored"] = Field(examples=["stored"])
    type: str | None = Field(default=None, examples=["daily"])
    records: int = Field(default=0, description="Distinct records in the payload")
    inserted: int = 0
    updated: int = Field(default=0, description="Revised daily values or sleep stages")
    reason: str | None = Field(default=None, description="Why a delivery was ignored")


@router.post(
    "/v1/wearables/webhooks/terra",
    response_model=WebhookOut,
    responses=dict.fromkeys((400, 401, 422, 503), {"model": ErrorOut}),
    summary="Terra webhook: signed daily/sleep data, stored once per delivery",
)
async def terra_webhook(request: Request, ctx: ContextDep) -> WebhookOut:
    """Verify the signature, then store the payload's records for its ``reference_id``."""
    settings = ctx.settings.connectors
    if settings.terra_signing_secret is None:
        raise HTTPException(503, NOT_CONFIGURED)
    body = await request.body()
    try:
        verify_signature(
            request.headers.get(SIGNATURE_HEADER),
            body,
            settings.terra_signing_secret.get_secret_value(),
            now=time.time(),
            tolerance_s=settings.webhook_tolerance_s,
        )
    except SignatureError as exc:
        raise HTTPException(401, str(exc)) from None
    try:
        payload = json.loads(body)
        if not isinstance(payload, dict):
            raise ValueError("not an object")
        event = parse_event(payload)
    except TerraPayloadError as exc:
        raise HTTPException(422, str(exc)) from None
    except ValueError:
        raise HTTPException(400, "webhook body is not a JSON object") from None
    if event.type not in HANDLED:
        return WebhookOut(status="ignored", type=event.type, reason="type not stored")
    if event.user_id is None or len(event.user_id) > USER_ID_LENGTH:
        log.warning("Terra %s delivery without a usable reference_id ignored", event.type)
        return WebhookOut(status="ignored", type=event.type, reason="no user.reference_id")
    key = EventKey("terra", delivery_id(body), event.type)
    result = await store_records(ctx.db, event.user_id, event.records, event=key)
    if result.duplicate:
        return WebhookOut(status="duplicate", type=event.type)
    return WebhookOut(
        status="stored",
        type=event.type,
        records=result.records,
        inserted=result.inserted,
        updated=result.updated,
    )
