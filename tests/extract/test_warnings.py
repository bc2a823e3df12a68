"""check_roles: role anachronisms against the knowledge base at the article's date."""

from __future__ import annotations

import pytest

from cronaca.extract.entities import extract_entities
from cronaca.extract.warnings import check_roles


@pytest.mark.parametrize("text,date,warned", [
    ("Da Berlino il portavoce del governo Steffen Hebestreit ha chiesto calma.", "2025-10-01", "Steffen Hebestreit"),
    ("Da Berlino il portavoce del governo Steffen Hebestreit ha chiesto calma.", "2023-03-01", None),
    ("Il portavoce del governo Stefan Kornelius ha chiesto calma.", "2025-10-01", None),
    ("La ministra degli Esteri tedesca Annalena Baerbock è arrivata.", "2025-09-01", "Annalena Baerbock"),
    ("L'ex ministra degli Esteri Annalena Baerbock è arrivata.", "2025-09-01", None),
    ("Il vice ministro degli Esteri Sergei Ryabkov ha risposto.", "2025-10-21", None),
    ("Il segretario di Stato Antony Blinken è atterrato.", "2025-06-01", "Antony Blinken"),
    ("Il segretario di Stato Marco Rubio è atterrato.", "2025-06-01", None),
    ("Il presidente Donald Trump ha firmato.", "2023-05-01", "Donald Trump"),
    ("Il presidente Donald Trump ha firmato.", "2025-05-01", None),
    ("Il premier Carlo Bianchini ha firmato.", "2025-05-01", None),  # unknown person: no warning
])
def test_warnings_role_anachronism(parsed, text, date, warned):
    pdoc = parsed(text, date)
    ents = extract_entities(pdoc, [])
    warns = check_roles(pdoc, ents)
    if warned is None:
        assert warns == []
    else:
        assert len(warns) == 1 and warns[0].kind == "role_anachronism"
        ent = next(e for e in ents if e.id == warns[0].entity)
        assert ent.name == warned
        assert date in warns[0].detail and warned in warns[0].detail


def test_warnings_detail_gives_the_period(parsed):
    pdoc = parsed("A Berlino, il portavoce del governo Steffen Hebestreit ha parlato.", "2025-11-09")
    (warn,) = check_roles(pdoc, extract_entities(pdoc, []))
    assert "from December 2021 to May 2025" in warn.detail and "Germany" in warn.detail


def test_warnings_undated_article_raises_nothing(parsed):
    pdoc = parsed("Il portavoce del governo Steffen Hebestreit ha parlato.", None)
    assert check_roles(pdoc, extract_entities(pdoc, [])) == []


@pytest.mark.parametrize("text,date,warned", [
    # previous holders: a past title given as present is an anachronism ...
    ("Il presidente Biden ha firmato il decreto.", "2025-06-01", "Joe Biden"),
    ("Il cancelliere Olaf Scholz ha ricevuto i sindacati.", "2025-09-01", "Olaf Scholz"),
    ("Il portavoce del Dipartimento di Stato Matthew Miller ha risposto.", "2025-06-01", "Matthew Miller"),
    ("Il ministro degli Esteri messicano Marcelo Ebrard ha risposto.", "2024-03-01", "Marcelo Ebrard"),
    # ... the markers of the past ("ex", "l'allora", "già") make it history, not an error
    ("L'ex presidente Biden ha firmato il libro.", "2025-06-01", None),
    ("L'allora presidente Biden aveva firmato il decreto.", "2025-06-01", None),
    ("Il già cancelliere Olaf Scholz ha parlato.", "2025-09-01", None),
    # current holders added for the G20 coverage
    ("La portavoce del Dipartimento di Stato Tammy Bruce ha risposto.", "2025-06-01", None),
    ("Il ministro degli Esteri argentino Pablo Quirno è atterrato.", "2025-11-09", None),
    ("Il ministro degli Esteri sudcoreano Cho Hyun è atterrato.", "2025-11-09", None),
    ("La portavoce del ministero degli Esteri cinese Mao Ning ha risposto.", "2025-11-09", None),
    ("La portavoce del governo Maud Bregeon ha risposto.", "2025-11-09", None),
])
def test_warnings_previous_holders(parsed, text, date, warned):
    pdoc = parsed(text, date)
    ents = extract_entities(pdoc, [])
    warns = check_roles(pdoc, ents)
    assert [next(e.name for e in ents if e.id == w.entity) for w in warns] == ([warned] if warned else [])


def test_warnings_bare_title_raises_nothing(parsed):
    text = "Donald Trump è atterrato. L'ex presidente Joe Biden ha taciuto. Il presidente ha poi parlato."
    pdoc = parsed(text, "2025-11-09")
    assert check_roles(pdoc, extract_entities(pdoc, [])) == []
