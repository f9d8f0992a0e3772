-- Raw clicks partitioned by month of clicked_at (UTC), so old months can be
-- dropped a partition at a time (CLICK_RETENTION_DAYS) and the table can grow
-- for years. Stats, analytics and their CSV figures read the daily rollups,
-- which stay. Only the raw-click CSV export reads this table.
--
-- Each statement commits on its own (Prisma's runner) while older instances
-- may still be storing clicks, so the new table is built and filled under
-- another name with every partition it needs, then swapped in, and what
-- arrived in the old table meanwhile is moved after the swap. Ids are kept
-- and the same sequence goes on.
--
-- Prisma's migration runner (driver adapter) splits scripts at every
-- semicolon, even inside quotes and comments, so there are none but at the
-- ends of statements: function bodies write theirs as \073 in escape strings.

ALTER TABLE "clicks" RENAME CONSTRAINT "clicks_pkey" TO "clicks_unpartitioned_pkey";
ALTER INDEX "clicks_link_id_clicked_at_idx" RENAME TO "clicks_unpartitioned_link_id_clicked_at_idx";

CREATE TABLE "clicks_partitioned" (
    "id" BIGINT NOT NULL DEFAULT nextval('clicks_id_seq'),
    "link_id" INTEGER NOT NULL,
    "clicked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "referrer" VARCHAR(2048),
    "referrer_host" VARCHAR(255),
    "user_agent" VARCHAR(1024),
    "browser" VARCHAR(64),
    "os" VARCHAR(64),
    "device" VARCHAR(16),
    "country" CHAR(2),
    "city" VARCHAR(128),
    "is_bot" BOOLEAN NOT NULL DEFAULT false,
    "visitor" BIGINT,
    CONSTRAINT "clicks_pkey" PRIMARY KEY ("id", "clicked_at")
) PARTITION BY RANGE ("clicked_at");

-- CSV exports (one link's clicks in time order), created on every partition.
CREATE INDEX "clicks_link_id_clicked_at_idx" ON "clicks_partitioned" ("link_id", "clicked_at");

-- A click outside every month's partition (a clock far off, a spool replayed
-- after its month was dropped) lands here rather than failing its batch.
CREATE TABLE "clicks_default" PARTITION OF "clicks_partitioned" DEFAULT;

-- Creates the partition of the UTC month holding `month` when it is missing:
-- clicks_y2026m12 holds [2026-12-01, 2027-01-01) UTC. The function runs in UTC
-- whatever the session's time zone, so month bounds never shift. Called here
-- for every month with clicks and ahead, and by the API (click-retention.ts).
CREATE FUNCTION "create_click_partition"("month" timestamptz) RETURNS text
LANGUAGE plpgsql SET "TimeZone" = 'UTC' AS E'DECLARE
  first timestamptz := date_trunc(\'month\', "month")\073
  name text := \'clicks_y\' || to_char(first, \'YYYY"m"MM\')\073
BEGIN
  IF to_regclass(quote_ident(name)) IS NULL THEN
    EXECUTE format(\'CREATE TABLE %I PARTITION OF clicks FOR VALUES FROM (%L) TO (%L)\', name, first, first + interval \'1 month\')\073
  END IF\073
  RETURN name\073
END';

-- The function names the parent "clicks": for the months known now, the
-- partitions are created on the new table directly, under the same names.
CREATE FUNCTION "create_click_partition_during_migration"("month" timestamptz) RETURNS text
LANGUAGE plpgsql SET "TimeZone" = 'UTC' AS E'DECLARE
  first timestamptz := date_trunc(\'month\', "month")\073
  name text := \'clicks_y\' || to_char(first, \'YYYY"m"MM\')\073
BEGIN
  EXECUTE format(\'CREATE TABLE %I PARTITION OF clicks_partitioned FOR VALUES FROM (%L) TO (%L)\', name, first, first + interval \'1 month\')\073
  RETURN name\073
END';

SELECT "create_click_partition_during_migration"(("month" AT TIME ZONE 'UTC'))
FROM generate_series(
  date_trunc('month', coalesce((SELECT min("clicked_at") FROM "clicks"), now()) AT TIME ZONE 'UTC'),
  date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months',
  interval '1 month'
) AS "month";

DROP FUNCTION "create_click_partition_during_migration"(timestamptz);

INSERT INTO "clicks_partitioned" ("id", "link_id", "clicked_at", "referrer", "referrer_host", "user_agent", "browser", "os", "device", "country", "city", "is_bot", "visitor")
SELECT "id", "link_id", "clicked_at", "referrer", "referrer_host", "user_agent", "browser", "os", "device", "country", "city", "is_bot", "visitor" FROM "clicks";

ALTER TABLE "clicks" RENAME TO "clicks_unpartitioned";
ALTER TABLE "clicks_partitioned" RENAME TO "clicks";
ALTER SEQUENCE "clicks_id_seq" OWNED BY "clicks"."id";

-- Clicks stored into the old table between the copy and the swap.
INSERT INTO "clicks" ("id", "link_id", "clicked_at", "referrer", "referrer_host", "user_agent", "browser", "os", "device", "country", "city", "is_bot", "visitor")
SELECT u."id", u."link_id", u."clicked_at", u."referrer", u."referrer_host", u."user_agent", u."browser", u."os", u."device", u."country", u."city", u."is_bot", u."visitor"
FROM "clicks_unpartitioned" u WHERE NOT EXISTS (SELECT 1 FROM "clicks" c WHERE c."id" = u."id");

DROP TABLE "clicks_unpartitioned";
