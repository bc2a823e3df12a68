"""The batch's area (cronaca.extract.area) and the town it makes of a name several towns share."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cronaca.extract.area import batch_area, settle_area
from cronaca.extract.places import clear_reading, extract_places
from cronaca.ingest.text import article_from_text
from cronaca.nlp import parse


def _article(text: str, doc_id: str = "t"):
    return article_from_text(text, doc_id=doc_id, language="it")


def test_the_area_is_the_towns_many_datelines_name():
    places = ["MODENA"] * 6 + ["CARPI"] * 3 + ["VIGNOLA"] + ["CASTELFRANCO"] * 4
    # Vignola is one dateline in 14; Castelfranco (Emilia or Veneto) says nothing of the area
    assert batch_area(places) == ("Modena", "Carpi")
    assert batch_area(["MODENA"]) == ()  # one article is no area


def test_settle_area_gives_every_article_the_batch_area_and_counts_the_stored_datelines():
    batch = [_article("MODENA. Furto in centro.", "a"), _article("Furto a Castelfranco ieri.", "b")]
    settled = settle_area(batch, known_places=["MODENA", "SASSUOLO", "SASSUOLO"])
    assert [a.area for a in settled] == [("Modena", "Sassuolo")] * 2
    assert settle_area(batch, area=["Treviso"])[1].area == ("Treviso",)
    assert settle_area(batch)[1].area == ()  # one dateline: no area, the articles unchanged


def _places(blank_nlp, text: str, area: tuple[str, ...]):
    article = replace(_article(text), area=area)
    return {p.text: p for p in extract_places(parse(blank_nlp, article))}


def _resolved(blank_nlp, text: str, area: tuple[str, ...]) -> dict[str, str]:
    return {t: p.name for t, p in _places(blank_nlp, text, area).items()}


def test_a_shared_name_alone_in_its_article_is_the_town_of_the_batch_area(blank_nlp):
    text = "I carabinieri di Castelfranco hanno arrestato un uomo."
    assert _resolved(blank_nlp, text, ("Modena", "Carpi"))["Castelfranco"] == "Castelfranco Emilia"
    assert _resolved(blank_nlp, text, ("Treviso",))["Castelfranco"] == "Castelfranco Veneto"


def test_the_area_does_not_move_a_clear_reading_nor_outweigh_the_article(blank_nlp):
    assert clear_reading("Milano") and not clear_reading("Castelfranco")
    assert _resolved(blank_nlp, "Il furto è avvenuto a Milano.", ("Ravenna", "Cervia"))["Milano"] == "Milan"
    text = "Un furto a Castelfranco, a pochi chilometri da Treviso."
    assert _resolved(blank_nlp, text, ("Modena",))["Castelfranco"] == "Castelfranco Veneto"


@pytest.mark.parametrize("area", [(), ("Modena",)])
def test_an_article_own_clear_places_settle_a_shared_name(blank_nlp, area):
    text = "NOVI. Furto a Rovereto, in via Chiesa, e poi a Carpi."
    found = _places(blank_nlp, text, area)
    assert found["NOVI"].name == "Novi di Modena"
    assert found["Rovereto"].lat is not None and found["Rovereto"].lat < 45.0  # Novi's, not Trentino's


def test_the_dateline_town_is_read_by_the_area_first_and_anchors_the_rest(blank_nlp):
    # a town far away named in the text does not move the dateline of a local paper
    text = "CASTELNUOVO. Assalto in villa a Montale: i banditi sono tornati ad Avellino."
    found = _places(blank_nlp, text, ("Modena", "Carpi"))
    assert found["CASTELNUOVO"].name == "Castelnuovo Rangone"
    assert found["Montale"].lat is not None and found["Montale"].lat > 44.4  # Montale Rangone, not Pistoia's


def test_a_clear_reading_yields_to_a_hamlet_by_the_articles_own_town(blank_nlp):
    text = "NOVI. È quanto accaduto in via Dalla Chiesa a Rovereto. I ladri sono fuggiti."
    found = _places(blank_nlp, text, ("Modena", "Carpi"))
    assert clear_reading("Rovereto")
    assert found["Rovereto"].lat is not None and found["Rovereto"].lat < 45.0
    # with no town of its own nearby, the clear reading stays
    assert _resolved(blank_nlp, "MODENA. La partita a Rovereto è finita male.", ("Modena",))["Rovereto"] == "Rovereto"


def test_a_town_in_an_organisations_name_stays_a_town_and_a_region_anchors_nothing(blank_nlp):
    text = ("MODENA. È finita a Modena la fuga di un ricercato fermato in Lombardia, a Milano, come "
            "previsto dal Patto Modena Sicura.")
    found = _resolved(blank_nlp, text, ())
    assert found["MODENA"] == "Modena" and found["Milano"] == "Milan"
