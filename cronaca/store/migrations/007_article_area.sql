-- Schema version 7: an article keeps the area of its batch (records.Article.area): the towns
-- the datelines of its batch and of the store named, which settled the names several towns
-- share.  Articles stored before have none.
ALTER TABLE articles ADD COLUMN area VARCHAR[] DEFAULT CAST([] AS VARCHAR[]);
