-- Schema version 5: where an article's date comes from (records.Article.date_source: metadata,
-- dateline, option, year-option, or the inferred batch / analysis-day), and the day of a dateline
-- that gives no year ("--10-21").
ALTER TABLE articles ADD COLUMN date_source VARCHAR;
ALTER TABLE articles ADD COLUMN dateline_month_day VARCHAR;
