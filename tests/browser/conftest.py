"""Browser tests: Debian's Chromium driven by Playwright against `sitrep serve` on a loopback port,
over a store of examples/ (the session's FA-KES store and the seeds). Every page's requests are recorded."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from sitrep.pipeline import IngestReport
from tests.conftest import ROOT, SEED_PUBLISHED, SEEDS

HERE = Path(__file__).parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
TOKEN = "browser-test-token"
# Without the background-networking flags Chromium calls Google's hosts on its own.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing (apt-get install chromium; CI installs it)")
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(skip)


@dataclass
class Server:
    origin: str  # http://127.0.0.1:PORT

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.origin + path, timeout=60) as response:
            return json.load(response)

    def post(self, path: str, body: Any) -> Any:
        request = urllib.request.Request(
            self.origin + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=300) as response:
            return json.load(response)

    def features(self, query: str = "", listing: str = "events") -> list[dict[str, Any]]:
        """Every event (or incident) as a GeoJSON feature, following the pages."""
        found: list[dict[str, Any]] = []
        url: str | None = f"/api/{listing}?format=geojson&limit=1000{query}"
        while url:
            page = self.get(url)
            found += page["features"]
            url = page["next_url"]
        return found

    def incidents(self, query: str = "") -> list[dict[str, Any]]:
        return self.features(query, "incidents")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, fakes_ingested: tuple[Path, IngestReport]) -> Iterator[Server]:
    # the examples: a copy of the session's FA-KES store, with the seed articles ingested by the command line
    # with their publication dates (so seed 003's report fulfils seed 000's prediction)
    db = tmp_path_factory.mktemp("browser") / "demo.db"
    with sqlite3.connect(fakes_ingested[0]) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    sitrep = [sys.executable, "-m", "sitrep"]
    for seed, published in zip(SEEDS, SEED_PUBLISHED, strict=True):
        subprocess.run([*sitrep, "ingest", str(seed), "--published", published, "--db", str(db), "-q"], check=True, cwd=ROOT)
    port = _free_port()
    env = {**os.environ, "SITREP_TOKEN": TOKEN}  # not --token: that shows it in `ps`
    process = subprocess.Popen([*sitrep, "serve", "--db", str(db), "--port", str(port)], cwd=ROOT, env=env)
    live = Server(f"http://127.0.0.1:{port}")
    try:
        for _ in range(1200):  # at most about 120 s for the server to answer (a loaded machine starts it slowly)
            try:
                live.get("/api/stats")
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None:
                    raise RuntimeError(f"sitrep serve exited with {process.returncode}") from None
                time.sleep(0.1)
        else:
            raise RuntimeError("sitrep serve did not answer within 120 s")
        yield live
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Browsing:
    """A fresh page, the URL of every request it made, and its script errors and dialogs."""

    page: Any
    requests: list[str]
    errors: list[str]
    dialogs: list[str]

    def foreign(self, origin: str) -> list[str]:
        """Requests to anything but the server's origin (data: URLs name no host)."""
        return [url for url in self.requests if urlsplit(url).scheme != "data" and not url.startswith(origin + "/")]

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.fixture
def browsing(browser: Any) -> Iterator[Browsing]:
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    page = context.new_page()
    seen = Browsing(page, [], [], [])
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def dismiss(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    yield seen
    context.close()
