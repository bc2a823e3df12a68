from datetime import date

import pytest

from cronaca.ingest.dates import settle_dates
from cronaca.ingest.text import article_from_text
from cronaca.records import INFERRED_DATE_SOURCES

AGENCY_JAN = "(ANSA) - ROMA, 3 GEN - Il governo ha deciso."
DATED_DEC = "Roma, 28 dicembre 2025 – Il governo si riunisce."
UNDATED = "MODENA. Furto nella notte in un negozio del centro."


def _articles(*texts):
    return [article_from_text(t, doc_id=f"a{i}", language="it") for i, t in enumerate(texts)]


def _dates(settled):
    return [(a.date, a.date_source) for a in settled]


def test_dates_metadata_and_dateline_are_read_not_inferred():
    (art,) = _articles(DATED_DEC)
    assert (art.date, art.date_source) == ("2025-12-28", "dateline")
    meta = article_from_text(UNDATED, doc_id="m", date="2024-05-02", language="it")
    assert (meta.date, meta.date_source) == ("2024-05-02", "metadata")
    assert settle_dates([art, meta]) == [art, meta]


def test_dates_agency_day_takes_the_year_nearest_the_batch():
    settled = settle_dates(_articles(AGENCY_JAN, DATED_DEC, UNDATED))
    assert _dates(settled) == [("2026-01-03", "batch"), ("2025-12-28", "dateline"), (None, None)]
    assert settled[0].dateline.date == "2026-01-03"


def test_dates_agency_day_takes_the_year_nearest_the_store():
    (art,) = settle_dates(_articles(AGENCY_JAN), known_dates=["2019-12-30"])
    assert _dates([art]) == [("2020-01-03", "batch")]


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 1, 2), "2025-01-03"),   # not after the day of analysis
    (date(2026, 1, 3), "2026-01-03"),
])
def test_dates_agency_day_alone_is_the_latest_such_day(today, expected):
    (art,) = settle_dates(_articles(AGENCY_JAN), today=today)
    assert (art.date, art.date_source) == (expected, "analysis-day")
    assert art.date_source in INFERRED_DATE_SOURCES


def test_dates_options_win_over_inference():
    arts = _articles(AGENCY_JAN, UNDATED, DATED_DEC)
    assert _dates(settle_dates(arts, year=2020)) == [
        ("2020-01-03", "year-option"), (None, None), ("2025-12-28", "dateline")]
    assert _dates(settle_dates(arts, default_date="2024-01-05")) == [
        ("2024-01-03", "option"), ("2024-01-05", "option"), ("2025-12-28", "dateline")]
    # an agency day more than a week after --date is from the year before
    assert _dates(settle_dates(arts[:1], default_date="2023-12-20"))[0] == ("2023-01-03", "option")


def test_dates_29_february_finds_a_leap_year():
    (art,) = settle_dates(_articles("ROMA, 29 FEB - Giorno bisestile."), today=date(2026, 12, 6))
    assert art.date == "2024-02-29"
