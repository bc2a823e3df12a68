"""Timeline rendering and the ``cronaca timeline`` command."""

from __future__ import annotations

import re

from click.testing import CliRunner

from cronaca.cli import main
from cronaca.export.timeline import render_html, render_text
from cronaca.story import build_stories

TEXT_1 = "Roma, 2 marzo 2026 – L'incontro tra Giulia Ferri e Paul Marchand è previsto a Torino."
TEXT_2 = "Parigi, 9 marzo 2026 – L'incontro tra Ferri e Marchand <previsto> a Lione è stato annullato."


def two_docs(sb):
    out = []
    for doc_id, date, text, status, ev_text, place in (
        ("a", "2026-03-02", TEXT_1, "planned", "è previsto a Torino", ("Turin", "IT", "Torino")),
        ("b", "2026-03-09", TEXT_2, "cancelled", "è stato annullato", ("Lyon", "FR", "Lione")),
    ):
        ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", text), sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", text)]
        ev = sb.event(text, "ev1", "CONSULT", "incontro", ["e1", "e2"],
                      [sb.claim(text, status, ev_text, place=place)])
        out.append(sb.doc(doc_id, date, text, ents, [ev]))
    return out


def test_render_text_lists_dates_statuses_and_contradictions(sb):
    docs = two_docs(sb)
    out = render_text(build_stories(docs, embedder=None), docs)
    assert "2026-03-02" in out and "2026-03-09" in out
    assert "planned" in out and "cancelled" in out
    assert "⚠ place" in out and "Torino" in out and "Lione" in out
    assert "\x1b[" not in out  # no colour codes unless asked


def test_render_text_colour(sb):
    docs = two_docs(sb)
    assert "\x1b[" in render_text(build_stories(docs, embedder=None), docs, color=True)


def test_render_html_is_self_contained_and_links_evidence(sb):
    docs = two_docs(sb)
    page = render_html(build_stories(docs, embedder=None), docs, lang="it")
    assert page.startswith("<!doctype html>")
    assert "<script src" not in page and "<link" not in page and "http" not in page
    assert "&lt;previsto&gt;" in page  # article text is escaped
    targets = set(re.findall(r'href="#(m-[^"]+)"', page))
    assert targets and all(f'id="{t}"' in page for t in targets)
    assert "<mark id=" in page and "è stato annullato</mark>" in page


def test_render_cli_needs_paths_or_store():
    result = CliRunner().invoke(main, ["timeline"])
    assert result.exit_code == 2
    assert "give either article PATHS or --store FILE (one of the two)." in result.output


def test_render_cli_missing_store(tmp_path):
    missing = tmp_path / "none.duckdb"
    result = CliRunner().invoke(main, ["timeline", "--store", str(missing)])
    assert result.exit_code == 1
    assert f"Error: the store '{missing}' does not exist" in result.output


def test_render_cli_from_store(sb, tmp_path):
    from cronaca.store import Store

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        for d in two_docs(sb):
            store.add(d)
    result = CliRunner().invoke(main, ["timeline", "--store", str(path), "--format", "html",
                                       "--out", str(tmp_path / "t.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert "Lione" in page and "⚠ place" in page


def test_render_html_marks_contradiction_evidence_and_is_self_contained(sb):
    docs = two_docs(sb)
    page = render_html(build_stories(docs, embedder=None), docs)
    assert page.count('<mark id="m-a-') == 1 and '<mark id="m-a-' in page
    assert re.search(r'<mark id="m-b-\d+" class="c">', page)
    assert "src=" not in page and "<link" not in page and "http" not in page
