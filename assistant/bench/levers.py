"""Engine levers the PDF figures can be measured with (issue 18): each off unless asked for.

A lever is an engine setting; ``Levers`` checks the values against the setting's own bounds when
built (a bad ``--pdf-n-batch`` is a ``SettingError`` before anything runs) and applies them to a
bench core's settings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.settings.keys import SettingKey

if TYPE_CHECKING:
    from assistant.core import Core


@dataclass(frozen=True)
class Levers:
    n_ctx: int | None = None  # a bigger context: fewer, larger sections
    n_batch: int | None = None  # prompt tokens a llama.cpp call
    n_ubatch: int | None = None  # prompt tokens computed at once inside a call
    prompt_lookup: bool = False  # prompt-lookup decoding (drafts copied from the prompt)

    def __post_init__(self) -> None:
        from assistant.settings.schema import SCHEMA
        from assistant.settings.values import coerce

        by_key = {s.key: s for s in SCHEMA}
        for key, value in self.settings().items():
            coerce(by_key[key], value)

    def settings(self) -> dict[SettingKey, int | bool]:
        """The settings these levers change (those left at the default are absent)."""
        chosen: dict[SettingKey, int | bool | None] = {
            "n_ctx": self.n_ctx,
            "n_batch": self.n_batch,
            "n_ubatch": self.n_ubatch,
            "prompt_lookup": self.prompt_lookup or None,
        }
        return {key: value for key, value in chosen.items() if value is not None}

    def apply(self, core: Core) -> None:
        for key, value in self.settings().items():
            core.settings.set(key, value)


NO_LEVERS = Levers()  # the engine's defaults


def at_app_context(levers: Levers) -> Levers:
    """``levers`` at the app's own context size unless they name one: the default model's PDF
    figure is what a user gets (sections as large as that context allows, the first one small),
    not the bench's small context of the 0.5B figures (issue 18: 421 s against 562 s at 2048)."""
    if levers.n_ctx is not None:
        return levers
    from assistant.settings.schema import by_key

    default = by_key("n_ctx").default
    assert isinstance(default, int)
    return replace(levers, n_ctx=default)
