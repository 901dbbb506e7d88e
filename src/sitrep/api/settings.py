"""What `sitrep serve` hands each uvicorn worker process: its settings as JSON in the environment
(the token travels apart, in $SITREP_TOKEN, never on a command line)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from functools import cache

SETTINGS_ENV = "SITREP_SERVE_SETTINGS"
TOKEN_ENV = "SITREP_TOKEN"
REQUEST_TIMEOUT_S = 15.0
THREADS = 1  # requests a worker runs at once: one queue per process keeps the latency tail short (bench/load.py)


@dataclass(frozen=True)
class Settings:
    db: str
    allowed_hosts: tuple[str, ...] = ()
    write_rate: int | None = None  # writes a minute per client address
    rate_file: str | None = None  # where the workers count them together
    request_timeout: float = REQUEST_TIMEOUT_S  # for a request's head, and again for its body
    threads: int = THREADS

    def export(self) -> None:
        """Into this process's environment, which the workers inherit."""
        os.environ[SETTINGS_ENV] = json.dumps(asdict(self))


@cache
def current() -> Settings:
    """The settings `export` left in the environment (defaults when there are none)."""
    raw = os.environ.get(SETTINGS_ENV)
    if raw is None:
        return Settings(db="")
    values = json.loads(raw)
    return Settings(**{**values, "allowed_hosts": tuple(values.get("allowed_hosts", ()))})
