"""`ingest --workers N`: the analysis in worker processes gives the store one process gives."""

import os
import sqlite3

from sitrep.errors import Code
from sitrep.pipeline import IngestOptions, ingest
from sitrep.process import Processor
from sitrep.store import open_store
from sitrep.workers import PoolAnalyst

from .store_rows import store_rows

MARK = "Aleppo"  # the word the failing processors below trip on


def _ingest(path, db, analyst=None, **kw):
    with open_store(db) as store:
        if analyst is None:
            return ingest([str(path)], store, IngestOptions(**kw))
        with analyst:
            return ingest([str(path)], store, IngestOptions(**kw), analyst=analyst)


def test_two_workers_store_what_one_process_stores(scale_inputs, scale_one_process, tmp_path):
    db, report = scale_one_process
    assert report.duplicates >= 2 and not report.failed
    two = tmp_path / "two.db"
    parallel = _ingest(scale_inputs, two, workers=2)
    assert parallel.summary() == report.summary()
    assert parallel.stored == report.stored and parallel.unanalysed == report.unanalysed
    expected = store_rows(db)
    assert expected["events"] and expected["places"] and expected["incidents"]
    assert store_rows(two) == expected


class Raising(Processor):
    def analyse(self, texts, contexts):
        if any(MARK in text for text in texts):
            raise RuntimeError("analysis broke")
        return super().analyse(texts, contexts)


class Dying(Processor):
    def analyse(self, texts, contexts):
        if any(MARK in text for text in texts):
            os._exit(3)
        return super().analyse(texts, contexts)


def _events_by_article(db):
    with sqlite3.connect(db) as con:
        return {a: n for a, n in con.execute("SELECT a.id, count(e.n) FROM articles a LEFT JOIN events e ON e.article_id = a.id GROUP BY a.id")}


def test_an_article_whose_analysis_raises_in_a_worker_is_stored_without_events(scale_inputs, scale_one_process, tmp_path):
    db, report = scale_one_process
    with sqlite3.connect(db) as con:
        marked = {a for (a,) in con.execute("SELECT id FROM articles WHERE text LIKE ?", (f"%{MARK}%",))}
    assert marked and len(marked) < report.ingested
    broken = tmp_path / "broken.db"
    got = _ingest(scale_inputs, broken, analyst=PoolAnalyst(2, Raising))
    assert got.ingested == report.ingested and got.stored == report.stored
    assert {line.split(":")[0] for line in got.unanalysed} == {a[:12] for a in marked}
    assert all(Code.ANALYSIS_FAILED.value in line for line in got.unanalysed)
    events, expected = _events_by_article(broken), _events_by_article(db)
    assert {a for a in marked if expected[a]} and all(events[a] == 0 for a in marked)
    assert {a: n for a, n in events.items() if a not in marked} == {a: n for a, n in expected.items() if a not in marked}


def test_a_worker_that_dies_loses_no_article(scale_inputs, scale_one_process, tmp_path):
    db, report = scale_one_process
    dead = tmp_path / "dead.db"
    got = _ingest(scale_inputs, dead, analyst=PoolAnalyst(2, Dying))
    assert got.ingested == report.ingested and got.stored == report.stored
    events = _events_by_article(dead)
    assert set(events) == set(_events_by_article(db))
    bare = {a[:12] for a, n in events.items() if n == 0}
    failed = {line.split(":")[0] for line in got.unanalysed}
    assert failed and failed <= bare
    assert all(Code.ANALYSIS_FAILED.value in line and "BrokenProcessPool" in line for line in got.unanalysed)
