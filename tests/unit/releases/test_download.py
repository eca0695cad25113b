"""``data download`` against a local HTTP server this test starts on loopback.

Nothing here touches the internet: the server serves invented fixture bytes
on 127.0.0.1 and the downloader is pointed at it through ``base_url``.
"""

from __future__ import annotations

import functools
import hashlib
import io
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from codedesk import TransportError
from codedesk.cli import main
from codedesk.releases import OfficialFile, download_files

PLAIN = b"code,title\nTEST,INVENTED FIXTURE\n"


def zipped(member: str, body: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, body)
    return buffer.getvalue()


ZIPPED = zipped("codes_2026.txt", b"0LB50ZZ Invented fixture title\n")

#: path -> (status, body, announced length)
ROUTES: dict[str, tuple[int, bytes, int]] = {
    "/files/plain.csv": (200, PLAIN, len(PLAIN)),
    "/files/codes.zip": (200, ZIPPED, len(ZIPPED)),
    "/files/missing.csv": (404, b"not here", 8),
    "/files/busy.csv": (503, b"busy", 4),
    "/files/cut.csv": (200, PLAIN[:10], len(PLAIN)),
    "/files/notzip.zip": (200, PLAIN, len(PLAIN)),
}


class FixtureHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, body, length = ROUTES.get(self.path, (404, b"", 0))
        self.send_response(status)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def entry(path: str, target: str, **kwargs: object) -> OfficialFile:
    return OfficialFile("cms", path, target, **kwargs)  # type: ignore[arg-type]


def test_files_land_in_place_complete(server: str, tmp_path: Path) -> None:
    files = [
        entry("/files/plain.csv", "hcpcs/plain.csv"),
        entry(
            "/files/codes.zip",
            "icd10pcs/codes.zip",
            extract={"codes_2026.txt": "icd10pcs/icd10pcs_codes_fy2026.txt"},
        ),
    ]

    done = download_files(tmp_path, files=files, base_url=server)

    assert [d.target for d in done] == [
        "hcpcs/plain.csv",
        "icd10pcs/codes.zip",
        "icd10pcs/icd10pcs_codes_fy2026.txt",
    ]
    assert (tmp_path / "hcpcs" / "plain.csv").read_bytes() == PLAIN
    assert (tmp_path / "icd10pcs" / "icd10pcs_codes_fy2026.txt").read_bytes() == (
        b"0LB50ZZ Invented fixture title\n"
    )
    assert not (tmp_path / ".download").exists()


def test_a_missing_file_is_a_permanent_failure(server: str, tmp_path: Path) -> None:
    files = [entry("/files/missing.csv", "hcpcs/missing.csv")]

    with pytest.raises(TransportError) as caught:
        download_files(tmp_path, files=files, base_url=server)

    assert caught.value.message == f"{server}/files/missing.csv answered HTTP 404."
    assert caught.value.permanent is True
    assert not (tmp_path / "hcpcs" / "missing.csv").exists()


def test_a_busy_server_is_worth_a_retry(server: str, tmp_path: Path) -> None:
    files = [entry("/files/busy.csv", "hcpcs/busy.csv")]

    with pytest.raises(TransportError) as caught:
        download_files(tmp_path, files=files, base_url=server)

    assert caught.value.permanent is False


def test_a_cut_off_download_keeps_the_old_file(server: str, tmp_path: Path) -> None:
    old = tmp_path / "hcpcs" / "cut.csv"
    old.parent.mkdir()
    old.write_bytes(b"the old, complete file")
    files = [entry("/files/cut.csv", "hcpcs/cut.csv")]

    with pytest.raises(TransportError) as caught:
        download_files(tmp_path, files=files, base_url=server)

    assert caught.value.permanent is False
    assert old.read_bytes() == b"the old, complete file"
    assert list((tmp_path / ".download").iterdir()) == []


def test_a_checksum_mismatch_is_refused(server: str, tmp_path: Path) -> None:
    files = [entry("/files/plain.csv", "hcpcs/plain.csv", sha256="0" * 64)]

    with pytest.raises(TransportError) as caught:
        download_files(tmp_path, files=files, base_url=server)

    assert caught.value.message == (
        f"The file from {server}/files/plain.csv is not the published release"
        " (SHA-256 differs)."
    )
    assert not (tmp_path / "hcpcs" / "plain.csv").exists()


def test_a_checksum_that_matches_is_accepted(server: str, tmp_path: Path) -> None:
    digest = hashlib.sha256(PLAIN).hexdigest()
    files = [entry("/files/plain.csv", "hcpcs/plain.csv", sha256=digest)]

    done = download_files(tmp_path, files=files, base_url=server)

    assert [d.bytes for d in done] == [len(PLAIN)]


def test_a_zip_that_is_not_a_zip_is_refused(server: str, tmp_path: Path) -> None:
    files = [entry("/files/notzip.zip", "hcpcs/notzip.zip")]

    with pytest.raises(TransportError, match="is not a zip"):
        download_files(tmp_path, files=files, base_url=server)


def test_the_cli_reports_what_it_fetched(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [entry("/files/plain.csv", "hcpcs/plain.csv")]
    monkeypatch.setattr(
        "codedesk.cli._data.download_files",
        functools.partial(download_files, files=files),
    )

    result = CliRunner().invoke(
        main, ["data", "download", "--dest", str(tmp_path), "--base-url", server]
    )

    assert result.exit_code == 0
    assert result.stdout == (
        f"hcpcs/plain.csv  {len(PLAIN)} bytes\nDownloaded 1 files into {tmp_path}.\n"
    )


def test_the_cli_names_a_failed_download(server: str, tmp_path: Path) -> None:
    # The real manifest, served by a mirror that lacks every file.
    result = CliRunner().invoke(
        main,
        ["data", "download", "--dest", str(tmp_path)],
        env={"CODEDESK_DOWNLOAD_BASE_URL": server + "/nowhere"},
    )

    assert result.exit_code == 1
    assert (
        f"Error: {server}/nowhere/files/zip/january-2026-alpha-numeric-hcpcs-file.zip"
        " answered HTTP 404.\n"
    ) in result.output
