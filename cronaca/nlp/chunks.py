"""Long articles: parse them in pieces the NLP library accepts, as one Doc over the whole text.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its trained
components cost memory in proportion to the longest text of a batch.  A text over
:data:`CHUNK_CHARS` is cut into pieces of at most that many characters, each ending at a
paragraph break when there is one, else at a sentence end, else at a space (a piece with
none of these is cut at the limit); a run of more than :data:`MAX_WORD` characters without a
space is cut too, as spaCy's tokenizer takes time quadratic in the length of such a run.  The pieces are contiguous and cover the whole text, so
the parsed pieces joined with ``Doc.from_docs`` give one Doc whose text is the article's and
whose character offsets index into it.
"""

from __future__ import annotations

import itertools
import re

import numpy
from spacy.language import Language
from spacy.tokens import Doc

# a text longer than this is parsed in pieces (cost and memory stay linear in its length)
CHUNK_CHARS = 100_000
# a run of characters with no space longer than this is cut into pieces of this length: spaCy's
# tokenizer splits such a run one prefix at a time, in time quadratic in its length ("\"" * 50,000)
MAX_WORD = 1_000

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?…][»”\"')\]]?[ \t]+(?=[«“\"(\[]?[A-ZÀ-Þ0-9])")
_SPACE = re.compile(r"\s+")
_NONSPACE = re.compile(r"\S+")


def needs_pieces(text: str, size: int = CHUNK_CHARS, max_word: int = MAX_WORD) -> bool:
    """Whether ``text`` is parsed in pieces: longer than ``size``, or with a run of more than
    ``max_word`` characters without a space."""
    return len(text) > size or any(m.end() - m.start() > max_word for m in _NONSPACE.finditer(text))


def chunk_bounds(text: str, size: int = CHUNK_CHARS, max_word: int = MAX_WORD) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text``, contiguous, covering it, each at most ``size`` characters
    and none holding more than ``max_word`` characters without a space."""
    if size < 1 or max_word < 1:
        raise ValueError(f"chunk size and longest word must be at least 1, not {size} and {max_word}")
    return [piece for a, b in _pieces(text, size) for piece in _cut_runs(text, a, b, max_word)]


def _cut_runs(text: str, start: int, end: int, max_word: int) -> list[tuple[int, int]]:
    cuts = [start]
    for m in _NONSPACE.finditer(text, start, end):
        if m.end() - m.start() > max_word:
            cuts.extend(range(m.start() + max_word, m.end(), max_word))
    cuts.append(end)
    return list(itertools.pairwise(cuts))


def _pieces(text: str, size: int) -> list[tuple[int, int]]:
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
    """``nlp(text)``, in pieces when the text is over ``size`` characters or holds a run of more
    than :data:`MAX_WORD` characters without a space (see module docstring)."""
    if not needs_pieces(text, size):
        return nlp(text)
    pieces = [text[a:b] for a, b in chunk_bounds(text, size)]
    parsed = []
    for piece in nlp.pipe(pieces, batch_size=1):
        piece.tensor = numpy.zeros((0,), dtype="float32")  # the joined Doc leaves the tensors out: keep none
        parsed.append(piece)
    # (spaCy's stub of from_docs lacks the `exclude` keyword its code takes)
    doc = Doc.from_docs(parsed, ensure_whitespace=False, exclude=("tensor",))  # type: ignore[call-arg]
    if doc is None or doc.text != text:  # from_docs keeps every character; this guards the offsets
        raise RuntimeError("the parsed pieces of a long text do not join back into the text")
    return doc

