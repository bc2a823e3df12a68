"""The Italian actor lexicon compiled for matching: role titles, nationality adjectives,
sector nouns, source phrases, and one gazetteer of every KB alias and country form."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cronaca.data import load_yaml
from cronaca.extract.actors.titles import TitleFinder
from cronaca.kb import ActorKB, KBActor, load_kb
from cronaca.kb.countries import CountryForm, CountryTable, load_countries

UPPER = "A-ZÀ-ÖØ-Þ"


@dataclass(frozen=True)
class Title:
    words: str
    keys: tuple[str, ...]
    portfolio: bool = False
    plural: bool = False
    anaphor_keys: tuple[str, ...] = ()  # roles the title names when it stands alone (default: keys)


@dataclass(frozen=True)
class GazetteerHit:
    actor: KBActor | None = None
    country: CountryForm | None = None


@dataclass(frozen=True)
class ActorLexicon:
    kb: ActorKB
    countries: CountryTable
    role_labels: dict[str, str]
    role_sectors: dict[str, str]
    titles: dict[str, Title]  # normalized title words -> title
    nationality: dict[str, str]  # adjective -> alpha-3
    sectors: dict[str, tuple[str, str]]  # noun -> (sector code, english name)
    bare_coref: frozenset[str]
    direct_name_sectors: frozenset[str]
    source_heads: frozenset[str]
    source_modifiers: frozenset[str]
    collectives: tuple[str, ...]
    org_heads: frozenset[str]
    origin_heads: frozenset[str]  # "del Foro di Reggio" after a name: where the person is from
    org_modifiers: frozenset[str]  # lower-case words going on an organisation name
    recipient_words: frozenset[str]  # "aiuti a Kiev": the capital after them is no venue
    particles: frozenset[str]
    name_articles: frozenset[str]  # "El", "Al" inside a name ("Ghizlan El Hadraoui")
    agency_words: frozenset[str]
    given_names: frozenset[str]
    past_markers: frozenset[str]
    gazetteer: dict[str, GazetteerHit]  # exact surface -> hit
    gazetteer_re: re.Pattern[str]
    title_finder: TitleFinder
    nat_re: str

    def hit(self, surface: str) -> GazetteerHit | None:
        return self.gazetteer.get(surface)

    def title(self, matched: str) -> Title | None:
        """The title a matched role phrase uses (nationality adjectives removed)."""
        words = [w for w in matched.split() if w.casefold() not in self.nationality]
        return self.titles.get(" ".join(words).casefold().replace("’", "'"))


def _variants(alias: str) -> set[str]:
    out = {alias}
    if alias[:1].islower():
        out.add(alias[:1].upper() + alias[1:])
    if "'" in alias:
        out |= {v.replace("'", "’") for v in set(out)}
    return out


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, the longest first (as an alternation
    sorted by length would), written as a prefix tree: one branch per next character instead
    of a thousand alternatives tried at every position."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:  # the longer words first, then this one (a greedy optional group)
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return "(?:" + pattern(trie) + ")"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names: the hand list ``given_names.yaml`` and the corpus list ``given_names_corpus.txt``."""
    return frozenset(list(load_yaml("kb", "given_names.yaml")["names"]) + _corpus_given_names())


def _corpus_given_names() -> list[str]:
    """``given_names_corpus.txt``: first words of the person names annotated in KIND and WikiNEuRal."""
    from cronaca.data import data_path

    lines = data_path("kb", "given_names_corpus.txt").read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


@lru_cache(maxsize=1)
def load_lexicon() -> ActorLexicon:
    data = load_yaml("it", "roles.yaml")
    kb = load_kb()
    countries = load_countries()
    nationality = {adj: code for code, adjs in data["nationalities"].items() for adj in adjs}
    nat = "|".join(sorted((re.escape(a) for a in nationality), key=len, reverse=True))
    titles = {t["words"].casefold().replace("’", "'"): Title(t["words"], tuple(t["keys"]), bool(t.get("portfolio")),
                                                                 bool(t.get("plural")),
                                                                 tuple(t.get("anaphor_keys") or t["keys"]))
              for t in data["titles"]}
    title_alts = sorted(titles.values(), key=lambda t: len(t.words), reverse=True)
    title_finder = TitleFinder.build((t.words for t in title_alts), nationality)
    gaz: dict[str, GazetteerHit] = {}
    for form in countries.forms:
        for v in _variants(form.text):
            gaz[v] = GazetteerHit(country=form)
    for actor in kb:  # KB actors win over country forms of the same surface
        for alias in (actor.name, *actor.aliases):
            for v in _variants(alias):
                gaz[v] = GazetteerHit(actor=actor)
    gazetteer_re = re.compile(r"(?<![\w-])" + _trie_pattern(gaz) + r"(?![\w-]|['’]\w)")
    src = data["sources"]
    return ActorLexicon(
        kb=kb, countries=countries,
        role_labels={k: v["label"] for k, v in data["role_keys"].items()},
        role_sectors={k: v["sector"] for k, v in data["role_keys"].items()},
        titles=titles, nationality=nationality,
        sectors={k: (v["sector"], v["name"]) for k, v in data["sectors"].items()},
        bare_coref=frozenset(data["bare_coref"]), direct_name_sectors=frozenset(data["direct_name_sectors"]),
        source_heads=frozenset(src["heads"]), source_modifiers=frozenset(src["modifiers"]),
        collectives=tuple(src["collectives"]), org_heads=frozenset(data["org_heads"]),
        origin_heads=frozenset(data["origin_heads"]),
        org_modifiers=frozenset(data["org_modifiers"]), recipient_words=frozenset(data["recipient_words"]),
        particles=frozenset(data["name_particles"]), name_articles=frozenset(data["name_articles"]), agency_words=frozenset(data["agency_words"]),
        given_names=given_names(), past_markers=frozenset(m.replace("’", "'") for m in data["past_markers"]),
        gazetteer=gaz, gazetteer_re=gazetteer_re, title_finder=title_finder, nat_re=nat,
    )
