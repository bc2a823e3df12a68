import shutil

import duckdb
import pytest

from cronaca.errors import StoreError
from cronaca.store import Store
from cronaca.store.migrations import MIGRATIONS_DIR, migration_files

LATEST = len(migration_files())


def _versions(path):
    con = duckdb.connect(str(path))
    try:
        return [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
    finally:
        con.close()


def _dir_with(tmp_path, name, extra=None):
    """A copy of the real migrations, plus one more file {name: sql} if given."""
    d = tmp_path / name
    shutil.copytree(MIGRATIONS_DIR, d)
    for file, sql in (extra or {}).items():
        (d / file).write_text(sql, encoding="utf-8")
    return d


def test_migrations_are_numbered_without_gaps():
    files = migration_files()
    assert [n for n, _ in files] == list(range(1, LATEST + 1))
    assert files[0][1].name == "001_init.sql"


def test_migrations_apply_once_on_an_existing_store(tmp_path, analysis):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(analysis)
    with Store(path) as store:
        assert store.version == LATEST
        assert store.load_analyses() == [analysis]
    assert _versions(path) == list(range(1, LATEST + 1))


def test_migrations_upgrade_a_version_1_store_and_keep_its_data(tmp_path):
    v1 = tmp_path / "v1"
    v1.mkdir()
    shutil.copy(MIGRATIONS_DIR / "001_init.sql", v1 / "001_init.sql")
    path = tmp_path / "s.duckdb"
    Store(path, migrations_dir=v1).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO articles (doc_id, content_hash, input_doc_id, text, has_dateline, analysed_at, "
                "stages, errors) VALUES ('vecchio', 'h1', 'vecchio', 'Roma è in festa.', false, "
                "current_timestamp, ['ingest'], [])")
    con.execute("INSERT INTO places VALUES ('vecchio', 0, 0, 4, 'Roma', 'Rome', 'IT', 41.9, 12.5, 3169070, 'city')")
    con.close()
    assert _versions(path) == [1]
    with Store(path) as store:
        assert store.version == LATEST
        (old,) = store.load_analyses()
    assert old.article.text == "Roma è in festa."
    assert old.places[0].name == "Rome" and old.places[0].mentions == ()
    assert _versions(path) == list(range(1, LATEST + 1))


def test_migrations_apply_a_new_migration_to_an_existing_store(tmp_path, analysis):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(analysis)
    new = _dir_with(tmp_path, "new", {f"{LATEST + 1:03d}_notes.sql":
                                      "ALTER TABLE articles ADD COLUMN note VARCHAR;\n"
                                      "CREATE TABLE notes (doc_id VARCHAR, note VARCHAR);\n"})
    with Store(path, migrations_dir=new) as store:
        assert store.version == LATEST + 1
        assert store.load_analyses() == [analysis]
    con = duckdb.connect(str(path))
    assert "note" in [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
    con.close()


def test_migrations_refuse_a_store_from_a_newer_cronaca(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (99, '099_future.sql', current_timestamp)")
    con.close()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert str(err.value) == (f"the store has schema version 99, newer than this cronaca knows ({LATEST}); "
                              "upgrade cronaca to read it.")


def test_migrations_reject_a_gap_in_numbering(tmp_path):
    d = _dir_with(tmp_path, "m", {f"{LATEST + 2:03d}_skip.sql": "SELECT 1;"})
    with pytest.raises(StoreError, match=f"migration {LATEST + 2:03d}_skip.sql is numbered {LATEST + 2:03d}, "
                                         f"expected {LATEST + 1:03d}"):
        migration_files(d)


def test_migrations_failed_migration_leaves_the_store_as_it_was(tmp_path, analysis):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(analysis)
    bad = _dir_with(tmp_path, "m", {f"{LATEST + 1:03d}_bad.sql":
                                    "ALTER TABLE articles ADD COLUMN x VARCHAR; SELECT * FROM nowhere;"})
    with pytest.raises(StoreError, match=f"store migration {LATEST + 1:03d}_bad.sql failed"):
        Store(path, migrations_dir=bad)
    assert _versions(path) == list(range(1, LATEST + 1))
    with Store(path) as store:
        assert store.load_analyses() == [analysis]
