"""Reply drafts: the share of usable drafts by Deskmate's own checks (not a copy of the mail,
long enough, does what the intent asks), the pipeline against plain prompting ("Write a reply
to this email." after the mail), on real incoming Enron mails."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import EvalDataError, ModelError
from assistant.eval.data import limited
from assistant.eval.plain import ask_plain
from assistant.eval.spec import EvalContext, EvalTask
from assistant.events import Done
from assistant.tasks.quality import echo_ratio

if TYPE_CHECKING:
    from assistant.mail import IncomingMail

FOLDER = "email/enron_dev"
SYSTEMS = ("plain", "pipeline")
MAX_TOKENS = 200  # for both systems: the Enron mails ask for short answers
PLAIN = {"en": "Write a reply to this email.", "zh": "请回复这封邮件。"}
MAX_MAIL_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Mail:
    name: str
    raw: bytes


@dataclass(frozen=True, slots=True)
class Draft:
    text: str
    usable: bool
    copy_ratio: float


def load(root: Path, limit: int | None) -> list[Mail]:
    folder = root / FOLDER
    if not folder.is_dir():
        raise EvalDataError(
            f"{root} has no {FOLDER}/",
            hint="--data must be laid out like resources/eval (or ../shared/corpus)",
        )
    mails = [Mail(path.name, path.read_bytes()) for path in sorted(folder.glob("*.eml"))]
    return limited(mails, limit, ".eml mails", folder)


def _parsed(mail: Mail) -> IncomingMail:
    from assistant.mail import parse_email

    return parse_email(mail.raw, max_bytes=MAX_MAIL_BYTES)


def plain_reply(ctx: EvalContext, parsed: IncomingMail) -> str:
    text = f"From: {parsed.sender}\nSubject: {parsed.subject}\n\n{parsed.body_text.strip()}"
    prompt = f"{text}\n\n{PLAIN['zh' if parsed.language == 'zh' else 'en']}"
    return ask_plain(ctx, prompt, MAX_TOKENS)


def pipeline_reply(ctx: EvalContext, mail: Mail) -> str:
    """The draft, or "" when the pipeline gave up (it raises rather than hand back a copy).
    The run is trashed so that later mails do not get it as a style example."""
    draft = ""
    try:
        for event in ctx.core.reply(mail.raw, max_tokens=MAX_TOKENS):
            if isinstance(event, Done):
                draft = event.text
                if event.run_id is not None:
                    ctx.core.store.delete_run(event.run_id)
    except ModelError:
        return ""
    return draft.strip()


def usable(parsed: IncomingMail, draft: str) -> bool:
    """What the pipeline itself requires of a draft before handing it out."""
    from assistant.tasks.reply_checks import copied, misses_intent

    return (
        bool(draft) and not copied(parsed, draft) and not misses_intent("", parsed.language, draft)
    )


def run(ctx: EvalContext, system: str, mail: Mail) -> Draft:
    parsed = _parsed(mail)
    draft = plain_reply(ctx, parsed) if system == "plain" else pipeline_reply(ctx, mail)
    source = parsed.newest or parsed.body_text
    return Draft(draft, usable(parsed, draft), echo_ratio(source, draft) if draft else 0.0)


def score(items: Sequence[Mail], outputs: Sequence[Draft]) -> dict[str, float]:
    n = len(outputs)
    return {
        "usable_rate": 100 * sum(d.usable for d in outputs) / n,
        "copy_ratio": sum(d.copy_ratio for d in outputs) / n,
    }


TASK = EvalTask(
    name="reply",
    description="replies to real incoming mails (Enron), usable by Deskmate's own checks",
    systems=SYSTEMS,
    load=load,
    run=run,
    score=score,
    headline="usable_rate",
)
