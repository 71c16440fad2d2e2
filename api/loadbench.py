"""`make bench`: HTTP throughput and latency of a real ``nutriprofile serve`` process.

Starts uvicorn as a subprocess on a free port against the configured database (the
embedded development server unless ``NUTRI_*``/``DATABASE_URL`` say otherwise), waits for
``/ready``, then drives it with concurrent ``httpx`` clients: meal analyses from a
rotating set of 200 distinct meal texts, and coach chat turns of a signed-in user.
Rate limiting is switched off in the server under test: it measures the service, and one
client would otherwise exhaust its own bucket within seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

BUILTIN_MEALS = Path(__file__).resolve().parents[1] / "evals" / "datasets" / "builtin_meals.csv"
CHAT_QUESTIONS = ("what is in a banana?", "how am I doing today?")
TARGETS = {"analyze-first-pass": "(caches cold: no target)", "analyze": "≥60 analyses/s",
           "chat": "p50 ≤100 ms"}  # fmt: skip
_PORTIONS = (
    "a medium apple", "a cup of cooked brown rice", "two large eggs",
    "a slice of whole wheat bread", "a tablespoon of peanut butter", "a cup of 2% milk",
    "100 g of grilled chicken breast", "a medium banana", "half a cup of cooked black beans",
    "a cup of plain greek yogurt", "an ounce of cheddar cheese", "a cup of cooked spaghetti",
    "a small baked potato", "a cup of steamed broccoli", "a handful of almonds",
    "a tablespoon of olive oil", "a cup of orange juice", "three ounces of baked salmon",
    "a cup of cooked oatmeal", "two strips of bacon",
)  # fmt: skip
Request = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


def meal_texts(count: int = 200) -> list[str]:
    """The builtin evaluation meals, topped up with distinct two-food combinations."""
    with BUILTIN_MEALS.open(newline="", encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    n = len(_PORTIONS)
    pairs = ((i, (i + step) % n) for step in range(1, n) for i in range(n))
    texts += [f"{_PORTIONS[i]} and {_PORTIONS[j]}" for i, j in pairs]
    return texts[:count]


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank q-th percentile (0–100); 0 when there are no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


@dataclass(slots=True)
class ScenarioStats:
    """Latencies and failures of one scenario."""

    name: str
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)

    def fail(self, why: str) -> None:
        """Count a failed request, keeping the first few reasons."""
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(why)

    def summary(self) -> dict[str, Any]:
        """Requests, errors, throughput and latency percentiles."""
        done = len(self.latencies_ms) + self.errors
        return {
            "requests": done, "errors": self.errors,
            "requests_per_s": round(done / self.seconds, 2) if self.seconds else 0.0,
            **{f"p{q}_ms": round(percentile(self.latencies_ms, q), 2) for q in (50, 95, 99)},
            "target": TARGETS.get(self.name), "error_samples": self.error_samples,
        }  # fmt: skip


async def drive(
    client: httpx.AsyncClient, name: str, request: Request, seconds: float, concurrency: int,
    limit: int | None = None,
) -> ScenarioStats:  # fmt: skip
    """Run ``concurrency`` workers for ``seconds`` (or ``limit`` requests); non-200 is an error."""
    stats = ScenarioStats(name)
    counter = itertools.count()
    started = time.perf_counter()
    deadline = started + seconds

    async def worker() -> None:
        while time.perf_counter() < deadline:
            n = next(counter)
            if limit is not None and n >= limit:
                return
            sent = time.perf_counter()
            try:
                response = await request(client, n)
            except httpx.HTTPError as exc:
                stats.fail(f"{type(exc).__name__}: {exc}")
                continue
            if response.status_code != 200:
                stats.fail(f"{response.status_code}: {response.text[:200]}")
            else:
                stats.latencies_ms.append((time.perf_counter() - sent) * 1000)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    stats.seconds = time.perf_counter() - started
    return stats


async def run_load(
    client: httpx.AsyncClient, seconds: float = 20.0, concurrency: int = 8, first_pass: int = 200
) -> dict[str, dict[str, Any]]:
    """Each meal text once (cold), then analyze and chat for ``seconds`` each."""
    texts = meal_texts()
    email = f"loadbench-{uuid.uuid4().hex[:12]}@example.com"
    registered = await client.post(
        "/v1/auth/register", json={"email": email, "password": "loadbench-password"}
    )
    registered.raise_for_status()
    headers = {"Authorization": f"Bearer {registered.json()['access_token']}"}

    async def analyze(c: httpx.AsyncClient, n: int) -> httpx.Response:
        return await c.post("/v1/meals/analyze", json={"text": texts[n % len(texts)]})

    async def chat(c: httpx.AsyncClient, n: int) -> httpx.Response:
        body = {"message": CHAT_QUESTIONS[n % len(CHAT_QUESTIONS)]}
        return await c.post("/v1/chat", json=body, headers=headers)

    cold = await drive(client, "analyze-first-pass", analyze, 3600, concurrency, first_pass)
    report = {cold.name: cold.summary()}
    for name, request in (("analyze", analyze), ("chat", chat)):
        await asyncio.gather(*(request(client, n) for n in range(concurrency)))  # warm-up
        report[name] = (await drive(client, name, request, seconds, concurrency)).summary()
    return report


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_command(port: int) -> list[str]:
    """``nutriprofile serve`` from this interpreter's environment."""
    script = Path(sys.executable).with_name("nutriprofile")
    found = str(script) if script.exists() else shutil.which("nutriprofile")
    if found is None:
        raise SystemExit("the nutriprofile command is not installed (make install)")
    return [found, "serve", "--host", "127.0.0.1", "--port", str(port)]


