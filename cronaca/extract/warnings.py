"""Checks of the article against world knowledge: a role the article gives a person that the
knowledge base says the person did not hold on the article's date (``role_anachronism``)."""

from __future__ import annotations

from collections.abc import Sequence

from cronaca.data import load_yaml
from cronaca.kb import ActorKB, KBRole, describe_kb_date, load_kb
from cronaca.kb.countries import load_countries
from cronaca.nlp import ParsedDoc
from cronaca.records import Entity, Warning


def check_roles(pdoc: ParsedDoc, entities: Sequence[Entity], kb: ActorKB | None = None) -> list[Warning]:
    kb = kb or load_kb()
    labels = {k: v["label"] for k, v in load_yaml("it", "roles.yaml")["role_keys"].items()}
    out: list[Warning] = []
    for ent in entities:
        for role in ent.roles:
            if role.valid is not False or not role.role_key:
                continue
            spells = kb.spells(ent.kb_id, role.role_key) if ent.kb_id else ()
            out.append(Warning(kind="role_anachronism", entity=ent.id,
                               detail=_detail(pdoc, ent, role.title, labels.get(role.role_key, role.role_key), spells)))
            break  # one warning per person
    return out


def _detail(pdoc: ParsedDoc, ent: Entity, title: str, label: str, spells: Sequence[KBRole]) -> str:
    where = ""
    if spells and spells[0].country and len(spells[0].country) == 3 and spells[0].country != "EUR":
        where = f" of {load_countries().name(spells[0].country)}"
    periods = " and ".join(
        f"from {describe_kb_date(s.start_text)} to {describe_kb_date(s.end_text)}" if s.end_text
        else f"since {describe_kb_date(s.start_text)}" for s in spells)
    dated = pdoc.ref_date.isoformat() if pdoc.ref_date else "undated"
    surname = ent.name.split()[-1]
    return (f"{ent.name} was {label}{where} {periods}; the article, dated {dated}, presents {surname} "
            f"as \"{title}\" at that date.")
