-- Operators: roles, blocked links and hosts, reports and an audit log.
ALTER TABLE "users" ADD COLUMN "role" VARCHAR(16) NOT NULL DEFAULT 'user';
ALTER TABLE "users" ADD COLUMN "last_login_at" TIMESTAMPTZ(3);

-- A link an admin blocked (or whose host was blocked) answers 410 and its owner cannot re-enable it.
-- host: the destination's hostname as the API normalises it, for host blocks and admin search.
ALTER TABLE "links" ADD COLUMN "blocked_at" TIMESTAMPTZ(3);
ALTER TABLE "links" ADD COLUMN "blocked_reason" VARCHAR(500);
ALTER TABLE "links" ADD COLUMN "blocked_host" VARCHAR(253);
ALTER TABLE "links" ADD COLUMN "host" VARCHAR(253) NOT NULL DEFAULT '';
UPDATE "links" SET "host" = rtrim(lower(substring("long_url" from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^]]*\]|[^/:?#]*)')), '.');
CREATE INDEX "links_host_idx" ON "links" ("host");

CREATE TABLE "blocked_hosts" (
    "host" VARCHAR(253) NOT NULL,
    "reason" VARCHAR(500) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "blocked_hosts_pkey" PRIMARY KEY ("host")
);

CREATE TABLE "link_reports" (
    "id" SERIAL NOT NULL,
    "link_id" INTEGER NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "link_reports_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "link_reports_created_at_idx" ON "link_reports" ("created_at" DESC);
ALTER TABLE "link_reports" ADD CONSTRAINT "link_reports_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept when the admin's account goes: the log names them by email.
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER,
    "actor_email" VARCHAR(254) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "target" VARCHAR(300) NOT NULL,
    "reason" VARCHAR(500) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_created_at_idx" ON "audit_log" ("created_at" DESC);
