"""The event lexicons as typed, validated records.

``cronaca/data/<lang>/events.yaml`` (triggers, frames, mode cues), ``status.yaml`` (status cues)
and the language-independent ``cronaca/data/plover.yaml`` (types, modes, CAMEO codes) are read
once per language and checked against their schema; a bad file raises :class:`DataFileError`
naming the key that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

from cronaca.data import load_yaml
from cronaca.errors import DataFileError

FRAMES = ("symmetric", "directed", "intransitive")
MEDIA = ("in_person", "phone", "any")
ROLES = ("actor", "recipient")
_ELISION = re.compile(r"(?<=['’])(?=\w)")

Phrase = tuple[str, ...]  # one word pattern per token; a trailing * matches any ending


def split_phrase(text: str) -> Phrase:
    """'stop all'ingresso' -> ('stop', "all'", 'ingresso'), lower case, curly apostrophes made straight."""
    text = text.lower().replace("’", "'")
    return tuple(w for part in text.split() for w in _ELISION.split(part) if w)


def word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1]) and len(word) >= len(pattern) - 1
    return word == pattern


def phrase_at(phrase: Phrase, words: Sequence[str], i: int) -> bool:
    """True when ``phrase`` matches ``words`` starting at index ``i``."""
    if i < 0 or i + len(phrase) > len(words):
        return False
    for k, pattern in enumerate(phrase):
        word = words[i + k]
        if pattern[-1:] == "*":
            if not word.startswith(pattern[:-1]):
                return False
        elif word != pattern:
            return False
    return True


@dataclass(frozen=True)
class PhraseIndex:
    """A list of phrases indexed by their first word, so that a position is tried only against
    the phrases that can start there: an exact first word is looked up in ``exact``, a first word
    ending in * (any ending) by the word's prefix of that length in ``prefixed``.  Candidates come
    back in the order of ``phrases``, so "the first phrase that matches" is the same as a scan."""

    phrases: tuple[Phrase, ...]
    exact: Mapping[str, tuple[int, ...]]
    prefixed: Mapping[str, tuple[int, ...]]
    prefix_lengths: tuple[int, ...]
    always: tuple[int, ...] = ()  # empty phrases (match everywhere)

    def candidates(self, word: str) -> tuple[int, ...]:
        found = self.exact.get(word, ())
        if self.prefix_lengths or self.always:
            more = [k for n in self.prefix_lengths if len(word) >= n for k in self.prefixed.get(word[:n], ())]
            if more or self.always:
                found = tuple(sorted(found + tuple(more) + self.always))
        return found

    def matches_at(self, words: Sequence[str], i: int) -> list[int]:
        """Positions in ``phrases`` of the phrases matching ``words`` at ``i``, in list order."""
        if i < 0 or i >= len(words):
            return [k for k in self.always if 0 <= i <= len(words)]
        phrases = self.phrases
        return [k for k in self.candidates(words[i]) if phrase_at(phrases[k], words, i)]

    def first_at(self, words: Sequence[str], i: int) -> Phrase | None:
        """The first phrase of the list matching ``words`` at ``i`` (None if none does)."""
        if i < 0 or i >= len(words):
            return None
        phrases = self.phrases
        for k in self.candidates(words[i]):
            if phrase_at(phrases[k], words, i):
                return phrases[k]
        return None


