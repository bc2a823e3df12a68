import pytest

from cronaca.ingest.language import detect_language

SENTENCES = [
    ("Il consiglio comunale ha approvato il bilancio dopo una seduta durata fino a tarda notte, tra le "
     + "proteste dell'opposizione.", "it"),
    ("Il ministro ha confermato l'incontro di giovedì.", "it"),
    ("The city council approved the budget after a session that lasted late into the night.", "en"),
    ("Le conseil municipal a approuvé le budget après une séance qui a duré jusque tard dans la nuit.", "fr"),
    ("Der Stadtrat hat den Haushalt nach einer Sitzung verabschiedet, die bis spät in die Nacht dauerte.", "de"),
    ("El ayuntamiento aprobó el presupuesto tras una sesión que se prolongó hasta altas horas de la noche.", "es"),
    ("A câmara municipal aprovou o orçamento depois de uma sessão que durou até tarde da noite.", "pt"),
]


@pytest.mark.parametrize(("text", "lang"), SENTENCES)
def test_language_identifies_italian_and_neighbours(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "12 34 56", "---"])
def test_language_none_without_words(text):
    assert detect_language(text) is None
