-- Schema version 6: stories are read back and updated one article at a time.
-- story_events.names: who a story event is about, as labels name it (records.StoryEvent.names);
-- story_event_keys: the blocking index of linking, (story event, type, actor key), with the
-- first and last day (date ordinals) of the story event, so that a look-up skips far ones;
-- story_docs: the articles the stories cover, with the date and actor keys story grouping reads
-- and the roles they give people (role conflicts), as JSON.
-- Stories stored before have no index: cronaca builds them again on the next write (cronaca restory).
ALTER TABLE story_events ADD COLUMN names VARCHAR[] DEFAULT CAST([] AS VARCHAR[]);

CREATE TABLE story_event_keys (
    event_id   VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    actor_key  VARCHAR NOT NULL,
    first_day  INTEGER,
    last_day   INTEGER
);
CREATE INDEX story_event_keys_by_key ON story_event_keys (type, actor_key);

CREATE TABLE story_docs (
    doc_id     VARCHAR NOT NULL,
    date       VARCHAR,
    keys_json  VARCHAR NOT NULL,
    roles_json VARCHAR NOT NULL
);

-- Stories hold structure, not words: titles and explanations are worded when shown, in the
-- reader's language.  A story keeps the dates it covers; a contradiction its two clearest sides
-- (records.Side), the event they are about (records.EventRef) and the person (a role conflict).
-- The title and explanation columns stay for stores written before; new rows leave them empty.
ALTER TABLE stories ADD COLUMN first_date VARCHAR;
ALTER TABLE stories ADD COLUMN last_date VARCHAR;
ALTER TABLE contradictions ADD COLUMN sides_json VARCHAR DEFAULT '[]';
ALTER TABLE contradictions ADD COLUMN about_json VARCHAR;
ALTER TABLE contradictions ADD COLUMN person VARCHAR;
