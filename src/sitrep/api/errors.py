"""One JSON shape for every error the API returns, whatever raised it."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import Code, SitrepError

TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    408: "Request timeout",
    413: "Request body too large",
    421: "Misdirected request",
    422: "Invalid parameter",
    429: "Too many requests",
    500: "Server error",
}
STATUS_OF = {Code.NOT_FOUND: 404, Code.AMBIGUOUS: 422, Code.BAD_OPTION: 422}


class ApiError(Exception):
    """An error answered with `status` and a catalogue code."""

    def __init__(self, status: int, code: Code, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def bad(message: str) -> ApiError:
    return ApiError(422, Code.BAD_PARAMETER, message)


def error_response(status: int, code: Code, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"ok": False, "status": status, "code": code.value, "title": TITLES.get(status, "Error"), "error": message}
    return JSONResponse(body, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Route every kind of failure to `error_response` (an unexpected exception: `logs.FaultBarrier`)."""

    async def api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    async def sitrep_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, SitrepError)
        return error_response(STATUS_OF.get(exc.code, 500), exc.code, exc.message)

    async def invalid(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, Code.BAD_PARAMETER, "; ".join(_problem(e) for e in exc.errors()))

    async def http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            return error_response(405, Code.BAD_METHOD, "this path does not take that method")
        if exc.status_code == 404:
            return error_response(404, Code.NO_ENDPOINT, "no such endpoint: see /docs")
        return error_response(exc.status_code, Code.BAD_PARAMETER, str(exc.detail))

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(SitrepError, sitrep_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)


def _problem(error: Any) -> str:
    """`name: what is wrong` for one of pydantic's validation errors (the location without "query")."""
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "body"))
    return f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid"))