@lru_cache(maxsize=256)
def phrase_index(phrases: tuple[Phrase, ...]) -> PhraseIndex:
    """The index of a phrase list (built once per list)."""
    exact: dict[str, list[int]] = {}
    prefixed: dict[str, list[int]] = {}
    always: list[int] = []
    for k, phrase in enumerate(phrases):
        if not phrase:
            always.append(k)
        elif phrase[0].endswith("*"):
            prefixed.setdefault(phrase[0][:-1], []).append(k)
        else:
            exact.setdefault(phrase[0], []).append(k)
    return PhraseIndex(phrases=phrases, exact={w: tuple(v) for w, v in exact.items()},
                       prefixed={w: tuple(v) for w, v in prefixed.items()},
                       prefix_lengths=tuple(sorted({len(w) for w in prefixed})), always=tuple(always))


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    pos: str
    forms: tuple[Phrase, ...]
    type: str
    mode: str | None = None
    frame: str = "directed"
    genitive: str = "actor"
    agent_by: str = "actor"
    medium: str = "any"
    excepted: tuple[str, ...] = ()
    requires_after: tuple[Phrase, ...] = ()
    requires_window: int = 0
    not_before: tuple[Phrase, ...] = ()
    not_after: tuple[Phrase, ...] = ()
    except_after: tuple[Phrase, ...] = ()
    recipient_preps: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    borrow: tuple[str, ...] = ()
    sentence_fallback: bool = False
    default_status: str = "occurred"
    min_participants: int = 0  # 0: the frame's default
    same_word_coref: bool = False  # without participants, refers back only to a mention of the same lemma
    implicit_actor: bool = True  # False: no authority of implicit_actor_sectors is taken as its actor
    source: str = "events.yaml"  # or "table": predicates.tsv (participants from the parse)


@dataclass(frozen=True)
class Sense:
    """A word whose event follows its participants (``actor_senses``, ``recipient_senses`` of
    events.yaml): read as ``type``/``mode`` when their codes end with one of ``sectors``."""

    source: str  # the type it is found as (actor senses), or type/mode (recipient senses)
    sectors: tuple[str, ...]
    type: str
    mode: str | None
    forms: tuple[Phrase, ...] = ()  # actor senses: the words it holds for
    implicit: bool = False  # with no actor named, an authority of ``sectors`` is taken first


@dataclass(frozen=True)
class EventLexicon:
    triggers: tuple[TriggerEntry, ...]
    support_verbs: tuple[Phrase, ...]
    head_nouns: frozenset[str]
    agent_nouns: frozenset[str]
    pair_phrases: tuple[Phrase, ...]
    clause_breaks: tuple[Phrase, ...]
    reporting: frozenset[str]
    prepositions: frozenset[str]
    definite: frozenset[str]
    indefinite: frozenset[str]
    new_markers: frozenset[str]
    mode_cues: dict[str, tuple[tuple[str, tuple[Phrase, ...]], ...]]
    nationalities: dict[str, str]  # adjective -> ISO alpha-3
    phrase_ends: frozenset[str] = frozenset()
    # PLOVER type -> actor-code sectors whose entity is the implicit actor ("è stato arrestato")
    implicit_actor_sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # PLOVER type/mode -> actor sectors that cannot do it (the police convict no one)
    excluded_actor_sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    topic_sectors: tuple[str, ...] = ()
    # lemmas naming their event by saying it did not happen ("assolto": no conviction)
    negating_lemmas: frozenset[str] = frozenset()
    military_anaphora: tuple[Phrase, ...] = ()
    venue_phrases: tuple[Phrase, ...] = ()
    place_anaphora: frozenset[str] = frozenset()
    venue_verbs: frozenset[str] = frozenset()
    speech_act_types: frozenset[str] = frozenset()
    # a court party's request goes to the judge: (types, judge titles, party words)
    court_requests: tuple[frozenset[str], frozenset[str], frozenset[str]] = (frozenset(), frozenset(), frozenset())
    # "condannare" by a court sentences; a call to the police asks for their help
    actor_senses: tuple[Sense, ...] = ()
    recipient_senses: tuple[Sense, ...] = ()

    @cached_property
    def trigger_forms(self) -> tuple[tuple[TriggerEntry, Phrase], ...]:
        """Every (entry, form) pair, entries in file order, each entry's forms longest first."""
        return tuple((entry, form) for entry in self.triggers for form in entry.forms)

    @cached_property
    def trigger_index(self) -> PhraseIndex:
        """The forms of ``trigger_forms`` indexed by first word (same positions)."""
        return phrase_index(tuple(form for _, form in self.trigger_forms))


