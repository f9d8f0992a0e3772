import { tokenResponseSchema, type LoginRequest } from "@shortly/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { setToken } from "../../../lib/auth-token";

export const login = (body: LoginRequest) =>
  apiFetch("/api/auth/login-json", { method: "POST", body, schema: tokenResponseSchema, skipAuth: true });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ access_token }) => {
      queryClient.clear(); // nothing cached may leak from a previous account
      setToken(access_token);
    },
  });
}
