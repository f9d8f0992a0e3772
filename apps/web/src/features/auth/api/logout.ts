import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { paths } from "../../../config/paths";
import { apiFetch } from "../../../lib/api-client";
import { setToken } from "../../../lib/auth-token";

/** Ends the session on the server (its refresh cookie), clears local state, goes to login. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    // Signing out locally must work even when the API cannot be reached.
    await apiFetch("/api/auth/logout", { method: "POST", skipAuth: true }).catch(() => undefined);
    setToken(null);
    queryClient.clear();
    void navigate(paths.login, { replace: true });
  };
}
