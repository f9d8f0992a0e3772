-- Tags on links, as written (0 to 10, checked by the API). Tags compare
-- case-insensitively: the tag filter and GET /api/tags use link_tag_keys(),
-- the lower-cased set, which the GIN index serves.
ALTER TABLE "links" ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

CREATE FUNCTION link_tag_keys(tags TEXT[]) RETURNS TEXT[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS 'SELECT coalesce(array_agg(lower(t)), ARRAY[]::TEXT[]) FROM unnest(tags) AS t';

CREATE INDEX "links_tag_keys_idx" ON "links" USING GIN (link_tag_keys("tags"));
