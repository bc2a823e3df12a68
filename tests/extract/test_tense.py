"""The parse-aware rules (cronaca/extract/tense.py and its use in times, event status and
triggers) against the cue-word rules they fall back to.

Each row gives what the cue-only path (blank pipeline, no parser) returns, what the parse-aware
path (the shipped model) returns, and the right answer; the tables pin both paths, and
``test_tense_parse_path_is_right_more_often`` compares their tallies.  The shipped model is
loaded once per module; without it these tests are skipped.  Reference date: Wednesday
2025-11-12.
"""

from __future__ import annotations

import hashlib

import pytest
import spacy
from spacy.tokens import Doc

from cronaca.data import load_yaml
from cronaca.extract.event.triggers import verb_lemmas
from cronaca.extract.tense import KEYS, tense_lexicon, time_direction
from cronaca.nlp import SHIPPED_MODEL
from cronaca.pipeline import Analyzer
from cronaca.records import Article, Dateline

REF = "2025-11-12"

# (text, expression, cue-only value, parse-aware value, right value)
TIMES = [
    ("Il presidente ha annunciato venerdì che parteciperà al vertice.", "venerdì",
     "2025-11-14", "2025-11-07", "2025-11-07"),
    ("Il vertice, previsto per venerdì a Roma, è stato rinviato a marzo.", "venerdì",
     "2025-11-07", "2025-11-14", "2025-11-14"),
    ("Il ministro deve incontrare il collega giovedì.", "giovedì", "2025-11-06", "2025-11-13", "2025-11-13"),
    ("Il trattato fu firmato il 3 dicembre.", "3 dicembre", "2025-12-03", "2024-12-03", "2024-12-03"),
    ("L'accordo è stato firmato il 20 novembre a Ginevra.", "20 novembre", "2025-11-20", "2024-11-20", "2024-11-20"),
    ("I due presidenti si sono visti a dicembre.", "dicembre", "2025-12", "2024-12", "2024-12"),
    ("Le parti hanno firmato a dicembre un'intesa.", "dicembre", "2025-12", "2024-12", "2024-12"),
    ("La delegazione del governo partì per Mosca il 25 novembre.", "25 novembre",
     "2025-11-25", "2024-11-25", "2024-11-25"),
    ("Il premier incontrerebbe il cancelliere tedesco martedì.", "martedì", "2025-11-11", "2025-11-18", "2025-11-18"),
    ("L'incontro è stato fissato al 30 giugno.", "30 giugno", "2025-06-30", "2026-06-30", "2026-06-30"),
    ("Il vertice è stato rinviato a maggio.", "maggio", "2025-05", "2026-05", "2026-05"),
    ("I leader si erano incontrati a gennaio.", "gennaio", "2026-01", "2025-01", "2025-01"),
    ("Il governo ha approvato il decreto il 10 gennaio.", "10 gennaio", "2026-01-10", "2025-01-10", "2025-01-10"),
    ("Il testimone potrà chiarire perché giovedì sera era a Milano.", "giovedì sera",
     "2025-11-13TEV", "2025-11-06TEV", "2025-11-06TEV"),
    ("La polizia ha sequestrato un'auto rubata a febbraio.", "febbraio", "2026-02", "2025-02", "2025-02"),
    # where both agree: cue words, the future ending, a past counterfactual, a conditional plan
    ("Al sospettato è stato imposto l'obbligo di firma fino almeno al 20 gennaio, quando si terrà l'udienza.",
     "20 gennaio", "2026-01-20", "2026-01-20", "2026-01-20"),
    ("La riunione avrebbe dovuto concludersi giovedì.", "giovedì", "2025-11-06", "2025-11-06", "2025-11-06"),
    ("Il governo approverà il decreto a ottobre.", "ottobre", "2026-10", "2026-10", "2026-10"),
    ("La visita del presidente si svolgerà a febbraio.", "febbraio", "2026-02", "2026-02", "2026-02"),
    ("Sabato scorso il premier ha parlato alla Camera.", "Sabato scorso", "2025-11-08", "2025-11-08", "2025-11-08"),
    ("Il vertice si terrebbe il 4 dicembre.", "4 dicembre", "2025-12-04", "2025-12-04", "2025-12-04"),
    # the parser attaches the weekday to the object and misses the first person plural future
    ("Incontreremo il presidente lunedì, ha detto il ministro.", "lunedì", "2025-11-10", "2025-11-10", "2025-11-17"),
]

