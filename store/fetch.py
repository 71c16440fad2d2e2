"""Download the official USDA releases (needs internet; everything else works offline)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import httpx

from store.records import ImportFormatError


@dataclass(frozen=True, slots=True)
class Release:
    """One official file: where USDA publishes it and where it goes under the USDA folder."""

    url: str
    target: str
    unzip: bool = False


RELEASES: tuple[Release, ...] = (
    Release("https://www.ars.usda.gov/ARSUserFiles/80400535/DATA/SR/sr28/dnload/sr28asc.zip",
            "sr28", unzip=True),
    *(
        Release(
            "https://www.ars.usda.gov/ARSUserFiles/80400530/apps/"
            f"2021-2023%20FNDDS%20At%20A%20Glance%20-%20{name.replace(' ', '%20')}.xlsx",
            f"fndds-2021-2023/2021-2023 FNDDS At A Glance - {name}.xlsx",
        )
        for name in ("Foods and Beverages", "FNDDS Nutrient Values", "Portions and Weights",
                     "FNDDS Ingredients")
    ),
    Release("https://fdc.nal.usda.gov/fdc-datasets/FoodData_Central_foundation_food_csv_2023-04-20.zip",
            "fdc-foundation-2023-04-20/FoodData_Central_foundation_food_csv_2023-04-20.zip"),
)  # fmt: skip


def fetch_releases(
    usda_dir: Path, client: httpx.Client | None = None, releases: tuple[Release, ...] = RELEASES
) -> list[Path]:
    """Download every release into ``usda_dir``; a file appears only once complete."""
    own = client is None
    http = client or httpx.Client(timeout=60.0, follow_redirects=True)
    written: list[Path] = []
    try:
        for release in releases:
            written.append(_fetch_one(http, release, usda_dir))
    except httpx.HTTPError as exc:
        raise ImportFormatError(
            f"cannot download USDA data ({exc.__class__.__name__}: {exc}); this command needs "
            "internet access — or pass a local release folder to `nutriprofile data import`"
        ) from exc
    finally:
        if own:
            http.close()
    return written


def _fetch_one(http: httpx.Client, release: Release, usda_dir: Path) -> Path:
    target = usda_dir / release.target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with http.stream("GET", release.url) as response:
        response.raise_for_status()
        with partial.open("wb") as handle:
            for chunk in response.iter_bytes(1 << 20):
                handle.write(chunk)
    if release.unzip:
        target.mkdir(exist_ok=True)
        try:
            with zipfile.ZipFile(partial) as archive:
                for member in archive.infolist():
                    name = Path(member.filename).name
                    if name and not member.is_dir():
                        (target / name).write_bytes(archive.read(member))
        except zipfile.BadZipFile as exc:
            raise ImportFormatError(f"{release.url} is not a valid zip archive") from exc
        finally:
            partial.unlink(missing_ok=True)
        return target
    partial.replace(target)
    return target
