// Prisma CLI configuration. The WebAssembly schema engine ("js") talks to
// Postgres through the pg driver adapter, so no native engine binary is
// downloaded: `prisma generate` and `prisma migrate deploy` work offline.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  // Overridable only so a test can migrate a database to an earlier point (test/db/click-partitions.test.ts).
  migrations: { path: process.env.SHORTLY_MIGRATIONS_DIR ?? "../../prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () =>
    // A short idle timeout lets the CLI exit as soon as it is done (pg keeps idle clients 10 s by default).
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/unset", idleTimeoutMillis: 50 }),
});
