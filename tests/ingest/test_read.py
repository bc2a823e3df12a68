import hashlib
import io
import json
import sys

import pytest

from cronaca.errors import InputError
from cronaca.ingest import article_from_html, article_from_text, read_article, read_articles
from cronaca.records import Article

TESTO = ("Roma, 21 ottobre 2025 – Il ministro degli Esteri ha annunciato che la visita a Vienna è "
         "rinviata. «Non ci sono le condizioni», ha spiegato ai giornalisti.\n\n"
         "La decisione arriva dopo due giorni di colloqui.")
ENGLISH = ("The foreign minister announced on Tuesday that the visit to Vienna had been postponed, "
           "saying that the conditions were not there yet.")

PAGE = """<!DOCTYPE html><html lang="it"><head>
<meta charset="utf-8"><title>Visita rinviata | Gazzetta di Prova</title>
<meta property="og:title" content="Visita rinviata">
<meta property="og:site_name" content="Gazzetta di Prova">
<meta property="og:url" content="https://gazzetta.example/esteri/visita-rinviata">
<meta property="article:published_time" content="2025-10-21T09:30:00+02:00">
</head><body><nav><a href="/">Home</a> | <a href="/esteri">Esteri</a></nav>
<article><h1>Visita rinviata</h1>
<p>Roma, 21 ottobre 2025 – Il ministro degli Esteri ha annunciato che la visita a Vienna è rinviata
a data da destinarsi, dopo due giorni di colloqui tra le delegazioni.</p>
<p>«Non ci sono le condizioni», ha spiegato il ministro ai giornalisti, aggiungendo che una nuova
data sarà fissata nelle prossime settimane.</p></article>
<footer>Tutti i diritti riservati</footer></body></html>"""


def _all(paths, **kw):
    return list(read_articles([str(p) for p in paths], **kw))


def _one(path, **kw) -> Article:
    items = _all([path], **kw)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_ingest_reads_txt_with_dateline(tmp_path):
    f = tmp_path / "visita-rinviata.txt"
    f.write_text(TESTO + "\n\n\n", encoding="utf-8")
    a = _one(f)
    assert a.doc_id == "visita-rinviata"
    assert a.text == TESTO
    assert a.content_hash == hashlib.sha256(TESTO.encode()).hexdigest()
    assert a.source == str(f)
    assert a.title is None
    assert a.language == "it"
    assert (a.dateline.place, a.dateline.date) == ("Roma", "2025-10-21")
    assert a.date == "2025-10-21"


def test_ingest_txt_text_matches_reading_the_file(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(("\ufeff" + TESTO).replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n")
    assert _one(f).text == TESTO


def test_ingest_reads_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "pagina.html"
    f.write_text(PAGE, encoding="utf-8")
    a = _one(f)
    assert a.doc_id == "pagina"
    assert a.title == "Visita rinviata"
    assert a.outlet == "Gazzetta di Prova"
    assert a.url == "https://gazzetta.example/esteri/visita-rinviata"
    assert a.date == "2025-10-21"
    assert a.text.startswith("Roma, 21 ottobre 2025 –")
    assert "Home" not in a.text and "diritti riservati" not in a.text
    assert a.dateline.place == "Roma"


def test_ingest_html_metadata_passed_in_wins():
    a = article_from_html(PAGE, doc_id="x", title="Altro titolo", date="2025-10-22")
    assert (a.doc_id, a.title, a.date) == ("x", "Altro titolo", "2025-10-22")


def test_ingest_reads_html_in_declared_charset(tmp_path):
    f = tmp_path / "vecchia.htm"
    f.write_bytes(PAGE.replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252"))
    assert "è rinviata" in _one(f).text


def test_ingest_reads_jsonl_records(tmp_path):
    f = tmp_path / "lotto.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a1", "text": TESTO, "title": "Visita rinviata", "date": "2025-10-21T10:00:00Z",
                    "url": "https://esempio.it/a1", "source": "Gazzetta di Prova"}, ensure_ascii=False),
        "",
        json.dumps({"text": ENGLISH, "language": "EN"}),
    ]) + "\n", encoding="utf-8")
    a, b = _all([f])
    assert (a.doc_id, a.title, a.date, a.url, a.outlet) == (
        "a1", "Visita rinviata", "2025-10-21", "https://esempio.it/a1", "Gazzetta di Prova")
    assert a.source == f"{f}:1"
    assert (b.doc_id, b.language, b.source) == ("lotto-3", "en", f"{f}:3")


def test_ingest_reads_json_array_and_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"text": TESTO}, {"id": 7, "text": ENGLISH}]), encoding="utf-8")
    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"text": TESTO, "date": "21/10/2025"}), encoding="utf-8")
    a, b, c = _all([arr, obj])
    assert (a.doc_id, a.source) == ("arr-1", f"{arr}[1]")
    assert (b.doc_id, b.language) == ("7", "en")
    assert (c.doc_id, c.date) == ("obj", "2025-10-21")


