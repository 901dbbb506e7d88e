"""`sitrep serve`: the token, the settings, uvicorn with its workers, timeouts, limits and logging."""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
import tempfile
from pathlib import Path

from fastapi import FastAPI

from ..errors import Code, SitrepError
from ..store import open_store
from ..store.backend import resolved
from .app import create_app
from .ratelimit import WriteRate
from .recycle import Recycle
from .settings import THREADS, TOKEN_ENV, Settings, current
from .timeouts import MAX_HEAD_BYTES, TimedH11Protocol

KEEP_ALIVE_S = 5  # an idle kept-alive connection is closed after this
LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stderr"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "sitrep.api": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def read_token(option: str | None, file: Path | None) -> tuple[str | None, str]:
    """The write token and where it came from: `--token-file`, else `--token`, else $SITREP_TOKEN."""
    if option is not None and file is not None:
        raise SitrepError(Code.BAD_OPTION, "give --token-file or --token, not both")
    if file is not None:
        try:
            token = file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise SitrepError(Code.BAD_OPTION, f"--token-file {file}: cannot read it ({type(error).__name__})") from None
        if not token:
            raise SitrepError(Code.BAD_OPTION, f"--token-file {file}: the file is empty")
        return token, f"--token-file {file}"
    if option is not None:
        if not option.strip():
            raise SitrepError(Code.BAD_OPTION, "--token: empty")
        return option.strip(), "--token"
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    return (from_env, f"${TOKEN_ENV}") if from_env else (None, "")


def token_warnings(source: str, file: Path | None) -> list[str]:
    """What to tell the user about how the token was given."""
    if source == "--token":
        return [f"--token shows the token to every user of this machine (ps); use ${TOKEN_ENV} or --token-file"]
    if file is not None and file.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        return [f"--token-file {file} can be read by other users: chmod 600 it"]
    return []


def check_store(db: str | Path) -> None:
    """Fail before any worker starts on a file that is no store (and migrate it once)."""
    open_store(db).close()


def check_port(host: str, port: int) -> None:
    """Fail before any worker starts when `host:port` cannot be listened on: bound as uvicorn binds
    it (SO_REUSEADDR), then released."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                message = f"{host}:{port} is taken: another program listens there; choose another --port"
            else:
                message = f"cannot listen on {host}:{port}: {error.strerror or error}"
            raise SitrepError(Code.CANNOT_LISTEN, message) from None


def app_from_env() -> FastAPI:
    """The app a worker builds from the settings `serve` exported and the token in $SITREP_TOKEN."""
    settings = current()
    rate = None
    if settings.write_rate is not None:
        rate = WriteRate(settings.write_rate, Path(settings.rate_file) if settings.rate_file else None)
    app = create_app(
        settings.db,
        os.environ.get(TOKEN_ENV) or None,
        allowed_hosts=settings.allowed_hosts,
        write_rate=rate,
        body_timeout=settings.request_timeout,
        threads=settings.threads,
    )
    app.add_middleware(Recycle)
    return app


# uvicorn kills a worker that does not answer its supervisor's ping within this many seconds. Its
# default (5) killed every worker, again and again, of a server started on a busy two-core machine.
HEALTHCHECK_S = 60


def serve(
    db: str | Path, token: str | None, host: str, port: int, workers: int, *, allowed_hosts: tuple[str, ...],
    write_rate: int | None, request_timeout: float, threads: int = THREADS,
) -> None:  # fmt: skip
    """Run uvicorn with `workers` processes (1: this one) until interrupted."""
    import uvicorn

    with tempfile.TemporaryDirectory(prefix="sitrep-serve-") as scratch:
        rate_file = str(Path(scratch) / "writes.db") if write_rate is not None and workers > 1 else None
        settings = Settings(resolved(db), allowed_hosts, write_rate, rate_file, request_timeout, threads)
        settings.export()
        current.cache_clear()
        if token is None:
            os.environ.pop(TOKEN_ENV, None)
        else:
            os.environ[TOKEN_ENV] = token
        sys.stdout.flush()
        uvicorn.run(
            f"{__name__}:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            http=TimedH11Protocol,
            timeout_keep_alive=KEEP_ALIVE_S,
            timeout_worker_healthcheck=HEALTHCHECK_S,
            h11_max_incomplete_event_size=MAX_HEAD_BYTES,
            access_log=False,
            log_config=LOG_CONFIG,
            log_level="warning",
        )
