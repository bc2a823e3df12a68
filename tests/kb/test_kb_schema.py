"""Schema of the actor knowledge base (data/kb/*.yaml) and of data/it/roles.yaml."""

from __future__ import annotations

import re
from datetime import date

import pycountry
import pytest

from cronaca.data import load_yaml
from cronaca.kb import KB_FILES, load_kb, parse_kb_date
from cronaca.kb.countries import load_countries

CODE_RE = re.compile(r"^(?:[A-Z]{3}(?:GOV|MIL|MED|REB|LEG|OPP|COP|CVL|REL|BUS)?|IGO[A-Z]{0,3}|NGO)$")
IGO_COUNTRIES = {"EUR", "UNO", "NAT", "AFR"}
TYPES = {"PER", "ORG", "GPE", "LOC", "MISC"}


def _records():
    for name in KB_FILES:
        data = load_yaml("kb", name)
        assert data["version"] == 1
        assert set(data) <= {"version", "actors", "gaps"}
        for rec in data["actors"]:
            yield name, rec


def _valid_country(code):
    return code is None or code in IGO_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


@pytest.mark.parametrize("name,rec", list(_records()), ids=lambda v: v if isinstance(v, str) else v["id"])
def test_kb_schema_actor(name, rec):
    role_keys = set(load_yaml("it", "roles.yaml")["role_keys"])
    assert set(rec) <= {"id", "name", "type", "country", "code", "aliases", "roles", "source"}
    assert re.fullmatch(r"[a-z0-9_]+", rec["id"])
    assert rec["type"] in TYPES and isinstance(rec["name"], str) and rec["name"]
    assert _valid_country(rec.get("country")), rec.get("country")
    assert rec.get("code") is None or CODE_RE.match(rec["code"]), rec["code"]
    assert rec["aliases"] and all(isinstance(a, str) and a.strip() == a for a in rec["aliases"])
    assert len(set(rec["aliases"])) == len(rec["aliases"])
    if rec["type"] == "PER":
        assert isinstance(rec["roles"], list)
    else:
        assert rec.get("source")
    for role in rec.get("roles") or ():
        assert set(role) <= {"key", "country", "org", "start", "end", "source", "note"}
        assert role["key"] in role_keys, role["key"]
        assert role.get("source", "").strip(), f"{rec['id']}: every role needs a source"
        assert _valid_country(role.get("country"))
        start = parse_kb_date(role["start"])
        end = parse_kb_date(role.get("end"), end=True)
        assert start is not None and start >= date(1945, 1, 1)
        assert end is None or start <= end


def test_kb_schema_unique_ids_and_aliases():
    ids, aliases = set(), {}
    for _, rec in _records():
        assert rec["id"] not in ids
        ids.add(rec["id"])
        for a in rec["aliases"]:
            assert a not in aliases, f"alias '{a}' names both {aliases.get(a)} and {rec['id']}"
            aliases[a] = rec["id"]


def test_kb_schema_coverage():
    kb = load_kb()
    assert kb.count("PER") >= 100 and kb.count("ORG") >= 60
    for alias in ("Serghei Lavrov", "Sergej Lavrov", "Sergey Lavrov", "sergei lavrov"):
        assert kb.lookup(alias).id == "sergey_lavrov"
    assert kb.lookup("Erdogan").id == kb.lookup("Erdoğan").id


@pytest.mark.parametrize("actor,on,key", [
    ("steffen_hebestreit", date(2024, 1, 1), "government_spokesperson"),
    ("sergey_lavrov", date(2025, 11, 9), "foreign_minister"),
    ("marco_rubio", date(2025, 10, 21), "foreign_minister"),
    ("donald_trump", date(2019, 1, 1), "head_of_state"),
])
def test_kb_schema_roles_at(actor, on, key):
    assert key in {r.key for r in load_kb().roles_at(actor, on)}


