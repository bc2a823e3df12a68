"""Words at the output edge: story titles, event labels, source chains and one-sentence
explanations of contradictions, in the reader's language.

The story layer keeps structure only (which slot, which values, which sides, which
evidence); this module words it.  The wording (report phrase, event nouns with their
article and gender, status predicates, how a chain of sources reads, one template per slot)
is data: ``data/<lang>/story.yaml``, and a language is available when its file has the
wording keys (:data:`LANGUAGES`): a new language is a data file, not code.  A pair from one
article uses the ``<slot>_same`` template ("In the 21 October report, … according to X, but
… according to Y").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from cronaca.data import DATA_DIR, load_yaml
from cronaca.errors import ConfigError, DataFileError
from cronaca.folding import fold
from cronaca.records import Contradiction, Side, SourceRef, Story, StoryEvent
from cronaca.story import iso_ordinal


def available_languages() -> tuple[str, ...]:
    """The languages whose ``story.yaml`` holds the wording (``templates`` among its keys)."""
    found = []
    for path in sorted(DATA_DIR.glob("*/story.yaml")):
        if any(line.startswith("templates:") for line in path.read_text(encoding="utf-8").splitlines()):
            found.append(path.parent.name)
    return tuple(found)


LANGUAGES: tuple[str, ...] = available_languages()
MAX_TITLE_EVENTS = 2
SLOTS = ("place", "time", "status", "participants", "role")
REQUIRED = ("months", "months_short", "report", "report_in", "report_undated", "report_in_undated",
            "article_itself", "via", "via_sources", "according", "according_report", "according_article",
            "and", "event", "event_single", "event_bare", "definite", "nouns", "statuses", "predicates",
            "dated", "templates", "source_heads", "source_adjectives", "articles", "title",
            "title_events_join", "span_same_day", "span_same_month", "span_same_year", "span_years")


@dataclass(frozen=True)
class EventName:
    """How an explanation names a story event: "the Rubio–Lavrov meeting" / "l'incontro tra …"."""

    label: str  # bare, for titles and timelines: "Rubio–Lavrov meeting", "incontro tra Rubio e Lavrov"
    definite: str  # with its article, inside a sentence
    gender: str = "m"


def _gendered(value: Any, gender: str) -> str:
    if isinstance(value, dict):
        return str(value.get(gender) or value.get("m") or next(iter(value.values())))
    return str(value)


@dataclass(frozen=True)
class Wording:
    lang: str
    raw: dict[str, Any]

    def _noun_forms(self, type_: str, mode: str | None) -> dict[str, str]:
        nouns = self.raw["nouns"]
        entry = nouns.get(f"{type_}/{mode}") or nouns.get(type_) or type_.lower()
        if isinstance(entry, dict):
            noun = str(entry.get("noun", type_.lower()))
            return {"noun": noun, "def": str(entry.get("def", noun)), "gender": str(entry.get("gender", "m"))}
        return {"noun": str(entry), "def": str(entry), "gender": "m"}

    def noun(self, type_: str, mode: str | None) -> str:
        return self._noun_forms(type_, mode)["noun"]

    def status(self, status: str) -> str:
        return str(self.raw["statuses"].get(status, status))

    def predicate(self, status: str, gender: str = "m") -> str:
        return _gendered(self.raw["predicates"].get(status, status), gender)

    def _date_phrase(self, iso: str) -> dict[str, Any]:
        day, month = int(iso[8:10]), self.raw["months"][int(iso[5:7]) - 1]
        fields: dict[str, Any] = {"day": day, "month": month}
        if "of_date" in self.raw:
            shown = self.raw.get("first_day", day) if day == 1 else day
            key = "of_date_vowel" if day in (self.raw.get("vowel_days") or ()) else "of_date"
            fields["of_date"] = str(self.raw[key]).format(day=shown, month=month)
            fields["day"] = shown
        return fields

    def report(self, doc_id: str, date: str | None, key: str = "report") -> str:
        if date and len(date) >= 10 and iso_ordinal(date) is not None:
            return str(self.raw[key]).format(**self._date_phrase(date))
        return str(self.raw[f"{key}_undated"]).format(doc_id=doc_id)

    def time_value(self, value: str, written: str | None, lang: str) -> str:
        """A time as the sentence shows it: as written in the same language, else from its value."""
        if written and lang == self.lang:
            return written
        months = self.raw["months"]
        if len(value) >= 10 and iso_ordinal(value) is not None:
            return f"{int(value[8:10])} {months[int(value[5:7]) - 1]} {value[:4]}"
        if len(value) == 7 and value[4] == "-" and value[5:7].isdigit() and 1 <= int(value[5:7]) <= 12:
            return f"{months[int(value[5:7]) - 1]} {value[:4]}"
        return value

    # -- sources ---------------------------------------------------------------------------
    def _head(self, s: SourceRef) -> dict[str, Any] | None:
        heads = load_source_heads(s.lang)
        return heads.get(fold(s.head)) if s.head else None

    def source(self, s: SourceRef) -> str:
        """One source as this language names it."""
        if s.type == "PER":
            return s.name
        same_language = s.lang == self.lang
        if s.head is not None:
            if same_language:
                return s.written
            head = self._head(s) or {}
            english = str(head.get(self.lang, s.head))
            if fold(s.name) != fold(s.written) and fold(s.name) != fold(s.written.split(" ")[0]):
                return f"{s.name} {english}"  # "fonti della Casa Bianca" -> "White House sources"
            adjectives = load_source_adjectives(s.lang)
            rest = [adjectives.get(fold(w)) for w in s.written.split(" ")[1:]]
            if all(rest):
                return " ".join([*reversed([str(r) for r in rest]), english])
            return f"“{s.written}”"
        if same_language and s.written:
            return f"{s.article} {s.written}".replace("' ", "'") if s.article else s.written
        return s.name if s.type is not None else f"“{s.name}”"  # a phrase naming no entity

    def sources(self, chain: Sequence[SourceRef]) -> str:
        if not chain:
            return str(self.raw["article_itself"])
        out = self.source(chain[0])
        inner = chain[0]
        for outer in chain[1:]:
            head = self._head(inner) if inner.head is not None else None
            outer_name = self.source(outer)
            if head is not None:
                bare = outer_name
                article = outer.article if outer.lang == self.lang else None
                if article and bare.startswith(article):
                    bare = bare[len(article):].lstrip()
                da = str((self.raw.get("da_article") or {}).get(article or "", "")).strip()
                da_outer = (f"{da} {bare}".replace("' ", "'") if da else bare)
                out = str(self.raw["via_sources"]).format(inner=out, outer=outer_name, da_outer=da_outer,
                                                          cited=head.get("cited", ""))
            else:
                out = str(self.raw["via"]).format(inner=out, outer=outer_name)
            inner = outer
        return out

    def according(self, side: Side, *, with_report: bool) -> str:
        if not side.sources:
            return str(self.raw["according_article"]).format(report=self.report(side.doc_id, side.date))
        key = "according_report" if with_report else "according"
        return str(self.raw[key]).format(sources=self.sources(side.sources),
                                         report_in=self.report(side.doc_id, side.date, "report_in"))

    # -- events and titles -----------------------------------------------------------------
    def event_name(self, type_: str, mode: str | None, participants: Sequence[str]) -> EventName:
        forms = self._noun_forms(type_, mode)
        if not participants:
            key = "event_bare"
            joined = ""
        else:
            shown = list(participants[:3])
            joined = "–".join(shown) if self.lang == "en" else \
                (", ".join(shown[:-1]) + str(self.raw["and"]) + shown[-1] if len(shown) > 1 else shown[0])
            key = "event" if len(participants) > 1 else "event_single"
        label = str(self.raw[key]).format(noun=forms["noun"], participants=joined)
        inner = str(self.raw[key]).format(noun=forms["def"], participants=joined)
        return EventName(label, str(self.raw["definite"]).format(label=inner), forms["gender"])

    def event_label(self, type_: str, mode: str | None, participants: tuple[str, ...]) -> str:
        return self.event_name(type_, mode, participants).label

    def date_span(self, first: str | None, last: str | None) -> str:
        if not first or not last:
            return ""
        short = self.raw["months_short"]
        f = {"d1": int(first[8:10]), "m1": short[int(first[5:7]) - 1], "y1": first[:4],
             "d2": int(last[8:10]), "m2": short[int(last[5:7]) - 1], "y2": last[:4]}
        if first[:10] == last[:10]:
            key = "span_same_day"
        elif first[:7] == last[:7]:
            key = "span_same_month"
        elif first[:4] == last[:4]:
            key = "span_same_year"
        else:
            key = "span_years"
        return str(self.raw[key]).format(**f)

    def title(self, labels: Sequence[str], first: str | None, last: str | None) -> str:
        events = str(self.raw["title_events_join"]).join(labels)
        events = events[:1].upper() + events[1:]
        span = self.date_span(first, last)
        if not span:
            return events
        return str(self.raw["title"]).format(events=events, span=span) if events else span


def check_wording(raw: Any, lang: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise DataFileError(f"'{lang}/story.yaml' must hold a mapping.")
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise DataFileError(f"'{lang}/story.yaml' is missing key(s) {', '.join(missing)}.")
    templates = raw["templates"]
    need = [f"{s}{suffix}" for s in SLOTS for suffix in ("", "_same")]
    absent = [t for t in need if t not in templates]
    if absent:
        raise DataFileError(f"'{lang}/story.yaml' templates lack {', '.join(absent)}.")
    for key in ("months", "months_short"):
        if len(raw[key]) != 12:
            raise DataFileError(f"'{lang}/story.yaml' must list 12 {key}, found {len(raw[key])}.")
    return raw


@cache
def wording(lang: str = "en") -> Wording:
    if lang not in LANGUAGES:
        raise ConfigError(f"explanation language '{lang}' is not available; choose one of "
                          f"{', '.join(LANGUAGES)}.")
    return Wording(lang, check_wording(load_yaml(lang, "story.yaml"), lang))


@cache
def _raw_or_empty(lang: str) -> dict[str, Any]:
    try:
        raw = load_yaml(lang, "story.yaml")
    except DataFileError:
        return {}
    return raw if isinstance(raw, dict) else {}


def load_source_heads(lang: str) -> dict[str, dict[str, Any]]:
    return {fold(k): dict(v or {}) for k, v in (_raw_or_empty(lang).get("source_heads") or {}).items()}


def load_source_adjectives(lang: str) -> dict[str, str]:
    return {fold(k): str(v) for k, v in (_raw_or_empty(lang).get("source_adjectives") or {}).items()}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _sentence(slot: str, a: Side, b: Side, w: Wording, *, event: EventName | None = None,
              person: str | None = None) -> str:
    """One sentence: what conflicts and who says what (``value`` of each side as shown)."""
    same = a.doc_id == b.doc_id
    template = str(w.raw["templates"][f"{slot}_same" if same else slot])
    gender = event.gender if event is not None else "m"
    fields = {
        "According_a": _cap(w.according(a, with_report=not same)),
        "according_a": w.according(a, with_report=not same),
        "according_b": w.according(b, with_report=not same),
        "Report_in": _cap(w.report(a.doc_id, a.date, "report_in")),
        "value_a": a.value, "value_b": b.value,
        "pred_a": w.predicate(a.status or "", gender), "pred_b": w.predicate(b.status or "", gender),
        "dated": _gendered(w.raw["dated"], gender),
        "event": event.definite if event is not None else "",
        "person": person or "",
    }
    return _cap(" ".join(template.format(**fields).split()))


@cache
def role_labels(lang: str = "it") -> dict[str, str]:
    """English labels of the knowledge base's role keys (data/<lang>/roles.yaml)."""
    try:
        raw = load_yaml(lang, "roles.yaml")
    except DataFileError:
        return {}
    return {str(k): str((v or {}).get("label", k)) for k, v in (raw.get("role_keys") or {}).items()}