# (text, event type, cue-only status or None (no event), parse-aware status or None, right status)
EVENTS = [
    ("La visita di Meloni a Washington durerà due giorni.", "CONSULT", "occurred", "planned", "planned"),
    ("Il vertice tra Meloni e Macron inizierà lunedì a Roma.", "CONSULT", "occurred", "planned", "planned"),
    ("Lavrov incontrò Rubio a Ginevra.", "CONSULT", "planned", "occurred", "occurred"),
    ("Il presidente russo Putin visitò Pechino.", "CONSULT", None, "occurred", "occurred"),
    ("Il governo italiano condannerà l'attacco della Russia contro l'Ucraina.", "ACCUSE", None, "planned", "planned"),
    ("Israele bombarderebbe Gaza.", "ASSAULT", None, "possible", "possible"),
    ("Hamas minaccerà Israele.", "THREATEN", None, "planned", "planned"),
    ("Il ministro Tajani telefonerebbe a Lavrov.", "CONSULT", None, "possible", "possible"),
    # where both agree
    ("Il governo italiano deve firmare l'accordo con la Francia.", "AGREE", "planned", "planned", "planned"),
    ("Macron e Scholz si incontravano ogni mese a Berlino.", "CONSULT", "occurred", "occurred", "occurred"),
    ("I colloqui tra Kiev e Mosca si sono conclusi ieri.", "CONSULT", "occurred", "occurred", "occurred"),
    ("L'incontro tra Tajani e Lavrov sarebbe avvenuto a Mosca.", "CONSULT", "occurred", "occurred", "occurred"),
]