def test_kb_schema_roles_file():
    data = load_yaml("it", "roles.yaml")
    keys = set(data["role_keys"])
    assert set(data) >= {"role_keys", "titles", "nationalities", "sectors", "sources", "org_heads",
                         "name_particles", "past_markers", "bare_coref", "direct_name_sectors", "org_modifiers",
                         "recipient_words"}
    for key in ("org_modifiers", "recipient_words"):  # lower-case words, matched as such
        assert all(isinstance(w, str) and w == w.lower() and " " not in w for w in data[key]), key
    for t in data["titles"]:
        assert set(t) <= {"words", "keys", "portfolio", "plural", "anaphor_keys"} and set(t["keys"]) <= keys
        assert set(t.get("anaphor_keys") or ()) <= set(t["keys"])
    seen = {}
    for code, adjs in data["nationalities"].items():
        assert _valid_country(code)
        for adj in adjs:
            assert adj not in seen or seen[adj] == code, adj
            seen[adj] = code
    assert set(data["bare_coref"]) <= set(data["sectors"])


def test_kb_schema_countries():
    table = load_countries()
    for code in {f.code for f in table.forms}:
        assert _valid_country(code)
    assert table.lookup("Mosca").code == "RUS" and table.lookup("Cremlino").kind == "metonym"
    assert table.lookup("Stati Uniti").code == "USA"


G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU", "ZAF",
       "KOR", "TUR", "GBR", "USA", "UKR")


@pytest.mark.parametrize("country", G20)
def test_kb_schema_g20_heads_and_foreign_ministers(country):
    """Each G20 country (and Ukraine) has a head of state or government and a foreign
    minister in office on a recent date, and earlier holders to date anachronisms against."""
    kb, on = load_kb(), date(2025, 11, 9)
    held = {(r.key, r.country) for a in kb for r in a.roles if r.covers(on)}
    assert ("head_of_state", country) in held or ("head_of_government", country) in held
    assert ("foreign_minister", country) in held
    past = [r for a in kb for r in a.roles if r.country == country and r.end is not None
            and r.key in ("head_of_state", "head_of_government", "foreign_minister") and r.end.year >= 2016]
    assert past or country == "SAU"  # the Saudi king and foreign minister have held office since before 2016


@pytest.mark.parametrize("actor,on,key", [
    ("matthew_miller", date(2024, 6, 1), "foreign_ministry_spokesperson"),
    ("tammy_bruce", date(2025, 6, 1), "foreign_ministry_spokesperson"),
    ("maud_bregeon", date(2025, 11, 9), "government_spokesperson"),
    ("mao_ning", date(2025, 11, 9), "foreign_ministry_spokesperson"),
    ("pablo_quirno", date(2025, 11, 9), "foreign_minister"),
    ("cho_hyun", date(2025, 11, 9), "foreign_minister"),
    ("mahmoud_ali_youssouf", date(2025, 11, 9), "au_commission_chairperson"),
    ("kayleigh_mcenany", date(2020, 6, 1), "press_secretary"),
    ("sean_spicer", date(2017, 3, 1), "press_secretary"),
    ("josh_earnest", date(2016, 1, 1), "press_secretary"),
    ("zhao_lijian", date(2021, 3, 1), "foreign_ministry_spokesperson"),
    ("wang_wenbin", date(2022, 3, 1), "foreign_ministry_spokesperson"),
    ("hua_chunying", date(2019, 1, 1), "foreign_ministry_spokesperson"),
    ("geng_shuang", date(2018, 1, 1), "foreign_ministry_spokesperson"),
    ("park_il", date(2025, 12, 4), "foreign_ministry_spokesperson"),
    ("lee_jae_woong", date(2025, 6, 5), "foreign_ministry_spokesperson"),
    ("toshihiro_kitamura", date(2025, 11, 26), "foreign_ministry_spokesperson"),
    ("kathrin_deschauer", date(2025, 10, 24), "foreign_ministry_spokesperson"),
    ("pascal_confavreux", date(2025, 9, 22), "foreign_ministry_spokesperson"),
    ("christophe_lemoine", date(2025, 4, 17), "foreign_ministry_spokesperson"),
    ("peter_stano", date(2023, 4, 25), "foreign_ministry_spokesperson"),
    ("anitta_hipper", date(2025, 6, 1), "foreign_ministry_spokesperson"),
    ("david_pares", date(2025, 1, 15), "government_spokesperson"),
    ("rolliansyah_soemirat", date(2025, 2, 7), "foreign_ministry_spokesperson"),
])
def test_kb_schema_spokespeople_and_new_holders(actor, on, key):
    assert key in {r.key for r in load_kb().roles_at(actor, on)}


