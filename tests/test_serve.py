"""`sitrep serve` as people run it: a real server on a loopback port (two workers), spoken to over
raw sockets; and how the command takes its token."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep.api.recycle import RECYCLE_EVERY
from sitrep.cli import app
from sitrep.store import open_store

TOKEN = "serve-token-91ad"
TIMEOUT_S = 1.5  # --request-timeout of the server under test


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    out: Path
    err: Path

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, Any]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        status, data = response.status, response.read()
        connection.close()
        return status, json.loads(data)

    def raw(self, data: bytes) -> bytes:
        """What the server answers to `data` sent on a new connection, read until it closes it."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
            sock.sendall(data)
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        return answer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "empty.db"
    open_store(db).close()
    port = free_port()
    out, err = folder / "out.txt", folder / "err.txt"
    command = [sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port), "--workers", "2",
               "--request-timeout", str(TIMEOUT_S), "--write-rate", "1000"]  # fmt: skip
    env = {**os.environ, "SITREP_TOKEN": TOKEN}
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env)
    running = Server(port, process, out, err)
    try:
        for _ in range(600):  # at most about 60 s to start both workers
            if process.poll() is not None:
                raise RuntimeError(f"sitrep serve exited with {process.returncode}: {err.read_text()}")
            try:
                running.request("GET", "/api/stats")
                break
            except OSError:
                time.sleep(0.1)
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_it_prints_its_address_and_hides_the_token(server: Server) -> None:
    printed = server.out.read_text()
    assert f"http://127.0.0.1:{server.port}/" in printed and "2 workers" in printed and "$SITREP_TOKEN" in printed
    assert TOKEN not in printed + server.err.read_text()
    assert all(TOKEN not in arg for arg in server.process.args)  # type: ignore[union-attr]


