import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithProviders } from "../../../../testing/render";
import { RegisterForm } from "../register-form";

async function fill(email: string, password: string) {
  await userEvent.type(screen.getByLabelText("Email"), email);
  await userEvent.type(screen.getByLabelText("Password"), password);
  await userEvent.click(screen.getByRole("button", { name: "Create account" }));
}

describe("RegisterForm", () => {
  it("validates with the contract's rules before sending", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<RegisterForm onSuccess={vi.fn()} />);
    await fill("not-an-email", "short");
    expect(await screen.findByText("Enter a valid email address.")).toBeInTheDocument();
    expect(screen.getByText("Use at least 8 characters.")).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("explains a 409 and offers to log in", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(jsonResponse(409, { detail: "Email already registered" })));
    renderWithProviders(<RegisterForm onSuccess={vi.fn()} />);
    await fill("taken@example.com", "password123");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("An account with this email already exists.");
    expect(screen.getByRole("link", { name: "Log in instead" })).toHaveAttribute("href", "/login");
  });

  it("puts the API's 422 next to the field it names", async () => {
    vi.stubGlobal(
      "fetch",
      vi
        .fn()
        .mockResolvedValue(
          jsonResponse(422, { detail: [{ loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error.email" }] }),
        ),
    );
    renderWithProviders(<RegisterForm onSuccess={vi.fn()} />);
    await fill("odd@example.com", "password123");
    expect(await screen.findByText("Enter a valid email address.")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
  });

  it("registers, signs in and reports success", async () => {
    const user = {
      id: 1,
      email: "new@example.com",
      is_active: true,
      plan: "free",
      created_at: "2026-01-11T00:00:00.000Z",
      role: "user",
      link_limit: 3,
    };
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(201, user))
      .mockResolvedValueOnce(jsonResponse(200, { access_token: "t", token_type: "bearer" }));
    vi.stubGlobal("fetch", fetchMock);
    const onSuccess = vi.fn();
    renderWithProviders(<RegisterForm onSuccess={onSuccess} />);
    await fill("new@example.com", "password123");
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(["/api/auth/register", "/api/auth/login-json"]);
  });
});
