"""The function words of a language (``cronaca/data/<lang>/grammar.yaml``) as one typed record.

Articles, prepositions, auxiliaries, conjunctions and word endings the word rules of the event,
speaker and attribution extractors test against; read once per language and checked against
the fixed set of keys.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache, cached_property

from cronaca.data import load_word_lists


@dataclass(frozen=True)
class EventGrammar:
    definite_articles: frozenset[str]
    indefinite_articles: frozenset[str]
    phrase_determiners: frozenset[str]
    relatives: frozenset[str]
    complementizers: frozenset[str]
    agent_preps: frozenset[str]
    agent_phrases: frozenset[str]
    companion_words: frozenset[str]
    genitive_preps: frozenset[str]
    between_preps: frozenset[str]
    with_preps: frozenset[str]
    locative_preps: frozenset[str]
    venue_preps: frozenset[str]
    place_head_nouns: frozenset[str]
    dative_preps: frozenset[str]
    outlet_preps: frozenset[str]
    wide_support_preps: frozenset[str]
    support_recipient_preps: frozenset[str]
    happening_verbs: frozenset[str]
    answering_verbs: frozenset[str]
    subject_after_verbs: frozenset[str]
    happening_recipient_preps: frozenset[str]
    ending_verbs: frozenset[str]
    state_verbs: frozenset[str]
    sentence_entity_preps: frozenset[str]
    source_markers: frozenset[str]
    source_heads: frozenset[str]
    source_preps: frozenset[str]
    auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    pluperfect_auxiliaries: frozenset[str]
    copula_participles: frozenset[str]
    participle_adverbs: frozenset[str]
    object_participle_endings: tuple[str, ...]
    adjectival_participle_endings: tuple[str, ...]
    speaker_participle_endings: tuple[str, ...]
    gerund_endings: tuple[str, ...]
    verb_endings: tuple[str, ...]
    adverb_endings: tuple[str, ...]
    present_participle_or_gerund_ending: tuple[str, ...]
    coordinators: frozenset[str]
    forward_coordinators: frozenset[str]
    correlatives: frozenset[str]
    subordinators: frozenset[str]
    subject_breaks: frozenset[str]
    subject_stops: frozenset[str]
    scope_breaks: frozenset[str]
    name_particles: frozenset[str]

    @cached_property
    def articles(self) -> frozenset[str]:
        return self.definite_articles | self.indefinite_articles


KEYS = tuple(f.name for f in fields(EventGrammar))


@cache
def grammar(lang: str = "it") -> EventGrammar:
    """The function words of ``lang`` (cached)."""
    lists = load_word_lists(lang, "grammar.yaml", KEYS)
    values: dict[str, frozenset[str] | tuple[str, ...]] = {
        key: tuple(words) if key.endswith(("_endings", "_ending")) else frozenset(words)
        for key, words in lists.items()}
    return EventGrammar(**values)  # type: ignore[arg-type]
