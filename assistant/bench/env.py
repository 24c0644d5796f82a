"""What every measurement shares: the assembled model, threads, and throw-away data dirs."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.core import Core

N_CTX = 2048  # small context: the suite must finish in minutes on 2 cores


def assemble_model(data_dir: Path, model_id: str) -> Path:
    """The verified GGUF of a bundled model in the data dir (assembled once, as the app does)."""
    from assistant.models.registry import resolve_model_path

    return resolve_model_path(data_dir, model_id)


@dataclass
class BenchEnv:
    model_path: Path
    threads: int
    n_ctx: int = N_CTX
    say: Callable[[str], None] = lambda _text: None
    work: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="deskmate-bench-")))
    _cores: list[Core] = field(default_factory=list)

    def scratch(self, name: str) -> Path:
        """A fresh, empty folder under the run's temp dir."""
        path = self.work / name
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        path.chmod(0o700)
        return path

    def new_core(self, name: str, model_path: Path | None = None) -> Core:
        """A real ``Core`` on a fresh temp data dir, running the bench model (closed by close())."""
        from assistant.core import Core

        model = model_path or self.model_path
        core = Core(self.scratch(name), model_path=model)
        self.configure(core)
        core.settings.set("model", str(model))
        self._cores.append(core)
        return core

    def configure(self, core: Core) -> None:
        core.settings.set("model", str(self.model_path))
        core.settings.set("n_ctx", self.n_ctx)
        core.settings.set("n_threads", self.threads)
        core.settings.set("temperature", 0.0)

    def close_core(self, core: Core) -> None:
        if core in self._cores:
            self._cores.remove(core)
        core.close()

    def close(self) -> None:
        for core in list(self._cores):
            self.close_core(core)
        shutil.rmtree(self.work, ignore_errors=True)


def default_threads() -> int:
    from assistant.llm._device import resolve_threads

    return resolve_threads("auto")
