-- The trigram indexes of the link search move from the columns to lower() of
-- them. On the columns, PostgreSQL's generic plan for the redirect cache's
-- refresh (code = ANY of a few hundred codes) chose the trigram index over
-- the unique btree and spent over a second per refresh. An equality on code
-- cannot use an index on lower(code), and the search matches with ILIKE,
-- which gives the same rows on lower() of a value.
-- Built CONCURRENTLY, so links can be created and changed while a large
-- table is indexed (the migration runner sends each statement on its own,
-- outside a transaction). A build that fails leaves an invalid index, which
-- the DROP removes when the migration runs again after it is marked rolled
-- back (docs/database.md).
DROP INDEX CONCURRENTLY IF EXISTS "links_code_trgm_idx";
CREATE INDEX CONCURRENTLY "links_code_trgm_idx" ON "links" USING GIN (lower("code") gin_trgm_ops);
DROP INDEX CONCURRENTLY IF EXISTS "links_long_url_trgm_idx";
CREATE INDEX CONCURRENTLY "links_long_url_trgm_idx" ON "links" USING GIN (lower("long_url") gin_trgm_ops);
