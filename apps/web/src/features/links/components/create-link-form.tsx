import { createUrlRequestSchema, type CreatedUrlResponse } from "@shortly/contract";
import type { FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-error";
import { useFormErrors } from "../../../lib/use-form-errors";
import { useCreateLink } from "../api/create-link";

/** Form values → the contract's request (empty optional fields left out). */
function toRequest(values: Record<string, FormDataEntryValue>) {
  const text = (name: string) => String(values[name] ?? "").trim();
  return {
    long_url: text("long_url"),
    ...(text("custom_code") && { custom_code: text("custom_code") }),
    // datetime-local is the user's local time; the API takes an instant.
    ...(text("expires_at") && { expires_at: new Date(text("expires_at")).toISOString() }),
    ...(text("max_clicks") && { max_clicks: Number(text("max_clicks")) }),
    ...(text("tags") && {
      tags: text("tags")
        .split(",")
        .filter((t) => t.trim()),
    }),
  };
}

export function CreateLinkForm({ initialUrl = "", onCreated }: { initialUrl?: string; onCreated: (link: CreatedUrlResponse) => void }) {
  const create = useCreateLink();
  const { errors, formError, formRef, check, showFieldErrors, showApiError } = useFormErrors();

  // A problem with one tag is reported at "tags.<index>".
  const tagsError = errors.tags ?? Object.entries(errors).find(([field]) => field.startsWith("tags."))?.[1];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    let request;
    try {
      request = toRequest(Object.fromEntries(new FormData(form)));
    } catch {
      return showFieldErrors({ expires_at: "Enter a valid date and time." });
    }
    if (!check(createUrlRequestSchema, request)) return;
    create.mutate(request, {
      onSuccess: (link) => {
        form.reset();
        // reset() restores a URL carried in from the landing page; the next link starts empty.
        const longUrl = form.elements.namedItem("long_url");
        if (longUrl instanceof HTMLInputElement) longUrl.value = "";
        onCreated(link);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409)
          showFieldErrors({ custom_code: "This code is already taken. Choose another one." });
        else showApiError(error);
      },
    });
  };

  return (
    <form ref={formRef} className="card stack" onSubmit={submit} noValidate aria-label="Shorten a link">
      <div className="shorten-row">
        <TextField
          className="grow"
          label="Long URL"
          name="long_url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/a/very/long/path"
          defaultValue={initialUrl}
          required
          error={errors.long_url}
        />
        <Button type="submit" busy={create.isPending} className="shorten-submit">
          {create.isPending ? "Shortening…" : "Shorten"}
        </Button>
      </div>
      <details className="options" open={Boolean(errors.custom_code || errors.expires_at || errors.max_clicks || tagsError) || undefined}>
        <summary>Options: custom code, expiry, click limit, tags</summary>
        <div className="options-grid">
          <TextField
            label="Custom code"
            name="custom_code"
            placeholder="launch-2026"
            error={errors.custom_code}
            hint="3–32 letters, digits, - or _"
          />
          <TextField label="Expires at" name="expires_at" type="datetime-local" error={errors.expires_at} hint="Your local time" />
          <TextField
            label="Click limit"
            name="max_clicks"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            error={errors.max_clicks}
            hint="Stops redirecting after this many clicks"
          />
          <TextField label="Tags" name="tags" placeholder="newsletter, spring" error={tagsError} hint="Up to 10, separated by commas" />
        </div>
      </details>
      {formError && <Alert>{formError}</Alert>}
    </form>
  );
}
