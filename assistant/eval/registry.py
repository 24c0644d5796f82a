"""The eval tasks ``deskmate eval --task NAME`` knows.

A task module (``assistant/eval/<name>_eval.py``) exposes ``TASK`` (one ``EvalTask``) or
``TASKS`` (several, e.g. one per language or direction). ``--task`` takes a task's name, a
group (the part of the name before the first "-": ``translate`` runs ``translate-en-zh`` and
``translate-zh-en``) or ``all``.
"""

from __future__ import annotations

import importlib

from assistant.errors import UserError
from assistant.eval.spec import EvalTask

MODULES = (
    "translate_eval",
    "summarize_eval",
    "dates_eval",
    "date_specs_eval",
    "reply_eval",
    "retrieval_eval",
    "ask_eval",
    "polish_eval",
)


# --task values named after the app's tasks whose eval has another name: Schedule's quality is
# its date resolver (the dates-* and date-specs tasks).
ALIASES = {"schedule": ("dates", "date")}


def all_tasks() -> tuple[EvalTask, ...]:
    found: list[EvalTask] = []
    for name in MODULES:
        module = importlib.import_module(f"assistant.eval.{name}")
        tasks = getattr(module, "TASKS", None) or (module.TASK,)
        found.extend(tasks)
    return tuple(found)


def group(task: EvalTask) -> str:
    return task.name.split("-", 1)[0]


def names() -> list[str]:
    """Every accepted --task value: groups first, then single tasks, then ``all``."""
    tasks = all_tasks()
    groups = sorted({group(t) for t in tasks})
    singles = [t.name for t in tasks if t.name not in groups]
    return [*groups, *ALIASES, *singles, "all"]


def select(name: str) -> tuple[EvalTask, ...]:
    """The tasks a --task value names; ``UserError`` listing the choices for an unknown one."""
    tasks = all_tasks()
    if name == "all":
        return tasks
    wanted = ALIASES.get(name, (name,))
    chosen = tuple(t for t in tasks if t.name in wanted or group(t) in wanted)
    if not chosen:
        raise UserError(f"unknown eval task {name!r}", hint=f"choose among: {', '.join(names())}")
    return chosen
