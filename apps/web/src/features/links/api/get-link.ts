import { linkItemSchema } from "@shortly/contract";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { linksKeys } from "./links-keys";

export const useLink = (code: string) =>
  useQuery({
    queryKey: linksKeys.detail(code),
    queryFn: ({ signal }) => apiFetch(`/api/urls/${encodeURIComponent(code)}`, { schema: linkItemSchema, signal }),
  });
