"""Trigger detection: the words that name an event ("ha incontrato", "il vertice", "cessate il fuoco").

The lexicon's word forms are matched first; with a parser, a verb in an inflection the forms leave
out (future, past historic, imperfect, conditional, subjunctive: "firmò", "condannerebbe") is found
by its lemma (``trigger_lemmas`` in ``events.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from cronaca.data import load_tsv, load_yaml
from cronaca.errors import DataFileError
from cronaca.extract.event.lexicon import EventLexicon, TriggerEntry, event_lexicon, phrase_at
from cronaca.extract.event.text import TextView

_LEMMA_TENSES = frozenset({"Fut", "Imp"})
_LEMMA_MOODS = frozenset({"Cnd", "Sub"})


@dataclass(frozen=True)
class Hit:
    """One trigger found in the text: the lexicon entry and the words it covers."""

    entry: TriggerEntry
    first: int  # word indices, inclusive
    last: int

    @property
    def is_noun(self) -> bool:
        return self.entry.pos == "noun"


def _allowed(view: TextView, entry: TriggerEntry, first: int, last: int) -> bool:
    return _verdict(view, entry, first, last) == "yes"


def _verdict(view: TextView, entry: TriggerEntry, first: int, last: int) -> str:
    """ "yes": the entry's event; "no event": its exceptions say the word names none here
    (``except``, ``except_after``: "i vertici di Hamas"); "not this": its conditions leave the
    word to another reading (``not_before``, ``not_after``, ``requires_after``: the criticising
    "denunciare" is not the police's "è stato denunciato")."""
    lows = view.lows
    if first == last and lows[first] in entry.excepted:
        return "no event"
    for p in entry.except_after:
        if phrase_at(p, lows, last + 1):
            return "no event"
    for p in entry.not_before:
        if phrase_at(p, lows, first - len(p)):
            return "not this"
    for p in entry.not_after:
        if phrase_at(p, lows, last + 1):
            return "not this"
    if entry.requires_after:
        hi = min(len(lows) - 1, last + entry.requires_window)
        sent = view.words[first].sent
        if not any(phrase_at(p, lows, j) for j in range(last + 1, hi + 1) for p in entry.requires_after
                   if view.words[j].sent == sent):
            return "not this"
    return "yes"


def find_triggers(view: TextView, lexicon: EventLexicon) -> tuple[Hit, ...]:
    """All trigger hits, left to right; at each word the longest match wins, words are used once."""
    hits: list[Hit] = []
    lows = view.lows
    in_titles = _title_words(view)
    forms, index = lexicon.trigger_forms, lexicon.trigger_index
    lemmas = trigger_lemmas(view.lang) if view.has_morphology else {}
    i, n = 0, len(lows)
    while i < n:
        best: Hit | None = None
        refused = False  # a form matched here and its exceptions said no ("i vertici di Hamas")
        # only the forms whose first word can match here, in lexicon order (as a full scan would)
        for k in index.candidates(lows[i]):
            entry, form = forms[k]
            if best is not None and len(form) <= best.last - best.first + 1:
                continue
            if phrase_at(form, lows, i):
                verdict = _verdict(view, entry, i, i + len(form) - 1)
                if verdict == "yes":
                    best = Hit(entry, i, i + len(form) - 1)
                refused = refused or verdict == "no event"
        if best is None and lemmas:
            by_lemma = _by_lemma(view.tokens[i], lemmas, view.lang)
            if by_lemma is not None and lows[i] not in by_lemma.excepted and _allowed(view, by_lemma, i, i):
                best = Hit(by_lemma, i, i)
        if best is None and not refused and view.has_morphology:
            tabled = _by_table(view.tokens[i], view.lang)
            if tabled is not None:
                best = Hit(tabled, i, i)
        if best is not None and best.first == best.last and view.has_morphology:
            if _citizen_complaint(view, i) or _reflexive_other_sense(view, best):
                best = None  # a citizen's complaint, by any lexicon; "si è fermato" (stopped)
            else:
                best = _as_noun(view, best)
        if best is not None and in_titles.intersection(range(best.first, best.last + 1)):
            best = None  # "giudice per le indagini preliminari": an office, no investigation
        if best is None:
            i += 1
            continue
        hits.append(best)
        i = best.last + 1
    return tuple(hits)


# types whose participants are alike (a meeting, an agreement): the others run actor -> recipient
_SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})


