import type { UsersService } from "../users/service.js";
import { SocialLoginError } from "./errors.js";
import type { ProviderIdentity } from "./provider-client.js";
import type { SocialRepository } from "./repository.js";

/**
 * The account a provider's identity signs in to: the one it is linked to, else
 * the account with its email (created if none), which it is then linked to.
 * Only an email address the provider has verified links an identity.
 */
export function createAccountLinking(repo: SocialRepository, users: UsersService) {
  return async function accountFor(provider: string, identity: ProviderIdentity): Promise<number> {
    const linked = await repo.findLinkedUserId(provider, identity.subject);
    if (linked !== null) return linked;
    if (!identity.email || !identity.emailVerified) throw new SocialLoginError("unverified_email");
    const email = identity.email.toLowerCase();
    const existing = await users.findCredentialsByEmail(email);
    const userId = existing?.id ?? (await users.createOrFindUser(email)).id;
    await repo.link(provider, identity.subject, userId, email);
    return userId;
  };
}
