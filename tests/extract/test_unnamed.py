import pytest

from cronaca.extract.actors.lexicon import load_lexicon
from cronaca.extract.actors.unnamed import unnamed_candidates, unnamed_lexicon


def _found(text, taken=(), country="ITA"):
    return [(c.text, c.type, c.code, c.group) for c in unnamed_candidates(text, list(taken), country,
                                                                          load_lexicon().nat_re)]


@pytest.mark.parametrize(("text", "surface", "typ", "code"), [
    ("Ieri i carabinieri hanno arrestato un uomo.", "carabinieri", "ORG", "ITACOP"),
    ("È stato fermato dalla squadra mobile.", "squadra mobile", "ORG", "ITACOP"),
    ("La guardia di finanza ha sequestrato la merce.", "guardia di finanza", "ORG", "ITACOP"),
    ("Il gip ha convalidato il fermo.", "gip", "ORG", "ITAJUD"),
    ("La procura ha aperto un fascicolo.", "procura", "ORG", "ITAJUD"),
    ("I carabinieri hanno arrestato un 40enne.", "40enne", "MISC", "ITACVL"),
    ("Sono stati denunciati due giovani marocchini.", "giovani marocchini", "MISC", "ITACVL"),
    ("I ladri sono fuggiti.", "ladri", "MISC", "ITACRM"),
    ("Un ricercato è stato arrestato.", "ricercato", "MISC", "ITACRM"),
    ("Il senatore ha invitato il Congresso a indagare.", "Congresso", "ORG", "ITALEG"),
    ("Una guardia giurata di 46 anni è stata denunciata.", "guardia giurata di 46 anni", "MISC", "ITACVL"),
])
def test_unnamed_finds_institutions_and_people(text, surface, typ, code):
    assert any(s == surface and t == typ and c == code for s, t, c, _g in _found(text))


@pytest.mark.parametrize("text", [
    "Gli agenti di borsa hanno venduto.",        # brokers, not police
    "Donna Summer ha cantato.",                  # a name's first word
    "Il ministro ha parlato.",                   # a role, left to the role finder
])
def test_unnamed_leaves_other_words(text):
    assert not [f for f in _found(text) if f[0].lower().startswith(("agenti", "donna", "ministro"))]


def test_unnamed_one_entity_per_institution_and_bare_militari_refer_back():
    found = _found("I carabinieri sono intervenuti. I militari hanno poi arrestato il carabiniere infedele.")
    groups = {g for _s, _t, _c, g in found}
    assert groups == {("inst", "carabinieri")}
    assert [s for s, *_ in found] == ["carabinieri", "militari", "carabiniere"]


def test_unnamed_without_country_keeps_the_bare_sector():
    assert _found("La polizia è arrivata.", country=None)[0][2] == "COP"


def test_unnamed_skips_names_found_already():
    assert _found("I carabinieri.", taken=[(2, 13)]) == []


def test_unnamed_data_file_schema():
    lex = unnamed_lexicon("it")
    assert all(sector in {"COP", "JUD", "GOV", "LEG", "MIL", "LAB", "CVL", "BUS", "MED"}
               for _k, sector, _n in lex.institutions.values())
    assert set(lex.people.values()) <= {"CVL", "CRM"}
    assert all(key in {k for k, _s, _n in lex.institutions.values()}
               for keys in lex.bare_coref.values() for key in keys)


def test_unnamed_arma_only_capitalised():
    assert [s for s, *_ in _found("Hanno ringraziato l'Arma.")] == ["Arma"]
    assert _found("Aveva con sé un'arma.") == []
    assert _found("Al congresso del partito hanno parlato in molti.") == []


def test_unnamed_primo_cittadino_is_a_role():
    assert _found("Lo ha detto il primo cittadino di Savignano.") == []


def test_unnamed_police_units_named_alone():
    found = _found("Una Volante ha bloccato l'auto. Gli agenti della Mobile e la Scientifica sono intervenuti. "
                   "Le pattuglie della Stradale hanno fermato i due.")
    assert [(s, g) for s, _t, _c, g in found] == [
        ("Volante", ("inst", "polizia")), ("agenti della Mobile", ("inst", "polizia")),
        ("Scientifica", ("inst", "polizia")), ("Stradale", ("inst", "polizia stradale"))]


def test_unnamed_a_steering_wheel_and_a_road_are_no_police():
    assert _found("Era al volante della sua auto dopo un incidente stradale con un telefono mobile.") == []


def test_unnamed_a_descriptor_set_off_by_a_comma_is_the_person_before_it():
    found = _found("Hanno arrestato un 39enne, residente a Novi. Un uomo, una donna e un ragazzo sono fuggiti.")
    assert [(s, g) for s, _t, _c, g in found] == [
        ("39enne", ("anon", "39enne")), ("residente", ("anon", "39enne")), ("uomo", ("anon", "uomo")),
        ("donna", ("anon", "donna")), ("ragazzo", ("anon", "ragazzo"))]


def test_unnamed_the_investigators_are_the_police_force_named_before():
    found = _found("Sul posto sono arrivati i carabinieri. Gli inquirenti stanno cercando di capire. Gli investigatori.")
    assert [(s, g) for s, _t, _c, g in found] == [
        ("carabinieri", ("inst", "carabinieri")), ("inquirenti", ("inst", "carabinieri")),
        ("investigatori", ("inst", "carabinieri"))]
    assert _found("Gli inquirenti stanno cercando di capire.") == []


def test_unnamed_a_descriptor_after_an_auxiliary_is_a_participle():
    assert [s for s, *_ in _found("La procura ha indagato un uomo. L'uomo è indagato.")] == ["procura", "uomo", "uomo"]


def test_unnamed_an_age_descriptor_is_the_one_person_named_with_that_age():
    from cronaca.extract.actors.detect import ActorCandidate

    def person(text, name):
        k = text.index(name)
        return ActorCandidate(k, k + len(name), name, "PER", ("per", name), name)

    text = "Mario Rossi, 46 anni, è stato fermato ieri. Il 46enne è stato poi denunciato."
    found = unnamed_candidates(text, [], "ITA", load_lexicon().nat_re, people=[person(text, "Mario Rossi")])
    assert [(c.text, c.group) for c in found] == [("46enne", ("per", "Mario Rossi"))]
    text = "Mario Rossi, 46 anni, e Luca Bianchi, 46 anni, sono stati fermati. Il 46enne è stato denunciato."
    people = [person(text, "Mario Rossi"), person(text, "Luca Bianchi")]
    found = unnamed_candidates(text, [], "ITA", load_lexicon().nat_re, people=people)
    assert [(c.text, c.group) for c in found] == [("46enne", ("anon", "46enne"))]  # two of that age: neither
