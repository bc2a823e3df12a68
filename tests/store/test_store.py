import dataclasses

import duckdb
import pytest

from cronaca import records
from cronaca.errors import StoreError
from cronaca.records import DocAnalysis, StoryAnalysis
from cronaca.store import Store
from cronaca.store.rows import COLUMNS


def test_store_round_trip_rebuilds_equal_analyses(tmp_path, analysis, other_analysis):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add(analysis) is True
        assert store.add(other_analysis) is True
        assert store.load_analyses() == [analysis, other_analysis]
        assert store.articles() == [analysis.article, other_analysis.article]


def test_store_round_trip_survives_reopening(tmp_path, analysis):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(analysis)
    with Store(path) as store:
        assert store.load_analyses() == [analysis]


def test_store_round_trip_of_minimal_analysis(analysis):
    bare = DocAnalysis(article=dataclasses.replace(analysis.article, dateline=None, title=None, url=None))
    with Store(":memory:") as store:
        store.add(bare)
        assert store.load_analyses() == [bare]


def test_store_same_content_is_a_no_op(tmp_path, analysis):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.add(analysis) is True
    with Store(path) as store:
        renamed = dataclasses.replace(analysis, article=dataclasses.replace(analysis.article, doc_id="altro"))
        assert store.add(analysis) is False
        assert store.add(renamed) is False
        assert len(store) == 1
        assert store.load_analyses() == [analysis]


def test_store_doc_id_collision_gets_a_suffix(analysis, other_analysis):
    clash = dataclasses.replace(other_analysis, article=dataclasses.replace(other_analysis.article,
                                                                           doc_id=analysis.doc_id))
    third = dataclasses.replace(clash, article=dataclasses.replace(clash.article, content_hash="h3"))
    with Store(":memory:") as store:
        store.add(analysis)
        assert store.add(clash) is True
        assert store.add(third) is True
        assert [a.doc_id for a in store.load_analyses()] == ["vienna-verdi", "vienna-verdi~2", "vienna-verdi~3"]
        assert store.doc_id_for(clash.article.content_hash) == "vienna-verdi~2"
        loaded = store.load_analyses()[1]
        assert dataclasses.replace(loaded.article, doc_id=analysis.doc_id) == clash.article


def test_store_failed_write_keeps_what_is_stored(analysis, other_analysis):
    e1 = analysis.entities[0]
    broken = dataclasses.replace(other_analysis, entities=(e1, e1))  # duplicate entity id: key violation
    with Store(":memory:") as store:
        store.add(analysis)
        with pytest.raises(StoreError, match="cannot write article 'milano' to the store"):
            store.add(broken)
        assert store.load_analyses() == [analysis]
        assert store.add(other_analysis) is True
        assert len(store) == 2


def test_store_stories_are_replaced(stories):
    with Store(":memory:") as store:
        assert store.load_stories() == StoryAnalysis()
        store.add_stories(stories)
        store.add_stories(stories)
        assert store.load_stories() == stories
        smaller = StoryAnalysis(stories=stories.stories[1:])
        store.add_stories(smaller)
        assert store.load_stories() == smaller


def test_store_read_only_needs_an_existing_store(tmp_path):
    missing = tmp_path / "manca.duckdb"
    with pytest.raises(StoreError) as err:
        Store(missing, read_only=True)
    assert str(err.value) == (f"the store '{missing}' does not exist; create it with "
                              "'cronaca analyze ... --store FILE'.")


def test_store_refuses_a_file_that_is_not_a_store(tmp_path):
    f = tmp_path / "testo.duckdb"
    f.write_text("non sono un database", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(f)


def test_store_schema_has_a_column_for_every_record_field():
    """A new record field needs a migration and a column (or a JSON shape) here."""
    mapped = {
        records.Article: {"doc_id", "text", "content_hash", "source", "title", "date", "url", "outlet",
                          "language", "dateline", "date_source", "area"},
        records.Entity: set(COLUMNS["entities"]) - {"doc_id", "ord", "roles_json", "entity_id"} | {
            "id", "mentions", "roles"},
        records.Time: set(COLUMNS["times"]) - {"doc_id", "ord"},
        records.Place: set(COLUMNS["places"]) - {"doc_id", "ord", "mentions_json"} | {"mentions"},
        records.Quote: set(COLUMNS["quotes"]) - {"doc_id", "ord"},
        records.Event: {"id", "type", "trigger", "mode", "actors", "recipients", "claims", "cameo"},
        records.Claim: {"status", "evidence", "time", "place", "attribution", "hearsay", "cue"},
        records.Warning: set(COLUMNS["warnings"]) - {"doc_id", "ord"},
        records.DocAnalysis: {"article", "entities", "times", "places", "quotes", "events", "warnings",
                              "stages", "errors"},
        records.Story: {"id", "documents", "events", "contradictions", "entity_names", "first_date", "last_date"},
        records.StoryEvent: {"id", "type", "participants", "mentions", "status_history", "mode", "names"},
        records.Contradiction: {"event", "slot", "values", "sides", "about", "person"},
    }
    for cls, fields in mapped.items():
        assert {f.name for f in dataclasses.fields(cls)} == fields, cls.__name__


def test_store_tables_match_the_row_layout(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    for table, columns in COLUMNS.items():
        names = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        assert set(columns) <= set(names), table
    con.close()
