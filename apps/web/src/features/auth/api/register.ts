import { userResponseSchema, type RegisterRequest } from "@shortly/contract";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";

export const register = (body: RegisterRequest) =>
  apiFetch("/api/auth/register", { method: "POST", body, schema: userResponseSchema, skipAuth: true });

export const useRegister = () => useMutation({ mutationFn: register });
