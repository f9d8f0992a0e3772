// pnpm admin: the operators' command line, on the server's configuration
// (DATABASE_URL, else the embedded PostgreSQL in DATA_DIR, running or not).
//   pnpm admin grant <email>              make an account an admin
//   pnpm admin revoke <email>             make it a plain user again
//   pnpm admin blocklist import <file>    block every host in a list (one a line, # comments)
import { readFileSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { parseEnv } from "../config.js";
import { ensureDatabase } from "../db/database-admin.js";
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded-postgres.js";
import { migrateOnStart } from "../db/migrations.js";
import { createPrismaClient } from "../db/prisma-client.js";
import { parseHostList } from "../lib/host-list.js";
import { createAbuseRepository } from "../modules/abuse/repository.js";
import { createAbuseService } from "../modules/abuse/service.js";
import { createAdminRepository } from "../modules/admin/repository.js";
import { createAdminService } from "../modules/admin/service.js";
import { EVERY_LINK, LINK_EVENTS_CHANNEL } from "../plugins/link-events.js";

const USAGE = `Usage:
  pnpm admin grant <email>
  pnpm admin revoke <email>
  pnpm admin blocklist import <file>`;

class UsageError extends Error {}

async function openDatabase(env: ReturnType<typeof parseEnv>): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: null };
  const dir = path.join(path.resolve(env.DATA_DIR), "postgres");
  const running = await runningEmbeddedUrl(dir, "shortly");
  if (running) return { url: running, embedded: null };
  const embedded = await startEmbeddedPostgres({ dir });
  await ensureDatabase(embedded.serverUrl, "shortly");
  return { url: embedded.databaseUrl("shortly"), embedded };
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (!command || !["grant", "revoke", "blocklist"].includes(command)) throw new UsageError(USAGE);
  const env = parseEnv(process.env, (file) => readFileSync(file, "utf8"));
  const { url, embedded } = await openDatabase(env);
  const prisma = createPrismaClient(url, 2);
  try {
    await migrateOnStart(url, () => {});
    const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 }) : null;
    // Running servers drop their cached links when a block changes them (through Redis, as they do for each other).
    const tellServers = () => void redis?.publish(LINK_EVENTS_CHANNEL, EVERY_LINK).catch(() => {});
    const abuse = createAbuseService({ repo: createAbuseRepository(prisma), onLinksChanged: tellServers });
    const admin = createAdminService({
      repo: createAdminRepository(prisma),
      abuse,
      sessions: { endAll: async () => {} },
      apiKeys: { revokeAll: async () => 0 },
      onLinkChanged: tellServers,
      onEveryLinkChanged: tellServers,
    });
    if (command === "grant" || command === "revoke") {
      const email = rest[0];
      if (!email || rest.length !== 1) throw new UsageError(USAGE);
      const outcome = await admin.setRole(email, command === "grant" ? "admin" : "user");
      if (outcome === "missing") throw new UsageError(`No account has the email ${email}.`);
      const said = {
        grant: { changed: "is now an admin.", unchanged: "is already an admin; nothing changed." },
        revoke: { changed: "is no longer an admin.", unchanged: "is not an admin; nothing changed." },
      }[command][outcome];
      console.log(`${email} ${said}`);
    } else {
      if (rest[0] !== "import" || !rest[1] || rest.length !== 2) throw new UsageError(USAGE);
      const { hosts, invalid } = parseHostList(readFileSync(rest[1], "utf8"));
      for (const line of invalid) console.log(`Skipped line ${line.number}: ${line.text}`);
      const { added, links } = await admin.blockHosts({ id: null, email: "cli" }, hosts, `imported from ${path.basename(rest[1])}`);
      console.log(`Blocked ${added} new hosts (${hosts.length - added} already blocked; ${links} existing links stopped).`);
    }
    await redis?.quit().catch(() => redis.disconnect());
  } finally {
    await prisma.$disconnect();
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      error instanceof UsageError ? error.message : `pnpm admin failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