@cache
def predicate_table(lang: str = "it") -> dict[tuple[str, str], TriggerEntry]:
    """``predicates.tsv`` (and, for lemmas it does not rank, ``predicates_more.tsv``): (lemma,
    VERB|NOUN) -> the trigger entry of a lemma decided to name a PLOVER event, for words neither
    the forms nor ``trigger_lemmas`` of ``events.yaml`` cover."""
    out: dict[tuple[str, str], TriggerEntry] = {}
    # "il salvataggio di Lehman", "l'arresto del 40enne": the genitive of these types' nouns is
    # the one acted on; of the others ("il rifiuto della Fed", "la richiesta del sindaco") the actor
    patient_genitive = frozenset(load_yaml(lang, "events.yaml")["table_patient_genitive"])
    ranked = load_tsv(lang, "predicates.tsv")
    decided = {(row["lemma"], row["pos"]) for row in ranked}
    more = [row for row in load_tsv(lang, "predicates_more.tsv") if (row["lemma"], row["pos"]) not in decided]
    for row in (*ranked, *more):
        typ = row["type"]
        if typ in ("-", "?"):
            continue
        pos = row["pos"]
        out[(row["lemma"], pos)] = TriggerEntry(
            lemma=row["lemma"], pos="noun" if pos == "NOUN" else "verb", forms=(), type=typ,
            mode=None if row["mode"] == "-" else row["mode"],
            frame="symmetric" if typ in _SYMMETRIC else "directed", min_participants=1,
            genitive="recipient" if typ in patient_genitive else "actor",
            same_word_coref=True, source="table")
    return out


def _by_table(tok: Token, lang: str) -> TriggerEntry | None:
    """The table's entry for a content word: a verb (a participle used as an adjective counts:
    "il 40enne arrestato") or a noun."""
    if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm", [])):
        table = predicate_table(lang)
        return next((table[(lem, "VERB")] for lem in verb_lemmas(tok, lang) if (lem, "VERB") in table), None)
    if tok.pos_ == "NOUN":
        lemma = tok.lemma_.lower()
        if lemma in _singular_only(lang) and "Plur" in tok.morph.get("Number", []):
            return None  # "i rifiuti": waste, not refusals
        return predicate_table(lang).get((lemma, "NOUN"))
    return None


def _as_noun(view: TextView, hit: Hit) -> Hit:
    """A verb's form the tagger reads as a noun ("dopo la convalida dell'arresto", "gli arresti")
    is that verb's noun, with the noun's frame from the predicate table: its participants come
    from its own phrase, not from the clause of the verb it depends on."""
    tok = view.tokens[hit.first]
    if hit.is_noun or tok.pos_ != "NOUN":
        return hit
    noun = predicate_table(view.lang).get((tok.lemma_.lower(), "NOUN"))
    if noun is None or noun.type != hit.entry.type or (hit.entry.mode and noun.mode != hit.entry.mode):
        return hit
    return Hit(noun, hit.first, hit.last)


@cache
def _title_phrases(lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in load_yaml(lang, "events.yaml").get("title_phrases") or ())


def _title_words(view: TextView) -> set[int]:
    """The word indices inside ``title_phrases`` ("giudice per le indagini preliminari")."""
    phrases = _title_phrases(view.lang)
    out: set[int] = set()
    if not phrases:
        return out
    firsts = {p[0] for p in phrases}
    for i, w in enumerate(view.lows):
        if w in firsts:
            for p in phrases:
                if phrase_at(p, view.lows, i):
                    out.update(range(i, i + len(p)))
                    break
    return out


