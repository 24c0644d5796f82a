"""The reply task's attempts on a scripted model: the last one is a bare prompt; a draft that
is no copy but misses the intent is handed back with a warning rather than no draft at all;
only drafts that all repeat the mail give the typed error."""

from __future__ import annotations

from email import message_from_string
from email.policy import default
from pathlib import Path

import pytest

from assistant.errors import ModelError
from assistant.mail.draft import CHECK_HEADER
from assistant.task_events import Done, Status, TaskEvent
from assistant.tasks.reply import ATTEMPTS, MISSED, ReplyOptions, reply
from tests.assistant.docqa.test_ask_steps import ScriptedEngine
from tests.assistant.tasks.test_reply import EN_BODY, _mail


def _run(data_dir: Path, engine: ScriptedEngine, intent: str) -> list[TaskEvent]:
    from assistant.core import Core

    core = Core(data_dir)
    setattr(core, "engine", lambda: engine)  # noqa: B010 (a scripted engine, not the model)
    raw = _mail("Anna Berg <anna@example.com>", "Dinner", EN_BODY, "<d@example.com>")
    try:
        return list(reply(core, raw, ReplyOptions(intent=intent)))
    finally:
        core.close()


def test_a_draft_that_misses_the_intent_comes_with_a_warning(data_dir: Path) -> None:
    no_question = "I will gladly join you for dinner on Friday at the Italian place."
    engine = ScriptedEngine(*[no_question] * ATTEMPTS)  # "ask" wants a question
    events = _run(data_dir, engine, "ask")
    done = [e for e in events if isinstance(e, Done)][-1]
    assert no_question in done.text and "Anna" in done.text.splitlines()[0]  # greeted in code
    assert MISSED in [e.text for e in events if isinstance(e, Status)]
    assert done.data["missed"] is True  # shown by the page after "Done."
    eml = message_from_string(str(done.data["eml"]), policy=default)
    assert eml[CHECK_HEADER].strip() == MISSED  # flagged when saved to Drafts
    assert len(engine.prompts) == ATTEMPTS
    # The last attempt is the bare prompt: the rules and the mail, no worked example.
    assert [m["role"] for m in engine.prompts[-1]] == ["system", "user"]
    assert len(engine.prompts[0]) > 2


def test_after_a_missed_intent_the_next_task_restates_it(data_dir: Path) -> None:
    said_yes = "I will gladly join you for dinner on Friday at the Italian place."
    said_no = "Unfortunately I can't join you for dinner on Friday, I am away that week."
    engine = ScriptedEngine(said_yes, said_no)  # "decline" wants a refusal
    done = _run(data_dir, engine, "decline")[-1]
    assert isinstance(done, Done) and said_no in done.text and len(engine.prompts) == 2
    first, second = (p[-1]["content"] for p in engine.prompts)
    assert "must clearly say no" not in first and "must clearly say no" in second
    assert "Do not repeat the mail's question" not in second  # it was no copy


def test_a_good_draft_ends_the_attempts_without_a_warning(data_dir: Path) -> None:
    engine = ScriptedEngine("Which wine should I bring to the dinner on Friday?")
    events = _run(data_dir, engine, "ask")
    assert isinstance(events[-1], Done) and len(engine.prompts) == 1
    assert events[-1].data["missed"] is False and CHECK_HEADER not in str(events[-1].data["eml"])
    assert MISSED not in [e.text for e in events if isinstance(e, Status)]


def test_only_copies_of_the_mail_give_the_typed_error(data_dir: Path) -> None:
    copy = (
        "Would you like to join us for dinner on Friday at 7pm at the Italian place on Main Street?"
    )
    with pytest.raises(ModelError, match="did not write a usable draft"):
        _run(data_dir, ScriptedEngine(*[copy] * ATTEMPTS), "accept")


def test_the_model_refusing_the_task_is_never_a_draft(data_dir: Path) -> None:
    refusal = "I'm sorry, but I can't assist with that request for dinner."
    with pytest.raises(ModelError, match="did not write a usable draft"):
        _run(data_dir, ScriptedEngine(*[refusal] * ATTEMPTS), "decline")
