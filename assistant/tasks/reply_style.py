"""The user's earlier replies as examples of their style for a new reply draft.

The most similar stored replies (embeddings of the mails they answered) in the language of the
new mail and with the same intent are shown to the model as earlier exchanges: the earlier mail,
the task with that reply's own intent and tone, and the reply. Measured on the 0.5B model (19
mails x 3 seeds): as worked exchanges 55/57 drafts were usable; the same replies listed in the
system prompt made the model repeat the mail (10/57, 37/57 without any example). A small model
copies the last reply it was shown, so a reply of another intent (an acceptance shown before a
decline) is never an example: it would turn the decline into an acceptance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.errors import DeskmateError
from assistant.models.catalog import E5_EMBEDDING

if TYPE_CHECKING:
    from assistant.host import TaskHost

STYLE_CHARS = 400  # of each earlier reply shown
MAIL_CHARS = 600  # of the earlier mail shown
# The mails' cosine for an earlier reply to count. e5 puts any two mails close (unrelated ones
# at 0.77-0.84, the same request in other words at 0.88-0.94); MiniLM spreads them out.
STYLE_SIMILARITY = {E5_EMBEDDING: 0.86}
OTHER_MODELS_SIMILARITY = 0.4
PAST_REPLIES = 100  # most recent stored replies considered


@dataclass(frozen=True, slots=True)
class StyleExample:
    mail: str  # the earlier mail as stored (From, Subject, newest message)
    reply: str  # the stored draft
    intent: str
    tone: str


def intent_kind(intent: str) -> str:
    """Replies of one kind: no intent answers yes where it can, like 'accept'."""
    intent = intent.strip().lower()
    return "accept" if intent in ("", "accept") else intent


def find_style_examples(
    core: TaskHost, mail_text: str, language: str, intent: str, limit: int = 2
) -> list[StyleExample]:
    """Earlier done replies to the most similar mails, same language and intent, best first."""
    from assistant.lang import detect_language

    past = [r for r in core.store.list_runs(limit=PAST_REPLIES, task="reply")]
    past = [r for r in past if r["status"] == "done" and r.get("input_text") and r.get("output")]
    past = [r for r in past if intent_kind(_param(r, "intent")) == intent_kind(intent)]
    if not past:
        return []
    import numpy as np

    try:
        embedder = core.embedder()
        vectors = embedder.encode([mail_text] + [str(r["input_text"]) for r in past])
    except DeskmateError:  # no embedding model: draft without style examples
        return []
    floor = STYLE_SIMILARITY.get(embedder.model, OTHER_MODELS_SIMILARITY)
    scores = vectors[1:] @ vectors[0]
    found: list[StyleExample] = []
    for i in np.argsort(-scores):
        if scores[i] <= floor or len(found) == limit:
            break
        run = past[i]
        data = run.get("data")
        stored = data.get("language") if isinstance(data, dict) else None
        if (stored or detect_language(str(run["input_text"]))) != language:
            continue  # a small model shown an English reply drifts from a Chinese draft
        found.append(
            StyleExample(
                mail=str(run["input_text"])[:MAIL_CHARS],
                reply=str(run["output"]).strip()[:STYLE_CHARS],
                intent=_param(run, "intent"),
                tone=_param(run, "tone"),
            )
        )
    return found


def _param(run: dict[str, Any], key: str) -> str:
    params = run.get("params")
    value = params.get(key) if isinstance(params, dict) else None
    return value if isinstance(value, str) else ""


WORN_DRAFTS = 2  # a sentence in this many earlier drafts to different mails is worn out
WORN_RECENT = 60  # most recent stored drafts looked at


def worn_sentences(core: TaskHost) -> frozenset[str]:
    """Sentences (keys of :func:`assistant.tasks.reply_trim.sentence_key`) of the user's recent
    drafts that already answered several different mails: stock filler, left out of a new
    draft (it makes every reply alike and answers nothing in particular)."""
    from assistant.tasks.reply_trim import sentence_keys

    seen: dict[str, set[str]] = {}
    for run in core.store.list_runs(limit=WORN_RECENT, task="reply"):
        if run["status"] != "done" or not run.get("output"):
            continue
        mail = str(run.get("input_sha256") or run["id"])
        for key in sentence_keys(str(run["output"])):
            seen.setdefault(key, set()).add(mail)
    return frozenset(k for k, mails in seen.items() if len(mails) >= WORN_DRAFTS)
