"""The HTTP API through the ASGI test client: writes on fresh stores, reads on the analysed seeds."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

TESTO = ("Roma, 3 aprile 2025 – Il ministro degli Esteri Paolo Verdi ha incontrato ieri a Roma il collega "
         "spagnolo. I due hanno firmato un accordo sulla cooperazione culturale.")
ALTRO = "Milano, 4 aprile 2025 – Sciopero dei trasporti pubblici per l'intera giornata, secondo i sindacati."


def assert_error(response, status: int, *fragments: str) -> None:
    """The one error body shape: {"error": {"status", "message"}}, message naming what is wrong."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    message = body["error"]["message"]
    assert isinstance(message, str) and message
    for fragment in fragments:
        assert fragment in message, message


# ---------------------------------------------------------------- POST /articles

def test_api_post_json_analyses_and_stores(make_client):
    client = make_client()
    r = client.post("/articles", json={"text": TESTO, "title": "Verdi a Roma", "url": "https://esempio.it/r"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["created"] is True
    assert (body["title"], body["url"], body["date"], body["text"]) == (
        "Verdi a Roma", "https://esempio.it/r", "2025-04-03", TESTO)
    assert "entities" in body and "events" in body and body["dateline"]["place"] == "Roma"
    again = client.get(f"/articles/{body['doc_id']}")
    assert again.status_code == 200 and again.json()["content_hash"] == body["content_hash"]


def test_api_post_same_article_twice_is_stored_once(make_client):
    client = make_client()
    first = client.post("/articles", json={"text": TESTO})
    second = client.post("/articles", json={"text": TESTO, "title": "altro titolo"})
    assert (first.status_code, second.status_code) == (201, 200)
    assert (first.json()["created"], second.json()["created"]) == (True, False)
    assert second.json()["doc_id"] == first.json()["doc_id"]
    upload = client.post("/articles", files={"file": ("roma.txt", TESTO.encode(), "text/plain")})
    assert upload.status_code == 200 and upload.json()["created"] is False
    assert len(client.app.state.cronaca.store) == 1
    assert client.get("/articles").json()["total"] == 1


def test_api_post_multipart_text_and_html(make_client):
    client = make_client()
    r = client.post("/articles", files={"file": ("milano.txt", ALTRO.encode(), "text/plain")},
                    data={"title": "Sciopero", "date": "2025-04-04", "id": "sciopero-milano"})
    assert r.status_code == 201, r.text
    assert (r.json()["doc_id"], r.json()["title"], r.json()["date"]) == ("sciopero-milano", "Sciopero", "2025-04-04")
    page = f"<html><head><title>Verdi</title></head><body><article><p>{TESTO}</p></article></body></html>"
    r = client.post("/articles", files={"file": ("verdi.html", page.encode(), "text/html")})
    assert r.status_code == 201, r.text
    assert "Paolo Verdi" in r.json()["text"] and "<p>" not in r.json()["text"]
    stories = client.get("/stories").json()
    assert stories["total"] >= 1


def test_api_post_json_html_field(make_client):
    client = make_client()
    page = f"<html><body><article><p>{ALTRO}</p></article></body></html>"
    r = client.post("/articles", json={"html": page})
    assert r.status_code == 201, r.text
    assert r.json()["text"].startswith("Milano, 4 aprile 2025")
    assert_error(client.post("/articles", json={"html": "<p></p>"}), 422, "no article text")


@pytest.mark.parametrize("how", ["json", "multipart"])
def test_api_post_over_the_size_limit_is_413(make_client, how):
    client = make_client(max_bytes=200)
    big = TESTO * 3
    if how == "json":
        r = client.post("/articles", json={"text": big})
    else:
        r = client.post("/articles", files={"file": ("big.txt", big.encode(), "text/plain")})
    assert_error(r, 413, "over the limit of 200")
    assert len(client.app.state.cronaca.store) == 0


@pytest.mark.parametrize(("content", "ctype", "fragment"), [
    (b"{non json", "application/json", "not valid JSON"),
    (b"[1, 2]", "application/json", "must be a JSON object"),
    (b'"solo una stringa"', "application/json", "must be a JSON object"),
    (b'{"title": "senza testo"}', "application/json", "'text' or 'html'"),
    (b'{"text": "   "}', "application/json", "'text' or 'html'"),
    (b'{"text": 42}', "application/json", "field 'text' must be a string"),
    (b'{"text": "Roma, testo.", "date": 20250403}', "application/json", "field 'date' must be a string"),
    (b'{"text": "Roma, testo.", "title": ["a"]}', "application/json", "field 'title' must be a string"),
    (b'{"text": "\\ud800 spaiato"}', "application/json", "not valid UTF-8"),
    (b"\xff\xfe{}", "application/json", "not valid JSON"),
])
def test_api_post_malformed_json_is_422(make_client, content, ctype, fragment):
    client = make_client()
    assert_error(client.post("/articles", content=content, headers={"Content-Type": ctype}), 422, fragment)
    assert len(client.app.state.cronaca.store) == 0


@pytest.mark.parametrize(("files", "data", "fragment"), [
    ({"file": ("rotto.txt", "Città di prova".encode("latin-1"), "text/plain")}, None, "not valid UTF-8"),
    ({"file": ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png")}, None, "binary"),  # ingest's check
    ({"file": ("dati.bin", b"testo\x00\x01\x02 binario", "application/octet-stream")}, None, "binary"),
    ({"file": ("vuoto.txt", b"   \n", "text/plain")}, None, "empty"),
    ({"altro": ("nota.txt", TESTO.encode(), "text/plain")}, None, "'file' field"),
    (None, {"file": TESTO}, "'file' field"),
])
def test_api_post_malformed_upload_is_422(make_client, files, data, fragment):
    client = make_client()
    if files is None:  # a form without any file part still has to be multipart
        r = client.post("/articles", data=data, files={"x": ("", b"", "text/plain")})
    else:
        r = client.post("/articles", files=files, data=data)
    assert_error(r, 422, fragment)


def test_api_post_broken_multipart_body_is_422(make_client):
    r = make_client().post("/articles", content=b"--xyz\r\nnot a part",
                           headers={"Content-Type": "multipart/form-data; boundary=xyz"})
    assert r.status_code == 422, r.text
    assert_error(r, 422)


@pytest.mark.parametrize("ctype", ["text/plain", "application/xml", "application/x-www-form-urlencoded", None])
def test_api_post_other_content_types_are_415(make_client, ctype):
    headers = {"Content-Type": ctype} if ctype else {}
    r = make_client().post("/articles", content=TESTO.encode(), headers=headers)
    assert_error(r, 415, "application/json or multipart/form-data")


@pytest.mark.parametrize("header", [None, "Bearer sbagliato", "Basic c2VncmV0bw==", "segreto", "Bearer "])
def test_api_post_needs_the_token_when_one_is_set(make_client, header):
    client = make_client(token="segreto")
    headers = {"Authorization": header} if header is not None else {}
    assert_error(client.post("/articles", json={"text": TESTO}, headers=headers), 401, "Bearer")
    assert len(client.app.state.cronaca.store) == 0
    ok = client.post("/articles", json={"text": TESTO}, headers={"Authorization": "Bearer segreto"})
    assert ok.status_code == 201
    assert client.get("/articles").status_code == 200  # reading needs no token


# ---------------------------------------------------------------- reads over the seeds

def test_api_stories_list_the_seed_story(seed_client: TestClient):
    body = seed_client.get("/stories").json()
    assert body["total"] == 1 and body["next_offset"] is None
    (story,) = body["items"]
    assert story["articles"] == 2
    assert (story["first_date"], story["last_date"]) == ("2025-10-21", "2025-11-09")
    assert story["contradictions"] == 2 and story["events"] >= 2


def test_api_story_has_both_linked_events_and_both_contradictions(seed_client: TestClient):
    story_id = seed_client.get("/stories").json()["items"][0]["id"]
    r = seed_client.get(f"/stories/{story_id}")
    assert r.status_code == 200
    story = r.json()
    docs = {"rubio-lavrov-2025-10-21", "lavrov-rubio-2025-11-09"}
    assert {a["id"] for a in story["articles"]} == docs
    linked = [e for e in story["events"] if {m["doc_id"] for m in e["mentions"]} == docs]
    summit = next(e for e in linked if {"Donald Trump", "Vladimir Putin"} <= set(e["participants"]))
    talks = next(e for e in linked if {"Marco Rubio", "Sergey Lavrov"} <= set(e["participants"]))
    assert summit["id"] != talks["id"]
    for event in (summit, talks):
        assert {h["date"] for h in event["status_history"]} == {"2025-10-21", "2025-11-09"}
    assert "planned" in [h["status"] for h in summit["status_history"]]
    assert "cancelled" in [h["status"] for h in summit["status_history"]]
    by_slot = {c["slot"]: c for c in story["contradictions"]}
    assert set(by_slot) == {"place", "status"}
    assert {v["value"] for v in by_slot["place"]["values"]} >= {"Budapest", "Ginevra"}
    assert by_slot["place"]["event"] == summit["id"]
    assert by_slot["status"]["event"] == talks["id"]
    assert {v["value"] for v in by_slot["status"]["values"]} >= {"suspended", "denied"}
    assert all(c["explanation"] for c in story["contradictions"])


def test_api_unknown_ids_are_404(seed_client: TestClient):
    assert_error(seed_client.get("/stories/nessuna"), 404, "'nessuna'", "GET /stories")
    assert_error(seed_client.get("/actors/nessuno"), 404, "'nessuno'", "GET /actors")
    assert_error(seed_client.get("/articles/nessuno"), 404, "'nessuno'", "GET /articles")


def test_api_events_without_filters_list_every_event(seed_client: TestClient):
    body = seed_client.get("/events?limit=1000").json()
    assert body["total"] == len(body["items"]) > 0
    articles = [seed_client.get(f"/articles/{a['id']}").json() for a in seed_client.get("/articles").json()["items"]]
    assert body["total"] == sum(len(a["events"]) for a in articles)


@pytest.mark.parametrize(("query", "check"), [
    ("actor=marco_rubio", lambda r: any(p["id"] == "marco_rubio" for p in r["actors"] + r["recipients"])),
    ("actor=marco%20rubio", lambda r: any(p["name"] == "Marco Rubio" for p in r["actors"] + r["recipients"])),
    ("type=consult", lambda r: r["type"] == "CONSULT"),
    ("status=cancelled", lambda r: "cancelled" in [c["status"] for c in r["claims"]]),
    ("since=2025-11-01", lambda r: r["date"] == "2025-11-09"),
    ("until=2025-10-31", lambda r: r["date"] == "2025-10-21"),
    ("since=2025-10-21&until=2025-10-21", lambda r: r["date"] == "2025-10-21"),
    ("type=consult&actor=donald_trump&status=planned",
     lambda r: r["type"] == "CONSULT" and "planned" in [c["status"] for c in r["claims"]]
     and "donald_trump" in [p["id"] for p in r["actors"] + r["recipients"]]),
])
def test_api_events_filters(seed_client: TestClient, query, check):
    every = seed_client.get("/events?limit=1000").json()["items"]
    body = seed_client.get(f"/events?{query}&limit=1000").json()
    assert body["items"], f"nothing matched {query}"
    assert all(check(r) for r in body["items"])
    assert body["items"] == [r for r in every if check(r)] or query.startswith("actor=marco%20")


@pytest.mark.parametrize("key", ["name", "text", "country"])
def test_api_events_place_filter_matches_name_words_or_country(seed_client: TestClient, key):
    every = seed_client.get("/events?limit=1000").json()["items"]
    places = [c["place"] for r in every for c in r["claims"] if c["place"]]
    assert places, "the seeds have claims with a place"
    assert any(p["text"] == "Ginevra" and p["name"] == "Geneva" for p in places)
    for wanted in {p[key] for p in places if p[key]}:
        body = seed_client.get("/events", params={"place": wanted.upper(), "limit": 1000}).json()
        expected = [r for r in every if any(c["place"] and wanted.lower() in (
            (c["place"]["name"] or "").lower(), (c["place"]["text"] or "").lower(),
            (c["place"]["country"] or "").lower()) for c in r["claims"])]
        assert body["items"] == expected and expected


@pytest.mark.parametrize("query", ["type=NONESISTE", "actor=nessuno", "since=2030-01-01", "place=Atlantide"])
def test_api_events_filters_that_match_nothing(seed_client: TestClient, query):
    body = seed_client.get(f"/events?{query}").json()
    assert (body["items"], body["total"], body["next_offset"]) == ([], 0, None)


def test_api_actors_and_one_actor(seed_client: TestClient):
    actors = seed_client.get("/actors?limit=1000").json()["items"]
    assert "marco_rubio" in {a["id"] for a in actors}
    assert [a["mentions"] for a in actors] == sorted((a["mentions"] for a in actors), reverse=True)
    rubio = seed_client.get("/actors/marco_rubio").json()
    assert (rubio["name"], rubio["type"], rubio["code"]) == ("Marco Rubio", "PER", "USAGOV")
    assert set(rubio["articles"]) == {"rubio-lavrov-2025-10-21", "lavrov-rubio-2025-11-09"}
    assert rubio["roles"] and all({"doc_id", "title", "article_date"} <= set(r) for r in rubio["roles"])
    assert rubio["events"]
    assert all(any(p["id"] == "marco_rubio" for p in e["actors"] + e["recipients"]) for e in rubio["events"])


def test_api_article_has_text_and_analysis_with_offsets(seed_client: TestClient):
    listed = seed_client.get("/articles").json()
    assert listed["total"] == 2
    article = seed_client.get("/articles/rubio-lavrov-2025-10-21").json()
    text = article["text"]
    assert article["dateline"]["place"] == "Roma" and article["date"] == "2025-10-21"
    for e in article["entities"]:
        assert all(text[m["start"]:m["end"]] == m["text"] for m in e["mentions"])
    for ev in article["events"]:
        assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert all(0 <= c["evidence"]["start"] < c["evidence"]["end"] <= len(text) for c in ev["claims"])


def test_api_pagination(seed_client: TestClient):
    total = seed_client.get("/actors").json()["total"]
    assert total > 3
    seen, offset, pages = [], 0, 0
    while offset is not None:
        body = seed_client.get(f"/actors?limit=3&offset={offset}").json()
        assert (body["limit"], body["offset"], body["total"]) == (3, offset, total)
        assert len(body["items"]) == min(3, total - offset)
        seen += [a["id"] for a in body["items"]]
        offset = body["next_offset"]
        pages += 1
    assert pages == -(-total // 3)
    assert seen == [a["id"] for a in seed_client.get("/actors?limit=1000").json()["items"]]
    past = seed_client.get(f"/actors?offset={total + 5}").json()
    assert (past["items"], past["next_offset"]) == ([], None)


@pytest.mark.parametrize(("path", "fragment"), [
    ("/actors?limit=0", "limit"), ("/actors?limit=5000", "limit"), ("/events?offset=-1", "offset"),
    ("/stories?limit=molti", "limit"), ("/articles?offset=1.5", "offset"),
])
def test_api_bad_paging_is_422(seed_client: TestClient, path, fragment):
    assert_error(seed_client.get(path), 422, fragment)


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/nessuna/pagina", 404), ("DELETE", "/stories", 405), ("PUT", "/articles", 405),
    ("GET", "/static/nessuno.js", 404),
])
def test_api_errors_share_one_body_shape(seed_client: TestClient, method, path, status):
    assert_error(seed_client.request(method, path), status)


def test_api_serves_the_page_and_the_openapi_spec(seed_client: TestClient):
    page = seed_client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<title>cronaca</title>" in page.text
    for asset in ("/static/app.js", "/static/app.css", "/static/i18n.json", "/static/vendor/d3-geo.min.js",
                  "/static/vendor/countries-110m.json"):
        assert seed_client.get(asset).status_code == 200, asset
    spec = seed_client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/articles", "/stories", "/stories/{story_id}", "/events", "/actors", "/actors/{actor_id}",
            "/articles/{doc_id}"} <= set(spec["paths"])
    body = spec["paths"]["/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)


# ---------------------------------------------------------------- the reader's language

def _worded(client: TestClient, lang: str):
    """The stored stories as the wording module words them in ``lang`` (what the API must reuse):
    (id, title, explanations) of each."""
    from cronaca.export.wording import explanation, story_title

    return [(s.id, story_title(s, lang), [explanation(c, lang) for c in s.contradictions])
            for s in client.app.state.cronaca.snapshot.stories.stories]


@pytest.mark.parametrize(("query", "headers", "lang"), [
    ("", {}, "en"),  # the server's --lang (en here)
    ("?lang=it", {}, "it"),
    ("?lang=en", {}, "en"),
    ("", {"Accept-Language": "it-IT,it;q=0.9,en;q=0.8"}, "it"),
    ("", {"Accept-Language": "fr-FR,de;q=0.8"}, "en"),
    ("?lang=en", {"Accept-Language": "it"}, "en"),
])
def test_api_story_titles_follow_the_readers_language(seed_client: TestClient, query, headers, lang):
    r = seed_client.get(f"/stories{query}", headers=headers)
    assert r.status_code == 200, r.text
    assert (r.headers["content-language"], r.headers["vary"]) == (lang, "Accept-Language")
    expected = _worded(seed_client, lang)
    assert [(s["id"], s["title"]) for s in r.json()["items"]] == [(i, t) for i, t, _ in expected]
    story_id, title, explanations = expected[0]
    detail = seed_client.get(f"/stories/{story_id}{query}", headers=headers)
    assert detail.headers["content-language"] == lang
    body = detail.json()
    assert body["title"] == title
    assert [c["explanation"] for c in body["contradictions"]] == explanations


def test_api_story_in_italian_is_the_same_story_worded_differently(seed_client: TestClient):
    story_id = seed_client.get("/stories").json()["items"][0]["id"]
    en = seed_client.get(f"/stories/{story_id}?lang=en").json()
    it = seed_client.get(f"/stories/{story_id}?lang=it").json()
    assert en["title"] != it["title"]
    place_en, place_it = (next(c for c in s["contradictions"] if c["slot"] == "place") for s in (en, it))
    assert "Budapest" in place_en["explanation"] and place_en["explanation"] != place_it["explanation"]
    assert "21 ottobre" in place_it["explanation"] and "21 October" in place_en["explanation"]
    assert _unworded(en) == _unworded(it)  # everything but the wording is the same


def _unworded(story: dict) -> dict:
    drop = ("title", "explanation")
    return {k: v for k, v in story.items() if k not in drop} | {
        "contradictions": [{k: v for k, v in c.items() if k not in drop} for c in story["contradictions"]]}


def test_api_story_language_defaults_to_the_servers(seed_client: TestClient, seed_store_path):
    from cronaca.api import create_app
    from cronaca.settings import Settings
    from cronaca.store import Store

    with Store(seed_store_path, read_only=True) as store, \
            TestClient(create_app(store, Settings(explain_language="it"))) as italian:
        r = italian.get("/stories")
        assert r.headers["content-language"] == "it"
        assert [s["title"] for s in r.json()["items"]] == [t for _, t, _ in _worded(seed_client, "it")]
        assert italian.get("/stories", headers={"Accept-Language": "en-US"}).headers["content-language"] == "en"


@pytest.mark.parametrize("value", ["fr", "", "IT", "it-IT"])
@pytest.mark.parametrize("path", ["/stories", "/stories/story1"])
def test_api_unsupported_lang_is_422(seed_client: TestClient, path, value):
    r = seed_client.get(path, params={"lang": value})
    assert_error(r, 422)
    assert r.json()["error"]["message"] == (f"lang '{value}' is not available: use en or it, "
                                            "or leave lang out to follow Accept-Language.")


def test_api_lang_is_in_the_openapi_spec(seed_client: TestClient):
    spec = seed_client.get("/openapi.json").json()
    for path in ("/stories", "/stories/{story_id}"):
        (param,) = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "lang"]
        assert (param["in"], param["required"], param["schema"]["enum"]) == ("query", False, ["en", "it"])


# ---------------------------------------------------------------- titles of untitled articles

def test_api_untitled_articles_get_a_derived_display_title(seed_client: TestClient):
    items = seed_client.get("/articles").json()["items"]
    for item in items:
        article = seed_client.get(f"/articles/{item['id']}").json()
        assert article["title"] is None and item["title"] is None  # as stored
        assert article["title_derived"] is True and item["title_derived"] is True
        assert item["display_title"] == article["display_title"] != article["doc_id"]
        shown = article["display_title"].rstrip("…")
        assert shown in " ".join(article["text"].split())
        assert not shown.startswith(article["dateline"]["place"])  # the dateline is left out
    story_id = seed_client.get("/stories").json()["items"][0]["id"]
    listed = seed_client.get(f"/stories/{story_id}").json()["articles"]
    assert {a["id"]: a["display_title"] for a in listed} == {a["id"]: a["display_title"] for a in items}


def test_api_posted_articles_keep_their_title_or_get_a_derived_one(make_client):
    client = make_client()
    titled = client.post("/articles", json={"text": TESTO, "title": "Verdi a Roma"}).json()
    assert (titled["title"], titled["display_title"], titled["title_derived"]) == ("Verdi a Roma", "Verdi a Roma", False)
    untitled = client.post("/articles", json={"text": ALTRO}).json()
    assert (untitled["title"], untitled["title_derived"]) == (None, True)
    assert untitled["display_title"] == "Sciopero dei trasporti pubblici per l'intera giornata, secondo i sindacati"
    listed = {a["id"]: a for a in client.get("/articles").json()["items"]}
    assert listed[untitled["doc_id"]]["display_title"] == untitled["display_title"]
    assert listed[titled["doc_id"]]["title_derived"] is False


def test_api_post_an_article_the_nlp_fails_on_is_422_and_not_stored(make_client, monkeypatch):
    from cronaca import pipeline

    def broken(nlp, article):
        raise ValueError("guasto di prova")

    def batch_fails(*args, **kwargs):
        raise ValueError("guasto del lotto")

    monkeypatch.setattr(pipeline, "parse", broken)
    monkeypatch.setattr(pipeline, "parse_many", batch_fails)  # then each article is parsed alone
    client = make_client()
    response = client.post("/articles", json={"text": TESTO, "id": "rotto"})
    assert_error(response, 422, "rotto", "stage 'nlp' failed", "guasto di prova", "nothing stored")
    assert client.get("/articles").json()["total"] == 0
