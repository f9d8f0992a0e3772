import type { Plan, UserResponse } from "@shortly/contract";
import { NotAuthenticatedError } from "../../lib/app-error.js";
import type { UserRecord, UsersRepository } from "./repository.js";
import { createSignUp } from "./sign-up.js";
import { planOf, toUserResponse } from "./user-response.js";

export type { UserRecord };

export interface UsersServiceOptions {
  /** Links each plan may hold (null: no limit), from the configuration. */
  planLimits: Record<Plan, number | null>;
}

export function createUsersService(repo: UsersRepository, { planLimits }: UsersServiceOptions) {
  return {
    toResponse: (user: UserRecord): UserResponse => toUserResponse(user, planLimits),

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

    ...createSignUp(repo),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
