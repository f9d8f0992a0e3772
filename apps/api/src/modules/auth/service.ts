import type { LoginRequest, RegisterRequest } from "@shortly/contract";
import { RateLimitedError } from "../../lib/app-error.js";
import { SessionExpiredError, type IssuedRefreshToken, type SessionsService } from "../sessions/service.js";
import type { UserRecord, UsersService } from "../users/service.js";
import { InvalidCredentialsError } from "./errors.js";
import type { LoginThrottle } from "./login-throttle.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";

export interface AuthServiceDeps {
  users: UsersService;
  sessions: SessionsService;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  signAccessToken: (userId: number) => string;
}

/** What a successful sign-in hands back: the contract's body plus the refresh token for the cookie. */
export interface SignedIn {
  body: { access_token: string; token_type: "bearer" };
  refresh: IssuedRefreshToken;
}

export function createAuthService({ users, sessions, hasher, throttle, signAccessToken }: AuthServiceDeps) {
  const signedIn = async (userId: number, refresh?: IssuedRefreshToken): Promise<SignedIn> => ({
    body: { access_token: signAccessToken(userId), token_type: "bearer" },
    refresh: refresh ?? (await sessions.start(userId)),
  });

  return {
    async register({ email, password }: RegisterRequest): Promise<UserRecord> {
      return users.createUser(email, await hasher.hash(password));
    },

    async login({ username, password }: LoginRequest, ip: string): Promise<SignedIn> {
      const email = username.trim().toLowerCase();
      const wait = await throttle.waitSeconds(email, ip);
      if (wait > 0) throw new RateLimitedError(wait);
      const user = await users.findCredentialsByEmail(email);
      let matches = false;
      if (user?.passwordHash) matches = await hasher.verify(password, user.passwordHash);
      else await hasher.burn(password); // same time for unknown emails and password-less (social) accounts
      if (!user || !matches || !user.isActive) {
        await throttle.failed(email, ip);
        throw new InvalidCredentialsError();
      }
      await throttle.succeeded(email, ip);
      await users.recordLogin(user.id);
      return signedIn(user.id);
    },

    /** A new access token for a live refresh token, which is rotated. */
    async refresh(token: string | undefined): Promise<SignedIn> {
      const { userId, next } = await sessions.rotate(token);
      const user = await users.getActiveUserOrThrow(userId).catch(() => null);
      if (!user) {
        await sessions.end(next.token);
        throw new SessionExpiredError();
      }
      return signedIn(userId, next);
    },

    /** Signs in an account found or created by social login. */
    async signIn(userId: number): Promise<SignedIn> {
      await users.recordLogin(userId);
      return signedIn(userId);
    },

    logout: (token: string | undefined) => sessions.end(token),
    logoutEverywhere: (userId: number) => sessions.endAll(userId),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
