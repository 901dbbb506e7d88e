"""The library API (`import sitrep`): the README's example runs as written, and each call's contract."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep
from sitrep.errors import Code, SitrepError
from sitrep.pipeline import ingest
from sitrep.store import open_store as create_store

from .conftest import SEEDS

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("library")
    with create_store(folder / "demo.db") as store:
        assert ingest(list(map(str, SEEDS)), store).failed == []
    return folder


def test_readme_example_runs_as_written(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    section = README.read_text(encoding="utf-8").split("## In Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None and len(code.group(1).strip().splitlines()) <= 7
    monkeypatch.chdir(demo)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.group(1), "README.md", "exec"), {})
    first, stored = out.getvalue().splitlines()
    assert first == "Government regains territory As Sukhnah 2017-08-05 12"
    with sitrep.open_store(demo / "demo.db") as store:
        assert stored == f"{len(store.events())} stored events, {len(store.incidents())} incidents" and store.events()


def test_extract_gives_typed_events_and_what_it_was_told() -> None:
    found = sitrep.extract("Syrian troops retook al-Sukhnah from Islamic State on 5 August 2017.", outlet="SANA")
    assert isinstance(found, sitrep.ArticleEvents) and found.outlet == "SANA" and found.published is None
    [event] = list(found)
    assert isinstance(event, sitrep.models.Event) and event.actor2 is not None and event.actor2.name == "Islamic State"
    assert event.date is not None and event.date.isoformat() == "2017-08-05" and event.place is not None
    with pytest.raises(SitrepError) as bad:
        sitrep.extract("Shelling hit Homs.", published="last week")
    assert bad.value.code is Code.BAD_ARGUMENT


def test_geoparse_resolves_places() -> None:
    places = sitrep.geoparse("Shelling hit Homs and Deir Ezzor.")
    assert [(p.text, p.name, p.country, p.resolved) for p in places] == [
        ("Homs", "Homs", "SY", True), ("Deir Ezzor", "Deir ez-Zor", "SY", True),
    ]  # fmt: skip


def test_open_store_reads_listings_and_refuses_a_missing_file(demo: Path, tmp_path: Path) -> None:
    with sitrep.open_store(demo / "demo.db") as store:
        events = store.events(sitrep.EventFilters(country="SY"), limit=3)
        assert 0 < len(events) <= 3 and all(e["country"] == "SY" for e in events)
        article = store.article(store.articles()[0]["id"][:8])
        assert article["text"]
    with pytest.raises(SitrepError) as missing:
        sitrep.open_store(tmp_path / "nowhere.db")
    assert missing.value.code is Code.MISSING_PATH and not (tmp_path / "nowhere.db").exists()


def test_event_filters_take_values_as_people_write_them(demo: Path) -> None:
    with sitrep.open_store(demo / "demo.db") as store:
        every = store.events()
        by_name = store.events(sitrep.event_filters(country="Syria", actor="ISIS", modality="REPORTED"))
    assert by_name and len(by_name) < len(every)
    for event in by_name:
        names = [(event.get(role) or {}).get("name") or "" for role in ("actor1", "actor2")]
        assert event["country"] == "SY" and event["modality"] == "reported" and "Islamic State" in " ".join(names)
    with pytest.raises(SitrepError) as bad:
        sitrep.event_filters(event_type="battle")
    assert bad.value.code is Code.BAD_OPTION and "Battles" in str(bad.value)
    with pytest.raises(SitrepError) as undated:
        sitrep.event_filters(since="last week")
    assert undated.value.code is Code.BAD_ARGUMENT


def test_import_sitrep_loads_no_model_nor_server() -> None:
    probe = "import sys, sitrep; print(sorted(m for m in ('spacy', 'datasketch', 'fastapi', 'pyarrow') if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(Path(sitrep.__file__).parents[1])}
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True).stdout.strip() == "[]"
