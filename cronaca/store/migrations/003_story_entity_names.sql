-- Schema version 3: a story keeps the names of the entities its attributions cite
-- (records.Story.entity_names, JSON [[doc_id, entity_id, name], ...]); stories stored before have none.
ALTER TABLE stories ADD COLUMN entity_names_json VARCHAR DEFAULT '[]';
