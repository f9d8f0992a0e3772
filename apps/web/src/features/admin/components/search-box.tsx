import { useId } from "react";

export function SearchBox({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field grow">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} maxLength={200} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
