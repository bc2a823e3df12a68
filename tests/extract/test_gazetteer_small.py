import pytest

from cronaca.extract.gazetteer import _short_forms, load_gazetteer


@pytest.mark.parametrize(("name", "short"), [
    ("Castelfranco Emilia", {"castelfranco"}),
    ("Savignano sul Panaro", {"savignano"}),
    ("Pavullo nel Frignano", {"pavullo"}),
    ("San Giovanni in Persiceto", {"san giovanni"}),
    ("Castel San Pietro Terme", set()),
    ("Medolla", set()),
])
def test_gazetteer_short_forms_of_home_towns(name, short):
    assert _short_forms(name) == short


@pytest.mark.parametrize(("name", "expected"), [
    ("Medolla", "Medolla"),                 # 4,850 people
    ("Baggiovara", "Baggiovara"),
    ("Pavullo", "Pavullo nel Frignano"),
    ("Finale Emilia", "Finale Emilia"),
])
def test_gazetteer_knows_small_comuni(name, expected):
    info = load_gazetteer().get(name)
    assert info is not None and info.name == expected and info.country == "IT"


@pytest.mark.parametrize("word", ["Paese", "Centro", "Chiesa", "Pace", "Borsa"])
def test_gazetteer_common_words_are_no_small_towns(word):
    assert load_gazetteer().get(word) is None


def test_gazetteer_keeps_every_reading_of_a_shared_name():
    names = {p.name for p in load_gazetteer().candidates("Castelfranco")}
    assert {"Castelfranco Emilia", "Castelfranco Veneto"} <= names


@pytest.mark.parametrize(("text", "expected"), [
    ("Furto a Castelfranco. I ladri sono fuggiti verso Modena.", "Castelfranco Emilia"),
    ("Furto a Castelfranco. I ladri sono fuggiti verso Treviso.", "Castelfranco Veneto"),
    ("Controlli a Savignano e a Vignola.", "Savignano sul Panaro"),
])
def test_places_homonym_nearest_the_other_places(parsed, text, expected):
    from cronaca.extract.places import extract_places

    names = {p.name for p in extract_places(parsed(text))}
    assert expected in names
