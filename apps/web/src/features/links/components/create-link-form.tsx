import { createUrlRequestSchema, type CreatedUrlResponse } from "@shortly/contract";
import { useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-error";
import { useFormErrors } from "../../../lib/use-form-errors";
import { useCreateLink } from "../api/create-link";
import { hasUtm, withUtm, type Utm } from "../utils/utm";
import { UtmBuilder } from "./utm-builder";

/** Form values → the contract's request (empty optional fields left out; UTM parameters added to the destination). */
function toRequest(values: Record<string, FormDataEntryValue>, utm: Utm) {
  const text = (name: string) => String(values[name] ?? "").trim();
  const longUrl = text("long_url");
  return {
    long_url: (hasUtm(utm) && withUtm(longUrl, utm)) || longUrl,
    ...(text("custom_code") && { custom_code: text("custom_code") }),
    // datetime-local is the user's local time; the API takes an instant.
    ...(text("expires_at") && { expires_at: new Date(text("expires_at")).toISOString() }),
    ...(text("max_clicks") && { max_clicks: Number(text("max_clicks")) }),
    ...(text("tags") && {
      tags: text("tags")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    }),
    // A password is taken as typed: spaces may be part of it.
    ...(values.password && { password: String(values.password) }),
  };
}

export function CreateLinkForm({ initialUrl = "", onCreated }: { initialUrl?: string; onCreated: (link: CreatedUrlResponse) => void }) {
  const create = useCreateLink();
  const { errors, formError, formRef, check, showFieldErrors, showApiError } = useFormErrors();
  const [longUrl, setLongUrl] = useState(initialUrl);
  const [utm, setUtm] = useState<Utm>({});

  // A problem with one tag is reported at "tags.<index>".
  const tagsError = errors.tags ?? Object.entries(errors).find(([field]) => field.startsWith("tags."))?.[1];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    let request;
    try {
      request = toRequest(Object.fromEntries(new FormData(form)), utm);
    } catch {
      return showFieldErrors({ expires_at: "Enter a valid date and time." });
    }
    if (!check(createUrlRequestSchema, request)) return;
    create.mutate(request, {
      onSuccess: (link) => {
        form.reset();
        // The next link starts empty, also when this one's URL came from the landing page.
        setLongUrl("");
        setUtm({});
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
          value={longUrl}
          onChange={(e) => setLongUrl(e.target.value)}
          required
          error={errors.long_url}
        />
        <Button type="submit" busy={create.isPending} className="shorten-submit">
          {create.isPending ? "Shortening…" : "Shorten"}
        </Button>
      </div>
      <details
        className="options"
        open={Boolean(errors.custom_code || errors.expires_at || errors.max_clicks || tagsError || errors.password) || undefined}
      >
        <summary>Options: custom code, expiry, click limit, tags, password</summary>
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
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            error={errors.password}
            hint="Visitors must type it to open the link (8–72 characters)"
          />
        </div>
      </details>
      <UtmBuilder longUrl={longUrl} utm={utm} onChange={setUtm} />
      {formError && <Alert>{formError}</Alert>}
    </form>
  );
}
