import type { LinkAnalyticsResponse } from "@shortly/contract";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { emptyBreakdowns } from "../../../../testing/analytics-fixtures";
import { Breakdowns } from "../breakdowns";

const empty: LinkAnalyticsResponse = {
  from: "2026-11-16",
  to: "2026-11-22",
  total_clicks: 0,
  unique_visitors: 0,
  bot_clicks: 0,
  by_date: [],
  ...emptyBreakdowns(),
};

const section = (title: string) => screen.getByRole("heading", { name: title }).closest("section")!;

describe("Breakdowns", () => {
  it("says no city is known when clicks have no city, rather than that there were none", () => {
    render(<Breakdowns data={{ ...empty, total_clicks: 1, countries: [{ value: null, clicks: 1 }] }} />);
    expect(within(section("Countries")).getByText(/Unknown/)).toBeInTheDocument();
    expect(within(section("Cities")).getByText("No city known for these clicks.")).toBeInTheDocument();
  });

  it("says there were no clicks when there were none", () => {
    render(<Breakdowns data={empty} />);
    expect(within(section("Cities")).getByText("No clicks in this range.")).toBeInTheDocument();
  });
});
