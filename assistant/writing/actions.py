"""Custom actions: a name, an instruction, optionally a target language and a polish mode.

An action without a mode writes a new text from the selection (extract the to-dos, translate and
polish); an action with a mode is a rewrite that goes through the polish pipeline (protected
tokens, paragraph by paragraph, changes shown to accept or reject) with its instruction added.
Actions are stored in SQLite and exported/imported as a JSON file; an import is checked whole
before anything is written, so a bad file changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.errors import ActionError

FORMAT = "deskmate-actions"
VERSION = 1
MAX_NAME = 40
MAX_INSTRUCTION = 2000
MAX_ACTIONS = 200

# The rewrites polish knows (assistant/tasks/polish_prompts.py has their prompts).
MODES = ("fix", "improve", "formal", "friendly", "concise", "shorter", "longer")


@dataclass(frozen=True, slots=True)
class CustomAction:
    name: str
    instruction: str
    target_language: str = ""  # "" = the language of the text
    mode: str = ""  # "" = a free instruction; a polish mode = a rewrite of the text


DEFAULT_ACTIONS = (
    CustomAction(
        "翻译成英文并润色",
        "把上面的文本翻译成英文，并润色成自然、地道、通顺的英文。",
        target_language="en",
    ),
    CustomAction(
        "Make this a polite reminder",
        "Rewrite the text above as a short, polite reminder to the reader, keeping every date, "
        "time and detail.",
    ),
    CustomAction(
        "提取待办事项",
        "从上面的文本中提取所有待办事项，每项一行，以“- [ ] ”开头；有负责人或截止时间的写在后面。"
        "没有待办事项时只写“无”。",
        target_language="zh",
    ),
    CustomAction(
        "Extract action items",
        "List every action item in the text above, one per line starting with '- [ ] ', with "
        "the owner and the deadline when the text gives them. If there are none, write 'None'.",
        target_language="en",
    ),
)


def check_action(action: CustomAction) -> CustomAction:
    """``action`` with its fields trimmed; ``ActionError`` says what is wrong with it."""
    from assistant.lang import LANGUAGES, normalize_language

    name, instruction = action.name.strip(), action.instruction.strip()
    target = normalize_language(action.target_language) if action.target_language.strip() else ""
    mode = action.mode.strip()
    if not name or len(name) > MAX_NAME:
        raise ActionError(f"an action needs a name of 1 to {MAX_NAME} characters: {name!r}")
    if not instruction and not mode:
        raise ActionError(f"the action {name!r} needs an instruction")
    if len(instruction) > MAX_INSTRUCTION:
        raise ActionError(f"the instruction of {name!r} is longer than {MAX_INSTRUCTION}")
    if target and target not in LANGUAGES:
        raise ActionError(
            f"unknown target language {action.target_language!r} in {name!r}",
            hint="use one of " + ", ".join(LANGUAGES) + " or leave it empty",
        )
    if mode and mode not in MODES:
        raise ActionError(f"unknown mode {mode!r} in {name!r}", hint="use " + ", ".join(MODES))
    if mode and target:
        raise ActionError(
            f"{name!r}: a rewrite (mode {mode}) keeps the language of the text",
            hint="leave the target language empty, or the mode for a free instruction",
        )
    return CustomAction(name, instruction, target, mode)


def export_json(actions: list[CustomAction]) -> str:
    payload = {"format": FORMAT, "version": VERSION, "actions": [asdict(a) for a in actions]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def parse_json(text: str) -> list[CustomAction]:
    """The actions of an exported file; ``ActionError`` for anything malformed."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ActionError(f"not a JSON file: {exc.msg} (line {exc.lineno})") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ActionError("not a Deskmate actions file", hint=f'it has no "format": "{FORMAT}"')
    if payload.get("version") != VERSION:
        raise ActionError(f"unsupported actions file version {payload.get('version')!r}")
    items = payload.get("actions")
    if not isinstance(items, list) or len(items) > MAX_ACTIONS:
        raise ActionError(f'"actions" must be a list of at most {MAX_ACTIONS} actions')
    actions = [_item(i, item) for i, item in enumerate(items, 1)]
    names = [a.name.casefold() for a in actions]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ActionError(f"the file names an action twice: {', '.join(duplicates)}")
    return actions


def _item(number: int, item: Any) -> CustomAction:
    fields = ("name", "instruction", "target_language", "mode")
    if not isinstance(item, dict) or not all(isinstance(item.get(f, ""), str) for f in fields):
        raise ActionError(f"action {number}: an object of text fields {', '.join(fields)}")
    unknown = set(item) - set(fields)
    if unknown:
        raise ActionError(f"action {number}: unknown field(s) {', '.join(sorted(unknown))}")
    try:
        return check_action(CustomAction(**{f: item.get(f, "") for f in fields}))
    except ActionError as exc:
        raise ActionError(f"action {number}: {exc.message}", hint=exc.hint) from exc


def read_file(path: Path) -> list[CustomAction]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ActionError(f"cannot read {path}: {exc}") from exc
    return parse_json(text)
