import type { Plan } from "@shortly/contract";

/** "2 of 3 links" on the account's plan (its limit from /api/me); a meter so it reads at a glance. */
export function PlanUsage({ used, limit, plan }: { used: number; limit: number | null; plan: Plan }) {
  const name = plan === "pro" ? "Pro" : "free";
  if (limit === null)
    return (
      <p className="muted">
        {plan === "pro" ? "Pro plan" : "Free plan"} · {used} links
      </p>
    );
  const full = used >= limit;
  return (
    <div className="plan-usage">
      <p>
        <strong>
          {used} of {limit} links
        </strong>{" "}
        used on the {name} plan{full ? " — delete one to create another." : "."}
      </p>
      <meter min={0} max={limit} value={Math.min(used, limit)} aria-label={`${plan === "pro" ? "Pro" : "Free"} plan links used`} />
    </div>
  );
}
