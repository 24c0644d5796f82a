"""Kept so ``assistant.mail.framing.frame_untrusted`` keeps working: the one framing module is
``assistant/framing.py``; import from there in new code."""

from assistant.framing import frame_untrusted, framed_nonce, sanitize_untrusted

__all__ = ["frame_untrusted", "framed_nonce", "sanitize_untrusted"]
