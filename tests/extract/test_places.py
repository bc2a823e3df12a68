"""The places stage: toponym spans, Italian exonyms, geocoding, and what is not a place."""

from __future__ import annotations

import pytest

from cronaca.extract.gazetteer import load_gazetteer, place_key
from cronaca.extract.places import extract_places, lookup_place, place_mentions
from cronaca.nlp import parse
from cronaca.records import Article, Dateline


def _places(parsed, text: str) -> dict[str, str | None]:
    return {p.text: p.country for p in extract_places(parsed(text))}


@pytest.mark.parametrize("text,surface,country,name", [
    ("Il vertice si terrà la prossima settimana a Ginevra.", "Ginevra", "CH", "Geneva"),
    ("I due ministri si sono sentiti ieri sera da Mosca.", "Mosca", "RU", "Moscow"),
    ("Le forniture militari dirette a Kiev sono aumentate.", "Kiev", "UA", "Kyiv"),
    ("Le armi dirette a Kyiv sono aumentate.", "Kyiv", "UA", "Kyiv"),
    ("A Bruxelles i ministri hanno discusso a lungo.", "Bruxelles", "BE", "Brussels"),
    ("Il processo si è aperto all'Aia, davanti alla Corte.", "Aia", "NL", "The Hague"),
    ("Il processo si è aperto a L'Aia ieri mattina.", "L'Aia", "NL", "The Hague"),
    ("Il cancelliere è rientrato a Berlino in serata.", "Berlino", "DE", "Berlin"),
    ("La delegazione è arrivata negli Stati Uniti lunedì.", "Stati Uniti", "US", "United States"),
    ("Il premier è volato nel Regno Unito per due giorni.", "Regno Unito", "GB", "United Kingdom"),
    ("Le elezioni in Ungheria si terranno in primavera.", "Ungheria", "HU", "Hungary"),
    ("I colloqui proseguono a Washington da giorni.", "Washington", "US", "Washington"),
    ("La fiera dell'auto apre a Monaco di Baviera.", "Monaco di Baviera", "DE", "Munich"),
    ("La finale si giocherà a Monaco sabato.", "Monaco", "DE", "Munich"),
    ("Il gran premio si corre nel Principato di Monaco.", "Principato di Monaco", "MC", "Monaco"),
    ("Il pellegrinaggio si è concluso a Gerusalemme ieri.", "Gerusalemme", "IL", "Jerusalem"),
    ("La conferenza si è aperta al Cairo stamattina.", "Cairo", "EG", "Cairo"),
    ("Gli scontri sono proseguiti nel Donbass per tutta la notte.", "Donbass", "UA", "Donbas"),
    ("La flotta è ancorata in Crimea da mesi.", "Crimea", "UA", "Crimea"),
    ("Le navi hanno attraversato il Mar Rosso senza incidenti.", "Mar Rosso", None, "Red Sea"),
    ("Il viaggio toccherà diversi Paesi del Medio Oriente.", "Medio Oriente", None, "Middle East"),
    ("Il turismo in Europa è in crescita.", "Europa", None, "Europe"),
    ("I coloni in Cisgiordania sono aumentati.", "Cisgiordania", "PS", "West Bank"),
])
def test_places_exonyms_geocoded(parsed, text, surface, country, name):
    found = {p.text: p for p in extract_places(parsed(text))}
    assert surface in found, found
    place = found[surface]
    assert (place.country, place.name) == (country, name)
    assert parsed(text).text[place.start:place.end] == surface


@pytest.mark.parametrize("text,expected", [
    ("Il cessate il fuoco nella Striscia di Gaza regge da due giorni.", {"Striscia di Gaza": "PS"}),
    ("I civili tornano verso Gaza City a piedi.", {"Gaza City": "PS"}),
    ("Il vertice sul clima si apre a Sharm el-Sheikh domenica.", {"Sharm el-Sheikh": "EG"}),
    ("Le famiglie sono rientrate a Khan Younis e a Deir al-Balah.",
     {"Khan Younis": "PS", "Deir al-Balah": "PS"}),
    ("Il sindaco ha parlato a Città del Messico.", {"Città del Messico": "MX"}),
    ("Il corteo ha attraversato Tel Aviv fino a notte.", {"Tel Aviv": "IL"}),
    ("La sede del Comune di Milano è stata chiusa.", {"Milano": "IT"}),
    # a town, then a person's name in one capitalised run
    ("Lo dice il comandante della polizia locale di Formigine Mario Rossi.", {"Formigine": "IT"}),
    # a dateline in capitals, then the sentence's own capitalised words
    ("MODENA A Bomporto, nella notte, un furto.", {"Bomporto": "IT"}),
])
def test_places_multiword_names(parsed, text, expected):
    assert _places(parsed, text) == expected


