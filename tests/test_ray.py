"""`ingest --ray`: the analysis on a Ray cluster gives the store one process gives."""

import builtins

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import Code, SitrepError
from sitrep.pipeline import IngestOptions, ingest
from sitrep.store import open_store

from .store_rows import store_rows


def test_without_ray_the_flag_says_how_to_get_it(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_ray(name, *args, **kw):
        if name == "ray" or name.startswith("ray."):
            raise ImportError("No module named 'ray'")
        return real_import(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit the town of Kobani on Monday, residents said.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(article), "--db", str(tmp_path / "r.db"), "--ray", "auto"])
    assert isinstance(result.exception, SitrepError) and result.exception.code is Code.NO_RAY
    assert "pip install 'sitrep[ray]'" in result.exception.message


def _ray_ingest(path, db, address):
    with open_store(db) as store:
        return ingest([str(path)], store, IngestOptions(ray=address))


@pytest.mark.ray
def test_a_local_ray_stores_what_one_process_stores(scale_inputs, scale_one_process, tmp_path):
    ray = pytest.importorskip("ray")
    db, report = scale_one_process
    ray.init(num_cpus=2, include_dashboard=False)
    try:
        got = _ray_ingest(scale_inputs, tmp_path / "ray.db", "auto")
    finally:
        ray.shutdown()
    assert got.summary() == report.summary() and got.stored == report.stored
    assert store_rows(tmp_path / "ray.db") == store_rows(db)


@pytest.mark.ray
def test_a_two_node_cluster_stores_what_one_process_stores(scale_inputs, scale_one_process, tmp_path):
    pytest.importorskip("ray")
    from ray.cluster_utils import Cluster

    db, report = scale_one_process
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False})
    try:
        cluster.add_node(num_cpus=1)
        cluster.wait_for_nodes()
        got = _ray_ingest(scale_inputs, tmp_path / "cluster.db", cluster.address)
    finally:
        cluster.shutdown()
    assert got.summary() == report.summary() and got.stored == report.stored
    assert store_rows(tmp_path / "cluster.db") == store_rows(db)
