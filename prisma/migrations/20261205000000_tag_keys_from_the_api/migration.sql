-- Tag keys written by the API (tagKey in the contract: the full Unicode
-- lower-case mapping) instead of computed by lower(): PostgreSQL's lower()
-- follows the locale of the database (ASCII only under the C locale) and maps a
-- few letters differently even under a UTF-8 one (a dotted capital I, a final
-- sigma), so the tag filter and the tag list missed tags that the API itself
-- had listed.
ALTER TABLE "links" ADD COLUMN "tag_keys" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- Existing rows get the keys of lower(), equal to those of the API for every
-- letter that the locale of the database maps the Unicode way, and the API
-- rewrites the keys of a link whenever its tags change.
UPDATE "links" SET "tag_keys" = link_tag_keys("tags") WHERE "tags" <> ARRAY[]::TEXT[];

-- CONCURRENTLY, as for every index on links (docs/database.md).
CREATE INDEX CONCURRENTLY "links_tag_keys_column_idx" ON "links" USING GIN ("tag_keys");
DROP INDEX CONCURRENTLY "links_tag_keys_idx";
DROP FUNCTION link_tag_keys(TEXT[]);
