import pytest

from cronaca.extract.places import extract_places
from cronaca.ingest.text import article_from_text
from cronaca.nlp import parse


def _places(blank_nlp, text):
    """Places of a text read as ingest reads it (its dateline found)."""
    return {p.text: p for p in extract_places(parse(blank_nlp, article_from_text(text, doc_id="t", language="it")))}


@pytest.mark.parametrize(("text", "venue", "feature", "town"), [
    ("CARPI. Furto al supermercato Coop nella notte.", "supermercato Coop", "venue", "Carpi"),
    ("Rapina al Bar Grana di Soliera.", "Bar Grana", "venue", "Soliera"),
    ("A Modena i ladri sono entrati nel centro commerciale «La Rotonda».", "centro commerciale «La Rotonda»",
     "venue", "Modena"),
    ("A Sassuolo, in zona Tempio, un furto.", "zona Tempio", "district", "Sassuolo"),
    ("MODENA. Controlli in piazza Roma.", "piazza Roma", "street", "Modena"),
])
def test_venues_are_places_in_their_comune(blank_nlp, text, venue, feature, town):
    found = _places(blank_nlp, text)
    assert found[venue].feature == feature
    assert found[venue].name == f"{venue}, {town}" and found[venue].country == "IT"
    assert "Roma" not in found  # "piazza Roma" is the square's name, not the capital


@pytest.mark.parametrize("text", [
    "Lo hanno denunciato via Facebook.",
    "La Banca Mondiale ha tagliato le stime.",
    "L'Azienda Ospedaliero Universitaria ha comunicato i dati.",
])
def test_venues_leave_other_phrases(parsed, text):
    assert not [p for p in extract_places(parsed(text)) if p.feature in ("venue", "street", "district")]


def test_venue_without_a_town_has_no_coordinates(blank_nlp):
    found = _places(blank_nlp, "Furto al supermercato Coop nella notte.")
    assert found["supermercato Coop"].lat is None and found["supermercato Coop"].country is None


def test_places_towns_between_are_places_not_parties(blank_nlp):
    assert {"Bomporto", "Sorbara"} <= set(_places(blank_nlp, "Furto nella zona industriale tra Bomporto e Sorbara."))
