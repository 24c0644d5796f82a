"""lingua in this process: the detector restricted to the languages Deskmate serves.

A leaf: :mod:`assistant.lang` calls it when no helper process runs, and the helper process
(:mod:`assistant.lang_process`) calls it to answer, so neither of those imports the other.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

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


def lingua_code(sample: str) -> str | None:
    """lingua's ISO 639-1 code for ``sample`` in this process (None: no answer)."""
    with _LOCK:
        language = _detector().detect_language_of(sample)
    return None if language is None else str(language.iso_code_639_1.name).lower()
