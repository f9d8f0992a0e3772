import { apiKeyListSchema } from "@shortly/contract";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { apiKeysKeys } from "./api-keys-keys";

export const getApiKeys = () => apiFetch("/api/keys", { schema: apiKeyListSchema });

export function useApiKeys() {
  return useQuery({ queryKey: apiKeysKeys.all, queryFn: getApiKeys });
}