def test_it_runs_the_workers_it_was_asked_for(server: Server) -> None:
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
    workers = [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
    assert len(workers) == 2


def test_a_half_sent_request_gets_a_408_and_is_closed(server: Server) -> None:
    answer = server.raw(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nAccept: appl")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408 ") and b"connection: close" in head.lower()
    assert json.loads(body)["code"] == "E1010"


def test_an_idle_connection_is_closed(server: Server) -> None:
    answer = server.raw(b"")
    assert answer.startswith(b"HTTP/1.1 408 ")


def test_a_stalled_body_gets_a_408_and_is_closed(server: Server) -> None:
    head = f"POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {TOKEN}\r\nContent-Length: 1000\r\n\r\n"
    answer = server.raw(head.encode() + b'[{"text": "Shel')
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 408 ") and json.loads(rest.partition(b"\r\n\r\n")[2])["code"] == "E1010"


@pytest.mark.parametrize(
    "request_bytes",
    [b"NOT HTTP AT ALL\r\n\r\n", b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * 20_000],  # a head past 16 KiB
)
def test_unreadable_requests_get_a_400_in_the_error_shape(server: Server, request_bytes: bytes) -> None:
    head, _, body = server.raw(request_bytes).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ") and json.loads(body)["code"] == "E1011"


def test_a_kept_alive_connection_still_serves_requests(server: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    for _ in range(3):
        connection.request("GET", "/api/stats")
        response = connection.getresponse()
        assert response.status == 200 and json.loads(response.read())["articles"] == 0
    connection.close()


def test_a_kept_alive_connection_is_recycled_every_few_answers(server: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    said, ports = [], set()
    for _ in range(2 * RECYCLE_EVERY):
        connection.request("GET", "/api/stats")
        ports.add(connection.sock.getsockname()[1])  # the client's end: a new one per connection
        response = connection.getresponse()
        assert response.status == 200 and json.loads(response.read())["articles"] == 0
        said.append(response.getheader("connection"))
    connection.close()
    assert said == ([None] * (RECYCLE_EVERY - 1) + ["close"]) * 2
    assert len(ports) == 2  # http.client opened the second connection by itself


def test_other_hosts_are_refused_over_the_wire(server: Server) -> None:
    status, body = server.request("GET", "/api/stats", headers={"Host": "rebound.example:8000"})
    assert status == 421 and body["code"] == "E1008"
    assert server.request("GET", "/api/stats", headers={"Host": f"localhost:{server.port}"})[0] == 200


def test_every_request_is_one_access_line_on_stderr(server: Server) -> None:
    marker = "/api/nothing-here-5e1"
    server.request("GET", marker)
    server.request("POST", "/api/articles", body=b'{"title": "BODY-7f3"}', headers={"Authorization": f"Bearer {TOKEN}"})
    for _ in range(100):  # the line is written once the answer is sent: give the worker a moment
        log = server.err.read_text()
        if "POST /api/articles" in log:
            break
        time.sleep(0.1)
    [line] = [line for line in log.splitlines() if marker in line]
    assert f"GET {marker} 404 " in line and " ms auth=no" in line
    assert "auth=yes" in next(line for line in log.splitlines() if "POST /api/articles" in line)
    assert TOKEN not in log and "BODY-7f3" not in log and "Traceback" not in log


# -- how `serve` takes its token (the server itself replaced by a stand-in) -----------------------


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    from sitrep.api import serving

    calls: list[dict[str, Any]] = []

    def stand_in(db: Path, token: str | None, host: str, port: int, workers: int, **options: Any) -> None:
        calls.append({"token": token, "host": host, "workers": workers, **options})

    monkeypatch.setattr(serving, "serve", stand_in)
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    open_store(tmp_path / "t.db").close()  # read-only serving refuses a missing store
    return calls


def run_serve(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, ["serve", "--db", "t.db", *args], env=env)


def test_token_from_a_file_or_the_environment(started: list[dict[str, Any]], tmp_path: Path) -> None:
    secret = tmp_path / "token"
    secret.write_text(f"{TOKEN}\n")
    secret.chmod(0o600)
    result = run_serve("--token-file", str(secret))
    assert result.exit_code == 0 and started[-1]["token"] == TOKEN and TOKEN not in result.output
    assert "warning" not in result.output
    result = run_serve(env={"SITREP_TOKEN": TOKEN})
    assert result.exit_code == 0 and started[-1]["token"] == TOKEN and "$SITREP_TOKEN" in result.output
    assert TOKEN not in result.output
    assert run_serve().exit_code == 0 and started[-1]["token"] is None


def test_token_on_the_command_line_works_with_a_warning(started: list[dict[str, Any]]) -> None:
    result = run_serve("--token", TOKEN)
    assert result.exit_code == 0 and started[-1]["token"] == TOKEN
    assert "warning" in result.output and "ps" in result.output and TOKEN not in result.output


def test_bad_token_files_are_refused(started: list[dict[str, Any]], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n")
    for args in (["--token-file", str(empty)], ["--token-file", str(tmp_path / "missing")],
                 ["--token-file", str(empty), "--token", TOKEN]):  # fmt: skip
        result = run_serve(*args)
        assert result.exit_code != 0 and "E501" in result.output, args
    loose = tmp_path / "loose"
    loose.write_text(TOKEN)
    loose.chmod(0o644)
    result = run_serve("--token-file", str(loose))
    assert result.exit_code == 0 and "other users" in result.output
    assert not [c for c in started if c["token"] is None]


def test_serve_options_reach_the_server(started: list[dict[str, Any]]) -> None:
    result = run_serve("--host", "0.0.0.0", "--allowed-host", "sitrep.lan", "--allowed-host", "10.1.2.3",
                       "--workers", "3", "--threads", "3", "--write-rate", "12", "--request-timeout", "4")  # fmt: skip
    assert result.exit_code == 0, result.output
    call = started[-1]
    assert call["allowed_hosts"] == ("0.0.0.0", "sitrep.lan", "10.1.2.3") and call["workers"] == 3
    assert call["write_rate"] == 12 and call["request_timeout"] == 4.0 and call["threads"] == 3
    assert "http://0.0.0.0:8000/" in result.output
    assert run_serve().exit_code == 0 and started[-1]["workers"] == (os.cpu_count() or 1)
