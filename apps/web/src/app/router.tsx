import { createBrowserRouter } from "react-router";
import { Spinner } from "../components/ui/spinner";
import { paths } from "../config/paths";
import { AppLayout } from "./layouts/app-layout";
import { requireAuth } from "./require-auth";
import { RouteError } from "./routes/route-error";

// Each page is its own chunk, loaded when first visited.
export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      // Shown while the first page's chunk loads.
      HydrateFallback: () => <Spinner label="Loading…" />,
      children: [
        { path: paths.home, lazy: () => import("./routes/landing").then((m) => ({ Component: m.LandingRoute })) },
        { path: paths.login, lazy: () => import("./routes/login").then((m) => ({ Component: m.LoginRoute })) },
        { path: paths.register, lazy: () => import("./routes/register").then((m) => ({ Component: m.RegisterRoute })) },
        {
          path: paths.dashboard,
          loader: requireAuth,
          lazy: () => import("./routes/dashboard").then((m) => ({ Component: m.DashboardRoute })),
        },
        {
          path: paths.links,
          loader: requireAuth,
          lazy: () => import("./routes/links").then((m) => ({ Component: m.LinksRoute })),
        },
        {
          path: "/links/:code",
          loader: requireAuth,
          lazy: () => import("./routes/link-stats").then((m) => ({ Component: m.LinkStatsRoute })),
        },
        {
          path: paths.account,
          loader: requireAuth,
          lazy: () => import("./routes/account").then((m) => ({ Component: m.AccountRoute })),
        },
        {
          path: paths.admin,
          loader: requireAuth,
          lazy: () => import("./routes/admin").then((m) => ({ Component: m.AdminRoute })),
        },
        { path: paths.report, lazy: () => import("./routes/report").then((m) => ({ Component: m.ReportRoute })) },
        { path: "/auth/callback", lazy: () => import("./routes/auth-callback").then((m) => ({ Component: m.AuthCallbackRoute })) },
        { path: "*", lazy: () => import("./routes/not-found").then((m) => ({ Component: m.NotFoundRoute })) },
      ],
    },
  ]);
}
