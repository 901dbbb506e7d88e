"""End to end: the bundled examples in, a clean deduplicated record out."""

import io
import json
import shutil
from datetime import date

import pytest

from sitrep import process
from sitrep.errors import Code
from sitrep.ingest.clean import restore
from sitrep.models import RemovedSpan
from sitrep.pipeline import IngestOptions, ingest
from sitrep.store import open_store
from sitrep.store.filters import EventFilters

from .conftest import FAKES, SEEDS


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "t.db") as opened:
        yield opened


def _by_title(store, text):
    rows = [r for r in store.list_articles() if r["title"] and text in r["title"]]
    assert len(rows) == 1, rows
    return store.get_article(rows[0]["id"])


def test_seeds_have_their_titles_kinds_and_clean_endings(store):
    report = ingest([str(p) for p in SEEDS], store)
    assert (report.ingested, report.duplicates, report.failed) == (2, 0, [])
    column = _by_title(store, "breaks through ISIS lines")
    wire = _by_title(store, "Recapture of Al-Sukhnah")
    assert column["title"] == "Syrian army breaks through ISIS lines; approaches Al-Sukhnah"
    assert wire["title"] == "Recapture of Al-Sukhnah Inspires Syrian Army, Allies"
    assert column["kind"] == "opinion" and wire["kind"] == "news"
    assert "views and opinions expressed in this column" in column["kind_evidence"]["text"]
    assert column["text"].rstrip().endswith("will indeed be within sight.")
    assert "Help us grow" not in column["text"] and "Notify of" not in column["text"]
    tail = [r for r in column["removed"] if "Help us grow" in r["text"]]
    assert tail and tail[0]["reason"]
    assert wire["text"].rstrip().endswith("besieged by ISIS in Deir al-Zour.")
    assert column["published"] is None and wire["published"] is None  # unknown stays unknown


def test_removed_spans_restore_the_source_text_exactly(store):
    ingest([str(SEEDS[0])], store)
    article = store.get_article(store.list_articles()[0]["id"])
    spans = [RemovedSpan(**r) for r in article["removed"]]
    assert restore(article["text"], spans) == SEEDS[0].read_text(encoding="utf-8")


def test_reingesting_the_same_input_changes_nothing_and_says_so(store):
    first = ingest([str(p) for p in SEEDS], store)
    before = store.stats()
    again = ingest([str(p) for p in SEEDS], store)
    assert first.ingested == 2
    assert (again.ingested, again.duplicates, again.unchanged) == (0, 0, 2)
    assert "unchanged 2" in again.summary()
    assert store.stats() == before
    stored = {where.path: article for where, article in first.stored}
    assert {where.path: article for where, article in again.stored} == stored  # each input's article, both times
    assert sorted(stored.values()) == sorted(a["id"] for a in store.list_articles())


def test_same_text_in_two_files_is_one_article_with_two_sources(store, tmp_path):
    copy = tmp_path / "mirror" / "copy.txt"
    copy.parent.mkdir()
    shutil.copy(SEEDS[1], copy)
    report = ingest([str(SEEDS[1]), str(copy)], store)
    assert (report.ingested, report.duplicates) == (1, 1)
    article = store.get_article(store.list_articles()[0]["id"])
    assert sorted(where.path for where, _ in report.stored) == sorted([str(SEEDS[1]), str(copy)])
    assert {found for _, found in report.stored} == {article["id"]}
    assert sorted(s["path"] for s in article["sources"]) == sorted([str(SEEDS[1]), str(copy)])


def test_options_fill_only_what_the_article_lacks(store, tmp_path):
    report = ingest([str(SEEDS[1])], store, IngestOptions(outlet="Xinhua", published=date(2017, 8, 12)))
    assert report.ingested == 1
    article = store.get_article(store.list_articles()[0]["id"])
    assert (article["outlet"], article["published"], article["published_from"]) == ("Xinhua", "2017-08-12", "option")
    line = {"id": "x1", "outlet": "Own Outlet", "published": "2016-01-02", "text": "A bomb exploded in Idlib on Monday. " * 5}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(line) + "\n")
    ingest([str(path)], store, IngestOptions(outlet="Xinhua", published=date(2017, 8, 12)))
    own = [r for r in store.list_articles() if r["outlet"] == "Own Outlet"]
    assert own and own[0]["published"] == "2016-01-02"


