import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { linksKeys } from "./links-keys";

export const deleteLink = (code: string) => apiFetch(`/api/urls/${encodeURIComponent(code)}`, { method: "DELETE" });

export function useDeleteLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linksKeys.all }),
  });
}