def shown_value(side: Side, slot: str, w: Wording) -> str:
    """A side's value as a sentence in ``w``'s language shows it."""
    if slot == "status":
        return w.status(side.status or side.value)
    if slot == "place":
        return side.value if side.lang == w.lang else (side.canonical or side.value)
    if slot == "time":
        return w.time_value(side.value, side.written, side.lang)
    if slot == "role" and side.lang != w.lang:
        return role_labels(side.lang).get(side.canonical or "", side.value)
    return side.value


def explanation(c: Contradiction, lang: str = "en") -> str:
    """The contradiction in one sentence of ``lang``."""
    w = wording(lang)
    a, b = (replace(s, value=shown_value(s, c.slot, w)) for s in c.sides)
    event = w.event_name(c.about.type, c.about.mode, c.about.names) if c.about is not None else None
    return _sentence(c.slot, a, b, w, event=event, person=c.person)


def event_label(ev: StoryEvent, lang: str = "en") -> str:
    """A story event as titles name it ("Rubio–Lavrov meeting")."""
    return wording(lang).event_name(ev.type, ev.mode, ev.names).label


def story_title(story: Story, lang: str = "en") -> str:
    """The most reported story events (with two or more actors first) and the dates covered."""
    w = wording(lang)
    multi = [e for e in story.events if len({d for d, _ in e.mentions}) > 1] or list(story.events)
    ranked = sorted(multi, key=lambda e: (-len({d for d, _ in e.mentions}), len(e.participants) < 2,
                                          -len(e.mentions)))
    labels: list[str] = []
    for e in ranked:
        label = w.event_name(e.type, e.mode, e.names).label
        if label and label not in labels:
            labels.append(label)
        if len(labels) == MAX_TITLE_EVENTS:
            break
    return w.title(labels, story.first_date, story.last_date) or "Story"