# Hand-built parses (no model): (word, lemma, pos, head index, dep, morph), the time expression's
# words, and the direction its governing verb gives.
_FIN = "Mood=Ind|Tense=Pres|VerbForm=Fin"
_PART = "Tense=Past|VerbForm=Part"
PARSES = [
    ([("Rossi", "Rossi", "PROPN", 2, "nsubj", ""), ("ha", "avere", "AUX", 2, "aux", _FIN),
      ("incontrato", "incontrare", "VERB", 2, "ROOT", _PART), ("venerdì", "venerdì", "NOUN", 2, "obl", "")],
     "venerdì", "past"),
    ([("Rossi", "Rossi", "PROPN", 1, "nsubj", ""),
      ("incontrerà", "incontrare", "VERB", 1, "ROOT", "Mood=Ind|Tense=Fut|VerbForm=Fin"),
      ("venerdì", "venerdì", "NOUN", 1, "obl", "")], "venerdì", "future"),
    ([("Rossi", "Rossi", "PROPN", 2, "nsubj", ""), ("avrebbe", "avere", "AUX", 2, "aux", "Mood=Cnd|VerbForm=Fin"),
      ("incontrato", "incontrare", "VERB", 2, "ROOT", _PART), ("venerdì", "venerdì", "NOUN", 2, "obl", "")],
     "venerdì", "past"),
    ([("vertice", "vertice", "NOUN", 2, "nsubj", ""), ("si", "si", "PRON", 2, "expl", ""),
      ("terrebbe", "tenere", "VERB", 2, "ROOT", "Mood=Cnd|Tense=Pres|VerbForm=Fin"),
      ("venerdì", "venerdì", "NOUN", 2, "obl", "")], "venerdì", "future"),
    ([("Rossi", "Rossi", "PROPN", 2, "nsubj", ""), ("deve", "dovere", "AUX", 2, "aux", _FIN),
      ("partire", "partire", "VERB", 2, "ROOT", "VerbForm=Inf"), ("venerdì", "venerdì", "NOUN", 2, "obl", "")],
     "venerdì", "future"),
    ([("vertice", "vertice", "NOUN", 3, "nsubj:pass", ""), ("è", "essere", "AUX", 3, "aux", _FIN),
      ("stato", "essere", "AUX", 3, "aux:pass", _PART), ("rinviato", "rinviare", "VERB", 3, "ROOT", _PART),
      ("a", "a", "ADP", 5, "case", ""), ("marzo", "marzo", "NOUN", 3, "obl", "")], "marzo", "future"),
    ([("vertice", "vertice", "NOUN", 5, "nsubj:pass", ""), ("di", "di", "ADP", 2, "case", ""),
      ("venerdì", "venerdì", "NOUN", 0, "nmod", ""), ("è", "essere", "AUX", 5, "aux", _FIN),
      ("stato", "essere", "AUX", 5, "aux:pass", _PART), ("rinviato", "rinviare", "VERB", 5, "ROOT", _PART)],
     "venerdì", None),
    ([("Rossi", "Rossi", "PROPN", 2, "nsubj", ""), ("era", "essere", "AUX", 2, "cop", "Mood=Ind|Tense=Imp|VerbForm=Fin"),
      ("Roma", "Roma", "PROPN", 2, "ROOT", ""), ("venerdì", "venerdì", "NOUN", 2, "obl", "")], "venerdì", "past"),
    ([("Rossi", "Rossi", "PROPN", 1, "nsubj", ""), ("parla", "parlare", "VERB", 1, "ROOT", _FIN),
      ("venerdì", "venerdì", "NOUN", 1, "obl", "")], "venerdì", None),
    # morphologizer slips the word endings make up for: a simple past tagged present, a
    # conditional tagged past, a participle tagged as a plain adjective
    ([("Rossi", "Rossi", "PROPN", 1, "nsubj", ""), ("partì", "partire", "VERB", 1, "ROOT", _FIN),
      ("venerdì", "venerdì", "NOUN", 1, "obl", "")], "venerdì", "past"),
    ([("Rossi", "Rossi", "PROPN", 1, "nsubj", ""), ("firmarono", "firmare", "VERB", 1, "ROOT", _FIN),
      ("venerdì", "venerdì", "NOUN", 1, "obl", "")], "venerdì", "past"),
    ([("Rossi", "Rossi", "PROPN", 1, "nsubj", ""),
      ("partirebbe", "partire", "VERB", 1, "ROOT", "Mood=Ind|Tense=Past|VerbForm=Fin"),
      ("venerdì", "venerdì", "NOUN", 1, "obl", "")], "venerdì", "future"),
    ([("Rossi", "Rossi", "PROPN", 1, "nsubj", ""), ("può", "potere", "VERB", 1, "ROOT", _FIN),
      ("venerdì", "venerdì", "NOUN", 1, "obl", "")], "venerdì", None),
    ([("Rossi", "Rossi", "PROPN", 1, "nsubj", ""), ("vende", "vendere", "VERB", 1, "ROOT", _FIN),
      ("l'auto", "auto", "NOUN", 1, "obj", ""), ("rubata", "rubato", "ADJ", 2, "amod", "Gender=Fem"),
      ("a", "a", "ADP", 5, "case", ""), ("marzo", "marzo", "NOUN", 3, "obl", "")], "marzo", "past"),
    ([("l'incontro", "incontro", "NOUN", 0, "ROOT", ""), ("previsto", "previsto", "ADJ", 0, "amod", ""),
      ("a", "a", "ADP", 3, "case", ""), ("marzo", "marzo", "NOUN", 1, "obl", "")], "marzo", "future"),
]


def _doc(rows: list[tuple[str, str, str, int, str, str]]) -> Doc:
    words, lemmas, pos, heads, deps, morphs = (list(x) for x in zip(*rows))
    return Doc(spacy.blank("it").vocab, words=words, lemmas=lemmas, pos=pos, heads=heads, deps=deps, morphs=morphs)


