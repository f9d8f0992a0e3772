import {
  listAdminLinksResponseSchema,
  listAdminUsersResponseSchema,
  listAuditResponseSchema,
  listBlockedHostsResponseSchema,
  listLinkReportsResponseSchema,
} from "@shortly/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { adminKeys } from "./admin-keys";

const search = (q: string) => (q ? `?q=${encodeURIComponent(q)}&limit=50` : "?limit=50");

export const useAdminUsers = (q: string) =>
  useQuery({
    queryKey: adminKeys.users(q),
    queryFn: ({ signal }) => apiFetch(`/api/admin/users${search(q)}`, { schema: listAdminUsersResponseSchema, signal }),
    placeholderData: keepPreviousData,
  });

export const useAdminLinks = (q: string) =>
  useQuery({
    queryKey: adminKeys.links(q),
    queryFn: ({ signal }) => apiFetch(`/api/admin/links${search(q)}`, { schema: listAdminLinksResponseSchema, signal }),
    placeholderData: keepPreviousData,
  });

export const useBlockedHosts = (q: string) =>
  useQuery({
    queryKey: adminKeys.hosts(q),
    queryFn: ({ signal }) => apiFetch(`/api/admin/blocked-hosts${search(q)}`, { schema: listBlockedHostsResponseSchema, signal }),
    placeholderData: keepPreviousData,
  });

export const useReports = () =>
  useQuery({
    queryKey: adminKeys.reports,
    queryFn: ({ signal }) => apiFetch("/api/admin/reports?limit=50", { schema: listLinkReportsResponseSchema, signal }),
  });

export const useAudit = () =>
  useQuery({
    queryKey: adminKeys.audit,
    queryFn: ({ signal }) => apiFetch("/api/admin/audit?limit=50", { schema: listAuditResponseSchema, signal }),
  });
