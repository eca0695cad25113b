"""Fetch the official release files from CMS and CDC.

Steps, for each file of the manifest (``_manifest.OFFICIAL_FILES``):

1. Stream it into ``<dest>/.download/<name>.part``; every byte read goes
   through :func:`fetch`, the one place that touches the network.
2. Check it: the length the server announced, the SHA-256 when the
   manifest knows it, and that a zip opens.
3. Move it (or the members the manifest names) into place with a rename,
   so a failed or cut-off download never replaces a good file.

Any failure raises :class:`TransportError`; ``permanent`` says whether
trying again can help (a 404 cannot, a dropped connection may).
"""

from __future__ import annotations

import logging
import os
import shutil
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from .._errors import TransportError
from ._manifest import OFFICIAL_FILES, PUBLISHERS, OfficialFile
from ._sources import sha256_of

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 60.0
CHUNK_BYTES = 1 << 16


@dataclass(frozen=True)
class Downloaded:
    """A file put in place, and how many bytes it has."""

    target: str
    bytes: int


def download_files(
    dest: Path,
    *,
    files: Sequence[OfficialFile] = OFFICIAL_FILES,
    base_url: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Downloaded]:
    """Fetch every file into ``dest`` (see the module docstring).

    ``base_url`` replaces every publisher's host, for mirrors and tests.
    """
    say = progress or (lambda message: None)
    done: list[Downloaded] = []
    with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True) as client:
        for item in files:
            url = url_of(item, base_url)
            say(f"fetching {url}")
            done.extend(download_one(client, url, item, dest))
    _remove_if_empty(dest / ".download")
    return done


def url_of(item: OfficialFile, base_url: str | None) -> str:
    """The URL of a manifest entry, on the publisher or on ``base_url``."""
    base = base_url or PUBLISHERS[item.publisher]
    return base.rstrip("/") + item.path


def download_one(
    client: httpx.Client, url: str, item: OfficialFile, dest: Path
) -> list[Downloaded]:
    """Steps 1 to 3 for one file."""
    work = dest / ".download"
    work.mkdir(parents=True, exist_ok=True)
    part = work / (Path(item.target).name + ".part")
    try:
        fetch(client, url, part)
        check_download(part, url, item)
        return put_in_place(part, item, dest)
    finally:
        part.unlink(missing_ok=True)


def fetch(client: httpx.Client, url: str, part: Path) -> int:
    """Stream ``url`` into ``part``; the single network choke point."""
    started = time.perf_counter()
    try:
        with client.stream("GET", url) as response:
            _raise_for_status(response, url)
            written = _write_body(response, part)
            expected = response.headers.get("content-length")
    except httpx.TransportError as error:
        logger.warning("download of %s failed: %s", url, str(error)[:200])
        raise TransportError(
            f"The download of {url} failed: {error}.",
            permanent=False,
            hint="Check the network and run the command again.",
        ) from None
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.info("GET %s 200 %.0f ms %d bytes", url, elapsed_ms, written)
    if expected is not None and int(expected) != written:
        raise TransportError(
            f"The download of {url} stopped after {written:,} of"
            f" {int(expected):,} bytes.",
            permanent=False,
            hint="Run the command again; the old file was kept.",
        )
    return written


def check_download(part: Path, url: str, item: OfficialFile) -> None:
    """Refuse a file whose checksum differs or a zip that does not open."""
    if item.sha256 and sha256_of(part) != item.sha256:
        raise TransportError(
            f"The file from {url} is not the published release (SHA-256 differs).",
            permanent=False,
            hint="Run the command again; if it persists, the manifest needs updating.",
        )
    if part.name.endswith(".zip.part") and not zipfile.is_zipfile(part):
        raise TransportError(f"The file from {url} is not a zip.", permanent=True)


def put_in_place(part: Path, item: OfficialFile, dest: Path) -> list[Downloaded]:
    """Rename the file, then the members it names, into the data folder."""
    target = dest / item.target
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(part, target)
    placed = [Downloaded(item.target, target.stat().st_size)]
    if item.extract:
        with zipfile.ZipFile(target) as archive:
            for member, inner in item.extract.items():
                placed.append(_extract(archive, member, dest, inner))
    return placed


def _extract(
    archive: zipfile.ZipFile, member: str, dest: Path, target: str
) -> Downloaded:
    if member not in archive.namelist():
        raise TransportError(
            f"The zip lacks {member}; the release may have changed.", permanent=True
        )
    path = dest / target
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".part")
    with archive.open(member) as source, temp.open("wb") as out:
        shutil.copyfileobj(source, out)
    os.replace(temp, path)
    return Downloaded(target, path.stat().st_size)


def _raise_for_status(response: httpx.Response, url: str) -> None:
    if response.status_code < 400:
        return
    logger.warning("GET %s answered %d", url, response.status_code)
    permanent = response.status_code < 500 and response.status_code != 429
    raise TransportError(
        f"{url} answered HTTP {response.status_code}.",
        permanent=permanent,
        hint=None if permanent else "The server may be busy; try again later.",
    )


def _write_body(response: httpx.Response, part: Path) -> int:
    written = 0
    with part.open("wb") as out:
        for chunk in response.iter_bytes(CHUNK_BYTES):
            out.write(chunk)
            written += len(chunk)
    return written


def _remove_if_empty(folder: Path) -> None:
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
