"""Side-by-side comparison of the Apple import with an established PyPI parser.

The peer is ``apple-health-parser`` (``pip install apple-health-parser==2.0.5``), run
through its public API as its users would: ``Parser(export.zip)`` unzips the export,
loads it with lxml and groups the ``Record`` elements, then ``get_flag_records`` validates
every record type into pydantic models and a pandas DataFrame. It holds the whole tree in
memory (about 11 MB of RSS per MB of XML), so it is measured on a smaller file when the
benchmark is large, and our parser is measured again on that same file for the ratio.
"""

from __future__ import annotations

import importlib.util
import logging
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeAlias

PACKAGE = "apple_health_parser"
REQUIREMENT = "apple-health-parser==2.0.5"
TARGET_MB_S = 40.0
TARGET_RSS_MB = 300.0
Result: TypeAlias = dict[str, Any]
LABELS = {
    "parser": "ours: parse",
    "rows": "ours: parse + import rows, no DB",
    "import": "ours: import into PostgreSQL",
    "expat": "bare expat scan (ceiling)",
    "lxml": "bare lxml scan (ceiling)",
    "peer": f"peer: {REQUIREMENT}",
}


def available() -> bool:
    """True when the peer parser is installed."""
    return importlib.util.find_spec(PACKAGE) is not None


@contextmanager
def zipped(xml: Path) -> Iterator[tuple[Path, Path]]:
    """``(export.zip, scratch folder)`` beside ``xml``, removed afterwards (not timed).

    Stored, not deflated: the peer's unzip step is then a plain copy.
    """
    with tempfile.TemporaryDirectory(dir=xml.parent) as tmp:
        archive = Path(tmp) / "export.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
            zf.write(xml, "apple_health_export/export.xml")
        yield archive, Path(tmp) / "unzipped"


def parse_all(archive: Path, work: Path) -> int:
    """Parse every record type of ``archive`` with the peer; return the records it kept."""
    from apple_health_parser.utils.parser import Parser

    logging.disable(logging.WARNING)  # it logs each step at INFO on stderr
    parser = Parser(archive, output_dir=work, overwrite=True)
    parsed = parser.get_flag_records(parser.flags)
    return sum(len(data.records) for data in parsed.values())


def _find(results: list[Result], mode: str, size: float) -> Result | None:
    return next(
        (r for r in results if r["mode"] == mode and r["size_mb"] == size and "error" not in r),
        None,
    )


def _stage_lines(results: list[Result]) -> list[str]:
    lines = [f"{'stage':<42}{'size MB':>9}{'MB/s':>8}{'CPU MB/s':>10}{'peak RSS MB':>13}"]
    for r in results:
        head = f"{LABELS.get(r['mode'], r['mode']):<42}{r.get('mb', r['size_mb']):>9.1f}"
        if "error" in r:
            lines.append(f"{head}  error: {r['error'].splitlines()[-1][:80]}")
            continue
        lines.append(
            f"{head}{r['mb_per_s']:>8.1f}{r['cpu_mb_per_s']:>10.1f}{r['peak_rss_mb']:>13.0f}"
            f"  {r['records']:,} records"
        )
    return lines


def _comparison_lines(size_mb: float, results: list[Result]) -> list[str]:
    peer = next((r for r in results if r["mode"] == "peer"), None)
    if peer is None:
        return ["peer: not measured (--peer-mb 0)"]
    ours = _find(results, "parser", peer["size_mb"])
    if "error" in peer or ours is None:
        return [f"peer: not compared ({peer.get('error', 'our parser failed')[-120:]})"]
    lines = [
        f"{'size MB':>8}{'ours MB/s':>11}{'ours RSS MB':>13}{'peer MB/s':>11}"
        f"{'peer RSS MB':>13}{'ratio MB/s':>12}{'ratio RSS':>11}",
        f"{peer['mb']:>8.1f}{ours['mb_per_s']:>11.1f}{ours['peak_rss_mb']:>13.0f}"
        f"{peer['mb_per_s']:>11.1f}{peer['peak_rss_mb']:>13.0f}"
        f"{ours['mb_per_s'] / peer['mb_per_s']:>11.1f}x"
        f"{ours['peak_rss_mb'] / peer['peak_rss_mb']:>10.2f}x",
    ]
    if peer["size_mb"] < size_mb:
        lines.append(
            f"both parsers compared at {peer['size_mb']:.0f} MB, not {size_mb:.0f} MB: the peer "
            "keeps the whole XML tree in memory (raise --peer-mb to try larger)"
        )
    return lines


def _target_lines(size_mb: float, results: list[Result]) -> list[str]:
    lines = []
    for mode in ("import", "parser"):
        r = _find(results, mode, size_mb)
        if r is None:
            continue
        fast, lean = r["mb_per_s"] >= TARGET_MB_S, r["peak_rss_mb"] <= TARGET_RSS_MB
        lines.append(
            f"target {LABELS[mode]} at {r['mb']:.0f} MB: "
            f"{r['mb_per_s']:.1f} MB/s (>= {TARGET_MB_S:.0f}: {'PASS' if fast else 'MISS'}), "
            f"peak RSS {r['peak_rss_mb']:.0f} MB (<= {TARGET_RSS_MB:.0f}: "
            f"{'PASS' if lean else 'MISS'})"
        )
    return lines or ["targets: neither parser nor import measured"]


def format_report(size_mb: float, results: list[Result]) -> str:
    """The human table: every stage, then ours vs the peer, then the targets."""
    blocks = (
        _stage_lines(results),
        _comparison_lines(size_mb, results),
        _target_lines(size_mb, results),
    )
    return "\n\n".join("\n".join(block) for block in blocks)