@pytest.mark.parametrize("text", [
    "Il segretario di Stato Marco Rubio ha incontrato i giornalisti. Rubio ha poi lasciato la sala.",
    "La portavoce Anna Kelly ha risposto alle domande. Kelly ha ribadito la linea.",
    "Il presidente Vladimir Putin ha parlato a lungo; la linea di Putin non cambia.",
    "Donald Trump ha telefonato al premier. Il presidente Trump si è detto soddisfatto.",
    "Il ministro ha criticato le parole di Rubio sulla trattativa.",
    "Hamas ha accettato la proposta dei mediatori.",
    "Fonti della Casa Bianca hanno confermato la notizia.",
    "Fonti vicine al Cremlino smentiscono ogni contatto.",
    "A Parigi il Quai d'Orsay ha diffuso una nota.",
])
def test_places_person_and_institution_names_are_not_places(parsed, text):
    found = _places(parsed, text)
    for word in ("Marco", "Rubio", "Anna", "Kelly", "Vladimir", "Putin", "Trump", "Hamas",
                 "Casa Bianca", "Cremlino", "Quai d'Orsay", "Orsay"):
        assert word not in found, found


@pytest.mark.parametrize("text", [
    "Ieri sera siamo rimasti a casa a guardare il papa in televisione.",
    "Solo allora si potrà capire se la crisi è finita.",
    "Il ministro degli Esteri russo ha parlato con il collega americano.",
    "La Squadra Mobile ha arrestato due persone.",
    "Il gruppo dei Paesi in via di sviluppo ha chiesto un fondo.",
    # a town's name after an article names a car, a brand or a team
    "Armeggiava nei pressi di una Panda parcheggiata.",
    "Hanno rubato una Golf e la Ford del vicino.",
])
def test_places_common_words_and_adjectives_are_not_places(parsed, text):
    assert extract_places(parsed(text)) == []


@pytest.mark.parametrize("text,surface", [
    ("Mosca ha smentito ogni contatto con gli emissari.", "Mosca"),
    ("Gli Stati Uniti hanno chiesto spiegazioni.", "Stati Uniti"),
    ("I colloqui con Mosca sono fermi.", "Mosca"),
    ("Le tensioni tra Mosca e Washington crescono.", "Washington"),
    ("Le tensioni tra Mosca e Washington crescono.", "Mosca"),
])
def test_places_countries_as_actors_are_still_toponyms(parsed, text, surface):
    assert surface in _places(parsed, text)


def test_places_one_per_toponym_at_first_mention(parsed):
    text = "Il vertice è a Ginevra. Le delegazioni arriveranno a Ginevra domani, poi a Berna."
    places = extract_places(parsed(text))
    assert [p.text for p in places] == ["Ginevra", "Berna"]
    assert places[0].start == text.index("Ginevra")
    assert [p.text for p in place_mentions(parsed(text))] == ["Ginevra", "Ginevra", "Berna"]


def test_places_dateline_counts(blank_nlp):
    text = "Sharm el-Sheikh, 20 novembre 2022 – La conferenza si è chiusa all'alba."
    art = Article(doc_id="d", text=text, content_hash="h", date="2022-11-20", language="it",
                  dateline=Dateline(place="Sharm el-Sheikh", date="2022-11-20", start=0, end=34))
    places = extract_places(parse(blank_nlp, art))
    assert [(p.text, p.country) for p in places] == [("Sharm el-Sheikh", "EG")]


def test_places_small_town_needs_context(parsed):
    # a town of ~40,000 inhabitants: a place after "a", not when it opens a sentence bare
    assert "Sharm el-Sheikh" in _places(parsed, "La conferenza si è chiusa a Sharm el-Sheikh.")
    assert _places(parsed, "Sharm el-Sheikh resta blindata.") == {}


def test_places_record_has_coordinates_and_id(parsed):
    (place,) = extract_places(parsed("Siamo arrivati a Budapest in treno."))
    assert place.geonames_id == 3054643
    assert place.lat == pytest.approx(47.5, abs=0.1) and place.lon == pytest.approx(19.04, abs=0.1)
    assert place.feature == "capital"


