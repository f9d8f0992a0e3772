import type { Plan, UserResponse } from "@shortly/contract";
import type { UserRecord } from "./repository.js";

export const planOf = (user: UserRecord): Plan => (user.plan === "pro" ? "pro" : "free");

/** The account as GET /api/me and register answer it. */
export function toUserResponse(user: UserRecord, planLimits: Record<Plan, number | null>): UserResponse {
  return {
    id: user.id,
    email: user.email,
    is_active: user.isActive,
    plan: planOf(user),
    created_at: user.createdAt.toISOString(),
    role: user.role === "admin" ? "admin" : "user",
    link_limit: planLimits[planOf(user)],
  };
}
