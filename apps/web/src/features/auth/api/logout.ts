import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { paths } from "../../../config/paths";
import { setToken } from "../../../lib/auth-token";

/** Clears the token and every cached answer, then goes to the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return () => {
    setToken(null);
    queryClient.clear();
    void navigate(paths.login, { replace: true });
  };
}
