import { useState } from "react";
import { RouterProvider } from "react-router/dom";
import { paths } from "../config/paths";
import { setUnauthorizedHandler } from "../lib/api-client";
import { AppProvider } from "./provider";
import { createRouter } from "./router";

export function App() {
  const [router] = useState(() => {
    const created = createRouter();
    // A 401 on an authenticated call means the session is gone: log in again, then come back.
    setUnauthorizedHandler(() => {
      const { pathname, search } = created.state.location;
      if (pathname === paths.login) return;
      void created.navigate(`${paths.login}?next=${encodeURIComponent(pathname + search)}&expired=1`, { replace: true });
    });
    // Signing out in another tab signs this one out too.
    window.addEventListener("storage", (event) => {
      if (event.key === "auth_token" && event.newValue === null && created.state.location.pathname !== paths.login) {
        void created.navigate(paths.login, { replace: true });
      }
    });
    return created;
  });
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
