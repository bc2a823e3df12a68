import shutil

import duckdb
import pytest

from cronaca.errors import StoreError
from cronaca.store import Store
from cronaca.store.migrations import MIGRATIONS_DIR, migration_files


def _versions(path):
    con = duckdb.connect(str(path))
    try:
        return [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
    finally:
        con.close()


def test_migrations_are_numbered_without_gaps():
    files = migration_files()
    assert [n for n, _ in files] == list(range(1, len(files) + 1))
    assert files[0][1].name == "001_init.sql"


def test_migrations_apply_once_on_an_existing_store(tmp_path, analysis):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(analysis)
    with Store(path) as store:
        assert store.load_analyses() == [analysis]
    assert _versions(path) == [n for n, _ in migration_files()]


def test_migrations_upgrade_an_old_store_and_keep_its_data(tmp_path, analysis):
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy(MIGRATIONS_DIR / "001_init.sql", old / "001_init.sql")
    path = tmp_path / "s.duckdb"
    with Store(path, migrations_dir=old) as store:
        store.add(analysis)
    assert _versions(path) == [1]
    new = tmp_path / "new"
    shutil.copytree(old, new)
    (new / "002_notes.sql").write_text("ALTER TABLE articles ADD COLUMN note VARCHAR;\n"
                                       "CREATE TABLE notes (doc_id VARCHAR, note VARCHAR);\n", encoding="utf-8")
    with Store(path, migrations_dir=new) as store:
        assert store.version == 2
        assert store.load_analyses() == [analysis]
    assert _versions(path) == [1, 2]
    con = duckdb.connect(str(path))
    assert "note" in [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
    con.close()


def test_migrations_refuse_a_store_from_a_newer_cronaca(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (99, '099_future.sql', current_timestamp)")
    con.close()
    latest = len(migration_files())
    with pytest.raises(StoreError) as err:
        Store(path)
    assert str(err.value) == (f"the store has schema version 99, newer than this cronaca knows ({latest}); "
                              "upgrade cronaca to read it.")


def test_migrations_reject_a_gap_in_numbering(tmp_path):
    d = tmp_path / "m"
    d.mkdir()
    shutil.copy(MIGRATIONS_DIR / "001_init.sql", d / "001_init.sql")
    (d / "003_skip.sql").write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(StoreError, match="migration 003_skip.sql is numbered 003, expected 002"):
        migration_files(d)


def test_migrations_failed_migration_leaves_the_store_as_it_was(tmp_path, analysis):
    d = tmp_path / "m"
    d.mkdir()
    shutil.copy(MIGRATIONS_DIR / "001_init.sql", d / "001_init.sql")
    path = tmp_path / "s.duckdb"
    with Store(path, migrations_dir=d) as store:
        store.add(analysis)
    (d / "002_bad.sql").write_text("ALTER TABLE articles ADD COLUMN x VARCHAR; SELECT * FROM nowhere;",
                                   encoding="utf-8")
    with pytest.raises(StoreError, match="store migration 002_bad.sql failed"):
        Store(path, migrations_dir=d)
    assert _versions(path) == [1]
    with Store(path, migrations_dir=MIGRATIONS_DIR) as store:
        assert store.load_analyses() == [analysis]
