"""`sitrep ingest --workers N`: the analysis in N worker processes on this machine.

Each worker loads the model, the place index and the actor catalogue once, when it starts. Workers
are spawned, not forked: a fork would copy the writer's open store and threads. The writer keeps
2N batches in flight, so every worker has the next batch while the writer stores the last, and takes
the results back in the order it sent them. A batch whose worker dies is stored without places and
events (E803) and a fresh pool takes the batches after it; a worker whose writer is gone ends.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from .batch_analysis import AnalysisRequest, AnalysisResult, all_failed, analyse_request
from .process import Processor

WATCH_S = 0.5  # how often a worker checks that its writer is still there
_processor: Processor | None = None  # the worker process's own, made by _start


def cores() -> int:
    """The cores this process may run on: the default number of workers."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start(make_processor: Callable[[], Processor]) -> None:
    """A worker's start: a watch on the writer, and its processor, with the model loaded now rather
    than on the first batch."""
    global _processor
    threading.Thread(target=_outlive_not, args=(os.getppid(),), daemon=True).start()
    _processor = make_processor()
    _processor.scanner


def _outlive_not(writer: int) -> None:
    """End this worker once its writer is gone (killed, say): an orphan would hold its terminal."""
    while os.getppid() == writer:
        time.sleep(WATCH_S)
    os._exit(1)


def _analyse(request: AnalysisRequest) -> AnalysisResult:
    assert _processor is not None, "worker not started"
    return analyse_request(_processor, request)


class PoolAnalyst:
    """Batches analysed by `workers` spawned processes; use it as a context manager."""

    def __init__(self, workers: int, make_processor: Callable[[], Processor] = Processor) -> None:
        self.workers = workers
        self.make_processor = make_processor
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PoolAnalyst:
        self._pool = self._new_pool()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start, initargs=(self.make_processor,))

    def map(self, requests: Iterable[AnalysisRequest]) -> Iterator[AnalysisResult]:
        in_flight: deque[tuple[AnalysisRequest, Future[AnalysisResult]]] = deque()
        for request in requests:
            in_flight.append((request, self._submit(request)))
            if len(in_flight) >= 2 * self.workers:
                yield _result(*in_flight.popleft())
        while in_flight:
            yield _result(*in_flight.popleft())

    def _submit(self, request: AnalysisRequest) -> Future[AnalysisResult]:
        if self._pool is None:
            raise RuntimeError("PoolAnalyst used outside its with block")
        try:
            return self._pool.submit(_analyse, request)
        except BrokenProcessPool:  # a worker died: its batches fail, the next ones go to a new pool
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            return self._pool.submit(_analyse, request)


def _result(request: AnalysisRequest, future: Future[AnalysisResult]) -> AnalysisResult:
    try:
        return future.result()
    except Exception as error:  # the worker died, or the batch could not be sent or returned
        return all_failed(request, error)
