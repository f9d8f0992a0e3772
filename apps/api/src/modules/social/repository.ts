import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";

export interface LoginAttempt {
  state: string;
  provider: string;
  codeVerifier: string;
  nonce: string;
  expiresAt: Date;
}

export function createSocialRepository(db: Db) {
  return {
    async saveAttempt(attempt: LoginAttempt): Promise<void> {
      await db.socialLoginAttempt.create({ data: attempt });
    },

    /** Takes an attempt exactly once; a replayed callback finds nothing. */
    async consumeAttempt(state: string, now: Date): Promise<LoginAttempt | null> {
      const rows = await db.$queryRaw<Array<{ state: string; provider: string; code_verifier: string; nonce: string; expires_at: Date }>>`
        UPDATE social_login_attempts SET consumed_at = ${now}
        WHERE state = ${state} AND consumed_at IS NULL AND expires_at > ${now}
        RETURNING state, provider, code_verifier, nonce, expires_at`;
      const row = rows[0];
      return row
        ? { state: row.state, provider: row.provider, codeVerifier: row.code_verifier, nonce: row.nonce, expiresAt: row.expires_at }
        : null;
    },

    async deleteExpiredAttempts(now: Date): Promise<void> {
      await db.socialLoginAttempt.deleteMany({ where: { expiresAt: { lt: now } } });
    },

    async findLinkedUserId(provider: string, subject: string): Promise<number | null> {
      const account = await db.socialAccount.findUnique({ where: { provider_subject: { provider, subject } }, select: { userId: true } });
      return account?.userId ?? null;
    },

    /** Links the identity to a user; a concurrent link of the same identity is not an error. */
    async link(provider: string, subject: string, userId: number, email: string): Promise<void> {
      try {
        await db.socialAccount.create({ data: { provider, subject, userId, email } });
      } catch (error) {
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      }
    },
  };
}

export type SocialRepository = ReturnType<typeof createSocialRepository>;
