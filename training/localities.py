"""Localities below GeoNames' 500 people (frazioni, hamlets, quarters) and the comune each lies
in, read off the DICE articles (Gazzetta di Modena, 2011-2021; CC BY-NC-SA 4.0), so that "a Corlo"
in a Modena report is a place of Formigine, not a name with no coordinates, and "Cittanova" is the
hamlet of Modena, not the town in Calabria.

Two kinds of evidence, each a count over the articles:

- ``of``: the press names the comune after the locality: "a Corlo di Formigine", "San Martino
  Spino, frazione di Mirandola" (``locality_before`` / ``locality_of`` of venues.yaml);
- ``dateline``: a name after a cue that in the press precedes a town ("residente a Casinalbo",
  "in via Battezzate a Corlo", "un 75enne di Benedello", ``locality_*`` of venues.yaml) in an
  article whose dateline is a comune ("FORMIGINE."): a vote for that comune.

A name is kept with the comune of its ``of`` evidence when it has some (the most frequent), else
with the comune of at least ``--min-votes`` dateline votes that hold ``--min-share`` of its votes.
Given names and the ``not_names`` of venues.yaml are no localities; a name the gazetteer already
places within ``--near-km`` of that comune needs no entry.

The articles of the evaluation sets stay out: DICE's hand-annotated ones (the ``_LOC`` labels that
``benchmarks/dice_coverage.py --annotated`` scores) and those of ``eval/real``.

    .venv/bin/python training/localities.py > cronaca/data/it/localities.tsv
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from cronaca.data import load_yaml
from cronaca.extract.actors.lexicon import given_names
from cronaca.extract.gazetteer import PlaceInfo, load_gazetteer, place_key
from cronaca.extract.places import distance_km
from cronaca.ingest.text import article_from_text
from cronaca.ingest.tokens import read_dice_article

REPO = Path(__file__).resolve().parent.parent
DICE = REPO.parent / "shared" / "data" / "DICE-ItalianCrimeNews" / "articles"
MANUAL_LOC = re.compile(r"(?<![A-Z])\[(\d+)\]_LOC")
UPPER = "A-ZÀÈÉÌÒÙ"
WORD = rf"[{UPPER}][\w'’-]+"


def held_out() -> set[str]:
    """DICE ids of the evaluation sets: the hand-annotated articles and those of eval/real."""
    ids = {p.stem for p in DICE.glob("*.csv") if MANUAL_LOC.search(p.read_text(encoding="utf-8"))}
    ids |= {p.stem.removeprefix("dice-") for p in (REPO / "eval" / "real").glob("*/corpus/dice-*.txt")}
    return ids


def articles(skip: set[str]) -> Iterator[tuple[str, str | None]]:
    """(text, dateline place) of each DICE article outside ``skip``."""
    for path in sorted(DICE.glob("*.csv"), key=lambda p: int(p.stem)):
        if path.stem in skip:
            continue
        text, _ = read_dice_article(path)
        if text.strip():
            dateline = article_from_text(text, doc_id=path.stem, language="it").dateline
            yield text, dateline.place if dateline is not None else None


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a locality with its comune after it, a locality after a town cue)."""
    data = load_yaml("it", "venues.yaml")
    name = rf"(?P<name>{WORD}(?:\s+{WORD}){{0,2}})"
    of = re.compile(rf"(?<![\w'’])(?:{_alt(data['locality_before'])})\s+{name}\s*(?:{_alt(data['locality_of'])})"
                    rf"\s+(?P<town>{WORD}(?:\s+{WORD}){{0,2}})")
    venue_words = [h for h, f in data["heads"].items() if f == "venue"] + data["locality_venue_words"]
    streets = [h for h, f in data["heads"].items() if f == "street"]
    cued = re.compile(
        rf"(?<![\w'’])(?:(?i:{_alt(data['locality_residence_words'])})\s+(?:{_alt(data['locality_residence_preps'])})"
        rf"|(?i:{_alt(venue_words)})\s+(?:{_alt(data['locality_venue_preps'])})"
        rf"|(?i:{_alt(streets)})\s+[\w'’ ]{{2,40}}?\s+(?:{_alt(data['locality_street_preps'])})"
        rf"|\d+(?:{_alt(data['age_word_endings'])})\s+(?:{_alt(data['locality_age_preps'])}))\s+{name}(?![\w'’])")
    return of, cued


