"""Throughput/memory benchmark of the Apple Health import on a synthetic export of N MB.

The export is grown from a real sample by repeating its ``Record`` elements with the
years shifted (each copy by a different number of years, so no record repeats and the
import inserts every one). Each stage runs in a fresh subprocess so that its peak RSS is
its own: ``parser`` (our streaming parser), ``rows`` (plus the import's per-record Python
work: summary, dedupe key, binary COPY encoding), ``import`` (the real ``run_import`` into
the test database; its parser process's CPU and memory are counted, PostgreSQL's memory
is not, its backend CPU is reported apart), ``expat``/``lxml`` (raw scans that build
nothing: ceilings) and ``peer`` (apple-health-parser on the same file, at ``--peer-mb``
because it holds the whole tree in memory). Run: ``python -m agents.wearables.bench``.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.parsers import expat

from agents.wearables import bench_peer
from agents.wearables.bench_peer import Result, format_report

if TYPE_CHECKING:
    from store.database import Database

_YEAR = re.compile(rb'"(\d{4})-')
_MAX_SHIFT = 7900  # the sample's latest year (2030) plus this stays a valid year
ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NUTRI_SHARED_DIR", ROOT.parent / "shared"))
DEFAULT_SAMPLE = SHARED / "wearables" / "apple" / "export.xml"
MODES = ("parser", "rows", "import", "expat", "lxml", "peer")
WEARABLE_TABLES = (
    "wearable_samples",
    "wearable_sleep",
    "wearable_workouts",
    "wearable_daily",
    "wearable_imports",
)


def _year_shifter(years: int) -> Callable[[re.Match[bytes]], bytes]:
    """Regex replacement that moves a ``"YYYY-`` date prefix ``years`` later."""
    return lambda m: b'"%d-' % (int(m.group(1)) + years)


def make_scaled_export(sample: Path, out: Path, target_mb: float) -> int:
    """Write an export of about ``target_mb`` MB to ``out``; return the Record count."""
    data = sample.read_bytes()
    head_end, tail_start = data.index(b"<Record "), data.rindex(b"</HealthData>")
    body, per_copy = data[head_end:tail_start], data.count(b"<Record ", head_end, tail_start)
    target, written, copies = int(target_mb * 2**20), 0, 0
    with out.open("wb") as fh:
        fh.write(data[:head_end])
        while written < target:
            fh.write(_YEAR.sub(_year_shifter(copies % _MAX_SHIFT), body))
            written += len(body)
            copies += 1
        fh.write(data[tail_start:])
    return copies * per_copy


def _count_rows(path: Path) -> int:
    """Parse and do the import's per-record Python work (rows, COPY encoding), no database."""
    from agents.wearables.parsers import apple
    from store.wearables_rows import ImportSummary, RowChunker

    records, summary = apple.parse(path), ImportSummary("apple_health", UTC)
    chunker = RowChunker(summary, "bench", str(uuid.uuid4()))
    while chunker.next(records):
        pass
    return summary.read()


def _count_expat(path: Path) -> int:
    parser = expat.ParserCreate()
    parser.ordered_attributes = True
    hits: list[int] = []
    parser.StartElementHandler = lambda name, _: hits.append(1) if name == "Record" else None
    count = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            parser.Parse(chunk, False)
            count, hits[:] = count + len(hits), []
    parser.Parse(b"", True)
    return count


def _count_lxml(path: Path) -> int:
    from lxml import etree

    count = 0
    for _, element in etree.iterparse(
        str(path), tag="Record", resolve_entities=False, no_network=True, huge_tree=False
    ):
        count += 1
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]
    return count


def _count_parser(path: Path) -> int:
    from agents.wearables.parsers import apple

    return sum(1 for _ in apple.parse(path))


async def import_once(db: Database, path: Path, user: str) -> int:
    """Import ``path`` for ``user`` through the real store; return the rows inserted."""
    from store.wearables_store import create_import, run_import

    import_id = await create_import(db, user, path.name, "UTC")
    return (await run_import(db, import_id, path, user, UTC)).inserted


async def drop_user(db: Database, user: str) -> None:
    """Delete everything a benchmark user imported."""
    from sqlalchemy import text

    async with db.engine.begin() as conn:
        for table in WEARABLE_TABLES:
            await conn.execute(text(f"DELETE FROM {table} WHERE user_id = :u"), {"u": user})


async def _measure_import(path: Path) -> dict[str, float]:
    """Time one import into the test database (connecting and clean-up not timed)."""
    from nutriprofile.settings import DatabaseSettings, Settings
    from store.database import open_database

    settings = Settings(
        environment="test",
        data_dir=ROOT / ".data" / "test",
        db=DatabaseSettings(name="nutriprofile_test", pool_size=2),
    )
    db = await open_database(settings)
    user = f"bench-{uuid.uuid4().hex[:12]}"
    backends = _BackendClock(db)
    try:
        await drop_user(db, user)  # opens a pooled connection before the clocks start
        server, wall, cpu = backends.seconds(), time.perf_counter(), _cpu_seconds()
        own = time.process_time()
        count = await import_once(db, path, user)
        stats = _stats(path, count, wall, cpu)
        stats["parent_cpu_seconds"] = time.process_time() - own  # the rest: its parser process
        server = backends.seconds() - server
        if server >= 0:  # the server's own CPU: the other half of the pipeline
            stats |= {"server_cpu_seconds": server, "server_cpu_mb_per_s": stats["mb"] / server}
        return stats
    finally:
        await drop_user(db, user)
        await db.close()