@pytest.mark.parametrize("actor,on,key", [
    ("tammy_bruce", date(2026, 1, 2), "foreign_ministry_spokesperson"),  # by then deputy UN representative
    ("geng_shuang", date(2021, 1, 1), "foreign_ministry_spokesperson"),  # left on 5 June 2020
    ("peter_stano", date(2025, 3, 1), "foreign_ministry_spokesperson"),  # replaced with the new Commission
    ("sarah_huckabee_sanders", date(2020, 1, 1), "press_secretary"),
])
def test_kb_schema_spokespeople_out_of_office(actor, on, key):
    assert key not in {r.key for r in load_kb().roles_at(actor, on)}


@pytest.mark.parametrize("country", ("USA", "RUS", "CHN", "UKR", "IND", "TUR", "FRA", "DEU", "JPN", "KOR",
                                     "IDN", "ZAF", "EUR"))
def test_kb_schema_foreign_ministry_spokesperson_on_recent_date(country):
    """The foreign-ministry (for the EU: EEAS) spokespeople the KB covers have a holder in October 2025."""
    on = date(2025, 10, 1)
    assert any(r.key == "foreign_ministry_spokesperson" and r.country == country and r.covers(on)
               for a in load_kb() for r in a.roles)


def test_kb_schema_gaps_are_documented():
    """Offices the KB does not cover are listed under `gaps` with the reason."""
    for name in KB_FILES:
        for gap in load_yaml("kb", name).get("gaps") or ():
            assert set(gap) == {"office", "reason"} and all(str(v).strip() for v in gap.values())


def test_kb_schema_uncertain_dates_say_so():
    """A role dated to the month or the year says why in a note."""
    for name in KB_FILES:
        for rec in load_yaml("kb", name)["actors"]:
            for role in rec.get("roles") or ():
                partial = any(v is not None and not isinstance(v, date) and len(str(v)) < 10
                              for v in (role["start"], role.get("end")))
                if partial and name != "people.yaml":
                    assert role.get("note"), f"{rec['id']}: partial date without a note"


def test_kb_schema_venue_institutions():
    """Each venue standing for an institution is a listed venue and names a KB organisation."""
    data = load_yaml("kb", "countries.yaml")
    table = data.get("venue_institutions") or {}
    assert set(table) <= set(data["venues"])
    for kb_id in table.values():
        actor = load_kb().get(kb_id)
        assert actor is not None and actor.type == "ORG" and actor.code, kb_id


def test_kb_schema_roles_file_groups_and_metonymy():
    data = load_yaml("it", "roles.yaml")
    groups = data["state_groups"]
    assert set(groups) == {"heads", "members", "qualifiers", "quantifiers", "numbers", "anaphoric_numbers", "articles"}
    assert all(isinstance(w, str) and w.strip() == w and w for ws in groups.values() for w in ws)
    assert set(groups["anaphoric_numbers"]) <= set(groups["numbers"])
    for key in ("institution_verbs", "addressee_verbs", "verb_fillers"):  # matched on lower-case words
        assert all(isinstance(w, str) and w == w.lower() and " " not in w for w in data[key]), key
    assert data["ministry_heads"] and all(" " not in w for w in data["ministry_heads"])
