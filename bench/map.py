"""Map page speed in Debian's Chromium: the page ready, a pan and a filter change answered, and the
bytes each moves.

Run: .venv/bin/python bench/map.py --db demo.db [--db big.db ...] [--repeat N]   (needs /usr/bin/chromium)
For each store: starts `sitrep serve` on a free loopback port, opens the page (its first view: where
events are densest) N times in one browser, and for each opening times

- ready: from the address typed to the page ready (base map, filters, timeline, the view drawn);
- pan: the map dragged 300 px (no inertia), from the mouse's release to the new view drawn;
- filter: the "reported" modality unticked (the server counts again: the view and the timeline);
- type: one event type unticked (the page sums the counts it has: no request);
- period: 2016 typed into the date inputs (no running totals for a period: the server counts the
  events of the box and period themselves, through the R*Tree).

Bytes are response bodies as Chromium received them (compressed if they were; the API does not compress).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
STEPS = ("ready", "pan", "filter", "type", "period")
PERIOD = ("2016-01-01", "2016-12-31")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(origin: str) -> None:
    for _ in range(1200):
        try:
            urllib.request.urlopen(origin + "/api/outlets", timeout=5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("sitrep serve did not answer within 120 s")


class Traffic:
    """Response body bytes of a page's requests since the last `take`."""

    def __init__(self, page: Any) -> None:
        self.bytes = 0
        self.requests = 0
        page.on("requestfinished", self.finished)

    def finished(self, request: Any) -> None:
        self.bytes += request.sizes()["responseBodySize"]
        self.requests += 1

    def take(self) -> tuple[int, int]:
        taken = (self.bytes, self.requests)
        self.bytes = self.requests = 0
        return taken


def drawn(page: Any) -> int:
    return int(page.locator("#count").get_attribute("data-drawn") or 0)


def answered(page: Any, before: int, started: float) -> float:
    """Seconds from `started` until the page has drawn a new answer (then a pause, so the step's
    requests are counted in its traffic, not the next one's)."""
    page.wait_for_function(f"Number(document.getElementById('count').dataset.drawn) > {before}", timeout=120_000)
    seconds = time.perf_counter() - started
    page.wait_for_timeout(300)
    return seconds


def one_opening(browser: Any, origin: str) -> tuple[dict[str, tuple[float, int, int]], int]:
    """(seconds, bytes, requests) of each step, on a new page, and the events in view after them."""
    page = browser.new_page(viewport={"width": 1400, "height": 860}, bypass_csp=True)  # the waits below run a script
    traffic = Traffic(page)
    found: dict[str, tuple[float, int, int]] = {}
    started = time.perf_counter()
    page.goto(origin + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=120_000)
    found["ready"] = (time.perf_counter() - started, *traffic.take())
    page.wait_for_timeout(300)  # the base map's drawing settles
    box = page.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    before = drawn(page)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 300, y, steps=10)
    page.wait_for_timeout(120)  # a still mouse before the release: Leaflet adds no inertia
    started = time.perf_counter()
    page.mouse.up()
    found["pan"] = (answered(page, before, started), *traffic.take())
    before = drawn(page)
    started = time.perf_counter()
    page.get_by_label("reported", exact=True).uncheck()
    found["filter"] = (answered(page, before, started), *traffic.take())
    before = drawn(page)
    started = time.perf_counter()
    page.locator("#types input").first.uncheck()
    found["type"] = (answered(page, before, started), *traffic.take())
    before = drawn(page)
    page.evaluate(f"document.getElementById('since').value = {PERIOD[0]!r}; document.getElementById('until').value = {PERIOD[1]!r}")
    started = time.perf_counter()
    page.locator("#until").dispatch_event("change")
    found["period"] = (answered(page, before, started), *traffic.take())
    shown = int(page.locator("#count").get_attribute("data-shown") or 0)
    page.close()
    return found, shown


def measure(db: Path, repeat: int) -> list[tuple[dict[str, tuple[float, int, int]], int]]:
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.DEVNULL)
    try:
        wait_for(origin)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            runs = [one_opening(browser, origin) for _ in range(repeat)]
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return runs


def report(db: Path, openings: list[tuple[dict[str, tuple[float, int, int]], int]]) -> None:
    runs = [steps for steps, _ in openings]
    print(f"{db} ({db.stat().st_size / 2**20:.0f} MiB), {len(runs)} openings, load average {os.getloadavg()[0]:.1f}:")
    for step in STEPS:
        seconds = sorted(run[step][0] for run in runs)
        kib = statistics.median(run[step][1] for run in runs) / 1024
        requests = statistics.median(run[step][2] for run in runs)
        print(f"  {step:6}  best {seconds[0]:.3f} s, median {statistics.median(seconds):.3f} s, worst {seconds[-1]:.3f} s;"
              f" {kib:,.0f} KiB in {requests:.0f} requests")  # fmt: skip
    print(f"  events in view after the steps: {openings[-1][1]:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, action="append", required=True, help="a store (repeat for several)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for db in args.db:
        report(db, measure(db, args.repeat))


if __name__ == "__main__":
    main()
