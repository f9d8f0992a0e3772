-- Raw clicks need no id: nothing reads a click by it, exports read one
-- link's clicks through clicks_link_id_clicked_at_idx (clicks of the same
-- millisecond in no defined order), and everything else reads the rollups.
-- Each stored click paid a call of the sequence and eight bytes for it. The
-- sequence goes with the column (it is owned by it).
ALTER TABLE "clicks" DROP COLUMN "id";
