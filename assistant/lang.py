"""Offline language detection (lingua), restricted to the languages Deskmate serves."""

from __future__ import annotations

import functools
import threading
from typing import Any

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
_LOCK = threading.Lock()


@functools.cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [
        Language.ENGLISH,
        Language.CHINESE,
        Language.JAPANESE,
        Language.KOREAN,
        Language.FRENCH,
        Language.GERMAN,
        Language.SPANISH,
    ]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str, default: str = "en") -> str:
    """ISO code of the main language of ``text`` (first 4,000 characters), or ``default``."""
    sample = text[:4000].strip()
    if not sample:
        return default
    # CJK ideographs with no kana/hangul: Chinese, cheaply and reliably.
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    kana = sum(1 for ch in sample if "\u3040" <= ch <= "\u30ff")
    hangul = sum(1 for ch in sample if "\uac00" <= ch <= "\ud7af")
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    if han / letters > 0.3 and kana == 0 and hangul == 0:
        return "zh"
    with _LOCK:
        language = _detector().detect_language_of(sample)
    if language is None:
        return default
    code = str(language.iso_code_639_1.name).lower()
    return code if code in LANGUAGES else default


def language_name(code: str) -> str:
    """English name of ``code`` for prompts ("Simplified Chinese"); unknown codes pass through."""
    base = code.split("-")[0].split("_")[0].lower()
    return LANGUAGES.get(base, (code, code))[0]


def normalize_language(code: str) -> str:
    """'zh-CN' / 'zh_Hans' / 'ZH' -> 'zh'."""
    return code.split("-")[0].split("_")[0].lower()
