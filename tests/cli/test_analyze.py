"""``cronaca analyze``: output formats, --out, stdin, --store, and one clear sentence per bad input.

Every run uses ``--model blank`` (no trained pipeline) so the tests stay fast; they check
the command's contract (shapes, exit codes, messages), not the quality of the extraction.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from click.testing import Result

Invoke = Callable[..., Result]
Write = Callable[[str, "str | bytes"], str]

# Invented events, written for these tests.
INCONTRO = ("Roma, 3 marzo 2026 – Il ministro degli Esteri Antonio Tajani ha incontrato ieri alla "
            "Farnesina il collega tedesco Johann Wadephul. «È stato un colloquio franco», ha detto Tajani.\n")
SINDACO = ("Milano, 10 aprile 2026 – Il sindaco Giulio Ferri ha annunciato ieri che la giunta vedrà "
           "venerdì i sindacati dei trasporti. «Vogliamo chiudere la vertenza entro maggio», ha detto Ferri.\n")

BLANK = ("--model", "blank")
DOCUMENT_KEYS = {"doc_id", "language", "dateline", "entities", "times", "places", "quotes", "events", "warnings"}
CSV_HEADER = ("doc_id,event_id,type,mode,cameo,actors,recipients,status,time,place,country,attribution,"
              "hearsay,evidence_start,evidence_end,evidence")

# name, content (None: the file is not created), the reason cronaca gives after "<path>: "
BAD_INPUTS = [
    pytest.param("manca.txt", None, "does not exist.", id="missing"),
    pytest.param("vuoto.txt", "", "is empty: there is no text to analyse.", id="empty"),
    pytest.param("spazi.txt", "  \n\n \t\n", "is empty: there is no text to analyse.", id="blank-lines"),
    pytest.param("immagine.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                 "looks like a binary file, not text, HTML, JSONL or CSV.", id="binary"),
    pytest.param("latino.txt", "Il caffè è pronto.".encode("latin-1"),
                 "is not valid UTF-8 text (first undecodable byte at position 7); convert it to UTF-8 and try again.",
                 id="latin-1"),
    pytest.param("articolo.pdf", "%PDF-1.4 finto",
                 "has an unsupported extension '.pdf'; cronaca reads .txt, .html, .htm, .jsonl, .json, .csv.",
                 id="unsupported-extension"),
    pytest.param("senza-estensione", "Testo senza estensione.",
                 "has an unsupported extension '(none)'; cronaca reads .txt, .html, .htm, .jsonl, .json, .csv.",
                 id="no-extension"),
    pytest.param("record.json", '{"titolo": "manca il testo"}', "has no non-empty 'text' field.",
                 id="json-without-text"),
]


def _bad(write: Write, tmp_path: Path, name: str, content: str | bytes | None) -> str:
    return write(name, content) if content is not None else str(tmp_path / name)


def _jsonl(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def _row_counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # type: ignore[index]
    finally:
        con.close()


# ------------------------------------------------------------------ output formats


def test_analyze_json_has_the_output_md_shape(cronaca: Invoke, write: Write) -> None:
    paths = [write("incontro.txt", INCONTRO), write("sindaco.txt", SINDACO)]
    result = cronaca(["analyze", *paths, "--format", "json", *BLANK])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert {"cronaca_version", "documents", "story"} <= out.keys()
    assert [d["doc_id"] for d in out["documents"]] == ["incontro", "sindaco"]
    for doc in out["documents"]:
        assert DOCUMENT_KEYS <= doc.keys()
        assert doc["language"] == "it"
        assert {"place", "date"} <= doc["dateline"].keys()
    assert out["documents"][0]["dateline"]["date"] == "2026-03-03"
    assert {"events", "contradictions"} <= out["story"].keys()


def test_analyze_json_is_the_default_format(cronaca: Invoke, write: Write) -> None:
    path = write("incontro.txt", INCONTRO)
    default = cronaca(["analyze", path, *BLANK])
    explicit = cronaca(["analyze", path, "--format", "json", *BLANK])
    assert default.exit_code == explicit.exit_code == 0
    assert default.stdout == explicit.stdout


def test_analyze_jsonl_prints_one_object_per_article(cronaca: Invoke, write: Write) -> None:
    paths = [write("incontro.txt", INCONTRO), write("sindaco.txt", SINDACO)]
    result = cronaca(["analyze", *paths, "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    docs = [json.loads(line) for line in lines]
    assert [d["doc_id"] for d in docs] == ["incontro", "sindaco"]
    assert all(DOCUMENT_KEYS <= d.keys() for d in docs)


def test_analyze_csv_has_the_claim_header_and_evidence(cronaca: Invoke, write: Write) -> None:
    paths = [write("incontro.txt", INCONTRO), write("sindaco.txt", SINDACO)]
    result = cronaca(["analyze", *paths, "--format", "csv", *BLANK])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == CSV_HEADER
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows, "the meeting in INCONTRO gives at least one claim"
    texts = {"incontro": INCONTRO.rstrip(), "sindaco": SINDACO.rstrip()}
    for row in rows:
        assert row["evidence"] == texts[row["doc_id"]][int(row["evidence_start"]):int(row["evidence_end"])]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_analyze_out_writes_the_file_and_nothing_on_stdout(cronaca: Invoke, write: Write, tmp_path: Path,
                                                           fmt: str) -> None:
    path = write("incontro.txt", INCONTRO)
    target = tmp_path / f"risultato.{fmt}"
    printed = cronaca(["analyze", path, "--format", fmt, *BLANK])
    written = cronaca(["analyze", path, "--format", fmt, "--out", str(target), *BLANK])
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == printed.stdout


def test_analyze_out_in_a_missing_folder_is_one_sentence(cronaca: Invoke, write: Write, tmp_path: Path) -> None:
    path = write("incontro.txt", INCONTRO)
    target = tmp_path / "non-esiste" / "out.json"
    result = cronaca(["analyze", path, "--out", str(target), *BLANK])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write the output file '{target}': No such file or directory.\n"


# ------------------------------------------------------------------ inputs


@pytest.mark.parametrize(("stdin", "doc_id"), [
    pytest.param(INCONTRO, "stdin", id="text"),
    pytest.param(json.dumps({"id": "dal-flusso", "text": SINDACO}) + "\n", "dal-flusso", id="jsonl"),
    pytest.param("<html><body><article><p>" + SINDACO + "</p></article></body></html>", "stdin", id="html"),
])
def test_analyze_dash_reads_standard_input(cronaca: Invoke, stdin: str, doc_id: str) -> None:
    result = cronaca(["analyze", "-", "--format", "jsonl", *BLANK], input=stdin.encode("utf-8"))
    assert result.exit_code == 0, result.output
    [doc] = _jsonl(result.stdout)
    assert doc["doc_id"] == doc_id
    assert doc["language"] == "it"


def test_analyze_empty_standard_input_is_one_sentence(cronaca: Invoke) -> None:
    result = cronaca(["analyze", "-", *BLANK], input=b"")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("cronaca: <stdin>: is empty: there is no text to analyse.\n"
                             "Error: nothing could be analysed (1 input(s) failed).\n")


def test_analyze_folder_reads_supported_files_in_order(cronaca: Invoke, write: Write, tmp_path: Path) -> None:
    (tmp_path / "rassegna").mkdir()
    write("rassegna/b-sindaco.txt", SINDACO)
    write("rassegna/a-incontro.txt", INCONTRO)
    write("rassegna/note.pdf", "%PDF non letto")
    write("rassegna/.nascosto.txt", SINDACO)
    result = cronaca(["analyze", str(tmp_path / "rassegna"), "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    assert [d["doc_id"] for d in _jsonl(result.stdout)] == ["a-incontro", "b-sindaco"]
    assert result.stderr == ""


def test_analyze_same_file_name_twice_gets_distinct_doc_ids(cronaca: Invoke, write: Write, tmp_path: Path) -> None:
    (tmp_path / "uno").mkdir()
    (tmp_path / "due").mkdir()
    paths = [write("uno/nota.txt", INCONTRO), write("due/nota.txt", SINDACO)]
    result = cronaca(["analyze", *paths, "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    assert [d["doc_id"] for d in _jsonl(result.stdout)] == ["nota", "nota~2"]


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(("name", "content", "reason"), BAD_INPUTS)
def test_analyze_bad_input_alone_is_one_sentence_and_exit_1(cronaca: Invoke, write: Write, tmp_path: Path,
                                                            name: str, content: str | bytes | None,
                                                            reason: str) -> None:
    bad = _bad(write, tmp_path, name, content)
    result = cronaca(["analyze", bad, *BLANK])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"cronaca: {bad}: {reason}\n"
                             "Error: nothing could be analysed (1 input(s) failed).\n")


@pytest.mark.parametrize(("name", "content", "reason"), BAD_INPUTS)
def test_analyze_bad_input_does_not_sink_the_batch(cronaca: Invoke, write: Write, tmp_path: Path,
                                                   name: str, content: str | bytes | None, reason: str) -> None:
    """The README: the rest of the batch goes on; non-zero only when nothing could be analysed."""
    bad = _bad(write, tmp_path, name, content)
    good = write("incontro.txt", INCONTRO)
    result = cronaca(["analyze", bad, good, "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    assert [d["doc_id"] for d in _jsonl(result.stdout)] == ["incontro"]
    assert result.stderr == f"cronaca: {bad}: {reason}\n"


def _skipped_folder(tmp_path: Path) -> tuple[str, str]:
    folder = tmp_path / "appunti"
    folder.mkdir()
    (folder / "note.md").write_text("appunti", encoding="utf-8")
    return str(folder), ("is a folder with no article file cronaca reads (.txt, .html, .htm, .jsonl, .json, "
                         ".csv); its 1 other file(s) were skipped.")


def _symlink_loop(tmp_path: Path) -> tuple[str, str]:
    loop = tmp_path / "giro.txt"
    loop.symlink_to(loop)
    return str(loop), "is a symbolic link that loops back on itself, so it leads to no file; point it at a file or folder."


def _folder_link_loop(tmp_path: Path) -> tuple[str, str]:
    folder = tmp_path / "archivio"
    folder.mkdir()
    (folder / "anche").symlink_to(folder)
    return str(folder / "anche"), (f"leads back to the folder '{folder.resolve()}', which is already being read "
                                   "(a symbolic link loop); it is skipped.")


@pytest.mark.parametrize("make", [_skipped_folder, _symlink_loop, _folder_link_loop],
                         ids=["folder-without-articles", "symlink-loop", "folder-link-loop"])
def test_analyze_skipped_input_is_named_once_with_its_reason(cronaca: Invoke, write: Write, tmp_path: Path,
                                                             make: Callable[[Path], tuple[str, str]]) -> None:
    skipped, reason = make(tmp_path)
    good = write("incontro.txt", INCONTRO)
    given = str(tmp_path / "archivio") if "archivio" in skipped else skipped
    result = cronaca(["analyze", given, good, "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    assert [d["doc_id"] for d in _jsonl(result.stdout)] == ["incontro"]
    assert result.stderr == f"cronaca: {skipped}: {reason}\n"


def test_analyze_bad_jsonl_line_names_the_line_and_keeps_the_others(cronaca: Invoke, write: Write) -> None:
    lines = [json.dumps({"id": "primo", "text": INCONTRO}), "{non è json", json.dumps({"id": "terzo", "text": SINDACO})]
    path = write("flusso.jsonl", "\n".join(lines) + "\n")
    result = cronaca(["analyze", path, "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    assert [d["doc_id"] for d in _jsonl(result.stdout)] == ["primo", "terzo"]
    assert result.stderr.startswith(f"cronaca: {path}:2: is not a valid JSON object (")
    assert result.stderr.endswith(").\n")
    assert result.stderr.count("\n") == 1


def test_analyze_all_bad_batch_lists_each_and_exits_1(cronaca: Invoke, write: Write, tmp_path: Path) -> None:
    empty = write("vuoto.txt", "")
    binary = write("binario.txt", b"\x00\x01\x02")
    missing = str(tmp_path / "manca.txt")
    result = cronaca(["analyze", empty, binary, missing, "--format", "jsonl", *BLANK])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"cronaca: {empty}: is empty: there is no text to analyse.\n"
                             f"cronaca: {binary}: looks like a binary file, not text, HTML, JSONL or CSV.\n"
                             f"cronaca: {missing}: does not exist.\n"
                             "Error: nothing could be analysed (3 input(s) failed).\n")


def test_analyze_unsupported_language_is_reported_and_kept(cronaca: Invoke, write: Write) -> None:
    english = write("inglese.txt", "London, 10 April 2026 - The mayor said yesterday that the council will "
                                   "meet the transport unions on Friday to discuss the strike.\n")
    good = write("incontro.txt", INCONTRO)
    result = cronaca(["analyze", english, good, "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    docs = _jsonl(result.stdout)
    assert [(d["doc_id"], d["language"]) for d in docs] == [("inglese", "en"), ("incontro", "it")]
    assert docs[0]["stages"] == ["ingest"]
    assert result.stderr == f"cronaca: {english}: language 'en' is not supported yet: only ingest ran\n"


@pytest.mark.parametrize(("args", "last_line"), [
    pytest.param([], "Error: Missing argument 'PATHS...'.", id="no-paths"),
    pytest.param(["x.txt", "--format", "xml"],
                 "Error: Invalid value for '--format': 'xml' is not one of 'json', 'jsonl', 'csv'.", id="format"),
    pytest.param(["x.txt", "--lang", "fr"],
                 "Error: Invalid value for '--lang': 'fr' is not one of 'en', 'it'.", id="lang"),
])
def test_analyze_usage_errors_exit_2(cronaca: Invoke, args: list[str], last_line: str) -> None:
    result = cronaca(["analyze", *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == last_line


def test_analyze_unknown_model_is_one_sentence(cronaca: Invoke, write: Write) -> None:
    result = cronaca(["analyze", write("incontro.txt", INCONTRO), "--model", "modello-che-non-esiste"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: cannot load the spaCy pipeline 'modello-che-non-esiste': ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


# ------------------------------------------------------------------ --quiet and stderr


@pytest.mark.parametrize("flags", [["--quiet"], ["-q"], []], ids=["quiet", "q", "not-a-terminal"])
def test_analyze_good_batch_prints_nothing_on_stderr(cronaca: Invoke, write: Write, flags: list[str]) -> None:
    paths = [write("incontro.txt", INCONTRO), write("sindaco.txt", SINDACO)]
    result = cronaca(["analyze", *paths, "--format", "jsonl", *flags, *BLANK])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 2


def test_analyze_quiet_still_names_bad_inputs(cronaca: Invoke, write: Write) -> None:
    bad = write("vuoto.txt", "")
    result = cronaca(["analyze", bad, write("incontro.txt", INCONTRO), "--quiet", *BLANK])
    assert result.exit_code == 0
    assert result.stderr == f"cronaca: {bad}: is empty: there is no text to analyse.\n"


# ------------------------------------------------------------------ --store


def test_analyze_store_rerun_is_idempotent(cronaca: Invoke, write: Write, tmp_path: Path) -> None:
    paths = [write("incontro.txt", INCONTRO), write("sindaco.txt", SINDACO)]
    store = tmp_path / "storia.duckdb"
    first = cronaca(["analyze", *paths, "--store", str(store), "--quiet", "--format", "jsonl", *BLANK])
    assert first.exit_code == 0, first.output
    counts = _row_counts(store)
    assert counts["articles"] == 2
    second = cronaca(["analyze", *paths, "--store", str(store), "--quiet", "--format", "jsonl", *BLANK])
    assert second.exit_code == 0, second.output
    assert second.stdout == first.stdout
    assert _row_counts(store) == counts


def test_analyze_store_keeps_what_is_stored_when_a_later_batch_fails(cronaca: Invoke, write: Write,
                                                                      tmp_path: Path) -> None:
    store = tmp_path / "storia.duckdb"
    assert cronaca(["analyze", write("incontro.txt", INCONTRO), "--store", str(store), *BLANK]).exit_code == 0
    counts = _row_counts(store)
    failed = cronaca(["analyze", write("vuoto.txt", ""), "--store", str(store), *BLANK])
    assert failed.exit_code == 1
    assert _row_counts(store) == counts
    mixed = cronaca(["analyze", write("vuoto2.txt", ""), write("sindaco.txt", SINDACO), "--store", str(store),
                     "--format", "jsonl", *BLANK])
    assert mixed.exit_code == 0, mixed.output
    assert _row_counts(store)["articles"] == 2


def test_analyze_store_that_is_not_duckdb_is_one_sentence(cronaca: Invoke, write: Write) -> None:
    not_a_store = write("appunti.duckdb", "questo non è un database\n")
    result = cronaca(["analyze", write("incontro.txt", INCONTRO), "--store", not_a_store, *BLANK])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: cannot open the store '{not_a_store}': ")
    assert "Traceback" not in result.output


def test_analyze_max_bytes_rejects_a_big_article(cronaca: Invoke, write: Write) -> None:
    big = write("lungo.txt", INCONTRO)
    size = len(INCONTRO.encode("utf-8"))
    good = write("breve.txt", "Roma, 3 marzo 2026 – Breve nota.\n")
    result = cronaca(["analyze", big, good, "--max-bytes", "100", "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    assert [d["doc_id"] for d in _jsonl(result.stdout)] == ["breve"]
    assert result.stderr == (f"cronaca: {big}: is {size:,} bytes, over the limit of 100 bytes per article "
                             "(raise it with --max-bytes).\n")


def test_analyze_failing_stage_is_reported_and_the_batch_goes_on(cronaca: Invoke, write: Write,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage that raises on one article: that article keeps the other stages, the next one is whole."""
    import dataclasses

    from cronaca import pipeline

    run_stages = pipeline.run_stages
    [original] = [s for s in pipeline.STAGES if s.name == "warnings"]

    def broken(pdoc: object, **needs: object) -> object:
        if "Ferri" in pdoc.text:  # type: ignore[attr-defined]
            raise ValueError("guasto di prova")
        return original.run(pdoc, **needs)

    stages = tuple(dataclasses.replace(s, run=broken) if s is original else s for s in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "run_stages", lambda pdoc, _stages=None: run_stages(pdoc, stages))
    sindaco, incontro = write("sindaco.txt", SINDACO), write("incontro.txt", INCONTRO)
    result = cronaca(["analyze", sindaco, incontro, "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    docs = _jsonl(result.stdout)
    assert [(d["doc_id"], "warnings" in d["stages"], "events" in d["stages"]) for d in docs] == [
        ("sindaco", False, True), ("incontro", True, True)]
    assert result.stderr == (f"cronaca: {sindaco}: stage 'warnings' failed on article 'sindaco': "
                             "ValueError: guasto di prova\n")


def test_analyze_store_leaves_out_an_article_the_nlp_fails_on(cronaca: Invoke, write: Write, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The nlp stage failing on one article: that article is named once with the reason and not
    stored; the others are analysed and stored; a batch of only such articles stores nothing."""
    from cronaca import pipeline

    parse = pipeline.parse

    def fragile(nlp: object, article: object) -> object:
        if "Ferri" in article.text:  # type: ignore[attr-defined]
            raise ValueError("guasto di prova")
        return parse(nlp, article)  # type: ignore[arg-type]

    def batch_fails(*args: object, **kwargs: object) -> object:
        raise ValueError("guasto del lotto")

    monkeypatch.setattr(pipeline, "parse", fragile)
    monkeypatch.setattr(pipeline, "parse_many", batch_fails)  # then each article is parsed alone
    sindaco, incontro = write("sindaco.txt", SINDACO), write("incontro.txt", INCONTRO)
    store = tmp_path / "storia.duckdb"
    result = cronaca(["analyze", sindaco, incontro, "--store", str(store), "--format", "jsonl", *BLANK])
    assert result.exit_code == 0, result.output
    assert [d["doc_id"] for d in _jsonl(result.stdout)] == ["incontro"]
    assert result.stderr == (f"cronaca: {sindaco}: stage 'nlp' failed on article 'sindaco': "
                             "ValueError: guasto di prova\n")
    con = duckdb.connect(str(store), read_only=True)
    try:
        assert [r[0] for r in con.execute("SELECT doc_id FROM articles").fetchall()] == ["incontro"]
    finally:
        con.close()
    alone = cronaca(["analyze", sindaco, "--store", str(store), "--format", "jsonl", *BLANK])
    assert alone.exit_code == 1
    assert alone.stderr == (f"cronaca: {sindaco}: stage 'nlp' failed on article 'sindaco': "
                            "ValueError: guasto di prova\n"
                            "Error: nothing could be analysed (1 input(s) failed).\n")
    assert _row_counts(store)["articles"] == 1


def test_analyze_store_in_a_missing_folder_is_one_sentence(cronaca: Invoke, write: Write, tmp_path: Path) -> None:
    store = tmp_path / "non-esiste" / "storia.duckdb"
    result = cronaca(["analyze", write("incontro.txt", INCONTRO), "--store", str(store), *BLANK])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: cannot open the store '{store}': ")
    assert result.stderr.count("\n") == 1


def test_analyze_help_states_the_exit_code(cronaca: Invoke) -> None:
    result = cronaca(["analyze", "--help"])
    assert result.exit_code == 0
    assert "the exit code is 1 only when nothing could be analysed" in " ".join(result.stdout.split())


# ------------------------------------------------------------------ the batch's area


def _place_names(result: Result) -> list[str]:
    return [p["name"] for d in json.loads(result.stdout)["documents"] for p in d["places"]]


def test_analyze_area_reads_a_shared_town_name_as_the_nearest_town(cronaca: Invoke, write: Write) -> None:
    path = write("castelfranco.txt", "I carabinieri di Castelfranco hanno arrestato un uomo.\n")
    near_modena = cronaca(["analyze", path, "--area", "Modena", *BLANK])
    near_treviso = cronaca(["analyze", path, "--area", "Treviso", *BLANK])
    assert near_modena.exit_code == near_treviso.exit_code == 0
    assert _place_names(near_modena) == ["Castelfranco Emilia"]
    assert _place_names(near_treviso) == ["Castelfranco Veneto"]


def test_analyze_area_comes_from_the_batch_datelines(cronaca: Invoke, write: Write) -> None:
    paths = [write(f"m{i}.txt", f"MODENA. Furto numero {i} nella notte in centro.\n") for i in range(3)]
    paths.append(write("castelfranco.txt", "I carabinieri di Castelfranco hanno arrestato un uomo.\n"))
    result = cronaca(["analyze", *paths, *BLANK])
    assert result.exit_code == 0, result.output
    assert "Castelfranco Emilia" in _place_names(result)


def test_analyze_area_must_be_a_known_place(cronaca: Invoke, write: Write) -> None:
    result = cronaca(["analyze", write("a.txt", "MODENA. Furto in centro.\n"), "--area", "Xyzzyville", *BLANK])
    assert result.exit_code == 2
    assert "no place is called 'Xyzzyville'" in result.output
