"""Throughput/memory benchmark of the Apple parser on a synthetic export of N MB.

The export is grown from a real sample by repeating its ``Record`` elements with the
years shifted, so the element mix stays realistic. Each measurement runs in a fresh
subprocess so that its peak RSS is its own. Raw stdlib-expat and lxml scans (no record
building) are measured alongside as ceilings. Run: ``python -m agents.wearables.bench``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.parsers import expat

_YEAR = re.compile(rb'"(\d{4})-')
SHARED = Path(os.environ.get("NUTRI_SHARED_DIR", Path(__file__).resolve().parents[3] / "shared"))
DEFAULT_SAMPLE = SHARED / "wearables" / "apple" / "export.xml"


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
            fh.write(_YEAR.sub(_year_shifter(copies % 50), body))
            written += len(body)
            copies += 1
        fh.write(data[tail_start:])
    return copies * per_copy


def _run(mode: str, path: Path) -> dict[str, float]:
    """Measure one scan of ``path`` in this process."""
    wall, cpu, count = time.perf_counter(), time.process_time(), 0
    if mode == "parser":
        from agents.wearables.parsers import apple

        count = sum(1 for _ in apple.parse(path))
    elif mode == "expat":
        parser = expat.ParserCreate()
        parser.ordered_attributes = True
        hits: list[int] = []
        parser.StartElementHandler = lambda name, _: hits.append(1) if name == "Record" else None
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                parser.Parse(chunk, False)
                count, hits[:] = count + len(hits), []
        parser.Parse(b"", True)
    elif mode == "lxml":
        from lxml import etree

        for _, element in etree.iterparse(
            str(path), tag="Record", resolve_entities=False, no_network=True, huge_tree=False
        ):
            count += 1
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    mb = path.stat().st_size / 2**20
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "mb": mb,
        "records": count,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "mb_per_s": mb / seconds,
        "cpu_mb_per_s": mb / cpu_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure(mode: str, path: Path) -> dict[str, float]:
    """Run one measurement in a subprocess (so peak RSS is not shared) and return it."""
    done = subprocess.run(
        [sys.executable, "-m", "agents.wearables.bench", "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    """CLI: build the scaled export in a temp dir and print one JSON line per mode."""
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--mb", type=float, default=200.0)
    args.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    lxml = importlib.util.find_spec("lxml") is not None
    args.add_argument("--modes", default="parser,expat" + (",lxml" if lxml else ""))
    args.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    ns = args.parse_args(argv)
    if ns.child:
        print(json.dumps(_run(ns.child[0], Path(ns.child[1]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.xml"
        make_scaled_export(ns.sample, path, ns.mb)
        for mode in ns.modes.split(","):
            try:
                print(json.dumps({"mode": mode, **measure(mode, path)}), flush=True)
            except subprocess.CalledProcessError as exc:
                print(json.dumps({"mode": mode, "error": exc.stderr.strip()[-200:]}))


if __name__ == "__main__":
    main()
