-- Raw clicks are an append-only log: every stored click updated a primary
-- key index on (id, clicked_at) that no query reads (exports read by link,
-- through clicks_link_id_clicked_at_idx, everything else reads the rollups)
-- and whose uniqueness the sequence already gives. Dropping it takes work off
-- every stored click and about a tenth of the table's size. Ids stay: they
-- order a link's clicks within the same millisecond.
ALTER TABLE "clicks" DROP CONSTRAINT "clicks_pkey";
