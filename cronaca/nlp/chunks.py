"""Long articles: parse them in pieces the NLP library accepts, as one Doc over the whole text.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its trained
components cost memory in proportion to the longest text of a batch.  A text over
:data:`CHUNK_CHARS` is cut into pieces of at most that many characters, each ending at a
paragraph break when there is one, else at a sentence end, else at a space (a piece with
none of these is cut at the limit).  The pieces are contiguous and cover the whole text, so
the parsed pieces joined with ``Doc.from_docs`` give one Doc whose text is the article's and
whose character offsets index into it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# a text longer than this is parsed in pieces (cost and memory stay linear in its length)
CHUNK_CHARS = 100_000

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?…][»”\"')\]]?[ \t]+(?=[«“\"(\[]?[A-ZÀ-Þ0-9])")
_SPACE = re.compile(r"\s+")


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text``, contiguous, covering it, each at most ``size`` characters."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, not {size}")
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > size:
        end = _cut(text, start, start + size)
        bounds.append((start, end))
        start = end
    if start < n or not bounds:
        bounds.append((start, n))
    return bounds


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start``: after the last paragraph break, else line
    break, else sentence end, else space in the second half of ``[start, limit)``; else ``limit``."""
    floor = start + (limit - start) // 2
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        last = None
        for m in pattern.finditer(text, floor, limit):
            last = m
        if last is not None and last.end() > start:
            return last.end()
    return limit


def parse_text(nlp: Language, text: str, size: int = CHUNK_CHARS) -> Doc:
    """``nlp(text)``, in pieces when the text is over ``size`` characters (see module docstring)."""
    if len(text) <= size:
        return nlp(text)
    pieces = [text[a:b] for a, b in chunk_bounds(text, size)]
    # (spaCy's stub of from_docs lacks the `exclude` keyword its code takes)
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False,
                        exclude=("tensor",))  # type: ignore[call-arg]
    if doc is None or doc.text != text:  # from_docs keeps every character; this guards the offsets
        raise RuntimeError("the parsed pieces of a long text do not join back into the text")
    return doc

