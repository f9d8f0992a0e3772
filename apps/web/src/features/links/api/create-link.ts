import { createdUrlResponseSchema, type CreateUrlRequest } from "@shortly/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { linksKeys } from "./links-keys";

export const createLink = (body: CreateUrlRequest) => apiFetch("/api/urls", { method: "POST", body, schema: createdUrlResponseSchema });

export function useCreateLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linksKeys.all }),
  });
}
