import xml.etree.ElementTree as ET

from agents.wearables.bench import _run, make_scaled_export


def test_scaled_export_is_valid_and_parsed_in_full(wear, tmp_path):
    path = tmp_path / "export.xml"
    count = make_scaled_export(wear / "apple" / "export.xml", path, 3)
    assert path.stat().st_size >= 3 * 2**20
    records = sum(1 for el in ET.parse(path).getroot().iter("Record"))
    assert records == count
    result = _run("expat", path)
    assert result["records"] == count
    parsed = _run("parser", path)
    assert 0 < parsed["records"] <= count
    assert parsed["mb_per_s"] > 0 and parsed["peak_rss_mb"] > 0
