import io
import stat
import time
import zipfile

import pytest

from agents.wearables import WearableFormatError, ZipLimits, collect, detect_format, parse_path
from agents.wearables.safety import check_member_name

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE HealthData [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<HealthData locale="en_US">
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="&lol9;" unit="count"
  startDate="2019-05-14 18:52:09 -0400" endDate="2019-05-14 18:53:09 -0400" value="1"/>
</HealthData>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE HealthData [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<HealthData locale="en_US">
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="&xxe;" unit="count"
  startDate="2019-05-14 18:52:09 -0400" endDate="2019-05-14 18:53:09 -0400" value="1"/>
</HealthData>
"""

EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE TrainingCenterDatabase SYSTEM "http://example.invalid/evil.dtd">
<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>
"""

PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE gpx [ <!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote; ]>
<gpx version="1.1"/>
"""


@pytest.mark.parametrize(
    "name, text, needle",
    [
        ("export.xml", BILLION_LAUGHS, "lol"),
        ("export.xml", XXE, "xxe"),
        ("ride.tcx", EXTERNAL_DTD, "external DTD"),
        ("track.gpx", PARAMETER_ENTITY, "remote"),
    ],
)
def test_hostile_xml_refused_without_expansion(tmp_path, name, text, needle):
    path = tmp_path / name
    path.write_text(text)
    began = time.perf_counter()
    with pytest.raises(WearableFormatError, match=needle) as info:
        collect(path)
    assert time.perf_counter() - began < 1.0
    assert "root:" not in str(info.value)
    assert "\n" not in str(info.value)


def test_inline_entity_use_inside_tcx_also_refused(tmp_path):
    path = tmp_path / "x.tcx"
    path.write_text(XXE.replace("HealthData", "TrainingCenterDatabase"))
    with pytest.raises(WearableFormatError, match="xxe"):
        collect(path)


def _bomb(path, size):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("apple_health_export/export.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)


def test_zip_bomb_ratio_refused_before_reading(tmp_path):
    path = tmp_path / "export.zip"
    _bomb(path, 32 << 20)
    assert path.stat().st_size < 200_000
    with pytest.raises(WearableFormatError, match="zip bomb"):
        parse_path(path)
    with pytest.raises(WearableFormatError, match="zip bomb"):
        detect_format(path)


def test_zip_total_size_limit_is_configurable(tmp_path, wear):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(wear / "gpx" / "cerknicko-jezero.gpx", "track.gpx")
    assert detect_format(path) == "gpx"
    with pytest.raises(WearableFormatError, match="more than 1000 bytes"):
        detect_format(path, ZipLimits(max_total_bytes=1000))
    with pytest.raises(WearableFormatError, match="compresses"):
        detect_format(path, ZipLimits(max_ratio=1.5, ratio_floor_bytes=0))


@pytest.mark.parametrize(
    "member", ["../evil.gpx", "/etc/evil.gpx", "a/../../evil.gpx", "C:\\evil.gpx", "..\\evil.gpx"]
)
def test_path_traversal_member_refused(tmp_path, member):
    path = tmp_path / "x.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("fine.gpx", "<gpx/>")
        zf.writestr(zipfile.ZipInfo(member), "<gpx/>")
    path.write_bytes(buf.getvalue())
    with pytest.raises(WearableFormatError, match="escapes"):
        detect_format(path)
    assert not (tmp_path.parent / "evil.gpx").exists()


def test_symlink_member_refused(tmp_path):
    path = tmp_path / "x.zip"
    info = zipfile.ZipInfo("link.gpx")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(WearableFormatError, match="symbolic link"):
        detect_format(path)


def test_member_name_check_accepts_normal_names():
    check_member_name("Takeout/Fit/All Data/derived_com.google.step_count.delta.json")
    check_member_name("apple_health_export/export.xml")


def test_unknown_and_corrupt_inputs(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    with pytest.raises(WearableFormatError, match="not a recognised export"):
        detect_format(junk)
    broken_zip = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken_zip, "w") as zf:
        zf.writestr("track.gpx", "<gpx/>" * 100)
    data = bytearray(broken_zip.read_bytes())
    data[40:60] = b"\xff" * 20
    broken_zip.write_bytes(bytes(data))
    with pytest.raises(WearableFormatError):
        collect(broken_zip)
    malformed = tmp_path / "export.xml"
    malformed.write_text('<?xml version="1.0"?><HealthData><Record type="x"></HealthData>')
    with pytest.raises(WearableFormatError, match="malformed XML"):
        collect(malformed)
