import json
import uuid
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import text

from agents.wearables import bench_peer
from agents.wearables.bench import (
    WEARABLE_TABLES,
    _run,
    drop_user,
    import_once,
    main,
    make_scaled_export,
)
from agents.wearables.parsers import apple


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


def test_scaled_copies_are_distinct_records(wear, tmp_path):
    path = tmp_path / "export.xml"
    make_scaled_export(wear / "apple" / "export.xml", path, 3)
    one = [s.dedupe_key() for s in apple.parse(wear / "apple" / "export.xml")]
    many = [r.dedupe_key() for r in apple.parse(path)]
    assert len(many) > 2 * len(one)
    assert len(set(many)) / len(many) == pytest.approx(len(set(one)) / len(one))


def _report(capsys, argv):
    main(argv)
    lines = capsys.readouterr().out.splitlines()
    results = [json.loads(line) for line in lines if line.startswith("{")]
    return results, [line for line in lines if not line.startswith("{")]


def test_report_compares_with_peer_on_the_same_file(wear, capsys):
    argv = ["--mb", "2", "--peer-mb", "2", "--modes", "parser,rows,expat"]
    results, table = _report(capsys, [*argv, "--sample", str(wear / "apple" / "export.xml")])
    assert [r["mode"] for r in results] == ["parser", "rows", "expat", "peer"]
    parser, rows, expat = results[:3]
    assert parser["records"] == rows["records"] <= expat["records"]
    assert {r["size_mb"] for r in results} == {2.0}
    assert table[0].split()[:2] == ["stage", "size"]
    assert any(line.startswith("ours: parse + import rows") for line in table)
    assert any(line.startswith("target ours: parse at") for line in table)
    if bench_peer.available():
        peer = results[-1]
        assert peer["mb"] == parser["mb"] and peer["records"] > 0 and peer["peak_rss_mb"] > 0
        header = next(i for i, line in enumerate(table) if "ratio MB/s" in line)
        ratio = table[header + 1].split()
        assert float(ratio[0]) == pytest.approx(parser["mb"], abs=0.05)
        assert ratio[-2].endswith("x") and ratio[-1].endswith("x")
    else:
        assert "pip install apple-health-parser" in results[-1]["error"]


def test_peer_runs_on_a_smaller_file_beside_our_parser(wear, capsys):
    argv = ["--mb", "2", "--peer-mb", "1", "--modes", "expat"]
    results, table = _report(capsys, [*argv, "--sample", str(wear / "apple" / "export.xml")])
    assert [(r["mode"], r["size_mb"]) for r in results][:2] == [("expat", 2.0), ("parser", 1.0)]
    assert results[1]["mb"] < results[0]["mb"]
    if bench_peer.available():
        assert results[2]["mode"] == "peer" and results[2]["mb"] == results[1]["mb"]
        assert any(line.startswith("both parsers compared at 1 MB, not 2 MB") for line in table)
    assert not any(line.startswith("target") and "MB/s" in line for line in table)


@pytest.mark.db
async def test_import_stage_stores_every_record_then_cleans_up(ctx, wear, tmp_path):
    path = tmp_path / "export.xml"
    make_scaled_export(wear / "apple" / "export.xml", path, 2)
    user = f"bench-test-{uuid.uuid4().hex[:8]}"
    try:
        inserted = await import_once(ctx.db, path, user)
        assert inserted == len({r.dedupe_key() for r in apple.parse(path)})
    finally:
        await drop_user(ctx.db, user)
    async with ctx.db.engine.connect() as conn:
        for table in WEARABLE_TABLES:
            query = text(f"SELECT count(*) FROM {table} WHERE user_id = :u")
            assert (await conn.execute(query, {"u": user})).scalar_one() == 0
