import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithProviders } from "../../../../testing/render";
import { CreateLinkForm } from "../create-link-form";

describe("CreateLinkForm", () => {
  it("refuses a javascript: URL without calling the API", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<CreateLinkForm onCreated={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Long URL"), "javascript:alert(1)");
    await userEvent.click(screen.getByRole("button", { name: "Shorten" }));
    expect(await screen.findByText("Enter a full web address starting with http:// or https://.")).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the plan-limit 403 where the user acted", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(jsonResponse(403, { detail: "Free plan limit: You can only create up to 3 URLs" })));
    renderWithProviders(<CreateLinkForm onCreated={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Long URL"), "https://example.com");
    await userEvent.click(screen.getByRole("button", { name: "Shorten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Free plan limit: You can only create up to 3 URLs");
  });

  it("sends the options and marks a taken custom code on the field", async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(409, { detail: "Short code already in use" }));
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<CreateLinkForm onCreated={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Long URL"), "https://example.com");
    await userEvent.click(screen.getByText(/Options/));
    await userEvent.type(screen.getByLabelText("Custom code"), "launch");
    await userEvent.type(screen.getByLabelText("Click limit"), "5");
    await userEvent.click(screen.getByRole("button", { name: "Shorten" }));
    expect(await screen.findByText("This code is already taken. Choose another one.")).toBeInTheDocument();
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body)).toEqual({ long_url: "https://example.com", custom_code: "launch", max_clicks: 5 });
  });

  it("previews the destination with UTM parameters and sends it, with tags and a password", async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      jsonResponse(201, {
        short_code: "abc1234",
        long_url: "x",
        created_at: new Date().toISOString(),
        expires_at: null,
        is_active: true,
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<CreateLinkForm onCreated={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Long URL"), "https://example.com/sale?id=7");
    await userEvent.click(screen.getByText("UTM parameters for campaign tracking"));
    await userEvent.type(screen.getByLabelText("Source"), "newsletter");
    await userEvent.type(screen.getByLabelText("Campaign"), "spring sale");
    expect(screen.getByTestId("utm-preview")).toHaveTextContent(
      "https://example.com/sale?id=7&utm_source=newsletter&utm_campaign=spring+sale",
    );
    await userEvent.click(screen.getByText(/^Options/));
    await userEvent.type(screen.getByLabelText("Tags"), "news, Spring");
    await userEvent.type(screen.getByLabelText("Password"), "open sesame");
    await userEvent.click(screen.getByRole("button", { name: "Shorten" }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body)).toEqual({
      long_url: "https://example.com/sale?id=7&utm_source=newsletter&utm_campaign=spring+sale",
      tags: ["news", "Spring"],
      password: "open sesame",
    });
  });

  it("refuses a password shorter than 8 bytes on its field", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<CreateLinkForm onCreated={vi.fn()} />);
    await userEvent.type(screen.getByLabelText("Long URL"), "https://example.com");
    await userEvent.click(screen.getByText(/^Options/));
    await userEvent.type(screen.getByLabelText("Password"), "short");
    await userEvent.click(screen.getByRole("button", { name: "Shorten" }));
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
