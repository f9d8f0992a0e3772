import { TextField } from "../../../components/ui/text-field";
import { hasUtm, UTM_FIELDS, withUtm, type Utm, type UtmField } from "../utils/utm";

const LABELS: Record<UtmField, [string, string]> = {
  source: ["Source", "newsletter"],
  medium: ["Medium", "email"],
  campaign: ["Campaign", "spring-sale"],
  term: ["Term", "running shoes"],
  content: ["Content", "header-link"],
};

/** UTM parameters for the destination, with the URL they make shown before the link is created. */
export function UtmBuilder({ longUrl, utm, onChange }: { longUrl: string; utm: Utm; onChange: (utm: Utm) => void }) {
  const preview = hasUtm(utm) ? withUtm(longUrl, utm) : null;
  return (
    <details className="options" open={hasUtm(utm) || undefined}>
      <summary>UTM parameters for campaign tracking</summary>
      <div className="options-grid">
        {UTM_FIELDS.map((field) => (
          <TextField
            key={field}
            label={LABELS[field][0]}
            name={`utm_${field}`}
            placeholder={LABELS[field][1]}
            value={utm[field] ?? ""}
            onChange={(e) => onChange({ ...utm, [field]: e.target.value })}
          />
        ))}
      </div>
      {hasUtm(utm) && (
        <p className="small utm-preview" aria-live="polite">
          {preview ? (
            <>
              Destination with parameters:{" "}
              <span className="mono break" data-testid="utm-preview">
                {preview}
              </span>
            </>
          ) : (
            "Enter the long URL above to see the destination with its parameters."
          )}
        </p>
      )}
    </details>
  );
}
