"""``deskmate eval --task reply``: reply drafts written as the user, to the sender, about the mail.

Items are real incoming mails (``email/enron_dev/`` of the shared corpus, and the Chinese
development mails of ``reply_zh/``), each answered as its recipient: the identity is the mail's
To header (name and address). Intents cycle accept / decline / ask over the sorted files.
Systems: ``plain`` (one framed prompt to the same model, its answer used as the draft) and
``pipeline`` (the reply task). The headline is the share of usable drafts: all five checks of
:mod:`assistant.eval.reply_metrics` pass and no sentence is stock filler of the set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import DeskmateError, EvalDataError
from assistant.eval.reply_metrics import (
    distinct,
    from_is_user,
    greets_sender,
    meets_intent,
    rates,
    signed_by_user,
)
from assistant.eval.spec import EvalContext, EvalTask
from assistant.task_events import Done

if TYPE_CHECKING:
    from assistant.mail import IncomingMail
    from assistant.mail.identity import Identity

FOLDERS = ("email/enron_dev", "reply_zh", "eval/reply_zh")
INTENTS = ("accept", "decline", "ask")
MAX_TOKENS = 160


@dataclass(frozen=True)
class ReplyItem:
    key: str  # file name
    raw: bytes
    mail: IncomingMail
    identity: Identity | None  # the mail's recipient
    intent: str


@dataclass(frozen=True)
class ReplyOutput:
    draft: str  # "" when the system wrote no draft
    eml: str
    error: str = ""


def _recipient(mail: IncomingMail) -> Identity | None:
    from assistant.mail.identity import Identity
    from assistant.tasks.reply_frame import readable_name

    if not mail.to or "@" not in mail.to[0].addr:
        return None
    first = mail.to[0]
    return Identity(name=readable_name(first.name, first.addr), addresses=(first.addr.lower(),))


def _files(root: Path) -> list[Path]:
    folders = [root / f for f in FOLDERS if (root / f).is_dir()] or [root]
    return [p for folder in folders for p in sorted(folder.glob("*.eml"))]


def load(root: Path, limit: int | None) -> Sequence[ReplyItem]:
    from assistant.mail import parse_email

    files = _files(root)
    if not files:
        raise EvalDataError(
            f"no mails (.eml) under {root}",
            hint="give the shared corpus root (with email/enron_dev/) or a folder of .eml files",
        )
    if limit is not None:  # both languages in a bounded run: alternate between the folders
        by_folder: dict[Path, list[Path]] = {}
        for path in files:
            by_folder.setdefault(path.parent, []).append(path)
        mixed = [p for group in zip(*by_folder.values(), strict=False) for p in group]
        rest = [p for p in files if p not in mixed]
        files = (mixed + rest)[:limit]
    items = []
    for index, path in enumerate(files):
        raw = path.read_bytes()
        mail = parse_email(raw)
        items.append(ReplyItem(path.name, raw, mail, _recipient(mail), INTENTS[index % 3]))
    return items


def _plain(context: EvalContext, item: ReplyItem) -> str:
    """The baseline: the mail framed, one instruction, the model's answer as the draft."""
    from assistant.framing import frame_untrusted
    from assistant.llm.params import GenParams
    from assistant.tasks.reply_prompts import INTENTS as WANT

    who = str(item.identity.name if item.identity else "the recipient")
    mail = item.mail
    text = f"From: {mail.sender}\nSubject: {mail.subject}\n\n{mail.body_text}"
    prompt = (
        f"{frame_untrusted(text, 'mail')}\n\nWrite {who}'s reply to this email. "
        f"The reply should {WANT[item.intent]}."
    )
    params = GenParams(max_tokens=MAX_TOKENS, temperature=0.2, seed=context.seed)
    for event in context.core.engine().chat([{"role": "user", "content": prompt}], params):
        if isinstance(event, Done):
            return event.text.strip()
    return ""


def run(context: EvalContext, system: str, item: ReplyItem) -> ReplyOutput:
    from assistant.mail import build_reply_eml
    from assistant.tasks.reply import ReplyOptions, reply

    identity = item.identity
    if system == "plain":
        draft = _plain(context, item)
        eml = build_reply_eml(
            item.mail,
            draft or "(empty)",
            from_addr=identity.address if identity else "",
            from_name=identity.name if identity else "",
        )
        return ReplyOutput(draft, eml.decode("ascii"))
    options = ReplyOptions(
        intent=item.intent, max_tokens=MAX_TOKENS, identities=(identity,) if identity else ()
    )
    try:
        done = [e for e in reply(context.core, item.raw, options) if isinstance(e, Done)][-1]
    except DeskmateError as exc:  # no usable draft: every check fails for this item
        return ReplyOutput("", "", exc.user_text())
    return ReplyOutput(done.text, str(done.data["eml"]))


def score(items: Sequence[ReplyItem], outputs: Sequence[ReplyOutput]) -> dict[str, float]:
    from assistant.tasks.reply_checks import copied_sentences

    checks_lists: dict[str, list[bool]] = {
        k: [] for k in ("greeting", "signoff", "from", "no_copy", "intent")
    }
    for item, out in zip(items, outputs, strict=True):
        ok = bool(out.draft.strip())
        checks_lists["greeting"].append(ok and greets_sender(item.mail, out.draft))
        checks_lists["signoff"].append(ok and signed_by_user(item.mail, out.draft, item.identity))
        checks_lists["from"].append(ok and from_is_user(out.eml, item.identity))
        checks_lists["no_copy"].append(ok and not copied_sentences(item.mail, out.draft))
        checks_lists["intent"].append(ok and meets_intent(item.mail, item.intent, out.draft))
    unique = distinct([(i.key, o.draft) for i, o in zip(items, outputs, strict=True)])
    usable = [all(flags) for flags in zip(*checks_lists.values(), unique, strict=True)]
    return {
        "greeting_names_sender": rates(checks_lists["greeting"]),
        "signoff_is_user": rates(checks_lists["signoff"]),
        "from_is_user": rates(checks_lists["from"]),
        "no_copied_sentence": rates(checks_lists["no_copy"]),
        "intent_met": rates(checks_lists["intent"]),
        "distinct_drafts": rates(unique),
        "usable": rates(usable),
    }


TASK = EvalTask(
    name="reply",
    description="reply drafts as the recipient: greeting, sign-off, From, no copy, intent",
    systems=("plain", "pipeline"),
    load=load,
    run=run,
    score=score,
    headline="usable",
)
