"""Map page speed in Debian's Chromium: time until every event is on the map, and one filter change.

Run: .venv/bin/python bench/map.py --db demo.db [--repeat N]   (after `make demo`; needs /usr/bin/chromium)
Starts `sitrep serve` on a free loopback port, opens the page N times in one browser and prints the
best and worst times and the number of events on the map.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(origin: str) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(origin + "/api/stats", timeout=5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("sitrep serve did not answer within 30 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="demo.db")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", args.db, "--port", str(port)])
    try:
        wait_for(origin)
        ready, filtering = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(args.repeat):
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                started = time.perf_counter()
                page.goto(origin + "/")
                page.wait_for_selector("body[data-ready=true]", timeout=120_000)
                ready.append(time.perf_counter() - started)
                shown = page.locator("#count").get_attribute("data-shown")
                started = time.perf_counter()
                page.locator("#types input").first.uncheck()  # refresh() runs in the change handler
                filtering.append(time.perf_counter() - started)
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"events on the map: {shown}")
    print(f"page ready (events, incidents, claims, base map): best {min(ready):.2f} s, worst {max(ready):.2f} s")
    print(f"one type filter change (re-cluster, timeline): best {min(filtering):.2f} s, worst {max(filtering):.2f} s")


if __name__ == "__main__":
    main()