async def wait_ready(base_url: str, server: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Poll ``/ready`` until 200; fail early if the server exits."""
    deadline = time.monotonic() + timeout_s
    async with httpx.AsyncClient(base_url=base_url, timeout=5) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"the server exited with code {server.returncode}")
            try:
                if (await client.get("/ready")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.5)
    raise SystemExit(f"the server was not ready within {timeout_s:.0f} s")


async def bench_server(args: argparse.Namespace) -> dict[str, Any]:
    """Start the server, load it, stop it; the report says what was measured."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    args.log.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NUTRI_RATE__ENABLED": "false"}
    with args.log.open("wb") as log:
        server = subprocess.Popen(serve_command(port), env=env, stdout=log, stderr=log)
        try:
            await wait_ready(base_url, server, args.startup_timeout)
            limits = httpx.Limits(max_connections=args.concurrency)
            async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as client:
                scenarios = await run_load(client, args.seconds, args.concurrency)
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
    return {"server": f"uvicorn, 1 worker, {base_url}", "seconds": args.seconds,
            "concurrency": args.concurrency, "cpus": os.cpu_count(),
            "server_log": str(args.log), "scenarios": scenarios}  # fmt: skip


def table(report: dict[str, Any]) -> str:
    """The report as a fixed-width table with the targets beside the figures."""
    lines = [
        f"HTTP load: {report['server']}, {report['seconds']:g} s per scenario, "
        f"concurrency {report['concurrency']}",
        f"note: the load generator shares this machine's {report['cpus']} CPU cores with the "
        "server, so these figures are a lower bound for the server alone",
        "analyze-first-pass sends each of the 200 meal texts once; analyze then rotates through "
        "them with the food-search cache warm",
        f"{'scenario':<19}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}"
        f"{'p95 ms':>9}{'p99 ms':>9}  target",
    ]
    for name, s in report["scenarios"].items():
        lines.append(
            f"{name:<19}{s['requests']:>9}{s['errors']:>8}{s['requests_per_s']:>9.1f}"
            f"{s['p50_ms']:>9.1f}{s['p95_ms']:>9.1f}{s['p99_ms']:>9.1f}  {s['target']}"
        )
        lines.extend(f"  error: {sample}" for sample in s["error_samples"])
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments, run the benchmark, print a table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=20.0, help="per scenario")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--startup-timeout", type=float, default=900.0,
                        help="wait this long for /ready (a first run loads food data)")  # fmt: skip
    parser.add_argument("--log", type=Path, default=Path(".bench/loadbench-server.log"),
                        help="where the server's output goes")  # fmt: skip
    args = parser.parse_args(argv)
    report = asyncio.run(bench_server(args))
    print(json.dumps(report, indent=2) if args.json else table(report))


if __name__ == "__main__":
    main()
