import { LINK_SORTS, linkStateSchema } from "@shortly/contract";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { LinkView } from "../api/get-links";

const DEFAULTS: LinkView = { q: "", tag: "", state: "", sort: "-created_at", page: 0 };

function readView(params: URLSearchParams): LinkView {
  const state = linkStateSchema.safeParse(params.get("state"));
  const sort = LINK_SORTS.find((s) => s === params.get("sort"));
  const page = Number.parseInt(params.get("page") ?? "", 10);
  return {
    q: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    state: state.success ? state.data : "",
    sort: sort ?? DEFAULTS.sort,
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  };
}

/**
 * The link manager's view lives in the URL (?q=&tag=&state=&sort=&page=), so
 * it can be shared and survives a reload. Changing a filter goes back to the
 * first page; values equal to the default are left out of the URL.
 */
export function useLinkView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);

  const setView = useCallback(
    (changes: Partial<LinkView>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = { ...readView(current), page: 0, ...changes };
          const out = new URLSearchParams(current);
          for (const key of ["q", "tag", "state", "sort"] as const) {
            if (next[key] && next[key] !== DEFAULTS[key]) out.set(key, next[key]);
            else out.delete(key);
          }
          if (next.page > 0) out.set("page", String(next.page + 1));
          else out.delete("page");
          return out;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  const filtered = Boolean(view.q || view.tag || view.state);
  return { view, setView, filtered, clear: () => setView({ q: "", tag: "", state: "" }) };
}