def test_fakes_ingest_with_dates_outlets_and_duplicates(fakes_ingested, capsys):
    rows = [json.loads(line) for line in FAKES.read_text(encoding="utf-8").splitlines()]
    db, report = fakes_ingested
    with open_store(db) as store:
        _check_fakes(store, rows, report, capsys)


def _check_fakes(store, rows, report, capsys):
    stats = store.stats()
    assert report.failed == []
    assert report.ingested + report.duplicates == len(rows) == stats["sources"]
    assert report.duplicates >= 2  # the FA-KES file carries the same wire text more than once
    assert report.near_duplicates >= 10
    assert len(stats["by_outlet"]) == 15
    with capsys.disabled():
        print(f"\nFA-KES demo: {report.summary()}")
    by_line = {}
    for article in store.list_articles():
        full = store.get_article(article["id"])
        for source in full["sources"]:
            by_line[source["line"]] = (full, source)
    for number, row in enumerate(rows, start=1):
        article, source = by_line[number]
        assert source["outlet"] == row["outlet"]
        assert source["published"] == row["published"]
        if len(article["sources"]) == 1 and row["published"] is not None:
            assert (article["published"], article["published_from"]) == (row["published"], "metadata")


def test_bad_inputs_are_named_and_the_rest_goes_on(store, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "ok", "text": "Clashes broke out in Daraa on Tuesday between rebels and the army."}) + "\n"
        + "{not json\n"
    )
    shutil.copy(SEEDS[1], folder / "good.txt")
    report = ingest([str(folder), str(tmp_path / "missing.txt")], store)
    assert report.ingested == 2
    codes = {(f.provenance.path.rsplit("/", 1)[-1], f.provenance.line): f.code for f in report.failed}
    assert codes == {
        ("empty.txt", None): Code.EMPTY,
        ("binary.txt", None): Code.BINARY,
        ("lines.jsonl", 2): Code.BAD_JSON,
        ("missing.txt", None): Code.MISSING_PATH,
    }
    assert "failed 4" in report.summary()


