"""Role titles in running text ("ministro degli Esteri", "ministro russo degli Esteri").

A title matches when its words follow each other, separated by white space, case-insensitive
(either apostrophe), starting after a non-word character; any word may be followed by a
nationality adjective, and the match ends before a character that is no word character nor
an apostrophe.  Where several titles start at the same word the longest (in words) wins.

This is the regular expression ``(?<!\\w)(?i:T1|T2|…)(?![\\w'’])``, titles longest first and
``(?:\\s+(?:NAT))?`` after every word, evaluated without building it: with the nationality
alternation repeated after every word of every title that pattern is half a megabyte and
takes seconds to compile.  The finder matches word by word and tries the same alternatives
in the same order, so its matches are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cronaca.errors import DataFileError

APOS = "['’]"
_WORD_RUN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_WORD_OR_APOS = re.compile(r"[\w'’]")


def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile("(?i:" + re.escape(word).replace("'", APOS).replace("’", APOS) + ")")


@dataclass(frozen=True)
class TitleFinder:
    """Spans of role titles in a text; see the module docstring."""

    titles: tuple[tuple[re.Pattern[str], ...], ...]  # word patterns, in the order titles are tried
    by_first: dict[str, tuple[int, ...]]  # lower-cased ASCII first word -> title indexes
    by_length: dict[int, tuple[int, ...]]  # first-word length -> indexes of the titles in by_first
    unindexed: tuple[int, ...]  # titles whose first word is not a plain ASCII word: always tried
    nationality: re.Pattern[str]  # (?i:adj1|adj2|…), full-matched against one word

    @classmethod
    def build(cls, titles: Iterable[str], adjectives: Iterable[str]) -> TitleFinder:
        """``titles``: the title phrases in the order they are tried (longest first);
        ``adjectives``: the nationality adjectives, each one word."""
        adjs = sorted(adjectives, key=len, reverse=True)
        bad = [a for a in adjs if not _WORD_RUN.fullmatch(a)]
        if bad:
            raise DataFileError(f"roles.yaml: nationality adjectives must be single words, not {bad[:5]}; "
                                "write each form as one word.")
        patterns: list[tuple[re.Pattern[str], ...]] = []
        by_first: dict[str, list[int]] = {}
        by_length: dict[int, list[int]] = {}
        unindexed: list[int] = []
        for i, phrase in enumerate(titles):
            words = phrase.split()
            if not words or not _WORD_RUN.match(words[0]):
                raise DataFileError(f"roles.yaml: the title {phrase!r} must start with a letter.")
            patterns.append(tuple(_word_pattern(w) for w in words))
            first = words[0]
            if first.isascii() and _WORD_RUN.fullmatch(first):
                by_first.setdefault(first.lower(), []).append(i)
                by_length.setdefault(len(first), []).append(i)
            else:
                unindexed.append(i)
        return cls(tuple(patterns), {k: tuple(v) for k, v in by_first.items()},
                   {k: tuple(v) for k, v in by_length.items()}, tuple(unindexed),
                   re.compile("(?i:" + "|".join(re.escape(a) for a in adjs) + ")"))

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every title, left to right, not overlapping."""
        pos = 0
        for run in _WORD_RUN.finditer(text):
            start = run.start()
            if start < pos:
                continue
            for i in self._candidates(run.group()):
                end = self._match(text, self.titles[i], 0, start)
                if end is not None:
                    yield start, end
                    pos = end
                    break

    def _candidates(self, word: str) -> list[int]:
        """Indexes of the titles that can start with ``word`` (a whole run of word characters:
        a title's plain first word must be exactly that run), in order."""
        if word.isascii():
            found = list(self.by_first.get(word.lower(), ()))
        else:  # case-insensitive matching maps one character to one: same length
            found = [i for i in self.by_length.get(len(word), ()) if self.titles[i][0].fullmatch(word)]
        if self.unindexed:
            found = sorted(found + list(self.unindexed))
        return found

    def _match(self, text: str, words: tuple[re.Pattern[str], ...], j: int, pos: int) -> int | None:
        """End of the title ``words[j:]`` matched at ``pos``, trying "word + adjective" before
        the bare word (the regex's greedy optional group), or None."""
        m = words[j].match(text, pos)
        if m is None:
            return None
        end = m.end()
        ends = [end]
        sp = _SPACES.match(text, end)
        if sp is not None:
            adj = _WORD_RUN.match(text, sp.end())
            if adj is not None and self.nationality.fullmatch(text, adj.start(), adj.end()):
                ends.insert(0, adj.end())
        last = j == len(words) - 1
        for x in ends:
            if last:
                if not _WORD_OR_APOS.match(text, x):
                    return x
                continue
            gap = _SPACES.match(text, x)
            if gap is not None:
                found = self._match(text, words, j + 1, gap.end())
                if found is not None:
                    return found
        return None
