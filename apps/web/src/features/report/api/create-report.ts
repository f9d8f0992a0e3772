import { createReportResponseSchema, type CreateReportRequest } from "@shortly/contract";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";

export const useCreateReport = () =>
  useMutation({
    mutationFn: (body: CreateReportRequest) =>
      apiFetch("/api/reports", { method: "POST", body, skipAuth: true, schema: createReportResponseSchema }),
  });
