import type { ReactNode } from "react";

/** A message in the page flow; errors are announced to screen readers at once. */
export function Alert({
  tone = "error",
  children,
  action,
}: {
  tone?: "error" | "info" | "success" | "warning";
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      <div className="alert-body">{children}</div>
      {action}
    </div>
  );
}
