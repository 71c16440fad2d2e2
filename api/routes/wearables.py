"""Wearable endpoints: upload an export (imported in the background), poll it, read days.

Uploads can be gigabytes (Apple Health zips), so the file is streamed to a temp folder
(:mod:`api.uploads`) and refused with 413 past ``NUTRI_WEARABLES_MAX_UPLOAD_BYTES``
(default 2 GB). The import runs as an asyncio task whose ``wearable_imports`` row carries
status, progress and summary.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from agents.wearables import WearableFormatError
from agents.wearables.daily import resolve_timezone
from api.deps import ContextDep
from api.deps_auth import CurrentUser
from api.schemas import UNAUTHORIZED, UNPROCESSABLE, ErrorOut
from api.uploads import file_part_openapi, receive_file
from store.database import Database
from store.wearables_queries import daily_activity, get_import, user_timezone
from store.wearables_store import create_import, run_import

log = logging.getLogger(__name__)
router = APIRouter(tags=["wearables"], responses=UNAUTHORIZED)
_RUNNING: set[asyncio.Task[None]] = set()  # strong refs so imports are not GC'd mid-run
MAX_DAYS = 366


class WearableUploadSettings(BaseSettings):
    """Upload limits, from ``NUTRI_WEARABLES_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="NUTRI_WEARABLES_", extra="ignore")

    max_upload_bytes: int = Field(default=2_000_000_000, ge=1)
    upload_dir: Path | None = Field(default=None, description="Temp folder (default: system)")


async def get_upload_settings() -> WearableUploadSettings:
    """Read per request, so the limit can change without a restart."""
    return WearableUploadSettings()


async def get_wearable_user(user: CurrentUser) -> str:
    """The signed-in user owns the uploaded data (the CLI stores under ``"local"``)."""
    return str(user.id)


WearableUser = Annotated[str, Depends(get_wearable_user)]
UploadSettings = Annotated[WearableUploadSettings, Depends(get_upload_settings)]


class ImportAccepted(BaseModel):
    """An accepted upload; poll ``status_url`` until the status is final."""

    import_id: uuid.UUID
    status: str = Field(examples=["queued"])
    status_url: str


class ImportOut(BaseModel):
    """An import run: ``queued`` → ``running`` → ``succeeded`` | ``failed``."""

    id: uuid.UUID
    status: str = Field(examples=["succeeded"])
    filename: str = Field(examples=["export.zip"])
    format: str | None = Field(examples=["apple_health"])
    timezone: str = Field(examples=["Europe/Paris"])
    progress: dict[str, Any] = Field(description="phase, records_read, records_inserted")
    summary: dict[str, Any] | None = Field(description="format, sources, days, records, …")
    errors: list[str]
    created_at: datetime
    finished_at: datetime | None


class DayOut(BaseModel):
    """One local day; a figure is null when nothing was recorded."""

    day: date
    steps: float | None = Field(examples=[8412.0])
    distance_m: float | None
    flights: float | None
    active_energy_kcal: float | None
    basal_energy_kcal: float | None
    total_energy_kcal: float | None = Field(description="Only when measured as a total")
    resting_hr_bpm: float | None
    sleep_minutes: float | None = Field(description="Asleep time ending on this day")
    workouts: int
    workout_minutes: float
    workout_energy_kcal: float | None
    basis: dict[str, str] = Field(description="Which source each figure came from")


async def _process(
    db: Database, import_id: uuid.UUID, folder: Path, path: Path, user: str, tz_name: str
) -> None:
    """Run the import; failures are recorded on the import row by ``run_import``."""
    try:
        await run_import(db, import_id, path, user, resolve_timezone(tz_name))
    except WearableFormatError:
        pass
    except Exception:
        log.exception("wearable import %s failed", import_id)
    finally:
        await asyncio.to_thread(shutil.rmtree, folder, True)


@router.post(
    "/v1/wearables/import",
    status_code=202,
    response_model=ImportAccepted,
    responses={**dict.fromkeys((413, 415), {"model": ErrorOut}), **UNPROCESSABLE},
    summary="Upload a wearable export (multipart 'file'); imported in the background",
    openapi_extra=file_part_openapi(
        "Export file or zip: Apple Health, Google Takeout Fit, Fitbit, Samsung Health, "
        "Garmin FIT, TCX or GPX"
    ),
)
async def upload_export(
    request: Request,
    ctx: ContextDep,
    user: WearableUser,
    limits: UploadSettings,
    timezone: Annotated[
        str | None, Query(description="IANA zone of the user's days", examples=["Europe/Paris"])
    ] = None,
) -> ImportAccepted:
    """Save the upload to disk, start the import task, answer 202 with its id."""
    try:
        tz_name = resolve_timezone(timezone).key
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    folder = Path(tempfile.mkdtemp(prefix="wearable-", dir=limits.upload_dir))
    try:
        path = await receive_file(request, folder, limits.max_upload_bytes)
        import_id = await create_import(ctx.db, user, path.name, tz_name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    task = asyncio.create_task(_process(ctx.db, import_id, folder, path, user, tz_name))
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    return ImportAccepted(
        import_id=import_id, status="queued", status_url=f"/v1/wearables/imports/{import_id}"
    )


@router.get(
    "/v1/wearables/imports/{import_id}",
    response_model=ImportOut,
    responses={404: {"model": ErrorOut}},
    summary="Status, progress and summary",
)
async def import_status(import_id: uuid.UUID, ctx: ContextDep, user: WearableUser) -> ImportOut:
    """One of the caller's imports."""
    row = await get_import(ctx.db, import_id, user)
    if row is None:
        raise HTTPException(404, f"no import {import_id}")
    return ImportOut.model_validate(row, from_attributes=True)


@router.get(
    "/v1/activity/daily",
    response_model=list[DayOut],
    responses=UNPROCESSABLE,
    summary="Daily steps, energy, resting HR, sleep (no double counting)",
)
async def activity_daily(
    ctx: ContextDep,
    user: WearableUser,
    first: Annotated[date, Query(alias="from", examples=["2025-12-01"])],
    last: Annotated[date, Query(alias="to", examples=["2025-12-07"])],
    timezone: Annotated[str | None, Query(description="Default: the last import's")] = None,
) -> list[DayOut]:
    """One row per local day from ``from`` to ``to`` inclusive."""
    if last < first or (last - first).days >= MAX_DAYS:
        raise HTTPException(422, f"'to' must be on or after 'from', at most {MAX_DAYS} days")
    try:
        tz = resolve_timezone(timezone or await user_timezone(ctx.db, user))
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    rows = await daily_activity(ctx.db, user, first, last, tz)
    return [DayOut.model_validate(r, from_attributes=True) for r in rows]
