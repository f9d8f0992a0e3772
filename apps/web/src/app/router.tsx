import { createBrowserRouter, Navigate } from "react-router";
import { paths } from "../config/paths";
import { AppLayout } from "./layouts/app-layout";
import { RequireAuth } from "./require-auth";
import { RouteError } from "./routes/route-error";

// Each page is its own chunk, loaded when first visited.
export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { path: paths.home, lazy: () => import("./routes/landing").then((m) => ({ Component: m.LandingRoute })) },
        { path: paths.login, lazy: () => import("./routes/login").then((m) => ({ Component: m.LoginRoute })) },
        { path: paths.register, lazy: () => import("./routes/register").then((m) => ({ Component: m.RegisterRoute })) },
        {
          path: paths.dashboard,
          lazy: () => import("./routes/dashboard").then((m) => ({ element: <RequireAuth><m.DashboardRoute /></RequireAuth> })),
        },
        {
          path: "/links/:code",
          lazy: () => import("./routes/link-stats").then((m) => ({ element: <RequireAuth><m.LinkStatsRoute /></RequireAuth> })),
        },
        {
          path: paths.account,
          lazy: () => import("./routes/account").then((m) => ({ element: <RequireAuth><m.AccountRoute /></RequireAuth> })),
        },
        { path: "/links", element: <Navigate to={paths.dashboard} replace /> },
        { path: "*", lazy: () => import("./routes/not-found").then((m) => ({ Component: m.NotFoundRoute })) },
      ],
    },
  ]);
}
