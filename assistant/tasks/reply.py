"""Draft a reply to an email: in the mail's language, with the user's intent, tone and
signature, written as the user (the identity the mail was sent to) to the sender. The model
writes the body only; the greeting, sign-off and headers are set in code. The incoming mail is
untrusted data (framed, never obeyed). Deskmate never sends mail: the result is a draft text
and a .eml draft, stored with the run."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import ModelError, UserError
from assistant.llm.params import GenParams
from assistant.task_events import Done, Progress, Status, TaskEvent
from assistant.tasks.chat import chat_answer
from assistant.tasks.injection_guard import drop_injected
from assistant.tasks.recording import recorded
from assistant.tasks.reply_checks import (
    about_mail,
    clean_reply,
    copied,
    copied_sentences,
    misses_intent,
    refuses_task,
    without_copies,
)
from assistant.tasks.reply_frame import framed_draft, greeting, signoff
from assistant.tasks.reply_prompts import mail_text, reply_messages
from assistant.tasks.reply_style import find_style_examples, worn_sentences
from assistant.tasks.reply_trim import body_of, drop_sentences, sentence_keys

if TYPE_CHECKING:
    from assistant.host import TaskHost
    from assistant.mail import IncomingMail
    from assistant.mail.identity import Identity

ATTEMPTS = 4  # drafts written before giving up (a copy is short, so a retry is cheap)
# The last draft gets a bare prompt (no worked example, style examples or quoted history): on
# the 1.5B model, 7 of 50 mails got no usable draft from three prompts with that context.
TEMPERATURES = (0.2, 0.6, 0.8, 0.5)
# Shown with a draft that is no copy but missed the intent or the mail in every attempt: the
# greeting, sign-off and headers are right, and the user edits one sentence instead of none.
MISSED = "check this draft: it may not do what you asked, or not answer this mail"
NO_IDENTITY = (
    "who you are is not set: the draft has no From and is signed without a name "
    "(deskmate settings set identity.name / identity.addresses, or Settings > Mail)"
)


@dataclass(frozen=True, slots=True)
class ReplyOptions:
    intent: str = ""  # accept | decline | ask | free text; empty = a helpful reply
    tone: str = ""  # formal | friendly | brief; empty = setting
    max_tokens: int | None = None
    identities: tuple[Identity, ...] = ()  # of the mail's account; else the Settings identity


def draft_identity(core: TaskHost, mail: IncomingMail, options: ReplyOptions) -> Identity | None:
    """The identity the mail was sent to (account identities, then Settings), else the
    account's own, else the Settings one; None when the user has not said who they are."""
    from assistant.mail.identity import choose_identity, identity_from_settings

    default = identity_from_settings(core.settings)
    candidates = [*options.identities, *([default] if default else [])]
    # A mail that reached the account under another address is still answered from the account.
    fallback = options.identities[0] if options.identities else default
    return choose_identity(mail, candidates, fallback)


def reply(core: TaskHost, source: Path | bytes, options: ReplyOptions) -> Iterator[TaskEvent]:
    from assistant.mail import build_reply_eml, parse_email
    from assistant.mail.reply_examples import example

    yield Status("reading the mail")
    mail = parse_email(source, max_bytes=core.settings.max_file_bytes())
    if not mail.from_addr:
        raise UserError("the mail has no sender to reply to")
    tone = options.tone or core.settings.get_str("reply_tone")
    identity = draft_identity(core, mail, options)
    if identity is None:
        yield Status(NO_IDENTITY)
    user_name = identity.name if identity else ""
    text = mail_text(mail)
    engine = core.engine()

    def body() -> Iterator[TaskEvent]:
        examples = find_style_examples(core, text, mail.language or "en", options.intent)
        # Sentences of the user's worn-out drafts, and of the worked example (the model
        # copies its generic reply: "Unfortunately I can't make it that day...").
        worn = worn_sentences(core) | sentence_keys(example(mail.language, options.intent)[1])
        budget = options.max_tokens or min(400, core.settings.get_int("max_output_tokens"))
        fallback = ""  # a draft whose only fault was a copied (now removed) or stock sentence
        loose = ""  # else the first one that is no copy but missed the intent or the mail
        missed = False
        retry = ""  # why the draft before failed: "copy" or "intent" (a hint for the next)
        for attempt in range(ATTEMPTS):
            messages = reply_messages(
                mail,
                intent=options.intent,
                tone=tone,
                user_name=user_name,
                examples=examples,
                retry=retry,
                user_addr=identity.address if identity else "",
                bare=attempt == ATTEMPTS - 1,
            )
            temperature = TEMPERATURES[attempt]
            params = GenParams(max_tokens=budget, temperature=temperature, seed=attempt)
            # The first draft streams; a retry shows only progress until it passed the checks.
            quiet = None if attempt == 0 else Progress(attempt, ATTEMPTS, "writing the draft again")
            raw = yield from chat_answer(engine, messages, params, progress=quiet)
            draft = drop_sentences(body_of(clean_reply(raw, user_name)), worn)
            # Last line of defence: lines carrying what an instruction in the mail asked for.
            draft = drop_injected(draft, f"{mail.subject}\n{mail.body_text}")[0].strip()
            off_intent = misses_intent(options.intent, mail.language, draft)
            wrong = off_intent or not about_mail(mail, draft)  # a stock reply fits any mail
            copy = not draft or copied(mail, draft)
            retry = "intent" if off_intent and not refuses_task(draft) else "copy" if copy else ""
            if not copy:
                keys = sentence_keys(draft)
                stale = bool(keys) and keys <= worn  # nothing but stock or the example's words
                if not wrong and not copied_sentences(mail, draft) and not stale:
                    break
                trimmed = without_copies(mail, draft)
                if not copied(mail, trimmed):
                    fallback = fallback or ("" if wrong else trimmed)
                    loose = loose or ("" if stale or refuses_task(draft) else trimmed)
            yield Status("the draft repeated its input or missed the intent; writing it again")
        else:  # never hand back a copy of the mail (or an empty draft) as the reply
            if not (fallback or loose):
                raise ModelError(
                    "the model did not write a usable draft for this mail "
                    "(every draft repeated the mail, or the model would not write one)",
                    hint="try again with an intent (--intent accept|decline|ask) or a larger model",
                )
            draft, missed = fallback or loose, not fallback
            if missed:  # a draft to edit beats none, but the user must know
                yield Status(MISSED)
        language = mail.language or "en"
        draft = framed_draft(greeting(mail, tone), draft, signoff(identity, language))
        eml = build_reply_eml(
            mail,
            draft,
            from_addr=identity.address if identity else "",
            from_name=user_name,
            signature=core.settings.get_str("signature"),
            check=MISSED if missed else "",
        )
        to = mail.reply_to[0] if mail.reply_to else mail.sender
        yield Done(
            text=draft,
            data={
                "eml": eml.decode("ascii"),
                "to": to.addr,
                "to_name": to.name,
                "from": identity.address if identity else "",
                "from_name": user_name,
                "subject": mail.subject,
                "language": mail.language,
                "message_id": mail.message_id,
                "examples": len(examples),
                "missed": missed,  # the warned draft below (the page shows it after "Done.")
            },
        )

    yield from recorded(
        core.store,
        "reply",
        body,
        input_text=text,
        input_path=str(source) if isinstance(source, Path) else None,
        input_sha256=mail.sha256,
        model=engine.model_name(),
        params={"intent": options.intent, "tone": tone},
    )