def km(a: PlaceInfo, b: PlaceInfo) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def comune(name: str, anchor: PlaceInfo | None = None) -> PlaceInfo | None:
    """An Italian town the gazetteer knows, with coordinates: of the towns sharing the name, the
    one nearest ``anchor`` (the corpus's own town: "Castelfranco" is Castelfranco Emilia in a
    Modena paper, not Castelfranco Veneto)."""
    gaz = load_gazetteer()
    info = gaz.get(name)
    options = [o for o in gaz.candidates(name) if o.lat is not None and o.country == "IT" and o.feature != "locality"]
    if anchor is not None and options:
        info = min(options, key=lambda o: km(o, anchor))
    if info is None or info.country != "IT" or info.feature not in ("city", "capital") or info.lat is None:
        return None
    return info


def corpus_town(docs: list[tuple[str, str | None]]) -> PlaceInfo | None:
    """The town the corpus files from most (its datelines' most frequent clear reading)."""
    counts = Counter(place.title() for _text, place in docs if place)
    for name, _n in counts.most_common():
        info = comune(name)
        if info is not None:
            return info
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-votes", type=int, default=2, help="dateline votes a name needs without 'of' evidence")
    parser.add_argument("--min-share", type=float, default=0.6, help="share of its votes the winning comune needs")
    parser.add_argument("--near-km", type=float, default=50.0, help="a known place this near its comune needs no entry")
    parser.add_argument("--common", type=int, default=5,
                        help="a name whose last word is written this often in lower case is a common word")
    parser.add_argument("--strong-of", type=int, default=3,
                        help="'of' evidence that makes a common word a locality ('a Rami di Ravarino')")
    parser.add_argument("--far-km", type=float, default=100.0,
                        help="a comune this far from the paper's town needs two pieces of evidence")
    args = parser.parse_args(argv)
    gaz = load_gazetteer()
    firsts = given_names()
    roles = load_yaml("it", "roles.yaml")
    venues = load_yaml("it", "venues.yaml")
    grammar = load_yaml("it", "grammar.yaml")
    # no locality opens with a venue's or an institution's head or a point of the compass
    not_names = set(venues["not_names"]) | set(roles["org_heads"]) | {w.capitalize() for w in roles["origin_heads"]} \
        | {w.capitalize() for w in venues["heads"]} | {w.capitalize() for w in grammar["place_head_nouns"]}
    docs = list(articles(held_out()))
    anchor = corpus_town(docs)
    of_pat, cued_pat = patterns()
    of: dict[str, Counter[str]] = defaultdict(Counter)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    short: dict[str, Counter[str]] = defaultdict(Counter)  # articles from a town naming it by its first part
    short_pat = re.compile(rf"(?<![\w'’])(?:a|ad|di|in)\s+([{UPPER}][a-zà-ù]+)(?![\w'’])")
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    n = 0
    lower: Counter[str] = Counter()  # lower-case words: "castello", "cortile" are common words too
    upper: Counter[str] = Counter()  # the same words capitalised (lower-cased)
    for text, place in docs:
        n += 1
        lower.update(re.findall(r"(?<![\w'’.@/])[a-zà-ù]+(?![\w'’@/])", text))
        upper.update(w.lower() for w in re.findall(rf"(?<![\w'’])[{UPPER}][a-zà-ù]+(?![\w'’])", text))

        for m in of_pat.finditer(text):
            town = comune(m.group("town"), anchor)
            if town is not None:
                of[place_key(m.group("name"))][town.name] += 1
                surface[place_key(m.group("name"))][m.group("name")] += 1
        home = comune(place, anchor) if place else None
        if home is None:
            continue
        for m in cued_pat.finditer(text):
            votes[place_key(m.group("name"))][home.name] += 1
            surface[place_key(m.group("name"))][m.group("name")] += 1
        # "SERRAMAZZONI ... a Serra", "PIEVEPELAGO ... a Pieve": the paper's short name of its town
        for word in set(short_pat.findall(text)):
            if len(word) >= 4 and place_key(home.name).startswith(place_key(word)) \
                    and len(home.name) > len(word) and home.name[len(word)].isalpha():
                short[place_key(word)][home.name] += 1
                surface[place_key(word)][word] += 1

    def common(word: str) -> bool:
        w = word.lower()
        return lower[w] >= args.common and lower[w] >= upper[w]

    print(f"# Localities of DICE ({n} articles; the evaluation articles left out): built by training/localities.py")
    print("# from the Gazzetta di Modena articles of DICE-ItalianCrimeNews (CC BY-NC-SA 4.0, Bonisoli et al.).")
    print("# name: as written most often; comune, geonames_id, lat, lon: the GeoNames town it lies in;")
    print("# of: 'a X di <comune>' count; votes: dateline votes for that comune / all its dateline votes;")
    print("# short: articles from that comune naming it by this first part of its name ('a Serra' for Serramazzoni).")
    print("name\tcomune\tgeonames_id\tlat\tlon\tof\tvotes\tshort")
    # a first part several towns near the comune share ("Castel": Castelvetro, Castelnuovo,
    # Castelfranco ...) is no short name of one
    towns = list({i.geonames_id: i for i in gaz.index.values()
                  if i.country == "IT" and i.feature in ("city", "capital") and i.lat is not None}.values())
    for key in list(short):
        own = comune(short[key].most_common(1)[0][0], anchor)
        if own is None or sum(1 for i in towns if place_key(i.name).startswith(key)
                              and km(i, own) <= args.near_km / 2) > 1:
            del short[key]
    rows = []
    for key in sorted(set(of) | set(votes) | set(short)):
        name = surface[key].most_common(1)[0][0]
        if name.split()[0] in firsts or name.split()[0] in not_names or len(key) < 3:
            continue
        strong = (len(short[key]) == 1 and short[key].most_common(1)[0][1] >= args.min_votes) or \
            (bool(of[key]) and of[key].most_common(1)[0][1] >= args.strong_of)
        if common(name.split()[-1]) and not strong:
            continue  # "a Castello", "Bottoli Costruzioni": a common word, too often no place ("a Rami di Ravarino" 3 times is one)
        # the first part of one town's name only ("Serra", "Pieve"; not "Castel": Castelvetro, Castelnuovo ...)
        abbreviated = len(short[key]) == 1 and short[key].most_common(1)[0][1] >= args.min_votes
        if abbreviated:
            town = short[key].most_common(1)[0][0]
            why = (of[key][town], votes[key][town], sum(votes[key].values()))
        elif of[key]:
            town, count = of[key].most_common(1)[0]
            why = (count, votes[key][town], sum(votes[key].values()))
        else:
            total = sum(votes[key].values())
            town, count = votes[key].most_common(1)[0]
            if count < args.min_votes or count < args.min_share * total:
                continue
            why = (0, count, total)
        home = comune(town, anchor)
        known = gaz.get(name) or gaz.get_common_word(name)
        if known is not None and known.feature == "locality":
            known = None  # this file's own entry, read back by the gazetteer
        if home is None or place_key(name) == place_key(town) or common(town.split()[-1]):
            continue  # "di Castello", "di Serra": a comune's short name too common to tell which
        if known is not None and not (why[0] and why[1]) and not abbreviated:
            # a town the gazetteer knows elsewhere ("Argenta", "Firenze", "Castello") is a locality
            # only on both kinds of evidence ("a Cittanova di Modena", "residente a Cittanova")
            continue
        if gaz.get(f"{name} di {town}") is not None or gaz.get(f"{name} {town}") is not None:
            continue  # "a Novi di Modena": the comune's own name
        near = [o for o in (*gaz.candidates(name), known) if o is not None and o.lat is not None and o.country == "IT"
                and o.feature != "locality"]
        if any(km(o, home) <= args.near_km for o in near):
            continue  # the gazetteer has it there ("Cento di Ferrara": the province after the town)
        if anchor is not None and km(home, anchor) > args.far_km and why[0] + why[1] < 2:
            continue  # once, far from the paper's area: too little to go on
        rows.append(f"{name}\t{home.name}\t{home.geonames_id}\t{home.lat}\t{home.lon}\t{why[0]}\t{why[1]}/{why[2]}"
                    f"\t{short[key][town]}")
    for row in rows:
        print(row)
    print(f"{len(rows)} localities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
