import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";

/** Every click of one link (or, without a code, of the account) as a CSV file the browser saves. */
async function downloadClicksCsv(code: string | null): Promise<void> {
  const path = code ? `/api/urls/${encodeURIComponent(code)}/clicks.csv` : "/api/analytics/clicks.csv";
  const blob = (await apiFetch(path, { responseType: "blob" })) as Blob;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = code ? `shortly-${code}-clicks.csv` : "shortly-clicks.csv";
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useDownloadClicksCsv = () => useMutation({ mutationFn: downloadClicksCsv });