def test_ingest_reads_csv_with_multiline_text(tmp_path):
    f = tmp_path / "tabella.csv"
    f.write_text('id,title,date,text\nc1,Visita,2025-10-21,"' + TESTO + '"\n,,,\nc2,,,"' + ENGLISH + '"\n',
                 encoding="utf-8")
    a, b = _all([f])
    assert (a.doc_id, a.title, a.text, a.source) == ("c1", "Visita", TESTO, f"{f}:2")
    assert (b.doc_id, b.language, b.source) == ("c2", "en", f"{f}:6")


def test_ingest_walks_folders_sorted_and_skips_other_files(tmp_path):
    (tmp_path / "b.txt").write_text(TESTO, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Milano – " + TESTO[24:], encoding="utf-8")
    (tmp_path / "note.md").write_text("appunti", encoding="utf-8")
    (tmp_path / ".nascosto.txt").write_text(TESTO, encoding="utf-8")
    assert [a.doc_id for a in _all([tmp_path])] == ["b", "a"]


def test_ingest_makes_doc_ids_unique_in_a_batch(tmp_path):
    for d in ("uno", "due"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "nota.txt").write_text(f"{TESTO} ({d})", encoding="utf-8")
    assert [a.doc_id for a in _all([tmp_path / "due", tmp_path / "uno", tmp_path / "uno"])] == [
        "nota", "nota~2", "nota~3"]


def test_ingest_reads_stdin_by_sniffing(monkeypatch):
    for payload, doc_id in [(TESTO, "stdin"), (json.dumps({"id": "s", "text": TESTO}), "s"), (PAGE, "stdin")]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload.encode("utf-8"))))
        (a,) = list(read_articles(["-"]))
        assert isinstance(a, Article) and a.doc_id == doc_id and a.text.startswith("Roma, 21 ottobre")
        assert a.source in ("<stdin>", "<stdin>:1")


