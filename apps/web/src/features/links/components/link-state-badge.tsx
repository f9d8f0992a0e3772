import type { LinkState } from "@shortly/contract";

const LABELS: Record<LinkState, string> = {
  active: "Active",
  disabled: "Disabled",
  expired: "Expired",
  limit_reached: "Limit reached",
};

export const LinkStateBadge = ({ state }: { state: LinkState }) => <span className={`badge badge-${state}`}>{LABELS[state]}</span>;
