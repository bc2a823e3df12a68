-- Schema version 2: a place carries every mention of it in the article (records.Place.mentions),
-- as JSON [{start, end, text}, ...]; places stored before have none.
ALTER TABLE places ADD COLUMN mentions_json VARCHAR DEFAULT '[]';