def test_ingest_marks_non_italian_articles(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text(ENGLISH, encoding="utf-8")
    assert _one(f).language == "en"


def test_ingest_article_from_text_defaults():
    a = article_from_text(TESTO + "\n\n")
    assert a.text == TESTO
    assert a.doc_id == a.content_hash[:12]
    assert a.language == "it" and a.date == "2025-10-21"


def test_ingest_metadata_date_gives_year_to_dateline():
    a = article_from_text("(ANSA) - ROMA, 21 OTT - " + TESTO[24:], date="2025-10-21T08:00:00")
    assert (a.date, a.dateline.place, a.dateline.date) == ("2025-10-21", "Roma", "2025-10-21")


def test_ingest_read_article_raises_input_error(tmp_path):
    f = tmp_path / "vuoto.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError, match="is empty"):
        read_article(f)


# ------------------------------------------------------------------ bad input

BAD_FILES = [
    ("latin1.txt", "Città di Roma - il sindaco".encode("latin-1"),
     "is not valid UTF-8 text (first undecodable byte at position 4); convert it to UTF-8 and try again."),
    ("vuoto.txt", b"", "is empty: there is no text to analyse."),
    ("spazi.txt", b" \n\n\t\n", "is empty: there is no text to analyse."),
    ("immagine.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text, HTML, JSONL or CSV."),
    ("pagina.html", b"<html><head><title>Pagina</title></head><body></body></html>",
     "is an HTML page with no article text cronaca could find."),
    ("vuoto.json", b"[]", "is empty: there is no text to analyse."),
    ("rotto.json", b'{"text": ', "is not valid JSON (Expecting value at line 1, column 10)."),
    ("lista.json", b'"solo testo"', "is a JSON string, not an object with a 'text' field."),
    ("senza.csv", b"id,titolo\n1,prova\n", "has no 'text' column (columns: id, titolo)."),
    ("vuoto.jsonl", b"\n\n", "is empty: there is no text to analyse."),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_ingest_bad_file_yields_one_clear_error(tmp_path, name, content, message):
    f = tmp_path / name
    f.write_bytes(content)
    (err,) = _all([f])
    assert isinstance(err, InputError)
    assert str(err) == f"{f}: {message}"


def test_ingest_too_big_article(tmp_path):
    f = tmp_path / "enorme.txt"
    f.write_bytes(b"Roma - " + b"parola " * 3_000_000)  # 21 MB
    (err,) = _all([f])
    assert str(err) == (f"{f}: is 21,000,007 bytes, over the limit of 20,000,000 bytes per article "
                        "(raise it with --max-bytes).")


def test_ingest_too_big_record_in_jsonl(tmp_path):
    f = tmp_path / "lotto.jsonl"
    f.write_text(json.dumps({"text": "x" * 300}) + "\n" + json.dumps({"text": TESTO}) + "\n", encoding="utf-8")
    err, ok = _all([f], max_bytes=250)
    assert str(err) == f"{f}:1: is 300 bytes, over the limit of 250 bytes per article (raise it with --max-bytes)."
    assert isinstance(ok, Article)


def test_ingest_bad_jsonl_lines_name_the_line_and_go_on(tmp_path):
    f = tmp_path / "misto.jsonl"
    f.write_bytes(b"\n".join([
        json.dumps({"text": TESTO}).encode(),
        b'{"text": "manca la chiusura"',
        json.dumps({"title": "senza testo"}).encode(),
        json.dumps({"text": "   "}).encode(),
        b'["non", "un oggetto"]',
        '{"text": "Citt\xe0"}'.encode("latin-1"),
        json.dumps({"text": ENGLISH}).encode(),
    ]))
    items = _all([f])
    assert [str(x) for x in items if isinstance(x, InputError)] == [
        f"{f}:2: is not a valid JSON object (Expecting ',' delimiter at column 29).",
        f"{f}:3: has no non-empty 'text' field.",
        f"{f}:4: has no non-empty 'text' field.",
        f"{f}:5: is a JSON array, not an object with a 'text' field.",
        f"{f}:6: is not valid UTF-8 text (first undecodable byte at position 14); convert it to UTF-8 and try again.",
    ]
    assert [x.doc_id for x in items if isinstance(x, Article)] == ["misto-1", "misto-7"]


def test_ingest_csv_row_without_text(tmp_path):
    f = tmp_path / "righe.csv"
    f.write_text(f'id,text\nr1,\nr2,"{TESTO}"\n', encoding="utf-8")
    err, ok = _all([f])
    assert str(err) == f"{f}:2: has no non-empty 'text' field."
    assert ok.doc_id == "r2"


def test_ingest_missing_path_and_unknown_extension_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "buono.txt"
    good.write_text(TESTO, encoding="utf-8")
    other = tmp_path / "foto.png"
    other.write_bytes(b"\x89PNG")
    missing = tmp_path / "manca.txt"
    a, b, c = _all([missing, other, good])
    assert str(a) == f"{missing}: does not exist."
    assert str(b) == (f"{other}: has an unsupported extension '.png'; cronaca reads "
                      ".txt, .html, .htm, .jsonl, .json, .csv.")
    assert isinstance(c, Article)


def test_ingest_folder_without_articles_is_named_once(tmp_path):
    folder = tmp_path / "vuota"
    folder.mkdir()
    (folder / "note.md").write_text("appunti", encoding="utf-8")
    (folder / "foto.png").write_bytes(b"\x89PNG")
    (folder / "sub").mkdir()
    (err,) = _all([folder])
    assert str(err) == (f"{folder}: is a folder with no article file cronaca reads "
                        "(.txt, .html, .htm, .jsonl, .json, .csv); its 2 other file(s) were skipped.")


def test_ingest_empty_folder_is_named_once(tmp_path):
    (err,) = _all([tmp_path])
    assert str(err) == f"{tmp_path}: is a folder with no article file cronaca reads (.txt, .html, .htm, .jsonl, .json, .csv)."


def test_ingest_folder_that_cannot_be_listed_is_named_once_and_the_batch_goes_on(tmp_path, monkeypatch):
    import os

    (tmp_path / "a.txt").write_text(TESTO, encoding="utf-8")
    locked = tmp_path / "riservata"
    locked.mkdir()
    (locked / "b.txt").write_text(TESTO, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # chmod 000 does not stop root, who runs CI containers: deny as the OS would
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    a, err = _all([tmp_path])
    assert isinstance(a, Article) and a.doc_id == "a"
    assert str(err) == (f"{locked}: is a folder that cannot be listed (Permission denied); its articles were "
                        "skipped. Give the user running cronaca read and execute permission on it.")
    (err,) = _all([locked])
    assert str(err).startswith(f"{locked}: is a folder that cannot be listed (Permission denied)")


def test_ingest_symlink_loop_is_named_as_a_loop(tmp_path):
    loop = tmp_path / "giro.txt"
    loop.symlink_to(loop)
    (err,) = _all([loop])
    assert str(err) == (f"{loop}: is a symbolic link that loops back on itself, so it leads to no file; "
                        "point it at a file or folder.")
    folder = tmp_path / "cartella"
    folder.mkdir()
    (folder / "a.txt").write_text(TESTO, encoding="utf-8")
    (folder / "su").symlink_to(folder)  # a link to the folder inside it
    (folder / "b.txt").symlink_to(folder / "b.txt")
    a, b, su = _all([folder])
    assert isinstance(a, Article)
    assert str(b) == (f"{folder / 'b.txt'}: is a symbolic link that loops back on itself, so it leads to no file; "
                      "point it at a file or folder.")
    assert str(su) == (f"{folder / 'su'}: leads back to the folder '{folder.resolve()}', which is already being "
                       "read (a symbolic link loop); it is skipped.")


def test_ingest_dangling_link_names_its_target(tmp_path):
    link = tmp_path / "vecchio.txt"
    link.symlink_to(tmp_path / "sparito.txt")
    (err,) = _all([link])
    assert str(err) == f"{link}: is a symbolic link to '{tmp_path / 'sparito.txt'}', which does not exist."


def test_ingest_followed_folder_link_is_read(tmp_path):
    real = tmp_path / "vero"
    real.mkdir()
    (real / "a.txt").write_text(TESTO, encoding="utf-8")
    top = tmp_path / "top"
    top.mkdir()
    (top / "collegata").symlink_to(real)
    (a,) = _all([top])
    assert isinstance(a, Article) and a.doc_id == "a"
