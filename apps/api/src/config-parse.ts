// Reading the environment once at start: docker secrets, renamed variables,
// and the checks that stop a start with a readable message.
import { envSchema, FILE_SECRETS, type Env } from "./config-env.js";

/** Reads `NAME` or, for docker secrets, the file named by `NAME_FILE`. */
export type SecretReader = (path: string) => string;

export class ConfigError extends Error {}

/** Variables an earlier version read, and their names now. */
const RENAMED: Array<[string, string]> = [["FREE_PLAN_LINK_LIMIT", "PLAN_FREE_MAX_LINKS"]];

/** Parses the environment once; throws a readable list of every bad variable. */
export function parseEnv(env: NodeJS.ProcessEnv, readSecret: SecretReader): Env {
  const withSecrets = { ...env };
  for (const name of FILE_SECRETS) {
    const file = env[`${name}_FILE`];
    if (!withSecrets[name] && file) withSecrets[name] = readSecret(file).trim();
  }
  for (const [key, value] of Object.entries(withSecrets)) {
    if (value === "") delete withSecrets[key];
  }
  // A renamed variable must not be ignored silently: the server would run on the default.
  for (const [old, now] of RENAMED) {
    if (withSecrets[old] !== undefined) throw new ConfigError(`${old} is now called ${now}: rename it in your environment.`);
  }
  const parsed = envSchema.safeParse(withSecrets);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const result = parsed.data;
  if (result.NODE_ENV === "production") {
    const missing = [];
    if (!result.JWT_SECRET) missing.push("JWT_SECRET (or JWT_SECRET_FILE), at least 32 random characters");
    if (!result.DATABASE_URL) missing.push("DATABASE_URL (the embedded database is for development only)");
    if (!result.PUBLIC_URL) missing.push("PUBLIC_URL (the public base URL of short links)");
    if (result.BCRYPT_ROUNDS < 12) missing.push("BCRYPT_ROUNDS of 12 or more");
    if (missing.length > 0) {
      throw new ConfigError(`NODE_ENV=production requires:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
    }
  }
  return result;
}
