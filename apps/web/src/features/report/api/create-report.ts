import { type CreateReportRequest } from "@shortly/contract";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../lib/api-client";

export const useCreateReport = () =>
  useMutation({
    mutationFn: (body: CreateReportRequest) =>
      apiFetch("/api/reports", { method: "POST", body, skipAuth: true, schema: z.object({ short_code: z.string() }) }),
  });
