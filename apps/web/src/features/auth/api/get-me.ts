import { userResponseSchema } from "@shortly/contract";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { useToken } from "../../../lib/auth-token";

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: ({ signal }) => apiFetch("/api/me", { schema: userResponseSchema, signal }),
});

/** The signed-in user; idle when there is no token. */
export function useMe() {
  const token = useToken();
  return useQuery({ ...meQuery, enabled: token !== null });
}
