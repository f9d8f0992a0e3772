-- The daily rollup rows of the current day are updated by every click batch.
-- With half of each new page left free, an update fits on the row's own page
-- as a heap-only tuple: no new index entries, and old versions are pruned in
-- place. Past days are rarely updated again (late or replayed clicks), so
-- this costs their pages space and saves the click writer much upsert work.
ALTER TABLE "link_daily_clicks" SET (fillfactor = 50);
ALTER TABLE "link_daily_dimensions" SET (fillfactor = 50);
ALTER TABLE "account_daily_clicks" SET (fillfactor = 50);
ALTER TABLE "account_daily_dimensions" SET (fillfactor = 50);