@dataclass(frozen=True)
class StatusLexicon:
    priority: tuple[str, ...]
    before: tuple[tuple[str, Phrase], ...]  # (status, phrase), longest phrases first
    after: tuple[tuple[str, Phrase], ...]
    window_before: int
    window_after: int
    window_negation: int
    negation: frozenset[str]
    negators: frozenset[str]
    suppress: tuple[Phrase, ...]
    hearsay_past: tuple[Phrase, ...]
    future_endings: tuple[str, ...]
    conditional_endings: tuple[str, ...]
    participle_endings: tuple[str, ...]
    infinitive_endings: tuple[str, ...]
    auxiliaries: frozenset[str]
    passive: frozenset[str]
    modal_planned: frozenset[str]
    denials: tuple[Phrase, ...]
    denial_types: tuple[str, ...]
    denial_sentences_back: int
    enacting_cues: tuple[Phrase, ...] = ()
    enacting_types: frozenset[str] = frozenset()
    existential: tuple[Phrase, ...] = ()  # "non c'è", "non esiste": the noun after them is negated
    existential_fillers: frozenset[str] = frozenset()  # words allowed between the cue and the noun
    future_forms: frozenset[str] = frozenset()  # short future forms ("avrà") the endings test misses
    progressive: frozenset[str] = frozenset()  # forms of "stare" before a gerund: ongoing
    phase_end: frozenset[str] = frozenset()  # "conclusione", "fine" (+ genitive + event)
    phase_start: frozenset[str] = frozenset()  # "inizio", "ripresa"
    phase_genitive: frozenset[str] = frozenset()
    subject_modals: frozenset[str] = frozenset()  # "l'incontro doveva ...": planned
    not_cues: tuple[Phrase, ...] = ()  # phrases whose words are no cue ("rinviato a giudizio")
    durative_present: frozenset[str] = frozenset()  # TYPE or TYPE/mode a simple present tells as ongoing
    denial_verbs: tuple[Phrase, ...] = ()  # "smentito" (+ fillers + a status noun)
    denial_fillers: frozenset[str] = frozenset()  # "il", "ogni" between the verb and the noun
    denial_nouns: tuple[tuple[str, str], ...] = ()  # ("rinvio", "postponed")

    @cached_property
    def before_index(self) -> PhraseIndex:
        return phrase_index(tuple(p for _, p in self.before))

    @cached_property
    def after_index(self) -> PhraseIndex:
        return phrase_index(tuple(p for _, p in self.after))


@dataclass(frozen=True)
class Plover:
    cameo: dict[str, str]  # type -> CAMEO code
    modes: dict[str, dict[str, str | None]]  # type -> mode -> CAMEO code or None
    # governing type -> embedded type -> the governing event's mode ("ha chiesto aiuti": REQUEST/assist)
    embedded_actions: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def cameo_for(self, type_: str, mode: str | None) -> str | None:
        if mode and self.modes.get(type_, {}).get(mode):
            return self.modes[type_][mode]
        return self.cameo.get(type_)


