"""Shared fixtures: a blank Italian pipeline with cronaca's sentence rules, and a
helper that turns a text into a ParsedDoc without any trained model."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from cronaca.nlp import ParsedDoc, build_nlp, parse
from cronaca.records import Article, Dateline, DocAnalysis

SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def seed_dev_analyses() -> list[DocAnalysis]:
    """The seed and dev articles analysed with the shipped pipeline, once per test session."""
    files = sorted(SHARED_CORPUS.glob("seeds/*.txt")) + sorted(SHARED_CORPUS.glob("dev/*.txt"))
    if not files:
        pytest.skip(f"the seed and dev articles are not at {SHARED_CORPUS}")
    from cronaca.ingest import read_articles
    from cronaca.pipeline import Analyzer

    articles = [a for a in read_articles([str(f) for f in files]) if not isinstance(a, Exception)]
    return list(Analyzer().analyze_many(articles))


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    return build_nlp("blank")


def make_article(text: str, date: str | None = "2025-11-09", doc_id: str = "t") -> Article:
    return Article(doc_id=doc_id, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                   date=date, language="it", dateline=Dateline(place=None, date=date))


@pytest.fixture()
def parsed(blank_nlp: Language) -> Callable[..., ParsedDoc]:
    def _parsed(text: str, date: str | None = "2025-11-09") -> ParsedDoc:
        return parse(blank_nlp, make_article(text, date))

    return _parsed


@pytest.fixture()
def parsed_with_ents(parsed: Callable[..., ParsedDoc]) -> Callable[..., ParsedDoc]:
    """A ParsedDoc whose Doc carries hand-set NER entities (surface, label), as a trained
    pipeline would set them; no model is loaded."""
    from spacy.tokens import Span

    def _with_ents(text: str, ents: list[tuple[str, str]], date: str | None = "2025-11-09") -> ParsedDoc:
        pdoc = parsed(text, date)
        spans: list[Span] = []
        for surface, label in ents:
            start = text.index(surface)
            span = pdoc.doc.char_span(start, start + len(surface), label=label)
            assert span is not None, surface
            spans.append(span)
        pdoc.doc.ents = spans
        assert pdoc.has_ner
        return pdoc

    return _with_ents
