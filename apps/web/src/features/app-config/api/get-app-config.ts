import { appConfigResponseSchema } from "@shortly/contract";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";

export const appConfigQuery = queryOptions({
  queryKey: ["app-config"],
  queryFn: ({ signal }) => apiFetch("/api/config", { schema: appConfigResponseSchema, skipAuth: true, signal }),
  staleTime: 5 * 60_000,
});

export const useAppConfig = () => useQuery(appConfigQuery);
