"""The analyst's page in a real browser: headless Chromium opens the page served by
``cronaca serve`` over the analysed seeds, finds the story, sees the Budapest/Ginevra
contradiction on the timeline, clicks a fact and sees its evidence outlined in the article.

The screenshot goes to the test's tmp folder; with ``CRONACA_SCREENSHOT=docs/screenshot.png``
it is also written there (that is how the README's screenshot is made).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(),
                       reason="/usr/bin/chromium is not installed (Debian packages chromium, chromium-driver)"),
]

WAIT = 30


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _focus_text(driver) -> str:
    return _squash(driver.execute_script("const n = document.querySelector('#reader-text .focus');"
                                         "return n ? n.textContent : null;"))


def test_page_story_contradiction_and_evidence(browser, server, api_get, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, WAIT)
    story = api_get("/stories")["items"][0]
    detail = api_get(f"/stories/{story['id']}")
    place = next(c for c in detail["contradictions"] if c["slot"] == "place")
    budapest = next(v for v in place["values"] if v["value"] == "Budapest")
    article = api_get(f"/articles/{budapest['doc_id']}")
    evidence = _squash(article["text"][budapest["evidence"]["start"]:budapest["evidence"]["end"]])

    # the page lists the story; open it
    browser.get(server + "/")
    link = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, f'.story-link[data-id="{story["id"]}"]')))
    assert story["title"] in link.text and "2 contradictions" in link.text
    link.click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "story-title"), story["title"]))

    # the Budapest/Ginevra contradiction is on the timeline view, with the conflicting event marked
    timeline = browser.find_element(By.ID, "view-timeline")
    assert timeline.is_displayed()
    boxes = wait.until(lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, "#view-timeline .contradiction")
                                  if "Budapest" in b.text and "Ginevra" in b.text] or False)
    (box,) = boxes
    values = box.find_element(By.CSS_SELECTOR, ".c-values").text
    assert values.index("Budapest") < values.index("vs") < values.index("Ginevra")
    assert box.find_element(By.CSS_SELECTOR, ".c-expl").text == place["explanation"]
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-row.conflict")

    # click the Budapest fact: the reader opens that article with the evidence outlined
    budapest_value = next(v for v in box.find_elements(By.CSS_SELECTOR, ".c-value")
                          if v.find_element(By.TAG_NAME, "strong").text == "Budapest")
    budapest_value.find_element(By.CSS_SELECTOR, "button.fact").click()
    wait.until(lambda d: d.find_element(By.ID, "reader").is_displayed() and _focus_text(d))
    assert _focus_text(browser) == evidence
    assert "Budapest" in evidence
    reader_text = _squash(browser.find_element(By.ID, "reader-text").text)
    assert evidence in reader_text and len(reader_text) > len(evidence)
    focus = browser.find_element(By.CSS_SELECTOR, "#reader-text .focus")
    assert focus.is_displayed()
    browser.execute_script("window.scrollTo(0, 0);")

    shot = tmp_path / "page.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000
    if os.environ.get("CRONACA_SCREENSHOT"):
        target = Path(os.environ["CRONACA_SCREENSHOT"])
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target)

    # the first chip of the timeline (first event, its earliest report) opens its own sentence
    first = detail["events"][0]
    entry = next(h for h in first["status_history"] if h["date"] == min(x["date"] for x in first["status_history"]))
    text = api_get(f"/articles/{entry['doc_id']}")["text"]
    expected = _squash(text[entry["evidence"]["start"]:entry["evidence"]["end"]])
    browser.find_element(By.CSS_SELECTOR, "#timeline .tl-row:not(.tl-head) .fact.status").click()
    wait.until(lambda d: _focus_text(d) == expected)

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_page_language_switch_rewords_the_story(browser, server, api_get):
    """Switching the page to Italian asks the API for the story in Italian: the title and the
    explanations change with the labels; untitled articles show their derived title, marked."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(browser, WAIT)
    story_id = api_get("/stories")["items"][0]["id"]
    worded = {lang: api_get(f"/stories/{story_id}?lang={lang}") for lang in ("en", "it")}
    assert worded["en"]["title"] != worded["it"]["title"]
    labels = api_get("/static/i18n.json")

    def explanations(d) -> list[str]:
        return [n.text for n in d.find_elements(By.CSS_SELECTOR, "#contradictions .c-expl")]

    browser.get(server + f"/#/story/{story_id}")
    wait.until(ec.text_to_be_present_in_element((By.ID, "story-title"), worded["en"]["title"]))
    wait.until(lambda d: explanations(d) == [c["explanation"] for c in worded["en"]["contradictions"]])

    Select(browser.find_element(By.ID, "lang-select")).select_by_value("it")
    wait.until(lambda d: d.find_element(By.ID, "story-title").text == worded["it"]["title"])
    wait.until(lambda d: explanations(d) == [c["explanation"] for c in worded["it"]["contradictions"]])
    link = browser.find_element(By.CSS_SELECTOR, f'.story-link[data-id="{story_id}"] .story-title')
    assert link.text == worded["it"]["title"]
    assert browser.find_element(By.ID, "tab-timeline").text == labels["it"]["timeline"]

    # the articles have no title: the list and the reader show the derived one, marked as such
    browser.find_element(By.ID, "tab-articles").click()
    shown = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#article-list strong") or False)
    expected = {a["display_title"] for a in worded["it"]["articles"]}
    assert {n.text for n in shown} == expected and all(a["title_derived"] for a in worded["it"]["articles"])
    assert all("derived" in n.get_attribute("class").split() for n in shown)
    assert {n.get_attribute("title") for n in shown} == {labels["it"]["derived_title"]}
    shown[0].click()
    wait.until(lambda d: d.find_element(By.ID, "reader").is_displayed())
    assert browser.find_element(By.CSS_SELECTOR, "#reader-title .derived").text == shown[0].text

    # and back to English, from the page's own state
    Select(browser.find_element(By.ID, "lang-select")).select_by_value("en")
    wait.until(lambda d: d.find_element(By.ID, "story-title").text == worded["en"]["title"])
    browser.find_element(By.ID, "tab-timeline").click()
    wait.until(lambda d: explanations(d) == [c["explanation"] for c in worded["en"]["contradictions"]])
    assert browser.execute_script("return localStorage.getItem('cronaca-lang')") == "en"
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


NUOVO = ("Lisbona, 2 dicembre 2025 – Il ministro degli Esteri portoghese ha incontrato ieri a Lisbona il "
         "collega brasiliano per discutere di scambi commerciali. Un secondo incontro è previsto a marzo.")


def test_page_add_article_box_files_it_in_a_story(browser, server, api_get):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, WAIT)
    before = api_get("/articles")["total"]
    browser.get(server + "/")
    wait.until(ec.element_to_be_clickable((By.ID, "add-open"))).click()
    wait.until(ec.visibility_of_element_located((By.ID, "add-text"))).send_keys(NUOVO)
    browser.find_element(By.ID, "add-title-input").send_keys("Portogallo e Brasile")
    browser.find_element(By.ID, "add-submit").click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "add-status"), "Added to the store."))
    assert api_get("/articles")["total"] == before + 1
    # the page opens the story the new article was filed in
    wait.until(ec.visibility_of_element_located((By.ID, "story")))
    browser.find_element(By.ID, "tab-articles").click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "article-list"), "Portogallo e Brasile"))
