import { useId, useState, type ChangeEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { useImportLinks } from "../api/import-links";
import { parseImport, type ParsedImport } from "../import/parse-import";
import { ImportPreview } from "./import-preview";
import { ImportReport } from "./import-report";

/**
 * Import from a CSV file: choose it, see what will be created, then create
 * the links with a progress bar and a report per row.
 */
export function ImportLinks() {
  const inputId = useId();
  const [parsed, setParsed] = useState<ParsedImport | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [keepCodes, setKeepCodes] = useState(true);
  const importer = useImportLinks();
  const { done, total, waiting } = importer.progress;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    importer.reset();
    setParsed(null);
    setFileError(null);
    const file = event.target.files?.[0];
    if (!file) return;
    const result = parseImport(await file.text());
    if ("error" in result) setFileError(result.error);
    else setParsed(result);
  };

  const started = importer.isPending || importer.isSuccess || importer.isError;
  return (
    <details className="card options import">
      <summary>Import links from a CSV file</summary>
      <div className="stack">
        <p className="muted small">
          An export from Bitly, Kutt, YOURLS or Shlink, or lines of <span className="mono">url,code</span>. You see what will be created
          before anything is.
        </p>
        <div className="field">
          <label htmlFor={inputId}>CSV file</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => void choose(e)}
            disabled={importer.isPending}
          />
        </div>
        {fileError && <Alert>{fileError}</Alert>}
        {parsed && !started && (
          <>
            <p>
              Read as a <strong>{parsed.format}</strong> file: <strong>{parsed.rows.length}</strong>{" "}
              {parsed.rows.length === 1 ? "link" : "links"} to create.
            </p>
            <label className="row small">
              <input type="checkbox" checked={keepCodes} onChange={(e) => setKeepCodes(e.target.checked)} /> Keep the original short codes
            </label>
            <ImportPreview rows={parsed.rows} skipped={parsed.skipped} keepCodes={keepCodes} />
            <div>
              <Button disabled={parsed.rows.length === 0} onClick={() => importer.mutate({ rows: parsed.rows, keepCodes })}>
                Import {parsed.rows.length} {parsed.rows.length === 1 ? "link" : "links"}
              </Button>
            </div>
          </>
        )}
        {started && (
          <div className="stack">
            <label className="stack small">
              <span>
                {importer.isPending ? (waiting ? "Paused by the rate limit, resuming shortly…" : "Importing…") : "Import finished"} {done}{" "}
                of {total}
              </span>
              <progress max={total} value={done} />
            </label>
            {importer.isError && <Alert>The import stopped: {importer.error.message} Rows not listed below were not imported.</Alert>}
            {importer.outcomes.length > 0 && <ImportReport outcomes={importer.outcomes} />}
          </div>
        )}
      </div>
    </details>
  );
}
