"""The nlp stage: tokenization, sentences and (when a trained pipeline is present) tags,
lemmas, dependencies and named entities.

``build_nlp`` returns a spaCy ``Language``.  Which pipeline is used is a setting:
``"auto"`` loads the pipeline cronaca ships (``cronaca/models/it_cronaca``) when it is
there and falls back to a blank Italian tokenizer with cronaca's sentence rules; any
other value is passed to ``spacy.load`` (an installed package such as ``it_core_news_lg``
or a path).  The extractors check ``doc.has_annotation`` and work without a parser.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from cronaca.errors import ConfigError
from cronaca.nlp.chunks import needs_pieces, parse_text
from cronaca.nlp.segment import SENTENCE_COMPONENT, add_abbreviation_exceptions
from cronaca.records import Article

log = logging.getLogger(__name__)

SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "models" / "it_cronaca"


@dataclass(frozen=True)
class ParsedDoc:
    """An article with its spaCy Doc and the date relative expressions resolve against."""

    article: Article
    doc: Doc
    ref_date: date | None

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    @property
    def has_parse(self) -> bool:
        return self.doc.has_annotation("DEP")

    @property
    def has_ner(self) -> bool:
        return self.doc.has_annotation("ENT_IOB")

    def ner_spans(self, labels: Collection[str]) -> list[tuple[int, int, str]]:
        """The trained NER's entities with one of ``labels`` as ``(start, end, label)`` character
        spans, trimmed of the spaces and punctuation a statistical model lets in at the edges
        ("Mosca\\n" -> "Mosca"); an entity running across a line break (a headline and the
        next line) is left out.  Empty without a NER."""
        if not self.has_ner:
            return []
        out = []
        for ent in self.doc.ents:
            if ent.label_ in labels:
                span = trim_span(self.text, ent.start_char, ent.end_char)
                if span is not None:
                    out.append((span[0], span[1], ent.label_))
        return out


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without the spaces and punctuation at its edges (a final full stop
    stays when the span holds others, as in "S.p.A."); None when nothing is left or a line
    break is inside."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and not (text[end - 1] == "." and "." in text[start:end - 1]):
        end -= 1
    if start >= end or "\n" in text[start:end]:
        return None
    return start, end


def build_nlp(model: str = "auto") -> Language:
    """The spaCy pipeline the analysis runs (see module docstring for ``model``)."""
    if model == "auto":
        nlp = spacy.load(SHIPPED_MODEL) if (SHIPPED_MODEL / "config.cfg").exists() else spacy.blank("it")
    elif model == "blank":
        nlp = spacy.blank("it")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ConfigError(f"cannot load the spaCy pipeline '{model}': {str(exc).rstrip('.')}. Use 'auto', 'blank', "
                              "an installed Italian pipeline name or a path to one.") from exc
    if nlp.lang != "it":
        log.warning("pipeline '%s' is for language '%s', not Italian", model, nlp.lang)
    add_abbreviation_exceptions(nlp)
    if "parser" in nlp.pipe_names or "senter" in nlp.pipe_names:
        # cronaca's rules set every token's is_sent_start before the trained components run;
        # the parser keeps preset boundaries (both starts and non-starts), so sentences are the
        # same with or without a model and the parser's trees stay inside them
        nlp.add_pipe(SENTENCE_COMPONENT, before=nlp.pipe_names[0] if "parser" in nlp.pipe_names else None)
    else:
        nlp.add_pipe(SENTENCE_COMPONENT)
    return nlp


def load() -> Language:
    """cronaca's own trained Italian pipeline (``cronaca/models/it_cronaca``), set up as the
    analysis uses it (abbreviation cases, sentence rules); it loads offline."""
    if not (SHIPPED_MODEL / "config.cfg").exists():
        raise ConfigError(f"the shipped pipeline is missing from '{SHIPPED_MODEL}'; reinstall cronaca or "
                          "rebuild it with 'cronaca train --data <corpora folder>'")
    return build_nlp(str(SHIPPED_MODEL))


def parse(nlp: Language, article: Article) -> ParsedDoc:
    """One article parsed; a long text in pieces (:mod:`cronaca.nlp.chunks`)."""
    return parsed(article, parse_text(nlp, article.text))


def parse_many(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[ParsedDoc]:
    """Parse a stream of articles in input order with ``nlp.pipe`` (batched: faster with a
    trained pipeline); a long article is parsed on its own, in pieces."""
    short: list[Article] = []
    for article in articles:
        long = needs_pieces(article.text)
        if not long:
            short.append(article)
            if len(short) < batch_size:
                continue
        yield from _pipe(nlp, short, batch_size)
        short = []
        if long:
            yield parse(nlp, article)
    yield from _pipe(nlp, short, batch_size)


def _pipe(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[ParsedDoc]:
    if not articles:
        return
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size):
        yield parsed(article, doc)


def parsed(article: Article, doc: Doc) -> ParsedDoc:
    ref = article.date or (article.dateline.date if article.dateline else None)
    ref_date = date.fromisoformat(ref) if ref else None
    return ParsedDoc(article=article, doc=doc, ref_date=ref_date)
