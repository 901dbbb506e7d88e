"""Stories: articles about the same seminal event grouped, on real text; the `sitrep cluster` contract."""

import json
from datetime import date

import numpy as np
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.link.stories import StoryArticle, StoryParams, cluster_stories
from sitrep.link.features import lead, names, profile
from sitrep.link.stories import cut, date_guard
from sitrep.link.features import TEXT_ONLY

from .conftest import FAKES

runner = CliRunner()


def _fakes(*numbers: int) -> list[dict]:
    with FAKES.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return [rows[n] for n in numbers]


def _lines(seed_texts: dict[str, str], *others: dict) -> str:
    rows = [{"id": key, "text": text} for key, text in sorted(seed_texts.items())]
    rows += [{"id": r["id"], "text": r["text"], "title": r["title"], "published": r["published"]} for r in others]
    return "".join(json.dumps(r) + "\n" for r in rows)


def test_the_two_seed_articles_are_one_story_and_an_unrelated_one_is_not(seed_texts):
    (bombing,) = _fakes(1)  # the Aleppo bus-convoy bombing, April 2017: Syria too, another event
    articles = [StoryArticle(k, t) for k, t in sorted(seed_texts.items())]
    articles.append(StoryArticle(bombing["id"], bombing["text"], bombing["title"]))
    assert cluster_stories(articles, StoryParams(TEXT_ONLY)) == [1, 1, 2]


def test_reports_of_one_bombing_join_and_other_events_stay_apart():
    bombing = [1, 46, 221, 281, 428]  # the bus-convoy bombing at al-Rashidin, 15 April 2017
    aid_convoy = [82, 83]  # the attack on a UN aid convoy near Aleppo, September 2016: another convoy
    others = [0, *range(3, 12)]  # (row 2, another Aleppo blast four days later, still joins: a known miss)
    rows = _fakes(*bombing, *aid_convoy, *others)
    articles = [StoryArticle(r["id"], r["text"], r["title"], date.fromisoformat(r["published"][:10])) for r in rows]
    stories = cluster_stories(articles, StoryParams(TEXT_ONLY))
    assert len(set(stories[: len(bombing)])) == 1
    assert stories[0] not in stories[len(bombing) :]
    assert stories[len(bombing)] == stories[len(bombing) + 1]  # the two aid-convoy reports: one story


def test_publication_dates_far_apart_keep_articles_apart():
    guard = date_guard([date(2017, 4, 1), date(2017, 4, 5), date(2017, 6, 1), None], StoryParams())
    assert guard[0, 1] == 1.0 and guard[0, 2] == 0.0 and guard[2, 3] == 1.0


def test_features_read_names_and_lead():
    text = "Running back Reggie Bush will miss the season. The New Orleans Saints said so. Later news followed."
    assert "reggie bush" in names(text) and "new orleans saints" in names(text)
    assert lead(text) == "Running back Reggie Bush will miss the season. The New Orleans Saints said so."
    assert ("lead", "season") in profile(text) and ("lead", "later") not in profile(text)


def test_cut_numbers_stories_by_first_appearance():
    similarity = np.array([[1.0, 0.0, 0.9], [0.0, 1.0, 0.0], [0.9, 0.0, 1.0]], dtype=np.float32)
    assert cut(similarity, 0.5) == [1, 2, 1]
    assert cut(similarity, 0.0) == [1, 1, 1]
    assert cut(similarity[:1, :1], 0.5) == [1] and cut(similarity[:0, :0], 0.5) == []


def test_cluster_command_writes_one_story_per_line_in_order(seed_texts):
    result = runner.invoke(app, ["cluster", "-", "--text-only"], input=_lines(seed_texts, *_fakes(1)))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["000", "003", _fakes(1)[0]["id"]]
    assert [r["story"] for r in rows] == [1, 1, 2] and set(rows[0]) == {"id", "story"}


def test_cluster_command_with_analysis_and_threshold(seed_texts, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(_lines(seed_texts, *_fakes(1)), encoding="utf-8")
    rows = [json.loads(line) for line in runner.invoke(app, ["cluster", str(path)]).stdout.splitlines()]
    assert [r["story"] for r in rows] == [1, 1, 2]
    merged = runner.invoke(app, ["cluster", str(path), "--threshold", "0", "--text-only"]).stdout
    assert [json.loads(line)["story"] for line in merged.splitlines()] == [1, 1, 1]


def test_cluster_command_reports_bad_lines_and_keeps_the_good(seed_texts):
    good = _lines(seed_texts)
    bad = 'not json\n{"id": "x"}\n{"id": "y", "text": "Shelling in Idlib.", "published": "someday"}\n'
    result = runner.invoke(app, ["cluster", "-", "--text-only"], input=good + bad)
    assert result.exit_code == 1
    assert [json.loads(line)["story"] for line in result.stdout.splitlines()] == [1, 1]
    assert "<stdin>:3: E201" in result.stderr and "<stdin>:4: E202" in result.stderr and "<stdin>:5: E202" in result.stderr


def test_cluster_command_on_empty_input_and_missing_file(tmp_path):
    assert runner.invoke(app, ["cluster", "-"], input="").stdout == ""
    missing = runner.invoke(app, ["cluster", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "E101" in missing.stderr
    assert "story" in runner.invoke(app, ["cluster", "--help"]).stdout
