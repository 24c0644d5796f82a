"""Plain data shared by every engine: generation parameters, chat messages, device report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ChatMessage = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": ...}


@dataclass(frozen=True)
class GenParams:
    """How to generate one answer."""

    max_tokens: int = 512
    temperature: float = 0.2
    top_p: float = 0.95
    stop: tuple[str, ...] = ()
    json_schema: dict[str, Any] | None = None
    seed: int | None = 0


@dataclass(frozen=True)
class DeviceInfo:
    """Where the model runs and why."""

    on_gpu: bool
    n_gpu_layers: int
    reason: str
    gpu_build: bool = False
    server: str = ""  # base URL when the model runs on an OpenAI-compatible server


@dataclass(frozen=True)
class ModelStatus:
    """The loaded model (its file path, or the name a server knows it by) and where it runs;
    front ends word it in their own language."""

    name: str
    device: DeviceInfo
