"""The import's parser process: an export file in, binary COPY chunks out, over a pipe.

Parsing and row encoding are an import's CPU-heavy Python work. In a process of their
own they use one core while PostgreSQL stores the previous chunk on the other, and the
process holding the connection only forwards bytes. (In a thread they would share the
GIL with the event loop, which then waits up to a switch interval for every socket
write, and the server idles.) Frames are length-prefixed pickles on the child's stdout:
``("format", name)``, then ``("rows", table, rows, payload, records_read)`` per table and
chunk, then ``("done", summary)`` or ``("error", exception)``. Only a few chunks are
ever in flight, so memory stays flat whatever the file size.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import struct
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import IO, Any, BinaryIO

from agents.wearables import ZipLimits, parse_path
from store.wearables_rows import ImportSummary, RowChunker

Frame = tuple[Any, ...]
_LENGTH = struct.Struct(">I")
_PROJECT = str(Path(__file__).resolve().parents[1])  # so the child imports this same code
_PREFETCH = 4  # frames read ahead of the writer: the parser never waits on a full pipe


@dataclass(frozen=True, slots=True)
class FeedJob:
    """What the parser process needs: the file, the rows' owner and the chunking."""

    path: str
    user_id: str
    import_id: str
    tz: tzinfo
    limits: ZipLimits | None
    chunk: int
    activity_length: int


def frames(job: FeedJob) -> Iterator[Frame]:
    """Parse ``job.path`` into frames (in-process; the child runs exactly this)."""
    parsed = parse_path(job.path, job.limits)
    yield ("format", parsed.format)
    summary = ImportSummary(parsed.format, job.tz, errors=parsed.errors)
    chunker = RowChunker(
        summary, job.user_id, job.import_id, chunk=job.chunk, activity_length=job.activity_length
    )
    while chunk := chunker.next(parsed.records):
        read = summary.read()
        for table, (count, data) in chunk.items():
            yield ("rows", table, count, data, read)
    yield ("done", summary)


def _write(out: BinaryIO, frame: Frame) -> None:
    body = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(body)))
    out.write(body)
    out.flush()


def main() -> None:
    """Child entry point: a pickled :class:`FeedJob` on stdin, frames on stdout."""
    out, sys.stdout = sys.stdout.buffer, sys.stderr  # stray prints must not corrupt frames
    job: FeedJob = pickle.load(sys.stdin.buffer)
    try:
        for frame in frames(job):
            _write(out, frame)
    except Exception as exc:  # noqa: BLE001 - every failure goes to the parent
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:  # noqa: BLE001 - an exception that cannot travel as itself
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        _write(out, ("error", exc))


@contextlib.asynccontextmanager
async def spawn(job: FeedJob) -> AsyncIterator[AsyncIterator[Frame]]:
    """Start the parser process for ``job``; yield its frames, read ahead of the caller.

    The pipe is read with plain blocking reads in a worker thread, one frame per read:
    the reads are the flow control (asyncio's paused-pipe resumption lost data when
    the child was stopped and continued), and the queue bounds what is held.
    The process is killed if the caller stops early (a failed store, a cancellation).
    """
    paths = (_PROJECT, os.environ.get("PYTHONPATH"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    command = [sys.executable, "-m", __name__]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        with proc.stdin:
            proc.stdin.write(pickle.dumps(job))  # small: fits the pipe, never blocks
    except BrokenPipeError:
        pass  # the child died before reading its job: the drain below reports its exit
    queue: asyncio.Queue[Frame | None] = asyncio.Queue(_PREFETCH)
    pump = asyncio.create_task(_pump(proc.stdout, queue))
    try:
        yield _drain(queue, proc)
    finally:
        if not (pump.done() and not pump.cancelled() and pump.result()):  # no end of its own
            proc.kill()
        while not pump.done():  # it reads to the end of the pipe; room for what it puts
            with contextlib.suppress(asyncio.QueueEmpty):
                queue.get_nowait()
            await asyncio.sleep(0.01)
        await asyncio.to_thread(proc.wait)
        proc.stdout.close()  # only now: no read of it is left in a worker thread


def _read_frame(stdout: IO[bytes]) -> Frame | None:
    """The next frame; ``None`` at the end of the stream (or a cut-off frame)."""
    head = stdout.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    size = _LENGTH.unpack(head)[0]
    body = stdout.read(size)
    return pickle.loads(body) if len(body) == size else None


async def _pump(stdout: IO[bytes], queue: asyncio.Queue[Frame | None]) -> bool:
    """Move frames from the pipe to ``queue`` (``None``: the pipe ended early).

    Returns whether the child said its last word (``done`` or ``error``).
    """
    frame: Frame | None = ("start",)
    try:
        while frame is not None and frame[0] not in ("done", "error"):
            frame = await asyncio.to_thread(_read_frame, stdout)
            await queue.put(frame)
    except Exception as exc:  # noqa: BLE001 - the reader must hear of it, not wait forever
        await queue.put(("error", exc))
        return False
    return frame is not None


async def _drain(
    queue: asyncio.Queue[Frame | None], proc: subprocess.Popen[bytes]
) -> AsyncIterator[Frame]:
    """Frames until ``done``; raises the child's error, or says that it died."""
    while (frame := await queue.get()) is not None:
        if frame[0] == "error":
            raise frame[1]
        yield frame
        if frame[0] == "done":
            return
    code = await asyncio.to_thread(proc.wait)
    raise RuntimeError(f"the import's parser process exited ({code}) before finishing")


if __name__ == "__main__":
    main()
