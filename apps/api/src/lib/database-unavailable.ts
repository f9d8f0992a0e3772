// Errors that mean "the database cannot be reached right now", as Prisma
// (through its pg driver adapter) and node-postgres report them. They are
// transient: the API answers 503 with Retry-After, which clients retry,
// instead of a 500, which they show as a bug.

/** Prisma's codes for an unreachable server, a dropped connection, an exhausted pool or a transaction that could not start in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** Socket errors on the way to the server. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
/** SQLSTATEs: connection exceptions (class 08), too many connections, shutdown and start-up. */
const SQLSTATES = new Set(["53300", "57P01", "57P02", "57P03"]);
/** node-postgres says these in words only. */
const MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/i, /Can't reach database server/];

function matches(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string") {
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return typeof message === "string" && MESSAGES.some((m) => m.test(message));
}

/** Whether the error, or anything in its cause chain, says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (matches(e)) return true;
    // AggregateError (a connect to several addresses) holds its reasons in `errors`.
    if (Array.isArray((e as { errors?: unknown }).errors) && (e as { errors: unknown[] }).errors.some(matches)) return true;
  }
  return false;
}
