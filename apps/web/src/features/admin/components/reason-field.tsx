import { TextField } from "../../../components/ui/text-field";

/** The reason an action is recorded with in the audit log. */
export function ReasonField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <TextField
      className="grow"
      label="Reason for the next action"
      value={value}
      maxLength={500}
      placeholder="e.g. phishing reported by a visitor"
      hint="Recorded in the audit log"
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
