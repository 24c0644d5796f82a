"""Offline language detection (lingua), restricted to the languages Deskmate serves."""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING

from assistant import cjk
from assistant.lingua_detect import lingua_code

if TYPE_CHECKING:
    from assistant.lang_process import DetectorProcess

log = logging.getLogger(__name__)

# ISO 639-1 code -> English name used in prompts, and the native name shown to people.
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "English"),
    "zh": ("Simplified Chinese", "简体中文"),
    "ja": ("Japanese", "日本語"),
    "ko": ("Korean", "한국어"),
    "fr": ("French", "Français"),
    "de": ("German", "Deutsch"),
    "es": ("Spanish", "Español"),
}
_HELPER: DetectorProcess | None = None
_HELPER_LOCK = threading.Lock()


def detect_language(text: str, default: str = "en") -> str:
    """ISO code of the main language of ``text`` (first 4,000 characters), or ``default``."""
    sample = text[:4000].strip()
    if not sample:
        return default
    # CJK ideographs with no kana/hangul: Chinese, cheaply and reliably.
    han = len(re.findall(f"[{cjk.HAN}]", sample))
    kana = len(re.findall(f"[{cjk.KANA}]", sample))
    hangul = len(re.findall(f"[{cjk.HANGUL}]", sample))
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    if han / letters > 0.3 and kana == 0 and hangul == 0:
        return "zh"
    helper = _HELPER
    code = lingua_code(sample) if helper is None else _helper_code(helper, sample)
    return code if code in LANGUAGES else default


def _helper_code(helper: DetectorProcess, sample: str) -> str | None:
    """The helper's answer; if it is gone, it is dropped and this process answers."""
    global _HELPER
    from assistant.lang_process import DetectorGone

    try:
        return helper.detect(sample)
    except DetectorGone as exc:
        log.warning("language helper process gone (%s): detecting in this process", exc)
        with _HELPER_LOCK:
            if _HELPER is helper:
                _HELPER = None
        return lingua_code(sample)


def use_detector_process() -> DetectorProcess | None:
    """Detect languages in a helper process from now on (idempotent), so that lingua's model
    load never holds this process's GIL; the window calls it at start. None if it cannot start
    (detection then stays in this process)."""
    global _HELPER
    from assistant.lang_process import DetectorProcess

    with _HELPER_LOCK:
        if _HELPER is None:
            try:
                _HELPER = DetectorProcess()
            except (OSError, RuntimeError) as exc:
                log.warning("language helper process did not start (%s)", exc)
        return _HELPER


def stop_detector_process() -> None:
    """Stop the helper process, if any; detection goes back to this process."""
    global _HELPER
    with _HELPER_LOCK:
        helper, _HELPER = _HELPER, None
    if helper is not None:
        helper.close(timeout=0.3)


def language_name(code: str) -> str:
    """English name of ``code`` for prompts ("Simplified Chinese"); unknown codes pass through."""
    base = code.split("-")[0].split("_")[0].lower()
    return LANGUAGES.get(base, (code, code))[0]


def normalize_language(code: str) -> str:
    """'zh-CN' / 'zh_Hans' / 'ZH' -> 'zh'."""
    return code.split("-")[0].split("_")[0].lower()
