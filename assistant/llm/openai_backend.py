"""OpenAI-compatible HTTP backend (llama.cpp server, llama-cpp-python server, vLLM, Ollama).

Every request goes to the configured base URL only: no redirects are followed and proxy
environment variables are ignored. Closing a ``chat()`` generator closes the HTTP stream.
Each chat stream has a connection of its own (no keep-alive), so a ``StreamAborter``
(``stream_abort.py``) can shut it down from another thread.

The server formats and tokenizes the prompt itself, with special-token parsing (llama.cpp's
server does), and the chat API cannot send token ids: so the spellings of known control tokens
are defused in every message's content before it leaves (``defuse_control_tokens``). A model
family whose control tokens that list does not know is not covered; the local backend is.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx

from assistant.errors import RemoteServerError
from assistant.framing import defuse_control_tokens
from assistant.llm.params import ChatMessage, DeviceInfo, GenParams
from assistant.task_events import Done, Progress, TaskEvent, Token

if TYPE_CHECKING:
    from assistant.llm.stream_abort import StreamAborter

_TIMEOUT = httpx.Timeout(connect=5.0, read=300.0, write=30.0, pool=5.0)


def estimate_tokens(text: str) -> int:
    """Rough count when the server cannot tokenize: ~4 ASCII chars or 1 other char per token."""
    ascii_chars = sum(1 for c in text if ord(c) < 128)
    return math.ceil(ascii_chars / 4 + (len(text) - ascii_chars))


class OpenAIEngine:
    """``LLMEngine`` talking to an OpenAI-compatible ``/v1/chat/completions`` server."""

    def __init__(self, url: str, *, model: str = "", api_key: str = "", n_ctx: int = 8192) -> None:
        base = url.strip().rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise RemoteServerError(f"remote_url must start with http:// or https://: {url!r}")
        self._base = base if base.endswith("/v1") else base + "/v1"
        self._root = self._base[: -len("/v1")]
        self._model = model
        self._n_ctx_setting = n_ctx
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            timeout=_TIMEOUT, headers=headers, follow_redirects=False, trust_env=False
        )
        # Chat streams never share a connection: each one's socket is its own to shut down.
        self._stream_client = httpx.Client(
            timeout=_TIMEOUT,
            headers=headers,
            follow_redirects=False,
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self._lock = threading.Lock()
        self._models: list[dict[str, Any]] | None = None
        self._tokenize_ok: bool | None = None
        self._schema_style: str | None = None  # "json_schema" (OpenAI) or "json_object"

    # --- LLMEngine ---------------------------------------------------------------------------
    def chat(
        self,
        messages: list[ChatMessage],
        params: GenParams,
        *,
        aborter: StreamAborter | None = None,
    ) -> Iterator[TaskEvent]:
        """``LLMEngine.chat``; ``aborter`` may also stop the stream from another thread."""
        start = time.perf_counter()
        payload: dict[str, Any] = {
            "model": self.model_name(),
            "messages": [
                {**m, "content": defuse_control_tokens(m.get("content", ""))} for m in messages
            ],
            "max_tokens": params.max_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "stream": True,
            # Ask for a final usage chunk (OpenAI, vLLM, llama.cpp, Ollama); others ignore it.
            "stream_options": {"include_usage": True},
        }
        if params.stop:
            payload["stop"] = list(params.stop)
        if params.seed is not None:
            payload["seed"] = params.seed
        yield Progress(0, 1, stage="prompt")
        pieces: list[str] = []
        finish, usage = "", None
        for chunk in self._stream(payload, params.json_schema, aborter):
            if chunk.get("usage"):
                usage = chunk["usage"]
            for choice in chunk.get("choices") or []:
                text = (choice.get("delta") or {}).get("content") or ""
                if text:
                    if not pieces:
                        yield Progress(1, 1, stage="prompt")
                    pieces.append(text)
                    yield Token(text)
                if choice.get("finish_reason"):
                    finish = choice["finish_reason"]
        if not finish:
            raise self._unfinished()
        answer = "".join(pieces)
        data: dict[str, Any] = {
            # Without a usage chunk: an estimate of the contents plus a few template tokens per
            # message (not the server's tokenizer: on a server that runs one request at a time
            # that call would wait for every other request under way), and one token per
            # streamed piece (servers stream one token per event).
            "prompt_tokens": (usage or {}).get("prompt_tokens")
            or sum(estimate_tokens(m.get("content", "")) + 4 for m in messages),
            "completion_tokens": (usage or {}).get("completion_tokens") or len(pieces),
            "usage_reported": usage is not None,
            "finish_reason": finish,
            "seconds": time.perf_counter() - start,
            "remote": True,
        }
        if params.json_schema is not None:
            try:
                data["json"] = json.loads(answer)
            except json.JSONDecodeError:
                data["json"] = None
        yield Done(answer, data=data)

    def count_tokens(self, text: str) -> int:
        if self._tokenize_ok is not False:
            try:
                resp = self._request("POST", f"{self._root}/extras/tokenize/count", {"input": text})
                count = int(resp.json()["count"])
                self._tokenize_ok = True
                return count
            except (RemoteServerError, KeyError, ValueError, TypeError):
                if self._tokenize_ok:
                    raise
                self._tokenize_ok = False
        return estimate_tokens(text)

    def context_size(self) -> int:
        for entry in self._list_models():
            meta = entry.get("meta") or {}
            n = meta.get("n_ctx") or meta.get("n_ctx_train") or entry.get("max_model_len")
            if isinstance(n, int) and n > 0:
                return min(n, self._n_ctx_setting)
        return self._n_ctx_setting

    def model_name(self) -> str:
        if not self._model:
            models = self._list_models()
            self._model = str(models[0].get("id", "")) if models else "default"
        return self._model

    def device_info(self) -> DeviceInfo:
        return DeviceInfo(False, 0, f"remote server at {self._base}", False, server=self._base)

    def close(self) -> None:
        self._client.close()
        self._stream_client.close()

    # --- HTTP --------------------------------------------------------------------------------
    def _list_models(self) -> list[dict[str, Any]]:
        with self._lock:
            if self._models is None:
                body = self._request("GET", f"{self._base}/models").json()
                data = body.get("data") if isinstance(body, dict) else None
                self._models = [d for d in data or [] if isinstance(d, dict)]
            return self._models

    def _request(self, method: str, url: str, body: object | None = None) -> httpx.Response:
        try:
            resp = self._client.request(method, url, json=body)
        except httpx.HTTPError as exc:
            raise self._error(exc) from exc
        if resp.status_code >= 400:
            raise self._status_error(resp.status_code, resp.text)
        return resp

    def _stream(
        self,
        payload: dict[str, Any],
        schema: dict[str, Any] | None,
        aborter: StreamAborter | None = None,
    ) -> Iterator[dict[str, Any]]:
        extensions = {"trace": aborter.trace} if aborter is not None else None
        styles = [self._schema_style] if self._schema_style else ["json_schema", "json_object"]
        if schema is None:
            styles = [""]
        for i, style in enumerate(styles):
            if style == "json_schema":
                payload["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": "answer", "schema": schema, "strict": True},
                }
            elif style == "json_object":
                payload["response_format"] = {"type": "json_object", "schema": schema}
            try:
                with self._stream_client.stream(
                    "POST", f"{self._base}/chat/completions", json=payload, extensions=extensions
                ) as r:
                    if r.status_code >= 400:
                        text = r.read().decode("utf-8", errors="replace")
                        if i + 1 < len(styles) and _wants_other_format(r.status_code, text):
                            continue  # this server wants the other response_format style
                        raise self._status_error(r.status_code, text)
                    if style:
                        self._schema_style = style
                    yield from _sse_events(r)
                    return
            except httpx.HTTPError as exc:
                raise self._error(exc) from exc

    def _error(self, exc: httpx.HTTPError) -> RemoteServerError:
        hint = "check that the server is running and the remote_url setting"
        if isinstance(exc, httpx.ConnectError):
            return RemoteServerError(f"cannot connect to {self._base}: {exc}", hint=hint)
        if isinstance(exc, httpx.TimeoutException):
            return RemoteServerError(f"the server at {self._base} timed out", hint=hint)
        return RemoteServerError(f"HTTP error talking to {self._base}: {exc}", hint=hint)

    def _unfinished(self) -> RemoteServerError:
        """A stream that ended without a finish reason: the server cut the answer short."""
        return RemoteServerError(
            f"the server at {self._base} ended an answer before it was finished",
            hint="llama-cpp-python's server drops a request when another arrives unless it is"
            " started with --interrupt_requests False; or set remote_concurrency 1",
        )

    def _status_error(self, status: int, text: str) -> RemoteServerError:
        hint = "check the remote_api_key setting" if status in (401, 403) else ""
        snippet = " ".join(text.split())[:300]
        return RemoteServerError(
            f"the server at {self._base} answered {status}: {snippet}", hint=hint
        )


def _wants_other_format(status: int, text: str) -> bool:
    """Whether a failed request was a rejection of the ``response_format`` style.

    Servers differ: OpenAI and vLLM answer 400, FastAPI servers 422, and llama-cpp-python's
    server wraps its validation error in a 500 that names the field.
    """
    return status in (400, 422) or (status >= 500 and "response_format" in text)


def _sse_events(resp: httpx.Response) -> Iterator[dict[str, Any]]:
    for line in resp.iter_lines():
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            event = json.loads(data)
        except json.JSONDecodeError as exc:
            raise RemoteServerError(f"the server sent a malformed event: {data[:200]}") from exc
        if isinstance(event, dict):
            if "error" in event:
                raise RemoteServerError(f"the server reported an error: {event['error']}")
            yield event
