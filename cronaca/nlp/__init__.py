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
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from cronaca.errors import ConfigError
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
            raise ConfigError(f"cannot load the spaCy pipeline '{model}': {exc}. Use 'auto', 'blank', "
                              "an installed Italian pipeline name or a path to one.") from exc
    if nlp.lang != "it":
        log.warning("pipeline '%s' is for language '%s', not Italian", model, nlp.lang)
    add_abbreviation_exceptions(nlp)
    if "parser" in nlp.pipe_names or "senter" in nlp.pipe_names:
        # keep the trained sentence boundaries but let our rules correct quotes and headlines
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
    ref = article.date or (article.dateline.date if article.dateline else None)
    ref_date = date.fromisoformat(ref) if ref else None
    return ParsedDoc(article=article, doc=nlp(article.text), ref_date=ref_date)
