"""A real ingest process killed part-way leaves a consistent database; re-running finishes the job."""

import signal
import sqlite3
import subprocess
import sys
import time

from .conftest import FAKES


def _count(db, sql):
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # not created or migrated yet
        return 0


def _start(db, inputs):
    command = [sys.executable, "-m", "sitrep", "ingest", "--db", str(db), "--quiet", *map(str, inputs)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_hear_ctrl_c)


def _hear_ctrl_c():
    """A job started in the background inherits SIGINT ignored; a user's terminal delivers it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop_midway(process, db, signum):
    """Wait until some articles are committed, then send `signum` before the job is done."""
    deadline = time.monotonic() + 120
    while _count(db, "SELECT COUNT(*) FROM sources") < 50:
        assert process.poll() is None, "the ingest finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signum)
    return process.communicate(timeout=60)


LINES = 150  # of the FA-KES demo split: enough to interrupt a run part-way, few enough to run it thrice


def _inputs(tmp_path):
    """Three copies of the first LINES articles of the FA-KES demo split in three files: 450 sources."""
    part = "".join(FAKES.read_text(encoding="utf-8").splitlines(keepends=True)[:LINES])
    copies = []
    for n in range(3):
        copy = tmp_path / f"copy{n}" / "fakes.jsonl"
        copy.parent.mkdir()
        copy.write_text(part, encoding="utf-8")
        copies.append(copy)
    return copies


def _finish_and_check(db, inputs):
    again = subprocess.run(
        [sys.executable, "-m", "sitrep", "ingest", "--db", str(db), "--quiet", *map(str, inputs)],
        capture_output=True, text=True, timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert _count(db, "PRAGMA integrity_check") == "ok"
    assert _count(db, "SELECT COUNT(*) FROM sources") == 3 * LINES
    assert _count(db, "SELECT COUNT(DISTINCT path || ':' || line) FROM sources") == 3 * LINES
    assert _count(db, "SELECT COUNT(*) FROM sources s LEFT JOIN articles a ON a.id = s.article_id WHERE a.id IS NULL") == 0
    return again.stdout


def test_kill_9_midway_then_rerun_stores_each_article_once(tmp_path):
    db, inputs = tmp_path / "k.db", _inputs(tmp_path)
    process = _start(db, inputs)
    _stop_midway(process, db, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    stored = _count(db, "SELECT COUNT(*) FROM sources")
    assert 0 < stored < 3 * LINES
    assert _count(db, "PRAGMA integrity_check") == "ok"
    summary = _finish_and_check(db, inputs)
    assert "unchanged" in summary

    fresh = tmp_path / "fresh.db"
    subprocess.run([sys.executable, "-m", "sitrep", "ingest", "--db", str(fresh), "-q", *map(str, inputs)], check=True, capture_output=True)
    for table in ("articles", "near_duplicates"):
        assert _count(db, f"SELECT COUNT(*) FROM {table}") == _count(fresh, f"SELECT COUNT(*) FROM {table}")


def test_ctrl_c_midway_says_so_and_rerun_finishes(tmp_path):
    db, inputs = tmp_path / "c.db", _inputs(tmp_path)
    process = _start(db, inputs)
    _, stderr = _stop_midway(process, db, signal.SIGINT)
    assert process.returncode == 130
    assert "interrupted" in stderr and "run the same command again" in stderr
    assert _count(db, "PRAGMA integrity_check") == "ok"
    _finish_and_check(db, inputs)
