"""Which language an article is written in, when its source does not say."""
from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect

DetectorFactory.seed = 0  # langdetect is random by default; one text must always get one answer


def detect_language(text: str, default: str = "en") -> str:
    try:
        return detect(text[:2000]) if text.strip() else default
    except LangDetectException:
        return default
