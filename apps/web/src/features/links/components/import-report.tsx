import type { ImportOutcome } from "../api/import-links";

/** Per row, what the import did: the new link, or why it was skipped. */
export function ImportReport({ outcomes }: { outcomes: ImportOutcome[] }) {
  const created = outcomes.filter((o) => o.created).length;
  return (
    <div className="stack">
      <p role="status">
        <strong>{created}</strong> created, <strong>{outcomes.length - created}</strong> skipped.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Import report</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Destination</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map(({ row, created: code, skipped }) => (
              <tr key={row.line}>
                <td className="num">{row.line}</td>
                <td className="destination">
                  <span className="truncate" title={row.long_url}>
                    {row.long_url}
                  </span>
                </td>
                <td>{code ? <span className="mono">Created /{code}</span> : <span className="danger-text">Skipped: {skipped}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
