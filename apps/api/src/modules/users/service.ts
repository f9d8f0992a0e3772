import type { Plan, UserResponse } from "@shortly/contract";
import { NotAuthenticatedError } from "../../lib/app-error.js";
import { EmailTakenError } from "./errors.js";
import { DuplicateEmailError, type UserRecord, type UsersRepository } from "./repository.js";

export type { UserRecord };

const planOf = (user: UserRecord): Plan => (user.plan === "pro" ? "pro" : "free");

export interface UsersServiceOptions {
  /** Links each plan may hold (null: no limit), from the configuration. */
  planLimits: Record<Plan, number | null>;
}

export function createUsersService(repo: UsersRepository, { planLimits }: UsersServiceOptions) {
  return {
    /** The account as GET /api/me and register answer it. */
    toResponse(user: UserRecord): UserResponse {
      return {
        id: user.id,
        email: user.email,
        is_active: user.isActive,
        plan: planOf(user),
        created_at: user.createdAt.toISOString(),
        role: user.role === "admin" ? "admin" : "user",
        link_limit: planLimits[planOf(user)],
      };
    },

    /** How many links this account may hold; null: no limit. */
    linkLimitOf: (user: UserRecord): number | null => planLimits[planOf(user)],

    recordLogin: repo.recordLogin,
    grantAdmin: repo.grantAdmin,

    /** The signed-in user; a token for a deleted or disabled account is no longer valid. */
    async getActiveUserOrThrow(id: number): Promise<UserRecord> {
      const user = await repo.findById(id);
      if (!user || !user.isActive) throw new NotAuthenticatedError();
      return user;
    },

    /** Whether the account exists and may sign in; rejects when the database cannot tell. */
    async isActive(id: number): Promise<boolean> {
      const user = await repo.findById(id);
      return user !== null && user.isActive;
    },

    findCredentialsByEmail: repo.findCredentialsByEmail,

    /** For social sign-up: a password-less account, or the one that won a concurrent sign-up. */
    async createOrFindUser(email: string): Promise<UserRecord> {
      try {
        return await repo.create(email, null);
      } catch (error) {
        if (!(error instanceof DuplicateEmailError)) throw error;
        const existing = await repo.findCredentialsByEmail(email);
        if (!existing) throw error;
        return existing;
      }
    },

    async createUser(email: string, passwordHash: string): Promise<UserRecord> {
      try {
        return await repo.create(email, passwordHash);
      } catch (error) {
        if (error instanceof DuplicateEmailError) throw new EmailTakenError();
        throw error;
      }
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
