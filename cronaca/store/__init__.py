"""The store: analyses and stories in an embedded DuckDB file.

All of cronaca's SQL lives in this package.  The schema is created and upgraded by the
numbered migrations in ``migrations/`` (see :mod:`cronaca.store.migrations`).

Identity.  An article is identified by its content hash: adding an analysis whose hash is
already stored does nothing and returns False, so re-ingesting is a no-op.  ``doc_id`` is
unique in the store as well, because every fact table and the exports refer to articles
by it.  When a *different* article arrives with a doc_id already taken (two folders each
holding ``nota.txt``), it is stored as ``nota~2`` (``~3``…): the analyses
:meth:`Store.load_analyses` returns carry the stored doc_id, and the doc_id ingest gave
is kept in the ``input_doc_id`` column.  :meth:`Store.doc_id_for` tells the stored id of
a content hash.

Writes.  Each article is written in one transaction (article row and all its facts), and
so is each replacement of the stories: a failure rolls back that write only and never
loses what is already stored.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

import duckdb

from cronaca.errors import StoreError
from cronaca.records import Article, DocAnalysis, StoryAnalysis
from cronaca.store.migrations import MIGRATIONS_DIR, migrate
from cronaca.store.rows import (
    COLUMNS,
    DOC_TABLES,
    INDEX_TABLES,
    STORY_TABLES,
    Row,
    analysis_from,
    analysis_rows,
    article_from,
    article_row,
    index_from,
    index_rows,
    stories_from,
    story_rows,
)
from cronaca.story import StoryIndex, StoryUpdate

__all__ = ["Store"]

log = logging.getLogger(__name__)

_ORDER: dict[str, str] = {
    "mentions": "doc_id, (SELECT ord FROM entities e WHERE e.doc_id = t.doc_id AND e.entity_id = t.entity_id), ord",
    "claims": "doc_id, (SELECT ord FROM events e WHERE e.doc_id = t.doc_id AND e.event_id = t.event_id), ord",
    "story_events": "story_id, ord",
    "contradictions": "story_id, ord",
    "stories": "ord",
}


def _absent_modules_fail_fast() -> None:
    """DuckDB looks for pandas on every parameter it binds; when pandas is not installed each
    look-up walks sys.path again (seconds per thousand rows).  Record the absence once, as
    Python would conclude anyway; an installed pandas is left alone."""
    import importlib.util
    import sys

    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


def _cols(table: str) -> str:
    return ", ".join(f'"{c}"' for c in COLUMNS[table])


def _insert(table: str) -> str:
    return f"INSERT INTO {table} ({_cols(table)}) VALUES ({', '.join('?' for _ in COLUMNS[table])})"


class Store:
    """A DuckDB store file (created if missing, upgraded if old); ``":memory:"`` for a temporary one."""

    def __init__(self, path: str | Path, *, read_only: bool = False,
                 migrations_dir: Path = MIGRATIONS_DIR) -> None:
        self.path = str(path)
        self.read_only = read_only
        _absent_modules_fail_fast()
        if read_only and not Path(self.path).exists():
            raise StoreError(f"the store '{self.path}' does not exist; create it with "
                             "'cronaca analyze ... --store FILE'.")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store '{self.path}': {exc}") from exc
        if read_only:
            self._check_version(migrations_dir)
        else:
            self.version = migrate(self._con, migrations_dir)

    def _check_version(self, migrations_dir: Path) -> None:
        from cronaca.store.migrations import migration_files

        latest = len(migration_files(migrations_dir))
        try:
            row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"'{self.path}' is not a cronaca store (no schema_version table).") from exc
        self.version = int(row[0]) if row and row[0] is not None else 0
        if self.version != latest:
            raise StoreError(f"the store '{self.path}' has schema version {self.version}, this cronaca "
                             f"expects {latest}; open it once for writing to upgrade it.")

    # ------------------------------------------------------------ writing

    def add(self, analysis: DocAnalysis) -> bool:
        """Store one analysis; False (and nothing written) when its content hash is already stored."""
        article = analysis.article
        if self.doc_id_for(article.content_hash) is not None:
            log.info("article '%s' is already in the store (same content hash): skipped", article.doc_id)
            return False
        doc_id = self._free_doc_id(article.doc_id)
        if doc_id != article.doc_id:
            log.warning("doc id '%s' is taken by another article in the store; stored as '%s'",
                        article.doc_id, doc_id)
        analysed_at = datetime.now(UTC).replace(tzinfo=None)
        rows = analysis_rows(analysis, doc_id)
        self._write([("articles", [article_row(article, doc_id, analysis.stages, analysis.errors,
                                               analysed_at)])] + [(t, rows[t]) for t in DOC_TABLES],
                     what=f"article '{article.doc_id}'")
        return True

    def add_stories(self, story_analysis: StoryAnalysis, index: StoryIndex | None = None) -> None:
        """Replace the stored stories with these, and their index (what :meth:`update_stories`
        continues from; without one, the stories count as out of date)."""
        rows = story_rows(list(enumerate(story_analysis.stories)))
        if index is not None:
            rows.update(index_rows(index))
        tables = STORY_TABLES + INDEX_TABLES
        self._write([(t, rows.get(t, [])) for t in tables], what="the stories",
                    first=[f"DELETE FROM {t}" for t in tables])

    def update_stories(self, change: StoryUpdate) -> None:
        """Apply one article's change to the stored stories: rewrite the changed stories, drop
        the removed ones, refile the touched story events' blocking keys, add the article."""
        positions = {s.id: i for i, s in enumerate(change.stories.stories)}
        before = {s.id: s for s in change.before}
        stored: dict[str, set[str]] = {}  # per rewritten story, the event rows that stay as they are
        for s in change.changed:
            if s.id in before:
                was = {e.id: (j, e) for j, e in enumerate(before[s.id].events)}
                stored[s.id] = {e.id for j, e in enumerate(s.events) if (old := was.get(e.id)) and old[0] == j
                                and old[1] is e}
        rows = story_rows([(positions[s.id], s) for s in change.changed], stored)
        gone = [s.id for s in change.changed] + list(change.removed)
        first: list[tuple[str, list[object]]] = []
        for chunk in _chunks(gone):
            marks = ", ".join("?" for _ in chunk)
            first += [(f"DELETE FROM {t} WHERE story_id IN ({marks})", list(chunk))
                      for t in STORY_TABLES if t != "story_events"]
        for sid in gone:
            first.append(("DELETE FROM story_events WHERE story_id = ? AND NOT list_contains(?, event_id)",
                          [sid, sorted(stored.get(sid, ()))]))
        for chunk in _chunks(list(change.touched_events)):
            marks = ", ".join("?" for _ in chunk)
            first.append((f"DELETE FROM story_event_keys WHERE event_id IN ({marks})", list(chunk)))
        first.append(("DELETE FROM story_docs WHERE doc_id = ?", [change.doc.doc_id]))
        index = index_rows(StoryIndex(change.event_keys, (change.doc,)))
        self._write([(t, rows[t]) for t in STORY_TABLES] + [(t, index[t]) for t in INDEX_TABLES],
                    what="the stories", first=first)

    def _write(self, batches: Sequence[tuple[str, list[Row]]], *, what: str,
               first: Sequence[str | tuple[str, list[object]]] = ()) -> None:
        con = self._con
        con.begin()
        try:
            for statement in first:
                if isinstance(statement, str):
                    con.execute(statement)
                else:
                    con.execute(*statement)
            for table, rows in batches:
                if rows:
                    con.executemany(_insert(table), rows)
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"cannot write {what} to the store '{self.path}': {exc}") from exc

    def _free_doc_id(self, doc_id: str) -> str:
        taken = {r[0] for r in self._con.execute(
            "SELECT doc_id FROM articles WHERE doc_id = ? OR doc_id LIKE ? ESCAPE '\\'",
            [doc_id, _like_prefix(doc_id) + "~%"]).fetchall()}
        if doc_id not in taken:
            return doc_id
        n = 2
        while f"{doc_id}~{n}" in taken:
            n += 1
        return f"{doc_id}~{n}"

    # ------------------------------------------------------------ reading

    def doc_id_for(self, content_hash: str) -> str | None:
        """The stored doc_id of the article with this content hash, or None."""
        row = self._con.execute("SELECT doc_id FROM articles WHERE content_hash = ?", [content_hash]).fetchone()
        return str(row[0]) if row else None

    def __len__(self) -> int:
        row = self._con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def article_dates(self) -> list[str]:
        """The publication dates of the stored articles that have one (ISO)."""
        return [str(r[0]) for r in self._con.execute(
            "SELECT DISTINCT date FROM articles WHERE date IS NOT NULL ORDER BY date").fetchall()]

    def dateline_places(self) -> list[str]:
        """The dateline place of every stored article that has one (repeated as often as filed)."""
        return [str(r[0]) for r in self._con.execute(
            "SELECT dateline_place FROM articles WHERE dateline_place IS NOT NULL ORDER BY seq").fetchall()]

    def articles(self) -> list[Article]:
        """The stored articles, in the order they were added."""
        return [article_from(r) for r in self._select("articles", order="seq")]

    def load_analyses(self, doc_ids: Collection[str] | None = None) -> list[DocAnalysis]:
        """The stored analyses (those of ``doc_ids`` when given), rebuilt from the tables, in
        the order they were added."""
        where: str = ""
        params: list[object] = []
        if doc_ids is not None:
            wanted = sorted(set(doc_ids))
            if not wanted:
                return []
            where, params = "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        articles = self._select("articles", order="seq", where=where, params=params)
        facts: dict[str, dict[str, list[Row]]] = {r[0]: {t: [] for t in DOC_TABLES} for r in articles}
        for table in DOC_TABLES:
            for row in self._select(table, order=_ORDER.get(table, "doc_id, ord"), where=where, params=params):
                facts[row[0]][table].append(row)
        return [analysis_from(r, facts[r[0]]) for r in articles]

    def load_stories(self) -> StoryAnalysis:
        """The stories last stored with :meth:`add_stories` or :meth:`update_stories`."""
        return StoryAnalysis(stories=stories_from(
            {t: self._select(t, order=_ORDER[t]) for t in STORY_TABLES}))

    def load_story_index(self) -> StoryIndex:
        """The blocking keys of the stored story events and the stored articles' actor keys."""
        return index_from({"story_event_keys": self._select("story_event_keys", order="event_id, type, actor_key"),
                           "story_docs": self._select(
                               "story_docs", order="(SELECT seq FROM articles a WHERE a.doc_id = t.doc_id)")})

    def story_candidates(self, type_: str, keys: Collection[str], day: int | None, max_gap: int) -> set[str]:
        """Ids of the stored story events of this type filed under any of these actor keys and
        no more than ``max_gap`` days from ``day`` (any, when a day is unknown)."""
        if not keys:
            return set()
        return {str(r[0]) for r in self._con.execute(
            "SELECT DISTINCT event_id FROM story_event_keys WHERE type = ? "
            "AND actor_key IN (SELECT unnest(?::VARCHAR[])) AND (? IS NULL OR first_day IS NULL OR "
            "last_day IS NULL OR (first_day - ? <= ? AND ? <= last_day + ?))",
            [type_, sorted(keys), day, max_gap, day, day, max_gap]).fetchall()}

    def stories_current(self) -> bool:
        """Whether the stored stories cover every stored article (else: build them again)."""
        row = self._con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM story_docs), "
                                "(SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                "(SELECT 1 FROM story_docs d WHERE d.doc_id = a.doc_id))").fetchone()
        return row is not None and row[0] == row[1] and row[2] == 0

    def article_texts(self, doc_ids: Collection[str]) -> dict[str, str]:
        """Title and text of these articles, as the story grouping's embedder reads them."""
        return {str(r[0]): (r[1] or "") + "\n" + str(r[2]) for r in self._con.execute(
            "SELECT doc_id, title, text FROM articles WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(doc_ids)]).fetchall()}

    def _select(self, table: str, *, order: str, where: str = "", params: Sequence[object] = ()) -> list[Row]:
        return self._con.execute(f"SELECT {_cols(table)} FROM {table} t {where} ORDER BY {order}",
                                 list(params)).fetchall()

    # ------------------------------------------------------------ lifetime

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _like_prefix(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
