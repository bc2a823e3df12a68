import pytest

from cronaca.data import load_yaml
from cronaca.ingest.dateline import find_dateline, parse_dateline_date

# (first lines of an article, metadata date, expected place, expected date)
DATELINES = [
    ("Roma, 21 ottobre 2025 – Il consiglio dei ministri si è riunito.", None, "Roma", "2025-10-21"),
    ("Gerusalemme, 10 ottobre 2025 – La tregua regge da ore.", None, "Gerusalemme", "2025-10-10"),
    ("ROMA – Il governo ha approvato la manovra.", None, "Roma", None),
    ("Roma – Il governo ha approvato la manovra.", None, "Roma", None),
    ("(ANSA) - ROMA, 21 OTT - Il ministro ha parlato in aula.", "2025-10-21", "Roma", "2025-10-21"),
    ("(ANSA) - ROMA, 21 OTT - Il ministro ha parlato in aula.", None, "Roma", None),
    ("MILANO, 5 mar. (Adnkronos) - La borsa apre in rialzo.", "2024-03-05", "Milano", "2024-03-05"),
    ("NEW YORK (ANSA) - Il segretario generale ha chiesto calma.", None, "New York", None),
    ("Il Cairo, 9 ottobre 2025 – Le delegazioni sono arrivate.", None, "Il Cairo", "2025-10-09"),
    ("Tel Aviv, 13 ottobre 2025 — Migliaia di persone in piazza.", None, "Tel Aviv", "2025-10-13"),
    ("Sharm el-Sheikh, 20 novembre 2022 – Il vertice si è chiuso.", None, "Sharm el-Sheikh", "2022-11-20"),
    ("SHARM EL-SHEIKH, 20 NOV - Il vertice si è chiuso.", "2022-11-21", "Sharm el-Sheikh", "2022-11-20"),
    ("Kiev, martedì 1° novembre 2022 – Sirene per tutta la notte.", None, "Kiev", "2022-11-01"),
    ("Bruxelles, 21/10/2025 – Il Consiglio europeo si riunisce.", None, "Bruxelles", "2025-10-21"),
    ("L'AQUILA, 6 aprile - Una fiaccolata ricorda le vittime.", "2025-04-06", "L'Aquila", "2025-04-06"),
    ("Reggio nell'Emilia, 2 giugno 2024 - La parata è partita.", None, "Reggio nell'Emilia", "2024-06-02"),
    ("Mosca, 9 novembre 2025 - Il Cremlino non commenta.", None, "Mosca", "2025-11-09"),
    ("MODENA. Furto nella notte in un negozio del centro.", None, "Modena", None),
    ("REGGIO EMILIA. Due arresti dopo l'inseguimento.", None, "Reggio Emilia", None),
    ("SOLIERA Una battaglia che durava da tempo.", None, "Soliera", None),
    ("MODENA E'proseguito il calo dei casi.", None, "Modena", None),
    ("SAN CESARIO SUL PANARO Furto in una villa.", None, "San Cesario sul Panaro", None),
    # a byline glued to it
    ("Stefania Piscitello MARANELLO. Erano giorni che mancava denaro.", None, "Maranello", None),
    # a date alone, no place (Wikinews, many agency feeds)
    ("4 settembre 2008 – Le borse europee hanno chiuso in calo.", None, None, "2008-09-04"),
    ("Giovedì 18 marzo 2011 – Il Nikkei perde ancora.", None, None, "2011-03-18"),
    ("04/09/2008 - Le borse europee hanno chiuso in calo.", None, None, "2008-09-04"),
    ("3 nov. (Adnkronos) - Il Consiglio ha deciso.", None, None, None),
    ("Bruxelles, 3 nov. (Adnkronos) - Il Consiglio ha deciso.", "2025-11-03", "Bruxelles", "2025-11-03"),
    # no year, metadata in early January: the dateline is from the year before
    ("Parigi, 30 dicembre - Sciopero dei trasporti.", "2026-01-02", "Parigi", "2025-12-30"),
    # a headline first, the dateline on the second line
    ("Vertice rinviato a data da destinarsi\nFirenze, 3 marzo 2025 – Salta l'incontro.", None, "Firenze",
     "2025-03-03"),
]

