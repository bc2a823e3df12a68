"""Articles stored as one token a row (the DICE Italian crime news CSVs), joined back into
running text with Italian spacing rules."""

from __future__ import annotations

import csv
from pathlib import Path

NO_SPACE_BEFORE = frozenset(",.;:!?)]}»”…%")
NO_SPACE_AFTER = frozenset("([{«“")
APOSTROPHES = ("'", "’")


def join_tokens(tokens: list[str]) -> str:
    """Tokens back into running text: no space before closing punctuation, none after an
    opening bracket or quote or an elided article ("l'", "dell'"); straight double quotes
    alternate between opening and closing."""
    out: list[str] = []
    prev = ""
    open_quote = False
    for tok in tokens:
        if not tok:
            continue
        space = bool(out)
        if tok == '"':
            if open_quote:
                space = False
            open_quote = not open_quote
        elif tok[0] in NO_SPACE_BEFORE or tok in APOSTROPHES:
            space = False
        if prev and (prev[-1] in NO_SPACE_AFTER or prev.endswith(APOSTROPHES)):
            space = False
        if prev == '"' and open_quote:
            space = False
        out.append((" " if space else "") + tok)
        prev = tok
    return "".join(out)


def read_dice_article(path: Path) -> tuple[str, int]:
    """Text and token count of one DICE article file."""
    with path.open(encoding="utf-8", newline="") as fh:
        tokens = [row["token"] for row in csv.DictReader(fh)]
    return join_tokens(tokens), len(tokens)