def _need(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise DataFileError(f"{where}: the key '{key}' is missing.")
    if not isinstance(data[key], kind):
        raise DataFileError(f"{where}: '{key}' must be a {kind.__name__}, not {type(data[key]).__name__} "
                            f"({data[key]!r}).")
    return data[key]


def _phrases(values: Any, where: str) -> tuple[Phrase, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise DataFileError(f"{where}: expected a list of non-empty strings, got {values!r}.")
    return tuple(sorted((split_phrase(v) for v in values), key=len, reverse=True))


@cache
def plover() -> Plover:
    data = load_yaml(".", "plover.yaml")
    types = _need(data, "types", dict, "plover.yaml")
    cameo: dict[str, str] = {}
    modes: dict[str, dict[str, str | None]] = {}
    for name, spec in types.items():
        where = f"plover.yaml types.{name}"
        if not isinstance(spec, dict):
            raise DataFileError(f"{where}: expected a mapping with 'cameo' and 'modes'.")
        cameo[name] = str(_need(spec, "cameo", str, where))
        modes[name] = {str(m): (None if c is None else str(c)) for m, c in _need(spec, "modes", dict, where).items()}
    embedded: dict[str, dict[str, str | None]] = {}
    for outer, inner in _need(data, "embedded_actions", dict, "plover.yaml").items():
        where = f"plover.yaml embedded_actions.{outer}"
        if outer not in cameo or not isinstance(inner, dict) or set(inner) - set(cameo):
            raise DataFileError(f"{where}: expected a PLOVER type mapping PLOVER types to a mode or null.")
        for kind, mode in inner.items():
            if mode is not None and mode not in modes[outer]:
                raise DataFileError(f"{where}.{kind}: '{mode}' is no mode of {outer}; "
                                    f"valid: {sorted(modes[outer])}.")
        embedded[str(outer)] = {str(k): (None if m is None else str(m)) for k, m in inner.items()}
    return Plover(cameo=cameo, modes=modes, embedded_actions=embedded)


def _entry(raw: Any, n: int, types: Plover) -> TriggerEntry:
    where = f"events.yaml triggers[{n}]"
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: expected a mapping, got {raw!r}.")
    known = {"lemma", "pos", "forms", "type", "mode", "frame", "genitive", "agent_by", "medium", "except",
             "requires_after", "not_before", "not_after", "except_after", "recipient_preps", "actor_types",
             "borrow", "sentence_fallback", "default_status", "min_participants", "coref", "implicit_actor"}
    unknown = set(raw) - known
    if unknown:
        raise DataFileError(f"{where}: unknown keys {sorted(unknown)}; valid keys: {sorted(known)}.")
    type_ = _need(raw, "type", str, where)
    if type_ not in types.cameo:
        raise DataFileError(f"{where}: type '{type_}' is not a PLOVER type; valid: {sorted(types.cameo)}.")
    mode = raw.get("mode")
    if mode is not None and mode not in types.modes[type_]:
        raise DataFileError(f"{where}: mode '{mode}' is not a mode of {type_}; valid: {sorted(types.modes[type_])}.")
    pos = _need(raw, "pos", str, where)
    if pos not in ("noun", "verb"):
        raise DataFileError(f"{where}: pos must be 'noun' or 'verb', not '{pos}'.")
    checks = {"frame": FRAMES, "medium": MEDIA, "genitive": ROLES, "agent_by": ROLES}
    for key, valid in checks.items():
        if key in raw and raw[key] not in valid:
            raise DataFileError(f"{where}: {key} '{raw[key]}' is not one of {list(valid)}.")
    req = raw.get("requires_after") or {}
    if req and not isinstance(req, dict):
        raise DataFileError(f"{where}: requires_after must be a mapping {{words: [...], window: n}}.")
    if raw.get("coref", "any") not in ("any", "same_word"):
        raise DataFileError(f"{where}: coref must be 'any' or 'same_word', not {raw['coref']!r}.")
    for t in raw.get("borrow", []):
        if t not in types.cameo:
            raise DataFileError(f"{where}: borrow type '{t}' is not a PLOVER type.")
    return TriggerEntry(
        lemma=_need(raw, "lemma", str, where), pos=pos, forms=_phrases(_need(raw, "forms", list, where), where),
        type=type_, mode=mode, frame=raw.get("frame", "directed"), genitive=raw.get("genitive", "actor"),
        agent_by=raw.get("agent_by", "actor"), medium=raw.get("medium", "any"),
        excepted=tuple(str(w).lower() for w in raw.get("except", [])),
        requires_after=_phrases(req["words"], where) if req else (), requires_window=int(req.get("window", 0)),
        not_before=_phrases(raw.get("not_before", []), where), not_after=_phrases(raw.get("not_after", []), where),
        except_after=_phrases(raw.get("except_after", []), where),
        recipient_preps=tuple(split_phrase(" ".join(raw.get("recipient_preps", [])))),
        actor_types=tuple(raw.get("actor_types", [])), borrow=tuple(raw.get("borrow", [])),
        sentence_fallback=bool(raw.get("sentence_fallback", False)),
        default_status=str(raw.get("default_status", "occurred")),
        min_participants=int(raw.get("min_participants", 0)),
        same_word_coref=raw.get("coref", "any") == "same_word",
        implicit_actor=bool(raw.get("implicit_actor", True)),
    )


def _words(values: Any, where: str) -> frozenset[str]:
    return frozenset(w for p in _phrases(values, where) for w in p)


@cache
def event_lexicon(lang: str = "it") -> EventLexicon:
    data = load_yaml(lang, "events.yaml")
    where = f"{lang}/events.yaml"
    types = plover()
    triggers = tuple(_entry(raw, n, types) for n, raw in enumerate(_need(data, "triggers", list, where)))
    mode_cues: dict[str, tuple[tuple[str, tuple[Phrase, ...]], ...]] = {}
    for type_, modes in _need(data, "mode_cues", dict, where).items():
        if type_ not in types.cameo:
            raise DataFileError(f"{where} mode_cues: '{type_}' is not a PLOVER type.")
        for mode in modes:
            if mode not in types.modes[type_]:
                raise DataFileError(f"{where} mode_cues.{type_}: '{mode}' is not a mode of {type_}.")
        mode_cues[type_] = tuple((m, _phrases(v, f"{where} mode_cues.{type_}.{m}")) for m, v in modes.items())
    try:
        roles = load_yaml(lang, "roles.yaml")
    except DataFileError:
        roles = {}
    nat = {str(adj).lower(): code for code, adjs in (roles or {}).get("nationalities", {}).items() for adj in adjs}
    return EventLexicon(
        triggers=triggers,
        support_verbs=_phrases(_need(data, "support_verbs", list, where), where),
        head_nouns=_words(_need(data, "head_nouns", list, where), where),
        agent_nouns=_words(_need(data, "agent_nouns", list, where), where),
        pair_phrases=_phrases(_need(data, "pair_phrases", list, where), where),
        clause_breaks=_phrases(_need(data, "clause_breaks", list, where), where),
        reporting=_words(_need(data, "reporting", list, where), where),
        prepositions=_words(_need(data, "prepositions", list, where), where),
        definite=_words(_need(data, "definite", list, where), where),
        indefinite=_words(_need(data, "indefinite", list, where), where),
        new_markers=_words(_need(data, "new_markers", list, where), where),
        mode_cues=mode_cues, nationalities=nat,
        phrase_ends=_words(_need(data, "phrase_ends", list, where), where),
        military_anaphora=_phrases(_need(data, "military_anaphora", list, where), where),
        venue_phrases=_phrases(_need(data, "venue_phrases", list, where), where),
        place_anaphora=_words(_need(data, "place_anaphora", list, where), where),
        venue_verbs=_words(_need(data, "venue_verbs", list, where), where),
        speech_act_types=frozenset(str(t) for t in _need(data, "speech_act_types", list, where)),
        implicit_actor_sectors={str(k): tuple(str(x) for x in v)
                                for k, v in _need(data, "implicit_actor_sectors", dict, where).items()},
        excluded_actor_sectors={str(k): tuple(str(x) for x in v)
                                for k, v in (data.get("excluded_actor_sectors") or {}).items()},
        negating_lemmas=frozenset(str(w) for w in data.get("negating_lemmas") or ()),
        topic_sectors=tuple(str(x) for x in data.get("topic_sectors") or ()),
        court_requests=_court_requests(data.get("court_requests") or {}, where),
        actor_senses=tuple(_sense(raw, f"{where} actor_senses") for raw in data.get("actor_senses") or ()),
        recipient_senses=tuple(_sense(raw, f"{where} recipient_senses") for raw in data.get("recipient_senses") or ()),
    )


def _sense(raw: Any, where: str) -> Sense:
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: expected a mapping, got {raw!r}.")
    return Sense(source=str(_need(raw, "from", str, where)), sectors=tuple(str(x) for x in _need(raw, "sectors", list, where)),
                 type=str(_need(raw, "type", str, where)), mode=raw.get("mode"),
                 forms=_phrases(raw.get("forms") or [], where), implicit=bool(raw.get("implicit", False)))


def _court_requests(raw: dict, where: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    types = frozenset(str(t) for t in raw.get("types") or ())
    unknown = types - set(plover().cameo)
    if unknown:
        raise DataFileError(f"{where} court_requests.types: {sorted(unknown)} are not PLOVER types.")
    return (types, frozenset(str(w).casefold() for w in raw.get("judges") or ()),
            frozenset(str(w).casefold() for w in raw.get("parties") or ()))


@cache
def status_lexicon(lang: str = "it") -> StatusLexicon:
    data = load_yaml(lang, "status.yaml")
    where = f"{lang}/status.yaml"
    priority = tuple(_need(data, "priority", list, where))
    cues = _need(data, "cues", dict, where)
    before: list[tuple[str, Phrase]] = []
    after: list[tuple[str, Phrase]] = []
    for status, sides in cues.items():
        if status not in priority:
            raise DataFileError(f"{where} cues: status '{status}' is not in priority {list(priority)}.")
        for side, out in (("before", before), ("after", after)):
            out.extend((status, p) for p in _phrases(sides.get(side, []), f"{where} cues.{status}.{side}"))
    window = _need(data, "window", dict, where)
    tense = _need(data, "tense", dict, where)
    denials = _need(data, "denials", dict, where)
    existential = _need(data, "existential", dict, where)
    phases = _need(data, "phases", dict, where)
    return StatusLexicon(
        priority=priority,
        before=tuple(sorted(before, key=lambda sp: len(sp[1]), reverse=True)),
        after=tuple(sorted(after, key=lambda sp: len(sp[1]), reverse=True)),
        window_before=int(window["before"]), window_after=int(window["after"]),
        window_negation=int(window["negation"]),
        negation=_words(_need(data, "negation", list, where), where),
        negators=_words(_need(data, "negators", list, where), where),
        suppress=_phrases(_need(data, "suppress", list, where), where),
        not_cues=_phrases(data.get("not_cues") or [], where),
        durative_present=frozenset(str(t) for t in data.get("durative_present") or ()),
        hearsay_past=_phrases(_need(data, "hearsay_past", list, where), where),
        future_endings=tuple(tense["future_endings"]), conditional_endings=tuple(tense["conditional_endings"]),
        participle_endings=tuple(tense["participle_endings"]), infinitive_endings=tuple(tense["infinitive_endings"]),
        auxiliaries=frozenset(tense["auxiliaries"]), passive=frozenset(tense["passive"]),
        modal_planned=frozenset(tense["modal_planned"]),
        denials=_phrases(denials["patterns"], f"{where} denials"), denial_types=tuple(denials["types"]),
        denial_sentences_back=int(denials["sentences_back"]),
        enacting_cues=_phrases(_need(data, "enacting", dict, where).get("cues", []), f"{where} enacting.cues"),
        enacting_types=frozenset(str(t) for t in data["enacting"].get("types", [])),
        existential=_phrases(existential.get("cues", []), f"{where} existential.cues"),
        existential_fillers=_words(existential.get("fillers", []), f"{where} existential.fillers"),
        future_forms=frozenset(tense.get("future_forms", [])),
        progressive=frozenset(tense.get("progressive", [])),
        phase_end=_words(phases.get("end", []), f"{where} phases.end"),
        phase_start=_words(phases.get("start", []), f"{where} phases.start"),
        phase_genitive=_words(phases.get("genitive", []), f"{where} phases.genitive"),
        subject_modals=_words(_need(data, "subject_modals", list, where), where),
        denial_verbs=_phrases(denials.get("verbs", []), f"{where} denials.verbs"),
        denial_fillers=_words(denials.get("fillers", []), f"{where} denials.fillers"),
        denial_nouns=_status_nouns(denials.get("status_nouns", {}), priority, f"{where} denials.status_nouns"),
    )


def _status_nouns(values: Any, priority: Sequence[str], where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(values, dict):
        raise DataFileError(f"{where}: expected a mapping noun -> status, got {values!r}.")
    out: list[tuple[str, str]] = []
    for noun, status in values.items():
        if not isinstance(noun, str) or len(split_phrase(noun)) != 1 or status not in priority:
            raise DataFileError(f"{where}: '{noun}: {status}' must map one word to a status of {list(priority)}.")
        out.append((split_phrase(noun)[0], str(status)))
    return tuple(out)
