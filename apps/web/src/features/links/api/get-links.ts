import { listUrlsResponseSchema } from "@shortly/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { linksKeys } from "./links-keys";

export const PAGE_SIZE = 20;

export function useLinks(page: number) {
  const offset = page * PAGE_SIZE;
  return useQuery({
    queryKey: linksKeys.list(PAGE_SIZE, offset),
    queryFn: ({ signal }) => apiFetch(`/api/urls?limit=${PAGE_SIZE}&offset=${offset}`, { schema: listUrlsResponseSchema, signal }),
    placeholderData: keepPreviousData,
  });
}
