import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il sen. Rossi ha parlato. Poi è uscito.", ["Il sen. Rossi ha parlato.", "Poi è uscito."]),
        ("L’on. Bianchi e il dott. Verdi sono arrivati. Nessuno ha parlato.",
         ["L’on. Bianchi e il dott. Verdi sono arrivati.", "Nessuno ha parlato."]),
        ("Ha risposto così. «Non ci sto», ha detto.", ["Ha risposto così.", "«Non ci sto», ha detto."]),
        ("Ha risposto così. “Non ci sto”, ha detto.", ["Ha risposto così.", "“Non ci sto”, ha detto."]),
        ("«Basta così.» Poi se ne è andato.", ["«Basta così.»", "Poi se ne è andato."]),
        ("Titolo senza punto\nIl testo comincia qui.", ["Titolo senza punto", "Il testo comincia qui."]),
        ("Sono le 20.30 a Roma. Davvero?", ["Sono le 20.30 a Roma.", "Davvero?"]),
        ("Ha vinto per 3 a 1. la partita è finita.", ["Ha vinto per 3 a 1. la partita è finita."]),
    ],
)
def test_segment_italian_news_sentences(parsed, text, expected):
    doc = parsed(text).doc
    assert [s.text.strip() for s in doc.sents] == expected


def test_segment_keeps_offsets_into_the_text(parsed):
    text = "Mosca, 9 novembre 2025 – Il ministro ha parlato.\nSeconda riga. Terza frase."
    doc = parsed(text).doc
    for sent in doc.sents:
        assert text[sent.start_char:sent.end_char] == sent.text
