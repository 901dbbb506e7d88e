"""Every `sitrep` command README.md shows runs as written and exits 0, in README order, in a folder
laid out like a fresh `make demo`: `examples/` (the seeds and the first lines of the FA-KES split, so
the first ingest is quick) and `.venv/bin/sitrep` running this checkout. `serve` is started on a free
port, asked for its events, and stopped."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sitrep

from .conftest import EXAMPLES, ROOT, SEEDS

SRC = str(Path(sitrep.__file__).resolve().parents[1])
FAKE_LINES = 6
SERVE_WAIT_S = 60


def readme_commands() -> list[str]:
    """The shell lines of README.md's ```sh blocks that run sitrep."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if ".venv/bin/sitrep" in line and not line.startswith("#")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("readme")
    (home / "examples" / "seeds").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, home / "examples" / "seeds" / seed.name)
    (home / "examples" / "fakes").mkdir()
    lines = (EXAMPLES / "fakes" / "fakes_demo.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (home / "examples" / "fakes" / "fakes_demo.jsonl").write_text("".join(lines[:FAKE_LINES]), encoding="utf-8")
    shim = home / ".venv" / "bin" / "sitrep"
    shim.parent.mkdir(parents=True)
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m sitrep "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return home


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def run_serve(line: str, home: Path, env: dict[str, str]) -> None:
    """Start the README's serve line on a free port with one worker, wait for its address line, ask
    it for events, and stop it."""
    port = free_port()
    command = line.split("#")[0].strip() + f" --port {port} --workers 1"
    process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=home, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        said = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in said and f"http://127.0.0.1:{port}/docs" in said, said
        deadline = time.monotonic() + SERVE_WAIT_S
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", "/api/events?limit=1")
                response = connection.getresponse()
                assert response.status == 200 and json.loads(response.read())["items"]
                break
            except ConnectionRefusedError:
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_readme_lists_the_commands_it_documents():
    commands = " ".join(readme_commands())
    for command in ("ingest", "articles show", "events", "incidents", "claims", "stories", "link", "serve", "extract", "geoparse", "cluster", "gazetteer"):
        assert f"sitrep {command}" in commands, command


def test_every_readme_command_runs_as_written(demo):
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("SITREP_DB", None)
    for line in readme_commands():
        if " serve " in line:
            run_serve(line, demo, env)
            continue
        result = subprocess.run(["bash", "-c", line], cwd=demo, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        assert "Traceback" not in result.stderr, line
