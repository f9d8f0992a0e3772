import type { Plan } from "@shortly/contract";

/** "2 of 3 links" on the free plan; a meter so it reads at a glance. */
export function PlanUsage({ used, limit, plan }: { used: number; limit: number; plan: Plan }) {
  if (plan !== "free") return <p className="muted">Pro plan · {used} links</p>;
  const full = used >= limit;
  return (
    <div className="plan-usage">
      <p>
        <strong>
          {used} of {limit} links
        </strong>{" "}
        used on the free plan{full ? " — delete one to create another." : "."}
      </p>
      <meter min={0} max={limit} value={Math.min(used, limit)} aria-label="Free plan links used" />
    </div>
  );
}
