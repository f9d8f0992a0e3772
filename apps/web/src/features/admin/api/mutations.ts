import {
  adminLinkSchema,
  adminUserSchema,
  blockedHostSchema,
  type CreateBlockedHostRequest,
  type UpdateAdminLinkRequest,
  type UpdateAdminUserRequest,
} from "@shortly/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { adminKeys } from "./admin-keys";

/** Every console action changes what several tabs show (and the audit log): refresh them all. */
function useAdminMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }) });
}

export const useUpdateUser = () =>
  useAdminMutation(({ id, changes }: { id: number; changes: UpdateAdminUserRequest }) =>
    apiFetch(`/api/admin/users/${id}`, { method: "PATCH", body: changes, schema: adminUserSchema }),
  );

export const useUpdateLink = () =>
  useAdminMutation(({ code, changes }: { code: string; changes: UpdateAdminLinkRequest }) =>
    apiFetch(`/api/admin/links/${encodeURIComponent(code)}`, { method: "PATCH", body: changes, schema: adminLinkSchema }),
  );

export const useBlockHost = () =>
  useAdminMutation((body: CreateBlockedHostRequest) =>
    apiFetch("/api/admin/blocked-hosts", { method: "POST", body, schema: blockedHostSchema }),
  );

export const useUnblockHost = () =>
  useAdminMutation((host: string) => apiFetch(`/api/admin/blocked-hosts/${encodeURIComponent(host)}`, { method: "DELETE" }));
