"""What every CLI command gets: data dir, output consoles, lazily-built core objects."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.settings import Settings
    from assistant.store import Store


@dataclass
class CliContext:
    data_dir: Path
    json: bool = False
    out: Console = field(default_factory=lambda: Console(highlight=False, soft_wrap=True))
    err: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))
    model_path: Path | None = None  # a model for this command only (set before ``core`` is used)

    @functools.cached_property
    def core(self) -> Core:
        from assistant.core import Core

        return Core(self.data_dir, model_path=self.model_path)

    @property
    def store(self) -> Store:
        return self.core.store

    @property
    def settings(self) -> Settings:
        return self.core.settings

    def close(self) -> None:
        if "core" in self.__dict__:
            self.core.close()