@pytest.mark.parametrize(("rows", "expr", "direction"), PARSES)
def test_tense_time_direction_from_a_hand_built_parse(rows, expr: str, direction: str | None) -> None:
    doc = _doc(rows)
    start = doc.text.index(expr)
    assert time_direction(doc, start, start + len(expr), tense_lexicon()) == direction


@pytest.mark.parametrize(("word", "morph", "lemma"), [
    ("visitò", "Mood=Ind|Tense=Past|VerbForm=Fin", "visitare"),
    ("criticherà", "Mood=Ind|Tense=Fut|VerbForm=Fin", "criticare"),
    ("minaccerà", "Mood=Ind|Tense=Fut|VerbForm=Fin", "minacciare"),
    ("condannerebbero", "Mood=Cnd|Tense=Pres|VerbForm=Fin", "condannare"),
    ("chiederà", "Mood=Ind|Tense=Fut|VerbForm=Fin", "chiedere"),
    ("attaccavano", "Mood=Ind|Tense=Imp|VerbForm=Fin", "attaccare"),
])
def test_tense_verb_lemmas_rebuild_the_infinitive(word: str, morph: str, lemma: str) -> None:
    doc = Doc(spacy.blank("it").vocab, words=[word], lemmas=[word], pos=["VERB"], morphs=[morph])
    assert lemma in verb_lemmas(doc[0])


def _article(text: str) -> Article:
    return Article(doc_id="t", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(), date=REF,
                   language="it", dateline=Dateline(place=None, date=REF))


@pytest.fixture(scope="module")
def analyzers() -> dict[str, Analyzer]:
    if not (SHIPPED_MODEL / "config.cfg").exists():
        pytest.skip("the shipped pipeline is not installed")
    return {"cue": Analyzer(model="blank"), "parse": Analyzer(model="auto")}


def _time_value(analyzer: Analyzer, text: str, expr: str) -> str | None:
    times = analyzer.analyze(_article(text)).times or ()
    return next((t.value for t in times if t.text == expr), None)


def _status(analyzer: Analyzer, text: str, type_: str) -> str | None:
    events = [e for e in analyzer.analyze(_article(text)).events or () if e.type == type_]
    return events[0].claims[0].status if events else None


def test_tense_yaml_has_fixed_keys() -> None:
    data = load_yaml("it", "tense.yaml")
    assert set(data) == set(KEYS)
    assert all(isinstance(w, str) and w == w.lower() for k in KEYS for w in data[k])
    assert "dovere" in tense_lexicon().modal_lemmas


def test_tense_tables_have_enough_cases() -> None:
    assert len(TIMES) + len(EVENTS) >= 25


@pytest.mark.parametrize(("text", "expr", "cue_only", "parsed", "right"), TIMES)
def test_tense_time_direction(analyzers: dict[str, Analyzer], text: str, expr: str, cue_only: str,
                              parsed: str, right: str) -> None:
    assert _time_value(analyzers["cue"], text, expr) == cue_only
    assert _time_value(analyzers["parse"], text, expr) == parsed


@pytest.mark.parametrize(("text", "type_", "cue_only", "parsed", "right"), EVENTS)
def test_tense_event_status(analyzers: dict[str, Analyzer], text: str, type_: str, cue_only: str | None,
                            parsed: str | None, right: str) -> None:
    assert _status(analyzers["cue"], text, type_) == cue_only
    assert _status(analyzers["parse"], text, type_) == parsed


def test_tense_parse_path_is_right_more_often() -> None:
    rows = [(c, p, r) for _, _, c, p, r in TIMES] + [(c, p, r) for _, _, c, p, r in EVENTS]
    cue_right = sum(c == r for c, _, r in rows)
    parse_right = sum(p == r for _, p, r in rows)
    assert parse_right > cue_right
    assert all(p == r for c, p, r in rows if c == r)  # nothing the cue words got right is lost