@pytest.mark.parametrize("name,country,feature", [
    ("Mosca", "RU", "capital"), ("Washington", "US", "capital"), ("Ginevra", "CH", "city"),
    ("Bruxelles", "BE", "capital"), ("Berlino", "DE", "capital"), ("Parigi", "FR", "capital"),
    ("Kiev", "UA", "capital"), ("Gerusalemme", "IL", "capital"), ("Russia", "RU", "country"),
    ("USA", "US", "country"), ("Egitto", "EG", "country"), ("Striscia di Gaza", "PS", "region"),
    ("Medio Oriente", None, "region"), ("Roma", "IT", "capital"), ("Leopoli", "UA", "city"),
    # Italian regions over the foreign towns of the same name, and the areas named after a province
    ("Toscana", "IT", "region"), ("Campania", "IT", "region"), ("Lombardia", "IT", "region"),
    ("Emilia Romagna", "IT", "region"), ("Appennino", "IT", "region"), ("Modenese", "IT", "region"),
])
def test_places_lookup_place(name, country, feature):
    info = lookup_place(name)
    assert info is not None and (info.country, info.feature) == (country, feature)


@pytest.mark.parametrize("name", ["Hamas", "Marco", "Cremlino", "Casa Bianca", "casa nostra", ""])
def test_places_lookup_place_unknown(name):
    assert lookup_place(name) is None


@pytest.mark.parametrize("raw,key", [
    ("Sharm el-Sheikh", "sharm el sheikh"), ("L’Aia", "l'aia"), ("Khān Yūnis", "khan yunis"),
    ("  Città  del Messico ", "citta del messico"),
])
def test_places_fold(raw, key):
    assert place_key(raw) == key


def test_places_gazetteer_is_built_once():
    assert load_gazetteer() is load_gazetteer()
    assert len(load_gazetteer()) > 50_000


@pytest.mark.parametrize("text,ents,expected", [
    # a PER label does not block a town a locative preposition marks as a place
    ("I pullman sono arrivati a Ramallah in serata.", [("Ramallah", "PER")], {"Ramallah": "PS"}),
    # ... but still blocks a bare one (a person named like a city)
    ("Ne ha parlato anche Orlando durante il vertice.", [("Orlando", "PER")], {}),
    # a LOC label is context enough for a small town in a list
    ("Tra Sassuolo, Fiorano e Vignola il traffico è rimasto bloccato.",
     [("Sassuolo", "LOC"), ("Fiorano", "LOC"), ("Vignola", "LOC")],
     {"Sassuolo": "IT", "Fiorano": "IT", "Vignola": "IT"}),
    # a LOC span with a trailing line break is trimmed; one not in the gazetteer adds nothing
    ("Il vertice di Mosca\nNuove sanzioni da Bruxelles.", [("Mosca\n", "LOC")], {"Mosca": "RU", "Bruxelles": "BE"}),
    ("Ha parlato il ministro Clima Rehman ieri.", [("Clima Rehman", "LOC")], {}),
])
def test_places_ner_labels_as_evidence(parsed_with_ents, text, ents, expected):
    assert {p.text: p.country for p in extract_places(parsed_with_ents(text, ents))} == expected


@pytest.mark.parametrize("text,surface,name", [
    ("È accaduto a Corlo di Formigine giovedì sera.", "Corlo", "Corlo, Formigine"),
    ("È accaduto a San Martino Spino, frazione di Mirandola, ieri.", "San Martino Spino", None),
])
def test_places_locality_of_a_comune(parsed, text, surface, name):
    places = {p.text: p for p in extract_places(parsed(text))}
    assert surface in places
    assert places[surface].country == "IT"
    if name:
        assert places[surface].name == name


@pytest.mark.parametrize("text,surface,found", [
    ("I ladri sono entrati in una casa a Massa. Poi sono fuggiti.", "Massa", True),
    ("Il furto in un'abitazione di Cento, Ferrara.", "Cento", True),
    ("Massa critica, dicono.", "Massa", False),
    ("Ha lavorato nei reparti di Medicina legale per anni.", "Medicina", False),
    ("Gli agenti del Nucleo operativo sono intervenuti.", "Nucleo", False),
])
def test_places_town_named_by_a_common_word_needs_a_preposition(parsed, text, surface, found):
    assert (surface in _places(parsed, text)) is found


@pytest.mark.parametrize("text,surface,country", [
    ("Una società registrata nel Delaware ha chiuso.", "Delaware", "US"),
    ("Il senatore è stato eletto in Virginia nel 2008.", "Virginia", "US"),
    ("Le tasse in Carolina del Nord sono aumentate.", "Carolina del Nord", "US"),
    ("È arrivato a New York ieri.", "New York", "US"),
])
def test_places_us_states_are_regions(parsed, text, surface, country):
    assert _places(parsed, text).get(surface) == country


