-- A link may ask visitors for a password: its bcrypt hash, or null for none.
ALTER TABLE "links" ADD COLUMN "password_hash" VARCHAR(72);
