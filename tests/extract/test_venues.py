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


@pytest.mark.parametrize(("text", "locality", "name"), [
    # hamlets of localities.tsv lie at their comune ...
    ("MODENA. Un 45enne residente a Casinalbo è stato denunciato.", "Casinalbo", "Casinalbo, Formigine"),
    ("FORMIGINE. I fatti sono avvenuti in via Battezzate a Corlo, dove una donna aveva parcheggiato.", "Corlo",
     "Corlo, Formigine"),
    ("MODENA. L'altra mattina è andato in tabaccheria a Cognento per una ricarica.", "Cognento", "Cognento, Modena"),
    # ... another has no coordinates: its comune is not known, and none is better than a wrong one
    ("PAVULLO. La denuncia di un 75enne di Benedello è stata decisiva.", "Benedello", "Benedello"),
])
def test_a_locality_no_gazetteer_holds_is_a_place_after_a_town_cue(blank_nlp, text, locality, name):
    found = _places(blank_nlp, text)
    assert found[locality].feature == "locality" and found[locality].country == "IT"
    assert found[locality].name == name and (found[locality].lat is None) == (name == locality)


@pytest.mark.parametrize("text", [
    "MODENA. Il sindaco ha scritto a Mario Rossi una lettera.",
    "MODENA. Un incidente all'incrocio con viale Caduti in Guerra ieri sera.",
    "MODENA. Un 45enne residente a Marco ha parlato.",  # a given name after the cue is no place
])
def test_no_locality_without_a_town_cue(blank_nlp, text):
    assert not [p for p in _places(blank_nlp, text).values() if p.feature == "locality"]


def test_a_known_town_the_cue_makes_a_place_keeps_its_coordinates(blank_nlp):
    found = _places(blank_nlp, "Una 23enne di Sestola è stata sentita.")
    assert found["Sestola"].lat is not None and found["Sestola"].country == "IT"
