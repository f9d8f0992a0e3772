-- The link list's search (q) is a case-insensitive substring match on the
-- code and the destination: trigram indexes let it skip the account's other
-- links instead of reading every one (pg_trgm is a trusted extension, so the
-- database's owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "links_code_trgm_idx" ON "links" USING GIN ("code" gin_trgm_ops);
CREATE INDEX "links_long_url_trgm_idx" ON "links" USING GIN ("long_url" gin_trgm_ops);
