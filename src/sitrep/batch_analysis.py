"""One ingest batch's analysis as a record that can cross a process boundary.

The writer (`pipeline.ingest`) sends an `AnalysisRequest` per batch of new articles and takes back an
`AnalysisResult`, in order, from an analyst: in its own process (`InProcess`), a pool of worker
processes (`workers.PoolAnalyst`) or a Ray cluster (`ray_workers.RayAnalyst`). Every analyst runs
the same `analyse_request`, on the same batches, so the store does not depend on which one ran.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from .errors import Code
from .events.extract import ArticleContext
from .process import Analysis, Processor


@dataclass(frozen=True)
class AnalysisRequest:
    """The new articles of one batch: their ids, texts and contexts, in order."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    contexts: tuple[ArticleContext, ...]


@dataclass
class AnalysisResult:
    """Analyses by article id, and the articles whose analysis raised, with the reason (E803)."""

    found: dict[str, Analysis] = field(default_factory=dict)
    failed: list[tuple[str, str]] = field(default_factory=list)


class Analyst(Protocol):
    """Turns batch requests into results, one per request and in the same order."""

    def map(self, requests: Iterable[AnalysisRequest]) -> Iterator[AnalysisResult]: ...


def analyse_request(processor: Processor, request: AnalysisRequest) -> AnalysisResult:
    """The batch parsed together; should that raise, each article alone, and one that still raises
    is reported failed, so no error loses an article or holds up the others."""
    if not request.ids:
        return AnalysisResult()
    try:
        return AnalysisResult(dict(zip(request.ids, processor.analyse(request.texts, request.contexts), strict=True)))
    except Exception:
        pass
    result = AnalysisResult()
    for id_, text, context in zip(request.ids, request.texts, request.contexts, strict=True):
        try:
            result.found[id_] = processor.analyse([text], [context])[0]
        except Exception as error:
            result.failed.append((id_, failure_reason(error)))
    return result


def failure_reason(error: BaseException) -> str:
    """The E803 note for an article whose analysis raised `error`."""
    return f"{Code.ANALYSIS_FAILED.value} places and events not read ({type(error).__name__}: {error})"


def all_failed(request: AnalysisRequest, error: BaseException) -> AnalysisResult:
    """The result of a batch whose worker was lost: every article stored without places and events."""
    return AnalysisResult(failed=[(id_, failure_reason(error)) for id_ in request.ids])


class InProcess:
    """Analysis in the writer's own process, one batch at a time (`--workers 1`)."""

    def __init__(self, processor: Processor | None = None) -> None:
        self.processor = processor or Processor()

    def map(self, requests: Iterable[AnalysisRequest]) -> Iterator[AnalysisResult]:
        return (analyse_request(self.processor, request) for request in requests)
