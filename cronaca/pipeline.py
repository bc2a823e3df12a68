"""The analysis runner: ingest → nlp → extract stages → (story, across articles).

Each extract stage is a pure function over a :class:`~cronaca.nlp.ParsedDoc` and the
results of the stages it declares it needs; it returns a list of records.  A stage may also
need the document's token index (``"tokens"``, a :class:`~cronaca.nlp.tokens.TokenIndex`),
which the runner builds once per document, when a stage first needs it, for every stage
that reads words: the quotes, and the events with their attribution.  The runner
checks the contract, records which stages ran, and names the failing stage when one
breaks: the other stages (those not depending on it) still run, and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from cronaca.errors import StageError
from cronaca.extract.entities import extract_entities
from cronaca.extract.events import extract_events
from cronaca.extract.places import extract_places
from cronaca.extract.quotes import extract_quotes
from cronaca.extract.times import extract_times
from cronaca.extract.warnings import check_roles
from cronaca.nlp import ParsedDoc, build_nlp, parse, parse_many
from cronaca.nlp.tokens import TokenIndex
from cronaca.records import Article, DocAnalysis

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    name: str  # also the DocAnalysis field it sets
    run: Callable[..., Sequence[Any]]
    needs: tuple[str, ...] = ()  # earlier stages' names, or TOKENS; each passed by that keyword
    languages: tuple[str, ...] = ("it",)
    # spaCy annotations the stage reads when the pipeline has them ("ner", "parser", "tagger"…)
    annotations: tuple[str, ...] = ()


TOKENS = "tokens"  # the need for the document's TokenIndex, passed as ``tokens=``

# the components that give the parse, the UD morphology and the lemmas (trained or rule lemmatizer)
MORPHOSYNTAX = ("parser", "morphologizer", "trainable_lemmatizer", "lemmatizer")

STAGES: tuple[Stage, ...] = (
    Stage("times", extract_times, annotations=MORPHOSYNTAX),
    Stage("places", extract_places, annotations=("ner",)),
    Stage("entities", extract_entities, needs=("places",), annotations=("ner",)),
    Stage("quotes", extract_quotes, needs=("entities", TOKENS)),
    Stage("events", extract_events, needs=("entities", "times", "places", "quotes", TOKENS),
          annotations=MORPHOSYNTAX),
    Stage("warnings", check_roles, needs=("entities",)),
)


def run_stages(pdoc: ParsedDoc, stages: Sequence[Stage] = STAGES) -> DocAnalysis:
    found: dict[str, tuple[Any, ...]] = {}
    index: TokenIndex | None = None  # built when a stage first needs it
    ran: list[str] = ["ingest", "nlp"]
    errors: list[str] = []
    lang = pdoc.article.language or "it"
    for stage in stages:
        if lang not in stage.languages:
            continue
        missing = [n for n in stage.needs if n not in found and n != TOKENS]
        if missing:
            errors.append(f"stage '{stage.name}' skipped: it needs {', '.join(missing)}, which failed")
            continue
        try:
            inputs: dict[str, Any] = {n: found[n] for n in stage.needs if n != TOKENS}
            if TOKENS in stage.needs:
                if index is None:
                    index = TokenIndex(pdoc)
                inputs[TOKENS] = index
            out = stage.run(pdoc, **inputs)
        except Exception as exc:  # one stage failing must not sink the article
            err = StageError(stage.name, pdoc.doc_id, exc)
            # the error travels in DocAnalysis.errors, which the caller reports; here only for -v
            log.info("%s", err, exc_info=log.isEnabledFor(logging.DEBUG))
            errors.append(str(err))
            continue
        if not isinstance(out, (list, tuple)):
            errors.append(str(StageError(stage.name, pdoc.doc_id,
                                         TypeError(f"returned {type(out).__name__}, expected a list"))))
            continue
        found[stage.name] = tuple(out)
        ran.append(stage.name)
    return DocAnalysis(article=pdoc.article, stages=tuple(ran), errors=tuple(errors), **found)


class Analyzer:
    """Holds the loaded nlp pipeline; analyses articles one by one or in a stream.

    Only the pipeline components that some stage reads (``Stage.annotations``) run, with
    whatever they listen to; the others stay loaded but disabled (``nlp.disabled``), so a
    caller who wants tags, lemmas or the parse can re-enable them with ``nlp.enable_pipe``.
    ``all_components=True`` keeps every component running.
    """

    def __init__(self, nlp: Language | None = None, model: str = "auto", *,
                 stages: Sequence[Stage] = STAGES, all_components: bool = False) -> None:
        self.nlp = nlp if nlp is not None else build_nlp(model)
        self.stages = tuple(stages)
        if not all_components:
            for name in unused_components(self.nlp, self.stages):
                self.nlp.disable_pipe(name)

    def analyze(self, article: Article) -> DocAnalysis:
        """The article's analysis; raises :class:`StageError` when the nlp stage fails on it."""
        if not _supported(article):
            return _unsupported(article)
        try:
            pdoc = parse(self.nlp, article)
        except Exception as exc:
            raise StageError("nlp", article.doc_id, exc) from exc
        return run_stages(pdoc, self.stages)

    def analyze_many(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[DocAnalysis]:
        """Analyses in input order; the nlp stage runs batched (``nlp.pipe``).  An article the
        nlp stage fails on is not analysed: its analysis carries the error, and the batch goes on."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, articles: list[Article]) -> Iterator[DocAnalysis]:
        supported = [a for a in articles if _supported(a)]
        try:
            docs: list[ParsedDoc | DocAnalysis] = list(parse_many(self.nlp, supported,
                                                                  batch_size=len(articles) or 1))
        except Exception as exc:  # one article the nlp stage cannot take must not sink the others
            log.info("the nlp stage failed on a batch (%s); parsing its articles one by one", exc,
                     exc_info=log.isEnabledFor(logging.DEBUG))
            docs = [self._parse_alone(a) for a in supported]
        parsed = iter(docs)
        for article in articles:
            if not _supported(article):
                yield _unsupported(article)
            elif isinstance(pdoc := next(parsed), ParsedDoc):
                yield run_stages(pdoc, self.stages)
            else:
                yield pdoc

    def _parse_alone(self, article: Article) -> ParsedDoc | DocAnalysis:
        """The article parsed, or, when the nlp stage fails on it, its analysis carrying the error."""
        try:
            return parse(self.nlp, article)
        except Exception as exc:
            err = StageError("nlp", article.doc_id, exc)
            log.info("%s", err, exc_info=log.isEnabledFor(logging.DEBUG))
            return DocAnalysis(article=article, stages=("ingest",), errors=(str(err),))


def unused_components(nlp: Language, stages: Sequence[Stage]) -> list[str]:
    """Trainable components no stage reads, and shared encoders only they listen to."""
    wanted = {a for st in stages for a in st.annotations}
    keep = {name for name, _ in nlp.pipeline
            if name in wanted or not hasattr(nlp.get_pipe(name), "model")}  # rule components stay
    for name, pipe in nlp.pipeline:
        if set(getattr(pipe, "listening_components", None) or ()) & keep:
            keep.add(name)  # a tok2vec that a kept component listens to
    return [name for name, _ in nlp.pipeline if name not in keep]


def _supported(article: Article) -> bool:
    return article.language in (None, "it")


def _unsupported(article: Article) -> DocAnalysis:
    return DocAnalysis(article=article, stages=("ingest",),
                       errors=(f"language '{article.language}' is not supported yet: only ingest ran",))