@cache
def _reflexive_frames(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    frames = load_yaml(lang, "events.yaml").get("reflexive_other_sense") or {}
    return (frozenset(frames.get("lemmas", ())), frozenset(frames.get("clitics", ())),
            frozenset(frames.get("auxiliaries", ())), tuple(frames.get("fused_endings", ())))


def _reflexive_other_sense(view: TextView, hit: Hit) -> bool:
    """ "si è fermato", "fermarsi", "la crescita si è arrestata": a reflexive of a verb whose
    reflexive is another verb (``reflexive_other_sense`` in events.yaml) names no event."""
    if hit.is_noun:
        return False
    lemmas, clitics, auxiliaries, fused = _reflexive_frames(view.lang)
    i, lows = hit.first, view.lows
    if hit.entry.lemma not in lemmas and view.tokens[i].lemma_.lower() not in lemmas:
        return False
    if lows[i].endswith(fused):
        return True
    j = i - 1
    while j >= 0 and lows[j] in auxiliaries and i - j <= 2:
        j -= 1
    return j >= 0 and lows[j] in clitics


@dataclass(frozen=True)
class _ComplaintFrames:
    lemmas: frozenset[str]
    before: frozenset[str]
    after: tuple[tuple[str, ...], ...]
    verb_lemmas: frozenset[str]
    verb_window: int
    verb_objects: frozenset[str] = frozenset()


@cache
def _complaint_frames(lang: str) -> _ComplaintFrames:
    frames = load_yaml(lang, "events.yaml").get("complaint_frames") or {}
    return _ComplaintFrames(frozenset(frames.get("lemmas", ())), frozenset(frames.get("before", ())),
                            tuple(tuple(p.replace("'", "' ").split()) for p in frames.get("after", ())),
                            frozenset(frames.get("verb_lemmas", ())), int(frames.get("verb_window", 0)),
                            frozenset(frames.get("verb_objects", ())))


def _citizen_complaint(view: TextView, i: int) -> bool:
    """ "ha sporto denuncia ai carabinieri", "con la sua denuncia", "ha denunciato il fatto in
    caserma": a citizen's complaint, no charge."""
    frames = _complaint_frames(view.lang)
    lemma = view.tokens[i].lemma_.lower()
    lows = view.lows

    def after_at(j: int) -> bool:
        return any(tuple(w.replace("’", "'") for w in lows[j:j + len(p)]) == p for p in frames.after)

    if lemma in frames.verb_lemmas:
        j = i + 1  # "ha denunciato il furto", "denunciare l'accaduto": a crime reported, no one charged
        while j < len(lows) and j <= i + 3 and (lows[j] in view.grammar.articles or lows[j].endswith(
                view.grammar.adverb_endings) or lows[j] in view.grammar.participle_adverbs):
            j += 1
        if j < len(lows) and lows[j] in frames.verb_objects:
            return True
        return any(after_at(j) for j in range(i + 1, min(len(lows), i + 2 + frames.verb_window)))
    if lemma not in frames.lemmas:
        return False
    if any(w in frames.before for w in lows[max(0, i - 2):i]):
        return True
    return after_at(i + 1)


@cache
def _singular_only(lang: str) -> frozenset[str]:
    return frozenset(load_yaml(lang, "events.yaml").get("table_singular_only") or ())


@cache
def trigger_lemmas(lang: str = "it") -> dict[str, TriggerEntry]:
    """``trigger_lemmas`` of ``events.yaml``: verb lemma -> the verbal trigger entry it names."""
    where = f"{lang}/events.yaml trigger_lemmas"
    table = load_yaml(lang, "events.yaml").get("trigger_lemmas") or {}
    if not isinstance(table, dict):
        raise DataFileError(f"{where}: expected a mapping lemma -> trigger lemma, got {table!r}.")
    entries = {e.lemma: e for e in event_lexicon(lang).triggers if e.pos == "verb"}
    out: dict[str, TriggerEntry] = {}
    for lemma, name in table.items():
        if name not in entries:
            raise DataFileError(f"{where}: '{lemma}: {name}' names no verbal trigger; valid: {sorted(entries)}.")
        out[str(lemma).lower()] = entries[name]
    return out


@cache
def lemma_endings(lang: str = "it") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``trigger_lemma_endings`` of ``events.yaml``, longest ending first."""
    where = f"{lang}/events.yaml trigger_lemma_endings"
    table = load_yaml(lang, "events.yaml").get("trigger_lemma_endings") or {}
    if not isinstance(table, dict) or not all(isinstance(v, list) and v for v in table.values()):
        raise DataFileError(f"{where}: expected a mapping ending -> list of infinitive endings, got {table!r}.")
    return tuple(sorted(((str(k), tuple(str(x) for x in v)) for k, v in table.items()), key=lambda kv: -len(kv[0])))


def verb_lemmas(tok: Token, lang: str = "it") -> tuple[str, ...]:
    """The lemma the lemmatizer gives ``tok`` and the infinitives rebuilt from the ending of a
    future, conditional, past historic or imperfect form, which it often gets wrong
    ("approveranno" -> "approvere", "visitò" -> "visitò", "criticherà" -> "critichare")."""
    out = [tok.lemma_.lower()]
    low = tok.lower_
    for ending, infinitives in lemma_endings(lang):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = low[:-len(ending)]
            for inf in infinitives:
                base = stem[:-1] if inf == "are" and stem.endswith(("ch", "gh")) else stem
                out.append(base + inf)
            break
    return tuple(dict.fromkeys(out))


def _by_lemma(tok: Token, lemmas: dict[str, TriggerEntry], lang: str = "it") -> TriggerEntry | None:
    """The verbal entry ``tok`` is an inflection of, when it is one the word forms leave out."""
    if tok.pos_ != "VERB" or "Fin" not in tok.morph.get("VerbForm", []):
        return None
    morph_tense, mood = set(tok.morph.get("Tense", [])), set(tok.morph.get("Mood", []))
    past_historic = "Past" in morph_tense
    if not (morph_tense & _LEMMA_TENSES or mood & _LEMMA_MOODS or past_historic):
        return None
    return next((lemmas[lem] for lem in verb_lemmas(tok, lang) if lem in lemmas), None)
