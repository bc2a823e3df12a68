-- Schema version 4: a time expression that bounds a range carries the TIMEX3 values of the
-- range's first and last point (records.Time.range_begin / range_end); NULL for none.
ALTER TABLE times ADD COLUMN range_begin VARCHAR;
ALTER TABLE times ADD COLUMN range_end VARCHAR;
