import type { Db } from "../../db/prisma-client.js";

export function createSystemRepository(db: Db) {
  return {
    async databaseReachable(timeoutMs: number): Promise<boolean> {
      const ping = db.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
      return Promise.race([ping, timeout]);
    },
  };
}

export type SystemRepository = ReturnType<typeof createSystemRepository>;