def test_lines_an_outlet_repeats_across_its_articles_are_removed_as_furniture(store, tmp_path):
    stories = [
        "Shelling hit the town of Kafr Nabl in southern Idlib overnight, killing two civilians.",
        "Rebels shot down a government helicopter near the town of Saraqib on Tuesday.",
        "Turkish artillery shelled positions of the YPG near Afrin, the monitor said.",
        "An air strike on a market in Maarat al-Numan killed at least nine people.",
    ]
    tagline = "Follow Levant Wire on Telegram for live updates from the front"
    folder = tmp_path / "levant"
    folder.mkdir()
    for n, story in enumerate(stories):
        lines = [f"Headline number {n} about the war", "", story, "", tagline]
        if n < 2:
            lines.append("Reporting by Sami Haddad, editing by the desk")
        (folder / f"{n}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([str(folder)], store)
    assert report.ingested == 4
    for row in store.list_articles():
        article = store.get_article(row["id"])
        assert tagline not in article["text"]
        assert [r["reason"] for r in article["removed"] if tagline in r["text"]] == [
            "repeated across the outlet's articles"
        ]
        assert article["text"].split("\n")[2] in stories  # the story itself is kept
    kept = [a for a in store.list_articles() if "Sami Haddad" in store.get_article(a["id"])["text"]]
    assert len(kept) == 2  # a line in only two articles is not furniture


def test_texts_without_outlet_or_site_on_standard_input_are_not_one_outlet(store):
    said = "The Syrian Observatory for Human Rights said the death toll was likely to rise."
    stories = [
        "Shelling hit the town of Kafr Nabl in southern Idlib overnight, killing two civilians.",
        "Rebels shot down a government helicopter near the town of Saraqib on Tuesday.",
        "Turkish artillery shelled positions of the YPG near Afrin on Monday.",
        "An air strike on a market in Maarat al-Numan killed at least nine people.",
    ]
    for story in stories:  # as the API posts them: one at a time, no outlet, no URL
        line = json.dumps({"text": f"{story}\n\n{said}"}) + "\n"
        report = ingest(["-"], store, stdin=io.BytesIO(line.encode()))
        assert report.ingested == 1
    texts = [store.get_article(row["id"])["text"] for row in store.list_articles()]
    assert len(texts) == 4 and all(said in text for text in texts)


def test_an_article_made_only_of_its_outlets_repeated_lines_keeps_them(store, tmp_path):
    lines = [
        "Government forces shelled the Damascus suburb of Douma on Sunday, a monitor said.",
        "Follow Levant Wire on Telegram for live updates from the front",
    ]
    folder = tmp_path / "levant"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Story {n}: rebels attacked a checkpoint near Hama.\n\n" + "\n\n".join(lines) + "\n")
    (folder / "3.txt").write_text("\n\n".join(lines) + "\n")
    report = ingest([str(folder)], store)
    assert (report.ingested, report.failed) == (4, [])
    texts = [store.get_article(r["id"])["text"] for r in store.list_articles()]
    assert all(lines[0] not in text for text in texts if text.startswith("Story"))  # furniture there
    assert [text for text in texts if not text.startswith("Story")] == ["\n\n".join(lines)]


def test_an_article_whose_analysis_fails_is_stored_all_the_same(tmp_path, monkeypatch):
    real = process.Processor.analyse

    def fragile(self, texts, contexts):
        if any("Al-Masdar" in text for text in texts):
            raise RuntimeError("parser fell over")
        return real(self, texts, contexts)

    monkeypatch.setattr(process.Processor, "analyse", fragile)
    with open_store(tmp_path / "f.db") as store:
        report = ingest([str(seed) for seed in SEEDS], store, IngestOptions())
        assert report.ingested == 2 and not report.failed
        (reason,) = report.unanalysed
        assert "E803" in reason and "parser fell over" in reason
        assert "stored without places and events 1" in report.summary()
        counts = {a["id"]: len(store.places(a["id"])) for a in store.list_articles()}
    assert sorted(n > 0 for n in counts.values()) == [False, True]


def test_an_article_over_the_analysis_limit_is_stored_with_its_note_and_the_next_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(process, "MAX_CHARS", 20_000)  # the real limit, scaled down for a quick test
    rows = [json.loads(line) for line in FAKES.read_text(encoding="utf-8").splitlines()[:16]]
    long = "\n\n".join(row["text"] for row in rows[:-1])
    assert len(long) > process.MAX_CHARS
    path = tmp_path / "two.jsonl"
    lines = [{"id": "long", "text": long}, {"id": "next", "text": rows[-1]["text"], "published": rows[-1]["published"]}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with open_store(tmp_path / "l.db") as store:
        report = ingest([str(path)], store, IngestOptions())
        assert report.ingested == 2 and not report.failed
        (reason,) = report.unanalysed
        assert f"{Code.ANALYSIS_SKIPPED.value} places and events not read" in reason and "over the limit of 20,000" in reason
        by_text = {len(store.get_article(a["id"])["text"]): a["id"] for a in store.list_articles()}
        stored_long, stored_next = by_text[max(by_text)], by_text[min(by_text)]
        assert reason.startswith(stored_long[:12])
        assert store.get_article(stored_long)["text"] == long
        assert not store.places(stored_long) and not store.list_events(EventFilters(article_id=stored_long))
        assert store.places(stored_next) and store.list_events(EventFilters(article_id=stored_next))