class _BackendClock:
    """CPU seconds used by this engine's server backends (local server only, via /proc)."""

    def __init__(self, db: Database) -> None:
        from sqlalchemy import event

        self.pids: list[int] = []
        event.listen(db.engine.sync_engine, "connect", self._connected)

    def _connected(self, dbapi_connection: Any, _: object) -> None:
        self.pids.append(dbapi_connection.driver_connection.get_server_pid())

    def seconds(self) -> float:
        """Total user + system CPU of the backends so far; -1 when /proc cannot tell."""
        total = 0
        for pid in self.pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return -1.0
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its waited-for children (the import's parser)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _stats(path: Path, count: int, wall: float, cpu: float) -> dict[str, float]:
    """Throughput figures; CPU and peak RSS include any child process (the import's parser).

    The RSS is this process's peak plus its largest child's: both run at once.
    """
    mb = path.stat().st_size / 2**20
    seconds, cpu_seconds = time.perf_counter() - wall, _cpu_seconds() - cpu
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "mb": mb,
        "records": count,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "mb_per_s": mb / seconds,
        "cpu_mb_per_s": mb / cpu_seconds,
        "peak_rss_mb": own + child,
        "child_peak_rss_mb": child,
    }


_COUNTERS: dict[str, Callable[[Path], int]] = {
    "parser": _count_parser,
    "rows": _count_rows,
    "expat": _count_expat,
    "lxml": _count_lxml,
}


_PRELOAD = {
    "rows": "store.wearables_store",
    "lxml": "lxml.etree",
    "peer": "apple_health_parser.utils.parser",
}


def _run(mode: str, path: Path) -> dict[str, float]:
    """Measure one stage on ``path`` in this process (module imports are not timed)."""
    if mode in _PRELOAD:
        importlib.import_module(_PRELOAD[mode])
    if mode == "import":
        return asyncio.run(_measure_import(path))
    if mode == "peer":
        with bench_peer.zipped(path) as (archive, work):
            wall, cpu = time.perf_counter(), _cpu_seconds()
            return _stats(path, bench_peer.parse_all(archive, work), wall, cpu)
    wall, cpu = time.perf_counter(), _cpu_seconds()
    return _stats(path, _COUNTERS[mode](path), wall, cpu)


def measure(mode: str, path: Path) -> Result:
    """Run one stage in a subprocess (so peak RSS is its own); errors become results."""
    done = subprocess.run(
        [sys.executable, "-m", "agents.wearables.bench", "--child", mode, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode != 0:
        return {"mode": mode, "error": done.stderr.strip()[-300:]}
    result: Result = {"mode": mode, **json.loads(done.stdout.strip().splitlines()[-1])}
    return result


def _emit(result: Result, size_mb: float) -> Result:
    result["size_mb"] = size_mb
    print(json.dumps(result), flush=True)
    return result


def run_peer(ns: argparse.Namespace, tmp: Path, full: Path, ours: list[Result]) -> list[Result]:
    """Measure the peer and our parser on the same file of ``min(--mb, --peer-mb)`` MB."""
    size = min(ns.mb, ns.peer_mb)
    if size <= 0:
        return []
    if not bench_peer.available():
        return [_emit({"mode": "peer", "error": f"pip install {bench_peer.REQUIREMENT}"}, size)]
    same = size == ns.mb and any(r["mode"] == "parser" and "error" not in r for r in ours)
    path = full if size == ns.mb else tmp / "export-peer.xml"
    if path != full:
        make_scaled_export(ns.sample, path, size)
    try:
        results = [] if same else [_emit(measure("parser", path), size)]
        return [*results, _emit(measure("peer", path), size)]
    finally:
        if path != full:
            path.unlink()


def main(argv: list[str] | None = None) -> None:
    """CLI: build the scaled export in a temp dir, print one JSON line per stage, a table."""
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--mb", type=float, default=200.0, help="size of the generated export")
    args.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    args.add_argument("--modes", default="parser,rows,import,expat", help=",".join(MODES[:-1]))
    args.add_argument(
        "--peer-mb", type=float, default=200.0, help="size for the peer comparison (0: skip)"
    )
    args.add_argument("--tmp-dir", type=Path, default=None, help="where the export is grown")
    args.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    ns = args.parse_args(argv)
    if ns.child:
        print(json.dumps(_run(ns.child[0], Path(ns.child[1]))))
        return
    with tempfile.TemporaryDirectory(dir=ns.tmp_dir) as tmp:
        full = Path(tmp) / "export.xml"
        make_scaled_export(ns.sample, full, ns.mb)
        ours = [_emit(measure(mode, full), ns.mb) for mode in ns.modes.split(",") if mode]
        peer = run_peer(ns, Path(tmp), full, ours)
    print(format_report(ns.mb, ours + peer))


if __name__ == "__main__":
    main()
