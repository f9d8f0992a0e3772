import type { LoginRequest, RegisterRequest, TokenResponse } from "@shortly/contract";
import type { UserRecord, UsersService } from "../users/service.js";
import { InvalidCredentialsError } from "./errors.js";
import type { PasswordHasher } from "./password-hasher.js";

export interface AuthServiceDeps {
  users: UsersService;
  hasher: PasswordHasher;
  signAccessToken: (userId: number) => string;
}

export function createAuthService({ users, hasher, signAccessToken }: AuthServiceDeps) {
  return {
    async register({ email, password }: RegisterRequest): Promise<UserRecord> {
      return users.createUser(email, await hasher.hash(password));
    },

    async login({ username, password }: LoginRequest): Promise<TokenResponse> {
      const user = await users.findCredentialsByEmail(username.trim().toLowerCase());
      if (!user) {
        await hasher.burn(password);
        throw new InvalidCredentialsError();
      }
      const matches = await hasher.verify(password, user.passwordHash);
      if (!matches || !user.isActive) throw new InvalidCredentialsError();
      return { access_token: signAccessToken(user.id), token_type: "bearer" };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
