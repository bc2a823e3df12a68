"""One-sentence explanations of contradictions, in English or Italian.

The wording (report phrase, event nouns, status words, one template per slot) is data:
``data/<lang>/story.yaml``.  A pair from one article uses the ``<slot>_same`` template
("In the 21 October report, X says …, while Y says …").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from cronaca.data import load_yaml
from cronaca.errors import ConfigError, DataFileError
from cronaca.story.mentions import ClaimRef

LANGUAGES = ("en", "it")
SLOTS = ("place", "time", "status")
REQUIRED = ("months", "report", "report_in", "report_undated", "article_itself", "via", "and", "event",
            "event_single", "event_bare", "nouns", "statuses", "templates", "by")


@dataclass(frozen=True)
class Wording:
    lang: str
    raw: dict[str, Any]

    def noun(self, type_: str, mode: str | None) -> str:
        nouns = self.raw["nouns"]
        return str(nouns.get(f"{type_}/{mode}") or nouns.get(type_) or type_.lower())

    def status(self, status: str) -> str:
        return str(self.raw["statuses"].get(status, status))

    def report(self, c: ClaimRef, key: str = "report") -> str:
        if c.date and len(c.date) >= 10:
            month = self.raw["months"][int(c.date[5:7]) - 1]
            return str(self.raw[key]).format(day=int(c.date[8:10]), month=month)
        return str(self.raw["report_undated"]).format(doc_id=c.doc_id)

    def sources(self, c: ClaimRef) -> str:
        names = c.source_names
        if not names:
            return str(self.raw["article_itself"])
        out = names[0]
        for outer in names[1:]:
            out = str(self.raw["via"]).format(inner=out, outer=outer)
        return out

    def event_label(self, type_: str, mode: str | None, participants: tuple[str, ...]) -> str:
        noun = self.noun(type_, mode)
        if not participants:
            return str(self.raw["event_bare"]).format(noun=noun)
        if self.lang == "en":
            joined = "–".join(participants[:3])
        else:
            joined = str(self.raw["and"]).join(participants[:3])
        key = "event" if len(participants) > 1 else "event_single"
        return str(self.raw[key]).format(noun=noun, participants=joined)


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
    if len(raw["months"]) != 12:
        raise DataFileError(f"'{lang}/story.yaml' must list 12 months, found {len(raw['months'])}.")
    return raw


@cache
def wording(lang: str = "en") -> Wording:
    if lang not in LANGUAGES:
        raise ConfigError(f"explanation language '{lang}' is not available; choose one of "
                          f"{', '.join(LANGUAGES)}.")
    return Wording(lang, check_wording(load_yaml(lang, "story.yaml"), lang))


def _human(slot: str, c: ClaimRef, value: str, w: Wording) -> str:
    if slot == "status":
        return w.status(c.claim.status)
    if slot == "place" and c.claim.place is not None:
        return (c.place_name or c.claim.place.name) if w.lang == "en" else (c.place_text or c.claim.place.name)
    if slot == "time" and c.claim.time is not None:
        return c.time_text or value if w.lang != "en" else value
    return value


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def explain(slot: str, a: ClaimRef, b: ClaimRef, value_a: str, value_b: str, event_label: str,
            w: Wording) -> str:
    """One sentence: what conflicts and who says what."""
    same = a.doc_id == b.doc_id
    template = str(w.raw["templates"][f"{slot}_same" if same else slot])
    by = str(w.raw["by"])
    fields = {
        "report_a": w.report(a), "report_b": w.report(b),
        "Report_a": _cap(w.report(a)), "Report_in_a": _cap(w.report(a, "report_in")), "Report_b": _cap(w.report(b)),
        "by_a": by.format(sources=w.sources(a)) if a.source_names else "",
        "by_b": by.format(sources=w.sources(b)) if b.source_names else "",
        "source_a": w.sources(a), "source_b": w.sources(b),
        "value_a": _human(slot, a, value_a, w), "value_b": _human(slot, b, value_b, w),
        "event": event_label,
    }
    return _cap(template.format(**fields).replace(",,", ",").replace(", ;", ";").replace(",;", ";"))
