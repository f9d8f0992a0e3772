import { listTagsResponseSchema } from "@shortly/contract";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { linksKeys } from "./links-keys";

/** The account's tags, most used first (GET /api/tags). */
export function useTags() {
  return useQuery({
    queryKey: linksKeys.tags,
    queryFn: ({ signal }) => apiFetch("/api/tags", { schema: listTagsResponseSchema, signal }),
    select: (data) => data.items,
  });
}
