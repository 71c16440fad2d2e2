import io
import zipfile
from pathlib import Path

import httpx
import pytest

from store.fetch import Release, fetch_releases
from store.records import ImportFormatError


def test_unreachable_usda_gives_a_clear_error_and_no_files(tmp_path: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("name resolution failed", request=request)

    client = httpx.Client(transport=httpx.MockTransport(refuse))
    with pytest.raises(ImportFormatError, match="needs internet access"):
        fetch_releases(tmp_path, client, (Release("https://example.invalid/a.xlsx", "a.xlsx"),))
    assert list(tmp_path.rglob("*.xlsx")) == []


def test_downloads_and_unzips_releases(tmp_path: Path) -> None:
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w") as archive:
        archive.writestr("sr28asc/FOOD_DES.txt", "~01001~^~0100~")
    bodies = {"/sr.zip": payload.getvalue(), "/f.xlsx": b"xlsx-bytes"}
    client = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, content=bodies[r.url.path]))
    )
    written = fetch_releases(
        tmp_path,
        client,
        (
            Release("https://usda.test/sr.zip", "sr28", unzip=True),
            Release("https://usda.test/f.xlsx", "fndds/f.xlsx"),
        ),
    )
    assert written == [tmp_path / "sr28", tmp_path / "fndds" / "f.xlsx"]
    assert (tmp_path / "sr28" / "FOOD_DES.txt").read_text() == "~01001~^~0100~"
    assert (tmp_path / "fndds" / "f.xlsx").read_bytes() == b"xlsx-bytes"


def test_http_error_status_is_reported(tmp_path: Path) -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(404)))
    with pytest.raises(ImportFormatError, match="HTTPStatusError"):
        fetch_releases(tmp_path, client, (Release("https://usda.test/x.xlsx", "x.xlsx"),))
