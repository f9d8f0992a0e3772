import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-error";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // apiFetch already retried gateway errors; 4xx/500 answers will not change by asking again.
        retry: (count, error) => !(error instanceof ApiError) && count < 1,
      },
    },
  });
}
