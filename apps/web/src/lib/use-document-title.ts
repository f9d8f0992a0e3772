import { useEffect } from "react";

/** The page title follows the route: "Dashboard · Shortly". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Shortly` : "Shortly: short links you can trust";
  }, [title]);
}
