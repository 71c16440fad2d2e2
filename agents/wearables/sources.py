"""One read-only view over a single file, a folder or a zip: members by relative name.

Parsers never care how an export arrived; they list member names and open them as
binary streams. Zip members are streamed in place (never extracted), after the whole
archive has been vetted by :func:`safety.vet_zip`.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, cast

from agents.wearables.safety import WearableFormatError, ZipLimits, vet_zip


class InputTree:
    """Members of a file, folder or zip, addressed by POSIX-style relative names."""

    def __init__(
        self, label: str, names: list[str], root: Path | None, archive: zipfile.ZipFile | None
    ) -> None:
        self.label = label
        self.names = tuple(sorted(names))
        self._root = root
        self._archive = archive

    @classmethod
    def open(cls, path: str | os.PathLike[str], limits: ZipLimits | None = None) -> InputTree:
        """Open ``path``: a folder is walked, a zip is vetted, any other file stands alone."""
        p = Path(path)
        if p.is_dir():
            names = [
                (Path(d) / f).relative_to(p).as_posix()
                for d, _, files in os.walk(p)
                for f in files
                if (Path(d) / f).is_file()
            ]
            return cls(str(p), names, p, None)
        if not p.is_file():
            raise WearableFormatError(f"{p} is neither a file nor a folder")
        if zipfile.is_zipfile(p):
            try:
                archive = zipfile.ZipFile(p)
                names = vet_zip(archive, limits or ZipLimits())
            except zipfile.BadZipFile as exc:
                raise WearableFormatError(f"corrupt zip {p.name}: {exc}") from None
            except WearableFormatError:
                archive.close()
                raise
            return cls(str(p), names, None, archive)
        return cls(str(p), [p.name], p.parent, None)

    @contextmanager
    def open_member(self, name: str) -> Iterator[BinaryIO]:
        """Stream one member's bytes; zip members are decompressed on the fly."""
        if name not in self.names:
            raise KeyError(name)
        if self._archive is not None:
            with self._archive.open(name) as stream:
                yield cast(BinaryIO, stream)
        else:
            assert self._root is not None
            with (self._root / name).open("rb") as fh:
                yield fh

    def read_head(self, name: str, size: int = 4096) -> bytes:
        """Return the first ``size`` bytes of a member (for sniffing its format)."""
        with self.open_member(name) as stream:
            return stream.read(size)

    def close(self) -> None:
        """Release the zip handle, if any."""
        if self._archive is not None:
            self._archive.close()

    def __enter__(self) -> InputTree:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


SourceLike = str | os.PathLike[str] | InputTree


@contextmanager
def as_tree(source: SourceLike) -> Iterator[InputTree]:
    """Yield an :class:`InputTree` for ``source``, closing it only if opened here."""
    if isinstance(source, InputTree):
        yield source
        return
    tree = InputTree.open(source)
    try:
        yield tree
    finally:
        tree.close()
