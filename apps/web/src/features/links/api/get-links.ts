import { listUrlsResponseSchema, type LinkState, type ListUrlsQuery } from "@shortly/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { linksKeys } from "./links-keys";

export const PAGE_SIZE = 20;

/** What the link manager shows: a search, filters, an order and a page (0-based). */
export interface LinkView {
  q: string;
  tag: string;
  state: LinkState | "";
  sort: NonNullable<ListUrlsQuery["sort"]>;
  page: number;
}

function queryString(view: LinkView): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(view.page * PAGE_SIZE) });
  if (view.q) params.set("q", view.q);
  if (view.tag) params.set("tag", view.tag);
  if (view.state) params.set("state", view.state);
  if (view.sort !== "-created_at") params.set("sort", view.sort);
  return params.toString();
}

export function useLinks(view: LinkView) {
  const query = queryString(view);
  return useQuery({
    queryKey: linksKeys.list(query),
    queryFn: ({ signal }) => apiFetch(`/api/urls?${query}`, { schema: listUrlsResponseSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many links the account has in all (the plan's count), whatever the view. */
export function useLinkCount() {
  return useQuery({
    queryKey: linksKeys.list("count"),
    queryFn: ({ signal }) => apiFetch("/api/urls?limit=1", { schema: listUrlsResponseSchema, signal }),
    select: (data) => data.total,
  });
}
