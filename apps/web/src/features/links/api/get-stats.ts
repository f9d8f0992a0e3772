import { statsResponseSchema } from "@shortly/contract";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { linksKeys } from "./links-keys";

export const useStats = (code: string) =>
  useQuery({
    queryKey: linksKeys.stats(code),
    queryFn: ({ signal }) => apiFetch(`/api/urls/${encodeURIComponent(code)}/stats`, { schema: statsResponseSchema, signal }),
  });
