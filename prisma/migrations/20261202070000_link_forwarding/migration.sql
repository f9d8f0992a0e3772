-- Forwarding and redirect types per link: the visitor's query string is
-- added to the destination unless turned off, extra path segments only when
-- turned on, and the redirect's status is 302 unless the owner picks 301, 307 or 308.
ALTER TABLE "links" ADD COLUMN "forward_query" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "links" ADD COLUMN "forward_path" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "links" ADD COLUMN "redirect_type" SMALLINT NOT NULL DEFAULT 302 CHECK ("redirect_type" IN (301, 302, 307, 308));
