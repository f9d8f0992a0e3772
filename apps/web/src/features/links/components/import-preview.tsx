import type { ImportRow, SkippedRow } from "../import/formats/types";

const PREVIEW_ROWS = 10;

/** What an import will create: the first rows, and every row that will be skipped. */
export function ImportPreview({ rows, skipped, keepCodes }: { rows: ImportRow[]; skipped: SkippedRow[]; keepCodes: boolean }) {
  return (
    <div className="stack">
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Links to create</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Destination</th>
              <th scope="col">Code</th>
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS).map((row) => (
              <tr key={row.line}>
                <td className="num">{row.line}</td>
                <td className="destination">
                  <span className="truncate" title={row.long_url}>
                    {row.long_url}
                  </span>
                </td>
                <td className="mono">{keepCodes && row.custom_code ? row.custom_code : <span className="muted">new</span>}</td>
                <td>{row.tags?.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PREVIEW_ROWS && <p className="muted small">…and {rows.length - PREVIEW_ROWS} more.</p>}
      {rows.some((r) => r.note) && keepCodes && (
        <ul className="small muted">
          {rows
            .filter((r) => r.note)
            .map((r) => (
              <li key={r.line}>
                Row {r.line}: {r.note}
              </li>
            ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <div>
          <p className="small">
            <strong>{skipped.length}</strong> {skipped.length === 1 ? "row" : "rows"} will be skipped:
          </p>
          <ul className="small muted">
            {skipped.map((s) => (
              <li key={s.line}>
                Row {s.line}: {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
