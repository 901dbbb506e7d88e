"""`sitrep ingest --ray auto|ADDRESS`: the analysis as a Ray Data pipeline on a Ray cluster.

The writer's batch requests go into the cluster's object store as a dataset, a block per batch, in
chunks of CHUNK_BATCHES; an actor pool, one actor per CPU of the cluster, each holding the model, the
place index and the actor catalogue, maps them; the results stream back to the writer in the order
sent. The data come from the writer, so Ray Data runs no read task that the actors could starve of a
CPU. Every node needs sitrep installed as the writer has it. Ray is the optional extra sitrep[ray].
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from types import TracebackType
from typing import Any

from .batch_analysis import AnalysisRequest, AnalysisResult, all_failed, analyse_request
from .errors import Code, SitrepError
from .process import Processor

# Batches per dataset: the actors load the model again for each, so about 10,000 articles apiece.
CHUNK_BATCHES = 400


class RayAnalyst:
    """Batches analysed on the Ray cluster at `address` ("auto": the one this machine runs, else a
    new one here); connects on entering unless Ray is already connected, and disconnects on leaving."""

    def __init__(self, address: str) -> None:
        self.address = address
        self._connected_here = False

    def __enter__(self) -> RayAnalyst:
        try:
            import ray
        except ImportError:
            raise SitrepError(Code.NO_RAY, "--ray needs Ray: pip install 'sitrep[ray]'") from None
        if not ray.is_initialized():
            try:
                ray.init(address=None if self.address == "auto" else self.address, logging_level=logging.WARNING, log_to_driver=False)
            except (ConnectionError, ValueError, RuntimeError) as error:
                raise SitrepError(Code.RAY_UNREACHABLE, f"no Ray cluster at {self.address} ({error})") from None
            self._connected_here = True
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._connected_here:
            import ray

            ray.shutdown()
            self._connected_here = False

    def map(self, requests: Iterable[AnalysisRequest]) -> Iterator[AnalysisResult]:
        import ray

        actors = max(1, int(ray.cluster_resources().get("CPU", 1)))
        pending = iter(requests)
        while chunk := list(islice(pending, CHUNK_BATCHES)):
            rows = ray.data.from_items([{"request": pickle.dumps(r)} for r in chunk], override_num_blocks=len(chunk))
            mapped = rows.map_batches(_Actor, batch_size=1, batch_format="pyarrow", concurrency=actors, num_cpus=1)
            sent = 0
            try:
                for row in mapped.iter_rows():
                    result: AnalysisResult = pickle.loads(row["result"])
                    sent += 1
                    yield result
            except Exception as error:  # the cluster lost the batches: their articles are stored unanalysed
                yield from (all_failed(request, error) for request in chunk[sent:])


class _Actor:
    """A Ray actor: one processor, loaded once, for every batch it is given."""

    def __init__(self) -> None:
        self.processor = Processor()
        self.processor.scanner

    def __call__(self, batch: Any) -> Any:
        import pyarrow

        requests = batch.column("request").to_pylist()
        results = [pickle.dumps(analyse_request(self.processor, pickle.loads(r))) for r in requests]
        return pyarrow.table({"result": pyarrow.array(results, pyarrow.binary())})