def test_places_a_saint_is_no_town_of_its_own(parsed):
    """ "San Giacomo Roncole" (a frazione GeoNames lacks) is not "San", a town in Mali."""
    assert "San" not in {p.name for p in extract_places(parsed("Un furto a San Giacomo Roncole ieri."))}


def test_each_distinct_text_of_a_place_is_listed_with_its_own_mentions(blank_nlp):
    from cronaca.ingest.text import article_from_text

    text = "VIGNOLA. I carabinieri sono arrivati a Vignola in pochi minuti. A Vignola nessuno ha visto nulla."
    found = extract_places(parse(blank_nlp, article_from_text(text, doc_id="t", language="it")))
    texts = [p.text for p in found]
    assert texts == ["VIGNOLA", "Vignola"]  # the dateline's and the body's, as an annotator lists them
    assert found[0].geonames_id == found[1].geonames_id
    assert [m.start for m in found[1].mentions] == [i for i in range(len(text)) if text.startswith("Vignola", i)]


@pytest.mark.parametrize(("text", "surface"), [
    ("È accaduto martedì a Modena Est, dove i vigili sono arrivati.", "Modena Est"),
    ("Il distributore in viale dell'Indipendenza a Modena Nord aperto giorno e notte.", "Modena Nord"),
])
def test_a_town_then_a_compass_word_is_a_part_of_the_town(parsed, text, surface):
    found = {p.text: p for p in extract_places(parsed(text))}
    assert found[surface].name == "Modena" and found[surface].country == "IT"


def test_a_compass_word_after_no_town_is_no_place(parsed):
    assert not [p for p in extract_places(parsed("La Lega Nord ha votato contro.")) if "Nord" in p.text]


@pytest.mark.parametrize(("text", "word"), [
    ("Nei parcheggi della Metro era entrata in azione una banda.", "Metro"),
    ("I militari del Ris hanno analizzato le tracce.", "Ris"),
])
def test_a_foreign_town_after_an_articled_preposition_is_no_place(parsed, text, word):
    assert word not in {p.text for p in extract_places(parsed(text))}


@pytest.mark.parametrize(("text", "word"), [
    ("Il processo si è aperto all'Aia, davanti alla Corte.", "Aia"),
    ("Arrivati nella zona del Gallo, i ladri sono fuggiti.", "Gallo"),
])
def test_articled_prepositions_keep_curated_and_home_towns(parsed, text, word):
    assert word in {p.text for p in extract_places(parsed(text))}


def test_places_an_area_named_after_a_province(parsed):
    assert _places(parsed, "Il furto è avvenuto nel Modenese, poi i ladri sono fuggiti in Toscana.") == {
        "Modenese": "IT", "Toscana": "IT"}


def test_places_a_hamlet_of_the_papers_area_lies_in_its_comune(blank_nlp):
    # localities.tsv (training/localities.py): hamlets GeoNames lacks, read off DICE
    from dataclasses import replace

    from tests.conftest import make_article

    gaz = load_gazetteer()
    assert gaz.get_common_word("Corlo").name == "Corlo, Formigine"
    assert {o.feature for o in gaz.candidates("Cittanova")} >= {"city", "locality"}
    text = "Spaccata nella notte al bar di Corlo. Una residente che abita a Cittanova ha visto tutto."
    article = replace(make_article(text), area=("Modena", "Formigine"))
    places = {p.text: p for p in extract_places(parse(blank_nlp, article))}
    assert places["Corlo"].name == "Corlo, Formigine" and places["Corlo"].lat is not None
    assert places["Cittanova"].name == "Cittanova, Modena"  # not the town in Calabria
    # with no area of its own, a report keeps the likely reading of a clear name
    plain = {p.text: p.name for p in extract_places(parse(blank_nlp, make_article(text)))}
    assert plain["Cittanova"] == "Cittanova"


def test_places_a_district_in_a_report_naming_no_town_is_in_the_papers_town(blank_nlp):
    from dataclasses import replace

    from tests.conftest import make_article

    text = "I ladri hanno svaligiato le auto in sosta in zona Tempio."
    article = replace(make_article(text), area=("Modena", "Formigine"))
    places = {p.text: p for p in extract_places(parse(blank_nlp, article))}
    assert places["zona Tempio"].name == "zona Tempio, Modena" and places["zona Tempio"].lat is not None
    plain = {p.text: p for p in extract_places(parse(blank_nlp, make_article(text)))}
    assert plain["zona Tempio"].lat is None  # no area: no town to put it in
