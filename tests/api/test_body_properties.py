"""Property tests of POST /articles bodies: any JSON value, any bytes under any content type,
never a 5xx, every error in the one shape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import bounded, news_text

JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | news_text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                               st.sampled_from(["text", "html", "title", "date", "id", "url", "x"]), inner,
                               max_size=4), max_leaves=8)


def _check(response) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
        assert body["error"]["status"] == response.status_code


@bounded
@given(value=JSON_VALUES)
def test_api_body_properties_any_json_value(make_client, value):
    client = make_client(max_bytes=20_000)
    _check(client.post("/articles", json=value))


@bounded
@given(body=st.binary(max_size=400), ctype=st.sampled_from(
    ["application/json", "multipart/form-data; boundary=b", "text/plain", "", "application/json; charset=latin-1"]))
def test_api_body_properties_any_bytes(make_client, body, ctype):
    client = make_client(max_bytes=20_000)
    _check(client.post("/articles", content=body, headers={"Content-Type": ctype} if ctype else {}))


@bounded
@given(since=news_text, until=news_text)
def test_api_body_properties_any_date_filter(make_client, since, until):
    _check(make_client().get("/events", params={"since": since, "until": until}))
