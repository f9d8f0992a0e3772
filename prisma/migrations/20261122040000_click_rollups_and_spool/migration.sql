-- CreateTable
CREATE TABLE "link_daily_clicks" (
    "link_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "clicks" INTEGER NOT NULL,

    CONSTRAINT "link_daily_clicks_pkey" PRIMARY KEY ("link_id","day")
);

-- CreateTable
CREATE TABLE "click_spool_checkpoints" (
    "spool_id" VARCHAR(64) NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "click_spool_checkpoints_pkey" PRIMARY KEY ("spool_id")
);

-- AddForeignKey
ALTER TABLE "link_daily_clicks" ADD CONSTRAINT "link_daily_clicks_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "links"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: the counters start from the clicks already stored.
INSERT INTO "link_daily_clicks" ("link_id", "day", "clicks")
SELECT "link_id", ("clicked_at" AT TIME ZONE 'UTC')::date, count(*)::int
FROM "clicks"
GROUP BY 1, 2;
