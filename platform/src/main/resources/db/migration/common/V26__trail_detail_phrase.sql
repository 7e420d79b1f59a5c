-- A trail line's detail as a phrase (message key and arguments, JSON), so that each reader sees the
-- product's wording in their language. The English copy in "detail" stays what the log commits to.
ALTER TABLE trail_entries ADD COLUMN detail_phrase TEXT;
