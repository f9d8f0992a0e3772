-- Raw clicks partitioned by month of clicked_at, so old months can be dropped
-- a partition at a time (CLICK_RETENTION_DAYS) and the table can grow for
-- years. Stats, analytics and their CSV figures read the daily rollups, which
-- stay. Only the raw-click CSV export reads this table.
--
-- Every existing click is copied into its month's partition: nothing is lost,
-- ids are kept, and the sequence continues after them.
--
-- Prisma's migration runner (driver adapter) splits scripts at every
-- semicolon, even inside quotes and comments, so there are none but at the
-- ends of statements: function bodies write theirs as \073 in escape strings.

ALTER TABLE "clicks" RENAME TO "clicks_unpartitioned";
ALTER TABLE "clicks_unpartitioned" RENAME CONSTRAINT "clicks_pkey" TO "clicks_unpartitioned_pkey";
ALTER INDEX "clicks_link_id_clicked_at_idx" RENAME TO "clicks_unpartitioned_link_id_clicked_at_idx";
ALTER SEQUENCE "clicks_id_seq" OWNED BY NONE;

CREATE TABLE "clicks" (
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
ALTER SEQUENCE "clicks_id_seq" OWNED BY "clicks"."id";

-- CSV exports (one link's clicks in time order), created on every partition.
CREATE INDEX "clicks_link_id_clicked_at_idx" ON "clicks" ("link_id", "clicked_at");

-- A click outside every month's partition (a clock far off, a spool replayed
-- after its month was dropped) lands here rather than failing its batch.
CREATE TABLE "clicks_default" PARTITION OF "clicks" DEFAULT;

-- Creates the partition of the month holding `month` when it is missing:
-- clicks_y2026m12 holds [2026-12-01, 2027-01-01) UTC. Called here for every
-- month that has clicks, and by the API ahead of time (click-partitions.ts).
CREATE FUNCTION "create_click_partition"("month" timestamptz) RETURNS text
LANGUAGE plpgsql AS E'DECLARE
  first timestamptz := date_trunc(\'month\', "month" AT TIME ZONE \'UTC\') AT TIME ZONE \'UTC\'\073
  name text := \'clicks_y\' || to_char(first AT TIME ZONE \'UTC\', \'YYYY"m"MM\')\073
BEGIN
  IF to_regclass(quote_ident(name)) IS NULL THEN
    EXECUTE format(\'CREATE TABLE %I PARTITION OF clicks FOR VALUES FROM (%L) TO (%L)\', name, first, first + interval \'1 month\')\073
  END IF\073
  RETURN name\073
END';

SELECT "create_click_partition"("month")
FROM generate_series(
  date_trunc('month', coalesce((SELECT min("clicked_at") FROM "clicks_unpartitioned"), now()) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
  now() + interval '2 months',
  interval '1 month'
) AS "month";

INSERT INTO "clicks" ("id", "link_id", "clicked_at", "referrer", "referrer_host", "user_agent", "browser", "os", "device", "country", "city", "is_bot", "visitor")
SELECT "id", "link_id", "clicked_at", "referrer", "referrer_host", "user_agent", "browser", "os", "device", "country", "city", "is_bot", "visitor" FROM "clicks_unpartitioned";
SELECT setval('clicks_id_seq', greatest((SELECT max("id") FROM "clicks"), 1), (SELECT count(*) > 0 FROM "clicks"));
DROP TABLE "clicks_unpartitioned";
