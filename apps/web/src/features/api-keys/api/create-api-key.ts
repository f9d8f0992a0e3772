import { createdApiKeySchema, type CreateApiKeyRequest } from "@shortly/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { apiKeysKeys } from "./api-keys-keys";

export const createApiKey = (body: CreateApiKeyRequest) => apiFetch("/api/keys", { method: "POST", body, schema: createdApiKeySchema });

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKeys.all }),
  });
}
