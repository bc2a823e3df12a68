-- cronaca store, schema version 1: one row per article, one per fact; the nested shapes
-- (roles, attribution chains, story mentions and histories) are JSON text.
-- Every table that holds facts of an article is keyed by its doc_id (unique in the store)
-- and keeps the order the pipeline produced in `ord`.

CREATE SEQUENCE article_seq START 1;

CREATE TABLE articles (
    doc_id          VARCHAR PRIMARY KEY,
    seq             BIGINT NOT NULL DEFAULT nextval('article_seq'),
    content_hash    VARCHAR NOT NULL UNIQUE,
    input_doc_id    VARCHAR NOT NULL,   -- the doc_id ingest gave; differs when it collided
    text            VARCHAR NOT NULL,
    source          VARCHAR,
    title           VARCHAR,
    date            VARCHAR,
    url             VARCHAR,
    outlet          VARCHAR,
    language        VARCHAR,
    has_dateline    BOOLEAN NOT NULL,
    dateline_place  VARCHAR,
    dateline_date   VARCHAR,
    dateline_start  INTEGER,
    dateline_end    INTEGER,
    analysed_at     TIMESTAMP NOT NULL,
    stages          VARCHAR[] NOT NULL,
    errors          VARCHAR[] NOT NULL
);

CREATE TABLE entities (
    doc_id      VARCHAR NOT NULL,
    entity_id   VARCHAR NOT NULL,
    ord         INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    type        VARCHAR NOT NULL,
    code        VARCHAR,
    kb_id       VARCHAR,
    country     VARCHAR,
    roles_json  VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);

CREATE TABLE mentions (
    doc_id      VARCHAR NOT NULL,
    entity_id   VARCHAR NOT NULL,
    ord         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL
);

CREATE TABLE times (
    doc_id  VARCHAR NOT NULL,
    ord     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    VARCHAR NOT NULL,
    type    VARCHAR NOT NULL,
    value   VARCHAR NOT NULL,
    mod     VARCHAR
);

CREATE TABLE places (
    doc_id       VARCHAR NOT NULL,
    ord          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    country      VARCHAR,
    lat          DOUBLE,
    lon          DOUBLE,
    geonames_id  BIGINT,
    feature      VARCHAR
);

CREATE TABLE quotes (
    doc_id        VARCHAR NOT NULL,
    ord           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    speaker       VARCHAR,
    speaker_text  VARCHAR,
    cue           VARCHAR,
    kind          VARCHAR NOT NULL
);

CREATE TABLE events (
    doc_id         VARCHAR NOT NULL,
    event_id       VARCHAR NOT NULL,
    ord            INTEGER NOT NULL,
    type           VARCHAR NOT NULL,
    mode           VARCHAR,
    cameo          VARCHAR,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger_text   VARCHAR NOT NULL,
    actors         VARCHAR[] NOT NULL,
    recipients     VARCHAR[] NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);

CREATE TABLE claims (
    doc_id            VARCHAR NOT NULL,
    event_id          VARCHAR NOT NULL,
    ord               INTEGER NOT NULL,
    status            VARCHAR NOT NULL,
    evidence_start    INTEGER NOT NULL,
    evidence_end      INTEGER NOT NULL,
    time_value        VARCHAR,   -- NULL: the claim has no time
    time_text         VARCHAR,
    time_start        INTEGER,
    time_end          INTEGER,
    place_name        VARCHAR,   -- NULL: the claim has no place
    place_country     VARCHAR,
    place_start       INTEGER,
    place_end         INTEGER,
    attribution_json  VARCHAR NOT NULL,
    hearsay           BOOLEAN NOT NULL,
    cue               VARCHAR
);

CREATE TABLE warnings (
    doc_id  VARCHAR NOT NULL,
    ord     INTEGER NOT NULL,
    kind    VARCHAR NOT NULL,
    entity  VARCHAR NOT NULL,
    detail  VARCHAR NOT NULL
);

CREATE TABLE stories (
    story_id   VARCHAR PRIMARY KEY,
    ord        INTEGER NOT NULL,
    title      VARCHAR NOT NULL,
    documents  VARCHAR[] NOT NULL
);

CREATE TABLE story_events (
    story_id             VARCHAR NOT NULL,
    event_id             VARCHAR NOT NULL,
    ord                  INTEGER NOT NULL,
    type                 VARCHAR NOT NULL,
    mode                 VARCHAR,
    participants         VARCHAR[] NOT NULL,
    mentions_json        VARCHAR NOT NULL,
    status_history_json  VARCHAR NOT NULL
);

CREATE TABLE contradictions (
    story_id     VARCHAR NOT NULL,
    ord          INTEGER NOT NULL,
    event        VARCHAR NOT NULL,
    slot         VARCHAR NOT NULL,
    values_json  VARCHAR NOT NULL,
    explanation  VARCHAR NOT NULL
);
