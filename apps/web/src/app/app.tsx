import { createBrowserRouter, RouterProvider } from "react-router";

// Placeholder until the web app issue lands: proves the shell is served.
function Landing() {
  return (
    <main>
      <h1>Shortly</h1>
      <p>Short links with click statistics. The web app is on its way; the API is live under /api.</p>
    </main>
  );
}

const router = createBrowserRouter([{ path: "*", element: <Landing /> }]);

export function App() {
  return <RouterProvider router={router} />;
}
