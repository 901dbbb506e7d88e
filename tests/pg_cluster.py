"""A throwaway PostgreSQL cluster for one test run: initdb and pg_ctl in a temporary directory, on a
free port, its unix socket in that directory, trust authentication, gone when the run ends.

When the binaries or PostGIS are missing, `Missing` says what is absent: the tests skip with it,
unless $SITREP_REQUIRE_POSTGRES is 1 (CI, `make test`), which turns it into a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REQUIRED_ENV = "SITREP_REQUIRE_POSTGRES"
TEMPLATE = "sitrep_template"  # a database with PostGIS created, copied for each test's database


class Missing(Exception):
    """PostgreSQL or PostGIS is not installed here."""


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise Missing("no PostgreSQL server binaries (initdb): apt-get install postgresql")
    return Path(initdb).parent


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: run them as the `postgres` user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str]) -> None:
    """Run a server command; its own words on failure."""
    done = subprocess.run(_as_postgres(command), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip() or done.stdout.strip()}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self._made = 0

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.folder}&port={self.port}"

    def new_database(self) -> str:
        """A new empty database (PostGIS already created in it, as an administrator would) and its URL."""
        import psycopg

        self._made += 1
        name = f"test_{self._made}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)


@contextmanager
def cluster() -> Iterator[Cluster]:
    """Start a cluster, yield it, stop it and delete its files."""
    bin_dir = _bin_dir()
    share = subprocess.run([str(bin_dir / "pg_config"), "--sharedir"], capture_output=True, text=True, check=True).stdout
    if not Path(share.strip(), "extension", "postgis.control").exists():
        raise Missing("PostGIS is not installed: apt-get install postgresql-15-postgis-3")
    folder = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    if os.geteuid() == 0:
        postgres = pwd.getpwnam("postgres")
        os.chown(folder, postgres.pw_uid, postgres.pw_gid)
    data, port = folder / "data", _free_port()
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start"])
        try:
            import psycopg

            made = Cluster(folder, port)
            with psycopg.connect(made.url("postgres"), autocommit=True) as admin:
                admin.execute(f"CREATE DATABASE {TEMPLATE}")
            with psycopg.connect(made.url(TEMPLATE), autocommit=True) as template:
                template.execute("CREATE EXTENSION postgis")
            yield made
        finally:
            subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                           capture_output=True)  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
