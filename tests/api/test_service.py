"""The API's plain functions: which language a reader gets, and the title shown for an untitled article."""

from __future__ import annotations

import pytest

from cronaca.api.service import TITLE_MAX, LanguageError, derive_title, resolve_language, title_fields
from cronaca.ingest import article_from_text


@pytest.mark.parametrize(("asked", "header", "default", "expected"), [
    ("it", None, "en", "it"),
    ("en", "it-IT,it;q=0.9", "it", "en"),  # ?lang= wins over the header
    (None, "it-IT,it;q=0.9,en;q=0.8", "en", "it"),
    (None, "en-GB,en;q=0.9,it;q=0.8", "it", "en"),
    (None, "fr-FR, it;q=0.4, en;q=0.7", "it", "en"),  # the best one we have, by q
    (None, "it;q=0.5, EN;q=0.5", "it", "it"),  # a tie keeps the header's order
    (None, "fr, de;q=0.9", "it", "it"),  # nothing we have: the server default
    (None, "en;q=0, it;q=0.1", "en", "it"),  # q=0 means "not this one"
    (None, "en;q=abc, it;q=0.2", "en", "it"),  # an unreadable q counts as "not this one"
    (None, "*", "it", "it"),
    (None, "", "en", "en"),
    (None, None, "it", "it"),
])
def test_service_resolve_language(asked, header, default, expected):
    assert resolve_language(asked, header, default) == expected


@pytest.mark.parametrize("asked", ["fr", "", "IT", "it-IT", "english"])
def test_service_resolve_language_rejects_other_values(asked):
    with pytest.raises(LanguageError) as info:
        resolve_language(asked, "it", "en")
    assert str(info.value) == (f"lang '{asked}' is not available: use en or it, "
                               "or leave lang out to follow Accept-Language.")


LUNGA = ("Il consiglio comunale di Pescara ha approvato nella tarda serata di martedì il nuovo piano per "
         "la manutenzione delle strade provinciali dopo una lunga discussione. Il voto è stato unanime.")


@pytest.mark.parametrize(("text", "expected"), [
    # the dateline is left out, the first sentence kept, its full stop dropped
    ("Pescara, 4 marzo 2025 – Il sindaco ha inaugurato il nuovo ponte. Alla cerimonia c'erano i cittadini.",
     "Il sindaco ha inaugurato il nuovo ponte"),
    ("PESCARA – Il sindaco ha inaugurato il ponte. Poi è ripartito.", "Il sindaco ha inaugurato il ponte"),
    # a headline line comes first
    ("Nuovo ponte sul fiume Pescara\nPescara, 4 marzo 2025 – Il sindaco ha inaugurato il ponte. Poi è ripartito.",
     "Nuovo ponte sul fiume Pescara"),
    # a dateline alone on its line: the next line
    ("Pescara, 4 marzo 2025 –\n\nIl sindaco ha inaugurato il ponte. Poi è ripartito.",
     "Il sindaco ha inaugurato il ponte"),
    # abbreviations and initials do not end the sentence
    ("Il sen. Rossi ha incontrato J. D. Bianchi in prefettura. La riunione è durata un'ora.",
     "Il sen. Rossi ha incontrato J. D. Bianchi in prefettura"),
    # a question keeps its mark; a closing quote stays with its sentence
    ("Chi pagherà il nuovo ponte? Il Comune non lo dice.", "Chi pagherà il nuovo ponte?"),
    ("«Il ponte è pronto.» Così il sindaco ieri.", "«Il ponte è pronto.»"),
    # too long: cut at a word boundary, with an ellipsis
    (LUNGA, "Il consiglio comunale di Pescara ha approvato nella tarda serata di martedì il nuovo piano…"),
])
def test_service_derive_title(text, expected):
    article = article_from_text(text, doc_id="doc", language="it")
    assert derive_title(article) == expected
    assert len(expected) <= TITLE_MAX + 1
    assert article.title is None  # the stored article keeps no title


def test_service_title_fields_prefer_the_article_title():
    titled = article_from_text(LUNGA, doc_id="doc", title="Strade provinciali", language="it")
    assert title_fields(titled) == {"display_title": "Strade provinciali", "title_derived": False}
    untitled = article_from_text(LUNGA, doc_id="doc", title="  ", language="it")
    assert title_fields(untitled)["title_derived"] is True
    assert title_fields(untitled)["display_title"].startswith("Il consiglio comunale di Pescara")
