import { Button } from "../../../components/ui/button";
import { useDownloadClicksCsv } from "../api/download-clicks-csv";

/** Downloads every recorded click (of one link, or of the account) as CSV. */
export function ExportCsvButton({ code = null }: { code?: string | null }) {
  const download = useDownloadClicksCsv();
  return (
    <span className="export">
      <Button variant="secondary" size="sm" busy={download.isPending} onClick={() => download.mutate(code)}>
        Export CSV
      </Button>
      {download.isError && (
        <span role="alert" className="danger-text small">
          {download.error.message}
        </span>
      )}
    </span>
  );
}