NOT_DATELINES = [
    "Il governo ha deciso – dopo una lunga notte – di rinviare il voto.",
    "Roma, piazza del Popolo – una folla attende il corteo.",
    "Oggi – ha detto il ministro – è un giorno importante.",
    "La riunione è durata tre ore e non ha prodotto un accordo.",
    "Basta. Non ne posso più.",  # a title-case opening is a dateline only when it is a town
    "Rossi. Lo ha detto ieri.",
    "Serena Arbizzi Medici, oltre una decina, hanno lasciato il reparto.",
    "ONU E NATO SI PARLANO ANCORA Dopo la crisi.",
    "NATO E UE ieri hanno firmato.",
    "IL GOVERNO HA DECISO DI RINVIARE IL VOTO Lo ha detto il ministro.",
    "ONU E NATO SI PARLANO ANCORA DOPO LA LUNGA CRISI DEI MESI SCORSI. Il vertice è fissato.",
    "Roma, 31 febbraio 2025 – una data che non esiste.",
    "12 persone – tra cui due bambini – sono rimaste ferite.",
    "31 febbraio 2025 – una data che non esiste.",
    "",
]


@pytest.mark.parametrize(("text", "hint", "place", "iso"), DATELINES)
def test_dateline_finds_place_and_date(text, hint, place, iso):
    found = find_dateline(text, year_hint=hint)
    assert found is not None
    assert (found.place, found.date) == (place, iso)
    assert text[found.end - 1] in "-–—." or text[found.start:found.end].isupper()  # "SOLIERA Una ..."
    assert text[found.start:found.end].strip()


@pytest.mark.parametrize(("text", "place"), [
    ("FIORANO I Carabinieri della stazione hanno arrestato un 30enne.", "Fiorano"),
    ("MODENA A Bomporto, nel corso della nottata, un furto.", "Modena"),
    ("FORMIGINE È finito in manette un 40enne.", "Formigine"),
])
def test_dateline_in_capitals_before_a_one_letter_word(text, place):
    found = find_dateline(text)
    assert found is not None and found.place == place and found.date is None


@pytest.mark.parametrize(("text", "place", "start"), [
    # a town of the home country in title case: 167 DICE articles open so, 29 after a byline
    ("Formigine. Ha un nome e un cognome il ladro delle biciclette.", "Formigine", 0),
    ("San Cesario. I carabinieri di Castelfranco hanno arrestato un 30enne.", "San Cesario", 0),
    ("Daniele Montanari Prignano. Ritrovato dopo quasi 22 anni.", "Prignano", 18),
    # "di" and a byline before an upper-case town with its full stop lost (25 DICE articles)
    ("di Luca Apicella MIRANDOLA Seconda rapina in appena una settimana.", "Mirandola", 17),
])
def test_dateline_of_a_local_paper_in_title_case_or_after_a_byline(text, place, start):
    found = find_dateline(text)
    assert found is not None and (found.place, found.start) == (place, start)


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_dateline_rejects_other_openings(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize(("text", "day"), [
    ("(ANSA) - ROMA, 21 OTT - Il ministro ha parlato.", "--10-21"),
    ("Bruxelles, 3 nov. (Adnkronos) - Il Consiglio ha deciso.", "--11-03"),
    ("29 febbraio – Giorno bisestile.", "--02-29"),
    ("Roma, 21 ottobre 2025 – Il consiglio.", None),
    ("MODENA. Furto nella notte.", None),
])
def test_dateline_keeps_the_day_of_a_date_without_year(text, day):
    assert find_dateline(text).month_day == day


def test_dateline_offsets_cover_the_dateline():
    text = "Roma, 21 ottobre 2025 – Il consiglio dei ministri si è riunito."
    found = find_dateline(text)
    assert text[found.start:found.end] == "Roma, 21 ottobre 2025 –"


@pytest.mark.parametrize(("raw", "hint", "expected"), [
    ("21 ottobre 2025", None, "2025-10-21"),
    ("21 ott.", "2025-10-30", "2025-10-21"),
    ("21 OTT", None, None),
    ("lunedì 3 marzo 2025", None, "2025-03-03"),
    ("3/3/25", None, "2025-03-03"),
    ("piazza del Popolo", None, False),
    ("ventuno ottobre", None, False),
    ("32 ottobre 2025", None, False),
])
def test_dateline_parses_dates(raw, hint, expected):
    assert parse_dateline_date(raw, year_hint=hint) == expected


def test_dateline_data_file_schema():
    data = load_yaml("it", "dateline.yaml")
    assert set(data) == {"agencies", "place_particles", "not_places", "max_place_words"}
    for key in ("agencies", "place_particles", "not_places"):
        assert data[key] and all(isinstance(x, str) and x.strip() == x and x for x in data[key])
    assert all(p == p.lower() for p in data["place_particles"])
    assert isinstance(data["max_place_words"], int) and data["max_place_words"] > 0
