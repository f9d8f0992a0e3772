// Entry point: the only file that reads process.env, listens or exits.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.js";
import { ConfigError, parseEnv } from "./config.js";
import { appConfigFrom } from "./config-from-env.js";
import { EmbeddedPostgresError } from "./db/embedded-postgres.js";
import { startDatabase, StartupError } from "./server-database.js";

const apiRoot = fileURLToPath(new URL("..", import.meta.url));
const version = (JSON.parse(readFileSync(path.join(apiRoot, "package.json"), "utf8")) as { version: string }).version;

async function main(): Promise<void> {
  const env = parseEnv(process.env, (file) => readFileSync(file, "utf8"));
  const dataDir = path.resolve(env.DATA_DIR);
  const { databaseUrl, embedded } = await startDatabase(env.DATABASE_URL, dataDir);
  const config = appConfigFrom(env, { version, databaseUrl, dataDir, apiRoot });

  const app = await buildApp(config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    // Past the click writer's 20 s drain (what it leaves waits in the spool), inside the usual 30 s grace.
    const forced = setTimeout(() => process.exit(1), 28_000);
    forced.unref();
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ host: env.HOST, port: env.PORT });
  console.log(`\n  Shortly is running: open ${config.publicUrl}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof StartupError) console.error(error.message);
  else console.error("Failed to start:", error);
  process.exit(1);
});
