"""Language identification (ISO 639-1) with lingua, restricted to Italian and its neighbours.

Restricting the candidate languages keeps short texts from being labelled with a distant
language that happens to share a few words.  Texts of a paragraph or more use lingua's
low-accuracy mode (trigrams only: fast to load, as accurate on long texts); short ones use
the full models, built on first need.  When the top two languages are too close to call,
the answer is ``None`` (the pipeline then treats the article as Italian).
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The languages cronaca tells apart: the one it analyses and those news in Italy quote most.
CANDIDATES: tuple[Language, ...] = (
    Language.ITALIAN, Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH,
    Language.PORTUGUESE, Language.ROMANIAN, Language.CATALAN, Language.DUTCH, Language.SLOVENE,
)
SAMPLE_CHARS = 2000  # enough text to decide; the rest only costs time
LONG_TEXT_CHARS = 120  # from here on the low-accuracy mode is as good as the full one
MIN_LETTERS = 3
MIN_RELATIVE_DISTANCE = 0.05


@lru_cache(maxsize=2)
def _detector(low_accuracy: bool) -> LanguageDetector:
    builder = LanguageDetectorBuilder.from_languages(*CANDIDATES).with_minimum_relative_distance(
        MIN_RELATIVE_DISTANCE)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``, or None when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    found = _detector(len(sample.strip()) >= LONG_TEXT_CHARS).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None
