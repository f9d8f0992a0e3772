import { socialProvidersResponseSchema } from "@shortly/contract";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";

export const useSocialProviders = () =>
  useQuery({
    queryKey: ["social-providers"],
    queryFn: ({ signal }) => apiFetch("/api/auth/social/providers", { schema: socialProvidersResponseSchema, skipAuth: true, signal }),
    staleTime: 5 * 60_000,
  });
