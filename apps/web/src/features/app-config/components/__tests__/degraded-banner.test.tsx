import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { htmlResponse, jsonResponse, renderWithProviders } from "../../../../testing/render";
import { DegradedBanner } from "../degraded-banner";

const config = {
  version: "1.0.0",
  short_url_base: "http://sho.rt",
  free_plan_limit: 3,
  features: { registration: true, social_login: false, realtime: false },
};

describe("DegradedBanner", () => {
  it("stays hidden while /api/config loads fine", async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(200, config));
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<DegradedBanner />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith("/api/config", expect.anything()));
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
  });

  it("explains a failed boot config and recovers on retry", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(htmlResponse(500, "<html>oops</html>"))
      .mockResolvedValueOnce(jsonResponse(200, config));
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<DegradedBanner />);
    expect(await screen.findByText("Some features may not work right now.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    await vi.waitFor(() => expect(screen.queryByText("Some features may not work right now.")).not.toBeInTheDocument());
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
