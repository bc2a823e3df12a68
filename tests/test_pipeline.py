import pytest

from cronaca.errors import StageError
from cronaca.pipeline import Stage, run_stages


def _times(pdoc):
    return ["t"]


def _broken(pdoc):
    raise ValueError("bad trigger table")


def _needs_broken(pdoc, events):
    return []


def _not_a_list(pdoc):
    return "oops"


def test_pipeline_runs_stages_and_records_them(parsed):
    out = run_stages(parsed("Testo breve."), [Stage("times", _times)])
    assert out.times == ("t",)
    assert out.stages == ("ingest", "nlp", "times")
    assert out.errors == ()


def test_pipeline_names_the_failing_stage_and_goes_on(parsed):
    stages = [Stage("events", _broken), Stage("times", _times), Stage("quotes", _needs_broken, needs=("events",))]
    out = run_stages(parsed("Testo breve."), stages)
    assert out.times == ("t",)
    assert out.events == ()
    assert out.errors[0] == "stage 'events' failed on article 't': ValueError: bad trigger table"
    assert out.errors[1] == "stage 'quotes' skipped: it needs events, which failed"


def test_pipeline_builds_one_token_index_per_document_for_the_stages_needing_it(parsed, monkeypatch):
    from cronaca import pipeline
    from cronaca.nlp.tokens import TokenIndex

    built: list[TokenIndex] = []

    class Counted(TokenIndex):
        def __init__(self, pdoc):
            super().__init__(pdoc)
            built.append(self)

    monkeypatch.setattr(pipeline, "TokenIndex", Counted)
    seen = []
    stages = [Stage("times", _times),
              Stage("quotes", lambda pdoc, tokens: seen.append(tokens) or [], needs=("tokens",)),
              Stage("events", lambda pdoc, quotes, tokens: seen.append(tokens) or [], needs=("quotes", "tokens"))]
    out = run_stages(parsed("Il ministro ha parlato."), stages)
    assert out.errors == ()
    assert len(built) == 1 and seen == [built[0], built[0]]
    assert [w.low for w in built[0].words] == ["il", "ministro", "ha", "parlato", "."]
    run_stages(parsed("Il ministro ha parlato."), stages[:1])
    assert len(built) == 1  # no stage needs it: none is built


def test_pipeline_checks_the_stage_contract(parsed):
    out = run_stages(parsed("Testo breve."), [Stage("times", _not_a_list)])
    assert "returned str, expected a list" in out.errors[0]


def test_pipeline_skips_stages_for_other_languages(parsed):
    from dataclasses import replace

    pdoc = parsed("A short English text.")
    pdoc = replace(pdoc, article=replace(pdoc.article, language="en"))
    out = run_stages(pdoc, [Stage("times", _times)])
    assert out.stages == ("ingest", "nlp")


def test_pipeline_analyze_many_matches_analyze_and_keeps_order(blank_nlp):
    import hashlib

    from cronaca.pipeline import Analyzer
    from cronaca.records import Article

    texts = ["Roma, 3 marzo 2026 – Il ministro ha incontrato ieri il collega francese.",
             "A short English line that is not analysed.",
             "Il vertice previsto per giovedì a Parigi è stato rinviato."]
    langs = ["it", "en", "it"]
    articles = [Article(doc_id=f"a{i}", text=t, content_hash=hashlib.sha256(t.encode()).hexdigest(),
                        date="2026-03-03", language=lang) for i, (t, lang) in enumerate(zip(texts, langs))]
    analyzer = Analyzer(nlp=blank_nlp)
    many = list(analyzer.analyze_many(articles, batch_size=2))
    assert [a.doc_id for a in many] == ["a0", "a1", "a2"]
    assert many == [analyzer.analyze(a) for a in articles]
    assert many[1].stages == ("ingest",)


def test_pipeline_runs_only_the_components_some_stage_reads():
    from cronaca.nlp import build_nlp
    from cronaca.pipeline import Analyzer, unused_components

    nlp = build_nlp("blank")
    nlp.add_pipe("tok2vec")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    nlp.add_pipe("tagger", config={"model": {"@architectures": "spacy.Tagger.v2", "tok2vec": listener}}).add_label("S")
    nlp.add_pipe("ner").add_label("PER")
    nlp.initialize()  # the tagger now listens to the shared tok2vec; the ner has its own encoder
    assert unused_components(nlp, [Stage("places", _times, annotations=("ner",))]) == ["tok2vec", "tagger"]
    assert unused_components(nlp, [Stage("x", _times, annotations=("tagger",))]) == ["ner"]
    analyzer = Analyzer(nlp=nlp, stages=[Stage("places", _times, annotations=("ner",))])
    assert analyzer.nlp.pipe_names == ["cronaca_sentences", "ner"]
    assert analyzer.nlp.disabled == ["tok2vec", "tagger"]


def test_pipeline_one_article_the_nlp_fails_on_does_not_sink_the_batch():
    import hashlib

    from spacy.language import Language

    from cronaca.nlp import build_nlp
    from cronaca.pipeline import Analyzer
    from cronaca.records import Article

    @Language.component("test_explodes_on_boom")
    def _explodes(doc):
        if "BOOM" in doc.text:
            raise ValueError("cannot parse this one")
        return doc

    nlp = build_nlp("blank")
    nlp.add_pipe("test_explodes_on_boom")
    texts = ["Il ministro ha parlato ieri a Roma.", "BOOM al mercato.", "Il vertice è stato rinviato."]
    articles = [Article(doc_id=f"a{i}", text=t, content_hash=hashlib.sha256(t.encode()).hexdigest(),
                        language="it") for i, t in enumerate(texts)]
    out = list(Analyzer(nlp).analyze_many(articles, batch_size=8))
    assert [a.doc_id for a in out] == ["a0", "a1", "a2"]
    assert out[0].errors == () and out[2].errors == ()
    assert "times" in out[0].stages and "times" in out[2].stages
    assert out[1].stages == ("ingest",)
    assert out[1].errors == ("stage 'nlp' failed on article 'a1': ValueError: cannot parse this one",)
    with pytest.raises(StageError, match="stage 'nlp' failed on article 'a1'"):
        Analyzer(nlp).analyze(articles[1])
