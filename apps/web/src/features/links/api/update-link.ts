import { linkItemSchema, type UpdateUrlRequest } from "@shortly/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { linksKeys } from "./links-keys";

export const updateLink = ({ code, changes }: { code: string; changes: UpdateUrlRequest }) =>
  apiFetch(`/api/urls/${encodeURIComponent(code)}`, { method: "PATCH", body: changes, schema: linkItemSchema });

export function useUpdateLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linksKeys.all }),
  });
}
